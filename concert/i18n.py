"""The one translation table: every text a user reads, in French and English.

French is the default (:data:`concert.settings.language`). Labels of the
framework's vocabulary (sectors, actor types, stages, criteria...) are read
from :mod:`concert.framework`; everything else is in :data:`TEXT`, keyed by a
stable code. ``t(key, lang, **values)`` formats the entry.

Examples
--------
>>> t("stage.not_assessed", "fr")
'Non évalué'
>>> label("stage", "cooperation", "en")
'Co-operation'
>>> placement_label("coordination", "cooperation", "fr")
'Entre coordination et coopération'
"""

from __future__ import annotations

from typing import Any

from concert import framework as fw
from concert import settings

__all__ = ["TEXT", "agreement_label", "criterion_label", "indicator_label", "label",
           "placement_label", "t"]

LANGS = ("fr", "en")

TEXT: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- validation rules
    "rule.id": ("{field} : identifiant invalide {value} (1 à 64 lettres, chiffres, « _ », "
                "« . » ou « - », commençant par une lettre ou un chiffre)",
                "{field}: invalid identifier {value} (1 to 64 letters, digits, '_', '.' or '-', "
                "starting with a letter or digit)"),
    "rule.text.type": ("{field} : un texte est attendu, reçu {value}",
                       "{field}: expected text, got {value}"),
    "rule.text.required": ("{field} : ce champ est obligatoire", "{field}: this field is required"),
    "rule.text.length": ("{field} : texte trop long (au plus {max} caractères)",
                         "{field}: text too long (at most {max} characters)"),
    "rule.text.control": ("{field} : le texte contient des caractères de contrôle",
                          "{field}: the text contains control characters"),
    "rule.code": ("{field} : valeur inconnue {value} (valeurs attendues : {expected})",
                  "{field}: unknown value {value} (expected one of: {expected})"),
    "rule.date.required": ("{field} : une date est obligatoire", "{field}: a date is required"),
    "rule.date.type": ("{field} : une date (AAAA-MM-JJ) est attendue, reçu {value}",
                       "{field}: expected a date (YYYY-MM-DD), got {value}"),
    "rule.bool.type": ("{field} : vrai ou faux attendu, reçu {value}",
                       "{field}: expected true or false, got {value}"),
    "rule.seq.type": ("{field} : une liste de {kind} est attendue",
                      "{field}: expected a list of {kind}"),
    "rule.dates.order": ("la date de fin précède la date de début",
                         "the end date is before the start date"),
    "rule.duplicate": ("identifiant déjà utilisé ({kind} en double)",
                       "identifier already used (duplicate {kind})"),
    "rule.unknown_actor": ("acteur inconnu {actor} : ajoutez-le d’abord à la région",
                           "unknown actor {actor}: add it to the region first"),
    "rule.unknown_committee": ("comité inconnu {committee} : ajoutez-le d’abord à la région",
                               "unknown committee {committee}: add it to the region first"),
    "rule.actor.sector_required": ("le secteur est obligatoire pour un acteur de type « Autre »",
                                   "a sector is required for an actor of type 'other'"),
    "rule.actor.contact_duplicate": ("deux personnes-ressources portent le même nom",
                                     "two contacts have the same name"),
    "rule.agreement.type": ("type d’entente inconnu {value} (attendu : I, II ou III)",
                            "unknown agreement type {value} (expected I, II or III)"),
    "rule.agreement.parties": (
        "une entente {type} lie exactement : {expected} (reçu : {got})",
        "an agreement {type} binds exactly: {expected} (got: {got})"),
    "rule.agreement.dates": ("la date de fin précède la date de signature",
                             "the end date is before the signing date"),
    "rule.agreement.signed_date": ("une entente au statut « {status} » doit avoir une date de "
                                   "signature",
                                   "an agreement with status '{status}' needs a signing date"),
    "rule.agreement.tenant_code": (
        "le locataire doit être désigné par un code pseudonyme (lettres majuscules et chiffres, "
        "p. ex. CEM-0042), jamais par son nom",
        "the tenant must be identified by a pseudonymous code (capital letters and digits, "
        "e.g. CEM-0042), never by name"),
    "rule.agreement.party_kind": (
        "partie « {role} » mal formée : un organisme (et une personne pour l’intervenant et "
        "l’agent de liaison) est attendu, ou seulement un code pour le locataire",
        "malformed '{role}' party: an organisation (and a person for the worker and the "
        "liaison agent) is expected, or only a code for the tenant"),
    "rule.agreement.unknown_actor": ("la partie {actor} n’est pas un acteur de la région",
                                     "party {actor} is not an actor of the region"),
    "rule.agreement.program": ("{actor} n’est pas le programme (type « Programme "
                               "intersectoriel ») : seul le programme signe à ce titre",
                               "{actor} is not the program (type 'program'): only the program "
                               "signs in that capacity"),
    "rule.agreement.I.provider": (
        "une entente I lie un propriétaire ou gestionnaire de logements et le programme ; "
        "{actor} ({actor_type}) ne fournit pas de logements",
        "an agreement I binds a housing provider and the program; {actor} ({actor_type}) "
        "does not provide housing"),
    "rule.agreement.II.referring": (
        "une entente II lie un organisme référent et le programme ; {actor} n’a pas le rôle "
        "d’organisme référent",
        "an agreement II binds a referring organisation and the program; {actor} does not "
        "hold the referring role"),
    "rule.agreement.III.worker": (
        "{person} n’est pas un(e) intervenant(e) référent(e) de {actor}",
        "{person} is not a referring worker of {actor}"),
    "rule.agreement.III.no_II": (
        "l’organisme de l’intervenant(e), {actor}, n’a pas d’entente II en vigueur au {on} : "
        "une entente III exige une entente II en vigueur",
        "the worker's organisation, {actor}, holds no agreement II in force on {on}: an "
        "agreement III requires a current agreement II"),
    "rule.agreement.III.liaison": (
        "{person} n’est pas un(e) agent(e) de liaison du programme {actor}",
        "{person} is not a liaison agent of the program {actor}"),
    "rule.agreement.renews": ("l’entente reconduite {renews} est inconnue ou d’un autre type",
                              "the renewed agreement {renews} is unknown or of another type"),
    "rule.committee.meetings": ("nombre de rencontres par année invalide {value} (0 à 366)",
                                "invalid number of meetings per year {value} (0 to 366)"),
    "rule.tie.self": ("un lien relie deux acteurs différents",
                      "a tie joins two different actors"),
    "rule.figure.value": ("valeur numérique finie attendue, reçu {value}",
                          "expected a finite number, got {value}"),
    "rule.answer.criterion": ("critère inconnu {value}", "unknown criterion {value}"),
    "rule.answer.level": ("niveau invalide {value} : l’échelle va de 0 à 3",
                          "invalid level {value}: the scale runs from 0 to 3"),
    "rule.answer.duplicate": ("{respondent} a répondu deux fois au critère {criterion}",
                              "{respondent} answered criterion {criterion} twice"),
    "kind.actor": ("acteur", "actor"),
    "kind.agreement": ("entente", "agreement"),
    "kind.committee": ("comité", "committee"),
    "kind.membership": ("siège de comité", "committee seat"),
    "kind.tie": ("lien", "tie"),
    "kind.assessment": ("évaluation", "assessment"),
    "kind.figure": ("donnée de programme", "program figure"),
    # ---------------------------------------------------------------- stages and explanations
    "stage.not_assessed": ("Non évalué", "Not assessed"),
    "stage.before": ("Avant la communication", "Before communication"),
    "stage.between": ("Entre {a} et {b}", "Between {a} and {b}"),
    "region": ("Région", "Region"),
    "explain.met": ("Critères observés : {criteria}", "Criteria observed: {criteria}"),
    "explain.partial": ("En émergence : {criteria}", "Emerging: {criteria}"),
    "explain.descriptors": ("Caractéristiques du stade communication présentes : {criteria}",
                            "Features of the communication stage present: {criteria}"),
    "explain.missing": ("Pour atteindre le stade {stage}, il manque : {criteria}",
                        "To reach {stage}, missing: {criteria}"),
    "explain.guidance": ("Repères du guide : {text}", "Guidance from the guide: {text}"),
    "explain.tools": ("Outils : {tools}", "Tools: {tools}"),
    "explain.early": ("Déjà observés à un stade ultérieur : {criteria}",
                      "Already observed at a later stage: {criteria}"),
    "explain.partial_region": ("Stage de la région établi sur {n} indicateurs évalués sur {total}",
                               "Region stage based on {n} assessed indicators out of {total}"),
    "tenant_hidden": ("Locataire (code masqué)", "Tenant (code hidden)"),
    # ---------------------------------------------------------------- gaps
    "gap.key_actor.missing": ("Aucun acteur pour la ligne « {row} » de la grille des "
                              "acteurs-clés (Tableau 6)",
                              "No actor fills the key-actor row '{row}' (Tableau 6)"),
    "gap.key_actor.not_at_table": ("« {row} » : acteurs seulement au stade « {status} », pas "
                                   "encore à la table",
                                   "'{row}': actors only '{status}', not yet at the table"),
    "gap.agreement.I.missing": ("{actor} fournit des logements mais n’a pas d’entente I en "
                                "vigueur",
                                "{actor} provides housing but has no agreement I in force"),
    "gap.agreement.II.missing": ("{actor} est organisme référent mais n’a pas d’entente II en "
                                 "vigueur",
                                 "{actor} is a referring organisation with no agreement II in "
                                 "force"),
    "gap.agreement.expiring": ("L’entente {type} {agreement} prend fin le {date} (dans {days} "
                               "jours)",
                               "Agreement {type} {agreement} ends on {date} (in {days} days)"),
    "gap.agreement.III.no_II": ("Entente III {agreement} : l’organisme de l’intervenant(e), "
                                "{actor}, n’a plus d’entente II en vigueur",
                                "Agreement III {agreement}: the worker's organisation, {actor}, "
                                "no longer holds an agreement II in force"),
    "gap.governance.no_committee": ("Aucun {committee} : la neutralité du programme repose sur "
                                    "lui",
                                    "No {committee}: the program's neutrality rests on it"),
    "gap.governance.one_sided": ("{committee} : secteur absent — {missing} (la neutralité exige "
                                 "les deux secteurs)",
                                 "{committee}: missing sector — {missing} (neutrality needs "
                                 "both sectors)"),
    "gap.governance.double_role": ("{actor} est à la fois organisme porteur et organisme "
                                   "référent : double rôle à anticiper (Tableau 6)",
                                   "{actor} is both carrier and referring organisation: a double "
                                   "role to anticipate (Tableau 6)"),
    "measure.actors": ("Acteurs", "Actors"),
    "measure.ties": ("Liens", "Ties"),
    "measure.density": ("Densité", "Density"),
    "measure.components": ("Composantes", "Components"),
    "measure.isolates": ("Acteurs isolés", "Isolates"),
    "measure.largest_component": ("Plus grande composante", "Largest component"),
    "measure.degree_centralization": ("Centralisation (degré)", "Degree centralization"),
    "measure.betweenness_centralization": ("Centralisation (intermédiarité)",
                                           "Betweenness centralization"),
    "measure.average_path_length": ("Distance moyenne", "Average path length"),
    "measure.intersectoral_share": ("Part des liens intersectoriels", "Intersectoral share"),
    "measure.ei_index": ("Indice E-I (secteurs)", "E-I index (sectors)"),
    "measure.reciprocity": ("Réciprocité des liens déclarés", "Reciprocity of declared ties"),
    "family.housing": ("habitation sociale", "social housing"),
    "family.health_social": ("santé et services sociaux", "health and social services"),
    # ---------------------------------------------------------------- command line
    "cli.example_written": ("Région exemple « {name} » écrite dans {db} : {actors} acteurs, "
                            "{agreements} ententes, {assessments} évaluations.",
                            "Example region '{name}' written to {db}: {actors} actors, "
                            "{agreements} agreements, {assessments} assessments."),
    "cli.no_region": ("Aucune région dans {db}. Créez-en une avec : concert example {db}",
                      "No region in {db}. Create one with: concert example {db}"),
    "cli.which_region": ("{db} contient plusieurs régions ({regions}) : précisez --region",
                         "{db} holds several regions ({regions}): give --region"),
    "cli.not_found_db": ("Fichier introuvable : {db}. Créez-le avec : concert example {db}",
                         "File not found: {db}. Create it with: concert example {db}"),
    "cli.maturity_title": ("Maturité de la concertation — {region}, évaluation du {date}",
                           "Concertation maturity — {region}, assessment of {date}"),
    "cli.region_stage": ("Stade de la région : {stage}", "Region stage: {stage}"),
    "cli.exported": ("{what} exporté vers {out}", "{what} exported to {out}"),
    "cli.invalid": ("Données invalides :", "Invalid data:"),
    "cli.error": ("Erreur :", "Error:"),
    "cli.exists": ("{db} contient déjà la région « {region} ». Utilisez --replace pour la "
                   "remplacer.",
                   "{db} already holds region '{region}'. Use --replace to replace it."),
    "cli.regions_header": ("Régions dans {db} :", "Regions in {db}:"),
    "cli.no_assessment": ("La région « {region} » n’a aucune évaluation.",
                          "Region '{region}' has no assessment."),
}


