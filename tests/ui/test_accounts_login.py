"""Named accounts in the browser: two people of two organisations, signed in at once.

One server over a file with accounts (the dashboard then signs in with them). A liaison
agent (organisation: the program) and a committee member (organisation: the OMH) sign in
in two browser contexts side by side: the liaison agent sees the tenant codes on the
tenant-codes page of the menu's *Agent de liaison* group, the committee member has no such
page nor any code anywhere in the browser's document, and no administration page; each
sees who is signed in, for which organisation and role, in the sidebar; a reader sees no
form, no import; the administrator sees the administration page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import READY, TODAY, serve_dashboard
from test_dashboard import DOC_TEXT, TENANT_CODE, _shadow_text

from concert import Store
from concert.accounts import Account
from concert.example import capitale_nationale

CODE = "capitale-nationale"
PASSWORD = "une phrase de passe"
PEOPLE = {"anne": ("admin", "cem"), "lise": ("liaison", "cem"),
          "carl": ("committee", "omhq"), "rita": ("reader", "ciusss-cn")}


@pytest.fixture(scope="module")
def accounts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("accounts")
    db = folder / "cn.db"
    with Store(db) as store:
        store.save_region(capitale_nationale(reference=TODAY))
        for name, (role, org) in PEOPLE.items():
            store.add_account(Account(name, role, name.title(), CODE, org), PASSWORD)
    with serve_dashboard(db, folder / "server.log") as url:
        yield url, db


def _sign_in(context: Any, url: str, name: str, query: str = "") -> Any:
    page = context.new_page()
    page.goto(url + query)
    assert "/login" in page.url
    bad = [v["id"] for v in Axe().run(page).response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], bad
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_function(READY, timeout=60_000)
    return page


def _everything(page: Any) -> str:
    return "\n".join([page.evaluate(DOC_TEXT), page.content(), _shadow_text(page)])


def _go(page: Any, url: str, query: str) -> str:
    page.goto(url + query)
    page.wait_for_function(READY, timeout=60_000)
    page.wait_for_timeout(300)
    return _everything(page)


def test_two_people_of_two_organisations_see_what_each_may(accounts_server, browser):
    url, db = accounts_server
    liaison_ctx, committee_ctx = browser.new_context(), browser.new_context()
    try:
        liaison = _sign_in(liaison_ctx, url, "lise", "?page=tenant_codes")
        committee = _sign_in(committee_ctx, url, "Carl", "?page=tenant_codes")
        # Both sessions live at once; each shows its own account's view.
        seen_by_liaison = _go(liaison, url, "?page=tenant_codes")
        seen_by_committee = _go(committee, url, "?page=tenant_codes")
        assert TENANT_CODE.search(seen_by_liaison)
        assert "Codes de locataires des ententes III" in seen_by_liaison
        assert "Agent de liaison" in _shadow_text(liaison)  # the menu's group
        assert not TENANT_CODE.search(seen_by_committee)
        assert "Codes de locataires des ententes III" not in seen_by_committee
        # The committee's menu: its groups; of the liaison agent's group only the decision
        # trees (the guide's, for everyone to read), no administration group; and who
        # is signed in (name, organisation, role) with the sign-out link.
        menu = _shadow_text(committee)
        assert "Région" in menu and "Comité" in menu and "Auto-évaluation" in menu
        assert "Codes de locataires" not in menu and "Arbres de décision" in menu
        assert "Administration" not in menu
        assert "Connecté·e : Carl — Office municipal d’habitation de Québec (Comité)" in menu
        assert committee.get_by_role("link", name="Se déconnecter").count() == 1
        # The committee member: no administration page, even asked for by address.
        for page_slug in ("overview", "map", "history", "data", "admin", "account",
                          "agreements", "tenant_codes"):
            text = _go(committee, url, f"?page={page_slug}")
            assert not TENANT_CODE.search(text), page_slug
        assert "Créer le compte" not in text and "Ajouter le compte" not in text
        assert "Mon compte" in _shadow_text(committee)
        assert "Administration" not in _shadow_text(committee)
        account_page = _go(committee, url, "?page=account")
        assert "Carl" in account_page and "Comité" in account_page
        # The liaison agent's showings are in the access log, none of the committee's.
        with Store(db) as store:
            log = store.access_log()
        users = set(log.loc[log["action"] == "tenant_codes", "user"])
        assert users == {"lise"}
        # The liaison agent, still signed in, still sees the codes.
        assert TENANT_CODE.search(_go(liaison, url, "?page=tenant_codes"))
    finally:
        liaison_ctx.close()
        committee_ctx.close()


def test_a_reader_sees_no_form_and_the_administrator_the_administration(accounts_server,
                                                                          browser):
    url, _db = accounts_server
    reader_ctx, admin_ctx = browser.new_context(), browser.new_context()
    try:
        reader = _sign_in(reader_ctx, url, "rita")
        data = _go(reader, url, "?page=data")
        assert reader.locator("input[type=file]").count() == 0
        assert "Importer" not in _shadow_text(reader)
        assert not TENANT_CODE.search(data)
        _go(reader, url, "?page=assessment")  # not offered: back to the overview
        assert "Enregistrer" not in _shadow_text(reader)
        assert "Auto-évaluation" not in _shadow_text(reader)
        admin = _sign_in(admin_ctx, url, "anne", "?page=admin")
        text = _go(admin, url, "?page=admin")
        for name in PEOPLE:
            assert name in text
        assert "Ajouter le compte" in _shadow_text(admin)
        assert "Télécharger une copie de sauvegarde" in _shadow_text(admin)
        assert not TENANT_CODE.search(text)
        for where in ("admin", "account"):
            _go(admin, url, f"?page={where}")
            bad = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                   for v in Axe().run(admin).response["violations"]
                   if v["impact"] in ("serious", "critical")]
            assert bad == [], (where, bad)
    finally:
        reader_ctx.close()
        admin_ctx.close()
