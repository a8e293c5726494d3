"""Data in and out: import checks, round trips, history, backups, concurrent writers, privacy."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import sqlite3
import string
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, write_workbook
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concert import Answer, Assessment, Store, region_to_graph, write_gexf, write_graphml
from concert.io import (
    ImportFailed,
    export_tables,
    import_files,
    write_csv,
    write_json,
    write_template,
    write_xlsx,
)
from concert.io.tables import TABLES, table_for

CODE = "capitale-nationale"


def files_state(db: Path) -> dict[str, bytes | None]:
    """The bytes of the store and of its WAL companions (None when absent)."""
    out = {}
    for suffix in ("", "-wal", "-shm"):
        p = db.with_name(db.name + suffix)
        out[suffix] = p.read_bytes() if p.exists() else None
    return out


@pytest.fixture
def stored(example, tmp_path):
    db = tmp_path / "cn.db"
    with Store(db) as store:
        store.save_region(example)
    return db


# ------------------------------------------------------------------------------ round trips
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_full_export_reimports_to_the_same_region(example, tmp_path, fmt, lang):
    out = tmp_path / ("out" if fmt == "csv" else f"out.{fmt}")
    writer = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json}[fmt]
    written = writer(example, out, tenant_codes=True, lang=lang)
    paths = written if isinstance(written, list) else [written]
    db = tmp_path / "copy.db"
    with Store(db) as store:
        report = import_files(store, paths)
        assert report.added["actors"] == 47 and report.added["agreements"] == 47
        copy = store.load_region(CODE)
    assert copy == example
    assert (copy.name, copy.territories, copy.note) == (example.name, example.territories,
                                                       example.note)
    # Importing the same files again changes nothing, not even a byte.
    before = files_state(db)
    with Store(db) as store:
        again = import_files(store, paths)
    assert not again.changed and again.unchanged["actors"] == 47
    assert files_state(db)[""] == before[""]


def test_import_updates_and_adds(stored, tmp_path):
    (tmp_path / "acteurs.csv").write_text(
        "identifiant,nom,type,engagement\n"
        "omhq,Office municipal d’habitation de Québec,omh,signatory\n"
        "ville-levis,Ville de Lévis,municipality,identified\n", encoding="utf-8")
    with Store(stored) as store:
        report = import_files(store, [tmp_path / "acteurs.csv"])
        region = store.load_region(CODE)
    assert report.added["actors"] == 1 and report.updated["actors"] == 1
    assert region.actor("ville-levis").sector == "municipal"
    # The OMHQ row replaced the stored record (no acronym in the file) but, with no
    # contact rows naming it, the OMHQ keeps its stored contact.
    assert region.actor("omhq").acronym == ""
    assert [c.name for c in region.actor("omhq").contacts] == ["Marc Tremblay"]


def test_contacts_table_sets_contacts(stored, tmp_path):
    (tmp_path / "contacts.csv").write_text(
        "acteur,nom,rôle\nomhgp,Paul Exemple,designated_lead\n", encoding="utf-8")
    with Store(stored) as store:
        import_files(store, [tmp_path / "contacts.csv"])
        assert store.load_region(CODE).actor("omhgp").contacts[0].name == "Paul Exemple"


def test_english_headers_and_semicolon_csv(stored, tmp_path):
    (tmp_path / "cn_actors.csv").write_text(
        'id;name;type;territories\nx1;Org X;community_org;"Ville de Québec; Grand Portneuf"\n',
        encoding="utf-8")
    with Store(stored) as store:
        import_files(store, [tmp_path / "cn_actors.csv"])
        assert store.load_region(CODE).actor("x1").territories == ("Ville de Québec",
                                                                   "Grand Portneuf")


def test_new_region_needs_a_name(tmp_path):
    (tmp_path / "acteurs.csv").write_text("identifiant,nom,type\na,A,omh\n", encoding="utf-8")
    with Store(tmp_path / "new.db") as store:
        with pytest.raises(ImportFailed, match="--name"):
            import_files(store, [tmp_path / "acteurs.csv"], region="nouvelle")
        import_files(store, [tmp_path / "acteurs.csv"], region="nouvelle", name="Nouvelle")
        assert store.load_region("nouvelle").name == "Nouvelle"


# ------------------------------------------------------------------------------ bad files
GOOD_ACTORS = "identifiant,nom,type\nomh9,OMH Neuf,omh\n"
BAD_CSV = {
    "missing column": ("acteurs.csv", "identifiant,type\nomh9,omh\n", "colonne obligatoire"),
    "bad date": ("ententes.csv",
                 "identifiant,type,signée le,propriétaire,programme\nI-9,I,15/01/24,omhq,cem\n",
                 "quatre chiffres"),
    "unknown type": ("acteurs.csv", "identifiant,nom,type\nx9,X,chateau\n", "valeur inconnue"),
    "duplicate": ("acteurs.csv", GOOD_ACTORS + "omh9,OMH Neuf bis,omh\n", "deux fois"),
    "broken reference": ("sieges.csv", "comité,acteur\ngestion,inconnu\n", "acteur inconnu"),
    "wrong party": ("ententes.csv",
                    ("identifiant,type,signée le,propriétaire,programme\n"
                    "I-9,I,2024-01-15,ciusss-cn,cem\n"), "ne fournit pas de logements"),
    "empty": ("acteurs.csv", "", "vide"),
    "header only": ("acteurs.csv", "identifiant,nom,type\n", "vide"),
}


def _as(kind: str, name: str, text: str, folder: Path) -> Path:
    """Write the CSV text as a CSV, an XLSX sheet or a JSON table."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    stem = Path(name).stem
    if kind == "csv":
        p = folder / name
        p.write_text(text, encoding="utf-8")
    elif kind == "xlsx":
        p = write_workbook(folder / f"{stem}.xlsx", rows, stem)
    else:
        p = folder / f"{stem}.json"
        body = [dict(zip(rows[0], r, strict=False)) for r in rows[1:]] if rows else []
        p.write_text(json.dumps({stem: body} if rows else {stem: []}), encoding="utf-8")
    return p


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("case", list(BAD_CSV))
def test_bad_file_writes_nothing(stored, tmp_path, kind, case):
    name, text, expected = BAD_CSV[case]
    if kind == "json" and case in ("missing column",):
        text = "identifiant,type\nomh9,omh\n"
    path = _as(kind, name, text, tmp_path)
    before = files_state(stored)
    with Store(stored) as store, pytest.raises(ImportFailed) as exc:
        import_files(store, [path])
    after = files_state(stored)
    assert after[""] == before[""]
    message = str(exc.value)
    assert expected in message, message
    assert path.name in message                       # the file is named
    if case not in ("empty", "header only"):
        assert "ligne" in message                     # and the row


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_excel_csv_is_read_without_options(stored, tmp_path, encoding):
    """UTF-8 with or without BOM and Windows-1252 (French Excel) are recognised alone."""
    path = tmp_path / "acteurs.csv"
    path.write_bytes("identifiant;nom;type\ncafe1;Café l’Escale « Rencontre »;Organisme "
                     "communautaire\n".encode(encoding))
    with Store(stored) as store:
        import_files(store, [path])
        name = store.load_region(CODE).actor("cafe1").name
    assert name == "Café l’Escale « Rencontre »"  # the ’ is not the control \x92


