"""Commitments kept: each party's commitments under a signed entente, reviewed and dated.

Each entente lists its parties' commitments (seed 000, Tableau 5 and the clauses of
Annexes 1, 3 and 5: :func:`concert.framework.agreement_commitments`). The liaison agent
"veille au respect" of the ententes (section IX): a :class:`CommitmentReview` records, for
one commitment of one entente, whether it is kept
(:data:`concert.framework.COMMITMENT_STATUSES`), a note, when it was reviewed and when it
is next to be. An entente III binds a tenant: its reviews are the liaison role's alone;
the committee sees their counts, never a tenant's status (:mod:`concert.followup`,
:mod:`concert.privacy`).

Examples
--------
>>> r = CommitmentReview("II-2024", "II.referring_org.2", "not_kept",
...                      reviewed_on=dt.date(2026, 5, 1))
>>> r.key, r.party
('II-2024/II.referring_org.2', 'referring_org')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from concert import framework as fw
from concert import schema
from concert._errors import Problem, raise_if
from concert._validate import short, where_of

__all__ = ["CommitmentReview"]


@dataclass(frozen=True)
class CommitmentReview:
    """The status of one commitment of one entente, as last reviewed.

    Parameters
    ----------
    agreement : str
        The entente's id.
    commitment : str
        The commitment's code, ``<type>.<party>.<n>``
        (:func:`concert.framework.agreement_commitments`); its type must be the entente's.
    status : str
        One of :data:`concert.framework.COMMITMENT_STATUSES`.
    note : str
        What was observed.
    reviewed_on, next_review : datetime.date, optional
        When it was last reviewed, and when it is next to be.
    illustrative : bool
        True when invented for illustration.
    """

    kind_name: ClassVar[str] = "commitment"
    """The record kind, as the schema, the store and messages name it."""

    agreement: str = schema.ref("agreement")
    commitment: str = schema.text(required=True, max_len=64)
    status: str = schema.code("commitment_status")
    note: str = schema.text("")
    reviewed_on: dt.date | None = schema.date()
    next_review: dt.date | None = schema.date()
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this review breaks on its own."""
        w = where_of(f"{self.agreement}/{self.commitment}")
        out = schema.field_problems(self, w)
        try:
            fw.commitment(self.commitment)
        except KeyError:
            out.append(Problem("commitment.unknown", w, value=short(self.commitment)))
        return out

    @property
    def key(self) -> str:
        """``agreement/commitment``: one review per commitment of an entente."""
        return f"{self.agreement}/{self.commitment}"

    @property
    def type(self) -> str:
        """The entente type the commitment belongs to (``I``, ``II`` or ``III``)."""
        return self.commitment.split(".", 1)[0]

    @property
    def party(self) -> str:
        """The party role that made the commitment."""
        return self.commitment.split(".")[1]
