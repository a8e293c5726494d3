"""The dashboard in a real browser: pages, map, filters, form, history, language, a11y."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from _map import GRAPH_DRAWN, GRAPH_NODES, node_position
from axe_playwright_python.sync_playwright import Axe

from concert.example import capitale_nationale
from dashboards.state import OPEN_PAGES as PAGES  # without accounts

# pytest-base-url (pulled in by pytest-playwright) declares ``base_url`` in a way pytest 9
# deprecates; that warning comes from the plugin, not from concert.

TODAY = dt.date(2025, 1, 15)  # as in conftest.py: the date the server treats as today
READY = "() => window.Bokeh && Bokeh.documents.length && Bokeh.documents[0].is_idle"
# Every string held by the bokeh models of the page (texts, data columns, tooltips).
DOC_TEXT = """() => {
  const out = [];
  const seen = new Set();
  const collect = (v, depth) => {
    if (depth > 6 || v == null) return;
    if (typeof v === 'string') { out.push(v); return; }
    if (typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v.properties && v.id) return;  // another model: visited on its own
    if (ArrayBuffer.isView(v)) return;
    if (v instanceof Map) {
      for (const [k, x] of v) { collect(k, depth + 1); collect(x, depth + 1); }
      return;
    }
    for (const x of Array.isArray(v) ? v : Object.values(v)) collect(x, depth + 1);
  };
  for (const m of Bokeh.documents[0].all_models) {
    for (const p of Object.values(m.properties)) {
      let v; try { v = p.get_value(); } catch (e) { continue; }
      collect(v, 0);
    }
  }
  return out.join('\\n');
}"""
TENANT_CODE = re.compile(r"CEM-\d{4}-\d{4}")  # the example's tenant codes
III_ID = re.compile(r"(?<![\w-])III-\d{3}(?![\w-])")  # the example's agreement III ids


def _shadow_text(page: Any) -> str:
    """The visible text of the page, shadow roots included (Panel draws in shadow DOM)."""
    return page.evaluate("""() => {
      const out = [];
      const walk = (root) => { for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (['STYLE', 'SCRIPT', 'LINK'].includes(el.tagName)) continue;
        if (!el.checkVisibility()) continue;
        for (const n of el.childNodes) if (n.nodeType === 3) out.push(n.textContent);
      } };
      walk(document); return out.join(' ');
    }""")


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_loads_cleanly(open_page: Any, console: Any, slug: str) -> None:
    """One load per page: no console error, the page named, no serious accessibility
    violation (axe-core), no tenant code nor agreement III id anywhere in the browser."""
    page = open_page(page=slug)
    page.wait_for_timeout(300)
    assert console.errors == []
    # The header names the page, in French by default.
    titles = {"overview": "Vue d’ensemble", "map": "Carte des acteurs",
              "agreements": "Ententes", "assessment": "Auto-évaluation",
              "history": "Historique", "next_steps": "Prochaines étapes",
              "analysis": "Analyse du réseau", "changes": "Comparaisons", "data": "Données",
              "organisations": "Organismes", "agreement_forms": "Saisie des ententes",
              "committees": "Comités et sièges", "ties": "Liens déclarés",
              "figure_forms": "Données du programme", "key_actors": "Grille des acteurs-clés",
              "directory": "Répertoire des partenaires", "log": "Journal des modifications",
              "new_region": "Nouvelle région",
              "bilan": "Bilan des membres", "plan": "Plan d’action",
              "engagements": "Engagements", "figures": "Chiffres et documents",
              "calls_committee": "Appels — vue du comité", "trees": "Arbres de décision"}
    assert titles[slug] in _shadow_text(page)
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], json.dumps(bad, ensure_ascii=False, indent=1)
    for held in (_shadow_text(page), page.evaluate(DOC_TEXT), page.content()):
        assert not TENANT_CODE.search(held)
        # Nor an agreement III's id: a user may have made it from a tenant's file number.
        assert not III_ID.search(held)


def test_map_shows_the_example_actors(open_page: Any) -> None:
    page = open_page(page="map")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    nodes = page.evaluate(GRAPH_NODES)
    shown = {n for n, k in zip(nodes["names"], nodes["kinds"], strict=True) if k == "actor"}
    expected = {a.name for a in capitale_nationale(reference=TODAY).actors}
    assert shown == expected
    assert "committee" in nodes["kinds"] and "agreement_III" in nodes["kinds"]
    assert "tenant" not in nodes["kinds"]  # tenants are never drawn
    # No tenant code, nor any agreement III id, anywhere in what the browser received.
    received = page.evaluate(DOC_TEXT)
    assert not TENANT_CODE.search(received)
    assert "III-0" not in received


def test_sector_filter_changes_the_map(open_page: Any) -> None:
    page = open_page(page="map")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    before = page.evaluate(GRAPH_NODES)
    box = page.get_by_placeholder("Tous").first  # the sector filter comes first
    box.click()
    box.fill("Habitation")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({GRAPH_NODES})().names.length !== {len(before['names'])}",
                           timeout=15_000)
    after = page.evaluate(GRAPH_NODES)
    actors = [n for n, k in zip(after["names"], after["kinds"], strict=True) if k == "actor"]
    housing = {a.name for a in capitale_nationale(reference=TODAY).actors
               if a.sector == "housing"}
    assert set(actors) == housing
    assert len(after["names"]) < len(before["names"])


def test_clicking_an_actor_shows_its_card(open_page: Any) -> None:
    page = open_page(page="map")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    where = node_position(page, "Office municipal d’habitation de Québec")
    page.mouse.click(*where)
    page.wait_for_function("""() => { const walk = (root) => { for (const el of
        root.querySelectorAll('*')) { if (el.shadowRoot && walk(el.shadowRoot)) return true;
        if (el.tagName === 'DT' && el.textContent === 'Territoires') return true; }
        return false; }; return walk(document); }""", timeout=15_000)
    text = _shadow_text(page)
    assert "Ville de Québec" in text and "Propriétaire partenaire" in text


def test_assessment_is_saved_then_shown_in_history(open_page: Any, console: Any) -> None:
    page = open_page(page="assessment")
    page.get_by_label("Identifiant de l’évaluation").fill("eval-ui-test")
    page.get_by_label("Titre").fill("Bilan du test navigateur")
    page.get_by_label("Présence d’une première volonté de travailler ensemble").select_option(
        label="3 — Bien établi")
    page.get_by_label("Concertation", exact=True).select_option(label="2 — Observé")
    page.get_by_label("Preuve / observation").nth(3).fill("Comité de gestion réuni")
    page.get_by_role("button", name="Enregistrer l’évaluation").click()
    page.get_by_text("Évaluation « eval-ui-test »").wait_for(timeout=15_000)

    # The same id again: refused, the message says why, and what was typed stays.
    page.get_by_role("button", name="Enregistrer l’évaluation").click()
    page.get_by_text("identifiant déjà utilisé").wait_for(timeout=15_000)
    assert page.get_by_label("Identifiant de l’évaluation").input_value() == "eval-ui-test"
    assert page.get_by_label("Présence d’une première volonté de travailler ensemble"
                             ).input_value() == "3 — Bien établi"
    assert page.get_by_label("Preuve / observation").nth(3).input_value() == (
        "Comité de gestion réuni")
    assert console.errors == []

    # A new session (a reload) reads the store again: the assessment is in the history.
    page = open_page(page="history")
    assert "Bilan du test navigateur" in _shadow_text(page)


def test_language_switch_changes_the_labels(open_page: Any) -> None:
    page = open_page(page="overview")
    text = _shadow_text(page)
    assert "Maturité de la concertation" in text and "Vue d’ensemble" in text
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Stakeholder map").wait_for(timeout=15_000)
    page.get_by_text("Concertation maturity").wait_for(timeout=15_000)
    page.wait_for_function(READY)
    text = _shadow_text(page)
    assert "Concertation maturity" in text and "Region stage" in text
    assert "Maturité de la concertation" not in text and "Vue d’ensemble" not in text
    assert "lang=en" in page.url  # the URL keeps the language for the next visit
    assert page.evaluate("document.documentElement.lang") == "en"


def test_menu_is_keyboard_usable(open_page: Any) -> None:
    page = open_page()
    active = """() => { let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return a ? a.textContent.trim() : ''; }"""
    for _ in range(10):  # Tab through the header to the menu
        page.keyboard.press("Tab")
        if page.evaluate(active) == "Carte des acteurs":
            break
    else:
        pytest.fail("the menu cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    assert "page=map" in page.url


def test_presentation_mode_hides_the_form(open_page: Any) -> None:
    page = open_page(page="assessment", presentation="true")
    text = _shadow_text(page)
    assert "Auto-évaluation" not in text  # neither in the menu nor as the page
    assert "Stade de la région" in text  # the overview is shown instead


def test_anonymised_map_hides_names(open_page: Any) -> None:
    page = open_page(page="map", anonymise="true")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    names = page.evaluate(GRAPH_NODES)["names"]
    assert "Office municipal d’habitation de Québec" not in names
    assert "Office municipal d’habitation (OMH) 1" in names
    assert "Office municipal d’habitation de Québec" not in page.evaluate(DOC_TEXT)


def test_report_is_self_contained(ui_db: Path, tmp_path: Path, browser: Any) -> None:
    from dashboards.report import write_report

    out = write_report(ui_db, tmp_path / "report.html", lang="fr")
    html = out.read_text(encoding="utf-8")
    # No script or stylesheet is fetched from the network ...
    assert not re.search(r"<script[^>]+src=[\"']https?:", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']https?:", html, re.I)
    for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S):
        assert not re.search(r"https?://[^\"\\]+\.(?:css|js)\b", block), "a CDN URL is embedded"
    assert not TENANT_CODE.search(html)
    # ... and it draws in Chromium with every request outside the file refused.
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    refused: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    assert refused == [] and errors == []
    nodes = page.evaluate(GRAPH_NODES)
    assert "actor" in nodes["kinds"]
    context.close()
