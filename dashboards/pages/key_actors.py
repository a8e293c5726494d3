"""The key-actor grid as a working tool (Tableau 6, its fourth column; issue 13, point 4).

Rows are the key-actor types, columns the region's territories (and "Toute la région" for
organisations that name none of them); each cell lists the organisations with their
engagement. An empty cell of a type expected in every territory is a gap
(:func:`concert.gaps.territory_gaps`) and offers to add an organisation of that type
there: the organisations page opens its form, prefilled.
"""

from __future__ import annotations

from typing import Any

import panel as pn

from concert import framework as fw
from concert.gaps import WHOLE_REGION, key_actor_cells, key_actor_grid, territory_gaps
from dashboards._common import TABLE_CSS, esc, html_table, tr
from dashboards.forms.editor import can_edit, prefill
from dashboards.forms.fields import FIELD_CSS
from dashboards.pages.base import Page

__all__ = ["KeyActorsPage", "prefill_for"]

GRID_CSS = TABLE_CSS + """
table.grid { width: 100%; }
table.grid th[scope="row"] { background: #F4F7FA; font-weight: 400; width: 34%; }
table.grid th[scope="row"] p { margin: 0.2em 0; }
td.gap { background: #FFF4E0; color: #4A3500; font-weight: 600; }
ul { margin: 0; padding-left: 1.1em; }
"""
BUTTON_CSS = ".bk-btn { white-space: normal; text-align: left; font-size: 0.95em; }"


def prefill_for(row_code: str, territory: str) -> dict[str, Any]:
    """The organisation form's values for a gap.

    The row's first type, its sector, the territory, and the roles the territory's need asks.
    """
    row = next(r for r in fw.KEY_ACTOR_ROWS if r.code == row_code)
    out: dict[str, Any] = {"territories": (territory,) if territory != WHOLE_REGION else ()}
    if row.actor_types:
        out["type"] = row.actor_types[0]
        out["sector"] = fw.actor_type(row.actor_types[0]).sector
    roles = list(row.roles)
    for need in fw.KEY_ACTOR_NEEDS:  # a need of the territory the row's types meet
        if need.scope == "territory" and set(row.actor_types) & set(need.actor_types):
            roles += [r for r in need.all_roles if r not in roles]
    if roles:
        out["roles"] = tuple(roles)
    return out


class KeyActorsPage(Page):
    """The key-actor grid: types by territory, each empty cell a gap with an "add" button."""

    slug = "key_actors"

    def build(self) -> pn.viewable.Viewable:
        """The page: the grid (drawn again when the region or the language changes), the gaps."""
        grid = pn.Column(sizing_mode="stretch_width")
        # The "add" is drawn once (a gap to choose, one button): a button drawn again with
        # the grid would make the browser send bokeh a model it knows when clicked.
        self.gap_choice = pn.widgets.Select(label=tr("grid.fill", self.lang), options={},
                                            stylesheets=[FIELD_CSS], width=520)
        self.add_button = pn.widgets.Button(label=tr("grid.add_chosen", self.lang),
                                            color="primary", stylesheets=[BUTTON_CSS])
        self.add_button.on_click(lambda _e: self._add_chosen())
        adder = pn.Row(self.gap_choice, self.add_button, align="end")

        def draw(*_e: Any) -> None:
            grid.objects = [self._grid()]
            options = self._gap_options()
            self.gap_choice.param.update(options=options, label=tr("grid.fill", self.lang))
            self.add_button.label = tr("grid.add_chosen", self.lang)
            adder.visible = bool(options) and can_edit(self.state)

        self.param.watch(draw, ["lang", "version", "presentation"])
        draw()
        gaps = self.html(self._gaps_html)
        title = self.html(lambda: f"<h2>{esc(tr('dash.page.key_actors', self.lang))}</h2>"
                          f'<p class="muted">{esc(tr("grid.intro", self.lang))}</p>')
        return self.column(title, gaps, adder, grid)

    def _gaps_html(self) -> str:
        region = self.state.region
        if region is None:
            return ""
        frame = territory_gaps(region, lang=self.lang)
        if frame.empty:
            return (f"<h3>{esc(tr('grid.gaps', self.lang))}</h3>"
                    f"<p>{esc(tr('grid.no_gap', self.lang))}</p>")
        rows = [(r.message,) for r in frame.itertuples()]
        return html_table([tr("grid.gap", self.lang)], rows, caption=tr("grid.gaps", self.lang))

    def _grid(self) -> pn.viewable.Viewable:
        region, lang = self.state.region, self.lang
        if region is None:
            return self.no_region()
        cells = key_actor_cells(region, lang=lang)
        columns = list(region.territories)
        if (cells["territory"] == WHOLE_REGION).any():
            columns.append(WHOLE_REGION)
        head = "".join(f'<th scope="col">{esc(_column_name(t, lang))}</th>' for t in columns)
        body = []
        for row in key_actor_grid(region, lang=lang).itertuples():
            mine = cells[cells["row"] == row.row]
            scope, label = str(row.scope), str(row.label)
            where = tr(f"grid.scope.{scope}", lang)
            head_cell = (f'<th scope="row"><strong>{esc(label)}</strong> '
                         f'<span class="small muted">({esc(where)})</span>'
                         f'<p class="small">{esc(tr("grid.role_is", lang, text=row.role))}</p>'
                         f'<p class="small">'
                         f'{esc(tr("grid.interest_is", lang, text=row.interest))}</p></th>')
            tds = [head_cell]
            for t in columns:
                here = mine[mine["territory"] == t]
                if len(here):
                    items = "".join(f"<li>{esc(lab)} ({esc(eng)})</li>" for lab, eng in zip(
                        here["label"], here["engagement_label"], strict=True))
                    tds.append(f"<td><ul>{items}</ul></td>")
                elif scope == "territory" and t != WHOLE_REGION:
                    gap = tr("grid.empty", lang, type=label, territory=t)
                    tds.append(f'<td class="gap">⚠ {esc(gap)}</td>')
                else:
                    tds.append("<td></td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        table = (f'<table class="data grid"><caption>{esc(tr("dash.page.key_actors", lang))}'
                 f'</caption><thead><tr><th scope="col">{esc(tr("grid.type", lang))}</th>'
                 f'{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')
        return pn.pane.HTML(table, stylesheets=[GRID_CSS], sizing_mode="stretch_width")

    def _gap_options(self) -> dict[str, str]:
        """``{"OMH — Grand Portneuf": "omh@Grand Portneuf"}``: the empty cells to fill."""
        region, lang = self.state.region, self.lang
        if region is None:
            return {}
        cells = key_actor_cells(region, lang=lang)
        out = {}
        for row in key_actor_grid(region, lang=lang).itertuples():
            if row.scope != "territory":
                continue
            for t in region.territories:
                if not ((cells["row"] == row.row) & (cells["territory"] == t)).any():
                    out[tr("grid.add", lang, type=row.label, territory=t)] = f"{row.row}@{t}"
        return out

    def _add_chosen(self) -> None:
        chosen = self.gap_choice.value
        if chosen:
            row, _, territory = str(chosen).partition("@")
            self._add(row, territory)

    @staticmethod
    def _pane(html: str) -> pn.pane.HTML:
        return pn.pane.HTML(html, stylesheets=[GRID_CSS], sizing_mode="stretch_both", margin=0)

    def _add(self, row_code: str, territory: str) -> None:
        prefill(self.state, "actor", prefill_for(row_code, territory))
        self.state.page = "organisations"


def _column_name(territory: str, lang: str) -> str:
    return tr("grid.whole_region", lang) if territory == WHOLE_REGION else territory

