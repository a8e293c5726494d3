"""Shared helpers of the dashboard pages: translation, palettes, HTML and CSS.

Nothing here knows a domain rule: colours, markers and CSS only say how things look.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from concert import i18n

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
    """A HoloViews hook that names the bokeh toolbar's buttons in ``lang`` (their tooltip
    and accessible name)."""

    def hook(plot: Any, element: Any) -> None:
        for tool in plot.state.toolbar.tools:
            key = TOOL_KEYS.get(type(tool).__name__)
            if key:
                tool.description = tr(f"dash.tool.{key}", lang)

    return hook


def tr(key: str, lang: str, **values: Any) -> str:
    """The dashboard label ``key`` in ``lang`` (from :data:`concert.i18n.TEXT`)."""
    return i18n.t(key, lang, **values)


def esc(value: Any) -> str:
    """HTML-escape any value (``None`` gives an empty string)."""
    return "" if value is None else html.escape(str(value))


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
