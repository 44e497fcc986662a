"""One arm's mean and spread printed in shapes the cell readers missed: a range whose bounds a division sign
separates ("[48 ÷ 86]", Central European print) and a unit printed after the SD and again in the range's bracket."""
from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.textscan import scan_view


def _read(cell: str, hint: str = "", n: int | None = 40) -> dict | None:
    # the table reader hands every cell over in its scan view
    return parse_arm_cell(scan_view(cell), hint, n)


def test_division_sign_between_range_bounds_is_a_range():
    row = _read("6.3 ± 2.1 [0 \u00f7 12]")
    assert row["measure"] == "MEAN" and (row["value"], row["sd"]) == (6.3, 2.1)
    assert (row["range_low"], row["range_high"]) == (0.0, 12.0)


def test_division_sign_range_under_a_mean_sd_header():
    row = _read("27.2 ± 4.4 [15 \u00f7 38]", "mean_sd")
    assert (row["value"], row["sd"], row["range_low"], row["range_high"]) == (27.2, 4.4, 15.0, 38.0)


def test_unit_after_mean_sd_and_again_in_the_range():
    row = _read("66.5 ± 8.1 years [45 \u00f7 84 years]")
    assert row["measure"] == "MEAN" and (row["value"], row["sd"]) == (66.5, 8.1)
    assert (row["range_low"], row["range_high"]) == (45.0, 84.0)


def test_unit_after_one_figure_before_its_bracket_still_read():
    row = _read("24.8 years (\u00b10.5)")
    assert (row["value"], row["sd"]) == (24.8, 0.5)


def test_scan_view_keeps_length_with_division_sign():
    text = "range 0 \u00f7 15 points"
    assert len(scan_view(text)) == len(text) and scan_view(text) == "range 0 - 15 points"
