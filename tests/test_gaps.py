"""Each gap rule triggers on data that breaks it and stays silent otherwise."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import TODAY, build_small_region

from concert import Actor, Answer, Assessment, Committee, Membership, Tie, gaps


def rules(region, **kw) -> list[str]:
    return list(gaps.all_gaps(region, on=TODAY, **kw)["rule"])


@pytest.fixture
def region():
    return build_small_region()


def test_key_actor_missing_row(region):
    cov = gaps.key_actor_coverage(region).set_index("row")
    assert cov.loc["municipality", "status"] == "missing"
    assert "key_actor.missing" in rules(region)
    region.add_actor(Actor("ville", "Ville de Démo", "municipality", engagement="at_table"))
    found = gaps.all_gaps(region, on=TODAY)
    assert "municipality" not in set(found[found.rule == "key_actor.missing"].subject)


def test_key_actor_only_identified(region):
    region.add_actor(Actor("ville", "Ville de Démo", "municipality", engagement="identified"))
    found = gaps.all_gaps(region, on=TODAY)
    row = found[found.rule == "key_actor.not_at_table"]
    assert list(row.subject) == ["municipality"]
    region.actors[-1] = dataclasses.replace(region.actors[-1], engagement="at_table")
    found = gaps.all_gaps(region, on=TODAY)
    assert "municipality" not in set(found[found.rule == "key_actor.not_at_table"].subject)


def test_housing_provider_without_agreement_i(region):
    assert "agreement.I.missing" not in rules(region)
    region.add_actor(Actor("coop", "Coop de Démo", "coop"))
    found = gaps.agreement_gaps(region, on=TODAY)
    assert list(found[found.rule == "agreement.I.missing"].subject) == ["coop"]


def test_referring_without_current_agreement_ii(region):
    assert "agreement.II.missing" not in rules(region)
    # On 2027-06-01 the agreement II of 2024-01-01 has ended (3-year term).
    found = gaps.agreement_gaps(region, on=dt.date(2027, 6, 1))
    assert "org" in set(found[found.rule == "agreement.II.missing"].subject)


def test_expiring_within_90_days(region):
    assert "agreement.expiring" not in rules(region)
    # The agreement II ends on 2027-01-01: 31 days after 2026-12-01.
    found = gaps.agreement_gaps(region, on=dt.date(2026, 12, 1))
    row = found[found.rule == "agreement.expiring"]
    assert list(row.subject) == ["II-1"] and "31" in row.iloc[0]["message"]


def test_agreement_iii_whose_worker_org_lost_its_ii(region):
    assert "agreement.III.no_II" not in rules(region)
    # Terminate the agreement II: the agreement III stays in force, its worker's
    # organisation no longer holds an agreement II.
    i = next(k for k, a in enumerate(region.agreements) if a.id == "II-1")
    region.agreements[i] = dataclasses.replace(region.agreements[i], status="terminated")
    found = gaps.agreement_gaps(region, on=TODAY)
    assert list(found[found.rule == "agreement.III.no_II"].subject) == ["III-1"]


def test_no_selection_committee(region):
    assert "selection" in set(gaps.governance_gaps(region, on=TODAY).subject)
    region.add_committee(Committee("s", "selection"))
    for a in ("omh", "org"):
        region.add_membership(Membership("s", a))
    found = gaps.governance_gaps(region, on=TODAY)
    assert "governance.no_committee" not in set(found.rule)


def test_one_sided_committee(region):
    region.add_committee(Committee("s", "selection"))
    region.add_membership(Membership("s", "omh"))
    found = gaps.governance_gaps(region, on=TODAY)
    row = found[found.rule == "governance.one_sided"]
    assert list(row.subject) == ["s"] and "santé et services sociaux" in row.iloc[0]["message"]
    # The small region's management committee seats the OMH and the community organisation.
    assert "gestion" not in set(row.subject)


def test_double_role_of_the_carrier(region):
    assert "governance.double_role" not in rules(region)
    i = next(k for k, a in enumerate(region.actors) if a.id == "org")
    region.actors[i] = dataclasses.replace(region.actors[i], roles=("carrier", "referring"))
    assert "governance.double_role" in rules(region)


def test_messages_in_english(region):
    msgs = " ".join(gaps.all_gaps(region, on=TODAY, lang="en")["message"])
    assert "No actor fills the key-actor row" in msgs


def test_evidence_supports_and_contradicts(region):
    # Nobody declared a resource tie, and the committee says resources are exchanged.
    claim = Assessment("x", TODAY, [Answer("mutualisation.communication.1", 2),
                                    Answer("structure.coordination.1", 2)])
    ev = gaps.evidence(region, claim, on=TODAY).set_index("criterion")
    assert ev.loc["mutualisation.communication.1", "data"] == "contradicts"
    assert ev.loc["structure.coordination.1", "data"] == "supports"  # ententes I and II signed
    assert ev.loc["mutualisation.communication.1", "answer"] == "met"  # never overridden
    assert ev.loc["convergence.cooperation.2", "data"] == "no data"
    region.add_tie(Tie("omh", "org", "resources"))
    ev = gaps.evidence(region, claim, on=TODAY).set_index("criterion")
    assert ev.loc["mutualisation.communication.1", "data"] == "supports"


def test_joint_projects_beyond_mandates_need_three_actors(region):
    region.add_tie(Tie("org", "cem", "joint_project", project="P"))
    ev = gaps.evidence(region, on=TODAY).set_index("criterion")
    assert ev.loc["mutualisation.cooperation.1", "data"] != "supports"
    region.add_tie(Tie("omh", "cem", "joint_project", project="P"))
    ev = gaps.evidence(region, on=TODAY).set_index("criterion")
    assert ev.loc["mutualisation.cooperation.1", "data"] == "supports"


def test_next_steps_ranked(example):
    steps = gaps.next_steps(example, on=TODAY)
    assert list(steps["rank"]) == list(range(1, len(steps) + 1))
    # Structure and climat stand between coordination and coopération; structure's
    # missing criterion comes with the guide's guidance.
    first = steps.iloc[0]
    assert first["kind"] == "criterion" and first["indicator"] == "structure"
    assert first["guidance"].startswith("Durant le stade de coopération")
    assert "gap" in set(steps["kind"])
    # Indicators already at coopération have no step.
    assert "convergence" not in set(steps["indicator"])


def test_next_steps_put_emerging_criteria_first():
    r = build_small_region()
    a = Assessment("y", TODAY, [Answer("convergence.communication.1", 2),
                                Answer("convergence.coordination.1", 3),
                                Answer("convergence.cooperation.1", 0),
                                Answer("convergence.cooperation.2", 1)])
    steps = gaps.next_steps(r, a, on=TODAY)
    conv = steps[(steps.indicator == "convergence") & (steps.kind == "criterion")]
    assert list(conv["item"]) == ["convergence.cooperation.2", "convergence.cooperation.1"]
    assert conv.iloc[0]["tools"].count("Annexe") == 3


def test_agreement_check_ignores_program_as_provider():
    r = build_small_region()
    assert "cem" not in set(gaps.agreement_gaps(r, on=TODAY).subject)


def test_every_gap_rule_has_a_short_name_in_both_languages():
    from concert import i18n

    rules = {k[4:] for k in i18n.TEXT if k.startswith("gap.") and not k.startswith("gap.detail.")}
    assert len(rules) > 10
    for rule in rules:
        assert i18n.gap_name(rule, "fr") != rule and i18n.gap_name(rule, "en") != rule, rule
    assert i18n.gap_name("not.a.rule", "fr") == "not.a.rule"
