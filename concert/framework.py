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
    "ACTION_PRINCIPLES",
    "ACTOR_TYPES",
    "CALLER_GROUPS",
    "CALLER_KINDS",
    "CALL_ACTIONS",
    "CALL_OUTCOMES",
    "CALL_REASONS",
    "CLINICAL_JUDGEMENT",
    "DECISION_TREES",
    "TREE_ANSWERS",
    "AGREEMENT_STATUSES",
    "AGREEMENT_TYPES",
    "COMMITTEE_KINDS",
    "CONTACT_ROLES",
    "CRITERIA",
    "ENGAGEMENT_LEVELS",
    "INDICATORS",
    "KEY_ACTOR_NEEDS",
    "KEY_ACTOR_ROWS",
    "ORG_ROLES",
    "SECTORS",
    "STAGES",
    "TIE_FREQUENCIES",
    "TIE_KINDS",
    "AgreementType",
    "CallerGroup",
    "CallerKind",
    "DecisionTree",
    "GroupReason",
    "TreeLink",
    "TreeStep",
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

@dataclass(frozen=True)
class KeyActorNeed(Term):
    """Who a region needs, and where: in every territory, or once for the region.

    An actor meets the need when its type is one of ``actor_types`` or it holds one of
    ``roles``, and it holds every role of ``all_roles``.
    """

    scope: str = "territory"
    actor_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    all_roles: tuple[str, ...] = ()


KEY_ACTOR_NEEDS: tuple[KeyActorNeed, ...] = (
    KeyActorNeed(
        "housing", "un OMH ou un autre fournisseur de logement social",
        "an OMH or another social-housing provider",
        "Tableau 6 (L4111-4116: OMH « sur le territoire »; L4241-4272: OBNL et Coops); "
        "inferred: docs/decisions.md", scope="territory",
        actor_types=("omh", "obnl", "coop"), roles=("housing_provider",)),
    KeyActorNeed(
        "municipality", "la municipalité", "the municipality",
        "Tableau 6 (L4138-4157: « sur leur territoire », « la municipalité concernée »); "
        "inferred: docs/decisions.md", scope="territory", actor_types=("municipality",)),
    KeyActorNeed(
        "referring_community", "un organisme communautaire référent",
        "a referring community organisation",
        "Tableau 6 (L4211-4237: suivi « dans la communauté », organisme référent); "
        "inferred: docs/decisions.md", scope="territory", actor_types=("community_org",),
        all_roles=("referring",)),
    KeyActorNeed(
        "cisss", "le CISSS ou CIUSSS", "the CISSS or CIUSSS",
        "Tableau 6 (L4175-4210); 003 (L373-377: « de chaque territoire », au sens du réseau "
        "de la santé); inferred: docs/decisions.md", scope="region", actor_types=("cisss",)),
    KeyActorNeed(
        "program", "le programme", "the program", "Section VI (L1791-1834); inferred: "
        "docs/decisions.md", scope="region", actor_types=("program",)),
    KeyActorNeed(
        "carrier", "l’organisme porteur ou fiduciaire", "the carrier or fiduciary organisation",
        "Tableau 6 (L4274-4344); inferred: docs/decisions.md", scope="region",
        roles=("carrier",)),
    KeyActorNeed(
        "user_representatives", "des représentants des personnes utilisatrices",
        "representatives of service users", "Tableau 6 (L4090-4103); inferred: "
        "docs/decisions.md", scope="region", actor_types=("user_association",)),
)
"""Which key actors each territory needs and which the region needs once (inferred from
Tableau 6: the OMH and the municipality act "sur le territoire"; the CISSS, the program,
the carrier and users' representatives are regional). The ruling is in docs/decisions.md."""

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

# Program-level parameters that are local policy, not law (model section 16.1). Each is
# read by a rule: the first year of follow-up dates the first review of an entente III's
# commitments (concert.followup), the term and notice of an entente II its notice date
# (concert.followup.notice_date), the selection committee's size the gap
# ``governance.selection_size`` (concert.gaps). The prior follow-up of a candidate
# (6 months, section VI L1687-1688) is not a parameter: concert keeps no candidates, so no
# rule could read it (docs/decisions.md, issue 15).
PARAMETERS: dict[str, tuple[int, str]] = {
    "first_year_follow_up_months": (12, "Tableau 5, entente III (L4030-4036)"),
    "agreement_ii_term_years": (3, "Annexe 3, cl. 12.1 (L9642)"),
    "agreement_ii_notice_months": (6, "Annexe 3, cl. 12.2 (L9645-9647)"),
    "selection_committee_size": (4, "Annexe 3, cl. 7.1.3 (L9509)"),
    "expiry_warning_days": (90, "concert"),
    # Inferred, not in the source (issue 15): how far the two poles' medians may differ
    # before the divergence is flagged, the fewest answers an anonymous group shows, how
    # often a commitment is reviewed (the committee's annual review), how long a personal
    # answer link lasts.
    "pole_divergence_levels": (2, "concert (inferred); neutrality, section VI (L2143-2150)"),
    "anonymity_min_answers": (3, "concert (inferred)"),
    "commitment_review_months": (12, "concert (inferred): the annual review of the ententes"),
    "answer_link_days": (30, "concert (inferred)"),
    # The liaison agent's desk (issue 16). Inferred: the guide asks for a re-evaluation date
    # on every call (Image 4, comm. 10, L5107-5111) without a delay; the gap rule is concert's.
    "call_reevaluation_days": (30, "concert (inferred) from Image 4, comm. 10 (L5107-5111)"),
    "call_gap_factor": (2, ("concert (inferred): a reason's calls for a partner in a quarter "
                            "at least this many times its mean over the previous quarters")),
    "call_gap_minimum": (5, "concert (inferred): and at least this many calls"),
    "call_gap_quarters": (4, "concert (inferred): the quarters the mean is taken over"),
}

# --------------------------------------------------------------------------------------
# The follow-up loop (issue 15): groups of respondents, action and commitment statuses.
# --------------------------------------------------------------------------------------
# The groups an assessment's answers are read by. The two poles are the source's two
# sectors whose balance makes the program neutral (section VI, L2133-2150; Tableau 6,
# L4284-4296): social housing, and health and social services (community organisations
# belong to the second, see SectorTerm.family). Municipal, users' and the program's own
# answers count in "all" and in their own group, in neither pole (docs/decisions.md).
RESPONSE_GROUPS: tuple[Term, ...] = (
    Term("housing", "Pôle habitation sociale", "Social-housing pole",
         "Section VI (L2133-2150); Tableau 6 (L4284-4296)"),
    Term("health_social", "Pôle santé et services sociaux",
         "Health and social-services pole",
         "Section VI (L2133-2150); Tableau 6 (L4284-4296)"),
    Term("municipal", "Milieu municipal", "Municipal", "Tableau 6 (L4135-4172)"),
    Term("users", "Personnes utilisatrices et familles", "Service users and families",
         "Tableau 6 (L4090-4103)"),
    Term("program", "Programme", "Program", "Section VI (L1569-1611)"),
    Term("other", "Autres", "Others", "concert (inferred)"),
)
POLES: tuple[str, str] = ("housing", "health_social")
"""The two poles whose medians are compared (section VI, neutrality)."""

