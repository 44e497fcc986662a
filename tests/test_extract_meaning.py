"""What each number means (issue 14): role, subgroup, adjustment, timepoint binding, direction, specific adverse
events and the review queue, on sentences written as in the seed and development corpora."""
from __future__ import annotations

import pandas as pd
import pytest

from evidence_review.extract import extract_estimates
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.meaning import adjustment, assign_meaning, trial_arms
from evidence_review.tables import ROLES


def extract(text: str, design: str = "cohort", condition: str = "NMOSD") -> pd.DataFrame:
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": condition, "design": design}])
    return extract_estimates(documents, {"d1": text})


def one(table: pd.DataFrame, measure: str, value: float) -> pd.Series:
    rows = table[(table["measure"] == measure) & ((table["value"] - value).abs() < 1e-6)]
    assert len(rows) == 1, table[["measure", "value", "intervention", "comparator", "role"]].to_string()
    return rows.iloc[0]


def test_every_role_is_in_the_vocabulary():
    table = extract("Relapses occurred in 3 of 20 patients (15%) on rituximab. Risk of relapse was reduced with "
                    "RTX compared with AZA (HR 0.45, 95% CI 0.22-0.92).")
    assert set(table["role"]) <= set(ROLES) and (table["role"] != "").all()
    assert set(table["adjusted"]) <= {"yes", "no", "unknown"}


# ---------------------------------------------------------------- dose

def test_two_doses_of_one_drug_are_a_dose_comparison_not_a_drug_effect():
    text = ("As a result, the annual relapse rate during the CS Periods [median, 0.49 (range, 0—1.31)] was found to "
            "be significantly lower than that during the No CS Periods [1.48 (0.65—5.54)]. As for the dose of CS, "
            "relapses occurred significantly more frequently with `10 mg/day or less' than with `over 10 mg/day' "
            "(odds ratio: 8.75).")
    row = one(extract(text), "OR", 8.75)
    assert row["role"] == "dose"


# ---------------------------------------------------------------- prognostic factors

def test_high_versus_low_titre_is_prognostic_even_after_a_drug_is_named():
    text = ("Further Cox proportional analysis demonstrated that patients with high titers of AQP4-IgG (≥1:64) had "
            "a significantly higher risk of relapse than those with low titers after tacrolimus therapy "
            "(HR:5.665; CI95: 1.012–31.705; P = 0.048).")
    assert one(extract(text), "HR", 5.665)["role"] == "prognostic"


def test_antibody_positivity_in_a_multivariable_model_is_prognostic_and_adjusted():
    text = ("After adjusting for confounding variables and using multivariate analysis by Cox Regression, positive "
            "AQ4-IgG (HR 0.04, 95% CI: 0.02–0.66) and IVMP + PLEX (HR 5.1, 95% CI: 3.9–66.4), were kept as "
            "independent factors associated to time to complete improvement.")
    table = extract(text)
    positivity = one(table, "HR", 0.04)
    assert positivity["role"] == "prognostic" and positivity["adjusted"] == "yes"
    treatment = one(table, "HR", 5.1)
    assert treatment["role"] == "effect" and treatment["adjusted"] == "yes"


def test_lesions_raising_the_risk_are_prognostic():
    text = ("The presence of asymptomatic lesions during follow-up was significantly associated with treatment "
            "failure (p = 0.02). These lesions also increased the risk of clinical relapses (HR = 25.9, 95% CI = "
            "3.09-218, p < 0.01).")
    assert one(extract(text), "HR", 25.9)["role"] == "prognostic"


def test_a_drug_comparison_stays_an_effect():
    text = ("Risk of relapse was significantly reduced in patients treated with RTX compared with those treated "
            "with AZA (hazard ratio [HR]=4.40, 95% confidence interval [CI]=1.41-13.80, p=0.011).")
    row = one(extract(text), "HR", 4.40)
    assert row["role"] == "effect" and row["needs_review"] == ""


# ---------------------------------------------------------------- subgroups

BLISS = ("Post hoc analyses of the phase 3, randomized, double-blind BLISS-LN study were performed to assess "
         "belimumab efficacy in newly diagnosed and relapsed LN subgroups. A greater proportion of patients achieved "
         "a PERR with belimumab versus placebo in the newly diagnosed {69/148 [46.6%] versus 55/148 [37.2%]; odds "
         "ratio [OR] 1.36 [95% confidence interval (CI) 0.85–2.20]} and relapsed [27/75 (36.0%) versus 17/75 "
         "(22.7%); OR 2.31 (95% CI 1.07–5.01)] subgroups. Similarly for CRR [newly diagnosed: 50/148 (33.8%) versus "
         "36/148 (24.3%); OR 1.49 (95% CI 0.88–2.51) and relapsed: 17/75 (22.7%) versus 8/75 (10.7%); OR 3.11 "
         "(95% CI 1.16–8.31)].")


def test_each_subgroup_odds_ratio_carries_its_own_label_and_size():
    table = extract(BLISS, design="RCT", condition="lupus nephritis")
    for value, label, n in ((1.36, "newly diagnosed", 148), (2.31, "relapsed", 75), (1.49, "newly diagnosed", 148),
                            (3.11, "relapsed", 75)):
        row = one(table, "OR", value)
        assert (row["role"], row["subgroup"]) == ("subgroup", label), value
        assert (row["n_intervention"], row["n_comparator"]) == (n, n), value
    arm = one(table, "PROPORTION", 0.36)
    assert (arm["role"], arm["subgroup"]) == ("subgroup", "relapsed")


