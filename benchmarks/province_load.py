"""Benchmark 1: load a whole province from SQLite into the library's objects and graphs.

Baseline, measured in the same run: the same rows read with the standard ``sqlite3``
module into plain tuples, and a bare networkx graph built from them (actors as nodes;
agreement parties, committee seats and ties as edges). Target: at most 2x the baseline.
Also prints the peak resident memory of the whole-province load, and how time grows
from 1x to 4x to 16x (the largest is a province of 20,000 organisations in 17 regions).

Run: ``python benchmarks/province_load.py`` (``--quick`` for 1x and 4x only).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import networkx as nx

from _util import best_of, peak_rss_mb, province_db, row, scales
from concert.graph import region_to_graph
from concert.store import Store


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


def main() -> None:
    print("Benchmark 1 — load a province from SQLite (objects + graphs) vs sqlite3 tuples "
          "+ bare networkx graph; target ratio <= 2.0")
    print(row("actors", "concert s", "baseline s", "ratio", "peak MB"))
    previous = None
    for n in scales():
        db = province_db(n)
        ours = best_of(lambda: load_with_concert(db))
        base = best_of(lambda: load_baseline(db))
        rss = peak_rss_mb(lambda: load_with_concert(db))
        growth = f"x{ours / previous:.1f}" if previous else ""
        print(row(n, f"{ours:.3f}", f"{base:.3f}", f"{ours / base:.2f}", f"{rss:.0f}"),
              growth)
        previous = ours


if __name__ == "__main__":
    main()
