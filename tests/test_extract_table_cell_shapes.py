"""How one table cell is read (arm_cells.parse_arm_cell and the statistic `_cell_format` decides for it): a statistic
declared only by the caption, a footnote or a header in any wording; count cells in every layout; pairs under a
two-category label; packed categorical cells; medians with their quartiles in any separator; a mean with a CI in an
arm column. Every table here is written for the test (names and numbers invented) in the shapes trial reports print."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.declared_formats import caption_format, label_format

_METHODS = "Patients were randomly assigned to valdoxan (n = 40) or placebo (n = 38).\n"


def _rows(table: str, caption: str, footnote: str = "", header_rows: int = 1) -> list[dict]:
    text = _METHODS + caption + "\n" + table + (footnote + "\n" if footnote else "")
    header = next(line for line in table.split("\n") if line.startswith("|"))
    _, rows = read_pipe_table(text, header, caption=caption, footnote=footnote, header_rows=header_rows)
    return rows or []


def _by_arm(rows: list[dict], measure: str) -> dict:
    return {(r["intervention"], r["outcome"]): r for r in rows if r["measure"] == measure}


# ------------------------------------------------------------------------------------------- declarations
@pytest.mark.parametrize("declaration, expected", [
    ("Baseline data (mean with SD)", "mean_sd"),
    ("Values are mean (SD)", "mean_sd"),
    ("Figures are means and standard deviations", "mean_sd"),
    ("Data are given as mean with standard deviation in square brackets", "mean_sd"),
    ("mean [SD]", "mean_sd"),
    ("Values are means, SD", "mean_sd"),
    ("Data are mean with SEM", "mean_se"),
    ("Change from baseline (mean with 95 % CI)", "mean_ci"),
    ("Values are means and 95% confidence intervals", "mean_ci"),
    ("Characteristics of both groups (median/interquartile range)", "median_iqr"),
    ("Values are medians and interquartile ranges", "median_iqr"),
    ("Median (1st / 3rd quartiles)", "median_iqr"),
    ("Median with range", "median_range"),
    ("Data are n (%)", "n_pct"),
    ("Data are numbers (percentages)", "n_pct"),
    ("Counts with percentages", "n_pct"),
    ("Frequency (%)", "n_pct"),
    ("Data are mean (SD) or n (%)", ""),       # two statistics named: the caption decides neither
])
def test_a_caption_or_footnote_declares_the_statistic_in_any_wording(declaration, expected):
    assert caption_format(declaration) == expected


@pytest.mark.parametrize("label, expected", [
    ("Weight, mean with SD", "mean_sd"),
    ("Duration of stay, median and IQR", "median_iqr"),
    ("Dose (mg/kg)", ""),
])
def test_a_row_label_declares_the_statistic_in_the_same_wordings(label, expected):
    assert label_format(label) == expected


def test_a_caption_declaring_mean_with_sd_reads_bare_value_bracket_cells_as_means_and_percent_cells_as_counts():
    rows = _rows("""| | Valdoxan | Placebo | p value |
| Age (years) | 47 (12) | 51 (14) | n.s. |
| Oedema | 25 (63 %) | 19 (50 %) | |
| Pain score | 61 (19) | 58 (22) | n.s. |
""", "Table 1. Patients at inclusion (mean with SD)")
    means = _by_arm(rows, "MEAN")
    assert (means[("valdoxan", "Age (years)")]["value"], means[("valdoxan", "Age (years)")]["sd"]) == (47, 12)
    assert (means[("placebo", "Pain score")]["value"], means[("placebo", "Pain score")]["sd"]) == (58, 22)
    counts = _by_arm(rows, "PROPORTION")
    assert (counts[("valdoxan", "Oedema")]["events"], counts[("valdoxan", "Oedema")]["total"]) == (25, 40)
    assert (counts[("placebo", "Oedema")]["events"], counts[("placebo", "Oedema")]["total"]) == (19, 38)
    assert not [r for r in rows if r["measure"] == "MEAN" and r["outcome"] == "Oedema"]


def test_a_footnote_naming_square_brackets_reads_bracketed_cells_as_means():
    rows = _rows("""| | Valdoxan | Placebo |
