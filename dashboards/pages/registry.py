"""The one list of the dashboard's pages: slug, view, editing, audience, in menu order.

Adding a page: a module in :mod:`dashboards.pages` with a :class:`~dashboards.pages.base.Page`
subclass, one line here, its ``dash.page.<slug>`` label in :mod:`concert.i18n`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dashboards.network_map import MapView
from dashboards.pages.agreements import AgreementsPage
from dashboards.pages.analysis import AnalysisPage
from dashboards.pages.assessment import AssessmentPage
from dashboards.pages.calls import CallLogPage, CallsCommitteePage
from dashboards.pages.changes import ChangesPage
from dashboards.pages.data import DataPage
from dashboards.pages.history import HistoryPage
from dashboards.pages.next_steps import NextStepsPage
from dashboards.pages.overview import OverviewPage
from dashboards.pages.trees import TreesPage

__all__ = ["EDITING_PAGES", "PAGES", "REGISTRY", "PageEntry"]


@dataclass(frozen=True)
class PageEntry:
    """A page of the dashboard.

    Attributes
    ----------
    slug : str
        Its name in the address (``?page=<slug>``) and in ``dash.page.<slug>``.
    view : callable
        ``view(state)`` gives the page (a :class:`~dashboards.pages.base.Page`, or another
        :class:`panel.viewable.Viewer` of the state, such as the map).
    editing : bool
        A page that writes to the store: hidden in presentation mode.
    audience : str
        Who may see it: ``"all"`` (every visitor of the committee's dashboard) or
        ``"editors"`` (people who may write: for the forms to come), or ``"liaison"`` (the
        liaison agent's call log: the page itself shows others only counts).
    """

    slug: str
    view: Callable[[Any], Any]
    editing: bool = False
    audience: str = "all"


REGISTRY: dict[str, PageEntry] = {e.slug: e for e in (
    PageEntry("overview", OverviewPage),
    PageEntry("map", MapView),
    PageEntry("agreements", AgreementsPage),
    PageEntry("assessment", AssessmentPage, editing=True),
    PageEntry("history", HistoryPage),
    PageEntry("next_steps", NextStepsPage),
    PageEntry("analysis", AnalysisPage),
    PageEntry("changes", ChangesPage),
    PageEntry("data", DataPage),
    PageEntry("calls", CallLogPage, editing=True, audience="liaison"),
    PageEntry("calls_committee", CallsCommitteePage),
    PageEntry("trees", TreesPage),
)}

PAGES: tuple[str, ...] = tuple(REGISTRY)
"""The pages, in menu order (slugs used in the URL: ``?page=map``)."""

EDITING_PAGES: tuple[str, ...] = tuple(s for s, e in REGISTRY.items() if e.editing)
"""Pages hidden in presentation mode."""
