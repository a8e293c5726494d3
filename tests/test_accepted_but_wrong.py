"""Values the model used to accept although they were wrong (issue 9, item 7)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import WORKER, build_small_region

from concert import Actor, Agreement, Contact, Party, Store, ValidationError


def rules_of(call) -> list[str]:
    with pytest.raises(ValidationError) as err:
        call()
    return err.value.rules


@pytest.mark.parametrize("name", [
    "OMH\u202e de Démo",       # right-to-left override: shows the text reversed
    "OMH\u2066 de Démo\u2069",  # bidirectional isolates
    "O\u200bMH de Démo",         # zero-width space: looks like "OMH de Démo"
    "OMH\ufeff",                 # byte-order mark inside a name
    "OMH \x1b]0;pwned\x07",      # terminal escape: sets a window title
    "OMH \x9b2J",                # C1 control (CSI): clears a terminal
])
def test_invisible_and_control_characters_are_refused(name):
    assert rules_of(lambda: Actor("x", name, "omh")) == ["text.control"]
    assert rules_of(lambda: Contact(name, "referring_worker")) == ["text.control"]


def test_ordinary_french_text_is_accepted():
    a = Actor("x", "Société d’habitation « Les Œillets » — Saint-Rémi", "omh",
              note="Première ligne\nDeuxième ligne\tavec tabulation")
    assert a.name.startswith("Société")


def test_identifiers_equal_but_for_case_are_one_record():
    r = build_small_region()
    assert rules_of(lambda: r.add_actor(Actor("OMH", "Un autre office", "omh"))) == ["duplicate"]


@pytest.mark.parametrize("twin", [
    "office municipal d’habitation de démo",      # case
    "Office  municipal d’habitation   de Démo ",  # spacing
    "Office municipal d’habitation de De\u0301mo",  # decomposed accent (NFD)
])
def test_names_equal_after_normalisation_are_refused(twin):
    r = build_small_region()
    assert rules_of(lambda: r.add_actor(Actor("omh2", twin, "omh"))) == ["actor.name_duplicate"]
    assert r.problems() == []


def test_contacts_equal_after_normalisation_are_refused():
    nfd = WORKER.replace("é", "e\u0301")
    assert rules_of(lambda: Actor("x", "X", "community_org", contacts=(
        Contact(WORKER, "referring_worker"), Contact(nfd, "other")))) == [
        "actor.contact_duplicate"]


def test_program_cannot_refer_to_itself():
    r = build_small_region()
    prog = r.actor("cem")
    r.actors[0] = dataclasses.replace(prog, roles=("referring",))
    ii = Agreement("II-soi", "II", (Party("program", "cem"), Party("referring_org", "cem")),
                   signed_on=dt.date(2024, 2, 1))
    assert rules_of(lambda: r.add_agreement(ii)) == ["agreement.II.self"]


def test_agreements_renewing_each_other_are_refused():
    r = build_small_region()
    parties = (Party("housing_provider", "omh"), Party("program", "cem"))
    r.agreements.append(Agreement("I-a", "I", parties, signed_on=dt.date(2023, 1, 1),
                                  renews="I-b"))
    r.agreements.append(Agreement("I-b", "I", parties, signed_on=dt.date(2024, 1, 1),
                                  renews="I-a"))
    assert sorted(p.rule for p in r.problems()) == ["agreement.renews_cycle"] * 2
    with pytest.raises(ValidationError), Store(memory=True) as store:
        store.save_region(r)


@pytest.mark.parametrize("year", [9997, 1066, 2200])
def test_dates_outside_the_calendar_of_ententes_are_refused(year):
    when = dt.date(year, 6, 1)
    assert rules_of(lambda: Agreement(
        "II-x", "II", (Party("program", "cem"), Party("referring_org", "org")),
        signed_on=when)) == ["date.range"]


def test_the_last_accepted_year_still_computes_its_end():
    ii = Agreement("II-x", "II", (Party("program", "cem"), Party("referring_org", "org")),
                   signed_on=dt.date(2199, 2, 28))
    assert ii.end_date() == dt.date(2202, 2, 28)
