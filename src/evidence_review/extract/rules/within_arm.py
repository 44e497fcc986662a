"""Rules for one arm's values over time, printed in prose: a level before and after ("Systolic blood pressure
decreased from 138.2 to 132.8 mmHg (p=0.001)", "the LVEF rose from 49.9% to 55.2% (+5.3%; n = 10) at 6 months and
to 58.3% at 12 months") and the arm's change itself ("an increase of +0.38 ± 0.22 W/kg or +11.0% (±8.2)").

The labelling rule of the held-out batches: "decreased from X to Y" gives a MEAN X with role baseline and a MEAN Y
(effect); a change printed with it is a MEAN of the outcome "change in ...", signed as printed. These rules run after
the rules that read two arms' values ("reduced from 6.3 to 4.5 days under X", the first value the other arm's;
"increased from 5.2 (4.1) to 53.9 (18.5) in the A group" with spreads), so they read only what those left.

The arm of a value: the arm named right after it ("in the A group", "with A", "by the oral route"), else the arm the
clause opens with ("With A, the LVEF increased ...", "The A group increased from ..."), else the arm that closes a
run of such clauses ("X decreased from a to b and Y from c to d by the oral route"), else the document's one
treatment. Order, names and examples: registry.py.
"""
from __future__ import annotations

import re

from ...regexfilter import prefiltered
from ...tables import DESCRIPTIVE_MEASURES
from ..model import Estimate
from .aligned import _as_study_arm, _respectively_list
from .arm_data import _quantile
from .population import _OTHER_STUDY
from ..sentence import Sentence
from ..startguard import start_guarded

_NUMBER = r"[-+]?\d+(?:\.\d+)?"
# the unit printed after a value: "mmHg", "mg/dl", "W/kg bw", "ml/min/1.73 m2", "%", "ng/mL", "points"
_UNIT = (r"(?:\s*%|\s*(?!(?:and|or|in|with|at|to|for|after|before|vs|versus|than|the|respectively|from|by|of|on|which|that|"
         r"while|whereas|but|was|were|is|are|during|among|under|over|per)\b)(?:[a-zA-Z\u00b5\u03bc][\w\u00b5\u03bc.]{0,11}(?:/[\w.]{1,8}){0,2}(?:\s+(?:bw|body\s*weight|m2|m\u00b2))?))?")


def _spread(plus: str, bracket: str) -> str:
    """ "± 0.49 W/kg", "(±0.56)", "(SD 4.1)": a value's spread, printed after it or after its unit."""
    return (r"(?:\s*(?:\u00b1|\+/-)\s*(?P<" + plus + r">\d+(?:\.\d+)?)" + _UNIT + r"|\s*\(\s*(?:\u00b1|\+/-|SD\s*[:=]?)\s*(?P<"
            + bracket + r">\d+(?:\.\d+)?)\s*\))?")
_RISE = r"(?:increased|rose|risen|improved|elevated|grew|went\s+up|climbed)"
_FALL = r"(?:decreased|fell|fallen|declined|dropped|reduced|lowered|diminished|went\s+down)"
_CHANGE_NOUN = r"(?:increases?|rises?|improvements?|decreases?|reductions?|falls?|declines?|drops?|changes?)"
# "decreased from 138.2 to 132.8 mmHg", "a reduction in X from 7.9% to 7.1%", "changed from 12 → 9"; "from" and
# "to" glued to their numbers by a lost space ("from138.2", "to1.7") still read
_FROM_TO_VERB = (
    r"\b(?:(?P<rise>" + _RISE + r")|(?P<fall>" + _FALL + r")|(?:changed|shifted|moved)|(?P<noun>" + _CHANGE_NOUN + r")"
    r"(?:\s+(?:in|of)\s+(?P<q_in>[^,;()\d]{2,50}?))?)"
    r"(?:\s+(?:significantly|slightly|markedly|substantially|only|further|non-?significantly|on\s+average|overall))?"
    # "increased performance levels from ...": the level named as the verb's object
    r"(?:\s+(?:their|its|the)?\s*(?P<q_obj>(?!from\b)[a-z][\w-]*(?:\s+(?!from\b)[a-z][\w-]*){0,2}))?")
_FROM_TO_VALUES = (
    r"\s+from\s*(?P<a>" + _NUMBER + r")(?P<ua>" + _UNIT + r")" + _spread("pa", "ba") +
    # "from 138.2 mmHg at baseline to 132.8 mmHg at week 12": the times printed with the values
    r"(?:\s*,?\s*(?:at|before|prior\s+to)\s+(?:baseline|entry|inclusion|randomi[sz]ation|screening|pre-?treatment|the\s+start(?:\s+of\s+"
    r"(?:the\s+)?(?:study|trial|treatment|therapy))?|(?:weeks?|months?|days?)\s+\d+|treatment|therapy)\s*,?)?"
    r"\s*(?:to|\u2192|->)\s*(?P<b>" + _NUMBER + r")(?P<ub>" + _UNIT + r")" + _spread("pb", "bb") +
    r"(?:\s*,?\s*(?P<tb>(?:at|after|by|on)\s+(?:(?:weeks?|months?|days?|years?|visit)\s+\d+|\d+\s+(?:weeks?|months?|days?|years?|hours?)"
    r"(?:\s+of\s+(?:treatment|therapy|follow-up))?|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:study|trial|treatment|therapy|follow-up)|"
    r"treatment|therapy|discharge|follow-up)))?")
_FROM_TO = prefiltered(re.compile(_FROM_TO_VERB + _FROM_TO_VALUES, re.I))
# "..., and from c to d" right after a change: the same verb's second pair (its groups of the verb left empty)
_AND_FROM_TO = re.compile(r"(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s*,?\s*and(?P<rise>(?!)x)?(?P<fall>(?!)x)?(?P<noun>(?!)x)?"
                          r"(?P<q_in>(?!)x)?(?P<q_obj>(?!)x)?" + _FROM_TO_VALUES, re.I)
# "from 7 to 5 on A (P<0.01) and 7 to 6 on B": a second arm's before and after, printed without a verb of its own
_PARALLEL_FROM_TO = re.compile(r"(?:\s*" + _UNIT + r")?(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s+(?:on|in|with|for|under)\s+(?:the\s+)?[\w-]+"
                               r"(?:\s+(?:group|arm))?(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s*,?\s*(?:and|while|whereas|versus|vs\.?|compared\s+"
                               r"with)\s+(?:from\s+)?[-+]?\d+(?:\.\d+)?" + _UNIT + r"\s*(?:to|\u2192|->)\s*[-+]?\d", re.I)
# "from 9.1 to 7.4 mmol/L with A[ group] and from 9.0 to 8.8 mmol/L with B": after the first pair's own arm, the other
# arm's pair printed with its own "from" (read from the end of the first arm's name; the verb's groups left empty)
_OWN_ARM_BEFORE = re.compile(r"(?:\s*" + _UNIT + r")?(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s+(?:on|in|with|for|under)\s+(?:the\s+)?$", re.I)
_OTHER_ARM_FROM_TO = re.compile(r"(?:\s*(?:group|arm)s?\b)?(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s*,?\s*(?:and|while|whereas|but|versus|"
                                r"vs\.?|compared\s+(?:with|to))(?P<rise>(?!)x)?(?P<fall>(?!)x)?(?P<noun>(?!)x)?(?P<q_in>(?!)x)?"
                                r"(?P<q_obj>(?!)x)?" + _FROM_TO_VALUES, re.I)
