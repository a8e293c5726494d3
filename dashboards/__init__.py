"""The committee dashboard of concert (Panel), and its pieces for notebooks.

In a notebook::

    import panel as pn
    from concert.example import capitale_nationale
    from dashboards import maturity_matrix, stakeholder_map, map_legend, app_for
    pn.extension()
    region = capitale_nationale()
    maturity_matrix(region, lang="en")              # the 4 x 3 matrix and the region stage
    stakeholder_map(region, lang="en")              # the map, drawn inline (legend: map_legend)
    app_for(region).show()                          # the whole dashboard, in memory

From the command line, ``concert serve DB`` calls :func:`serve` and ``concert report DB
OUT.html`` calls :func:`write_report`.
"""

from dashboards.app import app_for, build_app, serve
from dashboards.map import map_legend, stakeholder_map
from dashboards.overview import maturity_matrix
from dashboards.report import write_report
from dashboards.state import DashboardState

__all__ = ["DashboardState", "app_for", "build_app", "map_legend", "maturity_matrix", "serve",
           "stakeholder_map", "write_report"]
