"""Groups numbered bare in a table ("Group | Pain score | ..." then "1 | 12.1 (8.4) | ...") that a footnote or the
methods define by number ("Group 1 = X; 2 = Y", "Groups: 1, X; 2, Y"): numbers are codes only after a group word in
the list and only as row labels under a stub header that says the rows are the groups (`arm_codes.definition_lists`,
`study._numbered_group_rows`, `Study.resolve_code`). Texts and tables written for these tests, with negatives:
scales numbered in a footnote, numbered rows under another stub, numbers the definitions leave undefined."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.arm_codes import bare_code, definition_lists

_TWO_ARMS = ("Methods\nIn this randomized trial, 48 adults with plantar fasciitis were randomly assigned to shock-wave "
             "therapy or stretching.\nResults\n")


def _rows(text: str, header: str, footnote: str = ""):
    study, rows = read_pipe_table(text, header, footnote=footnote)
    return study, {(r["measure"], r["value"], r["intervention"], r["outcome"]) for r in rows or []}


def test_numbered_lists_after_a_group_word_define_codes():
    assert [(d.code, d.name) for d in definition_lists("Group 1 = splinting; 2 = injection.")[0]] == \
        [("1", "splinting"), ("2", "injection")]
    assert [(d.code, d.name) for d in definition_lists("Groups: 1, oral iron; 2, intravenous iron")[0]] == \
        [("1", "oral iron"), ("2", "intravenous iron")]
    assert [(d.code, d.name) for d in definition_lists("Arm 1: early mobilisation, Arm 2: bed rest")[0]] == \
        [("1", "early mobilisation"), ("2", "bed rest")]


def test_numbered_scales_and_bare_numbers_define_nothing():
    assert definition_lists("1 = never; 2 = sometimes; 3 = often") == []
    assert definition_lists("1, splinting; 2, injection") == []
    assert definition_lists("Group 1 = age < 40 years; 2 = age 40 years or more") == []
    assert bare_code("2") is None and bare_code("2", numbers=True) == "2" and bare_code("12", numbers=True) is None


def test_rows_numbered_under_a_group_stub_are_the_arms_a_footnote_defines():
    header = "| Group | Heel pain, VAS | Function score |"
    foot = "Group 1 = shock-wave therapy; 2 = stretching."
    text = (_TWO_ARMS + "Table 2. Outcomes at 12 weeks\n" + header + "\n| 1 | 3.1 (1.9) | 81.4 (9.0) |\n"
            "| 2 | 4.6 (2.2) | 74.2 (10.3) |\n" + foot + "\n")
    study, rows = _rows(text, header, foot)
    assert rows == {("MEAN", 3.1, "shock-wave therapy", "Heel pain"), ("MEAN", 81.4, "shock-wave therapy", "Function score"),
                    ("MEAN", 4.6, "stretching", "Heel pain"), ("MEAN", 74.2, "stretching", "Function score")}
    assert study.resolve_column("1").canonical == "shock-wave therapy"


def test_numbered_rows_under_another_stub_or_undefined_numbers_name_no_arm():
    foot = "Group 1 = shock-wave therapy; 2 = stretching."
    header = "| Item | Heel pain, VAS | Function score |"
    text = (_TWO_ARMS + "Table 2. Outcomes\n" + header + "\n| 1 | 3.1 (1.9) | 81.4 (9.0) |\n"
            "| 2 | 4.6 (2.2) | 74.2 (10.3) |\n" + foot + "\n")
    study, rows = _rows(text, header, foot)
    assert study.resolve_column("1") is None and not any(r[2] == "shock-wave therapy" for r in rows)
    header = "| Group | Heel pain, VAS | Function score |"
    text = (_TWO_ARMS + "Table 2. Outcomes\n" + header + "\n| 1 | 3.1 (1.9) | 81.4 (9.0) |\n"
            "| 2 | 4.6 (2.2) | 74.2 (10.3) |\n| 3 | 5.0 (2.0) | 70.1 (9.9) |\n" + foot + "\n")
    study, rows = _rows(text, header, foot)
    assert study.resolve_column("1") is None and not any(r[2] == "shock-wave therapy" for r in rows)
