"""The map's geometry: where each node and each label goes (standard library only).

Actors sit on rings, grouped by sector in a fixed order and sorted by type and name; the
program is at the centre, the committees on an inner ring (or on the actors' ring for a
small region), and the agreements III (anonymous hyperedge nodes) on bands between the
centre and the actors, each as near its worker's organisation as a free place allows.

Positions depend only on the set of nodes, never on the order they are given in, and the
layout is computed once per set (:func:`positions` is cached): the map's filters hide
nodes, so nothing moves when they change. No two nodes are closer than
:data:`MIN_DISTANCE` (in the map's units).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

__all__ = ["MIN_DISTANCE", "SECTOR_ORDER", "SINGLE_RING_MAX", "LayoutNode", "extent",
           "label_columns", "positions", "spread"]

SECTOR_ORDER = ("housing", "municipal", "health", "community", "users", "program")
SINGLE_RING_MAX = 90      # up to this many actors, one ring with label columns
SPACING = 1.25            # between neighbouring actors on a ring
RING_STEP = 1.125         # between two rings of actors
BAND_SPACING = 1.0        # between agreements III on a band, and between two bands
MIN_DISTANCE = 1.0        # no two nodes closer than this
LABEL_GAP = 0.08          # between the ring and the label columns, in ring radii

Position = tuple[float, float, float]   # x, y and the angle of the node seen from the centre


class LayoutNode(NamedTuple):
    """What the layout needs to know of a node.

    ``kind`` is ``actor``, ``committee`` or ``agreement_III``; ``sort`` orders the actors
    of a sector; ``anchor`` is, for an agreement III, its worker's organisation (``""``
    when unknown).
    """

    id: str
    kind: str
    sector: str = ""
    sort: str = ""
    anchor: str = ""


def _polar(r: float, a: float) -> Position:
    return (r * math.cos(a), r * math.sin(a), a)


def _sector_rank(sector: str) -> int:
    return SECTOR_ORDER.index(sector) if sector in SECTOR_ORDER else len(SECTOR_ORDER)


def positions(nodes: tuple[LayoutNode, ...] | list[LayoutNode]) -> dict[str, Position]:
    """Positions ``(x, y, angle)`` of ``nodes``, by id.

    Deterministic, and independent of the order of ``nodes``.

    Examples
    --------
    >>> pos = positions([LayoutNode("p", "actor", "program"),
    ...                  LayoutNode("a", "actor", "housing", "omh|a")])
    >>> pos["p"]
    (0.0, 0.0, 0.0)
    >>> round(math.hypot(*pos["a"][:2]), 2)
    5.0
    """
    return _positions(tuple(sorted(set(nodes))))


@lru_cache(maxsize=16)
def _positions(nodes: tuple[LayoutNode, ...]) -> dict[str, Position]:
    actors = [k for k in nodes if k.kind == "actor"]
    programs = sorted((k for k in actors if k.sector == "program"), key=lambda k: k.id)
    others = sorted((k for k in actors if k.sector != "program"),
                    key=lambda k: (_sector_rank(k.sector), k.sector, k.sort, k.id))
    committees = sorted((k for k in nodes if k.kind == "committee"), key=lambda k: k.id)
    iii = [k for k in nodes if k.kind == "agreement_III"]
    pos: dict[str, Position] = {}

    # The centre: the program(s).
    if len(programs) == 1:
        pos[programs[0].id] = (0.0, 0.0, 0.0)
        core = 0.0
    else:
        core = max(1.4, len(programs) * SPACING / (2 * math.pi)) if programs else 0.0
        for j, k in enumerate(programs):
            pos[k.id] = _polar(core, math.pi / 2 + 2 * math.pi * j / len(programs))

    groups: dict[str, list[LayoutNode]] = defaultdict(list)
    for k in others:
        groups[k.sector].append(k)
    single = len(others) <= SINGLE_RING_MAX
    # Committees on their own ring (larger regions), outside the centre.
    rc = 0.0
    if committees and not single:
        rc = max(core + 2.5, len(committees) * 2.0 / (2 * math.pi))
    # The bands of agreements III, from the centre outwards, enough to hold them all.
    first_band = max(core, rc) + (2.0 if iii else 0.0)
    bands: list[float] = []
    room = 0
    while room < len(iii):
        r = first_band + len(bands) * BAND_SPACING
        bands.append(r)
        room += _band_slots(r)
    inside = (bands[-1] if bands else max(core, rc)) + 1.5

    if single:
        ring = [*groups.values(), *([committees] if committees else [])]
        slots = len(others) + len(committees) + len(ring)
        radius = max(5.0, slots * SPACING / (2 * math.pi), inside)
        inner = radius
        step = 2 * math.pi / max(slots, 1)
        i = 0
        for group in ring:
            for k in group:
                pos[k.id] = _polar(radius, math.pi / 2 - i * step)
                i += 1
            i += 1
    else:
        inner = max(7.0, inside)
        _wedges(groups, inner, pos)
        for j, k in enumerate(committees):
            a = math.pi / 2 + math.pi / len(committees) + 2 * math.pi * j / len(committees)
            pos[k.id] = _polar(rc, a)
    if bands:  # the outermost band next to the actors: each agreement near its worker
        shift = inner - 1.5 - bands[-1]
        bands = [b + shift for b in bands]
    _place_agreements(iii, bands, pos)
    return pos


def _wedges(groups: dict[str, list[LayoutNode]], inner: float,
            pos: dict[str, Position]) -> None:
    """Sectors as wedges of rings from radius ``inner`` outwards, each as wide as its share.

    A wedge is never narrower than one actor's place on the first ring.
    """
    n = sum(len(g) for g in groups.values())
    gap = SPACING / inner  # an empty place between two sectors
    total = 2 * math.pi - gap * len(groups)
    least = SPACING / inner
    widths = {s: total * len(g) / n for s, g in groups.items()}
    small = {s for s, w in widths.items() if w < least}
    if small:
        rest = total - least * len(small)
        big = sum(len(g) for s, g in groups.items() if s not in small)
        widths = {s: least if s in small else rest * len(g) / big for s, g in groups.items()}
    a0 = math.pi / 2
    for sector, group in groups.items():
        width = widths[sector]
        ring, placed = 0, 0
        while placed < len(group):
            r = inner + ring * RING_STEP
            capacity = max(1, int(width * r / SPACING))
            chunk = group[placed:placed + capacity]
            for j, k in enumerate(chunk):
                pos[k.id] = _polar(r, a0 - width * (j + 0.5) / len(chunk))
            placed += len(chunk)
            ring += 1
        a0 -= width + gap


def _band_slots(r: float) -> int:
    """How many agreements III a band of radius ``r`` holds."""
    return max(1, int(2 * math.pi * r / (BAND_SPACING * 1.05)))  # (a chord is under its arc)


def _place_agreements(iii: list[LayoutNode], bands: list[float],
                      pos: dict[str, Position]) -> None:
    """Each agreement III in the free place of a band nearest its worker's organisation."""
    free: list[list[int]] = [list(range(_band_slots(r))) for r in bands]

    def anchor_point(k: LayoutNode) -> tuple[float, float]:
        x, y, _ = pos.get(k.anchor, (0.0, -1.0, 0.0))
        if math.hypot(x, y) < 1e-9:
            return (0.0, -1.0)
        return (x, y)

    def angle_of(k: LayoutNode) -> float:
        x, y = anchor_point(k)
        return math.atan2(y, x) % (2 * math.pi)

    for k in sorted(iii, key=lambda k: (angle_of(k), k.anchor, k.id)):
        ax, ay = anchor_point(k)
        want = math.atan2(ay, ax) % (2 * math.pi)
        best: tuple[float, int, int] | None = None
        for b, r in enumerate(bands):
            slots = free[b]
            if not slots:
                continue
            n = _band_slots(r)
            target = want / (2 * math.pi) * n
            i = bisect.bisect_left(slots, target)
            for s in {slots[i % len(slots)], slots[(i - 1) % len(slots)]}:
                x, y, _ = _polar(r, 2 * math.pi * s / n)
                d = math.hypot(x - ax, y - ay)
                if best is None or d < best[0] - 1e-12:
                    best = (d, b, s)
        assert best is not None  # the bands hold every agreement III
        _, b, s = best
        free[b].remove(s)
        pos[k.id] = _polar(bands[b], 2 * math.pi * s / _band_slots(bands[b]))


