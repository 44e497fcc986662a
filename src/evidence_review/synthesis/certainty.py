"""A simple, documented certainty label per cell; the report uses it to choose its verbs.

The rule (a rough stand-in for GRADE, which needs judgement this tool does not have):

- "very low" when the cell has no confidence interval at all (one study, printed without CI, p-value or counts).
- "low" when any of: fewer than 3 studies; fewer than 100 patients in total (or the number is unknown);
  I² of 75 % or more; the prediction interval crosses the null value while the confidence interval does not
  (the effect may vanish or reverse in a new setting); a study's variance was only approximated (from a
  p-value or a single printed CI limit).
- "high" when all of: at least 5 studies, at least 1,000 patients, I² below 50 %, every study a randomized
  trial, and both the confidence and the prediction interval on one side of the null value.
- "moderate" otherwise.

Single-arm quantities (rates, proportions) have no null value, so the interval criteria do not apply to them.
Report wording: very low -> "very uncertain", low -> "may", moderate -> "probably", high -> plain statement.
"""
from __future__ import annotations

import math

VERY_LOW, LOW, MODERATE, HIGH = "very low", "low", "moderate", "high"


def _finite(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _excludes(null: float, low, high) -> bool:
    return _finite(low) and _finite(high) and (float(low) > null or float(high) < null)


def certainty(k: int, n_total, i2, ci_low, ci_high, pi_low, pi_high, null: float | None,
              designs: list[str], approximate_variance: bool) -> tuple[str, str]:
    """(label, reason in words). Intervals on the natural scale, `null` the no-effect value (None: single arm)."""
    if not (_finite(ci_low) and _finite(ci_high)):
        return VERY_LOW, "no confidence interval could be given"
    low_reasons = []
    if k < 3:
        low_reasons.append(f"k = {k} < 3")
    if not _finite(n_total) or float(n_total) < 100:
        low_reasons.append("fewer than 100 patients" if _finite(n_total) else "number of patients unknown")
    if _finite(i2) and float(i2) >= 75:
        low_reasons.append(f"I² = {float(i2):.0f}% ≥ 75%")
    if null is not None and _finite(pi_low) and _excludes(null, ci_low, ci_high) and not _excludes(null, pi_low, pi_high):
        low_reasons.append("prediction interval crosses the null")
    if approximate_variance:
        low_reasons.append("a variance approximated from a p-value or one CI limit")
    if low_reasons:
        return LOW, "; ".join(low_reasons)
    all_rct = bool(designs) and all(d == "rct" for d in designs)
    sided = null is None or (_excludes(null, ci_low, ci_high) and _excludes(null, pi_low, pi_high))
    if k >= 5 and float(n_total) >= 1000 and _finite(i2) and float(i2) < 50 and all_rct and sided:
        return HIGH, "k ≥ 5, ≥ 1,000 patients, I² < 50%, all randomized, intervals on one side of the null"
    missing = []
    if k < 5:
        missing.append("k < 5")
    if float(n_total) < 1000:
        missing.append("< 1,000 patients")
    if not all_rct:
        missing.append("not all randomized")
    if not (_finite(i2) and float(i2) < 50):
        missing.append("I² ≥ 50%")
    if not sided:
        missing.append("an interval crosses the null")
    return MODERATE, "not high: " + ", ".join(missing)
