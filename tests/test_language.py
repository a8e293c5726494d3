"""One path for the language: the library says codes and renders them in the language asked
for; the command line passes its language to every text; every text exists in both languages.

The last tests run every command of ``concert`` in French and in English and check, with the
words of the translation table itself, that no interface text of the other language slips in.
"""

from __future__ import annotations

import dataclasses
import json
import re
import string
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from vocabulary import data_strings, foreign, without_names, words

import concert
from concert import Store, i18n, maturity, read_gexf, region_to_graph
from concert import framework as fw
from concert._errors import Label, Message, NotFoundError, Problem
from concert.cli import cli
from concert.graph import node_label, write_gexf, write_graphml
from concert.io import ImportFailed, import_files

FORMATTER = string.Formatter()

# Entries whose French and English texts are rightly the same word.
SAME_IN_BOTH = {
    "click.options", "click.options_metavar", "dash.nav", "dash.total", "dash.matrix.where",
    "dash.fig.type", "dash.map.type", "dash.map.engagement", "dash.agr.parties", "dash.hist.date",
    "dash.report.title", "field.code", "field.type", "field.engagement", "field.note",
    "field.source", "field.parties", "field.on", "dash.group.admin",
}
# French texts that quote what a person types, where French spacing does not apply.
TYPED_EXAMPLES = {"io.bad_list"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(text) if name is not None}


# ------------------------------------------------------------------ the translation table
def test_every_text_exists_in_both_languages_with_the_same_placeholders():
    assert len(i18n.TEXT) > 400
    for key, pair in i18n.TEXT.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        fr, en = pair
        assert isinstance(fr, str) and isinstance(en, str), key
        assert fr.strip() and en.strip(), key
        assert placeholders(fr) == placeholders(en), key
        if key not in SAME_IN_BOTH:
            assert fr != en, f"{key}: French and English are the same ({fr!r})"


def test_french_typography():
    for key, (fr, en) in i18n.TEXT.items():
        assert not re.search(r"[^\W\d_]'[^\W\d_]", fr), f"{key}: use ’ in French: {fr!r}"
        if key not in TYPED_EXAMPLES:
            # A space before « : », « ; », « ? » and « ! » (thin or not), none in English.
            assert not re.search(r"[^\s\d]:(\s|$)", fr), f"{key}: space before ':' ({fr!r})"
            assert not re.search(r"\S[;?!](\s|$)", fr), f"{key}: space before ';?!' ({fr!r})"
        assert not re.search("[«»’]", en), f"{key}: French marks in English ({en!r})"


def test_every_click_text_named_in_the_table_is_one_click_says():
    # The click.* entries are looked up by click's English message id: a typo would leave
    # the text untranslated without anyone noticing.
    import click

    sources = "".join(Path(m.__file__).read_text("utf-8") for m in (
        click.core, click.exceptions, click.formatting, click.decorators, click.types,
        click.parser, click.termui))
    for key, (_fr, en) in i18n.TEXT.items():
        if key.startswith("click.") and not key.startswith(("click.type.", "click.sub",
                                                             "click.options_metavar")):
            assert json.dumps(en)[1:-1] in sources or en in sources, key


# ------------------------------------------------------------------ library texts on demand
def test_a_problem_names_the_field_by_its_label_in_the_language_asked():
    p = Problem("code.sector", "a1", field="sector", value="'nowhere'", expected="housing")
    assert p.text("fr") == ("a1 : secteur : valeur inconnue 'nowhere' "
                            "(valeurs attendues : housing)")
    assert p.text("en").startswith("a1: sector: unknown value")
    assert Problem("seq.type", "r", field="territories", kind="str").text("fr") == (
        "r : territoires : une liste de textes est attendue")
    assert Problem("duplicate", "x", kind="assessment").text("en") == (
        "x: identifier already used (duplicate assessment)")


