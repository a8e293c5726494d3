"""The printed report (issue 15, point 6): ``concert report DB rapport.pdf``.

Read back with pypdf (independent of fpdf2, which writes it): its pages, their numbers and
date, the French or English text, the paper size, the map drawn inside the page, and no
tenant code nor entente III id anywhere.
"""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from conftest import TODAY
from pypdf import PdfReader

from concert import Store
from concert.cli import cli
from concert.example import capitale_nationale
from concert.indicators import maturity, region_stage

TENANT_CODE = re.compile(r"CEM-\d{4}-\d{4}")
III_ID = re.compile(r"(?<![\w-])III-\d{3}(?![\w-])")
POINTS_PER_INCH = 72


@pytest.fixture(scope="module")
def cn_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "cn.db"
    with Store(path) as store:
        store.save_region(capitale_nationale(reference=TODAY))
    return path


def write(db, out, *args):
    result = CliRunner().invoke(cli, ["report", str(db), str(out), *args])
    assert result.exit_code == 0, result.output
    return PdfReader(str(out)), result.output


def text_of(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text())


def test_the_report_is_a_letter_pdf_with_numbered_dated_pages_in_french(cn_db, tmp_path):
    reader, said = write(cn_db, tmp_path / "rapport.pdf")
    assert "PDF exporté vers" in said
    n = len(reader.pages)
    assert 4 <= n <= 10
    for k, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter
        text = text_of(page)
        assert f"Page {k} de {n}" in text
        assert f"Produit le {TODAY.isoformat()}" in text
    first = text_of(reader.pages[0])
    region = capitale_nationale(reference=TODAY)
    stage = region_stage(maturity(region.assessment(), lang="fr")).stage_label("fr")
    assert f"Stade de la région : {stage}" in first
    assert "Matrice de maturité" in first and "Convergence des acteurs" in first
    everything = " ".join(text_of(p) for p in reader.pages)
    for heading in ("Carte des acteurs", "Historique des bilans", "Plan d’action",
                    "Engagements à revoir", "Chiffres du programme"):
        assert heading in everything
    # The plan of the example and a figure's definition beside its number.
    assert "Adopter un échéancier commun" in everything
    assert "Locataires en logement autonome subventionné" in everything


def test_no_tenant_code_nor_entente_iii_id_in_the_report(cn_db, tmp_path):
    reader, _ = write(cn_db, tmp_path / "rapport.pdf")
    raw = (tmp_path / "rapport.pdf").read_bytes()
    everything = " ".join(text_of(p) for p in reader.pages)
    assert "Ententes III" in everything  # counted, never named
    assert not TENANT_CODE.search(everything) and not III_ID.search(everything)
    assert b"CEM-20" not in raw
    with Store(cn_db) as store:
        codes = [p.tenant_code for a in store.load_region().agreements for p in a.parties
                 if p.tenant_code]
    assert codes and not any(c in everything for c in codes)


def _placed_images(page) -> list[tuple[float, float, float, float]]:
    """The boxes (x, y, width, height) where the page's content draws images."""
    boxes: list[tuple[float, float, float, float]] = []
    stack: list[list[float]] = []
    current = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]

    def visit(op, args, cm, tm):
        nonlocal current
        if op == b"q":
            stack.append(current)
        elif op == b"Q" and stack:
            current = stack.pop()
        elif op == b"cm":
            current = [float(a) for a in args]
        elif op == b"Do":
            a, _, _, d, e, f = current
            boxes.append((e, f, a, d))

    page.extract_text(visitor_operand_before=visit)
    return boxes


def test_the_map_fits_its_page_whole(cn_db, tmp_path):
    reader, _ = write(cn_db, tmp_path / "rapport.pdf")
    page = reader.pages[1]
    assert "Carte des acteurs" in text_of(page)
    boxes = _placed_images(page)
    assert len(boxes) == 1
    x, y, w, h = boxes[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert x > 0 and x + w < width and y > 0 and y + h < height
    assert w > 0.8 * width and h > 0.6 * height  # fitted to the page, not a thumbnail


def test_a4_and_english_on_request(cn_db, tmp_path):
    reader, said = write(cn_db, tmp_path / "report.pdf", "--paper", "a4", "--lang", "en")
    assert "PDF exported to" in said
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    n = len(reader.pages)
    text = text_of(reader.pages[-1])
    assert f"Page {n} of {n}" in text and f"Produced on {TODAY.isoformat()}" in text
    first = text_of(reader.pages[0])
    assert "Committee report" in first and "Region stage: " in first
    assert "Rapport du comité" not in " ".join(text_of(p) for p in reader.pages)


def test_the_html_report_is_unchanged(cn_db, tmp_path):
    result = CliRunner().invoke(cli, ["report", str(cn_db), str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().lower().startswith(
        "<!doctype html")


def test_a_region_with_nothing_but_the_program_still_prints(tmp_path):
    from concert import Actor, Region

    db = tmp_path / "solo.db"
    region = Region("solo", "Région solitaire")
    region.actors = [Actor("cem", "Clés en main", "program")]
    with Store(db) as store:
        store.save_region(region)
    reader, _ = write(db, tmp_path / "solo.pdf")
    everything = " ".join(text_of(p) for p in reader.pages)
    assert "Région solitaire" in everything
    assert "Aucune évaluation enregistrée" in everything
    assert "Aucune action adoptée pour l’instant." in everything
    assert "Aucun chiffre du programme enregistré." in everything
    assert f"Page {len(reader.pages)} de {len(reader.pages)}" in everything


def test_the_ententes_never_reviewed_are_one_row_of_the_review(cn_db, tmp_path):
    from concert.followup import annual_review

    reader, _ = write(cn_db, tmp_path / "rapport.pdf")
    everything = " ".join(text_of(p) for p in reader.pages)
    with Store(cn_db) as store:
        region = store.load_region()
    frame = annual_review(region, on=TODAY, lang="fr")
    never = sorted(set(frame[frame["never_reviewed"].astype(bool)]["agreement_name"]))
    assert len(never) > 10
    said = f"{len(never)} ententes dont les engagements n’ont jamais été revus : à revoir"
    assert everything.count(said) == 1 and everything.count("jamais été revus") == 1
    # Their names follow, comma-separated (wrapped in the cell); no row per entente.
    listed = everything.split(said, 1)[1]
    assert all(name.split(" (")[0] in listed for name in never)
    assert f"à partir du {TODAY.isoformat()}" not in everything


def test_a_large_region_s_report_is_written_whole():
    """Hundreds of ententes never reviewed: their list runs on to the next page (a table row
    taller than a page is refused by the PDF writer)."""
    import datetime as dt

    from pypdf import PdfReader

    from concert.synth import synthetic_region
    from dashboards.report_pdf import pdf_bytes

    on = dt.date(2026, 12, 6)
    data = pdf_bytes(synthetic_region(500, seed=0, reference=on), lang="fr", on=on)
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "ententes dont les engagements n’ont jamais été revus" in words
