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

Several people may use one file at once (the dashboard of a committee): the
file is in WAL mode, writes are short ``BEGIN IMMEDIATE`` transactions that wait
up to 10 s for each other, and every region carries a ``revision`` that each
write moves on. A region loaded at revision *n* and saved over a later revision
does not erase what was saved in between: their records are kept, and the save
writes only what its author added, changed or removed since loading
(:mod:`concert.merge`). Changes that overlap
(the same record changed both ways) are refused with :class:`ConflictError`,
which says who saved and when, instead of overwriting their change.

Each member organisation answers an open assessment with :meth:`Store.submit_answers`
(from its account or a personal link, :meth:`Store.create_answer_link`, whose token is kept
hashed); its answers replace its own only, and an anonymous assessment keeps them under a
pseudonym (issue 15).

A form saves one record (:meth:`Store.save_record`, with the record as the person
loaded it): if someone changed that record since, :class:`RecordConflict` names who and
when, and nothing is written; records changed by others are kept.

Every change to a record (actor, agreement, committee, seat, tie, assessment,
figure) is written to the ``audit`` table with the time, the user name and the
record before and after; :meth:`Store.history` lists them and
:meth:`Store.region_as_of` rebuilds the region as it was at a past time.
:meth:`Store.backup` makes a consistent copy with SQLite's backup API, even
while the dashboard is running.

Examples
--------
>>> from concert.example import capitale_nationale
>>> with Store(memory=True) as store:
...     store.save_region(capitale_nationale())
...     store.load_region("capitale-nationale") == capitale_nationale()
True
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import functools
import getpass
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import sqlite_utils

from concert import _gc, accounts, links, retention, schema, settings
from concert import calls as calls_module
from concert import framework as fw
from concert._errors import (
    AccessDenied,
    ArgumentError,
    Joined,
    Message,
    MisuseError,
    NotFoundError,
    Problem,
    StoreError,
    StoreVersionError,
    raise_if,
)
from concert.accounts import Account, Session
from concert.agreements import Agreement
from concert.calls import Call
from concert.commitments import CommitmentReview
from concert.indicators import Answer, Assessment
from concert.merge import MergeConflict, three_way_merge
from concert.records import from_dict, key_of, to_dict
from concert.region import (
    ALL_RECORD_TYPES,
    RECORD_LISTS,
    Baseline,
    Region,
    region_copy,
)

__all__ = ["SCHEMA_VERSION", "ConflictError", "RecordConflict", "Store"]


class ConflictError(StoreError):
    """The region changed in the store since it was loaded: reload and redo the change."""


class RecordConflict(ConflictError):
    """One record changed in the store since the person loaded it (who, when, what now).

    Attributes: ``kind``, ``record`` (its key), ``user`` (who saved it last), ``at`` (when,
    UTC ISO),
    ``stored`` (the record as stored now, ``None`` if it was removed).
    """

    def __init__(self, kind: str, key: str, user: str, at: str, stored: Any) -> None:
        super().__init__(Message("store.record_conflict", kind=Message(f"kind.{kind}"),
                                 record=key, user=user, at=LocalTime(at)))
        self.kind, self.record, self.user, self.at, self.stored = kind, key, user, at, stored


class LocalTime:
    """A UTC ISO time shown in the machine's local time (``2026-12-06 08:10``)."""

    def __init__(self, at: str) -> None:
        self.at = at

    def text(self, lang: str | None = None) -> str:
        """The time in local time, to the minute."""
        try:
            return settings.local_time(dt.datetime.fromisoformat(self.at)).strftime(
                "%Y-%m-%d %H:%M")
        except ValueError:
            return self.at[:16]

    def __str__(self) -> str:
        return self.text()


SCHEMA_VERSION = 6
"""6: the follow-up loop (issue 15): actions and their log, commitment reviews, answers'
group, assessments' anonymity and closing day, answer links and receipts; 5: the liaison
agent's calls (issue 16); 4: accounts, the access log (issue 12); 3: ties' frequency;
2: revisions."""

@dataclasses.dataclass(frozen=True)
class _Layout:
    """Where a kind of record is stored: its table, parent kind and primary key.

    Its columns are its fields (:mod:`concert.schema`); nested records name their parent.
    """

    table: str
    parent: str = ""
    key: tuple[str, ...] = ("id",)
    apart: bool = False
    """Kept apart from the region's lists (:data:`concert.region.APART_RECORD_TYPES`): a
    save, which rewrites the region's rows, never reaches its table (no cascade from the
    region's row, no foreign key to its actors); :meth:`Store.delete_region` removes it."""


LAYOUT: dict[str, _Layout] = {
    "actor": _Layout("actors"),
    "contact": _Layout("contacts", "actor", ("actor", "name")),
    "agreement": _Layout("agreements"),
    "party": _Layout("agreement_parties", "agreement", ("agreement", "role")),
    "committee": _Layout("committees"),
    "membership": _Layout("memberships", key=("ord",)),
    "tie": _Layout("ties", key=("ord",)),
    "assessment": _Layout("assessments"),
    "answer": _Layout("answers", "assessment", ("assessment", "ord")),
    "figure": _Layout("figures", key=("ord",)),
    "call": _Layout("calls", apart=True),
    "action": _Layout("actions"),
    "action_event": _Layout("action_events", "action", ("action", "ord")),
    "commitment": _Layout("commitment_reviews", key=("ord",)),
}
"""Each record kind's table, in the order rows are written (parents first)."""

TABLES = ("regions", *(layout.table for layout in LAYOUT.values()))


def _cls(kind: str) -> type:
    return ALL_RECORD_TYPES[kind]


def _kind(cls: type) -> str:
    return str(cls.kind_name)  # type: ignore[attr-defined]

_SQL_TYPES = {"int": "INTEGER", "bool": "INTEGER", "float": "REAL"}


def _column(spec: schema.Spec, name: str) -> str:
    return spec.column or name


def _nullable(kind: str, name: str, spec: schema.Spec) -> bool:
    """Unknown dates and numbers are NULL; so is an empty optional reference (no row)."""
    if spec.kind == "ref":
        return schema.optional(_cls(kind), name) and LAYOUT.get(spec.table) is not None \
            and spec.table != kind
    if spec.kind == "date":
        return not spec.required
    return spec.kind in ("int", "float") and schema.default_of(_cls(kind), name) is None


def _column_sql(kind: str, name: str, spec: schema.Spec, *, added: bool = False) -> str:
    """A column's definition; ``added``: with the default an ALTER TABLE needs."""
    sql = f"{_column(spec, name)} {_SQL_TYPES.get(spec.kind, 'TEXT')}"
    if _nullable(kind, name, spec):
        return sql
    sql += " NOT NULL"
    if added:
        default = schema.default_of(_cls(kind), name)
        value = _to_sql(kind, name, spec, () if default is None else default)
        sql += f" DEFAULT {_sql_literal(value)}"
    return sql


def _sql_literal(value: Any) -> str:
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _table_sql(kind: str) -> str:
    """``CREATE TABLE`` for a record kind, derived from its fields."""
    layout = LAYOUT[kind]
    cols = ["region TEXT NOT NULL" + ("" if layout.parent or layout.apart else
                                      " REFERENCES regions(code) ON DELETE CASCADE")]
    constraints = []
    if layout.parent:
        cols.append(f"{layout.parent} TEXT NOT NULL")
        constraints.append(f"FOREIGN KEY (region, {layout.parent}) REFERENCES "
                           f"{LAYOUT[layout.parent].table}(region, id) ON DELETE CASCADE")
    cols.append("ord INTEGER NOT NULL")
    for name, spec in schema.specs(_cls(kind)):
        if spec.kind == "items":
            continue
        cols.append(_column_sql(kind, name, spec))
        if spec.kind == "ref" and spec.table in LAYOUT and spec.table != kind \
                and not layout.apart:
            cascade = "" if _nullable(kind, name, spec) else " ON DELETE CASCADE"
            constraints.append(f"FOREIGN KEY (region, {name}) REFERENCES "
                               f"{LAYOUT[spec.table].table}(region, id){cascade}")
    key = ", ".join(("region", *layout.key))
    body = ",\n    ".join([*cols, f"PRIMARY KEY ({key})", *constraints])
    return f"CREATE TABLE IF NOT EXISTS {layout.table} (\n    {body})"


