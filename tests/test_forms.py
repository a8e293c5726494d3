"""The dashboard's forms (issue 13, points 1-6): derived from the record schema, each rule's
message at its field before anything is saved, one-record saves, conflicts that keep what
was typed, retiring, ending, deleting after a confirmation, the grid's "add", the
directory, the change log and the "Nouvelle région" page."""

from __future__ import annotations

import datetime as dt

import panel as pn
import pytest
from conftest import LIAISON, TODAY, WORKER, build_small_region

from concert import Account, Store, accounts, schema
from concert.region import RECORD_LISTS
from dashboards.app import build_app
from dashboards.forms.editor import Editor, can_edit, pending_prefill
from dashboards.forms.record import FORM_CLASSES, HIDDEN, RecordForm
from dashboards.pages.change_log import ChangeLogPage
from dashboards.pages.directory import DirectoryPage, directory_bytes
from dashboards.pages.key_actors import KeyActorsPage, prefill_for
from dashboards.pages.new_region import NewRegionPage, region_picker, store_is_empty
from dashboards.state import DashboardState

CODE = "demo"


@pytest.fixture
def stored(db_path):
    with Store(db_path, user="setup") as store:
        store.save_region(build_small_region())
    return db_path


def state_of(db, author="Camille L.", **params):
    state = DashboardState(db_path=str(db), **params)
    state.author = author
    return state


def audit_count(db):
    with Store(db) as store:
        return len(store.changes(CODE))


def notes(form):
    """The messages shown under each field (HTML)."""
    return {n: p.object for n, p in form.notes.items() if p.object}


# ---------------------------------------------------------------- building
@pytest.mark.parametrize("kind", sorted(FORM_CLASSES))
def test_a_form_for_each_kind_has_a_widget_per_field_labelled_in_french(stored, kind):
    state = state_of(stored)
    form = Editor(state, kind).form
    cls = FORM_CLASSES[kind]
    wanted = {n for n, s in schema.specs(cls) if n not in HIDDEN and s.kind != "items"}
    assert set(form.widgets) == wanted
    for n, w in form.widgets.items():
        assert w.label.rstrip(" *").casefold() == schema.field_label(kind, n, "fr").casefold()
    if schema.nested(cls):
        assert form.items is not None


def test_labels_follow_the_language_and_keep_what_was_typed(stored):
    state = state_of(stored)
    editor = Editor(state, "actor")
    editor.form.widgets["name"].value = "Café de rue"
    editor.redraw("en")
    assert editor.form.widgets["name"].label == "Name *"
    assert editor.form.widgets["name"].value == "Café de rue"
    assert "New organisation" in " ".join(editor.chooser.options)


def test_code_fields_offer_labels_and_refs_only_allowed_records(stored):
    state = state_of(stored)
    form = Editor(state, "agreement").form
    assert "Office municipal d’habitation (OMH)" in form.widgets["type"].options or \
        set(form.widgets["type"].options.values()) == {"I", "II", "III"}
    rows = {str(r["_role"].value): r for r in form.items.rows}
    assert set(rows) == {"housing_provider", "program"}
    # Tableau 5: only a housing provider may sign as one, only the program as the program.
    assert set(rows["housing_provider"]["actor"].options.values()) == {"", "omh"}
    assert set(rows["program"]["actor"].options.values()) == {"", "cem"}
    form.widgets["type"].value = "III"
    rows = {str(r["_role"].value): r for r in form.items.rows}
    assert set(rows) == {"tenant", "worker", "liaison_agent"}
    assert set(rows["worker"]["actor"].options.values()) == {"", "org"}
    assert "Engagements de chaque partie" in form.extra.object


# ---------------------------------------------------------------- rules at the field
def _try(state, kind, fill, field, text):
    editor = Editor(state, kind)
    fill(editor.form)
    before = audit_count(state.db_path)
    assert editor.save() is False
    shown = notes(editor.form)
    assert field in shown, shown
    assert text in shown[field]
    assert audit_count(state.db_path) == before  # nothing written
    return editor


