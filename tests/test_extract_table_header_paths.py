"""Layout-independent table reading: a cell is typed by the grammar, then placed by its header path (every header
row above it, the arm block it sits in, the statistic its column or row names, the time a header, a heading row or
its own label says). Each test is a table written here in a shape a blind batch showed the reader missing
(tests/fixtures/extract_heldout11/BLIND_SCORES.md), with other names, numbers and statistics, and its variants."""
from __future__ import annotations

import pytest
from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract.grammar import statistic_name
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import _clean, header_blocks, read_table, with_slash_decimals

ALLOCATION = "Runners were randomly assigned to beetroot juice (n = 30) or placebo (n = 28).\n"


def _means(rows):
    return [(r["measure"], r["intervention"], r["value"], r["sd"], r["ci_low"], r["ci_high"], r["range_low"],
             r["range_high"], r["total"]) for r in rows]


@pytest.mark.parametrize("text, expected", [
    ("N", "n"), ("Mean", "mean"), ("Std", "sd"), ("S.D.", "sd"), ("SD", "sd"), ("Std. dev.", "sd"),
    ("Standard deviation", "sd"), ("SEM", "se"), ("95% CI", "ci"), ("Min", "min"), ("Minimum", "min"), ("Max", "max"),
    ("Med", "median"), ("Median", "median"), ("IQR", "iqr"), ("Q1", "q1"), ("75th percentile", "q3"), ("Range", "range"),
    ("Mean (kg)", "mean"), ("Mean (SD)", None), ("Median (IQR)", None), ("Mean ± SD", None), ("Placebo", None),
    ("Age", None), ("Total", None)])
def test_a_header_naming_one_statistic_is_typed_by_the_grammar(text, expected):
    assert statistic_name(text) == expected


def test_one_block_per_arm_with_the_statistics_as_columns():
    # each arm's block under a repeated header row naming it; the statistics in another order than batch 11's
    text = ALLOCATION + """Table 2. Time trial results
| Variable | Beetroot juice | Beetroot juice | Beetroot juice | Beetroot juice | Beetroot juice | Beetroot juice |
| Variable | n | Mean | SD | Median | Minimum | Maximum |
| Visit 1 | 30 | 41.2 | 3.1 | 40.8 | 35.0 | 48.1 |
| Visit 2 | 29 | 39.7 | 2.9 | 39.5 | 34.2 | 46.0 |
| Variable | Placebo | Placebo | Placebo | Placebo | Placebo | Placebo |
| Variable | n | Mean | SD | Median | Minimum | Maximum |
| Visit 1 | 28 | 41.5 | 3.4 | 41.0 | 34.9 | 49.3 |
| Visit 2 | 27 | 41.1 | 3.3 | 40.9 | 35.1 | 48.8 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial results", header_rows=2)
    means = [r for r in rows if r["measure"] == "MEAN"]
    medians = [r for r in rows if r["measure"] == "MEDIAN"]
    assert _means(means) == [
        ("MEAN", "beetroot juice", 41.2, 3.1, None, None, 35.0, 48.1, 30),
        ("MEAN", "beetroot juice", 39.7, 2.9, None, None, 34.2, 46.0, 29),
        ("MEAN", "placebo", 41.5, 3.4, None, None, 34.9, 49.3, 28),
        ("MEAN", "placebo", 41.1, 3.3, None, None, 35.1, 48.8, 27)]
    assert [(r["intervention"], r["value"], r["range_low"], r["range_high"]) for r in medians] == [
        ("beetroot juice", 40.8, 35.0, 48.1), ("beetroot juice", 39.5, 34.2, 46.0),
        ("placebo", 41.0, 34.9, 49.3), ("placebo", 40.9, 35.1, 48.8)]
    # no statistic column is read as a mean of its own
    assert {r["value"] for r in means} == {41.2, 39.7, 41.5, 41.1}


def test_statistics_as_columns_under_each_arm_side_by_side_with_a_ci_and_generic_arm_names():
    text = "Patients were randomly assigned to zinc lozenges or placebo lozenges.\n" + """Table 3. Symptom score
| Day | Treatment group | Treatment group | Treatment group | Control group | Control group | Control group |
| Day | Mean | 95% CI | S.D. | Mean | 95% CI | S.D. |
| Day 3 | 4.10 | 3.62-4.58 | 1.20 | 5.00 | 4.51–5.49 | 1.31 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Symptom score", header_rows=2)
    assert _means(rows) == [("MEAN", "zinc lozenges", 4.1, 1.2, 3.62, 4.58, None, None, None),
                            ("MEAN", "placebo", 5.0, 1.31, 4.51, 5.49, None, None, None)]
    assert [r["timepoint"] for r in rows] == ["day 3", "day 3"]


