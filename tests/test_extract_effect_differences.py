"""Effects in prose, on sentences written for the tests in several variants of each shape (other separators,
brackets, units, word order): differences printed without a measure's name (with a p-value or an interval only),
intervals whose level is cut off from its label, one estimate for two times, a percent sign printed once for a
list, and what only looks like an effect (one arm's change, a test statistic, a time's or a name's number, a
measurement's relative change, an MD with its SD, a sample-size calculation, prose copies of an effect)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.restated import without_restatements

ARMS = "Patients were randomly assigned to rituximab or placebo. "


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def effects(text: str) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows_of(text)
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


# ---------------------------------------------------------------- unnamed differences with a p-value
@pytest.mark.parametrize("text, value, p", [
    ("As compared to placebo, rituximab was associated with lower peak flow (\u221252 ml/min, p = 0.011).", -52.0, 0.011),
    ("Compared with placebo, rituximab lowered peak flow [-0.8 L/min; P = 0.04].", -0.8, 0.04),
    ("Versus placebo, rituximab raised serum albumin (0.31 g/dL, p=0.020).", 0.31, 0.02),
    ("Serum sodium decreased with rituximab vs placebo by \u22121.4 mmol/L (P = .018).", -1.4, 0.018),
    ("Median gain in walking distance with rituximab versus placebo was 31 m (p = 0.004).", 31.0, 0.004),
])
def test_amount_with_its_p_value_in_a_comparing_sentence_is_a_mean_difference(text, value, p):
    got = rows_of(ARMS + text, "MD")
    [md] = got
    assert md["value"] == pytest.approx(value) and md["p_value"] == pytest.approx(p)


def test_a_list_of_amounts_closed_by_a_comparative_each_with_its_interval():
    text = ARMS + ("At 6 months, mean systolic pressure, diastolic pressure and LDL-C were 4.1 (95% CI 1.2 to 7.0) mmHg, "
                   "1.9 mmHg (95% CI 0.3 to 3.5) and 0.2 mmol/L (95% CI 0.1 to 0.3) higher in the placebo group than "
                   "in the rituximab group.")
    assert effects(text) == [("MD", 4.1, 1.2, 7.0), ("MD", 1.9, 0.3, 3.5), ("MD", 0.2, 0.1, 0.3)]


@pytest.mark.parametrize("text, value", [
    ("The operation took 7.5 minutes longer with rituximab than with placebo (p = 0.01).", 7.5),
    ("Recovery was 2.0 days shorter for rituximab than for placebo (P < 0.001).", 2.0),
])
def test_amount_then_comparative_then_p_value(text, value):
    [md] = rows_of(ARMS + text, "MD")
    assert md["value"] == pytest.approx(value)


def test_a_change_with_an_interval_below_zero_printed_as_a_magnitude_is_negative():
    text = ARMS + "An adjusted analysis showed a shortening of the hospital stay of 2.7 days (95% CI \u22124.1 to \u22121.2)."
    assert effects(text) == [("MD", -2.7, -4.1, -1.2)]


def test_a_signed_difference_with_its_interval_in_a_bracket_after_the_comparison():
    text = ARMS + ("We found a non-significant fall in the score with rituximab compared to placebo on the first day "
                   "(-0.6, 95% CI -1.5, 0.3) and on the third day (-0.2, 95% CI -1.1, 0.7).")
    assert effects(text) == [("MD", -0.6, -1.5, 0.3), ("MD", -0.2, -1.1, 0.7)]


def test_a_later_bracket_continues_a_difference_printed_in_percent():
    text = ARMS + ("Rituximab 10 mg (estimated difference of the means \u22121.5%, p = 0.02) as well as rituximab "
                   "20 mg (\u22122.6%, p<0.001) lowered saturation at rest.")
    got = rows_of(text, "MD")
    assert [(r["value"], r["p_value"], r["p_text"]) for r in got] == [(-1.5, 0.02, None), (-2.6, None, "<0.001")]


@pytest.mark.parametrize("text", [
    # one arm's own change, named before or after the amount
    "Weight fell in the rituximab group (\u22121.4 kg, p = 0.03) and rose in the placebo group.",
    "There was a weight decrease of -1.2 kg (95% CI -2.0 to -0.4) in the rituximab group compared to a gain in the placebo group.",
    # a change from baseline
    "Compared with baseline, rituximab lowered ferritin (-45 ng/mL, p = 0.01).",
    # the two arms' values side by side
    "Serum sodium was lower with rituximab than with placebo (136 vs 139 mmol/L, p = 0.02).",
    # each arm's own change, the other arm's printed after it
    "Pain scores were reduced by 2.1 points (p < 0.001) with rituximab compared with 0.9 points with placebo.",
    "Patients on rituximab had a mean age of 54 years (p = 0.3) compared with 56 years on placebo.",
    "Mean arterial pressure was 85 mmHg (95% CI 80-90) in the rituximab group compared with 88 mmHg (95% CI 84-92) with placebo.",
    "FEV1 increased by 0.21 L (p = 0.003) in the rituximab arm and by 0.05 L in the placebo arm, compared with placebo.",
    # the level reached, not by how much
    "Rituximab reduced LDL to 2.1 mmol/L (p<0.001) compared with placebo.",
    # a test statistic, a time's and a name's number
    "The groups did not differ at baseline (t[28] = -0.41, p = 0.68) compared with placebo.",
    "Rituximab reduced the score versus placebo at week 26 (p<0.001).",
    "Rituximab improved fatigue compared with placebo on the SF-36 (p = 0.04).",
    # a median time with its interval
    "The median time to improvement was 6 weeks (95% CI 4-8) with rituximab compared with placebo.",
])
def test_what_only_looks_like_an_unnamed_difference(text):
    assert not rows_of(ARMS + text, "MD")


# ---------------------------------------------------------------- intervals whose level is cut off from its label
@pytest.mark.parametrize("text, measure, value, low, high", [
    ("Fatigue improved more with rituximab than with placebo (MD 8.2; 95%, CI: 2.1\u201314.3, p = 0.003).",
     "MD", 8.2, 2.1, 14.3),
    ("The hazard ratio was 0.71 with a two-sided 95%; CI 0.55 to 0.90.", "HR", 0.71, 0.55, 0.90),
    ("The adjusted mean between group difference was 0.9 for the 2-sided 95% CI (-1.2, 3.0).", "MD", 0.9, -1.2, 3.0),
    ("Costs were lower with rituximab (difference: 1,204.50 \u20ac; 95% CI 310.20 to 2,098.80).", "MD", 1204.5, 310.2, 2098.8),
])
def test_interval_past_a_level_cut_off_from_its_label(text, measure, value, low, high):
    assert effects(ARMS + text) == [(measure, value, low, high)]


@pytest.mark.parametrize("text, measure, value, low, high", [
    ("Relapse was less frequent with rituximab (HR 0.64, 95% CI between 0.47 and 0.88).", "HR", 0.64, 0.47, 0.88),
    ("The odds ratio was 1.8 (lower 95% limit 1.1, upper 2.9).", "OR", 1.8, 1.1, 2.9),
    ("Infection was more frequent with rituximab (OR 1.8; 95%CI 1.1/2.9).", "OR", 1.8, 1.1, 2.9),
])
def test_interval_limits_in_words(text, measure, value, low, high):
    assert effects(ARMS + text) == [(measure, value, low, high)]


@pytest.mark.parametrize("text, value, low, high", [
    ("Rituximab lowered systolic pressure compared with placebo (\u22124.2 mmHg [95% CI \u22126.1 to \u22122.3]).",
     -4.2, -6.1, -2.3),
    ("Rituximab reduced pain by 1.3 points more than placebo (p = 0.02).", 1.3, None, None),
    ("Systolic pressure fell by 6.1 mmHg more with rituximab than with placebo (95% CI 2.0 to 10.2).", 6.1, 2.0, 10.2),
    ("Compared with placebo, weight was 2.3 kg lower with rituximab (95% CI 1.1 to 3.5).", 2.3, 1.1, 3.5),
    ("Rituximab-treated patients had 1.8 fewer days in hospital than placebo patients (p = 0.03).", 1.8, None, None),
])
def test_more_unnamed_difference_wordings(text, value, low, high):
    assert effects(ARMS + text) == [("MD", value, low, high)]


@pytest.mark.parametrize("text", [
    "Time to surgery did not differ (640 [95% CI 560\u2013720] days in the rituximab group vs 602 [540\u2013664] days in "
    "the placebo group; p=0.41).",
    "The score fell less with placebo, as compared to the fall with rituximab, -41.2 vs 12.6 ng/mL; 95% CI [-70.1, -12.3].",
])
def test_each_arms_own_value_with_its_interval_is_no_difference(text):
    assert not [r for r in rows_of(ARMS + text) if r["measure"] in ("MD", "SMD", "RD")]


def test_each_arms_rate_with_its_interval_stays_a_rate():
    text = ARMS + ("The annualized rate of attacks was lower with rituximab (0.48 [95% CI, 0.40 to 0.57] vs. 0.91 [95% CI, "
                   "0.77 to 1.08]).")
    assert [(r["value"], r["ci_low"]) for r in rows_of(text, "ARR")] == [(0.48, 0.40), (0.91, 0.77)]


def test_a_days_number_before_a_valueless_interval_is_no_ratio():
    text = ARMS + "Rituximab lowered carriage on Day 7 (OR = 0.3 95% CI 0.1\u20130.8) and on Day 21 (OR95%CI 0\u20130.9)."
    assert effects(text) == [("OR", 0.3, 0.1, 0.8)]


# ---------------------------------------------------------------- names of differences and effect sizes
@pytest.mark.parametrize("text, measure, value", [
    ("Rituximab (estimated difference of the means \u22121.2%, p = 0.03) lowered saturation.", "MD", -1.2),
    ("The difference in mean scores between the groups was 3.1 (95% CI 0.4 to 5.8).", "MD", 3.1),
    ("The difference between the adjusted means was 2.5 points (p = 0.01).", "MD", 2.5),
    ("The placebo-adjusted mean change was \u22124.1 mmHg (95% CI \u22126.0 to \u22122.2).", "MD", -4.1),
    ("The placebo-corrected reduction in weight was 2.6 kg (p < 0.001).", "MD", 2.6),
    ("LS mean difference vs placebo, \u22120.52% (95% CI \u22120.70 to \u22120.34).", "MD", -0.52),
    ("Stay was shorter with rituximab (12.1 and 15.3 days, p<0.001, effect size: 0.42).", "SMD", 0.42),
    ("The effect size of 0.35 favoured rituximab.", "SMD", 0.35),
])
def test_differences_named_the_other_way_round_and_effect_sizes(text, measure, value):
    got = [r for r in rows_of(ARMS + text) if r["measure"] not in ("MEAN", "PROPORTION", "MEDIAN")]
    assert [(r["measure"], r["value"]) for r in got] == [(measure, pytest.approx(value))]


@pytest.mark.parametrize("text", [
    "This effect size can be interpreted as 70.2% of the rituximab group improving more than the placebo mean.",
    "The average effect size across the two outcomes was 0.6.",
    # a sample-size calculation borrowing other studies' effects
    "We averaged the effect sizes found in two earlier trials (d = 0.70 and d = 0.50) to determine an estimate of d = 0.60.",
    # a mean change with its SD is one group's, not a difference
    "Scores improved within the rituximab group (MD = 9.4, SD = 12.1, p = 0.01).",
    "Scores improved within the rituximab group (mean difference 4.2 (SD 3.1)).",
])
def test_what_only_looks_like_a_named_effect(text):
    assert not [r for r in rows_of(ARMS + text) if r["measure"] in ("SMD", "MD")]


# ---------------------------------------------------------------- one printing standing for several rows
def test_a_percent_sign_printed_once_for_a_list_without_intervals():
    text = ARMS + "The absolute risk reductions were 12, 9 and 7 percentage points, respectively."
    assert [r["value"] for r in rows_of(text, "RD")] == pytest.approx([0.12, 0.09, 0.07])


@pytest.mark.parametrize("text, low, high", [
    ("The absolute risk reductions were 23 (95% CI: 10 \u2013 36), 41 (95% CI: 25 \u2013 57), and 18 percent "
     "(95% CI: 4 \u2013 32), respectively.", (0.10, 0.25, 0.04), (0.36, 0.57, 0.32)),
    ("Risk differences were 23 (95% CI 10-36); 41 (95% CI 25-57) and 18% (95% CI 4-32).", (0.10, 0.25, 0.04),
     (0.36, 0.57, 0.32)),
])
def test_a_percent_sign_printed_once_for_a_list(text, low, high):
    got = rows_of(ARMS + text, "RD")
    assert [r["value"] for r in got] == pytest.approx([0.23, 0.41, 0.18])
    assert [r["ci_low"] for r in got] == pytest.approx(list(low))
    assert [r["ci_high"] for r in got] == pytest.approx(list(high))


@pytest.mark.parametrize("text, times", [
    ("Carriage was lower on Days 5 and 10: OR = 0.31 95%CI 0.11\u20130.88 for both days.", {"day 5", "day 10"}),
    ("Relapse was less frequent at 6 and 12 months (HR 0.70, 95% CI 0.52-0.94 at both time points).",
     {"6 months", "12 months"}),
    ("The odds ratio of relapse was 0.55 (95% CI 0.31-0.97) at both 6 and 12 months.", {"6 months", "12 months"}),
    ("Relapse was less frequent (HR 0.70, 95% CI 0.52-0.94, for both weeks 4 and 8).", {"week 4", "week 8"}),
])
def test_one_estimate_stated_for_two_times_is_a_row_for_each(text, times):
    got = [r for r in rows_of(ARMS + text) if r["measure"] in ("OR", "HR")]
    assert len(got) == 2 and {r["timepoint"] for r in got} == times
    assert {(r["value"], r["ci_low"], r["ci_high"]) for r in got} == {(got[0]["value"], got[0]["ci_low"], got[0]["ci_high"])}


# ---------------------------------------------------------------- relative changes of a measurement
@pytest.mark.parametrize("text", [
    "Compared with placebo, rituximab reduced fasting glucose by 12% (p < 0.05) and HbA1c by 6% (p < 0.05).",
    "Mean liver fat content decreased by 21% with rituximab, from 8.1 \u00b1 1.2% to 6.4 \u00b1 1.0%.",
    "Rituximab showed a reduction of 20 % in the serum ferritin levels of patients who completed treatment.",
    "Each 1\u00b0C drop in temperature lowers oxygen consumption by 6%.",
])
def test_a_measurements_relative_change_is_no_relative_risk_reduction(text):
    assert not rows_of(ARMS + text, "RRR")


@pytest.mark.parametrize("text", [
    "Rituximab reduced the risk of relapse by 31% compared with placebo.",
    "Rituximab showed a reduction of 31% in the risk of infection.",
])
def test_an_events_relative_reduction_stays_one(text):
    [rrr] = rows_of(ARMS + text, "RRR")
    assert rrr["value"] == pytest.approx(0.31)


# ---------------------------------------------------------------- prose copies of one effect
def _row(measure, value, ci=(None, None), finder="labelled", start=0, arms=("a", "b")):
    return {"measure": measure, "value": value, "ci_low": ci[0], "ci_high": ci[1], "finder": finder, "start": start,
            "evidence": f"sentence {start}", "intervention": arms[0], "comparator": arms[1], "outcome": ""}


def test_a_sentences_effect_without_interval_printed_by_a_table_with_its_interval_is_the_tables():
    rows = [_row("OR", 2.37, start=10, arms=("x", "y")), _row("OR", 2.37, (0.9, 7.5), finder="table", start=500)]
    kept = without_restatements(rows, lambda row: "results")
    assert [r["finder"] for r in kept] == ["table"]


def test_the_abstracts_copy_of_a_results_effect_goes_even_with_other_arm_names():
    rows = [_row("SMD", 0.63, start=10, arms=("medium effect", "")), _row("SMD", 0.63, start=900, arms=("A", "B"))]
    kept = without_restatements(rows, lambda row: "abstract" if row["start"] < 100 else "results")
    assert [r["start"] for r in kept] == [900]


def test_two_effects_of_one_value_in_the_results_both_stay():
    rows = [_row("SMD", 0.63, start=10, arms=("A", "B")), _row("SMD", 0.63, start=900, arms=("C", "B"))]
    kept = without_restatements(rows, lambda row: "results")
    assert len(kept) == 2


def test_a_difference_printed_with_a_quantitys_unit_after_a_risk_difference_is_an_md():
    from evidence_review.extract import extract_document
    allocation = "Patients were randomly assigned to rituximab (n = 80) or placebo (n = 80). "
    text = ("Rituximab reduced the rate of hospitalization by 2.1 percentage points (95% CI 0.5-3.7) and further "
            "lowered blood pressure by 1.76 mmHg (95% CI 0.73-2.79).")
    rows = [r for r in extract_document("doc", allocation + text, "doc.txt", "")
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]
    assert sorted((r["measure"], r["value"]) for r in rows) == [("MD", 1.76), ("RD", 0.021)]
    # a second bare risk difference stays one
    text = "The risk difference for relapse was 0.12 (95% CI 0.03-0.21) and for remission 0.08 (95% CI 0.01-0.15)."
    rows = [r for r in extract_document("doc", allocation + text, "doc.txt", "")
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]
    assert sorted((r["measure"], r["value"]) for r in rows) == [("RD", 0.08), ("RD", 0.12)]
