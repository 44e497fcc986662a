"""Rules for an arm's summary of a continuous quantity: MEAN rows (value = mean, sd, se, total = the arm's n)
and MEDIAN rows (value, q1, q3, range_low, range_high). A summary becomes a row only when it belongs to an
arm (named next to it, or the document's single arm): a cohort's "mean age was 42 years" is description,
not arm-level data. An SD the text does not print is derived and the conversion named in `flags`:
sd_from_se (SD = SE x sqrt(n)), sd_from_ci (SD = sqrt(n) x width / (2 t), t of n - 1 degrees of freedom
below 60 patients, else z; Cochrane Handbook 6.5.2.2). A median's row keeps its quartiles or range as printed
(estimating a mean and SD from them is a pooling decision, not a reading). An arm's mean change from baseline
is a MEAN row whose outcome names the change ("change in MG-ADL"); a quantity at baseline (age, disease duration) gets the role hint
"baseline". Table grids are the table reader's; lines with '|' are skipped.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from statistics import NormalDist

from ..grammar import MEDIAN_DECLARED, PATIENTS, Summary
from ..model import Estimate
from ...regexfilter import prefiltered
from ..sentence import Sentence
from ..startguard import start_guarded

_MEAN_WORD = prefiltered(re.compile(r"\b(?:mean|average|means)\b", re.I))
_MEDIAN_WORD = prefiltered(re.compile(r"\bmedians?\b", re.I))
# "(SD)", "±", and a bracket that labels its spread ("37.0 (SD=5.69)"): the value before it is a mean
# ("2.4 (SD, 1.1)", "6.9 (standard deviation 0.7)": the spread named in words, or followed by a comma or colon)
_SPREAD_HEADER = start_guarded(re.compile(r"\(\s*(?:SD|SE|SEM|s\.d\.)\s*\)|\u00b1|[(\[]\s*(?:SD|SE|SEM)\s*(?:[=:,]|(?=\d))|"
                            r"[(\[]\s*standard\s+(?:deviation|error)\b", re.I))
# "mean change", "mean difference", "LS mean change": a change or a contrast is not an arm's level
# "mean difference", "mean ratio": a contrast between arms; "mean rank": a rank statistic of a non-parametric test
_NOT_A_LEVEL = re.compile(r"\b(?:difference|differences|ratio|ratios|ranks?)\b", re.I)
# "mean change from baseline", "LS mean reduction": one arm's change, an arm-level datum of its own outcome
_CHANGE = re.compile(r"\b(?:changes?|reductions?|improvements?|decreases?|increases?|gains?|losses?)\b", re.I)
# "pain reductions of", "weight gains of": the quantity whose amount of change follows
_CHANGE_OF = re.compile(r"(?P<q>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s+(?:reductions?|decreases?|increases?|improvements?|changes?|"
                        r"gains?|losses?)\s+of\s+", re.I)
_NOT_ARM_DATA = re.compile(r"\b(?:follow[- ]up|duration\s+of\s+follow|dose|doses|dosage|infusions?|sessions?|"
                           r"cycles?|studies|trials)\b", re.I)
# "during (the) follow-up (periods)", "at follow-up": when the quantity was measured, not a follow-up time
_WHEN_MEASURED = re.compile(r"\b(?:during|at|over|throughout)\s+(?:the\s+)?follow[- ]up(?:\s+(?:periods?|visits?))?", re.I)
_BASELINE_HINT = re.compile(r"\b(?:baseline|at\s+(?:entry|enrol?ment|inclusion|randomi[sz]ation)|age|aged|years?\s+old|"
                            r"pre-?(?:dose|operative|treatment|randomi[sz]ation)|"
                            r"disease\s+duration|BMI|body\s+mass|weight|height)\b", re.I)
_QUANTITY = re.compile(r"\b(?:mean|median|average)\s+(?:(?:\([^()]{0,12}\)|(?:\u00b1|\+/-)\s*\w+)\s+)?(?P<q>(?:[\w-]+\s+){0,4}?[\w-]+?)\s*"
                       r"(?:\([^()]{0,20}\)\s*)?(?:was|were|is|of|at|:|=|,)\s", re.I)


# "a mean decrease of x", "a reduction by x \u00b1 s vs. y \u00b1 s": positive amounts of a fall, the first of a list or the next
# ("Mean body weight decreased by 1.6 ± 0.5 vs 0.4 ± 0.5 kg": the verb as well as the noun)
_FALL_OF = re.compile(r"\b(?:decrease|reduction|decline|fall|drop|loss|decreased|declined|fell|dropped|was\s+reduced|"
                      r"were\s+reduced)\s+(?:of|by)\s+(?:[-+\u2212]?\d[\d.,]*\s*(?:\u00b1|\+/-)\s*"
                      # (every value of a list: "decreased by 71.2 ± 22.0%, 64.0 ± 35.1% and 80.3 ± 28.9%")
                      r"\d[\d.,]*\s*[A-Za-z%/]{0,8}\s*(?:vs\.?|versus|and|,|,\s*and)\s*)*$", re.I)
# "increased by 2.1 ± 0.4 vs 0.3 ± 0.5 kg": an amount of change (its sign as printed)
_RISE_BY = re.compile(r"\b(?:increased|rose|gained|improved)\s+by\s+(?:[-+\u2212]?\d[\d.,]*\s*(?:\u00b1|\+/-)\s*"
                      r"\d[\d.,]*\s*[A-Za-z%/]{0,8}\s*(?:vs\.?|versus|and|,|,\s*and)\s*)*$", re.I)


def _quantile(level: float, n: int) -> float:
    """The quantile a CI of a mean at `level` uses: Student's t with n - 1 degrees of freedom below 60 patients,
    the normal one from 60 on (Cochrane Handbook 6.5.2.2; the table reader converts the same way)."""
    if n < 60:
        from scipy.stats import t
        return float(t.ppf(0.5 + level / 2, n - 1))
    return NormalDist().inv_cdf(0.5 + level / 2)


_CLAUSE_BREAK = start_guarded(re.compile(r";|(?<!\bvs)(?<!\bFig)(?<!\bno)(?<!\be\.g)(?<!\bi\.e)\.\s", re.I))


def _clause_start(seg: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last ';' or full stop before it ("vs. " is no stop)."""
    last = -1
    for m in _CLAUSE_BREAK.finditer(seg, 0, pos):
        last = m.start()
    return last + 1


def _quantity(seg: str, pos: int) -> str:
    """The quantity the summary describes, as the sentence names it ("QMG score" in "the mean QMG score was")."""
    found = None
    for m in _QUANTITY.finditer(seg, max(0, pos - 120), pos):
        found = m
    if found is None:
        return ""
    q = re.sub(r"\s+", " ", found.group("q")).strip().lower()
    named = _VALUE_OF.match(seg, found.end("q")) if q in ("value", "values") else None
    return re.sub(r"\s+", " ", named.group("q")).strip() if named else q


# "the mean value of HR (beat/min) was": the quantity is named after "value of"
_VALUE_OF = re.compile(r"\s*of\s+(?:the\s+)?(?P<q>[\w/-]+(?:\s+[\w/-]+){0,3}?)(?=\s*(?:\(|\b(?:was|were|is|at|in|of|to|rose|fell|increased|decreased)\b|[:=,]))",
                       re.I)


# a unit printed after the summary ("45.2 (11.3) years in the X group"), not a word that leads to the arm
_UNIT_AFTER = re.compile(r"\s*(?!(?:in|on|of|for|with|among|and|or|vs|versus|during|receiving|the|respectively)\b)"
                         # "mL/min/1.73 m2": a unit per body surface, its "m2" after a space
                         r"[A-Za-z\u00b5/%][\w/%.\u00b5-]{0,11}(?:(?<=/1\.73)\s?m(?:2|\u00b2))?(?=[\s,;.)]|$)")
# summaries printed as a list: "4.2 (SD 2.9) and 6.1 (SD 3.2)", "3.1 \u00b1 0.4, 3.5 \u00b1 0.6 and 4.0 \u00b1 0.2"
_LIST_GAP = re.compile(r"(?:\s*(?:per\s+)?[A-Za-z\u00b5/%][\w/%.\u00b5-]{0,11})?\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|&\s*|vs\.?\s+|versus\s+)")


def _unit_end(seg: str, pos: int) -> int:
    m = _UNIT_AFTER.match(seg, pos)
    return m.end() if m else pos


