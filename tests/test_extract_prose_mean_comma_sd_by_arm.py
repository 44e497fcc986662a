"""Each arm's mean with its SD printed after a comma, the arm named before a colon: "(A: -0.72, SD 1.1 kg/m2, B:
-1.0, SD 1.4; P < .001)" (grammar `mean_comma_sd` read as an item of the aligned rules, rules/aligned.py). Sentences
shaped like the tuning abstracts' (arm names, numbers and the minus sign varied)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 100) or placebo (n = 110). "


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"], r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN")


@pytest.mark.parametrize("text", [
    "BMI fell more with rituximab (rituximab: -0.72, SD 1.1 kg/m2, placebo: 0.15, SD 0.82; P < .001).",
    "BMI fell more with rituximab (rituximab: \u20130.72, SD 1.1 kg/m 2 , placebo: 0.15, SD 0.82; P < .001).",
])
def test_each_arm_named_before_its_mean_and_sd_after_a_comma(text):
    assert _means(text) == [("placebo", 0.15, 0.82, 110), ("rituximab", -0.72, 1.1, 100)]


def test_a_mean_named_with_its_letters_is_read_once():
    assert _means("Scores differed between rituximab (M = 41.5, SD = 8.1) and placebo (M = 37.0, SD = 6.9).") == [
        ("placebo", 37.0, 6.9, 110), ("rituximab", 41.5, 8.1, 100)]
