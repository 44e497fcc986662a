"""Counts of categories within one arm: "two partial responses (PR), seven stable disease (SD) and three
progressive disease (PD) in the A arm", "for the B arm, there were three PR, four SD and one NE", "grade 3 in
four and grade 4 in one". Each category is its own outcome (a PROPORTION row of the arm). The denominator is
the arm's size the study model gives; a list of tumour responses that covers every response class (at least
a partial response, stable and progressive disease) partitions its arm, so without a stated size their sum is
the arm's (flag total_from_categories). Without an arm size neither way, no row.
"""
from __future__ import annotations

import re

from ..grammar import COUNT_WORD, count_value
from ..model import Estimate
from ...regexfilter import prefiltered
from ..sentence import Sentence

# the response classes of tumour assessment (RECIST/WHO), spelled or abbreviated, and what each is called
_RESPONSE_CLASSES = {
    "cr": "complete response", "pr": "partial response", "sd": "stable disease", "pd": "progressive disease",
    "ne": "not evaluable", "mr": "minor response", "nr": "no response",
}
_RESPONSE = (r"(?:complete|partial|minor)\s+(?:responses?|remissions?)|stable\s+diseases?|progressive\s+diseases?|"
             r"disease\s+progressions?|not\s+evaluable|non-?evaluable|no\s+responses?|(?-i:CRs?|PRs?|SDs?|PDs?|NEs?|MRs?)\b")
_COUNT = r"(?P<n>(?<![\w.])\d{1,4}(?!\d|[.,]\d|\s*%)|\b" + COUNT_WORD + r"\b)"
# "two partial responses (PR)", "7 SD": a count, then its class, an abbreviation in brackets after it
_RESPONSE_ITEM = re.compile(_COUNT + r"\s+(?:patients?\s+(?:had|with)\s+(?:an?\s+)?)?(?P<cat>" + _RESPONSE + r")"
                            r"(?:\s*[(\[](?-i:[A-Z]{2,3})[)\]])?", re.I)
# "grade 3 in four (patients) and grade 4 in one": a grade, then its count
_GRADE_ITEM = re.compile(r"\b(?P<cat>grade\s+(?:[1-5]|I{1,3}|IV|V))\s+(?:\w+\s+)?in\s+" + _COUNT +
                         r"(?:\s+(?:patients?|participants?|subjects?|cases?))?", re.I)
_ITEM_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)")
_PRECHECK = prefiltered(re.compile(r"\b(?:responses?|remissions?|stable|progressive|progressions?|evaluable|grade)\b|"
                                   r"\b(?-i:CR|PR|SD|PD)\b", re.I))
# a grade list of an adverse event is read only when the event is named before it, in the same clause
_EVENT_BEFORE_GRADE = re.compile(r"(?P<event>\b[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?)(?:\s+(?:in|among|for)\s+the\s+[\w+/-]+(?:\s+[\w+/-]+){0,3}?"
                                 r"\s+(?:group|arm))?\s+(?:was|were|of)\s+$", re.I)
_NOT_AN_EVENT = re.compile(r"^(?:it|this|that|they|these|those|which|there|the\s+\w+\s+(?:group|arm))$", re.I)


def _runs(seg: str, item: re.Pattern) -> list[list[re.Match]]:
    """Items of one kind that follow each other, joined by commas or 'and'."""
    runs: list[list[re.Match]] = []
    for m in item.finditer(seg):
        if runs and _ITEM_JOIN.fullmatch(seg, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= 2]


def _arm_of(s: Sentence, start: int, end: int) -> str:
    """The one arm the list is of: the only arm the sentence names, or the arm named right after the list ("in the A
    arm") or right before it ("for the B arm, there were")."""
    names = list(dict.fromkeys(g.name for g in s.groups))
    if len(names) == 1:
        return names[0]
    after = [g for g in s.groups if end <= g.start <= end + 30]
    if after:
        return after[0].name
    before = [g for g in s.groups if start - 50 <= g.end <= start]
    return before[-1].name if before else ""


def _category(m: re.Match) -> str:
    cat = re.sub(r"\s+", " ", m.group("cat")).strip()
    short = _RESPONSE_CLASSES.get(cat.lower().rstrip("s"))
    if short and cat[:2].isupper():
        return short
    cat = cat.lower()
    return re.sub(r"(response|remission|disease|progression)s$", r"\1", cat)


def category_counts(s: Sentence) -> None:
    """Each count of a category in a list about one arm, a PROPORTION row of that arm and category."""
    seg = s.seg
    if "|" in seg or not _PRECHECK.search(seg):
        return
    for kind, item in (("response", _RESPONSE_ITEM), ("grade", _GRADE_ITEM)):
        for run in _runs(seg, item):
            start, end = run[0].start(), run[-1].end()
            arm = _arm_of(s, start, end)
            if not arm:
                continue
            counts = [count_value(m.group("n")) for m in run]
            if any(c is None for c in counts):
                continue
            cats = [_category(m) for m in run]
            if len(set(cats)) != len(cats):
                continue
            outcome_prefix = ""
            if kind == "grade":
                event = _EVENT_BEFORE_GRADE.search(seg, max(0, start - 50), start)
                if event is None or _NOT_AN_EVENT.match(event.group("event")):
                    continue
                outcome_prefix = re.sub(r"\s+", " ", event.group("event")).lower() + " "
            total = s.state.arm_sizes.get(arm)
            flags = []
            if not total and kind == "response" and {"partial response", "stable disease", "progressive disease"} <= set(cats):
                total = sum(counts)
                flags.append("total_from_categories")
            if not total or any(c > total for c in counts):
                continue
            # a number a rule has read is taken; one set aside before the rules ran is not ("4 SD, 4 PD": the
            # second 4 looked like the spread after "SD")
            if any(e.start < end and start < e.end for e in s.estimates):
                continue
            for m, c, cat in zip(run, counts, cats):
                est = Estimate("PROPORTION", c / total, m.group("n"), m.start(), m.end(), events=c, total=total,
                               kind="arm-patients", arm_hint=arm, outcome_hint=outcome_prefix + cat)
                est.flags.extend(flags)
                s.estimates.append(est)
            s.claim_span(start, end)
