"""Arms' medians in prose: two arms' medians compared with a bracket that no word declares ("Stay was shorter in the
A group compared to the B group (10 (7 to 14) days vs. 12 (7 to 19) days; P = 0.044)"), and each arm's median with
its confidence interval ("median survival was 14.2 months in the A arm (95% CI 10.1-18.3) vs. 9.8 months (95% CI
7.7-12.0) in the B arm", "12.1 (95% CI, 9.0 to 15.3) and 8.4 (95% CI, 6.2 to NE) months, respectively").

An abstract often prints a skewed quantity (days, doses, counts) as "value (low to high)" for each arm and names the
statistic nowhere. The bracket holds a pair around its value, so it is no SD or SE; without "CI", "confidence",
"mean", "average", "±" or "SD" anywhere in the sentence, and with no ratio named, the pair is the median's quartiles
(the labelling rule of the held-out batches: a bare pair is an IQR until a heading says otherwise, as the grammar's
`median_spread` reads it). Read only for an "x (a to b) vs. y (c to d)" pair whose value lies inside each bracket, in
a clause that compares two of the study's arms in the order of the values ("in the A group compared to the B
group", "A ... than B"). Order, name and example: registry.py.
"""
from __future__ import annotations

import re

from ..grammar import MEDIAN_DECLARED, Summary, parse_number
from ..model import Estimate
from ..sentence import Sentence
from .aligned import _OTHER_CONTRAST, _study_arms
from .arm_data import _clause_start, _compared_before, _quantity, _summaries, _unit_end

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


_BOUND = r"[-+\u2212]?\d+(?:\.\d+)?"
# a median's confidence interval in a bracket: labelled ("(95% CI 10.1-18.3)", "[CI 95%: 7.7 to 12.0]"), or with an
# upper bound not reached, which no quartile or range ever is ("(18.4-NE)", "(16.1 to not reached)")
_NOT_REACHED = r"NE|NR|NA|not\s+(?:estimable|reached|evaluable)"
_MEDIAN_INTERVAL = re.compile(
    r"\s*[(\[]\s*(?:(?P<level>\d{2})\s*%\s*(?:CI|confidence\s+interval)|CI\s*(?P<level2>\d{2})\s*%?|"
    r"(?P<bare>))\s*[,:;=]?\s*(?P<lo>" + _BOUND + r")\s*(?:[-\u2013\u2014]|to|,)\s*(?P<hi>" + _BOUND + r"|" + _NOT_REACHED +
    r")\s*[)\]]", re.I)
# between a value (and its unit) and its own arm: "in the", "with", "for the patients of" ...
_OWN_ARM_LEAD = re.compile(r"\s*(?:in|with|for|among|on|under)\s+(?:the\s+)?(?:patients\s+(?:in|of|on)\s+(?:the\s+)?)?$", re.I)
_GROUP_WORD = re.compile(r"\s*(?:group|arm|cohort)s?\b", re.I)
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,60}\brespectively\b", re.I)


def _interval_at(pos: int, seg: str):
    """The median's interval printed at `pos`: (low, high or None, level or None, end), else None."""
    m = _MEDIAN_INTERVAL.match(seg, pos)
    if m is None:
        return None
    level = m.group("level") or m.group("level2")
    open_ended = re.fullmatch(_NOT_REACHED, m.group("hi"), re.I) is not None
    if level is None and not open_ended:
        return None         # "(10.1-18.3)": a bare pair after a median is its quartiles (undeclared_pairs, aligned)
    lo = parse_number(m.group("lo"))
    hi = None if open_ended else parse_number(m.group("hi"))
    return lo, hi, (int(level) / 100 if level else None), m.end()


def _own_arm_after(s: Sentence, pos: int):
    """The arm named right after `pos` ("months in the A arm"): (its name, where its words end), else None."""
    for g in s.groups:
        if g.start >= pos and g.start - pos <= 40 and _OWN_ARM_LEAD.search(s.seg[pos:g.start]) \
                and (g.start == pos or _OWN_ARM_LEAD.fullmatch(s.seg[pos:g.start])):
            word = _GROUP_WORD.match(s.seg, g.end)
            return g.name, (word.end() if word else g.end)
    return None


def medians_with_intervals(s: Sentence) -> None:
    """Each arm's MEDIAN with its confidence interval, in a clause that says "median": the interval right after the
    value or after the value's own arm ("14.2 months in the A arm (95% CI 10.1-18.3)", "14.2 months (95% CI ...) in
    the A arm"), each value with its own arm; or a list of two or three closed by "respectively" or by the arms
    listed after it. Never a median of one arm alone (a survival estimate of a single group is no comparison), never
    a bare bracket (quartiles) unless its upper bound was not reached."""
    seg = s.seg
    if "|" in seg or not MEDIAN_DECLARED.search(seg) or ("(" not in seg and "[" not in seg):
        return
    found = []      # (number index, low, high, level, arm or "", end)
    for i, n in enumerate(s.nums):
        if not s.free(i) or n.percent or n.signed:
            continue
        clause = seg[_clause_start(seg, n.start):n.start]
        if not MEDIAN_DECLARED.search(clause):
            continue
        after_unit = _unit_end(seg, n.end)
        arm, end = "", after_unit
        interval = _interval_at(after_unit, seg)
        if interval is not None:
            own = _own_arm_after(s, interval[3])
            arm = own[0] if own else ""
            end = own[1] if own else interval[3]
        else:
            own = _own_arm_after(s, after_unit)
            if own is None:
                continue
            interval = _interval_at(own[1], seg)
            if interval is None:
                continue
            arm, end = own[0], interval[3]
        found.append((i, *interval[:3], arm, max(end, interval[3])))
    if not 2 <= len(found) <= 3:
        return
    arms = [f[4] for f in found]
    if not all(arms):
        if any(arms):
            return
        # "12.1 (95% CI ...) and 8.4 (95% CI ...) months, respectively" / "... in the A and B arms"
        last_end = _unit_end(seg, found[-1][5])
        listed = s.arms_listed_after(last_end, len(found))
        if listed is None and _RESPECTIVELY_AFTER.match(seg, last_end):
            listed = s.arms_named_before(s.nums[found[0][0]].start, len(found))
            if listed is None and not s.groups and not _OTHER_CONTRAST.search(seg) and len(_study_arms(s)) == len(found):
                listed = _study_arms(s)     # a sentence naming no arm: the study's arms in the document's order
        if listed is None:
            return
        arms = listed
    if len(set(arms)) != len(arms):
        return
    for (i, lo, hi, level, _, end), arm in zip(found, arms):
        n = s.nums[i]
        est = Estimate("MEDIAN", n.value, n.text, n.start, end, kind="median", arm_hint=arm)
        est.ci_low, est.ci_high, est.ci_level = lo, hi, level
        est.total = s.state.arm_sizes.get(arm)
        est.outcome_hint = _quantity(seg, n.start)
        est.tail_end = end
        s.claim_span(n.start, end)
        s.estimates.append(est)
