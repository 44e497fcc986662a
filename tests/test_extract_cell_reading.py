"""The permissive cell reader (extract/cell_reading.py): any spelling of a declared format's figures, and the
readings the format, the order of the numbers or the arm's size forbid. Cells written for these tests."""
import pytest

from evidence_review.extract import arm_cells, table_reader
from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.cell_reading import read_cell, share_agrees, tokenize


# ------------------------------------------------------------------------------------------ tokens
@pytest.mark.parametrize("cell, signature", [
    ("17 (42.5%)", "N (N%)"),
    ("17 (42.5 %)", "N (N%)"),
    ("17 (% 42.5)", "N (N%)"),
    ("63.2 ± 7.4", "N ± N"),
    ("63.2 +/- 7.4", "N ± N"),
    ("63.2 \u00b1(7.4)", "N \u00b1 (N)"),
    ("14 [9 \u2013 22]", "N [N - N]"),
    ("14 {9 to 22}", "N {N to N}"),
    ("14 (9; 22)", "N (N; N)"),
    ("14 (9\u223622)", "N (N:N)"),
    ("14 (9-22) [3-41]", "N (N - N) [N - N]"),
    ("7.9 (SD 2.1)", "N (SD N)"),
    ("7.9 (S.D.=2.1)", "N (SD N)"),
    ("14 (IQR: 9-22)", "N (IQR N - N)"),
    ("14 (min-max 3-41)", "N (RANGE N - N)"),
    ("3\u00b78 (1\u00b72)", "N (N)"),
    ("-0.41 (\u22121.10 to 0.28)", "N (N to N)"),
    ("11/52 (21.2)", "N/N (N)"),
    ("7.9 SD 2.1", "N SD N"),
    ("14 (IQR9-22)", "N (IQR N - N)"),
])
def test_a_cell_is_read_as_its_numbers_and_their_structure(cell, signature):
    assert tokenize(cell).signature == signature


@pytest.mark.parametrize("cell", ["14.2 (3.1) kg", "14.2 (3.1) mm Hg", "14 (33%) patients", "14.2 \u00b1 3.1 mmol/L"])
def test_the_unit_after_a_figure_is_left_aside(cell):
    assert tokenize(cell) is not None


def test_a_number_keeps_its_sign_decimals_and_percent_sign():
    outer = tokenize("\u22123,25 (12 %)")
    first, = outer.outer.numbers
    share, = outer.brackets[0].numbers
    assert (first.value, first.decimals, first.percent) == (-3.25, 2, False)
    assert (share.value, share.percent, share.whole) == (12, True, True)


@pytest.mark.parametrize("cell", [
    "Stage II 14 (33%)",            # words before the figure
    "14 (33%) of which 5 (12%)",    # words between figures
    "14 ((33%))",                   # a bracket inside a bracket
    "14 (33%",                      # a bracket left open
    "T3N1M0",                       # letters glued before digits
    "8.4 (2.2+ to 15.1+)",          # a censored follow-up
    "14 (33%) had a relapse",       # a phrase after the figure, not its unit
    "14 (33%) not confirmed",
])
def test_a_cell_the_reader_does_not_read(cell):
    assert tokenize(cell) is None


# ------------------------------------------------------------------------------------------ mean and its spread
@pytest.mark.parametrize("cell", ["63.2 \u00b1(7.4)", "63.2 \u00b1 [7.4]", "63.2 +/- 7.4 kg", "63.2 (SD=7.4)", "63.2 {7.4}",
                                  "63.2 [SD 7.4] kg/m2", "63,2 \u00b1 7,4", "63\u00b72 (7\u00b74)"])
def test_a_mean_and_its_sd_in_any_spelling_under_mean_sd(cell):
    found = read_cell(cell, "mean_sd", 31)
    assert (found.measure, found.value, found.sd, found.se) == ("MEAN", 63.2, 7.4, None)


def test_a_spread_under_mean_se_is_the_standard_error():
    found = read_cell("5.6 {0.9}", "mean_se", 40)
    assert (found.measure, found.value, found.sd, found.se) == ("MEAN", 5.6, None, 0.9)


