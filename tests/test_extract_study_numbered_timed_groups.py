"""Groups numbered in one methods sentence, each defined by when it was treated ("(1) immediate group (24 hours after
injury); (2) delayed group (1 week after injury); and (3) deferred group (6 weeks after injury)"), are the arms,
and a table column headed by that time ("One week after injury (n = 18) (%)", the time spelled out, the size and a
unit beside it) is the group defined by it. Negatives: a time no group is defined by resolves no column; numbers
that do not run from 1 make no list. Texts and tables written for these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study, time_key
from evidence_review.extract.table_reader import read_table

METHODS = ("Methods: Fifty-four athletes took part in this randomized trial. They were allocated into one of three "
           "groups according to when physiotherapy began, including: (1) immediate group (24 hours after injury); "
           "(2) delayed group (1 week after injury); and (3) deferred group (6 weeks after injury).\n")
CAPTION = "Table 2. Re-injury in the three groups"
HEADER = ("| Outcome | Twenty-four hours after injury (n = 18) (%) | One week after injury (n = 18) (%) | "
          "Six weeks after injury (n = 18) (%) | P |")
ROWS = "| Re-injury at 1 year | 2 (11) | 4 (22) | 7 (39) | 0.04 |\n"


def test_time_key_reads_one_amount_of_time_in_digits_or_words():
    assert time_key("Twenty-four hours after injury") == "24 hour"
    assert time_key("1-month after stroke") == "1 month"
    assert time_key("two weeks post onset") == "2 week"
    assert time_key("2 weeks or 4 weeks") is None      # two amounts: no one time
    assert time_key("Placebo") is None


def test_numbered_groups_defined_by_a_time_are_the_arms_and_their_columns():
    text = METHODS + f"{CAPTION}\n{HEADER}\n{ROWS}"
    grid = pipe_table(text, HEADER, "T2", CAPTION, header_rows=1)
    study = build_study("d", text, {"tables": [grid]})
    assert {"immediate", "delayed", "deferred"} <= {a.canonical for a in study.arms}, study.arms
    assert not any("after injury" in a.canonical for a in study.arms), study.arms
    assert study.resolve_column("One week after injury (n = 18) (%)").canonical == "delayed"
    rows = read_table("d", text, grid, study)
    got = {(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert got == {("immediate", 2, 18), ("delayed", 4, 18), ("deferred", 7, 18)}, rows


def test_a_time_no_group_is_defined_by_resolves_no_column():
    text = METHODS + f"{CAPTION}\n{HEADER}\n{ROWS}"
    grid = pipe_table(text, HEADER, "T2", CAPTION, header_rows=1)
    study = build_study("d", text, {"tables": [grid]})
    assert study.resolve_column("Three months after injury (n = 18)") is None


def test_numbers_that_do_not_run_from_one_make_no_list():
    text = ("Methods: Athletes were randomized. Outcomes were graded (2) mild group (a few days); (3) severe group "
            "(2 weeks).\n")
    assert not any(a.canonical in ("mild", "severe") for a in build_study("d", text).arms)
