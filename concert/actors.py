"""Actors: the organisations of a region, their type, sector, roles and engagement.

An :class:`Actor` is an organisation (an OMH, a CIUSSS, a community
organisation, a co-op, a private landlord, the program itself...). Its
``type`` comes from :data:`concert.framework.ACTOR_TYPES` and gives its
default ``sector``; its ``roles`` (referring organisation, carrier, housing
provider, funder) may be several at once, as the source warns for the carrier
that also refers tenants (Tableau 6, L4342-4344). ``contacts`` are the
professionals of the organisation, by role (liaison agent, referring worker,
...); they are people at work, never tenants. ``engagement`` says how far the
organisation is involved: identified, contacted, at the table, signatory.

Examples
--------
>>> omhq = Actor("omhq", "Office municipal d’habitation de Québec", "omh",
...              territories=["Ville de Québec"], roles=["housing_provider"])
>>> omhq.sector
'housing'
>>> is_housing_provider(omhq)
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from concert import framework as fw
from concert import i18n, schema
from concert._errors import Problem, raise_if
from concert._validate import (
    as_tuple,
    fold,
    where_of,
)

__all__ = ["Actor", "Contact", "actors_frame", "is_housing_provider", "is_program",
           "is_referring", "key_actor_rows_of"]


@dataclass(frozen=True)
class Contact:
    """A professional of an organisation, known by name and role.

    Parameters
    ----------
    name : str
        The person's name (fictional in the example region).
    role : str
        A code of :data:`concert.framework.CONTACT_ROLES`, e.g. ``"liaison_agent"``.
    email, phone : str
        Optional professional coordinates.
    """

    kind_name: ClassVar[str] = "contact"
    """The record kind, as the schema, the store and messages name it."""

    name: str = schema.text(required=True, max_len=200)
    role: str = schema.code("contact_role", "other")
    email: str = schema.text("", max_len=200)
    phone: str = schema.text("", max_len=50)

    def __post_init__(self) -> None:
        raise_if(self.problems())

    def problems(self, where: str = "contact") -> list[Problem]:
        """Return the rules this contact breaks."""
        return schema.field_problems(self, where)


@dataclass(frozen=True)
class Actor:
    """An organisation of the region.

    Parameters
    ----------
    id : str
        Identifier unique in the region (letters, digits, ``_ . -``).
    name : str
        The organisation's name.
    type : str
        A code of :data:`concert.framework.ACTOR_TYPES`.
    sector : str, optional
        A code of :data:`concert.framework.SECTORS`; defaults to the type's sector.
        Required when ``type`` is ``"other"``.
    territories : sequence of str
        The territories it serves (a CIUSSS serves several).
    roles : sequence of str
        Codes of :data:`concert.framework.ORG_ROLES`; kept sorted, without repeats.
    contacts : sequence of Contact
        Its professionals, by role.
    engagement : str
        ``identified``, ``contacted``, ``at_table`` or ``signatory``.
    acronym, note : str
        Free text.
    source : str
        Where the fact comes from (e.g. ``"000 L1803-1834"``).
    illustrative : bool
        True when the entry is invented for illustration rather than taken from a source.
    since, until : datetime.date or None
        When the organisation joined and left the region's concertation, if known.

    Raises
    ------
    concert.ValidationError
        With one problem per broken rule.
    """

    kind_name: ClassVar[str] = "actor"
    """The record kind, as the schema, the store and messages name it."""

    id: str = schema.ident()
    name: str = schema.text(required=True, max_len=200)
    type: str = schema.code("actor_type")
    sector: str = schema.code("sector", "")
    territories: tuple[str, ...] = schema.texts()
    roles: tuple[str, ...] = schema.codes("org_role")
    contacts: tuple[Contact, ...] = schema.items(Contact)
    engagement: str = schema.code("engagement", "identified")
    acronym: str = schema.text("")
    note: str = schema.text("")
    source: str = schema.text("")
    illustrative: bool = schema.flag()
    since: dt.date | None = schema.date()
    until: dt.date | None = schema.date()

    def __post_init__(self) -> None:
        for name in ("territories", "roles", "contacts"):
            object.__setattr__(self, name, as_tuple(getattr(self, name)))
        if self.sector == "" and isinstance(self.type, str) and self.type in fw.codes(
                "actor_type"):
            object.__setattr__(self, "sector", fw.actor_type(self.type).sector)
        problems = self.problems()
        raise_if(problems)
        object.__setattr__(self, "roles", tuple(sorted(set(self.roles))))

    def problems(self) -> list[Problem]:
        """Return the rules this actor breaks (empty when valid)."""
        w = where_of(self.id)
        out = schema.field_problems(self, w)
        if self.sector == "" and self.type == "other":
            out.append(Problem("actor.sector_required", w))
        if not out and self.since and self.until and self.until < self.since:
            out.append(Problem("dates.order", w))
        if isinstance(self.contacts, tuple):
            names = [fold(c.name) for c in self.contacts
                     if isinstance(c, Contact) and isinstance(c.name, str)]
            if len(names) != len(set(names)):  # the same name typed two ways
                out.append(Problem("actor.contact_duplicate", w))
        return out

    def active_on(self, on: dt.date) -> bool:
        """True if the organisation takes part on ``on`` (unknown dates count as yes)."""
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)

    def contact(self, name: str) -> Contact | None:
        """Return the contact called ``name``, or ``None``."""
        return next((c for c in self.contacts if c.name == name), None)

    def label(self) -> str:
        """The acronym if any, else the name."""
        return self.acronym or self.name


def is_housing_provider(actor: Actor) -> bool:
    """True if the actor can sign an agreement I as a housing provider.

    It can when its type provides housing (OMH, OBNL, co-op, private landlord) or
    it holds the ``housing_provider`` role.
    """
    return fw.actor_type(actor.type).housing_provider or "housing_provider" in actor.roles


def is_referring(actor: Actor) -> bool:
    """True if the actor holds the ``referring`` role (organisme référent)."""
    return "referring" in actor.roles


def is_program(actor: Actor) -> bool:
    """True if the actor is the program itself (type ``program``)."""
    return actor.type == "program"


def key_actor_rows_of(actor: Actor) -> tuple[str, ...]:
    """Return the rows of the key-actor grid (Tableau 6) that ``actor`` fills."""
    return tuple(row.code for row in fw.KEY_ACTOR_ROWS
                 if actor.type in row.actor_types or any(r in actor.roles for r in row.roles))


def actors_frame(actors: list[Actor], *, lang: str | None = None) -> pd.DataFrame:
    """Return one row per actor, with labels in ``lang``.

    Columns: ``id, name, acronym, type, type_label, sector, sector_label,
    territories, roles, engagement, engagement_label, contacts, illustrative``.
    ``territories`` and ``roles`` are joined with ``"; "``; ``contacts`` is a count.
    """
    rows = [{
        "id": a.id, "name": a.name, "acronym": a.acronym, "type": a.type,
        "type_label": i18n.label("actor_type", a.type, lang),
        "sector": a.sector, "sector_label": i18n.label("sector", a.sector, lang),
        "territories": "; ".join(a.territories), "roles": "; ".join(a.roles),
        "engagement": a.engagement,
        "engagement_label": i18n.label("engagement", a.engagement, lang),
        "contacts": len(a.contacts), "illustrative": a.illustrative,
    } for a in actors]
    return pd.DataFrame(rows, columns=["id", "name", "acronym", "type", "type_label", "sector",
                                       "sector_label", "territories", "roles", "engagement",
                                       "engagement_label", "contacts", "illustrative"])

