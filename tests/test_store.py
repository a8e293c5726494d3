"""The SQLite store: round trips, several regions, schema version, refusals, atomic saves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from conftest import build_small_region

from concert import (
    Agreement,
    Answer,
    Assessment,
    Figure,
    NotFoundError,
    Party,
    Region,
    Store,
    StoreError,
    StoreVersionError,
    ValidationError,
)
from concert.store import SCHEMA_VERSION, TABLES


def saved(region: Region, path) -> None:
    with Store(path) as store:
        store.save_region(region)


# ------------------------------------------------------------------------------- round trips
def test_example_round_trip(example, db_path):
    saved(example, db_path)
    with Store(db_path) as store:
        loaded = store.load_region("capitale-nationale")
    assert loaded == example
    # Order is kept too (lists compare in order; checked explicitly for clarity).
    assert [a.id for a in loaded.agreements] == [a.id for a in example.agreements]


def test_small_region_round_trip(small_region, db_path):
    saved(small_region, db_path)
    with Store(db_path) as store:
        assert store.load_region("demo") == small_region


def test_round_trip_in_memory(small_region):
    with Store(memory=True) as store:
        store.save_region(small_region)
        assert store.load_region() == small_region


def test_loaded_values_have_the_right_types(small_region, db_path):
    saved(small_region, db_path)
    with Store(db_path) as store:
        r = store.load_region("demo")
    assert isinstance(r.agreement("II-1").signed_on, dt.date)
    assert r.agreement("III-1").party("tenant").actor == ""
    assert r.actor("org").roles == ("referring",)
    assert r.committee("gestion").meetings_per_year == 4
    assert r.actor("cem").illustrative is False


def test_resave_replaces(small_region, db_path):
    saved(small_region, db_path)
    small_region.ties.clear()
    saved(small_region, db_path)
    with Store(db_path) as store:
        assert store.load_region("demo").ties == []
        assert store.regions() == [("demo", "Région de démonstration")]


def test_two_regions_in_one_file(example, small_region, db_path):
    with Store(db_path) as store:
        store.save_region(example)
        store.save_region(small_region)
        assert [c for c, _ in store.regions()] == ["capitale-nationale", "demo"]
        assert store.load_region("demo") == small_region
        assert store.load_region("capitale-nationale") == example


def test_load_without_code_fails_with_two_regions(example, small_region, db_path):
    with Store(db_path) as store:
        store.save_region(example)
        store.save_region(small_region)
        with pytest.raises(NotFoundError, match="plusieurs régions") as err:
            store.load_region()
        assert "capitale-nationale (" in str(err.value) and "demo (" in str(err.value)
        with pytest.raises(NotFoundError, match="Régions présentes : capitale") as err:
            store.load_region("nulle-part")


def test_load_without_code_fails_when_empty(db_path):
    with Store(db_path) as store, pytest.raises(NotFoundError, match="Aucune région"):
        store.load_region()


def test_load_unknown_region(small_region, db_path):
    saved(small_region, db_path)
    with Store(db_path) as store, pytest.raises(NotFoundError, match="nowhere"):
        store.load_region("nowhere")


def test_delete_region_cascades(example, small_region, db_path):
    with Store(db_path) as store:
        store.save_region(example)
        store.save_region(small_region)
        store.delete_region("demo")
        assert not store.has_region("demo")
        for table in TABLES[1:]:
            n = store.db.execute(f"SELECT COUNT(*) FROM {table} WHERE region = 'demo'")
            assert n.fetchone()[0] == 0, table
        assert store.load_region() == example
        with pytest.raises(NotFoundError):
            store.delete_region("demo")


def test_rows_in_saved_order(small_region, db_path):
    saved(small_region, db_path)
    with Store(db_path) as store:
        assert [r["id"] for r in store.rows("agreements", "demo")] == ["I-1", "II-1", "III-1"]
        with pytest.raises(StoreError):
            list(store.rows("sqlite_master", "demo"))


# ------------------------------------------------------------------------------- schema
def test_schema_version_in_user_version(db_path, small_region):
    saved(small_region, db_path)
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        meta = dict(con.execute("SELECT key, value FROM concert_meta").fetchall())
        assert meta["schema_version"] == str(SCHEMA_VERSION)
    finally:
        con.close()
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_refused(db_path):
    Store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreVersionError, match="mettez concert à jour"):
        Store(db_path)


def test_not_a_sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"This is not a database, just some text.\n" * 100)
    with pytest.raises(StoreError, match="pas un fichier SQLite lisible") as exc:
        Store(path)
    assert "is not a readable SQLite file" in exc.value.text("en")
    assert path.read_bytes() == b"This is not a database, just some text.\n" * 100


def test_sqlite_file_with_other_tables(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="pas une base concert") as exc:
        Store(path)
    assert not isinstance(exc.value, StoreVersionError)
    assert "clients" in str(exc.value)
    assert path.read_bytes() == before


def test_store_needs_a_path_or_memory():
    with pytest.raises(StoreError, match="memory=True"):
        Store()


def test_foreign_keys_are_on(db_path):
    with Store(db_path) as store:
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_keys_enforced(small_region, db_path):
    with Store(db_path) as store:
        store.save_region(small_region)
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO contacts VALUES ('demo', 'ghost', 0, 'X', 'other', "
                             "'', '')")


# ------------------------------------------------------------------------------- refusals
def test_save_refuses_non_region(db_path):
    with Store(db_path) as store, pytest.raises(StoreError, match="attend un objet de type Region"):
        store.save_region("demo")  # type: ignore[arg-type]


def test_invalid_region_refused_and_file_unchanged(small_region, db_path):
    saved(small_region, db_path)
    before = db_path.read_bytes()
    bad = build_small_region()
    # Appended directly to the list, bypassing add_agreement's check.
    bad.agreements.append(Agreement("I-ghost", "I", (Party("housing_provider", "ghost"),
                                                     Party("program", "cem")),
                                    signed_on=dt.date(2024, 1, 1)))
    with Store(db_path) as store:
        with pytest.raises(ValidationError) as exc:
            store.save_region(bad)
        assert exc.value.rules == ["agreement.unknown_actor"]
        assert store.load_region("demo") == small_region
    assert db_path.read_bytes() == before


def test_replace_false_refuses_to_overwrite(small_region, db_path):
    saved(small_region, db_path)
    before = db_path.read_bytes()
    changed = build_small_region()
    changed.ties.clear()
    with Store(db_path) as store:
        with pytest.raises(StoreError, match="existe déjà"):
            store.save_region(changed, replace=False)
        assert store.load_region("demo") == small_region
    assert db_path.read_bytes() == before


def test_replace_false_saves_a_new_region(small_region, db_path):
    with Store(db_path) as store:
        store.save_region(small_region, replace=False)
        assert store.has_region("demo")


@pytest.fixture
def break_insert_all(monkeypatch):
    """Return a function that makes the store's bulk insert raise after its first call.

    Calling it returns the list of tables the insert was called for.
    """
    real = Store._insert

    def arm() -> list[str]:
        calls: list[str] = []

        def flaky(self, table, rows):
            calls.append(table)
            if len(calls) > 1:
                raise sqlite3.IntegrityError("simulated failure")
            return real(self, table, rows)

        monkeypatch.setattr(Store, "_insert", flaky)
        return calls

    return arm


def test_failed_save_leaves_file_byte_for_byte_unchanged(example, small_region, db_path,
                                                         break_insert_all, monkeypatch):
    saved(example, db_path)
    saved(small_region, db_path)
    before = db_path.read_bytes()
    changed = build_small_region()
    changed.ties.clear()
    with Store(db_path) as store:
        calls = break_insert_all()
        with pytest.raises(StoreError, match="rien n’a été écrit") as exc:
            store.save_region(changed)
        monkeypatch.undo()
        # The old region was deleted and the new regions row inserted before the failure.
        assert calls == ["regions", "actors"]
        assert isinstance(exc.value.__cause__, sqlite3.IntegrityError)
        # The connection is still usable and the old data is intact.
        assert store.load_region("demo") == small_region
        assert store.load_region("capitale-nationale") == example
    assert db_path.read_bytes() == before
    for suffix in ("-journal", "-wal"):  # nothing left pending beside the file either
        assert not db_path.with_name(db_path.name + suffix).exists()


def test_failed_first_save_leaves_no_region(small_region, db_path, break_insert_all):
    with Store(db_path) as store:
        break_insert_all()
        with pytest.raises(StoreError, match="rien n’a été écrit"):
            store.save_region(small_region)
        assert store.regions() == []
    with Store(db_path) as store:
        assert store.regions() == [] and store.history().empty


# ------------------------------------------------------------------------------- assessments
def new_assessment(aid="eval-2"):
    return Assessment(aid, dt.date(2025, 1, 10), (Answer("climat.coordination.1", 2, "A"),
                                                  Answer("climat.coordination.1", 3, "B")),
                      label="Nouveau bilan")


def test_add_assessment(small_region, db_path):
    saved(small_region, db_path)
    with Store(db_path) as store:
        store.add_assessment("demo", new_assessment())
        r = store.load_region("demo")
    assert [a.id for a in r.assessments] == ["eval-1", "eval-2"]
    assert r.assessment("eval-2") == new_assessment()
    assert r.assessment().id == "eval-2"  # the latest by date
    # Everything else is untouched.
    assert dataclasses.replace(r, assessments=r.assessments[:1]) == small_region


def test_add_assessment_refuses_duplicates(small_region, db_path):
    saved(small_region, db_path)
    before = db_path.read_bytes()
    with Store(db_path) as store:
        with pytest.raises(ValidationError) as exc:
            store.add_assessment("demo", new_assessment("eval-1"))
        assert exc.value.rules == ["duplicate"]
    assert db_path.read_bytes() == before


def test_add_assessment_unknown_region(db_path):
    with Store(db_path) as store, pytest.raises(NotFoundError):
        store.add_assessment("nowhere", new_assessment())


def test_add_assessment_refuses_non_assessment(small_region, db_path):
    saved(small_region, db_path)
    with Store(db_path) as store, pytest.raises(StoreError,
                                                match="attend un objet de type Assessment"):
        store.add_assessment("demo", {"id": "x"})  # type: ignore[arg-type]


def test_add_assessment_failure_writes_nothing(small_region, db_path, break_insert_all):
    saved(small_region, db_path)
    before = db_path.read_bytes()
    with Store(db_path) as store:
        assert break_insert_all() == []
        with pytest.raises(StoreError, match="rien n’a été écrit"):
            store.add_assessment("demo", new_assessment())
        assert [a.id for a in store.load_region("demo").assessments] == ["eval-1"]
    assert db_path.read_bytes() == before


def test_tenant_codes_only_pseudonymous_in_the_file(small_region, db_path):
    saved(small_region, db_path)
    con = sqlite3.connect(db_path)
    try:
        codes = [r[0] for r in con.execute(
            "SELECT tenant_code FROM agreement_parties WHERE role = 'tenant'")]
    finally:
        con.close()
    assert codes == ["CEM-0042"]


@pytest.mark.parametrize("value", [2**53 + 1, -(2**60) - 1, 10**5000],
                         ids=["2**53+1", "-(2**60)-1", "10**5000"])
def test_figure_refuses_ints_a_float_cannot_hold(value):
    # Stored as REAL, 2**53 + 1 would load back as 2**53: the model refuses it up front.
    with pytest.raises(ValidationError) as exc:
        Figure("f", value, "u", dt.date(2024, 1, 1), "d")
    assert exc.value.rules == ["figure.value"]


@pytest.mark.parametrize("value", [0, 489, -3, 2**60, 95.2, 1e300, -0.5])
def test_figure_values_round_trip_exactly(small_region, value):
    small_region.figures = [Figure("f", value, "u", dt.date(2024, 1, 1), "d")]
    with Store(memory=True) as store:
        store.save_region(small_region)
        loaded = store.load_region().figures[0].value
    assert loaded == value


# ------------------------------------------------------------------ files only read
@pytest.mark.parametrize("empty", [False, True])
def test_reading_a_missing_or_empty_file_writes_nothing(tmp_path, empty, example):
    path = tmp_path / "nouveau.db"
    if empty:
        path.write_bytes(b"")
    with Store(path) as store:
        assert store.is_new and store.regions() == [] and store.history().empty
        with pytest.raises(NotFoundError):
            store.load_region()
    assert path.exists() == empty and (not empty or path.read_bytes() == b"")
    assert not (tmp_path / "nouveau.db-wal").exists()
    with Store(path) as store:
        store.save_region(example)
        assert not store.is_new
    with Store(path) as store:
        assert store.load_region() == example
