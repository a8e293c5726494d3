"""Analysis page: network measures (intersectoral action first), gaps and evidence.

Everything shown comes from :mod:`concert.network` and :mod:`concert.gaps`; the page
only lays it out. A selector of tie kinds recomputes every measure on that sub-network.
"""

from __future__ import annotations

import math
from typing import Any

import holoviews as hv
import pandas as pd
import panel as pn

from concert import gaps, i18n
from concert import network as nw
from concert.region import Region
from dashboards._common import SECTOR_COLOURS, TABLE_CSS, bind, esc, html_table, row_tuples, tr
from dashboards.pages.base import Page

__all__ = ["AnalysisPage", "analysis_html", "ei_chart"]

ANALYSIS_CSS = TABLE_CSS + """
.big { display: flex; gap: 1.2em; flex-wrap: wrap; margin: 0.4em 0 1em 0; }
.big div { border: 2px solid #0B4F8A; border-radius: 6px; padding: 0.4em 0.9em;
  min-width: 11em; background: #F6F9FC; }
.big b { display: block; font-size: 1.8em; color: #0B2F52; }
.gap { border-left: 6px solid #B84A00; background: #FFF6EE; padding: 0.3em 0.8em;
  margin: 0.3em 0; }
"""

SUMMARY_KEYS = ("actors", "ties", "density", "components", "isolates", "largest_component",
                "degree_centralization", "betweenness_centralization", "average_path_length",
                "reciprocity")


def _fmt(value: Any, digits: int = 2, lang: str = "fr") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if lang == "fr" else text
    return f"{int(value)}"


def _yes(value: bool, lang: str) -> str:
    return tr("dash.yes", lang) if value else tr("dash.no", lang)


def analysis_html(region: Region, lang: str = "fr", kinds: list[str] | None = None) -> str:
    """The measures, gaps and evidence of a region as HTML (``kinds`` filters the ties)."""
    G = nw.actor_graph(region, kinds=kinds)
    m = nw.all_measures(G, declared=nw.declared_ties_graph(region, kinds=kinds))
    # all_measures holds a measure of each kind (its docstring): a dict and frames.
    s, mix, found_actors = m["summary"], m["mixing"], m["actors"]
    assert isinstance(s, dict)
    assert isinstance(mix, pd.DataFrame)
    assert isinstance(found_actors, pd.DataFrame)
    share = s["intersectoral_share"]
    share_text = "—" if math.isnan(share) else _fmt(100 * share, 0, lang)
    out = [f"<h3>{esc(tr('dash.analysis.between', lang))}</h3>",
           '<div class="big">',
           (f"<div>{esc(tr('measure.intersectoral_share', lang))}"
            f"<b>{share_text} %</b></div>"),
           f"<div>{esc(tr('measure.ei_index', lang))}<b>{_fmt(s['ei_index'], 2, lang)}</b></div>",
           f"<div>{esc(tr('measure.density', lang))}<b>{_fmt(s['density'], 3, lang)}</b></div>",
           "</div>",
           f'<p class="muted">{esc(tr("dash.analysis.ei_help", lang))}</p>']
    labels = [i18n.label("sector", c, lang) for c in mix.index]
    out.append(html_table([tr("dash.analysis.sector", lang), *labels],
                          [[labels[i], *[int(v) for v in mix.iloc[i]]]
                           for i in range(len(labels))],
                          caption=tr("dash.analysis.mixing", lang)))
    out.append(html_table([tr("dash.analysis.measure", lang), tr("dash.analysis.value", lang)],
                          [[tr(f"measure.{k}", lang), _fmt(s[k], 2, lang)] for k in SUMMARY_KEYS],
                          caption=tr("dash.analysis.whole", lang)))
    actors = found_actors.head(12)
    out.append(html_table(
        [tr("dash.analysis.actor", lang), tr("dash.analysis.sector", lang),
         tr("dash.analysis.degree", lang), tr("dash.analysis.betweenness", lang),
         tr("dash.analysis.constraint", lang), tr("dash.analysis.cut", lang)],
        [[r.label, i18n.label("sector", r.sector, lang), r.degree, _fmt(r.betweenness, 3, lang),
          _fmt(r.constraint, 2, lang), _yes(bool(r.articulation), lang)]
         for r in row_tuples(actors)],
        caption=tr("dash.analysis.brokers", lang)))
    out.append(f"<h3>{esc(tr('dash.analysis.gaps', lang))}</h3>")
    found = gaps.all_gaps(region, lang=lang)
    if found.empty:
        out.append(f"<p>{esc(tr('dash.analysis.no_gap', lang))}</p>")
    out += [f'<p class="gap">⚠ {esc(g.message)} <span class="muted">('
            f"{esc(i18n.indicator_label(g.indicator, lang))})</span></p>"
            for g in row_tuples(found)]
    cov = gaps.key_actor_coverage(region, lang=lang)
    out.append(html_table(
        [tr("dash.analysis.key_row", lang), tr("dash.analysis.count", lang),
         tr("dash.analysis.status", lang), tr("dash.analysis.actors", lang)],
        [[r.label, r.count, tr("dash.analysis.missing", lang) if r.status == "missing"
          else i18n.label("engagement", r.status, lang), r.actors] for r in row_tuples(cov)],
        caption=tr("dash.analysis.coverage", lang)))
    if region.assessments:
        ev = gaps.evidence(region, lang=lang)
        ev = ev[ev["data"] != "no data"]
        out.append(html_table(
            [tr("dash.analysis.criterion", lang), tr("dash.analysis.answer", lang),
             tr("dash.analysis.data", lang), tr("dash.analysis.detail", lang)],
            [[r.label, tr(f"dash.status.{r.answer}", lang),
              tr(f"dash.analysis.data.{r.data.replace(' ', '_')}", lang), r.detail]
             for r in row_tuples(ev)],
            caption=tr("dash.analysis.evidence", lang)))
        out.append(f'<p class="muted small">{esc(tr("dash.analysis.evidence_help", lang))}</p>')
    return "".join(out)


