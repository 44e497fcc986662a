"""Effect and model columns of tables printed beside the arms (issue #13, the error classes of batches 50 and 51):
a difference with its "± x" beside an interval column, and the other shapes below. Every table here is written
for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

METHODS = "Patients were randomly assigned to the warmed group (n = 12) or the control group (n = 12).\n"


def _rows(caption: str, header: str, *body: str, methods: str = METHODS) -> list[dict]:
    text = methods + caption + "\n" + header + "\n" + "\n".join(body) + "\n"
    _, rows = _read(text, header, caption)
    return rows or []


def test_a_difference_with_its_plus_minus_beside_an_interval_column_is_the_estimate_and_its_se():
    # "Difference | Confidence interval (95%)" over "0.78 ± 0.3 | 0.2 to 1.4": the interval in its own column, so
    # the "± x" after the difference is its standard error, no mean of a third group
    rows = _rows("Table 3. Ventilation and length of stay",
                 "| | Control Group(n = 12) | Warmed Group(n = 12) | Difference | Confidence interval (95%) | p-value |",
                 "| Ventilation time (hours) | 27.4 ± 5.1 | 29.0 ± 5.6 | 1.6 ± 7.2 | -13.4 to 16.6 | 0.83 |",
                 "| Length of stay (hours) | 58.2 ± 22.4 | 84.1 ± 25.0 | 25.9 ± 33.5 | -44.1 to 95.9 | 0.46 |",
                 "| Hospital stay (days) | 12 (9,14) | 12 (10,15) | - | - | 0.91 |")
    got = [(r["measure"], r["value"], r["se"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"])
           for r in rows if r["measure"] not in ("MEAN", "MEDIAN")]
    assert got == [("MD", 1.6, 7.2, -13.4, 16.6, "warmed", "control"),
                   ("MD", 25.9, 33.5, -44.1, 95.9, "warmed", "control")]


def test_a_mean_with_its_spread_under_an_effect_header_without_an_interval_column_is_still_no_estimate():
    # "87.40 ± 19.30" under "HR" (a heart rate) with no interval anywhere: a mean with its spread
    rows = _rows("Table 2. Vital signs",
                 "| | Control Group(n = 12) | Warmed Group(n = 12) | HR | p-value |",
                 "| Day 1 | 27.4 ± 5.1 | 29.0 ± 5.6 | 87.40 ± 19.30 | 0.83 |")
    assert not [r for r in rows if r["measure"] not in ("MEAN", "MEDIAN")]
