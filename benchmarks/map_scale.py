"""Benchmark: the stakeholder map of larger regions, built on the server and drawn in a browser.

For the example region and synthetic regions of 500 and 2,000 actors
(:func:`concert.synth.synthetic_region`), two figures:

- **build**: the server's share, in this process: a new session's state, the map page
  (``MapView(state)``), its bokeh document and that document serialised to JSON (what
  the browser receives). Best of five, after one warm-up (the first also fills the
  layout cache, as a server's first visitor does).
- **browser**: the wall time from requesting ``/?page=map`` of the real server (a
  subprocess on a free localhost port) in headless Chromium (Debian's
  ``/usr/bin/chromium``) to bokeh idle with the graph drawn; the best and the median of
  five new pages (new sessions). ``--no-browser`` skips it.

"Before" figures: run this same script against another checkout, e.g.
``PYTHONPATH=/path/to/old/checkout python benchmarks/map_scale.py`` (the page is found as
``dashboards.map.MapView`` or, in older versions, ``dashboards.network_map.MapView``).
The machine's load matters: compare figures taken one after the other.

Prints figures; asserts nothing. Targets (issue 11): 500 actors at most 1.5 s,
2,000 actors at most 3 s, request to drawn.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import panel as pn
from bokeh.document import Document

import dashboards
from concert.example import capitale_nationale
from concert.store import Store
from concert.synth import synthetic_region
from dashboards.state import DashboardState

RUNS = 5


def _map_view() -> Any:
    """The checkout's map page (an editable install may offer another checkout's modules)."""
    folder = Path(dashboards.__file__).parent
    name = "dashboards.map" if (folder / "map").is_dir() else "dashboards.network_map"
    return importlib.import_module(name).MapView


def build_seconds(region: Any) -> tuple[float, int]:
    """Best time to build and serialise the map page's document; and its JSON size (bytes)."""
    from bokeh.core.json_encoder import serialize_json

    MapView = _map_view()
    pn.extension()
    times, size = [], 0
    for _ in range(RUNS + 1):
        t = time.perf_counter()
        state = DashboardState(region=region, lang="fr")
        doc = Document()
        root = pn.panel(MapView(state)).get_root(doc)
        doc.add_root(root)
        size = len(serialize_json(doc.to_json()))
        times.append(time.perf_counter() - t)
        pn.state.reset()
    return min(times[1:]), size


def browser_seconds(browser: Any, db: Path) -> list[float]:
    """Request-to-drawn times of ``RUNS`` new sessions of the map page."""
    from dashboard_map import _serve, map_load  # imports playwright

    proc, url = _serve(db)
    try:
        return [map_load(browser, url, polling=20)[0] for _ in range(RUNS)]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    where = Path(dashboards.__file__).resolve().parents[1]
    print(f"checkout: {where}")
    cases = [("example", capitale_nationale())]
    cases += [(f"synthetic {n}", synthetic_region(n, seed=0)) for n in (500, 2000)]
    use_browser = "--no-browser" not in sys.argv
    print(f"{'region':16} {'actors':>6} {'build s':>8} {'doc kB':>7} {'best s':>7} "
          f"{'median s':>8}  runs (s)")
    folder = Path(tempfile.mkdtemp(prefix="concert-map-bench-"))
    pw = browser = None
    if use_browser:
        from dashboard_map import CHROMIUM_ARGS
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    try:
        for name, region in cases:
            build, size = build_seconds(region)
            line = f"{name:16} {len(region.actors):6d} {build:8.2f} {size / 1000:7.0f}"
            if browser is not None:
                db = folder / f"{region.code}.db"
                with Store(db) as store:
                    store.save_region(region)
                times = browser_seconds(browser, db)
                line += f" {min(times):7.2f} {statistics.median(times):8.2f}  " + " ".join(
                    f"{t:.2f}" for t in times)
            print(line, flush=True)
    finally:
        if browser is not None:
            browser.close()
        if pw is not None:
            pw.stop()


if __name__ == "__main__":
    main()
