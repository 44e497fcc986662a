"""The kind of a ratio the words leave open ("5.2 times more likely", "the probability ... was 5.2 times that of"):
"likely", "probability" and "chance" name no model, so the reader stores a relative risk and marks the row
(patterns.RATIO_KIND_FROM_ARMS). When the two arms' percentages printed just before the ratio give it back, the
arithmetic decides: (52.5% vs 17.5%) gives a risk ratio of 3.0 and an odds ratio of 5.2, so a printed 5.2 is an odds
ratio. Nothing decides (no pair of percentages, both or neither measure fit): the relative risk stays."""
from __future__ import annotations

import re

from .patterns import RATIO_KIND_FROM_ARMS

# the percentages printed before the ratio: its arms' shares, nearest last
_PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*%")
_WINDOW = 600       # characters before the ratio: its own sentence and the one or two before it
_PAIRS = 3          # the nearest pairs of neighbouring percentages tried


def _fits(computed: float, printed: float, decimals: int) -> bool:
    return abs(computed - printed) <= 0.5 * 10 ** -decimals + 1e-9


def _odds(p: float) -> float:
    return p / (1 - p)


def kind_from(shares: list[float], value: float, decimals: int) -> str:
    """'OR' or 'RR' from the nearest pair of neighbouring shares whose ratio (either way round) is the value; ''
    when no pair or both kinds fit."""
    for k in range(len(shares) - 1, max(0, len(shares) - 1 - _PAIRS), -1):
        a, b = shares[k - 1], shares[k]
        if not (0 < a < 1 and 0 < b < 1):
            continue
        rr = any(_fits(x / y, value, decimals) for x, y in ((a, b), (b, a)))
        odds = any(_fits(_odds(x) / _odds(y), value, decimals) for x, y in ((a, b), (b, a)))
        if rr != odds:
            return "RR" if rr else "OR"
        if rr and odds:
            return ""
    return ""


def ratio_kinds_from_arms(rows: list[dict], text: str) -> list[dict]:
    """Rows of a multiple the words did not name (marked by the reader): odds ratio or relative risk as the arms'
    percentages printed before it compute it; the mark removed either way."""
    for row in rows:
        flags = str(row.get("flags") or "")
        if RATIO_KIND_FROM_ARMS not in flags:
            continue
        row["flags"] = ";".join(f for f in flags.split(";") if f and f != RATIO_KIND_FROM_ARMS)
        try:
            start, value = int(row["start"]), float(row["value"])
        except (KeyError, TypeError, ValueError):
            continue
        printed = str(row.get("value_text") or "")
        decimals = len(printed.split(".")[1]) if "." in printed else 0
        # the evidence's start is the sentence's: the percentages before the value, within the window
        value_at = start + max(0, str(row.get("evidence") or "").find(printed)) if printed else start
        shares = [float(m.group(1)) / 100 for m in _PERCENT.finditer(text, max(0, value_at - _WINDOW), value_at)]
        kind = kind_from(shares, value, decimals)
        if kind:
            row["measure"] = kind
    return rows
