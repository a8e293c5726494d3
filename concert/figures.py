"""Program figures (tenants housed, stability rate...) kept with their date and definition.

The sources count the same things differently: 489 tenants in March 2020
(guide, L1622), "479 housed" undated (presentation of 2022), 363 at 31 March
2023 "in autonomous subsidised housing with support" (activity report); a
stability rate of 95.2 % defined once from the tenants who *left* and once as
the share able to stay housed. A :class:`Figure` therefore never travels
without its reference date, its definition and its source.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import ClassVar

from concert import schema
from concert._errors import Problem, raise_if
from concert._validate import short, where_of

__all__ = ["Figure"]


@dataclass(frozen=True)
class Figure:
    """A dated program figure.

    Parameters
    ----------
    code : str
        What is counted, e.g. ``"tenants_housed"``; several figures may share a code
        (a series), told apart by ``as_of``.
    value : float
        The value.
    unit : str
        ``"personnes"``, ``"%"``, ...
    as_of : datetime.date
        The date the figure refers to.
    definition_fr, definition_en : str
        What exactly is counted, as the source defines it.
    source : str
        Where it comes from (document and line).
    illustrative : bool
        True when invented for illustration.
    """

    kind_name: ClassVar[str] = "figure"
    """The record kind, as the schema, the store and messages name it."""

    code: str = schema.ident()
    value: float = schema.number()
    unit: str = schema.text(required=True, max_len=40)
    as_of: dt.date = schema.date(required=True)
    definition_fr: str = schema.text(required=True)
    definition_en: str = schema.text("")
    source: str = schema.text("")
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this figure breaks on its own."""
        w = where_of(self.code)
        out = schema.field_problems(self, w)
        v = self.value
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not _finite(v):
            out.insert(min(1, len(out)), Problem("figure.value", w, value=short(v, 20)))
        return out


def _finite(v: float) -> bool:
    """True for a finite number a float holds exactly (the store keeps values as REAL).

    ``math.isfinite`` overflows on huge ints; an int above 2**53 may not survive the
    conversion to float (2**53 + 1 would load back as 2**53).
    """
    try:
        return math.isfinite(v) and (not isinstance(v, int) or float(v) == v)
    except OverflowError:
        return False
