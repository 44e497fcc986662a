"""Arms a randomized report names only as "the X group" in its sentences (no allocation list, no table header): the
study model takes the group names used at least twice when one is the control or a sentence allocates to them;
snippets written for these tests in several wordings, with negatives (groups of patients, not arms)."""
from __future__ import annotations

from evidence_review.extract.study import build_study


def _arms(text: str) -> dict[str, str]:
    return {a.canonical: a.role for a in build_study("d", text).arms}


GROUPS_IN_RESULTS = (
    "Does a walking programme before knee replacement help? A prospective randomized study\n"
    "Methods: Sixty-two patients were randomized. Thirty-two patients followed a home walking programme for six "
    "weeks. There were 30 patients in the control group who received written advice only.\n"
    "Results: Knee flexion improved by 12 degrees in the walking programme group and by 5 degrees in the control "
    "group. Falls occurred in 2 patients in the control group and in 1 patient in the walking group.")

RECEIVED_SENTENCES = (
    "Methods: A randomized controlled trial with 3-month follow-up. The Intervention Group received weekly text "
    "messages with coaching. The Comparison Group received a leaflet by post.\n"
    "Results: Quit rates were 21% (22/104) in the intervention group and 14% (15/107) in the comparison group.")

ALLOCATED_TO_NAMED = (
    "Methods: Participants were randomly allocated to the yoga group or the stretching group and attended for 12 "
    "weeks.\nResults: Pain fell more in the yoga group than in the stretching group (p = 0.02).")

PATIENT_GROUPS = (
    "Methods: In this randomized trial of drug X, responses were examined after 12 weeks.\n"
    "Results: In the responder group, ferritin was 120 ng/mL; in the non-responder group, 80 ng/mL. The responder group "
    "was younger than the non-responder group.")


def test_groups_named_in_the_results_beside_a_control_group():
    arms = _arms(GROUPS_IN_RESULTS)
    assert arms == {"walking programme": "experimental", "control": "control"}


def test_a_shorter_name_of_the_same_group_is_that_arm():
    study = build_study("d", GROUPS_IN_RESULTS)
    walking = study.resolve("the walking group")
    assert walking is not None and walking.canonical == "walking programme"


def test_generic_labels_that_received_something():
    arms = _arms(RECEIVED_SENTENCES)
    assert arms == {"intervention": "experimental", "comparison": "control"}


def test_groups_a_sentence_allocates_to_without_a_control_word():
    assert set(_arms(ALLOCATED_TO_NAMED)) == {"yoga", "stretching"}


def test_groups_of_patients_by_what_they_did_are_no_arms():
    names = set(_arms(PATIENT_GROUPS))
    assert "responder" not in names and "non-responder" not in names


def test_a_group_named_once_is_no_arm():
    text = ("Methods: Patients were randomized to the new protocol. Results: In the control group, 4 patients had "
            "fever; one patient in the protocol group had a rash.")
    assert "protocol" not in _arms(text)


def test_sizes_in_the_allocation_brackets_counted_in_any_people_word():
    for people in ("cases", "eyes", "women", "children"):
        text = (f"Methods: 90 {people} were randomly assigned to either rose oil (45 {people}) or sham oil "
                f"(45 {people}).\nResults: Itching resolved in 30 and 12.")
        arms = {a.canonical: a.n for a in build_study("d", text).arms}
        assert arms.get("rose oil") == 45 and arms.get("sham") == 45, (people, arms)


def test_a_route_or_schedule_alone_shares_the_next_items_drug():
    for text, expected in (
            ("Methods: Women were randomly assigned to oral or intravenous iron. Results: x.",
             {"oral iron", "intravenous iron"}),
            ("Methods: Adults were randomized to daily or weekly vitamin D3. Results: x.",
             {"vitamin d3 daily", "vitamin d3 weekly"}),
            ("Methods: Children were randomised to topical or oral ibuprofen (n = 40 each). Results: x.",
             {"topical ibuprofen", "oral ibuprofen"})):
        names = {a.canonical for a in build_study("d", text).arms}
        assert names == expected, (text, names)


def test_roman_numbered_groups_each_opening_a_sentence():
    text = ("Methods: This randomized trial enrolled 80 patients. Group I received ketamine 0.5 mg/kg; Group II "
            "received saline. Results: Pain was lower in group I than in group II.")
    study = build_study("d", text)
    assert {a.canonical for a in study.arms} == {"ketamine", "saline"}
    assert study.resolve("Group II").canonical == "saline"


def test_allocation_items_opening_with_their_group_name():
    for text in (
            "Methods: Forty adults were assigned to a rebamipide group (Group R; n = 20) receiving aspirin 100 mg and "
            "rebamipide 300 mg daily, or a famotidine group (Group F; n = 20) receiving aspirin 100 mg and famotidine "
            "20 mg daily. Results: Erosions were fewer in group R.",
            "Methods: Patients were randomly allocated to the yoga arm (n = 31) given weekly classes and home practice, "
            "or the education arm (n = 29) given leaflets and phone calls. Results: Pain fell."):
        arms = {a.canonical: a.n for a in build_study("d", text).arms}
        assert len(arms) == 2 and set(arms.values()) in ({20}, {31, 29}), arms
        assert "aspirin" not in arms and "home practice" not in arms


def test_an_abbreviated_route_alone_shares_the_next_items_drug():
    text = "Methods: Patients were randomized to IV or oral paracetamol (n = 35 each). Results: Pain fell."
    names = {a.canonical for a in build_study("d", text).arms}
    assert len(names) == 2 and all("paracetamol" in n for n in names), names


def test_what_allocated_patients_did_is_no_arm():
    for text in (
            "Methods: Children were randomized to montelukast or placebo. Results: One child, who was randomized into "
            "the montelukast group, discontinued the study because of headache.",
            "Methods: Adults were randomly assigned to omega-3 or placebo. Results: Three adults assigned to placebo "
            "dropped out before week 12, one due to travel and two due to nausea and a rash.",
            "Methods: We randomly assigned 900 adults with a body-mass index of 30 to 40 kg per square metre to receive "
            "orlistat or placebo. Results: Weight fell."):
        names = {a.canonical for a in build_study("d", text).arms}
        assert len(names) == 2 and "placebo" in names, (text, names)


def test_a_lists_total_or_a_compared_count_is_no_arms_size():
    text = ("Methods: 400 adults were randomized to vitamin K or placebo. Results: Fractures occurred in 10.")
    assert {a.canonical: a.n for a in build_study("d", text).arms} == {"vitamin k": None, "placebo": None}
    text = ("Methods: Patients were randomized. There were 30 patients in the control group. Results: Infection "
            "developed in 9 patients in the control group compared to 4 patients in the honey dressing group; healing "
            "was faster in the honey dressing group.")
    arms = {a.canonical: a.n for a in build_study("d", text).arms}
    assert arms.get("honey dressing") is None and arms.get("control") == 30, arms