SCHEMA = ";\n".join([
    "CREATE TABLE IF NOT EXISTS concert_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ("CREATE TABLE IF NOT EXISTS regions (\n    code TEXT PRIMARY KEY, name TEXT NOT NULL, "
    "territories TEXT NOT NULL, note TEXT NOT NULL,\n    source TEXT NOT NULL, saved_at TEXT "
    "NOT NULL, revision INTEGER NOT NULL DEFAULT 0,\n    saved_by TEXT NOT NULL DEFAULT '')"),
    *(_table_sql(kind) for kind in LAYOUT),
    ("CREATE TABLE IF NOT EXISTS audit (\n    id INTEGER PRIMARY KEY, region TEXT NOT NULL, "
    "at TEXT NOT NULL, user TEXT NOT NULL,\n    action TEXT NOT NULL CHECK (action IN "
    "('insert', 'update', 'delete')), kind TEXT NOT NULL,\n    key TEXT NOT NULL, ord "
    "INTEGER NOT NULL, before TEXT, after TEXT)"),
    "CREATE INDEX IF NOT EXISTS audit_region_at ON audit (region, at)",
    # Accounts are not region records: their own table, one row per login.
    ("CREATE TABLE IF NOT EXISTS accounts (\n    name TEXT PRIMARY KEY, role TEXT NOT NULL "
     f"CHECK (role IN ({', '.join(repr(r) for r in accounts.ROLES)})),\n    display_name TEXT "
     "NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',\n    organisation TEXT NOT NULL "
     "DEFAULT '', password TEXT NOT NULL, created_at TEXT NOT NULL,\n    created_by TEXT NOT "
     "NULL DEFAULT '', password_set_at TEXT NOT NULL)"),
    # Each showing of tenant codes (one row per entente III), each backup made by a
    # session, each purge: who, when, which region, which entente.
    ("CREATE TABLE IF NOT EXISTS access_log (\n    id INTEGER PRIMARY KEY, at TEXT NOT NULL, "
     "user TEXT NOT NULL, role TEXT NOT NULL DEFAULT '',\n    region TEXT NOT NULL DEFAULT '', "
     "action TEXT NOT NULL, agreement TEXT NOT NULL DEFAULT '',\n    detail TEXT NOT NULL "
     "DEFAULT '')"),
    "CREATE INDEX IF NOT EXISTS access_log_agreement ON access_log (region, agreement)",
    # Personal answer links (issue 15): only the token's hash is kept.
    ("CREATE TABLE IF NOT EXISTS answer_links (\n    token_hash TEXT PRIMARY KEY, region TEXT "
     "NOT NULL,\n    assessment TEXT NOT NULL, organisation TEXT NOT NULL, expires_on TEXT NOT "
     "NULL,\n    created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '')"),
    # Who answered an anonymous assessment, without when nor which answers: kept apart
    # from the answers (their respondents are pseudonyms), in no order but the names'.
    ("CREATE TABLE IF NOT EXISTS answer_receipts (\n    region TEXT NOT NULL, assessment TEXT "
     "NOT NULL, organisation TEXT NOT NULL,\n    PRIMARY KEY (region, assessment, "
     "organisation)) WITHOUT ROWID"),
]) + ";"
"""The whole schema of a new file. Record tables are derived from :mod:`concert.schema`."""

# Migrations from each older version to the next, beyond the columns a version adds
# (those are added from the record schema, see Store._add_columns); each runs in the
# opening transaction, after the file has been backed up.
# Version 3 -> 4 only adds tables (accounts, access_log), which SCHEMA creates.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE regions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE regions ADD COLUMN saved_by TEXT NOT NULL DEFAULT ''"),
}

