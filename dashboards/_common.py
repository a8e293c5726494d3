"""Shared helpers of the dashboard pages: translation, palettes, HTML and CSS.

Nothing here knows a domain rule: colours, markers and CSS only say how things look.

Text from the data or from a person (names, notes, identifiers, file names, error
messages) reaches the page only through the helpers below, which escape it for the place
it goes: :func:`esc` for HTML written by the pages, :func:`html_options` for the widgets
whose option labels bokeh writes as HTML, :func:`message_pane` and :func:`text_pane`
instead of Panel's ``Alert`` and ``Markdown`` panes (which would read Markdown and raw
HTML). Bokeh draws axis labels, map labels and hover values as text, and Panel's
Tabulator escapes its cells.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import panel as pn

from concert import i18n
from concert._errors import ConcertError, ValidationError
from concert.io.values import parse_date

if TYPE_CHECKING:
    import pandas as pd

    from concert.region import Region

# Okabe-Ito colours (safe for colour-blind viewers); never the only carrier of meaning:
# every sector also has its words in the legend and the hover, every role a marker shape.
SECTOR_COLOURS: dict[str, str] = {
    "housing": "#0072B2",
    "health": "#D55E00",
    "community": "#009E73",
    "municipal": "#CC79A7",
    "users": "#E69F00",
    "program": "#1A1A1A",
}
OTHER_COLOUR = "#8C8C8C"

# Marker (bokeh name) by role group, in order of precedence when an actor has several roles.
ROLE_MARKERS: dict[str, str] = {
    "program": "star",
    "carrier": "inverted_triangle",
    "funder": "diamond",
    "housing_provider": "square",
    "referring": "triangle",
    "none": "circle",
}
COMMITTEE_MARKER = "hex"
AGREEMENT_III_MARKER = "square_x"

# Edge kinds: colour (3:1 contrast or more on white), bokeh dash pattern, width.
EDGE_STYLES: dict[str, tuple[str, str, float]] = {
    "agreement_I": ("#005A9C", "solid", 3.0),
    "agreement_II": ("#B84A00", "solid", 3.0),
    "agreement_III": ("#6B6B6B", "dotted", 1.6),
    "committee": ("#333333", "dashed", 1.6),
    "information": ("#0E7C86", "dotted", 2.4),
    "resources": ("#007A4D", "dashdot", 2.6),
    "joint_project": ("#A8327A", "dashed", 2.6),
    "referral": ("#8A6D00", "dotdash", 2.4),
}

# Stage cells of the maturity matrix: background and text colours (contrast >= 7:1).
CELL_STYLES = {
    "reached": ("#DCEFE3", "#0B3D1F"),
    "progress": ("#FFF1CC", "#4A3500"),
    "todo": ("#F2F2F2", "#2B2B2B"),
}

ACCENT = "#0B4F8A"


TOOL_KEYS = {"PanTool": "pan", "WheelZoomTool": "wheel_zoom", "BoxZoomTool": "box_zoom",
             "ResetTool": "reset", "SaveTool": "save", "HoverTool": "hover", "TapTool": "tap"}


def toolbar_hook(lang: str) -> Any:
    """A HoloViews hook that names the bokeh toolbar's buttons in ``lang``.

    The names are the buttons' tooltips and accessible names.
    """

    def hook(plot: Any, element: Any) -> None:
        for tool in plot.state.toolbar.tools:
            key = TOOL_KEYS.get(type(tool).__name__)
            if key:
                tool.description = tr(f"dash.tool.{key}", lang)

    return hook


def tr(key: str, lang: str, **values: Any) -> str:
    """The dashboard label ``key`` in ``lang`` (from :data:`concert.i18n.TEXT`)."""
    return i18n.t(key, lang, **values)


def bind(fn: Callable[..., Any], *refs: Any) -> Any:
    """``pn.bind(fn, *refs)``, for a lambda given as a widget's or pane's value.

    Panel's overloads of ``bind`` (generator, coroutine or plain function) leave mypy unable
    to type a lambda where the receiving parameter takes any value; here ``fn`` is any
    callable, and what is returned is Panel's reference.
    """
    return pn.bind(fn, *refs)


def row_tuples(frame: pd.DataFrame, *, index: bool = True) -> Iterator[Any]:
    """``frame.itertuples(index=index)``: the rows as named tuples, their fields untyped.

    pandas-stubs types every field of such a tuple as the union of all scalars; a column's
    type is the one the library's function documents for its frame, which mypy cannot see.
    """
    return frame.itertuples(index=index)


def stored_view(db_path: str | Path, region: str | None, *, lang: str,
                anonymise: bool) -> Region:
    """The audience view of a stored region, as the reports show it (HTML and PDF).

    Ententes III are named by pseudonyms (:func:`concert.privacy.view`); ``anonymise``
    replaces the names of organisations and people as well.

    Raises
    ------
    concert.NotFoundError
        If ``db_path`` does not exist or holds no such region.
    """
    from concert import privacy
    from concert._errors import NotFoundError
    from concert.store import Store

    db_path = Path(db_path)
    if not db_path.is_file():
        raise NotFoundError(tr("cli.not_found_db", lang, db=db_path))
    with Store(db_path) as store:
        reg = store.load_region(region)
    return privacy.view(reg, anonymise=anonymise, lang=lang)


def esc(value: Any) -> str:
    """HTML-escape any value (``None`` gives an empty string).

    Examples
    --------
    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return "" if value is None else html.escape(str(value))


