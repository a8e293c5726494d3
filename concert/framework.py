"""The reference framework of the Clés en main model, written once.

Everything a region is measured against lives here, as data: the sectors, the
actor types and the key-actor grid (Tableau 6), the roles, the three agreement
types and the commitments of each party (Tableau 5, Annexes 1, 3 and 5), the
committees, and the four concertation indicators across three stages with
their observable criteria, guidance ("Détails") and tools ("Outils")
(Tableaux 7 to 10).

French labels are canonical and, where the source has one, verbatim (with the
source's typographic apostrophe); English labels are translations. Every entry
cites its source as ``source`` (table, annex clause and line numbers in the
guide's text extraction, ``shared/seeds/000``: "Morin, Lain & Vallée (2020),
Le programme Clés en main Capitale-Nationale").

The module imports nothing from the rest of the project. Look-ups go through
the small functions at the end (:func:`indicator`, :func:`criterion`,
:func:`actor_type`, ...), which raise :class:`KeyError` with the known codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

__all__ = [
    "ACTOR_TYPES",
    "AGREEMENT_STATUSES",
    "AGREEMENT_TYPES",
    "COMMITTEE_KINDS",
    "CONTACT_ROLES",
    "CRITERIA",
    "ENGAGEMENT_LEVELS",
    "INDICATORS",
    "KEY_ACTOR_ROWS",
    "ORG_ROLES",
    "SECTORS",
    "STAGES",
    "TIE_FREQUENCIES",
    "TIE_KINDS",
    "AgreementType",
    "Commitment",
    "Criterion",
    "Indicator",
    "Term",
]

GUIDE = "Guide Clés en main (2020)"


@dataclass(frozen=True)
class Term:
    """A coded vocabulary entry with a French and an English label."""

    code: str
    fr: str
    en: str
    source: str = ""
    description_fr: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class SectorTerm(Term):
    """A sector. ``family`` groups sectors into the source's two poles.

    The source's neutrality rule speaks of two sectors, social housing and
    health and social services (Tableau 6, L4288-4301); community organisations
    belong to the second (section 5.3 of the model, "community and
    institutional" settings). ``family`` is ``"housing"``, ``"health_social"``
    or ``""`` for sectors outside both poles.
    """

    family: str = ""


@dataclass(frozen=True)
class ActorTypeTerm(Term):
    """An organisation type, with the sector it belongs to by default."""

    sector: str = ""
    housing_provider: bool = False


@dataclass(frozen=True)
class KeyActorRow(Term):
    """One row of the key-actor grid (Tableau 6): who fills it and why."""

    role_fr: str = ""
    interest_fr: str = ""
    role_en: str = ""
    interest_en: str = ""
    actor_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Commitment:
    """One commitment of one party under one agreement type."""

    party: str
    fr: str
    en: str
    source: str


@dataclass(frozen=True)
class AgreementType:
    """An agreement type (entente I, II or III)."""

    code: str
    fr: str
    en: str
    parties: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    template_fr: str
    template_en: str
    source: str
    term_years: int | None = None
    notice_months: int | None = None
    clauses: tuple[Commitment, ...] = ()

    def commitments_of(self, party: str) -> tuple[Commitment, ...]:
        """Return the commitments (Tableau 5 and annex clauses) of ``party``."""
        return tuple(c for c in self.commitments + self.clauses if c.party == party)


@dataclass(frozen=True)
class Criterion:
    """An observable criterion of one indicator at one stage (Tableaux 7-10).

    ``descriptor`` marks criteria that describe the starting situation rather
    than an achievement (conflicting interests, independent objectives,
    one-way information): observing them never moves an indicator up.
    """

    code: str
    indicator: str
    stage: str
    fr: str
    en: str
    source: str
    descriptor: bool = False


@dataclass(frozen=True)
class Indicator:
    """A concertation indicator with its per-stage guidance and its tools."""

    code: str
    fr: str
    en: str
    table: str
    source: str
    details_fr: dict[str, str] = field(default_factory=dict)
    details_en: dict[str, str] = field(default_factory=dict)
    tools_fr: tuple[str, ...] = ()
    tools_en: tuple[str, ...] = ()
    tools_source: str = ""
    alt_fr: str = ""

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """All criteria of this indicator, in stage order."""
        return tuple(c for c in CRITERIA if c.indicator == self.code)

    def criteria_at(self, stage: str) -> tuple[Criterion, ...]:
        """The criteria of this indicator at ``stage``."""
        return tuple(c for c in CRITERIA if c.indicator == self.code and c.stage == stage)


# --------------------------------------------------------------------------------------
# Sectors
# --------------------------------------------------------------------------------------
SECTORS: tuple[SectorTerm, ...] = (
    SectorTerm(
        "housing", "Habitation", "Housing",
        "Tableau 6 (L4288-4301); Tableau 5 (L3940-3957)",
        "Logement social et communautaire (OMH, OBNL, coopératives) et logement privé "
        "subventionné (PSL).",
        "Social and community housing (OMH, OBNL, co-ops) and subsidised private "
        "housing (PSL).",
        family="housing",
    ),
    SectorTerm(
        "health", "Santé et services sociaux", "Health and social services",
        "Tableau 6 (L4175-4210)",
        "Réseau public de la santé et des services sociaux (CISSS, CIUSSS).",
        "Public health and social-services network (CISSS, CIUSSS).",
        family="health_social",
    ),
    SectorTerm(
        "community", "Communautaire", "Community",
        "Tableau 6 (L4211-4237)",
        "Organismes communautaires offrant un soutien dans la communauté.",
        "Community organisations providing support in the community.",
        family="health_social",
    ),
    SectorTerm(
        "municipal", "Municipal", "Municipal",
        "Tableau 6 (L4135-4172)",
        "Municipalités et MRC.",
        "Municipalities and regional county municipalities (MRC).",
    ),
    SectorTerm(
        "users", "Personnes utilisatrices et leurs familles",
        "People who use services and their families",
        "Tableau 6 (L4090-4103)",
    ),
    SectorTerm(
        "program", "Programme", "Program",
        "Section VI (L1569-1611)",
        "Le programme intersectoriel lui-même (p. ex. Clés en main), neutre entre les secteurs.",
        "The intersectoral program itself (e.g. Clés en main), neutral between sectors.",
    ),
)

# --------------------------------------------------------------------------------------
# Organisation types. Tableau 6 names seven key-actor rows; private landlords are not
# among them but are partners of entente I (L3843-3845, 21 private owners L1626).
# --------------------------------------------------------------------------------------
ACTOR_TYPES: tuple[ActorTypeTerm, ...] = (
    ActorTypeTerm("omh", "Office municipal d’habitation (OMH)", "Municipal housing office (OMH)",
                  "Tableau 6 (L4107-4134)", sector="housing", housing_provider=True),
    ActorTypeTerm("obnl", "OBNL d’habitation", "Non-profit housing organisation (OBNL)",
                  "Tableau 6 (L4241-4272)", sector="housing", housing_provider=True),
    ActorTypeTerm("coop", "Coopérative d’habitation", "Housing co-operative",
                  "Tableau 6 (L4241-4272)", sector="housing", housing_provider=True),
    ActorTypeTerm("private_landlord", "Propriétaire privé ou gestionnaire immobilier",
                  "Private landlord or property manager",
                  "Section VIII.1, entente I (L3843-3845); 21 propriétaires privés (L1626)",
                  sector="housing", housing_provider=True),
    ActorTypeTerm("municipality", "Municipalité ou MRC", "Municipality or MRC",
                  "Tableau 6 (L4135-4172)", sector="municipal"),
    ActorTypeTerm("cisss", "CISSS ou CIUSSS", "CISSS or CIUSSS",
                  "Tableau 6 (L4175-4210)", sector="health"),
    ActorTypeTerm("community_org", "Organisme communautaire",
                  "Community organisation", "Tableau 6 (L4211-4237)", sector="community"),
    ActorTypeTerm("user_association", "Association de personnes utilisatrices et de familles",
                  "Association of service users and families",
                  "Tableau 6 (L4090-4103)", sector="users"),
    ActorTypeTerm("coalition", "Regroupement ou fédération", "Coalition or federation",
                  "Comité de gestion (L1803-1834): RAIIQ, AGIR, FÉCHAQC", sector="community"),
    ActorTypeTerm("program", "Programme intersectoriel", "Intersectoral program",
                  "Section VI (L1569-1611)", sector="program"),
    ActorTypeTerm("government", "Organisme gouvernemental", "Government body",
                  "Section II (L380-400): SHQ, MSSS", sector="housing"),
    ActorTypeTerm("other", "Autre", "Other", "concert"),
)

# --------------------------------------------------------------------------------------
# Roles an organisation can hold (several at once: Tableau 6 warns about the double
# role of carrier and referring organisation, L4342-4344).
# --------------------------------------------------------------------------------------
ORG_ROLES: tuple[Term, ...] = (
    Term("referring", "Organisme référent", "Referring organisation",
         "Section VIII.1, entente II (L3866-3886); Annexe 3"),
    Term("carrier", "Fiduciaire ou organisme porteur", "Fiduciary or carrier organisation",
         "Section VII (L2182-2200); Tableau 6 (L4274-4344)"),
    Term("housing_provider", "Propriétaire partenaire", "Partner housing provider",
         "Section VIII.1, entente I (L3843-3864)"),
    Term("funder", "Bailleur de fonds", "Funder",
         "Tableau 6, CISSS (L4183-4186); rapport 2022-2023 (002 L729-735)"),
)

CONTACT_ROLES: tuple[Term, ...] = (
    Term("liaison_agent", "Agent(e) de liaison", "Liaison agent",
         "Section IX (L4626-4778)"),
    Term("referring_worker", "Intervenant(e) référent(e)", "Referring worker",
         "Section VIII.1, entente III (L3888-3912)"),
    Term("designated_lead", "Responsable désigné(e)", "Designated lead",
         "Annexe 3, cl. 6.2 (L9479-9486) et 8.2 (L9569-9573)"),
    Term("coordinator", "Coordination", "Coordinator", "Annexe 3 (L9263-9264)"),
    Term("director", "Direction", "Director", "Annexe 3 (L9702)"),
    Term("community_organiser", "Organisateur(-trice) communautaire", "Community organiser",
         "Comité de gestion (L1806-1808)"),
    Term("other", "Autre", "Other", ""),
)

ENGAGEMENT_LEVELS: tuple[Term, ...] = (
    Term("identified", "Identifié", "Identified",
         "Tableau 6, colonne « Identification de l’acteur-clé dans votre milieu » (L4083-4089)"),
    Term("contacted", "Contacté", "Contacted", "concert"),
    Term("at_table", "À la table", "At the table", "concert"),
    Term("signatory", "Signataire", "Signatory", "Section VIII.1 (ententes I, II, III)"),
)

# --------------------------------------------------------------------------------------
# The key-actor grid, Tableau 6 (L4075-4345).
# --------------------------------------------------------------------------------------
KEY_ACTOR_ROWS: tuple[KeyActorRow, ...] = (
    KeyActorRow(
        "user_representatives",
        "Représentants des personnes utilisatrices et leurs familles",
        "Representatives of service users and their families",
        "Tableau 6 (L4090-4103)",
        role_fr="Ils sont responsables de la représentation politique de la réalité des personnes "
        "utilisatrices et de leurs familles auprès des décideurs.",
        interest_fr="Comme ils font valoir les besoins des personnes utilisatrices et leurs "
        "familles auprès des décideurs publics, ils ont grandement intérêt à faire développer "
        "des programmes tels que Clés en main au sein de leur communauté.",
        role_en="They politically represent the reality of service users and their families to "
        "decision-makers.",
        interest_en="Since they advocate users' and families' needs with public decision-makers, "
        "they have a strong interest in programs like Clés en main being developed locally.",
        actor_types=("user_association",),
    ),
    KeyActorRow(
        "omh", "Offices municipaux d’habitation", "Municipal housing offices (OMH)",
        "Tableau 6 (L4107-4134)",
        role_fr="Responsables de l’attribution des subventions au loyer de type PSL et "
        "gestionnaires des subventions au logement sur le territoire, les OMH représentent des "
        "acteurs-clés à impliquer en priorité dans les préparatifs des démarches de concertation.",
        interest_fr="Un partenariat avec le programme Clés en main représente une opportunité "
        "d’offrir des logements adaptés à un type de requérants le plus souvent non admissibles "
        "aux programmes HLM. Les OMH ont pour objectif d’attribuer un minimum de 10 % des PSL aux "
        "demandeurs vivant des enjeux de santé mentale et d’itinérance (MSSS, 2015).",
        role_en="They allocate PSL rent subsidies and manage housing subsidies on the territory: "
        "priority key actors to involve when preparing concertation.",
        interest_en="A partnership offers housing adapted to applicants usually not eligible for "
        "HLM; OMHs aim to allocate at least 10 % of PSL to applicants with mental-health and "
        "homelessness issues (MSSS, 2015).",
        actor_types=("omh",),
    ),
    KeyActorRow(
        "municipality", "Municipalité(s)", "Municipality(ies)", "Tableau 6 (L4135-4172)",
        role_fr="Les municipalités participent à hauteur de 10 % aux subventions de logements "
        "sur leur territoire et de 15 % pour le développement de logements sociaux dans le cadre "
        "du programme Accès-Logis (OBNL).",
        interest_fr="Le PSL représente une solution intéressante pour de petites municipalités "
        "présentant des besoins en logements sociaux; pour les grands centres, il diversifie "
        "l’offre de logements disponibles.",
        role_en="Municipalities pay 10 % of housing subsidies on their territory and 15 % of "
        "social-housing development under Accès-Logis (OBNL).",
        interest_en="PSL suits small municipalities with social-housing needs; for large cities "
        "it diversifies the housing supply.",
        actor_types=("municipality",),
    ),
    KeyActorRow(
        "cisss",
        "Centre intégré (universitaire) de santé et de services sociaux (CISSS ou CIUSSS)",
        "Integrated (university) health and social services centre (CISSS or CIUSSS)",
        "Tableau 6 (L4175-4210)",
        role_fr="Les CISSS ou CIUSSS peuvent agir sur trois niveaux du développement du "
        "programme : 1. Le financement ; 2. L’accompagnement du processus de concertation par "
        "l’entremise de ses services d’organisation communautaire ; 3. Parce qu’il dispose de "
        "services de suivi en santé mentale (SIV et SIM), il peut agir à titre d’organisme "
        "référent.",
        interest_fr="Le MSSS considère le développement de l’accessibilité au logement "
        "subventionné pour les personnes vivant des enjeux de santé mentale graves comme une "
        "cible prioritaire; le modèle Clés en main se positionne comme un outil supplémentaire.",
        role_en="Three levels: 1. funding; 2. supporting concertation through community "
        "organisers; 3. acting as a referring organisation (SIV and SIM follow-up services).",
        interest_en="Access to subsidised housing for people with serious mental-health issues "
        "is an MSSS priority; the model is one additional tool among others.",
        actor_types=("cisss",),
    ),
    KeyActorRow(
        "community_support",
        "Organismes communautaires offrant un soutien dans la communauté",
        "Community organisations offering support in the community",
        "Tableau 6 (L4211-4237)",
        role_fr="Les organismes communautaires pouvant assumer un suivi dans la communauté "
        "peuvent agir en tant qu’organisme référent.",
        interest_fr="En devenant partenaire référent, l’organisme peut référer des personnes "
        "qu’il suit depuis minimalement 6 mois, et il peut siéger au comité de gestion.",
        role_en="Community organisations able to provide follow-up in the community can act as "
        "referring organisations.",
        interest_en="As a referring partner it can refer people it has followed for at least "
        "6 months, and it can sit on the management committee.",
        actor_types=("community_org",),
    ),
    KeyActorRow(
        "obnl_coop", "OBNL et Coops", "OBNL and co-ops", "Tableau 6 (L4241-4272)",
        role_fr="Les propriétaires communautaires et collectifs ayant une mission sociale "
        "peuvent faire appel au programme pour conventionner une partie de leurs logements. Le "
        "programme sélectionnera, pour chaque logement disponible, 2 à 3 candidats.",
        interest_fr="Conventionner des logements permet aux locateurs de partager la "
        "responsabilité du maintien du locataire avec un répondant et de bénéficier du soutien "
        "de l’agent de liaison.",
        role_en="Community and collective owners with a social mission can place some units "
        "under agreement; the program selects 2 to 3 candidates per available unit.",
        interest_en="They share responsibility for keeping the tenant housed with a responsible "
        "party and get the liaison agent's support.",
        actor_types=("obnl", "coop"),
    ),
    KeyActorRow(
        "carrier",
        "Fiduciaire ou organisme porteur agissant comme dispensateur de services dans le milieu",
        "Fiduciary or carrier organisation acting as a local service provider",
        "Tableau 6 (L4274-4344)",
        role_fr="Le rôle du fiduciaire permet une neutralité dans la gouvernance du programme, "
        "tout en fournissant un soutien administratif et technique aux différents niveaux de "
        "l’implantation du programme.",
        interest_fr="Développer des solutions concrètes pour améliorer l’accessibilité au "
        "logement social; il devra anticiper la complexité d’un double rôle, soit celui d’être à "
        "la fois organisme porteur du projet et organisme référent.",
        role_en="The fiduciary gives neutral governance and administrative and technical "
        "support at each level of implementation.",
        interest_en="Develop concrete solutions for access to social housing; it must anticipate "
        "the complexity of a double role, being both carrier and referring organisation.",
        roles=("carrier",),
    ),
)

# --------------------------------------------------------------------------------------
# Committees and person roles (sections VI, VII, IX).
# --------------------------------------------------------------------------------------
COMMITTEE_KINDS: tuple[Term, ...] = (
    Term("gestion", "Comité de gestion", "Management committee",
         "Section VI (L1791-1834); Tableau 6 (L4288-4296)",
         "Gère le programme et décide de ses orientations générales et de certaines priorités "
         "d’attribution; garant de la neutralité (deux secteurs représentés).",
         "Manages the program and sets its general orientations and some allocation "
         "priorities; guarantor of neutrality (both sectors represented)."),
    Term("selection", "Comité de sélection", "Selection committee",
         "Section VI (L1665-1670); Tableau 6 (L4298-4301); Annexe 3, cl. 7.1.3 (L9509)",
         "Présélectionne les candidats; désigné annuellement par le comité de gestion, composé "
         "de représentants de l’habitation sociale et de la santé et des services sociaux.",
         "Pre-selects candidates; designated yearly by the management committee, with "
         "representatives of social housing and of health and social services."),
    Term("pratiques", "Comité de pratiques", "Practice committee",
         "Section VI (L1838-1865); section IX (L5464-5571)",
         "Prévention de l’instabilité résidentielle par le codéveloppement sur des cas "
         "anonymisés; sièges permanents et participation ponctuelle.",
         "Prevents residential instability through co-development on anonymised cases; "
         "permanent seats and occasional participation."),
    Term("other", "Autre comité", "Other committee", ""),
)

SEAT_KINDS: tuple[Term, ...] = (
    Term("permanent", "Siège permanent", "Permanent seat", "Section VI (L1852-1857)"),
    Term("ad_hoc", "Participation ponctuelle", "Occasional participation",
         "Section VI (L1852-1857)"),
)

# Declared ties between actors other than agreements and memberships.
TIE_KINDS: tuple[Term, ...] = (
    Term("information", "Échange d’information", "Information exchange",
         "Tableau 8, stade communication (L4474-4477)"),
    Term("resources", "Ressources partagées", "Shared resources",
         "Tableau 9 (L4515-4529)"),
    Term("joint_project", "Projet commun", "Joint project",
         "Tableau 8 (L4484-4485); Tableau 9 (L4523-4529)"),
    Term("referral", "Référencement", "Referral", "Section VI (L1683-1693)"),
)

# How often two actors work together on a declared tie. Inferred, not in the source: the
# guide describes ties by their content (Tableaux 8 and 9); network surveys of
# collaboratives (PARTNER, the Levels of Collaboration Scale) also ask how often partners
# interact, which tells an occasional exchange from a working relationship. Empty: unknown.
TIE_FREQUENCIES: tuple[Term, ...] = (
    Term("occasional", "Occasionnelle (quelques fois par année)",
         "Occasional (a few times a year)", "concert (inferred)"),
    Term("monthly", "Mensuelle", "Monthly", "concert (inferred)"),
    Term("weekly", "Hebdomadaire ou plus", "Weekly or more", "concert (inferred)"),
)

AGREEMENT_STATUSES: tuple[Term, ...] = (
    Term("draft", "Projet", "Draft", "concert"),
    Term("signed", "Signée", "Signed", "concert"),
    Term("renewed", "Reconduite", "Renewed", "Annexe 3, cl. 13 (L9652-9656)"),
    Term("expired", "Échue", "Expired", "Annexe 3, cl. 12.1 (L9642)"),
    Term("terminated", "Résiliée", "Terminated", "Annexe 3, cl. 12.2 (L9645-9647)"),
)

# Parties to the agreements (Tableau 5 column headings, L3940-3957).
PARTY_ROLES: tuple[Term, ...] = (
    Term("housing_provider", "Propriétaire ou gestionnaire de logements",
         "Housing provider (owner or manager)",
         "Tableau 5, « Engagement propriétaire collectif ou communautaire (OMH ou OBNL/Coops) »; "
         "section VIII.1 (L3843-3845: « sociaux, communautaires ou privés »)"),
    Term("program", "Programme (Clés en main)", "Program (Clés en main)",
         "Tableau 5, « Engagement Clés en main »"),
    Term("referring_org", "Organisme référent", "Referring organisation",
         "Tableau 5, « Engagement organisme référent »"),
    Term("tenant", "Locataire", "Tenant", "Tableau 5, « Engagement locataire »"),
    Term("worker", "Intervenant(e) référent(e)", "Referring worker",
         "Tableau 5, « Engagement intervenant »"),
    Term("liaison_agent", "Agent(e) de liaison", "Liaison agent",
         "Section VIII.1 (L3919-3922); Tableau 5, « Engagement Clés en main »"),
)


# --------------------------------------------------------------------------------------
# Agreements I, II, III: Tableau 5 (L3934-4072) and the annex clauses.
# --------------------------------------------------------------------------------------
def _c(party: str, fr: str, en: str, source: str) -> Commitment:
    return Commitment(party, fr, en, source)


AGREEMENT_TYPES: tuple[AgreementType, ...] = (
    AgreementType(
        code="I",
        fr="Entente I — propriétaire ou gestionnaire de logements et programme",
        en="Agreement I — housing provider and program",
        parties=("housing_provider", "program"),
        commitments=(
            _c("housing_provider",
               "Mise à disposition de logements ou d’unités de subvention PSL",
               "Makes housing units or PSL subsidy units available",
               "Tableau 5, entente I (L3961-3966)"),
            _c("housing_provider",
               "Délègue le rôle de présélection des locataires pour ces logements",
               "Delegates the pre-selection of tenants for these units",
               "Tableau 5, entente I (L3968-3972)"),
            _c("program",
               "Assure l’attribution des unités de logement disponibles aux clientèles "
               "marginalisées et vivant des enjeux de santé mentale",
               "Allocates the available units to marginalised clienteles living with "
               "mental-health issues",
               "Tableau 5, entente I (L3974-3981)"),
            _c("program",
               "Prévient la survenue des situations à risque d’instabilité résidentielle",
               "Prevents situations at risk of residential instability",
               "Tableau 5, entente I (L3983-3986)"),
        ),
        clauses=(
            _c("program",
               "La situation psychosociale du locataire n’est pas communiquée au propriétaire et "
               "demeure confidentielle",
               "The tenant's psychosocial situation is not disclosed to the owner and stays "
               "confidential",
               "Section VIII.1 (L3859-3864)"),
            _c("housing_provider",
               "(Coop ou OBNL) Réserve un ou plusieurs logements subventionnés exclusivement à "
               "une clientèle présélectionnée par Clés en main et l’informe dès qu’un logement "
               "est disponible",
               "(Co-op or OBNL) Reserves one or more subsidised units exclusively for a clientele "
               "pre-selected by Clés en main and tells it as soon as a unit is available",
               "Annexe 5, art. 7.1-7.2 (L10216-10222)"),
        ),
        template_fr="Annexe 5 — Modèle de cadre de partenariat (Coop ou OBNL)",
        template_en="Annex 5 — Model partnership framework (co-op or OBNL)",
        source="Section VIII.1 (L3843-3864); Tableau 5 (L3934-3986); Annexe 5 (L10032-10250)",
    ),
    AgreementType(
        code="II",
        fr="Entente II — programme et organisme référent",
        en="Agreement II — program and referring organisation",
        parties=("program", "referring_org"),
        commitments=(
            _c("program",
               "Engage le programme Clés en main à ouvrir les périodes de candidatures aux "
               "organismes et institutions signataires",
               "Commits the program to open application periods to the signatory organisations "
               "and institutions",
               "Tableau 5, entente II (L3990-3995)"),
            _c("referring_org",
               "Engage l’organisme référent à référer des candidats dont il assure le suivi "
               "depuis minimalement 6 mois. À la fin de la période de suivi minimale d’un an, il "
               "s’engage à réactiver le dossier lorsque la situation le requiert",
               "Commits the referring organisation to refer only candidates it has followed for "
               "at least 6 months; after the minimum one-year follow-up it reactivates the file "
               "when the situation requires",
               "Tableau 5, entente II (L3999-4008)"),
        ),
        clauses=(
            _c("referring_org",
               "Rencontrer le locataire au minimum une fois par mois durant la première année "
               "d’occupation ou aussi longtemps que nécessaire",
               "Meet the tenant at least once a month during the first year of occupancy, or as "
               "long as needed",
               "Annexe 3, cl. 5.4 (L9439-9444)"),
            _c("referring_org",
               "Aviser Clés en main des changements de suivi (changement d’intervenant, "
               "fermeture de dossier)",
               "Notify Clés en main of follow-up changes (change of worker, file closure)",
               "Annexe 3, cl. 5.6 (L9423-9470)"),
            _c("referring_org",
               "Désigner une personne responsable de la liaison avec le représentant de Clés en "
               "main, autorisée à signer l’Annexe A",
               "Designate a person to liaise with the program's representative, authorised to "
               "sign Annex A",
               "Annexe 3, cl. 6.2-6.3 (L9479-9486)"),
            _c("program",
               "Désigner un représentant, personne-ressource entre les personnes acceptées, les "
               "propriétaires, l’OMH et les organismes",
               "Designate a representative as the resource person between accepted people, "
               "owners, the OMH and the organisations",
               "Annexe 3, cl. 4.2 (L9408-9412)"),
            _c("program",
               "L’entente est d’une durée de trois (3) ans; chaque partie peut y mettre fin avec "
               "un préavis de six (6) mois; elle peut être reconduite",
               "The agreement runs for three (3) years; either party may end it with six (6) "
               "months' notice; it may be renewed",
               "Annexe 3, cl. 12.1-12.2 et 13 (L9639-9656)"),
        ),
        template_fr="Annexe 3 — Modèle d’entente de services",
        template_en="Annex 3 — Model service agreement",
        source="Section VIII.1 (L3866-3886); Tableau 5 (L3988-4008); Annexe 3 (L9246-9702)",
        term_years=3,
        notice_months=6,
    ),
    AgreementType(
        code="III",
        fr="Entente III — locataire, intervenant(e) référent(e) et agent(e) de liaison",
        en="Agreement III — tenant, referring worker and liaison agent",
        parties=("tenant", "worker", "liaison_agent"),
        commitments=(
            _c("liaison_agent",
               "Le programme Clés en main s’engage à assurer le soutien du locataire et de son "
               "intervenant dans l’ensemble des démarches liées à la recherche de logement, la "
               "gestion des risques d’instabilité résidentielle, l’information quant aux droits "
               "et obligations ainsi que dans l’appropriation du rôle de locataire",
               "The program supports the tenant and their worker in the housing search, "
               "managing instability risks, information on rights and obligations, and taking "
               "on the tenant role",
               "Tableau 5, entente III (L4012-4028)"),
            _c("tenant",
               "Le locataire s’engage à recevoir le soutien de l’intervenant référent pendant la "
               "première année d’intégration en logement ou par la suite lorsque la situation le "
               "requiert",
               "The tenant receives the referring worker's support during the first year of "
               "housing integration, or afterwards when the situation requires",
               "Tableau 5, entente III (L4030-4036)"),
            _c("tenant",
               "Il autorise également son intervenant référent, l’agent de liaison et l’office "
               "municipal d’habitation dont il relève à échanger des informations le concernant",
               "The tenant authorises their referring worker, the liaison agent and their OMH "
               "to exchange information about them",
               "Tableau 5, entente III (L4038-4048)"),
            _c("tenant",
               "Il s’engage à respecter les conditions liées à la subvention",
               "The tenant respects the conditions attached to the subsidy",
               "Tableau 5, entente III (L4050-4052)"),
            _c("worker",
               "L’intervenant du partenaire référent s’engage à accompagner le locataire, le cas "
               "échéant, dans la recherche d’un logement dans le délai prescrit, faciliter les "
               "démarches administratives, assurer le maintien du suivi durant la première année "
               "d’intégration en logement et agir en tant que sonneur d’alerte concernant toute "
               "situation pouvant engendrer un risque d’instabilité résidentielle",
               "The referring partner's worker helps the tenant with the housing search within "
               "the prescribed time, eases administrative steps, keeps up follow-up during the "
               "first year and acts as whistle-blower on any risk of residential instability",
               "Tableau 5, entente III (L4054-4072)"),
        ),
        clauses=(
            _c("tenant",
               "Aviser sans délai Clés en main de toute absence prolongée du logement ou de tout "
               "changement d’intervenant",
               "Tell Clés en main without delay of any prolonged absence or change of worker",
               "Annexe 1 — Annexe A (L9018-9021)"),
        ),
        template_fr="Annexe 1 — Annexe A au bail (Convention de participation à un service de "
        "soutien au logement)",
        template_en="Annex 1 — Lease annex A (participation agreement in a housing-support "
        "service)",
        source="Section VIII.1 (L3888-3922); Tableau 5 (L4010-4072); Annexe 1 (L8959-9034)",
    ),
)

# --------------------------------------------------------------------------------------
# Indicators, stages and criteria: Tableaux 7-10 (L4347-4603).
# --------------------------------------------------------------------------------------
STAGES: tuple[Term, ...] = (
    Term("communication", "Communication", "Communication", "Section VIII.3 (L4361-4367)"),
    Term("coordination", "Coordination", "Coordination", "Section VIII.3 (L4361-4367)"),
    Term("cooperation", "Coopération", "Co-operation", "Section VIII.3 (L4361-4367)"),
)

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "convergence", "Convergence des acteurs", "Convergence of actors", "Tableau 7",
        "Tableau 7 (L4413-4468)",
        details_fr={
            "communication": "Au début de la concertation, dans le stade de communication, la "
            "convergence des acteurs est motivée par une première volonté de travailler "
            "ensemble, de même que des intérêts communs. À ce stade, les intérêts des acteurs "
            "sont tacites (pas encore exprimés) et coexistent également avec des intérêts "
            "conflictuels qui peuvent diviser les acteurs.",
            "coordination": "Pour passer au stade de coordination, un effort de concertation "
            "devra être mené. Le rôle de l’agent de liaison peut alors consister à faciliter "
            "l’expression des intérêts communs et à proposer de travailler sur un cadre de "
            "partenariat. À ce stade de la concertation, il est important de répondre à la "
            "question suivante : quels sont les points sur lesquels les acteurs s’accordent ? "
            "Les motivations communes sont alors explicitées et clarifiées.",
            "cooperation": "Au stade de coopération, le cadre de partenariat a permis, "
            "notamment, la définition d’une vision commune du projet entre les acteurs. De plus, "
            "l’effort de concertation a permis de se doter d’un langage commun. Afin de faciliter "
            "la coopération, il est important d’envisager également le choix et/ou la création "
            "d’outils de référence et d’évaluation entre les acteurs-clés amenés à collaborer "
            "sur le terrain (formulaire commun de référence des candidats, outils d’évaluation "
            "de l’instabilité résidentielle, etc.).",
        },
        details_en={
            "communication": "At the start, convergence is driven by a first willingness to work "
            "together and by common interests, which are tacit (not yet expressed) and coexist "
            "with conflicting interests that can divide the actors.",
            "coordination": "Moving to coordination takes a concertation effort. The liaison "
            "agent can help common interests to be expressed and propose work on a partnership "
            "framework. Key question: on which points do the actors agree? Shared motivations "
            "are made explicit and clarified.",
            "cooperation": "At co-operation, the partnership framework has produced a shared "
            "vision and a common language. Choose or create shared referral and assessment "
            "tools (a common candidate referral form, residential-instability assessment tools, "
            "etc.).",
        },
        tools_fr=(
            "Modèle de cadre de partenariat (Annexe 5)",
            "Modèle d’outil pour évaluation du risque d’instabilité résidentielle (Annexe 6)",
            "Modèle de formulaire de référence au programme (Annexe 7)",
        ),
        tools_en=(
            "Model partnership framework (Annex 5)",
            "Model residential-instability risk assessment tool (Annex 6)",
            "Model program referral form (Annex 7)",
        ),
        tools_source="Tableau 7, Outils (L4463-4468)",
    ),
    Indicator(
        "structure", "Structure du projet", "Project structure", "Tableau 8",
        "Tableau 8 (L4469-4508)",
        details_fr={
            "communication": "Durant le stade de communication, le projet n’est pas encore "
            "structuré. Les acteurs qui participent à la concertation échangent des "
            "informations, mais n’ont pas encore défini les modalités de leur fonctionnement.",
            "coordination": "Durant le stade de coordination, la concertation a permis de "
            "définir les rôles et obligations de chacun des acteurs. Ce début de structure "
            "permet également la mise en œuvre d’activités et de projets communs.",
            "cooperation": "Durant le stade de coopération, les acteurs ont défini un échéancier "
            "commun du projet avec des objectifs observables et mesurables. Les objectifs peuvent "
            "inclure, dans le cas du modèle Clés en main, un objectif chiffré de logements à "
            "conventionner auprès d’OBNL ou de PSL dont dispose le programme. Cette estimation "
            "doit être menée conjointement avec les acteurs-clés.",
        },
        details_en={
            "communication": "The project is not yet structured: actors exchange information "
            "but have not defined how they will work.",
            "coordination": "Each actor's roles and obligations have been defined; this "
            "beginning of structure allows joint activities and projects.",
            "cooperation": "Actors share a timeline with observable and measurable objectives, "
            "which may include a numeric target of units to place under agreement with OBNLs "
            "or of PSL available to the program, estimated jointly with the key actors.",
        },
    ),
    Indicator(
        "mutualisation", "Mutualisation des compétences et des ressources",
        "Pooling of skills and resources", "Tableau 9", "Tableau 9 (L4509-4550)",
        alt_fr="Mutualisation des ressources et compétences",
        details_fr={
            "communication": "Au stade de communication, les ressources (financement, "
            "participation d’un intervenant, mise à disposition de locaux) sont échangées "
            "ponctuellement d’un acteur à l’autre.",
            "coordination": "Au stade de coordination, les efforts de définition du cadre de "
            "partenariat et la structuration du projet permettent, peu à peu, une mise en commun "
            "des ressources des acteurs dans le cadre de leurs mandats respectifs dans la "
            "perspective d’un projet commun.",
            "cooperation": "Au stade de coopération, cette mise en commun de ressources permet "
            "la mise en place de projets communs qui dépassent le mandat de chacun des acteurs. "
            "La mutualisation des ressources permet une meilleure qualité des services que ce "
            "que les acteurs pourraient dispenser de manière isolée.",
        },
        details_en={
            "communication": "Resources (funding, a worker's participation, meeting rooms) are "
            "exchanged occasionally from one actor to another.",
            "coordination": "Defining the partnership framework and structuring the project "
            "gradually lead to pooling resources within each actor's mandate, towards a joint "
            "project.",
            "cooperation": "Pooled resources allow joint projects beyond each actor's mandate, "
            "with better service quality than actors could give alone.",
        },
        tools_fr=(
            ("Grille d’identification des acteurs-clés du milieu (Tableau 6; la source la situe "
            "au « troisième point », elle est au deuxième)"),
        ),
        tools_en=(
            ("Key-actor identification grid (Tableau 6; the source says 'third point', it is in "
            "the second)"),
        ),
        tools_source="Tableau 9, Outils (L4546-4550)",
    ),
    Indicator(
        "climat", "Climat", "Climate", "Tableau 10", "Tableau 10 (L4551-4603)",
        details_fr={
            "communication": "Dans le stade de communication, les objectifs sont indépendants et "
            "le groupe ne dispose, ni d’une cible commune, ni d’objectifs définis. Les efforts "
            "de concertation à venir doivent tenir compte du haut risque de la survenue "
            "d’irritants entre les acteurs (rivalités, résistances, oppositions, etc.).",
            "coordination": "Au stade de la coordination, les efforts de définition du cadre de "
            "partenariat permettent aux acteurs d’identifier et d’accepter la légitimité "
            "d’approches différentes auprès de leurs homologues.",
            "cooperation": "Au stade de la coopération, on constate un aspect naturel et "
            "spontané de la concertation. L’agent de liaison veille à entretenir cela en mettant "
            "en place des espaces de questionnements et de régulation entre les acteurs, et "
            "gagnera à organiser, aux moments opportuns et aussi souvent que nécessaire, des "
            "occasions de célébration. Les contextes informels sont particulièrement indiqués "
            "pour accompagner la survenue d’irritants ou de résistances.",
        },
        details_en={
            "communication": "Objectives are independent, with no common target or defined "
            "objectives; expect a high risk of irritants (rivalries, resistance, opposition).",
            "coordination": "Work on the partnership framework lets actors identify and accept "
            "the legitimacy of different approaches.",
            "cooperation": "Concertation is natural and spontaneous. The liaison agent keeps "
            "it going with spaces for questioning and regulation, and organises celebrations "
            "at the right moments; informal settings suit the handling of irritants.",
        },
    ),
)


def _k(ind: str, stage: str, n: int, fr: str, en: str, lines: str, *,
       descriptor: bool = False) -> Criterion:
    table = {"convergence": "7", "structure": "8", "mutualisation": "9", "climat": "10"}[ind]
    return Criterion(f"{ind}.{stage}.{n}", ind, stage, fr, en,
                     f"Tableau {table} ({lines})", descriptor)


CRITERIA: tuple[Criterion, ...] = (
    # Tableau 7 — Convergence des acteurs
    _k("convergence", "communication", 1, "Présence d’une première volonté de travailler ensemble",
       "A first willingness to work together is present", "L4419-4422"),
    _k("convergence", "communication", 2, "Présence d’intérêts communs",
       "Common interests are present", "L4424-4425"),
    _k("convergence", "communication", 3, "Présence d’intérêts conflictuels",
       "Conflicting interests are present", "L4427-4428", descriptor=True),
    _k("convergence", "coordination", 1, "Concertation",
       "Concertation (a deliberate joint effort)", "L4430"),
    _k("convergence", "cooperation", 1, "Présence d’une vision commune",
       "A shared vision is present", "L4433-4434"),
    _k("convergence", "cooperation", 2, "Utilisation d’un langage et d’outils communs",
       "A common language and common tools are used", "L4436-4439"),
    # Tableau 8 — Structure du projet
    _k("structure", "communication", 1, "Transmission de l’information parfois unidirectionnelle",
       "Information is passed on, sometimes one way only", "L4474-4477", descriptor=True),
    _k("structure", "coordination", 1, "Définition et partage efficace des rôles",
       "Roles are defined and effectively shared", "L4481-4482"),
    _k("structure", "coordination", 2, "Activités et projets communs",
       "Joint activities and projects", "L4484-4485"),
    _k("structure", "cooperation", 1, "Une planification commune et un projet structurant",
       "Joint planning and a structuring project", "L4487-4491"),
    # Tableau 9 — Mutualisation des ressources et compétences
    _k("mutualisation", "communication", 1, "Échange de ressources",
       "Exchange of resources", "L4515-4516"),
    _k("mutualisation", "coordination", 1, "Mise en commun de ressources",
       "Pooling of resources", "L4520-4521"),
    _k("mutualisation", "cooperation", 1,
       "Présence d’un ou plusieurs projets communs dépassant le mandat de chacun",
       "One or more joint projects going beyond each actor's mandate", "L4523-4529"),
    # Tableau 10 — Climat
    _k("climat", "communication", 1, "Objectifs indépendants",
       "Independent objectives", "L4555-4557", descriptor=True),
    _k("climat", "coordination", 1, "Reconnaissance d’approches différentes",
       "Different approaches are recognised", "L4560-4562"),
    _k("climat", "cooperation", 1,
       "Un aspect naturel, spontané et intégré dans les habitudes ou en voie de l’être",
       "A natural, spontaneous aspect, built into habits or becoming so", "L4564-4568"),
    _k("climat", "cooperation", 2, "Présence d’espaces de questionnements pour se réguler",
       "Spaces for questioning exist, so the group can regulate itself", "L4570-4573"),
)

# --------------------------------------------------------------------------------------
# Québec's 17 administrative regions (codes of the Institut de la statistique du Québec).
# --------------------------------------------------------------------------------------
QUEBEC_REGIONS: tuple[tuple[str, str], ...] = (
    ("01", "Bas-Saint-Laurent"), ("02", "Saguenay–Lac-Saint-Jean"),
    ("03", "Capitale-Nationale"), ("04", "Mauricie"), ("05", "Estrie"), ("06", "Montréal"),
    ("07", "Outaouais"), ("08", "Abitibi-Témiscamingue"), ("09", "Côte-Nord"),
    ("10", "Nord-du-Québec"), ("11", "Gaspésie–Îles-de-la-Madeleine"),
    ("12", "Chaudière-Appalaches"), ("13", "Laval"), ("14", "Lanaudière"),
    ("15", "Laurentides"), ("16", "Montérégie"), ("17", "Centre-du-Québec"),
)

# --------------------------------------------------------------------------------------
# Crosswalk to the scales people already use. A reading aid, not an equivalence: the
# guide's three stages were built from the Clés en main experience and Morin et al. (2015).
#   Himmelman, A. T. (2002). Collaboration for a Change: Definitions, Decision-making
#     Models, Roles, and Collaboration Process Guide. Networking -> coordinating ->
#     cooperating -> collaborating.
#   Frey, B. B., Lohmeier, J. H., Lee, S. W. & Tollefson, N. (2006). Measuring collaboration
#     among grant partners. American Journal of Evaluation, 27(3), 383-392.
#     doi:10.1177/1098214006290356. Levels 0 no interaction, 1 networking, 2 cooperation,
#     3 coordination, 4 coalition, 5 collaboration.
# Beware the false friend: the guide's "coopération" is its highest stage, while
# "cooperation" is level 2 of Frey et al. and the third of Himmelman's four.
# --------------------------------------------------------------------------------------
CROSSWALK: tuple[dict[str, str], ...] = (
    {"stage": "communication", "himmelman": "Networking",
     "frey": "1 Networking",
     "fr": "Échange d’information, objectifs indépendants, rôles non définis.",
     "en": "Information exchange, independent objectives, roles not defined."},
    {"stage": "coordination", "himmelman": "Coordinating; Cooperating",
     "frey": "2 Cooperation; 3 Coordination",
     "fr": "Rôles définis, activités communes, ressources mises en commun dans le mandat de "
           "chacun.",
     "en": "Defined roles, joint activities, resources pooled within each mandate."},
    {"stage": "cooperation", "himmelman": "Collaborating",
     "frey": "4 Coalition; 5 Collaboration",
     "fr": "Vision et planification communes, projets au-delà du mandat de chacun, confiance "
           "et régulation.",
     "en": "Shared vision and planning, projects beyond each mandate, trust and regulation."},
)

# Other ways people write the codes of a vocabulary, beside its code and its French and
# English labels (matched ignoring case, accents, spacing and plural, see concert.io.values).
# Inferred (concert): the acronyms and short forms the guide itself uses for these
# organisations and sectors (Tableau 6, L4107-4272; Section II, L380-400) and the wording
# of regional workbooks (issue 14).
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "actor_type": {
        "omh": ("office municipal d’habitation", "office d’habitation", "OH"),
        "obnl": ("OBNL", "OBNL-H", "organisme sans but lucratif d’habitation"),
        "coop": ("coop", "coopérative", "COOP d’habitation"),
        "cisss": ("CISSS", "CIUSSS", "CSSS", "centre intégré de santé et de services sociaux"),
        "community_org": ("organisme", "OC"),
        "municipality": ("ville", "municipalité", "MRC"),
        "government": ("SHQ", "MSSS", "ministère"),
        "coalition": ("regroupement", "fédération"),
        "private_landlord": ("propriétaire privé", "gestionnaire immobilier"),
    },
    "sector": {
        "housing": ("habitation sociale", "logement social", "logement",
                    "habitation sociale et communautaire", "logement communautaire"),
        "health": ("santé", "santé et services sociaux", "réseau de la santé", "RSSS",
                   "CISSS", "CIUSSS"),
        "community": ("milieu communautaire", "organisme communautaire"),
        "users": ("personnes utilisatrices", "usagers", "familles"),
    },
    "engagement": {"signatory": ("signé", "signée")},
    "agreement_status": {"signed": ("signé",), "draft": ("brouillon", "en préparation"),
                         "renewed": ("reconduit", "renouvelée"),
                         "expired": ("échu", "expirée"), "terminated": ("résilié",)},
    "committee_kind": {"gestion": ("gestion",), "selection": ("sélection",),
                       "pratiques": ("pratiques", "comité de pratique")},
    "seat": {"permanent": ("permanent",), "ad_hoc": ("ponctuel", "ponctuelle", "ad hoc")},
}

# Program-level parameters that are local policy, not law (model section 16.1).
PARAMETERS: dict[str, tuple[int, str]] = {
    "prior_follow_up_months": (6, "Section VI (L1687-1688); Tableau 5, entente II"),
    "first_year_follow_up_months": (12, "Tableau 5, entente III (L4030-4036)"),
    "agreement_ii_term_years": (3, "Annexe 3, cl. 12.1 (L9642)"),
    "agreement_ii_notice_months": (6, "Annexe 3, cl. 12.2 (L9645-9647)"),
    "selection_committee_size": (4, "Annexe 3, cl. 7.1.3 (L9509)"),
    "expiry_warning_days": (90, "concert"),
}

# --------------------------------------------------------------------------------------
# Look-ups
# --------------------------------------------------------------------------------------
class UnknownCode(KeyError):
    """A code the framework does not know: a translation key and the values it quotes.

    The framework is the lowest layer and renders no text: :mod:`concert._errors` (always
    imported with the package) sets :attr:`say`, so that ``text(lang)`` and ``str()`` read
    in the language asked for, as every concert error does.
    """

    say: ClassVar[Callable[[str, dict[str, Any], str | None], str] | None] = None

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the settings language)."""
        say = type(self).say
        return say(self.key, self.params, lang) if say else f"{self.key} {self.params}"

    def __str__(self) -> str:
        return self.text()


_TABLES: dict[str, tuple[Term, ...]] = {
    "sector": SECTORS,
    "actor_type": ACTOR_TYPES,
    "org_role": ORG_ROLES,
    "contact_role": CONTACT_ROLES,
    "engagement": ENGAGEMENT_LEVELS,
    "key_actor": KEY_ACTOR_ROWS,
    "committee_kind": COMMITTEE_KINDS,
    "seat": SEAT_KINDS,
    "tie_kind": TIE_KINDS,
    "tie_frequency": TIE_FREQUENCIES,
    "agreement_status": AGREEMENT_STATUSES,
    "party_role": PARTY_ROLES,
    "stage": STAGES,
}


def codes(table: str) -> tuple[str, ...]:
    """Return the codes of a vocabulary ``table`` (``"sector"``, ``"actor_type"``, ...)."""
    return _CODES[table]


def code_set(table: str) -> frozenset[str]:
    """The codes of a vocabulary ``table`` as a set, for fast membership tests."""
    return _CODE_SETS[table]


_CODES: dict[str, tuple[str, ...]] = {k: tuple(t.code for t in v) for k, v in _TABLES.items()}
_CODE_SETS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _CODES.items()}
_TERMS: dict[str, dict[str, Term]] = {k: {t.code: t for t in v} for k, v in _TABLES.items()}


