"""Import and export of a region's data: CSV, Excel (.xlsx) and JSON, checked before writing.

Import
------
:func:`import_files` reads any mix of files, works out which table each holds
(from the file name, or the sheet names of a workbook, or the keys of a JSON
object; see :mod:`concert.io.tables`), converts every row, merges the records
into the stored region (a record with the same key replaces the stored one)
and checks the merged region against every rule of the model. Only if there is
no problem at all is the region saved, in one transaction; otherwise
:class:`ImportFailed` lists every problem with its file, row and column and
what was expected, and the store is not touched. Importing the same files
twice changes nothing the second time (the save is skipped when nothing
differs).

Cells are read as people write them (:mod:`concert.io.values`): a coded value as its
code or its French or English label, an organisation or a committee by its identifier,
name or acronym, a date as ``AAAA-MM-JJ``, ``JJ/MM/AAAA`` or an Excel date; a table
without identifiers gets them from the names. Every problem names its file, sheet, row
and column as headed in the file, the value and what is expected. The import reports the
stored records the files no longer have (``ImportReport.missing``) and, with ``sync``,
retires them (an end date, never a deletion).

An actor's contacts are those of the ``contacts`` table when it names the
actor; an actor re-imported without contact rows keeps its stored contacts.

A crafted file must not exhaust memory nor slip wrong data in: workbooks are
streamed row by row whatever dimension their sheets declare, and a table past
:data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns or :data:`MAX_CELLS` cells,
JSON nested past :data:`JSON_MAX_DEPTH` or with an integer past
:data:`JSON_MAX_DIGITS` digits, duplicate JSON keys, NUL bytes or an endless
field in a CSV, or a damaged workbook is refused with one problem. A JSON list
fills a list column (territories, roles) and is refused where a text is
expected. Values quoted in problems have their control characters escaped
(:func:`concert._errors.printable`).

Export
------
:func:`export_tables` gives the region as the same tables (re-importable), and
:func:`write_csv`, :func:`write_xlsx` and :func:`write_json` write them. Tenant
codes are personal data: by default agreements III are left out of the
export and only their number appears in the summary table; pass
``tenant_codes=True`` for a complete export that re-imports to the same region.
Every file is written beside its target and renamed once complete
(:mod:`concert.io.files`); ``protect`` names files never to write over.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from concert import i18n, schema, settings
from concert._errors import (
    ConcertError,
    Message,
    NotFoundError,
    Pair,
    Problem,
    ValidationError,
    printable,
    render,
)
from concert._validate import short
from concert.actions import ActionEvent
from concert.actors import Contact
from concert.agreements import Agreement, Party
from concert.indicators import Answer, Assessment
from concert.io import values
from concert.io.files import atomic_path, atomic_paths, check_output, os_reason
from concert.io.tables import SUMMARY_NAMES, TABLES, Column, Table, normalise, table_for
from concert.region import RECORD_LISTS, RECORD_TYPES, Region, record_key, record_label
from concert.retire import RETIRABLE, retire
from concert.store import Store

__all__ = ["ImportFailed", "ImportProblem", "ImportReport", "export_tables", "import_files",
           "read_tables", "write_csv", "write_json", "write_template", "write_xlsx"]

Progress = Callable[[int, int], None]

# Caps on what one table of a file may hold (a crafted file must not exhaust memory).
MAX_ROWS = 200_000          # data rows per table (sheet, CSV or JSON table)
MAX_COLUMNS = 200           # columns per row (the widest table has 17)
MAX_CELLS = 4_000_000       # filled cells per table
MAX_XLSX_STRINGS = 64 * 2**20  # bytes of shared strings in a workbook, uncompressed
JSON_MAX_DEPTH = 16         # nesting of arrays and objects (the format needs 4)
JSON_MAX_DIGITS = 100       # digits of a JSON integer


@dataclasses.dataclass(frozen=True)
class ImportProblem:
    """One problem of an import: where (file, row, column) and what was expected.

    ``what`` is the message as a translation key and its values (a
    :class:`~concert._errors.Message`) or a broken rule of the model (a
    :class:`~concert._errors.Problem`): it is rendered on demand, by :meth:`text`, in the
    language asked for. ``column`` is the header as written in the file, or a text
    rendered in that language (a missing column).
    """

    file: str
    row: int | None
    column: Any
    what: Any
    sheet: str = ""

    @property
    def rule(self) -> str:
        """The stable code of the problem: the message's key or the broken rule."""
        return str(getattr(self.what, "key", "") or getattr(self.what, "rule", ""))

    @property
    def params(self) -> dict[str, Any]:
        """The values the message quotes."""
        return dict(getattr(self.what, "params", {}))

    def body(self, lang: str | None = None) -> str:
        """The message without its place, in ``lang`` (default: the settings language).

        A rule of the model names its field first (``nom : ...``); when the place already
        gives the column, the field is not said twice.
        """
        text = str(self.what.text(lang))
        field = getattr(self.what, "params", {}).get("field") if isinstance(
            self.what, Problem) else None
        if field is not None and render(self.column, lang):
            name = str(render(field, lang))
            for sep in (" : ", ": "):
                if text.startswith(name + sep):
                    return text[len(name + sep):]
        return text

    def text(self, lang: str | None = None) -> str:
        """``file:row N:column: message`` in ``lang`` (default: the settings language)."""
        # The file name and the column header come from the person's files: control
        # characters in them are shown escaped, never sent raw to a terminal.
        where = printable(self.file)
        if self.sheet:
            where += ":" + i18n.t("io.sheet", lang, sheet=printable(self.sheet))
        if self.row is not None:
            where += f":{i18n.t('io.row', lang)} {self.row}"
        column = render(self.column, lang)
        if column:
            where += f":{column}"
        return i18n.t("where", lang, where=where, text=self.body(lang))

    @property
    def message(self) -> str:
        """The message without its place, in the settings language."""
        return self.body()

    def __str__(self) -> str:
        return self.text()


class ImportFailed(ConcertError, ValueError):
    """An import with at least one problem; nothing was written. ``problems`` lists them."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems = list(problems)
        self.what = self
        Exception.__init__(self, self.problems)

    def text(self, lang: str | None = None) -> str:
        """Every problem, one per line, in ``lang``."""
        return "\n".join(p.text(lang) for p in self.problems)

    def __str__(self) -> str:
        return self.text()


@dataclasses.dataclass(frozen=True)
class ImportReport:
    """What an import did: records ``added``, ``updated`` and ``unchanged`` per table.

    ``missing`` lists, per record kind the files carry, the keys of the stored records the
    files no longer have; ``retired`` those an import with ``sync=True`` retired (see
    :func:`concert.retire.retire`). ``renamed`` pairs an organisation the files name
    without identifiers and that the store lacks with the stored organisation it may be
    (a name that changed makes a new organisation).
    """

    region: str
    added: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int]
    missing: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    retired: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    renamed: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True if the import wrote anything."""
        return any(self.added.values()) or any(self.updated.values()) or any(
            self.retired.values())


@dataclasses.dataclass
class Sheet:
    """The rows of one table read from one file: ``rows`` are (row number, values)."""

    file: str
    table: Table
    headers: dict[str, str]  # field -> header as written in the file
    rows: list[tuple[int, dict[str, Any]]]
    name: str = ""  # the sheet's name in a workbook or JSON file ("" for a CSV file)


# --------------------------------------------------------------------------- reading
def _problem(where: str, row: int | None, column: Any, text_key: str, /,
             **values: Any) -> ImportProblem:
    """A problem whose message, ``text_key`` and ``values``, is rendered on demand.

    Quoted values are shown with their control characters escaped.
    """
    return ImportProblem(where, row, column, Message(text_key, **values))


