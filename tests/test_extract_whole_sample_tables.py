"""A table of the whole sample in one column of figures (table_reader._read_whole_column, whole_sample.py): its
means are of the size its counts give when neither its caption nor its column prints one. Tables written for these
tests, with negatives."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

TEXT = """Sixty adults with gallstones were randomly assigned to early or delayed surgery.

Table 1. Characteristics of the whole sample

| Characteristic | Value |
| Mean operating time, min | 52.4 ± 11.3 |
| Indication, n | |
| Biliary colic | 33 (55.0) |
| Cholecystitis | 27 (45.0) |
| Pain score, mean ± SD | 3.4 ± 1.9 |
"""


def _whole(rows):
    return sorted((r["measure"], r["value"], r.get("sd"), r.get("events"), r.get("total")) for r in rows or []
                  if r.get("intervention") == "all patients")


def test_the_means_of_a_one_column_table_take_the_size_its_counts_give():
    _, rows = _read(TEXT, "| Characteristic | Value |", caption="Table 1. Characteristics of the whole sample")
    assert _whole(rows) == [("MEAN", 3.4, 1.9, None, 60), ("MEAN", 52.4, 11.3, None, 60),
                            ("PROPORTION", 0.45, None, 27, 60), ("PROPORTION", 0.55, None, 33, 60)]


def test_a_one_column_table_whose_counts_give_no_size_gives_no_means_either():
    # one count alone: its share fits many sizes, and a mean beside it has no size to be of
    text = TEXT.replace("| Cholecystitis | 27 (45.0) |\n", "")
    _, rows = _read(text, "| Characteristic | Value |", caption="Table 1. Characteristics of the whole sample")
    assert _whole(rows) == []


_TWO_COLUMNS = """Thirty-two adults with tinnitus were randomly assigned to sound therapy or counselling.

Table 1. Characteristics of the participants

| Characteristic | n | % |
| Number of participants | 32 | |
| Women | 20 | 62.5 |
| Men | 12 | 37.5 |
| Age (years) | | |
| Mean ± SD | 47.2 ± 10.4 | |
| Hearing aid | 7 | 21.9 |
"""


def test_a_count_column_and_its_share_column_of_the_whole_sample_sized_by_its_row_of_people():
    _, rows = _read(_TWO_COLUMNS, "| Characteristic | n | % |", caption="Table 1. Characteristics of the participants")
    assert _whole(rows) == [("MEAN", 47.2, 10.4, None, 32), ("PROPORTION", 0.21875, None, 7, 32),
                            ("PROPORTION", 0.375, None, 12, 32), ("PROPORTION", 0.625, None, 20, 32)]
    # a mean under a label naming only its statistic takes the heading above it
    assert [r["outcome"] for r in rows if r["measure"] == "MEAN"] == ["Age (years)"]


def test_two_value_columns_that_are_no_count_and_its_share_are_not_joined():
    # two columns of counts (two times): no count with its share
    text = _TWO_COLUMNS.replace("| Characteristic | n | % |", "| Characteristic | Week 1 | Week 4 |")
    _, rows = _read(text, "| Characteristic | Week 1 | Week 4 |", caption="Table 1. Characteristics of the participants")
    assert not [r for r in _whole(rows) if r[0] == "PROPORTION" and r[3] == 20]
