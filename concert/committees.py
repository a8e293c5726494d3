"""Committees (comité de gestion, de sélection, de pratiques) and their memberships.

The source names three committees (section VII, L2268-2278): the management
committee (comité de gestion: ten partners in Capitale-Nationale, guarantor of
the program's neutrality), the selection committee (comité de sélection:
designated yearly by the management committee, both sectors represented) and
the practice committee (comité de pratiques: co-development on anonymised
cases, with permanent seats and occasional participants).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from concert._errors import Problem, raise_if
from concert._validate import (
    check_bool,
    check_code,
    check_date,
    check_id,
    check_text,
    short,
    where_of,
)

__all__ = ["Committee", "Membership"]


@dataclass(frozen=True)
class Committee:
    """A committee of the region.

    Parameters
    ----------
    id : str
        Identifier unique in the region.
    kind : str
        ``gestion``, ``selection``, ``pratiques`` or ``other``.
    name : str
        Its name (defaults to the kind's label when empty).
    mandate, note, source : str
        Free text.
    meetings_per_year : int or None
        How often it meets, when known.
    illustrative : bool
        True when invented for illustration.
    """

    id: str
    kind: str
    name: str = ""
    mandate: str = ""
    meetings_per_year: int | None = None
    note: str = ""
    source: str = ""
    illustrative: bool = False

    def __post_init__(self) -> None:
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this committee breaks on its own."""
        w = where_of(self.id)
        out = check_id(self.id, "id", w) + check_code(self.kind, "committee_kind", "kind", w)
        for name in ("name", "mandate", "note", "source"):
            out += check_text(getattr(self, name), name, w)
        out += check_bool(self.illustrative, "illustrative", w)
        m = self.meetings_per_year
        if m is not None and (not isinstance(m, int) or isinstance(m, bool) or not 0 <= m <= 366):
            out.append(Problem("committee.meetings", w, value=short(m, 20)))
        return out


@dataclass(frozen=True)
class Membership:
    """An organisation's seat on a committee.

    Parameters
    ----------
    committee : str
        The committee's id.
    actor : str
        The member organisation's actor id.
    seat : str
        ``permanent`` or ``ad_hoc`` (occasional participation, comité de pratiques).
    person : str
        The organisation's representative (a contact name), if known.
    since, until : datetime.date or None
        When the seat started and ended.
    """

    committee: str
    actor: str
    seat: str = "permanent"
    person: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    source: str = ""
    illustrative: bool = False

    def __post_init__(self) -> None:
        raise_if(self.problems())

    @property
    def key(self) -> str:
        """``committee/actor``: what identifies a membership in messages."""
        return f"{self.committee}/{self.actor}"

    def problems(self) -> list[Problem]:
        """Return the rules this membership breaks on its own."""
        w = f"{where_of(self.committee)}/{where_of(self.actor)}"
        out = check_id(self.committee, "committee", w) + check_id(self.actor, "actor", w)
        out += check_code(self.seat, "seat", "seat", w)
        out += check_text(self.person, "person", w, max_len=200)
        out += check_text(self.source, "source", w)
        out += check_date(self.since, "since", w) + check_date(self.until, "until", w)
        out += check_bool(self.illustrative, "illustrative", w)
        if not out and self.since and self.until and self.until < self.since:
            out.append(Problem("dates.order", w))
        return out

    def active_on(self, on: dt.date) -> bool:
        """True if the seat is held on ``on``."""
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)
