"""Assessments of the four concertation indicators, the stage rule and its explanations.

A committee assesses, on a date, each observable criterion of Tableaux 7 to 10
on the ordinal :data:`SCALE`, with an evidence note. Several respondents may
answer the same assessment: the answers to a criterion are consolidated by
their median, and their spread (lowest and highest answer) is kept.

From the consolidated answers the **stage rule** places each indicator on the
path communication → coordination → coopération, possibly *between* two
stages, and :func:`maturity` explains the placement: the criteria that put it
there, those missing for the next stage, and the source's guidance ("Détails")
and tools ("Outils") for getting there.

The default rule (:func:`source_rule`)
--------------------------------------
A criterion is **met** when its median answer is at least 2 ("observé"),
**partial** when it is 1 or 1.5 ("en émergence"), **absent** at 0 and
**unanswered** when nobody answered it.

1. Stages are cumulative: an indicator is at a stage when it has reached every
   stage before it.
2. *Communication* is the entry stage. It is reached when at least one of its
   achievement criteria is met or partial. Descriptor criteria (conflicting
   interests, independent objectives, one-way information) describe the
   starting situation, not an achievement: they never raise or lower a stage.
   An indicator whose communication criteria are all descriptors (structure,
   climat) is at communication as soon as it is assessed.
3. *Coordination* and *coopération* are reached when **all** their criteria
   are met.
4. When the next stage is not reached but at least one of its criteria is met
   or partial, the indicator stands **between** its stage and the next one
   (the guide's own Porte-Clés self-assessment puts project structure
   "between coordination and coopération", L5856-5887).
5. An indicator with no answer at all is *not assessed*.

The region's stage is the lowest position of its assessed indicators: a
region is at coordination when every indicator is. Positions are numbers:
before communication 0.5, communication 1, between 1.5, coordination 2,
between 2.5, coopération 3.

The rule is replaceable: any function ``rule(indicator, states) -> Placement``
may be passed to :func:`maturity` (see :func:`majority_rule` for an example).

References
----------
.. [1] Morin, P., Lain, G. & Vallée, A. (2020). Le programme Clés en main
   Capitale-Nationale. Section VIII.3, Tableaux 7 to 10 (L4347-4603);
   section X, Porte-Clés self-assessment (L5792-5940).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from concert import framework as fw
from concert import i18n, schema, settings
from concert._errors import MisuseError, Problem, raise_if
from concert._validate import (
    as_tuple,
    short,
    where_of,
)

__all__ = ["SCALE", "Answer", "Assessment", "CriterionState", "Placement", "StageResult",
           "compare_assessments", "criterion_states", "majority_rule", "maturity",
           "maturity_frame", "region_stage", "source_rule", "spread_frame"]

SCALE: tuple[tuple[int, str, str], ...] = (
    (0, "Non observé", "Not observed"),
    (1, "En émergence (partiellement observé)", "Emerging (partly observed)"),
    (2, "Observé", "Observed"),
    (3, "Bien établi", "Well established"),
)
"""The ordinal scale of answers: level, French label, English label."""

MET = 2
PARTIAL = 1


@dataclass(frozen=True)
class Answer:
    """One respondent's answer to one criterion.

    Parameters
    ----------
    criterion : str
        A criterion code of :data:`concert.framework.CRITERIA`, e.g. ``"climat.cooperation.2"``.
    level : int
        0 to 3 on :data:`SCALE`.
    respondent : str
        Who answered: the organisation's id when each member answers
        (:mod:`concert.responses`), a pseudonym in an anonymous assessment, a role or
        initials; ``""`` for a consensus answer.
    evidence : str
        The evidence note: what was observed, where, when.
    respondent_group : str
        The respondent's group (:data:`concert.framework.RESPONSE_GROUPS`), kept with the
        answer so that an anonymous one can still be counted in its pole; ``""``: unknown.
    """

    kind_name: ClassVar[str] = "answer"
    """The record kind, as the schema, the store and messages name it."""

    criterion: str = schema.code("criterion", own_rule=True)
    level: int = schema.integer()
    respondent: str = schema.text("", max_len=200)
    evidence: str = schema.text("")
    respondent_group: str = schema.code("response_group", "")

    def problems(self, where: str) -> list[Problem]:
        """Return the rules this answer breaks."""
        out: list[Problem] = []
        if not isinstance(self.criterion, str) or self.criterion not in fw.CRITERION_CODES:
            out.append(Problem("answer.criterion", where, value=short(self.criterion)))
        lv = self.level
        if isinstance(lv, bool) or not isinstance(lv, int) or not 0 <= lv <= 3:
            out.append(Problem("answer.level", where, value=short(lv, 20)))
        return out + schema.field_problems(self, where)


@dataclass(frozen=True)
class Assessment:
    """A dated assessment of the indicators by a committee.

    Parameters
    ----------
    id : str
        Identifier unique in the region.
    on : datetime.date
        The date of the assessment.
    answers : sequence of Answer
        At most one answer per criterion and respondent.
    label, note, source : str
        Free text (e.g. "Bilan annuel du comité de gestion").
    illustrative : bool
        True when invented for illustration.
    anonymous : bool
        Answers are read only as aggregates of at least three per group, and kept under
        pseudonyms (see :mod:`concert.responses`).
    closes_on : datetime.date, optional
        The last day to answer (personal answer links expire then by default).
    """

    kind_name: ClassVar[str] = "assessment"
    """The record kind, as the schema, the store and messages name it."""

    id: str = schema.ident()
    on: dt.date = schema.date(required=True, column="on_date")
    answers: tuple[Answer, ...] = schema.items(Answer)
    label: str = schema.text("")
    note: str = schema.text("")
    source: str = schema.text("")
    illustrative: bool = schema.flag()
    anonymous: bool = schema.flag()
    closes_on: dt.date | None = schema.date()

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", as_tuple(self.answers))
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this assessment breaks."""
        w = where_of(self.id)
        out = schema.field_problems(self, w)
        if any(p.rule == "seq.type" for p in out):
            return out
        seen = set()
        for a in self.answers:
            broken = a.problems(w)
            out += broken
            if broken:  # its criterion or respondent may not even be hashable
                continue
            key = (a.criterion, a.respondent)
            if key in seen:
                out.append(Problem("answer.duplicate", w, criterion=str(a.criterion)[:60],
                                   respondent=str(a.respondent)[:60]))
            seen.add(key)
        return out

    @property
    def respondents(self) -> tuple[str, ...]:
        """The respondents, in order of first answer."""
        return tuple(dict.fromkeys(a.respondent for a in self.answers))

    def collecting(self, on: dt.date) -> bool:
        """True while members may still answer: its last day (``closes_on``) is not past.

        An assessment still collecting answers is not yet the region's result (see
        :meth:`concert.region.Region.assessment`).
        """
        return self.closes_on is not None and self.closes_on >= on