def test_a_spread_named_between_the_figures_without_a_bracket():
    found = read_cell("5.6 SD 1.9", "", None)
    assert (found.measure, found.sd, found.se) == ("MEAN", 1.9, None)
    found = read_cell("5.6, SEM 0.4", "mean_sd", None)
    assert (found.sd, found.se) == (None, 0.4)
    assert read_cell("5.6 1.9", "mean_sd", None) is None      # two figures and nothing between them


def test_a_bracket_named_se_is_the_standard_error_without_a_format():
    found = read_cell("5.6 (SEM 0.9)", "", None)
    assert (found.measure, found.se, found.sd) == ("MEAN", 0.9, None)


def test_a_plus_stands_for_the_plus_minus_only_under_a_mean_format():
    assert read_cell("5.6 + 0.9", "mean_sd", 20).sd == 0.9
    assert read_cell("5.6 + 0.9", "", 20) is None


def test_a_mean_sd_and_a_range_after_it():
    found = read_cell("48 \u00b1 11 [range: 22 to 79]", "n_pct", None)
    assert (found.value, found.sd, found.range_low, found.range_high) == (48, 11, 22, 79)


def test_a_pair_narrower_than_the_sd_is_the_mean_interval_not_its_range():
    found = read_cell("48.0 \u00b1 11.0 (44.1 \u2013 51.9)", "", None)
    assert (found.ci_low, found.ci_high, found.range_low) == (44.1, 51.9, None)


def test_a_mean_with_two_spreads_named_or_declared():
    found = read_cell("7.3 (SD 2.2) [SE 0.4]", "", None)
    assert (found.value, found.sd, found.se) == (7.3, 2.2, 0.4)
    found = read_cell("7.3 {2.2} (SEM 0.4)", "mean_sd", None)
    assert (found.sd, found.se) == (2.2, 0.4)
    found = read_cell("7.3 \u00b1 2.2 (SE 0.4)", "", None)
    assert (found.sd, found.se) == (2.2, 0.4)


def test_two_spreads_that_cannot_be_told_apart_or_do_not_fit_are_no_reading():
    assert read_cell("7.3 (2.2) (0.4)", "mean_sd", None) is None      # neither named
    assert read_cell("7.3 (2.2) [SE 0.4]", "", None) is None          # the other not declared
    assert read_cell("7.3 (SD 0.4) [SE 2.2]", "", None) is None       # an SD below its SE
    assert read_cell("7.3 (SD 2.2) [SE 0.4]", "median_iqr", None) is None


def test_a_plus_minus_typed_with_two_characters_glued():
    found = read_cell("45.2+-10.1 kg", "mean_sd", None)
    assert (found.value, found.sd) == (45.2, 10.1)


def test_a_mean_sd_and_range_in_two_brackets():
    found = read_cell("3.1 (1.1) {1-6}", "mean_sd", None)
    assert (found.value, found.sd, found.range_low, found.range_high) == (3.1, 1.1, 1, 6)


def test_a_mean_with_its_interval_under_mean_ci_in_any_order():
    found = read_cell("-3.5 (-0.9 to -6.1)", "mean_ci", 50)
    assert (found.measure, found.ci_low, found.ci_high) == ("MEAN", -6.1, -0.9)
    assert read_cell("12.2 [10.4; 14.0]", "mean_ci", 50).ci_high == 14.0


def test_under_median_sd_the_cell_is_a_median_with_its_declared_spread():
    # "Median ± SD" ("Data are median ± standard deviation"): the median, its spread stored as printed
    found = read_cell("4.5 \u00b1(1.2)", "median_sd", 30)
    assert (found.measure, found.value, found.sd, found.q1) == ("MEDIAN", 4.5, 1.2, None)
    found = read_cell("4.5 (SE 0.3)", "median_sd", 30)
    assert (found.measure, found.value, found.sd, found.se) == ("MEDIAN", 4.5, None, 0.3)
    assert read_cell("4.5 \u00b1 1.2 (2-9)", "median_sd", 30) is None      # nothing after the declared spread


