"""Effects in tables read whole (issue #13; error classes counted on blind batches 27-29): effect rows under the
arms' rows of a table whose rows are the arms ("Mean difference in change from baseline [95% CI]", "Std effect size")
read per time; a Hodges-Lehmann / median-difference column read as MD; an "Effect size" column the notes declare as
eta squared, a risk difference printed as a fraction, not misread; in prose, "M diff =", "OR0.5" and a threshold
set before the trial.
Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

import pytest
from table_grids import pipe_table, read_pipe_table as _read

from evidence_review.extract.table_effects import (difference_order, median_difference, percent_header,
                                                   printed_as_fraction, transposed_effect_measure, variance_explained)
from evidence_review.extract.table_reader import read_table
from evidence_review.extract.pipeline import extract_one
from evidence_review.extract.study import build_study

METHODS = "Adults were randomly assigned to celecoxib or placebo.\n"
ARM_LEVEL = ("PROPORTION", "MEAN", "MEDIAN")


def _effects(rows) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows or [] if r["measure"] not in ARM_LEVEL]


# ------------------------------------------------------------------------------------------ effect rows, arms as rows
TIMES_HEADER = "| | Baseline | Week 6 | Week 12 |"


def _transposed(rows_text: str, footnote: str = ""):
    text = f"{METHODS}Table 2. Secondary outcomes\n{TIMES_HEADER}\n{rows_text}" + (f"{footnote}\n" if footnote else "")
    table = pipe_table(text, TIMES_HEADER, caption="Table 2. Secondary outcomes")
    if footnote:
        table["end"] = text.index(footnote) + len(footnote)
    return read_table("d", text, table, build_study("d", text, {"tables": [table]}))


def test_effect_rows_under_each_outcomes_arm_rows_compare_the_two_arms_per_time():
    rows = _transposed("""| Stiffness score | | | |
| Celecoxib mean (SD) | 6.2 (1.4) | 5.1 (1.3) | 4.6 (1.5) |
| Placebo mean (SD) | 6.1 (1.5) | 5.5 (1.2) | 5.3 (1.4) |
| Mean difference in change from baseline [95% CI] | - | \u22120.42 (\u22120.80 to \u22120.04) | \u22120.71 (\u22121.12 to \u22120.30) |
| p value | - | 0.03 | 0.001 |
| Std effect size | - | \u22120.30 | \u22120.49 |
| Sleep quality | | | |
| Celecoxib mean (SD) | 3.0 (1.1) | 3.6 (1.0) | 3.9 (1.2) |
| Placebo mean (SD) | 3.1 (1.0) | 3.3 (1.1) | 3.4 (1.0) |
| Mean difference in change from baseline [95% CI] | - | 0.35 (0.02 to 0.68) | 0.62 (0.25 to 0.99) |
| p value | - | 0.04 | 0.001 |
""")
    effects = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["outcome"], r["timepoint"], r["intervention"],
                r["comparator"], r["p_value"]) for r in rows if r["measure"] not in ARM_LEVEL]
    assert effects == [
        ("MD", -0.42, -0.8, -0.04, "Stiffness score", "week 6", "celecoxib", "placebo", 0.03),
        ("MD", -0.71, -1.12, -0.3, "Stiffness score", "week 12", "celecoxib", "placebo", 0.001),
        ("SMD", -0.3, None, None, "Stiffness score", "week 6", "celecoxib", "placebo", None),
        ("SMD", -0.49, None, None, "Stiffness score", "week 12", "celecoxib", "placebo", None),
        ("MD", 0.35, 0.02, 0.68, "Sleep quality", "week 6", "celecoxib", "placebo", 0.04),
        ("MD", 0.62, 0.25, 0.99, "Sleep quality", "week 12", "celecoxib", "placebo", 0.001)]
    assert len([r for r in rows if r["measure"] == "MEAN"]) == 12       # the arms' rows are still read


def test_a_difference_row_printed_control_minus_treatment_is_oriented_by_its_arithmetic():
    rows = _transposed("""| Stiffness score | | | |
