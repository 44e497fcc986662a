"""The statistic of a table cell, decided from the column header, the caption and the row label in one place
(`table_reader._cell_format`), and comparison columns beside the arm columns ("Placebo – Drug", "A vs B",
"Difference (95% CI)") read as effects with the orientation the header prints, not as a third arm."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.study import build_study, header_rows
from evidence_review.extract.table_reader import read_table

_METHODS = "Patients were randomly assigned to sertraline (n = 30) or placebo (n = 28).\n"


def _read(text: str, caption: str, header_rows: int = 1):
    header_line = next(line for line in text.split("\n") if line.startswith("|"))
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    study = build_study("d", text, {"tables": [table]})
    return read_table("d", text, table, study) or [], table


@pytest.mark.parametrize("difference, first, second", [
    ("Placebo \u2013 Sertraline", "placebo", "sertraline"),      # en dash, spaced
    ("Sertraline-Placebo", "sertraline", "placebo"),              # a hyphen, no spaces
    ("Sertraline vs. placebo", "sertraline", "placebo"),
    ("Placebo minus sertraline", "placebo", "sertraline"),
])
def test_mean_ci_cells_under_a_statistic_row_beside_a_difference_column(difference, first, second):
    # the second header row ("Mean (95% CI)") is printed as the first body row, its label cell empty
    text = _METHODS + f"""Table 2. Metabolic outcomes in completers
| | Placebo (n = 21) | Sertraline (n = 26) | {difference} | |
| | Mean (95% CI) | Mean (95% CI) | Mean difference (95% CI) | p |
| Fasting insulin (pmol/l) | | | | |
| Baseline | 71.2 (60.5 to 81.9) | 69.8 (61.0 to 78.6) | 1.4 (-12.3 to 15.1) | 0.84 |
| 12 weeks | 66.0 (58.1 to 73.9) | 58.3 (51.2 to 65.4) | 7.7 (-2.9 to 18.3) | 0.15 |
"""
    rows, table = _read(text, "Table 2. Metabolic outcomes in completers")
    assert header_rows(table) == {0, 1}
    assert not [r for r in rows if r["measure"] == "MEDIAN"]
    means = {(r["intervention"], r["timepoint"] or "baseline"): r for r in rows if r["measure"] == "MEAN"}
    assert set(means) == {("placebo", "baseline"), ("sertraline", "baseline"), ("placebo", "12 weeks"),
                          ("sertraline", "12 weeks")}
    placebo = means[("placebo", "12 weeks")]
    assert (placebo["value"], placebo["ci_low"], placebo["ci_high"], placebo["total"]) == (66.0, 58.1, 73.9, 21)
    assert placebo["flags"] == "sd_from_ci" and placebo["sd"] == pytest.approx(17.36, abs=0.01)
    differences = [r for r in rows if r["measure"] == "MD"]
    assert [(r["value"], r["ci_low"], r["ci_high"], r["p_value"]) for r in differences] == \
        [(1.4, -12.3, 15.1, 0.84), (7.7, -2.9, 18.3, 0.15)]
    assert {(r["intervention"], r["comparator"]) for r in differences} == {(first, second)}
    assert {r["intervention"] for r in rows if r["measure"] != "MD"} == {"placebo", "sertraline"}


@pytest.mark.parametrize("caption", [
    "Table 3. Means (and 95% CI:s) of weight in completers",
    "Table 3. Weight in completers, mean (95% confidence interval)",
    "Table 3. Weight in completers: mean [95% CI]",
])
def test_a_caption_naming_means_with_their_intervals_reads_bracketed_pairs_as_means(caption):
    text = _METHODS + caption + """
| | Placebo (n = 21) | Sertraline (n = 26) | Difference (95% CI) | P value |
| Body weight, kg | 84.1 (80.2 to 88.0) | 83.5 (79.9 to 87.1) | 0.6 (-4.6 to 5.8) | 0.82 |
"""
    rows, _ = _read(text, caption)
    found = {r["intervention"]: (r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows
             if r["measure"] != "MD"}
    assert found == {"placebo": ("MEAN", 84.1, 80.2, 88.0), "sertraline": ("MEAN", 83.5, 79.9, 87.1)}
    (difference,) = [r for r in rows if r["measure"] == "MD"]
    assert (difference["value"], difference["p_value"]) == (0.6, 0.82)


def test_a_percent_unit_in_a_section_label_does_not_override_the_columns_mean():
    # "HbA1c (%)" names the unit of a mean measured in percent, not an "n (%)" count
    text = _METHODS + """Table 2. Glycaemic control
