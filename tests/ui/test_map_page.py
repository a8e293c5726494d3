"""The stakeholder-map page in a real browser: drawn, clickable, labels whole, bilingual."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from _map import GRAPH_DRAWN, GRAPH_NODES, node_position
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from concert.example import capitale_nationale

# Each label's box on the plot's canvas (bokeh's own scales; the text measured in the
# label's font), the plot's frame, and the font size in pixels.
LABEL_BOXES = """() => {
  let pv = null;
  const walk = (v) => { if (v.model.type === 'Figure') pv = v;
                        for (const c of (v.child_views || [])) walk(c); };
  for (const v of Object.values(Bokeh.index)) walk(v);
  const r = [...Bokeh.documents[0].all_models].find(m => m.name === 'map-labels');
  const d = r.data_source.data;
  const px = parseFloat(r.glyph.text_font_size.value);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `bold ${px}px sans-serif`;
  const boxes = [];
  for (let i = 0; i < d.text.length; i++) {
    const x = pv.frame.x_scale.compute(d.x[i]), y = pv.frame.y_scale.compute(d.y[i]);
    const w = ctx.measureText(d.text[i]).width;
    const lines = String(d.text[i]).split('\\n').length;
    const x0 = d.align[i] === 'left' ? x : d.align[i] === 'right' ? x - w : x - w / 2;
    boxes.push({text: d.text[i], align: d.align[i], x0: x0, x1: x0 + w,
                y0: y - px * lines / 2, y1: y + px * lines / 2});
  }
  const f = pv.frame.bbox;
  const c = pv.canvas_view.el.getBoundingClientRect();
  return {boxes: boxes, frame: [f.left, f.top, f.right, f.bottom], px: px,
          canvas: [c.left, c.top, c.right, c.bottom],
          viewport: [window.innerWidth, window.innerHeight]};
}"""


def _in_shadow(page: Any, text: str) -> bool:
    return page.evaluate("""(text) => { const walk = (root) => { for (const el of
        root.querySelectorAll('*')) { if (el.shadowRoot && walk(el.shadowRoot)) return true;
        for (const n of el.childNodes) if (n.nodeType === 3 && n.textContent.includes(text))
          return true; } return false; }; return walk(document); }""", text)


def test_map_draws_every_actor(open_page: Any, console: Any) -> None:
    page = open_page(page="map")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    nodes = page.evaluate(GRAPH_NODES)
    actors = {n for n, k in zip(nodes["names"], nodes["kinds"], strict=True) if k == "actor"}
    assert actors == {a.name for a in capitale_nationale().actors}
    assert console.errors == []


def test_clicking_an_actor_shows_its_card_and_rings_it(open_page: Any) -> None:
    page = open_page(page="map")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    page.mouse.click(*node_position(page, "Office municipal d’habitation de Québec"))
    page.wait_for_function("""() => [...Bokeh.documents[0].all_models].find(
        m => m.name === 'map-selected-data').data.x.length === 1""", timeout=15_000)
    assert _in_shadow(page, "Territoires")
    assert _in_shadow(page, "Propriétaire partenaire")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_labels_are_whole_and_apart(page: Any, server: str, size: tuple[int, int]) -> None:
    """With the sidebar open, every label stands inside the plot, none over another."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(server + "?page=map")
    page.wait_for_function(GRAPH_DRAWN, timeout=60_000)
    page.wait_for_timeout(500)
    got = page.evaluate(LABEL_BOXES)
    left, top, right, bottom = got["frame"]
    boxes = got["boxes"]
    assert len(boxes) > 40
    for b in boxes:
        assert left <= b["x0"] and b["x1"] <= right, b
        assert top <= b["y0"] and b["y1"] <= bottom, b
    for align in ("left", "right"):
        col = sorted((b for b in boxes if b["align"] == align), key=lambda b: b["y0"])
        for a, b in zip(col, col[1:], strict=False):
            assert b["y0"] >= a["y1"] - 1, (a, b)
    assert got["px"] >= 11  # readable type
    assert got["canvas"][2] <= got["viewport"][0]  # the plot is within the window
    if size == (1920, 1080):
        assert got["px"] >= 16 and not [b for b in boxes if b["text"].endswith("…")
                                        and len(b["text"]) < 12]


def test_language_switch_updates_the_page_without_reloading(open_page: Any) -> None:
    page = open_page(page="map")
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    assert _in_shadow(page, "Couleur : secteur")
    page.evaluate("() => { window.__same_document = true; }")
    page.get_by_role("button", name="English").click()
    page.wait_for_function("""() => { const walk = (root) => { for (const el of
        root.querySelectorAll('*')) { if (el.shadowRoot && walk(el.shadowRoot)) return true;
        if (el.tagName === 'H3' && el.textContent === 'Colour: sector') return true; }
        return false; }; return walk(document); }""", timeout=15_000)
    page.wait_for_function(GRAPH_DRAWN, timeout=30_000)
    assert page.evaluate("() => window.__same_document === true")  # not reloaded
    assert not _in_shadow(page, "Couleur : secteur")
    tooltips = """() => {
      let pv = null;  // the figure shown
      const walk = (v) => { if (v.model.type === 'Figure') pv = v;
                            for (const c of (v.child_views || [])) walk(c); };
      for (const v of Object.values(Bokeh.index)) walk(v);
      return pv.model.toolbar.tools.find(t => t.type === 'HoverTool').tooltips.map(t => t[0]);
    }"""
    # The tooltips arrive in the same update as the legend, or just after on a busy machine.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({tooltips})()[0] === 'Name'", timeout=10_000)
    assert page.evaluate(tooltips)[:2] == ["Name", "Kind"]
    kinds = page.evaluate(GRAPH_NODES)["kinds"]
    assert "actor" in kinds