def test_a_mean_and_its_standard_error_as_columns_of_three_arms():
    text = "Adults were randomized to low-dose melatonin (n = 20), high-dose melatonin (n = 20) or placebo (n = 20).\n" + \
        """Table 2. Sleep latency (min)
| | Low-dose melatonin | Low-dose melatonin | High-dose melatonin | High-dose melatonin | Placebo | Placebo |
| | Mean | SEM | Mean | SEM | Mean | SEM |
| Week 4 | 22.0 | 2.0 | 18.5 | 1.5 | 30.1 | 2.2 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Sleep latency (min)", header_rows=2)
    assert [(r["value"], r["se"], r["total"]) for r in rows] == [(22.0, 2.0, 20), (18.5, 1.5, 20), (30.1, 2.2, 20)]
    assert all("sd_from_se" in r["flags"] for r in rows)
    assert len({r["intervention"] for r in rows}) == 3


def test_header_blocks_split_only_where_the_header_is_printed_again():
    text = ALLOCATION + """Table 1. Results
| Variable | Beetroot juice | Placebo |
| Speed | 4.1 ± 0.3 | 4.0 ± 0.4 |
| Variable | Beetroot juice | Placebo |
| Power | 210 ± 30 | 205 ± 28 |
"""
    table = pipe_table(text, text.split("\n")[2])
    blocks = header_blocks(table)
    assert [b["header_rows"] for b in blocks[1:]] == [[2]]
    assert len(blocks) == 2
    # a heading row repeated across the columns is no header block
    text2 = ALLOCATION + """Table 1. Results
| Variable | Beetroot juice | Placebo |
| Speed | Speed | Speed |
| At rest | 4.1 ± 0.3 | 4.0 ± 0.4 |
"""
    assert len(header_blocks(pipe_table(text2, text2.split("\n")[2]))) == 1


@pytest.mark.parametrize("cells, read", [
    (("26/511 ± 0/264", "27/854 ± 0/744", "0/764"), (26.511, 0.264, 27.854, 0.744)),
    (("12/05 ± 1/30", "11/90 ± 1/25", "0/210"), (12.05, 1.30, 11.90, 1.25)),
])
def test_a_slash_decimal_mark_is_read_per_table(cells, read):
    text = "Men were randomly assigned to saw palmetto or placebo.\n" + f"""Table 2. Symptom score
| Week | Saw palmetto, Mean ± SD | Placebo, Mean ± SD | P |
| Before treatment | {cells[0]} | {cells[1]} | {cells[2]} |
| Fourth week | {cells[0]} | {cells[1]} | {cells[2]} |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Symptom score")
    assert [(r["value"], r["sd"]) for r in rows[:2]] == [read[:2], read[2:]]
    assert [r["intervention"] for r in rows[:2]] == ["saw palmetto", "placebo"]
    # the rows say when; the first is before treatment (a baseline figure)
    assert [r["timepoint"] for r in rows] == ["before treatment", "before treatment", "fourth week", "fourth week"]
    assert [r["role"] for r in rows] == ["baseline", "baseline", "", ""]


def test_a_slash_is_no_decimal_mark_where_a_table_prints_counts_or_points():
    text = "x\n| | A | B |\n| Sex (M/F) | 12/8 | 10/10 |\n| Weight | 70.1 ± 8.2 | 26/511 ± 0/264 |\n"
    table = pipe_table(text, text.split("\n")[2])
    assert with_slash_decimals(table) is table      # one ± cell printed with a point: the slash is no decimal mark
    text2 = "x\n| | A | B |\n| Sex (M/F) | 12/8 | 10/10 |\n| Weight | 70/1 ± 8/2 | 71/5 ± 9/0 |\n"
    cells = [c["text"] for c in with_slash_decimals(pipe_table(text2, text2.split("\n")[1]))["cells"]]
    assert "12/8" in cells and "70.1 ± 8.2" in cells      # the counts keep their slash


@pytest.mark.parametrize("cell, clean", [("24.7 ± 3.4 *,a", "24.7 ± 3.4"), ("12.1 (3.2)†‡", "12.1 (3.2)"),
                                         ("5 (22) * #", "5 (22)"), ("8.8 ± 1.0 ##", "8.8 ± 1.0"),
                                         ("7 (3.1)*, b", "7 (3.1)"), ("12.5 h", "12.5 h")])
def test_several_footnote_marks_after_a_cell(cell, clean):
    assert _clean(cell) == clean


def test_arm_over_when_sub_headers_with_sizes():
    # "PLA | PLA | SYN | SYN" over "Initial (n = 8) | Final (n = 8) | ...": the arm from the top, the time below
    text = "Adults were randomly assigned to a probiotic (PRO) or placebo (PLA).\n" + """Table 1. Body composition
| Variable | PLA | PLA | PRO | PRO |
| Variable | Initial (n = 11) | Final (n = 11) | Initial (n = 12) | Final (n = 12) |
| Body mass (kg) | 70.2 ± 9.1 | 71.0 ± 9.4 | 68.3 ± 8.8 | 67.9 ± 8.5 *,a |
"""
    study, rows = _read(text, text.split("\n")[2], "Table 1. Body composition", header_rows=2)
    assert [(r["intervention"], r["timepoint"], r["role"], r["total"], r["value"]) for r in rows] == [
        ("placebo", "initial", "baseline", 11, 70.2), ("placebo", "final", "", 11, 71.0),
        ("probiotic", "initial", "baseline", 12, 68.3), ("probiotic", "final", "", 12, 67.9)]
    assert not any("initial" in a.name.lower() or "final" in a.name.lower() for a in study.arms)


