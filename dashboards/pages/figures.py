"""Program figures over time, each value beside its date and definition; documents to take.

The figures (:func:`concert.followup.figure_series`) as one small bokeh chart per figure
(plain bokeh: it draws after ``pn.extension()`` alone) and a table giving each value's
date, definition and source: seed 000 defines the stability rate two ways, and seeds 000
and 002 count tenants differently. Below, the report (PDF, and HTML when the dashboard has
its database file) and the calendar of due dates (.ics) to download.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import panel as pn
from bokeh.models import DatetimeTickFormatter, HoverTool, Range1d
from bokeh.plotting import figure

from concert.followup import figure_series
from concert.region import Region
from dashboards._common import ACCENT, esc, html_table, number, row_tuples, tr
from dashboards.pages._followup import FORM_CSS, calendar_download, report_downloads
from dashboards.pages.base import Page

__all__ = ["FiguresPage", "figure_chart", "figure_rows", "figures_series_html",
           "figures_table_html"]


def figure_chart(series: pd.DataFrame, code: str, lang: str) -> Any:
    """One figure's values over time (a bokeh figure, no toolbar)."""
    data = series[series["code"] == code]
    dates = pd.to_datetime(data["as_of"])
    unit = str(data["unit"].iloc[-1]) if len(data) else ""
    fig = figure(height=220, width=420, x_axis_type="datetime", toolbar_location=None,
                 title=str(data["label"].iloc[0]) if len(data) else code,
                 x_axis_label=tr("dash.hist.date", lang),
                 y_axis_label=unit or tr("fu.col.value", lang))
    fig.line(dates, data["value"], line_width=3, color=ACCENT)
    points = fig.scatter(dates, data["value"], size=10, color=ACCENT)
    fig.add_tools(HoverTool(renderers=[points], tooltips=[
        (tr("dash.hist.date", lang), "@x{%F}"), (tr("fu.col.value", lang), "@y")],
        formatters={"@x": "datetime"}))
    fig.y_range.start = 0
    if len(dates):  # a year on each side: one value alone still reads as a date
        fig.x_range = Range1d(dates.min() - pd.Timedelta(days=365),
                              dates.max() + pd.Timedelta(days=365))
    fig.xaxis.formatter = DatetimeTickFormatter(days="%Y-%m-%d", months="%Y-%m", years="%Y")
    return fig


def figures_table_html(series: pd.DataFrame, code: str, lang: str) -> str:
    """One figure's values with their date, definition and source."""
    data = series[series["code"] == code]
    rows = [[r.as_of.isoformat(), number(r.value, lang), r.unit, r.definition,
             r.source + (f" ({tr('fu.fig.illustrative', lang)})" if r.illustrative else "")]
            for r in row_tuples(data, index=False)]
    return html_table([tr(k, lang) for k in ("dash.hist.date", "fu.col.value", "fu.col.unit",
                                               "fu.col.definition", "fu.col.source")], rows,
                      caption=tr("fu.fig.caption", lang,
                                 code=str(data["label"].iloc[0]) if len(data) else code))


def figure_rows(series: pd.DataFrame, lang: str) -> tuple[list[str], list[list[str]]]:
    """The figures as series, for a table: its header and its rows.

    Each value beside its date and definition; a figure's name once, on its first row.
    The overview's and the reports' one table (the charts are on the figures page).
    """
    rows, shown = [], set()
    for r in row_tuples(series, index=False):
        name = "" if r.code in shown else r.label
        shown.add(r.code)
        rows.append([name, r.as_of.isoformat(), f"{number(r.value, lang)} {r.unit}".strip(),
                     r.definition + (f" ({tr('fu.fig.illustrative', lang)})"
                                     if r.illustrative else "")])
    header = [tr(k, lang) for k in ("fu.col.figure", "dash.hist.date", "fu.col.value",
                                    "fu.col.definition")]
    return header, rows


def figures_series_html(region: Region, lang: str) -> str:
    """Every program figure as a series (:func:`figure_rows`), as HTML."""
    series = figure_series(region, lang=lang)
    if series.empty:
        return f"<p>{esc(tr('fu.fig.none', lang))}</p>"
    header, rows = figure_rows(series, lang)
    return html_table(header, rows, caption=tr("fu.fig.title", lang))


class FiguresPage(Page):
    """The program figures over time, and the documents to download."""

    slug = "figures"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout."""
        if self.state.region is None:
            return self.no_region()
        # The documents to hand out first (what a secretary comes for), then the figures.
        return self.column(
            self.html(lambda: f"<h2>{esc(tr('dash.page.figures', self.lang))}</h2>"
                      f"<h3>{esc(tr('fu.dl.title', self.lang))}</h3>"
                      f"<p>{esc(tr('fu.dl.calendar_note', self.lang))}</p>", FORM_CSS),
            pn.FlexBox(*report_downloads(self), calendar_download(self), flex_wrap="wrap",
                       align_items="flex-end", sizing_mode="stretch_width"),
            self.html(lambda: f"<h3>{esc(tr('fu.fig.title', self.lang))}</h3>"
                      f"<p>{esc(tr('fu.fig.intro', self.lang))}</p>", FORM_CSS),
            pn.panel(self.bound(self._figures), sizing_mode="stretch_width"))

    def _figures(self) -> pn.viewable.Viewable:
        region: Region | None = self.region
        lang = self.lang
        series = figure_series(region, lang=lang) if region is not None else None
        if series is None or series.empty:
            return pn.pane.HTML(f"<p>{esc(tr('fu.fig.none', lang))}</p>",
                                stylesheets=[FORM_CSS])
        rows = [pn.FlexBox(pn.pane.Bokeh(figure_chart(series, code, lang)),
                           pn.pane.HTML(figures_table_html(series, code, lang),
                                        stylesheets=[FORM_CSS], min_width=560,
                                        styles={"flex": "1 1 560px"}),
                           flex_wrap="wrap", sizing_mode="stretch_width")
                for code in dict.fromkeys(series["code"])]
        return pn.Column(*rows, sizing_mode="stretch_width")