| | Placebo (n = 21) | Sertraline (n = 26) |
| | Mean (95% CI) | Mean (95% CI) |
| HbA1c (%) | | |
| 12 weeks | 8.1 (7.7 to 8.5) | 7.6 (7.2 to 8.0) |
"""
    rows, _ = _read(text, "Table 2. Glycaemic control")
    assert {(r["intervention"], r["measure"], r["value"]) for r in rows} == {("placebo", "MEAN", 8.1),
                                                                            ("sertraline", "MEAN", 7.6)}


def test_an_explicit_count_format_in_the_row_label_still_wins():
    text = _METHODS + """Table 4. Responders
| | Placebo (n = 20) | Sertraline (n = 25) |
| | Mean (SD) | Mean (SD) |
| Responders, n (%) | 8 (40.0) | 15 (60.0) |
"""
    rows, _ = _read(text, "Table 4. Responders")
    assert {(r["intervention"], r["measure"], r.get("events"), r.get("total")) for r in rows} == \
        {("placebo", "PROPORTION", 8, 20), ("sertraline", "PROPORTION", 15, 25)}


def test_a_sized_sequence_arm_with_a_hyphen_is_an_arm_not_a_comparison():
    text = """Patients were randomised to placebo-sertraline (N = 40) or sertraline-sertraline (N = 42).
Table 1. Characteristics
| | Placebo-sertraline (N = 40) | Sertraline-sertraline (N = 42) |
| Age, mean years (SD) | 51.0 (11.2) | 50.2 (10.9) |
"""
    rows, _ = _read(text, "Table 1. Characteristics")
    assert not [r for r in rows if r["measure"] not in ("MEAN",)]
    assert {r["total"] for r in rows} == {40, 42}


def test_a_size_row_under_the_header_is_no_statistic_row():
    table = {"header_rows": 1, "cells": [
        {"row": 0, "col": 0, "text": ""}, {"row": 0, "col": 1, "text": "Drug"}, {"row": 0, "col": 2, "text": "Placebo"},
        {"row": 1, "col": 0, "text": ""}, {"row": 1, "col": 1, "text": "n = 29"}, {"row": 1, "col": 2, "text": "n = 31"},
        {"row": 2, "col": 0, "text": "Age"}, {"row": 2, "col": 1, "text": "51"}, {"row": 2, "col": 2, "text": "50"}]}
    assert header_rows(table) == {0}


def test_cells_carrying_their_own_number_of_patients():
    # "n = 23" after a cell's figure: the patients that row counts in that arm (answers missing for the others)
    text = """Patients were randomly assigned to active vest (n = 31) or sham vest (n = 29).
Table 3. Secondary outcomes
| | Active vest (n = 31) | Sham vest (n = 29) | P |
| Change in dyspnoea score, median [IQR] | -2.0 [-3.5, 0]n = 28 | 0 [-1, 1] (n = 27) | 0.04 |
| Rescue antibiotics, n (%) | 5 (19)n = 26 | 3 (11), n = 27 | 0.44 |
| Would use again, % | 81%n = 27 | 69% | 0.35 |
"""
    rows, _ = _read(text, "Table 3. Secondary outcomes")
    found = {(r["outcome"][:12], r["intervention"]): (r["measure"], r["value"], r.get("events"), r.get("total"),
                                                      r.get("q1"), r.get("q3")) for r in rows}
    assert found[("Change in dy", "active vest")] == ("MEDIAN", -2.0, None, 28, -3.5, 0.0)
    assert found[("Change in dy", "sham")] == ("MEDIAN", 0.0, None, 27, -1.0, 1.0)
    assert found[("Rescue antib", "active vest")][2:4] == (5, 26)
    assert found[("Rescue antib", "sham")][2:4] == (3, 27)
    assert found[("Would use ag", "active vest")][2:4] == (22, 27)      # 81% of 27 is 22 (81.5%)
    assert found[("Would use ag", "sham")][2:4] == (20, 29)        # 69% of the column's 29 is 20 (68.97%)


def test_a_mean_and_sd_printed_in_percent_and_a_stray_decimal_point():
    text = """Patients were randomly assigned to active vest (n = 31) or sham vest (n = 29).
