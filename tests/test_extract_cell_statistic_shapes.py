"""Cells printing a statistic in a shape with two brackets or with a part left out (cells.statistic_shapes): a mean,
its SD and its range ("2.4 (0.8) [1-5]"), a median, its quartiles and its range ("30 (20-45) [10-90]"), a count's share
printed without the count ("(52.9)" under "n (%)"), and the two categories of a pair label in one cell with a
semicolon or comma between ("22 (55); 18 (45)" under "Sex (male/female)"). Each shape is tried in several spellings,
with negatives where the format rules the reading out."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.cells import statistic_shapes
from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.textscan import scan_view


def _read(cell: str, hint: str, n: int | None) -> dict | None:
    return parse_arm_cell(scan_view(cell), hint, n)


@pytest.mark.parametrize("cell, hint", [
    ("2.4 (0.8) [1\u20135]", "mean_sd"),
    ("2.4 (0.8) [1-5]", ""),
    ("2.4 \u00b1 0.8 [1, 5]", ""),
    ("2.4 (SD 0.8) [range 1\u20135]", ""),
    ("2.4 (0.8) [1 to 5]", "mean"),
    ("2.4(0.8)[1-5]", "mean_sd"),
])
def test_a_mean_its_sd_and_its_range_in_two_brackets(cell, hint):
    found = _read(cell, hint, 40)
    assert found is not None and found["measure"] == "MEAN"
    assert (found["value"], found["sd"], found["range_low"], found["range_high"], found["total"]) == (2.4, 0.8, 1.0, 5.0, 40)
    assert found["value_text"] == scan_view(cell).strip()


@pytest.mark.parametrize("cell, hint", [
    ("30 (20\u201345) [10\u201390]", "median"),
    ("30 (20-45) [10-90]", ""),
    ("30 [20; 45] (10-90)", "median_iqr"),
    ("30 (IQR 20\u201345) [range 10\u201390]", ""),
    ("30 [20, 45] [10, 90]", "median_iqr"),
])
def test_a_median_its_quartiles_and_its_range_in_two_brackets(cell, hint):
    found = _read(cell, hint, 40)
    assert found is not None and found["measure"] == "MEDIAN"
    assert (found["value"], found["q1"], found["q3"], found["range_low"], found["range_high"]) == (30, 20, 45, 10, 90)


@pytest.mark.parametrize("cell, hint", [
    ("30 (20-45) [10-90]", "mean_ci"),        # a mean with its interval: no quartiles
    ("30 (35-45) [10-90]", "median"),         # the median outside its own quartiles: no such statistic
    ("2.4 (0.8) [1-5]", "n_pct"),             # a count's table
    ("12 (40.0) [24.9-56.7]", "n_pct"),       # a count, its share and the share's interval: not a mean
    ("9.5 (0.8) [1-5]", "mean_sd"),           # a mean outside its range
])
def test_two_bracket_shapes_the_format_or_the_order_rules_out(cell, hint):
    found = _read(cell, hint, 40)
    assert found is None or "range_low" not in found or found["range_low"] is None


@pytest.mark.parametrize("cell, n, events", [
    ("(52.9)", 34, 18),
    ("[41.9 %]", 31, 13),
    ("( 25.0 )", 40, 10),
    ("(5%)", 40, 2),
])
def test_a_share_printed_without_its_count_under_n_pct(cell, n, events):
    found = _read(cell, "n_pct", n)
    assert found is not None and found["measure"] == "PROPORTION"
    assert (found["events"], found["total"]) == (events, n)
    assert found["flags"] == ["events_from_percentage"]


@pytest.mark.parametrize("cell, hint", [("(52.9)", "mean_sd"), ("(152.9)", "n_pct"), ("(52.9)", "median")])
def test_a_lone_bracket_is_no_share_outside_a_count_format(cell, hint):
    found = _read(cell, hint, 34)
    assert found is None or found["measure"] != "PROPORTION"


@pytest.mark.parametrize("cell, hint", [
    ("22 (55); 18 (45)", "sex_pair"),
    ("22 (55.0%), 18 (45.0%)", "pair"),
    ("22; 18", "sex_pair"),
    ("22 ; 18", "pair_words"),
    ("22 [55] ; 18 [45]", "sex_pair"),
])
def test_two_categories_in_one_cell_with_a_semicolon_or_comma(cell, hint):
    found = _read(cell, hint, 40)
    assert found is not None and (found["events"], found["total"]) == (22, 40)


def test_two_counts_with_a_semicolon_are_no_count_without_a_pair_label():
    assert _read("22 (55); 18 (45)", "n_pct", 40) is None


def test_rewrites_keep_the_cell_length():
    for cell, hint in [("2.4 (SD 0.8) [range 1, 5]", ""), ("30 (IQR 20-45) [range 10-90]", "median"),
                       ("(52.9)", "n_pct"), ("22 (55); 18 (45)", "sex_pair")]:
        assert len(statistic_shapes(cell, hint)) == len(cell)
    assert statistic_shapes("12.1 (3.4)", "mean_sd") == "12.1 (3.4)"


_METHODS = "Patients were randomly assigned to ketorolac (n = 50) or saline (n = 48).\n"


def test_a_table_of_two_bracket_cells_and_pair_cells():
    table = """| Characteristic | Ketorolac (n = 50) | Saline (n = 48) |