ACCESS_ACTIONS = ("tenant_codes", "export", "backup", "purge", "calls")
"""What the access log records: tenant codes shown to a session, exported by the file's
owner (``concert export --include-tenant-codes``), a backup made by a session, a purge, the
calls to the liaison agent read by a session (they hold tenant codes)."""


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

    def __init__(self, path: str | Path | None = None, *, memory: bool = False,
                 user: str | None = None) -> None:
        if path is None and not memory:
            raise StoreError("store.no_path")
        self.path = None if memory else Path(path)  # type: ignore[arg-type]
        self.user = user or os.environ.get("CONCERT_USER") or _login()
        self.migrated: tuple[int, Path] | None = None
        """``(old version, backup)`` when opening brought an older file up to date."""
        # A missing or empty file is not written until the first save: reading it (a
        # command, a dashboard opened on a new file) sees an empty store in memory.
        self._pending = self.path is not None and (
            not self.path.exists() or (self.path.is_file() and self.path.stat().st_size == 0))
        self._connect(None if self._pending else self.path)

    def _connect(self, path: Path | None) -> None:
        """Open ``path`` (``None``: an empty in-memory store) and prepare its schema."""
        try:
            if path is None:
                self.db = sqlite_utils.Database(memory=True)
            else:
                conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
                self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 10000")
            self._prepare()
            self._wal = path is None  # set on the first write: reading changes nothing
        except sqlite3.DatabaseError as exc:
            raise StoreError("store.not_sqlite", path=str(path), detail=str(exc)) from exc

    @property
    def is_new(self) -> bool:
        """True while the file does not exist (or is empty) and nothing was saved to it."""
        return self._pending

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
            raise StoreError("store.not_concert", path=str(self.path),
                             tables=", ".join(sorted(names))[:200])
        if version > SCHEMA_VERSION:
            raise StoreVersionError("store.newer", path=str(self.path), version=version,
                                    current=SCHEMA_VERSION)
        if names and version < SCHEMA_VERSION and self.path is not None:
            self.migrated = (version, self._backup_before_migrating(version))
        if not names or version < SCHEMA_VERSION:
            with self._transaction():
                for old in range(version if names else SCHEMA_VERSION, SCHEMA_VERSION):
                    for stmt in MIGRATIONS.get(old, ()):
                        self.db.execute(stmt)
                # executescript() would commit on its own: run statement by statement.
                for stmt in SCHEMA.split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self._add_columns()
                self.db.execute("INSERT OR REPLACE INTO concert_meta (key, value) "
                                "VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _add_columns(self) -> None:
        """Add the columns of fields declared since the file was written (migrations)."""
        for kind, layout in LAYOUT.items():
            present = {row[1] for row in self.db.execute(f"PRAGMA table_info({layout.table})")}
            for name, col, spec in _columns(kind):
                if col not in present:
                    self.db.execute(f"ALTER TABLE {layout.table} ADD COLUMN "
                                    f"{_column_sql(kind, name, spec, added=True)}")

    def _backup_before_migrating(self, version: int) -> Path:
        """Copy a file written by an older concert next to it before changing it."""
        assert self.path is not None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.path.with_name(f"{self.path.stem}.version-{version}-{stamp}"
                                  f"{self.path.suffix or '.db'}")
        dest = sqlite3.connect(str(out))
        try:
            self.db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as exc:
            dest.close()
            out.unlink(missing_ok=True)
            raise StoreError("store.migration_backup", db=str(self.path), detail=str(exc)) \
                from exc
        dest.close()
        return out

    @property
    def schema_version(self) -> int:
        """The schema version written in the file."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """A write transaction that takes the write lock at once (``BEGIN IMMEDIATE``).

        Concurrent writers wait for each other (busy timeout) instead of failing when a
        read lock would need upgrading; everything inside commits or rolls back together.
        The first write to a new file creates it.
        """
        if self._pending:
            self.db.close()
            try:
                self._connect(self.path)
            except StoreError:
                self._connect(None)
                raise
            self._pending = False
        if not self._wal:  # several people may work on the file: readers never wait
            self.db.execute("PRAGMA journal_mode = WAL")
            self._wal = True
        with self._transaction():
            yield

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        conn = self.db.conn
        if conn.in_transaction:  # nested: a savepoint through sqlite-utils
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows of one of our tables in one ``executemany``.

        The rows come from :func:`_region_rows`, so their keys are the table's columns and
        their values plain SQLite types; sqlite-utils' ``insert_all`` re-examined every
        value and took half of a 100,000-row import (benchmarks/import_csv.py).
        """
        columns = list(rows[0])
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        self.db.conn.executemany(sql, [tuple(r[c] for c in columns) for r in rows])

    def revision(self, code: str) -> int:
        """The stored revision of region ``code`` (0 if absent)."""
        row = self.db.execute("SELECT revision FROM regions WHERE code = ?", [code]).fetchone()
        return int(row[0]) if row else 0

    # ------------------------------------------------------------------ regions
    def regions(self) -> list[tuple[str, str]]:
        """The regions in the store as ``(code, name)`` pairs, sorted by code."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT code, name FROM regions ORDER BY code").fetchall()]

    def has_region(self, code: str) -> bool:
        """True if the store holds region ``code``."""
        row = self.db.execute("SELECT 1 FROM regions WHERE code = ?", [code]).fetchone()
        return row is not None

    def save_region(self, region: Region, *, replace: bool = True, check: bool = True,
                    session: Session | None = None) -> None:
        """Save ``region``: write what its author changed, keep what others saved.

        The region is checked first (:meth:`Region.validate`); the save is one
        transaction, so a failure leaves the file unchanged.

        A region loaded from this store carries its baseline (what was loaded). If others
        saved the region since (a new assessment, an edited actor), their records are
        kept and only the records this region's author added, changed or removed are
        written; the caller's region then holds the merged result. If both changed the
        same record differently, or the merged region breaks a rule (an actor removed
        here that a new tie of theirs needs), nothing is written and
        :class:`ConflictError` names who saved in between. A region built afresh
        (no baseline) replaces the stored one.

        Parameters
        ----------
        region : Region
            The region to save.
        replace : bool
            If ``False``, refuse to overwrite an existing region of the same code.
        check : bool
            Check the region first (default). Only for callers that have just checked it
            themselves, such as the import.
        session : Session, optional
            Who saves (:mod:`concert.accounts`): its role must allow ``write``, and
            ``agreement_iii`` if what the save writes adds, changes or removes an entente
            III. The audit trail names the session's account. ``None``: the file's owner.

        Raises
        ------
        concert.ValidationError
            If the region breaks a rule; nothing is written.
        concert.AccessDenied
            If the session's role does not allow the save; nothing is written.
        concert.StoreError
            If the region exists and ``replace`` is false, or the write fails.
        ConflictError
            If someone else changed the same records since the region was loaded.
        """
        if not isinstance(region, Region):
            raise StoreError("store.expects", function="save_region", expected="Region",
                             got=type(region).__name__)
        self._allow(session, "write")
        user = self._who(session)
        if check:
            raise_if(region.problems())
        try:
            with self._write():
                current = self.db.execute(
                    "SELECT revision, saved_at, saved_by FROM regions WHERE code = ?",
                    [region.code]).fetchone()
                if current is not None and not replace:
                    raise StoreError("store.region_exists", region=region.code)
                old = _build_region(self, region.code, check=False) if current is not None else None
                merged = self._merged(region, old, current)
                if session is not None and _agreements_iii_differ(old, merged):
                    self._allow(session, "agreement_iii")
                revision = (current[0] if current is not None else 0) + 1
                rows = _region_rows(merged)
                rows["regions"][0].update(revision=revision, saved_by=user)
                self.db.execute("DELETE FROM regions WHERE code = ?", [region.code])
                for table in TABLES:
                    if rows[table]:
                        self._insert(table, rows[table])
                self._audit(region.code, old, merged, user=user)
        except sqlite3.Error as exc:
            raise StoreError("store.save_failed", region=region.code, detail=str(exc)) from exc
        if merged is not region:  # others' records are now part of the caller's region
            for field_ in ("name", "territories", "note", "source", *RECORD_LISTS.values()):
                setattr(region, field_, getattr(merged, field_))
        region.revision = revision
        region.baseline = Baseline.of(region)

    def _merged(self, region: Region, old: Region | None, current: Any) -> Region:
        """What saving ``region`` writes, given the stored ``old`` region at ``current``.

        A region loaded from the store (it has a baseline) keeps every record saved by
        others since it was loaded: only what its author changed is written
        (:func:`concert.merge.three_way_merge`). A region built afresh replaces the stored
        one, unless it claims a revision that is no longer the stored one.
        """
        if old is None or current[0] == region.revision:
            return region
        def conflict(detail: Any) -> ConflictError:
            return ConflictError(Joined([Message("store.conflict", region=region.code,
                                                 user=current[2] or "?", at=current[1][:19]),
                                         detail], sep=" "))
        if region.baseline is None:
            if region.revision:
                raise conflict("")
            return region
        try:
            merged = three_way_merge(region.baseline, old, region)
        except MergeConflict as exc:
            raise conflict(Message("store.conflict.records",
                                   records=", ".join(exc.keys[:10]))) from exc
        problems = merged.problems()
        if problems:
            raise conflict(Joined(problems[:5], sep="; "))
        return merged

    def add_assessment(self, code: str, assessment: Assessment, *,
                       session: Session | None = None) -> None:
        """Add one assessment to stored region ``code``, in one transaction.

        Cheaper than saving the whole region, and what the dashboard's form uses. The
        region's revision moves on; a region loaded before keeps the new assessment when it
        is saved (see :meth:`save_region`).

        ``session``: who adds it (its role must allow ``write``; the audit trail names
        it); ``None``: the file's owner.

        Raises
        ------
        concert.NotFoundError
            If the region is not in the store.
        concert.ValidationError
            If the assessment is invalid or its id is already used; nothing is written.
        concert.AccessDenied
            If the session's role does not allow it; nothing is written.
        """
        if not isinstance(assessment, Assessment):
            raise StoreError("store.expects", function="add_assessment",
                             expected="Assessment", got=type(assessment).__name__)
        self._allow(session, "write")
        user = self._who(session)
        if not self.has_region(code):
            raise NotFoundError("store.no_region", region=code)
        raise_if(assessment.problems())
        if self.db.execute("SELECT 1 FROM assessments WHERE region = ? AND id = ?",
                           [code, assessment.id]).fetchone():
            raise_if([Problem("duplicate", assessment.id, kind="assessment")])
        shell = Region(code, "-")
        shell.assessments = [assessment]
        rows = _region_rows(shell)
        try:
            with self._write():
                if self.db.execute("SELECT 1 FROM assessments WHERE region = ? AND id = ?",
                                   [code, assessment.id]).fetchone():
                    raise_if([Problem("duplicate", assessment.id, kind="assessment")])
                ord_ = self.db.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM assessments "
                                       "WHERE region = ?", [code]).fetchone()[0]
                rows["assessments"][0]["ord"] = ord_
                self._insert("assessments", rows["assessments"])
                if rows["answers"]:
                    self._insert("answers", rows["answers"])
                self.db.execute("UPDATE regions SET revision = revision + 1, saved_at = ?, "
                                "saved_by = ? WHERE code = ?",
                                [dt.datetime.now(dt.UTC).isoformat(), user, code])
                self._audit_rows(code, [("insert", "assessment", assessment, None, ord_)],
                                 user=user)
        except sqlite3.Error as exc:
            raise StoreError("store.assessment_failed", assessment=assessment.id,
                             detail=str(exc)) from exc

    # ------------------------------------------------------------------ every member answers
    def create_answer_link(self, code: str, assessment_id: str, organisation: str, *,
                           expires_on: dt.date | None = None, today: dt.date | None = None,
                           session: Session | None = None) -> str:
        """Make a personal link for ``organisation`` to answer one assessment; return its token.

        The token is returned once and only its hash is kept (:mod:`concert.links`); it
        expires after ``expires_on`` (default: the assessment's closing day, else
        ``answer_link_days`` after ``today``). A new link for the same organisation and
        assessment replaces the old one.

        Raises
        ------
        concert.NotFoundError
            If the region, the assessment or the organisation is unknown.
        concert.AccessDenied
            If the role does not allow ``write``.
        """
        self._allow(session, "write")
        region = self.load_region(code)
        assessment = region.assessment(assessment_id)
        region.actor(organisation)
        today = today or settings.current_date()
        expires_on = expires_on or links.default_expiry(today, assessment.closes_on)
        token = links.new_token()
        with self._write():
            self.db.execute("DELETE FROM answer_links WHERE region = ? AND assessment = ? "
                            "AND organisation = ?", [code, assessment_id, organisation])
            self.db.execute("INSERT INTO answer_links (token_hash, region, assessment, "
                            "organisation, expires_on, created_at, created_by) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?)",
                            [links.token_hash(token), code, assessment_id, organisation,
                             expires_on.isoformat(), _now(), self._who(session)])
        return token

    def answer_link(self, token: str) -> links.AnswerLink | None:
        """What the link ``token`` allows (``None``: no such link).

        Its expiry is :func:`concert.links.check_link`'s to judge.
        """
        if not isinstance(token, str) or not token:
            return None
        row = self.db.execute("SELECT region, assessment, organisation, expires_on, "
                              "created_by FROM answer_links WHERE token_hash = ?",
                              [links.token_hash(token)]).fetchone()
        if row is None:
            return None
        return links.AnswerLink(row[0], row[1], row[2], dt.date.fromisoformat(row[3]), row[4])

    def answer_receipts(self, code: str, assessment_id: str) -> list[str]:
        """The organisations that answered an anonymous assessment (by id, sorted)."""
        return [r[0] for r in self.db.execute(
            "SELECT organisation FROM answer_receipts WHERE region = ? AND assessment = ? "
            "ORDER BY organisation", [code, assessment_id])]

    def submit_answers(self, code: str, assessment_id: str, answers: Iterable[Answer], *,
                       organisation: str | None = None, token: str | None = None,
                       session: Session | None = None,
                       today: dt.date | None = None) -> Assessment:
        """Save one organisation's answers to an open assessment; return it as stored.

        Who answers: the ``token`` of a personal link (:meth:`create_answer_link`; it
        answers only its assessment, until it expires), else the ``session``'s
        organisation (an administrator, or the file's owner without session, names the
        ``organisation``). Its earlier answers to this assessment are replaced; others'
        answers are kept, whoever saved in between.

        In an anonymous assessment, the answers are kept under a pseudonym with the
        organisation's group only, the audit trail records them under "anonyme", and the
        organisation is written apart among those who answered
        (:meth:`answer_receipts`); it may answer once.

        Raises
        ------
        concert.AccessDenied
            An unknown, expired or out-of-scope link; a session speaking for another
            organisation, or whose role does not allow ``write``.
        concert.NotFoundError
            An unknown region, assessment or organisation.
        concert.ValidationError
            Invalid answers, a second anonymous answer.
        """
        today = today or settings.current_date()
        answers = list(answers)
        if token is not None:
            link = links.check_link(self.answer_link(token), assessment_id, today)
            if link.region != code:
                raise AccessDenied("link.scope", assessment=assessment_id)
            organisation, user = link.organisation, f"lien:{link.organisation}"
        else:
            self._allow(session, "write")
            if session is not None and session.role != "admin":
                if organisation not in (None, session.organisation) or not session.organisation:
                    raise AccessDenied("answer.other_organisation",
                                       organisation=str(organisation))
                organisation = session.organisation
            if not organisation:
                raise ArgumentError("answer.no_organisation")
            user = self._who(session)
        for _ in range(3):
            region = self.load_region(code)
            stored = region.assessment(assessment_id)
            actor = region.actor(organisation)
            group = fw.group_of_sector(actor.sector)
            receipts = self.answer_receipts(code, assessment_id)
            if stored.anonymous:
                if organisation in receipts:
                    raise_if([Problem("answer.already", assessment_id, organisation=organisation)])
                respondent = "anon-" + secrets.token_hex(6)
                kept = list(stored.answers)
                user = "anonyme"
            else:
                respondent = organisation
                kept = [a for a in stored.answers if a.respondent != organisation]
            mine = [dataclasses.replace(a, respondent=respondent, respondent_group=group)
                    for a in answers]
            merged = kept + mine
            if stored.anonymous:  # no order tells who answered after whom
                merged.sort(key=lambda a: (a.respondent, a.criterion))
            new = dataclasses.replace(stored, answers=tuple(merged))

            def receipt(org: str = organisation, anon: bool = stored.anonymous) -> None:
                if anon:
                    self.db.execute("INSERT INTO answer_receipts (region, assessment, "
                                    "organisation) VALUES (?, ?, ?)", [code, assessment_id, org])
            try:
                self._save_some(code, [("assessment", assessment_id, new, stored)], session,
                                user=user, also=receipt)
            except RecordConflict:
                continue  # another member saved in between: read again and add ours
            return new
        raise ConflictError("store.busy", region=code)

    # ------------------------------------------------------------------ one record
    def save_record(self, region_code: str, record: Any, *, base: Any = None,
                    session: Session | None = None) -> Region:
        """Save one record of region ``region_code`` (what a form saves), in one transaction.

        ``base`` is the record as the person loaded it (``None``: a new record). If the
        stored record changed since (someone else saved it, or removed it), nothing is
        written and :class:`RecordConflict` says who and when (its ``user``, ``at`` and
        ``stored`` attributes too): the caller keeps what was typed. Records others changed
        meanwhile are kept: two people editing different records both succeed. The
        region's own rules are checked on the region with this record in place; the change
        goes to the audit trail under the session's account.

        Returns the region as stored after the save.

        Raises
        ------
        concert.ValidationError
            If the record, or the region with it, breaks a rule; nothing is written.
        concert.AccessDenied
            If the role does not allow ``write`` (and ``agreement_iii`` for an entente III).
        concert.NotFoundError
            If the region is not in the store.
        RecordConflict
            If the stored record is no longer ``base``.
        """
        return self.save_records(region_code, [(base, record)], session=session)

    def save_records(self, region_code: str, changes: Iterable[tuple[Any, Any]], *,
                     session: Session | None = None) -> Region:
        """Save several records together, each as :meth:`save_record` would, all or none.

        ``changes`` holds ``(base, record)`` pairs (``base`` ``None``: a new record); what
        a retirement changes (:attr:`concert.retire.Retirement.changed`) is saved so.
        """
        pairs = list(changes)
        for base, record in pairs:
            self._record_kind(record, "save_record")
            if base is not None and type(base) is not type(record):
                raise StoreError("store.expects", function="save_record",
                                 expected=type(record).__name__, got=type(base).__name__)
            raise_if(record.problems())
        self._allow(session, "write")
        for base, record in pairs:
            # an entente III, or a tenant's commitments: the liaison agent's only
            if isinstance(record, Agreement | CommitmentReview) and session is not None \
                    and "III" in (record.type, getattr(base, "type", "")):
                self._allow(session, "agreement_iii")
        return self._save_some(region_code, [
            (_kind(type(record)), key_of(_kind(type(record)), base if base is not None
                                         else record), record, base)
            for base, record in pairs], session)

    def delete_record(self, region_code: str, kind: str, id: str, *,
                      session: Session | None = None) -> Region:
        """Delete one record entered by mistake (``id``: its key, see :func:`record_key`).

        An organisation that leaves is retired, an entente ended (:mod:`concert.retire`):
        deleting is only for a mistake, and refused while other records need it (a seat,
        a tie, an entente naming the organisation). Audited; returns the stored region.

        Raises
        ------
        concert.NotFoundError
            If there is no such record.
        concert.ValidationError
            If other records still need it; nothing is written.
        concert.AccessDenied
            If the role does not allow it.
        """
        if kind not in RECORD_LISTS:
            raise ArgumentError("records.unknown_kind", kind=kind, expected=tuple(RECORD_LISTS))
        self._allow(session, "write")
        return self._save_some(region_code, [(kind, id, None, None)], session)

    def _record_kind(self, record: Any, function: str) -> str:
        kind = getattr(type(record), "kind_name", None)
        if kind not in RECORD_LISTS:
            raise StoreError("store.expects", function=function,
                             expected=", ".join(RECORD_LISTS), got=type(record).__name__)
        return str(kind)

    def _last_change(self, code: str, kind: str, key: str) -> tuple[str, str]:
        """Who made the last change to a record, and when (UTC ISO): from the audit trail."""
        row = self.db.execute("SELECT user, at FROM audit WHERE region = ? AND kind = ? AND "
                              "key = ? ORDER BY id DESC LIMIT 1", [code, kind, key]).fetchone()
        if row is None:
            row = self.db.execute("SELECT saved_by, saved_at FROM regions WHERE code = ?",
                                  [code]).fetchone()
        return (str(row[0] or "?"), str(row[1])) if row else ("?", "")

    def _save_some(self, code: str, items: list[tuple[str, str, Any, Any]],
                   session: Session | None, *, user: str | None = None,
                   also: Callable[[], None] | None = None) -> Region:
        """Replace, add or (``record`` None) delete records, checked and audited, all or none.

        ``items``: ``(kind, key of the stored record, record, base)``; ``user``: the name
        the audit trail records instead of the session's; ``also``: more writes in the
        same transaction.
        """
        user = user if user is not None else self._who(session)
        try:
            with self._write():
                if not self.has_region(code):
                    raise NotFoundError("store.no_region", region=code)
                old = _build_region(self, code, check=False)
                new = region_copy(old)
                for kind, old_key, record, base in items:
                    self._place(new, old, kind, old_key, record, base, session)
                raise_if(new.problems())
                current = self.db.execute("SELECT revision FROM regions WHERE code = ?",
                                          [code]).fetchone()
                rows = _region_rows(new)
                rows["regions"][0].update(revision=current[0] + 1, saved_by=user)
                self.db.execute("DELETE FROM regions WHERE code = ?", [code])
                for table in TABLES:
                    if rows[table]:
                        self._insert(table, rows[table])
                self._audit(code, old, new, user=user)
                if also is not None:
                    also()
        except sqlite3.Error as exc:
            raise StoreError("store.save_failed", region=code, detail=str(exc)) from exc
        new.revision = current[0] + 1
        new.baseline = Baseline.of(new)
        return new

    def _place(self, new: Region, old: Region, kind: str, old_key: str, record: Any,
               base: Any, session: Session | None) -> None:
        """Put one record in ``new`` in place of the stored one, after the conflict check."""
        attr = RECORD_LISTS[kind]
        items = getattr(new, attr)
        where = next((i for i, r in enumerate(items)
                      if key_of(kind, r).casefold() == old_key.casefold()), None)
        stored = items[where] if where is not None else None
        if record is None and stored is None:
            raise NotFoundError("store.no_record", kind=Message(f"kind.{kind}"),
                                record=old_key, region=old.code)
        if record is not None and base is not None and (
                stored is None or to_dict(kind, stored) != to_dict(kind, base)):
            who, at = self._last_change(old.code, kind, old_key)
            raise RecordConflict(kind, old_key, who, at, stored)
        if kind == "agreement" and session is not None and stored is not None \
                and stored.type == "III":
            self._allow(session, "agreement_iii")
        if record is None:
            del items[where]
        elif where is None or base is None:
            items.append(record)  # a new record (a duplicate key is the rules' to say)
        else:
            items[where] = record

    def changes(self, code: str, *, kind: str | None = None,
                since: dt.datetime | dt.date | None = None,
                until: dt.datetime | dt.date | None = None) -> list[dict[str, Any]]:
        """The audit trail of region ``code`` with each record before and after, oldest first.

        Each item: ``id, at`` (UTC, ISO), ``user, action, kind, key, before, after`` (the
        record as a dict, or ``None``). ``since`` and ``until`` bound ``at`` (a date: its
        whole day, UTC). For :func:`concert.changelog.change_log`.
        """
        sql = ("SELECT id, at, user, action, kind, key, before, after FROM audit "
               "WHERE region = ?")
        args: list[Any] = [code]
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind)
        if since is not None:
            sql += " AND at >= ?"
            args.append(_utc(since, dt.time.min))
        if until is not None:
            sql += " AND at <= ?"
            args.append(_utc(until, dt.time.max))
        out = []
        for row in self.db.execute(sql + " ORDER BY id", args):
            out.append({"id": row[0], "at": row[1], "user": row[2], "action": row[3],
                        "kind": row[4], "key": row[5],
                        "before": json.loads(row[6]) if row[6] else None,
                        "after": json.loads(row[7]) if row[7] else None})
        return out

    def restore_as_of(self, code: str, when: dt.datetime | dt.date | str, *, revision: int,
                      session: Session | None = None) -> Region:
        """Bring region ``code`` back to its state at ``when``, as a new audited save.

        ``revision`` is the stored revision the person confirmed the plan against
        (:func:`concert.changelog.restore_plan` on :meth:`region_as_of` and
        :meth:`load_region`): if anyone saved since, :class:`ConflictError` and nothing
        is written. Returns the region as restored.
        """
        past = self.region_as_of(code, when)
        past.revision = revision
        self.save_region(past, session=session)
        return past

    def delete_region(self, code: str, *, session: Session | None = None) -> None:
        """Delete region ``code`` and everything recorded about it.

        ``session``: its role must allow ``delete_region`` (administrators); ``None``: the
        file's owner.
        """
        self._allow(session, "delete_region")
        if not self.has_region(code):
            raise NotFoundError("store.no_region", region=code)
        with self._write():
            old = _build_region(self, code, check=False)
            self.db.execute("DELETE FROM regions WHERE code = ?", [code])
            for layout in LAYOUT.values():
                if layout.apart:
                    self.db.execute(f"DELETE FROM {layout.table} WHERE region = ?", [code])
            self._audit(code, old, None, user=self._who(session))

    def choose_region(self, code: str | None = None) -> str:
        """The region a command, the dashboard or an import works on.

        ``code`` when the store holds it; without a code, the store's only region. This
        is the one rule for "which region", everywhere.

        Raises
        ------
        concert.NotFoundError
            Naming the regions the store holds: when it holds none, when ``code`` is not
            one of them, or when no code is given and it holds several.
        """
        regions = self.regions()
        codes = [c for c, _ in regions]
        where: Any = str(self.path) if self.path is not None else Message("store.memory")
        listed = ", ".join(f"{c} ({n})" for c, n in regions)
        if not regions:
            raise NotFoundError("region.none", db=where)
        if code is None:
            if len(codes) == 1:
                return codes[0]
            raise NotFoundError("region.which", db=where, regions=listed)
        if code not in codes:
            raise NotFoundError("region.unknown", db=where, region=code, regions=listed)
        return code

    def load_regions(self, codes: Collection[str]) -> dict[str, Region]:
        """The regions of ``codes`` that the store holds (code -> region); others left out."""
        return {code: self.load_region(code) for code, _ in self.regions() if code in codes}

    def load_region(self, code: str | None = None, *, check: bool = False) -> Region:
        """Load region ``code`` (or the only region, see :meth:`choose_region`).

        Every row was checked when it was saved, so loading trusts the file; pass
        ``check=True`` to run every constructor's checks again (for a file edited by other
        tools).

        Raises
        ------
        concert.NotFoundError
            If there is no such region, or ``code`` is omitted and the store does not
            hold exactly one region (:meth:`choose_region`).
        """
        code = self.choose_region(code)
        with self._read():
            row = self.db.execute("SELECT revision FROM regions WHERE code = ?",
                                  [code]).fetchone()
            if row is None:  # deleted since it was chosen
                raise NotFoundError("region.unknown", db=str(self.path), region=code,
                                    regions="-")
            with _gc.paused():  # records hold no cycles: see concert._gc
                region = _build_region(self, code, check=check)
        region.revision = int(row[0])
        region.baseline = Baseline.of(region)
        return region

    @contextlib.contextmanager
    def _read(self) -> Iterator[None]:
        """A read transaction: every query inside sees the same snapshot."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    # ------------------------------------------------------------------ history
    def _audit(self, code: str, old: Region | None, new: Region | None, *,
               user: str | None = None) -> None:
        before = _records(old) if old is not None else {}
        after = _records(new) if new is not None else {}
        changes = []
        for key, (kind, rec, ord_) in after.items():
            if key not in before:
                changes.append(("insert", kind, rec, None, ord_))
            elif to_dict(kind, before[key][1]) != to_dict(kind, rec) or before[key][2] != ord_:
                changes.append(("update", kind, rec, before[key][1], ord_))
        for key, (kind, rec, ord_) in before.items():
            if key not in after:
                changes.append(("delete", kind, None, rec, ord_))
        self._audit_rows(code, changes, user=user)

    def _audit_rows(self, code: str, changes: list[tuple[str, str, Any, Any, int]], *,
                    user: str | None = None) -> None:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        dumps = _AUDIT_JSON.encode
        user = user or self.user
        rows = [(code, at, user, action, kind, key_of(kind, rec if rec is not None else old),
                 ord_, dumps(to_dict(kind, old)) if old else None,
                 dumps(to_dict(kind, rec)) if rec else None)
                for action, kind, rec, old, ord_ in changes]
        self.db.conn.executemany(
            "INSERT INTO audit (region, at, user, action, kind, key, ord, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def history(self, code: str | None = None, *, kind: str | None = None) -> pd.DataFrame:
        """The audit trail: every change, oldest first.

        Columns: ``at`` (UTC, ISO), ``user``, ``region``, ``action`` (insert, update,
        delete), ``kind`` (actor, agreement, ...), ``key``.
        """
        sql = "SELECT at, user, region, action, kind, key FROM audit WHERE 1 = 1"
        args: list[Any] = []
        if code is not None:
            sql += " AND region = ?"
            args.append(code)
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind)
        return pd.DataFrame(list(self.db.query(sql + " ORDER BY id", args)),
                            columns=["at", "user", "region", "action", "kind", "key"])

    def region_as_of(self, code: str, when: dt.datetime | dt.date | str) -> Region:
        """Rebuild region ``code`` as it was at ``when`` from the audit trail.

        ``when`` is a datetime (UTC if naive), a date (its end) or an ISO string.

        Raises
        ------
        concert.NotFoundError
            If the region had no record at that time.
        """
        if isinstance(when, str):
            when = dt.datetime.fromisoformat(when)
        if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time.max)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        limit = when.astimezone(dt.UTC).isoformat(timespec="microseconds")
        latest: dict[tuple[str, str], dict[str, Any]] = {}
        for row in self.db.query("SELECT * FROM audit WHERE region = ? AND at <= ? ORDER BY id",
                                 [code, limit]):
            latest[(row["kind"], row["key"])] = row
        live = [r for r in latest.values() if r["action"] != "delete"]
        if not live:
            raise NotFoundError("store.no_record_at", region=code, at=limit[:19])
        reg = self.db.execute("SELECT name, territories, note, source FROM regions WHERE code = ?",
                              [code]).fetchone()
        region = Region(code, reg[0] if reg else code,
                        tuple(json.loads(reg[1])) if reg else (),
                        note=reg[2] if reg else "", source=reg[3] if reg else "")
        for row in sorted(live, key=lambda r: r["ord"]):
            getattr(region, RECORD_LISTS[row["kind"]]).append(
                from_dict(row["kind"], json.loads(row["after"])))
        return region

    # ------------------------------------------------------------------ backup
    def backup(self, out: str | Path, *, session: Session | None = None) -> Path:
        """Write a consistent copy of the store to ``out`` with SQLite's backup API.

        Safe while other connections (the dashboard) read and write: the copy is a
        snapshot of one moment. The store is checked first (``PRAGMA integrity_check``):
        a damaged file is refused, not copied. The copy is written to ``OUT.part``,
        checked, then renamed onto ``out``: if anything fails (a full disk), ``out`` is
        left as it was and ``OUT.part`` is removed. Parent folders are created; an
        existing ``out`` is replaced.

        A backup holds everything, tenant codes included: with a ``session``, its role
        must allow ``backup`` (administrators) and the copy is written to the access log.

        Raises
        ------
        concert.StoreError
            If ``out`` is the store itself (or its ``-wal``/``-shm`` file), the store is
            new and empty or damaged, or the copy fails; nothing is written then.
        concert.AccessDenied
            If the session's role does not allow backups.
        """
        self._allow(session, "backup")
        out = Path(out)
        name = self.path if self.path is not None else ":memory:"
        if self.path is not None and any(_same_file(out, Path(f"{self.path}{suffix}"))
                                         for suffix in ("", "-wal", "-shm", "-journal")):
            raise StoreError("files.backup_same", db=str(self.path))
        if self.is_new:
            raise StoreError("files.backup_empty", db=str(name))
        damage = _integrity(self.db.conn)
        if damage:
            raise StoreError("files.backup_damaged", db=str(name), detail=damage)
        tmp = out.with_name(out.name + ".part")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
            dest = sqlite3.connect(str(tmp))
            try:
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
                damage = _integrity(dest, quick=True)
            finally:
                dest.close()
            if damage:
                raise sqlite3.DatabaseError(damage)
            tmp.replace(out)
        except (sqlite3.Error, OSError) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise StoreError("files.backup_failed", out=str(out),
                             reason=_failure(exc)) from exc
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
        if session is not None:
            self._log(session.name, session.role, [("", "backup", "", out.name)])
        return out

    @staticmethod
    def restore(backup: str | Path, path: str | Path, *,
                session: Session | None = None) -> Path:
        """Bring a backup back as the store ``path`` (replacing its content).

        The backup is checked first, opened read-only (nothing is written to it): it
        must be a concert store holding a region and pass ``PRAGMA integrity_check``.
        The copy uses the backup API, so a dashboard connected to ``path`` sees the
        restored data; if it fails (a full disk), ``path`` is left as it was.

        ``session``: its role must allow ``backup`` (administrators); ``None``: the file's
        owner.

        Raises
        ------
        concert.StoreError
            If the backup is missing, empty, not a concert store or damaged, if it is
            ``path`` itself, or if the copy fails.
        concert.AccessDenied
            If the session's role does not allow it; nothing is read nor written.
        """
        accounts.require(session, "backup")
        backup, path = Path(backup), Path(path)
        if _same_file(backup, path):
            raise StoreError("files.restore_same", db=str(path))
        if not backup.is_file() or backup.stat().st_size == 0:
            raise StoreError("files.restore_empty", backup=str(backup))
        try:
            src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True,
                                  timeout=10)
        except sqlite3.Error as exc:
            raise StoreError("store.not_sqlite", path=str(backup), detail=str(exc)) from exc
        try:
            try:
                names = {r[0] for r in src.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
                version = src.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise StoreError("store.not_sqlite", path=str(backup), detail=str(exc)) from exc
            if not {"concert_meta", "regions", "audit"} <= names:
                raise StoreError("files.restore_empty", backup=str(backup))
            if version > SCHEMA_VERSION:
                raise StoreVersionError("store.newer_restore", path=str(backup),
                                        version=version, current=SCHEMA_VERSION)
            damage = _integrity(src)
            if damage:
                raise StoreError("files.backup_damaged", db=str(backup), detail=damage)
            if not src.execute("SELECT EXISTS (SELECT 1 FROM regions) OR EXISTS "
                               "(SELECT 1 FROM audit)").fetchone()[0]:
                raise StoreError("files.restore_empty", backup=str(backup))
            try:
                dest = sqlite3.connect(str(path), timeout=10)
                try:
                    src.backup(dest)
                finally:
                    dest.close()
            except (sqlite3.Error, OSError) as exc:
                raise StoreError("files.restore_failed", db=str(path),
                                 reason=_failure(exc)) from exc
        finally:
            src.close()
        return path

    def rows(self, table: str, region: str) -> Iterator[dict[str, Any]]:
        """The raw rows of ``table`` for ``region``, in saved order (for exports).

        The tables kept apart (the calls) are not among them: :meth:`calls` reads those.
        """
        if table not in TABLES or any(layout.apart and layout.table == table
                                      for layout in LAYOUT.values()):
            raise StoreError("store.unknown_table", table=table)
        for row in _fast_rows(self, table, region):
            yield dict(row)

    # ------------------------------------------------------------------ calls (issue 16)
    def add_call(self, code: str, call: Call, *, session: Session | None = None) -> None:
        """Record a call to the liaison agent in region ``code``.

        The call is checked (:class:`concert.calls.Call`), its organisations must be
        actors of the region, its note must not hold a tenant code of the region or a
        name of its contacts, and its id must be new. Calls are kept apart from the
        region's records: saving, loading or exporting the region never touches them.

        Raises
        ------
        concert.AccessDenied
            If the session's role does not allow ``calls`` (the liaison agent's only).
        concert.NotFoundError
            If the region is not in the store.
        concert.ValidationError
            If the call breaks a rule or its id is taken; nothing is written.
        """
        self.add_calls(code, [call], session=session)

    def add_calls(self, code: str, calls: list[Call] | tuple[Call, ...], *,
                  replace: bool = False, session: Session | None = None) -> None:
        """Record several calls in one transaction (see :meth:`add_call`).

        ``replace``: stored calls with the same ids are replaced instead of refused.
        """
        for call in calls:
            if not isinstance(call, Call):
                raise StoreError("store.expects", function="add_call", expected="Call",
                                 got=type(call).__name__)
        self._allow(session, "calls")
        if not self.has_region(code):
            raise NotFoundError("store.no_region", region=code)
        actors = {r[0] for r in self.db.execute("SELECT id FROM actors WHERE region = ?",
                                                 [code])}
        names = [r[0] for r in self.db.execute("SELECT name FROM contacts WHERE region = ?",
                                                [code])]
        known = [r[0] for r in self.db.execute(
            "SELECT tenant_code FROM agreement_parties WHERE region = ? AND tenant_code != ''",
            [code])]
        problems: list[Problem] = []
        seen: set[str] = set()
        for call in calls:
            problems += call.problems()
            problems += [Problem("call.unknown_actor", call.id, actor=a)
                         for a in (call.referring_org, call.housing_provider)
                         if a and a not in actors]
            problems += calls_module.note_problems(call.note, call.id, tenant_codes=known,
                                                   names=names)
            if call.id.casefold() in seen:
                problems.append(Problem("duplicate", call.id, kind="call"))
            seen.add(call.id.casefold())
        raise_if(problems)
        shell: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        _record_rows("call", list(calls), code, out=shell)
        with self._write():
            if replace:
                self.db.conn.executemany("DELETE FROM calls WHERE region = ? AND id = ?",
                                         [(code, c.id) for c in calls])
            taken = {r[0].casefold() for r in self.db.execute(
                "SELECT id FROM calls WHERE region = ?", [code])}
            raise_if([Problem("duplicate", c.id, kind="call") for c in calls
                      if c.id.casefold() in taken])
            start = self.db.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM calls "
                                    "WHERE region = ?", [code]).fetchone()[0]
            for i, row in enumerate(shell["calls"]):
                row["ord"] = start + i
            if shell["calls"]:
                self._insert("calls", shell["calls"])

    def remove_call(self, code: str, call_id: str, *, session: Session | None = None) -> None:
        """Remove the call ``call_id`` of region ``code`` (the liaison agent's only).

        Raises
        ------
        concert.NotFoundError
            If there is no such call.
        """
        self._allow(session, "calls")
        with self._write():
            gone = self.db.execute("DELETE FROM calls WHERE region = ? AND id = ?",
                                   [code, call_id]).rowcount
        if not gone:
            raise NotFoundError("store.no_record", kind=Message("kind.call"), record=call_id,
                                region=code)

    def calls(self, code: str, *, session: Session | None = None) -> list[Call]:
        """The calls of region ``code``, oldest first, tenant codes and notes included.

        Only the liaison agent's role may read them; each reading by a session is written
        to the access log. Committees and readers get counts (:meth:`call_counts`).

        Raises
        ------
        concert.AccessDenied
            If the session's role does not allow ``calls``.
        """
        self._allow(session, "calls")
        out = sorted(_load_records(self, "call", code, check=False).get("", []),
                     key=lambda c: (c.on, c.id))
        if session is not None and out:
            self._log(session.name, session.role,
                      [(code, "calls", "", json.dumps({"calls": len(out)}))])
        return out

    def call_counts(self, code: str, table: str, *, session: Session | None = None,
                    **options: Any) -> pd.DataFrame:
        """A table of counts of the calls of region ``code``: what every role may see.

        ``table`` is one of :data:`concert.calls.COUNT_TABLES` (``reasons`` with
        ``group=``: Tableau 11, 12 or 13 rebuilt; ``totals``; ``quarterly``;
        ``by_organisation``; ``reevaluations_due``; ``follow_up_end``), ``options`` its
        function's (``start``, ``end``, ``lang``, ``by``...); the region's actors and
        agreements are read here. Counts only: no id, tenant code nor note leaves
        (:func:`concert.calls.counts`).

        Raises
        ------
        concert.AccessDenied
            If the session's role does not allow ``read``.
        concert.ArgumentError
            If ``table`` is unknown.
        """
        self._allow(session, "read")
        with self._read():
            rows = _load_records(self, "call", code, check=False).get("", [])
            actors = {a.id: a for a in _load_records(self, "actor", code, check=False)
                      .get("", [])} if table in ("by_organisation", "follow_up_end") else None
            agreements = _load_records(self, "agreement", code, check=False).get("", []) \
                if table == "follow_up_end" else []
        return calls_module.counts(calls_module.facts(rows), table, actors=actors,
                                   agreements=agreements, **options)

    # ------------------------------------------------------------------ accounts
    def _allow(self, session: Session | None, action: str) -> None:
        """Refuse ``action`` unless the session's account, as stored now, allows it.

        ``None`` is the file's owner. The role is read again from the file, so that a
        removed account, or one given a lesser role, can do nothing more.
        """
        if session is None:
            return
        accounts.require(session, action)
        row = self.db.execute("SELECT role FROM accounts WHERE name = ?",
                              [session.name]).fetchone()
        if row is None:
            raise AccessDenied("access.gone", user=session.name)
        if not accounts.allowed(row[0], action):
            raise accounts.denied(session.name, row[0], action)

    def _who(self, session: Session | None) -> str:
        """The user name the audit trail records: the session's account, else the store's."""
        return session.name if session is not None else self.user

    def has_accounts(self) -> bool:
        """True if the file holds at least one account."""
        return bool(self.db.execute("SELECT EXISTS (SELECT 1 FROM accounts)").fetchone()[0])

    def accounts(self, *, session: Session | None = None) -> list[Account]:
        """The accounts, sorted by login (never their password hashes).

        Raises
        ------
        concert.AccessDenied
            If the session's role does not allow managing accounts.
        """
        self._allow(session, "accounts")
        return [Account(*row) for row in self.db.execute(
            "SELECT name, role, display_name, region, organisation FROM accounts ORDER BY name")]

    def account(self, name: str, *, session: Session | None = None) -> Account:
        """The account ``name`` (a session may read its own; others need ``accounts``).

        Raises
        ------
        concert.NotFoundError
            If there is no such account.
        """
        name = accounts.normalise_name(name)
        if session is None or session.name != name:
            self._allow(session, "accounts")
        row = self.db.execute("SELECT name, role, display_name, region, organisation "
                              "FROM accounts WHERE name = ?", [name]).fetchone()
        if row is None:
            raise NotFoundError("accounts.unknown", name=str(name))
        return Account(*row)

    def add_account(self, account: Account, password: str, *,
                    session: Session | None = None) -> None:
        """Add ``account`` with ``password`` (hashed with scrypt, never stored as given).

        The first account of a file must be an administrator. Its organisation must be an
        actor of its region; it may be left empty only while the file holds no region.

        Raises
        ------
        concert.ArgumentError
            If the first account is not an administrator, or the organisation is missing.
        concert.NotFoundError
            If the region or the organisation does not exist.
        concert.ValidationError
            If the password breaks a rule (:func:`concert.accounts.password_problems`).
        concert.StoreError
            If the login is taken.
        concert.AccessDenied
            If the session's role does not allow managing accounts.
        """
        self.check_new_account(account, session=session)
        raise_if(accounts.password_problems(password, account.name))
        stored = accounts.hash_password(password)  # slow: before taking the write lock
        now = _now()
        with self._write():
            self._check_new(account)  # again: someone may have added one meanwhile
            self.db.execute(
                "INSERT INTO accounts (name, role, display_name, region, organisation, "
                "password, created_at, created_by, password_set_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [account.name, account.role, account.display_name, account.region,
                 account.organisation, stored, now, self._who(session), now])

    def check_new_account(self, account: Account, *, session: Session | None = None) -> None:
        """Refuse an account :meth:`add_account` would refuse, but for its password.

        For a form or a command that asks for the password only once the rest is right.
        """
        if not isinstance(account, Account):
            raise MisuseError("store.expects", function="add_account", expected="Account",
                              got=type(account).__name__)
        self._allow(session, "accounts")
        self._check_new(account)
        self._check_organisation(account)

    def _check_new(self, account: Account) -> None:
        """The first account is an administrator; a login is taken once."""
        if not self.has_accounts() and account.role != "admin":
            raise ArgumentError("accounts.first_admin", role=accounts.RoleLabel(account.role))
        if self.db.execute("SELECT 1 FROM accounts WHERE name = ?",
                           [account.name]).fetchone():
            raise StoreError("accounts.exists", name=account.name)

    def _check_organisation(self, account: Account) -> None:
        """The account's organisation is an actor of its region (or the file has none)."""
        if not account.organisation:
            regions = self.regions()
            if regions:
                raise ArgumentError("accounts.org_required", name=account.name,
                                    regions=", ".join(c for c, _ in regions))
            return
        if not self.has_region(account.region):
            raise NotFoundError("store.no_region", region=account.region)
        if self.db.execute("SELECT 1 FROM actors WHERE region = ? AND id = ?",
                           [account.region, account.organisation]).fetchone() is None:
            some = [r[0] for r in self.db.execute(
                "SELECT id FROM actors WHERE region = ? ORDER BY ord LIMIT 11",
                [account.region])]
            listed = ", ".join(some[:10]) + (", …" if len(some) > 10 else "")
            raise NotFoundError("accounts.org_unknown", org=account.organisation,
                                region=account.region, actors=listed or "-")

    def remove_account(self, name: str, *, session: Session | None = None) -> None:
        """Remove the account ``name``; its rows in the access log stay.

        Raises
        ------
        concert.NotFoundError
            If there is no such account.
        concert.ArgumentError
            If it is the last administrator (nobody could manage accounts any more).
        concert.AccessDenied
            If the session's role does not allow managing accounts.
        """
        self._allow(session, "accounts")
        name = accounts.normalise_name(name)
        with self._write():
            row = self.db.execute("SELECT role FROM accounts WHERE name = ?",
                                  [name]).fetchone()
            if row is None:
                raise NotFoundError("accounts.unknown", name=str(name))
            admins = self.db.execute("SELECT COUNT(*) FROM accounts WHERE role = 'admin'"
                                     ).fetchone()[0]
            if row[0] == "admin" and admins == 1:
                raise ArgumentError("accounts.last_admin", name=name)
            self.db.execute("DELETE FROM accounts WHERE name = ?", [name])

    def set_password(self, name: str, password: str, *,
                     session: Session | None = None) -> None:
        """Give account ``name`` a new password (an administrator's reset).

        Raises
        ------
        concert.NotFoundError
            If there is no such account.
        concert.ValidationError
            If the password breaks a rule.
        concert.AccessDenied
            If the session's role does not allow managing accounts.
        """
        self._allow(session, "accounts")
        name = accounts.normalise_name(name)
        raise_if(accounts.password_problems(password, str(name)))
        self._write_password(name, accounts.hash_password(password))

    def change_password(self, session: Session, old: str, new: str) -> None:
        """The signed-in person changes their own password; the current one is required.

        Raises
        ------
        concert.AccessDenied
            If ``old`` is not the current password, or the account no longer exists;
            nothing is changed.
        concert.ValidationError
            If the new password breaks a rule.
        """
        if not isinstance(session, Session):
            raise MisuseError("store.expects", function="change_password",
                              expected="Session", got=type(session).__name__)
        row = self.db.execute("SELECT password FROM accounts WHERE name = ?",
                              [session.name]).fetchone()
        if row is None:
            raise AccessDenied("access.gone", user=session.name)
        if not accounts.verify_password(old, row[0]):
            raise AccessDenied("accounts.wrong_password")
        raise_if(accounts.password_problems(new, session.name))
        self._write_password(session.name, accounts.hash_password(new))

    def _write_password(self, name: str, stored: str) -> None:
        with self._write():
            cur = self.db.execute("UPDATE accounts SET password = ?, password_set_at = ? "
                                  "WHERE name = ?", [stored, _now(), name])
            if cur.rowcount == 0:
                raise NotFoundError("accounts.unknown", name=str(name))

    def login(self, name: str, password: str) -> Session | None:
        """The session of ``name`` if ``password`` is its password, else ``None``.

        An unknown name takes as long to refuse as a wrong password, and the answer does
        not say which was wrong. A hash made with a lower cost than the current one is
        made again (:func:`concert.accounts.needs_rehash`). Slowing repeated failures is
        the server's business (:class:`dashboards.serving.LoginThrottle`).
        """
        key = accounts.normalise_name(name)
        row = self.db.execute("SELECT password FROM accounts WHERE name = ?",
                              [key]).fetchone() if isinstance(key, str) else None
        stored = row[0] if row else None
        if not accounts.verify_password(password, stored):
            return None
        if accounts.needs_rehash(stored):
            with contextlib.suppress(sqlite3.Error, StoreError):  # a read-only file: later
                self._write_password(key, accounts.hash_password(password))
        return self.session(key)

    def session(self, name: str) -> Session:
        """The session of account ``name``, bound to this store's access log.

        For a person the server has already signed in (its cookie names the account).

        Raises
        ------
        concert.NotFoundError
            If there is no such account.
        """
        return Session(self.account(name), log=self._log_showing)

    # ------------------------------------------------------------------ access log
    def _log_showing(self, session: Session, region: str, agreements: tuple[str, ...]) -> None:
        """Log that ``session`` is shown the tenant codes of ``agreements`` (checked)."""
        self._allow(session, "tenant_codes")
        self._log(session.name, session.role,
                  [(region, "tenant_codes", a, "") for a in agreements])

    def log_access(self, region: str, agreements: list[str] | tuple[str, ...], *,
                   action: str = "export", session: Session | None = None) -> None:
        """Write to the access log that tenant codes of ``agreements`` left the store.

        For the file's owner (``concert export --include-tenant-codes``); a session's
        showings are logged by :func:`concert.privacy.view` itself.
        """
        if action not in ACCESS_ACTIONS:
            raise MisuseError("access.unknown_action", action=action,
                              expected=", ".join(ACCESS_ACTIONS))
        if session is not None:
            self._allow(session, "tenant_codes")
        self._log(self._who(session), session.role if session else "",
                  [(region, action, a, "") for a in agreements])

    def _log(self, user: str, role: str, rows: list[tuple[str, str, str, str]]) -> None:
        if not rows:
            return
        at = _now()
        with self._write():
            self.db.conn.executemany(
                "INSERT INTO access_log (at, user, role, region, action, agreement, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", [(at, user, role, *row) for row in rows])

    def access_log(self, region: str | None = None, *,
                   session: Session | None = None) -> pd.DataFrame:
        """The access log, oldest first (administrators).

        Columns: ``at`` (UTC, ISO), ``user``, ``role``, ``region``, ``action`` (one of
        :data:`ACCESS_ACTIONS`), ``agreement`` (the entente III), ``detail``.
        """
        self._allow(session, "access_log")
        sql = "SELECT at, user, role, region, action, agreement, detail FROM access_log"
        args: list[Any] = []
        if region is not None:
            sql += " WHERE region = ?"
            args.append(region)
        return pd.DataFrame(list(self.db.query(sql + " ORDER BY id", args)),
                            columns=["at", "user", "role", "region", "action", "agreement",
                                     "detail"])

    # ------------------------------------------------------------------ retention (Law 25)
    def retention_months(self) -> int | None:
        """The retention period of tenant codes, in months after an entente III ended."""
        row = self.db.execute("SELECT value FROM concert_meta WHERE key = 'retention_months'"
                              ).fetchone()
        try:
            return int(row[0]) if row else None
        except ValueError:
            return None

    def set_retention_months(self, months: int | None, *,
                             session: Session | None = None) -> None:
        """Set the retention period (``None``: none; ``concert purge`` then refuses).

        Raises
        ------
        concert.ArgumentError
            If ``months`` is not a whole number from 1 to
            :data:`concert.retention.MAX_MONTHS`.
        concert.AccessDenied
            If the session's role does not allow it (administrators).
        """
        self._allow(session, "retention")
        if months is not None:
            retention.check_months(months)
        with self._write():
            if months is None:
                self.db.execute("DELETE FROM concert_meta WHERE key = 'retention_months'")
            else:
                self.db.execute("INSERT OR REPLACE INTO concert_meta (key, value) "
                                "VALUES ('retention_months', ?)", [str(months)])

    def purge_plan(self, *, today: dt.date | None = None,
                   session: Session | None = None) -> retention.PurgePlan:
        """What a purge would remove today: ententes III ended before the cut-off.

        Those still in a region (:func:`concert.retention.ended_agreements`) and those
        left only in the audit trail (removed from their region, or their region deleted:
        :func:`concert.retention.removed_agreement_end`). Nothing is written.

        Raises
        ------
        concert.StoreError
            If no retention period is set.
        concert.AccessDenied
            If the session's role does not allow it (administrators).
        """
        self._allow(session, "retention")
        months = self.retention_months()
        if months is None:
            raise StoreError("retention.unset")
        today = today or settings.current_date()
        cut = retention.cutoff(months, today)
        items: list[retention.Ended] = []
        undated: list[tuple[str, str]] = []
        kept: list[tuple[str, str, str]] = []
        live: set[tuple[str, str]] = set()
        ended_calls: list[retention.EndedCall] = []
        with self._read():
            for code, _ in self.regions():
                agreements = _load_records(self, "agreement", code, check=False).get("", [])
                live |= {(code, g.id) for g in agreements}
                chosen = retention.ended_agreements(agreements, cut, today)
                items += [retention.Ended(code, gid, end) for gid, end in chosen.ended.items()]
                undated += [(code, gid) for gid in chosen.undated]
                kept += [(code, gid, by) for gid, by in chosen.kept.items()]
                calls_ = _load_records(self, "call", code, check=False).get("", [])
                ended_calls += [retention.EndedCall(code, cid, end) for cid, end
                                in retention.ended_calls(calls_, cut).items()]
            last: dict[tuple[str, str], tuple[str, str, str]] = {}
            for region, key, action, at, data in self.db.execute(
                    "SELECT region, key, action, at, COALESCE(after, before) FROM audit "
                    "WHERE kind = 'agreement' ORDER BY id"):
                last[(region, key)] = (action, at, data)
            for (region, key), (action, at, data) in last.items():
                if (region, key) in live or action != "delete":
                    continue
                record = json.loads(data)
                if record.get("type") != "III":
                    continue
                end = retention.removed_agreement_end(record, dt.date.fromisoformat(at[:10]))
                if end < cut:
                    items.append(retention.Ended(region, key, end, in_region=False))
            counted = []
            for e in items:
                audit_rows = self.db.execute(
                    "SELECT COUNT(*) FROM audit WHERE region = ? AND kind = 'agreement' "
                    "AND key = ?", [e.region, e.agreement]).fetchone()[0]
                log_rows = self.db.execute(
                    "SELECT COUNT(*) FROM access_log WHERE region = ? AND agreement = ?",
                    [e.region, e.agreement]).fetchone()[0]
                counted.append(dataclasses.replace(e, audit_rows=audit_rows, log_rows=log_rows))
        counted.sort(key=lambda e: (e.region, e.ended_on, e.agreement))
        ended_calls.sort(key=lambda c: (c.region, c.ended_on, c.call))
        return retention.PurgePlan(months, cut, today, tuple(counted), tuple(undated),
                                   tuple(kept), tuple(ended_calls))

    def purge(self, plan: retention.PurgePlan, *,
              session: Session | None = None) -> retention.PurgeResult:
        """Remove the ententes III of ``plan``, their audit rows and access-log rows.

        Only what ``plan`` lists *and* a fresh plan for the same day still lists goes (a
        change saved since the plan was shown is respected); nothing else is touched but
        the revision of the regions concerned, so that a region loaded before the purge
        and saved after it does not bring them back (:mod:`concert.merge`). The purge
        itself is logged (who, when, how many; no id). Deleted rows are overwritten
        (``secure_delete``), then the file is rewritten (``VACUUM``) so that no copy of a
        tenant code is left in its free space; backups are not reached: rotate them
        within the retention period.

        Raises
        ------
        concert.AccessDenied
            If the session's role does not allow it (administrators).
        concert.StoreError
            If no retention period is set, or the write fails (nothing is removed then).
        """
        fresh = self.purge_plan(today=plan.today, session=session)
        listed = plan.goes()
        goes = [e for e in fresh.items if (e.region, e.agreement) in listed]
        calls_listed = plan.calls_going()
        calls_go = [c for c in fresh.calls if (c.region, c.call) in calls_listed]
        user = self._who(session)
        audit_rows = log_rows = 0
        secure = self.db.execute("PRAGMA secure_delete").fetchone()[0]
        self.db.execute("PRAGMA secure_delete = ON")
        try:
            with self._write():
                for e in goes:
                    self.db.execute("DELETE FROM agreements WHERE region = ? AND id = ?",
                                    [e.region, e.agreement])
                    audit_rows += self.db.execute(
                        "DELETE FROM audit WHERE region = ? AND kind = 'agreement' AND key = ?",
                        [e.region, e.agreement]).rowcount
                    log_rows += self.db.execute(
                        "DELETE FROM access_log WHERE region = ? AND agreement = ?",
                        [e.region, e.agreement]).rowcount
                for c in calls_go:
                    self.db.execute("DELETE FROM calls WHERE region = ? AND id = ?",
                                    [c.region, c.call])
                for code in sorted({e.region for e in goes if e.in_region}):
                    self.db.execute("UPDATE regions SET revision = revision + 1, saved_at = ?, "
                                    "saved_by = ? WHERE code = ?", [_now(), user, code])
                if goes or calls_go:
                    self._log(user, session.role if session else "",
                              [("", "purge", "", json.dumps(
                                  {"agreements": len(goes), "calls": len(calls_go),
                                   "months": plan.months,
                                   "cutoff": plan.cutoff.isoformat()}))])
        except sqlite3.Error as exc:
            raise StoreError("retention.purge_failed", detail=str(exc)) from exc
        finally:
            self.db.execute(f"PRAGMA secure_delete = {int(secure)}")
        compacted = not (goes or calls_go) or self._compact()
        return retention.PurgeResult(len(goes), audit_rows, log_rows, compacted,
                                     calls=len(calls_go))

    def _compact(self) -> bool:
        """Rewrite the file without its free pages (``VACUUM``); False if it is busy."""
        if self.path is None:
            return True
        try:
            self.db.execute("VACUUM")
            busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.OperationalError:
            return False
        return not busy


