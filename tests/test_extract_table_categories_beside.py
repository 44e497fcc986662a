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