def _table_name(table: Table) -> Pair:
    """A table's name in either language."""
    return Pair(table.fr, table.name)


def _header(table: Table) -> Pair:
    """A table's column headers in either language."""
    return Pair(", ".join(table.header("fr")), ", ".join(table.header("en")))


def read_tables(paths: Iterable[str | Path], *, encoding: str = "auto"
                ) -> tuple[list[Sheet], list[ImportProblem]]:
    """Read files into sheets of rows; return them with the problems met (none written).

    CSV and JSON files are decoded by :func:`decode` (UTF-8 with or without a byte-order
    mark, else Windows-1252) unless ``encoding`` names another encoding.
    """
    sheets: list[Sheet] = []
    problems: list[ImportProblem] = []
    for path in map(Path, paths):
        name = path.name
        if not path.is_file():
            problems.append(_problem(name, None, "", "io.no_file"))
            continue
        suffix = path.suffix.lower()
        try:
            if suffix == ".csv":
                found = _read_csv(path, encoding)
            elif suffix in (".xlsx", ".xlsm"):
                found = _read_xlsx(path)
            elif suffix == ".json":
                found = _read_json(path, encoding)
            else:
                problems.append(_problem(name, None, "", "io.format", suffix=suffix or "-"))
                continue
        except UnicodeDecodeError:
            problems.append(_problem(name, None, "", "io.encoding", encoding=encoding))
            continue
        except (RecursionError, MemoryError, csv.Error) as exc:  # never a traceback
            problems.append(_problem(name, None, "", "io.unreadable",
                                     detail=type(exc).__name__))
            continue
        except LookupError:  # an encoding Python does not know
            problems.append(_problem(name, None, "", "io.unreadable",
                                     detail=Message("io.unknown_encoding", encoding=encoding)))
            continue
        except _Refused as exc:
            problems.append(_problem(name, exc.row, "", exc.key, **exc.values))
            continue
        except OSError as exc:
            problems.append(_problem(name, None, "", "io.unreadable", detail=os_reason(exc)))
            continue
        # An empty table is an error only when it is all the file holds: a workbook or a
        # JSON export may carry empty tables beside full ones.
        alone = sum(1 for stem, _, _ in found if normalise(stem) not in SUMMARY_NAMES) == 1
        if not alone and not any(rows for _, _, rows in found):
            problems.append(_problem(name, None, "", "io.empty_file"))
            continue
        for stem, header, rows in found:
            if normalise(stem) in SUMMARY_NAMES or (not alone and not rows):
                continue
            table = table_for(stem)
            if table is None:
                problems.append(_problem(name, None, "", "io.unknown_table", name=stem,
                                         tables=", ".join(f"{t.fr}/{t.name}" for t in TABLES)))
                continue
            sheet, found_problems = _sheet(name, table, header, rows,
                                           "" if suffix == ".csv" else stem)
            problems += found_problems
            if sheet is not None:
                sheets.append(sheet)
    return sheets, problems


class _Refused(Exception):
    """A file refused as a whole: the text key of the one message, and its values."""

    def __init__(self, text_key: str, /, row: int | None = None, **values: Any) -> None:
        super().__init__(text_key)
        self.key, self.row, self.values = text_key, row, values


Found = list[tuple[str, list[str], list[list[Any]]]]
# The sheets of a template that guide and hold no records: skipped on import.
GUIDE_SHEETS = ("valeurs", "values", "lisez_moi", "readme", "mode_d_emploi", "mode_demploi",
                "instructions")


def _check_size(sheet: str, row: int, width: int, cells: int) -> None:
    """Refuse a table past the caps on rows, columns and cells (row 1 is the header)."""
    if row > MAX_ROWS + 1:
        raise _Refused("io.too_many_rows", sheet=sheet, max=f"{MAX_ROWS:,}".replace(",", " "))
    if width > MAX_COLUMNS:
        raise _Refused("io.too_many_columns", sheet=sheet, max=MAX_COLUMNS, row=row)
    if cells > MAX_CELLS:
        raise _Refused("io.too_many_cells", sheet=sheet,
                       max=f"{MAX_CELLS:,}".replace(",", " "))


def _trimmed(values: Sequence[Any]) -> list[Any]:
    """The values of a row without its trailing empty cells."""
    n = len(values)
    while n and (values[n - 1] is None or values[n - 1] == ""):
        n -= 1
    return list(values[:n])


