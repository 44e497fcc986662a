"""The format a table cell is under, read from everything the document declares (declared_formats.py): a label,
a caption, a footnote, the statistics paragraph of the methods; several at once read row by row by the cells'
signatures. Texts written for these tests (general shapes; numbers, names and fields of no document)."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import (MEASURED_QUANTITY, caption_format, column_header_format,
                                                      declared_formats, document_formats, header_parts_format,
                                                      header_statistic_format, kind_of_variables, label_mark, rate_format,
                                                      format_for_cell, label_format, marked_declarations, marked_format,
                                                      percent_unit_only, table_wide_notes,
                                                      table_declared_formats)


# ------------------------------------------------------------------------------------------- what words declare
@pytest.mark.parametrize("words, expected", [
    ("Data are mean ± SD, n (%) or median [IQR]", ("mean_sd", "n_pct", "median_iqr")),
    ("Values are presented as number (percentage) unless otherwise indicated", ("n_pct",)),
    ("Continuous variables are expressed as median (interquartile range)", ("median_iqr",)),
    ("Results are given as means with standard errors of the mean", ("mean_se",)),
    ("Data shown are mean ± SEM or counts (percentages)", ("mean_se", "n_pct")),
    ("Values are median (range) or n (%)", ("median_range", "n_pct")),
    ("Summary statistics: median (25th-75th percentile); frequencies and percentages", ("median_iqr", "n_pct")),
    ("Range and median were used for skewed variables", ("median_range",)),
    ("Figures are medians with SD", ("median_sd",)),        # a median's spread printed "SD": no mean declared
    ("Mean (95% CI) unless stated otherwise", ("mean_ci",)),
    # a geometric mean named without its spread: printed with its 95 % CI (never quartiles); one named with its
    # spread is that spread's
    ("Antibody levels (geometric mean titre (IU/mL) +1) by treatment", ("mean_ci",)),
    ("Serum GMCs of the two groups", ("mean_ci",)),
    ("Values are geometric mean \u00b1 SD", ("mean_sd",)),
    ("Geometric mean (range)", ("mean_range",)),
])
def test_every_format_the_words_declare_in_the_order_written(words, expected):
    assert declared_formats(words) == expected


@pytest.mark.parametrize("words", ["Baseline characteristics of the patients", "Mean values at week 12",
                                   "Outcomes by median split of adherence", ""])
def test_words_naming_no_format_declare_none(words):
    assert declared_formats(words) == ()


def test_a_caption_declares_one_format_for_the_table_only_when_it_names_one():
    assert caption_format("Table 3. Outcomes at 6 months; values are mean (SD)") == "mean_sd"
    assert caption_format("Data are presented as mean ± SD or n (%)") == ""     # a mixed list: read row by row
    assert caption_format("Table 1. Characteristics of the participants") == ""


@pytest.mark.parametrize("label, expected", [
    ("Age, years, mean (SD)", "mean_sd"), ("Women, n (%)", "n_pct"), ("Stay, days, median [IQR]", "median_iqr"),
    ("Score, Md (Q1-Q3)", "median_iqr"), ("Infusion time, mean (range)", "mean_range"), ("Falls (n)", "count"),
    ("Responders, % (n)", "pct_n"), ("Creatinine", ""),
])
def test_a_label_names_its_format(label, expected):
    assert label_format(label) == expected


def test_a_bare_percent_in_a_label_is_only_perhaps_a_share():
    assert percent_unit_only("Ejection fraction, %") and percent_unit_only("HbA1c (%)")
    assert not percent_unit_only("Female, n (%)") and not percent_unit_only("Age, years")


# ------------------------------------------------------------------------------------------- the document's prose
DOCUMENT = """Methods
Statistical analysis. Continuous variables are expressed as mean ± SEM and categorical variables as number (percentage).
Differences were tested with the t test.

Table 2. Secondary outcomes
| Outcome | Drug (n = 40) | Placebo (n = 40) |
| Pain score | 3.1 ± 0.4 | 4.0 ± 0.5 |
Values are median (range).

