"""Model records to and from plain dictionaries (JSON-ready), with their identifying keys.

Used by the store's audit history and by the JSON import and export. A record
kind is one of :data:`KINDS`; :func:`to_dict` gives a dictionary of plain values
(dates as ISO strings, nested contacts, parties and answers as lists of
dictionaries) and :func:`from_dict` builds the record back, raising
:class:`concert.ValidationError` for anything malformed (unknown fields,
wrong types, bad dates), never another exception.

Examples
--------
>>> from concert import Tie
>>> d = to_dict("tie", Tie("a", "b", "information"))
>>> d["kind"], from_dict("tie", d) == Tie("a", "b", "information")
('information', True)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from concert import schema
from concert._errors import ArgumentError, Problem, ValidationError
from concert.region import ALL_RECORD_TYPES, RECORD_TYPES, record_key

__all__ = ["KINDS", "from_dict", "key_of", "to_dict"]

KINDS = RECORD_TYPES
NESTED: dict[str, tuple[str, type]] = {
    kind: nested for kind, cls in KINDS.items() if (nested := schema.nested(cls)) is not None}
"""The nested records of each kind (an actor's contacts...), from :mod:`concert.schema`."""
DATE_FIELDS = frozenset(name for cls in ALL_RECORD_TYPES.values()
                        for name, spec in schema.specs(cls) if spec.kind == "date")
LIST_FIELDS = frozenset(name for cls in ALL_RECORD_TYPES.values()
                        for name, spec in schema.specs(cls) if spec.kind in ("texts", "codes"))
key_of = record_key


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _fast(record: Any) -> dict[str, Any]:
    """A record's fields as plain values (the records are flat but for one nested list)."""
    out: dict[str, Any] = {}
    for name, value in record.__dict__.items():
        if value is None or isinstance(value, (str, int, float)):
            out[name] = value
        elif isinstance(value, dt.date):
            out[name] = value.isoformat()
        elif isinstance(value, tuple):
            out[name] = [v if isinstance(v, str) else _fast(v) for v in value]
        else:
            out[name] = _plain(value)
    return out


def to_dict(kind: str, record: Any) -> dict[str, Any]:
    """Return ``record`` as a dictionary of JSON-ready values."""
    if kind not in KINDS:
        raise ArgumentError("records.unknown_kind", kind=kind, expected=tuple(KINDS))
    return _fast(record)


def _date(value: Any, field: str, where: str, problems: list[Problem]) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem("date.type", where, field=field, value=repr(value)[:40]))
            return None
    return value


def _fields(cls: type, data: Any, where: str, problems: list[Problem]) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        problems.append(Problem("record.type", where, kind=cls.__name__))
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(str(k) for k in data if k not in names)
    if unknown:
        problems.append(Problem("record.unknown_fields", where, fields=", ".join(unknown)))
        return None
    out = dict(data)
    for name in DATE_FIELDS & set(out):
        out[name] = _date(out[name], name, where, problems)
    return out


def from_dict(kind: str, data: Any) -> Any:
    """Build a record of ``kind`` from a dictionary made by :func:`to_dict` (or by hand).

    Raises
    ------
    concert.ValidationError
        For unknown fields, missing required fields, wrong types or bad dates.
    """
    if kind not in KINDS:
        raise ArgumentError("records.unknown_kind", kind=kind, expected=tuple(KINDS))
    cls = KINDS[kind]
    where = str(data.get("id", data.get("code", ""))) if isinstance(data, dict) else ""
    problems: list[Problem] = []
    fields = _fields(cls, data, where, problems)
    if fields is None or problems:
        raise ValidationError(problems)
    if kind in NESTED:
        name, sub = NESTED[kind]
        items = fields.get(name, [])
        if not isinstance(items, (list, tuple)):
            raise ValidationError([Problem("seq.type", where, field=name, kind=sub.__name__)])
        built = []
        for item in items:
            f = _fields(sub, item, where, problems)
            if f is not None and not problems:
                try:
                    built.append(sub(**f))
                except TypeError:
                    problems.append(Problem("record.missing_fields", where, kind=sub.__name__))
        if problems:
            raise ValidationError(problems)
        fields[name] = tuple(built)
    for name in LIST_FIELDS:
        if name in fields and isinstance(fields[name], list):
            fields[name] = tuple(fields[name])
    try:
        return cls(**fields)
    except TypeError as exc:
        raise ValidationError([Problem("record.missing_fields", where, kind=cls.__name__)]) \
            from exc