# "... to 55.2% (+5.3% p = 0.04; n = 10)": the change, its p-value and the patients measured, in the bracket after
_CHANGE_BRACKET = re.compile(r"\s*[(\[]\s*(?P<c>[-+]?\d+(?:\.\d+)?)\s*(?P<cu>%|[a-zA-Z\u00b5/]{1,10})?(?P<rest>[^()\[\]]{0,60})[)\]]")
_N_IN = re.compile(r"\bn\s*=\s*(?P<n>\d+)", re.I)
# "at 6 months", "at week 24", "after 12 weeks", "by month 6", "at the end of treatment"
_TIME_AFTER = re.compile(r"\s*,?\s*(?:at|after|by|on|in)\s+(?P<t>(?:weeks?|months?|days?|years?|visit)\s+\d+|\d+\s+(?:weeks?|months?|days?|years?|"
                         r"hours?)(?:\s+(?:of\s+(?:treatment|therapy|follow-up)|after\s+\w+))?|the\s+end\s+of\s+(?:the\s+)?(?:study|trial|treatment|"
                         r"therapy|follow-up))\b", re.I)
# "... and to 58.3% at 12 months": a later value of the same level
_AND_TO = re.compile(r"\s*,?\s*(?:and|then)\s+(?:further\s+)?to\s*(?P<b>" + _NUMBER + r")(?P<ub>" + _UNIT + r")", re.I)
# what a level of one arm is not: a dose titrated, an interval of the protocol, a share of the patients
_NOT_A_LEVEL = re.compile(r"\b(?:dos(?:e|es|age|ing)|titrat\w*|interval|frequency|sample|enrol\w*|recruit\w*|"
                          r"follow-?up|number\s+of\s+(?:patients|participants|subjects|sites|centres|centers))\b", re.I)
_SHARE_WORDS = re.compile(r"\b(?:proportion|percentage|share|prevalence|incidence|rates?|patients|participants|subjects|"
                          r"people|women|men|children)\b", re.I)
_TIME_UNIT_AFTER = re.compile(r"\s*(?:weeks?|months?|years?|wk|mo|yrs?)\b", re.I)
# where the clause naming the level starts: after a comma, semicolon, colon, "and", "while", "that", ...
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\b(?:and|while|whereas|but|that|although|though|which)\s|\.\s", re.I)
_ARM_TAIL = re.compile(r"\s*(?:group|arm|route|therapy|treatment|patients|cohort)?s?\s*(?:too|also|as\s+well)?\s*(?:[,.;)]|$|"
                       r"\b(?:and|but|while|whereas|compared|versus|vs|than|at|after|by)\b)",
                       re.I)
_ARM_LEAD = re.compile(r"(?:\b(?:in|with|by|among|for|on|under|after|during|using|via)\s+(?:the\s+)?(?:treatment\s+with\s+)?(?:\w+\s+)?)$", re.I)


def _comparative_trial(s: Sentence) -> bool:
    """The labelling rules read arm-level data of trials: a randomized trial, or a report of undetermined design
    whose study model holds two arms or more (a cohort's, a case series' or a review's levels over time are not)."""
    design = s.state.design
    if design == "RCT" or s.state.population is not None:
        return True
    return design in ("", "other") and max(s.state.study_arm_count, len(s.state.arm_sizes)) >= 2


def _clause_start(seg: str, pos: int) -> int:
    start = max(0, pos - 120)
    last = start
    for m in _CLAUSE_BREAK.finditer(seg, start, pos):
        last = m.end()
    return last


def _quantity(seg: str, m: re.Match) -> str:
    """The level the clause names before its verb ("Systolic blood pressure", "the LVEF", "Malondialdehyde (MDA)")."""
    if m.group("q_in") or m.groupdict().get("q_obj"):
        words = m.group("q_in") or m.group("q_obj")
    else:
        words = seg[_clause_start(seg, m.start()):m.start()]
    words = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", words)
    words = re.sub(r"\b(?:was|were|has|have|had|had\s+been|significantly|also|further|then)\b", " ", words, flags=re.I)
    words = re.sub(r"^\W*(?:(?:in|with|for)\s+(?:the\s+)?[\w-]+(?:\s+group)?\s*,\s*)?", "", words)
    words = re.sub(r"(?i)^(?:the|a|an|its|their|mean|average|median)\s+", "", re.sub(r"\s+", " ", words).strip(" ,"))
    words = re.sub(r"(?i)^(?:mean|average|median)\s+", "", words)
    if re.search(r"\b(?:group|arm|patients|participants)\b", words, re.I):
        return ""       # "The placebo group increased from ...": the subject is the arm, not the level
    return words.lower() if 1 < len(words) <= 80 and not re.search(r"(?<![A-Za-z])\d", words) else ""


def _arm_closing(s: Sentence, pos: int, stop: int) -> str:
    """The arm named after `pos` (before `stop`) that closes the clauses before it: "... by the swallowing route,",
    "... in the A group.", "... with placebo too"; not one that opens a clause of its own ("while in the B group it
    rose")."""
    for g in s.groups:
        if g.start < pos or g.start >= stop:
            continue
        if _ARM_LEAD.search(s.seg, max(0, g.start - 40), g.start) and _ARM_TAIL.match(s.seg, g.end):
            return g.name
    return ""


def _arm_opening(s: Sentence, pos: int) -> str:
    """The arm the sentence names last before `pos` in a clause of its own ("With A, the LVEF ...", "The A group
    increased ...", "In the A group, X fell ...")."""
    before = [g for g in s.groups if g.end <= pos]
    return before[-1].name if before else ""


def _claim_free(s: Sentence, start: int, end: int) -> bool:
    idx = s.num_at(start, end)
    if any(not s.free(i) for i in idx):
        return False
    s.claimed.update(idx)
    return True


def _mean(s: Sentence, value: str, start: int, end: int, arm: str, quantity: str, kind: str = "within-arm") -> Estimate:
    est = Estimate("MEDIAN" if kind == "median" else "MEAN", float(value), value.lstrip("+"), start, end,
                   kind="within-arm", arm_hint=arm)
    est.total = s.state.arm_sizes.get(arm) if arm else None
    est.outcome_hint = quantity
    s.estimates.append(est)
    return est