Results
The mean pain score fell in both groups."""


def test_the_statistics_paragraph_declares_for_the_document_and_a_footnote_for_its_table_only():
    assert document_formats(DOCUMENT) == ("mean_se", "n_pct")
    # the table's footnote "median (range)" is no declaration of the document's
    assert "median_range" not in document_formats(DOCUMENT)


def test_a_result_sentence_naming_a_statistic_declares_nothing():
    text = "Results\nThe mean (SD) age was 54 (9) years and 31 (41%) were women.\n"
    assert document_formats(text) == ()


def test_a_tables_declarations_come_first_then_the_documents():
    assert table_declared_formats("Table 1. Characteristics", "Data are median (IQR) or n (%)", "Variable",
                                  DOCUMENT) == ("median_iqr", "n_pct", "mean_se")


def test_the_tables_own_declaration_for_a_kind_of_cell_outranks_the_documents():
    # the methods say "mean ± SEM"; the table's footnote "mean ± SD or n (%)": the table's SD holds for its cells
    assert table_declared_formats("Table 2", "Values are mean ± SD or n (%)", "", DOCUMENT) == ("mean_sd", "n_pct")
    assert format_for_cell(table_declared_formats("Table 2", "Values are mean ± SD or n (%)", "", DOCUMENT),
                           "5.2 ± 0.3", "Pain score", 40) == "mean_sd"


# ------------------------------------------------------------------------------------------- one cell, several formats
@pytest.mark.parametrize("choices, cell, label, n, expected", [
    (("mean_se", "n_pct"), "5.2 ± 0.3", "Pain score", 40, "mean_se"),
    (("mean_sd", "n_pct"), "12 (40)", "Female", 30, "n_pct"),            # 12 of 30 is 40 %
    (("mean_sd", "n_pct"), "45 (12)", "Age, years", 30, "mean_sd"),       # 45 is more than the arm
    (("mean_sd", "n_pct"), "14 (3)", "Stay, days", None, "mean_sd"),      # no size: the label measures a quantity
    (("mean_sd", "n_pct"), "14 (35)", "Diabetes", None, ""),              # no size, a kind of patient: the shape reads
    (("mean_sd", "n_pct"), "41.3 (9.8)", "Weight", None, "mean_sd"),      # a decimal centre is no count
    (("median_range", "n_pct"), "5 (1-12)", "Stay, days", 30, "median_range"),
    (("mean_ci", "n_pct"), "5.1 (4.2 to 6.0)", "Score", 30, "mean_ci"),
    (("median_iqr", "median_range"), "5 (1-12)", "Stay", 30, ""),         # two two-bound formats: the shape decides
    (("mean_sd", "mean_se"), "5.2 ± 0.3", "Score", 30, ""),
    (("mean_sd",), "12 (40)", "Female", 30, ""),                          # a share under no count format: the shape
    (("mean_sd", "n_pct"), "12 (40%)", "Female", None, "n_pct"),
    (("mean_sd", "n_pct"), "Yes", "Female", 30, ""),
    ((), "5.2 ± 0.3", "Score", 30, ""),
])
def test_the_declared_format_whose_signature_the_cell_has(choices, cell, label, n, expected):
    assert format_for_cell(choices, cell, label, n) == expected


# ------------------------------------------------------------------------------------------- read in a table
MIXED = """Methods: Adults were randomly assigned to drug X or placebo.

Table 1. Characteristics and outcomes
| Characteristic | Drug X (n = 50) | Placebo (n = 48) |
| Age, years | 61.2 ± 1.4 | 60.8 ± 1.5 |
| Female | 21 (42.0) | 18 (37.5) |
| Hospital stay, days | 6 (3-11) | 8 (4-15) |
| Pain score | 3.2 ± 0.3 | 4.1 ± 0.4 |
Data are mean ± SEM, n (%) or median (range)."""
MIXED_HEADER = "| Characteristic | Drug X (n = 50) | Placebo (n = 48) |"


def _row(rows, word, arm):
    found = [r for r in rows if word in r["outcome"].lower() and r["intervention"] == arm]
    assert len(found) == 1, (word, arm, found)
    return found[0]


def test_a_mixed_footnote_reads_each_row_as_its_own_kind():
    _, rows = read_pipe_table(MIXED, MIXED_HEADER, caption="Table 1. Characteristics and outcomes",
                              footnote="Data are mean ± SEM, n (%) or median (range).")
    age = _row(rows, "age", "drug x")
    assert (age["measure"], age["value"], age["se"]) == ("MEAN", 61.2, 1.4)      # SEM, not SD
    female = _row(rows, "female", "placebo")
    assert (female["measure"], female["events"], female["total"]) == ("PROPORTION", 18, 48)
    stay = _row(rows, "stay", "drug x")
    assert (stay["measure"], stay["value"], stay["range_low"], stay["range_high"]) == ("MEDIAN", 6.0, 3.0, 11.0)
    assert stay["q1"] is None


def test_without_the_footnote_the_shapes_read_as_before():
    text = MIXED.replace("Data are mean ± SEM, n (%) or median (range).", "")
    _, rows = read_pipe_table(text, MIXED_HEADER, caption="Table 1. Characteristics and outcomes")
    age = _row(rows, "age", "drug x")
    assert (age["measure"], age["sd"]) == ("MEAN", 1.4)
    stay = _row(rows, "stay", "drug x")
    assert (stay["measure"], stay["q1"], stay["q3"]) == ("MEDIAN", 3.0, 11.0)


STATISTICS_PARAGRAPH = """Methods
Statistical analysis. Normally distributed data are presented as mean (standard error) and categorical data as
frequencies and percentages.

