"""Study model: where an allocation list ends (the means of allocation, a procedure done to everyone), names that
are results rather than arms, roles of arms that are each a kind of comparator or differ by "with" / "without",
and compared treatments whose population is said between their names. Texts written for these tests, each shape
in several wordings."""
from __future__ import annotations

import pytest

from evidence_review.extract.study import build_study


def _arms(text: str) -> list[tuple]:
    return sorted((a.canonical, a.n, a.role) for a in build_study("doc", text).arms)


@pytest.mark.parametrize("text, expected", [
    ("Participants were randomly assigned to either mindfulness training or control group using simple random "
     "sampling method.", [("control", None, "control"), ("mindfulness training", None, "experimental")]),
    ("Children were randomized to zinc or placebo using a computer-generated list.",
     [("placebo", None, "control"), ("zinc", None, "experimental")]),
    ("Adults were allocated to tai chi or brisk walking via a central web-based system.",
     [("brisk walking", None, "control"), ("tai chi", None, "experimental")]),
    ("Patients were randomised to tai chi or brisk walking with sealed opaque envelopes.",
     [("brisk walking", None, "control"), ("tai chi", None, "experimental")]),
    ("Women were assigned to massage or rest according to a random number table.",
     [("massage", None, "experimental"), ("rest", None, "control")]),
])
def test_the_means_of_allocation_ends_the_list(text, expected):
    assert _arms(text) == expected


@pytest.mark.parametrize("text", [
    "Patients were allocated to a study group using sealed, opaque, sequentially numbered envelopes.",
    "Infants were assigned to a treatment group by means of a computer-generated randomisation sequence.",
])
def test_an_allocation_that_names_no_arm_gives_none(text):
    assert _arms(text) == []


@pytest.mark.parametrize("text, procedure", [
    ("Patients were randomly assigned to initial treatment with either ketamine or placebo and screened at "
     "baseline, after two weeks and after six weeks.", "screened"),
    ("Adults were randomised to yoga or stretching and assessed at weeks 4 and 12.", "assessed"),
    ("Children were randomized to zinc or placebo, and were followed up for one year.", "followed"),
])
def test_a_procedure_done_to_everyone_allocated_is_no_arm(text, procedure):
    names = [a[0] for a in _arms(text)]
    assert len(names) == 2 and not any(procedure in n for n in names)


@pytest.mark.parametrize("text", [
    "Those randomized to walking showed a large effect (d = 0.81), and a 25% improvement in sleep quality (MD = 3.1).",
    "Patients randomized to magnesium had a medium effect (d = 0.5) compared with those randomized to placebo.",
    "Participants allocated to music reported a 30 percent reduction in anxiety.",
])
def test_results_are_no_arms(text):
    names = [a[0] for a in _arms(text)]
    assert not any(w in n for n in names for w in ("effect", "improvement", "reduction", "showed", "those", "reported"))


def test_a_conditional_allocation_names_one_arm_and_no_clause():
    text = ("Patients were randomly assigned to placebo or usual care. If the participant was randomized to placebo, "
            "the nurse provided labelled bottles with written instructions.")
    assert _arms(text) == [("placebo", None, "experimental"), ("standard care", None, "control")]


@pytest.mark.parametrize("text, tested, control", [
    ("Patients were randomly assigned to open-label placebo (OLP) or treatment as usual (TAU).", "placebo",
     "standard care"),
    ("Adults were randomized to sham acupuncture or a waiting list.", "sham", "no treatment"),
    ("Women were randomized to no treatment or placebo pills.", "placebo", "no treatment"),
])
def test_placebo_or_sham_against_usual_care_or_nothing_is_the_tested_arm(text, tested, control):
    roles = {a[0]: a[2] for a in _arms(text)}
    assert roles == {tested: "experimental", control: "control"}


@pytest.mark.parametrize("text, lacking", [
    ("Children were randomized to repair with incising the aponeurosis or repair without incising the aponeurosis.",
     "repair without incising the aponeurosis"),
    ("Children were randomized to repair without incising the aponeurosis or repair with incising the aponeurosis.",
     "repair without incising the aponeurosis"),
    ("Patients were randomly assigned to tonsillectomy without drain or tonsillectomy with drain.",
     "tonsillectomy without drain"),
])
def test_the_arm_going_without_is_the_control_in_either_order(text, lacking):
    roles = {a[0]: a[2] for a in _arms(text)}
    assert roles[lacking] == "control" and sorted(roles.values()) == ["control", "experimental"]


@pytest.mark.parametrize("text", [
    "We compared a diabetes education program designed for patients with low vision versus usual care.",
    "To compare a diabetes education program for patients with low vision with usual care.",
    "We compared the efficacy of a diabetes education program tailored to older adults vs. usual care.",
    "To compare a diabetes education program in adults with type 2 diabetes versus usual care.",
])
def test_who_a_compared_treatment_is_for_is_no_part_of_its_name(text):
    assert _arms(text) == [("diabetes education program", None, "experimental"), ("standard care", None, "control")]