def test_latin1_advice_is_gone_and_control_characters_are_refused(stored, tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_bytes("identifiant,nom,type\ncafe1,Café l’Escale,omh\n".encode("cp1252"))
    before = files_state(stored)
    with Store(stored) as store, pytest.raises(ImportFailed) as exc:
        import_files(store, [path], encoding="latin-1")  # read wrongly on purpose
    text = exc.value.text("fr")
    assert "contrôle" in text and "latin-1" not in text
    assert files_state(stored) == before


def test_one_bad_file_among_good_ones_writes_nothing(stored, tmp_path):
    good = tmp_path / "acteurs.csv"
    good.write_text(GOOD_ACTORS, encoding="utf-8")
    bad = _as("csv", "liens.csv", "source,cible,type\nomh9,cem,gossip\n", tmp_path)
    with Store(stored) as store:
        with pytest.raises(ImportFailed, match="gossip"):
            import_files(store, [good, bad])
        assert "omh9" not in {a.id for a in store.load_region(CODE).actors}


def test_problem_names_the_column(stored, tmp_path):
    path = _as("csv", "ententes.csv", BAD_CSV["bad date"][1], tmp_path)
    with Store(stored) as store, pytest.raises(ImportFailed) as exc:
        import_files(store, [path])
    p = exc.value.problems[0]
    assert (p.file, p.row, p.column) == ("ententes.csv", 2, "signée le")


def test_unknown_file_kind_and_table(stored, tmp_path):
    odd = tmp_path / "notes.txt"
    odd.write_text("x")
    named = tmp_path / "divers.csv"
    named.write_text("a,b\n1,2\n")
    with Store(stored) as store, pytest.raises(ImportFailed) as exc:
        import_files(store, [odd, named, tmp_path / "absent.csv"])
    text = str(exc.value)
    assert "non pris en charge" in text and "table inconnue" in text and "introuvable" in text


# ------------------------------------------------------------------------------ property test
ids = st.text(alphabet=string.ascii_lowercase + string.digits + "-é ", min_size=0, max_size=8)
types = st.sampled_from(["omh", "obnl", "community_org", "castle", "", "OMH"])
cells = st.one_of(st.text(max_size=12), st.just(""))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(ids, cells, types, st.sampled_from(["", "2024-01-01", "1/1/24",
                                                                    "2024-13-01"])),
                     min_size=1, max_size=6))