def t(key: str, lang: str | None = None, **values: Any) -> str:
    """Return the text ``key`` in ``lang`` (default: the settings language), formatted.

    An unknown key is returned as is, so a missing translation shows rather than crashes.
    """
    lang = lang or settings.language
    entry = TEXT.get(key)
    if entry is None and key.startswith("rule.code."):
        entry = TEXT["rule.code"]
    if entry is None:
        return key
    text = entry[0] if lang == "fr" else entry[1]
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def label(table: str, code: str, lang: str | None = None) -> str:
    """Return the label of ``code`` in framework vocabulary ``table``.

    Unknown codes are returned as they are.
    """
    lang = lang or settings.language
    try:
        entry = fw.term(table, code)
    except KeyError:
        return str(code)
    return entry.fr if lang == "fr" else entry.en


def indicator_label(code: str, lang: str | None = None) -> str:
    """The indicator's name (``"region"`` gives "Région")."""
    if code == "region":
        return t("region", lang)
    ind = fw.indicator(code)
    return ind.fr if (lang or settings.language) == "fr" else ind.en


def criterion_label(code: str, lang: str | None = None) -> str:
    """The criterion's wording (verbatim French from Tableaux 7-10, or English)."""
    c = fw.criterion(code)
    return c.fr if (lang or settings.language) == "fr" else c.en


def agreement_label(code: str, lang: str | None = None) -> str:
    """The agreement type's name, e.g. "Entente II — programme et organisme référent"."""
    a = fw.agreement_type(code)
    return a.fr if (lang or settings.language) == "fr" else a.en


def placement_label(stage: str | None, towards: str | None, lang: str | None = None) -> str:
    """A placement in words: a stage, "Entre A et B", or "Avant la communication"."""
    if stage is None:
        return t("stage.before", lang)
    a = label("stage", stage, lang)
    if towards is None:
        return a
    b = label("stage", towards, lang)
    if (lang or settings.language) == "fr":
        a, b = a.lower(), b.lower()
    return t("stage.between", lang, a=a, b=b)
