"""Orientation of a comparative estimate whose sentence compares the arms by "more/less ... than" or names the
comparator through the people given it ("than in those given B"), and estimates naming no arm in trials of several
treatments (no arm is guessed for them)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.pipeline import extract_one


def _comparisons(text: str) -> list[tuple]:
    rows, _, errors = extract_one("doc", text)
    assert not errors
    return [(r["measure"], round(float(r["value"]), 3), r["intervention"], r["comparator"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


def _two_arm(a: str, b: str, result: str) -> str:
    return (f"A randomized trial of {a} in older adults\n\nMethods: We randomly assigned 400 adults to {a} (n = 201) "
            f"or {b} (n = 199).\nResults: {result}\n")


@pytest.mark.parametrize("result, expected", [
    # "A had more <anything> than B (ratio)": the ratio is A against B as written (stored turned when A is the control)
    ("The placebo group had more hospital admissions than the melatonin group (RR 1.38; 95% CI 1.05 to 1.81).",
     ("RR", round(1 / 1.38, 3), "melatonin", "placebo")),
    ("Participants given placebo reported more night awakenings than the melatonin group (OR 2.05, 95% CI 1.20 to 3.50).",
     ("OR", round(1 / 2.05, 3), "melatonin", "placebo")),
    # "A had less <anything> than B": the ratio below one agrees with the words, A against B
    ("The melatonin group had less daytime sleepiness than the placebo group (OR 0.52, 95% CI 0.31 to 0.87).",
     ("OR", 0.52, "melatonin", "placebo")),
])
def test_more_or_less_anything_than_orders_the_ratio(result, expected):
    assert _comparisons(_two_arm("melatonin", "placebo", result)) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Falls were less frequent in patients receiving denosumab than in those given placebo (OR 0.64, 95% CI 0.45 to 0.91).",
     ("OR", 0.64, "denosumab", "placebo")),
    ("Fractures occurred less often with denosumab than among participants who were randomized to placebo "
     "(RR 0.71, 95% CI 0.55 to 0.92).", ("RR", 0.71, "denosumab", "placebo")),
])
def test_comparator_named_through_the_people_given_it(sentence, expected):
    assert _comparisons(_two_arm("denosumab", "placebo", sentence)) == [expected]


def test_comparator_after_than_in_those_given_with_the_arm_alone_named():
    # the treatment is not named in the sentence: the one arm named after "than in those given" is the comparator,
    # never the intervention
    rows = extract_document("doc", "The odds of a fall were lower than in those given placebo (OR 0.70, 95% CI 0.52 "
                                   "to 0.94).")
    assert [(r["intervention"], r["comparator"]) for r in rows] == [("", "placebo")]


_THREE_ARMS = ("A randomized trial in type 2 diabetes\n\nMethods: Patients were randomly assigned to pioglitazone, "
               "glimepiride or placebo.\nResults: {}\n")


def test_estimate_naming_no_arm_in_a_trial_of_several_treatments_gets_no_arms():
    rows = _comparisons(_THREE_ARMS.format("The hazard ratio for the primary outcome was 0.84 (95% CI 0.70 to 0.99)."))
    assert rows == [("HR", 0.84, "", "")]


def test_estimate_naming_its_pair_in_a_trial_of_several_treatments():
    rows = _comparisons(_THREE_ARMS.format(
        "The hazard ratio for the primary outcome with glimepiride versus placebo was 0.91 (95% CI 0.77 to 1.08)."))
    assert rows == [("HR", 0.91, "glimepiride", "placebo")]


def test_estimate_naming_no_arm_in_a_two_arm_trial_compares_its_arms():
    text = ("A randomized trial in type 2 diabetes\n\nMethods: Patients were randomly assigned to pioglitazone or "
            "placebo.\nResults: The hazard ratio for the primary outcome was 0.84 (95% CI 0.70 to 0.99).\n")
    assert _comparisons(text) == [("HR", 0.84, "pioglitazone", "placebo")]


def test_more_than_a_number_claims_no_direction():
    # "more than 30%": a threshold, not a comparison of the arms; the ratio keeps the order the sentence compares
    text = _two_arm("melatonin", "placebo", "More than 30 percent of participants woke at night with melatonin "
                                            "compared with placebo (OR 1.25, 95% CI 0.80 to 1.95).")
    assert _comparisons(text) == [("OR", 1.25, "melatonin", "placebo")]


# --- the pair printed at the opening of the estimate's own bracket

@pytest.mark.parametrize("result, expected", [
    ("Relapse was less frequent (melatonin vs placebo OR 0.58, 95% CI 0.36 to 0.93).", ("OR", 0.58, "melatonin", "placebo")),
    ("Relapse was less frequent (melatonin versus placebo: HR 0.66, 95% CI 0.47 to 0.93).",
     ("HR", 0.66, "melatonin", "placebo")),
    # the pair said control first: the same estimate, stored the trial's way round
    ("Relapse was more frequent (placebo vs. melatonin, odds ratio 1.72, 95% CI 1.08 to 2.75).",
     ("OR", round(1 / 1.72, 3), "melatonin", "placebo")),
])
def test_pair_opening_the_estimates_bracket_orders_it(result, expected):
    assert _comparisons(_two_arm("melatonin", "placebo", result)) == [expected]


def test_arms_listed_with_their_shares_in_the_bracket_are_no_pair():
    # "(placebo 18%, melatonin 12%; OR ...)": each arm's own share, not a comparison said control first
    text = _two_arm("melatonin", "placebo", "Relapse occurred in 12% with melatonin and 18% with placebo (placebo "
                                            "18%, melatonin 12%; OR 0.62, 95% CI 0.40 to 0.96).")
    assert _comparisons(text) == [("OR", 0.62, "melatonin", "placebo")]


def test_a_column_comparing_two_arms_is_no_arm():
    from evidence_review.extract.study import is_arm_header
    assert not is_arm_header("Budesonide 200 µg vs placebo")
    assert not is_arm_header("Intervention versus control")
    assert is_arm_header("Budesonide 200 µg (n = 100)")
    # (a group named with its size stays an arm, whatever its words)
    assert is_arm_header("Placebo-etanercept (N = 104)")


# --- two groups of people contrasted in words, in a report without treatment arms

_COHORT = ("Predictors of falls in older adults: a cohort study\n\nMethods: We followed 2400 community-dwelling adults "
           "for two years.\nResults: {}\n")


@pytest.mark.parametrize("result, expected", [
    ("Compared with participants without diabetes, those with diabetes had a higher risk of falls (HR 1.41, 95% CI "
     "1.12 to 1.77).", ("those with diabetes", "participants without diabetes")),
    ("The rate of falls was higher in current smokers than in never smokers (RR 1.29; 95% CI 1.02 to 1.63).",
     ("current smokers", "never smokers")),
    ("Women were more likely than men to report a fall (OR 1.52, 95% CI 1.18 to 1.96).", ("Women", "men")),
    ("Falls were more frequent in participants with depression than in those without (HR 1.60, 95% CI 1.20 to 2.13).",
     ("participants with depression", "those without depression")),
])
def test_groups_contrasted_in_words_are_the_estimates_sides(result, expected):
    rows, _, _ = extract_one("doc", _COHORT.format(result))
    assert [(r["intervention"], r["comparator"]) for r in rows if r["measure"] not in ("PROPORTION", "MEAN")] == [expected]


@pytest.mark.parametrize("result", [
    "The rate of falls was higher than expected (SIR 1.35, 95% CI 1.10 to 1.65).",
    "Falls were more frequent than at baseline (RR 1.30, 95% CI 1.05 to 1.61).",
    "The rate of falls was higher than 20% (RR 1.30, 95% CI 1.05 to 1.61).",
])
def test_a_threshold_or_an_expectation_is_no_group(result):
    rows, _, _ = extract_one("doc", _COHORT.format(result))
    assert all(not r["comparator"] or r["comparator"] == "baseline" for r in rows)


def test_groups_contrasted_in_a_trial_keep_the_trials_arms():
    # a trial's arms are its study model's; the words' groups are not read for them
    text = _two_arm("melatonin", "placebo", "Falls were less frequent in the melatonin group than in the placebo group "
                                            "(RR 0.70, 95% CI 0.52 to 0.94).")
    assert _comparisons(text) == [("RR", 0.7, "melatonin", "placebo")]


# --- an arm of a multi-arm trial named by its dose alone

_TWO_DOSES = ("A trial\n\nMethods: Patients were randomized to apixaban 2.5 mg (n = 610), apixaban 5 mg (n = 615) or "
              "enoxaparin (n = 612).\nResults: {}\n")


def test_each_estimate_names_its_dose_arm_against_the_common_comparator():
    rows, _, _ = extract_one("doc", _TWO_DOSES.format(
        "Compared with enoxaparin, the hazard ratio for recurrence was 0.92 (95% CI 0.70 to 1.21) for the 5 mg dose and "
        "1.05 (95% CI 0.81 to 1.36) for the 2.5 mg dose."))
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "HR"] == [
        (0.92, "apixaban 5 mg", "enoxaparin"), (1.05, "apixaban 2.5 mg", "enoxaparin")]


def test_a_dose_naming_no_arm_of_the_trial_names_none():
    # "a 10 mg dose" is no arm of a trial of 2.5 mg and 5 mg: the estimate keeps the arm the words name
    rows, _, _ = extract_one("doc", _TWO_DOSES.format(
        "Compared with enoxaparin, the hazard ratio for recurrence with apixaban 5 mg was 0.92 (95% CI 0.70 to 1.21), "
        "below that reported for a 10 mg dose."))
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "HR"] == [
        (0.92, "apixaban 5 mg", "enoxaparin")]
