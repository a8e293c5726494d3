"""The bundled example region: Clés en main in Capitale-Nationale.

Organisation names, the management committee, the referring partners, the
committees and the program figures come from the sources, each cited in its
``source`` field:

- ``000``: the guide (Morin, Lain & Vallée, 2020), by line;
- ``001``: the presentation of 13 December 2022;
- ``002``: the Clés en main activity report 2022-2023.

What the sources do not give is invented and marked ``illustrative=True`` in
the data itself: the dates of agreements (the sources give none), the partner
co-ops and private landlords (the sources count them, 8 and 21, without naming
them), the agreements III and their tenant codes, the assessments, and the
people, who are all fictional. Agreement dates are set relative to
``reference`` so that the example always shows agreements in force, one about
to expire and one expired.
"""

from __future__ import annotations

import datetime as dt

from concert import framework as fw
from concert import settings
from concert.actions import Action, set_status
from concert.actors import Actor, Contact
from concert.agreements import Agreement, Party
from concert.calls import Call
from concert.commitments import CommitmentReview
from concert.committees import Committee, Membership
from concert.figures import Figure
from concert.indicators import Answer, Assessment
from concert.region import Region
from concert.ties import Tie

__all__ = ["capitale_nationale", "example_calls"]

QC = "Ville de Québec"
PN = "Grand Portneuf"
FICTIONAL = "Personne fictive."

# Referring partners, activity report 2022-2023 (002 L503-537): id, name, acronym, territories.
REFERRING = [
    ("caaq", "Centre d’amitié autochtone de Québec", "", (QC,)),
    ("amitie", "Centre Communautaire l’Amitié", "", (QC,)),
    ("complice", "Centre Multi-services Le Complice", "", (QC,)),
    ("jacques-cartier", "Centre Jacques Cartier", "", (QC,)),
    ("communautes-solidaires", "Communautés Solidaires", "", (QC,)),
    ("archipel", "L’Archipel d’Entraide", "", (QC,)),
    ("athenee", "L’Athénée", "", (QC,)),
    ("boussole", "La Boussole", "", (QC,)),
    ("marthe", "La Maison de Marthe", "", (QC,)),
    ("marie-frederic", "La Maison Marie-Frédéric", "", (QC,)),
    ("lauberiviere", "Lauberivière", "", (QC,)),
    ("le-388", "Le 388", "", (QC,)),
    ("piolet", "Le Piolet", "", (QC,)),
    ("verger", "Le Verger", "", (QC,)),
    ("dauphine", "La Dauphine", "", (QC,)),
    ("mirepi", "Maison Mirépi", "", (QC, PN)),
    ("mamuk", "MAMUK", "", (QC,)),
    ("miels", "MIELS-Québec", "", (QC,)),
    ("ocean", "Organisation communautaire d’écoute et d’aide naturelle", "OCÉAN", (QC,)),
    ("pech", "Pech", "PECH", (QC,)),
    ("pipq", "PIPQ", "", (QC,)),
    ("squat", "SQUAT Basse-Ville", "", (QC,)),
    ("ywca", "YWCA Québec", "YWCA", (QC,)),
    ("john-howard", "La Société John Howard", "", (QC,)),
    ("arc-en-ciel", "L’Arc-en-Ciel", "", (PN,)),
    ("carrefour-fm", "Carrefour FM Portneuf", "Carrefour FM", (PN,)),
    ("vallee-bras-du-nord", "Coop Vallée Bras-du-Nord", "", (PN,)),
]

# The ten members of the comité de gestion (000 L1803-1834).
MANAGEMENT = ["ciusss-cn", "ocean", "pech", "agir", "apur", "boussole", "omhq", "raiiq", "cmcq",
              "fechaqc"]

WORKERS = ["Alexandre Roy", "Béatrice Côté", "Charles Pelletier", "Diane Morin", "Étienne Caron",
           "Florence Girard", "Gabriel Ouellet", "Hélène Lavoie"]