def before_after(s: Sentence) -> None:
    """One arm's level before and after (a MEAN at baseline and one after; a MEDIAN where the clause says median),
    the change printed in the bracket after them (a MEAN of "change in ..."), later values "and to c at T"."""
    seg = s.seg
    if "from" not in seg or "|" in seg or not _comparative_trial(s):
        return
    matches = list(_FROM_TO.finditer(seg))
    if not matches or _OTHER_STUDY.search(seg):
        return
    for m in list(matches):
        while (more := _AND_FROM_TO.match(seg, m.end())) is not None:
            matches.append(more)
            m = more
    matches.sort(key=lambda m: m.start())
    # "from a to b (p), and from c to d (p) in groups I and II respectively": the pairs take the listed arms in order
    listed = _respectively_list(s, len(matches)) if len(matches) > 1 and "respectively" in seg.lower() else None
    heads: dict[int, str] = {}      # a pair read after another arm's: the level the first pair's clause named
    for k, m in enumerate(matches):
        a, b = m.group("a"), m.group("b")
        ua, ub = (m.group("ua") or "").strip(), (m.group("ub") or "").strip()
        if ua and ub and ua != ub and not (ua == "%") == (ub == "%"):
            continue        # "from 12 mg to 4 weeks": not one quantity
        if _TIME_UNIT_AFTER.match(seg, m.end("b")) or _TIME_UNIT_AFTER.match(seg, m.end("a")):
            continue        # "from 2 to 4 weeks": a time, not a level
        quantity = heads[id(m)] if id(m) in heads else _quantity(seg, m)
        clause = seg[_clause_start(seg, m.start()):m.end()]
        if _NOT_A_LEVEL.search(clause) or (("%" in (ua + ub)) and _SHARE_WORDS.search(quantity or clause)):
            continue        # a dose titrated, a protocol's interval; a share of the patients is a proportion
        # "from 3.21 ± 0.44 to 3.48 ± 0.41": the rule for mean ± SD may have read the first value already (as the
        # arm's mean); it is the level before
        earlier = next((e for e in s.estimates if e.start == m.start("a") and e.measure in DESCRIPTIVE_MEASURES), None)
        if _PARALLEL_FROM_TO.match(seg, m.end()):
            other = _other_arms_pair(s, m)
            if other is None:
                continue        # "from 6 to 4 on A and 6 to 5 on B": two arms' changes, the pair rules' to read
            matches.append(other)       # "from 9.1 to 7.4 with A and from 9.0 to 8.8 with B": each arm's own pair
            heads[id(other)] = quantity
        values = s.num_at(m.start("b"), m.end("b")) + ([] if earlier else s.num_at(m.start("a"), m.end("a")))
        if any(not s.free(i) for i in values):
            continue
        s.claim_span(m.start("a"), m.end())
        arm = listed[k] if listed else _arm_closing(s, m.end(), len(seg))
        if not arm:
            arm = _arm_opening(s, m.start()) or s.arm_for(m.start(), m.end())
        median = re.search(r"\bmedian\b", seg[_clause_start(seg, m.start()):m.start()], re.I) is not None
        kind = "median" if median else "mean"
        spread_a = m.group("pa") or m.group("ba")
        spread_b = m.group("pb") or m.group("bb")
        before = earlier or _mean(s, a, m.start("a"), m.end("a"), arm, quantity, kind)
        before.role, before.timepoint = "baseline", "baseline"
        before.outcome_hint = before.outcome_hint or quantity
        after = _mean(s, b, m.start("b"), m.end("b"), arm, quantity, kind)
        for est, spread in ((before, None if earlier else spread_a), (after, spread_b)):
            if spread and kind == "mean":
                if s.state.plus_minus == "SE":
                    est.se = float(spread)
                else:
                    est.sd = float(spread)
        if m.group("tb"):
            after.timepoint = re.sub(r"^(?:at|after|by|on)\s+(?:the\s+)?", "", m.group("tb"), flags=re.I)
        pos, change = _change_after(s, m.end(), before, after, arm, quantity)
        s.attach_p(after, pos)
        pos = max(pos, after.tail_end)
        t = _TIME_AFTER.match(seg, pos)
        if t and not m.group("tb"):
            after.timepoint = t.group("t")
            pos = t.end()
        if change is not None:
            change.timepoint = after.timepoint
        # "... and to 58.3% at 12 months (+8.4%; n = 7)"
        while (more := _AND_TO.match(seg, pos)) is not None:
            if not _claim_free(s, more.start("b"), more.end("b")):
                break
            later = _mean(s, more.group("b"), more.start("b"), more.end("b"), arm, quantity, kind)
            pos = more.end()
            t = _TIME_AFTER.match(seg, pos)
            if t:
                later.timepoint = t.group("t")
                pos = t.end()
            pos, change = _change_after(s, pos, before, later, arm, quantity)
            t = _TIME_AFTER.match(seg, pos)
            if t and not later.timepoint:
                later.timepoint = t.group("t")
                pos = t.end()
            if change is not None:
                change.timepoint = later.timepoint


def _other_arms_pair(s: Sentence, m: re.Match) -> re.Match | None:
    """ "from 9.1 to 7.4 mmol/L with A and from 9.0 to 8.8 mmol/L with B": the second arm's pair, when the first pair
    is followed by its own arm and the second printed with its own "from" and followed by its own, other arm."""
    seg = s.seg
    own = next((g for g in s.groups if g.start >= m.end() and _OWN_ARM_BEFORE.fullmatch(seg, m.end(), g.start)), None)
    if own is None:
        return None
    other = _OTHER_ARM_FROM_TO.match(seg, own.end)
    if other is None:
        return None
    after = _arm_closing(s, other.end(), len(seg))
    return other if after and after != own.name else None


def _change_after(s: Sentence, pos: int, before: Estimate, after: Estimate, arm: str,
                  quantity: str) -> tuple[int, Estimate | None]:
    """The change printed in the bracket after a before/after pair ("(+5.3%, p = 0.04; n = 10)", "(-5.4 mmHg)"): a
    MEAN of "change in ..." when it equals after minus before to the printed precision (an unsigned change takes
    the pair's sign); "n = 10" sizes the later value and the change."""
    seg = s.seg
    m = _CHANGE_BRACKET.match(seg, pos)
    if m is None:
        return pos, None
    printed = m.group("c")
    c = float(printed)
    decimals = max(len(x.split(".")[1]) if "." in x else 0 for x in (printed, before.value_text, after.value_text))
    diff = after.value - before.value
    if abs(abs(c) - abs(diff)) > 1.01 * 10 ** -decimals + 1e-9 or (printed[0] in "+-" and c * diff < 0):
        return pos, None
    idx = s.num_at(m.start("c"), m.end("c"))
    if not idx or not s.free(idx[0]):
        return pos, None
    s.claimed.add(idx[0])
    value = c if printed[0] in "+-" else (abs(c) if diff >= 0 else -abs(c))
    change = _mean(s, f"{value:+g}", m.start("c"), m.end("c"), arm, ("change in " + quantity) if quantity else "change")
    change.value, change.value_text = value, printed
    n = _N_IN.search(m.group("rest"))
    if n:
        after.total = change.total = int(n.group("n"))
        s.claim_span(m.start("rest"), m.end("rest"))
    s.attach_p(change, m.end("c"))
    return m.end(), change


# "the mean FEV1 increased by 78 ml (4.7%) in the A group", "Body weight fell by 2.1 kg with A", "which is an increase of
# +0.38 ± 0.22 W/kg or +11.0% (±8.2)", "a decline of 25 ml (1.1%) after treatment with B": one arm's change, printed as
# an amount (its spread after it), the same change in percent after "or"
_CHANGED_BY = prefiltered(re.compile(
    r"\b(?:(?P<rise>" + _RISE + r")|(?P<fall>" + _FALL + r")|(?:an?\s+)?(?:(?:mean|average|overall|significant)\s+)?"
    r"(?:(?P<nrise>increase|rise|improvement)|(?P<nfall>decrease|reduction|decline|fall|drop)|change)"
    r"(?:\s+(?:in|of)\s+(?P<q>[A-Za-z][^,;()\d]{1,40}?))?(?=\s+(?:of|by)\s+[-+]?\d))"
    r"(?:\s+(?:significantly|slightly|markedly|substantially|on\s+average))?\s+(?:by|of)\s+"
    r"(?P<v>[-+]?\d+(?:\.\d+)?)(?P<u>" + _UNIT + r")(?:\s*(?:\u00b1|\+/-)\s*(?P<sd>\d+(?:\.\d+)?)" + _UNIT + r")?"
    r"(?:\s*[(\[]\s*[-+]?\d+(?:\.\d+)?\s*%\s*[)\]])?", re.I))