@pytest.mark.parametrize("times", [("Day 2", "Day 7"), ("Week 4", "Week 12"), ("6 months", "12 months")])
def test_heading_rows_that_say_when_time_the_rows_under_them(times):
    text = "Patients were randomized to vitamin C or placebo.\n" + f"""Table 3. Changes in markers
| | Placebo (n = 40) | Vitamin C (n = 41) | P |
| {times[0]} | | | |
| Urea | -1.2 ± 3.3 | -1.5 ± 3.0 | 0.6 |
| {times[1]} | | | |
| Urea | -2.0 ± 4.1 | -3.1 ± 3.9 | 0.2 |
| Peak change | | | |
| Urea | 3.0 ± 2.2 | 2.1 ± 2.0 | 0.05 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Changes in markers")
    assert [(r["outcome"], r["timepoint"]) for r in rows] == [
        ("Urea", times[0].lower()), ("Urea", times[0].lower()), ("Urea", times[1].lower()), ("Urea", times[1].lower()),
        ("Peak change: Urea", ""), ("Peak change: Urea", "")]


def test_a_header_printed_like_an_arm_beside_an_arm_is_the_other_arm():
    text = "Patients received hawthorn extract or placebo.\n" + """Table 2. Exercise tolerance
| Visit | Hawthorn extract, Mean ± SD | Placebo, Mean ± SD | P value |
| Baseline | 410 ± 60 | 405 ± 58 | 0.7 |
| Week 8 | 455 ± 62 | 409 ± 61 | 0.01 |
"""
    study = build_study("d", text, {"tables": []})
    table = pipe_table(text, text.split("\n")[2], caption="Table 2. Exercise tolerance")
    rows = read_table("d", text, table, study)
    assert [(r["value"], r["timepoint"]) for r in rows] == [(410, "baseline"), (405, "baseline"), (455, "week 8"),
                                                           (409, "week 8")]
    assert rows[1]["intervention"] == "placebo" and rows[0]["intervention"] not in ("placebo", "")


@pytest.mark.parametrize("sd_word", ["SD", "S.D.", "Std"])
def test_statistics_printed_as_rows_under_an_outcome_give_one_mean_and_one_median_per_arm(sd_word):
    # the transposed form: arms as columns, one statistic per row, under an outcome's heading row
    text = ALLOCATION + f"""Table 2. Time trial
| | Beetroot juice | Placebo |
| Time (min) | | |
| Mean | 41.2 | 41.5 |
| {sd_word} | 3.1 | 3.4 |
| Median | 40.8 | 41.0 |
| Min | 35.0 | 34.9 |
| Max | 48.1 | 49.3 |
| Power (W) | | |
| Mean | 250 | 244 |
| {sd_word} | 30 | 28 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial")
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["range_low"], r["range_high"], r["outcome"])
            for r in rows] == [
        ("MEAN", "beetroot juice", 41.2, 3.1, 35.0, 48.1, "Time (min)"),
        ("MEDIAN", "beetroot juice", 40.8, None, 35.0, 48.1, "Time (min)"),
        ("MEAN", "placebo", 41.5, 3.4, 34.9, 49.3, "Time (min)"),
        ("MEDIAN", "placebo", 41.0, None, 34.9, 49.3, "Time (min)"),
        ("MEAN", "beetroot juice", 250, 30, None, None, "Power (W)"),
        ("MEAN", "placebo", 244, 28, None, None, "Power (W)")]
    assert all(r["total"] == (30 if r["intervention"] == "beetroot juice" else 28) for r in rows)


def test_later_sub_rows_of_a_group_in_a_two_column_stub():
    # the group's name on its first sub-row only; a one-row group ("Weight | Weight") among them
    text = "Adults were randomly assigned to group A or group B.\n" + """Table 1. Characteristics
| | | Group A | Group B | P |
| Smoking | Current | 20 (33.3 %) | 18 (30.0 %) | 0.7 |
| | Former | 15 (25.0 %) | 17 (28.3 %) | |
| | Never | 25 (41.7 %) | 25 (41.7 %) | |
| Weight | Weight | 71.2 ± 9.9 | 70.4 ± 10.1 | 0.6 |
| Diabetes type | Type 1 | 12 (20.0 %) | 14 (23.3 %) | 0.5 |
| | Type 2 | 48 (80.0 %) | 46 (76.7 %) | |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    counts = [(r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]
    assert counts == [("Smoking: Current", 20, 60), ("Smoking: Current", 18, 60), ("Smoking: Former", 15, 60),
                      ("Smoking: Former", 17, 60), ("Smoking: Never", 25, 60), ("Smoking: Never", 25, 60),
                      ("Diabetes type: Type 1", 12, 60), ("Diabetes type: Type 1", 14, 60),
                      ("Diabetes type: Type 2", 48, 60), ("Diabetes type: Type 2", 46, 60)]
    assert [r["value"] for r in rows if r["measure"] == "MEAN"] == [71.2, 70.4]


def test_an_arm_of_unknown_size_is_the_largest_total_its_shares_imply_twice():
    # "49 (41.2 %)" and "70 (58.8 %)" are of 119 (one patient's history missing); the arm is 120
    text = "Adults were randomly assigned to group A or group B.\n" + """Table 1. Characteristics
