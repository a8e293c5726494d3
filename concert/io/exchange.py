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
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from concert import framework as fw
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
from concert.io.files import atomic_path, atomic_paths, check_output, os_reason
from concert.io.tables import SUMMARY_NAMES, TABLES, Column, Table, normalise, table_for
from concert.region import RECORD_LISTS, RECORD_TYPES, Region, record_label
from concert.store import Store

__all__ = ["ImportFailed", "ImportProblem", "ImportReport", "export_tables", "import_files",
           "read_tables", "write_csv", "write_json", "write_template", "write_xlsx"]

Progress = Callable[[int, int], None]
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$")

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

    @property
    def rule(self) -> str:
        """The stable code of the problem: the message's key or the broken rule."""
        return str(getattr(self.what, "key", "") or getattr(self.what, "rule", ""))

    @property
    def params(self) -> dict[str, Any]:
        """The values the message quotes."""
        return dict(getattr(self.what, "params", {}))

    def body(self, lang: str | None = None) -> str:
        """The message without its place, in ``lang`` (default: the settings language)."""
        return str(self.what.text(lang))

    def text(self, lang: str | None = None) -> str:
        """``file:row N:column: message`` in ``lang`` (default: the settings language)."""
        # The file name and the column header come from the person's files: control
        # characters in them are shown escaped, never sent raw to a terminal.
        where = printable(self.file)
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
    """What an import did: records ``added``, ``updated`` and ``unchanged`` per table."""

    region: str
    added: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int]

    @property
    def changed(self) -> bool:
        """True if the import wrote anything."""
        return any(self.added.values()) or any(self.updated.values())


@dataclasses.dataclass
class Sheet:
    """The rows of one table read from one file: ``rows`` are (row number, values)."""

    file: str
    table: Table
    headers: dict[str, str]  # field -> header as written in the file
    rows: list[tuple[int, dict[str, Any]]]


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


def read_tables(paths: Iterable[str | Path], *, encoding: str = "utf-8"
                ) -> tuple[list[Sheet], list[ImportProblem]]:
    """Read files into sheets of rows; return them with the problems met (none written)."""
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
            sheet, found_problems = _sheet(name, table, header, rows)
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


def _read_csv(path: Path, encoding: str) -> Found:
    raw = path.read_bytes()
    nul = raw.find(b"\x00")
    if nul >= 0 and encoding.lower().replace("_", "-") not in ("utf-16", "utf-32"):
        raise _Refused("io.binary", row=raw.count(b"\n", 0, nul) + 1)
    text = raw.decode("utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8")
                      else encoding)
    text = text.removeprefix("\ufeff")
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
            if normalise(ws.title) in ("valeurs", "values", "lisez_moi", "readme"):
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
    text = path.read_bytes().decode("utf-8-sig" if encoding.lower().replace("_", "-") in (
        "utf-8", "utf8") else encoding).removeprefix("\ufeff")
    if _json_depth(text) > JSON_MAX_DEPTH:
        raise _Refused("io.json_depth", max=JSON_MAX_DEPTH)
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_int=_json_int)
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


def _sheet(file: str, table: Table, header: list[str], rows: list[list[Any]]
           ) -> tuple[Sheet | None, list[ImportProblem]]:
    problems = []
    if not header and not rows:
        return None, [_problem(file, None, "", "io.empty", table=_table_name(table))]
    headers: dict[str, str] = {}
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        if h is None or str(h).strip() == "":
            continue
        col = table.column(str(h))
        if col is None:
            problems.append(_problem(file, 1, str(h), "io.unknown_column",
                                     table=_table_name(table), columns=_header(table)))
            continue
        if col.field in headers:
            problems.append(_problem(file, 1, str(h), "io.repeated_column"))
            continue
        headers[col.field] = str(h)
        index[col.field] = i
    for col in table.columns:
        if col.required and col.field not in headers:
            problems.append(_problem(file, 1, Pair(col.fr, col.en), "io.missing_column",
                                     table=_table_name(table)))
    if not rows:
        problems.append(_problem(file, None, "", "io.empty", table=_table_name(table)))
    out_rows = []
    for n, values in enumerate(rows, start=2):
        out_rows.append((n, {f: values[i] if i < len(values) else None
                             for f, i in index.items()}))
    return Sheet(file, table, headers, out_rows), problems


# --------------------------------------------------------------------------- converting
def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (
        isinstance(v, str) and v.strip() == "")