def _shift(ref: dt.date, days: int) -> dt.date:
    return ref + dt.timedelta(days=days)


def _actors() -> list[Actor]:
    s002 = "002 L503-537 (partenaires référents 2022-2023)"
    actors = [
        Actor("cem", "Clés en main", "program", acronym="CEM", territories=(QC, PN),
              engagement="signatory", roles=("carrier",), since=dt.date(1999, 1, 1),
              contacts=(Contact("Camille Lévesque", "liaison_agent"),
                        Contact("Sophie Bouchard", "liaison_agent"),
                        Contact("Nathalie Fortin", "director")),
              note="Fondé en 1999, incorporé le 19 novembre 2021, autonome de son fiduciaire "
                   "PECH depuis le 1er avril 2022 : il porte lui-même le programme. Personnes "
                   "fictives.",
              source="000 L1569-1611; 002 L93, L267-275, L302"),
        Actor("omhq", "Office municipal d’habitation de Québec", "omh", acronym="OMHQ",
              territories=(QC,), roles=("housing_provider",), engagement="signatory",
              contacts=(Contact("Marc Tremblay", "designated_lead"),),
              source="000 L90-91, L1663-1665, L1826; 002 L545"),
        Actor("omhgp", "Office municipal d’habitation du Grand Portneuf", "omh", acronym="OMHGP",
              territories=(PN,), roles=("housing_provider",), engagement="signatory",
              note="Délègue la sélection mais ne siège pas au comité de gestion (000 L1664).",
              source="000 L91-92, L1663-1665; 002 L545"),
        Actor("ciusss-cn", "CIUSSS de la Capitale-Nationale", "cisss", acronym="CIUSSS-CN",
              territories=(QC, PN), roles=("funder", "referring"), engagement="signatory",
              contacts=(Contact("Isabelle Gauthier", "community_organiser"),
                        Contact(WORKERS[0], "referring_worker")),
              note="Siège au comité de gestion par ses organisateurs communautaires; prêt d’une "
                   "infirmière (002 L611). Personnes fictives.",
              source="000 L1806-1808; 002 L503-537, L611, L731"),
        Actor("agir", "Association des groupes d’intervention pour le rétablissement en santé "
              "mentale", "coalition", acronym="AGIR", territories=(QC,), engagement="at_table",
              source="000 L1815-1817"),
        Actor("apur", "Association des personnes utilisatrices des services", "user_association",
              acronym="APUR", territories=(QC,), engagement="at_table", source="000 L1818-1819"),
        Actor("raiiq", "Regroupement pour l’aide aux itinérants et itinérantes de Québec",
              "coalition", acronym="RAIIQ", territories=(QC,), engagement="at_table",
              source="000 L1827-1828"),
        Actor("cmcq", "Comité de Maison de chambres de Québec", "coalition", sector="housing",
              acronym="CMCQ", territories=(QC,), engagement="at_table",
              source="000 L1829-1830; 002 L691-693"),
        Actor("fechaqc", "Fédération de coopératives d’habitation Québec/Chaudière-Appalaches",
              "coalition", sector="housing", acronym="FÉCHAQC", territories=(QC,),
              engagement="at_table", source="000 L1831-1834"),
        Actor("ville-quebec", "Ville de Québec", "municipality", territories=(QC,),
              engagement="contacted", source="002 L555, L683-685"),
        Actor("mrc-portneuf", "MRC de Portneuf", "municipality", territories=(PN,),
              engagement="at_table", note="18 municipalités (002 L555).",
              source="002 L555, L681"),
        Actor("porte-cles", "Porte-Clés", "program", territories=(QC,), engagement="at_table",
              contacts=(Contact("Julien Bélanger", "coordinator"),),
              note="Programme Logement d’abord coordonné par Pech, 8 organismes (000 L5607-5618). "
                   "Personne fictive.",
              source="000 L5575-5716; 001 L32; 002 L599"),
        Actor("parcours", "Le Parcours (maison de chambres)", "obnl", territories=(QC,),
              engagement="signatory", since=dt.date(2020, 1, 1),
              note="Ouverte en janvier 2020; Clés en main sélectionne les locataires.",
              source="002 L667-669, L693"),
        Actor("le-213", "Le 213 (maison de chambres, Donnacona)", "obnl", territories=(PN,),
              engagement="signatory", since=dt.date(2022, 7, 1),
              note="14 chambres, ouverte le 1er juillet 2022.", source="002 L671-673"),
        Actor("brigade", "Brigade d’entraide", "community_org", territories=(QC,),
              engagement="contacted", source="002 L341, L695-699"),
    ]
    for i, name in enumerate(("Coopérative d’habitation — exemple A",
                              "Coopérative d’habitation — exemple B")):
        actors.append(Actor(f"coop-{'ab'[i]}", name, "coop", territories=(QC,),
                            engagement="signatory", illustrative=True,
                            note="Nom inventé : la source compte 8 Coops et OBNL partenaires "
                                 "sans les nommer (000 L1624-1625)."))
    for i in range(3):
        actors.append(Actor(f"proprio-{i + 1}", f"Propriétaire privé — exemple {i + 1}",
                            "private_landlord", territories=(QC,), engagement="signatory",
                            illustrative=True,
                            note="Inventé : la source compte 21 propriétaires privés (000 L1626)."))
    # Referring partners (the CIUSSS-CN, also a referring partner, is above).
    for j, (aid, name, acr, terr) in enumerate(REFERRING):
        engagement = "at_table" if aid in MANAGEMENT else "signatory"
        contacts: tuple[Contact, ...] = ()
        if j < len(WORKERS) - 1:
            contacts = (Contact(WORKERS[j + 1], "referring_worker"),)
        actors.append(Actor(aid, name, "community_org", acronym=acr, territories=terr,
                            roles=("referring",), contacts=contacts, engagement=engagement,
                            note=" ".join(filter(None, (
                                FICTIONAL if contacts else "",
                                "Fiduciaire de Clés en main pendant 22 ans, jusqu’au "
                                "1er avril 2022 (002 L93, L271-275)." if aid == "pech" else ""))),
                            source=s002 + ("; 000 L1803-1834" if aid in MANAGEMENT else "")))
    return actors


