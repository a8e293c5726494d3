"""The dashboard's roles: what each signed-in account may read and write.

Through the page callbacks (administration, account, tenant codes, the assessment form
and the import, via :class:`DashboardState`) and the library functions they call, with a
session of each role; tenant codes are searched in every page's HTML, in the bokeh
document of each page, and in the downloads. The login throttle is checked per client
address and per account name.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import http.client
import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import panel as pn
import pytest
from _helpers import CODE, PASSWORD, USERS, login, stop
from bokeh.document import Document

from concert import AccessDenied, Answer, Assessment, Store
from concert.example import capitale_nationale
from dashboards import serving
from dashboards.app import build_app
from dashboards.frame import view_of
from dashboards.pages.account import AccountPage
from dashboards.pages.admin import AdminPage
from dashboards.pages.data import export_bytes
from dashboards.pages.tenant_codes import TenantCodesPage
from dashboards.state import DashboardState

pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def db(role_accounts_db) -> Path:
    return role_accounts_db


def codes_of(path: Path) -> set[str]:
    """The tenant codes of the stored region (the secrets to look for)."""
    with Store(path) as store:
        region = store.load_region(CODE)
    found = {p.tenant_code for g in region.agreements if g.type == "III"
             for p in g.parties if p.role == "tenant"}
    assert len(found) >= 2
    return found


def state_of(path: Path, role: str) -> DashboardState:
    with Store(path) as store:
        session = login(store, role)
    assert session is not None and session.role == role
    return DashboardState(db_path=str(path), session=session)


def shown_log(path: Path) -> list[tuple[str, str]]:
    with Store(path) as store:
        frame = store.access_log()
    return [(u, a) for u, a in zip(frame["user"], frame["action"], strict=True)]


def html_of(viewable: Any) -> str:
    """Everything a page sends to the browser: its bokeh document as JSON."""
    doc = Document()
    if isinstance(viewable, pn.template.BaseTemplate):
        viewable.server_doc(doc)
    else:
        doc.add_root(pn.panel(viewable).get_root(doc))
    return json.dumps(doc.to_json(deferred=False), ensure_ascii=False, default=str)


def present(codes: set[str], text: str) -> set[str]:
    return {c for c in codes if re.search(rf"(?<![A-Z0-9-]){re.escape(c)}(?![A-Z0-9])", text)}


# ------------------------------------------------------------------ pages offered
def test_each_role_is_offered_its_pages(db):
    offered = {role: state_of(db, role).pages for role in USERS}
    assert "admin" in offered["admin"] and "account" in offered["admin"]
    for role in ("liaison", "committee", "reader"):
        assert "admin" not in offered[role] and "account" in offered[role]
    assert "assessment" in offered["committee"] and "assessment" not in offered["reader"]
    assert "assessment" in offered["admin"]
    # Tenant codes: the liaison agent's page only (not even the administrator's).
    assert [r for r in USERS if "tenant_codes" in offered[r]] == ["liaison"]
    owner = DashboardState(db_path=str(db))
    assert "admin" not in owner.pages and "account" not in owner.pages
    assert "tenant_codes" not in owner.pages and "assessment" in owner.pages
    assert state_of(db, "reader").can_save is False
    assert state_of(db, "committee").can_save is True


# ------------------------------------------------------------------ writes
def _assessment(n: int) -> Assessment:
    return Assessment(f"dash-{n}", dt.date(2025, 1, 10),
                      (Answer("convergence.communication.1", 2, "R"),))


def test_writes_refused_to_a_reader_allowed_to_the_committee(db, tmp_path):
    reader = state_of(db, "reader")
    before = db.read_bytes()
    with pytest.raises(AccessDenied):
        reader.add_assessment(_assessment(1))
    sheet = tmp_path / "acteurs.csv"
    sheet.write_text("id,nom,type\nnouvel-org,Nouvel organisme,community_org\n")
    with pytest.raises(AccessDenied):
        reader.import_files([sheet])
    assert db.read_bytes() == before
    committee = state_of(db, "committee")
    committee.add_assessment(_assessment(2))
    assert any(a.id == "dash-2" for a in committee.region.assessments)
    with Store(db) as store:
        trail = store.history(CODE)
    assert "carl" in set(trail["user"])


def test_a_removed_account_can_do_nothing_more(db):
    committee = state_of(db, "committee")
    with Store(db) as store:
        store.remove_account("carl")
    with pytest.raises(Exception, match="carl"):
        committee.add_assessment(_assessment(3))


# ------------------------------------------------------------------ administration page
def test_admin_page_callbacks_work_for_the_administrator(db):
    state = state_of(db, "admin")
    page = AdminPage(state)
    listed = html_of(page)
    for name, _ in USERS.values():
        assert name in listed
    page.name_input.value = "olga"
    page.display_input.value = "Olga <b>Roy</b>"
    page.organisation_input.value = "omhq"
    page.role_input.value = "reader"
    page.password_input.value = PASSWORD
    assert "olga" in page.add_account()
    assert page.password_input.value == ""
    assert "Olga &lt;b&gt;Roy&lt;/b&gt;" in page._table.object  # escaped
    with Store(db) as store:
        assert store.account("olga").role == "reader"
        assert store.login("olga", PASSWORD) is not None
    page.account_input.value = "olga"
    page.new_password_input.value = "une autre phrase"
    page.reset_password()
    with Store(db) as store:
        assert store.login("olga", "une autre phrase") is not None
    page.remove_account()
    with Store(db) as store:
        assert "olga" not in [a.name for a in store.accounts()]
    page.months_input.value = "24"
    page.set_retention()
    with Store(db) as store:
        assert store.retention_months() == 24
    page.months_input.value = "deux ans"
    assert "invalide" in page.set_retention()
    with Store(db) as store:
        assert store.retention_months() == 24
    data = page.backup_file()
    assert data is not None and data.getvalue()[:16] == b"SQLite format 3\x00"
    assert ("anne", "backup") in shown_log(db)
    # English texts when the session switches language.
    state.lang = "en"
    assert page._add.name == "Add the account" and "Accounts" in page._table.object


def test_admin_page_refuses_every_callback_to_a_reader(db):
    state = state_of(db, "reader")
    page = AdminPage(state)
    assert "Accès refusé" in page._table.object
    assert "anne" not in page._table.object and "carl" not in page._table.object
    before = db.read_bytes()
    page.name_input.value = "olga"
    page.organisation_input.value = "omhq"
    page.password_input.value = PASSWORD
    for call in (page.add_account, page.reset_password, page.prepare_purge):
        page.account_input.value = "anne"
        page.new_password_input.value = "une autre phrase"
        assert "Accès refusé" in call()
    page.months_input.value = "6"
    assert "Accès refusé" in page.set_retention()
    page.account_input.value = "carl"
    assert "Accès refusé" in page.remove_account()
    assert page.backup_file() is None and "Accès refusé" in page.message.object
    assert db.read_bytes() == before
    with Store(db) as store:
        assert store.login("anne", PASSWORD) is not None


def test_purge_lists_what_goes_under_pseudonyms_then_removes_it(db, monkeypatch):
    from concert import settings

    codes = codes_of(db)
    with Store(db) as store:
        region = store.load_region(CODE)
        first = next(g for g in region.agreements if g.type == "III")
        region.agreements = [dataclasses.replace(g, ends_on=g.signed_on + dt.timedelta(days=30),
                                                 status="expired") if g is first else g
                             for g in region.agreements]
        store.save_region(region)
    iii = [g for g in region.agreements if g.type == "III"]
    dated = [g for g in iii if g.ends_on is not None]
    assert dated
    monkeypatch.setattr(settings, "today", max(g.ends_on for g in dated) + dt.timedelta(days=90))
    page = AdminPage(state_of(db, "admin"))
    page.months_input.value = "1"
    page.set_retention()
    listing = page.prepare_purge()
    with Store(db) as store:
        plan = store.purge_plan()
    assert plan.items and page._confirm.visible
    for e in plan.items:
        assert e.ended_on.isoformat() in listing
    assert "III-" in listing and not any(g.id in listing for g in iii)
    assert not present(codes, listing)
    gone = {p.tenant_code for g in iii if (CODE, g.id) in plan.goes()
            for p in g.parties if p.role == "tenant"}
    result = page.confirm_purge()
    assert f"ententes III : {len(plan.items)}" in result and not page._confirm.visible
    with Store(db) as store:
        left = {p.tenant_code for g in store.load_region(CODE).agreements if g.type == "III"
                for p in g.parties if p.role == "tenant"}
    assert left == codes - gone


# ------------------------------------------------------------------ account page
def test_account_page_changes_ones_own_password_only_with_the_current_one(db):
    page = AccountPage(state_of(db, "reader"))
    assert "Rita" in page._intro.object and "Lecture" in page._intro.object
    page.old_input.value = "pas le bon mot"
    page.new_input.value = page.confirm_input.value = "une nouvelle phrase"
    assert "incorrect" in page.change_password()
    page.old_input.value = PASSWORD
    page.new_input.value, page.confirm_input.value = "une nouvelle phrase", "autre chose ici"
    assert "diffèrent" in page.change_password()
    page.old_input.value = PASSWORD
    page.new_input.value = page.confirm_input.value = "une nouvelle phrase"
    assert "changé" in page.change_password()
    with Store(db) as store:
        assert store.login("rita", "une nouvelle phrase") is not None
        assert store.login("rita", PASSWORD) is None
    page.state.lang = "en"
    assert "My account" in page._intro.object and page._change.name == "Change the password"


# ------------------------------------------------------------------ tenant codes
def _every_page(state: DashboardState) -> str:
    out = []
    for slug in state.pages:
        state.page = slug
        out.append(html_of(view_of(slug, state)))
    return "\n".join(out)


def _frame_html(app: Any) -> str:
    """The frame's document, and every page of its menu shown in turn (one slot each)."""
    state = app.dashboard_state
    out = [html_of(app)]
    for slug in state.pages:
        state.page = slug
        out.append(html_of(app.dashboard_pages[slug]))
    return "\n".join(out)


