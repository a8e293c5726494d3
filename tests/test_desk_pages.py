"""The liaison desk's pages (issue 16): the call log saves through the session's role, the
committee's view holds counts only, the trees page walks the guide's trees."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import panel as pn
import param
import pytest
from _helpers import CODE, add_role_accounts, login, path_to
from bokeh.document import Document
from bokeh.embed import json_item

from concert import Store
from concert import framework as fw
from concert.calls import reason_table
from concert.example import capitale_nationale, example_calls
from dashboards._common import esc
from dashboards.pages.calls import (
    CallLogPage,
    CallsCommitteePage,
    committee_html,
    trend_figure,
)
from dashboards.pages.registry import REGISTRY
from dashboards.pages.trees import TreesPage, answer_text
from dashboards.state import DashboardState

TODAY = dt.date(2025, 1, 15)


pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "cn.db"
    with Store(path, user="owner") as store:
        store.save_region(capitale_nationale(reference=TODAY))
        store.add_calls(CODE, example_calls(TODAY))
    return path


@pytest.fixture
def db_accounts(db) -> Path:
    with Store(db, user="owner") as store:
        add_role_accounts(store)
    return db


def state_for(db: Path, role: str | None) -> DashboardState:
    if role is None:
        return DashboardState(db_path=str(db))
    with Store(db) as store:
        session = login(store, role)
    return DashboardState(db_path=str(db), session=session)


def page_html(layout) -> str:
    return "".join(str(p.object) for p in layout.select(pn.pane.HTML))


def stored_calls(db: Path) -> int:
    with Store(db) as store:
        return len(store.calls(CODE))


def fill(form, **values) -> None:
    form.caller_group.value = values.get("caller_group", "tenant")
    form.caller_kind.value = values.get("caller_kind", "tenant")
    form.reasons.value = values.get("reasons", ["omhq_admin"])
    form.tenant_code.value = values.get("tenant_code", "CEM-2025-0042")
    form.referring_org.value = values.get("referring_org", "boussole")
    form.housing_provider.value = values.get("housing_provider", "omhq")
    form.tree.value = "A"
    form.action.value = "listen_inform"
    form.outcome.value = "in_progress"
    form.note.value = values.get("note", "")


def test_the_pages_are_registered_with_their_labels():
    from concert import i18n
    for slug in ("calls", "calls_committee", "trees"):
        assert slug in REGISTRY
        assert i18n.t(f"dash.page.{slug}", "fr") != i18n.t(f"dash.page.{slug}", "en")
    assert REGISTRY["calls"].editing and REGISTRY["calls"].audience == "liaison"


def test_a_liaison_session_saves_a_call_from_the_form(db_accounts):
    state = state_for(db_accounts, "liaison")
    page = CallLogPage(state)
    page.__panel__()
    form = page.form
    assert form is not None
    with Store(db_accounts) as store:
        before = {c.id for c in store.calls(CODE)}
    fill(form)
    assert form.save(), form.draft.message
    assert form.draft.ok and "enregistré" in form.draft.message
    with Store(db_accounts) as store:
        new = [c for c in store.calls(CODE) if c.id not in before]
    assert len(new) == 1
    saved = new[0]
    assert saved.tenant_code == "CEM-2025-0042" and saved.reasons == ("omhq_admin",)
    assert saved.on == TODAY and saved.referring_org == "boussole"
    assert saved.reevaluate_on == TODAY + dt.timedelta(days=30)
    # the list of recent calls now shows it (to the liaison agent)
    assert "CEM-2025-0042" in page.recent_html("fr")


def test_the_form_offers_the_reasons_and_kinds_of_the_group_chosen(db_accounts):
    page = CallLogPage(state_for(db_accounts, "liaison"))
    page.__panel__()
    form = page.form
    form.caller_group.value = "owner"
    owner = fw.caller_group("owner").reason_codes()
    assert sorted(form.reasons.options.values()) == sorted(owner)
    assert form.caller_kind.value in {k.code for k in fw.CALLER_KINDS if k.group == "owner"}
    assert "omh" in form.caller_kind.options.values()
    assert "tenant" not in form.caller_kind.options.values()


def test_a_name_in_the_note_is_shown_at_the_note_and_nothing_is_saved(db_accounts):
    page = CallLogPage(state_for(db_accounts, "liaison"))
    page.__panel__()
    form = page.form
    before = stored_calls(db_accounts)
    fill(form, note="Rappeler Jean Tremblay demain")
    assert not form.save()
    assert stored_calls(db_accounts) == before
    rules = {p.rule for p in form.draft.problems}
    assert "call.note_name" in rules
    shown = form._at("note").object
    assert "nom" in shown and "Jean" not in shown
    # typing shows the warning at once, before any save
    form.draft.problems = []
    form.note.value_input = "voir CEM-2025-0099"
    assert [p.rule for p in form.draft.note_problems] == ["call.note_code"]


@pytest.mark.parametrize("role", ["committee", "reader"])
def test_committee_and_reader_sessions_are_refused_by_the_library(db_accounts, role):
    state = state_for(db_accounts, role)
    page = CallLogPage(state)
    page.__panel__()
    assert page.form is None  # the page does not offer the form
    # ... and the page's save, called anyway, is refused by the store
    forced = CallLogPage(state_for(db_accounts, "liaison"))
    forced.__panel__()
    with param.edit_constant(forced.state):  # a liaison page, then the role changes
        forced.state.session = state.session
    before = stored_calls(db_accounts)
    fill(forced.form)
    assert not forced.form.save()
    assert stored_calls(db_accounts) == before
    assert not forced.form.draft.ok
    assert "liaison" in forced.form.draft.message.lower()


def test_without_accounts_the_log_page_shows_counts_and_how_to_get_a_liaison_account(db):
    state = state_for(db, None)
    page = CallLogPage(state)
    layout = page.__panel__()
    assert page.form is None
    html = page_html(layout)
    assert "--role liaison" in html
    assert "287" in html  # the example's calls, counted
    assert "LOC-0" not in html


def test_the_committee_view_rebuilds_tableau_11_and_holds_no_code_nor_note(db_accounts):
    state = state_for(db_accounts, "committee")
    with Store(db_accounts) as store:
        store.add_call(CODE, _noted_call(), session=None)
    page = CallsCommitteePage(state)
    layout = page.__panel__()
    html = page.html_now()
    example = reason_table(example_calls(TODAY), "tenant")
    assert list(example["callers"]) == list(example["guide"])  # the guide's Tableau 11
    expected = reason_table([*example_calls(TODAY), _noted_call()], "tenant")
    for r in expected.itertuples():
        row = f"<td>{esc(r.label)}</td><td>{r.callers}</td><td>{r.calls}</td><td>{r.guide}</td>"
        assert row in html
    assert "Tableau 11" in html and "Au guide (son année)" in html
    assert "LOC-" not in html and "ANOTE" not in html and "rappel prévu" not in html
    # nor in the bokeh document sent to the browser (the chart included)
    doc = Document()
    doc.add_root(layout.get_root(doc))
    sent = json.dumps(doc.to_json(), default=str)
    assert "Tableau 11" in sent
    assert "LOC-" not in sent and "rappel prévu" not in sent


def _noted_call():
    from concert.calls import Call
    return Call("noted", TODAY, "tenant", "tenant", ("listening",), tenant_code="LOC-9999",
                note="rappel prévu le mois prochain")


def test_committee_html_for_a_period_counts_only_the_period(db):
    state = state_for(db, None)
    end = TODAY
    start = end - dt.timedelta(days=30)
    html = committee_html(state, start, end, "en")
    n = sum(1 for c in example_calls(TODAY) if start <= c.on <= end)
    assert f"{n} calls from {start.isoformat()} to {end.isoformat()}" in html
    bad = committee_html(state, end, start, "fr")
    assert "Période invalide" in bad


def test_the_trend_chart_is_a_plain_bokeh_figure_of_every_call(db):
    state = state_for(db, None)
    fig = trend_figure(state, TODAY - dt.timedelta(days=364), TODAY, "fr")
    item = json.dumps(json_item(fig))
    assert "LOC-" not in item
    source = fig.renderers[0].data_source.data
    total = sum(sum(source[g.code]) for g in fw.CALLER_GROUPS)
    assert total == len(example_calls(TODAY))


def test_the_trees_page_walks_every_step_and_prefills_a_call(db_accounts):
    page = TreesPage(state_for(db_accounts, "liaison"))
    page.__panel__()
    seen = set()
    for tree in fw.DECISION_TREES:
        for s in tree.steps:
            path = path_to(tree, s.code)
            page.choose(tree.code)
            for a in path:
                page.give(a)
            assert page.walker.walk.step == s.code
            seen.add(s.code)
    assert seen == {s.code for t in fw.DECISION_TREES for s in t.steps}
    page.choose("A")
    page.give("next")
    page.give("yes")  # A2: a rent non-payment -> A10
    fields = page.finish(log=True)
    assert page.form.tree.value == "A" and page.form.outcome.value == fields["outcome"]
    assert page.form.caller_group.value == "tenant"
    fill(page.form)
    page.form.tree.value = "A"
    assert page.form.save(), page.form.draft.message


def test_an_answer_button_says_where_it_leads_and_whether_it_is_inferred():
    tree = fw.decision_tree("C")
    link = next(x for x in tree.links if x.target.startswith("tree:"))
    text = answer_text(link, "fr")
    assert "voir l’arbre" in text
    inferred = next(x for x in tree.links if x.inferred)
    assert answer_text(inferred, "fr").endswith("(inféré)")
    stated = next(x for t in fw.DECISION_TREES for x in t.links if not x.inferred)
    assert "(inféré)" not in answer_text(stated, "fr")


def test_the_pages_draw_over_a_region_held_in_memory():
    from dashboards import page_for
    region = capitale_nationale(reference=TODAY)
    trees_page = page_for(region, "trees", lang="en")
    html = page_html(trees_page.__panel__())
    assert fw.CLINICAL_JUDGEMENT.en in html and "Step A1" in html
    no_store = page_html(page_for(region, "calls_committee", lang="en").__panel__())
    assert "Without a database there is no call log." in no_store
    # an in-memory store (a notebook's app_for): the log is empty, the tables say zero
    state = DashboardState(region=region, memory=True)
    html = CallsCommitteePage(state).html_now()
    assert "0 appels du" in html and "Tableau 11" in html


def test_hidden_names_hide_the_partners_in_the_committee_view(db):
    state = state_for(db, None)
    page = CallsCommitteePage(state)
    region = state.region
    named = {a.name for a in region.actors if a.id in {c.referring_org for c in
                                                        example_calls(TODAY)}}
    shown = page.html_now("rest")
    assert any(n in shown for n in named)
    state.anonymise = True
    page.sync()
    hidden = page.html_now("rest")
    assert not any(n in hidden for n in named)
    assert any(f"<td>{esc(a.name)}</td>" in hidden for a in state.view_region.actors)


@pytest.mark.parametrize("suffix", [".html", ".pdf"])
def test_the_reports_hold_no_call_code_nor_note(db, tmp_path, suffix):
    """The committee's reports, written from a store whose log holds a noted call."""
    import re

    from click.testing import CliRunner
    from pypdf import PdfReader

    from concert.cli import cli

    with Store(db) as store:
        store.add_call(CODE, _noted_call(), session=None)
    out = tmp_path / f"rapport{suffix}"
    result = CliRunner().invoke(cli, ["report", str(db), str(out)])
    assert result.exit_code == 0, result.output
    text = (out.read_text(encoding="utf-8") if suffix == ".html" else
            " ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert len(text) > 1000  # a real report
    assert not re.search(r"LOC-\d{4}", text) and "rappel prévu" not in text
