"""Every member answers: answers by organisation, by group, and where the two poles differ.

The secretary opens an assessment; each organisation seated on the comité de gestion
answers it (:meth:`concert.Store.submit_answers`, from an account or a personal link).
An answer's ``respondent`` is then the organisation's id and its ``respondent_group`` the
organisation's group (:data:`concert.framework.RESPONSE_GROUPS`): the social-housing pole,
the health and social-services pole, or municipal, users' and program answers, which count
in "all" and in their own group, in neither pole (seed 000, section VI: neutrality between
the two sectors; docs/decisions.md).

This module reads them:

- :func:`prefill`: an organisation's previous answers, to start from;
- :func:`participation`: answered and missing among the organisations seated;
- :func:`criterion_summary`: per criterion, number of answers, median, lowest, highest,
  for all, a group or one organisation;
- :func:`pole_divergence`: criteria whose two poles' medians differ by two levels or more;
- :func:`matrix`: the 4×3 placement (:func:`concert.indicators.maturity`, its rule
  replaceable) for all, a group or one organisation.

An anonymous assessment is read as aggregates only: no organisation's answers, and no
figure of a group with fewer than three answers (``anonymity_min_answers``).
"""

from __future__ import annotations

import dataclasses
import math

import pandas as pd

from concert import framework as fw
from concert._errors import ArgumentError
from concert.actors import Actor
from concert.indicators import Answer, Assessment, StageResult, StageRule, maturity, spread_frame
from concert.region import Region

__all__ = ["ALL", "answer_group", "criterion_summary", "group_of", "management_committee",
           "matrix", "participation", "pole_divergence", "prefill"]

ALL = "all"
"""Every answer, whatever its group."""


def group_of(actor: Actor) -> str:
    """The response group of an organisation, from its sector."""
    return fw.group_of_sector(actor.sector)


def answer_group(region: Region, answer: Answer,
                 actors: dict[str, Actor] | None = None) -> str:
    """The group an answer counts in: as kept with it, else its organisation's.

    ``actors``: the region's actors by id, when the caller has built them (many answers).
    """
    if answer.respondent_group:
        return answer.respondent_group
    actor = (region.actors_by_id() if actors is None else actors).get(answer.respondent)
    return group_of(actor) if actor is not None else "other"


def _min_answers() -> int:
    return fw.PARAMETERS["anonymity_min_answers"][0]


def _assessment(region: Region, assessment: Assessment | str | None) -> Assessment:
    return assessment if isinstance(assessment, Assessment) else region.assessment(assessment)


def prefill(region: Region, assessment: Assessment | str, organisation: str) -> tuple[Answer, ...]:
    """The organisation's answers to start from.

    Its own to this assessment if it answered, else its latest earlier ones (anonymous
    assessments keep none to start from).
    """
    current = _assessment(region, assessment)
    own = tuple(a for a in current.answers if a.respondent == organisation)
    if own and not current.anonymous:
        return own
    earlier = [a for a in region.assessments_by_date()
               if (a.on, a.id) < (current.on, current.id) and not a.anonymous]
    for past in reversed(earlier):
        answers = tuple(Answer(a.criterion, a.level, organisation, a.evidence,
                               a.respondent_group)
                        for a in past.answers if a.respondent == organisation)
        if answers:
            return answers
    return ()


def management_committee(region: Region) -> str | None:
    """The id of the region's comité de gestion (the first of kind ``gestion``), if any."""
    return next((c.id for c in region.committees if c.kind == "gestion"), None)


