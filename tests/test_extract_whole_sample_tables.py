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
