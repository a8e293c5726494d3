"""The stage rule (indicators module docstring) and its explanations, edge case by edge case."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import concert
from concert import (
    Answer,
    Assessment,
    Placement,
    ValidationError,
    compare_assessments,
    maturity,
    maturity_frame,
    region_stage,
)
from concert.i18n import criterion_label
from concert.indicators import criterion_states, majority_rule, source_rule, spread_frame

ON = dt.date(2024, 12, 1)


def assess(levels: dict[str, int | tuple[int, ...]], aid: str = "a") -> Assessment:
    """An assessment from {criterion: level} or {criterion: (level per respondent)}."""
    answers = []
    for code, lv in levels.items():
        for i, level in enumerate(lv if isinstance(lv, tuple) else (lv,)):
            answers.append(Answer(code, level, f"R{i}"))
    return Assessment(aid, ON, answers)


def place(levels, indicator: str, **kw) -> Placement:
    return maturity(assess(levels), **kw)[indicator].placement


# ------------------------------------------------------------------------------- not assessed
def test_no_answers_means_not_assessed():
    res = maturity(Assessment("a", ON))
    assert set(res) == {"convergence", "structure", "mutualisation", "climat"}
    for r in res.values():
        assert not r.assessed
        assert r.position is None and r.stage is None
        assert r.stage_label() == "Non évalué"
        assert r.next_stage == "communication"
    assert len(res["convergence"].unanswered) == 6


def test_other_indicators_answered_does_not_assess_this_one():
    res = maturity(assess({"climat.coordination.1": 2}))
    assert res["climat"].assessed
    assert not res["convergence"].assessed


# ------------------------------------------------------------------------------- communication
def test_nothing_observed_in_communication_is_before_communication():
    p = place({"convergence.communication.1": 0, "convergence.communication.2": 0},
              "convergence")
    assert p == Placement(None, "communication")
    assert p.position == 0.5


def test_before_communication_label_and_next_stage():
    r = maturity(assess({"mutualisation.communication.1": 0}))["mutualisation"]
    assert r.assessed and r.stage is None
    assert r.stage_label() == "Avant la communication"
    assert r.stage_label("en") == "Before communication"
    assert r.next_stage == "communication"
    assert r.missing == ("mutualisation.communication.1",)


def test_one_partial_communication_criterion_reaches_communication():
    assert place({"convergence.communication.2": 1}, "convergence") == Placement("communication")


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_descriptor_alone_does_not_reach_communication(level):
    # "Présence d’intérêts conflictuels" describes the start; it is not an achievement.
    p = place({"convergence.communication.3": level}, "convergence")
    assert p == Placement(None, "communication")


@pytest.mark.parametrize("level", [0, 3])
def test_descriptor_never_moves_the_stage(level):
    base = {"convergence.communication.1": 2, "convergence.coordination.1": 2}
    with_descriptor = {**base, "convergence.communication.3": level}
    assert place(with_descriptor, "convergence") == place(base, "convergence") == \
        Placement("coordination")


def test_descriptor_listed_apart_from_met_criteria():
    r = maturity(assess({"convergence.communication.1": 2,
                         "convergence.communication.3": 3}))["convergence"]
    assert r.descriptors == ("convergence.communication.3",)
    assert "convergence.communication.3" not in r.met
    assert "Présence d’intérêts conflictuels" in r.explain()


@pytest.mark.parametrize("indicator", ["structure", "climat"])
@pytest.mark.parametrize("level", [0, 3])
def test_all_descriptor_communication_indicators_start_at_communication(indicator, level):
    # Structure and climat have only descriptors at communication: assessed = communication.
    p = place({f"{indicator}.communication.1": level}, indicator)
    assert p == Placement("communication")


# ------------------------------------------------------------------------------- coordination
def test_all_coordination_criteria_met_is_coordination():
    p = place({"structure.coordination.1": 2, "structure.coordination.2": 3}, "structure")
    assert p == Placement("coordination")
    assert p.position == 2.0


def test_one_of_two_coordination_criteria_met_is_between():
    p = place({"structure.coordination.1": 2, "structure.coordination.2": 0}, "structure")
    assert p == Placement("communication", "coordination")
    assert p.position == 1.5


def test_partial_coordination_is_between():
    p = place({"climat.coordination.1": 1}, "climat")
    assert p == Placement("communication", "coordination")


def test_absent_coordination_stays_at_communication():
    p = place({"climat.coordination.1": 0}, "climat")
    assert p == Placement("communication")


# ------------------------------------------------------------------------------- cooperation
def test_porte_cles_structure_between_coordination_and_cooperation():
    # Both coordination criteria met, the cooperation criterion emerging (level 1): the
    # guide's Porte-Clés self-assessment (L5856-5887).
    r = maturity(assess({"structure.coordination.1": 2, "structure.coordination.2": 2,
                         "structure.cooperation.1": 1}))["structure"]
    assert r.placement == Placement("coordination", "cooperation")
    assert r.position == 2.5
    assert r.between
    assert r.stage_label() == "Entre coordination et coopération"
    assert r.missing == ("structure.cooperation.1",)
    assert r.partial == ("structure.cooperation.1",)


def test_all_criteria_met_is_cooperation():
    r = maturity(assess({"climat.coordination.1": 3, "climat.cooperation.1": 2,
                         "climat.cooperation.2": 2}))["climat"]
    assert r.placement == Placement("cooperation")
    assert r.position == 3.0
    assert r.next_stage is None and r.missing == ()
    assert r.guidance() == ""


def test_some_cooperation_criteria_met_is_between():
    p = place({"climat.coordination.1": 2, "climat.cooperation.1": 3,
               "climat.cooperation.2": 0}, "climat")
    assert p == Placement("coordination", "cooperation")


def test_stages_are_cumulative():
    # Cooperation criterion met, coordination not met: not cooperation.
    r = maturity(assess({"mutualisation.communication.1": 2, "mutualisation.coordination.1": 0,
                         "mutualisation.cooperation.1": 3}))["mutualisation"]
    assert r.placement == Placement("communication")
    assert r.next_stage == "coordination"
    assert r.missing == ("mutualisation.coordination.1",)
    # ... and a note says the later criterion was observed early.
    assert len(r.notes) == 1
    assert r.notes[0].text().startswith("Déjà observés à un stade ultérieur")
    assert "Présence d’un ou plusieurs projets communs dépassant le mandat de chacun" in \
        r.notes[0].text()


def test_early_note_in_english():
    r = maturity(assess({"mutualisation.communication.1": 2,
                         "mutualisation.cooperation.1": 3}))["mutualisation"]
    assert [n.text("en") for n in r.notes] == [
        ("Already observed at a later stage: One or more joint projects going beyond each "
        "actor's mandate")]


def test_results_render_in_the_language_asked_not_the_one_computed_in():
    r = maturity(assess({"mutualisation.communication.1": 2,
                         "mutualisation.cooperation.1": 3}), lang="fr")["mutualisation"]
    english = r.explain("en")
    assert "Already observed at a later stage" in english
    assert "Déjà" not in english and "Mutualisation" not in english.splitlines()[0]
    d = r.to_dict("en")
    code = d["missing"][0]["code"]
    assert d["notes"][0].startswith("Already")
    assert d["missing"][0]["label"] == criterion_label(code, "en") != criterion_label(code, "fr")


def test_no_early_note_for_the_next_stage():
    # A cooperation criterion while between coordination and cooperation is not "early".
    r = maturity(assess({"climat.coordination.1": 2, "climat.cooperation.1": 2}))["climat"]
    assert r.notes == ()


def test_unanswered_criteria_of_next_stage_do_not_count():
    # Unanswered is not met: coordination stays unreached.
    p = place({"convergence.communication.1": 3, "convergence.cooperation.1": 3}, "convergence")
    assert p == Placement("communication")


# ------------------------------------------------------------------------------- medians
def test_median_of_3_and_1_is_2_met():
    s = criterion_states(assess({"climat.coordination.1": (3, 1)}))["climat.coordination.1"]
    assert s.median == 2.0  # (3 + 1) / 2
    assert s.status == "met"
    assert (s.low, s.high, s.spread) == (1, 3, 2)
    assert s.levels == (3, 1)


def test_median_of_1_and_2_is_partial():
    s = criterion_states(assess({"climat.coordination.1": (1, 2)}))["climat.coordination.1"]
    assert s.median == 1.5  # half a level counts as partial
    assert s.status == "partial"


def test_median_of_three_respondents():
    s = criterion_states(assess({"climat.coordination.1": (0, 0, 3)}))["climat.coordination.1"]
    assert s.median == 0.0 and s.status == "absent" and s.spread == 3


def test_unanswered_state():
    s = criterion_states(assess({}))["climat.coordination.1"]
    assert (s.median, s.low, s.high, s.spread, s.status) == (None, None, None, None,
                                                             "unanswered")


def test_median_drives_the_stage():
    assert place({"climat.coordination.1": (3, 1)}, "climat") == Placement("coordination")
    assert place({"climat.coordination.1": (1, 2)}, "climat") == \
        Placement("communication", "coordination")


def test_evidence_kept():
    a = Assessment("a", ON, [Answer("climat.coordination.1", 2, "A", "Vu en réunion"),
                             Answer("climat.coordination.1", 2, "B")])
    assert criterion_states(a)["climat.coordination.1"].evidence == ("Vu en réunion",)


def test_spread_frame():
    df = spread_frame(assess({"climat.coordination.1": (3, 1),
                              "convergence.coordination.1": (2, 2, 2)}))
    assert len(df) == 17  # one row per criterion of the framework
    assert list(df.columns) == ["criterion", "indicator", "stage", "answers", "median", "low",
                                "high", "spread", "status"]
    row = df.set_index("criterion").loc["climat.coordination.1"]
    assert (row["answers"], row["median"], row["low"], row["high"], row["spread"]) == \
        (2, 2.0, 1, 3, 2)
    assert df.set_index("criterion").loc["convergence.coordination.1", "spread"] == 0


def test_respondents_in_order():
    a = Assessment("a", ON, [Answer("climat.coordination.1", 2, "B"),
                             Answer("climat.coordination.1", 2, "A"),
                             Answer("climat.cooperation.1", 2, "B")])
    assert a.respondents == ("B", "A")


# ------------------------------------------------------------------------------- validation
def test_duplicate_answer_refused():
    with pytest.raises(ValidationError, match="deux fois") as exc:
        Assessment("a", ON, [Answer("climat.coordination.1", 2, "A"),
                             Answer("climat.coordination.1", 1, "A")])
    assert exc.value.rules == ["answer.duplicate"]


@pytest.mark.parametrize("level", [-1, 4, 2.0, True, None, "2"])
def test_bad_level_refused(level):
    with pytest.raises(ValidationError) as exc:
        Assessment("a", ON, [Answer("climat.coordination.1", level)])
    assert exc.value.rules == ["answer.level"]


def test_unknown_criterion_refused():
    with pytest.raises(ValidationError) as exc:
        Assessment("a", ON, [Answer("climat.cooperation.3", 2)])
    assert exc.value.rules == ["answer.criterion"]


def test_assessment_needs_a_date():
    with pytest.raises(ValidationError) as exc:
        Assessment("a", None)
    assert exc.value.rules == ["date.required"]


def test_unhashable_answer_fields_are_refused_not_crashed():
    with pytest.raises(ValidationError) as exc:
        Assessment("a", ON, [Answer(["climat.coordination.1"], 2, ["A"])])
    assert exc.value.rules == ["answer.criterion", "text.type"]


# ------------------------------------------------------------------------------- region stage
def test_region_stage_is_the_lowest_position():
    res = maturity(assess({
        "convergence.communication.1": 2, "convergence.coordination.1": 2,  # 2.0
        "structure.communication.1": 2,  # 1.0
        "climat.coordination.1": 2, "climat.cooperation.1": 2,  # 2.5
    }))
    r = region_stage(res)
    assert r.indicator == "region"
    assert r.placement == Placement("communication")
    assert r.position == 1.0
    assert r.missing == ("structure",)  # the indicator holding the region back
    assert r.next_stage == "coordination"
    # Mutualisation is not assessed: the note says 3 of 4.
    assert [n.text() for n in r.notes] == [
        "Stade de la région établi sur 3 indicateurs évalués sur 4"]


def test_region_stage_between():
    res = maturity(assess({"structure.coordination.1": 2, "structure.coordination.2": 2,
                           "structure.cooperation.1": 1,
                           "climat.coordination.1": 2, "climat.cooperation.1": 1}))
    r = region_stage(res)
    assert r.placement == Placement("coordination", "cooperation")
    assert r.missing == ("structure", "climat")


def test_region_not_assessed():
    r = region_stage(maturity(Assessment("a", ON)))
    assert not r.assessed and r.position is None


def test_example_region_stage(example):
    # Latest example assessment: structure and climat between coordination and coopération.
    res = maturity(example.assessment())
    r = region_stage(res)
    assert r.placement == Placement("coordination", "cooperation")
    assert set(r.missing) == {"structure", "climat"}


def test_maturity_frame():
    df = maturity_frame(assess({"structure.coordination.1": 2, "structure.coordination.2": 2,
                                "structure.cooperation.1": 1}))
    assert list(df["indicator"]) == ["convergence", "structure", "mutualisation", "climat",
                                     "region"]
    s = df.set_index("indicator").loc["structure"]
    assert (s["stage"], s["towards"], s["position"]) == ("coordination", "cooperation", 2.5)
    assert s["stage_label"] == "Entre coordination et coopération"
    assert (s["met"], s["partial"], s["missing"]) == (2, 1, 1)
    assert df.set_index("indicator").loc["region", "position"] == 2.5


# ------------------------------------------------------------------------------- positions
POSITIONS = [
    (Placement(None), 0.0),
    (Placement(None, "communication"), 0.5),
    (Placement("communication"), 1.0),
    (Placement("communication", "coordination"), 1.5),
    (Placement("coordination"), 2.0),
    (Placement("coordination", "cooperation"), 2.5),
    (Placement("cooperation"), 3.0),
]


@pytest.mark.parametrize(("placement", "position"), POSITIONS)
def test_position_round_trip(placement, position):
    assert placement.position == position
    assert Placement.from_position(position) == placement


def test_seven_distinct_positions():
    assert len({p.position for p, _ in POSITIONS}) == 7


# ------------------------------------------------------------------------------- rules
def test_majority_rule_replaces_the_default():
    levels = {"convergence.communication.1": 2, "convergence.communication.2": 2,
              "convergence.coordination.1": 2, "convergence.cooperation.1": 2,
              "convergence.cooperation.2": 0}
    # Source rule: one of two cooperation criteria met -> between.
    assert place(levels, "convergence") == Placement("coordination", "cooperation")
    # Majority rule: 1 of 2 is not more than half -> coordination, never "between".
    assert place(levels, "convergence", rule=majority_rule) == Placement("coordination")


def test_majority_rule_before_communication():
    p = place({"convergence.communication.1": 2, "convergence.communication.2": 0},
              "convergence", rule=majority_rule)
    assert p == Placement(None, "communication")


def test_custom_lambda_rule():
    res = maturity(assess({"climat.coordination.1": 0}),
                   rule=lambda ind, states: Placement("cooperation"))
    assert res["climat"].placement == Placement("cooperation")
    # Indicators without answers are not assessed whatever the rule.
    assert not res["convergence"].assessed


def test_custom_rule_receives_indicator_and_states():
    seen = []

    def rule(ind, states):
        seen.append((ind.code, states["climat.coordination.1"].status))
        return source_rule(ind, states)

    maturity(assess({"climat.coordination.1": 2}), rule=rule)
    assert seen == [("climat", "met")]


@pytest.mark.parametrize("bad", [None, "coordination", 2.0, ("coordination", None)])
def test_rule_returning_a_non_placement_raises_typeerror(bad):
    with pytest.raises(TypeError, match="doit renvoyer un objet de type Placement") as exc:
        maturity(assess({"climat.coordination.1": 2}), rule=lambda ind, states: bad)
    assert "must return an object of type Placement" in exc.value.text("en")


# ------------------------------------------------------------------------------- comparison
BEFORE = {"convergence.communication.1": 2,  # communication (1.0)
          "structure.coordination.1": 2, "structure.coordination.2": 2,  # coordination (2.0)
          "mutualisation.communication.1": 2, "mutualisation.coordination.1": 2}  # 2.0
AFTER = {"convergence.communication.1": 2, "convergence.coordination.1": 2,  # 2.0
         "structure.coordination.1": 2, "structure.coordination.2": 2,
         "structure.cooperation.1": 1,  # 2.5
         "mutualisation.communication.1": 2, "mutualisation.coordination.1": 1}  # 1.5


def test_compare_assessments_changes():
    df = compare_assessments(assess(BEFORE, "a0"), assess(AFTER, "a1")).set_index("indicator")
    assert list(df.index) == ["convergence", "structure", "mutualisation", "climat", "region"]
    assert df.loc["convergence", "change"] == 1.0  # communication -> coordination
    assert df.loc["structure", "change"] == 0.5  # coordination -> between
    assert df.loc["mutualisation", "change"] == -0.5  # coordination -> between below
    assert pd.isna(df.loc["climat", "change"])  # not assessed either time
    assert df.loc["region", "change"] == 0.5  # lowest 1.0 -> lowest 1.5
    assert df.loc["structure", "before"] == "Coordination"
    assert df.loc["structure", "after"] == "Entre coordination et coopération"


def test_compare_assessments_gained_and_lost():
    df = compare_assessments(assess(BEFORE, "a0"), assess(AFTER, "a1")).set_index("indicator")
    assert df.loc["convergence", "gained"] == "Concertation"
    assert df.loc["convergence", "lost"] == ""
    assert df.loc["mutualisation", "lost"] == "Mise en commun de ressources"
    assert df.loc["structure", "gained"] == ""  # partial is not met
    assert df.loc["region", "gained"] == "Concertation"
    assert df.loc["region", "lost"] == "Mise en commun de ressources"


def test_compare_assessments_in_english():
    df = compare_assessments(assess(BEFORE, "a0"), assess(AFTER, "a1"),
                             lang="en").set_index("indicator")
    assert df.loc["convergence", "gained"] == "Concertation (a deliberate joint effort)"
    assert df.loc["region", "label"] == "Region"


# ------------------------------------------------------------------------------- explain
def test_explain_in_french():
    r = maturity(assess({"convergence.communication.1": 2}))["convergence"]
    text = r.explain()
    assert text.splitlines()[0] == "Convergence des acteurs : Communication"
    assert "Critères observés : Présence d’une première volonté de travailler ensemble" in text
    assert "Pour atteindre le stade coordination, il manque : Concertation" in text
    assert "Repères du guide : Pour passer au stade de coordination" in text
    assert "Outils : Modèle de cadre de partenariat (Annexe 5)" in text


def test_explain_in_english():
    r = maturity(assess({"convergence.communication.1": 2}))["convergence"]
    text = r.explain("en")
    assert text.splitlines()[0] == "Convergence of actors: Communication"
    assert "To reach Coordination, missing: Concertation (a deliberate joint effort)" in text
    assert "Guidance from the guide: Moving to coordination takes a concertation effort" in text
    assert "Tools: Model partnership framework (Annex 5)" in text


def test_explain_follows_the_settings_language():
    r = maturity(assess({"climat.coordination.1": 1}))["climat"]
    assert "En émergence : Reconnaissance d’approches différentes" in r.explain()
    concert.settings.language = "en"
    assert "Emerging: Different approaches are recognised" in r.explain()


def test_explain_not_assessed_is_one_line():
    r = maturity(Assessment("a", ON))["structure"]
    assert r.explain() == "Structure du projet : Non évalué"


def test_explain_at_cooperation_has_no_missing_line():
    r = maturity(assess({"climat.coordination.1": 3, "climat.cooperation.1": 3,
                         "climat.cooperation.2": 3}))["climat"]
    assert "il manque" not in r.explain()


def test_guidance_and_tools():
    r = maturity(assess({"mutualisation.communication.1": 2}))["mutualisation"]
    assert r.guidance("fr").startswith("Au stade de coordination")
    assert r.tools("fr")[0].startswith("Grille d’identification des acteurs-clés")
    assert maturity(assess({"climat.coordination.1": 0}))["climat"].tools() == ()
