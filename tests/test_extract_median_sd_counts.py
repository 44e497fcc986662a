"""A count with its share of the arm ("12 (30.0)" of 40) under a declared "Median ± SD" stays no median: the cell's
shape decides, as under any declared centre (arm_cells._bracket_cell)."""
from __future__ import annotations

from evidence_review.extract.arm_cells import parse_arm_cell


def test_a_count_with_its_share_is_no_median_with_an_sd():
    assert parse_arm_cell("12 (30.0)", "median_sd", 40) is None
    found = parse_arm_cell("4.5 (1.2)", "median_sd", 40)
    assert (found["measure"], found["value"], found["sd"]) == ("MEDIAN", 4.5, 1.2)