@dataclass(frozen=True)
class CriterionState:
    """The consolidated answers to one criterion."""

    criterion: str
    levels: tuple[int, ...]
    median: float | None
    low: int | None
    high: int | None
    status: str  # met, partial, absent, unanswered
    evidence: tuple[str, ...]

    @property
    def spread(self) -> int | None:
        """Highest minus lowest answer (0 when respondents agree)."""
        return None if self.low is None or self.high is None else self.high - self.low


@dataclass(frozen=True)
class Placement:
    """Where a rule places an indicator: a ``stage`` and, if between two, ``towards``.

    ``stage`` is ``None`` before communication. ``towards`` is the next stage when the
    indicator stands between ``stage`` and it, else ``None``.
    """

    stage: str | None
    towards: str | None = None

    @property
    def position(self) -> float:
        """0.5 before communication, 1 to 3 for the stages, +0.5 when between."""
        base = 0.0 if self.stage is None else fw.stage_index(self.stage) + 1.0
        return base + (0.5 if self.towards else 0.0)

    @classmethod
    def from_position(cls, position: float) -> Placement:
        """The placement at ``position`` (inverse of :attr:`position`)."""
        whole = int(position)
        stage = fw.STAGE_ORDER[whole - 1] if whole >= 1 else None
        towards = fw.STAGE_ORDER[whole] if position - whole >= 0.5 and whole < 3 else None
        return cls(stage, towards)


