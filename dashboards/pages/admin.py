"""Administration page: accounts, retention of tenant codes, purge and backup.

For the *administration* role (:mod:`concert.accounts`). Every callback calls the library
with the session's account (:meth:`DashboardState.signed_in`), which refuses what the role
does not allow: the page may be built for any session, and a *lecture* session's clicks
are refused by the store, not only hidden. The purge first shows what goes
(:meth:`concert.Store.purge_plan`, ententes III under pseudonyms), then removes it on
confirmation (:meth:`concert.Store.purge`).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import panel as pn
import param

from concert import accounts
from concert.accounts import Account
from concert.privacy import agreement_names
from concert.retention import PurgePlan
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    error_message,
    esc,
    html_table,
    message_html,
    tr,
)

__all__ = ["AdminPage"]

ROW_CSS = ":host { align-items: flex-end; gap: 0.6em; flex-wrap: wrap; }"


def _row_button(color: str, on_click: Callable[[Any], Any], *,
                visible: bool = True) -> pn.widgets.Button:
    """A button aligned with the fields of its row (:data:`ROW_CSS`), calling ``on_click``."""
    button = pn.widgets.Button(color=color, align="end", height=40, visible=visible)
    button.on_click(on_click)
    return button


class AdminPage(pn.viewable.Viewer):
    """The administration page of one session (built once; texts follow ``state.lang``).

    Parameters
    ----------
    state : DashboardState
        The session's state; its ``session`` is the signed-in account.
    """

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(**params)
        self.state = state
        self._plan: PurgePlan | None = None
        self._shown: dict[tuple[str, str], str] = {}
        self._months_shown = False
        html = {"stylesheets": [TABLE_CSS + MESSAGE_CSS], "sizing_mode": "stretch_width"}
        self._title = pn.pane.HTML("", **html)
        self._table = pn.pane.HTML("", **html)
        self._add_title = pn.pane.HTML("", **html)
        self.name_input = pn.widgets.TextInput(width=220)
        self.display_input = pn.widgets.TextInput(width=220)
        self.organisation_input = pn.widgets.Select(width=380)
        self.role_input = pn.widgets.Select(width=220)
        self.password_input = pn.widgets.PasswordInput(width=340)
        self._add = _row_button("primary", self.add_account)
        self._manage_title = pn.pane.HTML("", **html)
        self.account_input = pn.widgets.Select(width=260)
        self._remove = _row_button("danger", self.remove_account)
        self.new_password_input = pn.widgets.PasswordInput(width=340)
        self._reset = _row_button("primary", self.reset_password)
        self._retention_title = pn.pane.HTML("", **html)
        # A text field (bokeh's spinner buttons have no accessible name); the library
        # checks the number.
        self.months_input = pn.widgets.TextInput(width=380)
        self._retention_save = _row_button("primary", self.set_retention)
        self._plan_button = pn.widgets.Button(color="primary")
        # prepare_purge returns its message (for tests): Panel drops it, its hint wants None.
        prepare: Callable[[Any], Any] = self.prepare_purge
        self._plan_button.on_click(prepare)
        self.plan_pane = pn.pane.HTML("", **html)
        self._confirm = _row_button("danger", self.confirm_purge, visible=False)
        self._cancel = _row_button("light", self.cancel_purge, visible=False)
        self._backup_title = pn.pane.HTML("", **html)
        self._backup = pn.widgets.FileDownload(callback=self.backup_file, color="primary",
                                               filename="concert-sauvegarde.db")
        self.message = pn.pane.HTML("", **html)
        self._layout = pn.Column(
            self._title, self.message, self._table,
            self._add_title,
            pn.Row(self.name_input, self.display_input, self.organisation_input,
                   stylesheets=[ROW_CSS]),
            pn.Row(self.role_input, self.password_input, self._add, stylesheets=[ROW_CSS]),
            self._manage_title,
            pn.Row(self.account_input, self._remove, stylesheets=[ROW_CSS]),
            pn.Row(self.new_password_input, self._reset, stylesheets=[ROW_CSS]),
            self._retention_title,
            pn.Row(self.months_input, self._retention_save, stylesheets=[ROW_CSS]),
            pn.Row(self._plan_button, stylesheets=[ROW_CSS]), self.plan_pane,
            pn.Row(self._confirm, self._cancel, stylesheets=[ROW_CSS]),
            self._backup_title, self._backup, sizing_mode="stretch_width")
        self.refresh()
        state.param.watch(self._relabel, "lang")
        state.param.watch(self.refresh, "version")

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout

    # ------------------------------------------------------------------ texts
    @property
    def lang(self) -> str:
        """The language of the page."""
        return str(self.state.lang)

    def _relabel(self, *_events: param.parameterized.Event) -> None:
        lang = self.lang
        self._title.object = f"<h2>{esc(tr('dash.page.admin', lang))}</h2>"
        self._add_title.object = f"<h3>{esc(tr('dash.admin.add_title', lang))}</h3>"
        self.name_input.name = tr("dash.admin.login", lang)
        self.display_input.name = tr("dash.admin.display_name", lang)
        self.organisation_input.name = tr("dash.admin.organisation", lang)
        self.role_input.name = tr("dash.admin.role", lang)
        self.role_input.options = {accounts.role_label(r, lang): r for r in accounts.ROLES}
        if self.role_input.value is None or self.role_input.value not in accounts.ROLES:
            self.role_input.value = "committee"
        minimum = accounts.MIN_PASSWORD
        self.password_input.name = tr("dash.admin.password", lang, min=minimum)
        self._add.name = tr("dash.admin.add", lang)
        self._manage_title.object = f"<h3>{esc(tr('dash.admin.manage_title', lang))}</h3>"
        self.account_input.name = tr("dash.admin.account", lang)
        self._remove.name = tr("dash.admin.remove", lang)
        self.new_password_input.name = tr("dash.admin.new_password", lang, min=minimum)
        self._reset.name = tr("dash.admin.reset", lang)
        self._retention_save.name = tr("dash.admin.retention_save", lang)
        self.months_input.name = tr("dash.admin.retention_months", lang)
        self._plan_button.name = tr("dash.admin.purge_plan", lang)
        self._cancel.name = tr("dash.admin.purge_cancel", lang)
        self._backup_title.object = (f"<h3>{esc(tr('dash.admin.backup_title', lang))}</h3>"
                                     f'<p class="small">{esc(tr("dash.admin.backup_help", lang))}'
                                     "</p>")
        self._backup.label = tr("dash.data.backup", lang)
        self._backup.filename = ("concert-sauvegarde.db" if lang == "fr"
                                 else "concert-backup.db")
        self._show_accounts()
        self._show_retention()
        if self._plan is not None:
            self._show_plan(self._plan)

    def refresh(self, *_events: param.parameterized.Event) -> None:
        """Read the accounts, the organisations and the retention period again."""
        region = self.state.region
        actors = sorted(region.actors, key=lambda a: a.name.casefold()) if region else []
        self.organisation_input.options = {a.name: a.id for a in actors}
        if actors and self.organisation_input.value not in {a.id for a in actors}:
            self.organisation_input.value = actors[0].id
        self._relabel()

    def _show_accounts(self) -> None:
        lang = self.lang
        try:
            with self.state.signed_in() as (store, session):
                listed = store.accounts(session=session)
        except Exception as exc:  # noqa: BLE001 - a refusal is shown, never a traceback
            self._table.object = self._error(exc)
            self.account_input.options = []
            return
        names = {a.id: a.name for a in self.state.region.actors} if self.state.region else {}
        rows = [(a.name, a.display_name, names.get(a.organisation, a.organisation),
                 accounts.role_label(a.role, lang)) for a in listed]
        self._table.object = (html_table(
            [tr("dash.admin.login", lang), tr("dash.admin.display_name", lang),
             tr("dash.admin.organisation", lang), tr("dash.admin.role", lang)], rows,
            caption=tr("dash.admin.accounts", lang)))
        self.account_input.options = [a.name for a in listed]
        if listed and self.account_input.value not in self.account_input.options:
            self.account_input.value = listed[0].name

    def _show_retention(self) -> None:
        lang = self.lang
        try:
            with self.state.signed_in() as (store, _session):
                months = store.retention_months()
        except Exception:  # noqa: BLE001 - no store (a notebook): nothing set
            months = None
        now = (tr("dash.admin.retention_now", lang, months=months) if months is not None
               else tr("dash.admin.retention_unset", lang))
        self._retention_title.object = (
            f"<h3>{esc(tr('dash.admin.retention_title', lang))}</h3>"
            f'<p class="small">{esc(tr("dash.admin.retention_help", lang))} {esc(now)}</p>')
        if months is not None and not self._months_shown:
            self.months_input.value = str(months)
            self._months_shown = True

    def _error(self, exc: BaseException) -> str:
        sentence, problems = error_message(exc, self.lang, self.state.db_path)
        return message_html(sentence, "danger", items=problems)

    def _say(self, text: str, kind: str = "success") -> str:
        self.message.object = message_html(text, kind)
        return text

    def _fail(self, exc: BaseException) -> str:
        self.message.object = self._error(exc)
        return str(self.message.object)

    # ------------------------------------------------------------------ callbacks
    def add_account(self, _event: Any = None) -> str:
        """Add the account typed in the form (``Store.add_account`` with the session)."""
        lang = self.lang
        try:
            account = Account(self.name_input.value or "", self.role_input.value or "",
                              display_name=self.display_input.value or "",
                              region=self.state.region_code or "",
                              organisation=self.organisation_input.value or "")
            with self.state.signed_in() as (store, session):
                store.add_account(account, self.password_input.value or "", session=session)
        except Exception as exc:  # noqa: BLE001 - a refusal is shown, never a traceback
            return self._fail(exc)
        finally:
            self.password_input.value = ""
        self.name_input.value = self.display_input.value = ""
        self._show_accounts()
        return self._say(tr("dash.admin.added", lang, name=account.name))

    def remove_account(self, _event: Any = None) -> str:
        """Remove the account chosen (``Store.remove_account`` with the session)."""
        name = self.account_input.value
        if not name:
            return self._say(tr("dash.admin.no_account", self.lang), "warning")
        try:
            with self.state.signed_in() as (store, session):
                store.remove_account(name, session=session)
        except Exception as exc:  # noqa: BLE001
            return self._fail(exc)
        self._show_accounts()
        return self._say(tr("dash.admin.removed", self.lang, name=name))

    def reset_password(self, _event: Any = None) -> str:
        """Give the account chosen a new password (``Store.set_password``)."""
        name = self.account_input.value
        if not name:
            return self._say(tr("dash.admin.no_account", self.lang), "warning")
        try:
            with self.state.signed_in() as (store, session):
                store.set_password(name, self.new_password_input.value or "", session=session)
        except Exception as exc:  # noqa: BLE001
            return self._fail(exc)
        finally:
            self.new_password_input.value = ""
        return self._say(tr("dash.admin.reset_done", self.lang, name=name))

    def set_retention(self, _event: Any = None) -> str:
        """Save the retention period typed (``Store.set_retention_months``)."""
        typed = (self.months_input.value or "").strip()
        months: Any = int(typed) if typed.isdigit() and len(typed) < 7 else typed
        try:
            with self.state.signed_in() as (store, session):
                store.set_retention_months(months, session=session)
        except Exception as exc:  # noqa: BLE001
            return self._fail(exc)
        self._plan = None
        self._show_plan(None)
        self._show_retention()
        return self._say(tr("dash.admin.retention_saved", self.lang, months=months))

    def prepare_purge(self, _event: Any = None) -> str:
        """Show what the purge would remove (``Store.purge_plan``); nothing is written."""
        try:
            with self.state.signed_in() as (store, session):
                plan = store.purge_plan(session=session)
                shown = self._pseudonyms(store, [(e.region, e.agreement) for e in plan.items])
        except Exception as exc:  # noqa: BLE001
            self._plan = None
            self._show_plan(None)
            return self._fail(exc)
        self._plan, self._shown = plan, shown
        self.message.object = ""
        return self._show_plan(plan)

    def confirm_purge(self, _event: Any = None) -> str:
        """Remove what the plan shown lists (``Store.purge``), then reload the region."""
        plan = self._plan
        if plan is None:
            return self._say(tr("dash.admin.purge_nothing", self.lang), "warning")
        try:
            with self.state.signed_in() as (store, session):
                done = store.purge(plan, session=session)
        except Exception as exc:  # noqa: BLE001
            return self._fail(exc)
        self._plan = None
        self._show_plan(None)
        text = tr("dash.admin.purge_done", self.lang, agreements=done.agreements,
                  audit=done.audit_rows, log=done.log_rows)
        self.state.reload()
        return self._say(text)

    def cancel_purge(self, _event: Any = None) -> None:
        """Forget the plan shown."""
        self._plan = None
        self._show_plan(None)

    def backup_file(self) -> io.BytesIO | None:
        """A backup of the whole file (``Store.backup`` with the session; administrators)."""
        try:
            with tempfile.TemporaryDirectory() as folder, \
                    self.state.signed_in() as (store, session):
                path = store.backup(Path(folder) / "backup.db", session=session)
                data = path.read_bytes()
        except Exception as exc:  # noqa: BLE001
            self._fail(exc)
            return None
        return io.BytesIO(data)

    # ------------------------------------------------------------------ purge listing
    @staticmethod
    def _pseudonyms(store: Any, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """How ententes III are named on screen: their pseudonyms, never their ids."""
        if not pairs:
            return {}
        return agreement_names(pairs, store.load_regions({r for r, _ in pairs}))

    def _show_plan(self, plan: PurgePlan | None) -> str:
        lang = self.lang
        if plan is None:
            self.plan_pane.object = ""
            self._confirm.visible = self._cancel.visible = False
            return ""
        if not plan.items:
            self.plan_pane.object = message_html(
                tr("dash.admin.purge_none", lang, cutoff=plan.cutoff.isoformat()), "info")
            self._confirm.visible = self._cancel.visible = False
            return str(self.plan_pane.object)
        rows = [(e.region, self._shown.get((e.region, e.agreement), "III-?")
                 + ("" if e.in_region else " " + tr("dash.admin.purge_gone", lang)),
                 e.ended_on.isoformat(), f"{e.audit_rows} / {e.log_rows}") for e in plan.items]
        self.plan_pane.object = (
            f"<p>{esc(tr('dash.admin.purge_header', lang, cutoff=plan.cutoff.isoformat(), months=plan.months))}</p>"  # noqa: E501
            + html_table([tr("dash.admin.purge_region", lang),
                          tr("dash.admin.purge_agreement", lang),
                          tr("dash.admin.purge_ended", lang), tr("dash.admin.purge_rows", lang)],
                         rows))
        self._confirm.name = tr("dash.admin.purge_confirm", lang, n=len(plan.items))
        self._confirm.visible = self._cancel.visible = True
        return str(self.plan_pane.object)
