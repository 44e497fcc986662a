"""Arms the drug lexicon does not know (data/drugs.csv was built for one field): trial reports of cardiology,
oncology, psychiatry and infectious disease name their arms through the study model, and comparative estimates
keep their orientation. Each snippet is written for the test, in the shape such abstracts print."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_one
from evidence_review.extract.lexicon import find_drugs

HEART_FAILURE = (
    "Patients were randomly assigned to dapagliflozin 10 mg (n=2373) or placebo (n=2371). Over a median of 18.2 "
    "months, worsening heart failure or cardiovascular death occurred in 386 patients (16.3%) in the dapagliflozin "
    "group and 502 (21.2%) in the placebo group (HR 0.74; 95% CI 0.65 to 0.85).")
LUNG_CANCER = (
    "In this phase 3 trial, 616 patients with metastatic non-small-cell lung cancer were randomly assigned in a 2:1 "
    "ratio to receive pembrolizumab plus chemotherapy (n=410) or placebo plus chemotherapy (n=206). The estimated "
    "rate of overall survival at 12 months was 69.2% in the pembrolizumab combination group versus 49.4% in the "
    "placebo combination group (hazard ratio for death, 0.49; 95% CI, 0.38 to 0.64; P<0.001).")
DEPRESSION_SPRAY = (
    "Adults with treatment-resistant depression were randomized to esketamine nasal spray (n=114) or placebo nasal "
    "spray (n=109), each with a new oral antidepressant. Response at day 28 occurred in 69 of 114 patients (60.5%) in "
    "the esketamine group and 52 of 109 (47.7%) in the placebo group (odds ratio 1.68, 95% CI 0.99 to 2.86).")
DEPRESSION_LIST = (
    "We enrolled 402 adults with major depressive disorder (zuranolone, n = 199; placebo, n = 203). Remission "
    "occurred in 27% of the zuranolone group and 17% of the placebo group (OR 1.79, 95% CI 1.09 to 2.94).")
SCHIZOPHRENIA = (
    "Participants with schizophrenia were randomized to brexpiprazole 4 mg/day (n=178) or placebo (n=184). Relapse "
    "occurred in 23 patients (12.9%) in the brexpiprazole arm and 70 patients (38.0%) in the placebo arm (risk ratio "
    "0.34; 95% CI 0.22 to 0.52).")
HEART_FAILURE_ACTIVE = (
    "A total of 8442 patients were randomly assigned to sacubitril-valsartan (n=4187) or enalapril (n=4212). The "
    "primary outcome occurred in 914 patients (21.8%) in the sacubitril-valsartan group and 1117 patients (26.5%) in "
    "the enalapril group (HR 0.80; 95% CI 0.73-0.87).")
COVID_INPATIENT = (
    "Hospitalized adults with Covid-19 were randomly assigned to receive remdesivir (n=541) or placebo (n=521) for up "
    "to 10 days. Mortality by day 29 was 11.4% with remdesivir and 15.2% with placebo (hazard ratio, 0.73; 95% CI, "
    "0.52 to 1.03).")
OVARIAN = (
    "Patients with BRCA-mutated ovarian cancer were randomly assigned in a 2:1 ratio to olaparib tablets (300 mg "
    "twice daily; n=260) or placebo (n=131). The risk of disease progression or death was 70% lower with olaparib "
    "than with placebo (hazard ratio, 0.30; 95% CI, 0.23 to 0.41; P<0.001).")

ALL = [HEART_FAILURE, LUNG_CANCER, DEPRESSION_SPRAY, DEPRESSION_LIST, SCHIZOPHRENIA, HEART_FAILURE_ACTIVE,
       COVID_INPATIENT, OVARIAN]
UNKNOWN = ["dapagliflozin", "pembrolizumab", "esketamine", "zuranolone", "brexpiprazole", "sacubitril", "enalapril",
           "remdesivir", "olaparib"]


def rows_of(text: str, measure: str) -> list[dict]:
    rows, _study, errors = extract_one("doc", text, "doc.txt")
    assert errors == []
    return [r for r in rows if r["measure"] == measure]


def comparison(text: str, measure: str) -> tuple:
    (row,) = rows_of(text, measure)
    return row["value"], row["intervention"], row["comparator"], row["role"]


def arm_proportions(text: str) -> set[tuple]:
    return {(r["value"], r["intervention"], r["role"]) for r in rows_of(text, "PROPORTION")}


def test_the_snippets_name_drugs_the_lexicon_does_not_know():
    # the premise of this file: if the lexicon learns these names, the tests no longer test the study model
    assert [name for name in UNKNOWN if find_drugs(name)] == []


def test_heart_failure_hazard_ratio_and_arm_proportions_take_the_study_arms():
    assert comparison(HEART_FAILURE, "HR") == (0.74, "dapagliflozin", "placebo", "effect")
    assert arm_proportions(HEART_FAILURE) == {(0.163, "dapagliflozin", "effect"), (0.212, "placebo", "effect")}
    totals = {r["intervention"]: (r["events"], r["total"]) for r in rows_of(HEART_FAILURE, "PROPORTION")}
    assert totals == {"dapagliflozin": (386, 2373), "placebo": (502, 2371)}


def test_combination_arm_called_by_its_first_word_keeps_the_hazard_ratio_below_one():
    # "the pembrolizumab combination group" is the arm written "pembrolizumab plus chemotherapy", named for what it
    # adds to the chemotherapy both arms give
    value, intervention, comparator, _ = comparison(LUNG_CANCER, "HR")
    assert (value, intervention, comparator) == (0.49, "pembrolizumab", "placebo")


def test_formulation_words_are_not_part_of_the_arm_name():
    assert comparison(DEPRESSION_SPRAY, "OR") == (1.68, "esketamine", "placebo", "effect")
    assert arm_proportions(DEPRESSION_SPRAY) == {(0.605, "esketamine", "effect"), (0.477, "placebo", "effect")}


def test_size_list_with_a_placebo_item_defines_the_arms():
    rows, study, _ = extract_one("doc", DEPRESSION_LIST, "doc.txt")
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [("zuranolone", 199, "experimental"),
                                                                 ("placebo", 203, "control")]
    assert comparison(DEPRESSION_LIST, "OR") == (1.79, "zuranolone", "placebo", "effect")
    assert arm_proportions(DEPRESSION_LIST) == {(0.27, "zuranolone", "effect"), (0.17, "placebo", "effect")}


@pytest.mark.parametrize("text, measure, expected", [
    (SCHIZOPHRENIA, "RR", (0.34, "brexpiprazole", "placebo", "effect")),
    (HEART_FAILURE_ACTIVE, "HR", (0.80, "sacubitril-valsartan", "enalapril", "effect")),
    (COVID_INPATIENT, "HR", (0.73, "remdesivir", "placebo", "effect")),
    (OVARIAN, "HR", (0.30, "olaparib", "placebo", "effect")),
])
def test_comparisons_of_unknown_drugs_keep_their_orientation(text, measure, expected):
    assert comparison(text, measure) == expected


def test_a_result_in_an_unknown_arm_is_no_subgroup():
    # "in the brexpiprazole arm and 70 patients (38.0%)" once read as a subgroup label
    assert arm_proportions(SCHIZOPHRENIA) == {(0.129, "brexpiprazole", "effect"), (0.38, "placebo", "effect")}
    assert arm_proportions(HEART_FAILURE_ACTIVE) == {(0.218, "sacubitril-valsartan", "effect"),
                                                     (0.265, "enalapril", "effect")}
    assert all(r["subgroup"] == "" for text in ALL for r in extract_one("doc", text, "doc.txt")[0])


def test_a_first_word_two_arms_share_names_neither():
    # two doses of one unknown drug: "tirzepatide" alone names no single arm, so no estimate takes one of them
    text = ("Adults with obesity were randomly assigned to tirzepatide 5 mg (n=630), tirzepatide 15 mg (n=630) or "
            "placebo (n=643). Weight fell by 15.0% with tirzepatide 5 mg and by 20.9% with tirzepatide 15 mg.")
    _rows, study, _ = extract_one("doc", text, "doc.txt")
    from evidence_review.extract.core import _head_word
    assert [_head_word(a, study.arms) for a in study.arms] == ["", "", ""]


def test_a_regimen_word_is_no_first_word_name():
    from evidence_review.extract.core import _head_word
    from evidence_review.extract.study import build_study
    text = ("Patients were randomly assigned to intensive blood-pressure control (n=4678) or standard treatment "
            "(n=4683).")
    study = build_study("doc", text)
    assert len(study.arms) == 2
    assert [_head_word(a, study.arms) for a in study.arms] == ["", ""]


def test_two_doses_of_an_unknown_drug_each_keep_their_own_arm():
    # "vortioxetine" alone is both arms' name; "vortioxetine 20 mg" is one of them
    text = ("Adults were randomized to vortioxetine 10 mg (n=150), vortioxetine 20 mg (n=151) or placebo (n=152). "
            "The response rate was 33.8% for vortioxetine 20 mg and 22.4% for placebo (odds ratio 1.77, 95% CI 1.06 "
            "to 2.95).")
    assert comparison(text, "OR") == (1.77, "vortioxetine 20 mg", "placebo", "effect")
    totals = {(r["intervention"], r["total"]) for r in rows_of(text, "PROPORTION")}
    assert totals == {("vortioxetine 20 mg", 151), ("placebo", 152)}


def test_an_arm_of_one_drug_alone_is_named_by_the_drug():
    text = ("Patients with melanoma were randomized to nivolumab plus ipilimumab or to nivolumab alone. The hazard "
            "ratio for death with nivolumab plus ipilimumab versus nivolumab was 0.72 (95% CI, 0.59 to 0.87).")
    assert comparison(text, "HR") == (0.72, "nivolumab plus ipilimumab", "nivolumab", "effect")


@pytest.mark.parametrize("text, measure, expected", [
    ("Efficacy of lurasidone compared with placebo in bipolar depression: response was more frequent with "
     "lurasidone (OR 2.1, 95% CI 1.4-3.2).", "OR", (2.1, "lurasidone", "placebo", "effect")),
    ("In the rivaroxaban group, major bleeding occurred in 3.1% of patients versus 1.9% in the placebo group "
     "(HR 1.70; 95% CI 1.40 to 2.05).", "HR", (1.70, "rivaroxaban", "placebo", "effect")),
])
def test_a_placebo_controlled_drug_named_by_its_stem_without_an_allocation_sentence(text, measure, expected):
    assert comparison(text, measure) == expected


def test_two_stem_named_drugs_against_placebo_define_no_arms():
    # a review comparing two drugs with placebo: which one is the trial's is not said
    from evidence_review.extract.study import build_study
    text = ("Both lurasidone versus placebo (OR 2.1, 95% CI 1.4-3.2) and brexpiprazole versus placebo (OR 1.6, "
            "95% CI 1.1-2.2) improved response.")
    assert build_study("doc", text).arms == []


def test_ordinary_words_are_no_drug_names():
    from evidence_review.extract.study import build_study
    text = ("The intercept versus placebo was 0.4 (95% CI 0.1-0.7); the peptide and placebo levels were similar "
            "(OR 1.1, 95% CI 0.8-1.5).")
    assert build_study("doc", text).arms == []


def test_an_arm_called_by_one_word_of_its_name_keeps_the_name_the_document_gives_it():
    from evidence_review.extract import extract_document
    from evidence_review.extract.study import build_study
    text = ("Women were randomly assigned to vaginal estradiol pessaries (n = 210) or placebo (n = 205). Preterm birth "
            "was similar in both groups (31/210 [14.8%] in the estradiol group and 30/205 [14.6%] in the placebo group; "
            "relative risk 1.01, 95% CI 0.64 to 1.60).")
    rows = extract_document("doc", text, study=build_study("doc", text))
    assert [(r["measure"], r["intervention"], r["comparator"]) for r in rows] == [
        ("PROPORTION", "vaginal estradiol pessaries", ""), ("PROPORTION", "placebo", ""),
        ("RR", "vaginal estradiol pessaries", "placebo")]