def _list_end(seg: str, run: list[Summary]) -> int:
    """Where the words after a list of summaries start: past the unit of the last one and, for a list printed in
    brackets ("(57.1 ± 9.2 mmHg & 55.0 ± 8.7 mmHg) in the A and B groups"), past its closing bracket."""
    end = _unit_end(seg, run[-1].end)
    closing = re.match(r"\s*\)", seg[end:])
    if closing and seg.rfind("(", 0, run[0].start) > seg.rfind(")", 0, run[0].start):
        end += closing.end()
    # "were -18 ± 104 and 12 ± 85 (p = 0.25, between groups) for the A and B groups, respectively": a bracket
    # holding the comparison's p-value stands between the list and its arms
    aside = _P_ASIDE.match(seg, end)
    return aside.end() if aside else end


_P_ASIDE = re.compile(r"\s*[(\[]\s*[Pp]\s*[<>=\u2264\u2265][^()\[\]]{0,40}[)\]]")


# "patients that developed an infection had a longer stay (median 5 vs. 4 days)", "those who relapsed had ...": the
# pair compares patients grouped by what happened to them, not the trial's arms
_PATIENTS_DEFINED_BY = re.compile(r"\b(?:patients|participants|women|men|children|those|subjects)\s+(?:who|that)\s+"
                                  r"(?:had|did|were|[a-z]+ed)\b", re.I)


def _listed_arms(s: Sentence, summaries: list[Summary]) -> dict[int, str]:
    """Summaries printed as a list take, in order, the arms listed after them ("in the A and B groups") or,
    closed by "respectively", the arms named before them."""
    out: dict[int, str] = {}
    runs: list[list[Summary]] = []
    for su in summaries:
        if runs and _LIST_GAP.fullmatch(s.seg, runs[-1][-1].end, su.start):
            runs[-1].append(su)
        else:
            runs.append([su])
    closing = _list_end(s.seg, runs[-1]) if runs else 0
    # "were 4.75 ± 0.02 vs. 5.32 ± 0.02 mmol/L, LDL 2.67 ± 0.02 vs. 3.22 ± 0.02 mmol/L, ..., respectively": every
    # run as long as the last one, closed by one "respectively", takes the arms named before the first run
    respectively_all = bool(re.match(r"[^.;]{0,60}\brespectively\b", s.seg[closing:closing + 80]))
    previous: list[str] = []
    for run in runs:
        if len(run) < 2:
            continue
        end = _list_end(s.seg, run)
        names = s.arms_listed_after(end, len(run))
        if names is None:
            names = _arms_before_respectively(s, end, len(run))
        if names is None:
            names = _every_arm_respectively(s, end, len(run))
        if names is None and re.match(r"[^.;]{0,60}\brespectively\b", s.seg[end:end + 80]):
            names = s.arms_named_before(run[0].start, len(run))
        if names is None and respectively_all and len(run) == len(runs[-1]):
            first = next(r for r in runs if len(r) == len(run))
            names = s.arms_named_before(first[0].start, len(run)) or _every_arm_respectively(s, closing, len(run))
        if names is None and previous and len(previous) == len(run) \
                and re.search(r"\brespectively\s*:?\s*$", s.seg[max(0, run[0].start - 20):run[0].start]):
            # "were respectively a ± s and b ± s in the A and B groups at baseline and were respectively c ± s and d ±
            # s at the end": a later list of the sentence, its "respectively" printed first, takes the same arms
            names = list(previous)
        if names is None and len(run) == 2 and re.search(r"\b(?:vs\.?|versus)\s*$", s.seg[run[0].end:run[1].start]):
            names = _compared_before(s, run[0].start)
        if names is None and len(run) == 2 and re.search(r"\b(?:vs\.?|versus)\s*$", s.seg[run[0].end:run[1].start]):
            # "The A group received more colloid (1,907 ± 878 ml versus 1,204 ± 898 ml)": the arm the sentence is
            # about first, the document's other arm second
            two = s.state.two_arms()
            before = list(dict.fromkeys(g.name for g in s.groups if g.end <= run[0].start))
            if len(two) == 2 and len(before) == 1 and before[0] in two:
                names = [before[0], next(x for x in two if x != before[0])]
            elif len(two) == 2 and not s.groups and not _PATIENTS_DEFINED_BY.search(s.seg, 0, run[0].start):
                names = list(two)       # a sentence naming no arm: the document's two arms, in its last comparison's order
        if names:
            out.update((id(su), name) for su, name in zip(run, names))
            s.state.last_arm_list = tuple(names)
            previous = list(names)
        elif len(run) == 2 and re.search(r"\b(?:vs\.?|versus)\s*$", s.seg[run[0].end:run[1].start]):
            # an 'x vs. y' pair whose arms the sentence does not order: neither value is the arm named nearest
            out.update((id(su), "") for su in run)
    return out


# "(...) occurred 10 min after induction in the A, B and C groups respectively": a list of arms closed by
# "respectively" a few words after the values
_RESPECTIVELY_AHEAD = re.compile(r"[^.;()]{0,100}?\brespectively\b", re.I)


def _arms_before_respectively(s: Sentence, end: int, count: int) -> list[str] | None:
    """The `count` arms of the list that "respectively" closes, when it follows the values within a clause."""
    ahead = _RESPECTIVELY_AHEAD.match(s.seg, end)
    if ahead is None:
        return None
    named = [g for g in s.groups if end <= g.start and g.end <= ahead.end()]
    if not named:
        return None
    lead = re.search(r"\b(?:in|with|for|on)\s+(?:the\s+)?$", s.seg[max(end, named[0].start - 12):named[0].start], re.I)
    if lead is None:
        return None
    pos = named[0].start - len(lead.group(0))
    return s.arms_listed_after(pos, count) if pos >= end else None


# "(...) in the postoperative period in the studied groups respectively": every arm of the document, in the order
# the document named them
_ALL_GROUPS_RESPECTIVELY = re.compile(r"[^.;()]{0,60}?\bin\s+(?:the\s+|all\s+|each\s+of\s+the\s+)?(?:studied|study|two|three|four|"
                                      r"respective|different)\s+groups\s*,?\s*respectively\b", re.I)


def _every_arm_respectively(s: Sentence, end: int, count: int) -> list[str] | None:
    """The document's arms of known size in the order it named them, when the list is closed by "in the studied
    groups respectively" and there are as many arms as values."""
    if not _ALL_GROUPS_RESPECTIVELY.match(s.seg, end):
        return None
    arms = [a for a in s.state.arm_sizes if not a.startswith("no ")]
    return arms if len(arms) == count else None


# "higher in group A in comparison to group B (x vs. y)", "A ... than B (x versus y)": the pair follows the arms'
# order; the join must compare (a list "A and B" says nothing of which value is whose)
_COMPARING_JOIN = re.compile(r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|than|versus|vs\.?)\b", re.I)


def _compared_before(s: Sentence, pos: int) -> list[str] | None:
    """The two arms a clause compares before a 'x vs. y' pair, in the order it names them, else None."""
    start = _clause_start(s.seg, pos)
    named = [g for g in s.groups if start <= g.start and g.end <= pos]
    names = list(dict.fromkeys(g.name for g in named))
    if len(names) != 2:
        return None
    first_end = next(g.end for g in named if g.name == names[0])
    second_start = next(g.start for g in named if g.name == names[1])
    return names if _COMPARING_JOIN.search(s.seg, first_end, second_start) else None


def _summaries(s: Sentence, *productions: str) -> list[Summary]:
    """The sentence's summaries in reading order, an overlapping later one dropped."""
    found = sorted((su for p in productions for su in s.parse(p)), key=lambda su: (su.start, -su.end))
    out: list[Summary] = []
    for su in found:
        if not out or su.start >= out[-1].end:
            out.append(su)
    return out


# an item of a list after a semicolon, labelled by its arm before a colon or comma ("; B: 10.2 (2.9)", "; B, 10.2")
_LABELLED_ITEM = re.compile(r"\s*(?:and\s+)?[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,3}\s*[:,]\s*")


def _spread_named_by_the_bracket_before(seg: str, summary: Summary) -> bool:
    """ "0.53 (SD = 0.38) m/s for the A group and 0.43 (0.34) m/s for the B group": a bare bracket that took its
    spread from the labelled bracket just before it (`_inherit_labels`) is a mean as that one is."""
    return summary.label in ("SD", "SE") and bool(
        _SPREAD_HEADER.search(seg, max(0, summary.center_start - 100), summary.center_start))


