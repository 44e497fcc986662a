"""Bare counts of a characteristic's categories printed in a second label column beside it ("Thyromental distance |
< 4 cm ~ < 6 cm | 13 | 12 | 14", then "Thyromental distance | >= 6 cm | 7 | 8 | 6"): each characteristic's
categories add up to every arm's n, so its cells count patients (table_reader._counted_rows), and a category bounded
by a measure with its unit ("< 4 cm") is a label, no figure (table_reader._text_column). The table is shaped like an
airway-assessment table of a trial report, numbers and names invented."""
from __future__ import annotations

from table_grids import read_pipe_table

_TEXT = """Sixty patients were randomly assigned to nasotracheal intubation with laryngoscope A, B or C (groups A, \
B and C).
Table 1. Characteristics and airway assessment data of the patients.
|  |  | Group A (n = 20) | Group B (n = 20) | Group C (n = 20) | P value |
| Sex | Man | 12 | 11 | 13 | 0,85 NS |
| Sex | Woman | 8 | 9 | 7 | 0,85 NS |
| Age: years | Age: years | 41.2 ± 11.5 | 39.8 ± 12.9 | 40.6 ± 10.4 | 0,88 NS |
| Thyromental distance | < 4 cm ~ < 6 cm | 13 | 12 | 14 | 0,82 NS |
| Thyromental distance | ≥ 6 cm | 7 | 8 | 6 | 0,82 NS |
| Interincisal distance | < 3 cm ~ <4 cm | 4 | 6 | 5 | 0.79 NS |
| Interincisal distance | ≥ 4 cm | 16 | 14 | 15 | 0.79 NS |
| Neck mobility | Normal (> 90°) | 18 | 19 | 17 | 0,64 NS |
| Neck mobility | Abnormal (< 90°) | 2 | 1 | 3 | 0,64 NS |
"""


def _rows():
    return read_pipe_table(_TEXT, "|  |  | Group A (n = 20) | Group B (n = 20) | Group C (n = 20) | P value |",
                           "Table 1. Characteristics and airway assessment data of the patients.")[1]


def test_bare_counts_of_categories_in_a_second_label_column_are_counts_of_each_arm():
    rows = _rows()
    counted = {(r["outcome"], r["intervention"]): (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counted[("Thyromental distance: < 4 cm ~ < 6 cm", "group a")] == (13, 20)
    assert counted[("Thyromental distance: ≥ 6 cm", "group c")] == (6, 20)
    assert counted[("Interincisal distance: < 3 cm ~ <4 cm", "group b")] == (6, 20)
    assert counted[("Neck mobility: Abnormal (< 90°)", "group c")] == (3, 20)
    assert counted[("Sex: Woman", "group b")] == (9, 20)
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert [(r["outcome"], r["value"], r["sd"]) for r in means][:1] == [("Age: years", 41.2, 11.5)]
    assert len(means) == 3


def test_a_bounded_category_with_its_unit_is_a_label_and_a_bound_p_value_is_not():
    from evidence_review.extract.table_reader import _text_column
    labels = {r: {1: {"text": t}} for r, t in enumerate(["< 4 cm ~ < 6 cm", "≥ 6 cm", "Normal (> 90°)"])}
    assert _text_column(labels, 1)
    p_values = {r: {1: {"text": t}} for r, t in enumerate(["< 0.001", "<0.05 NS", "0.12"])}
    assert not _text_column(p_values, 1)


_BANDS_TEXT = """Ninety patients were randomly assigned to a coaching programme (CP) or to usual care (UC).
Table 2. Characteristics of the participants at baseline (N = 90).
| Characteristics |  | CP (n = 45) f (%) | UC (n = 45) f (%) | χ2, P |
| Sex | Male | 20 (44.44) | 22 (48.89) | 0.82, 0.36 |
|  | Female | 25 (55.56) | 23 (51.11) | 0.82, 0.36 |
| Age | 20-34 | 14 (31.11) | 12 (26.67) | 1.05, 0.31 |
|  | 35-49 | 21 (46.67) | 24 (53.33) | 1.05, 0.31 |
|  | 50 or above | 10 (22.22) | 9 (20.00) | 1.05, 0.31 |
| Monthly income | <8,000 | 7 (15.56) | 9 (20.00) | 1.44, 0.23 |
|  | 8,001-16,000 | 30 (66.67) | 28 (62.22) | 1.44, 0.23 |
|  | >16,000 | 8 (17.78) | 8 (17.78) | 1.44, 0.23 |
| Employment status | Employed | 19 (42.22) | 17 (37.78) | 1.61, 0.20 |
|  | Unemployed | 16 (35.56) | 19 (42.22) | 1.61, 0.20 |
|  | Retired | 10 (22.22) | 9 (20.00) | 1.61, 0.20 |
| Living | Alone | 12 (26.67) | 15 (33.33) | 0.47, 0.49 |
|  | With family | 33 (73.33) | 30 (66.67) | 0.47, 0.49 |
"""


def test_bands_of_numbers_among_word_categories_keep_the_second_column_a_label_column():
    # "Age | 20-34" then "| 35-49": the age and income bands are categories of the row group above, as "Female" is
    rows = read_pipe_table(_BANDS_TEXT, "| Characteristics |  | CP (n = 45) f (%) | UC (n = 45) f (%) | χ2, P |",
                           "Table 2. Characteristics of the participants at baseline (N = 90).")[1]
    counted = {(r["outcome"], "uc" if "care" in r["intervention"] else "cp"): (r["events"], r["total"])
               for r in rows if r["measure"] == "PROPORTION"}
    assert counted[("Sex: Female", "uc")] == (23, 45)
    assert counted[("Age: 35-49", "cp")] == (21, 45)
    assert counted[("Age: 50 or above", "uc")] == (9, 45)
    assert counted[("Employment status: Retired", "cp")] == (10, 45)
    assert sum(1 for o, _ in counted if o.startswith("Monthly income: ")) == 6
    assert len(counted) == 26


def test_a_column_of_bands_alone_is_no_label_column():
    from evidence_review.extract.subgroups import category_band
    from evidence_review.extract.table_reader import _text_column
    assert category_band("10,001-20,000") and category_band("50 or above") and category_band("<6")
    assert not category_band("3 (2-5)") and not category_band("12.5")
    mixed = {r: {1: {"text": t}} for r, t in enumerate(["Male", "Female", "18-29", "30-39", "Employed"])}
    assert _text_column(mixed, 1)
    intervals = {r: {1: {"text": t}} for r, t in enumerate(["0.14-1.04", "2-5", "Male"])}
    assert not _text_column(intervals, 1)
