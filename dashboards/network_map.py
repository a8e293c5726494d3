"""The stakeholder map: the region's graph drawn with HoloViews (bokeh backend).

Nodes are the actors (colour = sector, marker = role, label = acronym or short name),
the committees (white hexagons) and the agreements III, each an anonymous hyperedge
node (small crossed square) linked to the worker's organisation and the program; the
tenant nodes of :func:`concert.region_to_graph` are never drawn. Edges are styled by
kind (colour, dash and width) and explained by a legend written in words.

Positions are stable from one load to the next: actors sit on rings, grouped by
sector in a fixed order and sorted by type and name; the program is at the centre,
the committees on an inner ring. The layout is computed once per set of nodes
(:func:`pn.cache`) and filters only hide nodes, so nothing moves when they change.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

import holoviews as hv
import holoviews.plotting.bokeh  # noqa: F401  (registers the bokeh backend for .opts)
import networkx as nx
import pandas as pd
import panel as pn
import param
from bokeh.models import CustomJS, HoverTool
from panel.viewable import Viewer

from concert import framework as fw
from concert import i18n
from concert.actors import Actor, is_housing_provider, is_program, is_referring
from concert.agreements import effective_status
from concert.graph import region_to_graph
from concert.region import Region
from dashboards._common import (
    AGREEMENT_III_MARKER,
    COMMITTEE_MARKER,
    EDGE_STYLES,
    OTHER_COLOUR,
    ROLE_MARKERS,
    SECTOR_COLOURS,
    TABLE_CSS,
    esc,
    html_options,
    svg_line,
    svg_marker,
    text_pane,
    toolbar_hook,
    tr,
)

__all__ = ["MapView", "actor_card", "map_frames", "map_legend", "stakeholder_map"]

SECTOR_ORDER = ("housing", "municipal", "health", "community", "users", "program")
SINGLE_RING_MAX = 90     # up to this many actors, one ring with radial labels
ALL_TYPES = ("I", "II", "III")


# --------------------------------------------------------------------------- layout
def _role_group(actor: Actor) -> str:
    """The role that picks an actor's marker (see ``ROLE_MARKERS``, in precedence order)."""
    have = set(actor.roles)
    if is_program(actor):
        have.add("program")
    if is_housing_provider(actor):
        have.add("housing_provider")
    if is_referring(actor):
        have.add("referring")
    return next((r for r in ROLE_MARKERS if r in have), "none")