def _agreements(ref: dt.date) -> list[Agreement]:
    cem = Party("program", "cem")
    out = [
        Agreement("I-omhq", "I", (Party("housing_provider", "omhq"), cem),
                  signed_on=_shift(ref, -4 * 365), status="signed", illustrative=True,
                  note="Délégation de la sélection par l’OMHQ (000 L1663-1665); date inventée."),
        Agreement("I-omhgp", "I", (Party("housing_provider", "omhgp"), cem),
                  signed_on=_shift(ref, -3 * 365), status="signed", illustrative=True,
                  note="Délégation de la sélection par l’OMHGP (000 L1663-1665); date inventée."),
    ]
    for k, aid in enumerate(("parcours", "le-213", "coop-a", "coop-b", "proprio-1", "proprio-2",
                             "proprio-3")):
        out.append(Agreement(f"I-{aid}", "I", (Party("housing_provider", aid), cem),
                             signed_on=_shift(ref, -200 * (k + 1)), illustrative=True))
    referring = ["ciusss-cn"] + [r[0] for r in REFERRING]
    for k, aid in enumerate(referring):
        signed: dt.date | None = _shift(ref, -(30 + (60 + 37 * k) % 1000))
        status, renews = "signed", ""
        ends: dt.date | None = None
        if aid == "athenee":  # ends within 90 days: shows the expiry warning
            signed = _shift(ref, -3 * 365 + 45)
        if aid == "le-388":  # an expired agreement II, not renewed
            signed, ends = _shift(ref, -4 * 365), _shift(ref, -365)
        if aid == "dauphine":  # a draft under discussion
            status, signed = "draft", None
        out.append(Agreement(f"II-{aid}", "II", (cem, Party("referring_org", aid)),
                             signed_on=signed, ends_on=ends, status=status, renews=renews,
                             illustrative=True,
                             note="Entente de services (Annexe 3); date inventée."))
    liaison = ["Camille Lévesque", "Sophie Bouchard"]
    workers = [("ciusss-cn", WORKERS[0])] + [(REFERRING[j][0], WORKERS[j + 1])
                                           for j in range(len(WORKERS) - 1)]
    for n in range(10):
        org, worker = workers[n % len(workers)]
        ii = next(a for a in out if a.id == f"II-{org}")
        signed = max(_shift(ref, -30 - 41 * n), _shift(ii.signed_on or ref, 1))
        out.append(Agreement(
            f"III-{n + 1:03d}", "III",
            (Party("tenant", tenant_code=f"CEM-{ref.year - 1}-{n + 1:04d}"),
             Party("worker", org, worker), Party("liaison_agent", "cem", liaison[n % 2])),
            signed_on=signed, illustrative=True,
            note="Annexe A au bail; code de locataire inventé."))
    return out


