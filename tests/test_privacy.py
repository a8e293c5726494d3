"""anonymise_region: nothing names an organisation or a person; structure and stages stay."""

from __future__ import annotations

from concert import maturity, region_to_graph
from concert.privacy import anonymise_region


def test_names_ids_and_contacts_are_replaced(example):
    anon = anonymise_region(example, lang="fr")
    anon.validate()  # still a valid region
    names = {a.name for a in anon.actors}
    assert not names & {a.name for a in example.actors}
    # Numbered per type, in the region's order: the first OMH is the OMHQ.
    assert anon.actors[1].name == "Office municipal d’habitation (OMH) 1"
    assert all(a.id.startswith("actor-") and not a.acronym and not a.note for a in anon.actors)
    assert all(not c.email and not c.phone for a in anon.actors for c in a.contacts)
    people = {c.name for a in example.actors for c in a.contacts}
    assert not people & {c.name for a in anon.actors for c in a.contacts}


def test_tenant_codes_and_free_texts_are_hidden(example):
    anon = anonymise_region(example)
    codes = {p.tenant_code for g in anon.agreements for p in g.parties if p.tenant_code}
    assert codes and all(c.startswith("ANON-") for c in codes)
    assert all(not g.note for g in anon.agreements)
    assert all(not a.evidence and a.respondent in ("", "R1", "R2", "R3")
               for s in anon.assessments for a in s.answers)


def test_structure_and_stages_are_kept(example):
    anon = anonymise_region(example)
    g0, g1 = region_to_graph(example), region_to_graph(anon)
    assert (g0.number_of_nodes(), g0.number_of_edges()) == (g1.number_of_nodes(),
                                                            g1.number_of_edges())
    before = {k: r.placement for k, r in maturity(example.assessment()).items()}
    after = {k: r.placement for k, r in maturity(anon.assessment()).items()}
    assert before == after


def test_the_original_is_not_modified(example):
    names = [a.name for a in example.actors]
    anonymise_region(example)
    assert [a.name for a in example.actors] == names
