"""The stakeholder map: its tables, its bokeh drawing, the page's in-place updates, the
notebook display and the report's map."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import nbformat
import panel as pn
import pytest
from bokeh.core.json_encoder import serialize_json
from bokeh.document import Document
from bokeh.models import GraphRenderer, HoverTool
from nbclient import NotebookClient

from concert import Store, privacy
from concert.example import capitale_nationale
from concert.synth import synthetic_region
from dashboards.map import MapView, draw_map, map_frames, map_legend, stakeholder_map
from dashboards.map.layout import MIN_DISTANCE
from dashboards.state import DashboardState

TENANT = re.compile(r"CEM-\d{4}-\d{4}")


@pytest.fixture(scope="module")
def region():
    return capitale_nationale()


def _source(fig, name):
    return fig.select_one({"name": name})


def _graph(fig) -> GraphRenderer:
    return fig.select_one({"name": "map-graph"})


# --------------------------------------------------------------------------- frames
def test_frames_hold_every_actor_no_tenant_and_anonymous_agreements(region) -> None:
    nodes, edges = map_frames(region, lang="en")
    actors = nodes[nodes["kind"] == "actor"]
    assert set(actors["node"]) == {a.id for a in region.actors}
    assert set(nodes["kind"]) == {"actor", "committee", "agreement_III"}
    iii = nodes[nodes["kind"] == "agreement_III"]
    assert all(n.startswith("agreement-III-") for n in iii["node"])
    assert not TENANT.search(nodes.to_csv() + edges.to_csv())
    assert not {a.id for a in region.agreements if a.type == "III"} & set(nodes["node"])
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["node"])
    assert nodes.attrs["ring"] is True
    assert "Organisation" in set(actors["kind_label"])


def test_filters_hide_nodes_without_moving_the_others(region) -> None:
    full, _ = map_frames(region)
    housing, edges = map_frames(region, sectors=["housing"], agreement_types=["I"])
    assert set(housing.loc[housing["kind"] == "actor", "sector_label"]) == {"Habitation"}
    assert set(edges["kind"]) <= {"agreement_I", "committee", "information", "resources",
                                  "joint_project", "referral"}
    at = full.set_index("node")[["x", "y"]]
    for _, row in housing[housing["kind"] == "actor"].iterrows():
        assert (row["x"], row["y"]) == tuple(at.loc[row["node"]])


def test_nodes_of_a_large_region_do_not_overlap() -> None:
    nodes, _ = map_frames(synthetic_region(500, seed=3))
    pts = sorted(zip(nodes["x"], nodes["y"], strict=True))
    # Sorted by x: only neighbours within MIN_DISTANCE in x can be too close.
    for i, a in enumerate(pts):
        for b in pts[i + 1:]:
            if b[0] - a[0] >= MIN_DISTANCE:
                break
            assert math.dist(a, b) >= MIN_DISTANCE - 1e-9


# --------------------------------------------------------------------------- drawing
def test_draw_map_is_a_bokeh_figure_with_the_graph_and_labels(region) -> None:
    nodes, edges = map_frames(region, lang="en")
    fig = draw_map(nodes, edges, "en", height=600)
    graph = _graph(fig)
    assert isinstance(graph, GraphRenderer)
    data = graph.node_renderer.data_source.data
    assert list(data["index"]) == list(range(len(nodes)))  # the ids stay on the server
    assert list(data["name"]) == list(nodes["name"])
    assert set(graph.layout_provider.graph_layout) == set(range(len(nodes)))
    assert len(graph.edge_renderer.data_source.data["start"]) == len(edges)
    labels = _source(fig, "map-label-data").data
    shown = nodes[nodes["label"].astype(bool)]
    assert sorted(labels["text"]) == sorted(shown["label"])
    assert set(labels["align"]) == {"left", "right", "center"}
    hover = next(t for t in fig.toolbar.tools if isinstance(t, HoverTool))
    assert ("Sector", "@{sector_label}") in hover.tooltips
    assert {t.description for t in fig.toolbar.tools} >= {"Pan", "Reset the view"}
    assert fig.height == 600 and fig.width > 600  # wider than tall: the label columns


def test_no_real_name_reaches_the_figure_of_an_anonymised_region(region) -> None:
    shown = privacy.view(region, anonymise=True, lang="fr")
    nodes, edges = map_frames(shown)
    doc = Document()
    doc.add_root(draw_map(nodes, edges, "fr"))
    text = json.dumps(json.loads(serialize_json(doc.to_json())), ensure_ascii=False)
    assert "Office municipal d’habitation de Québec" not in text
    assert "Office municipal d’habitation (OMH) 1" in text
    assert not TENANT.search(text)


def test_legend_lists_what_is_drawn_in_the_language_asked(region) -> None:
    nodes, edges = map_frames(region, sectors=["housing", "program"], agreement_types=["I"],
                              lang="en")
    html = map_legend("en", nodes=nodes, edges=edges)
    assert "Housing" in html and "Health and social services" not in html
    ties = html.split("<h3>Ties</h3>")[1]
    assert "Agreement I</li>" in ties and "Agreement II</li>" not in ties
    assert "Couleur" in map_legend("fr")


# --------------------------------------------------------------------------- notebook
def test_stakeholder_map_displays_as_bokeh_after_pn_extension_alone(region) -> None:
    pn.extension()
    pane = stakeholder_map(region, lang="en")
    bundle, _ = pane._repr_mimebundle_()
    assert "application/vnd.holoviews_exec.v0+json" in bundle
    assert "text/html" in bundle
    assert "Overlay" not in bundle.get("text/plain", "")


def test_stakeholder_map_draws_inline_in_a_kernel(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import panel as pn\n"
        "from concert.example import capitale_nationale\n"
        "from dashboards import stakeholder_map\n"
        "pn.extension()\n"
        "stakeholder_map(capitale_nationale(), lang='en')")])
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    assert not [o for o in outputs if o.output_type == "error"]
    result = next(o for o in outputs if o.output_type == "execute_result")
    assert "application/vnd.holoviews_exec.v0+json" in result["data"]
    assert "text/html" in result["data"]
    assert "Overlay" not in result["data"].get("text/plain", "")


# --------------------------------------------------------------------------- the page
def _page(region, **params):
    state = DashboardState(region=region, **params)
    view = MapView(state)
    doc = Document()
    root = pn.panel(view).get_root(doc)
    doc.add_root(root)
    return state, view, root


def test_page_updates_in_place_when_the_state_changes(region) -> None:
    state, view, _ = _page(region, lang="fr")
    fig = view._fig
    objects = list(view._root.objects)
    legend = view._legend
    assert "Couleur : secteur" in legend.object
    state.lang = "en"
    assert view._fig is fig and view._root.objects == objects  # nothing rebuilt
    assert "Colour: sector" in legend.object
    hover = next(t for t in fig.toolbar.tools if isinstance(t, HoverTool))
    assert hover.tooltips[0][0] == "Name"
    assert view._sectors.name == "Sectors" and "Housing" in str(view._sectors.options)
    n_all = len(_graph(fig).node_renderer.data_source.data["index"])
    state.sectors = ["housing"]
    kinds = _graph(fig).node_renderer.data_source.data["sector_label"]
    assert len(kinds) < n_all and {k for k in kinds if k} == {"Housing"}
    assert "actors and" in view._count.object
    state.sectors = []
    state.agreement_types = ["I"]
    assert "Agreement II</li>" not in view._legend.object.split("<h3>Ties</h3>")[1]
    state.presentation = True
    assert view._fig is fig
    assert _source(fig, "map-fit").data["base"] == [21]


def test_selecting_an_actor_shows_its_card_and_rings_it(region) -> None:
    state, view, _ = _page(region, lang="fr")
    actor = region.actors[3]
    state.selected_actor = actor.id
    assert actor.name in view._card.object
    ring = _source(view._fig, "map-selected-data").data
    nodes, _ = view._current()
    row = nodes[nodes["node"] == actor.id].iloc[0]
    assert (ring["x"], ring["y"]) == ([row["x"]], [row["y"]])
    # A click on the map: bokeh selects the node; the page makes it the selected actor.
    data = _graph(view._fig).node_renderer.data_source
    other = list(data.data["kind"]).index("actor", 5)
    data.selected.indices = [other]
    assert state.selected_actor == nodes["node"].iloc[other]


def test_anonymising_the_page_in_place_leaves_no_real_name(region) -> None:
    state, view, root = _page(region, lang="fr")
    real = "Office municipal d’habitation de Québec"
    assert real in _graph(view._fig).node_renderer.data_source.data["name"]
    state.anonymise = True
    assert real not in _graph(view._fig).node_renderer.data_source.data["name"]
    assert real not in view._sectors.options and real not in str(view._committees.options)


def test_report_draws_the_map_with_the_public_function(region, tmp_path: Path) -> None:
    from dashboards.report import write_report

    db = tmp_path / "r.db"
    with Store(db) as store:
        store.save_region(region)
    html = write_report(db, tmp_path / "r.html", lang="en").read_text(encoding="utf-8")
    assert "GraphRenderer" in html and "map-labels" in html
    assert not TENANT.search(html)
