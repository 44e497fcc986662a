"""Arms named by the title, the aim and the administration sentence, for treatments the drug lexicon does not know
(a drug, a device, a therapy). Texts written for these tests: other names, other connectors, other word orders."""
from __future__ import annotations

import pytest

from evidence_review.extract.named_arms import compared_pair, named_treatment, placebo_design, role_of_label
from evidence_review.extract.study import build_study


def _names(text: str, title: bool = True) -> list[str]:
    return [p.name for p in compared_pair(text, title=title)]


@pytest.mark.parametrize("text, expected", [
    ("Acupressure versus sham acupressure for nausea after surgery", ["Acupressure", "sham acupressure"]),
    ("Acupressure vs. sham acupressure in labour: a randomized trial", ["Acupressure", "sham acupressure"]),
    ("Acupressure vs sham acupressure during chemotherapy", ["Acupressure", "sham acupressure"]),
    ("Kinesio tape compared with a lace-up brace after ankle sprain", ["Kinesio tape", "lace-up brace"]),
    ("Effects of warm compresses vs no compresses during the second stage of labour",
     ["warm compresses", "no compresses"]),
    ("A comparison of lidocaine spray and chilled gel for pain relief", ["lidocaine spray", "chilled gel"]),
    ("Comparing early mobilisation with bed rest after hip fracture", ["early mobilisation", "bed rest"]),
    ("Randomized comparison of splint versus cast and versus elastic bandage in wrist injury",
     ["splint", "cast", "elastic bandage"]),
    ("Silver dressing, versus iodine dressing, versus plain gauze for venous ulcers",
     ["Silver dressing", "iodine dressing", "plain gauze"]),
])
def test_a_title_names_its_arms_with_any_connector(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pregabalin (150 mg) or placebo was given 2 hours before the operation.", ["Pregabalin", "placebo"]),
    ("Pregabalin or matching placebo were administered orally at bedtime.", ["Pregabalin", "matching placebo"]),
    ("Participants received placebo (control) or pregabalin before the operation.", ["placebo", "pregabalin"]),
    ("Women were randomised to receive either a birthing ball or standard positioning during labour.",
     ["birthing ball", "standard positioning"]),
    ("Patients took a tablet containing 20 mg of melatonin or 20 mg of placebo at night.",
     ["melatonin", "20 mg of placebo"]),
    ("Objective: to compare cold therapy with heat therapy in acute neck pain.", ["cold therapy", "heat therapy"]),
    ("Intervention: 500 ml warm water enema, versus no enema, allocated by sealed envelopes.",
     ["500 ml warm water enema", "no enema"]),
])
def test_a_sentence_that_says_what_was_given_names_the_arms(text, expected):
    assert _names(text, title=False) == expected


@pytest.mark.parametrize("text", [
    "Pain scores were 3.1 with pregabalin versus 4.2 with placebo (P = 0.01).",       # values, not arms
    "A weight loss in the exercise group compared to a weight gain in the diet group was seen.",
    "Patients were recruited between March 2015 and June 2016 or later.",
    "The median stay was 73 days versus 20 of 47 patients.",
    "Nausea or vomiting occurred in 12 women.",                                        # "or" of two outcomes
])
def test_results_dates_counts_and_outcomes_are_no_arms(text):
    assert _names(text, title=False) == []


def test_labels_after_a_name_give_its_role():
    pair = compared_pair("Elastic stockings (intervention) were compared with no stockings (control).", title=False)
    assert [(p.name, role_of_label(p.label)) for p in pair] == [("Elastic stockings", "experimental"),
                                                                ("no stockings", "control")]
    assert role_of_label("Active control group") == "control" and role_of_label("400 mg") == ""


@pytest.mark.parametrize("title, expected", [
    ("Effect of lavender oil on anxiety before surgery: a randomized placebo-controlled trial", "lavender oil"),
    ("Efficacy and safety of a mindfulness course in chronic tinnitus", "mindfulness course"),
    ("Preemptive use of ketorolac on pain after tooth extraction", "ketorolac"),
    ("Honey dressing for the treatment of diabetic foot ulcers", "Honey dressing"),
    ("Peer support in the management of type 2 diabetes: a cluster randomised trial", "Peer support"),
    ("Vitamin K to prevent bleeding in newborns", "Vitamin K"),
])
def test_a_title_about_one_treatment_names_it(title, expected):
    found = named_treatment(title)
    assert found is not None and found.name == expected


