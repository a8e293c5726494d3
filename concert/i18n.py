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

__all__ = ["TEXT", "agreement_label", "answer_label", "criterion_label", "gap_name",
           "indicator_label", "label", "placement_label", "step_comment", "step_label", "t"]

LANGS = ("fr", "en")

TEXT: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- validation rules
    "rule.id": (("{field} : identifiant invalide {value} (1 à 64 lettres, chiffres, « _ », "
                "« . » ou « - », commençant par une lettre ou un chiffre)"),
                ("{field}: invalid identifier {value} (1 to 64 letters, digits, '_', '.' or '-', "
                "starting with a letter or digit)")),
    "rule.text.type": ("{field} : un texte est attendu, reçu {value}",
                       "{field}: expected text, got {value}"),
    "rule.text.required": ("{field} : ce champ est obligatoire", "{field}: this field is required"),
    "rule.text.length": ("{field} : texte trop long (au plus {max} caractères)",
                         "{field}: text too long (at most {max} characters)"),
    "rule.text.control": (("{field} : le texte contient des caractères de contrôle ou "
                          "invisibles (retour de chariot, échappement, espace sans largeur, "
                          "inversion de sens d’écriture…) : retapez-le"),
                          ("{field}: the text contains control or invisible characters "
                          "(carriage return, escape, zero-width space, direction override…): "
                          "type it again")),
    "rule.code": ("{field} : valeur inconnue {value} (valeurs attendues : {expected})",
                  "{field}: unknown value {value} (expected one of: {expected})"),
    "rule.date.required": ("{field} : une date est obligatoire", "{field}: a date is required"),
    "rule.date.type": ("{field} : une date (AAAA-MM-JJ) est attendue, reçu {value}",
                       "{field}: expected a date (YYYY-MM-DD), got {value}"),
    "rule.date.range": ("{field} : date {value} hors de la plage admise ({first} à {last})",
                        "{field}: date {value} outside the accepted range ({first} to {last})"),
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
    "rule.actor.name_duplicate": (("un autre organisme porte déjà ce nom ({other}), aux "
                                  "majuscules, accents ou espaces près"),
                                  ("another organisation already has this name ({other}), "
                                  "but for case, accents or spacing")),
    "rule.agreement.type": ("type d’entente inconnu {value} (attendu : I, II ou III)",
                            "unknown agreement type {value} (expected I, II or III)"),
    "rule.agreement.parties": (
        "une entente {type} lie exactement : {expected} (reçu : {got})",
        "an agreement {type} binds exactly: {expected} (got: {got})"),
    "rule.agreement.dates": ("la date de fin précède la date de signature",
                             "the end date is before the signing date"),
    "rule.agreement.signed_date": (("une entente au statut « {status} » doit avoir une date de "
                                   "signature"),
                                   "an agreement with status '{status}' needs a signing date"),
    "rule.call.kind_group": ("« {kind} » n’est pas un appelant du groupe « {group} »",
                             "'{kind}' is not a caller of the group '{group}'"),
    "rule.call.reasons_required": ("au moins une raison d’appel est obligatoire",
                                   "at least one reason for the call is required"),
    "rule.call.reason_group": (("raison(s) {reasons} hors de la liste du groupe « {group} » "
                               "({table})"),
                               ("reason(s) {reasons} not in the list of the group '{group}' "
                               "({table})")),
    "rule.call.reason_twice": ("une raison est donnée deux fois", "a reason is given twice"),
    "rule.call.reevaluate_before": ("la date de réévaluation précède la date de l’appel",
                                    "the re-evaluation date is before the call's date"),
    "rule.call.note_code": (("la note semble contenir un code de locataire : les champs codés "
                            "portent l’appel, la note n’en contient pas"),
                            ("the note seems to hold a tenant code: the coded fields carry the "
                            "call, the note holds none")),
    "rule.call.note_name": (("la note semble contenir le nom d’une personne : pas de nom ni de "
                            "texte clinique dans la note"),
                            ("the note seems to hold a person's name: no name and no clinical "
                            "text in the note")),
    "rule.call.unknown_actor": ("acteur inconnu {actor} : ajoutez-le d’abord à la région",
                                "unknown actor {actor}: add it to the region first"),
    "rule.agreement.tenant_code": (
        ("le locataire doit être désigné par un code pseudonyme (lettres majuscules et chiffres, "
        "p. ex. CEM-0042), jamais par son nom"),
        ("the tenant must be identified by a pseudonymous code (capital letters and digits, "
        "e.g. CEM-0042), never by name")),
    "rule.agreement.party_kind": (
        ("partie « {role} » mal formée : un organisme (et une personne pour l’intervenant et "
        "l’agent de liaison) est attendu, ou seulement un code pour le locataire"),
        ("malformed '{role}' party: an organisation (and a person for the worker and the "
        "liaison agent) is expected, or only a code for the tenant")),
    "rule.agreement.unknown_actor": ("la partie {actor} n’est pas un acteur de la région",
                                     "party {actor} is not an actor of the region"),
    "rule.agreement.program": (("{actor} n’est pas le programme (type « Programme "
                               "intersectoriel ») : seul le programme signe à ce titre"),
                               ("{actor} is not the program (type 'program'): only the program "
                               "signs in that capacity")),
    "rule.agreement.I.provider": (
        ("une entente I lie un propriétaire ou gestionnaire de logements et le programme ; "
        "{actor} ({actor_type}) ne fournit pas de logements"),
        ("an agreement I binds a housing provider and the program; {actor} ({actor_type}) "
        "does not provide housing")),
    "rule.agreement.II.referring": (
        ("une entente II lie un organisme référent et le programme ; {actor} n’a pas le rôle "
        "d’organisme référent"),
        ("an agreement II binds a referring organisation and the program; {actor} does not "
        "hold the referring role")),
    "rule.agreement.III.worker": (
        "{person} n’est pas un(e) intervenant(e) référent(e) de {actor}",
        "{person} is not a referring worker of {actor}"),
    "rule.agreement.III.no_II": (
        ("l’organisme de l’intervenant(e), {actor}, n’a pas d’entente II en vigueur au {on} : "
        "une entente III exige une entente II en vigueur"),
        ("the worker's organisation, {actor}, holds no agreement II in force on {on}: an "
        "agreement III requires a current agreement II")),
    "rule.agreement.III.liaison": (
        "{person} n’est pas un(e) agent(e) de liaison du programme {actor}",
        "{person} is not a liaison agent of the program {actor}"),
    "rule.agreement.II.self": (("une entente II lie le programme à un autre organisme : "
                               "{actor} ne peut pas être à la fois le programme et l’organisme "
                               "référent"),
                               ("an agreement II binds the program to another organisation: "
                               "{actor} cannot be both the program and the referring "
                               "organisation")),
    "rule.agreement.renews_cycle": (("les reconductions tournent en rond : en suivant "
                                    "« reconduit » depuis {renews}, on revient à cette entente"),
                                    ("renewals go round in a circle: following 'renews' from "
                                    "{renews} leads back to this agreement")),
    "rule.agreement.renews": ("l’entente reconduite {renews} est inconnue ou d’un autre type",
                              "the renewed agreement {renews} is unknown or of another type"),
    "rule.record.type": ("un objet {kind} (dictionnaire) est attendu",
                         "expected a {kind} object (dictionary)"),
    "rule.record.unknown_fields": ("champs inconnus : {fields}", "unknown fields: {fields}"),
    "rule.record.missing_fields": ("champs obligatoires manquants pour {kind}",
                                   "required fields missing for {kind}"),
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
    "kind.contact": ("personne-ressource", "contact"),
    "kind.party": ("partie", "party"),
    "kind.answer": ("réponse", "answer"),
    "kind.call": ("appel à l’agent de liaison", "call to the liaison agent"),
    "kind.region": ("région", "region"),
    "kind.str": ("textes", "texts"),
    "action.insert": ("ajout", "added"),
    "action.update": ("modification", "changed"),
    "action.delete": ("suppression", "deleted"),
    "where": ("{where} : {text}", "{where}: {text}"),
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
    "explain.partial_region": ("Stade de la région établi sur {n} indicateurs évalués sur {total}",
                               "Region stage based on {n} assessed indicators out of {total}"),
    "tenant_hidden": ("Locataire (code masqué)", "Tenant (code hidden)"),
    "store.conflict": (("La région « {region} » a été modifiée par {user} le {at} (UTC) depuis "
                       "son chargement : rechargez-la et refaites votre modification ; rien n’a "
                       "été écrasé."),
                       ("Region '{region}' was changed by {user} at {at} (UTC) since you loaded "
                       "it: reload it and redo your change; nothing was overwritten.")),
    "store.migration_backup": (("{db} a été écrit par une version antérieure de concert ; la "
                               "copie de sécurité à faire avant de le mettre à jour a échoué "
                               "({detail}) : rien n’a été changé. Libérez de l’espace ou "
                               "vérifiez les droits du dossier."),
                               ("{db} was written by an older concert; the safety copy made "
                               "before updating it failed ({detail}): nothing was changed. "
                               "Free some space or check the folder's permissions.")),
    "store.migrated": (("Fichier mis à jour (version {old} → {new}) ; l’ancien est gardé dans "
                       "{backup}."),
                       ("File updated (version {old} → {new}); the old one is kept in "
                       "{backup}.")),
    "store.memory": ("la base en mémoire", "the in-memory store"),
    "export.summary": ("résumé", "summary"),
    "export.summary.region": ("région", "region"),
    "export.summary.iii": ("ententes III", "agreements III"),
    "export.summary.codes": ("codes de locataires inclus", "tenant codes included"),
    "export.yes": ("oui", "yes"),
    "export.no": ("non", "no"),
    "region.none": (("Aucune région dans {db}. Créez la vôtre avec : concert init {db} --name "
                     "NOM --territories \"A;B\""),
                    ("No region in {db}. Create yours with: concert init {db} --name NAME "
                     "--territories \"A; B\"")),
    "region.which": (("{db} contient plusieurs régions : {regions}. Précisez laquelle (option "
                     "--region, ou ?region=code dans l’adresse du tableau de bord)."),
                     ("{db} holds several regions: {regions}. Say which one (option --region, "
                     "or ?region=code in the dashboard's address).")),
    "region.unknown": ("Aucune région « {region} » dans {db}. Régions présentes : {regions}.",
                       "No region '{region}' in {db}. Regions there: {regions}."),
    "store.conflict.records": ("Modifiés des deux côtés : {records}.",
                               "Changed on both sides: {records}."),
    # ---------------------------------------------------------------- gaps
    "gap.key_actor.missing": (("Aucun acteur pour la ligne « {row} » de la grille des "
                              "acteurs-clés (Tableau 6)"),
                              "No actor fills the key-actor row '{row}' (Tableau 6)"),
    "gap.key_actor.not_at_table": (("« {row} » : acteurs seulement au stade « {status} », pas "
                                   "encore à la table"),
                                   "'{row}': actors only '{status}', not yet at the table"),
    "gap.agreement.I.missing": (("{actor} fournit des logements mais n’a pas d’entente I en "
                                "vigueur"),
                                "{actor} provides housing but has no agreement I in force"),
    "gap.agreement.II.missing": (("{actor} est organisme référent mais n’a pas d’entente II en "
                                 "vigueur"),
                                 ("{actor} is a referring organisation with no agreement II in "
                                 "force")),
    "gap.agreement.expiring": ("L’entente {agreement} prend fin le {date} (dans {days} jours)",
                               "Agreement {agreement} ends on {date} (in {days} days)"),
    "gap.agreement.III.no_II": (("Entente III {agreement} : l’organisme de l’intervenant(e), "
                                "{actor}, n’a plus d’entente II en vigueur"),
                                ("Agreement III {agreement}: the worker's organisation, {actor}, "
                                "no longer holds an agreement II in force")),
    "gap.governance.no_committee": (("Aucun {committee} : la neutralité du programme repose sur "
                                    "lui"),
                                    "No {committee}: the program's neutrality rests on it"),
    "gap.governance.one_sided": (("{committee} : secteur absent — {missing} (la neutralité exige "
                                 "les deux secteurs)"),
                                 ("{committee}: missing sector — {missing} (neutrality needs "
                                 "both sectors)")),
    "gap.governance.double_role": (("{actor} est à la fois organisme porteur et organisme "
                                   "référent : double rôle à anticiper (Tableau 6)"),
                                   ("{actor} is both carrier and referring organisation: a double "
                                   "role to anticipate (Tableau 6)")),
    # what the data counted for a criterion (gaps.evidence's detail)
    # A gap rule's name, short (e.g. what an action of the plan answers).
    "gap_name.actor.retired_in_force": ("Organisme retiré, ententes en vigueur",
                                        "Retired organisation with ententes in force"),
    "gap_name.agreement.I.missing": ("Entente I manquante", "Missing entente I"),
    "gap_name.agreement.II.missing": ("Entente II manquante", "Missing entente II"),
    "gap_name.agreement.III.no_II": ("Entente III sans entente II",
                                     "Entente III without entente II"),
    "gap_name.agreement.expiring": ("Entente qui prend fin bientôt", "Entente ending soon"),
    "gap_name.calls.surge": ("Hausse des appels", "Surge in calls"),
    "gap_name.commitment.iii_not_kept": ("Engagements d’ententes III non respectés",
                                         "Ententes III commitments not kept"),
    "gap_name.commitment.not_kept": ("Engagement non respecté", "Commitment not kept"),
    "gap_name.commitment.review_overdue": ("Revue d’engagement en retard",
                                           "Commitment review overdue"),
    "gap_name.governance.double_role": ("Double rôle", "Double role"),
    "gap_name.governance.no_committee": ("Comité manquant", "Missing committee"),
    "gap_name.governance.one_sided": ("Comité sans l’un des secteurs",
                                      "Committee missing a sector"),
    "gap_name.governance.selection_size": ("Taille du comité de sélection",
                                           "Selection committee size"),
    "gap_name.key_actor.missing": ("Acteur-clé manquant", "Missing key actor"),
    "gap_name.key_actor.not_at_table": ("Acteur-clé pas encore à la table",
                                        "Key actor not yet at the table"),
    "gap_name.key_actor.region": ("Acteur-clé manquant dans la région",
                                  "Key actor missing in the region"),
    "gap_name.key_actor.territory": ("Acteur-clé manquant dans un territoire",
                                     "Key actor missing in a territory"),
    "gap.detail.information": ("échanges d’information : {n}", "information exchanges: {n}"),
    "gap.detail.agreements_i_ii": ("ententes I ou II en vigueur : {n}",
                                   "agreements I or II in force: {n}"),
    "gap.detail.joint_projects": ("liens de projet commun : {n}", "joint-project ties: {n}"),
    "gap.detail.resources": ("liens de ressources partagées : {n}", "shared-resource ties: {n}"),
    "gap.detail.resource_pairs": ("paires d’acteurs partageant des ressources : {n}",
                                  "pairs of actors sharing resources: {n}"),
    "gap.detail.projects": ("projets à trois acteurs ou plus : {projects}",
                            "projects with three actors or more: {projects}"),
    "gap.detail.no_project": ("aucun projet à trois acteurs ou plus",
                              "no project with three actors or more"),
    "gap.detail.practice_committees": ("comités de pratiques : {n}", "practice committees: {n}"),
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
    # ---------------------------------------------------------------- dashboard: analysis
    "dash.page.analysis": ("Analyse du réseau", "Network analysis"),
    "dash.page.changes": ("Comparaisons", "Comparisons"),
    "dash.page.data": ("Données", "Data"),
    "dash.yes": ("oui", "yes"),
    "dash.no": ("non", "no"),
    "dash.kind.agreement_I": ("Entente I", "Agreement I"),
    "dash.kind.agreement_II": ("Entente II", "Agreement II"),
    "dash.kind.agreement_III": ("Entente III", "Agreement III"),
    "dash.kind.committee": ("Siège à un même comité", "Seat on the same committee"),
    "dash.kind.information": ("Échange d’information", "Information exchange"),
    "dash.kind.resources": ("Ressources partagées", "Shared resources"),
    "dash.kind.joint_project": ("Projet commun", "Joint project"),
    "dash.kind.referral": ("Référencement", "Referral"),
    "dash.analysis.intro": (("Les mesures se calculent sur les organismes : deux organismes sont "
                            "liés par une entente, un siège au même comité ou un lien déclaré. "
                            "Choisissez les types de liens pour recalculer."),
                            ("Measures are computed over organisations: two are tied by an "
                            "agreement, a seat on the same committee or a declared tie. Choose "
                            "the kinds of ties to recompute.")),
    "dash.analysis.kinds": ("Types de liens pris en compte", "Kinds of ties counted"),
    "dash.analysis.between": ("Action intersectorielle", "Intersectoral action"),
    "dash.analysis.ei_help": (("Indice E-I : +1 si tous les liens relient des secteurs "
                              "différents, −1 s’ils restent tous dans le même secteur."),
                              ("E-I index: +1 when every tie joins different sectors, −1 when "
                              "they all stay within one sector.")),
    "dash.analysis.ei_title": ("Indice E-I par secteur", "E-I index by sector"),
    "dash.analysis.sector": ("Secteur", "Sector"),
    "dash.analysis.mixing": ("Liens entre secteurs (nombre)", "Ties between sectors (count)"),
    "dash.analysis.whole": ("Réseau entier", "Whole network"),
    "dash.analysis.measure": ("Mesure", "Measure"),
    "dash.analysis.value": ("Valeur", "Value"),
    "dash.analysis.brokers": ("Acteurs les plus intermédiaires", "Main brokers"),
    "dash.analysis.actor": ("Acteur", "Actor"),
    "dash.analysis.degree": ("Liens", "Ties"),
    "dash.analysis.betweenness": ("Intermédiarité", "Betweenness"),
    "dash.analysis.constraint": ("Contrainte (Burt)", "Constraint (Burt)"),
    "dash.analysis.cut": ("Point de rupture", "Cut point"),
    "dash.analysis.gaps": ("Écarts par rapport au cadre", "Gaps against the framework"),
    "dash.analysis.no_gap": ("Aucun écart relevé.", "No gap found."),
    "dash.analysis.coverage": ("Grille des acteurs-clés (Tableau 6)",
                               "Key-actor grid (Tableau 6)"),
    "dash.analysis.key_row": ("Acteur-clé", "Key actor"),
    "dash.analysis.count": ("Nombre", "Count"),
    "dash.analysis.status": ("Engagement le plus avancé", "Furthest engagement"),
    "dash.analysis.actors": ("Acteurs", "Actors"),
    "dash.analysis.missing": ("manquant", "missing"),
    "dash.analysis.evidence": ("Ce que disent les données, à côté de la réponse du comité",
                               "What the data say, beside the committee's answer"),
    "dash.analysis.evidence_help": (("Les données n’éclairent que certains critères ; elles ne "
                                    "remplacent jamais la réponse du comité."),
                                    ("The data speak to some criteria only; they never replace "
                                    "the committee's answer.")),
    "dash.analysis.criterion": ("Critère", "Criterion"),
    "dash.analysis.answer": ("Réponse du comité", "Committee's answer"),
    "dash.analysis.data": ("Données", "Data"),
    "dash.analysis.detail": ("Détail", "Detail"),
    "dash.analysis.data.supports": ("appuient", "support it"),
    "dash.analysis.data.contradicts": ("contredisent", "contradict it"),
    "dash.analysis.data.no_data": ("rien à dire", "nothing to say"),
    "dash.region_stage_short": ("Stade", "Stage"),
    "dash.data.intro": (("Importez vos listes (CSV, Excel ou JSON ; tables : {tables}). Tout est "
                        "vérifié avant d’écrire : au moindre problème, rien n’est écrit et "
                        "chaque problème est indiqué avec son fichier, sa ligne et sa colonne."),
                        ("Import your lists (CSV, Excel or JSON; tables: {tables}). Everything "
                        "is checked before writing: at the first problem nothing is written "
                        "and each problem is given with its file, row and column.")),
    "dash.data.template": ("Télécharger le modèle Excel", "Download the Excel template"),
    "dash.data.export": ("Exporter la région (Excel)", "Export the region (Excel)"),
    "dash.data.files": ("Fichiers à importer", "Files to import"),
    "dash.data.encoding": ("Encodage des CSV", "CSV encoding"),
    "dash.data.import": ("Importer", "Import"),
    "dash.data.import_title": ("Importer des fichiers", "Import files"),
    "dash.data.no_file": ("Choisissez d’abord un ou plusieurs fichiers.",
                          "Choose one or more files first."),
    "dash.data.backup_title": ("Copie de sauvegarde", "Backup"),
    "dash.data.backup_help": (("Une copie cohérente du fichier, même pendant que d’autres "
                              "personnes l’utilisent."),
                              "A consistent copy of the file, even while others use it."),
    "dash.data.backup": ("Télécharger une copie de sauvegarde", "Download a backup"),
    "dash.cmp.intro": (("Comparez la région à deux dates (stades, acteurs, ententes, mesures), "
                       "puis les régions entre elles."),
                       ("Compare the region at two dates (stages, actors, agreements, "
                       "measures), then the regions with each other.")),
    "dash.cmp.from": ("Première date", "First date"),
    "dash.cmp.to": ("Deuxième date", "Second date"),
    "dash.cmp.between": ("Du {a} au {b}", "From {a} to {b}"),
    "dash.cmp.no_assessment": ("Pas d’évaluation à l’une des deux dates.",
                               "No assessment at one of the two dates."),
    "dash.cmp.stages": ("Stades par indicateur", "Stages by indicator"),
    "dash.cmp.actors": ("Acteurs arrivés ou partis", "Actors who joined or left"),
    "dash.cmp.agreements": ("Ententes entrées en vigueur ou terminées",
                            "Agreements that came into force or ended"),
    "dash.cmp.agreement": ("Entente", "Agreement"),
    "dash.cmp.measures": ("Mesures du réseau", "Network measures"),
    "dash.cmp.added": ("arrivé", "added"),
    "dash.cmp.ended": ("terminé", "ended"),
    "dash.cmp.region": ("Région", "Region"),
    "dash.cmp.regions": ("Régions comparées", "Regions compared"),
    "dash.cmp.gaps": ("Écarts", "Gaps"),
    "dash.cmp.meaning": ("Ce que le stade recouvre", "What the stage covers"),
    "dash.cmp.crosswalk": ("Lire les stades sur d’autres échelles",
                           "Reading the stages on other scales"),
    "dash.cmp.crosswalk_note": (("Attention : la « coopération » du guide est son stade le plus "
                                "avancé, alors que « cooperation » est un niveau intermédiaire "
                                "chez Himmelman et chez Frey et al."),
                                ("Beware: the guide's \"coopération\" is its highest stage, "
                                "while \"cooperation\" is a middle level for Himmelman and "
                                "for Frey et al.")),
    # ---------------------------------------------------------------- import / export
    "io.row": ("ligne", "row"),
    "io.region_rows": ("la table « région » ne doit avoir qu’une ligne",
                       "the 'region' table must have a single row"),
    "io.no_file": ("fichier introuvable", "file not found"),
    "io.format": ("format {suffix} non pris en charge : CSV, XLSX ou JSON attendu",
                  "unsupported format {suffix}: expected CSV, XLSX or JSON"),
    "io.encoding": (("le fichier n’est pas encodé en {encoding} : enregistrez-le en « CSV UTF-8 » "
                    "ou relancez sans --encoding (UTF-8 et Windows-1252 sont reconnus)"),
                    ("the file is not {encoding}: save it as 'CSV UTF-8' or run again without "
                    "--encoding (UTF-8 and Windows-1252 are recognised)")),
    "io.sheet": ("feuille « {sheet} »", "sheet '{sheet}'"),
    "io.base": ("(base)", "(database)"),
    "io.two_digit_year": (("date « {value} » : l’année doit avoir quatre chiffres (JJ/MM/AAAA "
                          "ou AAAA-MM-JJ)"),
                          ("date '{value}': the year must have four digits (DD/MM/YYYY or "
                          "YYYY-MM-DD)")),
    "io.impossible_date": ("date impossible « {value} » : ce jour n’existe pas",
                           "impossible date '{value}': no such day"),
    "io.json_constant": ("JSON : {value} n’est pas un nombre accepté",
                         "JSON: {value} is not an accepted number"),
    "io.expected_criterion": (("l’identifiant d’un critère (p. ex. climat.cooperation.2) ou son "
                              "libellé, voir la feuille « valeurs » du modèle"),
                              ("a criterion's identifier (e.g. climat.cooperation.2) or its "
                              "wording, see the template's 'values' sheet")),
    "io.unknown_value": ("valeur inconnue « {value} » ; valeurs possibles : {expected}",
                         "unknown value '{value}'; possible values: {expected}"),
    "io.unknown_value_suggest": (("valeur inconnue « {value} » : vouliez-vous dire "
                                  "{suggestions} ? (valeurs possibles : {expected})"),
                                 ("unknown value '{value}': did you mean {suggestions}? "
                                  "(possible values: {expected})")),
    "io.ambiguous": (("valeur ambiguë « {value} » : elle peut désigner {choices} ; choisissez "
                     "une seule valeur"),
                     "ambiguous value '{value}': it may mean {choices}; choose one"),
    "io.ambiguous_ref": (("« {value} » désigne plusieurs {what}s ({choices}) : écrivez son "
                         "identifiant"),
                         "'{value}' names several {what}s ({choices}): write its identifier"),
    "io.ref_refused": (("« {value} » renvoie à un {what} refusé lui-même (feuille « {sheet} », "
                       "ligne {row}) : corrigez d’abord cette ligne"),
                       ("'{value}' refers to a {what} that was itself refused (sheet "
                       "'{sheet}', row {row}): correct that row first")),
    "io.unknown_ref": (("{what} inconnu « {value} » : ni dans le fichier ni dans la base (par "
                       "identifiant, nom ou sigle)"),
                       ("unknown {what} '{value}': neither in the files nor in the database "
                       "(by identifier, name or acronym)")),
    "io.unknown_ref_suggest": (("{what} inconnu « {value} » : vouliez-vous dire {suggestions} ?"),
                               "unknown {what} '{value}': did you mean {suggestions}?"),
    "io.same_name": (("« {name} » donne le même identifiant « {key} » que « {other} » (ligne "
                     "{row}) : des noms qui ne diffèrent que par la casse, les accents ou la "
                     "ponctuation désignent le même organisme"),
                     ("'{name}' gives the same identifier '{key}' as '{other}' (row {row}): "
                     "names that differ only in case, accents or punctuation are the same "
                     "organisation")),
    "io.same_id": (("l’identifiant « {key} » ne diffère de « {other} » ({where}) que par la "
                   "casse, les accents ou la ponctuation : c’est le même, écrivez-le de la "
                   "même façon"),
                   ("identifier '{key}' differs from '{other}' ({where}) only in case, accents "
                   "or punctuation: it is the same one, write it the same way")),
    "io.in_store": ("déjà dans la base", "already in the database"),
    "io.at_row": ("feuille « {sheet} », ligne {row}", "sheet '{sheet}', row {row}"),
    "io.unreadable": ("fichier illisible ({detail})", "unreadable file ({detail})"),
    "io.unknown_table": (("table inconnue « {name} » : nommez le fichier ou la feuille d’après "
                         "une table ({tables})"),
                         ("unknown table '{name}': name the file or sheet after a table "
                         "({tables})")),
    "io.empty": ("la table « {table} » est vide", "table '{table}' is empty"),
    "io.empty_file": ("le fichier est vide : aucune table n’a de ligne",
                      "the file is empty: no table has a row"),
    "io.unknown_column": (("colonne inconnue pour la table « {table} » (colonnes possibles : "
                          "{columns})"),
                          "unknown column for table '{table}' (possible columns: {columns})"),
    "io.repeated_column": ("colonne en double", "repeated column"),
    "io.missing_column": ("colonne obligatoire absente de la table « {table} »",
                          "required column missing from table '{table}'"),
    "io.required": ("valeur obligatoire manquante", "required value missing"),
    "io.bad_date": (("date invalide « {value} » : formats acceptés AAAA-MM-JJ, JJ/MM/AAAA (le "
                    "jour d’abord) ou une date Excel"),
                    ("invalid date '{value}': accepted formats YYYY-MM-DD, DD/MM/YYYY (day "
                    "first) or an Excel date")),
    "io.bad_bool": ("valeur « {value} » invalide : oui ou non attendu",
                    "invalid value '{value}': expected yes or no"),
    "io.bad_int": ("nombre entier attendu, reçu « {value} »",
                   "expected a whole number, got '{value}'"),
    "io.bad_float": ("nombre attendu, reçu « {value} »", "expected a number, got '{value}'"),
    "io.duplicate": ("« {key} » figure deux fois (déjà à {file}, ligne {row})",
                     "'{key}' appears twice (already at {file}, row {row})"),
    "io.assessment_dates": ("l’évaluation {assessment} porte plusieurs dates",
                            "assessment {assessment} has several dates"),
    "io.which_region": ("précisez la région (--region) parmi : {regions}",
                        "give the region (--region) among: {regions}"),
    "io.new_region": (("la région « {region} » n’existe pas : donnez son nom (--name) pour la "
                      "créer"),
                      "region '{region}' does not exist: give its name (--name) to create it"),
    "io.template_csv": (("un modèle CSV porte sur une seule table : nommez le fichier d’après "
                        "elle (p. ex. acteurs.csv), ou demandez un modèle .xlsx"),
                        ("a CSV template holds one table: name the file after it (e.g. "
                        "actors.csv), or ask for an .xlsx template")),
    "cli.imported": (("Import dans « {region} » : {added} ajoutés, {updated} modifiés, "
                     "{unchanged} inchangés."),
                     ("Import into '{region}': {added} added, {updated} updated, {unchanged} "
                     "unchanged.")),
    "cli.import_failed": ("Import refusé, rien n’a été écrit ({n} problèmes) :",
                          "Import refused, nothing was written ({n} problems):"),
    "cli.importing": ("Import", "Importing"),
    "cli.synth": ("Régions synthétiques", "Synthetic regions"),
    "cli.synth_done": ("{regions} régions synthétiques ({actors} organismes) écrites dans {db}",
                       "{regions} synthetic regions ({actors} organisations) written to {db}"),
    "cli.template": ("Modèle écrit : {out}", "Template written: {out}"),
    "dash.data.encoding_auto": ("Reconnu (UTF-8 ou Windows-1252)",
                                "Recognised (UTF-8 or Windows-1252)"),
    "dash.data.sync": (("Retirer ce que la base a et que les fichiers n’ont plus (date de fin, "
                        "jamais de suppression)"),
                       ("Retire what the database holds and the files no longer have (an end "
                        "date, never a deletion)")),
    "template.guide_sheet": ("mode d’emploi", "instructions"),
    "template.guide_title": ("Modèle d’import concert : mode d’emploi",
                             "concert import template: instructions"),
    "template.guide.1": (("Une feuille par table : remplissez celles qui vous servent, laissez "
                         "les autres telles quelles (elles sont ignorées)."),
                         ("One sheet per table: fill in those you need, leave the others as "
                         "they are (they are ignored).")),
    "template.guide.2": (("La ligne 2 de chaque feuille, marquée (exemple), montre une ligne "
                         "remplie ; elle est ignorée à l’import : remplacez-la ou gardez-la."),
                         ("Row 2 of each sheet, marked (example), shows a filled row; it is "
                         "ignored on import: replace it or keep it.")),
    "template.guide.3": (("Colonnes à liste : choisissez une valeur ou tapez-la comme vous "
                         "l’écrivez (OMH, CIUSSS, signée…) ; le code, le libellé français ou "
                         "anglais sont acceptés, sans égard aux majuscules ni aux accents."),
                         ("List columns: pick a value or type it as you write it (OMH, CIUSSS, "
                         "signed…); the code and the French or English label are accepted, "
                         "regardless of case or accents.")),
    "template.guide.4": (("Identifiants : la colonne identifiant peut rester vide ou être "
                         "supprimée ; il est alors tiré du nom. Les autres feuilles désignent "
                         "un organisme par son identifiant, son nom ou son sigle. Un nom "
                         "changé crée un nouvel organisme, sauf si l’identifiant est donné."),
                         ("Identifiers: the identifier column may be left empty or removed; it "
                         "is then derived from the name. Other sheets name an organisation by "
                         "its identifier, name or acronym. A changed name makes a new "
                         "organisation, unless the identifier is given.")),
    "template.guide.5": (("Dates : AAAA-MM-JJ, JJ/MM/AAAA (le jour d’abord) ou une date Excel ; "
                         "l’année a toujours quatre chiffres. Oui/non : oui, non, x, vrai."),
                         ("Dates: YYYY-MM-DD, DD/MM/YYYY (day first) or an Excel date; the "
                         "year always has four digits. Yes/no: yes, no, x, true.")),
    "template.guide.6": (("Plusieurs valeurs dans une cellule (territoires, rôles) : séparez-les "
                         "par un point-virgule."),
                         ("Several values in one cell (territories, roles): separate them with "
                          "a semicolon.")),
    "template.guide.7": (("Import : concert import BASE fichier.xlsx. Tout est vérifié d’abord ; "
                         "au moindre problème rien n’est écrit et chaque problème est donné "
                         "avec sa feuille, sa ligne et sa colonne."),
                         ("Import: concert import DB file.xlsx. Everything is checked first; at "
                         "the least problem nothing is written and each problem is given with "
                         "its sheet, row and column.")),
    "template.not_in_list": (("Valeur absente de la liste : elle sera acceptée si elle nomme "
                             "une valeur (code, libellé, sigle)."),
                             ("Value not in the list: it is accepted if it names a value "
                             "(code, label, acronym).")),
    "template.table.region": ("la région (une ligne : code, nom, territoires)",
                              "the region (one row: code, name, territories)"),
    "template.table.actors": ("une ligne par organisme", "one row per organisation"),
    "template.table.contacts": ("une ligne par personne-ressource d’un organisme",
                                "one row per contact person of an organisation"),
    "template.table.committees": ("une ligne par comité", "one row per committee"),
    "template.table.memberships": ("une ligne par siège d’un organisme à un comité",
                                   "one row per seat of an organisation on a committee"),
    "template.table.agreements": ("une ligne par entente I, II ou III (parties en colonnes)",
                                  "one row per agreement I, II or III (parties as columns)"),
    "template.table.ties": ("une ligne par lien déclaré entre deux organismes",
                            "one row per declared tie between two organisations"),
    "template.table.assessments": ("une ligne par réponse à un critère, à une date",
                                   "one row per answer to a criterion, on a date"),
    "template.table.figures": ("une ligne par donnée de programme datée",
                               "one row per dated program figure"),
    "cli.backup": ("Copie de sauvegarde écrite : {out}", "Backup written: {out}"),
    "cli.restored": ("{db} restauré à partir de {backup}", "{db} restored from {backup}"),
    "cli.restore_exists": ("{db} existe déjà : ajoutez --force pour le remplacer par la copie",
                           "{db} already exists: add --force to replace it with the backup"),
    # ---------------------------------------------------------------- command line
    "cli.example_written": (("Région exemple « {name} » écrite dans {db} : {actors} acteurs, "
                            "{agreements} ententes, {assessments} évaluations."),
                            ("Example region '{name}' written to {db}: {actors} actors, "
                            "{agreements} agreements, {assessments} assessments.")),
    "cli.no_region": (("Aucune région dans {db}. Créez la vôtre avec : concert init {db} "
                       "--name NOM --territories \"A;B\""),
                      ("No region in {db}. Create yours with: concert init {db} --name NAME "
                       "--territories \"A; B\"")),
    "cli.not_found_db": (("Fichier introuvable : {db}. Créez votre région avec : concert init "
                          "{db} --name NOM --territories \"A;B\""),
                         ("File not found: {db}. Create your region with: concert init {db} "
                          "--name NAME --territories \"A; B\"")),
    "cli.maturity_title": ("Maturité de la concertation — {region}, évaluation du {date}",
                           "Concertation maturity — {region}, assessment of {date}"),
    "cli.region_stage": ("Stade de la région : {stage}", "Region stage: {stage}"),
    "cli.exported": ("{what} exporté vers {out}", "{what} exported to {out}"),
    "cli.invalid": ("Données invalides :", "Invalid data:"),
    "cli.error": ("Erreur :", "Error:"),
    "cli.bad_as_of": ("--as-of : date invalide « {value} » (format attendu : AAAA-MM-JJ[THH:MM])",
                      "--as-of: invalid date '{value}' (expected: YYYY-MM-DD[THH:MM])"),
    # ---- command line: help of the commands, their options and arguments
    "cli.help.main": (
        ("concert : concertation intersectorielle et gouvernance en logement avec soutien.\n\n"
        "Outils pour le modèle Clés en main : acteurs-clés, ententes I, II et III, indicateurs "
        "de concertation (communication, coordination, coopération) et tableau de bord.\n\n"
        "Langue : --lang fr ou --lang en, avant ou après la commande, ou la variable "
        "CONCERT_LANG (défaut : français)."),
        ("concert: intersectoral concertation and governance in supported housing.\n\n"
        "Tools for the Clés en main model: key actors, agreements I, II and III, concertation "
        "indicators (communication, coordination, co-operation) and dashboard.\n\n"
        "Language: --lang fr or --lang en, before or after the command, or the CONCERT_LANG "
        "variable (default: French).")),
    "cli.help.example": (
        ("Écrire la région exemple (Capitale-Nationale, Clés en main) dans BASE.\n\n"
        "Exemple :\n\n    concert example cn.db"),
        ("Write the example region (Capitale-Nationale, Clés en main) into DB.\n\n"
        "Example:\n\n    concert example cn.db")),
    "cli.help.regions": (
        "Lister les régions enregistrées dans BASE.\n\nExemple :\n\n    concert regions cn.db",
        "List the regions stored in DB.\n\nExample:\n\n    concert regions cn.db"),
    "cli.help.maturity": (
        ("Afficher le stade de chaque indicateur et ses raisons.\n\n"
        "Exemple :\n\n    concert maturity cn.db --region capitale-nationale --json"),
        ("Show each indicator's stage and the reasons for it.\n\n"
        "Example:\n\n    concert maturity cn.db --region capitale-nationale --json")),
    "cli.help.export": (
        ("Exporter une région : données (CSV, Excel, JSON) ou graphe (GraphML, GEXF).\n\n"
        "Par défaut, les ententes III (codes de locataires) ne sont pas exportées : seul leur "
        "nombre figure dans le résumé ; dans les graphes, elles portent un pseudonyme "
        "(III-0001...) au lieu de leur identifiant, qui peut venir d’un numéro de dossier.\n\n"
        "SORTIE ne peut pas être BASE : la sortie est écrite à part puis renommée, sans jamais "
        "laisser de fichier à moitié écrit.\n\n"
        "Exemple :\n\n    concert export cn.db --format xlsx cn.xlsx"),
        ("Export a region: data (CSV, Excel, JSON) or graph (GraphML, GEXF).\n\n"
        "By default, the agreements III (tenant codes) are not exported: only their number "
        "appears in the summary; in graphs, they carry a pseudonym (III-0001...) instead of "
        "their identifier, which may come from a file number.\n\n"
        "OUT cannot be DB: the output is written aside and then renamed, never leaving a "
        "half-written file.\n\n"
        "Example:\n\n    concert export cn.db --format xlsx cn.xlsx")),
    "cli.help.import": (
        ("Importer des acteurs, ententes, sièges, liens et évaluations (CSV, XLSX, JSON).\n\n"
        "Tout est vérifié avant d’écrire : au moindre problème, rien n’est écrit et chaque "
        "problème est signalé avec son fichier, sa ligne et sa colonne.\n\n"
        "Exemple :\n\n    concert import cn.db acteurs.csv ententes.csv"),
        ("Import actors, agreements, seats, ties and assessments (CSV, XLSX, JSON).\n\n"
        "Everything is checked before writing: at the first problem nothing is written, and "
        "each problem is reported with its file, row and column.\n\n"
        "Example:\n\n    concert import cn.db actors.csv agreements.csv")),
    "cli.help.template": (
        ("Écrire un modèle à remplir : acteurs.xlsx, ententes.csv, modele.xlsx (toutes les "
        "tables)…\n\nExemple :\n\n    concert template acteurs.xlsx"),
        ("Write a template to fill in: actors.xlsx, agreements.csv, template.xlsx (every "
        "table)…\n\nExample:\n\n    concert template actors.xlsx")),
    "cli.help.backup": (
        ("Faire une copie cohérente de BASE, même pendant que le tableau de bord tourne.\n\n"
        "BASE est d’abord vérifiée (intégrité) : un fichier endommagé n’est pas copié. La "
        "copie est écrite à part (SORTIE.part) puis renommée : en cas d’échec (disque plein), "
        "SORTIE reste tel quel.\n\n"
        "Exemple :\n\n    concert backup cn.db sauvegardes/cn-2025-01-15.db"),
        ("Make a consistent copy of DB, even while the dashboard is running.\n\n"
        "DB is checked first (integrity): a damaged file is not copied. The copy is written "
        "aside (OUT.part) and then renamed: if that fails (disk full), OUT is left as it "
        "was.\n\n"
        "Example:\n\n    concert backup cn.db backups/cn-2025-01-15.db")),
    "cli.help.restore": (
        ("Restaurer BASE à partir d’une COPIE faite par «\u00a0concert backup\u00a0».\n\n"
        "Exemple :\n\n    concert restore sauvegardes/cn-2025-01-15.db cn.db --force"),
        ("Restore DB from a BACKUP made by 'concert backup'.\n\n"
        "Example:\n\n    concert restore backups/cn-2025-01-15.db cn.db --force")),
    "cli.help.history": (
        ("Lister les modifications enregistrées (quand, par qui, quoi).\n\n"
        "Les ententes III y portent un pseudonyme (III-0001...) au lieu de leur identifiant, "
        "sauf avec --include-tenant-codes ; une entente disparue depuis, dont le type n’est "
        "plus connu, est notée ?-0001...\n\n"
        "Exemple :\n\n    concert history cn.db --kind agreement"),
        ("List the recorded changes (when, by whom, what).\n\n"
        "Agreements III carry a pseudonym (III-0001...) instead of their identifier, unless "
        "--include-tenant-codes is given; an agreement deleted since, whose type is no longer "
        "known, is shown as ?-0001...\n\n"
        "Example:\n\n    concert history cn.db --kind agreement")),
    "cli.help.serve": (
        ("Démarrer le tableau de bord sur BASE.\n\n"
        "Avec --password, chaque visiteur donne le nom d’utilisateur (--user, "
        "«\u00a0comite\u00a0» par défaut) et le mot de passe ; après 5 échecs, une adresse "
        "attend 1 s, puis 2, 4... jusqu’à 5 min. Hors de localhost, --allow-origin dit par "
        "quels noms le tableau s’ouvre.\n\n"
        "Exemple :\n\n    concert serve cn.db --address 0.0.0.0 --allow-origin "
        "192.168.1.20:5006 --password ..."),
        ("Start the dashboard on DB.\n\n"
        "With --password, every visitor gives the user name (--user, 'comite' by default) and "
        "the password; after 5 failures, an address waits 1 s, then 2, 4... up to 5 min. "
        "Beyond localhost, --allow-origin says through which names the dashboard opens.\n\n"
        "Example:\n\n    concert serve cn.db --address 0.0.0.0 --allow-origin "
        "192.168.1.20:5006 --password ...")),
    "cli.help.report": (
        ("Écrire un rapport HTML autonome (vue d’ensemble, carte, prochaines étapes), ou un "
        "PDF prêt à imprimer si SORTIE finit par .pdf (stade et matrice, carte et sa légende, "
        "historique, plan d’action, engagements à revoir, chiffres ; format Letter, ou A4 "
        "avec --paper a4).\n\n"
        "SORTIE ne peut pas être BASE ; il est écrit à part puis renommé, entier ou pas du "
        "tout.\n\nExemple :\n\n    concert report cn.db rapport.html\n\n"
        "    concert report cn.db rapport.pdf"),
        ("Write a self-contained HTML report (overview, map, next steps), or a print-ready "
        "PDF when OUT ends in .pdf (stage and matrix, map and its legend, history, action "
        "plan, commitments to review, figures; Letter paper, or A4 with --paper a4).\n\n"
        "OUT cannot be DB; it is written aside and then renamed, whole or not at all.\n\n"
        "Example:\n\n    concert report cn.db report.html\n\n"
        "    concert report cn.db report.pdf")),
    "cli.help.synth": (
        ("Écrire une province synthétique (tests et mesures de performance seulement).\n\n"
        "Les données sont inventées et marquées comme telles : elles ne décrivent aucune "
        "région réelle.\n\nExemple :\n\n    concert synth province.db --regions 17 --actors 20000"),
        ("Write a synthetic province (tests and performance measures only).\n\n"
        "The data are invented and marked as such: they describe no real region.\n\n"
        "Example:\n\n    concert synth province.db --regions 17 --actors 20000")),
    "cli.arg.db": ("BASE", "DB"),
    "cli.arg.out": ("SORTIE", "OUT"),
    "cli.arg.files": ("FICHIERS...", "FILES..."),
    "cli.arg.backup": ("COPIE", "BACKUP"),
    "cli.arg.host": ("HÔTE[:PORT]", "HOST[:PORT]"),
    "cli.opt.lang": (("Langue des messages : fr ou en (défaut : fr, ou la variable "
                     "CONCERT_LANG), avant ou après la commande."),
                     ("Language of the messages: fr or en (default: fr, or the CONCERT_LANG "
                     "variable), before or after the command.")),
    "cli.opt.replace": ("Remplacer la région exemple si elle existe déjà.",
                        "Replace the example region if it already exists."),
    "cli.opt.region": ("Code de la région.", "Region code."),
    "cli.opt.assessment": ("Identifiant de l’évaluation (défaut : la plus récente).",
                           "Assessment identifier (default: the latest)."),
    "cli.opt.json": ("Sortie JSON.", "JSON output."),
    "cli.opt.format": (("Données : csv (un dossier), xlsx, json (réimportables). Graphe : "
                       "graphml, gexf (Gephi), node-link (JSON networkx)."),
                       ("Data: csv (a folder), xlsx, json (re-importable). Graph: graphml, "
                       "gexf (Gephi), node-link (networkx JSON).")),
    "cli.opt.as_of": (("Exporter la région telle qu’elle était à cette date "
                      "(AAAA-MM-JJ[THH:MM])."),
                      "Export the region as it was at this date (YYYY-MM-DD[THH:MM])."),
    "cli.opt.export_tenant_codes": (("Inclure les ententes III avec leurs identifiants et les "
                                    "codes pseudonymes des locataires (données personnelles : "
                                    "à demander explicitement)."),
                                    ("Include the agreements III with their identifiers and "
                                    "the tenants' pseudonymous codes (personal data: to be "
                                    "asked for explicitly).")),
    "cli.opt.import_region": (("Code de la région (par défaut : celle du fichier, ou la seule "
                              "de BASE)."),
                              "Region code (default: the file's, or the only one in DB)."),
    "cli.opt.name": ("Nom de la région, pour la créer.", "Name of the region, to create it."),
    "cli.opt.encoding": (("Encodage des CSV et JSON (par défaut : reconnu, UTF-8 avec ou sans "
                          "BOM, sinon Windows-1252)."),
                         ("Encoding of the CSV and JSON files (default: recognised, UTF-8 with "
                          "or without BOM, else Windows-1252).")),
    "cli.opt.sync": (("Retirer (date de fin, jamais de suppression) ce que la base a et que les "
                      "fichiers n’ont plus, pour les types de fiches qu’ils contiennent."),
                     ("Retire (an end date, never a deletion) what the database holds and the "
                      "files no longer have, for the kinds of record they carry.")),
    "cli.missing": (("La base contient {n} fiches que les fichiers n’ont plus (concert import "
                     "--sync les retire) :"),
                    ("The database holds {n} records the files no longer have (concert import "
                     "--sync retires them):")),
    "cli.retired": ("{n} fiches retirées (date de fin {on}, rien n’est supprimé) :",
                    "{n} records retired (end date {on}, nothing deleted):"),
    "cli.not_retirable": ("(sans date de fin : gardé tel quel)", "(no end date: kept as is)"),
    "cli.renamed": (("Nouvel organisme « {new} » : est-ce « {old} » renommé ? Un nom changé "
                     "fait un nouvel organisme, sauf avec une colonne d’identifiants."),
                    ("New organisation '{new}': is it '{old}' renamed? A changed name makes a "
                     "new organisation, unless the file has an identifier column.")),
    "cli.opt.force": ("Remplacer BASE s’il existe.", "Replace DB if it exists."),
    "cli.opt.kind": ("Seulement ce type de fiche.", "Only this kind of record."),
    "cli.opt.history_tenant_codes": (("Montrer les identifiants des ententes III (ils peuvent "
                                     "venir d’un numéro de dossier : à demander "
                                     "explicitement)."),
                                     ("Show the identifiers of the agreements III (they may "
                                     "come from a file number: to be asked for explicitly).")),
    "cli.opt.port": ("Port HTTP.", "HTTP port."),
    "cli.opt.address": ("Adresse d’écoute (localhost par défaut).",
                        "Listening address (localhost by default)."),
    "cli.opt.presentation": ("Mode présentation (réunion).", "Presentation mode (meeting)."),
    "cli.opt.show": ("Ouvrir le navigateur.", "Open the browser."),
    "cli.opt.password": ("Demander ce mot de passe à chaque visiteur (ou CONCERT_PASSWORD).",
                         "Ask every visitor for this password (or CONCERT_PASSWORD)."),
    "cli.opt.user": ("Le nom d’utilisateur demandé avec --password.",
                     "The user name asked for with --password."),
    "cli.opt.accounts": (("Connexion par comptes nommés, même si le fichier n’en a encore "
                         "aucun : la première personne qui ouvre le tableau de bord, depuis cet "
                         "ordinateur, crée le compte d’administration (sans cette option : "
                         "dès que le fichier a un compte)."),
                         ("Sign in with named accounts, even when the file holds none yet: the "
                         "first person who opens the dashboard, from this computer, creates the "
                         "administrator account (without this option: as soon as the file "
                         "holds an account).")),
    "cli.opt.allow_origin": (("Nom ou adresse par lequel les navigateurs ouvrent le tableau de "
                             "bord (répétable ; p. ex. derrière un mandataire inverse)."),
                             ("Name or address through which browsers open the dashboard "
                             "(repeatable; e.g. behind a reverse proxy).")),
    "cli.opt.anonymise": ("Remplacer les noms des organismes.",
                          "Replace the organisations' names."),
    "cli.opt.n_regions": ("Nombre de régions.", "Number of regions."),
    "cli.opt.n_actors": ("Nombre total d’organismes.", "Total number of organisations."),
    "cli.opt.years": ("Années d’évaluations trimestrielles.", "Years of quarterly assessments."),
    "cli.opt.seed": ("Graine du hasard.", "Random seed."),
    # ---- command line: accounts, retention, access log
    "cli.help.user": (
        ("Gérer les comptes nominatifs de BASE, pour se connecter au tableau de bord.\n\n"
        "Le premier compte d’un fichier est un compte d’administration. Chaque compte parle pour "
        "un organisme de la région (--org, un acteur) et a un rôle : admin (administration : "
        "comptes, copies, conservation), liaison (agent de liaison : codes de locataires), "
        "committee (comité : saisie, sans les codes), reader (lecture seule).\n\n"
        "Exemple :\n\n    concert user add cn.db marie.tremblay --role committee --org omhq"),
        ("Manage the named accounts of DB, to sign in to the dashboard.\n\n"
        "The first account of a file is an administrator. Each account speaks for an "
        "organisation of the region (--org, an actor) and has a role: admin (administrator: "
        "accounts, backups, retention), liaison (liaison agent: tenant codes), committee "
        "(entering data, without the codes), reader (read only).\n\n"
        "Example:\n\n    concert user add cn.db marie.tremblay --role committee --org omhq")),
    "cli.help.user_add": (
        ("Ajouter un compte à BASE.\n\nLe mot de passe (au moins 10 caractères) est demandé deux "
        "fois, sans s’afficher ; pour un script, donnez-le dans la variable "
        "CONCERT_NEW_PASSWORD.\n\nExemple :\n\n    concert user add cn.db admin --role admin "
        "--org cem"),
        ("Add an account to DB.\n\nThe password (at least 10 characters) is asked for twice, "
        "without showing; for a script, give it in the CONCERT_NEW_PASSWORD variable.\n\n"
        "Example:\n\n    concert user add cn.db admin --role admin --org cem")),
    "cli.help.user_remove": (
        ("Retirer un compte de BASE (jamais le dernier compte d’administration).\n\n"
        "Exemple :\n\n    concert user remove cn.db marie.tremblay"),
        ("Remove an account from DB (never the last administrator).\n\n"
        "Example:\n\n    concert user remove cn.db marie.tremblay")),
    "cli.help.user_passwd": (
        ("Donner un nouveau mot de passe à un compte (réinitialisation par l’administration).\n\n"
        "Exemple :\n\n    concert user passwd cn.db marie.tremblay"),
        ("Give an account a new password (a reset by the administrator).\n\n"
        "Example:\n\n    concert user passwd cn.db marie.tremblay")),
    "cli.help.user_list": (
        ("Lister les comptes de BASE : nom, rôle, organisme (jamais les mots de passe).\n\n"
        "Exemple :\n\n    concert user list cn.db"),
        ("List the accounts of DB: name, role, organisation (never the passwords).\n\n"
        "Example:\n\n    concert user list cn.db")),
    "cli.help.retention": (
        ("Afficher ou fixer la durée de conservation des codes de locataires, en mois après la "
        "fin d’une entente III (Loi 25).\n\nExemple :\n\n    concert retention cn.db 24"),
        ("Show or set the retention period of tenant codes, in months after an agreement III "
        "ended (Québec's Law 25).\n\nExample:\n\n    concert retention cn.db 24")),
    "cli.help.purge": (
        ("Retirer les ententes III terminées depuis plus longtemps que la durée de conservation, "
        "avec leurs lignes de l’historique et du journal des accès.\n\n"
        "La liste de ce qui part est affichée, puis une confirmation est demandée (--yes pour "
        "un script, --dry-run pour seulement voir). Rien d’autre n’est touché. Les copies de "
        "sauvegarde ne sont pas atteintes : faites-les tourner dans la durée de conservation."
        "\n\nExemple :\n\n    concert purge cn.db --dry-run"),
        ("Remove the agreements III that ended longer ago than the retention period, with "
        "their rows of the history and of the access log.\n\n"
        "What goes is listed, then a confirmation is asked for (--yes for a script, --dry-run "
        "to only look). Nothing else is touched. Backups are not reached: rotate them within "
        "the retention period.\n\nExample:\n\n    concert purge cn.db --dry-run")),
    "cli.help.calls": (
        ("Reconstituer les tableaux 11 à 13 du guide (raisons des appels à l’agent de liaison) "
         "à partir du journal des appels, pour une période : nombre d’appelants distincts par "
         "raison, comme le guide les compte, nombre d’appels, et le compte du guide. Des "
         "décomptes seulement : aucun code de locataire, aucune note.\n\nExemple :\n\n"
         "    concert calls cn.db --from 2025-04-01 --to 2026-03-31"),
        ("Rebuild the guide's Tableaux 11 to 13 (reasons for calls to the liaison agent) from "
         "the call log, for a period: distinct callers per reason, as the guide counts them, "
         "calls, and the guide's count. Counts only: no tenant code, no note.\n\nExample:"
         "\n\n    concert calls cn.db --from 2025-04-01 --to 2026-03-31")),
    "cli.opt.calls_from": ("premier jour de la période (AAAA-MM-JJ)",
                           "first day of the period (YYYY-MM-DD)"),
    "cli.opt.calls_to": ("dernier jour de la période (AAAA-MM-JJ)",
                         "last day of the period (YYYY-MM-DD)"),
    "cli.calls.title": ("Appels à l’agent de liaison, région {region}, {period} : {n}",
                        "Calls to the liaison agent, region {region}, {period}: {n}"),
    "cli.calls.period.both": ("du {start} au {end}", "from {start} to {end}"),
    "cli.calls.period.from": ("depuis le {start}", "since {start}"),
    "cli.calls.period.to": ("jusqu’au {end}", "until {end}"),
    "cli.calls.period.all": ("tout le journal", "whole log"),
    "cli.calls.table": ("{table} — {group} : {calls} appels (guide : {guide})",
                        "{table} — {group}: {calls} calls (guide: {guide})"),
    "cli.calls.callers": ("appelants", "callers"),
    "cli.calls.calls": ("appels", "calls"),
    "cli.calls.guide": ("au guide", "guide"),
    "cli.calls.reason": ("raison", "reason"),
    "cli.help.access_log": (
        ("Lister le journal des accès : chaque affichage ou export de codes de locataires (qui, "
        "quand, quelle région, quelle entente III), les copies faites depuis le tableau de "
        "bord et les purges.\n\nLes ententes III y portent un pseudonyme (III-0001...) sauf "
        "avec --include-tenant-codes.\n\nExemple :\n\n    concert access-log cn.db"),
        ("List the access log: each showing or export of tenant codes (who, when, which region, "
        "which agreement III), the backups made from the dashboard and the purges.\n\n"
        "Agreements III carry a pseudonym (III-0001...) unless --include-tenant-codes is "
        "given.\n\nExample:\n\n    concert access-log cn.db")),
    "cli.arg.name": ("NOM", "NAME"),
    "cli.arg.months": ("MOIS", "MONTHS"),
    "cli.opt.role": (("Rôle du compte : admin (administration), liaison (agent de liaison), "
                     "committee (comité), reader (lecture)."),
                     ("Role of the account: admin (administrator), liaison (liaison agent), "
                     "committee, reader.")),
    "cli.opt.org": (("Identifiant de l’organisme (un acteur de la région) pour lequel le compte "
                    "parle."),
                    ("Identifier of the organisation (an actor of the region) the account "
                    "speaks for.")),
    "cli.opt.account_region": ("Région de l’organisme (par défaut : la seule de BASE).",
                               "Region of the organisation (default: the only one in DB)."),
    "cli.opt.display_name": ("Nom affiché (par défaut : le nom du compte).",
                             "Display name (default: the account's name)."),
    "cli.opt.dry_run": ("Seulement lister ce qui partirait.", "Only list what would go."),
    "cli.opt.yes": ("Ne pas demander de confirmation (scripts).",
                    "Do not ask for confirmation (scripts)."),
    "cli.prompt.password": ("Mot de passe", "Password"),
    "cli.prompt.repeat": ("Répétez le mot de passe", "Repeat the password"),
    "cli.user.added": ("Compte « {name} » créé ({role}).", "Account '{name}' created ({role})."),
    "cli.user.removed": ("Compte « {name} » retiré.", "Account '{name}' removed."),
    "cli.user.password": ("Nouveau mot de passe enregistré pour « {name} ».",
                          "New password saved for '{name}'."),
    "cli.user.none": (("Aucun compte dans {db}. Créez le premier, d’administration : concert "
                      "user add {db} NOM --role admin"),
                      ("No account in {db}. Create the first one, an administrator: concert "
                      "user add {db} NAME --role admin")),
    "cli.user.header": ("Comptes dans {db} :", "Accounts in {db}:"),
    "cli.user.no_org": ("aucun organisme", "no organisation"),
    "cli.retention.none": (("Aucune durée de conservation des codes de locataires n’est fixée "
                           "dans {db}. Fixez-la avec : concert retention {db} MOIS"),
                           ("No retention period of tenant codes is set in {db}. Set it with: "
                           "concert retention {db} MONTHS")),
    "cli.retention.show": (("Durée de conservation des codes de locataires dans {db} : {months} "
                           "mois après la fin d’une entente III."),
                           ("Retention period of tenant codes in {db}: {months} months after an "
                           "agreement III ended.")),
    "cli.retention.set": (("Durée de conservation fixée à {months} mois. « concert purge {db} » "
                          "retire les ententes III terminées depuis plus longtemps."),
                          ("Retention period set to {months} months. 'concert purge {db}' "
                          "removes the agreements III that ended longer ago.")),
    "cli.purge.header": (("Ententes III terminées avant le {cutoff} (conservation : {months} "
                         "mois) :"),
                         ("Agreements III that ended before {cutoff} (retention: {months} "
                         "months):")),
    "cli.purge.item": ("terminée le {ended}, lignes d’historique : {audit}, du journal : {log}",
                       "ended on {ended}, history rows: {audit}, log rows: {log}"),
    "cli.purge.gone": ("déjà retirée de la région, encore dans l’historique",
                       "already removed from the region, still in the history"),
    "cli.purge.none": (("Rien à retirer : aucune entente III n’a pris fin avant le {cutoff} "
                       "(conservation : {months} mois)."),
                       ("Nothing to remove: no agreement III ended before {cutoff} (retention: "
                       "{months} months).")),
    "cli.purge.undated": ("Gardées, car sans date de fin (ajoutez-la) : {agreements}",
                          "Kept, having no end date (add it): {agreements}"),
    "cli.purge.kept": ("Gardées, car reconduites par une entente III gardée : {agreements}",
                       "Kept, being renewed by a kept agreement III: {agreements}"),
    "cli.purge.confirm": (("Retirer ces ententes III ({n}), leurs codes de locataires et leurs "
                          "lignes d’historique et du journal ?"),
                          ("Remove these agreements III ({n}), their tenant codes and their rows "
                          "of the history and of the log?")),
    "cli.purge.calls": (("Appels à l’agent de liaison terminés avant le {cutoff} (réévaluation "
                         "comprise) : {n}"),
                        ("Calls to the liaison agent ended before {cutoff} (re-evaluation "
                         "included): {n}")),
    "cli.purge.confirm_calls": ("Retirer ces appels à l’agent de liaison ({n}) ?",
                                "Remove these calls to the liaison agent ({n})?"),
    "cli.purge.done_calls": ("Appels à l’agent de liaison retirés : {n}.",
                             "Calls to the liaison agent removed: {n}."),
    "cli.purge.dry_run": ("Essai : rien n’a été retiré.", "Dry run: nothing was removed."),
    "cli.purge.cancelled": ("Rien n’a été retiré.", "Nothing was removed."),
    "cli.purge.done": (("Retiré : ententes III : {agreements} ; lignes d’historique : {audit} ; "
                       "lignes du journal des accès : {log}."),
                       ("Removed: agreements III: {agreements}; history rows: {audit}; access "
                       "log rows: {log}.")),
    "cli.purge.not_compacted": (("Attention : la base, utilisée par un autre programme, n’a pas "
                                "pu être compactée ; des traces effacées peuvent subsister dans "
                                "son espace libre jusqu’à une purge faite quand personne ne "
                                "l’utilise."),
                                ("Warning: the file, in use by another program, could not be "
                                "compacted; erased traces may remain in its free space until a "
                                "purge made while nobody uses it.")),
    "cli.access.empty": ("Le journal des accès de {db} est vide.",
                         "The access log of {db} is empty."),
    # ---- click's own texts (its gettext message ids are the English side, exactly)
    "cli.heading": ("{heading} :", "{heading}:"),
    "click.usage": ("Utilisation :", "Usage:"),
    "click.options": ("Options", "Options"),
    "click.commands": ("Commandes", "Commands"),
    "click.positional": ("Arguments positionnels", "Positional arguments"),
    "click.help": ("Afficher ce message et quitter.", "Show this message and exit."),
    "click.version": ("Afficher la version et quitter.", "Show the version and exit."),
    "click.error": ("Erreur : {message}", "Error: {message}"),
    "click.try": ("Essayez « {command} {option} » pour obtenir de l’aide.",
                  "Try '{command} {option}' for help."),
    "click.invalid": ("Valeur invalide : {message}", "Invalid value: {message}"),
    "click.invalid_for": ("Valeur invalide pour {param_hint} : {message}",
                          "Invalid value for {param_hint}: {message}"),
    "click.missing_argument": ("Argument manquant", "Missing argument"),
    "click.missing_option": ("Option manquante", "Missing option"),
    "click.missing_parameter": ("Paramètre manquant", "Missing parameter"),
    "click.missing_type": ("{param_type} manquant", "Missing {param_type}"),
    "click.missing_name": ("Paramètre manquant : {param_name}",
                           "Missing parameter: {param_name}"),
    "click.missing_command": ("Commande manquante.", "Missing command."),
    "click.no_option": ("Option inconnue {name!r}.", "No such option {name!r}."),
    "click.no_command": ("Commande inconnue {name!r}.", "No such command {name!r}."),
    "click.did_you_mean": ("Vouliez-vous dire {possibility} ?", "Did you mean {possibility}?"),
    "click.did_you_mean_one": ("(Vouliez-vous dire l’un de ceux-ci : {possibilities} ?)",
                               "(Did you mean one of: {possibilities}?)"),
    "click.extra_argument": ("Argument en trop ({args})", "Got unexpected extra argument ({args})"),
    "click.extra_arguments": ("Arguments en trop ({args})",
                              "Got unexpected extra arguments ({args})"),
    "click.not_choice": ("{value!r} n’est pas {choice}.", "{value!r} is not {choice}."),
    "click.not_one_of": ("{value!r} n’est pas l’une des valeurs {choices}.",
                         "{value!r} is not one of {choices}."),
    "click.not_number": ("{value!r} n’est pas un {number_type} valide.",
                         "{value!r} is not a valid {number_type}."),
    "click.not_in_range": ("{value} n’est pas dans l’intervalle {range}.",
                           "{value} is not in the range {range}."),
    "click.not_boolean": (("{value!r} n’est pas une valeur booléenne. Valeurs reconnues : "
                          "{states}"),
                          "{value!r} is not a valid boolean. Recognized values: {states}"),
    "click.requires_argument": ("L’option {name!r} demande une valeur.",
                                "Option {name!r} requires an argument."),
    "click.requires_arguments": ("L’option {name!r} demande {nargs} valeurs.",
                                 "Option {name!r} requires {nargs} arguments."),
    "click.takes_no_value": ("L’option {name!r} ne prend pas de valeur.",
                             "Option {name!r} does not take a value."),
    "click.argument_values": ("L’argument {name!r} prend {nargs} valeurs.",
                              "Argument {name!r} takes {nargs} values."),
    "click.default": ("défaut : {default}", "default: {default}"),
    "click.env_var": ("variable d’environnement : {var}", "env var: {var}"),
    "click.dynamic": ("(dynamique)", "(dynamic)"),
    "click.required": ("obligatoire", "required"),
    "click.aborted": ("Abandon !", "Aborted!"),
    "click.not_exist": ("{name} {filename!r} introuvable.", "{name} {filename!r} does not exist."),
    "click.is_file": ("{name} {filename!r} : c’est un fichier.", "{name} {filename!r} is a file."),
    "click.is_directory": ("{name} {filename!r} : c’est un dossier.",
                           "{name} {filename!r} is a directory."),
    "click.not_readable": ("{name} {filename!r} : lecture impossible.",
                           "{name} {filename!r} is not readable."),
    "click.not_writable": ("{name} {filename!r} : écriture impossible.",
                           "{name} {filename!r} is not writable."),
    "click.cannot_open": ("Impossible d’ouvrir le fichier {filename!r} : {message}",
                          "Could not open file {filename!r}: {message}"),
    "click.choose_from": ("Choisissez parmi :\n\t{choices}", "Choose from:\n\t{choices}"),
    "click.no_match": ("Erreur : les deux saisies diffèrent.",
                       "Error: The two entered values do not match."),
    "click.invalid_input": ("Erreur : réponse invalide", "Error: invalid input"),
    "click.subcommand_metavar": ("COMMANDE [ARGUMENTS]...", "COMMAND [ARGS]..."),
    "click.options_metavar": ("[OPTIONS]", "[OPTIONS]"),
    "click.type.text": ("texte", "text"),
    "click.type.integer": ("entier", "integer"),
    "click.type.float": ("nombre", "float"),
    "click.type.file": ("fichier", "file"),
    "click.type.directory": ("dossier", "directory"),
    "click.type.path": ("chemin", "path"),
    # ---------------------------------------------------------------- serving (concert serve)
    "serve.login.title": ("concert — connexion", "concert — sign in"),
    "serve.login.user": ("Nom d’utilisateur", "User name"),
    "serve.login.password": ("Mot de passe", "Password"),
    "serve.login.submit": ("Se connecter", "Sign in"),
    "serve.login.wrong": ("Nom d’utilisateur ou mot de passe incorrect.",
                          "Wrong user name or password."),
    "serve.login.wait": ("Trop d’essais depuis votre adresse : réessayez dans {seconds} s.",
                         "Too many attempts from your address: try again in {seconds} s."),
    "serve.logout.title": ("Vous êtes déconnecté·e.", "You are signed out."),
    "serve.logout.again": ("Se reconnecter", "Sign in again"),
    "serve.origin.invalid": (("--allow-origin {value} : attendu un nom d’hôte ou une adresse IPv4, "
                             "suivi au besoin de « :PORT » (p. ex. tableau.example.org ou "
                             "192.168.1.20:5006)"),
                             ("--allow-origin {value}: expected a host name or an IPv4 address, "
                             "with ':PORT' if needed (e.g. dashboard.example.org or "
                             "192.168.1.20:5006)")),
    "serve.origin.warning": (("Attention : le tableau de bord écoute sur {address} (port {port}), "
                             "mais un navigateur ne pourra l’afficher que s’il l’ouvre par l’une "
                             "de ces adresses : {origins}. Pour une autre adresse ou un autre nom "
                             "(p. ex. derrière un mandataire inverse), ajoutez --allow-origin "
                             "NOM[:PORT], une fois par nom."),
                             ("Warning: the dashboard listens on {address} (port {port}), but a "
                             "browser can show it only when it opens it through one of these "
                             "addresses: {origins}. For another address or name (e.g. behind a "
                             "reverse proxy), add --allow-origin NAME[:PORT], once per name.")),
    "serve.unprotected": (("Refusé : hors de localhost ({address}), quiconque joint cet "
                          "ordinateur sur le port {port} verrait le tableau de bord. Donnez un "
                          "mot de passe avec --password (ou CONCERT_PASSWORD), ou créez des "
                          "comptes nominatifs (concert user add {db} NOM --role admin)."),
                          ("Refused: beyond localhost ({address}), anyone who reaches this "
                          "computer on port {port} would see the dashboard. Give a password "
                          "with --password (or CONCERT_PASSWORD), or create named accounts "
                          "(concert user add {db} NAME --role admin).")),
    "serve.empty_password": (("Le mot de passe est vide : donnez-en un avec --password ou "
                             "CONCERT_PASSWORD."),
                             ("The password is empty: give one with --password or "
                             "CONCERT_PASSWORD.")),
    "serve.empty_user": ("Le nom d’utilisateur (--user) est vide.",
                         "The user name (--user) is empty."),
    "serve.cannot_listen": (("Impossible d’écouter sur {address}, port {port} : {reason}. "
                            "Choisissez un autre --port ou une autre --address."),
                            ("Cannot listen on {address}, port {port}: {reason}. "
                            "Choose another --port or --address.")),
    "cli.exists": (("{db} contient déjà la région « {region} ». Utilisez --replace pour la "
                   "remplacer."),
                   "{db} already holds region '{region}'. Use --replace to replace it."),
    "cli.regions_header": ("Régions dans {db} :", "Regions in {db}:"),
    "cli.no_assessment": ("La région « {region} » n’a aucune évaluation.",
                          "Region '{region}' has no assessment."),
    # ---- files: outputs, damaged or empty stores, caps on what is read
    "files.out_is_input": (("{out} est le fichier de données lui-même ({db}) : choisissez un "
                           "autre nom de sortie. Rien n’a été écrit."),
                           ("{out} is the data file itself ({db}): choose another output name. "
                           "Nothing was written.")),
    "files.out_is_folder": (("{out} est un dossier : donnez un nom de fichier. Rien n’a été "
                            "écrit."),
                            "{out} is a folder: give a file name. Nothing was written."),
    "files.out_not_folder": (("{out} est un fichier : l’export CSV écrit un dossier (un fichier "
                             "par table) ; donnez un nom de dossier. Rien n’a été écrit."),
                             ("{out} is a file: the CSV export writes a folder (one file per "
                             "table); give a folder name. Nothing was written.")),
    "files.out_failed": ("Impossible d’écrire {out} ({reason}). Rien n’a été écrit.",
                         "Cannot write {out} ({reason}). Nothing was written."),
    "files.reason.enospc": ("disque plein", "disk full"),
    "files.reason.eacces": ("permission refusée", "permission denied"),
    "files.reason.erofs": ("support en lecture seule", "read-only medium"),
    "files.reason.enoent": ("chemin introuvable", "path not found"),
    "files.reason.enotdir": ("un élément du chemin n’est pas un dossier",
                             "a part of the path is not a folder"),
    "files.reason.eisdir": ("c’est un dossier", "it is a folder"),
    "files.reason.efbig": ("fichier trop grand", "file too large"),
    "files.access": ("Impossible d’accéder à {path} ({reason}).",
                     "Cannot access {path} ({reason})."),
    "files.damaged": (("{db} est endommagé ({detail}) : rien n’a été écrit. Restaurez la "
                      "dernière copie de sauvegarde (concert restore)."),
                      ("{db} is damaged ({detail}): nothing was written. Restore the latest "
                      "backup (concert restore).")),
    "files.backup_damaged": (("{db} est endommagé (vérification d’intégrité : {detail}) : "
                             "aucune copie n’a été faite. Restaurez la dernière copie saine "
                             "(concert restore)."),
                             ("{db} is damaged (integrity check: {detail}): no backup was "
                             "made. Restore the latest sound backup (concert restore).")),
    "files.backup_same": ("La copie doit aller dans un autre fichier que {db}.",
                          "The backup must go to another file than {db}."),
    "files.backup_empty": ("{db} ne contient aucune région : rien à copier.",
                           "{db} holds no region: nothing to back up."),
    "files.backup_failed": ("La copie vers {out} a échoué ({reason}) : rien n’a été écrit.",
                            "The backup to {out} failed ({reason}): nothing was written."),
    "files.restore_empty": ("{backup} ne contient aucune région : rien à restaurer.",
                            "{backup} holds no region: nothing to restore."),
    "files.restore_failed": (("La restauration de {db} a échoué ({reason}) : {db} est resté "
                             "tel quel."),
                             "Restoring {db} failed ({reason}): {db} was left as it was."),
    "files.restore_same": ("La copie et la destination sont le même fichier ({db}).",
                           "The backup and the destination are the same file ({db})."),
    "io.too_many_rows": (("la feuille « {sheet} » a plus de {max} lignes : découpez-la en "
                         "plusieurs fichiers"),
                         ("sheet '{sheet}' has more than {max} rows: split it into several "
                         "files")),
    "io.too_many_columns": (("la feuille « {sheet} » a plus de {max} colonnes : supprimez les "
                            "colonnes en trop"),
                            ("sheet '{sheet}' has more than {max} columns: delete the extra "
                            "columns")),
    "io.too_many_cells": (("la feuille « {sheet} » a plus de {max} cellules remplies : "
                          "découpez-la en plusieurs fichiers"),
                          ("sheet '{sheet}' has more than {max} filled cells: split it into "
                          "several files")),
    "io.xlsx_strings": (("le classeur contient {size} Mo de textes une fois décompressé (au plus "
                        "{max} Mo) : découpez-le en plusieurs fichiers"),
                        ("the workbook holds {size} MB of text once uncompressed (at most "
                        "{max} MB): split it into several files")),
    "io.xlsx_damaged": (("classeur Excel endommagé ({detail}) : ouvrez-le et enregistrez-le de "
                        "nouveau"),
                        "damaged Excel workbook ({detail}): open it and save it again"),
    "io.json_syntax": ("JSON invalide : {detail} (ligne {line}, colonne {column})",
                       "invalid JSON: {detail} (line {line}, column {column})"),
    "io.json_depth": ("JSON imbriqué trop profondément (plus de {max} niveaux)",
                      "JSON nested too deeply (more than {max} levels)"),
    "io.json_number": ("nombre trop long dans le JSON (plus de {max} chiffres)",
                       "number too long in the JSON (more than {max} digits)"),
    "io.json_duplicate": (("la clé « {key} » figure deux fois dans un même objet JSON : une des "
                          "deux serait perdue"),
                          ("key '{key}' appears twice in one JSON object: one of them would be "
                          "lost")),
    "io.json_shape": ("JSON : un objet de tables ou une liste de lignes est attendu",
                      "JSON: an object of tables or a list of rows is expected"),
    "io.json_rows": ("JSON : « {name} » doit être une liste d’objets",
                     "JSON: '{name}' must be a list of objects"),
    "io.binary": (("le fichier contient des octets qui ne sont pas du texte (octet nul ou "
                  "caractère de contrôle) : est-ce bien un fichier CSV ou JSON ?"),
                  ("the file holds bytes that are not text (a null byte or a control "
                  "character): is it really a CSV or JSON file?")),
    "io.field_too_long": (("un champ dépasse {max} caractères : un guillemet est-il resté "
                          "ouvert ?"),
                          "a field exceeds {max} characters: is a quote left open?"),
    "io.csv_error": ("CSV illisible ({detail})", "unreadable CSV ({detail})"),
    "io.bad_text": ("un texte est attendu, reçu une liste ou un objet : {value}",
                    "expected text, got a list or an object: {value}"),
    "io.bad_list": (("une liste de textes est attendue (« a; b » ou [\"a\", \"b\"]), reçu "
                    "{value}"),
                    "expected a list of texts ('a; b' or [\"a\", \"b\"]), got {value}"),
    # ---- dashboard
    "dash.page.overview": ("Vue d’ensemble", "Overview"),
    "dash.page.map": ("Carte des acteurs", "Stakeholder map"),
    "dash.page.agreements": ("Ententes", "Agreements"),
    "dash.page.assessment": ("Auto-évaluation", "Self-assessment"),
    "dash.page.history": ("Historique", "History"),
    "dash.page.next_steps": ("Prochaines étapes", "Next steps"),
    "dash.nav": ("Pages", "Pages"),
    "dash.a11y.header": ("En-tête du tableau de bord", "Dashboard header"),
    "dash.a11y.nav": ("Menu et réglages", "Menu and settings"),
    "dash.tool.pan": ("Déplacer la vue", "Pan"),
    "dash.tool.wheel_zoom": ("Zoom avec la molette", "Wheel zoom"),
    "dash.tool.box_zoom": ("Zoom sur un rectangle", "Box zoom"),
    "dash.tool.reset": ("Revenir à la vue de départ", "Reset the view"),
    "dash.tool.save": ("Enregistrer l’image", "Save the image"),
    "dash.tool.hover": ("Description au survol", "Hover descriptions"),
    "dash.tool.tap": ("Sélection par clic", "Click selection"),
    "dash.language": ("Langue", "Language"),
    "dash.display": ("Affichage", "Display"),
    "dash.presentation": ("Mode présentation (grands caractères, sans édition)",
                          "Presentation mode (large type, no editing)"),
    "dash.anonymise": ("Masquer les noms des organismes", "Hide organisation names"),
    "dash.reload": ("Recharger les données", "Reload the data"),
    "dash.footer": (("concert — Modèle Clés en main (Morin, Lain et Vallée, 2020). Les données "
                    "des locataires ne sont jamais affichées."),
                    ("concert — Clés en main model (Morin, Lain & Vallée, 2020). Tenant data "
                    "are never shown.")),
    "dash.load_error": ("Impossible de charger la région : {detail}",
                        "Cannot load the region: {detail}"),
    "dash.no_region": ("Aucune région à afficher.", "No region to show."),
    "dash.load_damaged": (("le fichier « {file} » ne peut pas être lu ({detail}). S’il est "
                          "endommagé, la personne qui gère le tableau de bord peut le vérifier "
                          "avec « concert backup » ou le remplacer par une copie de sauvegarde."),
                          ("the file '{file}' cannot be read ({detail}). If it is damaged, the "
                          "person who runs the dashboard can check it with 'concert backup' or "
                          "replace it with a backup copy.")),
    "dash.error.unexpected": (("Une erreur inattendue s’est produite ; rien n’a été modifié. "
                              "Réessayez, ou signalez-la à la personne qui gère le tableau "
                              "de bord."),
                              ("An unexpected error occurred; nothing was changed. Try again, "
                              "or report it to the person who runs the dashboard.")),
    "dash.data.export_help": (("L’export laisse de côté les ententes III (codes de locataires) ; "
                              "avec « Masquer les noms des organismes », il ne contient que les "
                              "noms anonymisés."),
                              ("The export leaves out the agreements III (tenant codes); with "
                              "'Hide organisation names' it holds the anonymised names only.")),
    "dash.cmp.iii_count": ("{n} entente(s) III (jamais nommées une à une)",
                           "{n} agreement(s) III (never named one by one)"),
    "dash.no_assessment": ("Aucune évaluation enregistrée : remplissez l’auto-évaluation.",
                           "No assessment saved yet: fill in the self-assessment."),
    "dash.none": ("Aucun", "None"),
    "dash.total": ("Total", "Total"),
    "dash.region_stage": ("Stade de la région : {stage}", "Region stage: {stage}"),
    "dash.region_holding": ("Indicateurs qui retiennent la région : {indicators}",
                            "Indicators holding the region back: {indicators}"),
    "dash.matrix.caption": ("Maturité de la concertation — évaluation du {date} ({label})",
                            "Concertation maturity — assessment of {date} ({label})"),
    "dash.matrix.indicator": ("Indicateur", "Indicator"),
    "dash.matrix.where": ("Position", "Position"),
    "dash.matrix.help": (("✔ atteint : tous les critères du stade sont observés ; ◐ en cours : "
                         "l’indicateur se situe entre deux stades ; ○ pas encore. « 2/2 » : "
                         "critères observés sur le nombre de critères du stade."),
                         ("✔ reached: every criterion of the stage is observed; ◐ in progress: "
                         "the indicator stands between two stages; ○ not yet. '2/2': criteria "
                         "observed out of the stage's criteria.")),
    "dash.cell.reached": ("Atteint", "Reached"),
    "dash.cell.progress": ("En cours", "In progress"),
    "dash.cell.todo": ("Pas encore", "Not yet"),
    "dash.cell.na": ("Non évalué", "Not assessed"),
    "dash.cell.count": ("{met}/{total} critères observés", "{met}/{total} criteria observed"),
    "dash.cell.partial": ("{n} en émergence", "{n} emerging"),
    "dash.cell.entry": ("Stade d’entrée (critères descriptifs)",
                        "Entry stage (descriptive criteria)"),
    "dash.fig.title": ("Chiffres clés", "Key figures"),
    "dash.fig.actors_by_sector": ("Acteurs par secteur", "Actors by sector"),
    "dash.fig.sector": ("Secteur", "Sector"),
    "dash.fig.actors": ("Acteurs", "Actors"),
    "dash.fig.agreements": ("Ententes par type et statut", "Agreements by type and status"),
    "dash.fig.type": ("Type", "Type"),
    "dash.fig.expiring": ("{n} entente(s) en vigueur arrivent à échéance d’ici 90 jours",
                          "{n} agreement(s) in force end within 90 days"),
    "dash.fig.committees": ("Comités", "Committees"),
    "dash.fig.committee": ("Comité", "Committee"),
    "dash.fig.kind": ("Genre", "Kind"),
    "dash.fig.meetings": ("Rencontres par année", "Meetings per year"),
    "dash.changes.title": ("Ce qui a changé depuis l’évaluation précédente",
                           "What changed since the previous assessment"),
    "dash.changes.caption": ("Du {before} au {after}", "From {before} to {after}"),
    "dash.changes.none": ("Une seule évaluation : rien à comparer pour l’instant.",
                          "Only one assessment: nothing to compare yet."),
    "dash.changes.before": ("Avant", "Before"),
    "dash.changes.after": ("Après", "After"),
    "dash.changes.change": ("Évolution", "Change"),
    "dash.changes.up": ("progression de {n} demi-stades", "up {n} half-stages"),
    "dash.changes.down": ("recul de {n} demi-stades", "down {n} half-stages"),
    "dash.changes.up_one": ("progression d’un demi-stade", "up one half-stage"),
    "dash.changes.down_one": ("recul d’un demi-stade", "down one half-stage"),
    "dash.changes.same": ("inchangé", "unchanged"),
    "dash.changes.gained": ("Critères nouvellement observés", "Criteria newly observed"),
    "dash.changes.lost": ("Critères qui ne sont plus observés", "Criteria no longer observed"),
    "dash.map.help": (("Survolez un nœud pour le décrire ; cliquez sur un acteur pour afficher "
                      "sa fiche. Les filtres redessinent la carte sans déplacer les nœuds."),
                      ("Hover a node to describe it; click an actor to show its card. Filters "
                      "redraw the map without moving the nodes.")),
    "dash.map.filter.sectors": ("Secteurs", "Sectors"),
    "dash.map.filter.agreements": ("Types d’ententes tracées", "Agreement types drawn"),
    "dash.map.filter.committees": ("Comités (membres seulement)", "Committees (members only)"),
    "dash.map.filter.all": ("Tous", "All"),
    "dash.map.filters": ("Filtres", "Filters"),
    "dash.map.count": ("**{actors}** acteurs et **{ties}** liens affichés",
                       "**{actors}** actors and **{ties}** ties shown"),
    "dash.map.name": ("Nom", "Name"),
    "dash.map.kind": ("Nature", "Kind"),
    "dash.map.type": ("Type", "Type"),
    "dash.map.sector": ("Secteur", "Sector"),
    "dash.map.roles": ("Rôles", "Roles"),
    "dash.map.engagement": ("Engagement", "Engagement"),
    "dash.map.territories": ("Territoires", "Territories"),
    "dash.map.kind.actor": ("Organisme", "Organisation"),
    "dash.map.kind.committee": ("Comité", "Committee"),
    "dash.map.kind.iii": ("Entente III (anonyme)", "Agreement III (anonymous)"),
    "dash.map.iii_node": ("Entente III — locataire (code masqué)",
                          "Agreement III — tenant (code hidden)"),
    "dash.map.edge.agreement": ("Entente {type}", "Agreement {type}"),
    "dash.map.edge.committee": ("Siège à un comité", "Committee seat"),
    "dash.map.role.none": ("Autre organisme (sans rôle particulier)",
                           "Other organisation (no particular role)"),
    "dash.map.legend.sectors": ("Couleur : secteur", "Colour: sector"),
    "dash.map.legend.roles": ("Forme : rôle", "Shape: role"),
    "dash.map.legend.edges": ("Liens", "Ties"),
    "dash.map.card.hint": ("Cliquez sur un acteur de la carte pour afficher sa fiche.",
                           "Click an actor on the map to show its card."),
    "dash.map.card.agreements": ("Ententes", "Agreements"),
    "dash.map.card.committees": ("Comités", "Committees"),
    "dash.map.card.iii_count": ("Ententes III : {n} (détail confidentiel)",
                                "Agreements III: {n} (details confidential)"),
    "dash.agr.alert": ("Alerte", "Alert"),
    "dash.agr.expiring_word": ("échéance proche", "ends soon"),
    "dash.agr.parties": ("Parties", "Parties"),
    "dash.agr.signed": ("Signée le", "Signed on"),
    "dash.agr.ends": ("Fin", "Ends on"),
    "dash.agr.status": ("Statut", "Status"),
    "dash.agr.days_left": ("Jours restants", "Days left"),
    "dash.agr.search": ("Rechercher une partie", "Search a party"),
    "dash.agr.table": ("Ententes I et II (celles qui arrivent à échéance d’abord)",
                       "Agreements I and II (those ending soon first)"),
    "dash.agr.no_match": ("Aucune entente I ou II ne nomme « {text} ».",
                          "No agreement I or II names '{text}'."),
    "dash.agr.ends_in": ("{agreement} — {parties} : se termine le {date} (dans {days} jours)",
                         "{agreement} — {parties}: ends on {date} (in {days} days)"),
    "dash.agr.iii_count": (("Ententes III (locataire, intervenant et agent de liaison) : {n}, "
                           "dont {current} en vigueur. Elles ne sont pas listées : le détail "
                           "est confidentiel."),
                           ("Agreements III (tenant, worker and liaison agent): {n}, of which "
                           "{current} in force. They are not listed: the details are "
                           "confidential.")),
    "dash.agr.commitments_title": ("Engagements des parties", "Commitments of the parties"),
    "dash.agr.commitments_of": ("Choisissez un type d’entente :", "Choose an agreement type:"),
    "dash.form.intro": (("Pour chaque critère, choisissez le niveau observé et notez la preuve "
                        "(ce qui a été observé, où, quand). Le stade se met à jour à droite."),
                        ("For each criterion, choose the level observed and note the evidence "
                        "(what was observed, where, when). The stage updates on the right.")),
    "dash.form.hidden": ("L’auto-évaluation est masquée en mode présentation.",
                         "The self-assessment is hidden in presentation mode."),
    "dash.form.id": ("Identifiant de l’évaluation", "Assessment identifier"),
    "dash.form.date": ("Date de l’évaluation", "Date of the assessment"),
    "dash.form.date_hint": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    "dash.form.respondent": ("Répondant·e", "Respondent"),
    "dash.form.respondent_hint": ("rôle ou initiales (vide : réponse de consensus)",
                                  "role or initials (empty: consensus answer)"),
    "dash.form.label": ("Titre", "Title"),
    "dash.form.label_hint": ("p. ex. Bilan annuel du comité de gestion",
                             "e.g. Annual review of the management committee"),
    "dash.form.stage": ("Stade {stage}", "Stage: {stage}"),
    "dash.form.descriptor": ("décrit la situation de départ, ne fait pas monter de stade",
                             "describes the starting situation, never raises the stage"),
    "dash.form.no_answer": ("Sans réponse", "No answer"),
    "dash.form.evidence": ("Preuve / observation", "Evidence / observation"),
    "dash.form.evidence_hint": ("ce qui a été observé, où, quand",
                                "what was observed, where, when"),
    "dash.form.save": ("Enregistrer l’évaluation", "Save the assessment"),
    "dash.form.result": ("Résultat de cette évaluation", "Result of this assessment"),
    "dash.form.empty": ("Aucun critère n’a encore de niveau.", "No criterion has a level yet."),
    "dash.form.orphan_evidence": (("Choisissez un niveau pour les critères qui ont une preuve : "
                                  "{criteria}. Rien n’a été enregistré."),
                                  ("Choose a level for the criteria that have evidence: "
                                  "{criteria}. Nothing was saved.")),
    "dash.form.invalid": ("Évaluation non enregistrée, le formulaire est conservé : {detail}",
                          "Assessment not saved, the form is kept: {detail}"),
    "dash.form.store_error": (("Évaluation non enregistrée (base de données), le formulaire est "
                              "conservé : {detail}"),
                              "Assessment not saved (database), the form is kept: {detail}"),
    "dash.form.saved": ("Évaluation « {id} » du {date} enregistrée.",
                        "Assessment '{id}' of {date} saved."),
    "dash.form.no_store": ("Enregistrement désactivé : aucune base de données n’est ouverte.",
                           "Saving is disabled: no database is open."),
    "dash.hist.intro": (("Position de chaque indicateur à chaque évaluation enregistrée ; la "
                        "ligne noire épaisse est la région."),
                        ("Each indicator's position at each saved assessment; the thick black "
                        "line is the region.")),
    "dash.hist.date": ("Date", "Date"),
    "dash.hist.stage": ("Stade", "Stage"),
    "dash.hist.label": ("Évaluation", "Assessment"),
    "dash.hist.table": ("Stades par évaluation", "Stages by assessment"),
    "dash.status.met": ("observé", "observed"),
    "dash.status.partial": ("en émergence", "emerging"),
    "dash.status.absent": ("non observé", "not observed"),
    "dash.status.unanswered": ("sans réponse", "no answer"),
    "dash.steps.basis": ("D’après l’évaluation du {date} ({label}).",
                         "Based on the assessment of {date} ({label})."),
    "dash.steps.now": ("Aujourd’hui : {stage}. Prochain stade : {next}.",
                       "Now: {stage}. Next stage: {next}."),
    "dash.steps.missing": ("Critères à atteindre", "Criteria to reach"),
    "dash.steps.guidance": ("Repères du guide", "Guidance from the guide"),
    "dash.steps.tools": ("Outils proposés", "Suggested tools"),
    "dash.collecting": (("« {label} » recueille encore les réponses jusqu’au {date} (reçues : "
                         "{n} sur {total} organismes du comité de gestion). Le stade ci-dessous "
                         "est celui de « {result} » ({on})."),
                        ("'{label}' is still collecting answers until {date} (received: {n} "
                         "of {total} organisations of the management committee). The stage "
                         "below is that of '{result}' ({on}).")),
    "dash.steps.adopt_title": ("Adopter une étape comme action du plan",
                               "Adopt a step as an action of the plan"),
    "dash.steps.adopt_hint": (
        "Le plan d’action s’ouvre avec l’étape choisie : qui s’en charge, avec qui, pour quand.",
        "The action plan opens with the chosen step: who leads it, with whom, by when."),
    "dash.steps.adopt": ("Adopter cette étape →", "Adopt this step →"),
    "dash.steps.done": ("Stade coopération atteint", "Co-operation stage reached"),
    "dash.report.title": ("Concertation — {region}", "Concertation — {region}"),
    "dash.report.generated": ("Rapport produit le {date} par concert.",
                              "Report produced on {date} by concert."),
    # ---------------------------------------------------------------- accounts, roles, access
    "role.admin": ("Administration", "Administrator"),
    "role.liaison": ("Agent(e) de liaison", "Liaison agent"),
    "role.committee": ("Comité", "Committee"),
    "role.reader": ("Lecture", "Reader"),
    "access.denied": ("Accès refusé : le rôle « {role} » de {user} ne permet pas de {action}.",
                      "Access denied: the role '{role}' of {user} does not allow {action}."),
    "access.action.read": ("consulter la région", "reading the region"),
    "access.action.write": ("modifier les fiches de la région", "changing the region's records"),
    "access.action.agreement_iii": (("saisir, modifier ou retirer une entente III (elle porte "
                                    "le code d’un locataire)"),
                                    ("adding, changing or removing an agreement III (it holds "
                                    "a tenant's code)")),
    "access.action.tenant_codes": ("voir les codes de locataires", "seeing tenant codes"),
    "access.action.accounts": ("gérer les comptes", "managing accounts"),
    "access.action.backup": ("faire ou restaurer une copie de sauvegarde",
                             "making or restoring a backup"),
    "access.action.retention": (("fixer la durée de conservation des codes de locataires ou "
                                "purger les ententes III terminées"),
                                ("setting the retention period of tenant codes or purging "
                                "ended agreements III")),
    "access.action.access_log": ("consulter le journal des accès", "reading the access log"),
    "access.action.delete_region": ("supprimer une région", "deleting a region"),
    "access.action.calls": (("consulter ou saisir les appels à l’agent de liaison (le comité "
                            "n’en voit que les décomptes)"),
                            ("reading or recording calls to the liaison agent (committees see "
                            "only their counts)")),
    "access.gone": ("Accès refusé : le compte « {user} » n’existe plus.",
                    "Access denied: account '{user}' no longer exists."),
    "access.unbound": (("La session de « {user} » n’est liée à aucune base : ouvrez-la avec "
                       "Store.login() ou Store.session(), pour que chaque affichage de codes de "
                       "locataires soit consigné."),
                       ("The session of '{user}' is bound to no store: open it with "
                       "Store.login() or Store.session(), so that each showing of tenant codes "
                       "is logged.")),
    "access.unknown_action": ("Action inconnue « {action} » (valeurs attendues : {expected}).",
                              "Unknown action '{action}' (expected one of: {expected})."),
    "access.kind.tenant_codes": ("codes affichés", "codes shown"),
    "access.kind.export": ("codes exportés", "codes exported"),
    "access.kind.backup": ("copie de sauvegarde", "backup made"),
    "access.kind.purge": ("purge", "purged"),
    "access.kind.calls": ("appels consultés", "calls read"),
    "accounts.unknown": ("Aucun compte « {name} ».", "No account '{name}'."),
    "accounts.exists": ("Le compte « {name} » existe déjà.", "Account '{name}' already exists."),
    "accounts.first_admin": (("Aucun compte n’existe encore : le premier doit être un compte "
                             "d’administration (admin), qui gérera les autres, et non "
                             "« {role} »."),
                             ("No account exists yet: the first one must be an administrator "
                             "(admin), who will manage the others, not '{role}'.")),
    "accounts.last_admin": (("« {name} » est le dernier compte d’administration : créez-en un "
                            "autre avant de le retirer."),
                            "'{name}' is the last administrator: add another before removing it."),
    "accounts.org_required": (("Donnez l’organisme pour lequel « {name} » parle : un acteur de "
                              "la région (régions : {regions})."),
                              ("Give the organisation '{name}' speaks for: an actor of the "
                              "region (regions: {regions}).")),
    "accounts.org_unknown": (("Aucun acteur « {org} » dans la région « {region} » : l’organisme "
                             "d’un compte est un acteur de sa région (acteurs : {actors})."),
                             ("No actor '{org}' in region '{region}': an account's organisation "
                             "is an actor of its region (actors: {actors}).")),
    "accounts.wrong_password": ("Mot de passe actuel incorrect : rien n’a été changé.",
                                "Wrong current password: nothing was changed."),
    "rule.account.role": ("rôle inconnu {value} (valeurs attendues : {expected})",
                          "unknown role {value} (expected one of: {expected})"),
    "rule.password.short": ("le mot de passe doit compter au moins {min} caractères",
                            "the password must have at least {min} characters"),
    "rule.password.name": ("le mot de passe ne peut pas être le nom du compte",
                           "the password cannot be the account's name"),
    # ---- retention of tenant codes (Law 25)
    "retention.unset": (("Aucune durée de conservation des codes de locataires n’est fixée : "
                        "fixez-la d’abord, en mois après la fin d’une entente III (concert "
                        "retention BASE MOIS)."),
                        ("No retention period for tenant codes is set: set it first, in months "
                        "after an agreement III ended (concert retention DB MONTHS).")),
    "retention.bad_months": (("Durée de conservation invalide « {value} » : un nombre entier de "
                             "mois, de 1 à {max}."),
                             ("Invalid retention period '{value}': a whole number of months, "
                             "from 1 to {max}.")),
    "retention.purge_failed": ("La purge a échoué, rien n’a été retiré ({detail}).",
                               "The purge failed, nothing was removed ({detail})."),
    # ---------------------------------------------------------------- workspace (issue 13)
    # starting a region, saving one record, retiring, the key-actor grid, the directory,
    # the change log and bringing a past state back
    "rule.region.territory_twice": ("territoire nommé deux fois : « {territory} »",
                                    "territory named twice: '{territory}'"),
    "store.record_conflict": (
        ("{kind} « {record} » a été modifié(e) par {user} le {at} depuis que vous l’avez "
         "ouvert(e) : rien n’a été enregistré ; votre saisie est conservée, rechargez pour "
         "voir sa version puis refaites votre modification."),
        ("{kind} '{record}' was changed by {user} at {at} since you opened it: nothing was "
         "saved; what you typed is kept, reload to see their version and redo your change.")),
    "store.no_record": ("Aucun(e) {kind} « {record} » dans la région « {region} ».",
                        "No {kind} '{record}' in region '{region}'."),
    "retire.kind": ("On ne retire pas un(e) {kind} : seuls {expected} prennent une date de fin.",
                    "A {kind} is not retired: only {expected} take an end date."),
    "retire.no_record": ("Aucun(e) {kind} « {record} » dans la région « {region} ».",
                         "No {kind} '{record}' in region '{region}'."),
    "gap.key_actor.territory": (("{territory} : il manque {need} (grille des acteurs-clés, "
                                 "Tableau 6)"),
                                "{territory}: missing {need} (key-actor grid, Tableau 6)"),
    "gap.key_actor.region": ("La région n’a pas {need} (grille des acteurs-clés)",
                             "The region has no {need} (key-actor grid)"),
    "gap.actor.retired_in_force": (
        ("L’entente {type} « {agreement} » est encore en vigueur avec « {actor} », retiré : "
         "mettez-y fin ou transférez-la à un autre organisme"),
        ("Agreement {type} '{agreement}' is still in force with '{actor}', retired: end it or "
         "transfer it to another organisation")),
    "grid.whole_region": ("Toute la région", "Whole region"),
    "directory.iii": ("III : {n}", "III: {n}"),
    "directory.sheet": ("Répertoire", "Directory"),
    "directory.format": ("{out} : le répertoire s’écrit en .csv ou en .xlsx",
                         "{out}: the directory is written as .csv or .xlsx"),
    "directory.col.territory": ("Territoire", "Territory"),
    "directory.col.sector": ("Secteur", "Sector"),
    "directory.col.organisation": ("Organisme", "Organisation"),
    "directory.col.acronym": ("Sigle", "Acronym"),
    "directory.col.type": ("Type d’organisme", "Organisation type"),
    "directory.col.roles": ("Rôles", "Roles"),
    "directory.col.engagement": ("Degré d’engagement", "Engagement"),
    "directory.col.contacts": ("Personnes-ressources", "Contacts"),
    "directory.col.agreements": ("Ententes en vigueur", "Agreements in force"),
    "directory.col.committees": ("Comités", "Committees"),
    "directory.col.actor": ("Identifiant", "Identifier"),
    "log.insert": ("{user} a ajouté {kind} « {name} »", "{user} added {kind} '{name}'"),
    "log.update": ("{user} a modifié {kind} « {name} »", "{user} changed {kind} '{name}'"),
    "log.delete": ("{user} a supprimé {kind} « {name} »", "{user} deleted {kind} '{name}'"),
    "log.retire": ("{user} a mis fin à {kind} « {name} » (au {date})",
                   "{user} ended {kind} '{name}' (on {date})"),
    "log.end": ("{user} a mis fin à l’entente « {name} » (au {date})",
                "{user} ended agreement '{name}' (on {date})"),
    "log.insert.actor": ("{user} a ajouté l’organisme « {name} »",
                         "{user} added the organisation '{name}'"),
    "log.update.actor": ("{user} a modifié l’organisme « {name} »",
                         "{user} changed the organisation '{name}'"),
    "log.delete.actor": ("{user} a supprimé l’organisme « {name} »",
                         "{user} deleted the organisation '{name}'"),
    "log.retire.actor": ("{user} a retiré l’organisme « {name} »",
                         "{user} retired the organisation '{name}'"),
    "log.insert.agreement": ("{user} a ajouté l’entente « {name} »",
                             "{user} added agreement '{name}'"),
    "log.update.agreement": ("{user} a modifié l’entente « {name} »",
                             "{user} changed agreement '{name}'"),
    "log.delete.agreement": ("{user} a supprimé l’entente « {name} »",
                             "{user} deleted agreement '{name}'"),
    "log.insert.committee": ("{user} a ajouté le comité « {name} »",
                             "{user} added the committee '{name}'"),
    "log.update.committee": ("{user} a modifié le comité « {name} »",
                             "{user} changed the committee '{name}'"),
    "log.retire.membership": ("{user} a mis fin au siège « {name} » (au {date})",
                              "{user} ended the seat '{name}' (on {date})"),
    "log.retire.tie": ("{user} a mis fin au lien « {name} » (au {date})",
                       "{user} ended the tie '{name}' (on {date})"),
    "log.insert.assessment": ("{user} a ajouté l’autoévaluation « {name} »",
                              "{user} added the self-assessment '{name}'"),
    "log.update.assessment": ("{user} a modifié l’autoévaluation « {name} »",
                              "{user} changed the self-assessment '{name}'"),
    "log.delete.assessment": ("{user} a supprimé l’autoévaluation « {name} »",
                              "{user} deleted the self-assessment '{name}'"),
    "log.delete.committee": ("{user} a supprimé le comité « {name} »",
                             "{user} deleted the committee '{name}'"),
    "log.insert.membership": ("{user} a ajouté le siège « {name} »",
                              "{user} added the seat '{name}'"),
    "log.update.membership": ("{user} a modifié le siège « {name} »",
                              "{user} changed the seat '{name}'"),
    "log.delete.membership": ("{user} a supprimé le siège « {name} »",
                              "{user} deleted the seat '{name}'"),
    "log.insert.tie": ("{user} a déclaré le lien « {name} »", "{user} declared the tie '{name}'"),
    "log.update.tie": ("{user} a modifié le lien « {name} »", "{user} changed the tie '{name}'"),
    "log.delete.tie": ("{user} a supprimé le lien « {name} »", "{user} deleted the tie '{name}'"),
    "log.insert.figure": ("{user} a ajouté la donnée de programme « {name} »",
                          "{user} added the program figure '{name}'"),
    "log.update.figure": ("{user} a modifié la donnée de programme « {name} »",
                          "{user} changed the program figure '{name}'"),
    "log.delete.figure": ("{user} a supprimé la donnée de programme « {name} »",
                          "{user} deleted the program figure '{name}'"),
    "restore.insert": ("{kind} « {name} » revient", "{kind} '{name}' comes back"),
    "restore.update": ("{kind} « {name} » reprend ses valeurs d’alors",
                       "{kind} '{name}' takes back its values of then"),
    "restore.delete": ("{kind} « {name} », ajouté(e) depuis, est retiré(e) de la région",
                       "{kind} '{name}', added since, leaves the region"),
    "cli.help.init": (
        ("Crée une nouvelle région, vide, dans DB : son nom, ses territoires (séparés par "
         "« ; »), son code (suggéré à partir du nom) et, au besoin, l’organisme du programme. "
         "Refuse d’écraser une région de même code.\n\nExemple :\n\n    concert init "
         "mauricie.db --name Mauricie --territories \"Trois-Rivières;Shawinigan\""),
        ("Create a new, empty region in DB: its name, territories (separated by ';'), code "
         "(suggested from the name) and, if given, the program's own organisation. Refuses "
         "to overwrite a region of the same code.\n\nExample:\n\n    concert init "
         "mauricie.db --name Mauricie --territories \"Trois-Rivières; Shawinigan\"")),
    "cli.opt.region_name": ("Nom de la région.", "The region's name."),
    "cli.opt.territories": ("Territoires, séparés par « ; ».", "Territories, separated by ';'."),
    "cli.opt.code": ("Code de la région (par défaut : suggéré à partir du nom).",
                     "The region's code (default: suggested from the name)."),
    "cli.opt.program": ("Nom de l’organisme du programme (facultatif).",
                        "Name of the program's own organisation (optional)."),
    "cli.init_written": (("Région « {name} » (code {code}) créée dans {db} : {territories} "
                          "territoire(s). Ouvrez-la : concert serve {db}"),
                         ("Region '{name}' (code {code}) created in {db}: {territories} "
                          "territory(ies). Open it: concert serve {db}")),
    "cli.init_exists": (("{db} contient déjà une région de code « {code} » : rien n’a été "
                         "écrit. Choisissez un autre code avec --code."),
                        ("{db} already holds a region with code '{code}': nothing was "
                         "written. Choose another code with --code.")),
    "cli.example_kept": (("{db} contient déjà {regions} : rien n’a été écrit (vos "
                          "modifications sont conservées). Pour réécrire l’exemple : concert "
                          "example {db} --replace"),
                         ("{db} already holds {regions}: nothing was written (your changes "
                          "are kept). To rewrite the example: concert example {db} --replace")),
    "cli.help.directory": (
        ("Écrit le répertoire des partenaires (organismes par territoire et secteur, "
         "personnes-ressources, rôles, ententes en vigueur, comités) en CSV ou XLSX, selon "
         "l’extension de OUT. Aucun locataire n’y figure.\n\nExemple :\n\n    concert "
         "directory cn.db repertoire.xlsx"),
        ("Write the partner directory (organisations by territory and sector, contacts, "
         "roles, agreements in force, committees) as CSV or XLSX, from OUT's extension. No "
         "tenant appears in it.\n\nExample:\n\n    concert directory cn.db directory.xlsx")),
    # ---------------------------------------------------------------- library errors
    "store.no_path": ("Donnez un chemin de fichier, ou memory=True pour une base en mémoire.",
                      "Give a file path, or memory=True for an in-memory store."),
    "store.not_sqlite": ("{path} n’est pas un fichier SQLite lisible ({detail}).",
                         "{path} is not a readable SQLite file ({detail})."),
    "store.not_concert": (("{path} est un fichier SQLite mais pas une base concert (tables : "
                          "{tables}) : choisissez un autre fichier."),
                          ("{path} is a SQLite file but not a concert store (tables: "
                          "{tables}); choose another file.")),
    "store.newer": (("{path} utilise la version {version} du schéma, plus récente que celle de "
                    "ce concert ({current}) : mettez concert à jour pour l’ouvrir."),
                    ("{path} uses schema version {version}, newer than this concert's "
                    "({current}); upgrade concert to open it.")),
    "store.newer_restore": (("{path} utilise la version {version} du schéma, plus récente que "
                            "celle de ce concert ({current}) : mettez concert à jour pour la "
                            "restaurer."),
                            ("{path} uses schema version {version}, newer than this concert's "
                            "({current}); upgrade concert to restore it.")),
    "store.expects": ("{function} attend un objet de type {expected}, reçu {got}.",
                      "{function} expects an object of type {expected}, got {got}."),
    "store.region_exists": (("La région « {region} » existe déjà : passez replace=True pour la "
                            "remplacer."),
                            ("Region '{region}' already exists; pass replace=True to replace "
                            "it.")),
    "store.save_failed": (("L’enregistrement de la région « {region} » a échoué, rien n’a été "
                          "écrit ({detail})."),
                          "Saving region '{region}' failed, nothing was written ({detail})."),
    "store.assessment_failed": (("L’enregistrement de l’évaluation « {assessment} » a échoué, "
                                "rien n’a été écrit ({detail})."),
                                ("Saving assessment '{assessment}' failed, nothing was written "
                                "({detail}).")),
    "store.no_region": ("Aucune région « {region} » dans la base.",
                        "No region '{region}' in the store."),
    "store.no_record_at": ("La région « {region} » n’avait aucune fiche au {at}.",
                           "Region '{region}' had no record at {at}."),
    "store.unknown_table": ("Table inconnue « {table} ».", "Unknown table '{table}'."),
    "region.no_actor": ("Aucun acteur « {actor} » dans la région « {region} ».",
                        "No actor '{actor}' in region '{region}'."),
    "region.no_agreement": ("Aucune entente « {agreement} » dans la région « {region} ».",
                            "No agreement '{agreement}' in region '{region}'."),
    "region.no_committee": ("Aucun comité « {committee} » dans la région « {region} ».",
                            "No committee '{committee}' in region '{region}'."),
    "region.no_assessment": ("La région « {region} » n’a aucune évaluation.",
                             "Region '{region}' has no assessment."),
    "region.no_assessment_id": (("Aucune évaluation « {assessment} » dans la région "
                                "« {region} »."),
                                "No assessment '{assessment}' in region '{region}'."),
    "records.unknown_kind": (("Type de fiche inconnu « {kind} » (valeurs attendues : "
                             "{expected})."),
                             "Unknown record kind '{kind}' (expected one of: {expected})."),
    "fw.unknown_code": (("Code inconnu « {code} » pour la liste {table} (valeurs attendues : "
                        "{expected})."),
                        ("Unknown code '{code}' for list {table} (expected one of: "
                        "{expected}).")),
    "fw.unknown_agreement_type": (("Type d’entente inconnu « {code} » (valeurs attendues : I, "
                                  "II, III)."),
                                  ("Unknown agreement type '{code}' (expected one of: I, II, "
                                  "III).")),
    "fw.unknown_indicator": ("Indicateur inconnu « {code} » (valeurs attendues : {expected}).",
                             "Unknown indicator '{code}' (expected one of: {expected})."),
    "fw.unknown_criterion": ("Critère inconnu « {code} ».", "Unknown criterion '{code}'."),
    "schema.undeclared": ("{kind} : champs sans déclaration dans le schéma : {fields}.",
                          "{kind}: fields without a schema declaration: {fields}."),
    "schema.no_field": ("{kind} n’a pas de champ « {name} ».", "{kind} has no field '{name}'."),
    "indicators.rule_type": (("Une règle de stade doit renvoyer un objet de type {expected}, "
                             "reçu {got}."),
                             ("A stage rule must return an object of type {expected}, got "
                             "{got}.")),
    "synth.n_actors": ("n_actors doit être un nombre entier d’au moins 10.",
                       "n_actors must be an integer of at least 10."),
    "io.unknown_encoding": ("encodage inconnu : {encoding}", "unknown encoding: {encoding}"),
    "files.reason.locked": ("la base est verrouillée par un autre programme",
                            "the database is locked by another program"),
    # ---------------------------------------------------------------- record fields
    # How a person reads a field's name: column headers of the import and export tables,
    # form labels, names in messages. ``field.<kind>.<name>`` overrides ``field.<name>``
    # for one kind of record (see concert.schema.field_label).
    "field.id": ("identifiant", "id"),
    "field.code": ("code", "code"),
    "field.name": ("nom", "name"),
    "field.type": ("type", "type"),
    "field.kind": ("type", "kind"),
    "field.sector": ("secteur", "sector"),
    "field.territories": ("territoires", "territories"),
    "field.roles": ("rôles", "roles"),
    "field.role": ("rôle", "role"),
    "field.contacts": ("personnes-ressources", "contacts"),
    "field.engagement": ("engagement", "engagement"),
    "field.acronym": ("sigle", "acronym"),
    "field.note": ("note", "note"),
    "field.source": ("source", "source"),
    "field.illustrative": ("illustratif", "illustrative"),
    "field.since": ("depuis", "since"),
    "field.until": ("jusqu’au", "until"),
    "field.email": ("courriel", "email"),
    "field.phone": ("téléphone", "phone"),
    "field.actor": ("acteur", "actor"),
    "field.committee": ("comité", "committee"),
    "field.mandate": ("mandat", "mandate"),
    "field.meetings_per_year": ("rencontres par an", "meetings per year"),
    "field.seat": ("siège", "seat"),
    "field.person": ("personne", "person"),
    "field.signed_on": ("signée le", "signed on"),
    "field.ends_on": ("fin le", "ends on"),
    "field.status": ("statut", "status"),
    "field.renews": ("reconduit", "renews"),
    "field.parties": ("parties", "parties"),
    "field.tenant_code": ("code locataire", "tenant code"),
    "field.target": ("cible", "target"),
    "field.project": ("projet", "project"),
    "field.source_ref": ("référence", "reference"),
    "field.frequency": ("fréquence", "frequency"),
    "field.on": ("date", "date"),
    "field.answers": ("réponses", "answers"),
    "field.label": ("libellé", "label"),
    "field.criterion": ("critère", "criterion"),
    "field.level": ("niveau", "level"),
    "field.respondent": ("répondant", "respondent"),
    "field.evidence": ("preuve", "evidence"),
    "field.value": ("valeur", "value"),
    "field.unit": ("unité", "unit"),
    "field.as_of": ("au", "as of"),
    "field.definition_fr": ("définition", "definition (fr)"),
    "field.definition_en": ("définition (en)", "definition (en)"),
    "field.assessment": ("évaluation", "assessment"),
    "field.housing_provider": ("propriétaire", "housing provider"),
    "field.program": ("programme", "program"),
    "field.referring_org": ("organisme référent", "referring organisation"),
    "field.worker_org": ("organisme de l’intervenant", "worker organisation"),
    "field.worker": ("intervenant", "worker"),
    "field.password": ("mot de passe", "password"),
    "field.display_name": ("nom affiché", "display name"),
    "field.organisation": ("organisme", "organisation"),
    "field.region": ("région", "region"),
    "field.liaison_agent": ("agent de liaison", "liaison agent"),
    # ---------------------------------------------------------------- the follow-up loop (15)
    "field.respondent_group": ("groupe du répondant", "respondent group"),
    "field.anonymous": ("anonyme", "anonymous"),
    "field.closes_on": ("réponses jusqu’au", "answers until"),
    "field.title": ("intitulé", "title"),
    "field.action.title": ("action à mener", "what is to be done"),
    "field.lead": ("organisme responsable", "lead organisation"),
    "field.action_event.action": ("action du plan", "plan action"),
    "field.partners": ("partenaires", "partners"),
    "field.due": ("échéance", "due"),
    "field.gap": ("écart visé", "gap answered"),
    "field.target_figure": ("donnée visée", "target figure"),
    "field.target_value": ("valeur cible", "target value"),
    "field.target_on": ("cible à atteindre le", "target date"),
    "field.adopted_on": ("adoptée le", "adopted on"),
    "field.log": ("journal", "log"),
    "field.by": ("par", "by"),
    "field.agreement": ("entente", "agreement"),
    "field.commitment": ("engagement", "commitment"),
    "field.reviewed_on": ("revu le", "reviewed on"),
    "field.next_review": ("prochaine revue", "next review"),
    "kind.action": ("action du plan", "plan action"),
    "kind.action_event": ("étape du journal d’une action", "action log entry"),
    "kind.commitment": ("revue d’engagement", "commitment review"),
    "rule.action.target": (("une cible mesurable demande la donnée visée et sa valeur, "
                            "ensemble"),
                           "a measurable target needs both the target figure and its value"),
    "rule.commitment.unknown": ("engagement inconnu {value}", "unknown commitment {value}"),
    "rule.commitment.no_agreement": ("entente inconnue {agreement}",
                                     "unknown agreement {agreement}"),
    "rule.commitment.type": ("cet engagement n’est pas celui d’une entente {type}",
                             "this commitment is not one of an agreement {type}"),
    "rule.answer.already": (("l’organisme {organisation} a déjà répondu à cette évaluation "
                             "anonyme"),
                            ("organisation {organisation} already answered this anonymous "
                            "assessment")),
    "fw.unknown_commitment": ("Engagement inconnu « {code} ».", "Unknown commitment '{code}'."),
    "link.unknown": ("Lien de réponse inconnu ou remplacé.",
                     "Unknown or replaced answer link."),
    "link.expired": ("Ce lien de réponse a expiré le {on}.", "This answer link expired on {on}."),
    "link.scope": (("Ce lien de réponse ne permet pas de répondre à l’évaluation "
                    "« {assessment} »."),
                   "This answer link does not allow answering assessment '{assessment}'."),
    "answer.other_organisation": (("Accès refusé : vous ne pouvez répondre qu’au nom de votre "
                                   "organisme (demandé : {organisation})."),
                                  ("Access denied: you may answer only for your own "
                                  "organisation (asked: {organisation}).")),
    "answer.no_organisation": ("Indiquez l’organisme qui répond.",
                               "Say which organisation answers."),
    "store.busy": (("La région « {region} » change sans cesse : réessayez dans un moment."),
                   "Region '{region}' keeps changing: try again in a moment."),
    "responses.anonymous_organisation": (
        ("L’évaluation « {assessment} » est anonyme : les réponses d’un organisme ne sont pas "
         "montrées."),
        "Assessment '{assessment}' is anonymous: one organisation's answers are not shown."),
    "responses.unknown_group": ("Groupe inconnu « {group} » (valeurs attendues : {expected}).",
                                "Unknown group '{group}' (expected one of: {expected})."),
    "responses.too_few": (("Groupe « {group} » : {n} réponses, il en faut au moins {min} pour "
                           "les montrer sans nommer personne."),
                          ("Group '{group}': {n} answers; at least {min} are needed to show "
                          "them without naming anyone.")),
    "responses.all": ("Tous les organismes", "All organisations"),
    "gap.governance.selection_size": (
        ("{committee} : {n} organismes siègent, la source en prévoit {size} (Annexe 3, "
         "cl. 7.1.3)."),
        ("{committee}: {n} organisations seated, the source provides for {size} (Annex 3, "
        "cl. 7.1.3).")),
    "gap.commitment.not_kept": (("Entente {agreement} : engagement non respecté par {party} — "
                                "{commitment}."),
                                ("Agreement {agreement}: commitment not kept by {party} — "
                                "{commitment}.")),
    "gap.commitment.review_overdue": (
        "Entente {agreement} : revue en retard depuis le {date} ({party} — {commitment}).",
        "Agreement {agreement}: review overdue since {date} ({party} — {commitment})."),
    "gap.commitment.iii_not_kept": (
        "Ententes III : {n} engagements non respectés (suivis par l’agent de liaison).",
        "Agreements III: {n} commitments not kept (followed by the liaison agent)."),
    "plan.evidence.yes": (("Plan d’action adopté avec une cible chiffrée et datée (échéancier "
                           "commun) : {n} action(s)."),
                          ("Action plan adopted with a dated, measurable target (common "
                           "timetable): {n} action(s).")),
    "plan.evidence.no": ("Aucune action adoptée avec une cible chiffrée et datée ({n}).",
                         "No adopted action with a dated, measurable target ({n})."),
    "commitment.unreviewed": ("Jamais revu", "Never reviewed"),
    "review.review_overdue": (("Entente {agreement} : revue en retard depuis le {date} — {party}, "
                              "{commitment}"),
                              ("Agreement {agreement}: review overdue since {date} — {party}, "
                              "{commitment}")),
    "review.review_due": (("Entente {agreement} : revue à faire le {date} — {party}, "
                          "{commitment}"),
                          ("Agreement {agreement}: review due on {date} — {party}, "
                          "{commitment}")),
    "review.notice": (("Entente {agreement} : dernier jour pour donner l’avis de fin, le {date} "
                       "(six mois avant la fin, Annexe 3, cl. 12.2)"),
                      ("Agreement {agreement}: last day to give notice of ending, {date} "
                      "(six months before the end, Annex 3, cl. 12.2)")),
    "review.renewal": (("Entente {agreement} : prend fin le {date}, à reconduire ou non "
                       "(Annexe 3, cl. 13)"),
                       ("Agreement {agreement}: ends on {date}, to renew or not "
                       "(Annex 3, cl. 13)")),
    "review.review_iii": ("Ententes III : {n} engagements à revoir (agent de liaison)",
                          "Agreements III: {n} commitments to review (liaison agent)"),
    "ics.action": ("Échéance de l’action : {title}", "Action due: {title}"),
    "ics.action.detail": ("Responsable : {lead}. Statut : {status}.",
                          "Lead: {lead}. Status: {status}."),
    "ics.target": ("Cible : {title} — {value} {unit}", "Target: {title} — {value} {unit}"),
    "ics.calendar": ("Concertation — {region}", "Intersectoral concertation — {region}"),
    "ics.what": ("Calendrier", "Calendar"),
    "cli.help.calendar": (
        ("Écrit un calendrier iCalendar (.ics, RFC 5545) des échéances : actions du plan, "
         "cibles, revues des engagements, dates d’avis et fins des ententes II. Aucun "
         "locataire n’y figure.\n\nExemple :\n\n    concert calendar cn.db concertation.ics"),
        ("Write an iCalendar file (.ics, RFC 5545) of the dates that fall due: the plan's "
         "actions, targets, commitment reviews, notice dates and ends of agreements II. No "
         "tenant appears in it.\n\nExample:\n\n    concert calendar cn.db concertation.ics")),
    "field.caller_group": ("groupe d’appelants", "caller group"),
    "field.caller_kind": ("appelant", "caller"),
    "field.reasons": ("raisons de l’appel", "reasons for the call"),
    "field.call.referring_org": ("organisme référent", "referring organisation"),
    "field.call.housing_provider": ("propriétaire ou gestionnaire", "owner or manager"),
    "field.tree": ("arbre décisionnel", "decision tree"),
    "field.action": ("action", "action taken"),
    "field.outcome": ("suite", "outcome"),
    "field.reevaluate_on": ("réévaluation le", "re-evaluate on"),
    "field.call.note": ("note brève (sans nom ni code)", "short note (no name, no code)"),
    # ---------------------------------------------------------------- the liaison desk
    "gap.calls.surge": (("{partner} : {n} appels « {reason} » au trimestre {quarter}, au moins "
                         "le double de la moyenne des {quarters} trimestres précédents "
                         "({mean})"),
                        ("{partner}: {n} calls '{reason}' in quarter {quarter}, at least "
                         "twice the mean of the {quarters} quarters before ({mean})")),
    "tree.warning": (fw.CLINICAL_JUDGEMENT.fr, fw.CLINICAL_JUDGEMENT.en),
    "tree.inferred": ("reconstitué à partir du commentaire (inféré)",
                      "reconstructed from the comment (inferred)"),
    "tree.stated": ("énoncé par le guide", "stated by the guide"),
    "tree.goes_to": ("voir l’arbre {tree}", "see tree {tree}"),
    "tree.end": ("fin du parcours", "end of the walk"),
    "calls.no_table": ("Tableau de décomptes inconnu « {table} » (attendus : {expected}).",
                       "Unknown table of counts '{table}' (expected: {expected})."),
    "tree.no_answer": (("L’étape {step} n’offre pas la réponse « {answer} » (réponses : "
                        "{expected})."),
                       "Step {step} offers no answer '{answer}' (answers: {expected})."),
    "tree.not_final": ("Le parcours ne peut pas se terminer à l’étape {step}.",
                       "The walk cannot finish at step {step}."),
    # ------------------------------------------------------------ the workspace's pages (issue 13)
    "dash.page.organisations": ("Organismes", "Organisations"),
    "dash.page.agreement_forms": ("Saisie des ententes", "Enter agreements"),
    "dash.page.committees": ("Comités et sièges", "Committees and seats"),
    "dash.page.ties": ("Liens déclarés", "Declared ties"),
    "dash.page.figure_forms": ("Données du programme", "Program figures"),
    "dash.page.key_actors": ("Grille des acteurs-clés", "Key-actor grid"),
    "dash.page.directory": ("Répertoire des partenaires", "Partner directory"),
    "dash.page.log": ("Journal des modifications", "Change log"),
    "dash.page.new_region": ("Nouvelle région", "New region"),
    "form.intro.organisations": (("Ajoutez, modifiez ou retirez les organismes de la région. Un "
                                  "organisme qui quitte la concertation est retiré (il garde son "
                                  "historique) ; supprimer sert seulement à corriger une erreur "
                                  "de saisie."),
                                 ("Add, edit or retire the region's organisations. An "
                                  "organisation that leaves is retired (its history is kept); "
                                  "deleting only corrects a mistake.")),
    "form.intro.agreement_forms": (("Ententes I, II et III : les parties se choisissent parmi les "
                                    "organismes que chaque rôle permet (Tableau 5) ; une entente "
                                    "prend fin, elle ne se supprime pas."),
                                   ("Agreements I, II and III: each party is chosen among the "
                                    "organisations its role allows (Tableau 5); an agreement is "
                                    "ended, not deleted.")),
    "form.intro.committees": (("Les comités de la région et les sièges qu’y occupent les "
                               "organismes."),
                              "The region's committees and the seats organisations hold on them."),
    "form.intro.ties": (("Les liens que les organismes déclarent entre eux (information, "
                         "ressources, projets, références)."),
                        ("Ties the organisations declare between them (information, resources, "
                         "projects, referrals).")),
    "form.intro.figures": ("Les chiffres du programme (logements, personnes suivies…), datés.",
                           "The program's figures (units, people followed…), dated."),
    "form.hidden": ("Les formulaires sont masqués en mode présentation et pour le rôle lecture.",
                    "Forms are hidden in presentation mode and for the reader role."),
    "form.title.actor": ("Organismes", "Organisations"),
    "form.title.agreement": ("Ententes", "Agreements"),
    "form.title.committee": ("Comités", "Committees"),
    "form.title.membership": ("Sièges", "Seats"),
    "form.title.tie": ("Liens", "Ties"),
    "form.title.figure": ("Données", "Figures"),
    "form.new.actor": ("Nouvel organisme", "New organisation"),
    "form.new.agreement": ("Nouvelle entente", "New agreement"),
    "form.new.committee": ("Nouveau comité", "New committee"),
    "form.new.membership": ("Nouveau siège", "New seat"),
    "form.new.tie": ("Nouveau lien", "New tie"),
    "form.new.figure": ("Nouvelle donnée", "New figure"),
    "form.choose": ("Enregistrement à modifier", "Record to edit"),
    "form.save": ("Enregistrer", "Save"),
    "form.delete": ("Supprimer (erreur de saisie)", "Delete (entered by mistake)"),
    "form.delete_yes": ("Oui, supprimer", "Yes, delete"),
    "form.cancel": ("Annuler", "Cancel"),
    "form.delete_confirm": (("Supprimer « {what} » ? La suppression sert à corriger une erreur "
                             "de saisie ; un organisme qui quitte se retire, une entente prend "
                             "fin."),
                            ("Delete '{what}'? Deleting corrects a mistake; an organisation "
                             "that leaves is retired, an agreement is ended.")),
    "form.deleted": ("Supprimé.", "Deleted."),
    "form.not_deleted": ("Rien n’a été supprimé :", "Nothing was deleted:"),
    "form.end_on": ("À compter du (AAAA-MM-JJ)", "From (YYYY-MM-DD)"),
    "form.end.actor": ("Retirer l’organisme", "Retire the organisation"),
    "form.end.agreement": ("Mettre fin à l’entente", "End the agreement"),
    "form.ended.actor": (("Organisme retiré à compter du {date} : ses sièges et ses liens "
                          "prennent fin."),
                         "Organisation retired from {date}: its seats and ties end."),
    "form.ended.agreement": ("Entente terminée à compter du {date}.",
                             "Agreement ended from {date}."),
    "form.in_force": ("Ententes encore en vigueur, à terminer ou à transférer :",
                      "Agreements still in force, to end or transfer:"),
    "form.bad_date": ("Date invalide « {value} » : AAAA-MM-JJ attendu.",
                      "Invalid date '{value}': YYYY-MM-DD expected."),
    "form.author": ("Votre nom (pour le journal des modifications)",
                    "Your name (for the change log)"),
    "form.author_hint": ("p. ex. Camille L.", "e.g. Camille L."),
    "form.author_needed": (("Indiquez d’abord votre nom en haut de la page : le journal des "
                            "modifications le montre."),
                           ("First give your name at the top of the page: the change log shows "
                            "it.")),
    "form.texts_hint": ("séparés par « ; »", "separated by ';'"),
    "form.integer": ("un nombre entier est attendu, reçu « {value} »",
                     "a whole number is expected, got '{value}'"),
    "form.number": ("un nombre est attendu, reçu « {value} »",
                    "a number is expected, got '{value}'"),
    "form.invalid": ("Ces valeurs ne forment pas un enregistrement valide.",
                     "These values do not make a valid record."),
    "form.check": ("À corriger avant d’enregistrer :", "To correct before saving:"),
    "form.not_saved": ("Rien n’a été enregistré, le formulaire est conservé :",
                       "Nothing was saved, the form is kept:"),
    "form.conflict": (("Rien n’a été enregistré, ce que vous avez saisi est conservé. {detail} "
                       "Rechargez la région pour voir sa version, puis refaites la "
                       "modification."),
                      ("Nothing was saved, what you typed is kept. {detail} Reload the region "
                       "to see its version, then make the change again.")),
    "form.saved": ("« {what} » enregistré.", "'{what}' saved."),
    "form.retired": ("retiré", "retired"),
    "form.agreement_iii": ("entente III n° {n}", "agreement III no. {n}"),
    "form.add.contact": ("Ajouter une personne-ressource", "Add a contact"),
    "form.add.party": ("Ajouter une partie", "Add a party"),
    "form.empty_row": ("Pour retirer une personne-ressource, videz ses champs puis enregistrez.",
                       "To remove a contact, empty its fields, then save."),
    "form.tenant_hint": ("code du locataire (jamais son nom)", "tenant's code (never a name)"),
    "form.tenant_kept": ("code enregistré, masqué : laissez vide pour le garder",
                         "stored code, hidden: leave empty to keep it"),
    "form.party": ("Partie", "Party"),
    "form.commitment": ("Engagement", "Commitment"),
    "form.commitments": ("Engagements de chaque partie — {type} (Tableau 5)",
                         "Commitments of each party — {type} (Tableau 5)"),
    "grid.intro": (("Tableau 6 : pour chaque type d’acteur-clé, les organismes de chaque "
                    "territoire et leur engagement. Une case vide d’un type attendu dans chaque "
                    "territoire est un manque."),
                   ("Tableau 6: for each key-actor type, the organisations of each territory "
                    "and their engagement. An empty cell of a type expected in every territory "
                    "is a gap.")),
    "grid.type": ("Type d’acteur-clé", "Key-actor type"),
    "grid.scope.territory": ("attendu dans chaque territoire", "expected in every territory"),
    "grid.scope.region": ("une fois pour la région", "once for the region"),
    "grid.role": ("Rôle", "Role"),
    "grid.interest": ("Intérêt", "Interest"),
    "grid.role_is": ("Rôle : {text}", "Role: {text}"),
    "grid.interest_is": ("Intérêt : {text}", "Interest: {text}"),
    "grid.empty": ("Aucun : {type} manque à {territory}", "None: {type} missing in {territory}"),
    "grid.add": ("{type} — territoire : {territory}", "{type} — territory: {territory}"),
    "grid.add_chosen": ("➕ Ajouter un organisme de ce type ici",
                        "➕ Add an organisation of this type here"),
    "grid.gaps": ("Manques par territoire", "Gaps by territory"),
    "grid.fill": ("Case vide à combler", "Empty cell to fill"),
    "grid.gap": ("Manque", "Gap"),
    "grid.no_gap": ("Aucun manque : chaque territoire a ses acteurs-clés.",
                    "No gap: every territory has its key actors."),
    "directory.intro": (("Les organismes par territoire et par secteur, avec leurs "
                         "personnes-ressources (coordonnées professionnelles seulement), leurs "
                         "ententes en vigueur et leurs comités. Aucun locataire n’y figure."),
                        ("Organisations by territory and sector, with their contact people "
                         "(professional details only), agreements in force and committees. No "
                         "tenant ever appears.")),
    "directory.caption": ("Répertoire des partenaires — {region}", "Partner directory — {region}"),
    "directory.empty": ("Aucun organisme pour l’instant.", "No organisation yet."),
    "directory.csv": ("Télécharger (CSV)", "Download (CSV)"),
    "directory.xlsx": ("Télécharger (Excel)", "Download (Excel)"),
    "directory.print": ("Imprimer", "Print"),
    "report.download": ("Télécharger le rapport du comité (HTML)",
                        "Download the committee report (HTML)"),
    "log.intro": (("Qui a changé quoi et quand, heure du Québec, avec l’avant et l’après de "
                   "chaque champ modifié."),
                  ("Who changed what and when, Québec time, with the before and after of "
                   "each field changed.")),
    "log.kinds": ("Types d’enregistrement", "Kinds of record"),
    "log.since": ("Depuis le", "Since"),
    "log.until": ("Jusqu’au", "Until"),
    "log.empty": ("Aucune modification.", "No change."),
    "log.details": ("{n} champ(s)", "{n} field(s)"),
    "log.more": ("… et {n} modifications plus anciennes (filtrez par date).",
                 "… and {n} older changes (filter by date)."),
    "log.field": ("Champ", "Field"),
    "log.before": ("Avant", "Before"),
    "log.after": ("Après", "After"),
    "log.now": ("Maintenant", "Now"),
    "log.then": ("Après restauration", "After restoring"),
    "log.restore_title": ("Revenir à un état passé", "Bring back a past state"),
    "log.restore_date": ("État de la région au (AAAA-MM-JJ)", "The region as of (YYYY-MM-DD)"),
    "log.restore_preview": ("Voir ce qui changerait", "See what would change"),
    "log.restore_plan": ("Revenir à l’état du {date} changerait :",
                         "Going back to {date} would change:"),
    "log.restore_nothing": ("Rien ne changerait : la région est déjà dans cet état.",
                            "Nothing would change: the region is already so."),
    "log.restore_confirm": ("Confirmer : revenir à cet état", "Confirm: go back to that state"),
    "log.restored": ("Région ramenée à son état du {date} (enregistrement audité).",
                     "Region brought back to {date} (an audited save)."),
    "log.restore_failed": ("La région n’a pas été restaurée :", "The region was not restored:"),
    "start.intro": (("Créez votre région : son nom, ses territoires et l’organisme du programme. "
                     "Rien n’est écrit avant « Créer la région »."),
                    ("Create your region: its name, its territories and the program's "
                     "organisation. Nothing is written before 'Create the region'.")),
    "start.name": ("Nom de la région *", "Region name *"),
    "start.name_hint": ("p. ex. Mauricie", "e.g. Mauricie"),
    "start.code": ("Code (proposé à partir du nom)", "Code (suggested from the name)"),
    "start.territories": ("Territoires (un par ligne, ou séparés par « ; »)",
                          "Territories (one a line, or separated by ';')"),
    "start.territories_hint": ("p. ex. Trois-Rivières ; Shawinigan",
                               "e.g. Trois-Rivières; Shawinigan"),
    "start.program": ("Organisme du programme", "The program's organisation"),
    "start.program_hint": ("p. ex. Clés en main Mauricie", "e.g. Clés en main Mauricie"),
    "start.save": ("Créer la région", "Create the region"),
    "start.saved": ("Région « {region} » créée.", "Region '{region}' created."),
    "start.pick": ("Région", "Region"),
    # ---------------------------------------------------------------- follow-up pages (issue 15)
    "dash.page.bilan": ("Bilan des membres", "Members' assessment"),
    "dash.page.plan": ("Plan d’action", "Action plan"),
    "dash.page.engagements": ("Engagements", "Commitments"),
    "dash.page.figures": ("Chiffres et documents", "Figures and documents"),
    "fu.no_store": ("Rien ne peut être enregistré : ce tableau de bord n’a pas de base de données.",
                    "Nothing can be saved: this dashboard has no database."),
    "fu.not_saved": ("Non enregistré : {detail}", "Not saved: {detail}"),
    "fu.bad_date": ("{field} : une date AAAA-MM-JJ ou JJ/MM/AAAA est attendue.",
                    "{field}: a date YYYY-MM-DD or DD/MM/YYYY is expected."),
    "fu.bad_number": ("{field} : un nombre est attendu.", "{field}: a number is expected."),
    "fu.required": ("{field} : ce champ est obligatoire.", "{field}: this field is required."),
    "fu.none_option": ("— aucun", "— none"),
    "fu.choose_option": ("— choisir", "— choose"),
    "fu.bilan.intro": (("Le secrétariat ouvre un bilan ; chaque organisation siégeant au comité "
                        "de gestion y répond en son nom, depuis son compte ou par un lien "
                        "personnel. Les réponses sont préremplies à partir des précédentes."),
                       ("The secretary opens an assessment; each organisation seated on the "
                        "management committee answers it in its own name, from its account or "
                        "through a personal link. Answers start from its previous ones.")),
    "fu.bilan.open_title": ("Ouvrir un bilan", "Open an assessment"),
    "fu.bilan.id": ("Identifiant", "Identifier"),
    "fu.bilan.label": ("Titre", "Title"),
    "fu.bilan.on": ("Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)"),
    "fu.bilan.closes": ("Dernier jour pour répondre (AAAA-MM-JJ)",
                        "Last day to answer (YYYY-MM-DD)"),
    "fu.bilan.anonymous": ("Réponses anonymes (agrégats seulement, au moins {n} par groupe)",
                           "Anonymous answers (aggregates only, at least {n} per group)"),
    "fu.bilan.open": ("Ouvrir le bilan", "Open the assessment"),
    "fu.bilan.opened": ("Bilan « {id} » ouvert.", "Assessment '{id}' opened."),
    "fu.bilan.choose": ("Bilan consulté", "Assessment shown"),
    "fu.bilan.none": ("Aucun bilan n’est ouvert : ouvrez-en un ci-dessus.",
                      "No assessment is open: open one above."),
    "fu.bilan.answer_title": ("Répondre au nom d’une organisation",
                              "Answer in an organisation's name"),
    "fu.bilan.as_org": ("Organisation qui répond", "Organisation answering"),
    "fu.bilan.as_session": ("Vous répondez au nom de l’organisme : {org}.",
                            "You answer in the name of the organisation: {org}."),
    "fu.bilan.prefilled": (("Réponses préremplies à partir des réponses précédentes de "
                            "l’organisme : {org}."),
                           "Answers filled in from the organisation's previous answers: {org}."),
    "fu.bilan.not_prefilled": (("Aucune réponse précédente de l’organisme ({org}) : tout est à "
                                "remplir."),
                               ("No previous answer from the organisation ({org}): everything "
                                "is to fill in.")),
    "fu.bilan.submit": ("Enregistrer les réponses", "Save the answers"),
    "fu.bilan.submitted": ("{n} réponses enregistrées pour « {id} » (organisme : {org}).",
                           "{n} answers saved for '{id}' (organisation: {org})."),
    "fu.bilan.anon_once": (("Bilan anonyme : chaque organisation répond une seule fois, sans "
                            "préremplissage ; ses réponses sont gardées sans son nom."),
                           ("Anonymous assessment: each organisation answers once, nothing is "
                            "filled in; its answers are kept without its name.")),
    "fu.bilan.results": ("Résultats du bilan", "Results of the assessment"),
    "fu.bilan.received": ("Réponses reçues : {n} sur {total} organismes du comité de gestion",
                          ("Answers received: {n} of {total} organisations of the management "
                           "committee")),
    "fu.bilan.answered": ("A répondu", "Answered"),
    "fu.bilan.missing": ("Sans réponse", "No answer"),
    "fu.bilan.summary": ("Réponses par critère : médiane, plus basse, plus haute ({view})",
                         "Answers by criterion: median, lowest, highest ({view})"),
    "fu.bilan.hidden": ("masqué (moins de {n} réponses)", "hidden (fewer than {n} answers)"),
    "fu.bilan.anon_note": (("Bilan anonyme : agrégats seulement, aucune organisation n’est "
                            "nommée ; un groupe de moins de {n} réponses n’est pas montré."),
                           ("Anonymous assessment: aggregates only, no organisation is named; "
                            "a group of fewer than {n} answers is not shown.")),
    "fu.bilan.flags": (("{n} critères où les médianes des deux pôles diffèrent de {levels} "
                        "niveaux ou plus (la neutralité entre les deux secteurs est la condition "
                        "du programme)"),
                       ("{n} criteria where the two poles' medians differ by {levels} levels or "
                        "more (neutrality between the two sectors is the program's condition)")),
    "fu.bilan.poles_apart": ("Les deux pôles ne peuvent pas encore être comparés : {why}.",
                             "The two poles cannot be compared yet: {why}."),
    "fu.bilan.pole_none": ("« {pole} » n’a aucune réponse", "'{pole}' has no answers"),
    "fu.bilan.pole_few": ("« {pole} » a moins de {n} réponses par critère (bilan anonyme)",
                          "'{pole}' has fewer than {n} answers per criterion (anonymous)"),
    "fu.bilan.flag": ("⚑ écart de {d}", "⚑ gap of {d}"),
    "fu.bilan.view": ("Lire les réponses de", "Read the answers of"),
    "fu.bilan.view_all": ("Toutes les réponses", "All answers"),
    "fu.bilan.view_org": ("Organisation : {name}", "Organisation: {name}"),
    "fu.bilan.too_few": ("Trop peu de réponses pour montrer ce groupe (au moins {n}).",
                         "Too few answers to show this group (at least {n})."),
    "fu.bilan.no_answers": ("Aucune réponse pour l’instant.", "No answers yet."),
    "fu.col.criterion": ("Critère", "Criterion"),
    "fu.col.answers": ("Réponses", "Answers"),
    "fu.col.median": ("Médiane", "Median"),
    "fu.col.low": ("Plus basse", "Lowest"),
    "fu.col.high": ("Plus haute", "Highest"),
    "fu.col.housing": ("Pôle habitation : médiane", "Housing pole: median"),
    "fu.col.health": ("Pôle santé et services sociaux : médiane",
                      "Health and social-services pole: median"),
    "fu.col.flag": ("Écart entre pôles", "Gap between poles"),
    "fu.bilan.pole_cell": ("{median} ({n} rép.)", "{median} (n = {n})"),
    "fu.col.organisation": ("Organisme", "Organisation"),
    "fu.col.group": ("Groupe", "Group"),
    "fu.col.answered": ("Réponse", "Answer"),
    "fu.links.title": ("Liens personnels de réponse", "Personal answer links"),
    "fu.links.intro": (("Un lien par organisation : il permet de répondre à ce bilan seulement, "
                        "au nom de cette organisation, jusqu’à sa date d’expiration. Il n’est "
                        "montré qu’une fois : copiez-le ou téléchargez la liste maintenant. Un "
                        "nouveau lien remplace "
                        "l’ancien."),
                       ("One link per organisation: it answers this assessment only, in that "
                        "organisation's name, until it expires. It is shown once: copy it or "
                        "download the list now. "
                        "A new link replaces the old one.")),
    "fu.links.orgs": ("Organismes", "Organisations"),
    "fu.links.make": ("Générer les liens", "Make the links"),
    "fu.links.col_link": ("Lien (à copier)", "Link (to copy)"),
    "fu.links.col_expires": ("Dernier jour", "Last day"),
    "fu.links.made": ("{n} liens générés, montrés une seule fois.",
                      "{n} links made, shown once only."),
    "fu.links.pick": ("Choisissez au moins une organisation.", "Choose at least one organisation."),
    "fu.links.local": (("Ces liens ne s’ouvrent que sur cet ordinateur : ils mènent à "
                        "l’adresse {host}, que les autres ordinateurs ne joignent pas. Pour que "
                        "les membres répondent depuis leur bureau, servez le tableau de bord à "
                        "une adresse qu’ils peuvent joindre (README, section « Serving a "
                        "committee » ; options --address et --allow-origin de « concert serve "
                        "--help »), ouvrez-le par cette adresse et générez de nouveaux liens ; "
                        "ou faites-les répondre ici, sur cet ordinateur."),
                       ("These links open on this computer only: they lead to {host}, which "
                        "other computers cannot reach. For members to answer from their own "
                        "desks, serve the dashboard at an address they can reach (README, "
                        "section 'Serving a committee'; the --address and --allow-origin "
                        "options of 'concert serve --help'), open it by that address and make "
                        "new links; or have them answer here, on this computer.")),
    "fu.links.download": ("Télécharger ces liens (CSV, pour un publipostage)",
                          "Download these links (CSV, for a mail merge)"),
    "fu.links.csv_org": ("organisme", "organisation"),
    "fu.links.csv_link": ("lien", "link"),
    "fu.links.csv_expires": ("expire le", "expires on"),
    "fu.link.title": ("Bilan « {label} » — réponse de l’organisme : {org}",
                      "Assessment '{label}' — answer of the organisation: {org}"),
    "fu.link.invalid": ("Ce lien ne permet pas de répondre. {detail}",
                        "This link cannot answer. {detail}"),
    "fu.link.expires": ("Ce lien fonctionne jusqu’au {date} inclus.",
                        "This link works until {date} inclusive."),
    "fu.plan.intro": (("Le comité adopte une étape des « Prochaines étapes » comme action : quoi, "
                       "qui la mène, avec qui, pour quand, ce à quoi elle répond et, au besoin, "
                       "une cible chiffrée liée à un chiffre du programme."),
                      ("The committee adopts a step of the 'Next steps' as an action: what, who "
                       "leads it, with whom, by when, what it answers and, if wanted, a measurable "
                       "target tied to a program figure.")),
    "fu.plan.adopt_title": ("Adopter une étape comme action", "Adopt a step as an action"),
    "fu.plan.step": ("Étape (critère manquant des Prochaines étapes)",
                     "Step (missing criterion of the Next steps)"),
    "fu.plan.title": ("Quoi", "What"),
    "fu.plan.lead": ("Organisation responsable", "Lead organisation"),
    "fu.plan.partners": ("Partenaires", "Partners"),
    "fu.plan.due": ("Échéance (AAAA-MM-JJ)", "Due (YYYY-MM-DD)"),
    "fu.plan.target_figure": ("Cible : chiffre du programme (facultatif)",
                              "Target: program figure (optional)"),
    "fu.plan.target_value": ("Valeur visée", "Value to reach"),
    "fu.plan.target_on": ("Cible pour le (AAAA-MM-JJ)", "Target by (YYYY-MM-DD)"),
    "fu.plan.adopt": ("Adopter l’action", "Adopt the action"),
    "fu.plan.adopted": ("Action « {title} » adoptée.", "Action '{title}' adopted."),
    "fu.plan.caption": ("Plan d’action au {date}", "Action plan on {date}"),
    "fu.plan.empty": ("Aucune action adoptée pour l’instant.", "No action adopted yet."),
    "fu.plan.late": ("en retard", "late"),
    "fu.plan.status_title": ("Changer le statut d’une action", "Change an action's status"),
    "fu.plan.action": ("Action à mettre à jour", "Action to update"),
    "fu.plan.new_status": ("Nouveau statut", "New status"),
    "fu.plan.on": ("À partir du (AAAA-MM-JJ)", "From (YYYY-MM-DD)"),
    "fu.plan.set": ("Enregistrer le statut", "Save the status"),
    "fu.plan.status_saved": ("« {title} » : {status} à partir du {date}.",
                             "'{title}': {status} from {date}."),
    "fu.plan.log": ("Journal des actions", "Log of the actions"),
    "fu.plan.late_title": ("Actions en retard", "Late actions"),
    "fu.plan.late_none": ("Aucune action en retard.", "No late action."),
    "fu.plan.days_late": ("{n} jours de retard", "{n} days late"),
    "fu.plan.targets_title": ("Cibles et dernier chiffre", "Targets and latest figure"),
    "fu.plan.targets_none": ("Aucune action ne porte de cible chiffrée.",
                             "No action carries a measurable target."),
    "fu.plan.reached": ("atteinte", "reached"),
    "fu.plan.missed": ("date passée, non atteinte", "date passed, not reached"),
    "fu.plan.under_way": ("en cours", "under way"),
    "fu.plan.no_figure": ("aucun chiffre encore", "no figure yet"),
    "fu.col.what": ("Action adoptée", "Adopted action"),
    "fu.col.lead": ("Responsable", "Lead"),
    "fu.col.partners": ("Partenaires", "Partners"),
    "fu.col.due": ("Échéance", "Due"),
    "fu.col.status": ("Statut", "Status"),
    "fu.col.answers_to": ("Répond à", "Answers"),
    "fu.col.target": ("Cible", "Target"),
    "fu.col.by": ("Par", "By"),
    "fu.col.note": ("Remarque", "Note"),
    "fu.col.source": ("Provenance", "Source"),
    "fu.col.figure": ("Chiffre", "Figure"),
    "fu.col.goal": ("Visé", "Aimed at"),
    "fu.col.goal_on": ("Pour le", "By"),
    "fu.col.latest": ("Dernier chiffre", "Latest figure"),
    "fu.col.as_of": ("Au", "As of"),
    "fu.col.progress": ("Où en est-on", "Where it stands"),
    "fu.col.definition": ("Définition", "Definition"),
    "fu.col.value": ("Valeur", "Value"),
    "fu.col.unit": ("Unité", "Unit"),
    "fu.col.party": ("Partie", "Party"),
    "fu.col.agreement": ("Entente", "Agreement"),
    "fu.col.commitment": ("Engagement", "Commitment"),
    "fu.col.reviewed": ("Revu le", "Reviewed on"),
    "fu.col.next": ("Prochaine revue", "Next review"),
    "fu.col.what_due": ("Quoi", "What"),
    "fu.col.count": ("Nombre", "Number"),
    "fu.eng.intro": (("Les engagements de chaque partie des ententes I et II signées (Tableau 5 et "
                      "clauses des annexes) : leur respect, une note et la prochaine revue."),
                     ("Each party's commitments under the signed ententes I and II (Tableau 5 "
                      "and the annexes' clauses): whether kept, a note and the next review.")),
    "fu.eng.caption": ("Entente {type} « {agreement} »", "Entente {type} '{agreement}'"),
    "fu.eng.none": ("Aucune entente I ou II signée en vigueur.",
                    "No signed entente I or II in force."),
    "fu.eng.overdue": ("revue en retard", "review overdue"),
    "fu.eng.form_title": ("Noter le respect d’un engagement",
                          "Record whether a commitment is kept"),
    "fu.eng.which_agreement": ("Entente", "Agreement"),
    "fu.eng.which": ("Engagement", "Commitment"),
    "fu.eng.full_text": ("Texte complet de l’engagement ({party}, {source}) :",
                         "The commitment in full ({party}, {source}):"),
    "fu.eng.reviewed_on": ("Revu le (AAAA-MM-JJ)", "Reviewed on (YYYY-MM-DD)"),
    "fu.eng.next": ("Prochaine revue (AAAA-MM-JJ, facultatif)",
                    "Next review (YYYY-MM-DD, optional)"),
    "fu.eng.save": ("Enregistrer", "Save"),
    "fu.eng.saved": ("Engagement « {commitment} » de l’entente {agreement} : {status}.",
                     "Commitment '{commitment}' of entente {agreement}: {status}."),
    "fu.eng.review_title": ("Revue annuelle des ententes", "Annual review of the ententes"),
    "fu.eng.review_none": ("Rien à revoir dans l’année.", "Nothing to review within the year."),
    "fu.eng.iii_title": ("Ententes III : décomptes seulement", "Ententes III: counts only"),
    "fu.eng.iii_note": (("Une entente III lie un locataire : le comité voit les décomptes, jamais "
                         "le statut d’un locataire ; l’agent(e) de liaison en fait le suivi."),
                        ("An entente III binds a tenant: the committee sees counts, never a "
                         "tenant's status; the liaison agent follows them up.")),
    "fu.eng.iii_overdue": ("Revues en retard", "Reviews overdue"),
    "fu.eng.iii_liaison": ("Ententes III (rôle de liaison)", "Ententes III (liaison role)"),
    "fu.review.review_due": ("Revue à faire", "Review due"),
    "fu.review.review_overdue": ("Revue en retard", "Review overdue"),
    "fu.review.notice": ("Préavis (entente II)", "Notice (entente II)"),
    "fu.review.renewal": ("Fin ou reconduction", "End or renewal"),
    "fu.review.review_iii": ("Ententes III (décompte)", "Ententes III (count)"),
    "fu.review.review_never": ("Jamais revus", "Never reviewed"),
    "fu.review.group_never": (("{n} ententes dont les engagements n’ont jamais été revus : à "
                               "revoir — {agreements}"),
                              ("{n} ententes whose commitments were never reviewed: to "
                               "review — {agreements}")),
    "fu.review.group_never_one": (("1 entente dont les engagements n’ont jamais été revus : à "
                                   "revoir — {agreements}"),
                                  ("1 entente whose commitments were never reviewed: to "
                                   "review — {agreements}")),
    "fu.review.group_due": ("Entente {agreement} : {n} engagements à revoir, à partir du {date}",
                            "Entente {agreement}: {n} commitments to review, from {date}"),
    "fu.review.group_due_one": ("Entente {agreement} : 1 engagement à revoir, le {date}",
                                "Entente {agreement}: 1 commitment to review, on {date}"),
    "fu.review.group_overdue_one": (("Entente {agreement} : 1 revue d’engagement en retard "
                                    "depuis le {date}"),
                                    ("Entente {agreement}: 1 commitment review overdue since "
                                    "{date}")),
    "fu.review.group_overdue": (("Entente {agreement} : {n} revues d’engagements en retard "
                                 "depuis le {date}"),
                                ("Entente {agreement}: {n} commitment reviews overdue since "
                                 "{date}")),
    "pdf.watch": ("Engagements non respectés ou à surveiller", "Commitments not kept or to watch"),
    "fu.fig.title": ("Chiffres du programme au fil du temps", "Program figures over time"),
    "fu.fig.intro": (("Chaque chiffre est montré avec sa date et sa définition : une même mesure "
                      "peut être comptée autrement d’une source à l’autre."),
                     ("Each figure is shown with its date and definition: the same measure may "
                      "be counted differently from one source to another.")),
    "fu.fig.none": ("Aucun chiffre du programme enregistré.", "No program figure recorded."),
    "fu.fig.caption": ("{code} : valeurs et définitions", "{code}: values and definitions"),
    "fu.fig.illustrative": ("illustratif", "illustrative"),
    "fu.dl.title": ("Documents à remettre", "Documents to hand out"),
    "fu.dl.report_html": ("Rapport (HTML)", "Report (HTML)"),
    "fu.dl.report_pdf": ("Rapport (PDF)", "Report (PDF)"),
    "fu.paper.letter": ("Lettre (8½ × 11)", "Letter (8½ × 11)"),
    "fu.dl.paper": ("Format du papier", "Paper size"),
    "fu.dl.calendar": ("Calendrier des échéances (.ics)", "Calendar of due dates (.ics)"),
    "fu.dl.calendar_note": (("Actions dues, revues d’engagements et dates de préavis, à importer "
                             "ou à suivre dans n’importe quel agenda."),
                            ("Actions due, commitment reviews and notice dates, to import or "
                             "subscribe to in any calendar.")),
    "fu.ov.title": ("Suivi du plan d’action", "Follow-up of the action plan"),
    "pdf.title": ("Rapport du comité : {region}", "Committee report: {region}"),
    "pdf.date": ("Produit le {date}", "Produced on {date}"),
    "pdf.page": ("Page {n} de {total}", "Page {n} of {total}"),
    "pdf.stage": ("Stade de la concertation", "Stage of the concertation"),
    "pdf.matrix": ("Matrice de maturité", "Maturity matrix"),
    "pdf.map": ("Carte des acteurs", "Stakeholder map"),
    "pdf.history": ("Historique des bilans", "History of the assessments"),
    "pdf.plan": ("Plan d’action", "Action plan"),
    "pdf.commitments": ("Engagements à revoir", "Commitments to review"),
    "pdf.figures": ("Chiffres du programme", "Program figures"),
    "pdf.nothing": ("Rien à signaler.", "Nothing to report."),
    "cli.opt.paper": ("Format du papier du rapport PDF", "Paper size of the PDF report"),
    # ---- named-account login, administration and account pages (dashboard, issue 12)
    "serve.login.other_lang": ("English", "Français"),
    "serve.login.wait_account": (("Trop d’essais depuis votre adresse ou pour ce compte : "
                                 "réessayez dans {seconds} s."),
                                 ("Too many attempts from your address or for this account: "
                                 "try again in {seconds} s.")),
    "serve.first.title": ("concert — premier compte d’administration",
                          "concert — first administrator account"),
    "serve.first.help": (("Ce fichier n’a encore aucun compte. Créez le compte de la personne "
                         "qui administrera le tableau de bord (comptes, copies de sauvegarde, "
                         "conservation) ; elle ajoutera ensuite les autres comptes."),
                         ("This file holds no account yet. Create the account of the person "
                         "who will administer the dashboard (accounts, backups, retention); "
                         "they will then add the other accounts.")),
    "serve.first.display_name": ("Nom affiché (facultatif)", "Display name (optional)"),
    "serve.first.organisation": ("Organisme pour lequel vous parlez",
                                 "Organisation you speak for"),
    "serve.first.confirm": ("Mot de passe (encore)", "Password (again)"),
    "serve.first.submit": ("Créer le compte et entrer", "Create the account and enter"),
    "serve.first.mismatch": ("Les deux mots de passe diffèrent : rien n’a été créé.",
                             "The two passwords differ: nothing was created."),
    "serve.first.failed": ("Le compte n’a pas pu être créé.", "The account could not be created."),
    "serve.first.exists": ("Le premier compte existe déjà : connectez-vous.",
                           "The first account already exists: sign in."),
    "serve.first.local": (("Le premier compte d’administration se crée depuis l’ordinateur qui "
                          "sert le tableau de bord (http://localhost), ou avec « concert user "
                          "add BASE NOM --role admin »."),
                          ("The first administrator account is created from the computer that "
                          "serves the dashboard (http://localhost), or with 'concert user add "
                          "DB NAME --role admin'.")),
    "serve.no_account": (("Le compte « {user} » n’existe plus : déconnectez-vous puis "
                         "reconnectez-vous avec un autre compte."),
                         ("Account '{user}' no longer exists: sign out, then sign in with "
                         "another account.")),
    "serve.accounts_unread": (("Le fichier ne pouvait pas être lu au démarrage et contient "
                               "maintenant des comptes : redémarrez « concert serve » pour "
                               "se connecter avec eux."),
                              ("The file could not be read at start-up and now holds accounts: "
                               "restart 'concert serve' to sign in with them.")),
    "dash.page.admin": ("Administration", "Administer"),
    "dash.page.account": ("Mon compte", "My account"),
    "dash.page.tenant_codes": ("Codes de locataires", "Tenant codes"),
    "dash.signed_in": ("Connecté·e : {user} — {organisation} ({role})",
                       "Signed in: {user} — {organisation} ({role})"),
    "dash.group.region": ("Région", "Region"),
    "dash.group.records": ("Saisie de la région", "Region records"),
    "dash.group.committee": ("Comité", "Committee"),
    "dash.group.liaison": ("Agent de liaison", "Liaison agent"),
    "dash.group.admin": ("Administration", "Administration"),
    "dash.group.account": ("Compte", "Account"),
    "dash.logout": ("Se déconnecter", "Sign out"),
    "dash.admin.accounts": ("Comptes", "Accounts"),
    "dash.admin.login": ("Nom d’utilisateur", "User name"),
    "dash.admin.display_name": ("Nom affiché", "Display name"),
    "dash.admin.organisation": ("Organisme", "Organisation"),
    "dash.admin.role": ("Rôle", "Role"),
    "dash.admin.password": ("Mot de passe (au moins {min} caractères)",
                            "Password (at least {min} characters)"),
    "dash.admin.add_title": ("Ajouter un compte", "Add an account"),
    "dash.admin.add": ("Ajouter le compte", "Add the account"),
    "dash.admin.added": ("Compte « {name} » ajouté.", "Account '{name}' added."),
    "dash.admin.manage_title": ("Retirer un compte ou changer son mot de passe",
                                "Remove an account or reset its password"),
    "dash.admin.account": ("Compte", "Account"),
    "dash.admin.remove": ("Retirer ce compte", "Remove this account"),
    "dash.admin.removed": ("Compte « {name} » retiré.", "Account '{name}' removed."),
    "dash.admin.new_password": ("Nouveau mot de passe (au moins {min} caractères)",
                                "New password (at least {min} characters)"),
    "dash.admin.reset": ("Changer son mot de passe", "Reset its password"),
    "dash.admin.reset_done": (("Mot de passe de « {name} » changé : transmettez-le-lui de vive "
                               "voix."), "Password of '{name}' reset: tell it to them in person."),
    "dash.admin.no_account": ("Choisissez un compte.", "Choose an account."),
    "dash.admin.retention_title": ("Conservation des codes de locataires (Loi 25)",
                                   "Retention of tenant codes (Law 25)"),
    "dash.admin.retention_help": (("Les ententes III terminées depuis plus longtemps que cette "
                                  "durée sont retirées par la purge, avec leurs lignes "
                                  "d’historique et du journal des accès."),
                                  ("Agreements III ended longer ago than this period are "
                                  "removed by the purge, with their rows in the history and the "
                                  "access log.")),
    "dash.admin.retention_months": ("Durée, en mois après la fin d’une entente III",
                                    "Period, in months after an agreement III ended"),
    "dash.admin.retention_now": ("Durée actuelle : {months} mois.",
                                 "Current period: {months} months."),
    "dash.admin.retention_unset": ("Aucune durée n’est fixée.", "No period is set."),
    "dash.admin.retention_save": ("Enregistrer la durée", "Save the period"),
    "dash.admin.retention_saved": ("Durée de conservation : {months} mois.",
                                   "Retention period: {months} months."),
    "dash.admin.purge_plan": ("Voir ce que la purge retirerait", "See what the purge would remove"),
    "dash.admin.purge_confirm": ("Confirmer la purge : {n} entente(s) III",
                                 "Confirm the purge: {n} agreement(s) III"),
    "dash.admin.purge_cancel": ("Annuler", "Cancel"),
    "dash.admin.purge_header": (("Ententes III terminées avant le {cutoff} (conservation : "
                                "{months} mois), qui seraient retirées :"),
                                ("Agreements III ended before {cutoff} (retention: {months} "
                                "months), which would be removed:")),
    "dash.admin.purge_agreement": ("Entente III", "Agreement III"),
    "dash.admin.purge_region": ("Région", "Region"),
    "dash.admin.purge_ended": ("Terminée le", "Ended on"),
    "dash.admin.purge_rows": ("Lignes d’historique / du journal", "History / log rows"),
    "dash.admin.purge_gone": ("(déjà retirée de la région)", "(already removed from the region)"),
    "dash.admin.purge_none": ("Rien à retirer : aucune entente III n’a pris fin avant le {cutoff}.",
                              "Nothing to remove: no agreement III ended before {cutoff}."),
    "dash.admin.purge_done": (("Retiré : ententes III : {agreements} ; lignes d’historique : "
                              "{audit} ; du journal : {log}."),
                              ("Removed: agreements III: {agreements}; history rows: {audit}; "
                              "log rows: {log}.")),
    "dash.admin.purge_nothing": ("Préparez d’abord la purge.", "Prepare the purge first."),
    "dash.admin.backup_title": ("Copie de sauvegarde", "Backup"),
    "dash.admin.backup_help": (("Une copie complète du fichier, codes de locataires compris : "
                               "gardez-la en lieu sûr. Chaque copie est inscrite au journal "
                               "des accès."),
                               ("A full copy of the file, tenant codes included: store it "
                               "securely. Each copy is written to the access log.")),
    "dash.account.who": ("Compte : {user} — organisme : {organisation} — rôle : {role}",
                         "Account: {user} — organisation: {organisation} — role: {role}"),
    "dash.account.none": (("Ce tableau de bord n’utilise pas de comptes nommés : il n’y a pas de "
                          "mot de passe personnel à changer."),
                          ("This dashboard uses no named accounts: there is no personal "
                          "password to change.")),
    "dash.account.password_title": ("Changer mon mot de passe", "Change my password"),
    "dash.account.old": ("Mot de passe actuel", "Current password"),
    "dash.account.new": ("Nouveau mot de passe (au moins {min} caractères)",
                         "New password (at least {min} characters)"),
    "dash.account.confirm": ("Nouveau mot de passe (encore)", "New password (again)"),
    "dash.account.change": ("Changer le mot de passe", "Change the password"),
    "dash.account.changed": ("Mot de passe changé.", "Password changed."),
    "dash.account.mismatch": ("Les deux nouveaux mots de passe diffèrent : rien n’a été changé.",
                              "The two new passwords differ: nothing was changed."),
    "dash.tenant.title": ("Codes de locataires des ententes III", "Tenant codes of agreements III"),
    "dash.tenant.help": (("Visibles par l’agent(e) de liaison seulement ; chaque affichage est "
                         "inscrit au journal des accès."),
                         ("Shown to the liaison agent only; each showing is written to the "
                         "access log.")),
    "dash.tenant.agreement": ("Entente", "Agreement"),
    "dash.tenant.code": ("Code du locataire", "Tenant code"),
    "dash.tenant.worker": ("Organisme référent", "Referring organisation"),
    "dash.tenant.none": ("Aucune entente III.", "No agreement III."),
    # ---------------------------------------------------------------- the liaison desk's pages
    "dash.page.calls": ("Appels", "Calls"),
    "dash.page.calls_committee": ("Appels — vue du comité", "Calls — committee view"),
    "dash.page.trees": ("Arbres de décision", "Decision trees"),
    "desk.log.title": ("Appels : le journal de l’agent de liaison",
                       "Calls: the liaison agent's log"),
    "desk.log.intro": (("Un appel se note en moins d’une minute : les champs codés portent "
                        "l’appel. Les champs marqués d’un astérisque (*) sont obligatoires."),
                       ("A call is recorded in under a minute: the coded fields carry the "
                        "call. Fields marked with an asterisk (*) are required.")),
    "desk.log.no_accounts": (
        ("Ce fichier n’a pas de comptes. Le journal des appels contient des codes de locataires : "
         "il ne s’ouvre qu’à un compte d’agent de liaison connecté. Pour en créer un, en ligne "
         "de commande : « concert user add BASE NOM --role liaison --org ORGANISME » (le premier "
         "compte d’un fichier doit être un compte d’administration : créez-le d’abord avec "
         "--role admin), puis relancez le tableau de bord et connectez-vous. En attendant, voici "
         "les décomptes des appels ; les tableaux complets sont à la page « Appels — vue du "
         "comité »."),
        ("This file has no accounts. The call log holds tenant codes: it opens only to a signed-in "
         "liaison agent's account. To create one, on the command line: \"concert user add DB "
         "NAME --role liaison --org ORGANISATION\" (a file's first account must be an "
         "administrator's: create it first with --role admin), then start the dashboard again "
         "and sign in. Meanwhile, here are the counts of the calls; the full tables are on the "
         "\"Calls — committee view\" page.")),
    "desk.log.sign_in": (
        ("Le journal des appels est réservé à l’agent de liaison : connectez-vous avec un compte "
         "d’agent de liaison. Voici les décomptes des appels."),
        ("The call log is the liaison agent's only: sign in with a liaison agent's account. Here "
         "are the counts of the calls.")),
    "desk.log.not_liaison": (
        ("Le journal des appels est réservé à l’agent de liaison (votre rôle : {role}). Le comité "
         "en voit les décomptes, ci-dessous et à la page « Appels — vue du comité »."),
        ("The call log is the liaison agent's only (your role: {role}). The committee sees its "
         "counts, below and on the \"Calls — committee view\" page.")),
    "desk.no_store": ("Sans base de données, il n’y a pas de journal des appels.",
                      "Without a database there is no call log."),
    "desk.kinds.caption": ("Appels par appelant, {start} – {end}",
                           "Calls by caller, {start} – {end}"),
    "desk.field.on": ("Date de l’appel (AAAA-MM-JJ) *", "Date of the call (YYYY-MM-DD) *"),
    "desk.field.group": ("Groupe d’appelants *", "Caller group *"),
    "desk.field.kind": ("Appelant *", "Caller *"),
    "desk.field.reasons": ("Raisons de l’appel (une ou plusieurs) *",
                           "Reasons for the call (one or more) *"),
    "desk.field.tenant_code": ("Code pseudonyme du locataire (s’il y en a un)",
                               "Tenant's pseudonymous code (if there is one)"),
    "desk.field.referring_org": ("Organisme référent", "Referring organisation"),
    "desk.field.housing_provider": ("Propriétaire ou gestionnaire", "Owner or manager"),
    "desk.field.tree": ("Arbre suivi", "Tree followed"),
    "desk.field.action": ("Action", "Action taken"),
    "desk.field.outcome": ("Suite", "Outcome"),
    "desk.field.reevaluate_on": ("Réévaluation le (AAAA-MM-JJ)", "Re-evaluate on (YYYY-MM-DD)"),
    "desk.field.note": ("Note brève (facultative, {max} caractères au plus)",
                        "Short note (optional, at most {max} characters)"),
    "desk.none": ("— aucun —", "— none —"),
    "desk.note_notice": (
        ("Pas de texte clinique ici : les champs codés portent l’appel. La note ne contient ni "
         "nom ni code de locataire ; elle refuse ce qui en a l’air, sans pouvoir tout reconnaître "
         "(un prénom seul, un nom écrit en minuscules) : c’est une protection, pas une "
         "garantie."),
        ("No clinical text here: the coded fields carry the call. The note holds no name and no "
         "tenant code; it refuses what looks like one, but cannot catch everything (a first name "
         "alone, a name in lower case): a safeguard, not a guarantee.")),
    "desk.save": ("Enregistrer l’appel", "Save the call"),
    "desk.saved": ("Appel {id} enregistré le {date}.", "Call {id} saved on {date}."),
    "desk.not_saved": ("Appel non enregistré : corrigez les champs signalés.",
                       "Call not saved: correct the fields shown."),
    "desk.refused": ("Appel non enregistré : {detail}", "Call not saved: {detail}"),
    "desk.need_session": (("Appel non enregistré : seul un compte d’agent de liaison connecté "
                           "peut noter un appel."),
                          ("Call not saved: only a signed-in liaison agent's account may "
                           "record a call.")),
    "desk.new": ("Nouvel appel", "New call"),
    "desk.recent": ("Appels récents (les {n} derniers sur {total})",
                    "Recent calls (the last {n} of {total})"),
    "desk.recent.empty": ("Aucun appel noté.", "No call recorded."),
    "desk.col.on": ("Date de l’appel", "Call date"),
    "desk.col.caller": ("Appelant", "Caller"),
    "desk.col.reasons": ("Raisons", "Reasons"),
    "desk.col.tenant_code": ("Code du locataire", "Tenant code"),
    "desk.col.organisations": ("Organismes", "Organisations"),
    "desk.col.tree": ("Arbre", "Tree"),
    "desk.col.action": ("Action et suite", "Action and outcome"),
    "desk.col.reevaluate_on": ("Réévaluation", "Re-evaluation"),
    "desk.col.note": ("Note brève", "Short note"),
    "desk.com.title": ("Appels — vue du comité : les appels à l’agent de liaison",
                       "Calls — committee view: the calls to the liaison agent"),
    "desk.com.intro": (
        ("Des décomptes seulement : aucun code de locataire, aucune note. Les appelants sont "
         "comptés comme le guide les compte : un locataire par son code, un intervenant par "
         "organisme et dossier, un propriétaire par organisme ; un appelant compte sous chaque "
         "raison pour laquelle il a appelé."),
        ("Counts only: no tenant code, no note. Callers are counted as the guide counts them: a "
         "tenant by code, a worker by organisation and file, an owner by organisation; a caller "
         "counts under every reason they called for.")),
    "desk.com.start": ("Du (AAAA-MM-JJ)", "From (YYYY-MM-DD)"),
    "desk.com.end": ("Au (AAAA-MM-JJ)", "To (YYYY-MM-DD)"),
    "desk.com.bad_period": (("Période invalide : entrez deux dates AAAA-MM-JJ, la première avant "
                             "la seconde."),
                            ("Invalid period: enter two dates YYYY-MM-DD, the first before the "
                             "second.")),
    "desk.com.summary": ("{calls} appels du {start} au {end}.",
                         "{calls} calls from {start} to {end}."),
    "desk.com.table": ("{table} rebâti — {group} : {calls} appels sur la période",
                       "{table} rebuilt — {group}: {calls} calls in the period"),
    "desk.com.col.reason": ("Raison", "Reason"),
    "desk.com.col.callers": ("Appelants distincts", "Distinct callers"),
    "desk.com.col.calls": ("Appels", "Calls"),
    "desk.com.col.guide": ("Au guide (son année)", "In the guide (its year)"),
    "desk.com.col.kind": ("Appelant", "Caller"),
    "desk.com.guide_note": (
        ("« Au guide » : les nombres des Tableaux 11 à 13 du guide, pour sa dernière année (non "
         "datée), donnés pour comparer ; ils ne portent pas sur la période choisie. Guide : {t11} "
         "appels de locataires, {t12} d’intervenants, {t13} de propriétaires ou gestionnaires."),
        ("\"In the guide\": the numbers of the guide's Tableaux 11 to 13, for its last (undated) "
         "year, given for comparison; they are not about the period chosen. Guide: {t11} calls "
         "from tenants, {t12} from workers, {t13} from owners or managers.")),
    "desk.com.trend": ("Tendance par trimestre", "Trend by quarter"),
    "desk.com.trend_chart": ("Appels par trimestre et par groupe d’appelants",
                             "Calls by quarter and caller group"),
    "desk.com.quarter": ("Trimestre", "Quarter"),
    "desk.com.trend_table": ("Raisons les plus fréquentes : appels par trimestre",
                             "Most frequent reasons: calls by quarter"),
    "desk.com.partial": ("{quarter} (partiel)", "{quarter} (partial)"),
    "desk.com.by_referring": ("Appels par organisme référent", "Calls by referring organisation"),
    "desk.com.by_provider": ("Appels par propriétaire ou gestionnaire de logement",
                             "Calls by housing owner or manager"),
    "desk.com.col.org": ("Organisme", "Organisation"),
    "desk.com.unnamed": ("(aucun organisme inscrit)", "(no organisation recorded)"),
    "desk.com.reevaluations": ("Réévaluations à faire au {on}", "Re-evaluations due on {on}"),
    "desk.com.col.group": ("Groupe d’appelants", "Caller group"),
    "desk.com.col.tree": ("Arbre", "Tree"),
    "desk.com.col.overdue": ("En retard", "Overdue"),
    "desk.com.col.due_soon": ("Dans les {days} jours", "Within {days} days"),
    "desk.com.col.later": ("Plus tard", "Later"),
    "desk.com.no_tree": ("(aucun)", "(none)"),
    "desk.com.none_due": ("Aucune réévaluation inscrite.", "No re-evaluation set."),
    "desk.com.follow_up": (("« Fin de suivi / transfert de dossier » et l’engagement de "
                            "l’entente II"),
                           "\"End of follow-up / file transfer\" and the entente II commitment"),
    "desk.com.commitment": ("Engagement de l’organisme référent (entente II) : {text}",
                            "The referring organisation's commitment (entente II): {text}"),
    "desk.com.col.follow_up_calls": ("Appels « fin de suivi »", "\"End of follow-up\" calls"),
    "desk.com.col.reactivations": ("Réactivations demandées ou obtenues",
                                   "Reactivations asked or obtained"),
    "desk.com.col.agreement_ii": ("Entente II en vigueur", "Entente II in force"),
    "desk.com.yes": ("oui", "yes"),
    "desk.com.no": ("non", "no"),
    "desk.com.no_follow_up": ("Aucun appel « fin de suivi » sur la période.",
                              "No \"end of follow-up\" call in the period."),
    "desk.com.gaps": ("Signaux : hausses d’appels", "Signals: surges in calls"),
    "desk.com.gaps_rule": (
        ("Une raison est signalée quand ses appels au sujet d’un partenaire, en un trimestre, "
         "atteignent au moins {factor} fois leur moyenne des {quarters} trimestres précédents, "
         "et au moins {minimum} appels (règle de concert, paramétrable)."),
        ("A reason is flagged when its calls about one partner in a quarter reach at least "
         "{factor} times their mean over the {quarters} quarters before, and at least {minimum} "
         "calls (concert's rule, a parameter).")),
    "desk.com.no_gaps": ("Aucun signal sur la période.", "No signal in the period."),
    "desk.com.empty": ("Aucun appel sur la période.", "No call in the period."),
    "desk.tree.title": ("Arbres de décision de l’agent de liaison",
                        "Decision trees of the liaison agent"),
    "desk.tree.intro": (
        ("Parcourez un arbre étape par étape : chaque étape est un commentaire numéroté du "
         "guide (Images 4 à 6). Les schémas ne sont pas dans le texte : « (inféré) » marque une "
         "étape ou un lien reconstitué à partir des commentaires."),
        ("Walk a tree step by step: each step is a numbered comment of the guide (Images 4 to "
         "6). The diagrams are not in the text: \"(inferred)\" marks a step or a link "
         "reconstructed from the comments.")),
    "desk.tree.choose": ("Arbre", "Tree"),
    "desk.tree.step": ("Étape {code}", "Step {code}"),
    "desk.tree.inferred_mark": ("(inféré)", "(inferred)"),
    "desk.tree.comment": ("Commentaire du guide ({source})", "The guide's comment ({source})"),
    "desk.tree.answers": ("Réponses", "Answers"),
    "desk.tree.path": ("Parcours : {path}", "Path: {path}"),
    "desk.tree.restart": ("Recommencer", "Start again"),
    "desk.tree.back": ("Revenir d’une étape", "One step back"),
    "desk.tree.finish": ("Terminer le parcours", "Finish the walk"),
    "desk.tree.finish_log": ("Terminer et noter l’appel", "Finish and record the call"),
    "desk.tree.can_finish": ("Le parcours peut s’arrêter à cette étape.",
                             "The walk may stop at this step."),
    "desk.tree.done": (("Parcours terminé. Appel à noter : {tree} ; action : {action} ; "
                        "suite : {outcome} ; réévaluation le {date}."),
                       ("Walk finished. Call to record: {tree}; action: {action}; "
                        "outcome: {outcome}; re-evaluate on {date}.")),
    "desk.tree.prefilled": (("Nouvel appel prérempli par le parcours (arbre, action, suite, "
                             "réévaluation) : complétez-le puis enregistrez-le."),
                            ("New call prefilled by the walk (tree, action, outcome, "
                             "re-evaluation): complete it, then save it.")),
    "desk.tree.whole": ("L’arbre {tree} en entier", "Tree {tree} in full"),
    "desk.tree.col.step": ("Étape", "Step"),
    "desk.tree.col.answer": ("Réponse", "Answer"),
    "desk.tree.col.target": ("Mène à", "Leads to"),
    "log.date_placeholder": ("AAAA-MM-JJ", "YYYY-MM-DD"),
}