| | Group A | Group B |
| Left side | 52 (43.3 %) | 50 (41.7 %) |
| Right side | 57 (47.5 %) | 58 (48.3 %) |
| Recurrent | 49 (41.2 %) | 64 (53.3 %) |
| First episode | 70 (58.8 %) | 56 (46.7 %) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    group_a = [(r["events"], r["total"]) for r in rows if r["intervention"] == "group a"]
    assert group_a[:2] == [(52, 120), (57, 120)]
    assert [events for events, _ in group_a] == [52, 57, 49, 70]


def test_two_categories_making_up_the_arm_keep_their_counts_over_it_whatever_their_shares():
    # the shares of the two columns printed swapped: "34 (82.5)" is 34 of 40 (85 %), its complement "6 (17.5)" 6 of 40
    text = "Patients were randomly assigned to ketamine or propofol.\n" + """Table 1. Sex of the patients, n (%)
| Variable | Ketamine | Propofol |
| Male | 33 (85.0) | 34 (82.5) |
| Female | 7 (15.0) | 6 (17.5) |
| Smoker | 16 (40.0) | 9 (22.5) |
| Non-smoker | 24 (60.0) | 31 (77.5) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Sex of the patients, n (%)")
    assert [(r["intervention"], r["events"], r["total"]) for r in rows[:4]] == [
        ("ketamine", 33, 40), ("propofol", 34, 40), ("ketamine", 7, 40), ("propofol", 6, 40)]


def test_row_labels_that_are_times_only_by_the_documents_own_definitions():
    # codes the methods define as time points ("before the first dose (V1), after 4 weeks (V2) ..."), and a score's
    # name with the minutes of the schedule the methods list ("NRS15" of "at 15, 30 and 60 minutes")
    text = ("Pain (NRS) was recorded on arrival and at 15, 30 and 60 minutes after the injection. Function was measured "
            "before the first dose (V1), after 4 weeks (V2) and after 8 weeks (V3).\n"
            "Patients were randomly assigned to ketorolac or paracetamol.\n" + """Table 2. Pain scores
| | Ketorolac | Paracetamol |
| NRS15 | 5.1 ± 1.2 | 5.9 ± 1.4 |
| NRS30 | 3.2 ± 1.1 | 4.4 ± 1.3 |
| NRS60 | 1.9 ± 0.9 | 3.1 ± 1.0 |
""")
    _, rows = _read(text, text.split("\n")[3], "Table 2. Pain scores")
    assert [(r["outcome"], r["timepoint"]) for r in rows[::2]] == [
        ("NRS", "15 minutes"), ("NRS", "30 minutes"), ("NRS", "60 minutes")]
    coded = text.replace("""| NRS15 | 5.1 ± 1.2 | 5.9 ± 1.4 |
| NRS30 | 3.2 ± 1.1 | 4.4 ± 1.3 |
| NRS60 | 1.9 ± 0.9 | 3.1 ± 1.0 |""", """| V1 | 5.1 ± 1.2 | 5.9 ± 1.4 |
| V2 | 3.2 ± 1.1 | 4.4 ± 1.3 |
| V3 | 1.9 ± 0.9 | 3.1 ± 1.0 |""")
    _, rows = _read(coded, coded.split("\n")[3], "Table 2. Pain scores")
    # (each code with the moment the methods define for it)
    assert [(r["timepoint"], r["role"]) for r in rows[::2]] == [("V1 (before the first dose)", "baseline"),
                                                                ("V2 (after 4 weeks)", ""), ("V3 (after 8 weeks)", "")]
    # the same codes without a definition in the text are no times (tumour stages "T1 | T2" are not)
    bare = coded.replace("Function was measured before the first dose (V1), after 4 weeks (V2) and after 8 weeks (V3).", "")
    _, rows = _read(bare, bare.split("\n")[3], "Table 2. Pain scores")
    assert {r["timepoint"] for r in rows} == {""}


def test_arms_as_rows_with_the_statistics_as_columns():
    text = ALLOCATION + """Table 2. Time trial (min)
| Group | N | Mean | Std. dev. | Median | Min | Max |
| Beetroot juice | 30 | 41.2 | 3.1 | 40.8 | 35.0 | 48.1 |
| Placebo | 27 | 41.5 | 3.4 | 41.0 | 34.9 | 49.3 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial (min)")
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["range_low"], r["range_high"], r["total"])
            for r in rows] == [
        ("MEAN", "beetroot juice", 41.2, 3.1, 35.0, 48.1, 30), ("MEDIAN", "beetroot juice", 40.8, None, 35.0, 48.1, 30),
        ("MEAN", "placebo", 41.5, 3.4, 34.9, 49.3, 27), ("MEDIAN", "placebo", 41.0, None, 34.9, 49.3, 27)]
    assert {r["outcome"] for r in rows} == {"Time trial (min)"}


