"""What the follow-up pages share: the store, the session, dates typed, messages, downloads.

The follow-up pages (:mod:`~dashboards.pages.bilan`, :mod:`~dashboards.pages.plan`,
:mod:`~dashboards.pages.engagements`, :mod:`~dashboards.pages.figures`) write through the
library's store (:class:`concert.Store`): one organisation's answers, one action, one
commitment review at a time; then the state reloads the region.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import panel as pn

from concert import settings
from concert._errors import ConcertError
from concert.region import Region
from concert.store import Store
from dashboards._common import (
    MESSAGE_CSS,
    TABLE_CSS,
    bind,
    error_message,
    message_html,
    tr,
)
from dashboards.forms.editor import session_of

__all__ = ["FIELD_CSS", "FORM_CSS", "calendar_download", "editing", "field", "iso_date", "message",
           "name_of", "report_downloads", "save_failed", "save_one", "session_of",
           "set_options", "status_pane", "store_of", "acting"]

FIELD_CSS = """
label { white-space: normal; font-size: 1em; line-height: 1.3; color: #111; }
.bk-input, select, input { font-size: 1em; min-height: 38px; color: #111; }
"""
FORM_CSS = TABLE_CSS + MESSAGE_CSS + """
.form { border-top: 2px solid #0B4F8A; margin-top: 0.6em; }
.flag { font-weight: 700; color: #7A2E00; }
.late { font-weight: 700; color: #7A1B14; }
.received { font-size: 1.15em; font-weight: 700; color: #0B2F52; }
td.num { text-align: right; }
.link { font-family: monospace; word-break: break-all; user-select: all; }
.code { overflow-wrap: anywhere; }
table.data { max-width: 100%; }
"""


@contextmanager
def store_of(state: Any) -> Iterator[Store]:
    """The state's store, opened for one operation (the state's own rule)."""
    with state.signed_in() as (store, _session):
        yield store


def iso_date(value: Any) -> str:
    """A date as ``AAAA-MM-JJ`` (empty when the value is not a date)."""
    return value.isoformat() if isinstance(value, dt.date) else ""


def name_of(region: Region | None, actor_id: str) -> str:
    """An organisation's name as shown (its id when unknown)."""
    if region is None:
        return actor_id
    actor = region.actors_by_id().get(actor_id)
    return actor.name if actor is not None else actor_id


def save_failed(exc: BaseException, lang: str, state: Any) -> str:
    """What a person reads when a save is refused, in words, without the server's folders."""
    sentence, problems = error_message(exc, lang, state.db_path)
    detail = "\n".join(problems) if isinstance(exc, ConcertError) and problems else sentence
    return tr("fu.not_saved", lang, detail=detail)


def save_one(page: Any, make: Callable[[], Any], *, base: Any = None) -> bool:
    """Save one record through the store (:meth:`concert.Store.save_record`), then reload.

    ``make`` builds the record, so that a record refused by its own checks is reported like
    a refused save: the reason in words in the page's ``note`` (``ok`` false), the form kept.
    Returns True when saved (the page then says so itself).
    """
    state = page.state
    try:
        record = make()
        with store_of(state) as store:
            store.save_record(state.region_code, record, base=base, session=session_of(state))
    except Exception as exc:  # noqa: BLE001 - shown in words, the form kept
        page.param.update(ok=False, note=save_failed(exc, page.lang, state))
        return False
    state.reload()
    return True


def set_options(widget: Any, options: dict[str, Any]) -> None:
    """Give a select its options, keeping its value if still offered, else the first."""
    value = widget.value
    widget.options = options
    values = list(options.values())
    if isinstance(value, list):
        widget.value = [v for v in value if v in values]
    elif value not in values:
        widget.value = values[0] if values else None


def message(text: str, ok: bool) -> str:
    """A result message box (empty when there is nothing to say)."""
    return message_html(text, "success" if ok else "danger") if text else ""


def status_pane(page: Any, where: str | None = None) -> pn.pane.HTML:
    """The pane showing the page's last result message (its ``note`` and ``ok``).

    With ``where``, only the message of the action of that form (the page's ``note_from``,
    set by :func:`acting`): placed under the form's button, the message is read where the
    person clicked, not at the top of a long page.
    """
    if where is None or "note_from" not in page.param:
        return pn.pane.HTML(pn.bind(message, page.param.note, page.param.ok),
                            stylesheets=[FORM_CSS], sizing_mode="stretch_width")
    return pn.pane.HTML(bind(lambda note, ok, frm: message(note, ok) if frm == where else "",
                             page.param.note, page.param.ok, page.param.note_from),
                        stylesheets=[FORM_CSS], sizing_mode="stretch_width")


def acting(page: Any, where: str, action: Callable[[], Any]) -> Callable[[Any], None]:
    """A button's click handler: the action's message shows under that form's button.

    ``page`` declares ``note_from`` (a ``param.String``); see :func:`status_pane`.
    """
    def click(_event: Any) -> None:
        page.note_from = where
        action()

    return click


def field(page: Any, widget: type[pn.widgets.Widget], key: str, **params: Any) -> Any:
    """A form's widget labelled ``key`` in the page's language, in the forms' style."""
    return widget(label=page.text(key), stylesheets=[FIELD_CSS], **params)


def editing(page: Any) -> Any:
    """Whether the forms are shown (bound): not in presentation mode, nor anonymised.

    Anonymised, the forms would show the real organisations in their options.
    """
    return pn.bind(lambda p, a: not (p or a), page.param.presentation, page.param.anonymise)


def calendar_download(page: Any) -> pn.widgets.FileDownload:
    """A button that downloads the region's calendar of due dates (.ics)."""
    from concert.io.ics import calendar_events, to_ics

    def data() -> io.BytesIO:
        region = page.region
        events = calendar_events(region, lang=page.lang) if region is not None else []
        name = region.name if region is not None else ""
        return io.BytesIO(to_ics(events, name=name).encode("utf-8"))

    return pn.widgets.FileDownload(callback=data, filename="concert-echeances.ics",
                                   label=page.text("fu.dl.calendar"), embed=False,
                                   color="primary", width=360)


def report_downloads(page: Any) -> list[Any]:
    """The report's download buttons: HTML (when there is a database file) and PDF."""
    import tempfile
    from pathlib import Path

    def papers() -> dict[str, str]:
        return {tr("fu.paper.letter", page.lang): "letter", "A4": "a4"}

    paper = pn.widgets.RadioButtonGroup(options=papers(), value="letter", color="primary",
                                        variant="outline")
    page.param.watch(lambda _e: setattr(paper, "options", papers()), "lang")
    region = page.region
    stamp = f"{region.code}-{settings.current_date().isoformat()}" if region else "concert"

    def pdf() -> io.BytesIO:
        from dashboards.report_pdf import pdf_bytes

        return io.BytesIO(pdf_bytes(page.region, lang=page.lang, paper=paper.value))

    out: list[Any] = [pn.Column(
        pn.pane.HTML(page.text("fu.dl.paper"), margin=(0, 5)), paper),
        pn.widgets.FileDownload(callback=pdf, filename=f"rapport-{stamp}.pdf",
                                label=page.text("fu.dl.report_pdf"), embed=False,
                                color="primary", width=260)]
    state = page.state
    if state.db_path:
        def html() -> io.BytesIO:
            from dashboards.report import write_report

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "rapport.html"
                write_report(state.db_path, path, region=state.region_code, lang=page.lang,
                             anonymise=state.anonymise)
                return io.BytesIO(path.read_bytes())

        out.append(pn.widgets.FileDownload(callback=html, filename=f"rapport-{stamp}.html",
                                           label=page.text("fu.dl.report_html"),
                                           embed=False, color="primary", width=260))
    return out
