"""How numbers are written in the report: fixed rules, so the same value always reads the same.

Precision follows the magnitude (218, 18.4, 2.17, 0.035); negative numbers use the Unicode minus sign.
`is_missing` is the single test for an absent number (None, NaN, pd.NA).
"""
from __future__ import annotations

import math


MEASURE_NAMES = {
    "HR": "hazard ratio", "RR": "risk ratio", "OR": "odds ratio", "IRR": "rate ratio", "RD": "risk difference",
    "MD": "mean difference", "SMD": "standardized mean difference", "ARR": "annualized relapse rate",
    "RRR": "relative risk reduction", "PROPORTION": "proportion",
}
# What a ratio compares, for prose: "the hazard of relapse".
RATIO_NOUNS = {"HR": "hazard", "RR": "risk", "OR": "odds", "IRR": "rate"}
SINGLE_ARM_MEASURES = {"ARR", "PROPORTION"}


def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isinf(value))
    except (TypeError, ValueError):
        return True


def decimals_for(value: float) -> int:
    magnitude = abs(value)
    if magnitude >= 100:
        return 0
    if magnitude >= 10:
        return 1
    if magnitude >= 0.1 or magnitude == 0:
        return 2
    return 3


def fmt(value, decimals: int | None = None) -> str:
    """A number as shown in the report ('' when missing)."""
    if is_missing(value):
        return ""
    value = float(value)
    if decimals is None and 0 < abs(value) < 0.001:
        return f"{value:.2g}".replace("-", "\u2212")  # 8.4e−06: a fixed number of places would print 0.000
    places = decimals_for(value) if decimals is None else decimals
    shown = f"{value:.{places}f}"
    if float(shown) == 0:
        shown = shown.lstrip("-")
    return shown.replace("-", "\u2212")


def fmt_percent(value) -> str:
    """I² and similar, given in percent (0–100)."""
    if is_missing(value):
        return ""
    return f"{float(value):.0f}%"


def fmt_p(value, as_written: str = "") -> str:
    if is_missing(value):
        return as_written.strip()
    value = float(value)
    if value < 0.001:
        return "<0.001"
    return f"{value:.3f}" if value < 0.01 else f"{value:.2f}"


def fmt_count(value) -> str:
    if is_missing(value):
        return ""
    return f"{int(round(float(value))):,}"


def parse_shown(shown: str) -> float:
    """The inverse of `fmt` for tests and checks: '−1.27' -> -1.27."""
    return float(shown.replace("\u2212", "-").replace(",", "").rstrip("%"))




def measure_name(measure: str) -> str:
    return MEASURE_NAMES.get(measure, measure.lower() if measure else "estimate")