def test_combined_formats_under_each_arm_stay_one_column_each():
    text = ALLOCATION + """Table 2. Time trial
| Variable | Beetroot juice | Beetroot juice | Placebo | Placebo |
| Variable | Mean (SD) | Median (IQR) | Mean (SD) | Median (IQR) |
| Time (min) | 41.2 (3.1) | 40.8 (38.0-43.5) | 41.5 (3.4) | 41.0 (38.2-44.0) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial", header_rows=2)
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["q1"], r["q3"]) for r in rows] == [
        ("MEAN", "beetroot juice", 41.2, 3.1, None, None), ("MEDIAN", "beetroot juice", 40.8, None, 38.0, 43.5),
        ("MEAN", "placebo", 41.5, 3.4, None, None), ("MEDIAN", "placebo", 41.0, None, 38.2, 44.0)]


def test_bare_counts_in_a_characteristics_table_that_counts_patients_elsewhere():
    text = "Patients were randomly assigned to cryoablation or radiofrequency ablation.\n" + """Table 1. Baseline characteristics
| | All patients (N = 50) | Cryoablation (N = 26) | Radiofrequency ablation (N = 24) | P |
| Female, n (%) | 20 (40) | 11 (42) | 9 (38) | 0.7 |
| Age (years) | 61 ± 9 | 60 ± 10 | 62 ± 8 | 0.4 |
| Asthma | 9 | 6 | 3 | >0.1 |
| Pain score | 4 | 4 | 5 | 0.6 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics")
    asthma = [(r["intervention"], r["events"], r["total"]) for r in rows if r["outcome"] == "Asthma"]
    assert asthma == [("cryoablation", 6, 26), ("radiofrequency ablation", 3, 24), ("all patients", 9, 50)]
    assert not any(r["outcome"] == "Pain score" and r["measure"] == "PROPORTION" for r in rows)


@pytest.mark.parametrize("cell, hint, read", [
    ("23.2 (2.3, 20-27)", "", ("MEAN", 23.2, 2.3, 20.0, 27.0)),          # mean (SD, range) with a comma
    ("41.0 (3.9, 33–49)", "mean_sd", ("MEAN", 41.0, 3.9, 33.0, 49.0)),
    ("21 (6; 6-43)", "", ("MEDIAN", 21.0, None, 6.0, 43.0)),              # median (IQR width; range) keeps its reading
    ("168.8 (30. 7)", "mean_sd", ("MEAN", 168.8, 30.7, None, None)),      # a decimal broken by a space
    ("3.3 (38.3))", "mean_sd", ("MEAN", 3.3, 38.3, None, None)),          # a doubled closing bracket
])
def test_loosely_printed_mean_cells(cell, hint, read):
    from evidence_review.extract.arm_cells import parse_arm_cell
    parsed = parse_arm_cell(_clean(cell), hint, 11)
    assert (parsed["measure"], parsed["value"], parsed.get("sd"), parsed.get("range_low"), parsed.get("range_high")) == read


def test_numbered_labels_are_no_times_unless_the_schedule_names_their_measure():
    text = ("Blood was drawn at 4 and 8 weeks. Patients were randomly assigned to zidovudine or placebo.\n" +
            """Table 2. Lymphocytes
| | Zidovudine | Placebo |
| CD4 | 410 ± 60 | 380 ± 70 |
| CD8 | 820 ± 90 | 800 ± 95 |
""")
    _, rows = _read(text, text.split("\n")[2], "Table 2. Lymphocytes")
    assert [(r["outcome"], r["timepoint"]) for r in rows] == [("CD4", ""), ("CD4", ""), ("CD8", ""), ("CD8", "")]


def test_blocks_whose_repeated_headers_have_no_label():
    # the label cells empty: the statistics row repeats the header row cell for cell, the arm's row above it
    text = ALLOCATION + """Table 2. Time trial results
| | Beetroot juice | Beetroot juice | Beetroot juice |
| | Mean | SD | n |
| Visit 1 | 41.2 | 3.1 | 30 |
| | Placebo | Placebo | Placebo |
| | Mean | SD | n |
| Visit 1 | 41.5 | 3.4 | 28 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial results", header_rows=2)
    assert [(r["intervention"], r["value"], r["sd"], r["total"]) for r in rows] == [
        ("beetroot juice", 41.2, 3.1, 30), ("placebo", 41.5, 3.4, 28)]


def test_three_header_levels_arm_time_statistic():
    text = ALLOCATION + """Table 2. Time trial (min)
| | Beetroot juice | Beetroot juice | Beetroot juice | Beetroot juice | Placebo | Placebo | Placebo | Placebo |
| | Baseline | Baseline | Week 12 | Week 12 | Baseline | Baseline | Week 12 | Week 12 |
| | Mean | SD | Mean | SD | Mean | SD | Mean | SD |
| 5-km time | 25.1 | 2.0 | 23.9 | 1.8 | 25.3 | 2.2 | 25.0 | 2.1 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial (min)", header_rows=3)
    assert [(r["intervention"], r["value"], r["sd"], r["timepoint"], r["role"]) for r in rows] == [
        ("beetroot juice", 25.1, 2.0, "baseline", "baseline"), ("beetroot juice", 23.9, 1.8, "week 12", ""),
        ("placebo", 25.3, 2.2, "baseline", "baseline"), ("placebo", 25.0, 2.1, "week 12", "")]


