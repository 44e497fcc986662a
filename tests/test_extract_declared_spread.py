"""A spread declared once (declared_formats.document_spread, plus_minus_spread, bracket_spread): the statistics
paragraph says "mean ± SE" and the document's bare "±" and bracketed spreads are standard errors, in its sentences and
in its tables' cells ("x (±y)", "x unit (±y)"); a figure that names its own spread keeps it. Texts written for these
tests (general shapes; numbers, names and fields of no document)."""
from __future__ import annotations

import pytest

from evidence_review.extract.cell_reading import read_cell, tokenize
from evidence_review.extract.core import extract_document
from evidence_review.extract.declared_formats import (bracket_spread, document_formats, document_spread, format_for_cell,
                                                      plus_minus_spread)
from evidence_review.extract.textscan import scan_view

_SE_METHODS = ("Statistical analysis\nSummary statistics reported are means \u00b1 SE unless otherwise stated. "
               "Groups were compared with t-tests.\n")


@pytest.mark.parametrize("sentence, expected", [
    ("All summary data reported are means \u00b1 SE to two decimals.", "SE"),
    ("Descriptive values are given as mean values and standard errors of the mean.", "SE"),
    ("Outcomes were reported as mean \u00b1 SEM.", "SE"),
    ("Data shown are mean \u00b1 SD.", "SD"),
    ("Values presented are means (standard deviations).", "SD"),
    # both declared (for two kinds of data): no one spread for the document
    ("Data are mean \u00b1 SD for ages and mean \u00b1 SEM for the hormone levels.", ""),
    # a figure's own "mean ± SE" in the results declares nothing for the document
    ("The mean \u00b1 SE score rose from 4.1 \u00b1 0.2 to 5.3 \u00b1 0.3.", ""),
])
def test_the_spread_the_statistics_paragraph_declares(sentence, expected):
    assert document_spread("Methods\n" + sentence + "\n") == expected


def test_a_figure_legend_declares_for_its_plot_only():
    legend = "Methods\nWe enrolled 30 volunteers.\nFigure 2. Scores over time; data are mean \u00b1 SEM.\n"
    assert document_formats(legend) == ()
    assert document_spread(legend) == ""


def test_the_statistics_paragraph_outranks_a_figure_that_names_its_own_spread():
    text = ("Methods\nTwenty children (mean \u00b1 SD age = 8.2 \u00b1 0.7 years) took part.\n" + _SE_METHODS)
    assert plus_minus_spread(text, scan_view(text)) == "SE"
    # without the statistics paragraph every "mean ± x" printed decides, and one says SD
    alone = "Methods\nTwenty children (mean \u00b1 SD age = 8.2 \u00b1 0.7 years) took part.\n"
    assert plus_minus_spread(alone, scan_view(alone)) == ""
    # a paragraph declaring SD: a "mean ± SEM" printed elsewhere is that figure's own
    sd = "Methods\nData are mean \u00b1 SD.\nResults\nThe hormone level (mean \u00b1 SEM) was 3.1 \u00b1 0.2.\n"
    assert plus_minus_spread(sd, scan_view(sd)) == ""


def test_a_bracket_after_a_mean_holds_the_declared_standard_error():
    text = "Methods\nDescriptive values are given as mean values and standard errors of the mean.\n"
    assert bracket_spread(text, scan_view(text)) == "SE"
    assert bracket_spread("Methods\nData shown are mean \u00b1 SD.\n", scan_view("Methods\nData shown are mean \u00b1 SD.\n")) == ""


def test_prose_means_read_with_the_declared_standard_error():
    text = ("Methods\nPatients were randomised to ketamine (n = 25) or placebo (n = 25).\n" + _SE_METHODS
            + "Results\nThe pain score was 3.4 \u00b1 0.4 in the ketamine group and 4.9 \u00b1 0.5 in the placebo group.\n")
    means = [r for r in extract_document("d1", text) if r["measure"] == "MEAN"]
    assert {(r["value"], r["se"]) for r in means} == {(3.4, 0.4), (4.9, 0.5)}
    # the same sentence where the methods declare SD: SD
    sd_text = text.replace("means \u00b1 SE", "means \u00b1 SD")
    means = [r for r in extract_document("d1", sd_text) if r["measure"] == "MEAN"]
    assert {(r["value"], r["sd"], r["se"]) for r in means} == {(3.4, 0.4, None), (4.9, 0.5, None)}


# ------------------------------------------------------------------------------------------- cells
@pytest.mark.parametrize("cell, signature", [
    ("6.12 (\u00b10.03)", "N \u00b1 (N)"),
    ("31.5 years (\u00b10.8)", "N \u00b1 (N)"),
    ("14 years (2.6 years)", "N (N)"),
    ("14 years (2.6)", "N (N)"),
])
def test_a_unit_before_the_bracket_and_a_sign_opening_it_are_read(cell, signature):
    assert tokenize(cell).signature == signature


@pytest.mark.parametrize("cell", ["14 years (2.6 kg)", "14 (2.6 years)", "14 years (2.6) days", "5 mg (2 mg) (3)x"])
def test_units_that_do_not_pair_leave_the_cell_unread(cell):
    t = tokenize(cell)
    assert t is None or t.signature != "N (N)"