def _arm_row(s: Sentence, summary: Summary, measure: str, listed: dict) -> Estimate | None:
    seg = s.seg
    if "|" in seg:
        return None
    idx = s.num_at(summary.center_start, summary.center_end)
    if not idx or not s.free(idx[0]):
        return None
    clause = seg[_clause_start(seg, summary.center_start):summary.center_start]
    if _LABELLED_ITEM.fullmatch(clause):
        # "Mean score (SD), A: 12.1 (3.0); B: 10.2 (2.9)": a later item of a list labelled by its arms takes the
        # words before the list's first item
        clause = seg[:summary.center_start]
    word = _MEAN_WORD if measure == "MEAN" else _MEDIAN_WORD
    if not word.search(clause) and not (measure == "MEAN" and _SPREAD_HEADER.search(seg[summary.center_start:summary.end])) \
            and not (measure == "MEAN" and _arms_level_with_interval(s, summary)) \
            and not (measure == "MEAN" and _spread_named_by_the_bracket_before(seg, summary)):
        return None
    named = word.search(clause)
    after_word = clause[named.end():] if named else clause
    if _NOT_A_LEVEL.search(after_word) or _NOT_ARM_DATA.search(_WHEN_MEASURED.sub(" ", clause)):
        return None
    # named next to the value: a cohort's mean age is not the single treatment's arm datum
    if listed.get(id(summary)) == "":
        return None
    arm = listed.get(id(summary)) or s.arm_named(summary.center_start, _unit_end(seg, summary.end)) \
        or _arm_before_bracket(s, summary.center_start) or _group_named_after(seg, summary.end)
    both = _both_arms(s, summary)
    if not arm and both:
        arm = both[0]       # (its copy for the other arm: _with_other_arm)
    if not arm:
        return None
    if summary.ci is not None and _against_an_arm(s, _clause_start(seg, summary.center_start), _clause_end(seg, summary.end)):
        return None     # "Compared with placebo, the mean change was x (95% CI ...) with A": a difference
    est = Estimate(measure, summary.center, seg[summary.center_start:summary.center_end].strip(),
                   summary.center_start, summary.end, kind=measure.lower(), arm_hint=arm)
    est.total = s.state.arm_sizes.get(arm)
    est.outcome_hint = _quantity(seg, summary.center_start)
    if _FALL_OF.search(clause) and est.value is not None and est.value > 0:
        # "a mean decrease of 2.8 \u00b1 15.2 vs. 0.6 \u00b1 14.9": the change from baseline is -2.8 (as a table prints it)
        est.value = -est.value
    if _CHANGE.search(after_word) or _FALL_OF.search(clause) or _RISE_BY.search(clause):
        # the outcome says it is a change; no flag (a flag keeps a row out of pooling, and nothing is wrong here)
        if est.outcome_hint and not _CHANGE.search(est.outcome_hint):
            est.outcome_hint = "change in " + est.outcome_hint
    elif _BASELINE_HINT.search(clause) or _BASELINE_HINT.search(est.outcome_hint):
        est.role = "baseline"
    s.claim_span(summary.start, summary.end)
    est.tail_end = summary.end
    return est


# "greater with A plus B (-1.55 ± 0.92) relative to B alone (-1.40 ± 0.96)": each arm named in the words right before
# its bracket, in a sentence that compares them (names the lexicon may not know)
_NAME_BEFORE_BRACKET = re.compile(r"\b(?:with|in|for|on|among|receiving|than|to|versus|vs\.?|and|or)\s+(?:the\s+)?(?P<name>[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,3}?)"
                                  # ("in the A group (M ± SE = 81.2 ± 0.9)": the bracket opens with what its value is)
                                  r"(?:\s+(?:group|arm))?\s*[(\[]\s*(?:(?:M|mean)\s*(?:\u00b1|\+/-)\s*(?:SD|SE|SEM)\s*[:=]\s*)?$", re.I)
_ARMS_COMPARED = re.compile(r"\b(?:relative\s+to|versus|vs\.?|compared\s+(?:with|to)|than)\b", re.I)
_NOT_AN_ARM_NAME = re.compile(r"\b(?:patients?|participants?|subjects?|women|men|children|baseline|total|overall|all|both|each|"
                              r"either|the\s+other|groups?|arms?|population|sample|cohort|years?|months?|weeks?|days?|hours?)\b", re.I)


# "2.5 ± 1.2 in both groups", "was 4 (IQR 2-6) days in each group": one summary that is every arm's
_IN_BOTH = re.compile(r"\s*(?:[)\]]\s*)?,?\s*(?:in|for)\s+(?:both|each|either|the\s+two)\s+(?:of\s+the\s+(?:two\s+)?)?"
                      r"(?:treatment\s+|study\s+)?(?:groups?|arms?)\b", re.I)


def _both_arms(s: Sentence, summary: Summary) -> tuple[str, str] | None:
    """The study's two arms, when the summary is said to be both arms' ("2.5 ± 1.2 in both groups")."""
    two = s.state.two_arms()
    if len(two) != 2 or not _IN_BOTH.match(s.seg, _unit_end(s.seg, summary.end)):
        return None
    return tuple(two)


def _with_other_arm(s: Sentence, summary: Summary, est: Estimate) -> list[Estimate]:
    """The row, and its copy for the other arm where the summary is both arms'."""
    both = _both_arms(s, summary)
    if not both or est.arm_hint != both[0]:
        return [est]
    other = replace(est, arm_hint=both[1], total=s.state.arm_sizes.get(both[1]), flags=list(est.flags))
    if other.se is not None and other.total:
        other.sd = round(other.se * math.sqrt(other.total), 10)
    return [est, other]


def _arm_before_bracket(s: Sentence, pos: int) -> str:
    """The arm a summary in brackets belongs to, named right before the bracket in a sentence comparing arms."""
    if not _ARMS_COMPARED.search(s.seg):
        return ""
    m = _NAME_BEFORE_BRACKET.search(s.seg, max(0, pos - 70), pos)
    if m is None or _NOT_AN_ARM_NAME.search(m.group("name")) or re.search(r"\d", m.group("name")):
        return ""
    name = re.sub(r"^(?:(?:in|with|for|on|among|receiving|the|to|that|those|versus|vs\.?|and|or)\s+)+", "", re.sub(r"\s+", " ", m.group("name")), flags=re.I)
    return name.lower()


# a contrast or a model's estimate named in the sentence: its values with an interval are no arm's level
_CONTRAST_NAMED = re.compile(r"\b(?:differences?|effects?|ratios?|versus|vs\.?|compared|relative|reductions?|"
                             r"respectively|adjusted|odds|hazards?|risks?)\b", re.I)


# a share or a curve's estimate ("relapse-free survival was 79% (95% CI 65-88) with A"): no arm's mean
_SHARE_OR_CURVE = re.compile(r"\b(?:survival|[\w-]+-free|rates?|risks?|incidences?|probabilit(?:y|ies)|proportions?|"
                             r"percentages?|prevalence)\b", re.I)


def _arms_level_with_interval(s: Sentence, summary: Summary) -> bool:
    """ "4.8 (95% CI 3.9-5.7) for the A group and 3.6 (95% CI 3.1-4.1) for the B group": a value with its interval
    followed by its own arm, in a sentence that names no effect measure nor a contrast, is that arm's mean."""
    if summary.ci is None or s.kws or _CONTRAST_NAMED.search(s.seg) or _SHARE_OR_CURVE.search(s.seg) \
            or re.match(r"\s*%", s.seg[summary.center_end:]):
        return False
    return bool(s.arm_named(summary.center_start, _unit_end(s.seg, summary.end)))


def means(s: Sentence) -> None:
    """mean \u00b1 SD, mean (SD x), mean (x) under a "mean (SD)" heading, mean (SE x), mean (95% CI a to b)."""
    if not _MEAN_WORD.search(s.seg) and "\u00b1" not in s.seg and "+/-" not in s.seg and not _SPREAD_HEADER.search(s.seg) \
            and (s.kws or not s.parse("mean_ci")) and not s.parse("mean_labelled"):
        return
    summaries = [su for su in _inherit_labels(s, _summaries(s, "mean_pm", "mean_ci", "mean_comma_ci", "mean_bracket", "mean_labelled"))
                 if _spread_is_stated(s, su)]
    listed = _listed_arms(s, summaries)
    for summary in summaries:
        est = _arm_row(s, summary, "MEAN", listed)
        if est is None:
            continue
        n = est.total
        est.sd, est.se = summary.sd, summary.se
        if summary.se is not None and n:
            est.sd = round(summary.se * math.sqrt(n), 10)
            est.flags.append("sd_from_se")
        if summary.ci is not None:
            lo, hi, level = summary.ci
            est.ci_low, est.ci_high, est.ci_level = lo, hi, level
            if n and n > 1 and lo is not None and hi is not None:
                est.sd = round(math.sqrt(n) * (hi - lo) / (2 * _quantile(level, n)), 10)
                est.flags.append("sd_from_ci")
        s.estimates.extend(_with_other_arm(s, summary, est) if summary.ci is None else [est])