def test_every_kind_refuses_bad_input_at_the_field_with_the_rule_message(stored):
    state = state_of(stored)

    def actor(f):
        f.widgets["name"].value = ""
        f.widgets["id"].value = "nouvel"
    _try(state, "actor", actor, "name", "ce champ est obligatoire")

    def agreement(f):
        rows = {str(r["_role"].value): r for r in f.items.rows}
        rows["housing_provider"]["actor"].value = "omh"
        rows["program"]["actor"].value = "cem"
        f.widgets["signed_on"].value = "2024-05-01"
        f.widgets["ends_on"].value = "2024-01-01"
    _try(state, "agreement", agreement, "ends_on", "date de fin")

    def committee(f):
        f.widgets["meetings_per_year"].value = "quatre"
    _try(state, "committee", committee, "meetings_per_year", "nombre entier")

    def membership(f):
        f.widgets["committee"].value = "gestion"
    _try(state, "membership", membership, "actor", "ce champ est obligatoire")

    def tie(f):
        f.widgets["source"].value = "org"
        f.widgets["target"].value = "org"
        f.widgets["kind"].value = "information"
    _try(state, "tie", tie, "target", "deux acteurs différents")

    def figure(f):
        f.widgets["code"].value = "logements"
        f.widgets["value"].value = "douze"
        f.widgets["unit"].value = "logements"
        f.widgets["as_of"].value = "2024-12-31"
        f.widgets["definition_fr"].value = "Logements"
    _try(state, "figure", figure, "value", "un nombre est attendu")


def test_a_message_shows_at_the_field_as_soon_as_it_is_typed(stored):
    form = Editor(state_of(stored), "actor").form
    assert notes(form) == {}  # a new, empty form is not scolded
    form.widgets["since"].value = "2024-13-40"
    assert "AAAA-MM-JJ" in notes(form)["since"]
    form.widgets["since"].value = "2024-01-01"
    assert notes(form) == {}
    form.widgets["name"].value = "Organisme référent de Démo"  # a name already used
    assert "org" in notes(form)["name"]  # the region's rule, before any save


def test_choosing_an_entente_s_type_does_not_scold_its_parties_before_they_are_typed(stored):
    editor = Editor(state_of(stored), "agreement")
    form = editor.form
    form.widgets["type"].value = "II"
    assert "parties" not in notes(form)  # its referring organisation is not typed yet
    assert editor.save() is False  # a save attempt says what is missing, at the parties
    assert notes(form)["parties"]


def test_a_contact_s_rule_shows_at_the_contacts(stored):
    editor = Editor(state_of(stored), "actor")
    form = editor.form
    form.widgets["name"].value = "Nouvel organisme"
    form.widgets["type"].value = "community_org"
    editor.add_button.clicks += 1
    form.items.rows[0]["email"].value = "equipe@exemple.qc.ca"  # a contact without a name
    assert editor.save() is False
    assert "ce champ est obligatoire" in notes(form)["contacts"]


# ---------------------------------------------------------------- saving
def test_each_kind_saves_one_record_under_the_author_s_name(stored):
    state = state_of(stored)
    e = Editor(state, "actor")
    e.form.widgets["name"].value = "Café de rue Le Tournant"
    e.form.widgets["type"].value = "community_org"
    e.form.widgets["sector"].value = "community"
    e.form.widgets["territories"].value = ["Ville de Démo"]
    e.form.widgets["roles"].value = ["referring"]
    e.add_button.clicks += 1
    row = e.form.items.rows[0]
    row["name"].value, row["role"].value = "Alex T.", "referring_worker"
    assert e.save(), e.message
    e = Editor(state, "agreement")
    rows = {str(r["_role"].value): r for r in e.form.items.rows}
    rows["housing_provider"]["actor"].value = "omh"
    rows["program"]["actor"].value = "cem"
    e.form.widgets["signed_on"].value = "2024-03-01"
    assert e.save(), e.message
    e = Editor(state, "committee")
    e.form.widgets["kind"].value = "gestion"
    e.form.widgets["name"].value = "Comité de suivi"
    e.form.widgets["meetings_per_year"].value = "6"
    assert e.save(), e.message
    e = Editor(state, "membership")
    e.form.widgets["committee"].value = "gestion"
    e.form.widgets["actor"].value = "cafe-de-rue-le-tournant"
    assert e.save(), e.message
    e = Editor(state, "tie")
    e.form.widgets["source"].value = "cafe-de-rue-le-tournant"
    e.form.widgets["target"].value = "omh"
    e.form.widgets["kind"].value = "referral"
    assert e.save(), e.message
    e = Editor(state, "figure")
    for n, v in (("code", "units"), ("value", "12,5"), ("unit", "logements"),
                 ("as_of", "2024-12-31"), ("definition_fr", "Logements")):
        e.form.widgets[n].value = v
    assert e.save(), e.message
    with Store(stored) as store:
        region = store.load_region()
        log = store.changes(CODE)
    assert region.actor("cafe-de-rue-le-tournant").contacts[0].name == "Alex T."
    assert len(region.agreements) == 4 and len(region.committees) == 2
    assert any(m.actor == "cafe-de-rue-le-tournant" for m in region.memberships)
    assert any(f.code == "units" and f.value == 12.5 for f in region.figures)
    mine = [c for c in log if c["user"] == "Camille L."]
    assert [c["kind"] for c in mine] == ["actor", "agreement", "committee", "membership",
                                        "tie", "figure"]