def test_agreement_problems_quote_codes_rendered_later():
    from concert import Agreement, Party

    with pytest.raises(concert.ValidationError) as exc:
        Agreement("I-x", "I", (Party("program", "cem"),), status="signed")
    text_fr, text_en = exc.value.text("fr"), exc.value.text("en")
    assert "Propriétaire" in text_fr or "propriétaire" in text_fr
    assert "Housing provider" in text_en or "housing provider" in text_en
    assert "Propriétaire" not in text_en and "propriétaire" not in text_en


def test_library_errors_render_in_the_language_asked(small_region):
    with pytest.raises(NotFoundError) as exc:
        small_region.actor("nope")
    assert exc.value.text("fr") == "Aucun acteur « nope » dans la région « demo »."
    assert exc.value.text("en") == "No actor 'nope' in region 'demo'."
    assert str(exc.value) == exc.value.text("fr")  # the settings language, at reading time
    concert.settings.language = "en"
    assert str(exc.value) == exc.value.text("en")
    with Store(memory=True) as store:
        store.save_region(small_region)
        with pytest.raises(NotFoundError) as exc2:
            store.load_region("nope")
    assert "Aucune région « nope »" in exc2.value.text("fr")
    assert "No region 'nope'" in exc2.value.text("en")
    assert "the in-memory store" in exc2.value.text("en")
    with pytest.raises(KeyError) as exc3:
        fw.term("sector", "nowhere")
    assert "Code inconnu « nowhere »" in exc3.value.text("fr")


def test_texts_quote_texts_in_their_own_language():
    m = Message("files.access", path="x.db", reason=Message("files.reason.enospc"))
    assert m.text("fr") == "Impossible d’accéder à x.db (disque plein)."
    assert m.text("en") == "Cannot access x.db (disk full)."
    assert Label("party_role", "tenant").text("en") == "Tenant"
    assert m == Message("files.access", path="x.db", reason=Message("files.reason.enospc"))


def _refused_import(folder, region, name: str, text: str) -> ImportFailed:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with Store(memory=True) as store:
        store.save_region(region)
        with pytest.raises(ImportFailed) as exc:
            import_files(store, [path])
    return exc.value


def test_import_problems_render_in_the_language_asked(tmp_path, small_region):
    failed = _refused_import(tmp_path, small_region, "acteurs.csv",
                             "identifiant,nom,type,secteur\nz1,Zed,omh,nowhere\n")
    p = failed.problems[0]
    assert p.rule == "io.unknown_value" and p.params["value"] == "nowhere"
    # The column once, then the value and the labels expected, in the language asked.
    assert p.text("fr") == ("acteurs.csv:ligne 2:secteur : valeur inconnue « nowhere » ; "
                            "valeurs possibles : « Habitation », « Santé et services sociaux »,"
                            " « Communautaire », « Municipal », « Personnes utilisatrices et "
                            "leurs familles », « Programme »")
    assert p.text("en").startswith("acteurs.csv:row 2:secteur: unknown value 'nowhere'; "
                                   "possible values: 'Housing', 'Health and social services'")
    assert failed.text("en") == p.text("en")


def test_missing_column_is_named_in_the_language_asked(tmp_path, small_region):
    failed = _refused_import(tmp_path, small_region, "ententes.csv", "identifiant\nx\n")
    texts_en = failed.text("en")
    texts_fr = failed.text("fr")
    assert ":type: required column missing from table 'agreements'" in texts_en
    assert ":type : colonne obligatoire absente de la table « ententes »" in texts_fr


def test_maturity_computed_in_one_language_explains_in_another(example):
    results = maturity(example.assessment(), lang="fr")
    overall = concert.region_stage({k: r for k, r in list(results.items())[:1]})
    text = "\n".join([*(r.explain("en") for r in results.values()), overall.explain("en")])
    assert "Between" in text or "Co-operation" in text
    for french in ("Stade", "Critères", "Entre ", "Repères", "établi"):
        assert french not in text, french


