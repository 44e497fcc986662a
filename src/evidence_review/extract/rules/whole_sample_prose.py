"""Whole-sample figures in prose that `population.py`'s readers leave: the shapes in which a report describes its
whole sample (or a subset "of them") in words rather than with a count, a share and a mean side by side.

- a range then the mean in its bracket: "Ages ranged from 21 to 58 years (mean = 36.2 ± 7.9 SD)";
- a trait before a bracket holding its count and share, or its count over the population: "were men (41 people,
  57.7%)", "aged 30 to 39 years (n = 48, 38.4%)", "The majority had a smoking history (35/71, 49%)";
- a list of traits each with its count: "Other diagnoses included X (n = 6) and Y (n = 2)";
- a list of traits each with its share: "the cause was X in 41.3%, Y in 20.0% and Z in 9.5%";
- a subset of a count just read: "38 (54%) had a positive screen and 9 (24%) of them ...": the subset's count over
  the count it is "of";
- a mean said "on average": "the infants were, on average, 38 days old".

Each is of everyone (arm "all patients") only in a sentence of a randomized trial that names no arm
(`population._no_arm`), cites no other study, and prints no figure the reader does not explain as one of these;
the denominator is the whole sample's size (`population.sample_size`). A share is kept only where
its count is a whole number of that population as printed (`cell_reading.share_agrees`). Order, names and examples:
registry.py.
"""
from __future__ import annotations

import re

from ..cell_reading import share_agrees
from ..grammar import UNSIGNED
from ..lexicon import has_outcome
from ..model import Estimate
from ..sentence import Sentence
from . import population as P

_UNIT = r"(?:years?|yrs?|y|months?|weeks?|days?|kg|cm|m|%|kg/m2|mm\s*Hg|mg/dL|mmol/L)"
# "Ages ranged from 21 to 58 years (mean = 36.2 ± 7.9 SD)", "The ages ranged from 30 to 80 years (average, 57 ± 1.2
# years)", "Age ranged between 18 and 65 years, with a mean of 41.2 years"
_RANGE_THEN_MEAN = re.compile(
    r"\b(?P<q>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?)\s+(?:ranged|varied)\s+(?:from|between)\s+(?P<lo>" + UNSIGNED + r")\s*"
    r"(?:" + _UNIT + r"\s*)?(?:to|and|-|\u2013)\s*(?P<hi>" + UNSIGNED + r")\s*(?:" + _UNIT + r")?\s*"
    r"(?:[(\[]|,\s*(?:with\s+)?(?:an?\s+)?)\s*(?P<stat>mean|average|median)\s*(?:[:=,]|\bwas\b|\bof\b)?\s*(?P<v>" + UNSIGNED + r")"
    r"\s*(?:" + _UNIT + r")?\s*(?:(?:\u00b1|\+/-)\s*(?P<sd>" + UNSIGNED + r")\s*(?:" + _UNIT + r")?\s*(?:SD|s\.d\.)?)?", re.I)
# "(41 people, 57.7%)", "(n = 48, 38.4%)", "(35/71, 49%)", "(35/71)": a count, over the population or with its share
_COUNT_BRACKET = re.compile(r"[(\[]\s*(?:n\s*=\s*)?(?P<k>\d+)\s*(?:/\s*(?P<of>\d+)\s*)?(?:(?:patients|participants|people|subjects|"
                            r"cases|persons)\s*)?(?:[,;]\s*(?P<x>" + UNSIGNED + r")\s*%\s*)?[)\]]", re.I)
# "X in 41.3%, Y in 20.0% and Z in 9.5%": each trait with its share
_IN_SHARE_ITEM = re.compile(r"(?:^|[,;:]\s*|\band\s+|\bwas\s+|\bwere\s+)(?P<what>[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,4}?)\s+in\s+(?P<x>"
                            + UNSIGNED + r")\s*%", re.I)
# "38 (54%) ... and 9 (24%) of them", "of these, 9 (24%)": a count of the people just counted
_OF_THEM = re.compile(r"(?<![\w.])(?P<k>\d+)\s*[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*[)\]]\s+of\s+(?:them|these|those)\b"
                      r"|\b(?:of|among)\s+(?:them|these|those)\s*,\s*(?P<k2>\d+)\s*[(\[]\s*(?P<x2>" + UNSIGNED + r")\s*%\s*[)\]]", re.I)