def _committees() -> tuple[list[Committee], list[Membership]]:
    committees = [
        Committee("gestion", "gestion", "Comité de gestion",
                  "Orientations générales et certaines priorités d’attribution",
                  source="000 L1791-1834"),
        Committee("selection", "selection", "Comité de sélection",
                  "Présélection des candidats (4 personnes, désignées annuellement)",
                  source="000 L1665-1670; Annexe 3 cl. 7.1.3 (L9509); 002 L599"),
        Committee("pratiques", "pratiques", "Comité de pratiques intersectoriel",
                  "Prévention de l’instabilité résidentielle (codéveloppement)",
                  meetings_per_year=6, source="002 L675-679; 000 L5464-5571"),
        Committee("portneuf", "other", "Comité de prévention du Grand Portneuf",
                  "Prévention de l’instabilité résidentielle dans Portneuf",
                  source="002 L681"),
        Committee("insalubrite", "other", "Comité d’action sur l’accumulation et l’insalubrité",
                  source="002 L683-685"),
    ]
    ms = [Membership("gestion", a, source="000 L1803-1834") for a in MANAGEMENT]
    ms += [Membership("gestion", "cem", source="000 L9260-9264")]
    ms += [Membership("selection", a, illustrative=a != "porte-cles",
                      source="002 L599" if a == "porte-cles" else "")
           for a in ("cem", "omhq", "ciusss-cn", "porte-cles")]
    ms += [Membership("pratiques", a, illustrative=True) for a in
           ("cem", "omhq", "ciusss-cn", "lauberiviere", "archipel")]
    ms += [Membership("pratiques", "miels", seat="ad_hoc", illustrative=True)]
    ms += [Membership("portneuf", a, source="002 L681") for a in
           ("cem", "arc-en-ciel", "ciusss-cn", "omhgp", "mrc-portneuf")]
    ms += [Membership("insalubrite", a, source="002 L683-685") for a in
           ("cem", "ciusss-cn", "ville-quebec")]
    ms += [Membership("insalubrite", "squat", illustrative=True)]
    return committees, ms


