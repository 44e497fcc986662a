"""The table diagnostic (extract/table_diagnose.py): the arm-level shapes it counts in a grid's cells, why a table gave
no row, and its refusal to read a validation or test batch. Tables written for the test."""
from __future__ import annotations

import pytest

from evidence_review.extract.study import build_study
from evidence_review.extract.table_diagnose import cause, diagnose, shaped_cells

from table_grids import pipe_table


def _grid(methods: str, lines: list[str]):
    text = methods + "\n" + "\n".join(lines) + "\n"
    table = pipe_table(text, lines[0])
    return table, build_study("d", text, {"tables": [table]})


def test_shapes_counted_in_body_cells_only():
    table, _ = _grid("Patients were randomized to velmorant (n = 30) or placebo (n = 30).",
                     ["| Variable | Velmorant (n = 30) | Placebo (n = 30) |", "| Nausea | 6 (20.0) | 2/30 |",
                      "| Pain | 3.1 ± 1.0 | 4.5 (1.2) |", "| LOS, days | 4 (3-6) | 5 [4–7] |", "| Note | yes | no |"])
    assert shaped_cells(table) == 6


def test_causes_of_a_table_without_rows():
    table, study = _grid("Patients were randomized to velmorant (n = 30) or placebo (n = 30).",
                         ["| Variable | Infection (n = 13) | No infection (n = 47) |", "| Age | 31.2 ± 6.1 | 30.4 ± 5.8 |"])
    assert cause(table, study, "none", shaped_cells(table)) == "columns split patients by an outcome or trait"
    table, study = _grid("Patients were randomized to velmorant (n = 30) or placebo (n = 30).",
                         ["| Variable | Cohort one | Cohort two |", "| Age | 31.2 ± 6.1 | 30.4 ± 5.8 |"])
    assert cause(table, study, "none", shaped_cells(table)) == "no header or row label names a study arm"
    assert cause(table, study, "none", 0) == "no arm-level shapes in the cells"
    assert cause(table, study, "failed", 2) == "reader failed"


def test_validation_batches_are_refused_unread():
    with pytest.raises(SystemExit, match="validation or test batch"):
        diagnose("heldout14")
    with pytest.raises(SystemExit, match="validation or test batch"):
        diagnose("heldout18")
