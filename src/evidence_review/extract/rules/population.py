"""Rules for figures that describe the whole study population at baseline ("1578 patients (491 female, age 66.2
years)", "73 (13.6%) were less than five years of age", "68 percent were women", "the mean age of the
participants was 51 years"). They become PROPORTION and MEAN rows of the arm "all patients" with the role hint
"baseline" (the labelling rule of the held-out batches: whole-population baseline figures carry "all patients").

A sentence qualifies only when it names no arm (no treatment, no "group"/"arm") and the words after the number
say who the patients are (a trait: "were women", "had type 2 diabetes", "were recruited in", "male"), never an
outcome ("had a relapse", "died"). The denominator is the population the document states
(grammar.population_size, else the sum of its arms' sizes) or the one the sentence itself prints ("1578 patients
(491 female ...)"). Order, names and examples: registry.py.
"""
from __future__ import annotations

import re

from ..grammar import UNSIGNED, PCT
from ..lexicon import has_outcome
from ..model import Estimate
from ..sentence import Sentence

EVERYONE = "all patients"
_NAMES_AN_ARM = re.compile(r"\b(?:the|both|two|three|four|each|either|treatment|study|trial)\s+(?:[\w-]+\s+)?(?:groups?|arms?)\b|\b(?:placebo|control|versus|vs\.?|compared|respectively)\b", re.I)
# what a count of the population may be followed by: a trait ("were women", "had type 2 diabetes", "male")
_TRAIT = re.compile(
    r"\s*(?:\)\s*)?(?:of\s+(?:the\s+|all\s+)?(?:patients|participants|subjects|children|adults)\s+)?"
    r"(?:(?:patients|participants|subjects|children|adults)\s+)?"
    r"(?:were|was|had|have|are|is|(?:fe)?males?|wom[ae]n|m[ae]n|boys|girls|white|black|asian|hispanic|smokers?|"
    r"current|former|aged?)\b", re.I)
# ... but not an outcome or the patients' flow through the trial
_NOT_A_TRAIT = re.compile(
    r"\b(?:died|developed|experienced|relapsed|achieved|reached|responded|required|needed|met|hospitali[sz]ed|"
    r"discontinued|withdr[ae]w\w*|completed|lost|excluded|randomi[sz]ed|assigned|allocated|switched|cured|"
    r"improved|recovered|deteriorated|adverse|events?|infections?|deaths?|failures?|recurr\w*)\b", re.I)
_BASELINE_WORDS = re.compile(r"\bbaseline\b|\bat\s+(?:entry|enrol?ment|inclusion|randomi[sz]ation)\b|\bcharacteristics\b"
                             r"|\b(?:were|was)\s+(?:included|enrolled|recruited)\b", re.I)
# "1578 patients (491 female, age 66.2 years)", "2,322 patients with type 2 diabetes (40-75 years, 69% males)"
_POPULATION_HERE = re.compile(r"(?<![\w.,])(?<!of\s)(?P<n>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+)\s+(?:patients|participants|persons|"
                              r"people|adults|children|subjects|individuals)\b(?:(?!\d+\s+(?:patients|participants))[^()]){0,60}\(", re.I)
# the bracket after a population lists its traits: "(491 female, ...", "(40-75 years, 69% males)", "(mean age 42"
_TRAITS_INSIDE = re.compile(r"[^()]{0,40}?\b(?:(?:fe)?males?|wom[ae]n|m[ae]n|age|aged|years)\b", re.I)
# "2735 of the patients (83.0%)": a count of the population with its percentage
COUNT_OF_EVERYONE = re.compile(
    r"(?<![\w.,])(?P<n>[1-9]\d{0,2}(?:,\d{3})+|\d+)\s+of\s+(?:the|all|these)\s+(?:patients|participants|subjects|children)"
    r"\s*[(\[]\s*(?P<x>" + UNSIGNED + r")" + PCT + r"\s*[)\]]", re.I)
# "the mean age of the participants was 51 years", "mean age 3.8 years", "Mean age was 63.6 years (SD 13.7)",
# "the mean glycated hemoglobin level was 8.28%", "age 66.2 years" inside a population's bracket
_MEAN_OF = re.compile(
    r"\b(?:(?:mean|average)\s+(?P<q>(?:[\w-]+\s+){0,3}?[\w-]+)|(?<=[(,]\s)(?P<q2>age))"
    r"(?:\s*\([^()]{0,80}\))?(?:\s+of\s+(?:the\s+)?(?:patients|participants|children|adults|subjects))?"
    r"\s*(?:was|were|of|:|=|,)?\s*(?P<v>(?<![\w.])" + UNSIGNED + r")\b(?P<pct>\s*%)?", re.I)
