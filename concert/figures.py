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

from concert._errors import Problem, raise_if
from concert._validate import check_bool, check_date, check_id, check_text, short, where_of

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

    code: str
    value: float
    unit: str
    as_of: dt.date
    definition_fr: str
    definition_en: str = ""
    source: str = ""
    illustrative: bool = False

    def __post_init__(self) -> None:
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this figure breaks on its own."""
        w = where_of(self.code)
        out = check_id(self.code, "code", w)
        v = self.value
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not _finite(v):
            out.append(Problem("figure.value", w, value=short(v, 20)))
        out += check_text(self.unit, "unit", w, required=True, max_len=40)
        out += check_date(self.as_of, "as_of", w, required=True)
        out += check_text(self.definition_fr, "definition_fr", w, required=True)
        out += check_text(self.definition_en, "definition_en", w)
        out += check_text(self.source, "source", w)
        out += check_bool(self.illustrative, "illustrative", w)
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
