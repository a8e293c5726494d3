"""The tables of the import and export formats: their names and columns, in French and English.

A region travels as up to eight tables. Each has a French and an English name
(the file name for CSV and JSON files, the sheet name in a workbook) and
columns that may be written with either their French or their English header;
headers are matched without regard to case, accents, spaces or apostrophes.

=============  ==================  =========================================================
table          also named          one row per
=============  ==================  =========================================================
region         région              the region itself (one row: code, name, territories)
actors         acteurs             organisation
contacts       contacts            professional of an organisation
committees     comites             committee
memberships    sieges              seat of an organisation on a committee
agreements     ententes            agreement I, II or III (parties as columns)
ties           liens               declared tie between two organisations
assessments    evaluations         answer of one respondent to one criterion, on a date
figures        donnees             dated program figure
=============  ==================  =========================================================

Column types: ``text``; ``list`` (values separated by ``;``); ``date`` (``AAAA-MM-JJ``);
``bool`` (oui/non, yes/no, vrai/faux, true/false, 1/0; empty is no); ``int``; ``float``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["TABLES", "Column", "Table", "normalise", "table_for"]


@dataclass(frozen=True)
class Column:
    """A column: the record field it fills, its French and English headers, type, need."""

    field: str
    fr: str
    en: str
    type: str = "text"
    required: bool = False


@dataclass(frozen=True)
class Table:
    """A table of the exchange format."""

    name: str
    fr: str
    columns: tuple[Column, ...]

    def header(self, lang: str) -> list[str]:
        """The column headers in ``lang``."""
        return [c.fr if lang == "fr" else c.en for c in self.columns]

    def column(self, header: str) -> Column | None:
        """The column a header names (French or English), or ``None``."""
        key = normalise(header)
        for c in self.columns:
            if key in (normalise(c.fr), normalise(c.en), normalise(c.field)):
                return c
        return None


C = Column
COMMON = (C("note", "note", "note"), C("source", "source", "source"),
          C("illustrative", "illustratif", "illustrative", "bool"))

TABLES: tuple[Table, ...] = (
    Table("region", "région", (
        C("code", "code", "code", required=True), C("name", "nom", "name", required=True),
        C("territories", "territoires", "territories", "list"), C("note", "note", "note"),
        C("source", "source", "source"))),
    Table("actors", "acteurs", (
        C("id", "identifiant", "id", required=True), C("name", "nom", "name", required=True),
        C("type", "type", "type", required=True), C("sector", "secteur", "sector"),
        C("territories", "territoires", "territories", "list"),
        C("roles", "rôles", "roles", "list"), C("engagement", "engagement", "engagement"),
        C("acronym", "sigle", "acronym"), *COMMON,
        C("since", "depuis", "since", "date"), C("until", "jusqu’au", "until", "date"))),
    Table("contacts", "contacts", (
        C("actor", "acteur", "actor", required=True), C("name", "nom", "name", required=True),
        C("role", "rôle", "role"), C("email", "courriel", "email"),
        C("phone", "téléphone", "phone"))),
    Table("committees", "comités", (
        C("id", "identifiant", "id", required=True), C("kind", "type", "kind", required=True),
        C("name", "nom", "name"), C("mandate", "mandat", "mandate"),
        C("meetings_per_year", "rencontres par an", "meetings per year", "int"), *COMMON)),
    Table("memberships", "sièges", (
        C("committee", "comité", "committee", required=True),
        C("actor", "acteur", "actor", required=True), C("seat", "siège", "seat"),
        C("person", "personne", "person"), C("since", "depuis", "since", "date"),
        C("until", "jusqu’au", "until", "date"), C("source", "source", "source"),
        C("illustrative", "illustratif", "illustrative", "bool"))),
    Table("agreements", "ententes", (
        C("id", "identifiant", "id", required=True), C("type", "type", "type", required=True),
        C("signed_on", "signée le", "signed on", "date"),
        C("ends_on", "fin le", "ends on", "date"), C("status", "statut", "status"),
        C("renews", "reconduit", "renews"),
        C("housing_provider", "propriétaire", "housing provider"),
        C("program", "programme", "program"),
        C("referring_org", "organisme référent", "referring organisation"),
        C("worker_org", "organisme de l’intervenant", "worker organisation"),
        C("worker", "intervenant", "worker"),
        C("liaison_agent", "agent de liaison", "liaison agent"),
        C("tenant_code", "code locataire", "tenant code"), *COMMON)),
    Table("ties", "liens", (
        C("source", "source", "source", required=True),
        C("target", "cible", "target", required=True), C("kind", "type", "kind", required=True),
        C("project", "projet", "project"), C("since", "depuis", "since", "date"),
        C("until", "jusqu’au", "until", "date"), C("note", "note", "note"),
        C("source_ref", "référence", "reference"),
        C("illustrative", "illustratif", "illustrative", "bool"))),
    Table("assessments", "évaluations", (
        C("assessment", "évaluation", "assessment", required=True),
        C("on", "date", "date", "date", required=True), C("label", "libellé", "label"),
        C("criterion", "critère", "criterion", required=True),
        C("level", "niveau", "level", "int", required=True),
        C("respondent", "répondant", "respondent"), C("evidence", "preuve", "evidence"),
        C("note", "note", "note"), C("source", "source", "source"),
        C("illustrative", "illustratif", "illustrative", "bool"))),
    Table("figures", "données", (
        C("code", "code", "code", required=True), C("value", "valeur", "value", "float", True),
        C("unit", "unité", "unit", required=True), C("as_of", "au", "as of", "date", True),
        C("definition_fr", "définition", "definition (fr)", required=True),
        C("definition_en", "définition (en)", "definition (en)"),
        C("source", "source", "source"),
        C("illustrative", "illustratif", "illustrative", "bool"))),
)

SUMMARY_NAMES = ("resume", "summary")


def normalise(text: str) -> str:
    """Lower case, no accents, and ``_`` for spaces, apostrophes and hyphens."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    out = "".join(ch if ch.isalnum() else "_" for ch in text.strip().lower())
    while "__" in out:
        out = out.replace("__", "_")
    return out.strip("_")


def table_for(name: str) -> Table | None:
    """The table a file or sheet name designates (``acteurs``, ``cn_actors``...), or ``None``.

    A name matches a table when it is the table's French or English name, possibly
    followed by ``_`` or digits (``acteurs_2024``) or preceded by a prefix and ``_``
    (``cn_acteurs``).
    """
    key = normalise(name)
    for t in TABLES:
        for n in (normalise(t.name), normalise(t.fr)):
            rest = key[len(n):] if key.startswith(n) else None
            if key.endswith("_" + n) or (rest is not None and (
                    rest == "" or rest[0] == "_" or rest[0].isdigit())):
                return t
    return None