# Names of the program figures the sources report (seed 000 section VI "Quelques chiffres",
# L1620-1637; seed 002, L182-187, L289, L564-630). The codes are concert's (inferred, not
# in the source); a figure under another code is shown by its code.
PROGRAM_FIGURES: tuple[Term, ...] = (
    Term("tenants_housed", "Locataires logés", "Tenants housed", "000 L1622-1627; 002 L564-573"),
    Term("stability_rate", "Taux de stabilité résidentielle", "Residential stability rate",
         "000 L1634-1637; 002 L182-187"),
    Term("referring_partners", "Organismes référents partenaires",
         "Partner referring organisations", "000 L1629; 002 L289"),
    Term("private_owners", "Propriétaires privés partenaires", "Partner private landlords",
         "000 L1626"),
    Term("partner_coops_obnl", "Coops et OBNL partenaires", "Partner co-ops and OBNLs",
         "000 L1624-1625"),
    Term("apir_cases", "Situations accompagnées (APIR)", "Situations supported (APIR)",
         "002 L615-630"),
)

# Statuses of an action of the committee's plan. Inferred, not in the source: the guide
# asks for "un échéancier commun … objectifs observables et mesurables" (Tableau 8 and its
# Détails, L4487-4491) and seed 004 "à qui, quand et sur quoi rendre compte".
ACTION_STATUSES: tuple[Term, ...] = (
    Term("planned", "Prévue", "Planned", "concert (inferred)"),
    Term("in_progress", "En cours", "In progress", "concert (inferred)"),
    Term("done", "Faite", "Done", "concert (inferred)"),
    Term("abandoned", "Abandonnée", "Abandoned", "concert (inferred)"),
)

# How a party's commitment under an entente is kept. Inferred, not in the source: the
# liaison agent "veille au respect" of the ententes (section IX).
COMMITMENT_STATUSES: tuple[Term, ...] = (
    Term("kept", "Respecté", "Kept", "concert (inferred); section IX"),
    Term("watch", "À surveiller", "To watch", "concert (inferred); section IX"),
    Term("not_kept", "Non respecté", "Not kept", "concert (inferred); section IX"),
    Term("not_applicable", "Sans objet", "Not applicable", "concert (inferred)"),
)


def group_of_sector(sector_code: str) -> str:
    """The response group of a sector: its pole (``family``), else the sector itself.

    Examples
    --------
    >>> group_of_sector("community"), group_of_sector("municipal"), group_of_sector("")
    ('health_social', 'municipal', 'other')
    """
    try:
        s = sector(sector_code)
    except KeyError:
        return "other"
    if s.family:
        return s.family
    return s.code if s.code in ("municipal", "users", "program") else "other"


def agreement_commitments(type_code: str) -> tuple[tuple[str, Commitment], ...]:
    """Each commitment of an entente type (Tableau 5, then the annex clauses) with its code.

    The code is ``<type>.<party>.<n>``, ``n`` counting that party's commitments from 1 in
    the order of :meth:`AgreementType.commitments_of`.

    Examples
    --------
    >>> [c for c, _ in agreement_commitments("II")][:3]
    ['II.program.1', 'II.program.2', 'II.program.3']
    """
    t = agreement_type(type_code)
    out: list[tuple[str, Commitment]] = []
    for party in t.parties:
        for n, c in enumerate(t.commitments_of(party), 1):
            out.append((f"{t.code}.{party}.{n}", c))
    return tuple(out)


def commitment(code: str) -> Commitment:
    """The commitment ``code`` (see :func:`agreement_commitments`)."""
    type_code = code.split(".", 1)[0] if isinstance(code, str) else ""
    if type_code in ("I", "II", "III"):
        for c, item in agreement_commitments(type_code):
            if c == code:
                return item
    raise UnknownCode("fw.unknown_commitment", code=str(code))

# --------------------------------------------------------------------------------------
# The liaison agent's desk: calls by caller and reason (section IX.1.c, Tableaux 11-13,
# L4778-4937) and the three decision trees (section IX.1.d, Images 4-6, L4938-5461).
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CallerKind(Term):
    """A kind of caller within a caller group, with the guide's count of calls."""

    group: str = ""
    guide_calls: int | None = None


@dataclass(frozen=True)
class GroupReason:
    """A reason of one caller group's table, with the guide's count of callers.

    ``count`` is the number of callers (tenants, workers, owners) who called for that
    reason over the guide's year, as the table gives it; one caller counts under every
    reason they called for, so a table's counts add up to more than its calls.
    """

    reason: str
    count: int
    source: str


@dataclass(frozen=True)
class CallerGroup(Term):
    """A caller group: tenants (Tableau 11), workers (Tableau 12), owners (Tableau 13)."""

    table: str = ""
    calls: int = 0
    files: int | None = None
    reasons: tuple[GroupReason, ...] = ()
    calls_source: str = ""

    def reason_codes(self) -> tuple[str, ...]:
        """The codes of this group's reasons, in the guide's order."""
        return tuple(r.reason for r in self.reasons)


CALLER_GROUPS_SOURCE = "Section IX.1.c (L4778-4937)"

CALL_REASONS: tuple[Term, ...] = (
    Term("omhq_admin", "Démarches administratives auprès de l’OMHQ",
         "Administrative steps with the OMHQ", "Tableaux 11-13 (L4821, L4869, L4922)"),
    Term("move", "Rapport de fin de bail/de souhait de déménagement/de déménagement",
         "Report of lease end / wish to move / move", "Tableaux 11-12 (L4823, L4871)"),
    Term("program_info", "Demande d’informations sur le programme",
         "Request for information on the program", "Tableaux 11-13 (L4825, L4872, L4931)"),
    Term("owner_conflict",
         "Rapport de conflits avec le propriétaire/autres demandes en lien avec le propriétaire",
         "Report of conflict with the owner / other owner-related requests",
         "Tableaux 11-12 (L4827, L4876)"),
    Term("repairs", "Demande de réparation au logement avec ou sans entente de remboursement",
         "Request for repairs, with or without a repayment agreement",
         "Tableaux 11-12 (L4828, L4885)"),
    Term("rent", "Entente/paiement de loyer", "Rent agreement / payment",
         "Tableaux 11-12 (L4830, L4880)"),
    Term("neighbour_conflict", "Rapport de conflits avec un ou des voisins",
         "Report of conflict with neighbour(s)", "Tableaux 11-12 (L4832, L4883)"),
    Term("follow_up_end", "Fin de suivi avec partenaire référent/ transfert de dossier",
         "End of follow-up with the referring partner / file transfer",
         "Tableaux 11-12 (L4834, L4874)"),
    Term("listening", "Écoute téléphonique", "Telephone listening (support call)",
         "Tableau 11 (L4836)"),
    Term("symptoms", "Rapport de symptômes de la maladie", "Report of illness symptoms",
         "Tableaux 11-12 (L4838, L4878)"),
    Term("file_update", "Mise à jour des données au dossier", "File data update",
         "Tableau 11 (L4839)"),
    Term("detention", "Rapport de détention/thérapie/hospitalisation",
         "Report of detention / therapy / hospitalisation", "Tableaux 11-12 (L4841, L4882)"),
    Term("regie_admin", "Démarches administratives auprès de la Régie du logement",
         "Administrative steps with the Régie du logement",
         "Tableaux 11-13 (L4843, L4887, L4935)"),
    Term("services_end", "Rapport de fin de services avec Clés en main",
         "Report of end of services with Clés en main", "Tableaux 11-12 (L4845, L4889)"),
    Term("behaviour", "Rapport de comportements inadéquats/symptômes de la maladie",
         "Report of inappropriate behaviour / illness symptoms", "Tableau 13 (L4919)"),
    Term("positive_support", "Soutien positif au locataire", "Positive support for the tenant",
         "Tableau 13 (L4921)"),
    Term("future_tenant_info", "Demande d’informations sur le futur locataire",
         "Request for information about the future tenant", "Tableau 13 (L4924)"),
    Term("lease_end", "Rapport de fin de bail avec le locataire",
         "Report of lease end with the tenant", "Tableau 13 (L4926)"),
    Term("rent_agreement", "Rapport d’une entente de paiement de loyer",
         "Report of a rent-payment agreement", "Tableau 13 (L4928)"),
    Term("repair_agreement", "Rapport d’une entente de paiement pour des réparations",
         "Report of a payment agreement for repairs", "Tableau 13 (L4930)"),
    Term("neighbour_complaints", "Rapport d’une ou des plaintes du voisinage",
         "Report of neighbourhood complaint(s)", "Tableau 13 (L4933)"),
    Term("partnership_end", "Rapport de fin de partenariat avec Clés en main",
         "Report of end of partnership with Clés en main", "Tableau 13 (L4937)"),
)
"""Every reason of Tableaux 11, 12 and 13, verbatim (a reason several tables share has one
code); :data:`CALLER_GROUPS` says which reasons each group's table lists."""


