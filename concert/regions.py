"""Many regions side by side: stages and network measures in one table.

A store can hold several regions (Québec's 17 administrative regions are
listed in :data:`concert.framework.QUEBEC_REGIONS`). :func:`compare_regions`
puts their latest stages and their main network measures in one table, and
:func:`crosswalk` reads a stage on the scales people already use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from concert import framework as fw
from concert import i18n, settings
from concert.agreements import is_current
from concert.gaps import all_gaps
from concert.indicators import maturity, region_stage
from concert.network import actor_graph, declared_ties_graph, summary
from concert.region import Region

__all__ = ["compare_regions", "crosswalk"]

MEASURES = ("actors", "ties", "density", "intersectoral_share", "ei_index",
            "degree_centralization", "reciprocity")


def compare_regions(regions: Iterable[Region], *, on: dt.date | None = None,
                    lang: str | None = None) -> pd.DataFrame:
    """One row per region: its latest stages, main measures, agreements and gaps.

    Columns: ``region, name, stage`` (the region's stage in words), ``position``, one
    position column per indicator, the measures of :data:`MEASURES`, ``agreements_I``,
    ``agreements_II``, ``agreements_III`` (in force on ``on``) and ``gaps``. Regions
    without an assessment get empty stage columns.
    """
    on = on or settings.current_date()
    rows = []
    for r in regions:
        row: dict[str, object] = {"region": r.code, "name": r.name}
        if r.assessments:
            res = maturity(r.assessment(), lang=lang)
            overall = region_stage(res)
            row["stage"] = overall.stage_label(lang)
            row["position"] = overall.position
            for code, sr in res.items():
                row[code] = sr.position
        else:
            row["stage"] = i18n.t("stage.not_assessed", lang)
            row["position"] = None
            for ind in fw.INDICATORS:
                row[ind.code] = None
        m = summary(actor_graph(r, on=on), declared=declared_ties_graph(r))
        row.update({k: m[k] for k in MEASURES})
        for t in ("I", "II", "III"):
            row[f"agreements_{t}"] = sum(1 for a in r.agreements if a.type == t
                                         and is_current(a, on))
        row["gaps"] = len(all_gaps(r, on=on, lang=lang))
        rows.append(row)
    return pd.DataFrame(rows)


def crosswalk(*, lang: str | None = None) -> pd.DataFrame:
    """The guide's stages read on Himmelman's continuum and Frey et al.'s scale.

    Columns: ``stage, stage_label, himmelman, frey, meaning``. See
    :data:`concert.framework.CROSSWALK` for the references and the caveat on the word
    "coopération".
    """
    lang = lang or settings.language
    return pd.DataFrame([{"stage": c["stage"], "stage_label": i18n.label("stage", c["stage"], lang),
                          "himmelman": c["himmelman"], "frey": c["frey"],
                          "meaning": c["fr"] if lang == "fr" else c["en"]}
                         for c in fw.CROSSWALK])
