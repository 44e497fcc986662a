"""An adverse-event table whose whole-number shares are all of one size the study model does not give (table_sizes.
size_every_share_fits, table_reader): "7 (18)", "3 (8)", "27 (68)" under arms the text sized 35 / 31 / 37 from the
paired samples are of the 40 per arm the intent-to-treat population has; and the arms named again in the body's first
row with their doses ("| | Drug 500 mg | Drug 500 mg + Other 1 mg |") are a header row (study.header_rows)."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study, header_rows
from evidence_review.extract.table_reader import read_tables
from evidence_review.extract.table_sizes import size_every_share_fits

_DOCUMENT = """Patients were randomized 1:1:1 to letrozole 2.5 mg, letrozole 2.5 mg plus celecoxib 400 mg, or celecoxib
400 mg. Paired samples were available for analysis: letrozole 2.5 mg (n = 34), letrozole 2.5 mg plus celecoxib 400 mg
(n = 30) and celecoxib 400 mg (n = 35).
Table 1. Patient demographics
| | Letrozole 2.5 mg | Letrozole 2.5 mg + celecoxib 400 mg | Celecoxib 400 mg |
| n | 34 | 30 | 35 |
| Age, years, mean (SD) | 66.1 (8.0) | 64.0 (9.9) | 65.3 (8.1) |
Table 3. Most common AEs occurring during the study
| | Patients experiencing an AE, n (%) | Patients experiencing an AE, n (%) | Patients experiencing an AE, n (%) |
| | Letrozole 2.5 mg | Letrozole 2.5 mg + celecoxib 400 mg | Celecoxib 400 mg |
| Hot flash | 9 (23) | 5 (13) | 6 (15) |
| Headache | 4 (10) | 3 (8) | 5 (13) |
| Constipation | 3 (8) | 2 (5) | 1 (3) |
| Any AE | 25 (63) | 27 (68) | 23 (58) |
Data for the intent-to-treat population.
"""
_HEADER = "| | Patients experiencing an AE, n (%) | Patients experiencing an AE, n (%) | Patients experiencing an AE, n (%) |"


def test_size_every_share_fits_needs_one_isolated_size():
    assert size_every_share_fits([(7, "18"), (3, "8"), (2, "5"), (27, "68")]) == 40
    assert size_every_share_fits([(7, "18"), (3, "8")]) is None         # (two counts fit too many sizes)
    assert size_every_share_fits([(1, "3"), (1, "3"), (1, "3")]) is None     # (33 and 34 both fit: none isolated)


def test_the_arms_named_with_their_doses_in_the_first_body_row_are_a_header_row():
    table = pipe_table(_DOCUMENT, _HEADER, table_id="T3", caption="Table 3. Most common AEs occurring during the study")
    assert header_rows(table) == {0, 1}


def test_whole_number_shares_all_of_one_size_give_the_arms_that_size():
    table = pipe_table(_DOCUMENT, _HEADER, table_id="T3", caption="Table 3. Most common AEs occurring during the study")
    first = pipe_table(_DOCUMENT, "| | Letrozole 2.5 mg | Letrozole 2.5 mg + celecoxib 400 mg | Celecoxib 400 mg |",
                       table_id="T1", caption="Table 1. Patient demographics")
    structure = {"tables": [first, table]}
    rows, _ = read_tables("d", _DOCUMENT, structure, build_study("d", _DOCUMENT, structure))
    totals = {(r["outcome"], r["events"]): r["total"] for r in rows if r["measure"] == "PROPORTION"}
    assert {r["total"] for r in rows if r["outcome"].startswith("Age")} == {34, 30, 35}     # (Table 1's own sizes)
    assert totals[("Hot flash", 9)] == 40 and totals[("Any AE", 25)] == 40
    assert totals[("Hot flash", 5)] == 40 and totals[("Any AE", 27)] == 40
    assert totals[("Hot flash", 6)] == 40 and totals[("Any AE", 23)] == 40
