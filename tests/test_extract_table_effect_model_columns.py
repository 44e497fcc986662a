"""Effect and model columns of tables printed beside the arms (issue #13, the error classes of batches 50 and 51):
a difference with its "± x" beside an interval column, and the other shapes below. Every table here is written
for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

METHODS = "Patients were randomly assigned to the warmed group (n = 12) or the control group (n = 12).\n"


def _rows(caption: str, header: str, *body: str, methods: str = METHODS) -> list[dict]:
    text = methods + caption + "\n" + header + "\n" + "\n".join(body) + "\n"
    _, rows = _read(text, header, caption)
    return rows or []


def test_a_difference_with_its_plus_minus_beside_an_interval_column_is_the_estimate_and_its_se():
    # "Difference | Confidence interval (95%)" over "0.78 ± 0.3 | 0.2 to 1.4": the interval in its own column, so
    # the "± x" after the difference is its standard error, no mean of a third group
    rows = _rows("Table 3. Ventilation and length of stay",
                 "| | Control Group(n = 12) | Warmed Group(n = 12) | Difference | Confidence interval (95%) | p-value |",
                 "| Ventilation time (hours) | 27.4 ± 5.1 | 29.0 ± 5.6 | 1.6 ± 7.2 | -13.4 to 16.6 | 0.83 |",
                 "| Length of stay (hours) | 58.2 ± 22.4 | 84.1 ± 25.0 | 25.9 ± 33.5 | -44.1 to 95.9 | 0.46 |",
                 "| Hospital stay (days) | 12 (9,14) | 12 (10,15) | - | - | 0.91 |")
    got = [(r["measure"], r["value"], r["se"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"])
           for r in rows if r["measure"] not in ("MEAN", "MEDIAN")]
    assert got == [("MD", 1.6, 7.2, -13.4, 16.6, "warmed", "control"),
                   ("MD", 25.9, 33.5, -44.1, 95.9, "warmed", "control")]


def test_a_mean_with_its_spread_under_an_effect_header_without_an_interval_column_is_still_no_estimate():
    # "87.40 ± 19.30" under "HR" (a heart rate) with no interval anywhere: a mean with its spread
    rows = _rows("Table 2. Vital signs",
                 "| | Control Group(n = 12) | Warmed Group(n = 12) | HR | p-value |",
                 "| Day 1 | 27.4 ± 5.1 | 29.0 ± 5.6 | 87.40 ± 19.30 | 0.83 |")
    assert not [r for r in rows if r["measure"] not in ("MEAN", "MEDIAN")]


def test_a_models_coefficient_under_each_arm_is_that_arms_difference_against_the_reference():
    # "Drug 1" over "B | Wald χ2 | p" and "Drug 2" over the same, the notes naming the reference group: each B the
    # arm's coefficient against placebo (a difference of the quantity's means), the Wald statistic nothing to read,
    # each block's own p-value
    methods = "Patients were randomly assigned to LD40 (n = 60), LD80 (n = 60) or placebo (n = 61).\n"
    header = "| | LD40 | LD40 | LD40 | LD80 | LD80 | LD80 |"
    text = (methods + "Table 2. Changes from baseline after 12 weeks\n" + header + "\n"
            "| Parameter | B | Wald χ2 | p | B | Wald χ2 | p |\n"
            "| Dose required1 | 1.874 | 2.410 | 0.121 | 2.306 | 3.104 | 0.078 |\n"
            "| Plasma level2 | -0.093 | 7.915 | 0.005** | -0.047 | 1.402 | 0.236 |\n"
            "1Controlled for age and sex. Reference group is placebo group.\n")
    _, rows = _read(text, header, "Table 2. Changes from baseline after 12 weeks", header_rows=2,
                    footnote="1Controlled for age and sex. Reference group is placebo group.")
    got = [(r["measure"], r["value"], r["p_value"], r["intervention"], r["comparator"]) for r in rows or []]
    assert got == [("MD", 1.874, 0.121, "ld40", "placebo"), ("MD", 2.306, 0.078, "ld80", "placebo"),
                   ("MD", -0.093, 0.005, "ld40", "placebo"), ("MD", -0.047, 0.236, "ld80", "placebo")]


def test_a_wald_statistic_column_is_a_test_not_an_arms_figure():
    from evidence_review.extract.column_roles import comparison_role
    assert [comparison_role(t) for t in ("Wald χ2", "Wald", "Wald chi-square", "Walden")] == ["test", "test", "test", None]


def test_adjustment_rows_with_a_reference_cell_take_the_measure_an_earlier_effect_row_named():
    # "OR (97.5 % CI)" names the measure once; the "Unadjusted" / "Adjusted" rows of every outcome then print the
    # ratios against the "REF" column (the first "Unadjusted" row restating the OR row's ratios reads nothing new)
    methods = "Smokers were randomly assigned to bupropion (n = 240), cytisine (n = 242) or varenicline (n = 238).\n"
    header = "| | Bupropion | Cytisine | Varenicline |"
    text = (methods + "Table 2. Abstinence outcomes\n" + header + "\n"
            "| Primary outcome: abstinence at week 52 | | | |\n"
            "| Abstinence, n (%) | 22 (9.2) | 30 (12.4) | 35 (14.7) |\n"
            "| OR (97.5 % CI) | REF | 1.39 (0.71-2.61) | 1.70 (0.90-3.12) |\n"
            "| Unadjusted | REF | 1.39 (0.71-2.61) | 1.70 (0.90-3.12) |\n"
            "| Adjusted | REF | 1.44 (0.72-2.80) | 1.93 (0.98-3.70) |\n"
            "| Secondary outcome: abstinence at week 22 | | | |\n"
            "| n (%) | 37 (15.4) | 57 (23.6) | 64 (26.9) |\n"
            "| Unadjusted | REF | 1.49 (0.86-2.55) | 2.04 (1.21-3.40)** |\n"
            "| Adjusted | REF | 1.64 (0.93-2.90) | 2.21 (1.27-3.85)** |\n")
    _, rows = _read(text, header, "Table 2. Abstinence outcomes")
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["adjusted"])
           for r in rows or [] if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]
    assert got == [("OR", 1.39, 0.71, 2.61, "cytisine", "bupropion", ""), ("OR", 1.7, 0.9, 3.12, "varenicline", "bupropion", ""),
                   ("OR", 1.44, 0.72, 2.8, "cytisine", "bupropion", "yes"), ("OR", 1.93, 0.98, 3.7, "varenicline", "bupropion", "yes"),
                   ("OR", 1.49, 0.86, 2.55, "cytisine", "bupropion", "no"), ("OR", 2.04, 1.21, 3.4, "varenicline", "bupropion", "no"),
                   ("OR", 1.64, 0.93, 2.9, "cytisine", "bupropion", "yes"), ("OR", 2.21, 1.27, 3.85, "varenicline", "bupropion", "yes")]
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


def test_an_adjustment_row_without_a_reference_cell_is_not_read_as_effects():
    methods = "Smokers were randomly assigned to bupropion (n = 240), cytisine (n = 242) or varenicline (n = 238).\n"
    header = "| | Bupropion | Cytisine | Varenicline |"
    text = (methods + "Table 2. Abstinence outcomes\n" + header + "\n"
            "| Abstinence, n (%) | 22 (9.2) | 30 (12.4) | 35 (14.7) |\n"
            "| OR (95% CI) | REF | 1.39 (0.71-2.61) | 1.70 (0.90-3.12) |\n"
            "| Adjusted | 21 (8.8) | 29 (12.0) | 33 (13.9) |\n")
    _, rows = _read(text, header, "Table 2. Abstinence outcomes")
    assert [(r["measure"], r["value"]) for r in rows if r["measure"] == "OR"] == [("OR", 1.39), ("OR", 1.7)]


def test_a_ratio_column_over_the_arms_rows_with_a_reference_cell_reads_each_arm_against_the_reference():
    # "Adjusted hazard ratio model" over "Exp (B) | p", the arms as rows and the placebo's cell "1 (Ref)": each
    # other arm's hazard ratio against placebo, printed without its interval, with its own p
    methods = "Patients were randomly assigned to LD40 (n = 64), LD80 (n = 63) or placebo (n = 65).\n"
    header = "| | Dropout rate | Adjusted hazard ratio model | Adjusted hazard ratio model |"
    text = (methods + "Table 3. Hazard ratio of dropout\n" + header + "\n"
            "| Treatment Group | n/Total n (%) | Exp (B) | p |\n"
            "| LD40 | 15/64 (23.4) | 0.692 | 0.021 |\n"
            "| LD80 | 20/63 (31.7) | 0.845 | 0.112 |\n"
            "| Placebo | 25/65 (38.5) | 1 (Ref) |  |\n")
    _, rows = _read(text, header, "Table 3. Hazard ratio of dropout", header_rows=2)
    got = [(r["measure"], r["value"], r["p_value"], r["intervention"], r["comparator"], r["adjusted"])
           for r in rows or [] if r["measure"] != "PROPORTION"]
    assert got == [("HR", 0.692, 0.021, "ld40", "placebo", "yes"), ("HR", 0.845, 0.112, "ld80", "placebo", "yes")]


def test_est_ci_p_blocks_of_several_models_each_read_with_their_own_p():
    # "Unadjusted | Model 1" each over "Est | 95% CI | p", the caption naming the intervention's effect: each block's
    # estimate a difference of the quantity's means, its interval and its p from the block's own columns
    methods = "Workplaces were randomly assigned to the intervention group (n = 410) or the control group (n = 230).\n"
    header = "| | n | Unadjusted | Unadjusted | Unadjusted | Model 1 | Model 1 | Model 1 |"
    caption = "Table 3. Intervention effect on fatigue and sleep in the intervention group compared to the control group"
    text = (methods + caption + "\n" + header + "\n"
            "| | n | Est | 95% CI | p | Est | 95% CI | p |\n"
            "| Fatigue | 628 | -0.08 | -0.23-0.07 | 0.29 | -0.05 | -0.21-0.11 | 0.55 |\n"
            "| Sleep problems | 631 | 0.11 | -0.14-0.36 | 0.38 | 0.14 | -0.10-0.38 | 0.26 |\n")
    _, rows = _read(text, header, caption, header_rows=2)
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"])
           for r in rows or []]
    assert got == [("MD", -0.08, -0.23, 0.07, 0.29, "intervention", "control"),
                   ("MD", -0.05, -0.21, 0.11, 0.55, "intervention", "control"),
                   ("MD", 0.11, -0.14, 0.36, 0.38, "intervention", "control"),
                   ("MD", 0.14, -0.1, 0.38, 0.26, "intervention", "control")]


def test_a_between_groups_difference_with_its_sd_in_brackets_is_the_difference_and_its_se():
    # "Between groups difference (SD)" after each arm's "baseline | after | Within group t": the spread of a
    # difference of two groups' means is its standard error; without the change no estimate was read
    methods = "Adults were randomly assigned to diet alone (n = 30) or tai chi + diet (n = 31).\n"
    header = ("| Participant characteristics | Diet alone baseline | Diet alone after | Within group t | Tai chi + diet baseline "
              "| Tai chi + diet after | Within group t | Between groups difference (SD) | Between groups F |")
    caption = "Table 3. Differences between and within groups over time."
    text = (methods + caption + "\n" + header + "\n"
            "| Participant characteristics | Mean (SD) | Mean (SD) | Within group t | Mean (SD) | Mean (SD) | Within group t "
            "| Between groups difference (SD) | Between groups F |\n"
            "| Perceived stress | 12.1 (6.2) | 13.0 (8.8) | -0.64 | 13.2 (7.1) | 10.4 (7.0) | 1.71 | -3.7 (2.1) | 1.95 |\n"
            "| Mood disturbance | 20.3 (11.9) | 22.0 (15.1) | -0.85 | 25.1 (16.4) | 19.2 (16.0) | 1.52 | -7.6 (4.3) | 1.31 |\n")
    _, rows = _read(text, header, caption, header_rows=2)
    got = [(r["measure"], r["value"], r["se"], r["intervention"], r["comparator"], r["outcome"])
           for r in rows or [] if r["measure"] != "MEAN"]
    assert got == [("MD", -3.7, 2.1, "tai chi + diet", "diet", "Perceived stress"),
                   ("MD", -7.6, 4.3, "tai chi + diet", "diet", "Mood disturbance")]


def test_effect_size_columns_closing_each_groups_block_are_no_comparison_of_the_groups():
    # "Control Group" over "Pre | Post | Diff" then "Effect Size | 95% C.I. | p value", the experimental group's block
    # the same: each group's own pre-post effect size, never an SMD between the groups
    methods = "Children were randomly assigned to the control group (n = 18) or the experimental group (n = 21).\n"
    header = ("| | Control Group | Control Group | Control Group | Effect | 95% C.I. | p value | Experimental Group "
              "| Experimental Group | Experimental Group | Effect | 95% C.I. | p value |")
    caption = "Table 2. Mean performance of the control and experimental groups at pre- and post-intervention."
    text = (methods + caption + "\n" + header + "\n"
            "| | (n = 18) | (n = 18) | (n = 18) | Size | | | (n = 21) | (n = 21) | (n = 21) | Size | | |\n"
            "| | Pre | Post | Diff | | | | Pre | Post | Diff | | | |\n"
            "| Rule Violation | 3.71 | 1.12 | -2.59 | 1.04 | 1.41-3.96 | 0.00 | 13.90 | 5.62 | -8.28 | 0.89 | 3.88-12.41 | 0.00 |\n"
            "| Initial Time | 15.02 | 15.88 | 0.86 | 0.17 | -2.71-1.52 | 0.61 | 10.41 | 14.55 | 4.14 | 0.81 | -6.40 - -1.69 | 0.00 |\n")
    _, rows = _read(text, header, caption, header_rows=3)
    assert not [r for r in rows or [] if r["measure"] in ("SMD", "MD")]


def test_within_group_effects_need_blocks_of_two_different_groups():
    from evidence_review.extract.table_effects import within_group_effects
    paths = {1: ["Control", "Pre"], 2: ["Control", "Post"], 3: ["Effect size"], 4: ["95% CI"],
             5: ["Training", "Pre"], 6: ["Training", "Post"], 7: ["Effect size"], 8: ["95% CI"]}
    assert within_group_effects(paths, [3, 7], {4, 8}) == {3, 7}
    # "Week 4" over both arms then "Effect size": the block holds both arms under one time, the effect compares them
    # only when its own top header is that time's ("Week 4" over "Drug | Placebo | ES")
    spanned = {1: ["Week 4", "Drug"], 2: ["Week 4", "Placebo"], 3: ["Week 4", "ES"],
               4: ["Week 8", "Drug"], 5: ["Week 8", "Placebo"], 6: ["Week 8", "ES"]}
    assert within_group_effects(spanned, [3, 6], set()) == set()
    # "Week 4" over "Drug | Placebo" then an "Effect size" column of its own: a time's block holds both arms
    timed = {1: ["Week 4", "Drug"], 2: ["Week 4", "Placebo"], 3: ["Effect size"],
             4: ["Week 8", "Drug"], 5: ["Week 8", "Placebo"], 6: ["Effect size"]}
    assert within_group_effects(timed, [3, 6], set(), lambda t: t.startswith("Week")) == set()


def test_a_comparison_leaf_under_a_spanning_difference_header_names_the_arms_it_compares():
    # "Difference between groups; adjusted mean" over "AR+EX minus SR+EX | P value between groups": the spanning
    # header's words before the first arm's name are no part of it, so the leaf's two arms are compared
    methods = "Participants were randomly assigned to active rTMS + exercise (AR+EX, n = 16) or sham rTMS + exercise (SR+EX, n = 16).\n"
    header = ("| | Baseline | Baseline | Difference between groups; adjusted mean | Difference between groups; adjusted mean |")
    caption = "Table 2. Group data (mean and 95% confidence interval) for pain outcome measures."
    text = (methods + caption + "\n" + header + "\n"
            "| | AR+EX (N = 16) | SR+EX (N = 16) | AR+EX minus SR+EX | P value between groups |\n"
            "| Pain VAS (100 mm) | 58.7(66.1,51.3) | 55.9(65.2,46.6) | -12.4(-31.8,7.0) | .21 |\n"
            "| Total score | 54.1(62.0,46.2) | 47.6(53.1,42.1) | -5.9(-18.1,6.3) | .34 |\n")
    _, rows = _read(text, header, caption, header_rows=2)
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"])
           for r in rows or [] if r["measure"] == "MD"]
    assert got == [("MD", -12.4, -31.8, 7.0, 0.21, "ar+ex", "sr+ex"), ("MD", -5.9, -18.1, 6.3, 0.34, "ar+ex", "sr+ex")]


def test_an_effect_size_column_of_arm_rows_reads_each_arm_against_the_row_marked_ref_in_its_outcome_block():
    # the arms as rows under each outcome's heading row, "Effect size (95% CI)" beside the means and "Ref." in the
    # control's row of every block: each other arm's cell is its SMD against the control, the outcome its block's
    methods = "Adults were randomly assigned to walking (n = 30), cycling (n = 31) or a control group (n = 29).\n"
    header = "| | Baseline mean (SD) | Week-12 mean (SD) | Effect size (95% CI) |"
    caption = "Table 2. Means and effect sizes of fitness and mood"
    text = (methods + caption + "\n" + header + "\n"
            "| Fitness | | | |\n"
            "| Control | 20.1 (3.2) | 20.4 (3.0) | Ref. |\n"
            "| Walking | 19.8 (2.9) | 21.6 (3.1) | .41 (\u2212 .10, .92) |\n"
            "| Cycling | 20.3 (3.4) | 22.9 (2.8) | .77 (.25, 1.29) |\n"
            "| Mood | | | |\n"
            "| Control | 14.2 (4.1) | 14.0 (4.4) | Ref. |\n"
            "| Walking | 13.9 (3.8) | 12.1 (3.5) | \u2212 .28 (\u2212 .79, .23) |\n"
            "| Cycling | 14.5 (4.0) | 13.3 (3.9) | \u2212 .12 (\u2212 .63, .39) |\n")
    _, rows = _read(text, header, caption)
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["outcome"])
           for r in rows or [] if r["measure"] == "SMD"]
    assert got == [("SMD", 0.41, -0.1, 0.92, "walking", "control", "Fitness"),
                   ("SMD", 0.77, 0.25, 1.29, "cycling", "control", "Fitness"),
                   ("SMD", -0.28, -0.79, 0.23, "walking", "control", "Mood"),
                   ("SMD", -0.12, -0.63, 0.39, "cycling", "control", "Mood")]
