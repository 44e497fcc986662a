"""Timepoints a table gives its rows from its columns, its row labels and its caption (README "Timepoints: the
convention"): tables written for these tests, in the shapes papers print, with other names and times."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.table_reader import _when


def rows_of(text: str, header_rows: int = 1) -> list[dict]:
    lines = text.split("\n")
    return read_pipe_table(text, lines[2], lines[1], header_rows=header_rows)[1]


@pytest.mark.parametrize("first, second, expected", [
    ("Day 3-5", "Day 21-24", ("day 3-5", "day 21-24")),
    ("Days 3–5", "Days 21–24", ("days 3–5", "days 21–24")),
    ("Week 1-4", "Week 9 to 12", ("week 1-4", "week 9 to 12")),
    ("Visit 2-3", "Visit 5-6", ("visit 2-3", "visit 5-6")),
])
def test_a_named_period_of_the_trial_over_a_column_is_its_time(first, second, expected):
    text = f"""Patients were randomly assigned to drug Y or placebo.
Table 3. Sleep measures
| | Drug Y (n = 24) | | | Placebo (n = 22) | | |
| Measure | Baseline | {first} | {second} | Baseline | {first} | {second} |
| Total sleep time, min | 402 (61) | 431 (55) | 440 (49) | 398 (70) | 405 (66) | 410 (58) |
"""
    rows = rows_of(text, header_rows=2)
    got = {(r["intervention"], r["value"]): (r["timepoint"], r["role"]) for r in rows}
    assert got[("drug y", 402)] == ("baseline", "baseline")
    assert got[("drug y", 431)][0] == expected[0] and got[("placebo", 410)][0] == expected[1]
    assert got[("placebo", 405)][0] == expected[0] and got[("placebo", 405)][1] != "baseline"


@pytest.mark.parametrize("cell", ["2-5 days", "5–14 years", "<6 hours", "6 to 12 months", "1-3 weeks", "> 2 years"])
def test_a_range_of_a_unit_in_a_header_stays_a_category(cell):
    assert _when(cell) is None


@pytest.mark.parametrize("cell, expected", [
    ("Baseline", ("baseline", True)), ("BASE LINE", ("baseline", True)), ("Base line", ("baseline", True)),
    ("At baseline", ("baseline", True)), ("Baseline value", ("baseline", True)),
    ("Day 2-4", ("day 2-4", False)), ("Weeks 13–26", ("weeks 13–26", False)),
])
def test_header_cells_naming_the_baseline_or_a_period(cell, expected):
    assert _when(cell) == expected


def test_baseline_columns_beside_later_times_are_timed_baseline_and_the_rest_keep_their_own():
    text = """Patients were randomly assigned to syrup or placebo.
Table 2. Symptom scores over 9 months
| Score | Group | BASE LINE | 4 MONTHS | 9 MONTHS |
| Cough | Syrup (n = 50) | 2.9 (0.6) | 2.2 (0.7) | 1.7 (0.8) |
| Cough | Placebo (n = 49) | 3.0 (0.5) | 2.6 (0.6) | 2.4 (0.7) |
"""
    rows = rows_of(text)
    got = {r["value"]: normalize_label(r["timepoint"]) for r in rows if r["measure"] == "MEAN"}
    assert got[2.9] == got[3.0] == normalize_label("baseline")
    assert got[2.2] == got[2.6] == normalize_label("4 months")
    assert got[1.7] == got[2.4] == normalize_label("9 months")


@pytest.mark.parametrize("label, outcome, when", [
    ("DBP 3 min after induction", "DBP", "3 minutes after induction"),
    ("DBP 5 min before induction", "DBP", "5 minutes before induction"),
    ("Heart rate, 15 min before incision", "Heart rate", "15 minutes before incision"),
    ("SpO2 (20 min post-extubation)", "SpO2", "20 minutes post-extubation"),
    ("Pain score at 8 h", "Pain score", "8 hours"),
    ("Nausea 12 hrs following surgery", "Nausea", "12 hours following surgery"),
    ("Apgar score 1 min", "Apgar score", "1 minutes"),
    ("CRP at 48 h (mg/L)", "CRP (mg/L)", "48 hours"),
])
def test_a_row_label_ending_with_its_time_splits_into_outcome_and_time(label, outcome, when):
    from evidence_review.extract.table_reader import _outcome_and_timepoint
    got = _outcome_and_timepoint(label)
    assert got[0] == outcome and normalize_label(got[1]) == normalize_label(when), got


@pytest.mark.parametrize("label", [
    "Symptoms 3-6 days", "Symptoms 6 to 12 months", "Antibiotics for 7 days", "Infusion every 3 weeks", "Age 9 months",
    "Fever > 4 days", "Duration of anaesthesia 45 min", "Time to first rescue dose 30 min",
    "Placenta delivered within 10 minutes", "Seizures in the last 48 hours",
])
def test_a_row_label_with_a_length_a_range_an_age_or_a_window_keeps_no_time(label):
    from evidence_review.extract.table_reader import _outcome_and_timepoint
    assert _outcome_and_timepoint(label) == (label, "")


def test_rows_named_with_their_time_carry_it_and_share_the_outcome():
    text = """Patients were randomly assigned to drug K or drug L.
