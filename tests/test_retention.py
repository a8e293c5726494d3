"""Retention of tenant codes (Law 25): the period, the rule, and a purge that removes old
ententes III from the tables, the audit trail and the access log, and nothing else.

Every test runs on 2025-01-15 (tests/conftest.py); with 24 months, the cut-off is
2023-01-15.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LIAISON, WORKER, build_small_region
from test_language import _interface_text
from vocabulary import foreign

from concert import AccessDenied, Agreement, Party, Store, accounts, privacy
from concert._errors import ArgumentError, StoreError
from concert.accounts import Account
from concert.cli import cli
from concert.retention import check_months, cutoff, ended_agreements, removed_agreement_end
from concert.store import TABLES

PASSWORD = "une phrase de passe"
GOES = {"III-old": "CEM-2019-0001", "III-gone": "CEM-2019-0002"}
STAYS = {"III-recent": "CEM-2021-0003", "III-undated": "CEM-2020-0004",
         "III-renewed": "CEM-2019-0005", "III-renewal": "CEM-2021-0006", "III-1": "CEM-0042"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)


def iii(id_: str, signed: dt.date, ends: dt.date | None = None, status: str = "signed",
        renews: str = "") -> Agreement:
    code = {**GOES, **STAYS}[id_]
    return Agreement(id_, "III", (Party("tenant", tenant_code=code),
                                  Party("worker", "org", WORKER),
                                  Party("liaison_agent", "cem", LIAISON)),
                     signed_on=signed, ends_on=ends, status=status, renews=renews)


def region_with_old_ententes():
    """The small region with ententes III of every kind the retention rule knows."""
    r = build_small_region()
    r.add_agreement(Agreement("II-0", "II", (Party("program", "cem"),
                                             Party("referring_org", "org")),
                              signed_on=dt.date(2018, 6, 1)))  # in force until 2021-06-01
    r.add_agreement(iii("III-old", dt.date(2019, 1, 1), dt.date(2020, 6, 30)))
    r.add_agreement(iii("III-recent", dt.date(2021, 2, 1), dt.date(2024, 1, 31)))
    r.add_agreement(iii("III-undated", dt.date(2020, 1, 1), status="terminated"))
    r.add_agreement(iii("III-renewed", dt.date(2019, 3, 1), dt.date(2020, 12, 31)))
    r.add_agreement(iii("III-renewal", dt.date(2021, 1, 1), renews="III-renewed"))
    r.add_agreement(iii("III-gone", dt.date(2019, 2, 1), dt.date(2020, 3, 31)))
    return r


@pytest.fixture
def db(tmp_path) -> Path:
    """A file with the region saved twice, III-gone removed by the second save, accounts,
    a retention of 24 months and the liaison agent shown every code once."""
    path = tmp_path / "demo.db"
    with Store(path, user="owner") as store:
        # As SQLite builds without SECURE_DELETE do: deleted rows stay in free pages.
        store.db.execute("PRAGMA secure_delete = OFF")
        region = region_with_old_ententes()
        store.save_region(region)
        region.agreements = [g for g in region.agreements if g.id != "III-gone"]
        region.actors[1] = dataclasses.replace(region.actors[1], note="Revu")
        store.save_region(region)
        store.add_account(Account("anne", "admin", region="demo", organisation="cem"), PASSWORD)
        store.add_account(Account("lise", "liaison", region="demo", organisation="cem"),
                          PASSWORD)
        store.add_account(Account("carl", "committee", region="demo", organisation="omh"),
                          PASSWORD)
        store.set_retention_months(24)
        privacy.view(store.load_region(), tenant_codes=True, session=store.login("lise",
                                                                                  PASSWORD))
    return path


# ------------------------------------------------------------------ the rule
@pytest.mark.parametrize(("months", "today", "expected"), [
    (24, dt.date(2025, 1, 15), dt.date(2023, 1, 15)),
    (1, dt.date(2025, 3, 31), dt.date(2025, 2, 28)),
    (12, dt.date(2024, 2, 29), dt.date(2023, 2, 28)),
    (13, dt.date(2025, 1, 31), dt.date(2023, 12, 31)),
    (1200, dt.date(2025, 1, 1), dt.date(1925, 1, 1)),
])
def test_cutoff_counts_calendar_months(months, today, expected):
    assert cutoff(months, today) == expected


@pytest.mark.parametrize("months", [0, -3, 1201, 2.5, "24", True, None])
def test_a_retention_period_is_a_whole_number_of_months(months):
    with pytest.raises(ArgumentError) as exc:
        check_months(months)
    assert "un nombre entier de mois, de 1 à 1200" in exc.value.text("fr")


def test_which_ententes_iii_have_outlived_the_period():
    region = region_with_old_ententes()
    chosen = ended_agreements(region.agreements, dt.date(2023, 1, 15))
    assert chosen.ended == {"III-old": dt.date(2020, 6, 30), "III-gone": dt.date(2020, 3, 31)}
    assert chosen.undated == ("III-undated",)
    assert chosen.kept == {"III-renewed": "III-renewal"}
    # Ended too, its renewal: both go; other types never do.
    renewal = next(g for g in region.agreements if g.id == "III-renewal")
    region.agreements[region.agreements.index(renewal)] = dataclasses.replace(
        renewal, ends_on=dt.date(2022, 1, 1))
    assert set(ended_agreements(region.agreements, dt.date(2023, 1, 15)).ended) == {
        "III-old", "III-gone", "III-renewed", "III-renewal"}
    assert ended_agreements(region.agreements, dt.date(2030, 1, 1)).ended.keys() >= {
        "III-recent"} and "II-0" not in ended_agreements(region.agreements,
                                                         dt.date(2030, 1, 1)).ended


def test_a_removed_entente_ended_when_it_ended_or_was_removed():
    removed = dt.date(2022, 5, 1)
    assert removed_agreement_end({"ends_on": "2020-03-31"}, removed) == dt.date(2020, 3, 31)
    assert removed_agreement_end({"ends_on": "2027-01-01"}, removed) == removed
    assert removed_agreement_end({"ends_on": None}, removed) == removed


# ------------------------------------------------------------------ the setting
def test_only_an_administrator_sets_the_period_or_purges(db):
    with Store(db) as store:
        for name in ("lise", "carl"):
            s = store.login(name, PASSWORD)
            with pytest.raises(AccessDenied, match="durée de conservation"):
                store.set_retention_months(12, session=s)
            with pytest.raises(AccessDenied):
                store.purge_plan(session=s)
        anne = store.login("anne", PASSWORD)
        store.set_retention_months(36, session=anne)
        assert store.retention_months() == 36
        store.set_retention_months(None, session=anne)
        with pytest.raises(StoreError) as exc:
            store.purge_plan()
        assert "Aucune durée de conservation des codes de locataires n’est fixée" in \
            exc.value.text("fr")


# ------------------------------------------------------------------ the purge
def _everything(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        names = [*TABLES, "audit", "access_log", "accounts", "concert_meta"]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in names}
    finally:
        con.close()


def test_the_plan_lists_what_goes_and_why_others_stay(db):
    with Store(db) as store:
        plan = store.purge_plan()
    assert (plan.months, plan.cutoff) == (24, dt.date(2023, 1, 15))
    assert [(e.agreement, e.ended_on, e.in_region) for e in plan.items] == [
        ("III-gone", dt.date(2020, 3, 31), False), ("III-old", dt.date(2020, 6, 30), True)]
    by_id = {e.agreement: e for e in plan.items}
    assert (by_id["III-old"].audit_rows, by_id["III-old"].log_rows) == (1, 1)
    assert (by_id["III-gone"].audit_rows, by_id["III-gone"].log_rows) == (2, 0)
    assert plan.undated == (("demo", "III-undated"),)
    assert plan.kept == (("demo", "III-renewed", "III-renewal"),)


def test_a_purge_removes_old_codes_from_tables_audit_and_log_and_nothing_else(db):
    before = _everything(db)
    with Store(db) as store:
        old_revision = store.revision("demo")
        done = store.purge(store.purge_plan(), session=store.login("anne", PASSWORD))
        assert (done.agreements, done.audit_rows, done.log_rows) == (2, 3, 1)
        assert done.compacted
        assert store.revision("demo") == old_revision + 1
        kept = {g.id for g in store.load_region("demo", check=True).agreements}
    after = _everything(db)
    assert kept == {"I-1", "II-1", "II-0", *STAYS}
    # Each table lost exactly the rows of the two ententes, or nothing.
    goes = set(GOES)
    assert after["agreements"] == [r for r in before["agreements"] if r[2] not in goes]
    assert after["agreement_parties"] == [r for r in before["agreement_parties"]
                                          if r[1] not in goes]
    assert after["audit"] == [r for r in before["audit"]
                              if not (r[5] == "agreement" and r[6] in goes)]
    assert len(before["audit"]) - len(after["audit"]) == 3
    assert after["access_log"][:-1] == [r for r in before["access_log"] if r[6] not in goes]
    assert after["access_log"][-1][2:6] == ("anne", "admin", "", "purge")
    assert '"agreements": 2' in after["access_log"][-1][7]
    for table in ("actors", "contacts", "committees", "memberships", "ties", "assessments",
                  "answers", "figures", "accounts", "concert_meta"):
        assert after[table] == before[table], table
    assert [r[:4] for r in after["regions"]] == [r[:4] for r in before["regions"]]
    # No copy of the codes is left anywhere in the file, its free space included.
    raw = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))
    for code in GOES.values():
        assert code.encode() not in raw, code
    for id_ in GOES:
        assert f'"{id_}"'.encode() not in raw and f"\x00{id_}".encode() not in raw
    for code in STAYS.values():
        assert code.encode() in raw


def test_a_region_loaded_before_the_purge_does_not_bring_them_back(db):
    with Store(db) as dashboard, Store(db) as admin:
        region = dashboard.load_region("demo")
        admin.purge(admin.purge_plan())
        region.figures[0] = dataclasses.replace(region.figures[0], value=13)
        dashboard.save_region(region, session=dashboard.login("carl", PASSWORD))
        ids = {g.id for g in dashboard.load_region("demo").agreements}
        assert "III-old" not in ids and "III-renewal" in ids
        assert dashboard.load_region("demo").figures[0].value == 13
        assert not dashboard.history("demo", kind="agreement")["key"].isin(list(GOES)).any()


def test_only_what_the_confirmed_plan_listed_goes(db):
    with Store(db) as store:
        plan = store.purge_plan()
        shown = dataclasses.replace(plan, items=tuple(e for e in plan.items
                                                      if e.agreement == "III-old"))
        assert store.purge(shown).agreements == 1
        assert [e.agreement for e in store.purge_plan().items] == ["III-gone"]
        # An entente given a later end date since the plan was made stays.
        region = store.load_region("demo")
        later = store.purge_plan(today=dt.date(2026, 6, 1))
        assert later.goes() == {("demo", "III-gone"), ("demo", "III-recent")}
        i = next(i for i, g in enumerate(region.agreements) if g.id == "III-recent")
        region.agreements[i] = dataclasses.replace(region.agreements[i],
                                                   ends_on=dt.date(2025, 6, 1))
        store.save_region(region)
        assert store.purge(later).agreements == 1
        assert "III-recent" in {g.id for g in store.load_region("demo").agreements}


# ------------------------------------------------------------------ concert retention, purge
def test_purge_lists_then_asks_and_dry_run_changes_nothing(db):
    runner = CliRunner(env={"CONCERT_USER": "owner"})
    before = db.read_bytes()
    dry = runner.invoke(cli, ["purge", str(db), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    lines = dry.output.splitlines()
    assert lines[0] == "Ententes III terminées avant le 2023-01-15 (conservation : 24 mois) :"
    assert lines[1].split()[:2] == ["demo", "?-0001"]  # removed: its type is no longer known
    assert "déjà retirée de la région, encore dans l’historique" in lines[1]
    assert lines[2].split()[:5] == ["demo", "III-0002", "terminée", "le", "2020-06-30,"]
    assert "lignes d’historique : 1, du journal : 1" in lines[2]
    assert lines[3] == "Gardées, car sans date de fin (ajoutez-la) : III-0004"
    assert lines[4] == "Gardées, car reconduites par une entente III gardée : III-0005"
    assert lines[5] == "Essai : rien n’a été retiré."
    assert not any(id_ in dry.output for id_ in GOES)
    assert db.read_bytes() == before
    named = runner.invoke(cli, ["purge", str(db), "--dry-run", "--include-tenant-codes"])
    assert "III-old" in named.output and "III-undated" in named.output
    no = runner.invoke(cli, ["purge", str(db)], input="n\n")
    assert no.exit_code == 0 and "Retirer ces ententes III (2)" in no.stderr
    assert no.output.endswith("Rien n’a été retiré.\n") and db.read_bytes() == before
    yes = runner.invoke(cli, ["purge", str(db)], input="o\ny\n")
    assert yes.exit_code == 0, yes.output
    assert yes.output.endswith("Retiré : ententes III : 2 ; lignes d’historique : 3 ; "
                               "lignes du journal des accès : 1.\n")
    again = runner.invoke(cli, ["purge", str(db), "--yes"])
    assert again.output.startswith("Rien à retirer : aucune entente III n’a pris fin avant "
                                   "le 2023-01-15 (conservation : 24 mois).")
    log = runner.invoke(cli, ["access-log", str(db)]).output.splitlines()
    assert log[-1].split()[1:] == ["owner", "-", "-", "purge"]  # who purged, no id
    assert len(log) == len(STAYS) + 1  # the showings of the kept ententes stay


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_retention_and_purge_speak_one_language(db, lang):
    runner = CliRunner(env={"CONCERT_LANG": None})
    outputs = []
    for args in (["retention", str(db)], ["retention", str(db), "12"],
                 ["purge", str(db), "--dry-run"], ["purge", str(db), "--yes"],
                 ["access-log", str(db)], ["purge", str(db), "--yes"]):
        result = runner.invoke(cli, [*args, "--lang", lang])
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.output)
    text = "\n".join(outputs)
    assert ("Removed: agreements III: 2" in text) == (lang == "en")
    data = ["demo", "owner", "lise", "anne", "carl", str(db), db.name]
    assert not foreign(_interface_text(text, data, []), lang)


def test_purge_without_a_period_says_how_to_set_one(tmp_path):
    db = tmp_path / "cn.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["example", str(db)]).exit_code == 0
    result = runner.invoke(cli, ["purge", str(db), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: No retention period for tenant codes is set: set it first, "
                             "in months after an agreement III ended (concert retention DB "
                             "MONTHS).\n")
    shown = runner.invoke(cli, ["retention", str(db)])
    assert shown.output == (f"Aucune durée de conservation des codes de locataires n’est "
                            f"fixée dans {db}. Fixez-la avec : concert retention {db} MOIS\n")
    assert runner.invoke(cli, ["retention", str(db), "0"]).exit_code == 2
    assert runner.invoke(cli, ["retention", str(db), "36"]).exit_code == 0
    assert runner.invoke(cli, ["retention", str(db)]).output == (
        f"Durée de conservation des codes de locataires dans {db} : 36 mois après la fin "
        f"d’une entente III.\n")
