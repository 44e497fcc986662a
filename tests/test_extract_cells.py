"""The cell grammar's table-level readings (extract/cells.py, grammar.statistic_format): two analyses printed in one
cell, a table's decimal mark, marks and p-values glued after a figure, formats named by two statistics. Every
table and cell here is written for the test in the shapes of the classes counted in
tests/fixtures/extract_heldout13/BLIND_SCORES.md, with other names, numbers, brackets and separators."""
from __future__ import annotations

import pytest
from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.cells import (analysis_names, analysis_variants, decimal_comma_table, split_marks,
                                           two_analyses, with_decimal_commas)
from evidence_review.extract.grammar import label_statistic_format, statistic_format, statistic_name

ALLOCATION = "Adults with migraine were randomly assigned to riboflavin (n = 30) or placebo (n = 28).\n"


# ------------------------------------------------------------------------------------------ two analyses
@pytest.mark.parametrize("cell, outer, inner, shape", [
    ("196 ± 14 (201 ± 15)", "196 ± 14", "201 ± 15", "mean_pm"),
    ("52.1 ± 8.3 [50.7 ± 9.0]", "52.1 ± 8.3", "50.7 ± 9.0", "mean_pm"),
    ("3.2 +/- 0.4 (3.5 +/- 0.6)", "3.2 +/- 0.4", "3.5 +/- 0.6", "mean_pm"),
    ("12.3 (4.1) [13.0 (3.9)]", "12.3 (4.1)", "13.0 (3.9)", "value_bracket"),
    ("-2.4 (1.1) (-1.9 (1.3))", "-2.4 (1.1)", "-1.9 (1.3)", "value_bracket"),
    ("45/60 (52/70)", "45/60", "52/70", "count_of"),
    ("8/40 (20) [10/44 (22.7)]", "8/40 (20)", "10/44 (22.7)", "count_of_pct"),
    ("31 (34.1%) [35 (38.0%)]", "31 (34.1%)", "35 (38.0%)", "value_bracket"),
    ("4.5 (3.0-7.0) [4.0 (2.5-6.5)]", "4.5 (3.0-7.0)", "4.0 (2.5-6.5)", "value_interval"),
])
def test_a_cell_printing_the_same_shape_outside_and_inside_a_bracket_holds_two_analyses(cell, outer, inner, shape):
    found = two_analyses(cell)
    assert found is not None and found.shape == shape
    assert (found.outer.strip(), found.inner.strip()) == (outer, inner)
    # the other analysis is blanked, never moved: the cell's offsets still hold
    assert len(found.outer) == len(found.inner) == len(cell)
    assert cell.index(inner) == found.inner.index(inner)


@pytest.mark.parametrize("cell", [
    "66 ± 18 (20–93)",        # a mean with its range
    "31 (34.1)",              # a count with its share
    "12.5 (3.1)",             # a mean with its SD
    "5 (3-7)",                # a median with its IQR
    "12/8 (60/40)",           # a pair of counts with their shares (they add up to 100)
    "7/4",                    # a pair of counts
    "24.1 ± 3.2",             # one analysis
    "0.024 (0.027)",          # two bare figures: only a table of two-analysis cells says so
    "",
])
def test_a_cell_of_one_analysis_is_not_split(cell):
    assert two_analyses(cell) is None


def test_two_bare_figures_split_only_when_asked_as_part_of_a_two_analysis_table():
    found = two_analyses("7.84 (6.57)", weak=True)
    assert (found.outer.strip(), found.inner.strip()) == ("7.84", "6.57")


@pytest.mark.parametrize("notes, outer, outer_n, inner, inner_n", [
    ("Mean values outside parentheses refer to patients who completed all visits (n = 18). Mean values within "
     "parentheses refer to all randomised patients (total n = 24).",
     "patients who completed all visits", 18, "all randomised patients", 24),
    ("Values in square brackets are for the intention-to-treat population (n = 61); values outside brackets are for "
     "the per-protocol population (n = 55).",
     "per-protocol population", 55, "intention-to-treat population", 61),
    ("Data are mean ± SD.", "analysis outside brackets", None, "analysis in brackets", None),
])
def test_the_two_analyses_are_named_from_the_tables_notes_in_either_order(notes, outer, outer_n, inner, inner_n):
    first, second = analysis_names(notes)
    assert (first.part, first.name, first.n) == ("outer", outer, outer_n)
    assert (second.part, second.name, second.n) == ("inner", inner, inner_n)


