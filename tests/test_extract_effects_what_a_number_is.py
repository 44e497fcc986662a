"""What a number is, decided once: a number whose printed name makes it a test statistic, a share of variance, a
correlation or a factor's regression coefficient is never an effect; two arms' summaries set side by side ("a (q1,
q3) versus b (q1, q3)") are no difference and its interval; a scale's size is no value; a column naming a ratio and a
difference gives each row its own (a ratio is never negative). And the interval of a named difference is
found past any unit or direction printed between them. Every sentence is written for these tests (a
drug and outcomes of no real document), with negatives of the same look."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.grammar import named_statistics, statistic_named_before, tokenize
from evidence_review.extract.pipeline import extract_one

TRIAL = "Adults with knee pain were randomly assigned to ketorolac (n = 64) or placebo (n = 62). "
ARM_LEVEL = ("PROPORTION", "MEAN", "MEDIAN")


def _effects(text: str) -> list[tuple]:
    rows, _, _ = extract_one("doc", TRIAL + text, "doc.txt")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["measure"] not in ARM_LEVEL]


# ------------------------------------------------------------------------------------------ the grammar's names
@pytest.mark.parametrize("text, kind", [
    ("(F(2, 96) = 3.87", "test"), ("F2,96 = 3.87", "test"), ("F [1, 40] = 7.02", "test"), ("t(61) = -2.2", "test"),
    ("Z = -3.05", "test"), ("U = 845", "test"), ("\u03c72(2) = 9.1", "test"), ("the chi-square was 9.1", "test"),
    ("partial \u03b72 = 0.06", "variance"), ("\u03b7p2 = 0.14", "variance"), ("eta squared = 0.2", "variance"),
    ("R2 = 0.44", "variance"), ("r = -0.36", "correlation"), ("rho = 0.29", "correlation"), ("(r 0.42", "correlation"),
    ("Pearson's correlation coefficient was 0.61", "correlation"), ("\u03b2 = 0.19", "coefficient"),
    ("B = 2.7", "coefficient"), ("standardized coefficient 0.33", "coefficient"),
])
def test_a_statistics_printed_name_says_what_it_is(text, kind):
    assert statistic_named_before(text, _last_number(text)) == kind


@pytest.mark.parametrize("text", ["OR 1.9", "mean difference = 2.4", "group B = 3.3", "arm B: 3.3", "d = 0.41",
                                  "HbA1c = 7.9", "the score of 12", "Hedges' g = 0.3"])
def test_a_measure_an_arm_or_a_quantity_is_no_named_statistic(text):
    assert statistic_named_before(text, _last_number(text)) is None


def test_a_bracketed_df_names_a_test_in_a_sentence_without_any_equals_sign():
    text = "Stiffness differed (F(1, 124) 5.37, P 0.022)"
    assert named_statistics(text) == {text.index("5.37"): "test"}


def test_named_statistics_is_empty_without_any_name_of_a_statistic():
    assert named_statistics("Pain fell by 2.1 points (95% CI 1.2 to 3.0) with ketorolac.") == {}


def _last_number(text: str) -> int:
    return tokenize(text)[-1].start


# ------------------------------------------------------------------------------------------ no effect
@pytest.mark.parametrize("sentence", [
    "Stiffness differed between the arms (F1,124 = 5.37, P = 0.022).",
    "Function improved more with ketorolac (F(1, 124) = 6.8, p = 0.01, partial \u03b72 = 0.05).",
    "There was a group by time interaction for stiffness (F [2, 248] = 4.4; P = .013; \u03b7p2 = 0.03).",
    "Stiffness correlated with function (r = 0.47, 95% CI 0.32 to 0.60, p < 0.001).",
    "In the regression, older age predicted more stiffness (\u03b2 = 0.24, 95% CI 0.07 to 0.41, p = 0.006).",
    "Walking speed was associated with body weight (B = -0.9, 95% CI -1.5 to -0.3).",
    "Stiffness differed between the arms (F1/124 = 5.37; p = 0.022).",
    "Stiffness differed between the arms (F(1, 124) 5.37, p = 0.022).",
    "Stiffness differed between the arms (t-value 2.31; p = 0.022).",
    "Falls differed between the arms (\u03c72 test, 5.3; p = 0.021).",
])
def test_a_test_statistic_a_correlation_or_a_factors_coefficient_is_no_effect(sentence):
    assert _effects(sentence) == []


@pytest.mark.parametrize("sentence", [
    "There was a significant difference in time to walking (5 (4, 7) vs 8 (6, 10) days, p = 0.003).",
    "Ketorolac shortened the stay, 3 (2-5) versus 5 (3-7) days, and reduced nausea (OR 0.42, 95% CI 0.21-0.84).",
    "Opioid use differed (12.5 [9.0-16.0] mg compared with 18.0 [14.5-22.5] mg; P < 0.001).",
])
def test_two_arms_summaries_side_by_side_are_no_difference(sentence):
    assert [e for e in _effects(sentence) if e[0] != "OR"] == []


def test_a_difference_after_two_arms_summaries_is_still_read():
    assert _effects("Stay was 3 (2-5) versus 5 (3-7) days (median difference 2 days, 95% CI 1 to 3).") == [
        ("MD", 2.0, 1.0, 3.0)]


def test_the_size_of_a_scale_is_no_value():
    assert _effects("Stiffness was lower with ketorolac (mean difference, -0.9 points on an 11-point scale; 95% CI, "
                    "-1.4 to -0.4).") == [("MD", -0.9, -1.4, -0.4)]


# ------------------------------------------------------------------------------------------ the interval found
@pytest.mark.parametrize("sentence, expected", [
    ("The difference in waist size was -1.7 cm in favour of ketorolac (95% CI -2.9 to -0.5; P = 0.006).",
     ("MD", -1.7, -2.9, -0.5)),
    ("Ketorolac shortened the walk test by 3.1 seconds compared with placebo (95% CI 1.4-4.8).", ("MD", 3.1, 1.4, 4.8)),
    ("The difference in BMI was -0.6 kg/m2 (95% CI -1.0 to -0.2).", ("MD", -0.6, -1.0, -0.2)),
    ("The mean difference in creatinine clearance was 5.5 mL/min/1.73 m2 (95% CI 2.0 to 9.0).", ("MD", 5.5, 2.0, 9.0)),
    ("The adjusted difference in pulse was -3.3 beats per minute (95% CI -5.0 to -1.6).", ("MD", -3.3, -5.0, -1.6)),
    ("The difference in stiffness was -0.8 cm on the VAS (95% CI -1.3 to -0.3).", ("MD", -0.8, -1.3, -0.3)),
])
def test_a_named_differences_interval_past_its_unit_or_direction(sentence, expected):
    assert _effects(sentence) == [expected]


def test_a_second_value_between_a_difference_and_an_interval_keeps_the_interval_from_it():
    # "at 6 weeks and 2.9 at 12 weeks" is no unit: the interval is the later value's
    got = _effects("The mean difference was 1.8 at 6 weeks and 2.9 at 12 weeks (95% CI 1.1 to 4.7).")
    assert ("MD", 1.8, 1.1, 4.7) not in got


@pytest.mark.parametrize("sentence, expected", [
    ("Falls were fewer with ketorolac (aRR 0.71, 95% CI 0.55-0.92).", ("RR", 0.71, 0.55, 0.92)),
    ("Infections were fewer with ketorolac (aIRR 0.64; 95% CI 0.45 to 0.91).", ("IRR", 0.64, 0.45, 0.91)),
])
def test_an_adjusted_ratios_abbreviation_names_its_measure(sentence, expected):
    assert _effects(sentence) == [expected]


# ------------------------------------------------------------------------------------------ a table's effect column
def _table_effects(header: str, *body: str) -> list[tuple]:
    text = TRIAL + "\nTable 2. Outcomes at 12 weeks\n" + header + "\n" + "\n".join(body) + "\n"
    _, rows = read_pipe_table(text, header, "Table 2. Outcomes at 12 weeks")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["outcome"]) for r in rows or []
            if r["measure"] not in ARM_LEVEL]


@pytest.mark.parametrize("header_words", ["Adjusted RR/MD (95% CI)", "OR or mean difference (95% CI)"])
def test_a_column_naming_a_ratio_and_a_difference_gives_each_row_its_own(header_words):
    ratio = "RR" if "RR" in header_words else "OR"
    header = f"| Outcome | Ketorolac (n = 64) | Placebo (n = 62) | {header_words} |"
    assert _table_effects(header, "| Falls, n (%) | 9 (14.1) | 17 (27.4) | 0.51 (0.25-0.98) |",
                          "| Stiffness score, mean (SD) | 2.2 (0.9) | 2.9 (1.1) | -0.7 (-1.1 to -0.3) |") == [
        (ratio, 0.51, 0.25, 0.98, "Falls"), ("MD", -0.7, -1.1, -0.3, "Stiffness score")]


def test_a_mixed_columns_cell_below_zero_is_the_difference_whatever_the_row():
    header = "| Outcome | Ketorolac (n = 64) | Placebo (n = 62) | Adjusted RR or difference (95% CI) |"
    assert _table_effects(header, "| Falls | 9 | 17 | 0.51 (0.25-0.98) |", "| Stiffness score | 2.2 | 2.9 | -0.7 (-1.1 to -0.3) |") \
        == [("RR", 0.51, 0.25, 0.98, "Falls"), ("MD", -0.7, -1.1, -0.3, "Stiffness score")]


def test_a_ratio_of_zero_events_stays_a_ratio():
    header = "| Outcome | Ketorolac (n = 64) | Placebo (n = 62) | Risk ratio or mean difference (95% CI) |"
    assert _table_effects(header, "| Falls, n (%) | 0 (0) | 4 (6.5) | 0.00 [0.00, 2.10] |") == [
        ("RR", 0.0, 0.0, 2.1, "Falls")]


# ------------------------------------------------------------------------------------------ one group's own change
def test_a_difference_that_is_the_change_between_two_printed_levels_is_one_groups_change():
    rows, _, _ = extract_one("doc", TRIAL + "Stiffness fell from 6.4 to 4.1 points (difference -2.3 points, 95% CI -2.9 "
                             "to -1.7) with ketorolac.", "doc.txt")
    assert not [r for r in rows if r["measure"] not in ARM_LEVEL]
    assert ("MEAN", -2.3, "ketorolac") in [(r["measure"], r["value"], r["intervention"]) for r in rows]


def test_a_difference_beside_two_groups_levels_stays_the_difference_between_them():
    assert _effects("Stiffness fell from 6.4 to 4.1 points with ketorolac and from 6.2 to 5.6 points with placebo "
                    "(difference -1.7 points, 95% CI -2.3 to -1.1).") == [("MD", -1.7, -2.3, -1.1)]


# ------------------------------------------------------------------------------------------ a summary, not a ratio
@pytest.mark.parametrize("sentence", [
    "On arrival, RR was 24 (20-28) with ketorolac and 23 (19-27) with placebo.",
    "Observations: HR 92 (80-104), RR 19 (16-22), SpO2 97 (95-99).",
    "HR was 78 (70-86) beats/min with ketorolac versus 80 (72-88) with placebo.",
])
def test_a_heart_or_breathing_rate_with_its_spread_is_no_ratio(sentence):
    assert _effects(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Falls were fewer with ketorolac (RR 0.48 (0.27-0.86)).", ("RR", 0.48, 0.27, 0.86)),
    ("Relapse was more frequent with ketorolac (HR 12 (95% CI 3-48)).", ("HR", 12.0, 3.0, 48.0)),
    ("Response was more frequent with ketorolac (OR 14.2 (3.1-65.0)).", ("OR", 14.2, 3.1, 65.0)),
])
def test_a_ratio_keeps_its_interval(sentence, expected):
    assert _effects(sentence) == [expected]


# ------------------------------------------------------------------------------------------ each arm's own value
@pytest.mark.parametrize("sentence", [
    "Stiffness fell by 1.9 points (95% CI 1.3-2.5) with ketorolac and 0.7 points (95% CI 0.2-1.2) with placebo.",
    "The gain in walking distance was larger with ketorolac (41 m, 95% CI 30-52) than with placebo (17 m, 95% CI 6-28).",
])
def test_each_arms_own_value_with_its_interval_beside_the_others_is_no_difference(sentence):
    assert _effects(sentence) == []


def test_the_difference_printed_after_two_arms_changes_stays_the_difference():
    assert _effects("The change from baseline was -1.9 (95% CI -2.5, -1.3) with ketorolac vs -0.7 (95% CI -1.2, -0.2) "
                    "with placebo; difference -1.2 (95% CI -1.9, -0.5).") == [("MD", -1.2, -1.9, -0.5)]


def test_differences_of_two_subgroups_listed_with_and_stay_differences():
    assert _effects("The mean difference was 2.1 (95% CI 0.9 to 3.3) in women and 1.5 (95% CI 0.2 to 2.8) in men.") == [
        ("MD", 2.1, 0.9, 3.3), ("MD", 1.5, 0.2, 2.8)]


@pytest.mark.parametrize("sentence, expected", [
    ("Least-squares mean differences were 0.4 (95% CI -0.2 to 1.0) in the first phase and -0.9 (95% CI -1.7 to -0.1) in "
     "the second phase.", [("MD", 0.4, -0.2, 1.0), ("MD", -0.9, -1.7, -0.1)]),
    ("The difference from placebo was 1.9 points (95% CI 1.3 to 2.5) with ketorolac and 0.8 points (95% CI 0.2 to 1.4) "
     "with ketorolac 10 mg.", [("MD", 1.9, 1.3, 2.5), ("MD", 0.8, 0.2, 1.4)]),
])
def test_values_named_differences_before_them_stay_differences_whatever_follows(sentence, expected):
    assert _effects(sentence) == expected


@pytest.mark.parametrize("text, number, kind", [
    ("The CHI-SQUARED 4.1 was significant.", "4.1", "test"),                       # a capitalised name: the words
    ("Groups differed (Mann-Whitney U 412, p = 0.03).", "412", "test"),            # are looked for case-folded
    ("SPEARMAN'S CORRELATION COEFFICIENT WAS 0.42 for age.", "0.42", "correlation"),
    ("Scores rose with dose (Slope of 1.2 per week).", "1.2", "coefficient"),
    ("The partial eta squared was 0.09 for time.", "0.09", "variance"),
    ("Pain and sleep went together (r 0.42).", "0.42", "correlation"),              # a letter before a coefficient
    ("Time had an effect, F(2, 40) 6.1.", "6.1", "test"),                          # a test with its degrees of freedom
    ("Age predicted recovery (\u03b2 = 0.31).", "0.31", "coefficient"),             # a sign
])
def test_named_statistics_finds_each_kind_of_name(text, number, kind):
    assert named_statistics(text) == {text.index(number): kind}


# ------------------------------------------------------------------------------ effect sizes of one arm's change
@pytest.mark.parametrize("text, kept", [
    ("The within-group effect sizes on pain were large for both arms at week 6 (ketorolac d=0.82 vs placebo d=0.71).",
     []),
    ("Within the placebo group, only stiffness improved (p = 0.03, effect size = 0.44).", []),
    ("The margin was a lower-bound pre-post within-group effect size of 0.29.", []),
    ("Intragroup effect sizes for anxiety were moderate (yoga d=0.58, waitlist d=0.21).", []),
    # the between-group one, nearer the value than the within-group words, stays the arms' difference
    ("Within-group effect sizes were large (ketorolac d=0.82, placebo d=0.71), whereas the between-group effect size "
     "was small (d=0.12, 95% CI -0.09 to 0.33).", [("SMD", 0.12, -0.09, 0.33)]),
    ("The difference between the groups was d = 0.38 (95% CI 0.02 to 0.74).", [("SMD", 0.38, 0.02, 0.74)]),
])
def test_within_group_effect_sizes_are_no_difference_of_the_arms(text, kept):
    assert [e for e in _effects(text) if e[0] == "SMD"] == kept


@pytest.mark.parametrize("text", [
    "Pain scores were lower with ketorolac than with placebo at day 3 (f (1,124) = 84.6, P < 0.0001).",
    "Ketorolac was noninferior to placebo at day 3 (t 124=2.318, P=.01; 95% CI -1.12 to 3.05).",
])
def test_test_statistics_printed_without_their_usual_brackets_are_no_differences(text):
    assert named_statistics(text)
    assert [e for e in _effects(text) if e[1] in (84.6, 2.318)] == []
