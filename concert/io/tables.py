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

Column types: ``text``; ``list`` (values separated by ``;``); ``date`` (``AAAA-MM-JJ``,
``JJ/MM/AAAA`` or an Excel date); ``bool`` (oui/non, yes/no, vrai/faux, true/false, x, 1/0;
empty is no); ``int``; ``float``. A coded column (``vocab``) takes a code or its French or
English label (:mod:`concert.io.values`); a column naming an organisation (``ref``) takes
its identifier, its name or its acronym.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass

from concert import schema
from concert.region import ALL_RECORD_TYPES

__all__ = ["HEADER_SYNONYMS", "TABLES", "Column", "Table", "normalise", "table_for"]


@dataclass(frozen=True)
class Column:
    """A column: the record field it fills, its French and English headers, type, need."""

    field: str
    fr: str
    en: str
    type: str = "text"
    required: bool = False
    vocab: str = ""  # the vocabulary of a coded column (codes or labels accepted)
    ref: str = ""    # the kind of record a column names (by id, name or acronym)


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
        """The column a header names, or ``None``.

        Its French or English header, its field, or a word of :data:`HEADER_SYNONYMS`.
        """
        key = normalise(header)
        for c in self.columns:
            if key in (normalise(c.fr), normalise(c.en), normalise(c.field)):
                return c
        for c in self.columns:
            if key in {normalise(w) for w in HEADER_SYNONYMS.get((self.name, c.field), ())}:
                return c
        return None


# Other words people head a column with, by (table, field). Inferred, not in the source:
# how Québec's community and housing organisations write a spreadsheet ("organisme" for
# an organisation, "tél." for a telephone). A header naming a column of its own wins.
_ORG = ("organisme", "organisation", "organization", "nom de l’organisme")
HEADER_SYNONYMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("actors", "name"): (*_ORG, "raison sociale"),
    ("actors", "acronym"): ("acronyme",),
    ("contacts", "actor"): _ORG,
    ("contacts", "email"): ("adresse courriel", "e-mail", "email", "adresse électronique"),
    ("contacts", "phone"): ("tél.", "tél", "tel", "no de téléphone", "numéro de téléphone"),
    ("memberships", "actor"): _ORG,
}


_VALUE_TYPES = {"texts": "list", "codes": "list", "date": "date", "bool": "bool", "int": "int",
                "float": "float"}


def _columns(kind: str, *, skip: tuple[str, ...] = (), rename: dict[str, str] | None = None,
             ) -> tuple[Column, ...]:
    """The columns of a record kind's fields, from its declaration (:mod:`concert.schema`)."""
    out = []
    cls = ALL_RECORD_TYPES[kind]
    for name, spec in schema.specs(cls):
        if spec.kind == "items" or name in skip:
            continue
        required = spec.required or (schema.default_of(cls, name) is dataclasses.MISSING)
        field = (rename or {}).get(name, name)
        vocab = spec.table if spec.kind in ("code", "codes") else (
            "level" if (kind, name) == ("answer", "level") else "")
        refs = spec.table if spec.kind == "ref" and spec.table in ("actor", "committee") else ""
        out.append(_column(kind, field, field, _VALUE_TYPES.get(spec.kind, "text"), required,
                           vocab=vocab, ref=refs))
    return tuple(out)


def _column(kind: str, name: str, field: str, type_: str = "text",
            required: bool = False, *, vocab: str = "", ref: str = "") -> Column:
    """A column filling ``field``, headed by the labels of ``kind``'s field ``name``."""
    return Column(field, schema.field_label(kind, name, "fr"),
                  schema.field_label(kind, name, "en"), type_, required, vocab, ref)


def _after(columns: tuple[Column, ...], field: str, extra: tuple[Column, ...]
           ) -> tuple[Column, ...]:
    i = next(i for i, c in enumerate(columns) if c.field == field) + 1
    return columns[:i] + extra + columns[i:]


# An agreement's parties are written as columns, one per kind of party; a worker is
# named with the organisation the worker belongs to.
_PARTY_COLUMNS = tuple(_column("party", name, name, ref="actor" if name in (
    "housing_provider", "program", "referring_org", "worker_org") else "") for name in (
    "housing_provider", "program", "referring_org", "worker_org", "worker", "liaison_agent",
    "tenant_code"))
# An assessment is written as one row per answer, the assessment's fields repeated.
_ASSESSMENT = _columns("assessment", rename={"id": "assessment"})

TABLES: tuple[Table, ...] = (
    Table("region", "région", (
        _column("region", "code", "code", required=True),
        _column("region", "name", "name", required=True),
        _column("region", "territories", "territories", "list"),
        _column("region", "note", "note"), _column("region", "source", "source"))),
    Table("actors", "acteurs", _columns("actor")),
    Table("contacts", "contacts", (_column("contact", "actor", "actor", required=True,
                                           ref="actor"),
                                   *_columns("contact"))),
    Table("committees", "comités", _columns("committee")),
    Table("memberships", "sièges", _columns("membership")),
    Table("agreements", "ententes", _after(_columns("agreement"), "renews", _PARTY_COLUMNS)),
    Table("ties", "liens", _columns("tie")),
    Table("assessments", "évaluations", _after(_ASSESSMENT, "label", _columns("answer"))),
    Table("figures", "données", _columns("figure")),
    # The plan (issue 15): one row per action, its log in a table of its own, as contacts.
    Table("actions", "actions", _columns("action")),
    Table("action_log", "journal", (_column("action_event", "action", "action",
                                                    required=True),
                                            *_columns("action_event"))),
    Table("commitments", "engagements", _columns("commitment")),
)
"""The tables, their columns derived from the record schema; French and English headers
come from the translation table's ``field.*`` entries."""

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
