"""General table shapes a blind batch showed the reader missing (tests/fixtures/extract_heldout6/BLIND_SCORES.md,
"Error classes of the blind run"), each on a table written here: percentage-first "% (n)" cells, a body row that
gives each arm column its N, and a percentage-first cell in a table that names no format."""
from __future__ import annotations

from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table
from evidence_review.extract.arm_cells import parse_arm_cell



def test_percentage_first_cells_under_a_percent_n_label_are_counts_of_the_arm():
    text = """Women were randomly assigned to carbetocin or oxytocin.
Table 2. Outcomes
| | Carbetocin (n = 40) | Oxytocin (n = 38) |
| Blood transfusion %(n) | 12.5 (5) | 26.3 (10) |
| Nausea % (n) | 100 (40) | 0.0 (0) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes")
    assert [(r["measure"], r["intervention"], r["events"], r["total"], r["outcome"]) for r in rows] == [
        ("PROPORTION", "carbetocin", 5, 40, "Blood transfusion"), ("PROPORTION", "oxytocin", 10, 38, "Blood transfusion"),
        ("PROPORTION", "carbetocin", 40, 40, "Nausea"), ("PROPORTION", "oxytocin", 0, 38, "Nausea")]
    assert all(r["measure"] != "MEAN" for r in rows)


def test_a_heading_row_naming_percent_n_gives_it_to_the_categories_under_it():
    text = """Women were randomly assigned to carbetocin or oxytocin.
Table 1. Characteristics of the women
| | Carbetocin (n = 40) | Oxytocin (n = 38) |
| Parity %(n) | | |
| 0 | 45.0 (18) | 39.5 (15) |
| 1 or more | 55.0 (22) | 60.5 (23) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics of the women")
    assert [(r["events"], r["total"]) for r in rows] == [(18, 40), (15, 38), (22, 40), (23, 38)]


def test_a_body_row_of_arm_sizes_gives_each_column_its_n():
    text = """Women were randomly assigned to carbetocin or oxytocin.
Table 2. Outcomes
| | Carbetocin | Oxytocin |
| | n = 40 | n = 38 |
| Blood loss (ml), mean ± SD | 410 ± 120 | 455 ± 140 |
| (No.) | 36 | 35 |
| Vomiting, n (%) | 3 (8.3) | 7 (20.0) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes")
    # the sizes row is no outcome; a later sizes row (those followed up) replaces the N for the rows under it
    assert [(r["outcome"], r["total"]) for r in rows] == [
        ("Blood loss (ml)", 40), ("Blood loss (ml)", 38), ("Vomiting", 36), ("Vomiting", 35)]
    assert [r["events"] for r in rows[2:]] == [3, 7]


def test_percentage_first_without_a_format_needs_the_count_to_be_that_share_of_the_arm():
    # 22 of 29 is 75.9 %: a percentage with its count; 12.3 is no count, and 30 of 29 cannot be
    assert parse_arm_cell("75.9 (22)", "", 29)["events"] == 22
    assert parse_arm_cell("45.2 (12.3)", "", 29)["measure"] == "MEAN"
    assert parse_arm_cell("41.0 (30)", "", 29)["measure"] == "MEAN"
    # under "% (n)" the reading holds whatever the arm's size; an SD-looking bracket is refused
    assert parse_arm_cell("62.1 (18)", "pct_n", None)["events"] == 18
    assert parse_arm_cell("62.1 (1.8)", "pct_n", 29) is None


def test_a_control_group_that_received_no_treatment_is_the_arm_no_treatment():
    # the schedule after the first arm ("and at 4-6 hour intervals thereafter") is neither an arm nor the list's end
    text = ("Children were randomly assigned 1:1 to oral ibuprofen (10 mg/kg) at the visit, and at 4-6 hour intervals "
            "thereafter, or a control group that received no ibuprofen. Temperature was measured for 3 days.")
    arms = build_study("d", text, None).arms
    assert [(a.canonical, a.role) for a in arms][1:] == [("no ibuprofen", "control")]
    assert len(arms) == 2 and "ibuprofen" in arms[0].canonical and arms[0].role == "experimental"


def test_before_and_after_treatment_heading_rows_give_role_and_timepoint_to_the_rows_under_them():
    text = """Infants were randomly assigned to zinc oxide cream or petrolatum.
