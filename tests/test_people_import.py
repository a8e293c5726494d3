"""Import as people type it (issue 14): labels, names, day-first dates, Excel CSV, messages.

The workbook below is typed the way a Mauricie regional developer types one: no
identifiers, French labels and acronyms (OMH, CIUSSS, « signée »), dates as 15/03/2025,
plus a Windows-1252 CSV saved by French Excel with a ’. It is imported with the CLI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import write_sheets

from concert.cli import cli
from concert.io import ImportFailed, import_files, values, write_template
from concert.io.exchange import export_tables, write_csv, write_json, write_xlsx
from concert.io.tables import TABLES, table_for
from concert.store import Store

ACTORS = [
    ["nom", "sigle", "type", "secteur", "territoires", "engagement", "rôles"],
    ["Office municipal d'habitation de Trois-Rivières", "OMH", "OMH", "habitation sociale",
     "Trois-Rivières", "signataire", "propriétaire partenaire"],
    ["CIUSSS de la Mauricie-et-du-Centre-du-Québec", "CIUSSS MCQ", "CIUSSS", "santé",
     "Trois-Rivières; Shawinigan", "Signataire", "organismes référents"],
    ["Clés en main Mauricie", "CEM", "programme intersectoriel", "programme",
     "Trois-Rivières", "à la table", ""],
    ["Le Havre", "", "organisme communautaire", "organisme communautaire", "Shawinigan",
     "contacté", "Organisme référent"],
]
SHEETS = {
    "acteurs": ACTORS,
    "contacts": [["acteur", "nom", "rôle"], ["OMH", "Julie Lemay", "agente de liaison"]],
    "comités": [["nom", "type", "rencontres par an"],
                ["Comité de gestion Mauricie", "comité de gestion", 6]],
    "sièges": [["comité", "acteur", "siège", "depuis"],
               ["Comité de gestion Mauricie", "CIUSSS MCQ", "siège permanent", "15/03/2025"],
               ["Comité de gestion Mauricie", "omh", "Permanent", dt.datetime(2025, 3, 15)]],
    "ententes": [["type", "statut", "signée le", "propriétaire", "programme"],
                 ["I", "signée", "15/03/2025", "OMH", "CEM"],
                 ["entente II", "Signée", "2025-04-01", "", "CEM"]],
    "liens": [["source", "cible", "type", "fréquence"],
              ["Le Havre", "CIUSSS MCQ", "référencement", "mensuelle"]],
    "évaluations": [["date", "libellé", "critère", "niveau", "répondant"],
                    ["15/03/2025", "Bilan", "Présence d’intérêts communs", "bien établi", "JL"],
                    ["15/03/2025", "Bilan", "climat.cooperation.2", "observé", "JL"],
                    ["15/03/2025", "Bilan", "Concertation", 2, "JL"]],
}
# An entente II needs its referring organisation: the second row names it.
SHEETS["ententes"][0].append("organisme référent")
SHEETS["ententes"][1].append("")
SHEETS["ententes"][2].append("Le Havre")



def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mauricie(tmp_path, runner) -> Path:
    """The typed workbook imported with the CLI into a new store; the store's path."""
    db = tmp_path / "mauricie.db"
    book = write_sheets(tmp_path / "mauricie.xlsx", SHEETS)
    result = runner.invoke(cli, ["import", str(db), str(book), "--region", "mauricie",
                                 "--name", "Mauricie"])
    assert result.exit_code == 0, result.output
    assert "Import dans « mauricie » : 11 ajoutés" in result.output
    return db


def test_a_workbook_typed_with_french_labels_imports_unchanged(mauricie):
    with Store(mauricie) as store:
        r = store.load_region("mauricie")
    omh = r.actor("office-municipal-d-habitation-de-trois-rivieres")
    assert (omh.type, omh.sector, omh.engagement, omh.roles) == (
        "omh", "housing", "signatory", ("housing_provider",))
    ciusss = r.actor("ciusss-de-la-mauricie-et-du-centre-du-quebec")
    assert (ciusss.type, ciusss.sector, ciusss.roles) == ("cisss", "health", ("referring",))
    assert r.actor("le-havre").type == "community_org"
    assert omh.contacts[0].role == "liaison_agent"
    g1 = next(g for g in r.agreements if g.type == "I")
    assert (g1.status, g1.signed_on) == ("signed", dt.date(2025, 3, 15))
    assert {p.actor for p in g1.parties} == {omh.id, "cles-en-main-mauricie"}
    assert {m.actor for m in r.memberships} == {omh.id, ciusss.id}
    assert all(m.since == dt.date(2025, 3, 15) for m in r.memberships)
    assert r.ties[0].kind == "referral" and r.ties[0].frequency == "monthly"
    (s,) = r.assessments
    assert sorted((a.criterion, a.level) for a in s.answers) == [
        ("climat.cooperation.2", 2), ("convergence.communication.2", 3),
        ("convergence.coordination.1", 2)]