StageRule = Callable[[fw.Indicator, Mapping[str, CriterionState]], Placement]


@dataclass(frozen=True)
class Note:
    """A remark on a placement, kept as a translation key and codes; rendered on demand.

    ``criteria`` are criterion codes (named in the language asked for); ``n`` and
    ``total`` count indicators.
    """

    key: str
    criteria: tuple[str, ...] = ()
    n: int = 0
    total: int = 0

    def text(self, lang: str | None = None) -> str:
        """The remark in ``lang`` (default: the settings language)."""
        return i18n.t(self.key, lang, n=self.n, total=self.total, criteria="; ".join(
            i18n.criterion_label(c, lang) for c in self.criteria))


@dataclass(frozen=True)
class StageResult:
    """An indicator's placement and its explanation.

    Attributes
    ----------
    indicator : str
        The indicator's code (``"region"`` for the region as a whole).
    assessed : bool
        False when no criterion of the indicator was answered.
    placement : Placement
        The stage and, if between two stages, the next one.
    met, partial, absent, unanswered : tuple of str
        Criterion codes by status (descriptor criteria excluded; see ``descriptors``).
    descriptors : tuple of str
        Descriptor criteria observed (they describe the communication stage).
    missing : tuple of str
        Criteria of the next stage not yet met.
    next_stage : str or None
        The stage to reach next (``None`` at coopération).
    notes : tuple of Note
        Remarks (e.g. criteria of a later stage met early), rendered by ``Note.text``.
    """

    indicator: str
    assessed: bool
    placement: Placement
    met: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    unanswered: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    next_stage: str | None = None
    notes: tuple[Note, ...] = ()

    @property
    def stage(self) -> str | None:
        """The stage reached (``None`` before communication or when not assessed)."""
        return self.placement.stage

    @property
    def between(self) -> bool:
        """True when the indicator stands between two stages."""
        return self.placement.towards is not None

    @property
    def position(self) -> float | None:
        """The placement's position, ``None`` when not assessed."""
        return self.placement.position if self.assessed else None

    def stage_label(self, lang: str | None = None) -> str:
        """The placement in words, e.g. "Entre coordination et coopération"."""
        if not self.assessed:
            return i18n.t("stage.not_assessed", lang)
        return i18n.placement_label(self.placement.stage, self.placement.towards, lang)

    def guidance(self, lang: str | None = None) -> str:
        """The source's "Détails" for the next stage (empty at coopération)."""
        if self.next_stage is None or self.indicator == "region":
            return ""
        ind = fw.indicator(self.indicator)
        details = ind.details_fr if (lang or settings.language) == "fr" else ind.details_en
        return details.get(self.next_stage, "")

    def tools(self, lang: str | None = None) -> tuple[str, ...]:
        """The tools ("Outils") the source names for this indicator."""
        if self.indicator == "region":
            return ()
        ind = fw.indicator(self.indicator)
        return ind.tools_fr if (lang or settings.language) == "fr" else ind.tools_en

    def explain(self, lang: str | None = None) -> str:
        """A paragraph saying why the indicator stands where it does and what comes next."""
        lang = lang or settings.language
        name = i18n.indicator_label(self.indicator, lang)
        lines = [f"{name} : {self.stage_label(lang)}" if lang == "fr"
                 else f"{name}: {self.stage_label(lang)}"]
        if not self.assessed:
            return lines[0]

        def crit(codes: Iterable[str]) -> str:
            return "; ".join(i18n.criterion_label(c, lang) for c in codes)

        if self.met:
            lines.append(i18n.t("explain.met", lang, criteria=crit(self.met)))
        if self.partial:
            lines.append(i18n.t("explain.partial", lang, criteria=crit(self.partial)))
        if self.descriptors:
            lines.append(i18n.t("explain.descriptors", lang, criteria=crit(self.descriptors)))
        if self.next_stage:
            lines.append(i18n.t("explain.missing", lang,
                                stage=_stage_word(self.next_stage, lang),
                                criteria=crit(self.missing) or "-"))
            if self.guidance(lang):
                lines.append(i18n.t("explain.guidance", lang, text=self.guidance(lang)))
            if self.tools(lang):
                lines.append(i18n.t("explain.tools", lang, tools="; ".join(self.tools(lang))))
        lines.extend(n.text(lang) for n in self.notes)
        return "\n".join(lines)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The result as JSON-ready data: codes, and their labels in ``lang``.

        Examples
        --------
        >>> a = Assessment("a", dt.date(2024, 1, 1), [Answer("climat.coordination.1", 3)])
        >>> d = maturity(a)["climat"].to_dict("en")
        >>> d["indicator"], d["stage"], d["stage_label"]
        ('climat', 'coordination', 'Coordination')
        """
        lang = lang or settings.language

        def crit(codes: tuple[str, ...]) -> list[dict[str, str]]:
            return [{"code": c, "label": i18n.criterion_label(c, lang)} for c in codes]

        return {
            "indicator": self.indicator, "label": i18n.indicator_label(self.indicator, lang),
            "assessed": self.assessed,
            "stage": self.stage, "towards": self.placement.towards, "position": self.position,
            "stage_label": self.stage_label(lang), "met": crit(self.met),
            "partial": crit(self.partial), "descriptors": crit(self.descriptors),
            "missing": (list(self.missing) if self.indicator == "region"
                        else crit(self.missing)),
            "next_stage": self.next_stage, "guidance": self.guidance(lang),
            "tools": list(self.tools(lang)), "notes": [n.text(lang) for n in self.notes],
        }


def criterion_states(assessment: Assessment) -> dict[str, CriterionState]:
    """Consolidate the answers of an assessment, criterion by criterion.

    Returns
    -------
    dict of str to CriterionState
        One entry per criterion of the framework (17), answered or not. The median of
        several answers may be a half level (1.5): it counts as partial.

    Examples
    --------
    >>> a = Assessment("a", dt.date(2024, 1, 1), [Answer("climat.coordination.1", 3, "A"),
    ...                                           Answer("climat.coordination.1", 1, "B")])
    >>> s = criterion_states(a)["climat.coordination.1"]
    >>> s.median, s.spread, s.status
    (2.0, 2, 'met')
    """
    by: dict[str, list[Answer]] = {c.code: [] for c in fw.CRITERIA}
    for a in assessment.answers:
        by[a.criterion].append(a)
    out = {}
    for code, answers in by.items():
        levels = tuple(a.level for a in answers)
        if not levels:
            out[code] = CriterionState(code, (), None, None, None, "unanswered", ())
            continue
        med = float(statistics.median(levels))
        status = "met" if med >= MET else "partial" if med >= PARTIAL else "absent"
        out[code] = CriterionState(code, levels, med, min(levels), max(levels), status,
                                   tuple(a.evidence for a in answers if a.evidence))
    return out


def source_rule(indicator: fw.Indicator, states: Mapping[str, CriterionState]) -> Placement:
    """The default stage rule, after the guide's Tableaux 7 to 10 (see the module docstring)."""
    comm = [c for c in indicator.criteria_at("communication") if not c.descriptor]
    if comm and not any(states[c.code].status in ("met", "partial") for c in comm):
        return Placement(None, "communication")
    for stage in ("coordination", "cooperation"):
        crits = [c for c in indicator.criteria_at(stage) if not c.descriptor]
        statuses = [states[c.code].status for c in crits]
        if all(s == "met" for s in statuses):
            continue
        previous = fw.STAGE_ORDER[fw.stage_index(stage) - 1]
        towards = stage if any(s in ("met", "partial") for s in statuses) else None
        return Placement(previous, towards)
    return Placement("cooperation")


