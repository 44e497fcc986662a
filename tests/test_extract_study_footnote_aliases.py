"""Arms a table names by abbreviations its footnote spells out ("Trt | Ctl" over "Trt = treatment group; Ctl = control
group"): each column is the arm the abbreviation stands for, named so, with the abbreviation kept as one of its names;
an abbreviation that stands for no group (an outcome, a unit) renames nothing; a bracketed 0 in a header (a day) is
no arm's size. Numbered arms defined in clauses of one sentence ("Arm 1 received X (n=52), arm 2 received placebo
(n=50)") are the arms, a control another sentence also names being the numbered one. Texts and tables written for
these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study, split_size
from evidence_review.extract.table_reader import read_table

METHODS = ("Methods: Twenty rowers were randomised in a parallel design. The intervention group drank a beetroot "
           "juice before each session; the control group drank water. Blood was drawn on day 0 and day 10.\n")


def _table(header: str, footnote: str) -> tuple[str, dict]:
    text = METHODS + ("Table 1. Blood markers on day 0 and day 10\n"
                      f"{header}\n"
                      "| Lactate | 1.2 ± 0.3 | 1.1 ± 0.4 | 1.4 ± 0.5 | 1.0 ± 0.3 |\n"
                      "| Urea | 5.1 ± 0.9 | 5.3 ± 1.0 | 5.6 ± 1.1 | 5.2 ± 0.8 |\n"
                      f"{footnote}\n")
    grid = pipe_table(text, header, "T1", "Table 1. Blood markers on day 0 and day 10", header_rows=1)
    return text, grid


def test_abbreviated_columns_are_the_arms_their_footnote_spells_out():
    text, grid = _table("| Marker | Ctl (0) | Int (0) | Ctl (10) | Int (10) |",
                        "Int = intervention group; Ctl = control group; SD = standard deviation.")
    study = build_study("d", text, {"tables": [grid]})
    by_key = {a.canonical: a for a in study.arms}
    assert {"control", "intervention"} <= set(by_key), study.arms
    assert by_key["control"].role == "control"
    assert study.resolve("Ctl").canonical == "control"
    assert study.resolve("Int").canonical == "intervention"
    rows = read_table("d", text, grid, study)
    assert {r["intervention"] for r in rows if r["measure"] == "MEAN"} == {"control", "intervention"}, rows


def test_an_abbreviation_of_an_outcome_renames_no_arm():
    # "Lac = lactate" is an outcome's abbreviation: a column "Lac" over arms' cells is no arm named "lactate"
    text, grid = _table("| Marker | Alp (0) | Bet (0) | Alp (10) | Bet (10) |",
                        "Alp = alpha training; Bet = beta training; Lac = lactate.")
    study = build_study("d", text, {"tables": [grid]})
    assert not any(a.canonical in ("alpha training", "beta training") and "lactate" in a.aliases for a in study.arms)
    assert not any(a.canonical == "lactate" for a in study.arms)


def test_a_long_form_whose_letters_are_not_the_abbreviation_s_renames_nothing():
    # "Grp = control group" spells no "Grp": a table's own arm names stay as printed
    text, grid = _table("| Marker | Grp (0) | Set (0) | Grp (10) | Set (10) |",
                        "Grp = control group; Set = intervention group.")
    study = build_study("d", text, {"tables": [grid]})
    assert study.resolve("Grp") is None or study.resolve("Grp").canonical != "control"


def test_a_bracketed_zero_is_no_size():
    assert split_size("Ctl (0)") == ("Ctl", None)
    assert split_size("Placebo (n = 47)") == ("Placebo", 47)


# ---------------------------------------------------------------- numbered arms opening clauses of one sentence

def test_numbered_arms_defined_in_clauses_of_one_sentence_are_the_arms_and_a_control_named_twice_is_one_arm():
    text = ("Methods: Adults with gout were randomly assigned to two arms. Arm 1 received colchicine (n=52), arm 2 "
            "received placebo (n=50). Flares were fewer with colchicine than with placebo.")
    study = build_study("d", text, {})
    arms = sorted((a.canonical, a.n, a.role) for a in study.arms)
    assert arms == [("colchicine", 52, "experimental"), ("placebo", 50, "control")], arms
    assert study.resolve("arm 2").canonical == "placebo"


def test_a_comma_inside_one_arm_s_description_opens_no_other_arm():
    text = ("Methods: Children were randomly assigned to two groups. Group 1 received zinc, given with meals (n = 40). "
            "Group 2 received a placebo syrup (n = 41).")
    study = build_study("d", text, {})
    assert len(study.arms) == 2, study.arms