# "... or +11.0% (±8.2)", "... or 8.5% (SD 5.7)": the same change in percent
_OR_PERCENT = re.compile(r"\s*,?\s*or\s+(?P<v>[-+]?\d+(?:\.\d+)?)\s*%\s*(?:[(\[]\s*(?:\u00b1|\+/-|SD\s*[:=]?)\s*(?P<sd>\d+(?:\.\d+)?)\s*%?\s*[)\]]"
                         r"|(?:\u00b1|\+/-)\s*(?P<sd2>\d+(?:\.\d+)?)\s*%?)?", re.I)
# what joins a level's after value to its change: "... to 3.94 ± 0.47 W/kg bw which is an increase of ..."
_RESTATES = re.compile(r"(?:[^.;]|\.(?=\d)){0,80}?\b(?:which|that)\s+(?:is|was|represents|"
                       r"corresponds\s+to)\s+(?:an?\s+)?(?:(?:mean|average|overall)\s+)?", re.I)
# two arms' changes in one sentence ("by 3.6 in the A group and by 1.9 in the B group", "-2.8 and -0.8, respectively")
# are the pair rules' to read
_SECOND_CHANGE = re.compile(r"(?:[^.;()\[\]]|\.(?=\d)|[(\[][^()\[\]]{0,60}[)\]]){0,80}?\b(?:and|while|whereas|compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:" + _RISE + r"|" + _FALL
                            + r")\s+)?(?:by\s+)?[-+]?\d|[^.;\d]{0,20}\brespectively\b", re.I)
_OTHER_STUDY_WORDS = re.compile(r"\b(?:demonstrated|published|literature|meta-analys\w*|previous(?:ly)?\s+(?:reported|shown|studies))\b",
                                re.I)
# a change supposed, compared or of other studies: "if the pain did not decrease in a maximum of 15 minutes", "greater
# improvement in the A group (-1.5 vs -0.5)", "a meta-analysis showed a reduction of 1.8 days"
_NOT_OWN_CHANGE = re.compile(r"\b(?:if|in\s+case|unless|until|not|greater|larger|smaller|more|less|than|compared|versus|vs|"
                             r"differ\w*|between|meta-analys\w*|et\s+al|reported|demonstrated|shown|previous|prior|"
                             r"expected|assumed|hypothesi[sz]ed|defined|considered|minimal(?:ly)?\s+(?:clinically\s+)?important)\b", re.I)


def changes_by(s: Sentence) -> None:
    """One arm's change printed as an amount: a MEAN of "change in ..." (a fall stored negative unless printed with
    its sign), with the spread printed after it, and the same change in percent after "or" as a second row."""
    seg = s.seg
    if " by " not in seg and " of " not in seg and " was " not in seg or "|" in seg or not _comparative_trial(s):
        return
    last_quantity = ""
    found = list(_CHANGED_BY.finditer(seg))
    if not found or _OTHER_STUDY.search(seg) or _OTHER_STUDY_WORDS.search(seg):
        return
    paired = False      # the last change was the first of two arms' changes: this one is the second
    for m in found:
        second, paired = paired, False
        if _NOT_OWN_CHANGE.search(seg, _clause_start(seg, m.start()), m.start()):
            continue
        quantity = (m.group("q") or "").strip().lower() or _quantity_before(seg, m.start()) or last_quantity
        last_quantity = quantity or last_quantity
        # "X rose from a to b, which is an increase of c": the change of the level just read
        level = next((e for e in reversed(s.estimates) if e.kind == "within-arm" and e.end <= m.start()), None)
        if not quantity and level is not None and _RESTATES.fullmatch(seg, level.end, m.start()):
            quantity = level.outcome_hint or "level"
        if not quantity or _NOT_A_LEVEL.search(quantity) or _SHARE_WORDS.search(quantity):
            continue
        fall = bool(m.group("fall") or m.group("nfall"))
        printed = m.group("v")
        idx = s.num_at(m.start("v"), m.end("v"))
        earlier = next((e for e in s.estimates if e.start == m.start("v") and e.measure == "MEAN"), None)
        if (m.group("u") or "").strip() == "%" and not earlier:
            continue        # "fell by 37%": a relative change, read by the effect rules
        if _TIME_UNIT_AFTER.match(seg, m.end("v")):
            continue
        arm = _arm_closing(s, m.end(), min(len(seg), m.end() + 60)) or _arm_opening(s, m.start()) or s.arm_for(m.start(), m.end())
        if not arm and s.groups:
            continue        # "in patients assigned to the lower dose of X": an arm named that no rule resolves
        if earlier is None:
            if _SECOND_CHANGE.match(seg, m.end()):
                paired = True
                continue
            if not idx or not s.free(idx[0]) or second:
                continue
            s.claim_span(m.start("v"), m.end())
            value = float(printed)
            if fall and printed[0] not in "+-":
                value = -value
            est = _mean(s, printed, m.start("v"), m.end("v"), arm, "change in " + quantity)
            est.value = value
            if m.group("sd"):
                if s.state.plus_minus == "SE":
                    est.se = float(m.group("sd"))
                else:
                    est.sd = float(m.group("sd"))
            s.attach_p(est, m.end())
            arm = est.arm_hint
        else:
            arm = earlier.arm_hint or arm
        more = _OR_PERCENT.match(seg, m.end())
        if more is None:
            continue
        pidx = s.num_at(more.start("v"), more.end("v"))
        if not pidx or not s.free(pidx[0]):
            continue
        s.claim_span(more.start("v"), more.end())
        value = float(more.group("v"))
        if fall and more.group("v")[0] not in "+-":
            value = -value
        pct = _mean(s, more.group("v"), more.start("v"), more.end("v"), arm, "change in " + quantity + " (%)")
        pct.value = value
        spread = more.group("sd") or more.group("sd2")
        if spread:
            pct.sd = float(spread)


def _quantity_before(seg: str, pos: int) -> str:
    """The level named by the clause before a change's verb ("the mean FEV1 increased by ...")."""
    words = seg[_clause_start(seg, pos):pos]
    words = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", words)
    words = re.sub(r"\b(?:was|were|has|have|had|been|significantly|also|further|then|which|is)\b", " ", words, flags=re.I)
    words = re.sub(r"(?i)^\W*(?:at|after|by|in|during|over)\s+(?:the\s+end\s+of\s+)?(?:(?:weeks?|months?|days?|years?|visit)\s+\d+|\d+\s+"
                   r"(?:weeks?|months?|days?|years?)(?:\s+of\s+(?:treatment|therapy|follow-up))?|(?:treatment|therapy|follow-up))\s*,?\s*", "", words)
    words = re.sub(r"(?i)^\W*(?:(?:in|with|for|after|at)\s+(?:the\s+)?[\w-]+(?:\s+(?:group|months?|weeks?))?\s*,?\s*)?", "", words)
    words = re.sub(r"(?i)^(?:the|a|an|its|their)\s+", "", re.sub(r"\s+", " ", words).strip(" ,"))
    words = re.sub(r"(?i)^(?:mean|average|median)\s+", "", words)
    if re.search(r"\bgroup\b|\barm\b", words, re.I):
        return ""       # "The placebo group increased ...": the subject is the arm, not the level
    return words.lower() if 1 < len(words) <= 60 and not re.search(r"(?<![A-Za-z])\d", words) else ""


