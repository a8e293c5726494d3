"""The analysis, comparison and data pages in the real browser; a backup taken while the
dashboard serves. (No tenant code on any page: ``test_dashboard.test_every_page_loads_cleanly``.)

These tests run after ``test_dashboard.py`` (file order): the import test adds an actor
to the shared example store.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import choose_files
from test_dashboard import _shadow_text

from concert import Store
from concert import network as nw

CODE = "capitale-nationale"


def _share(region: Any, kinds: list[str] | None) -> str:
    s = nw.summary(nw.actor_graph(region, kinds=kinds))["intersectoral_share"]
    return f"{round(100 * s)} %"


def test_analysis_page_shows_measures_gaps_and_recomputes(open_page: Any, ui_db: Path) -> None:
    with Store(ui_db) as store:
        region = store.load_region(CODE)
    page = open_page(page="analysis")
    text = _shadow_text(page)
    assert "Action intersectorielle" in text and _share(region, None) in text
    assert "Grille des acteurs-clés (Tableau 6)" in text
    assert "II-athenee" in text          # an agreement expiring within 90 days
    assert "Le 388" in text              # a referring organisation without an agreement II
    # Count only agreements: the intersectoral share is recomputed on that sub-network.
    kept = ["agreement_I", "agreement_II", "agreement_III"]
    for label in ("Siège à un même comité", "Échange d’information", "Ressources partagées",
                  "Projet commun", "Référencement"):
        page.get_by_label(label, exact=True).uncheck()
    expected = _share(region, kept)
    assert expected != _share(region, None)
    for _ in range(60):  # recomputed on the server: up to 15 s on a busy machine
        if expected in _shadow_text(page):
            break
        page.wait_for_timeout(250)
    assert expected in _shadow_text(page)


def test_changes_page_compares_dates_and_reads_the_crosswalk(open_page: Any) -> None:
    page = open_page(page="changes")
    text = _shadow_text(page)
    assert "Stades par indicateur" in text and "Mesures du réseau" in text
    assert "Lire les stades sur d’autres échelles" in text and "Collaborating" in text
    first = page.get_by_label("Première date")
    first.fill("2021-06-01")
    first.press("Enter")
    page.wait_for_timeout(800)
    assert "Du 2021-06-01 au" in _shadow_text(page)


def test_import_from_the_dashboard(open_page: Any, ui_db: Path, tmp_path: Path) -> None:
    good = tmp_path / "acteurs.csv"
    good.write_text("identifiant,nom,type,engagement\n"
                    "ville-levis,Ville de Lévis,municipality,identified\n", encoding="utf-8")
    page = open_page(page="data")
    choose_files(page, str(good), "acteurs.csv")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.get_by_text("Import dans").wait_for(timeout=15_000)
    with Store(ui_db) as store:
        assert store.load_region(CODE).actor("ville-levis").type == "municipality"

    bad = tmp_path / "ententes.csv"
    bad.write_text("identifiant,type,signée le,propriétaire,programme\n"
                   "I-x,I,15/01/24,ville-levis,cem\n", encoding="utf-8")
    with Store(ui_db) as store:
        before = store.load_region(CODE)
        changes = len(store.history(CODE))
    choose_files(page, str(bad), "ententes.csv")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.get_by_text("Import refusé").wait_for(timeout=15_000)
    text = _shadow_text(page)
    assert "ententes.csv" in text and "quatre chiffres" in text
    with Store(ui_db) as store:
        assert store.load_region(CODE) == before and len(store.history(CODE)) == changes


def test_templates_are_offered(open_page: Any) -> None:
    page = open_page(page="data")
    with page.expect_download() as info:
        page.get_by_text("Télécharger le modèle Excel").click()
    download = info.value
    assert download.suggested_filename == "modele.xlsx"
    import io

    import openpyxl

    data = Path(download.path()).read_bytes()
    assert "acteurs" in openpyxl.load_workbook(io.BytesIO(data)).sheetnames


def test_backup_while_the_dashboard_serves(open_page: Any, ui_db: Path, tmp_path: Path) -> None:
    page = open_page(page="overview")  # the server holds the store open
    out = tmp_path / "copie.db"
    done = subprocess.run([sys.executable, "-m", "concert", "backup", str(ui_db), str(out)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Store(out) as copy, Store(ui_db) as live:
        assert copy.load_region(CODE) == live.load_region(CODE)
    assert "Vue d’ensemble" in _shadow_text(page)

