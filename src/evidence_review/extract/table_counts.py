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


def _told(measure: str, texts: list[str], sizes: list[int | None], effect: str) -> bool | None:
    """Whether two arms' cells are counts the printed effect computes (True), a pair of counts it does not (False),
    or nothing to tell (None: no risk ratio, odds ratio or risk difference, no two bare whole numbers within sizes)."""
    m = _EFFECT.fullmatch(effect or "")
    if measure not in TWO_BY_TWO_MEASURES or m is None or len(texts) != 2:
        return None
    if not all(_COUNT.fullmatch(t or "") for t in texts) or not all(sizes):
        return None
    (a, b), (n1, n2) = [int(t) for t in texts], sizes
    if a > n1 or b > n2:
        return None
    low, high = (float(m.group("lo")), float(m.group("hi"))) if m.group("lo") else (None, None)
    return _agrees(measure, _ratios(measure, a, n1, b, n2), float(m.group("v")), low, high)


def counts_told_by_ratios(rows: dict[int, dict[int, str]], arm_of: dict[int, object], sizes: dict[int, int | None],
                          effects: dict[int, str]) -> set[int]:
    """The rows whose arms' bare whole numbers are counts of patients: beside an effect column of a risk ratio, odds
    ratio or risk difference (`effects`: column -> "RR", "OR", "RD", others ignored), the two arm columns of its span
    each print a whole number within the arm's size (`sizes`), and the measure computed from them is the one printed;
    no effect of the row disagrees."""
    told: set[int] = set()
    ordered = sorted(effects)
    for r, row in rows.items():
        said = []
        for e in ordered:
            left = max((x for x in ordered if x < e), default=0)
            span = [c for c in sorted(arm_of) if left < c < e]
            if len(span) == 2 and arm_of[span[0]] is not arm_of[span[1]]:
                said.append(_told(effects[e], [row.get(c) or "" for c in span], [sizes.get(c) for c in span],
                                  row.get(e) or ""))
        if True in said and False not in said:
            told.add(r)
    return told


def counts_told_by_effect_rows(rows: dict[int, dict[int, str]], arm_of: dict[int, object], sizes: dict[int, int | None],
                               effect_rows: dict[int, str]) -> set[int]:
    """The rows of two arm columns whose bare whole numbers are counts, told by the effect row printed under them
    ("Relapse | 12 | 20" over "RR (95% CI) | 0.60 (0.33-1.09) | "): the row right above an effect row (`effect_rows`:
    row -> its measure), its two arms' numbers giving the effect's first printed figure."""
    arms = list(dict.fromkeys(id(a) for a in arm_of.values()))
    if len(arms) != 2:
        return set()
    columns = sorted(arm_of)
    told: set[int] = set()
    for e, measure in effect_rows.items():
        above = max((r for r in rows if r < e and r not in effect_rows), default=None)
        if above is None:
            continue
        pair = [next(c for c in columns if id(arm_of[c]) == a) for a in arms]
        if any(sum(1 for c in columns if id(arm_of[c]) == a) != 1 for a in arms):
            continue        # an arm over several columns (times, statistics): no one pair of cells
        effect = next((t for c, t in sorted(rows[e].items()) if c > 0 and t.strip()), "")
        if _told(measure, [rows[above].get(c) or "" for c in pair], [sizes.get(c) for c in pair], effect):
            told.add(above)
    return told


def count_columns_told_by_effect_rows(rows: dict[int, dict[int, str]], arm_rows: dict[int, object],
                                      sizes: dict[int, int | None], effect_rows: dict[int, str]) -> set[int]:
    """The columns of a table whose rows are the arms that hold counts, told by an effect row under the arms' rows
    ("Drug X | 12 | 8" and "Placebo | 20 | 15" over "RR (95% CI) | 0.60 (...) | 0.53 (...)" with the periods as
    columns): each column whose two arms' numbers give the effect printed under them; no column of the row
    disagreeing."""
    told: set[int] = set()
    for e, measure in effect_rows.items():
        above = sorted((r for r in arm_rows if r < e and not any(r < x < e for x in effect_rows)), reverse=True)
        pair: list[int] = []
        for r in above:
            if all(arm_rows[r] is not arm_rows[p] for p in pair):
                pair.append(r)
            if len(pair) == 2:
                break
        if len(pair) != 2:
            continue
        said = {c: _told(measure, [rows[r].get(c) or "" for r in pair], [sizes.get(r) for r in pair], t)
                for c, t in rows[e].items() if c > 0}
        if True in said.values() and False not in said.values():
            told |= {c for c, ok in said.items() if ok}
    return told
