"""The records the finders share: a number as printed, an estimate found in a sentence, and what earlier
sentences of the same document established (measure named last, arm sizes)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import VALUE, clean_number_text, parse_number


@dataclass
class Num:
    start: int
    end: int          # end of the number (before any % sign)
    full_end: int     # end including a % sign
    value: float
    text: str
    percent: bool
    signed: bool
    decimal: bool


@dataclass
class Estimate:
    measure: str
    value: float
    value_text: str
    start: int        # value position, sentence-local
    end: int
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None
    p_value: float | None = None
    p_text: str | None = None
    events: int | None = None
    total: int | None = None
    unit: str = ""
    timepoint: str = ""
    arm_hint: str = ""          # an arm named by the finder itself ("on rituximab", "vs placebo")
    comparator_hint: str = ""
    kind: str = ""
    percent: bool = False
    tail_end: int = 0           # end of the value's interval and p-value, sentence-local
    total_fits: tuple = ()      # denominators consistent with a printed percentage, when the text gives none


@dataclass
class SentenceState:
    """What earlier sentences of the same document said, for estimates that rely on it."""
    last_measure: str = ""            # last ratio/difference measure named or found
    last_difference_measure: str = ""  # last MD/SMD named
    arm_sizes: dict = field(default_factory=dict)
    rr_means_rate: bool = False        # the document defined "relapse rate (RR)"
    last_pair: tuple | None = None     # (intervention, comparator) of the last comparison, in the text's order
    outcome_abbreviations: object = None  # compiled pattern of outcome abbreviations the document defines ("CR")


def tokenize(seg: str) -> list[Num]:
    nums = []
    for m in VALUE.finditer(seg):
        core = (m.group("sign") or "") + m.group("num")
        v = parse_number(core)
        if v is None:
            continue
        pct, full_end = bool(m.group("pct")), m.end()
        points = re.match(r"\s*(?:percentage|per\s*cent(?:age)?)\s+points?\b|\s*percent\b|\s*pp\b", seg[m.end():m.end() + 24], re.I)
        if not pct and points:
            pct, full_end = True, m.end() + points.end()
        nums.append(Num(m.start(), m.end("num"), full_end, v, clean_number_text(core), pct,
                        bool(m.group("sign")), "." in m.group("num")))
    return nums
