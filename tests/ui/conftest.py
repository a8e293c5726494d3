"""Browser tests of the dashboard: a real server and Debian's Chromium (never a download).

One server runs for the whole session, in a subprocess, on a free localhost port, over
an example database written in a temporary folder. Pages are opened with pytest-playwright
(the ``page`` fixture), whose browser is Debian's ``/usr/bin/chromium``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from concert.example import capitale_nationale
from concert.store import Store

TODAY = dt.date(2025, 1, 15)  # the date the server treats as today (as the unit tests do)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
READY = "() => window.Bokeh && Bokeh.documents.length && Bokeh.documents[0].is_idle"

SERVER = """
import datetime as dt, sys
import concert.settings
concert.settings.today = dt.date.fromisoformat(sys.argv[3])
from dashboards.app import serve
serve(sys.argv[1], port=int(sys.argv[2]))
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test of this folder drives the browser: mark them ``ui``."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.ui)
            # pytest-playwright's own session fixtures are instance methods, which pytest
            # will refuse in version 10: its warning, not ours.
            item.add_marker(pytest.mark.filterwarnings(
                "ignore:Session-scoped fixtures defined as instance methods"
                ":pytest.PytestRemovedIn10Warning"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def ui_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example region, dated around 2025-01-15, in a fresh SQLite file."""
    path = tmp_path_factory.mktemp("ui") / "example.db"
    with Store(path) as store:
        store.save_region(capitale_nationale(reference=TODAY))
    return path


@contextlib.contextmanager
def serve_dashboard(db: Path, log: Path, today: dt.date = TODAY) -> Iterator[str]:
    """Serve the dashboard of ``db`` in a subprocess; yield its base URL; stop it at the end.

    The server treats ``today`` as today (a date that passes: serve again, later).

    The server's output goes to ``log``; fails the test if the server does not start, or
    if its log shows a traceback when it stops.
    """
    port = _free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port),
                                 today.isoformat()], stdout=out, stderr=subprocess.STDOUT,
                                env=env)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the dashboard server did not start:\n{log.read_text()}")
        time.sleep(0.3)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    text = log.read_text()
    assert _server_errors(text) == [], f"the server raised an exception:\n{text}"


@pytest.fixture(scope="session")
def server(ui_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the dashboard of ``ui_db`` for the whole session; yield its base URL.

    The session fails if the server's log shows a traceback.
    """
    with serve_dashboard(ui_db, tmp_path_factory.mktemp("server") / "server.log") as url:
        yield url


def _server_errors(log: str) -> list[str]:
    """Tracebacks and bokeh warnings in the server's log, except a websocket closed by the
    browser as a test moves on (tornado reports it, it is not an error of the dashboard):
    closed while being written to, or closed before bokeh attached its session to it (bokeh's
    ``on_close`` then asserts ``self._session is not None``)."""
    problems = []
    for block in log.split("Task exception was never retrieved"):
        for part in block.split("Traceback (most recent call last):")[1:]:
            closed = ("WebSocketClosedError" in part or "StreamClosedError" in part
                      or ("notify_connection_lost" in part
                          and "assert self._session is not None" in part))
            if not closed:
                problems.append(part[:2000])
    problems += [line for line in log.splitlines() if "BokehUserWarning" in line]
    return problems


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium, headless (pytest-playwright never downloads a browser)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A full-HD window, as on a committee's screen."""
    return {**browser_context_args, "viewport": {"width": 1920, "height": 1080}}


class Console:
    """The console messages and uncaught errors of a page."""

    def __init__(self, page: Any) -> None:
        self.messages: list[tuple[str, str]] = []
        page.on("console", lambda m: self.messages.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e))))

    @property
    def errors(self) -> list[tuple[str, str]]:
        """Errors only (warnings and logs are allowed)."""
        return [m for m in self.messages if m[0] in ("error", "pageerror")]


def choose_files(page: Any, files: Any, name: str) -> None:
    """Choose ``files`` in the page's file input (``set_input_files``), then wait until the
    browser has read the file named ``name``: its content goes to the server before any
    click that follows (else a click may import the previous file)."""
    page.locator("input[type=file]").set_input_files(files)
    page.wait_for_function("""(name) => [...Bokeh.documents[0].all_models].some(m => {
        if (!m.type.endsWith('FileInput')) return false;
        try {  // (reading a property not set yet throws)
          return [].concat(m.filename).includes(name) && [].concat(m.value).every(v => v);
        } catch (e) { return false; }
      })""", arg=name, timeout=15_000)


@pytest.fixture
def console(page: Any) -> Console:
    """Collect the console messages of ``page``."""
    return Console(page)


@pytest.fixture
def open_page(page: Any, server: str) -> Any:
    """``open_page(**query)``: open the dashboard with URL query arguments and wait until
    bokeh has drawn everything; return the page."""

    def go(**query: str) -> Any:
        args = "&".join(f"{k}={v}" for k, v in query.items())
        page.goto(server + ("?" + args if args else ""))
        page.wait_for_function(READY, timeout=60_000)
        return page

    return go
