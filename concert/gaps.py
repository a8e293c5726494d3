"""Gaps checked against the framework, evidence from the data, and ranked next steps.

Each check returns a :class:`pandas.DataFrame` with one row per finding and the
columns ``rule, indicator, subject, message``: ``rule`` is a stable code (see
the table), ``indicator`` the concertation indicator the finding bears on,
``subject`` the actor, agreement or committee concerned, ``message`` a sentence
in the current language.

=============================  ===================================================
rule                           finding
=============================  ===================================================
``key_actor.missing``          no actor fills a row of the key-actor grid (Tableau 6)
``key_actor.not_at_table``     the row's actors are only identified or contacted
``agreement.I.missing``        a housing provider has no agreement I in force
``agreement.II.missing``       a referring organisation has no agreement II in force
``agreement.expiring``         an agreement in force ends within 90 days
``agreement.III.no_II``        an agreement III's worker's organisation has no
                               agreement II in force today
``governance.no_committee``    there is no management (or selection) committee
``governance.one_sided``       a management or selection committee lacks the social
                               housing or the health and social-services sector
``governance.double_role``     the carrier organisation is also a referring one
``key_actor.territory``        a territory lacks a key actor it needs (a housing
                               provider, its municipality, a referring community
                               organisation: :data:`concert.framework.KEY_ACTOR_NEEDS`)
``key_actor.region``           the region lacks a key actor it needs once (the
                               program; the other regional rows are
                               ``key_actor.missing``)
``actor.retired_in_force``     a retired organisation still has an entente in force:
                               end it or transfer it
``governance.selection_size``  a selection committee seats fewer organisations than
                               the source's four (Annexe 3, cl. 7.1.3)
``commitment.not_kept``        a commitment of an entente I or II is not kept
``commitment.review_overdue``  a commitment's review date has passed
``commitment.iii_not_kept``    ententes III's commitments not kept (a count only)
``calls.surge``                calls for one reason about one partner in a quarter
                               reach twice their mean over the four quarters before,
                               and at least 5 (:func:`call_gaps`)
=============================  ===================================================

Organisations retired by the date (:func:`concert.retire.current_region`) are left out of
every check but the last.

:func:`evidence` sets, beside the committee's own answer to a criterion, what the
data say (``supports``, ``contradicts`` or ``no data``); it never changes the
answer. :func:`next_steps` ranks, for each indicator below coopération, the
missing criteria with the guide's guidance and tools, and the concrete gaps.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pandas as pd

from concert import calls as calls_module
from concert import framework as fw
from concert import i18n, settings
from concert.actors import Actor, is_housing_provider, is_referring, key_actor_rows_of
from concert.agreements import expiring, is_current
from concert.followup import agreement_names, commitment_gaps
from concert.indicators import Assessment, criterion_states, maturity
from concert.region import Region
from concert.retire import current_region, is_retired

__all__ = ["agreement_gaps", "all_gaps", "call_gaps", "evidence", "governance_gaps",
           "key_actor_cells", "key_actor_coverage", "key_actor_grid", "meets", "next_steps",
           "retirement_gaps", "territory_gaps"]

COLUMNS = ["rule", "indicator", "subject", "message"]
ENGAGEMENT_RANK = {code: i for i, code in enumerate(fw.codes("engagement"))}


def _frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def _row(rule: str, indicator: str, subject: str, lang: str | None, **values: object) -> dict:
    return {"rule": rule, "indicator": indicator, "subject": subject,
            "message": i18n.t(f"gap.{rule}", lang, **values)}


def key_actor_coverage(region: Region, *, on: dt.date | None = None,
                       lang: str | None = None) -> pd.DataFrame:
    """The key-actor grid (Tableau 6) filled with the region's actors (retired ones apart).

    Returns
    -------
    DataFrame
        One row per grid row: ``row, label, actors`` (their labels), ``count``,
        ``best_engagement`` (code, or ``""``), ``status`` (``missing``, ``identified``,
        ``contacted``, ``at_table`` or ``signatory``).
    """
    region = current_region(region, on)
    filled: dict[str, list] = {row.code: [] for row in fw.KEY_ACTOR_ROWS}
    for a in region.actors:
        for code in key_actor_rows_of(a):
            filled[code].append(a)
    rows = []
    for row in fw.KEY_ACTOR_ROWS:
        actors = filled[row.code]
        best = max((a.engagement for a in actors), key=ENGAGEMENT_RANK.__getitem__, default="")
        rows.append({"row": row.code, "label": i18n.label("key_actor", row.code, lang),
                     "actors": "; ".join(a.label() for a in actors), "count": len(actors),
                     "best_engagement": best, "status": best or "missing"})
    return pd.DataFrame(rows)


def _key_actor_gaps(region: Region, lang: str | None) -> list[dict]:
    out = []
    for r in key_actor_coverage(region, lang=lang).to_dict("records"):
        status, row, label = str(r["status"]), str(r["row"]), str(r["label"])
        if status == "missing":
            out.append(_row("key_actor.missing", "convergence", row, lang, row=label))
        elif ENGAGEMENT_RANK[status] < ENGAGEMENT_RANK["at_table"]:
            out.append(_row("key_actor.not_at_table", "convergence", row, lang, row=label,
                            status=i18n.label("engagement", status, lang)))
    return out


def agreement_gaps(region: Region, *, on: dt.date | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """The agreements missing or ending: what the ententes leave uncovered.

    Housing providers without agreement I, referring organisations without agreement II,
    agreements expiring within 90 days, and agreements III whose worker's organisation has
    no agreement II in force on ``on`` (default today).
    """
    on = on or settings.current_date()
    region = current_region(region, on)
    current = [a for a in region.agreements if is_current(a, on)]
    with_i = {a.party("housing_provider").actor for a in current  # type: ignore[union-attr]
              if a.type == "I"}
    with_ii = {a.party("referring_org").actor for a in current  # type: ignore[union-attr]
               if a.type == "II"}
    rows = []
    for a in region.actors:
        if a.type != "program" and is_housing_provider(a) and a.id not in with_i:
            rows.append(_row("agreement.I.missing", "structure", a.id, lang, actor=a.label()))
        if is_referring(a) and a.id not in with_ii:
            rows.append(_row("agreement.II.missing", "structure", a.id, lang, actor=a.label()))
    named = agreement_names(region)
    for ag in expiring(region.agreements, on=on):
        end = ag.end_date()
        assert end is not None
        rows.append(_row("agreement.expiring", "structure", ag.id, lang,
                         agreement=named(ag.id), date=end.isoformat(), days=(end - on).days))
    for ag in current:
        worker = ag.party("worker")
        if ag.type == "III" and worker is not None and worker.actor not in with_ii:
            rows.append(_row("agreement.III.no_II", "structure", ag.id, lang, agreement=ag.id,
                             actor=worker.actor))
    return _frame(rows)


def governance_gaps(region: Region, *, on: dt.date | None = None,
                    lang: str | None = None) -> pd.DataFrame:
    """Neutrality checks: committees with both sectors, and the carrier's double role.

    The management and selection committees must each include the social-housing sector
    and the health and social-services sector (community organisations count with the
    latter): the program's neutrality rests on it (Tableau 6, L4288-4301). A carrier
    organisation that also refers tenants holds the double role the source warns about
    (L4342-4344).
    """
    on = on or settings.current_date()
    region = current_region(region, on)
    by = region.actors_by_id()
    rows = []
    for kind in ("gestion", "selection"):
        committees = [c for c in region.committees if c.kind == kind]
        if not committees:
            rows.append(_row("governance.no_committee", "convergence", kind, lang,
                             committee=i18n.label("committee_kind", kind, lang)))
        for c in committees:
            families = {fw.sector(by[m.actor].sector).family for m in region.memberships
                        if m.committee == c.id and m.active_on(on)}
            missing = [f for f in ("housing", "health_social") if f not in families]
            if missing:
                rows.append(_row("governance.one_sided", "convergence", c.id, lang,
                                 committee=c.name or i18n.label("committee_kind", kind, lang),
                                 missing=", ".join(i18n.t(f"family.{f}", lang) for f in missing)))
            seated = {m.actor for m in region.memberships if m.committee == c.id
                      and m.active_on(on)}
            size = fw.PARAMETERS["selection_committee_size"][0]
            if kind == "selection" and seated and len(seated) < size:
                rows.append(_row("governance.selection_size", "convergence", c.id, lang,
                                 committee=c.name or i18n.label("committee_kind", kind, lang),
                                 n=len(seated), size=size))
    for a in region.actors:
        if "carrier" in a.roles and "referring" in a.roles:
            rows.append(_row("governance.double_role", "climat", a.id, lang, actor=a.label()))
    return _frame(rows)


def all_gaps(region: Region, *, on: dt.date | None = None,
             lang: str | None = None) -> pd.DataFrame:
    """Every gap, in this order.

    Key actors (the grid, then by territory), agreements, governance, the ententes of
    retired organisations still in force, and the commitments not kept or whose review is
    overdue (:func:`concert.followup.commitment_gaps`).
    """
    on = on or settings.current_date()
    parts = [_frame(_key_actor_gaps(current_region(region, on), lang)),
             territory_gaps(region, on=on, lang=lang),
             agreement_gaps(region, on=on, lang=lang),
             governance_gaps(region, on=on, lang=lang),
             retirement_gaps(region, on=on, lang=lang),
             _frame(commitment_gaps(region, on=on, lang=lang))]
    return pd.concat([p for p in parts if not p.empty] or [_frame([])], ignore_index=True)


def meets(actor: Actor, need: fw.KeyActorNeed) -> bool:
    """True if ``actor`` fills the key-actor ``need`` (its type or roles, see the need)."""
    kind = actor.type in need.actor_types or any(r in actor.roles for r in need.roles)
    return kind and all(r in actor.roles for r in need.all_roles)


def _serves(actor: Actor, territory: str) -> bool:
    return territory in actor.territories


def territory_gaps(region: Region, *, on: dt.date | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """Key actors missing by territory (e.g. no OMH for Grand Portneuf), and the program.

    Each need of :data:`concert.framework.KEY_ACTOR_NEEDS` of scope ``territory`` must be
    met by an organisation serving each of the region's territories; the program must be
    in the region (the other regional needs are rows of the grid: ``key_actor.missing``).
    ``subject`` is ``need@territory`` (``need`` for the region).
    """
    region = current_region(region, on)
    rows = []
    for need in fw.KEY_ACTOR_NEEDS:
        label = i18n.label("key_actor_need", need.code, lang)
        if need.scope == "territory":
            for territory in region.territories:
                if not any(meets(a, need) and _serves(a, territory) for a in region.actors):
                    rows.append(_row("key_actor.territory", "convergence",
                                     f"{need.code}@{territory}", lang, need=label,
                                     territory=territory))
        elif need.code not in {r.code for r in fw.KEY_ACTOR_ROWS} and not any(
                meets(a, need) for a in region.actors):
            rows.append(_row("key_actor.region", "convergence", need.code, lang, need=label))
    return _frame(rows)


def retirement_gaps(region: Region, *, on: dt.date | None = None,
                    lang: str | None = None) -> pd.DataFrame:
    """Ententes still in force on ``on`` with an organisation retired by then.

    Each is to be ended or transferred to another organisation (``subject``: the entente).
    """
    on = on or settings.current_date()
    gone = {a.id: a for a in region.actors if is_retired(a, on)}
    rows = []
    for ag in region.agreements:
        for actor_id in dict.fromkeys(ag.actor_ids):
            if actor_id in gone and is_current(ag, on):
                rows.append(_row("actor.retired_in_force", "structure", ag.id, lang,
                                 agreement=ag.id, type=ag.type, actor=gone[actor_id].label()))
    return _frame(rows)


def _row_scope(row: fw.KeyActorRow) -> str:
    """``territory`` if a territory need covers the grid row's actors, else ``region``."""
    for need in fw.KEY_ACTOR_NEEDS:
        if need.scope == "territory" and set(row.actor_types) & set(need.actor_types):
            return "territory"
    return "region"