_DEMOGRAPHIC = re.compile(r"\b(?:age|aged|BMI|body[- ]mass\s+index|weight|height|glycated\s+h(?:a)?emoglobin|HbA1c|"
                          r"duration\s+of\s+(?:disease|illness|diabetes)|disease\s+duration|eGFR|blood\s+pressure)\b", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:years?|months?|kg|%)?\s*[(\[]\s*range\s*[:=,]?\s*(?P<lo>" + UNSIGNED + r")\s*(?:-|\bto\b)\s*"
                          r"(?P<hi>" + UNSIGNED + r")\s*[)\]]", re.I)
# the later items of a list of counts that share the first item's verb: "and 103 (19.2%) in B"
_LIST_ITEM = re.compile(r"\s*(?:patients\s+|participants\s+)?(?:in|at|from)\s+[A-Z]|\s*[,;.]|\s*$")
_NOT_A_BASELINE_MEAN = re.compile(r"\b(?:change|changes|reduction|difference|follow[- ]up|dose|doses|duration\s+of\s+"
                                  r"(?:treatment|therapy|follow)|time|interval|stay)\b", re.I)
_SD_AFTER = re.compile(r"\s*(?:years?|kg|%|kg/m2|cm|mmol/mol|mm\s*Hg)?\s*(?:[(\[]\s*(?:SD|s\.d\.|standard\s+deviation)"
                       r"\s*[:=,]?\s*|\u00b1\s*|\+/-\s*)(?P<sd>" + UNSIGNED + r")", re.I)


def _no_arm(s: Sentence) -> bool:
    return not s.mentions and not _NAMES_AN_ARM.search(s.seg)


def _trait_after(s: Sentence, pos: int) -> bool:
    """The words after a count (to the clause's end) describe who the patients are, not what happened to them."""
    clause = re.split(r"[;,]\s|\band\s+\d", s.seg[pos:pos + 120], maxsplit=1)[0]
    return bool(_TRAIT.match(clause)) and not _NOT_A_TRAIT.search(clause) and not has_outcome(clause)


def _keep(s: Sentence, est: Estimate, idx: list[int]) -> None:
    est.arm_hint, est.role = EVERYONE, "baseline"
    s.claimed.update(idx)
    s.estimates.append(est)


def everyone_at_baseline(s: Sentence) -> None:
    """Counts, percentages and means of the whole population at baseline."""
    seg, population = s.seg, s.state.population
    if population is None:
        return          # not a randomized trial's report
    here = _POPULATION_HERE.search(seg)
    inside: tuple[int, int] | None = None
    if here and _TRAITS_INSIDE.match(seg, here.end()):
        close = seg.find(")", here.end())
        inside = (here.end(), close if close > 0 else len(seg))
        if _NAMES_AN_ARM.search(seg[inside[0]:inside[1]]) or any(inside[0] <= m.start < inside[1] for m in s.mentions):
            return
        # the population and its traits in one bracket: the sentence may go on to name the arms it was assigned to
        _in_bracket(s, int(here.group("n").replace(",", "")), inside)
        return
    if not _no_arm(s):
        return
    baseline_sentence = bool(_BASELINE_WORDS.search(seg))
    for c in s.parse("count_of"):
        idx = s.num_at(c.start, c.end)
        # "383/562 (70%) were currently treated for ...": the population's total, or any total when the document
        # does not state its population
        if c.events is None or (population and c.total != population) or any(not s.free(i) for i in idx):
            continue
        # the percentage printed after the count, even one the authors rounded wrongly ("383/562 (70%)")
        bracket = re.match(r"\s*[(\[][^()\[\]]{0,12}[)\]]", seg[c.end:])
        end = c.end + (bracket.end() if bracket else 0)
        if not _trait_after(s, end):
            continue
        _keep(s, Estimate("PROPORTION", c.events / c.total, f"{c.events}/{c.total}", c.start, end,
                          events=c.events, total=c.total, kind="population"), s.num_at(c.start, end))
    if not population:
        return
    for m in COUNT_OF_EVERYONE.finditer(seg):
        idx = s.num_at(m.start(), m.end())
        events = int(m.group("n").replace(",", ""))
        if any(not s.free(i) for i in idx) or events > population or not _trait_after(s, m.end()):
            continue
        _keep(s, Estimate("PROPORTION", float(m.group("x")) / 100, m.group("x") + "%", m.start(), m.end(),
                          events=events, total=population, kind="population"), idx)
    listed = False
    for c in s.parse("count_percent"):
        idx = s.num_at(c.start, c.end)
        xi = [i for i in idx if s.nums[i].percent]
        if c.events is None or c.of_total is not None or not xi or any(not s.free(i) for i in idx):
            continue
        x = s.nums[xi[0]]
        if population not in s.totals_fitting(c.events, x):
            continue
        # "119 (22.2%) patients were recruited in A and 103 (19.2%) in B": the list's later items share its verb
        if not (_trait_after(s, c.end) or (listed and _LIST_ITEM.match(seg, c.end))):
            continue
        listed = True
        _keep(s, Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=c.events,
                          total=population, kind="population"), idx)
    for i, n in enumerate(s.nums):
        # "68 percent were women", "67.5% of participants had type 2 diabetes", "(..., 69% males)"
        if not n.percent or n.signed or not s.free(i) or not 0 < n.value < 100 or s.threshold_before(n):
            continue
        in_bracket = inside is not None and inside[0] <= n.start < inside[1]
        if not (in_bracket or baseline_sentence or _TRAIT.match(seg, n.full_end)) or not _trait_after(s, n.full_end):
            continue
        if re.search(r"(?:\bof|/|\()\s*$", seg[max(0, n.start - 4):n.start]) and not in_bracket:
            continue        # part of a count ("12 (22.2%)") the rules above did not take
        events = round(population * n.value / 100)
        _keep(s, Estimate("PROPORTION", n.value / 100, n.text, n.start, n.full_end, events=events, total=population,
                          kind="population"), [i])
    _means(s, population, baseline_sentence, None)


