"""Items each with its share in a bracket, one per arm named before them, closed by "respectively"
(rules/aligned.items_of_each_arm_respectively): "The most prevalent side effects of A and B were X (38.2%) and Y
(35.3%), respectively". Sentences written for these tests, names and numbers changed; negatives."""
from __future__ import annotations

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _shares(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["events"], r["total"], r["intervention"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"]


def test_each_item_is_its_arms_share():
    got = _shares("The most common complaints after rituximab and placebo were found to be mild headache (30.0%) and "
                  "nausea (21.1%), respectively.")
    assert (12, 40, "rituximab", "mild headache") in got and (8, 38, "placebo", "nausea") in got


def test_one_arm_named_gives_no_arm_per_item():
    got = _shares("The most common complaints after rituximab were headache (30.0%) and nausea (20.0%), respectively.")
    assert not [g for g in got if g[2] == "placebo"]


def test_a_share_no_count_of_the_arm_gives_gives_no_item_row():
    got = _shares("The most common complaints after rituximab and placebo were headache (31.3%) and nausea (21.1%), "
                  "respectively.")
    assert (8, 38, "placebo", "nausea") not in got