def _r(reason: str, count: int, line: str) -> GroupReason:
    return GroupReason(reason, count, line)


CALLER_GROUPS: tuple[CallerGroup, ...] = (
    CallerGroup(
        "tenant", "Locataire", "Tenant", "Tableau 11 (L4792-4845)",
        table="Tableau 11", calls=140, calls_source="L4792-4795 (140 appels, 62 hommes et "
        "79 femmes)",
        reasons=(_r("omhq_admin", 101, "L4821"), _r("move", 49, "L4823"),
                 _r("program_info", 44, "L4825"), _r("owner_conflict", 25, "L4827"),
                 _r("repairs", 14, "L4828"), _r("rent", 14, "L4830"),
                 _r("neighbour_conflict", 14, "L4832"), _r("follow_up_end", 12, "L4834"),
                 _r("listening", 11, "L4836"), _r("symptoms", 10, "L4838"),
                 _r("file_update", 6, "L4839"), _r("detention", 3, "L4841"),
                 _r("regie_admin", 3, "L4843"), _r("services_end", 1, "L4845"))),
    CallerGroup(
        "worker", "Intervenant(e)", "Worker", "Tableau 12 (L4849-4889)",
        table="Tableau 12", calls=114, files=110,
        calls_source="L4849-4856 (114 appels dans 110 dossiers différents)",
        reasons=(_r("omhq_admin", 59, "L4869"), _r("move", 58, "L4871"),
                 _r("program_info", 37, "L4872"), _r("follow_up_end", 28, "L4874"),
                 _r("owner_conflict", 17, "L4876"), _r("symptoms", 16, "L4878"),
                 _r("rent", 13, "L4880"), _r("detention", 12, "L4882"),
                 _r("neighbour_conflict", 10, "L4883"), _r("repairs", 8, "L4885"),
                 _r("regie_admin", 7, "L4887"), _r("services_end", 2, "L4889"))),
    CallerGroup(
        "owner", "Propriétaire ou gestionnaire de logement", "Owner or housing manager",
        "Tableau 13 (L4893-4937)", table="Tableau 13", calls=33,
        calls_source="L4893-4902 (33 appels)",
        reasons=(_r("behaviour", 15, "L4919"), _r("positive_support", 9, "L4921"),
                 _r("omhq_admin", 8, "L4922"), _r("future_tenant_info", 8, "L4924"),
                 _r("lease_end", 8, "L4926"), _r("rent_agreement", 6, "L4928"),
                 _r("repair_agreement", 5, "L4930"), _r("program_info", 5, "L4931"),
                 _r("neighbour_complaints", 5, "L4933"), _r("regie_admin", 4, "L4935"),
                 _r("partnership_end", 2, "L4937"))),
)
"""The three caller groups with their tables' reasons and counts, in the guide's order.

The guide's period is "au cours de la dernière année" (L4792), not dated. Tableau 11
counts tenants, Tableau 12 workers, Tableau 13 owners or managers: the number of callers
who called for a reason, not the number of calls."""

CALLER_KINDS: tuple[CallerKind, ...] = (
    CallerKind("tenant", "Locataire", "Tenant", "L4792-4795", group="tenant", guide_calls=140),
    CallerKind("referring_partner", "Intervenant(e) d’un partenaire référent",
               "Worker of a referring partner", "L4853-4854 (97 appels)", group="worker",
               guide_calls=97),
    CallerKind("other_collaborator", "Intervenant(e) d’un autre collaborateur",
               "Worker of another collaborator", "L4854-4856 (17 appels)", group="worker",
               guide_calls=17),
    CallerKind("private_owner", "Propriétaire de logement privé", "Private owner",
               "L4897-4899 (21 appels)", group="owner", guide_calls=21),
    CallerKind("property_manager", "Gestion immobilière", "Property-management firm",
               "L4899-4901 (7 appels)", group="owner", guide_calls=7),
    CallerKind("obnl", "OBNL", "Non-profit (OBNL)", "L4901 (4 appels)", group="owner",
               guide_calls=4),
    CallerKind("omh", "Office municipal d’habitation (OMHQ)", "Municipal housing office (OMHQ)",
               "L4901-4902 (1 appel)", group="owner", guide_calls=1),
)
"""Who calls, by group: the guide's breakdown of the calls (L4792-4902)."""

CALL_ACTIONS: tuple[Term, ...] = (
    Term("listen_inform", "Écoute active, information et référence",
         "Active listening, information and referral",
         "concert (inferred) from Image 4, comm. 7 (L5044-5049) and the profile (L4695-4697)"),
    Term("help_phrase_request", "Accompagnement du locataire dans la formulation de sa demande",
         "Helping the tenant phrase the request",
         "concert (inferred) from Image 4, comm. 3 and 5 (L5001-5004, L5022-5025)"),
    Term("tenant_contacts_worker", "Invitation du locataire à contacter son intervenant(e)",
         "Tenant invited to contact their worker",
         "concert (inferred) from Image 4, comm. 7 (L5049-5053)"),
    Term("advise_worker", "Rôle-conseil auprès de l’intervenant(e)", "Advising the worker",
         "concert (inferred) from Image 4, comm. 11 (L5118-5120); Image 5, comm. 7 "
         "(L5234-5236)"),
    Term("worker_documentation",
         "Documentation à l’intervenant(e) (cahiers « Entre toit et moi », troisième section)",
         "Documentation for the worker ('Entre toit et moi' booklets, third section)",
         "concert (inferred) from Image 5, comm. 7a (L5244-5253)"),
    Term("reactivation_request", "Demande de réactivation du suivi à l’organisme référent",
         "Request to the referring organisation to reactivate follow-up",
         "concert (inferred) from Image 4, comm. 12 (L5129-5132); principles (L4765-4769)"),
    Term("repayment_agreement", "Entente de remboursement avec le propriétaire",
         "Repayment agreement with the owner",
         "concert (inferred) from Image 4, comm. 2 (L4982-4985)"),
    Term("risk_grid", "Grille d’évaluation de l’instabilité résidentielle (Annexe 6)",
         "Residential-instability grid (Annexe 6)",
         "concert (inferred) from Image 4, comm. 13 (L5134-5143); Image 5, comm. 4 "
         "(L5191-5193); Image 6, comm. 5 (L5418-5420)"),
    Term("tripartite_meeting", "Rencontre tripartite", "Tripartite meeting",
         "concert (inferred) from Image 5, comm. 6 and 8 (L5212-5217, L5270-5274)"),
    Term("owner_mediation", "Contact direct avec le propriétaire, médiation (dernier recours)",
         "Direct contact with the owner, mediation (last resort)",
         "concert (inferred) from Image 4, comm. 9 (L5083-5091); Image 5, comm. 11 "
         "(L5312-5315)"),
    Term("housing_office_report", "Signalement à l’office d’habitation (entente-cadre)",
         "Report to the housing office (framework agreement)",
         "concert (inferred) from Image 5, comm. 12 (L5332-5341)"),
    Term("owner_phrasing", "Accompagnement du propriétaire dans la formulation du problème",
         "Helping the owner or office phrase the problem",
         "concert (inferred) from Image 6, comm. 4 (L5403-5407)"),
    Term("owner_informed", "Information au propriétaire ou à l’office, dans la confidentialité",
         "Owner or office informed, confidentially",
         "concert (inferred) from Image 6, comm. 8 (L5441-5446)"),
    Term("comite_pratiques", "Présentation au comité de pratiques (anonyme)",
         "Presented to the comité de pratiques (anonymously)",
         "concert (inferred) from Image 4, comm. 8 (L5074-5076); section IX.2 (L5507-5518)"),
)
"""What the liaison agent did on a call. Inferred: the guide gives no list of actions; each
entry is an action a tree's comment describes, cited."""

