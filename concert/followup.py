"""The committee's follow-up: its action plan, the commitments kept, the figures over time.

- The plan (:mod:`concert.actions`): :func:`action_plan`, :func:`late_actions`, each
  target against the latest figure (:func:`targets`), and :func:`plan_evidence`: an
  adopted plan with dated, measurable targets is evidence for coopération on the
  project's structure ("une planification commune et un projet structurant", Tableau 8,
  ``structure.cooperation.1``; its Détails ask for "un échéancier commun … objectifs
  observables et mesurables").
- The commitments (:mod:`concert.commitments`): :func:`commitment_table` lists each
  party's commitments under each signed entente I and II with its review;
  :func:`agreement_iii_counts` gives the committee the counts only for ententes III;
  :func:`annual_review` lists reviews due and overdue, entente II notice dates (six
  months before the end, Annexe 3 cl. 12.2) and renewals; :func:`commitment_gaps` feeds
  :func:`concert.gaps.all_gaps`.
- The figures (:mod:`concert.figures`): :func:`figure_series`, each value beside its
  date, definition and source (seed 000 defines the stability rate two ways; seeds 000 and
  002 count tenants differently).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from concert import framework as fw
from concert import i18n, settings
from concert.actions import has_target, is_late, status_on, target_progress
from concert.agreements import Agreement, effective_status
from concert.commitments import CommitmentReview
from concert.region import Region

__all__ = ["PLAN_CRITERION", "PlanEvidence", "action_plan", "add_months", "agreement_iii_counts",
           "agreement_names", "annual_review", "commitment_gaps", "commitment_table",
           "figure_series", "late_actions", "next_review", "notice_date", "plan_evidence",
           "targets"]

PLAN_CRITERION = "structure.cooperation.1"
"""The criterion an adopted plan with measurable targets is evidence for (Tableau 8)."""

SIGNED = ("signed", "renewed")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative: back), the day clamped to the month's end.

    Examples
    --------
    >>> add_months(dt.date(2027, 8, 31), -6), add_months(dt.date(2026, 1, 31), 1)
    (datetime.date(2027, 2, 28), datetime.date(2026, 2, 28))
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _on(on: dt.date | None) -> dt.date:
    return on or settings.current_date()


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as plain dicts (dates stay dates)."""
    return [dict(zip(frame.columns, row, strict=True)) for row in frame.itertuples(index=False)]


def _namer(region: Region) -> Callable[[str], str]:
    """How an actor id is shown: its name (the id when unknown); the map is built once."""
    names = {a.id: a.name for a in region.actors}
    return lambda actor_id: names.get(actor_id, actor_id)


def agreement_names(region: Region) -> Callable[[str], str]:
    """How an entente I or II is named in words: its id and its organisations.

    The organisations other than the program, ``"II-athenee (L’Athénée)"``; the id alone
    when unknown, and for an entente III (a tenant is a party). The follow-up and the gaps
    (:mod:`concert.gaps`) name the ententes with it.
    """
    names = _namer(region)
    shown: dict[str, str] = {}
    for g in region.agreements:
        others = [names(p.actor) for p in g.parties if p.role in ("housing_provider",
                                                                   "referring_org")]
        shown[g.id] = f"{g.id} ({', '.join(others)})" if others and g.type != "III" else g.id
    return lambda agreement_id: shown.get(agreement_id, agreement_id)


# ------------------------------------------------------------------ the action plan
def action_plan(region: Region, *, on: dt.date | None = None,
                lang: str | None = None) -> pd.DataFrame:
    """The plan: one row per action, by due date.

    Columns: ``action, title, lead, lead_name, partners, due, status, status_label, late,
    criterion, gap, target_figure, target_label, target_value, target_on``
    (``target_label``: the target's figure named in ``lang``).
    """
    on = _on(on)
    name = _namer(region)
    rows = []
    for a in sorted(region.actions, key=lambda x: (x.due or dt.date.max, x.id)):
        st = status_on(a, on)
        rows.append({
            "action": a.id, "title": a.title, "lead": a.lead, "lead_name": name(a.lead),
            "partners": "; ".join(name(p) for p in a.partners), "due": a.due,
            "status": st, "status_label": i18n.label("action_status", st, lang) if st else "",
            "late": is_late(a, on), "criterion": a.criterion, "gap": a.gap,
            "target_figure": a.target_figure,
            "target_label": i18n.label("program_figure", a.target_figure, lang)
            if a.target_figure else "", "target_value": a.target_value,
            "target_on": a.target_on})
    return pd.DataFrame(rows, columns=["action", "title", "lead", "lead_name", "partners", "due",
                                       "status", "status_label", "late", "criterion", "gap",
                                       "target_figure", "target_label", "target_value",
                                       "target_on"])


