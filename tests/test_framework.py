"""The reference framework against the source guide's tables (Tableaux 5 to 10).

The expected values below are this test file's own transcription of the guide
(Morin, Lain & Vallée 2020, text extraction ``shared/seeds/000``), not copies of
``concert.framework``: Tableau 5 L3934-4072, Tableau 6 L4075-4345, Tableaux 7-10
L4413-4603, Annexe 3 cl. 12 L9639-9647.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from concert import framework as fw

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_7150e0c789458ca2.txt"

# (indicator, stage) -> criterion labels, verbatim from Tableaux 7-10, in source order.
SOURCE_CRITERIA: dict[tuple[str, str], tuple[str, ...]] = {
    # Tableau 7 — Convergence des acteurs (L4413-4439)
    ("convergence", "communication"): (
        "Présence d’une première volonté de travailler ensemble",
        "Présence d’intérêts communs",
        "Présence d’intérêts conflictuels",
    ),
    ("convergence", "coordination"): ("Concertation",),
    ("convergence", "cooperation"): (
        "Présence d’une vision commune",
        "Utilisation d’un langage et d’outils communs",
    ),
    # Tableau 8 — Structure du projet (L4469-4491)
    ("structure", "communication"): ("Transmission de l’information parfois unidirectionnelle",),
    ("structure", "coordination"): (
        "Définition et partage efficace des rôles",
        "Activités et projets communs",
    ),
    ("structure", "cooperation"): ("Une planification commune et un projet structurant",),
    # Tableau 9 — Mutualisation des ressources et compétences (L4509-4529)
    ("mutualisation", "communication"): ("Échange de ressources",),
    ("mutualisation", "coordination"): ("Mise en commun de ressources",),
    ("mutualisation", "cooperation"): (
        "Présence d’un ou plusieurs projets communs dépassant le mandat de chacun",
    ),
    # Tableau 10 — Climat (L4551-4573)
    ("climat", "communication"): ("Objectifs indépendants",),
    ("climat", "coordination"): ("Reconnaissance d’approches différentes",),
    ("climat", "cooperation"): (
        "Un aspect naturel, spontané et intégré dans les habitudes ou en voie de l’être",
        "Présence d’espaces de questionnements pour se réguler",
    ),
}

INDICATOR_CODES = ("convergence", "structure", "mutualisation", "climat")
STAGE_CODES = ("communication", "coordination", "cooperation")

# Criterion counts per stage (communication, coordination, coopération), Tableaux 7-10.
COUNTS = {"convergence": (3, 1, 2), "structure": (1, 2, 1), "mutualisation": (1, 1, 1),
          "climat": (1, 1, 2)}

# The indicators' names, Section VIII.3 (L4405-4412) and table headings.
INDICATOR_NAMES = {
    "convergence": "Convergence des acteurs",
    "structure": "Structure du projet",
    "mutualisation": "Mutualisation des compétences et des ressources",
    "climat": "Climat",
}

# Tableau 6: the seven key-actor rows, verbatim (L4090-4274).
KEY_ACTORS = (
    "Représentants des personnes utilisatrices et leurs familles",
    "Offices municipaux d’habitation",
    "Municipalité(s)",
    "Centre intégré (universitaire) de santé et de services sociaux (CISSS ou CIUSSS)",
    "Organismes communautaires offrant un soutien dans la communauté",
    "OBNL et Coops",
    "Fiduciaire ou organisme porteur agissant comme dispensateur de services dans le milieu",
)

# Tableau 5: number of commitments per agreement and party (table cells, not annex clauses).
TABLEAU_5_COUNTS = {
    "I": {"housing_provider": 2, "program": 2},
    "II": {"program": 1, "referring_org": 1},
    # The "Engagement Clés en main" column of entente III is the liaison agent's.
    "III": {"liaison_agent": 1, "tenant": 3, "worker": 1},
}

# Tableau 5: one key phrase of each commitment, verbatim, per agreement and party.
TABLEAU_5_WORDING = {
    ("I", "housing_provider"): ("Mise à disposition de logements ou d’unités de subvention PSL",
                                "Délègue le rôle de présélection des locataires"),
    ("I", "program"): ("Assure l’attribution des unités de logement disponibles",
                       "Prévient la survenue des situations à risque d’instabilité résidentielle"),
    ("II", "program"): (("ouvrir les périodes de candidatures aux organismes et institutions "
                        "signataires"),),
    ("II", "referring_org"): ("dont il assure le suivi depuis minimalement 6 mois",),
    ("III", "liaison_agent"): ("assurer le soutien du locataire et de son intervenant",),
    ("III", "tenant"): ("recevoir le soutien de l’intervenant référent pendant la première année",
                        "l’agent de liaison et l’office municipal d’habitation",
                        "respecter les conditions liées à la subvention"),
    ("III", "worker"): ("sonneur d’alerte",),
}

# Tableau 7 "Outils" (L4463-4468).
TABLEAU_7_TOOLS = (
    "Modèle de cadre de partenariat (Annexe 5)",
    "Modèle d’outil pour évaluation du risque d’instabilité résidentielle (Annexe 6)",
    "Modèle de formulaire de référence au programme (Annexe 7)",
)


def collapse(text: str) -> str:
    """Collapse runs of whitespace into one space (the extraction wraps table cells)."""
    return re.sub(r"\s+", " ", text).strip()


# ------------------------------------------------------------------------------- criteria
def test_seventeen_criteria_in_all():
    # 3+1+2 + 1+2+1 + 1+1+1 + 1+1+2 = 17 criteria in Tableaux 7-10.
    assert len(fw.CRITERIA) == 17
    assert len({c.code for c in fw.CRITERIA}) == 17


@pytest.mark.parametrize("indicator", INDICATOR_CODES)
def test_criteria_counts_per_stage(indicator):
    ind = fw.indicator(indicator)
    counts = tuple(len(ind.criteria_at(s)) for s in STAGE_CODES)
    assert counts == COUNTS[indicator]


@pytest.mark.parametrize(("indicator", "stage"), list(SOURCE_CRITERIA))
def test_criteria_labels_verbatim(indicator, stage):
    labels = tuple(c.fr for c in fw.indicator(indicator).criteria_at(stage))
    assert labels == SOURCE_CRITERIA[(indicator, stage)]


def test_criteria_use_the_typographic_apostrophe():
    # The source writes ’ (U+2019), never the ASCII ' in these labels.
    for c in fw.CRITERIA:
        assert "'" not in c.fr, c.code


def test_criterion_codes_name_indicator_and_stage():
    for c in fw.CRITERIA:
        ind, stage, n = c.code.split(".")
        assert (ind, stage) == (c.indicator, c.stage)
        assert int(n) >= 1


@pytest.mark.parametrize("code", ["convergence.communication.3", "structure.communication.1",
                                  "climat.communication.1"])
def test_descriptor_criteria(code):
    # Conflicting interests, one-way information and independent objectives describe the
    # starting situation (indicators module docstring, rule 2).
    assert fw.criterion(code).descriptor


def test_only_three_descriptors():
    assert sorted(c.code for c in fw.CRITERIA if c.descriptor) == [
        "climat.communication.1", "convergence.communication.3", "structure.communication.1"]


def test_every_criterion_has_source_and_english():
    for c in fw.CRITERIA:
        assert c.source.strip(), c.code
        assert c.en.strip(), c.code
        # The citation names the table of its indicator.
        table = {"convergence": "7", "structure": "8", "mutualisation": "9", "climat": "10"}
        assert c.source.startswith(f"Tableau {table[c.indicator]} "), c.code


def test_criteria_labels_appear_in_the_source_text():
    """Every French label appears in the guide's text once line wraps are collapsed.

    When the seed file is not next to the repository, the labels are compared to this
    file's own transcription instead, so the test always asserts something.
    """
    labels = [c.fr for c in fw.CRITERIA]
    if SEED.is_file():
        text = collapse(SEED.read_text(encoding="utf-8"))
        region = text[text.index("Tableau 7 : "):text.index("IX. OPÉRATIONNALISATION")]
    else:
        region = " ▪ ".join(label for cell in SOURCE_CRITERIA.values() for label in cell)
    missing = [label for label in labels if collapse(label) not in region]
    assert missing == []


def test_source_transcription_matches_seed_when_present():
    # The transcription above is itself checked against the source when it is available.
    if SEED.is_file():
        text = collapse(SEED.read_text(encoding="utf-8"))
        for cell in SOURCE_CRITERIA.values():
            for label in cell:
                assert collapse(label) in text, label
    else:
        assert sum(len(v) for v in SOURCE_CRITERIA.values()) == 17


# ------------------------------------------------------------------------------- indicators
def test_four_indicators_in_order():
    assert tuple(i.code for i in fw.INDICATORS) == INDICATOR_CODES


@pytest.mark.parametrize("code", INDICATOR_CODES)
def test_indicator_names_sources_and_english(code):
    ind = fw.indicator(code)
    assert ind.fr == INDICATOR_NAMES[code]
    assert ind.en.strip()
    assert ind.source.strip()
    assert ind.table == f"Tableau {7 + INDICATOR_CODES.index(code)}"


def test_mutualisation_table_title_kept_as_alternative():
    # Tableau 9's title inverts the words of the indicator's name (L4509-4512).
    assert fw.indicator("mutualisation").alt_fr == "Mutualisation des ressources et compétences"


@pytest.mark.parametrize("code", INDICATOR_CODES)
def test_guidance_for_every_stage_in_both_languages(code):
    ind = fw.indicator(code)
    assert set(ind.details_fr) == set(STAGE_CODES)
    assert set(ind.details_en) == set(STAGE_CODES)
    assert all(v.strip() for v in [*ind.details_fr.values(), *ind.details_en.values()])


def test_tableau_7_tools_are_the_three_annexes():
    ind = fw.indicator("convergence")
    assert ind.tools_fr == TABLEAU_7_TOOLS
    assert len(ind.tools_en) == 3
    for n, en in zip((5, 6, 7), ind.tools_en, strict=True):
        assert f"Annex {n}" in en
    assert "Tableau 7" in ind.tools_source


def test_tableau_9_tool_is_the_key_actor_grid():
    ind = fw.indicator("mutualisation")
    assert len(ind.tools_fr) == 1
    assert ind.tools_fr[0].startswith("Grille d’identification des acteurs-clés du milieu")


@pytest.mark.parametrize("code", ["structure", "climat"])
def test_tableaux_8_and_10_list_no_tools(code):
    assert fw.indicator(code).tools_fr == ()


def test_three_stages_in_order():
    assert fw.STAGE_ORDER == STAGE_CODES
    assert [s.fr for s in fw.STAGES] == ["Communication", "Coordination", "Coopération"]
    assert [fw.stage_index(s) for s in STAGE_CODES] == [0, 1, 2]


# ------------------------------------------------------------------------------- Tableau 6
def test_tableau_6_has_seven_rows_verbatim():
    assert len(fw.KEY_ACTOR_ROWS) == 7
    assert tuple(r.fr for r in fw.KEY_ACTOR_ROWS) == KEY_ACTORS


def test_tableau_6_rows_cite_their_lines_and_have_role_and_interest():
    for row in fw.KEY_ACTOR_ROWS:
        assert row.source.startswith("Tableau 6"), row.code
        assert row.en.strip() and row.role_fr.strip() and row.interest_fr.strip()
        assert row.role_en.strip() and row.interest_en.strip()
        # Each row is filled by an actor type or by a role.
        assert row.actor_types or row.roles, row.code


def test_tableau_6_key_wording():
    rows = {r.code: r for r in fw.KEY_ACTOR_ROWS}
    assert "10 %" in rows["omh"].interest_fr  # at least 10 % of PSL (MSSS, 2015)
    assert "15 %" in rows["municipality"].role_fr  # Accès-Logis contribution
    assert "minimalement 6 mois" in rows["community_support"].interest_fr
    assert "2 à 3 candidats" in rows["obnl_coop"].role_fr
    assert "double rôle" in rows["carrier"].interest_fr


# ------------------------------------------------------------------------------- Tableau 5
@pytest.mark.parametrize("code", ["I", "II", "III"])
def test_tableau_5_commitment_counts(code):
    at = fw.agreement_type(code)
    counts = {p: sum(c.party == p for c in at.commitments) for p in at.parties}
    assert counts == {p: TABLEAU_5_COUNTS[code].get(p, 0) for p in at.parties}


@pytest.mark.parametrize(("code", "party"), list(TABLEAU_5_WORDING))
def test_tableau_5_key_wording(code, party):
    texts = [c.fr for c in fw.agreement_type(code).commitments if c.party == party]
    for phrase in TABLEAU_5_WORDING[(code, party)]:
        assert any(phrase in t for t in texts), phrase


def test_tableau_5_commitments_cite_tableau_5():
    for at in fw.AGREEMENT_TYPES:
        for c in at.commitments:
            assert c.source.startswith(f"Tableau 5, entente {at.code} "), c
            assert c.en.strip()


def test_agreement_parties():
    assert fw.agreement_type("I").parties == ("housing_provider", "program")
    assert fw.agreement_type("II").parties == ("program", "referring_org")
    assert set(fw.agreement_type("III").parties) == {"tenant", "worker", "liaison_agent"}


def test_agreement_ii_term_and_notice():
    # Annexe 3, cl. 12.1: three years; cl. 12.2: six months' notice (L9639-9647).
    ii = fw.agreement_type("II")
    assert ii.term_years == 3
    assert ii.notice_months == 6
    assert fw.PARAMETERS["agreement_ii_term_years"][0] == 3
    assert fw.PARAMETERS["agreement_ii_notice_months"][0] == 6
    assert "12" in fw.PARAMETERS["agreement_ii_term_years"][1]


@pytest.mark.parametrize("code", ["I", "III"])
def test_agreements_i_and_iii_have_no_fixed_term(code):
    assert fw.agreement_type(code).term_years is None


def test_commitments_of_includes_annex_clauses():
    ii = fw.agreement_type("II")
    mine = ii.commitments_of("referring_org")
    # 1 Tableau 5 commitment + 3 Annexe 3 clauses (5.4, 5.6, 6.2-6.3).
    assert len(mine) == 4
    assert mine[0] is ii.commitments[1]


def test_agreement_templates_are_the_annexes():
    assert fw.agreement_type("I").template_fr.startswith("Annexe 5")
    assert fw.agreement_type("II").template_fr.startswith("Annexe 3")
    assert fw.agreement_type("III").template_fr.startswith("Annexe 1")


# ------------------------------------------------------------------------------- vocabularies
def test_every_agreement_type_and_actor_type_cites_a_source():
    for at in fw.AGREEMENT_TYPES:
        assert at.source.strip() and at.en.strip() and at.fr.strip()
    for t in fw.ACTOR_TYPES:
        # "Autre" is concert's own catch-all: it cites "concert" as other invented entries do.
        assert t.source.strip(), t.code
        assert t.en.strip(), t.code
    assert fw.actor_type("other").source == "concert"


def test_housing_provider_actor_types():
    providers = {t.code for t in fw.ACTOR_TYPES if t.housing_provider}
    # Entente I: OMH, OBNL, co-ops and private owners (L3843-3845).
    assert providers == {"omh", "obnl", "coop", "private_landlord"}


def test_actor_type_sectors_are_known():
    sectors = set(fw.codes("sector"))
    for t in fw.ACTOR_TYPES:
        if t.code != "other":
            assert t.sector in sectors, t.code


def test_sector_families_are_the_two_poles():
    fams = {s.code: s.family for s in fw.SECTORS}
    assert fams["housing"] == "housing"
    assert fams["health"] == fams["community"] == "health_social"


@pytest.mark.parametrize("table", ["sector", "actor_type", "org_role", "contact_role",
                                   "engagement", "key_actor", "committee_kind", "seat",
                                   "tie_kind", "agreement_status", "party_role", "stage"])
def test_vocabularies_have_unique_codes_and_both_labels(table):
    codes = fw.codes(table)
    assert len(codes) == len(set(codes))
    for code in codes:
        t = fw.term(table, code)
        assert t.fr.strip() and t.en.strip()


def test_lookups_raise_keyerror_listing_codes():
    with pytest.raises(KeyError, match="omh"):
        fw.actor_type("castle")
    with pytest.raises(KeyError, match="I, II, III"):
        fw.agreement_type("IV")
    with pytest.raises(KeyError, match="convergence"):
        fw.indicator("nope")
    with pytest.raises(KeyError):
        fw.criterion("climat.cooperation.3")
