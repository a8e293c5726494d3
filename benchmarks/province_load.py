"""Benchmark 1: load a whole province from SQLite into the library's objects and graphs.

Two baselines, measured in the same run:

- *same information*: every row read with the standard ``sqlite3`` module into plain
  dicts (each column by name, lists and dates decoded), and a networkx graph with the
  same nodes, edges and attributes as :func:`concert.region_to_graph`. Target: at most
  1.5x at 1x, 4x and 16x.
- *bare*: the rows as plain tuples and a bare graph (actors as nodes; agreement parties,
  committee seats and ties as edges), reported for comparison with earlier runs.

Also prints the peak resident memory of the whole-province load, and how time grows
from 1x to 4x to 16x (the largest is a province of 20,000 organisations in 17 regions;
target: within 4.5x from 4x to 16x).

Run: ``python benchmarks/province_load.py`` (``--quick`` for 1x and 4x only).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from pathlib import Path

import networkx as nx
from _util import best_of, peak_rss_mb, province_db, row, scales

from concert import framework as fw
from concert.graph import region_to_graph
from concert.store import TABLES, Store

_LISTS = {"territories", "roles"}
_DATES = {"since", "until", "signed_on", "ends_on", "on_date", "as_of"}


def load_with_concert(db: Path) -> list:
    with Store(db) as store:
        out = []
        for code, _ in store.regions():
            region = store.load_region(code)
            out.append((region, region_to_graph(region)))
        return out


def load_baseline(db: Path) -> list:
    con = sqlite3.connect(db)
    tables = {t: con.execute(f"SELECT * FROM {t}").fetchall() for t in (
        "regions", "actors", "contacts", "agreements", "agreement_parties", "committees",
        "memberships", "ties", "assessments", "answers", "figures")}
    con.close()
    graphs: dict[str, nx.MultiDiGraph] = {r[0]: nx.MultiDiGraph() for r in tables["regions"]}
    for a in tables["actors"]:
        graphs[a[0]].add_node(a[1], name=a[3], type=a[4], sector=a[5])
    parties: dict[tuple[str, str], list[str]] = {}
    for p in tables["agreement_parties"]:
        if p[4]:
            parties.setdefault((p[0], p[1]), []).append(p[4])
    for (region, ag), actors in parties.items():
        for other in actors[1:]:
            graphs[region].add_edge(actors[0], other, key=ag)
    for m in tables["memberships"]:
        graphs[m[0]].add_edge(m[3], "committee:" + m[2])
    for t in tables["ties"]:
        graphs[t[0]].add_edge(t[2], t[3], kind=t[4])
    return [tables, graphs]


def _decoded(row: sqlite3.Row) -> dict:
    out = dict(row)
    for k in _LISTS & out.keys():
        out[k] = json.loads(out[k])
    for k in _DATES & out.keys():
        out[k] = dt.date.fromisoformat(out[k]) if out[k] else None
    return out


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def load_same_information(db: Path) -> list:
    """Rows into dicts by column name and a graph with region_to_graph's attributes."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    tables = {t: [_decoded(r) for r in con.execute(f"SELECT * FROM {t} ORDER BY rowid")]
              for t in TABLES}
    con.close()
    today = dt.date.today()
    graphs: dict[str, nx.MultiDiGraph] = {
        r["code"]: nx.MultiDiGraph(region=r["code"], name=r["name"], on=today.isoformat())
        for r in tables["regions"]}
    for a in tables["actors"]:
        graphs[a["region"]].add_node(
            a["id"], kind="actor", name=a["name"], label=a["acronym"] or a["name"],
            type=a["type"], sector=a["sector"], family=fw.sector(a["sector"]).family,
            territories="; ".join(a["territories"]), roles="; ".join(a["roles"]),
            engagement=a["engagement"], key_rows="", illustrative=bool(a["illustrative"]))
    for c in tables["committees"]:
        graphs[c["region"]].add_node(f"committee:{c['id']}", kind="committee", type=c["kind"],
                                     name=c["name"], label=c["name"],
                                     illustrative=bool(c["illustrative"]))
    parties: dict[tuple[str, str], list[dict]] = {}
    for p in tables["agreement_parties"]:
        parties.setdefault((p["region"], p["agreement"]), []).append(p)
    for ag in tables["agreements"]:
        G = graphs[ag["region"]]
        ends = ag["ends_on"]
        status = ag["status"] if not ends or ends >= today else "expired"
        dates = {"status": status, "signed_on": _iso(ag["signed_on"]), "ends_on": _iso(ends)}
        ps = parties.get((ag["region"], ag["id"]), [])
        if ag["type"] in ("I", "II"):
            by = {p["role"]: p["actor"] for p in ps}
            first = by.get("housing_provider") or by.get("referring_org")
            G.add_edge(first, by.get("program"), key=ag["id"], kind=f"agreement_{ag['type']}",
                       agreement=ag["id"], **dates)
            continue
        node = f"agreement:{ag['id']}"
        G.add_node(node, kind="agreement_III", label=f"III {ag['id']}",
                   illustrative=bool(ag["illustrative"]), **dates)
        for p in ps:
            target = f"tenant:{ag['id']}" if p["role"] == "tenant" else p["actor"]
            if p["role"] == "tenant":
                G.add_node(target, kind="tenant", label="tenant")
            G.add_edge(node, target, key=f"{ag['id']}/{p['role']}", kind="agreement_III",
                       agreement=ag["id"], party=p["role"], **dates)
    for m in tables["memberships"]:
        graphs[m["region"]].add_edge(
            m["actor"], f"committee:{m['committee']}",
            key=f"seat/{m['committee']}/{m['actor']}/{_iso(m['since'])}", kind="committee",
            seat=m["seat"], since=_iso(m["since"]), until=_iso(m["until"]))
    for i, t in enumerate(tables["ties"]):
        graphs[t["region"]].add_edge(t["source"], t["target"], key=f"tie/{i}", kind=t["kind"],
                                     project=t["project"], since=_iso(t["since"]),
                                     until=_iso(t["until"]))
    return [tables, graphs]


def main() -> None:
    print("Benchmark 1 — load a province from SQLite (objects + graphs). Baselines: the same "
          "information (rows into dicts + the same graph; target ratio <= 1.5) and bare "
          "tuples + a bare graph")
    print(row("actors", "concert s", "same info s", "ratio", "bare s", "bare ratio",
              "peak MB", "growth"))
    previous = None
    for n in scales():
        db = province_db(n)
        ours = best_of(functools.partial(load_with_concert, db))
        same = best_of(functools.partial(load_same_information, db))
        base = best_of(functools.partial(load_baseline, db))
        rss = peak_rss_mb(functools.partial(load_with_concert, db))
        growth = f"x{ours / previous:.1f}" if previous else ""
        print(row(n, f"{ours:.3f}", f"{same:.3f}", f"{ours / same:.2f}", f"{base:.3f}",
                  f"{ours / base:.2f}", f"{rss:.0f}", growth))
        previous = ours


if __name__ == "__main__":
    main()
