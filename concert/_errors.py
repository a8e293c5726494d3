"""The errors concert raises. Every message says what is wrong and what to do.

Messages come from the translation table (:mod:`concert.i18n`) in the language
of :data:`concert.settings.language` at the time the message is read, so the
same error reads in French in the dashboard and in English in an English
notebook. The stable part of a problem is its ``rule`` code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from concert import i18n

# Characters never shown raw in a message: control characters (C0, DEL, C1: terminal
# escape sequences start with ESC or CSI), format characters (bidirectional overrides,
# zero-width characters) and line or paragraph separators.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def printable(text: str) -> str:
    r"""``text`` with every control or invisible character written as an escape.

    A value quoted in a message comes from a person or a file: raw, an ``ESC [2J`` would
    clear the terminal, an OSC sequence set its title, a right-to-left override reverse
    the message. Such characters are written as ``\x1b``, ``\u202e``...

    Examples
    --------
    >>> printable("a\x1b[2Jb\u202ec")
    'a\\x1b[2Jb\\u202ec'
    """
    if text.isprintable():  # the common case: nothing to do (spaces are printable)
        return text
    out = []
    for ch in text:
        if ch == " " or unicodedata.category(ch) not in _HIDDEN:
            out.append(ch)
        else:
            n = ord(ch)
            out.append(f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000
                       else f"\\U{n:08x}")
    return "".join(out)


class ConcertError(Exception):
    """Base class of every error concert raises on purpose."""


class Problem:
    """One broken rule: a ``rule`` code, ``where`` it was broken and the message's values.

    Examples
    --------
    >>> p = Problem("code.actor_type", "a1", field="type", value="'castle'", expected="omh, obnl")
    >>> p.text("en")
    "a1: type: unknown value 'castle' (expected one of: omh, obnl)"
    """

    __slots__ = ("params", "rule", "where")

    def __init__(self, rule: str, where: str = "", **params: Any) -> None:
        self.rule = rule
        self.where = where
        self.params = params

    def text(self, lang: str | None = None) -> str:
        """Return the message in ``lang`` (default: the current settings language).

        Quoted values are shown with their control characters escaped (:func:`printable`).
        """
        body = self.body(lang)
        return f"{printable(self.where)}: {body}" if self.where else body

    def body(self, lang: str | None = None) -> str:
        """The message without its ``where`` prefix, values escaped (:func:`printable`)."""
        values = {k: printable(v) if isinstance(v, str) else v for k, v in self.params.items()}
        return i18n.t(f"rule.{self.rule}", lang, **values)

    @property
    def message(self) -> str:
        """The message in the current settings language."""
        return self.text()

    def __repr__(self) -> str:
        return f"Problem({self.rule!r}, {self.where!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.rule, self.where, self.params) == (
            other.rule, other.where, other.params)

    def __hash__(self) -> int:
        return hash((self.rule, self.where, tuple(sorted(map(str, self.params.items())))))


class ValidationError(ConcertError, ValueError):
    """Input that breaks a rule of the model; ``problems`` lists every broken rule."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__(self.problems)

    @property
    def rules(self) -> list[str]:
        """The codes of the broken rules, in order."""
        return [p.rule for p in self.problems]

    def text(self, lang: str | None = None) -> str:
        """All problems, one per line, in ``lang``."""
        return "\n".join(p.text(lang) for p in self.problems)

    def __str__(self) -> str:
        return self.text()


class NotFoundError(ConcertError, LookupError):
    """A region, actor, agreement or assessment that does not exist."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class StoreError(ConcertError):
    """The SQLite file cannot be used (not a concert store, locked, unreadable)."""


class StoreVersionError(StoreError):
    """The SQLite file was written by a newer concert with a schema this one cannot read."""


def raise_if(problems: list[Problem]) -> None:
    """Raise :class:`ValidationError` if ``problems`` is not empty."""
    if problems:
        raise ValidationError(problems)
