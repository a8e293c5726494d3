"""Stored script injection: payloads planted in every kind of record never run in the browser.

One store holds the example region with every free text replaced by a payload (and a
second region named by one); one server serves it for the whole module. The test visits
every page in every mode (French, English, presentation, anonymised), opens the map's
filters, hovers and clicks a node, submits the self-assessment form with a bad identifier
(a validation message) and uploads a refused file whose name is a payload. It fails on any
dialog, on the flag a payload would set (``window.__pwned``), on any element or attribute a
payload would create, and on a template expression evaluated.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _map import GRAPH_DRAWN, node_position
from conftest import READY, TODAY, choose_files, serve_dashboard
from test_dashboard import _shadow_text
from test_navigation import HEADING

from concert import Region, Store, i18n
from concert.actors import Actor
from concert.example import capitale_nationale
from dashboards.state import EDITING_PAGES
from dashboards.state import OPEN_PAGES as PAGES  # without accounts

# Each payload sets window.__pwned (and opens a dialog) if it runs; "pwned" marks what it
# would create. Short ones first: some fields are short (a unit: 40 characters).
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "![pwned](x)",
    "[pwned](javascript:alert(5))",
    "⁂{{7*7}}⁂${7*7}⁂",
    "<b class=pwned-b>b</b>",
    "<script>window.__pwned=2;alert(2)</script>",
    '"><svg onload="window.__pwned=3;alert(3)">',
    "'><img src=x onerror=window.__pwned=4>",
    '<a href="javascript:window.__pwned=7">pwned-a</a>',
    "<details open ontoggle=window.__pwned=9>",
    "javascript:window.__pwned=10",
    '<iframe srcdoc="<script>parent.__pwned=8</script>"></iframe>',
    '<img src=x onerror="window.__pwned=1;alert(document.domain)">',
)
REGION_NAME = '<svg onload="window.__pwned=11">Région <img src=x onerror=alert(11)>'
BAD_ID = "![pwned](x) <img src=x onerror=window.__pwned=12>"

# Anything a payload would have created: elements, event handlers, script URLs.
CREATED = """() => {
  const found = [];
  const urls = ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data'];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const tag = el.tagName.toLowerCase();
      if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img[src=x]');
      if (['iframe', 'object', 'embed', 'details'].includes(tag)) found.push(tag);
      // (a report embeds its data, payloads included, HTML-escaped in a JSON script)
      if (tag === 'script' && el.type !== 'application/json' &&
          /__pwned/.test(el.textContent)) found.push('script');
      if (el.classList.contains('pwned-b')) found.push('b.pwned-b');
      if (tag === 'a' && /pwned/.test(el.textContent)) found.push('a: ' + el.textContent);
      for (const a of el.attributes) {
        const n = a.name.toLowerCase(), v = a.value;
        if (n.startsWith('on') && /pwned|alert/.test(v)) found.push(`${tag}[${n}]`);
        if (urls.includes(n) && /^\\s*javascript:|pwned/i.test(v)) found.push(`${tag}[${n}=${v}]`);
      }
    }
  };
  walk(document);
  return found;
}"""
PWNED_FLAG = "() => window.__pwned === undefined ? null : String(window.__pwned)"


def _poison(region: Region) -> Region:
    """A copy of ``region`` with a payload in every free text of every record."""
    counter = itertools.count()

    def bad(limit: int = 200) -> str:
        n = next(counter)
        fitting = [p for p in PAYLOADS if len(p) + 6 <= limit]
        return f"{fitting[n % len(fitting)]} #{n}"

    rp = dataclasses.replace
    people: dict[tuple[str, str], str] = {}
    out = Region(region.code, REGION_NAME, (bad(), bad()), note=bad(), source=bad())
    for a in region.actors:
        contacts = []
        for c in a.contacts:
            people[(a.id, c.name)] = name = bad()
            contacts.append(rp(c, name=name, email=bad(), phone=bad(50)))
        out.add_actor(rp(a, name=bad(), acronym=bad(), note=bad(), source=bad(),
                         territories=tuple(bad() for _ in a.territories),
                         contacts=tuple(contacts)))
    committees = {c.id: bad() for c in region.committees}
    for c in region.committees:
        out.add_committee(rp(c, name=committees[c.id], mandate=bad(), note=bad(), source=bad()))
    for m in region.memberships:
        out.add_membership(rp(m, person=bad(), source=bad()))
    for g in region.agreements:
        # (a tenant code is a pseudonym of capitals and digits: no payload fits)
        parties = tuple(rp(p, person=people.get((p.actor, p.person), p.person))
                        for p in g.parties)
        out.add_agreement(rp(g, parties=parties, note=bad(), source=bad()))
    projects: dict[str, str] = {}
    for t in region.ties:
        project = projects.setdefault(t.project, bad()) if t.project else ""
        out.add_tie(rp(t, project=project, note=bad(), source_ref=bad()))
    respondents: dict[str, str] = {}
    for s in region.assessments:
        answers = tuple(rp(x, respondent=respondents.setdefault(x.respondent, bad())
                           if x.respondent else "", evidence=bad()) for x in s.answers)
        out.add_assessment(rp(s, answers=answers, label=bad(), note=bad(), source=bad()))
    for f in region.figures:
        out.add_figure(rp(f, unit=bad(40), definition_fr=bad(), definition_en=bad(),
                          source=bad()))
    return out


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[str, Region, Path]]:
    """The poisoned store, served once for the module: ``(url, region, file)``."""
    folder = tmp_path_factory.mktemp("injection")
    region = _poison(capitale_nationale(reference=TODAY))
    other = Region("z-autre", '"><img src=x onerror=window.__pwned=13> autre')
    other.add_actor(Actor("p", "<script>alert(14)</script>", "program"))
    with Store(folder / "poisoned.db") as store:
        store.save_region(region)
        store.save_region(other)
    with serve_dashboard(folder / "poisoned.db", folder / "server.log") as url:
        yield url, region, folder / "poisoned.db"


class Watch:
    """The dialogs a page opens (each dismissed at once)."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)


