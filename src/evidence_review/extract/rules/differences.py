"""Differences between arms printed without a measure's name, and what one printed estimate says about the rows it
stands for (a percent sign printed once for a whole list, one estimate stated for two times). Their order, names
and examples are in registry.py.

One reader covers the family of unnamed differences: an amount (signed or not, with or without its unit) followed
by its interval or its p-value, in a sentence that compares the arms ("as compared to placebo", "A vs B", "lower in
the A group than in the B group", "the addition of X") and says the amount is a change or a difference ("reduced",
"elevated", "longer", "a reduction of"), or whose sign or interval says so. What it is not: one arm's level or
change ("in the A group (5.2 kg, p = 0.01)", "from baseline"), a pair of arms' values ("5.2 vs 3.1 mg"), a
summary with its spread, a count of people.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import patterns as P
from ..grammar import Interval, Num
from ..model import Estimate
from ..sentence import Sentence
from ..startguard import start_guarded
from .effects import AGAINST_AN_EARLIER_TIME, ARM_VALUE_AFTER, TIME_NUMBER_BEFORE, arms_values_around, not_a_result

# the arms compared: "compared with placebo", "A vs B", "than in the B group", "the addition of X to Y"
_COMPARES = start_guarded(re.compile(r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?|than|"
                       r"between\s+(?:the\s+)?(?:two\s+|both\s+)?(?:study\s+|treatment\s+)?(?:groups|arms)|"
                       r"(?:the\s+)?addition\s+of|adding|added\s+to|over\s+placebo)(?![\w])", re.I))
# a comparison with the same patients before: not a difference between arms
_AGAINST_BASELINE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|than|from)\s+(?:the\s+)?(?:values?\s+)?"
                               r"(?:at\s+)?(?:baseline|before|pre-?(?:treatment|operative|study|intervention)\b|entry|admission)",
                               re.I)
# words saying the amount is a change or a difference, before it in its clause ...
_CHANGE_BEFORE = re.compile(r"\b(?:reduc\w*|decreas\w*|increas\w*|elevat\w*|impair\w*|improv\w*|lower\w*|rais\w*|"
                            r"higher|greater|longer|shorter|differ\w*|chang\w*|gain\w*|loss|shorten\w*|prolong\w*|lengthen\w*|worsen\w*|"
                            r"declin\w*|benefit)\b", re.I)
# ... or right after it ("12.5 minutes longer for A than B", "3.3 (95% CI ...) mmHg, ... lower in the A group")
_COMPARATIVE_AFTER = re.compile(r"\s*(?:,\s*)?(?:more\s+|less\s+)?(?:longer|shorter|higher|lower|greater|smaller|larger|less|"
                                r"more|fewer|faster|slower|better|worse)\b", re.I)
# another amount compared with this one after it: "reduced by 2.1 points (p < 0.001) with A compared with 0.9 points with
# B": each arm's own change
_PAIR_AFTER = re.compile(r"[^.;]{0,50}?\b(?:compared\s+(?:with|to)|versus|vs\.?|against|while|whereas)\s+(?:only\s+|just\s+)?"
                         r"[-+\u2212]?\s?\d", re.I)
# "3.3 (95% CI ...) mmHg, 2.3 mmHg (95% CI ...) and 0.3 mmol/L (95% CI ...) lower in the A group compared to B": the
# comparative closing a list of amounts
_COMPARATIVE_LATER = re.compile(r"(?:[^.;]|\.(?=\d)){0,160}?\b(?:lower|higher|greater|less|longer|shorter|more)\s+(?:in|with|for|among)\b", re.I)
# a unit printed with the amount: "ml/min", "kPa", "l/min", "IU/L", "mmHg", "days"; never a count of people or things
_UNIT = re.compile(r"\s*(?!(?:and|or|vs|versus|in|of|the|with|for|to|at|on|by|than|per|p|P|CI|respectively|patients?|"
                   r"longer|shorter|higher|lower|greater|smaller|larger|less|more|fewer|faster|slower|better|worse|"
                   r"participants?|subjects?|cases?|people|persons?|children|women|men|studies|trials?|times|fold|x|groups?|arms?|"
                   r"years?\s+old)\b)(?:mm\s*Hg|[a-zA-Z\u00b5\u03bc\u00b0\u20ac$\u00a3]{1,7}(?:/[a-zA-Z\u00b5\u03bc0-9.]{1,7}){0,2}"
                   # a count per person: "recurrences/patient", "visits/participant"
                   r"|[a-zA-Z]{3,16}/(?:patient|participant|person|subject|child|woman|man|year)s?"
                   r"|\u20ac|\$|\u00a3)(?![\w])")
# one arm named right around the amount: "in the A group (5.2 kg, p = 0.01)", "..., in the B arm"
_ARM_BEFORE = re.compile(r"\b(?:arm|group|cohort)s?\s*[(\[,:]?\s*$", re.I)
# (the arm's name right after the comparing word, nothing of a change of that arm between: "compared to a weight
# increase in the B group (+0.5 kg, ...)" is that arm's own change)
_COMPARED_ARM_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|than(?:\s+(?:in|with|for))?|versus|vs\.?)\s+(?:the\s+)?"
                                  r"(?:(?!(?:in|with|among|of|for|an?)\b)[^\s.;,()\[\]\d]+\s+){0,4}?(?:arm|group|cohort)s?"
                                  r"(?:\s+[A-Z0-9]{1,2})?\s*[(\[,:]?\s*$", re.I)
_ARM_AFTER = re.compile(r"\s*[)\]]?\s*,?\s*(?:in|with|among|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b"
                        r"(?!\s+(?:compared|than|versus|vs|relative|in\s+comparison|as\s+compared))", re.I)
# one arm's change with that arm named right after it, whatever follows: "a weight decrease of -1.2 kg (95% CI ...) in
# the intervention group compared to an increase in the control group"
_ONE_ARMS_CHANGE = re.compile(r"\b(?:decrease|increase|reduction|decline|fall|drop|rise|gain|loss|change)\s+of\s*$", re.I)
_ANY_ARM_AFTER = re.compile(r"\s*[)\]]?\s*,?\s*(?:in|with|among|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b", re.I)
# the second of two values set side by side ("4.5 vs 2.3", "versus + 2.61"): an arm's own value
_SECOND_OF_PAIR = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to))\s*[-+]?\s*$", re.I)
# a test statistic's value: "t[23] = -.192", "F(1,23) = 3.69", "z = 2.1", "U = 45"
_TEST_STATISTIC = re.compile(r"(?<![\w])(?:t|F|z|Z|U|H|W|\u03c7\s*2|\u03c7\u00b2|chi2?|X2)\s*(?:[\[(][^\])]{0,12}[\])])?\s*[=:]\s*$")
# a comparative and "by" right before the amount: "longer by 45 minutes", "higher by 1.2 points", "more by 3 days"
_COMPARATIVE_BY = re.compile(r"\b(?:longer|shorter|higher|lower|greater|smaller|larger|faster|slower|more|less|fewer)\s+by\s+"
                             r"(?:about\s+|approximately\s+|nearly\s+|an\s+average\s+of\s+)?[-+]?$", re.I)
_COMPARATIVE_BY_WORDS = re.compile(r"\b(?:longer|shorter|higher|lower|greater|smaller|larger|faster|slower|more|less|fewer)\s+by\s", re.I)
# a change in words that opens an amount with its interval even where no arm is named: "a reduction of the length of
# stay of 3.9 days (95% CI ...)"
_CHANGE_NOUN = re.compile(r"\b(?:reduction|decrease|increase|difference|change|shortening|prolongation|gain|loss|"
                          r"improvement)\s+(?:in|of)\b", re.I)
# a median with no comparison between it and the amount ("the median time to improvement was 6 weeks (95% CI 4-8)"); a
# median improvement "with A versus B was 0.06 L (p = 0.01)" is the arms' difference
_ONE_ARMS_MEDIAN = re.compile(r"\bmedian\b(?![^.;]*\b(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to|over\s+placebo)\b)", re.I)
# the level an arm reached, not by how much: "reduced LDL to 2.1 mmol/L (p < 0.001)"
_LEVEL_REACHED = re.compile(r"\b(?:to|reached|reaching)\s*[-+]?\s*$", re.I)
_SPREAD_NEAR = re.compile(r"\u00b1|\+/-|\b(?:SD|SE|SEM|IQR|median|range|interquartile)\b", re.I)
_FROM_TO = re.compile(r"\bfrom\s+[-+]?\d[\d.,]*\s*\S{0,8}\s*(?:[(\[][^)\]]{0,30}[)\]]\s*)?to\s*$", re.I)
# a p-value or an interval opening right after the amount (and its unit): "(−76 ml/min, p = 0.002)", "514.2 IU/L (p =
# 0.001)", "by −1.0 mmol/L (P = .018)"
_P_OPENS = re.compile(r"\s*(?:[,;]\s*|[(\[]\s*)")


def _tail(s: Sentence, n: Num) -> tuple[int, int, Interval | None] | None:
    """(where the amount's unit ends, where its interval or p-value ends, the interval when one was found), or None
    when neither follows the amount."""
    unit = _UNIT.match(s.seg, n.full_end)
    unit_end = unit.end() if unit is not None and not n.percent else n.full_end
    for pos in dict.fromkeys((unit_end, n.full_end)):
        ci = s.ci_after(pos)
        if ci is not None and ci.labelled:
            # "3.3 (95% CI 0.3 to 6.3) mmHg": the unit printed after the interval
            after = _UNIT.match(s.seg, ci.end) if pos == n.full_end else None
            return (after.end() if after is not None and s.seg[ci.end:ci.end + 1] in " )" else unit_end), ci.end, ci
        opened = _P_OPENS.match(s.seg, pos)
        if opened is not None:
            p = s.p_after(opened.end(), limit=2)
            if p is not None:
                return unit_end, p.end, None
    pair = _interval_without_label(s, n, unit_end)
    if pair is not None:
        return pair
    if _COMPARATIVE_AFTER.match(s.seg, unit_end):
        # "12.5 minutes longer for A than for B (P < 0.001)", "6.1 mmHg more with A than with B (95% CI ...)", "2.3 kg
        # lower with A (95% CI ...)" after "Compared with B": the comparison between the amount and its p-value or interval
        gap = re.match(r"[^,;()\[\]\d]{0,60}[(\[,;]?\s*", s.seg[unit_end:unit_end + 70])
        at = unit_end + gap.end()
        ci = next((ci for start, ci in s.cis.items() if at - 2 <= start <= at + 2 and ci.labelled), None)
        if ci is not None:
            return unit_end, ci.end, ci
        p = s.p_after(unit_end, limit=90)
        if p is not None and re.search(r"\bthan\b[^,;]{0,40}$", s.seg[unit_end:p.start]):
            return unit_end, p.end, None
    return None


# the arm (and the other) named between an amount and its p-value or interval: "45 minutes in the A group (p < 0.001)",
# "2.5 hours with A (95% CI ...)", "1.2 points in the A arm than in the B arm (p = 0.01)"
_ARMS_THEN_OPEN = re.compile(r"\s*(?:in|with|for|among)\s+[^\d;()\[\]]{1,80}?\s*(?=[(\[,])", re.I)


# a bracket the amount opens ("... than group A (49.7, 4.7 to 94.8)"), or the next item of such a bracket's list ("(-0.4,
# -1.8 to 1.0, and -0.7, -2.0 to 0.8, respectively)")
_OPENS_BRACKET = re.compile(r"[(\[]\s*$")
_NEXT_IN_BRACKET = re.compile(r"[,;]\s*(?:and\s+)?$")
# a change by an amount: "improved by 0.7 (0.1, 1.3) units", "decreased by 0.6 (-0.5, 1.6)"
_CHANGED_BY = re.compile(r"\b(?:by|of)\s*$", re.I)


def _interval_without_label(s: Sentence, n: Num, unit_end: int) -> tuple[int, int, Interval] | None:
    """An amount's interval printed without a label: a pair of limits that holds the amount, right after it, where
    the amount's place says it is an estimate with its interval and not a value with its range: the amount opens its
    bracket and the pair follows a comma ("(49.7, 4.7 to 94.8)", and the next item of that bracket's list), or the
    amount is what something changed by and the pair is bracketed ("improved by 0.7 (0.1, 1.3) units")."""
    seg = s.seg
    opens = _OPENS_BRACKET.search(seg, max(0, n.start - 3), n.start) is not None
    if not opens and _NEXT_IN_BRACKET.search(seg, max(0, n.start - 7), n.start):
        joint = _NEXT_IN_BRACKET.search(seg, max(0, n.start - 7), n.start)
        # the item before is itself an amount with its pair, inside the same bracket
        opens = any(pair.end == joint.start() or seg[pair.end:joint.start()].strip() == ""
                    for pair in s.bare_pairs.values() if pair.end <= joint.start() <= pair.end + 1) \
            and seg.rfind("(", 0, n.start) > seg.rfind(")", 0, n.start)
    changed_by = not opens and _CHANGED_BY.search(seg, max(0, n.start - 4), n.start) is not None
    if not (opens or changed_by):
        return None
    for pos in dict.fromkeys((n.full_end, unit_end)):
        for start, pair in s.bare_pairs.items():
            if not pos <= start <= pos + 2 or pair.low is None or pair.high is None \
                    or not pair.low <= n.value <= pair.high or pair.low == pair.high:
                continue
            if opens and seg[start:start + 1] not in ",;":
                continue        # "(5.2 (3.1-7.3))": the bracket after a value opening one is a range's
            if changed_by and seg[start:start + 1] not in "([":
                continue
            after = _UNIT.match(seg, pair.end) if changed_by and pos == n.full_end else None
            return (after.end() if after is not None else unit_end), pair.end, pair
    return None


def _tail_after_arm(s: Sentence, n: Num) -> tuple[int, int, Interval | None] | None:
    """`_tail` of an amount whose arm is named before its p-value or interval (after a comparative and "by")."""
    unit = _UNIT.match(s.seg, n.full_end)
    unit_end = unit.end() if unit is not None and not n.percent else n.full_end
    arms = _ARMS_THEN_OPEN.match(s.seg, unit_end)
    if arms is None:
        return None
    at = arms.end()
    ci = next((ci for start, ci in s.cis.items() if at <= start <= at + 2 and ci.labelled), None)
    if ci is not None:
        return unit_end, ci.end, ci
    opened = _P_OPENS.match(s.seg, at)
    p = s.p_after(opened.end(), limit=2) if opened is not None else None
    return (unit_end, p.end, None) if p is not None else None


def _sign_from_interval(est: Estimate) -> None:
    """ "a reduction of the length of stay of 3.9 days (95% CI -5.5 to -2.3)": an amount printed as a magnitude
    whose interval lies below zero is negative."""
    if est.value is not None and est.value > 0 and est.ci_low is not None and est.ci_high is not None \
            and est.ci_high < 0 and not est.ci_low <= est.value <= est.ci_high and est.ci_low <= -est.value <= est.ci_high:
        est.value = -est.value


# between a value and a later comparative: another comparison, the value not the comparative's
_OTHER_COMPARISON_BETWEEN = re.compile(r"\b(?:than|compared|versus|vs|higher|greater|longer|more|increased)\b", re.I)


def unnamed_differences(s: Sentence) -> None:
    """An amount with its interval or p-value and no measure named, in a sentence comparing the arms, that the
    sentence says is a change or difference: a mean difference ("as compared to placebo, A reduced peak oxygen
    consumption (−76 ml/min, p = 0.002)"; "decreased with A vs placebo by −1.0 mmol/L (P = .018)"; "was 3.3 (95% CI
    0.3 to 6.3) mmHg, 2.3 mmHg (95% CI 0.5 to 4.2) ... lower in the A group compared to controls")."""
    seg = s.seg
    if not (s.ps or s.cis or s.bare_pairs):
        return
    compares = _COMPARES.search(seg)
    if not compares and not (s.cis and _CHANGE_NOUN.search(seg)) and not (" by " in seg and _COMPARATIVE_BY_WORDS.search(seg)) \
            and not any(e.measure in P.CONTINUOUS for e in s.estimates):
        return          # no comparison, no change with an interval, no difference read before: nothing of this kind
    if not_a_result(s):
        return
    # where an interval or p-value starts: an amount is read only with one close after it
    opens = sorted([ci.start for ci in s.cis.values()] + [p.start for p in s.ps] + list(s.bare_pairs))
    for i, n in enumerate(s.nums):
        if not s.free(i) or not any(n.full_end <= o <= n.full_end + 100 for o in opens) or s.threshold_before(n):
            continue
        previous = [e for e in s.estimates if e.end <= n.start and e.measure in P.CONTINUOUS | {"RD"}]
        if n.percent and not (previous and n.signed and re.search(r"(?:%|percent)\s*$", seg[previous[-1].start:previous[-1].end])):
            continue        # a percentage alone is a share or a relative change: the relative-change rules' own, unless it
                            # continues a difference printed in percent ("(difference of the means -1.0%, ...) and B (-2.2%, ...)")
        if TIME_NUMBER_BEFORE.search(seg, max(0, n.start - 12), n.start) or re.search(r"[A-Za-z]-$", seg[max(0, n.start - 2):n.start]) \
                or _LEVEL_REACHED.search(seg, max(0, n.start - 12), n.start):
            continue        # "at week 26 (p < 0.001)", "Day 21 (OR 95% CI ...)": a time's number; "MFSI-SF-30 (p = 0.7)",
                            # "IL-6 (p = 0.02)": a name's
        tail = _tail(s, n)
        if tail is None and _COMPARATIVE_BY.search(seg, max(0, n.start - 30), n.start):
            tail = _tail_after_arm(s, n)
        if tail is None:
            continue
        unit_end, end, interval = tail
        with_ci = interval is not None
        clause = re.split(r"[;]|\.\s", seg[:n.start])[-1]
        before = clause[-160:]
        # "longer by 45 minutes in the A group (p < 0.001)": a comparative before the amount compares the arm it names
        # with the other, however the sentence goes on
        comparative_by = _COMPARATIVE_BY.search(seg, max(0, n.start - 30), n.start) is not None
        one_arm_before = _ARM_BEFORE.search(seg, max(0, n.start - 14), n.start) is not None \
            and not re.search(r"\bbetween\b[^.;()]{0,60}$", seg[:n.start], re.I) \
            and not (with_ci and _COMPARED_ARM_BEFORE.search(seg, max(0, n.start - 70), n.start)
                     and not re.search(r"\d[^()\[\]]{0,12}[)\]]", seg[max(0, n.start - 160):n.start]))
        # ("between A and B group: 1,586€"; "longer in group B compared to group A (49.7, 4.7 to 94.8)": the arm
        # named last is the other of a comparison, not the one arm the amount is of, when the amount has its interval
        # and no bracket before gave the first arm its own figure: "longer in A (7.1 days) compared with the B group
        # (5.2 days, p = 0.01)" are each arm's)
        if one_arm_before or (_ARM_AFTER.match(seg, end) and not comparative_by) or ARM_VALUE_AFTER.match(seg, end) \
                or _PAIR_AFTER.match(seg, end) \
                or _SPREAD_NEAR.search(seg, max(0, n.start - 25), min(len(seg), end + 3)) \
                or _FROM_TO.search(seg, max(0, n.start - 40), n.start) or s.within_arm_change(n.start) \
                or _AGAINST_BASELINE.search(seg) or AGAINST_AN_EARLIER_TIME.search(seg, 0, n.start) or _SECOND_OF_PAIR.search(seg, max(0, n.start - 14), n.start) \
                or _TEST_STATISTIC.search(seg, max(0, n.start - 20), n.start) or _ONE_ARMS_MEDIAN.search(clause) \
                or (_ONE_ARMS_CHANGE.search(seg, max(0, n.start - 40), n.start) and _ANY_ARM_AFTER.match(seg, end)) \
                or (with_ci and arms_values_around(s, n, end)):
            continue    # (the last: "greater with A (2.1, 95% CI ...) than with B (0.9, ...)", each arm's own value)
        after_words = seg[unit_end:unit_end + 12] if not with_ci else seg[end:end + 60]
        says_change = bool(_CHANGE_BEFORE.search(before)) or bool(_COMPARATIVE_AFTER.match(seg, unit_end)) \
            or bool(_COMPARATIVE_LATER.match(seg, end)) or n.signed or comparative_by
        # a sentence that has printed a difference of the arms already compares them ("A (difference of the means
        # -1.0%, p = 0.035) as well as B (-2.2%, p < 0.001)")
        compared = compares or any(e.measure in P.CONTINUOUS for e in previous) or comparative_by
        if not says_change or not (compared or with_ci and _CHANGE_NOUN.search(before)):
            continue
        if not with_ci and not compared:
            continue
        if re.match(r"\s*(?:vs\.?|versus|and\s+[-+]?\d)", after_words, re.I) and not with_ci:
            continue        # "(5.2 mg vs 3.1 mg, p = ...)": two arms' values
        measure = previous[-1].measure if n.percent else "MD"
        est = Estimate(measure, n.value / 100 if n.percent and measure == "RD" else n.value, n.text, n.start, n.full_end,
                       kind="difference", percent=n.percent and measure == "RD")
        if n.percent and measure == "MD":
            est.unit = "%"
        s.add(est, i, tail_from=unit_end if unit_end > n.full_end and not (with_ci and s.ci_after(unit_end) is None) else n.full_end)
        if est.ci_low is None and interval is not None:     # "6.1 mmHg more with A than with B (95% CI 2.0 to 10.2)"
            est.ci_low, est.ci_high, est.ci_level = interval.low, interval.high, interval.level
            s.claim_span(interval.start, interval.end)
            s.attach_p(est, interval.end)
        _sign_from_interval(est)
        s.note_measure(measure)


# a percent sign printed once, after the last value of a list: "30 (95% CI 15-45), 44 (95% CI 29-59), and 26 percent
# (95% CI 6-44), respectively"
_LIST_JOINT = re.compile(r"\s*[)\]]?\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)$")


def percent_closing_a_list(s: Sentence) -> None:
    """Risk differences (or relative reductions) listed one after another, the percent sign printed with the last
    only: every value of the list is a percentage."""
    ests = [e for e in s.estimates if e.measure in P.PERCENT_AS_FRACTION]
    for k in range(len(ests) - 1, 0, -1):
        last = ests[k]
        if not last.percent:
            continue
        j = k - 1
        while j >= 0 and not ests[j].percent and ests[j].measure == last.measure \
                and _LIST_JOINT.search(s.seg, ests[j].start, ests[j + 1].start):
            e = ests[j]
            e.value = None if e.value is None else e.value / 100
            e.ci_low = None if e.ci_low is None else e.ci_low / 100
            e.ci_high = None if e.ci_high is None else e.ci_high / 100
            e.percent = True
            j -= 1


# "on Days 7 and 14: OR = 0.28 (95% CI ...) for both days", "at 6 and 12 months ... at both time points": one estimate
# the text states for two times, each a row of its own
_TWO_TIMES = re.compile(r"\b(?:(?P<unit1>day|week|month|year|visit|hour)s?\s+(?P<a1>\d+)\s*(?:and|&|,)\s*(?P<b1>\d+)"
                        r"|(?P<a2>\d+)\s*(?:and|&|,)\s*(?P<b2>\d+)\s+(?P<unit2>day|week|month|year|hour)s?)\b", re.I)
_FOR_BOTH = re.compile(r"\s*[)\]]?\s*,?\s*(?:for|at|on|in)\s+(?:both|each\s+of\s+the\s+two|the\s+two)\s+(?:days|weeks|months|years|visits|"
                       r"time\s*-?points|timepoints|occasions|assessments|periods|hours)\b", re.I)


def one_estimate_two_times(s: Sentence) -> None:
    """An estimate stated "for both days" after two times named in the sentence: one row per time."""
    if "both" not in s.seg and "two" not in s.seg:
        return
    times = _TWO_TIMES.search(s.seg)
    if times is None:
        return
    unit = (times.group("unit1") or times.group("unit2")).lower()
    a, b = times.group("a1") or times.group("a2"), times.group("b1") or times.group("b2")
    names = (f"{unit} {a}", f"{unit} {b}") if times.group("unit1") else (f"{a} {unit}s", f"{b} {unit}s")
    for est in list(s.estimates):
        if est.start < times.end() or est.measure not in P.RATIO | P.DIFFERENCE | {"RRR"}:
            continue
        if not _FOR_BOTH.match(s.seg, max(est.end, est.tail_end or 0)):
            continue
        est.timepoint, est.kind = names[0], P.ONE_FIGURE_PER_TIME
        s.estimates.append(replace(est, timepoint=names[1], flags=list(est.flags)))


# "(95% CI ...) at both 6 and 12 months", "for both weeks 4 and 8": the two times named right after the estimate
_AT_BOTH_TIMES = re.compile(r"\s*[)\]]?\s*,?\s*(?:for|at|on|in)\s+both\s+(?:(?P<unit1>day|week|month|year|visit)s?\s+(?P<a1>\d+)\s+and\s+"
                            r"(?P<b1>\d+)|(?P<a2>\d+)\s+and\s+(?P<b2>\d+)\s+(?P<unit2>day|week|month|year|hour)s?)\b", re.I)


def estimate_at_both_times(s: Sentence) -> None:
    """An estimate followed by "at both 6 and 12 months": one row per time."""
    if "both" not in s.seg:
        return
    for est in list(s.estimates):
        if est.measure not in P.RATIO | P.DIFFERENCE | {"RRR"} or est.kind == P.ONE_FIGURE_PER_TIME:
            continue
        m = _AT_BOTH_TIMES.match(s.seg, max(est.end, est.tail_end or 0))
        if m is None:
            continue
        unit = (m.group("unit1") or m.group("unit2")).lower()
        a, b = m.group("a1") or m.group("a2"), m.group("b1") or m.group("b2")
        names = (f"{unit} {a}", f"{unit} {b}") if m.group("unit1") else (f"{a} {unit}s", f"{b} {unit}s")
        est.timepoint, est.kind = names[0], P.ONE_FIGURE_PER_TIME
        s.estimates.append(replace(est, timepoint=names[1], flags=list(est.flags)))


# the standard error printed with a difference: "(mean difference -1.4, SE 0.4, P = 0.001)", "-1.4 (SE 0.4)",
# "(difference [SE], -1.4 [0.4]; P = 0.001)", "Δ (SE) = -1.4 (0.4)": stored as the estimate's se, and the p-value
# printed after it is the estimate's
_SE_AFTER = re.compile(r"\s*(?:[,;]\s*|[(\[]\s*)(?:SE|SEM|S\.E\.|standard\s+error)\s*(?:[:=,]\s*|of\s+)?(?P<se>\d+(?:\.\d+)?)"
                       r"(?![\d.])\s*[)\]]?", re.I)
_SE_BRACKET_AFTER = re.compile(r"\s*[(\[]\s*(?P<se>\d+(?:\.\d+)?)\s*[)\]]")
# the label saying the bracket after the value is its SE: "difference (SE)", "Δ [SE]", "MD (SE):"
_SE_LABEL_BEFORE = re.compile(r"[(\[]\s*(?:SE|SEM|S\.E\.|standard\s+error)\s*[)\]]\s*[:=,]?\s*$", re.I)


def spread_of_difference(s: Sentence) -> None:
    """The SE printed after a difference's value (and the p-value after the SE)."""
    seg = s.seg
    if "SE" not in seg and "S.E." not in seg and "tandard error" not in seg:
        return
    for est in s.estimates:
        if est.measure not in P.DIFFERENCE or est.se is not None or est.ci_low is not None:
            continue
        m = _SE_AFTER.match(seg, est.end)
        if m is None and _SE_LABEL_BEFORE.search(seg, max(0, est.start - 40), est.start):
            m = _SE_BRACKET_AFTER.match(seg, est.end)
        if m is None:
            continue
        se = float(m.group("se"))
        if se <= 0:
            continue
        est.se = se
        idx = s.num_at(m.start("se"), m.end("se"))
        if idx:
            s.claimed.add(idx[0])
        # a rule before may have read the SE as an amount of its own ("standard error 0.4; P = 0.001")
        s.estimates[:] = [e for e in s.estimates if e is est or not m.start("se") <= e.start < m.end("se")]
        if est.p_value is None and not est.p_text:
            s.attach_p(est, m.end())


# measures that compare two arms' figures (a rate before and on treatment, ARR, is kept as the labelling rules do)
_CHANGE_AS_DIFFERENCE = P.DIFFERENCE - {"SMD"} | P.PERCENT_AS_FRACTION
WITHIN_ARM_FLAG = "within_arm_change"
# the words that put the comparison against the same patients before: "from baseline", "compared to baseline", "between
# baseline and week 12", "before and after treatment", "pre- to post-treatment"
_AGAINST_BASELINE_SAID = re.compile(r"\b(?:from|since|than|over|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|between)\s+(?:the\s+)?"
                                    r"(?:baseline|pre-?(?:treatment|operative|intervention|study)|admission|entry)\b"
                                    r"|\bbefore\s+and\s+after\b|\bpre-?\s*(?:and|to|vs\.?)\s*post", re.I)
# words of a comparison between the arms: then the change from baseline is the outcome, the difference is between arms
_BETWEEN_ARMS_SAID = re.compile(r"\bbetween[- ](?:the\s+)?(?:two\s+|both\s+|treatment\s+)?(?:groups?|arms?)\b"
                                # "-2.1 (...) with A vs -0.9 (...) with B; difference -1.2 (...)": the arms' changes, then
                                # the difference between them
                                r"|\b(?:vs\.?|versus)\s(?:[^.]|\.(?=\d))*?[;,]\s*(?:and\s+)?(?:the\s+|a\s+)?(?:mean\s+)?difference\b|\b(?:the|both)\s+"
                                r"(?:two\s+)?(?:groups|arms)\s+(?:differed|did\s+not\s+differ)|\bintergroup\b|\btreatment\s+difference", re.I)
_EVENT_RATE = re.compile(r"\b(?:rates?|relapses?|attacks?|exacerbations?|events?|risk|hazard|odds|incidence)\b", re.I)


# one group's own change, said of that group alone: "Within the A group, pain fell by 2.1 points (95% CI ...)", "In the
# B arm, the mean reduction in systolic pressure was 9.4 mm Hg", "A participants lost 6.2 kg (95% CI ...)"
_ONE_GROUP_SAID = re.compile(r"\b(?:within|in|among)\s+(?:the\s+)?(?:[\w+/-]+\s+){1,4}?(?:groups?|arms?|cohorts?)\b"
                             # "The A group showed a mean reduction of 5.6 points (95% CI ...)": the group as the subject
                             r"|\b(?:[\w+/-]+\s+){1,3}?(?:group|arm|cohort)\s+(?:showed|had|experienced|achieved|"
                             r"demonstrated|displayed|exhibited)\s+(?:an?\s+)?(?:(?:mean|average|significant|median)\s+)?"
                             r"(?:reduction|decrease|increase|improvement|change|decline|fall|drop|rise|gain|loss)\b"
                             r"|\b(?:participants|patients|subjects)\s+(?:in\s+the\s+[\w+/-]+\s+(?:group|arm)\s+)?"
                             r"(?:lost|gained)\b", re.I)
_CHANGE_SAID = re.compile(r"\b(?:fell|falls?|fallen|declin\w*|decreas\w*|reduc\w*|lost|loss|dropp?\w*|lower\w*|"
                          r"rose|rises?|risen|increas\w*|gain\w*|improv\w*|chang\w*)\b", re.I)
_DECLINE_SAID = re.compile(r"\b(?:fell|falls?|fallen|declin\w*|decreas\w*|reduc\w*|lost|loss|dropp?\w*|lower\w*)\b", re.I)
# any word that sets two groups or a group against something else: then the figure may be a difference between arms
_COMPARED_SAID = re.compile(r"\b(?:vs\.?|versus|compared|comparison|than|relative\s+to|between|differ\w*|"
                            r"(?:placebo|control|sham)[- ](?:adjusted|corrected|subtracted)|more|less|greater|smaller|"
                            r"larger|favou?r\w*|over\s+(?:placebo|control))\b", re.I)


def _one_groups_change(row: dict) -> bool:
    """A difference read from a sentence that gives one group's own change and compares nothing: the sentence names
    the change and the group it happened in ("within the A group", "in the B arm", "A participants lost") and no word
    of a comparison."""
    evidence = str(row.get("evidence") or "")
    return str(row.get("finder") or "") != "table" and str(row.get("measure")) in ("MD", "DIFF") \
        and _ONE_GROUP_SAID.search(evidence) is not None and _CHANGE_SAID.search(evidence) is not None \
        and _COMPARED_SAID.search(evidence) is None


# "decreased from 82.1 to 79.3 kg (difference -2.8 kg, ...)": the two levels of one group's change
_FROM_TO_LEVELS = re.compile(r"\bfrom\s+(?P<a>[-+\u2212]?\d+(?:\.\d+)?)\s*[^\d;()\[\]]{0,12}?\s+to\s+(?P<b>[-+\u2212]?\d+(?:\.\d+)?)")


def _change_between_levels(row: dict) -> bool:
    """A difference whose size is the change between the two levels its sentence prints "from X to Y" (and no other
    pair of levels): one group's change over time, not a difference between arms."""
    evidence = str(row.get("evidence") or "")
    if "from" not in evidence or str(row.get("measure")) not in ("MD", "DIFF") or row.get("value") is None:
        return False
    pairs = [(float(m.group("a").replace("\u2212", "-")), float(m.group("b").replace("\u2212", "-")))
             for m in _FROM_TO_LEVELS.finditer(evidence)]
    value = abs(float(row["value"]))
    return len(pairs) == 1 and abs(abs(pairs[0][1] - pairs[0][0]) - value) <= max(0.011, 0.01 * value)


def _as_a_decline(change: dict) -> None:
    """ "fell by 2.1 (95% CI 1.5 to 2.7)": the change is -2.1 (-2.7 to -1.5), as a fall is signed."""
    if change.get("value") is None or float(change["value"]) <= 0:
        return
    low, high = change.get("ci_low"), change.get("ci_high")
    change["value"] = -float(change["value"])
    if low is not None and high is not None and float(low) >= 0:
        change["ci_low"], change["ci_high"] = -float(high), -float(low)


def within_arm_changes(rows: list[dict], controlled: bool) -> list[dict]:
    """In a controlled trial (`controlled`: the study model holds a treatment and a control arm), a difference or
    relative reduction against the same arm's baseline ("reduced by 45% in the A group compared to baseline", "the
    change from baseline in the B group was 1.1 points (95% CI ...)", "the mean difference between baseline and
    week 12 within the A group") is that arm's own change, not the trial's estimate between its arms: it becomes the
    arm's MEAN row of the change, signed as printed (a relative reduction of a level in percent, as printed), its
    interval kept, flagged. A row naming no arm is dropped, as no arm's change
    can be told; so is a table's difference the reader could give no two arms. Without a control arm (a cohort,
    a single-arm or before-after study) the change against baseline is the study's estimate and stays."""
    if not controlled:
        return rows
    out = []
    for row in rows:
        evidence = str(row.get("evidence") or "")
        if str(row.get("finder") or "") == "table" and str(row.get("measure")) in _CHANGE_AS_DIFFERENCE \
                and not str(row.get("intervention") or "").strip() and not str(row.get("comparator") or "").strip():
            continue    # a table's difference column beside no two arms' columns ("A before | A after | Mean
                        # difference"): one arm's change over time, not an estimate between the trial's arms
        one_group = _one_groups_change(row) or _change_between_levels(row)
        if not one_group and (str(row.get("measure")) not in _CHANGE_AS_DIFFERENCE
                              or str(row.get("comparator") or "").strip().lower() != "baseline"
                              or not _AGAINST_BASELINE_SAID.search(evidence) or _BETWEEN_ARMS_SAID.search(evidence)
                              or str(row.get("measure")) == "RRR" and _EVENT_RATE.search(evidence)):
            # (an event rate's relative change against the period before treatment is an estimate the labelling
            # rules keep: "the rate ... was 61.6/100 PY (+38.8% vs pre-study)")
            out.append(row)
            continue
        if not str(row.get("intervention") or "").strip():
            continue
        change = dict(row)
        change["measure"] = "MEAN"
        if str(row.get("measure")) in P.PERCENT_AS_FRACTION:
            # a relative or absolute change stored as a fraction: the arm's change is the percentage printed
            printed = re.search(r"[-+\u2212]?\d+(?:\.\d+)?", str(row.get("value_text") or ""))
            change["value"] = float(printed.group().replace("\u2212", "-")) if printed else (
                None if row.get("value") is None else round(float(row["value"]) * 100.0, 10))
            for bound in ("ci_low", "ci_high"):
                if row.get(bound) is not None:
                    change[bound] = round(float(row[bound]) * 100.0, 10)
        if one_group and _DECLINE_SAID.search(evidence) and not re.search(r"[-\u2212]", str(row.get("value_text") or "")):
            _as_a_decline(change)
        change["comparator"], change["n_comparator"] = "", None
        change["total"] = row.get("n_intervention") if row.get("total") is None else row.get("total")
        change["role"] = "effect"
        flags = str(row.get("flags") or "")
        change["flags"] = f"{flags};{WITHIN_ARM_FLAG}" if flags else WITHIN_ARM_FLAG
        out.append(change)
    return out
