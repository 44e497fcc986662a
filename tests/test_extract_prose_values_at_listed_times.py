"""One arm's values listed in the order of the times after them, closed by "respectively" (rules/time_lists.py,
grammar `timed_list`). Sentences written for these tests, numbers and names changed, several wordings; negatives of
the same look that must give no such row."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import Parse

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _rows(text: str, measure: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["value"], r["intervention"], r["sd"], r["events"], r["total"], r["timepoint"])
            for r in rows if r["measure"] == measure]


@pytest.mark.parametrize("text, times", [
    ("2.5 \u00b1 0.4, 3.1 \u00b1 0.7 and 4.0 \u00b1 1.2 on day 2, 4 and 8 respectively", ("day 2", "day 4", "day 8")),
    ("12, 7 and 3 patients on days 1, 7 and 14, respectively", ("day 1", "day 7", "day 14")),
    ("4.1 \u00b1 1.0 and 3.2 \u00b1 0.8 at 6 and 12 months resp.", ("6 months", "12 months")),
    ("9.4 \u00b1 4.0mm and 1.3 \u00b1 2.8mm on week 3 and 5, respectively", ("week 3", "week 5")),
])
def test_the_grammar_reads_the_times_of_a_list(text, times):
    found = Parse(text)("timed_list")
    assert len(found) == 1
    assert found[0].times == times
    assert len(found[0].items) == len(times)


def test_means_of_each_arm_at_each_listed_time():
    got = _rows("The mean swelling in the rituximab group was 21.3 \u00b1 12.6, 15.8 \u00b1 9.4 and 6.2 \u00b1 5.3 on day 2, "
                "4 and 7 respectively whereas in the placebo group the mean swelling was 22.7 \u00b1 11.9, 11.8 \u00b1 8.5 "
                "and 2.4 \u00b1 3.2 on day 2, 4 and 7 respectively.", "MEAN")
    assert [(v, arm, sd, n, t) for v, arm, sd, _, n, t in got] == [
        (21.3, "rituximab", 12.6, 40, "day 2"), (15.8, "rituximab", 9.4, 40, "day 4"), (6.2, "rituximab", 5.3, 40, "day 7"),
        (22.7, "placebo", 11.9, 38, "day 2"), (11.8, "placebo", 8.5, 38, "day 4"), (2.4, "placebo", 3.2, 38, "day 7")]


def test_counts_of_people_of_each_arm_at_each_listed_time():
    got = _rows("Under the moderate headache category, the rituximab group had 7, 18 and 12 patients on day 2, 4 and 7 "
                "respectively, whereas the placebo group had 3, 9 and 21 patients on day 2, 4 and 7 respectively.",
                "PROPORTION")
    assert [(arm, e, n, t) for _, arm, _, e, n, t in got] == [
        ("rituximab", 7, 40, "day 2"), ("rituximab", 18, 40, "day 4"), ("rituximab", 12, 40, "day 7"),
        ("placebo", 3, 38, "day 2"), ("placebo", 9, 38, "day 4"), ("placebo", 21, 38, "day 7")]


def test_a_later_clause_of_the_same_arm_keeps_its_arm():
    got = _rows("The mean loss of grip strength in the placebo group was 19.1 \u00b1 3.2 kg on day 1; this loss fell to "
                "11.8 \u00b1 4.6 and 6.3 \u00b1 3.6 on day 3 and 5 respectively.", "MEAN")
    listed = [(v, arm, t) for v, arm, _, _, _, t in got if t in ("day 3", "day 5")]
    assert listed == [(11.8, "placebo", "day 3"), (6.3, "placebo", "day 5")]


@pytest.mark.parametrize("text", [
    # as many values as times, but no arm named before them
    "Headache was reported by 7, 18 and 12 patients on day 2, 4 and 7 respectively.",
    # more counted people than the arm holds: no count of that arm
    "The rituximab group had 17, 48 and 12 patients on day 2, 4 and 7 respectively.",
    # as many values as arms, not as times
    "The mean scores were 6.1 \u00b1 1.2 and 4.4 \u00b1 1.1 on day 3, 5 and 7 respectively in the rituximab group.",
])
def test_lists_that_are_no_arm_values_at_times(text):
    got = _rows(text, "PROPORTION") + _rows(text, "MEAN")
    assert not [r for r in got if r[5] in ("day 2", "day 3", "day 4", "day 5", "day 7")]


def test_a_list_mixing_values_with_and_without_a_spread_is_not_read_as_one():
    got = _rows("In the rituximab group the score was 6.1 \u00b1 1.2 and 4.4 on day 3 and 5 respectively.", "MEAN")
    assert 4.4 not in [v for v, *_ in got]