def esc_lines(text: Any) -> str:
    """:func:`esc`, with each line break kept as ``<br>``."""
    return "<br>".join(esc(line) for line in _str(text).split("\n"))


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def html_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Options ``{label: value}`` for a widget whose labels bokeh writes as HTML.

    Bokeh's ``MultiChoice`` (Choices.js) inserts each label with ``innerHTML``: a label
    taken from the data (a committee's name) must be escaped, or it runs as script.
    The escaped label reads exactly as the original on the page.

    Examples
    --------
    >>> html_options({"<b>Comité</b>": "c1"})
    {'&lt;b&gt;Comité&lt;/b&gt;': 'c1'}
    """
    out: dict[str, Any] = {}
    for label, value in options.items():
        key = esc(label)
        while key in out:  # two labels equal once escaped stay two options
            key += "\u200b"
        out[key] = value
    return out


MESSAGE_CSS = """
:host { width: 100%; }
.message { border: 1px solid; border-left-width: 6px; border-radius: 4px; padding: 0.5em 0.9em;
  margin: 0.3em 0; line-height: 1.45; }
.message p { margin: 0.2em 0; }
.message ul { margin: 0.2em 0; padding-left: 1.3em; }
.danger { background: #FBE9EA; color: #5C1117; border-color: #B3261E; }
.success { background: #E6F4EA; color: #0B3D1F; border-color: #1E6B3A; }
.warning { background: #FFF4E0; color: #4A3500; border-color: #8A4B00; }
.info { background: #EAF2FA; color: #0B2F52; border-color: #0B4F8A; }
"""


def message_html(text: Any, kind: str = "danger", *, items: Sequence[Any] = ()) -> str:
    """A message box as HTML: ``text`` (line breaks kept) and ``items``, all escaped.

    ``kind`` is ``danger``, ``warning``, ``success`` or ``info``; an error or a warning is
    announced at once by screen readers (``role="alert"``).
    """
    role = "alert" if kind in ("danger", "warning") else "status"
    body = f"<p>{esc_lines(text)}</p>" if _str(text) else ""
    if items:
        body += "<ul>" + "".join(f"<li>{esc_lines(i)}</li>" for i in items) + "</ul>"
    return f'<div class="message {esc(kind)}" role="{role}">{body}</div>'


def message_pane(text: Any, kind: str = "danger", *, items: Sequence[Any] = (),
                 **params: Any) -> pn.pane.HTML:
    """A message box pane showing ``text`` as text (never Markdown or HTML).

    Use it in place of ``pn.pane.Alert``, which reads Markdown.
    """
    params.setdefault("sizing_mode", "stretch_width")
    return pn.pane.HTML(message_html(text, kind, items=items),
                        stylesheets=[TABLE_CSS + MESSAGE_CSS], **params)


def text_pane(text: Any, **params: Any) -> pn.pane.HTML:
    """A paragraph pane showing ``text`` as text; use it in place of ``pn.pane.Markdown``."""
    params.setdefault("sizing_mode", "stretch_width")
    return pn.pane.HTML(f"<p>{esc_lines(text)}</p>", stylesheets=[TABLE_CSS], **params)


def public_text(text: Any, *paths: Any) -> str:
    """``text`` without the server's folders of ``paths``, for a message shown to a visitor.

    A file's path becomes its name.
    """
    out = _str(text)
    for p in paths:
        if p is None:
            continue
        path = Path(p)
        out = out.replace(str(path), path.name or str(path))
        parent = str(path.parent)
        if parent not in ("", "."):
            out = out.replace(parent + "/", "")
    return out


MAX_PROBLEMS = 200  # as the command line: the first 200 problems, then a count

log = logging.getLogger("concert.dashboard")


def text_in(value: Any, lang: str) -> str:
    """A library message (an error, a problem) in ``lang``.

    Uses its ``text(lang)`` when it has one, else the message as it prints.
    """
    render = getattr(value, "text", None)
    if callable(render):
        try:
            return str(render(lang))
        except TypeError:  # a text() that takes no language
            pass
    return _str(value)


def error_message(exc: BaseException, lang: str, *paths: Any) -> tuple[str, list[str]]:
    """What a person sees for ``exc``: a sentence and the problems, as the CLI says them.

    The problems read as ``concert import`` prints them, with the server's folders of
    ``paths`` taken out.

    Errors concert raises on purpose give their problems; any other error gives one
    general sentence (the server's log keeps a line with its type).

    Returns
    -------
    tuple of (str, list of str)
        The sentence and the problems (plain text, to be escaped where shown).
    """
    from concert.io import ImportFailed

    if isinstance(exc, ImportFailed | ValidationError):
        lines = [public_text(text_in(p, lang), *paths) for p in exc.problems[:MAX_PROBLEMS]]
        if len(exc.problems) > MAX_PROBLEMS:
            lines.append(f"… (+{len(exc.problems) - MAX_PROBLEMS})")
        if isinstance(exc, ImportFailed):
            return i18n.t("cli.import_failed", lang, n=len(exc.problems)), lines
        return i18n.t("cli.invalid", lang), lines
    if isinstance(exc, ConcertError):
        text = public_text(text_in(exc, lang), *paths) or type(exc).__name__
        return i18n.t("cli.error", lang), [text]
    log.warning("unexpected error shown as a general message: %s: %s", type(exc).__name__,
                str(exc)[:300])
    return i18n.t("dash.error.unexpected", lang), []


def html_table(header: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str = "",
               cls: str = "data", raw: bool = False) -> str:
    """A plain HTML table with a caption and column headers (``scope="col"``).

    With ``raw=True`` the cells are inserted as they are (already HTML).
    """
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if raw else esc(c)}</td>" for c in row) + "</tr>"
        for row in rows)
    return (f'<table class="{cls}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


TABLE_CSS = """
:host { width: 100%; }
table.data { border-collapse: collapse; margin: 0.3em 0 1em 0; font-size: 1em; }
table.data caption { text-align: left; font-weight: 700; font-size: 1.1em; padding: 0.3em 0; }
table.data th, table.data td { border: 1px solid #8a8a8a; padding: 0.3em 0.6em;
  text-align: left; vertical-align: top; color: #111; }
table.data th { background: #E8EEF4; }
h2, h3 { color: #0B2F52; margin: 0.6em 0 0.3em 0; }
p, li { line-height: 1.45; }
.muted { color: #3d3d3d; }
.small { font-size: 0.85em; }
"""


def base_font(presentation: bool) -> str:
    """The CSS root font size of a page: larger in presentation mode."""
    return "24px" if presentation else "17px"


def page_stylesheet(presentation: bool) -> str:
    """A stylesheet for a page's outer column: font sizes inherited by its panes and widgets."""
    size = base_font(presentation)
    return (f":host {{ font-size: {size}; --bokeh-font-size: {size}; "
            f"--base-font-size: {size}; color: #111; }}")


def svg_marker(marker: str, fill: str, *, size: int = 22, line: str = "#1A1A1A") -> str:
    """A small inline SVG of a bokeh marker, for the legends written in HTML."""
    s = size
    h = s / 2
    shapes = {
        "circle": f'<circle cx="{h}" cy="{h}" r="{h - 3}"/>',
        "square": f'<rect x="3" y="3" width="{s - 6}" height="{s - 6}"/>',
        "triangle": f'<polygon points="{h},2 {s - 2},{s - 3} 2,{s - 3}"/>',
        "inverted_triangle": f'<polygon points="2,3 {s - 2},3 {h},{s - 2}"/>',
        "diamond": f'<polygon points="{h},1 {s - 2},{h} {h},{s - 1} 2,{h}"/>',
        "hex": (f'<polygon points="{s * .27},{s * .1} {s * .73},{s * .1} {s - 1},{h} '
                f'{s * .73},{s * .9} {s * .27},{s * .9} 1,{h}"/>'),
        "star": (f'<polygon points="{h},1 {s * .62},{s * .38} {s - 1},{s * .38} {s * .69},{s * .6} '
                 f'{s * .8},{s - 1} {h},{s * .74} {s * .2},{s - 1} {s * .31},{s * .6} 1,{s * .38} '
                 f'{s * .38},{s * .38}"/>'),
        "square_x": (f'<rect x="4" y="4" width="{s - 8}" height="{s - 8}"/>'
                     f'<path d="M4 4 L{s - 4} {s - 4} M{s - 4} 4 L4 {s - 4}"/>'),
    }
    body = shapes.get(marker, shapes["circle"])
    return (f'<svg aria-hidden="true" width="{s}" height="{s}" viewBox="0 0 {s} {s}">'
            f'<g fill="{fill}" stroke="{line}" stroke-width="1.5">{body}</g></svg>')


def svg_line(colour: str, dash: str, width: float) -> str:
    """A short inline SVG line drawn like an edge of the map."""
    dashes = {"solid": "", "dashed": "8 5", "dotted": "2 4", "dashdot": "8 4 2 4",
              "dotdash": "2 4 8 4"}
    da = dashes.get(dash, "")
    attr = f' stroke-dasharray="{da}"' if da else ""
    return (f'<svg aria-hidden="true" width="46" height="14" viewBox="0 0 46 14">'
            f'<line x1="2" y1="7" x2="44" y2="7" stroke="{colour}" stroke-width="{width + 0.6}"'
            f'{attr}/></svg>')


def typed_date(text: object) -> dt.date | None:
    """A date as people type it: ``AAAA-MM-JJ`` or ``JJ/MM/AAAA``; ``None`` when empty.

    The import's one rule (:func:`concert.io.values.parse_date`), for the forms' fields.

    Raises ValueError when the text is not a date (``15/03/25``: which century?).

    Examples
    --------
    >>> typed_date("31/03/2027"), typed_date(" 2027-03-31 "), typed_date("")
    (datetime.date(2027, 3, 31), datetime.date(2027, 3, 31), None)
    """
    text = "" if text is None else str(text).strip()
    if not text:
        return None
    if text.isdigit():  # a number typed in a date field is not an Excel serial date
        raise ValueError("io.bad_date")
    day, problem = parse_date(text)
    if day is None:
        raise ValueError(problem or "io.bad_date")
    return day


def number(value: object, lang: str, empty: str = "") -> str:
    """A number as people of ``lang`` read it: ``95,2`` in French, ``95.2`` in English.

    ``empty`` when there is none (``None`` or NaN).

    Examples
    --------
    >>> number(95.2, "fr"), number(95.2, "en"), number(450.0, "fr"), number(None, "fr", "—")
    ('95,2', '95.2', '450', '—')
    """
    if value is None or (isinstance(value, float) and value != value):
        return empty
    text = f"{float(value):g}"  # type: ignore[arg-type]
    return text.replace(".", ",") if lang == "fr" else text