def _convert(col: Column, value: Any) -> tuple[Any, str | None]:
    """Convert a cell; return (value, error key or None)."""
    if col.type == "text" and type(value) is str:  # the common case, first
        text = value.strip()
        if text:
            return text, None
    if _blank(value):
        return {"list": (), "bool": False, "date": None, "int": None, "float": None}.get(
            col.type, ""), ("io.required" if col.required else None)
    if isinstance(value, (list, tuple, dict)):  # from a JSON file
        if col.type == "list" and not isinstance(value, dict) and all(
                isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in value):
            return tuple(t for t in (str(x).strip() for x in value) if t), None
        return None, {"list": "io.bad_list", "text": "io.bad_text"}.get(
            col.type, f"io.bad_{col.type}")
    if col.type == "text":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip(), None
    if col.type == "list":
        return tuple(x.strip() for x in str(value).split(";") if x.strip()), None
    if col.type == "date":
        if isinstance(value, dt.datetime):
            return value.date(), None
        if isinstance(value, dt.date):
            return value, None
        text = str(value).strip()
        # AAAA-MM-JJ, or a date-time written by a spreadsheet ("2024-01-15 00:00:00").
        if ISO_DATE_RE.match(text):
            try:
                return dt.date.fromisoformat(text[:10]), None
            except ValueError:
                pass
        return None, "io.bad_date"
    if col.type == "bool":
        key = normalise(str(value))
        if key in ("oui", "yes", "vrai", "true", "1", "o", "y", "x"):
            return True, None
        if key in ("non", "no", "faux", "false", "0", "n"):
            return False, None
        return None, "io.bad_bool"
    if col.type in ("int", "float"):
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


def _parse(sheets: list[Sheet], progress: Progress | None) -> _Parsed:
    parsed = _Parsed({k: {} for k in RECORD_LISTS}, {}, {}, [])
    total = sum(len(s.rows) for s in sheets)
    done = 0
    answers: dict[str, list[tuple[Sheet, int, dict[str, Any]]]] = {}
    order = {t.name: i for i, t in enumerate(TABLES)}
    for sheet in sorted(sheets, key=lambda s: order[s.table.name]):
        present = [c for c in sheet.table.columns if c.field in sheet.headers]
        defaults = {c.field: _convert(c, None)[0] for c in sheet.table.columns
                    if c.field not in sheet.headers}
        for rownum, raw in sheet.rows:
            done += 1
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
            values: dict[str, Any] = dict(defaults)
            bad = False
            for col in present:
                field = col.field
                v, err = _convert(col, raw.get(field))
                if err:
                    bad = True
                    parsed.problems.append(_problem(sheet.file, rownum, sheet.headers[field],
                                                    err, value=short(raw.get(field), 40,
                                                                     str)))
                values[field] = v
            if bad:
                continue
            if sheet.table.name == "assessments":
                answers.setdefault(values["assessment"], []).append((sheet, rownum, values))
                continue
            _build(parsed, sheet, rownum, values)
    for aid, rows in answers.items():
        _build_assessment(parsed, aid, rows)
    return parsed


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


def _build(parsed: _Parsed, sheet: Sheet, rownum: int, values: dict[str, Any]) -> None:
    if sheet.table.name == "region":
        if parsed.region is not None:
            parsed.problems.append(_problem(sheet.file, rownum, "", "io.region_rows"))
        parsed.region = values
        return
    if sheet.table.name == "contacts":
        try:
            contact = schema.build(Contact, values)
        except ValidationError as exc:
            _report(parsed, sheet, rownum, exc.problems)
            return
        parsed.contacts.setdefault(values["actor"], []).append(contact)
        parsed.origins.setdefault(f"contact:{values['actor']}", (sheet, rownum))
        return
    if sheet.table.name == "action_log":
        try:
            event = schema.build(ActionEvent, values)
        except ValidationError as exc:
            _report(parsed, sheet, rownum, exc.problems)
            return
        parsed.logs.setdefault(values["action"], []).append(event)
        return
    kind = KIND_OF[sheet.table.name]
    try:
        rec = _record(kind, values)
    except ValidationError as exc:
        _report(parsed, sheet, rownum, exc.problems)
        return
    key = record_label(kind, rec)
    if key in parsed.records[kind]:
        first = parsed.origins[f"{kind}:{key}"]
        parsed.problems.append(_problem(sheet.file, rownum, "", "io.duplicate", key=key,
                                        file=first[0].file, row=first[1]))
        return
    parsed.records[kind][key] = rec
    for alias in _aliases(kind, rec):
        parsed.origins[f"{kind}:{alias}"] = (sheet, rownum)


