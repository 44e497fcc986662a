"""Statistics spread over columns, and cells in unusual spellings (issue #13; classes counted on validation batches
27-29 when they were blind, each written here on tables of other fields, names and numbers, with negatives):
a mean and its SD in columns of their own printed without a leading zero (".5 | (.8)") under one or two header
levels above the arms; a mean ± its spread with the number measured in a bracket after it ("3.23±0.09 (800)" under
"Mean gain±SE (n)"); a centre with its bounds and one more bracketed figure ("2.82 (2.48 to 3.37) [100]"); amounts
of money ("$55.42 ($35.26)"); durations printed in two units ("7 h 12 min (1 h 5 min)")."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table as _read

from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.cells import (in_one_unit, lone_figure, spread_then_size, without_currency,
                                           without_trailing_figure)
from evidence_review.extract.declared_formats import declared_formats, label_format

ALLOCATION = "Adults were randomly assigned to zinc (n = 30) or placebo (n = 28).\n"


def _read_table(text: str, header_rows: int):
    first = next(line for line in text.split("\n") if line.startswith("|"))
    caption = text.split("\n")[1]
    return _read(text, first, caption, header_rows=header_rows)[1]


def _figures(rows):
    return [(r["measure"], r["intervention"], r["value"], r["sd"], r["se"], r["range_low"], r["range_high"], r["total"])
            for r in rows]


# ------------------------------------------------------------------------------------------ figures without a leading 0
@pytest.mark.parametrize("text, expected", [
    (".51", 0.51), ("-.21", -0.21), ("(.13)", 0.13), ("[4.5]", 4.5), ("12", 12.0), ("\u22121.5", -1.5), ("3,5", 3.5)])
def test_a_lone_figure_is_read_with_or_without_its_leading_zero_or_bracket(text, expected):
    assert lone_figure(text) == expected


@pytest.mark.parametrize("text", ["12 (3)", "4.5 \u00b1 1.2", "(4.5", "n.s.", "", "1.2-3.4"])
def test_a_cell_of_more_than_one_figure_is_no_lone_figure(text):
    assert lone_figure(text) is None


def test_means_and_sds_without_leading_zeros_under_two_header_levels_above_the_arms():
    text = ALLOCATION + """Table 2. Symptom scores
| Symptom | Day 3 | Day 3 | Day 3 | Day 3 | Day 7 | Day 7 | Day 7 | Day 7 |
| Symptom | Zinc | Zinc | Placebo | Placebo | Zinc | Zinc | Placebo | Placebo |
| Symptom | Mean | SD | Mean | SD | Mean | SD | Mean | SD |
| Cough | .42 | (.61) | .77 | (.83) | .12 | (.30) | .35 | (.52) |
| Sore throat | 1.10 | (.95) | 1.31 | (1.02) | .20 | (.41) | .66 | (.70) |
"""
    rows = [r for r in _read_table(text, 3) if r["measure"] == "MEAN"]
    assert [(r["intervention"], r["value"], r["sd"], r["timepoint"]) for r in rows] == [
        ("zinc", 0.42, 0.61, "day 3"), ("placebo", 0.77, 0.83, "day 3"),
        ("zinc", 0.12, 0.30, "day 7"), ("placebo", 0.35, 0.52, "day 7"),
        ("zinc", 1.10, 0.95, "day 3"), ("placebo", 1.31, 1.02, "day 3"),
        ("zinc", 0.20, 0.41, "day 7"), ("placebo", 0.66, 0.70, "day 7")]


def test_mean_sd_min_max_columns_under_each_arm_without_leading_zeros():
    text = ALLOCATION + """Table 3. Laboratory values
| Variable | Zinc | Zinc | Zinc | Zinc | Placebo | Placebo | Placebo | Placebo |
| Variable | Mean | SD | Min | Max | Mean | SD | Min | Max |
| Serum zinc (mg/L) | .93 | (.12) | .71 | 1.20 | .81 | (.10) | .60 | .99 |
| Change in score | -.25 | .40 | -1.1 | .6 | .05 | .38 | -.7 | .9 |
"""
    assert _figures(r for r in _read_table(text, 2) if r["measure"] == "MEAN") == [
        ("MEAN", "zinc", 0.93, 0.12, None, 0.71, 1.2, 30), ("MEAN", "placebo", 0.81, 0.10, None, 0.60, 0.99, 28),
        ("MEAN", "zinc", -0.25, 0.40, None, -1.1, 0.6, 30), ("MEAN", "placebo", 0.05, 0.38, None, -0.7, 0.9, 28)]


def test_an_n_column_beside_a_mean_column_is_its_size_not_its_spread():
    text = ALLOCATION + """Table 4. Scores
