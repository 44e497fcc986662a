"""The arms' sizes a table row prints as the split of the whole sample ("N (%) of participants | 46 (55) | 38 (45)"):
denominators.sample_split_sizes, asked by the table reader's size rows. Grids written for these tests (general
shapes; numbers, names and fields of no document)."""
from __future__ import annotations

import pytest

from evidence_review.extract.denominators import sample_split_sizes


@pytest.mark.parametrize("label, cells, sizes", [
    ("N (%) of participants", {1: "61 (52)", 2: "57 (48)"}, {1: 61, 2: 57}),
    ("No. (%) of patients randomised", {1: "30 (33.3)", 2: "30 (33.3)", 3: "30 (33.3)"}, {1: 30, 2: 30, 3: 30}),
    ("Participants, n (%)", {1: "120 (49.6%)", 2: "122 (50.4%)"}, {1: 120, 2: 122}),
])
def test_a_row_splitting_the_whole_sample_gives_the_arms_sizes(label, cells, sizes):
    assert sample_split_sizes(label, cells) == sizes


@pytest.mark.parametrize("label, cells", [
    # each arm's women with their share of the arm: the shares add up to no whole
    ("Women, n (%)", {1: "33 (54)", 2: "30 (53)"}),
    # the people of the trial, but shares of each arm (a completion row): 90 + 88 is no whole
    ("N (%) of participants", {1: "55 (90)", 2: "50 (88)"}),
    # a characteristic, not the people of the trial, even where its shares add to 100
    ("Current smokers, n (%)", {1: "20 (50)", 2: "20 (50)"}),
    # one arm only, or a cell printing no share
    ("N (%) of participants", {1: "61 (52)"}),
    ("N (%) of participants", {1: "61", 2: "57 (48)"}),
])
def test_rows_that_are_no_split_of_the_sample(label, cells):
    assert sample_split_sizes(label, cells) == {}


def test_the_table_reader_takes_the_split_for_the_arms_sizes():
    from table_grids import read_pipe_table
    header = "| Characteristic | Exercise | Usual care | P |"
    text = ("Methods\nAdults were randomised to exercise or usual care.\n\n"
            "Table 1. Baseline characteristics\n" + header + "\n"
            "| N (%) of participants | 61 (52) | 57 (48) | |\n"
            "| Age, years | 51.2 \u00b1 9.0 | 50.4 \u00b1 8.1 | 0.61 |\n"
            "| Current smokers, N (%) | 12 (20) | 17 (30) | 0.20 |\n")
    _, rows = read_pipe_table(text, header, caption="Table 1. Baseline characteristics")
    props = sorted((r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    means = sorted((r["value"], r["total"]) for r in rows if r["measure"] == "MEAN")
    # the split is no proportion of any arm; the arms' counts and means are of its sizes
    assert [p for p in props if "participants" in p[0].lower()] == []
    assert [(e, t) for _, e, t in props] == [(12, 61), (17, 57)]
    assert means == [(50.4, 57), (51.2, 61)]


def test_counts_above_the_size_the_model_gives():
    from evidence_review.extract.denominators import counts_above
    column = ["120 (60.0)", "80 (40.0)", "14 (7.0)"]
    assert counts_above(column, 3)              # 120 and 80 patients are no counts of an arm of 3
    assert not counts_above(column, 200)
    assert not counts_above(["120 (60.0)", "2 (1.0)"], 100)    # one cell above: a misprint, not the arm's size
    assert not counts_above(["12.5 (3.1)", "40.2 (9.9)"], 3)   # means with their SDs count nobody
    assert not counts_above(column, None)
