"""Plausibility checks. A failed check adds a flag code; the estimate is kept as printed, never fixed."""
from __future__ import annotations

import math

from .patterns import RATIO

FLAG_REASONS = {
    "nonfinite_value": "the value is not a finite number",
    "ci_excludes_value": "the printed interval does not contain the estimate",
    "ci_inverted": "the lower limit is above the upper limit",
    "ratio_not_positive": "a ratio (or its limit) is zero or negative",
    "p_out_of_range": "the p-value is outside [0, 1]",
    "proportion_out_of_range": "a proportion outside [0, 1]",
    "events_exceed_total": "more events than patients",
    "rate_negative": "a rate (or its limit) is negative",
    # an arm's SD the document does not print, derived (Cochrane Handbook 6.5.2): say how
    "sd_from_se": "the SD is derived from the printed SE (SD = SE × √n)",
    "sd_from_ci": "the SD is derived from the printed 95% CI of the mean (t or normal quantile by n)",
    # a ratio printed on the log scale ("lnOR -0.92"), stored back-transformed (OR 0.40)
    "log_scale_back_transformed": "printed on the log scale; value and limits stored back-transformed",
}

# Flags that describe a conversion of a correctly read number, not a problem with it: synthesis shows them as
# notes with the estimate and still pools it. Every other flag keeps the estimate out until a reviewer accepts it.
NOTE_ONLY_FLAGS = frozenset({"log_scale_back_transformed", "sd_from_se", "sd_from_ci"})


def _finite(x) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def validate(measure: str, value, ci_low=None, ci_high=None, p_value=None, events=None, total=None) -> list[str]:
    """Flag codes for one estimate (see FLAG_REASONS); empty when clean."""
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