def test_a_title_about_two_treatments_names_no_single_one():
    assert named_treatment("Effect of zinc and vitamin A on diarrhoea in children") is None


def test_the_design_names_the_placebo_or_sham():
    assert placebo_design("A double-blind, placebo-controlled trial") == "placebo"
    assert placebo_design("a sham-controlled study of laser therapy") == "sham"
    assert placebo_design("an open-label controlled trial") == ""


def _arms(text: str) -> list[tuple]:
    return sorted((a.canonical, a.role) for a in build_study("doc", text).arms)


def test_study_takes_the_arms_of_an_administration_sentence_for_an_unknown_drug():
    text = ("Preemptive pregabalin for pain after knee surgery: a randomized trial\n\n"
            "Methods: Sixty patients were enrolled. Pregabalin (150 mg) or placebo was given 2 hours before surgery.")
    assert _arms(text) == [("placebo", "control"), ("pregabalin", "experimental")]


def test_study_takes_a_three_arm_title():
    text = ("Randomized comparison of splint versus cast and versus elastic bandage in wrist injury\n\n"
            "Abstract: We enrolled 150 adults.")
    assert [a[0] for a in _arms(text)] == ["cast", "elastic bandage", "splint"]


def test_study_names_a_generic_intervention_arm_by_its_title():
    text = ("Efficacy of a peer support programme for women with postnatal depression: a randomised trial\n\n"
            "Methods: We randomised participants 1.5:1 to intervention (240) or control (160).")
    arms = sorted((a.canonical, a.n, a.role) for a in build_study("doc", text).arms)
    assert arms == [("control", 160, "control"), ("peer support programme", 240, "experimental")]


def test_study_gives_a_title_treatment_the_placebo_its_design_names():
    text = ("Effect of lavender oil on anxiety before surgery: a randomized, placebo-controlled trial\n\n"
            "Results: Anxiety scores fell in 60 patients.")
    assert _arms(text) == [("lavender oil", "experimental"), ("placebo", "control")]


def test_the_arm_that_went_without_is_the_control_wherever_the_list_names_it():
    text = "Methods: 90 women were allocated to no iron, 60 mg ferrous sulphate daily, or 120 mg ferrous sulphate daily."
    roles = dict(_arms(text))
    assert roles["no iron"] == "control"


def test_a_title_naming_a_trial_beats_reviews_in_its_background():
    text = ("Randomized comparison of splint versus cast in wrist injury\n\n"
            "Background: A systematic review and meta-analysis of 12 trials was inconclusive.")
    assert build_study("doc", text).design == "RCT"


# --- the table: headers that name an arm in other words, and comparisons printed under the arm columns -------------

from table_grids import read_pipe_table  # noqa: E402


@pytest.mark.parametrize("header_a, header_b", [
    ("Pregablin", "Placebo"),                 # a letter missing
    ("Pergabalin", "Placebo"),                # two letters swapped
    ("Pregabalin group", "Placebo group"),
    ("Pregabalin capsules", "Placebo"),       # the methods' name and a word of the header's own
])
def test_a_header_naming_the_arm_in_other_words_or_misspelt_is_that_arm(header_a, header_b):
    text = f"""Patients received pregabalin (150 mg) or placebo before surgery.
Table 2. Pain at 24 h
| Outcome | {header_a} (n = 30) | {header_b} (n = 30) |
| Pain at rest, n (%) | 6 (20) | 12 (40) |
"""
    _, rows = read_pipe_table(text, f"| Outcome | {header_a} (n = 30) | {header_b} (n = 30) |", "Table 2. Pain at 24 h")
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("pregabalin", 6, 30), ("placebo", 12, 30)]


def test_headers_sharing_a_word_of_two_arms_resolve_to_neither():
    from evidence_review.extract.study import build_study
    study = build_study("d", "Randomized comparison of short splint versus long splint in wrist injury\n\nText.")
    assert study.resolve_column("Splint") is None          # "splint" is in both arms' names
    assert study.resolve_column("Long splint (n = 20)").canonical == "long splint"