def test_reimport_is_stable_and_changes_nothing(mauricie, tmp_path, runner):
    book = write_sheets(tmp_path / "again.xlsx", SHEETS)
    before = sha(mauricie)
    result = runner.invoke(cli, ["import", str(mauricie), str(book)])
    assert result.exit_code == 0, result.output
    assert "0 ajoutés, 0 modifiés, 11 inchangés" in result.output
    assert sha(mauricie) == before  # derived identifiers are equal on re-import


def test_cp1252_csv_from_french_excel(mauricie, tmp_path, runner):
    path = tmp_path / "acteurs.csv"
    path.write_bytes("nom;type;secteur\nL’Accueil du Rivage;Organismes communautaires;"
                     "communautaire\n".encode("cp1252"))
    result = runner.invoke(cli, ["import", str(mauricie), str(path)])
    assert result.exit_code == 0, result.output
    with Store(mauricie) as store:
        actor = store.load_region("mauricie").actor("l-accueil-du-rivage")
    assert actor.name == "L’Accueil du Rivage" and "\x92" not in actor.name


def test_headers_people_write_name_their_columns(mauricie, tmp_path, runner):
    """"Organisme", "Tél.", "Adresse courriel": the words of a contacts sheet typed by hand."""
    path = tmp_path / "contacts.csv"
    path.write_bytes("Organisme;Nom;Rôle;Adresse courriel;Tél.\n"
                     "Le Havre;Marc Giguère;agent de liaison;mg@lehavre.example;819 555-0101\n"
                     .encode("cp1252"))
    result = runner.invoke(cli, ["import", str(mauricie), str(path)])
    assert result.exit_code == 0, result.output
    with Store(mauricie) as store:
        (contact,) = store.load_region("mauricie").actor("le-havre").contacts
    assert (contact.name, contact.email, contact.phone) == (
        "Marc Giguère", "mg@lehavre.example", "819 555-0101")
    # In a list of organisations, "Organisme" heads their names.
    assert next(t for t in TABLES if t.name == "actors").column("Organisme").field == "name"


MISTAKES = {
    "acteurs": [["nom", "sigle", "type", "secteur"],
                ["Office municipal d'habitation de Trois-Rivières", "OMH", "OMHH", "habitation"],
                ["Habitations du Nord", "HN", "OBNL/Coop", "habitation"],
                ["Le Havre", "", "organisme communautaire", "communautaire"]],
    "ententes": [["type", "signée le", "propriétaire", "programme"],
                 ["I", "15/03/25", "OMH", "Le Havre"],
                 ["I", "2024-02-30", "HN", "Le Havre"]],
}


