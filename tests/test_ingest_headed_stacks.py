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


def test_categories_printed_as_a_bulleted_list_under_their_heading():
    # "Gender<break/>• Men<break/>• Women" (indented with no-break spaces) beside "<break/>15 (50%)<break/>15 (50%)":
    # the bullets open list items, the categories' names are the words after them
    grid = grid_from_table(etree.fromstring(
        "<table><tr><th>Characteristics</th><th>Drug n=30</th><th>Placebo n=31</th><th>P-value</th></tr>"
        "<tr><td><bold>Sex</bold><break/>\u00a0\u00a0\u2022 Men<break/>\u00a0\u00a0\u2022 Women</td>"
        "<td><break/>14 (47%)<break/>16 (53%)</td><td><break/>17 (55%)<break/>14 (45%)</td><td><break/>0.62</td></tr>"
        "<tr><td><bold>Visual acuity (logMar)</bold><break/>\u2022 Dominant eye (Mean \u00b1 SD)<break/>"
        "\u2022 Amblyopic eye (Mean \u00b1 SD)</td><td><break/>0.21 \u00b1 0.12<break/>0.66 \u00b1 0.24</td>"
        "<td><break/>0.25\u00b10.13<break/>0.69 \u00b1 0.27</td><td><break/>0.58<break/>0.31</td></tr></table>"))
    assert grid.rows[1:] == [["Sex", "", "", "0.62"], ["Men", "14 (47%)", "17 (55%)", "0.62"],
                             ["Women", "16 (53%)", "14 (45%)", "0.62"], ["Visual acuity (logMar)", "", "", ""],
                             ["Dominant eye (Mean \u00b1 SD)", "0.21 \u00b1 0.12", "0.25\u00b10.13", "0.58"],
                             ["Amblyopic eye (Mean \u00b1 SD)", "0.66 \u00b1 0.24", "0.69 \u00b1 0.27", "0.31"]]


def test_a_bulleted_second_line_of_a_label_reads_as_set_apart():
    # "Age (years)<break/>• Mean ± SD" over one value: one row, its label the two lines set apart by a comma
    grid = _grid("<tr><td><bold>Age (years)</bold><break/>\u2022 Mean \u00b1 SD</td><td>9.4 \u00b1 2.6</td>"
                 "<td>9.8 \u00b1 2.2</td></tr>")
    assert grid.rows[1:] == [["Age (years), Mean \u00b1 SD", "9.4 \u00b1 2.6", "9.8 \u00b1 2.2"]]

