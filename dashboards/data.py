"""Data page: import files, download templates and exports, make a backup.

The import goes through :func:`concert.io.import_files` (everything checked first, all
or nothing); a refused import lists every problem with its file, row and column. The
default export leaves the ententes III out (personal data), as the command line does.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import panel as pn

from concert.io import TABLES, ImportFailed, write_template, write_xlsx
from dashboards._common import TABLE_CSS, esc, tr

__all__ = ["data_page"]


def _template(lang: str) -> io.BytesIO:
    with tempfile.TemporaryDirectory() as folder:
        path = write_template(Path(folder) / ("modele.xlsx" if lang == "fr" else "template.xlsx"),
                              lang=lang)
        return io.BytesIO(path.read_bytes())


def data_page(state: Any) -> pn.viewable.Viewable:
    """The data page: import (when the store can be written), templates, export, backup."""
    lang, region = state.lang, state.region
    if region is None:
        return pn.pane.Markdown(tr("dash.no_region", lang))
    tables = ", ".join(t.fr if lang == "fr" else t.name for t in TABLES)
    intro = pn.pane.HTML(f"<h2>{esc(tr('dash.page.data', lang))}</h2>"
                         f"<p>{esc(tr('dash.data.intro', lang, tables=tables))}</p>",
                         stylesheets=[TABLE_CSS], sizing_mode="stretch_width")
    template = pn.widgets.FileDownload(
        callback=lambda: _template(lang), label=tr("dash.data.template", lang),
        filename="modele.xlsx" if lang == "fr" else "template.xlsx", color="primary")

    def export() -> io.BytesIO:
        with tempfile.TemporaryDirectory() as folder:
            path = write_xlsx(state.region, Path(folder) / "export.xlsx", lang=lang)
            return io.BytesIO(path.read_bytes())

    download = pn.widgets.FileDownload(callback=export, label=tr("dash.data.export", lang),
                                       filename=f"{region.code}.xlsx", color="primary")
    parts: list[Any] = [intro, pn.Row(template, download)]
    if state.presentation or not state.can_save:
        return pn.Column(*parts, sizing_mode="stretch_width")
    upload = pn.widgets.FileInput(accept=".csv,.xlsx,.json", multiple=True,
                                  label=tr("dash.data.files", lang))
    encoding = pn.widgets.Select(label=tr("dash.data.encoding", lang),
                                 options={"UTF-8": "utf-8", "Latin-1 (Excel)": "latin-1"})
    button = pn.widgets.Button(label=tr("dash.data.import", lang), color="primary")
    # Bound to the state: an import reloads the region and rebuilds this page, and the
    # message must survive that.
    result = pn.pane.HTML(state.param.notice, stylesheets=[TABLE_CSS],
                          sizing_mode="stretch_width")

    def do_import(_: Any) -> None:
        values = upload.value if isinstance(upload.value, list) else [upload.value]
        names = upload.filename if isinstance(upload.filename, list) else [upload.filename]
        if not values or values == [None]:
            state.notice = f"<p>{esc(tr('dash.data.no_file', lang))}</p>"
            return
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for name, data in zip(names, values):
                path = Path(folder) / Path(str(name)).name
                path.write_bytes(data)
                paths.append(path)
            try:
                report = state.import_files(paths, encoding=encoding.value)
            except ImportFailed as exc:
                items = "".join(f"<li>{esc(p)}</li>" for p in exc.problems[:100])
                state.notice = (f'<div role="alert"><p><b>'
                                f"{esc(tr('cli.import_failed', lang, n=len(exc.problems)))}"
                                f"</b></p><ul>{items}</ul></div>")
                return
        counts = {"added": sum(report.added.values()), "updated": sum(report.updated.values()),
                  "unchanged": sum(report.unchanged.values())}
        state.notice = (f'<p role="status">✔ '
                        f"{esc(tr('cli.imported', lang, region=report.region, **counts))}</p>")

    button.on_click(do_import)

    def backup() -> io.BytesIO:
        with tempfile.TemporaryDirectory() as folder:
            path = state.backup(Path(folder) / "concert-backup.db")
            return io.BytesIO(path.read_bytes())

    save = pn.widgets.FileDownload(callback=backup, label=tr("dash.data.backup", lang),
                                   filename="concert-sauvegarde.db", color="default")
    parts += [pn.pane.HTML(f"<h3>{esc(tr('dash.data.import_title', lang))}</h3>",
                           stylesheets=[TABLE_CSS]),
              pn.Row(upload, encoding), button, result,
              pn.pane.HTML(f"<h3>{esc(tr('dash.data.backup_title', lang))}</h3>"
                           f"<p>{esc(tr('dash.data.backup_help', lang))}</p>",
                           stylesheets=[TABLE_CSS], sizing_mode="stretch_width"), save]
    return pn.Column(*parts, sizing_mode="stretch_width")
