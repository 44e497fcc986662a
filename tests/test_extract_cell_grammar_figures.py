"""Figures a table cell prints that the cell grammar reads as numbers (grammar.FIGURE, grammar.decimal_comma):
a negative figure without its leading zero ("-.31 (.14)") under a section heading whose quantity's name opens with
"Median", a first figure with a decimal comma beside an SEM with a decimal point ("-0,0311 (0.052)": the comma no
thousands separator prints), and medians whose quartiles are listed with a comma after a lone zero ("110 (0,150)"),
a bracket holding its value that shows no decimal comma."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.cells import bracket_lists_table, decimal_comma_table
from evidence_review.extract.grammar import decimal_comma, parse_number, with_leading_decimal_comma


def test_a_comma_no_thousands_separator_prints_is_a_decimal():
    assert decimal_comma("0,314") and decimal_comma("-0,0311") and decimal_comma("0,2571") and decimal_comma("12,5")
    assert not decimal_comma("1,039") and not decimal_comma("12,500") and not decimal_comma("120")
    assert parse_number("0,314") == 0.314 and parse_number("1,039") == 1039
    # the cell's first figure only; a bracket's comma is the table's to decide
    assert with_leading_decimal_comma("-0,0311 (0.052)") == "-0.0311 (0.052)"
    assert with_leading_decimal_comma("110 (0,150)") == "110 (0,150)"
    assert with_leading_decimal_comma("1,039 (45.2)") == "1,039 (45.2)"


def test_a_decimal_comma_mean_beside_a_decimal_point_sem():
    found = parse_arm_cell("-0,0311 (0.052)", "mean_se", 310)
    assert found["measure"] == "MEAN" and found["value"] == -0.0311 and found["se"] == 0.052
    # never the thousands "314" nor "-375"
    assert parse_arm_cell("0,314 (0.061)", "mean_se", 290)["value"] == 0.314
    assert parse_arm_cell("-0,375 (0.04)", "mean_se", 290)["value"] == -0.375
    assert parse_arm_cell("0,2571 (0.058)", "mean_se", 290)["value"] == 0.2571


def test_a_z_score_table_with_decimal_comma_means_is_read():
    table = """|  |  | Weight | Length |
| 8 Weeks | Formula A | -0,0311 (0.052) | 0,0517 (0.055) |
|  | Formula B | -0,0092 (0.051) | 0,0402 (0.053) |
| 16 Weeks | Formula A | -0,0407 (0.046) | 0,0911 (0.049) |
|  | Formula B | 0,314 (0.061) | -0,375 (0.05) |
"""
    text = ("Infants were randomised to formula A (n = 310) or formula B (n = 305).\n"
            "Table 2. Weight and length for-age z-scores, mean (SEM).\n" + table)
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Weight and length for-age z-scores, mean (SEM).")
    means = {(r["outcome"], r["intervention"], r["timepoint"]): (r["value"], r["se"]) for r in rows if r["measure"] == "MEAN"}
    assert means[("Weight", "formula a", "8 weeks")] == (-0.0311, 0.052)
    assert means[("Length", "formula b", "16 weeks")] == (-0.375, 0.05)
    assert means[("Weight", "formula b", "16 weeks")] == (0.314, 0.061)


def test_negative_means_without_their_leading_zero_under_a_median_named_quantity():
    table = """| Parameter | Active (n = 26) | Sham (n = 26) |
| Pain score | 41.2 (13.9) | 44.0 (15.1) |
| Median frequency slope of right muscles |  |  |
| Multifidus | -.31 (.14) | -.27 (.12) |
| Gluteus maximus | -.08 (.11) | .04 (.09) |
"""
    caption = "Table 2. Mean and SD of outcome measures for the two groups"
    text = "Patients were randomly assigned to active (n = 26) or sham (n = 26) stimulation.\n" + caption + "\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption=caption)
    means = {(r["outcome"], r["intervention"]): (r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    slopes = {k: v for k, v in means.items() if "Multifidus" in k[0] or "Gluteus" in k[0]}
    assert sorted(slopes.values()) == [(-0.31, 0.14), (-0.27, 0.12), (-0.08, 0.11), (0.04, 0.09)]


def test_a_bracket_holding_its_value_lists_bounds_not_a_decimal_comma():
    cells = ["110 (0,150)", "620 (0,1240)", "70 (0,50)", "0 (0,30)", "300 (260,620)"]
    # "(0,50)" alone would show a decimal comma; the brackets that hold their value list quartiles
    assert not decimal_comma_table(cells)
    assert bracket_lists_table(cells)
    # a table of shares with decimal commas stays one
    assert decimal_comma_table(["12 (52,9)", "8 (34,8)"])


def test_medians_with_quartiles_after_a_lone_zero():
    table = """|  | Day 0 | Day 28 |
