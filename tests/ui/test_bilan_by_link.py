"""The members' assessment in the real browser: the secretary makes the links, a member
answers by its link in another browser context, the secretary sees the count change.

Its own server over its own database (the shared example store stays as the other files
expect it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import READY, TODAY, serve_dashboard
from test_dashboard import _shadow_text

from concert import Assessment, Store
from concert.example import capitale_nationale


@pytest.fixture(scope="module")
def bilan_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the example with an empty assessment "Bilan 2025" just opened."""
    folder = tmp_path_factory.mktemp("bilan")
    db = folder / "bilan.db"
    with Store(db) as store:
        store.save_region(capitale_nationale(reference=TODAY))
        store.add_assessment("capitale-nationale", Assessment(
            "bilan-2025", TODAY, (), label="Bilan 2025",
            closes_on=TODAY + dt.timedelta(days=30)))
    with serve_dashboard(db, folder / "server.log") as url:
        yield url


def _open(page: Any, url: str) -> str:
    page.goto(url)
    page.wait_for_function(READY, timeout=60_000)
    page.wait_for_timeout(300)
    return _shadow_text(page)


def _received(text: str) -> tuple[int, int]:
    m = re.search(r"Réponses reçues : (\d+) sur (\d+)", text)
    assert m, text[:2000]
    return int(m.group(1)), int(m.group(2))


def test_a_member_answers_by_link_while_the_secretary_watches(
        browser: Any, bilan_server: str, tmp_path: Path) -> None:
    size = {"width": 1280, "height": 900}
    secretary = browser.new_context(viewport=size).new_page()
    text = _open(secretary, bilan_server + "?page=bilan")
    before, seated = _received(text)
    assert before == 0 and seated > 3
    # The secretary makes the links of the organisations that have not answered.
    secretary.get_by_role("button", name="Générer les liens").click()
    link = secretary.locator(".link").first
    link.wait_for(timeout=30_000)
    url = link.inner_text().strip()
    assert url.startswith(bilan_server) and "answer=" in url
    assert "liens générés, montrés une seule fois" in _shadow_text(secretary)

    # A member, in another browser context (no shared cookie), opens its link.
    member = browser.new_context(viewport=size).new_page()
    text = _open(member, url)
    assert "Bilan « Bilan 2025 » : réponse de" in text
    assert "Résultats du bilan" not in text and "Générer les liens" not in text
    first = member.locator("select").filter(visible=True).first
    first.select_option(index=3)  # "2 — …" (after "no answer", 0 and 1)
    member.get_by_role("button", name="Enregistrer les réponses").click()
    member.get_by_text(re.compile(r"réponses? de .* enregistrées? pour « bilan-2025 »")).wait_for(
        timeout=30_000)

    # The secretary reloads: one answer received.
    text = _open(secretary, bilan_server + "?page=bilan")
    assert _received(text) == (1, seated)
    # The same link no longer opens another assessment's form: it answers only its own.
    member.context.close()
    secretary.context.close()
