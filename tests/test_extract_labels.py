"""The labels of each extracted row besides its arms: timepoint (one grammar of written times, timepoints.py, used
by the sentence readers, table headers, row headings and captions), role (a characteristics table's outcome rows,
"After" / "At the end of study" sub-rows, before/end columns), subgroup and adjusted. Sentences and tables are
written for these tests in the shapes reports use, with other names and numbers."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table, read_pipe_table

from evidence_review.extract import extract_estimates, extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.timepoints import first_timepoint, is_timepoint, timepoint_spans


def extract(text: str, design: str = "RCT", condition: str = "asthma") -> pd.DataFrame:
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": condition, "design": design}])
    return extract_estimates(documents, {"d1": text})


def one(table: pd.DataFrame, measure: str, value: float) -> pd.Series:
    rows = table[(table["measure"] == measure) & ((table["value"] - value).abs() < 1e-6)]
    assert len(rows) == 1, table[["measure", "value", "timepoint", "role", "subgroup", "adjusted"]].to_string()
    return rows.iloc[0]


def table_rows(text: str, caption: str, line: int = 2, header_rows: int = 1) -> list[dict]:
    """The rows the whole flow (table reader, then the meaning layer) keeps from the pipe table starting at line
    `line` of `text`."""
    table = pipe_table(text, text.split("\n")[line], caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    rows = estimates[estimates["finder"] == "table"]
    return rows.astype(object).where(rows.notna(), None).to_dict("records")


# ---------------------------------------------------------------- the grammar of times

@pytest.mark.parametrize("text, expected", [
    ("the score at 12 mo was lower", "12 months"),
    ("at 6 mos, fewer patients", "6 months"),
    ("at 26 wk the rate", "26 weeks"),
    ("at 3 wks the rate", "3 weeks"),
    ("measured at 2 yrs", "2 years"),
    ("EPDS scores 6–10 weeks postpartum", "6–10 weeks postpartum"),
    ("EPDS scores 6-10 weeks post-partum", "6-10 weeks post-partum"),
    ("between groups at the third visit", "third visit"),
    ("at second visit", "second visit"),
    ("in the 2nd session", "2nd session"),
    ("costs in the first two years of life", "first two years of life"),
    ("during the first 6 months", "first 6 months"),
    ("after 10 weeks of treatment", "10 weeks"),
    ("at eighteen months", "eighteen months"),
    ("at twenty-four weeks", "twenty-four weeks"),
    ("at week 36", "week 36"),
    ("Weeks 2–16 (open-label phase)", "weeks 2–16"),
    ("at month five", "month five"),
    ("at month 3 postpartum", "month 3 postpartum"),
    ("the 16-week visit", "16-week"),
    ("at 48h the count", "48 hours"),
    ("at 12 h after surgery", "12 hours after surgery"),
    ("within 30 days", "30 days"),
    ("30-day mortality was", "30-day"),
    ("through follow-up (day 45)", "day 45"),
    ("at 9 to 15 months", "9 to 15 months"),
])
def test_every_wording_of_a_time_is_read(text, expected):
    assert [tp for _, _, tp in timepoint_spans(text)] == [expected]


@pytest.mark.parametrize("text", [
    "injections every 4 weeks",
    "one dose each 3 months",
    "infants aged 9 months were enrolled",
    "children 6 months of age",
    "pain for at least 3 years old",
    "given twice daily for 3 days",
    "a median follow-up of 4.7 years",
    "a mean difference of 2.1 days 95% CI",
    "randomised within 5 days of symptom onset",
    "a phase 3 trial",
    "patients < 2 years",
])
def test_what_is_no_time_is_not_read_as_one(text):
    assert timepoint_spans(text) == []


def test_a_list_of_short_periods_keeps_each_after_the_first_said_as_a_time():
    text = "lower after 14 d (9% versus 21%) and 28 d (30% versus 41%) of follow-up"
    assert [tp for _, _, tp in timepoint_spans(text)] == ["14 days", "28 days"]
    assert [tp for _, _, tp in timepoint_spans("at 2 h, 6 h and 24 h")] == ["2 hours", "6 hours", "24 hours"]
    # durations of a treatment joined the same way are still not times
    assert timepoint_spans("given for 5 days and 3 days") == []


def test_header_cells_that_only_say_when():
    for cell in ("Week 8", "At 6 months", "24 h", "Day 14", "2nd visit", "After 3 months"):
        assert is_timepoint(cell), cell
    for cell in ("Placebo (n = 40)", "Age, years", "Week 8 change, mean (SD)"):
        assert not is_timepoint(cell), cell
    assert first_timepoint("Table 3. Outcomes at 12 mo") == "12 months"


def test_the_scorer_reads_abbreviated_and_written_units_alike():
    assert normalize_label("10 min") == normalize_label("ten minutes") == normalize_label("10 minutes")
    assert normalize_label("24 hrs") == normalize_label("24 hours")
    assert normalize_label("12 mo") == normalize_label("12 months")


# ---------------------------------------------------------------- timepoints in sentences

@pytest.mark.parametrize("sentence, expected", [
    ("At 9 mo, the difference in disability score was -1.6 (95% CI -3.0 to -0.2) between the groups.", "9 months"),
    ("The odds of remission were higher with drug X (OR 1.9; 95% CI 1.1 to 3.2) at the third visit.", "third visit"),
    ("Anxiety at 6-10 weeks postpartum was lower with support (MD -0.62 (95% CI -1.10 to -0.14)).",
     "6-10 weeks postpartum"),
    ("Costs in the first two years of life did not differ (mean difference 1.21, 95% CI -0.80 to 1.90).",
     "first two years of life"),
])
def test_a_sentence_gives_its_estimate_the_time_it_names_in_any_wording(sentence, expected):
    text = "Methods: Patients were randomly assigned to drug X or placebo. Results: " + sentence
    table = extract(text)
    effects = table[~table["measure"].isin(["PROPORTION", "MEAN", "MEDIAN"])]
    assert len(effects) == 1, table.to_string()
    assert normalize_label(effects.iloc[0]["timepoint"]) == normalize_label(expected)


# ---------------------------------------------------------------- timepoints and roles of table rows

def test_stacked_before_after_and_end_of_study_sub_rows_give_time_and_role():
    text = """Patients were randomly assigned to ketoconazole or placebo.