# "were, on average, 38 days old", "were on average 7.2 years old"
_ON_AVERAGE_OLD = re.compile(r"\b(?:were|was)\s*,?\s+on\s+average\s*,?\s+(?P<v>" + UNSIGNED + r")\s+(?P<unit>days?|weeks?|months?|"
                             r"years?)\s+(?:of\s+age|old)\b", re.I)
# the people counted as the sentence's subject: "Seventy-one patients were ...": not a trait's count
_WORDS_BEFORE_BRACKET = 80


# "The majority had X (...)", "Other diagnoses included Y (...)": the words that lead to the trait are no part of it
_LEAD_WORDS = re.compile(r"^(?:(?:the\s+)?(?:majority|most|many|some|others?|half)\b[^()]*?\s+(?:had|have|were|was|are|is)\s+|"
                         r"[^()]*?\b(?:included|includ(?:ed|ing)|comprised|were|was)\s+(?:an?\s+|the\s+)?)", re.I)


# the patients' flow through the trial: the counts of a sentence about it are no traits
_FLOW = re.compile(r"\b(?:exclu\w*|withdr[ae]w\w*|lost|discontinu\w*|dropp\w*|declin\w*|refus\w*|reasons?|ineligible|"
                   r"not\s+eligible|screen\w*|did\s+not|died|death|deaths)\b", re.I)


# the verb that says a list breaks everyone down by a trait: "Other diagnoses included X (n = 6) and Y (n = 2)"
_BREAKDOWN_VERB = re.compile(r"\b(?:included|including|comprised|consisted\s+of|diagnos\w*|presented\s+with|had)\b", re.I)


def _eligible(s: Sentence) -> int | None:
    """The population a sentence's whole-sample figures are of, or None when the sentence is not about it."""
    population = P.sample_size(s)
    if not population or P._OTHER_STUDY.search(s.seg) or not P._no_arm(s):
        return None
    return population


def _free(s: Sentence, start: int, end: int) -> list[int] | None:
    idx = s.num_at(start, end)
    return idx if idx and all(s.free(i) for i in idx) else None


def _role_of(what: str) -> str:
    """A trait's figure is a baseline one; an outcome's, both arms together, is an effect of everyone."""
    return "effect" if has_outcome(what) else "baseline"


def range_then_mean(s: Sentence) -> None:
    """ "Ages ranged from 21 to 58 years (mean = 36.2 ± 7.9 SD)": a MEAN (or MEDIAN) of everyone with its range."""
    seg = s.seg
    if "rang" not in seg and "varied" not in seg:
        return
    population = _eligible(s)
    if population is None:
        return
    for m in _RANGE_THEN_MEAN.finditer(seg):
        lo, hi, v = float(m.group("lo")), float(m.group("hi")), float(m.group("v"))
        idx = _free(s, m.start("v"), m.end("v"))
        quantity = re.sub(r"^(?:the|their|patients'?|participants'?)\s+", "", m.group("q").strip(), flags=re.I).lower()
        quantity = "age" if quantity in ("ages", "age") else quantity
        if idx is None or not lo <= v <= hi or P._NOT_A_BASELINE_MEAN.search(quantity) or P._NOT_A_TRAIT.search(quantity):
            continue
        median = m.group("stat").lower() == "median"
        n = s.nums[idx[0]]
        est = Estimate("MEDIAN" if median else "MEAN", v, n.text, n.start, m.end(), total=population, kind="population",
                       outcome_hint=quantity)
        est.range_low, est.range_high = lo, hi
        if m.group("sd") and not median:
            est.sd = float(m.group("sd"))
        s.claim_span(m.start("lo"), m.end())
        P._keep(s, est, idx)


