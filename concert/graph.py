"""A region as one networkx graph, and its GraphML and GEXF files.

:func:`region_to_graph` returns a :class:`networkx.MultiDiGraph`:

Nodes (attribute ``kind``)
    ``actor``
        id = the actor's id. Attributes: ``name``, ``label`` (acronym or name),
        ``type``, ``sector``, ``family`` (``housing``, ``health_social`` or ``""``),
        ``territories`` and ``roles`` (joined with ``"; "``), ``engagement``,
        ``key_rows`` (rows of the key-actor grid it fills), ``illustrative``.
    ``committee``
        id = ``"committee:<id>"``. Attributes: ``name`` and ``label`` (the committee's
        name, ``""`` when it has none), ``type`` (the committee kind).
    ``agreement_III``
        id = ``"agreement:<id>"``: an entente III is a tie between three parties, so
        it is a node of its own linked to its three parties (a hyperedge). Attributes:
        ``status``, ``signed_on``, ``ends_on``.
    ``tenant``
        id = ``"tenant:<agreement id>"``: the tenant of an entente III, with an empty
        ``label``. It carries its pseudonymous ``code`` only when ``tenant_codes=True``;
        by default the graph holds no tenant code. An agreement III's id may itself come
        from a tenant's file number: exports pass the region through
        :func:`concert.privacy.without_agreement_iii_ids` first (``concert export``
        does unless ``--include-tenant-codes``), so the files name each by a
        pseudonym (``III-0001``...).

Edges (attribute ``kind``; the edge key is unique)
    ``agreement_I``, ``agreement_II``
        From the housing provider or the referring organisation to the program;
        key = the agreement id. Attributes ``status`` (on the date ``on``),
        ``signed_on``, ``ends_on``.
    ``agreement_III``
        From the agreement node to each party; attribute ``party`` (``tenant``,
        ``worker``, ``liaison_agent``); worker and liaison agent link to their
        organisation.
    ``committee``
        From a member actor to the committee node; attributes ``seat`` and ``since``.
    ``information``, ``resources``, ``joint_project``, ``referral``
        Declared ties, from the declaring actor to the other; attribute ``project``.

Every attribute is a string, a bool or a number (dates as ISO strings, missing
values as ``""``) so the graph writes to GraphML and GEXF and reads back equal.
The input region is never modified.

Nodes and edges carry codes and the region's own data, never a translated text: a
node's ``label`` is data (an actor's acronym or name, a committee's name) or empty.
:func:`node_label` renders what a person reads for a node in the language asked for (an
unnamed committee by its kind, a tenant as "Locataire" or "Tenant"), and
:func:`with_labels` gives a copy whose every node has its ``label`` in that language;
the writers do so when they are given a language (``lang``), so that Gephi and other
tools show a label for every node.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from concert import _gc, i18n, settings
from concert import framework as fw
from concert.actors import key_actor_rows_of
from concert.agreements import effective_status
from concert.region import Region
from concert.retire import current_region

__all__ = ["graph_to_frames", "node_label", "read_gexf", "read_graphml", "region_to_graph",
           "with_labels", "write_gexf", "write_graphml", "write_node_link"]

EDGE_KINDS = ("agreement_I", "agreement_II", "agreement_III", "committee", "information",
              "resources", "joint_project", "referral")


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def region_to_graph(region: Region, *, on: dt.date | None = None,
                    tenant_codes: bool = False) -> nx.MultiDiGraph:
    """Build the graph of a region.

    Parameters
    ----------
    region : Region
        The region.
    on : datetime.date, optional
        The date at which agreement statuses are read (default: today). Ended ties and
        seats are kept, with their dates; organisations retired by then are left out, with
        their seats, ties and ententes (:func:`concert.retire.current_region`).
    tenant_codes : bool
        Put the tenants' pseudonymous codes on the tenant nodes (default ``False``).

    Returns
    -------
    networkx.MultiDiGraph
        See the module docstring for nodes, edges and attributes.

    Notes
    -----
    Runs in time linear in the number of records.
    """
    on = on or settings.current_date()
    with _gc.paused():  # many small dicts, no cycles: see concert._gc
        return _region_graph(current_region(region, on), on, tenant_codes)


def _region_graph(region: Region, on: dt.date, tenant_codes: bool) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(region=region.code, name=region.name, on=on.isoformat())
    for a in region.actors:
        G.add_node(a.id, kind="actor", name=a.name, label=a.label(), type=a.type,
                   sector=a.sector, family=fw.sector(a.sector).family,
                   territories="; ".join(a.territories), roles="; ".join(a.roles),
                   engagement=a.engagement, key_rows="; ".join(key_actor_rows_of(a)),
                   illustrative=a.illustrative)
    for c in region.committees:
        G.add_node(f"committee:{c.id}", kind="committee", type=c.kind, name=c.name,
                   label=c.name, illustrative=c.illustrative)
    for ag in region.agreements:
        status = effective_status(ag, on)
        dates = {"status": status, "signed_on": _iso(ag.signed_on), "ends_on": _iso(ag.end_date())}
        if ag.type in ("I", "II"):
            first = ag.party("housing_provider" if ag.type == "I" else "referring_org")
            prog = ag.party("program")
            assert first is not None and prog is not None
            G.add_edge(first.actor, prog.actor, key=ag.id, kind=f"agreement_{ag.type}",
                       agreement=ag.id, **dates)
            continue
        node = f"agreement:{ag.id}"
        G.add_node(node, kind="agreement_III", label=f"III {ag.id}", illustrative=ag.illustrative,
                   **dates)
        for p in ag.parties:
            if p.role == "tenant":
                tnode = f"tenant:{ag.id}"
                attrs = {"code": p.tenant_code} if tenant_codes else {}
                G.add_node(tnode, kind="tenant", label="", **attrs)
                target = tnode
            else:
                target = p.actor
            G.add_edge(node, target, key=f"{ag.id}/{p.role}", kind="agreement_III",
                       agreement=ag.id, party=p.role, **dates)
    for m in region.memberships:
        G.add_edge(m.actor, f"committee:{m.committee}", key=f"seat/{m.committee}/{m.actor}/"
                   f"{_iso(m.since)}", kind="committee", seat=m.seat, since=_iso(m.since),
                   until=_iso(m.until))
    for i, t in enumerate(region.ties):
        G.add_edge(t.source, t.target, key=f"tie/{i}", kind=t.kind, project=t.project,
                   since=_iso(t.since), until=_iso(t.until))
    return G


def node_label(attrs: Mapping[str, Any], lang: str | None = None) -> str:
    """What a person reads for a node with attributes ``attrs``, in ``lang``.

    The node's own ``label`` when it has one (data: an acronym, a name); else, from its
    codes: an unnamed committee's kind, "Locataire"/"Tenant" for a tenant.

    Examples
    --------
    >>> node_label({"kind": "committee", "type": "gestion", "label": ""}, "en")
    'Management committee'
    >>> node_label({"kind": "tenant", "label": ""}, "fr")
    'Locataire'
    """
    label = str(attrs.get("label") or "")
    if label:
        return label
    kind = attrs.get("kind")
    if kind == "committee":
        return i18n.label("committee_kind", str(attrs.get("type", "other")), lang)
    if kind == "tenant":
        return i18n.label("party_role", "tenant", lang)
    return str(attrs.get("name") or "")


def with_labels(G: nx.MultiDiGraph, lang: str | None = None) -> nx.MultiDiGraph:
    """A copy of ``G`` whose every node has its ``label`` rendered in ``lang``.

    See :func:`node_label`; ``G`` is not modified.
    """
    H = G.copy()
    for _, d in H.nodes(data=True):
        d["label"] = node_label(d, lang)
    return H


def graph_to_frames(G: nx.MultiDiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the graph's nodes and edges as two DataFrames.

    The nodes frame has a ``node`` column and one column per attribute; the edges frame
    has ``source``, ``target``, ``key`` and one column per attribute.
    """
    nodes = pd.DataFrame([{"node": n, **d} for n, d in G.nodes(data=True)])
    edges = pd.DataFrame([{"source": u, "target": v, "key": k, **d}
                          for u, v, k, d in G.edges(keys=True, data=True)])
    return nodes, edges


