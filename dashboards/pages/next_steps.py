"""Next-steps page: what each indicator not yet at coopération lacks.

The criteria missing for the next stage, the source's guidance ("Détails") and the tools
it names ("Outils").
"""

from __future__ import annotations

from typing import Any

import panel as pn

from concert import i18n
from concert.indicators import criterion_states, maturity
from concert.region import Region
from dashboards._common import TABLE_CSS, esc, tr
from dashboards.pages._followup import FIELD_CSS, FORM_CSS, editing, set_options
from dashboards.pages.base import Page

__all__ = ["STEPS_CSS", "NextStepsPage", "next_steps_html"]

STEPS_CSS = TABLE_CSS + """
.step { border-left: 6px solid #0B4F8A; padding: 0.2em 0.9em; margin: 0 0 1.2em 0;
  background: #F6F9FC; }
.step h3 { margin-top: 0.3em; }
.step h4 { margin: 0.6em 0 0.2em 0; color: #0B2F52; }
.done { border-left-color: #1E6B3A; background: #EEF7F1; }
.status { font-weight: 700; }
"""


def next_steps_html(region: Region, lang: str = "fr") -> str:
    """The next steps of a region's latest assessment, as HTML."""
    if not region.assessments:
        return f"<p>{esc(tr('dash.no_assessment', lang))}</p>"
    a = region.assessment()
    results = maturity(a, lang=lang)
    states = criterion_states(a)
    basis = tr("dash.steps.basis", lang, date=a.on.isoformat(), label=a.label or a.id)
    out = [f'<p class="muted">{esc(basis)}</p>']
    done = []
    for code, r in results.items():
        name = i18n.indicator_label(code, lang)
        if r.next_stage is None:
            done.append(name)
            continue
        items = "".join(
            f"<li>{esc(i18n.criterion_label(c, lang))} — <span class=\"status\">"
            f"{esc(tr('dash.status.' + states[c].status, lang))}</span></li>"
            for c in r.missing) or f"<li>{esc(tr('dash.none', lang))}</li>"
        tools = r.tools(lang)
        tools_html = ""
        if tools:
            tools_html = (f"<h4>{esc(tr('dash.steps.tools', lang))}</h4><ul>"
                          + "".join(f"<li>{esc(t)}</li>" for t in tools) + "</ul>")
        guidance = r.guidance(lang)
        now = tr("dash.steps.now", lang, stage=r.stage_label(lang),
                 next=i18n.label("stage", r.next_stage, lang))
        out.append(
            f'<section class="step"><h3>{esc(name)}</h3>'
            f"<p>{esc(now)}</p>"
            f"<h4>{esc(tr('dash.steps.missing', lang))}</h4><ul>{items}</ul>"
            + (f"<h4>{esc(tr('dash.steps.guidance', lang))}</h4><p>{esc(guidance)}</p>"
               if guidance else "")
            + tools_html + "</section>")
    if done:
        out.append(f'<section class="step done"><h3>✔ {esc(tr("dash.steps.done", lang))}</h3>'
                   f"<p>{esc('; '.join(done))}</p></section>")
    return "".join(out)


class NextStepsPage(Page):
    """The next-steps page of the dashboard."""

    slug = "next_steps"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        return self.column(self.html(self._body, STEPS_CSS),
                           pn.Column(self._adopt_form(), visible=editing(self),
                                     sizing_mode="stretch_width"))

    def _adopt_form(self) -> pn.viewable.Viewable:
        """Choose a step and open the action plan with it (:attr:`DashboardState.step`)."""
        from dashboards.pages.plan import next_step_options

        step = pn.widgets.Select(label=self.text("fu.plan.step"), sizing_mode="stretch_width",
                                 max_width=1100,
                                 stylesheets=[FIELD_CSS])

        def options(*_: Any) -> None:
            region = self.state.region
            set_options(step, next_step_options(region, self.lang) if region else {})
            button.disabled = not step.options or not self.state.can_save

        button = pn.widgets.Button(label=self.text("dash.steps.adopt"), color="primary",
                                   height=44, width=300)
        options()
        self.param.watch(options, ["lang", "version"])

        def adopt(_e: Any) -> None:
            if step.value:
                self.state.step = ""  # (the same step chosen again opens it again)
                self.state.param.update(step=step.value, page="plan")

        button.on_click(adopt)
        return pn.Column(
            self.html(lambda: f"<h3>{esc(tr('dash.steps.adopt_title', self.lang))}</h3>"
                      f"<p>{esc(tr('dash.steps.adopt_hint', self.lang))}</p>", FORM_CSS),
            step, button, sizing_mode="stretch_width",
            styles={"border-top": "2px solid #0B4F8A"})

    def _body(self) -> str:
        lang, region = self.lang, self.region
        if region is None:
            return f"<p>{esc(tr('dash.no_region', lang))}</p>"
        return f"<h2>{esc(tr('dash.page.next_steps', lang))}</h2>" + next_steps_html(region, lang)
