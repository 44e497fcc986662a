"""Timepoint and subgroup labels of a table's rows in general shapes: the category row of a subgroup table under the
heading row of its characteristic (subgroups.category_subgroup), a change's end said inside its label
(timepoints.change_end_time), an arm's header cell that also says when ("Drug baseline | Drug 12 months"), and a
column of times beside the outcomes ("Outcome | Time point | arms", the outcome printed once per block). Tables are
written for these tests in the shapes reports use, with other names, numbers and fields."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.subgroups import category_subgroup
from evidence_review.extract.table_reader import _named_and_when
from evidence_review.extract.timepoints import change_end_time


def rows_of(text: str, header_line: str, caption: str, header_rows: int = 1) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


def same(label, expected) -> bool:
    return normalize_label(label) == normalize_label(expected)


# ---------------------------------------------------------------- a category under its characteristic's heading

@pytest.mark.parametrize("heading, category, expected", [
    ("Chronic kidney disease", "Yes", "chronic kidney disease"),
    ("Prior stroke, n (%)", "No", "no prior stroke"),
    ("Atrial fibrillation (%)", "Absent", "no atrial fibrillation"),
    ("Age", "< 70 years", "age < 70 years"),
    ("Age, years", ">= 70", "age >= 70 years"),
    ("Age in years", "< 40", "age < 40 years"),
    ("Sex", "Female", "female"),
    ("Smoking status", "Former smokers", "former smokers"),
    ("Left ventricular ejection fraction", "<= 40%", "left ventricular ejection fraction <= 40%"),
    ("", "Women", "Women"),
])
def test_a_category_row_is_the_subgroup_of_its_heading(heading, category, expected):
    assert category_subgroup(heading, category) == expected


def test_a_heading_ending_in_n_is_not_cut():
    # (a characteristic whose last letter is "n" keeps it: only a separate "n" or "(%)" is a format)
    assert category_subgroup("Hypertension", "Yes") == "hypertension"
    assert category_subgroup("Serum sodium", "< 135 mmol/L").startswith("serum sodium")


SUBGROUP_TABLE = """Methods. Patients were randomly assigned to drug Q (n = 250) or placebo (n = 251).
| Subgroup | Drug Q, n/N | Placebo, n/N | Hazard ratio (95% CI) | P for interaction |
|---|---|---|---|---|
| Age | | | | 0.37 |
| < 70 years | 31/160 | 44/158 | 0.68 (0.43-1.07) | |
| >= 70 years | 28/90 | 35/93 | 0.79 (0.48-1.30) | |
| Chronic kidney disease | | | | 0.52 |
| Yes | 22/81 | 30/79 | 0.66 (0.38-1.14) | |
| No | 37/169 | 49/172 | 0.75 (0.49-1.14) | |
"""


def test_the_rows_of_a_subgroup_table_are_the_categories_of_their_headings():
    rows = rows_of(SUBGROUP_TABLE, "| Subgroup | Drug Q, n/N | Placebo, n/N | Hazard ratio (95% CI) | P for interaction |",
                   "Table 3. Death from cardiovascular causes in subgroups")
    ratios = {r["value"]: r for r in rows if r["measure"] == "HR"}
    assert same(ratios[0.68]["subgroup"], "age < 70 years")
    assert same(ratios[0.79]["subgroup"], "age >= 70 years")
    assert same(ratios[0.66]["subgroup"], "chronic kidney disease")
    assert same(ratios[0.75]["subgroup"], "no chronic kidney disease")
    # the heading is the subgroup's characteristic, no part of the outcome
    assert not any(str(r["outcome"]).lower().startswith(("age", "chronic kidney")) for r in ratios.values())


# ---------------------------------------------------------------- a change's end said inside its label

@pytest.mark.parametrize("label, expected", [
    ("Change from baseline to week 26 in body weight", ("Change from baseline in body weight", "week 26")),
    ("Change at month 6 in 6-minute walk distance, m", ("Change in 6-minute walk distance, m", "month 6")),
    ("Reduction from randomisation through week 40 in seizure frequency",
     ("Reduction from randomisation in seizure frequency", "week 40")),
    ("Mean change from baseline at 16 weeks, points", ("Mean change from baseline, points", "16 weeks")),
])
def test_a_change_names_its_end_inside_the_label(label, expected):
    assert change_end_time(label) == expected


@pytest.mark.parametrize("label", [
    "Change over 16 weeks in pain",             # a length, not an end
    "Walking distance at 6 months",             # the time ends the label (the trailing-time reader's)
    "Change in weight from baseline to week 8",  # likewise
    "Time from randomisation to 12 weeks",      # no change
    "Systolic pressure, mm Hg",
])
def test_no_change_end_in_other_labels(label):
    assert change_end_time(label) == (label, "")


def test_a_change_row_takes_its_end_as_its_timepoint():
    text = """Results.
