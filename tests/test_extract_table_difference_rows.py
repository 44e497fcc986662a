"""Between-group differences printed in tables as rows or columns beside the arms' own cells (issue #13; error
classes counted on blind batches 39-41): a "Difference vs. control" row under each outcome's row, a "Δ" row under the
arms' rows, an effect column headed "Estimates of effects", an "S.E." column under a difference's spanning header.
Each is an effect between the arms the row or column names or implies, never an arm's figure.
Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.table_effects import difference_against, difference_as_printed, names_arms_difference

ARM_LEVEL = ("PROPORTION", "MEAN", "MEDIAN")


def _effects(rows) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"])
            for r in rows or [] if r["measure"] not in ARM_LEVEL]


# ------------------------------------------------------------------------ "Difference vs. control" under each outcome
THREE_ARMS = ("Participants were randomised to a walking group, a cycling group or a control group receiving usual "
              "care.\nTable 2. Change from baseline and difference vs. control\n")
THREE_ARMS_HEADER = "| | Walking group (n = 30) | Cycling group (n = 31) | Control group (n = 29) |"


def test_a_difference_vs_control_row_is_each_arms_mean_difference_against_the_control():
    text = THREE_ARMS + f"""{THREE_ARMS_HEADER}
| | Mean (CI) | Mean (CI) | Mean (CI) |
| Weight (kg) change from baseline | -1.3 (-2.2--0.6) | -0.9 (-1.8-0.0) | 0.2 (-0.5-0.9) |
| Difference vs. control | -1.6 (-2.7--0.5) | -1.1 (-2.3-0.1) | |
| Waist (cm) change from baseline | -2.1 (-3.4--0.8) | -1.0 (-2.2-0.2) | 0.4 (-0.7-1.5) |
| Difference vs. control | -2.5 (-4.2--0.8) | -1.4 (-3.0-0.2) | |
"""
    _, rows = read_pipe_table(text, THREE_ARMS_HEADER, caption="Table 2. Change from baseline and difference vs. "
                              "control", header_rows=2)
    effects = _effects(rows)
    assert [e[:4] for e in effects] == [("MD", -1.6, -2.7, -0.5), ("MD", -1.1, -2.3, 0.1),
                                        ("MD", -2.5, -4.2, -0.8), ("MD", -1.4, -3.0, 0.2)]
    control = next(r["intervention"] for r in rows if r["measure"] in ARM_LEVEL and r["value"] == 0.2)
    walking = next(r["intervention"] for r in rows if r["measure"] in ARM_LEVEL and r["value"] == -1.3)
    assert {e[5] for e in effects} == {control}        # every arm against the arm the label names
    assert effects[0][4] == walking
    assert {r["outcome"] for r in rows if r["measure"] == "MD"} == {"Weight (kg) change from baseline",
                                                                     "Waist (cm) change from baseline"}
    # the difference row gives no arm a figure of its own
    assert not [r for r in rows if r["measure"] in ARM_LEVEL and r["value"] in (-1.6, -1.1, -2.5, -1.4)]


def test_a_difference_row_of_counts_is_a_risk_difference():
    text = ("Patients were randomised to a text message group or a control group.\nTable 3. Outcomes\n"
            "| | Text message group (n = 50) | Control group (n = 50) |\n"
            "| Attended screening, n (%) | 30 (60.0) | 20 (40.0) |\n"
            "| Difference versus control (95% CI) | 20.0 (1.0 to 39.0) | |\n")
    _, rows = read_pipe_table(text, "| | Text message group (n = 50) | Control group (n = 50) |",
                              caption="Table 3. Outcomes")
    assert [e[:4] for e in _effects(rows)] == [("RD", 20.0, 1.0, 39.0)]


@pytest.mark.parametrize("label, expected", [
    ("Difference vs. control", "control"),
    ("Difference versus placebo (95% CI)", "placebo"),
    ("Mean difference compared with usual care", "usual care"),
    ("\u0394 vs placebo", "placebo"),
    ("Between-group difference vs control*", "control"),
    ("Difference from control", "control"),
    ("Difference from baseline", None),         # each arm's own change
    ("Difference vs. pre-treatment", None),
    ("Difference", None),                       # no arm named: left to the other readers
    ("Difference in means", None),
    ("Weight change from baseline", None),
    ("Placebo vs drug", None),                  # two arms, no difference's word: a column's header, not this row
])
def test_difference_against(label, expected):
    assert difference_against(label) == expected


# ------------------------------------------------------------------------------- a "Δ" row under the arms' rows
DELTA_TEXT = ("Volunteers consumed a margarine enriched with fish oil or a control margarine for 8 weeks.\n"
              "Table 1. Lipids at baseline and after 8 weeks\n")
DELTA_HEADER = "| | | | Baseline | Baseline | Week 8 | Week 8 | Absolute change | Absolute change |"


def test_a_delta_row_under_the_arms_rows_is_their_mean_difference():
    text = DELTA_TEXT + f"""{DELTA_HEADER}