| Sex (male/female), n (%) | 27 (54); 23 (46) | 20 (42); 28 (58) |
| Weight, kg, mean (SD) [range] | 71.5 (9.2) [52-95] | 69.8 (10.4) [50-99] |
| Operative time, min, median (IQR) [range] | 64 (50-80) [35-140] | 70 (55-85) [30-150] |
| Wound infection, n (%) | (4.0) | (10.4) |
"""
    text = _METHODS + "Table 1. Patients and outcomes\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Patients and outcomes")
    got = {(r["measure"], r["intervention"], r["value"]): r for r in rows}
    sexes = sorted((r["intervention"], r["events"], r["total"]) for r in rows if "sex" in r["outcome"])
    assert sexes == [("ketorolac", 27, 50), ("saline", 20, 48)]
    weight = got[("MEAN", "saline", 69.8)]
    assert (weight["sd"], weight["range_low"], weight["range_high"]) == (10.4, 50, 99)
    time = got[("MEDIAN", "ketorolac", 64)]
    assert (time["q1"], time["q3"], time["range_low"], time["range_high"]) == (50, 80, 35, 140)
    infections = sorted((r["events"], r["total"]) for r in rows if r["outcome"].startswith("Wound"))
    assert infections == [(2, 50), (5, 48)]


@pytest.mark.parametrize("cell, q1, q3", [
    ("45 (25th\u201375th: 38\u201352)", 38, 52),
    ("45 (P25-P75: 38-52)", 38, 52),
    ("45 [Q1-Q3 38, 52]", 38, 52),
    ("45 (Q1: 38; Q3: 52)", 38, 52),
    ("45 (25th-75th percentile 38-52)", 38, 52),
    ("4.5 (quartiles 3.0-7.5)", 3.0, 7.5),
])
def test_a_median_whose_bracket_names_its_quartiles(cell, q1, q3):
    found = _read(cell, "", 40)
    assert found is not None and found["measure"] == "MEDIAN" and (found["q1"], found["q3"]) == (q1, q3)
    assert found.get("range_low") is None


@pytest.mark.parametrize("cell", ["45 (min 30, max 60)", "45 (min\u2013max: 30\u201360)", "45 [minimum-maximum 30-60]",
                                  "45 (Min. 30; Max. 60)"])
def test_a_median_whose_bracket_names_its_range(cell):
    found = _read(cell, "", 40)
    assert found is not None and found["measure"] == "MEDIAN"
    assert (found["range_low"], found["range_high"], found.get("q1")) == (30, 60, None)


@pytest.mark.parametrize("cell, sd, se", [("12.3 (4.1 SD)", 4.1, None), ("12.3 [0.9 SEM]", None, 0.9),
                                          ("12.3 (0.9 s.e.)", None, 0.9)])
def test_a_mean_whose_spread_is_named_after_it(cell, sd, se):
    found = _read(cell, "", 40)
    assert found is not None and found["measure"] == "MEAN" and found["se"] == se
    assert found["sd"] == sd if sd is not None else found["sd"] == pytest.approx(0.9 * 40 ** 0.5)


def test_a_bound_named_in_a_bracket_needs_both_bounds_named():
    # "(min 30, 60)": one bound named, the other not: not read as a range
    found = _read("45 (min 30, 60)", "", 40)
    assert found is None or found.get("range_low") is None


@pytest.mark.parametrize("label, reading", [
    ("Female (%)", "pct"), ("Men, %", "pct"), ("Current smokers (%)", "pct"), ("History of stroke, %", "pct"),
    ("Patients with diabetes (%)", "pct"), ("Postoperative infection, %", "pct"), ("Asian (%)", "pct"),
    ("Overall response (%)", "pct"), ("Family history of CAD (%)", "pct"), ("Statin use, %", "pct"), ("Stage III (%)", "pct"),
    ("HbA1c (%)", "mean"), ("Ejection fraction, %", "mean"), ("FEV1, % predicted", "mean"), ("Body fat (%)", "mean"),
    ("Weight loss, %", "mean"), ("Haematocrit (%)", "mean"),
    ("Variable (%)", ""), ("Diabetes: HbA1c change (%)", ""),
])
def test_what_a_bare_percent_label_names(label, reading):
    from evidence_review.extract.grammar import percent_label_reading
    assert percent_label_reading(label) == reading


def test_bare_numbers_under_a_bare_percent_label_are_shares_of_people_or_means_of_a_quantity():
    table = """| Characteristic | Ketorolac (n = 50) | Saline (n = 48) |