| Celecoxib mean (SD) | 6.2 (1.4) | 4.1 (1.3) | 3.6 (1.5) |
| Placebo mean (SD) | 6.1 (1.5) | 5.5 (1.2) | 5.3 (1.4) |
| Difference (95% CI) | | 1.4 (0.9 to 1.9) | 1.7 (1.1 to 2.3) |
""")
    assert [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"] == [
        ("MD", 1.4, "placebo", "celecoxib"), ("MD", 1.7, "placebo", "celecoxib")]


def test_an_effect_size_row_the_notes_declare_eta_squared_is_no_smd():
    rows = _transposed("""| Stiffness score | | | |
| Celecoxib mean (SD) | 6.2 (1.4) | 5.1 (1.3) | 4.6 (1.5) |
| Placebo mean (SD) | 6.1 (1.5) | 5.5 (1.2) | 5.3 (1.4) |
| Effect size | | 0.06 | 0.11 |
""", footnote="Effect size: partial eta squared from the ANCOVA.")
    assert _effects(rows) == []


@pytest.mark.parametrize("label, measure, expected", [
    ("Mean difference in change from baseline [95% CI]", "MD", "MD"), ("Std effect size", "SMD", "SMD"),
    ("Difference (95% CI)", "DIFF", "DIFF"), ("OR (95% CI)", "OR", "OR"),
    ("p value", "", ""), ("P for difference", "DIFF", ""), ("Difference from baseline", "DIFF", ""),
    ("Effect size (\u03b72)", "SMD", ""), ("Celecoxib mean (SD)", "", "")])
def test_transposed_effect_measure(label, measure, expected):
    assert transposed_effect_measure(label, measure, "") == expected


@pytest.mark.parametrize("measure, value, figures, col, roles, expected", [
    ("MD", -0.4, [[5.0, 4.1], [5.1, 4.5]], 1, ["experimental", "control"], (0, 1)),    # first minus second
    ("MD", 0.4, [[5.0, 4.1], [5.1, 4.5]], 1, ["experimental", "control"], (1, 0)),     # second minus first
    ("MD", -0.3, [[5.0, 4.1], [4.8, 4.2]], 1, ["experimental", "control"], (0, 1)),    # of the changes: -0.9 - -0.6
    ("MD", 2.5, [[5.0, 4.1], [5.1, 4.5]], 1, ["control", "experimental"], (1, 0)),     # no arithmetic: the roles
    ("OR", 0.6, [[5.0, 4.1], [5.1, 4.5]], 1, ["experimental", "control"], (0, 1)),     # a ratio: the roles
])
def test_difference_order(measure, value, figures, col, roles, expected):
    assert difference_order(measure, value, figures, col, roles) == expected


# ------------------------------------------------------------------------------------------ a median difference
def test_a_hodges_lehmann_column_beside_medians_is_a_median_difference():
    header = ("| Outcome | Celecoxib (n = 44) median (range) | Placebo (n = 43) median (range) | "
              "Median difference between groups (95 % CI) | P |")
    text = f"""{METHODS}Table 2. Recovery
{header}
| Days to walking unaided | 5 (2-19) | 8 (3-30) | \u22123 (\u22125 to \u22121) | 0.004 |
| Analgesic doses | 11 (0-40) | 14 (2-52) | \u22122 (\u22126 to 1) | 0.21 |
"""
    _, rows = _read(text, header, "Table 2. Recovery")
    assert _effects(rows) == [("MD", -3.0, -5.0, -1.0), ("MD", -2.0, -6.0, 1.0)]
    assert len([r for r in rows if r["measure"] == "MEDIAN"]) == 4


@pytest.mark.parametrize("header, kinds, hint, expected", [
    ("Median difference (95% CI)", [], "", True), ("Hodges-Lehmann estimate (95% CI)", [], "", True),
    ("Difference in medians", [], "", True), ("Difference (95% CI)", ["MEDIAN", "MEDIAN"], "", True),
    ("Difference (95% CI)", [], "median_iqr", True),
    ("Difference (95% CI)", ["MEDIAN", "PROPORTION"], "", False), ("Difference (95% CI)", [], "", False),
    ("Mean difference (95% CI)", [], "", False)])
def test_median_difference(header, kinds, hint, expected):
    assert median_difference(header, kinds, hint) is expected


# ------------------------------------------------------------------------------------------ not effects
def test_an_effect_size_column_the_footnote_declares_eta_squared_is_no_smd():
    header = "| Outcome | Celecoxib (n = 44) | Placebo (n = 43) | F | P value | Effect size |"
    note = "Effect size is partial eta squared (\u03b72)."
    text = f"""{METHODS}Table 4. Analysis of covariance
{header}
| Stiffness score | 3.4 \u00b1 1.1 | 4.2 \u00b1 1.3 | 9.12 | 0.003 | 0.10 |
| Sleep quality | 3.9 \u00b1 1.2 | 3.5 \u00b1 1.0 | 2.40 | 0.13 | 0.03 |
{note}
"""
    _, rows = _read(text, header, "Table 4. Analysis of covariance", footnote=note)
    assert _effects(rows) == []
    assert len([r for r in rows if r["measure"] == "MEAN"]) == 4


def test_an_effect_size_column_of_cohens_d_stays_an_smd():
    header = "| Outcome | Celecoxib (n = 44) | Placebo (n = 43) | P value | Effect size (Cohen's d) |"
    text = f"""{METHODS}Table 4. Outcomes at week 12
{header}
| Stiffness score | 3.4 \u00b1 1.1 | 4.2 \u00b1 1.3 | 0.003 | 0.66 |
"""
    _, rows = _read(text, header, "Table 4. Outcomes at week 12")
    assert [r["measure"] for r in rows if r["measure"] not in ARM_LEVEL] == ["SMD"]


@pytest.mark.parametrize("header, said, expected", [
    ("Effect size", "Effect sizes are partial eta squared.", True), ("Effect size (\u03b7\u00b2)", "", True),
    ("\u03b7p2", "", True), ("Effect size", "Effect size: Cohen's d; eta squared for the interaction", False),
    ("Effect size (Cohen's d)", "partial eta squared for the ANOVA", False), ("Effect size", "", False)])
def test_variance_explained(header, said, expected):
    assert variance_explained(header, said) is expected


def test_a_risk_difference_printed_as_a_fraction_stays_a_fraction():
    header = "| Outcome | Celecoxib (n = 44) | Placebo (n = 43) | Difference (95% CI) |"
    text = f"""{METHODS}Table 2. Response
{header}
| Response, n (%) | 25 (56.8) | 18 (41.9) | 0.149 (\u22120.06, 0.36) |
| Remission, n (%) | 9 (20.5) | 15 (34.9) | -0.144(-0.33, 0.04) |
| Relapse, n (%) | 4 (9.1) | 14 (32.6) | \u221223.5 % (\u221239.8 to \u22127.2) |
"""
    _, rows = _read(text, header, "Table 2. Response")
    assert _effects(rows) == [("RD", 0.149, -0.06, 0.36), ("RD", -0.144, -0.33, 0.04), ("RD", -0.235, -0.398, -0.072)]


@pytest.mark.parametrize("value, low, high, expected", [
    (-0.054, -0.36, 0.24, True), (0.2, 0.05, 0.35, True), (4.5, -2.1, 11.0, False), (-0.054, None, None, False),
    (0.8, -0.5, 2.1, False)])
def test_printed_as_fraction(value, low, high, expected):
    assert printed_as_fraction(value, low, high) is expected


@pytest.mark.parametrize("header, expected", [
    ("Difference (95% CI)", False), ("Risk difference, 95% CI", False), ("Difference, % (95% CI)", True),
    ("RD (%)", True), ("Difference in percentage points", True)])
def test_percent_header(header, expected):
    assert percent_header(header) is expected


# ------------------------------------------------------------------------------------------ prose
def _prose(sentence: str) -> list[tuple]:
    rows, _, _ = extract_one("d", METHODS + sentence, "d.txt")
    return _effects(rows)


def test_a_ratio_glued_to_its_value_is_read():
    assert _prose("Celecoxib lowered the odds of flare (OR0.55, 95%CI 0.34\u20130.89) and of withdrawal "
                  "(OR 0.62, 95% CI 0.40-0.96).") == [("OR", 0.55, 0.34, 0.89), ("OR", 0.62, 0.4, 0.96)]


def test_a_threshold_set_before_the_trial_is_no_result():
    assert _prose("A difference of 30% between the arms was considered clinically significant.") == []
    assert _prose("A reduction of 15 points in the score would be considered clinically meaningful.") == []


def test_a_mean_difference_abbreviated_before_its_value():
    assert _prose("Stair-climbing time fell more with celecoxib than with placebo (M diff = 3.8 s, p adj = 0.004).") \
        == [("MD", 3.8, None, None)]


def test_an_effect_only_table_of_differences_in_means_with_its_interval_column():
    header = "| Outcome | N | Difference in means | 95% CI | P value |"
    text = f"""{METHODS}Table 4. Between-group differences at 12 weeks
{header}
| Stiffness score | 96 | \u22120.74 | \u22121.21 to \u22120.27 | 0.002 |
| Sleep quality | 94 | 0.31 | \u22120.12 to 0.74 | 0.16 |
"""
    _, rows = _read(text, header, "Table 4. Between-group differences at 12 weeks")
    assert _effects(rows) == [("MD", -0.74, -1.21, -0.27), ("MD", 0.31, -0.12, 0.74)]


def test_a_median_difference_printed_control_minus_treatment_is_oriented_by_the_medians_sign():
    header = ("| Outcome | Celecoxib (n = 44) median (IQR) | Placebo (n = 43) median (IQR) | "
              "Hodges-Lehmann estimate (95% CI) |")
    text = f"""{METHODS}Table 2. Recovery
{header}
| Days to walking unaided | 5 (3-8) | 8 (5-12) | 3 (1 to 5) |
| Analgesic doses | 11 (6-18) | 14 (9-21) | 2 (\u22121 to 5) |
| Nights woken by pain | 2 (1-4) | 2 (1-5) | 0 (\u22121 to 1) |
"""
    from evidence_review.extract.table_reader import read_tables
    table = pipe_table(text, header, caption="Table 2. Recovery")
    rows, _ = read_tables("d", text, {"tables": [table]}, build_study("d", text, {"tables": [table]}))
    # placebo's median minus celecoxib's, as the signs of the medians' differences say
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"] == [
        (3.0, "placebo", "celecoxib"), (2.0, "placebo", "celecoxib"), (0.0, "placebo", "celecoxib")]


def test_a_median_difference_with_the_medians_sign_keeps_its_arms():
    header = "| Outcome | Celecoxib (n = 44) median (IQR) | Placebo (n = 43) median (IQR) | Median difference (95% CI) |"
    text = f"""{METHODS}Table 2. Recovery
{header}
| Days to walking unaided | 5 (3-8) | 8 (5-12) | \u22123 (\u22125 to \u22121) |
| Analgesic doses | 11 (6-18) | 14 (9-21) | \u22122 (\u22125 to 1) |
"""
    from evidence_review.extract.table_reader import read_tables
    table = pipe_table(text, header, caption="Table 2. Recovery")
    rows, _ = read_tables("d", text, {"tables": [table]}, build_study("d", text, {"tables": [table]}))
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"] == [
        (-3.0, "celecoxib", "placebo"), (-2.0, "celecoxib", "placebo")]
