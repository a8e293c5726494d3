"""The pages that edit the region's records (issue 13, point 2).

Organisations, ententes, committees and seats, declared ties, program figures.

Each is a :class:`RecordsPage`: one :class:`~dashboards.forms.editor.Editor` per kind of
record it edits (in tabs when several). Presentation mode and the roles that may not write
show no form; without accounts, the page asks once for the name saves are recorded under.
"""

from __future__ import annotations

from typing import Any, ClassVar

import panel as pn

from dashboards._common import TABLE_CSS, esc, message_html, tr
from dashboards.forms.editor import Editor, author_box, can_edit, kind_title, pending_prefill
from dashboards.pages.base import Page

__all__ = ["AgreementFormsPage", "CommitteesPage", "FigureFormsPage", "OrganisationsPage",
           "RecordsPage", "TiesPage"]


class RecordsPage(Page):
    """A page of editors, one per kind of record in :attr:`kinds`."""

    kinds: ClassVar[tuple[str, ...]] = ()

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state, **params)
        self.editors: dict[str, Editor] = {}

    def build(self) -> pn.viewable.Viewable:
        """The page: a title, the name asked once, the editors."""
        state = self.state
        self.editors = {k: Editor(state, k, self.lang) for k in self.kinds}
        title = self.html(lambda: f"<h2>{esc(tr(f'dash.page.{self.slug}', self.lang))}</h2>"
                          f'<p class="muted">{esc(tr(f"form.intro.{self.slug}", self.lang))}</p>')
        hidden = self.html(lambda: message_html(tr("form.hidden", self.lang), "info")
                           if not can_edit(state) else "",
                           css=TABLE_CSS + ":host{width:100%}")
        self._panels = {k: e.panel() for k, e in self.editors.items()}
        self._holder = pn.Column(self._panels[self.kinds[0]], sizing_mode="stretch_width")
        # Several kinds: a switch (buttons, relabelled in place) rather than tabs.
        self._switch = pn.widgets.RadioButtonGroup(
            options={kind_title(k, self.lang): k for k in self.kinds}, value=self.kinds[0],
            color="primary", variant="outline", visible=len(self.kinds) > 1,
            stylesheets=[".bk-btn { font-size: 1.05em; min-height: 40px; }"])
        self._switch.param.watch(lambda e: self._show(e.new), "value")
        forms = pn.Column(author_box(state, self.param.lang), self._switch, self._holder,
                          visible=self.bound(lambda: can_edit(state)),
                          sizing_mode="stretch_width")
        self.param.watch(self._redraw, ["lang", "version"])
        self.param.watch(lambda _e: self._take_prefill(), "active")
        self._take_prefill()
        return self.column(title, hidden, forms)

    def _show(self, kind: str) -> None:
        self._holder.objects = [self._panels[kind]]

    def _redraw(self, event: Any) -> None:
        for editor in self.editors.values():
            editor.redraw(self.lang)
        if event.name == "lang":
            self._switch.options = {kind_title(k, self.lang): k for k in self.kinds}

    def _take_prefill(self) -> None:
        """A new record asked for by another page (the key-actor grid's "add")."""
        if not self.active:
            return
        for kind, editor in self.editors.items():
            values = pending_prefill(self.state, kind)
            if values is not None:
                editor.start_new(values)
                self._switch.value = kind


class OrganisationsPage(RecordsPage):
    """Add, edit, retire (or delete, for a mistake) the region's organisations."""

    slug = "organisations"
    kinds = ("actor",)


class AgreementFormsPage(RecordsPage):
    """Add, edit and end ententes I, II and III (parties by role, Tableau 5)."""

    slug = "agreement_forms"
    kinds = ("agreement",)


class CommitteesPage(RecordsPage):
    """Committees and their seats."""

    slug = "committees"
    kinds = ("committee", "membership")


class TiesPage(RecordsPage):
    """Ties declared between organisations."""

    slug = "ties"
    kinds = ("tie",)


class FigureFormsPage(RecordsPage):
    """The program's figures."""

    slug = "figure_forms"
    kinds = ("figure",)
