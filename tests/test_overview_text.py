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
