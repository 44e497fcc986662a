"""Within-subject designs in the study model: the conditions every participant received in turn are the arms of one
population (a crossover's treatments, the doses and placebo of a single-dose study); snippets written for these tests
in several wordings, with negatives (what every patient received besides the arms, a parallel allocation)."""
from __future__ import annotations

import pytest

from evidence_review.extract.study import _item_size, arm_key, build_study


def _arms(text: str) -> list[tuple[str, str | None, str]]:
    return [(a.canonical, a.dose or None, a.role) for a in build_study("d", text).arms]


CROSSOVER_DOSES = (
    "Acute effects of inhaled treprostinil in interstitial lung disease: a randomized crossover trial\n"
    "Methods: A randomized, double-blind, crossover study was done in 18 patients. Each patient received a single dose "
    "of 5 µg treprostinil (low dose), 15 µg treprostinil (high dose) and placebo on separate study days. The primary "
    "end-point was the walking distance.\n"
    "Results: Neither dose changed the walking distance.")

ONE_OF_THREE = (
    "Methods: In this randomised, placebo-controlled, cross-over study, 28 adults with asthma attended four visits. "
    "After each challenge, patients received one of three test treatments: two inhalations of terbutaline 250 μg (via "
    "a dry-powder inhaler [DPI]), one inhalation of mometasone/formoterol 200/5 μg or placebo.\n"
    "Results: Both active treatments relieved breathlessness within 3 minutes.")

RANDOM_ORDER = (
    "Methods: Twelve healthy volunteers took part. On three separate days, all 12 subjects were given caffeine 200 mg, "
    "caffeine 400 mg or a decaffeinated drink in random order. Reaction time was measured after 60 minutes.\n"
    "Results: Reaction time was shortest after 400 mg.")

EVERY_CONDITION = (
    "Methods: Every participant completed both conditions: cold-water immersion and passive rest, in a counterbalanced "
    "order, one week apart.\n"
    "Results: Soreness at 48 hours was lower after cold-water immersion.")


def test_single_dose_crossover_gives_two_doses_and_placebo():
    arms = _arms(CROSSOVER_DOSES)
    assert ("placebo", None, "control") in arms
    doses = sorted(dose for canonical, dose, role in arms if canonical.startswith("treprostinil"))
    assert doses == ["15 µg", "5 µg"]
    assert len(arms) == 3


def test_one_of_three_test_treatments_is_the_list_of_arms():
    arms = {canonical: role for canonical, _, role in _arms(ONE_OF_THREE)}
    assert set(arms) == {"terbutaline", "mometasone/formoterol", "placebo"}
    assert arms["placebo"] == "control"
    assert arms["terbutaline"] == arms["mometasone/formoterol"] == "experimental"


def test_conditions_in_random_order_without_a_crossover_word():
    names = [canonical for canonical, _, _ in _arms(RANDOM_ORDER)]
    assert len(names) == 3
    assert sum(n.startswith("caffeine") for n in names) == 2


def test_every_participant_completing_both_conditions():
    names = {canonical for canonical, _, _ in _arms(EVERY_CONDITION)}
    assert names == {"cold-water immersion", "passive rest"}


def test_what_every_patient_received_besides_the_arms_is_no_arm():
    # no turn-taking word and no crossover: a background treatment of everyone, not two conditions
    text = ("Methods: Patients were randomly assigned to drug X 20 mg or placebo. All patients received aspirin and "
            "heparin before the procedure.\nResults: Bleeding occurred in 4 patients.")
    names = {canonical for canonical, _, _ in _arms(text)}
    assert "aspirin" not in names and "heparin" not in names


def test_a_parallel_trial_keeps_its_allocation():
    text = ("Methods: In this randomised trial, 80 patients were randomly assigned to ondansetron 4 mg (n = 40) or "
            "placebo (n = 40). Each patient received the study drug in random order of arrival at the unit.\n"
            "Results: Nausea was reported by 10 and 19 patients.")
    arms = {canonical: n for canonical, n in ((a.canonical, a.n) for a in build_study("d", text).arms)}
    assert arms == {"ondansetron": 40, "placebo": 40}


@pytest.mark.parametrize("item, name", [
    ("two inhalations of salbutamol 100 μg (via a pressurised inhaler [pMDI])", "salbutamol"),
    ("one infusion of ferric carboxymaltose 500 mg", "ferric carboxymaltose"),
    ("three sprays of saline", "saline"),
])
def test_an_amount_and_a_bracket_inside_a_bracket_name_no_arm(item, name):
    assert arm_key(_item_size(item)[0].replace("two inhalations of ", "").replace("one infusion of ", "")
                   .replace("three sprays of ", ""))[0] == name
    assert "[" not in _item_size(item)[0] and "(" not in _item_size(item)[0]


@pytest.mark.parametrize("name, key, dose", [
    ("budesonide/formoterol 160/4.5 µg", "budesonide/formoterol", "160/4.5 µg"),
    ("sitagliptin/metformin 50/1000 mg", "sitagliptin/metformin", "50/1000 mg"),
    ("amlodipine 5 mg", "amlodipine", "5 mg"),
])
def test_a_fixed_combination_dose_is_one_dose(name, key, dose):
    assert arm_key(name) == (key, dose)


def test_each_condition_has_the_size_of_the_one_population():
    study = build_study("d", CROSSOVER_DOSES)
    assert [a.n for a in study.arms] == [18, 18, 18]
    study = build_study("d", RANDOM_ORDER)
    assert {a.n for a in study.arms} == {12}


def test_a_dose_level_label_names_its_dose_arm():
    study = build_study("d", CROSSOVER_DOSES)
    low, high = study.resolve("low dose treprostinil"), study.resolve("the high-dose treprostinil")
    assert low is not None and low.dose == "5 µg"
    assert high is not None and high.dose == "15 µg"


@pytest.mark.parametrize("name, key, dose", [
    ("4 grams/day of curcumin", "curcumin", "4 g/day"),
    ("curcumin 4 gm/day", "curcumin", "4 g/day"),
    ("500 milligrams metformin", "metformin", "500 mg"),
    ("vitamin B12 1000 micrograms", "vitamin b12", "1000 µg"),
])
def test_a_spelled_unit_is_the_unit(name, key, dose):
    assert arm_key(name) == (key, dose)
