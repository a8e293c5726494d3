"""Merging two people's changes to one region, record by record.

When two people load the same region and both save, the second save must not
erase what the first one wrote. :func:`three_way_merge` compares, record by
record, what the second person loaded (the *baseline*), what the store now holds
(*theirs*: the first person's save, a new assessment...) and what the second
person is saving (*mine*):

- a record only *mine* changed, added or removed takes my version;
- a record only *theirs* changed, added or removed takes theirs;
- a record both changed the same way is kept once;
- a record both changed differently is a conflict: nothing is merged.

The region's own fields (name, territories, note, source) follow the same rule.

Examples
--------
>>> import datetime as dt
>>> from concert import Actor, Assessment, Region
>>> from concert.region import Baseline
>>> loaded = Region("demo", "Démo")
>>> loaded.add_actor(Actor("omh", "OMH de Démo", "omh"))
>>> base = Baseline.of(loaded)
>>> theirs = Region("demo", "Démo", actors=list(loaded.actors),
...                 assessments=[Assessment("bilan", dt.date(2026, 1, 1), [])])
>>> mine = Region("demo", "Démo", actors=[Actor("omh", "OMH de Démo", "omh", note="vu")])
>>> merged = three_way_merge(base, theirs, mine)
>>> merged.actors[0].note, [a.id for a in merged.assessments]
('vu', ['bilan'])
"""

from __future__ import annotations

import dataclasses
from typing import Any

from concert._errors import StoreError
from concert.region import RECORD_LISTS, Baseline, Region, record_key, region_meta

__all__ = ["MergeConflict", "three_way_merge"]


class MergeConflict(StoreError):
    """Both sides changed the same records differently; ``keys`` names them (``kind:key``)."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(", ".join(keys))
        self.keys = keys


_GONE = object()


def _pick(base: Any, theirs: Any, mine: Any) -> Any:
    """The merged value of one record (``_GONE`` if absent), or raise ``LookupError``."""
    if mine is base or mine == base:
        return theirs
    if theirs is base or theirs in (base, mine):
        return mine
    raise LookupError


def _keyed(region: Region) -> list[dict[str, Any]]:
    return [{record_key(kind, rec): rec for rec in getattr(region, attr)}
            for kind, attr in RECORD_LISTS.items()]


def three_way_merge(baseline: Baseline, theirs: Region, mine: Region) -> Region:
    """Merge the changes ``mine`` made to ``baseline`` into ``theirs``.

    Parameters
    ----------
    baseline : Baseline
        What ``mine`` was loaded from.
    theirs : Region
        What the store holds now.
    mine : Region
        The region being saved.

    Returns
    -------
    Region
        A new region: ``mine``'s records in ``mine``'s order, each as merged, followed
        by the records only ``theirs`` added, in their order. It is not checked: the
        caller checks the rules between records.

    Raises
    ------
    MergeConflict
        If both sides changed one record (or the region's own fields) differently.
    """
    conflicts: list[str] = []
    try:
        meta = _pick(baseline.meta, region_meta(theirs), region_meta(mine))
    except LookupError:
        conflicts.append("region")
        meta = region_meta(mine)
    lists: dict[str, list[Any]] = {}
    for (kind, attr), base_items, their_map, my_map in zip(
            RECORD_LISTS.items(), baseline.lists, _keyed(theirs), _keyed(mine), strict=True):
        base_map = {record_key(kind, rec): rec for rec in base_items}
        out = []
        for key in [*my_map, *(k for k in their_map if k not in my_map)]:
            try:
                value = _pick(base_map.get(key, _GONE), their_map.get(key, _GONE),
                              my_map.get(key, _GONE))
            except LookupError:
                conflicts.append(f"{kind}:{key}")
                continue
            if value is not _GONE:
                out.append(value)
        lists[attr] = out
    if conflicts:
        raise MergeConflict(conflicts)
    name, territories, note, source = meta
    merged = dataclasses.replace(mine, name=name, territories=territories, note=note,
                                 source=source)
    for attr, items in lists.items():
        setattr(merged, attr, items)
    return merged
