"""`concert serve --password` asks for the password before showing anything."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from concert import Store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_password_protects_the_dashboard(tmp_path, example):
    db = tmp_path / "cn.db"
    with Store(db) as store:
        store.save_region(example)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "concert", "serve", str(db), "--port",
                             str(port), "--password", "s3cret"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    body = resp.read().decode("utf-8", "replace")
                    final_url = resp.geturl()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert body, "the server did not answer"
        # An unauthenticated visitor gets the login form, not the dashboard.
        assert "login" in final_url or 'type="password"' in body
        assert "Capitale-Nationale" not in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)
