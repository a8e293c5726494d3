"""Change over time, many regions and the crosswalk."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY

from concert.changes import compare_dates, region_on
from concert.framework import QUEBEC_REGIONS
from concert.regions import compare_regions, crosswalk
from concert.synth import synthetic_region


def test_region_on_keeps_what_was_in_force(example):
    past = region_on(example, dt.date(2021, 1, 1))
    ids = {a.id for a in past.actors}
    assert "parcours" in ids and "le-213" not in ids   # Le 213 opened 1 July 2022
    assert all(a.on <= dt.date(2021, 1, 1) for a in past.assessments)
    assert len(past.agreements) < len(example.agreements)
    assert len(example.actors) == 47  # the input is unchanged


def test_compare_dates(example):
    out = compare_dates(example, dt.date(2022, 1, 1), TODAY)
    assert set(out) == {"stages", "actors", "agreements", "measures"}
    assert list(out["actors"].query("change == 'added'")["actor"]) == ["le-213"]
    stages = out["stages"].set_index("indicator")
    # Latest assessment on 2022-01-01 is the first one (2021-01-16): the region went from
    # between communication and coordination (1.5) to between coordination and coopération.
    assert stages.loc["region", "change"] == 1.0
    m = out["measures"].set_index("measure")
    assert m.loc["actors", "change"] == 1
    assert {"added"} <= set(out["agreements"]["change"])


def test_compare_regions_and_quebec_list(example):
    regions = [example, synthetic_region(60, seed=1, code="03-synth", reference=TODAY)]
    table = compare_regions(regions, on=TODAY).set_index("region")
    assert table.loc["capitale-nationale", "position"] == 2.5
    assert table.loc["capitale-nationale", "actors"] == 47
    assert table.loc["03-synth", "actors"] == 61
    assert len(QUEBEC_REGIONS) == 17 and QUEBEC_REGIONS[2] == ("03", "Capitale-Nationale")


def test_crosswalk_reads_coopération_as_collaboration():
    cw = crosswalk(lang="en").set_index("stage")
    assert cw.loc["cooperation", "himmelman"] == "Collaborating"
    assert cw.loc["communication", "frey"] == "1 Networking"
    assert crosswalk(lang="fr").loc[2, "stage_label"] == "Coopération"


def test_synthetic_region_is_seeded_and_valid():
    a = synthetic_region(50, seed=3, reference=TODAY)
    b = synthetic_region(50, seed=3, reference=TODAY)
    assert a == b and not a.problems()
    assert len(a.actors) == 51