Table 3. Rash severity in the two groups
| Grade | Zinc oxide (n = 30) | Petrolatum (n = 31) |
| Before treatment | | |
| Mild | 12 (40.0%) | 13 (41.9%) |
| Severe | 18 (60.0%) | 18 (58.1%) |
| After treatment | | |
| Mild | 25 (83.3%) | 20 (64.5%) |
| Severe | 5 (16.7%) | 11 (35.5%) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Rash severity in the two groups")
    assert [(r["events"], r["role"], r["timepoint"]) for r in rows] == [
        (12, "baseline", "before treatment"), (13, "baseline", "before treatment"),
        (18, "baseline", "before treatment"), (18, "baseline", "before treatment"),
        (25, "", "after treatment"), (20, "", "after treatment"), (5, "", "after treatment"), (11, "", "after treatment")]
    # the phase is not part of the outcome
    assert {r["outcome"] for r in rows} == {"Mild", "Severe"}


def test_a_period_row_under_an_outcome_heading_is_the_rows_timepoint():
    text = """Patients were randomly assigned to abatacept or placebo.
Table 3. Safety
| | Placebo (N = 80) | Abatacept (N = 82) |
| Patients with an infection, n (%) | | |
| Weeks 1–12 (double-blind period) | 10 (12.5) | 14 (17.1) |
| Weeks 1-24 | 20 (25.0) | 22 (26.8) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Safety")
    assert [(r["events"], r["timepoint"]) for r in rows] == [(10, "weeks 1-12"), (14, "weeks 1-12"),
                                                             (20, "weeks 1-24"), (22, "weeks 1-24")]


def test_a_past_medical_history_table_is_baseline():
    text = """Infants were randomly assigned to zinc oxide cream or petrolatum.
Table 2. Past medical history of the study groups
| | Zinc oxide (n = 30) | Petrolatum (n = 31) |
| Previous rash, n (%) | 9 (30.0) | 8 (25.8) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Past medical history of the study groups")
    assert [r["role"] for r in rows] == ["baseline", "baseline"]


def test_a_size_given_for_each_arm_at_once_and_a_ratio_is_no_arm_size():
    text = ("Methods: Patients on a stable dose of metformin were randomized 1 : 1 to receive sitagliptin or placebo. "
            "Results: In total, 152 patients were enrolled in each arm.")
    arms = build_study("d", text, None).arms
    assert [(a.canonical, a.n) for a in arms] == [("sitagliptin", 152), ("placebo", 152)]
    # a label's colon before the count is no ratio: "Interventions: 300 children were randomised to receive A or B"
    arms = build_study("d", "Interventions: 300 children were randomised to receive amoxicillin or placebo.", None).arms
    assert [a.canonical for a in arms] == ["amoxicillin", "placebo"]


def test_arm_columns_named_by_the_letters_the_methods_define():
    text = """Children were randomly assigned to receive either clonidine (Group C) or clonidine-dexmedetomidine (Group CD).
Table 3. Patient data (mean ± SD)
| | Group (C) | Group (CD) |
| (No.) | 40 | 40 |
| Age (year) | 5.1 ± 1.2 | 5.3 ± 1.4 |
| Vomiting (no.-% within group) | 6 (15.0) | 4 (10.0) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Patient data (mean ± SD)")
    assert [(r["intervention"], r["measure"], r["total"]) for r in rows] == [
        ("clonidine", "MEAN", 40), ("clonidine-dexmedetomidine", "MEAN", 40),
        ("clonidine", "PROPORTION", 40), ("clonidine-dexmedetomidine", "PROPORTION", 40)]
    # "Group C (%)" names the same arm, its format after the letters
    header = "| | Group C (%) | Group CD (%) |"
    text2 = text.replace("| | Group (C) | Group (CD) |", header)
    _, rows = _read(text2, header, "Table 3. Patient data (mean ± SD)")
    assert [r["intervention"] for r in rows][:2] == ["clonidine", "clonidine-dexmedetomidine"]


def test_the_sizes_row_may_head_an_effect_column_printed_with_leading_dots():
    text = """Women were randomly assigned to carbetocin or oxytocin.
