"""General shapes of numbers in sentences (not tables), each written here in several wordings with numbers and names
of our own: whole-population baseline shares and means, effects whose measure or interval is printed in an unusual
place, and the numbers that are no estimate (one arm's own fall, a hypothesis, an interval's limit or a margin, a
bound such as "more than 90%", a list of times)."""
from __future__ import annotations

import re

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import Parse, population_size, word_to_int

TRIAL = "We randomly assigned 300 adults with asthma to rituximab or placebo. "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", text, "doc.txt", "")


def _everyone(rows):
    return [r for r in rows if r["intervention"] == "all patients"]


def _one(rows, **want):
    hits = [r for r in rows if all(r.get(k) == pytest.approx(v) if isinstance(v, float) else r.get(k) == v
                                   for k, v in want.items())]
    assert hits, f"no row {want} in {[{k: r.get(k) for k in want} for r in rows]}"
    return hits[0]


# ---------------------------------------------------------------------------------------------- population shares
@pytest.mark.parametrize("sentence, value, outcome", [
    ("Baseline characteristics were balanced between the groups; the cohort was mostly female (71.3%), Hispanic (18.0%).",
     0.18, "hispanic"),
    ("The two groups were well matched: patients were predominantly male (62.0%), white (80.3%).", 0.803, "white"),
    ("The mean age was 48.2 years, with 44% smokers, 27% unemployed, and 12% on home oxygen.", 0.27, "unemployed"),
    ("The mean age was 48.2 years, with 44% smokers, 27% unemployed, and 12% on home oxygen.", 0.12, "home oxygen"),
    ("At baseline, 38% of patients had nasal polyps, and 21% had a history of smoking.", 0.21, "history of smoking"),
    ("Nasal polyposis at entry was common (43.7%).", 0.437, "nasal polyposis"),
])
def test_shares_of_everyone_listed_as_traits(sentence, value, outcome):
    rows = _everyone(_rows(TRIAL + sentence))
    row = _one(rows, measure="PROPORTION", value=value)
    assert row["role"] == "baseline" and row["total"] == 300 and row["events"] == round(300 * value)
    assert row["outcome"] == outcome


@pytest.mark.parametrize("sentence, values", [
    ("Sixty-two per cent of the patients had mild disease, 30 % had moderate disease and 8 % had severe disease.",
     [0.62, 0.30, 0.08]),
    ("Forty percent of the participants were smokers.", [0.40]),
    ("In 57 % of patients, the dominant hand was affected, and in 43 % of patients, the other hand was affected.",
     [0.57, 0.43]),
])
def test_shares_of_everyone_spelled_out_or_leading(sentence, values):
    rows = _everyone(_rows(TRIAL + sentence))
    assert sorted(round(r["value"], 3) for r in rows) == sorted(values)
    assert all(r["role"] == "baseline" and r["total"] == 300 for r in rows)


def test_population_spelled_out_with_its_sex_share():
    rows = _everyone(_rows("Two hundred and forty children (55 % boys) were randomized to zinc or placebo."))
    row = _one(rows, measure="PROPORTION", value=0.55)
    assert row["total"] == 240 and row["events"] == 132 and row["outcome"] == "male sex"


@pytest.mark.parametrize("words, number", [("One hundred and ninety-three", 193), ("two hundred forty-six", 246),
                                           ("nine hundred", 900), ("twenty-one", 21)])
def test_spelled_out_counts_of_a_hundred_or_more(words, number):
    assert word_to_int(words) == number


def test_spelled_out_population_is_the_denominator():
    assert population_size("Three hundred and six patients were randomized to A or B.") == 306
    assert population_size("Three hundred patients with asthma were screened.") is None


@pytest.mark.parametrize("sentence", [
    # an outcome, not a trait
    "At 12 weeks, 38% of patients had an exacerbation and 21% had a hospital admission.",
    # another study's population
    "In a recent study, more than 90% of asthma patients had a contraindication to NSAIDs, and 66% had used them.",
    "Smith et al. found that 66% of patients were smokers and 20% were obese.",
    # arms named: the figures are an arm's, not everyone's
    "In the rituximab group, 44% were smokers, 27% unemployed.",
])
def test_no_population_share_where_the_sentence_is_about_something_else(sentence):
    assert _everyone(_rows(TRIAL + sentence)) == []


