"""Overview page: the maturity matrix, the region's stage, key figures and recent changes."""

from __future__ import annotations

from typing import Any

import pandas as pd
import panel as pn

from concert import framework as fw
from concert import i18n, responses, settings
from concert.agreements import agreements_frame, expiring
from concert.indicators import (
    Assessment,
    compare_assessments,
    criterion_states,
    maturity,
    region_stage,
)
from concert.region import Region
from concert.retire import current_region
from dashboards._common import CELL_STYLES, TABLE_CSS, esc, html_table, row_tuples, tr
from dashboards.pages.base import Page
from dashboards.pages.figures import figures_series_html
from dashboards.pages.plan import followup_overview_html

__all__ = ["key_figures_html", "matrix_html", "maturity_matrix", "OverviewPage",
           "region_stage_html"]

MATRIX_CSS = TABLE_CSS + "".join(
    f"table.matrix td.{k} {{ background: {bg}; color: {fg}; }}"
    for k, (bg, fg) in CELL_STYLES.items()) + """
table.matrix { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em 0;
  table-layout: fixed; }
table.matrix col.ind { width: 22%; }
table.matrix col.stage, table.matrix col.where { width: 19.5%; }
table.matrix caption { text-align: left; font-weight: 700; font-size: 1.1em; padding: 0.3em 0; }
table.matrix th, table.matrix td { border: 2px solid #5a5a5a; padding: 0.45em 0.6em;
  vertical-align: top; text-align: left; }
table.matrix thead th { background: #0B4F8A; color: #fff; }
table.matrix tbody th { background: #E8EEF4; color: #111; font-weight: 700; }
table.matrix .state { display: block; font-weight: 700; }
table.matrix .count { display: block; font-size: 0.9em; }
table.matrix td.where { font-weight: 700; background: #fff; color: #111; }
.region-stage { font-size: 1.35em; font-weight: 700; color: #0B2F52; margin: 0.2em 0; }
.figures { display: flex; flex-wrap: wrap; gap: 0 2.5em; align-items: flex-start; }
.alert { border-left: 6px solid #8A4B00; background: #FFF4E0; padding: 0.4em 0.8em; }
"""


def _cell(ind: fw.Indicator, stage: str, result: Any, states: dict, lang: str) -> str:
    crits = [c for c in ind.criteria_at(stage) if not c.descriptor]
    met = sum(states[c.code].status == "met" for c in crits)
    partial = sum(states[c.code].status == "partial" for c in crits)
    if not result.assessed:
        word = "— " + tr("dash.cell.na", lang)
        return f'<td class="todo"><span class="state">{esc(word)}</span></td>'
    placement = result.placement
    rank = fw.stage_index(stage)
    if placement.stage is not None and rank <= fw.stage_index(placement.stage):
        cls, word = "reached", "✔ " + tr("dash.cell.reached", lang)
    elif stage == placement.towards:
        cls, word = "progress", "◐ " + tr("dash.cell.progress", lang)
    else:
        cls, word = "todo", "○ " + tr("dash.cell.todo", lang)
    if crits:
        count = tr("dash.cell.count", lang, met=met, total=len(crits))
        if partial:
            count += " · " + tr("dash.cell.partial", lang, n=partial)
    else:
        count = tr("dash.cell.entry", lang)
    return (f'<td class="{cls}"><span class="state">{esc(word)}</span>'
            f'<span class="count">{esc(count)}</span></td>')


def matrix_html(assessment: Assessment, lang: str = "fr") -> str:
    """The 4 x 3 maturity matrix of an assessment as an HTML table.

    Rows are the indicators, columns the stages; each cell says in words whether the
    stage is reached, in progress (the indicator stands between two stages) or not yet,
    and how many of its criteria are observed ("2/2"). The last column gives the
    placement in words.
    """
    results = maturity(assessment, lang=lang)
    states = criterion_states(assessment)
    head = [tr("dash.matrix.indicator", lang)] + [i18n.label("stage", s, lang)
                                                  for s in fw.STAGE_ORDER]
    head.append(tr("dash.matrix.where", lang))
    rows = []
    for ind in fw.INDICATORS:
        r = results[ind.code]
        cells = "".join(_cell(ind, s, r, states, lang) for s in fw.STAGE_ORDER)
        rows.append(f'<tr><th scope="row">{esc(i18n.indicator_label(ind.code, lang))}'
                    f'<br><span class="count">{esc(ind.table)}</span></th>{cells}'
                    f'<td class="where">{esc(r.stage_label(lang))}</td></tr>')
    caption = tr("dash.matrix.caption", lang, date=assessment.on.isoformat(),
                 label=assessment.label or assessment.id)
    ths = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    cols = ('<colgroup><col class="ind">' + '<col class="stage">' * 3
            + '<col class="where"></colgroup>')
    return (f'<table class="matrix"><caption>{esc(caption)}</caption>{cols}<thead><tr>{ths}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table>')


