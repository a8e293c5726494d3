"""The example notebooks run from top to bottom without error."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# What each notebook must show: a text that only a working analysis prints.
EXPECTED = {"analyse_region.ipynb": ["Entre coordination et coopération", "intersectoral_share",
                                     "Le Parcours", "Collaborating"]}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = " ".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
                    for o in outputs)
    assert text.strip(), "the notebook produced no output"
    for expected in EXPECTED.get(path.name, []):
        assert expected in text, expected
    # Plots are rendered (HoloViews/bokeh output), not just their repr.
    assert any("text/html" in o.get("data", {}) or "application/vnd.holoviews_load.v0+json"
               in o.get("data", {}) for o in outputs)
    if path.name == "dashboard_pages.ipynb":
        # Every view cell draws as Panel/bokeh output, never as a bare text repr.
        for cell in nb.cells[2:]:
            results = [o for o in cell.outputs if o.output_type == "execute_result"]
            assert results, cell.source
            data = results[0]["data"]
            assert "application/vnd.holoviews_exec.v0+json" in data, cell.source
            assert "text/html" in data or "text/markdown" in data, cell.source


def test_readme_notebook_block_draws_every_view(tmp_path):
    """The README's notebook block, run as written in a kernel (after its tour, which makes
    ``r``): every view line draws as Panel/bokeh output, never a bare text repr."""
    import re

    readme = (EXAMPLES.parent / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    block = next(b for b in blocks if "pn.extension()" in b)
    lines = [line.split("#")[0].rstrip() for line in block.splitlines()]
    setup = [line for line in lines if line.startswith(("import", "from", "pn.extension"))]
    # .show() opens a browser tab and serves: the one line not run here.
    views = [line for line in lines if line and line not in setup and ".show()" not in line]
    assert len(views) >= 2, views
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(blocks[0]), nbformat.v4.new_code_cell("\n".join(setup)),
                *[nbformat.v4.new_code_cell(v) for v in views]]
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell in nb.cells[2:]:
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
        results = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert results, cell.source
        assert "application/vnd.holoviews_exec.v0+json" in results[0]["data"], cell.source