@pytest.mark.parametrize("text, sizes", [
    ("We compared a diabetes education program designed for patients with low vision versus usual care. Results: "
     "101 patients (50 control, 51 intervention) took part.", {"diabetes education program": 51, "standard care": 50}),
    ("Results: 88 women (45 intervention and 43 control) were enrolled. Women were randomized to yoga or usual care.",
     {"yoga": 45, "standard care": 43}),
])
def test_sizes_by_role_word_reach_the_compared_arms(text, sizes):
    assert {a[0]: a[1] for a in _arms(text)} == sizes


@pytest.mark.parametrize("word, expected", [
    ("Pre", ("pre", True)), ("Post", ("post", False)), ("Before", ("before", True)), ("After:", ("after", False)),
    ("Pre-treatment", ("pre-treatment", True)), ("Post intervention", ("post intervention", False)),
    ("Initial", ("initial", True)), ("Follow up", ("follow-up", False)), ("Week 4", None),
])
def test_a_moment_is_named_as_the_document_prints_it(word, expected):
    from evidence_review.extract.timepoints import moment_of
    assert moment_of(word) == expected


@pytest.mark.parametrize("text, design", [
    ("Effect of X on pain after surgery\nBackground: A meta-analysis reported that X reduces pain by 20%. Methods: "
     "Patients were randomly assigned to X or placebo. The study protocol was approved by the ethics committee.", "RCT"),
    ("Mineral water and blood pressure\nMethods: The participants were randomly allotted into three groups. Recent "
     "meta-analyses of calcium supplementation found small effects.", "RCT"),
    ("Zinc for diarrhoea in Peru\nMethods: A randomised, double-blind, placebo-controlled trial of zinc. Background: "
     "A meta-analysis of earlier studies showed a benefit.", "RCT"),
    ("Statins after stroke\nWe performed a systematic review and meta-analysis of randomized controlled trials of "
     "statins.", "meta-analysis"),
    ("Statins after stroke\nMethods: A meta-analysis of 12 randomized trials was conducted.", "meta-analysis"),
    ("Exercise in heart failure\nThis protocol describes a randomised trial of exercise against usual care.",
     "protocol"),
])
def test_the_design_is_what_the_document_says_it_is_not_what_it_cites(text, design):
    assert build_study("doc", text).design == design


@pytest.mark.parametrize("text, sizes", [
    ("Sixty patients were randomized to ketamine or placebo (30 in each group).", {"ketamine": 30, "placebo": 30}),
    ("Sixty patients were randomized to ketamine or placebo (30 patients per group).", {"ketamine": 30, "placebo": 30}),
    ("Forty patients were randomized into two groups of twenty: ketamine or placebo.", {"ketamine": 20, "placebo": 20}),
    ("Ninety patients were randomized to zinc or placebo; 46 received zinc and 44 received placebo.",
     {"zinc": 46, "placebo": 44}),
    ("Patients were randomized to zinc or placebo; forty-six received zinc, while forty-four were given placebo.",
     {"zinc": 46, "placebo": 44}),
    ("Patients were randomized to zinc or placebo. A total of 90 underwent randomization (46 to zinc and 44 to "
     "placebo).", {"zinc": 46, "placebo": 44}),
])
def test_arm_sizes_in_the_shapes_abstracts_print_them(text, sizes):
    assert {a[0]: a[1] for a in _arms(text)} == sizes


def test_a_pair_of_counts_naming_no_arms_gives_no_size():
    text = "Patients were randomized to zinc or placebo. During follow-up, 5 received antibiotics and 3 received steroids."
    assert {a[0]: a[1] for a in _arms(text)} == {"zinc": None, "placebo": None}


@pytest.mark.parametrize("title, name", [
    ("Effect of Single-Dose Pregabalin on Pain after Surgery", "Pregabalin"),
    ("The effect of a single dose of dexamethasone on nausea", "dexamethasone"),
    ("Effect of one-time counselling on smoking cessation", "counselling"),
    ("Effect of zinc on diarrhoea", "zinc"),
])
def test_how_often_a_titles_treatment_was_given_is_no_part_of_its_name(title, name):
    from evidence_review.extract.named_arms import named_treatment
    assert named_treatment(title).name == name


@pytest.mark.parametrize("text, absent", [
    ("to compare the efficacy and tolerability of the morning (AM) regimen to the evening (PM) regimen", "AM"),
    ("to measure pain and the outcome of movement (AM) at rest", "AM"),
])
def test_an_abbreviation_is_never_defined_by_words_opening_with_and_or_of(text, absent):
    from evidence_review.extract.study import document_abbreviations
    assert absent not in document_abbreviations(text)


def test_an_abbreviation_spelt_by_its_name_is_still_defined():
    from evidence_review.extract.study import document_abbreviations
    found = document_abbreviations("patients given aspirin and omeprazole (AO) or the amount of milk (AM)")
    assert found == {"AO": "aspirin and omeprazole", "AM": "amount of milk"}