| Women, % | 54.0 | 41.7 |
| Current smokers (%) | 20 | 25 |
| HbA1c (%) | 6.9 | 7.1 |
| Stay longer than 3 days, % | 30 | 25 |
"""
    text = _METHODS + "Table 1. Patients\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Patients")
    got = {(r["outcome"], r["intervention"]): r for r in rows}
    women = got[("Women", "ketorolac")]
    assert (women["measure"], women["events"], women["total"]) == ("PROPORTION", 27, 50)
    smokers = got[("Current smokers", "saline")]
    assert (smokers["measure"], smokers["events"], smokers["total"]) == ("PROPORTION", 12, 48)
    hba1c = got[("HbA1c", "saline")]
    assert (hba1c["measure"], hba1c["value"]) == ("MEAN", 7.1)
    stay = next(r for r in rows if r["outcome"].startswith("Stay") and r["intervention"] == "ketorolac")
    assert (stay["measure"], stay["events"], stay["total"]) == ("PROPORTION", 15, 50)     # 30 %, not 30 of 50


def test_a_share_of_people_under_a_caption_of_means_stays_a_share():
    table = """| Characteristic | Ketorolac (n = 50) | Saline (n = 48) | P |
| Age, years | 44.1 \u00b1 9.0 | 45.3 \u00b1 8.7 | 0.5 |
| Female patients (%) | 54.0 | 41.7 | 0.2 |
| Haemoglobin A1c (%) | 6.9 | 7.1 | 0.4 |
"""
    caption = "Table 1. Patients' characteristics (mean \u00b1 SD)"
    text = _METHODS + caption + "\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption=caption)
    female = sorted((r["measure"], r["events"], r["total"]) for r in rows if r["outcome"].startswith("Female"))
    assert female == [("PROPORTION", 20, 48), ("PROPORTION", 27, 50)]
    assert sorted(r["value"] for r in rows if r["outcome"].startswith("Haemoglobin") and r["measure"] == "MEAN") == [6.9, 7.1]


@pytest.mark.parametrize("cell, hint, value, sd", [
    ("45.2 \u00b1 10.1 years", "", 45.2, 10.1),
    ("4.5 \u00b1 1.2 mm Hg", "", 4.5, 1.2),
    ("4.5\u00b11.2 mmHg", "mean_sd", 4.5, 1.2),
    ("120.5 \u00b1 15.2 mL/min", "", 120.5, 15.2),
    ("36.8 \u00b1 0.4 \u00b0C", "", 36.8, 0.4),
    ("45.2 +- 10.1", "", 45.2, 10.1),
    ("45.2+-10.1 kg", "mean_sd", 45.2, 10.1),
])
def test_a_mean_and_sd_with_a_unit_or_a_typed_plus_minus(cell, hint, value, sd):
    found = _read(cell, hint, 40)
    assert found is not None and (found["measure"], found["value"], found["sd"]) == ("MEAN", value, sd)


@pytest.mark.parametrize("cell, hint", [("12 (30.0%) [95% CI 17\u201346]", ""), ("12 (30) (17-46)", "n_pct"),
                                        ("30.0% [95% CI 17-46]", ""), ("30.0% (17-46)", "pct")])
def test_a_share_with_its_interval_is_the_count_of_the_arm(cell, hint):
    found = _read(cell, hint, 40)
    assert found is not None and (found["measure"], found["events"], found["total"]) == ("PROPORTION", 12, 40)


def test_a_lone_percentage_with_an_unnamed_pair_is_left_to_the_format():
    found = _read("7.2% (6.5-8.1)", "median_iqr", 40)
    assert found is not None and (found["measure"], found["q1"], found["q3"]) == ("MEDIAN", 6.5, 8.1)
    found = _read("7.2% (6.5-8.1)", "", 40)
    assert found is None or found["measure"] != "PROPORTION"


@pytest.mark.parametrize("label, heading, reading", [
    ("Laparoscopic", "Type of surgery", "pct"), ("II", "ASA class", "pct"), ("Primary", "Education", "pct"),
    ("Baseline", "HbA1c", "mean"), ("Week 12", "Type of surgery", ""), ("Open", "", ""),
])
def test_what_a_row_under_a_bare_percent_heading_names(label, heading, reading):
    from evidence_review.extract.grammar import percent_label_reading
    assert percent_label_reading(label, heading) == reading


def test_categories_under_a_bare_percent_heading_are_shares():
    table = """| Characteristic | Ketorolac (n = 50) | Saline (n = 48) |