def test_the_other_sex_is_the_first_ones_complement():
    rows = _everyone(_rows(TRIAL + "Forty-one male (41.0%) and 59 female (59.0%) patients had a mean age of 40.2 years."))
    assert [r["outcome"] for r in rows if r["measure"] == "PROPORTION"] == ["male sex"]


# ---------------------------------------------------------------------------------------------- population means
@pytest.mark.parametrize("sentence, value, sd, outcome", [
    ("The cohort had a mean \u00b1 SD age of 44.1 \u00b1 9.8 years.", 44.1, 9.8, "age"),
    ("The cohort had a mean (SD) age of 52.6 (11.4) years.", 52.6, 11.4, "age"),
    ("The groups were alike, with a mean (standard deviation) age of 39.5 (8.1) years and a BMI of 27.3 (3.9).",
     27.3, 3.9, "bmi"),
    ("Mean age of the patients was 41.6 years (39.0-44.2; SD 12.1).", 41.6, 12.1, "age"),
    ("Mean age of the participants was 63.2 years (95% CI 61.0-65.4; SD 7.5).", 63.2, 7.5, "age"),
])
def test_means_of_everyone_with_their_spread(sentence, value, sd, outcome):
    rows = _everyone(_rows(TRIAL + sentence))
    row = _one(rows, measure="MEAN", value=value)
    assert row["sd"] == pytest.approx(sd) and row["total"] == 300 and row["role"] == "baseline"
    assert row["outcome"] == outcome


def test_a_mean_beside_shares_of_everyone_is_a_baseline_trait():
    rows = _everyone(_rows(TRIAL + "Mean eosinophil count was 310 cells/\u00b5L, and 22.5% of patients had nasal polyps."))
    assert _one(rows, measure="MEAN", value=310.0)["role"] == "baseline"
    assert _one(rows, measure="PROPORTION", value=0.225)["events"] == 68


def test_a_caption_mean_with_its_interval_label_is_no_mean():
    rows = _rows(TRIAL + "Outcome at 12 weeks, change from baseline (mean with 95 % CI).")
    assert _everyone(rows) == []


# ---------------------------------------------------------------------------------------------- effects
@pytest.mark.parametrize("text, low, high", [
    ("95% CI 95% 0.76 to 1.66", 0.76, 1.66),
    ("95% CI (95% CI -0.37 to 0.37)", -0.37, 0.37),
    ("95% CI: 95% 1.2-3.4", 1.2, 3.4),
    ("95% CI, -\u00a3125 [-US$184] to \u00a3501 [US$738]", -125.0, 501.0),
    ("95% CI \u20ac310 (US$345) to \u20ac2,170 (US$2,415)", 310.0, 2170.0),
])
def test_interval_with_its_label_printed_twice_or_amounts_in_two_currencies(text, low, high):
    found = Parse(text)("interval")
    assert found and found[0].low == pytest.approx(low) and found[0].high == pytest.approx(high)


@pytest.mark.parametrize("sentence, measure, value, low, high", [
    ("Pain did not differ (12 mo: difference -1.4, intervention versus control, 95% CI -4.2 to 1.5).", "MD", -1.4, -4.2, 1.5),
    ("FEV1 improved more (mean difference 0.12 L; rituximab vs placebo; 95% CI 0.04 to 0.20).", "MD", 0.12, 0.04, 0.20),
    ("Exacerbations were fewer (rate ratio 0.71, rituximab compared with placebo, 95% CI 0.55 to 0.92).", "RR", 0.71, 0.55, 0.92),
])
def test_interval_after_the_comparison_it_is_of(sentence, measure, value, low, high):
    rows = _rows(TRIAL + sentence)
    row = _one(rows, value=value)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))