CALL_OUTCOMES: tuple[Term, ...] = (
    Term("resolved", "Situation réglée", "Resolved", "concert (inferred)"),
    Term("in_progress", "En cours, réévaluation prévue", "In progress, re-evaluation set",
         "concert (inferred) from Image 4, comm. 10 (L5107-5111); Image 6, comm. 8 "
         "(L5441-5446)"),
    Term("tenant_autonomous", "Le locataire poursuit ses démarches de façon autonome",
         "The tenant carries on their steps on their own",
         "concert (inferred) from Image 4, comm. 5 (L5026-5031)"),
    Term("worker_involved", "Intervenant(e) mobilisé(e)", "Worker involved",
         "concert (inferred) from Image 4, comm. 7 (L5049-5053); Image 6, comm. 6 "
         "(L5431-5433)"),
    Term("follow_up_reactivated", "Suivi réactivé auprès de l’organisme référent",
         "Follow-up reactivated with the referring organisation",
         "concert (inferred) from Image 4, comm. 12 (L5125-5132); Tableau 5, entente II "
         "(L3999-4008)"),
    Term("file_transferred", "Dossier transféré", "File transferred",
         "concert (inferred) from Tableaux 11-12 (L4834, L4874)"),
    Term("housing_office", "Référé à l’office d’habitation", "Referred to the housing office",
         "concert (inferred) from Image 5, comm. 12 (L5332-5341)"),
    Term("comite_pratiques", "Référé au comité de pratiques", "Referred to the comité de pratiques",
         "concert (inferred) from Image 4, comm. 8 (L5074-5076)"),
    Term("information_only", "Information donnée, sans autre suite",
         "Information given, nothing further", "concert (inferred)"),
)
"""How a call ended. Inferred: the guide gives no list of outcomes."""

# ----------------------------------------------------------------- decision trees (Images 4-6)
@dataclass(frozen=True)
class TreeStep:
    """One step of a decision tree: a numbered comment of the guide and its step.

    Attributes
    ----------
    code : str
        ``"A2"``: the tree and the comment's number.
    fr, en : str
        The step (a question or what to do). The diagrams are not in the text: when
        ``inferred``, the step is reconstructed from the comment.
    comment_fr, comment_en : str
        The guide's comment: French quoted from the guide (shortened where marked "[…]"),
        English a translation.
    source : str
        The comment's lines.
    inferred : bool
        True when the step's wording is reconstructed, not stated by the comment.
    action : str
        The action (:data:`CALL_ACTIONS`) the comment describes, if any.
    final : bool
        A walk may finish here.
    """

    code: str
    fr: str
    en: str
    comment_fr: str
    comment_en: str
    source: str
    inferred: bool = True
    action: str = ""
    final: bool = False

    @property
    def tree(self) -> str:
        """The tree's letter."""
        return self.code[0]


@dataclass(frozen=True)
class TreeLink:
    """A way out of a step, for one answer.

    ``target`` is a step of the same tree, :data:`TREE_END` (the walk finishes) or
    ``"tree:X"`` (the guide sends to tree X). ``inferred``: the guide does not state the
    link (most follow the comments' numbering); ``source`` cites what it rests on.
    """

    step: str
    answer: str
    target: str
    inferred: bool
    source: str
    outcome: str = ""


@dataclass(frozen=True)
class DecisionTree:
    """A decision tree of the guide (Images 4 to 6)."""

    code: str
    fr: str
    en: str
    image: str
    caller_group: str
    source: str
    steps: tuple[TreeStep, ...]
    links: tuple[TreeLink, ...]

    @property
    def start(self) -> str:
        """The first step's code."""
        return self.steps[0].code

    def step(self, code: str) -> TreeStep:
        """The step ``code`` of this tree."""
        for s in self.steps:
            if s.code == code:
                return s
        raise UnknownCode("fw.unknown_code", table=f"tree {self.code}", code=str(code),
                          expected=tuple(s.code for s in self.steps))

    def links_from(self, code: str) -> tuple[TreeLink, ...]:
        """The links leaving step ``code``, in order."""
        return tuple(link for link in self.links if link.step == code)


TREE_END = "end"

TREE_ANSWERS: tuple[Term, ...] = (
    Term("yes", "Oui", "Yes", "concert"),
    Term("no", "Non", "No", "concert"),
    Term("next", "Étape suivante", "Next step", "concert"),
    Term("tenant", "Surtout dû au locataire", "Mainly due to the tenant",
         "Image 5 (L5178-5180)"),
    Term("owner", "Surtout dû au propriétaire", "Mainly due to the owner",
         "Image 5 (L5280-5282)"),
    Term("lacks_info", "7a. L’intervenant n’a pas les informations nécessaires",
         "7a. The worker lacks the information needed", "Image 5, comm. 7a (L5239-5241)"),
    Term("needs_changed", "7b. Le niveau de service requis n’est plus adéquat",
         "7b. The service level required no longer fits", "Image 5, comm. 7b (L5256-5259)"),
    Term("tree_a", "Passer à l’arbre du signalement du locataire",
         "Go to the tenant-report tree", "Image 6, comm. 7 and 9 (L5435-5460)"),
    Term("tree_b", "Passer à l’arbre du signalement de l’intervenant",
         "Go to the worker-report tree", "Image 4, comm. 11 (L5120-5123); Image 6, comm. 9"),
)
"""The answers a tree step offers."""

CLINICAL_JUDGEMENT = Term(
    "clinical_judgement",
    "Ces arbres sont des outils décisionnels de base qui visent à orienter l’intervention en "
    "soutien en logement. En aucun cas, ces outils ne devraient prévaloir sur le jugement "
    "clinique de l’agent et de son équipe.",
    "These trees are basic decision tools meant to guide housing-support intervention. In no "
    "case should they override the clinical judgement of the liaison agent and their team.",
    "Section IX.1.d (L4959-4966)")
"""The guide's warning, shown with every tree."""

