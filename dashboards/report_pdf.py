"""The report to hand out, as a print-ready PDF (issue 15, point 6).

``concert report DB rapport.pdf`` writes it: Letter by default (as in Québec), A4 on
request; French or English. Its pages: the stage and the 4×3 matrix; the stakeholder map
fitted to the page with its legend below and no toolbar; the history chart and the action
plan (late actions, targets against the latest figure); the commitments to review (the
annual review of the ententes, ententes III counted only); the program figures with their
definitions. Every page carries the date and its number.

Pure Python, nothing but a pip install: fpdf2 writes the PDF (TrueType fonts embedded,
here matplotlib's DejaVu Sans, which covers French and the marks used), matplotlib draws
the map and the charts. The map is drawn from the same geometry and styles as the
dashboard's map (:func:`map_geometry`, ``dashboards.map.frames.map_frames``, whose
positions come from ``dashboards/map/layout.py``).
fpdf2 rather than reportlab: smaller, pure Python, Unicode fonts and page-number aliases
built in; HoloViews' matplotlib backend would redraw the map through a second plotting
layer for no gain.

The region drawn is the audience view (:func:`concert.privacy.view`): ententes III are
counted or drawn as anonymous nodes, never named; no tenant code is written.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from concert import framework as fw
from concert import i18n, settings
from concert.followup import (
    action_plan,
    agreement_iii_counts,
    commitment_table,
    figure_series,
    late_actions,
    targets,
)
from concert.indicators import Placement, criterion_states, maturity, region_stage
from concert.region import Region
from dashboards._common import (
    CELL_STYLES,
    EDGE_STYLES,
    ROLE_MARKERS,
    SECTOR_COLOURS,
    number,
    row_tuples,
    stored_view,
    tr,
)
from dashboards.pages._followup import name_of
from dashboards.pages.engagements import review_rows
from dashboards.pages.figures import figure_rows

__all__ = ["PAPERS", "map_geometry", "pdf_bytes", "write_pdf", "write_pdf_report"]

PAPERS = ("letter", "a4")
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
MARGIN = 15.0  # mm
ACCENT_RGB = (11, 79, 138)
MPL_MARKERS = {"circle": "o", "square": "s", "triangle": "^", "inverted_triangle": "v",
               "diamond": "D", "hex": "h", "star": "*", "square_x": "s"}
MPL_DASHES: dict[str, Any] = {"solid": "-", "dashed": (0, (6, 3)), "dotted": (0, (1, 2.5)),
                              "dashdot": (0, (6, 2.5, 1.5, 2.5)),
                              "dotdash": (0, (1.5, 2.5, 6, 2.5))}


def map_geometry(region: Region, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The map's nodes and edges: positions, styles and labels (the dashboard's geometry)."""
    from dashboards.map.frames import map_frames

    return map_frames(region, lang=lang)


