"""Helpers of the browser tests that read the stakeholder map (bokeh models of the page)."""

from __future__ import annotations

from typing import Any

GRAPH_DRAWN = ("() => window.Bokeh && Bokeh.documents.length && Bokeh.documents[0].is_idle && "
               "[...Bokeh.documents[0].all_models].some(m => m.type === 'GraphRenderer')")
GRAPH_NODES = """() => {
  const g = [...Bokeh.documents[0].all_models].find(m => m.type === 'GraphRenderer');
  if (!g) return null;
  const d = g.node_renderer.data_source.data;
  return {names: Array.from(d.name), kinds: Array.from(d.kind)};
}"""
# Where a node is on the screen: the node named `name`, or the first actor when `name` is
# null. (The map's figure view is found among bokeh's views.)
NODE_XY = """(name) => {
  const g = [...Bokeh.documents[0].all_models].find(m => m.type === 'GraphRenderer');
  const d = g.node_renderer.data_source.data;
  const i = name === null ? Array.from(d.kind).indexOf('actor') : Array.from(d.name).indexOf(name);
  const layout = g.layout_provider.graph_layout;
  const xy = layout instanceof Map ? layout.get(d.index[i]) : layout[d.index[i]];
  let pv = null;
  const walk = (v) => { if (v.model.type === 'Figure') pv = v;
                        for (const c of (v.child_views || [])) walk(c); };
  for (const v of Object.values(Bokeh.index)) walk(v);
  const r = pv.canvas_view.el.getBoundingClientRect();
  return [r.left + pv.frame.x_scale.compute(xy[0]), r.top + pv.frame.y_scale.compute(xy[1])];
}"""


def node_position(page: Any, name: str | None = None) -> tuple[float, float]:
    """The screen position of the map's node named ``name`` (default: the first actor)."""
    x, y = page.evaluate(NODE_XY, name)
    return float(x), float(y)
