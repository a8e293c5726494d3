"""The action plan: steps adopted as actions, their status and log, late actions, targets.

A step of the "Prochaines étapes" (a criterion missing for the next stage) is adopted as an
:class:`concert.actions.Action`: what, the lead organisation, partners, the due date, the
criterion it answers and, optionally, a measurable target tied to a program figure. Its
status moves with a dated log (:func:`concert.actions.set_status`). The page shows the
plan (:func:`concert.followup.action_plan`), the late actions and each target against the
latest figure (:func:`concert.followup.late_actions`, :func:`~concert.followup.targets`);
:func:`followup_overview_html` is the same block for the overview.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import panel as pn
import param

from concert import framework as fw
from concert import i18n
from concert.actions import Action, set_status
from concert.followup import action_plan, late_actions, plan_evidence, targets
from concert.indicators import maturity
from concert.region import Region
from dashboards._common import esc, html_table, number, row_tuples, tr, typed_date
from dashboards.pages._followup import (
    FORM_CSS,
    acting,
    calendar_download,
    editing,
    field,
    iso_date,
    save_one,
    session_of,
    set_options,
    status_pane,
)
from dashboards.pages.base import Page

__all__ = ["PlanPage", "followup_overview_html", "late_targets_html", "next_step_options",
           "plan_html"]


def next_step_options(region: Region, lang: str) -> dict[str, str]:
    """The steps to adopt: each criterion missing for an indicator's next stage."""
    if not region.assessments:
        return {}
    out = {}
    for code, r in maturity(region.assessment(), lang=lang).items():
        for c in r.missing:
            out[f"{i18n.indicator_label(code, lang)} — {i18n.criterion_label(c, lang)}"] = c
    return out


def plan_html(region: Region, lang: str, on: dt.date) -> str:
    """The plan as an HTML table (late actions marked in words)."""
    plan = action_plan(region, on=on, lang=lang)
    if plan.empty:
        return f"<p>{esc(tr('fu.plan.empty', lang))}</p>"
    rows = []
    for r in row_tuples(plan, index=False):
        status = esc(r.status_label)
        if r.late:
            status += f' <span class="late">⚠ {esc(tr("fu.plan.late", lang))}</span>'
        answers = esc(i18n.criterion_label(r.criterion, lang) if r.criterion
                      else i18n.gap_name(r.gap, lang) if r.gap else "")
        target = ""
        if r.target_figure:
            target = (f'{esc(r.target_label)} ≥ '
                      f"{esc(number(r.target_value, lang))}<br>{esc(iso_date(r.target_on))}")
        rows.append([esc(r.title), esc(r.lead_name), esc(r.partners), esc(iso_date(r.due)), status,
                     answers, target])
    evidence = plan_evidence(region, on=on).text(lang)
    return html_table([tr(f"fu.col.{k}", lang) for k in ("what", "lead", "partners", "due",
                                                          "status", "answers_to", "target")],
                      rows, raw=True, caption=tr("fu.plan.caption", lang, date=on.isoformat())
                      ) + f'<p class="muted">{esc(evidence)}</p>'


def late_targets_html(region: Region, lang: str, on: dt.date) -> str:
    """The late actions and each target against the latest figure, as HTML."""
    late = late_actions(region, on=on, lang=lang)
    out = [f"<h3>{esc(tr('fu.plan.late_title', lang))}</h3>"]
    if late.empty:
        out.append(f"<p>{esc(tr('fu.plan.late_none', lang))}</p>")
    else:
        out.append("<ul>" + "".join(
            f'<li><span class="late">⚠ {esc(r.title)}</span> — {esc(r.lead_name)}, '
            f"{esc(iso_date(r.due))} ({esc(tr('fu.plan.days_late', lang, n=r.days_late))})</li>"
            for r in row_tuples(late, index=False)) + "</ul>")
    out.append(f"<h3>{esc(tr('fu.plan.targets_title', lang))}</h3>")
    goals = targets(region, on=on, lang=lang)
    if goals.empty:
        out.append(f"<p>{esc(tr('fu.plan.targets_none', lang))}</p>")
        return "".join(out)
    rows = []
    for t in row_tuples(goals, index=False):
        if t.value is None or t.value != t.value:
            where = tr("fu.plan.no_figure", lang)
        elif t.reached:
            where = tr("fu.plan.reached", lang)
        elif t.missed:
            where = tr("fu.plan.missed", lang)
        else:
            where = tr("fu.plan.under_way", lang)
        if t.share is not None and t.share == t.share:
            where += f" ({t.share:.0%})"
        rows.append([t.title, t.figure_label, number(t.target, lang), iso_date(t.target_on),
                     f"{number(t.value, lang)} {t.unit}".strip(), iso_date(t.as_of), where,
                     t.definition])
    out.append(html_table([tr(f"fu.col.{k}", lang) for k in (
        "what", "figure", "goal", "goal_on", "latest", "as_of", "progress", "definition")],
        rows))
    return "".join(out)


