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
    ("Rescue doses in 12 h (number of requests)", "Rescue doses (number of requests)", "12 hours"),
    ("Vomiting during 6 h", "Vomiting", "6 hours"),
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


@pytest.mark.parametrize("change, times", [
    ("change", ("baseline", "week 20")), ("Mean change", ("Baseline", "Month 9")), ("Δ", ("Baseline", "12 weeks")),
    ("Change from baseline", ("At baseline", "Day 28")),
])
def test_a_change_column_beside_a_baseline_takes_the_time_printed_before_it(change, times):
    first, second = times
    text = f"""Patients were randomly assigned to drug M or placebo.
Table 2. Mean scores and change
| | Placebo (n = 12) | Placebo (n = 12) | Placebo (n = 12) | Drug M (n = 13) | Drug M (n = 13) | Drug M (n = 13) | |
| | {first} | {second} | {change} | {first} | {second} | {change} | |
| Memory score | 23.1 (2.2) | 22.6 (2.4) | -0.55 (2.5) | 21.3 (3.1) | 19.5 (3.8) | -1.78 (2.7) | P = 0.07 |
"""
    rows = rows_of(text, header_rows=2)
    got = {r["value"]: normalize_label(r["timepoint"]) for r in rows}
    assert got[-0.55] == got[-1.78] == got[19.5] == normalize_label(second.lower())
    assert got[23.1] == got[21.3] == normalize_label("baseline")


def test_a_change_column_without_a_baseline_beside_it_gets_no_time():
    text = """Patients were randomly assigned to drug M or placebo.
Table 2. Scores
| | Placebo (n = 12) | Placebo (n = 12) | Drug M (n = 13) | Drug M (n = 13) |
| | Week 20 | Change | Week 20 | Change |
| Memory score | 22.6 (2.4) | -0.55 (2.5) | 19.5 (3.8) | -1.78 (2.7) |
"""
    got = {r["value"]: r["timepoint"] for r in rows_of(text, header_rows=2)}
    assert got[-0.55] == got[-1.78] == "" and got[19.5] == "week 20"


@pytest.mark.parametrize("caption, expected", [
    ("Table 3. Changes in each marker during 8-week period of supplement", "8-week"),
    ("Table 3. Changes in each marker over the 16-week treatment period", "16-week"),
    ("Table 3. Changes in each marker during the last 12 months", ""),
])
def test_a_caption_naming_the_period_the_changes_span_times_them(caption, expected):
    from evidence_review.extract.table_reader import _caption_timepoint
    assert _caption_timepoint(caption) == expected
    text = f"""Patients were randomly assigned to zinc or placebo.
{caption}
| Change in level | Placebo group (n = 40) | Zinc group (n = 41) |
| Marker A, mean (SD) | 0.61 (0.20) | 24.05 (2.10) |
"""
    rows = rows_of(text)
    assert rows and {r["timepoint"] for r in rows} == {expected}


@pytest.mark.parametrize("pre, post, how, said", [("Pre: Mean (SE)", "Post: Mean (SE)", "se", ("pre", "post")),
                                                  ("Before, mean ± SD", "After, mean ± SD", "sd", ("before", "after"))])
def test_a_header_saying_when_then_how_its_cells_are_printed_gives_both(pre, post, how, said):
    text = f"""Patients were randomly assigned to zinc or placebo.
Table 2. Serum levels before and after supplementation
| Marker | Placebo (40) | Placebo (40) | Placebo (40) | Zinc (41) | Zinc (41) | Zinc (41) |
| Marker | {pre} | {post} | P-value | {pre} | {post} | P-value |
| Marker A | 20.50 (0.70) | 21.80 (0.80) | 0.23 | 20.90 (0.90) | 45.90 (2.40) | <0.001 |
"""
    rows = rows_of(text, header_rows=2)
    got = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    # (the moment named as the header prints it)
    assert (got[20.5]["timepoint"], got[20.5]["role"]) == (said[0], "baseline")
    assert got[45.9]["timepoint"] == said[1] and got[45.9]["role"] != "baseline"
    assert got[45.9][how] == 2.4 and got[20.9][how] == 0.9


@pytest.mark.parametrize("text", [
    "median progression-free survival was 14 months (95% CI 11-17) with drug R",
    "median overall survival was 19 months (16–23) in the weekly group",
    "at a median follow-up of 38 months (IQR 29–47), the rate",
    "the median stay was 6 days (range 4-9) in both groups",
])
def test_a_period_measured_with_its_interval_is_a_value_not_a_time(text):
    from evidence_review.extract.timepoints import timepoint_spans
    assert timepoint_spans(text) == []


def test_a_time_said_with_at_keeps_its_interval_after_it():
    from evidence_review.extract.timepoints import timepoint_spans
    assert [t for _, _, t in timepoint_spans("the difference at 9 months (95% CI 0.4 to 2.2) favoured drug R")] == \
        ["9 months"]


@pytest.mark.parametrize("text, expected", [
    ("readmissions in the 2 weeks following discharge", "2 weeks following discharge"),
    ("pain in the first month since the start of treatment", "first month since the start of treatment"),
])
def test_a_time_keeps_the_moment_it_counts_from(text, expected):
    from evidence_review.extract.timepoints import timepoint_spans
    assert [t for _, _, t in timepoint_spans(text)] == [expected]


def test_a_median_survival_beside_a_hazard_ratio_gives_it_no_time():
    from test_extract_labels import extract, one
    text = ("Methods: Patients were randomly assigned to weekly or three-weekly docetaxel. Results: At a median "
            "follow-up of 41 months (IQR 33-52), median overall survival was 27 months (95% CI 22-31) in the weekly "
            "group versus 22 months (19-27) in the three-weekly group (hazard ratio for death in the three-weekly "
            "group 1.21 [95% CI 0.97-1.50]; p=0.09).")
    assert one(extract(text), "HR", 1.21)["timepoint"] == ""


@pytest.mark.parametrize("cell", ["Follow-up", "Follow up", "At follow-up", "Follow-up visit"])
def test_a_follow_up_column_is_the_later_visit(cell):
    assert _when(cell) == ("follow-up", False)


@pytest.mark.parametrize("cell", ["Follow-up duration", "Lost to follow-up", "Follow-up, months"])
def test_what_is_said_of_the_follow_up_is_no_time(cell):
    assert _when(cell) is None
