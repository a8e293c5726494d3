"""The ententes III with their tenant codes, for the liaison agent only.

A page of the menu for the ``liaison`` audience (:mod:`dashboards.pages.registry`), for a
role allowed ``tenant_codes`` (:mod:`concert.accounts`). The codes come from
:meth:`DashboardState.tenant_code_region`, i.e. :func:`concert.privacy.view` with the
session: the library refuses any other role and writes each showing to the access log.
"""

from __future__ import annotations

from typing import Any

import panel as pn

from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    error_message,
    esc,
    html_table,
    message_html,
    tr,
)
from dashboards.pages.base import Page

__all__ = ["TenantCodesPage"]


class TenantCodesPage(Page):
    """The ententes III table with tenant codes: the liaison agent's page.

    Built once; read again (and logged by the library) at each showing of the page and when
    the language or the region changes while it is shown. Any other role gets the
    library's refusal, shown as a message.

    Parameters
    ----------
    state : DashboardState
        The session's state.
    """

    slug = "tenant_codes"

    def __init__(self, state: Any, **params: Any) -> None:
        self._pane: pn.pane.HTML | None = None
        super().__init__(state, **params)

    def build(self) -> pn.viewable.Viewable:
        """The page's layout: the table, read (and logged) now."""
        self._pane = pn.pane.HTML("", stylesheets=[TABLE_CSS + MESSAGE_CSS],
                                  sizing_mode="stretch_width")
        self.render()
        return self.column(self._pane)

    def sync(self) -> None:
        """Follow the state; a showing (or a change while shown) reads the codes again."""
        super().sync()
        if self.active and self._pane is not None:
            self.render()

    def render(self) -> str:
        """Read the region with its tenant codes (logged) and show its ententes III."""
        if self._pane is None:
            self.__panel__()
            assert self._pane is not None
            return str(self._pane.object)
        lang = str(self.lang)
        head = (f"<h2>{esc(tr('dash.tenant.title', lang))}</h2>"
                f'<p class="small">{esc(tr("dash.tenant.help", lang))}</p>')
        try:
            region = self.state.tenant_code_region()
        except Exception as exc:  # noqa: BLE001 - a refusal is shown, never a traceback
            sentence, problems = error_message(exc, lang, self.state.db_path)
            self._pane.object = head + message_html(sentence, "danger", items=problems)
            return str(self._pane.object)
        names = {a.id: a.name for a in region.actors} if region is not None else {}
        rows = []
        for g in (region.agreements if region is not None else []):
            if g.type != "III":
                continue
            tenant = next((p.tenant_code for p in g.parties if p.role == "tenant"), "")
            worker = next((names.get(p.actor, p.actor) for p in g.parties
                           if p.role == "worker"), "")
            rows.append((g.id, tenant, worker, g.ends_on.isoformat() if g.ends_on else "—"))
        if not rows:
            self._pane.object = head + f"<p>{esc(tr('dash.tenant.none', lang))}</p>"
        else:
            self._pane.object = head + html_table(
                [tr("dash.tenant.agreement", lang), tr("dash.tenant.code", lang),
                 tr("dash.tenant.worker", lang), tr("dash.agr.ends", lang)], rows)
        return str(self._pane.object)
