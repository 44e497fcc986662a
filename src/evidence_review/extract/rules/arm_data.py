"""Rules for an arm's summary of a continuous quantity: MEAN rows (value = mean, sd, se, total = the arm's n)
and MEDIAN rows (value, q1, q3, range_low, range_high). A summary becomes a row only when it belongs to an
arm (named next to it, or the document's single arm): a cohort's "mean age was 42 years" is description,
not arm-level data. An SD the text does not print is derived and the conversion named in `flags`:
sd_from_se (SD = SE x sqrt(n)), sd_from_ci (SD = sqrt(n) x width / (2 z)), sd_from_iqr (SD ~ IQR / 1.35,
Wan et al. 2014, BMC Med Res Methodol 14:135). Table grids are the table reader's; lines with '|' are skipped.
"""
from __future__ import annotations

import math
import re
from statistics import NormalDist

from ..grammar import Summary
from ..model import Estimate
from ..sentence import Sentence

_MEAN_WORD = re.compile(r"\b(?:mean|average|means)\b", re.I)
_MEDIAN_WORD = re.compile(r"\bmedians?\b", re.I)
_SPREAD_HEADER = re.compile(r"\(\s*(?:SD|SE|SEM|s\.d\.)\s*\)|\u00b1", re.I)
# "mean change", "mean difference", "LS mean change": a change or a contrast is not an arm's level
# "mean rank": a rank statistic of a non-parametric test, not the quantity's level
_NOT_A_LEVEL = re.compile(r"\b(?:change|changes|difference|differences|reduction|improvement|ratio|decrease|increase|"
                          r"ranks?)\b", re.I)
_NOT_ARM_DATA = re.compile(r"\b(?:follow[- ]up|time\s+to|duration\s+of\s+follow|dose|doses|dosage|infusions?|sessions?|"
                           r"cycles?|studies|trials)\b", re.I)
_BASELINE_HINT = re.compile(r"\b(?:baseline|at\s+(?:entry|enrol?ment|inclusion|randomi[sz]ation)|age|aged|years?\s+old|"
                            r"disease\s+duration|BMI|body\s+mass|weight|height)\b", re.I)
_QUANTITY = re.compile(r"\b(?:mean|median|average)\s+(?:\([^()]{0,12}\)\s+)?(?P<q>(?:[\w-]+\s+){0,4}?[\w-]+?)\s*"
                       r"(?:\([^()]{0,20}\)\s*)?(?:was|were|is|of|at|:|=|,)\s", re.I)


def _z(level: float) -> float:
    return NormalDist().inv_cdf(0.5 + level / 2)


def _clause_start(seg: str, pos: int) -> int:
    return max(seg.rfind(";", 0, pos), seg.rfind(". ", 0, pos)) + 1


def _quantity(seg: str, pos: int) -> str:
    """The quantity the summary describes, as the sentence names it ("QMG score" in "the mean QMG score was")."""
    found = None
    for m in _QUANTITY.finditer(seg, max(0, pos - 120), pos):
        found = m
    return re.sub(r"\s+", " ", found.group("q")).strip().lower() if found else ""


def _arm_row(s: Sentence, summary: Summary, measure: str) -> Estimate | None:
    seg = s.seg
    if "|" in seg:
        return None
    idx = s.num_at(summary.center_start, summary.center_end)
    if not idx or not s.free(idx[0]):
        return None
    clause = seg[_clause_start(seg, summary.center_start):summary.center_start]
    word = _MEAN_WORD if measure == "MEAN" else _MEDIAN_WORD
    if not word.search(clause) and not (measure == "MEAN" and _SPREAD_HEADER.search(seg[summary.center_start:summary.end])):
        return None
    named = word.search(clause)
    after_word = clause[named.end():] if named else clause
    if _NOT_A_LEVEL.search(after_word) or _NOT_ARM_DATA.search(clause):
        return None
    arm = s.arm_for(summary.center_start, summary.end)
    if not arm:
        return None
    est = Estimate(measure, summary.center, seg[summary.center_start:summary.center_end].strip(),
                   summary.center_start, summary.end, kind=measure.lower(), arm_hint=arm)
    est.total = s.state.arm_sizes.get(arm)
    est.outcome_hint = _quantity(seg, summary.center_start)
    if _BASELINE_HINT.search(clause) or _BASELINE_HINT.search(est.outcome_hint):
        est.role = "baseline"
    s.claim_span(summary.start, summary.end)
    est.tail_end = summary.end
    return est


def means(s: Sentence) -> None:
    """mean ± SD, mean (SD x), mean (x) under a "mean (SD)" heading, mean (SE x), mean (95% CI a to b)."""
    if not _MEAN_WORD.search(s.seg) and "\u00b1" not in s.seg and "+/-" not in s.seg:
        return
    for summary in s.parse("mean_pm") + s.parse("mean_ci") + s.parse("mean_bracket"):
        if summary.sd is not None and summary.se is None and not summary.ci and "\u00b1" not in s.seg[summary.start:summary.end] \
                and "+/-" not in s.seg[summary.start:summary.end] \
                and not re.search(r"\(\s*SD\s*\)|\bSD\b|s\.d\.", s.seg[max(0, summary.start - 60):summary.end], re.I):
            continue    # "4.5 (3.2)" is a mean and its SD only where the text says so
        est = _arm_row(s, summary, "MEAN")
        if est is None:
            continue
        n = est.total
        est.sd, est.se = summary.sd, summary.se
        if summary.se is not None and n:
            est.sd = round(summary.se * math.sqrt(n), 10)
            est.flags.append("sd_from_se")
        if summary.ci is not None:
            lo, hi, level = summary.ci
            est.ci_low, est.ci_high, est.ci_level = lo, hi, level
            if n and lo is not None and hi is not None:
                est.sd = round(math.sqrt(n) * (hi - lo) / (2 * _z(level)), 10)
                est.flags.append("sd_from_ci")
        s.estimates.append(est)


def medians(s: Sentence) -> None:
    """median (IQR a-b), median [range a-b], median (a-b) under a "median (IQR)" heading."""
    if not _MEDIAN_WORD.search(s.seg):
        return
    for summary in s.parse("median_spread"):
        est = _arm_row(s, summary, "MEDIAN")
        if est is None:
            continue
        est.q1, est.q3 = summary.q1, summary.q3
        est.range_low, est.range_high = summary.range_low, summary.range_high
        if summary.q1 is not None and summary.q3 is not None:
            est.sd = round((summary.q3 - summary.q1) / 1.35, 10)
            est.flags.append("sd_from_iqr")
        s.estimates.append(est)
