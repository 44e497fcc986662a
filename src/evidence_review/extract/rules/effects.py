"""Rules for comparative effects and rates: each reads one sentence (`Sentence`) and adds the estimates it
explains. Their order, names and examples are in registry.py."""
from __future__ import annotations

import re

from .. import patterns as P
from ..grammar import CI_LABEL, NUM, UNSIGNED, WITHIN_ONE_ARM, Interval, Num, back_transform, parse_number
from ..model import Estimate
from ...regexfilter import prefiltered
from ..startguard import start_guarded
from ...tables import VITAL_SIGN_LOOKALIKES
from ..sentence import OTHER_QUANTITY, PERCENTAGE_POINTS, Sentence

_SURVIVAL = re.compile(r"\b(?:survival|probability|predicted|kaplan|cumulative|estimated\s+(?:proportion|risk))\b", re.I)
# "C statistic 0.79 (95% CI 0.72-0.86)", "AUC of 0.81": a model's accuracy, with an interval but not an effect;
# "number needed to treat 20 (95% CI 13 to 45)": a derived count, not a measure the pipeline pools
_ACCURACY_STAT = re.compile(
    r"\b(?:C[- ]?statistics?|c[- ]?index|concordance(?:\s+index)?|AUC|AUROC|area\s+under\s+(?:the\s+)?(?:ROC\s+|receiver[\w\s-]*?)?curve|"
    r"sensitivity|specificity|kappa|ICC|intraclass\s+correlation|correlation(?:\s+coefficient)?|Spearman|Pearson|"
    r"number\s+needed\s+to\s+(?:treat|harm)|NNT|NNH|"
    # "the minimal clinically important difference was 1.5 points (95% CI ...)": a threshold of the scale, no estimate
    r"minim(?:al|um)(?:ly)?\s+(?:clinically\s+)?(?:important|relevant|meaningful)\s+differences?|MCID|MCIC)\b[^\d;]{0,12}$", re.I)
_SPREAD_WORDS = re.compile(r"\b(?:median|IQR|interquartile|range)\b", re.I)
LOG_SCALE_FLAG = "log_scale_back_transformed"


def _log_code(code: str) -> tuple[str, bool]:
    """ "LOG_OR" -> ("OR", True): a ratio printed on the log scale."""
    return (code[4:], True) if code.startswith("LOG_") else (code, False)


_EFFICACY_BEFORE = re.compile(r"\befficacy\s*(?:of|was|=|:|,)?\s*$", re.I)
_ON_LOG_SCALE = re.compile(r"\bon\s+(?:the\s+|a\s+)?(?:natural\s+)?log(?:arithmic)?(?:\s+|-)scale\b", re.I)


def _back_transform(est: Estimate) -> None:
    est.value, est.ci_low, est.ci_high = back_transform(est.value), back_transform(est.ci_low), back_transform(est.ci_high)
    est.flags.append(LOG_SCALE_FLAG)


# "-1.9 kg, -3.6 kg, and -5.5 kg, respectively": values that each carry the same unit, closed by "respectively"
_UNIT_LIST = re.compile(r"[-+]?\s?\d+(?:\.\d+)?\s*(?P<u>[A-Za-z\u00b5\u03bc/]{1,8})(?:\s*,\s*(?:and\s+)?[-+]?\s?\d+(?:\.\d+)?\s*(?P=u)\b)+"
                        r"\s*,?\s*respectively\b")


# "The mean variation of HR was 34.33", "the maximum HR", "a rise in RR": a summary of a heart (or respiratory) rate,
# which no hazard ratio or risk ratio is (a ratio is never averaged, nor its maximum taken)
_VITAL_SIGN = re.compile(r"\b(?:mean|average|variation|variability|change|changes|maximum|minimum|max|min|peak|resting|"
                         r"rise|fall|drop|increase|decrease)\s+(?:[\w-]+\s+){0,2}?(?:(?:of|in)\s+)?(?:the\s+)?(?:HR|RR)\b"
                         r"[^.;()]{0,25}$")
# "the maximum observed difference between the two devices", "Bland-Altman ... mean difference", "limits of
# agreement": a difference between methods of measuring (or its extreme), not between arms
_AGREEMENT = re.compile(r"\b(?:Bland|limits?\s+of\s+agreement|(?:maximum|minimum|largest|smallest|max|min)\s+(?:observed\s+)?"
                        r"(?:absolute\s+)?difference|difference\s+between\s+(?:the\s+)?(?:two\s+|both\s+)?(?:devices|methods|"
                        r"measurements|instruments|observers|raters|readers|techniques|sensors|monitors|assays|scanners|"
                        r"analy[sz]ers|readings))\b[^.;]*$", re.I)
_PER_MINUTE = re.compile(r"\s*(?:beats|bpm|breaths|/\s*min\b|per\s+min)", re.I)


# (searched once per sentence: behind its literal prefilter, a sentence without its words is answered at once)
# what a report says that is not a result: its aim, hypothesis or sample size ("to evaluate differences ... if the site
# is 2 cm from ...", "to detect a difference of 10%"), worked arithmetic ("difference 377=1033-656")
_AIM_OR_PLAN = prefiltered(start_guarded(re.compile(r"\b(?:(?:the\s+)?(?:aim|objective|purpose|goal)s?\s+(?:of\s+[^.;]{0,60}?)?(?:was|were|is|are)\s+to|"
                          r"we\s+hypothesi[sz]ed|hypothesis\s+(?:was|is)|was\s+designed\s+to|sample\s+size|in\s+designing|"
                          r"would\s+(?:require|need)|non-?inferiority\s+margin|"
                          r"(?:we\s+)?(?:expected|assumed|anticipated)\s+an?\s+(?:[\w-]+\s+){0,3}(?:ratio|difference|reduction|rate)|"
                          # "a hazard ratio of 0.65 was considered clinically relevant", "a difference of 10% was anticipated"
                          r"(?:\d+\s*%|sufficient|statistical)\s+power\s+to|to\s+detect\s+an?\s+(?:\w+\s+){0,3}(?:difference|reduction|"
                          r"increase|change)|"
                          # a sample-size calculation borrowing other studies' effects: "we averaged the effect sizes found
                          # in an earlier study (d = 0.78) ... to determine an estimate of d = 0.66"
                          r"effect\s+sizes?\s+(?:found|reported|observed|seen)\s+in|to\s+determine\s+(?:an?\s+|the\s+)?"
                          r"(?:estimated?\s+|expected\s+)?(?:effect\s+size|estimate\s+of)|(?:expected|assumed|anticipated)\s+effect\s+size)\b", re.I)))
_ARITHMETIC_RIGHT = re.compile(r"\s*\d+(?:\.\d+)?\s*[-+\u2212\u00d7*/]\s*\d+(?:\.\d+)?")
_NUMBER_BEFORE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*$")


# a quantity set before the trial, not found by it: "a hazard ratio of 0.65 was considered clinically relevant", "a 20%
# dropout rate was anticipated" (the verb, a rare word, is looked up first)
_PLANNING_VERB = prefiltered(re.compile(r"\b(?:was|were|would\s+be)\s+(?:considered|regarded|deemed|anticipated|assumed|"
                                        r"hypothesi[sz]ed)\b", re.I))
# ("a difference of 50% between the groups was considered clinically significant": what the value is of, between)
_PLANNED_VALUE = re.compile(r"\ban?\s+(?:[\w-]+\s+){0,4}?(?:of\s+)?\d[\d.]*\s*%?\s*(?:[\w-]+\s+){0,5}?(?:was|were|would\s+be)\s+"
                            r"(?:(?:considered|regarded|deemed)\s+(?:to\s+be\s+)?(?:as\s+)?(?:clinically\s+)?"
                            r"(?:relevant|meaningful|important|worthwhile|significant)|anticipated|assumed|hypothesi[sz]ed)\b", re.I)


def _planned_value(seg: str) -> bool:
    return _PLANNING_VERB.search(seg) is not None and _PLANNED_VALUE.search(seg) is not None


def not_a_result(s: Sentence) -> bool:
    """The sentence gives no result: it states the aim, a hypothesis or the sample size (and prints no interval).
    Worked arithmetic is claimed. Worked out once per sentence."""
    cached = s.__dict__.get("_not_a_result")
    if cached is not None:
        return cached
    seg = s.seg
    at = seg.find("=")
    while at >= 0:      # only around each "=" (a search of the whole sentence costs more than every rule's pre-check)
        right = _ARITHMETIC_RIGHT.match(seg, at + 1)
        left = _NUMBER_BEFORE.search(seg, max(0, at - 14), at) if right else None
        if right and left:
            s.claim_span(left.start(), right.end())
        at = seg.find("=", at + 1)
    # (another study's figures are read here: the meaning step marks them role "secondary", and a primary report
    # keeps none of them, meaning.without_other_studies)
    verdict = bool((_AIM_OR_PLAN.search(seg) or _planned_value(seg)) and not s.cis)
    s.__dict__["_not_a_result"] = verdict
    return verdict


def labelled(s: Sentence) -> None:
    """A measure named right before its value: "HR = 1.8", "hazard ratio, 0.14", "lnOR -0.92"."""
    if not_a_result(s):
        return
    for i, n in enumerate(s.nums):
        if not s.free(i) or s.threshold_before(n):
            continue
        code = s.measure_before(n.start, n, strict=True)
        if code is None:
            continue
        if _interval_level(s, n):
            s.claimed.add(i)
            continue        # "The differences between agents with 95 % CI are given in Table 2": a level, no value
        code, log_scale = _log_code(code)
        unit_list = _UNIT_LIST.match(s.seg, n.start) if code in ("MD", "DIFF") else None
        if s.unit_after(n) and not s.seg[n.full_end:n.full_end + 12].lstrip().startswith(("/100", "per 100")):
            if not (code in ("MD", "SMD", "DIFF") and (s.points_after(n) or s.ci_after(n.full_end) is not None
                                                       or unit_list is not None or _quantity_then_p(s, n)
                                                       or (_past_its_unit(s, n, phrase=True) > n.full_end
                                                           and not _TIME_OR_COUNT_UNIT.match(s.seg, n.full_end)))):
                continue        # "mean difference -2.1 points", "(difference, 125.3 ml; 95% CI ...)": the
                                # quantity's unit, not a count
        measure = s.resolve(code, n)
        if measure in P.RATIO and n.percent:
            continue
        if measure in P.CONTINUOUS and _SD_AFTER.match(s.seg, n.full_end):
            s.claimed.add(i)
            continue        # "(MD = 11.83, SD = 18.11)": a mean change with its SD is one group's, not a difference
        if measure == "SMD" and _GENERIC_EFFECT_SIZE.match(s.seg, *_name_span(s, n)) and (
                n.percent or not _EFFECT_SIZE_GAP.fullmatch(s.seg, _name_span(s, n)[1], n.start)
                or re.search(r"\b(?:average|mean|pooled|common\s+language|expected|estimated)\s+$",
                             s.seg[max(0, _name_span(s, n)[0] - 20):_name_span(s, n)[0]], re.I)):
            continue        # "effect size can be interpreted as 73.6% ...", "the average effect size ... was 0.7"
        if measure == "SMD" and _within_group_effect_size(s, n):
            s.claimed.add(i)
            continue        # "within-group effect sizes ... (A d=0.76 vs B d=0.87)": each arm's own change
        named_at, named_end = _name_span(s, n)
        if _SCALE_THRESHOLD_BEFORE.search(s.seg, max(0, named_at - 50), named_at):
            s.claimed.add(i)
            continue        # "the minimal clinically important difference was 1.5 points": the scale's threshold
        if _SIGNIFICANCE_LEVEL_BEFORE.search(s.seg, max(0, n.start - 50), n.start):
            s.claimed.add(i)
            continue        # "The mean difference is significant at 0.05 level": the test's level, no difference
        if measure == "RD" and n.percent and _DIFFERENCE_OF_MEANS.search(s.seg, max(0, named_at - 20), named_end):
            measure = "MD"  # "estimated difference of the means -1.0%": two arms' means of a level read in percent
        if measure in VITAL_SIGN_LOOKALIKES and (_VITAL_SIGN.search(s.seg, max(0, n.start - 60), n.start)
                                                 or _PER_MINUTE.match(s.seg, n.full_end)):
            continue        # "the mean variation of HR was 34.3", "HR 12.5 beats/min": heart (respiratory) rate
        if measure in P.CONTINUOUS | {"RD"} and _AGREEMENT.search(s.seg, max(0, n.start - 120), n.start):
            s.claimed.add(i)
            continue        # "the maximum observed difference between the two devices was 10%": agreement of methods
        # "Portland, OR 97239", "HR 72 bpm": a whole number after a ratio's abbreviation is a ratio only
        # when an interval follows it
        if measure in P.RATIO and not n.decimal and s.ci_after(n.full_end, n.value) is None:
            continue
        if measure in P.RATIO and _summary_with_its_spread(s, n):
            s.claim_span(n.start, n.full_end)
            continue        # "RR was 22 (18-26)", "HR 88 (76-98)": a heart or breathing rate with its spread
        value = n.value / 100 if (n.percent and measure in P.PERCENT_AS_FRACTION) else n.value
        est = Estimate(measure, value, n.text, n.start, n.full_end, kind="labelled", percent=n.percent and measure in P.PERCENT_AS_FRACTION)
        rate = next((r for r in s.parse("rate") if r.value_start == n.start and r.per > 1), None)
        if rate is not None:
            est.unit = f"per {rate.per} patient-years"     # "ARR 44.4/100 PY"
        s.add(est, i, tail_from=_past_its_unit(s, n, phrase=measure in P.CONTINUOUS | {"DIFF"}))
        if est.ci_low is None:
            interval_past_its_level(s, est)
        if log_scale:
            _back_transform(est)
        s.note_measure(measure)
        _second_of_pair(s, est, measure, log_scale)
        _listed_respectively(s, est, measure, log_scale)
        if unit_list is not None:
            # "estimated treatment difference, -1.9 kg, -3.6 kg, and -5.5 kg, respectively": one difference per
            # comparison, each in the unit printed with it
            for j, x in enumerate(s.nums):
                if n.end < x.start < unit_list.end() and s.free(j) and not x.percent:
                    s.add(Estimate(measure, x.value, x.text, x.start, x.full_end, kind="labelled"), j)


