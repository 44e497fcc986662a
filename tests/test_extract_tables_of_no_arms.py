"""Tables whose columns name no arm of the study's patients (study.py, meaning.py, table_reader): a table describing
the study's products ("Composition of the study drinks", columns the arms' products, cells their contents) and a
table of completers against non-completers ("Completer (n1 = 140) | Non-completer (n2 = 38)", the sizes numbered by
an inline subscript) give no arm rows."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.meaning import describes_products
from evidence_review.extract.study import build_study, is_arm_header, outcome_split, split_size
from evidence_review.extract.table_reader import read_tables

_PRODUCTS = """Methods. Pupils were randomized to a plain drink, a fortified drink or a fortified drink with whey.
Table 1. Composition of the study drinks2. Contents were measured at baseline and at week 8.
| Nutrient | Plain drink | Fortified drink | Fortified drink + whey |
| Energy (kJ) | 512 | 508 | 515 |
| Protein (%) | 11.2 ± 0.3 | 11.4 ± 0.2 | 14.9 ± 0.4 |
| Zinc (mg) | - | 9.6 ± 1.1 | 9.9 ± 0.8 |
Results. Haemoglobin rose in the fortified groups.
"""

_COMPLETERS = """Methods. Smokers were randomized to a card game (n = 90), a leaflet (n = 45) or a waiting list (n = 43).
Table 2. Participants' characteristics by study completion status
| Characteristic | Completer (n1 = 140) | Non-completer (n2 = 38) | p value |
| Age, mean (SD) | 41.2 (9.8) | 36.5 (10.1) | 0.01 |
| Female, n (%) | 70 (50.0) | 20 (52.6) | 0.78 |
"""


def _rows(document: str, header: str, caption: str) -> list[dict]:
    table = pipe_table(document, header, table_id="T1", caption=caption)
    structure = {"tables": [table]}
    rows, _ = read_tables("d", document, structure, build_study("d", document, structure))
    return rows


def test_a_caption_describing_the_study_products():
    assert describes_products("Table 1. Composition of the study drinks2. Contents were measured at baseline.")
    assert describes_products("The compositions of the two lipid emulsions.")
    assert describes_products("Whey supplement composition.")
    assert describes_products("Test meal ingredients and nutrient content (raw weight)")
    # the patients' own composition or intake is a figure of the arms
    assert not describes_products("Body composition of exercise and control group subjects.")
    assert not describes_products("The macronutrient composition of diets from participants' 3-day food records")
    assert not describes_products("Changes in body composition in the diet groups")


def test_a_table_of_the_products_gives_no_arm_rows():
    assert _rows(_PRODUCTS, "| Nutrient | Plain drink | Fortified drink | Fortified drink + whey |",
                 "Table 1. Composition of the study drinks2. Contents were measured at baseline and at week 8.") == []


def test_a_size_numbered_by_an_inline_subscript():
    assert split_size("Completer (n1 = 140)") == ("Completer", 140)
    assert split_size("Waiting list (n3 = 43)") == ("Waiting list", 43)


def test_completers_and_non_completers_are_no_arms():
    assert not is_arm_header("Non-completer (n2 = 38)")
    assert not is_arm_header("Completers")
    assert is_arm_header("Completers Placebo (n = 14)")      # the completers of an arm are still that arm
    assert outcome_split({1: "Completer (n1 = 140)", 2: "Non-completer (n2 = 38)"})
    rows = _rows(_COMPLETERS, "| Characteristic | Completer (n1 = 140) | Non-completer (n2 = 38) | p value |",
                 "Table 2. Participants' characteristics by study completion status")
    assert not [r for r in rows if r.get("measure") in ("MEAN", "PROPORTION")]
