"""The liaison agent's call log, and the counts a committee sees of it.

The guide counts a year of calls to the liaison agents by caller and reason (Tableaux 11,
12 and 13, L4778-4937). A :class:`Call` records one call in coded fields: its date, the
caller's group and kind, one or more reasons from that group's table, the tenant's
pseudonymous code when there is one, the referring organisation, the housing provider,
the decision tree followed, the action taken, the outcome and a re-evaluation date. No
clinical free text: an optional short ``note`` refuses what looks like a tenant code or a
person's first and last name (:func:`note_problems`, a safeguard, not a guarantee).

Only the liaison role reads and writes the rows (:meth:`concert.Store.add_call`,
:meth:`concert.Store.calls`). Everyone else gets tables of counts
(:meth:`concert.Store.call_counts`, :func:`counts`). The counting functions read
:func:`facts`: one row per call without tenant code, note or id, the caller replaced by an
anonymous number so that distinct callers can still be counted; each accepts calls or
facts and returns counts only.

How callers are told apart, as the guide counts them: a tenant by their code; a worker
by organisation and file (the tenant's code); an owner by organisation (the housing
provider). A call that lacks what tells its caller apart counts as a caller of its own.

Examples
--------
>>> import datetime as dt
>>> c = Call("c1", dt.date(2025, 4, 2), "tenant", "tenant", ("omhq_admin", "move"),
...          tenant_code="CEM-2025-0001")
>>> row = reason_table([c], "tenant", lang="en").iloc[0]
>>> row["reason"], int(row["callers"]), int(row["calls"]), int(row["guide"])
('omhq_admin', 1, 1, 101)
>>> [p.rule for p in note_problems("Rappel à Jean Tremblay", "c2")]
['call.note_name']
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from concert import framework as fw
from concert import i18n, schema, settings
from concert._errors import ArgumentError, Label, Problem, raise_if
from concert._validate import as_tuple, where_of
from concert.actors import Actor
from concert.agreements import TENANT_CODE_RE, Agreement, is_current

__all__ = ["COUNT_TABLES", "FACT_COLUMNS", "NOTE_MAX", "Call", "CallsOrFacts",
           "by_organisation", "caller_key", "counts", "facts", "follow_up_end_frame",
           "note_problems", "quarter_of", "quarterly", "reason_table", "reevaluations_due",
           "totals"]

NOTE_MAX = 280
"""The longest note accepted: a few words, not a clinical record."""


@dataclass(frozen=True)
class Call:
    """One call to the liaison agent.

    Parameters
    ----------
    id : str
        Identifier unique in the region (the store's key).
    on : datetime.date
        The day of the call.
    caller_group : str
        ``tenant``, ``worker`` or ``owner`` (:data:`concert.framework.CALLER_GROUPS`).
    caller_kind : str
        A kind of that group (:data:`concert.framework.CALLER_KINDS`).
    reasons : sequence of str
        One or more reasons of that group's table (Tableau 11, 12 or 13).
    tenant_code : str
        The tenant's pseudonymous code, when there is one (the same rule as entente III).
    referring_org : str
        The referring organisation (actor id); for a worker's call, the worker's
        organisation.
    housing_provider : str
        The housing provider concerned (actor id); for an owner's call, the caller's
        organisation.
    tree : str
        The decision tree followed (``A``, ``B``, ``C``), if any.
    action, outcome : str
        Codes of :data:`concert.framework.CALL_ACTIONS` and ``CALL_OUTCOMES``.
    reevaluate_on : datetime.date or None
        When the situation is to be re-evaluated (the guide asks for one every time).
    note : str
        A short note (at most :data:`NOTE_MAX` characters) without names or codes.
    illustrative : bool
        True when invented for illustration.
    """

    kind_name: ClassVar[str] = "call"
    """The record kind, as the schema, the store and messages name it."""

    id: str = schema.ident()
    on: dt.date = schema.date(required=True, column="on_date")
    caller_group: str = schema.code("caller_group")
    caller_kind: str = schema.code("caller_kind")
    reasons: tuple[str, ...] = schema.codes("call_reason")
    tenant_code: str = schema.text("", max_len=40)
    referring_org: str = schema.ref("actor", "")
    housing_provider: str = schema.ref("actor", "")
    tree: str = schema.code("call_tree", "")
    action: str = schema.code("call_action", "")
    outcome: str = schema.code("call_outcome", "")
    reevaluate_on: dt.date | None = schema.date()
    note: str = schema.text("", max_len=NOTE_MAX)
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        object.__setattr__(self, "reasons", as_tuple(self.reasons))
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this call breaks on its own."""
        w = where_of(self.id)
        out = schema.field_problems(self, w)
        if out:
            return out
        group = fw.caller_group(self.caller_group)
        if fw.caller_kind(self.caller_kind).group != self.caller_group:
            out.append(Problem("call.kind_group", w, kind=Label("caller_kind", self.caller_kind),
                               group=Label("caller_group", self.caller_group)))
        if not self.reasons:
            out.append(Problem("call.reasons_required", w))
        allowed = group.reason_codes()
        wrong = [r for r in self.reasons if r not in allowed]
        if wrong:
            out.append(Problem("call.reason_group", w, reasons=", ".join(wrong),
                               group=Label("caller_group", self.caller_group),
                               table=group.table))
        if len(set(self.reasons)) != len(self.reasons):
            out.append(Problem("call.reason_twice", w))
        if self.tenant_code and not TENANT_CODE_RE.match(self.tenant_code):
            out.append(Problem("agreement.tenant_code", w))
        if self.reevaluate_on is not None and self.reevaluate_on < self.on:
            out.append(Problem("call.reevaluate_before", w))
        out += note_problems(self.note, w, tenant_codes=(self.tenant_code,))
        return out


# ------------------------------------------------------------------ the note's safeguard
# A token shaped like a code: capitals and digits, with at least one of each, possibly
# hyphenated ("CEM-2025-0042", "AB12"); or digits in hyphenated groups that are not an
# ISO date ("2025-0042"). Plain numbers ("21 jours") pass.
_CODE_LIKE = re.compile(
    r"(?<![\w-])(?:(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*[0-9])[A-Z0-9]+(?:-[A-Z0-9]+)*"
    r"|(?!\d{4}-\d{2}-\d{2}(?![\w-]))\d+(?:-\d+)+)(?![\w-])")
_STEP = re.compile(r"[ABC]1?[0-9]\Z")  # a decision tree's step ("A9", "B12") is no code
# Two or more capitalised words in a row ("Jean Tremblay", "Marie-Ève Côté"), or a title
# followed by one ("M. Roy", "Mme Côté"). Capitalised words that are not names (articles,
# the program's and institutions' words) do not count.
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"
_NAME_LIKE = re.compile(rf"(?<![\w’'-])({_WORD})\s+({_WORD})(?![\w-])")
_TITLE_NAME = re.compile(rf"(?<![\w])(?:M\.|Mme|Mlle|Dr|Dre|Me|Mr\.?|Mrs\.?|Ms\.?)\s+{_WORD}")
NOT_NAMES = frozenset({
    "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "en", "et", "ou", "à",
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "with", "by", "for",
    "clés", "main", "régie", "logement", "office", "municipal", "habitation", "annexe",
    "entente", "ententes", "comité", "pratiques", "gestion", "sélection", "tableau", "arbre",
    "programme", "program", "housing", "tribunal", "administratif", "centre", "ciusss",
    "cisss", "ville", "québec", "quebec", "capitale", "nationale", "portneuf", "grand",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
    "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "appel", "rappel", "call",
    "suivi", "visite", "rencontre", "locataire", "tenant", "intervenant", "intervenante",
    "propriétaire", "owner", "agent", "agente", "liaison", "omh", "omhq", "obnl", "coop",
})
"""Capitalised words that do not make a pair look like a person's name."""


def note_problems(note: Any, where: str = "", *, tenant_codes: Iterable[str] = (),
                  names: Iterable[str] = ()) -> list[Problem]:
    """Refuse a note that looks like it holds a tenant code or a person's name.

    A safeguard, not a guarantee: it catches a code-shaped token (capitals and digits,
    ``CEM-2025-0042``), a given tenant code or name written anywhere in the note (case
    and accents aside), two capitalised words in a row that are not common words
    (``Jean Tremblay``) and a title followed by a capitalised word (``Mme Côté``). It
    cannot catch a name written in lower case or a single first name; the screen says
    so and asks for coded fields instead.

    Parameters
    ----------
    note : str
        The note.
    where : str
        Where the note is (the call's id), for the messages.
    tenant_codes, names : iterable of str
        Codes and names known to the caller (the region's tenant codes, its contacts'
        names) that must not appear in the note.
    """
    if not isinstance(note, str) or not note.strip():
        return []
    out: list[Problem] = []
    folded = _fold(note)
    coded = any(not _STEP.match(m.group(0)) for m in _CODE_LIKE.finditer(note))
    if coded or any(c and _fold(c) in folded for c in tenant_codes):
        out.append(Problem("call.note_code", where))
    named = any(n and len(n) > 3 and _fold(n) in folded for n in names)
    if not named and _TITLE_NAME.search(note):
        named = True
    if not named:
        for m in _NAME_LIKE.finditer(note):
            if not {m.group(1).lower(), m.group(2).lower()} & NOT_NAMES:
                named = True
                break
    if named:
        out.append(Problem("call.note_name", where))
    return out


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


# ------------------------------------------------------------------ facts: counts only
FACT_COLUMNS = ["on", "quarter", "caller_group", "caller_kind", "reasons", "caller",
                "referring_org", "housing_provider", "tree", "action", "outcome",
                "reevaluate_on", "illustrative"]
"""The columns of :func:`facts`: no id, no tenant code, no note."""


def caller_key(call: Call) -> tuple[str, ...]:
    """What tells a call's caller apart, as the guide counts them.

    A tenant by code; a worker by organisation and file (the tenant's code); an owner by
    organisation. A call without these counts as a caller of its own (its id).
    """
    if call.caller_group == "tenant" and call.tenant_code:
        return ("tenant", call.tenant_code)
    if call.caller_group == "worker" and call.tenant_code:
        return ("worker", call.referring_org, call.tenant_code)
    if call.caller_group == "owner" and call.housing_provider:
        return ("owner", call.housing_provider)
    return ("call", call.id)


def quarter_of(day: dt.date) -> str:
    """The calendar quarter of ``day``, as ``"2025-T2"``... (``T`` for *trimestre*)."""
    return f"{day.year}-T{(day.month - 1) // 3 + 1}"


def facts(calls: Iterable[Call]) -> pd.DataFrame:
    """One row per call with what counting needs, and nothing personal.

    No id, no tenant code, no note: ``caller`` is an anonymous number, the same for
    the calls of one caller (:func:`caller_key`) within this frame only. The counting
    functions below read it; roles that may not read the log get their results only
    (:meth:`concert.Store.call_counts`).

    Columns: :data:`FACT_COLUMNS`.
    """
    numbers: dict[tuple[str, ...], int] = {}
    rows = []
    for c in sorted(calls, key=lambda c: (c.on, c.id)):
        key = caller_key(c)
        number = numbers.setdefault(key, len(numbers) + 1)
        rows.append({"on": c.on, "quarter": quarter_of(c.on), "caller_group": c.caller_group,
                     "caller_kind": c.caller_kind, "reasons": tuple(c.reasons),
                     "caller": number, "referring_org": c.referring_org,
                     "housing_provider": c.housing_provider, "tree": c.tree,
                     "action": c.action, "outcome": c.outcome,
                     "reevaluate_on": c.reevaluate_on, "illustrative": c.illustrative})
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


CallsOrFacts = Iterable[Call] | pd.DataFrame


def _facts(data: CallsOrFacts, start: dt.date | None = None,
           end: dt.date | None = None) -> pd.DataFrame:
    frame = data if isinstance(data, pd.DataFrame) else facts(data)
    if start is not None:
        frame = frame[frame["on"] >= start]
    if end is not None:
        frame = frame[frame["on"] <= end]
    return frame


def reason_table(data: CallsOrFacts, group: str, *, start: dt.date | None = None,
                 end: dt.date | None = None, lang: str | None = None) -> pd.DataFrame:
    """Tableau 11, 12 or 13 rebuilt from the log for the period ``start``-``end``.

    Parameters
    ----------
    data : calls or facts
        The log (:class:`Call` records, or :func:`facts`).
    group : str
        ``tenant`` (Tableau 11), ``worker`` (Tableau 12) or ``owner`` (Tableau 13).
    start, end : datetime.date, optional
        The period, both days included.

    Returns
    -------
    DataFrame
        One row per reason of the group's table, in the guide's order: ``reason``,
        ``label``, ``callers`` (distinct callers who called for it, as the guide counts),
        ``calls`` (calls that gave it), ``guide`` (the guide's count over its year).
    """
    g = fw.caller_group(group)
    frame = _facts(data, start, end)
    frame = frame[frame["caller_group"] == group]
    rows = []
    for r in g.reasons:
        hit = frame[frame["reasons"].map(lambda rs, code=r.reason: code in rs).astype(bool)]
        rows.append({"reason": r.reason, "label": i18n.label("call_reason", r.reason, lang),
                     "callers": int(hit["caller"].nunique()), "calls": len(hit),
                     "guide": r.count})
    return pd.DataFrame(rows, columns=["reason", "label", "callers", "calls", "guide"])


def totals(data: CallsOrFacts, *, start: dt.date | None = None, end: dt.date | None = None,
           lang: str | None = None) -> pd.DataFrame:
    """Calls and distinct callers by caller kind, beside the guide's counts.

    Columns: ``caller_group, caller_kind, label, calls, callers, guide_calls``.
    """
    frame = _facts(data, start, end)
    rows = []
    for k in fw.CALLER_KINDS:
        part = frame[frame["caller_kind"] == k.code]
        rows.append({"caller_group": k.group, "caller_kind": k.code,
                     "label": i18n.label("caller_kind", k.code, lang), "calls": len(part),
                     "callers": int(part["caller"].nunique()), "guide_calls": k.guide_calls})
    return pd.DataFrame(rows, columns=["caller_group", "caller_kind", "label", "calls",
                                       "callers", "guide_calls"])


def quarterly(data: CallsOrFacts, *, group: str | None = None, start: dt.date | None = None,
              end: dt.date | None = None, by: str | None = None,
              lang: str | None = None) -> pd.DataFrame:
    """The trend: calls and distinct callers per quarter and reason.

    ``group`` keeps one caller group; ``by`` (``referring_org`` or ``housing_provider``)
    splits the counts by partner as well (its column is then ``partner``).

    Columns: ``quarter, caller_group, reason, label, [partner,] calls, callers``, sorted.
    """
    frame = _facts(data, start, end)
    if group is not None:
        frame = frame[frame["caller_group"] == group]
    keys = ["quarter", "caller_group", "reason"] + (["partner"] if by else [])
    columns = ["quarter", "caller_group", "reason", "label"] + (["partner"] if by else []) \
        + ["calls", "callers"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    long = frame.explode("reasons").rename(columns={"reasons": "reason"})
    if by:
        long = long.rename(columns={by: "partner"})
    out = long.groupby(keys, sort=True).agg(calls=("caller", "size"),
                                            callers=("caller", "nunique")).reset_index()
    out["label"] = out["reason"].map(lambda r: i18n.label("call_reason", r, lang))
    return out[columns].reset_index(drop=True)


def by_organisation(data: CallsOrFacts, actors: dict[str, Actor] | None = None, *,
                    by: str = "referring_org", start: dt.date | None = None,
                    end: dt.date | None = None) -> pd.DataFrame:
    """Calls by referring organisation (``by="referring_org"``) or housing provider.

    Columns: ``actor, label, tenant, worker, owner, calls`` (calls per caller group and
    in all), most calls first; calls that name none are under ``actor`` ``""``.
    """
    if by not in ("referring_org", "housing_provider"):
        raise ValueError(by)
    frame = _facts(data, start, end)
    rows = []
    for actor, part in frame.groupby(by, sort=True):
        counts = part["caller_group"].value_counts()
        a = (actors or {}).get(str(actor))
        rows.append({"actor": str(actor), "label": a.label() if a else str(actor),
                     **{g.code: int(counts.get(g.code, 0)) for g in fw.CALLER_GROUPS},
                     "calls": len(part)})
    out = pd.DataFrame(rows, columns=["actor", "label", "tenant", "worker", "owner", "calls"])
    return out.sort_values(["calls", "actor"], ascending=[False, True]).reset_index(drop=True)


def reevaluations_due(data: CallsOrFacts, *, on: dt.date | None = None,
                      within_days: int = 14) -> pd.DataFrame:
    """Re-evaluations overdue and due within ``within_days``, by caller group and tree.

    Counts only (which calls they are is the liaison agent's: :meth:`concert.Store.calls`).
    A re-evaluation is open once its date is set; it is overdue before ``on``.

    Columns: ``caller_group, tree, overdue, due_soon, later``.
    """
    on = on or settings.current_date()
    frame = _facts(data)
    frame = frame[frame["reevaluate_on"].notna()]
    limit = on + dt.timedelta(days=within_days)
    rows = []
    for (group, tree), part in frame.groupby(["caller_group", "tree"], sort=True):
        dates = list(part["reevaluate_on"])
        rows.append({"caller_group": group, "tree": tree,
                     "overdue": sum(d < on for d in dates),
                     "due_soon": sum(on <= d <= limit for d in dates),
                     "later": sum(d > limit for d in dates)})
    return pd.DataFrame(rows, columns=["caller_group", "tree", "overdue", "due_soon", "later"])


def follow_up_end_frame(data: CallsOrFacts, agreements: Sequence[Agreement],
                        actors: dict[str, Actor] | None = None, *,
                        start: dt.date | None = None, end: dt.date | None = None,
                        on: dt.date | None = None, lang: str | None = None) -> pd.DataFrame:
    """"Fin de suivi / transfert de dossier" calls beside the entente II reactivation commitment.

    Entente II commits the referring organisation, after the first year, to reactivate the
    file when the situation requires (Tableau 5, L3999-4008). For each referring
    organisation named by such a call: the calls, those where a reactivation was asked or
    obtained, and whether an entente II of that organisation is in force on ``on``.

    Columns: ``actor, label, follow_up_end_calls, reactivations, agreement_ii_in_force,
    commitment``.
    """
    on = on or settings.current_date()
    frame = _facts(data, start, end)
    frame = frame[frame["reasons"].map(lambda rs: "follow_up_end" in rs).astype(bool)]
    commitment = next(c for c in fw.agreement_type("II").commitments
                      if c.party == "referring_org")
    text = commitment.fr if (lang or settings.language) == "fr" else commitment.en
    in_force = {p.actor for a in agreements if a.type == "II" and is_current(a, on)
                for p in a.parties if p.role == "referring_org"}
    rows = []
    for actor, part in frame.groupby("referring_org", sort=True):
        a = (actors or {}).get(str(actor))
        asked = part["action"].eq("reactivation_request") | part["outcome"].eq(
            "follow_up_reactivated")
        rows.append({"actor": str(actor), "label": a.label() if a else str(actor),
                     "follow_up_end_calls": len(part), "reactivations": int(asked.sum()),
                     "agreement_ii_in_force": str(actor) in in_force,
                     "commitment": text})
    return pd.DataFrame(rows, columns=["actor", "label", "follow_up_end_calls",
                                       "reactivations", "agreement_ii_in_force",
                                       "commitment"])


COUNT_TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "reasons": reason_table, "totals": totals, "quarterly": quarterly,
    "by_organisation": by_organisation, "reevaluations_due": reevaluations_due,
    "follow_up_end": follow_up_end_frame,
}
"""The tables of counts a committee may see, by name (:func:`counts`)."""

def counts(data: CallsOrFacts, table: str, *, actors: dict[str, Actor] | None = None,
           agreements: Sequence[Agreement] = (), **options: Any) -> pd.DataFrame:
    """One table of counts of the log, by name: what every role may see.

    ``table`` is a key of :data:`COUNT_TABLES` (``reasons`` needs ``group=``); ``actors``
    and ``agreements`` are the region's, for the tables that name partners; ``options``
    go to the table's function (``start``, ``end``, ``lang``, ``by``...). The result holds
    counts, codes of the framework and organisation names only: never an id, a tenant
    code or a note (checked).

    Raises
    ------
    concert.ArgumentError
        If ``table`` is not one of :data:`COUNT_TABLES`.
    """
    if table not in COUNT_TABLES:
        raise ArgumentError("calls.no_table", table=str(table),
                            expected=", ".join(COUNT_TABLES))
    frame = facts(data) if not isinstance(data, pd.DataFrame) else data
    if table == "by_organisation":
        out = by_organisation(frame, actors, **options)
    elif table == "follow_up_end":
        out = follow_up_end_frame(frame, agreements, actors, **options)
    else:
        out = COUNT_TABLES[table](frame, **options)
    assert not set(out.columns) & {"id", "tenant_code", "note", "caller"}
    return out
