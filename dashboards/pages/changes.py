"""Comparisons page: the region between two dates, and the regions of the store side by side.

Calls :func:`concert.changes.compare_dates` and :func:`concert.regions.compare_regions`
and lays their tables out; stages are always given in words.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import holoviews as hv
import panel as pn

from concert import i18n
from concert.changes import compare_dates
from concert.region import Region
from concert.regions import compare_regions, crosswalk
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    esc,
    html_table,
    message_html,
    row_tuples,
    tr,
    typed_date,
)
from dashboards.pages.base import Page

__all__ = ["ChangesPage", "changes_html", "regions_chart", "regions_html"]


def _num(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if v == 0:
        return "0"
    return f"{v:+.2f}" if isinstance(v, float) and not float(v).is_integer() else f"{v:+g}"


def _plain(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return f"{v:.2f}" if isinstance(v, float) and not float(v).is_integer() else f"{v:g}"


def changes_html(region: Region, before: dt.date, after: dt.date, lang: str = "fr") -> str:
    """What changed in ``region`` between two dates, as HTML tables."""
    out = compare_dates(region, before, after, lang=lang)
    between = tr("dash.cmp.between", lang, a=before.isoformat(), b=after.isoformat())
    parts = [f"<h3>{esc(between)}</h3>"]
    st = out["stages"]
    if st.empty:
        parts.append(f"<p>{esc(tr('dash.cmp.no_assessment', lang))}</p>")
    else:
        parts.append(html_table(
            [tr("dash.matrix.indicator", lang), tr("dash.changes.before", lang),
             tr("dash.changes.after", lang), tr("dash.changes.change", lang),
             tr("dash.changes.gained", lang), tr("dash.changes.lost", lang)],
            [[r.label, r.before, r.after, _num(r.change), r.gained or "—", r.lost or "—"]
             for r in row_tuples(st)], caption=tr("dash.cmp.stages", lang)))
    word = {"added": tr("dash.cmp.added", lang), "ended": tr("dash.cmp.ended", lang)}
    acts = out["actors"]
    parts.append(html_table([tr("dash.analysis.actor", lang), tr("dash.changes.change", lang)],
                            [[r.label, word[r.change]] for r in row_tuples(acts)]
                            or [["—", "—"]], caption=tr("dash.cmp.actors", lang)))
    # Agreements III are counted, never named: their ids may come from tenant file numbers.
    ags = out["agreements"]
    rows = [[r.agreement, i18n.agreement_label(r.type, lang), word[r.change]]
            for r in row_tuples(ags) if r.type != "III"]
    iii = ags[ags["type"] == "III"]
    rows += [[tr("dash.cmp.iii_count", lang, n=int(n)), i18n.agreement_label("III", lang),
              word[str(change)]] for change, n in iii.groupby("change", sort=True).size().items()]
    parts.append(html_table(
        [tr("dash.cmp.agreement", lang), tr("dash.fig.type", lang),
         tr("dash.changes.change", lang)],
        rows or [["—", "—", "—"]], caption=tr("dash.cmp.agreements", lang)))
    ms = out["measures"]
    parts.append(html_table(
        [tr("dash.analysis.measure", lang), tr("dash.changes.before", lang),
         tr("dash.changes.after", lang), tr("dash.changes.change", lang)],
        [[r.label, _plain(r.before), _plain(r.after), _num(r.change)] for r in row_tuples(ms)],
        caption=tr("dash.cmp.measures", lang)))
    return "".join(parts)


def regions_html(regions: list[Region], lang: str = "fr") -> str:
    """The regions side by side (stages and measures), and the crosswalk of stages."""
    table = compare_regions(regions, lang=lang)
    rows = [[r.name, r.stage, _plain(r.actors), _plain(r.density),
             _plain(100 * r.intersectoral_share) + " %" if not math.isnan(r.intersectoral_share)
             else "—", _plain(r.ei_index), r.gaps] for r in row_tuples(table)]
    parts = [html_table([tr("dash.cmp.region", lang), tr("dash.region_stage_short", lang),
                         tr("measure.actors", lang), tr("measure.density", lang),
                         tr("measure.intersectoral_share", lang), tr("measure.ei_index", lang),
                         tr("dash.cmp.gaps", lang)], rows, caption=tr("dash.cmp.regions", lang))]
    cw = crosswalk(lang=lang)
    parts.append(html_table([tr("dash.hist.stage", lang), "Himmelman (2002)",
                             "Frey et al. (2006)", tr("dash.cmp.meaning", lang)],
                            [[r.stage_label, r.himmelman, r.frey, r.meaning]
                             for r in row_tuples(cw)], caption=tr("dash.cmp.crosswalk", lang)))
    parts.append(f'<p class="muted small">{esc(tr("dash.cmp.crosswalk_note", lang))}</p>')
    return "".join(parts)


def regions_chart(regions: list[Region], lang: str = "fr") -> hv.Bars:
    """Each region's overall stage position as bars, with the stage names on the axis."""
    table = compare_regions(regions, lang=lang)
    rows = [(r.name, r.position if r.position is not None else 0.0, r.stage)
            for r in row_tuples(table)]
    ticks = [(p, i18n.placement_label(*_placement(p), lang)) for p in (1, 2, 3)]
    return hv.Bars(rows, tr("dash.cmp.region", lang),
                   [tr("dash.region_stage_short", lang), "label"]).opts(
        ylim=(0, 3.2), yticks=ticks, height=340, responsive=True, tools=["hover"],
        title=tr("dash.cmp.regions", lang), fontscale=1.2, xrotation=20, color="#0B4F8A",
        backend_opts={"plot.output_backend": "canvas"})