# a heading that says what the bracket after each value holds: "mean (SE)", "mean (\u00b1SE)", "mean \u00b1 SEM", "median (range)"
# ("the adjusted mean changes (standard error) of X were ...": the spread spelled out, after what the means are of)
_HEADING = re.compile(r"\b(?:mean|median)s?(?:\s+(?:changes?|values?|scores?|levels?|differences?))?\s*"
                      r"(?:[(\[]\s*(?:\u00b1|\+/-)?\s*(?P<a>SD|SE|SEM|IQR|range|interquartile\s+range|standard\s+deviation|"
                      r"standard\s+error)\s*[)\]]|"
                      r"(?:\u00b1|\+/-)\s*(?P<b>SD|SE|SEM)|"
                      # "the median and range of X were ...", "mean and standard deviation": the spread named after "and"
                      r"\s+and\s+(?:the\s+)?(?P<c>SD|SE|SEM|IQR|range|interquartile\s+range)\b)|"
                      # "(M ± SE = 81.2 ± 0.9)": the mean abbreviated, its spread named after it
                      r"(?-i:\bM)\s*(?:\u00b1|\+/-)\s*(?P<d>SD|SE|SEM)\b", re.I)


def _heading(s: Sentence, pos: int) -> str:
    """The spread a heading before `pos` in the clause names ("SD", "SE", "IQR", "RANGE"), else ""."""
    found = ""
    for m in _HEADING.finditer(s.seg, _clause_start(s.seg, pos), pos):
        found = (m.group("a") or m.group("b") or m.group("c") or m.group("d")).upper()
    found = re.sub(r"\s+", " ", found)
    return {"SEM": "SE", "INTERQUARTILE RANGE": "IQR", "STANDARD DEVIATION": "SD", "STANDARD ERROR": "SE"}.get(found, found)


def _with_spread(su: Summary, label: str) -> Summary:
    """A bare bracket's number as the spread `label` names."""
    if su.kind == "median":
        if label == "RANGE" and su.q1 is not None:
            return replace(su, q1=None, q3=None, range_low=su.q1, range_high=su.q3, label=label)
        return replace(su, label=label)
    spread = su.sd if su.sd is not None else su.se
    return replace(su, sd=spread if label == "SD" else None, se=spread if label == "SE" else None, label=label)


def _inherit_labels(s: Sentence, summaries: list[Summary]) -> list[Summary]:
    """A bare bracket carries the spread a heading before it names ("mean (SE) ... -4.2 (0.5)", "median (range)
    ... 14 (2-30)") or, in a list, the label of the bracket before it ("-4.70 (SE 0.329) with X and -3.25 (0.335)
    with placebo")."""
    out: list[Summary] = []
    for su in summaries:
        prev = out[-1] if out else None
        if su.label or su.ci is not None:
            out.append(su)
            continue
        heading = _heading(s, su.start)
        if heading and (su.kind == "median") == (heading in ("IQR", "RANGE")):
            su = _with_spread(su, heading)
        elif su.kind == "mean" and s.state.plus_minus and "\u00b1" in s.seg[su.start:su.end]:
            su = _with_spread(su, s.state.plus_minus)    # the methods said what "±" holds ("mean ± SE")
        elif prev is not None and prev.label in ("SE", "SD") and su.kind == "mean" \
                and su.start - prev.end <= 80 and not re.search(r"[;]", s.seg[prev.end:su.start]):
            su = _with_spread(su, prev.label)
        out.append(su)
    return out


def _spread_is_stated(s: Sentence, su: Summary) -> bool:
    """ "4.5 (3.2)" is a mean and its SD only where the text says so ("mean (SD)", "SD", "\u00b1")."""
    if su.se is not None or su.ci is not None:
        return True
    printed = s.seg[su.start:su.end]
    return su.label in ("SD", "SE") or "\u00b1" in printed or "+/-" in printed or bool(
        re.search(r"\(\s*SD\s*\)|\bSD\b|s\.d\.", s.seg[max(0, su.start - 60):su.end], re.I))


# "the median RFS (95% CI) ... were 1.45 years (0.96-2.16)", "median PFS was 8.1 months with X and 5.2 months with Y
# (hazard ratio 0.61 ...)": a Kaplan-Meier median time to an event printed with its interval or beside the ratio
# that compares the curves is the survival analysis's estimate, which the labelling rules leave out; printed
# alone as the arms' data ("The median PFS and OS were 2.8 and 13.2 months in X and 2.0 and 14.0 months in Y"),
# it is each arm's median
_TIME_TO_EVENT = re.compile(r"\bmedian\s+(?:\w+\s+){0,2}?(?:(?-i:RFS|PFS|OS|DFS|EFS|TTP)\b|(?:overall|progression-free|"
                            r"disease-free|relapse-free|recurrence-free|event-free)?\s*survival\b|time\s+to\b)", re.I)
_INTERVAL_OR_RATIO = re.compile(r"\b(?:CI|CrI|confidence\s+intervals?|(?:hazard|odds|risk|rate)\s+ratios?|relative\s+risks?)\b"
                                r"|\b(?-i:a?HRs?|ORs?|RRs?|IRRs?)\b", re.I)


def survival_estimate(seg: str) -> bool:
    """Whether the sentence's medians of time to an event are a survival analysis's estimates (printed with an
    interval or beside a ratio), not arm-level data."""
    return bool(_TIME_TO_EVENT.search(seg)) and bool(_INTERVAL_OR_RATIO.search(seg))


def medians(s: Sentence) -> None:
    """median (IQR a-b), median [range a-b], median (a-b) under a "median (IQR)" heading, "51.0 days, IQR 28.0-69.0",
    "median 90.2, IQR 19.6" (the IQR as its width only: no quartiles, flagged)."""
    if not _MEDIAN_WORD.search(s.seg) or survival_estimate(s.seg):
        return
    summaries = _inherit_labels(s, _summaries(s, "median_spread", "median_comma_spread", "median_iqr_width"))
    listed = _listed_arms(s, summaries)
    for summary in summaries:
        est = _arm_row(s, summary, "MEDIAN", listed)
        if est is None:
            continue
        est.q1, est.q3 = summary.q1, summary.q3
        est.range_low, est.range_high = summary.range_low, summary.range_high
        if summary.label == "IQR width":
            est.flags.append("iqr_width_only")
        s.estimates.extend(_with_other_arm(s, summary, est))


# "2.8 and 13.2 months in X", "0.13 IU/ml at 40 mg": values (with their unit) followed by the arm they belong to
# ("2.8 for 52 children allocated to X", "3.5 in the 42 patients on Y": the arm's size and people between)
_VALUES_THEN_ARM = re.compile(r"\s*(?:[A-Za-z\u00b5%/][\w/%.\u00b5-]{0,11}\s*)?,?\s*(?:in|with|among|under|for|on|at|receiving)"
                              r"\s+(?:the\s+)?(?:(?:\d+\s+)?" + PATIENTS + r"\s+(?:on|receiving|given|in\s+the|treated\s+with|"
                              r"(?:allocated|assigned|randomi[sz]ed)\s+to(?:\s+the)?)\s+)?", re.I)
# a number followed by the people it counts ("40 children on X"): an arm's size, never its median
_PEOPLE_COUNTED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?" + PATIENTS + r"\b", re.I)
# "from 7 to 5 on X": the value the arm's quantity went to
_CHANGED_TO = re.compile(r"\d\s*[A-Za-z/%]{0,8}\s+to\s+$")
_RUN_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_QUANTITY_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


# "515 min. with enema v 585 min. without enema": arms named by having the intervention or not
_WITH_WITHOUT = re.compile(r"\s*(?:[a-zA-Z%/\u00b5]{1,8}\.?\s*)?(?P<w>with|without)\s+(?:an?\s+|the\s+)?(?P<x>[A-Za-z][\w-]{2,})\b", re.I)


def _with_or_without(seg: str, pos: int) -> str:
    m = _WITH_WITHOUT.match(seg, pos)
    if m is None:
        return ""
    x = m.group("x").lower()
    return ("no " + x) if m.group("w").lower() == "without" else x


