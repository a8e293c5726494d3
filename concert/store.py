"""The embedded store: regions saved to and loaded from one SQLite file.

:class:`Store` wraps a :class:`sqlite_utils.Database`. The file holds any
number of regions; each table carries a ``region`` column, and every child row
points to its parent through a foreign key (``PRAGMA foreign_keys`` is on).
The schema's version is written in ``PRAGMA user_version`` and in the
``concert_meta`` table; a file written by a newer concert is refused with
:class:`concert.StoreVersionError` rather than misread.

Each save is one transaction (``db.atomic()``): the region is checked first,
then its old rows are deleted and the new ones inserted; if anything fails, the
transaction is rolled back and the file is left as it was. Loading returns
objects equal to those saved, in the same order.

Only pseudonymous tenant codes are ever stored (the model refuses anything
else, see :data:`concert.agreements.TENANT_CODE_RE`).

Examples
--------
>>> from concert.example import capitale_nationale
>>> with Store(memory=True) as store:
...     store.save_region(capitale_nationale())
...     store.load_region("capitale-nationale") == capitale_nationale()
True
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from concert import i18n
from concert._errors import NotFoundError, Problem, StoreError, StoreVersionError, raise_if
from concert.actors import Actor, Contact
from concert.agreements import Agreement, Party
from concert.committees import Committee, Membership
from concert.figures import Figure
from concert.indicators import Answer, Assessment
from concert.region import Region
from concert.ties import Tie

__all__ = ["SCHEMA_VERSION", "Store"]

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS concert_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS regions (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, territories TEXT NOT NULL, note TEXT NOT NULL,
    source TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, id TEXT NOT NULL,
    ord INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, sector TEXT NOT NULL,
    territories TEXT NOT NULL, roles TEXT NOT NULL, engagement TEXT NOT NULL,
    acronym TEXT NOT NULL, note TEXT NOT NULL, source TEXT NOT NULL,
    illustrative INTEGER NOT NULL, since TEXT, until TEXT, PRIMARY KEY (region, id));
CREATE TABLE IF NOT EXISTS contacts (
    region TEXT NOT NULL, actor TEXT NOT NULL, ord INTEGER NOT NULL, name TEXT NOT NULL,
    role TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL,
    PRIMARY KEY (region, actor, name),
    FOREIGN KEY (region, actor) REFERENCES actors(region, id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS agreements (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, id TEXT NOT NULL,
    ord INTEGER NOT NULL, type TEXT NOT NULL CHECK (type IN ('I', 'II', 'III')),
    signed_on TEXT, ends_on TEXT, status TEXT NOT NULL, renews TEXT NOT NULL,
    note TEXT NOT NULL, source TEXT NOT NULL, illustrative INTEGER NOT NULL,
    PRIMARY KEY (region, id));
CREATE TABLE IF NOT EXISTS agreement_parties (
    region TEXT NOT NULL, agreement TEXT NOT NULL, ord INTEGER NOT NULL, role TEXT NOT NULL,
    actor TEXT, person TEXT NOT NULL, tenant_code TEXT NOT NULL,
    PRIMARY KEY (region, agreement, role),
    FOREIGN KEY (region, agreement) REFERENCES agreements(region, id) ON DELETE CASCADE,
    FOREIGN KEY (region, actor) REFERENCES actors(region, id));
CREATE TABLE IF NOT EXISTS committees (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, id TEXT NOT NULL,
    ord INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, mandate TEXT NOT NULL,
    meetings_per_year INTEGER, note TEXT NOT NULL, source TEXT NOT NULL,
    illustrative INTEGER NOT NULL, PRIMARY KEY (region, id));
CREATE TABLE IF NOT EXISTS memberships (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, ord INTEGER NOT NULL,
    committee TEXT NOT NULL, actor TEXT NOT NULL, seat TEXT NOT NULL, person TEXT NOT NULL,
    since TEXT, until TEXT, source TEXT NOT NULL, illustrative INTEGER NOT NULL,
    PRIMARY KEY (region, ord),
    FOREIGN KEY (region, committee) REFERENCES committees(region, id) ON DELETE CASCADE,
    FOREIGN KEY (region, actor) REFERENCES actors(region, id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS ties (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, ord INTEGER NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL, kind TEXT NOT NULL, project TEXT NOT NULL,
    since TEXT, until TEXT, note TEXT NOT NULL, source_ref TEXT NOT NULL,
    illustrative INTEGER NOT NULL, PRIMARY KEY (region, ord),
    FOREIGN KEY (region, source) REFERENCES actors(region, id) ON DELETE CASCADE,
    FOREIGN KEY (region, target) REFERENCES actors(region, id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS assessments (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, id TEXT NOT NULL,
    ord INTEGER NOT NULL, on_date TEXT NOT NULL, label TEXT NOT NULL, note TEXT NOT NULL,
    source TEXT NOT NULL, illustrative INTEGER NOT NULL, PRIMARY KEY (region, id));
CREATE TABLE IF NOT EXISTS answers (
    region TEXT NOT NULL, assessment TEXT NOT NULL, ord INTEGER NOT NULL,
    criterion TEXT NOT NULL, level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    respondent TEXT NOT NULL, evidence TEXT NOT NULL,
    PRIMARY KEY (region, assessment, ord),
    FOREIGN KEY (region, assessment) REFERENCES assessments(region, id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS figures (
    region TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE, ord INTEGER NOT NULL,
    code TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, as_of TEXT NOT NULL,
    definition_fr TEXT NOT NULL, definition_en TEXT NOT NULL, source TEXT NOT NULL,
    illustrative INTEGER NOT NULL, PRIMARY KEY (region, ord));
"""