# --------------------------------------------------------------------------- drawings
def _png(fig: Any, dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def map_png(region: Region, lang: str, width_in: float, height_in: float) -> bytes:
    """The stakeholder map with its legend below, as a PNG of the given size (inches)."""
    nodes, edges = map_geometry(region, lang)
    fig = Figure(figsize=(width_in, height_in))
    legend_share = 0.2
    ax = fig.add_axes((0.0, legend_share, 1.0, 1.0 - legend_share))
    ax.set_axis_off()
    ax.set_aspect("equal")
    pos = {n: (x, y) for n, x, y in zip(nodes["node"], nodes["x"], nodes["y"], strict=True)}
    # One collection per line style and one scatter per marker (not one artist per tie or
    # node: a 2,000-actor map is drawn in seconds, not half a minute).
    styles: dict[tuple[str, str, float], list[list[tuple[float, float]]]] = {}
    for e in row_tuples(edges, index=False):
        if e.source in pos and e.target in pos:
            styles.setdefault((e.colour, e.dash, float(e.width)), []).append(
                [pos[e.source], pos[e.target]])
    for (line_colour, dash, width), segments in styles.items():
        ax.add_collection(LineCollection(segments, colors=line_colour, linewidths=width * 0.45,
                                         linestyles=MPL_DASHES.get(dash, "-"), alpha=0.75,
                                         zorder=1))
    for shape in dict.fromkeys(nodes["marker"]):
        drawn = nodes[nodes["marker"] == shape]
        sizes = (drawn["size"].astype(float) * 0.55) ** 2
        ax.scatter(drawn["x"], drawn["y"], s=sizes, marker=MPL_MARKERS.get(str(shape), "o"),
                   c=list(drawn["colour"]), edgecolors="#1A1A1A", linewidths=0.7, zorder=3)
        if shape == "square_x":
            ax.scatter(drawn["x"], drawn["y"], s=sizes * 0.5, marker="x", c="#1A1A1A",
                       linewidths=0.6, zorder=4)
    radius = max((float(x * x + y * y) ** 0.5 for x, y in pos.values()), default=1.0) or 1.0
    for n in row_tuples(nodes, index=False):
        if not n.label:
            continue
        if n.radial:
            deg = math.degrees(n.angle) % 360
            flip = 90 < deg < 270
            off = radius * 0.045
            ax.text(n.x + off * math.cos(n.angle), n.y + off * math.sin(n.angle), n.label,
                    rotation=deg - 180 if flip else deg, rotation_mode="anchor",
                    ha="right" if flip else "left", va="center", fontsize=5.6, color="#111",
                    zorder=5)
        else:
            ax.text(n.x, n.y - radius * 0.05, n.label, ha="center", va="top", fontsize=5.6,
                    color="#111", zorder=5)
    room = radius * 1.55
    ax.set_xlim(-room, room)
    ax.set_ylim(-room, room)
    # The legend: sectors (colour), roles (shape), ties (line), only what is drawn.
    handles: list[Any] = []
    present = set(nodes["colour"])
    for s in fw.SECTORS:
        colour = SECTOR_COLOURS.get(s.code)
        if colour in present:
            handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor=colour,
                                  markeredgecolor="#1A1A1A", markersize=7,
                                  label=i18n.label("sector", s.code, lang)))
    from dashboards.map.frames import edge_label, role_group_label

    markers = set(nodes["marker"])
    for group, m in ROLE_MARKERS.items():
        if m in markers:
            handles.append(Line2D([], [], marker=MPL_MARKERS[m], linestyle="",
                                  markerfacecolor="#FFFFFF", markeredgecolor="#1A1A1A",
                                  markersize=7, label=role_group_label(group, lang)))
    if "hex" in markers:
        handles.append(Line2D([], [], marker="h", linestyle="", markerfacecolor="#FFFFFF",
                              markeredgecolor="#1A1A1A", markersize=7,
                              label=tr("dash.map.kind.committee", lang)))
    if "square_x" in markers:
        handles.append(Line2D([], [], marker="s", linestyle="", markerfacecolor="#BDBDBD",
                              markeredgecolor="#1A1A1A", markersize=6,
                              label=tr("dash.map.kind.iii", lang)))
    kinds = set(edges["kind"])
    for kind, (colour, dash, width) in EDGE_STYLES.items():
        if kind in kinds:
            handles.append(Line2D([], [], color=colour, linestyle=MPL_DASHES.get(dash, "-"),
                                  linewidth=width * 0.6, label=edge_label(kind, lang)))
    lax = fig.add_axes((0.0, 0.0, 1.0, legend_share))
    lax.set_axis_off()
    lax.legend(handles=handles, loc="center", ncol=3, fontsize=6.5, frameon=False,
               handlelength=2.6, columnspacing=1.4)
    return _png(fig)


