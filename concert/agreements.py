"""Agreements I, II and III (ententes) and the rules that govern who signs them.

The three agreement types come from the guide (section VIII.1, Tableau 5):

- **Entente I** binds a housing provider (OMH, OBNL, co-op or private
  landlord) and the program: the provider delegates tenant selection.
- **Entente II** binds the program and a referring organisation (Annexe 3,
  a three-year service agreement).
- **Entente III** binds a tenant, a referring worker and the program's liaison
  agent (Annexe A, an annex to the lease). The tenant is only ever a
  pseudonymous code (:data:`TENANT_CODE_RE`): the tenant's psychosocial
  situation is never shared with the landlord (L3859-3864).

An :class:`Agreement` checks on construction what it can check alone (type,
parties allowed for the type, dates, tenant code). :func:`agreement_problems`
checks it against the other actors and agreements of its region (the parties
exist and are of the right kind; the worker's organisation holds a current
agreement II). Each refusal names its rule:

========================  ==============================================================
rule                      meaning
========================  ==============================================================
``agreement.type``        the type is not I, II or III
``agreement.parties``     the parties are not exactly those the type requires
``agreement.dates``       the end date is before the signing date
``agreement.signed_date`` a signed, renewed, expired or terminated agreement has no date
``agreement.tenant_code`` the tenant is not a pseudonymous code
``agreement.party_kind``  a party is given as an actor where a person is expected, or
                          the reverse
``agreement.unknown_actor`` a party names an actor the region does not have
``agreement.I.provider``  the housing-provider party of an entente I cannot provide housing
``agreement.program``     the program party is not the program
``agreement.II.referring`` the referring party of an entente II is not a referring
                          organisation
``agreement.III.worker``  the worker is not a referring worker of that organisation
``agreement.III.no_II``   the worker's organisation holds no current entente II
``agreement.III.liaison`` the liaison agent is not a liaison agent of the program
``agreement.renews``      the agreement renewed is unknown or of another type
========================  ==============================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from concert import framework as fw
from concert import i18n, schema, settings
from concert._errors import Label, Problem, labels, raise_if
from concert._validate import (
    as_tuple,
    short,
    where_of,
)
from concert.actors import Actor, is_housing_provider, is_program, is_referring

__all__ = ["TENANT_CODE_RE", "Agreement", "Party", "agreement_problems", "agreements_frame",
           "commitments_frame", "effective_status", "expiring", "is_current"]

TENANT_CODE_RE = re.compile(r"^(?=.*[0-9])[A-Z0-9]{1,8}(-[A-Z0-9]{1,8}){0,3}\Z")
"""A tenant code: upper-case letters and digits in up to four hyphenated groups, with at
least one digit, e.g. ``"CEM-2021-0042"``. Names ("Jean Tremblay"), e-mail addresses or
health-card numbers in the usual written forms do not match."""

PERSON_ROLES = ("worker", "liaison_agent")
ACTIVE = ("signed", "renewed")


@dataclass(frozen=True)
class Party:
    """One party to an agreement.

    Parameters
    ----------
    role : str
        A code of :data:`concert.framework.PARTY_ROLES`.
    actor : str
        The organisation's actor id. For a worker, the worker's organisation; for the
        liaison agent, the program. Empty for a tenant.
    person : str
        For a worker or a liaison agent: the contact's name in that organisation.
    tenant_code : str
        For a tenant only: a pseudonymous code matching :data:`TENANT_CODE_RE`.
    """

    kind_name: ClassVar[str] = "party"
    """The record kind, as the schema, the store and messages name it."""

    role: str = schema.code("party_role")
    actor: str = schema.ref("actor", "")
    person: str = schema.text("", max_len=200)
    tenant_code: str = schema.text("", max_len=200)

    def problems(self, where: str) -> list[Problem]:
        """Return the rules this party breaks on its own."""
        out = schema.field_problems(self, where)
        if out:
            return out
        if self.role == "tenant":
            if self.actor or self.person:
                out.append(Problem("agreement.party_kind", where,
                                   role=Label("party_role", self.role)))
            if not TENANT_CODE_RE.match(self.tenant_code):
                out.append(Problem("agreement.tenant_code", where))
        else:
            if not self.actor or self.tenant_code:
                out.append(Problem("agreement.party_kind", where,
                                   role=Label("party_role", self.role)))
            if self.role in PERSON_ROLES and not self.person:
                out.append(Problem("agreement.party_kind", where,
                                   role=Label("party_role", self.role)))
        return out


@dataclass(frozen=True)
class Agreement:
    """An agreement I, II or III between parties of a region.

    Parameters
    ----------
    id : str
        Identifier unique in the region.
    type : str
        ``"I"``, ``"II"`` or ``"III"``.
    parties : sequence of Party
        Exactly one party per role the type requires (see
        :data:`concert.framework.AGREEMENT_TYPES`).
    signed_on, ends_on : datetime.date or None
        Signing and end dates. An entente II with no end date ends after the term of
        Annexe 3 (three years): see :meth:`end_date`.
    status : str
        ``draft``, ``signed``, ``renewed``, ``expired`` or ``terminated``. A signed or
        renewed agreement whose end date has passed reads as expired
        (:func:`effective_status`).
    renews : str
        The id of the agreement this one renews, if any.
    note, source : str
        Free text; ``source`` says where the fact comes from.
    illustrative : bool
        True when invented for illustration.

    Raises
    ------
    concert.ValidationError
        With one problem per broken rule (see the module's table of rules).
    """

    kind_name: ClassVar[str] = "agreement"
    """The record kind, as the schema, the store and messages name it."""

    id: str = schema.ident()
    type: str = schema.code("agreement_type", own_rule=True)
    parties: tuple[Party, ...] = schema.items(Party)
    signed_on: dt.date | None = schema.date()
    ends_on: dt.date | None = schema.date()
    status: str = schema.code("agreement_status", "signed")
    renews: str = schema.ref("agreement", "")
    note: str = schema.text("")
    source: str = schema.text("")
    illustrative: bool = schema.flag()

    def __post_init__(self) -> None:
        object.__setattr__(self, "parties", as_tuple(self.parties))
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """Return the rules this agreement breaks on its own."""
        w = where_of(self.id)
        out = schema.field_problems(self, w)
        if self.type not in ("I", "II", "III"):
            out.insert(min(1, len(out)), Problem("agreement.type", w,
                                                 value=short(self.type, 20, str)))
        if any(p.rule == "seq.type" for p in out):
            return out
        for p in self.parties:
            out += p.problems(w)
        if out:
            return out
        expected = fw.agreement_type(self.type).parties
        if sorted(p.role for p in self.parties) != sorted(expected):
            out.append(Problem(
                "agreement.parties", w, type=self.type,
                expected=labels("party_role", expected),
                got=labels("party_role", [p.role for p in self.parties], empty="-")))
        if self.signed_on and self.ends_on and self.ends_on < self.signed_on:
            out.append(Problem("agreement.dates", w))
        if self.status != "draft" and self.signed_on is None:
            out.append(Problem("agreement.signed_date", w,
                               status=Label("agreement_status", self.status)))
        return out

    def party(self, role: str) -> Party | None:
        """Return the party with ``role``, or ``None``."""
        return next((p for p in self.parties if p.role == role), None)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """The organisations party to the agreement (tenants excluded), in party order."""
        return tuple(p.actor for p in self.parties if p.actor)

    def end_date(self) -> dt.date | None:
        """The end date, or for an entente II without one, the end of the Annexe 3 term."""
        if self.ends_on is not None:
            return self.ends_on
        term = fw.agreement_type(self.type).term_years
        if term and self.signed_on is not None:
            try:
                return self.signed_on.replace(year=self.signed_on.year + term)
            except ValueError:  # 29 February
                return self.signed_on.replace(year=self.signed_on.year + term, day=28)
        return None


def effective_status(agreement: Agreement, on: dt.date | None = None) -> str:
    """Return the agreement's status on date ``on`` (default: today).

    A signed or renewed agreement whose end date (:meth:`Agreement.end_date`) is before
    ``on`` is ``"expired"``; one signed after ``on`` is still a ``"draft"`` on that date.
    """
    on = on or settings.current_date()
    if agreement.status in ACTIVE:
        if agreement.signed_on and agreement.signed_on > on:
            return "draft"
        end = agreement.end_date()
        if end is not None and end < on:
            return "expired"
    return agreement.status


def is_current(agreement: Agreement, on: dt.date | None = None) -> bool:
    """True if the agreement is in force on ``on`` (signed or renewed, not ended)."""
    return effective_status(agreement, on) in ACTIVE


def expiring(agreements: Iterable[Agreement], *, within_days: int | None = None,
             on: dt.date | None = None) -> list[Agreement]:
    """Return the agreements in force on ``on`` that end within ``within_days`` (default 90)."""
    on = on or settings.current_date()
    days = fw.PARAMETERS["expiry_warning_days"][0] if within_days is None else within_days
    limit = on + dt.timedelta(days=days)
    out = []
    for a in agreements:
        end = a.end_date()
        if is_current(a, on) and end is not None and end <= limit:
            out.append(a)
    return out


def agreement_problems(agreement: Agreement, actors: dict[str, Actor],
                       agreements: Iterable[Agreement]) -> list[Problem]:
    """Check an agreement against the actors and the other agreements of its region.

    Parameters
    ----------
    agreement : Agreement
        The agreement to check (already valid on its own).
    actors : dict of str to Actor
        The region's actors by id.
    agreements : iterable of Agreement
        The region's other agreements (to find the worker's current entente II and the
        agreement renewed).

    Returns
    -------
    list of Problem
        Empty when the agreement follows every rule.
    """
    w = agreement.id
    out: list[Problem] = []
    for p in agreement.parties:
        if p.actor and p.actor not in actors:
            out.append(Problem("agreement.unknown_actor", w, actor=p.actor))
    if out:
        return out
    others = [a for a in agreements if a.id != agreement.id]
    program = agreement.party("program")
    if program is not None and not is_program(actors[program.actor]):
        out.append(Problem("agreement.program", w, actor=program.actor))
    if agreement.type == "I":
        hp = agreement.party("housing_provider")
        assert hp is not None
        if not is_housing_provider(actors[hp.actor]):
            out.append(Problem("agreement.I.provider", w, actor=hp.actor,
                               actor_type=Label("actor_type", actors[hp.actor].type)))
    elif agreement.type == "II":
        ref = agreement.party("referring_org")
        assert ref is not None
        if not is_referring(actors[ref.actor]):
            out.append(Problem("agreement.II.referring", w, actor=ref.actor))
        if program is not None and ref.actor == program.actor:
            out.append(Problem("agreement.II.self", w, actor=ref.actor))
    elif agreement.type == "III":
        out += _agreement_iii_problems(agreement, actors, others)
    if agreement.renews:
        by_id = {a.id: a for a in others}
        old = by_id.get(agreement.renews)
        if old is None or old.type != agreement.type:
            out.append(Problem("agreement.renews", w, renews=agreement.renews))
        elif _renewal_loops(agreement, by_id):
            out.append(Problem("agreement.renews_cycle", w, renews=agreement.renews))
    return out


def _renewal_loops(agreement: Agreement, by_id: dict[str, Agreement]) -> bool:
    """True if following what ``agreement`` renews leads back to it (A renews B renews A)."""
    seen = {agreement.id}
    current: Agreement | None = agreement
    while current is not None and current.renews:
        if current.renews in seen:
            return True
        seen.add(current.renews)
        current = by_id.get(current.renews)
    return False


def _agreement_iii_problems(agreement: Agreement, actors: dict[str, Actor],
                            others: list[Agreement]) -> list[Problem]:
    w = agreement.id
    out: list[Problem] = []
    worker = agreement.party("worker")
    liaison = agreement.party("liaison_agent")
    assert worker is not None and liaison is not None
    org = actors[worker.actor]
    contact = org.contact(worker.person)
    if contact is None or contact.role != "referring_worker":
        out.append(Problem("agreement.III.worker", w, person=worker.person, actor=org.id))
    on = agreement.signed_on or settings.current_date()
    holds_ii = any(a.type == "II" and is_current(a, on) and
                   (a.party("referring_org") or Party("x")).actor == org.id for a in others)
    if not holds_ii:
        out.append(Problem("agreement.III.no_II", w, actor=org.id, on=on.isoformat()))
    prog = actors[liaison.actor]
    lc = prog.contact(liaison.person)
    if not is_program(prog) or lc is None or lc.role != "liaison_agent":
        out.append(Problem("agreement.III.liaison", w, person=liaison.person, actor=prog.id))
    return out


def agreements_frame(agreements: Iterable[Agreement], actors: dict[str, Actor], *,
                     on: dt.date | None = None, lang: str | None = None,
                     tenant_codes: bool = False) -> pd.DataFrame:
    """Return one row per agreement: type, parties, dates, status, days left.

    Tenant codes are replaced by a neutral label unless ``tenant_codes=True``: they
    are personal data and stay out of committee views and default exports.

    Columns: ``id, type, type_label, parties, signed_on, ends_on, status,
    status_label, days_left, expiring, illustrative``.
    """
    on = on or settings.current_date()
    days = fw.PARAMETERS["expiry_warning_days"][0]
    rows = []
    for a in agreements:
        names = []
        for p in a.parties:
            if p.role == "tenant":
                names.append(p.tenant_code if tenant_codes else i18n.t("tenant_hidden", lang))
            else:
                actor = actors.get(p.actor)
                label = actor.label() if actor else p.actor
                names.append(f"{p.person} ({label})" if p.person else label)
        end = a.end_date()
        status = effective_status(a, on)
        left = (end - on).days if end is not None else None
        rows.append({
            "id": a.id, "type": a.type, "type_label": i18n.agreement_label(a.type, lang),
            "parties": " · ".join(names), "signed_on": a.signed_on, "ends_on": end,
            "status": status, "status_label": i18n.label("agreement_status", status, lang),
            "days_left": left,
            "expiring": bool(status in ACTIVE and left is not None and left <= days),
            "illustrative": a.illustrative,
        })
    return pd.DataFrame(rows, columns=["id", "type", "type_label", "parties", "signed_on",
                                       "ends_on", "status", "status_label", "days_left",
                                       "expiring", "illustrative"])


def commitments_frame(agreement_type: str, *, lang: str | None = None) -> pd.DataFrame:
    """Return the commitments of each party under ``agreement_type`` (Tableau 5 and annexes).

    Columns: ``party, party_label, commitment, source``.
    """
    at = fw.agreement_type(agreement_type)
    lang = lang or settings.language
    rows = [{"party": c.party, "party_label": i18n.label("party_role", c.party, lang),
             "commitment": c.fr if lang == "fr" else c.en, "source": c.source}
            for party in at.parties for c in at.commitments_of(party)]
    return pd.DataFrame(rows, columns=["party", "party_label", "commitment", "source"])
