"""Shared helpers of the benchmark scripts: timing, peak memory, a province on disk."""

from __future__ import annotations

import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BASE_ACTORS = 1250   # 1x; the province target of 20,000 actors is 16x


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """The shortest wall time of ``repeat`` calls, in seconds (least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _rss_child(conn: Any, fn: Callable[[], Any]) -> None:
    fn()
    conn.send(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    conn.close()


def peak_rss_mb(fn: Callable[[], Any]) -> float:
    """Peak resident memory (MB) of a fresh process that runs ``fn``."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    p = ctx.Process(target=_rss_child, args=(child, fn))
    p.start()
    kb = parent.recv()
    p.join()
    return kb / 1024


def province_db(n_actors: int, folder: Path | None = None) -> Path:
    """Write a synthetic province of ``n_actors`` organisations to a new SQLite file."""
    from concert.store import Store
    from concert.synth import synthetic_province

    folder = folder or Path(tempfile.mkdtemp(prefix="concert-bench-"))
    db = folder / f"province-{n_actors}.db"
    with Store(db, user="bench") as store:
        for region in synthetic_province(n_actors, years=10):
            store.save_region(region)
    return db


def scales() -> list[int]:
    """Sizes to run: 1x, 4x and 16x (``--quick``: 1x and 4x)."""
    factors = (1, 4) if "--quick" in sys.argv else (1, 4, 16)
    return [BASE_ACTORS * f for f in factors]


def row(*cells: Any) -> str:
    return " | ".join(f"{c:>12}" if not isinstance(c, str) else f"{c:<12}" for c in cells)