| Outcome | Treatment | n | Mean | sd | Mean | sd | Mean | 95 % CI |
| Log triglycerides (mmol/l) | Control | 52 | 0.41 | 0.30 | 0.43 | 0.31 | 0.02 | -0.03, 0.07 |
| | FO | 55 | 0.44 | 0.28 | 0.33 | 0.27 | -0.11 | -0.16, -0.06 |
| | \u0394 | 107 | | | | | -0.13 | -0.20, -0.06 |
| Log CRP (mg/l) | Control | 52 | 0.12 | 0.95 | 0.15 | 0.99 | 0.004 | -0.12, 0.13 |
| | FO | 54 | 0.09 | 0.88 | 0.06 | 0.90 | -0.03 | -0.15, 0.09 |
| | \u0394 | 106 | | | | | -0.03 | -0.20, 0.14 |
"""
    _, rows = read_pipe_table(text, DELTA_HEADER, caption="Table 1. Lipids at baseline and after 8 weeks",
                              header_rows=2)
    effects = _effects(rows)
    assert [e[:4] for e in effects] == [("MD", -0.13, -0.20, -0.06), ("MD", -0.03, -0.20, 0.14)]
    fish_oil = next(r["intervention"] for r in rows if r["measure"] == "MEAN" and r["value"] == -0.11)
    control = next(r["intervention"] for r in rows if r["measure"] == "MEAN" and r["value"] == 0.02)
    # -0.13 is FO's change minus the control's (-0.11 - 0.02); -0.03 likewise, to the rounding of the printed figures
    assert [e[4:] for e in effects] == [(fish_oil, control)] * 2
    assert not [r for r in rows if r["measure"] in ARM_LEVEL and r["value"] in (-0.13, -0.03) and r["n_intervention"]
                in (106, 107)]
    assert not [r for r in rows if r["measure"] in ARM_LEVEL and "\u03b4" in str(r["intervention"]).lower()]


@pytest.mark.parametrize("label, expected", [
    ("\u0394", True), ("Difference", True), ("Mean difference (95% CI)", True), ("MD", True),
    ("Between-group difference", True), ("Change", False), ("Placebo", False), ("", False),
])
def test_names_arms_difference(label, expected):
    assert names_arms_difference(label) is expected


@pytest.mark.parametrize("difference, first, second, expected", [
    ("-0.01", "-0.03", "-0.02", True), ("-0.01", "-0.02", "-0.03", False),
    ("-0.01", "-0.002", "0.01", True),          # (a change printed to three places: the sum of the roundings)
    ("0.5", "2.0", "1.4", True), ("0.5", "2.0", "1.0", False),
])
def test_difference_as_printed(difference, first, second, expected):
    assert difference_as_printed(difference, first, second) is expected


# --------------------------------------------------------------- a column of adjusted differences after the arms'
ESTIMATES_TEXT = ("Twenty older adults were randomised to a pre-discharge home visit (n = 10) or to usual in-hospital "
                  "assessment and education (control, n = 10). The home visit followed best practice occupational "
                  "therapy home visit guidelines; standard practice in-hospital assessment was given on the ward.\n"
                  "Table 2. Outcome scores and estimates of effects\n")
ESTIMATES_HEADER = "| | | OUTCOME SCORE | OUTCOME SCORE | ADJUSTED ESTIMATES OF EFFECTS* | p-value |"
ESTIMATES_NOTE = "* Between-group differences adjusted for the baseline value"


def test_a_column_of_estimates_of_effects_after_the_arms_means_is_their_adjusted_mean_difference():
    text = ESTIMATES_TEXT + f"""{ESTIMATES_HEADER}
