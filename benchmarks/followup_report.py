"""Benchmark: the committee's follow-up on larger regions (issue 15).

For the example region and synthetic regions of 500 and 2,000 actors
(:func:`concert.synth.synthetic_region`), each given a members' assessment answered by
every organisation seated on its comité de gestion (and, for the synthetic ones, by 40
more organisations of the region, as a large territory's round of answers would be):

- **bilan**: the secretary's results (answers received, per-criterion median, spread,
  the two poles' medians and their flag, the matrix: ``bilan_results_html``), best of 5;
- **review**: the annual review of the ententes (``followup.annual_review``), best of 5;
- **pdf**: the print-ready report (``report_pdf.pdf_bytes``, Letter, French), best of 3,
  its pages and size, and the peak memory of a fresh process that writes it.

Prints figures; asserts nothing. Target (this stop's own, the issue sets none): the report
of a 2,000-actor region in under 15 s and 1 GB, so that a secretary gets it while the
committee waits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _util import best_of, peak_rss_mb  # noqa: E402

from concert import framework as fw  # noqa: E402
from concert import responses  # noqa: E402
from concert.example import capitale_nationale  # noqa: E402
from concert.followup import annual_review  # noqa: E402
from concert.indicators import Answer, Assessment  # noqa: E402
from concert.synth import synthetic_region  # noqa: E402
from dashboards.pages.bilan import bilan_results_html  # noqa: E402
from dashboards.report_pdf import pdf_bytes  # noqa: E402

TODAY = dt.date(2026, 12, 6)


def with_members_answers(region: Any, extra: int) -> tuple[Any, str, int]:
    """``region`` with a members' assessment answered by its comité de gestion's members
    and ``extra`` more organisations; the assessment's id and the number of respondents."""
    committee = responses.management_committee(region)
    seated = [a.id for a in region.members_of(committee)] if committee else []
    others = [a.id for a in region.actors if a.id not in seated][:extra]
    answers = tuple(Answer(c.code, (i + k) % 4, org)
                    for i, org in enumerate(seated + others)
                    for k, c in enumerate(fw.CRITERIA))
    a = Assessment("bench-bilan", TODAY, answers, label="Bilan (benchmark)")
    return (dataclasses.replace(region, assessments=[*region.assessments, a]), a.id,
            len(seated) + len(others))


def main() -> None:
    cases = [("example", capitale_nationale(reference=TODAY), 0)]
    cases += [(f"synthetic {n}", synthetic_region(n, seed=0, reference=TODAY), 40)
              for n in (500, 2000)]
    print(f"{'region':16} {'actors':>6} {'answers by':>10} {'bilan s':>8} {'review s':>8} "
          f"{'pdf s':>6} {'pages':>5} {'pdf kB':>7} {'peak MB':>8}")
    for name, base, extra in cases:
        region, ident, n = with_members_answers(base, extra)
        bilan = best_of(lambda r=region, i=ident: bilan_results_html(r, i, lang="fr"))
        review = best_of(lambda r=region: annual_review(r, on=TODAY, lang="fr"))
        pdf = best_of(lambda r=region: pdf_bytes(r, lang="fr", on=TODAY), repeat=3)
        data = pdf_bytes(region, lang="fr", on=TODAY)
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
        peak = peak_rss_mb(lambda r=region: pdf_bytes(r, lang="fr", on=TODAY))
        print(f"{name:16} {len(region.actors):6d} {n:10d} {bilan:8.2f} {review:8.2f} "
              f"{pdf:6.2f} {pages:5d} {len(data) / 1000:7.0f} {peak:8.0f}", flush=True)


if __name__ == "__main__":
    main()