Table 4. Haemodynamics in the two groups
| Variable | Drug K (n = 25) | Drug L (n = 26) | P |
| SBP 5 min before induction | 121.4 ± 9.8 | 119.8 ± 10.2 | NS |
| SBP 3 min after induction | 101.2 ± 12.1 | 110.5 ± 11.4 | 0.01 |
| SBP 9 min after induction | 104.6 ± 10.9 | 108.3 ± 9.7 | NS |
"""
    rows = rows_of(text)
    got = {(r["intervention"], r["value"]): (r["outcome"], normalize_label(r["timepoint"])) for r in rows}
    assert got[("drug k", 121.4)] == ("SBP", normalize_label("5 min before induction"))
    assert got[("drug l", 110.5)] == ("SBP", normalize_label("3 min after induction"))
    assert got[("drug l", 108.3)] == ("SBP", normalize_label("9 minutes after induction"))


@pytest.mark.parametrize("times", [("BASE LINE", "4 MONTHS", "9 MONTHS"), ("Baseline", "Week 16", "Week 36"),
                                   ("Baseline", "Day 3-5", "Day 20-25")])
def test_a_row_of_times_under_the_arm_header_is_a_header_row_and_each_column_keeps_its_own_time(times):
    # ingestion marked one header row; the second, its label cell empty and every cell a time, is a header too, and
    # a column's own time wins over the caption's ("during 9 months of treatment")
    first, second, third = times
    text = f"""Patients were randomly assigned to syrup or placebo.
Table 4. Secondary outcomes during 9 months of treatment with syrup or placebo
| Lung function | PLACEBO | PLACEBO | PLACEBO | SYRUP | SYRUP | SYRUP | |
| | {first} | {second} | {third} | {first} | {second} | {third} | p-Value |
| FEV 1 [l] | 1.51 ± 0.5 | 1.52 ± 0.5 | 1.53 ± 0.5 | 1.54 ± 0.5 | 1.57 ± 0.5 | 1.60 ± 0.6 | 0.06 |
| Cough score | 1.8 ± 0.9 | 2.1 ± 0.9 | 2.2 ± 1.0 | 1.9 ± 0.9 | 2.4 ± 1.0 | 2.5 ± 1.1 | 0.01 |
"""
    rows = rows_of(text, header_rows=1)
    got = {(r["intervention"], r["value"]): (normalize_label(r["timepoint"]), r["role"]) for r in rows}
    assert len(rows) == 12
    assert got[("placebo", 1.51)] == (normalize_label("baseline"), "baseline")
    assert got[("syrup", 2.4)][0] == normalize_label(second.lower())
    assert got[("placebo", 2.2)][0] == normalize_label(third.lower())


def test_a_data_row_without_a_label_is_no_header_row():
    text = """Patients were randomly assigned to syrup or placebo.
Table 4. Cough at 9 months
| Outcome | Syrup (n = 40) | Placebo (n = 41) |
| | 12 (30.0) | 20 (48.8) |
| Wheeze, n (%) | 8 (20.0) | 9 (22.0) |
"""
    from evidence_review.extract.study import header_rows
    from table_grids import pipe_table
    table = pipe_table(text, text.split("\n")[2], caption=text.split("\n")[1], header_rows=1)
    assert header_rows(table) == {0}