@pytest.mark.parametrize("text", [
    "Aim: to compare zinc versus placebo. Methods: Group-A, 32 children were given oral zinc 20 mg daily while "
    "Group-B, 31 children were given placebo syrup.",
    "Aim: to compare zinc versus placebo. Methods: In group A, patients received zinc tablets. Group B comprised "
    "patients who were given placebo.",
    "Aim: to compare zinc versus placebo. Methods: Group A (n = 32) received zinc; group B (n = 31) received placebo.",
])
def test_codes_the_methods_give_named_arms_resolve_to_them(text):
    study = build_study("doc", text)
    assert study.resolve("Group-A").canonical == "zinc" and study.resolve("Group B (n = 31)").canonical == "placebo"


def test_a_code_whose_group_received_two_named_arms_gives_no_alias():
    text = ("Aim: to compare zinc plus iron versus iron alone. Methods: Group A received zinc and iron, group B "
            "received iron.")
    study = build_study("doc", text)
    assert all("group a" not in a.aliases for a in study.arms if a.canonical == "iron")


@pytest.mark.parametrize("text, pair", [
    ("To evaluate and compare maternal outcomes and glycemic control in metformin versus insulin treated women.",
     ["insulin", "metformin"]),
    ("Ketorolac versus morphine for pain after knee surgery\nResults: Better pain control in comparison to "
     "morphine was seen.", ["ketorolac", "morphine"]),
    ("Ketorolac versus morphine after knee surgery\nResults: Good pain control was reached in comparison to morphine.",
     ["ketorolac", "morphine"]),
])
def test_control_of_a_measure_is_no_control_arm_and_versus_joins_the_arms(text, pair):
    assert sorted(a[0] for a in _arms(text)) == pair


@pytest.mark.parametrize("text, added", [
    ("Methods: 60 infants were randomly divided into the control group (n=30) and observation group (n=30). The "
     "control group received routine care and feeding, while the observation group received the same care as the "
     "control group combined with early kangaroo care and feeding.", "early kangaroo"),
    ("Methods: 60 infants were randomly divided into the control group (n=30) and observation group (n=30). The "
     "control group received routine care, while the observation group received the same care as the control group, "
     "plus probiotic drops. The treatment group received the same care as the control group plus probiotic drops.",
     "probiotic drops"),
])
def test_a_group_given_what_the_control_got_plus_more_is_named_by_what_it_added(text, added):
    arms = _arms(text)
    assert [a for a in arms if a[2] == "experimental"] == [(added, 30, "experimental")]
    assert len([a for a in arms if a[2] == "control"]) == 1


@pytest.mark.parametrize("seg, label", [
    ("Just under half of the placebo group who did not have anaemia at enrollment had diarrhoea during follow up "
     "(13/28 46.4%).", "no anaemia at enrollment"),
    ("In the zinc arm, children who had a fever at baseline developed diarrhoea more often (9/20, 45%).",
     "a fever at baseline"),
    ("Women that were not smokers showed a lower rate (4/30, 13%).", "no smokers"),
])
def test_a_relative_clause_restricting_who_a_value_is_of_is_its_subgroup(seg, label):
    from evidence_review.extract.meaning import subgroup_label
    pos = seg.index("(") + 1
    assert subgroup_label(seg, pos, (0, len(seg)), False, False, set(), frozenset()) == label


@pytest.mark.parametrize("seg", [
    "Patients who were randomized to zinc had less diarrhoea (12/40, 30%).",
    "Children who received zinc had less diarrhoea (12/40, 30%).",
    "Patients who had diarrhoea were treated. The rate was lower with zinc (12/40, 30%).",
])
def test_an_allocation_or_an_earlier_sentence_is_no_subgroup(seg):
    from evidence_review.extract.meaning import subgroup_label
    pos = seg.index("(") + 1
    assert subgroup_label(seg, pos, (0, len(seg)), False, False, set(), frozenset()) == ""


@pytest.mark.parametrize("text", [
    "Infants were randomly assigned to usual care (control group) or infant massage (study group). Results: 200 "
    "infants were randomly assigned to either the study group (n= 101) or the control group (n=99).",
    "Infants were randomly assigned to usual care (control group) or infant massage (intervention group). In all, "
    "101 were randomized to the intervention group and 99 to the control group.",
])
def test_generic_groups_are_the_arms_a_late_label_named_so(text):
    assert _arms(text) == [("infant massage", 101, "experimental"), ("standard care", 99, "control")] or \
        _arms(text) == [("infant massage", 101, "experimental"), ("usual care", 99, "control")]


@pytest.mark.parametrize("text, expected", [
    ("Patients were assigned to minimally invasive repair (38) or open repair (44) based on the surgeon's judgement of "
     "the anatomy.", [("minimally invasive repair", 38, "experimental"), ("open repair", 44, "control")]),
    ("Adults were allocated to tai chi (n = 30) or brisk walking (n = 31) depending on their preference.",
     [("brisk walking", 31, "control"), ("tai chi", 30, "experimental")]),
])
def test_what_the_assignment_was_based_on_after_the_last_size_ends_the_list(text, expected):
    assert _arms(text) == expected
