"""Named accounts, their roles, what each role may do, and their passwords.

A committee's members come from several organisations (OMH, CIUSSS, community
organisations, the municipality), and landlords sit on the committee: a tenant's code
must never reach them (Entente III, L3859-3864). Each person therefore signs in with a
named :class:`Account` that speaks for one organisation of the region (an actor id) and
holds one role:

=============  ======================  ====================================================
code           label (fr / en)         may
=============  ======================  ====================================================
``admin``      Administration /        manage accounts, make and restore backups, set the
               Administrator           retention period of tenant codes and purge, read
                                       the access log, delete a region; read and change
                                       the region's records, ententes III excepted
``liaison``    Agent(e) de liaison /   read and change the region's records, ententes III
               Liaison agent           included, and see tenant codes (each showing is
                                       logged); read and write the call log
``committee``  Comité / Committee      read and change the region's records and answers,
                                       ententes III excepted; tenant codes never shown
``reader``     Lecture / Reader        read only (presentation)
=============  ======================  ====================================================

The rule is :data:`PERMISSIONS` (action -> roles), checked where data is read and
written: the store's writes (:meth:`concert.Store.save_region`,
:meth:`~concert.Store.add_assessment`, backups, accounts, the purge) and the audience view
(:func:`concert.privacy.view`) take a :class:`Session` and raise :class:`AccessDenied`
for what its role does not allow. Called without a session, they act for the file's
owner, who may do everything: the command line on one's own machine, where whoever can
read the file can read all of it anyway.

Passwords are hashed with :func:`hashlib.scrypt`, a salted, memory-hard function of the
standard library; the parameters are stored with each hash (``scrypt$n$r$p$salt$key``),
so that they can be raised later and old hashes still verify (and are re-hashed at the
next sign-in, see :func:`needs_rehash`).

Examples
--------
>>> allowed("committee", "write"), allowed("committee", "tenant_codes")
(True, False)
>>> role_label("liaison", "fr"), role_label("reader", "en")
('Agent(e) de liaison', 'Reader')
>>> stored = hash_password("un long secret", n=2**10)
>>> verify_password("un long secret", stored), verify_password("autre chose", stored)
(True, False)
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from concert import i18n
from concert._errors import AccessDenied, Message, MisuseError, Problem, Text, raise_if
from concert._validate import check_id, check_text, short, where_of

__all__ = ["ACTIONS", "PERMISSIONS", "ROLES", "Account", "RoleLabel", "Session", "allowed",
           "denied", "first_admin_needed", "hash_password", "needs_rehash", "normalise_name",
           "password_problems", "require", "role_label", "verify_password"]

ROLES = ("admin", "liaison", "committee", "reader")
"""The roles, from the most to the least trusted (their labels: ``role.<code>``)."""

PERMISSIONS: dict[str, frozenset[str]] = {
    "read": frozenset(ROLES),
    "write": frozenset({"admin", "liaison", "committee"}),
    "agreement_iii": frozenset({"liaison"}),
    "tenant_codes": frozenset({"liaison"}),
    "accounts": frozenset({"admin"}),
    "backup": frozenset({"admin"}),
    "retention": frozenset({"admin"}),
    "access_log": frozenset({"admin"}),
    "delete_region": frozenset({"admin"}),
    "calls": frozenset({"liaison"}),
}
"""Which roles may do each action (the one home of this rule).