def _check(page: Any, watch: Watch, where: str) -> None:
    page.wait_for_timeout(150)  # an onerror/onload fires after the element is created
    assert watch.dialogs == [], f"{where}: a payload opened a dialog {watch.dialogs}"
    assert page.evaluate(PWNED_FLAG) is None, f"{where}: a payload ran"
    assert page.evaluate(CREATED) == [], f"{where}: a payload created elements"
    text = _shadow_text(page)
    assert "⁂49⁂" not in text, f"{where}: a template expression was evaluated"


def _map_extras(page: Any, watch: Watch, region: Region, where: str, mode: str) -> None:
    """Open the committee filter (its options are the committees' names), hover and click
    the first actor drawn."""
    page.wait_for_function(GRAPH_DRAWN, timeout=60_000)
    box = page.locator(".choices").last  # the committee filter comes last
    if not box.is_visible():  # presentation mode: the filters are folded under the map
        page.get_by_text("Filters" if mode == "en" else "Filtres", exact=True).click()
    box.click()
    page.wait_for_timeout(200)
    if mode != "anonymised":
        names = [c.name for c in region.committees]
        text = _shadow_text(page)
        assert any(n in text for n in names), "the committee names are not offered"
    page.keyboard.press("Escape")
    where_xy = node_position(page)
    page.mouse.move(*where_xy)
    page.wait_for_timeout(300)
    _check(page, watch, where + " (hover)")
    page.mouse.click(*where_xy)
    page.wait_for_timeout(500)


def _form_with_bad_id(page: Any, watch: Watch) -> None:
    """Save the self-assessment with an identifier the model refuses: the message names it."""
    page.get_by_label("Identifiant de l’évaluation").fill(BAD_ID)
    page.get_by_label("Présence d’une première volonté de travailler ensemble").select_option(
        label="3 — Bien établi")
    page.get_by_role("button", name="Enregistrer l’évaluation").click()
    page.get_by_text("Évaluation non enregistrée").wait_for(timeout=15_000)
    _check(page, watch, "assessment form (refused identifier)")
    assert BAD_ID in _shadow_text(page), "the refused identifier is not shown as text"


def _refused_upload(page: Any, watch: Watch) -> None:
    """Upload a file the import refuses, whose name is a payload: the message names it."""
    name = "<img src=x onerror=window.__pwned=15>.csv"
    content = b"identifiant,nom,type\n<b>,<script>x</script>,castle\n"
    choose_files(page, [{"name": name, "mimeType": "text/csv", "buffer": content}], name)
    page.get_by_role("button", name="Importer", exact=True).click()
    page.get_by_text("Import refusé").wait_for(timeout=15_000)
    _check(page, watch, "data page (refused upload)")
    assert name in _shadow_text(page), "the refused file is not named in the message"


MODES = {"fr": {}, "en": {"lang": "en"}, "presentation": {"presentation": "true"},
         "anonymised": {"anonymise": "true"}}


def test_no_payload_runs_on_any_page_in_any_mode(poisoned: tuple[str, Region, Path],
                                                 page: Any) -> None:
    url, region, _ = poisoned
    watch = Watch(page)
    visited = 0
    for mode, query in MODES.items():
        for slug in PAGES:
            if mode == "presentation" and slug in EDITING_PAGES:
                continue
            where = f"{slug} ({mode})"
            if slug == PAGES[0] or mode == "presentation":
                # Each mode's first page by its address; then through the sidebar, in the
                # same session, as a person goes (a projector's sidebar starts folded).
                args = "&".join(f"{k}={v}" for k, v in {"page": slug, "region": region.code,
                                                         **query}.items())
                page.goto(f"{url}?{args}")
            else:
                lang = "en" if mode == "en" else "fr"
                page.get_by_role("button", name=i18n.t(f"dash.page.{slug}", lang),
                                 exact=True).click()
                page.wait_for_function(HEADING, arg=i18n.t(f"dash.page.{slug}", lang),
                                       timeout=30_000)
            page.wait_for_function(READY, timeout=60_000)
            visited += 1
            if slug == "overview" and mode == "fr":
                assert REGION_NAME in _shadow_text(page), "the region's name is not shown"
            if slug == "map":
                _map_extras(page, watch, region, where, mode)
            if mode == "fr" and slug == "assessment":
                _form_with_bad_id(page, watch)
            if mode == "fr" and slug == "data":
                _refused_upload(page, watch)
            _check(page, watch, where)
    assert visited == 4 * len(PAGES) - len(set(EDITING_PAGES) & set(PAGES))


def test_report_runs_no_payload(poisoned: tuple[str, Region, Path], tmp_path: Path,
                                page: Any) -> None:
    from dashboards.report import write_report

    _, region, db = poisoned
    watch = Watch(page)
    for anonymise in (False, True):
        out = write_report(db, tmp_path / f"report-{anonymise}.html", region=region.code,
                           anonymise=anonymise)
        page.goto(out.as_uri())
        page.wait_for_function(GRAPH_DRAWN, timeout=60_000)
        if not anonymise:
            assert REGION_NAME in _shadow_text(page)
        _check(page, watch, f"report (anonymise={anonymise})")
