"""Dose comparisons: in a trial of two doses of one drug and a control, an estimate the words give to the two doses
compares the doses ("X 4 mg versus 2 mg: OR 1.40"), never the drug with the control."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

THREE_ARMS = "Adults were randomized to velorant 8 mg, velorant 4 mg or placebo once daily for 12 weeks. "


def comparisons(text: str) -> list[tuple]:
    study = build_study("doc", text, None)
    return [(r["measure"], r["value"], r["intervention"], r["comparator"])
            for r in extract_document("doc", text, "doc.txt", study=study) if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("sentence, value, intervention, comparator", [
    ("For velorant 8 mg versus 4 mg, the OR for response was 1.40 (95% CI 1.02-1.93).", 1.40, "velorant 8 mg", "velorant 4 mg"),
    ("Response: velorant 8 mg vs 4 mg: OR 1.52 (95% CI 1.10-2.08).", 1.52, "velorant 8 mg", "velorant 4 mg"),
    ("The difference between the 8-mg and 4-mg groups was 2.6 points (95% CI 0.4 to 4.8).", 2.6, "velorant 8 mg", "velorant 4 mg"),
    ("Compared with 4 mg, velorant 8 mg gave a higher response (RR 1.21, 95% CI 1.03-1.42).", 1.21, "velorant 8 mg", "velorant 4 mg"),
    ("Velorant 4 mg compared with velorant 8 mg: HR 1.30 (95% CI 1.01-1.67).", 1.30, "velorant 4 mg", "velorant 8 mg"),
    ("The higher dose vs. the lower dose: HR 0.81 (95% CI 0.66-0.99).", 0.81, "velorant 8 mg", "velorant 4 mg"),
    ("The OR was 1.33 (95% CI 1.02-1.74) for 8 mg relative to 4 mg.", 1.33, "velorant 8 mg", "velorant 4 mg"),
])
def test_two_doses_compared_by_the_words(sentence, value, intervention, comparator):
    rows = [r for r in comparisons(THREE_ARMS + sentence) if r[1] == value]
    assert rows == [(rows[0][0], value, intervention, comparator)], comparisons(THREE_ARMS + sentence)


def test_each_comparison_of_a_list_keeps_its_own_pair():
    rows = comparisons(THREE_ARMS + "The OR for remission was 1.33 (95% CI 1.02-1.74) for 8 mg vs. 4 mg and 2.10 "
                                    "(95% CI 1.50-2.90) for 8 mg vs. placebo.")
    assert [r[2:] for r in rows] == [("velorant 8 mg", "velorant 4 mg"), ("velorant 8 mg", "placebo")]


@pytest.mark.parametrize("sentence, value", [
    # one dose against the control: no dose comparison
    ("Response was higher with velorant 8 mg than with placebo (OR 2.10, 95% CI 1.40-3.10).", 2.10),
    # a three-way comparison names no one pair of doses
    ("Velorant 8 mg vs 4 mg vs placebo: P for trend 0.01; OR 1.90 (95% CI 1.20-3.00).", 1.90),
])
def test_the_control_comparison_stays(sentence, value):
    rows = [r for r in comparisons(THREE_ARMS + sentence) if r[1] == value]
    assert rows and all(r[3] != "velorant 4 mg" for r in rows), rows


def test_two_doses_listed_with_and_are_no_comparison_of_doses():
    rows = comparisons(THREE_ARMS + "Velorant 8 mg and 4 mg both raised the response over placebo (OR 2.40 and 1.90, "
                                    "respectively).")
    assert rows and all(r[3] not in ("velorant 4 mg", "velorant 8 mg") for r in rows), rows


def test_no_dose_arms_no_dose_pair():
    # a trial of one drug's dose against another drug's: no two doses of one drug, the drugs are compared
    text = ("Adults were randomized to velorant 8 mg or mirtazine 15 mg for 12 weeks. "
            "Velorant 8 mg versus mirtazine 15 mg: OR 1.25 (95% CI 0.90-1.73).")
    assert comparisons(text) == [("OR", 1.25, "velorant", "mirtazine")]
