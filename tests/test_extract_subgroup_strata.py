"""Strata of an arm-by-stratum table that no word list names: sub-columns repeated under each arm ("Site A | Site B"
under every arm, "Completed | Lost to follow-up" under every arm) and heading rows naming a range of a measure
("eGFR >= 60 mL/min" over the rows of that part of the patients). Tables written for the test, in the general shapes
(other names, numbers and fields than any document's)."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.subgroups import arm_sub_column_strata, measure_range_stratum


def _rows(text: str, header_line: str, caption: str, header_rows: int) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- sub-columns repeated under each arm

SITES = """Adults were randomly assigned to drug Q or placebo at three centres.
Table 1. Characteristics by centre
| | Drug Q | Drug Q | Drug Q | Placebo | Placebo | Placebo |
| | North (n = 20) | South (n = 25) | East (n = 15) | North (n = 21) | South (n = 24) | East (n = 15) |
| Age, years | 41.2 ± 5.0 | 43.1 ± 6.2 | 40.0 ± 4.4 | 42.3 ± 5.5 | 44.0 ± 6.0 | 39.8 ± 5.1 |
| Women, n (%) | 12 (60) | 10 (40) | 9 (60) | 11 (52.4) | 12 (50) | 8 (53.3) |
"""


def test_sub_columns_repeated_under_each_arm_are_strata_of_the_arms():
    rows = _rows(SITES, SITES.split("\n")[2], "Table 1. Characteristics by centre", 2)
    by_value = {(r["measure"], r["value"]): r["subgroup"] for r in rows}
    assert by_value[("MEAN", 43.1)] == "South", rows
    assert by_value[("MEAN", 39.8)] == "East", rows
    assert by_value[("PROPORTION", 0.6)] in ("North", "East")
    assert {r["subgroup"] for r in rows if r["measure"] == "PROPORTION"} == {"North", "South", "East"}
    # the characteristic stays the row's own, without the sub-column's words; a baseline stays a baseline
    assert all(r["outcome"].lower().startswith(("age", "women")) and "north" not in r["outcome"].lower() for r in rows)
    assert all(r["role"] == "baseline" for r in rows)


def test_completers_and_dropouts_under_each_arm_are_strata():
    text = """Adults were randomly assigned to drug Q or placebo.
Table 1. Characteristics of completers and dropouts
| | Drug Q | Drug Q | Placebo | Placebo |
| | Completed | Lost to follow-up | Completed | Lost to follow-up |
| Weight, kg | 71.2 ± 9.0 | 75.3 ± 8.1 | 70.8 ± 9.9 | 77.6 ± 7.7 |
"""
    rows = _rows(text, text.split("\n")[2], "Table 1. Characteristics of completers and dropouts", 2)
    by_value = {r["value"]: r["subgroup"] for r in rows if r["measure"] == "MEAN"}
    assert by_value.get(75.3) == "Lost to follow-up" and by_value.get(70.8) == "Completed", rows


def test_an_arms_counts_spread_over_its_sub_columns_are_categories_not_strata():
    # each arm's 50 children spread over the durations: categories of the line, no part of the arm
    text = """Children were randomized to iron syrup or placebo (n = 50 each).
Table 2. Duration of symptoms in the groups
| | Iron syrup | Iron syrup | Placebo | Placebo |
| | <3 days | >=3 days | <3 days | >=3 days |
| Cough, n (%) | 20 (40) | 30 (60) | 18 (36) | 32 (64) |
"""
    rows = _rows(text, text.split("\n")[2], "Table 2. Duration of symptoms in the groups", 2)
    assert rows and not any(r["subgroup"] for r in rows), rows


@pytest.mark.parametrize("below", [("n", "%"), ("Baseline", "Week 12"), ("Mean", "SD"), ("Pre", "Post")])
def test_formats_statistics_and_times_under_each_arm_are_no_strata(below):
    a, b = below
    text = f"""Table 3. Scores
| | Drug Q | Drug Q | Placebo | Placebo |
| | {a} | {b} | {a} | {b} |
| Score | 4.1 | 3.2 | 4.0 | 3.9 |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 3. Scores", header_rows=2)
    assert arm_sub_column_strata(table, lambda t: t in ("Drug Q", "Placebo")) == {}


def test_sub_columns_that_differ_between_the_arms_or_stand_under_no_arm_are_no_strata():
    text = """Table 3. Scores
| | Drug Q | Drug Q | Placebo | Placebo |
| | North | South | East | West |
| Score | 4.1 | 3.2 | 4.0 | 3.9 |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 3. Scores", header_rows=2)
    assert arm_sub_column_strata(table, lambda t: t in ("Drug Q", "Placebo")) == {}
    # the same sub-columns under two sites (no arm above them): the arms' level, read by the table reader
    assert arm_sub_column_strata(table, lambda t: False) == {}


# ---------------------------------------------------------------- heading rows naming a range of a measure

@pytest.mark.parametrize("heading, expected", [
    ("eGFR ≥ 45 mL/min/1.73 m2", "eGFR ≥ 45 mL/min/1.73 m2"),
    ("Fasting glucose < 6.1 mmol/L", "Fasting glucose < 6.1 mmol/L"),
    ("Viral load below 1000 (n = 37)", "Viral load below 1000"),
    ("Symptom score 12 or more", "Symptom score 12 or more"),
])
def test_a_heading_naming_a_range_of_a_measure_is_a_stratum(heading, expected):
    assert measure_range_stratum(heading) == expected


@pytest.mark.parametrize("heading", ["Day ≥ 3", "Follow-up < 6 months", "> 5", "p-value < 0.05", "Adverse events",
                                     "Serum sodium, mmol/L", "After 4 weeks"])
def test_a_time_a_bare_bound_a_test_or_a_quantity_is_no_stratum(heading):
    assert measure_range_stratum(heading) == ""


def test_rows_under_a_range_heading_take_it_until_the_next_heading():
    text = """Adults were randomly assigned to drug Q or placebo.
Table 2. Outcomes by kidney function
| | Drug Q (n = 60) | Placebo (n = 58) |
| eGFR ≥ 45 mL/min | | |
| Pain score | 2.1 ± 1.0 | 3.4 ± 1.2 |
| Relapse, n (%) | 3/30 (10) | 8/29 (27.6) |
| eGFR < 45 mL/min | | |
| Pain score | 2.5 ± 1.1 | 3.9 ± 1.3 |
| Adverse events | | |
| Headache, n (%) | 4/60 (6.7) | 2/58 (3.4) |
"""
    rows = _rows(text, text.split("\n")[2], "Table 2. Outcomes by kidney function", 1)
    by_value = {r["value"]: r["subgroup"] for r in rows if r["measure"] in ("MEAN", "PROPORTION")}
    assert by_value.get(2.1) == "eGFR ≥ 45 mL/min" and by_value.get(3.4) == "eGFR ≥ 45 mL/min", rows
    assert by_value.get(2.5) == "eGFR < 45 mL/min", rows
    # a topic heading ends no stratum of its own kind but names none: the stratum above it is carried on
    assert by_value.get(0.1) == "eGFR ≥ 45 mL/min"
