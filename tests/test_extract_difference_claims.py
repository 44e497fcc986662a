"""A difference ordered by the words after its value: "x lower in A compared to B" is B minus A, so the arms are
(B, A) with the printed value; "x higher with A than with B" is (A, B). And the study model's arms these comparisons
name: an arm's name a writer splits with a comma after one modifier word ("nurse-led, telephone-based follow-up") stays
one arm; two arms of one drug given by two routes ("oral iron or intravenous iron") stay two arms."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

TWO_DRUGS = "Patients were randomized to rituximab or azathioprine. "


def differences(text: str) -> list[tuple]:
    study = build_study("doc", text, None)
    return [(r["measure"], r["value"], r["intervention"], r["comparator"])
            for r in extract_document("doc", text, "doc.txt", study=study) if r["measure"] in ("MD", "SMD", "RD")]


@pytest.mark.parametrize("sentence, value, intervention, comparator", [
    ("The disability score was 2.1 points (95% CI 0.4 to 3.8) higher with azathioprine than with rituximab.", 2.1, "azathioprine", "rituximab"),
    ("The disability score was 2.1 points (95% CI 0.4 to 3.8) lower with rituximab than with azathioprine.", 2.1, "azathioprine", "rituximab"),
    ("The mean relapse count was 0.7 (95% CI 0.2 to 1.2) lower in the rituximab group compared to the azathioprine group.", 0.7, "azathioprine", "rituximab"),
    ("Fatigue was 4.5 points (95% CI 1.0-8.0) greater among azathioprine patients versus rituximab.", 4.5, "azathioprine", "rituximab"),
    ("The walking time was 1.9 seconds (95% CI 0.3 to 3.5) shorter for rituximab relative to azathioprine.", 1.9, "azathioprine", "rituximab"),
])
def test_the_claim_after_the_value_orders_the_arms(sentence, value, intervention, comparator):
    assert differences(TWO_DRUGS + sentence) == [("MD", value, intervention, comparator)]


def test_a_list_of_values_before_one_claim():
    text = (TWO_DRUGS + "At 6 months, pain, fatigue and disability were 3.4 (95% CI 0.2 to 6.6) mm, 2.2 mm (95% CI 0.5 "
            "to 3.9) and 0.4 points (95% CI 0.1 to 0.7) lower in the rituximab group compared with the azathioprine group.")
    assert [r[1:] for r in differences(text)] == [(3.4, "azathioprine", "rituximab"), (2.2, "azathioprine", "rituximab"),
                                                 (0.4, "azathioprine", "rituximab")]


def test_a_claim_about_something_else_does_not_turn_the_difference():
    # the words after the difference describe its effect, not the difference's own order: no turn
    text = TWO_DRUGS + "Rituximab reduced the score versus azathioprine (MD -1.9, 95% CI -3.1 to -0.7), a greater reduction."
    assert differences(text) == [("MD", -1.9, "rituximab", "azathioprine")]


@pytest.mark.parametrize("allocation, expected", [
    ("either nurse-led, telephone-based follow-up (intervention) or usual care (control)", 2),
    ("a structured, supervised exercise programme or usual care", 2),
    ("home-based, individualized training, a leaflet, or usual care", 3),
])
def test_a_modifier_split_by_a_comma_stays_in_its_arm(allocation, expected):
    study = build_study("doc", f"We randomized 300 patients to {allocation}. Outcomes were measured at 12 months.", None)
    assert len(study.arms) == expected, [a.canonical for a in study.arms]
    assert not any(a.canonical in ("nurse-led", "structured", "home-based") for a in study.arms)


def test_a_list_of_distinct_arms_is_not_joined():
    study = build_study("doc", "We randomized 300 patients to rituximab, azathioprine, or mycophenolate.", None)
    assert sorted(a.canonical for a in study.arms) == ["azathioprine", "mycophenolate mofetil", "rituximab"]


@pytest.mark.parametrize("allocation, expected", [
    ("oral iron or intravenous iron for 6 weeks", ["intravenous iron", "oral iron"]),
    ("IV iron (n = 40) or oral iron (n = 41)", ["intravenous iron", "oral iron"]),
    ("subcutaneous methotrexate or oral methotrexate", ["oral methotrexate", "subcutaneous methotrexate"]),
])
def test_two_arms_of_one_drug_told_apart_by_route(allocation, expected):
    study = build_study("doc", f"Adults were randomized to {allocation}. Outcomes were measured at 12 weeks.", None)
    assert sorted(a.canonical for a in study.arms) == expected


def test_a_route_and_an_amount_of_one_drug_are_one_arm():
    text = ("Patients were randomized to oral ferric citrate or intravenous iron sucrose. "
            "Iron sucrose 200 mg (n = 30) was given every two weeks.")
    names = sorted(a.canonical for a in build_study("doc", text, None).arms)
    assert len([n for n in names if "iron sucrose" in n]) == 1, names


@pytest.mark.parametrize("text, expected", [
    ("Of the 29 patients, 14 were treated with rituximab and 15 with azathioprine.", {"rituximab": 14, "azathioprine": 15}),
    ("Overall, 12 patients were given azathioprine, while 11 were given mycophenolate mofetil for one year.",
     {"azathioprine": 12, "mycophenolate mofetil": 11}),
    ("In all, 31 participants underwent tacrolimus infusion (0.1 mg/kg) and 30 placebo.", {"tacrolimus": 31, "placebo": 30}),
])
def test_two_counts_each_with_its_treatment_are_two_sized_arms(text, expected):
    study = build_study("doc", text, None)
    assert {a.canonical: a.n for a in study.arms} == expected


def test_counts_of_one_treatment_over_two_periods_are_no_second_arm():
    study = build_study("doc", "14 were treated with rituximab in 2010 and 15 in 2011.", None)
    assert [a.canonical for a in study.arms] == ["rituximab"]
