"""Each kind of record, declared once: its fields, their values, codes, need and labels.

The model's records are frozen dataclasses. Each of their fields carries a
:class:`Spec` in its metadata, written with the helpers of this module
(:func:`ident`, :func:`ref`, :func:`text`, :func:`code`, :func:`texts`,
:func:`codes`, :func:`date`, :func:`flag`, :func:`integer`, :func:`number`,
:func:`items`). That declaration is the only list of a record's fields;
everything else derives from it, by field name and never by position:

- the field checks of each record's constructor (:func:`field_problems`);
- the store's tables, columns and rows (:mod:`concert.store`);
- the dictionaries of the audit trail and of JSON files (:mod:`concert.records`);
- the columns of the import and export tables and of the templates
  (:mod:`concert.io.tables`), with French and English headers;
- the labels a person reads: the translation table's ``field.<kind>.<name>`` or
  ``field.<name>`` entry (:func:`field_label`).

Adding a field to a record kind means adding one line to its dataclass (and,
where it matters, a vocabulary to :mod:`concert.framework` and a label to
:mod:`concert.i18n`); the store adds the column to older files when it opens them.

Examples
--------
>>> from concert import Tie
>>> [f.name for f in fields_of(Tie)][:4]
['source', 'target', 'kind', 'project']
>>> spec_of(Tie, "kind").kind, spec_of(Tie, "kind").table
('code', 'tie_kind')
>>> field_label("actor", "name", "fr"), field_label("actor", "name", "en")
('nom', 'name')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import MISSING, dataclass, field
from typing import Any

from concert import i18n
from concert._errors import MisuseError, Problem, UnknownCodeError
from concert._validate import (
    check_bool,
    check_code,
    check_date,
    check_id,
    check_seq,
    check_text,
)

__all__ = ["Spec", "build", "code", "codes", "date", "field_label", "field_problems", "fields_of",
           "flag", "ident", "integer", "items", "nested", "number", "ref", "spec_of", "specs",
           "text", "texts"]

MAX_TEXT = 2000
VALUE_KINDS = ("id", "ref", "text", "code", "texts", "codes", "date", "bool", "int", "float",
               "items")


@dataclass(frozen=True)
class Spec:
    """What a field holds.

    Attributes
    ----------
    kind : str
        One of :data:`VALUE_KINDS`: an identifier (``id``), the identifier of another
        record (``ref``), free ``text``, a ``code`` of a framework vocabulary, a list of
        texts (``texts``) or of codes (``codes``), a ``date``, a ``bool``, an ``int``, a
        ``float``, or nested records (``items``).
    table : str
        The framework vocabulary of a ``code`` or ``codes`` field; the record kind a
        ``ref`` points to; the nested kind of ``items``.
    required : bool
        A text or date that may not be empty (fields without a default are always given).
    max_len : int
        The longest text accepted.
    column : str
        The store's column, when it differs from the field's name.
    own_rule : bool
        The record checks this field with a rule of its own (a clearer message).
    of : type or None
        The class of nested records (``items``).
    """

    kind: str
    table: str = ""
    required: bool = False
    max_len: int = MAX_TEXT
    column: str = ""
    own_rule: bool = False
    of: type | None = None


def _field(spec: Spec, default: Any = MISSING) -> Any:
    if default is MISSING:
        return field(metadata={"concert": spec})
    return field(default=default, metadata={"concert": spec})


def ident(*, column: str = "") -> Any:
    """An identifier (letters, digits, ``_ . -``), required."""
    return _field(Spec("id", column=column))


def ref(kind: str, default: Any = MISSING) -> Any:
    """The identifier of a record of ``kind`` (required unless a default is given)."""
    return _field(Spec("ref", kind), default)


def text(default: Any = MISSING, *, required: bool = False, max_len: int = MAX_TEXT) -> Any:
    """Free text; ``required`` refuses an empty one."""
    return _field(Spec("text", required=required, max_len=max_len), default)


def code(table: str, default: Any = MISSING, *, own_rule: bool = False) -> Any:
    """A code of the framework vocabulary ``table`` (``own_rule``: the record checks it)."""
    return _field(Spec("code", table, own_rule=own_rule), default)


def texts(*, max_len: int = 200) -> Any:
    """A list of non-empty texts (kept as a tuple)."""
    return _field(Spec("texts", max_len=max_len), ())


def codes(table: str) -> Any:
    """A list of codes of the vocabulary ``table`` (kept as a tuple)."""
    return _field(Spec("codes", table), ())


def date(default: Any = None, *, required: bool = False, column: str = "") -> Any:
    """A :class:`datetime.date` (``None`` when unknown, unless required)."""
    spec = Spec("date", required=required, column=column)
    return _field(spec) if required else _field(spec, default)


def flag(default: bool = False) -> Any:
    """A boolean."""
    return _field(Spec("bool"), default)


def integer(default: Any = MISSING) -> Any:
    """A whole number (``None`` when that is the default); its range is the record's rule."""
    return _field(Spec("int"), default)


