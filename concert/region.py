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
from typing import Any

from concert import i18n, settings
from concert._errors import NotFoundError, Problem, raise_if
from concert._validate import as_tuple, check_id, check_text, fold, where_of
from concert.actions import Action, ActionEvent
from concert.actors import Actor, Contact
from concert.agreements import Agreement, Party, agreement_problems
from concert.calls import Call
from concert.commitments import CommitmentReview
from concert.committees import Committee, Membership
from concert.figures import Figure
from concert.indicators import Answer, Assessment
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
    actions: list[Action] = field(default_factory=list)
    commitments: list[CommitmentReview] = field(default_factory=list)
    revision: int = field(default=0, compare=False, repr=False)
    """The store's revision of the region when it was loaded (0: not loaded from a store)."""
    baseline: Baseline | None = field(default=None, compare=False, repr=False)
    """What the store held when the region was loaded (``None``: not loaded from a store).

    A save changes only what differs from it, so that records others saved in the
    meantime are kept (see :meth:`concert.Store.save_region`)."""

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
        raise NotFoundError("region.no_actor", actor=actor_id, region=self.code)

    def actors_by_id(self) -> dict[str, Actor]:
        """The actors keyed by id."""
        return {a.id: a for a in self.actors}

    def agreement(self, agreement_id: str) -> Agreement:
        """Return the agreement ``agreement_id``; raise :class:`NotFoundError` if none."""
        for a in self.agreements:
            if a.id == agreement_id:
                return a
        raise NotFoundError("region.no_agreement", agreement=agreement_id, region=self.code)

    def committee(self, committee_id: str) -> Committee:
        """Return the committee ``committee_id``; raise :class:`NotFoundError` if none."""
        for c in self.committees:
            if c.id == committee_id:
                return c
        raise NotFoundError("region.no_committee", committee=committee_id, region=self.code)

    def assessment(self, assessment_id: str | None = None,
                   on: dt.date | None = None) -> Assessment:
        """Return the assessment ``assessment_id``, or the region's result when not given.

        The region's result is its latest assessment that has answers and no longer
        collects them on ``on`` (default today; :meth:`Assessment.collecting`): a members'
        assessment just opened, with one answer of eleven, is not yet the region's stage.
        Without such an assessment, the latest with answers; without answers, the latest.
        """
        if not self.assessments:
            raise NotFoundError("region.no_assessment", region=self.code)
        if assessment_id is None:
            day = on or settings.current_date()
            answered = [a for a in self.assessments if a.answers]
            done = [a for a in answered if not a.collecting(day)]
            return max(done or answered or self.assessments, key=lambda a: (a.on, a.id))
        for a in self.assessments:
            if a.id == assessment_id:
                return a
        raise NotFoundError("region.no_assessment_id", assessment=assessment_id,
                            region=self.code)

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
        self._add("actor", actor)

    def add_agreement(self, agreement: Agreement) -> None:
        """Add an agreement after checking it against the region (see :mod:`concert.agreements`)."""
        self._add("agreement", agreement)

    def add_committee(self, committee: Committee) -> None:
        """Add a committee; its id must be new."""
        self._add("committee", committee)

    def add_membership(self, membership: Membership) -> None:
        """Seat an actor on a committee; both must exist."""
        self._add("membership", membership)

    def add_tie(self, tie: Tie) -> None:
        """Add a declared tie; both actors must exist."""
        self._add("tie", tie)

    def add_assessment(self, assessment: Assessment) -> None:
        """Add an assessment; its id must be new."""
        self._add("assessment", assessment)

    def add_figure(self, figure: Figure) -> None:
        """Add a program figure; (code, date) must be new."""
        self._add("figure", figure)

    def add_action(self, action: Action) -> None:
        """Add an action of the plan; its organisations must exist."""
        self._add("action", action)

    def add_commitment(self, review: CommitmentReview) -> None:
        """Add a commitment's review; its entente must exist and be of the commitment's type."""
        self._add("commitment", review)

    def _add(self, kind: str, item: object) -> None:
        items = getattr(self, RECORD_LISTS[kind])
        if not isinstance(items, list):  # a field replaced by hand with something else
            raise_if([Problem("seq.type", self.code, field=kind, kind=RECORD_TYPES[kind].__name__)])
        raise_if(self._check(kind, item, _Index.of(self)))
        items.append(item)

    # ---------------------------------------------------------------- checks
    def problems(self) -> list[Problem]:
        """Check every record against the others; return every broken rule.

        Runs in time linear in the number of records.
        """
        out: list[Problem] = []
        idx = _Index(self)
        for kind, attr in RECORD_LISTS.items():
            items = getattr(self, attr)
            if not isinstance(items, list):
                out.append(Problem("seq.type", self.code, field=kind,
                                   kind=RECORD_TYPES[kind].__name__))
                continue
            for item in items:
                out += self._check(kind, item, idx)
                idx.see(kind, item)
        return out

    def validate(self) -> None:
        """Raise :class:`concert.ValidationError` listing every broken rule, if any."""
        raise_if(self.problems())

    def _check(self, kind: str, item: object, idx: _Index) -> list[Problem]:
        cls = RECORD_TYPES[kind]
        if not isinstance(item, cls):
            return [Problem("seq.type", self.code, field=kind, kind=cls.__name__)]
        where = record_label(kind, item)
        out = []
        if record_key(kind, item).casefold() in idx.seen[kind]:  # "OMH" and "omh" are one
            out.append(Problem("duplicate", where, kind=kind))
        if kind == "actor":
            assert isinstance(item, Actor)
            other = idx.names.get(fold(item.name))
            if other is not None and other != item.id:
                out.append(Problem("actor.name_duplicate", where, other=other))
        elif kind == "agreement":
            assert isinstance(item, Agreement)
            if not out:
                out += agreement_problems(item, idx.actors, idx.agreements_ii_for(item))
        elif kind == "membership":
            assert isinstance(item, Membership)
            if item.committee not in idx.committees:
                out.append(Problem("unknown_committee", where, committee=item.committee))
            if item.actor not in idx.actors:
                out.append(Problem("unknown_actor", where, actor=item.actor))
        elif kind == "tie":
            assert isinstance(item, Tie)
            out += [Problem("unknown_actor", where, actor=x) for x in (item.source, item.target)
                    if x not in idx.actors]
        elif kind == "action":
            assert isinstance(item, Action)
            out += [Problem("unknown_actor", where, actor=x) for x in (item.lead, *item.partners)
                    if x not in idx.actors]
        elif kind == "commitment":
            assert isinstance(item, CommitmentReview)
            ag = idx.all_agreements.get(item.agreement)
            if ag is None:
                out.append(Problem("commitment.no_agreement", where, agreement=item.agreement))
            elif ag.type != item.type:
                out.append(Problem("commitment.type", where, type=ag.type))
        return out


