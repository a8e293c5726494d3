"""The follow-up loop (issue 15), library half: every member answers, the action plan,
commitments kept, figures over time, the iCalendar export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import TODAY, build_small_region

import concert
from concert import (
    AccessDenied,
    Account,
    Actor,
    Agreement,
    Answer,
    Assessment,
    Committee,
    Figure,
    Membership,
    Party,
    Store,
    ValidationError,
    gaps,
)
from concert import framework as fw
from concert._errors import ArgumentError
from concert.actions import Action, is_late, set_status, status_on, target_progress
from concert.cli import cli
from concert.commitments import CommitmentReview
from concert.example import capitale_nationale
from concert.followup import (
    action_plan,
    add_months,
    agreement_iii_counts,
    annual_review,
    commitment_gaps,
    commitment_table,
    figure_series,
    late_actions,
    notice_date,
    plan_evidence,
    targets,
)
from concert.indicators import majority_rule, maturity
from concert.io.ics import calendar_events, escape, fold, parse_ics, to_ics, unescape
from concert.links import AnswerLink, check_link, token_hash
from concert.responses import (
    criterion_summary,
    matrix,
    participation,
    pole_divergence,
    prefill,
)

PASSWORD = "un mot de passe assez long"
CRIT = "climat.coordination.1"
OPEN = dt.date(2025, 1, 10)


def region_with_members() -> concert.Region:
    """The small region plus a CIUSSS (health pole) and a municipality on the comité de
    gestion, and an empty assessment "Bilan 2026" opened by the secretary."""
    r = build_small_region()
    r.add_actor(Actor("ciusss", "CIUSSS de Démo", "cisss"))
    r.add_actor(Actor("ville", "Ville de Démo", "municipality"))
    r.add_actor(Actor("obnl", "OBNL de Démo", "obnl"))
    for a in ("ciusss", "ville"):
        r.add_membership(Membership("gestion", a))
    r.add_assessment(Assessment("bilan-2026", OPEN, (), label="Bilan 2026",
                                closes_on=dt.date(2025, 2, 28)))
    return r


def levels(n: int) -> list[Answer]:
    return [Answer(c.code, n, evidence=f"niveau {n}") for c in fw.CRITERIA]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "cn.db", user="secretaire") as s:
        s.save_region(region_with_members())
        yield s


# ------------------------------------------------------------------ every member answers
def test_groups_follow_the_two_poles_and_keep_the_others_apart():
    assert fw.group_of_sector("housing") == "housing"
    assert fw.group_of_sector("health") == fw.group_of_sector("community") == "health_social"
    assert [fw.group_of_sector(s) for s in ("municipal", "users", "program")] == [
        "municipal", "users", "program"]


def test_three_organisations_of_two_poles_answer_one_assessment(store):
    store.submit_answers("demo", "bilan-2026", levels(3), organisation="omh")
    token = store.create_answer_link("demo", "bilan-2026", "ciusss", today=OPEN)
    store.submit_answers("demo", "bilan-2026", levels(1), token=token)
    store.submit_answers("demo", "bilan-2026", levels(2), organisation="ville")
    region = store.load_region("demo")
    a = region.assessment("bilan-2026")
    assert a.respondents == ("omh", "ciusss", "ville")
    assert {x.respondent_group for x in a.answers} == {"housing", "health_social", "municipal"}
    part = participation(region, a).set_index("organisation")
    assert int(part["answered"].sum()) == 3
    assert set(part.index[~part["answered"]]) == {"cem", "org"}
    row = criterion_summary(region, a).set_index("criterion").loc[CRIT]
    assert (row["answers"], row["median"], row["low"], row["high"]) == (3, 2.0, 1.0, 3.0)
    flags = pole_divergence(region, a).set_index("criterion")
    assert flags.loc[CRIT, "flag"] and flags.loc[CRIT, "difference"] == 2.0
    assert flags.loc[CRIT, "housing"] == 3.0 and flags.loc[CRIT, "health_social"] == 1.0
    # The municipality counts in "all" and its own group, in neither pole.
    assert criterion_summary(region, a, group="municipal").set_index(
        "criterion").loc[CRIT, "median"] == 2.0
    assert matrix(region, a, group="housing")["climat"].stage == "cooperation"
    assert matrix(region, a, group="health_social")["climat"].stage == "communication"
    assert matrix(region, a, organisation="ville")["climat"].stage == "cooperation"
    assert matrix(region, a, organisation="ciusss")["climat"].stage == "communication"
    # The stage rule is still replaceable.
    assert matrix(region, a, rule=majority_rule)["climat"].stage == maturity(
        a, rule=majority_rule)["climat"].stage


def test_a_one_level_gap_between_poles_is_not_flagged(store):
    store.submit_answers("demo", "bilan-2026", levels(3), organisation="omh")
    store.submit_answers("demo", "bilan-2026", levels(2), organisation="ciusss")
    region = store.load_region("demo")
    assert not pole_divergence(region, "bilan-2026")["flag"].any()
    assert pole_divergence(region, "bilan-2026", levels=1)["flag"].all()


def test_answering_again_replaces_only_ones_own_answers(store):
    store.submit_answers("demo", "bilan-2026", levels(3), organisation="omh")
    store.submit_answers("demo", "bilan-2026", levels(1), organisation="ciusss")
    store.submit_answers("demo", "bilan-2026", levels(0), organisation="omh")
    a = store.load_region("demo").assessment("bilan-2026")
    assert len(a.answers) == 2 * len(fw.CRITERIA)
    assert {x.level for x in a.answers if x.respondent == "omh"} == {0}
    assert {x.level for x in a.answers if x.respondent == "ciusss"} == {1}


def test_answers_are_prefilled_from_the_organisations_previous_ones(store):
    store.submit_answers("demo", "bilan-2026", levels(2)[:3], organisation="omh")
    region = store.load_region("demo")
    region.add_assessment(Assessment("bilan-2027", dt.date(2026, 1, 10), ()))
    pre = prefill(region, "bilan-2027", "omh")
    assert [(x.criterion, x.level, x.respondent) for x in pre] == [
        (x.criterion, 2, "omh") for x in levels(2)[:3]]
    assert prefill(region, "bilan-2027", "ciusss") == ()


def test_a_member_answers_only_for_its_own_organisation(store):
    store.add_account(Account("anne", "admin", "Anne", "demo", "cem"), PASSWORD)
    store.add_account(Account("olga", "committee", "Olga", "demo", "omh"), PASSWORD)
    session = store.login("olga", PASSWORD)
    with pytest.raises(AccessDenied):
        store.submit_answers("demo", "bilan-2026", levels(1), organisation="ciusss",
                             session=session)
    store.submit_answers("demo", "bilan-2026", levels(1), session=session)
    assert store.load_region("demo").assessment("bilan-2026").respondents == ("omh",)
    assert store.changes("demo", kind="assessment")[-1]["user"] == "olga"


def test_answer_links_are_hashed_expire_and_answer_only_their_assessment(store, tmp_path):
    store.save_record("demo", Assessment("autre", OPEN, ()))
    token = store.create_answer_link("demo", "bilan-2026", "omh", today=OPEN)
    link = store.answer_link(token)
    assert link == AnswerLink("demo", "bilan-2026", "omh", dt.date(2025, 2, 28), "secretaire")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("cn.db*"))
    assert token.encode() not in raw and token_hash(token).encode() in raw
    with pytest.raises(AccessDenied, match="autre"):
        store.submit_answers("demo", "autre", levels(1), token=token)
    with pytest.raises(AccessDenied, match="2025-02-28"):
        store.submit_answers("demo", "bilan-2026", levels(1), token=token,
                             today=dt.date(2025, 3, 1))
    store.submit_answers("demo", "bilan-2026", levels(1), token=token,
                         today=dt.date(2025, 2, 28))
    with pytest.raises(AccessDenied):
        store.submit_answers("demo", "bilan-2026", levels(1), token="pas-un-jeton")
    # A new link replaces the old one.
    again = store.create_answer_link("demo", "bilan-2026", "omh", today=OPEN,
                                     expires_on=dt.date(2025, 1, 31))
    assert store.answer_link(token) is None and store.answer_link(again).expires_on == \
        dt.date(2025, 1, 31)
    with pytest.raises(AccessDenied):
        check_link(None, "bilan-2026", OPEN)


def test_an_undated_assessment_gives_links_the_default_life(store):
    store.save_record("demo", Assessment("sans-date", OPEN, ()))
    token = store.create_answer_link("demo", "sans-date", "omh", today=OPEN)
    days = fw.PARAMETERS["answer_link_days"][0]
    assert store.answer_link(token).expires_on == OPEN + dt.timedelta(days=days)


def anonymous_store(store):
    region = store.load_region("demo")
    base = region.assessment("bilan-2026")
    store.save_record("demo", dataclasses.replace(base, anonymous=True), base=base)
    return store


def test_anonymous_answers_show_aggregates_of_three_and_no_organisation(store):
    anonymous_store(store)
    token = store.create_answer_link("demo", "bilan-2026", "ciusss", today=OPEN)
    store.submit_answers("demo", "bilan-2026", levels(3), organisation="omh")
    store.submit_answers("demo", "bilan-2026", levels(1), token=token)
    store.submit_answers("demo", "bilan-2026", levels(2), organisation="ville")
    region = store.load_region("demo")
    a = region.assessment("bilan-2026")
    assert not {"omh", "ciusss", "ville"} & set(a.respondents)
    assert all(r.startswith("anon-") for r in a.respondents)
    assert store.answer_receipts("demo", "bilan-2026") == ["ciusss", "omh", "ville"]
    part = participation(region, a, receipts=store.answer_receipts("demo", "bilan-2026"))
    assert int(part["answered"].sum()) == 3
    # All: three answers, shown; each pole: one answer, hidden.
    row = criterion_summary(region, a).set_index("criterion").loc[CRIT]
    assert row["median"] == 2.0 and not row["hidden"]
    pole = criterion_summary(region, a, group="housing").set_index("criterion").loc[CRIT]
    assert pole["hidden"] and pole["answers"] == 1 and pole["median"] != pole["median"]
    assert not pole_divergence(region, a)["flag"].any()
    with pytest.raises(ArgumentError):
        criterion_summary(region, a, organisation="omh")
    with pytest.raises(ArgumentError):
        matrix(region, a, group="housing")
    assert matrix(region, a)["climat"].assessed
    # The audit trail keeps the answers without their organisation.
    trail = json.dumps(store.changes("demo", kind="assessment"), ensure_ascii=False)
    assert "anon-" in trail and '"respondent":"omh"' not in trail.replace(" ", "")
    users = {c["user"] for c in store.changes("demo", kind="assessment")[-3:]}
    assert users == {"anonyme"}
    # Answering twice is refused.
    with pytest.raises(ValidationError):
        store.submit_answers("demo", "bilan-2026", levels(0), organisation="omh")


def test_the_anonymity_threshold_is_three_answers_per_group(store):
    anonymous_store(store)
    store.save_records("demo", [(None, Actor("omh2", "OMH deux", "omh")),
                                (None, Actor("omh3", "OMH trois", "omh"))])
    for org, n in (("omh", 3), ("omh2", 3)):
        store.submit_answers("demo", "bilan-2026", levels(n), organisation=org)
    region = store.load_region("demo")
    assert criterion_summary(region, "bilan-2026", group="housing")["hidden"].all()
    store.submit_answers("demo", "bilan-2026", levels(2), organisation="omh3")
    region = store.load_region("demo")
    shown = criterion_summary(region, "bilan-2026", group="housing").set_index("criterion")
    assert not shown["hidden"].any() and shown.loc[CRIT, "median"] == 3.0
    assert matrix(region, "bilan-2026", group="housing")["climat"].assessed


# ------------------------------------------------------------------ the action plan
def plan_region() -> concert.Region:
    r = build_small_region()
    r.figures = []
    r.add_figure(Figure("tenants_housed", 120, "personnes", dt.date(2024, 3, 31),
                        "Locataires logés avec soutien au 31 mars"))
    r.add_figure(Figure("tenants_housed", 100, "personnes", dt.date(2023, 3, 31),
                        "Locataires logés avec soutien au 31 mars"))
    r.add_action(Action("plan", "Adopter un échéancier commun", "cem", ("omh", "org"),
                        due=dt.date(2025, 3, 31), criterion="structure.cooperation.1",
                        target_figure="tenants_housed", target_value=150,
                        target_on=dt.date(2027, 3, 31), adopted_on=dt.date(2024, 12, 1)))
    r.add_action(set_status(Action("late", "Revoir le formulaire", "org",
                                   due=dt.date(2025, 1, 1), adopted_on=dt.date(2024, 10, 1)),
                            "in_progress", dt.date(2024, 11, 1), note="commencé"))
    r.add_action(set_status(Action("done", "Signer l’entente II", "cem",
                                   due=dt.date(2024, 12, 1)), "done", dt.date(2024, 11, 20)))
    return r


def test_actions_become_late_when_their_date_passes_unless_done():
    r = plan_region()
    late = late_actions(r, on=TODAY)
    assert list(late["action"]) == ["late"] and late.iloc[0]["days_late"] == 14
    assert list(late_actions(r, on=dt.date(2025, 4, 1))["action"]) == ["late", "plan"]
    done = set_status(r.actions[1], "done", dt.date(2025, 1, 20))
    assert is_late(done, TODAY) and not is_late(done, dt.date(2025, 1, 21))
    assert status_on(done, dt.date(2024, 10, 15)) == "planned"
    assert [e.status for e in done.log] == ["in_progress", "done"]
    plan = action_plan(r, on=TODAY, lang="en").set_index("action")
    assert plan.loc["late", "status_label"] == "In progress" and plan.loc["late", "late"]


def test_each_target_is_read_against_the_latest_figure():
    r = plan_region()
    t = targets(r, on=TODAY).set_index("action").loc["plan"]
    assert (t["value"], t["as_of"], t["target"]) == (120.0, dt.date(2024, 3, 31), 150.0)
    assert t["share"] == pytest.approx(0.8) and not t["reached"] and not t["missed"]
    assert "31 mars" in t["definition"]
    assert target_progress(r.actions[0], r.figures, on=dt.date(2023, 12, 31)).value == 100
    assert target_progress(r.actions[1], r.figures) is None


def test_an_adopted_plan_with_measurable_targets_is_evidence_for_structure():
    r = plan_region()
    ev = plan_evidence(r, on=TODAY)
    assert ev.supports and ev.actions == ("plan",) and ev.criterion == "structure.cooperation.1"
    assert not plan_evidence(r, on=dt.date(2024, 11, 1)).supports  # not adopted yet
    r.actions[0] = set_status(r.actions[0], "abandoned", dt.date(2025, 1, 5))
    assert not plan_evidence(r, on=TODAY).supports
    assert "cible" in plan_evidence(r, on=TODAY).text("fr")


def test_an_action_checks_its_target_and_its_organisations():
    with pytest.raises(ValidationError):
        Action("x", "Sans valeur", "cem", target_figure="tenants_housed")
    with pytest.raises(ValidationError):
        Action("x", "Critère inconnu", "cem", criterion="structure.nope")
    r = build_small_region()
    with pytest.raises(ValidationError, match="inconnu"):
        r.add_action(Action("x", "Avec un inconnu", "cem", ("nowhere",)))


# ------------------------------------------------------------------ commitments kept
def commitment_region() -> concert.Region:
    r = build_small_region()
    r.add_commitment(CommitmentReview("II-1", "II.referring_org.1", "not_kept",
                                      "Candidat suivi depuis 2 mois",
                                      reviewed_on=dt.date(2024, 6, 1),
                                      next_review=dt.date(2024, 12, 1)))
    r.add_commitment(CommitmentReview("I-1", "I.housing_provider.1", "kept",
                                      reviewed_on=dt.date(2024, 9, 1)))
    r.add_commitment(CommitmentReview("III-1", "III.tenant.1", "not_kept",
                                      "Note sur le locataire"))
    return r


def test_entente_ii_notice_falls_six_months_before_its_end():
    r = build_small_region()
    ii = r.agreement("II-1")  # signed 2024-01-01, three years: ends 2027-01-01
    assert notice_date(ii) == dt.date(2026, 7, 1)
    ends = dataclasses.replace(ii, ends_on=dt.date(2027, 8, 31))
    assert notice_date(ends) == dt.date(2027, 2, 28)
    assert notice_date(r.agreement("I-1")) is None
    assert add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)


def test_commitments_of_ententes_i_and_ii_come_from_tableau_5():
    r = commitment_region()
    table = commitment_table(r, on=TODAY)
    assert set(table["type"]) == {"I", "II"}
    expected = {code for t in ("I", "II") for code, _ in fw.agreement_commitments(t)}
    assert set(table["commitment"]) == expected
    row = table.set_index(["agreement", "commitment"]).loc[("II-1", "II.referring_org.1")]
    assert row["status"] == "not_kept" and row["overdue"] and "6 mois" in row["text"]
    assert row["party"] == "org"
    assert fw.commitment("II.referring_org.1").source.startswith("Tableau 5")


def test_the_committee_sees_counts_of_ententes_iii_only():
    r = commitment_region()
    counts = agreement_iii_counts(r, on=TODAY)
    assert counts["not_kept"] == 1 and counts["kept"] == 0
    assert counts["unreviewed"] == len(fw.agreement_commitments("III")) - 1
    found = gaps.all_gaps(r, on=TODAY)
    iii = found[found.rule == "commitment.iii_not_kept"]
    assert list(iii.subject) == [""] and "III-1" not in " ".join(found["message"])
    assert "CEM-0042" not in found.to_string() and "locataire" not in " ".join(
        found[found.rule.str.startswith("commitment")]["message"]).lower().replace(
        "ententes iii", "")


def test_gaps_add_commitments_not_kept_and_reviews_overdue():
    r = commitment_region()
    rules = list(gaps.all_gaps(r, on=TODAY)["rule"])
    assert "commitment.not_kept" in rules and "commitment.review_overdue" in rules
    rows = commitment_gaps(r, on=TODAY, lang="en")
    assert any("not kept" in x["message"] and "II-1" in x["message"] for x in rows)
    kept = build_small_region()
    assert not [x for x in commitment_gaps(kept, on=TODAY)]


def test_the_annual_review_lists_reviews_notice_dates_and_renewals():
    r = commitment_region()
    review = annual_review(r, on=dt.date(2025, 12, 1), lang="fr")
    kinds = dict(zip(zip(review["kind"], review["agreement"], strict=True), review["date"],
                     strict=True))
    assert kinds[("notice", "II-1")] == dt.date(2026, 7, 1)
    assert ("renewal", "II-1") not in kinds  # ends 2027-01-01: beyond a year
    later = annual_review(r, on=dt.date(2026, 3, 1))
    assert dt.date(2027, 1, 1) in set(later[later.kind == "renewal"]["date"])
    assert ("review_overdue", "II-1") in kinds
    assert "review_iii" in set(review["kind"]) and "III-1" not in set(review["agreement"])
    assert "12.2" in review[review.kind == "notice"].iloc[0]["message"]


def test_the_annual_review_tells_commitments_never_reviewed_apart():
    r = commitment_region()
    on = dt.date(2025, 3, 1)
    review = annual_review(r, on=on, lang="fr")
    # The frame keeps its columns (the calendar reads kind, agreement, commitment).
    assert list(review.columns[:7]) == ["kind", "date", "agreement", "agreement_name",
                                        "commitment", "party", "message"]
    never = review[review["never_reviewed"].astype(bool)]
    # I-1 signed 2023-01-01 and II-1 2024-01-01: their first review (a year after) has
    # passed; the commitments never reviewed are due "on", and only for that.
    assert set(never["kind"]) == {"review_due"} and set(never["date"]) == {on}
    assert ("I-1", "I.housing_provider.1") not in set(zip(never["agreement"],
                                                         never["commitment"], strict=True))
    assert ("II-1", "II.referring_org.1") not in set(zip(never["agreement"],
                                                        never["commitment"], strict=True))
    expected = {code for t in ("I", "II") for code, _ in fw.agreement_commitments(t)}
    assert set(never["commitment"]) == expected - {"I.housing_provider.1",
                                                   "II.referring_org.1"}
    others = review[~review["never_reviewed"].astype(bool)]
    assert "review_overdue" in set(others["kind"]) and "review_iii" in set(others["kind"])
    # Reviewed on 2024-09-01, due a year later: a real date, not a "never reviewed".
    kept = others[others["commitment"] == "I.housing_provider.1"]
    assert list(kept["date"]) == [dt.date(2025, 9, 1)]
    # Before the first review falls due, a commitment never reviewed has its real date.
    young = annual_review(r, on=dt.date(2023, 6, 1))
    assert not young["never_reviewed"].astype(bool).any()
    assert dt.date(2024, 1, 1) in set(young[young.kind == "review_due"]["date"])


def test_an_entente_ending_soon_is_named_with_its_organisations():
    r = build_small_region()
    found = gaps.agreement_gaps(r, on=dt.date(2026, 12, 1), lang="fr")
    message = found[found.rule == "agreement.expiring"].iloc[0]["message"]
    assert message.startswith("L’entente II-1 (Organisme référent de Démo) prend fin le "
                              "2027-01-01"), message
    assert "II II-1" not in message
    english = gaps.agreement_gaps(r, on=dt.date(2026, 12, 1), lang="en")
    assert "Agreement II-1 (Organisme référent de Démo) ends on 2027-01-01" in " ".join(
        english["message"])
    # The same name as the follow-up's.
    from concert.followup import agreement_names

    assert agreement_names(r)("II-1") == "II-1 (Organisme référent de Démo)"
    assert agreement_names(r)("III-1") == "III-1" and agreement_names(r)("x") == "x"


def test_a_commitment_must_belong_to_its_entente_and_iii_is_the_liaisons(tmp_path):
    r = build_small_region()
    with pytest.raises(ValidationError):
        r.add_commitment(CommitmentReview("I-1", "II.referring_org.1", "kept"))
    with pytest.raises(ValidationError):
        CommitmentReview("I-1", "I.nobody.9", "kept")
    with Store(tmp_path / "x.db") as store:
        store.save_region(r)
        store.add_account(Account("anne", "admin", "", "demo", "cem"), PASSWORD)
        store.add_account(Account("carl", "committee", "", "demo", "omh"), PASSWORD)
        store.add_account(Account("lise", "liaison", "", "demo", "cem"), PASSWORD)
        review = CommitmentReview("III-1", "III.tenant.1", "watch")
        with pytest.raises(AccessDenied):
            store.save_record("demo", review, session=store.login("carl", PASSWORD))
        store.save_record("demo", review, session=store.login("lise", PASSWORD))
        store.save_record("demo", CommitmentReview("II-1", "II.program.1", "kept"),
                          session=store.login("carl", PASSWORD))
        assert len(store.load_region("demo").commitments) == 2


def test_committee_views_keep_counts_but_not_a_tenants_notes():
    r = commitment_region()
    shown = concert.privacy.view(r, session=None)
    assert {c.agreement for c in shown.commitments} >= {"II-1", "I-1"}
    assert "III-1" not in {c.agreement for c in shown.commitments}
    shown.validate()
    from concert.privacy import anonymise_region, without_tenant_codes

    quiet = without_tenant_codes(r)
    assert all(c.note == "" for c in quiet.commitments if c.type == "III")
    anonymise_region(r).validate()
    assert agreement_iii_counts(quiet, on=TODAY) == agreement_iii_counts(r, on=TODAY)


def test_the_selection_committee_size_is_read_from_the_framework():
    r = build_small_region()
    r.add_committee(Committee("s", "selection"))
    for a in ("omh", "org"):
        r.add_membership(Membership("s", a))
    found = gaps.governance_gaps(r, on=TODAY)
    row = found[found.rule == "governance.selection_size"]
    assert list(row.subject) == ["s"] and "4" in row.iloc[0]["message"]
    assert "prior_follow_up_months" not in fw.PARAMETERS
    example = gaps.governance_gaps(capitale_nationale(), on=TODAY)
    assert "governance.selection_size" not in set(example.rule)


# ------------------------------------------------------------------ figures over time
def test_figures_are_a_series_with_each_definition_beside_its_number():
    r = capitale_nationale()
    s = figure_series(r, "tenants_housed", lang="fr")
    assert list(s["as_of"]) == sorted(s["as_of"]) and len(s) >= 2
    assert s["definition"].nunique() == len(s)  # counted differently at each date
    rate = figure_series(r, "stability_rate", lang="en")
    assert rate["definition"].nunique() == 2 and set(rate["unit"]) == {"%"}
    assert set(figure_series(r)["code"]) == {f.code for f in r.figures}


# ------------------------------------------------------------------ the example and the store
def test_the_example_carries_members_answers_a_plan_and_commitments():
    r = capitale_nationale()
    latest = r.assessment()
    assert set(latest.respondents) == {"omhq", "ciusss-cn", "boussole"}
    part = participation(r, latest)
    assert int(part["answered"].sum()) == 3 and len(part) > 3
    assert any(a.target_value is not None and a.illustrative for a in r.actions)
    assert {c.status for c in r.commitments} >= {"kept", "watch"}
    assert all(c.illustrative for c in r.commitments)
    assert plan_evidence(r).supports


def test_actions_and_reviews_survive_the_store_and_migrate_in(tmp_path):
    r = plan_region()
    r.add_commitment(CommitmentReview("II-1", "II.program.1", "watch", "à suivre"))
    with Store(tmp_path / "a.db") as store:
        store.save_region(r)
        back = store.load_region("demo")
        assert back == r and back.actions[1].log[0].note == "commencé"
        later = set_status(back.actions[0], "done", dt.date(2025, 2, 1))
        store.save_record("demo", later, base=back.actions[0])
        assert store.load_region("demo").actions[0].status == "done"
    con = sqlite3.connect(tmp_path / "a.db")
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    assert {"actions", "action_events", "commitment_reviews", "answer_links",
            "answer_receipts"} <= tables


# ------------------------------------------------------------------ iCalendar
def test_ics_text_is_escaped_folded_and_crlf():
    assert unescape(escape("a;b,c\\d\ne")) == "a;b,c\\d\ne"
    long = "SUMMARY:" + "Échéance, de l’action ; " * 10
    folded = fold(long)
    assert all(len(line.encode("utf-8")) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == long
    text = to_ics([], name="x")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_the_calendar_parses_back_with_due_actions_reviews_and_notice_dates():
    r = plan_region()
    r.add_commitment(CommitmentReview("II-1", "II.program.1", "watch", "à suivre; voir, ici",
                                      reviewed_on=dt.date(2024, 3, 1),
                                      next_review=dt.date(2025, 3, 1)))
    events = calendar_events(r, on=TODAY, within_days=730)
    text = to_ics(events, name="Concertation — démo",
                  stamp=dt.datetime(2025, 1, 15, 12, 0, tzinfo=dt.UTC))
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    back = parse_ics(text)
    assert len(back) == len(events) and len({e["UID"] for e in back}) == len(back)
    assert all(e["DTSTAMP"] == "20250115T120000Z" for e in back)
    by_cat = {e["CATEGORIES"]: e for e in back}
    assert by_cat["action"]["DTSTART"] in {"20250331", "20250101"}
    assert "notice" in by_cat and by_cat["notice"]["DTSTART"] == "20260701"
    assert by_cat["review_due"]["SUMMARY"].startswith("Entente II-1")
    assert {e["SUMMARY"] for e in back} == {e.summary for e in events}
    done = [e for e in back if "Signer" in e["SUMMARY"]]
    assert not done  # a done action is no longer due
    with pytest.raises(ValueError):
        parse_ics(text.replace("\r\n", "\n"))


def test_no_tenant_in_the_calendar():
    r = commitment_region()
    text = to_ics(calendar_events(r, on=TODAY))
    assert "III-1" not in text and "CEM-0042" not in text and "Note sur" not in text


def test_concert_calendar_writes_the_file(tmp_path):
    db = tmp_path / "cn.db"
    with Store(db) as store:
        store.save_region(capitale_nationale())
    out = tmp_path / "echeances.ics"
    result = CliRunner().invoke(cli, ["calendar", str(db), str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "exported" in result.output
    events = parse_ics(out.read_bytes().decode("utf-8"))
    assert any(e["CATEGORIES"] == "action" for e in events)
    assert any(e["CATEGORIES"] == "notice" for e in events)
    again = CliRunner().invoke(cli, ["calendar", str(db), str(db)])
    assert again.exit_code != 0 and db.stat().st_size > 0


def test_parties_of_an_agreement_i_answer_for_their_commitments():
    r = build_small_region()
    table = commitment_table(r, on=TODAY)
    assert set(table[table.agreement == "I-1"]["party"]) == {"omh", "cem"}
    assert (table["status"] == "").all()
    unused = Agreement("I-2", "I", (Party("housing_provider", "omh"), Party("program", "cem")),
                       status="draft")
    r.add_agreement(unused)
    assert "I-2" not in set(commitment_table(r, on=TODAY)["agreement"])


def test_exports_leave_ententes_iii_reviews_out_unless_tenant_codes_are_asked():
    from concert.io.exchange import export_tables

    r = commitment_region()
    shown = export_tables(r, lang="en")["commitments"]
    assert set(shown.iloc[:, 0]) == {"II-1", "I-1"}
    full = export_tables(r, lang="en", tenant_codes=True)["commitments"]
    assert "III-1" in set(full.iloc[:, 0])
    plan = export_tables(plan_region(), lang="fr")
    assert len(plan["actions"]) == 3 and len(plan["journal"]) == 2


def test_the_history_hides_an_entente_iii_id_in_a_commitment_review_key(tmp_path):
    from concert.privacy import history_without_agreement_iii_ids

    r = commitment_region()
    with Store(tmp_path / "h.db") as store:
        store.save_region(r)
        history = store.history("demo")
    shown = history_without_agreement_iii_ids(history, {"demo": r})
    keys = set(shown[shown.kind == "commitment"]["key"])
    assert "II-1/II.referring_org.1" in keys
    assert not any(k.startswith("III-1/") for k in keys)
    assert any(k.endswith("/III.tenant.1") for k in keys)


def test_a_version_5_file_gets_the_follow_up_tables_and_columns(tmp_path):
    path = tmp_path / "v5.db"
    with Store(path) as store:
        store.save_region(build_small_region())
        for table in ("actions", "action_events", "commitment_reviews", "answer_links",
                      "answer_receipts"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("PRAGMA user_version = 5")
    with Store(path) as store:
        assert store.migrated is not None and store.migrated[0] == 5
        region = store.load_region("demo")
        assert region.actions == [] and region.assessments[0].anonymous is False
        store.submit_answers("demo", region.assessments[0].id, levels(2), organisation="omh")
        assert "omh" in store.load_region("demo").assessments[0].respondents