TWO_ANALYSES = ALLOCATION + """Table 2. Headache scores at the end of treatment
| Outcome | Riboflavin | Placebo | p |
| Attacks per month | 3.1 ± 1.2 (3.4 ± 1.5) | 4.6 ± 1.8 (4.5 ± 1.9) | 0.01 (0.04) |
| Pain score | 41.0 ± 9.5 (43.2 ± 10.1) | 52.3 ± 11.0 (51.8 ± 10.7) | 0.002 (0.01) |
Values outside brackets are for the patients who took every dose (n = 22 and 21). Values within brackets are for all randomised patients (total n = 58).
"""


def test_a_table_of_two_analyses_per_cell_is_read_once_for_each_with_the_analysis_named():
    footnote = TWO_ANALYSES.strip().split("\n")[-1]
    _, rows = read_pipe_table(TWO_ANALYSES, TWO_ANALYSES.split("\n")[2], "Table 2. Headache scores at the end of treatment",
                              footnote=footnote)
    means = {(r["intervention"], r["outcome"], r["subgroup"]): (r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    every = "patients who took every dose"
    randomised = "all randomised patients"
    assert means == {
        ("riboflavin", "Attacks per month", every): (3.1, 1.2), ("placebo", "Attacks per month", every): (4.6, 1.8),
        ("riboflavin", "Pain score", every): (41.0, 9.5), ("placebo", "Pain score", every): (52.3, 11.0),
        ("riboflavin", "Attacks per month", randomised): (3.4, 1.5), ("placebo", "Attacks per month", randomised): (4.5, 1.9),
        ("riboflavin", "Pain score", randomised): (43.2, 10.1), ("placebo", "Pain score", randomised): (51.8, 10.7)}
    # each row's evidence is its whole cell, as printed
    assert all(r["evidence"] in TWO_ANALYSES and "(" in r["evidence"] for r in rows if r["measure"] == "MEAN")


def test_a_table_with_one_analysis_per_cell_keeps_the_plain_reading():
    text = ALLOCATION + """Table 2. Headache scores
| Outcome | Riboflavin | Placebo |
| Attacks per month | 3.1 ± 1.2 (1-6) | 4.6 ± 1.8 (2-9) |
| Pain score | 41.0 (9.5) | 52.3 (11.0) |
"""
    table = pipe_table(text, text.split("\n")[2], caption="Table 2. Headache scores")
    assert analysis_variants(table, "") is None
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 2. Headache scores")
    assert sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN") == [
        ("placebo", 4.6, 1.8), ("placebo", 52.3, 11.0), ("riboflavin", 3.1, 1.2), ("riboflavin", 41.0, 9.5)]
    assert not any(r.get("subgroup") for r in rows)


def test_one_two_analysis_cell_among_many_single_ones_does_not_split_the_table():
    text = ALLOCATION + """Table 3. Scores
| Outcome | Riboflavin | Placebo |
| A | 3.1 (1.2) | 4.6 (1.8) |
| B | 41.0 (9.5) | 52.3 (11.0) |
| C | 12.0 (3.0) | 13.0 (2.0) |
| D | 5.5 ± 1.0 (5.1 ± 1.2) | 6.0 (2.2) |
"""
    table = pipe_table(text, text.split("\n")[2])
    assert analysis_variants(table, "") is None


# ------------------------------------------------------------------------------------------ decimal marks
@pytest.mark.parametrize("texts, expected", [
    (["18", "(52,9)", "13", "(41,9)"], True),              # a count column beside a "(%)" column
    (["11,6", "12,0", "5 to 62"], True),
    (["52,2±9", "48,7±10,1"], True),
    (["36,2%", "41,0 %"], True),
    (["(52,9)", "12.5 (3.1)"], False),                     # the table writes points elsewhere
    (["1,039", "2,085"], False),                           # thousands
    (["3,4", "5,6,7"], False),                             # lists: no unambiguous shape
    (["(52,9)"], False),                                   # one cell does not decide a table
])
def test_a_table_writes_decimal_commas_when_two_cells_show_it_and_no_point_is_used(texts, expected):
    assert decimal_comma_table(texts) is expected


def test_a_comma_decimal_table_is_read_with_points_and_keeps_its_lengths():
    table = {"cells": [
        {"row": 0, "col": 0, "text": "Event", "header": True}, {"row": 0, "col": 1, "text": "N = 34", "header": True},
        {"row": 1, "col": 0, "text": "Rash 2,5", "header": False}, {"row": 1, "col": 1, "text": "(52,9)", "header": False},
        {"row": 2, "col": 0, "text": "Fever", "header": False}, {"row": 2, "col": 1, "text": "(41,9)", "header": False}]}
    out = with_decimal_commas(table)
    assert [c["text"] for c in out["cells"]] == ["Event", "N = 34", "Rash 2,5", "(52.9)", "Fever", "(41.9)"]
    assert all(len(a["text"]) == len(b["text"]) for a, b in zip(table["cells"], out["cells"]))


def test_a_lone_comma_figure_is_a_decimal_even_in_a_table_of_points_and_thin_spaces_group_thousands():
    table = {"cells": [
        {"row": 1, "col": 1, "text": "11,6", "header": False}, {"row": 1, "col": 2, "text": "12.4", "header": False},
        {"row": 2, "col": 1, "text": "1,039/2,085", "header": False}, {"row": 2, "col": 2, "text": "1\u2009204", "header": False}]}
    out = [c["text"] for c in with_decimal_commas(table)["cells"]]
    assert out == ["11.6", "12.4", "1,039/2,085", "01204"]


def test_a_count_column_beside_a_comma_decimal_percent_column_gives_each_arm_its_proportions():
    text = ALLOCATION + """Table 3. Adverse events
| Event | Riboflavin | Riboflavin | Placebo | Placebo |
| | N = 30 | (%) | N = 28 | (%) |
| Nausea | 9 | (30,0) | 4 | (14,3) |
| Dizziness | 3 | (10,0) | 7 | (25,0) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 3. Adverse events", header_rows=2)
    counts = sorted((r["intervention"], r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == [("placebo", "Dizziness", 7, 28), ("placebo", "Nausea", 4, 28),
                      ("riboflavin", "Dizziness", 3, 30), ("riboflavin", "Nausea", 9, 30)]
    assert not [r for r in rows if r["measure"] in ("MEDIAN", "MEAN")]


# ------------------------------------------------------------------------------------------ marks and p
@pytest.mark.parametrize("cell, body, p_value, p_text, marks", [
    ("150.1(16.1)p = 0.034", "150.1(16.1)", 0.034, None, ""),
    ("84.2 (7.7) P=0.21", "84.2 (7.7)", 0.21, None, ""),
    ("60% (28.9 ± 7) *P = 0.04", "60% (28.9 ± 7)", 0.04, None, "*"),
    ("13.5 ± 2.0 \u2020p < 0.05", "13.5 ± 2.0", None, "<0.05", "\u2020"),
    ("0.62 ± 0.6*", "0.62 ± 0.6", None, None, "*"),
    ("21 (40.4)\u2021", "21 (40.4)", None, None, "\u2021"),
    ("47 ± 9.6 ns", "47 ± 9.6", None, "ns", ""),
    ("12.0 (3.1), p = 0.3", "12.0 (3.1)", 0.3, None, ""),
    ("5 (3-7)", "5 (3-7)", None, None, ""),
])
def test_a_p_value_or_mark_printed_after_a_figure_is_split_off(cell, body, p_value, p_text, marks):
    found = split_marks(cell)
    assert (found.body.strip(), found.p_value, found.p_text, found.marks) == (body, p_value, p_text, marks)
    assert len(found.body) == len(cell)


def test_cells_with_a_p_value_glued_after_them_are_read_as_their_figure():
    from evidence_review.extract.arm_cells import parse_arm_cell
    assert parse_arm_cell("150.1(16.1)p = 0.034", "mean_sd", 19)["value"] == 150.1
    assert parse_arm_cell("77.0 ± 5.5 \u00a7p = 0.6", "", 12)["sd"] == 5.5
    assert parse_arm_cell("0.62 ± 0.6*", "", None)["value"] == 0.62


# ------------------------------------------------------------------------------------------ statistic formats
@pytest.mark.parametrize("text, expected", [
    ("Mean ± S.D", "mean_sd"), ("Mean±SD", "mean_sd"), ("M (SD)", "mean_sd"), ("x\u0304 ± s", "mean_sd"),
    ("Average ± SD", "mean_sd"), ("Mean [SD]", "mean_sd"), ("x\u0304 (s)", "mean_sd"),
    ("Mean ± SEM", "mean_se"), ("Mean (S.E.)", "mean_se"),
    ("Geometric mean (95% CI)", "mean_ci"), ("GM (95% CI)", "mean_ci"), ("Mean (95% CI)", "mean_ci"),
    ("Median [IQR]", "median_iqr"), ("Md (Q1\u2013Q3)", "median_iqr"), ("Mdn (IQR)", "median_iqr"),
    ("Median (P25\u2013P75)", "median_iqr"), ("Median (Q1, Q3)", "median_iqr"),
    ("Median (min\u2013max)", "median_range"), ("Median [range]", "median_range"), ("Mean (range)", "mean_range"),
    ("n (%)", "n_pct"), ("No. (%)", "n_pct"), ("n/N (%)", "n_pct"), ("Events/Total", "n_pct"), ("n/N", "n_pct"),
    ("% (n)", "pct_n"), ("Event / Total (Prevalence)", "n_pct"), ("n/N (rate)", "n_pct"), ("Events/N (incidence)", "n_pct"),
    ("Mean", None), ("Median", None), ("%", None), ("Age", None), ("Sex (M/F)", None), ("Placebo (n = 30)", None),
])
def test_a_format_named_by_two_statistics_is_read_by_the_grammar(text, expected):
    assert statistic_format(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Md (Q1\u2013Q3)", None), ("Median (P25\u2013P75)", None), ("x\u0304 (s)", None), ("Median [min\u2013max]", None),
    ("Geometric mean", "mean"), ("Mdn", "median"), ("GM", "mean"),
])
def test_one_statistic_is_named_only_when_the_text_names_no_second(text, expected):
    assert statistic_name(text) == expected


@pytest.mark.parametrize("label, expected", [
    ("Age (years), Md (Q1\u2013Q3)", "median_iqr"), ("HbA1c: x\u0304 ± s", "mean_sd"),
    ("Serious adverse events, Events/Total", "n_pct"), ("Antibody titre GM (95% CI)", "mean_ci"),
    ("Systolic BP, mmHg", None), ("Sex (M/F)", None), ("Pain score", None),
])
def test_a_row_label_ending_in_a_format_names_it(label, expected):
    assert label_statistic_format(label) == expected


@pytest.mark.parametrize("cell, events, total", [
    ("13/28 46.4%", 13, 28), ("13/28, 46.4%", 13, 28), ("9 / 41; 22.0 %", 9, 41), ("13 / 28 (46.4 %)", 13, 28),
    ("6 of 20 30%", 6, 20)])
def test_events_of_a_total_with_their_percentage_after_them_with_or_without_a_bracket(cell, events, total):
    from evidence_review.extract.arm_cells import parse_arm_cell
    found = parse_arm_cell(cell, "", None)
    assert (found["measure"], found["events"], found["total"]) == ("PROPORTION", events, total)


def test_a_count_of_a_total_then_a_bare_number_is_no_percentage():
    from evidence_review.extract.grammar import Parse
    assert Parse("13/28 46.4")("count_of_percent") == []


# ------------------------------------------------------------------------------------------ tests of the arms
@pytest.mark.parametrize("label, expected", [
    ("P-Value", "p"), ("p", "p"), ("P value*", "p"), ("Sig.", "p"), ("p (t-test)", "p"),
    ("Cohen\u2019s d", "effect_size"), ("Hedges' g", "effect_size"), ("Effect size", "effect_size"), ("ES", "effect_size"),
    ("F value", "test"), ("t-test", "test"), ("Chi-square", "test"), ("\u03c7\u00b2", "test"), ("Mann-Whitney U", "test"),
    ("df", "test"),
    ("F", None), ("t", None), ("d", None), ("PD", None), ("Pa", None), ("SD", None), ("PR", None), ("Pain", None), ("Pulse rate", None), ("ESR", None), ("Post", None),
    ("Effect on sleep", None)])
def test_a_label_naming_a_test_or_a_standardized_effect_of_the_arms(label, expected):
    from evidence_review.extract.grammar import comparison_statistic
    assert comparison_statistic(label) == expected


def test_rows_of_tests_and_effect_sizes_under_the_arms_are_no_arms_means():
    text = ALLOCATION + """Table 4. Follow-up
| Outcome | Riboflavin (N = 30) | Placebo (N = 28) |
| Headache days | Mean (SD) | Mean (SD) |
| Week 8 | 6.2 (2.9) | 8.8 (3.1) |
| Week 12 | 5.1 (2.4) | 8.5 (3.3) |
| Hedges' g | 0.61 | 0.12 |
| p value | 0.004 | 0.512 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 4. Follow-up", header_rows=2)
    means = sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("placebo", 8.5, 3.3), ("placebo", 8.8, 3.1), ("riboflavin", 5.1, 2.4), ("riboflavin", 6.2, 2.9)]