| Strain A |  |  |
| Treatment | 110 (0,150) | 620 (0,1240) |
| Placebo | 70 (0,50) | 600 (300,900) |
"""
    caption = "Table 2. Median, 25% and 75% quartile of titers."
    text = "Children were randomised to treatment (n = 52) or placebo (n = 49).\n" + caption + "\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption=caption)
    medians = {(r["intervention"], r["timepoint"]): (r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"}
    assert medians[("treatment", "day 0")] == (110, 0, 150)
    assert medians[("treatment", "day 28")] == (620, 0, 1240)
    assert medians[("placebo", "day 28")] == (600, 300, 900)


def test_medians_with_quartiles_printed_lo_colon_hi_under_a_mixed_declaration():
    from evidence_review.extract.declared_formats import format_for_cell
    assert format_for_cell(("mean_sd", "median_iqr"), "0 (0:3)", "Platelets (units)", 12) == "median_iqr"
    assert format_for_cell(("mean_sd", "median_iqr"), "1 (0:4)", "FFP (units)", 12) == "median_iqr"
    # a ratio holds no centre between its figures
    assert format_for_cell(("mean_sd", "median_iqr"), "12 (1:2)", "Ratio", 12) == ""
    table = """|  | Control group (n = 12) | Warmed group (n = 12) | P value |
| Age (years) | 54.1 ± 9.2 | 51.7 ± 10.4 | 0.55 |
| Platelets (units) | 0 (0:3) | 1 (0:2) | 0.71 |
| FFP (units) | 2 (0:5) | 1 (0:4) | 0.38 |
"""
    caption = "Table 1. Baseline characteristics"
    note = "Data presented as mean and standard deviation or median and interquartile range"
    text = ("Patients were randomised to the control group (n = 12) or the warmed group (n = 12).\n" + caption + "\n"
            + table + note + "\n")
    _, rows = read_pipe_table(text, table.split("\n")[0], caption=caption, footnote=note)
    medians = {(r["outcome"], r["intervention"]): (r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"}
    assert medians[("Platelets (units)", "control")] == (0, 0, 3)
    assert medians[("FFP (units)", "warmed")] == (1, 0, 4)


def test_a_median_whose_quartiles_are_itself_in_a_table_listing_bounds():
    table = """| Stage | Control (n = 12) | Warmed (n = 12) | P value |
| Dose at start (ug/min) | 0 (0,0) | 0 (0,0) | 0.99 |
| Dose at 1 h (ug/min) | 2 (0,3) | 0.5 (0,2) | 0.90 |
| Dose at 2 h (ug/min) | 6 (0,8) | 2 (0,6) | 0.23 |
"""
    caption = "Table 2. Vasoactive support"
    note = "Data presented as mean (standard deviation) or median (interquartile range)"
    text = ("Patients were randomised to control (n = 12) or warmed (n = 12) gas.\n" + caption + "\n" + table + note + "\n")
    _, rows = read_pipe_table(text, table.split("\n")[0], caption=caption, footnote=note)
    start = [r for r in rows if r["outcome"].startswith("Dose at start")]
    assert start and all(r["measure"] == "MEDIAN" and (r["value"], r["q1"], r["q3"]) == (0, 0, 0) for r in start)


def test_bare_whole_numbers_beside_means_printed_with_their_spread_count_patients():
    table = """|  | Active (N = 18) | Sham (N = 18) |
| Age (year) | 61.2±8.7 | 63.0±10.2 |
| Weight (kg) | 86.1±12.9 | 83.7±15.0 |
| Bilateral knee pain | 13 | 9 |
| Pain on walking (VAS, 100 mm) | 57.1±14.8 | 55.0±18.3 |
"""
    caption = "Table 1. Baseline characteristics of participants (mean and standard deviation)."
    text = "Participants were randomised to active (N = 18) or sham (N = 18) stimulation.\n" + caption + "\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption=caption)
    knee = {r["intervention"]: r for r in rows if r["outcome"].startswith("Bilateral")}
    assert {k: (r["measure"], r["events"], r["total"]) for k, r in knee.items()} == {
        "active": ("PROPORTION", 13, 18), "sham": ("PROPORTION", 9, 18)}
    # the means keep their spread
    assert any(r["measure"] == "MEAN" and r["value"] == 61.2 and r["sd"] == 8.7 for r in rows)