def _same_file(a: Path, b: Path) -> bool:
    """True if ``a`` and ``b`` name the same file, however spelt (links, ``..``)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists()
                                              and os.path.samefile(a, b))
    except OSError:
        return False


def _integrity(conn: sqlite3.Connection, *, quick: bool = False) -> str:
    """``""`` if SQLite finds the file sound, else the first problems it reports."""
    try:
        rows = conn.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}(3)"
                            ).fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found = [line for r in rows if r and r[0] != "ok" for line in str(r[0]).splitlines()]
    text = "; ".join(found)
    return text if len(text) <= 200 else text[:199] + "…"


def _failure(exc: BaseException) -> Any:
    """Why a copy failed, in words of the current language when the cause is common."""
    full = getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT) or getattr(
        exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    if full:
        return Message("files.reason.enospc")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _to_sql(kind: str, name: str, spec: schema.Spec, value: Any) -> Any:
    """A field's value as stored (JSON lists, ISO dates, 0/1, NULL for no reference)."""
    k = spec.kind
    if k in ("texts", "codes"):
        return json.dumps(list(value), ensure_ascii=False)
    if k == "date":
        return value.isoformat() if value else None
    if k == "bool":
        return int(value)
    if k == "float":
        return None if value is None else float(value)
    if k == "ref" and value == "" and _nullable(kind, name, spec):
        return None
    return value