| Fatigue score | 44.1 [17.3] | 40.6 [15.2] |
""", "Table 2. Scores at the end of treatment", footnote="Values are mean with standard deviation in square brackets.")
    means = _by_arm(rows, "MEAN")
    assert {arm: (r["value"], r["sd"]) for (arm, _), r in means.items()} == {"valdoxan": (44.1, 17.3),
                                                                            "placebo": (40.6, 15.2)}


def test_a_label_format_the_cell_cannot_have_gives_way_to_the_tables_declaration():
    # "(range)" in the label over "39 (13)": one bracketed number is no range; the caption's "mean with SD" decides
    rows = _rows("""| | Valdoxan | Placebo |
| Mean age (years) (range) | 39 (13) | 42 (11) |
""", "Table 1. Baseline (mean with SD)")
    means = _by_arm(rows, "MEAN")
    assert {arm: (r["value"], r["sd"]) for (arm, _), r in means.items()} == {"valdoxan": (39, 13), "placebo": (42, 11)}
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


def test_a_median_caption_reads_patients_counted_as_counts_and_not_the_arms_size():
    rows = _rows("""| | Valdoxan | Placebo |
| Number of patients (randomized) | 40 | 38 |
| Age (years) | 61 (52-70) | 58 (50-66) |
| Patients on insulin | 9 | 6 |
""", "Table 1. Baseline characteristics (median/interquartile range)")
    medians = _by_arm(rows, "MEDIAN")
    assert {arm: (r["value"], r["q1"], r["q3"]) for (arm, _), r in medians.items()} == {
        "valdoxan": (61, 52, 70), "placebo": (58, 50, 66)}
    counts = _by_arm(rows, "PROPORTION")
    assert {arm: (r["events"], r["total"]) for (arm, _), r in counts.items()} == {"valdoxan": (9, 40), "placebo": (6, 38)}


def test_a_percent_unit_label_over_median_cells_reads_medians():
    # "Saturation (%)" is the unit of a measured quantity; "47.5 (41-55)" cannot be n (%)
    rows = _rows("""| | Valdoxan | Placebo |
| Saturation (%) | 47.5 (41-55) | 44.0 (39-52) |
""", "Table 3. Outcomes at 6 months")
    medians = _by_arm(rows, "MEDIAN")
    assert {arm: (r["value"], r["q1"], r["q3"]) for (arm, _), r in medians.items()} == {
        "valdoxan": (47.5, 41, 55), "placebo": (44.0, 39, 52)}


def test_a_mean_change_with_its_ci_under_a_caption_is_the_arms_mean_not_a_difference():
    rows = _rows("""| | Valdoxan | Placebo | p value |
