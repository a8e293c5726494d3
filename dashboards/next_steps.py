"""Moved to :mod:`dashboards.pages.next_steps`.

Kept for ``dashboards.report`` until it imports from there (one line at merge).
"""

from dashboards.pages.next_steps import STEPS_CSS, next_steps_html

__all__ = ["STEPS_CSS", "next_steps_html"]
