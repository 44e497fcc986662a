"""One arm's relative (percent) changes printed by a verb (`rules/within_arm.percent_changes_of_one_arm`): a MEAN of
"increase in X (%)" / "decrease in X (%)", as printed; comparisons and risks stay the effect rules'."""
from __future__ import annotations

from evidence_review.extract import extract_document

_ALLOCATION = "Patients were randomly assigned to rituximab (n = 36) or placebo (n = 35). "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", _ALLOCATION + text, "doc.txt", "")


def test_a_respectively_list_takes_the_quantities_listed_before_the_verb():
    rows = _rows("In the rituximab group HDL increased by 17.5% (P < 0.01); LDL (P < 0.05), triglycerides, and VLDL "
                 "(P < 0.01) decreased by 8.04%, 4.8%, and 13.98%, respectively (Table 1).")
    means = {r["outcome"]: (r["value"], r["intervention"], r["total"]) for r in rows if r["measure"] == "MEAN"}
    assert means == {"increase in hdl (%)": (17.5, "rituximab", 36), "decrease in ldl (%)": (8.04, "rituximab", 36),
                     "decrease in triglycerides (%)": (4.8, "rituximab", 36),
                     "decrease in vldl (%)": (13.98, "rituximab", 36)}
    assert not [r for r in rows if r["measure"] == "RRR"]


def test_the_arm_named_after_the_change():
    rows = _rows("Fasting fructosamine decreased by 19.56% in the rituximab group from baseline to endpoint.")
    assert [(r["measure"], r["value"], r["intervention"]) for r in rows] == [("MEAN", 19.56, "rituximab")]


def test_a_change_of_a_risk_or_against_the_other_arm_is_no_arm_level_mean():
    rows = _rows("Probiotic reduced the risk of diarrhoea by 37%. In the rituximab group pain decreased by 30% "
                 "compared with placebo.")
    assert not [r for r in rows if r["measure"] == "MEAN"]


def test_two_arms_changes_each_followed_by_its_arm():
    rows = _rows("Fructosamine decreased by 20.56% in the rituximab group versus 18.66% in the placebo group from baseline "
                 "to endpoint. HDL increased by 12.5% in the rituximab group and by 3.1% in the placebo group.")
    means = sorted((r["outcome"], r["value"], r["intervention"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("decrease in fructosamine (%)", 18.66, "placebo"), ("decrease in fructosamine (%)", 20.56, "rituximab"),
                     ("increase in hdl (%)", 3.1, "placebo"), ("increase in hdl (%)", 12.5, "rituximab")]


def test_two_arms_changes_of_a_risk_are_no_means():
    rows = _rows("The risk of relapse decreased by 30% in the rituximab group versus 10% in the placebo group.")
    assert not [r for r in rows if r["measure"] == "MEAN"]
