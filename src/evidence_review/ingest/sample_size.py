"""Total number of participants when the text states it ("A total of 213 patients were included",
"Seventy-nine patients were included", "30 pediatric and 75 adult participants were included").

Statements that name the analysed or included population are preferred over weaker mentions
("in 25 patients"); counts that are part of a proportion ("14 of 19 patients", "26.7% of 116 patients")
or of screening ("were screened") are not totals.
"""
from __future__ import annotations

import re

SCAN_CHARS = 20_000

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_WORD_NUMBER = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_UNITS)[1:10]) + r"))?|"
                + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")(?: hundred(?: (?:and )?[a-z-]+)?)?")
_NUMBER = rf"(\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|{_WORD_NUMBER})"
_PEOPLE = r"(?:patients|participants|subjects|people|persons|individuals|children|adults|cases|women|men|infants)"
_ADJ = r"(?:(?!(?:and|or|of|studies|trials|RCT)\b)[\w+/'-]+ ){0,4}?"

STRONG = [
    re.compile(rf"\b(?:a )?total of {_NUMBER} {_ADJ}{_PEOPLE}", re.IGNORECASE),
    re.compile(rf"\b{_NUMBER} {_ADJ}{_PEOPLE}(?: \([^)]{{0,60}}\))? (?:were|was) (?:included|enrolled|randomi[sz]ed|"
               rf"analy[sz]ed|recruited|studied|evaluated|assessed|identified|treated)", re.IGNORECASE),
    re.compile(rf"\b(?:included|enrolled|randomi[sz]ed|recruited|evaluated|analy[sz]ed|comprised|"
               rf"performed on|data on|data from|sample of|pool of|cohort of) (?:the |a |all )?{_NUMBER} {_ADJ}{_PEOPLE}",
               re.IGNORECASE),
    re.compile(rf"\b{_PEOPLE} \(n ?= ?(\d{{1,6}})\)", re.IGNORECASE),
    re.compile(rf"\b\d+ (?:studies|trials|RCT'?s) (?:with|and|including|involving) {_NUMBER} {_ADJ}{_PEOPLE}",
               re.IGNORECASE),
]
WEAK = [re.compile(rf"\b(?:in|of|with|on) (?:the |all )?{_NUMBER} {_ADJ}{_PEOPLE}", re.IGNORECASE)]
_SUM = re.compile(rf"\b(\d{{1,6}}) (?!(?:studies|trials|RCT))(?:[\w+/-]+ ){{0,4}}?and (\d{{1,6}}) {_ADJ}{_PEOPLE} (?:were|was) (?:included|enrolled|randomi[sz]ed|analy[sz]ed)",
                  re.IGNORECASE)
_PART_OF = re.compile(r"(?:\d\s*%?\s*(?:of|/)|%\s*of)\s*(?:the |all )?$", re.IGNORECASE)
_SCREENED = re.compile(r"^[^.;]{0,40}\b(?:were|was) screened", re.IGNORECASE)


def word_to_int(token: str) -> int | None:
    token = token.lower().replace(",", "").strip()
    if token.isdigit():
        return int(token)
    total = 0
    parts = re.split(r"[- ]+", token.replace(" and ", " "))
    current = 0
    for part in parts:
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        else:
            return None
    total += current
    return total


def find_total_n(text: str) -> int | None:
    head = text[:SCAN_CHARS]
    m = _SUM.search(head)
    candidates: list[tuple[int, int, int]] = []  # (tier, position, value)
    if m:
        candidates.append((0, m.start(), int(m.group(1)) + int(m.group(2))))
    for tier, patterns in ((1, STRONG), (2, WEAK)):
        for pattern in patterns:
            for m in pattern.finditer(head):
                if _PART_OF.search(head[max(0, m.start() - 12):m.start() + (m.group(0).find(m.group(1)))]):
                    continue
                if _SCREENED.match(head[m.end():m.end() + 60]):
                    continue
                value = word_to_int(m.group(1))
                if value:
                    candidates.append((tier, m.start(), value))
    if not candidates:
        return None
    return min(candidates)[2]