| Outcome Measure | | Control | Experimental | | |
| Barthel index: total score (sd), 0-100 | 2 weeks | 81.2 (\u00b1 7.3) | 85.7 (\u00b1 4.3) | 3.5 (-5.7 to 12.9) | .425 |
| | 1 month | 82.5 (\u00b1 6.4) | 88.7 (\u00b1 2.9) | 5.3 (-3.6 to 14.27) | .188 |
{ESTIMATES_NOTE}
"""
    study, rows = read_pipe_table(text, ESTIMATES_HEADER, caption="Table 2. Outcome scores and estimates of effects",
                                  footnote=ESTIMATES_NOTE)
    effects = [r for r in rows if r["measure"] not in ARM_LEVEL]
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["adjusted"]) for r in effects] == \
        [("MD", 3.5, -5.7, 12.9, 0.425, "yes"), ("MD", 5.3, -3.6, 14.27, 0.188, "yes")]
    # "Outcome Measure | | Control | Experimental" is the header's second row; "Experimental" is the one treatment
    # arm the model sized, the others ("usual in-hospital assessment") only mentions in the methods
    home_visit = next(a for a in study.arms if a.n == 10 and a.role == "experimental")
    means = {r["value"]: r["intervention"] for r in rows if r["measure"] == "MEAN"}
    assert means[85.7] == means[88.7] == home_visit.canonical != means[81.2]
    assert {(r["intervention"], r["comparator"]) for r in effects} == {(home_visit.canonical, means[81.2])}


def test_a_first_body_row_labelled_outcome_measure_over_words_is_a_header_row():
    from evidence_review.extract.study import header_rows
    from table_grids import bare_grid
    grid = bare_grid(["| | | SCORE | SCORE | Estimate |", "| Outcome Measure | | Control | Experimental | |",
                      "| Pain | 2 weeks | 3.1 (1.2) | 2.4 (1.0) | -0.7 (-1.5 to 0.1) |"], 1)
    assert header_rows(grid) == {0, 1}


@pytest.mark.parametrize("header", ["ANCOVA-adjusted estimates of effects*", "Treatment effects (95% CI)",
                                    "Estimates", "Effect"])
def test_an_effect_header_in_the_plural_names_an_effect(header):
    from evidence_review.extract.study import is_arm_header
    from evidence_review.extract.table_reader import _names_effect
    assert _names_effect(header) and not is_arm_header(header)


@pytest.mark.parametrize("header", ["Side effects", "Adverse effects"])
def test_side_effects_name_no_effect_estimate(header):
    from evidence_review.extract.table_reader import _names_effect
    assert not _names_effect(header)


# ---------------------------------------------------- "Beta | S.E. | p" under a difference's spanning header
SE_TEXT = ("Pharmacies were randomised to guided quality improvement (intervention) or standard practice (control).\n"
           "Table 2. Change in safety culture score and difference in score\n")
SE_HEADER = ("| Domain | Intervention (N = 29) | Intervention (N = 29) | Intervention (N = 29) | Control (N = 40) | "
             "Control (N = 40) | Control (N = 40) | Difference in score changes | Difference in score changes | "
             "Difference in score changes |")


def test_a_standard_error_column_under_a_differences_header_is_the_estimates_se_not_a_second_estimate():
    text = SE_TEXT + f"""{SE_HEADER}
