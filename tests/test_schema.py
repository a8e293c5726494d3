"""One record schema: every field declared once, everything else derived from it (issue 10)."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from concert import Store, Tie, ValidationError, i18n, schema
from concert.example import capitale_nationale
from concert.io import import_files, write_csv
from concert.io.tables import TABLES
from concert.region import ALL_RECORD_TYPES
from concert.store import LAYOUT, SCHEMA_VERSION

V2 = Path(__file__).parent / "data" / "cn-schema-v2.db"
CODE = "capitale-nationale"


@pytest.mark.parametrize("kind", ALL_RECORD_TYPES)
def test_every_field_is_declared_and_labelled_in_both_languages(kind):
    for f in dataclasses.fields(ALL_RECORD_TYPES[kind]):
        spec = f.metadata["concert"]
        assert spec.kind in schema.VALUE_KINDS
        key = f"field.{kind}.{f.name}"
        assert key in i18n.TEXT or f"field.{f.name}" in i18n.TEXT, (kind, f.name)
        assert schema.field_label(kind, f.name, "fr") != schema.field_label(kind, f.name, "en") \
            or f.name in {"type", "note", "source", "code", "engagement", "date", "on",
                          "parties"}


def test_store_columns_and_exchange_columns_come_from_the_fields():
    con = sqlite3.connect(":memory:")
    with Store(memory=True) as store:
        for kind, layout in LAYOUT.items():
            cols = {r[1] for r in store.db.execute(f"PRAGMA table_info({layout.table})")}
            declared = {spec.column or name for name, spec
                        in schema.specs(ALL_RECORD_TYPES[kind]) if spec.kind != "items"}
            assert declared <= cols, kind
    con.close()
    ties = next(t for t in TABLES if t.name == "ties")
    assert [c.field for c in ties.columns] == [f.name for f in dataclasses.fields(Tie)]
    assert ties.column("fréquence").field == "frequency"


def test_a_new_field_travels_through_store_dicts_and_files(tmp_path):
    """Tie.frequency was added by its declaration, a vocabulary and a label only."""
    region = capitale_nationale()
    first = region.ties[0]
    region.ties[0] = dataclasses.replace(first, frequency="weekly")
    with pytest.raises(ValidationError) as err:
        dataclasses.replace(first, frequency="tous les jours")
    assert err.value.rules == ["code.tie_frequency"]
    db = tmp_path / "cn.db"
    with Store(db) as store:
        store.save_region(region)
        assert store.load_region(CODE).ties[0].frequency == "weekly"
        assert store.load_region(CODE, check=True) == region
    paths = write_csv(region, tmp_path / "csv", tenant_codes=True)
    liens = next(p for p in paths if p.name == "liens.csv").read_text("utf-8-sig")
    assert "fréquence" in liens.splitlines()[0] and "Hebdomadaire ou plus" in liens
    with Store(tmp_path / "copy.db") as copy:
        import_files(copy, paths)
        assert copy.load_region(CODE).ties[0].frequency == "weekly"


def test_a_file_of_the_previous_version_is_backed_up_then_migrated(tmp_path):
    old = tmp_path / "cn.db"
    shutil.copy(V2, old)
    before = old.read_bytes()
    with Store(old) as store:
        assert store.migrated is not None
        version, backup = store.migrated
        assert version == 2 and backup.parent == tmp_path
        assert store.schema_version == SCHEMA_VERSION == 6
        region = store.load_region(CODE, check=True)
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 2
    assert {t.frequency for t in region.ties} == {""}
    # Nothing shifted: the records that do not depend on the day the file was written are
    # those of the example (its agreements and assessments are dated from that day).
    example = capitale_nationale()
    for attr in ("actors", "committees", "memberships", "ties", "figures"):
        assert getattr(region, attr) == getattr(example, attr), attr
    assert [a.id for a in region.agreements] == [a.id for a in example.agreements]
    assert old.read_bytes() != before
    with Store(old) as again:  # already up to date: no second backup
        assert again.migrated is None
    assert len(list(tmp_path.glob("cn.version-2-*.db"))) == 1
