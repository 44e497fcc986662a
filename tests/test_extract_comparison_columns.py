"""Columns that test or compare the arms (extract/column_roles.comparison_role, names_interval): no arm's figures are
read from them, and the effect beside them takes its interval, standard error and arms from them.

Every table and header here is written for the test (other fields, names and numbers than any document of the
corpora), each with negatives of the same look."""
from __future__ import annotations

import pytest

from evidence_review.extract.column_roles import column_role, comparison_role, names_interval
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table, read_tables


@pytest.mark.parametrize("text, role", [
    ("P=", "p"), ("p =", "p"), ("P °", "p"), ("P†", "p"), ("Sig.", "p"),
    ("t(27)", "test"), ("F(2, 41)", "test"), ("χ2(1)", "test"), ("t", "test"), ("z", "test"), ("t value", "test"),
    ("df", "df"), ("d.f.", "df"),
    ("ES", "effect_size"), ("Effect size (P)", "effect_size"), ("Cohen's d", "effect_size"), ("d", "effect_size"),
    ("ES (95% CI)", "effect_size"), ("partial η²", "effect_size"),
    ("S.E. of difference", "se"), ("SE of the difference", "se"), ("Standard error of mean difference", "se"),
    ("NNT", "nnt"), ("NNH (95% CI)", "nnt"),
])
def test_comparison_role_reads_any_spelling(text, role):
    assert comparison_role(text) == role


@pytest.mark.parametrize("text", ["Placebo", "F", "Female", "T", "D", "H", "U", "Z", "T2", "Post", "Pain", "SD", "M",
                                  "Mean difference", "Difference", "P1", "PL", "Peak", "HR", "Es-group (n = 12)",
                                  "SE", "(a) × (b)", "Week 6", "", "P- (mmol/L)", "P-", "P (mg/dL)", "Cl- (mmol/L)"])
def test_comparison_role_leaves_arms_times_statistics_and_differences(text):
    assert comparison_role(text) is None


@pytest.mark.parametrize("text", ["95% CI", "(95% CI)", "95%CI", "CI 95%", "95% Cl", "95% Cl (%)", "95% CI, mmHg",
                                  "95% confidence limits", "[90% CI]"])
def test_names_interval(text):
    assert names_interval(text)


@pytest.mark.parametrize("text", ["Cl", "Cl (mmol/L)", "Class", "Clinic", "CIs", "Chloride", "CI group"])
def test_names_interval_leaves_chloride_and_words(text):
    assert not names_interval(text)


def test_column_role_test_statistic_under_a_difference_is_no_arm():
    # whatever the study model resolves (a label "t(21)" is never the arm of 21 patients)
    assert column_role(("Difference", "t(21)"), ["0.44", "2.90"], lambda t: True) == "test"
    assert column_role(("Difference", "df"), ["21", "21"]) == "test"
    assert column_role(("Difference", "P="), ["0.44", "0.02"]) == "p"
    assert column_role(("Difference", "M"), ["12", "-3.5"]) is None


def _grid(rows: list[list[str]], heads: int, caption: str) -> dict:
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cells.append({"row": r, "col": c, "text": text, "start": 0, "end": 0, "header": r < heads})
    return {"table_id": "T2", "caption": caption, "header_rows": list(range(heads)), "cells": cells}


_TEXT = ("Methods. Forty-one adults with tinnitus were randomised to sound therapy (n = 20) or waiting list (n = 21) "
         "for ten weeks.")


