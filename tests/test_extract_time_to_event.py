"""A Kaplan-Meier median time to an event is no arm's MEDIAN row; a measured quantity's median is."""
from evidence_review.extract import extract_document

ARMS = "Patients were randomly assigned to rituximab (n = 88) or placebo (n = 89). "


def _medians(sentence):
    return [(r["value"], r["intervention"]) for r in extract_document("d", ARMS + sentence) if r["measure"] == "MEDIAN"]


def test_median_survival_times_with_their_intervals_are_not_arm_medians():
    assert _medians("The median RFS (95% confidence interval) in the rituximab and placebo groups were 1.45 years "
                    "(0.96-2.16) and 0.70 years (0.44-1.07), respectively.") == []
    assert _medians("The median time to relapse was 14.2 months (95% CI, 11.0 to 17.9) in the rituximab group.") == []


def test_a_measured_quantitys_median_stays():
    assert _medians("The median EDSS score at one year was 3.0 (IQR 2.0-4.5) in the rituximab group.") == [
        (3.0, "rituximab")]
