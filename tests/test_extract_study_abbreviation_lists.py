"""A caption's or footnote's list of codes ("U = Usual care; W = Web coaching; W + R = Web coaching + text reminders")
over columns headed by the codes alone (batch 57's shape, written here with other names and numbers): the list is
parsed once (`arm_codes.abbreviation_lists`) and each printed code becomes a name of the study model's arm its
definition names, a combination code ("W + R") the combination arm's, as printed and without its spaces. Negatives: a
lone definition is no list, a list of measures names no arm, and a code no table prints names nothing."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.arm_codes import abbreviation_lists
from evidence_review.extract.study import build_study

ALLOCATION = ("Methods: Adults were randomised to usual care (n = 40), a web coaching programme (n = 41) or web "
              "coaching plus text reminders (n = 39).\n")
CAPTION = "Table 2. Outcomes at 12 weeks"
CODES = "U = Usual care; W = Web coaching; W + R = Web coaching + text reminders"
HEADER = "| Outcome | U (n = 40) | W (n = 41) | W + R (n = 39) |"
ROWS = "| Weight, kg, mean (SD) | 81.2 (9.4) | 79.9 (8.7) | 80.3 (9.1) |\n"


def test_a_list_of_codes_is_read_once_with_each_name():
    text = f"{CAPTION} {CODES}. Values are means"
    (found,) = abbreviation_lists(text)
    assert [(d.code, d.name) for d in found] == [("U", "Usual care"), ("W", "Web coaching"),
                                                  ("W + R", "Web coaching + text reminders")]
    assert text[found[0].start:found[0].end] == "U = Usual care"
    (commas,) = abbreviation_lists("IG, intervention group; PG: placebo group")
    assert [d.code for d in commas] == ["IG", "PG"]


def test_a_lone_definition_or_no_definition_is_no_list():
    assert abbreviation_lists("SD, standard deviation") == []
    assert abbreviation_lists("Data are means; SD = 4") == []


def _study(text, header=HEADER):
    grid = pipe_table(text, header, "T2", CAPTION, header_rows=1)
    return build_study("d", text, {"tables": [grid]})


def test_the_printed_codes_name_the_arms_of_their_definitions():
    study = _study(ALLOCATION + f"{CAPTION}\n{CODES}\n{HEADER}\n{ROWS}")
    assert study.resolve_column("U").canonical == "standard care", study.arms
    assert study.resolve_column("W").name == "web coaching programme", study.arms
    assert study.resolve_column("W + R").name == "web coaching plus text reminders", study.arms


def test_a_bare_control_word_names_the_one_control_arm():
    codes = "C = Control; W = Web coaching; W + R = Web coaching + text reminders"
    header = "| Outcome | C (n = 40) | W (n = 41) | W + R (n = 39) |"
    study = _study(ALLOCATION + f"{CAPTION}\n{codes}\n{header}\n{ROWS}", header)
    assert study.resolve_column("C").role == "control", study.arms


def test_a_list_of_measures_or_an_unprinted_code_names_nothing():
    header = "| Outcome | Usual care (n = 40) | Web coaching (n = 41) | Web coaching plus text reminders (n = 39) |"
    study = _study(ALLOCATION + f"{CAPTION}\n{CODES}\n{header}\n{ROWS}", header)
    assert study.resolve_column("U") is None and study.resolve_column("W") is None
    measures = "BMI = body mass index; SD = standard deviation"
    header = "| Outcome | BMI | SD |"
    study = _study(ALLOCATION + f"{CAPTION}\n{measures}\n{header}\n{ROWS}", header)
    assert study.resolve_column("BMI") is None and study.resolve_column("SD") is None