def _build_assessment(parsed: _Parsed, aid: str,
                      rows: list[tuple[Sheet, int, dict[str, Any]]]) -> None:
    sheet, rownum, first = rows[0]
    dates = {v["on"] for _, _, v in rows}
    if len(dates) > 1:
        parsed.problems.append(_problem(sheet.file, rownum, sheet.headers.get("on", "date"),
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


def _report(parsed: _Parsed, sheet: Sheet, rownum: int, problems: list[Problem]) -> None:
    for p in problems:
        parsed.problems.append(ImportProblem(sheet.file, rownum, _column_for(sheet, p),
                                             Problem(p.rule, "", **p.params)))


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
                                         Problem(p.rule, "", **p.params)))
                break
        else:  # a stored record broken by the import (e.g. its actor was changed)
            out.append(ImportProblem("(base)", None, "", p))
    return out


def import_files(store: Store, paths: Iterable[str | Path], *, region: str | None = None,
                 name: str | None = None, encoding: str = "utf-8",
                 progress: Progress | None = None) -> ImportReport:
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
        Text encoding of CSV and JSON files (``utf-8`` by default; ``latin-1`` for old
        Excel exports).
    progress : callable, optional
        ``progress(rows_done, rows_total)``, called while rows are converted.

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
    parsed = _parse(sheets, progress)
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
    stored = store.load_region(region) if region in codes else None
    if stored is None or merged != stored or (merged.name, merged.territories, merged.note,
                                              merged.source) != (stored.name,
                                                                 stored.territories,
                                                                 stored.note, stored.source):
        store.save_region(merged, check=False)  # checked above, row by row
    return report


# --------------------------------------------------------------------------- exporting
def _cell(col: Column, value: Any, lang: str) -> Any:
    if col.type == "list":
        return "; ".join(value)
    if col.type == "date":
        return value.isoformat() if value else ""
    if col.type == "bool":
        return i18n.t("export.yes" if value else "export.no", lang)
    if value is None:
        return ""
    return value


def export_tables(region: Region, *, lang: str | None = None,
                  tenant_codes: bool = False) -> dict[str, pd.DataFrame]:
    """The region as the exchange tables, keyed by table name in ``lang``.

    Agreements III are left out unless ``tenant_codes=True`` (their count is in the
    ``résumé``/``summary`` table, always present).
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
        data = [[_cell(c, r.get(c.field), lang) for c in t.columns] for r in rows[t.name]]
        out[t.fr if lang == "fr" else t.name] = pd.DataFrame(data, columns=header)
    out[i18n.t("export.summary", lang)] = pd.DataFrame([{
        i18n.t("export.summary.region", lang): region.code,
        i18n.t("field.name", lang): region.name,
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
    tables = export_tables(region, **kw)
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


def write_template(path: str | Path, *, lang: str | None = None) -> Path:
    """Write an empty template: one table if the file name names one, else all tables.

    A CSV template holds the header row; an Excel template one sheet per table and a
    sheet listing the allowed codes (types, sectors, roles...); a JSON template an
    object of empty tables.
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
            pd.DataFrame(columns=table.header(lang)).to_csv(tmp, index=False,
                                                            encoding="utf-8-sig")
        elif suffix == ".xlsx":
            with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                for t in tables:
                    pd.DataFrame(columns=t.header(lang)).to_excel(
                        writer, sheet_name=(t.fr if lang == "fr" else t.name)[:31],
                        index=False)
                _codes_frame(lang).to_excel(writer, sheet_name="valeurs" if lang == "fr"
                                            else "values", index=False)
        else:
            tmp.write_text(json.dumps({(t.fr if lang == "fr" else t.name): [] for t in tables},
                                      ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _codes_frame(lang: str) -> pd.DataFrame:
    rows = []
    for table in ("actor_type", "sector", "org_role", "engagement", "contact_role",
                  "committee_kind", "seat", "tie_kind", "agreement_status"):
        for code in fw.codes(table):
            rows.append({"liste" if lang == "fr" else "list": table, "code": code,
                         "libellé" if lang == "fr" else "label": i18n.label(table, code, lang)})
    for c in fw.CRITERIA:
        rows.append({"liste" if lang == "fr" else "list": "criterion", "code": c.code,
                     "libellé" if lang == "fr" else "label": c.fr if lang == "fr" else c.en})
    return pd.DataFrame(rows)
