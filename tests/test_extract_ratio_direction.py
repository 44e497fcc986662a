"""A ratio keeps its printed number unless the sentence says it is control against experimental (meaning)."""
from evidence_review.extract import extract_one

METHODS = "Methods: We randomly assigned 808 patients to rituximab (n = 402) or placebo (n = 406). Results: "


def _ratios(sentence):
    rows, _, errors = extract_one("d", METHODS + sentence, "d.txt", "", None, "RCT")
    assert not errors
    return [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "HR"]


def test_arms_named_control_first_do_not_turn_the_printed_ratio():
    found = _ratios("The median time to relapse was 12.4 months in the placebo group, as compared with 18.5 months "
                    "in the rituximab group (hazard ratio for relapse, 0.62; 95% CI, 0.51 to 0.75).")
    assert found == [(0.62, "rituximab", "placebo")]


def test_a_ratio_printed_as_control_versus_experimental_is_turned():
    found = _ratios("The hazard ratio for relapse with placebo versus rituximab was 2.00 (95% CI, 1.25 to 3.20).")
    assert found == [(0.5, "rituximab", "placebo")]