ACTION_PRINCIPLES: tuple[Term, ...] = (
    Term("autonomy", "Reconnaissance et soutien de l’autonomie du locataire",
         "Recognising and supporting the tenant's autonomy", "Section IX.1.b (L4718-4735)",
         "Posture d’accompagnement (faire avec) plutôt que d’intervention (faire à la place "
         "de).", "Accompany (do with) rather than intervene (do for)."),
    Term("prevention", "Prévention des risques d’instabilité résidentielle",
         "Preventing the risks of residential instability", "Section IX.1.b (L4737-4757)",
         "Évaluer à chaque appel les risques d’instabilité et de préjudices pour le "
         "propriétaire ou le locataire : sont-ils avérés ? imminents ?",
         "On every call, assess the risks of instability and harm to owner or tenant: are "
         "they real? imminent?"),
    Term("partners_roles", "Respect des rôles et responsabilités des partenaires – agir en "
         "appui aux ententes de partenariats",
         "Respecting the partners' roles and responsibilities, in support of the partnership "
         "agreements", "Section IX.1.b (L4759-4777)",
         "Réactiver les services auprès d’un partenaire référent; échanger l’information avec "
         "l’intervenant référent et avec l’office d’habitation.",
         "Reactivate services with a referring partner; exchange information with the "
         "referring worker and with the housing office."),
)
"""The three action principles that guide the liaison agent."""


def _s(code: str, fr: str, en: str, comment_fr: str, comment_en: str, source: str, *,
       inferred: bool = True, action: str = "", final: bool = False) -> TreeStep:
    return TreeStep(code, fr, en, comment_fr, comment_en, source, inferred, action, final)


def _l(step: str, answer: str, target: str, source: str, *, inferred: bool = True,
       outcome: str = "") -> TreeLink:
    return TreeLink(step, answer, target, inferred, source, outcome)


_NUMBERING = "the comments' numbering (inferred)"

TREE_A = DecisionTree(
    "A", "Signalement du locataire", "Report from the tenant",
    "Image 4", "tenant", "Image 4, commentaires (L4967-5143)",
    steps=(
        _s("A1", "Le locataire appelle l’agent de liaison", "The tenant calls the liaison agent",
           "Les signalements provenant du locataire représentent 40 % des appels reçus par "
           "l’agent de liaison. […] Il est important d’effectuer un renforcement positif auprès "
           "du locataire […] de considérer l’appel du locataire comme un signe d’autonomie.",
           "Tenant reports are 40 % of the calls. Give positive reinforcement: some tenants "
           "fear a coercive role and go through their worker. Treat the call as a sign of "
           "autonomy.", "L4970-4980", inferred=False),
        _s("A2", "S’agit-il d’un non-paiement de loyer ?", "Is it a rent non-payment?",
           "En cas de non-paiement de loyer, il est impératif d’agir au plus vite afin de "
           "convenir d’une entente de remboursement avec le propriétaire. En effet, dès le 21e "
           "jour de retard de loyer, le propriétaire peut déposer une demande de résiliation de "
           "bail auprès de la Régie du logement […] (de 2 à 3 mois environ). Ces démarches "
           "peuvent être interrompues avant la date du jugement si l’intégralité du loyer est "
           "remboursée.",
           "Act as fast as possible to agree a repayment arrangement with the owner: from the "
           "21st day of late rent the owner can apply to the Régie du logement to end the "
           "lease (fast-tracked, about 2 to 3 months). Proceedings stop if the full rent is "
           "repaid before the judgment.", "L4982-4996", action="repayment_agreement"),
        _s("A3", "Quel est l’état du lien entre le locataire et le propriétaire ?",
           "What is the state of the tenant–owner relationship?",
           "Du point de vue du locataire, le rôle de propriétaire peut être vu comme intimidant "
           "[…] Il est donc important de vérifier l’état du lien entre le propriétaire et le "
           "locataire lui-même. L’agent de liaison doit se positionner comme accompagnateur "
           "/facilitateur et ne doit en aucun cas se substituer au lien entre le locataire et "
           "le propriétaire.",
           "The owner may seem intimidating: support the legitimacy of the tenant's requests "
           "and help phrase them. The agent accompanies and facilitates, and never replaces "
           "the tenant–owner link.", "L4998-5010", action="help_phrase_request"),
        _s("A4", "Le locataire connaît-il ses droits et obligations ?",
           "Does the tenant know their rights and obligations?",
           "Assumer les droits et obligations en lien avec le logement constitue une des "
           "premières étapes vers l’appropriation d’un rôle citoyen. Outiller le locataire dans "
           "la connaissance de ses droits […] constitue un élément important du travail de "
           "l’agent de liaison.",
           "Taking on the lease's rights and obligations is a first step to a citizen role; "
           "equipping the tenant to know their rights is part of the agent's work.",
           "L5013-5020"),
        _s("A5", "Le locataire a-t-il fait tout ce qu’il pouvait de façon autonome ?",
           "Has the tenant done all they could on their own?",
           "Selon les principes d’autonomie et de normalisation, la question est de savoir si "
           "le locataire est allé au bout des démarches qu’il était capable de faire de "
           "manière autonome, avant d’évaluer la nécessité d’impliquer son intervenant.",
           "Under the autonomy and normalisation principles: has the tenant gone as far as "
           "they could alone, before the need to involve their worker is assessed?",
           "L5022-5031"),
        _s("A6", "Le suivi est-il toujours actif ?", "Is the follow-up still active?",
           "Dans l’Annexe A […] le locataire et l’intervenant s’engagent à maintenir le suivi "
           "pendant la première année […] ou par la suite lorsque la situation le requiert. "
           "Cependant, il est important de vérifier […] si le suivi est toujours actif.",
           "Under Annexe A tenant and worker keep up follow-up in the first year or later when "
           "needed; check whether it is still active.", "L5033-5042"),
        _s("A7", "D’autres besoins psychosociaux ou un soutien plus intensif ?",
           "Other psychosocial needs, or more intensive support needed?",
           "Si d’autres besoins psychosociaux sont identifiés ou si la situation nécessite un "
           "soutien plus intensif, l’agent de liaison demandera au locataire d’entrer en "
           "contact avec son intervenant. […] L’agent de liaison invite cependant la personne "
           "à le recontacter en présence de son intervenant […] si elle le souhaite.",
           "If other needs appear or more support is needed, the agent asks the tenant to "
           "contact their worker (contacting the worker directly would take responsibility "
           "away from the tenant); the tenant may call back with the worker.", "L5044-5061",
           action="tenant_contacts_worker"),
        _s("A8", "Problème ponctuel, ou autres problèmes et ressources insuffisantes ?",
           "A one-off problem, or other problems and too few resources?",
           "Si le problème est ponctuel […] il ne sera pas systématiquement nécessaire de "
           "réactiver le dossier. Cependant, si la personne semble avoir d’autres problèmes ou "
           "ne semble plus disposer de ressources suffisantes […] il peut être envisagé de "
           "rouvrir un dossier auprès du partenaire référent. […] Ceci peut également faire "
           "l’objet d’une discussion d’équipe au sein du comité de pratiques.",
           "A one-off problem need not reopen the file; if the person has other problems or "
           "lacks resources to stay housed, consider reopening a file with the referring "
           "partner, with the person; it may go to the comité de pratiques.", "L5063-5076",
           action="comite_pratiques"),
        _s("A9", "Dernier recours : intervenir directement auprès du propriétaire",
           "Last resort: act directly with the owner",
           "Communiquer directement avec le propriétaire représente un enjeu important au "
           "niveau de la confidentialité et du risque de stigmatisation […] un dernier recours. "
           "L’agent de liaison se limitera aux informations en lien direct avec les obligations "
           "définies dans le bail ou dans les règlements d’immeubles.",
           "Direct contact with the owner risks confidentiality and stigma: a last resort. "
           "Share only what bears on the lease or building rules; the agent may present as a "
           "partner of the housing office.", "L5078-5105", inferred=False,
           action="owner_mediation"),
        _s("A10", "Convenir d’un délai de réévaluation", "Agree a re-evaluation date",
           "Il est primordial de convenir d’un délai pour réévaluer la situation dans le temps "
           "et ainsi s’assurer que le niveau de soutien est adéquat ou que la problématique "
           "survenue n’est pas récurrente.",
           "Always agree when to re-evaluate, to check that support is adequate and the "
           "problem does not recur.", "L5107-5111", inferred=False, final=True),
        _s("A11", "Le niveau de service de l’intervenant est-il suffisant ?",
           "Is the worker's level of service sufficient?",
           "Si la personne communique avec son intervenant, il sera important d’effectuer un "
           "suivi dans le temps afin de vérifier si le niveau de service proposé par "
           "l’intervenant est suffisant […] agir en tant que rôle-conseil auprès de lui. […] se "
           "référer à l’arbre décisionnel de l’appel de l’intervenant.",
           "If the tenant contacts their worker, follow up over time to check the worker's "
           "service level; contact the worker and advise (see the worker tree).", "L5113-5123",
           action="advise_worker"),
        _s("A12", "Contacter l’organisme référent pour réactiver le suivi",
           "Contact the referring organisation to reactivate follow-up",
           "S’il advient que la personne n’est plus en lien avec son intervenant et que la "
           "situation remet en question l’autonomie de la personne ou sa stabilité "
           "résidentielle à court ou moyen terme, il est important de communiquer avec "
           "l’organisme référent afin de réactiver un suivi avec un intervenant dans les "
           "meilleurs délais.",
           "If the person is no longer linked to a worker and their autonomy or housing "
           "stability is threatened in the short or medium term, contact the referring "
           "organisation to reactivate follow-up as soon as possible.", "L5125-5132",
           inferred=False, action="reactivation_request"),
        _s("A13", "La stabilité résidentielle est-elle compromise à court ou moyen terme ?",
           "Is housing stability compromised in the short or medium term?",
           "Se baser sur la grille d’évaluation de l’instabilité résidentielle (Annexe 6) afin "
           "de définir si la stabilité résidentielle est compromise à court ou moyen terme. "
           "[…] L’indice obtenu (sur 5) permet d’objectiver l’urgence de la situation.",
           "Use the Annexe 6 grid to decide whether stability is compromised in the short or "
           "medium term; its index (out of 5) objectifies the urgency.", "L5134-5143",
           action="risk_grid"),
    ),
    links=(
        _l("A1", "next", "A2", _NUMBERING),
        _l("A2", "yes", "A10", "comm. 2 (L4982-4985): repayment agreement at once; "
           "re-evaluation (inferred)", outcome="in_progress"),
        _l("A2", "no", "A3", _NUMBERING),
        _l("A3", "next", "A4", _NUMBERING),
        _l("A4", "next", "A5", _NUMBERING),
        _l("A5", "no", "A10", "comm. 5 (L5026-5031), inferred", outcome="tenant_autonomous"),
        _l("A5", "yes", "A6", "comm. 5 (L5029-5031), inferred"),
        _l("A6", "yes", "A7", "spec §10.4.A, inferred"),
        _l("A6", "no", "A13", "comm. 12 (L5125-5129), inferred"),
        _l("A7", "yes", "A11", "comm. 7 and 11 (L5049-5053, L5113-5114)", inferred=False,
           outcome="worker_involved"),
        _l("A7", "no", "A8", _NUMBERING),
        _l("A8", "yes", "A12", "comm. 8 (L5067-5072)", inferred=False),
        _l("A8", "no", "A9", "comm. 8 and 9 (L5063-5067, L5078-5082)", inferred=False),
        _l("A9", "next", "A10", "comm. 10 (L5107-5111), inferred", outcome="in_progress"),
        _l("A10", "next", TREE_END, "comm. 10 (L5107-5111), inferred"),
        _l("A11", "tree_b", "tree:B", "comm. 11 (L5120-5123)", inferred=False),
        _l("A11", "next", "A10", "comm. 10 (L5107-5111), inferred", outcome="worker_involved"),
        _l("A12", "next", "A10", "comm. 10 (L5107-5111), inferred",
           outcome="follow_up_reactivated"),
        _l("A13", "yes", "A12", "comm. 12-13 (L5125-5143), inferred"),
        _l("A13", "no", "A8", "spec §10.4.A, inferred"),
    ),
)

