"""Drawing the map with bokeh: one figure, its renderers, its legend and the actor card.

The figure is plain bokeh (no HoloViews), so that it shows inline in a notebook after
``pn.extension()`` alone, and so that the page can update its data in place (a filter or
a language switch changes columns and texts; nothing is rebuilt).

Renderers (found by name in the browser and in the tests): ``map-graph`` (a bokeh graph:
nodes coloured by sector and shaped by role, edges styled by kind; hovering or clicking a
node shows its ties in black), ``map-leaders`` and ``map-labels`` (the label columns),
``map-selected`` (a ring around the selected actor).

Labels are never clipped: a script fits the view to the plot's size in the browser,
measuring the labels' text; where the room is short it uses a smaller type (never below
:data:`LEAST_FONT_PX`) and shortens the longest labels with "…" (the hover and the card
give the full name).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import panel as pn
from bokeh.models import (
    ColumnDataSource,
    CustomJS,
    CustomJSTransform,
    GraphRenderer,
    HoverTool,
    NodesAndLinkedEdges,
    PanTool,
    Range1d,
    Scatter,
    Segment,
    StaticLayoutProvider,
    TapTool,
    Text,
)
from bokeh.models import MultiLine as MultiLineGlyph
from bokeh.plotting import figure
from bokeh.transform import transform

from concert import framework as fw
from concert import i18n
from concert.agreements import effective_status
from concert.region import Region
from dashboards._common import (
    AGREEMENT_III_MARKER,
    COMMITTEE_MARKER,
    EDGE_STYLES,
    OTHER_COLOUR,
    ROLE_MARKERS,
    SECTOR_COLOURS,
    TABLE_CSS,
    TOOL_KEYS,
    esc,
    svg_line,
    svg_marker,
    tr,
)
from dashboards.map import layout
from dashboards.map.frames import ALL_TYPES, edge_label, map_frames, role_group_label

__all__ = ["CARD_CSS", "LEGEND_CSS", "LEGEND_STRIP_CSS", "actor_card", "draw_map",
           "map_legend", "stakeholder_map", "update_map"]

FONT_PX = {False: 17, True: 21}   # label type: 13pt, and 16pt in presentation mode
LEAST_FONT_PX = 11
DASHES = {"solid": [], "dashed": [8, 5], "dotted": [2, 4], "dashdot": [8, 4, 2, 4],
          "dotdash": [2, 4, 8, 4]}
HOVER_FIELDS = ("name", "kind_label", "type_label", "sector_label", "role_label",
                "engagement_label")
COLOURS = [*SECTOR_COLOURS.values(), "#FFFFFF", "#BDBDBD", OTHER_COLOUR]
MARKERS = [*dict.fromkeys([*ROLE_MARKERS.values(), COMMITTEE_MARKER, AGREEMENT_III_MARKER])]
EDGE_KINDS = list(EDGE_STYLES)

FIT_JS = """
// Keep one unit of x as long as one unit of y (the rings stay round) and show the ring
// and its label columns whole, whatever the size of the plot; a reset re-centres.
const w = fig.inner_width, h = fig.inner_height;
if (!(w > 0 && h > 0)) { return; }
const p = Object.fromEntries(Object.entries(fit.data).map(([k, v]) => [k, v[0]]));
const d = labels.data;
const full = Array.from(d.full || []);
let scale = Math.min(w / (2 * p.ex), h / (2 * p.ey)), font = p.base, room = 0;
const ctx = document.createElement("canvas").getContext("2d");
const width = (t, f) => { ctx.font = `bold ${f}px sans-serif`; return ctx.measureText(t).width; };
if (p.columns && full.length) {
  // The largest type whose labels stand `pitch` apart and leave room for at least nine
  // letters beside the ring; longer labels are shortened.
  let found = false;
  for (font = p.base; font >= p.least; font -= 1) {
    const need = p.pitch > 0 ? 1.15 * font / p.pitch : 0;
    if (2 * p.ey * need > h) { continue; }
    const allowed = w / 2 - p.ex * need;
    const want = Math.max(...full.map(t => width(t, font))) + 10;
    if (allowed >= Math.min(want, 9 * font)) {
      room = Math.min(want, allowed); found = true; break;
    }
  }
  if (!found) {
    font = p.least;
    const want = Math.max(...full.map(t => width(t, font))) + 10;
    room = Math.min(want, Math.max(w / 2 - p.ex * 1.15 * font / Math.max(p.pitch, 1e-9), w / 5));
  }
  scale = Math.min(h / (2 * p.ey), (w / 2 - room) / p.ex);
  font = Math.max(font, p.least);
  const text = d.text;
  let changed = false;
  for (let i = 0; i < full.length; i++) {
    let t = full[i];
    if (width(t, font) > room - 10) {
      while (t.length > 2 && width(t + "…", font) > room - 10) { t = t.slice(0, -1); }
      t = t.trimEnd() + "…";
    }
    if (text[i] !== t) { text[i] = t; changed = true; }
  }
  if (changed) { labels.change.emit(); }
}
const size = `${font}px`;
if (glyph.text_font_size.value !== size) { glyph.text_font_size = {value: size}; }
const cx = (xr.start + xr.end) / 2, cy = (yr.start + yr.end) / 2;
const keep = cb_obj === fig;  // a resize keeps the view centred where it is
const x0 = keep && isFinite(cx) ? cx : 0, y0 = keep && isFinite(cy) ? cy : 0;
xr.setv({start: x0 - w / (2 * scale), end: x0 + w / (2 * scale)});
yr.setv({start: y0 - h / (2 * scale), end: y0 + h / (2 * scale)});
"""


# --------------------------------------------------------------------------- data
def _node_data(nodes: pd.DataFrame) -> dict[str, Any]:
    """The graph's node columns.

    Numbers for the index, colour and marker (sent as binary arrays), words for the hover.
    The node ids stay on the server.
    """
    data: dict[str, Any] = {"index": np.arange(len(nodes), dtype=np.int32)}
    for f in HOVER_FIELDS:
        data[f] = list(nodes[f])
    data["kind"] = list(nodes["kind"])
    data["fill"] = np.array([COLOURS.index(c) if c in COLOURS else len(COLOURS) - 1
                             for c in nodes["colour"]], dtype=np.int8)
    data["shape"] = np.array([MARKERS.index(m) for m in nodes["marker"]], dtype=np.int8)
    data["size"] = nodes["size"].to_numpy(dtype=np.float32)
    return data


def _edge_data(nodes: pd.DataFrame, edges: pd.DataFrame) -> dict[str, Any]:
    """The graph's edge columns: node numbers and the edge kind's number."""
    number = {n: i for i, n in enumerate(nodes["node"])}
    return {"start": np.array([number[n] for n in edges["source"]], dtype=np.int32),
            "end": np.array([number[n] for n in edges["target"]], dtype=np.int32),
            "k": np.array([EDGE_KINDS.index(k) if k in EDGE_KINDS else len(EDGE_KINDS)
                           for k in edges["kind"]], dtype=np.int8)}


def _edge_styles(big: bool) -> dict[str, list[Any]]:
    """Colour, dash and width by edge kind number (the last for an unknown kind)."""
    styles = [*EDGE_STYLES.values(), ("#555555", "solid", 1.5)]
    return {"colour": [c for c, _, _ in styles], "dash": [DASHES[d] for _, d, _ in styles],
            "width": [max(1.0, w * 0.6) if big else w for _, _, w in styles]}


def _by(column: str, values: list[Any]) -> Any:
    """A vectorised value looked up by ``column``'s numbers in ``values`` (in the browser)."""
    return transform(column, CustomJSTransform(args={"v": values},
                                               v_func="return Array.from(xs, (k) => v[k]);"))


