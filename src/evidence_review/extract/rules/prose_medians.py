"""Two arms' medians compared in prose with a bracket that no word declares: "Stay was shorter in the A group
compared to the B group (10 (7 to 14) days vs. 12 (7 to 19) days; P = 0.044)".

An abstract often prints a skewed quantity (days, doses, counts) as "value (low to high)" for each arm and names the
statistic nowhere. The bracket holds a pair around its value, so it is no SD or SE; without "CI", "confidence",
"mean", "average", "±" or "SD" anywhere in the sentence, and with no ratio named, the pair is the median's quartiles
(the labelling rule of the held-out batches: a bare pair is an IQR until a heading says otherwise, as the grammar's
`median_spread` reads it). Read only for an "x (a to b) vs. y (c to d)" pair whose value lies inside each bracket, in
a clause that compares two of the study's arms in the order of the values ("in the A group compared to the B
group", "A ... than B"). Order, name and example: registry.py.

A square bracket after an arm's own name reads the same way: "(A -5.0 [-39.0 to -2.5] and B 4.5 [0.0-19.0], p =
0.008)" prints each arm's value with a pair around it in the bracket reports use for quartiles; read as each arm's
MEDIAN when no word of the sentence names a mean, a spread, an interval or a ratio (a median or IQR named elsewhere in
the sentence only confirms it).
"""
from __future__ import annotations

import re

from ..grammar import Summary
from ..model import Estimate
from ..sentence import Sentence
from .arm_data import _compared_before, _quantity, _summaries

# any word that declares what the figures are: then the rules that read declared statistics decide
_DECLARED = re.compile(r"\b(?:means?|average|medians?|SDs?|SEM?|s\.d\.|standard|CIs?|CrI|confidence|credible|IQR|"
                       r"inter-?quartile|range|percentiles?|quartiles?|ratios?|OR|HR|RR|IRR|difference)\b|\u00b1|\+/-",
                       re.I)
# "days vs. 12 (", "grams versus 48 (": the join of the pair, the unit of the first value before it
_VERSUS = re.compile(r"\s*(?:[A-Za-z\u00b5%/][\w/%.\u00b5]{0,11}\s*)?(?:vs\.?|versus)\s*$", re.I)


def _inside(su: Summary) -> bool:
    return su.q1 is not None and su.q3 is not None and su.q1 < su.q3 and su.q1 <= su.center <= su.q3


def undeclared_pairs(s: Sentence) -> None:
    """ "(10 (7 to 14) days vs. 12 (7 to 19) days)" after a clause comparing two arms: each arm's MEDIAN with its
    quartiles, in the order the clause names the arms."""
    seg = s.seg
    if "|" in seg or " vs" not in seg and "versus" not in seg or _DECLARED.search(seg):
        return
    found = [su for su in _summaries(s, "median_spread") if not su.label and _inside(su)]
    last: tuple[list[str], int] | None = None       # the arms of the sentence's last pair, and where it ended
    for first, second in zip(found, found[1:]):
        if not _VERSUS.fullmatch(seg, first.end, second.start):
            continue
        idx = [s.num_at(su.center_start, su.center_end) for su in (first, second)]
        if not all(idx) or not all(s.free(i[0]) for i in idx):
            continue
        arms = _compared_before(s, first.start)
        if not arms and last and not any(last[1] <= g.start < first.start for g in s.groups):
            # "... (10 (7 to 14) days vs. 12 (7 to 19) days; P = 0.04) as well as a shorter therapy (7 (6 to 8)
            # days vs. 8 (7 to 10) days)": a later pair of the sentence, no arm named since, keeps the arms
            arms = last[0]
        if not arms:
            continue
        last = (arms, second.end)
        quantity = _quantity(seg, first.center_start)
        for su, arm in zip((first, second), arms):
            est = Estimate("MEDIAN", su.center, seg[su.center_start:su.center_end].strip(), su.center_start, su.end,
                           kind="median", arm_hint=arm)
            est.q1, est.q3 = su.q1, su.q3
            est.total = s.state.arm_sizes.get(arm)
            est.outcome_hint = quantity
            est.tail_end = su.end
            s.claim_span(su.start, su.end)
            s.estimates.append(est)


# a word naming another statistic than the median (a model's slope or coefficient too): then the bracket may be a CI or
# a range, left to the declared rules
_NAMES_ANOTHER_STATISTIC = re.compile(r"\b(?:means?|average|SDs?|SEM?|s\.d\.|standard|CIs?|CrI|confidence|credible|"
                                      r"range|ratios?|OR|HR|RR|IRR|slopes?|coefficients?)\b|\u00b1|\+/-", re.I)
# between an arm's name and its value: nothing but a group word or a colon ("A: -5.0 [..]", "the A group -5.0 [..]")
_ARM_RIGHT_BEFORE = re.compile(r"\s*(?:(?:group|arm)\b\s*)?[:=,]?\s*", re.I)


def _square_bracketed(seg: str, su: Summary) -> bool:
    return "[" in seg[su.center_end:su.end] and seg[su.start:su.end].rstrip().endswith("]")


def arm_named_square_pairs(s: Sentence) -> None:
    """ "(A -5.0 [-39.0 to -2.5] and B 4.5 [0.0-19.0]": each value right after its arm's name, its square bracket a
    pair around it: the arm's MEDIAN with its quartiles."""
    seg = s.seg
    if "[" not in seg or "|" in seg or _NAMES_ANOTHER_STATISTIC.search(seg):
        return
    for su in _summaries(s, "median_spread"):
        if su.label or su.q1 is None or su.q3 is None or not su.q1 <= su.center <= su.q3 or not _square_bracketed(seg, su):
            continue
        idx = s.num_at(su.center_start, su.center_end)
        if not idx or not s.free(idx[0]):
            continue
        before = [g for g in s.groups if g.end <= su.center_start and _ARM_RIGHT_BEFORE.fullmatch(seg, g.end, su.center_start)]
        if len(before) != 1:
            continue
        arm = before[0].name
        est = Estimate("MEDIAN", su.center, seg[su.center_start:su.center_end].strip(), su.center_start, su.end,
                       kind="median", arm_hint=arm)
        est.q1, est.q3 = su.q1, su.q3
        est.total = s.state.arm_sizes.get(arm)
        est.outcome_hint = _quantity(seg, su.center_start)
        est.tail_end = su.end
        s.claim_span(before[0].start, su.end)
        s.estimates.append(est)
