"""Two arms' figures in one cell joined by a slash under a header naming both arms with a slash ("Basal (A group/B
group)" over "73.86 ± 18.49/67.28 ± 16.40"): one column per arm, in the header's order (cells.with_slashed_arm_columns)."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.cells import with_slashed_arm_columns

_METHODS = ("Forty patients were randomly assigned to deep cooling (DC group, n = 20) or light cooling "
            "(LC group, n = 20).\n")
_TABLE = """| | Baseline (DC group/LC group) | Week 4 (DC group/LC group) | p Value (DC group/LC group) |
| Troponin (ug/L) | 0.41 \u00b1 0.30/0.27 \u00b1 0.12 | 1.52 \u00b1 1.20/1.38 \u00b1 0.61 | 0.031/0.002 |
| Lactate (mmol/L) | 1.48 \u00b1 0.79/1.66 \u00b1 0.85 | 3.55 \u00b1 1.41/3.02 \u00b1 1.07 | 0.004/0.009 |
"""


def _texts(table: dict) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def test_a_slashed_column_splits_into_one_column_per_arm():
    split = _texts(with_slashed_arm_columns(pipe_table("x\n" + _TABLE, _TABLE.split("\n")[0])))
    assert [split[(0, k)] for k in (1, 2, 3, 4)] == ["Baseline", "Baseline", "Week 4", "Week 4"]
    assert [split[(1, k)] for k in (1, 2, 3, 4)] == ["DC group", "LC group", "DC group", "LC group"]
    assert split[(2, 1)] == "0.41 \u00b1 0.30" and split[(2, 2)] == "0.27 \u00b1 0.12"
    # the p column prints no spreads: left as it is
    assert split[(2, 5)] == "0.031/0.002"


def test_counts_over_totals_are_no_arms_joined_by_a_slash():
    table = """| | Events (DC group/LC group) |
| Death | 3/20 |
| Stroke | 1/20 |
"""
    grid = pipe_table("x\n" + table, table.split("\n")[0])
    assert with_slashed_arm_columns(grid) is grid


def test_each_arm_reads_its_mean_in_the_header_order():
    text = _METHODS + "Table 2. Markers over time\n" + _TABLE
    _, rows = read_pipe_table(text, _TABLE.split("\n")[0], caption="Table 2. Markers over time")
    means = sorted((r["intervention"], r["timepoint"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"
                   and r["outcome"].startswith("Troponin"))
    assert means == [("deep cooling", "baseline", 0.41, 0.30), ("deep cooling", "week 4", 1.52, 1.20),
                     ("light cooling", "baseline", 0.27, 0.12), ("light cooling", "week 4", 1.38, 0.61)]
