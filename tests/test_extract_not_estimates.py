"""Numbers that are not estimates: demographics, ages, doses, titres, ranges, model predictions, citations,
sample-size assumptions, C statistics, numbers inside names, within-arm changes, Kaplan-Meier percentages,
restatements, and duplicates of the same estimate within one document."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def values(rows: list[dict]) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows]


@pytest.mark.parametrize("text", [
    "Mean age was 42.3 years (range 18-70), and 85% were women; median EDSS was 3.5.",
    "Patients received 1000 mg rituximab on days 1 and 15; the median follow-up was 24.5 months (IQR 12.1-36.0).",
    "Fifty (63.3%) were adults at index date, and 47 (59.5%) were women.",
    "Data on 121 patients were analysed, including 30 (24.8%) children.",
    "The remainder (101/121, 83.5%) were treated after two or more attacks.",
    "Antibodies against aquaporin-4 were recorded in 435 of 577 (75.39%) patients with NMO.",
    "The proportions of patients with concomitant steroid therapy at baseline were 96.4%, 95.4%, and 76.4% in the AZA, MMF, and RTX groups.",
    "Predicted 1-year and 2-year relapse-free survival was 79% and 55% for first-line RTX therapy.",
    "The predicted probability of remaining relapse-free at 1 year was 0.87 (95% CI 0.80-0.93).",
    "Time from admission to PLEX initiation had a median of seven days (95% CI: 5.2\u20138.8).",
    "76 relapsed (median time to first relapse 13.7 months; 95% CI 8.2 to 37.9).",
    "Patients with high titers of AQP4-IgG (\u22651:64) were more frequent; titres fell from 1:1000 to 1:100.",
    "Multiple Sclerosis 2007; 13: 968\u2014974. http://msj.sagepub.com",
    "The EDSS score improved from 4.5 to 2.3 (P < 0.001).",
    "Twenty-five percent of patients noted adverse events on rituximab, 36% on azathioprine.",
    "Relapses occurred in 31% of pediatric antibody-positive cases.",
    "69.8% of all patients with renal flares completed study treatment.",
    "A total of 5 RCTs and 532 patients were included, of whom 276 (52%) were treated with C5 inhibitors.",
    "When compared directly to azathioprine, rituximab significantly reduced relapse rates (P=0.021).",
    "We compiled 26 studies, in which 18 used ARR ratio, 22 used EDSS score, and 14 used both variables.",
    # patient flow, screening, adherence and Kaplan-Meier rates
    "The main reasons for not being enrolled were lack of consent (n = 608; 37%) and pregnancy (n = 113; 7%).",
    "In the rituximab group, 13 patients (1.6%) did not take rituximab and 11 patients (1.4%) had no evaluation of relapse.",
    "Also, 143 patients (18.0%) in the rituximab group took less than 1/4 of the prescribed drug.",
    "The RFS rate at 3 years was higher in the rituximab group (38.6%, n = 88) than in the placebo group (32.3%, n = 89).",
    "Indeed, statin use was associated with 19 to 46% reduction of stroke risk in earlier trials.",
    "Patients were assigned to rituximab (n = 268) or placebo (n = 268). There was an 87% rate of relapse after "
    "azathioprine compared to 30.6% in the rituximab arm [5].",
    "Patients were assigned to rituximab (n = 268) or placebo (n = 268). Approximately 9% of cases had relapses in "
    "the placebo arm, compared to 3% in the rituximab arm.",
    "Incidence of recurrent stroke (approximately 2.6%/year in both groups) was roughly half of our assumption.",
    "At day 56, there were more recurrences in the rituximab arm (8.9%, 95% CI 6.0-13.1%) than the placebo arm "
    "(2.8%, 95% CI 1.4-5.8%), a difference of unclear meaning.",
    "Oregon Health & Science University, Portland, OR 97239, USA.",
    "Rituximab reduced relapses: 2-year relapse-free survival was 79% (95% CI 65-88) with rituximab.",
    "Of 100 patients with relapse, 40 (40%) received rituximab and 30 (30%) azathioprine.",
    "35 (58%) had a relapsing course and 25 (42%) a monophasic course; relapses were frequent.",
    "Women represented 85% (n = 46) of the cohort.",
    "Vital signs at admission: HR 72 bpm, BP 120/80 mmHg.",
    "Neurology. 2021 Feb 9;96(6):e853-e865. doi: 10.1212/WNL.0000000000011108. PMID: 37463054.",
])
def test_not_an_estimate(text):
    assert extract_document("doc", text) == []


def test_percent_reduction_restating_a_hazard_ratio_is_not_a_second_estimate():
    text = "Rituximab use was associated with a 71% lower hazard for time to first relapse (hazard ratio [HR] 0.29, 95% CI 0.09\u20130.85)."
    rows = extract_document("doc", text)
    assert [(r["measure"], r["value"]) for r in rows] == [("HR", 0.29)]


def test_same_estimate_printed_twice_is_kept_once():
    abstract = "Patients on RTX (HR = 18.41, 95% CI: 4.039-83.87; p < 0.05) had a lower risk of relapse than those on TAC."
    text = '{"abstract":"<p>' + abstract.replace("p <", "<i>p</i> <") + '</p>"}\n' + abstract
    rows = extract_document("doc", text)
    assert len(rows) == 1


def test_equal_numbers_in_different_places_are_different_estimates():
    text = ("A greater proportion achieved a response with belimumab versus placebo in relapsed patients "
            "[27/75 (36.0%) versus 17/75 (22.7%)]. For complete response in relapsed patients: "
            "17/75 (22.7%) versus 8/75 (10.7%).")
    rows = extract_document("doc", text)
    assert sorted((r["events"], r["total"]) for r in rows) == [(8, 75), (17, 75), (17, 75), (27, 75)]


def test_text_without_digits_yields_nothing():
    text = ("Immunosuppressive medications that may be prescribed include azathioprine (Imuran, Azasan), "
            "mycophenolate (Cellcept) or rituximab (Rituxan).")
    assert extract_document("doc", text) == []


def test_scores_after_a_relapse_rate_in_the_same_sentence_are_not_rates():
    text = "The ARR decreased from 1.2 to 0.3 with rituximab, and the EDSS from 4.5 to 3.0 (P<0.01)."
    assert [(r["measure"], r["value"]) for r in extract_document("doc", text)] == [("ARR", 1.2), ("ARR", 0.3)]


def test_pathological_text_stays_fast():
    import time
    start = time.process_time()
    extract_document("doc", "HR 0.5 (95% CI 0.3-0.8) for RTX vs AZA; " * 800 + "1.2 " * 4000)
    assert time.process_time() - start < 10


def test_effect_without_interval_repeated_in_title_and_abstract_is_kept_once():
    text = ("Low-dose corticosteroids reduce relapses (odds ratio: 8.75).\nAbstract\nRelapses occurred more often "
            "with 10 mg/day or less than with over 10 mg/day (odds ratio: 8.75). The median ARR decreased from 1.30 "
            "to 0.92 on cyclophosphamide, and 0.92 to 0.56 on azathioprine.")
    rows = extract_document("doc", text)
    assert [(r["measure"], r["value"]) for r in rows] == [("OR", 8.75), ("ARR", 1.3), ("ARR", 0.92), ("ARR", 0.92), ("ARR", 0.56)]


def test_rr_defined_as_relapse_rate_is_not_a_risk_ratio():
    text = ("Secondary outcomes were the relapse rate (RR). The RR was 0.35 with rituximab. "
            "The risk ratio was 0.5 (95% CI 0.3-0.8).")
    assert [(r["measure"], r["value"]) for r in extract_document("doc", text)] == [("RR", 0.5)]


# ---------------------------------------------------------------- assumptions, model statistics, numbers in names
def test_sample_size_assumptions_are_not_results():
    text = ("Assuming an annualized relapse rate of 0.45 on mycophenolate mofetil and a hazard ratio of 0.50, "
            "180 patients give 80% power at a two-sided alpha of 0.05, allowing for 15% dropout.")
    assert rows_of(text) == []


def test_c_statistic_with_interval_is_not_an_effect():
    text = ("ICU admission (OR 2.9, 95% CI 1.4-6.0) predicted poor outcome. The model discriminated well "
            "(C statistic 0.81, 95% CI 0.75-0.87; AUC 0.80, 95% CI 0.74-0.86).")
    assert [r["value"] for r in rows_of(text)] == [2.9]


def test_phase_numbers_are_not_counts():
    text = "In this randomised placebo-controlled phase 2/3 study, relapse was the primary outcome."
    assert rows_of(text) == []


def test_number_joined_to_a_name_by_a_hyphen_is_no_count():
    text = ("In this open-label extension, 160 adults with generalized MG received zilucoplan. The most common "
            "adverse events were COVID-19 (30.0%) and headache (12.5%).")
    got = sorted((r["events"], r["total"], r["value"]) for r in rows_of(text, "PROPORTION"))
    assert got == [(20, 160, pytest.approx(0.125)), (48, 160, pytest.approx(0.30))]


# ---------------------------------------------------------------- within-arm changes, Kaplan-Meier, key-point repeats
def test_within_arm_mean_changes_are_not_differences():
    text = ("Patients in the zilucoplan group had a greater reduction from baseline to week 12 in MG-ADL score "
            "(least-squares mean change −4·39 [95% CI −5·28 to −3·50]) than did patients in the placebo group "
            "(−2·30 [–3·17 to –1·43]; least-squares mean difference −2·09 [–3·24 to –0·95]; p<0·001).")
    assert values(rows_of(text)) == [("MD", -2.09, -3.24, -0.95)]


def test_kaplan_meier_percentages_of_arms_are_not_proportions():
    text = ("We assigned 400 patients to ocrelizumab and 398 to teriflunomide. Disability worsening at 12 weeks "
            "occurred in 9.8% and 14.1% (Kaplan-Meier estimates; hazard ratio, 0.67; 95% CI, 0.48 to 0.93).")
    assert rows_of(text, "PROPORTION") == []
    assert [r["value"] for r in rows_of(text, "HR")] == [0.67]


def test_bare_key_point_repeat_of_a_rate_printed_later_with_its_interval():
    text = ("Findings: the annualized relapse rate was 0.18 with ofatumumab.\n\n"
            "Results: The ARR was 0.18 (99% CI, 0.14-0.23) with ofatumumab and 0.31 (99% CI, 0.26-0.37) with "
            "teriflunomide (rate ratio, 0.58; 99% CI, 0.43-0.78; P < .001).")
    arr = [(r["value"], r["ci_low"], r["ci_level"]) for r in rows_of(text, "ARR")]
    assert arr == [(0.18, 0.14, 0.99), (0.31, 0.26, 0.99)]


# ---------------------------------------------------------------- vital signs, definitions and agreement of methods
_TWO = "Patients were randomized to rituximab (n = 30) or placebo (n = 31). "


def _effects(text: str) -> list[tuple]:
    return [(r["measure"], r["value"]) for r in extract_document("doc", _TWO + text, "doc.txt", "")
            if r["measure"] not in ("MEAN", "MEDIAN", "PROPORTION")]


def test_heart_and_respiratory_rate_abbreviations_are_no_ratios():
    assert _effects("The average variability of HR was 21.75 in the placebo group.") == []
    assert _effects("The largest rise in HR was 18.5 after induction.") == []
    assert _effects("HR fell to 64.5 beats/min after the bolus.") == []
    assert _effects("The mean change in RR was 3.5 breaths per minute.") == []
    # a hazard ratio or a risk ratio keeps its reading
    assert _effects("The HR for death was 0.71 (95% CI 0.55-0.92).") == [("HR", 0.71)]
    assert _effects("The RR of infection was 1.42 (95% CI 1.05-1.92).") == [("RR", 1.42)]


def test_a_definition_threshold_is_no_relative_reduction():
    assert _effects("Hypopnea was defined as a 30% decrease in airflow lasting 10 seconds.") == []
    assert _effects("A response was considered as a 40% reduction in pain.") == []
    assert [m for m, _ in _effects("Rituximab produced a 35% reduction in the risk of relapse.")] == ["RRR"]


def test_a_difference_between_measuring_methods_is_no_effect():
    assert _effects("The largest difference between the two monitors was 8%.") == []
    assert _effects("On Bland-Altman analysis the mean difference was 1.2 mmHg (limits of agreement -4.1 to 6.5).") == []
    assert _effects("The mean difference between rituximab and placebo was 4.2 points (95% CI 1.1 to 7.3).") == [("MD", 4.2)]


def test_times_of_day_on_the_24_hour_clock_are_no_values():
    assert _effects("The outcome was the difference in mean pressure (average of 0900, 1200, and 1600 hours readings).") == []
    assert _effects("The difference in pressure at 0800 was measured before the dose.") == []
    # a four-digit amount is still a value
    assert _effects("The mean difference was 1450 ml (95% CI 1210 to 1690).") == [("MD", 1450.0)]
