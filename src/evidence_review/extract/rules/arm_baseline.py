"""Rules for one arm's characteristics at entry printed in prose, in a sentence (or a semicolon-separated clause:
"group A, 67 patients, 40 patients male, 27 patients female; group B, ...") whose subject is the arm: "The
treatment group (n = 60) had 32 males and 28 females aged between 45 and 77 years, with a mean age of 63.2, which
included 32 cases of NYHA grade III and 28 cases of grade II". They become PROPORTION and MEAN rows of that arm
with the role hint "baseline" (characteristics at entry are arm-level data, never pooled as effects).

A sentence qualifies only when an arm of known size opens it and it gives a sex count or a mean age (what makes it
a description of who was in the arm); its "N cases of X" are then the arm's counts of X at entry. Of a sex count
"32 males and 28 females" the first is kept: the second is its complement (the arm's size minus the first) and
adds nothing. Order, names and examples: registry.py.
"""
from __future__ import annotations

import re

from ..grammar import COUNT_WORD, UNSIGNED, count_value
from ..model import Estimate
from ...regexfilter import prefiltered
from ..sentence import Sentence
from ..startguard import start_guarded

# the arm opens the sentence: "The treatment group (n=60) had", "In the control group, there were", "Group B:"
_OPENING = re.compile(r"^\s*(?:In\s+)?(?:the\s+)?$", re.I)
_SUBJECT_VERB = re.compile(r"\s*(?:groups?|arms?)?\s*(?:[(\[]\s*[nN]\s*=\s*\d+\s*[)\]])?\s*(?:,\s*)?"
                           r"(?:had|included|includ\w+|comprised|consisted\s+of|was\s+composed\s+of|there\s+were|:)\s"
                           # "group A, 67 patients, 40 patients male, ...": the arm, then its size
                           r"|\s*(?:groups?|arms?)?\s*,\s*\d+\s+(?:patients|participants|subjects|cases)\s*,", re.I)
_COUNT = r"(?P<n>(?<![\w.])\d+|\b" + COUNT_WORD + r")"
# "32 males", "24 women", "18 male patients": the first sex count of the sentence
_SEX_COUNT = prefiltered(start_guarded(re.compile(_COUNT + r"\s+(?:patients\s+)?(?P<sex>males?|men|boys|females?|women|girls)\b(?:\s+patients\b)?", re.I)))
# "with a mean age of 63.2", "mean age 52.1 ± 8.4 years", "a mean age of 41 (SD 9) years"
_MEAN_AGE = start_guarded(re.compile(r"\bmean\s+age\s*(?:of\s+|was\s+|:\s*|=\s*)?(?P<v>(?<![\w.])" + UNSIGNED + r")\s*(?:years?)?"
                       r"(?:\s*(?:\u00b1|\+/-)\s*(?P<sd>" + UNSIGNED + r")|\s*\(\s*SD\s*[:=]?\s*(?P<sd2>" + UNSIGNED + r")\s*\))?",
                       re.I))
# "32 cases of NYHA grade III", "four cases of severe asphyxia": the item ends at a comma, "and <count>" or the end
_CASES_OF = re.compile(_COUNT + r"\s+cases?\s+(?:of|with)\s+(?P<what>[^,;.()]+?)"
                       r"(?=\s*(?:[,;.()]|\band\s+(?:\d+|" + COUNT_WORD + r")\b|$))", re.I)
_SEX_NAMES = {"male": "male sex", "man": "male sex", "men": "male sex", "boy": "male sex", "boys": "male sex",
              "female": "female sex", "woman": "female sex", "women": "female sex", "girl": "female sex",
              "girls": "female sex"}


def _opening_arm(s: Sentence, start: int, end: int) -> tuple[str, int]:
    """The arm that opens the clause seg[start:end] as its subject, with where its name ends, else ("", -1)."""
    first = next((g for g in s.groups if start <= g.start < end), None)
    if first is None or not _OPENING.match(s.seg[start:first.start]) or not _SUBJECT_VERB.match(s.seg, first.end):
        return "", -1
    return first.name, first.end


# a sentence's clauses: "group A, 67 patients, 40 patients male, ...; group B, 68 patients, ..." lists each arm in
# a clause of its own
_CLAUSE_BREAK = re.compile(r";|:(?=\s)")
# "group A, 67 patients, ...": the arm's size printed right after its name
_SIZE_AFTER = re.compile(r"\s*(?:groups?|arms?)?\s*,\s*(?P<n>\d+)\s+(?:patients|participants|subjects|cases)\b", re.I)


def _count_row(s: Sentence, m: re.Match, size: int, outcome: str) -> None:
    n = count_value(m.group("n").lower())
    idx = s.num_at(m.start("n"), m.end("n"))
    if n is None or n > size or any(not s.free(i) for i in idx):
        return
    s.claimed.update(idx)
    est = Estimate("PROPORTION", n / size, m.group("n"), m.start("n"), m.end(), events=n, total=size, kind="arm-baseline")
    est.outcome_hint, est.role = outcome, "baseline"
    s.estimates.append(est)


def arm_characteristics(s: Sentence) -> None:
    """Sex counts, mean age and "N cases of X" of the arm that opens the sentence (or each clause of a list of
    arms separated by semicolons), at entry."""
    seg = s.seg
    if "|" in seg or not s.groups or not (_SEX_COUNT.search(seg) or _MEAN_AGE.search(seg)):
        return
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(seg)] + [len(seg)]
    for start, end in zip(bounds, bounds[1:]):
        _clause_characteristics(s, start, end)


def _clause_characteristics(s: Sentence, start: int, end: int) -> None:
    seg = s.seg
    arm, name_end = _opening_arm(s, start, end)
    if not arm:
        return
    printed = _SIZE_AFTER.match(seg, name_end)
    size = s.state.arm_sizes.get(arm) or (int(printed.group("n")) if printed else None)
    if not size:
        return
    if printed:
        s.claim_span(printed.start("n"), printed.end("n"))
    clause = seg[:end]
    sex, age = _SEX_COUNT.search(clause, start), _MEAN_AGE.search(clause, start)
    if sex is None and age is None:
        return
    found = len(s.estimates)
    if sex is not None:
        word = sex.group("sex").lower()
        _count_row(s, sex, size, _SEX_NAMES.get(word if word in ("men", "women") else word.rstrip("s"), "male sex"))
    if age is not None:
        idx = s.num_at(age.start("v"), age.end("v"))
        if idx and all(s.free(i) for i in idx):
            sd_text = age.group("sd") or age.group("sd2")
            est = Estimate("MEAN", float(age.group("v")), age.group("v"), age.start("v"), age.end(), kind="arm-baseline")
            est.sd = float(sd_text) if sd_text else None
            est.total, est.outcome_hint, est.role = size, "age", "baseline"
            s.claim_span(age.start("v"), age.end())
            s.estimates.append(est)
    for m in _CASES_OF.finditer(clause, start):
        if re.search(r"\brespectively\b", m.group("what")) or re.match(r"[^.;]{0,40}\brespectively\b", seg[m.end():]):
            continue        # "30 cases of grade III and grade II respectively": one count printed for two traits
        _count_row(s, m, size, re.sub(r"\s+", " ", m.group("what")).strip())
    for est in s.estimates[found:]:
        est.arm_hint = arm