``read``: read the region (its audience view); ``write``: change its records and add
assessments; ``agreement_iii``: add, change or remove an entente III (it holds a tenant's
code: only those who may see the codes write them); ``tenant_codes``: see tenant codes;
``accounts``: add, remove accounts and reset their passwords; ``backup``: make or restore
a backup (a backup holds everything); ``retention``: set the retention period and purge;
``access_log``: read the log of tenant-code showings; ``delete_region``: delete a region;
``calls``: read and write the rows of the liaison agent's call log (they hold tenant codes
and notes); every role may read their counts (``read``, :meth:`concert.Store.call_counts`)."""

ACTIONS = tuple(PERMISSIONS)

# ------------------------------------------------------------------ password hashing
SCRYPT_N = 2**15
"""scrypt's cost (CPU and memory: 128 × r × n bytes, 32 MiB). Raise it as machines grow:
hashes made with a lower cost still verify and are re-hashed at the next sign-in."""
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD = 10
"""The shortest password accepted (a passphrase of a few words is longer)."""
MAX_PASSWORD = 1024
# Highest cost accepted from a stored hash: a file edited by hand cannot make a sign-in
# allocate gigabytes.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    data = unicodedata.normalize("NFC", password).encode("utf-8")
    return hashlib.scrypt(data, salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES,
                          maxmem=2 * 128 * r * (n + p + 2) + 2**20)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def hash_password(password: str, *, n: int | None = None, r: int | None = None,
                  p: int | None = None) -> str:
    """A salted scrypt hash of ``password``, with its parameters: ``scrypt$n$r$p$salt$key``.

    Parameters
    ----------
    password : str
        The password, as typed (Unicode-normalised to NFC, never stripped).
    n, r, p : int, optional
        scrypt's parameters; default :data:`SCRYPT_N`, :data:`SCRYPT_R`, :data:`SCRYPT_P`
        (read at call time).

    Returns
    -------
    str
        The text to store; it never contains the password.
    """
    n = SCRYPT_N if n is None else n
    r = SCRYPT_R if r is None else r
    p = SCRYPT_P if p is None else p
    salt = secrets.token_bytes(SALT_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(_scrypt(password, salt, n, r, p))}"


def _parse(stored: str | None) -> tuple[int, int, int, bytes, bytes] | None:
    """``(n, r, p, salt, key)`` of a stored hash, or ``None`` if it is not one of ours."""
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except (ValueError, binascii.Error):
        return None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P
            and salt and len(key) == KEY_BYTES):
        return None
    return n, r, p, salt, key


def verify_password(password: str, stored: str | None) -> bool:
    """True if ``password`` is the one ``stored`` was made from (constant-time compare).

    ``None`` (no such account) or a malformed ``stored`` value never matches, after the
    time one verification takes: the answer's delay does not tell whether a login exists.
    """
    parsed = _parse(stored)
    if parsed is None or not isinstance(password, str):
        _dummy_check(password if isinstance(password, str) else "")
        return False
    n, r, p, salt, key = parsed
    return hmac.compare_digest(_scrypt(password, salt, n, r, p), key)


def needs_rehash(stored: str | None) -> bool:
    """True if ``stored`` was made with a lower cost than the current parameters."""
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (SCRYPT_N, SCRYPT_R, SCRYPT_P)


@functools.cache
def _dummy_hash(n: int, r: int, p: int) -> str:
    return hash_password(secrets.token_urlsafe(16), n=n, r=r, p=p)


def _dummy_check(password: str) -> None:
    """Spend the time of one verification (an unknown name must not answer faster)."""
    parsed = _parse(_dummy_hash(SCRYPT_N, SCRYPT_R, SCRYPT_P))
    assert parsed is not None
    n, r, p, salt, key = parsed
    hmac.compare_digest(_scrypt(password, salt, n, r, p), key)


def password_problems(password: Any, name: str = "") -> list[Problem]:
    """The rules a new password breaks.

    At least :data:`MIN_PASSWORD` characters, at most :data:`MAX_PASSWORD`, no control
    characters, not the account's name.
    """
    if not isinstance(password, str):
        return [Problem("text.type", field="password", value=short(type(password).__name__))]
    text = unicodedata.normalize("NFC", password)
    if len(text) < MIN_PASSWORD:
        return [Problem("password.short", min=MIN_PASSWORD)]
    out = check_text(text, "password", "", max_len=MAX_PASSWORD)
    if not out and name and text.strip().casefold() == name.casefold():
        out.append(Problem("password.name"))
    return out


# ------------------------------------------------------------------ accounts and sessions
def normalise_name(name: Any) -> Any:
    """How a login is compared: without surrounding spaces, in lower case (NFC).

    ``" Marie.Tremblay "`` and ``"marie.tremblay"`` name the same account.
    """
    if not isinstance(name, str):
        return name
    return unicodedata.normalize("NFC", name).strip().lower()


@dataclass(frozen=True)
class Account:
    """A person who signs in: a login, a role, the organisation it speaks for.

    Parameters
    ----------
    name : str
        The login: 1 to 64 letters, digits, ``_``, ``.`` or ``-`` (kept in lower case).
    role : str
        One of :data:`ROLES`.
    display_name : str
        How others read the person's name (default: the login).
    region : str
        The code of the region of the organisation (empty while the file holds none).
    organisation : str
        The actor id, in ``region``, of the organisation the person speaks for (the store
        checks that it exists when the account is added).

    The password is not part of the account: the store keeps its hash apart, and no
    function returns it.
    """

    name: str
    role: str
    display_name: str = ""
    region: str = ""
    organisation: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", normalise_name(self.name))
        if isinstance(self.display_name, str):
            object.__setattr__(self, "display_name", self.display_name.strip())
        raise_if(self.problems())

    def problems(self) -> list[Problem]:
        """The rules this account breaks on its own."""
        w = where_of(self.name)
        out = check_id(self.name, "name", w)
        if self.role not in ROLES:
            out.append(Problem("account.role", w, value=short(self.role),
                               expected=", ".join(ROLES)))
        out += check_text(self.display_name, "display_name", w, max_len=200)
        for name in ("region", "organisation"):
            value = getattr(self, name)
            if value != "":
                out += check_id(value, name, w)
        if self.organisation and not self.region:
            out.append(Problem("text.required", w, field="region"))
        return out

    @property
    def shown_name(self) -> str:
        """The display name, or the login when there is none."""
        return self.display_name or self.name


class _Log(Protocol):
    def __call__(self, session: Session, region: str, agreements: tuple[str, ...]) -> None:
        ...


@dataclass(frozen=True)
class Session:
    """Who is signed in: an account, bound to the store that logs what it is shown.

    Built by :meth:`concert.Store.login` or :meth:`concert.Store.session`, which bind
    ``log``: showing tenant codes to a session (:func:`concert.privacy.view`) writes one
    row per entente III to the store's access log, and is refused for a session bound
    to no store. The store reads the account's current role at each write, so that a
    removed account can do nothing more.
    """

    account: Account
    log: _Log | None = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        """The login."""
        return self.account.name

    @property
    def role(self) -> str:
        """The role's code."""
        return self.account.role

    @property
    def organisation(self) -> str:
        """The actor id of the organisation the person speaks for."""
        return self.account.organisation

    @property
    def region(self) -> str:
        """The code of the organisation's region."""
        return self.account.region

    def may(self, action: str) -> bool:
        """True if this session's role allows ``action`` (one of :data:`ACTIONS`)."""
        return allowed(self.role, action)

    def showing_tenant_codes(self, region: str, agreements: Iterable[str]) -> None:
        """Check and log that this session is shown the tenant codes of ``agreements``.

        Raises
        ------
        concert.AccessDenied
            If the role may not see tenant codes, or (through the store) the account no
            longer exists or lost that right.
        concert.MisuseError
            If the session is bound to no store (its showings could not be logged).
        """
        require(self, "tenant_codes")
        if self.log is None:
            raise MisuseError("access.unbound", user=self.name)
        self.log(self, region, tuple(agreements))


