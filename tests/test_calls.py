"""The liaison agent's call log (issue 16): the record, its note's safeguard, who reads and
writes it, the counts a committee sees, the gap rule, retention and the example's year."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from _helpers import CODE, add_role_accounts, login

from concert import AccessDenied, Store, calls, privacy
from concert import framework as fw
from concert._errors import ArgumentError, NotFoundError, StoreError, ValidationError
from concert.calls import Call, note_problems
from concert.example import capitale_nationale, example_calls
from concert.gaps import call_gaps
from concert.io import write_csv
from concert.store import SCHEMA_VERSION

REF = dt.date(2026, 3, 31)
D = dt.date(2026, 1, 15)


pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "cn.db"
    with Store(path, user="owner") as store:
        store.save_region(capitale_nationale(REF))
        store.add_calls(CODE, example_calls(REF))
        add_role_accounts(store)
    return path


# ------------------------------------------------------------------ the record
@pytest.mark.parametrize(("group", "kind", "reason"), [
    ("tenant", "tenant", "listening"), ("worker", "referring_partner", "follow_up_end"),
    ("worker", "other_collaborator", "detention"), ("owner", "private_owner", "behaviour"),
    ("owner", "property_manager", "positive_support"), ("owner", "obnl", "lease_end"),
    ("owner", "omh", "partnership_end")])
def test_a_call_with_each_caller_group_travels_through_the_store(tmp_path, group, kind, reason):
    call = Call("c1", D, group, kind, (reason,), tenant_code="CEM-2026-0001" if group != "owner"
                else "", referring_org="boussole", housing_provider="omhq", tree="A",
                action="listen_inform", outcome="in_progress",
                reevaluate_on=D + dt.timedelta(days=30), note="Rappel dans un mois.")
    with Store(tmp_path / "x.db") as store:
        store.save_region(capitale_nationale(REF))
        store.add_call(CODE, call)
        assert store.calls(CODE) == [call]
        region = store.load_region(CODE)
        store.save_region(region)  # a save of the region leaves the calls alone
        assert store.calls(CODE) == [call]


def test_a_reason_must_be_in_its_groups_table():
    with pytest.raises(ValidationError) as err:
        Call("c1", D, "owner", "omh", ("listening",))
    assert err.value.rules == ["call.reason_group"]
    with pytest.raises(ValidationError) as err:
        Call("c1", D, "tenant", "omh", ("listening",))
    assert "call.kind_group" in err.value.rules
    with pytest.raises(ValidationError) as err:
        Call("c1", D, "tenant", "tenant", ())
    assert err.value.rules == ["call.reasons_required"]
    with pytest.raises(ValidationError) as err:
        Call("c1", D, "tenant", "tenant", ("rent",), reevaluate_on=D - dt.timedelta(days=1))
    assert err.value.rules == ["call.reevaluate_before"]


@pytest.mark.parametrize("code", ["Jean Tremblay", "jean", "CEM 2025", "cem-2025-1"])
def test_a_name_or_anything_but_a_code_is_refused_as_tenant_code(code):
    with pytest.raises(ValidationError) as err:
        Call("c1", D, "tenant", "tenant", ("rent",), tenant_code=code)
    assert err.value.rules == ["agreement.tenant_code"]


@pytest.mark.parametrize("note", [
    "Parlé à Jean Tremblay ce matin", "Mme Côté rappellera", "Voir dossier CEM-2025-0042",
    "code LOC0042", "Suivi avec Marie-Ève Gagnon"])
def test_the_note_refuses_codes_and_names(note):
    with pytest.raises(ValidationError) as err:
        Call("c1", D, "tenant", "tenant", ("rent",), note=note)
    assert set(err.value.rules) <= {"call.note_code", "call.note_name"} and err.value.rules


@pytest.mark.parametrize("note", [
    "Rappel prévu dans 21 jours.", "Entente de remboursement proposée; Régie du logement.",
    "Retour le 2026-02-01 avec l’OMHQ.", "Tenant will call back on Monday.",
    "Arbre A, étape A9 puis B12."])
def test_the_note_accepts_plain_notes(note):
    assert Call("c1", D, "tenant", "tenant", ("rent",), note=note).note == note


def test_the_store_refuses_a_note_naming_a_contact_or_holding_a_known_code(tmp_path):
    region = capitale_nationale(REF)
    code = next(p.tenant_code for a in region.agreements for p in a.parties if p.tenant_code)
    with Store(tmp_path / "x.db") as store:
        store.save_region(region)
        # a name in lower case passes the record's own check: only the store knows the people
        assert note_problems("a parlé à camille lévesque", "c") == []
        for note, rule in [(f"dossier {code.lower()}", "call.note_code"),
                           ("a parlé à camille lévesque", "call.note_name")]:
            with pytest.raises(ValidationError) as err:
                store.add_call(CODE, Call("c9", D, "tenant", "tenant", ("rent",), note=note))
            assert err.value.rules == [rule]
        with pytest.raises(ValidationError) as err:
            store.add_call(CODE, Call("c9", D, "tenant", "tenant", ("rent",),
                                      referring_org="nobody"))
        assert err.value.rules == ["call.unknown_actor"]
        assert store.calls(CODE) == []


# ------------------------------------------------------------------ who reads and writes
def test_only_the_liaison_role_reads_and_writes_the_rows(db):
    with Store(db) as store:
        before = db.read_bytes()
        new = Call("c-new", D, "tenant", "tenant", ("rent",), tenant_code="CEM-2026-0009")
        for role in ("admin", "committee", "reader"):
            s = login(store, role)
            with pytest.raises(AccessDenied):
                store.calls(CODE, session=s)
            with pytest.raises(AccessDenied):
                store.add_call(CODE, new, session=s)
            with pytest.raises(AccessDenied):
                store.remove_call(CODE, "appel-001", session=s)
        liaison = login(store, "liaison")
        rows = store.calls(CODE, session=liaison)
        assert len(rows) == 287 and any(c.tenant_code for c in rows)
        store.add_call(CODE, new, session=liaison)
        store.remove_call(CODE, "c-new", session=liaison)
        with pytest.raises(NotFoundError):
            store.remove_call(CODE, "c-new", session=liaison)
        log = store.access_log(CODE)
        assert "calls" in set(log["action"])
    assert before != db.read_bytes()


def test_committee_and_reader_get_counts_without_codes_ids_or_notes(db):
    with Store(db) as store:
        liaison = login(store, "liaison")
        store.add_call(CODE, Call("c-note", D, "tenant", "tenant", ("rent",),
                                  tenant_code="CEM-2026-0077", note="Rappel prévu vendredi."),
                       session=liaison)
        codes = {c.tenant_code for c in store.calls(CODE) if c.tenant_code}
        asks = [("reasons", {"group": "tenant"}), ("reasons", {"group": "worker"}),
                ("totals", {}), ("quarterly", {"by": "referring_org"}),
                ("by_organisation", {"by": "housing_provider"}),
                ("reevaluations_due", {"on": REF}), ("follow_up_end", {"on": REF})]
        for role in ("committee", "reader", "admin"):
            s = login(store, role)
            text = ""
            for table, options in asks:
                frame = store.call_counts(CODE, table, session=s, **options)
                assert not frame.empty, table
                assert not set(frame.columns) & {"id", "tenant_code", "note", "caller"}
                text += frame.to_csv()
            assert not any(code in text for code in codes)
            assert "Rappel prévu" not in text and "appel-001" not in text and "c-note" not in text
        tenants = store.call_counts(CODE, "reasons", group="tenant",
                                    session=login(store, "reader")).set_index("reason")
        assert tenants.loc["rent", "callers"] == 14 + 1
        with pytest.raises(ArgumentError):
            store.call_counts(CODE, "rows", session=login(store, "committee"))


def test_exports_and_committee_views_hold_no_call(db, tmp_path):
    with Store(db) as store:
        with pytest.raises(StoreError):  # raw rows are for exports: not the calls
            list(store.rows("calls", CODE))
        region = store.load_region(CODE)
        codes = {c.tenant_code for c in store.calls(CODE)}
        view = privacy.view(region, session=login(store, "committee"))
    assert not hasattr(region, "calls")
    paths = write_csv(view, tmp_path / "csv")
    text = "".join(p.read_text("utf-8-sig") for p in paths)
    assert not any(code in text for code in codes if code.startswith("LOC-"))
    assert "appel-001" not in text


# ------------------------------------------------------------------ the committee's tables
SEED = Path("/work/shared/seeds/000_7150e0c789458ca2.txt")


@pytest.mark.parametrize("group", ["tenant", "worker", "owner"])
def test_the_reasons_are_the_guides_verbatim_with_their_counts(group):
    g = fw.caller_group(group)
    assert g.calls == {"tenant": 140, "worker": 114, "owner": 33}[group]
    assert sum(r.count for r in g.reasons) == {"tenant": 307, "worker": 267, "owner": 75}[group]
    if SEED.is_file():
        lines = SEED.read_text("utf-8").splitlines()
        for r in g.reasons:
            line = lines[int(r.source[1:]) - 1]
            label = fw.term("call_reason", r.reason).fr
            assert line.startswith(label) and line.rstrip().endswith(f" {r.count}"), line


@pytest.mark.parametrize("group", ["tenant", "worker", "owner"])
def test_the_example_year_gives_back_the_guides_tables(group):
    table = calls.reason_table(example_calls(REF), group)
    g = fw.caller_group(group)
    assert list(table["reason"]) == list(g.reason_codes())
    assert list(table["callers"]) == [r.count for r in g.reasons]
    assert list(table["callers"]) == list(table["guide"])
    assert table["callers"].sum() == {"tenant": 307, "worker": 267, "owner": 75}[group]


def test_the_example_totals_match_the_guide():
    all_calls = example_calls(REF)
    tot = calls.totals(all_calls)
    assert list(tot["calls"]) == list(tot["guide_calls"])
    by_group = tot.groupby("caller_group")["calls"].sum().to_dict()
    assert by_group == {"tenant": 140, "worker": 114, "owner": 33}
    workers = [c for c in all_calls if c.caller_group == "worker"]
    assert len({calls.caller_key(c) for c in workers}) == 110  # 114 calls in 110 files
    assert all(c.illustrative for c in all_calls)
    assert min(c.on for c in all_calls) > REF - dt.timedelta(days=366)
    assert max(c.on for c in all_calls) <= REF


def test_a_caller_counts_once_per_reason_and_the_period_is_honoured():
    a = Call("a", D, "tenant", "tenant", ("rent",), tenant_code="CEM-1")
    b = Call("b", D + dt.timedelta(days=3), "tenant", "tenant", ("rent", "move"),
             tenant_code="CEM-1")
    c = Call("c", D + dt.timedelta(days=90), "tenant", "tenant", ("rent",))
    t = calls.reason_table([a, b, c], "tenant").set_index("reason")
    assert (t.loc["rent", "callers"], t.loc["rent", "calls"]) == (2, 3)
    assert t.loc["move", "callers"] == 1
    t = calls.reason_table([a, b, c], "tenant", end=D + dt.timedelta(days=30)).set_index("reason")
    assert (t.loc["rent", "callers"], t.loc["rent", "calls"]) == (1, 2)
    q = calls.quarterly([a, b, c])
    assert set(q["quarter"]) == {"2026-T1", "2026-T2"}


def test_an_empty_log_gives_tables_of_zeros():
    for group in ("tenant", "worker", "owner"):
        table = calls.reason_table([], group)
        assert len(table) == len(fw.caller_group(group).reasons)
        assert table["callers"].sum() == table["calls"].sum() == 0
    assert calls.totals([])["calls"].sum() == 0
    assert calls.quarterly([]).empty and calls.by_organisation([]).empty
    assert calls.reevaluations_due([], on=REF).empty
    assert calls.follow_up_end_frame([], []).empty and call_gaps([]).empty


def test_by_organisation_reevaluations_and_follow_up_end():
    region = capitale_nationale(REF)
    year = example_calls(REF)
    by_ref = calls.by_organisation(year, region.actors_by_id())
    assert by_ref["calls"].sum() == 287
    by_hp = calls.by_organisation(year, by="housing_provider")
    assert by_hp.set_index("actor").loc["omhq", "owner"] == 1
    due = calls.reevaluations_due(year, on=REF)
    dated = sum(c.reevaluate_on is not None for c in year)
    assert due[["overdue", "due_soon", "later"]].to_numpy().sum() == dated
    fe = calls.follow_up_end_frame(year, region.agreements, region.actors_by_id(), on=REF,
                                   lang="fr")
    n = sum("follow_up_end" in c.reasons for c in year)
    assert fe["follow_up_end_calls"].sum() == n == 12 + 28
    assert fe["commitment"].str.contains("réactiver le dossier").all()
    ii = {p.actor for a in region.agreements if a.type == "II" for p in a.parties}
    assert set(fe.loc[fe["agreement_ii_in_force"], "actor"]) <= ii


# ------------------------------------------------------------------ the gap rule
def _series(counts, reason="symptoms", partner="boussole"):
    out = []
    for q, n in enumerate(counts):
        day = dt.date(2025, 1 + 3 * (q % 4), 10).replace(year=2025 + q // 4)
        out += [Call(f"g{q}-{i}", day, "worker", "referring_partner", (reason,),
                     tenant_code=f"CEM-{q}-{i}", referring_org=partner) for i in range(n)]
    return out


def test_the_gap_rule_flags_a_surge_against_the_four_quarters_before():
    gaps = call_gaps(_series([1, 2, 1, 2, 6]), lang="en")
    assert list(gaps["quarter"]) == ["2026-T1"] and gaps.loc[0, "calls"] == 6
    assert gaps.loc[0, "mean"] == 1.5 and gaps.loc[0, "rule"] == "calls.surge"
    assert "boussole" in gaps.loc[0, "message"]
    assert call_gaps(_series([1, 2, 1, 2, 4])).empty  # under the minimum of 5
    assert call_gaps(_series([3, 3, 3, 3, 5])).empty  # under twice the mean
    assert call_gaps(_series([0, 0, 0, 6])).empty  # fewer than four quarters before
    assert len(call_gaps(_series([1, 2, 1, 2, 4]), minimum=4)) == 1  # a parameter
    assert len(call_gaps(_series([3, 3, 3, 3, 5]), factor=1.5)) == 1
    counts = calls.quarterly(_series([1, 2, 1, 2, 6]), by="referring_org")
    assert list(call_gaps(counts)["quarter"]) == ["2026-T1"]  # from counts only


def test_a_committee_runs_the_gap_rule_on_counts(db):
    with Store(db) as store:
        liaison = login(store, "liaison")
        later = REF + dt.timedelta(days=100)  # 2026-T3: four quarters of the log before it
        store.add_calls(CODE, [dataclasses.replace(c, id=f"surge-{i}", on=later)
                               for i, c in enumerate(_series([6], partner="boussole"))],
                        session=liaison)
        trend = store.call_counts(CODE, "quarterly", by="referring_org",
                                  session=login(store, "committee"))
    found = call_gaps(trend, lang="fr")
    assert ("boussole", "symptoms", "2026-T3") in set(
        zip(found["partner"], found["reason"], found["quarter"], strict=True))


# ------------------------------------------------------------------ retention
def test_calls_fall_under_the_retention_period_and_purge(db):
    with Store(db) as store:
        store.set_retention_months(6)
        plan = store.purge_plan(today=REF)
        cut = plan.cutoff
        year = store.calls(CODE)
        old = {c.id for c in year if max(c.on, c.reevaluate_on or c.on) < cut}
        assert old and {c.call for c in plan.calls} == old
        committee = login(store, "committee")
        with pytest.raises(AccessDenied):
            store.purge(plan, session=committee)
        result = store.purge(plan)
        assert result.calls == len(old)
        left = store.calls(CODE)
        assert {c.id for c in left} == {c.id for c in year} - old
        entry = store.access_log()
        purges = [json.loads(d) for a, d in zip(entry["action"], entry["detail"], strict=True)
                  if a == "purge"]
        assert purges and purges[-1]["calls"] == len(old)


def test_deleting_the_region_deletes_its_calls(db):
    with Store(db) as store:
        store.delete_region(CODE)
        assert store.db.execute("SELECT COUNT(*) FROM calls").fetchone()[0] == 0


def test_the_schema_version_counts_the_calls_table(db):
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 6
        cols = {r[1] for r in store.db.execute("PRAGMA table_info(calls)")}
    assert {f.name for f in dataclasses.fields(Call)} - {"on"} | {"on_date"} <= cols


def test_a_version_4_file_is_backed_up_then_given_the_calls_table(tmp_path):
    path = tmp_path / "v4.db"
    with Store(path) as store:
        store.save_region(capitale_nationale(REF))
        store.db.execute("DROP TABLE calls")
        store.db.execute("PRAGMA user_version = 4")
        store.db.execute("UPDATE concert_meta SET value = '4' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.migrated is not None and store.migrated[0] == 4
        backup = store.migrated[1]
        assert store.schema_version == SCHEMA_VERSION == 6 and store.calls(CODE) == []
        store.add_calls(CODE, example_calls(REF)[:3])
        assert len(store.calls(CODE)) == 3
        assert store.load_region(CODE, check=True) == capitale_nationale(REF)
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 4
    assert "calls" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    old.close()


# ------------------------------------------------------------------ the command line
def test_concert_calls_prints_the_rebuilt_tables_and_no_code(tmp_path):
    from click.testing import CliRunner

    from concert.cli import cli

    runner = CliRunner()
    db = tmp_path / "cn.db"
    assert runner.invoke(cli, ["example", str(db)]).exit_code == 0
    fr = runner.invoke(cli, ["calls", str(db)])
    assert fr.exit_code == 0, fr.output
    assert "tout le journal : 287" in fr.output
    assert "Tableau 11 — Locataire : 140 appels (guide : 140)" in fr.output
    assert "Tableau 12 — Intervenant(e) : 114 appels (guide : 114)" in fr.output
    assert "        101    101      101  Démarches administratives auprès de l’OMHQ" in fr.output
    assert "LOC-" not in fr.output and "appel-0" not in fr.output
    en = runner.invoke(cli, ["calls", str(db), "--lang", "en", "--json"])
    data = json.loads(en.output)
    owners = {r["reason"]: r["callers"] for r in data["tables"]["owner"]}
    assert owners["behaviour"] == 15 and data["tables"]["owner"][0]["label"].startswith(
        "Report of inappropriate")
    assert "LOC-" not in en.output
    part = runner.invoke(cli, ["calls", str(db), "--json", "--from", "2099-01-01"])
    assert all(r["callers"] == 0 for r in json.loads(part.output)["tables"]["tenant"])


def test_concert_purge_lists_and_removes_old_calls(tmp_path):
    from click.testing import CliRunner

    from concert.cli import cli

    runner = CliRunner()
    db = tmp_path / "cn.db"
    runner.invoke(cli, ["example", str(db)])
    with Store(db) as store:
        store.set_retention_months(3)
        n = len(store.purge_plan().calls)
    assert n > 0
    dry = runner.invoke(cli, ["purge", str(db), "--dry-run"])
    assert "Appels à l’agent de liaison terminés avant le" in dry.output and f": {n}" in dry.output
    done = runner.invoke(cli, ["purge", str(db), "--yes"])
    assert f"Appels à l’agent de liaison retirés : {n}." in done.output, done.output
    with Store(db) as store:
        assert len(store.calls(CODE)) == 287 - n
