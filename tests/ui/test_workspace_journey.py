"""The regional developer's journey through the interface only (issue 13), and two people
saving at once.

From an empty file: a new region with two territories, 10 organisations, an entente of each
type, a comité de gestion with 5 seats, one retired organisation, a first self-assessment,
then the committee's report downloaded; the map, the key-actor grid, the gaps and the change
log show what was entered. The time the journey takes is printed.

Then two browser sessions on one file: different records both save; the same record refuses
the second save, says who changed it and when, and keeps what was typed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import READY, TODAY, serve_dashboard
from playwright.sync_api import expect
from test_dashboard import _shadow_text

from concert.example import capitale_nationale
from concert.store import Store

AUTHOR = "Camille L."
TIMEOUT = 20_000
NAME_LABEL = "Votre nom (pour le journal des modifications)"

# name, type, sector-free: the type's own, territories, roles, engagement
ORGANISATIONS = [
    ("OMH de Trois-Rivières", "Office municipal d’habitation (OMH)", ["Trois-Rivières"], [],
     "Signataire"),
    ("OMH de Shawinigan", "Office municipal d’habitation (OMH)", ["Shawinigan"], [],
     "À la table"),
    ("Ville de Trois-Rivières", "Municipalité ou MRC", ["Trois-Rivières"], [], "Contacté"),
    ("Ville de Shawinigan", "Municipalité ou MRC", ["Shawinigan"], [], "Identifié"),
    ("CIUSSS MCQ", "CISSS ou CIUSSS", ["Trois-Rivières", "Shawinigan"], [], "À la table"),
    ("Point de rue", "Organisme communautaire", ["Trois-Rivières"], ["Organisme référent"],
     "Signataire"),
    ("Café de rue Le Tournant", "Organisme communautaire", ["Shawinigan"],
     ["Organisme référent"], "À la table"),
    ("Association des familles MCQ", "Association de personnes utilisatrices et de familles",
     ["Trois-Rivières"], [], "Contacté"),
    ("Coopérative du Boisé", "Coopérative d’habitation", ["Shawinigan"], [], "Identifié"),
]
PROGRAM = "Clés en main Mauricie"


@pytest.fixture
def journey_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "nouveau.db"
    with serve_dashboard(db, tmp_path / "server.log") as url:
        yield url, db


def wait_ready(page: Any) -> None:
    page.wait_for_function(READY, timeout=60_000)


def field(page: Any, label: str, nth: int = 0) -> Any:
    return page.get_by_label(label, exact=True).filter(visible=True).nth(nth)


def fill(page: Any, label: str, value: str, nth: int = 0) -> None:
    box = field(page, label, nth)
    box.fill(value)
    box.press("Tab")


def select(page: Any, label: str, option: str, nth: int = 0) -> None:
    field(page, label, nth).select_option(label=option)


def multi(page: Any, options: list[str]) -> None:
    """Tick the check boxes ``options``."""
    for option in options:
        field(page, option).check()


def go(page: Any, menu: str) -> None:
    page.get_by_role("button", name=menu, exact=True).click()
    page.get_by_role("heading", name=menu, exact=True).first.wait_for(timeout=TIMEOUT)


def save(page: Any, message: str) -> None:
    page.get_by_role("button", name="Enregistrer", exact=True).filter(visible=True).click()
    try:
        page.get_by_text(message).filter(visible=True).first.wait_for(timeout=TIMEOUT)
    except Exception:
        said = _shadow_text(page)
        at = said.find("Rien n")
        pytest.fail(f"not saved ({message}): {said[at:at + 600] if at >= 0 else said[-600:]}")
    # The saved record is open again (its delete button shows): the server is done.
    expect(delete_button(page)).to_be_visible(timeout=TIMEOUT)


def delete_button(page: Any) -> Any:
    return page.get_by_role("button", name="Supprimer (erreur de saisie)").filter(visible=True)


def open_organisation(page: Any, organisation: str) -> None:
    select(page, "Enregistrement à modifier", organisation)
    expect(field(page, "Nom *")).to_have_value(organisation, timeout=TIMEOUT)


def new(page: Any, what: str) -> None:
    select(page, "Enregistrement à modifier", what)
    expect(delete_button(page)).to_have_count(0, timeout=TIMEOUT)  # the new, empty form


def add_organisation(page: Any, name: str, kind: str, territories: list[str],
                     roles: list[str], engagement: str) -> None:
    new(page, "+ Nouvel organisme")
    fill(page, "Nom *", name)
    select(page, "Type *", kind)
    multi(page, territories)
    multi(page, roles)
    select(page, "Engagement", engagement)
    save(page, f"« {name} » enregistré.")


def add_contact(page: Any, organisation: str, person: str, role: str) -> None:
    open_organisation(page, organisation)
    page.get_by_role("button", name="+ Ajouter une personne-ressource").click()
    fill(page, "Nom *", person, nth=1)
    select(page, "Rôle", role)
    save(page, f"« {organisation} » enregistré.")


def test_the_whole_journey_through_the_interface(page: Any, journey_server: Any,
                                                  tmp_path: Path) -> None:
    url, db = journey_server
    start = time.monotonic()
    page.goto(url)
    wait_ready(page)
    # 1. An empty file opens "Nouvelle région"; nothing is written before saving.
    page.get_by_role("heading", name="Nouvelle région").first.wait_for(timeout=TIMEOUT)
    assert not db.exists()
    fill(page, "Nom de la région *", "Mauricie")
    expect(field(page, "Code (proposé à partir du nom)")).to_have_value("mauricie")
    field(page, "Territoires (un par ligne, ou séparés par « ; »)").fill(
        "Trois-Rivières\nShawinigan")
    fill(page, "Organisme du programme", PROGRAM)
    fill(page, NAME_LABEL, AUTHOR)
    page.get_by_role("button", name="Créer la région").click()
    page.wait_for_url("**page=organisations**", timeout=TIMEOUT)
    wait_ready(page)
    page.get_by_role("heading", name="Organismes", exact=True).first.wait_for()

    # 2. Ten organisations: the program and nine more; contacts for entente III.
    fill(page, NAME_LABEL, AUTHOR)
    for org in ORGANISATIONS:
        add_organisation(page, *org)
    add_contact(page, PROGRAM, "Julie Roy", "Agent(e) de liaison")
    add_contact(page, "Point de rue", "Marc Tessier", "Intervenant(e) référent(e)")

    # 3. An entente of each type.
    go(page, "Saisie des ententes")
    select(page, "Propriétaire ou gestionnaire de logements *", "OMH de Trois-Rivières")
    select(page, "Programme (Clés en main) *", PROGRAM)
    fill(page, "Signée le", "2024-09-01")
    save(page, "enregistré.")
    new(page, "+ Nouvelle entente")
    select(page, "Type *", "Entente II — programme et organisme référent")
    page.wait_for_timeout(300)
    select(page, "Programme (Clés en main) *", PROGRAM)
    select(page, "Organisme référent *", "Point de rue")
    fill(page, "Signée le", "2024-10-01")
    save(page, "enregistré.")
    new(page, "+ Nouvelle entente")
    select(page, "Type *", "Entente III — locataire, intervenant(e) référent(e) et agent(e) "
                           "de liaison")
    page.wait_for_timeout(300)
    fill(page, "Code locataire *", "MAU-0001")
    select(page, "Intervenant(e) référent(e) *", "Point de rue")
    fill(page, "Intervenant(e) référent(e) : personne *", "Marc Tessier")
    select(page, "Agent(e) de liaison *", PROGRAM)
    fill(page, "Agent(e) de liaison : personne *", "Julie Roy")
    fill(page, "Signée le", "2024-11-01")
    save(page, "enregistré.")

    # 4. A comité de gestion with five seats.
    go(page, "Comités et sièges")
    select(page, "Type *", "Comité de gestion")
    fill(page, "Nom", "Comité de gestion Mauricie")
    save(page, "« Comité de gestion Mauricie » enregistré.")
    page.get_by_role("button", name="Sièges", exact=True).click()
    expect(field(page, "Enregistrement à modifier")).to_contain_text("Nouveau siège")
    seated = [PROGRAM, "OMH de Trois-Rivières", "CIUSSS MCQ", "Point de rue",
              "Ville de Trois-Rivières"]
    for actor in seated:
        new(page, "+ Nouveau siège")
        select(page, "Comité *", "Comité de gestion Mauricie")
        select(page, "Acteur *", actor)
        save(page, "enregistré.")

    # 5. One organisation retired.
    go(page, "Organismes")
    open_organisation(page, "Coopérative du Boisé")
    fill(page, "À compter du (AAAA-MM-JJ)", TODAY.isoformat())
    page.get_by_role("button", name="Retirer l’organisme").click()
    page.get_by_text("Organisme retiré à compter du").first.wait_for(timeout=TIMEOUT)

    # 6. A first self-assessment.
    go(page, "Auto-évaluation")
    field(page, "Présence d’une première volonté de travailler ensemble").select_option(
        label="3 — Bien établi")
    page.get_by_role("button", name="Enregistrer l’évaluation").click()
    page.get_by_text("Évaluation « eval-").first.wait_for(timeout=TIMEOUT)

    # 7. The report, downloaded from the dashboard.
    go(page, "Répertoire des partenaires")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_text("Télécharger le rapport du comité (HTML)").click()
    report = tmp_path / "rapport.html"
    info.value.save_as(report)
    elapsed = time.monotonic() - start
    print(f"\nJOURNEY: empty file to downloaded report in {elapsed:.1f} s")
    html = report.read_text(encoding="utf-8")
    assert "Mauricie" in html and "MAU-0001" not in html

    # What was entered shows on the grid, the gaps, the change log and the map.
    text = _shadow_text(page)
    assert "Point de rue" in text and "Julie Roy" in text and "Coopérative du Boisé" not in text
    go(page, "Grille des acteurs-clés")
    text = _shadow_text(page)
    assert "OMH de Shawinigan" in text and "Café de rue Le Tournant" in text
    assert "Coopérative du Boisé" not in text  # retired: out of the grid
    go(page, "Journal des modifications")
    text = _shadow_text(page)
    assert f"{AUTHOR} a retiré l’organisme « Coopérative du Boisé »" in text
    assert f"{AUTHOR} a ajouté l’organisme « OMH de Trois-Rivières »" in text
    assert "MAU-0001" not in text
    go(page, "Carte des acteurs")
    page.wait_for_timeout(1500)
    with Store(db) as store:
        region = store.load_region()
    assert len(region.actors) == 10 and len(region.agreements) == 3
    assert {g.type for g in region.agreements} == {"I", "II", "III"}
    assert len(region.memberships) == 5 and len(region.assessments) == 1
    assert region.actor("cooperative-du-boise").until is not None
    assert region.territories == ("Trois-Rivières", "Shawinigan")


# ---------------------------------------------------------------- two people at once
@pytest.fixture
def shared_server(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "partage.db"
    with Store(db) as store:
        store.save_region(capitale_nationale(reference=TODAY))
    with serve_dashboard(db, tmp_path / "server.log") as url:
        yield url


def _open_organisation(browser: Any, url: str, who: str, organisation: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url + "?page=organisations")
    wait_ready(page)
    fill(page, NAME_LABEL, who)
    select(page, "Enregistrement à modifier", organisation)
    expect(delete_button(page)).to_be_visible(timeout=TIMEOUT)
    return page


def test_two_sessions_different_records_both_save_same_record_refused(
        browser: Any, shared_server: str) -> None:
    url = shared_server
    omhq = "Office municipal d’habitation de Québec (OMHQ)"
    alice = _open_organisation(browser, url, "Alice", omhq)
    bruno = _open_organisation(browser, url, "Bruno", omhq)
    carla = _open_organisation(browser, url, "Carla", "Porte-Clés")
    fill(alice, "Note", "Note d’Alice")
    fill(carla, "Note", "Note de Carla")
    save(alice, "enregistré.")
    save(carla, "enregistré.")  # another record: both succeed
    typed = "Bruno a tapé ce texte"
    fill(bruno, "Note", typed)
    bruno.get_by_role("button", name="Enregistrer", exact=True).click()
    bruno.get_by_text("Rien n’a été enregistré, ce que vous avez saisi est conservé").first \
        .wait_for(timeout=TIMEOUT)
    text = _shadow_text(bruno)
    assert "Alice" in text  # who changed it
    assert "2025-" in text or "2026-" in text  # and when (local time)
    expect(field(bruno, "Note")).to_have_value(typed)
