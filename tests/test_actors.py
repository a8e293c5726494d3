"""Actors and contacts: construction, defaults, refusal rules, helpers and frame."""

from __future__ import annotations

import pytest

from concert import Actor, Contact, ValidationError, actors_frame
from concert.actors import is_housing_provider, is_program, is_referring, key_actor_rows_of


def test_sector_defaults_to_the_type_sector():
    assert Actor("o", "OMH", "omh").sector == "housing"
    assert Actor("c", "CIUSSS", "cisss").sector == "health"
    assert Actor("p", "Programme", "program").sector == "program"


def test_explicit_sector_overrides_the_default():
    # The CMCQ is a coalition (community by default) of the housing sector (example region).
    assert Actor("cmcq", "CMCQ", "coalition", sector="housing").sector == "housing"


def test_lists_become_tuples_and_roles_are_sorted_without_repeats():
    a = Actor("a", "A", "community_org", territories=["Québec"],
              roles=["referring", "carrier", "referring"], contacts=[Contact("X")])
    assert a.territories == ("Québec",)
    assert a.roles == ("carrier", "referring")
    assert isinstance(a.contacts, tuple)


def test_actor_is_frozen():
    a = Actor("a", "A", "omh")
    with pytest.raises(AttributeError):
        a.name = "B"  # type: ignore[misc]


def test_label_is_acronym_else_name():
    assert Actor("a", "Office municipal", "omh", acronym="OMH").label() == "OMH"
    assert Actor("a", "Office municipal", "omh").label() == "Office municipal"


def test_contact_lookup():
    a = Actor("a", "A", "program", contacts=(Contact("Camille", "liaison_agent"),))
    assert a.contact("Camille").role == "liaison_agent"
    assert a.contact("Nobody") is None


# ------------------------------------------------------------------------------- refusals
@pytest.mark.parametrize("bad_id", ["", "a b", "-a", "é", "a" * 65, "a/b", None, 3])
def test_bad_id_refused(bad_id):
    with pytest.raises(ValidationError) as exc:
        Actor(bad_id, "A", "omh")
    assert exc.value.rules == ["id"]


def test_id_with_trailing_newline_refused():
    # "$" in a regular expression also matches before a final newline: ids must not.
    with pytest.raises(ValidationError) as exc:
        Actor("omh\n", "A", "omh")
    assert "id" in exc.value.rules


def test_longest_id_accepted():
    assert Actor("a" * 64, "A", "omh").id == "a" * 64  # 1 + 63 characters allowed


def test_unknown_type_refused():
    with pytest.raises(ValidationError, match="castle") as exc:
        Actor("a", "A", "castle")
    assert exc.value.rules == ["code.actor_type"]


def test_sector_required_for_type_other():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "other")
    assert exc.value.rules == ["actor.sector_required"]
    assert Actor("a", "A", "other", sector="municipal").sector == "municipal"


def test_unknown_sector_refused():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "omh", sector="space")
    assert exc.value.rules == ["code.sector"]


def test_unknown_role_refused():
    with pytest.raises(ValidationError, match="landlord") as exc:
        Actor("a", "A", "omh", roles=("housing_provider", "landlord"))
    assert exc.value.rules == ["code.org_role"]


def test_duplicate_contact_names_refused():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "program", contacts=(Contact("Camille", "liaison_agent"),
                                             Contact("Camille", "director")))
    assert exc.value.rules == ["actor.contact_duplicate"]


@pytest.mark.parametrize("engagement", ["engaged", "", None, 2])
def test_bad_engagement_refused(engagement):
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "omh", engagement=engagement)
    assert exc.value.rules == ["code.engagement"]


def test_name_required():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "   ", "omh")
    assert exc.value.rules == ["text.required"]


def test_contacts_must_be_contacts():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "omh", contacts=("Camille",))
    assert exc.value.rules == ["seq.type"]


def test_illustrative_must_be_a_bool():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "omh", illustrative=1)
    assert exc.value.rules == ["bool.type"]


def test_every_broken_rule_is_listed():
    with pytest.raises(ValidationError) as exc:
        Actor("bad id", "", "castle", engagement="x")
    # An unknown type is reported once: no extra "sector required" for it.
    assert exc.value.rules == ["id", "text.required", "code.actor_type", "code.engagement"]


def test_contact_unknown_role_refused():
    with pytest.raises(ValidationError) as exc:
        Contact("Camille", "boss")
    assert exc.value.rules == ["code.contact_role"]


def test_contact_name_required_and_no_control_characters():
    with pytest.raises(ValidationError) as exc:
        Contact("")
    assert exc.value.rules == ["text.required"]
    with pytest.raises(ValidationError) as exc:
        Contact("Cam\x00ille")
    assert exc.value.rules == ["text.control"]


def test_messages_in_both_languages():
    with pytest.raises(ValidationError) as exc:
        Actor("a", "A", "other")
    assert "secteur est obligatoire" in str(exc.value)  # settings.language is "fr"
    assert "sector is required" in exc.value.text("en")


# ------------------------------------------------------------------------------- helpers
def test_is_housing_provider_by_type_or_role():
    assert is_housing_provider(Actor("c", "Coop", "coop"))
    assert not is_housing_provider(Actor("c", "CIUSSS", "cisss"))
    assert is_housing_provider(Actor("c", "CIUSSS", "cisss", roles=("housing_provider",)))


def test_is_referring_and_is_program():
    org = Actor("o", "Org", "community_org", roles=("referring",))
    assert is_referring(org) and not is_program(org)
    assert is_program(Actor("p", "P", "program"))
    assert not is_referring(Actor("p", "P", "community_org"))


def test_key_actor_rows_by_type_and_role():
    assert key_actor_rows_of(Actor("o", "OMH", "omh")) == ("omh",)
    # A carrier that is also a community organisation fills two rows (Tableau 6 double role).
    carrier = Actor("p", "Pech", "community_org", roles=("carrier", "referring"))
    assert key_actor_rows_of(carrier) == ("community_support", "carrier")
    assert key_actor_rows_of(Actor("x", "X", "private_landlord")) == ()


def test_actors_frame(small_region):
    df = actors_frame(small_region.actors)
    assert list(df["id"]) == ["cem", "omh", "org"]
    assert list(df.columns) == ["id", "name", "acronym", "type", "type_label", "sector",
                                "sector_label", "territories", "roles", "engagement",
                                "engagement_label", "contacts", "illustrative"]
    row = df.set_index("id").loc["omh"]
    assert row["type_label"] == "Office municipal d’habitation (OMH)"
    assert row["roles"] == "housing_provider"
    assert df.set_index("id").loc["org", "contacts"] == 1
    en = actors_frame(small_region.actors, lang="en").set_index("id")
    assert en.loc["org", "engagement_label"] == "At the table"


def test_actors_frame_empty_keeps_columns():
    df = actors_frame([])
    assert len(df) == 0 and "type_label" in df.columns


def test_lone_surrogate_refused():
    # Not valid Unicode text: it could not be written to SQLite or JSON (UTF-8).
    with pytest.raises(ValidationError) as exc:
        Actor("a", "Office \ud800", "omh")
    assert exc.value.rules == ["text.control"]
