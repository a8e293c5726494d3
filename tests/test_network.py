"""Network measures against values computed by hand on small graphs."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from concert import Actor, Committee, Membership, Region, Tie
from concert import network as nw


def two_cliques() -> nx.Graph:
    """Two K4 joined by the bridge a-b: {a, a1, a2, a3} and {b, b1, b2, b3}."""
    G = nx.Graph()
    left, right = ["a", "a1", "a2", "a3"], ["b", "b1", "b2", "b3"]
    for group, sector in ((left, "housing"), (right, "health")):
        for n in group:
            G.add_node(n, sector=sector)
        G.add_edges_from((u, v) for i, u in enumerate(group) for v in group[i + 1:])
    G.add_edge("a", "b")
    return G


def two_sectors() -> nx.Graph:
    """Sector A {1, 2}, sector B {3, 4}; internal 1-2 and 3-4, external 1-3, 2-4, 1-4."""
    G = nx.Graph()
    G.add_nodes_from([(1, {"sector": "A"}), (2, {"sector": "A"}), (3, {"sector": "B"}),
                      (4, {"sector": "B"})])
    G.add_edges_from([(1, 2), (3, 4), (1, 3), (2, 4), (1, 4)])
    return G


def test_star_is_fully_centralized():
    S = nx.star_graph(5)
    assert nw.degree_centralization(S) == 1.0
    assert nw.betweenness_centralization(S) == pytest.approx(1.0)


def test_complete_graph_is_not_centralized():
    K = nx.complete_graph(6)
    assert nw.degree_centralization(K) == 0.0
    assert nw.betweenness_centralization(K) == pytest.approx(0.0)


def test_tiny_graphs_have_zero_centralization():
    assert nw.degree_centralization(nx.path_graph(2)) == 0.0
    assert nw.betweenness_centralization(nx.empty_graph(1)) == 0.0


def test_two_cliques_by_hand():
    G = two_cliques()
    # Degrees: a and b have 4, the six others 3: sum(4 - d) = 6 over (7 * 6) = 42.
    assert nw.degree_centralization(G) == pytest.approx(6 / 42)
    # a lies on the paths from its 3 clique-mates to the 4 nodes across: 12 pairs of 21.
    m = nw.actor_measures(G).set_index("actor")
    assert m.loc["a", "betweenness"] == pytest.approx(12 / 21)
    assert m.loc["a1", "betweenness"] == 0.0
    # Distances: 12 pairs at 1 inside the cliques, a-b at 1, 6 pairs at 2, 9 pairs at 3.
    assert nw.average_path_length(G) == pytest.approx(52 / 28)
    assert nw.articulation_points(G) == ["a", "b"]
    assert bool(m.loc["a", "articulation"]) and not bool(m.loc["a2", "articulation"])
    # Betweenness centralization: (6 * 12/21) / 7 since the 6 non-bridge nodes have 0.
    assert nw.betweenness_centralization(G) == pytest.approx(6 * (12 / 21) / 7)


def test_ei_index_two_sectors_by_hand():
    G = two_sectors()
    ei = nw.ei_index(G)
    assert ei["overall"] == pytest.approx((3 - 2) / 5)   # 3 external, 2 internal ties
    assert ei["A"] == pytest.approx((3 - 1) / 4)         # A touches 3 external, 1 internal
    assert ei["B"] == pytest.approx(0.5)
    assert nw.intersectoral_share(G) == pytest.approx(3 / 5)
    M = nw.mixing_matrix(G)
    assert M.loc["A", "A"] == 1 and M.loc["B", "B"] == 1
    assert M.loc["A", "B"] == 3 and M.loc["B", "A"] == 3


def test_ei_index_extremes():
    G = nx.Graph()
    G.add_nodes_from([(1, {"sector": "A"}), (2, {"sector": "B"}), (3, {"sector": "C"})])
    G.add_edge(1, 2)
    ei = nw.ei_index(G)
    assert ei["overall"] == 1.0 and math.isnan(ei["C"])  # C has no tie at all
    H = nx.Graph()
    H.add_nodes_from([(1, {"sector": "A"}), (2, {"sector": "A"})])
    H.add_edge(1, 2)
    assert nw.ei_index(H)["overall"] == -1.0


def test_brokerage_on_a_star():
    m = nw.actor_measures(nx.relabel_nodes(nx.star_graph(4), str)).set_index("actor")
    # The hub's four contacts are not tied to each other: effective size 4,
    # constraint 4 * (1/4)^2 = 0.25. A spoke depends entirely on the hub: constraint 1.
    assert m.loc["0", "effective_size"] == pytest.approx(4.0)
    assert m.loc["0", "constraint"] == pytest.approx(0.25)
    assert m.loc["1", "constraint"] == pytest.approx(1.0)
    assert m.loc["0", "closeness"] == pytest.approx(1.0)
    # Harmonic closeness of a spoke: 1 (hub) + 3 * 1/2 (other spokes) over n - 1 = 4.
    assert m.loc["1", "closeness"] == pytest.approx(2.5 / 4)


def test_reciprocity_of_declared_ties():
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    assert nw.reciprocity(D) == pytest.approx(2 / 3)
    assert math.isnan(nw.reciprocity(nx.DiGraph()))


def small() -> Region:
    r = Region("t", "Test")
    for aid, kind in (("h1", "omh"), ("h2", "obnl"), ("c1", "community_org"),
                      ("c2", "community_org"), ("s1", "cisss")):
        r.add_actor(Actor(aid, aid.upper(), kind, territories=("Nord" if aid != "s1" else "Sud",)))
    r.add_committee(Committee("g", "gestion"))
    for aid in ("h1", "c1", "s1"):
        r.add_membership(Membership("g", aid))
    r.add_tie(Tie("c1", "c2", "information"))
    r.add_tie(Tie("c2", "c1", "information"))
    r.add_tie(Tie("h1", "h2", "resources"))
    return r


def test_actor_graph_projects_committees_and_ties():
    G = nw.actor_graph(small())
    assert G.number_of_nodes() == 5
    # Committee of 3 members: 3 pairs; ties c1-c2 (declared twice, one edge), h1-h2.
    assert G.number_of_edges() == 5
    assert G.edges["c1", "c2"]["weight"] == 2
    assert G.edges["h1", "c1"]["kinds"] == ("committee",)


def test_measures_recomputed_on_filtered_subnetworks():
    r = small()
    only_info = nw.actor_graph(r, kinds=["information"])
    assert only_info.number_of_edges() == 1
    housing = nw.actor_graph(r, sectors=["housing"])
    assert sorted(housing.nodes) == ["h1", "h2"]
    assert nw.summary(housing)["density"] == 1.0
    south = nw.actor_graph(r, territories=["Sud"])
    assert list(south.nodes) == ["s1"] and nw.summary(south)["isolates"] == 1


def test_summary_keys_and_reciprocity():
    r = small()
    s = nw.summary(nw.actor_graph(r), declared=nw.declared_ties_graph(r))
    assert s["actors"] == 5 and s["ties"] == 5 and s["components"] == 1
    # Declared ties c1->c2, c2->c1, h1->h2: two of three are returned.
    assert s["reciprocity"] == pytest.approx(2 / 3)
    assert 0 <= s["intersectoral_share"] <= 1


def test_empty_graph_summary_is_defined():
    s = nw.summary(nx.Graph())
    assert s["actors"] == 0 and s["density"] == 0.0 and math.isnan(s["average_path_length"])
    assert nw.actor_measures(nx.Graph()).empty


def test_example_region_hub_is_the_program(example):
    G = nw.actor_graph(example)
    m = nw.actor_measures(G)
    assert m.iloc[0]["actor"] == "cem"
    assert "cem" in nw.articulation_points(G)