def _in_bracket(s: Sentence, population: int, inside: tuple[int, int]) -> None:
    """ "1578 patients (491 female, age 66.2 years)", "2,322 patients with diabetes (40-75 years, 69% males)"."""
    seg = s.seg
    for i, n in enumerate(s.nums):
        if not (inside[0] <= n.start < inside[1]) or not s.free(i) or n.signed or n.value > population:
            continue
        sex = re.match(r"\s*(?:(?:fe)?males?|wom[ae]n|m[ae]n)\b", seg[n.full_end:n.full_end + 8], re.I)
        if n.percent and sex and 0 < n.value < 100:
            _keep(s, Estimate("PROPORTION", n.value / 100, n.text, n.start, n.full_end,
                              events=round(population * n.value / 100), total=population, kind="population"), [i])
        elif sex and not n.decimal:
            _keep(s, Estimate("PROPORTION", n.value / population, f"{int(n.value)}/{population}", n.start,
                              n.full_end, events=int(n.value), total=population, kind="population"), [i])
    _means(s, population, True, inside)


def _means(s: Sentence, population: int, baseline_sentence: bool, inside) -> None:
    seg = s.seg
    for m in _MEAN_OF.finditer(seg):
        quantity = (m.group("q") or m.group("q2") or "").strip()
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or any(not s.free(i) for i in idx) or _NOT_A_BASELINE_MEAN.search(quantity):
            continue
        if not (_DEMOGRAPHIC.search(quantity) or baseline_sentence):
            continue
        if m.group("q2") and not (inside and inside[0] <= m.start() < inside[1]):
            continue        # a bare "age 66" only inside the population's bracket
        n = s.nums[idx[0]]
        est = Estimate("MEAN", n.value, n.text, n.start, n.full_end, total=population, kind="population",
                       outcome_hint=re.sub(r"\s+", " ", quantity).lower())
        sd = _SD_AFTER.match(seg, m.end())
        if sd:
            est.sd = float(sd.group("sd"))
            s.claim_span(sd.start("sd"), sd.end("sd"))
        spread = _RANGE_AFTER.match(seg, m.end())
        if spread:      # "mean age 3.8 years (range 0.1-18)"
            est.range_low, est.range_high = float(spread.group("lo")), float(spread.group("hi"))
        _keep(s, est, idx)