RECORD_LISTS: dict[str, str] = {"actor": "actors", "committee": "committees",
                                "agreement": "agreements", "membership": "memberships",
                                "tie": "ties", "assessment": "assessments", "figure": "figures",
                                "action": "actions", "commitment": "commitments"}
"""Each kind of record and the :class:`Region` list that holds it, in checking order."""

RECORD_TYPES: dict[str, type] = {"actor": Actor, "committee": Committee, "agreement": Agreement,
                                 "membership": Membership, "tie": Tie,
                                 "assessment": Assessment, "figure": Figure, "action": Action,
                                 "commitment": CommitmentReview}
"""Each kind of record a region lists, and its class."""

APART_RECORD_TYPES: dict[str, type] = {"call": Call}
"""Records of a region kept apart from its lists (:data:`RECORD_LISTS`): the store holds
them in tables of their own that saving, loading, merging and exporting a region never
touch, and only the roles allowed to read them do (the liaison agent's calls,
:meth:`concert.Store.calls`)."""

ALL_RECORD_TYPES: dict[str, type] = {
    cls.kind_name: cls
    for cls in (Actor, Contact, Committee, Agreement, Party, Membership, Tie, Assessment, Answer,
                Figure, Action, ActionEvent, CommitmentReview, Call)}
"""Every kind of record, the nested ones (contact, party, answer, action_event) and
those kept apart (call) included."""


def region_copy(region: Region) -> Region:
    """A copy of ``region`` whose record lists can be changed (the records are shared).

    The revision and baseline are kept, so that a save of the copy merges as the
    original's would (:meth:`concert.Store.save_region`).
    """
    out = Region(region.code, region.name, region.territories, region.note, region.source)
    for attr in RECORD_LISTS.values():
        setattr(out, attr, list(getattr(region, attr)))
    out.revision, out.baseline = region.revision, region.baseline
    return out