def test_a_generic_column_is_the_treatment_the_methods_name():
    text = """Adults were given tablets of a herbal extract or placebo three times a day.
Table 1. Characteristics
| Variable | Drug | Placebo |
| Age (years) | 52.1±9.0 | 50.3±8.7 |
"""
    _, rows = read_pipe_table(text, "| Variable | Drug | Placebo |", "Table 1. Characteristics")
    assert [(r["intervention"], r["value"]) for r in rows] == [("herbal extract", 52.1), ("placebo", 50.3)]


@pytest.mark.parametrize("label, measure", [
    ("Odds ratio (95% CI)", "OR"), ("Relative risk", "RR"), ("Risk ratio [95% CI]", "RR"), ("Hazard ratio", "HR"),
    ("Mean difference (95% CI)", "MD"), ("OR (95% CI)", "OR"),
])
def test_comparisons_printed_under_arm_columns_are_the_first_arm_against_the_next(label, measure):
    text = f"""Methods: Children were randomised to receive either zinc syrup or placebo syrup.
Table 3. Outcomes by visit
| Visit | Measure | Day 3 | | Day 7 | |
| | Group | Zinc syrup | Placebo syrup | Zinc syrup | Placebo syrup |
| Diarrhoea | Cases, n (%) | 8 (20) | 12 (30) | 4 (10) | 9 (22) |
| | {label} | 0.58 (0.21-1.60) | | 0.41 (0.11-1.49) | |
"""
    _, rows = read_pipe_table(text, "| Visit | Measure | Day 3 | | Day 7 | |", "Table 3. Outcomes by visit", header_rows=2)
    effects = [(r["measure"], r["value"], r["ci_low"], r["intervention"], r["comparator"]) for r in rows
               if r["measure"] == measure]
    assert effects == [(measure, 0.58, 0.21, "zinc syrup", "placebo"), (measure, 0.41, 0.11, "zinc syrup", "placebo")]


def test_a_comparison_under_the_second_column_is_that_arm_against_the_first():
    text = """Methods: Children were randomised to receive either zinc syrup or placebo syrup.
Table 3. Outcomes
| Outcome | Placebo syrup | Zinc syrup |
| Cases, n (%) | 12 (30) | 8 (20) |
| Odds ratio (95% CI) | | 0.58 (0.21-1.60) |
"""
    _, rows = read_pipe_table(text, "| Outcome | Placebo syrup | Zinc syrup |", "Table 3. Outcomes")
    assert [(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "OR"] == [("zinc syrup", "placebo")]


# --- roles and names the text gives an arm ------------------------------------------------------------------------

def _roles(text: str) -> dict[str, str]:
    return {a.canonical: a.role for a in build_study("doc", text).arms}


@pytest.mark.parametrize("text", [
    # the labels after the names, whatever order the size list names the arms in
    "Methods: Iron (60 mg) plus folic acid (0.4 mg) (IFA) daily (intervention) was compared against iron alone "
    "(60 mg) (IRO) daily (control). Results: Of 900 women randomised, 800 were analysed (IRO: 398; IFA: 402).",
    "Methods: Iron plus folic acid (IFA) [intervention] was compared with iron only (IRO) [control group]. "
    "Results: Of 900 women randomised, 800 were analysed (IRO: 398; IFA: 402).",
])
def test_a_label_in_brackets_gives_the_role_and_an_abbreviation_after_doses_is_defined(text):
    study = build_study("doc", text)
    by_alias = {alias: a for a in study.arms for alias in a.aliases}
    assert by_alias["IFA"].role == "experimental" and by_alias["IRO"].role == "control"
    assert "plus folic acid" in by_alias["IFA"].canonical        # the combination, not one drug


def test_the_same_care_plus_an_addition_is_the_intervention_named_by_what_it_adds():
    text = ("Methods: We randomly assigned 40 clinics to standard resuscitation protocols or the same protocols plus "
            "a compression device before transfer.")
    assert _roles(text) == {"standard resuscitation protocols": "control", "compression device": "experimental"}


def test_an_arm_that_adds_a_referral_is_named_by_what_is_added():
    text = ("Participants: 900 women were assigned, using web randomisation, to usual antenatal care, or addition of "
            "referral to a Community Doula (CD) service.")
    assert _roles(text) == {"usual antenatal care": "control", "community doula service": "experimental"}


def test_the_intervention_as_a_subject_is_the_trials_arm_not_a_patient_factor():
    from evidence_review.extract import extract_one
    text = ("Methods: We randomly assigned 30 clinics to standard protocols or the same protocols plus a compression "
            "device before transfer. Results: The intervention was associated with a non-significant 40% reduced odds "
            "of death (OR 0.60, 95% CI 0.20-1.80) and a 35% reduction in severe morbidity (OR 0.65, 95% CI 0.30-1.40).")
    rows, _, _ = extract_one("d", text)
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "OR"] == [
        (0.6, "compression device", "standard protocols"), (0.65, "compression device", "standard protocols")]