def bare_medians(s: Sentence) -> None:
    """Arms' medians printed without a spread, each value or run of values followed by its arm: "The median PFS and
    OS were 2.8 and 13.2 months in X and 2.0 and 14.0 months in Y" (a run of as many values as the quantities
    named, in their order), "median levels rose from 0.13 IU/ml at 40 mg to 0.14 IU/ml at 50 mg" (dose arms).
    Only where two arms or more get a value, in a sentence that says the values are medians and prints no interval
    or ratio for a time to an event."""
    seg = s.seg
    word = _MEDIAN_WORD.search(seg)
    if "|" in seg or word is None or survival_estimate(seg):
        return
    # "the median follow-up", "follow-up time (median, 472.5 days ...)", "the median dose": no arm's outcome
    if _NOT_ARM_DATA.search(" ".join(seg[:word.start()].split()[-4:] + seg[word.end():].split()[:5])):
        return
    runs: list[tuple[list[int], str]] = []
    current: list[int] = []
    plain: set[str] = set()     # arms named only by "with X" / "without X"
    for i, n in enumerate(s.nums):
        if n.start < word.end() or not s.free(i) or n.percent or any(g.start <= n.start < g.end for g in s.groups) \
                or _PEOPLE_COUNTED_AFTER.match(seg, n.full_end):
            current = []
            continue
        if current and not _RUN_JOIN.fullmatch(seg, s.nums[current[-1]].full_end, n.start):
            current = []
        current.append(i)
        m = _VALUES_THEN_ARM.match(seg, n.full_end)
        arm = next((g.name for g in s.groups if m is not None and g.start == m.end()), "")
        if not arm:
            arm = _with_or_without(seg, n.full_end)
            if arm:
                plain.add(arm)
        if arm:
            runs.append((current, arm))
            current = []
    if len({arm for _, arm in runs}) < 2:
        return
    if plain and not (len(plain) == 2 and {a.removeprefix("no ") for a in plain} == {min(plain, key=len)}):
        return      # arms named only by "with X" / "without X" must be exactly those two
    for run, arm in runs:
        first = s.nums[run[0]]
        if _CHANGED_TO.search(seg, 0, first.start):
            continue        # "the median EDSS decreased from 7 to 5 on X": a change within the arm, not its level
        quantity = _quantity(seg, first.start)
        names = [q for q in _QUANTITY_JOIN.split(quantity) if q] if len(run) > 1 else [quantity]
        if len(names) != len(run):
            continue        # "2.8 and 13.2 months in X" needs the two quantities it lists ("PFS and OS")
        for i, name in zip(run, names):
            n = s.nums[i]
            est = Estimate("MEDIAN", n.value, n.text, n.start, n.full_end, kind="median", arm_hint=arm)
            est.total = s.state.arm_sizes.get(arm)
            est.outcome_hint = name
            s.claimed.add(i)
            s.estimates.append(est)


# a time to an event named by its outcome: "PFS", "overall survival", "survival time"
_SURVIVAL_NAMED = prefiltered(re.compile(r"\b(?-i:RFS|PFS|OS|DFS|EFS|TTP)\b|\b(?:overall|progression-free|disease-free|relapse-free|"
                             r"recurrence-free|event-free)\s+survival\b|\bsurvival\s+times?\b", re.I))
_TIME_UNIT_WORD = r"(?:months?|weeks?|days?|years?)"
_PAIR_GAP = re.compile(r"\s*" + _TIME_UNIT_WORD + r"?\s*(?:vs\.?|versus)\s*")
_PAIR_TAIL = re.compile(r"\s*" + _TIME_UNIT_WORD + r"\s+(?:in|with|for|on)\s+(?:the\s+)?(?:patients\s+(?:on|receiving)\s+)?")


def survival_time_pairs(s: Sentence) -> None:
    """ "Combined treatment was not associated with superior PFS to X alone in patients with ... (13.5 vs. 10.2
    months in X alone)": a time to an event printed for each arm of a two-arm trial, the second value's arm named
    after it, is each arm's median (a survival time printed per arm is the Kaplan-Meier median), the first the
    other arm's. Not where the sentence says the values are means, or prints an interval or a ratio for them."""
    seg = s.seg
    if "|" in seg or not _SURVIVAL_NAMED.search(seg) or _MEAN_WORD.search(seg) or _INTERVAL_OR_RATIO.search(seg):
        return
    two = s.state.two_arms()
    if len(two) != 2:
        return
    for i in range(len(s.nums) - 1):
        a, b = s.nums[i], s.nums[i + 1]
        if not (s.free(i) and s.free(i + 1)) or a.percent or b.percent or not _PAIR_GAP.fullmatch(seg, a.full_end, b.start):
            continue
        tail = _PAIR_TAIL.match(seg, b.full_end)
        arm = next((g.name for g in s.groups if tail is not None and g.start == tail.end()), "")
        if arm not in two:
            continue
        found = None
        for m in _SURVIVAL_NAMED.finditer(seg, 0, a.start):
            found = m
        for idx, name in ((i, next(x for x in two if x != arm)), (i + 1, arm)):
            n = s.nums[idx]
            est = Estimate("MEDIAN", n.value, n.text, n.start, n.full_end, kind="median", arm_hint=name)
            est.total = s.state.arm_sizes.get(name)
            est.outcome_hint = found.group(0) if found else ""
            s.claimed.add(idx)
            s.estimates.append(est)


# "the mean scores were 14.5 in the A group and 16.4 in the B group", "the adjusted annual rate of change was
# -114.7 ml with A versus -239.9 ml with B": two arms' means printed without a spread, each with its arm
# ("pain reductions of 3.87 in the A group, 4.33 in the B group": an amount of change per arm is its mean change)
_GROUP_NAMED = re.compile(r"(?P<name>[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,4}?)\s+(?:group|arm)\b|"
                          r"(?P<code>(?:[Gg]roup|[Aa]rm)\s+(?:[A-Z]{1,2}|[0-9]{1,2}|I{1,3}|IV)\b)")


# groups of a cohort that are no arm ("the whole group", "the same group", "the age group")
_NOT_A_TREATMENT_GROUP = re.compile(r"\b(?:whole|entire|same|other|age|older|younger|elderly|this|that|"
                                    r"former|latter|respective|corresponding|risk|high-risk|low-risk)\b", re.I)


def group_named_at(seg: str, pos: int) -> str:
    """The arm a group phrase starting at `pos` names: "the nutrition program group" -> "nutrition program",
    "group B" -> "group B"; "" for a phrase naming no treatment ("the whole group", "the age group")."""
    named = _GROUP_NAMED.match(seg, pos)
    if named is None:
        return ""
    if named.group("code"):
        return "group " + named.group("code").split()[-1]
    if _NOT_AN_ARM_NAME.search(named.group("name")) or _NOT_A_TREATMENT_GROUP.search(named.group("name")):
        return ""
    return re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", named.group("name")).lower())
_MEAN_CLAUSE = prefiltered(re.compile(r"\b(?:mean|average|means|rates?\s+of\s+change|"
                                      r"(?:reductions?|decreases?|increases?|improvements?|changes?|gains?|losses?)\s+of)\b", re.I))
_VALUE_FOR_ARM = re.compile(r"\s*(?:[a-zA-Z\u00b5%/]{1,8}\s+)?(?:in\s+the\s+|in\s+(?=(?:group|arm)\s+[A-Z0-9I])|with\s+|among\s+|under\s+|for\s+the\s+)", re.I)
_PAIR_JOIN = re.compile(r"[^.;\d]{0,60}?(?:\band\b|\bvs\.?|\bversus\b|\bcompared\s+(?:with|to)\b|\b(?:as\s+)?against\b|"
                        r"\bas\s+opposed\s+to\b|\bwhereas\b|\bwhile\b|,)\s*(?:with\s+|in\s+|by\s+|for\s+)?$", re.I)
# "6 (1\u201342) days": a bare pair in brackets after a mean; not centred on it, it is no interval of the mean but its range
_RANGE_AFTER = re.compile(r"(?:\s*(?:days?|weeks?|months?|years?|hours?|h|min|minutes?|points?|[a-zA-Z\u00b5%/]{1,6}(?=\s*[(\[]))?)?\s*[(\[]\s*(?:range\s*[:,]?\s*)?(?P<lo>-?\d+(?:\.\d+)?)\s*(?:-|\u2013|\u2014|to)\s*(?P<hi>-?\d+(?:\.\d+)?)\s*[)\]]", re.I)
# "Mean duration of X was reduced from 6.3 to 4.5 days under the new algorithm": the control's mean, then the
# arm's named after the pair
_FROM_TO = re.compile(r"\b(?:reduced|decreased|shortened|increased|lengthened|fell|rose|dropped)\s+from\s+(?P<a>\d+(?:\.\d+)?)"
                      r"\s+to\s+(?P<b>\d+(?:\.\d+)?)\s*(?P<unit>[a-zA-Z%]{1,8}\s+)?(?:under|with|in|on|by)\s+", re.I)


