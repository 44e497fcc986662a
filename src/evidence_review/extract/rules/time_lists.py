"""One arm's values listed in the order of the times that follow them, closed by "respectively" (grammar
`timed_list`): "The mean swelling in the A group was 21.3 ± 12.6, 15.8 ± 9.4 and 6.2 ± 5.3 on day 2, 4 and 7
respectively", "the A group had 7, 18 and 12 patients on days 2, 4 and 7, respectively".

Each value is the arm's row at its time: a mean with its spread is a MEAN (its SD, or its SE where the document says
"±" is an SE); a bare whole number followed by the people counted ("patients", "participants") is a PROPORTION of
the arm's size (never larger than the arm). The arm is the one the clause before the list names (the clause after
"whereas", "while", a semicolon; else the sentence, when it names one arm only). A list without an arm, of an arm of
unknown size (counts), or of values the earlier rules read, gives nothing.
"""
from __future__ import annotations

import re

from ..model import Estimate
from ..sentence import Sentence

# where a clause of its own starts: "..., whereas in the B group the mean was ...", "; this difference fell to ..."
_CLAUSE_OPENS = re.compile(r";|\b(?:whereas|while|but|and\s+in)\b", re.I)
# the quantity a clause names before its verb: "The mean size of the swelling in group I was" -> "size of the swelling"
_QUANTITY = re.compile(r"\b(?:the\s+)?(?:mean|average)\s+(?P<q>[a-z][\w\s()-]{1,60}?)\s+(?:in|of|for|with)\s+(?:the\s+)?"
                       r"(?:group|arm|[\w-]+\s+(?:group|arm))", re.I)
_CATEGORY = re.compile(r"\b(?:under|in)\s+the\s+(?P<q>[a-z][\w\s-]{1,40}?)\s+category\b", re.I)


def _arm_of_list(s: Sentence, start: int) -> str:
    """The arm the clause before the list names (its last mention), else the one arm the sentence names before it."""
    before = [g for g in s.groups if g.end <= start]
    if not before:
        return ""
    opens = [m.end() for m in _CLAUSE_OPENS.finditer(s.seg, 0, start)]
    clause_start = opens[-1] if opens else 0
    in_clause = [g for g in before if g.start >= clause_start]
    if in_clause:
        return in_clause[-1].name
    names = {g.name for g in before}
    return before[-1].name if len(names) == 1 else ""


def _outcome_words(s: Sentence, start: int) -> str:
    head = s.seg[:start]
    found = list(_QUANTITY.finditer(head)) or list(_CATEGORY.finditer(head))
    return re.sub(r"\s+", " ", found[-1].group("q")).strip().lower() if found else ""


def values_at_listed_times(s: Sentence) -> None:
    for tl in s.parse("timed_list"):
        if len(tl.items) != len(tl.times) or len(tl.items) < 2:
            continue
        spreads = [sd is not None for _, _, _, sd in tl.items]
        if any(spreads) and not all(spreads):
            continue            # some values with a spread, some without: not one list of one kind
        idx = [i for a, b, _, _ in tl.items for i in s.num_at(a, b)]
        if any(not s.free(i) for i in idx):
            continue
        arm = _arm_of_list(s, tl.start)
        if not arm:
            continue
        size = s.state.arm_sizes.get(arm)
        outcome = _outcome_words(s, tl.start)
        rows = []
        if all(spreads):
            for (a, b, value, spread), when in zip(tl.items, tl.times):
                est = Estimate("MEAN", value, s.seg[a:b], a, b, kind="mean", arm_hint=arm, total=size)
                if s.state.plus_minus == "SE":
                    est.se = spread
                else:
                    est.sd = spread
                rows.append((est, when))
        elif tl.people and size and all(float(v).is_integer() and v <= size for _, _, v, _ in tl.items):
            for (a, b, value, _), when in zip(tl.items, tl.times):
                est = Estimate("PROPORTION", value / size, s.seg[a:b], a, b, kind="arm-count", arm_hint=arm)
                est.events, est.total = int(value), size
                rows.append((est, when))
        for est, when in rows:
            est.timepoint = when
            est.outcome_hint = outcome
            s.estimates.append(est)
        if rows:
            s.claim_span(tl.start, tl.end)
