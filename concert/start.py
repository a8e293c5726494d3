"""Starting a region from nothing: its code suggested from its name, its territories.

What ``concert init`` and the dashboard's "Nouvelle région" page call. Nothing here
writes: :func:`new_region` returns a :class:`~concert.region.Region` that the caller
saves (``Store.save_region(region, replace=False)``, which refuses a code already used).

Examples
--------
>>> suggest_code("Mauricie–Centre-du-Québec")
'mauricie-centre-du-quebec'
>>> r = new_region("Mauricie", "Trois-Rivières; Shawinigan", program_name="Clés en main Mauricie")
>>> r.code, r.territories, [a.type for a in r.actors]
('mauricie', ('Trois-Rivières', 'Shawinigan'), ['program'])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from concert._errors import Problem, raise_if
from concert._validate import fold
from concert.actors import Actor
from concert.region import Region

__all__ = ["new_region", "split_territories", "suggest_code"]

_NOT_CODE = re.compile(r"[^a-z0-9]+")


def suggest_code(name: str, *, taken: Iterable[str] = ()) -> str:
    """A region (or record) code made from ``name``: ASCII, lower case, words joined by ``-``.

    Accents are dropped, anything else than letters and digits becomes one ``-``; at most
    64 characters. A code in ``taken`` gets ``-2``, ``-3``... An empty name gives
    ``"region"``.
    """
    plain = unicodedata.normalize("NFKD", str(name))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    code = _NOT_CODE.sub("-", plain).strip("-")[:60].strip("-") or "region"
    used = {str(t).casefold() for t in taken}
    out, n = code, 1
    while out.casefold() in used:
        n += 1
        out = f"{code}-{n}"
    return out


def split_territories(territories: str | Iterable[str]) -> tuple[str, ...]:
    """Territories typed as ``"A; B"`` (or given as a list): trimmed, empty ones dropped.

    Raises
    ------
    concert.ValidationError
        If a territory is named twice (case, accents and spacing aside).
    """
    items = territories.split(";") if isinstance(territories, str) else list(territories)
    out = tuple(" ".join(str(t).split()) for t in items if str(t).strip())
    folded = [fold(t) for t in out]
    twice = sorted({t for t, f in zip(out, folded, strict=True) if folded.count(f) > 1})
    raise_if([Problem("region.territory_twice", "territories", territory=t) for t in twice])
    return out


def new_region(name: str, territories: str | Iterable[str], *, code: str | None = None,
               program_name: str | None = None) -> Region:
    """A new, empty region: its name, code (suggested from the name) and territories.

    Parameters
    ----------
    name : str
        The region's name (e.g. ``"Mauricie"``).
    territories : str or iterable of str
        The territories the program covers, as a list or as ``"A; B"``.
    code : str, optional
        Its code in the store; default :func:`suggest_code` of ``name``.
    program_name : str, optional
        The program's own organisation (an actor of type ``program``), serving every
        territory, at the table.

    Raises
    ------
    concert.ValidationError
        If the name, code or a territory breaks a rule (nothing is built).
    """
    terr = split_territories(territories)
    region = Region(code if code is not None else suggest_code(name), name, terr)
    if program_name is not None and program_name.strip():
        region.add_actor(Actor(suggest_code(program_name), program_name.strip(), "program",
                               territories=terr, engagement="at_table"))
    return region