def bare_means(s: Sentence) -> None:
    """Two arms' means printed without a spread: values each followed by their arm, or "reduced from a to b ...
    under X" (a the other arm's). Only in a clause that says the values are means; never a percentage."""
    seg = s.seg
    if "|" in seg or not _MEAN_CLAUSE.search(seg) or _NOT_A_LEVEL.search(seg[:_first_number(s)]):
        return
    # a list closed by its arms ("3.82 and 3.88 mmol/L for the A and B groups, respectively") before a value
    # followed by an arm: the list's last value is not the first listed arm's
    found: list[tuple[int, str]] = _listed_bare_means(s)
    listed = {i for i, _ in found}
    for i, n in enumerate(s.nums):
        if i in listed or not s.free(i) or n.percent or _TIME_UNIT.match(seg, n.full_end):
            continue
        gap = _VALUE_FOR_ARM.match(seg, _past_range(seg, n))
        if gap is None:
            continue
        arm = next((g.name for g in s.groups if g.start == gap.end()), "")
        if not arm:
            # "3.87 in the lidocaine plus ketorolac group, 4.33 in the ketorolac monotherapy group": an arm the lexicon
            # does not know, named as a group
            arm = group_named_at(seg, gap.end())
        if not arm:
            continue
        found.append((i, arm))
    found.sort()
    pairs = [(a, b) for a, b in zip(found, found[1:])
             if a[1] != b[1] and _PAIR_JOIN.search(seg[_past_range(seg, s.nums[a[0]]):s.nums[b[0]].start])]
    kept: set[int] = set()
    for pair in pairs:
        for i, arm in pair:
            if i in kept:
                continue
            kept.add(i)
            _bare_mean(s, i, arm)
    if kept:
        return
    m = _FROM_TO.search(seg)
    two = s.state.two_arms()
    if m is None or len(two) != 2:
        return
    after = next((g for g in s.groups if g.start >= m.end() and g.start - m.end() <= 30), None)
    if after is None or after.name not in two:
        return
    other = next(x for x in two if x != after.name)
    for group, arm in (("a", other), ("b", after.name)):
        idx = s.num_at(m.start(group), m.end(group))
        if idx and s.free(idx[0]):
            _bare_mean(s, idx[0], arm)


# "were 3.82 and 3.88 mmol/L for the A and B groups, respectively": bare values in a list, then their arms
_BARE_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


_CORRESPONDING = re.compile(r"\b(?:corresponding|respective)\b", re.I)


def _listed_bare_means(s: Sentence) -> list[tuple[int, str]]:
    """Two or three bare values joined by commas or 'and' (one unit after the last), followed by the list of their
    arms closed by 'respectively', in a clause that says the values are means."""
    seg = s.seg
    out: list[tuple[int, str]] = []
    run: list[int] = []

    def close(run: list[int]) -> None:
        if not 2 <= len(run) <= 3:
            return
        last = s.nums[run[-1]]
        end = _unit_end(seg, last.full_end)
        if not re.match(r"[^.;]{0,70}\brespectively\b", seg[end:end + 90]):
            return
        names = s.arms_listed_after(end, len(run))
        clause = seg[_clause_start(seg, s.nums[run[0]].start):s.nums[run[0]].start]
        if names is None and _CORRESPONDING.search(clause) and not s.groups and len(s.state.last_arm_list) == len(run):
            # "The corresponding mean pre-dose values were 3.83 and 4.01 mmol/L, respectively": the arms of the list
            # before, in its order
            names = list(s.state.last_arm_list)
        if names and _MEAN_WORD.search(clause) and not _NOT_A_LEVEL.search(clause):
            out.extend(zip(run, names))
            s.state.last_arm_list = tuple(names)

    for i, n in enumerate(s.nums):
        usable = s.free(i) and not n.percent and not _TIME_UNIT.match(seg, n.full_end)
        if usable and run and _BARE_LIST_GAP.fullmatch(seg, s.nums[run[-1]].full_end, n.start):
            run.append(i)
            continue
        close(run)
        run = [i] if usable else []
    close(run)
    return out


_TIME_UNIT = re.compile(r"\s*(?:weeks?|months?|years?)\b(?!\s+(?:in|with|among|under)\b)", re.I)


def _first_number(s: Sentence) -> int:
    return s.nums[0].start if s.nums else len(s.seg)


# "The mean anxiety score decreased by 3.6 points in the A group and by 1.9 points in the B group": each arm's
# change, the quantity named between "mean" and the verb; a fall is a negative change
_CHANGED_BY = re.compile(r"\b(?:mean|average)\s+(?P<q>(?:[\w-]+\s+){0,4}?[\w-]+?)\s+(?P<verb>decreased|reduced|fell|dropped|"
                         r"declined|increased|rose)\s+by\s", re.I)
_FALL_VERBS = frozenset(("decreased", "reduced", "fell", "dropped", "declined"))


def _bare_mean(s: Sentence, i: int, arm: str) -> None:
    n = s.nums[i]
    est = Estimate("MEAN", n.value, n.text, n.start, n.full_end, kind="mean", arm_hint=arm)
    est.total = s.state.arm_sizes.get(arm)
    est.outcome_hint = _quantity(s.seg, n.start)
    _take_range(s, n, est)
    clause = s.seg[_clause_start(s.seg, n.start):n.start]
    if not est.outcome_hint:
        named = None
        for named in _CHANGE_OF.finditer(clause):
            pass
        if named is not None:
            words = re.sub(r"^(?:with|the|a|an|and|of|in)\s+", "", named.group("q").lower())
            est.outcome_hint = "change in " + words
    changed = None
    for changed in _CHANGED_BY.finditer(s.seg, 0, n.start):
        pass
    if changed is not None and not n.signed and not re.search(r"\.\s|;|\b(?:from|to)\b", s.seg[changed.end():n.start]):
        est.outcome_hint = "change in " + re.sub(r"\s+", " ", changed.group("q")).strip()
        if changed.group("verb").lower() in _FALL_VERBS and est.value > 0:
            est.value = -est.value
    elif _CHANGE.search(clause) or _FROM_TO.search(s.seg):
        # "the mean change in EDSS from baseline was -0.2 in the A group": a change, the outcome says so
        if est.outcome_hint and not _CHANGE.search(est.outcome_hint):
            est.outcome_hint = "change in " + est.outcome_hint
    elif _BASELINE_HINT.search(clause):
        est.role = "baseline"
    s.claimed.add(i)
    s.estimates.append(est)


def _past_range(seg: str, n) -> int:
    """Where the words after a bare value start: past a bracketed pair printed right after it."""
    m = _RANGE_AFTER.match(seg, n.end)
    return m.end() if m else n.full_end


def _group_named_after(seg: str, pos: int) -> str:
    """ "12.1 \u00b1 3.0 in the ketamine group", "6.2 (1.1) mmHg in group B": an arm the lexicon and the study model do not
    know, named as a group right after the value (the sentence's own names when the model has none)."""
    if len(_GROUP_WORD.findall(seg)) < 2:
        return ""     # one group named: a cohort's description, not one arm of a comparison
    gap = _VALUE_FOR_ARM.match(seg, _unit_end(seg, pos))
    return group_named_at(seg, gap.end()) if gap else ""


_GROUP_WORD = re.compile(r"\b(?:groups?|arms?)\b", re.I)


def _take_range(s: Sentence, n, est: Estimate) -> None:
    """A bare mean's bracketed pair kept as its range when the mean lies inside it off its centre (an interval of
    a mean is centred on it; a labelled "range" is a range wherever the mean lies)."""
    m = _RANGE_AFTER.match(s.seg, n.end)
    if m is None:
        return
    lo, hi = float(m.group("lo")), float(m.group("hi"))
    labelled = "range" in m.group(0).lower()
    if not lo <= n.value <= hi or hi <= lo or (not labelled and abs((lo + hi) / 2 - n.value) <= 0.1 * (hi - lo)):
        return
    est.range_low, est.range_high = lo, hi
    est.tail_end = max(est.tail_end or 0, m.end())


# a measure or a contrast named in the clause before a list of intervals: the values are effects, not arm means
_EFFECT_BEFORE = re.compile(r"\b(?:difference|differences|ratio|ratios|HR|OR|RR|MD|SMD|reduction\s+in\s+(?:the\s+)?risk)\b",
                            re.I)


# "compared with placebo", "versus the B group", "placebo-corrected": values set against an arm are differences
_AGAINST = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|against|over)\s+(?:the\s+|a\s+)?$", re.I)
_CORRECTED = re.compile(r"\b[\w-]+-(?:corrected|adjusted|subtracted)\b", re.I)