def test_without_a_name_nothing_is_saved_and_the_name_is_asked(stored):
    state = state_of(stored, author="")
    before = audit_count(stored)
    e = Editor(state, "committee")
    e.form.widgets["kind"].value = "gestion"
    assert e.save() is False
    assert "votre nom" in e.message
    assert audit_count(stored) == before


def test_two_sessions_editing_different_records_both_succeed(stored):
    a, b = state_of(stored, "Alice"), state_of(stored, "Bruno")
    ea, eb = Editor(a, "actor"), Editor(b, "actor")
    ea.choose("omh")
    eb.choose("org")
    ea.form.widgets["acronym"].value = "OMHD"
    eb.form.widgets["acronym"].value = "ORD"
    assert ea.save() and eb.save(), (ea.message, eb.message)
    with Store(stored) as store:
        region = store.load_region()
    assert (region.actor("omh").acronym, region.actor("org").acronym) == ("OMHD", "ORD")


def test_the_same_record_refuses_the_second_save_with_who_and_when_and_keeps_the_text(stored):
    a, b = state_of(stored, "Alice"), state_of(stored, "Bruno")
    ea, eb = Editor(a, "actor"), Editor(b, "actor")
    ea.choose("omh")
    eb.choose("omh")
    ea.form.widgets["note"].value = "Alice's note"
    assert ea.save()
    eb.form.widgets["note"].value = "Bruno a tapé ceci"
    assert eb.save() is False
    assert "Alice" in eb.message and "conservé" in eb.message
    assert str(TODAY.year) in eb.message or dt.date.today().isoformat()[:4] in eb.message
    assert eb.form.widgets["note"].value == "Bruno a tapé ceci"
    eb.redraw("fr")  # drawn again (a language switch, a reload): still there
    assert eb.form.widgets["note"].value == "Bruno a tapé ceci"
    with Store(stored) as store:
        assert store.load_region().actor("omh").note == "Alice's note"


# ---------------------------------------------------------------- retire, end, delete
def test_retiring_an_organisation_lists_its_ententes_in_force(stored):
    state = state_of(stored)
    e = Editor(state, "actor")
    e.choose("org")
    e.end_date.value = "2025-01-10"
    e.end()
    assert "à terminer ou à transférer" in e.message and "II" in e.message
    assert state.region.actor("org").until == dt.date(2025, 1, 9)
    assert all(m.until for m in state.region.memberships if m.actor == "org")
    assert "(retiré)" in " ".join(e.chooser.options)


def test_ending_an_entente(stored):
    state = state_of(stored)
    e = Editor(state, "agreement")
    e.choose("I-1")
    e.end_date.value = "2025-01-01"
    e.end()
    assert state.region.agreement("I-1").ends_on == dt.date(2024, 12, 31)


def test_deleting_asks_to_confirm_first(stored):
    state = state_of(stored)
    e = Editor(state, "figure")
    e.chooser.value = next(iter(v for v in e.chooser.options.values() if v != "__new__"))
    e.ask_delete()
    assert e.confirm.visible and "erreur de saisie" in e.confirm.objects[0].object
    assert len(state.region.figures) == 1  # nothing yet
    e.delete()
    assert state.region.figures == []
    e = Editor(state, "actor")
    e.choose("omh")
    e.delete()  # still named by an entente: refused, said
    assert "Rien n’a été supprimé" in e.message and state.region.actor("omh")