def _ring(nodes: pd.DataFrame) -> bool:
    if "ring" in nodes.attrs:
        return bool(nodes.attrs["ring"])
    return int((nodes["kind"] == "actor").sum()) <= layout.SINGLE_RING_MAX


def _label_data(nodes: pd.DataFrame) -> tuple[dict[str, list[Any]], dict[str, list[Any]],
                                              float]:
    """The labels (``x, y, text, full, align``), their leader lines, and the columns' pitch.

    With one ring, its labels stand in columns (:func:`layout.label_columns`) and the nodes
    inside it (the program) are labelled below themselves. Larger maps label only the
    program and the committees: every actor is named by its hover and its card.
    """
    shown = nodes[nodes["label"].astype(bool)]
    radial = shown["radial"].astype(bool)
    rows: list[tuple[float, float, str, str]] = []
    leaders: list[tuple[float, float, float, float]] = []
    pitch = 0.0
    if _ring(nodes):
        ring = shown[radial]
        text = dict(zip(ring["node"], ring["label"], strict=True))
        labels, pitch = layout.label_columns(
            list(zip(ring["node"], ring["x"].astype(float), ring["y"].astype(float),
                     strict=True)))
        for lab in labels:
            rows.append((lab.x, lab.y, text[lab.id], lab.align))
            leaders.append(lab.leader)
        inner = shown[~radial]
    else:
        inner = shown[(shown["kind"] != "actor") | ~radial]
    for x, y, label in zip(inner["x"], inner["y"], inner["label"], strict=True):
        lines = str(label).count("\n") + 1
        rows.append((float(x), float(y) - 0.8 - 0.35 * (lines - 1), str(label), "center"))
    data: dict[str, list[Any]] = {"x": [r[0] for r in rows], "y": [r[1] for r in rows],
            "text": [r[2] for r in rows], "full": [r[2] for r in rows],
            "align": [r[3] for r in rows]}
    lead = {"x0": [s[0] for s in leaders], "y0": [s[1] for s in leaders],
            "x1": [s[2] for s in leaders], "y1": [s[3] for s in leaders]}
    return data, lead, pitch


