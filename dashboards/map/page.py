"""The stakeholder-map page: filters, the map, its legend and the selected actor's card.

Built once per session; a change of the state (language, region, display, filters, the
actor clicked) updates the widgets, texts and the map's data in place.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
import pandas as pd
import panel as pn
import param
from panel.viewable import Viewer

from concert import framework as fw
from concert import i18n
from concert.graph import region_to_graph
from concert.region import Region
from dashboards._common import TABLE_CSS, esc, html_options, tr
from dashboards.map.drawing import (
    CARD_CSS,
    LEGEND_STRIP_CSS,
    actor_card,
    draw_map,
    map_legend,
    mark_selected,
    update_map,
)
from dashboards.map.frames import ALL_TYPES, map_frames

__all__ = ["MapView"]

SIDE_WIDTH = 290
# The map takes the screen's height less room for the header and a line of the legend
# (the rest of the legend follows after a scroll on a small screen); the side column scrolls.
MAP_SCREEN = {"height": "calc(100vh - 190px)", "min-height": "440px", "flex": "0 0 auto"}
# For a projector: the map fills the screen; legend, card and the folded filters follow.
PRESENTATION_SCREEN = {"height": "calc(100vh - 84px)", "min-height": "440px",
                       "flex": "0 0 auto"}


class MapView(Viewer):
    """The stakeholder-map page of a :class:`dashboards.state.DashboardState`.

    Clicking an actor selects it: its card is shown and a ring marks it on the map. The
    filters, the selected actor and the language are the state's; the page's layout is
    built once and kept.
    """

    state = param.Parameter(doc="The dashboard state (a DashboardState).")

    def __init__(self, state: Any, **params: Any) -> None:
        super().__init__(state=state, **params)
        self._region: Region | None = None
        self._graph: nx.MultiDiGraph | None = None
        self._memo: dict[tuple, tuple[pd.DataFrame, pd.DataFrame]] = {}
        self._lang = state.lang
        text = {"stylesheets": [TABLE_CSS], "sizing_mode": "stretch_width"}
        self._intro = pn.pane.HTML("", **text)
        self._types_title = pn.pane.HTML("", stylesheets=[TABLE_CSS])
        self._count = pn.pane.HTML("", **text)
        self._card = pn.pane.HTML("", stylesheets=[CARD_CSS], sizing_mode="stretch_width")
        self._legend = pn.pane.HTML("", stylesheets=[LEGEND_STRIP_CSS
                                                     + ":host { font-size: 16px; }"],
                                    sizing_mode="stretch_width", margin=(0, 10))
        self._sectors = pn.widgets.MultiChoice.from_param(
            state.param.sectors, options={}, description=None, sizing_mode="stretch_width")
        self._types = pn.widgets.CheckButtonGroup.from_param(
            state.param.agreement_types, options=list(ALL_TYPES), description=None, color="primary",
            variant="outline", sizing_mode="stretch_width")
        self._committees = pn.widgets.MultiChoice.from_param(
            state.param.committees, options={}, description=None, sizing_mode="stretch_width")
        self._fig: Any = None
        self._plot = pn.pane.Bokeh(None, sizing_mode="stretch_both", min_width=420)
        self._plot_row = pn.Row(self._plot, sizing_mode="stretch_both")
        self._message = pn.pane.HTML("", **text)
        self._folded = pn.Card(self._sectors, self._types_title, self._types, self._committees,
                               self._count, collapsed=True, width=520)
        self._root = pn.Column(sizing_mode="stretch_both")
        self._arranged: bool | None = None
        self._load_region()
        state.param.watch(self._on_region, ["version", "anonymise"])
        state.param.watch(self._on_lang, ["lang"])
        state.param.watch(self._on_presentation, ["presentation"])
        state.param.watch(self._on_filters, ["sectors", "agreement_types", "committees"])
        state.param.watch(self._on_selected, ["selected_actor"])

    # ------------------------------------------------------------------ data
    def frames(self, sectors: list[str], agreement_types: list[str],
               committees: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The nodes and edges shown for these filters (computed once per filter set)."""
        key = (self._lang, tuple(sorted(sectors)), tuple(sorted(agreement_types)),
               tuple(sorted(committees)))
        if key not in self._memo:
            if len(self._memo) > 8:
                self._memo.clear()
            assert self._region is not None  # drawn only once a region is loaded
            self._memo[key] = map_frames(self._region, lang=self._lang, sectors=sectors,
                                         agreement_types=agreement_types,
                                         committees=committees, graph=self._graph)
        return self._memo[key]

    def _current(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        s = self.state
        return self.frames(s.sectors, s.agreement_types, s.committees)

    def _load_region(self) -> None:
        """Take the state's region as shown (anonymised or not) and show it."""
        region = self.state.view_region
        if region is not self._region:
            self._region = region
            self._graph = region_to_graph(region) if region is not None else None
            self._memo.clear()
        self._lang = self.state.lang
        if self._region is None:
            self._message.object = f"<p>{esc(tr('dash.no_region', self._lang))}</p>"
            self._root.objects = [self._message]
            self._arranged = None
            return
        ids = {c.id for c in self._region.committees}
        if any(c not in ids for c in self.state.committees):
            self.state.committees = [c for c in self.state.committees if c in ids]
        self._texts()
        self._redraw()
        self._arrange()

    def _texts(self) -> None:
        """Every text of the page in the state's language."""
        lang, region = self._lang, self._region
        assert region is not None
        self._intro.object = (f"<h2>{esc(tr('dash.page.map', lang))}</h2>"
                              f'<p class="small">{esc(tr("dash.map.help", lang))}</p>')
        self._types_title.object = (
            f"<strong>{esc(tr('dash.map.filter.agreements', lang))}</strong>")
        present = {a.sector for a in region.actors}
        self._sectors.param.update(
            name=tr("dash.map.filter.sectors", lang),
            options=html_options({i18n.label("sector", s.code, lang): s.code
                                  for s in fw.SECTORS if s.code in present}),
            placeholder=tr("dash.map.filter.all", lang))
        self._types.param.update(
            name=tr("dash.map.filter.agreements", lang),
            options={tr("dash.map.edge.agreement", lang, type=t): t for t in ALL_TYPES})
        self._committees.param.update(
            name=tr("dash.map.filter.committees", lang),
            options=html_options({(c.name or i18n.label("committee_kind", c.kind, lang)): c.id
                                  for c in region.committees}),
            placeholder=tr("dash.map.filter.all", lang))
        self._folded.title = tr("dash.map.filters", lang)
        self._card.object = actor_card(region, self.state.selected_actor, lang)

    def _redraw(self) -> None:
        """Draw the current filters' map (in place once drawn), legend and count."""
        nodes, edges = self._current()
        presentation = self.state.presentation
        if self._fig is None:
            self._fig = draw_map(nodes, edges, self._lang, presentation=presentation,
                                 height=None)
            selected = self._fig.select_one({"name": "map-graph"}).node_renderer.data_source
            selected.selected.on_change("indices", self._on_tap)
            self._plot.object = self._fig
        else:
            update_map(self._fig, nodes, edges, self._lang, presentation=presentation)
        self._legend.object = map_legend(self._lang, nodes=nodes, edges=edges)
        text = esc(tr("dash.map.count", self._lang,
                      actors=int((nodes["kind"] == "actor").sum()), ties=len(edges)))
        self._count.object = "<p>" + re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>",
                                            text) + "</p>"
        self._ring()

    def _ring(self) -> None:
        nodes, _ = self._current()
        actor = self.state.selected_actor
        row = nodes[(nodes["node"] == actor) & (nodes["kind"] == "actor")] if actor else None
        xy = None if row is None or row.empty else (float(row["x"].iloc[0]),
                                                    float(row["y"].iloc[0]))
        mark_selected(self._fig, xy)

    def _arrange(self) -> None:
        """Place the parts: the side column and the map, or (presentation) the map first."""
        if self._arranged == self.state.presentation:
            return
        self._arranged = self.state.presentation
        if self.state.presentation:
            self._plot_row.styles = PRESENTATION_SCREEN
            self._folded[:] = [self._sectors, self._types_title, self._types,
                               self._committees, self._count]
            self._root.objects = [self._plot_row, self._legend,
                                  pn.Row(self._card, self._folded, sizing_mode="stretch_width")]
            return
        self._plot_row.styles = MAP_SCREEN
        side = pn.Column(self._intro, self._sectors, self._types_title, self._types,
                         self._committees, self._count, self._card, width=SIDE_WIDTH,
                         scroll=True,
                         styles={"max-height": "calc(100vh - 90px)", "flex": "0 0 auto"})
        body = pn.Column(self._plot_row, self._legend, sizing_mode="stretch_both",
                         min_width=560)
        self._root.objects = [pn.Row(side, body, sizing_mode="stretch_both")]

    # ------------------------------------------------------------------ events
    def _on_region(self, *_: Any) -> None:
        self._load_region()

    def _on_lang(self, *_: Any) -> None:
        self._load_region()  # the region as shown is named in the language (anonymised)

    def _on_presentation(self, *_: Any) -> None:
        if self._region is None:
            return
        self._redraw()
        self._arrange()

    def _on_filters(self, *_: Any) -> None:
        if self._region is not None:
            self._redraw()

    def _on_selected(self, *_: Any) -> None:
        if self._region is None:
            return
        self._card.object = actor_card(self._region, self.state.selected_actor, self._lang)
        self._ring()

    def _on_tap(self, _attr: str, _old: list[int], new: list[int]) -> None:
        """An actor clicked on the map becomes the selected actor."""
        if not new:
            return
        nodes, _ = self._current()
        i = new[0]
        if i < len(nodes) and nodes["kind"].iloc[i] == "actor":
            self.state.selected_actor = str(nodes["node"].iloc[i])

    def __panel__(self) -> pn.viewable.Viewable:
        return self._root
