"""Cells printing more than one statistic, and effect cells whose measure the document declares elsewhere:
- an effect cell's footnote letter glued after its figures names its measure in the table's footnotes ("0.54
  (0.31:0.94)b" under "b odds ratio"), its interval perhaps printed "lo:hi" (table_effects.py);
- "Difference (95% CI), effect size" over "0.35 (-0.91 to 1.61),0.12": the difference, the effect size after it;
- "Change (95% CI)" over an arm's column: the arm's mean change with its interval, not a median;
- a figure and its interval on two lines of one cell ("2.9<break/>1.8 to 4.0"): ingestion keeps a space between
  them, the reader takes the second line as the interval (cells.stacked_interval);
- "mean ± SD (median)" over "31 ± 19.4(24)": the mean with its SD and the median, each its row
  (cells.mean_and_median_variants);
- "Median (IQR)Mean (SD)" beside "0·0 (-0.5 to 1.0)0.12 (SD 1.40)": both statistics one after the other in each cell
  (cells.two_statistic_variants)."""
from __future__ import annotations

import pytest
from lxml import etree
from table_grids import read_pipe_table

from evidence_review.extract.cells import mean_and_median_variants, stacked_interval, two_statistic_variants
from evidence_review.extract.declared_formats import label_format
from evidence_review.extract.table_effects import (before_effect_size, colon_interval, glued_mark, marked_measure,
                                                   without_effect_size)
from evidence_review.ingest.markuptables import cell_text


# ------------------------------------------------------------------------------------------ effect cells
@pytest.mark.parametrize("cell, expected", [
    ("0.54 (0.31:0.94)", "0.54 (0.31 to 0.94)"),
    ("-870 (-1310:-430)", "-870 (-1310 to -430)"),
    ("1.7 [1.1 : 2.6]", "1.7 [1.1 to 2.6]"),
    ("12 (1:2)", "12 (1:2)"),            # a count and a ratio of counts, no interval
    ("3 (2:5)", "3 (2:5)"),              # whole numbers of one sign: a ratio of counts
    ("4.2 (0.5:1.9)", "4.2 (0.5:1.9)"),  # the value outside the pair: no interval of it
])
def test_an_interval_printed_with_a_colon(cell, expected):
    assert colon_interval(cell) == expected


@pytest.mark.parametrize("cell, expected", [
    ("0.54 (0.31:0.94)b", ("0.54 (0.31:0.94)", "b")),
    ("-2.1 (-3.0 to -1.2) c", ("-2.1 (-3.0 to -1.2)", "c")),
    ("1.9 (0.4-3.4)^a", ("1.9 (0.4-3.4)", "a")),
    ("0.88 (0.70-1.10)", ("0.88 (0.70-1.10)", "")),
    ("0.51b (0.29:0.90)", ("0.51 (0.29:0.90)", "b")),
    ("1.9^c [0.4, 3.4]", ("1.9 [0.4, 3.4]", "c")),
    ("12 (30.0)", ("12 (30.0)", "")),
    ("Diabetes", ("Diabetes", "")),
])
def test_a_footnote_letter_glued_after_an_effect(cell, expected):
    assert glued_mark(cell) == expected


@pytest.mark.parametrize("notes, expected", [
    ("a Mean difference; b odds ratio; c incidence rate ratio.", {"a": "MD", "b": "OR", "c": "IRR", "d": None}),
    ("Effect estimates: a adjusted mean difference, b adjusted odds ratio, c adjusted rate ratio",
     {"a": "MD", "b": "OR", "c": "IRR"}),
    ("a: hazard ratio from a Cox model\nb: risk difference", {"a": "HR", "b": "RD"}),
    ("^a OR; ^b MD", {"a": "OR", "b": "MD"}),
    # a letter inside a sentence is a word: "is a mean difference" declares nothing for mark "a"
    ("The effect shown is a mean difference between the arms.", {"a": None}),
    # a mark whose note names no measure
    ("a P < 0.05 against baseline", {"a": None}),
])
def test_the_measure_a_marked_footnote_names(notes, expected):
    assert {mark: marked_measure(mark, notes) for mark in expected} == expected