def _ties() -> list[Tie]:
    return [
        Tie("ciusss-cn", "cem", "resources", note="Prêt d’une infirmière depuis 5 ans",
            source_ref="002 L611, L731"),
        Tie("pech", "cem", "resources", note="Ancienne fiducie; accompagnement du service de "
            "fiducie", source_ref="002 L275, L647"),
        Tie("cem", "porte-cles", "referral", note="Rencontres de référence du mercredi",
            source_ref="002 L599"),
        Tie("porte-cles", "cem", "referral", note="Rencontres de référence du mercredi",
            source_ref="002 L599"),
        Tie("cem", "porte-cles", "joint_project", project="Vision 2022-2024",
            note="Collaboration visant la coopération", source_ref="001 L124-125"),
        Tie("porte-cles", "cem", "joint_project", project="Vision 2022-2024",
            source_ref="001 L124-125"),
        Tie("cem", "omhq", "information", note="Liaison sur les PSL", source_ref="000 L9401-9421"),
        Tie("omhq", "cem", "information", source_ref="000 L9401-9421"),
        Tie("cem", "omhgp", "information", source_ref="002 L545"),
        Tie("cem", "arc-en-ciel", "joint_project", project="Le 213",
            note="Cinq partenaires référents dans la région", source_ref="002 L671-673"),
        Tie("arc-en-ciel", "cem", "joint_project", project="Le 213", source_ref="002 L671-673"),
        Tie("cem", "le-213", "joint_project", project="Le 213", source_ref="002 L671-673"),
        Tie("cem", "cmcq", "joint_project", project="Le Parcours", source_ref="002 L667-669, L693"),
        Tie("cem", "parcours", "joint_project", project="Le Parcours", source_ref="002 L667-669"),
        Tie("cem", "brigade", "resources", note="Siège au CA de la Brigade d’entraide",
            source_ref="002 L695-699"),
        Tie("ciusss-cn", "cem", "joint_project", project="Communauté de pratique insalubrité",
            source_ref="002 L687-689"),
        Tie("lauberiviere", "cem", "information", illustrative=True),
        Tie("archipel", "cem", "information", illustrative=True),
    ]


# Levels per criterion for the three assessments (0-3 scale): a progression.
_LEVELS = {
    "convergence.communication.1": (3, 3, 3), "convergence.communication.2": (2, 3, 3),
    "convergence.communication.3": (2, 1, 1), "convergence.coordination.1": (2, 3, 3),
    "convergence.cooperation.1": (1, 2, 3), "convergence.cooperation.2": (0, 1, 2),
    "structure.communication.1": (2, 1, 1), "structure.coordination.1": (1, 2, 3),
    "structure.coordination.2": (1, 2, 2), "structure.cooperation.1": (0, 0, 1),
    "mutualisation.communication.1": (2, 3, 3), "mutualisation.coordination.1": (1, 2, 3),
    "mutualisation.cooperation.1": (0, 1, 2),
    "climat.communication.1": (2, 1, 0), "climat.coordination.1": (1, 2, 3),
    "climat.cooperation.1": (0, 1, 2), "climat.cooperation.2": (0, 1, 1),
}
_EVIDENCE = {
    "convergence.coordination.1": "Comité de gestion à 10 partenaires des deux secteurs.",
    "convergence.cooperation.2": "Formulaire de référence commun (Annexe 7) et grille "
                                 "d’instabilité (Annexe 6) utilisés par les référents.",
    "structure.coordination.1": "Ententes I et II signées avec les engagements de chacun.",
    "structure.cooperation.1": "Objectif : 50 nouvelles personnes logées par année pendant "
                               "3 ans (002 L762-766); échéancier commun à bâtir.",
    "mutualisation.coordination.1": "Prêt d’une infirmière du CIUSSS-CN (002 L611).",
    "mutualisation.cooperation.1": "Le 213 et Le Parcours : projets au-delà du mandat de chacun.",
    "climat.cooperation.2": "Comité de pratiques 6 fois par an, auto-évalué en décembre 2022.",
}


