"""A `<thead>` whose last row is one cell spanning every column, the stub's too ("<th colspan=13>Insulin (U/mL)</th>"
under "n | Mean | S.D. | P"): the heading of the first block of body rows, as the later blocks' headings in the body
are, no level of the columns' headers (a header path "Baseline / Mean / Insulin (U/mL)" would make it a column's)."""
from __future__ import annotations

from lxml import etree

from evidence_review.ingest.markuptables import grid_from_table

_HEAD = ("<tr><th rowspan='2'>Variable</th><th colspan='3'>Baseline (n = 40)</th><th colspan='3'>Week 8 (n = 40)</th></tr>"
         "<tr><th>n</th><th>Mean</th><th>S.D.</th><th>n</th><th>Mean</th><th>S.D.</th></tr>")
_BODY = ("<tr><td>Control</td><td>39</td><td>0.41</td><td>0.35</td><td>39</td><td>0.52</td><td>0.19</td></tr>"
         "<tr><td>Drug</td><td>36</td><td>0.47</td><td>0.44</td><td>36</td><td>0.55</td><td>0.21</td></tr>"
         "<tr><td colspan='7'>C-peptide (ng/mL)</td></tr>"
         "<tr><td>Control</td><td>40</td><td>2.31</td><td>1.02</td><td>40</td><td>2.88</td><td>1.17</td></tr>")


def _grid(head: str):
    return grid_from_table(etree.fromstring(f"<table><thead>{head}</thead><tbody>{_BODY}</tbody></table>"))


def test_a_last_header_row_spanning_the_whole_width_is_the_first_blocks_heading():
    grid = _grid(_HEAD + "<tr><th colspan='7'>Insulin (U/mL)</th></tr>")
    assert grid.header_rows == 2
    assert grid.rows[2] == ["Insulin (U/mL)"] * 7 and grid.rows[3][0] == "Control"


def test_a_spanning_title_over_the_header_stays_a_header_row():
    # (one cell over the whole width first, the column headers under it: a title row of the header)
    grid = _grid("<tr><th colspan='7'>Serum markers</th></tr>" + _HEAD)
    assert grid.header_rows == 3
