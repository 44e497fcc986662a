"""Medians in prose: a unit of any spelling between a median and its bracket ("+186 cells/mm3 (interquartile range:
136 to 311 cells/mm3)"), and two arms' "x (a to b) vs. y (c to d)" in a sentence that names no statistic
(rules/prose_medians.py). Sentences written for these tests, with negatives."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import Parse

ALLOCATION = "Patients were randomly assigned to rituximab (n = 44) or placebo (n = 41). "


def _medians(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["value"], r["q1"], r["q3"], r["range_low"], r["range_high"], r["intervention"], r["total"])
            for r in rows if r["measure"] == "MEDIAN"]


def _spread(text: str) -> list[tuple]:
    return [(su.center, su.q1, su.q3, su.range_low, su.range_high) for su in Parse(text)("median_spread")]


def test_a_unit_with_digits_and_a_slash_before_the_bracket_and_after_its_bound():
    assert _spread("+92 copies/mL (IQR 40 to 155 copies/mL)") == [(92.0, 40.0, 155.0, None, None)]
    assert _spread("14.5 ng/dL (range: 9.1 to 20.3 ng/dL)") == [(14.5, None, None, 9.1, 20.3)]
    assert _spread("3.8 x10^9/L (range 2.9-4.6)") == [(3.8, None, None, 2.9, 4.6)]


def test_a_median_change_with_a_unit_of_cells_per_volume_per_arm():
    got = _medians("The median change in platelet count was +57 cells/mm3 (interquartile range: 21 to 98 cells/mm3) "
                   "in the rituximab group and +12 cells/mm3 (range: -30 to 61 cells/mm3) in the placebo group.")
    assert got == [(57.0, 21.0, 98.0, None, None, "rituximab", 44), (12.0, None, None, -30.0, 61.0, "placebo", 41)]


def test_a_unit_of_any_spelling_needs_a_bracket_that_names_its_spread():
    # an unnamed pair after such a unit may be a reference range or an interval: not read as quartiles
    assert _spread("27.4 kg/m2 (24.9-30.2)") == []
    assert _spread("27.4 kg/m2 (24.9-30.2 kg/m2)") == []
    assert _spread("4.1 pg/mL (IQR 2.2-6.3 pg/mL)") == [(4.1, 2.2, 6.3, None, None)]


def test_people_after_the_bound_are_no_unit():
    assert _spread("78 days (32-146 patients)") == []
    assert _spread("5.5 mmol/L (range 3.1-9.4 patients)") == []


def test_an_undeclared_bracket_pair_of_two_compared_arms_is_a_median_with_quartiles():
    got = _medians("Time to discharge was shorter in the rituximab group compared to the placebo group "
                   "(5 (3 to 8) days vs. 7 (4 to 11) days; P = 0.03).")
    assert got == [(5.0, 3.0, 8.0, None, None, "rituximab", 44), (7.0, 4.0, 11.0, None, None, "placebo", 41)]


def test_the_arms_in_the_order_the_clause_names_them():
    got = _medians("The total dose was lower with placebo than with rituximab (18 (15 to 26) grams versus "
                   "31 (27 to 40) grams).")
    assert got == [(18.0, 15.0, 26.0, None, None, "placebo", 41), (31.0, 27.0, 40.0, None, None, "rituximab", 44)]


def test_a_declared_interval_or_statistic_is_left_to_its_own_rules():
    # a CI: the pair is the interval of each arm's estimate, no median
    assert _medians("Time to discharge was shorter in the rituximab group compared to the placebo group "
                    "(5 (95% CI 3 to 8) days vs. 7 (4 to 11) days).") == []
    # "mean" said: a mean with its range, no median
    assert _medians("Mean time to discharge was shorter in the rituximab group compared to the placebo group "
                    "(5 (3 to 8) days vs. 7 (4 to 11) days).") == []


def test_a_value_outside_its_bracket_or_arms_not_compared_give_no_median():
    assert _medians("Time to discharge was shorter in the rituximab group compared to the placebo group "
                    "(5 (6 to 8) days vs. 7 (4 to 11) days).") == []
    assert _medians("Time to discharge was recorded in the rituximab group and the placebo group "
                    "(5 (3 to 8) days vs. 7 (4 to 11) days).") == []


THREE_ARMS = "Patients were randomly assigned to rituximab (n = 50), azathioprine (n = 52) or placebo (n = 48). "


def _three(text: str) -> list[tuple]:
    rows = extract_document("doc", THREE_ARMS + text, "doc.txt", "")
    return [(r["measure"], r["value"], r["q1"], r["q3"], r["intervention"]) for r in rows
            if r["measure"] in ("MEAN", "MEDIAN")]


def test_the_quartiles_named_as_the_heading_of_a_list_declare_its_medians():
    got = _three("The largest rises (IQR) from baseline were 0.2 (-0.1-0.5), 0.1 (-0.3-0.2), and -0.1 (-0.5-0) in "
                 "the rituximab, azathioprine, and placebo groups, respectively.")
    assert got == [("MEDIAN", 0.2, -0.1, 0.5, "rituximab"), ("MEDIAN", 0.1, -0.3, 0.2, "azathioprine"),
                   ("MEDIAN", -0.1, -0.5, 0.0, "placebo")]


def test_a_list_under_no_quartile_heading_is_no_median():
    got = _three("The largest rises from baseline were 0.2 (-0.1-0.5), 0.1 (-0.3-0.2), and -0.1 (-0.5-0) in "
                 "the rituximab, azathioprine, and placebo groups, respectively.")
    assert [g[0] for g in got] == ["MEAN", "MEAN", "MEAN"]


def test_a_later_pair_of_the_sentence_keeps_the_arms_of_the_first():
    got = _medians("Time to discharge was shorter in the rituximab group compared to the placebo group "
                   "(5 (3 to 8) days vs. 7 (4 to 11) days; P = 0.03) as well as the time on oxygen "
                   "(2 (1 to 4) days vs. 3 (2 to 6) days; P = 0.04).")
    assert got == [(5.0, 3.0, 8.0, None, None, "rituximab", 44), (7.0, 4.0, 11.0, None, None, "placebo", 41),
                   (2.0, 1.0, 4.0, None, None, "rituximab", 44), (3.0, 2.0, 6.0, None, None, "placebo", 41)]