def _assessments(ref: dt.date) -> list[Assessment]:
    dates = (_shift(ref, -4 * 365), _shift(ref, -2 * 365), _shift(ref, -60))
    labels = ("Bilan du comité de gestion — démarrage", "Bilan du comité de gestion — mi-parcours",
              "Bilan annuel du comité de gestion")
    out = []
    for k, on in enumerate(dates):
        answers = []
        for code, levels in _LEVELS.items():
            lv = levels[k]
            if k < 2:
                answers.append(Answer(code, lv, "", _EVIDENCE.get(code, "") if k == 1 else ""))
                continue
            # The latest assessment has three respondents whose answers differ a little.
            # Each respondent is an organisation seated on the comité de gestion, with its
            # group (issue 15): the OMHQ (social-housing pole), the CIUSSS-CN and La
            # Boussole (health and social-services pole). Illustrative.
            for r, group, delta in (("omhq", "housing", 0), ("ciusss-cn", "health_social", -1),
                                    ("boussole", "health_social", 1)):
                level = min(3, max(0, lv + (delta if code.endswith(".1") else 0)))
                answers.append(Answer(code, level, r, _EVIDENCE.get(code, "") if r == "omhq"
                                      else "", group))
        out.append(Assessment(f"eval-{k + 1}", on, tuple(answers), label=labels[k],
                              illustrative=True,
                              note="Évaluation inventée pour illustrer une progression."))
    return out


def _actions(ref: dt.date) -> list[Action]:
    """The committee's plan (issue 15), illustrative.

    One action with a measurable target tied to a program figure, one late.
    """
    plan = Action(
        "plan-logements", "Adopter un échéancier commun et un objectif chiffré de logements",
        "cem", ("omhq", "ciusss-cn"), due=_shift(ref, 120), criterion="structure.cooperation.1",
        target_figure="tenants_housed", target_value=450, target_on=_shift(ref, 480),
        adopted_on=_shift(ref, -60), illustrative=True,
        note="Inventé; 002 L762-766 vise 50 nouvelles personnes logées par année.")
    renew = Action(
        "renouveler-athenee", "Préparer le renouvellement de l’entente II avec l’Athénée",
        "cem", ("athenee",), due=_shift(ref, -10), gap="agreement.expiring",
        adopted_on=_shift(ref, -60), illustrative=True, note="Inventé.")
    return [set_status(plan, "in_progress", _shift(ref, -30), note="Premier jet présenté"),
            set_status(renew, "in_progress", _shift(ref, -40))]


def _commitments(ref: dt.date) -> list[CommitmentReview]:
    """Commitment reviews of a few ententes (issue 15), illustrative."""
    r = _shift(ref, -90)
    return [
        CommitmentReview("II-ciusss-cn", "II.referring_org.1", "kept", reviewed_on=r,
                         illustrative=True),
        CommitmentReview("II-ciusss-cn", "II.referring_org.3", "kept", reviewed_on=r,
                         illustrative=True),
        CommitmentReview("II-athenee", "II.referring_org.2", "watch",
                         "Changements d’intervenant signalés en retard (inventé)",
                         reviewed_on=r, next_review=_shift(ref, 30), illustrative=True),
        CommitmentReview("I-omhq", "I.housing_provider.1", "kept", reviewed_on=r,
                         illustrative=True),
    ]


