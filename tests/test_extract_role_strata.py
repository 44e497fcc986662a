"""Roles of arms' figures in a table's strata: an arm's figure within a stratum is that arm's result there (`effect`,
the stratum in `subgroup`), as the later batches label a grid of strata. Tables written for the test."""
from __future__ import annotations

import pandas as pd
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables


def _rows(text: str, header_line: str, caption: str, header_rows: int = 1) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


def test_an_arms_figure_under_a_stratum_heading_is_its_result_there():
    text = """Adults were randomly assigned to drug Q or placebo.
Table 2. Outcomes by kidney function
| | Drug Q (n = 60) | Placebo (n = 58) |
| eGFR ≥ 45 mL/min | | |
| Pain score | 2.1 ± 1.0 | 3.4 ± 1.2 |
| eGFR < 45 mL/min | | |
| Pain score | 2.5 ± 1.1 | 3.9 ± 1.3 |
"""
    rows = [r for r in _rows(text, text.split("\n")[2], "Table 2. Outcomes by kidney function") if r["measure"] == "MEAN"]
    assert {(r["value"], r["role"], r["subgroup"]) for r in rows} >= {
        (2.1, "effect", "eGFR ≥ 45 mL/min"), (3.9, "effect", "eGFR < 45 mL/min")}, rows
