"""Decimals listed with "and" right before the arms they are of, without "respectively" (rules/aligned.py): "Change
from baseline was -0.53 and -0.28 for A and B (P<.001) over days 1-15 and ...". The pair is each arm's change (no
baseline row), the end of a span of days ("days 1-15") is no value, and a named statistic's list ("sk = ...") or whole
numbers (counts as often as levels) stay unread. Sentences shaped like an abstract's results, names and numbers changed."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.pipeline import extract_one

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["value"], r["intervention"], r["total"]) for r in rows if r["measure"] == "MEAN"]


@pytest.mark.parametrize("text, expected", [
    ("Change from baseline was \u22120.61 and \u22120.33 for rituximab and placebo (P<.001) over days 1\u201315 and "
     "\u22120.70 and \u22120.41 for rituximab and placebo (P<.001) over days 1\u201329.",
     [(-0.61, "rituximab", 40), (-0.33, "placebo", 38), (-0.70, "rituximab", 40), (-0.41, "placebo", 38)]),
    ("The mean score was 2.4 and 3.1 for rituximab and placebo (P = .04).",
     [(2.4, "rituximab", 40), (3.1, "placebo", 38)]),
    ("The mean score was 2.4 and 3.1 for placebo and rituximab.",
     [(2.4, "placebo", 38), (3.1, "rituximab", 40)]),
])
def test_decimals_listed_right_before_their_arms(text, expected):
    got = _means(text)
    assert [(pytest.approx(v), arm, n) for v, arm, n in expected] == got


@pytest.mark.parametrize("text", [
    "The data were skewed differently (sk = 0.47, -1.40 and -0.55 for rituximab and placebo).",
    "Exacerbations were 3 and 5 for rituximab and placebo (P = .04).",
])
def test_a_named_statistic_or_whole_numbers_before_the_arms_stay_unread(text):
    assert _means(text) == []


def test_a_change_from_baseline_is_no_baseline_row():
    text = (ALLOCATION + "Results: Rituximab reduced the score more than placebo on day 2 (P=.004). Change from "
            "baseline was \u22120.61 and \u22120.33 for rituximab and placebo (P<.001) over days 1\u201315.")
    rows, _, _ = extract_one("doc", text, "doc.txt", "")
    means = [(r["value"], r["intervention"], r["role"]) for r in rows if r["measure"] == "MEAN"]
    assert means == [(pytest.approx(-0.61), "rituximab", "effect"), (pytest.approx(-0.33), "placebo", "effect")]


# ---- a spread named in a bracket of its own right after "mean ± spread" ("0.34 ± 0.06(S.E.)")

@pytest.mark.parametrize("printed, sd, se", [
    ("(mean 0.34 \u00b1 0.06(S.E.))", None, 0.06),
    ("(mean increase: 0.09 \u00b1 .04 (S.E.) points)", None, 0.04),
    ("12.1 \u00b1 3.4 (SEM)", None, 3.4),
    ("12.1 \u00b1 3.4 (SD)", 3.4, None),
    ("12.1 \u00b1 3.4", 3.4, None),
])
def test_the_spread_named_after_plus_minus(printed, sd, se):
    from evidence_review.extract.grammar import Parse
    [summary] = Parse(printed)("mean_pm")
    assert (summary.sd, summary.se) == (sd, se)


def test_arms_means_with_their_spread_named_after_it_are_means_with_se():
    text = ("These differences were significantly greater following rituximab (mean 0.34 \u00b1 0.06(S.E.)) as "
            "compared to placebo (mean 0.17 \u00b1 0.05(S.E.)) (p = .03).")
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    got = [(r["value"], r["intervention"], r["se"]) for r in rows if r["measure"] == "MEAN"]
    assert got == [(pytest.approx(0.34), "rituximab", pytest.approx(0.06)),
                   (pytest.approx(0.17), "placebo", pytest.approx(0.05))]