| Outcome | Drug R (n = 80) | Placebo (n = 78) |
|---|---|---|
| Change from baseline to week 26 in body weight, kg | -3.1 ± 2.9 | -0.8 ± 2.7 |
"""
    rows = rows_of(text, "| Outcome | Drug R (n = 80) | Placebo (n = 78) |", "Table 2. Secondary end points")
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert len(means) == 2 and all(same(r["timepoint"], "week 26") for r in means)
    assert all("26" not in str(r["outcome"]) for r in means)


# ---------------------------------------------------------------- an arm's header cell that says when

@pytest.mark.parametrize("header, expected", [
    ("Drug R baseline", ("Drug R", ("baseline", True))),
    ("Placebo 24 weeks", ("Placebo", ("24 weeks", False))),
    ("Week 8, usual care", ("usual care", ("week 8", False))),
    ("Drug R (before)", ("Drug R", ("before", True))),
    ("Usual care [week 12]", ("Usual care", ("week 12", False))),
])
def test_a_header_naming_an_arm_and_when_is_split(header, expected):
    assert _named_and_when(header) == expected


@pytest.mark.parametrize("header", [
    "Drug R 20 mg",                      # a dose
    "Placebo (n = 40)",                  # a size
    "Duration of follow-up, 12 months",  # a quantity and its value
    "Age 65 years",                      # an age
    "Usual care",
    "10 minutes after skin incision",    # a time and the event it counts from
    "Before / after drug R",
])
def test_other_headers_are_not_split(header):
    assert _named_and_when(header) is None


def test_columns_of_arm_and_time_give_each_cell_its_time():
    text = """Methods. Adults were randomly assigned to drug R (n = 80) or placebo (n = 78).
| Variable | Drug R baseline | Drug R 24 weeks | Placebo baseline | Placebo 24 weeks |
|---|---|---|---|---|
| Serum urate, mg/dL | 8.9 ± 1.2 | 6.1 ± 1.4 | 8.8 ± 1.3 | 8.5 ± 1.5 |
"""
    rows = rows_of(text, "| Variable | Drug R baseline | Drug R 24 weeks | Placebo baseline | Placebo 24 weeks |",
                   "Table 2. Laboratory values")
    by_value = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert same(by_value[6.1]["timepoint"], "24 weeks") and same(by_value[8.5]["timepoint"], "24 weeks")
    assert by_value[8.9]["role"] == "baseline" and by_value[8.8]["role"] == "baseline"
    assert not any(r["subgroup"] for r in by_value.values())      # a time is no stratum of the arm


# ---------------------------------------------------------------- a column of times beside the outcomes

def test_a_column_of_times_beside_the_outcomes_gives_each_row_its_time():
    text = """Results.
| Outcome | Visit | Drug R (n = 80) | Placebo (n = 78) |
|---|---|---|---|
| Diastolic pressure, mm Hg | Baseline | 92 ± 8 | 91 ± 9 |
| | 3 months | 85 ± 7 | 90 ± 8 |
| | 6 months | 83 ± 7 | 89 ± 9 |
| Pulse, bpm | Baseline | 74 ± 9 | 75 ± 8 |
| | 6 months | 69 ± 8 | 74 ± 9 |
"""
    rows = rows_of(text, "| Outcome | Visit | Drug R (n = 80) | Placebo (n = 78) |", "Table 3. Haemodynamics")
    by_value = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert same(by_value[85.0]["timepoint"], "3 months") and same(by_value[83.0]["timepoint"], "6 months")
    assert same(by_value[69.0]["timepoint"], "6 months") and by_value[69.0]["outcome"].startswith("Pulse")
    assert by_value[92.0]["role"] == "baseline"


def test_a_column_of_numbers_beside_the_outcomes_is_no_column_of_times():
    # doses in the second column: figures, not times; the row keeps no time
    text = """Results.
| Outcome | Dose | Drug R (n = 80) | Placebo (n = 78) |
|---|---|---|---|
| Diastolic pressure, mm Hg | 10 mg | 85 ± 7 | 90 ± 8 |
| | 20 mg | 83 ± 7 | 89 ± 9 |
"""
    rows = rows_of(text, "| Outcome | Dose | Drug R (n = 80) | Placebo (n = 78) |", "Table 3. Haemodynamics")
    assert not any(r["timepoint"] for r in rows)


# ---------------------------------------------------------------- time codes the methods define after each time

def test_codes_defined_after_their_times_are_the_columns_times():
    text = """Methods. Adults were randomly assigned to drug R (n = 80) or placebo (n = 78). Grip strength was measured at