Table 2. Outcomes at week 8
| Outcome | Drug X (n = 30) | Placebo (n = 32) |
| Systolic pressure, mmHg | 128.4 (2.1) | 135.0 (2.3) |
| Responders | 12 (40.0) | 8 (25.0) |
| HbA1c, % | 7.1 (0.2) | 7.6 (0.2) |"""
PARAGRAPH_HEADER = "| Outcome | Drug X (n = 30) | Placebo (n = 32) |"


def test_the_methods_statistics_paragraph_governs_a_table_that_declares_nothing():
    _, rows = read_pipe_table(STATISTICS_PARAGRAPH, PARAGRAPH_HEADER, caption="Table 2. Outcomes at week 8")
    pressure = _row(rows, "systolic", "drug x")
    assert (pressure["measure"], pressure["value"], pressure["se"]) == ("MEAN", 128.4, 2.1)
    responders = _row(rows, "responders", "placebo")
    assert (responders["measure"], responders["events"], responders["total"]) == ("PROPORTION", 8, 32)
    # a percent that is the unit of a measured quantity stays a mean (its spread the declared SE)
    hba1c = _row(rows, "hba1c", "drug x")
    assert (hba1c["measure"], hba1c["value"], hba1c["se"]) == ("MEAN", 7.1, 0.2)


def test_a_row_label_or_a_caption_naming_one_format_outranks_the_documents_list():
    text = STATISTICS_PARAGRAPH.replace("| Systolic pressure, mmHg |", "| Systolic pressure, mmHg, mean (SD) |")
    _, rows = read_pipe_table(text, PARAGRAPH_HEADER, caption="Table 2. Outcomes at week 8")
    pressure = _row(rows, "systolic", "drug x")
    assert (pressure["measure"], pressure["sd"], pressure["se"]) == ("MEAN", 2.1, None)
    _, rows = read_pipe_table(STATISTICS_PARAGRAPH, PARAGRAPH_HEADER,
                              caption="Table 2. Outcomes at week 8, mean (SD)")
    assert _row(rows, "systolic", "placebo")["sd"] == 2.3


def test_another_tables_footnote_does_not_apply():
    text = """Methods: Adults were randomly assigned to drug X or placebo.

Table 1. Laboratory values
| Measure | Drug X (n = 30) | Placebo (n = 32) |
| Creatinine, mg/dL | 1.1 ± 0.1 | 1.2 ± 0.1 |
Data are mean ± SEM.

Table 2. Outcomes
| Outcome | Drug X (n = 30) | Placebo (n = 32) |
| Pain score | 3.2 ± 0.9 | 4.1 ± 1.0 |"""
    _, rows = read_pipe_table(text, "| Outcome | Drug X (n = 30) | Placebo (n = 32) |", caption="Table 2. Outcomes")
    pain = _row(rows, "pain", "drug x")
    assert (pain["measure"], pain["sd"], pain["se"]) == ("MEAN", 0.9, None)


# ------------------------------------------------------------------------------------------- "%" in the row label
@pytest.mark.parametrize("label", ["Female %", "Current smokers %", "% with response", "% of patients with relapse"])
def test_a_bare_percent_opening_or_ending_a_label_is_its_format(label):
    assert label_format(label) == "n_pct" and percent_unit_only(label)


@pytest.mark.parametrize("label", ["Change in weight, % (95% CI)", "50% reduction in pain", "Response at week 12"])
def test_a_percent_inside_a_label_is_no_bare_format(label):
    assert label_format(label) != "n_pct"


PERCENT_LABELS = """Methods: Adults were randomly assigned to drug X or placebo.

