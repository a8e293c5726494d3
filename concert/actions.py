"""The committee's action plan: actions adopted from the next steps, their status and log.

The guide asks, for coopération on the project's structure, for "un échéancier commun …
objectifs observables et mesurables … objectif chiffré de logements" (seed 000, Tableau 8
and its Détails, L4487-4491); seed 004 asks "à qui, quand et sur quoi rendre compte". An
:class:`Action` says what is to be done, who leads it and with whom, by when, which
criterion or gap it answers and, optionally, a measurable target tied to a program figure
(e.g. 150 people housed by 2027-03-31). Its status moves along
:data:`concert.framework.ACTION_STATUSES` with a dated log (:func:`set_status`).

Examples
--------
>>> a = Action("a1", "Adopter un échéancier commun", "cem", due=dt.date(2027, 3, 31),
...            adopted_on=dt.date(2026, 6, 1))
>>> is_late(a, dt.date(2027, 4, 1)), is_late(set_status(a, "done", dt.date(2027, 3, 1)),
...                                           dt.date(2027, 4, 1))
(True, False)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from concert import framework as fw
from concert import schema
from concert._errors import Problem, raise_if
from concert._validate import as_tuple, short, where_of
from concert.figures import Figure

__all__ = ["OPEN_STATUSES", "Action", "ActionEvent", "TargetProgress", "has_target",
           "is_late", "set_status", "status_on", "target_progress"]

OPEN_STATUSES = ("planned", "in_progress")
"""The statuses of an action still to be done (it may become late)."""


@dataclass(frozen=True)
class ActionEvent:
    """One dated entry of an action's log: its status from that day, and a note."""

    kind_name: ClassVar[str] = "action_event"
    """The record kind, as the schema, the store and messages name it."""

    on: dt.date = schema.date(required=True, column="on_date")
    status: str = schema.code("action_status")
    note: str = schema.text("")
    by: str = schema.text("", max_len=200)

    def problems(self, where: str) -> list[Problem]:
        """Return the rules this entry breaks."""
        return schema.field_problems(self, where)


@dataclass(frozen=True)
class Action:
    """An action of the committee's plan.

    Parameters
    ----------
    id : str
        Identifier unique in the region.
    title : str
        What is to be done.
    lead : str
        The organisation that leads it (an actor's id).
    partners : sequence of str
        The organisations that take part (actors' ids).
    due : datetime.date, optional
        When it is due.
    status : str
        One of :data:`concert.framework.ACTION_STATUSES` (``planned`` when adopted).
    criterion : str
        The criterion of Tableaux 7-10 it answers (``""``: none).
    gap : str
        The gap it answers (a rule code of :mod:`concert.gaps`, ``""``: none).
    target_figure : str
        The program figure its measurable target is read on (a :class:`Figure` code).
    target_value : float, optional
        The value to reach.
    target_on : datetime.date, optional
        When the target is to be reached.
    adopted_on : datetime.date, optional
        When the committee adopted it.
    log : sequence of ActionEvent
        The dated changes of status.
    note, source : str
        Free text.
    illustrative : bool
        True when invented for illustration.
    """

    kind_name: ClassVar[str] = "action"
    """The record kind, as the schema, the store and messages name it."""

    id: str = schema.ident()
    title: str = schema.text(required=True, max_len=300)
    lead: str = schema.ref("actor")
    partners: tuple[str, ...] = schema.texts(max_len=64)
    due: dt.date | None = schema.date()
    status: str = schema.code("action_status", "planned")
    criterion: str = schema.code("criterion", "", own_rule=True)
    gap: str = schema.text("", max_len=100)
    target_figure: str = schema.text("", max_len=64)
    target_value: float | None = schema.number(None)
    target_on: dt.date | None = schema.date()
    adopted_on: dt.date | None = schema.date()
    log: tuple[ActionEvent, ...] = schema.items(ActionEvent)
    note: str = schema.text("")
    source: str = schema.text("")
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        object.__setattr__(self, "partners", as_tuple(self.partners))
        object.__setattr__(self, "log", as_tuple(self.log))
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this action breaks on its own."""
        w = where_of(self.id)
        out = schema.field_problems(self, w)
        if any(p.rule == "seq.type" for p in out):
            return out
        if self.criterion and (not isinstance(self.criterion, str)
                               or self.criterion not in fw.CRITERION_CODES):
            out.append(Problem("answer.criterion", w, value=short(self.criterion)))
        v = self.target_value
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))
                              or v != v or v in (float("inf"), float("-inf"))):
            out.append(Problem("figure.value", w, value=short(v, 20)))
        elif (v is None) != (self.target_figure == ""):
            out.append(Problem("action.target", w))
        for e in self.log:
            out += e.problems(w)
        if isinstance(self.due, dt.date) and isinstance(self.adopted_on, dt.date) \
                and self.due < self.adopted_on:
            out.append(Problem("dates.order", w))
        return out


@dataclass(frozen=True)
class TargetProgress:
    """An action's target against the latest figure of its code (``None``: no figure yet)."""

    action: str
    figure: str
    target: float
    target_on: dt.date | None
    value: float | None
    as_of: dt.date | None
    unit: str
    definition_fr: str
    definition_en: str

    @property
    def reached(self) -> bool:
        """True when the latest figure is at or beyond the target."""
        return self.value is not None and self.value >= self.target

    @property
    def share(self) -> float | None:
        """The latest figure as a share of the target (``None`` without figure or target 0)."""
        if self.value is None or not self.target:
            return None
        return self.value / self.target


def set_status(action: Action, status: str, on: dt.date, *, note: str = "",
               by: str = "") -> Action:
    """The action with its new ``status`` from ``on``, written in its log."""
    event = ActionEvent(on, status, note, by)
    raise_if(event.problems(where_of(action.id)))
    log = tuple(sorted((*action.log, event), key=lambda e: e.on))
    return dataclasses.replace(action, status=log[-1].status, log=log)


def status_on(action: Action, on: dt.date) -> str | None:
    """The action's status on a date: its log's last entry by then (``None``: not adopted).

    Before its first log entry an action is ``planned``; without log, its status is the
    recorded one.
    """
    entries = [e for e in action.log if e.on <= on]
    if entries:
        return entries[-1].status
    if action.adopted_on is not None and action.adopted_on > on:
        return None
    return "planned" if action.log else action.status


def is_late(action: Action, on: dt.date) -> bool:
    """True when the action is due before ``on`` and still planned or in progress."""
    return action.due is not None and action.due < on and status_on(action, on) in OPEN_STATUSES


def has_target(action: Action) -> bool:
    """True when the action carries a dated, measurable target tied to a program figure."""
    return action.target_value is not None and bool(action.target_figure) \
        and action.target_on is not None


def target_progress(action: Action, figures: Iterable[Figure], *,
                    on: dt.date | None = None) -> TargetProgress | None:
    """The action's target against the latest figure of its code (by ``on``, if given).

    ``None`` when the action has no target.
    """
    if action.target_value is None or not action.target_figure:
        return None
    series = sorted((f for f in figures if f.code == action.target_figure
                     and (on is None or f.as_of <= on)), key=lambda f: f.as_of)
    last = series[-1] if series else None
    return TargetProgress(action.id, action.target_figure, float(action.target_value),
                          action.target_on, None if last is None else float(last.value),
                          None if last is None else last.as_of,
                          "" if last is None else last.unit,
                          "" if last is None else last.definition_fr,
                          "" if last is None else last.definition_en)