ADAPT = ("Objectives: Assess efficacy of efgartigimod in subgroups of AChR-Ab+ patients (n=129) with gMG. Results: In "
         "patients <3 years from diagnosis, 78.6% EFG (n=11/14) vs 23.5% PBO (n=4/17) patients were MG-ADL responders "
         "(between group difference 55.0%, 95% CI, 25.6–84.5). In non-thymectomized patients, 85.0% EFG (n=17/20) "
         "achieved responder status vs 32.4% PBO (n=11/34; between group difference 52.6%, 95% CI, 30.5–74.8).")


def test_a_subgroup_difference_is_not_the_trial_result():
    table = extract(ADAPT, design="RCT", condition="myasthenia gravis")
    non_thymectomised = one(table, "RD", 0.526)
    assert non_thymectomised["role"] == "subgroup" and non_thymectomised["subgroup"] == "non-thymectomized"
    recent = one(table, "RD", 0.55)
    assert recent["role"] == "subgroup" and "3 years from diagnosis" in recent["subgroup"]
    # "<3 years from diagnosis" names the subgroup: it is not a follow-up time
    assert recent["timepoint"] in ("", None) or pd.isna(recent["timepoint"])


def test_no_subgroup_label_in_a_document_without_subgroup_analyses():
    text = ("In patients with AQP4-IgG-positive NMOSD, 3 of 96 in the eculizumab group and 20 of 47 in the placebo "
            "group had an adjudicated relapse (hazard ratio, 0.06; 95% CI, 0.02 to 0.20; P<0.001).")
    row = one(extract(text, design="RCT"), "HR", 0.06)
    assert row["role"] == "effect" and row["subgroup"] == ""


# ---------------------------------------------------------------- timepoints

def test_each_year_stays_with_its_own_hazard_ratio():
    text = ("The difference in the risk of the first relapse between the MMF and RTX groups was not statistically "
            "significant (HR = 0.7217, p = 0.7156 in the first year; HR = 0.9351, p = 0.9003 in the second year) "
            "although the difference was not statistically significant.")
    table = extract(text)
    assert one(table, "HR", 0.7217)["timepoint"] == "first year"
    assert one(table, "HR", 0.9351)["timepoint"] == "second year"


# ---------------------------------------------------------------- adjustment

def test_adjusted_and_unadjusted_hazard_ratios_of_one_cohort_are_told_apart():
    text = ("The HR for relapse among patients in the MMF+ group was 0.14 (95% CI, 0.05-0.45) and was 0.08 "
            "(95% CI, 0.02-0.28) in a model adjusted for age, sex, disease course, and MOG-IgG titer.")
    table = extract(text, condition="MOGAD")
    assert one(table, "HR", 0.14)["adjusted"] == "unknown"
    assert one(table, "HR", 0.08)["adjusted"] == "yes"
    # the covariates of the adjustment are not prognostic factors of the estimate
    assert one(table, "HR", 0.08)["role"] == "effect"


@pytest.mark.parametrize("words, expected", [
    ("in the multivariable Cox model", "yes"), ("after adjustment for age and sex", "yes"),
    ("multivariate analysis", "yes"), ("unadjusted", "no"), ("crude rate ratio", "no"),
    ("univariate analysis", "no"), ("during follow-up", "unknown"),
])
def test_adjustment_words(words, expected):
    assert adjustment(words) == expected


# ---------------------------------------------------------------- before-after

def test_a_rate_against_pre_study_levels_is_before_after():
    text = ("In the year before study entry, the clinical-deterioration rate in the study population was 44.4/100 "
            "patient-years (PY). The rate in patients receiving placebo during the RCP was 61.6/100 PY (+38.8% vs "
            "pre-study; p=0.2860); in patients receiving ravulizumab (RCP and OLE) the rate was 17.8/100 PY (-59.8% "
            "vs pre-study levels [p=0.0019] and -71.1% vs placebo [p=0.0011]).")
    table = extract(text, design="RCT", condition="myasthenia gravis")
    assert one(table, "RRR", 0.598)["role"] == "before_after"
    assert one(table, "RRR", -0.388)["role"] == "before_after"
    assert one(table, "RRR", 0.711)["role"] == "effect"
    assert one(table, "ARR", 44.4)["role"] == "before_after"     # the rate before study entry


# ---------------------------------------------------------------- secondary

def none(table: pd.DataFrame, measure: str, value: float) -> bool:
    return not len(table[(table["measure"] == measure) & ((table["value"] - value).abs() < 1e-6)])


def test_results_of_previous_studies_are_secondary_and_a_primary_report_writes_no_row_of_them():
    text = ("Previous studies reported that rituximab reduced the relapse risk compared with azathioprine "
            "(HR 0.30, 95% CI 0.15-0.60).")
    assert none(extract(text), "HR", 0.30)
    # a review reports other studies' results as its content: the row stays, marked secondary
    assert one(extract(text, design="review"), "HR", 0.30)["role"] == "secondary"


