"""Which statistic a row's cells hold when the table says it somewhere other than the row label: a footnote (or the
statistics paragraph) naming the quantities it declares for ("AUC and Cmax summarized using geometric means (95%
confidence intervals)", "Tmax ... using medians (range)"), and a stub column beside the labels naming each row's
format ("Length of stay | Geometric mean (95% CI) | 99.6 (76.6 to 129.6)", "Age | Median (range) | 7.1 (4.1, 11.3)").
Trials, names, fields and numbers invented for the tests."""
from __future__ import annotations

import pytest

from table_grids import read_pipe_table
from evidence_review.extract.declared_formats import format_words_only, named_declarations, named_format

METHODS = "Thirty-five children were randomly assigned to drug A (n = 15) or drug B (n = 20).\n"


def _read(text: str, caption: str, header_rows: int = 1, footnote: str = "") -> list[dict]:
    header = text.split("\n")[text.split("\n").index(caption) + 1]
    return read_pipe_table(text, header, caption=caption, header_rows=header_rows, footnote=footnote)[1] or []


def test_a_footnote_declaring_a_format_for_the_quantities_it_names():
    notes = named_declarations("AUC and Cmax summarized using geometric means (95% confidence intervals)\n"
                               "Tmax and Clast summarized using medians (range).\nComparisons from Wilcoxon tests")
    assert notes == ((("AUC", "Cmax"), "mean_ci"), (("Tmax", "Clast"), "median_range"))
    assert named_format("Cmax (ng/mL)", notes) == "mean_ci"
    assert named_format("AUC0-12hr (hr\u2022ng/mL)", notes) == "mean_ci"     # (a subscript's digits after the name)
    assert named_format("Tmax (hr)", notes) == "median_range"
    assert named_format("Half-life (hr)", notes) == ""


def test_the_statistics_paragraph_declaring_two_clauses_in_one_sentence():
    notes = named_declarations("Because of skewed distributions, AUC and Cmax were summarized using geometric means "
                               "(95% confidence intervals), and Tmax was summarized using medians (range).")
    assert notes == ((("AUC", "Cmax"), "mean_ci"), (("Tmax",), "median_range"))


@pytest.mark.parametrize("words", ["Continuous variables were presented as mean \u00b1 SD.",
                                   "Data are expressed as median (IQR).", "Values are given as mean (SD)."])
def test_a_declaration_for_the_data_or_a_kind_of_variables_names_no_quantity(words):
    assert named_declarations(words) == ()


@pytest.mark.parametrize("cell, expected", [("Median (range)", "median_range"), ("N (%)", "n_pct"),
                                            ("Geometric mean (95% CI)", "mean_ci"), ("Arithmetic mean (SD)", "mean_sd"),
                                            ("Male", ""), ("Median", ""), ("Mean age (SD)", ""), ("Female, n (%)", "")])
def test_a_stub_cell_naming_only_a_format(cell, expected):
    assert format_words_only(cell) == expected


def test_geometric_means_and_medians_declared_by_footnotes_naming_their_rows():
    caption = "Table 2. Pharmacokinetic parameters of drug X with drug A and drug B"
    footnote = ("AUC and Cmax summarized using geometric means (95% confidence intervals)\n"
                "Tmax summarized using medians (range).")
    text = METHODS + caption + """
| | Drug A | Drug B | Difference |
| | n = 15 | n = 20 | % (p-value) |
| Cmax (ng/mL) | 18.1 (10.2 to 30.4) | 33.9 (26.0 to 44.1) | -47.0 (0.06) |
| Tmax (hr) | 1.5 (1.0 to 4.0) | 2.0 (1.5 to 8.0) | -25 (0.03) |
| AUC0-8hr (hr\u2022ng/mL) | 66.2 (37.9 to 115) | 121 (98.4 to 150) | -45.3 (0.07) |
""" + footnote + "\n"
    rows = _read(text, caption, header_rows=2, footnote=footnote)
    got = {(r["measure"], r["outcome"], r["value"], r.get("ci_low"), r.get("q1"), r.get("range_low"))
           for r in rows if r["measure"] in ("MEAN", "MEDIAN")}
    assert ("MEAN", "Cmax (ng/mL)", 18.1, 10.2, None, None) in got
    assert ("MEAN", "AUC0-8hr (hr\u2022ng/mL)", 121, 98.4, None, None) in got
    assert ("MEDIAN", "Tmax (hr)", 1.5, None, None, 1.0) in got
    assert not any(r[4] is not None for r in got)       # no bracket read as quartiles


def test_a_measure_column_beside_the_labels_names_each_rows_statistic():
    caption = "Table 3. Comparison of outcome measures"
    text = METHODS + caption + """
| Outcome | Measure | Drug A (n=15) | Drug B (n=20) |
| Length of stay (hours) | Geometric mean (95% CI) | 98.2 (75.1 to 128.4) | 110.6 (88.0 to 139.0) |
| Length of stay (hours) | Median (range) | 93.0 (11-1050) | 118 (14-1530) |
| Readmissions | N (%) | 5 (33) | 8 (41.2) |
"""
    rows = _read(text, caption)
    got = {(r["measure"], r["value"], r.get("ci_low"), r.get("q1"), r.get("range_low"), r.get("events"), r.get("total"))
           for r in rows}
    assert ("MEAN", 98.2, 75.1, None, None, None, 15) in got
    assert ("MEDIAN", 93.0, None, None, 11, None, 15) in got
    # (a row declaring "N (%)" is a count with its share although the share is printed rounded off the count's)
    assert any(r[0] == "PROPORTION" and r[5] == 8 and r[6] == 20 for r in got)
    assert not any(r[0] == "MEAN" and r[1] in (5, 8) for r in got)


