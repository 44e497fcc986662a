"""General rules found on the held-out set, each on a real-shaped sentence (tests/fixtures/extract_heldout)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def values(rows: list[dict]) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows]


# ---------------------------------------------------------------- decimal commas
def test_decimal_commas_in_values_and_intervals():
    text = ("Results: The mean age was 36,2 years. The risk of a first relapse was lower with ocrelizumab than with "
            "interferon beta (HR 0,52; IC 95% 0,31-0,87; p = 0,012). The annualized relapse rate was 0,09 with "
            "ocrelizumab and 0,24 with interferon beta (rate ratio 0,38; 95% CI 0,22-0,64; p < 0,001).")
    got = values(rows_of(text))
    assert ("HR", 0.52, 0.31, 0.87) in got
    assert ("IRR", 0.38, 0.22, 0.64) in got
    assert ("ARR", 0.09, None, None) in got and ("ARR", 0.24, None, None) in got
    hr = rows_of(text, "HR")[0]
    assert hr["p_value"] == pytest.approx(0.012)


def test_thousands_separator_is_not_a_decimal_comma():
    text = ("In this cohort study of 1,086 patients, relapse occurred in 87 of 412 patients (21.1%) receiving "
            "rituximab vs 198 of 674 (29.4%) receiving other therapies (RR, 0.72; 95% CI, 0.58 to 0.90; P = .004).")
    got = rows_of(text)
    assert ("RR", 0.72, 0.58, 0.90) in values(got)
    assert sorted((r["events"], r["total"]) for r in got if r["measure"] == "PROPORTION") == [(87, 412), (198, 674)]


def test_percentage_points_with_decimal_commas():
    text = ("Compared with low-dose, high-dose SCIG had a difference of 5,3 percentage points (95% CI −12,4 to 22,7). "
            "Relapse occurred in 22 (39%) of 57 on low-dose SCIG and 19 (33%) of 57 on high-dose SCIG.")
    rd = rows_of(text, "RD")
    assert values(rd) == [("RD", pytest.approx(0.053), pytest.approx(-0.124), pytest.approx(0.227))]


# ---------------------------------------------------------------- unlabelled intervals
@pytest.mark.parametrize("text, value, lo, hi", [
    ("Compared with no maintenance therapy, relapse risk was lower with rituximab (HR=0.53 (0.34, 0.81)).", 0.53, 0.34, 0.81),
    ("Among AQP4-IgG-seropositive patients, the HR was 0·26 (0·11–0·63; p=0·0014).", 0.26, 0.11, 0.63),
    ("Headache was more frequent with FcRn inhibitors (RR=1.63 [1.09–2.44]).", 1.63, 1.09, 2.44),
])
def test_unlabelled_interval_after_a_ratio(text, value, lo, hi):
    [row] = [r for r in rows_of(text) if r["measure"] in ("HR", "RR")]
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, lo, hi)


# ---------------------------------------------------------------- measures
def test_absolute_risk_reduction_is_a_risk_difference_not_a_rate():
    text = ("Relapse or withdrawal occurred in 36 (63%) of 57 patients on placebo and 22 (39%) of 57 on SCIG. "
            "The absolute risk reduction versus placebo was 25% (95% CI 5–42; p=0·007) with SCIG.")
    [rd] = rows_of(text, "RD")
    assert (rd["value"], rd["ci_low"], rd["ci_high"], rd["p_value"]) == (0.25, 0.05, 0.42, 0.007)
    assert not rows_of(text, "RRR") and not rows_of(text, "ARR")
    assert (rd["intervention"], rd["comparator"]) == ("subcutaneous immunoglobulin", "placebo")


def test_threshold_percentage_is_not_a_reduction():
    text = ("6 of 8 patients (75%) receiving IVIG and 2 of 9 (22%) receiving placebo were responders (≥50% reduction "
            "in seizure frequency) (odds ratio 10.5, 95% CI 1.1–98.9; p = 0.044).")
    assert not rows_of(text, "RRR")
    [odds] = rows_of(text, "OR")
    assert (odds["intervention"], odds["comparator"]) == ("intravenous immunoglobulin", "placebo")


def test_reduction_restating_a_ratio_elsewhere_in_the_document_is_dropped():
    text = ("Findings  In this cohort study, rituximab use was associated with a 28% lower relapse risk.\n\n"
            "Results  Relapse was less frequent with rituximab than with other therapies (RR, 0.72; 95% CI, 0.58 to 0.90).")
    assert values(rows_of(text)) == [("RR", 0.72, 0.58, 0.90)]


# ---------------------------------------------------------------- not estimates
def test_sample_size_assumptions_are_not_results():
    text = ("Assuming an annualized relapse rate of 0.45 on mycophenolate mofetil and a hazard ratio of 0.50, "
            "180 patients give 80% power at a two-sided alpha of 0.05, allowing for 15% dropout.")
    assert rows_of(text) == []


def test_within_arm_mean_changes_are_not_differences():
    text = ("Patients in the zilucoplan group had a greater reduction from baseline to week 12 in MG-ADL score "
            "(least-squares mean change −4·39 [95% CI −5·28 to −3·50]) than did patients in the placebo group "
            "(−2·30 [–3·17 to –1·43]; least-squares mean difference −2·09 [–3·24 to –0·95]; p<0·001).")
    assert values(rows_of(text)) == [("MD", -2.09, -3.24, -0.95)]


def test_prespecified_is_not_a_comparison_with_baseline():
    text = ("The primary analysis showed no significant difference between eculizumab and placebo (rank-based "
            "treatment difference −11·7, 95% CI −24·3 to 0·96; p=0·0698). In a prespecified sensitivity analysis, "
            "the change in MG-ADL score favoured eculizumab (mean difference −1·9, 95% CI −3·3 to −0·6; p=0·0058).")
    md = [r for r in rows_of(text, "MD") if r["value"] == -1.9]
    assert [(r["intervention"], r["comparator"]) for r in md] == [("eculizumab", "placebo")]


def test_phase_numbers_are_not_counts():
    text = "In this randomised placebo-controlled phase 2/3 study, relapse was the primary outcome."
    assert rows_of(text) == []


# ---------------------------------------------------------------- tables
TABLE = """Table 2. Outcomes by treatment group
Outcome | Rituximab (n = 40) | Azathioprine (n = 38) | Effect estimate (95% CI)
Relapse, n (%) | 8 (20.0) | 17 (44.7) | HR 0.38 (0.17–0.86)
ARR on treatment, mean (SD) | 0.14 (0.31) | 0.42 (0.55) | MD −0.28 (−0.49 to −0.07)
Female, n (%) | 35 (87.5) | 33 (86.8)
"""


def test_table_rows_without_percent_signs_and_spreads():
    rows = rows_of(TABLE)
    props = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert props == [(8, 40), (17, 38)]          # the 'Female' row is a baseline characteristic
    assert sorted(r["value"] for r in rows if r["measure"] == "ARR") == [0.14, 0.42]   # not the SDs


def test_table_effects_take_the_header_arms():
    rows = [r for r in rows_of(TABLE) if r["measure"] in ("HR", "MD")]
    assert [(r["measure"], r["intervention"], r["comparator"]) for r in rows] == [
        ("HR", "rituximab", "azathioprine"), ("MD", "rituximab", "azathioprine")]


# ---------------------------------------------------------------- proportions
def test_none_of_n_patients():
    text = ("None of the 58 patients treated with Ultomiris had an adjudicated relapse over a median of 73.5 weeks, "
            "compared with 20 of 47 patients in the placebo arm.")
    assert sorted((r["events"], r["total"]) for r in rows_of(text, "PROPORTION")) == [(0, 58), (20, 47)]


def test_no_patients_in_an_arm_of_known_size():
    text = ("38 patients were randomly assigned to the rituximab group (n=19) or the placebo group (n=19). No patients "
            "in the rituximab group had a relapse, compared with seven (37%) patients in the placebo group.")
    got = {(r["intervention"], r["events"], r["total"]) for r in rows_of(text, "PROPORTION")}
    assert ("rituximab", 0, 19) in got


@pytest.mark.parametrize("text, expected", [
    ("Treatment-emergent adverse events occurred in 65 (77%) of 84 efgartigimod-treated patients and 70 (84%) "
     "of 83 placebo-treated patients.", [(65, 84), (70, 83)]),
    ("During follow-up, 29 (45.3%) AZA-treated patients relapsed versus 11 of 72 (15.3%) RTX-treated patients.",
     [(11, 72), (29, 64)]),       # 45.3% of 64 is the only total that rounds to the printed percentage
    ("Adverse events occurred in 33 (58%) patients on low-dose SCIG, 29 (51%) on high-dose SCIG and 27 (47%) on placebo.",
     [(27, None), (29, 57), (33, 57)]),
])
def test_counts_naming_their_treated_group(text, expected):
    got = sorted(((r["events"], r["total"]) for r in rows_of(text, "PROPORTION")), key=lambda x: (x[0], x[1] or 0))
    assert got == expected


def test_percentages_of_an_arm_of_known_size():
    text = ("Overall, 175 patients were randomized to ravulizumab (n = 86) or placebo (n = 89). Adverse events were "
            "reported in 88.4% of patients receiving ravulizumab and 86.5% receiving placebo.")
    got = sorted((r["intervention"], r["events"], r["total"]) for r in rows_of(text, "PROPORTION"))
    assert got == [("placebo", 77, 89), ("ravulizumab", 76, 86)]


def test_percentage_pair_in_a_sentence_comparing_two_arms():
    text = ("A total of 448 patients underwent randomization (224 to belimumab and 224 to placebo). At week 104, "
            "significantly more patients in the belimumab group than in the placebo group had a complete renal "
            "response (30% vs. 20%; odds ratio, 1.7; 95% CI, 1.1 to 2.7; P=0.02).")
    got = sorted((r["intervention"], r["value"], r["total"]) for r in rows_of(text, "PROPORTION"))
    assert got == [("belimumab", 0.30, 224), ("placebo", 0.20, 224)]


def test_percentages_respectively_take_the_last_comparison():
    text = ("125 patients were randomised to obinutuzumab (n=63) or placebo (n=62). Complete renal response was "
            "achieved by 40% of patients with obinutuzumab versus 18% with placebo (difference 22%, 95% CI 6 to 38). "
            "Serious adverse events occurred in 25% and 30% of patients, respectively.")
    sae = sorted((r["intervention"], r["value"]) for r in rows_of(text, "PROPORTION") if r["outcome"] == "serious adverse events")
    assert sae == [("obinutuzumab", 0.25), ("placebo", 0.30)]


# ---------------------------------------------------------------- arms
def test_placebo_controlled_document_gives_an_unnamed_ratio_its_arms():
    text = ("None of the 58 patients treated with Ultomiris had an adjudicated relapse, compared with 20 of 47 "
            "patients in the placebo arm of the earlier PREVENT trial of Soliris.\n\nThat translates into a 98.6% "
            "reduction in relapse risk (hazard ratio 0.014; 95% CI 0.000–0.103; p<0.0001), the company said.")
    [hr] = rows_of(text, "HR")
    assert (hr["intervention"], hr["comparator"]) == ("ravulizumab", "placebo")
    assert not rows_of(text, "RRR")      # 98.6% restates the hazard ratio


def test_fcrn_inhibitors_are_a_drug_class():
    text = "FcRn inhibitors improved MG-ADL response compared with placebo (pooled OR 3.56; 95% CI: 2.17–5.85)."
    [odds] = rows_of(text, "OR")
    assert (odds["intervention"], odds["comparator"]) == ("fcrn inhibitors", "placebo")


# ---------------------------------------------------------------- probes written after the held-out batches
def test_mean_difference_in_points_keeps_its_interval():
    text = ("The MG-ADL score improved more with efgartigimod than placebo (mean difference −2.1 points "
            "(95% CI −3.0 to −1.2); P<0.001).")
    [md] = rows_of(text, "MD")
    assert (md["value"], md["ci_low"], md["ci_high"], md["p_text"]) == (-2.1, -3.0, -1.2, "<0.001")


def test_reduction_of_the_rate_by_a_value_is_a_difference():
    text = "Rituximab reduced ARR by 0.52 (95% CI 0.31 to 0.73) compared with azathioprine."
    assert values(rows_of(text)) == [("MD", 0.52, 0.31, 0.73)]


@pytest.mark.parametrize("text", [
    "The ARR was 0.12 vs 0.45 in the rituximab and azathioprine groups, respectively.",
    "Relapse occurred in 8 (13.8%) vs 21 (36.2%) patients in the rituximab (n=58) and azathioprine (n=58) groups.",
    "Relapse occurred in 8 of 58 (13.8%) vs 21 of 58 (36.2%) patients on rituximab and azathioprine.",
])
def test_value_pair_takes_the_two_arms_named_after_it_in_order(text):
    assert [r["intervention"] for r in rows_of(text)] == ["rituximab", "azathioprine"]


# ---------------------------------------------------------------- third batch
def test_iqr_of_a_median_after_an_earlier_ratio_is_not_an_interval():
    text = ("Early PLEX was associated with better recovery than late PLEX (aOR, 3.45; 95% CI, 1.06-11.2; P = .04). "
            "The median (IQR) number of PLEX sessions was 5 (5-7).")
    assert values(rows_of(text)) == [("OR", 3.45, 1.06, 11.2)]


def test_rate_from_to_per_100_patient_years_and_its_reduction():
    text = ("In the open-label extension, the rate of myasthenia gravis exacerbations fell by 75% with eculizumab "
            "compared with the year before the study (from 102.3 to 25.6 per 100 patient-years; p<0.0001).")
    got = values(rows_of(text))
    assert ("ARR", 102.3, None, None) in got and ("ARR", 25.6, None, None) in got
    assert ("RRR", 0.75, None, None) in got


def test_level_falling_within_an_arm_is_not_a_relative_reduction():
    text = "The primary endpoint was not met: UPCR fell by 69% with the combined anifrolumab arms and 70% with placebo."
    assert rows_of(text) == []


def test_of_the_n_patients_then_a_percentage():
    text = ("Of the 117 patients who entered the extension, 56% achieved minimal manifestation status or "
            "pharmacological remission at some point.")
    [row] = rows_of(text, "PROPORTION")
    assert (row["value"], row["events"], row["total"]) == (0.56, 66, 117)


def test_ratio_in_a_two_arm_document_is_against_the_other_arm():
    text = ("60 adults received either monthly IVIG (n=30) or oral prednisolone (n=30) after a first attack. "
            "The odds of remaining relapse-free were six times higher with IVIG (OR 6.0, 95% CI 1.5–24.3).")
    [odds] = rows_of(text, "OR")
    assert (odds["intervention"], odds["comparator"]) == ("intravenous immunoglobulin", "prednisolone")


def test_percentage_with_its_arm_in_brackets():
    text = ("Patients were randomised to anifrolumab (n=50) or placebo (n=45). Complete renal response at week 52 "
            "was achieved by 31.1% (placebo) of patients.")
    [row] = rows_of(text, "PROPORTION")
    assert (row["intervention"], row["events"], row["total"]) == ("placebo", 14, 45)
