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