def late_actions(region: Region, *, on: dt.date | None = None,
                 lang: str | None = None) -> pd.DataFrame:
    """The actions due before ``on`` and still planned or in progress, most overdue first.

    Columns: those of :func:`action_plan` and ``days_late``.
    """
    on = _on(on)
    plan = action_plan(region, on=on, lang=lang)
    late = plan[plan["late"].astype(bool)].copy()  # (an empty column is not a key list)
    late["days_late"] = [(on - d).days for d in late["due"]]
    return late.sort_values(["days_late", "action"], ascending=[False, True]).reset_index(
        drop=True)


def targets(region: Region, *, on: dt.date | None = None,
            lang: str | None = None) -> pd.DataFrame:
    """Each action's target against the latest figure of its code by ``on``.

    Columns: ``action, title, figure, figure_label, target, target_on, value, as_of, unit,
    definition, share, reached, missed`` (``missed``: its date passed, not reached;
    ``figure_label``: the figure's name in ``lang``).
    """
    on = _on(on)
    fr = (lang or settings.language) == "fr"
    rows = []
    for a in region.actions:
        p = target_progress(a, region.figures, on=on)
        if p is None:
            continue
        rows.append({
            "action": a.id, "title": a.title, "figure": p.figure,
            "figure_label": i18n.label("program_figure", p.figure, lang), "target": p.target,
            "target_on": p.target_on, "value": p.value, "as_of": p.as_of, "unit": p.unit,
            "definition": p.definition_fr if fr or not p.definition_en else p.definition_en,
            "share": p.share, "reached": p.reached,
            "missed": p.target_on is not None and p.target_on < on and not p.reached})
    return pd.DataFrame(rows, columns=["action", "title", "figure", "figure_label", "target",
                                       "target_on",
                                       "value", "as_of", "unit", "definition", "share",
                                       "reached", "missed"])


@dataclass(frozen=True)
class PlanEvidence:
    """Whether the adopted plan is evidence for :data:`PLAN_CRITERION`, and which actions."""

    criterion: str
    supports: bool
    actions: tuple[str, ...]

    def text(self, lang: str | None = None) -> str:
        """What the plan shows, in ``lang``."""
        key = "plan.evidence.yes" if self.supports else "plan.evidence.no"
        return i18n.t(key, lang, n=len(self.actions))


def plan_evidence(region: Region, *, on: dt.date | None = None) -> PlanEvidence:
    """The plan adopted by ``on`` as evidence for coopération on the project's structure.

    It supports the criterion when at least one adopted action, not abandoned, carries a
    dated, measurable target tied to a program figure (Tableau 8's Détails: "un échéancier
    commun … objectifs observables et mesurables … objectif chiffré de logements").
    """
    on = _on(on)
    ids = tuple(a.id for a in region.actions if has_target(a) and a.due is not None
                and status_on(a, on) not in (None, "abandoned"))
    return PlanEvidence(PLAN_CRITERION, bool(ids), ids)


# ------------------------------------------------------------------ the commitments
def notice_date(agreement: Agreement) -> dt.date | None:
    """The last day to give notice of ending an entente II: six months before its end.

    Annexe 3, cl. 12.2 (``agreement_ii_notice_months``). ``None`` for other types or
    without an end.
    """
    if agreement.type != "II":
        return None
    end = agreement.end_date()
    if end is None:
        return None
    return add_months(end, -fw.PARAMETERS["agreement_ii_notice_months"][0])


def next_review(agreement: Agreement, review: CommitmentReview | None) -> dt.date | None:
    """When a commitment is next to be reviewed.

    Its review's ``next_review``; else a year after it was reviewed
    (``commitment_review_months``); never reviewed: a year after the entente was signed,
    for an entente III the end of the tenant's first year of follow-up
    (``first_year_follow_up_months``, Tableau 5, entente III).
    """
    if review is not None and review.next_review is not None:
        return review.next_review
    if review is not None and review.reviewed_on is not None:
        return add_months(review.reviewed_on, fw.PARAMETERS["commitment_review_months"][0])
    if agreement.signed_on is None:
        return None
    months = fw.PARAMETERS["first_year_follow_up_months" if agreement.type == "III"
                           else "commitment_review_months"][0]
    return add_months(agreement.signed_on, months)


