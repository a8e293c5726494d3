"""The partner directory: organisations by territory and sector, whom to call, what binds them.

Asked for by the interviews of seed 003 (a "répertoire"). One row per organisation and
territory it serves, sorted by territory, sector and name: its type, roles, engagement,
its contact people (professional details only: name, role, work email and phone), its
ententes in force and its committee seats. Retired organisations are left out
(:func:`concert.retire.current_region`). No tenant ever appears: ententes III are counted,
never named, and their parties are not listed. :func:`concert.io.directory.write_directory`
writes it as CSV or XLSX.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from concert import i18n, settings
from concert.agreements import is_current
from concert.region import Region
from concert.retire import current_region

__all__ = ["DIRECTORY_COLUMNS", "directory", "directory_headers"]

DIRECTORY_COLUMNS = ["territory", "sector", "organisation", "acronym", "type", "roles",
                     "engagement", "contacts", "agreements", "committees", "actor"]
"""The directory's columns (their headers: ``directory.col.<name>`` in the translation table)."""


def directory(region: Region, *, on: dt.date | None = None,
              lang: str | None = None) -> pd.DataFrame:
    """The partner directory of ``region`` on ``on`` (default today), labels in ``lang``.

    Returns
    -------
    DataFrame
        Columns :data:`DIRECTORY_COLUMNS`: ``territory`` (``""`` for an organisation that
        names none of the region's territories), ``sector`` and ``type`` (labels),
        ``organisation, acronym``, ``roles`` and ``engagement`` (labels), ``contacts``
        (``Name (role), email, phone`` joined by `` | ``), ``agreements`` (ententes in
        force: ``I : id`` and ``II : id``; ententes III counted), ``committees`` (seats
        held on ``on``), ``actor`` (its id).
    """
    on = on or settings.current_date()
    region = current_region(region, on)
    committees = {c.id: c.name or i18n.label("committee_kind", c.kind, lang)
                  for c in region.committees}
    seats: dict[str, list[str]] = {}
    for m in region.memberships:
        if m.active_on(on) and m.committee in committees:
            seats.setdefault(m.actor, []).append(committees[m.committee])
    bound: dict[str, list[str]] = {}
    iii: dict[str, int] = {}
    for g in region.agreements:
        if not is_current(g, on):
            continue
        for actor in dict.fromkeys(g.actor_ids):
            if g.type == "III":
                iii[actor] = iii.get(actor, 0) + 1
            else:
                bound.setdefault(actor, []).append(f"{g.type} : {g.id}")
    known = set(region.territories)
    rows = []
    for a in region.actors:
        contacts = " | ".join(
            ", ".join(x for x in (f"{c.name} ({i18n.label('contact_role', c.role, lang)})",
                                  c.email, c.phone) if x) for c in a.contacts)
        agreements = list(bound.get(a.id, []))
        if iii.get(a.id):
            agreements.append(i18n.t("directory.iii", lang, n=iii[a.id]))
        base = {"sector": i18n.label("sector", a.sector, lang), "organisation": a.name,
                "acronym": a.acronym, "type": i18n.label("actor_type", a.type, lang),
                "roles": "; ".join(i18n.label("org_role", r, lang) for r in a.roles),
                "engagement": i18n.label("engagement", a.engagement, lang),
                "contacts": contacts, "agreements": "; ".join(agreements),
                "committees": "; ".join(dict.fromkeys(seats.get(a.id, []))), "actor": a.id}
        for territory in [t for t in a.territories if t in known] or [""]:
            rows.append({"territory": territory, **base})
    order = {t: i for i, t in enumerate(region.territories)}
    rows.sort(key=lambda r: (order.get(r["territory"], len(order)), r["sector"],
                             r["organisation"].casefold()))
    return pd.DataFrame(rows, columns=DIRECTORY_COLUMNS)


def directory_headers(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The directory with its column headers in ``lang`` (for printing and export)."""
    return frame.rename(columns={c: i18n.t(f"directory.col.{c}", lang)
                                 for c in DIRECTORY_COLUMNS})