Table 2. Primary outcomes
| | Active vest (n = 31) | Sham vest (n = 29) |
| Adherence, mean (SD) | 88% (19.5%) | 90.5 % (17.0 %) |
| Total cholesterol, mean ± SD | 99.±41.0* | 188.2±33.1 |
"""
    rows, _ = _read(text, "Table 2. Primary outcomes")
    found = {(r["outcome"][:9], r["intervention"]): (r["measure"], r["value"], r.get("sd"), r.get("total"))
             for r in rows}
    assert found == {("Adherence", "active vest"): ("MEAN", 88.0, 19.5, 31),
                     ("Adherence", "sham"): ("MEAN", 90.5, 17.0, 29),
                     ("Total cho", "active vest"): ("MEAN", 99.0, 41.0, 31),
                     ("Total cho", "sham"): ("MEAN", 188.2, 33.1, 29)}


@pytest.mark.parametrize("cell, n, events", [
    ("92%", 25, 23),          # exactly 23/25
    ("85%", 26, 22),          # 22/26 = 84.6%, the one count within the rounding
    ("12%", 400, 48),         # 47, 48 and 49 of 400 all print as 12%: n x share rounded, as the labels derive it
    ("12.5%", 41, None),      # no count of 41 prints 12.5% (5 is 12.2%, 6 is 14.6%): the share only
    ("6.6%", None, None),     # no size: the share only
])
def test_a_share_without_its_count_takes_the_one_count_it_rounds_from(cell, n, events):
    from evidence_review.extract.arm_cells import parse_arm_cell
    parsed = parse_arm_cell(cell, "pct", n)
    assert parsed["measure"] == "PROPORTION" and parsed["events"] == events and parsed["total"] == n
    assert parsed.get("flags", []) == (["events_from_percentage"] if events is not None else [])


def test_a_percentage_disagreeing_with_the_columns_n_keeps_the_count_over_that_n():
    # "91 (96%)" under n = 100 is 91 of 100 (a misprint or a share of fewer), never 91 of 95
    text = """Patients were randomly assigned to diazepam (n = 100) or placebo (n = 100).
Table 1. Baseline characteristics
| Variable | Diazepam (n = 100) | Placebo (n = 100) | P |
| Elective procedure | 91 (96%) | 92 (92%) | 0.28 |
"""
    rows, _ = _read(text, "Table 1. Baseline characteristics")
    assert sorted((r["events"], r["total"]) for r in rows) == [(91, 100), (92, 100)]


@pytest.mark.parametrize("caption", [
    "Table 2. Means (95% CI) in completers. Differences were estimated by analysis of covariance with the baseline "
    "value as a covariate.",
    "Table 2. Mean (95% CI) weight; differences adjusted for baseline weight (ANCOVA)",
])
def test_rows_under_a_heading_naming_when_and_a_caption_naming_the_baseline_as_covariate(caption):
    # the caption's "baseline" is what the model adjusts for, not a baseline table: the "Baseline" row is the
    # baseline figure (its difference unadjusted), the later rows are outcomes at their time (differences adjusted)
    text = _METHODS + caption + """
| | Placebo (n = 21) | Sertraline (n = 26) | Placebo \u2013 Sertraline | |
| | Mean (95% CI) | Mean (95% CI) | Mean difference (95% CI) | p |
| Body mass index (kg/m2) | | | | |
| Baseline | 30.2 (28.9 to 31.5) | 30.8 (29.6 to 32.0) | -0.6 (-2.4 to 1.2) | 0.51 |
| 6 months | 30.0 (29.4 to 30.6) | 29.1 (28.6 to 29.6) | 0.9 (0.1 to 1.7) | 0.03 |
"""
    rows, _ = _read(text, caption)
    found = {(r["measure"], r["intervention"], r["timepoint"]): (r["outcome"], r["role"], r["adjusted"]) for r in rows}
    assert found == {
        ("MEAN", "placebo", "baseline"): ("Body mass index (kg/m2)", "baseline", "no"),
        ("MEAN", "sertraline", "baseline"): ("Body mass index (kg/m2)", "baseline", "no"),
        ("MD", "placebo", "baseline"): ("Body mass index (kg/m2)", "baseline", "no"),
        ("MEAN", "placebo", "6 months"): ("Body mass index (kg/m2)", "", "no"),      # no role: an outcome
        ("MEAN", "sertraline", "6 months"): ("Body mass index (kg/m2)", "", "no"),
        ("MD", "placebo", "6 months"): ("Body mass index (kg/m2)", "effect", "yes")}


def test_a_caption_of_baseline_characteristics_is_still_a_baseline_table():
    text = _METHODS + """Table 1. Baseline characteristics
