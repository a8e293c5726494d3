"""My account page: who is signed in, a new password, and signing out.

The password change goes through :meth:`concert.Store.change_password`, which asks for
the current password: a session left open on a shared computer cannot take the account.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import panel as pn
import param

from concert import accounts
from dashboards._common import MESSAGE_CSS, TABLE_CSS, error_message, esc, message_html, tr

__all__ = ["AccountPage"]

ROW_CSS = ":host { align-items: flex-end; gap: 0.6em; flex-wrap: wrap; }"


class AccountPage(pn.viewable.Viewer):
    """The signed-in person's own page (built once; texts follow ``state.lang``).

    Parameters
    ----------
    state : DashboardState
        The session's state; its ``session`` is the signed-in account (``None``: no
        named accounts, nothing to change).
    """

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(**params)
        self.state = state
        html = {"stylesheets": [TABLE_CSS + MESSAGE_CSS], "sizing_mode": "stretch_width"}
        self._intro = pn.pane.HTML("", **html)
        self.old_input = pn.widgets.PasswordInput(width=340)
        self.new_input = pn.widgets.PasswordInput(width=340)
        self.confirm_input = pn.widgets.PasswordInput(width=340)
        self._change = pn.widgets.Button(color="primary", height=40)
        # change_password returns its message (for tests): Panel drops it, its hint wants None.
        change: Callable[[Any], Any] = self.change_password
        self._change.on_click(change)
        self.message = pn.pane.HTML("", **html)
        self._form = pn.Column(pn.Row(self.old_input, stylesheets=[ROW_CSS]),
                               pn.Row(self.new_input, self.confirm_input,
                                      stylesheets=[ROW_CSS]),
                               self._change, visible=state.session is not None)
        self._layout = pn.Column(self._intro, self._form, self.message,
                                 sizing_mode="stretch_width")
        self._relabel()
        state.param.watch(self._relabel, "lang")

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    def _relabel(self, *_events: param.parameterized.Event) -> None:
        lang = str(self.state.lang)
        session = self.state.session
        parts = [f"<h2>{esc(tr('dash.page.account', lang))}</h2>"]
        if session is None:
            parts.append(f"<p>{esc(tr('dash.account.none', lang))}</p>")
        else:
            region = self.state.region
            names = {a.id: a.name for a in region.actors} if region is not None else {}
            parts.append("<p>" + esc(tr(
                "dash.account.who", lang, user=session.account.shown_name,
                organisation=names.get(session.organisation, session.organisation or "—"),
                role=accounts.role_label(session.role, lang))) + "</p>")
            parts.append(f'<p><a href="./logout?lang={lang}">{esc(tr("dash.logout", lang))}'
                         "</a></p>")
            parts.append(f"<h3>{esc(tr('dash.account.password_title', lang))}</h3>")
        self._intro.object = "".join(parts)
        self.old_input.name = tr("dash.account.old", lang)
        self.new_input.name = tr("dash.account.new", lang, min=accounts.MIN_PASSWORD)
        self.confirm_input.name = tr("dash.account.confirm", lang)
        self._change.name = tr("dash.account.change", lang)

    def change_password(self, _event: Any = None) -> str:
        """Change the signed-in person's password (``Store.change_password``)."""
        lang = str(self.state.lang)
        old, new = self.old_input.value or "", self.new_input.value or ""
        confirm = self.confirm_input.value or ""
        self.old_input.value = self.new_input.value = self.confirm_input.value = ""
        if self.state.session is None:
            self.message.object = message_html(tr("dash.account.none", lang), "warning")
        elif new != confirm:
            self.message.object = message_html(tr("dash.account.mismatch", lang), "danger")
        else:
            try:
                with self.state.signed_in() as (store, session):
                    store.change_password(session, old, new)
            except Exception as exc:  # noqa: BLE001 - a refusal is shown, never a traceback
                sentence, problems = error_message(exc, lang, self.state.db_path)
                self.message.object = message_html(sentence, "danger", items=problems)
            else:
                self.message.object = message_html(tr("dash.account.changed", lang), "success")
        return str(self.message.object)
