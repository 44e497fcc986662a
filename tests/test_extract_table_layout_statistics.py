"""Layouts whose statistic or kind of figure the header path or the row declares apart from the cell: a quantity
followed by a column of its spread ("Mean change | SD") with the arms as rows, and bare whole numbers told to be
counts by the ratio printed beside them ("A | B | RR (95% CI)" per time span). Names, numbers and fields invented
for the tests."""
from __future__ import annotations

import pytest

from table_grids import read_pipe_table
from evidence_review.extract.table_columns import joined_statistic_columns, quantity_spread_pairs
from evidence_review.extract.table_counts import counts_told_by_ratios

METHODS = "One hundred adults were randomly assigned to tiagabine (n = 50) or placebo (n = 50).\n"


def _read(header: str, body: str, caption: str, header_rows: int = 1, methods: str = METHODS) -> list[dict]:
    text = f"{methods}{caption}\n{header}\n{body}\n"
    return read_pipe_table(text, header, caption=caption, header_rows=header_rows)[1] or []


def _paths(*leaves: str, upper: tuple[str, ...] = ()) -> dict[int, list[str]]:
    return {col: [*upper, leaf] for col, leaf in enumerate(leaves)}


def _body(*rows: tuple[str, ...]) -> dict[tuple[int, int], str]:
    return {(r, c): t for r, row in enumerate(rows, start=1) for c, t in enumerate(row)}


# --- a quantity and its spread column -------------------------------------------------------------------------------

def test_a_quantity_followed_by_its_spread_column_is_a_pair():
    paths = _paths("Arm", "N", "Mean change", "SD", "Baseline", "Baseline SD", "Weight", "(SE)")
    body = _body(("Tiagabine", "48", "-3.1", "1.4", "22.0", "4.1", "71.5", "1.2"),
                 ("Placebo", "47", "-1.2", "1.5", "21.7", "4.4", "72.0", "1.3"))
    assert quantity_spread_pairs(paths, body) == {2: "sd", 4: "sd", 6: "se"}


@pytest.mark.parametrize("leaves, row", [
    (("Arm", "Mean", "SD"), ("Tiagabine", "3.1", "1.4")),                  # a statistic: the reader's statistic group
    (("Arm", "MD (95% CI)", "SD"), ("Tiagabine", "-1.9", "0.4")),          # a comparison, no arm's quantity
    (("Arm", "Difference vs placebo", "SE"), ("Tiagabine", "-1.9", "0.4")),
    (("Arm", "Mean change", "P"), ("Tiagabine", "-3.1", "0.02")),          # no spread beside it
    (("Arm", "Mean change", "SD"), ("Tiagabine", "-3.1 (1.4)", "NR")),     # cells that are not two bare figures
])
def test_no_pair_where_the_first_is_no_quantity_or_the_cells_no_figure_and_spread(leaves, row):
    assert quantity_spread_pairs(_paths(*leaves), _body(row)) == {}


def test_joined_grid_names_the_quantity_with_its_format():
    cells = []
    for r, line in enumerate(["Arm | N | Mean change | SD | P", "Tiagabine | 48 | -3.1 | 1.4 | 0.01",
                              "Placebo | 47 | -1.2 | 1.5 | "]):
        for c, t in enumerate(line.split("|")):
            cells.append({"row": r, "col": c, "text": t.strip(), "start": 0, "end": 0, "header": r == 0})
    joined = {(c["row"], c["col"]): c["text"] for c in joined_statistic_columns({"cells": cells, "header_rows": 1}, {0})["cells"]}
    assert joined[(0, 2)] == "Mean change, Mean ± SD" and joined[(1, 2)] == "-3.1 ± 1.4"
    assert joined[(1, 3)] == "0.01" and (1, 4) not in joined


