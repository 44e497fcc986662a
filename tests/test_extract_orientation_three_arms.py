"""Ratios of a table of three arms or more whose effect column does not say which arms it compares, or names two
treated arms of a controlled trial: the pair whose counts, printed in the same row, give the ratio is the pair
compared (`orientation.arms_by_counts`). Tables written for these tests (other drugs, counts), with negatives: an
adjusted ratio, a ratio two pairs give, a two-arm table."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.orientation import arms_by_counts
from evidence_review.extract.pipeline import extract_one

_THREE = ("Methods\nAdults with migraine were randomly assigned to sumatriptan (n = 80), rizatriptan (n = 80) or "
          "placebo (n = 80).\nResults\nTable 2. Outcomes at 2 hours\n")


def _ratios(text: str, header: str) -> list[tuple]:
    rows, _, errors = extract_one("d", text, structure={"tables": [pipe_table(text, header)]})
    assert not errors
    return [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] in ("RR", "OR")]


def test_unnamed_ratio_columns_of_three_arms_take_the_pair_their_counts_give():
    header = "| Outcome | Sumatriptan (n = 80) | Rizatriptan (n = 80) | Placebo (n = 80) | RR (95% CI) | RR (95% CI) |"
    text = _THREE + header + "\n| Pain free | 24 (30.0) | 32 (40.0) | 12 (15.0) | 2.00 (1.08-3.71) | 2.67 (1.48-4.80) |\n"
    assert sorted(_ratios(text, header)) == [("RR", 2.0, "sumatriptan", "placebo"), ("RR", 2.67, "rizatriptan", "placebo")]


def test_odds_ratio_reassigned_from_two_treated_arms_to_the_pair_its_counts_give():
    def row(intervention, comparator, value, adjusted="no"):
        return {"measure": "OR", "value": value, "intervention": intervention, "comparator": comparator,
                "start": 10, "adjusted": adjusted}
    counts = [{"measure": "PROPORTION", "intervention": arm, "events": e, "total": 80, "start": 10}
              for arm, e in (("sumatriptan", 24), ("rizatriptan", 32), ("placebo", 12))]
    read = row("sumatriptan", "rizatriptan", 2.43)       # (24/56)/(12/68) = 2.43: sumatriptan against placebo
    adjusted = row("sumatriptan", "rizatriptan", 2.43, adjusted="yes")
    near_one = row("", "", 1.0)
    arms_by_counts([counts + [read, adjusted, near_one]])
    assert (read["intervention"], read["comparator"]) == ("sumatriptan", "placebo")
    assert (adjusted["intervention"], adjusted["comparator"]) == ("sumatriptan", "rizatriptan")
    assert (near_one["intervention"], near_one["comparator"]) == ("", "")


def test_a_ratio_two_pairs_give_or_a_stated_pair_that_gives_it_stays():
    counts = [{"measure": "PROPORTION", "intervention": arm, "events": e, "total": 100, "start": 3}
              for arm, e in (("a", 20), ("b", 40), ("c", 10), ("d", 20))]
    twice = {"measure": "RR", "value": 2.0, "intervention": "", "comparator": "", "start": 3}     # b/a and a/c
    kept = {"measure": "RR", "value": 2.0, "intervention": "d", "comparator": "c", "start": 3}    # d/c gives it too
    arms_by_counts([counts + [twice, kept]])
    assert (twice["intervention"], twice["comparator"]) == ("", "")
    assert (kept["intervention"], kept["comparator"]) == ("d", "c")
