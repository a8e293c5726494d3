"""Data page: import files, download templates and an export.

The import goes through :func:`concert.io.import_files` (everything checked first, all
or nothing); a refused import lists every problem with its file, row and column, as
``concert import`` does, and any other failure gives one general sentence (never a
traceback). The export leaves the ententes III out (tenant codes are personal data) and,
in anonymised mode, holds the anonymised region only. No full backup is offered here: it
holds the tenant codes (``concert backup`` makes one).
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import panel as pn
import param

from concert import settings
from concert.io import TABLES, write_template, write_xlsx
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    bind,
    error_message,
    esc,
    message_html,
    tr,
)
from dashboards.pages.base import Page

__all__ = ["DataPage", "export_bytes", "upload_name"]

_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


def _template(lang: str) -> io.BytesIO:
    with tempfile.TemporaryDirectory() as folder:
        path = write_template(Path(folder) / ("modele.xlsx" if lang == "fr" else "template.xlsx"),
                              lang=lang)
        return io.BytesIO(path.read_bytes())


def export_bytes(state: Any) -> bytes:
    """The Excel export of the region as shown.

    Anonymised when the state is, and never with the agreements III (tenant codes).
    """
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(state.view_region, Path(folder) / "export.xlsx", lang=state.lang,
                          tenant_codes=False)
        return path.read_bytes()


def upload_name(name: Any, number: int) -> str:
    """A safe file name for an uploaded file.

    Its own base name (the import reads the table from it), or ``file-<number>`` when the
    browser sent none usable.
    """
    base = _UNSAFE_NAME.sub("_", str(name or "")).strip()
    return base if base not in ("", ".", "..") and len(base) <= 200 else f"file-{number}"


@contextmanager
def _language(lang: str) -> Iterator[None]:
    """The library's messages in ``lang`` for the duration.

    One import at a time: the server runs the sessions' callbacks one after the other.
    """
    previous = settings.language
    settings.language = lang
    try:
        yield
    finally:
        settings.language = previous


def import_notice(state: Any, names: list[Any], values: list[bytes], encoding: str,
                  sync: bool = False) -> str:
    """Import the uploaded files; return the message to show (HTML, every text escaped)."""
    lang = state.lang
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k, (name, data) in enumerate(zip(names, values, strict=False), start=1):
            sub = Path(folder) / str(k)  # one folder per file: equal names stay two files
            sub.mkdir()
            path = sub / upload_name(name, k)
            path.write_bytes(data if isinstance(data, bytes) else bytes(data or b""))
            paths.append(path)
        try:
            with _language(lang):
                more = {"sync": True} if sync else {}
                report = state.import_files(paths, encoding=encoding, **more)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, never a traceback
            with _language(lang):
                sentence, problems = error_message(exc, lang, *paths)
            return message_html(sentence, "danger", items=problems)
    counts = {"added": sum(report.added.values()), "updated": sum(report.updated.values()),
              "unchanged": sum(report.unchanged.values())}
    # What the store holds that the files no longer have: listed, retired with "sync".
    missing = [f"{tr('kind.' + kind, lang)} {key}" for kind, keys in report.missing.items()
               for key in keys]
    head = tr("cli.retired" if report.retired else "cli.missing", lang, n=len(missing),
              on=settings.current_date().isoformat())
    return message_html("✔ " + tr("cli.imported", lang, region=report.region, **counts)
                        + (" " + head if missing else ""), "success", items=missing)


class DataPage(Page):
    """The data page: import (when the store can be written), templates and export.

    Its own state: the message of the last import (kept while the region reloads).
    """

    slug = "data"
    notice = param.String(default="", doc="The last import's message (HTML, escaped).")

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        state = self.state
        template = pn.widgets.FileDownload(
            callback=lambda: _template(self.lang), label=self.text("dash.data.template"),
            filename=bind(lambda lang: "modele.xlsx" if lang == "fr" else "template.xlsx",
                          self.param.lang), color="primary")
        code = state.region.code if state.region is not None else "export"
        download = pn.widgets.FileDownload(callback=lambda: io.BytesIO(export_bytes(state)),
                                           label=self.text("dash.data.export"),
                                           filename=f"{code}.xlsx", color="primary")
        note = self.html(
            lambda: f'<p class="small muted">{esc(tr("dash.data.export_help", self.lang))}</p>')
        if not state.can_save:  # a read-only role (constant for the session): no import form
            return self.column(self.html(self._intro), pn.Row(template, download), note)
        upload = pn.widgets.FileInput(accept=".csv,.xlsx,.json", multiple=True,
                                      label=self.text("dash.data.files"))
        encoding = pn.widgets.Select(label=self.text("dash.data.encoding"),
                                     options=self._encodings(), value="auto")
        self.param.watch(lambda _e: setattr(encoding, "options", self._encodings()), "lang")
        # A CheckBoxGroup draws a real <label> around its box (bokeh's single Checkbox does
        # not: its box has no accessible name).
        sync = pn.widgets.CheckBoxGroup(options={tr("dash.data.sync", self.lang): "sync"},
                                        value=[], inline=False)
        self.param.watch(lambda _e: setattr(
            sync, "options", {tr("dash.data.sync", self.lang): "sync"}), "lang")
        button = pn.widgets.Button(label=self.text("dash.data.import"), color="primary")
        result = pn.pane.HTML(self.param.notice, stylesheets=[TABLE_CSS + MESSAGE_CSS],
                              sizing_mode="stretch_width")

        def do_import(_: Any) -> None:
            values = upload.value if isinstance(upload.value, list) else [upload.value]
            names = upload.filename if isinstance(upload.filename, list) else [upload.filename]
            if not values or all(v is None for v in values):
                self.notice = message_html(tr("dash.data.no_file", self.lang), "warning")
                return
            self.notice = import_notice(state, names, values, encoding.value,
                                        "sync" in sync.value)

        button.on_click(do_import)
        editing = pn.Column(
            self.html(lambda: f"<h3>{esc(tr('dash.data.import_title', self.lang))}</h3>"),
            pn.Row(upload, encoding), sync, button, result, sizing_mode="stretch_width",
            visible=self.bound(lambda: not self.presentation and state.can_save))
        return self.column(self.html(self._intro), pn.Row(template, download), note, editing)

    def _encodings(self) -> dict[str, str]:
        """The encodings offered: detected (the default), UTF-8, Windows-1252."""
        return {tr("dash.data.encoding_auto", self.lang): "auto", "UTF-8": "utf-8",
                "Windows-1252": "cp1252"}

    def _intro(self) -> str:
        lang = self.lang
        tables = ", ".join(t.fr if lang == "fr" else t.name for t in TABLES)
        return (f"<h2>{esc(tr('dash.page.data', lang))}</h2>"
                f"<p>{esc(tr('dash.data.intro', lang, tables=tables))}</p>")
