"""Self-assessment page: the criteria on the answer scale, and a Save button.

Each indicator's criteria are answered on the scale; the stage the draft reaches is
updated at once; Save writes a dated assessment to the store.

The form's values live in the page's :class:`AssessmentDraft`, so nothing typed is lost
when a save fails or when the language changes (the page is built once per session).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import panel as pn
import param

from concert import framework as fw
from concert import i18n
from concert._errors import ConcertError, ValidationError
from concert.followup import PLAN_CRITERION, plan_evidence
from concert.indicators import SCALE, Answer, Assessment, maturity, region_stage
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    bind,
    error_message,
    esc,
    message_html,
    tr,
    typed_date,
)
from dashboards.pages.base import Page

__all__ = ["AssessmentDraft", "AssessmentPage", "draft_result_html"]

NO_ANSWER = -1
FIELD_CSS = """
label { white-space: normal; font-size: 1em; line-height: 1.3; color: #111; }
.bk-input, select, input { font-size: 1em; min-height: 38px; color: #111; }
.bk-input::placeholder { color: #595959; }
"""


class AssessmentDraft(param.Parameterized):
    """The values typed in the self-assessment form (not yet saved)."""

    id = param.String(default="", doc="Identifier of the assessment to save.")
    id_auto = param.Boolean(default=True, doc="True while the id follows the date.")
    on = param.Date(default=None, allow_None=True, doc="Date of the assessment.")
    on_text = param.String(default="", doc="The date as typed (kept even when invalid).")
    respondent = param.String(default="", doc="Who answers (role or initials).")
    label = param.String(default="", doc="A title, e.g. 'Bilan annuel du comité de gestion'.")
    levels = param.Dict(default={}, doc="Criterion code -> level (0-3) or -1 (no answer).")
    evidence = param.Dict(default={}, doc="Criterion code -> evidence note.")
    message = param.String(default="", doc="Result of the last save, in words.")
    ok = param.Boolean(default=False, doc="Whether the last save succeeded.")
    revision = param.Integer(default=0, doc="Increases at each change (redraws the result).")

    def answers(self) -> list[Answer]:
        """The answers given so far (criteria with a level)."""
        return [Answer(code, int(level), self.respondent.strip(),
                       self.evidence.get(code, "").strip())
                for code, level in self.levels.items() if level is not None and level >= 0]

    def as_assessment(self, *, assessment_id: str | None = None) -> Assessment:
        """The draft as an :class:`concert.Assessment` (raises ValidationError if invalid)."""
        # A missing date goes on: Assessment's own check names it (a ValidationError).
        return Assessment(assessment_id or self.id.strip(), cast(dt.date, self.on),
                          tuple(self.answers()), label=self.label.strip())


def draft_result_html(draft: AssessmentDraft, lang: str) -> str:
    """The stage of each indicator for the draft's answers, with its explanation."""
    answers = draft.answers()
    if not answers:
        return f'<p class="muted">{esc(tr("dash.form.empty", lang))}</p>'
    on = draft.on or dt.date.today()
    results = maturity(Assessment("draft", on, tuple(answers)), lang=lang)
    region = region_stage(results)
    stage = tr("dash.region_stage", lang, stage=region.stage_label(lang))
    out = [f'<p class="region-stage">{esc(stage)}</p>']
    for r in results.values():
        lines = r.explain(lang).split("\n")
        out.append(f"<h4>{esc(lines[0])}</h4>")
        out.extend(f'<p class="small">{esc(line)}</p>' for line in lines[1:])
    return "".join(out)


RESULT_CSS = TABLE_CSS + """
.region-stage { font-size: 1.2em; font-weight: 700; color: #0B2F52; }
h4 { margin: 0.7em 0 0.1em 0; color: #0B2F52; }
p.small { margin: 0.15em 0; }
"""


def _save(state: Any, draft: AssessmentDraft, lang: str) -> None:
    orphan = [code for code, note in draft.evidence.items()
              if note.strip() and draft.levels.get(code, NO_ANSWER) < 0]
    if orphan:
        names = "; ".join(i18n.criterion_label(c, lang) for c in orphan)
        draft.param.update(ok=False, message=tr("dash.form.orphan_evidence", lang,
                                                criteria=names))
        return
    if not draft.answers():
        draft.param.update(ok=False, message=tr("dash.form.empty", lang))
        return
    try:
        assessment = draft.as_assessment()
        state.add_assessment(assessment)
    except ValidationError as exc:
        draft.param.update(ok=False, message=tr("dash.form.invalid", lang,
                                                detail=exc.text(lang)))
    except Exception as exc:  # noqa: BLE001 - any failure is shown, the form is kept
        # A store error in words, without the server's folders; anything else in general
        # words (never a traceback).
        sentence, problems = error_message(exc, lang, state.db_path)
        detail = "\n".join(problems) if isinstance(exc, ConcertError) else sentence
        draft.param.update(ok=False, message=tr("dash.form.store_error", lang, detail=detail))
    else:
        draft.param.update(ok=True, message=tr("dash.form.saved", lang, id=assessment.id,
                                               date=assessment.on.isoformat()))


def _scale(lang: str) -> dict[str, int]:
    scale = {f"— {tr('dash.form.no_answer', lang)}": NO_ANSWER}
    scale.update({f"{lv} — {fr if lang == 'fr' else en}": lv for lv, fr, en in SCALE})
    return scale


class AssessmentPage(Page):
    """The self-assessment page (hidden in presentation mode).

    Its own state: the :class:`AssessmentDraft` (what was typed), kept across language
    switches, failed saves and the region's reloads.
    """

    slug = "assessment"

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state, **params)
        on = state.today()
        self.draft = AssessmentDraft(
            on=on, on_text=on.isoformat(), id=f"eval-{on.isoformat()}",
            levels={c.code: NO_ANSWER for c in fw.CRITERIA},
            evidence={c.code: "" for c in fw.CRITERIA})

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        state, draft = self.state, self.draft
        lang_ref = self.param.lang

        def touch() -> None:
            draft.revision += 1

        ident = pn.widgets.TextInput(label=self.text("dash.form.id"), value=draft.id, width=200,
                                     stylesheets=[FIELD_CSS])
        # A plain text field (AAAA-MM-JJ): bokeh's date picker has no label a screen reader
        # can read, and a typed date is as quick.
        date = pn.widgets.TextInput(label=self.text("dash.form.date"), value=draft.on_text,
                                    placeholder=self.text("dash.form.date_hint"), width=170,
                                    stylesheets=[FIELD_CSS])
        who = pn.widgets.TextInput(label=self.text("dash.form.respondent"),
                                   value=draft.respondent,
                                   placeholder=self.text("dash.form.respondent_hint"),
                                   sizing_mode="stretch_width", min_width=180,
                                   stylesheets=[FIELD_CSS])
        title = pn.widgets.TextInput(label=self.text("dash.form.label"), value=draft.label,
                                     placeholder=self.text("dash.form.label_hint"),
                                     sizing_mode="stretch_width", min_width=240,
                                     stylesheets=[FIELD_CSS])

        def on_id(event: param.parameterized.Event) -> None:
            draft.param.update(id=event.new, id_auto=False)

        def on_date(event: param.parameterized.Event) -> None:
            draft.on_text = event.new
            try:
                draft.on = typed_date(event.new)
            except ValueError:
                draft.on = None
            if draft.id_auto and draft.on is not None:
                draft.id = f"eval-{draft.on.isoformat()}"
                ident.value = draft.id
                draft.id_auto = True
            touch()

        ident.param.watch(on_id, "value_input")
        date.param.watch(on_date, "value_input")
        who.param.watch(lambda e: setattr(draft, "respondent", e.new), "value_input")
        title.param.watch(lambda e: setattr(draft, "label", e.new), "value_input")

        scale = pn.bind(_scale, lang_ref)
        sections = []
        for ind in fw.INDICATORS:
            items: list[Any] = [pn.pane.HTML(
                bind(lambda lang, ind=ind: f"<h3>{esc(i18n.indicator_label(ind.code, lang))} "
                     f'<span class="small muted">({esc(ind.table)})</span></h3>', lang_ref),
                stylesheets=[TABLE_CSS], margin=(0, 10))]
            for stage in fw.STAGE_ORDER:
                items.append(pn.pane.HTML(
                    bind(lambda lang, stage=stage: "<h4>" + esc(tr(
                        "dash.form.stage", lang, stage=i18n.label("stage", stage, lang)))
                        + "</h4>", lang_ref),
                    stylesheets=[TABLE_CSS + "h4 { margin: 0.3em 0 0 0; color: #333; }"],
                    margin=(0, 10)))
                for c in ind.criteria_at(stage):
                    def label(lang: str, c: Any = c) -> str:
                        text = i18n.criterion_label(c.code, lang)
                        if c.descriptor:
                            text += f" ({tr('dash.form.descriptor', lang)})"
                        return text

                    level = pn.widgets.Select(label=pn.bind(label, lang_ref), options=scale,
                                              value=draft.levels.get(c.code, NO_ANSWER),
                                              width=320, align="end", stylesheets=[FIELD_CSS])
                    note = pn.widgets.TextInput(
                        label=self.text("dash.form.evidence"),
                        value=draft.evidence.get(c.code, ""),
                        placeholder=self.text("dash.form.evidence_hint"), align="end",
                        sizing_mode="stretch_width", min_width=200, stylesheets=[FIELD_CSS])

                    def on_level(event: param.parameterized.Event, code: str = c.code) -> None:
                        draft.levels = {**draft.levels, code: event.new}
                        touch()

                    def on_note(event: param.parameterized.Event, code: str = c.code) -> None:
                        draft.evidence = {**draft.evidence, code: event.new}

                    level.param.watch(on_level, "value")
                    note.param.watch(on_note, "value_input")
                    items.append(pn.Row(level, note, sizing_mode="stretch_width"))
                    if c.code == PLAN_CRITERION:  # the adopted plan, as evidence (Tableau 8)
                        items.append(self.html(lambda: '<p class="small muted">' + esc(
                            plan_evidence(self.state.region, on=self.state.today()).text(
                                self.lang)) + "</p>", margin=(0, 10)))
            sections.append(pn.Column(*items, sizing_mode="stretch_width",
                                      styles={"border-top": "2px solid #0B4F8A",
                                              "margin-top": "0.6em"}))

        save = pn.widgets.Button(label=self.text("dash.form.save"), color="primary",
                                 width=220, height=48, disabled=not state.can_save)
        save.on_click(lambda _e: _save(state, draft, self.lang))

        def message(text: str, ok: bool) -> str:
            # Shown as text: the message may quote what was typed (a refused identifier).
            return message_html(text, "success" if ok else "danger") if text else ""

        status = pn.pane.HTML(pn.bind(message, draft.param.message, draft.param.ok),
                              stylesheets=[TABLE_CSS + MESSAGE_CSS], sizing_mode="stretch_width")
        disabled_note = [] if state.can_save else [
            self.html(lambda: message_html(tr("dash.form.no_store", self.lang), "warning"),
                      TABLE_CSS + MESSAGE_CSS)]
        result = pn.pane.HTML(bind(lambda _r, lang: draft_result_html(draft, lang),
                                   draft.param.revision, lang_ref),
                              stylesheets=[RESULT_CSS], sizing_mode="stretch_width")
        form = pn.Column(
            self.html(lambda: f"<h2>{esc(tr('dash.page.assessment', self.lang))}</h2>"
                      f"<p>{esc(tr('dash.form.intro', self.lang))}</p>"),
            pn.Row(ident, date, who, sizing_mode="stretch_width"), title, *sections,
            *disabled_note, pn.Row(save), status, sizing_mode="stretch_width")
        side = pn.Column(
            self.html(lambda: f"<h2>{esc(tr('dash.form.result', self.lang))}</h2>",
                      sizing_mode="fixed", width=340),
            result, width=360, styles={"position": "sticky", "top": "0"})
        hidden = self.html(lambda: f"<p>{esc(tr('dash.form.hidden', self.lang))}</p>",
                           visible=self.param.presentation)
        body = pn.Row(form, side, sizing_mode="stretch_width",
                      visible=bind(lambda p: not p, self.param.presentation))
        return self.column(hidden, body)