# ------------------------------------------------------------------ graph: labels at the edge
def test_graph_carries_codes_and_labels_are_rendered_at_the_edge(small_region, tmp_path):
    small_region.committees[0] = dataclasses.replace(small_region.committees[0], name="")
    G = region_to_graph(small_region)
    assert G.nodes["committee:gestion"]["label"] == "" and G.nodes["tenant:III-1"]["label"] == ""
    assert node_label(G.nodes["committee:gestion"], "fr") == "Comité de gestion"
    assert node_label(G.nodes["committee:gestion"], "en") == "Management committee"
    assert node_label(G.nodes["tenant:III-1"], "en") == "Tenant"
    assert node_label(G.nodes["cem"], "en") == "CEM"  # data: the acronym
    H = read_gexf(write_gexf(G, tmp_path / "g.gexf", lang="en"))
    assert H.nodes["tenant:III-1"]["label"] == "Tenant"
    text = write_graphml(G, tmp_path / "g.graphml", lang="fr").read_text("utf-8")
    assert "Locataire" in text and "Tenant" not in text
    assert G.nodes["tenant:III-1"]["label"] == ""  # the caller's graph is untouched
    assert isinstance(H, nx.MultiDiGraph)


# ------------------------------------------------------------------ command line: where --lang goes
@pytest.fixture(scope="module")
def cn_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("lang") / "cn.db"
    assert CliRunner().invoke(cli, ["example", str(db)]).exit_code == 0
    return db


@pytest.mark.parametrize("args", [
    ["--lang", "en", "maturity", "{db}"],
    ["maturity", "{db}", "--lang", "en"],
    ["maturity", "--lang=en", "{db}"],
])
def test_lang_before_or_after_the_command(cn_db, args):
    result = CliRunner().invoke(cli, [a.format(db=cn_db) for a in args])
    assert result.exit_code == 0, result.output
    assert "Region stage:" in result.output and "Stade" not in result.output


def test_lang_from_the_environment_and_the_command_line_wins(cn_db):
    runner = CliRunner(env={"CONCERT_LANG": "en"})
    assert "Region stage:" in runner.invoke(cli, ["maturity", str(cn_db)]).output
    assert "Stade de la région" in runner.invoke(cli, ["maturity", str(cn_db), "--lang",
                                                       "fr"]).output
    assert "Stade de la région" in runner.invoke(cli, ["--lang", "fr", "maturity",
                                                       str(cn_db)]).output


def test_the_command_leaves_the_settings_language_alone(cn_db):
    concert.settings.language = "fr"
    CliRunner().invoke(cli, ["--lang", "en", "maturity", str(cn_db)])
    assert concert.settings.language == "fr"


def test_help_and_click_texts_follow_the_language():
    runner = CliRunner()
    fr = runner.invoke(cli, ["--help"]).output
    assert fr.startswith("Utilisation : concert") or "Utilisation :" in fr
    assert "Options :" in fr and "Commandes :" in fr and "Afficher ce message et quitter." in fr
    assert "Afficher la version et quitter." in fr
    en = runner.invoke(cli, ["--help", "--lang", "en"]).output
    assert "Usage:" in en and "Show this message and exit." in en and "Commands:" in en
    missing = runner.invoke(cli, ["maturity"])
    assert missing.exit_code == 2
    assert "Erreur : Argument manquant 'BASE'." in missing.output
    assert "Error: Missing argument 'DB'." in runner.invoke(cli, ["maturity", "--lang",
                                                                 "en"]).output
    bad = runner.invoke(cli, ["--lang", "en", "maturity", "x.db", "--nope"])
    assert "Error: No such option '--nope'" in bad.output
    assert "Option inconnue '--nope'" in runner.invoke(cli, ["maturity", "x.db",
                                                             "--nope"]).output
    number = runner.invoke(cli, ["synth", "x.db", "--regions", "abc"])
    assert "'abc' n’est pas un entier valide" in number.output
    # Outside a command, click's own texts are click's.
    from click import exceptions

    assert exceptions._("Missing argument") == "Missing argument"