def test_a_background_section_is_secondary():
    text = ("Background: rituximab lowered the risk of relapse compared with azathioprine (HR 0.30, 95% CI "
            "0.15-0.60). Results: rituximab lowered the risk of relapse compared with azathioprine (HR 0.50, 95% CI "
            "0.30-0.80).")
    rows = [{"measure": "HR", "value": 0.30, "value_text": "0.30", "intervention": "rituximab",
             "comparator": "azathioprine", "outcome": "relapse", "start": 0, "end": 107, "timepoint": ""},
            {"measure": "HR", "value": 0.50, "value_text": "0.50", "intervention": "rituximab",
             "comparator": "azathioprine", "outcome": "relapse", "start": 108, "end": len(text), "timepoint": ""}]
    sections = [{"name": "background", "start": 0, "end": 108}, {"name": "results", "start": 108, "end": len(text)}]
    out = assign_meaning(rows, text, sections=sections)
    assert [r["role"] for r in out] == ["secondary", "effect"]


# ---------------------------------------------------------------- adverse events

def test_a_named_adverse_event_is_the_outcome():
    text = ("Results: Forty-three patients were randomized (rozanolixizumab 21, placebo 22 [period 1]). The most "
            "common adverse event in period 1 was headache (rozanolixizumab 57%, placebo 14%).")
    table = extract(text, design="RCT", condition="myasthenia gravis")
    assert one(table, "PROPORTION", 0.57)["outcome"] == "headache"
    assert one(table, "PROPORTION", 0.14)["outcome"] == "headache"


# ---------------------------------------------------------------- direction

RIN1 = ("Between Jan 1, 2014, and Nov 30, 2016, 38 patients were randomly assigned to the rituximab group (n=19) or "
        "the placebo group (n=19). No patients in the rituximab group had a relapse during the 72-week study period, "
        "compared with seven (37%) patients in the placebo group (group difference 36·8% [95% CI 12·3–65·5]; "
        "p=0·0058).")


def test_placebo_minus_rituximab_is_stored_as_rituximab_minus_placebo():
    row = one(extract(RIN1, design="RCT"), "RD", -0.368)
    assert (row["intervention"], row["comparator"]) == ("rituximab", "placebo")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((-0.655, -0.123))
    assert "sign flipped" in row["meaning_note"]


def test_a_difference_defined_in_words_is_flipped():
    text = ("Patients were randomly assigned to satralizumab (n=41) or placebo (n=42). The risk difference "
            "(placebo minus satralizumab) for relapse was 21% (95% CI 5% to 37%).")
    row = one(extract(text, design="RCT"), "RD", -0.21)
    assert (row["intervention"], row["comparator"]) == ("satralizumab", "placebo")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((-0.37, -0.05))


def test_ratio_keeps_the_trials_experimental_direction():
    text = ("118 patients were enrolled and randomly assigned to receive tocilizumab (n=59) or azathioprine (n=59). "
            "Median time to first relapse was 78·9 weeks (IQR 58·3–90·6) in the tocilizumab group versus 56·7 weeks "
            "(32·9–81·7) in the azathioprine group (HR 0·236, 95% CI 0·107–0·518; p<0·0001).")
    assert trial_arms(text) == ("tocilizumab", "azathioprine")
    row = one(extract(text, design="RCT"), "HR", 0.236)
    assert (row["intervention"], row["comparator"]) == ("tocilizumab", "azathioprine")
    assert row["timepoint"] in ("", None) or pd.isna(row["timepoint"])   # "7 weeks" of "78·9 weeks" is no time


def test_a_ratio_reported_control_first_turns_to_the_trial_direction():
    rows = [{"measure": "HR", "value": 4.0, "value_text": "4.0", "ci_low": 2.0, "ci_high": 8.0,
             "intervention": "azathioprine", "comparator": "tocilizumab", "outcome": "time to first relapse",
             "start": 0, "end": 60, "timepoint": ""}]
    study = pd.DataFrame([{"canonical": "tocilizumab", "role": "experimental"},
                          {"canonical": "azathioprine", "role": "control"}])
    out = assign_meaning(rows, "Relapse risk was higher with azathioprine (HR 4.0, 2.0-8.0).   ", study=study)
    assert (out[0]["intervention"], out[0]["comparator"]) == ("tocilizumab", "azathioprine")
    assert (out[0]["value"], out[0]["ci_low"], out[0]["ci_high"]) == pytest.approx((0.25, 0.125, 0.5))


# ---------------------------------------------------------------- review queue

def test_an_estimate_without_arms_goes_to_the_review_queue():
    text = "Across the cohort the risk of relapse fell over time (HR 0.62, 95% CI 0.40-0.95)."
    row = one(extract(text), "HR", 0.62)
    assert row["role"] == "effect" and "arms not settled" in row["needs_review"]


def test_serostatus_groups_of_a_trial_are_subgroups_not_prognostic_factors():
    text = ("Satralizumab monotherapy reduced the risk of relapse compared with placebo. Among AQP4-IgG-seropositive "
            "patients, the HR was 0.26 (0.11-0.63; p=0.0014), and among seronegative patients it was 1.19 "
            "(0.30-4.78; p=0.80).")
    table = extract(text, design="RCT")
    assert one(table, "HR", 0.26)[["role", "subgroup"]].tolist() == ["subgroup", "AQP4-IgG-seropositive"]
    assert one(table, "HR", 1.19)[["role", "subgroup"]].tolist() == ["subgroup", "seronegative"]


def test_the_rate_on_treatment_is_not_a_baseline_characteristic():
    text = "The annualized relapse rate fell from 1.42 before treatment to 0.12 on IVIG (p<0.001)."
    table = extract(text, condition="MOGAD")
    assert one(table, "ARR", 1.42)["role"] == "before_after"
    assert one(table, "ARR", 0.12)["role"] == "effect"