def test_times_listed_are_no_difference():
    rows = _rows(TRIAL + "There was no significant difference in disability at 3 or 6 mo, nor at 6, 9 and 12 wk.")
    assert rows == []


@pytest.mark.parametrize("sentence, expected", [
    ("Rituximab reduced exacerbations (odds ratio [OR]: 0.70, 95% CI: 0.55-0.89; absolute risk reduction: 6.2%, 95% CI: "
     "2.0-10.4), and admissions (0.64, 95% CI: 0.45-0.91, P = 0.01).",
     [("OR", 0.70), ("RD", 0.062), ("OR", 0.64)]),
    ("Rituximab lowered the hazard of relapse (hazard ratio 0.66, 95% CI 0.50 to 0.87; risk difference -5.0%, 95% CI -8.1% "
     "to -1.9%) and of death (0.79, 95% CI 0.61 to 1.02).",
     [("HR", 0.66), ("RD", -0.05), ("HR", 0.79)]),
    ("Rituximab reduced relapse (RR 0.74, 95% CI 0.60-0.91) and increased mean FEV1 (85 mL, 95% CI 20-150, P = 0.01).",
     [("RR", 0.74), ("MD", 85.0)]),
    ("Rituximab lowered the odds of admission (OR 0.71, 95% CI 0.55 to 0.92) and raised mean weight (1.3 kg; 95% CI 0.2 "
     "to 2.4).",
     [("OR", 0.71), ("MD", 1.3)]),
])
def test_a_list_of_effects_keeps_the_ratio_and_reads_units_as_differences(sentence, expected):
    rows = _rows(TRIAL + sentence)
    assert sorted((r["measure"], round(r["value"], 3)) for r in rows) == sorted(expected)


# ---------------------------------------------------------------------------------------------- not estimates
@pytest.mark.parametrize("sentence", [
    "Wheeze and cough in the rituximab group decreased by 48% and 37%, respectively.",
    "Patients in the rituximab arm had a 61.2% reduction in symptom score after 8 weeks, compared with 22.4% in the "
    "placebo arm.",
    "Symptom scores fell by 40% with rituximab versus 12% with placebo.",
    "Among patients in the placebo group, night waking declined by 23%.",
])
def test_one_arms_own_fall_is_no_relative_risk_reduction(sentence):
    assert [r for r in _rows(TRIAL + sentence) if r["measure"] == "RRR"] == []


def test_a_relative_risk_reduction_is_still_read():
    rows = _rows(TRIAL + "Rituximab reduced the risk of exacerbation by 34% compared with placebo.")
    assert _one(rows, measure="RRR", value=0.34)


@pytest.mark.parametrize("sentence", [
    "We hypothesized that the rituximab group would have a 40% reduction in exacerbations.",
    "The study was designed to detect a difference of 0.5 points (95% CI 0.2 to 0.8) between groups.",
    "Rituximab was expected to reduce exacerbations by 30% relative to placebo.",
    "We anticipated a 25% lower rate of admission (rate ratio 0.75) with rituximab.",
])
def test_hypotheses_and_assumptions_are_no_results(sentence):
    assert _rows(TRIAL + sentence) == []


@pytest.mark.parametrize("sentence, kept", [
    ("The difference was -0.8 (-1.6, -0.01), but the lower limit of the 95% CI (-1.6) was outside the boundary (-1.5).",
     [-0.8]),
    ("The upper bound of the confidence interval (1.18) was below the non-inferiority margin of 1.25.", []),
    ("Equivalence limits were set at -2.0 and 2.0 points.", []),
])
def test_interval_limits_and_margins_are_no_estimates(sentence, kept):
    rows = _rows("Patients were randomly assigned to hydromorphone or morphine. Least-squares mean differences (95% CI) "
                 "between groups were reported. " + sentence)
    assert sorted(r["value"] for r in rows) == kept


