"""Arm-level summaries read by aligning the arms a sentence names with its values (rules/arm_blocks.py): each value
takes the arm on its own side of the words that set the values apart, whatever those words are. Sentences written
for these tests (made-up treatments the lexicon does not know: their arms come from the study model, built from the
same text), with negatives of the same look that must give no row."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document, registry
from evidence_review.extract.rules import arm_blocks
from evidence_review.extract.study import build_study

_RULE = arm_blocks.arm_blocks
METHODS = "Patients were randomly assigned to ketorolac (n = 40) or lidocaine (n = 38). "
THREE = "Patients were randomly assigned to ketorolac (n = 40), lidocaine (n = 38) or saline (n = 41). "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))


def _summaries(text: str) -> dict[float, dict]:
    return {r["value"]: r for r in _rows(text) if r["measure"] in ("MEAN", "MEDIAN")}


@pytest.mark.parametrize("sentence, first, second", [
    # the first arm named before its value, the second after its own: the words between set them apart
    ("The mean number of rescue analgesics in the ketorolac group was 2.09 \u00b1 0.90, and 0.8 \u00b1 1.15 in the "
     "lidocaine group (P < 0.001).", (2.09, 0.9), (0.8, 1.15)),
    # each arm before its own bracket, a comparative verb between
    ("The duration of the block in the ketorolac group (275.1 \u00b1 96.1 min) was longer than that of the lidocaine "
     "group (211.7 \u00b1 74.8 min).", (275.1, 96.1), (211.7, 74.8)),
    # an arm given as an infusion: the infusion is the arm's, not a dose measured
    ("Ketorolac infusion reduced the glycaemic response (AUC ketorolac (2077 \u00b1 144 mmol/l min) vs lidocaine "
     "(2568 \u00b1 208 mmol/l min); P = 0.02).", (2077.0, 144.0), (2568.0, 208.0)),
])
def test_each_value_takes_the_arm_on_its_side(sentence, first, second):
    found = _summaries(METHODS + sentence)
    for (value, sd), arm, size in ((first, "ketorolac", 40), (second, "lidocaine", 38)):
        row = found.get(value)
        assert row is not None, f"no row {value} in {sorted(found)}"
        assert row["measure"] == "MEAN" and row["sd"] == pytest.approx(sd)
        assert row["intervention"] == arm and row["total"] == size


def test_three_arms_each_beside_its_value():
    found = _summaries(THREE + "The mean time to the first request was 5.2 \u00b1 1.1 h with ketorolac, whereas it "
                               "was 3.9 \u00b1 1.4 h with lidocaine but only 2.1 \u00b1 0.8 h with saline.")
    assert {v: r["intervention"] for v, r in found.items()} == {5.2: "ketorolac", 3.9: "lidocaine", 2.1: "saline"}
    assert found[2.1]["total"] == 41


def test_a_bare_mean_named_so_and_a_proportion_printed_as_a_fraction():
    found = _summaries(METHODS + "The mean pain score was 3.4 in the ketorolac group, compared with 5.1 in the "
                                 "lidocaine group.")
    assert found[3.4]["intervention"] == "ketorolac" and found[5.1]["intervention"] == "lidocaine"
    assert found[3.4]["sd"] is None
    rows = _rows(METHODS + "The average proportions with a pain score below 3 during the first week were 0.62 in "
                           "ketorolac and 0.47 in lidocaine (difference 0.15, 95% CI: 0.02 to 0.28).")
    shares = {r["value"]: (r["intervention"], r["total"], r["events"]) for r in rows if r["measure"] == "PROPORTION"}
    assert shares == {0.62: ("ketorolac", 40, None), 0.47: ("lidocaine", 38, None)}


@pytest.mark.parametrize("sentence", [
    # values listed, then a list of arms: the list's order is for the rules of lists, never the last arm alone
    "Fatigue scores were 1.2 \u00b1 0.4 and 1.9 \u00b1 0.3 in the ketorolac and lidocaine groups.",
    # a dose of each arm: how the trial ran
    "Patients received ketorolac (mean 30 mg) or lidocaine (mean 200 mg) intravenously.",
    # bare values the clause does not call a mean: no row
    "The score was 3.4 in the ketorolac group, compared with 5.1 in the lidocaine group.",
    # a change from one value to another in each arm
    "The mean score fell from 7 to 5 with ketorolac and from 7 to 6 with lidocaine.",
    # values said to be approximate: a description
    "The mean osmolality of ketorolac is about 300 mOsm/L, and that of lidocaine is about 285 mOsm/L.",
    # a part of the trial's population
    "Among 24 smokers, the mean score was 4.1 \u00b1 1.0 in the ketorolac group and 5.6 \u00b1 1.2 in the lidocaine group.",
    # another study's figures
    "In an earlier trial, the mean score was 4.1 \u00b1 1.0 with ketorolac and 5.6 \u00b1 1.2 with lidocaine [12].",
])
def test_what_is_no_arm_summary_this_rule_leaves(sentence, monkeypatch):
    text = METHODS + sentence
    with_rule = _rows(text)
    monkeypatch.setattr(arm_blocks, "arm_blocks", lambda s: None)
    monkeypatch.setattr(registry, "_FINDERS_BY_GATE", {
        has: tuple(f for f in finders if f is not _RULE) for has, finders in registry._FINDERS_BY_GATE.items()})
    without = _rows(text)
    assert _values(with_rule) == _values(without)


def _values(rows: list[dict]) -> list[tuple]:
    return sorted((r["measure"], r["value"], r["intervention"]) for r in rows)


def test_a_value_between_two_arms_with_nothing_to_tell_takes_neither():
    # both arms named before the pair, compared with each other: the pair's order is not this rule's to guess
    found = _summaries(METHODS + "Compared with lidocaine, ketorolac lowered the mean score (3.1 \u00b1 1.2 vs 5.4 "
                                 "\u00b1 1.9).")
    assert all(r["intervention"] != "lidocaine" or r["value"] != 3.1 for r in found.values())


def test_signed_changes_each_beside_its_arm():
    found = _summaries(THREE + "The change in peak oxygen uptake was +1.12 in the ketorolac group, -0.04 in the "
                               "lidocaine group and -0.93 in the saline group.")
    assert {v: (r["intervention"], r["total"]) for v, r in found.items()} == {
        1.12: ("ketorolac", 40), -0.04: ("lidocaine", 38), -0.93: ("saline", 41)}


def test_unsigned_values_of_a_change_are_not_read_as_means():
    # without a sign or the word "mean" a bare number of a change may be a count or a time
    found = _summaries(THREE + "The change in peak oxygen uptake was 12 in the ketorolac group, 4 in the lidocaine "
                               "group and 9 in the saline group.")
    assert not found



CODED = "Adults were randomly assigned to oral iron (FE, n = 36) or a control diet (CD, n = 35). "


@pytest.mark.parametrize("sentence, measure", [
    # each arm's name in a bracket of its own after its value
    ("Median time to recovery was 5 days (FE) versus 8 days (CD).", "MEDIAN"),
    ("Median time to recovery was 5 days (FE group) versus 8 days (CD group).", "MEDIAN"),
    # a concentration is a measurement, not a dose: "ng/mL" after the value
    ("Mean peak ferritin was higher after FE (31.7 ng/mL) than after CD (12.9 ng/mL).", "MEAN"),
])
def test_bare_levels_beside_their_arms_in_brackets_or_with_a_concentration(sentence, measure):
    rows = [r for r in _rows(CODED + sentence) if r["measure"] == measure]
    assert sorted((r["intervention"], r["total"]) for r in rows) == [("a control diet", 35), ("oral iron", 36)]


@pytest.mark.parametrize("sentence", [
    "Patients received 2 mg/kg/day (FE) or 4 mg/kg/day (CD).",          # doses: how the trial ran
    "The mean dose was 20 mg/day (FE) versus 30 mg/day (CD).",           # a dose per day, not a level
    "Median time to recovery was 5 days (men) versus 8 days (women).",   # brackets naming no arm
])
def test_doses_or_brackets_naming_no_arm_give_no_levels(sentence):
    assert not [r for r in _rows(CODED + sentence) if r["measure"] in ("MEAN", "MEDIAN")]
