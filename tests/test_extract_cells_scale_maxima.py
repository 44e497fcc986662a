"""A score printed over its scale's maximum ("14/20 (13.5 to 15)" under "Median (IQR)"): the median of a 20-point
score with its quartiles, not 14 of 20 patients (cells.with_scale_maxima); and a p-value glued after a cell with a
mark after it ("1 (-1 to 2.25) P = 0.13^+", cells.split_marks)."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.cells import split_marks, with_scale_maxima

_METHODS = "Nurses were randomly assigned to simulation (n = 9) or lecture (n = 10).\n"


def _texts(table: dict) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def test_scores_over_one_maximum_with_quartiles_are_medians():
    table = """| Test | Simulation | Lecture | P |
| Skills score | 27/40 (25 to 31.5) | 24.5/40 (21-28) | 0.04 |
| Written score | 33/40 | 30/40 | 0.20 |
"""
    text = _METHODS + "Table 3. Median (interquartile range) scores\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 3. Median (interquartile range) scores")
    medians = {(r["outcome"], r["intervention"]): (r["value"], r.get("q1"), r.get("q3")) for r in rows
               if r["measure"] == "MEDIAN"}
    assert medians[("Skills score", "simulation")] == (27, 25, 31.5)
    assert medians[("Skills score", "lecture")] == (24.5, 21, 28)
    assert medians[("Written score", "lecture")][0] == 30
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


def test_the_blanked_maximum_keeps_the_cells_length():
    table = """| Test | Simulation (n = 9) | Lecture (n = 10) |
| Median score | 27/40 | 30/40 |
"""
    grid = pipe_table("x\n" + table, table.split("\n")[0], header_rows=1)
    texts = _texts(with_scale_maxima(grid))
    assert texts[(1, 1)] == "27   " and texts[(1, 2)] == "30   "


def test_counts_of_the_arm_or_over_different_totals_stay_counts():
    # "8/10" of an arm of 10: a count; "6/9 | 7/10": each arm's count of its own total
    same_as_n = """| Outcome | Simulation (n = 10) | Lecture (n = 10) |
| Median score reached | 8/10 | 7/10 |
"""
    grid = pipe_table("x\n" + same_as_n, same_as_n.split("\n")[0])
    assert with_scale_maxima(grid) is grid
    own_totals = """| Outcome | Simulation | Lecture |
| Passed, mean score above 20 | 6/9 | 7/10 |
"""
    grid = pipe_table("x\n" + own_totals, own_totals.split("\n")[0])
    assert with_scale_maxima(grid) is grid
    # a bracket holding a share, not bounds around the figure: counts
    shares = """| Outcome | Simulation | Lecture |
| Passed (mean) | 6/20 (30) | 7/20 (35) |
"""
    grid = pipe_table("x\n" + shares, shares.split("\n")[0])
    assert with_scale_maxima(grid) is grid


def test_a_p_value_with_a_mark_after_it_is_split_off():
    marked = split_marks("1 (-1 to 2.25) P = 0.13^+")
    assert marked.body.rstrip() == "1 (-1 to 2.25)" and marked.p_value == 0.13 and marked.marks == "+"
    marked = split_marks("4 (2 to 6) p = 0.021*")
    assert marked.body.rstrip() == "4 (2 to 6)" and marked.p_value == 0.021 and marked.marks == "*"
    # a plain figure keeps its sign
    assert split_marks("12.5").body == "12.5"