def test_arms_as_rows_with_change_and_sd_columns_give_each_arms_mean_and_sd():
    caption = "Table 3. Change in seizure frequency from baseline to week 16"
    header = "| Arm | N | Mean change | SD | MD (95% CI) | Effect size |"
    body = "| Tiagabine | 48 | -3.1 | 1.4 | -1.9 (-2.5 to -1.3) | 1.3 |\n| Placebo | 47 | -1.2 | 1.5 | | |"
    rows = _read(header, body, caption)
    means = sorted((str(r["intervention"]).lower(), r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("placebo", -1.2, 1.5, 47), ("tiagabine", -3.1, 1.4, 48)]
    assert not [r for r in rows if r["measure"] in ("MEDIAN", "PROPORTION")]


def test_a_comparison_column_of_arm_rows_gives_no_arm_figure():
    caption = "Table 3. HbA1c at week 24"
    header = "| Treatment | n | Baseline | Baseline SD | Change | SD | Difference vs placebo (95% CI) |"
    body = ("| Tiagabine | 48 | 8.3 | 0.8 | -0.7 | 0.6 | -0.5 (-0.8 to -0.2) |\n"
            "| Placebo | 47 | 8.2 | 0.9 | -0.2 | 0.7 | |")
    rows = _read(header, body, caption)
    arm_level = sorted((str(r["intervention"]).lower(), r["measure"], r["value"], r["sd"], r["role"]) for r in rows
                       if r["measure"] in ("MEAN", "MEDIAN", "PROPORTION"))
    assert arm_level == [("placebo", "MEAN", -0.2, 0.7, ""), ("placebo", "MEAN", 8.2, 0.9, "baseline"),
                         ("tiagabine", "MEAN", -0.7, 0.6, ""), ("tiagabine", "MEAN", 8.3, 0.8, "baseline")]


# --- bare counts told by the ratio beside them ----------------------------------------------------------------------

ARMS = {1: "T", 2: "P", 4: "T", 5: "P"}
SIZES = {1: 50, 2: 50, 4: 50, 5: 50}
EFFECTS = {3: "RR", 6: "RR"}


def test_bare_numbers_whose_ratio_is_the_printed_one_are_counts():
    rows = {1: {0: "Relapse", 1: "10", 2: "20", 3: "0.50 (0.26-0.96)", 4: "6", 5: "15", 6: "0.40 (0.17-0.94)"},
            2: {0: "Admission", 1: "4", 2: "8", 3: "2.00 (0.64-6.22)", 4: "", 5: "", 6: ""},      # the other order
            3: {0: "Apgar score", 1: "8", 2: "9", 3: "0.60 (0.33-1.09)", 4: "8", 5: "9", 6: "0.60"},   # no such ratio
            4: {0: "Visits", 1: "10", 2: "20", 3: "0.50", 4: "6", 5: "15", 6: "0.90 (0.70-1.10)"}}     # one disagrees
    assert counts_told_by_ratios(rows, ARMS, SIZES, EFFECTS) == {1, 2}


@pytest.mark.parametrize("measure, printed, told", [
    ("OR", "0.40 (0.16-0.99)", True),           # (10/40) / (20/30) = 0.375
    ("RD", "-20.0 (-37.6 to -2.4)", True),      # 20 % - 40 %, in points
    ("RD", "-0.20", True),                      # ... as a fraction
    ("RD", "-5.0", False),
    ("HR", "0.50 (0.26-0.96)", False),          # a hazard ratio is not computed from counts
])
def test_odds_ratios_and_risk_differences_tell_counts_too(measure, printed, told):
    rows = {1: {0: "Relapse", 1: "10", 2: "20", 3: printed}}
    assert bool(counts_told_by_ratios(rows, {1: "T", 2: "P"}, {1: 50, 2: 50}, {3: measure})) is told


def test_a_number_above_its_arms_size_or_two_columns_of_one_arm_are_no_counts():
    rows = {1: {0: "Relapse", 1: "60", 2: "120", 3: "0.50"}}
    assert counts_told_by_ratios(rows, {1: "T", 2: "P"}, {1: 50, 2: 100}, {3: "RR"}) == set()
    rows = {1: {0: "Relapse", 1: "10", 2: "20", 3: "0.50"}}
    assert counts_told_by_ratios(rows, {1: "T", 2: "T"}, {1: 50, 2: 50}, {3: "RR"}) == set()


def test_bare_counts_per_time_span_with_risk_ratios_are_read_as_each_arms_events():
    caption = "Table 4. Outcomes by year of follow-up"
    header = "| Outcome | Year 1 | Year 1 | Year 1 | Year 2 | Year 2 | Year 2 |"
    body = ("| | Tiagabine | Placebo | RR (95% CI) | Tiagabine | Placebo | RR (95% CI) |\n"
            "| Relapse | 10 | 20 | 0.50 (0.26-0.96) | 6 | 15 | 0.40 (0.17-0.94) |\n"
            "| Admission | 4 | 8 | 0.50 (0.16-1.56) | 2 | 5 | 0.40 (0.08-1.97) |")
    rows = _read(header, body, caption, header_rows=2)
    got = sorted((str(r["intervention"]).lower(), r["outcome"], r["timepoint"], r["events"], r["total"])
                 for r in rows if r["measure"] == "PROPORTION")
    assert got == [("placebo", "Admission", "year 1", 8, 50), ("placebo", "Admission", "year 2", 5, 50),
                   ("placebo", "Relapse", "year 1", 20, 50), ("placebo", "Relapse", "year 2", 15, 50),
                   ("tiagabine", "Admission", "year 1", 4, 50), ("tiagabine", "Admission", "year 2", 2, 50),
                   ("tiagabine", "Relapse", "year 1", 10, 50), ("tiagabine", "Relapse", "year 2", 6, 50)]
    assert len([r for r in rows if r["measure"] == "RR"]) == 4


def test_bare_whole_numbers_without_a_ratio_or_with_one_that_disagrees_stay_unread():
    caption = "Table 4. Outcomes by year of follow-up"
    header = "| Outcome | Year 1 | Year 1 | Year 2 | Year 2 |"
    body = "| | Tiagabine | Placebo | Tiagabine | Placebo |\n| Visits | 10 | 20 | 6 | 15 |"
    assert not [r for r in _read(header, body, caption, header_rows=2) if r["measure"] == "PROPORTION"]
    header = "| Outcome | Tiagabine | Placebo | RR (95% CI) |"
    body = "| Days in hospital | 10 | 20 | 0.90 (0.70-1.10) |"
    assert not [r for r in _read(header, body, caption) if r["measure"] == "PROPORTION"]


def test_two_outcomes_side_by_side_that_are_not_arms_give_no_arm_counts():
    caption = "Table 5. Relapse by sex"
    header = "| Period | Men | Women | RR (95% CI) |"
    body = "| Year 1 | 10 | 20 | 0.50 (0.26-0.96) |\n| Year 2 | 6 | 15 | 0.40 (0.17-0.94) |"
    rows = _read(header, body, caption)
    assert not [r for r in rows if r["measure"] == "PROPORTION" and str(r["intervention"]).lower() in ("tiagabine", "placebo")]


# --- a name and a time in one header cell ---------------------------------------------------------------------------

from evidence_review.extract.table_columns import factor_header_rows  # noqa: E402

_TIMES = {"baseline", "week 8", "8 weeks", "pre", "post", "before", "after"}


def _is_time(text: str) -> bool:
    return text.strip().lower() in _TIMES


def _header_grid(header: str) -> dict:
    cells = [{"row": r, "col": c, "text": t.strip(), "start": 0, "end": 0, "header": r == 0}
             for r, line in enumerate([header, "Score | 1.0 ± 0.1 | 2.0 ± 0.2 | 3.0 ± 0.3 | 4.0 ± 0.4 | 0.02"])
             for c, t in enumerate(line.split("|"))]
    return {"cells": cells, "header_rows": 1}


@pytest.mark.parametrize("header", [
    "Item | Yoga baseline | Yoga week 8 | Waitlist baseline | Waitlist week 8 | P",
    "Item | Baseline yoga | Week 8 yoga | Baseline waitlist | Week 8 waitlist | P",
    "Item | Yoga, baseline | Yoga, week 8 | Waitlist, baseline | Waitlist, week 8 | P",
    "Item | Yoga (pre) | Yoga (post) | Waitlist (pre) | Waitlist (post) | P",
])
def test_a_header_of_names_crossed_with_times_becomes_two_header_rows(header):
    grid = factor_header_rows(_header_grid(header), {0}, _is_time)
    texts = {(c["row"], c["col"]): c["text"] for c in grid["cells"]}
    assert [texts[(0, k)].lower() for k in range(1, 5)] == ["yoga", "yoga", "waitlist", "waitlist"]
    assert texts[(1, 1)].lower() in ("baseline", "pre") and texts[(1, 4)].lower() in ("week 8", "post")
    assert texts[(0, 5)] == "P" and texts[(1, 5)] == "" and texts[(2, 1)] == "1.0 ± 0.1"
    assert grid["header_rows"] == 2


@pytest.mark.parametrize("header", [
    "Item | Yoga baseline | Yoga week 8 | Waitlist | Total | P",          # one name at two times only
    "Item | Yoga | Waitlist | Stretching | Total | P",                     # no time at all
    "Item | Baseline | Week 8 | 8 weeks | After | P",                      # times only
])
def test_no_crossing_of_names_and_times_leaves_the_header_alone(header):
    grid = _header_grid(header)
    assert factor_header_rows(grid, {0}, _is_time) is grid


CROSS = "Sixteen cyclists completed two trials in random order, ingesting beetroot juice (BJ) or a nitrate-depleted placebo (PJ).\n"


@pytest.mark.parametrize("header, header_rows, body", [
    ("| Variable | BJ | BJ | PJ | PJ |", 2, "| | Pre | Post | Pre | Post |\n"),
    ("| Variable | BJ pre | BJ post | PJ pre | PJ post |", 1, ""),
    ("| Variable | Beetroot juice | Beetroot juice | Placebo | Placebo |", 2, "| | Pre | Post | Pre | Post |\n"),
])
def test_a_crossovers_conditions_are_its_arms_by_a_control_column_and_a_defined_short_name(header, header_rows, body):
    caption = "Table 2. Responses in each condition"
    body += "| VO2 peak (L/min) | 3.40 ± 0.31 | 3.55 ± 0.30 | 3.41 ± 0.29 | 3.39 ± 0.33 |"
    rows = _read(header, body, caption, header_rows=header_rows, methods=CROSS)
    means = sorted((str(r["intervention"]).lower(), r["timepoint"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("beetroot juice", "post", 3.55, 0.3), ("beetroot juice", "pre", 3.4, 0.31),
                     ("placebo", "post", 3.39, 0.33), ("placebo", "pre", 3.41, 0.29)]


def test_two_outcomes_side_by_side_over_times_are_no_arms_of_a_crossover():
    caption = "Table 2. Blood pressure in each period"
    header = "| Participant group | Systolic | Systolic | Diastolic | Diastolic |"
    body = "| | Pre | Post | Pre | Post |\n| All | 131 ± 12 | 126 ± 11 | 84 ± 8 | 80 ± 7 |"
    rows = _read(header, body, caption, header_rows=2, methods=CROSS)
    assert not [r for r in rows if r["measure"] == "MEAN" and r["intervention"] not in ("", None, "all patients")]


def test_a_placebo_column_of_a_parallel_trial_the_study_model_misses_seeds_no_arms():
    caption = "Table 2. Responses"
    methods = "Sixteen cyclists were studied; beetroot juice (BJ) and a nitrate-depleted placebo (PJ) were compared.\n"
    header = "| Variable | BJ | PJ |"
    body = "| VO2 peak (L/min) | 3.55 ± 0.30 | 3.39 ± 0.33 |"
    rows = _read(header, body, caption, methods=methods.replace("compared", "described"))
    assert not [r for r in rows if r["measure"] == "MEAN"]


@pytest.mark.parametrize("leaf", ["Estimate", "Coefficient", "β", "Δ (95% CI)", "Effect"])
def test_an_estimate_beside_its_standard_error_is_no_arms_quantity(leaf):
    assert quantity_spread_pairs(_paths("Outcome", "Drug", "Placebo", leaf, "SE"),
                                 _body(("Pain", "-2.1", "-0.9", "-1.20", "0.40"))) == {}


from evidence_review.extract.table_counts import (count_columns_told_by_effect_rows,  # noqa: E402
                                                  counts_told_by_effect_rows)


def test_an_effect_row_under_a_row_of_two_arm_columns_tells_its_counts():
    rows = {1: {0: "Relapse", 1: "10", 2: "20"}, 2: {0: "RR (95% CI)", 1: "0.50 (0.26-0.96)", 2: ""},
            3: {0: "Apgar score", 1: "8", 2: "9"}, 4: {0: "RR (95% CI)", 1: "0.60", 2: ""}}
    assert counts_told_by_effect_rows(rows, {1: "T", 2: "P"}, {1: 50, 2: 50}, {2: "RR", 4: "RR"}) == {1}
    # an arm over two columns (two times) gives no one pair of cells
    assert counts_told_by_effect_rows(rows, {1: "T", 2: "P", 3: "P"}, {1: 50, 2: 50, 3: 50}, {2: "RR"}) == set()


def test_an_effect_row_under_the_arms_rows_tells_which_columns_are_counts():
    rows = {1: {0: "Tiagabine", 1: "10", 2: "6", 3: "31"}, 2: {0: "Placebo", 1: "20", 2: "15", 3: "30"},
            3: {0: "RR (95% CI)", 1: "0.50 (0.26-0.96)", 2: "0.40 (0.17-0.94)", 3: ""}}
    assert count_columns_told_by_effect_rows(rows, {1: "T", 2: "P"}, {1: 50, 2: 50}, {3: "RR"}) == {1, 2}
    rows[3][3] = "0.50"         # a column whose numbers give another ratio: the row tells nothing
    assert count_columns_told_by_effect_rows(rows, {1: "T", 2: "P"}, {1: 50, 2: 50}, {3: "RR"}) == set()


def test_arms_as_rows_over_periods_with_a_risk_ratio_row_are_read_as_counts():
    caption = "Table 4. Relapse"
    header = "| | Year 1 | Year 2 | Year 3 |"
    body = ("| Tiagabine | 10 | 6 | 4 |\n| Placebo | 20 | 15 | 10 |\n"
            "| RR (95% CI) | 0.50 (0.26-0.96) | 0.40 (0.17-0.94) | 0.40 (0.13-1.19) |")
    got = sorted((str(r["intervention"]).lower(), r["timepoint"], r["events"], r["total"])
                 for r in _read(header, body, caption) if r["measure"] == "PROPORTION")
    assert got == [("placebo", "year 1", 20, 50), ("placebo", "year 2", 15, 50), ("placebo", "year 3", 10, 50),
                   ("tiagabine", "year 1", 10, 50), ("tiagabine", "year 2", 6, 50), ("tiagabine", "year 3", 4, 50)]
    # the same numbers as days in hospital, their ratio printed otherwise: no counts
    body = "| Tiagabine | 10 | 6 | 4 |\n| Placebo | 20 | 15 | 10 |\n| RR (95% CI) | 0.9 | 0.8 | 0.7 |"
    assert not [r for r in _read(header, body, caption) if r["measure"] == "PROPORTION"]


def test_arm_columns_with_an_effect_row_under_each_outcome_are_read_as_counts():
    caption = "Table 4. Outcomes"
    header = "| Outcome | Tiagabine | Placebo |"
    body = ("| Relapse, year 1 | 10 | 20 |\n| RR (95% CI) | 0.50 (0.26-0.96) | |\n"
            "| Admission, year 1 | 4 | 8 |\n| RR (95% CI) | 0.50 (0.16-1.56) | |")
    got = sorted((str(r["intervention"]).lower(), r["events"], r["total"]) for r in _read(header, body, caption)
                 if r["measure"] == "PROPORTION")
    assert got == [("placebo", 8, 50), ("placebo", 20, 50), ("tiagabine", 4, 50), ("tiagabine", 10, 50)]


def test_a_quantity_with_its_interval_column_and_shared_words_said_once():
    paths = _paths("Arm", "Mean change", "95% CI", "Change mean", "Change SD", "Pre mean", "Pre SD")
    body = _body(("Tiagabine", "-3.1", "-3.5 to -2.7", "-3.1", "1.4", "22.0", "4.1"))
    # ("Pre mean | Pre SD": a time with its statistics, left to the reader's time and statistic headers)
    assert quantity_spread_pairs(paths, body, lambda t: t.lower() == "pre") == {1: "ci", 3: "sd"}
    assert quantity_spread_pairs(_paths("Arm", "Relative risk", "95% CI"), _body(("Tiagabine", "0.8", "0.6-1.1"))) == {}


def test_arm_rows_with_a_mean_change_its_interval_and_an_effect_size_column():
    caption = "Table 3. Change in seizure frequency"
    header = "| Group | n | Mean change | 95% CI | Hedges g |"
    body = "| Tiagabine | 48 | -3.1 | -3.5 to -2.7 | 1.3 |\n| Placebo | 47 | -1.2 | -1.6 to -0.8 | |"
    rows = _read(header, body, caption)
    means = sorted((str(r["intervention"]).lower(), r["value"], r["total"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("placebo", -1.2, 47), ("tiagabine", -3.1, 48)]
    assert all(1.3 < r["sd"] < 1.45 for r in rows if r["measure"] == "MEAN")       # the SD from the interval and n
    assert all("sd_from_ci" in str(r["flags"]) for r in rows if r["measure"] == "MEAN")


def test_an_arm_span_printed_once_beside_a_p_column_spans_its_times():
    caption = "Table 2. Outcomes, mean (SD)"
    header = "| Variable | Tiagabine (n = 50) | | | Placebo (n = 50) | | | P |"
    body = ("| | Pre | Post | Change | Pre | Post | Change | |\n"
            "| Seizures per month | 8.1 (2.2) | 5.0 (2.0) | -3.1 (1.4) | 8.0 (2.3) | 6.8 (2.1) | -1.2 (1.5) | 0.01 |")
    rows = _read(header, body, caption, header_rows=2)
    got = sorted((str(r["intervention"]).lower(), r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert got == [("placebo", -1.2, 1.5), ("placebo", 6.8, 2.1), ("placebo", 8.0, 2.3),
                   ("tiagabine", -3.1, 1.4), ("tiagabine", 5.0, 2.0), ("tiagabine", 8.1, 2.2)]
    assert {r["role"] for r in rows if r["measure"] == "MEAN" and r["value"] in (8.1, 8.0)} == {"baseline"}