def term(table: str, code: str) -> Term:
    """Return the entry ``code`` of vocabulary ``table``.

    Raises
    ------
    KeyError
        If the code is unknown; the message lists the known codes.
    """
    found = _TERMS[table].get(code) if isinstance(code, str) else None
    if found is not None:
        return found
    raise UnknownCode("fw.unknown_code", table=table, code=str(code), expected=codes(table))


def actor_type(code: str) -> ActorTypeTerm:
    """Return the actor type ``code``."""
    t = term("actor_type", code)
    assert isinstance(t, ActorTypeTerm)
    return t


def sector(code: str) -> SectorTerm:
    """Return the sector ``code``."""
    t = term("sector", code)
    assert isinstance(t, SectorTerm)
    return t


def agreement_type(code: str) -> AgreementType:
    """Return agreement type ``"I"``, ``"II"`` or ``"III"``."""
    for a in AGREEMENT_TYPES:
        if a.code == code:
            return a
    raise UnknownCode("fw.unknown_agreement_type", code=str(code))


def indicator(code: str) -> Indicator:
    """Return indicator ``code`` (``convergence``, ``structure``, ``mutualisation``, ``climat``)."""
    for i in INDICATORS:
        if i.code == code:
            return i
    raise UnknownCode("fw.unknown_indicator", code=str(code),
                      expected=tuple(i.code for i in INDICATORS))


_CRITERIA_BY_CODE: dict[str, Criterion] = {c.code: c for c in CRITERIA}
CRITERION_CODES: frozenset[str] = frozenset(_CRITERIA_BY_CODE)


def criterion(code: str) -> Criterion:
    """Return criterion ``code``, such as ``"climat.cooperation.2"``."""
    found = _CRITERIA_BY_CODE.get(code) if isinstance(code, str) else None
    if found is None:
        raise UnknownCode("fw.unknown_criterion", code=str(code))
    return found


STAGE_ORDER: tuple[str, ...] = tuple(s.code for s in STAGES)


def stage_index(code: str) -> int:
    """Return the rank of stage ``code``: communication 0, coordination 1, cooperation 2."""
    return STAGE_ORDER.index(term("stage", code).code)