def test_every_problem_at_once_with_its_sheet_row_column_value_and_expected(tmp_path, runner):
    db = tmp_path / "m.db"
    book = write_sheets(tmp_path / "mauricie.xlsx", MISTAKES)
    result = runner.invoke(cli, ["import", str(db), str(book), "--region", "mauricie",
                                 "--name", "Mauricie"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    out = result.output
    assert ("mauricie.xlsx:feuille « acteurs »:ligne 2:type : valeur inconnue « OMHH » : "
            "vouliez-vous dire « OMH » ?") in out
    assert "ligne 3:type : valeur ambiguë « OBNL/Coop » : elle peut désigner « OBNL " in out
    assert "« Coopérative d’habitation »" in out
    assert "feuille « ententes »:ligne 2:signée le : date « 15/03/25 » : l’année doit" in out
    assert "ligne 3:signée le : date impossible « 2024-02-30 »" in out
    # The entente naming the refused actor says so once, not "unknown actor".
    assert "« OMH » renvoie à un acteur refusé lui-même (feuille « acteurs », ligne 2)" in out
    assert "inconnu « OMH »" not in out
    assert not db.exists() or "mauricie" not in Store(db).__enter__().regions()
    english = runner.invoke(cli, ["import", str(db), str(book), "--region", "mauricie",
                                  "--name", "Mauricie", "--lang", "en"])
    assert ("mauricie.xlsx:sheet 'acteurs':row 2:type: unknown value 'OMHH': did you mean "
            "'OMH'?") in english.output


def test_names_that_differ_only_in_case_accents_or_punctuation_are_one(tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_text("nom,type\nLe Havre,organisme communautaire\nLE HAVRE!,OMH\n",
                    encoding="utf-8")
    db = tmp_path / "x.db"
    with Store(db) as store, pytest.raises(ImportFailed) as exc:
        import_files(store, [path], region="x", name="X")
    (p,) = exc.value.problems
    assert "même identifiant « le-havre »" in p.text("fr") and "casse" in p.text("fr")


def test_ids_equal_but_for_case_are_refused_against_the_store(mauricie, tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_text("identifiant,nom,type\nLE-HAVRE,Autre Havre,omh\n", encoding="utf-8")
    before = sha(mauricie)
    with Store(mauricie) as store, pytest.raises(ImportFailed, match="déjà dans la base"):
        import_files(store, [path])
    assert sha(mauricie) == before


@pytest.mark.parametrize(("cell", "expected"), [
    ("15/03/2025", dt.date(2025, 3, 15)), ("2025-03-15", dt.date(2025, 3, 15)),
    ("5.3.2025", dt.date(2025, 3, 5)), (45731, dt.date(2025, 3, 15)),
    (dt.datetime(2025, 3, 15, 0, 0), dt.date(2025, 3, 15)), ("15/03/25", None),
    ("2024-02-30", None), ("31/02/2024", None), ("mars 2025", None)])
def test_dates(cell, expected):
    assert values.parse_date(cell)[0] == expected


def test_labels_are_matched_once_per_distinct_value(tmp_path):
    rows = "\n".join(f"Organisme {i},organisme communautaire,Communautaire" for i in range(300))
    path = tmp_path / "acteurs.csv"
    path.write_text("nom,type,secteur\n" + rows + "\n", encoding="utf-8")
    values.resolve.cache_clear()
    with Store(tmp_path / "x.db") as store:
        import_files(store, [path], region="x", name="X")
    info = values.resolve.cache_info()
    assert info.misses == 2 and info.hits == 598


# ------------------------------------------------------------------ exports and templates
FORMULAS = ['=HYPERLINK("http://x","clic")', "+1+2", "-3", "@SUM(A1)", "@@x", "'=déjà",
            "-2 personnes", "'ordinaire"]  # a stored text holds no carriage return


def test_tab_and_carriage_return_starts_are_neutralised_too():
    from concert.io.exchange import _unquote, neutralise

    for text in ("\tcmd", "\rcmd", "=1", "+1", "-1", "@1", "'=1", "''+1"):
        assert neutralise(text) == "'" + text and _unquote(neutralise(text)) == text
    assert neutralise("ordinaire") == "ordinaire" and neutralise("'a") == "'a"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_formulas_are_neutralised_and_read_back_unchanged(mauricie, tmp_path, fmt):
    with Store(mauricie) as store:
        r = store.load_region("mauricie")
        r.actors = [dataclasses.replace(a, note=FORMULAS[i], source=FORMULAS[i + 4])
                    for i, a in enumerate(r.actors)]
        store.save_region(r)
        r = store.load_region("mauricie")
    out = tmp_path / "out"
    out.mkdir()
    if fmt == "csv":
        write_csv(r, out)
        text = (out / "acteurs.csv").read_text(encoding="utf-8-sig")
        assert '\'=HYPERLINK' in text and "\n=" not in text and ",=" not in text
        files = list(out.glob("*.csv"))
    elif fmt == "xlsx":
        files = [write_xlsx(r, out / "r.xlsx")]
        ws = openpyxl.load_workbook(files[0])["acteurs"]
        cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    else:
        files = [write_json(r, out / "r.json")]
    with Store(tmp_path / "back.db") as store:
        import_files(store, files, region="mauricie", name="Mauricie")
        back = store.load_region("mauricie")
    assert sorted((a.note, a.source) for a in back.actors) == sorted(
        (a.note, a.source) for a in r.actors)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("codes", [True, False])
def test_round_trip_with_labels(example, tmp_path, fmt, lang, codes):
    out = tmp_path / "out"
    out.mkdir()
    kw = {"lang": lang, "tenant_codes": codes}
    files = (write_csv(example, out, **kw) if fmt == "csv" else
             [write_xlsx(example, out / "r.xlsx", **kw)] if fmt == "xlsx" else
             [write_json(example, out / "r.json", **kw)])
    if not codes:
        frame = export_tables(example, lang=lang)["acteurs" if lang == "fr" else "actors"]
        assert set(frame["type"]) <= {values.label_of("actor_type", c, lang)
                                      for c in values.labels_of("actor_type")}
    with Store(tmp_path / "back.db") as store:
        import_files(store, files)
        back = store.load_region(example.code)
    # Without tenant codes, ententes III and their commitment reviews stay out of the files.
    third = {g.id for g in example.agreements if g.type == "III"}
    expected = example if codes else dataclasses.replace(
        example, agreements=[g for g in example.agreements if g.id not in third],
        commitments=[c for c in example.commitments if c.agreement not in third])
    assert back == expected


def test_sync_lists_then_retires_only_kinds_the_files_carry(example, tmp_path, runner):
    db = tmp_path / "cn.db"
    with Store(db) as store:
        store.save_region(example)
    out = tmp_path / "out"
    out.mkdir()
    write_csv(example, out)  # default: no ententes III
    files = sorted(str(p) for p in out.glob("*.csv"))
    result = runner.invoke(cli, ["import", str(db), *files, "--sync"])
    assert result.exit_code == 0, result.output
    assert "retirées" not in result.output and "n’ont plus" not in result.output
    # One organisation less in the file: listed, then retired with --sync, never deleted.
    actors = out / "acteurs.csv"
    lines = actors.read_text(encoding="utf-8-sig").splitlines()
    gone = lines.pop(-1).split(",")[0]
    actors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    listed = runner.invoke(cli, ["import", str(db), str(actors)])
    assert listed.exit_code == 0 and f"acteur {gone}" in listed.output
    with Store(db) as store:
        assert store.load_region(example.code).actor(gone).until is None
    synced = runner.invoke(cli, ["import", str(db), str(actors), "--sync"])
    assert synced.exit_code == 0, synced.output
    assert f"acteur {gone}" in synced.output and "1 fiches retirées" in synced.output
    with Store(db) as store:
        r = store.load_region(example.code)
    assert r.actor(gone).until is not None
    assert len(r.agreements) == len(example.agreements)  # ententes III untouched


def test_xlsx_template_guides(tmp_path):
    path = write_template(tmp_path / "modele.xlsx", lang="fr")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "mode d’emploi"
    for t in TABLES:
        ws = wb[t.fr]
        assert [c.value for c in ws[1]] == t.header("fr")
        assert str(ws["A2"].value).startswith("(exemple)")
        covered = {str(r).split(":")[0] for dv in ws.data_validations.dataValidation
                   for r in dv.sqref.ranges}
        coded = {openpyxl.utils.get_column_letter(j) + "2"
                 for j, c in enumerate(t.columns, start=1) if c.vocab}
        assert covered == coded, t.name
        assert coded or t.name in ("region", "figures")
    # Imported as it comes, the template writes nothing: example rows are skipped.
    with Store(tmp_path / "t.db") as store:
        import_files(store, [path], region="t", name="T")
        r = store.load_region("t")
    assert not r.actors and not r.agreements


def test_data_page_lists_missing_records_and_retires_them_when_asked(example, tmp_path):
    from dashboards.pages.data import import_notice
    from dashboards.state import DashboardState

    db = tmp_path / "cn.db"
    with Store(db) as store:
        store.save_region(example)
    state = DashboardState(db_path=str(db))
    out = tmp_path / "out"
    out.mkdir()
    write_csv(example, out)
    lines = (out / "acteurs.csv").read_bytes().splitlines()
    gone = lines.pop(-1).decode().split(",")[0]
    data = b"\n".join(lines) + b"\n"
    listed = import_notice(state, ["acteurs.csv"], [data], "auto")
    assert "n’ont plus" in listed and f"acteur {gone}" in listed
    assert state.region.actor(gone).until is None
    retired = import_notice(state, ["acteurs.csv"], [data], "auto", True)
    assert "retirées" in retired
    assert state.region.actor(gone).until is not None


def test_template_labels_import_for_every_vocabulary(tmp_path):
    """Every label of the template's drop-down lists imports (criteria and levels too)."""
    wb = openpyxl.load_workbook(write_template(tmp_path / "modele.xlsx", lang="fr"))
    ws = wb["valeurs"]
    for col in ws.iter_cols(values_only=True):
        title, *labels = col  # "type (acteurs)": headed as the column that takes them
        column, _, table = str(title).removesuffix(")").rpartition(" (")
        found = table_for(table)
        assert found is not None, title
        vocab = found.column(column).vocab
        assert vocab, title
        for label in labels:
            if label is not None:
                assert values.resolve(vocab, str(label)).code is not None, (vocab, label)


def test_a_renamed_organisation_is_new_and_the_summary_names_the_stored_one(mauricie, tmp_path,
                                                                             runner):
    path = tmp_path / "acteurs.csv"
    path.write_text("nom,sigle,type\nOffice municipal d'habitation de Trois-Rivières et "
                    "environs,OMH,OMH\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(mauricie), str(path)])
    assert result.exit_code == 0, result.output
    assert "1 ajoutés" in result.output
    assert ("Nouvel organisme « Office municipal d'habitation de Trois-Rivières et environs » : "
            "est-ce « Office municipal d'habitation de Trois-Rivières » renommé ?") in result.output