def _figures() -> list[Figure]:
    d20, d23 = dt.date(2020, 3, 31), dt.date(2023, 3, 31)
    return [
        Figure("tenants_housed", 489, "personnes", d20,
               "Locataires en logement subventionné par le programme (maisons de chambres, "
               "Coops, OBNL, privé), « en mars 2020 »",
               "Tenants in subsidised housing through the program, 'in March 2020'",
               "000 L1622-1627"),
        Figure("tenants_housed", 363, "personnes", d23,
               "Locataires en logement autonome subventionné avec soutien (304 Ville de Québec, "
               "59 Portneuf), au 31 mars 2023",
               "Tenants in autonomous subsidised housing with support, at 31 March 2023",
               "002 L564-573, L593"),
        Figure("stability_rate", 95.2, "%", d20,
               "Taux de stabilité résidentielle; la note 5 le calcule à partir des locataires "
               "ayant quitté le programme et détenant un PSL (définition ambiguë)",
               "Residential stability rate; footnote 5 computes it from tenants who left the "
               "program and held a PSL (ambiguous definition)",
               "000 L1634-1637, L1674-1676"),
        Figure("stability_rate", 95, "%", d23,
               "Stabilité résidentielle des personnes ayant un PSL privé, 2022-2023",
               "Residential stability of people with a private PSL, 2022-2023",
               "002 L182-187"),
        Figure("referring_partners", 27, "organismes", d20, "Organismes référents partenaires",
               "Partner referring organisations", "000 L1629"),
        Figure("referring_partners", 29, "organismes", d23,
               "Partenaires référents annoncés (la liste nomme 28 organismes distincts)",
               "Referring partners stated (the list names 28 distinct organisations)",
               "002 L289, L500-537"),
        Figure("partner_coops_obnl", 8, "organismes", d20, "Coops et OBNL partenaires",
               "Partner co-ops and OBNL", "000 L1624-1625"),
        Figure("private_owners", 21, "propriétaires", d20, "Propriétaires privés partenaires",
               "Partner private owners", "000 L1626"),
        Figure("apir_cases", 82, "situations", d23,
               "Situations d’instabilité résidentielle accompagnées par l’APIR en 2022-2023",
               "Residential-instability cases supported by APIR in 2022-2023", "002 L615-630"),
    ]


def capitale_nationale(reference: dt.date | None = None) -> Region:
    """Return the example region of Clés en main in Capitale-Nationale.

    Parameters
    ----------
    reference : datetime.date, optional
        The date the illustrative agreement and assessment dates are set around
        (default: today, or :data:`concert.settings.today`).

    Returns
    -------
    Region
        About fifty actors (the ten members of the management committee, the OMHQ and
        OMHGP, 28 referring partners, co-ops, OBNL and private landlords), agreements I,
        II and III, five committees, declared ties, three dated assessments and the
        program figures with their dates and definitions.
    """
    ref = reference or settings.current_date()
    region = Region("capitale-nationale", "Capitale-Nationale — Clés en main", (QC, PN),
                    note="Région exemple : organismes réels, personnes fictives, dates des "
                         "ententes et évaluations inventées (marquées « illustratif »).",
                    source="000 (guide 2020), 001 (présentation 2022), 002 (rapport 2022-2023)")
    region.actors = _actors()
    region.agreements = _agreements(ref)
    region.committees, region.memberships = _committees()
    region.ties = _ties()
    region.assessments = _assessments(ref)
    region.figures = _figures()
    region.actions = _actions(ref)
    region.commitments = _commitments(ref)
    region.validate()
    return region


# ------------------------------------------------------------------ a year of calls (issue 16)
# Illustrative: the guide gives only a year's totals (Tableaux 11-13, L4778-4937). These
# calls are invented so that, counted as the guide counts them, they give its tables back:
# 140 tenants' calls, 114 workers' calls in 110 files, 33 owners' calls (21 private owners,
# 7 property managers, 4 OBNL, 1 OMHQ), and every reason's number of callers.
_PRIVATE = ["proprio-1", "proprio-2", "proprio-3"]
_SOCIAL = ["parcours", "le-213", "coop-a", "coop-b"]
_OUTCOMES = ["in_progress", "resolved", "tenant_autonomous", "worker_involved",
             "information_only"]
_ACTIONS = {"tenant": ["listen_inform", "help_phrase_request", "tenant_contacts_worker",
                       "repayment_agreement"],
            "worker": ["advise_worker", "worker_documentation", "tripartite_meeting",
                       "risk_grid"],
            "owner": ["owner_phrasing", "owner_informed", "risk_grid", "advise_worker"]}