def _fit_data(nodes: pd.DataFrame, pitch: float, presentation: bool) -> dict[str, list[Any]]:
    if nodes.empty:
        radius = 10.0
    else:
        radius = max(float(((nodes["x"] ** 2 + nodes["y"] ** 2) ** 0.5).max()), 1.0)
    columns = _ring(nodes)
    ex, ey = layout.extent(radius, columns=columns)
    return {"ex": [ex], "ey": [ey], "pitch": [pitch], "columns": [columns],
            "base": [FONT_PX[presentation]], "least": [LEAST_FONT_PX]}


def _tooltips(lang: str) -> list[tuple[str, str]]:
    return [(tr("dash.map.name", lang), "@{name}"), (tr("dash.map.kind", lang), "@{kind_label}"),
            (tr("dash.map.type", lang), "@{type_label}"),
            (tr("dash.map.sector", lang), "@{sector_label}"),
            (tr("dash.map.roles", lang), "@{role_label}"),
            (tr("dash.map.engagement", lang), "@{engagement_label}")]


# --------------------------------------------------------------------------- drawing
def draw_map(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str = "fr", *,
             presentation: bool = False, height: int | None = 760,
             width: int | None = None) -> Any:
    """Draw the map of ``nodes`` and ``edges`` (from :func:`map_frames`) as a bokeh figure.

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        The tables of :func:`dashboards.map.frames.map_frames`.
    lang : str
        Language of the hover texts and the toolbar's names.
    presentation : bool
        Larger labels, for a projector.
    height, width : int, optional
        Size in pixels; ``height=None`` makes the figure fill its container (the page).
        Without ``width``, the width follows from the map's proportions.

    Returns
    -------
    bokeh.plotting.figure
        Show it with ``pn.pane.Bokeh``; :func:`update_map` changes its data in place.
    """
    big = len(nodes) >= 400
    label_data, lead_data, pitch = _label_data(nodes)
    fit = ColumnDataSource(_fit_data(nodes, pitch, presentation), name="map-fit")
    ex, ey = fit.data["ex"][0], fit.data["ey"][0]
    room = 1 + 0.62 / (1 + layout.LABEL_GAP) if fit.data["columns"][0] else 1.0
    sizing: dict[str, Any] = {"sizing_mode": "stretch_both"} if height is None else {
        "height": height, "width": width or int(height * ex * room / ey)}
    fig = figure(x_range=Range1d(-ex * room, ex * room), y_range=Range1d(-ey, ey),
                 tools="pan,wheel_zoom,reset,save", toolbar_location="above",
                 output_backend="canvas", min_border=4, name="map", **sizing)
    fig.axis.visible = False
    fig.grid.visible = False
    fig.outline_line_color = None
    fig.toolbar.logo = None

    graph = GraphRenderer(name="map-graph")
    graph.layout_provider = StaticLayoutProvider(graph_layout=_layout(nodes))
    graph.node_renderer.data_source.data = _node_data(nodes)
    node = {"marker": _by("shape", MARKERS), "size": "size", "fill_color": _by("fill", COLOURS),
            "line_color": "#1A1A1A", "line_width": 1.6}
    graph.node_renderer.glyph = Scatter(**node)
    graph.node_renderer.hover_glyph = Scatter(**{**node, "line_color": "#000000",
                                                 "line_width": 3})
    graph.node_renderer.selection_glyph = Scatter(**{**node, "line_color": "#000000",
                                                     "line_width": 4})
    graph.node_renderer.nonselection_glyph = Scatter(**{**node, "fill_alpha": 0.35,
                                                        "line_alpha": 0.35})
    graph.edge_renderer.data_source.data = _edge_data(nodes, edges)
    styles = _edge_styles(big)
    edge = {"line_color": _by("k", styles["colour"]), "line_dash": _by("k", styles["dash"]),
            "line_width": _by("k", styles["width"]), "line_alpha": 0.4 if big else 0.8}
    graph.edge_renderer.glyph = MultiLineGlyph(**edge)
    graph.edge_renderer.nonselection_glyph = MultiLineGlyph(**edge)
    graph.edge_renderer.hover_glyph = MultiLineGlyph(line_color="#000000", line_width=2.5,
                                                     line_alpha=0.9)
    graph.edge_renderer.selection_glyph = MultiLineGlyph(line_color="#000000", line_width=2.5,
                                                         line_alpha=0.9)
    graph.selection_policy = NodesAndLinkedEdges()
    graph.inspection_policy = NodesAndLinkedEdges()
    fig.renderers.append(graph)

    leaders = ColumnDataSource(lead_data, name="map-leader-data")
    fig.add_glyph(leaders, Segment(x0="x0", y0="y0", x1="x1", y1="y1", line_color="#8A8A8A",
                                   line_width=1), name="map-leaders")
    selected = ColumnDataSource({"x": [], "y": []}, name="map-selected-data")
    fig.add_glyph(selected, Scatter(marker="circle", size=46, fill_alpha=0,
                                    line_color="#000000", line_width=4), name="map-selected")
    labels = ColumnDataSource(label_data, name="map-label-data")
    text = Text(x="x", y="y", text="text", text_align="align", text_baseline="middle",
                text_font_size=f"{FONT_PX[presentation]}px", text_font_style="bold",
                text_color="#111111", background_fill_color="#FFFFFF",
                background_fill_alpha=0.85)
    text_renderer = fig.add_glyph(labels, text, name="map-labels")

    hover = HoverTool(renderers=[graph], tooltips=_tooltips(lang))
    fig.add_tools(hover, TapTool(renderers=[graph]))
    fig.toolbar.active_drag = next(t for t in fig.toolbar.tools if isinstance(t, PanTool))
    fig.toolbar.active_scroll = None  # the mouse wheel scrolls the page
    _name_tools(fig, lang)
    cb = CustomJS(args={"fig": fig, "xr": fig.x_range, "yr": fig.y_range, "fit": fit,
                        "labels": labels, "glyph": text_renderer.glyph}, code=FIT_JS)
    fig.js_on_change("inner_width", cb)
    fig.js_on_change("inner_height", cb)
    fig.js_on_event("reset", cb)
    labels.js_on_change("data", cb)
    fit.js_on_change("data", cb)
    return fig


