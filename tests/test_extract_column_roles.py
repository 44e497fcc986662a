"""What a table column holds (extract/column_roles.py): p-value columns under an arm's header are no arm's figures.

Every table here is written for the test (other fields, names and numbers than any document of the corpora)."""
from __future__ import annotations

import pytest

from evidence_review.extract.column_roles import (column_role, model_term_columns, names_no_arm, names_p,
                                                   p_shaped, ratio_name)
from evidence_review.extract.declared_formats import declared_formats
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


@pytest.mark.parametrize("text", ["P", "p", "P value", "p-value*", "P-Value†", "p, trend", "P for trend",
                                  "P-trend", "p (time × treatment)", "p, time × group interaction", "P interaction",
                                  "Sig.", "P (between groups)", "Trend P", "Between-group p value", "Overall P",
                                  "Adjusted p-value", "Time × group P"])
def test_names_p_reads_any_spelling_and_qualifier(text):
    assert names_p(text)


@pytest.mark.parametrize("text", ["Placebo", "PI", "P1", "Post", "Pre", "PP", "P (n = 24)", "P group", "P arm",
                                  "Peak flow", "Mean difference, p value", "Group P", "Pain score", "p.o. dose"])
def test_names_p_leaves_arms_and_other_words(text):
    assert not names_p(text)


def test_p_shaped_needs_one_cell_printed_as_a_p_value():
    assert p_shaped(["0.002", "<0.001", "0.41", "NS", ""])
    assert p_shaped(["p = 0.03", "0.7"])
    # a column of bare decimals below one is no p column by its cells (means of a fraction, ratios)
    assert not p_shaped(["0.31", "0.07", "0.52"])
    assert not p_shaped(["<0.001", "0.44 (0.08)"])     # a mean with its spread
    assert not p_shaped(["<0.001", "12.5"])
    assert not p_shaped([])


def test_column_role_p_from_header_or_cells_never_from_an_arms_own_name():
    assert column_role(("Drug K (n = 22)", "p, trend"), ["0.004", "0.3"]) == "p"
    assert column_role(("Interaction",), ["<0.01", "0.2"]) == "p"
    assert column_role(("Drug K (n = 22)", "Week 8"), ["4.1 (1.2)", "3.3 (0.9)"]) is None
    assert column_role(("Drug K (n = 22)", "Week 8"), ["0.41", "0.33"]) is None       # means below one
    # an arm coded "P" that the study names is its own column
    assert column_role(("P",), ["12 (40)", "7 (23)"], names_arm=lambda t: t == "P") is None


def _grid(rows: list[list[str]], heads: int) -> dict:
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cells.append({"row": r, "col": c, "text": text, "start": 0, "end": 0, "header": r < heads})
    return {"table_id": "T2", "caption": "Table 2. Markers over the trial", "header_rows": list(range(heads)),
            "cells": cells}


_TEXT = "Methods. Sixty adults started one of two regimens and were followed for twelve months."


def _trend_table() -> dict:
    # each arm spans its label column, two visits and its trend p; the last column, the interaction's p, sits under
    # the second arm's span too
    return _grid([
        ["+ atorvastatin"] * 4 + ["+ pravastatin"] * 4,
        ["(n = 28)"] * 4 + ["(n = 32)"] * 4,
        ["Marker", "Month 0", "Month 12", "p, trend", "Month 0", "Month 12", "p, trend", "p, time x treatment interaction"],
        ["Ferritin, µg/l", "88 (21)", "97 (25)", "0.03", "85 (19)", "86 (22)", "0.62", "0.04"],
        ["Haemoglobin, g/dl", "12.4 (1.1)", "13.0 (1.2)", "<0.001", "12.2 (1.3)", "12.3 (1.0)", "0.81", "0.002"],
    ], heads=3)


def test_trend_and_interaction_p_columns_under_each_arm_give_no_means():
    table = _trend_table()
    study = build_study("d", _TEXT, {"tables": [table]})
    # the study model's arms are the two regimens, none named after a p column
    assert {a.name.lower() for a in study.arms} == {"+ atorvastatin", "+ pravastatin"}
    rows = read_table("d", _TEXT, table, study) or []
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert sorted(r["value"] for r in means) == [12.2, 12.3, 12.4, 13.0, 85, 86, 88, 97]
    assert not any("trend" in str(r.get("intervention")).lower() or "interaction" in str(r.get("intervention")).lower()
                   for r in rows)