def counted_traits(s: Sentence) -> None:
    """A trait before a bracket that holds its count ("were men (41 people, 57.7%)", "(n = 48, 38.4%)", "(35/71,
    49%)", "X (n = 6) and Y (n = 2)"): a PROPORTION of everyone over the population, when the count fits it (its
    share printed, or its total printed as the population's) and the sentence prints no other figure than these."""
    seg = s.seg
    if "(" not in seg and "[" not in seg:
        return
    population = _eligible(s)
    if population is None:
        return
    found = []
    for m in _COUNT_BRACKET.finditer(seg):
        k = int(m.group("k"))
        of = int(m.group("of")) if m.group("of") else None
        if not 0 < k <= population or (of is not None and of != population) \
                or (m.group("x") and not share_agrees(k, population, m.group("x"), truncated=True)):
            return
        bare = of is None and not m.group("x")
        if bare and not re.match(r"[(\[]\s*n\s*=", m.group(), re.I):
            return          # "(12)": no count said to be one
        what = P._trait_before_bracket(s, m.start())
        what = _LEAD_WORDS.sub("", what) if what else what
        if not what or P._NAMES_AN_ARM.search(what) or re.search(r"\b(?:groups?|arms?)\b", what):
            return
        found.append((m, k, what, bare))
    if not found or (all(bare for *_, bare in found) and len(found) < 2):
        return              # one "X (n = 6)" alone may be a subgroup's size; a list of them is a breakdown
    if any(bare for *_, bare in found) and (_FLOW.search(seg) or any(has_outcome(what) for _, _, what, _ in found)
                                            or not _BREAKDOWN_VERB.search(seg, 0, found[0][0].start())
                                            or sum(k for _, k, _, _ in found) > population):
        return              # "(n = 3)" after reasons for leaving, or after events: the flow or outcomes, no trait
    # every figure of the sentence is one of these counts
    inside = [(m.start(), m.end()) for m, *_ in found]
    if any(not any(a <= n.start < b for a, b in inside) for n in s.nums):
        return
    for m, k, what, _ in found:
        idx = _free(s, m.start(), m.end())
        if idx is None:
            continue
        P._keep(s, Estimate("PROPORTION", k / population, f"{k}/{population}", m.start("k"), m.end(), events=k,
                          total=population, kind="population", outcome_hint=what), idx, _role_of(what))


def shares_in(s: Sentence) -> None:
    """ "the cause was X in 41.3%, Y in 20.0% and Z in 9.5%": two or more traits each with its share of everyone."""
    seg = s.seg
    if " in " not in seg or "%" not in seg:
        return
    population = _eligible(s)
    if population is None:
        return
    items = []
    for m in _IN_SHARE_ITEM.finditer(seg):
        what = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", m.group("what")).strip(), flags=re.I).lower()
        idx = _free(s, m.start("x"), m.end())
        x = float(m.group("x"))
        if idx is None or not 0 < x < 100 or P._NOT_A_TRAIT.search(what) or P._NAMES_AN_ARM.search(what) \
                or re.search(r"\b(?:groups?|arms?|patients|participants|subjects|cases)$", what):
            continue
        items.append((m, idx, what, x))
    if len(items) < 2 or sum(x for *_, x in items) > 100.5:
        return      # a list of parts of everyone adds up to at most the whole
    for m, idx, what, x in items:
        n = s.nums[idx[0]]
        P._keep(s, Estimate("PROPORTION", x / 100, n.text + "%", n.start, n.full_end, events=round(population * x / 100),
                          total=population, kind="population", outcome_hint=what), idx, _role_of(what))


def subset_of_them(s: Sentence) -> None:
    """ "38 (54%) had a positive screen and 9 (24%) of them ...": the subset's count over the count of everyone read
    just before it in the sentence, with that row's arm and role."""
    seg = s.seg
    if not re.search(r"\b(?:them|these|those)\b", seg):
        return
    for m in _OF_THEM.finditer(seg):
        k = int(m.group("k") or m.group("k2"))
        printed = m.group("x") or m.group("x2")
        parents = [e for e in s.estimates if e.arm_hint == P.EVERYONE and e.events and e.end <= m.start()
                   and e.measure == "PROPORTION"]
        if not parents:
            continue
        parent = max(parents, key=lambda e: e.end)
        idx = _free(s, m.start(), m.end())
        if idx is None or not k <= parent.events or not share_agrees(k, parent.events, printed, truncated=True):
            continue
        what = P._trait_name(seg, m.end()) or ""
        if parent.outcome_hint:
            what = f"{what} ({parent.outcome_hint})" if what else parent.outcome_hint
        P._keep(s, Estimate("PROPORTION", k / parent.events, f"{k}/{parent.events}", m.start(), m.end(), events=k,
                          total=parent.events, kind="population", outcome_hint=what), idx, parent.role or "baseline")


def on_average(s: Sentence) -> None:
    """ "the infants were, on average, 38 days old": the mean age of everyone."""
    seg = s.seg
    if "average" not in seg:
        return
    population = _eligible(s)
    if population is None:
        return
    for m in _ON_AVERAGE_OLD.finditer(seg):
        idx = _free(s, m.start("v"), m.end("v"))
        if idx is None:
            continue
        n = s.nums[idx[0]]
        P._keep(s, Estimate("MEAN", n.value, n.text, n.start, m.end(), total=population, kind="population",
                          outcome_hint=f"age ({m.group('unit').lower().rstrip('s')}s)"), idx)