# "The anti-HBs level in the A group (4958 mIU/mL) was ...", "the ratio in the control group (34.9)", "the median stay
# with B (4.5 days)": an arm's value alone in the bracket right after the arm, the quantity named before the arm
_BRACKET_AFTER_ARM = re.compile(r"\s*(?:group|arm|cohort)?s?\s*[(\[]\s*(?P<v>[-+]?\d+(?:\.\d+)?)(?P<u>\s*(?!%)[a-zA-Z\u00b5\u03bc][\w\u00b5\u03bc/.]{0,14}"
                                r"(?:\s+[a-zA-Z]{1,3}\d?)?)?\s*[)\]]", re.I)
_QUANTITY_BEFORE_ARM = re.compile(r"(?:^|[,;:]\s|\b(?:than|from|and|while|whereas|but|to)\s)\s*(?:the\s+|a\s+|an\s+)?(?P<stat>mean\s+|median\s+|average\s+)?"
                                  r"(?P<q>[A-Za-z][\w/-]*(?:\s+[\w/()-]+){0,5}?)\s+(?:in|of|for|with|among|on)\s+(?:the\s+|all\s+)?"
                                  # "in the therapeutic paracetamol group": words of the arm's name before the drug
                                  r"(?P<lead>(?:(?!than\b|and\b)[a-z][\w-]*\s+){0,2})$", re.I)
# a count of patients, an event or a share is no level ("the number of relapses in the A group (12)")
_NOT_A_LEVEL_NAME = re.compile(r"\b(?:number|patients|participants|subjects|cases|events?|incidence|proportion|percentage|"
                                r"rate|rates|risk|odds|hazard|n|women|men|children|deaths?|relapses?|responders?|dose|doses|trial|study)\b", re.I)
# "(1 tablet tid)", "(400 mg)": a dose given, not a level measured
_DOSE_UNIT = re.compile(r"\s*(?:tablets?|capsules?|mg|g|mcg|\u00b5g|\u03bcg|IU|drops?|puffs?|units?|ml|mL)\b(?!\s*/)", re.I)


def level_after_arm(s: Sentence) -> None:
    """An arm's mean (a MEDIAN where the quantity says median) printed alone in the bracket right after the arm's
    name, the quantity it is of named right before the arm: a row of that arm, its size the arm's."""
    seg = s.seg
    if not s.groups or "(" not in seg and "[" not in seg or "|" in seg or not _comparative_trial(s):
        return
    for g in s.groups:
        m = _BRACKET_AFTER_ARM.match(seg, g.end)
        if m is None:
            continue
        q = _QUANTITY_BEFORE_ARM.search(seg, max(0, g.start - 90), g.start)
        if q is None or _NOT_A_LEVEL_NAME.search(q.group("q")) or re.search(r"(?<![A-Za-z])\d", q.group("q")):
            continue
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or not s.free(idx[0]):
            continue
        n = s.nums[idx[0]]
        if n.percent or not (n.decimal or m.group("u")) or m.group("u") and _DOSE_UNIT.match(m.group("u")):
            continue        # "(12)": a count as likely as a level; "(400 mg)": a dose
        median = (q.group("stat") or "").strip().lower() == "median"
        quantity = re.sub(r"\s+", " ", q.group("q")).strip().lower()
        arm = (s.arm_named(q.start("lead"), m.start()) if q.group("lead") else "") or g.name
        est = _mean(s, m.group("v"), m.start("v"), m.end("v"), arm, quantity, "median" if median else "mean")
        s.claimed.add(idx[0])
        s.attach_p(est, m.end())


# "reductions from baseline in hip and lumbar spine BMD at week 24 (-1.8% and -2.5%) and week 48 (-2.1% and -2.1%)":
# one arm's changes of several quantities at several times, each time's bracket listing the quantities' changes in order
_TIME = r"(?:weeks?|months?|days?|years?|visits?)\s+\d+|\d+\s+(?:weeks?|months?|days?|years?)"
_CHANGES_AT_TIMES = prefiltered(re.compile(
    r"\b(?:(?P<rise>increases?|rises?|gains?|improvements?)|(?P<fall>reductions?|decreases?|declines?|losses?|falls?)|changes?)"
    r"\s+(?:from\s+baseline\s+)?in\s+(?P<qs>[A-Za-z][^()\d;.]{2,80}?)\s+(?P<times>(?:at|by|after)\s+(?:" + _TIME + r")\s*[(\[][^()\[\]]{1,80}[)\]]"
    r"(?:\s*,?\s*(?:and\s+)?(?:(?:at|by|after)\s+)?(?:" + _TIME + r")\s*[(\[][^()\[\]]{1,80}[)\]])*)", re.I))
_ONE_TIME = re.compile(r"(?P<t>" + _TIME + r")\s*[(\[](?P<vals>[^()\[\]]{1,80})[)\]]", re.I)
_LISTED_VALUE = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?")


def changes_at_times(s: Sentence) -> None:
    """One arm's changes of the quantities a list names ("in hip and lumbar spine BMD") at each time a bracket follows
    ("at week 24 (-1.8% and -2.5%)"): a MEAN of "change in <quantity>" per value, with that time; as many values in
    each bracket as quantities named, a fall stored negative unless printed with its sign."""
    seg = s.seg
    if "in " not in seg or "(" not in seg and "[" not in seg or not _comparative_trial(s):
        return
    for m in _CHANGES_AT_TIMES.finditer(seg):
        items = [x.strip() for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("qs")) if x.strip()]
        if len(items) < 2 or any(_SHARE_WORDS.search(x) or _NOT_A_LEVEL.search(x) for x in items):
            continue
        # "hip and lumbar spine BMD", "knee and hip cartilage volume": the head printed once, after the last quantity (an
        # abbreviation, else all the last item's words but its first)
        last = items[-1].split()
        head = last[-1] if re.fullmatch(r"[A-Z][A-Z0-9-]+", last[-1]) or len(last) == 1 else " ".join(last[1:])
        names = [x if x == items[-1] or head.split()[-1] in x.split() else f"{x} {head}" for x in items]
        times = list(_ONE_TIME.finditer(seg, m.start("times"), m.end("times")))
        rows = []
        for t in times:
            values = list(_LISTED_VALUE.finditer(t.group("vals")))
            if len(values) != len(names):
                rows = []
                break
            rows += [(t.group("t"), name, t.start("vals") + v.start(), t.start("vals") + v.end()) for name, v in zip(names, values)]
        if not rows or any(not s.free(i) for _, _, a, b in rows for i in s.num_at(a, b)):
            continue
        arm = _arm_opening(s, m.start()) or s.arm_for(m.start(), m.end())
        for when, name, a, b in rows:
            printed = seg[a:b]
            value = float(printed)
            if m.group("fall") and printed[0] not in "+-":
                value = -value
            est = _mean(s, printed, a, b, arm, "change in " + name.lower())
            est.value, est.timepoint = value, when
            s.claim_span(a, b)