# --------------------------------------------------------------------------- labels
def spread(targets: list[float], low: float, high: float, pitch: float) -> list[float]:
    """Label heights near ``targets`` (sorted, descending), ``pitch`` apart, within bounds.

    Examples
    --------
    >>> spread([1.0, 0.95, 0.9], -1.0, 1.0, 0.2)
    [1.0, 0.8, 0.6000000000000001]
    """
    ys: list[float] = []
    for t in targets:
        y = min(t, high) if not ys else min(t, ys[-1] - pitch)
        ys.append(y)
    floor = low
    for i in range(len(ys) - 1, -1, -1):  # push back up what fell below the bottom
        ys[i] = max(ys[i], floor)
        floor = ys[i] + pitch
    return ys


class Label(NamedTuple):
    """A label of the ring: where its text starts, and its leader line from the node."""

    id: str
    x: float
    y: float
    align: str          # "left" (the text runs rightwards from x) or "right"
    leader: tuple[float, float, float, float]


def label_columns(ring: list[tuple[str, float, float]]) -> tuple[list[Label], float]:
    """Labels of a ring's nodes ``(id, x, y)`` in two columns, left and right of the ring.

    Horizontal, evenly spaced and each tied to its node by a leader line: horizontal text
    reads best on a projector. Returns the labels and their pitch (the height between two
    of them, in the map's units).
    """
    if not ring:
        return [], 0.0
    radius = max(math.hypot(x, y) for _, x, y in ring)
    column_x = radius * (1 + LABEL_GAP)
    half = radius * 1.04
    out: list[Label] = []
    pitches = []
    for side in (1, -1):
        part = sorted((n for n in ring if (n[1] >= -1e-9) == (side == 1)),
                      key=lambda n: (-n[2], n[0]))
        if not part:
            continue
        pitch = min(2 * half / len(part), 0.16 * radius)
        pitches.append(pitch)
        ys = spread([n[2] for n in part], -half, half, pitch)
        for (node, x, y), ly in zip(part, ys, strict=True):
            lx = side * column_x
            out.append(Label(node, lx, ly, "left" if side == 1 else "right",
                             (x, y, lx - side * radius * 0.015, ly)))
    return out, min(pitches)


def extent(radius: float, *, columns: bool) -> tuple[float, float]:
    """Half the width and half the height of the map around a ring of ``radius``.

    With label columns, the width is that of the columns' start: the text beyond it is
    measured and given room in the browser, where its size in the map's units is known.
    """
    r = max(radius, 1.0)
    if columns:
        return r * (1 + LABEL_GAP), r * 1.08
    return r + 1.5, r + 1.5
