"""Total number of participants when the text states it: the randomized or enrolled count first ("143 adults
were randomly assigned", "118 patients were enrolled and randomly assigned", "N = 83", "41 were assigned to A and 42
to B"), then the analysed or included population ("A total of 213 patients were included", "Seventy-nine patients
were included", "30 pediatric and 75 adult participants were included"), then weaker mentions ("in 25 patients").

Never a total: counts that are part of a proportion ("14 of 19 patients", "26.7% of 116 patients"), outcome counts
("relapse occurred in 8 patients (20%)", "adverse events occurred in 58 patients"), one arm's count ("19 patients
were randomly assigned to rituximab and 19 to placebo" gives 38, not 19) and screening ("were screened").
"""
from __future__ import annotations

import re

from ..regexguard import start_guarded, with_start_guard

SCAN_CHARS = 20_000

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_WORD_NUMBER = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_UNITS)[1:10]) + r"))?|"
                + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")(?: hundred(?: (?:and )?[a-z-]+)?)?")
_NUMBER = rf"(\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|{_WORD_NUMBER})"
_PEOPLE = r"(?:patients|participants|subjects|people|persons|individuals|children|adults|cases|women|men|infants|couples)"
_ADJ = r"(?:(?!(?:and|or|of|studies|trials|RCT)\b)(?!\d[\d,.]* )[\w+/'-]+ ){0,4}?"  # a bare number is no adjective ("21 550 patients")

_ASSIGNED = r"(?:(?:randomly |randomi[sz]ed and )?(?:assigned|allocated)|randomi[sz]ed)"
_RATIO = r"(?:,? in an? [\d:]+ ratio,?| \([^()]{0,30}\))?"
#: Tier 0: the randomized or enrolled count.
RANDOMIZED = [
    re.compile(rf"\b{_NUMBER} {_ADJ}{_PEOPLE}(?: \([^)]{{0,60}}\))? (?:were|was) (?:(?:enrolled|included|recruited) "
               rf"and )?(?:{_ASSIGNED}|enrolled)", re.IGNORECASE),
    re.compile(rf"\b(?:we |were )?(?:randomly assigned|assigned|randomi[sz]ed|enrolled|allocated)(?: and treated)?"
               rf"{_RATIO} (?:a total of )?{_NUMBER} {_ADJ}{_PEOPLE}", re.IGNORECASE),
    re.compile(rf"\b{_NUMBER} {_ADJ}{_PEOPLE} underwent randomi[sz]ation", re.IGNORECASE),
    # "1142 (72%) were randomly assigned": the share is of those screened
    re.compile(rf"\b{_NUMBER} \(\d+(?:\.\d+)?%\) (?:were|was) (?:{_ASSIGNED}|enrolled)", re.IGNORECASE),
    re.compile(rf"\b(?:of|among) (?:the |all )?{_NUMBER} {_ADJ}{_PEOPLE} (?:who were )?(?:enrolled|randomi[sz]ed|"
               rf"randomly assigned)", re.IGNORECASE),
]
#: "N = 83": the whole sample when the text states one such N; several ("N=1039", "N=1046") head arm columns.
_CAPITAL_N = re.compile(r"(?<![\w=])N ?= ?(\d{1,6})\b(?!\s*(?:studies|trials|RCTs?|articles|reports)\b)")
STRONG = [
    re.compile(rf"\b(?:a )?total of {_NUMBER} {_ADJ}{_PEOPLE}", re.IGNORECASE),
    re.compile(rf"\b{_NUMBER} {_ADJ}{_PEOPLE}(?: \([^)]{{0,60}}\))? (?:were|was) (?:included|enrolled|randomi[sz]ed|"
               rf"analy[sz]ed|recruited|studied|evaluated|assessed|identified|treated)", re.IGNORECASE),
    re.compile(rf"\b(?:included|enrolled|randomi[sz]ed|recruited|evaluated|analy[sz]ed|reviewed|identified|comprised|"
               rf"performed on|data on|data from|sample of|pool of|cohort of) (?:the |a |all )?{_NUMBER} {_ADJ}{_PEOPLE}",
               re.IGNORECASE),
    re.compile(rf"\b{_PEOPLE} \(n ?= ?(\d{{1,6}})\)", re.IGNORECASE),
    re.compile(rf"\b\d+ (?:studies|trials|RCT'?s) (?:with|and|including|involving) {_NUMBER} {_ADJ}{_PEOPLE}",
               re.IGNORECASE),
    re.compile(rf"\b{_NUMBER} {_ADJ}{_PEOPLE} (?:received|underwent|participated|took part)", re.IGNORECASE),
    # "52 participants with AChR-antibody-positive MG received", "4116 adults of 21 550 patients ... were included"
    re.compile(rf"\b{_NUMBER} {_ADJ}{_PEOPLE}(?: \([^)]{{0,60}}\))? (?:with|who had|of) [^.;]{{0,100}}? "
               rf"(?:received|(?:were|was) (?:randomi[sz]ed|{_ASSIGNED}|enrolled|included))", re.IGNORECASE),
    re.compile(rf"\b\d+ (?:studies|trials|RCTs?) \({_NUMBER} {_PEOPLE}\)", re.IGNORECASE),
]
WEAK = [re.compile(rf"\b(?:in|of|with|on) (?:the |all )?{_NUMBER} {_ADJ}{_PEOPLE}", re.IGNORECASE)]
_SUM = re.compile(rf"\b(\d{{1,6}}) (?!(?:studies|trials|RCT))(?:[\w+/-]+ ){{0,4}}?and (\d{{1,6}}) {_ADJ}{_PEOPLE} (?:were|was) (?:included|enrolled|randomi[sz]ed|analy[sz]ed)",
                  re.IGNORECASE)
