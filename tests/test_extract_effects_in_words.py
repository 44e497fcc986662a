"""Comparative estimates written in words, and within-arm changes that are none (issue #13). Every sentence is written
for the test in the general shape, numbers and names changed; negatives of the same look must give no effect."""
from __future__ import annotations

from evidence_review.extract import extract_document


def _effects(text: str) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in extract_document("d", text, "d.txt")
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


def test_a_reduction_printed_first_in_its_bracket_keeps_the_interval_after_it():
    assert _effects("Overall, the vaccine had no effect on otitis (8% reduction, 95% Confidence Interval [CI]: -2 to "
                    "15%; p = 0.09).") == [("RRR", 0.08, -0.02, 0.15)]
    assert _effects("Dapagliflozin gave a 26% reduction in the risk of death (95% CI 10% to 40%).") == [
        ("RRR", 0.26, 0.1, 0.4)]


def test_a_levels_percentage_change_within_one_arm_is_no_relative_risk_reduction():
    text = ("Patients were randomized to a meal plan (n = 50) or education (n = 50). Fasting glucose declined by 9.5% "
            "(95% CI: -3.1 to -15.2%) in the meal plan group, compared with 3.2% (95% CI: -0.5 to -6.1%) in the "
            "education group (P=0.02).")
    assert not [e for e in _effects(text) if e[0] == "RRR"]


def test_a_relative_difference_of_a_laboratory_value_between_arms_is_no_relative_risk_reduction():
    for analyte in ("serum sodium", "bicarbonate", "plasma albumin"):
        assert _effects(f"There was a significant 4.1% reduction in {analyte} in the high-dose group versus placebo "
                        "(P = 0.03).") == []
    # an event's risk stays a relative risk reduction
    assert _effects("There was a significant 41% reduction in the risk of relapse in the high-dose group versus "
                    "placebo (P = 0.03).") == [("RRR", 0.41, None, None)]


def test_a_number_that_is_an_intervals_level_is_no_value():
    assert _effects("The differences in skin hydration between creams with 95 % CI are given in Table 3.") == []
    assert _effects("The risk difference was 12.5% (95% CI 3.1 to 21.9).") == [("RD", 0.125, 0.031, 0.219)]


def test_a_bracket_after_a_comparison_of_two_treatments_is_their_mean_difference():
    assert _effects("C3 showed a significantly larger hydration than the reference cream R (12.30; 95 %-CI: "
                    "3.05-21.55; P = 0.009).") == [("MD", 12.3, 3.05, 21.55)]
    # one arm's own value with its interval, the other arm named after it: no difference
    assert _effects("Recovery was longer in the A group (12.4 days, 95% CI 10.1 to 14.7) than in the B group.") == []


def test_a_ratio_said_as_a_multiple_of_the_other_groups_rate():
    assert _effects("The hazard rate of patients in arm 1 was 0.81 times less the hazard rate of group 2.") == [
        ("HR", 0.81, None, None)]
    assert _effects("The risk of relapse in the X group was 2.1 times that of the placebo group.") == [
        ("RR", 2.1, None, None)]
    # a multiple of nothing compared, without an interval, is no estimate
    assert _effects("The drug is 6 times more bioavailable than the old formulation.") == []
    assert _effects("The odds of response were 2.5 times higher in women.") == []


def test_the_abbreviation_repeated_after_an_intervals_words():
    text = ("Patients were randomized to low-dose drug X (n = 44), high-dose drug X (n = 45), or placebo (n = 44). "
            "Least-squares mean differences versus placebo in the tic score were significant (high dose, -8.1 [95% "
            "confidence interval, CI, -12.0 to -4.2], low dose, -5.2 [95% CI, -9.0 to -1.4]).")
    assert _effects(text) == [("MD", -8.1, -12.0, -4.2), ("MD", -5.2, -9.0, -1.4)]


def test_a_shares_increase_between_two_groups_with_its_interval_is_a_risk_difference():
    text = ("Compared to patients treated for 12 weeks, the response rate in those treated for 24 weeks increased by "
            "8.4% [95% CI: -4.2% to 21.0%] and 41.3% [95% CI: 25.5% to 57.1%] if they had genotype A, and genotype B, "
            "respectively.")
    assert _effects(text) == [("RD", 0.084, -0.042, 0.21), ("RD", 0.413, 0.255, 0.571)]
    # a level's increase is no difference of shares
    assert _effects("Mean body weight increased by 4.2% (95% CI 1.0% to 7.4%) in the drug group.") == []


def test_a_vaccines_efficacy_with_its_interval_stays_a_relative_risk_reduction():
    assert _effects("After the booster dose, the antipyretic reduced fever >38.5°C, significant in the per-protocol "
                    "population only (efficacy 71%; 95% CI: 5.2, 91.1).") == [("RRR", 0.71, 0.052, 0.911)]


def test_a_reduction_of_the_pretreatment_value_is_a_change_within_the_arm():
    assert _effects("Hence, at 12 hours after treatment the cream achieved a reduction of 41% of the pretreatment "
                    "intensity of itch.") == []
    assert _effects("The vaccine achieved a reduction of 41% of the risk of influenza.") == [("RRR", 0.41, None, None)]


def test_a_reduction_restates_a_ratio_only_of_the_same_outcome():
    assert ("RRR", 0.21, None, None) in _effects(
        "The HR for cardiovascular death was 0.80 (95% CI, 0.71 to 0.89). Drug X also reduced the risk of "
        "hospitalization for heart failure by 21% (P<0.001).")
    assert [e[0] for e in _effects("The hazard ratio for relapse was 0.72 (95% CI 0.60 to 0.86). Drug X lowered the "
                                   "relapse risk by 28%.")] == ["HR"]
