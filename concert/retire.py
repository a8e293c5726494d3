"""Retiring an organisation, ending an entente, seats and ties: end dates, never deletion.

An organisation that leaves the concertation is *retired*: it gets an end date
(``Actor.until``), its committee seats and declared ties still open end on the same day,
and its ententes still in force are listed as a gap, to end or to transfer to another
organisation; an entente is *ended* (``ends_on``), never retired. History keeps every
record: the map, the counts and the gaps leave them out from the retirement date
(:func:`current_region`), :func:`concert.changes.region_on` still finds them on earlier
dates.

End dates are inclusive everywhere in the model (the last day in force), so retiring on
date ``on`` writes ``on - 1 day``: the organisation is out of the map *from* ``on`` (a
retirement dated today takes effect today). See ``docs/decisions.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from concert import settings
from concert._errors import ArgumentError, Joined, Message, NotFoundError
from concert.actors import Actor
from concert.agreements import Agreement, is_current
from concert.region import RECORD_LISTS, Region, record_key, region_copy

__all__ = ["Retirement", "current_region", "end_agreement", "is_retired", "last_day",
           "retire", "retire_actor"]

RETIRABLE = ("actor", "agreement", "membership", "tie")
"""The kinds of record :func:`retire` ends (others are deleted only when entered by mistake)."""


def last_day(on: dt.date) -> dt.date:
    """The end date written for a record out of force from ``on``: the day before."""
    return on - dt.timedelta(days=1)


def is_retired(actor: Actor, on: dt.date | None = None) -> bool:
    """True if ``actor`` has left the concertation by ``on`` (default today)."""
    on = on or settings.current_date()
    return actor.until is not None and actor.until < on


@dataclass(frozen=True)
class Retirement:
    """What retiring an organisation did.

    Attributes
    ----------
    region : Region
        The region after the retirement (a new object; the input is unchanged).
    actor : Actor
        The organisation, with its end date.
    changed : tuple of (kind, before, after)
        Every record changed (the actor, its seats, its ties), for the audit and a
        confirmation.
    agreements_in_force : tuple of Agreement
        Its ententes still in force on the date: to end or transfer (a gap).
    """

    region: Region
    actor: Actor
    changed: tuple[tuple[str, Any, Any], ...]
    agreements_in_force: tuple[Agreement, ...]


def _ended(record: Any, field: str, on: dt.date) -> Any:
    """``record`` with ``field`` ended the day before ``on`` (kept if it already ended)."""
    end = last_day(on)
    current = getattr(record, field)
    if current is not None and current <= end:
        return record
    start = getattr(record, "since", None) or getattr(record, "signed_on", None)
    if start is not None and start > end:
        end = start  # begun on or after the date: it lasted its first day only
    return dataclasses.replace(record, **{field: end})


def retire_actor(region: Region, actor_id: str, *, on: dt.date | None = None) -> Retirement:
    """Retire organisation ``actor_id`` from ``on`` (default today).

    Its end date, and that of its seats and declared ties still open, becomes the day
    before ``on``; its ententes in force on ``on`` are listed to be ended or transferred.

    Raises
    ------
    concert.NotFoundError
        If the region has no such organisation.
    """
    on = on or settings.current_date()
    out = region_copy(region)
    actor = region.actor(actor_id)
    changed: list[tuple[str, Any, Any]] = []
    new_actor = _ended(actor, "until", on)
    if new_actor is not actor:
        changed.append(("actor", actor, new_actor))
    out.actors = [new_actor if a is actor else a for a in region.actors]
    for kind, ends in (("membership", lambda m: m.actor == actor_id),
                       ("tie", lambda t: actor_id in (t.source, t.target))):
        attr = RECORD_LISTS[kind]
        items = []
        for rec in getattr(region, attr):
            new = _ended(rec, "until", on) if ends(rec) else rec
            if new is not rec:
                changed.append((kind, rec, new))
            items.append(new)
        setattr(out, attr, items)
    in_force = tuple(g for g in region.agreements if actor_id in g.actor_ids
                     and is_current(g, on))
    return Retirement(out, new_actor, tuple(changed), in_force)


def end_agreement(region: Region, agreement_id: str, *, on: dt.date | None = None) -> Region:
    """The region with entente ``agreement_id`` ended: out of force from ``on``."""
    on = on or settings.current_date()
    ag = region.agreement(agreement_id)
    out = region_copy(region)
    out.agreements = [_ended(g, "ends_on", on) if g is ag else g for g in region.agreements]
    return out


def retire(region: Region, kind: str, ids: Iterable[str], on: dt.date) -> Region:
    """End the records ``ids`` of ``kind`` from ``on``: the one entry point for retiring.

    ``actor``: :func:`retire_actor` (seats and ties too); ``agreement``:
    :func:`end_agreement`; ``membership`` and ``tie``: their end date, the ids being their
    keys (:func:`concert.region.record_key`). Returns a new region.

    Raises
    ------
    concert.ArgumentError
        If ``kind`` cannot be retired.
    concert.NotFoundError
        If an id is not in the region.
    """
    if kind not in RETIRABLE:
        raise ArgumentError("retire.kind", kind=Message(f"kind.{kind}"),
                            expected=Joined([Message(f"kind.{k}") for k in RETIRABLE]))
    out = region
    for rid in ids:
        if kind == "actor":
            out = retire_actor(out, rid, on=on).region
        elif kind == "agreement":
            out = end_agreement(out, rid, on=on)
        else:
            attr = RECORD_LISTS[kind]
            items = getattr(out, attr)
            if not any(record_key(kind, r) == rid for r in items):
                raise NotFoundError("retire.no_record", kind=Message(f"kind.{kind}"), record=rid,
                                    region=region.code)
            out = region_copy(out)
            setattr(out, attr, [_ended(r, "until", on) if record_key(kind, r) == rid else r
                                for r in items])
    return out


def current_region(region: Region, on: dt.date | None = None) -> Region:
    """The region as the map, the counts and the gaps show it on ``on`` (default today).

    Without the organisations retired by then, nor their seats, ties and ententes; every
    other record as it is (ended ties and ententes keep their dates, as on the map).
    """
    on = on or settings.current_date()
    gone = {a.id for a in region.actors if is_retired(a, on)}
    if not gone:
        return region
    out = region_copy(region)
    out.actors = [a for a in region.actors if a.id not in gone]
    out.memberships = [m for m in region.memberships if m.actor not in gone]
    out.ties = [t for t in region.ties if t.source not in gone and t.target not in gone]
    out.agreements = [g for g in region.agreements if not gone & set(g.actor_ids)]
    return out
