"""Before/after pairs of several arms in one sentence (rules/within_arm.before_after): a second "from a to b" right after
the first, joined by "and" without a verb of its own, is the same change in another arm; pairs closed by a list of
arms and "respectively" take those arms in order. Sentences written for these tests; the arms come from the study
model built from the same text."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

METHODS = "Patients were randomly assigned to ketorolac (n = 40) or lidocaine (n = 38). "


def _means(text: str) -> dict[float, tuple]:
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))
    return {r["value"]: (r["intervention"], r["role"], r["sd"]) for r in rows if r["measure"] == "MEAN"}


def test_two_pairs_closed_by_their_arms_respectively():
    found = _means(METHODS + "The ratio of omega-6 to omega-3 fatty acids declined from 15.47 \u00b1 5.51 to 10.62 \u00b1 "
                             "5.07 (p = 0.005), and from 18.15 \u00b1 5.04 to 13.50 \u00b1 4.81 (p = 0.005) in the ketorolac "
                             "and lidocaine groups respectively.")
    assert found == {15.47: ("ketorolac", "baseline", 5.51), 10.62: ("ketorolac", None, 5.07),
                     18.15: ("lidocaine", "baseline", 5.04), 13.5: ("lidocaine", None, 4.81)}


def test_and_from_a_range_is_no_second_pair():
    # "and from 2 to 4 weeks" is a time, not a second arm's levels
    found = _means(METHODS + "In the ketorolac group the mean score fell from 6.2 \u00b1 1.1 to 3.4 \u00b1 0.9, and from "
                             "2 to 4 weeks it stayed stable.")
    assert 2.0 not in found and 4.0 not in found