# ------------------------------------------------------------------------------------------ a cell's own words
@pytest.mark.parametrize("cell, hint, expected", [
    ("Mean 12.1 (SD 3.2)", "", ("MEAN", 12.1, 3.2, None, None)),
    ("average: 7.4 ± 1.9", "", ("MEAN", 7.4, 1.9, None, None)),
    ("median 4 (IQR 2\u20137)", "", ("MEDIAN", 4.0, None, 2.0, 7.0)),
    ("Md: 4.0 [2.0\u20137.0]", "", ("MEDIAN", 4.0, None, 2.0, 7.0)),
    ("34.2* \u00b1 5.1", "", ("MEAN", 34.2, 5.1, None, None)),
    ("61.0\u2020 \u00b1 8.8", "", ("MEAN", 61.0, 8.8, None, None)),
    ("12.1 (3.2) mm", "mean_sd", ("MEAN", 12.1, 3.2, None, None)),
    ("4 [2-7] days", "median_iqr", ("MEDIAN", 4.0, None, 2.0, 7.0)),
])
def test_a_cell_naming_its_statistic_or_unit_around_its_figure_is_read_as_its_figure(cell, hint, expected):
    from evidence_review.extract.arm_cells import parse_arm_cell
    found = parse_arm_cell(cell.replace("\u2013", "-"), hint, 40)
    assert (found["measure"], found["value"], found.get("sd"), found.get("q1"), found.get("q3")) == expected


