"""Tables of who the patients were at entry, however the caption words it (meaning.is_baseline_caption, asked by
the table reader): their rows are `role = baseline`, but not a caption that also names outcomes, and not the rows
of what the studied procedure did. Captions and tables written for these tests."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.meaning import is_baseline_caption
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


@pytest.mark.parametrize("caption", [
    "Table 1. Patients characteristic with regard to the treatment groups",
    "Table 1. Participant characteristics",
    "Table 2. Demographic and clinical data of the two groups",
    "Table 1. Clinical profile on admission",
    "Table 1. Values at study entry (mean ± SD)",
    "Table 1. Pre-treatment variables in both arms",
    "Table 1. General data of the children",
    "Table 1. Characteristics of the women enrolled",
])
def test_captions_of_patients_at_entry(caption):
    assert is_baseline_caption(caption)


@pytest.mark.parametrize("caption", [
    "Table 3. Patients demographic and operative data",
    "Table 2. Patient characteristics and outcomes",
    "Table 2. Clinical data before and after treatment",
    "Table 4. Complications on admission to the ward after surgery",
    "Table 2. Pain scores in the two groups",
])
def test_captions_that_also_name_outcomes_or_describe_no_patients(caption):
    assert not is_baseline_caption(caption)


def test_rows_of_a_characteristic_table_are_baseline_but_the_procedures_own_figures_are_not():
    text = ("Methods: Sixty men were randomly assigned to saline irrigation (n = 30) or glycine irrigation (n = 30).\n"
            "Table 1. Patients characteristic of the study groups\n"
            "| | Saline (n = 30) | Glycine (n = 30) |\n"
            "| Age (years) | 66.2 ± 7.1 | 67.0 ± 6.4 |\n"
            "| Serum sodium (mmol/L) | 139.1 ± 2.2 | 138.7 ± 2.5 |\n"
            "| Operative time (min) | 48.3 ± 9.9 | 51.2 ± 10.4 |\n")
    grid = pipe_table(text, "| | Saline (n = 30) | Glycine (n = 30) |", "T1",
                      "Table 1. Patients characteristic of the study groups")
    study = build_study("d", text, {"tables": [grid]})
    from evidence_review.extract.meaning import assign_meaning
    rows = read_table("d", text, grid, study)
    assign_meaning(rows, text, study=study)
    roles = {(r["outcome"].split(" (")[0].lower(), r["value"]): r["role"] for r in rows if r["measure"] == "MEAN"}
    assert roles[("age", 66.2)] == "baseline" and roles[("serum sodium", 138.7)] == "baseline"
    assert roles[("operative time", 48.3)] == "effect"