def majority_rule(indicator: fw.Indicator, states: Mapping[str, CriterionState]) -> Placement:
    """An alternative rule: a stage is reached when more than half its criteria are met.

    Given as an example of a user-supplied rule; no "between" placements except
    before communication.
    """
    reached: str | None = None
    for stage in fw.STAGE_ORDER:
        crits = [c for c in indicator.criteria_at(stage) if not c.descriptor]
        if not crits:
            reached = stage
            continue
        met = sum(states[c.code].status == "met" for c in crits)
        if met * 2 > len(crits):
            reached = stage
        else:
            break
    return Placement(reached, None if reached else "communication")


def _explain(indicator: fw.Indicator, states: Mapping[str, CriterionState],
             placement: Placement) -> StageResult:
    crits = indicator.criteria
    by_status: dict[str, list[str]] = {"met": [], "partial": [], "absent": [], "unanswered": []}
    descriptors = []
    for c in crits:
        st = states[c.code].status
        if c.descriptor:
            if st in ("met", "partial"):
                descriptors.append(c.code)
            continue
        by_status[st].append(c.code)
    nxt = placement.towards
    if nxt is None:
        idx = -1 if placement.stage is None else fw.stage_index(placement.stage)
        nxt = fw.STAGE_ORDER[idx + 1] if idx + 1 < len(fw.STAGE_ORDER) else None
    missing = tuple(c.code for c in indicator.criteria_at(nxt) if not c.descriptor
                    and states[c.code].status != "met") if nxt else ()
    notes = []
    reach = fw.stage_index(nxt) if nxt else len(fw.STAGE_ORDER)
    early = tuple(c.code for c in crits if not c.descriptor and fw.stage_index(c.stage) > reach
                  and states[c.code].status == "met")
    if early:
        notes.append(Note("explain.early", early))
    return StageResult(indicator.code, True, placement, tuple(by_status["met"]),
                       tuple(by_status["partial"]), tuple(by_status["absent"]),
                       tuple(by_status["unanswered"]), tuple(descriptors), missing, nxt,
                       tuple(notes))