def test_model_term_columns_are_a_block_of_test_statistics_when_one_term_is_crossed():
    paths = {0: ["Scale", "Scale"], 1: ["Visit", "Visit"], 2: ["Drug K (n = 31)", "Mean"], 3: ["Drug K (n = 31)", "(SD)"],
             4: ["", "Time"], 5: ["F", "Group"], 6: ["", "Time × Group"], 7: ["Effect size", "Effect size"]}
    cells = {1: ["Week 0", "Week 6"], 2: ["-1.42", "-0.88"], 3: ["(1.05)", "(0.97)"], 4: ["61.307**", ""],
             5: ["4.118", ""], 6: ["7.902**", ""], 7: ["0.41", ""]}
    assert model_term_columns(paths, cells) == {4, 5, 6}
    # the crossed term spanning its statistic and p: the statistic's column only
    assert model_term_columns({1: ["Group × Time Interaction", "F"], 2: ["Group × Time Interaction", "p"]},
                              {1: ["3.551", "0.207"], 2: ["0.071", "0.652"]}) == {1}
    # "Time" or "Group" alone is an arm's or a row label's header as often: no block without a crossed term
    assert model_term_columns({1: ["Group"], 2: ["Time"]}, {1: ["12.1", "9.4"], 2: ["30", "45"]}) == set()
    # an arm's cells under a crossed term's header are no test statistics
    assert model_term_columns({1: ["Time × Group"]}, {1: ["4.2 (1.1)", "3.9 (0.8)"]}) == set()


def test_within_group_effect_size_columns_are_no_difference_of_the_arms():
    assert column_role(("Effect sizes", "Within DK"), ["0.64", "1.12", "0"]) == "within"
    assert column_role(("Within-group effect size, d (95% CI)", "Week 6"), ["0.71 (0.50,0.93)"]) == "within"
    assert column_role(("Effect sizes", "Between-group"), ["0.31", "-0.12"]) is None
    # an arm's change within the group, no effect size named: the arm's own figures, read by the readers
    assert column_role(("Drug K (n = 31)", "Within-group change"), ["-2.1 (1.4)"]) is None


def test_f_statistics_of_model_terms_give_no_arm_means():
    table = _grid([
        ["Scale", "Visit", "Drug K (n = 31)", "Drug K (n = 31)", "Placebo (n = 30)", "Placebo (n = 30)", "", "F", ""],
        ["Scale", "Visit", "Mean", "(SD)", "Mean", "(SD)", "Time", "Group", "Time × Group"],
        ["Recall", "Week 0", "-1.42", "(1.05)", "-1.61", "(0.99)", "61.307**", "4.118", "7.902**"],
        ["", "Week 6", "-0.88", "(0.97)", "-1.47", "(1.02)", "", "", ""],
    ], heads=2)
    study = build_study("d", _TEXT, {"tables": [table]})
    rows = read_table("d", _TEXT, table, study) or []
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN") == [-1.61, -1.47, -1.42, -0.88]
    assert not any(str(r.get("intervention")).lower() in ("time", "f", "group", "time × group") for r in rows)


@pytest.mark.parametrize("text, measure", [("OR", "OR"), ("OR1", "OR"), ("aOR", "OR"), ("Odds ratio", "OR"),
                                           ("Adjusted OR", "OR"), ("HR*", "HR"), ("IRR", "IRR"), ("Rate ratio", "IRR"),
                                           ("Relative risk", "RR"), ("Placebo", ""), ("ORS", ""), ("Order", "")])
def test_ratio_name(text, measure):
    assert ratio_name(text) == measure


def test_ratio_reference_and_interval_columns_under_an_arm():
    arm = lambda t: t.startswith(("Usual care", "Coaching"))     # noqa: E731
    assert column_role(("Usual care n = 60", "OR1"), ["1", "1", "", "1.00"], arm) == "reference"
    assert column_role(("Coaching n = 58", "OR"), ["0.72", "1.35", ""], arm) == "effect"
    assert column_role(("Coaching n = 58", "(95% CI)"), ["(0.30-1.71)", "(0.66-2.75)"], arm, left="effect") == "ci"
    # an interval right of an arm's mean is the mean's ("Coaching" over "Mean | 95% CI"): the readers'
    assert column_role(("Coaching n = 58", "95% CI"), ["(0.30-1.71)"], arm) is None
    # a ratio column that names no arm above it is the readers' (an effect column of the whole table)
    assert column_role(("OR",), ["0.72", "1.35"], arm) is None
    # "HR" under an arm is a heart rate when its cells are beats per minute or a mean's spread
    assert column_role(("Coaching n = 58", "HR"), ["72", "80", "77"], arm) is None
    assert column_role(("Coaching n = 58", "HR"), ["72 ± 9", "80 ± 11"], arm) is None
    assert column_role(("Coaching n = 58", "HR"), ["0.81 (0.60-1.10)", "1.2"], arm) == "effect"