@pytest.mark.parametrize("cell, hint, events, total", [
    ("18 pts (45%)", "", 18, 40), ("n = 12 (30%)", "", 12, 40), ("9 patients [22.5%]", "", 9, 40),
    ("17 eyes", "count", 17, 40), ("18 (45%) patients", "", 18, 40)])
def test_a_count_printed_with_the_people_it_counts_is_a_count(cell, hint, events, total):
    from evidence_review.extract.arm_cells import parse_arm_cell
    found = parse_arm_cell(cell, hint, 40)
    assert (found["measure"], found["events"], found["total"]) == ("PROPORTION", events, total)


@pytest.mark.parametrize("cell", ["17 eyes", "n = 40", "N=12"])
def test_a_bare_count_of_people_without_a_format_is_not_read_as_events(cell):
    from evidence_review.extract.arm_cells import parse_arm_cell
    assert parse_arm_cell(cell, "", 40) is None


def test_the_figure_keeps_the_cells_length_and_says_what_it_named():
    from evidence_review.extract.cells import cell_figure
    found = cell_figure("Mean 12.1 (SD 3.2) mm *p = 0.02")
    assert found.body.strip() == "12.1 (SD 3.2)" and len(found.body) == len("Mean 12.1 (SD 3.2) mm *p = 0.02")
    assert (found.statistic, found.p_value, found.marks) == ("mean", 0.02, "*")


