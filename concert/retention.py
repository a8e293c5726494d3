"""How long tenant codes are kept, and which ententes III have outlived that period.

Québec's private-sector privacy law (Law 25, *Loi sur la protection des renseignements
personnels dans le secteur privé*, art. 23) asks that personal information be destroyed
once the purpose it was collected for is met, subject to the retention periods set by
law. In concert the only personal information is the tenant's pseudonymous code of an
entente III (and its id, which may come from a file number). The administrator sets a
retention period in months (:meth:`concert.Store.set_retention_months`); an entente III
whose end is older than that period goes, with its rows of the audit trail and of the
access log (:meth:`concert.Store.purge`, ``concert purge``).

This module holds the rule, over plain records; the store applies it.

- An entente III *ended* on its end date (:meth:`concert.Agreement.end_date`); one whose
  status is expired or terminated without an end date cannot be dated: it is kept and
  listed, so that someone gives it its end date.
- An entente III renewed by another that is kept stays too: the renewal names it.
- An entente III removed from its region (or whose region was deleted) lives on in the
  audit trail: it ended on its end date, or on the day it was removed if that came first.
- A call to the liaison agent (:class:`concert.calls.Call`) may hold a tenant code and
  falls under the same period: it ended on its re-evaluation date, or on its own date when
  it has none or that came later (:func:`ended_calls`).

Examples
--------
>>> import datetime as dt
>>> cutoff(24, dt.date(2025, 3, 31))
datetime.date(2023, 3, 31)
>>> cutoff(1, dt.date(2025, 3, 31))
datetime.date(2025, 2, 28)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from concert import settings
from concert._errors import ArgumentError
from concert.agreements import Agreement, effective_status
from concert.calls import Call

__all__ = ["MAX_MONTHS", "Ended", "EndedCall", "PurgePlan", "PurgeResult", "Selection",
           "check_months", "cutoff", "ended_agreements", "ended_calls", "removed_agreement_end"]

MAX_MONTHS = 1200
"""The longest retention period accepted (100 years): beyond, it is a typing error."""

ENDED = ("expired", "terminated")


def check_months(months: Any) -> int:
    """``months`` if it is a whole number of months from 1 to :data:`MAX_MONTHS`.

    Raises
    ------
    concert.ArgumentError
        Otherwise, saying what is accepted.
    """
    if isinstance(months, bool) or not isinstance(months, int) or not (
            1 <= months <= MAX_MONTHS):
        raise ArgumentError("retention.bad_months", value=str(months)[:20], max=MAX_MONTHS)
    return months


def cutoff(months: int, today: dt.date | None = None) -> dt.date:
    """The date ``months`` months before ``today`` (the day clamped to the month's end).

    An entente III that ended before this date has outlived the retention period.
    """
    today = today or settings.current_date()
    total = today.year * 12 + (today.month - 1) - check_months(months)
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Selection:
    """What the retention rule makes of one region's ententes III.

    Attributes
    ----------
    ended : dict
        Agreement id -> the date it ended: these go.
    undated : tuple of str
        Ententes III expired or terminated without an end date: kept until dated.
    kept : dict
        Agreement id -> the id of the kept entente that renews it.
    """

    ended: dict[str, dt.date]
    undated: tuple[str, ...]
    kept: dict[str, str]


def ended_agreements(agreements: Iterable[Agreement], before: dt.date,
                     today: dt.date | None = None) -> Selection:
    """The ententes III of a region that ended before ``before``, by the rules above.

    Parameters
    ----------
    agreements : iterable of Agreement
        A region's agreements (other types are ignored).
    before : datetime.date
        The cut-off (:func:`cutoff`).
    today : datetime.date, optional
        The day the statuses are read on (default: :func:`concert.settings.current_date`).
    """
    agreements = list(agreements)
    ended: dict[str, dt.date] = {}
    undated: list[str] = []
    for g in agreements:
        if g.type != "III":
            continue
        end = g.end_date()
        if end is not None:
            if end < before:
                ended[g.id] = end
        elif effective_status(g, today) in ENDED:
            undated.append(g.id)
    renewers: dict[str, list[str]] = {}
    for g in agreements:
        if g.renews:
            renewers.setdefault(g.renews, []).append(g.id)
    kept: dict[str, str] = {}
    changed = True
    while changed:  # a kept renewal keeps what it renews, and so on down the chain
        changed = False
        for gid in list(ended):
            staying = [r for r in renewers.get(gid, ()) if r not in ended]
            if staying:
                kept[gid] = staying[0]
                del ended[gid]
                changed = True
    return Selection(ended, tuple(undated), kept)


def ended_calls(calls: Iterable[Call], before: dt.date) -> dict[str, dt.date]:
    """Call id -> the day it ended, for the calls that ended before ``before``.

    A call ends on its re-evaluation date, or on its own date if it has none.
    """
    out: dict[str, dt.date] = {}
    for c in calls:
        end = max(c.on, c.reevaluate_on) if c.reevaluate_on is not None else c.on
        if end < before:
            out[c.id] = end
    return out


@dataclass(frozen=True)
class EndedCall:
    """One call to the liaison agent that has outlived the retention period."""

    region: str
    call: str
    ended_on: dt.date


def removed_agreement_end(last: Mapping[str, Any], removed_on: dt.date) -> dt.date:
    """When an entente III no longer in its region ended, from its last recorded state.

    Its end date (``ends_on``, ISO text as the audit trail keeps it), or the day it was
    removed if that came first or it had none.
    """
    ends = last.get("ends_on")
    try:
        end = dt.date.fromisoformat(ends) if isinstance(ends, str) and ends else None
    except ValueError:
        end = None
    return min(end, removed_on) if end is not None else removed_on


@dataclass(frozen=True)
class Ended:
    """One entente III that has outlived the retention period.

    Attributes
    ----------
    region : str
        Its region's code.
    agreement : str
        Its id.
    ended_on : datetime.date
        When it ended.
    in_region : bool
        False when it is only in the audit trail (removed from its region).
    audit_rows, log_rows : int
        Its rows in the audit trail and in the access log, which go with it.
    """

    region: str
    agreement: str
    ended_on: dt.date
    in_region: bool = True
    audit_rows: int = 0
    log_rows: int = 0


@dataclass(frozen=True)
class PurgePlan:
    """What a purge removes, to be shown before it is confirmed.

    Attributes
    ----------
    months : int
        The retention period.
    cutoff : datetime.date
        Ententes III that ended before this date go.
    today : datetime.date
        The day the plan was made for.
    items : tuple of Ended
        What goes, by region and end date.
    undated : tuple of (str, str)
        ``(region, agreement)`` kept because their end is not dated.
    kept : tuple of (str, str, str)
        ``(region, agreement, renewed by)`` kept because a kept entente renews them.
    calls : tuple of EndedCall
        Calls to the liaison agent that go (:func:`ended_calls`).
    """

    months: int
    cutoff: dt.date
    today: dt.date
    items: tuple[Ended, ...] = ()
    undated: tuple[tuple[str, str], ...] = ()
    kept: tuple[tuple[str, str, str], ...] = ()
    calls: tuple[EndedCall, ...] = ()

    def goes(self) -> set[tuple[str, str]]:
        """``(region, agreement)`` of each entente III that goes."""
        return {(e.region, e.agreement) for e in self.items}

    def calls_going(self) -> set[tuple[str, str]]:
        """``(region, call)`` of each call to the liaison agent that goes."""
        return {(c.region, c.call) for c in self.calls}


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed.

    Attributes
    ----------
    agreements : int
        Ententes III removed (from their region or from the audit trail only).
    audit_rows, log_rows : int
        Rows removed from the audit trail and from the access log.
    compacted : bool
        True if the file was rewritten afterwards (``VACUUM``), leaving no trace of the
        removed rows in its free space; false when another program held it.
    """

    agreements: int
    audit_rows: int
    log_rows: int
    compacted: bool
    calls: int = 0