def _clause_end(seg: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(seg, pos)
    return m.start() if m else len(seg)


def _against_an_arm(s: Sentence, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` set the values against an arm ("compared with placebo", "versus the
    B group") or call them corrected for one ("placebo-corrected"): then they are differences, no arm's mean."""
    if _CORRECTED.search(s.seg, start, end):
        return True
    # (the arm set against opens or closes the clause, no value on its side: "Compared with placebo, ...", "...,
    # respectively, versus placebo"; not "-1.2 (...) with A compared with -0.3 (...) with B", each arm's own value)
    return any(start <= g.start < end and _AGAINST.search(s.seg, max(start, g.start - 30), g.start)
               and (not re.search(r"\d", s.seg[start:g.start]) or not re.search(r"\d", s.seg[g.end:end]))
               for g in s.groups)


def interval_means(s: Sentence) -> None:
    """Two or three arms' means each printed with its own interval, in one list that names its arms ("+3.75 (3.16
    to 4.34) versus +2.61 (95% CI 1.99 to 3.23)", "changes were 1.9 [-0.1 to 3.9] and 0.6 [-1.2 to 2.5] fibers/mm,
    respectively"): a MEAN row per arm with its interval, never one difference per value. A bare bracket takes
    the level of a labelled interval in the same list; a list with no label keeps its intervals unlabelled (no SD
    is derived from them, flag interval_unlabelled)."""
    seg = s.seg
    if "|" in seg or ("(" not in seg and "[" not in seg):
        return
    found = _summaries(s, "mean_ci", "median_spread")
    found = [su for su in found if su.ci is not None or (su.kind == "median" and not su.label)]
    runs: list[list[Summary]] = []
    for su in found:
        if runs and _LIST_GAP.fullmatch(seg, runs[-1][-1].end, su.start):
            runs[-1].append(su)
        else:
            runs.append([su])
    _each_with_its_arm(s, [su for run in runs if len(run) == 1 for su in run if su.ci is not None])
    for run in runs:
        if not 2 <= len(run) <= 3:
            continue
        clause = seg[_clause_start(seg, run[0].start):run[0].start]
        if _EFFECT_BEFORE.search(clause) or MEDIAN_DECLARED.search(clause):
            continue
        if _against_an_arm(s, _clause_start(seg, run[0].start), _clause_end(seg, run[-1].end)):
            continue        # "compared with placebo, changes ranged from x (CI) to y (CI) for A to B": differences
        end = _unit_end(seg, run[-1].end)
        respectively = re.match(r"[^.;]{0,60}\brespectively\b", seg[end:end + 80])
        if not (_MEAN_WORD.search(clause) or _CHANGE.search(clause) or respectively):
            continue
        level = next((su.ci[2] for su in run if su.ci is not None), None)
        as_means = [su if su.ci is not None else
                    replace(su, kind="mean", ci=(su.q1, su.q3, level), q1=None, q3=None, label="CI" if level else "")
                    for su in run]
        listed = _listed_arms(s, as_means)
        if len(listed) != len(as_means):
            continue
        for su in as_means:
            idx = s.num_at(su.center_start, su.center_end)
            if not idx or not s.free(idx[0]):
                break
        else:
            for su in as_means:
                _interval_mean(s, su, listed[id(su)], level)




# "presented a decrease of 1.2 kg (CI 95% ...)", "increased by 0.6 kg (95% CI ...)": the words of a change right before
# its value (a fall's value is stored negative)
_CHANGE_BEFORE = re.compile(r"\b(?:decreased|increased|improved|declined|fell|rose|dropped|reduced|changed|gained|lost)\s+by\s*$"
                            r"|\b(?:decrease|increase|reduction|decline|fall|drop|rise|gain|loss|improvement|change)\s+of\s*$",
                            re.I)
_DOWNWARD = re.compile(r"\b(?:decreased?|declined?|fell|fall|dropped|drop|reduced|reduction|lost|loss)\b", re.I)


def _arm_before(s: Sentence, su: Summary) -> str:
    """ "the patients in the A group presented a decrease of 1.2 kg (...)": the arm named shortly before a value
    its change words introduce, with no other number or clause break between."""
    named = [g for g in s.groups if g.end <= su.center_start and su.center_start - g.end <= 60]
    if not named or re.search(r"[\d;]", s.seg[named[-1].end:su.center_start]):
        return ""
    return named[-1].name


def _each_with_its_arm(s: Sentence, singles: list[Summary]) -> None:
    """Two or three labelled intervals, each with its own arm: followed by it ("-4.2 (95% CI ...) in the A group and
    -2.1 (95% CI ...) in the B group", "fell by 4.2 points (95% CI ...) with A and by 2.1 points (...) with B"), or
    preceded by it with the words of a change ("the A group presented a decrease of 1.2 kg (CI 95% ...) while the B
    group showed an increase of 0.6 kg (...)"), in a clause about arms' means or changes that names no difference: a
    MEAN row per arm."""
    seg = s.seg
    picked = []
    for su in singles:
        own = _CHANGE_BEFORE.search(seg[max(0, su.center_start - 40):su.center_start])
        arm = s.arm_named(su.center_start, _unit_end(seg, su.end)) or (_arm_before(s, su) if own else "")
        idx = s.num_at(su.center_start, su.center_end)
        if arm and idx and s.free(idx[0]):
            picked.append((su, arm, own))
    if not 2 <= len(picked) <= 3 or len({arm for _, arm, _ in picked}) != len(picked):
        return
    clause = seg[_clause_start(seg, picked[0][0].start):picked[0][0].start]
    if _EFFECT_BEFORE.search(clause) or re.search(r"\bmedians?\b", clause, re.I) or \
            _clause_start(seg, picked[-1][0].start) != _clause_start(seg, picked[0][0].start):
        return
    if _against_an_arm(s, _clause_start(seg, picked[0][0].start), _clause_end(seg, picked[-1][0].end)):
        return      # "compared with placebo, changes ranged from x (CI) for A to y (CI) for B": differences
    # "decreased by 4.2 (...) with A and by 2.1 (...) with B": the verb before the first value governs the others
    first = picked[0][2]
    governed = [bool(first) and bool(re.search(r"(?:\band|,)\s+by\s*$", seg[:su.center_start])) for su, _, _ in picked]
    if not (_MEAN_WORD.search(clause) or _CHANGE.search(clause)
            or all(own or by for (_, _, own), by in zip(picked, governed))):
        return
    for (su, arm, own), by in zip(picked, governed):
        words = own or (first if by else None)
        if words and _DOWNWARD.search(words.group(0)) and su.center > 0:
            # "decreased by 4.2 (3.3 to 5.1)": the change is -4.2 (-5.1 to -3.3)
            lo, hi, level = su.ci
            su = replace(su, center=-su.center, ci=(-hi, -lo, level))
        _interval_mean(s, su, arm, su.ci[2])


def _interval_mean(s: Sentence, su: Summary, arm: str, level: float | None) -> None:
    seg = s.seg
    est = Estimate("MEAN", su.center, seg[su.center_start:su.center_end].strip(), su.center_start, su.end,
                   kind="mean", arm_hint=arm)
    n = est.total = s.state.arm_sizes.get(arm)
    lo, hi, _ = su.ci
    est.ci_low, est.ci_high = lo, hi
    if level is None:
        est.flags.append("interval_unlabelled")
    else:
        est.ci_level = level
        if n and n > 1 and lo is not None and hi is not None:
            est.sd = round(math.sqrt(n) * (hi - lo) / (2 * _quantile(level, n)), 10)
            est.flags.append("sd_from_ci")
    est.outcome_hint = _quantity(seg, su.center_start)
    clause = seg[_clause_start(seg, su.center_start):su.center_start]
    if _CHANGE.search(clause) and est.outcome_hint and not _CHANGE.search(est.outcome_hint):
        est.outcome_hint = "change in " + est.outcome_hint
    s.claim_span(su.start, su.end)
    est.tail_end = su.end
    s.estimates.append(est)


# "the mean (s.d.) concentration increased from 5.2 (4.1) to 53.9 (18.5) nmol/l in the A group", "rose from 7.9 ±
# 0.6 % to 7.4 ± 0.7 % with A": one arm's level before and after, each with its spread
_SPREAD_AFTER = r"(?:\(\s*(?:SD\s*[:=]?\s*)?(?P<{0}>\d+(?:\.\d+)?)\s*\)|(?:\u00b1|\+/-)\s*(?P<{1}>\d+(?:\.\d+)?))"
_UNIT = r"(?:\s*[a-zA-Z%\u00b5\u03bc]{1,6}(?:/[a-zA-Z0-9]{1,6})?)?"
_ARM_FROM_TO = start_guarded(re.compile(
    r"\b(?:increased|decreased|rose|fell|declined|dropped|changed|improved|reduced|went\s+(?:up|down))\s+from\s+"
    r"(?P<a>[-\u2212]?\d+(?:\.\d+)?)" + _UNIT + r"\s*" + _SPREAD_AFTER.format("sa", "pa") + _UNIT + r"\s+to\s+"
    r"(?P<b>[-\u2212]?\d+(?:\.\d+)?)" + _UNIT + r"\s*" + _SPREAD_AFTER.format("sb", "pb") + _UNIT
    + r"\s+(?:in|among|with|for|on)\s+(?:the\s+)?(?P<arm>[A-Za-z][^.;,()]{0,50}?)(?:\s+(?:group|arm)\b|(?=\s*[.;,]|\s+and\b|\s*$))",
    re.I))
_SD_WORD = re.compile(r"\b(?:SDs?|s\.d\.|standard\s+deviations?)\b|\(\s*SD\s*\)", re.I)


def arm_before_after(s: Sentence) -> None:
    """One arm's mean before and after, each with its spread, in a clause about a level that changed: a MEAN row
    at baseline (role hint "baseline") and one after, of the arm named after them. A bare bracket is an SD only
    where the sentence says the spreads are SDs; a bare "±" follows the document's convention (SE where its
    methods say "mean ± SE")."""
    seg = s.seg
    if "from" not in seg or "|" in seg:
        return
    previous_end = 0
    for m in _ARM_FROM_TO.finditer(seg):
        bracketed = m.group("sa") is not None or m.group("sb") is not None
        if bracketed and not _SD_WORD.search(seg) or not bracketed and s.state.plus_minus == "SE":
            continue
        named = [mm for mm in s.mentions if m.start("arm") <= mm.start and mm.end <= m.end("arm") + 6]
        arm = named[0].canonical if named else s.arm_named(m.start("arm"), m.end("arm") + 6)
        idx = s.num_at(m.start("a"), m.end("a")) + s.num_at(m.start("b"), m.end("b"))
        if not arm or len(idx) != 2 or any(not s.free(i) for i in idx):
            continue
        size = s.state.arm_sizes.get(arm)
        quantity = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", seg[max(previous_end, _clause_start(seg, m.start())):m.start()])
        previous_end = m.end()
        quantity = re.sub(r"^.*:\s", "", re.sub(r"\s+", " ", quantity))      # "Results: The mean ..."
        quantity = re.sub(r"(?i)^\W*(?:and\s+)?(?:the\s+)?(?:mean|average)?\s*", "", quantity).strip(" ,")
        for value, spread, role in ((m.group("a"), m.group("sa") or m.group("pa"), "baseline"),
                                    (m.group("b"), m.group("sb") or m.group("pb"), None)):
            est = Estimate("MEAN", float(value.replace("\u2212", "-")), value, m.start(), m.end(), kind="arm-before-after",
                           arm_hint=arm)
            est.sd, est.total, est.role = float(spread), size, role
            est.outcome_hint = quantity.lower() if 2 < len(quantity) <= 80 else ""
            if role == "baseline":
                est.timepoint = "baseline"
            s.estimates.append(est)
        s.claim_span(m.start("a"), m.end())


# "improvement in X in the A group (mean change from baseline = 0.69%-units, p = 0.001) but not in the B group (mean
# change = 0.11%-units, p = 0.33)": each arm's own mean, opening a bracket right after the arm
_MEAN_OPENS_BRACKET = re.compile(r"\s*(?:group|arm)?\s*[(\[]\s*(?:the\s+)?(?:mean|average)\s*(?P<q>(?:[A-Za-z][\w-]*\s+){0,4}?(?:[A-Za-z][\w-]*)?)"
                                 r"\s*(?:=|:|of|was|,)?\s*(?=[-+\u2212]?\d)", re.I)
_UNIT_AFTER_MEAN = re.compile(r"\s*(?:%-?\s*units?|%\s*points?|percentage\s+points?|points?|units?|[a-zA-Z\u00b5/]{1,8})?\s*(?:[,;)\]])", re.I)


def means_opening_arm_brackets(s: Sentence) -> None:
    """An arm's mean (or mean change) printed as the first words of a bracket right after the arm's name, without a
    spread: a MEAN row of that arm (its size the arm's)."""
    seg = s.seg
    if "(" not in seg and "[" not in seg or not _MEAN_WORD.search(seg):
        return
    named = ""
    for g in s.groups:
        m = _MEAN_OPENS_BRACKET.match(seg, g.end)
        if m is None or _NOT_A_LEVEL.search(m.group("q")):
            continue
        i = next((k for k, n in enumerate(s.nums) if n.start in (m.end(), m.end() + 1)), None)
        if i is None or not s.free(i):
            continue
        n = s.nums[i]
        if n.percent and not re.match(r"-?\s*units?|\s*points?", seg[n.full_end:n.full_end + 8]):
            continue        # "(mean 45%)": a share, not a level
        if not _UNIT_AFTER_MEAN.match(seg, n.full_end if not n.percent else n.end) \
                or any(su.center_start == n.start for su in s.parse("mean_labelled")):
            continue        # a spread or interval follows ("mean = 3.1, SD = 0.4"): the rules for mean ± SD, mean
                            # (95% CI) and the labelled mean read it
        est = Estimate("MEAN", n.value, n.text, n.start, n.full_end, kind="mean", arm_hint=g.name)
        est.total = s.state.arm_sizes.get(g.name)
        q = re.sub(r"\s+", " ", m.group("q")).strip().lower()
        # "... but not in the B group (mean change = ...)": the quantity the sentence named for the first arm
        named = _quantity_named_before(seg, g.start) or named
        est.outcome_hint = ("change in " + named) if _CHANGE.search(q) and named else (named or q)
        s.claimed.add(i)
        s.attach_p(est, n.full_end)
        s.estimates.append(est)


# "a statistically significant improvement in GHbA1c in the A group": the quantity named before the arm
_QUANTITY_BEFORE_ARM = re.compile(r"\b(?:improvement|change|reduction|increase|decrease|rise|fall)s?\s+in\s+(?P<q>[\w-]+(?:\s+[\w-]+){0,2}?)"
                                  r"\s+(?:in|with|among|for)\s+(?:the\s+)?$", re.I)


def _quantity_named_before(seg: str, pos: int) -> str:
    m = _QUANTITY_BEFORE_ARM.search(seg, max(0, pos - 80), pos)
    return re.sub(r"\s+", " ", m.group("q")).lower() if m else ""


# "(10.1 vs 10.1 (mean difference; MD) -0.00, 95% CI ...)", "48.2 versus 45.0 points (difference 3.2; 95% CI ...)": two
# bare values right before the difference they make are the two arms' means
_PAIR_BEFORE_DIFFERENCE = re.compile(r"(?<![\w.])(?P<a>[-+]?\d+(?:\.\d+)?)\s*(?:[a-zA-Z%/\u00b5]{1,8}\s*)?(?:vs\.?|versus|v)\s*"
                                     r"(?P<b>[-+]?\d+(?:\.\d+)?)\s*(?:[a-zA-Z%/\u00b5]{1,8}\.?\s*)?[^\d.]{0,45}$", re.I)


def means_before_their_difference(s: Sentence) -> None:
    """Two arms' means printed as a pair right before a mean difference that equals their difference (to the
    printed precision): a MEAN row per arm, the first the arm the difference is of."""
    seg = s.seg
    for est in list(s.estimates):
        if est.measure != "MD" or est.value is None:
            continue
        m = _PAIR_BEFORE_DIFFERENCE.search(seg, max(0, est.start - 90), est.start)
        if m is None:
            continue
        a, b = float(m.group("a")), float(m.group("b"))
        decimals = max(len(x.split(".")[1]) if "." in x else 0 for x in (m.group("a"), m.group("b")))
        slack = 1.01 * 10 ** -decimals + 1e-9
        if abs((a - b) - est.value) > slack and abs((b - a) - est.value) > slack:
            continue
        ia = s.num_at(m.start("a"), m.end("a"))
        ib = s.num_at(m.start("b"), m.end("b"))
        if not ia or not ib or not s.free(ia[0]) or not s.free(ib[0]):
            continue
        arms = list(s.comparison_order() or s.state.two_arms() or ("", ""))
        if abs((a - b) - est.value) > slack:
            arms.reverse()      # the difference is the second value's minus the first's
        for i, arm in zip((ia[0], ib[0]), arms):
            n = s.nums[i]
            row = Estimate("MEAN", n.value, n.text, n.start, n.full_end, kind="mean", arm_hint=arm)
            row.total = s.state.arm_sizes.get(arm) if arm else None
            row.outcome_hint = est.outcome_hint
            s.claimed.add(i)
            s.estimates.append(row)