@pn.cache(max_items=16)
def _positions(key: tuple[tuple[str, ...], ...]) -> dict[str, tuple[float, float, float]]:
    """Positions ``(x, y, angle)`` of the nodes described by ``key``.

    ``key`` holds, per node, ``(id, kind, sector, sort key, anchor)`` where ``anchor`` is,
    for an agreement III, the worker's organisation. Deterministic: the same key always
    gives the same layout.
    """
    actors = [k for k in key if k[1] == "actor"]
    programs = [k for k in actors if k[2] == "program"]
    others = sorted((k for k in actors if k[2] != "program"),
                    key=lambda k: (SECTOR_ORDER.index(k[2]) if k[2] in SECTOR_ORDER else 99,
                                   k[3], k[0]))
    pos: dict[str, tuple[float, float, float]] = {}
    groups: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in others:
        groups[k[2]].append(k)
    n = len(others)
    spacing = 1.25
    committees = [k for k in key if k[1] == "committee"]
    if n <= SINGLE_RING_MAX:
        # One ring: the sectors, then the committees, each group followed by an empty slot.
        ring = [*groups.values(), *([committees] if committees else [])]
        slots = n + len(committees) + len(ring)
        radius = max(5.0, slots * spacing / (2 * math.pi))
        step = 2 * math.pi / max(slots, 1)
        i = 0
        for sector_nodes in ring:
            for k in sector_nodes:
                a = math.pi / 2 - i * step
                pos[k[0]] = (radius * math.cos(a), radius * math.sin(a), a)
                i += 1
            i += 1
        inner = radius
        committees = []
    else:
        inner = 7.0
        gap = 0.04
        total = 2 * math.pi - gap * len(groups)
        a0 = math.pi / 2
        for sector_nodes in groups.values():
            width = total * len(sector_nodes) / n
            ring, placed = 0, 0
            while placed < len(sector_nodes):
                r = inner + ring * spacing * 0.9
                capacity = max(1, int(width * r / spacing))
                chunk = sector_nodes[placed:placed + capacity]
                for j, k in enumerate(chunk):
                    a = a0 - width * (j + 0.5) / len(chunk)
                    pos[k[0]] = (r * math.cos(a), r * math.sin(a), a)
                placed += len(chunk)
                ring += 1
            a0 -= width + gap
    for j, k in enumerate(programs):
        if len(programs) == 1:
            pos[k[0]] = (0.0, 0.0, 0.0)
        else:
            a = math.pi / 2 + 2 * math.pi * j / len(programs)
            pos[k[0]] = (1.4 * math.cos(a), 1.4 * math.sin(a), a)
    rc = 0.7 * inner
    for j, k in enumerate(committees):
        a = math.pi / 2 + math.pi / max(len(committees), 1) + 2 * math.pi * j / max(
            len(committees), 1)
        pos[k[0]] = (rc * math.cos(a), rc * math.sin(a), a)
    per_anchor: dict[str, int] = defaultdict(int)
    for k in key:
        if k[1] != "agreement_III":
            continue
        anchor = pos.get(k[4])
        if anchor is None:
            pos[k[0]] = (0.0, -0.8, 0.0)
            continue
        m = per_anchor[k[4]]
        per_anchor[k[4]] += 1
        ax, ay, aa = anchor
        r = math.hypot(ax, ay) - 1.5 - 0.5 * (m // 3)
        a = aa + ((m % 3) - 1) * 0.45 / max(r, 1.0)
        pos[k[0]] = (r * math.cos(a), r * math.sin(a), a)
    return pos


def _layout_key(G: nx.MultiDiGraph) -> tuple[tuple[str, ...], ...]:
    key = []
    for n, d in G.nodes(data=True):
        kind = d.get("kind", "")
        if kind == "tenant":
            continue
        anchor = ""
        if kind == "agreement_III":
            anchor = next((v for _, v, e in G.out_edges(n, data=True)
                           if e.get("party") == "worker"), "")
        sort = f"{d.get('type', '')}|{str(d.get('label', '')).casefold()}"
        key.append((str(n), kind, str(d.get("sector", "")), sort, str(anchor)))
    return tuple(key)


# --------------------------------------------------------------------------- frames
def _short(text: str, limit: int = 23) -> str:
    """Shorten a label, keeping a short last word that tells similar names apart."""
    if len(text) <= limit:
        return text
    last = text.rsplit(" ", 1)[-1]
    if len(last) <= 4 and len(text.split()) > 1:
        return text[: limit - len(last) - 2].rstrip(" —-–,") + "… " + last
    return text[: limit - 1].rstrip(" —-–,") + "…"


def _wrap(text: str, width: int = 20, lines: int = 2) -> str:
    """Wrap a committee name on at most ``lines`` lines of about ``width`` characters."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        rest = " ".join(out[lines - 1:])
        out = [*out[: lines - 1], rest[: width + 2].rstrip() + "…"]
    return "\n".join(out)


def map_frames(region: Region, *, lang: str = "fr", sectors: list[str] | tuple[str, ...] = (),
               agreement_types: list[str] | tuple[str, ...] = ALL_TYPES,
               committees: list[str] | tuple[str, ...] = (),
               graph: nx.MultiDiGraph | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The nodes and edges to draw, with positions, styles and labels in ``lang``.

    Parameters
    ----------
    region : Region
        The region (an anonymised copy for an audience, see
        :func:`concert.privacy.anonymise_region`).
    lang : str
        ``"fr"`` or ``"en"``.
    sectors : sequence of str
        Sector codes to show; empty shows every sector.
    agreement_types : sequence of str
        Agreement types whose ties are drawn (``"I"``, ``"II"``, ``"III"``).
    committees : sequence of str
        Committee ids; when given, only these committees and their members are shown.
    graph : networkx.MultiDiGraph, optional
        ``region_to_graph(region)``, when already built.

    Returns
    -------
    nodes : pandas.DataFrame
        Columns ``x, y, node, kind, label, name, kind_label, type_label, sector_label,
        role_label, engagement_label, colour, marker, size, angle``.
    edges : pandas.DataFrame
        Columns ``source, target, kind, kind_label, colour, dash, width``.
    """
    G = region_to_graph(region) if graph is None else graph
    pos = _positions(_layout_key(G))
    committee_ids = {f"committee:{c}" for c in committees}
    members: set[str] = set()
    if committee_ids:
        members = {u for u, v, d in G.edges(data=True)
                   if d.get("kind") == "committee" and v in committee_ids}
    keep: set[str] = set()
    for n, d in G.nodes(data=True):
        kind = d.get("kind")
        if kind == "actor":
            if sectors and d.get("sector") not in sectors:
                continue
            if committee_ids and n not in members:
                continue
            keep.add(n)
        elif kind == "committee" and (not committee_ids or n in committee_ids):
            keep.add(n)
    if "III" in agreement_types:
        for n, d in G.nodes(data=True):
            if d.get("kind") == "agreement_III" and any(
                    v in keep for _, v in G.out_edges(n)):
                keep.add(n)
    groups = {a.id: _role_group(a) for a in region.actors}
    single = sum(d.get("kind") == "actor" for _, d in G.nodes(data=True)) <= SINGLE_RING_MAX
    rows = []
    for n, d in G.nodes(data=True):
        if n not in keep:
            continue
        x, y, angle = pos[n]
        kind = d["kind"]
        row: dict[str, Any] = {"x": x, "y": y, "node": n, "kind": kind, "angle": angle,
                               "radial": (kind == "actor" and d.get("sector") != "program")
                               or (kind == "committee" and single),
                               "type_label": "", "sector_label": "", "role_label": "",
                               "engagement_label": "", "territories": ""}
        if kind == "actor":
            group = groups.get(n, "none")
            roles = [i18n.label("org_role", r, lang) for r in d.get("roles", "").split("; ") if r]
            row.update(
                label=_short(str(d.get("label", ""))), name=d.get("name", ""),
                kind_label=tr("dash.map.kind.actor", lang),
                type_label=i18n.label("actor_type", d.get("type", ""), lang),
                sector_label=i18n.label("sector", d.get("sector", ""), lang),
                role_label="; ".join(roles) or "—",
                engagement_label=i18n.label("engagement", d.get("engagement", ""), lang),
                colour=SECTOR_COLOURS.get(d.get("sector", ""), OTHER_COLOUR),
                marker=ROLE_MARKERS[group], size=30 if group == "program" else 20)
        elif kind == "committee":
            text = str(d.get("label", ""))
            row.update(label=_short(text) if single else _wrap(text, 14), name=d.get("name", ""),
                       kind_label=i18n.label("committee_kind", d.get("type", "other"), lang),
                       colour="#FFFFFF", marker=COMMITTEE_MARKER, size=28)
        else:
            status = i18n.label("agreement_status", d.get("status", "signed"), lang)
            row.update(label="", name=tr("dash.map.iii_node", lang),
                       kind_label=tr("dash.map.kind.iii", lang), engagement_label=status,
                       colour="#BDBDBD", marker=AGREEMENT_III_MARKER, size=11)
        rows.append(row)
    nodes = pd.DataFrame(rows, columns=[
        "x", "y", "node", "kind", "label", "name", "kind_label", "type_label", "sector_label",
        "role_label", "engagement_label", "territories", "colour", "marker", "size", "angle",
        "radial"])
    edge_rows = []
    allowed = {f"agreement_{t}" for t in agreement_types}
    for u, v, d in G.edges(data=True):
        kind = d.get("kind", "")
        if u not in keep or v not in keep:
            continue
        if kind.startswith("agreement_") and kind not in allowed:
            continue
        colour, dash, width = EDGE_STYLES.get(kind, ("#555555", "solid", 1.5))
        edge_rows.append({"source": u, "target": v, "kind": kind,
                          "kind_label": edge_label(kind, lang), "colour": colour, "dash": dash,
                          "width": width if len(keep) < 400 else max(1.0, width * 0.6)})
    edges = pd.DataFrame(edge_rows, columns=["source", "target", "kind", "kind_label", "colour",
                                             "dash", "width"])
    # Agreements III are anonymous hyperedge nodes: their ids (which a user may have made
    # from a tenant's file number) never reach the browser.
    alias = {n: f"agreement-III-{k}" for k, n in enumerate(nodes.loc[
        nodes["kind"] == "agreement_III", "node"], start=1)}
    if alias:
        nodes["node"] = nodes["node"].replace(alias)
        edges["source"] = edges["source"].replace(alias)
        edges["target"] = edges["target"].replace(alias)
    return nodes, edges


def edge_label(kind: str, lang: str) -> str:
    """The words for an edge kind."""
    if kind.startswith("agreement_"):
        return tr("dash.map.edge.agreement", lang, type=kind.split("_", 1)[1])
    if kind == "committee":
        return tr("dash.map.edge.committee", lang)
    return i18n.label("tie_kind", kind, lang)


# --------------------------------------------------------------------------- drawing
def _graph_element(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, *,
                   presentation: bool = False) -> hv.Graph:
    vdims = ["name", "label", "kind", "kind_label", "type_label", "sector_label", "role_label",
             "engagement_label", "colour", "marker", "size"]
    hv_nodes = hv.Nodes(nodes[["x", "y", "node", *vdims]], kdims=["x", "y", "node"],
                        vdims=vdims)
    graph = hv.Graph((edges[["source", "target", "kind_label"]], hv_nodes), vdims=["kind_label"])
    hover = HoverTool(tooltips=[
        (tr("dash.map.name", lang), "@{name}"),
        (tr("dash.map.kind", lang), "@{kind_label}"),
        (tr("dash.map.type", lang), "@{type_label}"),
        (tr("dash.map.sector", lang), "@{sector_label}"),
        (tr("dash.map.roles", lang), "@{role_label}"),
        (tr("dash.map.engagement", lang), "@{engagement_label}"),
    ])
    return graph.opts(
        node_color=hv.dim("colour"), node_marker=hv.dim("marker"), node_size=hv.dim("size"),
        node_line_color="#1A1A1A", node_line_width=1.6,
        # The graph's own edges stay invisible: the styled ties are drawn underneath by
        # _edges_element. They show, in black, those of the node hovered or selected.
        edge_line_color="#000000", edge_line_width=2.5, edge_line_alpha=0,
        edge_hover_line_color="#000000", edge_hover_line_alpha=0.9,
        edge_selection_line_color="#000000", edge_selection_line_alpha=0.9,
        edge_nonselection_line_alpha=0,
        node_selection_fill_color=hv.dim("colour"), node_selection_line_color="#000000",
        node_selection_line_width=4, node_nonselection_alpha=0.35,
        node_hover_fill_color=hv.dim("colour"), node_hover_line_color="#000000",
        node_hover_line_width=3,
        inspection_policy="nodes", selection_policy="nodes",
        tools=[hover, "tap"], default_tools=["pan", "wheel_zoom", "reset", "save"],
        active_tools=["pan"],  # the mouse wheel scrolls the page; zoom is one click away
        xaxis=None, yaxis=None, show_frame=False, show_legend=False,
        backend_opts={"plot.output_backend": "canvas"},
    )


def _edges_element(nodes: pd.DataFrame, edges: pd.DataFrame) -> hv.Overlay:
    """The ties, one layer per kind with its own colour, dash and width.

    Always the same eight layers (some may be empty), so that a map redrawn after a
    filter keeps the same structure.
    """
    pos = nodes.set_index("node")[["x", "y"]]
    alpha = 0.8 if len(nodes) < 400 else 0.4
    layers = []
    for kind, (colour, dash, width) in EDGE_STYLES.items():
        sub = edges[edges["kind"] == kind]
        seg = pd.DataFrame({
            "x0": pos["x"].reindex(sub["source"]).to_numpy(dtype=float),
            "y0": pos["y"].reindex(sub["source"]).to_numpy(dtype=float),
            "x1": pos["x"].reindex(sub["target"]).to_numpy(dtype=float),
            "y1": pos["y"].reindex(sub["target"]).to_numpy(dtype=float)})
        w = width if len(nodes) < 400 else max(1.0, width * 0.6)
        layers.append(hv.Segments(seg, kdims=["x0", "y0", "x1", "y1"]).opts(
            color=colour, line_dash=dash, line_width=w, alpha=alpha,
            backend_opts={"plot.output_backend": "canvas"}))
    return hv.Overlay(layers)


LABEL_GAP = 0.08      # gap between the ring and the label columns, in ring radii
LABEL_ROOM = {False: 0.62, True: 0.85}  # room for the label columns, in ring radii


def _spread(targets: list[float], low: float, high: float, pitch: float) -> list[float]:
    """Move sorted (descending) label heights apart by ``pitch``, within [low, high]."""
    ys: list[float] = []
    for t in targets:
        y = min(t, high) if not ys else min(t, ys[-1] - pitch)
        ys.append(y)
    floor = low
    for i in range(len(ys) - 1, -1, -1):  # push back up what fell below the bottom
        ys[i] = max(ys[i], floor)
        floor = ys[i] + pitch
    return ys


def _label_layers(nodes: pd.DataFrame, *, presentation: bool = False
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Label positions and leader lines.

    With one ring (up to ``SINGLE_RING_MAX`` actors), the labels of the ring stand in two
    columns left and right of the ring, horizontal and evenly spaced, each tied to its node
    by a thin leader line: horizontal text reads best on a projector. Nodes inside the
    ring (the program) are labelled below themselves. Larger maps label only the
    program and the committees.
    """
    shown = nodes[nodes["label"].astype(bool)]
    actors = shown["kind"] == "actor"
    rows, leaders = [], []
    ring = shown[shown["radial"].astype(bool)]
    if int(actors.sum()) <= SINGLE_RING_MAX and not ring.empty:
        radius = float(((ring["x"] ** 2 + ring["y"] ** 2) ** 0.5).max())
        column_x = radius * (1 + LABEL_GAP)
        half = radius * 1.04
        for side in (1, -1):
            part = ring[(ring["x"] >= -1e-9) if side == 1 else (ring["x"] < -1e-9)]
            part = part.sort_values("y", ascending=False)
            if part.empty:
                continue
            pitch = min(2 * half / max(len(part), 1), 0.16 * radius)
            ys = _spread(list(part["y"]), -half, half, pitch)
            for (_, n), y in zip(part.iterrows(), ys, strict=True):
                x = side * column_x
                rows.append((x, y, n["label"], "left" if side == 1 else "right"))
                leaders.append((n["x"], n["y"], x - side * radius * 0.015, y))
        inner = shown[~shown["radial"].astype(bool)]
    else:
        inner = shown
        if int(actors.sum()) > SINGLE_RING_MAX:
            # A few readable labels rather than hundreds overlapping: the program and the
            # committees; every actor is named by its hover and its card.
            inner = shown[~actors | ~shown["radial"].astype(bool)]
    for _, n in inner.iterrows():
        lines = str(n["label"]).count("\n") + 1
        rows.append((n["x"], n["y"] - 0.8 - 0.35 * (lines - 1), n["label"], "center"))
    labels = pd.DataFrame(rows, columns=["x", "y", "text", "align"])
    segments = pd.DataFrame(leaders, columns=["x0", "y0", "x1", "y1"])
    return labels, segments


def _labels_element(nodes: pd.DataFrame, *, presentation: bool = False) -> hv.Overlay:
    labels, segments = _label_layers(nodes, presentation=presentation)
    size = "14pt" if presentation else "13pt"
    lead = hv.Segments(segments, kdims=["x0", "y0", "x1", "y1"]).opts(
        color="#8A8A8A", line_width=1, backend_opts={"plot.output_backend": "canvas"})
    text = hv.Labels(labels, kdims=["x", "y"], vdims=["text", "align"]).opts(
        text_font_size=size, text_color="#111111", text_align=hv.dim("align"),
        text_baseline="middle", text_font_style="bold",
        background_fill_color="#FFFFFF", background_fill_alpha=0.85,
        backend_opts={"plot.output_backend": "canvas"},
    )
    return lead * text


ASPECT_JS = """
// Keep one unit of x as long as one unit of y on screen (the rings stay round), showing
// at least [-ex, ex] x [-ey, ey] whatever the size of the plot.
const w = fig.inner_width, h = fig.inner_height;
if (!(w > 0 && h > 0)) { return; }
const scale = Math.min(w / (2 * ex), h / (2 * ey));
const cx = (xr.start + xr.end) / 2, cy = (yr.start + yr.end) / 2;
const keep = cb_obj === fig;  // a resize keeps the view centred where it is; a reset re-centres
const x0 = keep ? cx : 0, y0 = keep ? cy : 0;
xr.setv({start: x0 - w / (2 * scale), end: x0 + w / (2 * scale)});
yr.setv({start: y0 - h / (2 * scale), end: y0 + h / (2 * scale)});
"""


def _equal_aspect(ex: float, ey: float) -> Any:
    """A HoloViews hook keeping the map's x and y scales equal in a responsive plot.

    (HoloViews' ``data_aspect`` is not applied when the ranges are fixed; bokeh only
    matches aspects for automatic ranges.)
    """

    def hook(plot: Any, element: Any) -> None:
        fig = plot.state
        if "concert-equal-aspect" in fig.tags:
            return
        fig.tags = [*fig.tags, "concert-equal-aspect"]
        cb = CustomJS(args={"fig": fig, "xr": fig.x_range, "yr": fig.y_range, "ex": ex,
                            "ey": ey}, code=ASPECT_JS)
        fig.js_on_change("inner_width", cb)
        fig.js_on_change("inner_height", cb)
        fig.js_on_event("reset", CustomJS(args={"fig": fig, "xr": fig.x_range,
                                                "yr": fig.y_range, "ex": ex, "ey": ey},
                                          code=ASPECT_JS))

    return hook


def _extent(nodes: pd.DataFrame, *, presentation: bool = False) -> tuple[float, float]:
    """Half the width and half the height of the area drawn (the ring, the label columns)."""
    if nodes.empty:
        return 10.0, 10.0
    # A lone node sits at the centre (a region whose only actor is the program): r is 0.
    r = max(float(((nodes["x"] ** 2 + nodes["y"] ** 2) ** 0.5).max()), 1.0)
    if int((nodes["kind"] == "actor").sum()) <= SINGLE_RING_MAX:
        return r * (1 + LABEL_GAP + LABEL_ROOM[presentation]), r * 1.08
    return r + 1.5, r + 1.5


def stakeholder_map(region: Region, *, lang: str = "fr", sectors: list[str] | tuple[str, ...] = (),
                    agreement_types: list[str] | tuple[str, ...] = ALL_TYPES,
                    committees: list[str] | tuple[str, ...] = (), height: int = 760,
                    presentation: bool = False) -> hv.Overlay:
    """Draw the stakeholder map of a region (a HoloViews overlay, bokeh backend).

    Usable in a notebook (``hv.extension("bokeh")`` first) or in a Panel layout.

    Parameters
    ----------
    region : Region
        The region; pass ``concert.privacy.anonymise_region(region)`` to hide names.
    lang : str
        Language of the hover texts: ``"fr"`` or ``"en"``.
    sectors, agreement_types, committees : sequence of str
        Filters, as in :func:`map_frames`.
    height : int
        Height (and width) of the square plot, in pixels.
    presentation : bool
        Larger labels, for a projector.

    Returns
    -------
    holoviews.Overlay
        The graph (nodes coloured by sector and shaped by role, edges styled by kind) and
        the labels. :func:`map_legend` gives the matching legend in words.

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> overlay = stakeholder_map(capitale_nationale(), lang="en")
    >>> type(overlay).__name__
    'Overlay'
    """
    nodes, edges = map_frames(region, lang=lang, sectors=sectors,
                              agreement_types=agreement_types, committees=committees)
    return _overlay(nodes, edges, lang, height=height, presentation=presentation)


def _overlay(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, *, height: int,
             presentation: bool) -> hv.Overlay:
    ex, ey = _extent(nodes, presentation=presentation)
    graph = _graph_element(nodes, edges, lang, presentation=presentation)
    labels = _labels_element(nodes, presentation=presentation)
    return (_edges_element(nodes, edges) * graph * labels).opts(
        xlim=(-ex, ex), ylim=(-ey, ey), height=height, width=int(height * ex / ey),
        hooks=[toolbar_hook(lang)],
        toolbar="above", title="", backend_opts={"plot.output_backend": "canvas"},
        backend="bokeh")


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


def role_group_label(group: str, lang: str) -> str:
    """Words for the marker of a role group."""
    if group == "program":
        return i18n.label("actor_type", "program", lang)
    if group == "none":
        return tr("dash.map.role.none", lang)
    return i18n.label("org_role", group, lang)


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


# --------------------------------------------------------------------------- the page
class MapView(Viewer):
    """The stakeholder-map page: filters, the map, its legend and the selected actor's card.

    Clicking near an actor (a bokeh tap, :class:`holoviews.streams.Tap`) selects it: its card
    is shown and a ring marks it on the map.
    """

    state = param.Parameter(doc="The dashboard state (a DashboardState).")

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state=state, **params)
        self._lang = state.lang
        self._region = state.view_region
        self._graph = region_to_graph(self._region) if self._region is not None else None
        self._memo: dict[tuple, tuple[pd.DataFrame, pd.DataFrame]] = {}
        self._view: pn.viewable.Viewable | None = None

    def frames(self, sectors: list[str], agreement_types: list[str],
               committees: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The nodes and edges shown for these filters (computed once per filter set)."""
        key = (tuple(sorted(sectors)), tuple(sorted(agreement_types)),
               tuple(sorted(committees)))
        if key not in self._memo:
            if len(self._memo) > 8:
                self._memo.clear()
            self._memo[key] = map_frames(self._region, lang=self._lang, sectors=sectors,
                                         agreement_types=agreement_types,
                                         committees=committees, graph=self._graph)
        return self._memo[key]

    def _current(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        s = self.state
        return self.frames(s.sectors, s.agreement_types, s.committees)

    def _graph_cb(self, sectors: list[str], agreement_types: list[str],
                  committees: list[str]) -> hv.Graph:
        nodes, edges = self.frames(sectors, agreement_types, committees)
        return _graph_element(nodes, edges, self._lang, presentation=self.state.presentation)

    def _edges_cb(self, sectors: list[str], agreement_types: list[str],
                  committees: list[str]) -> hv.Overlay:
        nodes, edges = self.frames(sectors, agreement_types, committees)
        return _edges_element(nodes, edges)

    def _labels_cb(self, sectors: list[str], agreement_types: list[str],
                   committees: list[str]) -> hv.Overlay:
        nodes, _ = self.frames(sectors, agreement_types, committees)
        return _labels_element(nodes, presentation=self.state.presentation)

    def _selected_cb(self, selected_actor: str | None) -> hv.Points:
        nodes, _ = self.frames([], list(ALL_TYPES), [])  # positions never depend on filters
        row = nodes[nodes["node"] == selected_actor] if selected_actor else nodes.iloc[:0]
        return hv.Points(row[["x", "y"]], ["x", "y"]).opts(
            marker="circle", size=46, fill_alpha=0, line_color="#000000", line_width=4,
            backend_opts={"plot.output_backend": "canvas"})

    def _on_tap(self, x: float | None, y: float | None) -> None:
        if x is None or y is None:
            return
        nodes, _ = self._current()
        actors = nodes[nodes["kind"] == "actor"]
        if actors.empty:
            return
        d2 = (actors["x"] - x) ** 2 + (actors["y"] - y) ** 2
        best = d2.idxmin()
        if d2[best] <= 0.8 ** 2:
            self.state.selected_actor = str(actors.loc[best, "node"])

    def _legend(self, sectors: list[str], agreement_types: list[str],
                committees: list[str]) -> str:
        nodes, edges = self.frames(sectors, agreement_types, committees)
        return map_legend(self._lang, nodes=nodes, edges=edges)

    def _count(self, sectors: list[str], agreement_types: list[str],
               committees: list[str]) -> str:
        """How many actors and ties are shown, as HTML (the numbers in bold)."""
        nodes, edges = self.frames(sectors, agreement_types, committees)
        text = esc(tr("dash.map.count", self._lang,
                      actors=int((nodes["kind"] == "actor").sum()), ties=len(edges)))
        return "<p>" + re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text) + "</p>"

    def __panel__(self) -> pn.viewable.Viewable:
        if self._view is None:
            self._view = self._build()
        return self._view

    def _build(self) -> pn.viewable.Viewable:
        state, lang = self.state, self._lang
        if self._region is None:
            return text_pane(tr("dash.no_region", lang))
        sector_opts = {i18n.label("sector", s.code, lang): s.code for s in fw.SECTORS
                       if any(a.sector == s.code for a in self._region.actors)}
        sectors = pn.widgets.MultiChoice.from_param(
            state.param.sectors, label=tr("dash.map.filter.sectors", lang),
            options=html_options(sector_opts), placeholder=tr("dash.map.filter.all", lang),
            sizing_mode="stretch_width")
        types = pn.widgets.CheckButtonGroup.from_param(
            state.param.agreement_types, label=tr("dash.map.filter.agreements", lang),
            options={tr("dash.map.edge.agreement", lang, type=t): t for t in ALL_TYPES},
            color="primary", variant="outline", sizing_mode="stretch_width")
        committee_opts = {(c.name or i18n.label("committee_kind", c.kind, lang)): c.id
                          for c in self._region.committees}
        committees = pn.widgets.MultiChoice.from_param(
            state.param.committees, label=tr("dash.map.filter.committees", lang),
            options=html_options(committee_opts), placeholder=tr("dash.map.filter.all", lang),
            sizing_mode="stretch_width")
        filters = [state.param.sectors, state.param.agreement_types, state.param.committees]
        legend = pn.pane.HTML(pn.bind(self._legend, *filters),
                              stylesheets=[LEGEND_STRIP_CSS + ":host { font-size: 16px; }"],
                              sizing_mode="stretch_width", margin=(0, 10))
        count = pn.pane.HTML(pn.bind(self._count, *filters),
                             stylesheets=[TABLE_CSS], sizing_mode="stretch_width")
        streams = [hv.streams.Params(state, ["sectors", "agreement_types", "committees"])]
        graph = hv.DynamicMap(self._graph_cb, streams=streams)
        labels = hv.DynamicMap(self._labels_cb, streams=streams)
        ties = hv.DynamicMap(self._edges_cb, streams=streams)
        ring = hv.DynamicMap(self._selected_cb,
                             streams=[hv.streams.Params(state, ["selected_actor"])])
        ex, ey = _extent(self.frames([], list(ALL_TYPES), [])[0],
                         presentation=state.presentation)
        # Fills the space left by the side column; data_aspect keeps the ring round.
        overlay = (ties * graph * ring * labels).opts(
            xlim=(-ex, ex), ylim=(-ey, ey), responsive=True,
            hooks=[_equal_aspect(ex, ey), toolbar_hook(lang)],
            toolbar="above", backend_opts={"plot.output_backend": "canvas"}, backend="bokeh")
        tap = hv.streams.Tap(source=graph)
        tap.add_subscriber(self._on_tap)
        card = pn.pane.HTML(pn.bind(lambda a: actor_card(self._region, a, lang),
                                    state.param.selected_actor),
                            stylesheets=[CARD_CSS], sizing_mode="stretch_width")
        intro = pn.pane.HTML(f"<h2>{esc(tr('dash.page.map', lang))}</h2>"
                             f'<p class="small">{esc(tr("dash.map.help", lang))}</p>',
                             stylesheets=[TABLE_CSS], sizing_mode="stretch_width")
        agreements_title = pn.pane.HTML(
            f"<strong>{esc(tr('dash.map.filter.agreements', lang))}</strong>",
            stylesheets=[TABLE_CSS])
        plot = pn.pane.HoloViews(overlay, linked_axes=False, backend="bokeh",
                                 sizing_mode="stretch_both", min_width=420)
        if state.presentation:
            # For a projector: the map fills the screen; legend, card and the folded
            # filters follow below it.
            folded = pn.Card(sectors, agreements_title, types, committees, count,
                             title=tr("dash.map.filters", lang), collapsed=True, width=520)
            screen = {"height": "calc(100vh - 84px)", "min-height": "440px", "flex": "0 0 auto"}
            return pn.Column(pn.Row(plot, sizing_mode="stretch_both", styles=screen), legend,
                             pn.Row(card, folded, sizing_mode="stretch_width"),
                             sizing_mode="stretch_both")
        # The map takes the screen's height less room for the legend strip below it (on
        # a small screen the legend follows after a scroll); the side column scrolls.
        screen = {"height": "calc(100vh - 260px)", "min-height": "460px", "flex": "0 0 auto"}
        side = pn.Column(intro, sectors, agreements_title, types, committees, count, card,
                         width=340, scroll=True,
                         styles={"max-height": "calc(100vh - 90px)", "flex": "0 0 auto"})
        body = pn.Column(pn.Row(plot, sizing_mode="stretch_both", styles=screen), legend,
                         sizing_mode="stretch_both", min_width=640)
        return pn.Row(side, body, sizing_mode="stretch_both")