AUTO_ENCODINGS = ("auto", "utf-8", "utf8", "utf-8-sig")
_BINARY_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(raw: bytes, encoding: str = "auto") -> str:
    """The text of a CSV or JSON file.

    By default (``auto``, or ``utf-8``): UTF-8, with or without a byte-order mark, if the
    bytes are valid UTF-8; otherwise Windows-1252, what French Excel on Windows writes.
    Valid UTF-8 is almost never produced by chance from accented Windows-1252 text, so the
    rule does not guess wrong on real files (see docs/decisions.md). Bytes that are not
    text (a NUL, a byte Windows-1252 leaves undefined, or more than one character in 20
    a control character) are refused; a few control characters are refused cell by cell.

    Raises
    ------
    _Refused
        ``io.binary`` for bytes that are not text.
    UnicodeDecodeError, LookupError
        For an explicit ``encoding`` the bytes do not follow, or that Python lacks.
    """
    nul = raw.find(b"\x00")
    if nul >= 0 and encoding.lower().replace("_", "-") not in ("utf-16", "utf-32"):
        raise _Refused("io.binary", row=raw.count(b"\n", 0, nul) + 1)
    if encoding.lower().replace("_", "-") in AUTO_ENCODINGS:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError as exc:  # bytes cp1252 leaves undefined: not text
                raise _Refused("io.binary", row=raw.count(b"\n", 0, exc.start) + 1) from exc
    else:
        text = raw.decode(encoding)
    text = text.removeprefix("\ufeff")
    # A few control characters are the cells' business (each refused with its place); a
    # text made of them is not a text.
    controls = _BINARY_RE.findall(text, 0, 65536)
    if len(controls) > max(16, min(len(text), 65536) // 20):
        raise _Refused("io.binary", row=1)
    return text


def _read_csv(path: Path, encoding: str) -> Found:
    text = decode(path.read_bytes(), encoding)
    if not text.strip():
        return [(path.stem, [], [])]
    # The header line tells the delimiter: Excel in French writes ";", elsewhere ",".
    first = text.splitlines()[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines: list[list[Any]] = []
    cells = 0
    try:
        for values in reader:
            values = _trimmed(values)
            cells += len(values)
            _check_size(path.name, len(lines) + 1, len(values), cells)
            lines.append(values)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise _Refused("io.field_too_long", max=f"{csv.field_size_limit():,}".replace(
                ",", " "), row=reader.line_num) from exc
        raise _Refused("io.csv_error", row=reader.line_num, detail=str(exc)) from exc
    return [(path.stem, lines[0] if lines else [], lines[1:])]


def _read_xlsx(path: Path) -> Found:
    import zipfile

    import openpyxl

    # The sheets are read row by row, but the shared strings are held in memory: refuse a
    # workbook whose texts would not fit (a zip "bomb") before opening it.
    try:
        with zipfile.ZipFile(path) as zf:
            strings = sum(i.file_size for i in zf.infolist()
                          if i.filename.lower().endswith("sharedstrings.xml"))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _Refused("io.xlsx_damaged", detail=type(exc).__name__) from exc
    if strings > MAX_XLSX_STRINGS:
        raise _Refused("io.xlsx_strings", size=strings // 2**20, max=MAX_XLSX_STRINGS // 2**20)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _Refused("io.xlsx_damaged", detail=type(exc).__name__) from exc
    out = []
    try:
        for ws in wb.worksheets:
            if normalise(ws.title) in GUIDE_SHEETS:
                continue
            out.append((ws.title, *_xlsx_rows(ws)))
    except _Refused:
        raise
    except Exception as exc:  # a cell pointing to a missing shared string, bad XML...
        raise _Refused("io.xlsx_damaged", detail=type(exc).__name__) from exc
    finally:
        wb.close()
    return out


def _xlsx_rows(ws: Any) -> tuple[list[str], list[list[Any]]]:
    """A read-only sheet's header and rows, streamed, within the caps.

    The dimension the sheet declares (``A1:XFD1048576`` in a crafted file) is ignored:
    rows come as the file holds them, each as wide as its last cell, and the caps are
    checked on each row as it comes.
    """
    ws.reset_dimensions()
    rows: list[list[Any]] = []
    cells = 0
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if not row:
            continue
        values = _trimmed(row)
        if not values:
            continue
        cells += len(values)
        _check_size(ws.title, n, len(values), cells)
        rows.append(values)
    header = [str(h) if h is not None else "" for h in rows[0]] if rows else []
    return header, rows[1:]


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused("io.json_duplicate", key=short(key, 60, str))
        out[key] = value
    return out


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > JSON_MAX_DIGITS:
        raise _Refused("io.json_number", max=JSON_MAX_DIGITS)
    return int(text)


def _json_constant(text: str) -> float:
    raise _Refused("io.json_constant", value=text)


_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET_RE = re.compile(r"[\[\]{}]")


def _json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text (strings skipped)."""
    depth = deepest = 0
    for m in _JSON_BRACKET_RE.finditer(_JSON_STRING_RE.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > JSON_MAX_DEPTH:
                break
        else:
            depth -= 1
    return deepest


def _read_json(path: Path, encoding: str) -> Found:
    # A byte-order mark is accepted, as for CSV files.
    text = decode(path.read_bytes(), encoding)
    if _json_depth(text) > JSON_MAX_DEPTH:
        raise _Refused("io.json_depth", max=JSON_MAX_DEPTH)
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_int=_json_int,
                          parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise _Refused("io.json_syntax", detail=exc.msg, line=exc.lineno,
                       column=exc.colno) from exc
    except RecursionError as exc:
        raise _Refused("io.json_depth", max=JSON_MAX_DEPTH) from exc
    except ValueError as exc:  # a number out of range
        raise _Refused("io.json_number", max=JSON_MAX_DIGITS) from exc
    if isinstance(data, list):
        data = {path.stem: data}
    if not isinstance(data, dict):
        raise _Refused("io.json_shape")
    out = []
    for name, rows in data.items():
        if normalise(name) in SUMMARY_NAMES:
            continue
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise _Refused("io.json_rows", name=short(name, 60, str))
        header = list(dict.fromkeys(k for r in rows for k in r))
        _check_size(name, len(rows) + 1, len(header), len(rows) * len(header))
        out.append((name, header, [[r.get(h) for h in header] for r in rows]))
    return out


# Tables whose identifier may be left out: it is then derived from the name (or, for an
# agreement or an assessment, from what the row says).
DERIVED_ID = {"actors": "name", "committees": "name", "agreements": "type",
              "assessments": "on"}
EXAMPLE_MARKS = ("(exemple)", "(example)")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _unquote(value: Any) -> Any:
    """A cell as written before export: the ``'`` that neutralised a formula removed."""
    if type(value) is str and value[:1] == "'" and value.lstrip("'")[:1] in FORMULA_START and (
            value.lstrip("'")):
        return value[1:]
    return value


def _is_example(values: list[Any]) -> bool:
    """A template's example row, marked in its first cell: skipped on import."""
    first = values[0] if values else None
    if first is None or first == "":
        first = next((v for v in values if v is not None and v != ""), None)
    return type(first) is str and "(" in first[:3] and first.strip().lower().startswith(
        EXAMPLE_MARKS)


def _sheet(file: str, table: Table, header: list[str], rows: list[list[Any]],
           name: str = "") -> tuple[Sheet | None, list[ImportProblem]]:
    problems = []
    if not header and not rows:
        return None, [_problem(file, None, "", "io.empty", table=_table_name(table))]

    def problem(row: int | None, column: Any, key: str, /, **values: Any) -> ImportProblem:
        return ImportProblem(file, row, column, Message(key, **values), name)

    headers: dict[str, str] = {}
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        if h is None or str(h).strip() == "":
            continue
        col = table.column(str(h))
        if col is None:
            problems.append(problem(1, str(h), "io.unknown_column",
                                    table=_table_name(table), columns=_header(table)))
            continue
        if col.field in headers:
            problems.append(problem(1, str(h), "io.repeated_column"))
            continue
        headers[col.field] = str(h)
        index[col.field] = i
    id_field = "assessment" if table.name == "assessments" else "id"
    for col in table.columns:
        derived = col.field == id_field and DERIVED_ID.get(table.name, "-") in headers
        if col.required and col.field not in headers and not derived:
            problems.append(problem(1, Pair(col.fr, col.en), "io.missing_column",
                                    table=_table_name(table)))
    out_rows = []
    for n, cells in enumerate(rows, start=2):
        if _is_example(cells):
            continue
        width = len(cells)
        out_rows.append((n, {f: (_unquote(v) if type(v := cells[i]) is str and v[:1] == "'"
                                 else v) if i < width else None for f, i in index.items()}))
    if not out_rows and rows and not problems:  # a template's sheet left as it came
        return None, []
    if not out_rows:
        problems.append(problem(None, "", "io.empty", table=_table_name(table)))
    return Sheet(file, table, headers, out_rows, name), problems


# --------------------------------------------------------------------------- converting
def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (
        isinstance(v, str) and v.strip() == "")


def _quoted(texts: Iterable[str], lang: str) -> str:
    return ", ".join(f"« {t} »" if lang == "fr" else f"'{t}'" for t in texts)


def _expected(table: str) -> Any:
    """What a coded column takes, in either language: its labels (or a hint for criteria)."""
    if table == "criterion":
        return Message("io.expected_criterion")
    labels = values.labels_of(table)
    return Pair(_quoted((fr for fr, _ in labels.values()), "fr"),
                _quoted((en for _, en in labels.values()), "en"))


def _code(table: str, value: str) -> tuple[Any, Any]:
    """The code a cell names in a vocabulary, or the message saying why not."""
    m = values.resolve(table, value)
    if m.code is not None:
        return (int(m.code) if table == "level" else m.code), None
    shown = short(value, 60, str)
    if m.choices:
        labels = [values.labels_of(table)[c] for c in m.choices]
        return None, Message("io.ambiguous", value=shown,
                             choices=Pair(_quoted((fr for fr, _ in labels), "fr"),
                                          _quoted((en for _, en in labels), "en")))
    if m.suggestions:
        return None, Message("io.unknown_value_suggest", value=shown,
                             suggestions=Pair(_quoted(m.suggestions, "fr"),
                                              _quoted(m.suggestions, "en")),
                             expected=_expected(table))
    return None, Message("io.unknown_value", value=shown, expected=_expected(table))


def _convert(col: Column, value: Any) -> tuple[Any, Any]:
    """Convert a cell; return (value, None) or (None, error key or message)."""
    if col.type == "text" and type(value) is str:  # the common case, first
        text = value.strip()
        if text:
            return _code(col.vocab, text) if col.vocab else (text, None)
    if _blank(value):
        return {"list": (), "bool": False, "date": None, "int": None, "float": None}.get(
            col.type, ""), ("io.required" if col.required else None)
    if isinstance(value, (list, tuple, dict)):  # from a JSON file
        if col.type == "list" and not isinstance(value, dict) and all(
                isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in value):
            items = tuple(t for t in (str(x).strip() for x in value) if t)
            return _convert(col, "; ".join(items)) if col.vocab and items else (items, None)
        return None, {"list": "io.bad_list", "text": "io.bad_text"}.get(
            col.type, f"io.bad_{col.type}")
    if col.type == "text":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        return _code(col.vocab, text) if col.vocab else (text, None)
    if col.type == "list":
        items = tuple(x.strip() for x in str(value).split(";") if x.strip())
        if not col.vocab:
            return items, None
        out = []
        for item in items:
            code, err = _code(col.vocab, item)
            if err is not None:
                return None, err
            out.append(code)
        return tuple(out), None
    if col.type == "date":
        return values.parse_date(value)
    if col.type == "bool":
        key = normalise(str(value))
        if key in ("oui", "yes", "vrai", "true", "1", "o", "y", "x"):
            return True, None
        if key in ("non", "no", "faux", "false", "0", "n"):
            return False, None
        return None, "io.bad_bool"
    if col.type in ("int", "float"):
        if col.vocab and isinstance(value, str) and _number(value) is None:
            return _code(col.vocab, value.strip())
        f = _number(value)
        if f is None or (col.type == "int" and not f.is_integer()):
            return None, f"io.bad_{col.type}"
        return (int(f) if col.type == "int" else f), None
    return value, None


def _number(value: Any) -> float | None:
    """A finite number from a cell (``3``, ``2.5``, ``"2,5"``), or ``None``."""
    if isinstance(value, bool):
        return None
    try:
        f = float(value) if isinstance(value, (int, float)) else float(
            str(value).replace(",", "."))
    except ValueError:
        return None
    return f if math.isfinite(f) else None


@dataclasses.dataclass
class _Parsed:
    records: dict[str, dict[str, Any]]  # kind -> key -> record
    origins: dict[str, tuple[Sheet, int]]  # "kind:where" -> (sheet, row)
    contacts: dict[str, list[Contact]]
    problems: list[ImportProblem]
    logs: dict[str, list[ActionEvent]] = dataclasses.field(default_factory=dict)
    region: dict[str, Any] | None = None
    names: _Names | None = None
    folded: dict[str, dict[str, tuple[Sheet, int, str]]] = dataclasses.field(
        default_factory=dict)  # kind -> folded id -> (sheet, row, id or name as written)
    derived: set[str] = dataclasses.field(default_factory=set)  # actors with derived ids


def _at(sheet: Sheet, row: int | None, column: Any, what: Any, /, **values: Any
        ) -> ImportProblem:
    """A problem at a row and column of a sheet (``what``: a text key or a message)."""
    return ImportProblem(sheet.file, row, column,
                         Message(what, **values) if isinstance(what, str) else what, sheet.name)


class _Names:
    """The organisations and committees a row may name: by identifier, name or acronym.

    Those of the stored region and those of the files' valid rows; the rows refused are
    remembered so that a reference to one says so, instead of "unknown".
    """

    def __init__(self, base: Region) -> None:
        self.ids: dict[str, set[str]] = {"actor": set(), "committee": set()}
        self.keys: dict[str, dict[str, set[str]]] = {"actor": {}, "committee": {}}
        self.refused: dict[str, dict[str, tuple[Sheet, int]]] = {"actor": {}, "committee": {}}
        self.cache: dict[tuple[str, str], tuple[str | None, Any]] = {}
        # Names are indexed on the first look-up that is not an identifier: a file that
        # refers by identifiers (every export) never pays for it.
        self.pending: dict[str, list[tuple[str, ...]]] = {"actor": [], "committee": []}
        for a in base.actors:
            self.add("actor", a.id, a.name, a.acronym)
        for c in base.committees:
            self.add("committee", c.id, c.name or values.label_of("committee_kind", c.kind, "fr"))

    def add(self, kind: str, rid: str, *names: str) -> None:
        self.ids[kind].add(rid)
        self.pending[kind].append((rid, *names))
        if self.cache:
            self.cache.clear()

    def _index(self, kind: str) -> dict[str, set[str]]:
        keys = self.keys[kind]
        for rid, *names in self.pending[kind]:
            for n in (rid, *names):
                if n:
                    keys.setdefault(values.fold_key(n), set()).add(rid)
        self.pending[kind].clear()
        return keys

    def refuse(self, kind: str, sheet: Sheet, row: int, *names: Any) -> None:
        for n in names:
            if isinstance(n, str) and n.strip():
                self.refused[kind].setdefault(n.strip(), (sheet, row))
                self.refused[kind].setdefault(values.fold_key(n), (sheet, row))
        self.cache.clear()

    def find(self, kind: str, value: str) -> tuple[str | None, Any]:
        """The identifier ``value`` names, or the message saying why none (once per value)."""
        hit = self.cache.get((kind, value))
        if hit is None:
            hit = self.cache[(kind, value)] = self._find(kind, value)
        return hit

    def _find(self, kind: str, value: str) -> tuple[str | None, Any]:
        if value in self.ids[kind]:
            return value, None
        key = values.fold_key(value)
        found = self._index(kind).get(key, set())
        if len(found) == 1:
            return next(iter(found)), None
        what = Message(f"kind.{kind}")
        if found:
            return None, Message("io.ambiguous_ref", what=what, value=short(value, 60, str),
                                 choices=", ".join(sorted(found)))
        refused = self.refused[kind].get(value) or self.refused[kind].get(key)
        if refused is not None:
            sheet, row = refused
            return None, Message("io.ref_refused", what=what, value=short(value, 60, str),
                                 row=row, sheet=sheet.name or sheet.file)
        close = difflib.get_close_matches(key, list(self.keys[kind]), n=3, cutoff=0.8)
        ids = list(dict.fromkeys(i for k in close for i in sorted(self.keys[kind][k])))
        if ids:
            return None, Message("io.unknown_ref_suggest", what=what,
                                 value=short(value, 60, str), suggestions=", ".join(ids))
        return None, Message("io.unknown_ref", what=what, value=short(value, 60, str))


def _parse(sheets: list[Sheet], progress: Progress | None, base: Region) -> _Parsed:
    parsed = _Parsed({k: {} for k in RECORD_LISTS}, {}, {}, [], names=_Names(base))
    names = parsed.names
    assert names is not None
    for kind, attr in (("actor", "actors"), ("committee", "committees"),
                       ("agreement", "agreements"), ("assessment", "assessments")):
        parsed.folded[kind] = {values.derive_id(r.id): (None, 0, r.id)  # type: ignore[misc]
                               for r in getattr(base, attr)}
    total = sum(len(s.rows) for s in sheets)
    done = 0
    answers: dict[str, list[tuple[Sheet, int, dict[str, Any]]]] = {}
    order = {t.name: i for i, t in enumerate(TABLES)}
    for sheet in sorted(sheets, key=lambda s: order[s.table.name]):
        table = sheet.table.name
        present = [c for c in sheet.table.columns if c.field in sheet.headers]
        defaults = {c.field: _convert(c, None)[0] for c in sheet.table.columns
                    if c.field not in sheet.headers}
        id_field = "assessment" if table == "assessments" else "id"
        derive = table in DERIVED_ID and id_field not in sheet.headers
        kind = KIND_OF.get(table, "")
        for rownum, raw in sheet.rows:
            done += 1
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
            row: dict[str, Any] = dict(defaults)
            bad = derived_row = False
            for col in present:
                field = col.field
                v, err = _convert(col, raw.get(field))
                if err is None and col.ref and isinstance(v, str) and v:
                    v, err = names.find(col.ref, v)
                if err:
                    bad = True
                    parsed.problems.append(_at(sheet, rownum, sheet.headers[field], err,
                                               value=short(raw.get(field), 40, str)))
                row[field] = v
            if table in DERIVED_ID and not bad and (derive or _blank(row.get(id_field))) and (
                    DERIVED_ID[table] in sheet.headers):
                source = DERIVED_ID[table]
                if _blank(row.get(source)):
                    bad = True
                    parsed.problems.append(_at(sheet, rownum, sheet.headers[source],
                                               "io.required"))
                else:
                    row[id_field] = _derived_id(table, row)
                    if kind == "actor":
                        parsed.derived.add(row[id_field])
                    derived_row = True
            if bad:
                if kind in ("actor", "committee"):
                    names.refuse(kind, sheet, rownum, raw.get("id"), raw.get("name"),
                                 raw.get("acronym"))
                continue
            if table == "assessments":
                answers.setdefault(row["assessment"], []).append((sheet, rownum, row))
                continue
            _build(parsed, sheet, rownum, row, derived=derived_row)
    for aid, rows in answers.items():
        _build_assessment(parsed, aid, rows)
    return parsed


def _derived_id(table: str, row: dict[str, Any]) -> str:
    """The identifier of a row without one: from its name, or what an agreement links."""
    if table in ("actors", "committees"):
        return values.derive_id(row["name"])
    if table == "agreements":
        parties = [row.get(f) or "" for f in ("housing_provider", "program", "referring_org",
                                              "worker_org", "tenant_code")]
        when = row["signed_on"].isoformat() if row.get("signed_on") else ""
        return values.derive_id(" ".join(["entente", row["type"], *parties, when]))
    label = row.get("label") or "evaluation"
    return values.derive_id(f"{label} {row['on'].isoformat()}")


def _record(kind: str, values: dict[str, Any]) -> Any:
    """A record from a row's values, by field name (an agreement's parties from columns)."""
    if kind == "agreement":
        return schema.build(Agreement, values, parties=_parties(values))
    return schema.build(RECORD_TYPES[kind], values)


def _parties(v: dict[str, Any]) -> tuple[Party, ...]:
    t = v["type"]
    if t == "I":
        return (Party("housing_provider", v["housing_provider"]), Party("program", v["program"]))
    if t == "II":
        return (Party("program", v["program"]), Party("referring_org", v["referring_org"]))
    if t == "III":
        return (Party("tenant", tenant_code=v["tenant_code"]),
                Party("worker", v["worker_org"], v["worker"]),
                Party("liaison_agent", v["program"], v["liaison_agent"]))
    return ()


KIND_OF = {"actors": "actor", "committees": "committee", "memberships": "membership",
           "ties": "tie", "figures": "figure", "agreements": "agreement", "actions": "action",
           "commitments": "commitment"}

# Sheets whose rows belong to a record of another sheet: sheet -> (record class, the
# parent's column, the _Parsed list they are gathered in, the origins' prefix or "").
CHILD_SHEETS: dict[str, tuple[type, str, str, str]] = {
    "contacts": (Contact, "actor", "contacts", "contact"),
    "action_log": (ActionEvent, "action", "logs", ""),
}


def _build(parsed: _Parsed, sheet: Sheet, rownum: int, row: dict[str, Any], *,
           derived: bool = False) -> None:
    names = parsed.names
    assert names is not None
    if sheet.table.name == "region":
        if parsed.region is not None:
            parsed.problems.append(_at(sheet, rownum, "", "io.region_rows"))
        parsed.region = row
        return
    if sheet.table.name in CHILD_SHEETS:  # a row that belongs to a record of another sheet
        cls, parent, kept_in, origin = CHILD_SHEETS[sheet.table.name]
        try:
            item = schema.build(cls, row)
        except ValidationError as exc:
            _report(parsed, sheet, rownum, exc.problems)
            return
        getattr(parsed, kept_in).setdefault(row[parent], []).append(item)
        if origin:
            parsed.origins.setdefault(f"{origin}:{row[parent]}", (sheet, rownum))
        return
    kind = KIND_OF[sheet.table.name]
    try:
        rec = _record(kind, row)
    except ValidationError as exc:
        _report(parsed, sheet, rownum, exc.problems)
        if kind in ("actor", "committee"):
            names.refuse(kind, sheet, rownum, row.get("id"), row.get("name"), row.get("acronym"))
        return
    key = record_label(kind, rec)
    if key in parsed.records[kind]:
        first = parsed.origins[f"{kind}:{key}"]
        if derived and kind in ("actor", "committee"):
            parsed.problems.append(_at(sheet, rownum, sheet.headers.get("name", ""),
                                       "io.same_name", name=short(rec.name, 60, str),
                                       other=short(parsed.records[kind][key].name, 60, str),
                                       key=key, row=first[1]))
        else:
            parsed.problems.append(_at(sheet, rownum, "", "io.duplicate", key=key,
                                       file=first[0].name or first[0].file, row=first[1]))
        return
    if kind in parsed.folded:  # identifiers equal but for case, accents or punctuation
        folded = values.derive_id(key)
        seen = parsed.folded[kind].get(folded)
        if seen is not None and seen[2] != key:
            where = (Message("io.in_store") if seen[0] is None else
                     Message("io.at_row", sheet=seen[0].name or seen[0].file, row=seen[1]))
            parsed.problems.append(_at(sheet, rownum, sheet.headers.get("id", ""),
                                       "io.same_id", key=key, other=seen[2], where=where))
            if kind in ("actor", "committee"):
                names.refuse(kind, sheet, rownum, key, getattr(rec, "name", ""))
            return
        parsed.folded[kind][folded] = (sheet, rownum, key)
    parsed.records[kind][key] = rec
    if kind == "actor":
        names.add("actor", rec.id, rec.name, rec.acronym)
    elif kind == "committee":
        names.add("committee", rec.id, rec.name)
    for alias in _aliases(kind, rec):
        parsed.origins[f"{kind}:{alias}"] = (sheet, rownum)


def _build_assessment(parsed: _Parsed, aid: str,
                      rows: list[tuple[Sheet, int, dict[str, Any]]]) -> None:
    sheet, rownum, first = rows[0]
    dates = {v["on"] for _, _, v in rows}
    if len(dates) > 1:
        parsed.problems.append(_at(sheet, rownum, sheet.headers.get("on", "date"),
                                   "io.assessment_dates", assessment=aid))
        return
    def first_of(field: str) -> str:
        return next((v[field] for _, _, v in rows if v[field]), "")

    try:
        rec = schema.build(Assessment, {
            **first, **{f: first_of(f) for f in ("label", "note", "source")}},
            id=aid, answers=tuple(schema.build(Answer, v) for _, _, v in rows))
    except ValidationError as exc:
        for p in exc.problems:
            row = next((n for s, n, v in rows if str(v["criterion"]) in str(p.params.get(
                "value", p.params.get("criterion", "")))), rownum)
            _report(parsed, sheet, row, [p])
        return
    parsed.records["assessment"][aid] = rec
    parsed.origins[f"assessment:{aid}"] = (sheet, rownum)


def _aliases(kind: str, rec: Any) -> list[str]:
    out = [record_label(kind, rec)]
    if kind == "tie":
        out.append(f"{rec.source}>{rec.target}")
    return out


# Which column a region-level rule points to.
RULE_FIELD = {
    "agreement.I.provider": "housing_provider", "agreement.II.referring": "referring_org",
    "agreement.program": "program", "agreement.III.worker": "worker",
    "agreement.III.no_II": "worker_org", "agreement.III.liaison": "liaison_agent",
    "agreement.tenant_code": "tenant_code", "agreement.parties": "type",
    "agreement.dates": "ends_on", "agreement.signed_date": "signed_on",
    "agreement.renews": "renews", "unknown_committee": "committee", "duplicate": "id",
    "tie.self": "target", "actor.sector_required": "sector", "dates.order": "until",
}


def _column_for(sheet: Sheet, p: Problem) -> str:
    field = p.params.get("field") or RULE_FIELD.get(p.rule, "")
    if p.rule in ("unknown_actor", "agreement.unknown_actor"):
        value = p.params.get("actor")
        for f in ("actor", "source", "target", "housing_provider", "program", "referring_org",
                  "worker_org"):
            if f in sheet.headers and any(r.get(f) == value for _, r in sheet.rows):
                return sheet.headers[f]
    if field == "parties":
        field = "type"
    return sheet.headers.get(field, "")


ROW_KIND = {"contacts": "contact", "assessments": "answer", "agreements": "agreement",
            **KIND_OF}


def _labelled(sheet: Sheet, p: Problem) -> Problem:
    """The rule without its place, its field named as a person reads it in either language."""
    params = dict(p.params)
    field = params.get("field")
    if isinstance(field, str) and field:
        kind = ROW_KIND.get(sheet.table.name, "")
        if sheet.table.name == "assessments" and field in ("on", "label", "note", "source"):
            kind = "assessment"
        params["field"] = Pair(schema.field_label(kind, field, "fr"),
                               schema.field_label(kind, field, "en"))
    return Problem(p.rule, "", **params)


def _report(parsed: _Parsed, sheet: Sheet, rownum: int, problems: list[Problem]) -> None:
    for p in problems:
        parsed.problems.append(ImportProblem(sheet.file, rownum, _column_for(sheet, p),
                                             _labelled(sheet, p), sheet.name))


# --------------------------------------------------------------------------- importing
def _merge(region: Region, parsed: _Parsed) -> tuple[Region, ImportReport]:
    out = dataclasses.replace(region)
    added: dict[str, int] = {}
    updated: dict[str, int] = {}
    unchanged: dict[str, int] = {}
    stored_actors = region.actors_by_id()
    new_actors = dict(parsed.records["actor"])
    # An actor row carries no contacts: a re-imported actor keeps its stored ones unless
    # the contacts table names it.
    for aid, actor in new_actors.items():
        stored = stored_actors.get(aid)
        if stored is not None and aid not in parsed.contacts:
            new_actors[aid] = dataclasses.replace(actor, contacts=stored.contacts)
    for aid, contacts in parsed.contacts.items():
        base = new_actors.get(aid) or stored_actors.get(aid)
        if base is not None:
            new_actors[aid] = dataclasses.replace(base, contacts=tuple(contacts))
    parsed.records["actor"] = new_actors
    # An action's log, likewise, is that of the action_log table when it names the action.
    stored_actions = {a.id: a for a in region.actions}
    for key, action in list(parsed.records["action"].items()):
        log = parsed.logs.get(action.id)
        if log is None and action.id in stored_actions:
            log = list(stored_actions[action.id].log)
        if log:
            parsed.records["action"][key] = dataclasses.replace(
                action, log=tuple(sorted(log, key=lambda e: e.on)))
    for kind, attr in RECORD_LISTS.items():
        items = list(getattr(region, attr))
        pos = {record_label(kind, r): i for i, r in enumerate(items)}
        a = u = s = 0
        for key, rec in parsed.records[kind].items():
            if key in pos:
                if items[pos[key]] == rec:
                    s += 1
                else:
                    items[pos[key]] = rec
                    u += 1
            else:
                pos[key] = len(items)
                items.append(rec)
                a += 1
        setattr(out, attr, items)
        added[attr], updated[attr], unchanged[attr] = a, u, s
    out.revision = region.revision
    return out, ImportReport(region.code, added, updated, unchanged)


def _region_problems(merged: Region, parsed: _Parsed) -> list[ImportProblem]:
    out = []
    for p in merged.problems():
        for kind in ("actor", "committee", "agreement", "membership", "tie", "assessment",
                     "figure", "contact"):
            origin = parsed.origins.get(f"{kind}:{p.where}")
            if origin is not None:
                sheet, row = origin
                out.append(ImportProblem(sheet.file, row, _column_for(sheet, p),
                                         _labelled(sheet, p), sheet.name))
                break
        else:  # a stored record broken by the import (e.g. its actor was changed)
            out.append(ImportProblem(i18n.t("io.base"), None, "", p))
    return out


def import_files(store: Store, paths: Iterable[str | Path], *, region: str | None = None,
                 name: str | None = None, encoding: str = "auto",
                 progress: Progress | None = None, sync: bool = False,
                 on: dt.date | None = None) -> ImportReport:
    """Import files into a region of ``store``, all or nothing.

    Parameters
    ----------
    store : Store
        The target store.
    paths : iterable of path
        CSV, XLSX or JSON files (see :mod:`concert.io.tables` for names and columns).
    region : str, optional
        The region's code; default the store's only region. A new code needs ``name``.
    name : str, optional
        Name of the region to create.
    encoding : str
        Text encoding of CSV and JSON files: by default (``auto``) UTF-8 with or without a
        byte-order mark, else Windows-1252 (:func:`decode`).
    progress : callable, optional
        ``progress(rows_done, rows_total)``, called while rows are converted.
    sync : bool
        Retire the stored records the files no longer have (``report.missing``), of the
        kinds the files carry: an end date from ``on`` (:func:`concert.retire.retire`),
        never a deletion. Kinds without an end date (committees, assessments, figures)
        are listed, never retired.
    on : datetime.date, optional
        The first day retired records are out of force (default: today).

    Returns
    -------
    ImportReport
        What was added, updated and left unchanged.

    Raises
    ------
    ImportFailed
        Listing every problem (file, row, column, expected); nothing is written.
    """
    sheets, problems = read_tables(paths, encoding=encoding)
    codes = [c for c, _ in store.regions()]
    meta = next((r for s in sheets if s.table.name == "region" for _, r in s.rows), None)
    if region is None and meta is not None and not _blank(meta.get("code")):
        region = str(meta["code"]).strip()
        name = name or (str(meta.get("name") or "").strip() or None)
    if region is None and codes:  # a new region needs its code and name
        try:
            region = store.choose_region()
        except NotFoundError as exc:
            problems.append(ImportProblem("-", None, "", exc))
    elif region is None:
        problems.append(_problem("-", None, "", "io.which_region", regions="-"))
    if problems:
        raise ImportFailed(problems)
    assert region is not None
    if region in codes:
        base = store.load_region(region)
    elif name:
        try:
            base = Region(region, name)
        except ValidationError as exc:
            raise ImportFailed([ImportProblem("-", None, "", exc)]) from exc
    else:
        raise ImportFailed([_problem("-", None, "", "io.new_region", region=region)])
    parsed = _parse(sheets, progress, base)
    if parsed.region is not None:
        try:
            base = dataclasses.replace(base, name=parsed.region["name"] or base.name,
                                       territories=parsed.region["territories"],
                                       note=parsed.region["note"],
                                       source=parsed.region["source"])
        except ValidationError as exc:
            raise ImportFailed([ImportProblem("-", None, "", exc)]) from exc
        base.revision = store.revision(region) if region in codes else 0
    merged, report = _merge(base, parsed)
    # Rows that failed to convert are reported with what the valid rows break.
    problems = parsed.problems + _region_problems(merged, parsed)
    if problems:
        raise ImportFailed(problems)
    report = dataclasses.replace(report, missing=_missing(base, sheets, parsed),
                                 renamed=_renamed(base, parsed))
    if sync and report.missing:
        when = on or settings.current_date()
        retired = {k: v for k, v in report.missing.items() if k in RETIRABLE}
        for kind, keys in retired.items():
            merged = retire(merged, kind, keys, when)
        report = dataclasses.replace(report, retired=retired)
    stored = store.load_region(region) if region in codes else None
    if stored is None or merged != stored or (merged.name, merged.territories, merged.note,
                                              merged.source) != (stored.name,
                                                                 stored.territories,
                                                                 stored.note, stored.source):
        store.save_region(merged, check=False)  # checked above, row by row
    return report


def _missing(base: Region, sheets: list[Sheet], parsed: _Parsed) -> dict[str, list[str]]:
    """Per kind the files carry, the stored records they no longer have (their keys).

    Ententes III are a kind of their own here: a file without any (a default export
    leaves them out) says nothing of those stored.
    """
    carried = {KIND_OF[s.table.name] for s in sheets if s.table.name in KIND_OF}
    if any(s.table.name == "assessments" for s in sheets):
        carried.add("assessment")
    out: dict[str, list[str]] = {}
    for kind in carried:
        records = getattr(base, RECORD_LISTS[kind])
        if not records:
            continue
        present = {record_key(kind, r) for r in parsed.records[kind].values()}
        if kind == "agreement":
            with_iii = any(r.type == "III" for r in parsed.records[kind].values())
            records = [r for r in records if r.type != "III" or with_iii]
        gone = [record_key(kind, r) for r in records if record_key(kind, r) not in present]
        if gone:
            out[kind] = gone
    return out


def _renamed(base: Region, parsed: _Parsed) -> list[tuple[str, str]]:
    """New organisations known by their name only, paired with a stored one they may be."""
    stored = {values.fold_key(a.name): a for a in base.actors}
    by_acronym = {values.fold_key(a.acronym): a for a in base.actors if a.acronym}
    known = {a.id for a in base.actors}
    out = []
    for aid in parsed.derived:
        if aid in known:
            continue
        new = parsed.records["actor"].get(aid)
        if new is None:
            continue
        old = by_acronym.get(values.fold_key(new.acronym)) if new.acronym else None
        if old is None:
            close = difflib.get_close_matches(values.fold_key(new.name), list(stored), n=1,
                                              cutoff=0.8)
            old = stored[close[0]] if close else None
        if old is not None:
            out.append((new.name, old.name))
    return sorted(out)


# --------------------------------------------------------------------------- exporting
# Vocabularies exported as their codes: an entente's type (I, II, III; its label is a
# sentence), a criterion (its identifier), a level (its number). Others as their labels.
EXPORTED_AS_CODE = ("agreement_type", "criterion", "level")


def neutralise(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, made inert (OWASP CSV injection).

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'``; so does one where apostrophes come before one of those, so that the
    import, which removes that one ``'`` (:func:`_unquote`), reads back the exact text.
    """
    if type(value) is str and value.lstrip("'")[:1] in FORMULA_START and value.lstrip("'"):
        return "'" + value
    return value


def _cell(col: Column, value: Any, lang: str, dates: bool = False) -> Any:
    if col.vocab and col.vocab not in EXPORTED_AS_CODE and value not in (None, ""):
        if col.type == "list":
            return "; ".join(values.label_of(col.vocab, v, lang) for v in value)
        return values.label_of(col.vocab, value, lang)
    if col.type == "list":
        return neutralise("; ".join(value))
    if col.type == "date":
        if dates:
            return value
        return value.isoformat() if value else ""
    if col.type == "bool":
        return i18n.t("export.yes" if value else "export.no", lang)
    if value is None:
        return ""
    return neutralise(value)


def export_tables(region: Region, *, lang: str | None = None,
                  tenant_codes: bool = False, dates: bool = False) -> dict[str, pd.DataFrame]:
    """The region as the exchange tables, keyed by table name in ``lang``.

    Coded values are written as their labels in ``lang`` (but an entente's type, a
    criterion and a level, as codes); texts a spreadsheet would run as formulas are
    neutralised (:func:`neutralise`). Dates are ``AAAA-MM-JJ`` texts, or date values with
    ``dates=True`` (a workbook). Agreements III are left out unless ``tenant_codes=True``
    (their count is in the ``résumé``/``summary`` table, always present).
    """
    lang = lang or settings.language
    out: dict[str, pd.DataFrame] = {}
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
    rows["region"].append({"code": region.code, "name": region.name,
                           "territories": region.territories, "note": region.note,
                           "source": region.source})
    for a in region.actors:
        rows["actors"].append(dataclasses.asdict(a) | {"contacts": None})
        for c in a.contacts:
            rows["contacts"].append({"actor": a.id, **dataclasses.asdict(c)})
    for table, records in (("committees", region.committees),
                           ("memberships", region.memberships), ("ties", region.ties),
                           ("figures", region.figures)):
        rows[table] = [dataclasses.asdict(rec) for rec in records]
    for action in region.actions:
        rows["actions"].append(dataclasses.asdict(action) | {"log": None})
        for e in action.log:
            rows["action_log"].append({"action": action.id, **dataclasses.asdict(e)})
    iii = {g.id for g in region.agreements if g.type == "III"}
    rows["commitments"] = [dataclasses.asdict(c) for c in region.commitments
                           if tenant_codes or c.agreement not in iii]
    hidden = 0
    for g in region.agreements:
        if g.type == "III" and not tenant_codes:
            hidden += 1
            continue
        d = {f.name: getattr(g, f.name) for f in dataclasses.fields(g) if f.name != "parties"}
        for p in g.parties:
            if p.role == "tenant":
                d["tenant_code"] = p.tenant_code
            elif p.role == "worker":
                d["worker_org"], d["worker"] = p.actor, p.person
            elif p.role == "liaison_agent":
                d["program"], d["liaison_agent"] = p.actor, p.person
            else:
                d[p.role] = p.actor
        rows["agreements"].append(d)
    for s in region.assessments:  # one row per answer, the assessment's fields repeated
        head = {f.name: getattr(s, f.name) for f in dataclasses.fields(s) if f.name != "answers"}
        head["assessment"] = head.pop("id")
        for ans in s.answers:
            rows["assessments"].append({**head, **dataclasses.asdict(ans)})
    for t in TABLES:
        header = t.header(lang)
        data = [[_cell(c, r.get(c.field), lang, dates) for c in t.columns]
                for r in rows[t.name]]
        out[t.fr if lang == "fr" else t.name] = pd.DataFrame(data, columns=header)
    out[i18n.t("export.summary", lang)] = pd.DataFrame([{
        i18n.t("export.summary.region", lang): region.code,
        i18n.t("field.name", lang): neutralise(region.name),
        i18n.t("export.summary.iii", lang): sum(1 for a in region.agreements if a.type == "III"),
        i18n.t("export.summary.codes", lang): i18n.t(
            "export.yes" if tenant_codes else "export.no", lang)}])
    return out


def write_csv(region: Region, folder: str | Path, *, protect: Iterable[str | Path] = (),
              **kw: Any) -> list[Path]:
    """Write one UTF-8 CSV per table (with a BOM, so Excel reads accents) into ``folder``.

    Every file is written whole before any replaces an existing one
    (:func:`concert.io.files.atomic_paths`); ``protect`` names files never to write over
    (the database being read). Other keywords go to :func:`export_tables`.
    """
    folder = check_output(folder, protect=protect, folder=True)
    frames = [(folder / f"{normalise(name)}.csv", df)
              for name, df in export_tables(region, **kw).items()
              if not df.empty]  # a header-only CSV would read as an empty file
    paths = [path for path, _ in frames]
    with atomic_paths(paths, protect=protect) as temps:
        for tmp, (_, df) in zip(temps, frames, strict=True):
            df.to_csv(tmp, index=False, encoding="utf-8-sig")
    return paths


def write_xlsx(region: Region, path: str | Path, *, protect: Iterable[str | Path] = (),
               **kw: Any) -> Path:
    """Write every table as a sheet of one Excel workbook (whole or not at all)."""
    path = Path(path)
    tables = export_tables(region, dates=True, **kw)
    with atomic_path(path, protect=protect) as tmp, pd.ExcelWriter(tmp,
                                                                   engine="openpyxl") as writer:
        for name, df in tables.items():
            df.to_excel(writer, sheet_name=name[:31], index=False)
    return path


def write_json(region: Region, path: str | Path, *, protect: Iterable[str | Path] = (),
               **kw: Any) -> Path:
    """Write every table into one JSON object ``{table: [row, ...]}`` (whole or not at all)."""
    path = Path(path)
    data = {name: df.to_dict(orient="records") for name, df in export_tables(region,
                                                                             **kw).items()}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    with atomic_path(path, protect=protect) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


# A template's example row: one value per field (a vocabulary's value is its label).
EXAMPLE = {
    "code": "mauricie", "id": "", "assessment": "", "name": "Office municipal d’habitation de "
    "Trois-Rivières", "acronym": "OMH", "territories": "Trois-Rivières; Shawinigan",
    "actor": "OMH", "target": "CIUSSS MCQ",
    "committee": "Comité de gestion", "housing_provider": "OMH", "program": "Clés en main",
    "referring_org": "CIUSSS MCQ", "worker_org": "CIUSSS MCQ", "person": "Julie Lemay",
    "worker": "Julie Lemay", "liaison_agent": "Marc Roy", "tenant_code": "L-001",
    "respondent": "JL", "value": 42, "unit": "personnes", "definition_fr": "Locataires logés",
    "meetings_per_year": 6, "email": "julie.lemay@example.org",
}
EXAMPLE_CODES = {"actor_type": "omh", "sector": "housing", "org_role": "housing_provider",
                 "engagement": "signatory", "contact_role": "liaison_agent",
                 "committee_kind": "gestion", "seat": "permanent", "tie_kind": "information",
                 "tie_frequency": "monthly", "agreement_status": "signed",
                 "agreement_type": "I", "criterion": "climat.cooperation.2", "level": "2"}
TEMPLATE_ROWS = 1000  # rows of a template sheet that carry the drop-down lists


def _example(table: Table, lang: str) -> list[Any]:
    """A table's example row, its first cell marked ``(exemple)`` (skipped on import)."""
    out: list[Any] = []
    for c in table.columns:
        if c.vocab:
            v: Any = values.label_of(c.vocab, EXAMPLE_CODES.get(c.vocab, ""), lang)
        elif c.ref:
            v = EXAMPLE.get(c.field) or ("OMH" if c.ref == "actor" else "Comité de gestion")
        elif c.type == "date":
            v = dt.date(2025, 3, 15) if c.field in ("since", "signed_on", "on", "as_of") else ""
        elif c.type == "bool":
            v = i18n.t("export.no", lang)
        else:
            v = EXAMPLE.get(c.field, "")
        out.append(v)
    out[0] = f"{EXAMPLE_MARKS[0 if lang == 'fr' else 1]} {out[0]}".strip()
    return out


def write_template(path: str | Path, *, lang: str | None = None) -> Path:
    """Write a template to fill in: one table if the file name names one, else all tables.

    An Excel template opens on a sheet of instructions, then has one sheet per table with
    its headers in ``lang``, an example row marked ``(exemple)`` (skipped on import) and,
    on every coded column (criteria, levels and entente types included), a drop-down list
    of the labels (a warning, not a refusal, for other spellings: codes and English labels
    are accepted too), read from a ``valeurs`` sheet. A CSV template holds the header and
    the example row; a JSON template an object of empty tables.
    """
    lang = lang or settings.language
    path = Path(path)
    table = table_for(path.stem)
    tables = [table] if table is not None else list(TABLES)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise ConcertError("io.format", suffix=suffix or "-")
    if suffix == ".csv" and table is None:
        raise ConcertError("io.template_csv")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            assert table is not None
            with tmp.open("w", newline="", encoding="utf-8-sig") as f:
                w = csv.writer(f)
                w.writerow(table.header(lang))
                w.writerow(v.isoformat() if isinstance(v, dt.date) else v
                           for v in _example(table, lang))
        elif suffix == ".xlsx":
            _template_xlsx(tmp, tables, lang)
        else:
            tmp.write_text(json.dumps({(t.fr if lang == "fr" else t.name): [] for t in tables},
                                      ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _template_xlsx(path: Path, tables: list[Table], lang: str) -> None:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = i18n.t("template.guide_sheet", lang)
    lines = [i18n.t(f"template.guide.{n}", lang) for n in range(1, 8)]
    lines += [f"• {t.fr if lang == 'fr' else t.name} : {i18n.t('template.table.' + t.name, lang)}"
              for t in tables]
    guide.append([i18n.t("template.guide_title", lang)])
    guide["A1"].font = Font(bold=True, size=14)
    for line in lines:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    # The labels of each vocabulary, one column each, on the "valeurs" sheet.
    used = list(dict.fromkeys(c.vocab for t in tables for c in t.columns if c.vocab))
    values_ws = wb.create_sheet("valeurs" if lang == "fr" else "values")
    ranges: dict[str, str] = {}
    for j, vocab in enumerate(used, start=1):
        col = get_column_letter(j)
        labels = [values.label_of(vocab, code, lang) for code in values.labels_of(vocab)]
        # Headed as the column that takes these values: "type (acteurs)", not a code.
        t, c = next((t, c) for t in tables for c in t.columns if c.vocab == vocab)
        title = f"{c.fr if lang == 'fr' else c.en} ({t.fr if lang == 'fr' else t.name})"
        values_ws.cell(1, j, title).font = Font(bold=True)
        values_ws.column_dimensions[col].width = min(60, max(18, *map(len, labels), len(title)))
        for i, label in enumerate(labels, start=2):
            values_ws.cell(i, j, label)
        ranges[vocab] = f"'{values_ws.title}'!${col}$2:${col}${len(labels) + 1}"
    for t in tables:
        ws = wb.create_sheet((t.fr if lang == "fr" else t.name)[:31], index=len(wb.sheetnames) - 1)
        ws.append(t.header(lang))
        ws.append(_example(t, lang))
        for j, c in enumerate(t.columns, start=1):
            ws.cell(1, j).font = Font(bold=True)
            ws.cell(2, j).font = Font(italic=True, color="808080")
            ws.column_dimensions[get_column_letter(j)].width = max(14, len(ws.cell(1, j).value))
            if c.vocab:
                dv = DataValidation(type="list", formula1=ranges[c.vocab], allow_blank=True,
                                    showErrorMessage=c.type != "list", errorStyle="warning")
                dv.error = i18n.t("template.not_in_list", lang)
                letter = get_column_letter(j)
                dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    wb.save(path)
