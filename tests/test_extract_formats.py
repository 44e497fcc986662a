"""Each printed form of an estimate, on real-shaped sentences: value, interval, level, p-value."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def one(text: str, measure: str | None = None) -> dict:
    rows = extract_document("doc", text, "doc.txt", "NMOSD")
    if measure:
        rows = [r for r in rows if r["measure"] == measure]
    assert len(rows) == 1, rows
    return rows[0]


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def values(rows: list[dict]) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows]


@pytest.mark.parametrize("text, measure, value, lo, hi", [
    ("Patients on RTX (HR = 18.41, 95% CI: 4.039-83.87; p < 0.05) had fewer relapses than those on TAC.", "HR", 18.41, 4.039, 83.87),
    ("Relapse risk was lower with eculizumab (HR 0\u00b752 (95% CI 0\u00b731\u20130\u00b787)).", "HR", 0.52, 0.31, 0.87),
    ("Inebilizumab lowered the risk of an attack (hazard ratio, 0.14; 95% CI, 0.05 to 0.41).", "HR", 0.14, 0.05, 0.41),
    ("Risk was reduced with RTX compared with AZA (hazard ratio [HR]=4.40, 95% confidence interval [CI]=1.41-13.80, p=0.011).", "HR", 4.40, 1.41, 13.80),
    ("High titres carried a higher risk (HR:5.665; CI95: 1.012\u201331.705; P = 0.048).", "HR", 5.665, 1.012, 31.705),
    ("Response favoured belimumab (odds ratio [OR] 1.36 [95% confidence interval (CI) 0.85\u20132.20]).", "OR", 1.36, 0.85, 2.20),
    ("RTX therapy resulted in a mean (WMD) \u2212 1.56 (95% CI, \u2212 1.82 to \u2212 1.29) reduction in the mean ARR.", "MD", -1.56, -1.82, -1.29),
    ("Complement inhibitors improved QMG (MD -3.52; 95% CI -4.51 to -2.54; P=<0.000001; I\u00b2 98%).", "MD", -3.52, -4.51, -2.54),
    ("The relative risk of relapse was 0.45 (90% CI, 0.30-0.68) with rituximab versus azathioprine.", "RR", 0.45, 0.30, 0.68),
    ("The annualized relapse rate ratio was 0.40 (95% CI, 0.20 to 0.79).", "IRR", 0.40, 0.20, 0.79),
    ("SMD = -0.45 (95% CI: -0.70, -0.20), favouring MMF.", "SMD", -0.45, -0.70, -0.20),
    ("HR for relapse, rituximab vs azathioprine, 0.30 (0.15-0.60).", "HR", 0.30, 0.15, 0.60),
    ("Satralizumab reduced relapse risk versus placebo (HR 0.38, 0.16-0.88; p=0.02).", "HR", 0.38, 0.16, 0.88),
    ("Rituximab reduced the relapse risk (HR = 0.45; 95% CI [0.28; 0.72]).", "HR", 0.45, 0.28, 0.72),
    ("The HR was 0.45 (95%-CI 0.28-0.72) for rituximab versus azathioprine.", "HR", 0.45, 0.28, 0.72),
])
def test_ratio_and_difference_forms(text, measure, value, lo, hi):
    row = one(text, measure)
    assert row["value"] == pytest.approx(value)
    assert row["ci_low"] == pytest.approx(lo)
    assert row["ci_high"] == pytest.approx(hi)


def test_unnamed_values_take_the_measure_named_before_them():
    text = ("A comparison of severe relapse revealed that the hazard ratios of severe relapse for the azathioprine "
            "and MMF relative to the rituximab were 11.66 (95% CI: 2.6\u201352.3; p=0.001) and 5.96 "
            "(95% CI: 1.0\u201335.1; p=0.048), respectively.")
    rows = extract_document("doc", text)
    assert [(r["measure"], r["value"], r["p_value"]) for r in rows] == [("HR", 11.66, 0.001), ("HR", 5.96, 0.048)]


def test_estimate_without_interval_or_p():
    row = one("Relapses occurred more often with 10 mg/day or less than with over 10 mg/day (odds ratio: 8.75).")
    assert (row["measure"], row["value"], row["ci_low"], row["p_value"]) == ("OR", 8.75, None, None)


@pytest.mark.parametrize("text, level", [
    ("The hazard ratio was 0.62 (90% CI 0.41-0.93) for satralizumab versus placebo.", 0.90),
    ("The hazard ratio was 0.62 (95% CI 0.41-0.93) for satralizumab versus placebo.", 0.95),
    ("The hazard ratio was 0.62 (99% CI 0.35-0.99) for satralizumab versus placebo.", 0.99),
])
def test_interval_level(text, level):
    assert one(text)["ci_level"] == pytest.approx(level)


@pytest.mark.parametrize("text, p_value, p_text", [
    ("The HR was 0.41 (95% CI 0.2-0.8; p = 0.03) with eculizumab versus placebo.", 0.03, None),
    ("The HR was 0.41 (95% CI 0.2-0.8; P<0.001) with eculizumab versus placebo.", None, "<0.001"),
    ("The SMD was -1.27 (P =.039) for TCZ.", 0.039, None),
    ("Complement inhibitors improved QMG (MD -3.52; 95% CI -4.51 to -2.54; P=<0.000001).", None, "<0.000001"),
    ("Complement inhibitors improved MGC (MD -3.15; 95% CI -4.08 to -2.22; P<0,000001).", None, "<0,000001"),
    ("The HR was 0.45 (95% CI 0.28-0.72), with a p-value of 0.003, for rituximab versus azathioprine.", 0.003, None),
])
def test_p_values_as_number_and_as_written(text, p_value, p_text):
    row = one(text)
    assert row["p_value"] == (pytest.approx(p_value) if p_value is not None else None)
    assert row["p_text"] == p_text


def test_relative_reduction_in_percent_with_percent_interval():
    text = ("In this group, relapse rate declined by 37% (95%CI=19-52%, p<0.001) overall, 63% (95%CI=35-79%, "
            "p = 0.001) when RTX was used first line.")
    rows = extract_document("doc", text)
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [
        ("RRR", pytest.approx(0.37), pytest.approx(0.19), pytest.approx(0.52)),
        ("RRR", pytest.approx(0.63), pytest.approx(0.35), pytest.approx(0.79)),
    ]
    assert rows[0]["p_text"] == "<0.001" and rows[1]["p_value"] == pytest.approx(0.001)


def test_signed_change_against_a_reference_is_a_reduction_with_its_sign_turned():
    text = ("The rate in patients receiving placebo was 61.6/100 PY (+38.8% vs pre-study; p=0.2860); in patients "
            "receiving ravulizumab the rate was 17.8/100 PY (-71.1% vs placebo [p=0.0011]).")
    rows = extract_document("doc", text)
    rrr = [r for r in rows if r["measure"] == "RRR"]
    assert [r["value"] for r in rrr] == [pytest.approx(-0.388), pytest.approx(0.711)]
    rates = [r for r in rows if r["measure"] == "ARR"]
    assert [r["value"] for r in rates] == [61.6, 17.8]
    assert {r["unit"] for r in rates} == {"per 100 patient-years"}


def test_rate_per_100_patient_years():
    row = one("In the year before study entry, the clinical-deterioration rate was 44.4/100 patient-years (PY).")
    assert (row["measure"], row["value"], row["unit"]) == ("ARR", 44.4, "per 100 patient-years")


def test_risk_difference_in_percentage_points_is_a_fraction():
    row = one("78.6% EFG (n=11/14) vs 23.5% PBO (n=4/17) were responders (between group difference 55.0%, 95% CI, 25.6\u201384.5).", "RD")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (pytest.approx(0.55), pytest.approx(0.256), pytest.approx(0.845))


@pytest.mark.parametrize("text, value, events, total", [
    ("Among the 54 patients, 12 (22.2%) exhibited rituximab treatment failure.", 0.222, 12, 54),
    ("The complete or partial response rate was 83.0% (117/141) in the tacrolimus group.", 0.83, 117, 141),
    ("Relapse rates were 7.4% (4/54) in the MMF+ group.", 0.074, 4, 54),
    ("A total of 330 of 528 patients (62.9%) reached the relapse-free state.", 0.629, 330, 528),
    ("Overall rates of serious AEs in the voclosporin arm (26.7% of 116 patients) were similar.", 0.267, 31, 116),
    ("Seven patients (35%) were relapse-free during treatment.", 0.35, 7, 20),
])
def test_proportion_forms(text, value, events, total):
    row = one(text, "PROPORTION")
    assert row["value"] == pytest.approx(value)
    assert (row["events"], row["total"]) == (events, total)


def test_decimal_broken_across_lines():
    text = "The complete or partial response rate was 83.\n0% (117/141) in the tacrolimus group and 75.\n0% (93/124) in the IVCY group."
    rows = extract_document("doc", text)
    assert [(r["value"], r["events"], r["total"]) for r in rows] == [(0.83, 117, 141), (0.75, 93, 124)]
    assert {r["intervention"] for r in rows} == {"tacrolimus", "cyclophosphamide"}


def test_ratio_broken_across_lines():
    row = one("The hazard ratio for relapse was 0.\n45 (95% CI 0.\n28-0.\n72).")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (0.45, 0.28, 0.72)


def test_annualized_rates_before_and_on_treatment():
    text = "The median ARR decreased from 1.17 to 0.25 on rituximab (P<0.01), 0.92 to 0.56 on azathioprine (P=0.475)."
    rows = extract_document("doc", text)
    assert [(r["value"], r["intervention"], r["timepoint"]) for r in rows] == [
        (1.17, "rituximab", "before treatment"), (0.25, "rituximab", "on treatment"),
        (0.92, "azathioprine", "before treatment"), (0.56, "azathioprine", "on treatment"),
    ]


def test_interquartile_range_is_not_an_interval():
    text = "After add-on IVIG, the median ARR fell from 1.1 [interquartile range, 0.6\u20121.4] to 0.3 [interquartile range, 0\u20120.6] (p < 0.001)."
    rows = extract_document("doc", text)
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [(1.1, None, None), (0.3, None, None)]


def test_unlabelled_range_after_a_median_is_not_an_interval():
    text = ("The annual relapse rate during the CS Periods [median, 0.49 (range, 0\u20141.31)] was lower than "
            "during the No CS Periods [1.48 (0.65\u20145.54)].")
    rows = extract_document("doc", text)
    assert [(r["measure"], r["value"], r["ci_low"]) for r in rows] == [("ARR", 0.49, None), ("ARR", 1.48, None)]


def test_count_percent_of_total():
    rows = extract_document("doc", "Serious adverse events occurred in eight (5%) of 174 participants receiving inebilizumab.")
    assert [(r["value"], r["events"], r["total"], r["intervention"]) for r in rows] == [(0.05, 8, 174, "inebilizumab")]


def test_denominator_is_left_empty_when_the_percentage_fits_several():
    rows = extract_document("doc", "Relapse occurred in 8 patients (20%) during follow-up.")
    assert [(r["value"], r["events"], r["total"]) for r in rows] == [(0.2, 8, None)]


def test_standard_deviation_is_never_a_value():
    text = "The mean annualized relapse rate in the 24 months before enrollment was 1.99\u00b10.94."
    assert [r["value"] for r in extract_document("doc", text)] == [1.99]


def test_bare_interval_in_a_sentence_that_labels_its_intervals():
    text = "The ARR was 0.03 (95% CI 0.01-0.09) with rituximab and 0.20 (0.12-0.33) with azathioprine."
    rows = extract_document("doc", text)
    assert [(r["value"], r["ci_low"], r["ci_high"], r["intervention"]) for r in rows] == [
        (0.03, 0.01, 0.09, "rituximab"), (0.20, 0.12, 0.33, "azathioprine")]
    assert {r["unit"] for r in rows} == {"per patient-year"}


def test_percentage_pair_without_arms_follows_the_last_comparison_when_arm_sizes_are_known():
    text = ("Patients were assigned to efgartigimod (n=84) or placebo (n=83). More patients were MG-ADL responders "
            "with efgartigimod than with placebo (odds ratio 4.95, 95% CI 2.21-11.53). The most common adverse "
            "events were headache (29% vs 28%).")
    rows = [r for r in extract_document("doc", text) if r["measure"] == "PROPORTION"]
    assert [(r["value"], r["intervention"], r["events"], r["total"]) for r in rows] == [
        (0.29, "efgartigimod", 24, 84), (0.28, "placebo", 23, 83)]


@pytest.mark.parametrize("text, value", [
    ("Tacrolimus could reduce the relapse rate by 86.2% and improve the EDSS.", 0.862),
    ("Rituximab led to an ARR reduction of 88% compared with the pre-treatment period.", 0.88),
    ("Relative risk reduction was 91% (95% CI 30% to 99%).", 0.91),
])
def test_relative_reduction_wordings(text, value):
    assert one(text, "RRR")["value"] == pytest.approx(value)


@pytest.mark.parametrize("text, value, events", [
    ("Relapse occurred in 35.2% (n = 19) of rituximab-treated patients.", 0.352, 19),
    ("Relapse-free status was maintained (n = 19, 35.2%).", 0.352, 19),
])
def test_percentage_with_n_equals(text, value, events):
    row = one(text, "PROPORTION")
    assert (row["value"], row["events"], row["total"]) == (value, events, 54)


def test_rate_per_patient_year():
    row = one("The relapse rate was 0.23 relapses per patient-year on rituximab.")
    assert (row["measure"], row["value"], row["unit"], row["intervention"]) == ("ARR", 0.23, "per patient-year", "rituximab")


def test_counts_for_two_arms_with_arm_names_after_them():
    text = "Treatment failure occurred in 10 of 25 (40%) patients on azathioprine versus 2 of 23 (8.7%) on rituximab (P = .01)."
    rows = extract_document("doc", text)
    assert [(r["events"], r["total"], r["intervention"]) for r in rows] == [(10, 25, "azathioprine"), (2, 23, "rituximab")]


def test_relapse_rate_per_patient_year_before_and_after():
    rows = extract_document("doc", "Relapse rates per patient-year fell from 0.9 to 0.1 after tocilizumab initiation.")
    assert [(r["measure"], r["value"], r["timepoint"]) for r in rows] == [("ARR", 0.9, "before treatment"), ("ARR", 0.1, "on treatment")]


# ---------------------------------------------------------------- decimal commas and thousands separators
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


# ---------------------------------------------------------------- intervals unlabelled, credible, or only an IQR
@pytest.mark.parametrize("text, value, lo, hi", [
    ("Compared with no maintenance therapy, relapse risk was lower with rituximab (HR=0.53 (0.34, 0.81)).", 0.53, 0.34, 0.81),
    ("Among AQP4-IgG-seropositive patients, the HR was 0·26 (0·11–0·63; p=0·0014).", 0.26, 0.11, 0.63),
    ("Headache was more frequent with FcRn inhibitors (RR=1.63 [1.09–2.44]).", 1.63, 1.09, 2.44),
])
def test_unlabelled_interval_after_a_ratio(text, value, lo, hi):
    [row] = [r for r in rows_of(text) if r["measure"] in ("HR", "RR")]
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, lo, hi)


def test_credible_interval_of_a_network_estimate():
    text = ("Versus placebo, tocilizumab (HR 0.21, 95% CrI 0.08-0.55) and azathioprine (HR 0.48, 95% credible "
            "interval 0.27-0.86) lowered the hazard of relapse.")
    got = {(r["value"], r["ci_low"], r["ci_high"], r["intervention"]) for r in rows_of(text, "HR")}
    assert got == {(0.21, 0.08, 0.55, "tocilizumab"), (0.48, 0.27, 0.86, "azathioprine")}


def test_iqr_of_a_median_after_an_earlier_ratio_is_not_an_interval():
    text = ("Early PLEX was associated with better recovery than late PLEX (aOR, 3.45; 95% CI, 1.06-11.2; P = .04). "
            "The median (IQR) number of PLEX sessions was 5 (5-7).")
    assert values(rows_of(text)) == [("OR", 3.45, 1.06, 11.2)]