Table 1. Characteristics
| Characteristic | Drug X (n = 40) | Placebo (n = 40) |
| Female % | 45.0 | 52.5 |
| % with diabetes | 20.0 | 25.0 |
| Ejection fraction % | 55.1 | 54.3 |
| HbA1c (%) | 7.2 | 7.4 |"""


def test_percent_labels_read_as_shares_of_patients_or_as_quantities_measured_in_percent():
    _, rows = read_pipe_table(PERCENT_LABELS, "| Characteristic | Drug X (n = 40) | Placebo (n = 40) |",
                              caption="Table 1. Characteristics")
    female = _row(rows, "female", "drug x")
    assert (female["measure"], female["events"], female["total"]) == ("PROPORTION", 18, 40)
    diabetes = _row(rows, "diabetes", "placebo")
    assert (diabetes["measure"], diabetes["events"], diabetes["total"]) == ("PROPORTION", 10, 40)
    assert (female["outcome"], diabetes["outcome"]) == ("Female", "diabetes")      # the format is no part of the name
    for word, value in (("ejection", 55.1), ("hba1c", 7.2)):      # a "%" that is the unit of a measured quantity
        row = _row(rows, word, "drug x")
        assert (row["measure"], row["value"], row["events"]) == ("MEAN", value, None)


def test_a_figure_legend_declares_for_its_figure_not_for_the_tables():
    text = ("Methods\nData are presented as mean (SD).\n\nFigure 2. Pain over time. Values are mean ± SEM.\n\n"
            "Results\nPain fell.")
    assert document_formats(text) == ("mean_sd",)


def test_a_count_named_frequency_or_number_before_its_percent_is_no_unit():
    assert not percent_unit_only("Nausea, frequency (%)") and not percent_unit_only("Relapse, number (%)")
    assert label_format("Nausea, frequency (%)") == "n_pct"


def test_a_percent_label_over_a_whole_number_keeps_its_count_reading():
    # "Vomiting (%) | 17 (47)" of 40 (a share of fewer patients answering) is no mean, whatever the document declares
    assert format_for_cell(("mean_sd", "n_pct"), "17 (47)", "Vomiting (%)", 40, percent_label=True) == ""
    assert format_for_cell(("mean_se", "n_pct"), "7.1 (0.2)", "HbA1c (%)", 40, percent_label=True) == "mean_se"


@pytest.mark.parametrize("label", ["Patients assessed (n, %)", "Side effect (N; %)", "Number on statins (%)",
                                   "No. of patients with fever (%)"])
def test_a_label_naming_its_count_is_no_unit(label):
    assert not percent_unit_only(label)



# ------------------------------------------------------------------------------------------- footnotes with marks
def test_a_marked_footnote_declares_for_what_carries_its_mark():
    notes = "* Median (range)\n† Values are mean ± SEM\n‡ P < 0.05 versus placebo\n^a Data are n (%)"
    assert marked_declarations(notes) == {"*": "median_range", "†": "mean_se", "a": "n_pct"}
    assert label_mark("Length of stay*") == "*" and label_mark("CRP, mg/L†") == "†" and label_mark("IL-6^a") == "a"
    assert label_mark("Age (years)") == "" and label_mark("Type 2 diabetes") == ""
    assert marked_format("Length of stay, days*", marked_declarations(notes)) == "median_range"
    assert marked_format("Length of stay, days", marked_declarations(notes)) == ""


def test_a_footnote_for_marked_rows_does_not_speak_for_the_table():
    notes = "* Median (range)\nData are mean ± SD."
    assert table_wide_notes(notes, ["Age, years", "Stay, days*"], ["Table 2. Outcomes"]) == "Data are mean ± SD."
    # the same mark on the caption or a header: the footnote speaks for the table
    assert "Median" in table_wide_notes(notes, ["Stay, days*"], ["Table 2. Outcomes*"])


MARKED = """Methods: Adults were randomly assigned to drug X or placebo.

