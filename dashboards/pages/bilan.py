"""The members' assessment ("Bilan"): the secretary opens it, each organisation answers.

- The secretary opens an assessment (its title, date, last day, anonymous or not) and
  makes a personal link per organisation (shown once, with its last day).
- Each member answers in its organisation's name: from its account (the state's
  ``session``, when the dashboard signs people in), or through its link
  (``?page=bilan&answer=TOKEN``: the page then shows that assessment's form only). The
  answers start from the organisation's previous ones (:func:`concert.responses.prefill`).
- The results: answers received and missing among the organisations seated on the comité
  de gestion, per criterion the median, lowest and highest answers, the flag where the
  two poles' medians differ by two levels or more, and the 4×3 matrix read for all, a
  group or one organisation; an anonymous assessment shows aggregates only, no group
  under three answers (:mod:`concert.responses` decides).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import ipaddress
from typing import Any
from urllib.parse import urlsplit

import panel as pn
import param

from concert import framework as fw
from concert import i18n, responses
from concert._errors import ConcertError
from concert.followup import PLAN_CRITERION, plan_evidence
from concert.indicators import SCALE, Answer, Assessment
from concert.links import AnswerLink, check_link
from concert.region import Region
from dashboards._common import bind, esc, html_table, number, row_tuples, tr, typed_date
from dashboards.pages._followup import (
    FIELD_CSS,
    FORM_CSS,
    acting,
    editing,
    field,
    message,
    name_of,
    save_failed,
    session_of,
    status_pane,
    store_of,
)
from dashboards.pages.base import Page
from dashboards.pages.overview import MATRIX_CSS, matrix_html

__all__ = ["BilanPage", "bilan_results_html", "local_host", "token_from_url", "view_options"]

NO_ANSWER = -1


def _min() -> int:
    return int(fw.PARAMETERS["anonymity_min_answers"][0])


def view_options(region: Region, assessment: Assessment, lang: str,
                 names: bool = True) -> dict[str, str]:
    """The ways to read an assessment: all, each group, each organisation.

    No organisation in an anonymous assessment, nor when ``names`` is false (names
    anonymised on the screen).
    """
    out = {tr("fu.bilan.view_all", lang): responses.ALL}
    for g in fw.codes("response_group"):
        out[i18n.label("response_group", g, lang)] = g
    if names and not assessment.anonymous:
        for org in assessment.respondents:
            if org:
                out[tr("fu.bilan.view_org", lang, name=name_of(region, org))] = f"org:{org}"
    return out


def _subset(region: Region, a: Assessment, view: str) -> Assessment:
    if view.startswith("org:"):
        org = view[4:]
        return dataclasses.replace(a, answers=tuple(x for x in a.answers
                                                    if x.respondent == org))
    if view == responses.ALL:
        return a
    return dataclasses.replace(a, answers=tuple(x for x in a.answers
                                                if responses.answer_group(region, x) == view))


def _participation_html(region: Region, a: Assessment, lang: str,
                        receipts: list[str] | tuple[str, ...], names: bool = True) -> str:
    part = responses.participation(region, a, receipts=receipts)
    n, total = int(part["answered"].sum()), len(part)
    if not names:
        return (f'<p class="received" data-received="{n}">'
                f"{esc(tr('fu.bilan.received', lang, n=n, total=total))}</p>")
    rows = [(name, i18n.label("response_group", group, lang),
             tr("fu.bilan.answered" if done else "fu.bilan.missing", lang))
            for name, group, done in zip(part["name"], part["group"], part["answered"],
                                         strict=True)]
    return (f'<p class="received" data-received="{n}">'
            f"{esc(tr('fu.bilan.received', lang, n=n, total=total))}</p>"
            + html_table([tr("fu.col.organisation", lang), tr("fu.col.group", lang),
                          tr("fu.col.answered", lang)], rows))


def bilan_results_html(region: Region, assessment_id: str, view: str = responses.ALL,
                       lang: str = "fr", receipts: list[str] | tuple[str, ...] = (),
                       names: bool = True) -> str:
    """The results of one assessment, read for ``view`` (``all``, a group, ``org:<id>``).

    Answers received and missing, the per-criterion summary with the two poles' medians
    and their flag, and the matrix; an anonymous assessment shows aggregates only.
    ``names`` false (names anonymised on the screen): counts and groups, no organisation.
    """
    a = region.assessment(assessment_id)
    out = [_participation_html(region, a, lang, receipts, names)]
    if not names and view.startswith("org:"):
        view = responses.ALL
    if a.anonymous:
        out.append(f'<p class="muted">{esc(tr("fu.bilan.anon_note", lang, n=_min()))}</p>')
        if view.startswith("org:"):
            view = responses.ALL
    if not a.answers:
        out.append(f"<p>{esc(tr('fu.bilan.no_answers', lang))}</p>")
        return "".join(out)
    org = view[4:] if view.startswith("org:") else None
    group = responses.ALL if org else view
    summary = responses.criterion_summary(region, a, group=group, organisation=org)
    poles = responses.pole_divergence(region, a)
    first, second = fw.POLES
    pole = poles.set_index("criterion")
    levels = fw.PARAMETERS["pole_divergence_levels"][0]
    flagged = int(poles["flag"].sum())
    apart = _poles_apart(poles, lang)
    if apart:  # a pole without a median: no comparison, not "0 criteria differ"
        out.append(f'<p class="muted" data-flags="0" data-comparable="false">{esc(apart)}</p>')
    else:
        out.append(f'<p class="{"flag" if flagged else "muted"}" data-flags="{flagged}">'
                   f"{esc(tr('fu.bilan.flags', lang, n=flagged, levels=f'{levels:g}'))}</p>")
    rows = []
    evidence = plan_evidence(region, on=a.closes_on or a.on).text(lang)
    for r in row_tuples(summary, index=False):
        p = pole.loc[r.criterion]
        if r.hidden:
            cells = [esc(tr("fu.bilan.hidden", lang, n=_min()))] + [""] * 2
        else:
            cells = [esc(number(v, lang, "—")) for v in (r.median, r.low, r.high)]
        gap = tr("fu.bilan.flag", lang, d=number(p["difference"], lang, "—"))
        flag = f'<span class="flag">{esc(gap)}</span>' if p["flag"] else ""
        name = esc(i18n.criterion_label(r.criterion, lang))
        if r.criterion == PLAN_CRITERION:  # the adopted plan, beside the answers (Tableau 8)
            name += f'<br><span class="small muted">{esc(evidence)}</span>'
        # Each pole's median beside how many of its members answered: with few members,
        # one answer is its pole's median.
        poles_cells = [esc(tr("fu.bilan.pole_cell", lang, median=number(p[g], lang, "—"),
                              n=int(p[f"{g}_answers"]))) for g in (first, second)]
        rows.append([name, esc(int(r.answers)), *cells, *poles_cells, flag])
    label = next((k for k, v in view_options(region, a, lang, names).items() if v == view),
                 view)
    out.append(html_table(
        [tr("fu.col.criterion", lang), tr("fu.col.answers", lang), tr("fu.col.median", lang),
         tr("fu.col.low", lang), tr("fu.col.high", lang), tr("fu.col.housing", lang),
         tr("fu.col.health", lang), tr("fu.col.flag", lang)], rows, raw=True,
        caption=tr("fu.bilan.summary", lang, view=label)))
    sub = _subset(region, a, view)
    if not sub.answers:
        out.append(f"<p>{esc(tr('fu.bilan.no_answers', lang))}</p>")
        return "".join(out)
    try:
        responses.matrix(region, a, group=group, organisation=org)
    except ConcertError:
        out.append(f"<p>{esc(tr('fu.bilan.too_few', lang, n=_min()))}</p>")
    else:
        out.append(matrix_html(sub, lang))
    return "".join(out)


def _poles_apart(poles: Any, lang: str) -> str:
    """Why the two poles cannot be compared yet (a pole with no median at all), or ``""``."""
    why = []
    for g in fw.POLES:
        if poles[g].isna().all():
            key = "fu.bilan.pole_few" if int(poles[f"{g}_answers"].sum()) else "fu.bilan.pole_none"
            why.append(tr(key, lang, pole=i18n.label("response_group", g, lang), n=_min()))
    return tr("fu.bilan.poles_apart", lang, why=" ; ".join(why)) if why else ""


def local_host(url: str) -> str:
    """The host of ``url`` when it is this computer only (loopback), else ``""``."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return host
    try:
        return host if ipaddress.ip_address(host).is_loopback else ""
    except ValueError:
        return ""


