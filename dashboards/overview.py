"""Moved to :mod:`dashboards.pages.overview`.

Kept for ``dashboards.report`` until it imports from there (one line at merge).
"""

from dashboards.pages.overview import (
    MATRIX_CSS,
    changes_html,
    key_figures_html,
    matrix_html,
    maturity_matrix,
    region_stage_html,
)

__all__ = ["MATRIX_CSS", "changes_html", "key_figures_html", "matrix_html", "maturity_matrix",
           "region_stage_html"]