| | Placebo (n = 28) | Sertraline (n = 30) |
| HAM-D score, mean (SD) | 19.2 (3.1) | 18.8 (3.4) |
"""
    rows, _ = _read(text, "Table 1. Baseline characteristics")
    assert {r["role"] for r in rows} == {"baseline"} and len(rows) == 2


def test_a_table_of_characteristics_may_print_the_course_of_care_as_outcomes():
    text = _METHODS + """Table 2. Characteristics of the study population in the two groups
| | Placebo (n = 28) | Sertraline (n = 30) | P |
| Age, years, mean (SD) | 44.1 (9.0) | 45.3 (8.7) | 0.61 |
| Hospitalizations in the past year, n (%) | 6 (21.4) | 7 (23.3) | 0.86 |
| Duration of hospitalization, days, mean (SD) | 6.2 (2.1) | 5.1 (1.9) | 0.04 |
| Symptoms at hospital > 5 days, n (%) | 9 (32.1) | 4 (13.3) | 0.08 |
| Duration of disease, years, mean (SD) | 3.3 (2.0) | 3.1 (2.4) | 0.72 |
"""
    rows, _ = _read(text, "Table 2. Characteristics of the study population in the two groups")
    roles = {" ".join(r["outcome"].split()[:3]): r["role"] for r in rows}
    assert roles == {"Age": "baseline", "Hospitalizations in the": "baseline", "Duration of hospitalization": "",
                     "Symptoms at hospital": "", "Duration of disease": "baseline"}


def test_conditions_patients_came_with_are_baseline_rows_in_an_outcome_table():
    text = _METHODS + """Table 3. Outcomes
| | Placebo (n = 28) | Sertraline (n = 30) | P |
| Pain during the procedure, n (%) | 10 (35.7) | 9 (30.0) | 0.64 |
| Pre-existing anxiety disorder, n (%) | 3 (10.7) | 3 (10.0) | NS |
| History of migraine, n (%) | 4 (14.3) | 5 (16.7) | NS |
"""
    rows, _ = _read(text, "Table 3. Outcomes")
    roles = {r["outcome"]: r["role"] for r in rows}
    assert roles == {"Pain during the procedure": "", "Pre-existing anxiety disorder": "baseline",
                     "History of migraine": "baseline"}


def test_a_table_of_means_of_patient_traits_without_a_time_is_baseline():
    # "Mean and standard deviation (SD) of variables in the groups": age, BMI and how long the disease has lasted
    text = _METHODS + """Table 1. Mean and standard deviation (SD) of variables in the groups under study
| Variable | Sertraline | Placebo |
| | Mean±SD | Mean±SD |
| Age (year) | 50.2±9.4 | 49.9±10.1 |
| BMI (kg/m2) | 28.1±3.9 | 27.6±4.4 |
| Duration of the disease (months) | 61.0±40.2 | 58.8±44.0 |
"""
    rows, _ = _read(text, "Table 1. Mean and standard deviation (SD) of variables in the groups under study", 2)
    assert len(rows) == 6 and {r["role"] for r in rows} == {"baseline"}


@pytest.mark.parametrize("generic", ["Drug", "Active", "Drug group", "Verum"])
def test_a_generic_drug_column_beside_placebo_is_the_other_arm(generic):
    # the study model knows the placebo arm only (the herbal product is no lexicon drug): "Drug" is the other arm
    text = f"""Patients took the study capsules for three months; a control group took placebo.
Table 4. Blood factors before and after intervention
| Blood factor | {generic} | {generic} | Placebo | Placebo |
| | Mean±SD | Mean±SD | Mean±SD | Mean±SD |
| | Before intervention | After intervention | Before intervention | After intervention |
| Urea nitrogen | 16.9±5.6 | 16.3±4.6 | 15.2±6.1 | 15.9±5.0 |
"""
    rows, _ = _read(text, "Table 4. Blood factors before and after intervention", 3)
    found = {(r["intervention"], r["timepoint"]): (r["value"], r["sd"], r["role"]) for r in rows}
    drug = generic.split()[0].lower()
    assert found == {(drug, "before intervention"): (16.9, 5.6, "baseline"), (drug, "after intervention"): (16.3, 4.6, ""),
                     ("placebo", "before intervention"): (15.2, 6.1, "baseline"),
                     ("placebo", "after intervention"): (15.9, 5.0, "")}


@pytest.mark.parametrize("statistic, spread, cells, expected", [
    ("Median", "Range", ("43-70", "31-73"), {"range_low": (43.0, 31.0), "range_high": (70.0, 73.0)}),
    ("Median", "IQR", ("(50 to 61)", "(55 to 68)"), {"q1": (50.0, 55.0), "q3": (61.0, 68.0)}),
    ("Mean", "SD", ("8.1", "9.4"), {"sd": (8.1, 9.4)}),
])
def test_a_statistic_named_by_the_row_label_and_its_spread_on_the_next_row(statistic, spread, cells, expected):
    # "Age" heading, "Median" and "Range" rows: one MEDIAN per arm with its range; bare counts of the categories
    # under "Sex" in a table of characteristics count each arm's patients (sizes from the methods)
    text = f"""Patients were randomly assigned to cisplatin (n = 20) or vinorelbine (n = 20).
