"""Ratios printed as multiples ("2.4 times more likely", "1.8-fold higher odds", "the probability ... was 5.2 times
more than that of ...") on sentences written for the tests: the measure from the noun, the interval after the
words, and multiples that are no estimate (no interval, a background figure, a dose)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

TRIAL = "Patients were randomly assigned to mepolizumab or placebo. "


def ratios(text: str) -> list[tuple]:
    rows = extract_document("doc", TRIAL + text, "doc.txt")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows
            if r["measure"] in ("OR", "RR", "HR", "IRR")]


@pytest.mark.parametrize("text, expected", [
    ("Patients on placebo were 2.4 times more likely to relapse than those on mepolizumab (95% CI 1.3 to 4.4; p = 0.004).",
     ("RR", 2.4, 1.3, 4.4)),
    ("Patients on placebo had 3.1-fold higher odds of an exacerbation (95% CI: 1.6-6.0).", ("OR", 3.1, 1.6, 6.0)),
    ("Placebo recipients had 2.75 times the odds of hospital admission [95% confidence interval 1.10, 6.87].",
     ("OR", 2.75, 1.1, 6.87)),
    ("Those on placebo showed a 1.9-fold increased hazard of death (95% CI 1.2-3.0, P = .01).", ("HR", 1.9, 1.2, 3.0)),
    ("Exacerbations occurred at a 2.2 times higher rate with placebo (95% CI 1.4 to 3.5).", ("IRR", 2.2, 1.4, 3.5)),
    ("Patients on placebo had a 1.7 times greater risk of needing oral steroids (95% CI, 1.1-2.6).", ("RR", 1.7, 1.1, 2.6)),
    ("The probability of needing rescue medication in the placebo group was 5.6 times more than that of the "
     "mepolizumab group (confidence interval) 95% equal to (1.92 to 16.3).", ("RR", 5.6, 1.92, 16.3)),
    ("The odds of a response with mepolizumab were 3.4 times higher than with placebo (95% CI 1.5 to 7.7).",
     ("OR", 3.4, 1.5, 7.7)),
    ("Children on placebo were 4 times as likely to wheeze (95% CI 1.5-10.7).", ("RR", 4.0, 1.5, 10.7)),
])
def test_a_multiple_with_its_interval_is_the_ratio_its_noun_names(text, expected):
    assert expected in ratios(text)


@pytest.mark.parametrize("text", [
    # no interval: a multiple alone is a comparison in words, not an estimate
    "Patients on placebo were 2.4 times more likely to relapse than those on mepolizumab.",
    # background: a property of a drug, not a ratio of the trial's arms
    "The reduced form is 6 to 10 times more bioavailable than the oxidized form (95% CI 4.1-12.0).",
    # a dose schedule
    "Mepolizumab was given three times daily for 2 weeks (95% CI not reported).",
    # the interval does not hold the value: another figure's
    "Patients on placebo were 2.4 times more likely to relapse, and the rate was 0.8 (95% CI 0.5 to 1.1).",
])
def test_a_multiple_that_is_no_estimate_is_not_read_as_a_ratio(text):
    assert not [r for r in ratios(text) if r[1] in (2.4, 6.0, 10.0, 3.0)]


def test_a_multiple_in_a_sample_size_calculation_is_not_a_result():
    text = ("Assuming that patients on placebo are 2.5 times more likely to relapse (95% CI 1.5-4.0), 120 patients "
            "were needed.")
    assert not [r for r in ratios(text) if r[1] == 2.5]


# ---------------------------------------------------------------- differences printed as magnitudes of less
def differences(text: str) -> list[tuple]:
    rows = extract_document("doc", "Patients were randomly assigned to pregabalin or placebo. " + text, "doc.txt")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"])
            for r in rows if r["measure"] in ("MD", "RD")]


@pytest.mark.parametrize("text, expected", [
    ("Pain scores were 1.4 points lower in the pregabalin group than in the placebo group (95% CI 0.6 to 2.2).",
     ("MD", 1.4, 0.6, 2.2, "placebo", "pregabalin")),
    ("Pain scores were 1.4 points lower in the pregabalin group compared to the placebo group (95% CI 0.6 to 2.2).",
     ("MD", 1.4, 0.6, 2.2, "placebo", "pregabalin")),
    ("Pain scores were 1.4 points lower in the pregabalin group (95% CI 0.6 to 2.2) compared to the placebo group.",
     ("MD", 1.4, 0.6, 2.2, "placebo", "pregabalin")),
    ("Pain scores were 1.4 points lower in the pregabalin group than in the placebo group (P = 0.01).",
     ("MD", 1.4, None, None, "placebo", "pregabalin")),
    # an interval across zero printed around the magnitude is the magnitude's
    ("Pain scores were 0.4 points lower in the pregabalin group than in the placebo group (95% CI -0.3 to 1.1).",
     ("MD", 0.4, -0.3, 1.1, "placebo", "pregabalin")),
    # a list of amounts closed by the comparative
    ("At 12 weeks, pain and sleep scores were 3.1 (95% CI 0.2 to 6.0) points and 2.6 points (95% CI 0.7 to 4.5) "
     "lower in the pregabalin group compared to placebo.", ("MD", 2.6, 0.7, 4.5, "placebo", "pregabalin")),
    # the control named lower: the value is the treatment minus the control, as the words order it
    ("Pain scores were 1.4 points lower in the placebo group than in the pregabalin group (95% CI 0.6 to 2.2).",
     ("MD", 1.4, 0.6, 2.2, "pregabalin", "placebo")),
])
def test_a_magnitude_of_less_is_the_other_arm_minus_the_arm_named_after_it(text, expected):
    """As the labelling rules store it: "X lower in A compared to B" is oriented as the value means (B minus A)."""
    assert expected in differences(text)


@pytest.mark.parametrize("text, expected", [
    # a comparative of more: A minus B, as printed
    ("Pain scores were 1.4 points higher in the placebo group than in the pregabalin group (95% CI 0.6 to 2.2).",
     ("MD", 1.4, 0.6, 2.2, "placebo", "pregabalin")),
    # the interval below zero: a signed difference of A minus B
    ("Pain scores were 1.4 points lower in the pregabalin group compared to the placebo group (95% CI -2.2 to -0.6).",
     ("MD", -1.4, -2.2, -0.6, "pregabalin", "placebo")),
    # a signed amount
    ("Pain scores were -1.4 points lower in the pregabalin group than in the placebo group (95% CI -2.2 to -0.6).",
     ("MD", -1.4, -2.2, -0.6, "pregabalin", "placebo")),
])
def test_a_difference_of_more_or_printed_with_its_sign_keeps_the_words_order(text, expected):
    assert expected in differences(text)


# ---------------------------------------------------------------- the kind of an unnamed multiple, from the arms' shares
@pytest.mark.parametrize("shares, value, expected", [
    # 52.5% vs 17.5%: risk ratio 3.0, odds ratio 5.2
    ("In the mepolizumab group, seven patients (17.5%) needed rescue medication while this figure was 21 patients "
     "(52.5%) in the placebo group (P = 0.001).", "5.2", "OR"),
    # 40% vs 20%: risk ratio 2.0, odds ratio 2.67
    ("Rescue medication was needed by 12 patients (40%) on placebo and 6 (20%) on mepolizumab.", "2.0", "RR"),
    ("Rescue medication was needed by 12 patients (40%) on placebo and 6 (20%) on mepolizumab.", "2.67", "OR"),
    # no shares before: the words' default
    ("Rescue medication was needed more often on placebo.", "2.4", "RR"),
    # shares that give neither: the default
    ("Rescue medication was needed by 12 patients (40%) on placebo and 6 (20%) on mepolizumab.", "3.9", "RR"),
])
def test_the_arms_shares_printed_before_decide_an_unnamed_multiples_kind(shares, value, expected):
    text = (shares + f" Patients on placebo were {value} times more likely to need rescue medication than those "
            "on mepolizumab (95% CI 1.05 to 19.8).")
    kinds = [r[0] for r in ratios(text) if r[1] == float(value)]
    assert kinds == [expected]


def test_a_multiple_whose_words_name_the_odds_is_not_turned_by_the_shares():
    text = ("Rescue medication was needed by 12 patients (40%) on placebo and 6 (20%) on mepolizumab. Patients on "
            "placebo had 2.0 times the odds of needing rescue medication (95% CI 1.1 to 3.6).")
    assert [r[0] for r in ratios(text) if r[1] == 2.0] == ["OR"]
    assert not any("ratio_kind" in str(r["flags"]) for r in extract_document("doc", TRIAL + text, "doc.txt"))


# ---------------------------------------------------------------- the standard error printed with a difference
@pytest.mark.parametrize("text", [
    "Pain scores fell more with mepolizumab than placebo (mean difference -1.4, SE 0.4, P = 0.001).",
    "Pain scores fell more with mepolizumab than placebo (mean difference -1.4 (SE 0.4), P = 0.001).",
    "Pain scores fell more with mepolizumab than placebo (difference [SE], -1.4 [0.4]; P = 0.001).",
    "Pain scores fell more with mepolizumab than placebo (mean difference -1.4, standard error 0.4; P = 0.001).",
    "Pain scores fell more with mepolizumab than placebo (MD -1.4; S.E. = 0.4; P = 0.001).",
])
def test_the_standard_error_after_a_difference_is_its_se_and_the_p_value_its_own(text):
    rows = [r for r in extract_document("doc", TRIAL + text, "doc.txt") if r["measure"] == "MD"]
    assert [(r["value"], r["se"], r["p_value"]) for r in rows] == [(-1.4, 0.4, 0.001)]


def test_a_bracket_after_a_difference_without_an_se_label_is_no_se():
    text = "Pain scores fell more with mepolizumab than placebo (mean difference -1.4 (n = 40), P = 0.001)."
    rows = [r for r in extract_document("doc", TRIAL + text, "doc.txt") if r["measure"] == "MD"]
    assert all(r["se"] is None for r in rows)