def test_a_two_column_stub_mixing_headings_single_rows_and_times():
    text = "Adults were randomly assigned to sertraline or placebo.\n" + """Table 1. Characteristics of the participants
| | | Placebo (N = 12) | Sertraline (N = 14) | P |
| Sex (%) | | | | 0.6 |
| | Male | 6 (50) | 5 (36) | |
| | Female | 6 (50) | 9 (64) | |
| Age (±SD) | | 41 (8) | 44 (11) | 0.4 |
| Weight (±SD) | Week 0 | 80 (12) | 78 (10) | 0.7 |
| | Week 8 | 81 (12) | 82 (11) | |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics of the participants")
    weights = [(r["intervention"], r["value"], r["sd"], r["timepoint"], r["role"]) for r in rows if "Weight" in r["outcome"]]
    assert weights == [("placebo", 80, 12, "week 0", "baseline"), ("sertraline", 78, 10, "week 0", "baseline"),
                       ("placebo", 81, 12, "week 8", ""), ("sertraline", 82, 11, "week 8", "")]
    assert [(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"] == [(6, 12), (5, 14), (6, 12), (9, 14)]
    # a characteristic printed another way than the heading's categories is no category of it
    assert {r["outcome"] for r in rows if r["measure"] == "MEAN"} == {"Age", "Weight"}


@pytest.mark.parametrize("caption, arm", [("Table 2. Time trial (min), beetroot juice group", "beetroot juice"),
                                          ("Table 3. Time trial (min) in the placebo group", "placebo")])
def test_a_table_of_one_arm_named_by_its_caption(caption, arm):
    text = ALLOCATION + caption + """
| Visit | n | Mean | SD | Median |
| Visit 1 | 30 | 41.2 | 3.1 | 40.8 |
| Visit 2 | 29 | 39.7 | 2.9 | 39.5 |
"""
    _, rows = _read(text, text.split("\n")[2], caption)
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["total"], r["timepoint"]) for r in rows] == [
        ("MEAN", arm, 41.2, 3.1, 30, "visit 1"), ("MEDIAN", arm, 40.8, None, 30, "visit 1"),
        ("MEAN", arm, 39.7, 2.9, 29, "visit 2"), ("MEDIAN", arm, 39.5, None, 29, "visit 2")]


def test_statistics_as_columns_under_no_arm_and_a_caption_naming_none_give_no_rows():
    text = ALLOCATION + """Table 2. Time trial (min)
| Visit | n | Mean | SD |
| Visit 1 | 58 | 41.3 | 3.2 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial (min)")
    assert not rows


def test_statistics_in_the_second_label_column():
    text = ALLOCATION + """Table 1. Characteristics
| | | Beetroot juice | Placebo |
| Age (years) | Mean | 35.1 | 36.2 |
| | SD | 5.0 | 6.1 |
| Weight (kg) | Mean | 70.4 | 72.0 |
| | SD | 9.1 | 8.7 |
| | Range | 55-90 | 58-93 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    assert [(r["outcome"], r["intervention"], r["value"], r["sd"], r["range_low"]) for r in rows] == [
        ("Age (years)", "beetroot juice", 35.1, 5.0, None), ("Age (years)", "placebo", 36.2, 6.1, None),
        ("Weight (kg)", "beetroot juice", 70.4, 9.1, 55.0), ("Weight (kg)", "placebo", 72.0, 8.7, 58.0)]


def test_a_caption_naming_one_arm_does_not_take_a_table_whose_rows_are_the_arms():
    text = ALLOCATION + """Table 2. Effect of beetroot juice on time trial (min)
| Group | N | Mean | SD |
| Beetroot juice | 30 | 41.2 | 3.1 |
| Placebo | 28 | 41.5 | 3.4 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Effect of beetroot juice on time trial (min)")
    assert [(r["intervention"], r["value"], r["sd"]) for r in rows] == [("beetroot juice", 41.2, 3.1), ("placebo", 41.5, 3.4)]


@pytest.mark.parametrize("fmt, cells, measure", [("Mean ± SD", ("41.2 ± 3.1", "41.5 ± 3.4"), "MEAN"),
                                                 ("Median (IQR)", ("41 (38-44)", "42 (39-45)"), "MEDIAN")])
def test_an_n_column_beside_an_arms_figures_is_the_number_measured(fmt, cells, measure):
    text = ALLOCATION + f"""Table 2. Outcomes
| | Beetroot juice | Beetroot juice | Placebo | Placebo |
| | n | {fmt} | n | {fmt} |
| Time (min) | 29 | {cells[0]} | 27 | {cells[1]} |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes", header_rows=2)
    assert [(r["measure"], r["intervention"], r["total"]) for r in rows] == [
        (measure, "beetroot juice", 29), (measure, "placebo", 27)]


def test_column_headers_that_are_times_of_the_documents_schedule():
    text = ("Pain (NRS) was recorded at 15, 30 and 60 minutes after the injection.\n"
            "Patients were randomly assigned to ketorolac or paracetamol.\n" + """Table 2. Pain scores