# ---------------------------------------------------------------- who sees forms
def test_presentation_mode_and_the_reader_role_show_no_form(stored, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    state = state_of(stored)
    assert can_edit(state)
    state.presentation = True
    assert not can_edit(state)
    with Store(stored) as store:
        org = {"region": CODE, "organisation": "cem"}
        store.add_account(Account("ad", "admin", **org), "un mot de passe assez long 0")
        admin = store.session("ad")
        store.add_account(Account("lou", "reader", **org), "un mot de passe assez long",
                          session=admin)
        store.add_account(Account("cam", "liaison", **org), "un mot de passe assez long 2",
                          session=admin)
        reader, liaison = store.session("lou"), store.session("cam")
    assert not can_edit(state_of(stored, session=reader))
    assert can_edit(state_of(stored, session=liaison))


def test_stored_tenant_codes_are_not_shown_without_a_role_that_may_see_them(stored):
    state = state_of(stored)
    e = Editor(state, "agreement")
    # Its id may be a tenant's file number: neither the labels nor the values sent name it.
    assert not any("III-1" in label for label in e.chooser.options)
    assert not any("III-1" in value for value in e.chooser.options.values())
    e.choose("III-1")
    tenant = next(r for r in e.form.items.rows if r["_role"].value == "tenant")
    assert tenant["tenant_code"].value == ""
    assert "CEM-0042" not in str(e.panel())
    e.form.widgets["note"].value = "Suivi"
    assert e.save(), e.message
    with Store(stored) as store:
        iii = store.load_region().agreement("III-1")
    assert iii.party("tenant").tenant_code == "CEM-0042" and iii.note == "Suivi"


def test_an_entente_iii_takes_the_tenant_code_on_entry(stored):
    state = state_of(stored)
    e = Editor(state, "agreement")
    e.form.widgets["type"].value = "III"
    rows = {str(r["_role"].value): r for r in e.form.items.rows}
    rows["tenant"]["tenant_code"].value = "CEM-0077"
    rows["worker"]["actor"].value = "org"
    rows["worker"]["person"].value = WORKER
    rows["liaison_agent"]["actor"].value = "cem"
    rows["liaison_agent"]["person"].value = LIAISON
    e.form.widgets["signed_on"].value = "2024-09-01"
    assert e.save(), e.message
    with Store(stored) as store:
        codes = [g.party("tenant").tenant_code for g in store.load_region().agreements
                 if g.type == "III"]
    assert "CEM-0077" in codes


# ---------------------------------------------------------------- the other pages
def test_the_grid_s_add_opens_the_organisation_form_prefilled(stored):
    values = prefill_for("omh", "Ville de Démo")
    assert values["type"] == "omh" and values["territories"] == ("Ville de Démo",)
    state = state_of(stored)
    with Store(stored) as store:
        region = store.load_region()
        region.territories = ("Ville de Démo", "Autre Ville")
        store.save_region(region)
    state.reload()
    page = KeyActorsPage(state)
    page.__panel__()
    grid = page._grid()
    assert "Autre Ville" in grid.object and "⚠" in grid.object
    choice = {label: v for label, v in page.gap_choice.options.items() if "Autre Ville" in label}
    assert choice and all("Ville de Démo" not in label for label in choice)
    page.gap_choice.value = next(v for v in choice.values() if v.startswith("omh@"))
    page.add_button.clicks += 1
    assert state.page == "organisations"
    assert pending_prefill(state, "actor")["territories"] == ("Autre Ville",)


def test_the_directory_page_escapes_and_downloads(stored):
    with Store(stored) as store:
        region = store.load_region()
        omh = region.actor("omh")
        import dataclasses
        region.actors[region.actors.index(omh)] = dataclasses.replace(
            omh, name="<img src=x onerror=alert(1)>")
        store.save_region(region)
    state = state_of(stored)
    page = DirectoryPage(state)
    html = page._table()
    assert "&lt;img src=x" in html and "<img" not in html
    assert "CEM-0042" not in html
    assert directory_bytes(state, ".csv", "fr").getvalue().startswith(b"\xef\xbb\xbf") or \
        b"Territoire" in directory_bytes(state, ".csv", "fr").getvalue()


def test_the_change_log_page_says_who_changed_what_and_brings_a_past_state_back(stored):
    state = state_of(stored)
    e = Editor(state, "actor")
    e.choose("omh")
    e.form.widgets["acronym"].value = "OMHD"
    assert e.save()
    page = ChangeLogPage(state)
    layout = page.__panel__()
    text = str([getattr(o, "object", "") for o in _walk(layout)])
    assert "Camille L. a modifié l’organisme" in text and "OMHD" in text
    assert page.notice == ""


def test_the_change_log_never_names_an_entente_iii_by_its_id(stored):
    state = state_of(stored)
    e = Editor(state, "agreement")
    e.choose("III-1")
    e.form.widgets["note"].value = "Suivi"
    assert e.save(), e.message
    page = ChangeLogPage(state)
    text = str([getattr(o, "object", "") for o in _walk(page.__panel__())])
    assert "III-0001" in text and "III-1" not in text and "CEM-0042" not in text


def _walk(obj):
    yield obj
    for child in getattr(obj, "objects", []) or []:
        yield from _walk(child)


def test_the_new_region_page_writes_nothing_until_saved(tmp_path):
    db = tmp_path / "nouveau.db"
    assert store_is_empty(db)
    app = build_app(db)
    assert list(app.dashboard_pages) == ["new_region"]
    assert not db.exists()
    page = app.dashboard_pages["new_region"]
    layout = page.__panel__()
    widgets = {id(w): w for w in _walk(layout) if hasattr(w, "value") and
               isinstance(getattr(w, "name", None), str)}
    fields = [w for w in _walk(layout) if type(w).__name__ in ("TextInput", "TextAreaInput")]
    name, code, territories, program = fields[:4]
    name.value = "Mauricie–Centre"
    assert code.value == "mauricie-centre"
    territories.value = "Trois-Rivières\nShawinigan"
    program.value = "Clés en main Mauricie"
    assert not db.exists()
    save = next(w for w in _walk(layout) if type(w).__name__ == "Button")
    save.clicks += 1
    assert page.notice and "créée" in page.notice, page.notice
    with Store(db) as store:
        region = store.load_region()
    assert region.territories == ("Trois-Rivières", "Shawinigan")
    assert [a.type for a in region.actors] == ["program"]
    assert not store_is_empty(db) and widgets


def test_the_region_picker_shows_with_several_regions(stored):
    state = state_of(stored)
    picker = region_picker(state)
    assert not picker.visible
    other = build_small_region()
    other.code, other.name = "autre", "Autre région"
    state.create_region(other)
    assert state.region.code == "autre"
    picker = region_picker(state)
    assert picker.visible and set(picker.options.values()) == {"demo", "autre"}
    picker.value = "demo"
    assert state.region.code == "demo"


def test_every_form_kind_is_a_region_list():
    assert set(FORM_CLASSES) <= set(RECORD_LISTS)
    assert isinstance(RecordForm, type) and NewRegionPage.slug == "new_region"


def test_a_role_that_may_see_tenant_codes_sees_them_and_the_showing_is_logged(stored):
    org = {"region": CODE, "organisation": "cem"}
    with Store(stored) as store:
        accounts.SCRYPT_N, old = 2**10, accounts.SCRYPT_N
        try:
            store.add_account(Account("ad", "admin", **org), "un mot de passe assez long 0")
            store.add_account(Account("cam", "liaison", **org), "un mot de passe assez long 2",
                              session=store.session("ad"))
        finally:
            accounts.SCRYPT_N = old
    store = Store(stored)
    state = state_of(stored, session=store.session("cam"))
    e = Editor(state, "agreement")
    e.choose("III-1")
    tenant = next(r for r in e.form.items.rows if r["_role"].value == "tenant")
    assert tenant["tenant_code"].value == "CEM-0042"
    log = store.access_log(session=store.session("ad"))
    assert len(log) == 1
    store.close()


def test_the_name_given_on_one_page_fills_every_page_s_name_box(stored):
    from dashboards.forms.editor import author_box

    state = state_of(stored, author="")
    first = author_box(state, state.param.lang)
    second = author_box(state, state.param.lang)  # a page built earlier, or later
    box = next(iter(first.select(pn.widgets.TextInput)))
    box.value = "Camille L."
    assert state.author == "Camille L."
    assert next(iter(second.select(pn.widgets.TextInput))).value == "Camille L."