| Pain (VAS) | −18 (−9 to −27) | −11 (−4 to −19) | 0.30 |
| Function score | 21 (12–30) | 14 (6–22) | 0.21 |
""", "Table 3. Change from baseline at 12 weeks (mean with 95 % CI)")
    assert not [r for r in rows if r["measure"] in ("MD", "MEDIAN")]
    means = _by_arm(rows, "MEAN")
    pain = means[("valdoxan", "Pain (VAS)")]
    assert (pain["value"], pain["ci_low"], pain["ci_high"]) == (-18, -27, -9)       # bounds printed high to low
    assert pain["flags"].endswith("sd_from_ci") and pain["sd"] > 0
    function = means[("placebo", "Function score")]
    assert (function["value"], function["ci_low"], function["ci_high"], function["total"]) == (14, 6, 22, 38)


# ------------------------------------------------------------------------------------------- count cells
@pytest.mark.parametrize("cell, n, events, total", [
    ("18 (45 %)", 40, 18, 40),            # a space before the percent sign
    ("3(7.5)", 40, 3, 40),                # no space before the bracket
    ("45 % (18/40)", 40, 18, 40),         # the percentage, then count/denominator
    ("45% [18 of 40]", 40, 18, 40),
    ("47.4 (18/38)", 40, 18, 38),         # the percentage without its sign, agreeing with its count
    ("18/40 (45%)", 40, 18, 40),
    ("18 of 40", 40, 18, 40),
    ("0", 40, 0, 40),
])
def test_count_cells_in_every_layout(cell, n, events, total):
    parsed = parse_arm_cell(cell, "n_pct", n)
    assert parsed is not None and parsed["measure"] == "PROPORTION"
    assert (parsed["events"], parsed["total"]) == (events, total)


def test_a_percentage_first_without_its_sign_is_not_read_as_a_count_when_it_disagrees():
    assert parse_arm_cell("12.0 (18/38)", "", 40) is None


@pytest.mark.parametrize("label, cells, outcome, first, second", [
    ("Relapse (yes/no)", ("(12/28)", "(7/31)"), "Relapse", (12, 40), (7, 38)),
    ("Relapse (yes/no)", ("12/28", "7/31"), "Relapse", (12, 40), (7, 38)),
    ("Sex (male/female)", ("22 (55 %)/18 (45 %)", "17 (45 %)/21 (55 %)"), "male sex", (22, 40), (17, 38)),
    ("Gender (M/F)", ("22/18", "17/21"), "male sex", (22, 40), (17, 38)),
    ("Affected side (left/right)", ("25 (63 %)/15 (37 %)", "20 (53 %)/18 (47 %)"), "Affected side: left", (25, 40),
     (20, 38)),
])
def test_pairs_under_a_two_category_label_count_the_first_category(label, cells, outcome, first, second):
    rows = _rows(f"""| | Valdoxan (n = 40) | Placebo (n = 38) |
| {label} | {cells[0]} | {cells[1]} |
""", "Table 1. Baseline characteristics")
    counts = {r["intervention"]: r for r in rows if r["measure"] == "PROPORTION"}
    assert {arm: (r["events"], r["total"]) for arm, r in counts.items()} == {"valdoxan": first, "placebo": second}
    assert {r["outcome"] for r in counts.values()} == {outcome}


def test_a_unit_pair_or_a_pair_that_does_not_add_up_is_not_two_categories():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Blood pressure (systolic/diastolic) | 128/82 | 131/85 |
| Clearance (ml/min) | 64/70 | 61/66 |
| Pressure, mm Hg | 33/12 | 35/13 |
""", "Table 1. Baseline characteristics")
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