TREE_B = DecisionTree(
    "B", "Signalement de l’intervenant", "Report from the worker",
    "Image 5", "worker", "Image 5, commentaires (L5144-5343)",
    steps=(
        _s("B1", "L’intervenant(e) appelle l’agent de liaison", "The worker calls the liaison "
           "agent",
           "Les signalements provenant d’un intervenant représentent 40 % des appels reçus par "
           "l’agent de liaison. […] définir, à l’aide de différentes questions, la source du "
           "problème, le degré d’urgence de la situation, les ressources disponibles pour "
           "l’intervenant […] et, éventuellement, la nécessité d’impliquer des ressources du "
           "programme.",
           "Worker reports are 40 % of the calls. Establish the source of the problem, its "
           "urgency, the worker's resources and whether program resources are needed.",
           "L5147-5162", inferred=False),
        _s("B2", "Quelles interventions ont déjà été tentées ?",
           "What interventions were already tried?",
           "Il est tout d’abord important de bien cibler les interventions déjà tentées afin "
           "d’exercer un rôle-conseil cohérent et en continuité avec les actions déjà "
           "entreprises.",
           "First find out what was already tried, so that the advice continues it.",
           "L5164-5170"),
        _s("B3", "Le problème dépend-il surtout du locataire ou du propriétaire ?",
           "Is the problem mainly due to the tenant or to the owner?",
           "Cette question est cruciale dans la mesure où elle permet de déterminer si "
           "l’intervention doit se faire principalement auprès du propriétaire ou auprès du "
           "locataire.", "Crucial: it decides whether to act mainly with the owner or with "
           "the tenant.", "L5172-5176"),
        _s("B4", "Quel est le degré d’urgence résidentielle ?",
           "How urgent is the threat to housing stability?",
           "Il se peut que le signalement de l’intervenant se fasse à un stade précoce ou "
           "avancé d’urgence résidentielle […] Dans tous les cas, il est nécessaire d’objectiver "
           "au mieux les critères qui menacent la stabilité résidentielle […] (Annexe 6).",
           "The report may come early, late or as prevention; in every case objectify what "
           "threatens stability with the Annexe 6 grid.", "L5182-5193", action="risk_grid"),
        _s("B5", "Le lien de collaboration est-il dégradé ?",
           "Is the working relationship degraded?",
           "Malgré une urgence résidentielle modérée, il est possible que la qualité du lien de "
           "collaboration avec l’intervenant ou Clés en main soit dégradée et ne permette pas "
           "une alliance efficace.",
           "Even at moderate urgency, a degraded link with the worker or Clés en main can "
           "prevent an effective alliance and adds much complexity.", "L5195-5202"),
        _s("B6", "Rappeler l’engagement de l’Annexe A ; rencontre tripartite",
           "Recall the Annexe A commitment; tripartite meeting",
           "Il est important de lui rappeler l’engagement pris dans l’Annexe A […] Une "
           "rencontre tripartite (locataire, intervenant et représentant du programme) peut "
           "donc être organisée […] convenir d’un objectif avec le locataire et son "
           "intervenant et une échéance afin de réévaluer la situation. Si la situation "
           "continue de se dégrader, se référer à la troisième section de ce document "
           "(point 8).",
           "Recall the Annexe A commitment (an admission condition); a tripartite meeting can "
           "restate the follow-up obligation; agree an objective and a date to re-evaluate. "
           "If things worsen, see the guide's third section (point 8).", "L5204-5224",
           inferred=False, action="tripartite_meeting", final=True),
        _s("B7", "Rôle-conseil auprès de l’intervenant(e)", "Advise the worker",
           "Si l’agent de liaison en arrive à ce point, il a pu déterminer que la situation "
           "problématique est due au comportement du locataire principalement et que le risque "
           "d’instabilité résidentielle est modéré. […] il est important d’agir en tant que "
           "rôle-conseil auprès de l’intervenant.",
           "The problem is mainly the tenant's behaviour and the risk moderate: reflect this "
           "to the worker and advise them (7a: the worker lacks information; 7b: the required "
           "service level has changed).", "L5226-5260", inferred=False,
           action="advise_worker"),
        _s("B8", "Réévaluer le requis de services", "Re-assess the service needs",
           "Il peut être suggéré à l’intervenant de réévaluer le requis de services et "
           "éventuellement d’affilier le locataire à d’autres services […] Si la situation "
           "perdure en ce sens, planifier une rencontre tripartite (locataire, intervenant et "
           "agent de liaison).",
           "Suggest the worker re-assess service needs and connect the tenant to other "
           "services; if it persists, plan a tripartite meeting.", "L5262-5277",
           inferred=False, action="tripartite_meeting", final=True),
        _s("B9", "L’information s’est-elle bien rendue au propriétaire ?",
           "Did the information actually reach the owner?",
           "Il est important de vérifier que l’information s’est bien rendue au propriétaire. "
           "Le bail est un lien contractuel et il convient de respecter certaines démarches "
           "afin d’adresser une demande adaptée au propriétaire.",
           "Check that the information reached the owner: the lease is a contract and a "
           "proper request follows certain steps; a chance for the tenant to take on the "
           "tenant role.", "L5283-5293"),
        _s("B10", "Les procédures utilisées sont-elles adaptées (demande écrite) ?",
           "Were the procedures appropriate (a written request)?",
           "Avant toute démarche impliquant un contact direct avec le propriétaire, il est "
           "important de vérifier si les procédures utilisées sont adaptées. En effet, une "
           "demande écrite doit être formellement adressée au propriétaire avant d’entamer des "
           "démarches de médiation.",
           "Before any direct contact with the owner, check the procedures: a written request "
           "must be formally sent to the owner before mediation.", "L5295-5301"),
        _s("B11", "Contacter le propriétaire et entreprendre une médiation",
           "Contact the owner and start mediation",
           "Il est à présent nécessaire de contacter le propriétaire afin de vérifier les "
           "informations reçues par ce dernier et d’entreprendre une médiation. […] demeurer "
           "discret sur le mandat du programme […] aucune information en lien avec la "
           "situation psychosociale du locataire ne doit être communiquée.",
           "Contact the owner to check what they received and mediate; stay discreet about "
           "the program's mandate and never share psychosocial information.", "L5303-5325",
           inferred=False, action="owner_mediation"),
        _s("B12", "Le propriétaire respecte-t-il l’entente-cadre avec l’office ?",
           "Does the owner keep to the framework agreement with the housing office?",
           "La subvention versée par l’office d’habitation au propriétaire fait l’objet d’une "
           "entente-cadre. […] Si […] il apparait des évidences claires que le propriétaire ne "
           "respecte pas cette entente, l’agent de liaison doit alors en référer à l’office "
           "d’habitation afin de la faire respecter.",
           "The subsidy is governed by a framework agreement; on clear evidence the owner "
           "breaches it, the agent reports it to the housing office (enforcing it is the "
           "office's job).", "L5327-5343", action="housing_office_report", final=True),
    ),
    links=(
        _l("B1", "next", "B2", _NUMBERING),
        _l("B2", "next", "B3", _NUMBERING),
        _l("B3", "tenant", "B4", "L5178-5182", inferred=False),
        _l("B3", "owner", "B9", "L5280-5283", inferred=False),
        _l("B4", "next", "B5", _NUMBERING),
        _l("B5", "yes", "B6", "comm. 5-6 (L5195-5212), inferred"),
        _l("B5", "no", "B7", "comm. 7 (L5226-5230), inferred"),
        _l("B6", "next", TREE_END, "comm. 6 (L5217-5221), inferred", outcome="in_progress"),
        _l("B7", "lacks_info", TREE_END, "comm. 7a (L5239-5253)", inferred=False,
           outcome="in_progress"),
        _l("B7", "needs_changed", "B8", "comm. 7b-8 (L5256-5262)", inferred=False),
        _l("B8", "next", TREE_END, "comm. 8 (L5262-5277), inferred", outcome="in_progress"),
        _l("B9", "no", TREE_END, "comm. 9 (L5283-5293), inferred",
           outcome="tenant_autonomous"),
        _l("B9", "yes", "B10", _NUMBERING),
        _l("B10", "no", TREE_END, "comm. 10 (L5298-5301)", inferred=False,
           outcome="tenant_autonomous"),
        _l("B10", "yes", "B11", "comm. 11 (L5303-5310), inferred"),
        _l("B11", "next", "B12", _NUMBERING),
        _l("B12", "no", TREE_END, "comm. 12 (L5327-5343), inferred", outcome="in_progress"),
        _l("B12", "yes", TREE_END, "comm. 12 (L5332-5341)", inferred=False,
           outcome="housing_office"),
    ),
)