TABLES = ("regions", "actors", "contacts", "agreements", "agreement_parties", "committees",
          "memberships", "ties", "assessments", "answers", "figures")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _s(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class Store:
    """A concert SQLite file.

    Parameters
    ----------
    path : str or Path, optional
        The file; created with the schema if it does not exist.
    memory : bool
        Use an in-memory database instead of a file.

    Raises
    ------
    concert.StoreError
        If the file is not a SQLite database or not a concert store.
    concert.StoreVersionError
        If the file was written with a newer schema.
    """

    def __init__(self, path: str | Path | None = None, *, memory: bool = False) -> None:
        if path is None and not memory:
            msg = "Give a file path, or memory=True for an in-memory store"
            raise StoreError(msg)
        self.path = None if memory else Path(path)  # type: ignore[arg-type]
        try:
            self.db = sqlite_utils.Database(memory=True) if memory else sqlite_utils.Database(
                self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self._prepare()
        except sqlite3.DatabaseError as exc:
            msg = f"{path} is not a readable SQLite file ({exc})"
            raise StoreError(msg) from exc

    # ------------------------------------------------------------------ life cycle
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def _prepare(self) -> None:
        names = set(self.db.table_names())
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if names and "concert_meta" not in names:
            msg = (f"{self.path} is a SQLite file but not a concert store (tables: "
                   f"{', '.join(sorted(names))[:200]}); choose another file")
            raise StoreError(msg)
        if version > SCHEMA_VERSION:
            msg = (f"{self.path} uses schema version {version}, newer than this concert "
                   f"(version {SCHEMA_VERSION}); upgrade concert to open it")
            raise StoreVersionError(msg)
        if not names or version < SCHEMA_VERSION:
            with self.db.atomic():
                # executescript() would commit on its own: run statement by statement.
                for stmt in SCHEMA.split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self.db["concert_meta"].upsert(
                    {"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def schema_version(self) -> int:
        """The schema version written in the file."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ regions
    def regions(self) -> list[tuple[str, str]]:
        """The regions in the store as ``(code, name)`` pairs, sorted by code."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT code, name FROM regions ORDER BY code").fetchall()]

    def has_region(self, code: str) -> bool:
        """True if the store holds region ``code``."""
        return self.db.execute("SELECT 1 FROM regions WHERE code = ?", [code]).fetchone() is not None

    def save_region(self, region: Region, *, replace: bool = True) -> None:
        """Save ``region``, replacing the stored one of the same code.

        The region is checked first (:meth:`Region.validate`); the save is one
        transaction, so a failure leaves the file unchanged.

        Parameters
        ----------
        region : Region
            The region to save.
        replace : bool
            If ``False``, refuse to overwrite an existing region of the same code.

        Raises
        ------
        concert.ValidationError
            If the region breaks a rule; nothing is written.
        concert.StoreError
            If the region exists and ``replace`` is false, or the write fails.
        """
        if not isinstance(region, Region):
            msg = f"save_region expects a Region, got {type(region).__name__}"
            raise StoreError(msg)
        raise_if(region.problems())
        if not replace and self.has_region(region.code):
            msg = f"region {region.code!r} already exists; pass replace=True to replace it"
            raise StoreError(msg)
        rows = _region_rows(region)
        try:
            with self.db.atomic():
                self.db.execute("DELETE FROM regions WHERE code = ?", [region.code])
                for table in TABLES:
                    if rows[table]:
                        self.db[table].insert_all(rows[table])
        except sqlite3.Error as exc:
            msg = f"saving region {region.code!r} failed, nothing was written ({exc})"
            raise StoreError(msg) from exc

    def add_assessment(self, code: str, assessment: Assessment) -> None:
        """Add one assessment to stored region ``code``, in one transaction.

        Cheaper than saving the whole region, and what the dashboard's form uses.

        Raises
        ------
        concert.NotFoundError
            If the region is not in the store.
        concert.ValidationError
            If the assessment is invalid or its id is already used; nothing is written.
        """
        if not isinstance(assessment, Assessment):
            msg = f"add_assessment expects an Assessment, got {type(assessment).__name__}"
            raise StoreError(msg)
        if not self.has_region(code):
            raise NotFoundError(f"no region {code!r} in the store")
        raise_if(assessment.problems())
        if self.db.execute("SELECT 1 FROM assessments WHERE region = ? AND id = ?",
                           [code, assessment.id]).fetchone():
            raise_if([Problem("duplicate", assessment.id, kind=i18n.t("kind.assessment"))])
        shell = Region(code, "-")
        shell.assessments = [assessment]
        rows = _region_rows(shell)
        try:
            with self.db.atomic():
                ord_ = self.db.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM assessments "
                                       "WHERE region = ?", [code]).fetchone()[0]
                rows["assessments"][0]["ord"] = ord_
                self.db["assessments"].insert_all(rows["assessments"])
                if rows["answers"]:
                    self.db["answers"].insert_all(rows["answers"])
        except sqlite3.Error as exc:
            msg = f"saving assessment {assessment.id!r} failed, nothing was written ({exc})"
            raise StoreError(msg) from exc

    def delete_region(self, code: str) -> None:
        """Delete region ``code`` and everything recorded about it."""
        if not self.has_region(code):
            raise NotFoundError(f"no region {code!r} in the store")
        with self.db.atomic():
            self.db.execute("DELETE FROM regions WHERE code = ?", [code])

    def load_region(self, code: str | None = None) -> Region:
        """Load region ``code`` (or the only region, when the store holds exactly one).

        Raises
        ------
        concert.NotFoundError
            If there is no such region, or ``code`` is omitted and the store does not
            hold exactly one region.
        """
        if code is None:
            codes = [c for c, _ in self.regions()]
            if len(codes) != 1:
                msg = (f"the store holds {len(codes)} regions ({', '.join(codes) or '-'}); "
                       "name the one to load")
                raise NotFoundError(msg)
            code = codes[0]
        row = self.db.execute("SELECT * FROM regions WHERE code = ?", [code]).fetchone()
        if row is None:
            raise NotFoundError(f"no region {code!r} in the store")
        return _build_region(self, code)

    def rows(self, table: str, region: str) -> Iterator[dict[str, Any]]:
        """The raw rows of ``table`` for ``region``, in saved order (for exports)."""
        if table not in TABLES:
            msg = f"unknown table {table!r}"
            raise StoreError(msg)
        col = "code" if table == "regions" else "region"
        order = "" if table == "regions" else " ORDER BY ord"
        yield from self.db.query(f"SELECT * FROM {table} WHERE {col} = ?{order}", [region])


def _region_rows(r: Region) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["regions"].append({"code": r.code, "name": r.name,
                            "territories": json.dumps(list(r.territories), ensure_ascii=False),
                            "note": r.note, "source": r.source,
                            "saved_at": dt.datetime.now(dt.timezone.utc).isoformat()})
    for i, a in enumerate(r.actors):
        rows["actors"].append({
            "region": r.code, "id": a.id, "ord": i, "name": a.name, "type": a.type,
            "sector": a.sector, "territories": json.dumps(list(a.territories), ensure_ascii=False),
            "roles": json.dumps(list(a.roles)), "engagement": a.engagement,
            "acronym": a.acronym, "note": a.note, "source": a.source,
            "illustrative": int(a.illustrative), "since": _s(a.since), "until": _s(a.until)})
        for j, c in enumerate(a.contacts):
            rows["contacts"].append({"region": r.code, "actor": a.id, "ord": j, "name": c.name,
                                     "role": c.role, "email": c.email, "phone": c.phone})
    for i, g in enumerate(r.agreements):
        rows["agreements"].append({
            "region": r.code, "id": g.id, "ord": i, "type": g.type, "signed_on": _s(g.signed_on),
            "ends_on": _s(g.ends_on), "status": g.status, "renews": g.renews, "note": g.note,
            "source": g.source, "illustrative": int(g.illustrative)})
        for j, p in enumerate(g.parties):
            rows["agreement_parties"].append({
                "region": r.code, "agreement": g.id, "ord": j, "role": p.role,
                "actor": p.actor or None, "person": p.person, "tenant_code": p.tenant_code})
    for i, c in enumerate(r.committees):
        rows["committees"].append({
            "region": r.code, "id": c.id, "ord": i, "kind": c.kind, "name": c.name,
            "mandate": c.mandate, "meetings_per_year": c.meetings_per_year, "note": c.note,
            "source": c.source, "illustrative": int(c.illustrative)})
    for i, m in enumerate(r.memberships):
        rows["memberships"].append({
            "region": r.code, "ord": i, "committee": m.committee, "actor": m.actor,
            "seat": m.seat, "person": m.person, "since": _s(m.since), "until": _s(m.until),
            "source": m.source, "illustrative": int(m.illustrative)})
    for i, t in enumerate(r.ties):
        rows["ties"].append({
            "region": r.code, "ord": i, "source": t.source, "target": t.target, "kind": t.kind,
            "project": t.project, "since": _s(t.since), "until": _s(t.until), "note": t.note,
            "source_ref": t.source_ref, "illustrative": int(t.illustrative)})
    for i, s in enumerate(r.assessments):
        rows["assessments"].append({
            "region": r.code, "id": s.id, "ord": i, "on_date": s.on.isoformat(),
            "label": s.label, "note": s.note, "source": s.source,
            "illustrative": int(s.illustrative)})
        for j, ans in enumerate(s.answers):
            rows["answers"].append({
                "region": r.code, "assessment": s.id, "ord": j, "criterion": ans.criterion,
                "level": ans.level, "respondent": ans.respondent, "evidence": ans.evidence})
    for i, f in enumerate(r.figures):
        rows["figures"].append({
            "region": r.code, "ord": i, "code": f.code, "value": float(f.value), "unit": f.unit,
            "as_of": f.as_of.isoformat(), "definition_fr": f.definition_fr,
            "definition_en": f.definition_en, "source": f.source,
            "illustrative": int(f.illustrative)})
    return rows


def _group(store: Store, table: str, code: str, key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in store.rows(table, code):
        out.setdefault(row[key], []).append(row)
    return out


def _build_region(store: Store, code: str) -> Region:
    reg = next(store.rows("regions", code))
    contacts = _group(store, "contacts", code, "actor")
    parties = _group(store, "agreement_parties", code, "agreement")
    answers = _group(store, "answers", code, "assessment")
    region = Region(reg["code"], reg["name"], tuple(json.loads(reg["territories"])),
                    note=reg["note"], source=reg["source"])
    region.actors = [Actor(
        r["id"], r["name"], r["type"], sector=r["sector"],
        territories=tuple(json.loads(r["territories"])), roles=tuple(json.loads(r["roles"])),
        contacts=tuple(Contact(c["name"], c["role"], c["email"], c["phone"])
                       for c in contacts.get(r["id"], [])),
        engagement=r["engagement"], acronym=r["acronym"], note=r["note"], source=r["source"],
        illustrative=bool(r["illustrative"]), since=_d(r["since"]), until=_d(r["until"]))
        for r in store.rows("actors", code)]
    region.agreements = [Agreement(
        r["id"], r["type"],
        tuple(Party(p["role"], p["actor"] or "", p["person"], p["tenant_code"])
              for p in parties.get(r["id"], [])),
        signed_on=_d(r["signed_on"]), ends_on=_d(r["ends_on"]), status=r["status"],
        renews=r["renews"], note=r["note"], source=r["source"],
        illustrative=bool(r["illustrative"])) for r in store.rows("agreements", code)]
    region.committees = [Committee(
        r["id"], r["kind"], r["name"], r["mandate"], r["meetings_per_year"], r["note"],
        r["source"], bool(r["illustrative"])) for r in store.rows("committees", code)]
    region.memberships = [Membership(
        r["committee"], r["actor"], r["seat"], r["person"], _d(r["since"]), _d(r["until"]),
        r["source"], bool(r["illustrative"])) for r in store.rows("memberships", code)]
    region.ties = [Tie(
        r["source"], r["target"], r["kind"], r["project"], _d(r["since"]), _d(r["until"]),
        r["note"], r["source_ref"], bool(r["illustrative"])) for r in store.rows("ties", code)]
    region.assessments = [Assessment(
        r["id"], dt.date.fromisoformat(r["on_date"]),
        tuple(Answer(a["criterion"], a["level"], a["respondent"], a["evidence"])
              for a in answers.get(r["id"], [])),
        label=r["label"], note=r["note"], source=r["source"],
        illustrative=bool(r["illustrative"])) for r in store.rows("assessments", code)]
    region.figures = [Figure(
        r["code"], r["value"], r["unit"], dt.date.fromisoformat(r["as_of"]), r["definition_fr"],
        r["definition_en"], r["source"], bool(r["illustrative"]))
        for r in store.rows("figures", code)]
    return region
