"""The overview's region stage renders its notes in the page's language (not their repr)."""

from __future__ import annotations

import datetime as dt

from concert import Answer, Assessment
from dashboards.pages.overview import region_stage_html


def test_region_stage_notes_are_sentences_in_the_page_language():
    partial = Assessment("a", dt.date(2024, 1, 1), [Answer("climat.coordination.1", 3)])
    english = region_stage_html(partial, "en")
    french = region_stage_html(partial, "fr")
    assert "Note(" not in english + french
    assert "Region stage based on 1 assessed indicators out of 4" in english
    assert "Stade de la région établi sur 1 indicateurs évalués sur 4" in french


def test_key_figures_leave_retired_organisations_out():
    """A retired organisation is no longer counted (the grid and the gaps agree)."""
    import re

    from concert import settings
    from concert.example import capitale_nationale
    from concert.retire import retire_actor
    from dashboards.pages.overview import key_figures_html

    region = capitale_nationale()
    total = r"<td>Total</td><td>(\d+)</td>"
    before = int(re.search(total, key_figures_html(region, "fr")).group(1))
    gone = retire_actor(region, region.actors[-1].id, on=settings.current_date()).region
    after = int(re.search(total, key_figures_html(gone, "fr")).group(1))
    assert after == before - 1


def test_an_assessment_still_collecting_answers_is_not_yet_the_region_s_result(monkeypatch):
    from concert import settings
    from concert.example import capitale_nationale
    from dashboards.pages.overview import OverviewPage
    from dashboards.state import DashboardState

    today = dt.date(2027, 1, 10)
    monkeypatch.setattr(settings, "today", today)
    region = capitale_nationale(reference=today)
    result = region.assessment()
    one = Answer(result.answers[0].criterion, 0, "omhq")
    region.assessments.append(Assessment("bilan-2027", today, (one,), label="Bilan 2027",
                                         closes_on=today + dt.timedelta(days=30)))
    assert region.assessment() is result  # one answer of eleven, still collecting
    page = OverviewPage(DashboardState(region=region))
    text = page._body()
    assert "« Bilan 2027 » recueille encore les réponses jusqu’au 2027-02-09 (reçues : 1 sur 11" \
        in text
    assert f"Le stade ci-dessous est celui de « {result.label} »" in text
    # Its last day past, it is the region's result.
    assert region.assessment(on=today + dt.timedelta(days=31)).id == "bilan-2027"
    monkeypatch.setattr(settings, "today", today + dt.timedelta(days=31))
    assert "recueille encore" not in OverviewPage(DashboardState(region=region))._body()


def test_a_change_of_one_half_stage_is_said_in_the_singular():
    from concert.example import capitale_nationale
    from dashboards.pages.overview import changes_html

    html = changes_html(capitale_nationale(), "fr")
    assert "▲ progression d’un demi-stade" in html and "(s)" not in html
    assert "▲ up one half-stage" in changes_html(capitale_nationale(), "en")