def _reviews(region: Region) -> dict[str, CommitmentReview]:
    return {r.key: r for r in region.commitments}


def _signed(region: Region, types: tuple[str, ...], on: dt.date) -> list[Agreement]:
    return [g for g in region.agreements if g.type in types
            and effective_status(g, on) in SIGNED]


def commitment_table(region: Region, *, on: dt.date | None = None, lang: str | None = None,
                     types: tuple[str, ...] = ("I", "II")) -> pd.DataFrame:
    """Each party's commitments under each entente in force, with its review.

    ``types``: ententes I and II (the committee's view); the liaison role may ask for
    ``("III",)``, which names a tenant's commitments (never on committee views).

    Columns: ``agreement, agreement_name, type, party, party_role, commitment, text, source,
    status, status_label, note, reviewed_on, next_review, overdue``; ``agreement_name``
    names an entente I or II with its organisations; ``status`` is ``""`` for a
    commitment never reviewed. ``overdue``: a reviewed commitment whose next review has
    passed (one never reviewed is due, see :func:`annual_review`).
    """
    on = _on(on)
    fr = (lang or settings.language) == "fr"
    reviews = _reviews(region)
    named = agreement_names(region)
    rows = []
    for g in _signed(region, types, on):
        for code, c in fw.agreement_commitments(g.type):
            party = g.party(c.party)
            if party is None:
                continue
            r = reviews.get(f"{g.id}/{code}")
            nxt = next_review(g, r)
            status = r.status if r is not None else ""
            rows.append({
                "agreement": g.id, "agreement_name": named(g.id), "type": g.type,
                "party": party.actor,
                "party_role": c.party, "commitment": code, "text": c.fr if fr else c.en,
                "source": c.source, "status": status,
                "status_label": i18n.label("commitment_status", status, lang) if status
                else i18n.t("commitment.unreviewed", lang),
                "note": r.note if r is not None else "",
                "reviewed_on": r.reviewed_on if r is not None else None,
                "next_review": nxt, "overdue": r is not None and nxt is not None
                and nxt < on and status != "not_applicable"})
    return pd.DataFrame(rows, columns=["agreement", "agreement_name", "type", "party",
                                       "party_role", "commitment",
                                       "text", "source", "status", "status_label", "note",
                                       "reviewed_on", "next_review", "overdue"])


def agreement_iii_counts(region: Region, *, on: dt.date | None = None) -> dict[str, int]:
    """What the committee sees of ententes III' commitments: counts by status only.

    Keys: each of :data:`concert.framework.COMMITMENT_STATUSES`, ``unreviewed`` and
    ``overdue``.
    """
    table = commitment_table(region, on=on, types=("III",))
    out = {code: int((table["status"] == code).sum()) for code in fw.codes("commitment_status")}
    out["unreviewed"] = int((table["status"] == "").sum())
    out["overdue"] = int(table["overdue"].sum())
    return out


