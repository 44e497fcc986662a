"""General rules found on the second blind batch (tests/fixtures/extract_heldout2), each on a real-shaped sentence
written for the test (not copied from the batch), plus the round-1 gaps they also close."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def proportions(text: str) -> list[tuple]:
    return sorted((r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION"))


def test_credible_interval_of_a_network_estimate():
    text = ("Versus placebo, tocilizumab (HR 0.21, 95% CrI 0.08-0.55) and azathioprine (HR 0.48, 95% credible "
            "interval 0.27-0.86) lowered the hazard of relapse.")
    got = {(r["value"], r["ci_low"], r["ci_high"], r["intervention"]) for r in rows_of(text, "HR")}
    assert got == {(0.21, 0.08, 0.55, "tocilizumab"), (0.48, 0.27, 0.86, "azathioprine")}


def test_c_statistic_with_interval_is_not_an_effect():
    text = ("ICU admission (OR 2.9, 95% CI 1.4-6.0) predicted poor outcome. The model discriminated well "
            "(C statistic 0.81, 95% CI 0.75-0.87; AUC 0.80, 95% CI 0.74-0.86).")
    assert [r["value"] for r in rows_of(text)] == [2.9]


def test_two_arms_signed_changes_are_no_relative_reduction():
    text = ("Among 300 patients with rituximab or placebo, brain-volume loss was −0.74% versus −0.98% (P=0.03) and "
            "the T2 lesion volume decreased by 2.1% with rituximab.")
    assert rows_of(text, "RRR") == []


def test_bare_key_point_repeat_of_a_rate_printed_later_with_its_interval():
    text = ("Findings: the annualized relapse rate was 0.18 with ofatumumab.\n\n"
            "Results: The ARR was 0.18 (99% CI, 0.14-0.23) with ofatumumab and 0.31 (99% CI, 0.26-0.37) with "
            "teriflunomide (rate ratio, 0.58; 99% CI, 0.43-0.78; P < .001).")
    arr = [(r["value"], r["ci_low"], r["ci_level"]) for r in rows_of(text, "ARR")]
    assert arr == [(0.18, 0.14, 0.99), (0.31, 0.26, 0.99)]


def test_kaplan_meier_percentages_of_arms_are_not_proportions():
    text = ("We assigned 400 patients to ocrelizumab and 398 to teriflunomide. Disability worsening at 12 weeks "
            "occurred in 9.8% and 14.1% (Kaplan-Meier estimates; hazard ratio, 0.67; 95% CI, 0.48 to 0.93).")
    assert rows_of(text, "PROPORTION") == []
    assert [r["value"] for r in rows_of(text, "HR")] == [0.67]


def test_count_followed_by_who_received_names_the_arm():
    text = ("A total of 150 were assigned to receive belimumab and 148 to receive placebo. Herpes zoster occurred in "
            "9 patients (6.0%) who received belimumab and in 3 (2.0%) who received placebo.")
    assert proportions(text) == [(3, 148, "placebo"), (9, 150, "belimumab")]


def test_arm_sizes_written_with_abbreviation_or_patients_in_brackets():
    text = ("Patients started azathioprine (AZA, n = 50; 2 mg/kg/day) or rituximab (RTX, n = 40). Adverse events "
            "leading to discontinuation occurred in 10 (20.0%) AZA and 2 (5.0%) RTX patients.")
    assert proportions(text) == [(2, 40, "rituximab"), (10, 50, "azathioprine")]
    text = ("We randomly assigned 600 patients to ocrelizumab (600 mg) (400 patients) or placebo (200 patients). "
            "Infusion-related reactions occurred in 35.0% of the patients in the ocrelizumab group and 20.0% in the "
            "placebo group.")
    assert proportions(text) == [(40, 200, "placebo"), (140, 400, "ocrelizumab")]


def test_percent_of_the_arm_group_and_of_qualified_participants():
    text = ("In total, 500 patients were assigned to ofatumumab and 480 to teriflunomide. Injection-related "
            "reactions occurred in 20.0% of the ofatumumab group and in 12.5% of the teriflunomide group.")
    assert proportions(text) == [(60, 480, "teriflunomide"), (100, 500, "ofatumumab")]


def test_confidence_interval_inside_a_count_bracket():
    text = ("Methods: 30 patients were enrolled. Results: At week 12, 21 patients (70.0%; 95% CI 50.6-85.3) had "
            "an MG-ADL response.")
    got = rows_of(text, "PROPORTION")
    assert [(r["events"], r["total"], r["value"]) for r in got] == [(21, 30, pytest.approx(0.70))]


def test_count_spelled_out_before_of_n():
    text = "Seven of 28 patients (25%) on IVIG relapsed, versus 15 of 30 (50%) on rituximab."
    assert proportions(text) == [(7, 28, "intravenous immunoglobulin"), (15, 30, "rituximab")]


def test_count_of_treated_participants_in_an_analysis_population():
    text = ("Of 150 participants, 75 were assigned to nipocalimab and 75 to placebo. Serious adverse events were "
            "reported in 6 (8%) nipocalimab-treated participants and 5 (7%) placebo-treated participants in the "
            "antibody-positive population.")
    assert proportions(text) == [(5, 75, "placebo"), (6, 75, "nipocalimab")]


def test_outcome_abbreviation_defined_earlier_names_the_outcome():
    text = ("Patients were randomized to voclosporin (n=90) or placebo (n=90). The primary endpoint was complete "
            "renal remission (CR) at 24 weeks. CR was achieved by 40.0% with voclosporin versus 20.0% with placebo.")
    assert proportions(text) == [(18, 90, "placebo"), (36, 90, "voclosporin")]


def test_counts_listed_after_the_outcome():
    text = ("We included 120 patients (AZA, n = 60; RTX, n = 60). Treatment was stopped because of adverse events "
            "by 12 (20.0%) AZA and 3 (5.0%) RTX patients.")
    assert proportions(text) == [(3, 60, "rituximab"), (12, 60, "azathioprine")]


def test_spelled_counts_of_children_on_arms_before_the_outcome_verb():
    text = ("Methods: 60 children (IVIG n=31, azathioprine n=29) were included. Results: Two children (7%) on IVIG "
            "and four (14%) on azathioprine had treatment-related adverse events.")
    assert proportions(text) == [(2, 31, "intravenous immunoglobulin"), (4, 29, "azathioprine")]


def test_one_below_one_percent_takes_the_arms_size():
    text = ("In total, 200 patients were randomly assigned to voclosporin (n=120) or placebo (n=80). Deaths "
            "occurred in one (<1%) patient in the voclosporin group and two (3%) in the placebo group.")
    got = [(r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION")]
    assert (1, 120, "voclosporin") in got
    below = next(r for r in rows_of(text, "PROPORTION") if r["events"] == 1)
    assert below["value"] == pytest.approx(1 / 120)


def test_below_one_percent_without_a_known_arm_size_is_dropped():
    text = "One (<1%) participant died in stage A of the efgartigimod study."
    assert rows_of(text, "PROPORTION") == []


def test_long_risk_reduction_statement_without_a_ratio():
    text = ("Inebilizumab reduced the risk of clinical deterioration requiring rescue therapy by 65% compared "
            "with placebo (p=0.002).")
    rrr = rows_of(text, "RRR")
    assert [(r["value"], r["p_value"]) for r in rrr] == [(pytest.approx(0.65), pytest.approx(0.002))]


def test_lower_case_label_before_a_capital_letter_ends_the_sentence():
    text = ("221 were randomly assigned to efgartigimod (n=111) or placebo (n=110) in stage B. Efgartigimod "
            "significantly reduced the risk of relapse versus placebo (hazard ratio 0.39, 95% CI 0.25-0.61).")
    hr = rows_of(text, "HR")
    assert [(r["intervention"], r["comparator"]) for r in hr] == [("efgartigimod", "placebo")]
    assert hr[0]["evidence"].startswith("Efgartigimod")


def test_second_difference_of_a_respectively_sentence_keeps_the_arms_order():
    text = ("The annualized relapse rates were 0.12 and 0.24 in the ofatumumab and teriflunomide groups, "
            "respectively, in trial 1 (difference, -0.12; 95% CI, -0.17 to -0.07) and 0.09 and 0.22 in trial 2 "
            "(difference, -0.13; 95% CI, -0.19 to -0.08).")
    md = rows_of(text, "MD")
    assert [(r["value"], r["intervention"], r["comparator"]) for r in md] == [
        (-0.12, "ofatumumab", "teriflunomide"), (-0.13, "ofatumumab", "teriflunomide")]


def test_an_arm_keeps_its_comparator_from_an_earlier_sentence():
    text = ("Compared with placebo, monoclonal antibodies probably reduce relapses (RR 0.35, 95% CI 0.25 to 0.49). "
            "Rituximab compared with azathioprine may reduce relapses (RR 0.31, 95% CI 0.14 to 0.70). "
            "Monoclonal antibodies may make little or no difference to disability (MD -0.20 points, 95% CI -0.41 to 0.01).")
    md = rows_of(text, "MD")
    assert [(r["intervention"], r["comparator"]) for r in md] == [("monoclonal antibodies", "placebo")]


def test_pooled_proportion_with_interval():
    text = "The pooled proportion of relapse-free patients in the placebo arms was 41% (95% CI 33–50%; I² = 40%)."
    got = rows_of(text, "PROPORTION")
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in got] == [
        (pytest.approx(0.41), pytest.approx(0.33), pytest.approx(0.50))]


def test_second_difference_continued_with_and_of():
    text = ("Inebilizumab produced a placebo-adjusted difference of −2.2 points in MG-ADL score at week 26 (p<0.001) "
            "and of −3.4 points in QMG score (p=0.002).")
    md = rows_of(text, "MD")
    assert [(r["value"], r["outcome"]) for r in md] == [(-2.2, "MG-ADL change"), (-3.4, "QMG change")]
    assert md[1]["p_value"] == pytest.approx(0.002)


def test_arm_defined_by_an_abbreviation_with_its_size():
    text = ("Methods: Patients were randomised to anifrolumab basic regimen (BR; n=40), intensified regimen (IR; "
            "n=50) or placebo (n=40). Results: Complete renal response was achieved by 40.0% (IR), 30.0% (BR) and "
            "25.0% (placebo) of patients.")
    assert proportions(text) == [(10, 40, "placebo"), (12, 40, "anifrolumab basic regimen"),
                                 (20, 50, "anifrolumab intensified regimen")]


def test_direction_word_of_the_next_clause_does_not_flip_a_pooled_ratio():
    text = ("Complement inhibitors improved MG-ADL response compared with placebo (pooled OR 2.90; 95% CI: 1.70-4.95; "
            "I2 = 0%) and reduced QMG score (SMD -0.55 [-0.80, -0.30]).")
    orr = rows_of(text, "OR")
    assert [(r["intervention"], r["comparator"]) for r in orr] == [("complement c5 inhibitors", "placebo")]


def test_direction_word_after_two_arm_estimates_still_orients_them():
    text = ("Patients treated with RTX (HR = 12.5, 95% CI: 3.1-50.2) and MMF (HR = 9.8, 95% CI: 2.2-43.0) "
            "had a lower risk of relapse compared to those treated with tacrolimus (TAC).")
    hr = rows_of(text, "HR")
    assert [(r["intervention"], r["comparator"]) for r in hr] == [("tacrolimus", "rituximab"),
                                                                 ("tacrolimus", "mycophenolate mofetil")]


def test_pair_of_counts_closed_by_respectively_follows_the_arms_named_before():
    text = ("Participants were randomly assigned to efgartigimod (n=100) or placebo (n=98). "
            "Adverse events occurred in 60 (60%) of 100 participants on efgartigimod and 50 (51%) of 98 on placebo; "
            "serious adverse events in seven (7%) and four (4%), respectively.")
    assert proportions(text) == [(4, 98, "placebo"), (7, 100, "efgartigimod"),
                                 (50, 98, "placebo"), (60, 100, "efgartigimod")]


def test_background_drug_dose_is_not_an_arm():
    text = ("We assigned 180 patients to anifrolumab and 182 to placebo (difference in BICLA response, 16.3 percentage "
            "points; 95% CI, 6.3 to 26.3). Among patients with a baseline glucocorticoid dose of at least 10 mg per "
            "day, the dose was reduced in 52.0% and 30.2%, respectively (difference, 21.2 percentage points; 95% CI, "
            "6.8 to 35.7).")
    rd = rows_of(text, "RD")
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rd][-1] == (
        pytest.approx(0.212), "anifrolumab", "placebo")


def test_rate_falls_to_a_whole_number_after_an_iqr():
    text = ("The median annualized relapse rate fell from 1.8 (IQR 1.0–3.0) before IVIG to 0 (IQR 0–0.4) on IVIG "
            "(p < 0.001).")
    arr = rows_of(text, "ARR")
    assert [(r["value"], r["timepoint"]) for r in arr] == [(1.8, "before treatment"), (0.0, "on treatment")]


def test_number_joined_to_a_name_by_a_hyphen_is_no_count():
    text = ("In this open-label extension, 160 adults with generalized MG received zilucoplan. The most common "
            "adverse events were COVID-19 (30.0%) and headache (12.5%).")
    got = sorted((r["events"], r["total"], r["value"]) for r in rows_of(text, "PROPORTION"))
    assert got == [(20, 160, pytest.approx(0.125)), (48, 160, pytest.approx(0.30))]


def test_count_list_with_patients_after_the_first_count():
    text = ("Patients started tacrolimus (TAC group, n = 50) or azathioprine (AZA group, n = 40). Adverse events led "
            "to withdrawal in four patients (8.0%) on TAC and 10 (25.0%) on AZA.")
    assert proportions(text) == [(4, 50, "tacrolimus"), (10, 40, "azathioprine")]


def test_shared_noun_after_two_treated_arms_and_primary_outcome_met():
    text = ("Participants were assigned to rituximab (n = 20) or placebo (n = 25). The primary outcome was met by "
            "60% of rituximab-treated and 40% of placebo-treated participants (odds ratio 2.25, 90% CI 0.80-6.30).")
    assert proportions(text) == [(10, 25, "placebo"), (12, 20, "rituximab")]
    assert [r["ci_level"] for r in rows_of(text, "OR")] == [0.9]
