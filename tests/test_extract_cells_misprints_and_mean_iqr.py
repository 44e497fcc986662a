"""Cells the grammar read wrong by their look alone (classes counted in tests/fixtures/extract_heldout56 and 57's
BLIND_SCORES.md): a header "mean (IQR)" whose cells print the mean with one figure in the bracket (declared_formats'
"mean_iqr": a mean, its bracket an IQR width, no SD), and misprinted cells (a letter for a digit, a per cent sign after
the bracket, a bracket never closed) read as mended only where the mended cell is a known shape (cells.mended_misprint,
arm_cells.parse_arm_cell). Cells and labels written for these tests, with other names and numbers."""
from __future__ import annotations

import pytest

from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.cells import mended_misprint
from evidence_review.extract.declared_formats import label_format


@pytest.mark.parametrize("label, expected", [
    ("Troponin pg/mL mean (IQR)", "mean_iqr"),
    ("Ferritin, mean (interquartile range)", "mean_iqr"),
    ("Ferritin, median (IQR)", "median_iqr"),
    ("Ferritin (IQR)", "median_iqr"),                   # a bare "(IQR)": a median's
    ("Mean (SD) or median (IQR)", "mean_sd"),           # a list: the first named
])
def test_a_mean_declared_with_its_iqr_is_its_own_format(label, expected):
    assert label_format(label) == expected


def test_a_mean_iqr_cell_with_one_bracketed_figure_is_the_mean_alone():
    row = parse_arm_cell("612 (405)", "mean_iqr", 180)
    assert row["measure"] == "MEAN" and row["value"] == 612 and row["sd"] is None and row["se"] is None
    assert "width" in row["needs_review"]


def test_a_count_with_its_share_stays_a_count_under_mean_iqr():
    row = parse_arm_cell("6 (24)", "mean_iqr", 25)
    assert row["measure"] == "PROPORTION" and row["events"] == 6


@pytest.mark.parametrize("cell, mended", [
    ("17 (7O%)", "17 (70%)"),              # a letter O for a zero
    ("4.5 [l.6–8.2]", "4.5 [1.6–8.2]"),    # a letter l for a one
    ("7 (35)%", "7 (35%)"),                # the per cent sign after the bracket
    ("48.2 (21.7", "48.2 (21.7)"),         # a bracket never closed
    ("3 (30%", "3 (30%)"),
    ("2.6 ±1.9 (0, 9", "2.6 ±1.9 (0, 9)"),
])
def test_a_misprinted_cell_is_mended(cell, mended):
    assert mended_misprint(cell) == mended


@pytest.mark.parametrize("cell", ["12 (40)", "IQR 3 (2-4)", "NO", "Ol", "Low", "5 (2-9)", "(12.5)"])
def test_a_cell_without_a_misprint_is_left_as_it_is(cell):
    assert mended_misprint(cell) is None


def test_misprinted_cells_are_read_as_their_mended_shape():
    share = parse_arm_cell("17 (7O%)", "n_pct", 24)
    assert share["measure"] == "PROPORTION" and share["events"] == 17 and share["value_text"] == "17 (7O%)"
    assert "misprint" in share["needs_review"]
    median = parse_arm_cell("4.5 [l.6–8.2]", "median_iqr", 20)
    assert median["measure"] == "MEDIAN" and (median["q1"], median["q3"]) == (1.6, 8.2)
    mean = parse_arm_cell("48.2 (21.7", "mean_sd", 40)
    assert mean["measure"] == "MEAN" and mean["sd"] == 21.7


def test_a_mended_cell_that_is_no_known_shape_is_not_read():
    assert parse_arm_cell("4O (a", "n_pct", 50) is None