# the unit a named difference prints between its value and its labelled interval, whatever unit it is: "35 m",
# "4.2 beats/min", "0.8 g/dL", "12 seconds", "1.3 mm Hg" (letters, no figure; the interval's label must follow)
_UNIT_BEFORE_INTERVAL = re.compile(r"[ \t]?[A-Za-z\u00b5\u03bc][A-Za-z\u00b5\u03bc\u00b2/.]{0,11}(?:[ \t](?:Hg|H2O))?(?=\s*[,;(\[])")
# a multiple's words and the arm it is of, between a named ratio and its labelled interval: "the odds of response were
# 2.5-fold higher with A (95% CI ...)", "the hazard of death was 0.6 times lower in the A group (95% CI ...)"
_MULTIPLE_BEFORE_INTERVAL = re.compile(r"\s*-?\s*(?:fold|times)(?:\s+(?:higher|greater|lower|more|less|larger|smaller|"
                                       r"increased|reduced|decreased))?(?:\s+(?:with|in|for|among|on)\s+(?:the\s+)?"
                                       r"[\w+/-]+(?:\s+(?:group|arm))?)?(?=\s*[,;(\[])", re.I)


# any longer unit or scale a named value prints before its labelled interval: "4.2 mL/min/1.73 m2", "-0.8 kg/m2", "-4.1
# beats per minute", "-1.4 cm on the VAS", "-1.2 points on a 10-point scale" (no figure standing on its own, no bracket,
# no clause or list between: "2.1 mmHg at 6 months and 3.4 mmHg ..." is no unit)
_UNIT_PHRASE_BEFORE_INTERVAL = re.compile(r"[ \t]?(?=[A-Za-z\u00b5\u03bc%])(?:[^(\[;,.\d]|(?<=\d)\.(?=\d)|(?<=[/\s])\d+(?:\.\d+)?[ \t]?m2\b|"
                                          r"\d+-(?=[a-z])|(?<=[A-Za-z])\d)"
                                          r"{1,40}?(?=\s*[,;(\[])")
# a time or a count after a number: "12 weeks (95% CI ...)" is the time of a difference, "40 patients" a count, never
# a difference's unit
_TIME_OR_COUNT_UNIT = re.compile(r"\s*-?\s*(?:years?|yrs?|months?|mo|days?|weeks?|wks?|hours?|hrs?|h|min|minutes?|visits?|"
                                 r"patients|participants|subjects|studies|trials?|cases|women|men|children|adults|"
                                 r"times|episodes|events|cycles|doses|sessions)\b", re.I)
# what makes a phrase a unit: a ratio of units or a unit raised to a power ("mL/min/1.73 m2", "kg/m2", "beats per
# minute"), or the scale a score is read on ("cm on the VAS", "points on a 0-10 scale")
_COMPOUND_UNIT = re.compile(r"/|[A-Za-z][23\u00b2\u00b3]\b|\bper\b|\bon\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:scale|VAS|score|index)\b", re.I)
_NOT_A_UNIT = re.compile(r"\b(?:and|or|vs|versus|compared|than|while|whereas|respectively|between|in|among|with|for|at|by|"
                         r"to|from|of|after|before|during|was|were|is|are|higher|lower|greater|less|more|fewer|longer|"
                         r"shorter|smaller|larger|reduc\w*|increas\w*|decreas\w*|improv\w*|favou?r\w*|group|arm|"
                         r"patients?|participants?|subjects?)\b", re.I)


def _summary_with_its_spread(s: Sentence, n: Num) -> bool:
    """A value that a ratio's name (or a ratio named earlier) cannot own: a whole number of ten or more, or any whole
    number after "HR" or "RR" (a heart or breathing rate's abbreviation too), followed by a pair no label calls an
    interval ("RR was 22 (18-26)", "HR 88 (76-98)", "SpO2 96 (94-98)"): a median or mean with its spread, whose pair
    holds it as an interval would. A ratio printed as a whole number comes with its interval's label."""
    if n.decimal or n.percent:
        return False
    ci = s.ci_after(n.full_end)
    if ci is not None and ci.labelled:
        return False
    pair = s.ci_after(n.full_end, n.value)
    return pair is not None and not pair.labelled and (n.value >= 10 or _VITAL_ABBREVIATION_BEFORE.search(
        s.seg, max(0, n.start - 12), n.start) is not None)


# "HR 88", "RR was 22", "RR: 20": the abbreviation a heart or breathing rate shares with a ratio, right before a value
_VITAL_ABBREVIATION_BEFORE = re.compile(r"(?<![\w-])(?:HR|RR)\s*(?:[:=,]|\bwas\b|\bof\b)?\s*$")


def _past_its_unit(s: Sentence, n: Num, phrase: bool = False) -> int:
    """Where a named value's interval may start: after "points", or after any unit word (or, with `phrase`, for a
    difference: a unit's phrase) when an interval's label follows it ("mean difference 35 m, 95% CI 12-58 m",
    "difference -0.8 kg/m2 (95% CI ...)"; a ratio has no unit)."""
    end = s.points_end(n)
    if s.ci_after(n.full_end) is not None:
        return end
    for unit in (_UNIT_BEFORE_INTERVAL.match(s.seg, end) or _MULTIPLE_BEFORE_INTERVAL.match(s.seg, end),
                 _UNIT_PHRASE_BEFORE_INTERVAL.match(s.seg, end) if phrase else None):
        if unit is None or (unit.re is _UNIT_PHRASE_BEFORE_INTERVAL and (_NOT_A_UNIT.search(unit.group())
                                                                         or not _COMPOUND_UNIT.search(unit.group()))):
            continue
        ci = s.ci_after(unit.end())
        if ci is not None and ci.labelled:
            return unit.end()
    return end


# the level of an interval's label: "95 % CI", "95%-CI", "95 per cent confidence interval"
_LEVEL_OF_A_LABEL = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)?[\s-]*(?:CIs?\b|CrIs?\b|C\.I\.|confidence\s+(?:intervals?|limits?)|"
                               r"credible\s+intervals?)", re.I)


def _interval_level(s: Sentence, n: Num) -> bool:
    """A number that is the level of an interval's label ("with 95 % CI are given in Table 2"), never a value."""
    return n.value in (80.0, 90.0, 95.0, 97.5, 99.0) and (n.percent or s.seg[n.end:n.end + 1] == "%") and \
        _LEVEL_OF_A_LABEL.match(s.seg, n.end) is not None


_COUNT_UNIT = re.compile(r"\s*(?:patients|participants|subjects|studies|stud|RCT|trials?|centres?|centers?|countries|cases|"
                         r"women|men|children|adults|infusions|cycles|doses|times|attacks|episodes|treatments|drugs|groups|sites)\b")


def _quantity_then_p(s: Sentence, n: Num) -> bool:
    """ "the placebo-corrected reduction in weight was 2.6 kg (p < 0.001)": a difference's unit of measurement (not a
    count of people or things), then its p-value."""
    unit = P.UNIT_AFTER.match(s.seg[n.full_end:n.full_end + 16])
    if unit is None or _COUNT_UNIT.match(s.seg, n.full_end):
        return False
    end = n.full_end + unit.end()
    end += len(re.match(r"[\w/.\u00b5\u03bc]*", s.seg[end:end + 12]).group(0))
    return s.p_after(end, limit=6) is not None


# the unit of a measured quantity right after a value (never a count's, a share's or a time's): "1.76 mmHg", "2.1 kg",
# "4.2 points", "12 ml", "0.8 g/dL", "35 m", "7 bpm"
_MEASURED_UNIT = re.compile(r"\s?(?:mm\s?Hg|cm\s?H2O|kg|k?cal|g(?:/d?[lL])?|mg(?:/d?[lL])?|m?mol(?:/[lL])?|\u00b5?mol(?:/[lL])?|"
                            r"m[lL]|d[lL]|cm|mm|m|points?|bpm|beats/min|U/[lL]|IU)(?![A-Za-z])")
# "the minimal clinically important difference", "a minimum relevant difference", "the minimally important clinical
# difference", "the smallest detectable difference", "the smallest real difference": a threshold of a scale, not a result
_SCALE_THRESHOLD_BEFORE = re.compile(r"\b(?:minim(?:al|um)(?:ly)?|smallest)\s+(?:clinically\s+)?"
                                     r"(?:important|relevant|meaningful|detectable|real|worthwhile)\s+(?:clinical\s+)?$", re.I)
# "the mean difference is significant at 0.05 level", "significant at the α = 0.05 level": the test's level, no value
_SIGNIFICANCE_LEVEL_BEFORE = re.compile(r"\bsignifican(?:t|ce)\s+(?:at|level\s+(?:of|was|set\s+at|=))\s+(?:the\s+)?"
                                        r"(?:(?:[\u03b1a]|alpha)\s*[=<]\s*)?$", re.I)
# an SD named right after the value: "MD = 11.83, SD = 18.11", "mean difference 4.2 (SD 3.1)" (a "±" alone may be the
# difference's SE: "between-group difference, -3.4±0.5 mm Hg; P<0.0001; 95% CI ...")
_SD_AFTER = re.compile(r"\s*(?:[,;]\s*|[(\[]\s*)?(?:SD|S\.D\.|standard\s+deviation)\s*[:=,]?\s*[-+]?\d")
# "effect size: 0.31", "effect size (d) = 0.4", "an effect size of 0.52": the generic name right before its value
_GENERIC_EFFECT_SIZE = re.compile(r"(?:standardi[sz]ed\s+)?effect\s+sizes?", re.I)
_EFFECT_SIZE_GAP = re.compile(r"\s*(?:[(\[]\s*(?:d|g|Cohen['\u2019]?s\s+d)\s*[)\]])?\s*(?:[:=,]|\bof\b|\bwas\b|\bwere\b)?\s*", re.I)
_DIFFERENCE_OF_MEANS = re.compile(r"differences?\s+(?:of|in|between)\b|(?:LS|least[- ]squares?)\s+mean\s+differences?"
                                  r"|(?:placebo|vehicle|sham|control)[- ](?:adjusted|corrected|subtracted)", re.I)


# what an effect size is of, said before it: one arm's own change ("within-group effect sizes ... (A d=0.76 vs B
# d=0.87)", "Within the control group ... effect size = 0.57", "pre-post within-group effect size of 0.33") or the arms'
# difference ("between-group effect size", "Cohen's d for the difference between the groups"); the nearer one says
_WITHIN_GROUP = re.compile(WITHIN_ONE_ARM + r"|\bwithin\s+(?:the\s+|each\s+|"
                           r"both\s+|all\s+)?(?:[\w+/-]+\s+){0,3}?(?:groups?|arms?)\b", re.I)
_BETWEEN_GROUP = re.compile(r"\bbetween[- ](?:the\s+|two\s+|both\s+)?(?:groups?|arms?|conditions?|treatments?|interventions?)\b"
                            r"|\b(?:inter|between)[- ]group\b|\bgroup\s+differences?\b|\bdifferences?\s+between\b", re.I)


