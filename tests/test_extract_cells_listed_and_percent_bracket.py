"""Two arm-cell shapes of the grammar (arm_cells.parse_arm_cell):
- a whole count with its share printed with "%" in the bracket ("26 (76%)") under a column or row of means: the
  count and its share, never a mean whose SD is a percentage (arm_cells._COUNT_THEN_PERCENT);
- a mean and its spread listed with a comma in a row declaring "mean, s.d." ("29.13, 9.87", "17,915, 6,594",
  "27.71, 10.10, 3-36 months" with the range after them): the mean with its SD (and range); two rising positive
  figures stay unread there, as likely an interval's bounds (arm_cells._COMMA_LISTED_SPREAD)."""
from __future__ import annotations

import pytest

from evidence_review.extract.arm_cells import parse_arm_cell


@pytest.mark.parametrize("hint", ["mean_sd", "median_iqr", "mean"])
def test_a_count_with_a_percent_share_in_its_bracket_is_no_mean(hint):
    found = parse_arm_cell("17 (68%)", hint, 25)
    assert found["measure"] == "PROPORTION" and found["events"] == 17 and found["total"] == 25


def test_a_mean_of_a_percentage_with_its_sd_in_percent_stays_a_mean():
    assert parse_arm_cell("91.2% (8.1%)", "mean_sd", 40)["sd"] == 8.1
    assert parse_arm_cell("12.4 (3.1)", "mean_sd", 40)["sd"] == 3.1


@pytest.mark.parametrize("cell, value, sd, bounds", [
    ("31.42, 8.76", 31.42, 8.76, (None, None)),
    ("21,408, 5,127", 21408.0, 5127.0, (None, None)),
    ("25.60, 11.30, 2\u201340 months", 25.6, 11.3, (2.0, 40.0)),
])
def test_a_mean_and_its_sd_listed_with_a_comma(cell, value, sd, bounds):
    found = parse_arm_cell(cell, "mean_sd", 58)
    assert (found["measure"], found["value"], found["sd"], found["total"]) == ("MEAN", value, sd, 58)
    assert (found["range_low"], found["range_high"]) == bounds


def test_rising_listed_figures_or_an_undeclared_row_are_not_a_mean_with_its_sd():
    assert parse_arm_cell("71.5, 94.2", "mean_sd", 58) is None
    # a negative lower bound before a positive upper one: a CI column's "-0.41, 1.17" in a table of means (a
    # negative mean listed before its SD reads the same, and is left unread with it)
    assert (parse_arm_cell("-0.41, 1.17", "mean_sd", 21) or {}).get("sd") is None
    assert (parse_arm_cell("31.42, 8.76", "median_iqr", 58) or {}).get("sd") is None