def _layout(nodes: pd.DataFrame) -> dict[int, tuple[float, float]]:
    return {i: (round(float(x), 3), round(float(y), 3))
            for i, (x, y) in enumerate(zip(nodes["x"], nodes["y"], strict=True))}


def _name_tools(fig: Any, lang: str) -> None:
    """Name the toolbar's buttons in ``lang`` (their tooltips and accessible names)."""
    for tool in fig.toolbar.tools:
        key = TOOL_KEYS.get(type(tool).__name__)
        if key:
            tool.description = tr(f"dash.tool.{key}", lang)


def _source(fig: Any, name: str) -> ColumnDataSource:
    return fig.select_one({"name": name})


def update_map(fig: Any, nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, *,
               presentation: bool = False) -> None:
    """Show other ``nodes`` and ``edges`` on a figure of :func:`draw_map`, in place.

    The figure, its tools and its ranges are kept; the browser receives only the changed
    columns and texts.
    """
    graph = fig.select_one({"name": "map-graph"})
    label_data, lead_data, pitch = _label_data(nodes)
    graph.layout_provider.graph_layout = _layout(nodes)
    graph.node_renderer.data_source.data = _node_data(nodes)
    graph.node_renderer.data_source.selected.indices = []
    graph.edge_renderer.data_source.data = _edge_data(nodes, edges)
    big = len(nodes) >= 400
    if graph.edge_renderer.glyph.line_alpha != (0.4 if big else 0.8):  # thinner when many
        width = _by("k", _edge_styles(big)["width"])
        for glyph in (graph.edge_renderer.glyph, graph.edge_renderer.nonselection_glyph):
            glyph.update(line_width=width, line_alpha=0.4 if big else 0.8)
    _source(fig, "map-leader-data").data = lead_data
    _source(fig, "map-label-data").data = label_data
    _source(fig, "map-fit").data = _fit_data(nodes, pitch, presentation)
    next(t for t in fig.toolbar.tools if isinstance(t, HoverTool)).tooltips = _tooltips(lang)
    _name_tools(fig, lang)