def _within_group_effect_size(s: Sentence, n: Num) -> bool:
    """Whether the sentence says, nearer before `n` than any between-group word, that its effect sizes are each
    arm's own change ("the within-group effect sizes were large (A d=0.76 vs B d=0.87)"): no difference of arms."""
    before = s.seg[:n.start]
    within = [m.end() for m in _WITHIN_GROUP.finditer(before)]
    between = [m.end() for m in _BETWEEN_GROUP.finditer(before)]
    return bool(within) and (not between or within[-1] > between[-1])


def _name_span(s: Sentence, n: Num) -> tuple[int, int]:
    """Where the measure name read for `n` (the last one before it) starts and ends."""
    named = [k for k in s.kws if k[1] <= n.start]
    return (named[-1][0], named[-1][1]) if named else (n.start, n.start)


# what may stand between a value and its interval besides the grammar's own gap: "0.8 for the 2-sided 95% CI (-1.0, 2.6)",
# "11.76; 95%, CI: 4.66-18.86", "2.3 with a two-sided 95 %; CI 0.5-4.1": the level cut off from its label by
# punctuation or words (the grammar reads the label's remaining "CI: 4.66-18.86" as an interval of no level)
_LEVEL_BRIDGE = re.compile(r"\s*(?:\u20ac|\$|\u00a3|EUR|USD|GBP|euros?|dollars?|pounds?)?\s*[;,]?\s*(?:(?:for|with)\s+(?:the|a|an|its)\s+)?(?:(?:2|two|1|one)[- ]sided\s+)?"
                           r"(?:(?P<lvl>90|95|99)(?:\.\d+)?\s*(?:%|percent)\s*[,;:]?\s*)?")


# limits in words the grammar's interval does not read: "(95% CI between 0.55 and 0.90)", "(95% CI 1.2/3.6)", "(lower
# 95% limit 1.2, upper 3.6)", "with lower and upper confidence limits of 1.2 and 3.6"
_LIMITS_IN_WORDS = re.compile(
    r"\s*[;,]?\s*[(\[]?\s*(?:(?:with\s+)?(?:a|an|the)\s+)?(?:(?P<lvl>90|95|99)\s*(?:%|percent)\s*)?"
    r"(?:CI|CrI|C\.I\.|confidence\s+(?:interval|limits?)|credible\s+interval)\s*[:=,]?\s*(?:(?:was|of|is|ranged?)\s+)?"
    r"(?:(?:between|from)\s+(?P<lo>" + NUM + r")\s*(?:and|to|-)\s*(?P<hi>" + NUM + r")|(?P<lo3>" + NUM + r")\s*/\s*(?P<hi3>" + NUM + r"))"
    r"|\s*[;,]?\s*[(\[]?\s*lower\s+(?:(?P<lvl2>90|95|99)\s*%\s*)?(?:confidence\s+)?(?:limit|bound|CL)\s*(?:of|was|=|:)?\s*"
    r"(?P<lo2>" + NUM + r")\s*,?\s*(?:and\s+)?(?:the\s+)?upper\s+(?:(?:90|95|99)\s*%\s*)?(?:confidence\s+)?(?:limit|bound|CL)?\s*"
    r"(?:of|was|=|:)?\s*(?P<hi2>" + NUM + r")", re.I)


def _limits_in_words(s: Sentence, est: Estimate, pos: int) -> bool:
    m = _LIMITS_IN_WORDS.match(s.seg, pos)
    if m is None:
        return False
    lo = parse_number(m.group("lo") or m.group("lo2") or m.group("lo3"))
    hi = parse_number(m.group("hi") or m.group("hi2") or m.group("hi3"))
    printed = est.value * 100 if est.percent and est.value is not None else est.value
    if lo is None or hi is None or printed is None or not lo <= printed <= hi:
        return False
    scale = 0.01 if est.percent else 1.0
    est.ci_low, est.ci_high = lo * scale, hi * scale
    est.ci_level = float(m.group("lvl") or m.group("lvl2") or 95) / 100
    s.claim_span(pos, m.end())
    s.attach_p(est, m.end())
    return True


def interval_past_its_level(s: Sentence, est: Estimate) -> None:
    """The interval of a value the grammar's gap did not reach: past a level cut off from its label, or past words
    saying the interval's sidedness, or limits in words. The level's number is claimed (it is no value of its own)."""
    pos = max(est.end, getattr(est, "tail_end", 0) or 0)
    if _limits_in_words(s, est, pos):
        return
    m = _LEVEL_BRIDGE.match(s.seg, pos)
    if m is None or m.end() == pos:
        return
    ci = next((ci for start, ci in s.cis.items() if pos < start <= m.end() + 2), None)
    if ci is None or ci.low is None or ci.high is None or not ci.low <= est.value <= ci.high:
        return
    scale = 0.01 if est.percent else 1.0
    est.ci_low, est.ci_high = ci.low * scale, ci.high * scale
    est.ci_level = (float(m.group("lvl")) / 100) if m.group("lvl") else (ci.level or 0.95)
    s.claim_span(pos, ci.end)
    if est.p_value is None and not est.p_text:
        s.attach_p(est, ci.end)
    else:
        est.tail_end = max(est.tail_end or 0, ci.end)


def _second_of_pair(s: Sentence, est: Estimate, measure: str, log_scale: bool) -> None:
    """ "(HR 0.61 vs 0.50)": the value after "vs" is the same measure's, for the other group the sentence names."""
    if measure not in P.RATIO or est.ci_low is not None:
        return
    tail = max(est.end, getattr(est, "tail_end", 0) or 0)
    m = re.match(r"\s*(?:vs\.?|versus)\s*", s.seg[tail:tail + 12])
    if not m:
        return
    j = next((k for k, x in enumerate(s.nums) if x.start == tail + m.end()), None)
    if j is None or not s.free(j) or s.nums[j].percent or not s.nums[j].decimal:
        return
    x = s.nums[j]
    other = Estimate(measure, x.value, x.text, x.start, x.full_end, kind="labelled")
    s.add(other, j)
    if log_scale:
        _back_transform(other)


# "(Hedges' g: 0.97, 0.13 respectively)", "HR 0.71, 0.83 and 0.92, respectively": the measure named once before a list
_LISTED_RESPECTIVELY = re.compile(r"(?P<items>(?:\s*,\s*(?:and\s+)?|\s+and\s+)[-+]?\d*\.\d+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[-+]?\d*\.\d+)*)"
                                  r"\s*,?\s*respectively\b", re.I)

# "absolute risk reductions were 12, 9 and 7 percentage points, respectively": the list closed by its percent sign
_PERCENTS_LISTED_RESPECTIVELY = re.compile(r"(?P<items>(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d+(?:\.\d+)?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
                                           r"\d+(?:\.\d+)?)*\s*(?:%|percentage\s+points?\b|per\s*cent\b|pp\b))\s*,?\s*respectively\b", re.I)


def _listed_respectively(s: Sentence, est: Estimate, measure: str, log_scale: bool) -> None:
    """The later values of a list the measure's name heads, closed by "respectively": the same measure's, each its
    own comparison or outcome (printed without interval, as the first)."""
    if est.ci_low is not None or "respectively" not in s.seg:
        return
    m = _LISTED_RESPECTIVELY.match(s.seg, est.end)
    if m is None and measure in P.PERCENT_AS_FRACTION:
        m = _PERCENTS_LISTED_RESPECTIVELY.match(s.seg, est.end)
    if m is None:
        return
    as_fraction = measure in P.PERCENT_AS_FRACTION
    for j, x in enumerate(s.nums):
        if est.end < x.start < m.end("items") and s.free(j) and (not x.percent or as_fraction):
            # "absolute risk reductions were 12, 9 and 7 percentage points": a list closed by its percent sign
            # (rules/differences.percent_closing_a_list gives the earlier values theirs)
            pct = x.percent and as_fraction
            other = Estimate(measure, x.value / 100 if pct else x.value, x.text, x.start, x.full_end, kind="labelled",
                             percent=pct)
            s.add(other, j)
            if log_scale:
                _back_transform(other)


def non_finite(s: Sentence) -> None:
    """ "HR = nan", "OR = inf": a named estimate whose value is not a number is kept (and flagged by
    validation), so a reviewer sees it instead of the sentence silently yielding nothing."""
    for word in s.parse("non_finite"):
        probe = Num(word.start, word.end, word.end, 1.0, word.text, False, False, True)  # a placeholder value
        code = s.measure_before(word.start, probe, strict=True)
        if code is None:
            continue
        value = float("nan") if word.text.lower() == "nan" else float("inf")
        est = Estimate(s.resolve(_log_code(code)[0], probe), value, word.text, word.start, word.end, kind="non-finite")
        ci = s.ci_after(word.end)
        pos = word.end
        if ci is not None:
            est.ci_low, est.ci_high, est.ci_level, pos = ci.low, ci.high, ci.level, ci.end
        s.attach_p(est, pos)
        s.estimates.append(est)


# "(-1.8 days; 95% CI -3.1, -0.5)": a signed amount of a unit, then its interval
_SIGNED_UNIT = re.compile(r"^\s*(?:days?|weeks?|months?|hours?|h|min(?:utes)?|kg|g|mg|ml|mL|mmHg|mm\s*Hg|cm|mm|%"
                          # a compound unit: "m/s", "mmol/mol", "mg/dL", "ml/min/1.73 m2"
                          r"|[a-zA-Z\u00b5\u03bc]{1,5}/[a-zA-Z\u00b5\u03bc]{1,5}(?:/[\d.]+\s*m2)?)(?=\W)\s*;?\s*")
# "D2 versus placebo: -0.05% [95% CI ...]", "A vs. B, 0.19 mmol/mol (95% CI ...)", "X compared with Y -0.7 (95% CI
# ...)": the comparison printed as the value's own label; its value is that comparison's effect
_COMPARISON_LABEL = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+)?[\w./+-]+"
                               r"(?:\s+[\w./+-]+){0,3}?\s*[:,=]?\s*$", re.I)
_POINTS_AFTER_INTERVAL = re.compile(r"^\s*\)?\s*points?\b")


def _difference_unit_end(s: Sentence, n: Num) -> int | None:
    """Where the interval of an unnamed difference may start, when the value reads as one: points of a score
    ("1.06 (95% CI 0.23-1.89) points", "(2.16 points; 95% CI ...)") or a signed amount in a sentence that
    compares ("reduced ... (-1.8 days; 95% CI -3.1, -0.5)"); None otherwise."""
    if s.points_after(n):
        return s.points_end(n)
    ci = s.ci_after(n.full_end)
    if ci is not None and _POINTS_AFTER_INTERVAL.match(s.seg[ci.end:ci.end + 12]):
        return n.full_end
    unit = _SIGNED_UNIT.match(s.seg[n.full_end:n.full_end + 24])
    if unit and not n.percent and (n.signed or _comparison_labelled(s, n) or _bracketed_after_effects(s, n)) \
            and (P.CONNECTOR_RE.search(s.seg) or P.REDUCTION_WORDS.search(s.seg) or P.INCREASE_WORDS.search(s.seg)) \
            and not _SPREAD_WORDS.search(s.seg[max(0, n.start - 60):n.start]):
        return n.full_end + unit.end()
    return None


def _bracketed_after_effects(s: Sentence, n: Num) -> bool:
    """ "reduced X (RR 0.74, 95% CI ...) and increased mean birthweight (41.9 g, 95% CI 0.2-83.6)": an amount of a
    unit opening its own bracket, with a labelled interval, in a list of the trial's effects (a ratio or difference
    read before it in the sentence) is the next effect, a difference in that unit."""
    if not re.search(r"[(\[]\s*$", s.seg[max(0, n.start - 3):n.start]):
        return False
    if not any(e.measure in P.RATIO | P.DIFFERENCE and e.end <= n.start for e in s.estimates):
        return False
    unit = _SIGNED_UNIT.match(s.seg[n.full_end:n.full_end + 24])
    return unit is not None and s.ci_after(n.full_end + unit.end()) is not None


# "the response rate in those treated for 24 weeks increased by": a share of patients (a rate, a proportion) said
# to rise by the value right after
_SHARE_INCREASED_BY = re.compile(r"\b(?:rates?|proportions?|percentages?|prevalence|incidence)\b[^.;()\[\]]{0,80}?"
                                 r"\b(?:increased|rose|was\s+higher|was\s+greater)\s+by\s+(?:about\s+|approximately\s+)?$", re.I)


