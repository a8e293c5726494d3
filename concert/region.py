"""A region: its actors, agreements, committees, ties, assessments and figures, as one object.

:class:`Region` holds plain lists of the model's records and checks, as each
is added, the rules that involve several of them (an agreement's parties exist
and are of the right kind, a membership names a known committee, ...).
:meth:`Region.problems` checks everything at once, for data built by hand.

Examples
--------
>>> from concert import Actor, Agreement, Party
>>> r = Region("demo", "Région de démonstration")
>>> r.add_actor(Actor("cem", "Clés en main", "program"))
>>> r.add_actor(Actor("omh", "OMH de Démo", "omh"))
>>> r.add_agreement(Agreement("e1", "I", [Party("housing_provider", "omh"),
...                                       Party("program", "cem")], signed_on=dt.date(2020, 1, 1)))
>>> len(r.agreements)
1
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from concert._errors import NotFoundError, Problem, raise_if
from concert._validate import as_tuple, check_id, check_text, where_of
from concert.actors import Actor
from concert.agreements import Agreement, agreement_problems
from concert.committees import Committee, Membership
from concert.figures import Figure
from concert.indicators import Assessment
from concert.ties import Tie

__all__ = ["Region"]


@dataclass
class Region:
    """A region and everything recorded about its concertation.

    Parameters
    ----------
    code : str
        Identifier of the region in a store (e.g. ``"03"`` or ``"capitale-nationale"``).
    name : str
        Its name.
    territories : sequence of str
        The territories the program covers.
    note, source : str
        Free text.
    """

    code: str
    name: str
    territories: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    actors: list[Actor] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    committees: list[Committee] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.territories = as_tuple(self.territories)
        w = where_of(self.code)
        out = check_id(self.code, "code", w) + check_text(self.name, "name", w, required=True,
                                                           max_len=200)
        out += check_text(self.note, "note", w) + check_text(self.source, "source", w)
        if not isinstance(self.territories, tuple) or not all(
                isinstance(t, str) and t.strip() for t in self.territories):
            out.append(Problem("seq.type", w, field="territories", kind="str"))
        raise_if(out)

    # ---------------------------------------------------------------- look-ups
    def actor(self, actor_id: str) -> Actor:
        """Return the actor ``actor_id``; raise :class:`NotFoundError` if there is none."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise NotFoundError(f"no actor {actor_id!r} in region {self.code!r}")

    def actors_by_id(self) -> dict[str, Actor]:
        """The actors keyed by id."""
        return {a.id: a for a in self.actors}

    def agreement(self, agreement_id: str) -> Agreement:
        """Return the agreement ``agreement_id``; raise :class:`NotFoundError` if none."""
        for a in self.agreements:
            if a.id == agreement_id:
                return a
        raise NotFoundError(f"no agreement {agreement_id!r} in region {self.code!r}")

    def committee(self, committee_id: str) -> Committee:
        """Return the committee ``committee_id``; raise :class:`NotFoundError` if none."""
        for c in self.committees:
            if c.id == committee_id:
                return c
        raise NotFoundError(f"no committee {committee_id!r} in region {self.code!r}")

    def assessment(self, assessment_id: str | None = None) -> Assessment:
        """Return the assessment ``assessment_id``, or the latest one when not given."""
        if not self.assessments:
            raise NotFoundError(f"region {self.code!r} has no assessment")
        if assessment_id is None:
            return max(self.assessments, key=lambda a: (a.on, a.id))
        for a in self.assessments:
            if a.id == assessment_id:
                return a
        raise NotFoundError(f"no assessment {assessment_id!r} in region {self.code!r}")

    def assessments_by_date(self) -> list[Assessment]:
        """The assessments, oldest first."""
        return sorted(self.assessments, key=lambda a: (a.on, a.id))

    def members_of(self, committee_id: str, on: dt.date | None = None) -> list[Actor]:
        """The actors seated on a committee (on date ``on`` if given)."""
        by = self.actors_by_id()
        return [by[m.actor] for m in self.memberships if m.committee == committee_id
                and (on is None or m.active_on(on))]

    # ---------------------------------------------------------------- adding
    def add_actor(self, actor: Actor) -> None:
        """Add an actor; its id must be new."""
        raise_if(self._actor_problems(actor, self.actors))
        self.actors.append(actor)

    def add_agreement(self, agreement: Agreement) -> None:
        """Add an agreement after checking it against the region (see :mod:`concert.agreements`)."""
        raise_if(self._agreement_problems(agreement, self.agreements))
        self.agreements.append(agreement)

    def add_committee(self, committee: Committee) -> None:
        """Add a committee; its id must be new."""
        raise_if(self._committee_problems(committee, self.committees))
        self.committees.append(committee)

    def add_membership(self, membership: Membership) -> None:
        """Seat an actor on a committee; both must exist."""
        raise_if(self._membership_problems(membership, self.memberships))
        self.memberships.append(membership)

    def add_tie(self, tie: Tie) -> None:
        """Add a declared tie; both actors must exist."""
        raise_if(self._tie_problems(tie, self.ties))
        self.ties.append(tie)

    def add_assessment(self, assessment: Assessment) -> None:
        """Add an assessment; its id must be new."""
        raise_if(self._assessment_problems(assessment, self.assessments))
        self.assessments.append(assessment)

    def add_figure(self, figure: Figure) -> None:
        """Add a program figure; (code, date) must be new."""
        raise_if(self._figure_problems(figure, self.figures))
        self.figures.append(figure)

    # ---------------------------------------------------------------- checks
    def problems(self) -> list[Problem]:
        """Check every record against the others; return every broken rule."""
        out: list[Problem] = []
        checks = [
            (self.actors, Actor, self._actor_problems),
            (self.committees, Committee, self._committee_problems),
            (self.agreements, Agreement, self._agreement_problems),
            (self.memberships, Membership, self._membership_problems),
            (self.ties, Tie, self._tie_problems),
            (self.assessments, Assessment, self._assessment_problems),
            (self.figures, Figure, self._figure_problems),
        ]
        for items, kind, check in checks:
            if not isinstance(items, list) or not all(isinstance(i, kind) for i in items):
                out.append(Problem("seq.type", self.code, field=kind.__name__, kind=kind.__name__))
                continue
            for i, item in enumerate(items):
                out += check(item, items[:i])  # type: ignore[operator]
        return out

    def validate(self) -> None:
        """Raise :class:`concert.ValidationError` listing every broken rule, if any."""
        raise_if(self.problems())

    def _actor_problems(self, actor: Actor, before: list[Actor]) -> list[Problem]:
        if not isinstance(actor, Actor):
            return [Problem("seq.type", self.code, field="actor", kind="Actor")]
        if any(a.id == actor.id for a in before):
            return [Problem("duplicate", actor.id, kind="actor")]
        return []

    def _agreement_problems(self, ag: Agreement, before: list[Agreement]) -> list[Problem]:
        if not isinstance(ag, Agreement):
            return [Problem("seq.type", self.code, field="agreement", kind="Agreement")]
        if any(a.id == ag.id for a in before):
            return [Problem("duplicate", ag.id, kind="agreement")]
        # An agreement III may rely on an agreement II recorded after it in the list.
        others = [a for a in self.agreements if a.id != ag.id] if ag.type == "III" else before
        return agreement_problems(ag, self.actors_by_id(), others)

    def _committee_problems(self, c: Committee, before: list[Committee]) -> list[Problem]:
        if not isinstance(c, Committee):
            return [Problem("seq.type", self.code, field="committee", kind="Committee")]
        if any(x.id == c.id for x in before):
            return [Problem("duplicate", c.id, kind="committee")]
        return []

    def _membership_problems(self, m: Membership, before: list[Membership]) -> list[Problem]:
        if not isinstance(m, Membership):
            return [Problem("seq.type", self.code, field="membership", kind="Membership")]
        out = []
        if not any(c.id == m.committee for c in self.committees):
            out.append(Problem("unknown_committee", m.key, committee=m.committee))
        if not any(a.id == m.actor for a in self.actors):
            out.append(Problem("unknown_actor", m.key, actor=m.actor))
        if any((x.committee, x.actor, x.since) == (m.committee, m.actor, m.since) for x in before):
            out.append(Problem("duplicate", m.key, kind="membership"))
        return out

    def _tie_problems(self, t: Tie, before: list[Tie]) -> list[Problem]:
        if not isinstance(t, Tie):
            return [Problem("seq.type", self.code, field="tie", kind="Tie")]
        ids = {a.id for a in self.actors}
        out = [Problem("unknown_actor", t.key, actor=x) for x in (t.source, t.target)
               if x not in ids]
        if any((x.source, x.target, x.kind, x.project, x.since) ==
               (t.source, t.target, t.kind, t.project, t.since) for x in before):
            out.append(Problem("duplicate", t.key, kind="tie"))
        return out

    def _assessment_problems(self, a: Assessment, before: list[Assessment]) -> list[Problem]:
        if not isinstance(a, Assessment):
            return [Problem("seq.type", self.code, field="assessment", kind="Assessment")]
        if any(x.id == a.id for x in before):
            return [Problem("duplicate", a.id, kind="assessment")]
        return []

    def _figure_problems(self, f: Figure, before: list[Figure]) -> list[Problem]:
        if not isinstance(f, Figure):
            return [Problem("seq.type", self.code, field="figure", kind="Figure")]
        if any((x.code, x.as_of) == (f.code, f.as_of) for x in before):
            return [Problem("duplicate", f"{f.code}@{f.as_of}", kind="figure")]
        return []
