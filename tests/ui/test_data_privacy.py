"""Downloads and page payloads leak nothing; refused uploads and damaged files are explained.

- the data page offers no backup (it would hold every tenant code);
- the Excel export never holds a tenant code and, in anonymised mode, no real name;
- ticking "hide names" on the map, agreements and analysis pages leaves no real name in
  the browser's document (as opening with ``?anonymise=true``);
- a refused upload shows the message ``concert import`` prints, any other failure one
  general sentence, never a traceback or a server folder;
- a damaged store gives a clear message, not a traceback.
"""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import READY, TODAY, choose_files, serve_dashboard
from test_dashboard import DOC_TEXT, GRAPH_DRAWN, TENANT_CODE, _shadow_text

from concert import Store
from concert.example import capitale_nationale

CODE = "capitale-nationale"
EXAMPLE = capitale_nationale(reference=TODAY)
# Every name of an organisation or a person in the example, but those that are also the
# name of a territory (kept by anonymisation) or of the model itself ("Clés en main": the
# framework's own texts, e.g. the commitments of an agreement, name it).
REAL_NAMES = sorted(({a.name for a in EXAMPLE.actors} | {a.acronym for a in EXAMPLE.actors}
                     | {c.name for a in EXAMPLE.actors for c in a.contacts}
                     | {x.respondent for s in EXAMPLE.assessments for x in s.answers})
                    - {"", "Clés en main"} - set(EXAMPLE.territories)
                    - {t for a in EXAMPLE.actors for t in a.territories}, key=len, reverse=True)
KEPT = (EXAMPLE.name,)  # the region's own name is kept (it names no organisation)
III_ID = re.compile(r"(?<![\w-])III-\d{3}(?![\w-])")  # the example's agreement III ids


def _real_names(text: str) -> list[str]:
    """The real names found in ``text`` (as whole words; the texts of ``KEPT`` taken out)."""
    for kept in KEPT:
        text = text.replace(kept, " ")
    return [n for n in REAL_NAMES if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]


def _everything(page: Any) -> str:
    """All the browser holds: the bokeh models' strings, the DOM (shadow roots included)."""
    return "\n".join([page.evaluate(DOC_TEXT), page.content(), _shadow_text(page)])


def _xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if v is not None]
    return "\n".join([*book.sheetnames, *cells])


def _export(page: Any) -> bytes:
    with page.expect_download() as info:
        page.get_by_text("Exporter la région (Excel)").click()
    return Path(info.value.path()).read_bytes()


def test_data_page_offers_no_backup(open_page: Any) -> None:
    page = open_page(page="data")
    text = _shadow_text(page)
    assert "Importer des fichiers" in text  # the editing part of the page is there ...
    assert "sauvegarde" not in text.lower()  # ... but no backup to download
    labels = page.evaluate("""() => [...Bokeh.documents[0].all_models]
        .filter(m => m.type.endsWith('FileDownload')).map(m => m.label + ' ' + m.filename)""")
    assert len(labels) == 2 and not any(".db" in x for x in labels), labels


@pytest.mark.parametrize("mode", [{}, {"anonymise": "true"},
                                  {"anonymise": "true", "presentation": "true"}],
                         ids=["names", "anonymised", "anonymised-presentation"])
def test_export_holds_no_tenant_code_and_respects_anonymisation(open_page: Any,
                                                                mode: dict[str, str]) -> None:
    page = open_page(page="data", **mode)
    text = _xlsx_text(_export(page))
    assert "acteurs" in text.split("\n")[:12]  # a real export, with its tables
    assert not TENANT_CODE.search(text)
    if mode:
        assert _real_names(text) == []
        assert "Office municipal d’habitation (OMH) 1" in text
    else:
        assert "Office municipal d’habitation de Québec" in text


@pytest.mark.parametrize("slug", ["map", "agreements", "analysis"])
def test_hiding_names_leaves_no_real_name_in_the_browser(open_page: Any, slug: str) -> None:
    page = open_page(page=slug)
    if slug == "map":
        page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    assert _real_names(_everything(page)) != []  # the names were there
    page.get_by_label("Masquer les noms des organismes").check()
    page.wait_for_url(re.compile(r"anonymise=true"), timeout=15_000)
    page.wait_for_load_state()
    page.wait_for_function(READY, timeout=60_000)
    if slug == "map":
        page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    page.wait_for_timeout(300)
    assert page.get_by_label("Masquer les noms des organismes").is_checked()
    held = _everything(page)
    assert _real_names(held) == []
    assert "Office municipal d’habitation (OMH) 1" in held or slug == "agreements"


