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
from typing import ClassVar

from concert import schema
from concert._errors import Problem, raise_if
from concert._validate import (
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

    kind_name: ClassVar[str] = "committee"
    """The record kind, as the schema, the store and messages name it."""

    id: str = schema.ident()
    kind: str = schema.code("committee_kind")
    name: str = schema.text("")
    mandate: str = schema.text("")
    meetings_per_year: int | None = schema.integer(None)
    note: str = schema.text("")
    source: str = schema.text("")
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this committee breaks on its own."""
        w = where_of(self.id)
        out = schema.field_problems(self, w)
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

    kind_name: ClassVar[str] = "membership"
    """The record kind, as the schema, the store and messages name it."""

    committee: str = schema.ref("committee")
    actor: str = schema.ref("actor")
    seat: str = schema.code("seat", "permanent")
    person: str = schema.text("", max_len=200)
    since: dt.date | None = schema.date()
    until: dt.date | None = schema.date()
    source: str = schema.text("")
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        raise_if(self.problems())

    @property
    def key(self) -> str:
        """``committee/actor``: what identifies a membership in messages."""
        return f"{self.committee}/{self.actor}"

    def problems(self) -> list[Problem]:
        """Return the rules this membership breaks on its own."""
        w = f"{where_of(self.committee)}/{where_of(self.actor)}"
        out = schema.field_problems(self, w)
        if not out and self.since and self.until and self.until < self.since:
            out.append(Problem("dates.order", w))
        return out

    def active_on(self, on: dt.date) -> bool:
        """True if the seat is held on ``on``."""
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)