def ei_chart(region: Region, lang: str = "fr", kinds: list[str] | None = None) -> hv.Bars:
    """E-I index by sector as bars, labelled in words (+1: all ties to other sectors)."""
    ei = nw.ei_index(nw.actor_graph(region, kinds=kinds))
    rows = [(i18n.label("sector", k, lang), v, SECTOR_COLOURS.get(k, "#8C8C8C"))
            for k, v in ei.items() if k != "overall" and not math.isnan(v)]
    sector, value = tr("dash.analysis.sector", lang), tr("measure.ei_index", lang)
    # Horizontal bars: the sector names read on one line, even the longest.
    return hv.Bars(rows, sector, [value, "colour"]).opts(
        color="colour", ylim=(-1.05, 1.05), height=60 + 46 * max(1, len(rows)),
        responsive=True, tools=["hover"], invert_axes=True,
        title=tr("dash.analysis.ei_title", lang), fontscale=1.3,
        backend_opts={"plot.output_backend": "canvas"})


class AnalysisPage(Page):
    """The analysis page: a tie-kind filter, the E-I chart, the measures and the gaps.

    Its own state: the tie kinds chosen.
    """

    slug = "analysis"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        # A CheckBoxGroup draws real <label> elements (MultiChoice fails the axe audit).
        kinds = pn.widgets.CheckBoxGroup(
            options=bind(lambda lang: {tr(f"dash.kind.{k}", lang): k for k in nw.ALL_KINDS},
                         self.param.lang),
            value=list(nw.ALL_KINDS), inline=True, sizing_mode="stretch_width",
            # (the kinds wrap on a projector's narrower screen, none cut at the right)
            stylesheets=[".bk-input-group { flex-wrap: wrap; row-gap: 0.3em; }"])
        self.kinds = kinds
        deps = [kinds, *(self.param[k] for k in ("lang", "version", "anonymise"))]
        chart = pn.pane.HoloViews(pn.bind(lambda chosen, *_: self._chart(chosen), *deps),
                                  linked_axes=False, sizing_mode="stretch_width")
        body = pn.pane.HTML(pn.bind(lambda chosen, *_: self._body(chosen), *deps),
                            stylesheets=[ANALYSIS_CSS], sizing_mode="stretch_width")
        return self.column(
            self.html(lambda: f"<h2>{esc(tr('dash.page.analysis', self.lang))}</h2>"
                      f"<p>{esc(tr('dash.analysis.intro', self.lang))}</p>", ANALYSIS_CSS),
            self.html(lambda: f"<b>{esc(tr('dash.analysis.kinds', self.lang))}</b>"),
            kinds, chart, body)

    def _chart(self, chosen: list[str]) -> hv.Bars:
        region = self.region
        if region is None:
            return hv.Bars([]).opts(height=10, responsive=True)
        return ei_chart(region, self.lang, chosen or list(nw.ALL_KINDS))

    def _body(self, chosen: list[str]) -> str:
        region = self.region
        if region is None:
            return f"<p>{esc(tr('dash.no_region', self.lang))}</p>"
        return analysis_html(region, self.lang, chosen or list(nw.ALL_KINDS))
