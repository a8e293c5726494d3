"""The ``concert`` command, through click's CliRunner."""

from __future__ import annotations

import json
import sqlite3

import networkx as nx
import pytest
from click.testing import CliRunner

from concert import read_gexf, read_graphml
from concert.cli import cli
from concert.store import Store


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def example_db(runner, tmp_path):
    db = tmp_path / "cn.db"
    result = runner.invoke(cli, ["example", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_example_writes_the_region(runner, tmp_path):
    db = tmp_path / "cn.db"
    result = runner.invoke(cli, ["example", str(db)])
    assert result.exit_code == 0
    assert "Région exemple" in result.output and "47 acteurs" in result.output
    with Store(db) as store:
        assert [c for c, _ in store.regions()] == ["capitale-nationale"]


def test_example_refuses_to_overwrite_without_replace(runner, example_db):
    # Run again (the README's first command), it writes nothing and lets `serve` follow.
    result = runner.invoke(cli, ["example", str(example_db)])
    assert result.exit_code == 0
    assert "--replace" in result.output and "rien n’a été écrit" in result.output
    assert runner.invoke(cli, ["example", str(example_db), "--replace"]).exit_code == 0


def test_maturity_text_in_french_by_default(runner, example_db):
    result = runner.invoke(cli, ["maturity", str(example_db)])
    assert result.exit_code == 0, result.output
    # The four indicators, in French, and the region's stage.
    for name in ("Convergence des acteurs", "Structure du projet", "Climat",
                 "Mutualisation des compétences et des ressources", "Stade de la région"):
        assert name in result.output
    assert "Entre coordination et coopération" in result.output


def test_maturity_in_english(runner, example_db):
    result = runner.invoke(cli, ["maturity", str(example_db), "--lang", "en"])
    assert result.exit_code == 0
    assert "Project structure" in result.output and "Region stage" in result.output


def test_maturity_json_lists_reasons(runner, example_db):
    result = runner.invoke(cli, ["maturity", str(example_db), "--json",
                                 "--region", "capitale-nationale"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [i["indicator"] for i in data["indicators"]] == [
        "convergence", "structure", "mutualisation", "climat"]
    structure = data["indicators"][1]
    # The example's latest assessment leaves joint planning only emerging.
    assert structure["stage"] == "coordination" and structure["towards"] == "cooperation"
    assert [m["code"] for m in structure["missing"]] == ["structure.cooperation.1"]
    assert structure["guidance"].startswith("Durant le stade de coopération")
    assert data["region_stage"]["position"] == 2.5


def test_maturity_of_an_older_assessment(runner, example_db):
    result = runner.invoke(cli, ["maturity", str(example_db), "--assessment", "eval-1",
                                 "--json"])
    data = json.loads(result.output)
    assert data["assessment"]["id"] == "eval-1"
    assert data["region_stage"]["position"] == 1.5


def test_missing_file_is_a_clear_error_and_creates_nothing(runner, tmp_path):
    db = tmp_path / "absent.db"
    result = runner.invoke(cli, ["maturity", str(db)])
    assert result.exit_code == 1
    assert "Fichier introuvable" in result.output and "concert init" in result.output
    assert not db.exists()


def test_errors_follow_the_language(runner, tmp_path):
    result = runner.invoke(cli, ["maturity", str(tmp_path / "x.db"), "--lang", "en"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: File not found")


def test_unknown_region_and_assessment(runner, example_db):
    r1 = runner.invoke(cli, ["maturity", str(example_db), "--region", "nowhere"])
    assert r1.exit_code == 1 and "nowhere" in r1.output
    r2 = runner.invoke(cli, ["maturity", str(example_db), "--assessment", "nope"])
    assert r2.exit_code == 1 and "nope" in r2.output


def test_not_a_concert_file(runner, tmp_path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE dogs (name TEXT)")
    result = runner.invoke(cli, ["maturity", str(db)])
    assert result.exit_code == 1
    assert "pas une base concert" in result.output


def test_empty_store_says_how_to_fill_it(runner, tmp_path):
    db = tmp_path / "empty.db"
    Store(db).close()
    result = runner.invoke(cli, ["maturity", str(db)])
    assert result.exit_code == 1 and "concert init" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "node-link"])
def test_export_graph_formats(runner, example_db, tmp_path, fmt):
    out = tmp_path / "sub" / f"g.{fmt}"
    result = runner.invoke(cli, ["export", str(example_db), "--format", fmt, str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "graphml":
        G = read_graphml(out)
    elif fmt == "gexf":
        G = read_gexf(out)
    else:
        G = nx.node_link_graph(json.loads(out.read_text("utf-8")), edges="edges")
    assert G.nodes["omhq"]["type"] == "omh"
    # No tenant code leaves by default.
    assert "CEM-" not in out.read_text("utf-8")


def test_export_json_data_reimports(runner, example_db, tmp_path):
    out = tmp_path / "cn.json"
    assert runner.invoke(cli, ["export", str(example_db), "--format", "json", str(out)]
                         ).exit_code == 0
    data = json.loads(out.read_text("utf-8"))
    assert len(data["acteurs"]) == 47 and data["résumé"][0]["ententes III"] == 10
    assert "CEM-" not in out.read_text("utf-8")
    result = runner.invoke(cli, ["import", str(tmp_path / "copy.db"), str(out)])
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "copy.db") as store:
        copy = store.load_region("capitale-nationale")
    # Everything but the 10 agreements III, left out of a default export.
    assert len(copy.actors) == 47 and len(copy.agreements) == 37
    assert not [a for a in copy.agreements if a.type == "III"]


def test_export_tenant_codes_only_on_request(runner, example_db, tmp_path):
    out = tmp_path / "g.graphml"
    runner.invoke(cli, ["export", str(example_db), "--format", "graphml", str(out),
                        "--include-tenant-codes"])
    assert "CEM-" in out.read_text("utf-8")


def test_export_bad_format(runner, example_db, tmp_path):
    result = runner.invoke(cli, ["export", str(example_db), "--format", "pdf",
                                 str(tmp_path / "x")])
    assert result.exit_code == 2


def test_regions_lists_codes(runner, example_db):
    result = runner.invoke(cli, ["regions", str(example_db)])
    assert result.exit_code == 0 and "capitale-nationale" in result.output


def test_every_command_has_help():
    runner = CliRunner()
    for name in cli.commands:
        for lang, example in (("fr", "Exemple :"), ("en", "Example:")):
            result = runner.invoke(cli, [name, "-h", "--lang", lang])
            assert result.exit_code == 0, name
            assert example in result.output, (name, lang)
