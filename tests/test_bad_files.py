"""A corpus of bad files (issue 14): each refused with exit 1 and one clear message.

Every file is written to disk by :func:`corpus` (CSV, XLSX, JSON: truncated, binary,
wrong sheets, NaN and Infinity, impossible dates, right-to-left overrides, 1 MB cells,
identifiers equal but for case or accents, an entente naming the same party twice...).
Each is imported with ``concert import`` into a copy of the example store: the command
exits with status 1, prints exactly one problem naming the file and the expected words,
never a traceback, and the store's bytes are the same before and after.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_sheets

from concert.cli import cli

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _bomb_builder() -> Callable[..., Path]:
    """The dimension-bomb workbook of ``benchmarks/xlsx_bomb.py`` (one builder for both)."""
    spec = importlib.util.spec_from_file_location("xlsx_bomb", BENCHMARKS / "xlsx_bomb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.workbook  # type: ignore[no-any-return]


HEAD = "identifiant,nom,type\n"


def _text(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text.encode(encoding))
        return path
    return make


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def _book(name: str, sheets: dict[str, list[list[object]]]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return write_sheets(folder / name, sheets)
    return make


def _truncated_xlsx(folder: Path) -> Path:
    good = _book("full.xlsx", {"acteurs": [["identifiant", "nom", "type"],
                                           ["a1", "A", "omh"]]})(folder)
    path = folder / "acteurs.xlsx"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _zip_without_workbook(folder: Path) -> Path:
    path = folder / "acteurs.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    return path


def _bomb(folder: Path) -> Path:
    return _bomb_builder()(folder / "acteurs.xlsx", dimension=True, far=True)


AGREEMENT = "identifiant,type,signée le,propriétaire,programme,organisme référent\n"
RNG = random.Random(14)
# name: (builder, words the one problem must contain)
CORPUS: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    # -------------------------------------------------------------- CSV: bytes and shape
    "csv nul byte": (_text("acteurs.csv", HEAD + "a1,A\x00,omh\n"), ("octet nul",)),
    "csv png": (_bytes("acteurs.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
                ("pas du texte",)),
    "csv random bytes": (_bytes("acteurs.csv", bytes(RNG.randrange(256) for _ in range(4096))),
                         ("pas du texte",)),
    "csv gzip": (_bytes("acteurs.csv", gzip.compress(HEAD.encode() * 50)), ("pas du texte",)),
    "csv utf-16": (_text("acteurs.csv", HEAD + "a1,Café,omh\n", "utf-16"), ("pas du texte",)),
    "csv cp1252 undefined byte": (_bytes("acteurs.csv", HEAD.encode() + b"a1,Caf\x81,omh\n"),
                                  ("pas du texte",)),
    "csv control characters": (_text("acteurs.csv", HEAD + "\x01\x02\x03\x04" * 40 + "\n"),
                               ("pas du texte",)),
    "csv field over the limit": (_text("acteurs.csv", HEAD + 'a1,"' + "x" * 200_000 + '",omh\n'),
                                 ("131 072 caractères",)),
    "csv 1 MB cell, open quote": (_text("acteurs.csv", HEAD + 'a1,"Café,omh\n' + "y" * 2**20),
                                  ("131 072 caractères",)),
    "csv empty": (_text("acteurs.csv", ""), ("vide",)),
    "csv only a BOM": (_text("acteurs.csv", "\ufeff"), ("vide",)),
    "csv header only": (_text("acteurs.csv", HEAD), ("vide",)),
    "csv unknown table": (_text("truc.csv", HEAD + "a1,A,omh\n"), ("table inconnue",)),
    "txt file": (_text("acteurs.txt", HEAD + "a1,A,omh\n"), ("format .txt",)),
    "csv missing column": (_text("acteurs.csv", "identifiant,type\na1,omh\n"),
                           ("colonne obligatoire",)),
    "csv unknown column": (_text("acteurs.csv", "identifiant,nom,type,couleur\na1,A,omh,bleu\n"),
                           ("colonne inconnue",)),
    "csv repeated column": (_text("acteurs.csv", "identifiant,nom,name,type\na1,A,B,omh\n"),
                            ("colonne en double",)),
    "csv too many columns": (_text("acteurs.csv", HEAD.strip() + ",x" * 250 + "\n"),
                             ("colonnes",)),
    # -------------------------------------------------------------- CSV: values
    "rtl override": (_text("acteurs.csv", HEAD + "a1,Caf\u202ee,omh\n"), ("invisibles",)),
    "zero-width space": (_text("acteurs.csv", HEAD + "a1,Ca\u200bfé,omh\n"), ("invisibles",)),
    "c1 control": (_text("acteurs.csv", HEAD + "a1,Caf\u0092e,omh\n"), ("contrôle",)),
    "escape sequence": (_text("acteurs.csv", HEAD + "a1,A\x1b[2J,omh\n"), ("contrôle",)),
    "text over 2000": (_text("acteurs.csv", "identifiant,nom,type,note\na1,A,omh,"
                             + "n" * 3000 + "\n"), ("2000",)),
    "impossible date": (_text("ententes.csv", AGREEMENT + "I-9,I,2024-02-30,omhq,cem,\n"),
                        ("date impossible",)),
    "impossible day-first date": (_text("ententes.csv", AGREEMENT + "I-9,I,31/02/2024,omhq,cem,\n"),
                                  ("date impossible",)),
    "two-digit year": (_text("ententes.csv", AGREEMENT + "I-9,I,15/03/25,omhq,cem,\n"),
                       ("quatre chiffres",)),
    "unknown type": (_text("acteurs.csv", HEAD + "a1,A,château\n"), ("valeur inconnue",)),
    "ambiguous type": (_text("acteurs.csv", HEAD + "a1,A,OBNL/Coop\n"), ("ambiguë",)),
    "bad yes/no": (_text("acteurs.csv", HEAD.strip() + ",illustratif\na1,A,omh,peut-être\n"),
                   ("oui ou non",)),
    "ids equal but for case": (_text("acteurs.csv", HEAD + "a1,A,omh\nA1,B,omh\n"),
                               ("casse",)),
    "id equal but for case to a stored one": (_text("acteurs.csv", HEAD + "OMHQ,Autre,omh\n"),
                                              ("déjà dans la base",)),
    "names equal but for accents": (_text("acteurs.csv", "nom,type\nCafé Rencontre,omh\n"
                                          "Cafe rencontre,omh\n"), ("même identifiant",)),
    "duplicate id": (_text("acteurs.csv", HEAD + "a1,A,omh\na1,B,omh\n"), ("deux fois",)),
    "entente with the same party twice": (_text("ententes.csv", AGREEMENT
                                                + "II-9,II,2024-01-15,,cem,CEM\n"),
                                          ("référent",)),
    "unknown actor": (_text("liens.csv", "source,cible,type\nomhq,personne,information\n"),
                      ("acteur inconnu",)),
    "unknown committee": (_text("sieges.csv", "comité,acteur\nnulle-part,omhq\n"),
                          ("comité inconnu",)),
    "tie to itself": (_text("liens.csv", "source,cible,type\nomhq,OMHQ,information\n"),
                      ("cible",)),
    "level out of scale": (_text("evaluations.csv", "évaluation,date,critère,niveau\n"
                                 "e9,2025-01-15,climat.cooperation.2,7\n"), ("niveau",)),
    "unknown criterion": (_text("evaluations.csv", "évaluation,date,critère,niveau\n"
                                "e9,2025-01-15,climat.nulle.9,2\n"), ("critère",)),
    "number that is not": (_text("donnees.csv", "code,valeur,unité,au,définition\n"
                                 "x,abc,%,2025-01-01,d\n"), ("nombre",)),
    # -------------------------------------------------------------- JSON
    "json truncated": (_text("acteurs.json", '{"acteurs": [{"identifiant": "a1", "nom": '),
                       ("JSON invalide",)),
    "json NaN": (_text("donnees.json", '{"données": [{"code": "x", "valeur": NaN, "unité": "%",'
                       ' "au": "2025-01-01", "définition": "d"}]}'), ("NaN",)),
    "json Infinity": (_text("donnees.json", '{"données": [{"code": "x", "valeur": Infinity, '
                            '"unité": "%", "au": "2025-01-01", "définition": "d"}]}'),
                      ("Infinity",)),
    "json deep": (_text("acteurs.json", "[" * 50 + "]" * 50), ("imbriqué",)),
    "json duplicate key": (_text("acteurs.json", '{"acteurs": [{"identifiant": "a1", '
                                 '"identifiant": "a2", "nom": "A", "type": "omh"}]}'),
                           ("deux fois",)),
    "json huge integer": (_text("donnees.json", '{"données": [{"valeur": ' + "9" * 500 + "}]}"),
                          ("chiffres",)),
    "json not tables": (_text("acteurs.json", "[1, 2, 3]"), ("liste d’objets",)),
    "json list in a text": (_text("acteurs.json", json.dumps({"acteurs": [
        {"identifiant": "a1", "nom": ["A", "B"], "type": "omh"}]})), ("texte est attendu",)),
    "json rtl override": (_text("acteurs.json", json.dumps({"acteurs": [
        {"identifiant": "a1", "nom": "\u202eA", "type": "omh"}]})), ("invisibles",)),
    # -------------------------------------------------------------- XLSX
    "xlsx truncated": (_truncated_xlsx, ("endommagé",)),
    "xlsx that is a CSV": (_text("acteurs.xlsx", HEAD + "a1,A,omh\n"), ("endommagé",)),
    "xlsx zip without workbook": (_zip_without_workbook, ("endommagé",)),
    "xlsx wrong sheets": (_book("mauricie.xlsx", {"Feuil1": [["a", "b"], [1, 2]]}),
                          ("table inconnue",)),
    "xlsx 1 MB cell": (_book("acteurs.xlsx", {"acteurs": [["identifiant", "nom", "type"],
                                                          ["a1", "x" * 2**20, "omh"]]}),
                       ("200",)),
    "xlsx impossible date": (_book("ententes.xlsx", {"ententes": [
        ["identifiant", "type", "signée le", "propriétaire", "programme"],
        ["I-9", "I", "30/02/2024", "omhq", "cem"]]}), ("feuille « ententes »", "impossible")),
    "xlsx dimension bomb": (_bomb, ("200 000 lignes",)),
}


# Two rules of the model that the same row breaks, each said once.
COUNT = {"entente with the same party twice": 2}


def sha(path: Path) -> dict[str, str | None]:
    out = {}
    for suffix in ("", "-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 40


@pytest.mark.parametrize("case", list(CORPUS))
def test_bad_file_is_refused_clearly_and_leaves_the_store_byte_identical(
        case, example_file, tmp_path):
    db = Path(shutil.copy(example_file, tmp_path / "cn.db"))
    make, words = CORPUS[case]
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder)
    assert path.is_file()
    before = sha(db)
    result = CliRunner().invoke(cli, ["import", str(db), str(path), "--lang", "fr"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert f"({COUNT.get(case, 1)} problèmes)" in result.output, result.output
    problem = result.output.splitlines()[1]
    assert path.name in problem, result.output
    for w in words:
        assert w in problem, result.output
    assert sha(db) == before