def number(default: Any = MISSING) -> Any:
    """A finite number (``None`` when that is the default); its range is the record's rule."""
    return _field(Spec("float"), default)


def items(cls: type) -> Any:
    """Nested records of class ``cls`` (an actor's contacts...), kept as a tuple."""
    return _field(Spec("items", getattr(cls, "kind_name", cls.__name__.lower()), of=cls), ())


# ------------------------------------------------------------------ reading the declarations
@functools.cache
def fields_of(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of a record class, in declaration order."""
    out = tuple(dataclasses.fields(cls))
    missing = [f.name for f in out if "concert" not in f.metadata]
    if missing:  # a field added without its declaration: say so at once
        raise MisuseError("schema.undeclared", kind=cls.__name__, fields=tuple(missing))
    return out


def specs(cls: type) -> Iterator[tuple[str, Spec]]:
    """``(name, spec)`` for each field of a record class."""
    for f in fields_of(cls):
        yield f.name, f.metadata["concert"]


@functools.cache
def spec_of(cls: type, name: str) -> Spec:
    """The :class:`Spec` of one field."""
    for n, spec in specs(cls):
        if n == name:
            return spec
    raise UnknownCodeError("schema.no_field", kind=cls.__name__, name=name)


@functools.cache
def nested(cls: type) -> tuple[str, type] | None:
    """``(field, class)`` of the records nested in ``cls`` (an actor's contacts...), if any."""
    return next(((n, s.of) for n, s in specs(cls) if s.kind == "items" and s.of), None)


def field_label(kind: str, name: str, lang: str | None = None) -> str:
    """How a person reads a field's name: ``field.<kind>.<name>``, else ``field.<name>``."""
    key = f"field.{kind}.{name}"
    return i18n.t(key if key in i18n.TEXT else f"field.{name}", lang)


# ------------------------------------------------------------------ checking the values
def field_problems(record: Any, where: str) -> list[Problem]:
    """Check every field of ``record`` against its declaration; return the broken rules.

    The record's own rules between fields (dates in order, a tie's two ends differ...)
    are its class's business.
    """
    cls: Any = type(record)
    out: list[Problem] = []
    for name, spec in specs(cls):
        value = getattr(record, name)
        k = spec.kind
        if spec.own_rule:
            continue
        if k in ("id", "ref"):
            if value != "" or not optional(cls, name):
                out += check_id(value, name, where)
        elif k == "text":
            out += check_text(value, name, where, required=spec.required, max_len=spec.max_len)
        elif k == "code":
            if value != "" or not optional(cls, name):
                out += check_code(value, spec.table, name, where)
        elif k == "date":
            out += check_date(value, name, where, required=spec.required)
        elif k == "bool":
            out += check_bool(value, name, where)
        elif k in ("texts", "codes", "items"):
            seq = check_seq(value, name, where, spec.of if spec.of is not None else str)
            out += seq
            if not seq and k == "texts":
                for v in value:
                    out += check_text(v, name, where, required=True, max_len=spec.max_len)
            elif not seq and k == "codes":
                for v in value:
                    out += check_code(v, spec.table, name, where)
    return out


@functools.cache
def default_of(cls: type, name: str) -> Any:
    """A field's default (``MISSING`` when it has none; ``()`` for lists)."""
    f = next(f for f in fields_of(cls) if f.name == name)
    if f.default_factory is not MISSING:
        return f.default_factory()
    return f.default


@functools.cache
def optional(cls: type, name: str) -> bool:
    """True when a field's default is empty text: it may be left empty."""
    f = next(f for f in fields_of(cls) if f.name == name)
    return f.default == ""


def build(cls: type, values: dict[str, Any], **given: Any) -> Any:
    """Build a record of class ``cls`` from ``values`` keyed by field name (checked).

    Fields absent from ``values``, or empty there (``""`` or ``None``), take their default;
    ``given`` fields are used as they are (nested records, a renamed identifier).

    Raises
    ------
    concert.ValidationError
        If the record breaks a rule.
    """
    kwargs = dict(given)
    for name, _spec in specs(cls):
        if name in given or name not in values:
            continue
        value = values[name]
        if (value is None or value == "") and default_of(cls, name) is not MISSING:
            continue
        kwargs[name] = value
    return cls(**kwargs)


def plain(value: Any) -> Any:
    """A field's value as JSON-ready data (dates as ISO text, tuples as lists)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value