def test_names_no_arm():
    for text in ("p, trend", "OR1", "(95% CI)", "(n)", "%", "SD"):
        assert names_no_arm(text), text
    for text in ("Coaching", "Usual care", "Week 12"):
        assert not names_no_arm(text), text


_PER_ARM_TEXT = "Methods. We compared a coaching programme with usual care in 118 older adults over one year."


def test_percent_count_ratio_interval_blocks_per_arm():
    table = _grid([
        ["Change in mobility", "Control n= 60", "Control n= 60", "Control n= 60",
         "Coaching n= 58", "Coaching n= 58", "Coaching n= 58", "Coaching n= 58"],
        ["", "%", "(n)", "OR1", "%", "(n)", "OR", "(95% CI)"],
        ["Better", "", "", "", "", "", "", ""],
        ["six-month", "20", "(12)", "1", "31", "(18)", "1.80", "(0.78-4.13)"],
        ["twelve-month", "25", "(15)", "1", "38", "(22)", "1.84", "(0.84-4.02)"],
        ["Worse", "", "", "", "", "", "", ""],
        ["six-month", "15", "(9)", "1", "9", "(5)", "0.52", "(0.16-1.66)"],
    ], heads=2)
    study = build_study("d", _PER_ARM_TEXT, {"tables": [table]})
    assert {a.name.lower() for a in study.arms} == {"control", "coaching"}
    rows = read_table("d", _PER_ARM_TEXT, table, study) or []
    shares = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert shares == [("coaching", 5, 58), ("coaching", 18, 58), ("coaching", 22, 58),
                      ("control", 9, 60), ("control", 12, 60), ("control", 15, 60)]
    ratios = sorted((r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"])
                    for r in rows if r["measure"] == "OR")
    assert ratios == [(0.52, 0.16, 1.66, "coaching", "control"), (1.8, 0.78, 4.13, "coaching", "control"),
                      (1.84, 0.84, 4.02, "coaching", "control")]
    assert not [r for r in rows if r["measure"] == "MEAN"]


def test_a_note_declaring_percentages_reads_bare_cells_as_shares():
    table = _grid([
        ["", "Control (n = 80)", "Coaching (n = 75)"],
        ["Age, years", "71.2 ± 6.3", "70.8 ± 5.9"],
        ["Lives alone", "45.0", "41.3"],
        ["Uses a walking aid", "30.0", "24.0"],
    ], heads=1)
    # (the caption carries the note here: the grid written for the test has no text span for footnotes)
    table["caption"] = "Table 1. Participants at entry. Values: % except where mean ± SD."
    study = build_study("d", _PER_ARM_TEXT, {"tables": [table]})
    rows = read_table("d", _PER_ARM_TEXT, table, study) or []
    shares = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert shares == [("coaching", 18, 75), ("coaching", 31, 75), ("control", 24, 80), ("control", 36, 80)]
    means = sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("coaching", 70.8, 5.9), ("control", 71.2, 6.3)]


def test_declared_percent_spellings():
    assert "pct" in declared_formats("Data: % except where mean ± SD.")
    assert declared_formats("Values are % unless stated otherwise") == ("pct",)
    assert "pct" in declared_formats("Figures are % or median (IQR)")
    # a count with its share is no share alone
    assert declared_formats("Data are n (%)") == ("n_pct",)
    assert "pct" not in declared_formats("Values are % (n)")
    # "%" as a quantity's unit declares no shares
    assert "pct" not in declared_formats("Values are % of predicted")
    assert "pct" not in declared_formats("Data are % change from baseline")


def test_categories_of_means_keep_their_all_column():
    table = _grid([
        ["Measure", "Drug K", "Drug K", "Drug K", "Placebo", "Placebo", "Placebo"],
        ["Measure", "Men", "Women", "All", "Men", "Women", "All"],
        ["Weight, kg", "82.1 ± 9.0", "70.4 ± 8.1", "76.0 ± 9.9", "81.5 ± 8.7", "69.9 ± 7.7", "75.2 ± 9.5"],
    ], heads=2)
    text = "Methods. Patients were randomly assigned to drug K or placebo."
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study) or []
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN") == [69.9, 70.4, 75.2, 76.0, 81.5, 82.1]


