"""Roles of two active treatments from the order a title or an aim compares them in, when only an allocation
list's order gave them. Texts written for these tests."""
from __future__ import annotations

from evidence_review.extract.study import build_study


def _roles(text: str) -> dict[str, str]:
    return {a.canonical: a.role for a in build_study("doc", text).arms}


ALLOCATED = ("Four hundred adults with community-acquired pneumonia were randomised to either "
             "ceftriaxone/azithromycin (CA) or ceftriaxone/doxycycline (CD). ")


def test_title_naming_the_second_listed_treatment_first_makes_it_experimental():
    text = ("A comparison of doxycycline with azithromycin, each combined with ceftriaxone, in adults with pneumonia\n\n"
            + ALLOCATED + "Clinical cure was similar (81% vs 79%; OR 1.1, 95% CI 0.7-1.8).")
    assert _roles(text) == {"ceftriaxone/azithromycin": "control", "ceftriaxone/doxycycline": "experimental"}


def test_an_aim_comparing_them_decides_when_the_title_does_not():
    text = ("Antibiotics for pneumonia in adults\n\nThe study was designed to compare doxycycline plus ceftriaxone "
            "versus ceftriaxone/azithromycin in adults. " + ALLOCATED)
    assert _roles(text)["ceftriaxone/doxycycline"] == "experimental"


def test_the_list_order_stays_when_the_title_names_only_one_treatment_or_compares_nothing():
    text = "Doxycycline in adults with pneumonia\n\n" + ALLOCATED
    assert _roles(text) == {"ceftriaxone/azithromycin": "experimental", "ceftriaxone/doxycycline": "control"}
    text = "A comparison of azithromycin with doxycycline in adults with pneumonia\n\n" + ALLOCATED
    assert _roles(text) == {"ceftriaxone/azithromycin": "experimental", "ceftriaxone/doxycycline": "control"}


def test_a_placebo_arm_stays_the_control_whatever_the_title_order():
    text = ("Placebo versus doxycycline in adults with bronchitis\n\nAdults were randomised to doxycycline (n = 80) or "
            "placebo (n = 80).")
    assert _roles(text) == {"doxycycline": "experimental", "placebo": "control"}


def test_an_effect_naming_neither_arm_takes_the_compared_order():
    from evidence_review.extract import extract_one
    text = ("A comparison of doxycycline with azithromycin, each combined with ceftriaxone, in adults with pneumonia\n\n"
            + ALLOCATED + "There was no difference in clinical cure (81% vs 79%; OR 1.1, 95% CI 0.7-1.8).")
    rows, _, _ = extract_one("d", text)
    ratio = [(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "OR"]
    assert ratio == [("ceftriaxone/doxycycline", "ceftriaxone/azithromycin")]