# "declined significantly from the second (median 79.50, IQR 89.00) to the third visit (median 73.00, IQR 85.00) in
# group B", "rose from baseline (mean 4.1, SD 1.2) to week 12 (mean 5.3, SD 1.4)": one arm's summary at two times,
# each in a bracket after its time
_SUMMARY_IN_BRACKET = r"\(\s*(?P<s{0}>median|mean)\s*[=:,]?\s*(?P<v{0}>[-+]?\d+(?:\.\d+)?)(?P<r{0}>[^()]{{0,40}})\)"
_FROM_TIME_TO_TIME = prefiltered(re.compile(
    r"\bfrom\s+(?:the\s+)?(?P<t1>[A-Za-z][\w-]*(?:\s+[\w-]+){0,3}?)\s*" + _SUMMARY_IN_BRACKET.format(1)
    + r"\s*to\s+(?:the\s+)?(?P<t2>[A-Za-z][\w-]*(?:\s+[\w-]+){0,3}?)\s*" + _SUMMARY_IN_BRACKET.format(2), re.I))
_SPREAD_IN_REST = re.compile(r"^\s*,?\s*(?:(?P<iqr>IQR|interquartile\s+range)|(?P<sd>SD|s\.d\.)|(?P<range>range))\s*[:=,]?\s*"
                             r"(?P<lo>\d+(?:\.\d+)?)(?:\s*(?:-|\u2013|to)\s*(?P<hi>\d+(?:\.\d+)?))?\s*$", re.I)


def summaries_at_two_times(s: Sentence) -> None:
    """One arm's median (or mean) at two times, each printed in a bracket after the time it was measured: a row per
    time (timepoint as printed), its spread as the bracket prints it (an IQR printed as one width: no quartiles,
    flagged iqr_width_only)."""
    seg = s.seg
    if "from" not in seg or not _comparative_trial(s):
        return
    for m in _FROM_TIME_TO_TIME.finditer(seg):
        idx = s.num_at(m.start("v1"), m.end("v1")) + s.num_at(m.start("v2"), m.end("v2"))
        # a value the rule for an arm's median read already (the arm named right after it) is that row
        earlier = {e.start: e for e in s.estimates if e.measure in DESCRIPTIVE_MEASURES}
        if len(idx) != 2 or m.group("s1").lower() != m.group("s2").lower() \
                or any(not s.free(i) and s.nums[i].start not in earlier for i in idx):
            continue
        arm = _arm_closing(s, m.end(), min(len(seg), m.end() + 60)) or _arm_opening(s, m.start()) or s.arm_for(m.start(), m.end())
        if not arm and s.groups:
            continue
        quantity = re.sub(r"\s+(?:\w+ly\s+)?(?:" + _RISE + "|" + _FALL + r"|changed|did\s+not\s+change)(?:\s+\w+ly)?$", "",
                          _quantity_before(seg, m.start()), flags=re.I)
        kind = "median" if m.group("s1").lower() == "median" else "mean"
        for k in ("1", "2"):
            when = re.sub(r"\s+", " ", m.group("t" + k)).strip()
            if m.start("v" + k) in earlier:
                earlier[m.start("v" + k)].timepoint = when
                continue
            est = _mean(s, m.group("v" + k), m.start("v" + k), m.end("v" + k), arm, quantity, kind)
            est.timepoint = when
            spread = _SPREAD_IN_REST.match(m.group("r" + k))
            if spread and spread.group("iqr") and kind == "median":
                if spread.group("hi"):
                    est.q1, est.q3 = float(spread.group("lo")), float(spread.group("hi"))
                else:
                    est.flags.append("iqr_width_only")
            elif spread and spread.group("range") and spread.group("hi"):
                est.range_low, est.range_high = float(spread.group("lo")), float(spread.group("hi"))
            elif spread and spread.group("sd") and kind == "mean" and not spread.group("hi"):
                est.sd = float(spread.group("lo"))
        s.claim_span(m.start(), m.end())


# "... at the baseline and end of the study", "before and after treatment", "pre- and post-intervention": the two
# times a sentence names once for every pair of values it sets against each other
_TWO_TIMES = prefiltered(start_guarded(re.compile(
    r"\b(?:at\s+)?(?:the\s+)?(?P<t1>baseline|start|beginning|entry|admission|before|pre-?(?:treatment|intervention|"
    r"operative|test)?)(?:\s+of\s+(?:the\s+)?(?:study|trial|treatment|intervention))?\s*(?:and|vs\.?|versus|/)\s*"
    r"(?:at\s+|after\s+)?(?:the\s+)?(?P<t2>(?:end|completion|exit|final|discharge|after|post-?(?:treatment|intervention|operative|test)?|"
    r"follow-?up|(?:week|month|day)\s+\d+|\d+\s+(?:weeks|months|days))(?:\s+of\s+(?:the\s+)?(?:study|trial|treatment|"
    r"intervention|follow-?up)|\s+(?:treatment|the\s+intervention|intervention|surgery|training))?)\b", re.I)))
_FIRST_TIME_IS_BASELINE = re.compile(r"baseline|start|beginning|entry|admission|before|pre", re.I)
# between the two values of one arm's pair: "96.2 ± 18.9 vs. 92.2 ± 20.4", "(M = 4.1, SD = 1.2) and (M = 3.2, ...)",
# "24.2±4.8/25.6±4.8"
_PAIR_JOIN = re.compile(r"\s*[)\]]?\s*(?:[a-zA-Z%\u00b5]{1,8}(?:/[a-zA-Z\u00b5.0-9]{1,8}){0,2}\s*)?,?\s*(?:vs\.?|versus|v/s|and|to|\u2192|->|/)\s*[(\[]?\s*", re.I)
# after the pair, its one arm: "(kg), A group", "kg in the A group", "with A"
_PAIR_THEN_ARM = re.compile(r"\s*[)\]]?\s*(?:[(\[]\s*[^()\[\]\d]{1,12}[)\]]|[a-zA-Z%\u00b5]{1,8}(?:/[a-zA-Z\u00b5.0-9]{1,8}){0,2}(?![\w-]))?\s*,?\s*"
                            r"(?:(?:in|for|with|among|on)\s+)?(?:the\s+)?$", re.I)
# before the pair, its one arm: "in the A group, 96.2 ± 18.9 vs. 92.2 ± 20.4", "A group: ..."
_ARM_THEN_PAIR = re.compile(r"\s*(?:group|arm)?\s*[:,]?\s*(?:[(\[]\s*)?$", re.I)
_ANOTHER_ARM_JOINED = re.compile(r"\s*(?:groups?|arms?)?\s*(?:,\s*)?(?:and|or|vs\.?|versus|/)\s+(?:the\s+)?$", re.I)
_SUMMARIES_WITH_SPREAD = ("mean_pm", "mean_labelled", "mean_bracket")


