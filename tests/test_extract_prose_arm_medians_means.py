"""Arms' continuous figures in prose (rules/prose_medians.py, rules/aligned.py, grammar.VALUE_START): medians with a
bare pair stay quartiles, and "vs." printed without its space before the second arm's value. Sentences written for
these tests (numbers, names and fields our own), with negatives of the same look."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import tokenize
from evidence_review.extract.study import build_study

TWO_ARMS = "Adults were randomly assigned to liraglutide (n = 72) or sitagliptin (n = 70). "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", text, "doc.txt", "", study=build_study("doc", text, None))


def _arm_rows(rows, measure):
    return sorted(((r["intervention"], r["value"], r["ci_low"], r["ci_high"], r["sd"], r["q1"], r["total"])
                   for r in rows if r["measure"] == measure), key=lambda t: t[1])


# ---------------------------------------------------------------------------------------------- medians with a bare pair
def test_bare_pairs_after_medians_stay_quartiles():
    rows = _rows(TWO_ARMS + "The median stay was 6 (4-9) days in the liraglutide group and 8 (5-12) days in the usual "
                            "care group.")
    assert all(r["ci_low"] is None for r in rows if r["measure"] == "MEDIAN")


# ---------------------------------------------------------------------------------------------- "vs." glued to a value
def test_vs_with_its_space_lost_does_not_hide_the_second_value():
    assert [n.value for n in tokenize("(5.4 ± 1.2 vs.6.8 ± 1.9 kg)")] == [5.4, 1.2, 6.8, 1.9]
    rows = _rows(TWO_ARMS + "Fat mass gain was smaller (5.4 ± 1.2 vs.6.8 ± 1.9 kg, p = 0.01).")
    assert [(r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"] == [
        ("liraglutide", 5.4, 1.2), ("sitagliptin", 6.8, 1.9)]


@pytest.mark.parametrize("text, values", [
    ("Fig.3 shows it", []),             # (not "vs.": the point of another abbreviation still hides it)
    ("canvas.8 items", []),             # (a word ending in "vs" is no abbreviation)
    ("p.12", []),
])
def test_a_point_glued_after_other_words_still_hides_the_number(text, values):
    assert [n.value for n in tokenize(text)] == values


# ---------------------------------------------------------------------------------------------- arms' changes in percent
def _means(rows):
    return [(r["intervention"], r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN"]


@pytest.mark.parametrize("sentence", [
    "Triglycerides decreased by 18.4% in the liraglutide group versus 6.1% in the sitagliptin group.",
    "Triglycerides were reduced by 18.4% with liraglutide and 6.1% with sitagliptin.",
])
def test_percentages_a_verb_of_change_governs_are_the_arms_changes_as_printed(sentence):
    rows = _rows(TWO_ARMS + sentence)
    assert _means(rows) == [("liraglutide", 18.4, None, 72), ("sitagliptin", 6.1, None, 70)]
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


def test_shares_of_patients_beside_their_arms_stay_proportions():
    rows = _rows(TWO_ARMS + "Nausea was reported by 25% of the liraglutide group versus 10% of the sitagliptin group.")
    assert not _means(rows)
    assert sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION") == [
        ("liraglutide", 18, 72), ("sitagliptin", 7, 70)]


# ---------------------------------------------------------------------------------------------- each arm's before and after
@pytest.mark.parametrize("sentence", [
    "Fasting insulin fell from 14.2 to 10.3 mU/L with liraglutide and from 13.9 to 13.1 mU/L with sitagliptin.",
    "Fasting insulin decreased from 14.2 to 10.3 mU/L in the liraglutide group, while from 13.9 to 13.1 mU/L in the "
    "sitagliptin group.",
])
def test_each_arm_from_before_to_after_with_its_own_from(sentence):
    rows = _rows(TWO_ARMS + sentence)
    got = sorted((r["intervention"], r["value"], r["role"]) for r in rows if r["measure"] == "MEAN")
    assert got == [("liraglutide", 10.3, None), ("liraglutide", 14.2, "baseline"),
                   ("sitagliptin", 13.1, None), ("sitagliptin", 13.9, "baseline")]


def test_a_second_pair_without_its_own_from_is_left_to_the_pair_rules():
    # ("reduced from 6.3 to 4.5 days under A": the first value may be the other arm's; no "from" repeated, no within-arm pair)
    rows = _rows(TWO_ARMS + "Fasting insulin fell from 14.2 to 10.3 mU/L with liraglutide and 13.9 to 13.1 mU/L with "
                            "sitagliptin.")
    assert not [r for r in rows if r["measure"] == "MEAN" and r["intervention"] == "sitagliptin" and r["value"] == 13.9
                and r["role"] == "baseline"]



# ---------------------------------------------------------------------------------------------- one arm's signed changes
def test_one_arms_signed_changes_each_after_its_level():
    rows = _rows(TWO_ARMS + "The liraglutide group showed reductions of body weight (−5.31%, p < 0.001) and waist "
                            "circumference (−3.02%, p = 0.004), whereas adiponectin increased (9.4%, p = 0.03).")
    got = sorted((r["intervention"], r["value"], r["outcome"], r["total"]) for r in rows if r["measure"] == "MEAN")
    assert got == [("liraglutide", -5.31, "change in body weight (%)", 72),
                   ("liraglutide", -3.02, "change in waist circumference (%)", 72)]


@pytest.mark.parametrize("sentence", [
    # another arm named: each value may be either arm's, or the difference between them
    "The liraglutide group showed reductions of body weight (−5.31%) compared with the sitagliptin group.",
    # a difference, an interval: no arm's own change
    "With liraglutide, the difference in body weight was (−5.31%, 95% CI −7.0 to −3.6).",
    # no arm named
    "Body weight fell (−5.31%, p < 0.001).",
])
def test_signed_percentages_that_are_no_one_arms_change(sentence):
    rows = _rows(TWO_ARMS + sentence)
    assert not [r for r in rows if r["measure"] == "MEAN" and r["value"] == -5.31]