def test_a_mri_outcome_is_not_a_prognostic_factor():
    text = ("Patients were randomly assigned to ponesimod or teriflunomide. Combined unique active lesions per year "
            "were 1.405 vs 3.164 (rate ratio, 0.44; 95% CI, 0.36-0.54; P < .001).")
    assert one(extract(text, design="RCT", condition="multiple sclerosis"), "IRR", 0.44)["role"] == "effect"


def _table_row_role(label: str, outcome: str) -> tuple[str, str, str]:
    """(role, intervention, comparator) of one odds ratio row of a table comparing two arms, as the table reader
    gives it (the row's label read as its outcome, or another outcome)."""
    text = ("Children were randomly assigned to mesh repair (n = 210) or suture repair (n = 205).\n"
            "Table 3. Complications one year after surgery\n| Complication | Odds ratio | 95% CI | p |\n"
            f"| {label} | 0.38 | 0.07 - 1.95 | 0.25 |\n")
    line = f"| {label} | 0.38 | 0.07 - 1.95 | 0.25 |"
    start = text.index(line)
    row = {"measure": "OR", "value": 0.38, "value_text": "0.38", "ci_low": 0.07, "ci_high": 1.95,
           "intervention": "mesh repair", "comparator": "suture repair", "start": start, "end": start + len(line),
           "evidence": line, "outcome": outcome, "timepoint": "", "finder": "table"}
    out = assign_meaning([row], text)[0]
    return out["role"], out["intervention"], out["comparator"]


@pytest.mark.parametrize("label", ["Muscle atrophy", "Late onset of pain", "Culture negative at 6 weeks"])
def test_an_outcome_row_whose_name_holds_a_factor_word_compares_the_arms(label):
    # the factor word ("atrophy", "onset", "negative") names what the row counts: the trial's arms, not a factor
    assert _table_row_role(label, label) == ("effect", "mesh repair", "suture repair")


@pytest.mark.parametrize("label, outcome", [("Muscle atrophy", "recurrence"), ("Male sex", "Male sex"),
                                            ("Age over 60 years", "Age over 60 years")])
def test_a_factor_row_stays_a_factor_when_its_words_are_not_the_outcome_or_describe_the_patients(label, outcome):
    role, intervention, comparator = _table_row_role(label, outcome)
    assert role == "prognostic" and "mesh repair" not in (intervention, comparator)


def test_a_background_heading_in_the_text_makes_its_numbers_secondary():
    text = ("Background: In AURORA 1, voclosporin improved the complete renal response compared with placebo (OR 2.65, "
            "95% CI 1.64-4.27).\nMethods: AURORA 2 continued treatment for two more years.\nResults: More patients "
            "in the voclosporin arm achieved a good renal outcome than in the placebo arm (OR 1.68, 95% CI 0.97-2.92).")
    table = extract(text, design="RCT", condition="lupus nephritis")
    assert none(table, "OR", 2.65)      # the background's earlier trial: no row of this report
    assert one(table, "OR", 1.68)["role"] == "effect"


def test_dose_levels_of_one_drug_are_dose_comparisons():
    text = ("In a multivariable model, higher doses of oral prednisone delayed time to first relapse with an effect "
            "estimate of 3.7% (95% CI 0.8% to 6.6%; p=0.014) reduced hazard of relapse for every 1 mg/day dose "
            "increment. There was evidence of reduced hazard of relapse for patients dosed ≥12.5 mg/day (HR 0.21, "
            "95% CI 0.07 to 0.60).")
    table = extract(text, condition="MOGAD")
    assert one(table, "HR", 0.21)["role"] == "dose"
    assert one(table, "RRR", 0.037)["role"] == "dose"


def test_the_study_models_roles_give_the_trials_direction():
    class StudyModel:          # the shape of extract/study.py's Study: arm rows with canonical name and role
        def arm_rows(self):
            return [{"arm_id": "a1", "name": "TCZ", "canonical": "tocilizumab", "role": "experimental"},
                    {"arm_id": "a2", "name": "AZA", "canonical": "azathioprine", "role": "control"}]
    assert trial_arms("No allocation sentence here.", StudyModel()) == ("tocilizumab", "azathioprine")


def test_a_news_item_keeps_a_before_after_change_apart_and_marks_the_rest_secondary():
    text = ("The meta-analysis showed that the annualized relapse rate (ARR) was significantly reduced from baseline "
            "during treatment with AZA and treatment with TCZ. The standardized mean difference (SMD) of ARR from "
            "baseline to after treatment was -1.01 (P < .001) for AZA and -1.27 (P =.039) for TCZ. In the trial, "
            "relapse risk was lower with TCZ than with AZA (HR 0.24, 95% CI 0.11-0.52).")
    table = extract(text, design="news")
    assert one(table, "SMD", -1.01)["role"] == "before_after"
    assert one(table, "HR", 0.24)["role"] == "secondary"


def test_a_sentence_whose_meaning_cannot_be_read_goes_to_review_not_to_a_crash(monkeypatch):
    from evidence_review.extract import meaning

    def broken(*args, **kwargs):
        raise ValueError("unreadable")
    monkeypatch.setattr(meaning, "_role", broken)
    rows = [{"measure": "HR", "value": 0.5, "value_text": "0.5", "intervention": "rituximab",
             "comparator": "azathioprine", "outcome": "relapse", "start": 0, "end": 40, "timepoint": ""}]
    out = assign_meaning(rows, "Rituximab vs azathioprine (HR 0.5).        ")
    assert out[0]["role"] == "effect" and "meaning not settled (ValueError: unreadable)" in out[0]["needs_review"]


