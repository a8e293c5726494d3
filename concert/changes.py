"""Change over time: a region as it stood on a date, and what changed between two dates.

A record counts on a date when it was in force then: an actor between its
``since`` and ``until`` dates, an agreement in force (:func:`concert.agreements.is_current`),
a committee seat or a declared tie between its dates. Unknown dates count as
"always". The assessment of a date is the latest one made on or before it.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from concert import i18n
from concert.agreements import is_current
from concert.indicators import Assessment, compare_assessments
from concert.network import actor_graph, declared_ties_graph, summary
from concert.region import Region

__all__ = ["compare_dates", "region_on"]


def region_on(region: Region, on: dt.date) -> Region:
    """Return the region as it stood on ``on`` (a new object; the input is unchanged).

    Keeps the actors active on that date, the agreements in force, the active seats and
    ties, the assessments made on or before it and the figures dated on or before it.
    """
    out = Region(region.code, region.name, region.territories, region.note, region.source)
    out.actors = [a for a in region.actors if a.active_on(on)]
    ids = {a.id for a in out.actors}
    out.agreements = [a for a in region.agreements
                      if is_current(a, on) and all(x in ids for x in a.actor_ids)]
    out.committees = list(region.committees)
    out.memberships = [m for m in region.memberships if m.active_on(on) and m.actor in ids]
    out.ties = [t for t in region.ties if t.active_on(on) and t.source in ids and t.target in ids]
    out.assessments = [a for a in region.assessments if a.on <= on]
    out.figures = [f for f in region.figures if f.as_of <= on]
    return out


def _latest(region: Region, on: dt.date) -> Assessment | None:
    done = [a for a in region.assessments if a.on <= on]
    return max(done, key=lambda a: (a.on, a.id)) if done else None


def compare_dates(region: Region, before: dt.date, after: dt.date, *,
                  lang: str | None = None) -> dict[str, pd.DataFrame]:
    """What changed in a region between two dates.

    Returns
    -------
    dict of DataFrame
        ``stages``: each indicator's stage at both dates and the change (see
        :func:`concert.compare_assessments`; empty if either date has no assessment).
        ``actors``: actors that joined (``change`` = ``added``) or left (``ended``).
        ``agreements``: agreements that came into force or ended.
        ``measures``: each whole-network measure at both dates and the difference.
    """
    a0, a1 = region_on(region, before), region_on(region, after)
    s0, s1 = _latest(region, before), _latest(region, after)
    stages = compare_assessments(s0, s1, lang=lang) if s0 and s1 else pd.DataFrame(
        columns=["indicator", "label", "before", "after", "change", "gained", "lost"])
    ids0, ids1 = {a.id for a in a0.actors}, {a.id for a in a1.actors}
    by = region.actors_by_id()
    actors = pd.DataFrame(
        [{"actor": i, "label": by[i].label(), "change": "added"} for i in sorted(ids1 - ids0)]
        + [{"actor": i, "label": by[i].label(), "change": "ended"} for i in sorted(ids0 - ids1)],
        columns=["actor", "label", "change"])
    g0, g1 = {a.id for a in a0.agreements}, {a.id for a in a1.agreements}
    types = {a.id: a.type for a in region.agreements}
    agreements = pd.DataFrame(
        [{"agreement": i, "type": types[i], "change": "added"} for i in sorted(g1 - g0)]
        + [{"agreement": i, "type": types[i], "change": "ended"} for i in sorted(g0 - g1)],
        columns=["agreement", "type", "change"])
    m0 = summary(actor_graph(a0, on=before), declared=declared_ties_graph(a0))
    m1 = summary(actor_graph(a1, on=after), declared=declared_ties_graph(a1))
    measures = pd.DataFrame([{
        "measure": k, "label": i18n.t(f"measure.{k}", lang), "before": m0[k], "after": m1[k],
        "change": (m1[k] - m0[k]) if not (math.isnan(m0[k]) or math.isnan(m1[k])) else math.nan,
    } for k in m0])
    return {"stages": stages, "actors": actors, "agreements": agreements, "measures": measures}