| Variable | Zinc | Zinc | Placebo | Placebo |
| Variable | N | Mean | N | Mean |
| Fatigue score | 29 | .45 | 27 | .61 |
"""
    assert _figures(r for r in _read_table(text, 2) if r["measure"] == "MEAN") == [
        ("MEAN", "zinc", 0.45, None, None, None, None, 29), ("MEAN", "placebo", 0.61, None, None, None, None, 27)]


# ------------------------------------------------------------------------------------------ a mean ± spread (n)
def test_a_mean_and_spread_with_the_number_measured_after_them():
    assert spread_then_size("5.12\u00b10.21 (640)", 700) == ("5.12\u00b10.21", 640)
    assert spread_then_size("-1.4 \u00b1 0.3 [95]", None) == ("-1.4 \u00b1 0.3", 95)


@pytest.mark.parametrize("cell, n", [
    ("9.4 \u00b1 3.9 (8)", 50),         # a median after the mean, near it: not a number of patients
    ("5.12\u00b10.21 (640)", 300),       # more patients than the arm has
    ("5.12 (0.21) (640)", 700),         # no plus-minus: two brackets read elsewhere
    ("5.12\u00b10.21 (64.0)", 700)])     # a decimal is no count of patients
def test_a_bracket_after_a_mean_and_spread_that_cannot_be_its_size(cell, n):
    assert spread_then_size(cell, n) is None


def test_mean_gain_plus_minus_se_with_n_columns_of_two_arms_and_two_outcomes():
    text = "Infants were randomised to fortified formula (n = 720) or standard formula (n = 705).\n" + \
        """Table 2. Growth at 6 months
| Outcome | Fortified formula | Standard formula |
| | Mean gain\u00b1SE (n) | Mean gain\u00b1SE (n) |
| Weight (kg) | 2.91\u00b10.07 (655) | 2.70\u00b10.08 (649) |
| Length (cm) | 7.4\u00b10.2 (650) | 7.1\u00b10.2 (641) |
"""
    rows = [r for r in _read_table(text, 2) if r["measure"] == "MEAN"]
    assert [(r["intervention"], r["value"], r["se"], r["total"]) for r in rows] == [
        ("fortified formula", 2.91, 0.07, 655), ("standard formula", 2.70, 0.08, 649),
        ("fortified formula", 7.4, 0.2, 650), ("standard formula", 7.1, 0.2, 641)]
    assert all("sd_from_se" in r["flags"] for r in rows)


@pytest.mark.parametrize("label, expected", [
    ("Mean gain\u00b1SE", "mean_se"), ("Mean change (SD)", "mean_sd"), ("Mean % change \u00b1 SD", "mean_sd"),
    ("Median time, days (range)", "median_range"), ("Mean \u00b1 SE (n)", "mean_se"), ("Median [IQR], (n)", "median_iqr"),
    ("Mean difference \u00b1 SE", "mean"), ("Meaningful change \u00b1 SE", ""), ("Patients (n)", "count"), ("Mean (SD) of patients (n)", "count")])
def test_a_centre_named_with_what_it_is_of_and_a_trailing_size(label, expected):
    assert label_format(label) == expected


def test_a_trailing_n_ends_a_centre_format_only_right_after_it():
    assert declared_formats("Mean (SD) [n]") == ("mean_sd",)
    assert declared_formats("Values are mean \u00b1 SD or number of patients (n)") == ("mean_sd", "count")


# ------------------------------------------------------------------------------------------ a centre, bounds, one more
def test_a_centre_with_bounds_and_a_bracketed_share_after_them():
    assert without_trailing_figure("4.10 (3.02 to 5.55) [87]").rstrip() == "4.10 (3.02 to 5.55)"
    assert without_trailing_figure("12 (8-15) (45.5%)").rstrip() == "12 (8-15)"
    found = parse_arm_cell("4.10 (3.02 to 5.55) [87]", "median_range", 40)
    assert (found["measure"], found["value"], found["range_low"], found["range_high"]) == ("MEDIAN", 4.1, 3.02, 5.55)


@pytest.mark.parametrize("cell", ["12 (30.0%) [95% CI 17-46]", "2.4 (0.8) [1-5]", "30 [20; 45] (10-90)", "4 (2-7)"])
def test_cells_whose_second_bracket_is_no_lone_figure_after_bounds(cell):
    assert without_trailing_figure(cell) == cell


# ------------------------------------------------------------------------------------------ money and durations
def test_amounts_of_money_are_read_as_their_figures():
    assert without_currency("\u20ac812.40 (\u20ac95.10)") == " 812.40 ( 95.10)"
    found = parse_arm_cell("\u00a31,250 (\u00a3430)", "mean_sd", 60)
    assert (found["measure"], found["value"], found["sd"]) == ("MEAN", 1250.0, 430.0)
    assert without_currency("12.5 (3.1)") == "12.5 (3.1)"


@pytest.mark.parametrize("cell, expected", [
    ("7 h 12 min (1 h 5 min)", "432 (65)"), ("2 hrs 03 mins (47 mins)", "123 (47)"), ("4 min 10 s (50 s)", "250 (50)")])
def test_a_duration_in_two_units_is_written_in_the_smaller(cell, expected):
    written = in_one_unit(cell)
    assert len(written) == len(cell)
    assert " ".join(written.split()).replace("( ", "(").replace(" )", ")") == expected


@pytest.mark.parametrize("cell", ["12 h", "45 min (12 min)", "2 h 5 min (3 min 20 s)", "39+6 (38+2-41+0)", "12.5 (3.1)"])
def test_a_cell_without_a_duration_in_two_units_is_left_as_printed(cell):
    assert in_one_unit(cell) == cell


def test_durations_in_two_units_in_a_table_of_means():
    text = ALLOCATION + """Table 3. Recovery