def test_a_figure_printed_once_in_a_two_analysis_table_is_read_once():
    text = ALLOCATION + """Table 2. Headache scores
| Outcome | Baseline riboflavin | Riboflavin | Placebo |
| Attacks per month | 5.0 ± 1.1 | 3.1 ± 1.2 (3.4 ± 1.5) | 4.6 ± 1.8 (4.5 ± 1.9) |
| Pain score | 60.2 ± 9.9 | 41.0 ± 9.5 (43.2 ± 10.1) | 52.3 ± 11.0 (51.8 ± 10.7) |
"""
    table = pipe_table(text, text.split("\n")[2])
    (outer, _), (inner, _) = analysis_variants(table, "")
    texts = lambda t: [c["text"].strip() for c in t["cells"] if c["row"] == 1]   # noqa: E731
    assert texts(outer) == ["Attacks per month", "5.0 ± 1.1", "3.1 ± 1.2", "4.6 ± 1.8"]
    assert texts(inner) == ["Attacks per month", "", "3.4 ± 1.5", "4.5 ± 1.9"]


@pytest.mark.parametrize("texts, expected", [
    (["191+ 100 cc", "142 +107 cc", "6.2+1.2"], True),
    (["9.6 +0.74", "9.5+0.74"], True),
    (["2+1", "3+0"], False),                               # sums of counts
    (["6.2+1.2", "5.5 ± 1.5"], False),                     # the table prints its ± elsewhere
    (["6.2+1.2"], False),
])
def test_a_table_joining_means_and_sds_by_a_plus_sign(texts, expected):
    from evidence_review.extract.cells import plus_for_pm_table
    assert plus_for_pm_table(texts) is expected


