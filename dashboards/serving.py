"""Serving the dashboard: the password login, its throttle and the allowed origins.

``concert serve DB --password X`` asks every visitor for one user name (``--user``,
default :data:`DEFAULT_USER`) and one password. It plugs into Panel's own mechanism:
:class:`PasswordAuthProvider` is a :class:`panel.auth.BasicAuthProvider` (same cookies,
same session handling) whose login handler

- compares the user name and the password with :func:`hmac.compare_digest` (on SHA-256
  digests, so neither their content nor their length shows in the timing), and never reads
  the password as a file name (Panel's ``basic_auth`` option reads an existing path as a
  credentials file);
- counts failures per client address (:class:`LoginThrottle`): after
  :data:`FREE_FAILURES` failures the address is refused with HTTP 429 for 1 s, then 2 s,
  4 s... up to :data:`MAX_DELAY`; at most :data:`MAX_ADDRESSES` addresses are tracked;
- shows its page in French or English, from the server itself (no network access).

:func:`websocket_origins` decides which ``Origin`` the websocket accepts (Bokeh's
``allow_websocket_origin``) and :func:`origin_warning` says so when the server listens
beyond this computer.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import re
import socket
import threading
import time
import unicodedata
import urllib.parse
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from panel.auth import BasicAuthProvider, BasicLoginHandler, LogoutHandler, _validate_next_url
from panel.io.state import state

from concert import i18n

__all__ = ["DEFAULT_USER", "LoginThrottle", "PasswordAuthProvider", "client_key",
           "normalise_origin", "origin_warning", "websocket_origins"]

DEFAULT_USER = "comite"
FREE_FAILURES = 5
BASE_DELAY = 1.0
MAX_DELAY = 300.0
FORGET_AFTER = 3600.0
MAX_ADDRESSES = 10_000
LOGIN = "/login"
LOGOUT = "/logout"


# --------------------------------------------------------------------------- throttle
@dataclass
class _Failures:
    count: int
    last: float
    locked_until: float


class LoginThrottle:
    """Failed logins per client address, with a lock-out that doubles up to a cap.

    Parameters
    ----------
    free_failures : int
        Failures allowed before the first lock-out.
    base_delay, max_delay : float
        The first lock-out (seconds), doubled at each further failure up to ``max_delay``.
    forget_after : float
        An address with no failure for this long starts afresh.
    max_addresses : int
        Addresses tracked at most; beyond, the stalest are forgotten (memory stays bounded).
    clock : callable
        Seconds, monotonic (tests pass a fake one).

    Examples
    --------
    >>> now = [0.0]
    >>> throttle = LoginThrottle(free_failures=2, clock=lambda: now[0])
    >>> [throttle.failure("10.0.0.1") for _ in range(4)]
    [0.0, 0.0, 1.0, 2.0]
    >>> throttle.wait("10.0.0.1"), throttle.wait("10.0.0.2")
    (2.0, 0.0)
    >>> throttle.success("10.0.0.1"); throttle.wait("10.0.0.1")
    0.0
    """

    def __init__(self, *, free_failures: int = FREE_FAILURES, base_delay: float = BASE_DELAY,
                 max_delay: float = MAX_DELAY, forget_after: float = FORGET_AFTER,
                 max_addresses: int = MAX_ADDRESSES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.free_failures = free_failures
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.forget_after = forget_after
        self.max_addresses = max_addresses
        self._clock = clock
        self._entries: OrderedDict[str, _Failures] = OrderedDict()  # stalest first
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def wait(self, key: str) -> float:
        """Seconds before ``key`` may try again (0: it may now)."""
        with self._lock:
            now = self._clock()
            entry = self._entries.get(key)
            if entry is None:
                return 0.0
            if now - entry.last >= self.forget_after:
                del self._entries[key]
                return 0.0
            return max(0.0, entry.locked_until - now)

    def failure(self, key: str) -> float:
        """Record a failed login of ``key``; return the lock-out it now has (seconds)."""
        with self._lock:
            now = self._clock()
            entry = self._entries.pop(key, None)
            if entry is None or now - entry.last >= self.forget_after:
                self._make_room(now)
                entry = _Failures(0, now, now)
            entry.count += 1
            entry.last = now
            beyond = entry.count - self.free_failures
            delay = 0.0
            if beyond > 0:
                delay = min(self.base_delay * 2.0 ** (beyond - 1), self.max_delay)
            entry.locked_until = now + delay
            self._entries[key] = entry  # now the freshest
            return delay

    def success(self, key: str) -> None:
        """Forget the failures of ``key`` (it logged in)."""
        with self._lock:
            self._entries.pop(key, None)

    def _make_room(self, now: float) -> None:
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if now - entry.last < self.forget_after and len(self._entries) < self.max_addresses:
                break
            del self._entries[key]


def client_key(remote_ip: str | None) -> str:
    """The throttle key of a client address: IPv4 as is, IPv6 by its /64 network.

    One IPv6 host usually holds a whole /64, so counting single IPv6 addresses would let it
    try 2**64 times as often.

    Examples
    --------
    >>> client_key("192.0.2.7"), client_key("::ffff:192.0.2.7")
    ('192.0.2.7', '192.0.2.7')
    >>> client_key("2001:db8:1:2:aaaa::1")
    '2001:db8:1:2::/64'
    """
    text = (remote_ip or "").strip()
    try:
        ip = ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return text[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


# --------------------------------------------------------------------------- login pages
def _digest(text: str) -> bytes:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).digest()


def _page_lang(handler: Any, default: str) -> str:
    """``fr`` or ``en``: the ``lang`` argument, else the one of the page asked for."""
    lang = handler.get_argument("lang", "")
    if lang not in i18n.LANGS:
        next_url = handler.get_argument("next", "") or handler.get_cookie("next_url", "")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(next_url).query)
        lang = (query.get("lang") or [""])[0]
    return lang if lang in i18n.LANGS else default


_STYLE = """
body{font-family:system-ui,'Segoe UI',sans-serif;background:#f6f7f9;margin:0;display:flex;
min-height:100vh;align-items:center;justify-content:center;line-height:1.5}
main{background:#fff;border:1px solid #ddd;border-radius:6px;padding:2em;width:22em}
h1{font-size:1.3em;margin:0 0 .8em}label{display:block;margin:.6em 0 .2em}
input{width:100%;box-sizing:border-box;padding:.5em;font-size:1em}
button{margin-top:1.2em;width:100%;padding:.6em;font-size:1em;background:#1f5f8b;color:#fff;
border:0;border-radius:4px;cursor:pointer}p.error{color:#b00020;font-weight:600}
"""


def _html(lang: str, title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>")


def login_page(lang: str, message: str = "", endpoint: str = "/login") -> str:
    """The login form (HTML), with ``message`` shown as an error when given."""
    error = f'<p class="error" role="alert">{escape(message)}</p>' if message else ""
    body = (f"<h1>{escape(i18n.t('serve.login.title', lang))}</h1>{error}"
            f'<form action=".{escape(endpoint)}" method="post">'
            f'<input type="hidden" name="lang" value="{lang}">'
            f'<label for="username">{escape(i18n.t("serve.login.user", lang))}</label>'
            f'<input id="username" name="username" type="text" autocapitalize="off" '
            f'autocorrect="off" autocomplete="username" required autofocus>'
            f'<label for="password">{escape(i18n.t("serve.login.password", lang))}</label>'
            f'<input id="password" name="password" type="password" '
            f'autocomplete="current-password" required>'
            f'<button type="submit">{escape(i18n.t("serve.login.submit", lang))}</button>'
            f"</form>")
    return _html(lang, i18n.t("serve.login.title", lang), body)


class ConcertLoginHandler(BasicLoginHandler):
    """Panel's basic login handler with one user name, digest comparison and a throttle.

    The class attributes are set on a subclass made by :class:`PasswordAuthProvider`, so two
    servers in one process never share them.
    """

    user_digest: bytes = b""
    password_digest: bytes = b""
    throttle: LoginThrottle = LoginThrottle()
    default_lang: str = "fr"

    def get(self) -> None:
        next_url = _validate_next_url(self.get_argument("next", state.base_url))
        if next_url:
            self.set_cookie("next_url", next_url)
        self._answer(200, _page_lang(self, self.default_lang))

    def post(self) -> None:
        lang = _page_lang(self, self.default_lang)
        key = client_key(self.request.remote_ip)
        wait = self.throttle.wait(key)
        if wait > 0:
            return self._refuse(429, lang, i18n.t("serve.login.wait", lang,
                                                  seconds=math.ceil(wait)), wait)
        user = self.get_argument("username", "")
        password = self.get_argument("password", "", strip=False)
        if self._validate(user, password):
            self.throttle.success(key)
            self.set_current_user(user)
            self.redirect(_validate_next_url(self.get_cookie("next_url", state.base_url)) or "/")
            return None
        delay = self.throttle.failure(key)
        message = i18n.t("serve.login.wrong", lang)
        if delay > 0:
            message += " " + i18n.t("serve.login.wait", lang, seconds=math.ceil(delay))
        return self._refuse(401, lang, message, delay)

    def _validate(self, username: str, password: str) -> bool:
        # Both comparisons always run: the timing says nothing of which one failed.
        user_ok = hmac.compare_digest(_digest(username), self.user_digest)
        password_ok = hmac.compare_digest(_digest(password), self.password_digest)
        return bool(user_ok & password_ok)

    def _refuse(self, status: int, lang: str, message: str, wait: float) -> None:
        if wait > 0:
            self.set_header("Retry-After", str(math.ceil(wait)))
        self._answer(status, lang, message)

    def _answer(self, status: int, lang: str, message: str = "") -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.write(login_page(lang, message, self._login_endpoint))


class ConcertLogoutHandler(LogoutHandler):
    """Panel's logout handler (clears the cookies), with a page served locally."""

    default_lang: str = "fr"

    def get(self) -> None:
        for name in ("user", "id_token", "access_token", "refresh_token", "oauth_expiry"):
            self.clear_cookie(name)
        lang = _page_lang(self, self.default_lang)
        body = (f"<h1>{escape(i18n.t('serve.logout.title', lang))}</h1>"
                f'<p><a href=".{escape(self._login_endpoint)}">'
                f"{escape(i18n.t('serve.logout.again', lang))}</a></p>")
        self.set_header("Cache-Control", "no-store")
        self.write(_html(lang, i18n.t("serve.logout.title", lang), body))


class PasswordAuthProvider(BasicAuthProvider):
    """Panel's basic authentication for one user name and one password, throttled.

    Pass it to ``pn.serve(..., auth_provider=provider, cookie_secret=...)`` instead of
    ``basic_auth``.

    Parameters
    ----------
    password : str
        The password (never read as a file name). Must not be empty.
    user : str
        The one user name accepted (default :data:`DEFAULT_USER`).
    lang : str
        Language of the login page when the visitor's URL does not say (``fr`` or ``en``).
    throttle : LoginThrottle, optional
        Default: a new one with the module's settings.
    """

    def __init__(self, password: str, *, user: str = DEFAULT_USER, lang: str = "fr",
                 throttle: LoginThrottle | None = None) -> None:
        if not password or not user.strip():
            raise ValueError("empty user name or password")
        self.throttle = throttle or LoginThrottle()
        # Set before Panel's __init__, whose validation reads ``login_handler``.
        self._login_class = type("ConcertLogin", (ConcertLoginHandler,), {
            "user_digest": _digest(user.strip()), "password_digest": _digest(password),
            "throttle": self.throttle, "default_lang": lang, "_login_endpoint": LOGIN})
        self._logout_class = type("ConcertLogout", (ConcertLogoutHandler,), {
            "default_lang": lang, "_login_endpoint": LOGIN})
        super().__init__(login_endpoint=LOGIN, logout_endpoint=LOGOUT)

    @property
    def login_handler(self) -> type[ConcertLoginHandler]:
        """The login page handler, in the server's language, with the throttle."""
        return self._login_class

    @property
    def logout_handler(self) -> type[ConcertLogoutHandler]:
        """The logout page handler."""
        return self._logout_class


# --------------------------------------------------------------------------- origins
_ORIGIN = re.compile(r"^(?P<host>[a-z0-9*](?:[a-z0-9.*-]{0,252}))(?::(?P<port>\d{1,5}))?$")
_WILDCARD_ADDRESSES = {"", "0.0.0.0", "::"}


def normalise_origin(value: str) -> str:
    """``HOST[:PORT]`` as Bokeh's allow-list wants it, from what a person may type.

    A URL is cut to its host and port; without a port, Bokeh assumes the browser's default
    port (a reverse proxy on 80 or 443). IPv6 literals are not supported by Bokeh.

    Raises
    ------
    ValueError
        With the translated message, when ``value`` is not a host name or IPv4 address.

    Examples
    --------
    >>> normalise_origin("https://Tableau.Example.org/app"), normalise_origin("10.0.0.5:5006")
    ('tableau.example.org', '10.0.0.5:5006')
    """
    text = value.strip().lower()
    if "://" in text:
        text = urllib.parse.urlsplit(text).netloc
    text = text.split("/")[0].rsplit("@", 1)[-1]
    match = _ORIGIN.match(text)
    if not match or (match["port"] and not 0 < int(match["port"]) < 65536):
        raise ValueError(i18n.t("serve.origin.invalid", value=value))
    return text


def is_loopback(address: str) -> bool:
    """Whether ``address`` is this computer only (``localhost``, ``127.x``, ``::1``)."""
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip()).is_loopback
    except ValueError:
        return False


def machine_addresses() -> list[str]:
    """The computer's host names and IPv4 addresses (no loopback), best effort, no traffic."""
    names: list[str] = []
    try:
        hostname = socket.gethostname()
        names += [hostname, socket.getfqdn()]
        names += socket.gethostbyname_ex(hostname)[2]
    except OSError:
        pass
    try:  # the address of the default route; a UDP "connect" sends nothing
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            names.append(probe.getsockname()[0])
    except OSError:
        pass
    found: list[str] = []
    for name in names:
        name = name.lower()
        if name and name not in found and not is_loopback(name) and _ORIGIN.match(name):
            found.append(name)
    return found


def websocket_origins(address: str, port: int, allow: Iterable[str] = ()) -> list[str]:
    """The ``Origin`` values the dashboard's websocket accepts.

    Always ``localhost`` and ``127.0.0.1`` on ``port``. Then the origins given in ``allow``;
    when none is given and ``address`` is not loopback: ``address`` itself, or, for a
    wildcard address (``0.0.0.0``, ``::``), this computer's names and IPv4 addresses.

    Examples
    --------
    >>> websocket_origins("127.0.0.1", 5006)
    ['127.0.0.1:5006', 'localhost:5006']
    >>> websocket_origins("192.0.2.4", 5006)
    ['127.0.0.1:5006', '192.0.2.4:5006', 'localhost:5006']
    >>> websocket_origins("0.0.0.0", 80, ["tableau.example.org"])
    ['127.0.0.1:80', 'localhost:80', 'tableau.example.org']
    """
    origins = {f"localhost:{port}", f"127.0.0.1:{port}"}
    given = [normalise_origin(o) for o in allow]
    if given:
        origins.update(given)
    elif not is_loopback(address):
        hosts = machine_addresses() if address.strip() in _WILDCARD_ADDRESSES else [address]
        origins.update(f"{h.lower()}:{port}" for h in hosts if _ORIGIN.match(h.lower()))
    return sorted(origins)


def origin_warning(address: str, port: int, allow: Iterable[str] = (),
                   lang: str | None = None) -> str | None:
    """The warning to print when ``address`` is not loopback and no origin was given."""
    if is_loopback(address) or list(allow):
        return None
    origins = websocket_origins(address, port)
    return i18n.t("serve.origin.warning", lang, address=address or "*", port=port,
                  origins=", ".join(origins))


def free_port(address: str) -> int:
    """A port free on ``address`` now (what ``--port 0`` means)."""
    host = "" if address.strip() in _WILDCARD_ADDRESSES else address
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])
