"""Dashboard pages as views of one state: built once, updated in place (no browser)."""

from __future__ import annotations

import panel as pn
import pytest

from concert.example import capitale_nationale
from dashboards import app_for, page_for
from dashboards.pages.base import Page
from dashboards.pages.registry import AUDIENCES, EDITING_PAGES, GROUPS, PAGES, REGISTRY


def _html(view) -> str:
    return " ".join(str(p.object) for p in view.select(pn.pane.HTML))


def test_registry_is_the_list_of_pages():
    assert tuple(REGISTRY) == PAGES and EDITING_PAGES == (
        "organisations", "agreement_forms", "committees", "ties", "figure_forms", "new_region",
        "assessment", "calls")
    assert all(e.audience in AUDIENCES and e.group in GROUPS for e in REGISTRY.values())
    # Menu order is group order: each group's pages follow one another.
    order = [REGISTRY[s].group for s in PAGES]
    assert order == sorted(order, key=GROUPS.index)


def test_without_accounts_every_page_but_the_accounts_and_the_liaison_agents_rows():
    state = app_for(capitale_nationale()).dashboard_state
    assert set(PAGES) - set(state.pages) == {"account", "admin", "tenant_codes", "calls"}
    state.presentation = True
    assert "assessment" not in state.pages


def test_each_page_is_built_once_and_follows_the_language():
    app = app_for(capitale_nationale())
    state = app.dashboard_state
    for slug in state.pages:
        state.page = slug
    pages = dict(app.dashboard_pages)
    layouts = {slug: page.__panel__() for slug, page in pages.items()}
    assert set(pages) == set(state.pages)
    state.page = "overview"
    before = _html(layouts["overview"])
    assert "Stade de la région" in before
    state.lang = "en"
    assert app.dashboard_pages == pages  # no page made again
    assert all(pages[s].__panel__() is layouts[s] for s in pages)  # nor its layout
    after = _html(layouts["overview"])
    assert "Region stage" in after and "Stade de la région" not in after
    # A hidden page catches up when it is shown, in place.
    assert "Next steps" not in _html(layouts["next_steps"])
    state.page = "next_steps"
    assert "Next steps" in _html(layouts["next_steps"])


def test_page_state_lives_in_the_page():
    app = app_for(capitale_nationale())
    state = app.dashboard_state
    state.page = "agreements"
    page = app.dashboard_pages["agreements"]
    page.search.value_input = "Athénée"
    state.lang = "en"
    text = _html(page.__panel__())
    assert "Athénée" in text and "Le 388" not in text  # the search kept, in English
    assert "Agreements I and II" in text or "Agreement II" in text


def test_anonymising_updates_hidden_pages_too():
    app = app_for(capitale_nationale())
    state = app.dashboard_state
    state.page = "agreements"
    state.page = "overview"
    state.anonymise = True
    assert "Athénée" not in _html(app.dashboard_pages["agreements"].__panel__())


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_is_a_viewer_for_notebooks(slug):
    view = page_for(capitale_nationale(), slug, lang="en")
    assert isinstance(view, Page)
    assert isinstance(view.__panel__(), pn.viewable.Viewable)
