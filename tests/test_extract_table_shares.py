"""Counts that only restate an arm's size ("Total | 35 (100 %)") are no outcome (extract.table_shares), on tables
written here."""
import pytest

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_tables
from evidence_review.extract.table_shares import restates_the_size, without_size_restatements
from table_grids import pipe_table


def _row(outcome, events, total, measure="PROPORTION"):
    return {"measure": measure, "outcome": outcome, "events": events, "total": total}


@pytest.mark.parametrize("outcome", ["Total", "Reason for admission: Total", "Smoking status; overall", "All"])
def test_a_total_row_counting_the_whole_arm_restates_its_size(outcome):
    assert restates_the_size(_row(outcome, 42, 42))


@pytest.mark.parametrize("row", [
    _row("Total", 30, 42),                       # patients with any category: a count below the arm
    _row("Total bilirubin elevated", 42, 42),    # "total" naming a quantity, not a row adding up
    _row("Any adverse event", 42, 42),           # every patient with an event: an outcome
    _row("Total", 42, 42, measure="MEAN"),
    _row("Total", None, 42),
])
def test_other_rows_stay(row):
    assert not restates_the_size(row)
    assert without_size_restatements([row]) == [row]


_TEXT = """Adults were randomly assigned to early mobilisation or bed rest.
Table 1. Reason for admission
| Reason for admission | Early mobilisation (n = 40) | Bed rest (n = 38) |
| Pneumonia | 18 (45.0) | 15 (39.5) |
| Trauma | 12 (30.0) | 13 (34.2) |
| Surgery | 10 (25.0) | 10 (26.3) |
| Total | 40 (100.0) | 38 (100.0) |
"""


def test_a_table_gives_its_categories_without_the_total_row():
    header = "| Reason for admission | Early mobilisation (n = 40) | Bed rest (n = 38) |"
    table = pipe_table(_TEXT, header, caption="Table 1. Reason for admission")
    structure = {"tables": [table]}
    rows, _ = read_tables("d", _TEXT, structure, build_study("d", _TEXT, structure))
    counts = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == [(10, 38), (10, 40), (12, 40), (13, 38), (15, 38), (18, 40)]