def test_random_rows_import_cleanly_or_not_at_all(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("rand")
    db = folder / "r.db"
    with Store(db) as store:
        import_files_ok = None
        path = folder / "acteurs.json"
        path.write_text(json.dumps({"acteurs": [
            {"identifiant": i, "nom": n, "type": t, "depuis": d} for i, n, t, d in rows]}),
            encoding="utf-8")
        try:
            import_files(store, [path], region="r", name="Région aléatoire")
            import_files_ok = True
        except ImportFailed as exc:
            assert exc.problems and all(p.message for p in exc.problems)
            import_files_ok = False
        if import_files_ok:
            region = store.load_region("r")
            out = write_json(region, folder / "back.json", tenant_codes=True)
            with Store(memory=True) as other:
                import_files(other, [out])
                assert other.load_region("r") == region
        else:
            assert store.regions() == []


# ------------------------------------------------------------------------------ templates
def test_templates(tmp_path):
    for table in TABLES:
        p = write_template(tmp_path / f"{table.fr}.csv")
        header, example = p.read_text("utf-8-sig").splitlines()
        assert header.split(",") == table.header("fr")
        assert example.startswith("(exemple)")
    wb = write_template(tmp_path / "modele.xlsx")
    sheets = openpyxl.load_workbook(wb).sheetnames
    assert sheets[0] == "mode d’emploi" and "acteurs" in sheets and "valeurs" in sheets
    assert len(sheets) == len(TABLES) + 2
    single = openpyxl.load_workbook(write_template(tmp_path / "actors.xlsx", lang="en"))
    assert single.sheetnames == ["instructions", "actors", "values"]
    assert table_for("acteurs_2024") is table_for("cn_actors") is TABLES[1]


def test_filled_template_imports(stored, tmp_path):
    p = write_template(tmp_path / "acteurs.xlsx")
    wb = openpyxl.load_workbook(p)
    wb["acteurs"].append(["ville-x", "Ville X", "municipality"])
    wb.save(p)
    with Store(stored) as store:
        import_files(store, [p])
        assert store.load_region(CODE).actor("ville-x").type == "municipality"


# ------------------------------------------------------------------------------ history
def test_every_change_is_audited_and_the_past_can_be_read(example, tmp_path):
    db = tmp_path / "h.db"
    with Store(db, user="alice") as store:
        store.save_region(example)
    t_first = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    with Store(db, user="bruno") as store:
        region = store.load_region(CODE)
        region.actors = [a for a in region.actors if a.id != "brigade"]
        region.ties = [t for t in region.ties if "brigade" not in (t.source, t.target)]
        store.save_region(region)
        store.add_assessment(CODE, Assessment("eval-9", TODAY, [Answer("climat.coordination.1",
                                                                       3)]))
        hist = store.history(CODE)
        assert set(hist[hist.user == "alice"].action) == {"insert"}
        bruno = hist[hist.user == "bruno"]
        done = set(zip(bruno.action, bruno.kind, bruno.key, strict=True))
        assert ("delete", "actor", "brigade") in done
        assert ("insert", "assessment", "eval-9") in done
        # The region as it was after alice's save is the example, unchanged.
        assert store.region_as_of(CODE, t_first) == example
        now = store.region_as_of(CODE, dt.datetime.now(dt.UTC))
        assert "brigade" not in {a.id for a in now.actors} and len(now.assessments) == 4


# ------------------------------------------------------------------------------ concurrency
def _writer(db: str, who: int, n: int) -> None:
    with Store(db, user=f"writer-{who}") as store:
        for k in range(n):
            store.add_assessment(CODE, Assessment(
                f"w{who}-{k}", TODAY, [Answer("climat.coordination.1", k % 4, f"r{who}")]))


def test_concurrent_writers_lose_nothing(stored):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(stored), w, 15)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with Store(stored) as store:
        ids = {a.id for a in store.load_region(CODE).assessments}
    assert {f"w{w}-{k}" for w in range(4) for k in range(15)} <= ids
    assert sqlite3.connect(stored).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _busy(db: str, stop_after: float) -> None:
    end = time.time() + stop_after
    k = 0
    with Store(db, user="busy") as store:
        while time.time() < end:
            store.add_assessment(CODE, Assessment(f"busy-{k}", TODAY,
                                                  [Answer("climat.coordination.1", 2)]))
            k += 1


