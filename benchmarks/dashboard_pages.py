"""Benchmark: first page request-to-idle, and page switches within one session.

Serves the example region (the real server, in a subprocess, on a free localhost port),
opens ``/`` in headless Chromium (Debian's ``/usr/bin/chromium``) three times (three
sessions) and times the request to bokeh idle; then, in one session, clicks every page of
the sidebar twice (first visit, then a return) and times each click until the page's own heading is
visible and bokeh is idle. Targets (issue 11): first page at most 1 s, a switch at most
0.3 s.

Run: ``python benchmarks/dashboard_pages.py``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from dashboard_map import CHROMIUM_ARGS, _serve
from playwright.sync_api import sync_playwright

from concert import i18n
from concert.example import capitale_nationale
from concert.store import Store

PAGES = ("overview", "map", "agreements", "assessment", "history", "next_steps", "analysis",
         "changes", "data")
READY = "() => window.Bokeh && Bokeh.documents.length && Bokeh.documents[0].is_idle"
# The page's own heading (its first h2 starts with its name) is visible and bokeh is idle.
SHOWN = """(name) => {
  if (!Bokeh.documents[0].is_idle) return false;
  let found = false;
  const walk = (root) => { for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) walk(el.shadowRoot);
    if (el.tagName === 'H2' && el.textContent.startsWith(name) && el.checkVisibility()) {
      found = true;
    }
  } };
  walk(document.getElementById('main'));
  return found;
}"""


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="concert-pages-bench-"))
    db = folder / "example.db"
    with Store(db) as store:
        store.save_region(capitale_nationale())
    proc, url = _serve(db)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            firsts = []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                t = time.perf_counter()
                page.goto(url)
                page.wait_for_function(READY, timeout=60_000, polling=20)
                firsts.append(time.perf_counter() - t)
                page.close()
            print("first page (overview), request to idle: median "
                  f"{statistics.median(firsts):.2f} s  runs {' '.join(f'{x:.2f}' for x in firsts)}")
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(url)
            page.wait_for_function(READY, timeout=60_000)
            for visit in ("first visit", "return"):
                times = {}
                for slug in [*PAGES[1:], PAGES[0]]:
                    label = i18n.t(f"dash.page.{slug}", "fr")
                    page.wait_for_timeout(300)
                    t = time.perf_counter()
                    page.get_by_role("button", name=label, exact=True).click()
                    page.wait_for_timeout(30)
                    page.wait_for_function(SHOWN, arg=label, timeout=60_000, polling=20)
                    times[slug] = time.perf_counter() - t
                row = " ".join(f"{k}={v:.2f}" for k, v in times.items())
                print(f"page switch ({visit}): median {statistics.median(times.values()):.2f} s, "
                      f"max {max(times.values()):.2f} s  {row}")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