WHOLE_REGION = ""
"""The grid's column for organisations that name none of the region's territories."""


def key_actor_cells(region: Region, *, on: dt.date | None = None,
                    lang: str | None = None) -> pd.DataFrame:
    """The key-actor grid as a long table: one row per (grid row, territory, organisation).

    Columns: ``row, scope`` (``territory`` or ``region``), ``territory`` (one of the
    region's territories, or ``""`` for organisations naming none of them), ``actor``,
    ``label``, ``engagement`` (code), ``engagement_label``. Retired organisations are
    left out. An empty cell of a ``territory`` row is a gap (:func:`territory_gaps`).
    """
    region = current_region(region, on)
    known = set(region.territories)
    rows = []
    for row in fw.KEY_ACTOR_ROWS:
        scope = _row_scope(row)
        for a in region.actors:
            if row.code not in key_actor_rows_of(a):
                continue
            places = [t for t in a.territories if t in known] or [WHOLE_REGION]
            for territory in places:
                rows.append({"row": row.code, "scope": scope, "territory": territory,
                             "actor": a.id, "label": a.label(), "engagement": a.engagement,
                             "engagement_label": i18n.label("engagement", a.engagement, lang)})
    return pd.DataFrame(rows, columns=["row", "scope", "territory", "actor", "label",
                                       "engagement", "engagement_label"])