Table 1. Patient characteristics
| | Cisplatin | Vinorelbine |
| Age | | |
| {statistic} | 56.50 | 62.50 |
| {spread} | {cells[0]} | {cells[1]} |
| Sex | | |
| Male | 19 | 18 |
| Female | 01 | 02 |
"""
    rows, _ = _read(text, "Table 1. Patient characteristics")
    ages = {r["intervention"]: r for r in rows if r["outcome"] == "Age"}
    assert {arm: r["measure"] for arm, r in ages.items()} == {"cisplatin": statistic.upper(),
                                                             "vinorelbine": statistic.upper()}
    for key, (first, second) in expected.items():
        assert (ages["cisplatin"][key], ages["vinorelbine"][key]) == (first, second)
    assert ages["cisplatin"]["evidence"].count("\n") == 1        # both rows are the evidence
    counts = {(r["outcome"], r["intervention"]): (r["events"], r["total"], r["role"]) for r in rows
              if r["measure"] == "PROPORTION"}
    assert counts == {("Sex: Male", "cisplatin"): (19, 20, "baseline"), ("Sex: Male", "vinorelbine"): (18, 20, "baseline"),
                      ("Sex: Female", "cisplatin"): (1, 20, "baseline"),
                      ("Sex: Female", "vinorelbine"): (2, 20, "baseline")}


def test_bare_counts_of_responses_to_treatment_are_patients_counted():
    text = """Patients were randomly assigned to cisplatin (n = 20) or vinorelbine (n = 20).
Table 2. Response to treatment
| Response | Cisplatin | Vinorelbine |
| Complete response | 14 | 17 |
| Partial response | 04 | 02 |
"""
    rows, _ = _read(text, "Table 2. Response to treatment")
    assert sorted((r["outcome"], r["intervention"], r["events"], r["total"]) for r in rows) == [
        ("Complete response", "cisplatin", 14, 20), ("Complete response", "vinorelbine", 17, 20),
        ("Partial response", "cisplatin", 4, 20), ("Partial response", "vinorelbine", 2, 20)]


@pytest.mark.parametrize("cell, hint, n, expected", [
    ("(20/10)", "sex_pair", 30, ("PROPORTION", 20 / 30, 20, 30)),      # a sex pair printed in brackets
    ("[14/16]", "sex_pair", 30, ("PROPORTION", 14 / 30, 14, 30)),
    ("24.7±3.9mk", "mean_sd", 30, ("MEAN", 24.7, None, 30)),            # a unit or stray mark glued to the figure
    ("12.5 h", "mean", 30, ("MEAN", 12.5, None, 30)),
])
def test_cells_with_brackets_or_letters_around_their_figures(cell, hint, n, expected):
    from evidence_review.extract.arm_cells import parse_arm_cell
    parsed = parse_arm_cell(cell, hint, n)
    assert (parsed["measure"], parsed["value"], parsed.get("events"), parsed["total"]) == expected
    assert parsed["value_text"] == cell
    assert parse_arm_cell("(20/10", "sex_pair", 30) is None       # an unclosed bracket is no pair


@pytest.mark.parametrize("header, measure, first, second", [
    ("Difference (sertraline \u2212 placebo), % (95% CI)", "RD", "sertraline", "placebo"),
    ("Placebo vs sertraline, RR (95% CI)", "RR", "placebo", "sertraline"),
    ("Sertraline versus placebo OR (95% CI)", "OR", "sertraline", "placebo"),
])
def test_comparison_columns_of_counts_name_their_measure_and_order(header, measure, first, second):
    text = _METHODS + f"""Table 3. Remission at week 12
