"""Arms and orientation: the ratio is intervention relative to comparator as the text means it."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.lexicon import canonical_arm, find_drugs


def arms(text: str) -> list[tuple]:
    return [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in extract_document("doc", text)
            if r["measure"] != "PROPORTION"]


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


@pytest.mark.parametrize("text, intervention, comparator", [
    # the number contradicts "lower risk" for RTX, so the ratio is TAC relative to RTX
    ("Patients on RTX (HR = 18.41, 95% CI: 4.039-83.87) had a lower risk of relapse than those on TAC.", "tacrolimus", "rituximab"),
    ("Risk of relapse was significantly reduced in patients treated with RTX compared with those treated with AZA (HR=4.40, 95% CI 1.41-13.80).", "azathioprine", "rituximab"),
    ("Drug discontinuations were less likely on RTX than AZA (HR = 2.22, 95% CI = 1.34-3.66, p=0.002).", "azathioprine", "rituximab"),
    ("The risk of first relapse in the AZA group was higher compared to the RTX group (HR = 2.786, 95% CI: 0.4771-16.27).", "azathioprine", "rituximab"),
    ("RTX and MMF were more effective than oral AZA in reducing relapse risk (RTX: HR = 3.510, 95% CI: 1.202-10.25).", "azathioprine", "rituximab"),
    ("Tocilizumab was superior to azathioprine in preventing relapse (HR 0.236, 95% CI 0.107-0.518; P<0.0001).", "tocilizumab", "azathioprine"),
    ("The risk of relapse was lower with inebilizumab than with placebo (hazard ratio, 0.27; 95% CI, 0.15 to 0.50).", "inebilizumab", "placebo"),
    ("Compared with placebo, complement inhibitors achieved better rates of QMG decrease (MD -3.52; 95% CI -4.51 to -2.54).", "complement c5 inhibitors", "placebo"),
    ("A greater proportion achieved a response with belimumab versus placebo (OR 1.36, 95% CI 0.85-2.20).", "belimumab", "placebo"),
    ("The difference in the risk of relapse between the MMF and RTX groups was not significant (HR = 0.7217, p = 0.7156).", "mycophenolate mofetil", "rituximab"),
    ("HR, 0.45; 95% CI, 0.28-0.72; P = 0.001 for relapse with satralizumab versus placebo.", "satralizumab", "placebo"),
    ("Patients receiving placebo had more attacks than those receiving satralizumab (HR 0.45, 95% CI 0.23-0.89).", "satralizumab", "placebo"),
    ("Relapse risk was higher on azathioprine (HR 3.3, 95% CI 1.5-7.1; reference: rituximab).", "azathioprine", "rituximab"),
    ("Compared with azathioprine, rituximab was associated with fewer relapses (HR 0.35, 95% CI 0.2-0.6).", "rituximab", "azathioprine"),
])
def test_orientation(text, intervention, comparator):
    rows = arms(text)
    assert len(rows) == 1, rows
    assert rows[0][2:] == (intervention, comparator)


def test_respectively_maps_arms_in_order():
    text = ("The hazard ratios of severe relapse for the azathioprine and MMF relative to the rituximab were 11.66 "
            "(95% CI: 2.6-52.3) and 5.96 (95% CI: 1.0-35.1), respectively.")
    assert [r[2:] for r in arms(text)] == [("azathioprine", "rituximab"), ("mycophenolate mofetil", "rituximab")]


def test_estimates_after_each_arm_in_a_list():
    text = ("Patients treated with RTX (HR = 18.41, 95% CI: 4.039-83.87) and MMF (HR = 22.72, 95% CI: 4.783-108.0) "
            "experienced a significantly lower risk of relapse compared to those treated with tacrolimus (TAC).")
    assert [r[2:] for r in arms(text)] == [("tacrolimus", "rituximab"), ("tacrolimus", "mycophenolate mofetil")]


def test_group_without_the_drug_is_the_comparator():
    text = ("The patients were divided into those with (MMF+) or without (MMF\u2212) MMF therapy. "
            "The HR for relapse among patients in the MMF+ group was 0.14 (95% CI, 0.05\u20130.45).")
    assert arms(text) == [("HR", 0.14, "mycophenolate mofetil", "no mycophenolate mofetil")]


def test_change_from_baseline_has_baseline_as_comparator():
    rows = arms("Tacrolimus could reduce the relapse rate by 86.2% and improve the EDSS.")
    assert rows == [("RRR", pytest.approx(0.862), "tacrolimus", "baseline")]


def test_sentence_without_arms_reuses_the_documents_last_comparison():
    text = ("A greater proportion achieved a PERR with belimumab versus placebo (OR 1.36 [95% CI 0.85-2.20]). "
            "Similarly for CRR (OR 1.49 (95% CI 0.88-2.51)).")
    assert [r[2:] for r in arms(text)] == [("belimumab", "placebo"), ("belimumab", "placebo")]


def test_single_arm_value_pairs_follow_the_comparison():
    text = "The MMF group had a higher ARR (0.52 vs 0.21, P = 0.01) than the RTX group."
    rows = extract_document("doc", text)
    assert [(r["value"], r["intervention"]) for r in rows] == [(0.52, "mycophenolate mofetil"), (0.21, "rituximab")]


@pytest.mark.parametrize("text, canonical", [
    ("IVIG add-on to azathioprine", "azathioprine + intravenous immunoglobulin"),
    ("reduced-dose rituximab", "rituximab"),
    ("Soliris", "eculizumab"), ("Uplizna", "inebilizumab"), ("Enspryng", "satralizumab"),
    ("IVCY", "cyclophosphamide"), ("PLEX", "plasma exchange"), ("TCZ", "tocilizumab"),
    ("relapse rate before rituximab", "baseline"),
    ("no rituximab exposure", "no rituximab"),
    ("rituximab after other steroid-sparing immunotherapies", "rituximab"),
])
def test_lexicon_names(text, canonical):
    assert canonical_arm(text) == canonical


def test_abbreviations_match_case_sensitively():
    assert [m.canonical for m in find_drugs("CS was given at 10 mg")] == ["corticosteroids"]
    assert find_drugs("the cs and tac words in lower case are not drugs") == []


def test_two_arms_named_before_the_ratio_without_a_comparison_word():
    text = ("An adjudicated relapse occurred in 3 of 96 patients (3%) in the eculizumab group and 20 of 47 patients "
            "(43%) in the placebo group (hazard ratio, 0.06; 95% CI, 0.02 to 0.20; P<0.001).")
    rows = extract_document("doc", text)
    assert [(r["measure"], r["intervention"], r["comparator"]) for r in rows] == [
        ("PROPORTION", "eculizumab", ""), ("PROPORTION", "placebo", ""), ("HR", "eculizumab", "placebo")]


def test_reference_period_named_by_the_text_is_the_baseline():
    rows = arms("Rituximab was associated with a lower relapse rate (IRR 0.15, 95% CI 0.07-0.33) compared with the pre-treatment period.")
    assert rows == [("IRR", 0.15, "rituximab", "baseline")]


def test_arm_sizes_fill_the_group_size_columns():
    text = ("Patients were randomised to inebilizumab (n=174) or placebo (n=56). Attacks occurred in 21 (12%) of 174 "
            "participants receiving inebilizumab and 22 (39%) of 56 participants receiving placebo (hazard ratio 0.272 "
            "[95% CI 0.150-0.496]).")
    hr = [r for r in extract_document("doc", text) if r["measure"] == "HR"][0]
    assert (hr["intervention"], hr["comparator"], hr["n_intervention"], hr["n_comparator"]) == ("inebilizumab", "placebo", 174, 56)


def test_add_on_study_reports_the_combination_as_its_arm():
    text = ("We evaluated IVIG as an add-on therapy to azathioprine in NMOSD. After add-on therapy with IVIG, the "
            "median ARR fell from 1.1 to 0.3 (p < 0.001). Seven patients (35%) were relapse-free.")
    rows = extract_document("doc", text)
    assert {r["intervention"] for r in rows} == {"intravenous immunoglobulin + azathioprine"}
    assert len(rows) == 3


_COMBINATION_TRIAL = (
    "Methods: We randomly assigned 27,395 participants to receive rivaroxaban (2.5 mg twice daily) plus aspirin "
    "(100 mg once daily) (n = 9152), rivaroxaban (5 mg twice daily) (n = 9117), or aspirin (100 mg once daily) "
    "(n = 9126). Results: The primary outcome occurred in fewer patients in the rivaroxaban-plus-aspirin group than "
    "in the aspirin-alone group (379 patients [4.1%] vs. 496 patients [5.4%]; hazard ratio, 0.76; 95% confidence "
    "interval [CI], 0.66 to 0.86; P<0.001), but major bleeding events occurred in more patients in the "
    "rivaroxaban-plus-aspirin group (288 patients [3.1%] vs. 170 patients [1.9%]; hazard ratio, 1.70; 95% CI, 1.40 "
    "to 2.05; P<0.001).")


def test_hyphenated_arm_names_and_a_contrasting_clause_keep_each_estimates_arms():
    from evidence_review.extract.study import build_study
    rows = extract_document("d1", _COMBINATION_TRIAL, study=build_study("d1", _COMBINATION_TRIAL))
    arms = {r["value"]: (r["intervention"], r["comparator"]) for r in rows if r["measure"] == "HR"}
    # "the aspirin-alone group" is the aspirin arm; "fewer" is the first clause's claim, not the second's
    assert arms[0.76] == ("rivaroxaban plus aspirin", "aspirin")
    assert arms[1.70] == ("rivaroxaban plus aspirin", "aspirin")


def test_one_claim_before_a_list_of_estimates_orients_each_of_them():
    text = ("Similarly, RTX and MMF were more effective than oral AZA in reducing relapse risk (RTX: HR = 3.510, 95% CI: "
            "1.202-10.25; p = 0.0216; MMF: HR = 3.909, 95% CI: 1.318-11.59; p = 0.0140).")
    rows = extract_document("d1", text)
    arms = {r["value"]: (r["intervention"], r["comparator"]) for r in rows if r["measure"] == "HR"}
    assert arms[3.909] == ("azathioprine", "mycophenolate mofetil")


def test_a_ratio_named_in_one_arm_is_that_arm_against_the_other():
    from evidence_review.extract.study import build_study
    text = ("Methods: patients were randomly assigned to chloroquine (CQ) or dihydroartemisinin-piperaquine (DP). "
            "Results: In the dihydroartemisinin-piperaquine group 241/264 (91.3%) of patients cleared their "
            "parasitaemia at day 1 compared to 209/265 (78.9%) in the chloroquine group (p < 0.001, relative risk of "
            "clearance in chloroquine group = 0.87, 95% CI 0.81-0.93).")
    rows = extract_document("d1", text, study=build_study("d1", text))
    rr = next(r for r in rows if r["measure"] == "RR")
    # the sentence names DP first, but the ratio says whose risk it is
    assert (rr["intervention"], rr["comparator"]) == ("chloroquine", "dihydroartemisinin-piperaquine")


# ---------------------------------------------------------------- arms from the design: placebo, two arms, drug class
def test_placebo_controlled_document_gives_an_unnamed_ratio_its_arms():
    text = ("None of the 58 patients treated with Ultomiris had an adjudicated relapse, compared with 20 of 47 "
            "patients in the placebo arm of the earlier PREVENT trial of Soliris.\n\nThat translates into a 98.6% "
            "reduction in relapse risk (hazard ratio 0.014; 95% CI 0.000–0.103; p<0.0001), the company said.")
    [hr] = rows_of(text, "HR")
    assert (hr["intervention"], hr["comparator"]) == ("ravulizumab", "placebo")
    assert not rows_of(text, "RRR")      # 98.6% restates the hazard ratio


def test_ratio_in_a_two_arm_document_is_against_the_other_arm():
    text = ("60 adults received either monthly IVIG (n=30) or oral prednisolone (n=30) after a first attack. "
            "The odds of remaining relapse-free were six times higher with IVIG (OR 6.0, 95% CI 1.5–24.3).")
    [odds] = rows_of(text, "OR")
    assert (odds["intervention"], odds["comparator"]) == ("intravenous immunoglobulin", "prednisolone")


def test_fcrn_inhibitors_are_a_drug_class():
    text = "FcRn inhibitors improved MG-ADL response compared with placebo (pooled OR 3.56; 95% CI: 2.17–5.85)."
    [odds] = rows_of(text, "OR")
    assert (odds["intervention"], odds["comparator"]) == ("fcrn inhibitors", "placebo")


def test_background_drug_dose_is_not_an_arm():
    text = ("We assigned 180 patients to anifrolumab and 182 to placebo (difference in BICLA response, 16.3 percentage "
            "points; 95% CI, 6.3 to 26.3). Among patients with a baseline glucocorticoid dose of at least 10 mg per "
            "day, the dose was reduced in 52.0% and 30.2%, respectively (difference, 21.2 percentage points; 95% CI, "
            "6.8 to 35.7).")
    rd = rows_of(text, "RD")
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rd][-1] == (
        pytest.approx(0.212), "anifrolumab", "placebo")


def test_prespecified_is_not_a_comparison_with_baseline():
    text = ("The primary analysis showed no significant difference between eculizumab and placebo (rank-based "
            "treatment difference −11·7, 95% CI −24·3 to 0·96; p=0·0698). In a prespecified sensitivity analysis, "
            "the change in MG-ADL score favoured eculizumab (mean difference −1·9, 95% CI −3·3 to −0·6; p=0·0058).")
    md = [r for r in rows_of(text, "MD") if r["value"] == -1.9]
    assert [(r["intervention"], r["comparator"]) for r in md] == [("eculizumab", "placebo")]


# ---------------------------------------------------------------- direction words and comparators across sentences
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


def test_lower_case_label_before_a_capital_letter_ends_the_sentence():
    text = ("221 were randomly assigned to efgartigimod (n=111) or placebo (n=110) in stage B. Efgartigimod "
            "significantly reduced the risk of relapse versus placebo (hazard ratio 0.39, 95% CI 0.25-0.61).")
    hr = rows_of(text, "HR")
    assert [(r["intervention"], r["comparator"]) for r in hr] == [("efgartigimod", "placebo")]
    assert hr[0]["evidence"].startswith("Efgartigimod")


def test_an_arm_keeps_its_comparator_from_an_earlier_sentence():
    text = ("Compared with placebo, monoclonal antibodies probably reduce relapses (RR 0.35, 95% CI 0.25 to 0.49). "
            "Rituximab compared with azathioprine may reduce relapses (RR 0.31, 95% CI 0.14 to 0.70). "
            "Monoclonal antibodies may make little or no difference to disability (MD -0.20 points, 95% CI -0.41 to 0.01).")
    md = rows_of(text, "MD")
    assert [(r["intervention"], r["comparator"]) for r in md] == [("monoclonal antibodies", "placebo")]


def test_second_difference_of_a_respectively_sentence_keeps_the_arms_order():
    text = ("The annualized relapse rates were 0.12 and 0.24 in the ofatumumab and teriflunomide groups, "
            "respectively, in trial 1 (difference, -0.12; 95% CI, -0.17 to -0.07) and 0.09 and 0.22 in trial 2 "
            "(difference, -0.13; 95% CI, -0.19 to -0.08).")
    md = rows_of(text, "MD")
    assert [(r["value"], r["intervention"], r["comparator"]) for r in md] == [
        (-0.12, "ofatumumab", "teriflunomide"), (-0.13, "ofatumumab", "teriflunomide")]


def _study_rows(text: str, sections: list | None = None, design: str = "RCT") -> list[dict]:
    import pandas as pd
    from evidence_review.extract import extract_study_tables
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": "", "design": design}])
    structures = {"d1": {"sections": sections or [], "tables": []}}
    return extract_study_tables(documents, {"d1": text}, structures).estimates.to_dict("records")


def _one(rows: list[dict], measure: str, value: float) -> dict:
    found = [r for r in rows if r["measure"] == measure and abs(float(r["value"]) - value) < 1e-6]
    assert len(found) == 1, [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows]
    return found[0]


TWO_ARM_METHODS = ("Methods: 420 women were randomly assigned to receive letrozole (n = 210) or anastrozole (n = 210). ")


def test_a_ratio_after_two_arms_values_in_the_texts_order_is_the_experimental_arm_against_the_control():
    rows = _study_rows(TWO_ARM_METHODS + "Results: Median time to progression was 9.4 months in the anastrozole group, "
                       "as compared with 11.2 months in the letrozole group (hazard ratio for progression, 0.72; 95% CI, "
                       "0.58 to 0.90).")
    row = _one(rows, "HR", 0.72)
    assert (row["intervention"], row["comparator"]) == ("letrozole", "anastrozole")


def test_a_ratio_whose_own_words_name_its_arm_keeps_that_order():
    rows = _study_rows(TWO_ARM_METHODS + "Results: The hazard ratio of progression for anastrozole patients was 1.39 "
                       "(95% CI: 1.11-1.72) compared to letrozole patients. There was no difference between the "
                       "letrozole and anastrozole groups in fractures (hazard ratio with letrozole, 1.08; 95% CI, 0.80 "
                       "to 1.46).")
    # the meaning step stores a ratio printed control vs experimental the trial's way round: 1/1.39 for letrozole
    row = _one(rows, "HR", round(1 / 1.39, 10))
    assert (row["intervention"], row["comparator"]) == ("letrozole", "anastrozole")
    row = _one(rows, "HR", 1.08)
    assert (row["intervention"], row["comparator"]) == ("letrozole", "anastrozole")


def test_a_comparison_naming_no_arm_in_a_trial_of_doses_against_one_control_is_the_drug_against_it():
    text = ("Methods: Patients were randomly assigned in a 1:1:1 ratio to receive baricitinib at a dose of 2 mg or 4 mg "
            "once daily or an interleukin-6 inhibitor. Results: The hazard ratios were 1.29 (95% CI, 0.90 to 1.85) "
            "for serious infection and 1.41 (95% CI, 1.02 to 1.95) for herpes zoster.")
    rows = _study_rows(text)
    for value in (1.29, 1.41):
        row = _one(rows, "HR", value)
        assert (row["intervention"], row["comparator"]) == ("baricitinib", "interleukin-6 inhibitor")


def test_a_result_quoted_from_another_study_does_not_take_the_trials_arms():
    text = ("Methods: Patients were randomly assigned in a 1:1:1 ratio to receive baricitinib at a dose of 2 mg or 4 mg "
            "once daily or an interleukin-6 inhibitor. Results: Serious infections were more frequent with "
            "baricitinib. Discussion: An earlier registry study reported a hazard ratio of 1.62 (95% CI, 1.10 to 2.38) "
            "for serious infection [12].")
    methods_end = text.index("Results:")
    discussion = text.index("Discussion:")
    sections = [{"name": "methods", "start": 0, "end": methods_end},
                {"name": "results", "start": methods_end, "end": discussion},
                {"name": "discussion", "start": discussion, "end": len(text)}]
    # a primary report writes no row of it (meaning.without_other_studies); a review reporting the trial keeps it,
    # marked secondary, without the trial's arms
    assert not [r for r in _study_rows(text, sections) if r["measure"] == "HR"]
    row = _one(_study_rows(text, sections, design="review"), "HR", 1.62)
    assert row["role"] == "secondary" and (row["intervention"], row["comparator"]) == ("", "")


def test_both_arms_counts_before_a_ratio_decide_its_direction():
    text = ("Methods: Children were randomly assigned to artesunate (n = 120) or amodiaquine (n = 120). Results: "
            "Recurrent parasitaemia occurred in 12 of 120 children (10.0%) in the artesunate group and in 36 of 120 "
            "(30.0%) in the amodiaquine group (odds ratio 3.86; 95% CI 1.89 to 7.88).")
    # 3.86 can only be amodiaquine (30%) against artesunate (10%): stored the trial's way round, artesunate first
    row = _one(_study_rows(text), "OR", round(1 / 3.86, 10))
    assert (row["intervention"], row["comparator"]) == ("artesunate", "amodiaquine")


def test_a_relative_reduction_in_a_controlled_trial_is_against_the_control():
    text = ("Methods: Patients undergoing knee replacement were randomly assigned to tranexamic acid or placebo. "
            "Results: Tranexamic acid decreased total blood loss by 41% in the tranexamic acid group.")
    rows = _study_rows(text)
    row = _one(rows, "RRR", 0.41)
    assert row["comparator"] == "placebo"


def test_a_cited_trials_group_keeps_its_own_treatment_name():
    text = ("Methods: Patients were randomly assigned to apixaban or placebo. Discussion: In an earlier trial, three of "
            "ten patients in the dipyridamole group compared with six of eleven in the placebo group developed "
            "graft thrombosis (OR = 0.36, CI 95%, 0.06-2.23).")
    # (a primary report writes no row of another trial's result, meaning.without_other_studies; a review reporting it
    # keeps the row, with the cited trial's own groups)
    assert not [r for r in _study_rows(text) if r["measure"] == "OR"]
    row = _one(_study_rows(text, design="review"), "OR", 0.36)
    assert (row["intervention"], row["comparator"]) == ("dipyridamole", "placebo")


def test_a_generic_word_before_group_is_no_arm():
    from evidence_review.extract.core import with_groups_named_in_sentence
    from evidence_review.extract.lexicon import find_drugs
    seg = "Relapses occurred in 4 patients in the placebo group and in 2 in the treatment group and the elderly group."
    assert [m.canonical for m in with_groups_named_in_sentence(seg, find_drugs(seg))] == ["placebo"]


def test_a_dose_printed_alone_names_its_arm_in_a_trial_of_two_doses():
    text = ("Methods: Patients were randomly assigned in a 1:1:1 ratio to receive baricitinib at a dose of 2 mg or 4 mg "
            "once daily or an interleukin-6 inhibitor. Results: For the individual doses, the hazard ratio for serious "
            "infection was 1.17 (95% CI, 0.78 to 1.75) with 2 mg and 1.52 (95% CI, 1.03 to 2.24) with 4 mg. The rate "
            "of herpes zoster was 41% higher with the 4-mg dose (rate ratio, 1.41; 95% CI, 1.02 to 1.95).")
    rows = _study_rows(text)
    assert (_one(rows, "HR", 1.17)["intervention"], _one(rows, "HR", 1.17)["comparator"]) == (
        "baricitinib 2 mg", "interleukin-6 inhibitor")
    assert _one(rows, "HR", 1.52)["intervention"] == "baricitinib 4 mg"
    assert _one(rows, "IRR", 1.41)["intervention"] == "baricitinib 4 mg"


def test_placebo_controlled_names_a_design_not_a_placebo_arm():
    assert [m.canonical for m in find_drugs("two placebo-controlled trials of rituximab (RR 0.56)")] == ["rituximab"]
    assert [m.canonical for m in find_drugs("the placebo-treated patients (RR 0.56)")] == ["placebo"]


def test_abbreviations_set_against_each_other_order_every_ratio_of_the_list():
    text = ("Methods: 140 patients were randomly assigned to two groups: lobectomy alone (L) and lobectomy plus "
            "intrapleural vector-IL12 (LV). Results: The hazard ratios (L vs. LV) of recurrence and death were 1.65 "
            "(95% CI, 1.10-2.48) and 1.92 (95% CI, 1.21-3.05).")
    rows = _study_rows(text)
    for value in (1.65, 1.92):
        # lobectomy alone against the combination as printed, stored the trial's way round (1/x)
        row = _one(rows, "HR", round(1 / value, 10))
        assert row["intervention"].startswith("lobectomy plus") and row["comparator"] == "lobectomy"


def test_an_amount_of_the_drug_names_that_doses_arm():
    from evidence_review.extract.core import _with_study_arms
    from evidence_review.extract.study import build_study
    text = ("Patients were randomly assigned to receive baricitinib 2 mg, baricitinib 4 mg or an interleukin-6 "
            "inhibitor. The difference between 4 mg of baricitinib and the inhibitor was -0.6 points; the 2-mg and "
            "4-mg baricitinib groups improved.")
    study = build_study("d", text)
    found = [(text[m.start:m.end], m.canonical) for m in _with_study_arms(text, [], study)]
    assert ("4 mg", "baricitinib 4 mg") in found and ("2-mg", "baricitinib 2 mg") in found and ("4-mg", "baricitinib 4 mg") in found


def test_a_drug_that_only_names_a_subgroup_is_not_an_arm():
    text = ("Methods: Patients were randomly allocated to receive baricitinib or usual care. Results: Among patients "
            "receiving corticosteroids at baseline, the rate ratio for death was 0.81 (95% CI 0.70-0.93); among those "
            "not receiving corticosteroids it was 1.12 (0.88-1.44).")
    rows = _study_rows(text)
    for value in (0.81, 1.12):
        row = _one(rows, "IRR", value) if any(r["measure"] == "IRR" for r in rows) else _one(rows, "RR", value)
        assert (row["intervention"], row["comparator"]) == ("baricitinib", "standard care")


# ---------------------------------------------------------------- risk differences: the printed sign holds
def test_a_positive_risk_difference_after_lower_for_the_first_arm_is_the_other_arm_first():
    text = ("The risk of relapse was significantly lower for patients treated with rituximab than for those treated "
            "with azathioprine at 12 months (12% versus 31%; risk difference [RD] 19%, 95% confidence interval [CI] "
            "10%\u201328%) and 24 months (40% versus 52%; RD 12%, 95% CI 1%\u201323%).")
    assert [a for a in arms(text) if a[0] == "RD"] == [("RD", 0.19, "azathioprine", "rituximab"),
                                                       ("RD", 0.12, "azathioprine", "rituximab")]


def test_a_negative_risk_difference_keeps_the_order_the_sentence_names():
    text = ("The risk of relapse was lower with rituximab than with azathioprine (12% versus 31%; risk difference "
            "-19%, 95% CI -28% to -10%).")
    assert [a for a in arms(text) if a[0] == "RD"] == [("RD", -0.19, "rituximab", "azathioprine")]


def test_a_difference_the_text_orders_is_not_turned_by_a_later_direction_word():
    text = ("A sensitivity analysis yielded a difference in relapse rate between azathioprine and rituximab of 2.5% "
            "(2-sided 90% CI -1.0 to +6.0%), a lower point estimate than the main analysis.")
    assert [a for a in arms(text) if a[0] == "RD"] == [("RD", 0.025, "azathioprine", "rituximab")]


def test_arms_of_a_structured_aim_named_by_their_abbreviations():
    from evidence_review.extract.study import build_study
    text = ("Objectives: To compare the efficacy of artesunate-mefloquine (ASMQ) and artemether-lumefantrine (ALU) "
            "for uncomplicated malaria.\nMethods: Children were randomized to ASMQ or ALU.\nResults: The risk of "
            "recurrence was lower for children treated with ASMQ than for those treated with ALU (9% versus 21%; RD "
            "12%, 95% CI 5%\u201319%).")
    aim_end = text.index("\nMethods")
    structure = {"sections": [{"name": "background", "start": 0, "end": aim_end},
                              {"name": "methods", "start": aim_end, "end": text.index("\nResults")},
                              {"name": "results", "start": text.index("\nResults"), "end": len(text)}], "tables": []}
    study = build_study("doc", text, structure)
    assert [(a.canonical, "ASMQ" in a.aliases, "ALU" in a.aliases) for a in study.arms] == [
        ("artesunate-mefloquine", True, False), ("artemether-lumefantrine", False, True)]
    rows = extract_document("doc", text, study=study)
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "RD"] == [
        (0.12, "artemether-lumefantrine", "artesunate-mefloquine")]


def test_an_absolute_risk_increase_of_one_arm_instead_of_another_is_their_risk_difference():
    text = ("The absolute risk increase of treatment failure when using rituximab instead of azathioprine was 12.40% "
            "(95%CI: 3.05 \u2013 21.75).")
    assert arms(text) == [("RD", 0.124, "rituximab", "azathioprine")]


def test_differences_between_a_list_of_arms_and_the_arm_named_last_respectively():
    text = ("The estimated differences between the rituximab, tocilizumab, and eculizumab groups and the placebo group "
            "were \u22120.52 points (95% CI, \u22120.80 to \u22120.24), \u22120.71 points (95% CI, \u22120.99 to \u22120.43), and "
            "\u22121.02 points (95% CI, \u22121.30 to \u22120.74), respectively.")
    assert [(a[1], a[2], a[3]) for a in arms(text)] == [(-0.52, "rituximab", "placebo"), (-0.71, "tocilizumab", "placebo"),
                                                         (-1.02, "eculizumab", "placebo")]


def test_a_difference_between_two_arms_keeps_their_order():
    text = "The difference between the rituximab and placebo groups was \u22120.52 points (95% CI, \u22120.80 to \u22120.24)."
    assert [(a[1], a[2], a[3]) for a in arms(text)] == [(-0.52, "rituximab", "placebo")]


def test_a_ratio_whose_own_words_name_its_comparator():
    text = ("Median survival was 7.1 months with rituximab (hazard ratio for the comparison with azathioprine, 0.61; "
            "99.5% CI, 0.45 to 0.83).")
    assert [(a[1], a[2], a[3]) for a in arms(text) if a[0] == "HR"] == [(0.61, "rituximab", "azathioprine")]


def test_a_rate_that_exceeded_two_others_by_given_differences():
    text = ("At week 24, the response rate with rituximab exceeded that with placebo by 21.4 percentage points (95% CI "
            "15.0\u201327.8) and that with azathioprine by 6.2 percentage points (95% CI 0.5\u201311.9).")
    assert [(a[1], a[2], a[3]) for a in arms(text)] == [(0.214, "rituximab", "placebo"),
                                                         (0.062, "rituximab", "azathioprine")]


@pytest.mark.parametrize("text, intervention, comparator", [
    ("The prevalence of failure by day 28 for the rituximab group was 58.1%, compared to 19.4% for azathioprine "
     "(odds ratio [OR], 0.17; 95% confidence interval [CI], 0.09\u20130.31; p < 0.001).", "azathioprine", "rituximab"),
    ("Relapse occurred in 12% with rituximab compared with 20% with placebo (hazard ratio 0.55, 95% CI 0.35-0.86).",
     "rituximab", "placebo"),
])
def test_the_arms_printed_percentages_decide_which_arm_a_ratio_is_about(text, intervention, comparator):
    assert [(a[2], a[3]) for a in arms(text) if a[0] in ("OR", "HR")] == [(intervention, comparator)]


def test_a_relative_reduction_in_a_trial_whose_control_is_named_by_what_it_lacks_is_against_that_control():
    from evidence_review.extract.study import build_study
    text = ("Infants were randomly assigned 1:1 to prophylactic ibuprofen at vaccination or a control group that received "
            "no ibuprofen. After the booster dose, ibuprofen reduced the incidence of fever, with computed efficacy of "
            "38.0% (95% confidence interval [CI]: 12.1, 56.3).")
    rows = extract_document("doc", text, study=build_study("doc", text))
    assert [(r["measure"], r["comparator"]) for r in rows if r["measure"] == "RRR"] == [("RRR", "no ibuprofen")]


def test_a_comparison_written_right_after_the_value_orders_its_arms():
    text = ("Among the 120 patients treated with placebo, relapses were frequent, for a rate that was 47.1% lower with "
            "rituximab than with placebo (P<0.001).")
    assert arms(text) == [("RRR", 0.471, "rituximab", "placebo")]


def test_in_an_add_on_trial_each_arms_row_keeps_its_own_arm():
    # "usual care plus a walking programme" against "usual care": the rows of the usual-care arm are not the
    # combination's, though the combination is the document's main treatment
    text = ("Methods: Adults were randomized into two groups: usual care (UC) and usual care plus intervention (WP). "
            "Results: 150 patients took part (76 in the intervention group and 74 in the usual care "
            "group). After six months the patients in the intervention group showed a decrease of 1.20 kg (CI 95% 0.40 "
            "to 2.00) while the usual care group showed an increase of 0.35 kg (CI 95% -0.10 to 0.80).")
    from evidence_review.extract import extract_one
    rows, _, _ = extract_one("doc", text)
    assert [(r["value"], r["intervention"]) for r in rows if r["measure"] == "MEAN"] == [
        (-1.2, "intervention"), (0.35, "standard care")]


def test_a_comparator_named_by_what_patients_went_without_keeps_its_words():
    text = ("Compared with no adjuvant therapy, the risk of recurrence was lower with belimumab (HR=0.41 (0.22, 0.77)) "
            "and with tacrolimus (HR=0.66 (0.45, 0.97)).")
    assert arms(text) == [("HR", 0.41, "belimumab", "no adjuvant therapy"), ("HR", 0.66, "tacrolimus", "no adjuvant therapy")]
    # "untreated" names no therapy of its own: the generic control
    assert arms("Recurrence was less frequent with belimumab than untreated patients (HR 0.52, 95% CI 0.31-0.88).")[0][3] \
        == "no treatment"


def test_a_long_claim_before_relative_to_keeps_its_first_arm():
    text = ("A comparison of any flare across the cohorts showed that the tacrolimus group had a markedly and "
            "significantly higher risk of a first flare relative to the belimumab group (hazard ratio: 2.05; "
            "95% CI: 1.2-3.5; p=0.01).")
    assert arms(text) == [("HR", 2.05, "tacrolimus", "belimumab")]
    # a number between the arm and the connector belongs to another claim: no first arm from before it
    text = "Belimumab lowered the flare rate by 40% relative to tacrolimus (HR 0.60; 95% CI 0.41-0.88)."
    assert arms(text)[0][3] == "tacrolimus"


def test_each_value_takes_the_arm_named_right_after_it_when_several_share_one_comparator():
    text = ("Results were consistent for the two agents: for the primary outcome the hazard ratio was 0.85 (95% CI, "
            "0.72 to 1.01) with belimumab and 0.86 (95% CI, 0.73 to 1.02) with tacrolimus, each as compared with placebo.")
    assert arms(text) == [("HR", 0.85, "belimumab", "placebo"), ("HR", 0.86, "tacrolimus", "placebo")]
    text = ("Relative to placebo, the odds of response were higher in the belimumab group (OR 2.10, 95% CI 1.30-3.40) "
            "and in the tacrolimus group (OR 1.60, 95% CI 1.05-2.44).")
    assert [r[2:] for r in arms(text)] == [("belimumab", "placebo"), ("tacrolimus", "placebo")]


def test_a_difference_named_against_its_comparator_before_the_values_of_each_arm():
    text = ("The difference from placebo was 42 percentage points (99.5% CI, 18.0 to 66.0) for belimumab and 39 "
            "percentage points (99.5% CI, 12.6 to 64.7) for tacrolimus.")
    assert arms(text) == [("RD", 0.42, "belimumab", "placebo"), ("RD", 0.39, "tacrolimus", "placebo")]
    text = ("The mean difference versus placebo was -3.1 points (95% CI, -4.0 to -2.2) for belimumab and -2.5 points "
            "(95% CI, -3.4 to -1.6) for tacrolimus.")
    assert [r[2:] for r in arms(text)] == [("belimumab", "placebo"), ("tacrolimus", "placebo")]


def _arm_level(text: str) -> list[tuple]:
    return [(r["measure"], r["value"], r["intervention"]) for r in rows_of(text) if r["measure"] in ("ARR", "PROPORTION")]


def test_a_value_names_its_arm_by_whom_it_counts_assigned_to_it():
    # "0.92 ... among those assigned to placebo": the arm the people were assigned to, not the arm named before
    text = ("Methods: Adults were randomly assigned to rituximab or placebo for 24 weeks.\n"
            "Results: The annualized rate of attacks was 0.58 (95% CI, 0.41 to 0.66) among patients assigned to "
            "rituximab and 0.92 (95% CI, 0.77 to 1.10) among those randomized to placebo.")
    assert _arm_level(text) == [("ARR", 0.58, "rituximab"), ("ARR", 0.92, "placebo")]


def test_people_assigned_to_an_arm_in_the_next_clause_are_not_the_values_arm():
    text = ("Methods: Adults were randomly assigned to rituximab or placebo for 24 weeks.\n"
            "Results: The annualized rate of attacks was 0.61 (95% CI, 0.43 to 0.70) with rituximab, and those "
            "assigned to placebo had a rate of 0.95 (95% CI, 0.79 to 1.12).")
    assert ("ARR", 0.61, "rituximab") in _arm_level(text)