def followup_overview_html(region: Region | None, lang: str = "fr",
                           on: dt.date | None = None) -> str:
    """The overview's block: late actions and targets against the latest figure (HTML).

    For the lead to add to the overview page (``FORM_CSS`` of
    :mod:`dashboards.pages._followup` styles it).
    """
    if region is None:
        return ""
    from concert import settings

    on = on or settings.current_date()
    return (f"<section><h2>{esc(tr('fu.ov.title', lang))}</h2>"
            f"{late_targets_html(region, lang, on)}</section>")


def _log_html(region: Region, lang: str) -> str:
    rows = []
    for a in sorted(region.actions, key=lambda x: x.id):
        for e in a.log:
            rows.append([a.title, iso_date(e.on), i18n.label("action_status", e.status, lang),
                         e.note, e.by])
    if not rows:
        return ""
    return html_table([tr(k, lang) for k in ("fu.col.what", "dash.hist.date", "fu.col.status",
                                             "fu.col.note", "fu.col.by")],
                      rows, caption=tr("fu.plan.log", lang))


class PlanPage(Page):
    """The action plan page."""

    slug = "plan"

    note = param.String(default="", doc="The result of the last save, in words.")
    ok = param.Boolean(default=False)
    note_from = param.String(default="", doc="The form whose action wrote ``note``.")

    # ------------------------------------------------------------------ actions
    def _free_id(self) -> str:
        used = {a.id for a in self.state.region.actions}
        k = len(used) + 1
        while f"action-{k}" in used:
            k += 1
        return f"action-{k}"

    def adopt(self, *, step: str, title: str, lead: str, partners: list[str], due: str,
              target_figure: str = "", target_value: str = "", target_on: str = "") -> bool:
        """Adopt a step as an action of the plan; True when saved."""
        lang = self.lang
        title = (title or "").strip() or (i18n.criterion_label(step, lang) if step else "")
        if not lead:
            self.param.update(ok=False, note=tr("fu.required", lang,
                                                field=tr("fu.plan.lead", lang)))
            return False
        values: dict[str, Any] = {}
        for key, text in (("due", due), ("target_on", target_on)):
            try:
                values[key] = typed_date(text)
            except ValueError:
                self.param.update(ok=False, note=tr("fu.bad_date", lang,
                                                    field=tr(f"fu.plan.{key}", lang)))
                return False
        value = None
        if (target_value or "").strip():
            try:
                value = float(str(target_value).replace(",", ".").replace(" ", ""))
            except ValueError:
                self.param.update(ok=False, note=tr("fu.bad_number", lang,
                                                    field=tr("fu.plan.target_value", lang)))
                return False
        today = self.state.today()
        if not save_one(self, lambda: Action(
                self._free_id(), title, lead, tuple(p for p in partners if p != lead),
                due=values["due"], criterion=step or "", target_figure=target_figure or "",
                target_value=value, target_on=values["target_on"], adopted_on=today)):
            return False
        self.param.update(ok=True, note=tr("fu.plan.adopted", lang, title=title))
        return True

    def change_status(self, action_id: str, status: str, on: str, note: str = "") -> bool:
        """Write a new status of an action in its log; True when saved."""
        lang = self.lang
        try:
            day = typed_date(on) or self.state.today()
        except ValueError:
            self.param.update(ok=False, note=tr("fu.bad_date", lang,
                                                field=tr("fu.plan.on", lang)))
            return False
        base = next((a for a in self.state.region.actions if a.id == action_id), None)
        if base is None:
            self.param.update(ok=False, note=tr("fu.required", lang,
                                                field=tr("fu.plan.action", lang)))
            return False
        by = getattr(session_of(self.state), "name", "") or ""
        if not save_one(self, lambda: set_status(base, status, day, note=(note or "").strip(),
                                                 by=by), base=base):
            return False
        self.param.update(ok=True, note=tr("fu.plan.status_saved", lang, title=base.title,
                                           status=i18n.label("action_status", status, lang),
                                           date=day.isoformat()))
        return True

    # ------------------------------------------------------------------ layout
    def build(self) -> pn.viewable.Viewable:
        """The page's layout: the plan, late actions and targets, the forms."""
        if self.state.region is None:
            return self.no_region()
        today = self.state.today
        # Adopting comes first, folded: opened when a step arrives from the next steps (the
        # form is then on screen, not a thousand pixels below the plan).
        adopt = pn.Card(self._adopt_form(), collapsed=not self.state.step,
                        sizing_mode="stretch_width", header_color="#0B2F52",
                        header_background="#E8EEF4")

        def title(*_: Any) -> None:  # ▸ folded, ▾ open: the heading says it opens
            adopt.title = ("▸ " if adopt.collapsed else "▾ ") + tr("fu.plan.adopt_title",
                                                                   self.lang)

        title()
        self.param.watch(title, "lang")
        adopt.param.watch(title, "collapsed")
        self.state.param.watch(lambda e: setattr(adopt, "collapsed", not e.new), "step")
        return self.column(
            self.html(lambda: f"<h2>{esc(tr('dash.page.plan', self.lang))}</h2>"
                      f"<p>{esc(tr('fu.plan.intro', self.lang))}</p>", FORM_CSS),
            pn.Column(adopt, visible=editing(self), sizing_mode="stretch_width"),
            self.html(lambda: plan_html(self.region, self.lang, today()), FORM_CSS),
            self.html(lambda: late_targets_html(self.region, self.lang, today()), FORM_CSS),
            pn.Column(self._status_form(), visible=editing(self),
                      sizing_mode="stretch_width"),
            self.html(lambda: _log_html(self.region, self.lang), FORM_CSS),
            pn.Row(calendar_download(self)))

    def _actors(self) -> dict[str, str]:
        region = self.state.region  # real ids (the form is hidden when anonymised)
        return {a.name: a.id for a in sorted(region.actors, key=lambda a: a.name.casefold())}

    def _adopt_form(self) -> pn.viewable.Viewable:
        none = {tr("fu.none_option", self.lang): ""}
        step = field(self, pn.widgets.Select, "fu.plan.step", sizing_mode="stretch_width",
                     max_width=1100)
        title = field(self, pn.widgets.TextInput, "fu.plan.title", width=620)
        lead = field(self, pn.widgets.Select, "fu.plan.lead", width=360)
        partners = field(self, pn.widgets.MultiChoice, "fu.plan.partners", width=520)
        due = field(self, pn.widgets.TextInput, "fu.plan.due", width=220)
        figure = field(self, pn.widgets.Select, "fu.plan.target_figure", width=360, options=none)
        value = field(self, pn.widgets.TextInput, "fu.plan.target_value", width=160)
        target_on = field(self, pn.widgets.TextInput, "fu.plan.target_on", width=220)

        def options(*_: Any) -> None:
            lang = self.lang
            region = self.state.region
            set_options(step, {tr("fu.none_option", lang): "", **next_step_options(region, lang)})
            actors = self._actors()
            # No lead chosen for the committee: the first name of the list would be saved.
            set_options(lead, {tr("fu.choose_option", lang): "", **actors})
            set_options(partners, {esc(k): v for k, v in actors.items()})
            set_options(figure, {tr("fu.none_option", lang): "",
                                 **{i18n.label("program_figure", c, lang): c
                                    for c in sorted({f.code for f in region.figures})}})

        options()
        self.param.watch(options, ["lang", "version"])
        step.param.watch(lambda e: setattr(title, "value", i18n.criterion_label(
            e.new, self.lang) if e.new else title.value), "value")

        def chosen(*_: Any) -> None:  # a step adopted from the next-steps page
            if self.state.step in step.options.values():
                step.value = self.state.step

        chosen()
        self.state.param.watch(chosen, "step")
        button = pn.widgets.Button(label=self.text("fu.plan.adopt"), color="primary",
                                   disabled=not self.state.can_save, height=44, width=260)

        def adopt() -> None:
            if self.adopt(step=step.value, title=title.value or "", lead=lead.value,
                          partners=list(partners.value), due=due.value or "",
                          target_figure=figure.value, target_value=value.value or "",
                          target_on=target_on.value or ""):
                title.value, due.value, value.value, target_on.value = "", "", "", ""

        button.on_click(acting(self, "adopt", adopt))
        return pn.Column(
            step, title, pn.Row(lead, due), partners, pn.Row(figure, value, target_on), button,
            status_pane(self, "adopt"),
            sizing_mode="stretch_width", styles={"border-top": "2px solid #0B4F8A"})

    def _status_form(self) -> pn.viewable.Viewable:
        action = field(self, pn.widgets.Select, "fu.plan.action", width=620)
        status = field(self, pn.widgets.Select, "fu.plan.new_status", width=260)
        on = field(self, pn.widgets.TextInput, "fu.plan.on", value=self.state.today().isoformat(),
                   width=220)
        note = field(self, pn.widgets.TextInput, "fu.col.note", width=620)

        def options(*_: Any) -> None:
            lang = self.lang
            set_options(action, {a.title: a.id for a in self.state.region.actions})
            set_options(status, {i18n.label("action_status", s, lang): s
                                 for s in fw.codes("action_status")})

        options()
        self.param.watch(options, ["lang", "version"])
        button = pn.widgets.Button(label=self.text("fu.plan.set"), color="primary",
                                   disabled=not self.state.can_save, height=44, width=260)
        button.on_click(acting(self, "status", lambda: self.change_status(
            action.value, status.value, on.value or "", note.value or "")))
        return pn.Column(
            self.html(lambda: f"<h3>{esc(tr('fu.plan.status_title', self.lang))}</h3>",
                      FORM_CSS),
            action, pn.Row(status, on), note, button, status_pane(self, "status"),
            sizing_mode="stretch_width",
            styles={"border-top": "2px solid #0B4F8A"})
