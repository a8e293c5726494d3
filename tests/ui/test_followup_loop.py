"""The committee's follow-up loop in the real browser (issue 15's "done when").

- Three organisations of the two poles answer one assessment, each in its own browser
  session, by the personal link the secretary made; the secretary sees 3 answers
  received, the median and spread, the flag where the poles differ, and the pole views.
- A committee adopts a next step as an action; when its date passes (the same file served
  again, later) the action is late on the overview and in the PDF report.
- A commitment marked "non respecté" appears among the gaps.

Its own server over its own database (the shared example store stays as the other files
expect it).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import READY, TODAY, serve_dashboard
from pypdf import PdfReader
from test_dashboard import _shadow_text

from concert import Assessment, Store, i18n
from concert import framework as fw
from concert.example import capitale_nationale
from concert.indicators import SCALE

SIZE = {"width": 1280, "height": 900}
# Two organisations of the social-housing pole and one of the health and social-services
# pole, all seated on the example's comité de gestion.
HOUSING = ("Office municipal d’habitation de Québec", "Comité de Maison de chambres de Québec")
HEALTH = "CIUSSS de la Capitale-Nationale"
FIRST = fw.INDICATORS[0].criteria_at(fw.STAGE_ORDER[0])[0].code  # the form's first criterion
ACTION = "Échéancier commun adopté au comité (test navigateur)"


@pytest.fixture(scope="module")
def loop_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with an empty assessment "Bilan 2025" just opened."""
    return bilan_db(tmp_path_factory.mktemp("loop") / "loop.db")


def bilan_db(db: Path) -> Path:
    """Write the example with an empty assessment "Bilan 2025" just opened to ``db``."""
    with Store(db) as store:
        store.save_region(capitale_nationale(reference=TODAY))
        store.add_assessment("capitale-nationale", Assessment(
            "bilan-2025", TODAY, (), label="Bilan 2025",
            closes_on=TODAY + dt.timedelta(days=30)))
    return db


@pytest.fixture(scope="module")
def loop_server(loop_db: Path) -> Iterator[str]:
    """The dashboard of ``loop_db``, today being :data:`TODAY`."""
    with serve_dashboard(loop_db, loop_db.with_suffix(".log")) as url:
        yield url


def open_drawn(page: Any, url: str) -> str:
    """Open ``url``, wait until bokeh has drawn it; return the page's visible text."""
    page.goto(url)
    page.wait_for_function(READY, timeout=60_000)
    page.wait_for_timeout(300)
    return _shadow_text(page)


def _received(text: str) -> tuple[int, int]:
    m = re.search(r"Réponses reçues : (\d+) sur (\d+)", text)
    assert m, text[:2000]
    return int(m.group(1)), int(m.group(2))


def _answer(browser: Any, url: str, level: int) -> None:
    """A member opens its link in a new browser session and answers the first criterion."""
    context = browser.new_context(viewport=SIZE)
    member = context.new_page()
    text = open_drawn(member, url)
    assert "Bilan « Bilan 2025 » — réponse de l’organisme :" in text
    assert "Résultats du bilan" not in text and "Générer les liens" not in text
    member.get_by_label(i18n.criterion_label(FIRST, "fr"), exact=True).select_option(
        label=next(f"{lv} — {fr}" for lv, fr, _en in SCALE if lv == level))
    member.get_by_role("button", name="Enregistrer les réponses").click()
    member.get_by_text(re.compile(r"réponses? enregistrées? pour « bilan-2025 »")).wait_for(
        timeout=30_000)
    context.close()


def _row(page: Any, name: str) -> Any:
    """The table row naming ``name`` (Playwright's locators reach into shadow roots)."""
    return page.locator("tr", has_text=name).first


def test_three_members_of_two_poles_answer_in_three_sessions(browser: Any,
                                                              loop_server: str) -> None:
    secretary = browser.new_context(viewport=SIZE).new_page()
    before, seated = _received(open_drawn(secretary, loop_server + "?page=bilan"))
    assert before == 0 and seated > 3
    # The secretary makes the links of the organisations that have not answered yet.
    secretary.get_by_role("button", name="Générer les liens").click()
    secretary.locator(".link").first.wait_for(timeout=30_000)
    assert "liens générés, montrés une seule fois" in _shadow_text(secretary)
    links = {name: secretary.locator("tr", has=secretary.locator(".link"), has_text=name)
             .locator(".link").inner_text().strip()
             for name in (*HOUSING, HEALTH)}
    assert all(u.startswith(loop_server) and "answer=" in u for u in links.values())

    # Three sessions, no shared cookie: the housing pole answers 3, the health pole 0.
    _answer(browser, links[HOUSING[0]], 3)
    _answer(browser, links[HOUSING[1]], 3)
    _answer(browser, links[HEALTH], 0)

    text = open_drawn(secretary, loop_server + "?page=bilan")
    assert _received(text) == (3, seated)
    first = i18n.criterion_label(FIRST, "fr")
    # All answers: three, median 3, lowest 0, highest 3; the poles' medians 3 and 0, flagged.
    cells = _row(secretary, first).locator("td").all_inner_texts()[1:]  # after the criterion
    assert cells[:7] == ["3", "3", "0", "3", "3 (2 rép.)", "0 (1 rép.)", "⚑ écart de 3"], cells
    flags = secretary.locator("p.flag[data-flags]")
    assert int(flags.get_attribute("data-flags") or 0) >= 1
    assert "diffèrent de 2 niveaux ou plus" in flags.inner_text()
    # Read for the housing pole: its two answers.
    housing = i18n.label("response_group", "housing", "fr")
    secretary.get_by_label("Lire les réponses de").select_option(label=housing)
    caption = secretary.locator("caption", has_text=f"({housing})")
    caption.wait_for(timeout=30_000)
    cells = _row(secretary, first).locator("td").all_inner_texts()[1:]
    assert cells[:4] == ["2", "3", "3", "3"], cells
    # And for the health pole: its one answer.
    health = i18n.label("response_group", "health_social", "fr")
    secretary.get_by_label("Lire les réponses de").select_option(label=health)
    secretary.locator("caption", has_text=f"({health})").wait_for(timeout=30_000)
    assert _row(secretary, first).locator("td").all_inner_texts()[1:5] == ["1", "0", "0", "0"]
    # Read per organisation: one answer.
    secretary.get_by_label("Lire les réponses de").select_option(
        label=f"Organisation : {HEALTH}")
    secretary.locator("caption", has_text=HEALTH).wait_for(timeout=30_000)
    assert _row(secretary, first).locator("td").all_inner_texts()[1:3] == ["1", "0"]
    secretary.context.close()