def test_both_quartiles_named_in_one_header_cell():
    from evidence_review.extract.grammar import statistic_name
    assert statistic_name("Lower-upper quartile") == "iqr"
    assert statistic_name("lower and upper quartiles") == "iqr"
    assert statistic_name("Lower quartile") == "q1"


def test_a_body_row_naming_the_columns_statistics_again_for_the_arms_rows_under_it():
    caption = "Table 2. Pre-intervention scores in the three study groups"
    text = ("Twenty-eight physicians were randomly assigned to a reading workshop (n = 9), a case workshop (n = 9) or "
            "no intervention (controls, n = 10).\n" + caption + """
| | Mean | Standard deviation | Skewness | F-test | p-value |
| Knowledge Dimension | Knowledge Dimension | Knowledge Dimension | Knowledge Dimension | Knowledge Dimension | Knowledge Dimension |
| Reading workshop | 42.10 | 8.21 | 0.51 | | |
| Case workshop | 44.70 | 6.32 | - 0.40 | 0.27 | 0.77 |
| Controls | 43.20 | 8.05 | 1.11 | | |
| | Median | Lower-upper quartile | Skewness | Kruskal-Wallis | P-value |
| Attitude Dimension | Attitude Dimension | Attitude Dimension | Attitude Dimension | Attitude Dimension | Attitude Dimension |
| Reading workshop | 4.41 | 4.20-4.61 | - 0.90 | | |
| Case workshop | 4.28 | 4.05-4.66 | -2.50 | 0.55 | 0.74 |
| Controls | 4.22 | 3.85-4.50 | - 0.88 | | |
""")
    rows = _read(text, caption)
    got = {(r["measure"], r["value"], r.get("sd"), r.get("q1"), r.get("q3")) for r in rows}
    assert ("MEAN", 42.10, 8.21, None, None) in got
    assert ("MEDIAN", 4.41, None, 4.20, 4.61) in got
    assert ("MEDIAN", 4.22, None, 3.85, 4.50) in got
    assert not any(r[0] == "MEAN" and r[1] < 5 for r in got)      # (no median read as a mean without its spread)


def test_a_header_naming_only_the_mean_takes_its_spread_from_the_footnotes_mixed_list():
    caption = "Table 2. Result of efficacy endpoints (Week 12 LOCF)"
    footnote = ("Data are expressed as least squares mean (standard error). Response is a 30% reduction in the score.\n"
                "a Number of patients (%)")
    text = ("Ninety children were randomly assigned to drug A (n = 44) or placebo (n = 46).\n" + caption + """
| | Placebo (n = 46) | Placebo (n = 46) | Drug A (n = 44) | Drug A (n = 44) |
| | Mean baseline | Mean change from baseline | Mean baseline | Mean change from baseline |
| Irritability subscale | 25.8 (1.1) | -7.1 (1.5) | 26.4 (1.0) | -11.0 (1.2) |
| Lethargy subscale | 14.2 (1.3) | -4.4 (1.0) | 15.1 (1.4) | -5.6 (1.1) |
""" + footnote + "\n")
    rows = _read(text, caption, header_rows=2, footnote=footnote)
    means = {(r["value"], r.get("se")) for r in rows if r["measure"] == "MEAN"}
    # (each bracket the mean's SE: an SD is derived from it, never the bracket read as one)
    assert (25.8, 1.1) in means and (-11.0, 1.2) in means
    assert len(means) == 8 and all(se is not None for _, se in means)


def test_the_statistics_paragraph_naming_a_quantity_declares_for_its_rows_in_a_table_declaring_nothing():
    caption = "Table 2. Pharmacokinetic parameters"
    text = ("Thirty-five children were randomly assigned to drug A (n = 15) or drug B (n = 20). Because of skewed "
            "distributions, AUC and Cmax were summarized using geometric means (95% confidence intervals), and Tmax "
            "was summarized using medians (range).\n\n" + caption + """
| | Drug A (n = 15) | Drug B (n = 20) |
| Cmax (ng/mL) | 18.1 (10.2 to 30.4) | 33.9 (26.0 to 44.1) |
| Tmax (hr) | 1.5 (1.0 to 4.0) | 2.0 (1.5 to 8.0) |
""")
    rows = _read(text, caption)
    got = {(r["measure"], r["value"], r.get("ci_low"), r.get("range_low"), r.get("q1")) for r in rows}
    assert ("MEAN", 18.1, 10.2, None, None) in got and ("MEDIAN", 2.0, None, 1.5, None) in got
    # (a column header naming the format speaks for its table: the paragraph's quantities yield to it)
    header_said = text.replace("| Drug A (n = 15) | Drug B (n = 20) |", "| Drug A (n = 15), median (IQR) | Drug B (n = 20), median (IQR) |")
    rows = _read(header_said, caption)
    assert all(r["measure"] == "MEDIAN" and r.get("q1") is not None for r in rows)