@pytest.mark.parametrize("role", ["committee", "reader", "admin"])
def test_tenant_codes_never_reach_committee_reader_or_admin_pages(db, role):
    codes = codes_of(db)
    state = state_of(db, role)
    assert not present(codes, _every_page(state))
    app = build_app(db, session=state.session)
    assert "tenant_codes" not in app.dashboard_state.pages
    assert not present(codes, _frame_html(app))
    assert not present(codes, export_bytes(state).decode("latin-1"))
    with pytest.raises(AccessDenied):
        state.tenant_code_region()
    assert "Accès refusé" in TenantCodesPage(state).render()
    assert [a for _, a in shown_log(db) if a == "tenant_codes"] == []


def test_the_liaison_agent_sees_tenant_codes_and_each_showing_is_logged(db):
    codes = codes_of(db)
    state = state_of(db, "liaison")
    app = build_app(db, session=state.session)
    state = app.dashboard_state
    assert "tenant_codes" in state.pages
    state.page = "tenant_codes"
    page = app.dashboard_pages["tenant_codes"]
    shown = html_of(page)
    assert present(codes, shown) == codes
    n_iii = len(codes)
    log = shown_log(db)
    assert log.count(("lise", "tenant_codes")) == n_iii
    state.page = "overview"  # hidden: not read again
    assert shown_log(db).count(("lise", "tenant_codes")) == n_iii
    state.page = "tenant_codes"  # shown again: logged again
    assert shown_log(db).count(("lise", "tenant_codes")) == 2 * n_iii
    state.lang = "en"  # redrawn in English while shown: a showing too
    assert shown_log(db).count(("lise", "tenant_codes")) == 3 * n_iii
    assert "Tenant code" in page._pane.object
    # The other pages and the export still hold none.
    for slug in state.pages:
        if slug != "tenant_codes":
            state.page = slug
            assert not present(codes, html_of(app.dashboard_pages[slug])), slug
    assert not present(codes, export_bytes(state).decode("latin-1"))