def _download(page: Any, label: str) -> bytes:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    path = info.value.path()
    return Path(path).read_bytes()


def test_an_adopted_step_becomes_late_and_is_in_the_report(
        browser: Any, loop_db: Path, loop_server: str) -> None:
    page = browser.new_context(viewport=SIZE).new_page()
    open_drawn(page, loop_server + "?page=next_steps")
    step = page.get_by_label("Étape (critère manquant des Prochaines étapes)")
    chosen = step.locator("option").nth(1)
    label = chosen.inner_text()
    step.select_option(label=label)
    page.get_by_role("button", name="Adopter cette étape →").click()
    # The plan opens with the step chosen.
    page.locator("h2", has_text="Plan d’action").first.wait_for(timeout=30_000)
    plan_step = page.get_by_label("Étape (critère manquant des Prochaines étapes)").filter(
        visible=True)
    assert plan_step.evaluate("s => s.options[s.selectedIndex].text") == label
    page.get_by_label("Quoi", exact=True).fill(ACTION)
    page.get_by_label("Organisation responsable").select_option(label=HOUSING[0])
    due = TODAY + dt.timedelta(days=10)
    page.get_by_label("Échéance (AAAA-MM-JJ)").fill(due.strftime("%d/%m/%Y"))  # day first
    page.get_by_role("button", name="Adopter l’action").click()
    page.get_by_text(f"Action « {ACTION} » adoptée.").wait_for(timeout=30_000)
    row = _row(page, ACTION)
    assert due.isoformat() in row.inner_text() and "en retard" not in row.inner_text()
    page.context.close()

    # Thirty days later, the same file: the action is late on the overview and in the PDF.
    later = TODAY + dt.timedelta(days=30)
    with serve_dashboard(loop_db, loop_db.with_name("later.log"), today=later) as url:
        page = browser.new_context(viewport=SIZE).new_page()
        text = open_drawn(page, url + "?page=overview")
        assert "Actions en retard" in text
        late = page.locator("li", has_text=ACTION)
        assert "20 jours de retard" in late.inner_text()
        open_drawn(page, url + "?page=figures")
        pdf = PdfReader(io.BytesIO(_download(page, "Rapport (PDF)")))
        words = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
        assert "Échéancier commun adopté au comité" in words
        assert "20 jours de retard" in words
        # (The HTML report carries its panes as bokeh's JSON: \uXXXX escapes, entities.)
        report = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)),
                        _download(page, "Rapport (HTML)").decode("utf-8"))
        assert ACTION in html.unescape(report) and "20 jours de retard" in report
        page.context.close()


def test_a_commitment_not_kept_is_among_the_gaps(browser: Any, loop_server: str) -> None:
    page = browser.new_context(viewport=SIZE).new_page()
    text = open_drawn(page, loop_server + "?page=analysis")
    assert "engagement non respecté" not in text
    open_drawn(page, loop_server + "?page=engagements")
    # First the entente (named with its organisations), then one of its commitments.
    entente = page.get_by_label("Entente", exact=True)
    agreement = entente.locator("option", has_text="II-").first.inner_text()
    entente.select_option(label=agreement)
    organisation = agreement.split(" (", 1)[1].split(", ")[0].rstrip(")")
    which = page.get_by_label("Engagement", exact=True)
    option = which.locator("option", has_text=f"{organisation} — ").first
    option.wait_for(state="attached", timeout=30_000)  # the entente's commitments came
    which.select_option(label=option.inner_text())
    page.get_by_label("Statut", exact=True).select_option(
        label=i18n.label("commitment_status", "not_kept", "fr"))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    said = page.get_by_text(re.compile(r"Engagement « .* » de l’entente .* : non respecté\.",
                                       re.IGNORECASE))
    said.wait_for(timeout=30_000)
    assert f"de l’entente {agreement} :" in said.inner_text()
    text = open_drawn(page, loop_server + "?page=analysis")
    assert f"Entente {agreement} : engagement non respecté par" in text
    page.context.close()
