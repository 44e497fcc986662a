"""How numbers are written in the report: fixed rules, so the same value always reads the same.

Precision follows the magnitude (218, 18.4, 2.17, 0.035); negative numbers use the Unicode minus sign.
`is_missing` is the report's test for a number it cannot show: absent (tables.is_missing) or infinite.
Measure names come from the measure table (tables.MEASURE_TABLE).
"""
from __future__ import annotations

import math

from .. import tables


def is_missing(value) -> bool:
    """Nothing to print: absent, or not a finite number."""
    return tables.is_missing(value) or (isinstance(value, float) and math.isinf(value))


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