def test_a_printed_plus_minus_or_sd_says_a_mean_under_another_median_format():
    assert read_cell("4.5 \u00b1(1.2)", "median_iqr", 30).measure == "MEAN"
    assert read_cell("4.5 [SD 1.2]", "median", 30).sd == 1.2


def test_a_range_that_does_not_hold_the_mean_is_no_reading():
    assert read_cell("48 \u00b1 11 [52-79]", "mean_sd", None) is None


# ------------------------------------------------------------------------------------------ median and its spread
@pytest.mark.parametrize("cell", ["19 (12-27)", "19 [12; 27]", "19 {12, 27}", "19 (12 to 27)", "19 (12/27)", "19 (12:27)",
                                  "19 (12\u223627)", "19 [12\u201327] days"])
def test_a_median_and_its_quartiles_with_any_separator_under_median_iqr(cell):
    found = read_cell(cell, "median_iqr", 44)
    assert (found.measure, found.value, found.q1, found.q3) == ("MEDIAN", 19, 12, 27)


def test_quartiles_named_in_the_bracket_without_a_format():
    found = read_cell("19 (IQR 12\u201327)", "", None)
    assert (found.measure, found.q1, found.q3) == ("MEDIAN", 12, 27)
    found = read_cell("19 (Q1-Q3: 12; 27)", "", None)
    assert (found.measure, found.q1, found.q3) == ("MEDIAN", 12, 27)


def test_a_median_and_its_range_under_median_range():
    found = read_cell("6.5 [1; 30]", "median_range", 44)
    assert (found.measure, found.range_low, found.range_high, found.q1) == ("MEDIAN", 1, 30, None)


def test_a_median_with_quartiles_and_range():
    found = read_cell("19 (12-27; 3-60)", "median_iqr", None)
    assert (found.q1, found.q3, found.range_low, found.range_high) == (12, 27, 3, 60)
    found = read_cell("19 [12, 27] (3, 60)", "median_iqr", None)
    assert (found.q1, found.q3, found.range_low, found.range_high) == (12, 27, 3, 60)


def test_quartiles_out_of_order_are_no_reading():
    assert read_cell("19 (22-27)", "median_iqr", 44) is None
    assert read_cell("19 (12-27; 14-60)", "median_iqr", None) is None


def test_an_unnamed_pair_without_a_format_stays_unread():
    # a median (IQR), a median (range) or a mean (95% CI): the shape alone does not say
    assert read_cell("19 (12; 27)", "", None) is None
    assert read_cell("19 [12, 27]", "", 40) is None


def test_a_slash_or_ratio_pair_is_no_interval_of_a_mean():
    assert read_cell("19 (12/27)", "mean_ci", 40) is None
    assert read_cell("19 (12:27)", "median_range", 40) is None


# ------------------------------------------------------------------------------------------ counts and shares
@pytest.mark.parametrize("cell", ["9 (22.5%)", "9 [22.5 %]", "9 {22.5}", "9 (% 22.5)", "9 (22,5%)", "9 (22\u00b75)"])
def test_a_count_and_its_share_under_n_pct(cell):
    found = read_cell(cell, "n_pct", 40)
    assert (found.measure, found.events, found.total, found.pct_text) == ("PROPORTION", 9, 40, "22.5")


def test_a_share_then_its_count_under_pct_n():
    found = read_cell("22.5 % {9}", "pct_n", 40)
    assert (found.events, found.total) == (9, 40)


def test_a_count_with_a_share_that_does_not_fit_the_arm_is_no_reading():
    assert read_cell("9 {35.0}", "n_pct", 40) is None
    assert read_cell("52 [61]", "n_pct", 40) is None       # a count above the arm's size


def test_a_share_above_a_hundred_is_no_share():
    assert read_cell("9 {135}", "n_pct", None) is None


def test_a_count_and_a_bracketed_number_without_a_format_stays_unread():
    # a count with its share or a mean with its SD: the shape alone does not say; with its "%" the ordinary
    # spellings are the grammar's, and others stay unread
    assert read_cell("9 {22.5}", "", 40) is None
    assert read_cell("9 {22.5 %}", "", 40) is None
    assert read_cell("22.5 % {9}", "", 40) is None