def key_actor_grid(region: Region, *, on: dt.date | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """The key-actor grid as the guide's working tool (Tableau 6, its fourth column).

    One row per key-actor type; columns ``row, label, role, interest`` (the source's text
    in ``lang``), ``scope``, then one column per territory of the region (named as the
    territory), then ``""`` when some organisation names none of them. Each cell lists
    the organisations with their engagement, ``"OMH de Québec (Signataire); ..."``; an
    empty cell is ``""``.
    """
    lang = lang or settings.language
    cells = key_actor_cells(region, on=on, lang=lang)
    columns = list(region.territories)
    if (cells["territory"] == WHOLE_REGION).any():
        columns.append(WHOLE_REGION)
    out = []
    for row in fw.KEY_ACTOR_ROWS:
        mine = cells[cells["row"] == row.code]
        entry = {"row": row.code, "label": i18n.label("key_actor", row.code, lang),
                 "role": row.role_fr if lang == "fr" else row.role_en,
                 "interest": row.interest_fr if lang == "fr" else row.interest_en,
                 "scope": _row_scope(row)}
        for t in columns:
            here = mine[mine["territory"] == t]
            entry[t] = "; ".join(f"{lab} ({eng})" for lab, eng in zip(
                here["label"], here["engagement_label"], strict=True))
        out.append(entry)
    return pd.DataFrame(out, columns=["row", "label", "role", "interest", "scope", *columns])


def _signals(region: Region, on: dt.date) -> dict[str, tuple[bool, str, dict[str, Any]]]:
    """What the data say for the criteria they can speak to.

    ``(found, detail code, values)``: the detail is a key of :data:`concert.i18n.TEXT`
    (``gap.detail.<code>``) rendered in the language asked by :func:`evidence`.
    """
    current = [a for a in region.agreements if is_current(a, on)]
    n_roles = sum(1 for a in current if a.type in ("I", "II"))
    kinds = Counter(t.kind for t in region.ties if t.active_on(on))
    projects: dict[str, set[str]] = {}
    for t in region.ties:
        if t.kind == "joint_project" and t.active_on(on):
            projects.setdefault(t.project or f"{t.source}-{t.target}", set()).update(
                (t.source, t.target))
    big = [p for p, ids in projects.items() if len(ids) >= 3]
    resource_pairs = {frozenset((t.source, t.target)) for t in region.ties
                      if t.kind == "resources" and t.active_on(on)}
    practices = [c for c in region.committees if c.kind == "pratiques"]
    seated = {m.committee for m in region.memberships if m.active_on(on)}
    return {
        "structure.communication.1": (kinds["information"] > 0, "information",
                                      {"n": kinds["information"]}),
        "structure.coordination.1": (n_roles > 0, "agreements_i_ii", {"n": n_roles}),
        "structure.coordination.2": (kinds["joint_project"] > 0, "joint_projects",
                                     {"n": kinds["joint_project"]}),
        "mutualisation.communication.1": (kinds["resources"] > 0, "resources",
                                          {"n": kinds["resources"]}),
        "mutualisation.coordination.1": (len(resource_pairs) >= 2, "resource_pairs",
                                         {"n": len(resource_pairs)}),
        "mutualisation.cooperation.1": (bool(big), "projects" if big else "no_project",
                                        {"projects": "; ".join(big)}),
        "climat.cooperation.2": (any(c.id in seated for c in practices), "practice_committees",
                                 {"n": len(practices)}),
    }


def evidence(region: Region, assessment: Assessment | None = None, *,
             on: dt.date | None = None, lang: str | None = None) -> pd.DataFrame:
    """Evidence from the data beside the committee's answer, criterion by criterion.

    Returns
    -------
    DataFrame
        ``criterion, label, answer`` (the committee's status: met, partial, absent or
        unanswered), ``data`` (``supports``, ``contradicts`` or ``no data``),
        ``detail_code`` (what the data counted, a code; empty when they say nothing) and
        ``detail`` (that count in words, in ``lang``).
        The data *support* a criterion when they show it; they *contradict* it when the
        committee answered "met" and the data show nothing. They never change the answer.
    """
    on = on or settings.current_date()
    ass = assessment if assessment is not None else (
        region.assessment() if region.assessments else Assessment("none", on))
    states = criterion_states(ass)
    signals = _signals(region, on)
    rows = []
    for c in fw.CRITERIA:
        answer = states[c.code].status
        if c.code not in signals:
            data, code, detail = "no data", "", ""
        else:
            found, code, values = signals[c.code]
            detail = i18n.t(f"gap.detail.{code}", lang, **values)
            data = "supports" if found else ("contradicts" if answer == "met" else "no data")
        rows.append({"criterion": c.code, "label": i18n.criterion_label(c.code, lang),
                     "answer": answer, "data": data, "detail_code": code, "detail": detail})
    return pd.DataFrame(rows)


def next_steps(region: Region, assessment: Assessment | None = None, *,
               on: dt.date | None = None, lang: str | None = None) -> pd.DataFrame:
    """A ranked list of next steps a committee can adopt.

    For each indicator below coopération, lowest placed first: the criteria missing for
    its next stage (emerging ones before absent ones, since they are closer), each with
    the guide's guidance and tools, then the concrete gaps bearing on that indicator.

    Returns
    -------
    DataFrame
        ``rank, indicator, indicator_label, stage, next_stage, kind`` (``criterion`` or
        ``gap``), ``item`` (criterion code or gap rule), ``text``, ``guidance``, ``tools``.
    """
    on = on or settings.current_date()
    ass = assessment if assessment is not None else region.assessment()
    results = maturity(ass, lang=lang)
    states = criterion_states(ass)
    gaps = all_gaps(region, on=on, lang=lang)
    order = sorted((r for r in results.values() if r.next_stage is not None),
                   key=lambda r: (r.position if r.position is not None else 0.0,
                                  [i.code for i in fw.INDICATORS].index(r.indicator)))
    rows = []
    for r in order:
        base = {"indicator": r.indicator, "indicator_label": i18n.indicator_label(r.indicator,
                                                                                  lang),
                "stage": r.stage_label(lang),
                "next_stage": i18n.label("stage", r.next_stage, lang) if r.next_stage else ""}
        missing = sorted(r.missing, key=lambda c: states[c].status != "partial")
        for c in missing:
            rows.append({**base, "kind": "criterion", "item": c,
                         "text": i18n.criterion_label(c, lang), "guidance": r.guidance(lang),
                         "tools": "; ".join(r.tools(lang))})
        for g in gaps[gaps["indicator"] == r.indicator].to_dict("records"):
            rows.append({**base, "kind": "gap", "item": str(g["rule"]), "text": str(g["message"]),
                         "guidance": "", "tools": ""})
    df = pd.DataFrame(rows, columns=["indicator", "indicator_label", "stage", "next_stage",
                                     "kind", "item", "text", "guidance", "tools"])
    df.insert(0, "rank", range(1, len(df) + 1))
    return df


def call_gaps(data: calls_module.CallsOrFacts, *, by: str = "referring_org",
              factor: float | None = None, minimum: int | None = None,
              quarters: int | None = None, lang: str | None = None) -> pd.DataFrame:
    """Reasons whose calls about one partner surge in a quarter (rule ``calls.surge``).

    ``data`` is the log (calls or :func:`concert.calls.facts`) or its counts by quarter
    and partner (:func:`concert.calls.quarterly` with ``by``, which
    :meth:`concert.Store.call_counts` gives every role).

    A reason's number of calls about one partner (``by``: the referring organisation or
    the housing provider) in a quarter is flagged when it is at least ``factor`` times
    its mean over the ``quarters`` quarters before (a quarter without calls counts 0) and
    at least ``minimum``. Defaults: the parameters ``call_gap_factor`` (2),
    ``call_gap_minimum`` (5) and ``call_gap_quarters`` (4) of
    :data:`concert.framework.PARAMETERS`. A quarter is flagged only once ``quarters``
    quarters of the log precede it. Counts only: no tenant code, no note.

    Returns
    -------
    DataFrame
        :data:`COLUMNS` (``indicator`` empty: the rule reads the partnership's calls, not
        an indicator) and ``quarter, reason, partner, calls, mean``.
    """
    p = fw.PARAMETERS
    factor = p["call_gap_factor"][0] if factor is None else factor
    minimum = p["call_gap_minimum"][0] if minimum is None else minimum
    quarters = p["call_gap_quarters"][0] if quarters is None else quarters
    columns = [*COLUMNS, "quarter", "reason", "partner", "calls", "mean"]
    if isinstance(data, pd.DataFrame) and "partner" in data.columns:
        trend = data  # already counts: quarterly(..., by=...), what a committee may read
    else:
        trend = calls_module.quarterly(data, by=by)
    if trend.empty:
        return pd.DataFrame(columns=columns)
    every = _quarter_range(sorted(trend["quarter"].unique()))
    trend = trend[trend["partner"] != ""]
    index = {q: i for i, q in enumerate(every)}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for row in trend.itertuples(index=False):
        key = (str(row.reason), str(row.partner))
        counts.setdefault(key, {})
        calls = int(str(row.calls))
        counts[key][str(row.quarter)] = counts[key].get(str(row.quarter), 0) + calls
    rows = []
    for (reason, partner), by_quarter in sorted(counts.items()):
        for quarter, n in sorted(by_quarter.items()):
            i = index[quarter]
            if i < quarters or n < minimum:
                continue
            mean = sum(by_quarter.get(every[j], 0) for j in range(i - quarters, i)) / quarters
            if n >= factor * mean:
                rows.append({"rule": "calls.surge", "indicator": "", "subject": partner,
                             "message": i18n.t("gap.calls.surge", lang,
                                               reason=i18n.label("call_reason", reason, lang),
                                               partner=partner, quarter=quarter, n=n,
                                               mean=f"{mean:.1f}", quarters=quarters),
                             "quarter": quarter, "reason": reason, "partner": partner,
                             "calls": n, "mean": mean})
    return pd.DataFrame(rows, columns=columns)


def _quarter_range(seen: list[str]) -> list[str]:
    """Every quarter from the first to the last of ``seen`` (``"2025-T1"``...)."""
    if not seen:
        return []
    def parse(q: str) -> int:
        year, t = q.split("-T")
        return int(year) * 4 + int(t) - 1
    return [f"{k // 4}-T{k % 4 + 1}" for k in range(parse(seen[0]), parse(seen[-1]) + 1)]
