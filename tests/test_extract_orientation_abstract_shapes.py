"""Arms and orientation of comparative estimates in abstracts whose treatments no lexicon knows: the study model's
arms (named by the title, the aim or the allocation sentence, roles decided once) plus the effect's own clause.
Texts written for these tests in the general shapes; each shape with a negative of the same look."""
from evidence_review.extract.lexicon import find_drugs
from evidence_review.extract.named_arms import compared_pair
from evidence_review.extract.pipeline import extract_one
from evidence_review.extract.study import build_study


def _comparisons(text: str) -> list[tuple]:
    rows, _, errors = extract_one("doc", text, "doc.txt")
    assert not errors
    return [(r["measure"], round(r["value"], 3), r["intervention"], r["comparator"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


# --- "the control group" of a trial whose one control arm is named by what it is

def test_the_control_group_is_the_one_control_arm_named_by_what_it_is():
    text = ("Methods: 260 adults with knee pain were randomly assigned to aquatic exercise classes or a health "
            "education leaflet.\nResults: At 6 months, knee pain improved more than in the control group (mean "
            "difference -1.4 points, 95% CI -2.2 to -0.6).")
    assert _comparisons(text) == [("MD", -1.4, "aquatic exercise classes", "health education leaflet")]


def test_a_control_reached_is_no_control_arm():
    # "asthma control was achieved": an outcome, not the control arm; the ratio keeps its printed direction
    text = ("Methods: 510 children were randomised to nurse-led supervision or standard follow-up.\n"
            "Results: Asthma control was achieved more often with supervision (odds ratio 1.63, 95% CI 1.15 to 2.31).")
    assert _comparisons(text) == [("OR", 1.63, "nurse-led supervision", "standard follow-up")]


def test_control_as_outcome_or_arm_in_the_lexicon():
    assert not [m for m in find_drugs("Blood pressure control was achieved in 60%") if m.canonical == "control"]
    assert not [m for m in find_drugs("better pain control at 24 hours") if m.canonical == "control"]
    # an arm named by its strategy, and the plain control arm, stay arms; the strategy is an arm of its own name (a
    # trial of intensive against standard glucose control has two arms, neither of them "control")
    assert [m.canonical for m in find_drugs("assigned to intensive blood-pressure control or standard treatment")] \
        == ["intensive blood-pressure control"]
    assert [m.canonical for m in find_drugs("intensive glucose control or standard glucose control")] \
        == ["intensive glucose control", "standard glucose control"]
    assert [m.canonical for m in find_drugs("compared with the control group (HR 0.7)")] == ["control"]


# --- an arm called by a word of its name with more of its words ("the restrictive-strategy group")

def test_a_hyphenated_short_name_of_an_arm_names_it():
    text = ("Methods: 1400 patients with septic shock were randomly assigned to a restrictive fluid strategy or a "
            "usual fluid strategy.\nResults: Death occurred in 42.3% of the patients in the restrictive-strategy "
            "group and in 42.1% of those in the usual-strategy group (risk ratio, 1.01; 95% CI, 0.89 to 1.14).")
    assert _comparisons(text) == [("RR", 1.01, "restrictive fluid strategy", "usual fluid strategy")]


def test_a_word_of_an_arm_with_words_of_no_arm_before_group_names_nothing():
    # "the conservative-management cohort group": a word no arm's name holds ("cohort") after the arm's word
    text = ("Methods: 900 patients were randomly assigned to a conservative oxygen strategy or a liberal oxygen "
            "target.\nResults: In the conservative-surgical group the hazard ratio was 0.91 (95% CI, 0.74 to 1.12).")
    study = build_study("doc", text)
    from evidence_review.extract.core import _with_study_arms
    from evidence_review.extract.textscan import scan_view
    scan = scan_view(text)
    mentions = _with_study_arms(scan, find_drugs(scan), study)
    at = scan.index("conservative-surgical")
    assert not [m for m in mentions if m.start == at]


# --- a list of comparisons closed by the arms it is of, "respectively"

def test_a_list_of_ratios_takes_the_dose_groups_listed_after_it():
    text = ("Methods: Adults with migraine were randomized to 25 mg, 75 mg or 150 mg of compound Q or placebo.\n"
            "Results: The odds ratios for a response versus placebo were 1.3 (95% CI 0.8-2.1), 1.9 (95% CI 1.2-3.0) "
            "and 2.4 (95% CI 1.5-3.8) for the 25 mg, 75 mg and 150 mg groups, respectively.")
    assert _comparisons(text) == [("OR", 1.3, "compound q 25 mg", "placebo"), ("OR", 1.9, "compound q 75 mg", "placebo"),
                                  ("OR", 2.4, "compound q 150 mg", "placebo")]


def test_a_multi_arm_trial_without_a_named_pair_gets_no_arms():
    text = ("Methods: Patients with atrial fibrillation were randomized to edoxaban, dabigatran or warfarin.\n"
            "Results: The hazard ratio for stroke was 0.81 (95% CI 0.66-0.99).")
    assert _comparisons(text) == [("HR", 0.81, "", "")]


def test_a_dose_comparison_stays_between_the_doses():
    text = ("Methods: Adults with obesity were randomized to compound Q 5 mg, compound Q 10 mg or placebo.\n"
            "Results: Weight fell by 6.1% with 10 mg and 4.2% with 5 mg. The difference between 10 mg and 5 mg was "
            "-1.9% (95% CI -2.8 to -1.0).")
    (measure, value, a, b), = [c for c in _comparisons(text) if c[1] == -0.019]
    assert (a, b) == ("compound q 10 mg", "compound q 5 mg")


# --- one arm's change set against the other's is a difference between the arms, not from baseline

def test_a_change_said_greater_in_one_arm_is_against_the_other_arm():
    text = ("Methods: 150 adults with tinnitus were randomly allocated to sound therapy or waiting list.\n"
            "Results: Distress scores decreased more in the sound therapy group (mean difference -6.2, 95% CI -9.8 to "
            "-2.6).")
    assert _comparisons(text) == [("MD", -6.2, "sound therapy", "no treatment")]


def test_a_change_in_one_arm_not_set_against_the_other_stays_against_baseline():
    text = ("Methods: 150 adults with tinnitus were randomly allocated to sound therapy or waiting list.\n"
            "Results: Distress scores were reduced in the sound therapy group (mean difference -6.2, 95% CI "
            "-9.8 to -2.6).")
    assert [c[3] for c in _comparisons(text)] == ["baseline"]


# --- a sham-controlled trial: "sham" is the study's sham arm, not placebo

def test_sham_names_the_sham_arm():
    text = ("Methods: 96 patients with plantar fasciitis were randomly assigned to shockwave therapy or sham "
            "shockwave.\nResults: Heel pain responders were more frequent than with sham (odds ratio 2.9, 95% CI "
            "1.3 to 6.4).")
    assert _comparisons(text) == [("OR", 2.9, "shockwave therapy", "sham")]


# --- roles: the arm named as the usual way of doing a thing is the control, wherever the list names it

def test_the_conventional_arm_is_the_control_when_named_first():
    study = build_study("doc", "Methods: Infants were randomly assigned to conventional phototherapy or LED "
                               "phototherapy.\nResults: none.")
    roles = {a.canonical: a.role for a in study.arms}
    assert roles == {"conventional phototherapy": "control", "led phototherapy": "experimental"}


def test_without_a_usual_word_the_last_named_arm_is_the_control():
    study = build_study("doc", "Methods: Infants were randomly assigned to fibreoptic phototherapy or LED "
                               "phototherapy.\nResults: none.")
    roles = {a.canonical: a.role for a in study.arms}
    assert roles == {"fibreoptic phototherapy": "experimental", "led phototherapy": "control"}


# --- an aim that sets one arm against another: "whether A is more effective than B"

def test_an_aim_saying_more_effective_than_names_the_pair():
    pair = compared_pair("Objective: To determine whether mindfulness training is more effective than relaxation "
                         "training for insomnia.", title=False)
    assert [p.name for p in pair] == ["mindfulness training", "relaxation training"]
    pair = compared_pair("Objective: To test whether a single-dose regimen is noninferior to a three-dose regimen.",
                         title=False)
    assert [p.name for p in pair] == ["single-dose regimen", "three-dose regimen"]


def test_a_result_saying_more_effective_than_names_no_pair():
    # a result, not an aim or an allocation: no arms from it
    assert compared_pair("Mindfulness training was more effective than relaxation training at week 8 (MD 1.2).",
                         title=False) == []


def test_the_aim_gives_the_arms_and_their_roles():
    text = ("Objective: To assess whether vestibular rehabilitation is more effective than usual advice for chronic "
            "dizziness.\nMethods: Pragmatic trial; 330 adults.\nResults: Dizziness handicap improved (odds ratio 2.1, "
            "95% CI 1.3 to 3.4).")
    assert _comparisons(text) == [("OR", 2.1, "vestibular rehabilitation", "usual advice")]


def test_one_word_before_group_names_an_arm_only_among_two():
    from evidence_review.extract.core import _short_group_names
    two = build_study("doc", "Methods: Adults were randomly assigned to supervised physiotherapy or home exercise.")
    scan = "Pain fell more in the supervised group than in the home group (MD -1.2)."
    assert [scan[s:e] for s, e, _ in _short_group_names(scan, two.arms)] == ["supervised", "home"]
    three = build_study("doc", "Methods: Adults were randomly assigned to supervised physiotherapy, home exercise or "
                               "advice leaflet.")
    assert len(three.arms) == 3
    assert _short_group_names(scan, three.arms) == []


# --- the order a bracket states after the value: "(..., A minus B)", "(...; A vs B)"

def test_the_pair_inside_the_estimates_bracket_orders_it():
    text = ("Methods: Adults with renal colic were randomized to intravenous ketorolac or oral ibuprofen 800 mg.\n"
            "Results: Pain relief was similar (difference 2.3 mm, 95% CI -3.1 to 7.7, ketorolac minus ibuprofen).")
    assert _comparisons(text) == [("MD", 2.3, "ketorolac", "ibuprofen")]
    reversed_ = text.replace("ketorolac minus ibuprofen", "ibuprofen minus ketorolac")
    assert _comparisons(reversed_) == [("MD", 2.3, "ibuprofen", "ketorolac")]


# --- a factorial design: an arm whose absence the model holds too is against that absence

def test_a_factorial_arm_is_against_its_absence():
    text = ("Methods: In a 2x2 factorial trial, 2400 infants were randomized to iron or no iron and to folate or no "
            "folate.\nResults: Iron reduced anaemia (rate ratio 0.71, 95% CI 0.60 to 0.84), whereas folate had no "
            "effect (rate ratio 0.98, 95% CI 0.84 to 1.15).")
    assert _comparisons(text) == [("IRR", 0.71, "iron", "no iron"), ("IRR", 0.98, "folate", "no folate")]


def test_a_treatment_whose_absence_is_no_arm_is_not_set_against_it():
    text = ("Methods: Patients were randomized to lidocaine, ketamine or magnesium.\nResults: Lidocaine reduced "
            "opioid consumption (rate ratio 0.81, 95% CI 0.70 to 0.94).")
    (_, _, a, b), = _comparisons(text)
    assert a == "lidocaine" and b != "no lidocaine"


# --- groups named by any letter, defined by what each received after an allocation into that many groups

def test_groups_lettered_by_their_treatment_are_named_by_what_they_received():
    text = ("Methods: Ninety patients undergoing tonsillectomy were randomly divided into two groups: group K received "
            "ketamine 0.5 mg/kg and group S received normal saline.\nResults: Agitation was less frequent in group K "
            "(OR 0.31, 95% CI 0.12 to 0.80).")
    study = build_study("doc", text)
    assert {a.canonical for a in study.arms} == {"ketamine", "normal saline"}
    assert _comparisons(text) == [("OR", 0.31, "ketamine", "normal saline")]


def test_letters_not_defined_for_as_many_groups_as_allocated_are_no_arms():
    # three groups allocated, two letters defined: the letters may be anything (a blood group, a grade)
    text = ("Methods: Ninety patients were randomly divided into three groups. Group K received ketamine and group S "
            "received normal saline.")
    assert not [a for a in build_study("doc", text).arms if a.canonical in ("group k", "group s")]


def test_the_intervention_group_is_named_by_what_it_received():
    text = ("Methods: Eighty adults were randomized into intervention (n = 40) and control (n = 40) groups. The "
            "intervention group received a home-based balance programme, while the control group received usual "
            "care.\nResults: Falls decreased more in the intervention group (rate ratio 0.62, 95% CI 0.45 to 0.86).")
    study = build_study("doc", text)
    assert {a.canonical: a.role for a in study.arms} == {"home-based balance programme": "experimental",
                                                          "usual care": "control"}


def test_a_background_alone_is_an_arm_of_its_own():
    study = build_study("doc", "Methods: Patients were randomized to receive hyperimmune globulin plus usual care or "
                               "usual care alone.")
    assert {a.canonical: a.role for a in study.arms} == {"standard care + hyperimmune globulin": "experimental",
                                                          "standard care": "control"}


# --- a name whose hyphen hangs before "or" / "and": "the X- or placebo-treated group"

def test_a_suspended_hyphen_names_the_arm():
    text = ("Methods: 40 adults with insomnia were randomized to trazodone or placebo for 4 weeks.\nResults: Slow-wave "
            "sleep did not differ between the trazodone- or placebo-treated groups (Hedges' g = 0.41).")
    assert _comparisons(text) == [("SMD", 0.41, "trazodone", "placebo")]


def test_a_hyphenated_modifier_is_no_hanging_name():
    from evidence_review.extract.core import _arm_name_pattern
    assert _arm_name_pattern("trazodone").search("trazodone- or placebo-treated").group() == "trazodone"
    assert _arm_name_pattern("trazodone").search("trazodone-induced sleep") is None
