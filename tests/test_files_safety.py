"""Files and the command line: nothing destroyed, nothing created, no traceback (issue 9).

Commands never write over the database they read, never create or change a file they only
read, refuse damaged files with a message, and leave no partial file when a write fails
(a full disk is simulated). Crafted input files (a dimension bomb, deep JSON, huge numbers,
NUL bytes, endless fields, missing shared strings, duplicate keys, terminal escapes) each
give one clear message and leave the store byte-identical. Exports and the history carry
no agreement III identifier unless asked.
"""

from __future__ import annotations

import errno
import importlib.util
import json
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import write_workbook

from concert import read_gexf, read_graphml
from concert._errors import Problem, StoreError, printable
from concert.actors import Actor
from concert.agreements import Agreement
from concert.cli import cli
from concert.example import capitale_nationale
from concert.io import ImportFailed, exchange, import_files, write_json
from concert.privacy import (
    agreement_pseudonyms,
    history_without_agreement_iii_ids,
    without_agreement_iii_ids,
)
from concert.region import Region
from concert.store import Store

GRAPH_FORMATS = ("graphml", "gexf", "node-link")
III_IDS = {g.id for g in capitale_nationale().agreements if g.type == "III"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(example_file, tmp_path) -> Path:
    """A fresh copy of the example database, in the test's own folder."""
    return Path(shutil.copy(example_file, tmp_path / "cn.db"))


def refused(result, *words: str) -> None:
    """A clear refusal: exit code 1, the words, and no Python traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for w in words:
        assert w in result.output, result.output


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if ".part" in p.name)


# ----------------------------------------------------------------- never over the input
@pytest.mark.parametrize("fmt", ["json", "xlsx", "graphml", "gexf", "node-link"])
def test_export_onto_the_database_is_refused(runner, db, fmt):
    before = db.read_bytes()
    result = runner.invoke(cli, ["export", str(db), "--format", fmt, str(db)])
    refused(result, "fichier de données lui-même")
    assert db.read_bytes() == before


def test_the_database_is_recognised_however_spelt(runner, db, tmp_path):
    before = db.read_bytes()
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.db").symlink_to(db)
    for out in (tmp_path / "sub" / ".." / "cn.db", tmp_path / "link.db",
                Path(f"{db}-wal"), Path(f"{db}-shm")):
        refused(runner.invoke(cli, ["export", str(db), "--format", "json", str(out)]),
                "fichier de données lui-même")
    refused(runner.invoke(cli, ["export", str(db), "--format", "csv", str(tmp_path / "link.db")]))
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


def test_report_onto_the_database_is_refused(runner, db):
    before = db.read_bytes()
    refused(runner.invoke(cli, ["report", str(db), str(db)]), "fichier de données lui-même")
    assert db.read_bytes() == before


def test_backup_onto_the_database_or_its_wal_is_refused(runner, db):
    before = db.read_bytes()
    for out in (str(db), f"{db}-wal"):
        refused(runner.invoke(cli, ["backup", str(db), out]), "fichier de données lui-même")
    assert db.read_bytes() == before
    with Store(db) as store, pytest.raises(StoreError, match="autre fichier"):
        store.backup(f"{db}-shm")


def test_export_onto_a_folder_an_existing_csv_or_under_a_file(runner, db, tmp_path):
    (tmp_path / "folder").mkdir()
    refused(runner.invoke(cli, ["export", str(db), "--format", "json",
                                str(tmp_path / "folder")]), "est un dossier")
    existing = tmp_path / "acteurs.csv"
    existing.write_text("identifiant,nom\n", encoding="utf-8")
    refused(runner.invoke(cli, ["export", str(db), "--format", "csv", str(existing)]),
            "est un fichier", "dossier")
    assert existing.read_text(encoding="utf-8") == "identifiant,nom\n"
    # A path that cannot be made (a part of it is a file): one message.
    refused(runner.invoke(cli, ["export", str(db), "--format", "xlsx",
                                str(existing / "x.xlsx")]), "Impossible d’écrire")
    refused(runner.invoke(cli, ["template", str(existing / "modele.xlsx")]),
            "Impossible d’écrire")
    assert leftovers(tmp_path) == []


def _full_disk_after(limit: int):
    """A file write that stores ``limit`` characters, then fails as on a full disk."""
    real = Path.write_text

    def write_text(self, data, *args, **kwargs):
        real(self, data[:limit], *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    return write_text


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(runner, db, tmp_path,
                                                                monkeypatch):
    out = tmp_path / "cn.json"
    out.write_text("old", encoding="utf-8")
    monkeypatch.setattr(Path, "write_text", _full_disk_after(100))
    refused(runner.invoke(cli, ["export", str(db), "--format", "json", str(out)]),
            "disque plein", "Rien n’a été écrit")
    monkeypatch.undo()
    assert out.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_a_failed_csv_export_writes_no_file_of_the_set(runner, db, tmp_path, monkeypatch):
    real = pd.DataFrame.to_csv
    calls = []

    def to_csv(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)
    out = tmp_path / "new" / "csv"
    refused(runner.invoke(cli, ["export", str(db), "--format", "csv", str(out)]),
            "disque plein")
    assert len(calls) == 3
    assert not (tmp_path / "new").exists()  # the folders it made are gone too
    assert leftovers(tmp_path) == []


def test_exports_still_write_whole_files(runner, db, tmp_path):
    for fmt, name in (("json", "a/cn.json"), ("xlsx", "b/cn.xlsx"), ("csv", "c"),
                      ("graphml", "d/cn.graphml")):
        result = runner.invoke(cli, ["export", str(db), "--format", fmt, str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "a/cn.json").read_text(encoding="utf-8"))["acteurs"]
    assert openpyxl.load_workbook(tmp_path / "b/cn.xlsx").sheetnames[1] == "acteurs"
    assert (tmp_path / "c" / "acteurs.csv").is_file()
    assert read_graphml(tmp_path / "d/cn.graphml").number_of_nodes() > 40
    assert leftovers(tmp_path) == []


# ----------------------------------------------------------------- read-only commands
READ_ONLY = [["regions", "DB"], ["maturity", "DB"], ["history", "DB"],
             ["export", "DB", "OUT", "--format", "json"], ["backup", "DB", "OUT"],
             ["report", "DB", "OUT"]]


def _args(command: list[str], db: Path, out: Path, file: Path | None = None) -> list[str]:
    """The command with its DB, OUT and FILE placeholders filled."""
    values = {"DB": str(db), "OUT": str(out), "FILE": str(file)}
    return [values.get(a, a) for a in command]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_read_only_commands_create_nothing(runner, tmp_path, command):
    missing = tmp_path / "missing.db"
    refused(runner.invoke(cli, _args(command, missing, tmp_path / "out")), "introuvable")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_read_only_commands_write_nothing_into_an_empty_file(runner, tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.touch()
    refused(runner.invoke(cli, _args(command, empty, tmp_path / "out")), "Aucune région")
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


# ----------------------------------------------------------------- damaged files
def damage(db: Path) -> bytes:
    """Break the first page of the actors table, as a disk fault would; return the bytes."""
    conn = sqlite3.connect(db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'actors'").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * 64)
    return db.read_bytes()


@pytest.mark.parametrize("command", [["maturity", "DB"],
                                     ["export", "DB", "OUT", "--format", "xlsx"],
                                     ["report", "DB", "OUT"], ["import", "DB", "FILE"],
                                     ["history", "DB"]], ids=lambda c: c[0])
def test_a_damaged_file_gives_a_message(runner, db, tmp_path, command):
    before = damage(db)
    actors = tmp_path / "acteurs.csv"
    actors.write_text("identifiant,nom,type\nx1,X,obnl\n", encoding="utf-8")
    out = tmp_path / "out.file"
    refused(runner.invoke(cli, _args(command, db, out, actors)), "endommagé", "concert restore")
    assert db.read_bytes() == before
    assert not out.exists()


def test_backup_checks_integrity_first(runner, db, tmp_path):
    before = damage(db)
    out = tmp_path / "copy.db"
    refused(runner.invoke(cli, ["backup", str(db), str(out)]), "endommagé",
            "vérification d’intégrité")
    assert not out.exists() and not Path(f"{out}.part").exists()
    assert db.read_bytes() == before
    # A damaged copy is not restored either; the destination is left alone.
    target = tmp_path / "target.db"
    target.write_bytes(b"keep")
    refused(runner.invoke(cli, ["restore", str(db), str(target), "--force"]), "endommagé")
    assert target.read_bytes() == b"keep"


def test_backup_onto_a_full_disk(runner, db, tmp_path, monkeypatch):
    # SQLite reports a full disk as SQLITE_FULL; a page limit on the copy gives exactly that.
    real = sqlite3.connect

    def tiny(path, *args, **kwargs):
        conn = real(path, *args, **kwargs)
        if str(path).endswith(".part"):
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    out = tmp_path / "backup.db"
    out.write_bytes(b"previous backup")
    monkeypatch.setattr(sqlite3, "connect", tiny)
    refused(runner.invoke(cli, ["backup", str(db), str(out)]), "disque plein")
    monkeypatch.undo()
    assert out.read_bytes() == b"previous backup"
    assert not Path(f"{out}.part").exists()


def test_backup_and_restore_still_work(runner, db, tmp_path):
    out = tmp_path / "copies" / "cn.db"
    assert runner.invoke(cli, ["backup", str(db), str(out)]).exit_code == 0
    before = out.read_bytes()
    back = tmp_path / "back.db"
    result = runner.invoke(cli, ["restore", str(out), str(back)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == before  # the backup is only read
    with Store(back) as restored, Store(db) as original:
        assert restored.load_region() == original.load_region()
    refused(runner.invoke(cli, ["restore", str(out), str(out), "--force"]), "même fichier")


# ----------------------------------------------------------------- crafted input files
_workbook = write_workbook


def _edit_sheet(path: Path, edit) -> Path:
    """Rewrite ``xl/worksheets/sheet1.xml`` of a workbook through ``edit(xml) -> xml``."""
    src = path.with_name("src-" + path.name)
    path.rename(src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    src.unlink()
    return path


def dimension_bomb(path: Path, *, far: bool = True) -> Path:
    """A few-KB workbook declaring A1:XFD1048576, with a few far cells if ``far``.

    The builder of ``benchmarks/xlsx_bomb.py``: one for the benchmark and the tests.
    """
    spec = importlib.util.spec_from_file_location(
        "xlsx_bomb", Path(__file__).resolve().parent.parent / "benchmarks" / "xlsx_bomb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.workbook(path, dimension=True, far=far)  # type: ignore[no-any-return]


def _import_refused(db: Path, path: Path, *words: str) -> ImportFailed:
    """Import ``path`` into ``db``: refused with one problem naming ``words``, db intact."""
    before = db.read_bytes()
    with Store(db) as store, pytest.raises(ImportFailed) as info:
        import_files(store, [path])
    assert len(info.value.problems) == 1, info.value.problems
    text = str(info.value.problems[0])
    for w in words:
        assert w in text, text
    assert db.read_bytes() == before
    return info.value


def test_dimension_bomb_is_refused_by_the_row_cap(db, tmp_path):
    bomb = dimension_bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 8000
    _import_refused(db, bomb, "acteurs", "200 000 lignes")


def test_a_declared_dimension_alone_is_ignored(tmp_path):
    path = dimension_bomb(tmp_path / "acteurs.xlsx", far=False)
    with Store(tmp_path / "new.db") as store:
        report = import_files(store, [path], region="r", name="R")
    assert report.added["actors"] == 1


def test_caps_on_rows_and_columns(db, tmp_path, monkeypatch):
    assert (exchange.MAX_ROWS, exchange.MAX_COLUMNS) == (200_000, 200)
    wide = _workbook(tmp_path / "acteurs.xlsx", [["identifiant", "nom", "type"],
                                                 ["a1", "A", "obnl", *["x"] * 198]])
    _import_refused(db, wide, "acteurs", "plus de 200 colonnes", "ligne 2")
    # 200 columns pass the cap (the extra ones are then unknown columns, not a refusal).
    ok = _workbook(tmp_path / "ok.xlsx", [["identifiant", "nom", "type"],
                                          ["a1", "A", "obnl", *[None] * 196, "x"]],
                   sheet="acteurs")
    sheets, problems = exchange.read_tables([ok])
    assert problems == [] and len(sheets[0].rows[0][1]) == 3
    monkeypatch.setattr(exchange, "MAX_ROWS", 3)
    rows = [["identifiant", "nom", "type"]] + [[f"a{i}", "A", "obnl"] for i in range(4)]
    _import_refused(db, _workbook(tmp_path / "long.xlsx", rows), "plus de 3 lignes")
    csv_file = tmp_path / "acteurs.csv"
    csv_file.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    _import_refused(db, csv_file, "acteurs.csv", "plus de 3 lignes")
    json_file = tmp_path / "acteurs.json"
    json_file.write_text(json.dumps([dict(zip(rows[0], r, strict=True)) for r in rows[1:]]),
                         encoding="utf-8")
    _import_refused(db, json_file, "plus de 3 lignes")
    monkeypatch.setattr(exchange, "MAX_ROWS", 4)
    assert exchange.read_tables([csv_file])[1] == []


def test_missing_shared_strings(db, tmp_path):
    path = _workbook(tmp_path / "acteurs.xlsx", [["identifiant", "nom", "type"],
                                                 ["a1", "A", "obnl"]])
    _edit_sheet(path, lambda xml: re.sub(r'<c r="B2"[^>]*>.*?</c>',
                                         '<c r="B2" t="s"><v>7</v></c>', xml))
    _import_refused(db, path, "classeur Excel endommagé")


def test_deep_json(db, tmp_path):
    path = tmp_path / "acteurs.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    _import_refused(db, path, "imbriqué trop profondément")


def test_huge_json_integer(db, tmp_path):
    path = tmp_path / "acteurs.json"
    path.write_text('[{"identifiant": "a1", "nom": "A", "type": "obnl", "note": '
                    + "9" * 5000 + "}]", encoding="utf-8")
    _import_refused(db, path, "nombre trop long")


def test_nul_bytes_in_a_csv(db, tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_bytes(b"identifiant,nom,type\na1,A\x00\x00B,obnl\n")
    _import_refused(db, path, "pas du texte", "ligne 2")


def test_endless_csv_field(db, tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_text('identifiant,nom,type\na1,"' + "x" * 140_000 + '",obnl\n', encoding="utf-8")
    _import_refused(db, path, "dépasse 131 072 caractères")


def test_each_crafted_file_gives_one_message_on_the_command_line(runner, db, tmp_path):
    bomb = dimension_bomb(tmp_path / "acteurs.xlsx")
    before = db.read_bytes()
    result = runner.invoke(cli, ["import", str(db), str(bomb)])
    refused(result, "Import refusé", "(1 problèmes)", "acteurs.xlsx")
    assert db.read_bytes() == before


# ----------------------------------------------------------------- accepted but wrong
def _json(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_a_json_list_where_a_name_is_expected_is_refused(db, tmp_path):
    path = _json(tmp_path / "acteurs.json",
                 '[{"identifiant": "a1", "nom": ["a", "b"], "type": "obnl"}]')
    _import_refused(db, path, "un texte est attendu", "nom")


def test_a_json_list_fills_a_list_column(tmp_path):
    path = _json(tmp_path / "acteurs.json", '[{"identifiant": "a1", "nom": "A", "type": "obnl",'
                                            ' "territoires": ["Québec", "Portneuf"]}]')
    with Store(tmp_path / "new.db") as store:
        import_files(store, [path], region="r", name="R")
        assert store.load_region("r").actors[0].territories == ("Québec", "Portneuf")


def test_duplicate_json_keys_are_refused(db, tmp_path):
    row = '{"identifiant": "a1", "nom": "A", "type": "obnl"}'
    path = _json(tmp_path / "cn.json", f'{{"acteurs": [{row}], "acteurs": []}}')
    _import_refused(db, path, "« acteurs » figure deux fois")
    path = _json(tmp_path / "cn.json", '{"acteurs": [{"identifiant": "a1", "nom": "A", '
                                       '"nom": "B", "type": "obnl"}]}')
    _import_refused(db, path, "« nom » figure deux fois")


def test_json_with_a_byte_order_mark_is_accepted(tmp_path):
    path = _json(tmp_path / "acteurs.json", '[{"identifiant": "a1", "nom": "A", '
                                            '"type": "obnl"}]', bom=True)
    with Store(tmp_path / "new.db") as store:
        assert import_files(store, [path], region="r", name="R").added["actors"] == 1


ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e"


def test_terminal_escapes_are_shown_escaped(runner, db, tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_text(f"identifiant,nom,type,{ESCAPES}\na1,A,{ESCAPES}obnl,x\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(db), str(path)])
    refused(result, "\\x1b[2J", "\\x1b]0;pwned\\x07", "\\x9b31m", "\\u202e")
    assert not set("\x1b\x07\x9b\u202e") & set(result.output)


def test_problem_messages_escape_quoted_values():
    p = Problem("agreement.type", "a1", value=f"x{ESCAPES}")
    assert "\x1b" not in p.text() and "\\x1b[2J" in p.text()
    assert printable("Équipe — « nom » : 12\u00a0%") == "Équipe — « nom » : 12\u00a0%"


# ----------------------------------------------------------------- agreement III ids
def _graph_ids(fmt: str, path: Path) -> set[str]:
    if fmt == "node-link":
        data = json.loads(path.read_text(encoding="utf-8"))
        nodes = {n["id"] for n in data["nodes"]}
        keys = {e.get("agreement", "") for e in data["edges"]}
    else:
        G = (read_graphml if fmt == "graphml" else read_gexf)(path)
        nodes = set(G.nodes)
        keys = {d.get("agreement", "") for _, _, d in G.edges(data=True)}
    ids = {n.split(":", 1)[1] for n in nodes if n.startswith(("agreement:", "tenant:"))}
    return ids | keys


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_graph_exports_carry_no_agreement_iii_ids_by_default(runner, db, tmp_path, fmt):
    out = tmp_path / f"cn.{fmt}"
    assert runner.invoke(cli, ["export", str(db), "--format", fmt, str(out)]).exit_code == 0
    ids = _graph_ids(fmt, out)
    assert not ids & III_IDS
    assert {f"III-{n:04d}" for n in range(1, len(III_IDS) + 1)} <= ids
    assert not re.search(r"III-0\d\d\b", out.read_text(encoding="utf-8"))
    full = tmp_path / f"full.{fmt}"
    result = runner.invoke(cli, ["export", str(db), "--format", fmt, str(full),
                                 "--include-tenant-codes"])
    assert result.exit_code == 0
    assert _graph_ids(fmt, full) >= III_IDS


def test_history_carries_no_agreement_iii_ids_by_default(runner, db):
    result = runner.invoke(cli, ["history", str(db), "--kind", "agreement"])
    assert result.exit_code == 0, result.output
    keys = [line.split()[-1] for line in result.output.splitlines()]
    assert len(keys) == len(capitale_nationale().agreements)
    assert not set(keys) & III_IDS and "III-0001" in keys and "I-omhq" in keys
    result = runner.invoke(cli, ["history", str(db), "--include-tenant-codes"])
    assert {line.split()[-1] for line in result.output.splitlines()} >= III_IDS


def test_pseudonyms_avoid_kept_ids_and_follow_renewals():
    region = capitale_nationale()
    first = next(g for g in region.agreements if g.type == "III")
    renewal = Agreement("III-new", "III", first.parties, signed_on=first.signed_on,
                        renews=first.id)
    region.agreements.append(renewal)
    names = agreement_pseudonyms(region.agreements, types=("III",), taken={"III-0001"})
    assert names[first.id] == "III-0002" and set(names) == III_IDS | {"III-new"}
    hidden = without_agreement_iii_ids(region)
    ids = {g.id: g for g in hidden.agreements}
    assert not set(ids) & (III_IDS | {"III-new"})
    assert ids["III-0011"].renews == "III-0001"
    assert [g.id for g in hidden.agreements if g.type != "III"] == [
        g.id for g in region.agreements if g.type != "III"]
    assert region.agreements[-1].id == "III-new"  # the input is not modified


def test_history_keys_of_vanished_agreements_are_hidden():
    frame = pd.DataFrame([
        {"at": "t", "user": "u", "region": "r", "action": "insert", "kind": "agreement",
         "key": "III-secret"},
        {"at": "t", "user": "u", "region": "r", "action": "delete", "kind": "agreement",
         "key": "III-secret"},
        {"at": "t", "user": "u", "region": "r", "action": "insert", "kind": "actor",
         "key": "III-secret"}])
    out = history_without_agreement_iii_ids(frame, {"r": Region("r", "R")})
    assert list(out["key"]) == ["?-0001", "?-0001", "III-secret"]
    assert list(frame["key"]) == ["III-secret"] * 3


# ----------------------------------------------------------------- the report
def test_report_of_a_region_whose_only_actor_is_the_program(runner, tmp_path):
    db = tmp_path / "solo.db"
    region = Region("solo", "Région solitaire")
    region.actors = [Actor("cem", "Clés en main", "program")]
    with Store(db) as store:
        store.save_region(region)
    out = tmp_path / "solo.html"
    result = runner.invoke(cli, ["report", str(db), str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Région solitaire" in html or "R\\u00e9gion solitaire" in html
    assert leftovers(tmp_path) == []


def test_write_json_refuses_a_protected_file(tmp_path, db):
    before = db.read_bytes()
    with pytest.raises(Exception, match="fichier de données lui-même"):
        write_json(capitale_nationale(), db, protect=[db])
    assert db.read_bytes() == before



def test_backup_of_a_new_store_and_restore_of_an_empty_copy(runner, tmp_path):
    out = tmp_path / "copy.db"
    with Store(tmp_path / "new.db") as store, pytest.raises(StoreError, match="aucune région"):
        store.backup(out)
    empty = tmp_path / "empty.db"
    empty.touch()
    refused(runner.invoke(cli, ["restore", str(empty), str(tmp_path / "target.db")]),
            "aucune région : rien à restaurer")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