def history_png(region: Region, lang: str, width_in: float, height_in: float) -> bytes | None:
    """Each indicator's position over the assessments, the y axis in stage words."""
    assessments = region.assessments_by_date()
    if not assessments:
        return None
    rows = []
    for a in assessments:
        results = maturity(a, lang=lang)
        for code, r in [*results.items(), ("region", region_stage(results))]:
            rows.append((a.on, code, r.position))
    frame = pd.DataFrame(rows, columns=["date", "indicator", "position"]).dropna()
    fig = Figure(figsize=(width_in, height_in))
    ax = fig.subplots()
    styles = ["-", "--", ":", "-.", "-"]
    for k, (key, sub) in enumerate(frame.groupby("indicator", sort=False)):
        code = str(key)  # the indicator codes (or "region") written above
        ax.plot(pd.to_datetime(sub["date"]), sub["position"], marker="os^Dv"[k % 5],
                linestyle=styles[k % 5], linewidth=2.2 if code == "region" else 1.4,
                color="#111111" if code == "region" else None,
                label=i18n.indicator_label(code, lang))
    ticks = []
    for k in range(1, 7):
        p = Placement.from_position(k / 2)
        ticks.append((k / 2, i18n.placement_label(p.stage, p.towards, lang)))
    ax.set_yticks([t for t, _ in ticks], [label for _, label in ticks], fontsize=7)
    ax.set_ylim(0.3, 3.2)
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    fig.tight_layout()
    return _png(fig)


def figures_png(series: pd.DataFrame, lang: str, width_in: float) -> bytes | None:
    """Each program figure's values over time, one small chart per figure."""
    codes = list(dict.fromkeys(series["code"]))
    if not codes:
        return None
    cols = 3
    nrows = (len(codes) + cols - 1) // cols
    fig = Figure(figsize=(width_in, 1.9 * nrows))
    axes = fig.subplots(nrows, cols, squeeze=False)
    for ax, code in zip(axes.flat, codes, strict=False):
        sub = series[series["code"] == code]
        dates = pd.to_datetime(sub["as_of"])
        ax.plot(dates, sub["value"], marker="o", color="#0B4F8A")
        ax.set_title(str(sub["label"].iloc[0]), fontsize=8)
        ax.tick_params(labelsize=6)
        ax.set_ylim(0, float(sub["value"].max()) * 1.15 or 1)
        first, last = dates.min().year, dates.max().year
        ax.set_xlim(pd.Timestamp(first - 1, 7, 1), pd.Timestamp(last + 1, 7, 1))
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(alpha=0.3)
        unit = str(sub["unit"].iloc[-1])
        if unit:
            ax.set_ylabel(unit, fontsize=6)
    for ax in list(axes.flat)[len(codes):]:
        ax.set_axis_off()
    fig.tight_layout()
    return _png(fig)


