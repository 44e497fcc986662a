"""A table declaring "means (standard deviations) or number (percentage)" whose count rows say "n (%)" in their
labels: the rows of measured quantities are means with their SDs, also where a bracket happens to be the share of
the arm's size ("Body mass index | 23 (4)" of 575: 4.0 %) (declared_formats.unmarked_row_format)."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import unmarked_row_format

_METHODS = "Villages were randomly assigned to the intervention (n = 575) or the control (n = 540).\n"
_NOTE = "Results are means (standard deviations) or number (percentage)"


def test_the_unmarked_rows_take_the_declared_spread_format():
    labels = ["Age", "Female n (%)", "Body mass index (kg/m2)", "Current smoking n (%)"]
    assert unmarked_row_format(("mean_sd", "n_pct"), labels) == "mean_sd"
    # (one count row marked is no convention; a table marking its means too leaves the unmarked rows to their shapes;
    # a table declaring one format has no other one to give)
    assert unmarked_row_format(("mean_sd", "n_pct"), ["Age", "Female n (%)", "Weight"]) == ""
    assert unmarked_row_format(("mean_sd", "n_pct"), labels + ["Height, mean (SD)"]) == ""
    assert unmarked_row_format(("n_pct",), labels) == ""
    # (a list naming a median too: an unmarked row may be either centre)
    assert unmarked_row_format(("mean_sd", "median_iqr", "n_pct"), labels) == ""


def test_a_measured_quantity_whose_bracket_fits_the_share_is_a_mean():
    table = """| | Intervention (n = 575) | Control (n = 540) |
| Age | 56 (12) | 57 (12) |
| Female n (%) | 351 (61) | 330 (61) |
| Body mass index (kg/m2) | 23 (4) | 22 (4) |
| Systolic blood pressure (mmHg) | 132 (23) | 130 (26) |
| Current smoking n (%) | 35 (6) | 38 (7) |
"""
    text = _METHODS + "Table 1. Baseline characteristics\n" + table + _NOTE + "\n"
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Baseline characteristics", footnote=_NOTE)
    means = sorted((r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == sorted([(56.0, 12.0), (57.0, 12.0), (23.0, 4.0), (22.0, 4.0), (132.0, 23.0), (130.0, 26.0)])
    counts = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == [(35, 575), (38, 540), (330, 540), (351, 575)]
