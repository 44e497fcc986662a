"""The outcome a proportion counts: what the counted patients reached, not an earlier word of the sentence;
an outcome abbreviation defined earlier in the document names it."""
from __future__ import annotations

from evidence_review.extract import extract_document


def _proportion_outcomes(text: str) -> list[tuple]:
    rows = extract_document("doc-1", text, "cohort.txt")
    return [(r["events"], r["total"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"]


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def proportions(text: str) -> list[tuple]:
    return sorted((r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION"))


def test_state_reached_after_the_count_is_its_outcome():
    text = ("We studied 121 patients with MOGAD treated with rituximab. Twenty patients were treated after one attack, "
            "of whom 14/20 (70.0%) remained relapse-free after a median of 11.2 months.")
    assert _proportion_outcomes(text) == [(14, 20, "relapse-free")]


def test_event_after_the_count_is_its_outcome_even_when_another_outcome_came_first():
    text = ("Disability progression was assessed in all patients treated with azathioprine; "
            "9/40 (22.5%) had a relapse during the first year.")
    assert _proportion_outcomes(text) == [(9, 40, "relapse")]


def test_outcome_abbreviation_defined_earlier_names_the_outcome():
    text = ("Patients were randomized to voclosporin (n=90) or placebo (n=90). The primary endpoint was complete "
            "renal remission (CR) at 24 weeks. CR was achieved by 40.0% with voclosporin versus 20.0% with placebo.")
    assert proportions(text) == [(18, 90, "placebo"), (36, 90, "voclosporin")]
