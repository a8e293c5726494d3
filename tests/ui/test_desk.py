"""The liaison desk's pages in a real browser (issue 16).

- the committee's view of the calls draws the example's year: Tableau 11 rebuilt gives
  the guide's counts back, and neither the page nor the bokeh document sent to the
  browser holds a tenant code or a note;
- every step of each decision tree is reached by clicking its answers, and the links
  to another tree lead there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from _helpers import path_to
from conftest import READY, TODAY, serve_dashboard
from test_dashboard import DOC_TEXT, _shadow_text

from concert import Store
from concert import framework as fw
from concert.calls import Call, reason_table
from concert.example import capitale_nationale, example_calls
from dashboards.pages.trees import answer_text

CODE = "capitale-nationale"
NOTE = "rappel prévu au printemps"
LOG_CODE = re.compile(r"LOC-\d{4}")  # the example log's tenant codes
TABLES = """() => {
  const out = [];
  const walk = (root) => { for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) walk(el.shadowRoot);
    if (el.tagName !== 'TABLE') continue;
    const cap = el.querySelector('caption');
    out.push({caption: cap ? cap.textContent : '',
              rows: [...el.querySelectorAll('tbody tr')].map(
                tr => [...tr.querySelectorAll('td')].map(td => td.textContent))});
  } };
  walk(document); return out;
}"""


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example region and its year of calls, plus an owner's call with a note."""
    folder = tmp_path_factory.mktemp("desk")
    db = folder / "desk.db"
    with Store(db) as store:
        store.save_region(capitale_nationale(reference=TODAY))
        store.add_calls(CODE, example_calls(TODAY))
        store.add_call(CODE, Call("noted", TODAY - dt.timedelta(days=3), "owner",
                                  "private_owner", ("lease_end",), note=NOTE))
    with serve_dashboard(db, folder / "server.log") as url:
        yield url


def _open(page: Any, url: str, slug: str) -> Any:
    page.goto(f"{url}?page={slug}")
    page.wait_for_function(READY, timeout=60_000)
    return page


def test_the_committee_view_draws_tableau_11_and_no_code_nor_note(page: Any,
                                                                    desk_server: str) -> None:
    _open(page, desk_server, "calls_committee")
    page.locator(".summary").first.wait_for(timeout=30_000)
    tables = page.evaluate(TABLES)
    t11 = next(t for t in tables if t["caption"].startswith("Tableau 11"))
    assert "140 appels" in t11["caption"]
    expected = reason_table(example_calls(TODAY), "tenant", lang="fr")
    rows = {r[0]: r[1:] for r in t11["rows"]}
    for r in expected.itertuples():
        assert rows[r.label] == [str(r.guide), str(r.calls), str(r.guide)]  # the guide's
    assert any(t["caption"].startswith("Tableau 13") for t in tables)
    # the trend chart is drawn (a bokeh plot)
    assert page.evaluate("() => [...Bokeh.documents[0].all_models].some("
                         "m => m.type === 'VBar' || m.type.endsWith('VBar'))")
    everything = "\n".join([page.evaluate(DOC_TEXT), page.content(), _shadow_text(page)])
    assert "Tableau 11" in everything
    assert not LOG_CODE.search(everything)
    assert NOTE not in everything and "noted" not in everything


def _shown(page: Any, step: str) -> None:
    page.locator(f'.step-code[data-step="{step}"]').wait_for(timeout=15_000)


def _answer(page: Any, link: fw.TreeLink) -> None:
    """Click the answer button of ``link`` (found by its words, as a person would)."""
    words = re.compile("^" + re.escape(answer_text(link, "fr")) + "$")
    page.locator(".tree-answer button", has_text=words).click()


def _walk(page: Any, tree: fw.DecisionTree, answers: list[str], seen: set[str]) -> str:
    """Start ``tree`` and click ``answers``; return the step reached."""
    page.locator(f".tree-{tree.code} button").click()
    step = tree.start
    _shown(page, step)
    seen.add(step)
    for a in answers:
        link = next(x for x in tree.links_from(step) if x.answer == a)
        _answer(page, link)
        step = link.target
        _shown(page, step)
        seen.add(step)
    return step


def test_every_step_of_each_tree_is_reached_by_clicking(page: Any, desk_server: str) -> None:
    _open(page, desk_server, "trees")
    warning = fw.CLINICAL_JUDGEMENT.fr[:60]
    seen: set[str] = set()
    for tree in fw.DECISION_TREES:
        # deepest steps first: their walks visit the steps on the way
        order = sorted((s.code for s in tree.steps),
                       key=lambda c: -len(path_to(tree, c)))
        for code in order:
            if code in seen:
                continue
            assert _walk(page, tree, path_to(tree, code), seen) == code
            assert warning in _shadow_text(page)  # the warning never leaves the page
        # the links to another tree lead to its first step
        for link in tree.links:
            if link.target.startswith("tree:"):
                _walk(page, tree, path_to(tree, link.step), seen)
                _answer(page, link)
                _shown(page, fw.decision_tree(link.target[5:]).start)
    assert seen == {s.code for t in fw.DECISION_TREES for s in t.steps}
    # an inferred step says so on screen
    assert "(inféré)" in _shadow_text(page)


def test_a_finished_walk_says_the_call_to_record(page: Any, desk_server: str) -> None:
    _open(page, desk_server, "trees")
    tree = fw.decision_tree("A")
    _walk(page, tree, ["next", "yes"], set())  # A2: unpaid rent -> A10
    page.locator(".tree-finish button").click()
    page.locator(".tree-done .message").wait_for(timeout=15_000)
    text = _shadow_text(page)
    assert "Parcours terminé" in text and "réévaluation le" in text