def test_a_signed_bracket_is_the_declared_spread():
    assert read_cell("6.12 (\u00b10.03)", "mean_se", 20) == read_cell("6.12 \u00b1 0.03", "mean_se", 20).__class__(
        "MEAN", 6.12, se=0.03, signature="N \u00b1 (N)")
    assert read_cell("31.5 years (\u00b10.8)", "mean_sd", 20).sd == 0.8
    assert read_cell("14 years (2.6 years)", "mean_sd", 20).sd == 2.6
    # no format: the "±" still says a mean with its spread
    assert read_cell("6.12 (\u00b10.03)", "", 20).measure == "MEAN"
    # a count's format never reads a unit-bearing bracket as a share
    assert read_cell("14 years (2.6 years)", "n_pct", 20) is None


@pytest.mark.parametrize("choices, cell, label, n, expected", [
    (("mean_se",), "6.12 (\u00b10.03)", "Capillary pH", 20, "mean_se"),
    (("mean_se", "n_pct"), "31.5 years (\u00b10.8)", "Age", 20, "mean_se"),
    (("mean_sd", "n_pct"), "14 years (2.6 years)", "Age", 20, "mean_sd"),
    # "46 (55)" under a "mean (SD)" declaration: no share of 30, so the spread
    (("mean_sd",), "46 (55)", "Heart rate", 30, "mean_sd"),
    # ... under counts with shares, a count whose share of the arm it is
    (("mean_sd", "n_pct"), "12 (40)", "Smokers", 30, "n_pct"),
    (("mean_sd", "n_pct"), "5 (-3)", "Change", 30, ""),
])
def test_the_declared_format_a_cell_signature_takes(choices, cell, label, n, expected):
    assert format_for_cell(choices, cell, label, n) == expected


# ------------------------------------------------------------------------------------------- a median's IQR as a width
def test_a_median_with_one_bracketed_figure_under_a_declared_iqr():
    reading = read_cell("41.0 (22.5)", "median_iqr", 200)
    assert (reading.measure, reading.value, reading.q1, reading.q3) == ("MEDIAN", 41.0, None, None)
    assert reading.review == "IQR printed as its width only"
    # the same cell under a mean's declaration is the mean and its SD; under counts, a count with its share
    assert read_cell("41.0 (22.5)", "mean_sd", 200).sd == 22.5
    assert read_cell("45 (22.5)", "n_pct", 200).events == 45
    # a share printed with its sign is never a quartiles' width
    assert read_cell("41 (22.5%)", "median_iqr", 200) is None


def test_a_quantity_with_its_unit_is_no_count_with_its_share():
    assert read_cell("14 years (2.6 years)", "n_pct", None) is None
    # the people a count counts may follow it
    assert read_cell("14 patients (35%)", "n_pct", 40).events == 14


# ------------------------------------------------------------------------------------------- counts declared "No."
def test_a_count_declared_after_a_comma_over_bare_counts():
    from table_grids import read_pipe_table
    from evidence_review.extract.declared_formats import label_format
    assert label_format("Adverse events, No.") == "count"
    assert label_format("Transfusions, number") == "count"
    assert label_format("Rescue doses, No. (%)") != "count"
    header = "| Characteristic | Group A (n = 40) | Group B (n = 38) |"
    text = ("Methods\nPatients were randomised to group A or group B.\n\n"
            "Table 2. Outcomes\n" + header + "\n"
            "| Operating time, min, Mean \u00b1 SD | 61.2 \u00b1 8.0 | 63.5 \u00b1 9.1 |\n"
            "| Adverse events, No. | | |\n"
            "| Pruritus | 3 | 0 |\n"
            "| Urinary retention | 1 | 4 |\n")
    _, rows = read_pipe_table(text, header, caption="Table 2. Outcomes")
    props = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    # the bare whole numbers under the heading count the arm's patients
    assert props == [(0, 38), (1, 40), (3, 40), (4, 38)]


def test_a_signed_bracket_where_the_document_declares_sd():
    # the "(±y)" spelling names no spread of its own: the declaration decides, SD here
    assert format_for_cell(("mean_sd", "n_pct"), "6.12 (\u00b10.03)", "Capillary pH", 20) == "mean_sd"
    reading = read_cell("6.12 (\u00b10.03)", "mean_sd", 20)
    assert (reading.sd, reading.se) == (0.03, None)
    text = "Methods\nData shown are mean \u00b1 SD.\n"
    assert plus_minus_spread(text, scan_view(text)) == "" and bracket_spread(text, scan_view(text)) == ""


def test_a_count_declared_for_one_section_and_not_the_next():
    from table_grids import read_pipe_table
    header = "| Characteristic | Group A (n = 50) | Group B (n = 50) |"
    text = ("Methods\nPatients were randomised to group A or group B.\n\n"
            "Table 1. Baseline characteristics\n" + header + "\n"
            "| Smoking status, n (%) | | |\n"
            "| Current | 12 (24) | 15 (30) |\n"
            "| Former | 20 (40) | 18 (36) |\n"
            "| Laboratory values, mean (SD) | | |\n"
            "| Haemoglobin, g/dL | 12 (24) | 13 (21) |\n")
    _, rows = read_pipe_table(text, header, caption="Table 1. Baseline characteristics")
    props = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    means = sorted((r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    # the same "12 (24)" is 12 of 50 under the count's section and a mean with its SD under the next one
    assert props == [(12, 50), (15, 50), (18, 50), (20, 50)]
    assert means == [(12.0, 24.0), (13.0, 21.0)]


def test_a_count_with_its_share_is_no_median_with_an_iqr_width():
    # "5 (22)" of an arm of 23 under a heading of medians: 5 patients, 21.7 %, read by the table's other formats
    assert read_cell("5 (22)", "median_iqr", 23) is None
    assert read_cell("5 (22)", "median_iqr", 60).measure == "MEDIAN"