def test_a_share_and_the_count_of_its_total_is_a_proportion_whatever_the_row_says():
    found = read_cell("35 % (14/40)", "mean_ci", 44)
    assert (found.measure, found.events, found.total) == ("PROPORTION", 14, 40)
    assert read_cell("35 % (14/60)", "mean_ci", 44) is None     # 14/60 is 23 %, no share of 35 %


def test_a_count_of_a_total_with_a_share_that_disagrees_is_no_reading():
    assert read_cell("14/40 {52 %}", "n_pct", None) is None
    assert read_cell("14/40 {35 %}", "n_pct", None).total == 40


def test_a_bound_is_no_figure():
    assert read_cell("<5 (12%)", "n_pct", None) is None


# ------------------------------------------------------------------------------------------ through the table reader
def test_the_table_reader_reads_a_new_spelling_it_has_no_production_for():
    found = parse_arm_cell("63.2 \u00b1(7.4)", "mean_sd", 31)
    assert (found["measure"], found["value"], found["sd"], found["total"], found["value_text"]) == \
        ("MEAN", 63.2, 7.4, 31, "63.2 \u00b1(7.4)")
    found = parse_arm_cell("19 (12; 27)", "median_iqr", 44)
    assert (found["measure"], found["q1"], found["q3"]) == ("MEDIAN", 12, 27)


def test_the_table_reader_keeps_the_grammar_reading_where_it_has_one():
    found = parse_arm_cell("31 (34.1)", "n_pct", 91)
    assert (found["events"], found["total"], found["pct_text"]) == (31, 91, "34.1")


# ------------------------------------------------------------------------------------------ one owner of each piece
@pytest.mark.parametrize("events, total, pct_text, rounded, truncated", [
    (17, 40, "42.5", True, True),        # exact
    (11, 30, "36.7", True, True),        # 36.666... rounded to one decimal
    (11, 30, "36", False, True),         # truncated: a point below, admitted only with `truncated`
    (11, 30, "38", False, False),        # 1.33 points away: neither
    (9, 0, "10", False, False),          # no size, no share of it
    (3, 20, "n/a", False, False),        # no printed number
])
def test_a_printed_share_agrees_with_its_count_within_its_rounding(events, total, pct_text, rounded, truncated):
    assert share_agrees(events, total, pct_text) is rounded
    assert share_agrees(events, total, pct_text, truncated=True) is truncated


def test_an_arm_cell_is_read_in_one_module():
    # the arm-cell chain lives in arm_cells.py only: the table reader imports it and keeps no copy of its own
    for name in ("_read_arm_cell", "_count_within_arm", "_events_of_share", "_bracket_cell", "_pct_agrees",
                 "_proportion", "_mean", "_median"):
        assert not hasattr(table_reader, name), name
    assert table_reader.parse_arm_cell is arm_cells.parse_arm_cell
    assert arm_cells.share_agrees is share_agrees


# ------------------------------------------------------------------------------------------ a range, its centre after it
@pytest.mark.parametrize("cell, hint, expected", [
    ("21-70 (44)", "", ("MEDIAN", 44.0, 21.0, 70.0)),
    ("2 to 31 (9.5)", "median_range", ("MEDIAN", 9.5, 2.0, 31.0)),
    ("21–70 (44)", "mean_range", ("MEAN", 44.0, 21.0, 70.0)),
])
def test_a_range_printed_before_its_centre(cell, hint, expected):
    r = read_cell(cell, hint, 40)
    assert (r.measure, r.value, r.range_low, r.range_high) == expected


@pytest.mark.parametrize("cell, hint", [
    ("21-70 (85)", ""),          # the bracket outside the range: no centre of it
    ("21-70 (44%)", ""),         # a share
    ("21-70 (44)", "n_pct"),     # counts declared
    ("5-5 (5)", ""),             # no range
])
def test_a_range_and_a_bracket_that_is_no_centre_of_it(cell, hint):
    assert read_cell(cell, hint, 40) is None