def test_comparisons_name_no_agreement_iii(open_page: Any) -> None:
    page = open_page(page="changes")
    first = page.get_by_label("Première date")
    first.fill("2020-01-01")
    first.press("Enter")
    page.wait_for_timeout(800)
    text = _shadow_text(page)
    assert "entente(s) III" in text  # counted ...
    assert not III_ID.search(_everything(page))  # ... never named


# --------------------------------------------------------------------------- uploads
def _cli_problems(db: Path, file: Path) -> list[str]:
    """The problems ``concert import`` prints for ``file`` (run where the file is)."""
    copy = file.parent / "cli-copy.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(copy)
    src.backup(dst)  # (the pages still in the write-ahead log included)
    src.close()
    dst.close()
    done = subprocess.run([sys.executable, "-m", "concert", "import", str(copy), file.name],
                          capture_output=True, text=True, cwd=file.parent, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    # "Erreur : Import refusé ... :" then one problem a line, indented
    return [line.strip() for line in done.stderr.splitlines() if line.startswith("  ")]


BAD_UPLOADS = {
    "acteurs.xlsx": b"PK\x03\x04 not really a workbook" + bytes(range(256)) * 8,
    "acteurs.csv": b"identifiant,nom,type\nx\x00\xff\xfe,\x01\x02,omh\n",
    "ententes.json": b'{"ententes": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]',
}


def test_refused_uploads_show_the_command_line_message(open_page: Any, ui_db: Path,
                                                       tmp_path: Path) -> None:
    page = open_page(page="data")
    with Store(ui_db) as store:
        before = store.load_region(CODE)
    for name, data in BAD_UPLOADS.items():
        file = tmp_path / name
        file.write_bytes(data)
        expected = _cli_problems(ui_db, file)
        assert expected, f"the command line printed no problem for {name}"
        choose_files(page, str(file), name)
        page.get_by_role("button", name="Importer", exact=True).click()
        page.locator("[role=alert]").filter(has_text=name).first.wait_for(timeout=15_000)
        text = _shadow_text(page)
        assert "Import refusé" in text
        for line in expected:
            assert line in text, f"{name}: the page does not say {line!r}:\n{text[-1500:]}"
        assert "Traceback" not in text and str(tmp_path) not in text and "/tmp" not in text
    with Store(ui_db) as store:
        assert store.load_region(CODE) == before


def test_an_unexpected_import_failure_shows_a_general_sentence() -> None:
    from dashboards.pages.data import import_notice, upload_name

    class Failing:
        lang = "fr"

        def import_files(self, paths: list[Path], encoding: str) -> None:
            assert all(p.is_file() for p in paths)
            raise RuntimeError(f"boom in /srv/concert/secret/{paths[0].name}")

    html = import_notice(Failing(), ["acteurs.csv", "../../x.csv"], [b"a", b"b"], "utf-8")
    assert "Une erreur inattendue s’est produite" in html and 'role="alert"' in html
    assert "boom" not in html and "/srv" not in html and "Traceback" not in html
    assert upload_name("../../etc/passwd", 1) == ".._.._etc_passwd"
    assert upload_name("..", 2) == "file-2" and upload_name(None, 3) == "file-3"


# --------------------------------------------------------------------------- damaged store
@pytest.fixture(scope="module")
def damaged(ui_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A store whose pages after the first are overwritten, served: ``(url, file)``."""
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "abime.db"
    with Store(path) as store:  # a fresh copy (the shared store may be open elsewhere)
        store.save_region(capitale_nationale(reference=TODAY))
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[size:] = b"\xab" * (len(data) - size)
    path.write_bytes(bytes(data))
    for extra in folder.glob("abime.db-*"):
        extra.unlink()
    with serve_dashboard(path, folder / "server.log") as url:
        yield url, path


def test_a_damaged_store_gives_a_clear_message(damaged: tuple[str, Path], page: Any) -> None:
    url, path = damaged
    before = path.read_bytes()
    for slug in ("overview", "data"):
        page.goto(f"{url}?page={slug}")
        page.wait_for_function(READY, timeout=60_000)
        page.get_by_text("Impossible de charger la région").wait_for(timeout=15_000)
        text = _shadow_text(page)
        assert "abime.db" in text and "endommagé" in text
        assert "Traceback" not in text and str(path.parent) not in page.content()
    assert path.read_bytes() == before


def test_a_foreign_file_gives_a_clear_message(tmp_path: Path) -> None:
    from dashboards.state import DashboardState

    junk = tmp_path / "pas-une-base.db"
    junk.write_bytes(b"these bytes are not a SQLite database" * 50)
    state = DashboardState(db_path=str(junk))
    assert state.region is None
    text = state.error_text("fr")
    assert "pas-une-base.db" in text and str(tmp_path) not in text
    missing = DashboardState(db_path=str(tmp_path / "absent.db"))
    assert "absent.db" in missing.error_text("fr")
    assert str(tmp_path) not in missing.error_text("fr")