Table 1. Characteristics of patients at baseline and at the end of study
| | Ketoconazole | Placebo |
| Patients enrolled | n=40 | n=38 |
| Age (years), mean ±SD | 31.2±6.1 | 30.4±7.0 |
| Itch score, mean ±SD | | |
| Before | 5.10±1.20 | 4.90±1.40 |
| After | 1.30±0.90 | 3.20±1.10 |
| Redness score, mean ±SD | | |
| Baseline | 7.70±2.10 | 7.90±2.30 |
| At the end of study | 2.20±1.00 | 4.60±1.70 |
| Side effects, n (%) | 4 (10.0%) | 6 (15.8%) |
"""
    rows = table_rows(text, "Table 1. Characteristics of patients at baseline and at the end of study")
    got = {(r["intervention"], round(r["value"], 4)): (r["timepoint"], r["role"]) for r in rows}
    assert got[("ketoconazole", 5.1)] == ("before treatment", "baseline")
    assert got[("ketoconazole", 1.3)] == ("after treatment", "effect")
    assert got[("placebo", 7.9)][1] == "baseline"
    assert got[("placebo", 4.6)] == ("end of study", "effect")
    assert got[("ketoconazole", 31.2)][1] == "baseline"
    # an adverse-effect row at the end of a characteristics table is an outcome of the trial
    assert [r["role"] for r in rows if r["measure"] == "PROPORTION" and r["events"] == 6] == ["effect"]


def test_outcome_rows_at_the_end_of_a_characteristics_table_are_outcomes():
    text = """Women were randomly assigned to cefazolin or clindamycin.