# "X showed a (significantly) larger Y than Z (", "was higher with A than with B [": a comparison of two treatments
# whose bracket opens right before the value
_COMPARED_THAN = re.compile(r"\b(?:larger|smaller|higher|lower|greater|longer|shorter)\b[^.;()\[\]]{0,60}?\bthan\b"
                            r"[^.;()\[\]\d]{1,60}[(\[]\s*$", re.I)


# the sentence says the groups differed before the bracket: "X between the groups differed significantly with better X
# for the A group (0.076, 95% CI ...)", "the arms differed in X (2.1, 95% CI ...)"
_GROUPS_DIFFERED = re.compile(r"\bbetween\s+(?:the\s+)?(?:two\s+)?(?:groups|arms)\s+differed\b|"
                              r"\b(?:groups|arms)\s+differed\b", re.I)


def _comparison_labelled(s: Sentence, n: Num) -> bool:
    """The value is printed right after the comparison it belongs to ("D2 versus placebo: -0.05%"), or restates
    such a value in another unit ("... or -0.51 mmol/mol")."""
    if _COMPARISON_LABEL.search(s.seg, max(0, n.start - 60), n.start):
        return True
    return _restated_difference(s, n) is not None


def _restated_difference(s: Sentence, n: Num) -> Estimate | None:
    """The difference this value prints again in another unit: "-0.05% [95% CI ...] or -0.51 mmol/mol (...)"."""
    for e in s.estimates:
        if e.measure in P.CONTINUOUS | {"RD"} and e.ci_low is not None and e.tail_end <= n.start \
                and P.OTHER_UNIT_JOIN.fullmatch(s.seg, e.tail_end, n.start):
            return e
    return None


def _reduction_interval(est: Estimate) -> None:
    """ "a net lowering of 32% (95% CI -40%, -22%)": a reduction stored positive keeps its interval on the same
    scale, so an interval printed as negative changes turns positive (0.22 to 0.40)."""
    if est.measure == "RRR" and est.value is not None and est.value > 0 and est.ci_low is not None \
            and est.ci_high is not None and est.ci_low < 0 and est.ci_high < 0:
        est.ci_low, est.ci_high = -est.ci_high, -est.ci_low


# "a (significant) weight decrease of", "an increase of": the words of one quantity's change right before its value
_ONE_ARMS_CHANGE_BEFORE = re.compile(r"\b(?:decrease|increase|reduction|decline|fall|drop|rise|gain|loss|change)\s+of\s*$", re.I)
# "... ) in the intervention group", "..., in the A arm": the arm the value belongs to, named right after it
_ARM_AFTER = re.compile(r"\s*[)\]]?\s*,?\s*(?:in|with|among)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b", re.I)


# a comparison whose other side is a moment of the same patients: "when compared to 2 h", "versus week 4", "than at day 1"
AGAINST_AN_EARLIER_TIME = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|than)\s+(?:that\s+)?(?:at\s+|on\s+)?"
                                     r"(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|min(?:utes)?|days?|weeks?|months?|years?)\b"
                                     r"|(?:day|week|month|hour|visit)\s+\d+\b)", re.I)


def with_interval(s: Sentence) -> None:
    """A bare value followed by an interval takes the nearest measure named before it; a score's points or a
    signed amount of a unit with an interval and no measure named is a mean difference."""
    if not_a_result(s):
        return
    for i, n in enumerate(s.nums):
        if not s.free(i) or s.threshold_before(n):
            continue
        if not n.decimal and TIME_NUMBER_BEFORE.search(s.seg, max(0, n.start - 12), n.start):
            continue    # "Day 21 (OR 95% CI 0-0.9)": the day's number, whatever interval follows it
        diff_end = _difference_unit_end(s, n)
        if s.unit_after(n) and diff_end is None:
            continue
        tail = diff_end if diff_end is not None else n.full_end
        labelled_ci = s.ci_after(tail) is not None
        if not labelled_ci and s.ci_after(n.full_end, n.value) is None:
            continue
        if n.signed and s.within_arm_change(n.start):
            continue
        # "(811 [95% CI 707-912] days in the A group vs 744 [638-850] days in the B group)", "-133.8 vs 83.27 pg/mL; 95%
        # CI ...": each arm's own value with its interval, no comparison's (an arm's rate stays one: "0.52 [...] vs. 0.97")
        own_end = (s.ci_after(tail) or s.ci_after(n.full_end, n.value)).end
        arms_own_value = bool(_VERSUS_BEFORE.search(s.seg, max(0, n.start - 12), n.start)
                              or ARM_VALUE_AFTER.match(s.seg, own_end))
        # (an unnamed value only: "2.1 (95% CI ...) with A and 0.9 (...) with B" are each arm's own values)
        arms_values = not labelled_ci or not s.measure_before(n.start, n, strict=True)
        arms_values = arms_values and arms_values_around(s, n, own_end)
        first_of_two = not arms_own_value and FIRST_OF_TWO_SUMMARIES.match(s.seg, own_end) is not None
        if _ONE_ARMS_CHANGE_BEFORE.search(s.seg, max(0, n.start - 40), n.start) and labelled_ci \
                and _ARM_AFTER.match(s.seg, s.ci_after(tail).end):
            continue    # "a weight decrease of -1.15 kg (CI 95% ...) in the intervention group": one arm's change
        if diff_end is not None and not s.points_after(n) and re.search(r"\b(?:arm|group)s?\s*[(\[]\s*$", s.seg[max(0, n.start - 12):n.start]):
            continue    # "an increase in the standard care group (+0.5 kg, CI 95% ...)": that arm's own change
        if _ACCURACY_STAT.search(s.seg[max(0, n.start - 60):n.start]):
            s.claim_span(n.start, n.full_end)
            continue
        lead = _lead_of_previous_bracket(s, n)
        candidates = [(k[1], k[2], _printed_in_percent(s, k[1])) for k in s.kws if k[1] <= n.start]
        if lead is not None:
            # "(OR 0.70, ...; risk difference -0.045, ...) and preterm delivery (0.62, 95% CI ...)": the measure that
            # leads the previous outcome's bracket is the one the later brackets print bare
            candidates = [(n.start, lead, False)]
        candidates += [(e.end, e.measure, e.percent) for e in s.estimates if e.end <= n.start]
        candidates.sort()
        measure, log_scale = None, False
        for _, named, in_percent in reversed(candidates):
            code, on_log = _log_code(named)
            if in_percent and not n.percent and code not in P.RATIO:
                # "(risk ratio 0.74, ...; absolute risk reduction 4.5%, ...), and preterm delivery (0.62, 95% CI
                # ...)": the sentence prints its difference in percent, so a bare decimal is the ratio's again
                continue
            if code == "ARR" and (n.signed or n.percent):
                continue
            if code in P.RATIO and (n.percent or (diff_end is not None and diff_end > n.full_end and not s.points_after(n))):
                continue    # a ratio has no unit: "(41.9 g, 95% CI ...)" after an RR is a difference
            measure, log_scale = s.resolve(code, n), on_log
            break
        if measure is None and diff_end is not None and labelled_ci:
            measure = "MD"
        if measure is None and labelled_ci and not n.percent and _COMPARED_THAN.search(s.seg, max(0, n.start - 120), n.start):
            # "C3 showed a significantly larger hydration than the reference cream R (12.30; 95% CI ...)": the bracket
            # after a comparison of two treatments prints their difference
            measure = "MD"
        if measure is None and labelled_ci and _comparison_labelled(s, n):
            # "HbA1c: D2 versus placebo: -0.05% [95% CI ...]": the difference of the two arms, in the level's own unit
            # when the quantity is a level measured in percent, else of shares of patients
            measure = "MD" if not n.percent or s.level_named_before(n.start) else "RD"
        if measure is None and labelled_ci and not n.percent and _GROUPS_DIFFERED.search(s.seg, 0, n.start):
            # "... between the groups differed significantly ... (0.076, 95% CI ...)": the groups' difference, in
            # the quantity's own units, whatever ratio an earlier sentence named
            measure = "MD"
        if measure is None and s.state.last_measure and not n.percent:
            if not labelled_ci and _SPREAD_WORDS.search(s.seg[:n.start]):
                continue    # "The median (IQR) number of sessions was 5 (5-7)": no measure here, a median's IQR
            if AGAINST_AN_EARLIER_TIME.search(s.seg, 0, n.start):
                continue    # "less pain between 6 and 48 h when compared to 2 h (-2.5, ...)": the same patients'
                            # change over time, not the arms' difference the document named before
            measure = s.state.last_measure
        if measure is None and n.percent and re.search(r"\b(?:arm|group)s?\s*[(\[]\s*$", s.seg[max(0, n.start - 12):n.start]):
            continue      # "in the chloroquine arm (8.9%, 95% CI 6.0-13.1%)": one arm's estimate, not a difference
        if measure is None and n.percent and not PERCENTAGE_POINTS.match(s.seg, n.end):
            window = s.seg[max(0, n.start - 60):n.full_end + 80]
            if _SURVIVAL.search(s.seg[max(0, n.start - 80):n.start]):
                continue      # a Kaplan-Meier or model-predicted percentage, not a relative change
            if P.REDUCTION_WORDS.search(window) or _EFFICACY_BEFORE.search(s.seg, max(0, n.start - 30), n.start):
                before = s.seg[max(0, n.start - 110):n.start]
                if _level_reduced(before) or (_one_arms_reduction(s, n, before, event_after=False)
                                              and not _EVENT_RATE_WORDS.search(before)):
                    continue    # "HbA1c declined by 0.7% (95% CI ...) in the A group": a level's change, or one
                                # arm's, is no relative reduction of a risk
                measure = "RRR"     # a vaccine's or drug's "efficacy of 43%" is one minus the risk ratio
            elif re.search(r"differ", window, re.I):
                measure = "RD"
            elif labelled_ci and _SHARE_INCREASED_BY.search(s.seg, max(0, n.start - 120), n.start):
                measure = "RD"      # "the response rate in those treated for 24 weeks increased by 8.4% [95% CI ...]":
                                    # a share's increase between two groups, in percentage points
            elif re.search(r"\b(?:proportion|prevalence|incidence|frequency)\b(?:\s+[\w-]+){0,8}\s+(?:was|of|were|is)\s+$",
                           s.seg[max(0, n.start - 90):n.start], re.I) and labelled_ci:
                measure = "PROPORTION"      # "the pooled proportion ... was 43% (95% CI 35-52%)"
        if measure == "RD" and not n.percent and _MEASURED_UNIT.match(s.seg, n.full_end):
            measure = "MD"      # "further lowered blood pressure by 1.76 mmHg (95% CI ...)" after a risk difference:
                                # a quantity's unit, so a difference of means whatever the sentence named before
        points = bool(PERCENTAGE_POINTS.match(s.seg, n.end))
        if points and labelled_ci and measure in (None, "RD", "MD", "DIFF"):
            # "exceeded that with placebo by 34.6 percentage points (95% CI ...)": a difference of two percentages,
            # a risk difference; of a level measured in percent (glycated hemoglobin) a mean difference
            measure = "MD" if s.level_in_percent(n) else "RD"
        if first_of_two and measure in P.RATIO | P.DIFFERENCE | {"SMD"} and (labelled_ci or measure in P.RATIO | P.CONTINUOUS):
            s.claim_span(n.start, own_end)      # one arm's summary (an arm's rate stays one): no difference, and its
            continue                            # numbers stay claimed as the difference read here claimed them
        if measure is None or (not labelled_ci and measure not in P.RATIO | P.CONTINUOUS):
            continue
        if (arms_own_value or arms_values and measure in P.DIFFERENCE) and measure in P.RATIO | P.DIFFERENCE | {"SMD"}:
            continue
        if measure in P.RATIO and _summary_with_its_spread(s, n):
            continue        # "..., RR 20 (18-24), SpO2 96 (94-98)": the next summary with its spread, no ratio
        pct = n.percent and (measure in P.PERCENT_AS_FRACTION or measure == "PROPORTION")
        value = n.value / 100 if pct else n.value
        est = Estimate(measure, value, n.text, n.start, n.full_end, kind="interval", percent=pct)
        s.add(est, i, tail_from=tail if diff_end is not None else s.points_end(n))
        _reduction_interval(est)
        if not log_scale and measure in P.RATIO and _ON_LOG_SCALE.search(s.seg, max(0, n.start - 80), n.start):
            log_scale = True    # "the hazard ratio for death on the log scale was -0.71 (95% CI ...)"
        if log_scale:
            _back_transform(est)
        s.note_measure(measure)