def mark_selected(fig: Any, xy: tuple[float, float] | None) -> None:
    """Ring the node at ``xy`` (the selected actor), or none."""
    _source(fig, "map-selected-data").data = {"x": [xy[0]] if xy else [],
                                              "y": [xy[1]] if xy else []}


def stakeholder_map(region: Region, *, lang: str = "fr", sectors: list[str] | tuple[str, ...] = (),
                    agreement_types: list[str] | tuple[str, ...] = ALL_TYPES,
                    committees: list[str] | tuple[str, ...] = (), height: int = 760,
                    presentation: bool = False) -> pn.pane.Bokeh:
    """Draw the stakeholder map of a region, for a notebook or a Panel layout.

    Shows inline in Jupyter after ``pn.extension()``.

    Parameters
    ----------
    region : Region
        The region; pass ``concert.privacy.anonymise_region(region)`` to hide names.
    lang : str
        Language of the hover texts: ``"fr"`` or ``"en"``.
    sectors, agreement_types, committees : sequence of str
        Filters, as in :func:`map_frames`.
    height : int
        Height of the plot, in pixels (its width follows the map's proportions).
    presentation : bool
        Larger labels, for a projector.

    Returns
    -------
    panel.pane.Bokeh
        The bokeh figure of :func:`draw_map` (``.object``): nodes coloured by sector and
        shaped by role, edges styled by kind, and the labels. :func:`map_legend` gives the
        matching legend in words.

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> pane = stakeholder_map(capitale_nationale(), lang="en")
    >>> type(pane.object).__name__
    'figure'
    """
    nodes, edges = map_frames(region, lang=lang, sectors=sectors,
                              agreement_types=agreement_types, committees=committees)
    return pn.pane.Bokeh(draw_map(nodes, edges, lang, height=height,
                                  presentation=presentation))


# --------------------------------------------------------------------------- legend, card
def map_legend(lang: str = "fr", *, nodes: pd.DataFrame | None = None,
               edges: pd.DataFrame | None = None) -> str:
    """The map's legend as HTML: sectors (colour and words), roles (marker), edge kinds.

    With ``nodes`` and ``edges`` (from :func:`map_frames`), only what is drawn is listed.
    """
    sectors = [s.code for s in fw.SECTORS]
    if nodes is not None:
        present = set(nodes["sector_label"])
        sectors = [s for s in sectors if i18n.label("sector", s, lang) in present]
    items = "".join(
        f'<li>{svg_marker("circle", SECTOR_COLOURS.get(s, OTHER_COLOUR))} '
        f'{esc(i18n.label("sector", s, lang))}</li>' for s in sectors)
    roles = "".join(
        f'<li>{svg_marker(m, "#FFFFFF")} {esc(role_group_label(r, lang))}</li>'
        for r, m in ROLE_MARKERS.items())
    roles += (f'<li>{svg_marker(COMMITTEE_MARKER, "#FFFFFF")} '
              f'{esc(tr("dash.map.kind.committee", lang))}</li>'
              f'<li>{svg_marker(AGREEMENT_III_MARKER, "#BDBDBD", size=16)} '
              f'{esc(tr("dash.map.kind.iii", lang))}</li>')
    kinds = list(EDGE_STYLES)
    if edges is not None:
        kinds = [k for k in kinds if k in set(edges["kind"])]
    lines = "".join(f'<li>{svg_line(*EDGE_STYLES[k])} {esc(edge_label(k, lang))}</li>'
                    for k in kinds)
    return (f'<div class="legend"><section><h3>{esc(tr("dash.map.legend.sectors", lang))}</h3>'
            f'<ul>{items}</ul></section><section><h3>{esc(tr("dash.map.legend.roles", lang))}'
            f'</h3><ul>{roles}</ul></section><section>'
            f'<h3>{esc(tr("dash.map.legend.edges", lang))}</h3><ul>{lines}</ul></section></div>')