def test_difference_column_beside_a_test_statistic_reads_its_arms_from_the_arithmetic():
    table = _grid([
        ["Score", "Time", "Group", "Group", "Difference", "Difference", "Difference"],
        ["Score", "Time", "Waiting list (n = 21) (M ± SD)", "Sound therapy (n = 20) (M ± SD)", "M", "t(39)", "p"],
        ["Loudness", "Start", "62 ± 11", "60 ± 14", "2", "0.51", "0.61"],
        ["Loudness", "End", "61 ± 12", "48 ± 13", "13", "3.32", "0.002"],
        ["Accuracy (%)", "Start", "71.5 ± 8.2", "70.1 ± 9.0", "1.4", "0.52", "0.60"],
        ["Accuracy (%)", "End", "72.0 ± 7.7", "80.3 ± 6.1", "-8.3", "3.80", "<0.001"],
    ], heads=2, caption="Table 2. Scores by group")
    study = build_study("d", _TEXT, {"tables": [table]})
    # no arm is made of the test's column ("t(39)" is no arm of 39 patients)
    assert sorted(a.n for a in study.arms) == [20, 21]
    rows = read_tables("d", _TEXT, {"tables": [table]}, study)[0]
    effects = [r for r in rows if r["measure"] not in ("MEAN", "MEDIAN", "PROPORTION")]
    # the M column, waiting list minus sound therapy, never the t or p column; a percentage's mean difference is an MD
    assert sorted(r["value"] for r in effects) == [-8.3, 1.4, 2, 13]
    assert {r["measure"] for r in effects} == {"MD"}
    waiting = next(a.canonical for a in study.arms if a.n == 21)
    assert all(r["intervention"] == waiting and "sound" in str(r["comparator"]).lower() for r in effects)
    assert not any(r["value"] in (0.51, 3.32, 0.52, 3.8) for r in rows)


def test_treatment_difference_with_its_standard_error_in_the_next_column():
    table = _grid([
        ["Marker", "Waiting list", "Waiting list", "Sound therapy", "Sound therapy", "Treatment difference",
         "S.E. of difference", "P-value of difference"],
        ["Marker", "Before", "After", "Before", "After", "Treatment difference", "S.E. of difference",
         "P-value of difference"],
        ["Cortisol (nmol/L)", "410", "402", "415", "371", "-36.0", "12.5", "p = 0.006"],
        ["Heart rate (bpm)", "71.2", "70.4", "72.0", "69.1", "-2.1", "1.9", "0.27"],
    ], heads=2, caption="Table 3. Markers before and after ten weeks")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    effects = sorted((r["measure"], r["value"], r["se"]) for r in rows
                     if r["measure"] not in ("MEAN", "MEDIAN", "PROPORTION"))
    # the difference with its standard error; the standard error is never read as a difference itself
    assert effects == [("MD", -36.0, 12.5), ("MD", -2.1, 1.9)]


def test_an_interval_column_headed_with_a_lower_case_l_and_a_unit():
    table = _grid([
        ["Week", "Outcome", "LS Mean (SE)", "LS Mean (SE)", "Difference in LS Means (%)", "Difference in LS Means (%)",
         "Difference in LS Means (%)"],
        ["Week", "Outcome", "Sound therapy (n=20)", "Waiting list (n=21)", "Sound therapy versus Waiting list",
         "95% Cl (%)", "p-value"],
        ["Week 10", "Distress", "-18.2 (2.4)", "-9.9 (2.3)", "-8.30", "-14.91, -1.69", "0.015"],
        ["Week 10", "Sleep", "-4.1 (1.9)", "-3.5 (1.8)", "-0.62", "-5.80, 4.56", "0.81"],
    ], heads=2, caption="Table 2. Percent change from baseline")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    effects = sorted((r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["measure"] == "MD")
    assert effects == [(-8.3, -14.91, -1.69), (-0.62, -5.8, 4.56)]


def test_p_columns_of_a_factorial_anova_over_arm_rows_give_no_means():
    text = ("Methods. Thirty adults with knee pain were randomised to aquatic exercise (n = 15) or a control group "
            "(n = 15) for eight weeks.")
    table = _grid([
        ["Variable", "Group", "Time", "Time", "P=", "P=", "P="],
        ["Variable", "Group", "Before", "After", "(a)*", "(b)†", "(a × b)‡"],
        ["Knee pain", "Aquatic exercise", "5.1 ± 1.2", "3.2 ± 1.4", "0.012", "0.300", "0.041"],
        ["Knee pain", "Control", "5.0 ± 1.3", "4.8 ± 1.1", "0.012", "0.300", "0.041"],
        ["Stair climb (s)", "Aquatic exercise", "14.2 ± 3.1", "11.9 ± 2.6", "0.022", "0.610", "0.090"],
        ["Stair climb (s)", "Control", "14.6 ± 2.9", "14.1 ± 3.0", "0.022", "0.610", "0.090"],
    ], heads=2, caption="Table 2. Outcomes before and after eight weeks (mean ± SD)")
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study) or []
    means = sorted(r["value"] for r in rows if r["measure"] == "MEAN")
    assert means == sorted([5.1, 3.2, 5.0, 4.8, 14.2, 11.9, 14.6, 14.1])