# the second of two values set side by side: "... vs 744 [638-850]"
_VERSUS_BEFORE = re.compile(r"\b(?:vs\.?|versus)\s*[-+]?\s*$", re.I)
# an arm's own value, its interval printed, then its arm and the other arm's value: "811 [95% CI 707-912] days in the A
# group vs 744 ...", "(5.1, 95% CI 4.2-6.0) in the A group and 6.3 (...)"
ARM_VALUE_AFTER = re.compile(r"\s*[)\]]?\s*(?:(?!(?:lower|higher|greater|less|longer|shorter|more|fewer)\b)[a-zA-Z/%\u00b5]{1,8}\s+)?(?:in|with|among|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
                              r"(?:group|arm)\s*[)\]]?\s*,?\s*(?:vs\.?|versus|compared\s+(?:with|to)|and\s+[-+]?\d|while|whereas)", re.I)
# the first of two arms' summaries set side by side, each with its spread or interval: "4 (3, 6) vs 6 (4, 9) days", "24
# (18-30) hours in the A group versus 36 (28-44) hours", "12.1 [10.2-14.0] compared with 9.8 [8.1-11.5]": medians with
# their quartiles, means with their intervals, never a difference and its interval
FIRST_OF_TWO_SUMMARIES = re.compile(r"\s*[)\]]?\s*(?:[a-zA-Z/%\u00b5]{1,8}\s+)?(?:(?:in|with|among|for)\s+(?:the\s+)?[\w-]+"
                                    r"(?:\s+[\w-]+)?\s+(?:group|arm)\s*)?,?\s*(?:vs\.?|versus|compared\s+(?:with|to))\s+[-+]?\d+(?:\.\d+)?"
                                    r"\s*(?:[a-zA-Z/%\u00b5]{1,8}\s*)?[(\[]", re.I)
# each arm's own value with its interval, then the other arm's: "2.1 points (95% CI ...) with A and 0.9 points (...) with
# B", "greater with A (2.1, 95% CI ...) than with B (0.9, ...)": after the first value's interval, its arm (maybe) and a
# word that sets another value beside it; before the second, that word after the first's closing bracket
_ARM_PHRASE = (r"(?:with|in|for|among|on)\s+(?:the\s+)?(?!(?:women|men|males?|females?|boys|girls|children|adults|patients|"
               r"participants|subjects|those|subgroups?|strata|stratum|older|younger|aged)\b)[\w+/-]+(?:\s+[\w+/-]+){0,2}?\s*")
# the words between one arm's value and the other's: "and" only after the first value's arm ("with A and 0.9"), a
# list's "and" otherwise joining differences of several outcomes
_SET_BESIDE = (r"(?:" + _ARM_PHRASE + r"[)\]]?\s*,?\s*(?:and|vs\.?|versus|compared\s+(?:with|to)|than|while|whereas)"
               r"|[)\]]?\s*,?\s*(?:vs\.?|versus|compared\s+(?:with|to)|than|while|whereas))\s+")
FIRST_OF_ARMS_VALUES = re.compile(r"\s*[)\]]?\s*(?:[a-zA-Z/%\u00b5]{1,8}\s+)?" + _SET_BESIDE
                                  + r"(?:" + _ARM_PHRASE + r"[(\[]\s*|by\s+)?[-+]?\d", re.I)
SECOND_OF_ARMS_VALUES = re.compile(r"[)\]]\s*(?:[a-zA-Z/%\u00b5]{1,8}\s+)?" + _SET_BESIDE
                                   + r"(?:" + _ARM_PHRASE + r"[(\[]\s*|by\s+)?[-+]?$", re.I)
_BARE_SET_BESIDE = re.compile(r"[)\]]?\s*,?\s*(?:vs\.?|versus|compared\s+(?:with|to)|than|while|whereas)\s+[-+]?\d", re.I)
_ARM_WORD = re.compile(r"\b(?:group|arm)s?\b", re.I)
_NAMED_DIFFERENCES = re.compile(r"\bdifferences?\b|\b(?:LS|least[- ]squares?)\s+mean\b", re.I)


def arms_values_around(s: Sentence, n: Num, end: int) -> bool:
    """Whether the value `n`, its interval ending at `end`, is one of two arms' own values set side by side (see
    FIRST_OF_ARMS_VALUES): each arm named between them is one of the sentence's arms (a drug it names, or a "group"
    or "arm"), not a phase or a subgroup ("0.2 (...) in the first phase and -0.8 (...) in the second" are differences)."""
    # ("The difference from C was 42 points (...) for A and 39 points (...) for B": values named differences before
    # them are each arm's difference from the control)
    if _NAMED_DIFFERENCES.search(re.split(r"[;]|\.\s", s.seg[:n.start])[-1]):
        return False
    for m in (FIRST_OF_ARMS_VALUES.match(s.seg, end), SECOND_OF_ARMS_VALUES.search(s.seg, max(0, n.start - 90), n.start)):
        if m is None:
            continue
        words = s.seg[m.start():m.end()]
        if _BARE_SET_BESIDE.search(words) and not re.search(r"\b(?:with|in|for|among|on)\s", words, re.I):
            return True         # "2.1 (...) vs 0.9 (...)": no arm words at all
        if _ARM_WORD.search(words) or any(m.start() <= g.start < m.end() for g in s.groups):
            return True
    return False


# a time's own number follows these words: "on Day 21", "at week 12", "visit 3", "cycle 2"
TIME_NUMBER_BEFORE = re.compile(r"\b(?:days?|weeks?|months?|years?|visits?|cycles?|sessions?|hours?|wk|mo)\s*$", re.I)


def _lead_of_previous_bracket(s: Sentence, n: Num) -> str | None:
    """The measure that leads the bracket before the one `n` opens, when that bracket holds estimates of several
    measures: "reduced X (RR 0.74, ...; ARR 4.5%, ...), and Y (0.62, 95% CI ...)" gives RR, "(MD 2.1, ...; SMD 0.31,
    ...) and Y (1.2, ...)" MD."""
    seg = s.seg
    if n.percent or not re.search(r"[(\[]\s*$", seg[max(0, n.start - 3):n.start]):
        return None
    before = [e for e in s.estimates if e.end <= n.start]
    if len(before) < 2:
        return None
    last = max(before, key=lambda e: e.end)
    opened = max(seg.rfind("(", 0, last.start), seg.rfind("[", 0, last.start))
    if opened < 0:
        return None
    inside = sorted((e for e in before if e.start > opened), key=lambda e: e.start)
    if len(inside) < 2 or all(e.measure == inside[0].measure for e in inside):
        return None
    if inside[0].measure in P.RATIO and (n.signed or n.value <= 0):
        return None     # a ratio is never negative: the later value is of another measure
    return inside[0].measure


def _printed_in_percent(s: Sentence, name_end: int) -> bool:
    """The value read right after a measure's name (within a few words) was printed with a % sign."""
    return any(e.percent for e in s.estimates if name_end <= e.start <= name_end + 12)


_BOUND_AFTER = re.compile(r"\s*(?:or\s+(?:more|greater|higher|above|less|lower|fewer)|and\s+(?:above|over|more|higher))\b", re.I)
_REDUCED_BY = re.compile(r"\b(?:reduc\w*|declin\w*|decreas\w*|lower\w*|cut|cuts|cutting|fell|dropped)\b(?:\s+[\w-]+){0,8}?\s+by\s+"
                         r"(?:about\s+|approximately\s+|nearly\s+)?$", re.I)
# ("32% relative risk reduction", "a 20% relative reduction")
_REDUCTION_AFTER = re.compile(r"^\s*(?:relative\s+)?(?:(?:risk|hazard|odds|rate)\s+)?(?:reduction|decrease|lower|fewer|reduced|decline)\b", re.I)
# "a reduction in the relapse rate of 88%", "an ARR reduction of 53%"
_REDUCTION_OF = re.compile(r"\b(?:reduction|decrease|decline)\s+(?:in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s+)?of\s+"
                           r"(?:about\s+|approximately\s+)?$", re.I)
# the next item of a list of reductions sharing one verb: "... and time below 2.8 mmol/L by "
_AND_THEN_BY = re.compile(r"\band\b(?:\s+[^\s(),;\[\]]+){0,8}?\s+by\s+(?:about\s+|approximately\s+|nearly\s+)?$", re.I)
_VERSUS_REFERENCE = re.compile(r"^\s*(?:vs\.?|versus|compared\s+(?:with|to))\s+(?P<ref>[A-Za-z][\w-]*(?:\s+[\w-]+)?)")


_AGAINST_BEFORE = re.compile(r"\s*(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|from|of)\s+(?:(?:those|that|the)\s+)?"
                             r"(?:values?\s+|levels?\s+)?(?:before|at\s+baseline|baseline|pre-?(?:treatment|operative|study)\b)", re.I)


_EVENT_RATE_WORDS = re.compile(r"\b(?:rates?|relapses?|attacks?|exacerbations?|events?|risk|hazard|odds|ARR|incidence)\b", re.I)


# "defined as a 50% reduction", "was considered a response when a 30% decrease", "criteria: 25% fall": the words
# right before the percentage define an event or a response, they report no result
_DEFINED_AS = re.compile(r"\b(?:defined|considered|classified|regarded|taken)\s+as\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
                         r"|\b(?:definition|criteri(?:on|a)|threshold|cut-?off)\s+(?:of|was|were|:)?\s*(?:an?\s+)?$", re.I)


# "the proportion of patients achieving at least 20 mm or 40% decrease in pain", "reaching a 50% reduction": the
# change a responder must reach (a threshold shared with the value before "or", or the goal of "achieving"), no result
_RESPONDER_THRESHOLD = re.compile(r"(?:\bat\s+(?:least|most)|\b(?:more|less)\s+than|[<>\u2264\u2265]=?)\s*\d+(?:\.\d+)?"
                                  r"\s*[^\s,;()\d]{0,6}\s+or\s+$"
                                  r"|\b(?:achiev|reach|attain)\w*\s+(?:at\s+least\s+)?(?:an?\s+)?$", re.I)


# "apneas, defined as partial obstructions leading to a 50% reduction in airflow": a definition's whole clause
_DEFINITION_CLAUSE = re.compile(r"\b(?:defined|classified)\s+as\b[^;.()]{0,100}$", re.I)


def relative_changes(s: Sentence) -> None:
    """ "declined by 37%", "reduced the risk by 44 percent", "a 71% reduction", "-71.1% vs placebo"."""
    seg = s.seg
    if not_a_result(s):
        return
    for i, n in enumerate(s.nums):
        if not s.free(i) or not n.percent or s.threshold_before(n):
            continue        # "(>=50% reduction in seizure frequency)" defines a responder
        after = seg[n.full_end:n.full_end + 40]
        before = seg[max(0, n.start - 110):n.start]
        if _DEFINED_AS.search(before) or _DEFINITION_CLAUSE.search(before) or _RESPONDER_THRESHOLD.search(before):
            s.claimed.add(i)
            continue        # "apnea was defined as a 50% reduction in airflow": a definition's threshold
        # "-71.1% vs placebo", "+38.8% vs pre-study": a signed change against a reference
        m_vs = _VERSUS_REFERENCE.match(after)
        if n.signed and m_vs:
            est = Estimate("RRR", -n.value / 100, n.text, n.start, n.full_end, kind="change", percent=True)
            est.comparator_hint = m_vs.group("ref")
            s.add(est, i)
            continue
        if n.signed or PERCENTAGE_POINTS.match(seg, n.end):
            continue        # "lower ... by 6.32 percentage points": a difference of two percentages, not a relative one
        if _BOUND_AFTER.match(seg, n.full_end):
            s.claimed.add(i)
            continue        # "reduced by 50% or more": a responder's threshold, not a result
        reduction = _REDUCED_BY.search(before) or _REDUCTION_AFTER.match(after) or _REDUCTION_OF.search(before)
        if not reduction and _AND_THEN_BY.search(before) \
                and any(e.measure == "RRR" and e.end <= n.start for e in s.estimates):
            reduction = _AND_THEN_BY.search(before)     # "reduced X by 65% (...) and Y by 76% (...)": the verb shared
        if re.search(r"\bfrom\s*[-+]?\d+(?:\.\d+)?\s*%?\s*to\s*$", before[-24:]):
            continue        # "rose from 41.2% to 47.9%": a level after, read by the within-arm rules
        if re.search(r"(?<![\d.])\d+(?:\.\d+)?\s*%?\s*(?:to|-|\u2013)\s*$", before[-12:]):
            s.claimed.add(i)
            continue        # "19 to 46% reduction": the end of a range of results, not one estimate
        # "16% reduction in the risk for recurrent stroke": the words after say it is an event's risk
        event_after = bool(re.match(r"\s*(?:relative\s+)?(?:reduction|decrease)\s+(?:in|of)\s+(?:the\s+)?(?:risk|rate|odds|hazard|incidence)",
                                    after, re.I))
        if reduction and not event_after and (s.lab_quantity_before(n.start) or _level_reduced(before)
                                              or _measurement_after(after)):
            continue        # "UPCR fell by 69%", "IgG levels decreased by 62%": a level's change within an arm; "reduced
                            # FPG by 8%", "liver triglyceride content decreased by 27%": a measurement's relative change,
                            # which restates two arms' means (no event's risk)
        if reduction and _AGAINST_BEFORE.match(after) and not _EVENT_RATE_WORDS.search(before):
            continue        # "PaCO2 decreased by 25% compared with those before treatment": a level within one arm, over
                            # time (an event rate's reduction against before treatment is kept: "an ARR reduction of 88%")
        if reduction and _one_arms_reduction(s, n, before, event_after):
            s.claimed.add(i)
            continue
        if reduction and not s.ratio_restated(n.value / 100):
            # "(6% reduction, 95% CI: -1 to 12%)", "a 26% reduction in the risk of death (95% CI 10% to 40%)": the
            # interval printed after the reduction's word, or after what it reduced
            named_after = _REDUCTION_AFTER.match(after)
            tail = None
            if named_after is not None:
                what = _CHANGED_IN.match(s.seg, n.full_end)
                tails = [n.full_end + named_after.end()] + ([what.end()] if what is not None else [])
                tail = next((t for t in tails if s.ci_after(t) is not None), None)
            s.add(Estimate("RRR", n.value / 100, n.text, n.start, n.full_end, kind="change", percent=True), i,
                  tail_from=tail)


