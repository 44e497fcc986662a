"""A caption or footnote declaring a statistic with two bounds ("Median, 25% and 75% quartile", "median (range)")
decides what the comma of a "v (a,b)" cell is where the bounds lie far apart: "310 (45,940)" is a median with its
quartiles 45 and 940, never 310 beside 45940 (cells.with_bracket_lists with the table's notes). Without such a
declaration a far-apart pair stays as ambiguous as before ("12 (1,250)")."""
from __future__ import annotations

from table_grids import cell_texts, pipe_table, read_pipe_table

from evidence_review.extract.cells import with_bracket_lists

_METHODS = ("Children were randomly assigned to albendazole (n = 40) or placebo (n = 40) before vaccination.\n")
_CAPTION = "Table 2. Median, 25% and 75% quartile of strain specific antibody titres."
_TABLE = """| Strain | Albendazole | Placebo |
| Day 0 | 110 (0,150) | 90 (0,170) |
| Day 28 | 610 (0,1240) | 620 (0,980) |
| Day 84 | 310 (45,940) | 330 (25,470) |
"""


def test_a_declared_quartile_pair_far_apart_is_split_where_the_table_lists_bounds():
    grid = pipe_table("x\n" + _TABLE, _TABLE.split("\n")[0])
    declared = cell_texts(with_bracket_lists(grid, _CAPTION))
    assert declared[(3, 1)] == "310 (45;940)" and declared[(3, 2)] == "330 (25;470)"
    # no declaration: the far-apart pair keeps its comma (a thousands separator as readily)
    assert cell_texts(with_bracket_lists(grid))[(3, 1)] == "310 (45,940)"
    # a declaration of one spread ("mean (SD)") decides nothing about two bounds
    assert cell_texts(with_bracket_lists(grid, "Values are mean (SD)."))[(3, 1)] == "310 (45,940)"


def test_the_declared_medians_keep_their_quartiles_in_the_rows_read():
    text = _METHODS + _CAPTION + "\n" + _TABLE
    _, rows = read_pipe_table(text, _TABLE.split("\n")[0], caption=_CAPTION)
    medians = {(r["outcome"] or r.get("timepoint"), r["intervention"]): (r["value"], r["q1"], r["q3"])
               for r in rows if r["measure"] == "MEDIAN"}
    assert (310, 45, 940) in medians.values()
    assert (330, 25, 470) in medians.values()