Table 2. Outcomes
| Outcome | Drug X (n = 40) | Placebo (n = 40) |
| Pain score | 3.2 (1.1) | 4.0 (1.3) |
| Length of stay, days* | 6 (2-19) | 8 (3-25) |
| Blood loss, mL | 310 (95) | 355 (120) |
Data are mean (SD).
* Median (range)."""


def test_a_row_marked_for_a_footnote_reads_in_its_format_the_others_in_the_tables():
    _, rows = read_pipe_table(MARKED, "| Outcome | Drug X (n = 40) | Placebo (n = 40) |", caption="Table 2. Outcomes",
                              footnote="* Median (range).")
    stay = _row(rows, "stay", "drug x")
    assert (stay["measure"], stay["value"], stay["range_low"], stay["range_high"], stay["q1"]) == \
        ("MEDIAN", 6.0, 2.0, 19.0, None)
    pain = _row(rows, "pain", "placebo")
    assert (pain["measure"], pain["value"], pain["sd"]) == ("MEAN", 4.0, 1.3)
    loss = _row(rows, "loss", "drug x")
    assert (loss["measure"], loss["value"], loss["sd"]) == ("MEAN", 310.0, 95.0)


@pytest.mark.parametrize("choices, cell, label, expected", [
    (("mean_sd", "n_pct"), "72.4", "Weight, kg", "mean"),
    (("median_iqr", "n_pct"), "12", "Length of stay, days", "median"),
    (("mean_sd", "median_iqr"), "72.4", "Weight, kg", ""),       # both centres declared: the figure says neither
    (("mean_sd", "n_pct"), "11", "Hypertension", ""),            # no measured quantity: a count as likely
    (("mean_sd", "n_pct"), "45.5", "Response", ""),              # ... or a share
    (("n_pct",), "72.4", "Weight, kg", ""),
])
def test_a_bare_figure_of_a_measured_quantity_is_the_declared_centre(choices, cell, label, expected):
    assert format_for_cell(choices, cell, label, 40) == expected


def test_a_bare_figure_row_reads_as_the_declared_mean():
    text = STATISTICS_PARAGRAPH + "\n| Weight, kg | 72.4 | 74.1 |"
    _, rows = read_pipe_table(text, PARAGRAPH_HEADER, caption="Table 2. Outcomes at week 8")
    weight = _row(rows, "weight", "placebo")
    assert (weight["measure"], weight["value"], weight["sd"], weight["total"]) == ("MEAN", 74.1, None, 32)


@pytest.mark.parametrize("label, expected", [
    ("Age, mean +/- SD", "mean_sd"), ("Age, years +/- SD", "mean_sd"), ("Female [%]", "n_pct"), ("Female; %", "n_pct"),
    ("Stay, median [min; max]", "median_range"), ("Dose, mean (min; max)", "mean_range"),
])
def test_more_spellings_of_a_labels_format(label, expected):
    assert label_format(label) == expected


@pytest.mark.parametrize("heading, expected", [
    ("Continuous variables", True), ("Categorical data", True), ("Normally distributed parameters", True),
    ("Variables", True), ("Laboratory variables", False), ("Pain scores", False), ("Adverse events", False),
])
def test_a_heading_naming_only_a_kind_of_variables(heading, expected):
    assert kind_of_variables(heading) is expected


def test_a_heading_declaring_its_rows_format_is_no_part_of_their_names():
    text = """Methods: Adults were randomly assigned to drug X or placebo.

