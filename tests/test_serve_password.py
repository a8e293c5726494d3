"""`concert serve --password` on a live server: login, user name, throttle, origins.

One server for the module (``python -m concert serve`` in a subprocess on 127.0.0.1, a free
port, always stopped). Its password is the path of an existing JSON credentials file, which
Panel's own ``basic_auth`` would read as a file (and then answer HTTP 500). Each test speaks
from its own loopback source address (127.0.0.x) so that the per-address throttle of one test
never touches another.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from _helpers import stop

from concert import Store
from concert.example import capitale_nationale

USER = "comite"
ALLOWED = "tableau.example.org:8443"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    port: int
    password: str


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def _request(server: Server, method: str, path: str, *, source: str = "127.0.0.1",
             form: dict[str, str] | None = None, cookie: str | None = None) -> Answer:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30,
                                      source_address=(source, 0))
    headers = {}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        headers["Cookie"] = cookie
    try:
        conn.request(method, path, body, headers)
        resp = conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        found = {k.lower(): v for k, v in resp.getheaders()}
        found["set-cookie"] = "; ".join(resp.headers.get_all("Set-Cookie") or [])
        return Answer(resp.status, found, text)
    finally:
        conn.close()


def _login(server: Server, source: str, user: str = USER, password: str | None = None) -> Answer:
    form = {"username": user, "password": server.password if password is None else password}
    return _request(server, "POST", "/login", source=source, form=form)


def _user_cookie(answer: Answer) -> str:
    match = re.search(r"(?:^|; )user=([^;]+)", answer.headers["set-cookie"])
    assert match, answer.headers
    return f"user={match[1]}"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "cn.db"
    with Store(db) as store:
        store.save_region(capitale_nationale())
    credentials = folder / "credentials.json"
    credentials.write_text('{"comite": "something else"}', encoding="utf-8")
    srv = Server(_free_port(), str(credentials))
    log = folder / "server.log"
    with log.open("wb") as out:  # a file, not a pipe: every refused login is logged
        proc = subprocess.Popen([sys.executable, "-m", "concert", "serve", str(db), "--port",
                                 str(srv.port), "--password", srv.password,
                                 "--allow-origin", ALLOWED],
                                stdout=out, stderr=subprocess.STDOUT,
                                cwd=Path(__file__).resolve().parents[1])
    try:
        for _ in range(240):
            try:
                _request(srv, "GET", "/login")
                break
            except OSError:
                assert proc.poll() is None, log.read_text(encoding="utf-8", errors="replace")
                time.sleep(0.25)
        else:
            pytest.fail("the server did not answer within 60 s")
        yield srv
    finally:
        stop(proc)


def test_visitor_gets_a_local_french_login_form_first(server):
    first = _request(server, "GET", "/", source="127.0.0.2")
    assert first.status == 302 and "login" in first.headers["location"]
    assert "Capitale-Nationale" not in first.body
    page = _request(server, "GET", "/login?next=%2F", source="127.0.0.2")
    assert page.status == 200
    assert 'type="password"' in page.body and "Mot de passe" in page.body
    # Served by the server itself: nothing fetched from a CDN.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.body)
    english = _request(server, "GET", "/login?next=%2F%3Flang%3Den", source="127.0.0.2")
    assert "Password" in english.body and 'lang="en"' in english.body


def test_password_naming_an_existing_file_is_a_password(server):
    assert Path(server.password).is_file()
    answer = _login(server, "127.0.0.3")
    assert answer.status == 302, answer.body
    page = _request(server, "GET", "/", source="127.0.0.3", cookie=_user_cookie(answer))
    assert page.status == 200
    assert '"token":"' in page.body  # the Bokeh document, not the login form
    assert 'type="password"' not in page.body
    # The file's content is not a credential either.
    refused = _login(server, "127.0.0.3", password="something else")
    assert refused.status == 401 and "user=" not in refused.headers["set-cookie"]


def test_wrong_user_name_is_refused(server):
    for user in ("admin", "guest", "Comite", ""):
        answer = _login(server, "127.0.0.4", user=user)
        assert answer.status == 401, user
        assert "user=" not in answer.headers["set-cookie"]
        assert "Nom d’utilisateur ou mot de passe incorrect" in answer.body
    assert _login(server, "127.0.0.4").status == 302


def test_wrong_passwords_are_slowed_per_address(server):
    source = "127.0.0.10"
    start = time.perf_counter()
    free = [_login(server, source, password=f"guess{i}") for i in range(5)]
    assert [a.status for a in free] == [401] * 5
    assert all("retry-after" not in a.headers for a in free)
    sixth = _login(server, source, password="guess5")
    assert sixth.status == 401 and sixth.headers["retry-after"] == "1"

    # Hammer for 2.5 s (bounded): nearly every attempt is refused unchecked.
    checked = refused = 0
    deadline = time.perf_counter() + 2.5
    for i in range(5000):
        if time.perf_counter() >= deadline:
            break
        answer = _login(server, source, password=f"again{i}")
        if answer.status == 429:
            refused += 1
            assert int(answer.headers["retry-after"]) >= 1
            assert "Trop d’essais depuis votre adresse" in answer.body
        else:
            assert answer.status == 401
            checked += 1
    # 1 s then 2 s of lock-out: at most one more password checked in 2.5 s.
    assert checked <= 1 and refused >= 20, (checked, refused)

    # Even the right password waits out the lock-out...
    locked = _login(server, source)
    assert locked.status == 429 and "user=" not in locked.headers["set-cookie"]
    # ...while another address is not slowed at all.
    assert _login(server, "127.0.0.11").status == 302

    time.sleep(int(locked.headers["retry-after"]) + 0.2)
    assert _login(server, source).status == 302
    # A success forgets the failures: the next wrong password is checked, not refused.
    after = _login(server, source, password="oops")
    assert after.status == 401 and "retry-after" not in after.headers
    assert time.perf_counter() - start < 15


def _open_websocket(server: Server, cookie: str | None, origin: str) -> str | int:
    """Open the dashboard's websocket as a browser would; the first message, or the status.

    A raw handshake (RFC 6455) over a socket, so the Origin header is exactly ``origin``.
    """
    page = _request(server, "GET", "/", source="127.0.0.5", cookie=cookie)
    token = re.search(r'"token":"([^"]+)"', page.body)
    lines = ["GET /ws HTTP/1.1", f"Host: 127.0.0.1:{server.port}", "Upgrade: websocket",
             "Connection: Upgrade", "Sec-WebSocket-Version: 13",
             f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
             f"Sec-WebSocket-Protocol: bokeh, {token[1] if token else 'none'}",
             f"Origin: {origin}"] + ([f"Cookie: {cookie}"] if cookie else [])
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            assert chunk, data
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        status = int(head.split()[1])
        if status != 101:
            return status
        # The first frame the server sends (unmasked text frame: opcode, length, payload).
        def more(rest: bytes) -> bytes:
            chunk = sock.recv(65536)
            assert chunk, "the server closed the websocket after accepting it"
            return rest + chunk

        while len(rest) < 4:
            rest = more(rest)
        length, offset = rest[1] & 0x7F, 2
        if length == 126:
            length, offset = struct.unpack(">H", rest[2:4])[0], 4
        while len(rest) < offset + length:
            rest = more(rest)
        return rest[offset:offset + length].decode("utf-8")


def test_websocket_accepts_allowed_origins_only(server):
    cookie = _user_cookie(_login(server, "127.0.0.5"))
    for origin in (f"https://{ALLOWED}", f"http://127.0.0.1:{server.port}",
                   f"http://localhost:{server.port}"):
        message = _open_websocket(server, cookie, origin)
        assert isinstance(message, str) and '"ACK"' in message, (origin, message)
    for origin in ("http://evil.example:8443", f"http://tableau.example.org:{server.port}",
                   "null"):
        assert _open_websocket(server, cookie, origin) == 403, origin
    # No login, right origin: refused too.
    assert _open_websocket(server, None, f"http://127.0.0.1:{server.port}") == 403
