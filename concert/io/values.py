"""Values as people write them: codes from labels, derived identifiers, dates, yes and no.

A coded cell may hold the code itself (``omh``), its French or English label
(``Office municipal d’habitation (OMH)``, ``Municipal housing office (OMH)``), a part of
the label (``OMH``, ``CIUSSS`` in ``CISSS ou CIUSSS``) or one of the framework's
:data:`concert.framework.ALIASES` (``habitation sociale``). Values are compared by
:func:`fold_key`: case, accents, punctuation, spacing and a plural ``s`` are ignored.

Each distinct value of a vocabulary is matched once (:func:`resolve` is cached), not once
per cell: a workbook of 100,000 rows holds a few dozen distinct labels.

Examples
--------
>>> resolve("actor_type", "omh").code, resolve("actor_type", "CIUSSS").code
('omh', 'cisss')
>>> resolve("agreement_status", "signée").code
'signed'
>>> resolve("level", "bien établi").code
'3'
>>> resolve("actor_type", "OBNL/Coop").choices
('obnl', 'coop')
>>> resolve("actor_type", "OMHH").suggestions
('OMH',)
>>> derive_id("Office municipal d’habitation de Trois-Rivières")
'office-municipal-d-habitation-de-trois-rivieres'
>>> parse_date("15/03/2025")
(datetime.date(2025, 3, 15), None)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import hashlib
import re
import unicodedata

from concert import framework as fw
from concert.indicators import SCALE

__all__ = ["Match", "derive_id", "fold_key", "label_of", "labels_of", "parse_date", "resolve",
           "vocabularies"]

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SLUG = re.compile(r"^[0-9a-z]+(?:-[0-9a-z]+)*\Z")
_PARENS = re.compile(r"\(([^)]*)\)")
_GENDER = re.compile(r"\((-?\w{1,4})\)")  # Agent(e), Organisateur(-trice)


def _ascii(text: str) -> str:
    """Lower case without accents; other characters are left for the caller to split on."""
    if text.isascii():  # the common case: nothing to decompose
        return text.lower()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch)).casefold()


def fold_key(text: str) -> str:
    """How two values are compared: no case, accents, punctuation, extra spaces nor plural.

    >>> fold_key("  Organismes  communautaires ") == fold_key("organisme communautaire")
    True
    """
    words = _NON_WORD.sub(" ", _ascii(str(text))).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in words)


def derive_id(name: str) -> str:
    """The identifier of a record known by its name: letters and digits joined by ``-``.

    Case, accents and punctuation are ignored, so two names that differ only by them give
    the same identifier (and are refused as the same record). Stable: the same name gives
    the same identifier on every import.
    """
    if isinstance(name, str) and len(name) <= 64 and _SLUG.match(name):  # already one
        return name
    slug = "-".join(_NON_WORD.sub(" ", _ascii(str(name))).split())[:64].strip("-")
    if not slug:  # a name of symbols only
        slug = "n-" + hashlib.sha1(str(name).encode("utf-8", "replace")).hexdigest()[:12]
    return slug


# --------------------------------------------------------------------------- vocabularies
def _variants(label: str) -> list[str]:
    """The ways a label may be written: whole, without its brackets, its acronym, its halves."""
    out = [label]
    plain = _PARENS.sub("", label).strip()
    out.append(plain)
    out.append(_GENDER.sub(lambda m: m.group(1).lstrip("-") if len(m.group(1)) <= 2 else "",
                           label))
    out += [m.strip() for m in _PARENS.findall(label) if m.strip().isupper()]
    for sep in (" ou ", " or "):
        if sep in plain:
            out += [p.strip() for p in plain.split(sep)]
    return [v for v in out if v]


@dataclasses.dataclass(frozen=True)
class _Vocab:
    keys: dict[str, frozenset[str]]  # folded key -> codes
    shown: dict[str, str]            # folded key -> a text showing it (for suggestions)
    labels: dict[str, tuple[str, str]]  # code -> (fr, en)


def _entries(table: str) -> list[tuple[str, str, str]]:
    """(code, fr, en) of a vocabulary, including the three that are not framework terms."""
    if table == "criterion":
        return [(c.code, c.fr, c.en) for c in fw.CRITERIA]
    if table == "level":
        return [(str(n), fr, en) for n, fr, en in SCALE]
    if table == "agreement_type":
        return [(a.code, a.fr, a.en) for a in fw.AGREEMENT_TYPES]
    return [(t.code, t.fr, t.en) for t in fw._TABLES[table]]


@functools.cache
def _vocab(table: str) -> _Vocab:
    keys: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    labels: dict[str, tuple[str, str]] = {}

    def add(text: str, code: str, show: bool = True) -> None:
        key = fold_key(text)
        if key:
            keys.setdefault(key, set()).add(code)
            if show:
                shown.setdefault(key, text)

    for code, fr, en in _entries(table):
        labels[code] = (fr, en)
        # The code and the labels first: a label wins over a part of another label.
        add(code, code, show=False)
        for label in (fr, en):
            add(label, code)
        if table == "agreement_type":
            for n in (code, str(len(code))):
                add(n, code)
                for word in ("entente", "agreement"):
                    add(f"{word} {n}", code)
            continue
        if table == "criterion":
            continue
        for label in (fr, en):
            for v in _variants(label)[1:]:
                add(v, code)
        for alias in fw.ALIASES.get(table, {}).get(code, ()):
            add(alias, code)
    # A key given by a code's own code or label names that code alone.
    exact = {fold_key(c): c for c, _, _ in _entries(table)}
    exact.update({fold_key(x): c for c, fr, en in _entries(table) for x in (fr, en)})
    for c, _, _ in _entries(table):
        shown.setdefault(fold_key(c), c)
    final = {k: frozenset({exact[k]}) if k in exact else frozenset(v) for k, v in keys.items()}
    return _Vocab(final, shown, labels)


def vocabularies() -> tuple[str, ...]:
    """The vocabularies :func:`resolve` knows."""
    return (*fw._TABLES, "criterion", "level", "agreement_type")


def labels_of(table: str) -> dict[str, tuple[str, str]]:
    """``code -> (French label, English label)`` of a vocabulary."""
    return _vocab(table).labels


def label_of(table: str, code: str, lang: str) -> str:
    """A code's label in ``lang`` (the code itself when unknown)."""
    pair = _vocab(table).labels.get(code)
    return code if pair is None else pair[0 if lang == "fr" else 1]


