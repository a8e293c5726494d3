"""Benchmark 3: import 100,000 rows of CSV with full validation.

Ours: ``concert.io.import_files`` on an actors file and a ties file (100,000 rows in
all) into a new region: reading, converting, building the records, checking every rule
of the model, and one transactional save with its audit trail. Baseline, in the same
run: ``pandas.read_csv`` of the same files followed by a bare ``sqlite-utils``
``insert_all`` of the rows. Target: at most 3x.

With ``--labels`` the files are written as people type them (issue 14): French labels
for the types (``Office municipal d’habitation (OMH)``, ``Organisme communautaire``...)
and the tie kinds, matched to codes once per distinct value.

Run: ``python benchmarks/import_csv.py`` (``--rows N`` to change the size, ``--labels``).
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
from pathlib import Path

import pandas as pd
import sqlite_utils
from _util import best_of, row

from concert.io import import_files
from concert.store import Store

TYPES = ["community_org", "private_landlord", "obnl", "coop", "municipality", "omh"]
KINDS = ["information", "resources", "joint_project", "referral"]


def write_files(folder: Path, n_rows: int, labels: bool = False) -> list[Path]:
    from concert.io import values

    def say(table: str, code: str) -> str:
        return values.label_of(table, code, "fr") if labels else code

    rng = random.Random(0)
    n_actors = n_rows * 2 // 5
    actors = folder / "acteurs.csv"
    with actors.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["identifiant", "nom", "type", "territoires", "engagement"])
        for i in range(n_actors):
            w.writerow([f"a{i:06d}", f"Organisme {i}", say("actor_type", rng.choice(TYPES)),
                        "Territoire A", say("engagement", "identified")])
    ties = folder / "liens.csv"
    seen = set()
    with ties.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "cible", "type"])
        while len(seen) < n_rows - n_actors:
            s, t = rng.sample(range(n_actors), 2)
            k = rng.choice(KINDS)
            if (s, t, k) in seen:
                continue
            seen.add((s, t, k))
            w.writerow([f"a{s:06d}", f"a{t:06d}", say("tie_kind", k)])
    return [actors, ties]


def import_with_concert(files: list[Path], folder: Path, k: list[int]) -> None:
    k[0] += 1
    with Store(folder / f"concert-{k[0]}.db") as store:
        import_files(store, files, region="bench", name="Banc d’essai")


def import_baseline(files: list[Path], folder: Path, k: list[int]) -> None:
    k[0] += 1
    db = sqlite_utils.Database(folder / f"bare-{k[0]}.db")
    for path in files:
        df = pd.read_csv(path)
        db[path.stem].insert_all(df.to_dict(orient="records"))
    db.close()


def main() -> None:
    n = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 100_000
    folder = Path(tempfile.mkdtemp(prefix="concert-import-"))
    labels = "--labels" in sys.argv
    files = write_files(folder, n, labels)
    k = [0]
    ours = best_of(lambda: import_with_concert(files, folder, k), repeat=3)
    base = best_of(lambda: import_baseline(files, folder, k), repeat=3)
    print("Benchmark 3 — import CSV with full validation vs pandas.read_csv + bare "
          "sqlite-utils insert; target ratio <= 3.0")
    print(row("rows", "concert s", "baseline s", "ratio"))
    print(row(f"{n}{' labels' if labels else ''}", f"{ours:.2f}", f"{base:.2f}",
              f"{ours / base:.2f}"))


if __name__ == "__main__":
    main()