def i18n_kind(kind: str, lang: str | None = None) -> str:
    """The record kind in ``lang`` (default: the settings language), for messages."""
    return i18n.t(f"kind.{kind}", lang)


def record_label(kind: str, item: Any) -> str:
    """How messages name a record.

    Its id; a seat's ``committee/actor``, a tie's ``source>target:kind``, a figure's
    ``code@date``.
    """
    if kind in ("membership", "tie"):
        return str(item.key)
    if kind == "figure":
        return f"{item.code}@{item.as_of}"
    if kind == "commitment":
        return str(item.key)
    return str(item.id)


def record_key(kind: str, item: Any) -> str:
    """The key that identifies a record of ``kind`` within its region (no two alike)."""
    if kind == "membership":
        return f"{item.committee}/{item.actor}/{_iso(item.since)}"
    if kind == "tie":
        return f"{item.source}>{item.target}:{item.kind}:{item.project}:{_iso(item.since)}"
    if kind == "figure":
        return f"{item.code}@{_iso(item.as_of)}"
    if kind == "commitment":
        return str(item.key)
    return str(item.id)


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class Baseline:
    """A region's records as loaded from the store: shallow copies of its lists.

    Records are immutable, so keeping the loaded lists costs one pointer per record;
    :meth:`records` keys them only when a save needs it.
    """

    meta: tuple[str, tuple[str, ...], str, str]
    lists: tuple[tuple[Any, ...], ...]

    @classmethod
    def of(cls, region: Region) -> Baseline:
        """The baseline of ``region`` as it is now."""
        return cls(region_meta(region),
                   tuple(tuple(getattr(region, attr)) for attr in RECORD_LISTS.values()))

    def records(self) -> dict[str, Any]:
        """The loaded records keyed by ``kind:key`` (see :func:`record_key`)."""
        return {f"{kind}:{record_key(kind, rec)}": rec
                for kind, items in zip(RECORD_LISTS, self.lists, strict=True) for rec in items}


def region_meta(region: Region) -> tuple[str, tuple[str, ...], str, str]:
    """A region's own fields (not its records): name, territories, note, source."""
    return (region.name, tuple(region.territories), region.note, region.source)


class _Index:
    """What a check needs to know of the region, built once (linear checks)."""

    def __init__(self, region: Region, *, full: bool = False) -> None:
        self.region = region
        self.seen: dict[str, set[str]] = {k: set() for k in RECORD_TYPES}
        self.names: dict[str, str] = {}  # folded actor names, for the duplicate-name rule
        # A field that is not a list is reported by problems() as seq.type; index nothing.
        lists = {k: getattr(region, f) if isinstance(getattr(region, f), list) else []
                 for k, f in RECORD_LISTS.items()}
        self.actors = {a.id: a for a in lists["actor"] if isinstance(a, Actor)}
        self.committees = {c.id for c in lists["committee"] if isinstance(c, Committee)}
        # Agreements II by organisation: an agreement III may rely on an agreement II
        # recorded after it in the list, so all of them are indexed up front.
        self._ii: dict[str, list[Agreement]] = {}
        for a in lists["agreement"]:
            if isinstance(a, Agreement) and a.type == "II":
                ref = a.party("referring_org")
                if ref is not None:
                    self._ii.setdefault(ref.actor, []).append(a)
        self._all = {a.id: a for a in lists["agreement"] if isinstance(a, Agreement)}
        self.all_agreements = self._all
        if full:
            for kind, items in lists.items():
                for item in items:
                    self.see(kind, item)

    @classmethod
    def of(cls, region: Region) -> _Index:
        """An index of everything already in the region (for adding one record)."""
        return cls(region, full=True)

    def see(self, kind: str, item: object) -> None:
        """Record ``item`` as seen, for the duplicate checks."""
        if isinstance(item, RECORD_TYPES[kind]):
            self.seen[kind].add(record_key(kind, item).casefold())
            if isinstance(item, Actor):
                self.names.setdefault(fold(item.name), item.id)

    def agreements_ii_for(self, ag: Agreement) -> list[Agreement]:
        """The agreements an agreement's check needs: II of the worker's organisation, renewed."""
        out: list[Agreement] = []
        worker = ag.party("worker")
        if worker is not None:
            out += self._ii.get(worker.actor, [])
        if ag.renews and ag.renews in self._all:
            out.append(self._all[ag.renews])
        return [a for a in out if a.id != ag.id]
