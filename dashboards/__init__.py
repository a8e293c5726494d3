"""The committee dashboard of concert (Panel), and its pieces for notebooks.

In a notebook::

    import panel as pn
    from concert.example import capitale_nationale
    from dashboards import app_for, maturity_matrix, page_for, stakeholder_map
    pn.extension()
    region = capitale_nationale()
    maturity_matrix(region, lang="en")              # the 4 x 3 matrix and the region stage
    stakeholder_map(region, lang="en")              # the map, drawn inline
    page_for(region, "agreements", lang="en")       # any page inline (map, agreements...)
    app_for(region).show()                          # the whole dashboard, in memory

From the command line, ``concert serve DB`` calls :func:`serve` and ``concert report DB
OUT.html`` calls :func:`write_report`.
"""

from dashboards.app import app_for, build_app, page_for, serve
from dashboards.map import map_legend, stakeholder_map
from dashboards.pages.overview import maturity_matrix
from dashboards.report import write_report
from dashboards.state import DashboardState

__all__ = ["DashboardState", "app_for", "build_app", "map_legend", "maturity_matrix", "page_for",
           "serve",
           "stakeholder_map", "write_report"]