#: One count per arm: "41 were assigned to the satralizumab group and 42 to the placebo group".
_ARM_SUM = re.compile(rf"\b(\d{{1,6}}) (?:{_PEOPLE} )?(?:were )?{_ASSIGNED} to [^.;:]{{1,60}}? and (\d{{1,6}}) "
                      rf"(?:{_PEOPLE} )?(?:were )?(?:{_ASSIGNED} )?to\b", re.IGNORECASE)
_PART_OF = re.compile(r"(?:\d\s*%?\s*(?:of|/)|%\s*of)\s*(?:the |all )?$", re.IGNORECASE)
_SCREENED = re.compile(r"^[^.;]{0,40}\b(?:were|was) screened", re.IGNORECASE)
#: A count followed by its percentage is an outcome count ("8 patients (20%)"), not the sample.
_WITH_PERCENT = re.compile(r"^\s*[(\[]\s*\d+(?:\.\d+)?\s*%")
#: "relapse occurred in 8 patients", "was observed in 12 patients": who had an event, not who was studied.
_EVENT_BEFORE = re.compile(r"\b(?:occurred|observed|reported|seen|developed|found|noted|experienced|died|relapsed)"
                           r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: "A total of 79 participants were in the 25-mg group, 75 in the 10-mg group": one arm's count.
_IN_ONE_GROUP = re.compile(r"^\s*(?:were|was) in the [^.;]{1,40}? (?:group|arm)\b", re.IGNORECASE)
_SHARE_ASSIGNED = re.compile(r"\s*\(\d+(?:\.\d+)?%\) (?:were|was) ", re.IGNORECASE)
#: A per-arm count: the assignment continues to one arm and another arm's count follows.
_ONE_ARM = re.compile(r"^\s*to\s[^.;]{1,60}?\band (?:\d+|[a-z-]+) (?:\w+ )?(?:to|in)\b", re.IGNORECASE)


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


def _is_total(head: str, m: re.Match, tier: int) -> bool:
    number_start = m.start(1)
    before = head[max(0, number_start - 40):number_start]
    after = head[m.end():m.end() + 80]
    if _PART_OF.search(head[max(0, number_start - 12):number_start]):
        return False
    if _SCREENED.match(after) or _WITH_PERCENT.match(after):
        return False
    if _WITH_PERCENT.match(head[m.end(1):m.end(1) + 12]) and not _SHARE_ASSIGNED.match(head[m.end(1):m.end()]):
        return False
    if _EVENT_BEFORE.search(before):
        return False
    if tier == 0 and _ONE_ARM.match(after):
        return False
    if _IN_ONE_GROUP.match(after):
        return False
    return True


#: One arm of a list: "1455 patients received tofacitinib 5 mg, 1456 received 10 mg and 1451 received a TNF inhibitor".
_ARM_ITEM = re.compile(rf"\b(?:a total of\s+)?(?<![\d.,])(\d{{1,6}}) (?:{_PEOPLE} )?(?:received|were assigned to)\b",
                       re.IGNORECASE)


_SENTENCE_PIECE = re.compile(r"[^.]+")
_COUNT_OF_PEOPLE = re.compile(rf"\d {_PEOPLE} ")


def _arm_list_sums(head: str):
    """(position, sum) for each sentence listing two or more arms' counts, the first with its people word."""
    for sentence in _SENTENCE_PIECE.finditer(head):
        items = list(_ARM_ITEM.finditer(sentence.group()))
        if len(items) >= 2 and _COUNT_OF_PEOPLE.search(items[0].group()):
            yield sentence.start() + items[0].start(), sum(int(m.group(1)) for m in items)


#: Most patterns open with a count ("143 patients ..."). Trying each of them at every word of the text costs more
#: than the rest of this module: the positions where a count followed by a space starts are found once, and those
#: patterns are tried only there (`_finditer`).
_OPENS_WITH_COUNT = rf"\b{_NUMBER} "
#: `\b` first, then the count (behind its own start guard): most positions of a text are inside a word and fail
#: at the `\b` at once, which a guard in front of it would not let them do.
_COUNT_START = re.compile(r"\b(?=" + with_start_guard(f"{_NUMBER} ", re.IGNORECASE) + ")", re.IGNORECASE)


def _finditer(pattern: re.Pattern, head: str, count_starts: list[int]):
    """`pattern.finditer(head)`, the same matches: a pattern that opens with a count can only match where
    `_COUNT_START` does (its own opening, as a lookahead), so it is tried at those positions, left to right,
    from the end of its last match on, as finditer would (`match` at a position sees the text before it, so
    `\b` is judged as in a search)."""
    if not pattern.pattern.startswith(_OPENS_WITH_COUNT):
        yield from pattern.finditer(head)
        return
    end = 0
    for start in count_starts:
        if start < end:
            continue
        m = pattern.match(head, start)
        if m:
            yield m
            end = m.end()


def _guarded(patterns: list[re.Pattern]) -> list[re.Pattern]:
    """Behind start guards (regexguard: the same matches), but for the patterns `_finditer` tries at count starts."""
    return [p if p.pattern.startswith(_OPENS_WITH_COUNT) else start_guarded(p) for p in patterns]


RANDOMIZED, STRONG, WEAK = _guarded(RANDOMIZED), _guarded(STRONG), _guarded(WEAK)
_SUM, _ARM_SUM, _CAPITAL_N, _ARM_ITEM = (start_guarded(p) for p in (_SUM, _ARM_SUM, _CAPITAL_N, _ARM_ITEM))


def find_total_n(text: str) -> int | None:
    head = text[:SCAN_CHARS]
    count_starts = [m.start() for m in _COUNT_START.finditer(head)]
    candidates: list[tuple[int, int, int, int]] = []  # (tier, position, 0 for a sum of arms else 1, value)
    for pattern in (_SUM, _ARM_SUM):
        for m in pattern.finditer(head):
            candidates.append((0, m.start(), 0, int(m.group(1)) + int(m.group(2))))
    for start, value in _arm_list_sums(head):
        candidates.append((1, start, 0, value))
    capital_n = {m.group(1) for m in _CAPITAL_N.finditer(head)}
    if len(capital_n) == 1:
        m = _CAPITAL_N.search(head)
        candidates.append((1, m.start(), 1, int(m.group(1))))
    for tier, patterns in ((0, RANDOMIZED), (1, STRONG), (2, WEAK)):
        for pattern in patterns:
            for m in _finditer(pattern, head, count_starts):
                if not _is_total(head, m, tier):
                    continue
                value = word_to_int(m.group(1))
                if value:
                    candidates.append((tier, m.start(), 1, value))
    if not candidates:
        return None
    return min(candidates)[3]
