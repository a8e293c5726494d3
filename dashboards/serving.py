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

When the file holds named accounts (:mod:`concert.accounts`), :class:`AccountsAuthProvider`
signs each person in with :meth:`concert.Store.login` instead: failures are slowed per
client address *and* per account name, and the signed-in login reaches the session as
``pn.state.user``. On a file without any account, served with accounts wanted, the login
page asks for the first administrator, and only from this computer
(:func:`first_admin_allowed`).

:func:`websocket_origins` decides which ``Origin`` the websocket accepts (Bokeh's
``allow_websocket_origin``) and :func:`origin_warning` says so when the server listens
beyond this computer.
"""

from __future__ import annotations

import asyncio
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
from concert.accounts import Account, first_admin_needed, normalise_name
from concert.store import Store

__all__ = ["ACCOUNTS_LOGIN", "DEFAULT_USER", "AccountsAuthProvider", "LoginThrottle",
           "PasswordAuthProvider", "client_key", "first_admin_allowed",
           "normalise_origin", "origin_warning", "websocket_origins"]

DEFAULT_USER = "comite"
FREE_FAILURES = 5
BASE_DELAY = 1.0
MAX_DELAY = 300.0
FORGET_AFTER = 3600.0
MAX_ADDRESSES = 10_000
LOGIN = "/login"
LOGOUT = "/logout"
ACCOUNTS_LOGIN = True
"""The dashboard signs visitors in with the file's named accounts (read by ``concert serve``:
a file with accounts may then be served beyond localhost)."""


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
select{width:100%;box-sizing:border-box;padding:.5em;font-size:1em}
p.help{color:#444;font-size:.95em;margin:.2em 0 .6em}nav.lang{text-align:right;font-size:.9em}
nav.lang a{color:#1f5f8b}
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


# --------------------------------------------------------------------------- named accounts
def _lang_links(lang: str, endpoint: str) -> str:
    """A link to the same page in the other language."""
    other = "en" if lang == "fr" else "fr"
    return (f'<nav class="lang"><a href=".{escape(endpoint)}?lang={other}" lang="{other}">'
            f"{escape(i18n.t('serve.login.other_lang', lang))}</a></nav>")


def accounts_login_page(lang: str, message: str = "", endpoint: str = LOGIN) -> str:
    """The named-account login form (HTML), with a link to the other language."""
    page = login_page(lang, message, endpoint)
    return page.replace("<main>", "<main>" + _lang_links(lang, endpoint), 1)


def first_admin_page(lang: str, organisations: list[tuple[str, str]], message: str = "",
                     endpoint: str = LOGIN, values: dict[str, str] | None = None) -> str:
    """The form that creates the file's first account, an administrator (HTML).

    ``organisations`` are ``(value, label)`` pairs, the value being ``region/actor``.
    """
    values = values or {}
    error = f'<p class="error" role="alert">{escape(message)}</p>' if message else ""
    chosen = values.get("organisation", "")
    options = "".join(
        f'<option value="{escape(value)}"{" selected" if value == chosen else ""}>'
        f"{escape(label)}</option>" for value, label in organisations)
    organisation = (
        f'<label for="organisation">{escape(i18n.t("serve.first.organisation", lang))}</label>'
        f'<select id="organisation" name="organisation" required>{options}</select>'
        if organisations else "")

    def field(name: str, key: str, kind: str, auto: str) -> str:
        value = f' value="{escape(values.get(name, ""))}"' if kind == "text" else ""
        return (f'<label for="{name}">{escape(i18n.t(key, lang))}</label>'
                f'<input id="{name}" name="{name}" type="{kind}" autocomplete="{auto}"'
                f'{value}{" required" if name != "display_name" else ""}>')

    body = (_lang_links(lang, endpoint)
            + f"<h1>{escape(i18n.t('serve.first.title', lang))}</h1>"
            f'<p class="help">{escape(i18n.t("serve.first.help", lang))}</p>{error}'
            f'<form action=".{escape(endpoint)}" method="post">'
            f'<input type="hidden" name="lang" value="{lang}">'
            f'<input type="hidden" name="action" value="first_admin">'
            + field("username", "serve.login.user", "text", "username")
            + field("display_name", "serve.first.display_name", "text", "name")
            + organisation
            + field("password", "serve.login.password", "password", "new-password")
            + field("confirm", "serve.first.confirm", "password", "new-password")
            + f'<button type="submit">{escape(i18n.t("serve.first.submit", lang))}</button>'
            f"</form>")
    return _html(lang, i18n.t("serve.first.title", lang), body)


_FORWARDED = ("X-Forwarded-For", "X-Real-Ip", "Forwarded", "X-Forwarded-Host")


def first_admin_allowed(remote_ip: str | None, host: str | None,
                        headers: Any = None) -> bool:
    """Whether a request may create the first administrator: from this computer only.

    The client address and the ``Host`` asked for are loopback, and no proxy header says
    the request came from elsewhere (a reverse proxy on the same machine).

    Examples
    --------
    >>> first_admin_allowed("127.0.0.1", "localhost:5006")
    True
    >>> first_admin_allowed("192.0.2.7", "localhost:5006"), first_admin_allowed(
    ...     "127.0.0.1", "tableau.example.org")
    (False, False)
    """
    if not is_loopback(client_key(remote_ip)):
        return False
    name = (host or "").strip()
    name = name[1:].split("]")[0] if name.startswith("[") else name.rsplit(":", 1)[0]
    if not is_loopback(name):
        return False
    return not any((headers or {}).get(h) for h in _FORWARDED)


def _organisations(db_path: str, lang: str) -> list[tuple[str, str]]:
    """Every actor of the file as ``(region/actor, "name (region)")``, for the first account."""
    out: list[tuple[str, str]] = []
    with Store(db_path) as store:
        regions = store.regions()
        for code, name in regions:
            region = store.load_region(code)
            for actor in sorted(region.actors, key=lambda a: a.name.casefold()):
                label = f"{actor.name} ({name})" if len(regions) > 1 else actor.name
                out.append((f"{code}/{actor.id}", label))
    return out


class AccountsLoginHandler(ConcertLoginHandler):
    """Sign in with a named account of the file (:meth:`concert.Store.login`), throttled.

    Failures count per client address and per account name: one address cannot try many
    names quickly, and many addresses cannot try one name quickly. The slow hash runs in
    a worker thread (the server keeps answering meanwhile). On a file without accounts the
    page creates the first administrator instead, from this computer only.
    """

    db_path: str = ""
    names: LoginThrottle = LoginThrottle()
    first_lock = threading.Lock()

    def get(self) -> None:
        next_url = _validate_next_url(self.get_argument("next", state.base_url))
        if next_url:
            self.set_cookie("next_url", next_url)
        lang = _page_lang(self, self.default_lang)
        if self._first_admin_needed():
            return self._first(200, lang)
        return self._answer(200, lang)

    def _first_admin_needed(self) -> bool:
        with Store(self.db_path) as store:
            return first_admin_needed(store)

    async def post(self) -> None:  # type: ignore[override]
        lang = _page_lang(self, self.default_lang)
        if self.get_argument("action", "") == "first_admin":
            return await self._create_first(lang)
        key = client_key(self.request.remote_ip)
        user = self.get_argument("username", "")
        password = self.get_argument("password", "", strip=False)
        name = str(normalise_name(user))[:64]
        wait = max(self.throttle.wait(key), self.names.wait(name))
        if wait > 0:
            return self._refuse(429, lang, i18n.t("serve.login.wait_account", lang,
                                                  seconds=math.ceil(wait)), wait)
        session = await asyncio.get_running_loop().run_in_executor(
            None, self._login, user, password)
        if session is not None:
            self.throttle.success(key)
            self.names.success(name)
            self.set_current_user(session)
            self.redirect(_validate_next_url(self.get_cookie("next_url", state.base_url)) or "/")
            return None
        delay = max(self.throttle.failure(key), self.names.failure(name))
        message = i18n.t("serve.login.wrong", lang)
        if delay > 0:
            message += " " + i18n.t("serve.login.wait_account", lang, seconds=math.ceil(delay))
        return self._refuse(401, lang, message, delay)

    def _login(self, user: str, password: str) -> str | None:
        with Store(self.db_path) as store:
            session = store.login(user, password)
        return session.name if session is not None else None

    async def _create_first(self, lang: str) -> None:
        if not first_admin_allowed(self.request.remote_ip, self.request.host,
                                   self.request.headers):
            self.set_status(403)
            self.write(_html(lang, i18n.t("serve.first.title", lang),
                             f'<p class="error">{escape(i18n.t("serve.first.local", lang))}</p>'))
            return
        values = {k: self.get_argument(k, "") for k in ("username", "display_name",
                                                         "organisation")}
        password = self.get_argument("password", "", strip=False)
        if password != self.get_argument("confirm", "", strip=False):
            return self._first(400, lang, i18n.t("serve.first.mismatch", lang), values)
        region, _, actor = values["organisation"].partition("/")
        try:
            name = await asyncio.get_running_loop().run_in_executor(
                None, self._add_first, values["username"], values["display_name"], region,
                actor, password)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, never a traceback
            text = exc.text(lang) if hasattr(exc, "text") else i18n.t("serve.first.failed", lang)
            return self._first(400, lang, str(text), values)
        if name is None:  # someone else created it meanwhile: sign in as everyone else
            return self._answer(409, lang, i18n.t("serve.first.exists", lang))
        self.set_current_user(name)
        self.redirect(_validate_next_url(self.get_cookie("next_url", state.base_url)) or "/")
        return None

    def _add_first(self, user: str, display: str, region: str, actor: str,
                   password: str) -> str | None:
        account = Account(user, "admin", display_name=display, region=region,
                          organisation=actor)
        with self.first_lock, Store(self.db_path) as store:
            if not first_admin_needed(store):
                return None
            store.add_account(account, password)
        return account.name

    def _first(self, status: int, lang: str, message: str = "",
               values: dict[str, str] | None = None) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        if not first_admin_allowed(self.request.remote_ip, self.request.host,
                                   self.request.headers):
            self.write(_html(lang, i18n.t("serve.first.title", lang),
                             f'<p class="error">{escape(i18n.t("serve.first.local", lang))}</p>'))
            return
        self.write(first_admin_page(lang, _organisations(self.db_path, lang), message,
                                    self._login_endpoint, values))

    def _answer(self, status: int, lang: str, message: str = "") -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.write(accounts_login_page(lang, message, self._login_endpoint))


class AccountsAuthProvider(BasicAuthProvider):
    """Panel's basic authentication against the file's named accounts, throttled.

    The signed-in login is the cookie's user (``pn.state.user``); the session builds
    the account's :class:`concert.accounts.Session` from it with
    :meth:`concert.Store.session` (a removed account is refused there).

    Parameters
    ----------
    db_path : str or Path
        The concert SQLite file.
    lang : str
        Language of the login page when the visitor's URL does not say.
    throttle, names : LoginThrottle, optional
        Failures per client address and per account name (default: new ones).
    """

    def __init__(self, db_path: Any, *, lang: str = "fr", throttle: LoginThrottle | None = None,
                 names: LoginThrottle | None = None) -> None:
        self.throttle = throttle or LoginThrottle()
        self.names = names or LoginThrottle()
        self._login_class = type("ConcertAccountsLogin", (AccountsLoginHandler,), {
            "db_path": str(db_path), "throttle": self.throttle, "names": self.names,
            "default_lang": lang, "_login_endpoint": LOGIN, "first_lock": threading.Lock()})
        self._logout_class = type("ConcertLogout", (ConcertLogoutHandler,), {
            "default_lang": lang, "_login_endpoint": LOGIN})
        super().__init__(login_endpoint=LOGIN, logout_endpoint=LOGOUT)

    @property
    def login_handler(self) -> type[AccountsLoginHandler]:
        """The login page handler (named accounts, first administrator)."""
        return self._login_class

    @property
    def logout_handler(self) -> type[ConcertLogoutHandler]:
        """The logout page handler."""
        return self._logout_class
