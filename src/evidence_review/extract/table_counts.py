"""Bare whole numbers in the arms' columns told to be counts of patients by the ratio printed beside them.

"| Exacerbation | 12 | 20 | 0.60 (0.33-1.09) |" under "Drug X (n = 45) | Placebo (n = 45) | RR (95% CI)": nothing
says the 12 and 20 are patients, but the risk ratio of 12/45 against 20/45 is the 0.60 the row prints, so they are.
A row of scores or sizes printed as whole numbers ("Apgar | 8 | 9") gives a ratio nobody printed. Each effect column
is checked against the two arm columns left of it back to the previous effect column (the arms of its time span:
"Year 1" over "A | B | RR", "Year 2" over "A | B | RR"), in either order (which arm is the comparator the headers do
not always say). Plain texts in, so it is tested on rows written as strings.
"""
from __future__ import annotations

import math
import re

from ..tables import TWO_BY_TWO_MEASURES

# an effect cell: its point, and its interval if printed ("0.60 (0.33-1.09)", "0.60 [0.33, 1.09]", "0.60")
_EFFECT = re.compile(r"\s*(?P<v>-?\d+(?:\.\d+)?)\s*(?:[(\[]\s*(?P<lo>-?\d+(?:\.\d+)?)\s*(?:[-\u2013\u2014,;]|to)\s*"
                     r"(?P<hi>-?\d+(?:\.\d+)?)\s*[)\]])?\s*[*\u2020\u2021\u00a7a-z]?\s*")
_COUNT = re.compile(r"\s*\d{1,6}\s*")


def _ratios(measure: str, a: int, n1: int, b: int, n2: int) -> list[float]:
    """The measure of a/n1 against b/n2 in both orders (a ratio of a zero count is none)."""
    p1, p2 = a / n1, b / n2
    if measure == "RR":
        return [p1 / p2, p2 / p1] if p1 > 0 and p2 > 0 else []
    if measure == "OR":
        if not (0 < p1 < 1 and 0 < p2 < 1):
            return []
        odds = (p1 / (1 - p1)) / (p2 / (1 - p2))
        return [odds, 1 / odds]
    if measure == "RD":
        return [p1 - p2, p2 - p1, 100 * (p1 - p2), 100 * (p2 - p1)]
    return []


def _agrees(measure: str, computed: list[float], value: float, low: float | None, high: float | None) -> bool:
    """Whether one of the computed measures is the printed one: within rounding of the point (a ratio within 8 %,
    a difference within 1.5 points of a percentage or 0.015 of a fraction), or an adjusted ratio inside the interval
    and within 25 % of the point."""
    for c in computed:
        if measure == "RD":
            tolerance = 1.5 if abs(value) > 1 or abs(c) > 1 else 0.015
            if abs(c - value) <= tolerance and (abs(c) > 1) == (abs(value) > 1 or abs(c) > 1):
                return True
            continue
        if c <= 0 or value <= 0:
            continue
        off = abs(math.log(c / value))
        if off <= math.log(1.08) or (low is not None and high is not None and low <= c <= high and off <= math.log(1.25)):
            return True
    return False


def counts_told_by_ratios(rows: dict[int, dict[int, str]], arm_of: dict[int, object], sizes: dict[int, int | None],
                          effects: dict[int, str]) -> set[int]:
    """The rows whose arms' bare whole numbers are counts of patients: beside an effect column of a risk ratio, odds
    ratio or risk difference (`effects`: column -> "RR", "OR", "RD", others ignored), the two arm columns of its span
    each print a whole number within the arm's size (`sizes`), and the measure computed from them is the one printed;
    no effect of the row disagrees."""
    told: set[int] = set()
    ordered = sorted(effects)
    for r, row in rows.items():
        agreed, disagreed = False, False
        for e in ordered:
            measure = effects[e]
            m = _EFFECT.fullmatch(row.get(e) or "")
            if measure not in TWO_BY_TWO_MEASURES or m is None:
                continue
            left = max((x for x in ordered if x < e), default=0)
            span = [c for c in sorted(arm_of) if left < c < e]
            if len(span) != 2 or arm_of[span[0]] is arm_of[span[1]]:
                continue
            texts = [row.get(c) or "" for c in span]
            ns = [sizes.get(c) for c in span]
            if not all(_COUNT.fullmatch(t) for t in texts) or not all(ns):
                continue
            (a, b), (n1, n2) = [int(t) for t in texts], ns
            if a > n1 or b > n2:
                continue
            low, high = (float(m.group("lo")), float(m.group("hi"))) if m.group("lo") else (None, None)
            if _agrees(measure, _ratios(measure, a, n1, b, n2), float(m.group("v")), low, high):
                agreed = True
            else:
                disagreed = True
        if agreed and not disagreed:
            told.add(r)
    return told
