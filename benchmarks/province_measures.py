"""Benchmark 2: every region's stages and every network measure, for a whole province.

Ours: for each region, the stages of every assessment (40 quarterly assessments) and the
whole-network, between-sector and per-actor measures of :mod:`concert.network` on its
actor graph (built from the region, inside the timing). Baseline, in the same run: the
same networkx calls on bare graphs already built (density, components, isolates, degree,
betweenness with the same sampling, harmonic closeness, effective size, constraint,
articulation points, average path length). Target: at most 1.5x.

Run: ``python benchmarks/province_measures.py`` (``--quick`` for 1x and 4x only).
"""

from __future__ import annotations

import functools
import random

import networkx as nx
from _util import best_of, province_db, row, scales

from concert import maturity, region_stage
from concert import network as nw
from concert.store import Store


def measure_with_concert(regions: list) -> list:
    out = []
    for r in regions:
        stages = [region_stage(maturity(a)) for a in r.assessments]
        G = nw.actor_graph(r)
        out.append((stages, nw.all_measures(G, declared=nw.declared_ties_graph(r))))
    return out


def measure_baseline(graphs: list[nx.Graph]) -> list:
    out = []
    for G in graphs:
        n = G.number_of_nodes()
        k = 200 if n > nw.EXACT_BETWEENNESS_LIMIT else None
        comp = max(nx.connected_components(G), key=len)
        H = G.subgraph(comp)
        if len(comp) <= nw.EXACT_BETWEENNESS_LIMIT:
            apl = nx.average_shortest_path_length(H)
        else:
            for s in random.Random(0).sample(sorted(comp), 200):
                nx.single_source_shortest_path_length(H, s)
            apl = None
        out.append((nx.density(G), nx.number_connected_components(G),
                    nx.number_of_isolates(G), dict(G.degree()),
                    nx.betweenness_centrality(G, k=k, seed=0 if k else None),
                    nx.harmonic_centrality(G), nx.effective_size(G), nx.constraint(G),
                    list(nx.articulation_points(G)), apl))
    return out


def main() -> None:
    print("Benchmark 2 — stages of every assessment and every network measure, whole "
          "province, vs the same networkx calls on bare graphs; target ratio <= 1.5")
    print(row("actors", "concert s", "baseline s", "ratio"))
    previous = None
    for n in scales():
        db = province_db(n)
        with Store(db) as store:
            regions = [store.load_region(c) for c, _ in store.regions()]
        bare = [nx.Graph(nw.actor_graph(r)) for r in regions]
        for G in bare:
            for _, d in G.nodes(data=True):
                d.clear()
            for _, _, d in G.edges(data=True):
                d.clear()
        repeat = 1 if n > 5000 else 3
        ours = best_of(functools.partial(measure_with_concert, regions), repeat=repeat)
        base = best_of(functools.partial(measure_baseline, bare), repeat=repeat)
        growth = f"x{ours / previous:.1f}" if previous else ""
        print(row(n, f"{ours:.2f}", f"{base:.2f}", f"{ours / base:.2f}"), growth)
        previous = ours


if __name__ == "__main__":
    main()
