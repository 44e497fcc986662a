"""A row printed over two lines of a table: the second line's cells joined to the first's (table_rows.py), where the
second line also repeats the figures that span both lines (a rowspan copied into each), or is labelled only with the
numbers measured; a mean ± SD over its range on a line labelled "(range)"."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.table_rows import with_continuation_rows

_METHODS = "Patients were randomly assigned to tablets (n = 40) or solution (n = 38).\n"


def _texts(table: dict) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def test_a_range_line_under_means_joins_them():
    table = """| Characteristic | Tablets | Solution | P |
| Mean weight | 71.4 \u00b1 9.2 | 69.8 \u00b1 10.1 | 0.38 |
| (range) | (52\u201394) | (50\u201391) | |
| Women | 22 | 19 | 0.61 |
"""
    joined = with_continuation_rows(pipe_table("x\n" + table, table.split("\n")[0]))
    texts = _texts(joined)
    assert texts[(1, 1)] == "71.4 \u00b1 9.2 [range 52\u201394]" and texts[(1, 3)] == "0.38"
    assert texts[(2, 0)] == "Women"
    text = _METHODS + "Table 1. Characteristics\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Characteristics")
    means = {r["intervention"]: (r["value"], r["sd"], r["range_low"], r["range_high"]) for r in rows
             if r["measure"] == "MEAN"}
    assert means == {"tablets": (71.4, 9.2, 52, 94), "solution": (69.8, 10.1, 50, 91)}


def test_a_line_repeating_words_of_the_line_above_is_no_continuation():
    # the test's name spanning both lines (a rowspan repeated in each): the second line is not only brackets
    table = """| Characteristic | Tablets | Solution | Test |
| Weight, kg | 71.4 | 69.8 | t-test |
| | (9.2) | (10.1) | t-test |
"""
    grid = pipe_table("x\n" + table, table.split("\n")[0])
    assert with_continuation_rows(grid) is grid


def test_cells_spanning_both_lines_are_kept_and_the_bare_ones_take_their_brackets():
    # the first and last visits print the SD on the second line; the middle visits' cells span both lines
    table = """| Measure | Week 0 | Week 12 | Week 24 | P |
| Hip density, g/cm2 | 0.912 | 0.905 (0.101) | 0.899 | 0.03 |
| Hip density, g/cm2 | (0.118) | 0.905 (0.101) | (0.097) | 0.03 |
| Waist, cm | 91.0 (9.9) | 92.3 (10.4) | 92.8 (10.0) | 0.21 |
"""
    joined = with_continuation_rows(pipe_table("x\n" + table, table.split("\n")[0]))
    texts = _texts(joined)
    assert texts[(1, 1)] == "0.912 (0.118)" and texts[(1, 2)] == "0.905 (0.101)" and texts[(1, 3)] == "0.899 (0.097)"
    assert texts[(1, 4)] == "0.03" and texts[(2, 0)] == "Waist, cm" and max(r for r, _ in texts) == 2


def test_words_under_figures_or_a_second_row_of_figures_stay_rows():
    words = """| Outcome | Tablets | Solution | P |
| Nausea | 4 | 7 | NS |
| Vomiting | 2 | 3 | Fisher |
"""
    grid = pipe_table("x\n" + words, words.split("\n")[0])
    assert with_continuation_rows(grid) is grid
    # a row repeating the label with figures of its own (not brackets) is a row of its own
    repeated = """| Measure | Week 0 | Week 12 |
| Pain score | 4.1 | 3.2 (1.0) |
| Pain score | 4.0 | 3.2 (1.0) |
"""
    grid = pipe_table("x\n" + repeated, repeated.split("\n")[0])
    assert with_continuation_rows(grid) is grid


def test_a_line_labelled_with_the_numbers_measured_continues_the_row_above():
    # each ratio's interval on the next line, its label only the numbers of samples per arm
    table = """| Marker (samples per arm) | Tablets | Solution |
| Ferritin | 0.87 | 1.21 |
| (n = 31, 29) | (0.64, 1.18) | (0.93, 1.57) |
| Transferrin | 1.04 | 0.95 |
| (n = 30, 29) | (0.97, 1.12) | (0.88, 1.03) |
"""
    joined = with_continuation_rows(pipe_table("x\n" + table, table.split("\n")[0]))
    texts = _texts(joined)
    assert texts[(1, 1)] == "0.87 (0.64, 1.18)" and texts[(2, 0)] == "Transferrin" and max(r for r, _ in texts) == 2
    caption = "Table 3. Geometric mean ratios (week 48 to baseline) and 95% confidence intervals"
    _, rows = read_pipe_table(_METHODS + caption + "\n" + table, table.split("\n")[0], caption=caption)
    means = {(r["outcome"], r["intervention"]): (r["value"], r["ci_low"], r["ci_high"]) for r in rows
             if r["measure"] == "MEAN"}
    assert means[("Ferritin", "tablets")] == (0.87, 0.64, 1.18)
    assert means[("Transferrin", "solution")] == (0.95, 0.88, 1.03)
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


def test_a_line_with_a_label_of_its_own_is_no_sizes_line():
    table = """| Marker | Tablets | Solution |
| Ferritin | 0.87 | 1.21 |
| Ferritin (n = 31) | (0.64, 1.18) | (0.93, 1.57) |
"""
    grid = pipe_table("x\n" + table, table.split("\n")[0])
    assert with_continuation_rows(grid) is grid
