"""The ententes III with their tenant codes, for the liaison agent only.

Shown under the agreements page to a role allowed ``tenant_codes``
(:mod:`concert.accounts`). The codes come from
:meth:`DashboardState.tenant_code_region`, i.e. :func:`concert.privacy.view` with the
session: the library refuses any other role and writes each showing to the access log.
"""

from __future__ import annotations

from typing import Any

import panel as pn
import param

from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    error_message,
    esc,
    html_table,
    message_html,
    tr,
)

__all__ = ["TenantCodes"]


class TenantCodes(pn.viewable.Viewer):
    """The ententes III table with tenant codes (each rendering logged by the library).

    Parameters
    ----------
    state : DashboardState
        The session's state.
    follow : bool
        Render now and again when the language or the region changes (a page built once).
        ``False``: the caller calls :meth:`render` each time it shows the table.
    """

    def __init__(self, state: Any, *, follow: bool = True, **params: Any) -> None:
        super().__init__(**params)
        self.state = state
        self._pane = pn.pane.HTML("", stylesheets=[TABLE_CSS + MESSAGE_CSS],
                                  sizing_mode="stretch_width")
        if follow:
            self.render()
            state.param.watch(self.render, ["lang", "version"])

    def __panel__(self) -> pn.viewable.Viewable:
        return self._pane

    def render(self, *_events: param.parameterized.Event) -> str:
        """Read the region with its tenant codes (logged) and show its ententes III."""
        lang = str(self.state.lang)
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
