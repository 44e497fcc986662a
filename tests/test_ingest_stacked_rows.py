"""Rows stacked into one table row by line breaks (`<break/>` in JATS, `<br>` in HTML): "Low<break/>Standard" in
the label cell with "4<break/>7" in the value cells is two rows, each one-line cell repeated in both as a rowspan
repeats it. A value with a note on a second line, or a label broken over two lines, stays one row."""
from __future__ import annotations

from lxml import etree

from evidence_review.ingest.markuptables import cell_lines, grid_from_table


def _grid(body: str, head: str = "<tr><th>Hour</th><th>Arm</th><th>Mild</th><th>Severe</th><th>P</th></tr>"):
    return grid_from_table(etree.fromstring(f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"))


def test_a_row_of_stacked_arms_becomes_one_row_per_arm():
    grid = _grid("<tr><td>0-6</td><td>Bolus<break/>Infusion</td><td>5<break/>9</td><td>2<break/>0</td>"
                 "<td>0.41</td></tr>"
                 "<tr><td>6-12</td><td>Bolus<break/>Infusion</td><td>3<break/>4</td><td>1<break/>1</td>"
                 "<td>0.77</td></tr>")
    assert grid.rows[1:] == [["0-6", "Bolus", "5", "2", "0.41"], ["0-6", "Infusion", "9", "0", "0.41"],
                             ["6-12", "Bolus", "3", "1", "0.77"], ["6-12", "Infusion", "4", "1", "0.77"]]
    assert grid.header_rows == 1


def test_three_stacked_arms_with_html_br():
    grid = grid_from_table(etree.fromstring(
        "<table><tr><th>Arm</th><th>Healed</th></tr>"
        "<tr><td>Gel<br/>Foam<br/>Gauze</td><td>12 (40)<br/>9 (30)<br/>6 (20)</td></tr></table>"))
    assert grid.rows[1:] == [["Gel", "12 (40)"], ["Foam", "9 (30)"], ["Gauze", "6 (20)"]]


def test_a_value_with_its_size_on_a_second_line_stays_one_row():
    grid = _grid("<tr><td>Readmitted (hospital or<break/>clinic visit), n (%)</td><td></td>"
                 "<td>6 (21)<break/>n = 29</td><td>5 (17)<break/>n = 30</td><td>0.75</td></tr>")
    assert grid.rows[1:] == [["Readmitted (hospital orclinic visit), n (%)", "", "6 (21)n = 29", "5 (17)n = 30",
                              "0.75"]]


def test_a_label_broken_over_two_lines_beside_one_line_values_stays_one_row():
    grid = _grid("<tr><td>Pain at rest<break/>(VAS, mm)</td><td></td><td>31.2</td><td>28.4</td><td>0.30</td></tr>")
    assert len(grid.rows) == 2


def test_stacked_cells_of_unequal_depth_stay_one_row():
    grid = _grid("<tr><td>0-6</td><td>Bolus<break/>Infusion</td><td>5<break/>9<break/>1</td><td>2</td>"
                 "<td>0.41</td></tr>")
    assert len(grid.rows) == 2


def test_colspan_positions_follow_the_unstacked_rows():
    grid = _grid("<tr><td>0-6</td><td>Bolus<break/>Infusion</td><td>5<break/>9</td><td>2<break/>0</td>"
                 "<td>0.41</td></tr><tr><td colspan=\"2\">All</td><td>14</td><td>2</td><td>0.6</td></tr>")
    assert grid.rows[3][:2] == ["All", "All"]
    assert (3, 1) in grid.spanned and (1, 1) not in grid.spanned


def test_cell_lines_split_at_breaks_and_drop_footnote_marks():
    cell = etree.fromstring('<td>Placebo<sup>a</sup><break/> (n = 30) </td>')
    assert cell_lines(cell) == ["Placebo", "(n = 30)"]
    assert cell_lines(etree.fromstring("<td/>")) == [""]
