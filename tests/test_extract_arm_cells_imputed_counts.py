"""Counts estimated over imputed datasets print decimals ("9.8 (51.8)" of 19 under "n (%)"): under a declared n (%)
the cell is the arm's share (the percentage its figure), no mean with the percentage as its SD (arm_cells)."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.arm_cells import parse_arm_cell

_METHODS = "Thirty-six adults were randomly assigned to exposure therapy (n = 21) or relaxation training (n = 15).\n"


def test_a_count_with_decimals_under_n_percent_is_the_arms_share():
    found = parse_arm_cell("10.7 (51.0)", "n_pct", 21)
    assert found["measure"] == "PROPORTION" and found["events"] is None and found["total"] == 21
    assert abs(found["value"] - 0.51) < 1e-9
    # a bracket that is no share of the arm as the figures are rounded (10.7 of 21 is 50.95%, never 51.9%) stays a mean
    # with its SD; without a declaration nothing changes
    assert parse_arm_cell("10.7 (51.9)", "n_pct", 21)["measure"] != "PROPORTION"
    assert parse_arm_cell("10.7 (3.2)", "n_pct", 21)["measure"] != "PROPORTION"
    assert parse_arm_cell("10.7 (51.0)", "", 21)["measure"] == "MEAN"
    assert parse_arm_cell("10.7 (51.0)", "mean_sd", 21)["measure"] == "MEAN"


def test_imputed_counts_in_a_table_are_shares_and_the_means_stay_means():
    table = """| Variable | Exposure therapy (N = 21) | Relaxation training (N = 15) |
| Remission, n (%) | 10.7 (51.0) | 4.2 (28.0) |
| Days of use, mean (SD) | 0 (0) | 2.4 (1.1) |
"""
    text = _METHODS + "Table 3. Outcomes (estimated values)\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 3. Outcomes (estimated values)")
    shares = sorted((r["intervention"], round(r["value"], 3), r["events"], r["total"]) for r in rows
                    if r["measure"] == "PROPORTION")
    assert shares == [("exposure therapy", 0.51, None, 21), ("relaxation training", 0.28, None, 15)]
    means = sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("exposure therapy", 0.0, 0.0), ("relaxation training", 2.4, 1.1)]
