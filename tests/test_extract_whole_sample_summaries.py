"""Summaries of the whole sample at entry that no other rule reads (extract/rules/whole_sample_prose.sample_summaries):
a mean with its SD in any printing the grammar reads ("± SD", "(SD x)", APA's "M = x, SD = y", "x, SD y"), a median
with its IQR or range, a mean's value after its name. Sentences written for these tests, with negatives: an
another study's, a power calculation, a survey of staff, a change, a median time to an event, the
follow-up, a comparison."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import Parse

TRIAL = "We randomly assigned 132 adults with knee osteoarthritis to tai chi (n = 66) or stretching (n = 66). "


def _everyone(text: str, trial: str = TRIAL) -> list[tuple]:
    rows = extract_document("d", trial + text, "d.txt", "", design="RCT")
    return [(r["measure"], round(float(r["value"]), 4), r.get("sd"), r.get("q1"), r.get("q3"), r.get("range_low"),
             r.get("range_high"), r["total"]) for r in rows if r["intervention"] == "all patients"]


def test_grammar_reads_a_mean_with_its_sd_named_after_a_comma():
    summary = Parse("Participants were older (M = 66.3, SD = 7.4).")("mean_comma_sd")
    assert [(x.center, x.sd, x.se) for x in summary] == [(66.3, 7.4, None)]
    summary = Parse("a mean of 12.40 kg, SE 0.85")("mean_comma_sd")
    assert [(x.center, x.sd, x.se) for x in summary] == [(12.4, None, 0.85)]
    # "SD 1.2-3.4" is a range of SDs, no SD
    assert Parse("a mean of 5.1, SD 1.2-3.4")("mean_comma_sd") == []


def test_grammar_reads_quartiles_named_with_their_abbreviation():
    summary = Parse("a median of 188 days (interquartile range (IQR) 140-233)")("median_spread")
    assert [(x.center, x.q1, x.q3) for x in summary] == [(188.0, 140.0, 233.0)]


def test_means_with_their_spread_in_any_printing():
    assert _everyone("At baseline, participants were older adults (M = 66.3, SD = 7.4).") == [
        ("MEAN", 66.3, 7.4, None, None, None, None, 132)]
    assert _everyone("At baseline, the mean daily step count was 5210 \u00b1 1830 steps.") == [
        ("MEAN", 5210.0, 1830.0, None, None, None, None, 132)]
    assert _everyone("At entry, knee pain had lasted a mean of 62.5 (SD 40.2) months.") == [
        ("MEAN", 62.5, 40.2, None, None, None, None, 132)]
    rows = _everyone("The mean body weight was 81 \u00b1 14 kg, BMI 29.4 \u00b1 4.8 and waist 99 \u00b1 12 cm.")
    assert [(r[0], r[1], r[2]) for r in rows] == [("MEAN", 81.0, 14.0), ("MEAN", 29.4, 4.8), ("MEAN", 99.0, 12.0)]


def test_medians_with_their_spread_and_traits_after_the_statistics_name():
    assert _everyone("At baseline, knee pain had lasted a median of 410 days (interquartile range (IQR) 220-800).") == [
        ("MEDIAN", 410.0, None, 220.0, 800.0, None, None, 132)]
    assert _everyone("The mean weight was 84 kg at entry.") == [("MEAN", 84.0, None, None, None, None, None, 132)]
    assert _everyone("The mean body weight was 83 \u00b1 15 kg (range 52-131).") == [
        ("MEAN", 83.0, 15.0, None, None, 52.0, 131.0, 132)]


def test_summaries_that_are_not_of_the_sample():
    # a sentence that is not about the sample at entry
    assert _everyone("The mean daily step count was 5210 \u00b1 1830 steps.") == []
    # another study's
    assert _everyone("In a previous study the mean daily step count at baseline was 4100 \u00b1 1500 steps [14].") == []
    # a power calculation
    assert _everyone("Assuming a mean baseline WOMAC score of 42 \u00b1 12, 60 patients per arm were needed.") == []
    # a survey of the staff
    assert _everyone("The physiotherapists who returned the questionnaire had a mean experience of 11.2 \u00b1 6.0 years.") == []
    # a change, a comparison, a time to an event, the follow-up
    assert _everyone("The mean change in pain from baseline was 1.9 \u00b1 1.1 points.") == []
    assert _everyone("The mean baseline pain score was lower than expected (3.1 \u00b1 1.4).") == []
    assert _everyone("The median time from baseline to first flare was 14 weeks (IQR 9-20).") == []
    assert _everyone("The median follow-up of patients aged 50 or more was 26 months (range 12-40).") == []
    # a bracket no reading explains, a table's number
    assert _everyone("At baseline, the daily step count was 5210 \u00b1 1830 (4400; 6100).") == []
    assert _everyone("Mean baseline scores are shown in Table 2.") == []
