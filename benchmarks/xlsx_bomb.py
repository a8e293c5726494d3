"""Benchmark: peak memory of importing a "dimension bomb" workbook (issue 9, item 5).

A workbook of a few kilobytes whose sheet declares the dimension ``A1:XFD1048576``
(16,384 columns by 1,048,576 rows) made the import pad every row to that size: 3.9 GB
and a MemoryError before the fix. Sheets are now streamed row by row, the declared
dimension is ignored and rows, columns and cells are capped, so the import answers with
one message and stays small.

Three files are imported with ``concert import``'s library call into a new store, each in
a fresh Python process (``resource.getrusage`` gives its peak resident memory):

- ``plain``: the same two-row sheet without the crafted dimension (the baseline);
- ``dimension``: the declared dimension alone (imported: one actor);
- ``bomb``: the declared dimension with a few far cells, up to ``XFD1048576``
  (refused: more than 200,000 rows).

Run: ``python benchmarks/xlsx_bomb.py``. Prints the figures; target: under 500 MB peak
for the bomb. Exits with status 1 if the target is missed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl

TARGET_MB = 500

CHILD = """
import resource, sys, tracemalloc
from concert.io import ImportFailed, import_files
from concert.store import Store
tracemalloc.start()
try:
    with Store(sys.argv[1]) as store:
        report = import_files(store, [sys.argv[2]], region="r", name="R")
    outcome = f"imported {sum(report.added.values())} record(s)"
except ImportFailed as exc:
    outcome = "refused: " + str(exc.problems[0])
_, traced = tracemalloc.get_traced_memory()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, traced / 2**20, outcome,
      sep="\\t")
"""


def workbook(path: Path, *, dimension: bool, far: bool) -> Path:
    """A two-row actors sheet, optionally with the crafted dimension and far cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "acteurs"
    ws.append(["identifiant", "nom", "type"])
    ws.append(["a1", "Organisme A", "obnl"])
    src = path.with_name("src-" + path.name)
    wb.save(src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode("utf-8")
                if dimension:
                    xml = re.sub(r'<dimension ref="[^"]*"\s*/>',
                                 '<dimension ref="A1:XFD1048576"/>', xml)
                if far:
                    xml = xml.replace("</sheetData>", (
                        '<row r="524288"><c r="XFD524288"><v>1</v></c></row>'
                        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is>'
                        '</c><c r="XFD1048576"><v>2</v></c></row></sheetData>'))
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    src.unlink()
    return path


def measure(path: Path, folder: Path) -> tuple[float, float, str]:
    """Peak RSS (MB), peak traced Python memory (MB) and outcome of one import."""
    db = folder / f"{path.stem}.db"
    out = subprocess.run([sys.executable, "-c", CHILD, str(db), str(path)], check=True,
                         capture_output=True, text=True).stdout.strip().split("\t")
    return float(out[0]), float(out[1]), out[2]


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="concert-bomb-"))
    cases = {"plain": workbook(folder / "plain.xlsx", dimension=False, far=False),
             "dimension": workbook(folder / "dimension.xlsx", dimension=True, far=False),
             "bomb": workbook(folder / "bomb.xlsx", dimension=True, far=True)}
    print(f"{'file':<10} {'size':>8} {'peak RSS':>10} {'traced':>9}  outcome")
    peak = 0.0
    for name, path in cases.items():
        rss, traced, outcome = measure(path, folder)
        if name == "bomb":
            peak = rss
        print(f"{name:<10} {path.stat().st_size / 1024:>6.1f}KB {rss:>8.0f}MB "
              f"{traced:>7.1f}MB  {outcome}")
    verdict = "met" if peak < TARGET_MB else "MISSED"
    print(f"dimension bomb: peak {peak:.0f} MB (target < {TARGET_MB} MB: {verdict}; "
          "3.9 GB and a MemoryError before the fix)")
    return 0 if peak < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
