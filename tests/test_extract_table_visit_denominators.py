"""Counts of an arm at a later visit whose n the table does not print (table_axes.read_by_paths with
table_reader._check_denominator's `at_visit`): "8 Weeks | Group A | 216 (56.3)" is 216 of the 384 seen then, the
number its share gives, not of the 414 randomised; a baseline row, a row printing its n and a share of the arm keep
the arm's size. Also a characteristics table whose every share is of a few more patients than the text's size of
the arm (the table's own number), not of twice as many or more (all patients: the arm's size stays). Grids written as
strings shaped like a feeding trial's symptom table and a three-arm trial's characteristics (numbers changed)."""
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


# ---------------------------------------------------------------------------------------------------------------
# a characteristics table whose every share is of a few more patients than the text's size of the arm (the text
# sizing the arms after their losses): the table's own number of patients (table_reader, the shares' size)
SIZED_AFTER_LOSSES = ("Sixty-six patients were enrolled; 21 patients in the lavender group (n = 21) and 21 in the "
                      "control group (n = 21) were analysed.\n")


def _characteristics(body: str) -> dict[tuple[str, int], int]:
    caption = "Table 1. Characteristics of the patients."
    header = "| Characteristics | Control | Lavender | P value |"
    text = f"{SIZED_AFTER_LOSSES}{caption}\n{header}\n| | n (%) | n (%) | |\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    return {(str(r["outcome"]).lower(), r["events"]): r["total"] for r in rows or [] if r["measure"] == "PROPORTION"}


def test_shares_all_of_a_few_more_patients_than_the_arms_size_give_the_tables_size():
    body = ("| Gender | | | 0.822 |\n| Male | 14 (63.64) | 15 (68.18) | |\n| Female | 8 (36.36) | 7 (31.82) | |\n"
            "| Smoking | | | 0.782 |\n| Yes | 9 (40.91) | 11 (50) | |\n| No | 13 (59.09) | 11 (50) | |")
    totals = _characteristics(body)
    assert totals and set(totals.values()) == {22}


def test_shares_of_twice_the_arms_size_or_more_keep_the_arms_size():
    # (shares of all patients of both arms: the counts stay of the arm's 21)
    body = ("| Gender | | | 0.822 |\n| Male | 14 (33.33) | 15 (35.71) | |\n| Female | 7 (16.67) | 6 (14.29) | |\n"
            "| Smoking | | | 0.782 |\n| Yes | 9 (21.43) | 11 (26.19) | |\n| No | 12 (28.57) | 10 (23.81) | |")
    totals = _characteristics(body)
    assert totals and set(totals.values()) == {21}
