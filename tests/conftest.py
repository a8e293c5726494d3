"""Shared fixtures: a tiny hand-built region, the example region, a database path.

Every test runs with ``concert.settings.language = "fr"`` and
``concert.settings.today = 2025-01-15`` (restored afterwards), so that agreement
statuses and messages do not depend on the real date or on ``CONCERT_LANG``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import concert
from concert import (
    Actor,
    Agreement,
    Answer,
    Assessment,
    Committee,
    Contact,
    Figure,
    Membership,
    Party,
    Region,
    Tie,
)
from concert.example import capitale_nationale

TODAY = dt.date(2025, 1, 15)

# Names used by the small region, shared with the tests that build on it.
LIAISON = "Camille Lévesque"
WORKER = "Diane Morin"


@pytest.fixture(autouse=True)
def _pinned_settings():
    """Pin the language and the date of every test, and restore them afterwards."""
    old_lang, old_today = concert.settings.language, concert.settings.today
    concert.settings.language = "fr"
    concert.settings.today = TODAY
    try:
        yield
    finally:
        concert.settings.language = old_lang
        concert.settings.today = old_today


@pytest.fixture
def cheap_hashes(monkeypatch):
    """scrypt at 1/32 of its cost: the tests that sign in hash dozens of passwords."""
    from concert import accounts

    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)


@pytest.fixture
def role_accounts_db(tmp_path, cheap_hashes) -> Path:
    """A database of the example region with one account per role (``_helpers.USERS``)."""
    from _helpers import add_role_accounts

    from concert import Store

    path = tmp_path / "cn.db"
    with Store(path, user="owner") as store:
        store.save_region(capitale_nationale())
        add_role_accounts(store)
    return path


def build_small_region() -> Region:
    """A tiny region built by hand through the checked ``add_*`` methods.

    - ``cem``: the program, with a liaison agent;
    - ``omh``: an OMH (housing provider);
    - ``org``: a referring community organisation with a referring worker;
    - ``I-1`` (omh-cem), ``II-1`` (org-cem, current on 2025-01-15), ``III-1``;
    - committee ``gestion`` with the three actors seated;
    - one declared tie org -> cem;
    - one assessment and one figure.
    """
    r = Region("demo", "Région de démonstration", ("Ville de Démo",))
    r.add_actor(Actor("cem", "Clés en main", "program", acronym="CEM", engagement="signatory",
                      contacts=(Contact(LIAISON, "liaison_agent"),)))
    r.add_actor(Actor("omh", "Office municipal d’habitation de Démo", "omh",
                      roles=("housing_provider",), engagement="signatory"))
    r.add_actor(Actor("org", "Organisme référent de Démo", "community_org",
                      roles=("referring",), engagement="at_table",
                      contacts=(Contact(WORKER, "referring_worker"),)))
    r.add_agreement(Agreement("I-1", "I", (Party("housing_provider", "omh"),
                                           Party("program", "cem")),
                              signed_on=dt.date(2023, 1, 1)))
    # Signed 2024-01-01 without an end date: in force until 2027-01-01 (Annexe 3, 3 years).
    r.add_agreement(Agreement("II-1", "II", (Party("program", "cem"),
                                             Party("referring_org", "org")),
                              signed_on=dt.date(2024, 1, 1)))
    r.add_agreement(Agreement("III-1", "III", (Party("tenant", tenant_code="CEM-0042"),
                                               Party("worker", "org", WORKER),
                                               Party("liaison_agent", "cem", LIAISON)),
                              signed_on=dt.date(2024, 6, 1)))
    r.add_committee(Committee("gestion", "gestion", "Comité de gestion", meetings_per_year=4))
    for aid in ("cem", "omh", "org"):
        r.add_membership(Membership("gestion", aid, since=dt.date(2023, 1, 1)))
    r.add_tie(Tie("org", "cem", "information", since=dt.date(2023, 6, 1)))
    r.add_assessment(Assessment("eval-1", dt.date(2024, 12, 1), (
        Answer("convergence.communication.1", 3, "A", "Première rencontre"),
        Answer("convergence.coordination.1", 2, "A"),
        Answer("structure.coordination.1", 1, "A"),
    ), label="Bilan"))
    r.add_figure(Figure("tenants_housed", 12, "personnes", dt.date(2024, 12, 31),
                        "Locataires logés", "Tenants housed", "démo"))
    return r


@pytest.fixture
def small_region() -> Region:
    """A fresh tiny region (see :func:`build_small_region`)."""
    return build_small_region()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a concert SQLite file, not yet created."""
    return tmp_path / "concert.db"


@pytest.fixture
def example() -> Region:
    """The bundled Capitale-Nationale example, dated around 2025-01-15."""
    return capitale_nationale(reference=TODAY)


def write_workbook(path: Path, rows: list[list[object]], sheet: str = "acteurs") -> Path:
    """Write ``rows`` as the one sheet of an Excel workbook at ``path``; return the path."""
    return write_sheets(path, {sheet: rows})


def write_sheets(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write an Excel workbook at ``path``, one sheet per entry (title -> rows), in order."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def example_file(tmp_path_factory) -> Path:
    """The example region written by ``concert example`` (once per test module)."""
    from click.testing import CliRunner

    from concert.cli import cli

    db = tmp_path_factory.mktemp("example") / "cn.db"
    result = CliRunner().invoke(cli, ["example", str(db)])
    assert result.exit_code == 0, result.output
    return db
