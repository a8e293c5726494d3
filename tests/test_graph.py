"""The region as a networkx graph, and its GraphML and GEXF files."""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter

import networkx as nx
import pytest

from concert import (
    graph_to_frames,
    read_gexf,
    read_graphml,
    region_to_graph,
    write_gexf,
    write_graphml,
)


def node_kinds(G) -> Counter:
    return Counter(d["kind"] for _, d in G.nodes(data=True))


def edge_kinds(G) -> Counter:
    return Counter(d["kind"] for _, _, d in G.edges(data=True))


def edges_by_key(G) -> dict:
    return {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}


# ------------------------------------------------------------------------------- structure
def test_small_region_node_kinds(small_region):
    G = region_to_graph(small_region)
    assert isinstance(G, nx.MultiDiGraph)
    # 3 actors, 1 committee, 1 agreement III node and its tenant node.
    assert node_kinds(G) == {"actor": 3, "committee": 1, "agreement_III": 1, "tenant": 1}
    assert set(G.nodes) == {"cem", "omh", "org", "committee:gestion", "agreement:III-1",
                            "tenant:III-1"}


def test_small_region_edge_kinds(small_region):
    G = region_to_graph(small_region)
    # I-1 and II-1 are edges; III-1 links 3 parties; 3 seats; 1 declared tie.
    assert edge_kinds(G) == {"agreement_I": 1, "agreement_II": 1, "agreement_III": 3,
                             "committee": 3, "information": 1}
    assert G.number_of_edges() == 9


def test_agreements_i_and_ii_point_to_the_program(small_region):
    G = region_to_graph(small_region)
    e = edges_by_key(G)
    assert e[("omh", "cem", "I-1")]["kind"] == "agreement_I"
    ii = e[("org", "cem", "II-1")]
    assert ii["kind"] == "agreement_II"
    assert (ii["status"], ii["signed_on"], ii["ends_on"]) == ("signed", "2024-01-01",
                                                               "2027-01-01")


def test_agreement_iii_is_a_node_linked_to_exactly_three_parties(small_region):
    G = region_to_graph(small_region)
    node = "agreement:III-1"
    assert G.nodes[node]["kind"] == "agreement_III"
    assert G.in_degree(node) == 0
    out = {d["party"]: v for _, v, d in G.out_edges(node, data=True)}
    assert out == {"tenant": "tenant:III-1", "worker": "org", "liaison_agent": "cem"}
    assert G.out_degree(node) == 3


def test_tenant_nodes_carry_no_code_by_default(small_region):
    G = region_to_graph(small_region)
    # Codes only: the label a person reads is rendered at the edge (node_label).
    assert G.nodes["tenant:III-1"] == {"kind": "tenant", "label": ""}
    assert all("code" not in d for _, d in G.nodes(data=True))
    # Nowhere in the graph, not even in edge attributes.
    text = repr(list(G.nodes(data=True))) + repr(list(G.edges(data=True)))
    assert "CEM-0042" not in text


def test_tenant_codes_on_request(small_region):
    G = region_to_graph(small_region, tenant_codes=True)
    assert G.nodes["tenant:III-1"]["code"] == "CEM-0042"


def test_actor_node_attributes(small_region):
    G = region_to_graph(small_region)
    org = G.nodes["org"]
    assert org["family"] == "health_social"  # community belongs to the health pole
    assert org["key_rows"] == "community_support"
    assert org["roles"] == "referring"
    assert G.nodes["cem"]["label"] == "CEM"


def test_committee_and_tie_edges(small_region):
    G = region_to_graph(small_region)
    e = edges_by_key(G)
    seat = e[("omh", "committee:gestion", "seat/gestion/omh/2023-01-01")]
    assert (seat["seat"], seat["since"], seat["until"]) == ("permanent", "2023-01-01", "")
    tie = e[("org", "cem", "tie/0")]
    assert (tie["kind"], tie["since"]) == ("information", "2023-06-01")


def test_graph_attributes(small_region):
    G = region_to_graph(small_region)
    assert G.graph == {"region": "demo", "name": "Région de démonstration", "on": "2025-01-15"}


def test_status_read_on_the_given_date(small_region):
    # On 2027-02-01 the II (signed 2024-01-01, 3-year term) has expired.
    G = region_to_graph(small_region, on=dt.date(2027, 2, 1))
    assert edges_by_key(G)[("org", "cem", "II-1")]["status"] == "expired"
    assert G.graph["on"] == "2027-02-01"


def test_attribute_values_are_plain(example):
    G = region_to_graph(example)
    for _, d in G.nodes(data=True):
        assert all(isinstance(v, (str, bool, int, float)) for v in d.values())
    for _, _, d in G.edges(data=True):
        assert all(isinstance(v, (str, bool, int, float)) for v in d.values())


