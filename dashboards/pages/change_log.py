"""The change log in words (issue 13, point 6): who changed what and when.

Sentences in the session's language (:func:`concert.changelog.change_log`), newest first,
in local time, filtered by kind of record and by dates, each with the before and after of
its fields. A past state can be brought back as a new audited save, after a confirmation
listing what changes (:func:`concert.changelog.restore_plan`,
:meth:`concert.Store.restore_as_of`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import panel as pn
import param

from concert import i18n
from concert._errors import ConcertError
from concert.changelog import change_log, restore_plan
from concert.privacy import agreement_pseudonyms
from concert.region import RECORD_LISTS, region_copy
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    esc,
    html_options,
    message_html,
    row_tuples,
    tr,
    typed_date,
)
from dashboards.forms.editor import author_box, can_edit, session_of
from dashboards.forms.fields import FIELD_CSS
from dashboards.pages.base import Page

__all__ = ["ChangeLogPage", "log_html"]

LOG_CSS = TABLE_CSS + MESSAGE_CSS + """
ol.log { padding-left: 0; list-style: none; }
ol.log li { border-bottom: 1px solid #c8d3de; padding: 0.45em 0; }
.when { color: #3d3d3d; font-variant-numeric: tabular-nums; margin-right: 0.6em; }
table.data { font-size: 0.9em; margin: 0.3em 0 0.2em 0; }
table.data td.before { background: #FBE9EA; } table.data td.after { background: #E6F4EA; }
"""
MAX_SHOWN = 100


def _fields_table(fields: list[tuple[str, str, str]], lang: str, *, now_then: bool = False
                  ) -> str:
    if not fields:
        return ""
    a, b = ("log.now", "log.then") if now_then else ("log.before", "log.after")
    body = "".join(f'<tr><td>{esc(f)}</td><td class="before">{esc(x)}</td>'
                   f'<td class="after">{esc(y)}</td></tr>' for f, x, y in fields)
    return (f'<table class="data"><thead><tr><th scope="col">{esc(tr("log.field", lang))}</th>'
            f'<th scope="col">{esc(tr(a, lang))}</th><th scope="col">{esc(tr(b, lang))}</th>'
            f"</tr></thead><tbody>{body}</tbody></table>")


def log_html(frame: Any, lang: str) -> str:
    """The change log's rows as a list: local time, the sentence, the fields changed."""
    if frame.empty:
        return f"<p>{esc(tr('log.empty', lang))}</p>"
    items = []
    for r in row_tuples(frame.head(MAX_SHOWN)):
        details = ""
        if r.fields and r.action == "update":
            # Inline (a <details> element is what an injected payload would add: the
            # injection tests refuse any).
            details = _fields_table(list(r.fields), lang)
        elif r.fields:
            n = len(r.fields)
            details = f'<p class="small muted">{esc(tr("log.details", lang, n=n))}</p>'
        items.append(f'<li><span class="when">{esc(r.at_local)}</span>{esc(r.sentence)}'
                     f"{details}</li>")
    more = ""
    if len(frame) > MAX_SHOWN:
        more = f'<p class="muted">{esc(tr("log.more", lang, n=len(frame) - MAX_SHOWN))}</p>'
    return f'<ol class="log">{"".join(items)}</ol>{more}'


def iii_aliases(*regions: Any) -> dict[str, str]:
    """Pseudonyms of the ententes III of ``regions`` (their ids may be tenants' file numbers).

    One numbering for every region given (today's and a past one), as
    :func:`concert.privacy.agreement_pseudonyms` names them elsewhere.
    """
    seen: dict[str, Any] = {}
    for region in regions:
        for g in region.agreements:
            seen.setdefault(g.id, g)
    kept = [i for i, g in seen.items() if g.type != "III"]
    return agreement_pseudonyms(seen.values(), types=("III",), taken=kept)


def masked_changes(rows: list[dict[str, Any]], alias: dict[str, str]) -> list[dict[str, Any]]:
    """The audit rows with the ids of ententes III replaced by their pseudonyms."""
    out = []
    for c in rows:
        data = c.get("after") or c.get("before") or {}
        if c["kind"] == "agreement" and data.get("type") == "III":
            name = alias.get(str(c["key"]), "III-????")
            c = {**c, "key": name,
                 "before": {**c["before"], "id": name} if c.get("before") else None,
                 "after": {**c["after"], "id": name} if c.get("after") else None}
        out.append(c)
    return out


def masked_region(region: Any, alias: dict[str, str]) -> Any:
    """``region`` with its ententes III named by ``alias``."""
    out = region_copy(region)
    out.agreements = [dataclasses.replace(g, id=alias[g.id]) if g.id in alias else g
                      for g in region.agreements]
    return out


def _date(text: str | None) -> dt.date | None:
    try:
        return typed_date(text)
    except ValueError:
        return None


class ChangeLogPage(Page):
    """Who changed what and when, filterable; bring a past state back after a confirmation."""

    slug = "log"
    notice = param.String(default="", doc="The last restoration's message (HTML, escaped).")

    def build(self) -> pn.viewable.Viewable:
        """The page: filters, the log, the restoration."""
        state = self.state
        kinds = pn.widgets.MultiChoice(label=self.text("log.kinds"), options={},
                                       stylesheets=[FIELD_CSS], sizing_mode="stretch_width",
                                       max_width=600)
        since = pn.widgets.TextInput(label=self.text("log.since"),
                                     placeholder=self.text("log.date_placeholder"), width=200,
                                     stylesheets=[FIELD_CSS])
        until = pn.widgets.TextInput(label=self.text("log.until"),
                                     placeholder=self.text("log.date_placeholder"), width=200,
                                     stylesheets=[FIELD_CSS])

        def kind_options(lang: str) -> None:
            kinds.options = html_options({i18n.t(f"kind.{k}", lang): k for k in RECORD_LISTS})

        kind_options(self.lang)
        self.param.watch(lambda e: kind_options(e.new), "lang")

        def show(*_e: Any) -> str:
            lang = self.lang
            region = state.region
            if region is None:
                return ""
            try:
                rows = state.read_store(lambda s: s.changes(region.code))
            except ConcertError as exc:
                return message_html(exc.text(lang), "danger")
            rows = masked_changes(rows, iii_aliases(region))
            frame = change_log(rows, lang=lang, kinds=kinds.value or None,
                               since=_date(since.value), until=_date(until.value),
                               region=region)
            return log_html(frame, lang)

        log = pn.pane.HTML(pn.bind(lambda *_: show(), self.param.lang, self.param.version,
                                   kinds.param.value, since.param.value, until.param.value),
                           stylesheets=[LOG_CSS], sizing_mode="stretch_width")
        title = self.html(lambda: f"<h2>{esc(tr('dash.page.log', self.lang))}</h2>"
                          f'<p class="muted">{esc(tr("log.intro", self.lang))}</p>')
        restore = self._restore()
        restore.visible = self.bound(lambda: can_edit(state))
        return self.column(title, author_box(state, self.param.lang),
                           pn.Row(kinds, since, until), log, restore)

    def _restore(self) -> pn.Column:
        state = self.state
        when = pn.widgets.TextInput(label=self.text("log.restore_date"),
                                    placeholder=self.text("log.date_placeholder"), width=260,
                                    stylesheets=[FIELD_CSS])
        preview = pn.widgets.Button(label=self.text("log.restore_preview"), color="light")
        confirm = pn.widgets.Button(label=self.text("log.restore_confirm"), color="danger",
                                    visible=False)
        plan_pane = pn.pane.HTML("", stylesheets=[LOG_CSS], sizing_mode="stretch_width")
        notice = pn.pane.HTML(self.param.notice, stylesheets=[LOG_CSS],
                              sizing_mode="stretch_width")
        held: dict[str, Any] = {}

        def on_preview(_e: Any) -> None:
            lang, region = self.lang, state.region
            day = _date(when.value)
            confirm.visible = False
            if region is None or day is None:
                self.notice = message_html(tr("form.bad_date", lang, value=when.value), "danger")
                return
            try:
                past = state.read_store(lambda s: s.region_as_of(region.code, day))
            except ConcertError as exc:
                self.notice = message_html(exc.text(lang), "danger")
                return
            alias = iii_aliases(region, past)
            plan = restore_plan(masked_region(region, alias), masked_region(past, alias),
                                lang=lang)
            self.notice = ""
            if plan.empty:
                plan_pane.object = message_html(tr("log.restore_nothing", lang), "info")
                return
            items = "".join(
                f"<li>{esc(r.sentence)}{_fields_table(list(r.fields), lang, now_then=True)}</li>"
                for r in row_tuples(plan))
            plan_pane.object = (f"<h3>{esc(tr('log.restore_plan', lang, date=day.isoformat()))}"
                                f"</h3><ul>{items}</ul>")
            held.update(day=day, revision=region.revision)
            confirm.visible = True

        def on_confirm(_e: Any) -> None:
            lang = self.lang
            if session_of(state) is None and not state.author.strip():
                self.notice = message_html(tr("form.author_needed", lang), "warning")
                return
            session = session_of(state)
            try:
                state.write_store(lambda s: s.restore_as_of(
                    state.region_code, held["day"], revision=held["revision"], session=session))
            except ConcertError as exc:
                self.notice = message_html(tr("log.restore_failed", lang), "danger",
                                           items=[exc.text(lang)])
                return
            finally:
                confirm.visible = False
            plan_pane.object = ""
            self.notice = message_html("✔ " + tr("log.restored", lang,
                                                 date=held["day"].isoformat()), "success")

        preview.on_click(on_preview)
        confirm.on_click(on_confirm)
        title = self.html(lambda: f"<h3>{esc(tr('log.restore_title', self.lang))}</h3>")
        return pn.Column(title, pn.Row(when, preview), plan_pane, confirm, notice,
                         sizing_mode="stretch_width")