| Outcome, mean (SD) | Zinc | Placebo |
| Time to discharge | 5 h 20 min (1 h 10 min) | 6 h 5 min (58 min) |
| Cost of stay | $410.20 ($88.70) | $455.00 ($92.35) |
"""
    assert _figures(_read_table(text, 1)) == [
        ("MEAN", "zinc", 320.0, 70.0, None, None, None, 30), ("MEAN", "placebo", 365.0, 58.0, None, None, None, 28),
        ("MEAN", "zinc", 410.2, 88.7, None, None, None, 30), ("MEAN", "placebo", 455.0, 92.35, None, None, None, 28)]


# ------------------------------------------------------------------------------------------ median lines, "--" visits
@pytest.mark.parametrize("label, expected", [
    ("(range)", "range"), ("[Range]", "range"), ("(SD)", "sd"), ("(IQR)", "iqr"), ("(min-max)", "range"),
    ("(n)", None), ("(Mean)", None), ("(kg)", None)])
def test_a_spread_named_in_its_brackets_is_that_statistic(label, expected):
    from evidence_review.extract.grammar import statistic_name
    assert statistic_name(label) == expected


def test_mean_median_and_bracketed_range_lines_per_visit_with_visits_not_measured():
    text = ALLOCATION + """Table 2. Serum levels by visit
| Variable | Zinc | Zinc | Placebo | Placebo |
| | Visit 2 | Visit 3 | Visit 2 | Visit 3 |
| Copper (umol/L) | | | | |
| Mean \u00b1 SD | 15.2 \u00b1 2.1 | 14.8 \u00b1 2.0 | 15.0 \u00b1 2.3 | -- |
| Median | 15.0 | 14.5 | 14.9 | -- |
| (range) | (11.0-19.5) | (10.8-18.9) | (10.1-20.2) | -- |
"""
    rows = _read_table(text, 2)
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["range_low"], r["range_high"], r["timepoint"])
            for r in rows] == [
        ("MEAN", "zinc", 15.2, 2.1, None, None, "visit 2"), ("MEAN", "zinc", 14.8, 2.0, None, None, "visit 3"),
        ("MEAN", "placebo", 15.0, 2.3, None, None, "visit 2"),
        ("MEDIAN", "zinc", 15.0, None, 11.0, 19.5, "visit 2"), ("MEDIAN", "zinc", 14.5, None, 10.8, 18.9, "visit 3"),
        ("MEDIAN", "placebo", 14.9, None, 10.1, 20.2, "visit 2")]


def test_a_spread_row_under_figures_joins_them_past_visits_not_measured():
    text = ALLOCATION + """Table 3. Serum levels by visit
| Variable | Zinc | Zinc | Placebo | Placebo |
| | Visit 2 | Visit 3 | Visit 2 | Visit 3 |
| Selenium (ug/L), mean | 88.1 | -- | 86.4 | NA |
| SD | 10.2 | -- | 9.7 | NA |
"""
    rows = _read_table(text, 2)
    assert [(r["intervention"], r["value"], r["sd"]) for r in rows] == [("zinc", 88.1, 10.2), ("placebo", 86.4, 9.7)]


def test_a_dash_row_under_figures_is_no_spread():
    from evidence_review.extract.table_rows import with_continuation_rows
    from table_grids import pipe_table
    text = """| Variable | Zinc | Placebo |