def test_effect_size_and_p_columns_beside_arm_rows_give_no_means():
    text = "Methods. Twenty residents received hand massage (H) and rest (C) in random order."
    table = _grid([
        ["Outcome", "Arm", "Means ± SD", "Means ± SD", "Means ± SD", "ES", "P °"],
        ["Outcome", "Arm", "Baseline", "After", "Change from baseline", "ES", "P °"],
        ["Heart rate (bpm)", "", "74 ± 9", "", "", "", ""],
        ["", "H", "", "69 ± 8", "-5.0", "-.55", ""],
        ["", "C", "", "72 ± 9", "-2.0", "-.22", "0.04"],
        ["Anxiety score", "", "31 ± 6", "", "", "", ""],
        ["", "H", "", "25 ± 5", "-6.1", "-.98", ""],
        ["", "C", "", "29 ± 6", "-2.3", "-.37", "0.03"],
    ], heads=2, caption="Table 1. Means and SDs, changes and effect sizes")
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study) or []
    assert not any(r["value"] in (-0.55, -0.22, 0.04, -0.98, -0.37, 0.03) for r in rows)
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN" and r["value"] > 20) == [25, 29, 69, 72]


_THREE_ARM_TEXT = ("Methods. Ninety adults with insomnia were randomised to melatonin (MEL group, n = 30), valerian (VAL "
                   "group, n = 30) or placebo (PLA group, n = 30).")


def test_pairwise_post_hoc_table_one_difference_per_pair_of_groups():
    table = _grid([
        ["(I) Group", "(J) Group", "Mean Difference (I-J)", "Sig.", "95% Confidence Interval", "95% Confidence Interval"],
        ["(I) Group", "(J) Group", "Mean Difference (I-J)", "Sig.", "Lower Bound", "Upper Bound"],
        ["MEL", "", "", "", "", ""],
        ["", "VAL", "0.42*", "0.010", "0.08", "0.76"],
        ["", "PLA", "1.30*", "0.000", "0.96", "1.64"],
        ["VAL", "", "", "", "", ""],
        ["", "MEL", "-0.42*", "0.010", "-0.76", "-0.08"],
        ["", "PLA", "0.88*", "0.000", "0.54", "1.22"],
        ["PLA", "", "", "", "", ""],
        ["", "MEL", "-1.30*", "0.000", "-1.64", "-0.96"],
        ["", "VAL", "-0.88*", "0.000", "-1.22", "-0.54"],
    ], heads=2, caption="Table 3. Multiple comparisons of sleep latency")
    study = build_study("d", _THREE_ARM_TEXT, {"tables": [table]})
    rows = read_table("d", _THREE_ARM_TEXT, table, study) or []
    # each pair once (J − I restates I − J), the first group minus the second, with the bounds of its own columns
    got = sorted((r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows)
    assert got == [("MD", 0.42, 0.08, 0.76), ("MD", 0.88, 0.54, 1.22), ("MD", 1.3, 0.96, 1.64)]
    first = next(r for r in rows if r["value"] == 0.42)
    assert str(first["intervention"]).lower().startswith("mel") and str(first["comparator"]).lower().startswith("val")


def test_pairwise_rows_with_both_groups_on_the_row():
    table = _grid([
        ["Groups", "Paired comparisons", "Mean difference", "P"],
        ["Early start", "Late start", "-2.40", "0.004"],
        ["Early start", "No exercise", "-3.10", "<0.001"],
        ["Late start", "No exercise", "-0.70", "0.41"],
    ], heads=1, caption="Table 4. Paired comparisons of pain scores")
    text = "Methods. Sixty patients started exercise early, late, or not at all after surgery."
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study) or []
    assert sorted(r["value"] for r in rows if r["measure"] == "MD") == [-3.1, -2.4, -0.7]