_GAIT = "Methods. Adults were randomly assigned to balance training (n = 120) or health education (n = 118).\n\n"


def test_an_effect_column_whose_cells_carry_the_marks_of_their_measures():
    text = _GAIT + """Table 3. Outcomes at 12 months
| Outcome | Balance training (n = 120) | Health education (n = 118) | Effect size (95% CI) |
| Gait speed, m/s | 1.12 (0.21) | 1.05 (0.24) | 0.07 (0.01:0.13)a |
| Fallers, n (%) | 28 (23.3) | 44 (37.3) | 0.51 (0.29:0.90)b |
| Falls per person-year | 0.7 | 1.1 | 0.64 (0.47:0.87)c |
| Steps per day | 5210 (1730) | 6730 (2010) | -1520 (-2000:-1040)a |
"""
    footnote = "a Adjusted mean difference; b adjusted odds ratio; c incidence rate ratio."
    _, rows = read_pipe_table(text + footnote + "\n", text.split("\n")[3], caption="Table 3. Outcomes at 12 months",
                              footnote=footnote)
    effects = {(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows
               if r["measure"] not in ("MEAN", "PROPORTION", "MEDIAN", "ARR")}
    assert effects == {("MD", 0.07, 0.01, 0.13), ("OR", 0.51, 0.29, 0.9), ("IRR", 0.64, 0.47, 0.87),
                       ("MD", -1520.0, -2000.0, -1040.0)}
    assert {(r["intervention"], r["comparator"]) for r in rows if r["measure"] in ("MD", "OR", "IRR")} == \
        {("balance training", "health education")}


def test_a_ratio_of_counts_in_an_effect_column_is_no_interval():
    # "12 (1:2)": no value between its bounds, no interval; the cell gives no effect row
    text = _GAIT + """Table 3. Allocation
| Outcome | Balance training (n = 120) | Health education (n = 118) | Effect size (95% CI) |
| Falls, n (ratio) | 12 | 15 | 12 (1:2) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 3. Allocation")
    assert not [r for r in rows or [] if r["measure"] in ("SMD", "MD", "OR", "RR", "IRR")]


def test_a_difference_with_its_effect_size_after_it():
    assert before_effect_size("Difference (95% CI), effect size") == "Difference (95% CI)"
    assert before_effect_size("Effect size (95% CI)") == "Effect size (95% CI)"
    assert without_effect_size("0.35 (-0.91 to 1.61),0.12") == "0.35 (-0.91 to 1.61)"
    assert without_effect_size("0.35 (-0.91 to 1.61)") == "0.35 (-0.91 to 1.61)"
    text = """Methods. Patients were randomly assigned to tai chi (n = 36) or walking (n = 38).

Table 2. Change from baseline to 16 weeks
| Outcome | Tai chi (n = 36) | Walking (n = 38) | |
| | Change (95% CI) | Change (95% CI) | Difference (95% CI), effect size |
| Fatigue score | -3.10 (-4.02 to -2.18) | -1.60 (-2.45 to -0.75) | -1.50 (-2.75 to -0.25),0.52 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 2. Change from baseline to 16 weeks", header_rows=2)
    found = {(r["measure"], r["intervention"], r["value"], r["ci_low"], r["ci_high"]) for r in rows}
    # each arm's change with its interval is a mean (its SD derived from the interval), never a median
    assert found == {("MEAN", "tai chi", -3.1, -4.02, -2.18), ("MEAN", "walking", -1.6, -2.45, -0.75),
                     ("MD", "tai chi", -1.5, -2.75, -0.25)}


@pytest.mark.parametrize("label, expected", [
    ("Change (95% CI)", "mean_ci"),
    ("Change from baseline (95% CI)", "mean_ci"),
    ("Median change (95% CI)", "median_ci"),
    ("Change", ""),
])
def test_a_change_with_its_interval_is_a_mean_change(label, expected):
    assert label_format(label) == expected


# ------------------------------------------------------------------------------------------ two lines of one cell
@pytest.mark.parametrize("xml, expected", [
    ("<td>3.4<break/>2.2 to 4.6</td>", "3.4 2.2 to 4.6"),
    ("<td>-0.7<break/>(-1.5, 0.1)</td>", "-0.7 (-1.5, 0.1)"),
    ("<td>6 (19)<break/>n = 31</td>", "6 (19)n = 31"),           # a size after the figure: as before
    ("<td>Body mass<break/>index</td>", "Body massindex"),        # words: as before
])
def test_a_line_break_between_two_figures_is_a_space(xml, expected):
    assert cell_text(etree.fromstring(xml)) == expected


@pytest.mark.parametrize("cell, expected", [
    ("3.4 2.2 to 4.6", "3.4 (2.2 to 4.6)"),
    ("-0.7 -1.5, 0.1", "-0.7 (-1.5 to 0.1)"),
    ("12 15", "12 15"),                  # two counts
    ("3 4-5", "3 4-5"),                  # the first figure outside the pair
    ("5.0 5.0 to 5.0", "5.0 5.0 to 5.0"),
])
def test_a_figure_and_its_interval_without_a_bracket(cell, expected):
    assert stacked_interval(cell) == expected


def test_a_mean_and_its_interval_on_two_lines_under_a_spanning_mean_and_ci():
    span = "Change at 10 weeks, mean and 95% CI"
    text = f"""Methods. Patients were randomly assigned to massage (n = 44) or rest (n = 45).

Table 2. Outcomes
| | {span} | {span} | {span} |
| Outcome | Massage | Rest | Difference |
| Neck pain | -3.4 -4.1 to -2.7 | -1.2 -1.9 to -0.5 | -2.2 -3.2 to -1.2 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 2. Outcomes", header_rows=2)
    found = {(r["measure"], r["intervention"], r["value"], r["ci_low"], r["ci_high"], r["total"]) for r in rows}
    assert found == {("MEAN", "massage", -3.4, -4.1, -2.7, 44), ("MEAN", "rest", -1.2, -1.9, -0.5, 45),
                     ("MD", "massage", -2.2, -3.2, -1.2, None)}


def test_two_figures_on_two_lines_are_no_interval_without_a_declared_interval():
    text = """Methods. Patients were randomly assigned to massage (n = 44) or rest (n = 45).

Table 2. Outcomes
| Outcome | Massage | Rest |
| Sessions attended, mean | 6.1 5.2 to 7.0 | 5.9 5.0 to 6.8 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 2. Outcomes")
    assert not [r for r in rows or [] if r.get("ci_low") is not None]


# ------------------------------------------------------------------------------------------ a mean and a median
_MOBILITY = "Methods. Patients were randomly assigned to early mobilisation (n = 52) or bed rest (n = 50).\n\n"


def test_a_mean_with_its_sd_and_the_median_in_one_cell():
    text = _MOBILITY + """Table 2. Hospital outcomes
| Outcome | Early mobilisation (n = 52) | Bed rest (n = 50) | P |
| Length of stay, days, mean ± SD (median) | 9.4 ± 3.9(8) | 12.6 ± 5.8(11) | 0.02 |
| Time to walk 10 m, h, mean ± SD (median) | 30 ± 21.5 (24) | 47 ± 26.1 (41) | 0.01 |
| Readmission, n (%) | 4 (7.7) | 8 (16.0) | 0.21 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 2. Hospital outcomes")
    found = {(r["measure"], r["intervention"], r["outcome"], r["value"], r["sd"]) for r in rows
             if r["measure"] != "PROPORTION"}
    assert found == {
        ("MEAN", "early mobilisation", "Length of stay", 9.4, 3.9), ("MEAN", "bed rest", "Length of stay", 12.6, 5.8),
        ("MEDIAN", "early mobilisation", "Length of stay", 8.0, None), ("MEDIAN", "bed rest", "Length of stay", 11.0, None),
        ("MEAN", "early mobilisation", "Time to walk 10 m", 30.0, 21.5), ("MEAN", "bed rest", "Time to walk 10 m", 47.0, 26.1),
        ("MEDIAN", "early mobilisation", "Time to walk 10 m", 24.0, None), ("MEDIAN", "bed rest", "Time to walk 10 m", 41.0, None)}
    # the counts are read once
    assert sorted(r["events"] for r in rows if r["measure"] == "PROPORTION") == [4, 8]


def test_a_header_declaring_a_mean_and_a_median_over_its_column():
    text = _MOBILITY + """Table 2. Hospital outcomes
| Outcome | Early mobilisation (n = 52) | Bed rest (n = 50) |
| | Mean ± SD (median) | Mean ± SD (median) |
| Length of stay, days | 9.4 ± 3.9 [8] | 12.6 ± 5.8 [11] |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 2. Hospital outcomes", header_rows=2)
    assert {(r["measure"], r["intervention"], r["value"]) for r in rows} == {
        ("MEAN", "early mobilisation", 9.4), ("MEAN", "bed rest", 12.6),
        ("MEDIAN", "early mobilisation", 8.0), ("MEDIAN", "bed rest", 11.0)}


def test_a_bracketed_number_after_a_mean_is_no_median_unless_declared():
    table = {"caption": "Table 2. Outcomes", "header_rows": 1, "cells": [
        {"row": 0, "col": 0, "text": "Outcome", "header": True}, {"row": 0, "col": 1, "text": "A", "header": True},
        {"row": 0, "col": 2, "text": "B", "header": True},
        {"row": 1, "col": 0, "text": "Weight, kg, mean ± SD (n)"}, {"row": 1, "col": 1, "text": "71.2 ± 9.0 (40)"},
        {"row": 1, "col": 2, "text": "70.4 ± 8.1 (38)"}]}
    assert mean_and_median_variants(table, {0}) is None


_SEDATION = "Methods. Patients were randomly assigned to guided sedation (n = 24) or usual sedation (n = 31).\n\n"


def test_a_median_and_a_mean_printed_one_after_the_other_in_each_cell():
    # the line break between the two statistics lost: "Median (IQR)Mean (SD)", middle-dot decimals in the medians
    text = _SEDATION + """Table 4. Change from baseline
| Measure | | Guided sedation (n = 24) | Usual sedation (n = 31) | Evaluation |
| Memory score | Median (IQR)Mean (SD) | 0·0 (−0.50 to 1.00)0.12 (SD 1.40) | −2·0 (−4.0 to 0.0)−1.85 (SD 3.70) | P = 0.004 |
| Reaction time | Median (IQR)Mean (SD) | 1·5 (−18.2 to 11.3)4.80 (SD 60.10) | 22·4 (−15.1 to 64.0)25.60 (SD 71.30) | P = 0.04 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[3], caption="Table 4. Change from baseline")
    found = {(r["measure"], r["intervention"], r["value"], r["sd"], r["q1"], r["q3"]) for r in rows
             if r["outcome"] == "Memory score"}
    assert found == {("MEDIAN", "guided sedation", 0.0, None, -0.5, 1.0), ("MEAN", "guided sedation", 0.12, 1.4, None, None),
                     ("MEDIAN", "usual sedation", -2.0, None, -4.0, 0.0), ("MEAN", "usual sedation", -1.85, 3.7, None, None)}
    assert len([r for r in rows if r["outcome"] == "Reaction time"]) == 4


def test_two_bracketed_figures_without_a_two_statistic_declaration_are_not_split():
    table = {"caption": "Table 2. Outcomes", "header_rows": 1, "cells": [
        {"row": 0, "col": 0, "text": "Outcome", "header": True}, {"row": 0, "col": 1, "text": "A", "header": True},
        {"row": 0, "col": 2, "text": "B", "header": True},
        {"row": 1, "col": 0, "text": "Weight, kg, mean (SD)"}, {"row": 1, "col": 1, "text": "71.2 (9.0) 70.1 (8.8)"},
        {"row": 1, "col": 2, "text": "70.4 (8.1) 69.9 (8.0)"}]}
    assert two_statistic_variants(table, {0}) is None


def test_the_mark_of_the_row_label_declares_its_effect_and_a_colon_interval_of_an_arm():
    text = _GAIT + """Table 3. Outcomes at 12 months
| Outcome | Balance training (n = 120) | Health education (n = 118) | Effect (95% CI) |
| Fallers, n (%)† | 28 (23.3) | 44 (37.3) | 0.51 (0.29:0.90) |
| Gait speed, m/s‡ | 1.12 (0.21) | 1.05 (0.24) | 0.07 (0.01:0.13) |
"""
    footnote = "† Odds ratio. ‡ Mean difference adjusted for age."
    _, rows = read_pipe_table(text + footnote + "\n", text.split("\n")[3], caption="Table 3. Outcomes at 12 months",
                              footnote=footnote)
    assert {(r["measure"], r["value"], r["ci_low"]) for r in rows if r["measure"] in ("OR", "MD", "RD", "SMD")} == \
        {("OR", 0.51, 0.29), ("MD", 0.07, 0.01)}


@pytest.mark.parametrize("cell, hint, expected", [
    ("5.2 (3.1:7.3)", "mean_ci", ("MEAN", 5.2, 3.1, 7.3)),
    ("-870 (-1310:-430)", "mean_ci", ("MEAN", -870.0, -1310.0, -430.0)),
    ("5.2 (3.1:7.3)", "", None),           # no declared interval: a colon pair says nothing
    ("12 (1:2)", "mean_ci", None),         # the centre outside its pair
])
def test_an_arm_figure_with_its_interval_printed_with_a_colon(cell, hint, expected):
    from evidence_review.extract.arm_cells import parse_arm_cell
    found = parse_arm_cell(cell, hint, 40)
    assert (found and (found["measure"], found["value"], found["ci_low"], found["ci_high"])) == expected


# ------------------------------------------------------------------------------------------ keyed statistics
def test_a_cell_printing_each_statistic_after_the_key_its_footnote_defines():
    from evidence_review.extract.cells import keyed_statistics, statistic_keys
    keys = statistic_keys("Values: R: range, M: mean")
    assert keys == {"R": "range", "M": "mean"}
    assert statistic_keys("Md = median; Q = IQR; SD: standard deviation") == {"Md": "median", "Q": "iqr"}
    assert keyed_statistics("R: 19–72M: 44.5", keys) == "mean 44.5 (range 19-72)"
    assert keyed_statistics("M: 44.5; R: 19-72", keys) == "mean 44.5 (range 19-72)"
    assert keyed_statistics("R: 19–72", keys) == "R: 19–72"                  # no centre
    assert keyed_statistics("Type A: 12Type B: 7", keys) == "Type A: 12Type B: 7"      # keys no note defines
    assert keyed_statistics("M: 19-72R: 44", keys) == "M: 19-72R: 44"        # a centre printed as a pair
    assert keyed_statistics("R: 19–72M: 44.5", {}) == "R: 19–72M: 44.5"
    text = _MOBILITY + """Table 1. Patients
| Characteristic | Early mobilisation (n = 52) | Bed rest (n = 50) |
| Age, years | R: 19–72M: 44.5 | R: 22–70M: 46.1 |
"""
    footnote = "R: range, M: mean."
    _, rows = read_pipe_table(text + footnote + "\n", text.split("\n")[3], caption="Table 1. Patients", footnote=footnote)
    assert {(r["measure"], r["intervention"], r["value"], r["range_low"], r["range_high"]) for r in rows} == {
        ("MEAN", "early mobilisation", 44.5, 19.0, 72.0), ("MEAN", "bed rest", 46.1, 22.0, 70.0)}
