"""The one list of the dashboard's pages: slug, view, editing, audience, group, in menu order.

Adding a page: a module in :mod:`dashboards.pages` with a :class:`~dashboards.pages.base.Page`
subclass, one line here, its ``dash.page.<slug>`` label in :mod:`concert.i18n`.

Who sees a page in the menu is its ``audience`` (:data:`AUDIENCES`, :func:`may_see`), the
one rule of the menu; the library still refuses, where data is read and written, what a
role may not do (:mod:`concert.accounts`). The menu draws the pages by ``group``
(:data:`GROUPS`), each under its heading ``dash.group.<group>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from concert.accounts import ROLES, Session
from dashboards.map import MapView
from dashboards.pages.account import AccountPage
from dashboards.pages.admin import AdminPage
from dashboards.pages.agreements import AgreementsPage
from dashboards.pages.analysis import AnalysisPage
from dashboards.pages.assessment import AssessmentPage
from dashboards.pages.bilan import BilanPage
from dashboards.pages.calls import CallLogPage, CallsCommitteePage
from dashboards.pages.change_log import ChangeLogPage
from dashboards.pages.changes import ChangesPage
from dashboards.pages.data import DataPage
from dashboards.pages.directory import DirectoryPage
from dashboards.pages.engagements import EngagementsPage
from dashboards.pages.figures import FiguresPage
from dashboards.pages.history import HistoryPage
from dashboards.pages.key_actors import KeyActorsPage
from dashboards.pages.new_region import NewRegionPage
from dashboards.pages.next_steps import NextStepsPage
from dashboards.pages.overview import OverviewPage
from dashboards.pages.plan import PlanPage
from dashboards.pages.records import (
    AgreementFormsPage,
    CommitteesPage,
    FigureFormsPage,
    OrganisationsPage,
    TiesPage,
)
from dashboards.pages.tenant_codes import TenantCodesPage
from dashboards.pages.trees import TreesPage

__all__ = ["AUDIENCES", "EDITING_PAGES", "GROUPS", "OPEN_PAGES", "PAGES", "REGISTRY",
           "PageEntry", "may_see"]

AUDIENCES: dict[str, frozenset[str]] = {
    "all": frozenset(ROLES),
    "editors": frozenset({"admin", "committee", "liaison"}),
    "liaison": frozenset({"liaison"}),
    "admin": frozenset({"admin"}),
    "signed_in": frozenset(ROLES),
}
"""Who sees a page, by audience: the roles (:data:`concert.accounts.ROLES`) of a signed-in
person. ``editors`` are the people who fill the forms (administration, comité, and the
liaison agent, the program's staff who often keeps the region's records: the library lets
that role write, so the menu does too);
``liaison`` the program's liaison agent only (an administrator does not see tenant codes);
``signed_in`` anyone signed in (one's own account)."""

WITHOUT_ACCOUNTS = frozenset({"all", "editors"})
"""The audiences shown without named accounts (the file's owner on localhost, a notebook)."""

GROUPS: tuple[str, ...] = ("region", "records", "committee", "liaison", "admin", "account")
"""The menu's groups, in order (heading ``dash.group.<group>``)."""


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
        Who may see it, a key of :data:`AUDIENCES`: ``"all"`` (every visitor),
        ``"editors"`` (the forms: administration, comité, liaison agent), ``"liaison"`` (the liaison
        agent only), ``"admin"`` (administration), ``"signed_in"`` (anyone signed in).
    group : str
        Its group in the menu, one of :data:`GROUPS`.
    """

    slug: str
    view: Callable[[Any], Any]
    editing: bool = False
    audience: str = "all"
    group: str = "region"

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES or self.group not in GROUPS:
            msg = f"page {self.slug}: audience {self.audience!r}, group {self.group!r}"
            raise ValueError(msg)


def may_see(audience: str, session: Session | None) -> bool:
    """True if a page of ``audience`` is offered to ``session`` (``None``: no accounts).

    Examples
    --------
    >>> may_see("editors", None), may_see("liaison", None), may_see("admin", None)
    (True, False, False)
    """
    if session is None:
        return audience in WITHOUT_ACCOUNTS
    return session.role in AUDIENCES[audience]


REGISTRY: dict[str, PageEntry] = {e.slug: e for e in (
    PageEntry("overview", OverviewPage),
    PageEntry("map", MapView),
    PageEntry("agreements", AgreementsPage),
    PageEntry("history", HistoryPage),
    PageEntry("analysis", AnalysisPage),
    PageEntry("changes", ChangesPage),
    PageEntry("key_actors", KeyActorsPage),
    PageEntry("directory", DirectoryPage),
    PageEntry("log", ChangeLogPage),
    # The regional developer's workspace (issue 13): the region's records, entered here.
    PageEntry("organisations", OrganisationsPage, editing=True, audience="editors",
              group="records"),
    PageEntry("agreement_forms", AgreementFormsPage, editing=True, audience="editors",
              group="records"),
    PageEntry("committees", CommitteesPage, editing=True, audience="editors", group="records"),
    PageEntry("ties", TiesPage, editing=True, audience="editors", group="records"),
    PageEntry("figure_forms", FigureFormsPage, editing=True, audience="editors",
              group="records"),
    PageEntry("new_region", NewRegionPage, editing=True, audience="editors", group="records"),
    PageEntry("data", DataPage, group="records"),
    PageEntry("assessment", AssessmentPage, editing=True, audience="editors",
              group="committee"),
    PageEntry("next_steps", NextStepsPage, group="committee"),
    PageEntry("bilan", BilanPage, group="committee"),
    PageEntry("plan", PlanPage, group="committee"),
    PageEntry("engagements", EngagementsPage, group="committee"),
    PageEntry("figures", FiguresPage, group="committee"),
    PageEntry("calls_committee", CallsCommitteePage, group="committee"),
    PageEntry("calls", CallLogPage, editing=True, audience="liaison", group="liaison"),
    PageEntry("tenant_codes", TenantCodesPage, audience="liaison", group="liaison"),
    PageEntry("trees", TreesPage, group="liaison"),
    PageEntry("admin", AdminPage, audience="admin", group="admin"),
    PageEntry("account", AccountPage, audience="signed_in", group="account"),
)}

PAGES: tuple[str, ...] = tuple(REGISTRY)
"""The pages, in menu order (slugs used in the URL: ``?page=map``)."""

EDITING_PAGES: tuple[str, ...] = tuple(s for s, e in REGISTRY.items() if e.editing)
"""Pages hidden in presentation mode."""

OPEN_PAGES: tuple[str, ...] = tuple(s for s, e in REGISTRY.items() if may_see(e.audience, None))
"""The pages offered without named accounts (the file's owner, a notebook), in menu order."""
