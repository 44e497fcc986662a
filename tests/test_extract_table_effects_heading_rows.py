"""An effect cell under a heading row inside a table's body ("| Blood pressure | | | Difference |"), a column the table
reader leaves unread: the sentence reader's effect read from that line is kept. Tables written for these tests."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.pipeline import extract_one

TRIAL = "Adults were randomly assigned to tolvarest (n = 40) or placebo (n = 40). "
HEADER = "| Outcome | Placebo | Tolvarest |  |"


def _table(*body: str) -> list[tuple]:
    caption = "Table 2. Outcomes"
    # (the results name the measure, the number is the table's alone)
    text = (TRIAL + "Walking distance was longer with tolvarest (mean difference 45 m, 95% CI 11 to 79, at week 4).\n"
            + caption + "\n"
            + "\n".join([HEADER, *body]) + "\n")
    table = pipe_table(text, HEADER, caption=caption)
    rows = extract_one("doc", text, "doc.xml", "", structure={"tables": [table]})[0]
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


def test_an_effect_cell_under_a_difference_heading_row_is_kept():
    rows = _table("| Fell, n | 6 | 2 |  |",
                  "| Walking | | | Difference |",
                  "| Distance, m | 310 (80) | 362 (75) | 52 [18, 86], p = 0.004 |")
    assert ("MD", 52.0, 18.0, 86.0) in rows


def test_a_cell_under_a_heading_that_names_no_effect_is_no_effect():
    rows = _table("| Fell, n | 6 | 2 |  |",
                  "| Walking | | | Week 12 |",
                  "| Distance, m | 310 (80) | 362 (75) | 341 [318, 364] |")
    assert not [r for r in rows if r[1] == 341.0]


# ------------------------------------------------------------------------------------------------ relative differences
def _relative_row(header: str, line: str, printed: str) -> bool:
    from evidence_review.extract.table_effects import in_a_relative_difference_column
    caption = "Table 3. Comparison between the positions (N = 12)"
    text = caption + "\n" + header + "\n" + line + "\n"
    table = pipe_table(text, header, caption=caption)
    row = {"measure": "RRR", "finder": "change", "value_text": printed, "start": 0, "end": len(text)}
    return in_a_relative_difference_column(row, [table], text)


def test_a_relative_change_under_a_column_of_relative_differences_is_no_relative_reduction():
    header = "|  | Mean difference in heart rate, bpm (95% CI) | % difference between positions | p-value |"
    assert _relative_row(header, "| Standing / sitting | 8.4 (2.2 to 14.6) | 12% decrease | 0.01 |", "12%")


@pytest.mark.parametrize("header, line", [
    # a column of relative risk reductions: the RRR stays
    ("|  | Relative risk reduction | p-value |", "| Relapse | 12% decrease | 0.01 |"),
    # the percentage stands outside the relative-difference column too (the stub)
    ("|  | % difference between positions | p-value |", "| 12% of the sample | 12% decrease | 0.01 |"),
])
def test_a_relative_change_elsewhere_stays(header, line):
    assert not _relative_row(header, line, "12%")