def _placement(position: float) -> tuple[str | None, str | None]:
    from concert.indicators import Placement

    p = Placement.from_position(position)
    return p.stage, p.towards


class ChangesPage(Page):
    """The comparisons page: two dates of this region, and all the regions of the store.

    Its own state: the two dates typed.
    """

    slug = "changes"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        region = self.region
        dates = [a.on for a in region.assessments_by_date()] if region is not None else []
        after = dates[-1] if dates else self.state.today()
        before = dates[-2] if len(dates) > 1 else after - dt.timedelta(days=365)
        # Plain text fields (AAAA-MM-JJ): the date picker's input has no label for screen
        # readers.
        d0 = pn.widgets.TextInput(label=self.text("dash.cmp.from"), value=before.isoformat())
        d1 = pn.widgets.TextInput(label=self.text("dash.cmp.to"), value=after.isoformat())
        self.dates = (d0, d1)
        deps = [d0, d1, *(self.param[k] for k in ("lang", "version", "anonymise"))]
        between = pn.pane.HTML(pn.bind(lambda a, b, *_: self._between(a, b), *deps),
                               stylesheets=[TABLE_CSS + MESSAGE_CSS],
                               sizing_mode="stretch_width")
        chart = pn.pane.HoloViews(self.bound(self._chart), linked_axes=False,
                                  sizing_mode="stretch_width",
                                  visible=self.bound(lambda: len(self.state.load_regions()) > 1))
        return self.column(
            self.html(lambda: f"<h2>{esc(tr('dash.page.changes', self.lang))}</h2>"
                      f"<p>{esc(tr('dash.cmp.intro', self.lang))}</p>"),
            pn.Row(d0, d1), between, chart, self.html(self._regions))

    def _between(self, a: str, b: str) -> str:
        lang, region = self.lang, self.region
        if region is None:
            return f"<p>{esc(tr('dash.no_region', lang))}</p>"
        try:
            first, second = typed_date(a), typed_date(b)
            if first is None or second is None:
                raise ValueError("io.bad_date")
        except ValueError:
            return message_html(tr("io.bad_date", lang, value=a + " / " + b), "warning")
        return changes_html(region, first, second, lang)

    def _chart(self) -> hv.Bars:
        regions = self.state.load_regions()
        if len(regions) < 2:
            return hv.Bars([]).opts(height=10, responsive=True)
        return regions_chart(regions, self.lang)

    def _regions(self) -> str:
        region = self.region
        if region is None:
            return ""
        return regions_html(self.state.load_regions() or [region], self.lang)