def allowed(role: str, action: str) -> bool:
    """True if ``role`` may do ``action`` (see :data:`PERMISSIONS`).

    Raises
    ------
    concert.MisuseError
        If ``action`` is not one of :data:`ACTIONS` (a typo must not allow anything).
    """
    if action not in PERMISSIONS:
        raise MisuseError("access.unknown_action", action=action, expected=", ".join(ACTIONS))
    return role in PERMISSIONS[action]


def denied(user: str, role: str, action: str) -> AccessDenied:
    """The error saying that ``user``'s ``role`` does not allow ``action``."""
    return AccessDenied("access.denied", user=user, role=RoleLabel(role),
                        action=Message(f"access.action.{action}"))


def require(session: Session | None, action: str) -> None:
    """Refuse ``action`` to a session whose role does not allow it.

    ``None`` is the file's owner (the command line, a script): everything is allowed.

    Raises
    ------
    concert.AccessDenied
        With a message naming the person, the role and what was refused.
    """
    if session is None:
        return
    if not isinstance(session, Session):
        raise MisuseError("store.expects", function="require", expected="Session",
                          got=type(session).__name__)
    if not allowed(session.role, action):
        raise denied(session.name, session.role, action)


def role_label(role: str, lang: str | None = None) -> str:
    """How a person reads a role (``role.<code>`` of the translation table)."""
    key = f"role.{role}"
    return i18n.t(key, lang) if key in i18n.TEXT else str(role)


class RoleLabel(Text):
    """A role, rendered in the language of the message that quotes it."""

    __slots__ = ("role",)

    def __init__(self, role: str) -> None:
        self.role = role

    def text(self, lang: str | None = None) -> str:
        """The role's label in ``lang``."""
        return role_label(self.role, lang)

    def _key(self) -> tuple[Any, ...]:
        return (self.role,)


class _HasAccounts(Protocol):
    def has_accounts(self) -> bool: ...


def first_admin_needed(store: _HasAccounts) -> bool:
    """True while the file holds no account: the first one must be an administrator.

    The dashboard then asks whoever opens the file to create it; ``concert user add``
    refuses another role.
    """
    return not store.has_accounts()
