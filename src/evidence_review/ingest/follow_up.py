"""How long participants were followed, only from a follow-up phrase ("The median follow-up was 60 weeks",
"median (range) follow-up was 73.5 (13.7-117.7) weeks", "followed up for a median of 24 months").

A duration anywhere else (an age, "45 years"; a disease duration; a timepoint of one outcome) is never taken: the
number must follow the word "follow-up" (or "followed") within the same clause.
"""
from __future__ import annotations

import re

SCAN_CHARS = 20_000
#: Characters after "follow-up" in which its duration must stand (same clause: no full stop or semicolon).
WINDOW = 60

# "followed by 1200 mg every 2 weeks" is a dosing schedule, not follow-up: "followed" only with up/for/over
_ANCHOR = re.compile(r"\bfollow(?:ed)?[- ]?up\b|\bfollowed (?=for\b|over\b)", re.IGNORECASE)
_DURATION = re.compile(
    r"(?<![\d,.])(?P<num>\d+(?:[.,]\d{1,2})?(?:\s*[-–]\s*\d+(?:[.,]\d{1,2})?)?)\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?P<unit>days?|weeks?|months?|years?|yrs?)\b", re.IGNORECASE)
_STATISTIC = re.compile(r"\b(median|mean|average)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;](?:\s|$)|\bage[ds]?\b", re.IGNORECASE)


def find_follow_up(text: str) -> str:
    """"median 60 weeks", "24 months", ... or "" when no follow-up phrase states a duration."""
    head = text[:SCAN_CHARS]
    for anchor in _ANCHOR.finditer(head):
        window = head[anchor.end():anchor.end() + WINDOW]
        cut = _CLAUSE_END.search(window)
        if cut:
            window = window[:cut.start()]
        duration = _DURATION.search(window)
        if not duration:
            continue
        before = head[max(0, anchor.start() - 25):anchor.start()]
        statistic = _STATISTIC.search(window[:duration.start()]) or _STATISTIC.search(before)
        unit = duration.group("unit").lower()
        unit = {"yr": "year", "yrs": "years"}.get(unit, unit)
        number = re.sub(r"\s*[-–]\s*", "-", duration.group("num")).replace(",", ".")  # decimal comma
        parts = [statistic.group(1).lower() if statistic else "", number, unit]
        return " ".join(p for p in parts if p)
    return ""