def annual_review(region: Region, *, on: dt.date | None = None, within_days: int = 365,
                  lang: str | None = None) -> pd.DataFrame:
    """The annual review of the ententes: what falls due, and what is overdue.

    From ``on`` to ``within_days`` later.

    Rows, by date: ``review_overdue`` and ``review_due`` (a commitment of an entente I or
    II; one never reviewed is due from a year after signing, dated ``on`` at the
    latest), ``notice`` (the last day to give notice of ending an entente II, Annexe 3
    cl. 12.2), ``renewal`` (an entente's end: renew it or let it end, cl. 13); and one
    ``review_iii`` row counting the ententes III commitments due, never naming them.

    Columns: ``kind, date, agreement, agreement_name, commitment, party, message,
    never_reviewed``; ``never_reviewed`` marks a ``review_due`` row dated ``on`` only
    because the commitment was never reviewed (its first review, a year after signing,
    has passed), False on every other row.
    """
    on = _on(on)
    until = on + dt.timedelta(days=within_days)
    rows: list[dict[str, Any]] = []
    table = commitment_table(region, on=on, lang=lang)
    name = _namer(region)
    for r in _records(table):
        nxt = r["next_review"]
        if nxt is None or r["status"] == "not_applicable" or nxt > until:
            continue
        kind = "review_overdue" if r["overdue"] else "review_due"
        date = nxt if r["overdue"] else max(nxt, on)
        rows.append({"kind": kind, "date": date, "agreement": r["agreement"],
                     "agreement_name": r["agreement_name"],
                     "commitment": r["commitment"], "party": r["party"],
                     "message": i18n.t(f"review.{kind}", lang, agreement=r["agreement_name"],
                                       party=name(r["party"]),
                                       commitment=r["text"], date=date.isoformat()),
                     "never_reviewed": kind == "review_due" and r["status"] == ""
                     and nxt < on})
    named = agreement_names(region)
    for g in _signed(region, ("I", "II"), on):
        # The last day to give notice (entente II, cl. 12.2) and the end (cl. 13).
        for kind, day in (("notice", notice_date(g)), ("renewal", g.end_date())):
            if day is not None and on <= day <= until:
                rows.append({"kind": kind, "date": day, "agreement": g.id,
                             "agreement_name": named(g.id), "commitment": "", "party": "",
                             "message": i18n.t(f"review.{kind}", lang, agreement=named(g.id),
                                               date=day.isoformat()),
                             "never_reviewed": False})
    iii = commitment_table(region, on=on, types=("III",))
    due = [d is not None and d <= until and s != "not_applicable"
           for d, s in zip(iii["next_review"], iii["status"], strict=True)]
    due_iii = iii[due]
    if len(due_iii):
        rows.append({"kind": "review_iii", "date": min(due_iii["next_review"]),
                     "agreement": "", "agreement_name": "", "commitment": "", "party": "",
                     "message": i18n.t("review.review_iii", lang, n=len(due_iii)),
                     "never_reviewed": False})
    frame = pd.DataFrame(rows, columns=["kind", "date", "agreement", "agreement_name",
                                        "commitment", "party", "message", "never_reviewed"])
    return frame.sort_values(["date", "kind", "agreement"], kind="stable").reset_index(drop=True)


def commitment_gaps(region: Region, *, on: dt.date | None = None,
                    lang: str | None = None) -> list[dict[str, str]]:
    """Gaps of :func:`concert.gaps.all_gaps`: commitments not kept, reviews overdue.

    Rules ``commitment.not_kept`` and ``commitment.review_overdue`` name an entente I or
    II and the party; ``commitment.iii_not_kept`` counts those of ententes III.
    """
    on = _on(on)
    out = []
    table = commitment_table(region, on=on, lang=lang)
    name = _namer(region)
    for r in _records(table):
        values = {"agreement": r["agreement_name"], "party": name(r["party"]),
                  "commitment": r["text"]}
        if r["status"] == "not_kept":
            out.append(("commitment.not_kept", r["agreement"], values))
        if r["overdue"]:
            out.append(("commitment.review_overdue", r["agreement"],
                        {**values, "date": r["next_review"].isoformat()}))
    counts = agreement_iii_counts(region, on=on)
    if counts["not_kept"]:
        out.append(("commitment.iii_not_kept", "", {"n": counts["not_kept"]}))
    return [{"rule": rule, "indicator": "climat", "subject": subject,
             "message": i18n.t(f"gap.{rule}", lang, **values)} for rule, subject, values in out]


# ------------------------------------------------------------------ the figures
def figure_series(region: Region, code: str | None = None, *,
                  lang: str | None = None) -> pd.DataFrame:
    """The program figures as series: each value with its date, definition and source.

    Columns: ``code, label, as_of, value, unit, definition, source, illustrative``, by code
    then date. ``label`` names the figure in ``lang`` (its code when the framework does not
    know it, ``framework.PROGRAM_FIGURES``); ``definition`` is in ``lang`` (French when no
    English one was given): the same code may be counted differently at two dates, and the
    definition says so.
    """
    fr = (lang or settings.language) == "fr"
    rows = [{"code": f.code, "label": i18n.label("program_figure", f.code, lang),
             "as_of": f.as_of, "value": f.value, "unit": f.unit,
             "definition": f.definition_fr if fr or not f.definition_en else f.definition_en,
             "source": f.source, "illustrative": f.illustrative}
            for f in region.figures if code is None or f.code == code]
    frame = pd.DataFrame(rows, columns=["code", "label", "as_of", "value", "unit", "definition",
                                        "source", "illustrative"])
    return frame.sort_values(["code", "as_of"], kind="stable").reset_index(drop=True)