TREE_C = DecisionTree(
    "C", "Signalement du propriétaire ou de l’office d’habitation",
    "Report from the owner or housing office", "Image 6", "owner",
    "Image 6, commentaires (L5344-5461)",
    steps=(
        _s("C1", "Le propriétaire ou l’office appelle l’agent de liaison",
           "The owner or housing office calls the liaison agent",
           "S’il est plus rare que les autres appels (20 % des appels) […] cette situation est "
           "forcément plus urgente […] l’urgence administrative (voir Annexe 6) est supérieure. "
           "[…] En aucun cas, l’agent de liaison ne doit induire le propriétaire ou l’office "
           "d’habitation dans un rôle d’intervention.",
           "Rarer (20 % of calls) but more urgent: administrative urgency is higher. Help the "
           "owner or office take on their own role; never draw them into an intervention "
           "role; coordinate with the tenant's and worker's resources.", "L5348-5386",
           inferred=False),
        _s("C2", "Le problème correspond-il à une obligation du bail ou de l’Annexe A ?",
           "Does the problem match an obligation of the lease or of Annexe A?",
           "Avant toute chose, il est important de définir la problématique rencontrée par le "
           "propriétaire ou l’office d’habitation et de s’assurer qu’elle corresponde à une des "
           "obligations définies par les règlements du bail ou de l’Annexe A.",
           "First define the problem and make sure it matches an obligation of the lease "
           "rules or of Annexe A.", "L5388-5395"),
        _s("C3", "La situation a-t-elle été signalée au locataire ?",
           "Has the situation been told to the tenant?",
           "Dans la perspective de responsabiliser le locataire dans une démarche normalisante, "
           "il est important de vérifier si la situation a été signalée par le propriétaire ou "
           "l’office d’habitation au locataire.",
           "To make the tenant responsible in a normalising way, check whether the owner or "
           "office told the tenant.", "L5397-5401"),
        _s("C4", "Aider le propriétaire ou l’office à formuler le problème",
           "Help the owner or office phrase the problem",
           "Dans le cas où le propriétaire ou l’office d’habitation n’aurait pas signifié la "
           "problématique, il peut être important de les accompagner dans une formulation "
           "adéquate. […] peuvent alors demander au locataire d’entrer en contact avec le "
           "programme Clés en main.",
           "If they have not told the tenant, help them phrase it; they can ask the tenant to "
           "contact Clés en main.", "L5403-5412", inferred=False, action="owner_phrasing"),
        _s("C5", "Le locataire est-il coopérant ? Comprend-il la situation ?",
           "Is the tenant cooperative? Do they understand the situation?",
           "Une fois la problématique signifiée, il est possible d’évaluer la disposition du "
           "locataire […] Est-il coopérant ? Comprend-il la situation ? […] grille […] en "
           "Annexe 6. […] tout en respectant la confidentialité de la situation psychosociale "
           "du locataire.",
           "Once the problem is told, assess the tenant's disposition with the Annexe 6 grid "
           "(the owner or office can inform it); reassure them while keeping the psychosocial "
           "situation confidential.", "L5414-5429", action="risk_grid"),
        _s("C6", "Le locataire est-il affilié à un(e) intervenant(e) ?",
           "Is the tenant linked to a worker?",
           "Si le locataire est affilié à un intervenant, il conviendra alors de communiquer "
           "avec lui pour trouver une solution concertée.",
           "If the tenant has a worker, contact the worker for a concerted solution.",
           "L5431-5433", inferred=False, action="advise_worker"),
        _s("C7", "Signifier la situation directement au locataire",
           "Tell the tenant about the situation directly",
           "Sinon, la situation doit être signifiée au locataire directement. Il est alors "
           "conseillé de se référer à l’arbre décisionnel correspondant (arbre décisionnel pour "
           "signalement du locataire).",
           "Otherwise tell the tenant directly, and follow the tenant tree.", "L5435-5439",
           inferred=False),
        _s("C8", "Informer le propriétaire ou l’office ; délai de réévaluation",
           "Inform the owner or office; re-evaluation date",
           "Une fois les démarches de résolution de problèmes entreprises, il est important "
           "d’en informer le propriétaire ou l’office d’habitation, toujours dans le respect de "
           "la confidentialité, et de convenir d’un délai de réévaluation de la situation.",
           "Once problem-solving is under way, inform the owner or office, confidentially, and "
           "agree a re-evaluation date.", "L5441-5447", inferred=False,
           action="owner_informed", final=True),
        _s("C9", "Le problème est-il observable ou mesurable ?",
           "Is the problem observable or measurable?",
           "La situation est gérée différemment selon si la problématique est observable (par "
           "exemple, encombrement observé par photo) ou si elle est mesurable par une "
           "évaluation effectuée par l’intervenant. Pour ces deux figures de cas, il est "
           "possible de se référer aux arbres décisionnels […] selon la problématique "
           "rencontrée.",
           "Observable problems (clutter seen in a photo) and measurable ones (a worker's "
           "assessment) are handled differently; for both, use the tenant or worker tree as "
           "the problem requires.", "L5449-5461", final=True),
    ),
    links=(
        _l("C1", "next", "C2", _NUMBERING),
        _l("C2", "next", "C3", _NUMBERING),
        _l("C3", "no", "C4", "comm. 4 (L5403-5405)", inferred=False),
        _l("C3", "yes", "C5", "comm. 5 (L5414)", inferred=False),
        _l("C4", "next", "C5", "comm. 5 (L5414)", inferred=False),
        _l("C5", "next", "C6", _NUMBERING),
        _l("C6", "yes", "C8", "comm. 6 and 8 (L5431-5433, L5441-5447), inferred",
           outcome="worker_involved"),
        _l("C6", "no", "C7", "comm. 7 (L5435)", inferred=False),
        _l("C7", "tree_a", "tree:A", "comm. 7 (L5436-5439)", inferred=False),
        _l("C7", "next", "C8", "comm. 8 (L5441-5447), inferred", outcome="in_progress"),
        _l("C8", "next", "C9", _NUMBERING),
        _l("C9", "tree_a", "tree:A", "comm. 9 (L5456-5460)", inferred=False),
        _l("C9", "tree_b", "tree:B", "comm. 9 (L5456-5460)", inferred=False),
    ),
)

