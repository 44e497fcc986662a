"""The parts of a scale counted in a bracket after its name ("stereotypy (7 items)", "(12 questions)") and a mediation
analysis's split of an effect ("the direct and indirect effects were 48.7% and 51.3%") are never a value of everyone
or of an arm (sentence.Sentence claims them before any rule runs).
Sentences written for these tests, shaped like a tuning report's methods (names and numbers changed)."""
from __future__ import annotations

from evidence_review.extract import extract_document

ALLOCATION = "A total of 88 children were randomized to risperidone (n = 44) or placebo (n = 44). "


def test_item_counts_of_subscales_are_no_means():
    text = ALLOCATION + ("The secondary endpoints included the mean change in the other subscale scores "
                         "(lethargy (14 items), stereotypy (6 items), hyperactivity (15 items), and inappropriate "
                         "speech (3 items) from 0 to 3) at baseline and week 8.")
    rows = extract_document("doc", text, "doc.txt", "")
    assert [r for r in rows if r["measure"] == "MEAN"] == []


def test_a_mean_in_a_bracket_is_still_read():
    text = ALLOCATION + ("At baseline, years of education (11.2 years), use of stimulants (25%) and IQ (74.5) did not "
                         "differ among treatment groups.")
    rows = extract_document("doc", text, "doc.txt", "")
    assert any(r["measure"] == "MEAN" and r["value"] == 11.2 for r in rows)


def test_a_mediation_analysis_split_of_an_effect_is_no_share():
    text = ALLOCATION + ("The direct and indirect effects of risperidone on irritability were 41.2% and 58.8%, "
                         "respectively. The direct treatment effect on irritability was 62.5% for risperidone.")
    rows = extract_document("doc", text, "doc.txt", "")
    assert [r for r in rows if r["value"] in (0.412, 0.588, 0.625, 41.2, 58.8, 62.5)] == []
