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

__all__ = ["AgreementFormsPage", "CommitteesPage", "FiguresPage", "OrganisationsPage",
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
        if len(self.kinds) == 1:
            body: Any = self.editors[self.kinds[0]].panel()
        else:
            body = pn.Tabs(*[(kind_title(k, self.lang), e.panel())
                             for k, e in self.editors.items()], dynamic=False,
                           sizing_mode="stretch_width")
        self._body = body
        forms = pn.Column(author_box(state, self.param.lang), body,
                          visible=self.bound(lambda: can_edit(state)),
                          sizing_mode="stretch_width")
        self.param.watch(self._redraw, ["lang", "version"])
        self.param.watch(lambda _e: self._take_prefill(), "active")
        self._take_prefill()
        return self.column(title, hidden, forms)

    def _redraw(self, _event: Any) -> None:
        for editor in self.editors.values():
            editor.redraw(self.lang)
        if isinstance(self._body, pn.Tabs):
            self._body._names = [kind_title(k, self.lang) for k in self.editors]
            self._body.param.trigger("objects")

    def _take_prefill(self) -> None:
        """A new record asked for by another page (the key-actor grid's "add")."""
        if not self.active:
            return
        for kind, editor in self.editors.items():
            values = pending_prefill(self.state, kind)
            if values is not None:
                editor.start_new(values)
                if isinstance(self._body, pn.Tabs):
                    self._body.active = list(self.editors).index(kind)


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


class FiguresPage(RecordsPage):
    """The program's figures."""

    slug = "figures"
    kinds = ("figure",)