def test_backup_while_another_process_writes(stored, tmp_path):
    ctx = multiprocessing.get_context("fork")
    p = ctx.Process(target=_busy, args=(str(stored), 1.5))
    p.start()
    time.sleep(0.3)
    copies = []
    with Store(stored) as store:
        for i in range(3):
            copies.append(store.backup(tmp_path / f"copy-{i}.db"))
            time.sleep(0.2)
    p.join(30)
    assert p.exitcode == 0
    counts = []
    for c in copies:
        con = sqlite3.connect(c)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        with Store(c) as s:
            region = s.load_region(CODE)
            counts.append(len(region.assessments))
    assert counts == sorted(counts) and counts[-1] > 3   # snapshots of a growing store
    restored = tmp_path / "restored.db"
    Store.restore(copies[-1], restored)
    with Store(restored) as s:
        assert len(s.load_region(CODE).assessments) == counts[-1]


# ------------------------------------------------------------------------------ privacy
def test_default_exports_hold_no_tenant_code(example, tmp_path):
    codes = {p.tenant_code for a in example.agreements for p in a.parties if p.tenant_code}
    assert codes
    outputs = [*write_csv(example, tmp_path / "csv"), write_xlsx(example, tmp_path / "x.xlsx"),
               write_json(example, tmp_path / "x.json"),
               write_graphml(region_to_graph(example), tmp_path / "g.graphml"),
               write_gexf(region_to_graph(example), tmp_path / "g.gexf")]
    for path in outputs:
        if path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path)
            text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
        else:
            text = path.read_text("utf-8-sig")
        assert not [c for c in codes if c in text], path.name
    summary = export_tables(example)["résumé"]
    assert summary.loc[0, "ententes III"] == 10


def test_explicit_option_exports_codes(example, tmp_path):
    text = write_json(example, tmp_path / "x.json", tenant_codes=True).read_text("utf-8")
    assert "CEM-" in text


def test_a_name_is_never_accepted_as_tenant(stored, tmp_path):
    (tmp_path / "ententes.csv").write_text(
        "identifiant,type,signée le,programme,organisme de l’intervenant,intervenant,"
        "agent de liaison,code locataire\n"
        "III-x,III,2024-06-01,cem,ciusss-cn,Alexandre Roy,Camille Lévesque,Jean Tremblay\n",
        encoding="utf-8")
    before = files_state(stored)
    with Store(stored) as store, pytest.raises(ImportFailed, match="pseudonyme"):
        import_files(store, [tmp_path / "ententes.csv"])
    assert files_state(stored)[""] == before[""]