def t(key: str, lang: str | None = None, /, **values: Any) -> str:
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


def gap_name(rule: str, lang: str | None = None) -> str:
    """A gap rule's short name: ``"agreement.expiring"``, "Entente qui prend fin bientôt".

    The rule as given when unknown.
    """
    key = f"gap_name.{rule}"
    return t(key, lang) if key in TEXT else str(rule)


def answer_label(code: str, lang: str | None = None) -> str:
    """The label of a decision tree's answer (``yes``, ``no``, ``next``, ``tenant``...)."""
    try:
        entry = fw.tree_answer(code)
    except KeyError:
        return str(code)
    return entry.fr if (lang or settings.language) == "fr" else entry.en


def step_label(code: str, lang: str | None = None) -> str:
    """A decision tree step's wording (``"A2"``: "S’agit-il d’un non-paiement de loyer ?")."""
    try:
        step = fw.decision_tree(code[:1]).step(code)
    except KeyError:
        return str(code)
    return step.fr if (lang or settings.language) == "fr" else step.en


def step_comment(code: str, lang: str | None = None) -> str:
    """The guide's comment for a decision tree step, in ``lang``."""
    step = fw.decision_tree(code[:1]).step(code)
    return step.comment_fr if (lang or settings.language) == "fr" else step.comment_en


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
