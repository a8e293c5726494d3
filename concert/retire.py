"""Retiring records: an end date, never a deletion.

A record the region no longer has (an organisation that left, a seat given up, a tie
that stopped, an entente that ended) is *retired*: it keeps its history and gets an end
date (``until``; ``ends_on`` for an entente). End dates are inclusive (the last day in
force), so retiring from date ``on`` writes ``on - 1 day``.

This module is the small entry point ``concert import --sync`` calls (issue 14). The
"retire an organisation" work of issue 13 carries a fuller version (an actor's seats and
ties ended with it, its ententes in force listed); the two share :func:`retire`'s
signature and the lead keeps one at merge time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from concert._errors import ArgumentError, NotFoundError
from concert.region import RECORD_LISTS, Region, record_key

__all__ = ["RETIRABLE", "last_day", "retire"]

RETIRABLE = ("actor", "agreement", "membership", "tie")
"""The kinds of record that carry an end date and can be retired."""

END_FIELD = {"actor": "until", "agreement": "ends_on", "membership": "until", "tie": "until"}


def last_day(on: dt.date) -> dt.date:
    """The end date written for a record out of force from ``on``: the day before."""
    return on - dt.timedelta(days=1)


def _ended(record: Any, field: str, on: dt.date) -> Any:
    end = getattr(record, field)
    if end is not None and end < on:  # already ended: its date is kept
        return record
    return dataclasses.replace(record, **{field: last_day(on)})


def retire(region: Region, kind: str, ids: Iterable[str], on: dt.date) -> Region:
    """End the records ``ids`` of ``kind`` from ``on`` (their keys, see ``record_key``).

    Parameters
    ----------
    region : Region
        The region; it is not changed.
    kind : str
        One of :data:`RETIRABLE`.
    ids : iterable of str
        The records' keys (an actor's or an entente's id; a seat's or a tie's key).
    on : datetime.date
        The first day the records are out of force.

    Returns
    -------
    Region
        A new region with those records ended; a record already ended keeps its date.

    Raises
    ------
    concert.ArgumentError
        If ``kind`` cannot be retired.
    concert.NotFoundError
        If an id is not in the region.
    """
    if kind not in RETIRABLE:
        raise ArgumentError("retire.kind", kind=kind, expected=", ".join(RETIRABLE))
    wanted = set(ids)
    attr = RECORD_LISTS[kind]
    items = list(getattr(region, attr))
    known = {record_key(kind, r) for r in items}
    for rid in sorted(wanted - known):
        raise NotFoundError("retire.no_record", kind=kind, record=rid, region=region.code)
    out = dataclasses.replace(region)
    out.revision = region.revision
    setattr(out, attr, [_ended(r, END_FIELD[kind], on) if record_key(kind, r) in wanted else r
                        for r in items])
    return out
