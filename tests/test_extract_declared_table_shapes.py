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
