"""Values joined by slashes, one per lettered arm the sentence names the same way ("Arm A/B/C ... 11/52/271 for
medians", "20%/60%/100% of pts in Arms A/B/C"; rules/arm_blocks.py, registry `slash-values-of-lettered-arms`), the
letters given to the arms right after their names where no study model does. Sentences written for these tests,
shaped like a tuning abstract's (names and numbers changed)."""
from __future__ import annotations

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomized to rituximab (arm A) or placebo (arm B). "


def _rows(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["measure"], r["intervention"] or "", r["value"]) for r in rows)


def test_two_lettered_arms_with_their_medians_and_shares():
    text = "Peak responses (Arm A/B) were 18/240 (p = 0.02) for medians. Responses rose in 30%/70% of pts in Arms A/B."
    assert _rows(text) == [("MEDIAN", "placebo", 240.0), ("MEDIAN", "rituximab", 18.0),
                           ("PROPORTION", "placebo", 0.7), ("PROPORTION", "rituximab", 0.3)]


def test_a_run_whose_statistic_is_unsaid_is_left():
    assert _rows("Peak responses (Arm A/B) were 18/240 (p = 0.02).") == [] or \
        all(r[0] not in ("MEAN", "MEDIAN") for r in _rows("Peak responses (Arm A/B) were 18/240 (p = 0.02)."))


def test_no_letters_no_run():
    rows = _rows("Peak responses were 18/240 for medians.")
    assert not [r for r in rows if r[0] == "MEDIAN"]
