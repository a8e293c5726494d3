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
