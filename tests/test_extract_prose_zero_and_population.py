"""Arm-level numbers in prose: zero counts said for every arm, patients counted in a named arm, and shares of the
whole population named by their trait. Sentences written for these tests (names and numbers are not any
document's); each shape also has a case it must not read."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.restated import without_restatements

TWO_ARMS = "Patients were randomly assigned to tocilizumab (n = 52) or placebo (n = 50). "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", text, "doc.txt", "")


def _arm_rows(rows):
    return sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")


@pytest.mark.parametrize("sentence", [
    "No major complications were recorded.",
    "There were no serious or unexpected adverse events.",
    "No procedure-related complications (bleeding, infection or perforation) were documented during the study.",
    "None of the participants developed any hypersensitivity reactions.",
    "No drug-related adverse events have been reported in either arm.",
])
def test_zero_for_every_arm(sentence):
    assert _arm_rows(_rows(TWO_ARMS + sentence)) == [("placebo", 0, 50), ("tocilizumab", 0, 52)]


@pytest.mark.parametrize("sentence", [
    "No serious adverse events were reported in previous trials.",      # somewhere else
    "There were no significant differences in adverse events.",         # not a zero count
    "No deaths occurred.",                                              # left out by the labelling rule
])
def test_zero_not_read(sentence):
    assert _arm_rows(_rows(TWO_ARMS + sentence)) == []


def test_all_alive_is_no_death_in_any_arm():
    rows = _rows(TWO_ARMS + "All patients remained alive at the end of follow-up and no major toxicity has occurred.")
    got = sorted((r["intervention"], r["outcome"], r["events"]) for r in rows)
    assert got == [("placebo", "death", 0), ("placebo", "major toxicity", 0),
                   ("tocilizumab", "death", 0), ("tocilizumab", "major toxicity", 0)]


def test_zero_needs_known_arm_sizes():
    assert _rows("Patients were randomly assigned to tocilizumab or placebo. No major complications were recorded.") == []


@pytest.mark.parametrize("sentence, arm, events", [
    ("Five patients in the placebo group developed a urinary tract infection.", "placebo", 5),
    ("There were two cases of pancreatitis reported in the tocilizumab group.", "tocilizumab", 2),
    ("Pruritus was observed in 4 patients in the tocilizumab group.", "tocilizumab", 4),
])
def test_patients_counted_in_an_arm(sentence, arm, events):
    rows = _rows(TWO_ARMS + sentence)
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [(arm, events, 52 if arm == "tocilizumab" else 50)]


@pytest.mark.parametrize("sentence", [
    "Six patients in the placebo group had a history of asthma.",       # a trait at entry
    "Sixty patients in the placebo group developed a rash.",            # more than the arm holds
])
def test_patients_in_an_arm_not_read(sentence):
    assert _arm_rows(_rows(TWO_ARMS + sentence)) == []


def test_events_split_by_arm_in_a_bracket():
    rows = _rows(TWO_ARMS + "There were 31 deaths (14 in the tocilizumab group and 17 in the placebo group).")
    assert _arm_rows(rows) == [("placebo", 17, 50), ("tocilizumab", 14, 52)]


POPULATION = "We randomly assigned 240 adults with arthritis to tocilizumab or placebo. "


@pytest.mark.parametrize("sentence, outcome, value, events", [
    ("The study population was mostly female (70%), with a mean age of 49 years.", "female sex", 0.70, 168),
    ("Seropositive disease was the most common form (62.5%).", "seropositive disease", 0.625, 150),
    ("The majority of them had erosions (55.0%).", "erosions", 0.55, 132),
])
def test_share_of_everyone_named_by_its_trait(sentence, outcome, value, events):
    rows = [r for r in _rows(POPULATION + sentence) if r["measure"] == "PROPORTION"]
    assert [(r["intervention"], r["outcome"], r["value"], r["events"], r["total"], r["role"]) for r in rows] == \
        [("all patients", outcome, value, events, 240, "baseline")]


@pytest.mark.parametrize("sentence", [
    "Infections were more frequent in women (14%) than in men (9%).",   # a comparison of an event
    "Men aged 40 years or older were eligible; women (60%) were excluded if pregnant.",
    "The majority had a response in the tocilizumab group (61%).",      # an arm is named
])
def test_share_of_everyone_not_read(sentence):
    assert [r for r in _rows(POPULATION + sentence) if r["intervention"] == "all patients"] == []


def test_people_counted_by_sex_are_the_population_when_none_is_stated():
    rows = _rows("Patients were randomly assigned to tocilizumab or placebo. Forty-five male (56.3%) and 35 female "
                 "(43.7%) patients took part, with a mean age of 52.4 \u00b1 9.9 (30 - 70) years.")
    got = {r["measure"]: r for r in rows}
    assert (got["PROPORTION"]["events"], got["PROPORTION"]["total"]) == (45, 80)
    assert (got["MEAN"]["value"], got["MEAN"]["sd"], got["MEAN"]["total"]) == (52.4, 9.9, 80)
    assert (got["MEAN"]["range_low"], got["MEAN"]["range_high"]) == (30.0, 70.0)


def test_sex_pair_of_a_subgroup_is_not_the_population():
    rows = _rows("Patients were randomly assigned to tocilizumab or placebo. Among those who relapsed, 12 were men and "
                 "9 were women.")
    assert [r for r in rows if r["intervention"] == "all patients"] == []


def test_the_same_sentence_printed_twice_is_one_estimate():
    row = {"measure": "PROPORTION", "value": 0.4, "events": 24, "total": 60, "intervention": "all patients",
           "outcome": "male sex", "role": "baseline", "finder": "population", "evidence": "Twenty-four male (40%) ..."}
    copies = [dict(row, start=120), dict(row, start=2400)]
    assert len(without_restatements(copies)) == 1
    # one sentence printing one value twice names two things
    assert len(without_restatements([dict(row, start=120), dict(row, start=120)])) == 2


SIZED = "Patients were randomly assigned to tocilizumab (n = 40) or placebo (n = 50). "


def test_one_arms_shares_of_listed_items():
    rows = _rows(SIZED + "In the placebo group, the frequency of signs such as rash, pruritus and oedema on day 1 was "
                 "reported as 12, 8, and 4%, respectively, and the frequency in the tocilizumab group was 5% and 10%, "
                 "respectively.")
    got = sorted((r["intervention"], r["outcome"], r["events"], r["total"]) for r in rows)
    assert got[:3] == [("placebo", "oedema", 2, 50), ("placebo", "pruritus", 4, 50), ("placebo", "rash", 6, 50)]
    assert [(g[0], g[2], g[3]) for g in got[3:]] == [("tocilizumab", 2, 40), ("tocilizumab", 4, 40)]


@pytest.mark.parametrize("sentence", [
    # two arms in the clause: the arm list rule's, not one arm's items
    "Relapse in the tocilizumab and placebo groups occurred in 20% and 30%, respectively.",
    # changes, not shares
    "In the placebo group, pain fell by 12, 8 and 4%, respectively.",
])
def test_one_arm_list_not_read(sentence):
    assert [r for r in _rows(SIZED + sentence) if r["finder"] == "one-arm-list"] == []


def test_shares_without_a_sign_only_when_called_rates_and_whole_counts():
    rows = _rows(SIZED + "The prevalence of asthma in the tocilizumab and placebo groups was 22.5 and 14.0, "
                 "respectively. The scores in the tocilizumab and placebo groups were 22.5 and 14.0, respectively. "
                 "The prevalence of eczema in the tocilizumab and placebo groups was 22.4 and 14.1, respectively.")
    assert _arm_rows(rows) == [("placebo", 7, 50), ("tocilizumab", 9, 40)]


def test_the_control_group_is_the_placebo_arm_the_document_calls_so():
    from evidence_review.extract.study import Arm, Study
    text = ("Children were randomly assigned to receive magnesium or placebo. Relapse occurred in 9.0% of the "
            "children in the magnesium group and in 14.0% of those in the control group.")
    arms = [Arm("arm1", "magnesium", "magnesium", 100, "experimental", 43, 52),
            Arm("arm2", "Control group", "placebo", 100, "control", 400, 413, source="table",
                aliases={"control", "placebo"})]
    rows = extract_document("doc", text, "doc.txt", "", study=Study(doc_id="doc", arms=arms))
    assert _arm_rows(rows) == [("magnesium", 9, 100), ("placebo", 14, 100)]
    # a placebo arm named "placebo" by the document: "the control group" may be another study's
    arms[1] = Arm("arm2", "placebo", "placebo", 100, "control", 57, 64)
    rows = extract_document("doc", text, "doc.txt", "", study=Study(doc_id="doc", arms=arms))
    assert ("placebo", 14, 100) not in _arm_rows(rows)


def test_one_arms_level_before_and_after_with_its_spread():
    rows = _rows(SIZED + "Results: The mean (SD) ferritin rose from 31.5 (12.0) to 88.2 (30.4) ng/ml in the tocilizumab "
                 "group, and the mean (SD) transferrin fell from 2.9 (0.4) to 2.6 (0.5) g/l in the placebo group.")
    got = [(r["intervention"], r["value"], r["sd"], r["total"], r["role"] == "baseline", r["outcome"]) for r in rows]
    assert got == [("tocilizumab", 31.5, 12.0, 40, True, "ferritin"), ("tocilizumab", 88.2, 30.4, 40, False, "ferritin"),
                   ("placebo", 2.9, 0.4, 50, True, "transferrin"), ("placebo", 2.6, 0.5, 50, False, "transferrin")]


def test_before_and_after_without_spreads_said_to_be_sds_is_not_read():
    # a bare bracket may be a range or a count: only read where the sentence says the spreads are SDs
    rows = _rows(SIZED + "Ferritin rose from 31.5 (12.0) to 88.2 (30.4) ng/ml in the tocilizumab group.")
    assert [r for r in rows if r["measure"] == "MEAN"] == []


def test_an_arm_called_by_the_code_in_its_name():
    from evidence_review.extract.study import Arm, Study
    text = ("Adults were randomized to vitamin K1 or vitamin K2. The mean (SD) level increased from 1.2 (0.5) to "
            "2.4 (0.9) ng/ml in the K2 group.")
    arms = [Arm("arm1", "vitamin K1", "vitamin k1", 30, "experimental", 27, 37),
            Arm("arm2", "vitamin K2", "vitamin k2", 31, "experimental", 41, 51)]
    rows = extract_document("doc", text, "doc.txt", "", study=Study(doc_id="doc", arms=arms))
    assert {(r["intervention"], r["total"]) for r in rows} == {("vitamin k2", 31)}


def test_the_drug_group_of_a_drug_versus_placebo_trial():
    from evidence_review.extract.study import Arm, Study
    text = ("Adults were randomly divided into two groups of case and control. HbA1c values were respectively "
            "8.1\u00b10.7 and 8.0\u00b10.6 in drug and placebo groups at baseline. Three patients in the drug group "
            "developed nausea.")
    arms = [Arm("arm1", "sage extract", "sage extract", 40, "experimental", 0, 0, source="generic",
                aliases={"case", "case group"}),
            Arm("arm2", "Placebo", "placebo", 40, "control", 0, 0, source="table")]
    rows = extract_document("doc", text, "doc.txt", "", study=Study(doc_id="doc", arms=arms))
    assert sorted((r["measure"], r["intervention"], r["value"] if r["measure"] == "MEAN" else r["events"]) for r in rows) == \
        [("MEAN", "placebo", 8.0), ("MEAN", "sage extract", 8.1), ("PROPORTION", "sage extract", 3)]


@pytest.mark.parametrize("text", [
    "No serious complication has occurred till date.",
    "| Nausea | 16 | 04 |\nNone of our patients experienced clinically significant adverse reactions.",
])
def test_zero_for_every_arm_after_a_table_line_or_up_to_now(text):
    assert _arm_rows(_rows(TWO_ARMS + text)) == [("placebo", 0, 50), ("tocilizumab", 0, 52)]


def test_events_recorded_then_split_by_arm_in_a_bracket():
    rows = _rows(TWO_ARMS + "At the time of analysis, 37 deaths were recorded (15 in the tocilizumab group and 22 in the "
                 "placebo group).")
    assert _arm_rows(rows) == [("placebo", 22, 50), ("tocilizumab", 15, 52)]


def test_children_counted_in_each_arm():
    rows = _rows(TWO_ARMS + "At the final visit, 30 (58%) children in the tocilizumab group versus 21 (42%) children in "
                 "the placebo group had an improvement of much or very much in the CGI-I score.")
    assert _arm_rows(rows) == [("placebo", 21, 50), ("tocilizumab", 30, 52)]


def test_shares_listed_for_patients_treated_with_each_arm():
    rows = _rows(TWO_ARMS + "Treatment failure occurred in 25% and 36% for patients treated with tocilizumab and "
                 "placebo, respectively.")
    assert _arm_rows(rows) == [("placebo", 18, 50), ("tocilizumab", 13, 52)]


def test_zero_of_the_one_arm_named():
    # (convention since session 14: zero events stated in words are 0 of each arm named, as the labelling rules say)
    assert _arm_rows(_rows(TWO_ARMS + "No complications were recorded in the tocilizumab group.")) == [
        ("tocilizumab", 0, 52)]