def _json_tuple(value: str) -> tuple[Any, ...]:
    return tuple(json.loads(value))


def _from_sql_converter(kind: str, name: str, spec: schema.Spec) -> Callable[[Any], Any] | None:
    """How a stored value becomes a field's value again (``None``: as it is)."""
    k = spec.kind
    if k in ("texts", "codes"):
        return _json_tuple
    if k == "date":
        return _d
    if k == "bool":
        return bool
    if k == "ref" and _nullable(kind, name, spec):
        return _or_empty
    return None


def _or_empty(value: str | None) -> str:
    return value or ""


@functools.cache
def _columns(kind: str) -> tuple[tuple[str, str, schema.Spec], ...]:
    """``(field, column, spec)`` of each stored field of ``kind`` (nested records apart)."""
    return tuple((name, _column(spec, name), spec) for name, spec in schema.specs(_cls(kind))
                 if spec.kind != "items")


@functools.cache
def _readers(kind: str) -> tuple[tuple[str, str, Callable[[Any], Any] | None], ...]:
    return tuple((name, col, _from_sql_converter(kind, name, spec))
                 for name, col, spec in _columns(kind))


def _record_rows(kind: str, records: list[Any], code: str, parent: str = "",
                 out: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, list[Any]]:
    """The rows of ``records`` of ``kind`` (and of their nested records), by table."""
    out = out if out is not None else {t: [] for t in TABLES}
    layout = LAYOUT[kind]
    nested = schema.nested(_cls(kind))
    columns = _columns(kind)
    rows = out[layout.table]
    for i, rec in enumerate(records):
        row: dict[str, Any] = {"region": code, "ord": i}
        if layout.parent:
            row[layout.parent] = parent
        for name, col, spec in columns:
            row[col] = _to_sql(kind, name, spec, getattr(rec, name))
        rows.append(row)
        if nested is not None:
            field_, sub = nested
            _record_rows(_kind(sub), list(getattr(rec, field_)), code, rec.id, out)
    return out