def test_periods_written_before_their_values_bind_to_them():
    from evidence_review.extract.meaning import bind_timepoints
    seg = "The response rate at week 24 was 0.52 and at week 52 it was 0.61 with belimumab."
    spans = [(seg.index("0.52"), seg.index("0.52") + 4), (seg.index("0.61"), seg.index("0.61") + 4)]
    assert bind_timepoints(seg, spans) == {0: "week 24", 1: "week 52"}
    seg2 = "(HR = 0.7217, p = 0.7156 in the first year; HR = 0.9351, p = 0.9003 in the second year)"
    spans2 = [(seg2.index("0.7217"), seg2.index("0.7217") + 6), (seg2.index("0.9351"), seg2.index("0.9351") + 6)]
    assert bind_timepoints(seg2, spans2) == {0: "first year", 1: "second year"}
    # one period only: the extractor's reading stands
    assert bind_timepoints("HR 0.5 at week 24 and 0.6", [(3, 6), (22, 25)]) == {}


def test_no_treatment_named_after_the_intervention_is_the_trials_control_arm():
    from evidence_review.extract import extract_one
    text = ("Methods: In this controlled trial, 2545 tuberculin-negative children were randomly assigned to BCG "
            "vaccination or to no vaccination. Results: In the BCG group, 29 of 1401 children (2.1%) developed "
            "tuberculosis; in the control group, 11 of 1144 children (1.0%) developed tuberculosis. The relative "
            "risk of "
            "tuberculosis with BCG vaccination compared with no vaccination was 0.22 (95% CI 0.10 to 0.49).")
    rows, study, errors = extract_one("d1", text)
    assert not errors
    arms = {(r["measure"], r["intervention"], r["comparator"] or "") for r in rows}
    # the printed RR and the control group's count name the one control arm of the study model
    assert arms == {("RR", "BCG vaccine", "no vaccination"), ("PROPORTION", "BCG vaccine", ""),
                    ("PROPORTION", "no vaccination", "")}
    assert any("control arm 'no vaccination'" in r["meaning_note"] for r in rows)


def test_a_section_map_without_methods_or_results_does_not_make_results_quoted():
    from evidence_review.extract.meaning import assign_meaning
    text = ("Objective To investigate whether drug A reduces relapse.Methods This cohort study included 120 "
            "patients. Relapse risk was lower with drug A (HR 0.14, 95% CI 0.05-0.45).")
    pos = text.index("0.14")
    row = {"measure": "HR", "value": 0.14, "value_text": "0.14", "ci_low": 0.05, "ci_high": 0.45,
           "intervention": "mycophenolate mofetil", "comparator": "", "start": text.index("Relapse risk"),
           "end": len(text), "evidence": text[text.index("Relapse risk"):], "outcome": "relapse", "timepoint": ""}
    # ingestion's map saw one heading only: "Objective" (background) spanning the whole abstract
    swallowed = [{"name": "background", "start": 0, "end": len(text)}]
    assert assign_meaning([dict(row)], text, sections=swallowed)[0]["role"] != "secondary"
    full = [{"name": "background", "start": 0, "end": pos - 40}, {"name": "results", "start": pos - 40,
                                                                   "end": len(text)}]
    background_only = [{"name": "background", "start": 0, "end": len(text)},
                       {"name": "results", "start": len(text), "end": len(text)}]
    assert assign_meaning([dict(row)], text, sections=full)[0]["role"] != "secondary"
    assert assign_meaning([dict(row)], text, sections=background_only)[0]["role"] == "secondary"


# ---------------------------------------------------------------- role, adjustment, subgroup and timepoint in full trial reports

def test_every_arm_of_a_baseline_table_row_stays_baseline():
    """A baseline table's row keeps the table reader's role for each arm, whatever the cell's neighbours say
    (the second arm's cell used to be read as an outcome)."""
    text = ("Patients were randomly assigned to UFT/LV (n = 88) or surgery alone (n = 89).")
    rows = [{"measure": "PROPORTION", "value": v, "value_text": t, "intervention": arm, "comparator": "",
             "role": "baseline", "subgroup": "", "start": 0, "end": 0, "timepoint": "", "outcome": "Male",
             "evidence": "| Male | 63 (70.8) | 57 (64.8) |"}
            for v, t, arm in ((0.708, "70.8", "surgery"), (0.648, "64.8", "uft/lv"))]
    text = text + "\n| Male | 63 (70.8) | 57 (64.8) |"
    for r in rows:
        r["start"], r["end"] = text.index("| Male"), len(text)
    out = assign_meaning(rows, text, design="rct")
    assert [r["role"] for r in out] == ["baseline", "baseline"]
    assert [r["adjusted"] for r in out] == ["no", "no"]


def test_an_arms_raw_count_is_unadjusted_and_a_least_squares_mean_adjusted():
    table = extract("Patients were assigned to rituximab (n = 20) or azathioprine (n = 20). Relapse occurred in "
                    "3 of 20 patients (15%) on rituximab and 8 of 20 (40%) on azathioprine.", design="RCT")
    assert set(table.loc[table["measure"] == "PROPORTION", "adjusted"]) == {"no"}
    table = extract("Patients were assigned to efgartigimod (n = 84) or placebo (n = 83). The LS mean change in "
                    "MG-ADL score was -4.2 \u00b1 2.9 with efgartigimod and -2.1 \u00b1 3.0 with placebo.", design="RCT")
    means = table[table["measure"] == "MEAN"]
    assert len(means) == 2 and set(means["adjusted"]) == {"yes"}