DECISION_TREES: tuple[DecisionTree, ...] = (TREE_A, TREE_B, TREE_C)
"""The three decision trees. Their diagrams are not in the text, only the numbered comments
(spec §10.3): each step is a comment; a step or link the comments do not state is marked
``inferred``."""

CALL_TREES: tuple[Term, ...] = tuple(
    Term(t.code, f"Arbre {t.code} — {t.fr}", f"Tree {t.code} — {t.en}", t.source)
    for t in DECISION_TREES)
"""The trees as a vocabulary (the tree a call followed)."""


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
    "key_actor_need": KEY_ACTOR_NEEDS,
    "committee_kind": COMMITTEE_KINDS,
    "seat": SEAT_KINDS,
    "tie_kind": TIE_KINDS,
    "tie_frequency": TIE_FREQUENCIES,
    "agreement_status": AGREEMENT_STATUSES,
    "party_role": PARTY_ROLES,
    "stage": STAGES,
    "response_group": RESPONSE_GROUPS,
    "action_status": ACTION_STATUSES,
    "program_figure": PROGRAM_FIGURES,
    "commitment_status": COMMITMENT_STATUSES,
    "caller_group": CALLER_GROUPS,
    "caller_kind": CALLER_KINDS,
    "call_reason": CALL_REASONS,
    "call_action": CALL_ACTIONS,
    "call_outcome": CALL_OUTCOMES,
    "call_tree": CALL_TREES,
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


def caller_group(code: str) -> CallerGroup:
    """Return the caller group ``code`` (``tenant``, ``worker``, ``owner``)."""
    t = term("caller_group", code)
    assert isinstance(t, CallerGroup)
    return t


def caller_kind(code: str) -> CallerKind:
    """Return the caller kind ``code`` (its ``group`` says which caller group it is in)."""
    t = term("caller_kind", code)
    assert isinstance(t, CallerKind)
    return t


def decision_tree(code: str) -> DecisionTree:
    """Return decision tree ``"A"``, ``"B"`` or ``"C"``."""
    for t in DECISION_TREES:
        if t.code == code:
            return t
    raise UnknownCode("fw.unknown_code", table="call_tree", code=str(code),
                      expected=tuple(t.code for t in DECISION_TREES))


def tree_answer(code: str) -> Term:
    """Return the tree answer ``code`` (``yes``, ``no``, ``next``...)."""
    for t in TREE_ANSWERS:
        if t.code == code:
            return t
    raise UnknownCode("fw.unknown_code", table="tree_answer", code=str(code),
                      expected=tuple(t.code for t in TREE_ANSWERS))
