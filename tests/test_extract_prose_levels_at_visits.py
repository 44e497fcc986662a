"""One arm's levels at its visits, each a value with its unit alone in the bracket after the visit
(rules/within_arm.py, registry `levels-at-visits`): MEANs of the one arm the sentence names. Sentences written for
these tests, shaped like a tuning report's results (names and numbers changed)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 16) or placebo (n = 15). "


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"] or "", r["value"]) for r in rows if r["measure"] == "MEAN")


def test_levels_at_visits_of_the_one_arm_named():
    text = ("We found slightly higher titres at week 24 (31.5 ng/mL) and week 48 (33.0 ng/mL), compared to baseline "
            "(28.2 ng/mL) against the reference strain in the placebo arm (Fig 2A).")
    assert _means(text) == [("placebo", 28.2), ("placebo", 31.5), ("placebo", 33.0)]


@pytest.mark.parametrize("text", [
    # two arms named: whose level each is the sentence does not say
    "Titres were 31.5 at week 24 (31.5 ng/mL) and week 48 (33.0 ng/mL) in the placebo and rituximab arms.",
    # one visit only, or counts in the brackets
    "In the placebo arm, titres were higher at week 24 (31.5 ng/mL).",
    "In the placebo arm, visits were missed at week 24 (n = 3) and week 48 (n = 5).",
])
def test_no_levels_at_visits_where_the_shape_is_not_whole(text):
    assert not [m for m in _means(text) if m[1] in (31.5, 33.0, 3.0, 5.0)]
