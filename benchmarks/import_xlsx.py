"""Benchmark: import a large workbook typed as people type it (issue 14).

A workbook of ``--actors N`` organisations (default 2,000) with no identifier column,
French labels for types, sectors and engagement, and a ``liens`` sheet naming the
organisations by name (two ties per organisation). Imported into a new store:

- ``once``: labels matched once per distinct value (:func:`concert.io.values.resolve` is
  cached), as shipped;
- ``per cell``: the same import with the cache bypassed, every cell matched anew (what
  matching without the cache would cost);
- ``codes``: the same workbook with codes and identifiers instead (the old way).

Run: ``python benchmarks/import_xlsx.py [--actors N]``.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import openpyxl
from _util import best_of, row

from concert.io import exchange, import_files, values
from concert.store import Store

TYPES = ["community_org", "private_landlord", "obnl", "coop", "municipality", "omh"]
KINDS = ["information", "resources", "joint_project", "referral"]


def write_book(path: Path, n: int, labels: bool) -> Path:
    rng = random.Random(0)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "acteurs"
    names = [f"Organisme communautaire no {i}" for i in range(n)]
    if labels:
        ws.append(["nom", "type", "secteur", "engagement", "territoires"])
    else:
        ws.append(["identifiant", "nom", "type", "secteur", "engagement", "territoires"])
    for name in names:
        t = rng.choice(TYPES)
        sector = {"municipality": "municipal", "community_org": "community"}.get(t, "housing")
        if labels:
            ws.append([name, values.label_of("actor_type", t, "fr"),
                       values.label_of("sector", sector, "fr").upper(), "Identifié",
                       "Trois-Rivières"])
        else:
            ws.append([values.derive_id(name), name, t, sector, "identified", "Trois-Rivières"])
    ties = wb.create_sheet("liens")
    ties.append(["source", "cible", "type"])
    for i in range(n):
        for j in (1, 2):
            a, b = names[i], names[(i + j) % n]
            k = KINDS[(i + j) % 4]
            if labels:
                ties.append([a, b, values.label_of("tie_kind", k, "fr")])
            else:
                ties.append([values.derive_id(a), values.derive_id(b), k])
    wb.save(path)
    return path


def run(path: Path, folder: Path, k: list[int]) -> None:
    k[0] += 1
    with Store(folder / f"x-{k[0]}.db") as store:
        import_files(store, [path], region="bench", name="Banc d’essai")


def main() -> None:
    n = int(sys.argv[sys.argv.index("--actors") + 1]) if "--actors" in sys.argv else 2000
    folder = Path(tempfile.mkdtemp(prefix="concert-xlsx-"))
    labelled = write_book(folder / "labels.xlsx", n, True)
    coded = write_book(folder / "codes.xlsx", n, False)
    k = [0]
    once = best_of(lambda: run(labelled, folder, k), repeat=3)
    cached = values.resolve
    exchange.values.resolve = cached.__wrapped__  # type: ignore[attr-defined]
    try:
        per_cell = best_of(lambda: run(labelled, folder, k), repeat=3)
    finally:
        exchange.values.resolve = cached
    codes = best_of(lambda: run(coded, folder, k), repeat=3)
    print(f"Import of a workbook of {n} organisations and {2 * n} ties "
          "(labels and names vs codes and identifiers)")
    print(row("variant", "seconds", "vs codes"))
    for name, t in (("labels, once", once), ("labels, per cell", per_cell), ("codes", codes)):
        print(row(name, f"{t:.2f}", f"{t / codes:.2f}"))


if __name__ == "__main__":
    main()