| Group | NRS15 | NRS30 | NRS60 |
| Ketorolac | 5.1 ± 1.2 | 3.2 ± 1.1 | 1.9 ± 0.9 |
| Paracetamol | 5.9 ± 1.4 | 4.4 ± 1.3 | 3.1 ± 1.0 |
""")
    _, rows = _read(text, text.split("\n")[3], "Table 2. Pain scores")
    assert [(r["intervention"], r["outcome"], r["timepoint"], r["value"]) for r in rows[:3]] == [
        ("ketorolac", "NRS", "15 minutes", 5.1), ("ketorolac", "NRS", "30 minutes", 3.2),
        ("ketorolac", "NRS", "60 minutes", 1.9)]


@pytest.mark.parametrize("first, last, first_when, last_when", [("Initial", "Final", "initial", "final"),
                                                                ("Admission", "Discharge", "admission", "discharge"),
                                                                # "End" as printed (session 15: the labels of
                                                                # validation batches write "end", not which end)
                                                                ("Start", "End", "start", "end")])
def test_moments_under_each_arm(first, last, first_when, last_when):
    text = "Adults were randomly assigned to a probiotic (PRO) or placebo (PLA).\n" + f"""Table 1. Body composition
| Variable | PLA | PLA | PRO | PRO |
| Variable | {first} | {last} | {first} | {last} |
| Body mass (kg) | 70.2 ± 9.1 | 71.0 ± 9.4 | 68.3 ± 8.8 | 67.9 ± 8.5 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Body composition", header_rows=2)
    assert [(r["intervention"], r["timepoint"], r["role"]) for r in rows] == [
        ("placebo", first_when, "baseline"), ("placebo", last_when, ""), ("probiotic", first_when, "baseline"),
        ("probiotic", last_when, "")]


@pytest.mark.parametrize("zero", ["Week 0", "Day 0", "0 min", "Visit 1"])
def test_the_first_time_of_a_series_is_before_the_intervention(zero):
    text = ALLOCATION + f"""Table 2. Heart rate (beats/min)
| | Beetroot juice | Beetroot juice | Placebo | Placebo |
| | {zero} | Week 6 | {zero} | Week 6 |
| Heart rate | 71 ± 8 | 66 ± 7 | 70 ± 9 | 70 ± 8 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Heart rate (beats/min)", header_rows=2)
    assert [r["role"] for r in rows] == ["baseline", "", "baseline", ""]


# ------------------------------------------------------------------ the same shapes through a JATS full report
def _jats_rows(tmp_path, methods: str, table: str) -> list[dict]:
    from evidence_review.extract import extract_study_tables
    from evidence_review.ingest import ingest_with_structures
    xml = ('<?xml version="1.0"?>\n<article><front><article-meta><title-group><article-title>A randomized trial'
           '</article-title></title-group></article-meta></front><body>'
           f'<sec sec-type="methods"><title>Methods</title><p>{methods}</p></sec>'
           f'<sec sec-type="results"><title>Results</title><p>The results are shown in the table.</p>{table}'
           '</sec></body></article>')
    (tmp_path / "trial.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    rows = extract_study_tables(documents, texts, structures).estimates
    text = next(iter(texts.values()))
    out = rows[rows["finder"] == "table"].to_dict("records")
    assert all(text[int(r["start"]):int(r["end"])] == r["evidence"] for r in out)
    return out


def _tr(*cells: str, tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" if not c.startswith("<") else c for c in cells) + "</tr>"


def test_jats_one_block_per_arm_spanning_headers(tmp_path):
    # the arm's name spans the statistics (colspan), its block's headers printed again in the body
    table = ("<table-wrap><label>Table 2</label><caption><title>Sprint performance</title></caption><table><thead>"
             + _tr("Parameter", '<th colspan="5">Experimental group</th>', tag="th")
             + _tr("Parameter", "N", "Mean", "S.D.", "Minimum", "Maximum", tag="th") + "</thead><tbody>"
             + _tr("Week 0", "24", "5.21", "0.40", "4.50", "6.02")
             + _tr("Week 8", "24", "5.02", "0.38", "4.31", "5.80")
             + _tr("Parameter", '<td colspan="5">Control group</td>')
             + _tr("Parameter", "N", "Mean", "S.D.", "Minimum", "Maximum")
             + _tr("Week 0", "23", "5.25", "0.42", "4.48", "6.10")
             + _tr("Week 8", "22", "5.20", "0.41", "4.44", "6.05")
             + "</tbody></table></table-wrap>")
    methods = "Sprinters were randomly assigned to creatine (n = 24) or placebo (n = 23)."
    rows = _jats_rows(tmp_path, methods, table)
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["range_low"], r["range_high"], r["total"],
             r["timepoint"], r["role"]) for r in rows] == [
        ("MEAN", "creatine", 5.21, 0.40, 4.50, 6.02, 24, "week 0", "baseline"),
        ("MEAN", "creatine", 5.02, 0.38, 4.31, 5.80, 24, "week 8", "effect"),
        ("MEAN", "placebo", 5.25, 0.42, 4.48, 6.10, 23, "week 0", "baseline"),
        ("MEAN", "placebo", 5.20, 0.41, 4.44, 6.05, 22, "week 8", "effect")]


def test_jats_arm_over_moments_with_sizes_and_a_slash_decimal_mark(tmp_path):
    table = ("<table-wrap><label>Table 1</label><caption><title>Grip strength (kg)</title></caption><table><thead>"
             + _tr("Variable", '<th colspan="2">PLB</th>', '<th colspan="2">CRE</th>', tag="th")
             + _tr("Variable", "Initial (n = 10)", "Final (n = 10)", "Initial (n = 11)", "Final (n = 11)", tag="th")
             + "</thead><tbody>"
             + _tr("Grip strength", "31/20 ± 4/10", "31/90 ± 4/30", "30/80 ± 3/90", "33/40 ± 4/00 *,a")
             + "</tbody></table></table-wrap>")
    methods = "Older adults were randomly assigned to creatine (CRE) or placebo (PLB)."
    rows = _jats_rows(tmp_path, methods, table)
    assert [(r["intervention"], r["value"], r["sd"], r["total"], r["timepoint"], r["role"]) for r in rows] == [
        ("placebo", 31.2, 4.1, 10, "initial", "baseline"), ("placebo", 31.9, 4.3, 10, "final", "effect"),
        ("creatine", 30.8, 3.9, 11, "initial", "baseline"), ("creatine", 33.4, 4.0, 11, "final", "effect")]


def test_a_descriptives_table_with_the_interval_bounds_in_columns_of_their_own():
    # the layout of a statistics package's descriptives: arms as rows, "95% Confidence Interval for Mean" spanning
    # "Lower Bound | Upper Bound"
    text = ALLOCATION + """Table 3. Time trial (min)
