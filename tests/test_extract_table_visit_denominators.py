"""Counts of an arm at a later visit whose n the table does not print (table_axes.read_by_paths with
table_reader._check_denominator's `at_visit`): "8 Weeks | Group A | 216 (56.3)" is 216 of the 384 seen then, the
number its share gives, not of the 414 randomised; a baseline row, a row printing its n and a share of the arm keep
the arm's size. Grids written as strings shaped like a feeding trial's symptom table (numbers changed)."""
from __future__ import annotations

from table_grids import read_pipe_table

METHODS = ("A total of 830 infants were randomly assigned to the prebiotic formula group (PG, n = 414) or the control "
           "formula group (CG, n = 416).\n")
CAPTION = "Table 4. Episodes of gastrointestinal symptoms."
HEADER = "| | | Spitting n(%) | Vomiting n(%) | Colics n(%) |"


def _proportions(body: str) -> list[tuple]:
    text = f"{METHODS}{CAPTION}\n{HEADER}\n{body}\n"
    _, rows = read_pipe_table(text, HEADER, caption=CAPTION)
    return sorted((str(r["intervention"]), str(r["outcome"]).lower(), str(r["timepoint"]).lower(), r["events"], r["total"])
                  for r in rows or [] if r["measure"] == "PROPORTION")


def test_counts_at_a_later_visit_are_of_the_number_their_shares_give():
    body = ("| 8 Weeks | PG | 216 (56.3) | 35 (9.1) | 112 (27.7) |\n"
            "| | CG | 206 (54.4) | 39 (10.3) | 109 (26.4) |")
    got = _proportions(body)
    assert {g[2] for g in got} == {"8 weeks"}
    by_cell = {(g[1], g[3]): g[4] for g in got}
    assert by_cell == {("spitting", 216): 384, ("vomiting", 35): 385, ("colics", 112): 404,
                       ("spitting", 206): 379, ("vomiting", 39): 379, ("colics", 109): 413}


def test_a_share_of_the_arm_at_a_visit_keeps_the_arms_size():
    body = ("| 8 Weeks | PG | 207 (50.0) | 33 (8.0) | 112 (27.1) |\n"
            "| | CG | 208 (50.0) | 40 (9.6) | 109 (26.2) |")
    by_cell = {(g[1], g[3]): g[4] for g in _proportions(body)}
    assert set(by_cell.values()) == {414, 416}


def test_a_whole_number_share_at_a_visit_keeps_the_arms_size():
    # (a share without decimals fits too many totals to tell the visit's n)
    body = ("| 8 Weeks | PG | 216 (56) | 35 (9) | 112 (28) |\n"
            "| | CG | 206 (54) | 39 (10) | 109 (26) |")
    by_cell = {(g[1], g[3]): g[4] for g in _proportions(body)}
    assert set(by_cell.values()) == {414, 416}


def test_baseline_counts_keep_the_arms_size():
    body = ("| Baseline | PG | 216 (56.3) | 35 (9.1) | 112 (27.7) |\n"
            "| | CG | 206 (54.4) | 39 (10.3) | 109 (26.4) |")
    by_cell = {(g[1], g[3]): g[4] for g in _proportions(body)}
    assert set(by_cell.values()) == {414, 416}
