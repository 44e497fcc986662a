"""Each arm's count of one event, each count beside its arm (rule `counts-of-each-arm-in-words`,
rules/proportions.py): "one case in group A and two cases in group B", "(group A, five patients; group B, four
patients)", read with the study model (arms and sizes stated in the methods). Sentences shaped like the tuning
reports' (events, arms and numbers changed), and the same look that is no count of an event."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

LETTERS = "Volunteers were randomized into group A (n = 25) and group B (n = 24). "
TWO = "Patients were randomly assigned to rituximab (n = 25) or placebo (n = 24). "


def _counts(allocation: str, text: str) -> list[tuple]:
    full = allocation + text
    rows = extract_document("doc", full, "doc.txt", "", study=build_study("doc", full))
    return sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")


@pytest.mark.parametrize("allocation, text, expected", [
    (LETTERS, "Pneumonia had developed in four cases, one case in group A and three cases in group B.",
     [("group a", 1, 25), ("group b", 3, 24)]),
    (LETTERS, "Postoperative delirium occurred in nine patients (group A, five patients; group B, four patients).",
     [("group a", 5, 25), ("group b", 4, 24)]),
    (TWO, "Wound dehiscence was seen in 3 patients in the rituximab group and 6 patients in the placebo group.",
     [("placebo", 6, 24), ("rituximab", 3, 25)]),
])
def test_each_arms_count_beside_its_arm(allocation, text, expected):
    assert _counts(allocation, text) == expected


@pytest.mark.parametrize("allocation, text", [
    # the trial's flow and traits at entry
    (LETTERS, "Two patients in group A and three patients in group B withdrew consent."),
    (LETTERS, "At baseline, smokers were 8 patients in group A and 9 patients in group B."),
    # one arm only: the other rules' shape
    (LETTERS, "Pneumonia had developed in one case in group A."),
])
def test_counts_that_are_not_each_arms_events(allocation, text):
    assert _counts(allocation, text) == []
