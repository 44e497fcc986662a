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


# ---------------------------------------------------------------------------------------------------------------
# The figures of the whole sample that no rule read: once every other rule has run, a sentence of the whole sample
# (`_eligible`) that is about the people studied (not a survey's respondents, not the flow through the trial, no
# comparison) gives a row of everyone for each summary, count and share the grammar reads in it and no rule took,
# whatever the words around it. The grammar's expression says the measure; the sample's size is the denominator.

# a sentence whose figures are not of the people studied, or that compares, or follows them through the trial
_NOT_OF_THE_SAMPLE = re.compile(
    r"\b(?:respond(?:ent|ents|ed)|response\s+rate|questionnaires?|surveys?|staff|nurses|physicians|clinicians|"
    r"investigators|sites?|centres?|centers?|hospitals|practices|power|sample\s+size|calculat\w*|assum\w*|detect|"
    r"respectively|versus|vs\.?|compared|than|difference|differ\w*|p\s*[<=>]|CI|confidence|odds|hazard|ratio|"
    r"change[sd]?|reduc\w*|increas\w*|decreas\w*|improv\w*|declin\w*|"
    # an arm named by words the study model does not know ("in the tai chi group")
    r"groups?|arms?|cohorts?)\b", re.I)
# the statistic's name before a value: "mean", "average", "median", APA's "M =" and "Mdn ="
_STAT_WORD = re.compile(r"\b(?:(?P<median>median|mdn)|mean|average|(?-i:M)(?=\s*=))\b", re.I)
# what a summary of the sample is never of: the time the trial followed them, a measurement's own error, a table
_NOT_A_SAMPLE_SUMMARY = re.compile(r"\b(?:follow(?:ed)?[- ]?up|followed|observer|error|agreement|reliability|kappa|"
                                   r"effect\s+sizes?|schedule)\b", re.I)
_SUMMARY_PRODUCTIONS = ("mean_pm", "mean_bracket", "mean_comma_sd", "median_spread", "median_comma_spread",
                        "median_iqr_width")
# the clause a value's name lies in: back to the last break of the sentence
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|whereas|but)\b|\.\s|\bwhile\b|\bwhereas\b")
_NAME_WORDS = re.compile(r"(?:^|.*?\b(?:the|a|an|their|our|with|and|of|,))?\s*(?P<name>[A-Za-z][\w/()%.-]*(?:\s+[\w/()%.-]+){0,5}?)"
                         r"\s*(?:\b(?:was|were|is|are|of|at|:|=|,)\s*)*$", re.I)


_TIME_TO_EVENT = re.compile(r"\b(?:survival|time\s+(?:from\s+[\w\s-]{1,40}?\s+)?to|progression|event|death|relapse|recurrence|stay|duration\s+of\s+"
                            r"(?:treatment|therapy|response))\b", re.I)
_UNREAD_BRACKET = re.compile(r"\s*(?:[a-zA-Z%/]{1,8}\s*)?[(\[][^)\]]{0,40}?\d")
# a bound of a range, or a number that is part of a word ("2-hour", "12-item")
_BOUND_OR_WORD = re.compile(r"\s*(?:[-\u2013]\s*(?:\d|[A-Za-z])|to\s+\d)")
# ", min-max = 18.03-48.56", ", range: 2-9": a range named after a comma or equals sign
_RANGE_NAMED_AFTER = re.compile(r"\s*(?:[a-zA-Z/%]{1,8}\s*)?[,;(\[]\s*(?:range|min(?:imum)?\s*[-\u2013/]\s*max(?:imum)?)\s*[:=,]?\s*(?P<lo>"
                                + UNSIGNED + r")\s*(?:[a-zA-Z%]{1,8}\s*)?(?:-|\u2013|\bto\b)\s*(?P<hi>" + UNSIGNED + r")", re.I)


