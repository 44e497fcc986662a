"""The outcome a proportion counts: what the counted patients reached, not an earlier word of the sentence."""
from __future__ import annotations

from evidence_review.extract import extract_document


def _proportion_outcomes(text: str) -> list[tuple]:
    rows = extract_document("doc-1", text, "cohort.txt")
    return [(r["events"], r["total"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"]


def test_state_reached_after_the_count_is_its_outcome():
    text = ("We studied 121 patients with MOGAD treated with rituximab. Twenty patients were treated after one attack, "
            "of whom 14/20 (70.0%) remained relapse-free after a median of 11.2 months.")
    assert _proportion_outcomes(text) == [(14, 20, "relapse-free")]


def test_event_after_the_count_is_its_outcome_even_when_another_outcome_came_first():
    text = ("Disability progression was assessed in all patients treated with azathioprine; "
            "9/40 (22.5%) had a relapse during the first year.")
    assert _proportion_outcomes(text) == [(9, 40, "relapse")]
