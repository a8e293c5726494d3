"""The liaison agent's desk: the call log (the liaison role only) and the committee's view.

Two pages over the library's call log (:mod:`concert.calls`, issue 16):

- :class:`CallLogPage` ("Appels"): the liaison agent records a call in coded fields
  (:class:`CallForm`) and sees the last calls. The log holds tenant codes: the form and
  the list are offered only to a signed-in session whose role is ``liaison``
  (``state.session``, set by the accounts); everyone else, and the single-user dashboard
  of a file without accounts, sees the counts and a sentence on how to get a liaison
  account. The store checks the role again at each save (:meth:`concert.Store.add_call`).
- :class:`CallsCommitteePage` ("Appels — vue du comité"): for a period, Tableaux 11 to
  13 rebuilt, the trend by quarter, calls by partner, re-evaluations due, the
  "fin de suivi" calls beside the entente II commitment and the gap rule's flags. It
  reads only tables of counts (:meth:`concert.Store.call_counts`): no tenant code and
  no note can reach it.

Every text goes through :mod:`concert.i18n`; every value is escaped
(:mod:`dashboards._common`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd
import panel as pn
import param
from bokeh.models import ColumnDataSource, Legend, LegendItem
from bokeh.plotting import figure

from concert import framework as fw
from concert import gaps, i18n
from concert._errors import ConcertError, Problem, ValidationError
from concert.accounts import role_label
from concert.actors import is_housing_provider, is_referring
from concert.calls import NOTE_MAX, Call, note_problems
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    bind,
    error_message,
    esc,
    html_options,
    html_table,
    message_html,
    row_tuples,
    tr,
    typed_date,
)
from dashboards.forms.editor import session_of
from dashboards.pages.base import DISPLAY, Page

__all__ = ["CallForm", "CallLogPage", "CallsCommitteePage", "committee_html", "may_log",
           "save_call", "trend_figure"]

FIELD_CSS = """
label { white-space: normal; font-size: 1em; line-height: 1.3; color: #111; }
.bk-input, select, input, textarea { font-size: 1em; min-height: 38px; color: #111; }
.bk-input::placeholder { color: #595959; }
"""
FIELD_WIDTH = 290
CHECK_CSS = """
:host { font-size: 1em; width: 100%; }
.bk-input-group { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr));
  gap: 0.1em 1.4em; }
label { display: flex; gap: 0.45em; align-items: flex-start; line-height: 1.3;
  margin: 0.15em 0; color: #111; white-space: normal; }
input[type="checkbox"] { width: 1.1em; height: 1.1em; margin-top: 0.15em; flex: none; }
"""
DESK_CSS = TABLE_CSS + MESSAGE_CSS + """
.field-problem { color: #8C1D18; margin: 0.1em 0 0.4em 0; font-size: 0.95em; }
.notice { border-left: 6px solid #0B4F8A; background: #EAF2FA; padding: 0.3em 0.8em;
  color: #0B2F52; }
table.data td.num, table.data th.num { text-align: right; }
.scroll { max-height: 420px; overflow: auto; }
.recent table.data { font-size: 0.85em; }
.recent table.data td:first-child { white-space: nowrap; }
"""
SAVE_CSS = """
.bk-btn { font-size: 1.05em; font-weight: 700; }
.bk-btn:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
"""
GROUP_COLOURS = {"tenant": "#0072B2", "worker": "#D55E00", "owner": "#009E73"}
RECENT = 15
"""How many of the latest calls the log page lists."""


# ------------------------------------------------------------------ the store, the session
@contextmanager
def _store(state: Any) -> Iterator[tuple[Any, Any]]:
    """The state's store and the session read again from it (``None`` without accounts).

    Raises StoreError without a store.
    """
    with state.signed_in() as (store, session):
        yield store, session


def may_log(state: Any) -> bool:
    """True when the session may read and write the log's rows (the liaison role)."""
    session = session_of(state)
    return session is not None and getattr(session, "role", "") == "liaison"


def _has_accounts(state: Any) -> bool:
    try:
        with _store(state) as (store, _session):
            return bool(store.has_accounts())
    except Exception:  # noqa: BLE001 - no store, or a damaged file: no accounts to offer
        return False


def counts(state: Any, table: str, **options: Any) -> pd.DataFrame:
    """A table of counts of the region's calls (:meth:`concert.Store.call_counts`)."""
    with _store(state) as (store, session):
        return store.call_counts(state.region_code, table, session=session, **options)


def actor_names(state: Any) -> dict[str, str]:
    """Actor id (as stored) -> the name shown (a neutral name when anonymised)."""
    real, shown = state.region, state.view_region
    if real is None or shown is None:
        return {}
    if len(real.actors) == len(shown.actors):
        return {a.id: s.label() for a, s in zip(real.actors, shown.actors, strict=True)}
    return {}


def _date(text: Any) -> Any:
    """A typed date as a date, or the text itself (the record then says what is wrong)."""
    text = "" if text is None else str(text).strip()
    if not text:
        return None
    try:
        return typed_date(text)
    except ValueError:
        return text


# ------------------------------------------------------------------ the call form
FIELDS = ("on", "caller_group", "caller_kind", "reasons", "tenant_code", "referring_org",
          "housing_provider", "tree", "action", "outcome", "reevaluate_on", "note")
RULE_FIELDS = {"call.kind_group": "caller_kind", "call.reasons_required": "reasons",
               "call.reason_group": "reasons", "call.reason_twice": "reasons",
               "agreement.tenant_code": "tenant_code", "call.reevaluate_before": "reevaluate_on",
               "call.note_code": "note", "call.note_name": "note"}


def field_of(problem: Problem, call: dict[str, Any] | None = None) -> str:
    """The form field a problem is about (``""``: the call as a whole)."""
    named = problem.params.get("field")
    if isinstance(named, str) and named in FIELDS:
        return named
    if problem.rule == "call.unknown_actor" and call is not None:
        return "housing_provider" if problem.params.get("actor") == call.get(
            "housing_provider") else "referring_org"
    return RULE_FIELDS.get(problem.rule, "")


class CallDraft(param.Parameterized):
    """What the form says after its last save, and what the note looks like as typed."""

    problems = param.List(default=[], doc="The problems of the last save (Problem).")
    note_problems = param.List(default=[], doc="The note's problems, as typed.")
    message = param.String(default="", doc="The last save's result, in words.")
    ok = param.Boolean(default=False, doc="Whether the last save succeeded.")
    saved = param.Integer(default=0, doc="Increases at each successful save.")
    values = param.Dict(default={}, doc="The values given to the last save.")


def save_call(state: Any, values: dict[str, Any], lang: str) -> tuple[bool, str, list[Problem]]:
    """Record a call from the form's ``values`` through the session's role.

    The session (``state.session``) goes to :meth:`concert.Store.add_call`, which
    refuses every role but ``liaison``; without a session nothing is saved (the page's
    rule: the log is a signed-in liaison agent's).

    Returns
    -------
    tuple
        ``(saved, message, problems)``: the problems of a refused call, to show at
        their fields.
    """
    session = session_of(state)
    if session is None:
        return False, tr("desk.need_session", lang), []
    on = _date(values.get("on"))
    stamp = on.strftime("%Y%m%d") if isinstance(on, dt.date) else "date"
    call_id = f"appel-{stamp}-{uuid.uuid4().hex[:6]}"
    try:
        call = Call(call_id, on, values.get("caller_group", ""), values.get("caller_kind", ""),
                    tuple(values.get("reasons") or ()),
                    tenant_code=str(values.get("tenant_code") or "").strip(),
                    referring_org=values.get("referring_org") or "",
                    housing_provider=values.get("housing_provider") or "",
                    tree=values.get("tree") or "", action=values.get("action") or "",
                    outcome=values.get("outcome") or "",
                    reevaluate_on=_date(values.get("reevaluate_on")),
                    note=str(values.get("note") or "").strip())
        with _store(state) as (store, current):
            store.add_call(state.region_code, call, session=current)
    except ValidationError as exc:
        return False, tr("desk.not_saved", lang), list(exc.problems)
    except Exception as exc:  # noqa: BLE001 - refused (role, store): said in words
        sentence, problems = error_message(exc, lang, state.db_path)
        detail = " ".join(problems) if isinstance(exc, ConcertError) and problems else sentence
        return False, tr("desk.refused", lang, detail=detail), []
    return True, tr("desk.saved", lang, id=call.id, date=call.on.isoformat()), []


def _options(table: str, codes: Any, lang: str, *, none: bool = False) -> dict[str, str]:
    out = {tr("desk.none", lang): ""} if none else {}
    out.update({i18n.label(table, c, lang): c for c in codes})
    return out


class CallForm:
    """The form of one call: coded fields, the note's notice, a Save button.

    Built for a page (its language and state); :meth:`values` reads it, :meth:`save`
    records it through the session, :meth:`prefill` fills it from a tree's walk.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.draft = CallDraft()
        state = page.state
        today = state.today()
        days = fw.PARAMETERS["call_reevaluation_days"][0]
        lang = page.lang
        text = page.text
        css = [FIELD_CSS]
        self.on = pn.widgets.TextInput(label=text("desk.field.on"),
                                       value=today.isoformat(), width=FIELD_WIDTH, stylesheets=css)
        self.caller_group = pn.widgets.Select(
            label=text("desk.field.group"),
            options=_options("caller_group", fw.codes("caller_group"), lang), value="tenant",
            width=FIELD_WIDTH, stylesheets=css)
        self.caller_kind = pn.widgets.Select(
            label=text("desk.field.kind"), width=FIELD_WIDTH, stylesheets=css)
        self.reasons = pn.widgets.CheckBoxGroup(inline=False, value=[],
                                                stylesheets=[CHECK_CSS],
                                                sizing_mode="stretch_width")
        self.tenant_code = pn.widgets.TextInput(
            label=text("desk.field.tenant_code"), width=FIELD_WIDTH,
            placeholder="CEM-2025-0001", stylesheets=css)
        names = actor_names(state)
        region = state.region
        referring = [a.id for a in region.actors if is_referring(a)] if region else []
        providers = [a.id for a in region.actors if is_housing_provider(a)] if region else []
        self._orgs: dict[str, list[str]] = {"referring_org": referring,
                                            "housing_provider": providers}
        self._names = names
        self.referring_org = pn.widgets.Select(
            label=text("desk.field.referring_org"), width=FIELD_WIDTH,
            stylesheets=css)
        self.housing_provider = pn.widgets.Select(
            label=text("desk.field.housing_provider"), width=FIELD_WIDTH,
            stylesheets=css)
        self.tree = pn.widgets.Select(label=text("desk.field.tree"), width=FIELD_WIDTH,
                                      stylesheets=css)
        self.action = pn.widgets.Select(label=text("desk.field.action"),
                                        width=FIELD_WIDTH, stylesheets=css)
        self.outcome = pn.widgets.Select(label=text("desk.field.outcome"),
                                         width=FIELD_WIDTH, stylesheets=css)
        self.reevaluate_on = pn.widgets.TextInput(
            label=text("desk.field.reevaluate_on"),
            value=(today + dt.timedelta(days=days)).isoformat(), width=FIELD_WIDTH,
            stylesheets=css)
        self.note = pn.widgets.TextAreaInput(
            label=text("desk.field.note", max=NOTE_MAX), max_length=NOTE_MAX,
            height=90, sizing_mode="stretch_width", max_width=2 * FIELD_WIDTH + 40,
            stylesheets=css)
        self._refresh_options()
        self.caller_group.param.watch(lambda _e: self._group_changed(), "value")
        page.param.watch(lambda _e: self._refresh_options(), "lang")
        self.note.param.watch(self._note_typed, "value_input")
        self.save_button = pn.widgets.Button(label=text("desk.save"), color="primary",
                                             width=260, height=46, css_classes=["save-call"],
                                             stylesheets=[SAVE_CSS])

        def on_save(_e: Any) -> None:
            self.save()

        self.save_button.on_click(on_save)

    # ---------------------------------------------------------------- options
    def _refresh_options(self) -> None:
        lang = self.page.lang
        group = self.caller_group.value or "tenant"
        self.caller_group.options = _options("caller_group", fw.codes("caller_group"), lang)
        kinds = [k.code for k in fw.CALLER_KINDS if k.group == group]
        kind = self.caller_kind.value if self.caller_kind.value in kinds else kinds[0]
        self.caller_kind.options = _options("caller_kind", kinds, lang)
        self.caller_kind.value = kind
        reasons = fw.caller_group(group).reason_codes()
        chosen = [r for r in (self.reasons.value or []) if r in reasons]
        self.reasons.options = html_options(_options("call_reason", reasons, lang))
        self.reasons.value = chosen

        def by_name(actor_id: str) -> str:
            return self._names.get(actor_id, actor_id).casefold()

        for field in ("referring_org", "housing_provider"):
            widget = getattr(self, field)
            ids = sorted(self._orgs[field], key=by_name)
            opts = {tr("desk.none", lang): ""}
            for a in ids:
                label = self._names.get(a, a)
                while label in opts:
                    label += "\u200b"
                opts[label] = a
            value = widget.value if widget.value in ids else ""
            widget.options = opts
            widget.value = value
        for field, table in (("tree", "call_tree"), ("action", "call_action"),
                             ("outcome", "call_outcome")):
            widget = getattr(self, field)
            value = widget.value or ""
            widget.options = _options(table, fw.codes(table), lang, none=True)
            widget.value = value

    def _group_changed(self) -> None:
        self.reasons.value = []
        self._refresh_options()

    def _note_typed(self, event: param.parameterized.Event) -> None:
        code = (self.tenant_code.value_input or self.tenant_code.value or "").strip()
        self.draft.note_problems = note_problems(event.new or "", tenant_codes=(code,))

    # ---------------------------------------------------------------- values
    def values(self) -> dict[str, Any]:
        """The form's values, as typed."""
        # (A text field sends its value when it loses the focus: before the click on Save.)
        return {field: getattr(self, field).value for field in FIELDS}

    def prefill(self, fields: dict[str, Any]) -> None:
        """Fill the form from a walk's :func:`concert.trees.finish` (tree, outcome...)."""
        if fields.get("caller_group"):
            self.caller_group.value = fields["caller_group"]
        for field in ("on", "reevaluate_on"):
            if fields.get(field) is not None:
                getattr(self, field).value = fields[field].isoformat()
        for field in ("tree", "action", "outcome"):
            if fields.get(field) in getattr(self, field).options.values():
                getattr(self, field).value = fields[field]
        self.draft.param.update(problems=[], message="", ok=False)

    def save(self) -> bool:
        """Record the call (through the session); the result is in :attr:`draft`."""
        values = self.values()
        ok, message, problems = save_call(self.page.state, values, self.page.lang)
        self.draft.param.update(ok=ok, message=message, problems=problems, values=values)
        if ok:
            self.note.value = ""
            self.tenant_code.value = ""
            self.reasons.value = []
            self.draft.note_problems = []
            self.draft.saved += 1
        return ok

    # ---------------------------------------------------------------- layout
    def _at(self, field: str) -> pn.pane.HTML:
        """The problems of ``field``, shown under it."""
        draft = self.draft

        def show(problems: list[Problem], live: list[Problem], lang: str) -> str:
            mine = [p for p in problems if field_of(p, draft.values) == field]
            if field == "note":
                mine += [p for p in live if p.rule not in {q.rule for q in mine}]
            return "".join(f'<p class="field-problem" role="alert">⚠ {esc(p.body(lang))}</p>'
                           for p in mine)

        return pn.pane.HTML(pn.bind(show, draft.param.problems, draft.param.note_problems,
                                    self.page.param.lang),
                            stylesheets=[DESK_CSS], margin=(0, 10), sizing_mode="stretch_width")

    def panel(self) -> pn.viewable.Viewable:
        """The form's layout."""
        page, draft = self.page, self.draft

        def general(problems: list[Problem], lang: str) -> str:
            rest = [p for p in problems if not field_of(p, draft.values)]
            return "".join(f'<p class="field-problem" role="alert">⚠ {esc(p.text(lang))}</p>'
                           for p in rest)

        def result(message: str, ok: bool) -> str:
            return message_html(message, "success" if ok else "danger") if message else ""

        def row(*fields: str) -> pn.FlexBox:
            return pn.FlexBox(*(pn.Column(getattr(self, f), self._at(f), width=FIELD_WIDTH + 10)
                                for f in fields), flex_wrap="wrap", gap="0 1.2em",
                              sizing_mode="stretch_width")

        reasons_title = page.html(lambda: f"<h4>{esc(tr('desk.field.reasons', page.lang))}"
                                  "</h4>", DESK_CSS, margin=(0, 10))
        notice = page.html(lambda: f'<p class="notice">{esc(tr("desk.note_notice", page.lang))}'
                           "</p>", DESK_CSS, sizing_mode="stretch_width", margin=(0, 10),
                           max_width=2 * FIELD_WIDTH + 40)
        reasons = pn.Column(reasons_title, self.reasons, self._at("reasons"),
                            sizing_mode="stretch_width")
        note = pn.Column(notice, self.note, self._at("note"), sizing_mode="stretch_width")
        fields = pn.Column(row("on", "caller_group", "caller_kind"), reasons,
                           row("tenant_code", "referring_org", "housing_provider"),
                           row("tree", "action", "outcome"), row("reevaluate_on"), note,
                           sizing_mode="stretch_width")
        return pn.Column(
            fields,
            pn.pane.HTML(pn.bind(general, draft.param.problems, page.param.lang),
                         stylesheets=[DESK_CSS], sizing_mode="stretch_width"),
            pn.Row(self.save_button),
            pn.pane.HTML(pn.bind(result, draft.param.message, draft.param.ok),
                         stylesheets=[DESK_CSS], sizing_mode="stretch_width"),
            sizing_mode="stretch_width")


# ------------------------------------------------------------------ tables of counts
def _period_default(state: Any) -> tuple[dt.date, dt.date]:
    today = state.today()
    return today - dt.timedelta(days=364), today


def kinds_html(state: Any, start: dt.date, end: dt.date, lang: str) -> str:
    """Calls and distinct callers by caller kind, beside the guide's (counts only)."""
    frame = counts(state, "totals", start=start, end=end, lang=lang)
    rows: list[tuple[Any, ...]] = [(r.label, int(r.calls), int(r.callers),
                                    "" if pd.isna(r.guide_calls) else int(r.guide_calls))
                                   for r in row_tuples(frame)]
    rows.append((tr("dash.total", lang), int(frame["calls"].sum()), "",
                 int(pd.to_numeric(frame["guide_calls"]).fillna(0).sum())))
    return html_table([tr("desk.com.col.kind", lang), tr("desk.com.col.calls", lang),
                       tr("desk.com.col.callers", lang), tr("desk.com.col.guide", lang)], rows,
                      caption=tr("desk.kinds.caption", lang, start=start.isoformat(),
                                 end=end.isoformat()))


def _quarters(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date, bool]]:
    """The calendar quarters of a period: name, first and last day in it, partial."""
    out = []
    first = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while first <= end:
        nxt = dt.date(first.year + (first.month + 2) // 12, (first.month + 2) % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        name = f"{first.year}-T{(first.month - 1) // 3 + 1}"
        out.append((name, max(first, start), min(last, end), first < start or last > end))
        first = nxt
    return out


def quarter_totals(state: Any, start: dt.date, end: dt.date, lang: str) -> pd.DataFrame:
    """Calls per quarter of the period and caller group (counts only).

    Columns: ``quarter`` (its label, "(partiel)" when the period cuts it) and one per
    caller group.
    """
    rows = []
    for name, first, last, partial in _quarters(start, end):
        frame = counts(state, "totals", start=first, end=last, lang=lang)
        by_group = frame.groupby("caller_group")["calls"].sum()
        rows.append({"quarter": tr("desk.com.partial", lang, quarter=name) if partial else name,
                     **{g.code: int(by_group.get(g.code, 0)) for g in fw.CALLER_GROUPS}})
    return pd.DataFrame(rows, columns=["quarter", *(g.code for g in fw.CALLER_GROUPS)])


def trend_figure(state: Any, start: dt.date, end: dt.date, lang: str) -> Any:
    """A plain bokeh figure: calls by quarter, stacked by caller group."""
    frame = quarter_totals(state, start, end, lang)
    groups = [g.code for g in fw.CALLER_GROUPS]
    labels = [i18n.label("caller_group", g, lang) for g in groups]
    quarters = list(frame["quarter"])
    fig = figure(x_range=quarters, height=300, sizing_mode="stretch_width",
                 title=tr("desk.com.trend_chart", lang), toolbar_location=None, tools="")
    source = ColumnDataSource({"quarter": quarters, **{g: list(frame[g]) for g in groups}})
    bars = fig.vbar_stack(groups, x="quarter", width=0.7, source=source,
                          color=[GROUP_COLOURS[g] for g in groups])
    legend = Legend(items=[LegendItem(label=label, renderers=[r])
                           for label, r in zip(labels, bars, strict=True)],
                    orientation="horizontal", location="top_left")
    fig.add_layout(legend, "above")
    fig.xaxis.axis_label = tr("desk.com.quarter", lang)
    fig.yaxis.axis_label = tr("desk.com.col.calls", lang)
    fig.y_range.start = 0
    fig.xgrid.grid_line_color = None
    fig.title.text_font_size = "16px"
    fig.xaxis.major_label_text_font_size = "14px"
    fig.yaxis.major_label_text_font_size = "14px"
    fig.legend.label_text_font_size = "14px"
    return fig


def _reason_tables(state: Any, start: dt.date, end: dt.date, lang: str) -> str:
    totals = counts(state, "totals", start=start, end=end, lang=lang)
    out = []
    for g in fw.CALLER_GROUPS:
        frame = counts(state, "reasons", group=g.code, start=start, end=end, lang=lang)
        calls = int(totals[totals["caller_group"] == g.code]["calls"].sum())
        rows = [(r.label, int(r.callers), int(r.calls), int(r.guide))
                for r in row_tuples(frame)]
        out.append(html_table(
            [tr("desk.com.col.reason", lang), tr("desk.com.col.callers", lang),
             tr("desk.com.col.calls", lang), tr("desk.com.col.guide", lang)], rows,
            caption=tr("desk.com.table", lang, table=g.table,
                       group=i18n.label("caller_group", g.code, lang), calls=calls)))
    guide = {g.table: g.calls for g in fw.CALLER_GROUPS}
    out.append('<p class="small muted">' + esc(tr(
        "desk.com.guide_note", lang, t11=guide["Tableau 11"], t12=guide["Tableau 12"],
        t13=guide["Tableau 13"])) + "</p>")
    return "".join(out)


def _trend_table(state: Any, start: dt.date, end: dt.date, lang: str) -> str:
    frame = counts(state, "quarterly", start=start, end=end, lang=lang)
    if frame.empty:
        return ""
    frame = frame.assign(calls=pd.to_numeric(frame["calls"]))
    wide = frame.pivot_table(index=["caller_group", "reason", "label"], columns="quarter",
                             values="calls", aggfunc="sum", fill_value=0)
    wide["_total"] = wide.sum(axis=1)
    top = wide.sort_values("_total", ascending=False).head(8)
    quarters = [q for q in wide.columns if q != "_total"]
    rows = [(label, i18n.label("caller_group", group, lang), *(int(top.loc[(group, reason,
             label), q]) for q in quarters), int(top.loc[(group, reason, label), "_total"]))
            for group, reason, label in top.index]
    return html_table([tr("desk.com.col.reason", lang), tr("desk.com.col.group", lang),
                       *quarters, tr("dash.total", lang)], rows,
                      caption=tr("desk.com.trend_table", lang))


def _by_partner(state: Any, start: dt.date, end: dt.date, lang: str) -> str:
    names = actor_names(state)
    out = []
    for by, key in (("referring_org", "desk.com.by_referring"),
                    ("housing_provider", "desk.com.by_provider")):
        frame = counts(state, "by_organisation", by=by, start=start, end=end)
        rows = [(names.get(r.actor, tr("desk.com.unnamed", lang)) if r.actor
                 else tr("desk.com.unnamed", lang), int(r.tenant), int(r.worker),
                 int(r.owner), int(r.calls)) for r in row_tuples(frame)]
        table = html_table([tr("desk.com.col.org", lang),
                            *(i18n.label("caller_group", g.code, lang)
                              for g in fw.CALLER_GROUPS), tr("desk.com.col.calls", lang)],
                           rows, caption=tr(key, lang))
        out.append(f'<div class="scroll" tabindex="0" role="region" '
                   f'aria-label="{esc(tr(key, lang))}">{table}</div>')
    return "".join(out)


def _reevaluations(state: Any, lang: str) -> str:
    on = state.today()
    days = 14
    frame = counts(state, "reevaluations_due", on=on, within_days=days)
    title = f"<h3>{esc(tr('desk.com.reevaluations', lang, on=on.isoformat()))}</h3>"
    if frame.empty:
        return title + f"<p>{esc(tr('desk.com.none_due', lang))}</p>"
    rows = [(i18n.label("caller_group", r.caller_group, lang),
             i18n.label("call_tree", r.tree, lang) if r.tree else tr("desk.com.no_tree", lang),
             int(r.overdue), int(r.due_soon), int(r.later)) for r in row_tuples(frame)]
    return title + html_table(
        [tr("desk.com.col.group", lang), tr("desk.com.col.tree", lang),
         tr("desk.com.col.overdue", lang), tr("desk.com.col.due_soon", lang, days=days),
         tr("desk.com.col.later", lang)], rows)


def _follow_up(state: Any, start: dt.date, end: dt.date, lang: str) -> str:
    names = actor_names(state)
    commitment = next(c for c in fw.agreement_type("II").commitments
                      if c.party == "referring_org")
    text = commitment.fr if lang == "fr" else commitment.en
    out = [f"<h3>{esc(tr('desk.com.follow_up', lang))}</h3>",
           f'<p class="notice">{esc(tr("desk.com.commitment", lang, text=text))}</p>']
    frame = counts(state, "follow_up_end", start=start, end=end, on=state.today(), lang=lang)
    if frame.empty:
        return "".join(out) + f"<p>{esc(tr('desk.com.no_follow_up', lang))}</p>"
    rows = [(names.get(r.actor, tr("desk.com.unnamed", lang)) if r.actor
             else tr("desk.com.unnamed", lang), int(r.follow_up_end_calls),
             int(r.reactivations),
             tr("desk.com.yes" if r.agreement_ii_in_force else "desk.com.no", lang))
            for r in row_tuples(frame)]
    out.append(html_table([tr("desk.com.col.org", lang), tr("desk.com.col.follow_up_calls", lang),
                           tr("desk.com.col.reactivations", lang),
                           tr("desk.com.col.agreement_ii", lang)], rows))
    return "".join(out)


def _gaps(state: Any, start: dt.date, end: dt.date, lang: str) -> str:
    names = actor_names(state)
    p = fw.PARAMETERS
    factor, minimum, quarters = (p["call_gap_factor"][0], p["call_gap_minimum"][0],
                                 p["call_gap_quarters"][0])
    first, last = (f"{d.year}-T{(d.month - 1) // 3 + 1}" for d in (start, end))
    out = [f"<h3>{esc(tr('desk.com.gaps', lang))}</h3>",
           '<p class="small muted">' + esc(tr("desk.com.gaps_rule", lang, factor=factor,
                                                minimum=minimum, quarters=quarters)) + "</p>"]
    items = []
    for by in ("referring_org", "housing_provider"):
        trend = counts(state, "quarterly", by=by, lang=lang)
        flags = gaps.call_gaps(trend, by=by, lang=lang)
        for r in row_tuples(flags):
            if not first <= str(r.quarter) <= last:
                continue
            items.append(i18n.t("gap.calls.surge", lang,
                                reason=i18n.label("call_reason", str(r.reason), lang),
                                partner=names.get(str(r.partner),
                                                  tr("desk.com.unnamed", lang)),
                                quarter=r.quarter, n=int(r.calls), mean=f"{r.mean:.1f}",
                                quarters=quarters))
    if not items:
        return "".join(out) + f"<p>{esc(tr('desk.com.no_gaps', lang))}</p>"
    return "".join(out) + message_html("", "warning", items=items)


def committee_html(state: Any, start: dt.date, end: dt.date, lang: str, *,
                   part: str = "all") -> str:
    """The committee's view of the calls of ``start``-``end``, as HTML (counts only).

    ``part``: ``"tables"`` (the summary and Tableaux 11-13), ``"rest"`` (the trend's
    table, partners, re-evaluations, fin de suivi, gaps) or ``"all"``. Everything is
    read through :meth:`concert.Store.call_counts`: no id, tenant code nor note.
    """
    if start > end:
        return message_html(tr("desk.com.bad_period", lang), "danger")
    out = []
    if part in ("tables", "all"):
        totals = counts(state, "totals", start=start, end=end, lang=lang)
        n = int(totals["calls"].sum())
        summary = tr("desk.com.summary", lang, calls=n, start=start.isoformat(),
                     end=end.isoformat())
        out.append(f'<p class="summary"><strong>{esc(summary)}</strong></p>')
        if n == 0:
            out.append(f"<p>{esc(tr('desk.com.empty', lang))}</p>")
        out.append(_reason_tables(state, start, end, lang))
        out.append(kinds_html(state, start, end, lang))
    if part in ("rest", "all"):
        out.append(_trend_table(state, start, end, lang))
        out.append(_by_partner(state, start, end, lang))
        out.append(_reevaluations(state, lang))
        out.append(_follow_up(state, start, end, lang))
        out.append(_gaps(state, start, end, lang))
    return "".join(out)


# ------------------------------------------------------------------ the pages
class Period(param.Parameterized):
    """The period a committee looks at."""

    start = param.Date(default=None, allow_None=True, doc="First day (None: invalid).")
    end = param.Date(default=None, allow_None=True, doc="Last day (None: invalid).")


class CallsCommitteePage(Page):
    """"Appels — vue du comité": counts of the calls for a period (every role)."""

    slug = "calls_committee"

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state, **params)
        start, end = _period_default(state)
        self.period = Period(start=start, end=end)

    def _bound(self, fn: Any) -> Any:
        deps = [*(self.param[k] for k in DISPLAY), self.period.param.start,
                self.period.param.end]
        return pn.bind(lambda *_: fn(), *deps)

    def _valid(self) -> bool:
        p = self.period
        return p.start is not None and p.end is not None and p.start <= p.end

    def html_now(self, part: str = "all") -> str:
        """The page's HTML for the current period and language (counts only)."""
        if self.state.region is None:
            return message_html(tr("dash.no_region", self.lang), "warning")
        if not self.state.can_save:
            return message_html(tr("desk.no_store", self.lang), "info")
        if not self._valid():
            return message_html(tr("desk.com.bad_period", self.lang), "danger")
        start, end = self.period.start, self.period.end
        assert start is not None and end is not None  # _valid()
        return committee_html(self.state, start, end, self.lang, part=part)

    def chart_now(self) -> Any:
        """The trend chart for the current period (a bokeh figure), or nothing."""
        if self.state.region is None or not self.state.can_save or not self._valid():
            return pn.pane.HTML("")
        start, end = self.period.start, self.period.end
        assert start is not None and end is not None  # _valid()
        return pn.pane.Bokeh(trend_figure(self.state, start, end, self.lang),
                             sizing_mode="stretch_width")

    def build(self) -> pn.viewable.Viewable:
        """The page: the period, Tableaux 11-13, the trend, partners, flags."""
        css = [FIELD_CSS]
        # The period given at __init__: only the fields made here can empty it.
        assert self.period.start is not None and self.period.end is not None
        start = pn.widgets.TextInput(label=self.text("desk.com.start"),
                                     value=self.period.start.isoformat(), width=220,
                                     stylesheets=css, css_classes=["period-start"])
        end = pn.widgets.TextInput(label=self.text("desk.com.end"),
                                   value=self.period.end.isoformat(), width=220,
                                   stylesheets=css, css_classes=["period-end"])

        def typed(event: param.parameterized.Event, field: str) -> None:
            value = _date(event.new)
            setattr(self.period, field, value if isinstance(value, dt.date) else None)

        start.param.watch(lambda e: typed(e, "start"), "value")
        end.param.watch(lambda e: typed(e, "end"), "value")
        head = self.html(lambda: f"<h2>{esc(tr('desk.com.title', self.lang))}</h2>"
                         f"<p>{esc(tr('desk.com.intro', self.lang))}</p>", DESK_CSS)
        tables = pn.pane.HTML(self._bound(lambda: self.html_now("tables")),
                              stylesheets=[DESK_CSS], sizing_mode="stretch_width",
                              css_classes=["calls-tables"])
        trend_title = self.html(lambda: f"<h3>{esc(tr('desk.com.trend', self.lang))}</h3>",
                                DESK_CSS)
        chart = pn.panel(self._bound(self.chart_now), sizing_mode="stretch_width")
        rest = pn.pane.HTML(self._bound(lambda: self.html_now("rest")),
                            stylesheets=[DESK_CSS], sizing_mode="stretch_width",
                            css_classes=["calls-rest"])
        return self.column(head, pn.Row(start, end), tables, trend_title, chart, rest)


class CallLogPage(Page):
    """"Appels": the liaison agent's call log (the form and the latest calls).

    Offered to a signed-in liaison session only; others see counts and how to get a
    liaison account (docs/decisions.md, the liaison desk's dashboard).
    """

    slug = "calls"

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state, **params)
        self.form: CallForm | None = None
        self._calls: list[Call] = []

    def load_calls(self) -> list[Call]:
        """The region's calls, read through the liaison session (the reading is logged)."""
        with _store(self.state) as (store, session):
            self._calls = store.calls(self.state.region_code, session=session)
        return self._calls

    def recent_html(self, lang: str) -> str:
        """The latest calls, newest first (for the liaison agent only)."""
        calls = list(reversed(self._calls))[:RECENT]
        title = f"<h3>{esc(tr('desk.recent', lang, n=len(calls), total=len(self._calls)))}</h3>"
        if not calls:
            return title + f"<p>{esc(tr('desk.recent.empty', lang))}</p>"
        names = actor_names(self.state)
        rows = []
        for c in calls:
            orgs = " / ".join(names.get(a, a) for a in (c.referring_org, c.housing_provider)
                              if a)
            rows.append((c.on.isoformat(), i18n.label("caller_kind", c.caller_kind, lang),
                         "; ".join(i18n.label("call_reason", r, lang) for r in c.reasons),
                         c.tenant_code, orgs, c.tree,
                         " → ".join(i18n.label(t, v, lang) for t, v in
                                    (("call_action", c.action), ("call_outcome", c.outcome))
                                    if v),
                         c.reevaluate_on.isoformat() if c.reevaluate_on else "", c.note))
        return title + '<div class="scroll recent" tabindex="0">' + html_table(
            [tr(f"desk.col.{k}", lang) for k in ("on", "caller", "reasons", "tenant_code",
                                                   "organisations", "tree", "action",
                                                   "reevaluate_on", "note")], rows) + "</div>"

    def build(self) -> pn.viewable.Viewable:
        """The form and the list, or the counts and how to get a liaison account."""
        state = self.state
        head = self.html(lambda: f"<h2>{esc(tr('desk.log.title', self.lang))}</h2>", DESK_CSS)
        if state.region is None:
            return self.column(head, self.no_region())
        if not state.can_save:
            return self.column(head, self.html(
                lambda: message_html(tr("desk.no_store", self.lang), "info"), DESK_CSS))
        if not may_log(state):
            session = session_of(state)

            def why() -> str:
                if session is not None:
                    text = tr("desk.log.not_liaison", self.lang,
                              role=role_label(session.role, self.lang))
                elif _has_accounts(state):
                    text = tr("desk.log.sign_in", self.lang)
                else:
                    text = tr("desk.log.no_accounts", self.lang)
                return message_html(text, "info")

            start, end = _period_default(state)
            return self.column(head, self.html(why, DESK_CSS),
                               self.html(lambda: kinds_html(state, start, end, self.lang),
                                         DESK_CSS, css_classes=["calls-kinds"]))
        self.form = form = CallForm(self)
        self.load_calls()

        loaded = [0]

        def refresh(saved: int, lang: str) -> str:
            if saved != loaded[0]:  # read again after a save only (each reading is logged)
                loaded[0] = saved
                self.load_calls()
            return self.recent_html(lang)

        recent = pn.pane.HTML(pn.bind(refresh, form.draft.param.saved, self.param.lang),
                              stylesheets=[DESK_CSS], sizing_mode="stretch_width")
        intro = self.html(lambda: f"<h3>{esc(tr('desk.new', self.lang))}</h3>"
                          f"<p>{esc(tr('desk.log.intro', self.lang))}</p>", DESK_CSS)
        hidden = self.html(lambda: f"<p>{esc(tr('dash.form.hidden', self.lang))}</p>",
                           visible=self.param.presentation)
        body = pn.Column(intro, form.panel(), recent, sizing_mode="stretch_width",
                         visible=bind(lambda p: not p, self.param.presentation))
        return self.column(head, hidden, body)
