"""The change log in words, and the plan of bringing a past state back.

:meth:`concert.Store.changes` gives the audit trail with each record before and
after; :func:`change_log` says each change as a sentence in the language asked
("Camille L. a retiré l’organisme « Café de rue Le Tournant »"), with the before
and after of each field, in local time (:data:`concert.settings.timezone`).
:func:`restore_plan` lists what bringing back a past state
(:meth:`concert.Store.region_as_of`) would change; :meth:`concert.Store.restore_as_of`
applies it as a new audited save. Tenant codes never appear: an entente III's
parties are shown by role and organisation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from concert import i18n, schema, settings
from concert.records import to_dict
from concert.region import ALL_RECORD_TYPES, RECORD_LISTS, Region, record_key

__all__ = ["change_log", "describe", "field_changes", "known_names", "restore_plan",
           "verb_of"]

LOG_COLUMNS = ["id", "at", "at_local", "user", "action", "kind", "key", "verb", "sentence",
               "fields"]
_END_FIELD = {"actor": "until", "membership": "until", "tie": "until", "agreement": "ends_on"}


def _name(kind: str, data: Mapping[str, Any], known: Mapping[str, str] | None = None) -> str:
    """How a sentence names a record: an organisation's or committee's name, else its key.

    ``known``: names by id (organisations, ``committee:<id>`` for committees), for seats
    and ties.
    """
    known = known or {}
    if kind in ("actor", "committee") and data.get("name"):
        return str(data["name"])
    if kind == "membership":
        committee = str(data.get("committee"))
        actor = str(data.get("actor"))
        return f"{known.get(f'committee:{committee}', committee)} / {known.get(actor, actor)}"
    if kind == "tie":
        source, target = str(data.get("source")), str(data.get("target"))
        return f"{known.get(source, source)} → {known.get(target, target)}"
    if kind == "figure":
        return f"{data.get('code')} ({data.get('as_of')})"
    if kind == "action" and data.get("title"):
        return str(data["title"])
    if kind == "commitment":
        return f"{data.get('agreement')} / {data.get('commitment')}"
    return str(data.get("id", ""))


def verb_of(action: str, kind: str, before: Mapping[str, Any] | None,
            after: Mapping[str, Any] | None) -> str:
    """What a change did, as the change log says it.

    ``insert``, ``update``, ``delete``, or ``retire`` (an end date given to an
    organisation, a seat or a tie) and ``end`` (an entente's).
    """
    end = _END_FIELD.get(kind)
    if action == "update" and end and before is not None and after is not None \
            and after.get(end) and after.get(end) != before.get(end):
        return "end" if kind == "agreement" else "retire"
    return action


def _value(kind: str, name: str, value: Any, lang: str | None) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return i18n.t("export.yes" if value else "export.no", lang)
    if name == "parties" and isinstance(value, list):  # never a tenant's code
        return "; ".join(f"{i18n.label('party_role', p.get('role', ''), lang)}"
                         + (f" : {p['actor']}" if p.get("actor") else "") for p in value)
    if name == "contacts" and isinstance(value, list):
        return "; ".join(str(c.get("name", "")) for c in value)
    if name == "answers" and isinstance(value, list):
        return str(len(value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    spec = _spec(kind, name)
    if spec is not None and spec.kind == "code" and spec.table:
        try:
            return i18n.label(spec.table, str(value), lang)
        except (KeyError, LookupError):
            return str(value)
    return str(value)


def _spec(kind: str, name: str) -> schema.Spec | None:
    cls = ALL_RECORD_TYPES.get(kind)
    if cls is None:
        return None
    try:
        return schema.spec_of(cls, name)
    except LookupError:
        return None


def field_changes(kind: str, before: Mapping[str, Any] | None,
                  after: Mapping[str, Any] | None, lang: str | None = None
                  ) -> list[tuple[str, str, str]]:
    """``(field label, before, after)`` for each field that differs, in words."""
    b, a = before or {}, after or {}
    out = []
    for name in dict.fromkeys([*b, *a]):
        if b.get(name) != a.get(name):
            out.append((schema.field_label(kind, name, lang),
                        _value(kind, name, b.get(name), lang),
                        _value(kind, name, a.get(name), lang)))
    return out


def known_names(region: Region | None) -> dict[str, str]:
    """Names by id of a region's organisations, and ``committee:<id>`` of its committees."""
    if region is None:
        return {}
    out = {a.id: a.label() for a in region.actors}
    out.update({f"committee:{c.id}": c.name or c.id for c in region.committees})
    return out


def describe(change: Mapping[str, Any], *, lang: str | None = None,
             names: Mapping[str, str] | None = None, region: Region | None = None) -> str:
    """One change of :meth:`concert.Store.changes` as a sentence in ``lang``.

    ``names``: the display name of each account (``{"camille": "Camille L."}``);
    ``region``: the region now, to name the organisations and committees of seats and ties.
    """
    return _sentence(change, lang, names, known_names(region))


def _sentence(change: Mapping[str, Any], lang: str | None, names: Mapping[str, str] | None,
              known: Mapping[str, str]) -> str:
    """:func:`describe` with the region's names already gathered (:func:`known_names`)."""
    kind, action = str(change["kind"]), str(change["action"])
    before, after = change.get("before"), change.get("after")
    verb = verb_of(action, kind, before, after)
    data = after if after is not None else before or {}
    user = (names or {}).get(str(change["user"]), str(change["user"]))
    key = f"log.{verb}.{kind}"
    if key not in i18n.TEXT:
        key = f"log.{verb}"
    return i18n.t(key, lang, user=user, name=_name(kind, data, known),
                  kind=i18n.t(f"kind.{kind}", lang),
                  date=str(data.get(_END_FIELD.get(kind, ""), "") or ""))


def change_log(changes: Iterable[Mapping[str, Any]], *, lang: str | None = None,
               kinds: Iterable[str] | None = None, since: dt.date | None = None,
               until: dt.date | None = None, names: Mapping[str, str] | None = None,
               region: Region | None = None) -> pd.DataFrame:
    """The change log as a table, newest first, in ``lang`` and local time.

    Parameters
    ----------
    changes : iterable of dict
        From :meth:`concert.Store.changes`.
    kinds : iterable of str, optional
        Keep only these record kinds.
    since, until : datetime.date, optional
        Keep the changes made on those local days or between them.
    names : mapping, optional
        Account name -> the name people read (``Account.display_name``).
    region : Region, optional
        The region now: seats and ties are named by their organisations and committees.

    Returns
    -------
    DataFrame
        ``id, at`` (UTC ISO), ``at_local`` (``YYYY-MM-DD HH:MM``), ``user`` (as shown),
        ``action, kind, key``, ``verb`` (``insert``, ``update``, ``delete``, ``retire``,
        ``end``), ``sentence``, ``fields`` (list of ``(field, before, after)``).
    """
    wanted = set(kinds) if kinds is not None else None
    known = known_names(region)  # once, not for each change
    rows = []
    for c in changes:
        if wanted is not None and c["kind"] not in wanted:
            continue
        local = settings.local_time(dt.datetime.fromisoformat(str(c["at"])))
        if (since is not None and local.date() < since) or (
                until is not None and local.date() > until):
            continue
        kind = str(c["kind"])
        rows.append({"id": c.get("id"), "at": c["at"], "at_local": local.strftime(
            "%Y-%m-%d %H:%M"), "user": (names or {}).get(str(c["user"]), str(c["user"])),
            "action": c["action"], "kind": kind, "key": c["key"],
            "verb": verb_of(str(c["action"]), kind, c.get("before"), c.get("after")),
            "sentence": _sentence(c, lang, names, known),
            "fields": field_changes(kind, c.get("before"), c.get("after"), lang)})
    rows.reverse()
    return pd.DataFrame(rows, columns=LOG_COLUMNS)


def _keyed(region: Region) -> dict[tuple[str, str], Any]:
    return {(kind, record_key(kind, rec)): rec for kind, attr in RECORD_LISTS.items()
            for rec in getattr(region, attr)}


def restore_plan(current: Region, past: Region, *, lang: str | None = None) -> pd.DataFrame:
    """What bringing ``past`` back over ``current`` changes: the confirmation's list.

    Returns
    -------
    DataFrame
        One row per record that would change: ``action`` (``insert``: it comes back,
        ``update``: its fields go back, ``delete``: added since, it goes), ``kind``, ``key``,
        ``name``, ``sentence`` and ``fields`` (list of ``(field, now, then)``). Empty when
        nothing would change.
    """
    now, then = _keyed(current), _keyed(past)
    known = {**known_names(past), **known_names(current)}
    rows = []
    for (kind, key) in dict.fromkeys([*then, *now]):
        a, b = now.get((kind, key)), then.get((kind, key))
        da = to_dict(kind, a) if a is not None else None
        db = to_dict(kind, b) if b is not None else None
        if da == db:
            continue
        action = "insert" if da is None else "delete" if db is None else "update"
        data = db if db is not None else da or {}
        name = _name(kind, data, known)
        rows.append({"action": action, "kind": kind, "key": key, "name": name,
                     "sentence": i18n.t(f"restore.{action}", lang,
                                        kind=i18n.t(f"kind.{kind}", lang), name=name),
                     "fields": field_changes(kind, da, db, lang)})
    return pd.DataFrame(rows, columns=["action", "kind", "key", "name", "sentence", "fields"])