def region_stage_html(assessment: Assessment, lang: str = "fr") -> str:
    """The region's overall stage in words, and the indicators holding it back."""
    results = maturity(assessment, lang=lang)
    region = region_stage(results)
    stage = tr("dash.region_stage", lang, stage=region.stage_label(lang))
    out = [f'<p class="region-stage">{esc(stage)}</p>']
    if region.missing and region.next_stage:
        names = "; ".join(i18n.indicator_label(c, lang) for c in region.missing)
        out.append(f"<p>{esc(tr('dash.region_holding', lang, indicators=names))}</p>")
    out.extend(f'<p class="muted">{esc(n.text(lang))}</p>' for n in region.notes)
    return "".join(out)


def key_figures_html(region: Region, lang: str = "fr") -> str:
    """Actors by sector, agreements by type and status, committees, as HTML tables.

    Organisations retired by today are left out (:func:`concert.retire.current_region`).
    """
    region = current_region(region)
    by_sector: dict[str, int] = {}
    for a in region.actors:
        by_sector[a.sector] = by_sector.get(a.sector, 0) + 1
    sectors = html_table(
        [tr("dash.fig.sector", lang), tr("dash.fig.actors", lang)],
        [(i18n.label("sector", s.code, lang), by_sector[s.code]) for s in fw.SECTORS
         if s.code in by_sector] + [(tr("dash.total", lang), len(region.actors))],
        caption=tr("dash.fig.actors_by_sector", lang))
    frame = agreements_frame(region.agreements, region.actors_by_id(), lang=lang)
    statuses = [s.code for s in fw.AGREEMENT_STATUSES if s.code in set(frame["status"])]
    rows = []
    for t in ("I", "II", "III"):
        sub = frame[frame["type"] == t]
        rows.append([tr("dash.map.edge.agreement", lang, type=t)]
                    + [int((sub["status"] == s).sum()) for s in statuses] + [len(sub)])
    agreements = html_table(
        [tr("dash.fig.type", lang)] + [i18n.label("agreement_status", s, lang) for s in statuses]
        + [tr("dash.total", lang)], rows, caption=tr("dash.fig.agreements", lang))
    soon = [a for a in expiring(region.agreements) if a.type != "III"]
    n_soon_iii = sum(a.type == "III" for a in expiring(region.agreements))
    alert = ""
    if soon or n_soon_iii:
        text = tr("dash.fig.expiring", lang, n=len(soon) + n_soon_iii)
        alert = f'<p class="alert">⚠ {esc(text)}</p>'
    com_rows = []
    for c in region.committees:
        seats = [m for m in region.memberships if m.committee == c.id]
        com_rows.append((c.name or i18n.label("committee_kind", c.kind, lang),
                         i18n.label("committee_kind", c.kind, lang),
                         sum(m.seat == "permanent" for m in seats),
                         sum(m.seat != "permanent" for m in seats),
                         "—" if c.meetings_per_year is None else c.meetings_per_year))
    committees = html_table(
        [tr("dash.fig.committee", lang), tr("dash.fig.kind", lang),
         i18n.label("seat", "permanent", lang), i18n.label("seat", "ad_hoc", lang),
         tr("dash.fig.meetings", lang)], com_rows, caption=tr("dash.fig.committees", lang))
    return (f'<div class="figures"><div>{sectors}</div><div>{agreements}{alert}</div>'
            f"<div>{committees}</div></div>")


