"""Agreements I, II, III: one test per refusal rule, status, expiry and frames.

The rule codes are those of the table in ``concert.agreements``' module docstring.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import LIAISON, TODAY, WORKER

import concert.agreements as agmod
from concert import (
    Actor,
    Agreement,
    Contact,
    Party,
    ValidationError,
    agreements_frame,
    commitments_frame,
    effective_status,
    expiring,
)
from concert.agreements import TENANT_CODE_RE, agreement_problems, is_current

D = dt.date(2024, 3, 1)
CEM = Party("program", "cem")


def i_agreement(aid="I-x", provider="omh", program="cem", **kw) -> Agreement:
    kw.setdefault("signed_on", D)
    return Agreement(aid, "I", (Party("housing_provider", provider), Party("program", program)),
                     **kw)


def ii_agreement(aid="II-x", org="org", **kw) -> Agreement:
    kw.setdefault("signed_on", D)
    return Agreement(aid, "II", (CEM, Party("referring_org", org)), **kw)


def iii_agreement(aid="III-x", org="org", worker=WORKER, liaison_actor="cem", liaison=LIAISON,
                  code="CEM-0043", **kw) -> Agreement:
    kw.setdefault("signed_on", dt.date(2024, 9, 1))
    return Agreement(aid, "III", (Party("tenant", tenant_code=code), Party("worker", org, worker),
                                  Party("liaison_agent", liaison_actor, liaison)), **kw)


def rules_of(exc_info) -> list[str]:
    return exc_info.value.rules


def test_every_rule_of_the_docstring_table_is_tested():
    # The module docstring's table is the list of rules; each has a test below.
    documented = set(re.findall(r"^``(agreement\.[\w.]+)``", agmod.__doc__, re.M))
    assert documented == {
        "agreement.type", "agreement.parties", "agreement.dates", "agreement.signed_date",
        "agreement.tenant_code", "agreement.party_kind", "agreement.unknown_actor",
        "agreement.I.provider", "agreement.program", "agreement.II.referring",
        "agreement.III.worker", "agreement.III.no_II", "agreement.III.liaison",
        "agreement.renews"}


# ------------------------------------------------------------------------------- on its own
def test_valid_agreements_build(small_region):
    assert [a.id for a in small_region.agreements] == ["I-1", "II-1", "III-1"]
    assert small_region.agreement("I-1").actor_ids == ("omh", "cem")
    assert small_region.agreement("III-1").party("tenant").tenant_code == "CEM-0042"


def test_parties_list_becomes_a_tuple():
    a = Agreement("a", "I", [Party("housing_provider", "omh"), CEM], signed_on=D)
    assert isinstance(a.parties, tuple)


@pytest.mark.parametrize("bad", ["IV", "i", "", None, 2])
def test_rule_type(bad):
    with pytest.raises(ValidationError, match="type d’entente inconnu") as exc:
        Agreement("a", bad, (CEM,), signed_on=D)
    assert rules_of(exc) == ["agreement.type"]


def test_rule_parties_wrong_roles():
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "I", (CEM, Party("referring_org", "org")), signed_on=D)
    assert rules_of(exc) == ["agreement.parties"]
    assert "Propriétaire ou gestionnaire de logements" in str(exc.value)


def test_rule_parties_missing_and_extra():
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "II", (CEM,), signed_on=D)
    assert rules_of(exc) == ["agreement.parties"]
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "II", (CEM, CEM, Party("referring_org", "org")), signed_on=D)
    assert rules_of(exc) == ["agreement.parties"]


def test_rule_dates():
    with pytest.raises(ValidationError) as exc:
        i_agreement(signed_on=dt.date(2024, 5, 1), ends_on=dt.date(2024, 4, 30))
    assert rules_of(exc) == ["agreement.dates"]
    # Ending on the signing day is allowed.
    assert i_agreement(signed_on=D, ends_on=D).ends_on == D


@pytest.mark.parametrize("status", ["signed", "renewed", "expired", "terminated"])
def test_rule_signed_date(status):
    with pytest.raises(ValidationError) as exc:
        i_agreement(signed_on=None, status=status)
    assert rules_of(exc) == ["agreement.signed_date"]


def test_draft_needs_no_date():
    assert i_agreement(signed_on=None, status="draft").status == "draft"


@pytest.mark.parametrize("code", ["Jean Tremblay", "jean.tremblay@example.org", "cem-0042",
                                  "CEM", "TREM 1234 5678", "CEM-0042\n", ""])
def test_rule_tenant_code_refuses_names_and_malformed_codes(code):
    with pytest.raises(ValidationError) as exc:
        iii_agreement(code=code)
    assert rules_of(exc) == ["agreement.tenant_code"]


@pytest.mark.parametrize("code", ["CEM-0042", "CEM-2021-0042", "A1", "X-Y-Z-9"])
def test_tenant_code_accepted(code):
    assert TENANT_CODE_RE.match(code)
    assert iii_agreement(code=code).party("tenant").tenant_code == code


def test_rule_party_kind_tenant_with_an_actor():
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "III", (Party("tenant", "org", tenant_code="CEM-1"),
                               Party("worker", "org", WORKER),
                               Party("liaison_agent", "cem", LIAISON)), signed_on=D)
    assert rules_of(exc) == ["agreement.party_kind"]


def test_rule_party_kind_worker_without_person():
    with pytest.raises(ValidationError) as exc:
        iii_agreement(worker="")
    assert rules_of(exc) == ["agreement.party_kind"]


def test_rule_party_kind_organisation_with_a_tenant_code():
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "I", (Party("housing_provider", "omh", tenant_code="CEM-1"), CEM),
                  signed_on=D)
    assert rules_of(exc) == ["agreement.party_kind"]


def test_unknown_party_role_refused():
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "I", (Party("landlord", "omh"), CEM), signed_on=D)
    assert rules_of(exc) == ["code.party_role"]


def test_parties_must_be_party_objects():
    with pytest.raises(ValidationError) as exc:
        Agreement("a", "I", ("omh", "cem"), signed_on=D)
    assert rules_of(exc) == ["seq.type"]


def test_datetime_is_not_a_date():
    with pytest.raises(ValidationError) as exc:
        i_agreement(signed_on=dt.datetime(2024, 3, 1, 12, 0))
    assert rules_of(exc) == ["date.type"]


# ------------------------------------------------------------------------------- in a region
def test_rule_unknown_actor(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(i_agreement(provider="ghost"))
    assert rules_of(exc) == ["agreement.unknown_actor"]
    assert "ghost" in str(exc.value)


def test_rule_i_provider_cisss_cannot_provide_housing(small_region):
    small_region.add_actor(Actor("ciusss", "CIUSSS de Démo", "cisss"))
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(i_agreement(provider="ciusss"))
    assert rules_of(exc) == ["agreement.I.provider"]
    assert "CISSS ou CIUSSS" in str(exc.value)


def test_i_provider_by_role_is_accepted(small_region):
    small_region.add_actor(Actor("ciusss", "CIUSSS", "cisss", roles=("housing_provider",)))
    small_region.add_agreement(i_agreement(provider="ciusss"))
    assert small_region.agreements[-1].id == "I-x"


def test_rule_program(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(i_agreement(program="org"))
    assert rules_of(exc) == ["agreement.program"]


def test_rule_ii_referring(small_region):
    # The OMH does not hold the referring role.
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(ii_agreement(org="omh"))
    assert rules_of(exc) == ["agreement.II.referring"]


def test_rule_iii_worker_unknown_person(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(worker="Inconnu"))
    assert rules_of(exc) == ["agreement.III.worker"]


def test_rule_iii_worker_with_another_role(small_region):
    small_region.add_actor(Actor("org2", "Org 2", "community_org", roles=("referring",),
                                 contacts=(Contact("Luc", "director"),)))
    small_region.add_agreement(ii_agreement("II-2", org="org2"))
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(org="org2", worker="Luc"))
    assert rules_of(exc) == ["agreement.III.worker"]


def _org_with_worker(region, aid="org2", name="Luc"):
    region.add_actor(Actor(aid, "Org 2", "community_org", roles=("referring",),
                           contacts=(Contact(name, "referring_worker"),)))


def test_rule_iii_no_ii_at_all(small_region):
    _org_with_worker(small_region)
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(org="org2", worker="Luc"))
    assert rules_of(exc) == ["agreement.III.no_II"]


def test_rule_iii_no_ii_draft(small_region):
    _org_with_worker(small_region)
    small_region.add_agreement(ii_agreement("II-2", org="org2", signed_on=None, status="draft"))
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(org="org2", worker="Luc"))
    assert rules_of(exc) == ["agreement.III.no_II"]


def test_rule_iii_no_ii_expired(small_region):
    _org_with_worker(small_region)
    # Signed 2020-01-01 without end date: ended 2023-01-01 (3-year term), before the III.
    small_region.add_agreement(ii_agreement("II-2", org="org2", signed_on=dt.date(2020, 1, 1)))
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(org="org2", worker="Luc"))
    assert rules_of(exc) == ["agreement.III.no_II"]
    assert "2024-09-01" in str(exc.value)  # checked on the III's signing date


def test_rule_iii_no_ii_terminated(small_region):
    _org_with_worker(small_region)
    small_region.add_agreement(ii_agreement("II-2", org="org2", status="terminated"))
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(org="org2", worker="Luc"))
    assert rules_of(exc) == ["agreement.III.no_II"]


def test_iii_accepted_when_ii_was_current_on_its_signing_date(small_region):
    _org_with_worker(small_region)
    small_region.add_agreement(ii_agreement("II-2", org="org2", signed_on=dt.date(2021, 1, 1)))
    # The II ended on 2024-01-01; a III signed in 2023 relied on it and stays valid.
    small_region.add_agreement(iii_agreement(org="org2", worker="Luc",
                                             signed_on=dt.date(2023, 6, 1)))
    assert small_region.agreements[-1].id == "III-x"


def test_rule_iii_liaison_not_a_liaison_agent(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(liaison="Inconnue"))
    assert rules_of(exc) == ["agreement.III.liaison"]


def test_rule_iii_liaison_not_from_the_program(small_region):
    # The referring worker cannot sign as the program's liaison agent.
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(iii_agreement(liaison_actor="org", liaison=WORKER))
    assert rules_of(exc) == ["agreement.III.liaison"]


def test_rule_renews_unknown(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(ii_agreement("II-2", renews="II-ghost"))
    assert rules_of(exc) == ["agreement.renews"]


def test_rule_renews_other_type(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(ii_agreement("II-2", renews="I-1"))
    assert rules_of(exc) == ["agreement.renews"]


def test_renewal_of_same_type_accepted(small_region):
    small_region.add_agreement(ii_agreement("II-2", status="renewed", renews="II-1",
                                            signed_on=dt.date(2024, 12, 1)))
    assert small_region.agreement("II-2").renews == "II-1"


def test_duplicate_agreement_id_refused(small_region):
    with pytest.raises(ValidationError) as exc:
        small_region.add_agreement(i_agreement("I-1"))
    assert rules_of(exc) == ["duplicate"]


def test_agreement_problems_function(small_region):
    actors = small_region.actors_by_id()
    assert agreement_problems(small_region.agreement("III-1"), actors,
                              small_region.agreements) == []
    probs = agreement_problems(i_agreement(provider="ghost"), actors, [])
    assert [p.rule for p in probs] == ["agreement.unknown_actor"]


def test_failed_add_leaves_region_unchanged(small_region):
    before = list(small_region.agreements)
    with pytest.raises(ValidationError):
        small_region.add_agreement(ii_agreement(org="omh"))
    assert small_region.agreements == before


# ------------------------------------------------------------------------------- status
def test_ii_without_end_date_ends_after_three_years():
    a = ii_agreement(signed_on=dt.date(2022, 1, 10))
    assert a.end_date() == dt.date(2025, 1, 10)  # Annexe 3 cl. 12.1: three years
    assert effective_status(a) == "expired"  # today is 2025-01-15
    assert effective_status(a, dt.date(2025, 1, 10)) == "signed"  # last day still in force


def test_ii_end_date_on_29_february():
    assert ii_agreement(signed_on=dt.date(2020, 2, 29)).end_date() == dt.date(2023, 2, 28)


def test_explicit_end_date_wins():
    a = ii_agreement(signed_on=dt.date(2022, 1, 10), ends_on=dt.date(2026, 1, 1))
    assert a.end_date() == dt.date(2026, 1, 1)
    assert effective_status(a) == "signed"


def test_agreements_i_and_iii_have_no_default_end():
    assert i_agreement(signed_on=dt.date(2000, 1, 1)).end_date() is None
    assert effective_status(i_agreement(signed_on=dt.date(2000, 1, 1))) == "signed"
    assert iii_agreement().end_date() is None


def test_signed_after_the_date_reads_as_draft():
    a = ii_agreement(signed_on=dt.date(2025, 6, 1))
    assert effective_status(a) == "draft"
    assert not is_current(a)


@pytest.mark.parametrize("status", ["draft", "expired", "terminated"])
def test_inactive_statuses_are_kept(status):
    a = ii_agreement(status=status, signed_on=None if status == "draft" else D)
    assert effective_status(a) == status
    assert not is_current(a)


def test_expiring_within_90_days():
    soon = ii_agreement("II-soon", signed_on=dt.date(2022, 3, 1))  # ends 2025-03-01: 45 days
    edge = ii_agreement("II-edge", signed_on=dt.date(2022, 4, 15))  # ends 2025-04-15: 90 days
    later = ii_agreement("II-later", signed_on=dt.date(2022, 4, 16))  # 91 days
    gone = ii_agreement("II-gone", signed_on=dt.date(2022, 1, 1))  # already ended
    open_ended = i_agreement("I-open")
    got = expiring([soon, edge, later, gone, open_ended])
    assert [a.id for a in got] == ["II-soon", "II-edge"]
    assert [a.id for a in expiring([soon, edge], within_days=60)] == ["II-soon"]
    assert [a.id for a in expiring([later], on=dt.date(2025, 2, 1))] == ["II-later"]


def test_example_region_expiring(example):
    # The example sets one II to end 45 days after the reference date (athenee).
    ids = [a.id for a in expiring(example.agreements)]
    assert "II-athenee" in ids
    assert all(a.type == "II" for a in expiring(example.agreements))
    statuses = {a.id: effective_status(a) for a in example.agreements}
    assert statuses["II-le-388"] == "expired" and statuses["II-dauphine"] == "draft"


# ------------------------------------------------------------------------------- frames
def test_agreements_frame_hides_tenant_codes_by_default(small_region):
    df = agreements_frame(small_region.agreements, small_region.actors_by_id())
    assert list(df["id"]) == ["I-1", "II-1", "III-1"]
    text = df.to_csv()
    assert "CEM-0042" not in text
    assert "Locataire (code masqué)" in df.set_index("id").loc["III-1", "parties"]


def test_agreements_frame_shows_tenant_codes_on_request(small_region):
    df = agreements_frame(small_region.agreements, small_region.actors_by_id(),
                          tenant_codes=True)
    parties = df.set_index("id").loc["III-1", "parties"]
    assert "CEM-0042" in parties
    assert f"{WORKER} (Organisme référent de Démo)" in parties
    assert f"{LIAISON} (CEM)" in parties  # the program's acronym


def test_agreements_frame_columns_and_days_left(small_region):
    df = agreements_frame(small_region.agreements, small_region.actors_by_id(),
                          lang="en").set_index("id")
    assert df.loc["II-1", "ends_on"] == dt.date(2027, 1, 1)
    assert df.loc["II-1", "days_left"] == (dt.date(2027, 1, 1) - TODAY).days
    assert df.loc["II-1", "status_label"] == "Signed"
    assert not df.loc["II-1", "expiring"]
    assert df.loc["II-1", "type_label"] == "Agreement II — program and referring organisation"
    assert df.loc["III-1", "parties"].startswith("Tenant (code hidden)")


def test_agreements_frame_flags_expiring():
    a = ii_agreement("II-soon", signed_on=dt.date(2022, 3, 1))
    df = agreements_frame([a], {})
    assert bool(df.loc[0, "expiring"]) and df.loc[0, "days_left"] == 45


def test_commitments_frame_iii():
    df = commitments_frame("III")
    assert list(df.columns) == ["party", "party_label", "commitment", "source"]
    counts = df["party"].value_counts().to_dict()
    # Tableau 5: tenant 3 (+1 Annexe A clause), worker 1, liaison agent 1.
    assert counts == {"tenant": 4, "worker": 1, "liaison_agent": 1}
    assert list(dict.fromkeys(df["party"])) == ["tenant", "worker", "liaison_agent"]
    assert df["commitment"].str.contains("sonneur d’alerte").any()


def test_commitments_frame_ii_in_english():
    df = commitments_frame("II", lang="en")
    assert set(df["party_label"]) == {"Program (Clés en main)", "Referring organisation"}
    assert df["commitment"].str.contains("at least 6 months").any()
    # Annexe 3 clauses are included (term and notice).
    assert df["source"].str.contains("Annexe 3, cl. 12.1").any()


def test_commitments_frame_unknown_type():
    with pytest.raises(KeyError):
        commitments_frame("IV")
