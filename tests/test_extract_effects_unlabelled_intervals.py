"""Differences between arms whose interval is printed without a label, on text written for these tests (a drug the
lexicon does not know against placebo, and lettered groups): the amount opening a bracket after the sentence's words
("... than placebo (11.5, 2.1 to 20.9)"), a list of such amounts closed by "respectively", an amount something changed
by with its bracketed pair ("improved by 0.52 (0.1, 0.9) units"); and what must stay no difference: a comparison with
an earlier time of the same patients, one arm's mean with its range, a pair that does not hold the amount."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

TRIAL = "Adults were randomly assigned to tolvarest (n = 58) or placebo (n = 57). "
LETTERED = ("Patients were randomly allocated to group A (10 mg tolvarest, n = 30), group B (20 mg tolvarest, n = 30) "
            "or group C (placebo, n = 30). ")


def _effects(text: str, trial: str = TRIAL) -> list[tuple]:
    rows = extract_document("doc", trial + text, "doc.txt")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("sentence, expected", [
    ("There was a 12-min longer recovery in the tolvarest group compared to the placebo group (11.5, 2.1 to 20.9).",
     [("MD", 11.5, 2.1, 20.9)]),
    ("Tolvarest patients used 31 mg less morphine than placebo patients (\u221231.2, \u221260.5 to \u22121.9).",
     [("MD", -31.2, -60.5, -1.9)]),
    ("Pain scores were lower with tolvarest than placebo (-1.2, -2.0 to -0.4, and -0.8, -1.5 to -0.1, respectively).",
     [("MD", -1.2, -2.0, -0.4), ("MD", -0.8, -1.5, -0.1)]),
])
def test_an_amount_opening_its_bracket_with_an_unlabelled_interval_is_a_difference(sentence, expected):
    assert _effects(sentence) == expected


def test_lettered_groups_compared_with_an_unlabelled_interval():
    sentence = "Group B stayed 40 min longer in the ward compared to group C (38.4, 3.9 to 72.9)."
    assert _effects(sentence, LETTERED) == [("MD", 38.4, 3.9, 72.9)]


def test_amounts_changed_by_with_a_bracketed_pair_are_differences():
    sentence = ("Dyspnoea improved by 0.52 (0.1, 0.9) units with tolvarest compared with placebo, and cough "
                "decreased by 0.41 (-0.2, 1.0).")
    assert _effects(sentence) == [("MD", 0.52, 0.1, 0.9), ("MD", 0.41, -0.2, 1.0)]
    rows = extract_document("doc", TRIAL + sentence, "doc.txt")
    assert not [r for r in rows if r["measure"] == "MEAN"]      # no arm's own change is read from the sentence


@pytest.mark.parametrize("sentence", [
    # the same patients at two times, not the arms
    "In both groups, pain was lower at 24 h when compared to 2 h (-2.1, -3.4 to -0.8).",
    # one arm's mean with its range, no difference
    "The tolvarest group was older than the placebo group (mean 54.2, 41 to 67).",
    # a pair that does not hold the amount is no interval of it
    "Recovery was 12 min longer with tolvarest than with placebo (11.5, 14.1 to 20.9).",
    # the amount does not open the bracket: an arm's value with its range
    "Recovery was longer with tolvarest than with placebo: 45 min (30 to 60).",
    # the first arm's own figure printed before: the second bracket is the other arm's figure with its range
    "The stay was longer in the tolvarest group (7.1 days) compared with the placebo group (5.2, 4.0 to 6.4).",
    # the other arm's own change named before its bracket
    "Weight fell in the tolvarest group compared to a weight gain in the placebo group (+0.6 kg, 95% CI -0.3 to 1.5).",
])
def test_no_difference_without_an_amount_and_its_interval_between_the_arms(sentence):
    assert _effects(sentence) == []


def test_an_earlier_time_after_a_difference_named_before_gives_no_difference():
    text = ("Recovery was 12 min longer with tolvarest than with placebo (mean difference 11.5, 95% CI 2.1 to 20.9). "
            "In both groups, pain was lower at 24 h when compared to 2 h (-2.1, -3.4 to -0.8).")
    assert _effects(text) == [("MD", 11.5, 2.1, 20.9)]


# ------------------------------------------------------------------------------------------------ relative reductions
def test_relative_reductions_listed_under_one_verb_with_their_unsigned_limits():
    sentence = ("Compared with placebo, tolvarest reduced the time spent in hypoglycaemia by 48% (35\u201359, "
                "p<0\u00b70001) and the time below 3\u00b70 mmol/L by 61% (44\u201373, p<0\u00b70001).")
    assert _effects(sentence) == [("RRR", 0.48, 0.35, 0.59), ("RRR", 0.61, 0.44, 0.73)]


@pytest.mark.parametrize("sentence", [
    # a percentage after "and ... by" with no reduction read before it: no list of reductions
    "Adherence to tolvarest was high and its dose was titrated by 10% (5-15) each week.",
    # a pair with one percent sign is no pair of limits of a relative reduction
    "Compared with placebo, tolvarest reduced the time spent in hypoglycaemia by 48% (35%, 59).",
])
def test_no_relative_reduction_without_its_list_or_its_limits(sentence):
    assert ("RRR", 0.48, 0.35, 0.59) not in _effects(sentence)
    assert not [e for e in _effects(sentence) if e[0] == "RRR" and e[1] == 0.1]


def test_an_amount_counted_per_person_is_a_difference_with_its_interval():
    sentence = ("There was a 33% reduction in the number of relapses with tolvarest (IRR: 0.67 95%CI: 0.50 to 0.88, "
                "p = 0.01), corresponding to an absolute reduction of relapse of 0.42 relapses/patient (95%CI: 0.11 "
                "to 0.70, p = 0.01).")
    assert ("MD", 0.42, 0.11, 0.7) in _effects(sentence)
    rows = extract_document("doc", TRIAL + sentence, "doc.txt")
    assert not [r for r in rows if r["measure"] == "MEAN"]


# ------------------------------------------------------------------------------------------------ each arm's own change
@pytest.mark.parametrize("sentence", [
    "Tolvarest lowered night-time awakenings by 37%, whereas awakenings in the placebo group rose by 4%.",
    "Treatment with tolvarest reduced urinary protein by 37%, while the placebo group saw a 4% increase.",
])
def test_a_reduction_beside_the_other_arms_own_change_is_no_relative_reduction(sentence):
    assert _effects(sentence) == []


def test_a_reduction_beside_another_arms_share_that_is_no_change_stays():
    sentence = "Tolvarest lowered the risk of relapse by 37%, while adverse events occurred in 12% of patients in both groups."
    assert [e[:2] for e in _effects(sentence)] == [("RRR", 0.37)]
