"""A row block stacked into one table row under a heading line: the label cell prints the heading and its
categories on lines of their own ("Smoker<break/>Current<break/>Former<break/>Never") and each value cell leaves the
heading's line empty ("<break/>4 (20)<break/>9 (45)<break/>7 (35)"). Without the line breaks the cell reads as one
run "4 (20)9 (45)7 (35)"; unstacked, it is a heading row and one row per category."""
from __future__ import annotations

from lxml import etree

from evidence_review.ingest.markuptables import grid_from_table


def _grid(body: str):
    head = "<tr><th>Characteristic</th><th>Drug (n = 20)</th><th>Placebo (n = 18)</th></tr>"
    return grid_from_table(etree.fromstring(f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"))


def test_a_heading_and_three_categories_over_value_cells_one_line_short():
    grid = _grid("<tr><td>Smoker<break/>Current<break/>Former<break/>Never</td>"
                 "<td><break/>4 (20)<break/>9 (45)<break/>7 (35)</td>"
                 "<td><break/>3 (17)<break/>8 (44)<break/>7 (39)</td></tr>")
    assert grid.rows[1:] == [["Smoker", "", ""], ["Current", "4 (20)", "3 (17)"], ["Former", "9 (45)", "8 (44)"],
                             ["Never", "7 (35)", "7 (39)"]]


def test_a_heading_over_two_categories_keeps_a_one_line_p_cell_in_every_row():
    grid = grid_from_table(etree.fromstring(
        "<table><tr><th>Trait</th><th>A</th><th>B</th><th>P</th></tr>"
        "<tr><td>Diabetes<br/>Type 1<br/>Type 2</td><td><br/>2 (10)<br/>5 (25)</td><td><br/>1 (6)<br/>6 (33)</td>"
        "<td>0.62</td></tr></table>"))
    assert grid.rows[1:] == [["Diabetes", "", "", "0.62"], ["Type 1", "2 (10)", "1 (6)", "0.62"],
                             ["Type 2", "5 (25)", "6 (33)", "0.62"]]


def test_a_two_line_label_over_one_line_values_is_not_a_heading():
    # "Pain score<break/>(0-10 scale)": a label broken over two lines, one value each: one row
    grid = _grid("<tr><td>Pain score<break/>(0-10 scale)</td><td>4.1</td><td>4.6</td></tr>")
    assert len(grid.rows) == 2


def test_value_cells_of_mixed_depth_under_a_heading_stay_one_row():
    # one value cell one line short, the other two short: the lines do not align with the categories
    grid = _grid("<tr><td>Smoker<break/>Current<break/>Former<break/>Never</td>"
                 "<td><break/>4 (20)<break/>9 (45)<break/>7 (35)</td><td>3 (17)<break/>8 (44)</td></tr>")
    assert len(grid.rows) == 2