# --------------------------------------------------------------------------- the document
class _Report(FPDF):
    def __init__(self, lang: str, paper: str, today: dt.date, region_name: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format=paper)
        self.rlang, self.today, self.region_name = lang, today, region_name
        self.add_font("dejavu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("dejavu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.set_title(tr("pdf.title", lang, region=region_name))
        self.set_lang("fr-CA" if lang == "fr" else "en-CA")
        self.set_creator("concert")

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("dejavu", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 5, tr("pdf.title", self.rlang, region=self.region_name), align="L")
        self.ln(8)
        self.set_text_color(17, 17, 17)

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font("dejavu", "", 8)
        self.set_text_color(60, 60, 60)
        self.cell(self.width / 2, 5, tr("pdf.date", self.rlang, date=self.today.isoformat()),
                  align="L")
        self.cell(self.width / 2, 5, tr("pdf.page", self.rlang, n=self.page_no(),
                                        total="{nb}"), align="R")
        self.set_text_color(17, 17, 17)

    # ------------------------------------------------------------------ blocks
    def h1(self, text: str) -> None:
        self.set_font("dejavu", "B", 17)
        self.set_text_color(*ACCENT_RGB)
        self.multi_cell(0, 8, text, align="L")
        self.set_text_color(17, 17, 17)
        self.ln(1)

    def h2(self, text: str) -> None:
        if self.get_y() > self.h - MARGIN - 40:
            self.add_page()
        self.ln(2)
        self.set_font("dejavu", "B", 13)
        self.set_text_color(*ACCENT_RGB)
        self.multi_cell(0, 7, text, align="L")
        self.set_text_color(17, 17, 17)
        self.ln(1)

    def para(self, text: str, size: float = 10, bold: bool = False) -> None:
        self.set_font("dejavu", "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, text, align="L")
        self.ln(1)

    def grid(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
             size: float = 8.5, fills: list[list[tuple[int, int, int] | None]] | None = None
             ) -> None:
        self.set_font("dejavu", "", size)
        with self.table(col_widths=widths, text_align="LEFT", line_height=size * 0.5,
                        headings_style=_heading_style(), padding=1) as table:
            head = table.row()
            for h in header:
                head.cell(h)
            for i, r in enumerate(rows):
                row = table.row()
                for j, value in enumerate(r):
                    fill = fills[i][j] if fills else None
                    if fill is not None:
                        row.cell(value, style=FontFace(fill_color=fill))
                    else:
                        row.cell(value)
        self.ln(2)

    def image_png(self, data: bytes, width: float, height: float | None = None) -> None:
        self.image(io.BytesIO(data), x=MARGIN, w=width, h=height or 0)
        self.ln(2)


def _heading_style() -> Any:
    return FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT_RGB)


def _hex_rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _stage_and_matrix(pdf: _Report, region: Region, lang: str) -> None:
    pdf.h2(tr("pdf.stage", lang))
    if not region.assessments:
        pdf.para(tr("dash.no_assessment", lang))
        return
    a = region.assessment()
    results = maturity(a, lang=lang)
    reg = region_stage(results)
    pdf.para(tr("dash.region_stage", lang, stage=reg.stage_label(lang)), 12, bold=True)
    if reg.missing and reg.next_stage:
        names = "; ".join(i18n.indicator_label(c, lang) for c in reg.missing)
        pdf.para(tr("dash.region_holding", lang, indicators=names))
    for note in reg.notes:
        pdf.para(note.text(lang), 9)
    pdf.h2(tr("pdf.matrix", lang))
    pdf.para(tr("dash.matrix.caption", lang, date=a.on.isoformat(), label=a.label or a.id), 9)
    states = criterion_states(a)
    header = [tr("dash.matrix.indicator", lang)] + [i18n.label("stage", s, lang)
                                                    for s in fw.STAGE_ORDER]
    header.append(tr("dash.matrix.where", lang))
    rows, fills = [], []
    for ind in fw.INDICATORS:
        r = results[ind.code]
        row = [f"{i18n.indicator_label(ind.code, lang)}\n{ind.table}"]
        fill: list[tuple[int, int, int] | None] = [None]
        for stage in fw.STAGE_ORDER:
            crits = [c for c in ind.criteria_at(stage) if not c.descriptor]
            met = sum(states[c.code].status == "met" for c in crits)
            if not r.assessed:
                cls, word = "todo", "— " + tr("dash.cell.na", lang)
            elif (r.placement.stage is not None
                  and fw.stage_index(stage) <= fw.stage_index(r.placement.stage)):
                cls, word = "reached", "✔ " + tr("dash.cell.reached", lang)
            elif stage == r.placement.towards:
                cls, word = "progress", "◐ " + tr("dash.cell.progress", lang)
            else:
                cls, word = "todo", "○ " + tr("dash.cell.todo", lang)
            count = (tr("dash.cell.count", lang, met=met, total=len(crits)) if crits
                     else tr("dash.cell.entry", lang))
            row.append(f"{word}\n{count}")
            fill.append(_hex_rgb(CELL_STYLES[cls][0]))
        row.append(r.stage_label(lang))
        fill.append(None)
        rows.append(row)
        fills.append(fill)
    pdf.grid(header, rows, (22, 20, 20, 20, 18), size=8.5, fills=fills)


def _plan(pdf: _Report, region: Region, lang: str, on: dt.date) -> None:
    pdf.h2(tr("pdf.plan", lang))
    plan = action_plan(region, on=on, lang=lang)
    if plan.empty:
        pdf.para(tr("fu.plan.empty", lang))
        return
    rows = []
    for r in row_tuples(plan, index=False):
        status = r.status_label + (f" — ⚠ {tr('fu.plan.late', lang)}" if r.late else "")
        target = ""
        if r.target_figure:
            value = number(r.target_value, lang)
            day = r.target_on.isoformat() if r.target_on else ""
            target = f"{r.target_label} ≥ {value} ({day})"
        rows.append([r.title, r.lead_name, r.due.isoformat() if r.due else "", status, target])
    pdf.grid([tr(f"fu.col.{k}", lang) for k in ("what", "lead", "due", "status", "target")],
             rows, (36, 20, 13, 15, 16))
    late = late_actions(region, on=on, lang=lang)
    pdf.para(tr("fu.plan.late_title", lang), 10, bold=True)
    if late.empty:
        pdf.para(tr("fu.plan.late_none", lang), 9)
    for r in row_tuples(late, index=False):
        pdf.para(f"⚠ {r.title} — {r.lead_name}, {r.due.isoformat()} "
                 f"({tr('fu.plan.days_late', lang, n=r.days_late)})", 9)
    goals = targets(region, on=on, lang=lang)
    if not goals.empty:
        pdf.para(tr("fu.plan.targets_title", lang), 10, bold=True)
        rows = []
        for t in row_tuples(goals, index=False):
            if t.value is None or t.value != t.value:
                where = tr("fu.plan.no_figure", lang)
            else:
                where = tr("fu.plan.reached" if t.reached else "fu.plan.missed" if t.missed
                           else "fu.plan.under_way", lang)
            latest = f"{number(t.value, lang)} {t.unit}" if number(t.value, lang) else ""
            rows.append([t.title, t.figure_label, number(t.target, lang),
                         t.target_on.isoformat() if t.target_on else "", latest,
                         t.as_of.isoformat() if t.as_of else "", where])
        pdf.grid([tr(f"fu.col.{k}", lang) for k in ("what", "figure", "goal", "goal_on",
                                                     "latest", "as_of", "progress")],
                 rows, (30, 16, 9, 13, 14, 13, 14), size=8)


def _commitments(pdf: _Report, region: Region, lang: str, on: dt.date) -> None:
    pdf.h2(tr("pdf.commitments", lang))
    rows = review_rows(region, lang, on)
    if not rows:
        pdf.para(tr("fu.eng.review_none", lang))
    # The ententes never reviewed are one long list (hundreds in a large region): a
    # paragraph, which runs on to the next page, not a table row, which cannot.
    for d, _kind, text in (r for r in rows if r[1] == "review_never"):  # due now: first
        pdf.para(f"{d.isoformat()} — {text}", 8)
    dated = [r for r in rows if r[1] != "review_never"]
    if dated:
        pdf.grid([tr("dash.hist.date", lang), tr("fu.col.what_due", lang), tr("fu.col.note", lang)],
                 [[d.isoformat(), tr(f"fu.review.{k}", lang), text] for d, k, text in dated],
                 (13, 17, 70), size=8)
    table = commitment_table(region, on=on, lang=lang)
    watch = table[table["status"].isin(["not_kept", "watch"])]
    if len(watch):
        pdf.para(tr("pdf.watch", lang), 10, bold=True)
        pdf.grid([tr(f"fu.col.{k}", lang) for k in ("agreement", "party", "commitment",
                                                      "status", "note")],
                 [[r.agreement_name, name_of(region, r.party), r.text, r.status_label, r.note]
                  for r in row_tuples(watch, index=False)], (14, 16, 40, 12, 18), size=8)
    counts = agreement_iii_counts(region, on=on)
    pdf.para(tr("fu.eng.iii_title", lang), 10, bold=True)
    parts = [f"{i18n.label('commitment_status', c, lang)} : {counts[c]}" if lang == "fr"
             else f"{i18n.label('commitment_status', c, lang)}: {counts[c]}"
             for c in fw.codes("commitment_status")]
    parts.append(f"{tr('commitment.unreviewed', lang)}{' :' if lang == 'fr' else ':'} "
                 f"{counts['unreviewed']}")
    pdf.para(" · ".join(parts), 9)
    pdf.para(tr("fu.eng.iii_note", lang), 8)


def _figures(pdf: _Report, region: Region, lang: str) -> None:
    if pdf.get_y() > pdf.h / 2:  # the heading with its charts, not alone at a page's foot
        pdf.add_page()
    pdf.h2(tr("pdf.figures", lang))
    series = figure_series(region, lang=lang)
    if series.empty:
        pdf.para(tr("fu.fig.none", lang))
        return
    pdf.para(tr("fu.fig.intro", lang), 9)
    png = figures_png(series, lang, pdf.width / 25.4)
    if png is not None:
        pdf.image_png(png, pdf.width)
    header, rows = figure_rows(series, lang)
    pdf.grid(header, rows, (18, 13, 14, 55), size=8)


def write_pdf(region: Region, out: str | Path | io.BytesIO, *, lang: str = "fr",
              paper: str = "letter", on: dt.date | None = None) -> None:
    """Write the report of ``region`` (already the audience view) as a PDF.

    Parameters
    ----------
    region : Region
        The region as shown (:func:`concert.privacy.view`).
    out : str, Path or file-like
        Where to write.
    lang : str
        ``"fr"`` (default) or ``"en"``.
    paper : str
        ``"letter"`` (default) or ``"a4"``.
    on : datetime.date, optional
        The report's date (default today).
    """
    if paper not in PAPERS:
        raise ValueError(paper)
    on = on or settings.current_date()
    pdf = _Report(lang, paper, on, region.name)
    pdf.add_page()
    pdf.h1(tr("pdf.title", lang, region=region.name))
    pdf.para(tr("pdf.date", lang, date=on.isoformat()), 9)
    _stage_and_matrix(pdf, region, lang)
    # The map, on a page of its own, fitted to the page with its legend below.
    pdf.add_page()
    pdf.h2(tr("pdf.map", lang))
    height = pdf.h - pdf.get_y() - MARGIN - 8
    pdf.image_png(map_png(region, lang, pdf.width / 25.4, height / 25.4), pdf.width, height)
    pdf.add_page()
    pdf.h2(tr("pdf.history", lang))
    hist = history_png(region, lang, pdf.width / 25.4, 3.3)
    if hist is None:
        pdf.para(tr("dash.no_assessment", lang))
    else:
        pdf.image_png(hist, pdf.width)
    _plan(pdf, region, lang, on)
    pdf.add_page()
    _commitments(pdf, region, lang, on)
    _figures(pdf, region, lang)
    data = bytes(pdf.output())
    if isinstance(out, io.BytesIO):
        out.write(data)
    else:
        Path(out).write_bytes(data)


def pdf_bytes(region: Region, *, lang: str = "fr", paper: str = "letter",
              on: dt.date | None = None) -> bytes:
    """The report of ``region`` (the audience view) as PDF bytes (the dashboard's download)."""
    buf = io.BytesIO()
    write_pdf(region, buf, lang=lang, paper=paper, on=on)
    return buf.getvalue()


def write_pdf_report(db_path: str | Path, out_path: str | Path, *, region: str | None = None,
                     lang: str = "fr", anonymise: bool = False,
                     paper: str = "letter") -> Path:
    """Write the PDF report of a stored region (``concert report DB OUT.pdf``).

    Raises
    ------
    concert.NotFoundError
        If ``db_path`` does not exist or holds no such region.
    """
    out_path = Path(out_path)
    reg = stored_view(db_path, region, lang=lang, anonymise=anonymise)
    write_pdf(reg, out_path, lang=lang, paper=paper)
    return out_path