@pytest.mark.parametrize("header, role", [("CV", "variation"), ("CV (%)", "variation"), ("Coefficient of variation", "variation"),
                                          ("ICC", "correlation"), ("ICC (95% CI)", "correlation"),
                                          ("Spearman coefficients", "correlation"), ("Correlation coefficient", "correlation"),
                                          ("CV death", None), ("Coefficient", None), ("r", None), ("Tau (pg/mL)", None)])
def test_a_statistic_of_the_figures_is_no_arm_figure(header, role):
    # a coefficient of variation or a correlation is no arm's summary; a regression's bare "Coefficient" column (the
    # allocation's effect) and a measure whose name only starts like one ("CV death") are not such statistics
    from evidence_review.extract.column_roles import comparison_role
    assert comparison_role(header) == role


@pytest.mark.parametrize("header, role", [("Between groups F", "test"), ("Within group t", "test"), ("Pearson Chi Square", "test"),
                                          ("2 sample t-test", "test"), ("t-value (df = 41)", "test"), ("F (df)", "test"),
                                          ("Chi-square (df)a", "test"), ("t (p)", "test"), ("Chi-square test result", "test"),
                                          ("t/ χ2", "test"), ("\u201ct\u201d Value", "test"), ("T-test p-value", "p"),
                                          ("eta 2", "effect_size"), ("Effect size (\u03b7 p 2)", "effect_size"),
                                          ("Effect size**", "effect_size"), ("Wilcoxon Test", "test"),
                                          ("Mann-Whitney Test", "test"), ("Friedman test", "test"),
                                          ("Fisher\u2019s exact test", "test"), ("Statistical Test", "test"), ("Chi2 (p)", "test"),
                                          ("Permutation test p-value", "p"), ("Wilcoxon test significance level", "p"),
                                          # a bare letter, a sex or follow-up column, an arm: no test
                                          ("F", None), ("F/M", None), ("F/U", None), ("Group F", None), ("U/mL", None),
                                          ("Drug (p)", None), ("Group (df)", None), ("Test result", None), ("Test", None),
                                          ("Post-test", None), ("Test group", None), ("Fisher", None), ("Chi", None)])
def test_a_tests_name_with_the_words_a_header_prints_around_it(header, role):
    # a qualifier before the test's name, its degrees of freedom or p in brackets after it, "test result", two tests
    # joined by "/": the column holds the test, no arm's figure (a bare "F" stays the female column)
    from evidence_review.extract.column_roles import comparison_role
    assert comparison_role(header) == role


@pytest.mark.parametrize("leaf, cells", [("t (p)", ["2.51 (0.02)", "1.07 (0.29)", "0.48 (0.63)", "2.86 (0.01)"]),
                                         ("F (df)", ["6.1 (1)", "3.7 (1)", "0.5 (1)", "0.9 (1)"])])
def test_a_tests_column_under_each_arm_is_no_arm_figure(leaf, cells):
    # each arm spans its two visits and its within-group test with its p or degrees of freedom in brackets: the
    # test's "2.51 (0.02)" is no mean with its SD
    table = _grid([
        ["Scale", "Drug K (n = 36)", "Drug K (n = 36)", "Drug K (n = 36)", "Placebo (n = 35)", "Placebo (n = 35)", "Placebo (n = 35)"],
        ["Scale", "Pre", "Post", leaf, "Pre", "Post", leaf],
        ["Fatigue", "4.31 ± 0.62", "3.72 ± 0.71", cells[0], "4.15 ± 0.64", "4.08 ± 0.73", cells[1]],
        ["Sleep quality", "2.20 ± 1.12", "2.05 ± 1.04", cells[2], "2.44 ± 1.23", "2.57 ± 1.31", cells[3]],
    ], heads=2)
    text = "Methods. Patients were randomly assigned to drug K or placebo."
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study) or []
    assert sorted(r["value_text"] for r in rows) == ["2.05 ± 1.04", "2.20 ± 1.12", "2.44 ± 1.23", "2.57 ± 1.31",
                                                     "3.72 ± 0.71", "4.08 ± 0.73", "4.15 ± 0.64", "4.31 ± 0.62"]