def test_edge_keys_are_unique(example):
    G = region_to_graph(example)
    keys = [k for _, _, k in G.edges(keys=True)]
    assert len(keys) == len(set(keys))


def test_example_counts(example):
    G = region_to_graph(example)
    kinds = node_kinds(G)
    assert kinds["actor"] == len(example.actors)
    assert kinds["committee"] == len(example.committees)
    n_iii = sum(a.type == "III" for a in example.agreements)
    assert kinds["agreement_III"] == kinds["tenant"] == n_iii
    assert edge_kinds(G)["agreement_III"] == 3 * n_iii
    assert edge_kinds(G)["committee"] == len(example.memberships)


def test_input_region_unchanged(small_region, example):
    for region in (small_region, example):
        before = copy.deepcopy(region)
        region_to_graph(region, tenant_codes=True)
        assert region == before


# ------------------------------------------------------------------------------- files
def assert_same_graph(H, G):
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert edges_by_key(H) == edges_by_key(G)
    assert H.number_of_edges() == G.number_of_edges()


def test_graphml_round_trip(example, tmp_path):
    G = region_to_graph(example)
    path = write_graphml(G, tmp_path / "sub" / "cn.graphml")
    assert path.exists()  # parent folder created
    H = read_graphml(path)
    assert isinstance(H, nx.MultiDiGraph)
    assert_same_graph(H, G)
    assert H.graph == G.graph


def test_gexf_round_trip(example, tmp_path):
    G = region_to_graph(example)
    path = write_gexf(G, tmp_path / "sub" / "cn.gexf")
    H = read_gexf(path)
    assert isinstance(H, nx.MultiDiGraph)
    assert_same_graph(H, G)
    assert H.graph["name"] == G.graph["name"]


@pytest.mark.parametrize("writer", [write_graphml, write_gexf])
def test_writing_does_not_modify_the_graph(small_region, tmp_path, writer):
    G = region_to_graph(small_region)
    nodes, edges = dict(G.nodes(data=True)), edges_by_key(G)
    nodes = copy.deepcopy(nodes)
    edges = copy.deepcopy(edges)
    writer(G, tmp_path / "g.xml")
    assert dict(G.nodes(data=True)) == nodes
    assert edges_by_key(G) == edges


def test_tenant_codes_round_trip_only_when_asked(small_region, tmp_path):
    plain = write_graphml(region_to_graph(small_region), tmp_path / "plain.graphml")
    assert "CEM-0042" not in plain.read_text("utf-8")
    coded = write_graphml(region_to_graph(small_region, tenant_codes=True),
                          tmp_path / "coded.graphml")
    assert read_graphml(coded).nodes["tenant:III-1"]["code"] == "CEM-0042"


# ------------------------------------------------------------------------------- frames
def test_graph_to_frames_shapes(small_region):
    G = region_to_graph(small_region)
    nodes, edges = graph_to_frames(G)
    assert len(nodes) == 6 and len(edges) == 9
    assert nodes.columns[0] == "node"
    assert list(edges.columns[:3]) == ["source", "target", "key"]
    assert {"kind", "name", "label", "type", "code"} - set(nodes.columns) == {"code"}
    assert {"kind", "party", "seat", "project", "status"} <= set(edges.columns)
    assert set(nodes["node"]) == set(G.nodes)
    assert sorted(edges["key"]) == sorted(k for _, _, k in G.edges(keys=True))


def test_graph_to_frames_example(example):
    G = region_to_graph(example)
    nodes, edges = graph_to_frames(G)
    assert (len(nodes), len(edges)) == (G.number_of_nodes(), G.number_of_edges())
    assert (edges["kind"] == "agreement_III").sum() == 3 * (nodes["kind"] == "tenant").sum()


def test_gexf_round_trip_without_parallel_edges(tmp_path):
    # networkx reads such a file as a simple DiGraph; read_gexf still gives keyed edges.
    from concert import Actor, Region, Tie

    r = Region("r", "Région")
    r.add_actor(Actor("a", "A", "omh"))
    r.add_actor(Actor("b", "B", "coop"))
    r.add_tie(Tie("a", "b", "information"))
    G = region_to_graph(r)
    H = read_gexf(write_gexf(G, tmp_path / "simple.gexf"))
    assert isinstance(H, nx.MultiDiGraph)
    assert_same_graph(H, G)
    H = read_graphml(write_graphml(G, tmp_path / "simple.graphml"))
    assert_same_graph(H, G)


def test_gexf_round_trip_of_a_region_without_edges(tmp_path):
    from concert import Actor, Region

    r = Region("r", "Région")
    r.add_actor(Actor("a", "A\tde\nDémo", "omh"))
    G = region_to_graph(r)
    assert_same_graph(read_gexf(write_gexf(G, tmp_path / "g.gexf")), G)