Table 1. Demographics and other characteristics
| Variable | Cefazolin n = 60 | Clindamycin n = 62 |
| Age, median (IQR) | 29 (25-33) | 30 (26-34) |
| General anesthesia, n (%) | 20 (33.3) | 22 (35.5) |
| Blood loss >500 ml, n (%) | 15 (25.0) | 17 (27.4) |
| Post-operative wound infection, n (%) | 3 (5.0) | 6 (9.7) |
| Postpartum endometritis, n (%) | 1 (1.7) | 3 (4.8) |
| Readmission, n (%) | 2 (3.3) | 1 (1.6) |
"""
    rows = table_rows(text, "Table 1. Demographics and other characteristics")
    role = {(r["intervention"], r["events"]): r["role"] for r in rows if r["measure"] == "PROPORTION"}
    # characteristics of the operation are baseline, what followed it is an outcome
    assert role[("cefazolin", 20)] == role[("cefazolin", 15)] == "baseline"
    assert role[("cefazolin", 3)] == role[("clindamycin", 6)] == "effect"
    assert role[("clindamycin", 3)] == "effect"
    assert role[("cefazolin", 2)] == "effect"


@pytest.mark.parametrize("before, after, expected_after", [
    ("Baseline test value", "End test value", "end of treatment"),
    ("Initial score", "Final score", "end of treatment"),
    ("Pre-test values", "Post-test values", "after treatment"),
    ("Baseline value", "Follow-up value", "follow-up"),
])
def test_columns_of_values_before_and_at_the_end_are_baseline_and_outcome(before, after, expected_after):
    text = f"""Patients were randomly assigned to massage or control.
Table 3. Pain scores
| Test | Group | {before} | {after} | Difference value |
| Pain | Massage | 61.2 [17.1] | 40.3 [19.9] | 20.9 |
| Pain | Control | 58.4 [16.0] | 49.9 [18.2] | 8.5 |
"""
    rows = table_rows(text, "Table 3. Pain scores")
    got = {(r["intervention"], r["value"]): (r["timepoint"], r["role"]) for r in rows if r["measure"] == "MEAN"}
    assert got[("massage", 61.2)][1] == "baseline"
    assert got[("massage", 40.3)] == (expected_after, "effect")
    assert got[("control", 49.9)] == (expected_after, "effect")


@pytest.mark.parametrize("caption, expected", [
    ("Table 2. Adverse events through safety follow-up (day 45)", "day 45"),
    ("Table 2. Adverse events up to the final visit (week 16)", "week 16"),
    ("Table 2. Adverse events at the 12-month visit", "12-month"),
])
def test_a_caption_gives_its_rows_the_time_it_names(caption, expected):
    text = f"""Patients were randomly assigned to drug A or placebo.
{caption}
| Event | Drug A (n = 70) | Placebo (n = 72) |
| Headache | 9 (12.9) | 4 (5.6) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], caption)
    assert rows and {r["timepoint"] for r in rows} == {expected}


def test_a_caption_naming_the_patients_history_gives_no_time():
    caption = "Table 1. Events in the last 12 months before enrolment"
    text = f"""Patients were randomly assigned to drug A or placebo.
{caption}
| Event | Drug A (n = 70) | Placebo (n = 72) |
| Hospital admission | 9 (12.9) | 4 (5.6) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], caption)
    assert rows and {r["timepoint"] for r in rows} == {""}


def test_an_adjusted_ratio_named_after_two_rates_leaves_the_rates_unadjusted():
    from evidence_review.extract import extract_one
    text = ("Results: Falls occurred at similar rates in the exercise and control groups (3.41 vs. 3.62%/year, "
            "p = 0.71, adjusted HR 0.94 [95%CI 0.70 to 1.26]).")
    rows, _, errors = extract_one("d1", text)
    assert errors == []
    by_value = {round(float(r["value"]), 2): r for r in rows}
    assert by_value[0.94]["adjusted"] == "yes"
    assert by_value[3.41]["adjusted"] != "yes" and by_value[3.62]["adjusted"] != "yes"