| | Placebo (n = 28) | Sertraline (n = 30) | {header} |
| Remission, n (%) | 7 (25.0) | 15 (50.0) | 0.50 (0.21 to 0.79) |
"""
    rows, _ = _read(text, "Table 3. Remission at week 12")
    (effect,) = [r for r in rows if r["measure"] not in ("PROPORTION",)]
    assert (effect["measure"], effect["intervention"], effect["comparator"]) == (measure, first, second)
    assert {r["intervention"] for r in rows if r["measure"] == "PROPORTION"} == {"placebo", "sertraline"}


@pytest.mark.parametrize("label", ["", "Variable", "Characteristic"])
def test_a_statistic_row_with_a_generic_label_is_a_header_row(label):
    text = _METHODS + f"""Table 2. Change in weight
| Characteristic | Placebo (n = 21) | Sertraline (n = 26) |
| {label} | Mean change (95% CI) | Mean change (95% CI) |
| Weight, kg | -0.4 (-1.1 to 0.3) | -2.2 (-3.0 to -1.4) |
"""
    rows, table = _read(text, "Table 2. Change in weight")
    assert header_rows(table) == {0, 1}
    assert {(r["intervention"], r["measure"], r["ci_low"]) for r in rows} == {("placebo", "MEAN", -1.1),
                                                                           ("sertraline", "MEAN", -3.0)}


def test_a_first_data_row_of_words_with_a_real_label_is_no_header_row():
    table = {"header_rows": 1, "cells": [
        {"row": 0, "col": 0, "text": ""}, {"row": 0, "col": 1, "text": "Drug"}, {"row": 0, "col": 2, "text": "Placebo"},
        {"row": 1, "col": 0, "text": "Dominant hand"}, {"row": 1, "col": 1, "text": "Right"},
        {"row": 1, "col": 2, "text": "Right"}]}
    assert header_rows(table) == {0}


@pytest.mark.parametrize("cell", ["9.0 (8.2 to 9.8)", "9.0 (8.2, 9.8)", "9.0 [8.2\u20139.8]", "9.0 (95% CI 8.2-9.8)",
                                  "9.0 (95% CI: 8.2 to 9.8)", "9.0% (8.2\u20139.8%)", "9.0(8.2-9.8)"])
def test_spellings_of_a_mean_with_its_interval_under_a_mean_ci_column(cell):
    from evidence_review.extract.table_reader import _clean
    from evidence_review.extract.arm_cells import parse_arm_cell
    from evidence_review.extract.textscan import scan_view
    parsed = parse_arm_cell(_clean(scan_view(cell)), "mean_ci", 30)
    assert (parsed["measure"], parsed["value"], parsed["ci_low"], parsed["ci_high"]) == ("MEAN", 9.0, 8.2, 9.8)
    assert parsed["flags"] == ["sd_from_ci"] and parsed["sd"] == pytest.approx(2.142, abs=0.001)


def test_a_cell_whose_shape_the_tables_stated_format_cannot_have_is_read_by_its_shape():
    # the caption says medians [IQR]; "Either" states no format and "5 (22)" has no pair: a count with its share
    text = """Patients were randomly assigned to active vest (n = 25) or sham vest (n = 27).
Table 3. Secondary outcomes, median [IQR]
| | Active vest (n = 25) | Sham vest (n = 27) | P |
| Length of stay, days | 2 [1, 3] | 2 [1, 4] | 0.75 |
| Acute care at 30 days, n (%) | 4 (17)n = 23 | 4 (17)n = 24 | 0.99 |
| Either | 5 (22)n = 23 | 4 (17)n = 24 | 0.72 |
"""
    rows, _ = _read(text, "Table 3. Secondary outcomes, median [IQR]")
    found = {(r["outcome"], r["intervention"]): (r["measure"], r.get("events"), r["total"]) for r in rows}
    assert found[("Length of stay", "active vest")] == ("MEDIAN", None, 25)
    assert found[("Either", "active vest")] == ("PROPORTION", 5, 23)
    assert found[("Either", "sham")] == ("PROPORTION", 4, 24)


def test_a_loss_of_a_function_is_an_event_counted_but_blood_loss_is_measured():
    text = _METHODS + """Table 4. Number of patients in each group who reported adverse events
