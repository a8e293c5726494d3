"""Small checks shared by the model's constructors. Each returns a list of problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from concert import framework as fw
from concert._errors import Problem

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}\Z")
MAX_TEXT = 2000
# Control characters but tab and newline (C0, DEL and C1: terminal escapes); lone surrogates
# (not Unicode text: they cannot be encoded to UTF-8 for SQLite or JSON); U+FFFE and U+FFFF
# (not allowed in XML: GraphML, GEXF); invisible characters that make two names look alike
# or reorder what is shown: zero-width spaces and joiners, the word joiner, the byte-order
# mark, and the bidirectional marks, embeddings, overrides and isolates.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                        "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
YEARS = (1900, 2199)
"""The years a date may fall in: wide enough for any real entente, narrow enough that
adding an entente's term or a notice period never leaves the calendar (year 9999)."""


def check_id(value: Any, field: str, where: str) -> list[Problem]:
    """An identifier: 1-64 letters, digits, ``_``, ``.`` or ``-``, from a letter or a digit."""
    if not isinstance(value, str) or not ID_RE.match(value):
        return [Problem("id", where, field=field, value=short(value))]
    return []


def check_text(value: Any, field: str, where: str, *, required: bool = False,
               max_len: int = MAX_TEXT) -> list[Problem]:
    """A string of at most ``max_len`` characters with no control characters."""
    if not isinstance(value, str):
        return [Problem("text.type", where, field=field, value=short(value))]
    if required and not value.strip():
        return [Problem("text.required", where, field=field)]
    if len(value) > max_len:
        return [Problem("text.length", where, field=field, max=max_len)]
    if CONTROL_RE.search(value):
        return [Problem("text.control", where, field=field)]
    return []


def check_code(value: Any, table: str, field: str, where: str) -> list[Problem]:
    """A code of the framework vocabulary ``table``."""
    if not isinstance(value, str) or value not in fw.code_set(table):
        return [Problem(f"code.{table}", where, field=field, value=short(value),
                        expected=", ".join(fw.codes(table)))]
    return []


def check_date(value: Any, field: str, where: str, *, required: bool = False) -> list[Problem]:
    """A :class:`datetime.date` (not a datetime), or ``None`` when not required."""
    if value is None:
        return [Problem("date.required", where, field=field)] if required else []
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        return [Problem("date.type", where, field=field, value=short(value))]
    if not YEARS[0] <= value.year <= YEARS[1]:
        return [Problem("date.range", where, field=field, value=value.isoformat(),
                        first=YEARS[0], last=YEARS[1])]
    return []


def fold(text: str) -> str:
    """How two names are compared: Unicode-normalised (NFKC), case and spacing ignored.

    >>> fold("  Café  de la  Gare") == fold("CAFE\u0301 DE LA GARE")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def check_bool(value: Any, field: str, where: str) -> list[Problem]:
    """A real boolean."""
    if not isinstance(value, bool):
        return [Problem("bool.type", where, field=field, value=short(value))]
    return []


def check_seq(value: Any, field: str, where: str, kind: type) -> list[Problem]:
    """A tuple whose items are all of ``kind``."""
    if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
        return [Problem("seq.type", where, field=field, kind=kind.__name__)]
    return []


def as_tuple(value: Any) -> Any:
    """Turn a list into a tuple; leave anything else alone for the checks to judge."""
    return tuple(value) if isinstance(value, list) else value


def short(value: Any, limit: int = 60, conv: Any = repr) -> str:
    """A printable excerpt of any value, for messages; never raises."""
    try:
        text = conv(value)
    except Exception:  # e.g. an int too long to print (ValueError since Python 3.11)
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def where_of(value: Any) -> str:
    """A safe label for an object whose id may itself be invalid."""
    return value if isinstance(value, str) and ID_RE.match(value) else "?"