# ---------------------------------------------------------------------------------------------- arm-level data
@pytest.mark.parametrize("sentence, expected", [
    ("Pain fell more with lidocaine plus ketorolac (-2.15 \u00b1 1.02) relative to ketorolac alone (-1.70 \u00b1 0.88).",
     {("lidocaine plus ketorolac", -2.15, 1.02), ("ketorolac alone", -1.70, 0.88)}),
    ("The score improved more in the massage group (12.4 \u00b1 3.1) than in the exercise group (9.8 \u00b1 2.7).",
     {("massage", 12.4, 3.1), ("exercise", 9.8, 2.7)}),
    ("Fatigue was lower with yoga (3.2 \u00b1 1.1) versus usual care (4.0 \u00b1 1.3).",
     {("yoga", 3.2, 1.1), ("usual care", 4.0, 1.3)}),
])
def test_arm_means_named_right_before_their_bracket(sentence, expected):
    rows = _rows("Results. " + sentence)
    got = {(r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert got == expected


@pytest.mark.parametrize("sentence, counts", [
    ("Serious adverse events were similar between the arms (intervention 13.1% [181/1,378], control 12.7% "
     "[174/1,374]).", {(181, 1378), (174, 1374)}),
    ("Wound dehiscence did not differ (21/182 [12%] with enema v 32/190 [17%] without enema; P = 0.30).",
     {(21, 182), (32, 190)}),
    ("Readmission was rare (12/2,405 with the app v 15/2,398 with usual care).", {(12, 2405), (15, 2398)}),
])
def test_arm_counts_with_thousands_or_set_side_by_side_with_v(sentence, counts):
    rows = _rows("Women were randomly assigned to the intervention or control. " + sentence)
    assert {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == counts


@pytest.mark.parametrize("sentence", [
    "Clinical cure rates were similar (88.2% with rituximab and 85.8% with azathioprine).",
    "Clinical cure rates were comparable: 88.2% with rituximab and 85.8% with azathioprine.",
    "Sustained response was higher (88.2% with rituximab vs. 85.8% with azathioprine).",
])
def test_two_arms_percentages_of_an_outcome_the_lexicon_does_not_know(sentence):
    rows = _rows("Patients were randomly assigned to rituximab (n = 287) or azathioprine (n = 309). " + sentence)
    got = {(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert got == {("rituximab", 253, 287), ("azathioprine", 265, 309)}


@pytest.mark.parametrize("sentence", [
    "Wound infection developed in 5 of 86 (5.9%) patients that received cefuroxime and 8 of 91 (8.8%) patients that "
    "received ampicillin.",
    "Wound infection developed in 5 of 86 (5.9%) women who received cefuroxime and 8 of 91 (8.8%) women who received "
    "ampicillin.",
])
def test_counts_followed_by_the_arm_that_received_them(sentence):
    rows = _rows("Women were randomly assigned to cefuroxime (n = 86) or ampicillin (n = 91). " + sentence)
    assert {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == {(5, 86), (8, 91)}


def test_a_zero_among_the_traits_of_everyone():
    rows = _everyone(_rows(TRIAL + "Concerning the drawer test, 14 % had a negative test, 61 % had a 1 + test, 25 % "
                                   "had a 2 + test and no patients had a 3 + test."))
    assert _one(rows, measure="PROPORTION", events=0)["total"] == 300
    assert len(rows) == 4


@pytest.mark.parametrize("sentence, expected", [
    ("Rituximab reduced admission (OR 0.70, 95% CI 0.55-0.89; risk difference -0.045, 95% CI -0.076 to -0.014) and "
     "death (0.62, 95% CI 0.43-0.89).", [("OR", 0.70), ("RD", -0.045), ("OR", 0.62)]),
    ("Rituximab improved the score (mean difference 2.1, 95% CI 0.4-3.8; standardized mean difference 0.31, 95% CI "
     "0.06-0.56) and function (1.2, 95% CI 0.1-2.3).", [("MD", 2.1), ("SMD", 0.31), ("MD", 1.2)]),
    ("Rituximab reduced admission (relative risk 0.74; 95% CI 0.60 to 0.91; absolute risk reduction 4.5%; 95% CI 1.4 "
     "to 7.6) and death (0.62; 95% CI 0.43 to 0.89) but not stroke (0.91 [95% CI 0.61-1.35]).",
     [("RR", 0.74), ("RD", 0.045), ("RR", 0.62), ("RR", 0.91)]),
])
def test_later_brackets_print_the_measure_that_leads_the_first(sentence, expected):
    rows = _rows(TRIAL + sentence)
    assert sorted((r["measure"], round(r["value"], 3)) for r in rows) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Pain fell in every group, with pain reductions of 3.87 in the rituximab group, 4.33 in the azathioprine group, "
     "and 1.81 in the placebo group.", {("rituximab", 3.87), ("azathioprine", 4.33), ("placebo", 1.81)}),
    ("Weight gains of 2.1 kg with rituximab and 0.4 kg with placebo were seen.", {("rituximab", 2.1), ("placebo", 0.4)}),
    ("Score improvements of 12.5 in the rituximab group versus 8.0 in the placebo group were reported.",
     {("rituximab", 12.5), ("placebo", 8.0)}),
])
def test_amounts_of_change_each_followed_by_its_arm_are_arm_means(sentence, expected):
    rows = _rows("Patients were randomly assigned to rituximab (n = 74), azathioprine (n = 75) or placebo (n = 73). "
                 + sentence)
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert {(r["intervention"], r["value"]) for r in means} == expected
    assert all(r["outcome"].startswith("change in ") and r["role"] != "baseline" for r in means)


@pytest.mark.parametrize("sentence, expected", [
    ("Weight fell in the rituximab group (mean change: -1.3 kg; p = 0.04) and in the placebo group (mean change: -0.2 "
     "kg; p = 0.61).", {("rituximab", -1.3, 74), ("placebo", -0.2, 73)}),
    ("The score improved with rituximab (mean = 4.2 points, P < 0.01) but not with placebo (mean = 0.9 points).",
     {("rituximab", 4.2, 74), ("placebo", 0.9, 73)}),
])
def test_an_arms_mean_opening_the_bracket_after_the_arm(sentence, expected):
    rows = _rows("Patients were randomly assigned to rituximab (n = 74) or placebo (n = 73). " + sentence)
    assert {(r["intervention"], r["value"], r["total"]) for r in rows if r["measure"] == "MEAN"} == expected


def test_a_mean_with_its_spread_in_the_bracket_is_left_to_the_spread_rules():
    rows = _rows("Patients were randomly assigned to rituximab (n = 74) or placebo (n = 73). The score was higher in "
                 "the rituximab group (mean 12.1 \u00b1 3.4) than in the placebo group (mean 10.2 \u00b1 3.0).")
    assert {(r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"} == {(12.1, 3.4), (10.2, 3.0)}


@pytest.mark.parametrize("sentence, counts", [
    ("A total of 711 patients (17.0%) receiving rituximab and 835 patients (19.8%) receiving placebo died.",
     {(711, 4187), (835, 4212)}),
    ("In all, 702 patients (16.8%) receiving rituximab and 830 patients (19.7%) receiving placebo died.",
     {(702, 4187), (830, 4212)}),
])
def test_a_total_of_n_patients_with_their_share_is_a_count(sentence, counts):
    rows = _rows("Patients were randomly assigned to rituximab (n = 4187) or placebo (n = 4212). " + sentence)
    assert {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == counts



@pytest.mark.parametrize("sentence, means", [
    ("Scores were similar (48.2 versus 45.0 points; difference 3.2, 95% CI -0.4 to 6.8).", {48.2, 45.0}),
    ("Length of stay fell (6.1 vs. 7.3 days, mean difference -1.2 days; 95% CI -2.0 to -0.4).", {6.1, 7.3}),
])
def test_a_pair_of_means_before_the_difference_they_make(sentence, means):
    rows = _rows("Patients were randomly assigned to rituximab (n = 120) or placebo (n = 118). " + sentence)
    assert {r["value"] for r in rows if r["measure"] == "MEAN"} == means


def test_a_pair_that_does_not_make_the_difference_is_no_pair_of_means():
    rows = _rows("Patients were randomly assigned to rituximab (n = 120) or placebo (n = 118). At weeks 12 vs 24 the "
                 "score changed (mean difference 3.2, 95% CI 0.4 to 6.0).")
    assert [r for r in rows if r["measure"] == "MEAN"] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Median labour time was similar (515 min. with enema v 585 min. without enema; P = 0.24).",
     {("enema", 515.0), ("no enema", 585.0)}),
    ("The median stay was 4 days with a drain versus 5 days without a drain.", {("drain", 4.0), ("no drain", 5.0)}),
])
def test_medians_of_arms_named_with_and_without_the_intervention(sentence, expected):
    rows = _rows("Women were randomly assigned to the intervention or none. " + sentence)
    assert {(r["intervention"], r["value"]) for r in rows if r["measure"] == "MEDIAN"} == expected


def test_medians_with_two_unrelated_with_phrases_are_not_arms():
    rows = _rows("Women were randomly assigned to the intervention or none. The median stay was 4 days with sepsis and "
                 "5 days with pneumonia.")
    assert [r for r in rows if r["measure"] == "MEDIAN"] == []


def test_versus_written_with_a_slash_and_a_threshold_reduction():
    rows = _rows("Patients were randomly assigned to rituximab (n = 118) or placebo (n = 117). Cavity size was reduced by "
                 "50% or more in 106 (89.8%) v/s 111 (94.8%) patients in the rituximab and placebo groups, respectively.")
    assert {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == {(106, 118), (111, 117)}
    assert [r for r in rows if r["measure"] == "RRR"] == []


@pytest.mark.parametrize("sentence", [
    "The mean changes in eGFR were 0 \u00b1 14 and -7 \u00b1 16 mL/min/1.73 m2 (p = 0.09, between groups) for the "
    "rituximab and azathioprine groups, respectively.",
    "The mean changes in eGFR were 0 \u00b1 14 and -7 \u00b1 16 (P = 0.09) in the rituximab and azathioprine groups.",
])
def test_a_p_value_aside_between_a_list_of_means_and_its_arms(sentence):
    rows = _rows("Patients were randomly assigned to rituximab (n = 30) or azathioprine (n = 30). " + sentence)
    assert {(r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"} == \
        {("rituximab", 0.0, 14.0), ("azathioprine", -7.0, 16.0)}


@pytest.mark.parametrize("text, value", [("1.35 vs. 1.82 p 0.004 (95% CI 0.15, 0.79)", 0.004), ("(P 0.21)", 0.21),
                                         ("p .03", 0.03)])
def test_a_lone_p_before_a_decimal_is_a_p_value(text, value):
    found = Parse(text)("p_value")
    assert found and found[0].value == pytest.approx(value)


def test_a_p_value_printed_without_its_sign_is_no_difference():
    rows = _rows("Patients were randomly assigned to rituximab (n = 118) or placebo (n = 117). Fewer zones were involved; "
                 "number of zones involved 1.35 v/s 1.82 p 0.004 (95% CI 0.15, 0.79).")
    assert [r for r in rows if r["measure"] == "MD" and r["value"] == pytest.approx(0.004)] == []


@pytest.mark.parametrize("sentence", [
    "Patients who relapsed had a longer hospital stay (mean 8.2 \u00b1 3.0 vs. 4.9 \u00b1 1.8 days, p < 0.001).",
    "Those that developed an infection stayed longer (mean 8.2 \u00b1 3.0 vs. 4.9 \u00b1 1.8 days).",
])
def test_a_pair_comparing_patients_grouped_by_what_happened_is_no_pair_of_arms(sentence):
    text = ("Patients were randomly assigned to rituximab (n = 85) or placebo (n = 91). Relapse was less frequent with "
            "rituximab than with placebo (12% vs. 20%). Hospital stay was shorter (mean 5.1 \u00b1 2.0 vs. 6.3 \u00b1 2.4 "
            "days, p = 0.01). " + sentence)
    assert {r["value"] for r in _rows(text) if r["measure"] == "MEAN"} == {5.1, 6.3}


def test_amounts_of_change_in_groups_the_lexicon_does_not_know():
    rows = _rows("Patients were randomly assigned to three groups. Pain fell in each group, with pain reductions of 3.87 in "
                 "the lidocaine plus ketorolac group, 4.33 in the ketorolac monotherapy group, and 1.81 in the lidocaine "
                 "monotherapy group (Figure 2B).")
    assert {(r["intervention"], r["value"]) for r in rows if r["measure"] == "MEAN"} == {
        ("lidocaine plus ketorolac", 3.87), ("ketorolac monotherapy", 4.33), ("lidocaine monotherapy", 1.81)}


@pytest.mark.parametrize("sentence, value", [
    ("Death was less frequent with rituximab (5.7% and 8.3%, respectively; 32% relative risk reduction).", 0.32),
    ("Death was less frequent with rituximab (5.7% vs. 8.3%; a 31% relative reduction).", 0.31),
    ("Admissions fell with rituximab (12.0% vs. 16.0%; 25% hazard reduction).", 0.25),
])
def test_a_relative_risk_reduction_named_after_its_value(sentence, value):
    rows = _rows("Patients were randomly assigned to rituximab (n = 4687) or placebo (n = 2333). " + sentence)
    assert _one(rows, measure="RRR", value=value)


def test_the_subject_naming_its_outcome_before_the_arm():
    rows = _rows("Patients were randomly assigned to rituximab (n = 287) or azathioprine (n = 309). The rates of clinical "
                 "cure with rituximab were noninferior to those with azathioprine (88.2% with rituximab and 85.8% with "
                 "azathioprine).")
    got = {(r["intervention"], r["events"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"}
    assert got == {("rituximab", 253, "clinical cure"), ("azathioprine", 265, "clinical cure")}


@pytest.mark.parametrize("sentence, values", [
    ("In the year before entry into the trial, 96% of the patients had experienced an exacerbation.", {0.96}),
    ("In the 12 months prior to randomisation, 41% of the participants had been admitted to hospital.", {0.41}),
    ("Before enrolment, 18% of patients had undergone surgery.", {0.18}),
    ("At study entry, the mean FEV1 was 1.13 L.", {1.13}),
])
def test_what_happened_before_entry_is_a_trait_of_everyone(sentence, values):
    rows = _everyone(_rows(TRIAL + sentence))
    assert {round(r["value"], 3) for r in rows} == values and all(r["role"] == "baseline" for r in rows)


def test_what_happened_after_entry_is_no_trait():
    assert _everyone(_rows(TRIAL + "At 12 weeks, 30% of the patients had experienced an exacerbation.")) == []


@pytest.mark.parametrize("pattern, text, group, expected", [
    # a denominator or an interval's upper limit that ends the sentence is still read: the full stop after it is no
    # decimal point (a decimal point is one followed by a digit)
    ("_COUNT_PERCENT", "Nausea was reported by 12 (10%) of 120.", "of", "120"),
    ("_PERCENT_OF", "Nausea occurred in 25% of 120.", "t", "120"),
    ("_MEDIAN_COMMA_SPREAD", "The median stay was 51.0 days, IQR 28.0-69.0.", "hi", "69.0"),
    ("_MEDIAN_COMMA_SPREAD", "The median stay was 51 days, range 28 to 69.", "hi", "69"),
])
def test_a_number_closing_the_sentence_is_read_whole(pattern, text, group, expected):
    from evidence_review.extract import grammar
    match = getattr(grammar, pattern).search(text)
    assert match is not None and match.group(group) == expected


@pytest.mark.parametrize("pattern, text", [
    ("_PERCENT_OF", "Nausea occurred in 25% of 120.5 units."),
    ("_MEDIAN_COMMA_SPREAD", "The median stay was 51.0 days, IQR 28.0-69.05x."),
])
def test_a_number_is_not_cut_before_its_decimals(pattern, text):
    from evidence_review.extract import grammar
    match = getattr(grammar, pattern).search(text)
    assert match is None or not re.match(r"\.\d", text[match.end():])