def changes_html(region: Region, lang: str = "fr") -> str:
    """What changed between the two latest assessments (:func:`compare_assessments`)."""
    history = region.assessments_by_date()
    if len(history) < 2:
        return f'<p class="muted">{esc(tr("dash.changes.none", lang))}</p>'
    before, after = history[-2], history[-1]
    frame = compare_assessments(before, after, lang=lang)
    rows = []
    for r in row_tuples(frame):
        change = r.change
        if change is None or pd.isna(change):
            word = "—"
        elif change > 0:
            n = round(change * 2)
            word = "▲ " + tr("dash.changes.up_one" if n == 1 else "dash.changes.up", lang, n=n)
        elif change < 0:
            n = round(-change * 2)
            word = "▼ " + tr("dash.changes.down_one" if n == 1 else "dash.changes.down", lang,
                             n=n)
        else:
            word = "= " + tr("dash.changes.same", lang)
        rows.append((r.label, r.before, r.after, word, r.gained or "—", r.lost or "—"))
    return html_table(
        [tr("dash.matrix.indicator", lang), tr("dash.changes.before", lang),
         tr("dash.changes.after", lang), tr("dash.changes.change", lang),
         tr("dash.changes.gained", lang), tr("dash.changes.lost", lang)], rows,
        caption=tr("dash.changes.caption", lang, before=before.on.isoformat(),
                   after=after.on.isoformat()))


def collecting_html(region: Region, result: Assessment, lang: str = "fr") -> str:
    """The members' assessments still collecting answers, newer than the region's result.

    Their answers received so far, their last day, and which assessment the stage shown is
    read on (:meth:`concert.region.Region.assessment`).
    """
    today = settings.current_date()
    out = []
    for a in region.assessments_by_date():
        if a.on < result.on or a is result or not a.collecting(today):
            continue
        total = len(responses.participation(region, a))
        text = tr("dash.collecting", lang, label=a.label or a.id, n=len(a.respondents),
                  total=total, date=a.closes_on.isoformat() if a.closes_on else "",
                  result=result.label or result.id, on=result.on.isoformat())
        out.append(f'<p class="alert">{esc(text)}</p>')
    return "".join(out)


def maturity_matrix(region: Region, *, lang: str = "fr",
                    assessment_id: str | None = None) -> pn.pane.HTML:
    """The maturity matrix of a region's latest (or given) assessment, as a Panel pane.

    Usable in a notebook after ``pn.extension()``.

    Parameters
    ----------
    region : Region
        The region.
    lang : str
        ``"fr"`` or ``"en"``.
    assessment_id : str, optional
        The assessment to show; default the latest.

    Returns
    -------
    panel.pane.HTML
        The region's stage in words and the 4 x 3 matrix (indicators x stages).

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> pane = maturity_matrix(capitale_nationale(), lang="en")
    >>> "Region stage: Between Coordination and Co-operation" in pane.object
    True
    """
    if not region.assessments:
        return pn.pane.HTML(f"<p>{esc(tr('dash.no_assessment', lang))}</p>",
                            stylesheets=[MATRIX_CSS])
    a = region.assessment(assessment_id)
    return pn.pane.HTML(region_stage_html(a, lang) + matrix_html(a, lang),
                        stylesheets=[MATRIX_CSS], sizing_mode="stretch_width")


class OverviewPage(Page):
    """The overview page: the region's stage, the matrix, key figures and recent changes."""

    slug = "overview"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        return self.column(self.html(self._body, MATRIX_CSS))

    def _body(self) -> str:
        lang, region = self.lang, self.region
        if region is None:
            return f"<p>{esc(tr('dash.no_region', lang))}</p>"
        parts = [f'<h2>{esc(tr("dash.page.overview", lang))} — {esc(region.name)}</h2>']
        if region.assessments:
            a = region.assessment()
            parts.append(collecting_html(region, a, lang))
            parts.append(region_stage_html(a, lang))
            parts.append(matrix_html(a, lang))
            parts.append(f'<p class="small muted">{esc(tr("dash.matrix.help", lang))}</p>')
        else:
            parts.append(f"<p>{esc(tr('dash.no_assessment', lang))}</p>")
        # The committee's follow-up next (late actions, targets against the latest
        # figure): what a committee acts on first.
        parts.append(followup_overview_html(region, lang, settings.current_date()))
        parts.append(f"<h2>{esc(tr('dash.fig.title', lang))}</h2>")
        parts.append(key_figures_html(region, lang))
        parts.append(figures_series_html(region, lang))
        parts.append(f"<h2>{esc(tr('dash.changes.title', lang))}</h2>")
        parts.append(changes_html(region, lang))
        return "".join(parts)
