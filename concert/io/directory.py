"""Writing the partner directory (:mod:`concert.directory`) as CSV or Excel, safely.

Cells a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) are written with a leading apostrophe: a name typed as
``=HYPERLINK(...)`` stays text. Files are written whole or not at all
(:func:`concert.io.files.atomic_path`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from concert import i18n
from concert._errors import ArgumentError
from concert.directory import directory, directory_headers
from concert.io.exchange import neutralise
from concert.io.files import atomic_path
from concert.region import Region

__all__ = ["neutralise", "write_directory", "write_frame"]


def write_frame(frame: pd.DataFrame, path: str | Path, *, sheet: str = "Sheet1",
                protect: Iterable[str | Path] = ()) -> Path:
    """Write ``frame`` to ``path``: ``.csv`` (UTF-8 with BOM) or ``.xlsx``, formulas neutralised.

    Raises
    ------
    concert.ArgumentError
        If the suffix is neither ``.csv`` nor ``.xlsx``.
    """
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix not in (".csv", ".xlsx"):
        raise ArgumentError("directory.format", out=str(path))
    safe = frame.map(neutralise)
    safe.columns = [neutralise(c) for c in safe.columns]
    with atomic_path(path, protect=protect) as tmp:
        if suffix == ".csv":
            safe.to_csv(tmp, index=False, encoding="utf-8-sig")
        else:
            with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                safe.to_excel(writer, sheet_name=sheet[:31], index=False)
    return path


def write_directory(region: Region, path: str | Path, *, lang: str | None = None,
                    on: dt.date | None = None, protect: Iterable[str | Path] = ()) -> Path:
    """Write the partner directory of ``region`` to ``path`` (CSV or XLSX), headers in ``lang``."""
    frame = directory_headers(directory(region, on=on, lang=lang), lang)
    return write_frame(frame, path, sheet=i18n.t("directory.sheet", lang), protect=protect)