def maturity(assessment: Assessment, *, rule: StageRule | None = None,
             lang: str | None = None) -> dict[str, StageResult]:
    """Place each indicator of an assessment, with its explanation.

    Parameters
    ----------
    assessment : Assessment
        The assessment to read.
    rule : callable, optional
        ``rule(indicator, states) -> Placement``; default :func:`source_rule`.
    lang : str, optional
        Accepted for compatibility and ignored: results hold codes, and their texts
        (``explain``, ``stage_label``, ``to_dict``, notes) are rendered in the language
        each of those is asked for.

    Returns
    -------
    dict of str to StageResult
        One entry per indicator, in the framework's order.

    Notes
    -----
    Runs in time linear in the number of answers.
    """
    rule = rule or source_rule
    states = criterion_states(assessment)
    out = {}
    for ind in fw.INDICATORS:
        if all(states[c.code].status == "unanswered" for c in ind.criteria):
            out[ind.code] = StageResult(ind.code, False, Placement(None),
                                        unanswered=tuple(c.code for c in ind.criteria),
                                        next_stage="communication")
            continue
        placement = rule(ind, states)
        if not isinstance(placement, Placement):
            raise MisuseError("indicators.rule_type", expected="Placement",
                              got=type(placement).__name__)
        out[ind.code] = _explain(ind, states, placement)
    return out