def arm_pairs_at_two_times(s: Sentence) -> None:
    """Each arm's two values set against each other, the arm named alone beside its pair, in a sentence that names the
    two times once ("96.2 ± 18.9 vs. 92.2 ± 20.4 (kg), A group; 94.7 ± 20.0 vs. 95.2 ± 20.3 (kg), B group at the
    baseline and end of the study"): the pair is that arm's level at each time (a MEAN at the first time, role
    baseline where it is the baseline, and one at the second), never the two arms'."""
    seg = s.seg
    times = _TWO_TIMES.search(seg) if s.groups else None
    if times is None or not _comparative_trial(s):
        return
    summaries = sorted((su for p in _SUMMARIES_WITH_SPREAD for su in s.parse(p)
                        if su.kind == "mean" and (su.sd is not None or su.se is not None) and (p != "mean_bracket" or su.label)),
                       key=lambda su: su.start)
    for a, b in zip(summaries, summaries[1:]):
        if not _PAIR_JOIN.fullmatch(seg, a.end, b.start) or b.start - a.end > 20:
            continue
        arm = _the_pairs_one_arm(s, a, b)
        if not arm:
            continue
        idx = s.num_at(a.center_start, a.center_end) + s.num_at(b.center_start, b.center_end)
        if len(idx) != 2 or any(not s.free(i) for i in idx):
            continue
        quantity = _quantity_before(seg, min(a.start, a.center_start))
        for su, when in ((a, times.group("t1")), (b, times.group("t2"))):
            est = _mean(s, seg[su.center_start:su.center_end], su.center_start, su.center_end, arm, quantity, "mean")
            est.sd = su.sd
            if su.se is not None:
                est.se = su.se
                if est.total:
                    est.sd = round(su.se * est.total ** 0.5, 10)
                    est.flags.append("sd_from_se")
            est.timepoint = re.sub(r"\s+", " ", when).lower()
            if su is a and _FIRST_TIME_IS_BASELINE.match(when):
                est.role, est.timepoint = "baseline", "baseline"
        s.claim_span(min(a.start, a.center_start), b.end)


def _the_pairs_one_arm(s: Sentence, a, b) -> str:
    """The one arm named right after the pair (and no second arm joined to it), else right before it."""
    seg = s.seg
    after = [g for g in s.groups if g.start >= b.end and g.start - b.end <= 30 and _PAIR_THEN_ARM.match(seg[b.end:g.start])]
    if after:
        g = after[0]
        later = [h for h in s.groups if h.start >= g.end and _ANOTHER_ARM_JOINED.match(seg[g.end:h.start])]
        return "" if later else g.name
    start = min(a.start, a.center_start)
    before = [g for g in s.groups if g.end <= start and start - g.end <= 12 and _ARM_THEN_PAIR.match(seg[g.end:start])]
    if before:
        g = before[-1]
        earlier = [h for h in s.groups if h.end <= g.start and _ANOTHER_ARM_JOINED.match(seg[h.end:g.start])]
        return "" if earlier else g.name
    return ""


# what makes a signed percentage something else than one arm's own change: a difference or a comparison with another
# arm, a model's or a placebo-corrected figure
_NOT_ONE_ARMS_CHANGE = re.compile(r"\b(?:differences?|versus|vs\.?|than|compared|relative\s+to|placebo[- ](?:corrected|adjusted|"
                             r"subtracted)|odds|hazard|risk|ratio|CI|confidence|interval|respectively)\b", re.I)


def _level_before_bracket(s: Sentence, pos: int) -> str:
    """ "... led to reductions of fasting glucose (", "and serum insulin (", "A reduced waist circumference (": the
    level named right before a bracket (after the arm's name, the last "of", "in", "and", "with" or comma, and the
    verbs)."""
    seg = s.seg
    start = max([_clause_start(seg, pos)] + [g.end for g in s.groups if g.end <= pos])
    words = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", seg[start:pos])
    words = re.split(r"\b(?:of|in|and|with|for|on)\s+|[,;:]\s*", words)[-1]
    words = re.sub(r"(?i)^\s*(?:(?:group|arm|program(?:me)?|the|a|an|its|their|significantly|significant|also|"
                   r"led\s+to|resulted\s+in|showed|had|[a-z]+ed|reductions?|decreases?|increases?|improvements?|"
                   r"changes?)\s+)*", "", words).strip()
    return words.lower() if 1 < len(words) <= 50 and not re.search(r"(?<![A-Za-z])\d", words) else ""


def signed_changes_of_one_arm(s: Sentence) -> None:
    """One arm's changes in percent, each printed with its sign in the bracket after the level it is of, in a sentence
    naming that arm and no other ("The A program led to reductions of fasting glucose (-8.2%, p < 0.001) and insulin
    (-31.4%, p < 0.001)", "In the A group, LDL-C (-12.7%) and triglycerides (-21.3%) decreased"): a MEAN of that arm
    per value, signed as printed, outcome "change in X (%)". A signed percentage is a change, never a share of patients;
    a sentence that compares, names a difference or another arm is the pair rules' (and the effects')."""
    seg = s.seg
    if "%" not in seg or "|" in seg or not s.groups or not _comparative_trial(s) or _NOT_ONE_ARMS_CHANGE.search(seg) \
            or _OTHER_STUDY.search(seg):
        return
    arms = {_as_study_arm(s, g.name) for g in s.groups}
    if len(arms) != 1:
        return
    arm = arms.pop()
    if not s.state.arm_sizes.get(arm):
        return      # (an arm the study model does not know: a subgroup, a cohort)
    first_named = min(g.start for g in s.groups)
    for i, n in enumerate(s.nums):
        if not (n.signed and n.percent) or not s.free(i) or n.start < first_named:
            continue
        if not re.search(r"[(\[]\s*$", seg[max(0, n.start - 3):n.start]):
            continue        # (the value in the bracket after its level: "fasting glucose (-8.2%")
        quantity = _level_before_bracket(s, max(seg.rfind("(", 0, n.start), seg.rfind("[", 0, n.start)))
        if not quantity:
            continue
        est = _mean(s, n.text.rstrip("%"), n.start, n.full_end, arm, "change in " + quantity + " (%)", kind="mean")
        est.value = n.value
        s.claimed.add(i)
        s.attach_p(est, n.full_end)


# ------------------------------------------------------------------------------------- one arm's levels at its visits
# "lower IC50 values at week 36 (19.5 ug/mL) and week 56 (20.3 ug/mL), compared to baseline (24.4 ug/mL) ... in the A
# arm", "The B arm exhibited ... at week 56 (106.4 ug/mL) compared to baseline (124.5 ug/mL)": a level with its unit
# alone in the bracket after each visit, of the one arm the sentence names (the statistic unsaid: the labels read it
# as the arm's mean)
_LEVEL_AT_VISIT = re.compile(r"\b(?:at\s+|and\s+|to\s+)?(?P<time>baseline|(?:week|month|day|visit)\s*\d+)\s*\(\s*(?P<v>\d+(?:\.\d+)?)\s*"
                             r"(?P<unit>[A-Za-z\u00b5\u03bc][A-Za-z\u00b5\u03bc]*(?:/[A-Za-z]+)?)\s*\)", re.I)
