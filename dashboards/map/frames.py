"""The map's tables: a region's nodes and edges, with positions, styles and labels.

Nodes are the actors (colour = sector, marker = role, label = acronym or short name),
the committees and the agreements III, each an anonymous hyperedge node linked to the
worker's organisation and the program; the tenant nodes of
:func:`concert.graph.region_to_graph` are never in them. An agreement III's id (which a
user may have made from a tenant's file number) is replaced by a number.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from concert import i18n
from concert.actors import Actor, is_housing_provider, is_program, is_referring
from concert.graph import region_to_graph
from concert.region import Region
from dashboards._common import (
    AGREEMENT_III_MARKER,
    COMMITTEE_MARKER,
    EDGE_STYLES,
    OTHER_COLOUR,
    ROLE_MARKERS,
    SECTOR_COLOURS,
    tr,
)
from dashboards.map import layout

__all__ = ["ALL_TYPES", "edge_label", "layout_nodes", "map_frames", "role_group_label"]

ALL_TYPES = ("I", "II", "III")
NODE_COLUMNS = ["x", "y", "node", "kind", "label", "name", "kind_label", "type_label",
                "sector_label", "role_label", "engagement_label", "territories", "colour",
                "marker", "size", "angle", "radial"]
EDGE_COLUMNS = ["source", "target", "kind", "kind_label", "colour", "dash", "width"]


def role_group(actor: Actor) -> str:
    """The role that picks an actor's marker (see ``ROLE_MARKERS``, in precedence order)."""
    have = set(actor.roles)
    if is_program(actor):
        have.add("program")
    if is_housing_provider(actor):
        have.add("housing_provider")
    if is_referring(actor):
        have.add("referring")
    return next((r for r in ROLE_MARKERS if r in have), "none")


def role_group_label(group: str, lang: str) -> str:
    """Words for the marker of a role group."""
    if group == "program":
        return i18n.label("actor_type", "program", lang)
    if group == "none":
        return tr("dash.map.role.none", lang)
    return i18n.label("org_role", group, lang)


def layout_nodes(G: nx.MultiDiGraph) -> tuple[layout.LayoutNode, ...]:
    """The graph's drawn nodes as the layout sees them (tenants are never drawn)."""
    out = []
    for n, d in G.nodes(data=True):
        kind = d.get("kind", "")
        if kind == "tenant":
            continue
        anchor = ""
        if kind == "agreement_III":
            anchor = next((v for _, v, e in G.out_edges(n, data=True)
                           if e.get("party") == "worker"), "")
        sort = f"{d.get('type', '')}|{str(d.get('label', '')).casefold()}"
        out.append(layout.LayoutNode(str(n), kind, str(d.get("sector", "")), sort, str(anchor)))
    return tuple(out)


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
        role_label, engagement_label, territories, colour, marker, size, angle, radial``;
        ``nodes.attrs["ring"]`` is true when the actors stand on one ring (their labels
        then stand in columns beside it).
    edges : pandas.DataFrame
        Columns ``source, target, kind, kind_label, colour, dash, width``.
    """
    G = region_to_graph(region) if graph is None else graph
    pos = layout.positions(layout_nodes(G))
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
    groups = {a.id: role_group(a) for a in region.actors}
    single = sum(d.get("kind") == "actor" and d.get("sector") != "program"
                 for _, d in G.nodes(data=True)) <= layout.SINGLE_RING_MAX
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
    nodes = pd.DataFrame(rows, columns=NODE_COLUMNS)
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
    edges = pd.DataFrame(edge_rows, columns=EDGE_COLUMNS)
    # Agreements III are anonymous hyperedge nodes: their ids (which a user may have made
    # from a tenant's file number) never reach the browser.
    alias = {n: f"agreement-III-{k}" for k, n in enumerate(nodes.loc[
        nodes["kind"] == "agreement_III", "node"], start=1)}
    if alias:
        nodes["node"] = [alias.get(n, n) for n in nodes["node"]]
        edges["source"] = [alias.get(n, n) for n in edges["source"]]
        edges["target"] = [alias.get(n, n) for n in edges["target"]]
    nodes.attrs["ring"] = single  # one ring with label columns (see layout.SINGLE_RING_MAX)
    return nodes, edges


def edge_label(kind: str, lang: str) -> str:
    """The words for an edge kind."""
    if kind.startswith("agreement_"):
        return tr("dash.map.edge.agreement", lang, type=kind.split("_", 1)[1])
    if kind == "committee":
        return tr("dash.map.edge.committee", lang)
    return i18n.label("tie_kind", kind, lang)
