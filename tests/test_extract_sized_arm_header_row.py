"""Outcomes spanning the header row and the arms, each with its size, named under them in the grid's first body row
("| | Study Group (n=48) n (%) | Control Group (n=40) n (%) | ..."): that row is a second header level
(study.header_rows), so every outcome's column pair is read per arm and visit. A bare size row ("| | n = 29 | n = 32 |")
names no group and stays a body row for the size readers."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study, header_rows
from evidence_review.extract.table_reader import read_tables

_DOCUMENT = """Men were randomly assigned to the exercise group (n = 48) or the control group (n = 40).
Table 3. Number of patients above the cut-off points before and after the session
| | Marker A>2.5 ng/mL | Marker A>2.5 ng/mL | Ratio B<0.25 | Ratio B<0.25 |
| | Exercise Group (n=48) n (%) | Control Group (n=40) n (%) | Exercise Group (n=48) n (%) | Control Group (n=40) n (%) |
| Before | 20 (41.7) | 18 (45.0) | 11 (22.9) | 12 (30.0) |
| 1. hour | 19 (39.6) | 17 (42.5) | 9 (18.8) | 13 (32.5) |
| 24. hour | 21 (43.8) | 16 (40.0) | 8 (16.7) | 10 (25.0) |
Values are numbers of patients.
"""
_HEADER = "| | Marker A>2.5 ng/mL | Marker A>2.5 ng/mL | Ratio B<0.25 | Ratio B<0.25 |"

_SIZE_ROW = """Table 1. Outcomes
| | Drug | Placebo | RR [95% CI] or p-value |
| | n = 29 | n = 32 | |
| Death | 3 (10.3) | 5 (15.6) | 0.66 [0.17-2.52] |
"""


def test_a_body_row_of_arm_names_with_their_sizes_under_spanning_outcomes_is_a_header_row():
    table = pipe_table(_DOCUMENT, _HEADER, table_id="T3", caption="Table 3. Number of patients above the cut-off")
    assert header_rows(table) == {0, 1}


def test_a_bare_size_row_stays_a_body_row():
    table = pipe_table(_SIZE_ROW, "| | Drug | Placebo | RR [95% CI] or p-value |", table_id="T1")
    assert header_rows(table) == {0}


def test_each_arm_of_each_spanning_outcome_is_read_with_its_size():
    table = pipe_table(_DOCUMENT, _HEADER, table_id="T3", caption="Table 3. Number of patients above the cut-off")
    structure = {"tables": [table]}
    rows, _ = read_tables("d", _DOCUMENT, structure, build_study("d", _DOCUMENT, structure))
    read = {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert {(20, 48), (18, 40), (11, 48), (12, 40), (8, 48), (10, 40)} <= read
    assert len([r for r in rows if r["measure"] == "PROPORTION"]) == 12