@pytest.mark.parametrize("with_, without", [("with compresses", "without compresses"),
                                            ("with a compress", "without a compress")])
def test_with_and_without_name_the_two_arms_and_the_shares_orient_the_ratio(with_, without):
    from evidence_review.extract import extract_one
    # 14% / 22% = 0.66: the ratio printed is "without" relative to "with", whatever order the sentence names them in
    text = ("Effects of warm compresses vs no compresses during labour: a randomised trial\n\n"
            f"Results: Perineal infection: 41/190 [22%] {with_} v 26/182 [14%] {without}; RR 0.66 CI 95%: 0.43 to 1.03.")
    rows, _, _ = extract_one("d", text)
    shares = [(r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"]
    assert shares == [(41, 190, "warm compresses"), (26, 182, "no compresses")]
    ratio = [r for r in rows if r["measure"] == "RR"]
    assert len(ratio) == 1
    # stored as the trial's intervention against its control: the reciprocal of the printed 0.66
    assert (ratio[0]["intervention"], ratio[0]["comparator"]) == ("warm compresses", "no compresses")
    assert abs(ratio[0]["value"] - 1 / 0.66) < 1e-6 and abs(ratio[0]["ci_high"] - 1 / 0.43) < 1e-6


# --- a prognostic factor named by a demonstrative subject ---------------------------------------------------------

@pytest.mark.parametrize("before, sentence, factor", [
    ("The presence of new silent infarcts during follow-up was associated with dementia (p = 0.01).",
     "These infarcts also increased the risk of stroke (HR = 12.4, 95% CI = 2.1-73, p < 0.01).",
     "new silent infarcts during follow-up"),
    ("Having elevated troponin at admission was common.",
     "This marker predicted death (OR 3.2, 95% CI 1.5-6.8).", "elevated troponin"),
    ("Patients with a prior fracture were older.",
     "Such fractures were associated with a higher risk of falls (HR 2.0, 95% CI 1.2-3.3).", "prior fracture"),
])
def test_a_demonstrative_subject_is_the_factor_the_sentence_before_names(before, sentence, factor):
    from evidence_review.extract.factors import factor_arms, resolve_demonstrative
    subject = sentence[:sentence.index("(")]
    label = subject.split(" increased")[0].split(" predicted")[0].split(" were")[0]
    resolved = resolve_demonstrative(label, before)
    if factor == "elevated troponin":
        # "This marker": no word of the sentence before is "marker", so nothing to point back to
        assert resolved == label
        return
    assert resolved == factor
    sides = factor_arms(sentence, sentence.index("(") + 1, subject, set(), before)
    assert sides == (factor, "no " + factor)


# --- "either A or B" lists that describe each arm -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Children were randomized to receive antibiotics either according to a CRP-guided algorithm developed for adults "
     "or usual care guidelines.", [("CRP-guided algorithm", ""), ("usual care guidelines", "")]),
    ("Participants were randomised to receive a set of text messages either promoting regular walking or containing "
     "general health information as a control.", [("regular walking", ""), ("general health information", "control")]),
])
def test_either_or_lists_name_each_arm_without_how_it_is_given(text, expected):
    assert [(p.name, p.label) for p in compared_pair(text, title=False)] == expected


