"""Walking the guide's decision trees (Images 4 to 6), step by step.

The trees are data in :mod:`concert.framework` (:data:`~concert.framework.DECISION_TREES`):
each step is a numbered comment of the guide, each link an answer that leads to another
step, to the end of the walk, or to another tree where the guide sends there. Steps and
links the comments do not state are marked ``inferred``, and the guide's warning
(:data:`~concert.framework.CLINICAL_JUDGEMENT`) goes with every tree: the trees never
override the clinical judgement of the liaison agent and their team.

A :class:`Walk` is immutable: :func:`start` begins one, :func:`answer` returns the next,
:func:`finish` turns it into the fields of a call to record (:class:`concert.calls.Call`),
the tree, the action and the outcome filled in, and a re-evaluation date.

Examples
--------
>>> w = start("A")
>>> w.step, [link.answer for link in options(w)]
('A1', ['next'])
>>> w = answer(answer(w, "next"), "yes")   # A2: a rent non-payment
>>> w.step, w.path
('A10', ('A1', 'A2', 'A10'))
>>> draft = finish(w, on=dt.date(2025, 4, 1))
>>> draft["tree"], draft["caller_group"], draft["action"], draft["reevaluate_on"]
('A', 'tenant', 'repayment_agreement', datetime.date(2025, 5, 1))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from concert import framework as fw
from concert import i18n, settings
from concert._errors import ArgumentError

__all__ = ["Walk", "answer", "finish", "options", "reachable", "start", "tree_frame"]


@dataclass(frozen=True)
class Walk:
    """Where a walk through the trees stands.

    Attributes
    ----------
    tree : str
        The tree being walked (it changes when the guide sends to another tree).
    step : str
        The current step, or :data:`concert.framework.TREE_END` once finished.
    path : tuple of str
        The steps visited, in order (across trees).
    answers : tuple of str
        The answers given, one per link followed.
    outcome : str
        The outcome the last link suggested (a code of ``CALL_OUTCOMES``), if any.
    first_tree : str
        The tree the walk began with (the call's tree).
    """

    tree: str
    step: str
    path: tuple[str, ...]
    answers: tuple[str, ...] = ()
    outcome: str = ""
    first_tree: str = ""

    @property
    def done(self) -> bool:
        """True once the walk reached the end of a tree."""
        return self.step == fw.TREE_END

    @property
    def can_finish(self) -> bool:
        """True at the end, or at a step where the guide's walk may stop."""
        return self.done or fw.decision_tree(self.tree).step(self.step).final


def start(tree: str) -> Walk:
    """Begin a walk at the first step of tree ``tree`` (``A``, ``B`` or ``C``)."""
    t = fw.decision_tree(tree)
    return Walk(t.code, t.start, (t.start,), first_tree=t.code)


def options(walk: Walk) -> tuple[fw.TreeLink, ...]:
    """The answers the current step offers (none once the walk is done)."""
    if walk.done:
        return ()
    return fw.decision_tree(walk.tree).links_from(walk.step)


def answer(walk: Walk, given: str) -> Walk:
    """The walk after answering ``given`` at the current step.

    Only the links of :data:`concert.framework.DECISION_TREES` are followed; a link to
    another tree starts that tree at its first step.

    Raises
    ------
    concert.ArgumentError
        If the step offers no such answer (the message lists those it offers).
    """
    link = next((x for x in options(walk) if x.answer == given), None)
    if link is None:
        raise ArgumentError("tree.no_answer", step=walk.step, answer=str(given),
                            expected=", ".join(x.answer for x in options(walk)) or "-")
    outcome = link.outcome or walk.outcome
    if link.target.startswith("tree:"):
        t = fw.decision_tree(link.target[5:])
        return Walk(t.code, t.start, (*walk.path, t.start), (*walk.answers, given), outcome,
                    walk.first_tree)
    path = walk.path if link.target == fw.TREE_END else (*walk.path, link.target)
    return Walk(walk.tree, link.target, path, (*walk.answers, given), outcome,
                walk.first_tree)


def finish(walk: Walk, *, on: dt.date | None = None, days: int | None = None) -> dict[str, Any]:
    """The fields of a call prefilled from a walk, to complete and record.

    ``tree`` (the tree the walk began with), ``caller_group`` (that tree's), the last
    ``action`` a visited step describes, the ``outcome`` the links suggested
    (``in_progress`` when none), the call's date ``on`` (default today) and
    ``reevaluate_on``, ``days`` later (default: the ``call_reevaluation_days``
    parameter): the guide asks for a re-evaluation date every time (Image 4, comm. 10).
    Reasons, caller kind and the rest are the agent's to give.

    Raises
    ------
    concert.ArgumentError
        If the walk is at a step where the guide's walk does not stop.
    """
    if not walk.can_finish:
        raise ArgumentError("tree.not_final", step=walk.step)
    on = on or settings.current_date()
    days = fw.PARAMETERS["call_reevaluation_days"][0] if days is None else days
    first = fw.decision_tree(walk.first_tree)
    action = ""
    for code in walk.path:
        step = fw.decision_tree(code[0]).step(code)
        action = step.action or action
    return {"on": on, "caller_group": first.caller_group, "tree": first.code,
            "action": action, "outcome": walk.outcome or "in_progress",
            "reevaluate_on": on + dt.timedelta(days=days)}


def reachable(tree: str) -> set[str]:
    """The steps of ``tree`` reachable from its start through its own links."""
    t = fw.decision_tree(tree)
    seen = {t.start}
    todo = [t.start]
    while todo:
        for link in t.links_from(todo.pop()):
            if link.target in seen or link.target == fw.TREE_END or \
                    link.target.startswith("tree:"):
                continue
            seen.add(link.target)
            todo.append(link.target)
    return seen


def tree_frame(tree: str, *, lang: str | None = None) -> pd.DataFrame:
    """A tree as a table: one row per link (a step without links has one row).

    Columns: ``step, text, comment, source, step_inferred, answer, answer_label, target,
    link_inferred, link_source``, in ``lang``.
    """
    t = fw.decision_tree(tree)
    rows = []
    for s in t.steps:
        base = {"step": s.code, "text": i18n.step_label(s.code, lang),
                "comment": i18n.step_comment(s.code, lang), "source": s.source,
                "step_inferred": s.inferred}
        links = t.links_from(s.code) or (None,)
        for link in links:
            rows.append({**base,
                         "answer": link.answer if link else "",
                         "answer_label": i18n.answer_label(link.answer, lang) if link else "",
                         "target": link.target if link else "",
                         "link_inferred": link.inferred if link else False,
                         "link_source": link.source if link else ""})
    return pd.DataFrame(rows, columns=["step", "text", "comment", "source", "step_inferred",
                                       "answer", "answer_label", "target", "link_inferred",
                                       "link_source"])
