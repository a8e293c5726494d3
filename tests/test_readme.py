"""The README's Python tour runs as written, and its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_tour_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), re.S)
    exec(compile(blocks[0], "README tour", "exec"), {})
    out = capsys.readouterr().out
    assert "['agreement.tenant_code']" in out
    assert "Entre communication et coordination" in out
    assert (tmp_path / "demo.db").exists() and (tmp_path / "demo.gexf").exists()


def test_ci_runs_the_readme_test_command():
    text = README.read_text("utf-8")
    ci = (README.parent / ".ci" / "run").read_text("utf-8")
    assert "bash tests/run_all.sh" in text and "bash tests/run_all.sh" in ci


def test_documented_commands_exist():
    from concert.cli import cli

    text = README.read_text("utf-8")
    for name in re.findall(r"`concert (\w+) ", text):
        assert name in cli.commands, name


def test_file_format_examples_import(tmp_path):
    """Each CSV example of the README, written to its file, imports into a new region."""
    from concert import Store
    from concert.io import import_files

    text = README.read_text("utf-8")
    section = text[text.index("## File formats"):text.index("## History, backups")]
    blocks = re.findall(r"```text\n(.*?)```", section, re.S)
    names = ["acteurs", "contacts", "ententes", "comites", "sieges", "liens", "evaluations"]
    paths = []
    assert len(blocks) >= len(names)
    for name, block in zip(names, blocks, strict=False):
        path = tmp_path / f"{name}.csv"
        path.write_text(block, encoding="utf-8")
        paths.append(path)
    with Store(tmp_path / "x.db") as store:
        import_files(store, paths, region="exemple", name="Exemple")
        region = store.load_region("exemple")
    assert [a.type for a in region.agreements] == ["I", "II", "III"]
    assert region.actor("cem").territories == ("Ville de Québec", "Grand Portneuf")
    assert len(region.assessments[0].answers) == 2