def test_an_allocation_either_list_after_a_shared_head_and_a_generic_control_are_one_arm_each():
    text = ("Methods: Participants were randomised to receive a set of text messages either promoting regular walking "
            "or containing general health information as a control. Results: 900 participants were assigned to active "
            "(n = 452) and control (n = 448) groups.")
    arms = sorted((a.canonical, a.n, a.role) for a in build_study("doc", text).arms)
    assert arms == [("general health information", 448, "control"), ("regular walking", 452, "experimental")]


def test_an_abbreviation_inside_an_arm_name_is_spelled_out():
    text = ("Background: Serum-troponin (TRP) guides care. Methods: Patients were randomized to receive care either "
            "according to a TRP pathway designed for adults or standard care. ")
    names = {a.canonical for a in build_study("doc", text).arms}
    assert "troponin pathway" in names and "standard care" in names


@pytest.mark.parametrize("subject, factor, reference", [
    ("In logistic regression having 4 or more prior admissions was the strongest risk factor for readmission ",
     "4 or more prior admissions", "under 4 prior admissions"),
    ("In multivariate analysis, smoking was associated with wound infection ", "smoking", "no smoking"),
    ("In the same model a haemoglobin greater than 12 g/dl approached significance ", "haemoglobin greater than 12 g/dl",
     "haemoglobin 12 or less"),
    ("and the presence of ascites ", "ascites", "no ascites"),
])
def test_where_an_estimate_comes_from_is_no_part_of_its_factor(subject, factor, reference):
    from evidence_review.extract.factors import reference_of, sentence_factor
    assert sentence_factor(subject) == factor
    assert reference_of(factor) == reference


def test_the_studys_control_arm_goes_last_and_control_names_a_standard_care_with_more_words():
    from evidence_review.extract import extract_one
    text = ("Participants: 600 women were assigned to usual antenatal care, or addition of referral to a Community Doula "
            "(CD) service. Results: Attendance was high in the usual antenatal care control and did not rise with "
            "addition of the CD service (8.1 vs 8.1 (mean difference; MD) 0.00, 95% CI -0.30 to 0.30). Anxiety was "
            "lower than in the control group (MD -0.50, 95% CI -0.90 to -0.10).")
    rows, study, _ = extract_one("d", text)
    assert [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"] == [
        (0.0, "community doula service", "usual antenatal care"), (-0.5, "community doula service", "usual antenatal care")]


# --- combination arms stay combinations ----------------------------------------------------------------------------

def test_combination_arms_keep_every_part_and_answer_to_their_spoken_names():
    from evidence_review.extract import extract_one
    text = """Methods: Adults with acute gout were randomized (1:1:1).
Table 1. Baseline characteristics
| Characteristic | SC placebo + oral colchicine (n = 70) | SC canakinumab + oral colchicine (n = 72) | SC canakinumab + oral placebo (n = 71) |
| Age, years, mean ± SD | 51.2 ± 10.1 | 52.0 ± 9.8 | 50.7 ± 11.0 |
Results: The mean reduction in pain with canakinumab plus colchicine, 1.60 points, was not greater than with colchicine alone, 1.45 points (least squares mean difference -0.15, 95% CI -0.45, 0.15). Placebo (n = 70) was well tolerated.
"""
    from table_grids import pipe_table
    table = pipe_table(text, "| Characteristic | SC placebo + oral colchicine (n = 70) | SC canakinumab + oral colchicine (n = 72) | "
                             "SC canakinumab + oral placebo (n = 71) |", caption="Table 1. Baseline characteristics")
    rows, study, _ = extract_one("d", text, structure={"tables": [table]})
    # a route is no part of the name; the placebo arm with a drug is that combination, not "placebo"; a bare "Placebo
    # (n = 70)" is the one arm holding placebo with that size
    assert sorted(a.canonical for a in study.arms) == ["canakinumab + colchicine", "placebo + canakinumab",
                                                       "placebo + colchicine"]
    md = [(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"]
    assert md == [("canakinumab + colchicine", "placebo + colchicine")]
