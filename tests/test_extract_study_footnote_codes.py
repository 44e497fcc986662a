"""Row-group codes a table's footnote defines among its other abbreviations ("... higher score: worse pain R:
Reflexology, M: Swedish Massage; SD: standard deviation"), printed under a stub column headed "Arm": each code is
the arm its definition names, even where the text's own sentences named the crossover's sequences ("the first
group", "the second group") and no arm the codes name. Negatives: a footnote of times ("A: before; B: after") or
codes no table prints name no arm. Texts and tables written for these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.arm_codes import definition_lists
from evidence_review.extract.study import build_study

METHODS = ("Methods: Residents were randomized into two sequences. Those assigned to the first group received four "
           "weekly sessions of acupressure, a washout week, then four sessions of aromatherapy. Those assigned to the "
           "second group received the same sessions in the reverse order.\n")
CAPTION = "Table 1. Means and SDs of outcomes"
HEADER = "| Outcome | Arm | Baseline | Post-treatment |"
ROWS = ("| Heart rate | | 78.1 ± 9.2 | |\n"
        "| | A | | 74.0 ± 8.1 |\n"
        "| | T | | 75.3 ± 7.7 |\n")


def test_a_definition_list_may_open_after_other_footnote_words():
    found = definition_lists("3Higher score: worse observed agitation A: Acupressure, T: Aromatherapy; SD: standard "
                             "deviation; ES: effect size")
    assert [[(d.code, d.name) for d in one] for one in found] == [[("A", "Acupressure"), ("T", "Aromatherapy")]]


def test_times_are_no_definitions():
    assert definition_lists("Values are means. A: before; B: after treatment") == []


def test_footnote_codes_under_an_arm_stub_are_the_arms():
    footnote = "1Higher score: more stress A: Acupressure, T: Aromatherapy; SD: standard deviation\n"
    text = METHODS + f"{CAPTION}\n{HEADER}\n{ROWS}{footnote}"
    grid = pipe_table(text, HEADER, "T1", CAPTION, header_rows=1)
    study = build_study("d", text, {"tables": [grid]})
    assert study.resolve("group a") is not None and study.resolve("group a").canonical == "acupressure", study.arms
    assert study.arm_of_code("T") is not None and study.arm_of_code("T").canonical == "aromatherapy"


def test_codes_no_table_prints_name_no_arm():
    footnote = "1Higher score: more stress A: Acupressure, T: Aromatherapy; SD: standard deviation\n"
    header = "| Outcome | Baseline | Post-treatment |"
    text = METHODS + f"{CAPTION}\n{header}\n| Heart rate | 78.1 ± 9.2 | 74.0 ± 8.1 |\n{footnote}"
    grid = pipe_table(text, header, "T1", CAPTION, header_rows=1)
    study = build_study("d", text, {"tables": [grid]})
    assert not any(a.canonical in ("acupressure", "aromatherapy") for a in study.arms), study.arms