def test_plus_spreads_are_read_as_means_with_their_sds():
    text = ALLOCATION + """Table 2. Sleep and fluid
| Outcome | Riboflavin | Placebo |
| Sleep, hours | 6.4+1.1 | 5.9 +1.6 |
| Fluid, mL | 188+ 95 | 151 +102 |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 2. Sleep and fluid")
    assert sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN") == [
        ("placebo", 5.9, 1.6), ("placebo", 151.0, 102.0), ("riboflavin", 6.4, 1.1), ("riboflavin", 188.0, 95.0)]


@pytest.mark.parametrize("cell, events, total, pct", [
    ("186/400 (% 46.5)", 186, 400, "46.5"), ("86/400 (%21.5)", 86, 400, "21.5"), ("3/366 (% 0.8%)", 3, 366, "0.8"),
    ("(% 1.1) 4/366", 4, 366, "1.1"), ("(%25) 5/20", 5, 20, "25"), ("30/400(% 7.5)", 30, 400, "7.5"),
    ("7 [% 17.5]", 7, 40, "17.5")])
def test_a_share_whose_percent_sign_is_printed_before_it_in_either_order(cell, events, total, pct):
    from evidence_review.extract.arm_cells import parse_arm_cell
    found = parse_arm_cell(cell, "", 40)
    assert (found["measure"], found["events"], found["total"], found["pct_text"]) == ("PROPORTION", events, total, pct)


def test_a_range_with_censored_values_is_no_plain_median_of_the_arm():
    # "11.2 (1.1+ to 18.0+)": a time-to-event summary among some of the arm (responders), its "+" marking censoring
    from evidence_review.extract.arm_cells import parse_arm_cell
    assert parse_arm_cell("11.2 (1.1+ to 18.0+)", "median_range", 40) is None
    assert parse_arm_cell("9.4 (0.5+ - 12.2)", "median_range", 40) is None


def test_a_count_and_its_share_on_a_row_of_one_analysis_is_not_split_in_a_two_analysis_table():
    text = ALLOCATION + """Table 2. Headache scores
| Outcome | Riboflavin | Placebo | p |
| Women, n (%) | 21 (70.0) | 19 (67.9) | 0.85 |
| Attacks per month | 3.1 ± 1.2 (3.4 ± 1.5) | 4.6 ± 1.8 (4.5 ± 1.9) | 0.01 (0.04) |
| Pain score | 41.0 ± 9.5 (43.2 ± 10.1) | 52.3 ± 11.0 (51.8 ± 10.7) | 0.002 (0.01) |
"""
    table = pipe_table(text, text.split("\n")[2])
    (outer, _), (inner, _) = analysis_variants(table, "")
    row = lambda t, r: [c["text"].strip() for c in t["cells"] if c["row"] == r]   # noqa: E731
    assert row(outer, 1) == ["Women, n (%)", "21 (70.0)", "19 (67.9)", "0.85"]
    assert row(outer, 2)[3] == "0.01" and row(inner, 2)[3] == "0.04"


def test_a_crossovers_columns_after_each_period_printing_two_analyses_are_read_per_arm_and_analysis():
    text = """Adults with insomnia were randomly assigned to melatonin or placebo for four weeks, then crossed over.
Table 2. Results after each period
| Outcome | Baseline | Post melatonin | Post placebo |
| Sleep latency, min | 41 ± 6 (44 ± 7) | 28 ± 5 (31 ± 6) | 39 ± 6 (40 ± 8) |
| Awakenings | 3.1 ± 0.4 (3.3 ± 0.5) | 2.2 ± 0.3 (2.5 ± 0.4) | 3.0 ± 0.4 (3.1 ± 0.6) |
Values outside parentheses are for completers (n = 12). Values within parentheses are for all randomised patients (total n = 15).
"""
    footnote = text.strip().split("\n")[-1]
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 2. Results after each period", footnote=footnote)
    means = {(r["intervention"], r["outcome"], r["subgroup"]): (r["value"], r["sd"], r["total"])
             for r in rows if r["measure"] == "MEAN" and r["intervention"] in ("melatonin", "placebo")}
    assert means[("melatonin", "Sleep latency", "completers")] == (28.0, 5.0, 12)
    assert means[("melatonin", "Sleep latency", "all randomised patients")] == (31.0, 6.0, 15)
    assert means[("placebo", "Awakenings", "completers")] == (3.0, 0.4, 12)
    assert means[("placebo", "Awakenings", "all randomised patients")] == (3.1, 0.6, 15)
