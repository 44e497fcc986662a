"""The study model: arms (name, canonical, size, role) from methods sentences, CONSORT counts, bracket lists and
table headers, on trial-report snippets written for these tests; design, outcomes and timepoints."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.study import build_study

# a 2:1 allocation, drug not in the lexicon, sizes in the allocation list
TWO_ARM_2_TO_1 = (
    "Dapagliflozin in chronic heart failure: a randomised trial\n"
    "Methods: In this multicentre, double-blind trial, we randomly assigned 2:1 adults with chronic heart failure and "
    "an ejection fraction of 40% or less to dapagliflozin 10 mg once daily (n = 64) or matching placebo (n = 31). The "
    "primary outcome was the change from baseline in NT-proBNP at week 12; secondary outcomes included the Kansas City "
    "Cardiomyopathy Questionnaire score and hospitalisation for heart failure.\n"
    "Results: NT-proBNP fell by 18% with dapagliflozin and by 3% with placebo at week 12.")

# three arms, two doses of one drug, sizes from CONSORT-style counts
THREE_ARM_DOSES = (
    "Methods: Participants were randomised in a 1:1:1 ratio to receive once-weekly subcutaneous semaglutide 1.0 mg, "
    "semaglutide 2.0 mg or placebo for 40 weeks. The primary endpoint was change in HbA1c from baseline to week 40.\n"
    "Results: Of 961 participants screened, 329 were randomised: 110 were assigned to semaglutide 1.0 mg, 108 to "
    "semaglutide 2.0 mg and 111 to placebo. HbA1c fell by 1.6% and 1.9% with the two doses.")

# placebo-controlled, parallel, arms counted "N were assigned to the X group"
CONSORT_COUNTS = (
    "Results: Of 83 patients who underwent randomisation, 41 were assigned to the satralizumab group and 42 to the "
    "placebo group. A protocol-defined relapse occurred in 8 patients (20%) in the satralizumab group.")

# an active comparator given in a bracket list
ACTIVE_COMPARATOR = (
    "A total of 118 patients with acute coronary syndrome were randomised (ticagrelor, n = 60; clopidogrel, n = 58). "
    "The primary end point was definite stent thrombosis at 12 months.")


def arms_of(text: str, structure: dict | None = None) -> list[tuple]:
    study = build_study("doc", text, structure)
    return [(a.canonical, a.n, a.role) for a in study.arms]


def test_two_arm_two_to_one_allocation_from_the_methods():
    study = build_study("doc", TWO_ARM_2_TO_1)
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("dapagliflozin", 64, "experimental"), ("placebo", 31, "control")]
    first = study.arms[0]
    assert first.name == "dapagliflozin 10 mg once daily"
    assert TWO_ARM_2_TO_1[first.start:first.end].startswith("dapagliflozin 10 mg")
    assert study.design == "RCT" and study.allocation == "2:1"
    assert study.outcomes[0] == "change from baseline in NT-proBNP at week 12"
    assert "week 12" in study.timepoints


def test_dose_arms_of_one_drug_stay_apart_with_consort_counts():
    study = build_study("doc", THREE_ARM_DOSES)
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("semaglutide 1.0 mg", 110, "experimental"), ("semaglutide 2.0 mg", 108, "experimental"),
        ("placebo", 111, "control")]
    assert study.resolve("the semaglutide 2.0 mg group") is study.arms[1]
    assert study.resolve("semaglutide") is None          # two doses: a bare drug name is ambiguous
    assert study.resolve("Placebo (N = 111)") is study.arms[2]
    assert study.allocation == "1:1:1"


def test_arms_counted_as_assigned_to_the_group():
    assert arms_of(CONSORT_COUNTS) == [("satralizumab", 41, "experimental"), ("placebo", 42, "control")]


def test_active_comparator_in_a_bracket_list_is_the_control():
    assert arms_of(ACTIVE_COMPARATOR) == [("ticagrelor", 60, "experimental"), ("clopidogrel", 58, "control")]


def test_arms_from_table_headers_not_in_the_lexicon():
    text = ("Patients were randomly assigned (1:1) to pembrolizumab plus chemotherapy or placebo plus chemotherapy.\n"
            "Table 2. Efficacy outcomes\n"
            "| Outcome | Pembrolizumab plus chemotherapy (N = 206) | Placebo plus chemotherapy (N = 204) | Total (N = 410) |\n"
            "| Objective response, n (%) | 95 (46.1) | 60 (29.4) | 155 (37.8) |")
    header = text.split("\n")[2]
    structure = {"sections": [], "tables": [pipe_table(text, header)]}
    study = build_study("doc", text, structure)
    # the chemotherapy both arms give is the background: the arms are what differs
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("pembrolizumab", 206, "experimental"), ("placebo", 204, "control")]
    # the defining mention is the header that gives the size; the methods' name resolves to the same arm
    assert text[study.arms[0].start:study.arms[0].end] == "Pembrolizumab plus chemotherapy (N = 206)"
    assert study.resolve("pembrolizumab plus chemotherapy") is study.arms[0]
    assert study.resolve_column("Total (N = 410)") is None
    assert study.resolve_column("P value") is None
    assert study.resolve_column("Placebo plus chemotherapy (N = 204)") is study.arms[1]


def test_dose_arms_from_table_headers_only():
    text = ("Table 2. Week 40\n| | Tirzepatide 5 mg (n=52) | Tirzepatide 10 mg (n=50) | Placebo (N = 47) |\n"
            "| HbA1c <7%, n (%) | 40 (76.9) | 41 (82.0) | 11 (23.4) |")
    structure = {"tables": [pipe_table(text, text.split("\n")[1])]}
    assert arms_of(text, structure) == [("tirzepatide 5 mg", 52, "experimental"), ("tirzepatide 10 mg", 50, "experimental"),
                                        ("placebo", 47, "control")]


def test_cohort_arms_from_sized_lexicon_mentions_have_no_roles():
    text = ("Methods: This retrospective study included NMOSD patients treated with TAC (n = 24), MMF (n = 74), "
            "AZA (n = 34), and RTX (n = 81).")
    study = build_study("doc", text)
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("tacrolimus", 24, "other"), ("mycophenolate mofetil", 74, "other"), ("azathioprine", 34, "other"),
        ("rituximab", 81, "other")]
    assert study.design == "cohort"


def test_sections_keep_a_discussion_of_other_trials_out():
    methods = "Methods: Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38). "
    discussion = "Discussion: In an earlier trial, patients were randomly assigned to tocilizumab or azathioprine."
    text = methods + discussion
    structure = {"sections": [{"name": "methods", "start": 0, "end": len(methods)},
                              {"name": "discussion", "start": len(methods), "end": len(text)}], "tables": []}
    assert arms_of(text, structure) == [("rituximab", 40, "experimental"), ("azathioprine", 38, "control")]
    # without sections every sentence is read, and the other trial's arm is taken for one of this study's
    assert ("tocilizumab", None, "experimental") in arms_of(text)


def test_not_arms():
    # a design sentence, a purpose, causes of death with counts, a trial registration
    text = ("This is the first randomized clinical trial to evaluate the safety and efficacy of tacrolimus in LN. "
            "Four deaths occurred in the control arm (pulmonary embolism, n=1; coronavirus infection, n=3). "
            "Post hoc analyses of the BLISS-LN study (GSK BEL114054; NCT01639339) were performed.")
    assert [a for a in arms_of(text) if a[0] not in ("control",)] == []


def test_or_placebo_compare_of_and_shares_of_arms():
    # "X (abbr) dose or placebo (abbr) was administered"
    assert arms_of("Methods: Ravulizumab (RAV) 3000 mg or placebo (PBO) was administered every 8 weeks.") == [
        ("ravulizumab", None, "experimental"), ("placebo", None, "control")]
    # "to compare ... of A, B and C" in a cohort: arms without roles
    assert arms_of("Objective: To compare the efficacy of tacrolimus, cyclophosphamide and rituximab in "
                   "lupus nephritis. Methods: a retrospective cohort.") == [
        ("tacrolimus", None, "other"), ("cyclophosphamide", None, "other"), ("rituximab", None, "other")]
    # a list of arms, each with the share of its patients: the denominators are the arms' sizes
    assert arms_of("Relapses occurred with rituximab 30% (6 of 20), azathioprine 45% (9 of 20) and "
                   "intravenous immunoglobulin (IVIG) 10% (1 of 10).") == [
        ("rituximab", 20, "other"), ("azathioprine", 20, "other"), ("intravenous immunoglobulin", 10, "other")]
    # one share alone may be a subgroup's
    assert arms_of("Relapses occurred with rituximab 30% (6 of 20).") == []


def test_the_one_arm_of_a_single_arm_study():
    text = ("Methods: This retrospective cohort study included 54 AQP4-IgG-positive NMOSD patients treated with "
            "rituximab between 2006 and 2023. Results: 12 (22.2%) had a relapse.")
    assert arms_of(text) == [("rituximab", 54, "experimental")]
    # a study with arms of its own does not take a treated subgroup for one
    assert arms_of("Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). Of these, 12 patients "
                   "treated with prednisone had a relapse.") == [("rituximab", 40, "experimental"),
                                                                 ("placebo", 38, "control")]


def test_sentence_rows_get_arm_sizes_from_the_study():
    from evidence_review.extract import with_arm_sizes

    study = build_study("doc", THREE_ARM_DOSES)
    rows = [{"intervention": "semaglutide 2.0 mg", "comparator": "placebo", "n_intervention": None, "n_comparator": None},
            {"intervention": "semaglutide", "comparator": "", "n_intervention": None, "n_comparator": None},
            {"intervention": "placebo", "comparator": "", "n_intervention": 99, "n_comparator": None}]
    with_arm_sizes(rows, study)
    assert [(r["n_intervention"], r["n_comparator"]) for r in rows] == [(108, 111), (None, None), (99, None)]


@pytest.mark.parametrize("text,expected", [
    # oncology: a regimen in brackets inside the list does not end it
    ("Patients were randomly assigned in a 1:1 ratio to receive pembrolizumab (200 mg every 3 weeks) plus "
     "chemotherapy or placebo plus chemotherapy.",
     [("pembrolizumab", None, "experimental"), ("placebo", None, "control")]),
    # psychiatry: a duration before the drug, sizes inside the regimen's bracket
    ("Participants were randomized to 12 weeks of escitalopram (10-20 mg/day; n = 150) or placebo (n = 148).",
     [("escitalopram", 150, "experimental"), ("placebo", 148, "control")]),
    # cardiology: CONSORT counts after the allocation sentence
    ("A total of 4744 patients were randomly assigned to receive either dapagliflozin (at a dose of 10 mg once "
     "daily) or placebo, in addition to recommended therapy. Overall, 2373 patients were assigned to dapagliflozin "
     "and 2371 to placebo.",
     [("dapagliflozin", 2373, "experimental"), ("placebo", 2371, "control")]),
    # a non-drug intervention against usual care
    ("Of the 1,234 participants, 617 were randomized to the exercise programme and 617 to usual care.",
     [("exercise programme", 617, "experimental"), ("standard care", 617, "control")]),
    # infectious disease: durations as arms, then doses written before the drug
    ("Children were randomised to amoxicillin for 3 days (n = 1000), amoxicillin for 7 days (n = 1002) or placebo "
     "(n = 998).",
     [("amoxicillin for 3 days", 1000, "experimental"), ("amoxicillin for 7 days", 1002, "experimental"),
      ("placebo", 998, "control")]),
    ("Eligible patients were randomly assigned (1:1:1) to standard-dose (1 g) or high-dose (2 g) ceftriaxone or to "
     "azithromycin.",
     [("ceftriaxone standard dose", None, "experimental"), ("ceftriaxone high dose", None, "experimental"),
      ("azithromycin", None, "control")]),
])
def test_allocation_sentences_from_other_fields(text, expected):
    assert arms_of(text) == expected


def test_malformed_sections_are_ignored():
    text = "Methods: Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38)."
    structure = {"sections": [{"name": "methods"}, {"name": "results", "start": "x", "end": 5},
                              {"name": "methods", "start": 50, "end": 10}]}
    assert arms_of(text, structure) == [("rituximab", 40, "experimental"), ("azathioprine", 38, "control")]


def test_timepoints_leave_ages_out_and_outcomes_leave_results_out():
    text = ("Adults aged 18 to 74 years (mean age 45 years; 20% <18 years) were randomly assigned to ravulizumab or "
            "placebo for 26-week treatment. The primary endpoint was time to first relapse, as determined by an "
            "adjudication committee. The primary endpoint was not met: relapse rates were similar at week 26.")
    study = build_study("doc", text)
    assert study.timepoints == ["26 weeks", "week 26"]
    assert study.outcomes == ["time to first relapse"]


@pytest.mark.parametrize("text,expected", [
    # names the lexicon does not know, each with its size, in a sentence that compares them
    ("The trial compared early surgery (n = 37) with conventional treatment (n = 38) in infective endocarditis.",
     [("early surgery", 37, "experimental"), ("standard care", 38, "control")]),
    ("Participants were allocated to cognitive behavioural therapy (CBT; n = 75) or treatment as usual (TAU; n = 74).",
     [("cognitive behavioural therapy", 75, "experimental"), ("standard care", 74, "control")]),
    # a regimen written inside the allocation list
    ("Patients were randomized (2:1) to drug X 5 mg/kg IV every 4 weeks (n=120) or matching placebo (n=60) for 52 weeks.",
     [("drug x", 120, "experimental"), ("placebo", 60, "control")]),
    # "N in the X arm"
    ("A total of 300 patients were enrolled: 150 in the intervention arm and 150 in the control arm.",
     [("intervention", 150, "experimental"), ("control", 150, "control")]),
    # patient groups with sizes are not arms
    ("Women (n = 19) and men (n = 31) were enrolled; all received the vaccine.", []),
])
def test_sized_arms_the_lexicon_does_not_know(text, expected):
    assert arms_of(text) == expected


def test_a_meta_analysis_has_no_arms_of_its_own():
    text = ("A total of 27 studies were included in the meta-analysis, a pool of 978 patients. Of these patients, 148 "
            "received TCZ and the remaining 930 patients received AZA.")
    assert arms_of(text) == []
    cohort = "Of 1078 patients in this cohort, 148 received TCZ and the remaining 930 patients received AZA."
    assert arms_of(cohort) == [("tocilizumab", 148, "other"), ("azathioprine", 930, "other")]


def test_counted_arms_of_combinations_and_against_placebo():
    assert arms_of("Of the 112 attacks, 49 were treated with IVMP plus PLEX and the others with IVMP alone.") == [
        ("intravenous methylprednisolone + plasma exchange", 49, "experimental")]
    assert arms_of("Of 17 patients enrolled, 8 received IVIG and 9 received placebo.") == [
        ("intravenous immunoglobulin", 8, "experimental"), ("placebo", 9, "control")]


def test_low_and_high_dose_arms_join_their_amounts():
    text = ("Patients were randomly assigned (1:1:1) to weekly 0.2 g/kg or 0.4 g/kg subcutaneous immunoglobulin (SCIG) "
            "or placebo for 24 weeks. Findings: 171 patients were randomly assigned: 57 to low-dose SCIG, 57 to "
            "high-dose SCIG and 57 to placebo.")
    assert arms_of(text) == [("subcutaneous immunoglobulin 0.2 g/kg", 57, "experimental"),
                             ("subcutaneous immunoglobulin 0.4 g/kg", 57, "experimental"), ("placebo", 57, "control")]


def test_an_abbreviation_defined_with_an_arm_names_it_later():
    study = build_study("doc", "Participants were allocated to cognitive behavioural therapy (CBT; n = 75) or "
                               "treatment as usual (TAU; n = 74). Remission: 40% in the CBT group.")
    assert "CBT" in study.arms[0].aliases and "TAU" in study.arms[1].aliases
    assert study.resolve("CBT") is study.arms[0] and study.resolve("the TAU group") is study.arms[1]


def test_a_regimen_named_without_its_drug_takes_the_drug_of_its_sibling():
    text = ("Patients with active lupus nephritis were randomised 1:1:1 to anifrolumab basic regimen (BR; n=45), "
            "intensified regimen (IR; n=50) or placebo (n=45) plus standard therapy.")
    assert arms_of(text) == [("anifrolumab basic regimen", 45, "experimental"),
                             ("anifrolumab intensified regimen", 50, "experimental"), ("placebo", 45, "control")]


def test_spelled_out_arm_size_and_one_control_named_twice():
    """ "Sixty-two patients were randomised to X": a spelled-out size; "conventional management" in the methods
    and "control treatment" in the results are one control arm."""
    text = ("Methods: High-risk surgical patients were allocated to post-operative GDT to attain an oxygen delivery "
            "index of 600 ml or to conventional management. Results: Sixty-two patients were randomised to GDT and 60 "
            "patients to control treatment.")
    assert arms_of(text) == [("standard care", 60, "control"), ("gdt", 62, "experimental")]


def test_a_day_before_in_the_group_is_no_arm_size():
    text = ("Patients were randomly assigned to rituximab or azathioprine. The first recurrences were observed at "
            "day 35 in the rituximab group and day 42 in the azathioprine group.")
    assert [n for _, n, _ in arms_of(text)] == [None, None]


def test_allocation_to_the_two_arms_names_no_arm():
    text = ("Patients were allocated to the two treatment arms based on a pre-generated randomization list that was "
            "produced and held independently of the field teams by a statistician.")
    assert arms_of(text) == []


def test_an_arm_named_by_a_defined_abbreviation_is_the_arm_of_the_full_name():
    """ "chloroquine (CQ)" in the text and "CQ (n = 268)" in a table header: one arm named chloroquine."""
    text = ("Patients received chloroquine (CQ) or dihydroartemisinin-piperaquine (DP).\n"
            "Table 1. Baseline characteristics\n| Characteristic | CQ (n = 268) | DP (n = 266) |\n| Age | 11 | 12 |")
    header = text.index("| Characteristic")
    cells = []
    for col, word in enumerate(["Characteristic", "CQ (n = 268)", "DP (n = 266)"]):
        start = text.index(word, header)
        cells.append({"row": 0, "col": col, "text": word, "start": start, "end": start + len(word), "header": True})
    row = text.index("| Age")
    for col, word in enumerate(["Age", "11", "12"]):
        start = text.index(word, row)
        cells.append({"row": 1, "col": col, "text": word, "start": start, "end": start + len(word), "header": False})
    structure = {"sections": [], "tables": [{"table_id": "T1", "caption": "Table 1. Baseline characteristics",
                                             "start": text.index("Table 1"), "end": len(text), "header_rows": 1,
                                             "cells": cells}]}
    arms = arms_of(text, structure)
    assert ("chloroquine", 268) in [(c, n) for c, n, _ in arms]
    assert ("dihydroartemisinin-piperaquine", 266) in [(c, n) for c, n, _ in arms]
    assert len(arms) == 2


def test_a_stem_named_arm_compared_with_placebo_in_one_sentence_is_the_trials_treatment():
    text = ("Methods: a secondary analysis of a randomised placebo-controlled trial in 2,322 patients with type 2 "
            "diabetes. Results: After 1 year, the atorvastatin arm showed a net CRP lowering of 32% (95% CI -40%, -22%) "
            "compared with placebo.")
    study = build_study("d1", text)
    assert {(a.canonical, a.role) for a in study.arms} == {("atorvastatin", "experimental"), ("placebo", "control")}
    # a stem word with no comparison to placebo in its sentence defines no arm
    assert build_study("d2", "Results: the atorvastatin arm showed a net CRP lowering of 32% after 1 year.").arms == []


def test_an_estimate_against_placebo_takes_the_stem_named_arm_as_its_intervention():
    from evidence_review.extract.core import extract_document
    text = ("Methods: a secondary analysis of a randomised placebo-controlled trial in 2,322 patients with type 2 "
            "diabetes. Results: After 1 year, the atorvastatin arm showed a net CRP lowering of 32% (95% CI -40%, -22%) "
            "compared with placebo. Atorvastatin reduced CVD in patients with above median change in CRP (HR 0.57 "
            "[95% CI 0.37, 0.88]).")
    rows = extract_document("d1", text, study=build_study("d1", text))
    hr = next(r for r in rows if r["measure"] == "HR")
    assert (hr["intervention"], hr["comparator"]) == ("atorvastatin", "placebo")


def test_a_dose_written_before_its_drug_leaves_the_drug_as_the_arms_name():
    text = ("Methods: Patients were randomly assigned to receive 200 mg of dupilumab every 2 weeks or a matched "
            "placebo. Results: the rate was 47.7% lower with dupilumab than with placebo.")
    study = build_study("d1", text)
    assert {a.canonical for a in study.arms} == {"dupilumab", "placebo"}


def test_a_background_both_arms_share_names_neither_arm():
    from evidence_review.extract.study import arm_key
    # "Placebo combination" is the placebo arm, so "Pembrolizumab combination" is the pembrolizumab arm
    assert arm_key("Pembrolizumab combination")[0] == "pembrolizumab"
    assert arm_key("Placebo combination")[0] == "placebo"
    assert arm_key("nivolumab plus ipilimumab")[0] == "nivolumab plus ipilimumab"   # two drugs: a combination arm
    assert arm_key("Combination")[0] == "combination"                             # an arm called so keeps its name


def test_respectively_is_no_arm():
    text = ("Methods: we randomly assigned adults with treatment-resistant depression to receive a single dose of a "
            "proprietary, synthetic formulation of psilocybin at a dose of 25 mg, 10 mg, or 1 mg (control). Results: Of "
            "233 participants, 79, 75 and 79 were assigned to the 25-mg, 10-mg and 1-mg doses, respectively (Table 1).")
    arms = build_study("d1", text).arms
    assert "respectively" not in {a.canonical for a in arms}
    assert [a.role for a in arms].count("control") == 1


def test_an_estimate_naming_one_arm_of_a_two_arm_trial_is_against_the_other():
    from evidence_review.extract.core import extract_document
    text = ("Methods: 122 patients were randomly assigned to goal-directed therapy (GDT; n = 62) or conventional "
            "management (n = 60). Results: Fewer GDT patients developed complications (27 patients (44%) versus 41 "
            "patients (68%); p = 0.003, relative risk 0.63; 95% confidence intervals 0.46 to 0.87).")
    study = build_study("d1", text)
    rr = next(r for r in extract_document("d1", text, study=study) if r["measure"] == "RR")
    assert (rr["intervention"], rr["comparator"]) == ("goal-directed therapy", "standard care")


def test_a_clause_after_an_allocation_is_no_arm():
    text = ("Results: At 6 weeks, 92% of those randomized to citalopram were still taking their medication, compared "
            "with 72% of those randomized to reboxetine.")
    assert "compared" not in {a.canonical for a in build_study("d1", text).arms}


def test_a_trial_comparing_a_treatment_with_a_control_defines_both_arms():
    from evidence_review.extract.core import extract_document
    text = ("Background: We evaluated the effectiveness of internet-delivered Cognitive Behaviour Therapy (iCBT) on "
            "depressive symptoms. Methods: Randomised double-blind, 12 week attention-controlled trial comparing an iCBT "
            "programme (E-couch) with an internet-delivered attention control health information package (HealthWatch, "
            "n = 282). Results: In ITT analysis of 562 participants iCBT produced a greater decline in the mean PHQ-9 "
            "score compared to the attention control of 1.06 (95% CI: 0.23-1.89) points.")
    study = build_study("d1", text)
    # the abbreviation the document defined names the arm in full; the control keeps its size
    assert {(a.canonical, a.role, a.n) for a in study.arms} == {
        ("internet-delivered cognitive behaviour therapy", "experimental", None), ("control", "control", 282)}
    md = next(r for r in extract_document("d1", text, study=study) if r["measure"] == "MD")
    assert (md["intervention"], md["comparator"]) == ("internet-delivered cognitive behaviour therapy", "control")


def test_allocation_to_two_named_groups_after_a_colon_and_the_arm_given_alone_is_the_control():
    text = ("Methods: A total of 120 patients with resectable lung cancer were randomly assigned to two groups: "
            "lobectomy alone (L) and lobectomy plus intrapleural instillation of 5 x 10 viral particles of "
            "vector-IL12 (LV). Results: Recurrence was lower in the LV group.")
    arms = build_study("doc", text).arms
    assert [(a.canonical.split()[0], a.role) for a in arms] == [("lobectomy", "control"), ("lobectomy", "experimental")]
    assert "vector-il12" in arms[1].canonical and "plus" in arms[1].canonical


def test_randomized_into_one_of_two_treatment_arms():
    text = ("Two hundred patients were randomized into one of two adjuvant treatment arms: long-course "
            "chemoradiation (LCR) and short-course irradiation (SCI) followed by surgery.")
    assert arms_of(text) == [("long-course chemoradiation", None, "experimental"),
                             ("short-course irradiation", None, "control")]


def test_doses_written_once_with_their_unit_and_a_comparator_with_an_article():
    text = ("Patients were randomly assigned in a 1:1:1 ratio to receive baricitinib at a dose of 2 mg or 4 mg once "
            "daily or an interleukin-6 inhibitor.")
    assert arms_of(text) == [("baricitinib 2 mg", None, "experimental"), ("baricitinib 4 mg", None, "experimental"),
                             ("interleukin-6 inhibitor", None, "control")]
    text = ("We randomly assigned 900 adults in a 2:2:1:1 ratio to receive add-on subcutaneous tralokinumab at a dose "
            "of 150 or 300 mg every 4 weeks or matched-volume placebos for 52 weeks.")
    assert arms_of(text) == [("tralokinumab 150 mg", None, "experimental"), ("tralokinumab 300 mg", None, "experimental"),
                             ("placebo", None, "control")]


def test_a_list_of_doses_names_its_control_and_a_later_count_joins_the_arm_of_that_dose():
    text = ("Methods: we randomly assigned adults to receive a single oral dose of a novel, purified preparation of "
            "mescaline at a dose of 300 mg, 100 mg, or 10 mg (control), along with psychological support. Results: "
            "61 were assigned to the 300-mg dose and 60 to the 100-mg dose.")
    arms = build_study("doc", text).arms
    assert [(a.canonical, a.role) for a in arms] == [
        ("purified preparation of mescaline 300 mg", "experimental"),
        ("purified preparation of mescaline 100 mg", "experimental"),
        ("purified preparation of mescaline 10 mg", "control")]
    assert [a.n for a in arms] == [61, 60, None]


def test_a_control_group_the_text_says_received_no_drug_is_named_so():
    text = ("Methods: Patients were randomly assigned to the ezetimibe group or the control group. The ezetimibe group "
            "received 10 mg of ezetimibe daily; the control group patients received no lipid-lowering drugs.")
    arms = build_study("doc", text).arms
    assert [(a.canonical.split()[:2], a.role) for a in arms] == [
        (["ezetimibe"], "experimental"), (["no", "lipid-lowering"], "control")]


def test_a_background_every_arm_gives_is_not_part_of_the_arms_names():
    text = ("Methods: We randomly assigned 600 patients to receive nivolumab plus gemcitabine plus cisplatin or placebo "
            "plus gemcitabine plus cisplatin as first-line treatment.")
    arms = build_study("doc", text).arms
    assert [(a.canonical, a.role) for a in arms] == [("nivolumab", "experimental"), ("placebo", "control")]
    assert build_study("doc", text).resolve("nivolumab plus gemcitabine plus cisplatin") is not None
    # arms that differ in every part keep their full names
    text = "Patients were randomly assigned to dabrafenib plus trametinib or vemurafenib."
    assert [a.canonical for a in build_study("doc", text).arms] == ["dabrafenib plus trametinib", "vemurafenib"]


def test_a_clause_after_allocated_is_no_allocation_list():
    text = ("Methods: Patients were randomly allocated to receive baricitinib or usual care. Results: Among those not "
            "ventilated at baseline, patients allocated baricitinib were less likely to reach the composite endpoint "
            "of invasive ventilation or death (32% vs 38%).")
    assert [(a.canonical, a.role) for a in build_study("doc", text).arms] == [
        ("baricitinib", "experimental"), ("standard care", "control")]


def test_two_treatments_named_by_those_randomized_to_them_and_the_title_names_the_design():
    text = ("A randomized controlled trial of two antipsychotics (olanzapine versus aripiprazole)\n"
            "Background: Meta-analyses suggest that aripiprazole causes less weight gain.\n"
            "Results: At 8 weeks, 88% of those randomized to olanzapine were still taking their medication, compared "
            "with 70% of those randomized to aripiprazole.")
    study = build_study("doc", text)
    assert study.design == "RCT"
    assert sorted(a.canonical for a in study.arms) == ["aripiprazole", "olanzapine"]


def test_either_or_with_sizes_names_arms_the_lexicon_does_not_know():
    text = "In a double-blind fashion, they received either placebo (n=30) or epsilon-aminocaproic acid (n=31) 100 mg/kg."
    assert arms_of(text) == [("placebo", 30, "control"), ("epsilon-aminocaproic acid", 31, "experimental")]


def test_a_schedule_alone_is_the_drug_on_that_schedule_and_a_shared_background_is_no_arm():
    text = ("Methods: We randomly assigned 300 patients, in a 2:1:1 ratio, to receive subcutaneous sarilumab (at a dose "
            "of 200 mg) weekly or every other week, combined with a 26-week methotrexate taper, or placebo combined "
            "with a methotrexate taper over a period of 26 weeks.")
    assert arms_of(text) == [("sarilumab weekly", None, "experimental"),
                             ("sarilumab every other week", None, "experimental"), ("placebo", None, "control")]


def test_a_dosage_form_is_not_part_of_an_arms_name():
    text = ("Sixty infants were randomized to receive either zinc oxide cream (n = 30) or chamomile ointment (n = 30). "
            "Results: Improvement was faster with topical zinc oxide than with chamomile.")
    assert arms_of(text) == [("zinc oxide", 30, "experimental"), ("chamomile", 30, "control")]


def test_a_drug_given_alone_in_a_three_arm_trial_is_not_the_control():
    text = ("Patients were randomly assigned in a 1:1:1 ratio to receive relatlimab alone, relatlimab plus nivolumab, "
            "or nivolumab alone.")
    assert [(a.canonical, a.role) for a in build_study("doc", text).arms] == [
        ("relatlimab", "experimental"), ("relatlimab plus nivolumab", "experimental"), ("nivolumab", "control")]


def test_group_labels_at_the_end_of_allocation_items_name_the_arms():
    text = ("Adults with hepatitis B were randomly assigned in a 1:1 ratio to receive antiviral therapy either at "
            "enrolment (immediate therapy) or after a rise in the ALT level or the onset of cirrhosis (deferred "
            "therapy).")
    assert [(a.canonical, a.role) for a in build_study("doc", text).arms] == [
        ("immediate antiviral therapy", "experimental"), ("deferred antiviral therapy", "control")]


def test_a_lists_joint_is_no_arm():
    text = ("Infants were randomly assigned 1:1 to prophylactic ibuprofen at vaccination, and at 6-8 hour intervals "
            "thereafter, or a control group that received no ibuprofen.")
    assert "and" not in [a.canonical for a in build_study("doc", text).arms]


def test_an_arm_named_by_its_concentration_keeps_it():
    study = build_study("doc", "Patients were randomly assigned to glycine 1.5% solution (n = 40) or normal saline 0.9% "
                               "solution (n = 40).")
    assert [a.canonical for a in study.arms] == ["glycine 1.5% solution", "normal saline 0.9% solution"]


def test_a_table_column_named_by_the_arms_short_name_is_the_arm_the_allocation_names_in_full():
    text = ("Methods: Patients were randomly allocated to use either lidocaine 2% gel (lidocaine group, n = 80) or "
            "plain water-based gel (control group, n = 80).\n"
            "Table 1. Outcomes\n"
            "| Outcome | Lidocaine group (n = 80) | Control group (n = 80) |\n"
            "| Pain score, mean \u00b1 SD | 3.1 \u00b1 1.2 | 4.4 \u00b1 1.5 |")
    structure = {"sections": [], "tables": [pipe_table(text, "| Outcome | Lidocaine group (n = 80) | Control group (n = 80) |")]}
    study = build_study("doc", text, structure)
    lidocaine = study.resolve_column("Lidocaine group (n = 80)")
    assert lidocaine is not None and (lidocaine.name, lidocaine.canonical, lidocaine.n) == (
        "lidocaine 2% gel", "lidocaine 2%", 80)


@pytest.mark.parametrize("sentence, named", [
    ("In comparison with the control group treated with standard therapy only, the treatment group received "
     "rituximab.", "standard therapy"),
    ("Patients in the observation group were given rituximab in addition to the conventional treatment.",
     "conventional treatment"),
])
def test_a_control_arm_called_control_is_named_by_the_control_treatment_it_received(sentence, named):
    text = ("Methods: 120 patients were randomly divided into a control group and a treatment group (n = 60). "
            + sentence + "\nTable 1. Outcomes\n| Outcome | Control group (n = 60) | Treatment group (n = 60) |\n"
            "| Score, mean \u00b1 SD | 3.1 \u00b1 1.2 | 4.4 \u00b1 1.5 |")
    structure = {"sections": [], "tables": [pipe_table(text, "| Outcome | Control group (n = 60) | Treatment group (n = 60) |")]}
    study = build_study("doc", text, structure)
    control = study.resolve_column("Control group (n = 60)")
    assert control is not None and control.canonical == named and control.role == "control"


def test_a_control_and_the_same_control_with_an_intervention_named_by_its_acronym():
    from evidence_review.extract import extract_document
    text = ("Methods: Participants were randomised to either usual community care (treatment as usual) or treatment as "
            "usual with a structured exercise programme (STEP).\nResults: There were no differences between the groups "
            "in the fatigue score (\u22121.20, 95% CI -2.50 to 0.10).")
    study = build_study("doc", text)
    assert [(a.canonical, a.role, "STEP" in a.aliases) for a in study.arms] == [
        ("standard care", "control", False), ("structured exercise programme", "experimental", True)]
    rows = extract_document("doc", text, study=study)
    assert [(r["measure"], r["intervention"], r["comparator"]) for r in rows] == [
        ("MD", "structured exercise programme", "standard care")]


def test_an_arm_named_by_two_defined_abbreviations_joined_by_a_slash_is_their_combination():
    text = ("Methods: Children were randomized to amodiaquine (AQ), artesunate (AS) or AQ/AS. Results: Failure occurred "
            "in 20% of the AQ group (n = 100), 15% of the AS group (n = 98) and 5% of the AQ/AS group (n = 99).")
    study = build_study("doc", text)
    combined = study.resolve("AQ/AS")
    assert combined is not None and combined.canonical == "amodiaquine plus artesunate"


# ------------------------------------------------------------------ lettered groups named by what they received
LETTERED_RECEIVED = (
    "Methods: Ninety adults were randomly divided into three groups. Group A (30 cases) and group B (30 cases) were "
    "given 14-day bismuth quadruple therapy; group C (30 cases) was given 14-day dual therapy. Group A received 40 mg "
    "of a proton-pump inhibitor twice daily and group B the same in a different order.\n"
    "Results: The cure rate of each group was: group A 90.0% (27/30), group B 80.0% (24/30) and group C 70.0% "
    "(21/30).")


def test_lettered_groups_are_named_by_what_the_methods_say_they_received():
    study = build_study("doc", LETTERED_RECEIVED)
    assert [(a.name, a.canonical, a.n) for a in study.arms] == [
        ("group A", "14-day bismuth quadruple therapy group a", 30),
        ("group B", "14-day bismuth quadruple therapy group b", 30),
        ("group C", "14-day dual therapy", 30)]
    # the letter stays a name of the arm: tables and sentences that say "group A" still resolve
    assert study.resolve("Group A").canonical == "14-day bismuth quadruple therapy group a"
    assert study.resolve("group C (n = 30)").canonical == "14-day dual therapy"
    assert study.resolve("group B").canonical.endswith("group b")


def test_rows_of_lettered_groups_carry_what_each_group_received():
    from evidence_review.extract import extract_one
    rows, _, _ = extract_one("d", LETTERED_RECEIVED)
    got = [(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]
    assert got == [("14-day bismuth quadruple therapy group a", 27, 30),
                   ("14-day bismuth quadruple therapy group b", 24, 30), ("14-day dual therapy", 21, 30)]


def test_lettered_groups_defined_after_colons_take_those_names():
    text = ("Thirty-six eyes were randomly assigned to three groups (group A: standard flap closure, group B: "
            "rotated-flap closure and group C: free-graft closure). Thirty-six eyes were enrolled (group A: 12, "
            "group B: 12, group C: 12).")
    study = build_study("doc", text)
    assert [(a.canonical, a.n) for a in study.arms] == [
        ("standard flap closure", 12), ("rotated-flap closure", 12), ("free-graft closure", 12)]
    assert study.resolve("group B").canonical == "rotated-flap closure"


def test_lettered_groups_stay_lettered_unless_every_group_is_described():
    text = ("Sixty patients were randomly divided into three groups: group A (20 cases) received gel twice daily, "
            "group B (20 cases) once daily and group C (20 cases) nothing. Group A: 14 healed.")
    assert [a.canonical for a in build_study("doc", text).arms] == ["group a", "group b", "group c"]


def test_a_combination_keeps_the_partner_the_lexicon_does_not_know():
    text = "Adults were randomly assigned to abatacept plus methotrexate (n = 90) or abatacept alone (n = 88)."
    assert arms_of(text) == [("abatacept + methotrexate", 90, "experimental"), ("abatacept", 88, "control")]
    # a control word or a dose is no partner
    text = "Adults were randomly assigned to methotrexate plus standard therapy (n = 90) or standard therapy (n = 88)."
    assert arms_of(text)[0][0] == "methotrexate"
    text = "Adults were randomly assigned to methotrexate plus 5 mg folic acid (n = 90) or methotrexate alone (n = 88)."
    assert arms_of(text)[0][0] == "methotrexate + folic acid"


def test_a_slash_between_two_treatments_names_a_combination():
    # "Abatacept/Methotrexate" over one column and "Methotrexate" over the other: two arms, not one (each column
    # then keeps its own size); a unit's or a rate's slash, and a placebo's, join nothing
    from evidence_review.extract.study import arm_key
    assert arm_key("Abatacept/Methotrexate")[0] == "abatacept + methotrexate"
    assert arm_key("Methotrexate")[0] == "methotrexate"
    assert arm_key("methotrexate 10 units/week") == ("methotrexate", "10 units")
    assert arm_key("Saline/placebo")[0] == "placebo"


def test_table_columns_of_a_slash_combination_and_its_background_keep_their_sizes():
    import sys
    sys.path.insert(0, "tests")
    from table_grids import read_pipe_table
    text = ("Adults were randomized to abatacept plus methotrexate (n = 13) or methotrexate alone (n = 14).\n"
            "Table 4. Adverse events\n"
            "| Events N (%) | Abatacept/Methotrexate | Methotrexate |\n"
            "| | (N = 13) | (N = 14) |\n"
            "| Any AE | 7 (53.8%) | 7 (50.0%) |\n")
    _, rows = read_pipe_table(text, "| Events N (%) | Abatacept/Methotrexate | Methotrexate |",
                              caption="Table 4. Adverse events", header_rows=2)
    assert sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION") == \
        [("abatacept + methotrexate", 7, 13), ("methotrexate", 7, 14)]


def test_either_of_two_combinations_sharing_a_background_drug_are_two_arms():
    # "either the group receiving X and Y or the one receiving Z and Y": the "and" joins each arm's drugs, the "or"
    # the two arms; the drug both receive is their background, not an arm
    text = ("Methods: Sixty adults were allocated to either the group receiving the combination of remifentanil and "
            "lidocaine (lidocaine group) or the one receiving propofol and remifentanil (propofol group) for sedation.")
    study = build_study("doc", text)
    assert [(a.canonical, a.role) for a in study.arms] == [("lidocaine", "experimental"), ("propofol", "control")]
    assert study.resolve("remifentanil and lidocaine").canonical == "lidocaine"
    assert study.resolve("the propofol group").canonical == "propofol"


def test_what_a_drug_is_mixed_with_is_no_arm():
    text = ("The children were allocated into two groups: Group C (30 patients) received oral clonidine 4 mcg/kg, "
            "mixed with apple juice 5 ml/kg, while group CK (30 patients) received the same mixture with ketamine. "
            "The children were randomly assigned to receive either clonidine (Group C) or clonidine-ketamine "
            "(Group CK) as premedication.")
    assert [a.canonical for a in build_study("doc", text).arms] == ["clonidine", "clonidine-ketamine"]


def test_a_group_named_by_its_defined_abbreviation_gives_its_size():
    text = ("The children were randomly assigned to receive either clonidine (Group C) or clonidine-ketamine (Group CK) "
            "as premedication. The children were allocated into two groups: Group C (31 patients) received oral "
            "clonidine, while group CK (29 patients) received the same with ketamine.")
    assert [(a.canonical, a.n) for a in build_study("doc", text).arms] == [("clonidine", 31), ("clonidine-ketamine", 29)]