def test_history_names_actions_and_kinds_in_the_language(cn_db):
    runner = CliRunner()
    fr = runner.invoke(cli, ["history", str(cn_db), "--kind", "actor"]).output.splitlines()
    en = runner.invoke(cli, ["history", str(cn_db), "--kind", "actor", "--lang",
                             "en"]).output.splitlines()
    assert fr and len(fr) == len(en)
    assert all(" ajout " in line and " acteur " in line for line in fr)
    assert all(" added " in line and " actor " in line for line in en)
    assert not any("insert" in line for line in fr + en)


# ------------------------------------------------------------------ no text of the other language
# The words of each language, and what is data: tests/vocabulary.py (shared with the
# dashboard's test, tests/ui/test_navigation.py).


def test_the_check_catches_the_mistakes_it_is_for():
    assert foreign("Stage de la région établi sur 1 indicateurs", "en") >= {"établi"}
    assert "stage" in foreign("Stage de la région", "fr")
    assert {"no", "region"} <= foreign("Erreur : no region 'nope' in the store", "fr")
    assert foreign("Erreur : Aucune région « nope » dans cn.db.", "fr") == set()
    assert foreign("Error: No region 'nope' in cn.db.", "en") == set()
    assert foreign("Usage: concert maturity", "fr") == {"usage"}


def _codes() -> set[str]:
    """Codes typed or shown as they are: the framework's, the commands' and their choices."""
    codes = {c for table in fw._TABLES for c in fw.codes(table)}
    codes |= {c.code for c in fw.CRITERIA} | {i.code for i in fw.INDICATORS}
    codes |= set(cli.commands)
    for command in cli.commands.values():
        for param in command.params:
            codes |= set(getattr(param.type, "choices", ()))
    return codes


def _interface_text(output: str, data: list[str], typed: list[str]) -> str:
    """``output`` without what is not interface text: what the person typed (paths,
    values), the data, codes and option names."""
    names = sorted({*typed, *data, *_codes()}, key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in names))
    return without_names(pattern.sub(" ", output))


def _json_values(text: str) -> str:
    """The string values of a JSON output (its keys are an interface for programs), but
    codes (``"indicator": "region"``)."""
    out: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                if k != "indicator":
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(json.loads(text))
    return "\n".join(out)


CSV_HEADERS = ["identifiant", "nom", "type", "source", "cible", "depuis", "inconnu", "gossip",
               "nouveau", "Nouvel organisme témoin"]


