"""Arms' counts and shares in sentences, read with the study model (sizes stated once, in the methods): the subject of a
copula whose complement is the arms' shares ("X was 6% in the A group, ..."), counts seen in the patients of each arm,
a bracket splitting a number of people by arm, a count with its arm's name before its people ("8 A patients"), and a
count larger than its arm, which is no row. Sentences written for these tests (names, numbers and fields varied); each
shape has negatives of the same look."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

TWO = "Adults were randomly assigned to sumatriptan (n = 40) or placebo (n = 38). "
THREE = "Smokers were randomly assigned to varenicline (n = 120), bupropion (n = 110) or placebo (n = 60). "



def _read(text: str) -> list[dict]:
    # (treatments the lexicon does not know: their arms come from the study model, as in a document's run)
    return extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))

def _counts(allocation: str, text: str) -> list[tuple]:
    rows = _read(allocation + text)
    return sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")


@pytest.mark.parametrize("text", [
    "Abstinence was 25% in the varenicline group, 10% in the bupropion group and 5% in the placebo group.",
    "Abstinence at week 12 was 25% in the varenicline group, 10% in the bupropion group and 5% in the placebo group.",
    "Abstinence rates were 25%, 10% and 5% in the varenicline, bupropion and placebo groups, respectively.",
])
def test_shares_of_an_outcome_the_lexicon_does_not_know_given_by_a_copula(text):
    # the counts derived from the arms' sizes, as the labelling rules derive them
    assert _counts(THREE, text) == [("bupropion", 11, 110), ("placebo", 3, 60), ("varenicline", 30, 120)]


@pytest.mark.parametrize("text", [
    # a change, not a share of the arm
    "Cigarette consumption fell by 25% in the varenicline group, 10% in the bupropion group and 5% in the placebo group.",
    # a quantity measured in percent: the arms' means, no shares of their patients
    "HbA1c was 7.2% in the varenicline group, 7.5% in the bupropion group and 7.9% in the placebo group.",
    # another population's shares
    "In earlier trials (Smith et al. 2011), abstinence was 25% with varenicline and 10% with bupropion.",
])
def test_no_share_where_the_copula_gives_a_change_or_another_studys_figure(text):
    assert _counts(THREE, text) == []


def test_counts_seen_in_the_patients_of_each_arm():
    text = "Eleven complications were seen in 6 patients in the sumatriptan group and in 4 patients in the placebo group."
    assert _counts(TWO, text) == [("placebo", 4, 38), ("sumatriptan", 6, 40)]


def test_a_bracket_splitting_a_number_of_people_by_arm():
    text = "In total, 30 patients were colonised (14 in the sumatriptan group and 16 in the placebo group)."
    assert _counts(TWO, text) == [("placebo", 16, 38), ("sumatriptan", 14, 40)]


def test_a_bracket_that_does_not_add_up_to_the_people_before_it_is_not_read_without_an_outcome():
    text = "In total, 30 patients were colonised (10 in the sumatriptan group and 16 in the placebo group)."
    assert _counts(TWO, text) == []


def test_a_count_with_its_arms_name_before_its_people():
    text = "Dizziness occurred in 7 sumatriptan patients and 12 placebo patients."
    assert _counts(TWO, text) == [("placebo", 12, 38), ("sumatriptan", 7, 40)]


@pytest.mark.parametrize("text", [
    "Seven sumatriptan patients and twelve placebo patients were excluded from the analysis.",     # who was left out
    "The median score was 7 in the sumatriptan group and 12 in the placebo group.",                # a level, not people
])
def test_counts_beside_arms_that_are_not_events(text):
    assert _counts(TWO, text) == []


def test_a_count_larger_than_its_arm_is_no_row():
    rows = _read(TWO + "Nausea was reported by 45 patients in the sumatriptan group.")
    assert [r for r in rows if r["measure"] == "PROPORTION" and r["events"] is not None and r["total"] is not None
            and r["events"] > r["total"]] == []


# ------------------------------------------- a list of counts each before its arm, the people named once, at its end
CODED = "Adults were randomly assigned to magnesium sulfate (MG, n = 44) or saline (SAL, n = 41). "


@pytest.mark.parametrize("text", [
    "Shivering was seen in 9 MG and 20 SAL patients.",
    "Shivering was seen in 9 (MG) and 20 (SAL) patients.",
    "Nine (MG) and 20 (SAL) patients had shivering.",
    "Shivering was seen in 9 MG patients and 20 SAL patients.",
])
def test_counts_each_before_its_arm_the_people_named_after_the_last(text):
    assert _counts(CODED, text) == [("magnesium sulfate", 9, 44), ("saline", 20, 41)]


@pytest.mark.parametrize("text", [
    "Shivering was seen in 9 MG and 20 SAL sessions.",     # no people counted: sessions, not patients
    "There were 9 MG and 20 SAL patients who were women.",  # who the patients were, not what happened to them
    "Shivering was seen in 9 MG and 20 of the SAL patients.",  # the second count is no count before its arm
])
def test_counts_before_arms_without_people_counted_or_of_a_trait_give_no_rows(text):
    assert ("magnesium sulfate", 9, 44) not in _counts(CODED, text)


@pytest.mark.parametrize("text", [
    "Twelve out of 44 (27%) patients from the MG group reported shivering.",
    "12 of 44 (27%) patients in the MG group reported shivering.",
    "12/44 (27%) participants from the MG group reported shivering.",
])
def test_a_count_over_its_whole_arm_with_its_share_then_the_people_of_the_arm(text):
    assert ("magnesium sulfate", 12, 44) in _counts(CODED, text)


@pytest.mark.parametrize("text", [
    "Twelve out of 44 (27%) patients from the MG group were women.",      # a trait, not an outcome
    "Twelve out of 44 (27%) patients from the MG group withdrew.",        # the flow of the trial
    "Twelve out of 50 (24%) patients from the MG group reported shivering.",  # not the arm's size
])
def test_a_count_with_its_share_then_its_arm_of_a_trait_or_the_flow_or_another_total_gives_no_arm_row(text):
    assert ("magnesium sulfate", 12, 44) not in _counts(CODED, text) and \
        not [c for c in _counts(CODED, text) if c[0] == "magnesium sulfate"]


@pytest.mark.parametrize("text", [
    "Nine MG and twenty SAL patients had shivering.",              # spelled out, no digit in the sentence
    "Nine (MG) and twenty (SAL) patients had shivering.",
])
def test_counts_spelled_out_each_before_its_arm(text):
    assert _counts(CODED, text) == [("magnesium sulfate", 9, 44), ("saline", 20, 41)]


PAEDIATRIC = "Children were randomly assigned to zinc syrup (ZS, n = 52) or a placebo syrup (PS, n = 50). "


@pytest.mark.parametrize("text", [
    "Vomiting occurred in eleven children in the ZS group and in 4 children in the PS group.",
    "Eleven children in the ZS group and 4 children in the PS group developed a rash.",
])
def test_counts_of_children_in_a_paediatric_trial_are_counts_of_an_outcome(text):
    counts = _counts(PAEDIATRIC, text)
    assert ("zinc syrup", 11, 52) in counts and any(c[1:] == (4, 50) for c in counts)


def test_counts_of_children_of_an_age_are_no_outcome():
    assert not _counts(PAEDIATRIC, "Eleven children in the ZS group and 4 children in the PS group were aged under two.")