def _scale(lang: str) -> dict[str, int]:
    scale = {f"— {tr('dash.form.no_answer', lang)}": NO_ANSWER}
    scale.update({f"{lv} — {fr if lang == 'fr' else en}": lv for lv, fr, en in SCALE})
    return scale


class BilanPage(Page):
    """The members' assessment page.

    Parameters
    ----------
    token : str, optional
        A personal link's token (read from ``?answer=`` when served): the page shows that
        assessment's form only, in the link's organisation's name.
    """

    slug = "bilan"

    token = param.String(default=None, allow_None=True, doc="A personal link's token.")
    chosen = param.String(default="", doc="The assessment shown and answered.")
    organisation = param.String(default="", doc="The organisation answering.")
    view = param.String(default=responses.ALL, doc="How the results are read.")
    note = param.String(default="", doc="The result of the last action, in words.")
    note_from = param.String(default="", doc="The form whose action wrote ``note``.")
    ok = param.Boolean(default=False)
    links_html = param.String(default="", doc="The links just made (shown once).")
    revision = param.Integer(default=0, doc="Increases when the store changed.")

    def __init__(self, state: Any, **params: Any) -> None:
        if params.get("token") is None:
            params["token"] = token_from_url()
        super().__init__(state, **params)
        self._link: AnswerLink | None = None
        self._link_error = ""
        self._links: list[dict[str, str]] = []  # the links just made (for their CSV)
        region = state.region
        if self.token is not None:  # a link's page, even with an empty token (invalid)
            self._check_token()
            # A link's page answers its assessment as its organisation, or nothing.
            if self._link is not None:
                self.chosen, self.organisation = self._link.assessment, self._link.organisation
            return
        if region is not None and region.assessments:
            self.chosen = region.assessments_by_date()[-1].id
        session = session_of(state)
        if not self.organisation and session is not None and getattr(session, "organisation", None):
            self.organisation = session.organisation
        if not self.organisation and region is not None and self.chosen:
            missing = self._participation()
            if len(missing):
                rest = missing[~missing["answered"]]
                self.organisation = str((rest if len(rest) else missing)["organisation"].iloc[0])

    # ------------------------------------------------------------------ reading
    def _check_token(self) -> None:
        try:
            with store_of(self.state) as store:
                link = store.answer_link(self.token or "")
                # Which assessment a link answers is its own: checked for it, and its day.
                scope = link.assessment if link is not None else ""
                self._link = check_link(link, scope, self.state.today())
            if self.state.region is not None and self._link.region != self.state.region.code:
                self._link = None
                self._link_error = tr("link.scope", self.lang, assessment="")
        except ConcertError as exc:
            self._link = None
            self._link_error = exc.text(self.lang) if hasattr(exc, "text") else str(exc)

    def _assessment(self) -> Assessment | None:
        region = self.state.region  # as stored: its answers name organisations by id
        if region is None or not self.chosen:
            return None
        return next((a for a in region.assessments if a.id == self.chosen), None)

    def _receipts(self) -> list[str]:
        a = self._assessment()
        if a is None or not a.anonymous or not self.state.can_save:
            return []
        with store_of(self.state) as store:
            return store.answer_receipts(self.state.region_code, a.id)

    def _participation(self) -> Any:
        a = self._assessment()
        return responses.participation(self.state.region, a, receipts=self._receipts())

    def received(self) -> tuple[int, int]:
        """Answers received and organisations seated, for the assessment shown."""
        part = self._participation()
        return int(part["answered"].sum()), len(part)

    def prefill(self) -> dict[str, tuple[int, str]]:
        """The organisation's answers to start from: criterion -> (level, evidence)."""
        a = self._assessment()
        if a is None or not self.organisation:
            return {}
        return {x.criterion: (x.level, x.evidence)
                for x in responses.prefill(self.state.region, a.id, self.organisation)}

    # ------------------------------------------------------------------ actions
    def open_assessment(self, ident: str, label: str, on: str, closes: str,
                        anonymous: bool) -> None:
        """Open a new assessment (no answers yet)."""
        lang = self.lang
        try:
            day = typed_date(on) or self.state.today()
            close = typed_date(closes)
        except ValueError:
            self.param.update(ok=False, note=tr("fu.bad_date", lang, field=tr("fu.bilan.on", lang)))
            return
        try:
            assessment = Assessment(ident.strip(), day, (), label=label.strip(),
                                    anonymous=bool(anonymous), closes_on=close)
            with store_of(self.state) as store:
                store.add_assessment(self.state.region_code, assessment,
                                     session=session_of(self.state))
        except Exception as exc:  # noqa: BLE001 - shown in words, the form kept
            self.param.update(ok=False, note=save_failed(exc, lang, self.state))
            return
        self.state.reload()
        self.param.update(chosen=assessment.id, ok=True,
                          note=tr("fu.bilan.opened", lang, id=assessment.id))
        self.revision += 1

    def submit(self, levels: dict[str, int], evidence: dict[str, str]) -> bool:
        """Save the organisation's answers (by its link, its session, or as the file's owner)."""
        lang = self.lang
        a = self._assessment()
        if a is None or not self.organisation:
            self.param.update(ok=False, note=tr("fu.bilan.none", lang))
            return False
        answers = [Answer(code, int(level), "", (evidence.get(code) or "").strip())
                   for code, level in levels.items() if level is not None and level >= 0]
        if not answers:
            self.param.update(ok=False, note=tr("dash.form.empty", lang))
            return False
        try:
            with store_of(self.state) as store:
                if self.token is not None:  # the library checks the link again (day, scope)
                    store.submit_answers(self.state.region_code, a.id, answers,
                                         token=self.token, today=self.state.today())
                else:
                    store.submit_answers(self.state.region_code, a.id, answers,
                                         organisation=self.organisation,
                                         session=session_of(self.state),
                                         today=self.state.today())
        except Exception as exc:  # noqa: BLE001 - shown in words, the answers kept
            self.param.update(ok=False, note=save_failed(exc, lang, self.state))
            return False
        self.state.reload()
        self.param.update(ok=True, note=tr("fu.bilan.submitted", lang, n=len(answers),
                                           org=name_of(self.region, self.organisation),
                                           id=a.id))
        self.revision += 1
        return True

    def make_links(self, organisations: list[str], base_url: str = "") -> list[dict[str, str]]:
        """Make a personal link per organisation; return them (shown once)."""
        lang = self.lang
        a = self._assessment()
        if a is None:
            self.param.update(ok=False, note=tr("fu.bilan.none", lang))
            return []
        if not organisations:
            self.param.update(ok=False, note=tr("fu.links.pick", lang))
            return []
        rows = []
        try:
            with store_of(self.state) as store:
                for org in organisations:
                    token = store.create_answer_link(self.state.region_code, a.id, org,
                                                     today=self.state.today(),
                                                     session=session_of(self.state))
                    link = store.answer_link(token)
                    rows.append({"organisation": org, "name": name_of(self.region, org),
                                 "url": f"{base_url}?page=bilan&lang={lang}&answer={token}",
                                 "token": token,
                                 "expires": link.expires_on.isoformat() if link else ""})
        except Exception as exc:  # noqa: BLE001 - shown in words
            self.param.update(ok=False, note=save_failed(exc, lang, self.state))
            return []
        table = html_table([tr("fu.col.organisation", lang), tr("fu.links.col_link", lang),
                            tr("fu.links.col_expires", lang)],
                           [[esc(r["name"]), f'<span class="link">{esc(r["url"])}</span>',
                             esc(r["expires"])] for r in rows], raw=True)
        host = local_host(base_url)
        if host:  # links to this computer: they open nowhere else
            table += (f'<p class="local" data-local="{esc(host)}"><strong>'
                      f"{esc(tr('fu.links.local', lang, host=host))}</strong></p>")
        self._links = rows
        self.param.update(links_html=table, ok=True,
                          note=tr("fu.links.made", lang, n=len(rows)))
        return rows

    def links_csv(self) -> bytes:
        """The links just made, for a mail merge: organisation, link, last day.

        UTF-8 with a byte-order mark and ``;`` between fields, as a French-language Excel
        opens it directly.
        """
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([tr(k, self.lang) for k in ("fu.links.csv_org", "fu.links.csv_link",
                                                    "fu.links.csv_expires")])
        writer.writerows([r["name"], r["url"], r["expires"]] for r in self._links)
        return out.getvalue().encode("utf-8-sig")

    # ------------------------------------------------------------------ layout
    def build(self) -> pn.viewable.Viewable:
        """The page's layout: the link's form alone, or the secretary's and members' view."""
        if self.token is not None:
            return self.column(self._link_view())
        if self.state.region is None:
            return self.no_region()
        shown_forms = editing(self)  # not in presentation mode, nor anonymised
        intro = self.html(lambda: f"<h2>{esc(tr('dash.page.bilan', self.lang))}</h2>"
                          f"<p>{esc(tr('fu.bilan.intro', self.lang))}</p>", FORM_CSS)
        chooser = field(self, pn.widgets.Select, "fu.bilan.choose", width=420)

        def choices(*_: Any) -> None:
            region = self.region
            opts = {f"{a.label or a.id} ({a.on.isoformat()})": a.id
                    for a in reversed(region.assessments_by_date())} if region else {}
            chooser.options = opts
            if self.chosen in opts.values():
                chooser.value = self.chosen

        choices()
        self.param.watch(choices, ["version", "revision"])
        chooser.param.watch(lambda e: setattr(self, "chosen", e.new or ""), "value")
        results = self.html(self._results_html, FORM_CSS + MATRIX_CSS)
        results.object = pn.bind(lambda *_: self._results_html(), self.param.lang,
                                 self.param.version, self.param.anonymise, self.param.chosen,
                                 self.param.view, self.param.revision)
        viewer = field(self, pn.widgets.Select, "fu.bilan.view", width=420)

        def views(*_: Any) -> None:
            a = self._assessment()
            opts = (view_options(self.state.region, a, self.lang, not self.anonymise)
                    if a is not None else {})
            viewer.options = opts
            viewer.value = self.view if self.view in opts.values() else responses.ALL

        views()
        self.param.watch(views, ["chosen", "lang", "version", "revision", "anonymise"])
        viewer.param.watch(lambda e: setattr(self, "view", e.new or responses.ALL), "value")
        # The results first; then answering, the links, and opening a new assessment.
        return self.column(
            intro, chooser,
            self.html(lambda: f"<h2>{esc(tr('fu.bilan.results', self.lang))}</h2>", FORM_CSS),
            viewer, results,
            pn.Column(self._answer_form(), self._links_form(), self._open_form(),
                      visible=shown_forms, sizing_mode="stretch_width"))

    def _results_html(self) -> str:
        a = self._assessment()
        if self.region is None or a is None:
            return f"<p>{esc(tr('fu.bilan.none', self.lang))}</p>"
        # Read on the region as stored (answers name organisations by id); with names
        # anonymised on the screen, counts and groups only.
        return bilan_results_html(self.state.region, a.id, self.view, self.lang,
                                  self._receipts(), names=not self.anonymise)

    def _open_form(self) -> pn.viewable.Viewable:
        today = self.state.today()
        ident = field(self, pn.widgets.TextInput, "fu.bilan.id", value=f"bilan-{today.year}",
                      width=180)
        label = field(self, pn.widgets.TextInput, "fu.bilan.label", value=f"Bilan {today.year}",
                      width=240)
        on = field(self, pn.widgets.TextInput, "fu.bilan.on", value=today.isoformat(), width=170)
        # A last day by default (as long as a personal link lasts): until then the
        # assessment collects answers and is not yet the region's result.
        days = int(fw.PARAMETERS["answer_link_days"][0])
        closes = field(self, pn.widgets.TextInput, "fu.bilan.closes", width=300,
                       value=(today + dt.timedelta(days=days)).isoformat())
        # A CheckBoxGroup draws a real <label> (bokeh's single Checkbox does not).
        anonymous = pn.widgets.CheckBoxGroup(stylesheets=[FIELD_CSS])

        def relabel(*_: Any) -> None:
            anonymous.options = {tr("fu.bilan.anonymous", self.lang, n=_min()): "anonymous"}

        relabel()
        self.param.watch(relabel, "lang")
        button = pn.widgets.Button(label=self.text("fu.bilan.open"), color="primary",
                                   disabled=not self.state.can_save, height=44)
        button.on_click(acting(self, "open", lambda: self.open_assessment(
            ident.value or "", label.value or "", on.value or "", closes.value or "",
            "anonymous" in anonymous.value)))
        return pn.Column(
            self.html(lambda: f"<h3>{esc(tr('fu.bilan.open_title', self.lang))}</h3>", FORM_CSS),
            pn.Row(ident, label, on, closes, sizing_mode="stretch_width"),
            pn.Row(anonymous, button), status_pane(self, "open"), css_classes=["form"],
            sizing_mode="stretch_width",
            styles={"border-top": "2px solid #0B4F8A"})

    def _answer_form(self, fixed: bool = False) -> pn.viewable.Viewable:
        """The answers of one organisation: a level and an evidence note per criterion."""
        widgets: dict[str, tuple[Any, Any]] = {}
        rows: list[Any] = []
        scale = pn.bind(_scale, self.param.lang)
        for ind in fw.INDICATORS:

            def indicator_heading(ind: fw.Indicator = ind) -> str:
                return f"<h4>{esc(i18n.indicator_label(ind.code, self.lang))}</h4>"

            rows.append(self.html(indicator_heading, FORM_CSS))
            for stage in fw.STAGE_ORDER:
                for c in ind.criteria_at(stage):
                    level = pn.widgets.Select(
                        label=bind(lambda lang, c=c: i18n.criterion_label(c.code, lang),
                                   self.param.lang),
                        options=scale, value=NO_ANSWER, width=440, stylesheets=[FIELD_CSS])
                    note = field(self, pn.widgets.TextInput, "dash.form.evidence",
                                 sizing_mode="stretch_width", min_width=240)
                    widgets[c.code] = (level, note)
                    rows.append(pn.Row(level, note, sizing_mode="stretch_width"))
        self._answer_widgets = widgets
        who = pn.pane.HTML("", stylesheets=[FORM_CSS], sizing_mode="stretch_width")

        def fill(*_: Any) -> None:
            previous = self.prefill()
            for code, (level, note) in widgets.items():
                lv, ev = previous.get(code, (NO_ANSWER, ""))
                level.value, note.value = lv, ev
            org = name_of(self.region, self.organisation)
            a = self._assessment()
            lines = []
            if a is not None and a.anonymous:
                lines.append(tr("fu.bilan.anon_once", self.lang))
            elif self.organisation:
                lines.append(tr("fu.bilan.prefilled" if previous else "fu.bilan.not_prefilled",
                                self.lang, org=org))
            who.object = "".join(f'<p class="muted">{esc(x)}</p>' for x in lines)

        fill()
        self.param.watch(fill, ["organisation", "chosen", "lang"])
        heading: list[Any] = [self.html(
            lambda: f"<h3>{esc(tr('fu.bilan.answer_title', self.lang))}</h3>", FORM_CSS)]
        session = session_of(self.state)
        if fixed or (session is not None and getattr(session, "organisation", None)
                     and getattr(session, "role", "") != "admin"):
            heading.append(self.html(lambda: "<p>" + esc(tr(
                "fu.bilan.as_session", self.lang,
                org=name_of(self.region, self.organisation))) + "</p>", FORM_CSS))
        else:
            org = field(self, pn.widgets.Select, "fu.bilan.as_org", width=420)

            def orgs(*_: Any) -> None:
                region = self.state.region  # real ids (the form is hidden when anonymised)
                committee = responses.management_committee(region) if region else None
                seated = region.members_of(committee, self._on()) if committee else []
                opts = {m.name: m.id for m in seated} or {
                    a.name: a.id for a in (region.actors if region else [])}
                org.options = opts
                if self.organisation in opts.values():
                    org.value = self.organisation

            orgs()
            self.param.watch(orgs, ["version", "chosen"])
            org.param.watch(lambda e: setattr(self, "organisation", e.new or ""), "value")
            heading.append(org)
        save = pn.widgets.Button(label=self.text("fu.bilan.submit"), color="primary",
                                 disabled=not self.state.can_save, height=44, width=280)
        save.on_click(acting(self, "answer", lambda: self.submit(
            {c: w[0].value for c, w in widgets.items()},
            {c: w[1].value for c, w in widgets.items()})))
        return pn.Column(*heading, who, *rows, save, status_pane(self, "answer"),
                         sizing_mode="stretch_width",
                         styles={"border-top": "2px solid #0B4F8A"})

    def _on(self) -> dt.date:
        a = self._assessment()
        return a.on if a is not None else self.state.today()

    def _links_form(self) -> pn.viewable.Viewable:
        # Checkboxes (real labels; Choices.js marks chosen items with attributes screen
        # readers do not allow).
        orgs = pn.widgets.CheckBoxGroup(inline=False, stylesheets=[FIELD_CSS + """
label { display: flex; align-items: flex-start; gap: 0.4em; margin: 0.15em 0; }
input[type="checkbox"] { width: 1.1em; height: 1.1em; flex: none; }"""])

        def options(*_: Any) -> None:
            a = self._assessment()
            if a is None:
                orgs.options = {}
                return
            part = self._participation()
            orgs.options = dict(zip(part["name"], part["organisation"], strict=True))
            orgs.value = [o for o, done in zip(part["organisation"], part["answered"],
                                               strict=True) if not done]

        options()
        self.param.watch(options, ["chosen", "version", "revision"])
        make = pn.widgets.Button(label=self.text("fu.links.make"), color="primary",
                                 disabled=not self.state.can_save, height=44)
        make.on_click(acting(self, "links", lambda: self.make_links(list(orgs.value),
                                                                    _base_url())))
        shown = pn.pane.HTML(self.param.links_html, stylesheets=[FORM_CSS],
                             sizing_mode="stretch_width")

        def filename() -> str:
            return f"liens-{self.chosen or 'bilan'}.csv"

        download = pn.widgets.FileDownload(
            callback=lambda: io.BytesIO(self.links_csv()), filename=filename(),
            label=self.text("fu.links.download"), embed=False, color="primary", width=420,
            visible=pn.bind(bool, self.param.links_html))
        self.param.watch(lambda _e: setattr(download, "filename", filename()), "chosen")
        return pn.Column(
            self.html(lambda: f"<h3>{esc(tr('fu.links.title', self.lang))}</h3>"
                      f"<p>{esc(tr('fu.links.intro', self.lang))}</p>"
                      f"<p><strong>{esc(tr('fu.links.orgs', self.lang))}</strong></p>",
                      FORM_CSS),
            orgs, make, status_pane(self, "links"), shown, download,
            sizing_mode="stretch_width",
            styles={"border-top": "2px solid #0B4F8A"})

    def _link_view(self) -> pn.viewable.Viewable:
        a = self._assessment()
        if self._link is None or a is None:
            detail = self._link_error or tr("link.unknown", self.lang)
            return self.html(lambda: message(tr("fu.link.invalid", self.lang, detail=detail),
                                             False), FORM_CSS)
        link = self._link

        def head() -> str:
            title = tr("fu.link.title", self.lang, label=a.label or a.id,
                       org=name_of(self.region, link.organisation))
            return (f"<h2>{esc(title)}</h2><p>"
                    f"{esc(tr('fu.link.expires', self.lang, date=link.expires_on.isoformat()))}"
                    "</p>")

        return pn.Column(self.html(head, FORM_CSS), self._answer_form(fixed=True),
                         sizing_mode="stretch_width")


def token_from_url() -> str | None:
    """The ``answer`` token of the address, when served."""
    try:
        args = pn.state.session_args or {}
    except Exception:  # noqa: BLE001 - outside a server session
        return None
    values = args.get("answer") or []
    if not values:
        return None
    value = values[0]
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _base_url() -> str:
    """The dashboard's address (without query), when served; else empty (a relative link)."""
    loc = pn.state.location
    href = getattr(loc, "href", "") if loc is not None else ""
    return href.split("#", 1)[0].split("?", 1)[0] if href else ""
