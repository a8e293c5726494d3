"""The errors concert raises, and the texts it says.

Every message says what is wrong and what to do. The library never renders a sentence
when it builds it: a message is a translation key and its values (:class:`Message`,
:class:`Problem`), rendered by ``text(lang)`` in the language the caller asks for, so the
same error reads in French in one dashboard session and in English in another. Without
a language, ``text()`` and ``str()`` use :data:`concert.settings.language` (French by
default) at the time they are read. The values of a message may themselves be texts
(:class:`Label`, :class:`Pair`, :class:`Joined`, another :class:`Message`): they are
rendered in the same language. The stable part of a message is its key (a problem's
``rule`` code).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from typing import Any

from concert import framework, i18n

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


def render(value: Any, lang: str | None = None) -> Any:
    """A message's value as shown in ``lang``.

    A text (anything with a ``text(lang)`` method: :class:`Message`, :class:`Label`,
    :class:`Problem`, a concert error...) is rendered in ``lang``; a string has its
    control characters escaped (:func:`printable`); a list or tuple is rendered item by
    item and joined with ", "; anything else is left as it is (numbers keep their
    format specifications).
    """
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, os.PathLike):
        return printable(str(os.fspath(value)))
    if hasattr(value, "text") and callable(value.text):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(render(v, lang)) for v in value)
    return value


class Text:
    """Something said to a person, rendered on demand in the language asked for.

    ``text(lang)`` renders it (``lang`` ``None``: the settings language at the time of
    the call); ``str()`` is ``text()``.
    """

    __slots__ = ()

    def text(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the current settings language)."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.text()

    def _key(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and type(other) is type(self) and (
            self._key() == other._key())

    def __hash__(self) -> int:
        return hash((type(self).__name__, repr(self._key())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._key()!r}"


class Message(Text):
    """A text of the translation table: its ``key`` and the ``params`` it quotes.

    Examples
    --------
    >>> m = Message("region.unknown", region="nope", db="cn.db", regions="cn")
    >>> m.text("en")
    "No region 'nope' in cn.db. Regions there: cn."
    >>> m.text("fr")
    'Aucune région « nope » dans cn.db. Régions présentes : cn.'
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str | None = None) -> str:
        """The text in ``lang``, its values rendered in the same language."""
        return i18n.t(self.key, lang, **{k: render(v, lang) for k, v in self.params.items()})

    def _key(self) -> tuple[Any, ...]:
        return (self.key, tuple(sorted((k, repr(v)) for k, v in self.params.items())))


class Label(Text):
    """The label of a code of the framework's vocabulary ``table`` (``"party_role"``...).

    Examples
    --------
    >>> Label("party_role", "tenant").text("en")
    'Tenant'
    """

    __slots__ = ("code", "table")

    def __init__(self, table: str, code: str) -> None:
        self.table, self.code = table, code

    def text(self, lang: str | None = None) -> str:
        """The code's label in ``lang`` (the code itself when the vocabulary lacks it)."""
        return printable(i18n.label(self.table, self.code, lang))

    def _key(self) -> tuple[Any, ...]:
        return (self.table, self.code)


class Pair(Text):
    """A text given in both languages by the caller (headers of the exchange tables).

    Examples
    --------
    >>> Pair("acteurs", "actors").text("en")
    'actors'
    """

    __slots__ = ("en", "fr")

    def __init__(self, fr: str, en: str) -> None:
        self.fr, self.en = fr, en

    def text(self, lang: str | None = None) -> str:
        """The French or the English text."""
        return printable(self.fr if (lang or i18n.settings.language) == "fr" else self.en)

    def _key(self) -> tuple[Any, ...]:
        return (self.fr, self.en)


class Joined(Text):
    """Several values rendered in one language and joined with ``sep``.

    Examples
    --------
    >>> Joined([Label("party_role", "tenant"), Label("party_role", "worker")]).text("fr")
    'Locataire, Intervenant(e) référent(e)'
    """

    __slots__ = ("empty", "parts", "sep")

    def __init__(self, parts: Iterable[Any], sep: str = ", ", empty: str = "") -> None:
        self.parts, self.sep, self.empty = tuple(parts), sep, empty

    def text(self, lang: str | None = None) -> str:
        """The parts in ``lang``, joined (``empty`` when there is none)."""
        return self.sep.join(str(render(p, lang)) for p in self.parts) or self.empty

    def _key(self) -> tuple[Any, ...]:
        return (self.parts, self.sep, self.empty)