def participation(region: Region, assessment: Assessment | str | None = None, *,
                  committee: str | None = None,
                  receipts: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Answered and missing among the organisations seated on the committee.

    ``committee``: default the comité de gestion, seated on the assessment's date.
    ``receipts``: for an anonymous assessment, who answered
    (:meth:`concert.Store.answer_receipts`): its answers do not say.

    Columns: ``organisation, name, group, answered``.
    """
    a = _assessment(region, assessment)
    committee = committee or management_committee(region)
    seated = region.members_of(committee, a.on) if committee else []
    answered = set(receipts or ()) if a.anonymous else {x.respondent for x in a.answers}
    rows = [{"organisation": m.id, "name": m.name, "group": group_of(m),
             "answered": m.id in answered} for m in dict((m.id, m) for m in seated).values()]
    return pd.DataFrame(rows, columns=["organisation", "name", "group", "answered"])


def _subset(region: Region, a: Assessment, group: str, organisation: str | None) -> Assessment:
    if organisation is not None:
        if a.anonymous:
            raise ArgumentError("responses.anonymous_organisation", assessment=a.id)
        answers = tuple(x for x in a.answers if x.respondent == organisation)
    elif group == ALL:
        answers = a.answers
    elif group in fw.code_set("response_group"):
        by_id = region.actors_by_id()
        answers = tuple(x for x in a.answers if answer_group(region, x, by_id) == group)
    else:
        raise ArgumentError("responses.unknown_group", group=str(group),
                            expected=(ALL, *fw.codes("response_group")))
    return dataclasses.replace(a, answers=answers)


def criterion_summary(region: Region, assessment: Assessment | str | None = None, *,
                      group: str = ALL, organisation: str | None = None) -> pd.DataFrame:
    """Per criterion: answers, median, lowest, highest and spread.

    For ``group`` (default: all) or one ``organisation``.

    Columns: ``criterion, indicator, stage, answers, median, low, high, spread, status,
    hidden``. In an anonymous assessment a criterion with fewer than three answers in the
    group shows its count only (``hidden``); asking for one organisation is refused.
    """
    a = _assessment(region, assessment)
    frame = spread_frame(_subset(region, a, group, organisation))
    hidden = (frame["answers"] < _min_answers()) & (frame["answers"] > 0) if a.anonymous \
        else pd.Series(False, index=frame.index)
    frame["hidden"] = hidden
    for col in ("median", "low", "high", "spread"):
        frame[col] = frame[col].astype("float").where(~hidden)
    frame.loc[hidden, "status"] = "hidden"
    return frame


def pole_divergence(region: Region, assessment: Assessment | str | None = None, *,
                    levels: float | None = None) -> pd.DataFrame:
    """Per criterion, the two poles' medians and whether they differ by ``levels`` or more.

    ``levels``: default ``pole_divergence_levels`` (2). Columns: ``criterion, indicator,
    housing, health_social, housing_answers, health_social_answers, difference, flag``
    (the poles' medians and how many answered); a pole without answers (or, anonymous,
    with fewer than three) has no median and raises no flag.
    """
    a = _assessment(region, assessment)
    levels = fw.PARAMETERS["pole_divergence_levels"][0] if levels is None else levels
    first, second = fw.POLES
    sx = criterion_summary(region, a, group=first).set_index("criterion")
    sy = criterion_summary(region, a, group=second).set_index("criterion")
    x, y = sx["median"], sy["median"]
    rows = []
    for code in x.index:
        m1, m2 = x[code], y[code]
        diff = None if _missing(m1) or _missing(m2) else abs(float(m1) - float(m2))
        rows.append({"criterion": code, "indicator": fw.criterion(code).indicator,
                     first: None if _missing(m1) else float(m1),
                     second: None if _missing(m2) else float(m2),
                     f"{first}_answers": int(sx["answers"][code]),
                     f"{second}_answers": int(sy["answers"][code]),
                     "difference": diff, "flag": diff is not None and diff >= levels})
    return pd.DataFrame(rows, columns=["criterion", "indicator", first, second,
                                       f"{first}_answers", f"{second}_answers", "difference",
                                       "flag"])


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def matrix(region: Region, assessment: Assessment | str | None = None, *, group: str = ALL,
           organisation: str | None = None,
           rule: StageRule | None = None) -> dict[str, StageResult]:
    """The placement of each indicator (the 4×3 matrix) on a group's or one's answers.

    ``group`` (default: all) or one ``organisation``; ``rule`` as in
    :func:`concert.indicators.maturity`.

    In an anonymous assessment, one organisation, or a group (all included) with fewer
    than three respondents, is refused (:class:`concert.ArgumentError`).
    """
    a = _assessment(region, assessment)
    sub = _subset(region, a, group, organisation)
    if a.anonymous and 0 < len(sub.respondents) < _min_answers():
        raise ArgumentError("responses.too_few", group=group, n=len(sub.respondents),
                            min=_min_answers())
    return maturity(sub, rule=rule)