def test_a_discussion_restating_the_trials_own_result_is_not_secondary():
    text = ("Methods\nPatients were randomly assigned to rituximab (n = 79) or placebo (n = 78).\n"
            "Discussion\nBy such sensitivity analysis, the intergroup difference in relapse persisted (adjusted HR 0.26, "
            "95% CI 0.10 to 0.71). Rituximab reduced relapses in an earlier trial (Smith et al., 2015; HR 0.40, "
            "95% CI 0.20 to 0.80).")
    sections = [{"name": "methods", "start": 0, "end": text.index("Discussion")},
                {"name": "discussion", "start": text.index("Discussion"), "end": len(text)}]
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": "NMOSD", "design": "RCT"}])
    table = extract_estimates(documents, {"d1": text}, {"d1": {"sections": sections, "tables": []}})
    assert one(table, "HR", 0.26)["role"] == "effect"
    assert none(table, "HR", 0.40)      # the earlier trial it cites: no row of this report


def test_an_age_class_is_not_a_follow_up_time():
    rows = [{"measure": "PROPORTION", "value": v, "value_text": txt, "intervention": "rituximab", "comparator": "",
             "role": "baseline", "subgroup": "", "timepoint": tp, "outcome": "age", "evidence": ev}
            for v, txt, tp, ev in ((0.16, "16.0", "5 years", "| <5 years | 43 (16.0) | 30 (11.2) |"),
                                   (0.485, "48.5", "14 years", "| 5 -14 years | 130 (48.5) | 128 (47.8) |"),
                                   (0.136, "13.6", "five years", "73 (13.6%) patients were less than five years of age."))]
    text = "\n".join(r["evidence"] for r in rows)
    for r in rows:
        r["start"] = text.index(r["evidence"])
        r["end"] = r["start"] + len(r["evidence"])
    out = assign_meaning(rows, text, design="rct")
    assert [r["timepoint"] for r in out] == ["", "", ""]


def test_a_subgroup_named_after_each_value_labels_that_value():
    text = ("Overall survival favored the pembrolizumab combination in every PD-L1 category in the subgroup analysis: "
            "the hazard ratio for death was 0.59 (95% CI, 0.38 to 0.92) among patients with a tumor proportion score "
            "of less than 1%, 0.55 (95% CI, 0.34 to 0.90) among those with a score of 1 to 49%, and 0.42 (95% CI, "
            "0.26 to 0.68) among those with a score of 50% or greater.")
    table = extract(text, design="RCT")
    assert one(table, "HR", 0.59)["subgroup"] == "tumor proportion score of less than 1%"
    # not the previous value's subgroup, which is named before this value; the elided "score" is the one named first
    assert one(table, "HR", 0.55)["subgroup"] == "tumor proportion score of 1 to 49%"
    assert one(table, "HR", 0.42)["subgroup"] == "tumor proportion score of 50% or greater"


def test_a_sentence_opening_among_a_subgroup_labels_its_estimate():
    text = ("Among patients who were seronegative at baseline, the difference in hospitalization was -10.25 "
            "percentage points (95% CI, -13.28 to -7.21) with nirmatrelvir than with placebo.")
    row = one(extract(text, design="RCT"), "RD", -0.1025)
    assert row["role"] == "subgroup" and row["subgroup"] == "seronegative at baseline"


def test_the_one_period_a_sentence_names_after_the_value_is_its_timepoint():
    text = ("Overall, 621 (31%) of the 2022 patients allocated tocilizumab and 729 (35%) of the 2094 patients allocated "
            "to usual care died within 28 days (rate ratio 0.85; 95% CI 0.76-0.94; p=0.0028).")
    assert normalize_label(one(extract(text, design="RCT"), "IRR", 0.85)["timepoint"]) == normalize_label("28 days")
    # a window of eligibility is no follow-up time
    text = ("In patients treated within 5 days after symptom onset, 8 of 1039 patients in the nirmatrelvir group and "
            "66 of 1046 in the placebo group were hospitalized (difference, -5.62 percentage points; 95% CI, -7.21 to "
            "-4.03).")
    assert normalize_label(one(extract(text, design="RCT"), "RD", -0.0562)["timepoint"]) == ()


def test_a_factor_in_a_sentence_is_the_estimates_side_against_its_complement():
    text = ("Methods: Patients were randomly assigned to apixaban or warfarin. Results: In a multivariable model across "
            "both treatment groups, age of 75 years or older was associated with a higher risk of stroke (HR 1.92; "
            "95% CI 1.40 to 2.63), as was current smoking (HR 1.51; 95% CI 1.10 to 2.07). Male sex was associated "
            "with a lower hazard (HR 0.81; 95% CI 0.70 to 0.94).")
    table = extract(text, design="RCT", condition="atrial fibrillation")
    for value, factor, reference in ((1.92, "age of 75 years or older", "age under 75 years"),
                                     (1.51, "current smoking", "no current smoking"),
                                     (0.81, "Male sex", "female sex")):
        row = one(table, "HR", value)
        assert (row["role"], row["intervention"], row["comparator"]) == ("prognostic", factor, reference)