# ------------------------------------------------------------------ login on a live server
SERVER = """
import sys
from dashboards.app import serve
serve(sys.argv[1], port=int(sys.argv[2]), accounts=True)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def live(db: Path, log: Path) -> Iterator[int]:
    port = _free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            try:
                post(port, "GET", "/login")
                break
            except OSError:
                assert proc.poll() is None, log.read_text()
                time.sleep(0.25)
        yield port
    finally:
        stop(proc)
    assert "Traceback" not in log.read_text(), log.read_text()


def post(port: int, method: str, path: str, *, source: str = "127.0.0.1",
         form: dict[str, str] | None = None, cookie: str = "",
         host: str | None = None) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if form else {}
    if cookie:
        headers["Cookie"] = cookie
    if host:
        headers["Host"] = host
    try:
        conn.request(method, path, urllib.parse.urlencode(form) if form else None, headers)
        resp = conn.getresponse()
        found = {k.lower(): v for k, v in resp.getheaders()}
        found["set-cookie"] = "; ".join(resp.headers.get_all("Set-Cookie") or [])
        return resp.status, found, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def test_logins_are_slowed_per_address_and_per_account_name(db, tmp_path):
    with live(db, tmp_path / "server.log") as port:
        status, _, page = post(port, "GET", "/login?next=%2F")
        assert status == 200 and "Nom d’utilisateur" in page and "English" in page
        status, _, page = post(port, "GET", "/login?lang=en")
        assert "User name" in page and "Français" in page
        # One address, wrong passwords: after the free failures, refused before checking.
        answers = [post(port, "POST", "/login", source="127.0.0.2",
                        form={"username": "anne", "password": f"faux {k}"})
                   for k in range(serving.FREE_FAILURES + 2)]
        assert [a[0] for a in answers[:serving.FREE_FAILURES]] == [401] * serving.FREE_FAILURES
        assert answers[-1][0] == 429 and "retry-after" in answers[-1][1]
        assert "réessayez" in answers[-1][2]
        # The account name is slowed too: the right password, from another address.
        status, headers, _ = post(port, "POST", "/login", source="127.0.0.3",
                                  form={"username": "Anne", "password": PASSWORD})
        assert status == 429 and "retry-after" in headers
        # Another account from that other address signs in, and reaches the dashboard.
        status, headers, _ = post(port, "POST", "/login", source="127.0.0.3",
                                  form={"username": "carl", "password": PASSWORD})
        assert status == 302, headers
        cookie = re.search(r"(?:^|; )user=([^;]+)", headers["set-cookie"])
        assert cookie
        status, _, page = post(port, "GET", "/", source="127.0.0.3",
                               cookie=f"user={cookie[1]}")
        assert status == 200 and "bokeh" in page.lower()


def test_the_first_administrator_is_created_from_this_computer_only(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        store.save_region(capitale_nationale())
    with live(path, tmp_path / "server.log") as port:
        status, _, page = post(port, "GET", "/login")
        assert status == 200 and "premier compte" in page and 'name="organisation"' in page
        form = {"action": "first_admin", "username": "anne", "display_name": "Anne",
                "organisation": f"{CODE}/cem", "password": PASSWORD, "confirm": PASSWORD}
        status, _, page = post(port, "POST", "/login", form=form,
                               host="tableau.example.org")
        assert status == 403 and "localhost" in page
        status, _, page = post(port, "POST", "/login", form={**form, "confirm": "autre"})
        assert status == 400 and "diffèrent" in page
        with Store(path) as store:
            assert not store.has_accounts()
        status, headers, _ = post(port, "POST", "/login", form=form)
        assert status == 302 and "user=" in headers["set-cookie"]
        with Store(path) as store:
            assert [(a.name, a.role, a.organisation) for a in store.accounts()] == [
                ("anne", "admin", "cem")]
        # Now an ordinary login page: nobody else creates an administrator.
        status, _, page = post(port, "GET", "/login")
        assert "premier compte" not in page
        status, _, _ = post(port, "POST", "/login", form={**form, "username": "eve"})
        assert status == 409
        with Store(path) as store:
            assert [a.name for a in store.accounts()] == ["anne"]