| | mean | S.D. | p | mean | S.D. | p | Beta | S.E. | p |
| Teamwork | 0.51 | 1.22 | 0.041 | 0.24 | 0.81 | 0.112 | 0.27 | 0.23 | 0.291 |
| Staff training | 0.62 | 1.25 | 0.012 | 0.19 | 0.90 | 0.151 | 0.41 | 0.25 | 0.104 |
"""
    _, rows = read_pipe_table(text, SE_HEADER, caption="Table 2. Change in safety culture score and difference in "
                              "score", header_rows=2)
    effects = [r for r in rows if r["measure"] not in ARM_LEVEL]
    assert [(r["measure"], r["value"], r["se"], r["p_value"]) for r in effects] == \
        [("MD", 0.27, 0.23, 0.291), ("MD", 0.41, 0.25, 0.104)]


# ------------------------------------------------------ unadjusted and adjusted ratio columns side by side
def test_an_unadjusted_ratio_column_uor_is_read_beside_the_adjusted_one_each_with_its_own_p():
    header = "| Indicator | Control | Intervention | uOR(95%CI) | p-value | aOR(95%CI) | p-value |"
    text = ("Villages were randomised to home visits (intervention) or to usual services (control).\n"
            "Table 4. Newborn care practices\n" + header + "\n"
            "| | n(%) | n(%) | | | | |\n"
            "| Cord care: Clean | 410 (54.1) | 466 (74.3) | 2.45 (1.52-3.95) | <0.001 | 2.61 (1.60-4.26) | <0.001 |\n"
            "| Thermal care: Adequate | 301 (39.7) | 310 (49.4) | 1.49 (0.82-2.71) | 0.19 | 1.37 (0.76-2.48) | 0.29 |\n")
    _, rows = read_pipe_table(text, header, caption="Table 4. Newborn care practices")
    effects = [r for r in rows if r["measure"] not in ARM_LEVEL]
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["p_text"], r["adjusted"])
            for r in effects] == [("OR", 2.45, 1.52, 3.95, None, "<0.001", "no"), ("OR", 2.61, 1.60, 4.26, None, "<0.001", "yes"),
                                  ("OR", 1.49, 0.82, 2.71, 0.19, None, "no"), ("OR", 1.37, 0.76, 2.48, 0.29, None, "yes")]


def test_crude_and_unadjusted_ratio_abbreviations_say_unadjusted_in_one_vocabulary():
    # meaning's adjustment words own the decision for tables and prose alike ("cOR" beside "aOR" as "uOR" is)
    from evidence_review.extract.meaning import adjustment
    assert [adjustment(h) for h in ("uOR(95%CI)", "cOR (95% CI)", "uHR", "aOR(95%CI)", "OR (95% CI)")] == \
        ["no", "no", "no", "yes", "unknown"]


def test_a_delta_row_under_two_arm_rows_of_a_transposed_table_is_their_difference_per_time():
    header = "| | Baseline | Week 6 | Week 12 |"
    text = ("Adults were randomly assigned to celecoxib or placebo.\nTable 2. Stiffness score\n" + header + "\n"
            "| Celecoxib | 6.2 (1.4) | 5.1 (1.3) | 4.6 (1.5) |\n"
            "| Placebo | 6.1 (1.5) | 5.5 (1.2) | 5.3 (1.4) |\n"
            "| \u0394 | | -0.4 (-0.8 to -0.1) | -0.7 (-1.1 to -0.3) |\n")
    _, rows = read_pipe_table(text, header, caption="Table 2. Stiffness score")
    assert [e + (r["timepoint"],) for e, r in zip(_effects(rows), [r for r in rows if r["measure"] == "MD"])] == [
        ("MD", -0.4, -0.8, -0.1, "celecoxib", "placebo", "week 6"),
        ("MD", -0.7, -1.1, -0.3, "celecoxib", "placebo", "week 12")]