| Falls | 3 | 4 |
| (range) | -- | -- |
"""
    table = pipe_table(text, text.split("\n")[0])
    assert with_continuation_rows(table) is table


# ------------------------------------------------------------------------------------------ an interval's other names
@pytest.mark.parametrize("words, expected", [
    ("Mean (95% CL)", ("mean_ci",)), ("mean (lower and upper 95% confidence limits)", ("mean_ci",)),
    ("Median (95% confidence bounds)", ("median_ci",)), ("Median (range)", ("median_range",)),
    ("Mean (confidence limits of the assay)", ())])
def test_an_interval_named_by_its_limits_declares_a_centre_with_its_interval(words, expected):
    assert declared_formats(words) == expected


def test_a_footnote_naming_fitted_means_with_their_confidence_limits():
    foot = "Fitted mean (lower, upper 95% confidence limit) from the repeated-measures model."
    text = ALLOCATION + f"""Table 4. Outcomes at week 8
| Outcome | Zinc | Placebo |
| Symptom days | 4.2 (3.1, 5.3) | 5.9 (4.8, 7.0) |
{foot}
"""
    first = next(line for line in text.split("\n") if line.startswith("|"))
    rows = _read(text, first, "Table 4. Outcomes at week 8", header_rows=1, footnote=foot)[1]
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["q1"]) for r in rows] == [
        ("MEAN", 4.2, 3.1, 5.3, None), ("MEAN", 5.9, 4.8, 7.0, None)]


# ------------------------------------------------------------------------------------------ unlabelled median lines
_MEDIAN_LINES = ALLOCATION + """Table 5. Blood counts by visit
| Variable | Zinc | Zinc | Placebo | Placebo |
| | Visit 1 | Visit 2 | Visit 1 | Visit 2 |
| Platelets (10^9/L) | 251 \u00b1 40 | 262 \u00b1 38 | 248 \u00b1 45 | -- |
| | 249 | 258 | 244 | -- |
| | (170-330) | (181-340) | (160-352) | -- |
| Leukocytes (10^9/L) | 6.4 \u00b1 1.5 | 6.1 \u00b1 1.4 | 6.6 \u00b1 1.7 | 6.5 \u00b1 1.6 |
"""


def test_unlabelled_median_and_range_lines_under_a_variables_means():
    rows = _read_table(_MEDIAN_LINES, 2)
    medians = [(r["intervention"], r["value"], r["range_low"], r["range_high"], r["timepoint"], r["outcome"])
               for r in rows if r["measure"] == "MEDIAN"]
    assert medians == [("zinc", 249.0, 170.0, 330.0, "visit 1", "Platelets (10^9/L)"),
                       ("zinc", 258.0, 181.0, 340.0, "visit 2", "Platelets (10^9/L)"),
                       ("placebo", 244.0, 160.0, 352.0, "visit 1", "Platelets (10^9/L)")]
    assert len([r for r in rows if r["measure"] == "MEAN"]) == 7


@pytest.mark.parametrize("middle, bottom", [
    ("| | 249 | 258 | 244 | -- |", "| | (250-330) | (181-340) | (160-352) | -- |"),      # a figure outside its pair
    ("| | 249 | 258 | 244 | -- |", "| | (170-330) | (181-340) | -- | -- |"),            # a figure without its pair
    ("| | 249 | 258 | 244 | -- |", "| Total | (170-330) | (181-340) | (160-352) | -- |")])   # a row of its own
def test_lines_under_means_that_are_no_median_with_its_range(middle, bottom):
    from evidence_review.extract.table_rows import with_median_lines
    from table_grids import pipe_table
    lines = _MEDIAN_LINES.split("\n")
    text = "\n".join(lines[:5] + [middle, bottom] + lines[7:])
    table = pipe_table(text, lines[2], header_rows=2)
    assert with_median_lines(table) is table


@pytest.mark.parametrize("body, expected", [
    # a mean named with what it is of before its "(range)": a mean with its range, never a median
    ("| Mean hospital stay, days (range) | 4.8 (1-12) | 6.3 (2-15) |", [(4.8, 1.0, 12.0), (6.3, 2.0, 15.0)]),
    ("| Mean weight in kg (range) | 71 (52-96) | 69 (50-99) |", [(71.0, 52.0, 96.0), (69.0, 50.0, 99.0)]),
    # a "Mean" line and its "(range)" line under the variable's heading
    ("| Stay in hospital, days | | |\n| Mean | 4.8 | 6.3 |\n| (range) | (1-12) | (2-15) |",
     [(4.8, 1.0, 12.0), (6.3, 2.0, 15.0)])])
def test_mean_rows_with_their_range_are_means(body, expected):
    text = ALLOCATION + "Table 2. Outcomes\n| Variable | Zinc | Placebo |\n" + body + "\n"
    rows = _read_table(text, 1)
    assert [(r["measure"], r["value"], r["range_low"], r["range_high"]) for r in rows] == \
        [("MEAN",) + e for e in expected]