def test_a_table_of_outcomes_with_a_difference_column_is_no_table_of_pairs():
    # the second column holds figures, not groups that are also first groups
    table = _grid([
        ["Outcome", "Week", "Mean difference", "P"],
        ["Sleep latency", "4", "-2.40", "0.004"],
        ["Sleep latency", "8", "-3.10", "<0.001"],
    ], heads=1, caption="Table 2. Differences")
    from evidence_review.extract.table_effects import pairwise_comparisons
    from evidence_review.extract.column_roles import names_p
    headers = {c: [t] for c, t in enumerate(["Outcome", "Week", "Mean difference", "P"])}
    body = [{0: "Sleep latency", 1: "4", 2: "-2.40", 3: "0.004"}, {0: "Sleep latency", 1: "8", 2: "-3.10", 3: "<0.001"}]
    assert pairwise_comparisons(headers, body, names_p, names_interval) == []
    # groups compared with themselves, or second groups that are never first groups: no table of pairs
    body = [{0: "Men", 1: "Women", 2: "1.2", 3: "0.3"}, {0: "Old", 1: "Young", 2: "0.4", 3: "0.6"}]
    assert pairwise_comparisons(headers, body, names_p, names_interval) == []
    assert table


def test_effect_size_column_printing_its_p_value_in_brackets():
    table = _grid([
        ["", "Sound therapy (n = 20)", "Waiting list (n = 21)", "Effect size (P)"],
        ["Loudness", "48.1 ± 12.0", "58.3 ± 13.1", "-0.81 (0.01)"],
        ["Distress", "30.2 ± 9.5", "33.0 ± 10.2", "-0.28 (0.37)"],
    ], heads=1, caption="Table 2. Outcomes after ten weeks")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    got = sorted((r["measure"], r["value"], r["p_value"]) for r in rows if r["measure"] == "SMD")
    assert got == [("SMD", -0.81, 0.01), ("SMD", -0.28, 0.37)]
    # the bracket is no interval and no spread
    assert all(r["ci_low"] is None for r in rows if r["measure"] == "SMD")


def test_an_effect_size_column_that_prints_the_raw_difference_of_the_changes_is_an_md():
    table = _grid([
        ["", "Waiting list (n = 21)", "Waiting list (n = 21)", "Waiting list (n = 21)", "Sound therapy (n = 20)",
         "Sound therapy (n = 20)", "Sound therapy (n = 20)", "Effect Size", "p-value"],
        ["", "Pre", "Post", "change", "Pre", "Post", "change", "", ""],
        ["Loudness", "60.2 (11.0)", "59.1 (12.2)", "-1.10", "61.0 (10.4)", "50.3 (9.9)", "-10.70", "-9.60", "0.003"],
        ["Distress", "33.1 (9.0)", "33.4 (8.7)", "+0.30", "32.8 (9.6)", "30.1 (9.1)", "-2.70", "-3.00", "0.21"],
    ], heads=2, caption="Table 3. Changes in scores")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    effects = sorted((r["measure"], r["value"]) for r in rows if r["measure"] in ("MD", "SMD"))
    assert effects == [("MD", -9.6), ("MD", -3.0)]
    assert all("sound" in str(r["intervention"]).lower() for r in rows if r["measure"] == "MD")


