"""A personal answer link in the real browser: that member's form alone.

- The secretary makes the links on a dashboard served on this computer only: the page says
  that they open here only, and the links download as a CSV for a mail merge.
- The member opens its link (even with ``&page=overview`` added): no page of the menu, no
  other form; it answers, the message shows under the save button, and the language
  switch still works.

Its own server over its own database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, serve_dashboard
from test_followup_loop import bilan_db, open_drawn

from concert import framework as fw
from concert import i18n
from concert.indicators import SCALE
from dashboards.pages.registry import PAGES

SIZE = {"width": 1280, "height": 900}
MEMBER = "Office municipal d’habitation de Québec"
FIRST = fw.INDICATORS[0].criteria_at(fw.STAGE_ORDER[0])[0].code


@pytest.fixture(scope="module")
def link_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example with an empty assessment "Bilan 2025", served on 127.0.0.1."""
    db = bilan_db(tmp_path_factory.mktemp("links") / "links.db")
    with serve_dashboard(db, db.with_suffix(".log")) as url:
        yield url


def test_a_link_opens_its_form_alone_and_the_links_download(browser: Any,
                                                            link_server: str) -> None:
    secretary = browser.new_context(viewport=SIZE).new_page()
    open_drawn(secretary, link_server + "?page=bilan")
    secretary.get_by_role("button", name="Générer les liens").click()
    secretary.locator(".link").first.wait_for(timeout=30_000)
    # Served on 127.0.0.1: the page says the links open on this computer only, and why.
    warning = secretary.locator("p.local")
    assert warning.get_attribute("data-local") == "127.0.0.1"
    assert "ne s’ouvrent que sur cet ordinateur" in warning.inner_text()
    assert "Serving a committee" in warning.inner_text()
    # The links made, as a CSV for a mail merge (BOM, ";").
    urls = [u.strip() for u in secretary.locator(".link").all_inner_texts()]
    with secretary.expect_download(timeout=60_000) as info:
        secretary.get_by_role("button", name="Télécharger ces liens (CSV, pour un "
                                             "publipostage)").click()
    assert info.value.suggested_filename == "liens-bilan-2025.csv"
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").strip().split("\r\n")
    assert lines[0] == "organisme;lien;expire le" and len(lines) == len(urls) + 1
    assert sorted(line.split(";")[1] for line in lines[1:]) == sorted(urls)
    mine = next(line for line in lines[1:] if line.startswith(MEMBER + ";"))
    link = mine.split(";")[1]
    assert mine.endswith(";" + (TODAY + dt.timedelta(days=30)).isoformat())
    secretary.context.close()

    # The member, in its own session, with another page asked for in the address too.
    member = browser.new_context(viewport=SIZE).new_page()
    text = open_drawn(member, link + "&page=overview")
    assert f"Bilan « Bilan 2025 » — réponse de l’organisme : {MEMBER}" in text
    for slug in PAGES:  # no button of the menu, this page's own included
        name = i18n.t(f"dash.page.{slug}", "fr")
        assert member.get_by_role("button", name=name, exact=True).count() == 0, name
    assert "Résultats du bilan" not in text and "Générer les liens" not in text
    assert "Ouvrir le bilan" not in text and "Présentation" not in text
    # (the template's sidebar toggle has no text)
    buttons = {b.strip() for b in member.get_by_role("button").all_inner_texts()} - {""}
    assert buttons == {"Français", "English", "Enregistrer les réponses"}, buttons
    # It answers and saves; the message shows under the save button.
    member.get_by_label(i18n.criterion_label(FIRST, "fr"), exact=True).select_option(
        label=next(f"{lv} — {fr}" for lv, fr, _en in SCALE if lv == 2))
    save = member.get_by_role("button", name="Enregistrer les réponses")
    save.click()
    done = member.get_by_text(re.compile(r"\d+ réponses? enregistrées? pour « bilan-2025 »"))
    done.wait_for(timeout=30_000)
    assert done.bounding_box()["y"] > save.bounding_box()["y"]
    # The language switch is kept.
    member.get_by_text("English", exact=True).click()
    member.get_by_text(f"— answer of the organisation: {MEMBER}").wait_for(timeout=30_000)
    member.context.close()

    # The secretary sees the answer.
    secretary = browser.new_context(viewport=SIZE).new_page()
    text = open_drawn(secretary, link_server + "?page=bilan")
    assert re.search(r"Réponses reçues : 1 sur \d+", text), text[:2000]
    secretary.context.close()
