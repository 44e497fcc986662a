"""Arm columns headed by codes that only the methods' "group X received ..." sentences define ("Group (C) (n = 25) |
Group (K) (n = 25) | Group (K/M) (n = 25) | P value" after "group C received saline, group K received X and group
K/M received X and Y"): every code the tables print is the group its definition names - a code whose words name an
arm the text found already becomes that arm's name, a code whose words name none yet (the placebo's, the
combination's) is an arm of its own. Negatives: a "P" column without a group word is the p-value's; grades and
scores a group "received" define no arm; codes no table prints add nothing. Texts and tables written for these
tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.arm_codes import bare_code, code_family, received_definitions
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table

METHODS = ("Methods: In this randomized trial, children were randomly allocated to four groups of 25: group C received "
           "saline, group K received ketamine 0.5 mg/kg, group M received midazolam 2 mg and group K/M received "
           "ketamine 0.5 mg/kg and midazolam 2 mg, 10 min before induction. Ketamine reduced agitation compared with "
           "midazolam.\n")
CAPTION = "Table 2. Agitation after anaesthesia in the four groups"


def _text_and_grid(header: str) -> tuple[str, dict]:
    text = METHODS + (f"{CAPTION}\n"
                      f"{header}\n"
                      "| Agitation, n (%) | 12 (48) | 6 (24) | 8 (32) | 3 (12) | 0.02 |\n"
                      "| Recovery time, min | 21.4 ± 4.2 | 24.8 ± 5.1 | 23.0 ± 4.6 | 26.3 ± 5.0 | 0.01 |\n")
    return text, pipe_table(text, header, "T2", CAPTION, header_rows=1)


def test_received_definitions_read_each_group_s_code_and_treatment():
    found = received_definitions(METHODS)
    assert len(found) == 1
    assert [(d.code, d.name) for d in found[0]] == [
        ("C", "saline"), ("K", "ketamine 0.5 mg/kg"), ("M", "midazolam 2 mg"),
        ("K/M", "ketamine 0.5 mg/kg and midazolam 2 mg")]


def test_a_group_given_a_grade_or_a_score_is_no_definition():
    assert received_definitions("Group A received a score of 3 and group B received grade 2 ratings.") == []


def test_one_group_defined_alone_is_no_list():
    assert received_definitions("Group S was given saline before induction.") == []


def test_bracketed_and_joined_codes_with_a_group_word_are_codes():
    assert bare_code("Group (C)") == "C"
    assert bare_code("Group(K/M)") == "K/M"
    assert bare_code("Group (K/M") == "K/M"      # the bracket left open where a size followed it
    assert bare_code("K+M group") == "K+M"
    assert code_family("K/M") == "letter"
    # without a group word a joined pair is a unit or a ratio, not a group
    assert bare_code("mg/kg") is None
    assert bare_code("K/M") is None


def test_coded_columns_are_the_groups_the_methods_define():
    text, grid = _text_and_grid("| Variable | Group (C)(n = 25) | Group (K)(n = 25) | Group (M)(n = 25) | "
                                "Group (K/M)(n = 25) | P value |")
    study = build_study("d", text, {"tables": [grid]})
    by_code = {code: study.resolve_column(f"Group ({code})(n = 25)") for code in ("C", "K", "M", "K/M")}
    assert all(by_code.values()), study.arms
    assert by_code["C"].canonical == "saline"
    assert by_code["K"].canonical == "ketamine"
    assert by_code["M"].canonical == "midazolam"
    assert by_code["K/M"].canonical == "ketamine and midazolam"
    assert len({id(a) for a in by_code.values()}) == 4
    assert study.resolve_column("P value") is None
    rows = read_table("d", text, grid, study)
    agitation = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert agitation == {"saline": (12, 25), "ketamine": (6, 25), "midazolam": (8, 25),
                         "ketamine and midazolam": (3, 25)}, rows


def test_codes_no_table_prints_add_no_arm():
    header = "| Variable | Saline (n = 25) | Ketamine (n = 25) | P value |"
    text = METHODS.replace(", group M received midazolam 2 mg and group K/M received ketamine 0.5 mg/kg and "
                           "midazolam 2 mg", " and group M received midazolam 2 mg")
    text += f"{CAPTION}\n{header}\n| Agitation, n (%) | 12 (48) | 6 (24) | 0.02 |\n"
    grid = pipe_table(text, header, "T2", CAPTION, header_rows=1)
    study = build_study("d", text, {"tables": [grid]})
    assert not any("group c" in {x.lower() for x in a.aliases} for a in study.arms), study.arms
