"""A once-per-patient event counted in one arm, spelled out, in a sentence without a digit (grammar `arm_count`,
core's no-digit gate): "There was one death in the B group", "There were two deaths in the A group". Sentences
written for these tests; negatives."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _counts(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"]


@pytest.mark.parametrize("text, expected", [
    ("There was one death in the placebo group, on the third postoperative day.", [(1, 38, "placebo")]),
    ("There were three deaths in the rituximab group.", [(3, 40, "rituximab")]),
    ("There was one recurrence in the rituximab group and two in the placebo group.",
     [(1, 40, "rituximab"), (2, 38, "placebo")]),
])
def test_spelled_counts_of_a_once_per_patient_event_in_an_arm(text, expected):
    assert _counts(text) == expected


@pytest.mark.parametrize("text", [
    "There was one meeting in the placebo group.",
    "There was one nurse in the placebo group.",
])
def test_no_count_of_what_is_no_event(text):
    assert _counts(text) == []
