"""Study-model arms of shapes unseen reports print: an "either" list whose items hold an "and" ("either scaling
and root planing or laser therapy"), a sized list whose second item opens with its count ("41 women into the X
group and 39 women into the Y and Z group"), one arm written with and without a modifier in two sentences, coded
groups named by a bracket ("Group I (Control) ... Group II (Garlic)"), arms the report calls by a code written as
that group ("group A"), a sentence end printed without its space, and a lone modifier sharing the next item's head
noun. Texts written for these tests."""
from __future__ import annotations

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
