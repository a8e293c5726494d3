"""The stakeholder map: geometry, tables, drawing and the dashboard page, one module each.

- :mod:`dashboards.map.layout`: where nodes and labels go (pure geometry, standard library);
- :mod:`dashboards.map.frames`: a region's nodes and edges as tables (:func:`map_frames`);
- :mod:`dashboards.map.drawing`: the bokeh figure (:func:`draw_map`), the legend, the card,
  and :func:`stakeholder_map` for notebooks;
- :mod:`dashboards.map.page`: the dashboard page (:class:`MapView`).
"""

from dashboards.map.drawing import actor_card, draw_map, map_legend, stakeholder_map
from dashboards.map.frames import map_frames
from dashboards.map.page import MapView

__all__ = ["MapView", "actor_card", "draw_map", "map_frames", "map_legend", "stakeholder_map"]