# a quantity measured on each patient (a level, a concentration, a pressure, a score) rather than an event's risk: its
# relative change restates means ("telmisartan reduced FPG by 8%", "oxygen consumption decreases by 5% for every 1 °C")
_MEASUREMENT = re.compile(r"\b(?:glucose|glyc\w+|insulin|HOMA(?:-IR)?|FPG|FPI|FBS|HbA1c|A1c|cholesterol|LDL(?:-C)?|HDL(?:-C)?|"
                          r"triglycerides?|lipids?|content|concentrations?|levels?|pressure|BP|consumption|output|volume|"
                          r"weight|BMI|scores?|titers?|titres?|clearance|flow|thickness|density|temperature|oxygenation|"
                          # laboratory analytes and a sample's words ("serum sodium", "bicarbonate"): a level
                          r"serum|plasma|urinary|sodium|potassium|chloride|bicarbonate|calcium|magnesium|phosphate|"
                          r"creatinine|urea|BUN|albumin|bilirubin|ALT|AST|haemoglobin|hemoglobin|hematocrit|haematocrit|"
                          r"uric\s+acid)\b", re.I)
_EVENT_NOUN = re.compile(r"\b(?:risk|rates?|incidence|odds|hazard|events?|deaths?|mortality|relapses?|recurrences?|"
                         r"infections?|transfusions?|complications?|admissions?|hospitali[sz]ations?|exacerbations?|attacks?|"
                         r"episodes?|need|use|failures?|occurrence)\b", re.I)


def _level_reduced(before: str) -> bool:
    """The quantity named last in the clause before a percentage reduction is a measurement, not an event."""
    clause = re.split(r"[;:(]|,\s|\.\s", before)[-1]
    levels = [m.start() for m in _MEASUREMENT.finditer(clause)]
    events = [m.start() for m in _EVENT_NOUN.finditer(clause)]
    return bool(levels) and (not events or max(levels) > max(events))


_CHANGED_IN = re.compile(r"\s*(?:(?:relative\s+)?(?:reduction|decrease|decline|fall|drop)\s+)?(?:in|of)\s+(?:the\s+)?"
                         r"(?P<what>(?:[\w-]+\s*){1,5})", re.I)


def _measurement_after(after: str) -> bool:
    """ "a reduction of 25 % in the postoperative albumin levels": what the percentage changes, named after it, is a
    measurement (its first noun of either kind is a measurement's, not an event's)."""
    m = _CHANGED_IN.match(after)
    if m is None:
        return False
    level, event = _MEASUREMENT.search(m.group("what")), _EVENT_NOUN.search(m.group("what"))
    return level is not None and (event is None or level.start() < event.start())


# "X in the A group decreased by 51%", "patients in the A arm had a 73% reduction": the clause before the value
# puts the change in one arm
_IN_ONE_ARM = re.compile(r"\b(?:in|of|for|among|within)\s+(?:the\s+)?(?:(?:patients|participants|women|men|children|subjects)\s+"
                         r"(?:in|of|receiving|treated\s+with)\s+(?:the\s+)?)?[\w+/-]+(?:\s+[\w+/-]+){0,2}?\s+(?:group|arm|cohort)\b", re.I)
