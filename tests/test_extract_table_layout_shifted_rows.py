"""A body row the source shifted one column right (an empty cell after its label, the last column empty):
table_layout.without_shifted_rows puts it back where the shift puts every cell under a column printing its kind of
text, and leaves rows whose cells sit where their columns' cells do."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.table_layout import without_shifted_rows

_METHODS = "Adults were randomly assigned to coaching (n = 40) or usual care (n = 40).\n"
_TABLE = """| Characteristic | Coaching | Usual care | P | Test |
| Age, years | 51.2 \u00b1 8.1 | 49.7 \u00b1 9.0 | 0.41 | t-test |
| Smoker | 12 (30%) | 15 (37.5%) | 0.47 | chi-square |
| Employed | | 22 (55%) | 19 (47.5%) | |
| Diabetes | 9 (22.5%) | 7 (17.5%) | 0.57 | chi-square |
"""


def _texts(table: dict) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def test_a_row_shifted_right_is_put_back():
    grid = pipe_table("x\n" + _TABLE, _TABLE.split("\n")[0])
    texts = _texts(without_shifted_rows(grid, {0}))
    assert texts[(3, 1)] == "22 (55%)" and texts[(3, 2)] == "19 (47.5%)" and texts[(3, 3)] == "" and texts[(3, 4)] == ""
    assert texts[(2, 1)] == "12 (30%)"


def test_the_reader_gives_each_arm_its_own_cell():
    text = _METHODS + "Table 1. Characteristics\n" + _TABLE
    _, rows = read_pipe_table(text, _TABLE.split("\n")[0], caption="Table 1. Characteristics")
    employed = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["outcome"].endswith("Employed")}
    assert employed == {"coaching": (22, 40), "standard care": (19, 40)}     # (the canonical name of usual care)


def test_rows_in_place_stay():
    # an arm not measured (empty first cell) beside the other arm's figure in its own column: no shift
    table = """| Characteristic | Coaching | Usual care | P | Test |
| Age, years | 51.2 \u00b1 8.1 | 49.7 \u00b1 9.0 | 0.41 | t-test |
| Smoker | 12 (30%) | 15 (37.5%) | 0.47 | chi-square |
| Relapse | | 6 (15%) | | |
| Diabetes | 9 (22.5%) | 7 (17.5%) | 0.57 | chi-square |
"""
    grid = pipe_table("x\n" + table, table.split("\n")[0])
    assert without_shifted_rows(grid, {0}) is grid
