"""The map's geometry (dashboards.map.layout), by itself: positions and label columns."""

from __future__ import annotations

import ast
import itertools
import math
import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboards.map import layout
from dashboards.map.layout import MIN_DISTANCE, LayoutNode, label_columns, positions, spread

SECTORS = ("housing", "municipal", "health", "community", "users")


@st.composite
def regions(draw: st.DrawFn, max_actors: int = 160) -> list[LayoutNode]:
    """Nodes of a region: programs, actors of any sector, committees, agreements III."""
    n_prog = draw(st.integers(0, 3))
    n_act = draw(st.integers(0, max_actors))
    nodes = [LayoutNode(f"p{i}", "actor", "program", f"program|p{i}") for i in range(n_prog)]
    sectors = draw(st.lists(st.sampled_from(SECTORS), min_size=n_act, max_size=n_act))
    nodes += [LayoutNode(f"a{i}", "actor", s, f"t|{i:04d}") for i, s in enumerate(sectors)]
    nodes += [LayoutNode(f"committee:c{i}", "committee") for i in range(draw(st.integers(0, 6)))]
    anchors = [n.id for n in nodes if n.kind == "actor"] + ["missing"]
    n_iii = draw(st.integers(0, max(n_act, 1)))
    picks = draw(st.lists(st.sampled_from(anchors), min_size=n_iii, max_size=n_iii))
    nodes += [LayoutNode(f"III-{i}", "agreement_III", anchor=a) for i, a in enumerate(picks)]
    return nodes


def _min_distance(pos: dict[str, tuple[float, float, float]]) -> float:
    pts = [(x, y) for x, y, _ in pos.values()]
    return min((math.dist(a, b) for a, b in itertools.combinations(pts, 2)), default=math.inf)


@settings(max_examples=60, deadline=None)
@given(regions())
def test_every_node_is_placed_and_none_overlap(nodes: list[LayoutNode]) -> None:
    pos = positions(nodes)
    assert set(pos) == {n.id for n in nodes}
    assert _min_distance(pos) >= MIN_DISTANCE - 1e-9
    assert all(math.isfinite(v) for p in pos.values() for v in p)


@settings(max_examples=40, deadline=None)
@given(regions(), st.randoms(use_true_random=False))
def test_positions_do_not_depend_on_the_order_of_the_nodes(nodes: list[LayoutNode],
                                                          rnd: random.Random) -> None:
    shuffled = list(nodes)
    rnd.shuffle(shuffled)
    assert positions(shuffled) == positions(nodes)
    layout._positions.cache_clear()  # computed again, not read from the cache
    assert positions(nodes) == positions(shuffled)


@settings(max_examples=30, deadline=None)
@given(regions(max_actors=60))
def test_actors_sit_by_sector_in_the_fixed_order(nodes: list[LayoutNode]) -> None:
    """Going clockwise from the top, the sectors come in SECTOR_ORDER (one ring)."""
    pos = positions(nodes)
    actors = [n for n in nodes if n.kind == "actor" and n.sector != "program"]
    clockwise = sorted(actors, key=lambda n: (math.pi / 2 - pos[n.id][2]) % (2 * math.pi))
    ranks = [layout.SECTOR_ORDER.index(n.sector) for n in clockwise]
    assert ranks == sorted(ranks)


def test_a_large_region_fits_and_keeps_nodes_apart() -> None:
    rnd = random.Random(1)
    nodes = [LayoutNode("prog", "actor", "program")]
    nodes += [LayoutNode(f"a{i}", "actor", rnd.choice(SECTORS), f"t|{i}") for i in range(2000)]
    nodes += [LayoutNode(f"committee:{c}", "committee") for c in ("g", "s", "p")]
    nodes += [LayoutNode(f"III-{i}", "agreement_III", anchor=f"a{rnd.randrange(2000)}")
              for i in range(1000)]
    pos = positions(nodes)
    # No pair closer than MIN_DISTANCE, checked on a grid (the pairs are too many).
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x, y, _ in pos.values():
        cells.setdefault((math.floor(x), math.floor(y)), []).append((x, y))
    for (cx, cy), pts in cells.items():
        near = [p for dx in (-1, 0, 1) for dy in (-1, 0, 1) for p in cells.get((cx + dx,
                                                                                 cy + dy), [])]
        for a in pts:
            assert all(a == b or math.dist(a, b) >= MIN_DISTANCE - 1e-9 for b in near)
    radius = max(math.hypot(x, y) for x, y, _ in pos.values())
    assert radius < 60  # the map stays compact: about 3,000 nodes in a disc of radius 60


def test_an_agreement_iii_sits_near_its_worker() -> None:
    nodes = [LayoutNode("prog", "actor", "program")]
    nodes += [LayoutNode(f"a{i}", "actor", SECTORS[i % 5], f"t|{i}") for i in range(40)]
    nodes.append(LayoutNode("III-1", "agreement_III", anchor="a7"))
    pos = positions(nodes)
    d = {a: math.dist(pos["III-1"][:2], pos[a][:2]) for a in pos if a.startswith("a")}
    assert min(d, key=lambda a: d[a]) == "a7"


def test_filtering_never_moves_nodes() -> None:
    """The page draws a subset of the full layout: positions are of the whole set."""
    nodes = [LayoutNode(f"a{i}", "actor", SECTORS[i % 5], f"t|{i}") for i in range(30)]
    full = positions(nodes)
    again = positions(list(reversed(nodes)))
    assert all(full[k] == again[k] for k in full)


def test_label_columns_are_ordered_spaced_and_outside_the_ring() -> None:
    ring = [(f"n{i}", 5 * math.cos(a), 5 * math.sin(a))
            for i, a in enumerate(2 * math.pi * k / 40 for k in range(40))]
    labels, pitch = label_columns(ring)
    assert {lab.id for lab in labels} == {n for n, _, _ in ring}
    assert pitch > 0
    for align in ("left", "right"):
        col = [lab for lab in labels if lab.align == align]
        ys = [lab.y for lab in col]
        assert ys == sorted(ys, reverse=True)
        assert all(a - b >= pitch - 1e-9 for a, b in itertools.pairwise(ys))
        assert all(abs(lab.x) > 5 for lab in col)  # beyond the ring
        # Each leader line runs from its node to its label.
        for lab in col:
            node = next((x, y) for n, x, y in ring if n == lab.id)
            assert lab.leader[:2] == node
            assert abs(lab.leader[3] - lab.y) < 1e-9


@given(st.lists(st.floats(-1, 1), min_size=1, max_size=40), st.floats(0.01, 0.2))
def test_spread_keeps_the_pitch_within_bounds_when_there_is_room(targets: list[float],
                                                                 pitch: float) -> None:
    targets = sorted(targets, reverse=True)
    ys = spread(targets, -1.0, 1.0, pitch)
    assert len(ys) == len(targets)
    assert all(a - b >= pitch - 1e-9 for a, b in itertools.pairwise(ys))
    if pitch * (len(ys) - 1) <= 2.0:
        assert all(-1.0 - 1e-9 <= y <= 1.0 + 1e-9 for y in ys)


def test_layout_uses_the_standard_library_only() -> None:
    source = Path(layout.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported
