"""Study-model arms of shapes unseen reports print: an "either" list whose items hold an "and" ("either scaling
and root planing or laser therapy"), a sized list whose second item opens with its count ("41 women into the X
group and 39 women into the Y and Z group"), one arm written with and without a modifier in two sentences, coded
groups named by a bracket ("Group I (Control) ... Group II (Garlic)"), arms the report calls by a code written as
that group ("group A"), a sentence end printed without its space, and a lone modifier sharing the next item's head
noun. Texts written for these tests."""
from __future__ import annotations

from evidence_review.extract.pipeline import extract_one
from evidence_review.extract.study import build_study


def _arms(text: str) -> list[tuple]:
    return [(a.canonical, a.n) for a in build_study("doc", text).arms]


def test_either_list_keeps_an_and_inside_one_side():
    text = ("Methods: In this randomized trial, participants were allocated to either scaling and root planing (S) or "
            "laser therapy (L). Results: Bleeding fell in both groups.")
    study = build_study("doc", text)
    assert _arms(text) == [("scaling and root planing", None), ("laser therapy", None)]
    assert study.resolve("S").canonical == "scaling and root planing"


def test_a_longer_list_after_either_is_still_split():
    text = ("Methods: In this randomized trial, participants were allocated to receive either vitamin C, zinc and "
            "vitamin D or placebo. Results were reported.")
    assert len(build_study("doc", text).arms) >= 3


def test_second_item_opening_with_its_count_ends_the_first_item():
    text = ("Methods: A randomized trial. Of the 80 women, 41 women were randomized into the warm compress group and "
            "39 women into the massage and stretching group. Results were good.")
    assert _arms(text) == [("warm compress", 41), ("massage and stretching", 39)]


def test_one_arm_written_with_a_modifier_in_another_sentence_is_one_arm():
    text = ("Abstract: Of 70 patients, 36 patients were randomized into the image guided wire localization and 34 "
            "patients in the skin marking arm. " + "The study ran in one centre over two years. " * 6 +
            "Methods: Patients were assigned to either wire localization (A) or skin marking (B). Results: In group A "
            "the margin was clear in 30; in group B in 25.")
    study = build_study("doc", text)
    assert _arms(text) == [("image guided wire localization", 36), ("skin marking", 34)]
    # the report calls its arms "group A" and "group B": that is how each arm is written
    assert [a.name for a in study.arms] == ["group A", "group B"]
    assert study.resolve("group B").canonical == "skin marking"


def test_two_names_of_one_list_are_two_arms():
    text = ("Methods: A randomized trial. Patients were assigned to either wire localization or image guided wire "
            "localization. Results were good.")
    assert [c for c, _ in _arms(text)] == ["wire localization", "image guided wire localization"]


def test_coded_groups_named_by_a_bracket_are_the_arms():
    text = ("Methods: Patients were randomly divided into two groups. Group I (Control) was given dietary advice while "
            "Group II (Garlic) received dietary advice along with garlic tablets (300 mg) for 8 weeks. Results: 40 "
            "patients of group I and 38 of group II completed.")
    study = build_study("doc", text)
    assert [(a.canonical, a.role) for a in study.arms] == [("control", "control"), ("garlic", "experimental")]
    assert [a.name for a in study.arms] == ["group I", "group II"]
    assert study.resolve("group II").canonical == "garlic"


def test_brackets_holding_sizes_name_no_arm():
    text = ("Methods: Patients were randomly divided into two groups. Group I (n = 40) was given dietary advice while "
            "Group II (n = 38) received it with tablets. Results were good.")
    assert all(a.canonical not in ("n", "n = 40") for a in build_study("doc", text).arms)


def test_a_sentence_end_without_its_space_ends_the_list():
    text = ("Methods: A randomized trial. Patients were assigned to either cold compress (A) or warm compress (B).The "
            "investigator enrolled patients to either A or B as they presented.")
    assert [c for c, _ in _arms(text)] == ["cold compress", "warm compress"]


def test_a_lone_modifier_shares_the_head_noun_the_report_writes_with_it():
    text = "Methods: One knee was randomly assigned to hot or cold compress. Results: The hot compress knees improved."
    assert [c for c, _ in _arms(text)] == ["hot compress", "cold compress"]


def test_a_modifier_never_written_with_the_head_noun_stays_as_it_is():
    text = "Methods: Patients were randomly assigned to exercise or dietary counselling. Results were good."
    assert [c for c, _ in _arms(text)] == ["exercise", "dietary counselling"]


def test_codes_defined_by_an_equals_sign_are_the_crossover_arms():
    text = ("Methods: In a randomized, four-period cross-over trial, volunteers applied three different lotions in four "
            "periods: L1 = glycerol 10 g (Brand one), L2 = urea 5 g (Brand two), L3 = lanolin 8 g (Brand three) and a "
            "reference product R = paraffin 12 g. Volunteers were randomized between the sequences R/L1/L3/L2 and "
            "L1/L2/R/L3. Figure 1 shows the randomized allocation to the different intervention sequences and the flow "
            "of the subjects. Results: Hydration was 40.1 after L1, 38.2 after L2, 45.0 after L3 and 39.9 after R. "
            "L3 gave a higher hydration than R.")
    study = build_study("doc", text)
    assert [(a.canonical, a.role) for a in study.arms] == [
        ("l1", "experimental"), ("l2", "experimental"), ("l3", "experimental"), ("r", "control")]
    assert study.resolve("L2").canonical == "l2"


def test_a_footnote_of_abbreviations_defines_no_arms():
    text = ("Methods: Patients were randomized to aspirin (n = 50) or placebo (n = 50). Results: Table 1 gives the "
            "values. SD = standard deviation, CI = confidence interval, P = probability. The CI was wide; the SD small.")
    assert [a.canonical for a in build_study("doc", text).arms] == ["aspirin", "placebo"]


def test_a_legend_of_symbols_defines_no_arms():
    text = ("Methods: A randomized trial of two treatments over one treatment period. Results: In Table 2, N = number "
            "of patients, T = time since the treatment started, M = male. N was 40 at T 1 and 38 at T 2; M was 20 "
            "with N 40.")
    assert all(a.canonical not in ("n", "t", "m") for a in build_study("doc", text).arms)


def test_allocation_items_that_are_codes_with_their_arm_in_brackets():
    text = ("Methods: The patients were randomized to group K (ketorolac) or P (paracetamol). In group K, ketorolac "
            "(30 mg) was injected. Results: Pain was lower in group K than in group P.")
    study = build_study("doc", text)
    assert [a.canonical for a in study.arms] == ["ketorolac", "paracetamol"]
    assert [a.name for a in study.arms] == ["group K", "group P"]


def test_names_followed_by_their_group_codes_in_one_list_are_the_arms():
    text = ("Methods: Ninety adults were involved in a randomized trial of an 8 week supplementation with olive oil "
            "(group I), olive oil with flaxseed oil (group II), or with no supplementation (group III). Results: Scores "
            "fell in groups I and II.")
    study = build_study("doc", text)
    assert [(a.canonical, a.role) for a in study.arms] == [
        ("olive oil", "experimental"), ("olive oil with flaxseed oil", "experimental"), ("no supplementation", "control")]
    assert study.resolve("group II").canonical == "olive oil with flaxseed oil"


def test_a_group_code_after_a_clause_names_no_arm():
    text = ("Methods: Patients were randomized. Patients in the first group received 75 mg of the study drug in the "
            "morning of the operation day (group A) while the patients in the second group received a placebo in the "
            "same way (group B). Results were good.")
    assert all("operation day" not in a.canonical for a in build_study("doc", text).arms)


def test_a_counted_population_given_conditions_in_a_crossover_report():
    text = ("A randomized, controlled cross over study. Methods: Twelve healthy female volunteers (age 30 ± 5 years) were "
            "given a single serving of ginger tea or plain hot water in random order. Results: Nausea scores were lower "
            "after the ginger tea.")
    study = build_study("doc", text)
    assert [a.canonical for a in study.arms] == ["ginger tea", "plain hot water"]
    assert study.crossover


def test_a_counted_population_in_a_parallel_report_is_no_within_subject_list():
    text = ("A randomized parallel-group trial. Methods: Twelve healthy volunteers were given a single serving of "
            "ginger tea. Results: Nausea was rare.")
    assert len(build_study("doc", text).arms) < 2


_DOSE_LEVELS = ("Methods: Patients were randomized in a 1:1:1 ratio to low-dose risperidone (1 mg/day), high-dose "
                "risperidone (2 mg/day), or placebo for 6 weeks. Results: 90 patients were randomized to low-dose "
                "risperidone (n = 30), high-dose risperidone (n = 31), or placebo (n = 29). Differences versus placebo "
                "in the score change were significant (low dose, -4.1 [95% CI, -6.0 to -2.2]). Somnolence occurred in "
                "(low dose, 6/30 [20.0%], high dose, 9/31 [29.0%], placebo, 2/29 [6.9%]).")


def test_a_dose_level_alone_resolves_to_the_arm_given_it():
    study = build_study("doc", _DOSE_LEVELS)
    assert study.resolve("low dose").canonical == "risperidone low dose"
    assert study.resolve("the high-dose").canonical == "risperidone high dose"
    assert study.resolve("moderate dose") is None


def test_rows_labelled_by_a_dose_level_take_that_arm():
    rows, _, _ = extract_one("doc", _DOSE_LEVELS)
    md = [(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"]
    assert md == [("risperidone low dose", "placebo")]
    shares = {(r["events"], r["total"]): r["intervention"] for r in rows if r["measure"] == "PROPORTION"}
    assert shares == {(6, 30): "risperidone low dose", (9, 31): "risperidone high dose", (2, 29): "placebo"}


def test_groups_named_with_their_sizes_in_separate_sentences_are_the_arms():
    text = ("Methods: Three groups were compared in this prospective study: the historical (USUAL, N = 35) group before "
            "the protocol and two groups after it. In the LIBERAL group (N = 36) fluids were given freely. Targeted "
            "fluid therapy was used in the TARGET arm (N = 34). Results: Complications were fewer (10 (29 %) vs. 20 "
            "(57 %) patients; relative risk 0.51 (0.30-0.88)) in the TARGET group compared to USUAL.")
    study = build_study("doc", text)
    assert {a.canonical: a.n for a in study.arms} == {"usual": 35, "liberal": 36, "target": 34}
    rr = [(r["intervention"], r["comparator"]) for r in extract_one("doc", text)[0] if r["measure"] == "RR"]
    assert rr == [("target", "usual")]


def test_groups_that_only_say_which_or_how_many_are_no_arms():
    text = ("Methods: A prospective study. In the first group (N = 35) fluids were restricted. In the second group "
            "(N = 36) they were not. Each group (n = 36) was followed for a year.")
    assert [a.canonical for a in build_study("doc", text).arms] == []


_CODED_PRODUCTS = (
    "Methods: In a randomized, four-period cross-over trial, volunteers applied lotions in four periods: L1 = "
    "glycerol 10 g, L2 = urea 5 g, L3 = lanolin 8 g and a reference product R = paraffin 12 g. Results: Hydration was "
    "40.1 after L1, 38.2 after L2, 45.0 after L3 and 39.9 after R. L3 showed a larger hydration than the reference "
    "product R, whereas no differences were detected between L1 and R or between L2 and R (0.21; 95% CI: -3.62-4.23; "
    "P = 0.89, and -1.50; 95% CI: -4.67-1.66; P = 0.53, respectively. L3 also showed a larger hydration than L1 and "
    "L2 (4.59; 95% CI: 0.53-8.65; P = 0.011, and 6.90; 95% CI: 2.23-9.57; P = 0.0009, respectively.")


def test_differences_listed_with_respectively_take_the_pairs_in_order():
    rows, _, _ = extract_one("doc", _CODED_PRODUCTS)
    pairs = {r["value"]: (r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"}
    assert pairs == {0.21: ("l1", "r"), -1.5: ("l2", "r"), 4.59: ("l3", "l1"), 6.9: ("l3", "l2")}


def test_a_one_letter_word_is_no_arm_when_the_arms_are_not_all_codes():
    text = ("Methods: Patients were randomized to aspirin (n = 40) or placebo (n = 40). Analyses used R (version 4). "
            "Results: Pain was lower with aspirin than with placebo (mean difference -1.2; 95% CI -2.0 to -0.4).")
    rows, _, _ = extract_one("doc", text)
    assert [(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"] == [("aspirin", "placebo")]


def test_named_arms_listed_with_respectively_take_the_pairs_in_order():
    methods = "Methods: Patients were randomized to ketamine (n = 30), morphine (n = 30) or tramadol (n = 30). "
    than = methods + ("Results: Ketamine gave lower pain scores than morphine and tramadol (mean difference -1.2; 95% "
                      "CI -2.0 to -0.4, and -1.6; 95% CI -2.4 to -0.8, respectively).")
    between = methods + ("Results: Pain did not differ between ketamine and morphine or between tramadol and morphine "
                         "(mean difference -0.2; 95% CI -1.0 to 0.6, and 0.3; 95% CI -0.5 to 1.1, respectively).")
    for text, expected in ((than, {-1.2: ("ketamine", "morphine"), -1.6: ("ketamine", "tramadol")}),
                           (between, {-0.2: ("ketamine", "morphine"), 0.3: ("tramadol", "morphine")})):
        rows, _, _ = extract_one("doc", text)
        assert {r["value"]: (r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"} == expected


def test_a_statistical_test_compared_with_is_no_arm():
    text = ("Methods: Patients were randomized. In this group, binary variables were compared with Tukey (Honestly "
            "Significant Difference) test. Results were good.")
    assert [a.canonical for a in build_study("doc", text).arms] == []


def test_groups_named_after_a_dash_are_the_arms():
    text = ("Methods: They were randomized after surgery to either of the two groups – study and the control groups. "
            "Then samples were taken.")
    assert [(a.canonical, a.role) for a in build_study("doc", text).arms] == [("study", "experimental"),
                                                                             ("control", "control")]


def test_two_groups_named_in_one_plural_phrase_are_two_names():
    text = ("Methods: Forty patients were randomly divided into two groups; 1% (w/v) bee propolis (BP) was applied "
            "to the BP group (n=20) whereas the control group (n=20) received nothing. Differences between the BP "
            "and control groups were tested. Results: Pain was lower in the BP group than in the control group.")
    study = build_study("doc", text)
    assert sorted(a.canonical for a in study.arms) == ["bee propolis", "control"]
    assert study.resolve("the BP group").canonical == "bee propolis"


def test_the_same_vehicle_fortified_with_additives_is_one_arm_named_by_them():
    text = ("Methods: In a randomized controlled trial, infants were randomly allocated to receive either control "
            "cereal (CC; n = 210) or the same cereal fortified with 1.5 g/day of inulin and 2.0 mg/day of lutein "
            "(FC; n = 208). Results were good.")
    study = build_study("doc", text)
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("control", 210, "control"), ("cereal fortified with inulin and lutein", 208, "experimental")]
    assert study.resolve("FC").n == 208


def test_list_enumerators_name_nothing():
    text = ("Methods: In a 10-week trial, adults (n = 48) were randomized to 1 of 3 groups: 1) TRE (eating within 8 h "
            "daily), 2) walking (30 min daily), or 3) control. Results were good.")
    assert [a.canonical for a in build_study("doc", text).arms] == ["tre", "walking", "control"]


def test_a_design_clause_after_the_groups_ends_the_list():
    text = ("Methods: Patients were randomly assigned to the control and BP groups in this single-blind (assessor-blind), "
            "clinical trial. Seven patients were assigned to the BP group and 6 to the control group.")
    assert sorted(a.canonical for a in build_study("doc", text).arms) == ["bp", "control"]


def test_two_sides_of_one_word_share_the_noun_after_the_second():
    text = ("Methods: In this randomized, double-blind cross-over study, participants drank coffee on two days. "
            "Subjects ingested caffeine-rich (200 mg; CAF) or a caffeine-free instant coffee (DEC) for three days. "
            "Results: Reaction time was shorter after CAF than after DEC.")
    study = build_study("doc", text)
    assert [a.canonical for a in study.arms] == ["caffeine-rich instant coffee", "caffeine-free instant coffee"]
    assert study.resolve("DEC").canonical == "caffeine-free instant coffee"


def test_an_outcome_compared_is_no_arm():
    text = ("Methods: A randomized cross-over study. Results: Six days of X increased plasma nitrite concentrations in "
            "comparison to the other drink (p < 0.001).")
    assert all("concentration" not in a.canonical for a in build_study("doc", text).arms)


def test_one_arm_named_with_its_words_in_another_order_is_one_arm():
    text = ("Abstract: They were randomized into the reminder message group (n = 52) or the usual care group (n = 50). "
            + "The trial ran in two clinics. " * 8 +
            "Methods: Patients were assigned to the message reminder group (n = 52) and the usual care group.")
    study = build_study("doc", text)
    assert [(a.canonical, a.n) for a in study.arms] == [("reminder message", 52), ("standard care", 50)]


def test_an_arm_named_non_x_beside_x_is_the_control():
    text = "Methods: Patients were assigned to display score and non-display score groups by a computer list."
    assert [(a.canonical, a.role) for a in build_study("doc", text).arms] == [
        ("display score", "experimental"), ("non-display score", "control")]


def test_a_header_abbreviating_an_arm_by_its_initials_resolves_to_it():
    text = ("Methods: A randomized trial. Patients were assigned to either needle aspiration (A) or incision and "
            "drainage (B). Results were good.")
    study = build_study("doc", text)
    assert study.resolve_column("I&D").canonical == "incision and drainage"
    assert study.resolve_column("NA") is None      # two bare capitals say too many other things ("not applicable")
    assert study.resolve_column("X&Y") is None