def region_stage(results: Mapping[str, StageResult]) -> StageResult:
    """The region's placement: the lowest position among its assessed indicators.

    Returns a :class:`StageResult` whose ``indicator`` is ``"region"`` and whose
    ``missing`` lists the indicators holding the region back.
    """
    assessed = {k: r for k, r in results.items() if r.assessed}
    if not assessed:
        return StageResult("region", False, Placement(None))
    low = min(r.placement.position for r in assessed.values())
    placement = Placement.from_position(low)
    holding = tuple(k for k, r in assessed.items() if r.placement.position == low)
    notes: tuple[Note, ...] = ()
    if len(assessed) < len(results):
        notes = (Note("explain.partial_region", n=len(assessed), total=len(results)),)
    idx = -1 if placement.stage is None else fw.stage_index(placement.stage)
    nxt = placement.towards or (fw.STAGE_ORDER[idx + 1] if idx + 1 < 3 else None)
    return StageResult("region", True, placement, missing=holding, next_stage=nxt, notes=notes)


def maturity_frame(assessment: Assessment, *, rule: StageRule | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """The placement of each indicator and of the region as a table.

    Columns: ``indicator, label, stage, towards, position, stage_label, met, partial,
    missing, next_stage``; criteria columns hold counts. The last row is the region.
    """
    results = maturity(assessment, rule=rule, lang=lang)
    rows = []
    for code, r in [*results.items(), ("region", region_stage(results))]:
        rows.append({
            "indicator": code, "label": i18n.indicator_label(code, lang),
            "stage": r.stage, "towards": r.placement.towards, "position": r.position,
            "stage_label": r.stage_label(lang), "met": len(r.met), "partial": len(r.partial),
            "missing": len(r.missing), "next_stage": r.next_stage,
        })
    return pd.DataFrame(rows)


def spread_frame(assessment: Assessment) -> pd.DataFrame:
    """Per criterion: number of answers, median, lowest, highest and spread.

    Columns: ``criterion, indicator, stage, answers, median, low, high, spread, status``.
    """
    rows = []
    for code, s in criterion_states(assessment).items():
        c = fw.criterion(code)
        rows.append({"criterion": code, "indicator": c.indicator, "stage": c.stage,
                     "answers": len(s.levels), "median": s.median, "low": s.low,
                     "high": s.high, "spread": s.spread, "status": s.status})
    return pd.DataFrame(rows)


def compare_assessments(before: Assessment, after: Assessment, *,
                        rule: StageRule | None = None,
                        lang: str | None = None) -> pd.DataFrame:
    """Compare two assessments indicator by indicator.

    Columns: ``indicator, label, before, after, change, gained, lost``. ``before`` and
    ``after`` are stage labels, ``change`` the difference of positions (+0.5 per
    half-stage gained), ``gained`` and ``lost`` the criteria newly met or no longer met.
    The last row is the region.
    """
    r0 = maturity(before, rule=rule, lang=lang)
    r1 = maturity(after, rule=rule, lang=lang)
    s0, s1 = criterion_states(before), criterion_states(after)
    rows = []
    for code in [*r0.keys(), "region"]:
        a = r0[code] if code != "region" else region_stage(r0)
        b = r1[code] if code != "region" else region_stage(r1)
        crits = fw.indicator(code).criteria if code != "region" else fw.CRITERIA
        gained = [c.code for c in crits if not c.descriptor and s1[c.code].status == "met"
                  and s0[c.code].status != "met"]
        lost = [c.code for c in crits if not c.descriptor and s0[c.code].status == "met"
                and s1[c.code].status != "met"]
        change = (b.position - a.position if a.position is not None and b.position is not None
                  else None)
        rows.append({
            "indicator": code, "label": i18n.indicator_label(code, lang),
            "before": a.stage_label(lang), "after": b.stage_label(lang), "change": change,
            "gained": "; ".join(i18n.criterion_label(c, lang) for c in gained),
            "lost": "; ".join(i18n.criterion_label(c, lang) for c in lost),
        })
    return pd.DataFrame(rows)


def _stage_word(stage: str, lang: str | None) -> str:
    word = i18n.label("stage", stage, lang)
    return word.lower() if (lang or settings.language) == "fr" else word