LEGEND_CSS = TABLE_CSS + """
.legend ul { list-style: none; padding: 0; margin: 0 0 0.6em 0; }
.legend li { display: flex; align-items: center; gap: 0.4em; margin: 0.1em 0; }
.legend h3 { font-size: 1em; margin: 0.5em 0 0.2em 0; }
"""
# The legend as a strip under the map: each group on a line that wraps.
LEGEND_STRIP_CSS = LEGEND_CSS + """
.legend section { display: flex; flex-wrap: wrap; align-items: center; gap: 0.1em 1.2em;
  margin: 0 0 0.25em 0; }
.legend h3 { margin: 0 0.2em 0 0; }
.legend ul { display: contents; }
"""


def actor_card(region: Region, actor_id: str | None, lang: str = "fr") -> str:
    """An HTML card describing one actor.

    Its type, sector, territories, roles, engagement, agreements (agreements III only as a
    count) and committees.
    """
    if not actor_id:
        return f'<p class="muted">{esc(tr("dash.map.card.hint", lang))}</p>'
    try:
        a = region.actor(actor_id)
    except LookupError:
        return f'<p class="muted">{esc(tr("dash.map.card.hint", lang))}</p>'
    by_id = region.actors_by_id()
    agreements, n_iii = [], 0
    for g in region.agreements:
        if actor_id not in g.actor_ids:
            continue
        status = i18n.label("agreement_status", effective_status(g), lang)
        if g.type == "III":
            n_iii += 1
            continue
        others = [by_id[x].label() for x in g.actor_ids if x != actor_id and x in by_id]
        agreements.append(f"<li>{esc(tr('dash.map.edge.agreement', lang, type=g.type))} — "
                          f"{esc(', '.join(others))} ({esc(status)})</li>")
    if n_iii:
        agreements.append(f"<li>{esc(tr('dash.map.card.iii_count', lang, n=n_iii))}</li>")
    seats = []
    for m in region.memberships:
        if m.actor == actor_id:
            c = next((c for c in region.committees if c.id == m.committee), None)
            name = (c.name or i18n.label("committee_kind", c.kind, lang)) if c else m.committee
            seats.append(f"<li>{esc(name)} ({esc(i18n.label('seat', m.seat, lang))})</li>")
    roles = "; ".join(i18n.label("org_role", r, lang) for r in a.roles) or "—"
    rows = [
        (tr("dash.map.type", lang), i18n.label("actor_type", a.type, lang)),
        (tr("dash.map.sector", lang), i18n.label("sector", a.sector, lang)),
        (tr("dash.map.territories", lang), "; ".join(a.territories) or "—"),
        (tr("dash.map.roles", lang), roles),
        (tr("dash.map.engagement", lang), i18n.label("engagement", a.engagement, lang)),
    ]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
    none = f"<li>{esc(tr('dash.none', lang))}</li>"
    return (f'<div class="card"><h3>{esc(a.name)}</h3><dl>{dl}</dl>'
            f"<h4>{esc(tr('dash.map.card.agreements', lang))}</h4>"
            f"<ul>{''.join(agreements) or none}</ul>"
            f"<h4>{esc(tr('dash.map.card.committees', lang))}</h4>"
            f"<ul>{''.join(seats) or none}</ul></div>")


CARD_CSS = TABLE_CSS + """
.card { border: 2px solid #0B4F8A; border-radius: 6px; padding: 0.4em 0.8em; background: #fff; }
.card h3 { margin-top: 0.2em; }
.card h4 { margin: 0.5em 0 0.2em 0; font-size: 1em; color: #0B2F52; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 0.8em; margin: 0; }
.card dt { font-weight: 700; }
.card dd { margin: 0; }
.card ul { margin: 0; padding-left: 1.2em; }
"""