baseline (T0), 6 weeks (T1) and 12 weeks (T2).
| Variable | Group | T0 | T1 | T2 |
|---|---|---|---|---|
| Grip strength, kg | Drug R | 21.4 ± 4.0 | 24.9 ± 4.2 | 26.0 ± 4.1 |
| | Placebo | 21.1 ± 4.1 | 21.9 ± 4.3 | 22.2 ± 4.0 |
"""
    rows = rows_of(text, "| Variable | Group | T0 | T1 | T2 |", "Table 2. Muscle strength")
    by_value = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    # (each code with the time the methods define for it: "T1 (6 weeks)")
    assert by_value[24.9]["timepoint"] == "T1 (6 weeks)" and by_value[22.2]["timepoint"] == "T2 (12 weeks)"
    assert by_value[21.4]["role"] == "baseline"
    assert not any("T1" in str(r["outcome"]) for r in by_value.values())


def test_codes_the_text_does_not_define_as_times_stay_unread_as_times():
    # "(G1)", "(G2)" follow group names, not times: no time is read from them
    text = """Methods. Adults were randomly assigned to drug R group (G1) or placebo group (G2).
| Variable | Group | G1 | G2 |
|---|---|---|---|
| Grip strength, kg | Mean | 24.9 ± 4.2 | 21.9 ± 4.3 |
"""
    rows = rows_of(text, "| Variable | Group | G1 | G2 |", "Table 2. Muscle strength")
    assert not any(r["timepoint"] in ("G1", "G2") for r in rows)


def test_a_moment_beside_the_arm_name_is_no_stratum_of_the_arm():
    text = """Methods. Adults were randomly assigned to drug R (n = 80) or placebo (n = 78).
| Variable | Drug R (before) | Drug R (after) | Placebo (before) | Placebo (after) |
|---|---|---|---|---|
| Ferritin, ng/mL | 41 ± 12 | 66 ± 15 | 40 ± 13 | 44 ± 14 |
"""
    rows = rows_of(text, "| Variable | Drug R (before) | Drug R (after) | Placebo (before) | Placebo (after) |",
                   "Table 2. Iron status")
    by_value = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert not any(r["subgroup"] for r in by_value.values())
    assert by_value[41.0]["role"] == "baseline" and by_value[66.0]["role"] != "baseline"


# ---------------------------------------------------------------- a caption's time: one, opening it, or a list of several

@pytest.mark.parametrize("caption, expected", [
    ("Table 2. Week 48 efficacy end points", "week 48"),
    ("Table 3. Nine-month outcomes", "9 months"),
    ("Table 2. 18-month follow-up results", "18 months"),
    ("Table 4. Functional scores at 26 weeks", "26 weeks"),
])
def test_a_caption_naming_one_time_gives_it(caption, expected):
    from evidence_review.extract.table_reader import _caption_timepoint
    assert same(_caption_timepoint(caption), expected)


@pytest.mark.parametrize("caption", [
    "Table 2. Functional scores at 3 and 9 months",     # two times: the columns say which
    "Table 2. Scores at weeks 2, 6 and 10",
    "Table 2. 24-h urine electrolytes",                 # a measurement's window, no time
    "Table 1. Characteristics of the patients",
])
def test_a_caption_naming_several_times_or_none_gives_none(caption):
    from evidence_review.extract.table_reader import _caption_timepoint
    assert _caption_timepoint(caption) == ""


def test_every_arm_of_a_stratum_row_keeps_the_stratum():
    # "Men" names the stratum of the row, not a baseline trait of the first arm's count
    text = """Methods. Adults were randomly assigned to drug R (n = 80) or placebo (n = 78).
| Subgroup | Drug R | Placebo |
|---|---|---|
| Sex | | |
| Men | 18/41 (43.9) | 9/40 (22.5) |
| Women | 15/39 (38.5) | 8/38 (21.1) |
"""
    rows = rows_of(text, "| Subgroup | Drug R | Placebo |", "Table 3. Remission at 12 weeks by subgroup")
    counts = [r for r in rows if r["measure"] == "PROPORTION"]
    assert len(counts) == 4
    # (an arm's count in a table's stratum is the arm's result there, `effect` with the stratum as `subgroup`: the
    # labelling rules of batches 12-17 write a grid of strata so; session 15 changed the role from `subgroup` on purpose)
    assert {(r["events"], r["subgroup"], r["role"]) for r in counts} == {
        (18, "men", "effect"), (9, "men", "effect"), (15, "women", "effect"), (8, "women", "effect")}