def labels(table: str, codes: Iterable[str], empty: str = "") -> Joined:
    """The labels of ``codes`` of vocabulary ``table``, joined with ", "."""
    return Joined((Label(table, c) for c in codes), empty=empty)


def field_name(name: str, lang: str | None = None) -> str:
    """How a person reads a record field's name (``field.<name>``), else the name itself."""
    key = f"field.{name}"
    return i18n.t(key, lang) if key in i18n.TEXT else printable(name)


def kind_name(kind: str, lang: str | None = None) -> str:
    """How a person reads a kind of record (``kind.<kind>``; ``Actor`` reads as ``actor``)."""
    for key in (f"kind.{kind}", f"kind.{kind.lower()}"):
        if key in i18n.TEXT:
            return i18n.t(key, lang)
    return printable(kind)


class Problem:
    """One broken rule: a ``rule`` code, ``where`` it was broken and the message's values.

    The message is rendered on demand, in the language asked for: a ``field`` value is
    read as the field's label in that language (``field.<name>``), a ``kind`` value as
    the record kind's name (``kind.<kind>``), and values that are texts (:class:`Label`...)
    in the same language.

    Examples
    --------
    >>> p = Problem("code.actor_type", "a1", field="type", value="'castle'", expected="omh, obnl")
    >>> p.text("en")
    "a1: type: unknown value 'castle' (expected one of: omh, obnl)"
    >>> Problem("text.required", "a1", field="sector").text("fr")
    'a1 : secteur : ce champ est obligatoire'
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
        return i18n.t("where", lang, where=printable(self.where), text=body) if self.where \
            else body

    def body(self, lang: str | None = None) -> str:
        """The message without its ``where`` prefix, values escaped (:func:`printable`)."""
        values = {}
        for k, v in self.params.items():
            if k == "field" and isinstance(v, str):
                values[k] = field_name(v, lang)
            elif k == "kind" and isinstance(v, str):
                values[k] = kind_name(v, lang)
            else:
                values[k] = render(v, lang)
        return i18n.t(f"rule.{self.rule}", lang, **values)

    @property
    def message(self) -> str:
        """The message in the current settings language."""
        return self.text()

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Problem({self.rule!r}, {self.where!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.rule, self.where, self.params) == (
            other.rule, other.where, other.params)

    def __hash__(self) -> int:
        return hash((self.rule, self.where, tuple(sorted(map(str, self.params.items())))))


class ConcertError(Exception):
    """Base class of every error concert raises on purpose.

    Built from a translation key and its values (``StoreError("store.not_sqlite",
    path=p, detail=...)``) or from a :class:`Text`; the message is rendered on demand:
    ``text(lang)`` in the language asked for, ``str()`` in the settings language. A
    string that is not a key of the translation table is shown as it is.
    """

    def __init__(self, message: Any = "", /, **params: Any) -> None:
        self.what: Any = message if hasattr(message, "text") and not isinstance(
            message, str) else Message(str(message), **params)
        super().__init__(message)

    @property
    def key(self) -> str:
        """The translation key of the message (``""`` when built from another text)."""
        return self.what.key if isinstance(self.what, Message) else ""

    @property
    def params(self) -> dict[str, Any]:
        """The values the message quotes."""
        return self.what.params if isinstance(self.what, Message) else {}

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current settings language)."""
        return str(self.what.text(lang))

    def __str__(self) -> str:
        return self.text()


class ValidationError(ConcertError, ValueError):
    """Input that breaks a rule of the model; ``problems`` lists every broken rule."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        self.what = self
        Exception.__init__(self, self.problems)

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


class UnknownCodeError(ConcertError, KeyError):
    """A code that the framework or the record schema does not know (a ``KeyError``)."""


class ArgumentError(ConcertError, ValueError):
    """An argument a function cannot work with (a ``ValueError``)."""


class MisuseError(ConcertError, TypeError):
    """A function given, or returning, an object of the wrong type (a ``TypeError``)."""


class StoreError(ConcertError):
    """The SQLite file cannot be used (not a concert store, locked, unreadable)."""


class StoreVersionError(StoreError):
    """The SQLite file was written by a newer concert with a schema this one cannot read."""


class AccessDenied(ConcertError):
    """A session's role does not allow what it asked (see :mod:`concert.accounts`)."""


def raise_if(problems: list[Problem]) -> None:
    """Raise :class:`ValidationError` if ``problems`` is not empty."""
    if problems:
        raise ValidationError(problems)


def _say(key: str, params: dict[str, Any], lang: str | None) -> str:
    return Message(key, **params).text(lang)


framework.UnknownCode.say = staticmethod(_say)  # the framework's errors speak too
