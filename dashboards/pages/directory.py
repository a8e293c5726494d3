"""The partner directory (issue 13, point 5), printable and downloaded.

Organisations by territory and sector with their contact people, roles, ententes in force
and committees; printable, and downloaded as CSV or XLSX
(:func:`concert.io.directory.write_directory`). Contacts are professional details only; no
tenant ever appears (ententes III are counted).

The page also downloads the committee's report (:func:`dashboards.report.write_report`).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import panel as pn

from concert.directory import directory, directory_headers
from concert.io.directory import write_directory
from dashboards._common import TABLE_CSS, esc, html_table, tr
from dashboards.pages.base import Page

__all__ = ["DirectoryPage", "directory_bytes", "report_bytes"]

PRINT_CSS = TABLE_CSS + """
div.wide { overflow-x: auto; }
table.data { width: 100%; }
table.data td, table.data th { font-size: 0.85em; overflow-wrap: anywhere; min-width: 5em; }
@media print { .bk-btn { display: none; } }
"""


def directory_bytes(state: Any, suffix: str, lang: str) -> io.BytesIO:
    """The directory of the state's region as a ``.csv`` or ``.xlsx`` file's bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_directory(state.view_region, Path(tmp) / f"repertoire{suffix}", lang=lang)
        return io.BytesIO(path.read_bytes())


def report_bytes(state: Any, lang: str) -> io.BytesIO:
    """The committee's report (one HTML file) of the state's region."""
    from dashboards.report import write_report

    with tempfile.TemporaryDirectory() as tmp:
        path = write_report(state.db_path, Path(tmp) / "rapport.html",
                            region=state.region_code, lang=lang, anonymise=state.anonymise)
        return io.BytesIO(path.read_bytes())


class DirectoryPage(Page):
    """The partner directory, printable, with its downloads and the report's."""

    slug = "directory"

    def build(self) -> pn.viewable.Viewable:
        """The page: downloads, a print button, the table."""
        state = self.state
        code = state.region.code if state.region is not None else "region"
        csv = pn.widgets.FileDownload(
            callback=lambda: directory_bytes(state, ".csv", self.lang),
            filename=f"repertoire-{code}.csv", label=self.text("directory.csv"),
            color="primary")
        xlsx = pn.widgets.FileDownload(
            callback=lambda: directory_bytes(state, ".xlsx", self.lang),
            filename=f"repertoire-{code}.xlsx", label=self.text("directory.xlsx"),
            color="primary")
        report = pn.widgets.FileDownload(
            callback=lambda: report_bytes(state, self.lang), filename=f"rapport-{code}.html",
            label=self.text("report.download"), color="success",
            visible=state.db_path is not None)
        printer = pn.widgets.Button(label=self.text("directory.print"), color="light")
        printer.js_on_click(code="window.print()")
        title = self.html(lambda: f"<h2>{esc(tr('dash.page.directory', self.lang))}</h2>"
                          f'<p class="muted">{esc(tr("directory.intro", self.lang))}</p>')
        table = self.html(self._table, css=PRINT_CSS)
        return self.column(title, pn.Row(csv, xlsx, printer, report), table)

    def _table(self) -> str:
        region = self.region
        if region is None:
            return ""
        frame = directory_headers(directory(region, lang=self.lang), self.lang)
        frame = frame.drop(columns=[frame.columns[-1]])  # the identifier: for files only
        if frame.empty:
            return f"<p>{esc(tr('directory.empty', self.lang))}</p>"
        return '<div class="wide">' + html_table(
            list(frame.columns), frame.itertuples(index=False),
            caption=tr("directory.caption", self.lang, region=region.name)) + "</div>"
