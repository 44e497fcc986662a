"""Each arm's value right after its name with a square bracket holding a pair around it (rules/prose_medians.py,
`arm_named_square_pairs`): "(A -6.0 [-35.0 to -1.5] and B 3.5 [0.0-17.0]" is each arm's MEDIAN with its quartiles.
Sentences written for these tests (numbers and names our own); negatives."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

ALLOCATION = "Patients were randomly assigned to rituximab (n = 21) or placebo (n = 19). "


def _rows(text: str) -> list[dict]:
    text = ALLOCATION + text
    return extract_document("doc", text, "doc.txt", "", study=build_study("doc", text, None))


def _medians(text: str) -> list[tuple]:
    return [(r["value"], r["q1"], r["q3"], r["total"], r["intervention"]) for r in _rows(text) if r["measure"] == "MEDIAN"]


def test_two_arms_each_with_a_square_bracketed_pair_are_medians_with_quartiles():
    got = _medians("Interleukin 6 rose (rituximab \u22124.12 [\u221216.30\u201335.20] and placebo \u221215.90 "
                   "[\u221244.10\u20132.70], p = 0.04) and interleukin 8 fell (rituximab \u221214.20 [\u221270.00\u2013"
                   "21.90] and placebo 7.80 [\u221212.00\u2013101.20], p = 0.06).")
    assert got == [(-4.12, -16.3, 35.2, 21, "rituximab"), (-15.9, -44.1, 2.7, 19, "placebo"),
                   (-14.2, -70.0, 21.9, 21, "rituximab"), (7.8, -12.0, 101.2, 19, "placebo")]
    assert not [r for r in _rows("Interleukin 6 rose (rituximab \u22124.12 [\u221216.30\u201335.20] and placebo "
                                 "\u221215.90 [\u221244.10\u20132.70]).") if r["measure"] == "MEAN"]


def test_a_space_after_the_minus_of_the_lower_quartile():
    assert _medians("The disease activity index (rituximab \u22121.00 [\u22124.0\u20134.50] and placebo 0.00 "
                    "[\u2212 0.50\u20132.00]) did not differ.") == [(-1.0, -4.0, 4.5, 21, "rituximab"),
                                                                    (0.0, -0.5, 2.0, 19, "placebo")]


def test_a_sentence_naming_an_interval_or_a_mean_is_left_to_the_declared_rules():
    # a model's slope with its interval
    assert not _medians("Body weight fell (slope for rituximab \u22120.06 [\u22120.12 to \u22120.003] vs. placebo "
                        "\u22120.02 [\u22120.07 to 0.05]).")
    for text in ("The mean change (rituximab \u22124.0 [\u221231.0\u2013\u22121.5] and placebo 3.5 [0.0\u201317.0]) "
                 "differed.",
                 "The change with 95% CI (rituximab \u22124.0 [\u221231.0\u2013\u22121.5] and placebo 3.5 "
                 "[0.0\u201317.0]) differed."):
        assert not [m for m in _medians(text) if m[1] == -31.0 and m[2] == -1.5]


def test_a_bracket_that_does_not_hold_the_value_is_no_quartile_pair():
    assert _medians("The global assessment improved (rituximab 0.50 [\u22120.20\u20130.35] and placebo 0.10 "
                    "[\u22120.40\u20130.60]).") == [(0.1, -0.4, 0.6, 19, "placebo")]