def test_a_threshold_above_a_value_is_against_that_value_or_younger_and_a_ratio_per_sd_against_per_sd():
    from evidence_review.extract.factors import reference_of
    assert reference_of("Age above 80 years") == "Age 80 years or younger"
    assert reference_of("eGFR below 45") == "no eGFR below 45"
    text = ("Methods: participants were randomly assigned to rosuvastatin or placebo. Results: Baseline lipoprotein(a) "
            "did not predict events over 4.1 years (HR per SD 0.97 [95% CI 0.84, 1.12]), whereas baseline "
            "triglycerides predicted events (HR per SD 1.18 [95% CI 1.03, 1.35]).")
    table = extract(text, design="RCT", condition="diabetes")
    for value, factor in ((0.97, "Baseline lipoprotein"), (1.18, "baseline triglycerides")):
        row = one(table, "HR", value)
        assert row["role"] == "prognostic" and row["comparator"] == "per SD"
        assert row["intervention"].startswith(factor)


def test_a_risk_factor_table_names_each_row_against_its_reference_and_keeps_the_treatment_row():
    text = ("Methods: Children were randomly assigned to artesunate (AS, n = 150) or amodiaquine (AQ, n = 150).\n"
            "Results: Univariate analysis of risk factors for recurrence\n"
            "| Factor | Hazard Ratio | p value |\n"
            "| Amodiaquine treatment | 2.41 (1.20-4.84) | 0.01 |\n"
            "| Female | 1.12 (0.61-2.05) | 0.71 |\n"
            "| Age (years) | 0.94 (0.90-0.99) | 0.02 |\n"
            "| Anaemia at enrolment | 1.85 (1.01-3.39) | 0.05 |\n")
    table = extract(text, design="RCT", condition="malaria")
    assert (one(table, "HR", 1.12)["intervention"], one(table, "HR", 1.12)["comparator"]) == ("female sex", "reference")
    assert one(table, "HR", 0.94)["intervention"] == "Age"
    assert one(table, "HR", 1.85)["intervention"] == "Anaemia at enrolment"
    treatment = one(table, "HR", 2.41)
    assert {treatment["intervention"], treatment["comparator"]} == {"amodiaquine", "artesunate"}


def test_a_subgroups_effect_and_an_adjustment_list_are_no_factor():
    text = ("Methods: Patients were randomly assigned to roflumilast or placebo. Results: The benefit was smaller "
            "among current smokers (hazard ratio, 0.97; 95% CI, 0.70 to 1.35) than among former smokers (hazard "
            "ratio, 0.68; 95% CI, 0.57 to 0.81).")
    table = extract(text, design="RCT", condition="COPD")
    for value in (0.97, 0.68):
        row = one(table, "HR", value)
        assert "smokers" not in str(row["intervention"]) and "benefit" not in str(row["intervention"])


def test_a_factor_clause_after_adjusted_for_is_still_the_factor_but_the_adjustment_list_is_not():
    text = ("Methods: Patients were randomly assigned to ribociclib or placebo. Results: In a Cox model adjusted for "
            "treatment, liver metastasis at baseline was associated with shorter survival (hazard ratio, 1.64; 95% CI, "
            "1.30 to 2.07). The rate of progression was lower with ribociclib after adjustment for age, sex and prior "
            "chemotherapy (adjusted HR 0.71; 95% CI 0.58 to 0.87).")
    table = extract(text, design="RCT", condition="breast cancer")
    factor = one(table, "HR", 1.64)
    assert (factor["intervention"], factor["comparator"]) == ("liver metastasis at baseline", "no liver metastasis at baseline")
    assert "prior chemotherapy" not in str(one(table, "HR", 0.71)["intervention"])


def test_a_difference_the_methods_estimate_with_a_model_is_adjusted():
    methods = ("Methods: Adults were randomized to supervised or self-administered therapy. The primary comparison was "
               "the between-arm difference in the proportion with viral suppression over the three visits, using a "
               "logistic regression model accounting for repeated observations. ")
    result = ("Results: Suppression was 0.62 with supervised and 0.48 with self-administered therapy "
              "(difference 0.14, 95% CI 0.01 to 0.27).")
    # (read as a difference of whichever kind: the adjustment is the point here)
    found = extract(methods + result, design="RCT")
    assert found[(found["value"] - 0.14).abs() < 1e-9]["adjusted"].tolist() == ["yes"]
    # without the methods' model the same difference says nothing about adjustment
    found = extract(result, design="RCT")
    assert found[(found["value"] - 0.14).abs() < 1e-9]["adjusted"].tolist() == ["unknown"]


def test_a_factor_named_by_a_want_or_an_abnormal_finding_is_against_having_it_or_a_normal_finding():
    from evidence_review.extract.factors import reference_of
    assert reference_of("lack of response within 6 weeks") == "response within 6 weeks"
    assert reference_of("absence of fever") == "fever"
    assert reference_of("abnormal EEG") == "normal EEG"
    text = ("Methods: a cohort of 180 patients treated in two centres. Results: Admission to hospital (OR 2.80, 95% CI "
            "1.40-5.60), lack of response within 6 weeks (OR 3.90, 95% CI 1.70-8.90), abnormal EEG (OR 1.80, 95% CI "
            "1.05-3.10) and older age (OR 1.30, 95% CI 1.01-1.70) were associated with a poor outcome at 1 year.")
    table = extract(text, design="cohort", condition="encephalitis")
    for value, factor, reference in ((3.9, "lack of response within 6 weeks", "response within 6 weeks"),
                                     (1.8, "abnormal EEG", "normal EEG")):
        row = one(table, "OR", value)
        assert (row["intervention"], row["comparator"]) == (factor, reference)