| Type of anaesthesia (%) | | |
| General | 62.0 | 56.3 |
| Regional | 38.0 | 43.8 |
"""
    text = _METHODS + "Table 1. Patients\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Patients")
    got = sorted((r["outcome"].split(": ")[-1], r["intervention"], r["measure"], r["events"], r["total"]) for r in rows)
    assert got == [("General", "ketorolac", "PROPORTION", 31, 50), ("General", "saline", "PROPORTION", 27, 48),
                   ("Regional", "ketorolac", "PROPORTION", 19, 50), ("Regional", "saline", "PROPORTION", 21, 48)]


@pytest.mark.parametrize("cell, hint, measure, total", [
    ("(n=38) 45.2 \u00b1 10.1", "mean_sd", "MEAN", 38), ("n = 38: 45.2 \u00b1 10.1", "", "MEAN", 38),
    ("[n = 38] 12 (31.6)", "n_pct", "PROPORTION", 38), ("(n = 35) 44 (38-52)", "median_iqr", "MEDIAN", 35),
    ("n = 12 (30%)", "", "PROPORTION", 40),      # the count itself named "n", of the arm's 40
])
def test_the_cells_own_size_printed_before_its_figure(cell, hint, measure, total):
    found = _read(cell, hint, 40)
    assert found is not None and (found["measure"], found["total"]) == (measure, total)


@pytest.mark.parametrize("cell, hint", [("22/18", ""), ("22 / 18", "n_pct"), ("31/7 (82%)", ""), ("9/4", "count")])
def test_a_count_over_a_smaller_total_is_no_count(cell, hint):
    assert _read(cell, hint, 40) is None


def test_a_count_over_its_total_and_a_pair_stay_read():
    assert (_read("12/40", "", 40)["events"], _read("18/22", "sex_pair", 40)["events"]) == (12, 18)
    assert _read("22/18", "sex_pair", 40)["events"] == 22
