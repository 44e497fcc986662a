"""A space between the thousands of a mean ("15 678.79 ± 2589.8", as tables of rate-pressure products print it):
one figure, read only where a decimal part follows (arm_cells._without_thousands); and a sex pair printing both
shares in one bracket ("14/9 (60.9/39.1)", arm_cells.PAIR_CELL)."""
from evidence_review.extract.arm_cells import parse_arm_cell


def test_a_thousands_space_before_the_decimals_is_one_figure():
    found = parse_arm_cell("14 532.65 ± 2412.7", "", 29)
    assert (found["measure"], found["value"], found["sd"]) == ("MEAN", 14532.65, 2412.7)
    found = parse_arm_cell("8\u2009127.40 ± 901.15", "mean_sd", 30)
    assert (found["value"], found["sd"]) == (8127.4, 901.15)


def test_two_figures_with_a_space_between_stay_apart():
    found = parse_arm_cell("12 (40.0)", "", 30)
    assert found["measure"] == "PROPORTION" and found["events"] == 12
    assert parse_arm_cell("12 345", "", 30) is None or parse_arm_cell("12 345", "", 30).get("value") != 12345


def test_a_sex_pair_with_both_shares_in_one_bracket():
    # "Male/Females, n (%) | 15/8 (65.2/34.8)": 15 of the arm's 23 are the first category
    found = parse_arm_cell("15/8 (65.2/34.8)", "sex_pair", 23)
    assert (found["measure"], found["events"], found["total"]) == ("PROPORTION", 15, 23)
    assert parse_arm_cell("15/8 (65.2/34.8/1.0)", "sex_pair", 23) is None       # three shares: no pair's