_NOT_A_LEVEL_UNIT = re.compile(r"^(?:n|p|patients?|participants?|subjects?|cases?|vs|versus|range|IQR|SD|SE|SEM|CI|median|"
                               r"mean|days?|weeks?|months?|years?|hours?|h|min|fig|table)$", re.I)


def levels_at_visits(s: Sentence) -> None:
    """One arm's level at two visits or more, each a value with its unit alone in the bracket after the visit, in a
    sentence naming that arm and no other: a MEAN of that arm per visit (see the block's comment)."""
    seg = s.seg
    if "(" not in seg or "|" in seg or not s.groups or not _comparative_trial(s) or _OTHER_STUDY.search(seg):
        return
    found = [m for m in _LEVEL_AT_VISIT.finditer(seg) if not _NOT_A_LEVEL_UNIT.match(m.group("unit"))]
    if len(found) < 2 or len({m.group("unit").lower() for m in found}) != 1:
        return
    arms = {_as_study_arm(s, g.name) for g in s.groups}
    if len(arms) != 1:
        return
    arm = arms.pop()
    if not s.state.arm_sizes.get(arm):
        return
    for m in found:
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or not s.free(idx[0]) or s.nums[idx[0]].signed:
            continue
        est = _mean(s, m.group("v"), m.start("v"), m.end("unit"), arm, "")
        s.claimed.add(idx[0])


# ----------------------------------------------------------------- one arm's mean change with an unbracketed interval
# "increase of NT-proBNP in the A group (mean 140%, CI 27-357%, p = 0.05)", "a decrease in E velocity (mean change
# -14.7 cm/s, CI -23.8, -5.8)": the word "mean" before the value and the interval after a comma (grammar
# mean_comma_ci); a within-arm figure of the arm the sentence names last before it (a difference between the arms
# is named as one, "mean difference", and read by the effect rules)
_CONTRAST_BEFORE = re.compile(r"\b(?:differences?|versus|vs\.?|than|compared|relative\s+to|between)\b", re.I)


def mean_changes_with_comma_interval(s: Sentence) -> None:
    """Each "mean [change] x, CI a, b" of the sentence: a MEAN of the arm named last before it, with its interval
    (SD from the CI where the arm's size is known, flagged), outcome the level named before the bracket."""
    if "|" in s.seg or not s.groups or not _comparative_trial(s) or _OTHER_STUDY.search(s.seg):
        return
    for su in s.parse("mean_comma_ci"):
        idx = s.num_at(su.center_start, su.center_end)
        if not idx or not s.free(idx[0]):
            continue
        named = _arm_opening(s, su.start)
        arm = _as_study_arm(s, named) if named else ""
        if not arm or not s.state.arm_sizes.get(arm):
            continue        # (an arm the study model does not know: a subgroup, a cohort)
        opened = max(s.seg.rfind("(", 0, su.start), s.seg.rfind("[", 0, su.start))
        if _CONTRAST_BEFORE.search(s.seg, _clause_start(s.seg, su.start), su.start):
            continue        # "compared with B, the mean change was x, CI ...": a contrast, the effect rules'
        quantity = _level_before_bracket(s, opened) if opened >= 0 else ""
        est = _mean(s, s.seg[su.center_start:su.center_end], su.center_start, su.end, arm, "", kind="mean")
        lo, hi, level = su.ci
        est.ci_low, est.ci_high, est.ci_level = lo, hi, level
        if est.total and est.total > 1:
            est.sd = round(est.total ** 0.5 * (hi - lo) / (2 * _quantile(level, est.total)), 10)
            est.flags.append("sd_from_ci")
        if quantity:
            changed = re.search(r"\b(?:change|increase|decrease|reduction)", s.seg[su.start:su.center_start], re.I)
            est.outcome_hint = ("change in " if changed else "") + quantity
        s.claimed.update(idx)
        s.claim_span(su.start, su.end)
        est.tail_end = su.end
        s.attach_p(est, su.end)


# ------------------------------------------------------------- one arm's levels of several quantities, "respectively"
# "In the control group, plasma concentrations of IL-6, TNF-a, and MMP-9 were increased by 138 ± 16%, 136 ± 15%, and
# 110 ± 7%, respectively": as many "mean ± SD" values as the quantities the list names, of the one arm the sentence names
_PM_VALUE = r"[-+]?\d+(?:\.\d+)?\s*%?\s*(?:\u00b1|\+/-)\s*\d+(?:\.\d+)?\s*%?"
_QUANTITIES_RESPECTIVELY = prefiltered(re.compile(
    r"\b(?:of|in)\s+(?P<qs>[A-Za-z][^,;()]{0,40}?(?:,\s*[A-Za-z][^,;()]{0,40}?)*,?\s+and\s+[A-Za-z][^,;()]{0,40}?)\s+"
    r"(?:were|was)\s+(?:(?P<fall>" + _FALL + r")|(?:increased|elevated|raised|changed))?\s*(?:by\s+)?"
    r"(?P<vals>" + _PM_VALUE + r"(?:\s*,\s*" + _PM_VALUE + r")*\s*,?\s*and\s+" + _PM_VALUE + r")\s*,?\s*respectively\b"))


def quantities_of_one_arm_respectively(s: Sentence) -> None:
    """One arm's "mean ± SD" of each quantity a list names, closed by "respectively" (see the block's comment): a
    MEAN per value with its SD (SE where the methods say "mean ± SE"), a fall stored negative unless signed."""
    seg = s.seg
    if "respectively" not in seg or not s.groups or not _comparative_trial(s):
        return
    arms = {_as_study_arm(s, g.name) for g in s.groups}
    if len(arms) != 1:
        return
    arm = arms.pop()
    if not s.state.arm_sizes.get(arm):
        return
    for m in _QUANTITIES_RESPECTIVELY.finditer(seg):
        names = [x.strip() for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("qs")) if x.strip()]
        values = list(re.finditer(r"(?P<v>[-+]?\d+(?:\.\d+)?)\s*%?\s*(?:\u00b1|\+/-)\s*(?P<sd>\d+(?:\.\d+)?)(?P<pct>\s*%)?",
                                  m.group("vals")))
        if len(names) != len(values) or any(_SHARE_WORDS.search(x) or _NOT_A_LEVEL.search(x) for x in names) \
                or any(g.start >= m.start("vals") for g in s.groups):
            continue
        spans = [(m.start("vals") + v.start(), m.start("vals") + v.end()) for v in values]
        centres = [s.num_at(m.start("vals") + v.start("v"), m.start("vals") + v.end("v")) for v in values]
        if any(not c or not s.free(c[0]) for c in centres):
            continue        # (the spreads are claimed before any rule runs; the centres must be free)
        # (the list's first words name what the quantities are of: "plasma concentrations of IL-6, ...")
        percent = any(v.group("pct") for v in values)
        for name, v, (a, b) in zip(names, values, spans):
            est = _mean(s, v.group("v"), a, b, arm, name.lower() + (" (%)" if percent else ""), kind="mean")
            if m.group("fall") and v.group("v")[0] not in "+-":
                est.value = -est.value
            spread = float(v.group("sd"))
            if s.state.plus_minus == "SE":
                est.se = spread
                if est.total:
                    est.sd = round(spread * est.total ** 0.5, 10)
                    est.flags.append("sd_from_se")
            else:
                est.sd = spread
            s.claim_span(a, b)
            est.tail_end = b