def _clause_before(seg: str, pos: int) -> int:
    start = max(0, pos - 100)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(seg, start, pos)]
    return breaks[-1] if breaks else start


def _summary_name(seg: str, start: int, pos: int) -> str:
    words = re.sub(r"\s+", " ", seg[start:pos]).strip()
    words = re.sub(r"^(?:(?:the|a|an|their|our|overall|all|in|total|and|with)\s+)+", "", words, flags=re.I)
    words = _STAT_WORD.sub(" ", words)
    words = re.sub(r"\b(?:of\s+(?:the\s+|all\s+)?(?:patients|participants|subjects|children|women|men|sample|cohort)|"
                   r"(?:was|were|is|are|of|at)\s*$|[:=,(]\s*$)", " ", words, flags=re.I)
    words = re.sub(r"\s*[:=,(\[]\s*$", "", re.sub(r"\s+", " ", words)).strip(" ,:=([")
    return re.sub(r"\s+(?:was|were|is|are|of|at)$", "", words, flags=re.I).lower()


def sample_summaries(s: Sentence) -> None:
    """ "At baseline, the mean energy intake was 1890 ± 640 kcal/d", "aged 24 years (M = 24, SD = 3)", "a median
    duration of 212 days (IQR 180-260) at entry": a MEAN or MEDIAN of everyone for each summary the grammar reads (or
    a mean's value right after its name) that no rule took, in a sentence about the sample at entry (it says
    "baseline", "at entry", "characteristics" or names a trait such as age or weight)."""
    seg = s.seg
    if not any(w in seg for w in ("mean", "Mean", "MEAN", "average", "Average", "median", "Median", "M =", "M=", "\u00b1", "SD")):
        return
    population = _eligible(s)
    if not population or _NOT_OF_THE_SAMPLE.search(seg) or _FLOW.search(seg) or _NOT_A_SAMPLE_SUMMARY.search(seg) \
            or not (P._BASELINE_WORDS.search(seg) or P._DEMOGRAPHIC.search(seg)):
        return              # a sentence about the sample at entry: it says "baseline" or names a trait such as age
    by_start = {}
    for name in _SUMMARY_PRODUCTIONS:
        for summary in s.parse(name):
            by_start.setdefault(summary.center_start, summary)
    for i, n in enumerate(s.nums):
        if not s.free(i) or n.signed or s.threshold_before(n) or _BOUND_OR_WORD.match(seg, n.full_end) \
                or re.search(r"(?:[-\u2013/]|\bto|\b(?:tables?|fig(?:ure)?s?\.?))\s*$", seg[max(0, n.start - 8):n.start], re.I):
            continue            # a bound of a range ("35.1-39.5"), part of a word ("2-hour"), "Table 2"
        summary = by_start.get(n.start)
        start = _clause_before(seg, n.start)
        # the statistic's name that no other figure stands between it and this one
        stats = [m for m in _STAT_WORD.finditer(seg, start, n.start) if not any(m.end() <= o.start < n.start for o in s.nums)]
        stat = stats[-1] if stats else None
        if summary is None and stat is not None and stat.group("median"):
            continue            # a median printed bare: left to the rules that know its quantity
        if summary is None and (stat is None or len(seg[stat.end():n.start].split()) > 8):
            continue            # a bare value: only after its statistic's name ("mean age was 63", "median of 4")
        if summary is None and n.percent and re.match(r"\s+of\s+(?!predicted|the\s+predicted)", seg[n.full_end:]):
            continue
        if summary is not None and summary.label in ("", None) and stat is None and summary.kind == "median":
            continue            # "12 (8-17)": a bare pair is a median's quartiles only where "median" is said
        if summary is not None and summary.kind == "mean" and summary.sd is None and summary.se is None:
            continue
        if summary is not None and summary.kind == "mean" and not summary.label and "\u00b1" not in seg[n.start:summary.end] \
                and "+/-" not in seg[n.start:summary.end] and stat is None and not re.search(r"\bSD\b|s\.d\.", seg):
            continue            # "54 (12)": a mean and its SD only where the sentence says a mean or an SD is printed
        median = (summary.kind == "median") if summary is not None else bool(stat.group("median"))
        # the name: the words after the figure before it in the clause (an item of a list: "age 54 ± 6, BMI 27 ± 4")
        before = [o.full_end for o in s.nums if start <= o.full_end <= n.start and o.start < n.start]
        start = max([start] + before)
        start = max([start] + [x.end for x in by_start.values() if start <= x.end <= n.start])
        name_from = stat.end() if stat is not None and stat.end() < n.start - 1 and re.search(r"[A-Za-z]{2}", seg[stat.end():n.start]) else start
        what = _summary_name(seg, name_from, n.start) or (_summary_name(seg, start, stat.start()) if stat is not None else "")
        what = re.sub(r"^[\s,;)\]]*(?:and\s+)?", "", what)
        if not what or len(what.split()) > 8 or re.search(r"\b(?:randomi|allocat|assign|withdr|lost|excluded)", what):
            continue
        if median and _TIME_TO_EVENT.search(what):
            continue            # a median time to an event is the arms' outcome, printed with them
        value = summary.center if summary is not None else n.value
        est = Estimate("MEDIAN" if median else "MEAN", value, n.text, n.start, summary.end if summary is not None else n.full_end,
                       total=population, kind="population", outcome_hint=what)
        if summary is None:
            # "median = 20.05, min-max = 18.03-48.56", "mean age 37 years (SD 15)": the spread printed after the value
            spread = P._IQR_AFTER.match(seg, n.full_end) if median else None
            if spread is not None:
                est.q1, est.q3 = float(spread.group("lo")), float(spread.group("hi"))
            elif (spread := P._RANGE_AFTER.match(seg, n.full_end) or _RANGE_NAMED_AFTER.match(seg, n.full_end)) is not None:
                est.range_low, est.range_high = float(spread.group("lo")), float(spread.group("hi"))
            elif not median and (spread := P._SD_AFTER.match(seg, n.full_end)) is not None:
                est.sd = float(spread.group("sd"))
            if spread is None and not (P._DEMOGRAPHIC.search(what) or P._BASELINE_WORDS.search(seg)):
                continue        # a bare value with no spread: only a trait at entry ("the mean age was 63")
            if spread is None and _UNREAD_BRACKET.match(seg, n.full_end):
                continue        # "median age 45 (18-80)": a spread printed in a way no reading here says what it is
            if spread is not None:
                if not (est.q1 or est.range_low or 0) <= value <= (est.q3 or est.range_high or value):
                    continue
                s.claim_span(n.start, spread.end())
        else:
            if summary.kind == "mean":
                est.sd, est.se = summary.sd, summary.se
                # "54.1 ± 9.8 years (range 31-79)": the range printed after the spread
                spread = P._RANGE_AFTER.match(seg, summary.end) or _RANGE_NAMED_AFTER.match(seg, summary.end) \
                    or P._BARE_RANGE_AFTER.match(seg, summary.end)
                if spread is not None and float(spread.group("lo")) <= value <= float(spread.group("hi")):
                    est.range_low, est.range_high = float(spread.group("lo")), float(spread.group("hi"))
                    s.claim_span(summary.end, spread.end())
                elif _UNREAD_BRACKET.match(seg, summary.end):
                    continue    # a bracket of figures after the summary that no reading here explains
            else:
                est.q1, est.q3 = summary.q1, summary.q3
                est.range_low, est.range_high = summary.range_low, summary.range_high
                if (est.q1 is not None and not est.q1 <= value <= est.q3) or \
                        (est.range_low is not None and not est.range_low <= value <= est.range_high):
                    continue
            s.claim_span(summary.start, summary.end)
        P._keep(s, est, [i], _role_of(what))
