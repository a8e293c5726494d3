"""Declared ties between actors: information exchange, shared resources, joint projects.

Agreements and committee seats are ties too, but they have their own records
(:mod:`concert.agreements`, :mod:`concert.committees`). A :class:`Tie` records
what a partner declares of another: that they exchange information, share
resources (a loaned worker, a meeting room, funding), run a joint project or
refer people. A tie is directed, from the actor who declares it (``source``)
to the one it concerns (``target``), so that reciprocity can be measured;
ties of one ``project`` name group the actors of a joint project.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from concert import schema
from concert._errors import Problem, raise_if
from concert._validate import (
    where_of,
)

__all__ = ["Tie"]


@dataclass(frozen=True)
class Tie:
    """A declared tie from ``source`` to ``target``.

    Parameters
    ----------
    source, target : str
        Actor ids; they must differ.
    kind : str
        ``information``, ``resources``, ``joint_project`` or ``referral``.
    project : str
        For joint projects: the project's name, shared by the ties of one project.
    since, until : datetime.date or None
        When the tie started and ended.
    note, source_ref : str
        Free text; ``source_ref`` says where the fact comes from.
    illustrative : bool
        True when invented for illustration.
    frequency : str
        How often they work together: ``occasional``, ``monthly``, ``weekly``, or ``""``
        when unknown (:data:`concert.framework.TIE_FREQUENCIES`).
    """

    kind_name: ClassVar[str] = "tie"
    """The record kind, as the schema, the store and messages name it."""

    source: str = schema.ref("actor")
    target: str = schema.ref("actor")
    kind: str = schema.code("tie_kind")
    project: str = schema.text("", max_len=500)
    since: dt.date | None = schema.date()
    until: dt.date | None = schema.date()
    note: str = schema.text("", max_len=500)
    source_ref: str = schema.text("", max_len=500)
    illustrative: bool = schema.flag()
    frequency: str = schema.code("tie_frequency", "")

    def __post_init__(self) -> None:
        raise_if(self.problems())

    @property
    def key(self) -> str:
        """``source>target:kind``: what identifies a tie in messages."""
        return f"{self.source}>{self.target}:{self.kind}"

    def problems(self) -> list[Problem]:
        """Return the rules this tie breaks on its own."""
        w = f"{where_of(self.source)}>{where_of(self.target)}"
        out = schema.field_problems(self, w)
        if not out and self.source == self.target:
            out.append(Problem("tie.self", w))
        if not out and self.since and self.until and self.until < self.since:
            out.append(Problem("dates.order", w))
        return out

    def active_on(self, on: dt.date) -> bool:
        """True if the tie holds on ``on``."""
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)
