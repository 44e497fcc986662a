"""Plausibility checks. A failed check adds a flag code (the codes and their reasons: tables.FLAG_REASONS); the
estimate is kept as printed, never fixed."""
from __future__ import annotations

import math

from .patterns import RATIO


def _finite(x) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def validate(measure: str, value, ci_low=None, ci_high=None, p_value=None, events=None, total=None) -> list[str]:
    """Flag codes for one estimate (see tables.FLAG_REASONS); empty when clean."""
    flags = []
    if not _finite(value):
        flags.append("nonfinite_value")
    lo = ci_low if _finite(ci_low) else None
    hi = ci_high if _finite(ci_high) else None
    if lo is not None and hi is not None and lo > hi:
        flags.append("ci_inverted")
    elif _finite(value):
        tol = 1e-9
        if (lo is not None and value < lo - tol) or (hi is not None and value > hi + tol):
            flags.append("ci_excludes_value")
    if measure in RATIO and any(x is not None and _finite(x) and x <= 0 for x in (value, lo, hi)):
        flags.append("ratio_not_positive")
    if p_value is not None and _finite(p_value) and not 0 <= p_value <= 1:
        flags.append("p_out_of_range")
    if measure == "ARR" and any(x is not None and _finite(x) and x < 0 for x in (value, lo, hi)):
        flags.append("rate_negative")
    if measure == "PROPORTION" and _finite(value) and not 0 <= value <= 1:
        flags.append("proportion_out_of_range")
    if events is not None and total is not None and events > total:
        flags.append("events_exceed_total")
    return flags