def write_graphml(G: nx.MultiDiGraph, path: str | Path, *, lang: str | None = None) -> Path:
    """Write ``G`` to a GraphML file (parent folders are created); return the path.

    With ``lang``, every node's ``label`` is written in that language (:func:`with_labels`);
    without, the graph is written as it is.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(G if lang is None else with_labels(G, lang), path, named_key_ids=True)
    return path


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML file written by :func:`write_graphml` back into a graph."""
    G = nx.MultiDiGraph(nx.read_graphml(Path(path), force_multigraph=True))
    for extra in ("node_default", "edge_default"):
        G.graph.pop(extra, None)
    return G


def write_gexf(G: nx.MultiDiGraph, path: str | Path, *, lang: str | None = None) -> Path:
    """Write ``G`` to a GEXF 1.2 file for Gephi (parent folders are created); return the path.

    Edge keys are stored in the edge ``id`` so the file reads back with the same keys.
    GEXF keeps the graph's ``name`` but not its other graph-level attributes. With
    ``lang``, every node's label is written in that language (:func:`with_labels`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    H = G.copy() if lang is None else with_labels(G, lang)  # never modify the caller's graph
    for _u, _v, k, d in H.edges(keys=True, data=True):
        d["id"] = str(k)
    nx.write_gexf(H, path)
    return path


def write_node_link(G: nx.MultiDiGraph, path: str | Path, *, lang: str | None = None) -> Path:
    """Write ``G`` as networkx node-link JSON (parent folders are created); return the path.

    With ``lang``, every node's ``label`` is written in that language (:func:`with_labels`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    H = G if lang is None else with_labels(G, lang)
    path.write_text(json.dumps(nx.node_link_data(H, edges="edges"), ensure_ascii=False,
                               indent=1), encoding="utf-8")
    return path


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF file written by :func:`write_gexf` back into a graph."""
    G = nx.read_gexf(Path(path))
    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items()
                    if k not in ("mode", "node_default", "edge_default")})
    for n, d in G.nodes(data=True):
        H.add_node(n, **d)
    # networkx reads a file without parallel edges as a simple DiGraph (no keys).
    edges = (G.edges(keys=True, data=True) if G.is_multigraph()
             else ((u, v, None, d) for u, v, d in G.edges(data=True)))
    for u, v, k, d in edges:
        d = dict(d)
        key = d.pop("id", k)
        H.add_edge(u, v, key=key, **d)
    return H
