"""Benchmark: time from requesting the stakeholder-map page to a fully drawn map.

For the example region, a 500-actor and a 2,000-actor synthetic region
(:func:`concert.synth.synthetic_region`), the script serves the dashboard (the real
server, in a subprocess, on a free localhost port), opens ``/?page=map`` in headless
Chromium (Debian's ``/usr/bin/chromium``) and measures the wall time from the request
to the moment bokeh is idle with the graph renderer present. Three runs per region,
each in a new browser page (a new session); the first also computes the cached layout.
The 2,000-actor region is skipped when one load takes more than a minute.

Run: ``python benchmarks/dashboard_map.py``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from concert.example import capitale_nationale
from concert.store import Store
from concert.synth import synthetic_region

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
DRAWN = ("() => window.Bokeh && Bokeh.documents.length && Bokeh.documents[0].is_idle && "
         "[...Bokeh.documents[0].all_models].some(m => m.type === 'GraphRenderer')")
COUNT = ("() => { const g = [...Bokeh.documents[0].all_models].find(m => m.type === "
         "'GraphRenderer'); return [g.node_renderer.data_source.get_length(), "
         "g.edge_renderer.data_source.get_length()]; }")
SERVER = "import sys; from dashboards.app import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
RUNS = 3
LIMIT = 60.0  # seconds: beyond this for one load, the larger sizes are skipped


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return proc, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    proc.kill()
    msg = "the dashboard server did not start"
    raise RuntimeError(msg)


def map_load(browser: Any, url: str, *, polling: int = 50) -> tuple[float, tuple[int, int]]:
    """One load of the map page in a new browser page (a new session).

    Returns the seconds from the request to bokeh idle with the graph drawn, and the
    (nodes, edges) drawn (counted after the time is taken).
    """
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    t = time.perf_counter()
    page.goto(url + "?page=map")
    page.wait_for_function(DRAWN, timeout=LIMIT * 1000, polling=polling)
    seconds = time.perf_counter() - t
    counts = tuple(page.evaluate(COUNT))
    page.close()
    return seconds, counts


def measure(browser: object, db: Path) -> tuple[list[float], tuple[int, int]]:
    """Load the map page ``RUNS`` times; return the times and the (nodes, edges) drawn."""
    proc, url = _serve(db)
    times: list[float] = []
    counts = (0, 0)
    try:
        for _ in range(RUNS):
            seconds, counts = map_load(browser, url)
            times.append(seconds)
            if times[-1] > LIMIT:
                break
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return times, counts


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="concert-dash-bench-"))
    cases = [("example (Capitale-Nationale)", capitale_nationale())]
    cases += [(f"synthetic, {n} actors", synthetic_region(n, seed=0)) for n in (500, 2000)]
    print(f"{'region':32} {'actors':>7} {'nodes':>6} {'edges':>6} {'median s':>9}  runs (s)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, region in cases:
            db = folder / f"{region.code}.db"
            with Store(db) as store:
                store.save_region(region)
            try:
                times, (nodes, edges) = measure(browser, db)
            except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
                print(f"{name:32} {len(region.actors):7d}  failed: {exc}")
                continue
            runs = " ".join(f"{t:.2f}" for t in times)
            print(f"{name:32} {len(region.actors):7d} {nodes:6d} {edges:6d} "
                  f"{statistics.median(times):9.2f}  {runs}")
            if max(times) > LIMIT:
                print(f"  one load took more than {LIMIT:.0f} s: larger regions skipped")
                break
        browser.close()


if __name__ == "__main__":
    main()