# right after the value and its brackets: "in patients given A", "among those receiving A", "in the A arm", "with A alone"
_ONE_ARM_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:in|among|for|within)\s+(?:the\s+)?(?P<arm>(?:patients|participants|women|men|"
                            r"children|subjects|those)\s+(?:given|receiving|treated\s+with|on|allocated\s+to|randomi[sz]ed\s+to|"
                            r"in)\s+(?:the\s+)?(?:[\w+/-]+\s*){1,3}|(?:[\w+/-]+\s+){1,3}(?:group|arm|cohort)\b)", re.I)
_ARM_WORDS = {"patients", "participants", "women", "children", "subjects", "those", "given", "receiving", "treated",
              "with", "allocated", "randomized", "randomised", "group", "cohort", "the"}
_COMPARES_ARMS = re.compile(r"\b(?:than|compared|versus|vs\.?|relative\s+to|over)\b", re.I)
# "a 73% reduction in X ..., compared with 29% in the B group", "fell by 40% versus 12%": two arms' own changes set
# side by side
_ANOTHER_PERCENT_AFTER = re.compile(r"[^.;\d]{0,60}?(?:\bcompared\s+(?:with|to)|\bversus\b|\bvs\.?|\bwhile\b|\bwhereas\b|\bagainst\b)"
                                    r"\s*(?:only\s+|just\s+)?[-+]?\d+(?:\.\d+)?\s*%"
                                    # "..., while the placebo group saw a 2% increase", "whereas it rose by 4% with B": the
                                    # other arm's own change in a clause of its own
                                    r"|[^.;\d]{0,60}?\b(?:while|whereas)\b[^.;\d]{0,80}?\b(?:rose|rise|increas\w*|decreas\w*|fell|"
                                    r"reduc\w*|declin\w*|dropp?\w*|gain\w*|grew|lost|loss)\b[^.;\d]{0,20}?[-+]?\d+(?:\.\d+)?\s*%"
                                    r"|[^.;\d]{0,60}?\b(?:while|whereas)\b[^.;\d]{0,80}?[-+]?\d+(?:\.\d+)?\s*%\s*(?:relative\s+)?"
                                    r"(?:rise|increase|decrease|reduction|decline|drop|gain|loss|fall)\b", re.I)


def _one_arms_reduction(s: Sentence, n: Num, before: str, event_after: bool) -> bool:
    """A percentage fall within one arm, not a relative reduction of one arm's risk against another's: the clause
    before puts it in one arm and compares no arms, or another arm's percentage follows it to be compared with."""
    clause = re.split(r"[;:]|\.\s", before)[-1]
    if _ANOTHER_PERCENT_AFTER.match(s.seg, n.full_end) and not event_after:
        return True
    # the arm may be named after the value: "ferritin fell by 42% (95% CI ...) in patients given A", "... by 30% in
    # the A arm" (the value's own brackets skipped)
    rest = re.split(r"[;]|\.\s|\.$", re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", s.seg[n.full_end:]))[0]
    after = _ONE_ARM_AFTER.match(rest)
    # (not when the clause's subject is that arm's treatment: "X decreased blood loss by 41% in the X group" is X's
    # effect against the control)
    named_after = [w for w in re.findall(r"[A-Za-z][\w-]{3,}", after.group("arm")) if w.lower() not in _ARM_WORDS] if after else []
    in_one_arm = bool(_IN_ONE_ARM.search(clause)) or bool(after) and not any(
        re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", clause, re.I) for w in named_after)
    return in_one_arm and not _COMPARES_ARMS.search(clause + " " + rest) and not event_after \
        and not re.search(r"\b(?:risk|odds|hazard)\b", clause, re.I)


def rates_per_100(s: Sentence) -> None:
    """ "44.4/100 patient-years" (kept per 100), "12.5 per 1000 person-years" (per 1000), "0.23 relapses per
    patient-year" (per one): the unit column says which; rates in different units are never pooled together."""
    for rate in s.parse("rate"):
        idx = [i for i in s.num_at(rate.value_start, rate.value_end) if s.free(i)]
        if not idx:
            continue
        n = s.nums[idx[0]]
        if re.match(r"\s*(?:in|for)\s+(?:both|all|the\s+two)\s+(?:groups|arms)\b", s.seg[rate.end:rate.end + 30], re.I):
            s.claim_span(rate.start, rate.end)
            continue        # "(approximately 2.6%/year in both groups)": no one arm's rate
        unit = f"per {rate.per} patient-years" if rate.per > 1 else "per patient-year"
        est = Estimate("ARR", n.value, n.text, n.start, n.full_end, unit=unit, kind="rate")
        # "from 102.3 to 25.6 per 100 patient-years": the first value has the same unit, before treatment;
        # "(2.56 vs. 2.65%/year)": the first value has the same unit, the other arm's rate
        start = re.search(r"\bfrom\s+(?P<v>" + UNSIGNED + r")\s+to\s+$", s.seg[max(0, n.start - 30):n.start])
        paired = None if start else re.search(r"(?<![\d.])(?P<v>" + UNSIGNED + r")\s*(?:vs\.?|versus)\s*$",
                                              s.seg[max(0, n.start - 30):n.start])
        if paired:
            offset = n.start - len(paired.group(0)) - paired.start()
            j = [i for i in s.num_at(offset + paired.start("v"), offset + paired.end("v")) if s.free(i)]
            if j:
                m0 = s.nums[j[0]]
                s.claimed.add(j[0])
                other = Estimate("ARR", m0.value, m0.text, m0.start, m0.full_end, unit=unit, kind="rate")
                arms = s.comparison_order() or tuple(s.state.two_arms())
                if arms and len(arms) == 2:
                    other.arm_hint, est.arm_hint = arms[0], arms[1]
                s.estimates.append(other)
        first = None
        if start:
            offset = n.start - len(start.group(0)) - start.start()
            j = [i for i in s.num_at(offset + start.start("v"), offset + start.end("v")) if s.free(i)]
            if j:
                m0 = s.nums[j[0]]
                first = Estimate("ARR", m0.value, m0.text, m0.start, m0.full_end, unit=unit, kind="rate",
                                 timepoint="before treatment")
                est.timepoint = "on treatment"
                s.claimed.add(j[0])
                s.estimates.append(first)
        listed = [] if (start or paired) else _rates_listed_before(s, n)
        for j in listed:
            # "11.0, 7.8, and 4.8 cases per 100 person-years in the A, B and C groups": the unit printed once
            m0 = s.nums[j]
            s.claimed.add(j)
            s.estimates.append(Estimate("ARR", m0.value, m0.text, m0.start, m0.full_end, unit=unit, kind="rate"))
        s.claim_span(rate.start, rate.end)
        s.add(est, idx[0], tail_from=rate.end)
        if first is not None:
            first.tail_end = est.tail_end


def _rates_listed_before(s: Sentence, n: Num) -> list[int]:
    """The free numbers of a list "a, b, and " printed right before the rate `n` (their unit is its)."""
    out, pos = [], n.start
    while True:
        m = re.search(r"(?<![\d.])(?P<v>" + UNSIGNED + r")\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", s.seg[max(0, pos - 30):pos])
        if m is None:
            break
        start = pos - (len(s.seg[max(0, pos - 30):pos]) - m.start("v"))
        j = next((k for k, x in enumerate(s.nums) if x.start == start and s.free(k) and not x.percent), None)
        if j is None:
            break
        out.insert(0, j)
        pos = start
    return out


def relapse_rates(s: Sentence) -> None:
    """In a sentence about annualized relapse rates, the plain decimals are rates."""
    seg = s.seg
    ks = [k for k in s.kws if k[2] == "ARR" and not re.match(r"^\s*ratio", seg[k[1]:k[1] + 8])]
    if not ks:
        return
    # a number is a rate while the last quantity named before it is the relapse rate
    # ("ARR fell from 1.2 to 0.3, and EDSS from 4.5 to 3.0": 4.5 and 3.0 are scores)
    marks = sorted([(k[0], True) for k in ks] + [(m.start(), False) for m in OTHER_QUANTITY.finditer(seg)])
    for i, n in enumerate(s.nums):
        if not s.free(i) or n.signed or n.percent:
            continue
        last = [is_rate for pos, is_rate in marks if pos < n.start]
        if not last or not last[-1]:
            continue
        # a whole number is a rate right after "ARR", or as the end of "from 2.0 (IQR ...) before X to 0"
        to_after_rate = bool(re.search(r"\bto\s*$", seg[max(0, n.start - 6):n.start])) and any(
            e.measure == "ARR" and e.end <= n.start for e in s.estimates)
        if not n.decimal and not to_after_rate and not re.search(r"\bARR\s*[:=]?\s*$", seg[max(0, n.start - 8):n.start]):
            continue
        if s.unit_after(n) or s.threshold_before(n) or n.value >= 20:
            continue
        if re.match(r"^\s*(?:/|of\b)\s*\d", seg[n.full_end:n.full_end + 6]):
            continue
        s.add(Estimate("ARR", n.value, n.text, n.start, n.full_end, kind="rate-context"), i)
    # "from 1.17 to 0.25": the first is the rate before treatment, the second on treatment
    rates = [e for e in s.estimates if e.measure == "ARR" and e.kind in ("rate-context", "labelled")]
    for a, b in zip(rates, rates[1:]):
        between = seg[a.end:b.start]
        if re.fullmatch(r"\s*(?:[\[(][^\])]*[\])]\s*)?(?:(?:before|prior\s+to)\s+[\w-]+\s+)?to\s*", between):
            a.timepoint = a.timepoint or "before treatment"
            b.timepoint = b.timepoint or "on treatment"
            a.arm_hint = "@" + str(b.end)   # the arm named after the second value applies to both


_CHANGE_WORDS = prefiltered(re.compile(r"\b(?:reduction|change|decrease|differen\w*|improvement|declin\w*)\b", re.I))


def signed_differences(s: Sentence) -> None:
    """Signed changes in a sentence about change take the difference measure named in the document."""
    seg = s.seg
    if not _CHANGE_WORDS.search(seg) or not_a_result(s):
        return
    named = [k[2] for k in s.kws if k[2] in P.CONTINUOUS]
    measure = named[-1] if named else s.state.last_difference_measure
    if not measure:
        return
    earlier = [e for e in s.estimates if e.measure in P.CONTINUOUS]
    for i, n in enumerate(s.nums):
        if not s.free(i) or not n.signed or n.percent:
            continue
        before = seg[max(0, n.start - 30):n.start]
        if s.unit_after(n):
            # "a difference of -1.9 points in MG-ADL (p<0.001) and of -3.1 points in QMG": the same kind
            # of difference continued, in the same unit
            if not (s.points_after(n) and re.search(r"\b(?:and|or)\s+of\s+$", before)
                    and any(e.end <= n.start for e in earlier)):
                continue
            s.add(Estimate(earlier[-1].measure, n.value, n.text, n.start, n.full_end, kind="difference"), i,
                  tail_from=s.points_end(n))
            continue
        after = seg[n.full_end:n.full_end + 12]
        if re.search(r"\b(?:mean|LSM|LS\s+mean|vs\.?|versus)\s*$", before, re.I) or re.match(r"^\s*(?:vs|versus|and)\b", after):
            continue
        if s.within_arm_change(n.start):
            continue
        ok = (re.match(r"^\s*[\[(]\s*[Pp]\b", after)
              or re.search(r"\b(?:reduction|change|decrease|difference|improvement|declin\w*)\s+(?:of\s+)?$", before, re.I)
              or (re.search(r"\(\s*$", before) and re.match(r"^\s*\)", after))
              or s.ci_after(n.full_end) is not None)
        if ok:
            s.add(Estimate(measure, n.value, n.text, n.start, n.full_end, kind="difference"), i)


# "(HR; 95% CI: 1.19; 0.94-1.50)": the measure, then the interval's label, then the value and its limits; later
# brackets of the same sentence printed the same way ("(2.03; 1.24-3.32)") are the same measure's
_LABEL_THEN_VALUE = re.compile(r"\s*[;,:]\s*" + CI_LABEL + r"\s*[:=,]?\s*(?P<v>" + NUM + r")\s*[;,]\s*(?P<lo>" + NUM
                               + r")\s*(?:-|\bto\b)\s*(?P<hi>" + NUM + r")")
_SAME_FORM = re.compile(r"[(\[]\s*(?P<v>" + NUM + r")\s*;\s*(?P<lo>" + NUM + r")\s*(?:-|\bto\b)\s*(?P<hi>" + NUM
                        + r")\s*[)\]]")


def label_then_value(s: Sentence) -> None:
    """ "(HR; 95% CI: 1.19; 0.94-1.50)" and the later "(2.03; 1.24-3.32)" of the same sentence, or of the sentences
    after it that name no measure of their own."""
    seg = s.seg
    labelled = False
    for ks, ke, code in s.kws:
        m = _LABEL_THEN_VALUE.match(seg, ke)
        if m is None:
            continue
        labelled = True
        code, log_scale = _log_code(code)
        _value_with_limits(s, code, m, log_scale)
        for later in _SAME_FORM.finditer(seg, m.end()):
            _value_with_limits(s, code, later, log_scale)
        s.state.value_then_limits_measure = _log_code(code)[0] if not log_scale else ""
    if labelled:
        return
    if s.kws:
        s.state.value_then_limits_measure = ""     # another measure named: the form's measure no longer holds
        return
    code = s.state.value_then_limits_measure
    s.state.value_then_limits_measure = ""      # it carries over to the next sentence only, and on while it is used
    if code and not _SPREAD_WORDS.search(seg) and not re.search(r"\b(?:age|aged|mean|SD)\b", seg, re.I):
        # "... (HR; 95% CI: 1.19; 0.94-1.50) ... . Zinc also protected against fever (0.75; 0.57-0.96)"
        for later in _SAME_FORM.finditer(seg):
            lo, v, hi = (parse_number(later.group(k)) for k in ("lo", "v", "hi"))
            if None not in (lo, v, hi) and lo <= v <= hi:
                _value_with_limits(s, code, later, False)
                s.state.value_then_limits_measure = code


def _value_with_limits(s: Sentence, code: str, m: re.Match, log_scale: bool) -> None:
    idx = s.num_at(m.start("v"), m.end("v"))
    if not idx or not s.free(idx[0]):
        return
    n = s.nums[idx[0]]
    measure = s.resolve(code, n)
    est = Estimate(measure, n.value, n.text, n.start, n.full_end, kind="labelled")
    est.ci_low, est.ci_high = parse_number(m.group("lo")), parse_number(m.group("hi"))
    est.ci_level = 0.95
    s.claim_span(m.start("v"), m.end())
    s.attach_p(est, m.end())
    s.estimates.append(est)
    if log_scale:
        _back_transform(est)
    s.note_measure(measure)


# "The absolute difference in the enhancement of performance between the placebo and the A group of +0.08 W/kg was
# significant (p < 0.03)": a difference named long before its value (no number between); "(5.6% increase associated
# with the intervention (95% CI -4.7% to 16.9%))": a percentage change the intervention made, with its interval
_DIFFERENCE_OF = prefiltered(re.compile(r"\b(?:absolute|mean|net|estimated|adjusted|between-group)?\s*difference\b(?P<mid>[^.;\d%]{0,160}?)"
                            r"\b(?:of|was|were|=|:)\s+(?P<v>[-+]?\d+(?:\.\d+)?)(?!\s*%)(?=\s*[a-zA-Z\u00b5\u03bc(])", re.I))
_PERCENT_MADE_BY = prefiltered(re.compile(r"(?<![\w.])(?P<v>[-+]?\d+(?:\.\d+)?)\s*%\s+(?:(?:relative|mean|net|absolute)\s+)?(?P<dir>increase|rise|difference)"
                              r"\s+(?:(?:associated\s+with|attributable\s+to|due\s+to|with|for|in)\s+(?:the\s+)?(?:intervention|treatment|active\s+"
                              r"treatment|experimental\s+(?:arm|group))|(?:in|of)\s+(?!the\s+(?:risk|odds|hazard|rate|incidence))[\w\s-]{1,40}?"
                              r"\s+(?:with|for|in)\s+(?:the\s+)?(?:intervention|treatment))", re.I))
# "enhanced peak power by +0.08 W/kg (+2.5%) versus placebo", "lowered LDL by 0.9 mmol/L relative to control": an amount
# of a unit by which one arm's result exceeds the other's, named against the other (the same in percent beside it)
_BY_AMOUNT_VERSUS = prefiltered(re.compile(
    r"\bby\s+(?P<v>[-+]?\d+(?:\.\d+)?)(?P<u>\s*(?!%)[a-zA-Z\u00b5\u03bc][\w\u00b5\u03bc/.]{0,10}(?:\s+(?:bw|body\s*weight))?)"
    r"(?:\s*[(\[]\s*(?P<pc>[-+]?\d+(?:\.\d+)?)\s*%\s*[)\]])?\s*,?\s*(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to)\s+"
    r"(?:the\s+)?(?:placebo|control|sham|usual\s+care|standard\s+care)\b", re.I))
# "by 2 weeks versus placebo": a time, no amount of a quantity
_ONE_ARMS_UNIT_WORDS = re.compile(r"\s*(?:weeks?|months?|days?|years?|hours?|patients?|participants?|cases?|events?|times?|fold)\b", re.I)
_NO_DIFFERENCE = re.compile(r"\bno\s+(?:\w+\s+)?difference|\bdifferences?\s+(?:was|were)\s+not\b", re.I)


def distant_differences(s: Sentence) -> None:
    """A difference named long before its value (only words between), and a percentage change "associated with the
    intervention" printed with its interval: mean differences (the second in percent)."""
    seg = s.seg
    if "ifferen" not in seg and "%" not in seg and " by " not in seg or not_a_result(s):
        return
    for m in _DIFFERENCE_OF.finditer(seg):
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or not s.free(idx[0]) or _NO_DIFFERENCE.search(seg, max(0, m.start() - 10), m.end("mid")) \
                or _AGREEMENT.search(seg, max(0, m.start() - 40), m.end("v")) or s.threshold_before(s.nums[idx[0]]):
            continue
        n = s.nums[idx[0]]
        if _SIGNED_UNIT.match(seg[n.full_end:n.full_end + 24]) is None and not re.match(r"\s*(?:[a-zA-Z\u00b5\u03bc]{1,4}/[a-zA-Z]{1,4}|points?)\b",
                                                                       seg[n.full_end:n.full_end + 14]):
            continue        # a difference of a quantity carries its unit ("+0.08 W/kg", "3.1 points")
        est = Estimate("MD", n.value, n.text, n.start, n.full_end, kind="labelled")
        s.add(est, idx[0], tail_from=_unit_span_end(seg, n.full_end))
        if est.p_value is None and est.ci_low is None:
            p = next((p for p in s.ps if n.full_end <= p.start <= n.full_end + 60
                      and not re.search(r"[\d;]|\.\s", seg[n.full_end:p.start])), None)
            if p is not None:       # "... of +0.08 W/kg bodyweight was significant (p < 0.03)"
                est.p_value, est.p_text = p.value, p.text
        s.note_measure("MD")
    for m in _BY_AMOUNT_VERSUS.finditer(seg):
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or not s.free(idx[0]) or _ONE_ARMS_UNIT_WORDS.match(m.group("u")):
            continue
        for group in ("v", "pc"):
            if m.group(group) is None:
                continue
            gi = s.num_at(m.start(group), m.end(group))
            if not gi or not s.free(gi[0]):
                continue
            n = s.nums[gi[0]]
            est = Estimate("MD", n.value, n.text, n.start, n.full_end, kind="labelled")
            if group == "pc":
                est.unit = "%"
            s.add(est, gi[0])
    for m in _PERCENT_MADE_BY.finditer(seg):
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or not s.free(idx[0]) or s.ci_after(m.end()) is None and s.ci_after(_bracket_open_end(seg, m.end())) is None:
            continue
        n = s.nums[idx[0]]
        est = Estimate("MD", n.value, n.text, n.start, n.full_end, kind="labelled")
        est.unit = "%"
        s.add(est, idx[0], tail_from=_bracket_open_end(seg, m.end()))


def _unit_span_end(seg: str, pos: int) -> int:
    m = re.match(r"\s*[a-zA-Z\u00b5\u03bc%/]{1,10}(?:\s+(?:bw|body\s*weight))?", seg[pos:pos + 24])
    return pos + m.end() if m else pos


def _bracket_open_end(seg: str, pos: int) -> int:
    """Past the opening bracket before an interval: "increase ... intervention (95% CI ...)"."""
    m = re.match(r"\s*[(\[]\s*", seg[pos:pos + 6])
    return pos + m.end() if m else pos


# "were 2.4 times more likely to relapse (95% CI 1.3-4.4)", "a 1.8-fold higher risk", "had 3.1 times the odds of",
# "2.2-fold increased hazard", "the odds of X were 2.5 times higher", "The probability of X in A was 5.2 times more
# than that of B (95% CI 1.9-14.5)": a ratio printed as a multiple. The measure is the one the words name (odds -> OR,
# hazard -> HR, rate or incidence -> IRR, risk -> RR); "likely", "probability", "chance" name no model, and the
# project's vocabulary has no unnamed ratio, so they are read as a relative risk unless the arms' percentages printed
# before it compute an odds ratio (ratio_kind.py). Only a multiple printed with its interval is read: a bare "6 times
# more bioavailable" of the background is no estimate.
_RATIO_NOUN = (r"(?P<noun>odds|hazards?(?:\s+rates?)?|risks?|rates?|incidences?|likel(?:y|ihood)|probabilit(?:y|ies)|chances?|"
               r"possibilit(?:y|ies))")
# after the multiple, the other group it is a multiple of: "... was 0.93 times less the hazard rate of group B", "3.1
# times that of the placebo arm": a comparison of two arms, read without an interval
_OF_THE_OTHER_GROUP = re.compile(r"\s*(?:(?:more|less|higher|greater|lower)\s+)?(?:than\s+)?(?:that|those|the\s+[\w-]+(?:\s+[\w-]+)?)"
                                 r"\s+of\s+(?:the\s+)?(?:(?:patients|participants|subjects)\s+in\s+(?:the\s+)?)?"
                                 r"(?:(?:group|arm)\s+[A-Z0-9]{1,3}\b|[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b)", re.I)
_MULTIPLE = r"(?P<v>" + UNSIGNED + r")\s*(?:-\s*)?(?:times|fold)\b"
_MULTIPLE_THEN_NOUN = prefiltered(re.compile(
    _MULTIPLE + r"\s+(?:(?:more|less|as|higher|greater|lower|increased|decreased|reduced|elevated|larger|smaller)\s+)?"
    # "a 2.1-fold increase in the odds of remission": the change's noun between the multiple and what it multiplies
    r"(?:(?:increase|decrease|reduction|rise|elevation)\s+(?:in|of)\s+)?"
    r"(?:(?:the|an?|their|its)\s+)?" + _RATIO_NOUN + r"\b", re.I))
_NOUN_THEN_MULTIPLE = prefiltered(re.compile(
    r"\b(?:the\s+)?" + _RATIO_NOUN + r"\s+(?:of|for|to|that)\b(?:[^.;\d]|(?:(?<=arm\s)|(?<=group\s))\d{1,2}\b){0,120}?\b(?:was|were|is|are|being)\s+(?:about\s+|approximately\s+|nearly\s+)?"
    + _MULTIPLE + r"\s+(?:more|less|higher|greater|lower|larger|smaller|as\s+(?:high|large|great)|that)\b", re.I))
_MULTIPLE_MEASURE = {"odds": "OR", "hazard": "HR", "rate": "IRR", "incidence": "IRR", "risk": "RR"}
# between the multiple and its interval: words, a bracketed "(confidence interval)", the level ("95% equal to"), no value
_TO_INTERVAL = re.compile(r"[^.;\d]{0,140}?(?=[(\[]?\s*[-+]?\d)")
_PAIR_AFTER_LABEL = re.compile(r"[(\[]\s*(?P<lo>" + NUM + r")\s*(?:-|\u2013|\bto\b|,)\s*(?P<hi>" + NUM + r")\s*[)\]]")
_LEVEL_THEN = re.compile(r"\s*[(\[]?\s*(?:90|95|99)\s*(?:%|percent)[^.;\d]{0,30}?(?=[(\[]?\s*[-+]?\d)", re.I)


def _multiple_measure(noun: str) -> str:
    noun = noun.lower()
    return next((code for stem, code in _MULTIPLE_MEASURE.items() if noun.startswith(stem)), "RR")


def times_as_likely(s: Sentence) -> None:
    """A ratio printed as a multiple with its interval: "2.4 times more likely (95% CI 1.3 to 4.4)", "1.8-fold higher
    odds", "the risk of X was 3 times higher ... (95% CI ...)"; the measure from the noun."""
    seg = s.seg
    if "times" not in seg and "fold" not in seg or not_a_result(s):
        return
    for pattern in (_MULTIPLE_THEN_NOUN, _NOUN_THEN_MULTIPLE):
        for m in pattern.finditer(seg):
            idx = s.num_at(m.start("v"), m.end("v"))
            if not idx or not s.free(idx[0]):
                continue
            n = s.nums[idx[0]]
            ci, ci_end = _interval_of_multiple(s, n.value, m.end())
            named = _OF_THE_OTHER_GROUP.match(seg, n.full_end + len(re.match(r"\s*(?:-\s*)?(?:times|fold)", seg[n.full_end:]).group(0))) \
                if pattern is _NOUN_THEN_MULTIPLE else None
            if ci is None and named is None:
                continue
            est = Estimate(_multiple_measure(m.group("noun")), n.value, n.text, n.start, n.full_end, kind="labelled")
            if not any(m.group("noun").lower().startswith(stem) for stem in _MULTIPLE_MEASURE):
                est.flags.append(P.RATIO_KIND_FROM_ARMS)   # "likely", "probability": the arms' shares may decide
            s.claimed.add(idx[0])
            if ci is not None:
                est.ci_low, est.ci_high, est.ci_level = ci.low, ci.high, ci.level or 0.95
                s.claim_span(ci.start, ci.end)
            else:
                ci_end = named.end()
            s.attach_p(est, ci_end)
            s.estimates.append(est)
            s.note_measure(est.measure)


def _interval_of_multiple(s: Sentence, value: float, pos: int):
    """The interval printed after a multiple's words (labelled, or a bare pair after a level or 'confidence
    interval'), holding the value; None when another number stands between."""
    gap = _TO_INTERVAL.match(s.seg, pos)
    if gap is None:
        return None, pos
    start = gap.end()
    level = _LEVEL_THEN.match(s.seg, start)
    if level is not None:
        start = level.end()
    labelled_gap = re.search(r"\b(?:CI|CrI|confidence|credible)\b|(?:90|95|99)\s*%", s.seg[pos:start], re.I)
    for table, needs_label in ((s.cis, False), (s.bare_pairs, True)):
        for at, ci in table.items():
            if not start - 30 <= at <= start + 2 or at < pos or ci.low is None or ci.high is None:
                continue
            if needs_label and not labelled_gap:
                continue
            if ci.low <= value <= ci.high:
                return ci, ci.end
    pair = _PAIR_AFTER_LABEL.match(s.seg, start) if labelled_gap else None
    if pair is not None:        # "(confidence interval) 95% equal to (1.92 to 16.3)": a pair the grammar left bare
        low, high = parse_number(pair.group("lo")), parse_number(pair.group("hi"))
        level = re.search(r"(90|95|99)\s*(?:%|percent)", s.seg[pos:start])
        if low is not None and high is not None and low <= value <= high:
            return Interval(pair.start(), pair.end(), low, high, float(level.group(1)) / 100 if level else 0.95), pair.end()
    return None, pos


# "a 0.5-point greater improvement than placebo (95% CI ...)", "0.8 kg greater weight loss than B (95% CI ...)", "a 12%
# absolute reduction in relapse (95% CI ...)", "a 30% relative reduction ... (95% CI ...)": an amount, the words of the
# comparison after it, then a labelled interval with no other figure between
_AMOUNT_THEN_COMPARISON = re.compile(
    r"(?P<unit>\s*-?\s*(?:percentage[- ]points?|points?)|\s*(?!absolute|relative|greater|larger|smaller|more|less|lower|higher|"
    r"times|fold)"
    r"[A-Za-z\u00b5\u03bc][A-Za-z\u00b5\u03bc/\u00b2]{0,9})?\s+"
    r"(?P<kind>absolute|relative)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?P<cmp>greater|larger|smaller|bigger|more|less|lower|higher|longer|shorter)?\s*"
    r"(?P<noun>reductions?|decreases?|increases?|improvements?|differences?|gains?|loss|declines?|benefits?)?"
    r"(?P<tail>[^.;\d()\[\]]{0,70}?)(?=\s*[(\[]?\s*(?:(?:90|95|99)\s*%|CI\b|confidence\s+interval))", re.I)
_THAN_ANOTHER = re.compile(r"\b(?:than|vs\.?|versus|compared\s+(?:with|to)|relative\s+to|over)\b", re.I)


def comparative_amount(s: Sentence) -> None:
    """An amount named by the comparison words after it, with its labelled interval: an absolute difference in percent
    is a risk difference, a relative one a relative risk reduction; an amount greater or smaller than the other
    group's ("than B") is a mean difference. Nothing when the words say neither."""
    if not_a_result(s):
        return
    for i, n in enumerate(s.nums):
        if not s.free(i) or s.threshold_before(n):
            continue
        if re.match(r"\s*-?\s*(?:times|fold)\b", s.seg[n.full_end:n.full_end + 8]):
            continue    # a multiple: a ratio's (times_as_likely)
        m = _AMOUNT_THEN_COMPARISON.match(s.seg, n.full_end)
        if m is None or not (m.group("kind") or m.group("cmp")):
            continue
        ci = s.ci_after(m.end())
        if ci is None or not ci.labelled:
            continue
        points = bool(m.group("unit") and re.search(r"percentage", m.group("unit"), re.I)
                      or PERCENTAGE_POINTS.match(s.seg, n.end))
        words = f"{m.group('tail') or ''}"
        if m.group("kind") and (n.percent or points) and m.group("noun"):
            measure = "RD" if m.group("kind").lower() == "absolute" else "RRR"
        elif m.group("cmp") and _THAN_ANOTHER.search(words) and (points or not n.percent):
            measure = "RD" if points else "MD"
        else:
            continue
        fraction = measure in P.PERCENT_AS_FRACTION and (n.percent or points)
        value = n.value / 100 if fraction else n.value
        est = Estimate(measure, value, n.text, n.start, n.full_end, kind="labelled", percent=fraction)
        s.add(est, i, tail_from=m.end())
        if est.ci_low is None:
            continue
        _reduction_interval(est)
        s.note_measure(measure)


# "were 0.71 and 0.80 (95% CI 0.55-0.92 and 0.66-0.97, respectively)": two values, then one bracket of their two
# intervals in the same order
_TWO_VALUES_TWO_INTERVALS = re.compile(
    r"(?P<v1>" + NUM + r")\s*(?:,\s*)?(?:and|vs\.?|versus)\s+(?P<v2>" + NUM + r")\s*[(\[]\s*(?:" + CI_LABEL + r")\s*[,:=]?\s*"
    r"(?P<l1>" + NUM + r")\s*(?:to|[-\u2013\u2014])\s*(?P<h1>" + NUM + r")\s*(?:,\s*)?(?:and|;|,)\s*"
    r"(?P<l2>" + NUM + r")\s*(?:to|[-\u2013\u2014])\s*(?P<h2>" + NUM + r")\s*,?\s*respectively\s*[)\]]", re.I)


def two_intervals_respectively(s: Sentence) -> None:
    """A measure named before two values whose intervals follow in one bracket closed by "respectively": each value
    takes its own interval, in the order printed (not both the first)."""
    if "respectively" not in s.seg or not_a_result(s):
        return
    for m in _TWO_VALUES_TWO_INTERVALS.finditer(s.seg):
        first = s.num_at(m.start("v1"), m.end("v1"))
        second = s.num_at(m.start("v2"), m.end("v2"))
        if len(first) != 1 or len(second) != 1 or not s.free(first[0]) or not s.free(second[0]):
            continue
        n1 = s.nums[first[0]]
        code = s.measure_before(n1.start, n1, strict=True)
        if code is None:
            continue
        code, log_scale = _log_code(code)
        measure = s.resolve(code, n1)
        for idx, (lo, hi) in ((first[0], ("l1", "h1")), (second[0], ("l2", "h2"))):
            n = s.nums[idx]
            low, high = parse_number(m.group(lo)), parse_number(m.group(hi))
            if low is None or high is None or not low <= n.value <= high:
                break
            est = Estimate(measure, n.value, n.text, n.start, n.full_end, kind="labelled")
            est.ci_low, est.ci_high = low, high
            s.claimed.add(idx)
            s.claim_span(m.start(lo), m.end(hi))
            s.estimates.append(est)
            if log_scale:
                _back_transform(est)
        s.note_measure(measure)
