"""What a table declares about its cells, in the shapes of the batches' tables (session 21): a footnote naming the
spread after the unit ("± standard error mean"), ... Grids written for these tests (general shapes; numbers, names
and fields of no document)."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import declared_formats


def _rows(rows, word, arm=None):
    return [r for r in rows if word in r["outcome"].lower() and (arm is None or r["intervention"] == arm)]


# ------------------------------------------------------------------ a spread named after the quantity and its unit
@pytest.mark.parametrize("words, expected", [
    ("Bacterial count (log10 CFU/g fecal dry weight \u00b1 standard error mean).", ("mean_se",)),
    ("Plasma level (ng/mL \u00b1 SEM)", ("mean_se",)),
    ("Values are mean \u00b1 standard error of the mean", ("mean_se",)),
    # a median's spread stays the median's
    ("Values are median \u00b1 SE", ("median_sd",)),
])
def test_a_plus_minus_standard_error_after_a_unit_declares_the_means_se(words, expected):
    assert declared_formats(words) == expected


SPREAD_AFTER_UNIT = """Methods
Sixty adults were randomised to a probiotic (n = 30) or placebo (n = 30) for eight weeks.

Table 2. Stool counts before and after treatment.
| | Probiotic (n = 30) | Placebo (n = 30) |
| Total bacteria | 8.12 \u00b1 0.14 | 7.95 \u00b1 0.21 |
| Lactobacilli | 7.40 \u00b1 0.09 | 6.31 \u00b1 0.16 |
*<0.05 significantly different from placebo.
Colony count (log10 CFU/g dry weight \u00b1 standard error mean)."""


def test_a_footnote_naming_the_standard_error_after_the_unit_reads_the_spread_as_se():
    _, rows = read_pipe_table(SPREAD_AFTER_UNIT, "| | Probiotic (n = 30) | Placebo (n = 30) |",
                              caption="Table 2. Stool counts before and after treatment.",
                              footnote="Colony count (log10 CFU/g dry weight \u00b1 standard error mean).")
    lacto = _rows(rows, "lactobacilli", "probiotic")
    assert [(r["measure"], r["value"], r["se"]) for r in lacto] == [("MEAN", 7.40, 0.09)]


# ------------------------------------- integer means with their SD under a declared "means (SD) or number (%)" list
MEANS_OR_COUNTS = """Methods
Villages were randomised to a screening programme (n = 612) or usual care (n = 583).

Table 2. Baseline characteristics of the participants.
| | Screening (n = 612) | Usual care (n = 583) |
| Age | 61 (12) | 62 (12) |
| Female n (%) | 371 (61) | 350 (60) |
| Weight in kg | 68 (12) | 71 (12) |
| Body mass index (kg/m2) | 25 (4) | 25 (5) |
| Current smoking n (%) | 37 (6) | 47 (8) |
Results are means (standard deviations) or number (percentage)"""


def test_integer_means_whose_sd_is_by_chance_a_share_of_the_arm_stay_means():
    # "62 (12)" of 583 and "25 (4)" of 612 fit a share by arithmetic; their rows name a quantity measured (in a unit)
    _, rows = read_pipe_table(MEANS_OR_COUNTS, "| | Screening (n = 612) | Usual care (n = 583) |",
                              caption="Table 2. Baseline characteristics of the participants.",
                              footnote="Results are means (standard deviations) or number (percentage)")
    for word in ("age", "weight", "body mass"):
        assert {(r["measure"], r["sd"]) for r in _rows(rows, word)} <= {("MEAN", 12.0), ("MEAN", 4.0), ("MEAN", 5.0)}, word
        assert len(_rows(rows, word)) == 2
    assert [(r["events"], r["total"]) for r in _rows(rows, "female", "standard care")] == [(350, 583)]
    assert [(r["events"], r["total"]) for r in _rows(rows, "smoking", "screening")] == [(37, 612)]