def _run_every_command(lang: str, folder: Path
                       ) -> tuple[list[tuple[list[str], int, str]], list[str]]:
    runner = CliRunner(env={"CONCERT_USER": "tester", "CONCERT_LANG": None,
                            "CONCERT_NEW_PASSWORD": "une phrase de passe"})
    db = str(folder / "cn.db")
    good = folder / ("acteurs.csv" if lang == "fr" else "actors.csv")
    good.write_text("identifiant,nom,type\nnouveau,Nouvel organisme témoin,obnl\n", "utf-8")
    # Headers and values of the files are the person's data, quoted in the problems.
    bad = folder / "liens.csv"
    bad.write_text("source,cible,type,depuis\nomhq,inconnu,information,2024-13-01\n"
                   "omhq,cem,gossip,\n", "utf-8")
    calls: list[tuple[list[str], int]] = [
        (["example", db], 0), (["example", db], 0), (["regions", db], 0),
        # starting a region and the partner directory (issue 13)
        (["init", db, "--name", "Capitale-Nationale", "--territories", "Québec"], 1),
        (["init", str(folder / "m.db"), "--name", "Mauricie", "--territories", "A;B"], 0),
        (["directory", db, str(folder / "rep.xlsx")], 0),
        (["directory", db, str(folder / "rep.pdf")], 1),
        # the dates that fall due (issue 15)
        (["calendar", db, str(folder / "dates.ics")], 0), (["calendar", db, db], 1),
        (["maturity", db], 0), (["maturity", db, "--json"], 0),
        *[(["export", db, str(folder / f"out.{f}"), "--format", f], 0)
          for f in ("csv", "xlsx", "json", "graphml", "gexf")],
        (["export", db, str(folder / "old.json"), "--format", "json", "--as-of", "nope"], 1),
        (["import", db, str(good)], 0), (["import", db, str(bad)], 1),
        (["import", db, str(folder / "absent.csv")], 1),
        (["template", str(folder / "modele.xlsx")], 0),
        (["template", str(folder / "modele.txt")], 1),
        (["history", db], 0), (["backup", db, str(folder / "copy.db")], 0),
        # accounts, retention and the access log (issue 12)
        (["user", "list", db], 0),
        (["user", "add", db, "lecteur", "--role", "reader", "--org", "omhq"], 1),
        (["user", "add", db, "admin", "--role", "admin", "--org", "cem"], 0),
        (["user", "add", db, "lecteur", "--role", "reader", "--org", "nope"], 1),
        (["user", "add", db, "lecteur", "--role", "reader", "--org", "omhq"], 0),
        (["user", "passwd", db, "lecteur"], 0), (["user", "list", db], 0),
        (["user", "remove", db, "admin"], 1), (["user", "remove", db, "lecteur"], 0),
        (["user", "passwd", db, "nobody"], 1),
        (["purge", db], 1), (["retention", db], 0), (["retention", db, "24"], 0),
        (["retention", db], 0), (["retention", db, "0"], 2), (["purge", db, "--dry-run"], 0),
        (["access-log", db], 0),
        (["export", db, str(folder / "codes.json"), "--format", "json",
          "--include-tenant-codes"], 0),
        (["access-log", db], 0),
        (["restore", str(folder / "copy.db"), str(folder / "restored.db")], 0),
        (["restore", str(folder / "copy.db"), str(folder / "restored.db")], 1),
        (["report", db, str(folder / "report.html")], 0),
        (["synth", str(folder / "s.db"), "--regions", "1", "--actors", "10", "--years", "1"], 0),
        (["maturity", str(folder / "absent.db")], 1),
        (["maturity", db, "--region", "nope"], 1),
        (["maturity", db, "--assessment", "nope"], 1),
        (["maturity", db, "--bogus"], 2), (["maturity"], 2),
        (["export", db, str(folder / "x"), "--format", "pdf"], 2),
        (["synth", str(folder / "t.db"), "--regions", "many"], 2),
        (["nonsense"], 2), ([], 2), (["--help"], 0),
        *[([name, "--help"], 0) for name in cli.commands],
    ]
    out = []
    typed = {*CSV_HEADERS, "tester"}
    for args, code in calls:
        result = runner.invoke(cli, [*args, "--lang", lang] if args and args != ["--help"]
                               else ["--lang", lang, *args])
        assert result.exit_code == code, (args, result.output)
        assert "Traceback" not in result.output, args
        text = _json_values(result.output) if "--json" in args else result.output
        typed |= {a for a in args if not a.startswith("-")} | {Path(a).name for a in args}
        out.append((args, code, text))
    return out, sorted(typed)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_command_says_anything_in_the_other_language(lang, tmp_path):
    outputs, typed = _run_every_command(lang, tmp_path)
    data = data_strings(tmp_path / "cn.db")
    found = {}
    for args, _code, text in outputs:
        bad = foreign(_interface_text(text, data, [str(tmp_path), *typed]), lang)
        if bad:
            found[" ".join(args[:1] + [a for a in args[1:] if a.startswith("-")])] = bad
    assert not found, found
    # The check saw the outputs it is meant to see: words of the language itself.
    everything = " ".join(text for _, _, text in outputs)
    own = {"fr": {"région", "stade", "erreur", "utilisation", "ajout"},
           "en": {"region", "stage", "error", "usage", "added"}}[lang]
    assert own <= words(everything)
