"""Bracket bounds listed with a comma and no space ("195 (168,215)"): decided for the whole table, never per cell, so
a comma that could be a thousands separator reads as the list the table's other cells show (cells.with_bracket_lists);
and a one-letter variable whose cells print spreads is a variable, not a test statistic (cells.figure_with_spread)."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.cells import bracket_lists_table, figure_with_spread, with_bracket_lists

_METHODS = "Swimmers were randomly assigned to supplement (n = 9) or control (n = 9).\n"


def _texts(table: dict) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def test_a_table_listing_decimal_bounds_lists_the_three_digit_ones_too():
    assert bracket_lists_table(["0.64 (0.51,0.8)", "247 (213,288)"])
    # no decimal shows it, but every value lies between its two bounds: listed
    assert bracket_lists_table(["312 (287,340)", "118 (101,131)"])
    # one cell, ambiguous: not decided
    assert not bracket_lists_table(["312 (287,340)"])
    # a thousands separator: "45 (1,250)" is 45 beside 1250 as readily as 45 in 1-250; nothing shows a list
    assert not bracket_lists_table(["45 (1,250)", "38 (1,480)"])
    assert not bracket_lists_table(["312 (287,340)", "45 (1,250)"])
    # a value outside its "bounds" is no list
    assert not bracket_lists_table(["9 (3,120)", "0.5 (0.62,0.9)"])


def test_the_rewrite_keeps_lengths_and_leaves_unordered_cells():
    table = """| Variable | Supplement | Control |
| Lactate | 0.64 (0.51,0.8) | 0.71 (0.6,0.95) |
| Ferritin | 247 (213,288) | 12 (1,250) |
"""
    grid = pipe_table("x\n" + table, table.split("\n")[0])
    texts = _texts(with_bracket_lists(grid))
    assert texts[(2, 1)] == "247 (213;288)" and texts[(2, 2)] == "12 (1,250)"
    assert all(len(texts[k]) == len(v) for k, v in _texts(grid).items())


def test_medians_with_tight_quartiles_and_a_one_letter_variable_are_read():
    table = """| Variable | Supplement (n = 9) | Control (n = 9) |
| Lactate | 0.64 (0.51,0.8) | 0.71 (0.6,0.95) |
| Ferritin | 247 (213,288) | 231 (199,305) |
| V | 31.5 (28.2,35.1) | 30.9 (27.4,33.3) |
"""
    text = _METHODS + "Table 2. Values are median (Q1,Q3)\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Values are median (Q1,Q3)")
    medians = {(r["outcome"], r["intervention"]): (r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"}
    assert medians[("Ferritin", "supplement")] == (247, 213, 288)
    assert medians[("Ferritin", "control")] == (231, 199, 305)
    assert medians[("V", "control")] == (30.9, 27.4, 33.3)


def test_a_figure_with_spread_against_a_test_statistic():
    assert figure_with_spread("23.9 (21.0, 28.1)") and figure_with_spread("45.2 \u00b1 6.1")
    assert figure_with_spread("12 (40%)") and figure_with_spread("-1.2 (-2.0 to -0.3)")
    assert not figure_with_spread("2.1") and not figure_with_spread("2.1 (0.04)") and not figure_with_spread("NS")


def test_a_t_row_of_single_numbers_is_still_a_test():
    table = """| Variable | Supplement (n = 9) | Control (n = 9) |
| Lactate | 0.64 (0.51-0.8) | 0.71 (0.6-0.95) |
| t | 2.14 | 1.37 |
"""
    text = _METHODS + "Table 2. Results\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Results")
    assert not [r for r in rows if r["outcome"] == "t"]


def test_a_caption_naming_mean_ratios_and_their_intervals_declares_mean_ci():
    from evidence_review.extract.declared_formats import declared_formats
    assert declared_formats("Geometric mean ratios (month 12 to baseline) and 95% confidence intervals") == ("mean_ci",)
    assert declared_formats("Mean titres and 95% CI") == ("mean_ci",)
    # a comparison's interval, or a spread named in the bracket, is no mean's interval
    assert declared_formats("Mean differences and 95% CI") == ()
    assert declared_formats("Mean (SD) and 95% CI of the difference") == ("mean_sd",)
