"""History page: each indicator's stage over time, from the saved assessments."""

from __future__ import annotations

import holoviews as hv
import holoviews.plotting.bokeh  # noqa: F401  (registers the bokeh backend for .opts)
import pandas as pd
import panel as pn
from bokeh.models import DatetimeTickFormatter

from concert import framework as fw
from concert import i18n
from concert.indicators import Placement, maturity, region_stage
from concert.region import Region
from dashboards._common import TABLE_CSS, esc, html_table, toolbar_hook, tr
from dashboards.pages.base import Page

__all__ = ["history_frame", "HistoryPage", "history_plot"]

# Line styles per indicator: colour, dash and marker, so that no line relies on colour.
LINES = {
    "convergence": ("#0072B2", "solid", "circle"),
    "structure": ("#D55E00", "dashed", "square"),
    "mutualisation": ("#007A4D", "dotted", "triangle"),
    "climat": ("#A8327A", "dashdot", "diamond"),
    "region": ("#111111", "solid", "star"),
}


def history_frame(region: Region, lang: str = "fr") -> pd.DataFrame:
    """One row per assessment and indicator (and the region): date, position, stage in words.

    Columns: ``assessment, date, label, indicator, indicator_label, position, stage_label``.
    """
    rows = []
    for a in region.assessments_by_date():
        results = maturity(a, lang=lang)
        for code, r in [*results.items(), ("region", region_stage(results))]:
            rows.append({"assessment": a.id, "date": pd.Timestamp(a.on), "label": a.label,
                         "indicator": code,
                         "indicator_label": i18n.indicator_label(code, lang),
                         "position": r.position, "stage_label": r.stage_label(lang)})
    return pd.DataFrame(rows, columns=["assessment", "date", "label", "indicator",
                                       "indicator_label", "position", "stage_label"])


def _ticks(lang: str) -> list[tuple[float, str]]:
    out = []
    for k in range(1, 7):
        p = Placement.from_position(k / 2)
        out.append((k / 2, i18n.placement_label(p.stage, p.towards, lang)))
    return out


def history_plot(region: Region, lang: str = "fr", *, presentation: bool = False) -> hv.Overlay:
    """Each indicator's position (0.5 to 3) over time, the y axis labelled with stage names."""
    frame = history_frame(region, lang).dropna(subset=["position"])
    date_label = tr("dash.hist.date", lang)
    stage_label = tr("dash.hist.stage", lang)
    layers = []
    for code in [*(i.code for i in fw.INDICATORS), "region"]:
        sub = frame[frame["indicator"] == code].rename(
            columns={"date": date_label, "position": stage_label})
        if sub.empty:
            continue
        colour, dash, marker = LINES[code]
        name = i18n.indicator_label(code, lang)
        # a small vertical offset keeps lines at the same stage apart (the ticks stay exact)
        offset = {"convergence": 0.12, "structure": 0.06, "mutualisation": -0.06,
                  "climat": -0.12, "region": 0.0}[code]
        sub = sub.assign(**{stage_label: sub[stage_label] + offset})
        vdims = [stage_label, "stage_label", "label"]
        width = 5 if code == "region" else 3
        layers.append(hv.Curve(sub, date_label, vdims, label=name).opts(
            color=colour, line_dash=dash, line_width=width))
        layers.append(hv.Scatter(sub, date_label, vdims, label=name).opts(
            color=colour, marker=marker, size=20 if code == "region" else 16,
            line_color="#111111", tools=["hover"],
            hover_tooltips=[(tr("dash.matrix.indicator", lang), name),
                            (date_label, f"@{{{date_label}}}{{%F}}"),
                            (stage_label, "@{stage_label}")],
            hover_formatters={f"@{{{date_label}}}": "datetime"}))
    if not layers:
        return hv.Overlay([hv.Curve([])])
    font = "18pt" if presentation else "13pt"
    return hv.Overlay(layers).opts(
        yticks=_ticks(lang), ylim=(0.3, 3.25), responsive=True,
        height=560 if not presentation else 520, legend_position="right",
        fontsize={"ticks": font, "labels": font, "legend": font}, show_grid=True, title="",
        padding=(0.06, 0), xformatter=DatetimeTickFormatter(
            days="%Y-%m-%d", months="%Y-%m", years="%Y"),
        toolbar="above", backend_opts={"plot.output_backend": "canvas"},
        hooks=[toolbar_hook(lang)], backend="bokeh")


class HistoryPage(Page):
    """The history page: each indicator's stage over time, as a chart and a table."""

    slug = "history"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        plot = pn.pane.HoloViews(self.bound(self._plot), linked_axes=False,
                                 sizing_mode="stretch_width", backend="bokeh")
        nowrap = "table.data td:first-child { white-space: nowrap; }"
        return self.column(self.html(self._head), plot, self.html(self._table, TABLE_CSS + nowrap))

    def _head(self) -> str:
        lang, region = self.lang, self.region
        head = (f"<h2>{esc(tr('dash.page.history', lang))}</h2>"
                f"<p>{esc(tr('dash.hist.intro', lang))}</p>")
        if region is None:
            return head + f"<p>{esc(tr('dash.no_region', lang))}</p>"
        if not region.assessments:
            return head + f"<p>{esc(tr('dash.no_assessment', lang))}</p>"
        return head

    def _plot(self) -> hv.Overlay:
        region = self.region
        if region is None or not region.assessments:
            return hv.Overlay([hv.Curve([])]).opts(height=10, responsive=True)
        return history_plot(region, self.lang, presentation=self.presentation)

    def _table(self) -> str:
        lang, region = self.lang, self.region
        if region is None or not region.assessments:
            return ""
        frame = history_frame(region, lang)
        codes = [*(i.code for i in fw.INDICATORS), "region"]
        rows = []
        for aid, sub in frame.groupby("assessment", sort=False):
            by = dict(zip(sub["indicator"], sub["stage_label"], strict=True))
            first = sub.iloc[0]
            rows.append([first["date"].date().isoformat(), first["label"] or aid]
                        + [by.get(c, "—") for c in codes])
        return html_table([tr("dash.hist.date", lang), tr("dash.hist.label", lang)]
                          + [i18n.indicator_label(c, lang) for c in codes], rows,
                          caption=tr("dash.hist.table", lang))
