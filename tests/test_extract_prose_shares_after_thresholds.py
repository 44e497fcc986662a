"""Shares of named arms in safety sentences of the full reports (rules/proportions.py): a threshold of change from
baseline that defines the event ("an increase in body weight of \u22657% from baseline was seen in ...") is no baseline
figure, and "the incidence rates of X were: A, x% and B, y%." names each arm with a comma before its share.
Sentences written for these tests, shaped like a tuning report's (names and numbers changed)."""
from __future__ import annotations

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 50) or placebo (n = 48). "


def _shares(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")


def test_a_threshold_of_change_from_baseline_defines_the_event():
    text = "A decrease in body weight of \u22655% from baseline was seen in 8.3% of the placebo group and 30.0% of the rituximab group."
    assert _shares(text) == [("placebo", 4, 48), ("rituximab", 15, 50)]


def test_a_baseline_figure_is_still_no_share_of_an_arm():
    text = "The baseline score of 20% was seen in 8.3% of the placebo group and 30.0% of the rituximab group."
    assert _shares(text) == []


def test_each_arm_named_with_a_comma_after_a_colon():
    text = "At week 8, the incidence rates of triglyceride \u2265150 mg/dL were: placebo, 12.5% and rituximab, 24.0%."
    assert _shares(text) == [("placebo", 6, 48), ("rituximab", 12, 50)]
