"""The library and command-line half of issue 13: the regional developer's workspace.

Starting a region from nothing, saving one record at a time (two people at once),
retiring an organisation, the key-actor grid by territory, the partner directory, the
change log in words and bringing a past state back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import openpyxl
import pandas as pd
import pytest
from _helpers import stored_file
from click.testing import CliRunner
from conftest import TODAY

from concert import (
    AccessDenied,
    Account,
    Actor,
    Agreement,
    Committee,
    Contact,
    Membership,
    Party,
    RecordConflict,
    Region,
    Store,
    Tie,
    ValidationError,
    accounts,
    new_region,
    retire_actor,
    suggest_code,
)
from concert._errors import ArgumentError
from concert.changelog import change_log, restore_plan
from concert.changes import region_on
from concert.cli import cli
from concert.directory import directory
from concert.example import capitale_nationale
from concert.gaps import (
    all_gaps,
    key_actor_cells,
    key_actor_coverage,
    key_actor_grid,
    territory_gaps,
)
from concert.io.directory import neutralise, write_directory
from concert.retire import current_region, end_agreement, retire
from concert.start import split_territories

CODE = "capitale-nationale"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def stored(tmp_path):
    return stored_file(tmp_path / "cn.db", capitale_nationale(), user="setup")


def _mauricie() -> Region:
    region = new_region("Mauricie", "Trois-Rivières; Shawinigan",
                        program_name="Clés en main Mauricie")
    region.add_actor(Actor("omh-tr", "OMH de Trois-Rivières", "omh",
                           territories=["Trois-Rivières"], engagement="signatory"))
    region.add_actor(Actor("ville-tr", "Ville de Trois-Rivières", "municipality",
                           territories=["Trois-Rivières"], engagement="contacted"))
    region.add_actor(Actor("cafe", "Café de rue Le Tournant", "community_org",
                           territories=["Trois-Rivières", "Shawinigan"], roles=["referring"],
                           engagement="at_table",
                           contacts=[Contact("Léa Roy", "referring_worker",
                                             email="lea@tournant.example")]))
    region.add_actor(Actor("ciusss", "CIUSSS MCQ", "cisss",
                           territories=["Trois-Rivières", "Shawinigan"]))
    region.add_committee(Committee("cg", "gestion", "Comité de gestion"))
    region.add_membership(Membership("cg", "cafe", since=dt.date(2024, 1, 1)))
    region.add_membership(Membership("cg", "omh-tr", since=dt.date(2024, 1, 1)))
    region.add_tie(Tie("cafe", "omh-tr", "information", since=dt.date(2024, 2, 1)))
    region.add_agreement(Agreement("II-cafe", "II", [
        Party("referring_org", "cafe"), Party("program", "cles-en-main-mauricie")],
        signed_on=dt.date(2024, 3, 1)))
    return region


# ------------------------------------------------------------------ 1. start from nothing
def test_suggest_code_from_the_name():
    assert suggest_code("Mauricie–Centre-du-Québec") == "mauricie-centre-du-quebec"
    assert suggest_code("Côte-Nord", taken=["cote-nord"]) == "cote-nord-2"
    assert suggest_code("  ") == "region"


def test_new_region_with_its_program():
    region = new_region("Mauricie", "Trois-Rivières ;  ; Shawinigan", program_name="CEM")
    assert region.code == "mauricie"
    assert region.territories == ("Trois-Rivières", "Shawinigan")
    assert [(a.id, a.type, a.territories) for a in region.actors] == [
        ("cem", "program", ("Trois-Rivières", "Shawinigan"))]
    assert new_region("Mauricie", ["A"], code="04").code == "04"


def test_a_territory_twice_is_refused():
    with pytest.raises(ValidationError) as info:
        split_territories("Shawinigan; shawinigan")
    assert "deux fois" in info.value.text("fr")


def test_cli_init_writes_a_new_region_and_never_overwrites(runner, tmp_path):
    db = tmp_path / "m.db"
    result = runner.invoke(cli, ["init", str(db), "--name", "Mauricie", "--territories",
                                 "Trois-Rivières; Shawinigan", "--program", "CEM Mauricie"])
    assert result.exit_code == 0, result.output
    assert "mauricie" in result.output and "concert serve" in result.output
    with Store(db) as store:
        region = store.load_region("mauricie")
        assert region.territories == ("Trois-Rivières", "Shawinigan")
        assert [a.name for a in region.actors] == ["CEM Mauricie"]
    again = runner.invoke(cli, ["init", str(db), "--name", "Mauricie", "--territories", "X"])
    assert again.exit_code == 1 and "--code" in again.output
    with Store(db) as store:
        assert store.load_region("mauricie").territories == ("Trois-Rivières", "Shawinigan")


def test_missing_and_empty_files_point_to_init(runner, tmp_path):
    missing = runner.invoke(cli, ["maturity", str(tmp_path / "absent.db")])
    assert missing.exit_code == 1 and "concert init" in missing.output
    assert "concert example" not in missing.output
    empty = tmp_path / "empty.db"
    Store(empty).close()
    said = runner.invoke(cli, ["maturity", str(empty), "--lang", "en"])
    assert said.exit_code == 1 and "concert init" in said.output


def test_rerunning_the_readme_first_command_keeps_what_was_changed(runner, tmp_path):
    db = tmp_path / "cn.db"
    assert runner.invoke(cli, ["example", str(db)]).exit_code == 0
    with Store(db) as store:
        region = store.load_region()
        store.save_record(CODE, dataclasses.replace(region.actor("omhq"), note="changé"),
                          base=region.actor("omhq"))
    again = runner.invoke(cli, ["example", str(db)])
    assert again.exit_code == 0 and "rien n’a été écrit" in again.output
    with Store(db) as store:
        assert store.load_region().actor("omhq").note == "changé"


# ------------------------------------------------------------------ 2. record-level saves
def test_two_handles_editing_different_records_both_succeed(stored):
    with Store(stored, user="camille") as one, Store(stored, user="dominique") as two:
        r1, r2 = one.load_region(), two.load_region()
        a, b = r1.actor("omhq"), r2.actor("ciusss-cn")
        one.save_record(CODE, dataclasses.replace(a, note="par Camille"), base=a)
        two.save_record(CODE, dataclasses.replace(b, note="par Dominique"), base=b)
    with Store(stored) as store:
        region = store.load_region()
        assert region.actor("omhq").note == "par Camille"
        assert region.actor("ciusss-cn").note == "par Dominique"
        history = store.history(CODE, kind="actor")
        assert list(history["user"].tail(2)) == ["camille", "dominique"]
        assert list(history["action"].tail(2)) == ["update", "update"]


def test_editing_the_same_record_refuses_the_second_with_who_and_when(stored):
    with Store(stored, user="camille") as one, Store(stored, user="dominique") as two:
        a1, a2 = one.load_region().actor("omhq"), two.load_region().actor("omhq")
        one.save_record(CODE, dataclasses.replace(a1, note="premier"), base=a1)
        typed = dataclasses.replace(a2, note="second")
        with pytest.raises(RecordConflict) as info:
            two.save_record(CODE, typed, base=a2)
    err = info.value
    assert err.user == "camille" and err.at[:10] == dt.datetime.now(dt.UTC).date().isoformat()
    assert err.stored.note == "premier" and typed.note == "second"
    assert "camille" in err.text("fr") and "conservée" in err.text("fr")
    with Store(stored) as store:
        assert store.load_region().actor("omhq").note == "premier"


def test_a_new_record_and_the_regions_rules(stored):
    with Store(stored) as store:
        store.save_record(CODE, Actor("nouveau", "Nouvel organisme", "community_org"))
        assert store.load_region().actor("nouveau").name == "Nouvel organisme"
        with pytest.raises(ValidationError) as dup:
            store.save_record(CODE, Actor("nouveau", "Autre nom", "community_org"))
        assert "duplicate" in [p.rule for p in dup.value.problems]
        with pytest.raises(ValidationError) as unknown:
            store.save_record(CODE, Tie("nouveau", "personne", "information"))
        assert "unknown_actor" in [p.rule for p in unknown.value.problems]
        revision = store.revision(CODE)
        assert store.load_region().revision == revision  # nothing written by the refusals


def test_delete_only_what_nothing_needs(stored):
    with Store(stored) as store:
        store.save_record(CODE, Actor("erreur", "Saisi par erreur", "community_org"))
        store.delete_record(CODE, "actor", "erreur")
        assert "erreur" not in store.load_region().actors_by_id()
        assert list(store.history(CODE, kind="actor")["action"])[-1] == "delete"
        with pytest.raises(ValidationError):  # its seats and ententes still need it
            store.delete_record(CODE, "actor", "omhq")
        assert "omhq" in store.load_region().actors_by_id()


def test_roles_apply_to_record_saves(stored):
    with Store(stored) as store:
        store.add_account(Account("admin", "admin", "Admin", CODE, "cem"), "un mot de passe long")
        store.add_account(Account("lecteur", "reader", "Lecteur", CODE, "cem"),
                          "un mot de passe long")
        store.add_account(Account("camille", "committee", "Camille L.", CODE, "cem"),
                          "un mot de passe long")
        reader = store.login("lecteur", "un mot de passe long")
        committee = store.login("camille", "un mot de passe long")
        region = store.load_region()
        a = region.actor("omhq")
        with pytest.raises(AccessDenied):
            store.save_record(CODE, dataclasses.replace(a, note="x"), base=a, session=reader)
        iii = next(g for g in region.agreements if g.type == "III")
        with pytest.raises(AccessDenied):
            store.save_record(CODE, dataclasses.replace(iii, note="x"), base=iii,
                              session=committee)
        store.save_record(CODE, dataclasses.replace(a, note="x"), base=a, session=committee)
        assert store.history(CODE)["user"].iloc[-1] == "camille"


# ------------------------------------------------------------------ 3. retiring
def test_retire_an_organisation_ends_its_seats_and_ties_and_lists_its_ententes():
    region = _mauricie()
    on = dt.date(2025, 1, 10)
    done = retire_actor(region, "cafe", on=on)
    assert done.actor.until == dt.date(2025, 1, 9)
    assert [m.until for m in done.region.memberships if m.actor == "cafe"] == [dt.date(2025, 1, 9)]
    assert [t.until for t in done.region.ties] == [dt.date(2025, 1, 9)]
    assert [m.until for m in done.region.memberships if m.actor == "omh-tr"] == [None]
    assert [g.id for g in done.agreements_in_force] == ["II-cafe"]
    assert {k for k, _, _ in done.changed} == {"actor", "membership", "tie"}
    assert region.actor("cafe").until is None  # the input is unchanged
    done.region.validate()
    # Out of the map, the counts and the gaps from that date; history keeps it.
    assert "cafe" not in current_region(done.region, TODAY).actors_by_id()
    assert "cafe" in region_on(done.region, dt.date(2024, 6, 1)).actors_by_id()
    coverage = key_actor_coverage(done.region, on=TODAY)
    assert coverage.set_index("row").loc["community_support", "count"] == 0
    gaps = all_gaps(done.region, on=TODAY)
    retired = gaps[gaps["rule"] == "actor.retired_in_force"]
    assert list(retired["subject"]) == ["II-cafe"] and "transférez" in retired["message"].iloc[0]
    ended = end_agreement(done.region, "II-cafe", on=on)
    assert all_gaps(ended, on=TODAY).query("rule == 'actor.retired_in_force'").empty


def test_retire_entry_point_for_the_import(stored):
    region = _mauricie()
    out = retire(region, "actor", ["cafe", "ciusss"], dt.date(2025, 1, 1))
    assert {a.id for a in out.actors if a.until} == {"cafe", "ciusss"}
    with pytest.raises(ArgumentError) as info:
        retire(region, "assessment", ["x"], dt.date(2025, 1, 1))
    assert "évaluation" in info.value.text("fr") and "entente" in info.value.text("fr")
    # A retirement is saved in one go, over what others saved meanwhile.
    with Store(stored, user="camille") as one, Store(stored, user="dominique") as two:
        mine = one.load_region()
        other = two.load_region().actor("omhq")
        two.save_record(CODE, dataclasses.replace(other, note="entre-temps"), base=other)
        one.save_region(retire_actor(mine, "amitie", on=TODAY).region)
    with Store(stored) as store:
        after = store.load_region()
        assert after.actor("amitie").until == TODAY - dt.timedelta(days=1)
        assert after.actor("omhq").note == "entre-temps"


# ------------------------------------------------------------------ 4. the key-actor grid
def test_key_actor_grid_by_territory_and_its_gaps():
    region = _mauricie()
    grid = key_actor_grid(region, lang="fr").set_index("row")
    assert list(grid.columns[-2:]) == ["Trois-Rivières", "Shawinigan"]
    assert grid.loc["omh", "Trois-Rivières"] == "OMH de Trois-Rivières (Signataire)"
    assert grid.loc["omh", "Shawinigan"] == ""
    assert "PSL" in grid.loc["omh", "role"] and grid.loc["omh", "scope"] == "territory"
    assert grid.loc["cisss", "scope"] == "region"
    en = key_actor_grid(region, lang="en").set_index("row")
    assert en.loc["omh", "Trois-Rivières"] == "OMH de Trois-Rivières (Signatory)"
    gaps = territory_gaps(region, lang="fr")
    messages = set(gaps["message"])
    assert ("Shawinigan : il manque un OMH ou un autre fournisseur de logement social "
            "(grille des acteurs-clés, Tableau 6)") in messages
    assert any(m.startswith("Shawinigan : il manque la municipalité") for m in messages)
    assert not any(m.startswith("Trois-Rivières") for m in messages)
    assert set(gaps["subject"]) == {"housing@Shawinigan", "municipality@Shawinigan"}
    cells = key_actor_cells(region)
    assert set(cells.loc[cells["actor"] == "cafe", "territory"]) == {"Trois-Rivières",
                                                                     "Shawinigan"}
    # Retired, the referring community organisation leaves both territories uncovered.
    later = retire_actor(region, "cafe", on=dt.date(2025, 1, 1)).region
    subjects = set(territory_gaps(later, on=TODAY)["subject"])
    assert {"referring_community@Trois-Rivières", "referring_community@Shawinigan"} <= subjects


def test_the_program_is_needed_once_for_the_region():
    region = new_region("Estrie", "Sherbrooke")
    assert "program" in set(territory_gaps(region)["subject"])
    assert territory_gaps(_mauricie()).query("subject == 'program'").empty


def test_the_example_region_has_no_territory_gap():
    assert territory_gaps(capitale_nationale()).empty


# ------------------------------------------------------------------ 5. the directory
def test_directory_by_territory_with_contacts_ententes_and_committees():
    frame = directory(_mauricie(), lang="fr")
    cafe = frame[frame["actor"] == "cafe"]
    assert list(cafe["territory"]) == ["Trois-Rivières", "Shawinigan"]
    row = cafe.iloc[0]
    assert "Léa Roy" in row["contacts"] and "lea@tournant.example" in row["contacts"]
    assert row["agreements"] == "II : II-cafe" and row["committees"] == "Comité de gestion"
    assert list(frame["territory"]).index("Shawinigan") > list(frame["territory"]).index(
        "Trois-Rivières")


def test_no_tenant_ever_appears_in_the_directory(tmp_path):
    region = capitale_nationale()
    codes = {p.tenant_code for g in region.agreements for p in g.parties if p.tenant_code}
    iii_ids = {g.id for g in region.agreements if g.type == "III"}
    assert codes and iii_ids
    frame = directory(region)
    text = frame.to_csv()
    assert not any(c in text for c in codes)
    assert not any(f": {i}" in text for i in iii_ids)
    out = write_directory(region, tmp_path / "rep.csv", lang="fr")
    written = out.read_text("utf-8-sig")
    assert "Personnes-ressources" in written and not any(c in written for c in codes)
    xlsx = write_directory(region, tmp_path / "rep.xlsx", lang="en")
    cells = [str(c) for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert "Contacts" in cells and not any(c in cell for c in codes for cell in cells)


def test_formula_looking_cells_are_neutralised(tmp_path):
    region = _mauricie()
    region.actors[1] = dataclasses.replace(region.actors[1], name="=HYPERLINK(\"x\")")
    out = write_directory(region, tmp_path / "rep.xlsx")
    names = [r[2] for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    assert "'=HYPERLINK(\"x\")" in names
    assert neutralise("-1") == "'-1" and neutralise(3) == 3 and neutralise("Café") == "Café"


def test_cli_directory(runner, stored, tmp_path):
    out = tmp_path / "repertoire.xlsx"
    result = runner.invoke(cli, ["directory", str(stored), str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Répertoire"]
    assert sheet.max_row > 40
    bad = runner.invoke(cli, ["directory", str(stored), str(tmp_path / "x.pdf")])
    assert bad.exit_code == 1 and ".xlsx" in bad.output


# ------------------------------------------------------------------ 6. the change log
def test_change_log_in_words_with_fields_and_filters(tmp_path):
    db = tmp_path / "m.db"
    with Store(db, user="setup") as store:
        store.save_region(_mauricie())
        store.add_account(Account("admin", "admin", "Admin", "mauricie",
                                  "cles-en-main-mauricie"), "un mot de passe long")
        store.add_account(Account("camille", "committee", "Camille L.", "mauricie",
                                  "cles-en-main-mauricie"), "un mot de passe long")
        session = store.login("camille", "un mot de passe long")
        region = store.load_region()
        done = retire_actor(region, "cafe", on=TODAY)
        store.save_record("mauricie", done.actor, base=region.actor("cafe"), session=session)
        names = {a.name: a.display_name for a in store.accounts()}
        log = change_log(store.changes("mauricie"), lang="fr", names=names)
        assert log["sentence"].iloc[0] == \
            "Camille L. a retiré l’organisme « Café de rue Le Tournant »"
        assert log["fields"].iloc[0] == [("jusqu’au", "—", "2025-01-14")]
        assert log["verb"].iloc[0] == "retire" and log["user"].iloc[0] == "Camille L."
        en = change_log(store.changes("mauricie"), lang="en", names=names)
        assert en["sentence"].iloc[0] == \
            "Camille L. retired the organisation 'Café de rue Le Tournant'"
        only = change_log(store.changes("mauricie", kind="tie"), lang="fr", region=region)
        assert set(only["kind"]) == {"tie"}
        assert only["sentence"].iloc[-1] == (
            "setup a déclaré le lien « Café de rue Le Tournant → OMH de Trois-Rivières »")
        assert change_log(store.changes("mauricie"), kinds=["committee"])["kind"].tolist() == [
            "committee"]
        tomorrow = dt.date.today() + dt.timedelta(days=2)
        assert change_log(store.changes("mauricie"), since=tomorrow).empty
        local = pd.Timestamp(log["at"].iloc[0]).tz_convert("America/Montreal")
        assert log["at_local"].iloc[0] == local.strftime("%Y-%m-%d %H:%M")


def test_restore_a_past_state_as_a_new_audited_save(stored):
    with Store(stored, user="camille") as store:
        before = dt.datetime.now(dt.UTC)
        region = store.load_region()
        a = region.actor("omhq")
        store.save_record(CODE, dataclasses.replace(a, note="à défaire"), base=a)
        store.save_record(CODE, Actor("ajout", "Ajouté depuis", "community_org"))
        current = store.load_region()
        plan = restore_plan(current, store.region_as_of(CODE, before), lang="fr")
        assert set(zip(plan["action"], plan["key"], strict=True)) == {
            ("update", "omhq"), ("delete", "ajout")}
        assert any(then == "—" for _, _, then in
                   plan.set_index("key").loc["omhq", "fields"])
        with pytest.raises(Exception, match="modifiée|changed"):  # someone saved since
            store.restore_as_of(CODE, before, revision=current.revision - 1)
        store.restore_as_of(CODE, before, revision=current.revision)
        after = store.load_region()
        assert after.actor("omhq").note == a.note and "ajout" not in after.actors_by_id()
        assert restore_plan(after, store.region_as_of(CODE, before)).empty
        last = store.history(CODE).tail(2)
        assert set(zip(last["action"], last["key"], strict=True)) == {("update", "omhq"),
                                                                      ("delete", "ajout")}


def test_a_retirement_saved_record_by_record_all_or_nothing(stored):
    with Store(stored, user="camille") as one, Store(stored, user="dominique") as two:
        mine = one.load_region()
        done = retire_actor(mine, "archipel", on=TODAY)
        assert len(done.changed) >= 2  # the organisation and at least one seat or tie
        seat = next(m for m in two.load_region().memberships if m.actor == "archipel")
        two.save_record(CODE, dataclasses.replace(seat, person="Quelqu’un"), base=seat)
        with pytest.raises(RecordConflict) as info:
            one.save_records(CODE, [(before, after) for _, before, after in done.changed])
        assert info.value.kind == "membership" and info.value.user == "dominique"
        assert one.load_region().actor("archipel").until is None  # nothing written
        again = retire_actor(one.load_region(), "archipel", on=TODAY)
        saved = one.save_records(CODE, [(b, a) for _, b, a in again.changed])
        assert saved.actor("archipel").until == TODAY - dt.timedelta(days=1)
        assert all(m.until for m in saved.memberships if m.actor == "archipel")
        assert {k for k, _, _ in again.changed} <= set(one.history(CODE).tail(
            len(again.changed))["kind"])


def test_serve_on_a_missing_file_opens_the_new_region_page(runner, tmp_path, monkeypatch):
    import dashboards.app

    served = []
    monkeypatch.setattr(dashboards.app, "serve", lambda db, **kw: served.append(db))
    result = runner.invoke(cli, ["serve", str(tmp_path / "nouveau.db")])
    assert result.exit_code == 0, result.output
    assert served == [str(tmp_path / "nouveau.db")]
    assert not (tmp_path / "nouveau.db").exists()  # nothing written until a region is saved


def test_the_change_log_never_shows_a_tenant_code(stored):
    with Store(stored, user="camille") as store:
        region = store.load_region()
        iii = next(g for g in region.agreements if g.type == "III")
        code = next(p.tenant_code for p in iii.parties if p.tenant_code)
        changed = dataclasses.replace(iii, parties=tuple(
            dataclasses.replace(p, tenant_code="LOC-9999") if p.tenant_code else p
            for p in iii.parties))
        store.save_record(CODE, changed, base=iii)
        log = change_log(store.changes(CODE, kind="agreement"), lang="fr")
    text = " ".join(log["sentence"]) + " ".join(
        f"{f} {b} {a}" for fields in log["fields"] for f, b, a in fields)
    assert code not in text and "LOC-9999" not in text
    assert "Locataire" in text or "locataire" in text  # the party is shown by its role


def test_the_map_and_the_network_leave_a_retired_organisation_out():
    from concert import region_to_graph
    from concert.network import actor_graph

    region = _mauricie()
    assert "cafe" in region_to_graph(region, on=TODAY) and "cafe" in actor_graph(region)
    retired = retire_actor(region, "cafe", on=dt.date(2025, 1, 1)).region
    G = region_to_graph(retired, on=TODAY)
    assert "cafe" not in G and all("cafe" not in (u, v) for u, v in G.edges())
    assert "cafe" not in actor_graph(retired, on=TODAY)
    assert "cafe" in region_to_graph(retired, on=dt.date(2024, 6, 1))  # history keeps it