| | Placebo | Sertraline |
| Loss of appetite | 1 | 4 |
| Hearing loss | 0 | 1 |
| Blood loss | 120 | 135 |
"""
    rows, _ = _read(text, "Table 4. Number of patients in each group who reported adverse events")
    found = {(r["outcome"], r["intervention"]): (r.get("events"), r["total"]) for r in rows}
    assert found == {("Loss of appetite", "placebo"): (1, 28), ("Loss of appetite", "sertraline"): (4, 30),
                     ("Hearing loss", "placebo"): (0, 28), ("Hearing loss", "sertraline"): (1, 30)}


@pytest.mark.parametrize("header, measure", [
    ("Difference vs placebo", "MD"),                 # a capitalised "Difference" naming the comparator only
    ("Standardized mean difference (95% CI)", "SMD"),
    ("Effect size", "SMD"),
    ("Cohen's d", "SMD"),
    ("Odds ratio (95% CI)", "OR"),
])
def test_effect_columns_beside_the_arms_are_never_an_arm(header, measure):
    text = _METHODS + f"""Table 2. Weight
| | Placebo (n = 28) | Sertraline (n = 30) | {header} |
| Weight, kg, mean (SD) | 80.1 (10.2) | 82.3 (11.0) | -0.2 (-0.4 to -0.1) |
"""
    rows, _ = _read(text, "Table 2. Weight")
    assert sorted((r["measure"], r["intervention"], r["comparator"] or "") for r in rows) == sorted(
        [("MEAN", "placebo", ""), ("MEAN", "sertraline", ""), (measure, "sertraline", "placebo")])


@pytest.mark.parametrize("label, measure, keys", [
    ("Age, mean (range)", "MEAN", ("range_low", "range_high")),
    ("Age, median (range)", "MEDIAN", ("range_low", "range_high")),
    ("Age, median (25th-75th percentile)", "MEDIAN", ("q1", "q3")),
    ("Age, median (P25-P75)", "MEDIAN", ("q1", "q3")),
])
def test_a_value_with_a_pair_named_by_the_row_label(label, measure, keys):
    text = _METHODS + f"""Table 1. Baseline characteristics
| | Placebo (n = 28) | Sertraline (n = 30) |
| {label} | 45 (30-60) | 47 (31-62) |
"""
    rows, _ = _read(text, "Table 1. Baseline characteristics")
    found = {r["intervention"]: (r["measure"], r["outcome"], r[keys[0]], r[keys[1]]) for r in rows}
    assert found == {"placebo": (measure, "Age", 30.0, 60.0), "sertraline": (measure, "Age", 31.0, 62.0)}


def test_a_percent_unit_row_whose_first_figure_exceeds_the_arm_is_a_mean():
    text = _METHODS + """Table 2. Outcomes
| | Placebo (n = 28) | Sertraline (n = 30) |
| Adherence, % | 91 (21) | 88 (19) |
| Responders (%) | 12 (43) | 18 (60) |
"""
    rows, _ = _read(text, "Table 2. Outcomes")
    found = {(r["outcome"], r["intervention"]): (r["measure"], r["value"], r.get("sd"), r.get("events")) for r in rows}
    assert found[("Adherence", "placebo")] == ("MEAN", 91.0, 21.0, None)
    assert found[("Adherence", "sertraline")] == ("MEAN", 88.0, 19.0, None)
    assert found[("Responders", "placebo")][0::3] == ("PROPORTION", 12)


def test_arms_as_rows_a_percent_unit_in_the_column_header_yields_to_the_captions_mean():
    text = _METHODS + """Table 2. Outcomes at 12 weeks, mean (95% CI)
| Group | HbA1c (%) | Weight (kg) |
| Placebo | 8.1 (7.7 to 8.5) | 84.1 (80.2 to 88.0) |
| Sertraline | 7.6 (7.2 to 8.0) | 83.5 (79.9 to 87.1) |
"""
    rows, _ = _read(text, "Table 2. Outcomes at 12 weeks, mean (95% CI)")
    found = {(r["outcome"], r["intervention"]): (r["measure"], r["value"], r["ci_low"]) for r in rows}
    assert found[("HbA1c", "placebo")] == ("MEAN", 8.1, 7.7)
    assert found[("HbA1c", "sertraline")] == ("MEAN", 7.6, 7.2)
    assert found[("Weight (kg)", "sertraline")] == ("MEAN", 83.5, 79.9)


@pytest.mark.parametrize("cell", ["45.2 \u00b1 12.3", "45.2 +/- 12.3", "45.2 +- 12.3", "45.2+-12.3", "45.2* \u00b1 12.3"])
def test_spellings_of_a_mean_and_its_sd(cell):
    from evidence_review.extract.table_reader import _clean
    from evidence_review.extract.arm_cells import parse_arm_cell
    from evidence_review.extract.textscan import scan_view
    parsed = parse_arm_cell(_clean(scan_view(cell)), "mean_sd", 30)
    assert (parsed["measure"], parsed["value"], parsed["sd"], parsed["total"]) == ("MEAN", 45.2, 12.3, 30)


@pytest.mark.parametrize("caption", ["Table 3. Adverse events", "Table 3. Outcomes"])
def test_an_n_and_percent_sub_header_printed_in_the_body(caption):
    text = _METHODS + caption + """