# ------------------------------------------------------------------------------------------- packed cells
def test_packed_categorical_cells_give_one_count_per_category():
    rows = _rows("""| | Valdoxan (n = 20) | Placebo (n = 24) |
| Sex | Male −12 Female −8 | Male −15 Female −9 |
| Ethnicity | Asian −11 European-7 Other – 2 | Asian- 14 European-8 Other-2 |
| Cause of anaemia | Renal – 9 Blood loss-6 Unknown – 5 | Renal −10 Blood loss-9 Unknown – 5 |
""", "Table 1. Baseline characteristics")
    counts = {(r["intervention"], r["outcome"]): (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    # two categories that add up to the arm: the second is the first's complement, not a label of its own
    assert counts[("valdoxan", "Sex: male")] == (12, 20) and ("valdoxan", "Sex: female") not in counts
    assert counts[("placebo", "Ethnicity: european")] == (8, 24)
    assert counts[("valdoxan", "Ethnicity: other")] == (2, 20)
    assert counts[("valdoxan", "Cause of anaemia: blood loss")] == (6, 20)
    assert counts[("placebo", "Cause of anaemia: unknown")] == (5, 24)
    assert len(counts) == 2 + 6 + 6


def test_a_category_with_its_own_n_spanning_two_columns_is_read_once(tmp_path):
    # the spans are the markup's (colspan): a text table cannot tell a spanning cell from two equal cells
    from evidence_review.extract import extract_study_tables
    from evidence_review.ingest import ingest_with_structures
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "trial.html").write_text(
        "<html><body><h1>Valdoxan versus placebo in insomnia: a randomised trial</h1><h2>Methods</h2>"
        "<p>Patients were randomly assigned to valdoxan (n = 30) or placebo (n = 27).</p><h2>Results</h2>"
        "<table><caption>Table 2. Characteristics of the groups</caption>"
        "<tr><th></th><th colspan='2'>Valdoxan (N = 30)</th><th colspan='2'>Placebo (N = 27)</th><th>P</th></tr>"
        "<tr><td>Age</td><td colspan='2'>49.1 ± 6.2</td><td colspan='2'>47.3 ± 7.0</td><td>0.31</td></tr>"
        "<tr><td>Gender</td><td colspan='2'>Male n = 17</td><td colspan='2'>Male n = 12</td><td>0.42</td></tr>"
        "<tr><td>Gender</td><td colspan='2'>Female n = 13</td><td colspan='2'>Female n = 15</td><td></td></tr>"
        "</table></body></html>", encoding="utf-8")
    documents, texts, structures = ingest_with_structures(sorted((tmp_path / "raw").iterdir()))
    rows = extract_study_tables(documents, texts, structures).estimates.to_dict("records")
    counts = sorted((r["intervention"], r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == [("placebo", "Gender: female", 15, 27), ("placebo", "Gender: male", 12, 27),
                      ("valdoxan", "Gender: female", 13, 30), ("valdoxan", "Gender: male", 17, 30)]
    assert sorted((r["intervention"], r["value"]) for r in rows if r["measure"] == "MEAN") == [("placebo", 47.3),
                                                                                                ("valdoxan", 49.1)]


@pytest.mark.parametrize("cell", ["Grade 1-3", "Day 7 - 14", "n = 12", "Total -40"])
def test_cells_that_only_look_packed_are_not_categories(cell):
    from evidence_review.extract.table_reader import _packed_categories
    assert _packed_categories(cell, 40) == []


def test_packed_counts_beyond_the_arm_are_not_categories():
    from evidence_review.extract.table_reader import _packed_categories
    assert _packed_categories("Male -30 Female -25", 40) == []


# ------------------------------------------------------------------------------------------- medians
@pytest.mark.parametrize("cell, value, q1, q3", [
    ("23.0 (21.0/26.0)", 23.0, 21.0, 26.0),
    ("23.0 [21.0; 26.0]", 23.0, 21.0, 26.0),
    ("31 (27-36)", 31, 27, 36),
    ("31 (27\u201336)", 31, 27, 36),
    ("31 [27, 36]", 31, 27, 36),
])
def test_medians_with_their_quartiles_in_any_separator(cell, value, q1, q3):
    from evidence_review.extract.textscan import scan_view
    parsed = parse_arm_cell(scan_view(cell), "median_iqr", 25)
    assert parsed is not None and parsed["measure"] == "MEDIAN"
    assert (parsed["value"], parsed["q1"], parsed["q3"]) == (value, q1, q3)


def test_a_slash_pair_the_value_is_not_between_is_no_median():
    assert parse_arm_cell("12 (3/9)", "median_iqr", 25) is None


@pytest.mark.parametrize("cell", ["75 (9 patients)", "75 [9 pts]", "75 (n = 9)"])
def test_a_median_with_its_own_number_of_patients(cell):
    parsed = parse_arm_cell(cell, "median_iqr", 40)
    assert (parsed["measure"], parsed["value"], parsed["total"]) == ("MEDIAN", 75, 9)
    # a count table's "3 (2 patients)" is events in patients: not read as a figure of 2 patients
    assert parse_arm_cell("3 (2 patients)", "count", 40) is None


def test_quartiles_by_slash_under_a_header_naming_quartiles():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Age (years), median (1st / 3rd quartiles) | 31.5 (27.0/36.0) | 33.0 (28.5/38.0) |
""", "Table 1. Profile of the patients")
    medians = _by_arm(rows, "MEDIAN")
    assert {arm: (r["value"], r["q1"], r["q3"]) for (arm, _), r in medians.items()} == {
        "valdoxan": (31.5, 27.0, 36.0), "placebo": (33.0, 28.5, 38.0)}


def test_a_bare_whole_number_beside_another_arms_count_with_its_share_is_a_count():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Education, n (%) | | |
| Secondary | 36 (90.0%) | 35 (92.1%) |
| University | 4 (10.0%) | 0 |
| Smoking | 0 | 3 (7.9%) |
""", "Table 1. Baseline characteristics")
    counts = {(r["intervention"], r["outcome"]): (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts[("placebo", "Education: University")] == (0, 38)
    smoking = {arm: found for (arm, outcome), found in counts.items() if outcome.endswith("Smoking")}
    assert smoking == {"valdoxan": (0, 40), "placebo": (3, 38)}


def test_a_bare_number_beside_a_mean_is_not_made_a_count():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Visits | 3 | 4.1 ± 1.2 |
""", "Table 2. Use of care")
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


# ------------------------------------------------------------------------------------------- effect rows
def test_rows_naming_an_effect_under_the_arm_columns_are_effects_with_or_without_an_interval():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Nausea (yes/no) | (14/26) | (9/29) |
| Odds ratio (95% CI) | 1.81 (0.66-4.93) | |
| Relative risk | 1.48 | |
| p-value | 0.31 | |
""", "Table 3. Nausea in each group")
    effects = {r["measure"]: r for r in rows if r["measure"] in ("OR", "RR")}
    assert (effects["OR"]["value"], effects["OR"]["ci_low"], effects["OR"]["ci_high"]) == (1.81, 0.66, 4.93)
    assert (effects["RR"]["value"], effects["RR"]["ci_low"]) == (1.48, None)
    assert {(r["intervention"], r["comparator"], r["outcome"]) for r in effects.values()} == {
        ("valdoxan", "placebo", "Nausea")}
    assert not [r for r in rows if r["measure"] in ("MEDIAN", "MEAN")]
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {"valdoxan": (14, 40), "placebo": (9, 38)}


def test_an_effect_row_takes_the_arm_printed_as_reference_as_comparator():
    rows = _rows("""| | Valdoxan 10 mg (n = 40) | Valdoxan 20 mg (n = 41) | Placebo (n = 38) |
| Response, n (%) | 20 (50.0) | 25 (61.0) | 12 (31.6) |
| Adjusted OR | 2.2 (0.9-5.4) | 3.4 (1.3-8.6) | 1.00 (ref) |
""", "Table 2. Response at week 12")
    effects = sorted((r["value"], r["comparator"]) for r in rows if r["measure"] == "OR")
    assert effects == [(2.2, "placebo"), (3.4, "placebo")]


@pytest.mark.parametrize("label", ["RR, breaths/min", "HR (beats/min)", "Heart rate, HR", "HR", "RR"])
def test_a_label_naming_a_quantity_besides_an_effect_abbreviation_is_not_an_effect_row(label):
    rows = _rows(f"""| | Valdoxan (n = 40) | Placebo (n = 38) |
| {label} | 22 (18-26) | 21 (17-25) |
""", "Table 1. Baseline characteristics")
    assert not [r for r in rows if r["measure"] in ("RR", "HR")]


# ------------------------------------------------------------------------------------------- spreads on the next row
def test_spreads_printed_on_the_row_below_join_their_values():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) | p-value |
| Haemoglobin | 104.5 | 101.0 | 0.21 |
| Haemoglobin | (98–112) | (95–108) | |
| Ferritin | 66 | 59 | 0.40 |
| | (31–120) | (28–97) | |
""", "Table 2. Iron indices (median and interquartile range)")
    medians = sorted((r["intervention"], r["outcome"], r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN")
    assert medians == [("placebo", "Ferritin", 59, 28, 97), ("placebo", "Haemoglobin", 101.0, 95, 108),
                       ("valdoxan", "Ferritin", 66, 31, 120), ("valdoxan", "Haemoglobin", 104.5, 98, 112)]
    assert len(rows) == 4


def test_equal_cells_of_one_arm_at_two_timepoints_are_both_read():
    rows = _rows("""| | Valdoxan (n = 40) | | Placebo (n = 38) | |
| | Baseline | Week 12 | Baseline | Week 12 |
| Weight, kg, mean ± SD | 81.2 ± 9.4 | 81.2 ± 9.4 | 80.1 ± 8.8 | 79.5 ± 8.6 |
""", "Table 2. Weight", header_rows=2)
    means = sorted((r["intervention"], r["timepoint"] or "baseline", r["value"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("placebo", "baseline", 80.1), ("placebo", "week 12", 79.5), ("valdoxan", "baseline", 81.2),
                     ("valdoxan", "week 12", 81.2)]


def test_without_a_declaration_or_arm_sizes_the_row_label_decides_between_a_mean_and_a_count():
    caption = "Table 1. Patients at inclusion"
    text = f"""Patients were randomly assigned to valdoxan or placebo.
{caption}
| | Valdoxan | Placebo |
| Function score | 37 (27) | 40 (26) |
| Age (years) | 35 (15) | 40 (16) |
| Bruising | 42 (63) | 32 (56) |
"""
    study, rows = read_pipe_table(text, "| | Valdoxan | Placebo |", caption=caption)
    assert [a.n for a in study.arms] == [None, None]
    means = {(r["intervention"], r["outcome"]): (r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert means[("valdoxan", "Function score")] == (37, 27) and means[("placebo", "Age (years)")] == (40, 16)
    assert not [r for r in rows if r["measure"] == "MEAN" and r["outcome"] == "Bruising"]


@pytest.mark.parametrize("label", ["Relapse, yes/no", "Relapse (Yes/No)", "Relapse [yes / no]"])
def test_a_yes_no_pair_in_any_bracket_or_after_a_comma(label):
    rows = _rows(f"""| | Valdoxan (n = 40) | Placebo (n = 38) |
| {label} | 12/28 | 7/31 |
""", "Table 3. Relapse")
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {"valdoxan": (12, 40), "placebo": (7, 38)}


def test_an_n_over_N_format_after_a_comma_is_no_pair_of_categories():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Remission, n/N | 12/37 | 7/35 |
""", "Table 3. Remission")
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {"valdoxan": (12, 37), "placebo": (7, 35)}


# ------------------------------------------------------------------------------------------- group labels beside
_VISITS = """| Visit | Measure | Valdoxan (n = 25) | Placebo (n = 25) |
| 1st visit | Pain (yes/no) | (10/15) | (12/13) |
| | Odds ratio (95% CI) | 0.61 (0.20-1.86) | |
| | p-value | 0.55 | |
| 2nd visit | Pain (yes/no) | (6/19) | (9/16) |
| | Odds ratio (95% CI) | 0.58 (0.17-1.97) | |
| | p-value | 0.52 | |
"""


def test_a_first_column_naming_groups_of_rows_on_their_first_row_only_heads_the_second_columns_labels():
    rows = _rows(_VISITS, "Table 2. Pain at each visit")
    # a visit is when the outcome was measured (the labelling rules' timepoint), for the counts and the effects below them
    counts = sorted((r["intervention"], r["outcome"], r["timepoint"], r["events"], r["total"]) for r in rows
                    if r["measure"] == "PROPORTION")
    assert counts == [("placebo", "Pain", "1st visit", 12, 25), ("placebo", "Pain", "2nd visit", 9, 25),
                      ("valdoxan", "Pain", "1st visit", 10, 25), ("valdoxan", "Pain", "2nd visit", 6, 25)]
    odds = sorted((r["outcome"], r["timepoint"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"])
                  for r in rows if r["measure"] == "OR")
    assert odds == [("Pain", "1st visit", 0.61, 0.20, 1.86, "valdoxan", "placebo"),
                    ("Pain", "2nd visit", 0.58, 0.17, 1.97, "valdoxan", "placebo")]


def test_the_sentence_readers_effects_on_effect_rows_the_table_reader_could_not_read_are_kept():
    import pandas as pd
    from table_grids import pipe_table

    from evidence_review.extract import extract_study_tables
    # the header names no arm of the study ("Comparator B": a misspelt "Valdoxen" would be valdoxan's column, see
    # test_extract_named_arms): the column is no arm, its effect cells are not the table reader's
    table_text = _VISITS.replace("Valdoxan (n = 25)", "Comparator B")
    caption = "Table 2. Pain at each visit"
    text = "Patients were randomly assigned to valdoxan (n = 25) or placebo (n = 25).\nResults\n" + caption + "\n" + table_text
    table = pipe_table(text, table_text.split("\n")[0], caption=caption)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    placebo = estimates[(estimates["measure"] == "PROPORTION") & (estimates["finder"] == "table")]
    # (the second group's rows keep their own outcome and visit: the effect row between the groups heads nothing)
    assert sorted(zip(placebo["events"].tolist(), placebo["outcome"].tolist(), placebo["timepoint"].tolist())) == [
        (9, "Pain", "2nd visit"), (12, "Pain", "1st visit")]
    odds = estimates[estimates["measure"] == "OR"]
    assert sorted(odds["value"].tolist()) == [0.58, 0.61]


@pytest.mark.parametrize("cell, expected", [
    ("15 males, 13 females", [("males", 15)]),                       # two adding up to the arm: the first only
    ("12 M / 8 F", [("m", 12)]),
    ("9 men and 11 women", [("men", 9)]),
    ("14 European, 4 Asian, 2 other", [("european", 14), ("asian", 4), ("other", 2)]),
])
def test_packed_cells_with_the_count_before_each_category(cell, expected):
    from evidence_review.extract.table_reader import _packed_categories
    found = _packed_categories(cell, 28 if "males" in cell else 20)
    assert [(f["category"], f["events"]) for f in found] == expected


@pytest.mark.parametrize("cell", ["3 days / 5 days", "12 patients", "2 doses, 3 doses", "10 mg / 20 mg"])
def test_counts_of_units_or_times_are_no_categories(cell):
    from evidence_review.extract.table_reader import _packed_categories
    assert _packed_categories(cell, 40) == []


@pytest.mark.parametrize("label, cells, expected", [
    ("Sex (M:F)", ("22:18", "17:21"), {"valdoxan": (22, 40), "placebo": (17, 38)}),
    ("Male:female ratio", ("3:1", "2:1"), {}),          # a ratio, not the two counts of the arm
])
def test_a_colon_pair_is_two_counts_only_when_they_make_up_the_arm(label, cells, expected):
    rows = _rows(f"""| | Valdoxan (n = 40) | Placebo (n = 38) |
| {label} | {cells[0]} | {cells[1]} |
""", "Table 1. Baseline characteristics")
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == expected


def test_a_cell_and_its_row_overrule_a_caption_declaration_they_contradict():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Age, years | 35 (15) | 41 (12) |
| Smokers | 12 (30) | 9 (24) |
""", "Table 1. Baseline characteristics", footnote="Data are n (%).")
    means = {r["intervention"]: (r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert means == {"valdoxan": (35, 15), "placebo": (41, 12)}
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {"valdoxan": (12, 40), "placebo": (9, 38)}
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Pain score | 35 (15) | 41 (12) |
| Current smokers | 12 (30) | 9 (24) |
| Weight, kg | 20 (50) | 19 (50) |
""", "Table 1. Baseline characteristics (mean with SD)")
    means = {(r["intervention"], r["outcome"]): (r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    # a measured quantity keeps the declared mean even when its SD happens to equal the count's share
    assert means == {("valdoxan", "Pain score"): (35, 15), ("placebo", "Pain score"): (41, 12),
                     ("valdoxan", "Weight"): (20, 50), ("placebo", "Weight"): (19, 50)}
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {"valdoxan": (12, 40), "placebo": (9, 38)}


def test_a_pair_label_over_cells_that_are_no_pairs_reads_them_by_their_shape():
    rows = _rows("""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Smoking (yes/no) | 12 (30%) | 9 (23.7%) |
| Sex (M/F) | 22 (55%) | 17 (44.7%) |
""", "Table 1. Baseline characteristics")
    counts = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == [("placebo", 9, 38), ("placebo", 17, 38), ("valdoxan", 12, 40), ("valdoxan", 22, 40)]


@pytest.mark.parametrize("cell, expected", [
    ("Male 13 Female 7", [("male", 13)]),
    ("Male: 13; Female: 7", [("male", 13)]),
    ("Smoker 4 Former 6 Never 10", [("smoker", 4), ("former", 6), ("never", 10)]),
])
def test_packed_cells_with_a_space_or_a_colon_between_category_and_count(cell, expected):
    from evidence_review.extract.table_reader import _packed_categories
    assert [(f["category"], f["events"]) for f in _packed_categories(cell, 20)] == expected


@pytest.mark.parametrize("cell", ["Type 2 diabetes", "Week 12 Week 24", "Grade 3 Grade 4", "Visit 2 Visit 3"])
def test_labels_with_numbers_are_no_packed_categories(cell):
    from evidence_review.extract.table_reader import _packed_categories
    assert _packed_categories(cell, 40) == []


@pytest.mark.parametrize("label, adjusted", [("aOR [95% CI]", "yes"), ("Adjusted OR", "yes"), ("Unadjusted OR", ""),
                                             ("Odds ratio (95% CI)", "")])
def test_an_adjusted_effect_row_says_so(label, adjusted):
    rows = _rows(f"""| | Valdoxan (n = 40) | Placebo (n = 38) |
| Response, n (%) | 20 (50.0) | 12 (31.6) |
| {label} | 2.2 (0.9-5.4) | |
""", "Table 2. Response at week 12")
    (effect,) = [r for r in rows if r["measure"] == "OR"]
    assert (effect["value"], effect["intervention"], effect["comparator"]) == (2.2, "valdoxan", "placebo")
    assert (effect["adjusted"] == "yes") == (adjusted == "yes")


@pytest.mark.parametrize("cell, measure, numbers", [
    ("35.2 (15.1)a", "MEAN", (35.2, 15.1)),
    ("24 (18-30)^b", "MEDIAN", (24, 18, 30)),
    ("12 (22.2)a,b", "PROPORTION", (12, 54)),
    ("12 (22,2%)", "PROPORTION", (12, 54)),          # a decimal comma in the share
])
def test_footnote_letters_after_the_bracket_and_decimal_commas_in_shares(cell, measure, numbers):
    parsed = parse_arm_cell(cell, "", 54)
    assert parsed is not None and parsed["measure"] == measure
    got = {"MEAN": lambda p: (p["value"], p["sd"]), "MEDIAN": lambda p: (p["value"], p["q1"], p["q3"]),
           "PROPORTION": lambda p: (p["events"], p["total"])}[measure](parsed)
    assert got == numbers
    assert parsed["value_text"] == cell


def test_a_comma_between_two_quartiles_stays_a_separator():
    parsed = parse_arm_cell("4 [1,12]", "median_iqr", 54)
    assert (parsed["q1"], parsed["q3"]) == (1, 12)


def test_a_count_with_its_share_and_a_footnote_letter_under_a_mean_caption():
    rows = _rows("""| | Valdoxan | Placebo |
| Oedema | 25 (63 %)a | 19 (50 %)a |
""", "Table 1. Patients at inclusion (mean with SD)")
    counts = {r["intervention"]: (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {"valdoxan": (25, 40), "placebo": (19, 38)}


@pytest.mark.parametrize("cell, n, expected", [
    ("1 (<1)", 540, (1, 540)),
    ("2 (<0.5%)", 540, (2, 540)),
    ("9 (<1)", 540, None),          # 1.7% of 540 is no share below 1%
    ("3 (<1)", None, None),         # no arm size to count over
])
def test_a_count_whose_share_is_printed_as_a_bound(cell, n, expected):
    parsed = parse_arm_cell(cell, "n_pct", n)
    assert (None if parsed is None else (parsed["events"], parsed["total"])) == expected
