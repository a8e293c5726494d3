"""The words of each language, read from the translation table: a shared test helper.

Used by ``tests/test_language.py`` (every command of the CLI) and
``tests/ui/test_navigation.py`` (every page of the dashboard) to find interface text of
the other language: :func:`foreign` gives the words of a text that only the other side of
:data:`concert.i18n.TEXT` uses. Data (names, notes) is taken out first with
:func:`data_strings` and :func:`without`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from concert import Store, i18n

__all__ = ["ENGLISH_ONLY", "FRENCH_ONLY", "KEPT_IN_FRENCH", "data_strings", "foreign",
           "without", "without_names", "words"]

WORD = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> set[str]:
    """The words of ``text`` (two letters or more), in lower case.

    Examples
    --------
    >>> sorted(words("Stade de la région : 2"))
    ['de', 'la', 'région', 'stade']
    """
    return set(WORD.findall(text.lower()))


def without_names(text: str) -> str:
    """``text`` without option names (``--region``), choices (``[fr|en]``) and addresses
    (``?region=code``): names typed as they are, the same in both languages."""
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)
    text = re.sub(r"\[[\w|-]+\]", " ", text)
    text = re.sub(r"\w*_\w*", " ", text)  # identifiers: save_region, CONCERT_LANG
    return re.sub(r"\?\w+=\w+", " ", text)


# Domain terms kept in French in both languages (the English texts use them as names), and
# words of proper names the texts quote ("Régie du logement", in the reasons for calls of
# Tableaux 11-13; "non" is also English: "non-payment"). A word here is never reported.
KEPT_IN_FRENCH = words("""
    entente ententes OMH CISSS CIUSSS OBNL OBNLs Clés en main comité de gestion Tableau
    Tableaux Annexe PSL Capitale Nationale Québec Morin Lain Vallée concert
    Régie du logement non AccèsLogis Accès
""") | words("""
    social direction form
""")  # the same word in both languages: "logement social", a contact's "Direction", "form"


def _vocabulary() -> tuple[set[str], set[str]]:
    """Words only the French, and only the English, side of the translation table uses."""
    fr_words: set[str] = set()
    en_words: set[str] = set()
    for fr, en in i18n.TEXT.values():
        fr_words |= words(without_names(re.sub(r"\{[^}]*\}", " ", fr)))
        en_words |= words(without_names(re.sub(r"\{[^}]*\}", " ", en)))
    return fr_words - en_words - KEPT_IN_FRENCH, en_words - fr_words - KEPT_IN_FRENCH


FRENCH_ONLY, ENGLISH_ONLY = _vocabulary()


def foreign(text: str, lang: str) -> set[str]:
    """Words of ``text`` that only the other language's side of the table uses.

    Examples
    --------
    >>> sorted(foreign("Stade de la région : Between", "fr"))
    ['between']
    """
    return words(text) & (ENGLISH_ONLY if lang == "fr" else FRENCH_ONLY)


def data_strings(db: Path) -> list[str]:
    """Every text of the stored regions (names, notes, labels...): data, not interface.

    Longest first (so that a name is taken out before a shorter name it holds).
    """
    out: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.add(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    with Store(db) as store:
        for code, name in store.regions():
            out |= {code, name}
            walk(store.load_region(code))
    return sorted((s for s in out if s.strip()), key=len, reverse=True)


def without(text: str, strings: Iterable[str]) -> str:
    """``text`` with each of ``strings`` (as whole words) taken out, the longest first."""
    names = sorted(set(strings), key=len, reverse=True)
    if not names:
        return text
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in names))
    return pattern.sub(" ", text)