| | Placebo (n = 28) | | Sertraline (n = 30) | |
| | n | % | n | % |
| Nausea | 3 | 10.7 | 9 | 30.0 |
"""
    rows, table = _read(text, caption)
    assert header_rows(table) == {0, 1}
    assert sorted((r["intervention"], r["events"], r["total"]) for r in rows) == [("placebo", 3, 28),
                                                                                 ("sertraline", 9, 30)]


def test_a_named_arm_joined_to_a_generic_word_is_no_comparison():
    # "Placebo-treated" beside "Sertraline-treated": arms described, not "placebo minus the treated arm"
    text = _METHODS + """Table 2. Weight
| | Sertraline-treated | Placebo-treated |
| Weight, kg, mean (SD) | 80.1 (10.2) | 82.3 (11.0) |
"""
    rows, _ = _read(text, "Table 2. Weight")
    found = {(r["measure"], r["intervention"]) for r in rows}
    assert ("MEAN", "placebo") in found and {m for m, _ in found} == {"MEAN"}
    from evidence_review.extract.table_reader import _compared_arms
    study = build_study("d", _METHODS)
    assert _compared_arms("Placebo-treated", study, {}) is None
    assert _compared_arms("Sertraline-treated", study, {}) is None
    first, second = _compared_arms("Placebo \u2013 Sertraline", study, {})
    assert (first.canonical, second.canonical) == ("placebo", "sertraline")


@pytest.mark.parametrize("where", ["label", "caption"])
def test_a_geometric_mean_with_its_interval_gives_no_sd(where):
    label = "Antibody titre, geometric mean (95% CI)" if where == "label" else "Antibody titre, mean (95% CI)"
    caption = "Table 2. Geometric mean titres" if where == "caption" else "Table 2. Titres"
    text = _METHODS + caption + f"""
| | Placebo (n = 28) | Sertraline (n = 30) |
| {label} | 12.1 (9.0 to 16.3) | 45.0 (33.2 to 61.0) |
| Weight, kg, mean (95% CI) | 80.1 (76.3 to 83.9) | 82.3 (78.2 to 86.4) |
"""
    rows, _ = _read(text, caption)
    titres = [r for r in rows if r["outcome"].startswith("Antibody")]
    assert {(r["value"], r["ci_low"], r["sd"], r["flags"]) for r in titres} == {(12.1, 9.0, None, ""),
                                                                             (45.0, 33.2, None, "")}
    weights = [r for r in rows if r["outcome"].startswith("Weight")]
    if where == "label":
        assert {r["flags"] for r in weights} == {"sd_from_ci"}


def test_a_misprinted_share_in_a_row_of_counts_stays_a_count():
    # no format anywhere: "4 (15)" of 27 is a count with its share, so "5 (22)" of 25 (20% printed as 22) is one
    # too, flagged; "45 (12)" beside "47 (11)" (no cell a count of its arm) stays a mean with its SD
    text = """Patients were randomly assigned to active vest (n = 25) or sham vest (n = 27).
Table 3. Secondary outcomes
| | Active vest (n = 25) | Sham vest (n = 27) | p-value |
| Readmission | 5 (22) | 4 (15) | 0.72 |
| Age | 45 (12) | 47 (11) | 0.5 |
"""
    rows, _ = _read(text, "Table 3. Secondary outcomes")
    found = {(r["outcome"], r["intervention"]): (r["measure"], r.get("events"), r["total"]) for r in rows}
    assert found == {("Readmission", "active vest"): ("PROPORTION", 5, 25), ("Readmission", "sham"): ("PROPORTION", 4, 27),
                     ("Age", "active vest"): ("MEAN", None, 25), ("Age", "sham"): ("MEAN", None, 27)}
    readmitted = next(r for r in rows if r["outcome"] == "Readmission" and r["intervention"] == "active vest")
    assert "percentage_of_fewer" in readmitted["flags"]
