"""Shapes of counts, percentages and proportions on real-shaped sentences written for the tests: none of n,
counts naming their arm, percentages of an arm of known size, below one percent, proportions with an interval."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def proportions(text: str) -> list[tuple]:
    return sorted((r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION"))


# ---------------------------------------------------------------- none or no patient of a known total
def test_none_of_n_patients():
    text = ("None of the 58 patients treated with Ultomiris had an adjudicated relapse over a median of 73.5 weeks, "
            "compared with 20 of 47 patients in the placebo arm.")
    assert sorted((r["events"], r["total"]) for r in rows_of(text, "PROPORTION")) == [(0, 58), (20, 47)]


def test_no_patients_in_an_arm_of_known_size():
    text = ("38 patients were randomly assigned to the rituximab group (n=19) or the placebo group (n=19). No patients "
            "in the rituximab group had a relapse, compared with seven (37%) patients in the placebo group.")
    got = {(r["intervention"], r["events"], r["total"]) for r in rows_of(text, "PROPORTION")}
    assert ("rituximab", 0, 19) in got


# ---------------------------------------------------------------- counts naming their arm
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


def test_count_followed_by_who_received_names_the_arm():
    text = ("A total of 150 were assigned to receive belimumab and 148 to receive placebo. Herpes zoster occurred in "
            "9 patients (6.0%) who received belimumab and in 3 (2.0%) who received placebo.")
    assert proportions(text) == [(3, 148, "placebo"), (9, 150, "belimumab")]


def test_count_of_treated_participants_in_an_analysis_population():
    text = ("Of 150 participants, 75 were assigned to nipocalimab and 75 to placebo. Serious adverse events were "
            "reported in 6 (8%) nipocalimab-treated participants and 5 (7%) placebo-treated participants in the "
            "antibody-positive population.")
    assert proportions(text) == [(5, 75, "placebo"), (6, 75, "nipocalimab")]


def test_counts_listed_after_the_outcome():
    text = ("We included 120 patients (AZA, n = 60; RTX, n = 60). Treatment was stopped because of adverse events "
            "by 12 (20.0%) AZA and 3 (5.0%) RTX patients.")
    assert proportions(text) == [(3, 60, "rituximab"), (12, 60, "azathioprine")]


def test_count_list_with_patients_after_the_first_count():
    text = ("Patients started tacrolimus (TAC group, n = 50) or azathioprine (AZA group, n = 40). Adverse events led "
            "to withdrawal in four patients (8.0%) on TAC and 10 (25.0%) on AZA.")
    assert proportions(text) == [(4, 50, "tacrolimus"), (10, 40, "azathioprine")]


def test_spelled_counts_of_children_on_arms_before_the_outcome_verb():
    text = ("Methods: 60 children (IVIG n=31, azathioprine n=29) were included. Results: Two children (7%) on IVIG "
            "and four (14%) on azathioprine had treatment-related adverse events.")
    assert proportions(text) == [(2, 31, "intravenous immunoglobulin"), (4, 29, "azathioprine")]


def test_count_spelled_out_before_of_n():
    text = "Seven of 28 patients (25%) on IVIG relapsed, versus 15 of 30 (50%) on rituximab."
    assert proportions(text) == [(7, 28, "intravenous immunoglobulin"), (15, 30, "rituximab")]


def test_pair_of_counts_closed_by_respectively_follows_the_arms_named_before():
    text = ("Participants were randomly assigned to efgartigimod (n=100) or placebo (n=98). "
            "Adverse events occurred in 60 (60%) of 100 participants on efgartigimod and 50 (51%) of 98 on placebo; "
            "serious adverse events in seven (7%) and four (4%), respectively.")
    assert proportions(text) == [(4, 98, "placebo"), (7, 100, "efgartigimod"),
                                 (50, 98, "placebo"), (60, 100, "efgartigimod")]


# ---------------------------------------------------------------- percentages of an arm of known size
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


def test_percentage_with_its_arm_in_brackets():
    text = ("Patients were randomised to anifrolumab (n=50) or placebo (n=45). Complete renal response at week 52 "
            "was achieved by 31.1% (placebo) of patients.")
    [row] = rows_of(text, "PROPORTION")
    assert (row["intervention"], row["events"], row["total"]) == ("placebo", 14, 45)


def test_of_the_n_patients_then_a_percentage():
    text = ("Of the 117 patients who entered the extension, 56% achieved minimal manifestation status or "
            "pharmacological remission at some point.")
    [row] = rows_of(text, "PROPORTION")
    assert (row["value"], row["events"], row["total"]) == (0.56, 66, 117)


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


def test_arm_defined_by_an_abbreviation_with_its_size():
    text = ("Methods: Patients were randomised to anifrolumab basic regimen (BR; n=40), intensified regimen (IR; "
            "n=50) or placebo (n=40). Results: Complete renal response was achieved by 40.0% (IR), 30.0% (BR) and "
            "25.0% (placebo) of patients.")
    assert proportions(text) == [(10, 40, "placebo"), (12, 40, "anifrolumab basic regimen"),
                                 (20, 50, "anifrolumab intensified regimen")]


def test_shared_noun_after_two_treated_arms_and_primary_outcome_met():
    text = ("Participants were assigned to rituximab (n = 20) or placebo (n = 25). The primary outcome was met by "
            "60% of rituximab-treated and 40% of placebo-treated participants (odds ratio 2.25, 90% CI 0.80-6.30).")
    assert proportions(text) == [(10, 25, "placebo"), (12, 20, "rituximab")]
    assert [r["ci_level"] for r in rows_of(text, "OR")] == [0.9]


def test_a_threshold_in_words_is_not_an_arm_share():
    text = ("In all, 800 patients were randomized to dapagliflozin (n = 400) or sitagliptin (n = 400). The odds of "
            "reaching a fasting glucose level below 7% with dapagliflozin as compared with sitagliptin were 1.40 "
            "(95% CI, 1.05 to 1.87), and of a weight loss of at least 5% were 2.10 (95% CI, 1.50 to 2.94). The "
            "proportion of patients reaching a glycated hemoglobin level below 7% was higher with dapagliflozin "
            "than with sitagliptin (odds ratio 1.40, 95% CI, 1.05 to 1.87).")
    assert rows_of(text, "PROPORTION") == []


# ---------------------------------------------------------------- below one percent
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


# ---------------------------------------------------------------- proportions with an interval
def test_confidence_interval_inside_a_count_bracket():
    text = ("Methods: 30 patients were enrolled. Results: At week 12, 21 patients (70.0%; 95% CI 50.6-85.3) had "
            "an MG-ADL response.")
    got = rows_of(text, "PROPORTION")
    assert [(r["events"], r["total"], r["value"]) for r in got] == [(21, 30, pytest.approx(0.70))]


def test_pooled_proportion_with_interval():
    text = "The pooled proportion of relapse-free patients in the placebo arms was 41% (95% CI 33–50%; I² = 40%)."
    got = rows_of(text, "PROPORTION")
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in got] == [
        (pytest.approx(0.41), pytest.approx(0.33), pytest.approx(0.50))]


# ---------------------------------------------------------------- counts labelled by their arm in one bracket
ARMS_OF_TWO = "Patients were randomized to rituximab (n = 40) or placebo (n = 41). "


@pytest.mark.parametrize("bracket", [
    "(rituximab n = 3, placebo n = 8)",
    "[rituximab group = 3; placebo group = 8]",
    "(rituximab: n=3; and placebo: n=8)",
    "(placebo: 8, rituximab: 3)",
])
def test_counts_labelled_by_their_arm_in_a_bracket(bracket):
    text = ARMS_OF_TWO + f"Falls occurred in some patients {bracket}."
    assert proportions(text) == [(3, 40, "rituximab"), (8, 41, "placebo")]


@pytest.mark.parametrize("bracket", [
    "(visit 1: n=35; visit 2: n=30)",          # labels that are no arm
    "(rituximab: n=45; placebo: n=3)",         # more than the arm's stated size
    "(rituximab: n=3; rituximab: n=8)",        # one arm twice
    "(rituximab: 3/20; placebo: 8/21)",        # counts of a subgroup, not of the arm
])
def test_labelled_brackets_that_are_no_arms_counts(bracket):
    text = ARMS_OF_TWO + f"Falls occurred in some patients {bracket}."
    assert not [r for r in rows_of(text, "PROPORTION") if r["total"] in (40, 41)]