| Group | N | Mean | Std. Deviation | Std. Error | 95% Confidence Interval for Mean | 95% Confidence Interval for Mean | Minimum | Maximum |
| Group | N | Mean | Std. Deviation | Std. Error | Lower Bound | Upper Bound | Minimum | Maximum |
| Beetroot juice | 30 | 41.2 | 3.1 | 0.57 | 40.04 | 42.36 | 35.0 | 48.1 |
| Placebo | 28 | 41.5 | 3.4 | 0.64 | 40.18 | 42.82 | 34.9 | 49.3 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Time trial (min)", header_rows=2)
    assert [(r["intervention"], r["value"], r["sd"], r["ci_low"], r["ci_high"], r["range_low"], r["total"]) for r in rows] == [
        ("beetroot juice", 41.2, 3.1, 40.04, 42.36, 35.0, 30), ("placebo", 41.5, 3.4, 40.18, 42.82, 34.9, 28)]


@pytest.mark.parametrize("text, expected", [("Lower Bound", "ci_low"), ("95% CI upper", "ci_high"), ("UCL", "ci_high"),
                                            ("Lower", None), ("Upper limb", None), ("Std. Error", "se")])
def test_one_bound_of_an_interval_is_a_statistic_of_its_own(text, expected):
    assert statistic_name(text) == expected


def test_codes_the_methods_define_as_times_under_each_arm():
    text = ("Strength was measured before the first session (T0), after 6 weeks (T1) and after 12 weeks (T2).\n"
            + ALLOCATION + """Table 2. Leg press (kg)
| | Beetroot juice | Beetroot juice | Beetroot juice | Placebo | Placebo | Placebo |
| | T0 | T1 | T2 | T0 | T1 | T2 |
| Leg press | 120 ± 20 | 131 ± 22 | 140 ± 21 | 118 ± 19 | 122 ± 20 | 125 ± 21 |
""")
    _, rows = _read(text, text.split("\n")[3], "Table 2. Leg press (kg)", header_rows=2)
    assert [(r["intervention"], r["timepoint"], r["role"]) for r in rows] == [
        ("beetroot juice", "T0 (before the first session)", "baseline"), ("beetroot juice", "T1 (after 6 weeks)", ""),
        ("beetroot juice", "T2 (after 12 weeks)", ""), ("placebo", "T0 (before the first session)", "baseline"),
        ("placebo", "T1 (after 6 weeks)", ""), ("placebo", "T2 (after 12 weeks)", "")]


@pytest.mark.parametrize("header, cells, expected", [
    ("| | N | Mean | SD | Median |", ("| Visit 1 | 30 | 41.2 | 3.1 | 40.8 |", "| Visit 1 | 28 | 41.5 | 3.4 | 41.0 |"),
     [("MEAN", "beetroot juice", 41.2, 3.1), ("MEDIAN", "beetroot juice", 40.8, None),
      ("MEAN", "placebo", 41.5, 3.4), ("MEDIAN", "placebo", 41.0, None)]),
    ("| | Mean ± SD | Median (IQR) |", ("| Visit 1 | 41.2 ± 3.1 | 40.8 (39-43) |", "| Visit 1 | 41.5 ± 3.4 | 41.0 (39-44) |"),
     [("MEAN", "beetroot juice", 41.2, 3.1), ("MEDIAN", "beetroot juice", 40.8, None),
      ("MEAN", "placebo", 41.5, 3.4), ("MEDIAN", "placebo", 41.0, None)]),
])
def test_heading_rows_naming_the_arms_give_the_rows_under_them_their_arm(header, cells, expected):
    width = header.count("|") - 1
    text = ALLOCATION + f"""Table 2. Time trial (min)
{header}
| Beetroot juice |{" |" * (width - 1)}
{cells[0]}
| Placebo |{" |" * (width - 1)}
{cells[1]}
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Time trial (min)")
    assert [(r["measure"], r["intervention"], r["value"], r["sd"]) for r in rows] == expected
    assert {r["timepoint"] for r in rows} == {"visit 1"}