def _region_rows(r: Region) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["regions"].append({"code": r.code, "name": r.name,
                            "territories": json.dumps(list(r.territories), ensure_ascii=False),
                            "note": r.note, "source": r.source,
                            "saved_at": dt.datetime.now(dt.UTC).isoformat()})
    for kind, attr in RECORD_LISTS.items():
        _record_rows(kind, getattr(r, attr), r.code, out=rows)
    return rows


def _records(region: Region) -> dict[str, tuple[str, Any, int]]:
    out: dict[str, tuple[str, Any, int]] = {}
    for kind, attr in RECORD_LISTS.items():
        for i, rec in enumerate(getattr(region, attr)):
            out[f"{kind}:{key_of(kind, rec)}"] = (kind, rec, i)
    return out


def _utc(when: dt.datetime | dt.date, edge: dt.time) -> str:
    """A bound on audit times: a datetime (UTC if naive) or a date's first or last moment."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, edge)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _agreements_iii_differ(old: Region | None, new: Region) -> bool:
    """True if saving ``new`` over ``old`` adds, changes or removes an entente III."""
    def iii(region: Region | None) -> dict[str, Any]:
        if region is None:
            return {}
        return {g.id: to_dict("agreement", g) for g in region.agreements if g.type == "III"}
    return iii(old) != iii(new)

def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "inconnu"


def _trusted(cls: type, values: dict[str, Any]) -> Any:
    """Build a frozen dataclass without running its checks (for rows the store wrote).

    Every row of the store was checked when it was saved; checking it again on each load
    made loading four times slower than reading the rows (benchmarks/province_load.py).
    ``values`` holds every field, by name.
    """
    obj: Any = object.__new__(cls)
    obj.__dict__.update(values)  # frozen dataclasses keep their fields in __dict__
    return obj


_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"))


def _fast_rows(store: Store, table: str, code: str) -> list[sqlite3.Row]:
    cur = store.db.conn.cursor()
    cur.row_factory = sqlite3.Row
    col = "code" if table == "regions" else "region"
    order = "" if table == "regions" else " ORDER BY ord"
    return cur.execute(f"SELECT * FROM {table} WHERE {col} = ?{order}", [code]).fetchall()


def _load_records(store: Store, kind: str, code: str, *, check: bool) -> dict[str, list[Any]]:
    """The stored records of ``kind`` in region ``code``, grouped by parent id ("" at top).

    Columns are read by name (those of the record's fields, :func:`_readers`), as plain
    tuples: the rows of a province number in the hundreds of thousands.
    """
    layout = LAYOUT[kind]
    cls = _cls(kind)
    readers = _readers(kind)
    names = [name for name, _, _ in readers]
    convs = [(i, name, conv) for i, (name, _, conv) in enumerate(readers) if conv is not None]
    nested = schema.nested(cls)
    children = _load_records(store, _kind(nested[1]), code, check=check) if nested else {}
    parent = layout.parent or "''"
    sql = (f"SELECT {parent}, {'id' if nested else 'NULL'}, "
           f"{', '.join(col for _, col, _ in readers)} FROM {layout.table} "
           "WHERE region = ? ORDER BY ord")
    out: dict[str, list[Any]] = {}
    for row in store.db.conn.execute(sql, [code]):
        values = dict(zip(names, row[2:], strict=True))
        for i, name, conv in convs:
            values[name] = conv(row[2 + i])
        if nested is not None:
            values[nested[0]] = tuple(children.get(row[1], ()))
        rec = cls(**values) if check else _trusted(cls, values)
        out.setdefault(row[0], []).append(rec)
    return out


def _build_region(store: Store, code: str, *, check: bool = True) -> Region:
    reg = _fast_rows(store, "regions", code)[0]
    region = Region(reg["code"], reg["name"], tuple(json.loads(reg["territories"])),
                    note=reg["note"], source=reg["source"])
    for kind, attr in RECORD_LISTS.items():
        setattr(region, attr, _load_records(store, kind, code, check=check).get("", []))
    return region