Table 2. Outcomes
| | Carbetocin | Oxytocin | |
| | n = 40 | n = 38 | RR [95% CI] or p-value |
| Blood transfusion %(n) | 12.5 (5) | 26.3 (10) | .48 [.18, 1.27] |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes")
    effect = [r for r in rows if r["measure"] not in ("PROPORTION",)]
    # "or p-value" is no odds ratio; the ratio of the counts beside it is not adjusted
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["adjusted"]) for r in effect] == [
        ("RR", 0.48, 0.18, 1.27, "no")]
    assert [(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"] == [(5, 40), (10, 38)]


def test_range_cells_are_means_when_the_footnote_says_values_are_means_except_what_it_names():
    text = """Patients were randomly assigned to salbutamol or salbutamol/ipratropium.
Table 1. Characteristics of the patients
| Characteristic | Salbutamol (n = 40) | Salbutamol/ipratropium (n = 41) |
| Weight, kg (range) | 71.2 (50-98) | 69.8 (48-101) |
| Disease duration, years (range) | 12 (1-40) | 10.5 (0-38) |
Values are given as numbers or as means, except disease duration, for which the median is given.
"""
    table = pipe_table(text, text.split("\n")[2], caption="Table 1. Characteristics of the patients")
    table["end"] = len(text)     # the footnote line under the grid is inside the table's span
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study)
    assert [(r["measure"], r["value"], r["range_low"], r["range_high"]) for r in rows] == [
        ("MEAN", 71.2, 50, 98), ("MEAN", 69.8, 48, 101), ("MEDIAN", 12, 1, 40), ("MEDIAN", 10.5, 0, 38)]


def test_bare_counts_under_a_label_that_says_n_are_counts_of_the_arm():
    text = """Patients were randomly assigned to salbutamol or salbutamol/ipratropium.
Table 3. Adverse events
| | Salbutamol (n = 40) | Salbutamol/ipratropium (n = 41) |
| Tremor (n) | 3 | 0 |
| Blood loss, ml | 3 | 0 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Adverse events")
    # a unit after the comma is no count format: the second row is not read as counts
    assert [(r["outcome"], r["events"], r["total"]) for r in rows] == [("Tremor", 3, 40), ("Tremor", 0, 41)]


def test_bare_counts_of_categories_under_a_label_repeated_on_each_row():
    # "Neck circumference | < 40 cm | 13 | 12 | 14" and "| ≥ 40 cm | 7 | 8 | 6": a label printed once over its
    # categories (the grid repeats it), each label's counts adding up to every arm's n, the next label's too
    text = """Sixty patients were randomly allocated to intubation with the Macintosh (n = 20), Glidescope (n = 20) or Airtraq (n = 20).
Table 1. Airway assessment data
| | | Macintosh | Glidescope | Airtraq | P value |
| Neck circumference | < 40 cm | 13 | 12 | 14 | 0,82 NS |
| Neck circumference | ≥ 40 cm | 7 | 8 | 6 | 0,82 NS |
| Mouth opening | < 4 cm | 4 | 6 | 5 | 0.77 NS |
| Mouth opening | ≥ 4 cm | 16 | 14 | 15 | 0.77 NS |
| Jaw protrusion | Yes | 17 | 18 | 16 | 0,71 NS |
| Jaw protrusion | No | 3 | 2 | 4 | 0,71 NS |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Airway assessment data")
    assert {r["measure"] for r in rows} == {"PROPORTION"}
    got = {(str(r["intervention"]).lower(), r["events"], r["total"]) for r in rows}
    assert {("macintosh", 13, 20), ("glidescope", 8, 20), ("airtraq", 4, 20)} <= got
    assert len(rows) == 18