def test_the_last_factor_of_a_list_is_named_after_the_previous_items_statistics():
    text = ("Methods: a cohort of 180 patients treated in two centres. Results: Admission to hospital (OR 2.80, 95% CI "
            "1.40-5.60), lack of response within 6 weeks (OR 3.90, 95% CI 1.70-8.90) and abnormal EEG (OR 1.80, 95% CI "
            "1.05-3.10) were associated with a poor outcome at 1 year.")
    row = one(extract(text, design="cohort", condition="encephalitis"), "OR", 1.8)
    assert (row["role"], row["intervention"], row["comparator"]) == ("prognostic", "abnormal EEG", "normal EEG")


def test_an_adjusted_estimate_after_its_crude_one_keeps_the_claims_factor():
    text = ("Methods: a registry cohort of 5000 patients with epilepsy. Results: In the between-individual analysis, "
            "ketogenic diet use was associated with a lower rate of hospital admission in the crude model (hazard ratio "
            "0.71; 95% CI 0.65 to 0.77) and after adjustment for age, sex and previous admissions (adjusted HR 0.88; "
            "95% CI 0.80 to 0.96).")
    table = extract(text, design="cohort", condition="epilepsy")
    for value in (0.71, 0.88):
        row = one(table, "HR", value)
        assert (row["intervention"], row["comparator"]) == ("ketogenic diet use", "no ketogenic diet use")
    # an adjusted estimate that follows no crude one of the same claim names the list adjusted for nowhere
    text = ("Methods: a registry cohort of 5000 patients with epilepsy. Results: After adjustment for age, sex and "
            "previous admissions (adjusted HR 0.88; 95% CI 0.80 to 0.96), no factor remained.")
    row = one(extract(text, design="cohort", condition="epilepsy"), "HR", 0.88)
    assert "previous admissions" not in str(row["intervention"])


def _discussion_rows(discussion: str, methods: str = "Methods\nWomen were randomly assigned to ginger (n = 30) or "
                     "placebo (n = 30).\n") -> pd.DataFrame:
    text = methods + "Discussion\n" + discussion
    sections = [{"name": "methods", "start": 0, "end": text.index("Discussion")},
                {"name": "discussion", "start": text.index("Discussion"), "end": len(text)}]
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": "nausea", "design": "RCT"}])
    return extract_estimates(documents, {"d1": text}, {"d1": {"sections": sections, "tables": []}})


@pytest.mark.parametrize("sentence", [
    # both of the trial's arms named as groups, or by what they were treated with
    "Vomiting occurred in 12 of 30 women (40%) in the ginger group and in 21 of 30 (70%) in the placebo group.",
    "Vomiting was seen in 40% of ginger-treated patients while 70% (21 of 30) in the placebo group had it.",
    # the document's own participants, two groups set side by side by their labels
    "Vomiting was reported by 40% and 70% of the study participants in G and P groups respectively (12 of 30 and 21 of 30).",
])
def test_a_discussion_sentence_restating_the_trials_own_figures_keeps_its_rows(sentence):
    table = _discussion_rows(sentence)
    shares = table[table["measure"] == "PROPORTION"]
    assert len(shares) >= 1 and "secondary" not in set(shares["role"])


def test_a_discussion_sentence_citing_another_trial_writes_no_row():
    table = _discussion_rows("In an earlier trial [12], vomiting occurred in 12 of 30 women (40%) in the ginger group "
                             "and in 21 of 30 (70%) in the placebo group.")
    assert table[table["measure"] == "PROPORTION"].empty


def test_an_abstracts_results_label_inside_a_section_mapped_as_background_keeps_its_rows():
    text = ("Introduction:\nGinger may prevent nausea.\nMethods:\nWomen were randomly assigned to ginger (n = 30) or "
            "placebo (n = 30).\nResults:\nVomiting was less frequent with ginger than with placebo (RR 0.57, 95% CI "
            "0.35 to 0.93).\nDiscussion\nAn earlier trial found less vomiting with ginger (RR 0.70, 95% CI 0.50 to 0.98).")
    # the section map took the abstract's first label for the whole abstract's section
    sections = [{"name": "background", "start": 0, "end": text.index("Discussion")},
                {"name": "methods", "start": text.index("Discussion") - 1, "end": text.index("Discussion")},
                {"name": "discussion", "start": text.index("Discussion"), "end": len(text)}]
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": "nausea", "design": "RCT"}])
    table = extract_estimates(documents, {"d1": text}, {"d1": {"sections": sections, "tables": []}})
    assert one(table, "RR", 0.57)["role"] == "effect"
    assert none(table, "RR", 0.70)


def test_observational_data_that_had_suggested_a_result_is_another_studys():
    text = ("Observational data had suggested that treating the partner lowered transmission (rate ratio 0.12, 95% CI "
            "0.02 to 0.61).")
    assert none(extract(text, design="RCT"), "IRR", 0.12)
    assert one(extract(text, design="review"), "IRR", 0.12)["role"] == "secondary"


def test_a_result_of_an_earlier_cohort_is_another_studys():
    text = ("In an earlier phase 2 cohort, adding the antibody to chemotherapy improved progression-free survival "
            "(hazard ratio, 0.61; 95% CI, 0.38 to 0.97).")
    assert none(extract(text, design="RCT"), "HR", 0.61)
    assert one(extract(text, design="review"), "HR", 0.61)["role"] == "secondary"