def test_an_effect_size_column_of_standardized_values_stays_smd():
    # -0.85 and -0.30 are no difference of the changes printed beside them
    table = _grid([
        ["", "Waiting list (n = 21)", "Waiting list (n = 21)", "Sound therapy (n = 20)", "Sound therapy (n = 20)",
         "Effect Size"],
        ["", "Pre", "change", "Pre", "change", ""],
        ["Loudness", "60.2 (11.0)", "-1.10", "61.0 (10.4)", "-10.70", "-0.85"],
        ["Distress", "33.1 (9.0)", "+0.30", "32.8 (9.6)", "-2.70", "-0.30"],
    ], heads=2, caption="Table 3. Changes in scores")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    assert sorted((r["measure"], r["value"]) for r in rows if r["measure"] in ("MD", "SMD")) == \
        [("SMD", -0.85), ("SMD", -0.3)]


def test_a_standardized_difference_at_baseline_is_the_arms_balance_not_an_effect():
    table = _grid([
        ["Variable", "", "Mean ± SD", "Mean ± SD", "Mean difference (95% CI)", "P Value", "Cohen's d"],
        ["", "N", "Sound therapy", "Waiting list", "", "", ""],
        ["Loudness", "", "", "", "", "", ""],
        ["Baseline", "41", "61.0 ± 10.4", "60.2 ± 11.0", "0.8 (-5.9 to 7.5)", "0.81", ".07"],
        ["Week 10", "39", "50.3 ± 9.9", "59.1 ± 12.2", "8.8 (1.7 to 15.9)", "0.017", ".79"],
    ], heads=2, caption="Table 2. Outcomes at baseline and after ten weeks")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    assert sorted(r["value"] for r in rows if r["measure"] == "SMD") == [0.79]
    # the baseline row's raw difference is still read
    assert sorted(r["value"] for r in rows if r["measure"] == "MD") == [0.8, 8.8]


def test_least_squares_mean_differences_are_a_models_adjusted_estimates():
    table = _grid([
        ["Week", "Outcome", "LS Mean (SE)", "LS Mean (SE)", "Difference in LS Means", "Difference in LS Means"],
        ["Week", "Outcome", "Sound therapy (n=20)", "Waiting list (n=21)", "Sound therapy versus Waiting list",
         "95% CI"],
        ["Week 10", "Distress", "-18.2 (2.4)", "-9.9 (2.3)", "-8.30", "-14.91 to -1.69"],
    ], heads=2, caption="Table 2. Change from baseline")
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = [r for r in read_table("d", _TEXT, table, study) or [] if r["measure"] == "MD"]
    assert [(r["value"], r["adjusted"]) for r in rows] == [(-8.3, "yes")]


def test_p_values_adjusted_for_multiple_testing_adjust_no_ratio():
    text = ("Methods. One hundred mothers were randomised to a feeding plan (n = 50) or usual care (n = 50).")
    table = _grid([
        ["", "Feeding plan (n = 50)", "Usual care (n = 50)", "P-value", "Adjusted p-value", "Odds ratio", "95% CI"],
        ["Weaned at 4 months, n (%)", "12 (24)", "21 (42)", "0.05", "0.10", "0.44", "0.18-1.05"],
        ["Weaned at 8 months, n (%)", "20 (40)", "30 (60)", "0.04", "0.09", "0.44", "0.20-0.98"],
    ], heads=1, caption="Table 3. Weaning by group. P-values adjusted for multiple testing using Holm correction.")
    study = build_study("d", text, {"tables": [table]})
    rows = [r for r in read_table("d", text, table, study) or [] if r["measure"] == "OR"]
    assert len(rows) == 2 and all(r["adjusted"] != "yes" for r in rows)
    # a caption saying the ratios themselves were adjusted still says so
    table["caption"] = "Table 3. Weaning by group. Odds ratios adjusted for parity and maternal age."
    rows = [r for r in read_table("d", text, table, study) or [] if r["measure"] == "OR"]
    assert len(rows) == 2 and all(r["adjusted"] == "yes" for r in rows)