@dataclasses.dataclass(frozen=True)
class Match:
    """What a value means in a vocabulary.

    ``code`` when it names one code; otherwise ``choices`` (the codes it may mean, when it
    is ambiguous) or ``suggestions`` (the closest ways of writing a code, when it matches
    nothing).
    """

    code: str | None
    choices: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1 << 16)
def resolve(table: str, value: str) -> Match:
    """The code ``value`` names in vocabulary ``table`` (matched once per distinct value)."""
    voc = _vocab(table)
    key = fold_key(value)
    found = voc.keys.get(key)
    if found is not None and len(found) == 1:
        return Match(next(iter(found)))
    order = list(voc.labels)
    if found:  # one key, several codes (e.g. a part two labels share)
        return Match(None, choices=tuple(sorted(found, key=order.index)))
    parts = [p for p in re.split(r"[/|+]|\bou\b|\bor\b|\bet\b|\band\b", value) if p.strip()]
    if len(parts) > 1:  # "OBNL/Coop": each part names a code, but which one is meant?
        codes = [resolve(table, p).code for p in parts]
        named = [c for c in dict.fromkeys(codes) if c is not None]
        if len(named) > 1:
            return Match(None, choices=tuple(named))
        if len(named) == 1 and all(c is not None for c in codes):
            return Match(named[0])
    close = difflib.get_close_matches(key, list(voc.keys), n=3, cutoff=0.75)
    return Match(None, suggestions=tuple(dict.fromkeys(voc.shown[k] for k in close)))


# --------------------------------------------------------------------------- dates
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_SERIALS = (1, 109_575)  # 1900-01-01 to 2199-12-31


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """A date from a cell: ``AAAA-MM-JJ``, ``JJ/MM/AAAA`` (day first), an Excel date.

    Returns ``(date, None)`` or ``(None, error key)``: ``io.bad_date`` for what is not a
    date, ``io.impossible_date`` for a day the calendar lacks (``2024-02-30``),
    ``io.two_digit_year`` for ``15/03/25`` (which century?).
    """
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An Excel serial date (a cell formatted as a number, or read from a CSV).
        if float(value).is_integer() and EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1]:
            return EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        return None, "io.bad_date"
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _DMY.match(text)
        if m is None:
            if text.isdigit():
                return parse_date(int(text))
            return None, "io.bad_date"
        if len(m.group(3)) == 2:
            return None, "io.two_digit_year"
        d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d), None
    except ValueError:
        return None, "io.impossible_date"
