"""In-session navigation: pages shown by the sidebar draw as a direct load of their address,
and every page speaks only its language.

(a) In one session, click through every page, switch to English and back, then compare the
geometry (box, font weight, font size) of the tables, table cells, captions and headings of
each page with a direct load of the same address: equal, and no console error; at
1920×1080 and at 1280×720.
(b) Walk every page in English (and in French) and fail on interface text of the other
side of the translation table, with the allow-list of the CLI test (tests/vocabulary.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import READY, Console
from test_dashboard import _shadow_text
from vocabulary import data_strings, foreign, without, without_names, words

from concert import framework as fw
from concert import i18n
from concert.io import TABLES
from dashboards.state import OPEN_PAGES as PAGES  # without accounts

SCREENS = Path(__file__).resolve().parents[2] / "screens"

# Boxes (relative to the top of the scrolled main area), weights and sizes of the elements
# that drifted when Panel drew pages shown during a session with the whole Bootstrap sheet.
GEOMETRY = """() => {
  const main = document.getElementById('main');
  if (main) main.scrollTo(0, 0);
  // (A menu taller than the window scrolls to the button clicked: measure from its top.)
  for (const el of [document.getElementById('sidebar'), document.querySelector('#sidebar > ul'),
                    document.querySelector('.sidenav'), document.scrollingElement]) {
    if (el) el.scrollTo(0, 0);
  }
  const out = [];
  const walk = (root) => { for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) walk(el.shadowRoot);
    if (!['TABLE', 'TH', 'TD', 'CAPTION', 'H1', 'H2', 'H3', 'H4'].includes(el.tagName)) continue;
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    out.push([el.tagName, el.textContent.trim().slice(0, 30), Math.round(r.x), Math.round(r.y),
              Math.round(r.width), Math.round(r.height), s.fontWeight, s.fontSize]);
  } };
  walk(document);
  return out;
}"""


# The page's own heading (every page's first h2 starts with its name) is drawn and visible.
HEADING = """(name) => {
  const main = document.getElementById('main');
  let found = false;
  const walk = (root) => { for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) walk(el.shadowRoot);
    if (el.tagName === 'H2' && el.textContent.startsWith(name) && el.checkVisibility()) {
      found = true;
    }
  } };
  if (main) walk(main);
  return found;
}"""


def _label(slug: str, lang: str) -> str:
    return i18n.t(f"dash.page.{slug}", lang)


def _settle(page: Any, slug: str, lang: str) -> None:
    """Wait until the page ``slug`` is drawn: its heading shown, bokeh idle."""
    page.wait_for_function(HEADING, arg=_label(slug, lang), timeout=30_000)
    page.wait_for_function(READY, timeout=60_000)
    page.wait_for_timeout(700)  # bokeh lays the page out after the last message
    page.wait_for_function(READY, timeout=60_000)


def _click_page(page: Any, slug: str, lang: str) -> None:
    page.get_by_role("button", name=_label(slug, lang), exact=True).click()
    _settle(page, slug, lang)


def _direct(browser: Any, server: str, slug: str, size: dict[str, int]) -> list[Any]:
    ctx = browser.new_context(viewport=size)
    page = ctx.new_page()
    console = Console(page)
    page.goto(f"{server}?page={slug}")
    _settle(page, slug, "fr")
    out = page.evaluate(GEOMETRY)
    ctx.close()
    assert console.errors == [], (slug, console.errors)
    return out


@pytest.mark.parametrize("size", [{"width": 1920, "height": 1080},
                                  {"width": 1280, "height": 720}],
                         ids=lambda s: f"{s['width']}x{s['height']}")
def test_pages_shown_in_session_draw_as_a_direct_load(browser: Any, server: str,
                                                        size: dict[str, int]) -> None:
    ctx = browser.new_context(viewport=size)
    page = ctx.new_page()
    console = Console(page)
    page.goto(server)
    _settle(page, "overview", "fr")
    for slug in PAGES[1:]:
        _click_page(page, slug, "fr")
    page.get_by_role("button", name="English").click()
    _settle(page, PAGES[-1], "en")
    page.get_by_role("button", name="Français").click()
    _settle(page, PAGES[-1], "fr")
    differ: dict[str, Any] = {}
    for slug in PAGES:
        _click_page(page, slug, "fr")
        walked = page.evaluate(GEOMETRY)
        if os.environ.get("CONCERT_SCREENS"):  # to look at by hand (not committed)
            SCREENS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENS / f"session-{slug}-{size['width']}.png"))
        direct = _direct(browser, server, slug, size)
        assert len(direct) > 2, slug  # the page was measured (headings and tables drawn)
        if walked != direct:
            differ[slug] = [(a, b) for a, b in zip(walked, direct, strict=False)
                            if a != b][:5] or (len(walked), len(direct))
    ctx.close()
    assert differ == {}, differ
    assert console.errors == []


def _codes() -> set[str]:
    codes = {c for table in fw._TABLES for c in fw.codes(table)}
    codes |= {c.code for c in fw.CRITERIA} | {i.code for i in fw.INDICATORS}
    # The import's table (file) names, typed as they are: ``contacts.csv``.
    codes |= {t.fr for t in TABLES} | {t.name for t in TABLES}
    return codes


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_speaks_only_its_language(browser: Any, server: str, ui_db: Path,
                                             lang: str) -> None:
    data = data_strings(ui_db)
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = ctx.new_page()
    page.goto(f"{server}?lang={lang}")
    _settle(page, "overview", lang)
    found: dict[str, set[str]] = {}
    seen = ""
    for slug in PAGES:
        if slug != "overview":
            _click_page(page, slug, lang)
        text = _shadow_text(page)
        seen += text
        # Each language's name in the switch is written in that language, on purpose.
        interface = without_names(without(text, [*data, *_codes(), "Français", "English"]))
        bad = foreign(interface, lang)
        if bad:
            found[slug] = bad
    ctx.close()
    assert found == {}, found
    own = {"fr": {"région", "stade", "ententes"}, "en": {"region", "stage", "agreements"}}[lang]
    assert own <= words(seen)  # the check read the pages' text