def _spread(group: str, callers: int) -> list[list[str]]:
    """Each caller's reasons, so that reason r goes to exactly its count of callers.

    The reasons' occurrences are dealt in turn: a reason with n <= callers occurrences
    lands on n different callers.
    """
    sets: list[list[str]] = [[] for _ in range(callers)]
    i = 0
    for r in fw.caller_group(group).reasons:
        for _ in range(r.count):
            sets[i % callers].append(r.reason)
            i += 1
    return sets


def example_calls(reference: dt.date | None = None) -> list[Call]:
    """A year of illustrative calls to the liaison agents, ending on ``reference``.

    Counted as the guide counts (:func:`concert.calls.reason_table`), they give back
    Tableaux 11, 12 and 13 and the guide's totals by caller kind. Tenant codes are
    invented (``LOC-0001``...), no call has a note, all are ``illustrative``.
    """
    ref = reference or settings.current_date()
    first = ref - dt.timedelta(days=364)
    referring = [r[0] for r in REFERRING]
    plan: list[dict] = []
    # Tenants: 140 calls, 140 tenants; 126 in private housing, 8 OBNL or co-op, 6 OMH
    # (L4797-4798).
    for k, reasons in enumerate(_spread("tenant", 140)):
        provider = (_PRIVATE[k % 3] if k < 126 else _SOCIAL[k % 4] if k < 134 else "omhq")
        plan.append({"caller_group": "tenant", "caller_kind": "tenant", "reasons": reasons,
                     "tenant_code": f"LOC-{k + 1:04d}", "referring_org": referring[k % 27],
                     "housing_provider": provider, "tree": "A"})
    # Workers: 110 files, 114 calls (the first four files called twice); 97 calls from a
    # referring partner, 17 from another collaborator (L4849-4856).
    files = _spread("worker", 110)
    worker_calls = [(f, reasons) for f, reasons in enumerate(files)]
    worker_calls += [(f, files[f][:1]) for f in range(4)]
    for f, reasons in worker_calls:
        other = f >= 93  # files 93-109: 17 calls; files 0-3 called twice: 97 in all
        plan.append({"caller_group": "worker",
                     "caller_kind": "other_collaborator" if other else "referring_partner",
                     "reasons": reasons, "tenant_code": f"LOC-{f + 201:04d}",
                     "referring_org": ("porte-cles" if other else referring[f % 27]),
                     "housing_provider": _PRIVATE[f % 3], "tree": "B"})
    # Owners: 33 calls from 29 owners: the OMHQ once, three OBNL or co-ops (4 calls), the
    # three recorded private owners (6 calls), 15 private owners and 7 property managers
    # not recorded as actors (a call each, counted as a caller each).
    owners = ([("omh", "omhq", 1)]
              + [("obnl", a, n) for a, n in zip(_SOCIAL[:3], (2, 1, 1), strict=True)]
              + [("private_owner", a, n) for a, n in zip(_PRIVATE, (3, 2, 1), strict=True)]
              + [("private_owner", "", 1)] * 15 + [("property_manager", "", 1)] * 7)
    sets = _spread("owner", len(owners))
    for j, (kind, provider, n) in enumerate(owners):
        for m in range(n):
            plan.append({"caller_group": "owner", "caller_kind": kind,
                         "reasons": sets[j] if m == 0 else sets[j][:1], "tenant_code": "",
                         "referring_org": "", "housing_provider": provider, "tree": "C"})
    out = []
    for i, p in enumerate(plan):
        on = first + dt.timedelta(days=(i * 7919) % 365)
        group = p["caller_group"]
        later = i % 10 != 0
        out.append(Call(f"appel-{i + 1:03d}", on, group, p["caller_kind"], tuple(p["reasons"]),
                        tenant_code=p["tenant_code"], referring_org=p["referring_org"],
                        housing_provider=p["housing_provider"], tree=p["tree"],
                        action=_ACTIONS[group][i % 4], outcome=_OUTCOMES[i % 5],
                        reevaluate_on=on + dt.timedelta(days=30) if later else None,
                        illustrative=True))
    return out