Table 2. Outcomes
| Outcome | Drug X (n = 30) | Placebo (n = 32) |
| Continuous variables, mean ± SD | | |
| Weight, kg | 72.4 ± 10.1 | 74.1 ± 11.0 |
| Categorical variables, n (%) | | |
| Relapse | 12 (40.0) | 16 (50.0) |
| Laboratory values | | |
| CRP, mg/L | 5.1 ± 2.0 | 6.3 ± 2.2 |"""
    _, rows = read_pipe_table(text, "| Outcome | Drug X (n = 30) | Placebo (n = 32) |", caption="Table 2. Outcomes")
    assert {r["outcome"] for r in rows} == {"Weight", "Relapse", "Laboratory values: CRP"}
    relapse = _row(rows, "relapse", "placebo")
    assert (relapse["measure"], relapse["events"], relapse["total"]) == ("PROPORTION", 16, 32)


# ------------------------------------------------------------------------------------------- column headers
@pytest.mark.parametrize("fmt, expected", [
    ("n", "count"), ("No.", "count"), (" Frequencies ", "count"),
    ("%", "pct"), ("Percentage", "pct"),
    ("n/N", "n_pct"), ("n / N", "n_pct"),
    ("Mean (SD)", "mean_sd"), ("median [IQR]", "median_iqr"), ("n (%)", "n_pct"),
    ("", ""), ("Week 8", ""), ("Dose", ""),
])
def test_the_format_a_column_headers_format_words_name(fmt, expected):
    assert column_header_format(fmt) == expected


@pytest.mark.parametrize("header, expected", [
    ("Mean ± SEM", "mean_se"),
    ("Mean % change from week 0", "mean"),
    ("Median time to healing, days", "median"),
    ("Means and medians", ""),        # both statistics named: neither decides
    ("Responders", ""),
])
def test_the_format_a_header_naming_a_statistic_gives(header, expected):
    assert header_statistic_format(header) == expected


def test_the_centre_format_one_of_a_columns_header_rows_names():
    assert header_parts_format(["", "n (%)", "median (IQR)", "mean (SD)"]) == "median_iqr"
    assert header_parts_format(["n", "%"]) == ""        # counts and shares are no centre
    assert header_parts_format([]) == ""


@pytest.mark.parametrize("text, expected", [
    ("Event rate, %/year", "rate100"),
    ("Episodes per 100 person-years", "rate100"),
    ("Attacks per patient-year", "rate1"),
    ("Falls / person years", "rate1"),
    ("Falls per year", ""),          # no patient-years: a count in a year, not a rate of the population
    ("Mean (SD)", ""),
])
def test_a_header_or_label_of_event_rates(text, expected):
    assert rate_format(text) == expected


@pytest.mark.parametrize("label, measured", [
    ("Grip strength score", True), ("Age, years", True), ("Stay in ward", True), ("Blood loss", True),
    ("Serum urea (mmol / L)", True), ("Body mass (kg)", True), ("Fatigue scale", True),
    ("Female", False), ("Smokers", False), ("Prior stroke", False), ("Headache (n)", False),
])
def test_the_one_list_of_words_naming_a_measured_quantity(label, measured):
    assert bool(MEASURED_QUANTITY.search(label)) is measured


def test_geometric_means_in_row_pairs_under_a_caption_are_means_with_their_interval():
    # the arms as the second column of row pairs, the caption naming geometric means without their spread: each
    # "2.4 (1.5, 3.6)" is a MEAN with its 95 % CI (no median's quartiles), no SD derived from the log-scale interval
    text = ("Women were randomly assigned to placebo (n = 120) or albendazole (n = 118).\n"
            "Table 2. Cord blood responses (geometric mean concentration (pg/mL) +1) by infection intensity and treatment\n"
            "| | | Light infection | Heavy infection |\n"
            "| IL-5 | placebo | 2.41 (1.52, 3.63) | 2.18 (1.21, 4.02) |\n"
            "| | albendazole | 3.07 (1.88, 5.12) | 1.52 (1.04, 2.20) |\n"
            "| IL-13 | placebo | 1.31 (0.98, 1.74) | 1.20 (0.91, 1.55) |\n"
            "| | albendazole | 1.66 (1.21, 2.31) | 1.19 (0.95, 1.47) |\n")
    _, rows = read_pipe_table(text, "| | | Light infection | Heavy infection |",
                              caption="Table 2. Cord blood responses (geometric mean concentration (pg/mL) +1) by infection "
                                      "intensity and treatment")
    figures = [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")]
    assert figures and {r["measure"] for r in figures} == {"MEAN"}
    first = next(r for r in figures if r["value"] == 2.41)
    assert (first["ci_low"], first["ci_high"], first.get("sd")) == (1.52, 3.63, None)


@pytest.mark.parametrize("label", ["IL-6 > median value", "Score below the median", "Ferritin \u2264 median", "Weight above mean"])
def test_a_centre_named_as_the_cut_of_a_split_declares_no_format(label):
    # the halves of the patients at a measure's median: their cells print counts, never medians
    assert label_format(label) == ""
    assert header_statistic_format(label) == ""


def test_a_centre_named_as_the_statistic_still_declares_its_format():
    assert label_format("Ferritin, median") == "median"
    assert header_statistic_format("Mean score > 5") == "mean"
