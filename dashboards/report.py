"""A self-contained HTML report: overview, stakeholder map and next steps in one file.

The file embeds bokeh's JavaScript (``resources=INLINE``) and Panel's stylesheets, so
it opens and draws with no network access (e-mail it, put it on a USB key).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import panel as pn
from bokeh.resources import INLINE

from concert import settings
from dashboards._common import esc, stored_view, tr
from dashboards.map import draw_map, map_frames, map_legend
from dashboards.map.drawing import LEGEND_CSS
from dashboards.pages._followup import FORM_CSS
from dashboards.pages.figures import figures_series_html
from dashboards.pages.next_steps import STEPS_CSS, next_steps_html
from dashboards.pages.overview import (
    MATRIX_CSS,
    changes_html,
    key_figures_html,
    matrix_html,
    region_stage_html,
)
from dashboards.pages.plan import late_targets_html, plan_html

__all__ = ["write_report"]

PANEL_DIST = Path(pn.__file__).parent / "dist"
_LINK_RE = re.compile(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"[^>]*>', re.I)
_ICON_RE = re.compile(r'<link[^>]+rel="(?:apple-touch-icon|icon)"[^>]*>', re.I)
_URL_RE = re.compile(r"https?://[^\"')\s\\]+")


def _local_css(url: str) -> str | None:
    """The text of an installed Panel stylesheet named by a CDN URL, if it is installed."""
    marker = "/dist/"
    if marker not in url:
        return None
    rel = url.split(marker, 1)[1].split("?", 1)[0]
    path = PANEL_DIST / rel
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def _inline_resources(html: str) -> str:
    """Make the file work with no network.

    Stylesheet links to a CDN become the installed copies, and CDN URLs inside embedded
    documents data URIs.
    """

    def link(match: re.Match[str]) -> str:
        css = _local_css(match.group(1))
        return f"<style>{css}</style>" if css is not None else ""

    html = _ICON_RE.sub("", _LINK_RE.sub(link, html))

    def url(match: re.Match[str]) -> str:
        u = match.group(0)
        if u.split("?", 1)[0].endswith(".css"):
            css = _local_css(u)
            if css is not None:
                data = base64.b64encode(css.encode("utf-8")).decode("ascii")
                return f"data:text/css;base64,{data}"
        return u

    return _URL_RE.sub(url, html)


def write_report(db_path: str | Path, out_path: str | Path, *, region: str | None = None,
                 lang: str = "fr", anonymise: bool = False) -> Path:
    """Write one self-contained HTML file with the overview, the map and the next steps.

    Parameters
    ----------
    db_path : str or Path
        The concert SQLite file.
    out_path : str or Path
        The HTML file to write (parent folders are created).
    region : str, optional
        The region code; default the store's only region.
    lang : str
        ``"fr"`` (default) or ``"en"``.
    anonymise : bool
        Replace organisation and person names (:func:`concert.privacy.anonymise_region`).

    Returns
    -------
    pathlib.Path
        ``out_path``.

    Raises
    ------
    concert.NotFoundError
        If ``db_path`` does not exist or holds no such region.

    Notes
    -----
    Tenant codes never appear: agreements III are only counted, and drawn as anonymous
    nodes on the map.
    """
    out_path = Path(out_path)
    # Agreements III are never named: pseudonyms, as in every export.
    reg = stored_view(db_path, region, lang=lang, anonymise=anonymise)
    today = settings.current_date().isoformat()
    head = [f"<h1>{esc(tr('dash.report.title', lang, region=reg.name))}</h1>",
            f'<p class="muted">{esc(tr("dash.report.generated", lang, date=today))}</p>']
    if reg.assessments:
        a = reg.assessment()
        head += [region_stage_html(a, lang), matrix_html(a, lang)]
    else:
        head.append(f"<p>{esc(tr('dash.no_assessment', lang))}</p>")
    head += [f"<h2>{esc(tr('dash.fig.title', lang))}</h2>", key_figures_html(reg, lang),
             f"<h2>{esc(tr('dash.changes.title', lang))}</h2>", changes_html(reg, lang)]
    nodes, edges = map_frames(reg, lang=lang)
    figure = draw_map(nodes, edges, lang, height=900)
    css = MATRIX_CSS + LEGEND_CSS + STEPS_CSS + ":host { font-size: 16px; color: #111; }"
    layout = pn.Column(
        pn.pane.HTML("".join(head), stylesheets=[css], sizing_mode="stretch_width"),
        pn.pane.HTML(f"<h2>{esc(tr('dash.page.map', lang))}</h2>", stylesheets=[css]),
        pn.Row(pn.pane.Bokeh(figure),
               pn.pane.HTML(map_legend(lang, nodes=nodes, edges=edges), stylesheets=[css],
                            width=380)),
        pn.pane.HTML(f"<h2>{esc(tr('dash.page.next_steps', lang))}</h2>"
                     + next_steps_html(reg, lang), stylesheets=[css],
                     sizing_mode="stretch_width"),
        pn.pane.HTML(f"<h2>{esc(tr('dash.page.plan', lang))}</h2>"
                     + plan_html(reg, lang, settings.current_date())
                     + late_targets_html(reg, lang, settings.current_date())
                     + figures_series_html(reg, lang), stylesheets=[css + FORM_CSS],
                     sizing_mode="stretch_width"),
        sizing_mode="stretch_width", styles={"max-width": "1400px", "margin": "0 auto"},
    )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    title = tr("dash.report.title", lang, region=reg.name)
    layout.save(out_path, resources=INLINE, title=title)
    html = out_path.read_text(encoding="utf-8")
    html = _inline_resources(html).replace("<html lang=\"en\">", f'<html lang="{lang}">')
    out_path.write_text(html, encoding="utf-8")
    return out_path
