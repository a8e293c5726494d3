"""Named accounts, roles enforced by the library, the access log, and ``concert user``.

Every refusal is checked through the library functions themselves (the store's writes,
``privacy.view``), with sessions of each role, and leaves the file byte-identical.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from _helpers import CODE, PASSWORD
from click.testing import CliRunner

from concert import AccessDenied, Assessment, Store, accounts, privacy
from concert._errors import ArgumentError, MisuseError, NotFoundError, StoreError, ValidationError
from concert.accounts import Account, Session, first_admin_needed
from concert.cli import cli
from concert.example import capitale_nationale

V2 = Path(__file__).parent / "data" / "cn-schema-v2.db"


pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def db(role_accounts_db) -> Path:
    return role_accounts_db


def sessions(store: Store) -> dict[str, Session]:
    return {role: store.login(name, PASSWORD) for role, name in
            [("admin", "anne"), ("liaison", "lise"), ("committee", "carl"),
             ("reader", "rita")]}


# ------------------------------------------------------------------ passwords
def test_passwords_are_salted_scrypt_hashes_with_their_parameters(monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**15)  # the real cost, once
    stored = accounts.hash_password(PASSWORD)
    kind, n, r, p, salt, key = stored.split("$")
    assert (kind, n, r, p) == ("scrypt", "32768", "8", "1") and len(salt) >= 20
    assert PASSWORD not in stored and "phrase" not in stored
    assert accounts.hash_password(PASSWORD) != stored  # a new salt each time
    assert accounts.verify_password(PASSWORD, stored)
    assert not accounts.verify_password(PASSWORD + " ", stored)
    assert not accounts.verify_password(PASSWORD, stored.replace("scrypt", "md5"))
    assert not accounts.verify_password(PASSWORD, "scrypt$99999999$8$1$AAAA$AAAA")
    assert not accounts.verify_password(PASSWORD, None)


def test_hashes_compare_in_constant_time(monkeypatch):
    calls = []
    real = accounts.hmac.compare_digest
    monkeypatch.setattr(accounts.hmac, "compare_digest",
                        lambda a, b: calls.append((a, b)) or real(a, b))
    stored = accounts.hash_password(PASSWORD)
    assert accounts.verify_password(PASSWORD, stored) and len(calls) == 1


def test_an_unknown_login_costs_one_verification_like_a_wrong_password(db, monkeypatch):
    calls = []
    real = accounts._scrypt
    monkeypatch.setattr(accounts, "_scrypt", lambda *a: calls.append(a) or real(*a))
    with Store(db) as store:
        store.login("nobody", PASSWORD)  # the stand-in hash is made once
        calls.clear()
        assert store.login("nobody", PASSWORD) is None
        assert len(calls) == 1
        assert store.login("carl", "pas le bon mot de passe") is None
        assert len(calls) == 2


def test_raised_parameters_still_verify_and_rehash_at_the_next_login(db, monkeypatch):
    with Store(db) as store:
        old = store.db.execute("SELECT password FROM accounts WHERE name = 'carl'"
                               ).fetchone()[0]
        assert old.split("$")[1] == "1024"
        monkeypatch.setattr(accounts, "SCRYPT_N", 2**11)
        assert accounts.needs_rehash(old) and accounts.verify_password(PASSWORD, old)
        assert store.login("carl", PASSWORD).role == "committee"
        new = store.db.execute("SELECT password FROM accounts WHERE name = 'carl'"
                               ).fetchone()[0]
    assert new.split("$")[1] == "2048" and not accounts.needs_rehash(new)


@pytest.mark.parametrize(("password", "rule"), [
    ("court", "password.short"), ("carl.dupont", "password.name"),
    ("une phrase\x1b[2J de passe", "text.control"), (12345678901, "text.type")])
def test_weak_passwords_are_refused_with_a_reason(password, rule):
    problems = accounts.password_problems(password, "carl.dupont")
    assert [p.rule for p in problems] == [rule]
    assert problems[0].text("fr") and problems[0].text("en")
    assert accounts.password_problems(PASSWORD, "carl.dupont") == []


# ------------------------------------------------------------------ accounts
def test_an_account_checks_itself_and_names_are_case_insensitive():
    assert Account(" Marie.Tremblay ", "reader").name == "marie.tremblay"
    with pytest.raises(ValidationError) as exc:
        Account("marie tremblay", "boss", organisation="omhq")
    assert exc.value.rules == ["id", "account.role", "text.required"]
    assert "rôle inconnu 'boss' (valeurs attendues : admin, liaison, committee, reader)" in \
        exc.value.text("fr")
    assert [accounts.role_label(r, "fr") for r in accounts.ROLES] == [
        "Administration", "Agent(e) de liaison", "Comité", "Lecture"]
    assert [accounts.role_label(r, "en") for r in accounts.ROLES] == [
        "Administrator", "Liaison agent", "Committee", "Reader"]
    assert not hasattr(Account("x", "reader"), "password")


def test_the_first_account_must_be_an_administrator(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        assert first_admin_needed(store)
        with pytest.raises(ArgumentError) as exc:
            store.add_account(Account("carl", "committee"), PASSWORD)
        assert "le premier doit être un compte d’administration" in exc.value.text("fr")
        assert "« Comité »" in exc.value.text("fr") and "'Committee'" in exc.value.text("en")
        assert not path.exists()  # nothing written, not even the file
        store.add_account(Account("anne", "admin"), PASSWORD)  # no region yet: no org
        assert not first_admin_needed(store)
        store.add_account(Account("carl", "committee"), PASSWORD)
    assert path.exists()


def test_the_organisation_is_an_actor_of_the_region(db):
    before = db.read_bytes()
    with Store(db) as store:
        with pytest.raises(NotFoundError) as exc:
            store.add_account(Account("x", "reader", region=CODE, organisation="nope"),
                              PASSWORD)
        assert "Aucun acteur « nope » dans la région « capitale-nationale »" in \
            exc.value.text("fr")
        with pytest.raises(ArgumentError, match="organisme"):
            store.add_account(Account("x", "reader"), PASSWORD)
        with pytest.raises(NotFoundError):
            store.add_account(Account("x", "reader", region="ailleurs", organisation="cem"),
                              PASSWORD)
        with pytest.raises(StoreError, match="existe déjà"):
            store.add_account(Account("CARL", "reader", region=CODE, organisation="cem"),
                              PASSWORD)
        with pytest.raises(ValidationError):
            store.add_account(Account("x", "reader", region=CODE, organisation="cem"), "court")
    assert db.read_bytes() == before


def test_no_function_returns_a_password_hash(db):
    with Store(db) as store:
        listed = store.accounts()
        assert [a.name for a in listed] == ["anne", "carl", "lise", "rita"]
        assert all(not hasattr(a, "password") for a in listed)
        assert "scrypt" not in repr(listed) + repr(store.session("carl"))
        assert store.account("Carl") == Account("carl", "committee", "Carl", CODE, "omhq")
    assert PASSWORD.encode() not in db.read_bytes()


def test_login_gives_a_session_with_who_organisation_and_role(db):
    with Store(db) as store:
        s = store.login(" CARL ", PASSWORD)
        assert (s.name, s.role, s.organisation, s.region) == ("carl", "committee", "omhq", CODE)
        assert s.may("write") and not s.may("tenant_codes")
        assert store.login("carl", PASSWORD.upper()) is None
        assert store.login("rita", "") is None and store.login(None, PASSWORD) is None


def test_people_change_their_own_password_with_the_old_one(db):
    with Store(db) as store:
        carl = store.login("carl", PASSWORD)
        with pytest.raises(AccessDenied) as exc:
            store.change_password(carl, "pas le bon", "un tout nouveau secret")
        assert exc.value.text("fr") == "Mot de passe actuel incorrect : rien n’a été changé."
        assert store.login("carl", PASSWORD) is not None
        store.change_password(carl, PASSWORD, "un tout nouveau secret")
        assert store.login("carl", PASSWORD) is None
        assert store.login("carl", "un tout nouveau secret").name == "carl"


def test_an_administrator_resets_a_password_and_only_an_administrator(db):
    with Store(db) as store:
        s = sessions(store)
        for role in ("liaison", "committee", "reader"):
            with pytest.raises(AccessDenied, match="gérer les comptes"):
                store.set_password("rita", "un autre secret long", session=s[role])
            with pytest.raises(AccessDenied):
                store.add_account(Account("y", "admin", region=CODE, organisation="cem"),
                                  PASSWORD, session=s[role])
            with pytest.raises(AccessDenied):
                store.accounts(session=s[role])
        store.set_password("rita", "un autre secret long", session=s["admin"])
        assert store.login("rita", "un autre secret long") is not None
        store.add_account(Account("yves", "reader", region=CODE, organisation="cem"),
                          PASSWORD, session=s["admin"])
        assert store.db.execute("SELECT created_by FROM accounts WHERE name = 'yves'"
                                ).fetchone()[0] == "anne"


def test_the_last_administrator_stays_and_a_removed_account_can_do_nothing(db):
    with Store(db) as store:
        s = sessions(store)
        with pytest.raises(ArgumentError, match="dernier compte d’administration"):
            store.remove_account("anne")
        store.remove_account("carl", session=s["admin"])
        region = store.load_region()
        with pytest.raises(AccessDenied) as exc:
            store.save_region(region, session=s["committee"])
        assert exc.value.text("en") == "Access denied: account 'carl' no longer exists."
        with pytest.raises(NotFoundError):
            store.remove_account("carl")


def test_a_lesser_role_written_in_the_file_applies_at_once(db):
    with Store(db) as store:
        carl = store.login("carl", PASSWORD)
        store.db.execute("UPDATE accounts SET role = 'reader' WHERE name = 'carl'")
        with pytest.raises(AccessDenied, match="« Lecture »"):
            store.add_assessment(CODE, _assessment(), session=carl)


# ------------------------------------------------------------------ roles where data is written
def _assessment() -> Assessment:
    from concert import Answer

    return Assessment("eval-new", dt.date(2025, 1, 10),
                      (Answer("convergence.communication.1", 2, "R"),))


def _with_changed_actor(region):
    region.actors[1] = dataclasses.replace(region.actors[1], note="Changé en séance")
    return region


def _with_changed_iii(region):
    i = next(i for i, g in enumerate(region.agreements) if g.type == "III")
    region.agreements[i] = dataclasses.replace(region.agreements[i], note="Suivi")
    return region


@pytest.mark.parametrize(("role", "actor", "iii", "assessment"), [
    ("admin", True, False, True),
    ("liaison", True, True, True),
    ("committee", True, False, True),
    ("reader", False, False, False),
])
def test_each_role_saves_what_it_may_and_nothing_else(db, role, actor, iii, assessment):
    with Store(db) as store:
        s = sessions(store)[role]
        for change, allowed in ((_with_changed_actor, actor), (_with_changed_iii, iii)):
            before = db.read_bytes(), store.revision(CODE)
            region = change(store.load_region(CODE))
            if allowed:
                store.save_region(region, session=s)
                assert store.history(CODE)["user"].iloc[-1] == s.name  # who, in the audit
            else:
                with pytest.raises(AccessDenied) as exc:
                    store.save_region(region, session=s)
                assert exc.value.text("fr").startswith(f"Accès refusé : le rôle « "
                                                       f"{accounts.role_label(role, 'fr')} »")
                assert (db.read_bytes(), store.revision(CODE)) == before
        if assessment:
            store.add_assessment(CODE, _assessment(), session=s)
            assert "eval-new" in {a.id for a in store.load_region(CODE).assessments}
        else:
            with pytest.raises(AccessDenied, match="modifier les fiches de la région"):
                store.add_assessment(CODE, _assessment(), session=s)


def test_a_committee_cannot_add_or_remove_an_entente_iii_either(db):
    with Store(db) as store:
        carl = sessions(store)["committee"]
        region = store.load_region(CODE)
        region.agreements = [g for g in region.agreements if g.id != "III-001"]
        with pytest.raises(AccessDenied, match="entente III"):
            store.save_region(region, session=carl)
        fresh = capitale_nationale()  # a region built afresh replaces: III rows rewritten
        fresh.agreements = [g for g in fresh.agreements if g.type != "III"]
        with pytest.raises(AccessDenied):
            store.save_region(fresh, session=carl)
        assert sum(g.type == "III" for g in store.load_region(CODE).agreements) == 10


def test_saving_a_view_of_the_region_cannot_write_pseudonyms(db):
    with Store(db) as store:
        carl = sessions(store)["committee"]
        shown = privacy.view(store.load_region(CODE), session=carl)
        with pytest.raises(AccessDenied):
            store.save_region(shown, session=carl)
        assert "III-001" in {g.id for g in store.load_region(CODE).agreements}


def test_backups_restores_and_deletions_are_for_administrators(db, tmp_path):
    with Store(db) as store:
        s = sessions(store)
        for role in ("liaison", "committee", "reader"):
            with pytest.raises(AccessDenied, match="copie de sauvegarde"):
                store.backup(tmp_path / f"{role}.db", session=s[role])
            assert not (tmp_path / f"{role}.db").exists()
            with pytest.raises(AccessDenied):
                Store.restore(tmp_path / "x.db", tmp_path / "y.db", session=s[role])
            with pytest.raises(AccessDenied, match="supprimer une région"):
                store.delete_region(CODE, session=s[role])
        store.backup(tmp_path / "admin.db", session=s["admin"])
        log = store.access_log()
        assert log[["user", "role", "action", "detail"]].values.tolist() == [
            ["anne", "admin", "backup", "admin.db"]]
        store.delete_region(CODE, session=s["admin"])
        assert store.history(CODE)["user"].iloc[-1] == "anne"
    Store.restore(tmp_path / "admin.db", tmp_path / "back.db", session=s["admin"])


def test_calls_without_a_session_act_for_the_files_owner(db, tmp_path):
    with Store(db, user="owner") as store:
        region = _with_changed_iii(store.load_region(CODE))
        store.save_region(region)
        store.backup(tmp_path / "copy.db")
        assert store.history(CODE)["user"].iloc[-1] == "owner"
        assert store.access_log().empty  # the owner's backups are not logged
        assert privacy.view(region, tenant_codes=True) is region


def test_a_session_from_another_hand_is_checked_as_it_is(db):
    forged = Session(Account("anne", "admin"))  # the right name, bound to no store
    with Store(db) as store:
        store.backup(Path(store.path).with_name("ok.db"), session=forged)  # anne is admin
        with pytest.raises(MisuseError):
            store.save_region(store.load_region(), session="anne")  # type: ignore[arg-type]
        nobody = Session(Account("zoe", "admin"))
        with pytest.raises(AccessDenied, match="n’existe plus"):
            store.backup(Path(store.path).with_name("no.db"), session=nobody)
    with pytest.raises(MisuseError):
        accounts.allowed("admin", "everything")


# ------------------------------------------------------------------ tenant codes, read and logged
def _codes(region) -> set[str]:
    return {p.tenant_code for g in region.agreements for p in g.parties if p.tenant_code}


def test_tenant_codes_are_shown_to_the_liaison_agent_only_and_each_showing_is_logged(db):
    with Store(db) as store:
        s = sessions(store)
        region = store.load_region(CODE)
        real = _codes(region)
        assert len(real) == 10 and all(c.startswith("CEM-") for c in real)
        for role in ("admin", "committee", "reader"):
            with pytest.raises(AccessDenied, match="voir les codes de locataires"):
                privacy.view(region, tenant_codes=True, session=s[role])
            shown = privacy.view(region, session=s[role])
            assert not _codes(shown) & real and not {g.id for g in shown.agreements} & {
                g.id for g in region.agreements if g.type == "III"}
            assert len(_codes(shown)) == 10  # counts stay
        assert store.access_log().empty  # refusals show nothing and log nothing
        lise = s["liaison"]
        assert not _codes(privacy.view(region, session=lise)) & real  # not unless asked
        assert _codes(privacy.view(region, tenant_codes=True, session=lise)) == real
        log = store.access_log(CODE)
        assert len(log) == 10 and set(log["user"]) == {"lise"}
        assert set(log["action"]) == {"tenant_codes"} and set(log["role"]) == {"liaison"}
        assert sorted(log["agreement"]) == sorted(g.id for g in region.agreements
                                                  if g.type == "III")
        assert dt.datetime.fromisoformat(log["at"][0]).tzinfo is not None
        privacy.view(region, tenant_codes=True, session=lise)
        assert len(store.access_log()) == 20  # each showing
        for role in ("liaison", "committee", "reader"):
            with pytest.raises(AccessDenied, match="journal des accès"):
                store.access_log(session=s[role])
        assert len(store.access_log(session=s["admin"])) == 20


def test_a_session_bound_to_no_store_is_never_shown_codes(db):
    lise = Session(Account("lise", "liaison", region=CODE, organisation="cem"))
    with pytest.raises(MisuseError) as exc:
        privacy.view(capitale_nationale(), tenant_codes=True, session=lise)
    assert "liée à aucune base" in exc.value.text("fr")


def test_a_removed_liaison_agent_is_shown_nothing(db):
    with Store(db) as store:
        lise = store.login("lise", PASSWORD)
        store.remove_account("lise")
        with pytest.raises(AccessDenied):
            privacy.view(store.load_region(CODE), tenant_codes=True, session=lise)
        assert store.access_log().empty


# ------------------------------------------------------------------ the file
def test_an_older_file_gains_the_account_tables_after_its_backup(tmp_path):
    old = tmp_path / "cn.db"
    shutil.copy(V2, old)
    with Store(old) as store:
        assert store.migrated is not None and first_admin_needed(store)
        assert store.access_log().empty and store.retention_months() is None
    tables = {r[0] for r in sqlite3.connect(old).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"accounts", "access_log"} <= tables
    backup = next(tmp_path.glob("cn.version-2-*.db"))
    assert "accounts" not in {r[0] for r in sqlite3.connect(backup).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}


# ------------------------------------------------------------------ concert user
def test_user_add_asks_the_password_twice_and_refuses_a_mismatch(tmp_path):
    db = tmp_path / "cn.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["example", str(db)]).exit_code == 0
    refused = runner.invoke(cli, ["user", "add", str(db), "carl", "--role", "committee",
                                  "--org", "omhq"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert refused.exit_code == 1
    assert "le premier doit être un compte d’administration" in refused.stderr
    assert "Mot de passe" not in refused.output  # refused before asking
    typed = f"court\n{PASSWORD}\n{PASSWORD}x\n{PASSWORD}\n{PASSWORD}\n"
    result = runner.invoke(cli, ["user", "add", str(db), "Anne", "--role", "admin", "--org",
                                 "cem", "--display-name", "Anne Admin"], input=typed)
    assert result.exit_code == 0, result.output
    assert "le mot de passe doit compter au moins 10 caractères" in result.stderr
    assert "Erreur : les deux saisies diffèrent." in result.stderr
    assert result.stderr.count("Mot de passe : ") == 3
    assert result.stderr.count("Répétez le mot de passe : ") == 2
    assert PASSWORD not in result.output
    assert result.stdout == "Compte « anne » créé (Administration).\n"
    with Store(db) as store:
        assert store.login("anne", PASSWORD).role == "admin"


def test_user_commands_for_scripts_and_a_list_without_hashes(tmp_path):
    db = tmp_path / "cn.db"
    runner = CliRunner(env={"CONCERT_NEW_PASSWORD": PASSWORD})
    assert runner.invoke(cli, ["example", str(db)]).exit_code == 0
    none = runner.invoke(cli, ["user", "list", str(db)])
    assert none.output == (f"Aucun compte dans {db}. Créez le premier, d’administration : "
                           f"concert user add {db} NOM --role admin\n")
    for args in (["anne", "--role", "admin", "--org", "cem"],
                 ["lise", "--role", "liaison", "--org", "cem", "--display-name", "Lise L."],
                 ["rita", "--role", "reader", "--org", "ciusss-cn"]):
        assert runner.invoke(cli, ["user", "add", str(db), *args]).exit_code == 0
    listed = runner.invoke(cli, ["user", "list", str(db)])
    assert listed.exit_code == 0
    lines = listed.output.splitlines()
    assert lines[0] == f"Comptes dans {db} :" and len(lines) == 4
    assert lines[2].split()[:3] == ["lise", "Agent(e)", "de"]
    assert "Lise L. — cem (Clés en main), capitale-nationale" in lines[2]
    assert "scrypt" not in listed.output and PASSWORD not in listed.output
    english = runner.invoke(cli, ["user", "list", str(db), "--lang", "en"]).output
    assert "Liaison agent" in english and "Reader" in english and "Lecture" not in english
    weak = CliRunner(env={"CONCERT_NEW_PASSWORD": "court"}).invoke(
        cli, ["user", "passwd", str(db), "rita"])
    assert weak.exit_code == 1 and "au moins 10 caractères" in weak.stderr
    reset = CliRunner(env={"CONCERT_NEW_PASSWORD": "un autre secret"}).invoke(
        cli, ["--lang", "en", "user", "passwd", str(db), "RITA"])
    assert reset.output == "New password saved for 'rita'.\n"
    assert runner.invoke(cli, ["user", "remove", str(db), "rita"]).exit_code == 0
    gone = runner.invoke(cli, ["user", "passwd", str(db), "rita"])
    assert gone.exit_code == 1 and gone.stderr == "Erreur : Aucun compte « rita ».\n"
    last = runner.invoke(cli, ["user", "remove", str(db), "anne"])
    assert last.exit_code == 1 and "dernier compte d’administration" in last.stderr
    with Store(db) as store:
        assert [a.name for a in store.accounts()] == ["anne", "lise"]
        assert store.login("lise", PASSWORD).organisation == "cem"


def test_the_first_administrator_of_a_new_file_by_the_command_line(tmp_path):
    db = tmp_path / "new.db"
    result = CliRunner(env={"CONCERT_NEW_PASSWORD": PASSWORD}).invoke(
        cli, ["user", "add", str(db), "anne", "--role", "admin"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.regions() == [] and store.account("anne").organisation == ""


def test_export_with_tenant_codes_is_logged_for_the_owner(db, tmp_path):
    runner = CliRunner(env={"CONCERT_USER": "owner"})
    out = tmp_path / "codes.json"
    assert runner.invoke(cli, ["export", str(db), "--format", "json", str(out)]).exit_code == 0
    with Store(db) as store:
        assert store.access_log().empty
    assert runner.invoke(cli, ["export", str(db), "--format", "json", str(out),
                               "--include-tenant-codes"]).exit_code == 0
    with Store(db) as store:
        log = store.access_log()
    assert len(log) == 10 and set(log["action"]) == {"export"} and set(log["user"]) == {"owner"}
    shown = runner.invoke(cli, ["access-log", str(db)]).output.splitlines()
    assert len(shown) == 10 and all("codes exportés" in line for line in shown)
    assert not any(re.search(r"III-\d{3}\b", line) for line in shown)  # pseudonyms
    assert shown[0].endswith("III-0001")
    full = runner.invoke(cli, ["access-log", str(db), "--include-tenant-codes", "--lang", "en"])
    assert re.search(r"III-001\n", full.output) and "codes exported" in full.output
