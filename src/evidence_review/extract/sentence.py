"""The engine's view of one sentence: its parsed numeric expressions, which numbers rules have claimed, and
the helpers rules share (the interval and p-value after a value, the measure named before it, whether the
sentence names an outcome, whether the words after a count describe patients rather than an outcome).

Numbers that are never an estimate's value are claimed before any rule runs: interval limits, p-values,
ranges, spreads, years, titres. Rules then claim the numbers they explain, in the registry's order.
"""
from __future__ import annotations

import re

from . import patterns as P
from .grammar import COUNT_WORD, OTHER_CURRENCY, Interval, Num, Parse, named_statistics
from .lexicon import Mention, has_outcome
from .named_outcome import names_compared_outcome
from .model import Estimate, SentenceState
from .orientation import find_comparison, groups_from
from ..regexfilter import prefiltered
from .startguard import start_guarded

_SD_HEADER = start_guarded(re.compile(r"\(\s*(?:SD|SE|SEM|s\.d\.)\s*\)|\bmean\s*\u00b1\s*SD\b", re.I))
_EVENT_WORDS = start_guarded(re.compile(r"\b(?:rates?|relapses?|attacks?|exacerbations?|events?|risk|hazard|odds|flares?|ARR)\b", re.I))
_MEAN_CHANGE = prefiltered(start_guarded(re.compile(r"\b(?:mean|LSM)\s+changes?\b", re.I)))
OTHER_QUANTITY = start_guarded(re.compile(
    r"\b(?:EDSS|MG-ADL|QMG|MGC|mRS|scores?|titers?|titres?|age|follow-up|duration|doses?|proteinuria|UPCR|eGFR|"
    r"weight|BMI|lymphocytes?|CD19|CD20|IgG|levels?|counts?|times?\s+to|volumes?|lesions?|atrophy|walk|MRI)\b", re.I))

# Words after a count that describe who the patients are (a baseline trait, an allocation), not an outcome
_VETO = prefiltered(start_guarded(re.compile(
    r"\b(?:female|females|women|male|males|men|children|paediatric|pediatric|adults?|aged?|years?\s+old|"
    # "8 (88.9%) were in the A group and 1 (11.1%) was in B": where the patients were, a share of the events
    r"were\s+treated|(?:were|was)\s+in\s+(?:the\s+)?[\w-]+\s+(?:group|arm)\b|were\s+in\s+the|received\s+(?:treatment|\w+\s+treatment)|treated\s+(?:after|before)|"
    r"were\s+included|included|randomi[sz]ed|enrolled|seropositive|seronegative|positive|negative|"
    r"white|asian|black|underwent|history|at\s+baseline|concomitant|were\s+available|"
    r"accounted|comprised|had\s+(?:a\s+)?diagnosis|completed|received(?!\s+rescue)|were\s+(?:given|prescribed|started)|"
    r"previously|prior|previous|course|monophasic|at\s+(?:onset|diagnosis|presentation|inclusion|enrol?ment)|"
    # who did not follow the protocol: adherence and disposition, not an outcome
    r"did\s+not\s+(?:take|receive|start|complete)|had\s+no\s+(?:evaluation|assessment)|took\s+less|lost\s+to\s+follow-?up|"
    r"withdr[ae]w\w*|dropped\s+out)\b",
    re.I,
)))
_PER_UNIT = re.compile(r"^\s*(?:per\s+)?(?:1[- ]?)?(?:SD|standard\s+deviation|unit|point)s?\b(?:\s+(?:log|increase|higher|lower|decrease))?",
                       re.I)
_SPREAD_NEXT = re.compile(r"\s*(?:\u00b1|\+/-)")     # a value's spread follows: "2077 ± 144" is a value, not a year
_TIME_WORD_BEFORE = re.compile(r"\b(?:days?|weeks?|months?|years?|visits?|hours?|cycles?|doses?|grades?|stages?|phases?)\s*$", re.I)
# counts of two arms set side by side, and the sentences about patient flow whose counts are not outcomes
_COUNTS_COMPARED = start_guarded(re.compile(r"\b(?:vs\.?|versus|compared\s+(?:to|with)|than|respectively|as\s+opposed\s+to|"
                              r"in\s+contrast\s+(?:to|with))(?=\W)|(?<=[\]\s)])v\.?(?=\s)|"
                              r"\b(?:in|of)\s+(?:the\s+)?\S+(?:\s+\S+)?\s+(?:group|arm)\b[^.;]{0,80}?\b(?:and|while|whereas)\b|"
                              r"\b(?:significant(?:ly)?\s+differen\w*|differ\w*\s+(?:significantly\s+)?between|no\s+(?:significant\s+)?differen\w*)|"
                              # "the cure rate of each group was as follows: group A 84.0% (42/50), group B ..."
                              r"\b(?:of|in|for)\s+each\s+(?:group|arm)\b",
                              re.I))
_DISPOSITION = start_guarded(re.compile(r"\b(?:randomi[sz]\w*|allocated|assigned|enrol\w*|recruited|screened|excluded|withdr[ae]w\w*|"
                          r"lost\s+to\s+follow-?up|dropped\s+out|completed|discontinu\w*|eligible|consent\w*)\b", re.I))
# "who received placebo", "treated with rituximab": the words name the count's arm
_ARM_DESCRIPTOR = re.compile(r"^\s*(?:of\s+)?(?:(?:those\s+|patients\s+|participants\s+|women\s+|men\s+|children\s+)?(?:(?:who|that)\s+(?:received|were\s+(?:treated\s+with|given|receiving))|receiving|treated\s+with)\s+\S"
                             r"|[\w-]+-(?:treated|exposed)\s+(?:patients|participants|children)\b"
                             # "(39/394) of the women in the progesterone group": the people counted, then their arm
                             r"|(?:the\s+)?(?:women|men|girls|boys|infants|children|adults|patients|participants)\s+in\s+the\s+\S)", re.I)
# "Eleven women (37.9%) in the A group experienced X": women or men as the people an outcome counts, read only
# when a verb of an outcome follows in the sentence and nothing else in it describes who the patients are
_PEOPLE_COUNTED = re.compile(r"^\S+\s+(?:women|men|mothers|girls|boys)\s*[(\[]", re.I)
_PEOPLE_COUNT_ANYWHERE = re.compile(r"\b\S+\s+(?:women|men|mothers|girls|boys)\s*(?=[(\[])", re.I)
_PEOPLE_OUTCOME_VERB = start_guarded(re.compile(r"\b(?:had|experienced|developed|delivered|suffered|reported|required|needed|"
                                  r"died|relapsed|achieved|reached|gave\s+birth)\b", re.I))
OUTCOME_VERB = re.compile(r"\s+(?:had|experienced|developed|relapsed|reached|achieved|died|required|needed|met)\b")
# "Adverse events occurred in 33 (58%) ... and 27 (47%) on placebo": the counts that follow are of the outcome
_OUTCOME_IN = prefiltered(start_guarded(re.compile(r"\b(?:occurred|(?:were|was)\s+reported|reported|observed|seen|developed|experienced)\s+(?:in|by)\b", re.I)))
_LIST_ITEM_BEFORE = start_guarded(re.compile(
    r"(?:(?<![\w.])\d+|\b" + COUNT_WORD + r")(?:\s+(?:patients|participants|children))?\s*[(\[][^()\[\]]{0,20}[)\]]\s*(?:[\w-]+\s+){0,3}?(?:,\s*and\s+|,\s*|and\s+)$", re.I))


# "in the A, B and C groups", "in the A, B, and C arms", "with A, B and C, respectively"
# ("10% and 16% for patients treated with A and B, respectively": the people, then how they were treated)
_ARM_LIST_AFTER = re.compile(r"\s*(?:of\s+patients\s+|of\s+participants\s+)?(?:in|with|for|on|(?P<of>of)(?=\s+(?:the\s+)?[^.;()]{3,80}?\s+(?:groups|arms|recipients)\b))\s+"
                             r"(?:(?:patients|participants|those|children|women)\s+(?:treated\s+with|receiving|given|on)\s+)?(?:the\s+)?(?P<names>[^.;()]{3,120}?)"
                             r"(?:(?P<groups>\s+(?:groups|arms))\b|\s+(?:cohorts|recipients)\b|(?=\s*,?\s*respectively\b|\s*[.;)]|\s*$|\s*[(\[]\s*[Pp]\s*[<>=\u2264\u2265]))", re.I)


def arms_listed_after(seg: str, groups, pos: int, count: int) -> list[str] | None:
    """The `count` arms named in one list right after `pos` ("in the A, B and C groups"), in order."""
    m = _ARM_LIST_AFTER.match(seg, pos)
    if m is None:
        return None
    listed = seg[m.start("names"):m.end("names")]
    if not re.search(r"\b(?:and|or)\b|,", listed):
        return None
    names = list(dict.fromkeys(g.name for g in groups if m.start("names") <= g.start and g.end <= m.end("names")))
    if len(names) == count:
        return names
    if names:
        return None
    # arms the lexicon does not know ("in the low-dose, high-dose and standard-care groups"): as written, when
    # the list says they are groups ("in TRIAL-1 and TRIAL-2, respectively" names studies, not arms)
    if not m.group("groups") or m.group("of"):
        return None     # "of the X and Y groups" only with arms the document names: "of" also leads to other things
    pieces = [re.sub(r"^(?:the|a)\s+", "", p.strip(), flags=re.I) for p in _LIST_SPLIT.split(listed)]
    if len(pieces) == count and all(_ARM_WORDS.fullmatch(p) for p in pieces):
        return [re.sub(r"\s+", " ", p).lower() for p in pieces]
    return None


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)
_ARM_WORDS = re.compile(r"[A-Za-z][\w+-]*(?:\s+[\w+-]+){0,3}")


_STUDY_LABEL = re.compile(r"[A-Z][A-Za-z]*[- ]?(?:[0-9]+[A-Za-z]?|[IVX]+)|[A-Z]{3,}[A-Za-z0-9-]*")


def studies_listed_after(seg: str, pos: int, count: int) -> list[str] | None:
    """ "0.12 and 0.25 in SAKURA-1 and SAKURA-2, respectively": the `count` study or cohort labels listed right
    after `pos` (each a capitalised name with a number, or an acronym), as printed."""
    m = _ARM_LIST_AFTER.match(seg, pos)
    if m is None or m.group("groups"):
        return None
    pieces = [p.strip() for p in _LIST_SPLIT.split(seg[m.start("names"):m.end("names")])]
    if len(pieces) == count and all(_STUDY_LABEL.fullmatch(p) for p in pieces):
        return pieces
    return None


def arms_named_before(groups, pos: int, count: int) -> list[str] | None:
    """ "With A and B, relapse occurred in 25% and 30%, respectively": the last `count` arms named before."""
    names = list(dict.fromkeys(g.name for g in groups if g.end <= pos))
    return names[-count:] if len(names) >= count else None


_VERSUS_THEN_VALUE = re.compile(r"\s*(?:vs\.?|versus|compared\s+(?:with|to))\s+[A-Za-z][^,;()\[\]\d]{0,40},\s*", re.I)
_BETWEEN_THE_GROUPS = re.compile(r"\s*between\s+(?:the\s+)?(?:two\s+)?(?:treatment\s+|study\s+)?(?:groups|arms)\s*[:=,]?\s*", re.I)
_DEFINED_ABBREVIATION = re.compile(r"\s*[\[(]\s*(?:a|adj)?(?:HR|OR|RR|IRR|RRR|MD|SMD|RD|ARR|WMD)s?\s*[\])]")


def keywords(seg: str) -> list[tuple[int, int, str]]:
    """Measure names in reading order; where names overlap the one listed first in patterns.MEASURE_WORDS wins
    ("standardized mean difference" is an SMD, not an MD)."""
    found = [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_WORDS_RE.finditer(seg)]
    lowered = seg.lower()
    if "log" in lowered or "ln" in lowered:     # the log-scale names only where they can occur: it saves a pass
        logs = [(m.start(), m.end(), m.lastgroup) for m in P.LOG_SCALE_RE.finditer(seg)]
        found = sorted(logs + [f for f in found if not any(a <= f[0] < b for a, b, _ in logs)])
    if found:
        # "hazard ratio [HR] 0.55", "odds ratio (OR), 1.4": the abbreviation defined in brackets right after the
        # name is part of the name, so the value after the bracket follows the name directly
        found = [(a, _DEFINED_ABBREVIATION.match(seg, b).end(), c) if _DEFINED_ABBREVIATION.match(seg, b) else (a, b, c)
                 for a, b, c in found]
        found += [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_ABBREV_RE.finditer(seg)
                  if not any(f[0] <= m.start() < f[1] for f in found)]
        return sorted(found)
    return [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_ABBREV_RE.finditer(seg)]


def _next_verb_at(seg: str, pos: int) -> int:
    """Where the verb after an arm list starts: past "and five (19%) on azathioprine" and similar items."""
    m = re.match(r"(?:\s+(?:and|or)\s+(?:\d+|[A-Za-z]+)\s*[(\[][^()\[\]]{0,20}[)\]]\s*(?:on|with)\s+[\w-]+)*", seg[pos:])
    return pos + m.end()


# compiled once: these run for every number of every sentence (the gates and the per-sentence patterns behind the
# package's start guard, and those with rare words behind their literal prefilter: the same matches, found sooner)
_COLON_NUMBER_AFTER = re.compile(r"^\s*:\s*\d")
_LABEL_DASH_BEFORE = re.compile(r"[A-Za-z]-$")
_NUMBER_COLON_BEFORE = re.compile(r"(?<![\w-])\d+\s*:\s*$")
# times of day printed on the 24-hour clock: "0800", "1700 hours", "(0800, 1000, 1500, and 1700 hours time points)"
_CLOCK_TIME = re.compile(r"[0-2]\d[0-5]\d")
_HOURS_AFTER = re.compile(r"\s*(?:h\b|hrs?\b|hours?\b|o'clock)", re.I)
_CLOCK_GATE = start_guarded(re.compile(r"\b[0-2]\d[0-5]\d\s*(?:h\b|hrs?\b|hours?\b)", re.I))
_CLOCK_LIST = re.compile(r"\b[0-2]\d[0-5]\d(?:\s*,\s*(?:and\s+|or\s+)?[0-2]\d[0-5]\d|\s+(?:and|or|to)\s+[0-2]\d[0-5]\d)+"
                         r"\s*(?:h\b|hrs?\b|hours?\b)", re.I)
_SPREAD_OF_DIFFERENCE = re.compile(r"\s*(?:\u00b1|\+/-)\s*\d+(?:\.\d+)?(?=\s*(?:[a-zA-Z%/\u00b5]|[,;(\[]))"
                                   # "-4.0 (SE, 1.69; 95% CI ...)": its standard error first in the bracket
                                   r"|\s*[(\[]\s*(?:SE|s\.e\.|standard\s+error)\s*[,:=]?\s*\d+(?:\.\d+)?\s*(?=[;,])", re.I)
_GAP_AFTER_P = re.compile(r"\s*[,;]?\s*(?:and\s+)?")
_GAP_BEFORE_INTERVAL = re.compile(r"^\s*(?:%\s*)?" + OTHER_CURRENCY +
                                  # "125.3 ml (95% CI ...)", "0.14 liters; 95% CI": the value's unit
                                  # (a compound unit first: "3.88 mmol/l, 95% CI ...", "2.1 mg/dL (95% CI ...)")
                                  r"(?:(?:[a-zA-Z\u00b5\u03bc]{1,5}/[a-zA-Z\u00b5\u03bc]{1,5}|ml|mL|l|L|liters?|litres?|kg|g|mg|"
                                  r"mm\s*Hg|mmHg|cm|mm|days?|weeks?|months?|years?|hours?|points?|percentage\s+points?"
                                  # (any other unit word: "6.3 minutes (95% CI ...)", "41 metres, 95% CI ...": only a
                                  # labelled interval is looked for right after it)
                                  r"|[A-Za-z\u00b5\u03bc]{1,12})\b\s*)?"
                                  r"(?:[,;]\s*)?(?:(?:with|and)\s+(?:an?\s+|the\s+)?)?[\[(]?\s*"
                                  r"(?:(?:\d|one|two)[- ]sided\s+)?")     # "(2-sided 90% CI +2.6 to +9.7%)"


# "-1.0, intervention versus control, 95% CI", "2.3 (A vs. B; 95% CI": the arms compared, between a value and its
# interval
_COMPARISON_BEFORE_INTERVAL = re.compile(
    r"\s*(?:[A-Za-z\u00b5/%]{1,6}\s*)?[,;(\[]\s*(?:the\s+)?[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,3}?\s+(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to)\s+"
    r"(?:the\s+)?[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,3}?\s*[,;:]\s*")


# "mmHg in favour of the A group (", ", favouring B; ", "points compared with B (": the arm a difference favours, or the
# arm it is against, between the difference and its interval
_FAVOURED_BEFORE_INTERVAL = re.compile(
    r"\s*(?:[A-Za-z\u00b5/%]{1,12}\s*)?,?\s*(?:in\s+favou?r\s+of|favou?ring|compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+"
    r"(?:the\s+)?[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,3}?"
    r"\s*[,;(\[]?\s*(?=[(\[]?\s*(?:\d{2}(?:\.\d)?\s*%|CI\b|CrI\b|confidence))", re.I)


# a limit of an interval restated on its own, an equivalence or non-inferiority margin: "the lower limit of the 95% CI
# (-1.6) was outside the boundary (-1.5)", "a non-inferiority margin of 10%"
_BOUND_GATE = prefiltered(start_guarded(re.compile(r"\b(?:limit|bound|boundary|boundaries|margin)s?\b", re.I)))
_BOUND_BEFORE = re.compile(r"\b(?:(?:lower|upper)\s+(?:limit|bound)|boundary|boundaries|margins?|(?:equivalence|non-?inferiority|"
                           r"inferiority|superiority)\s+(?:limits?|bounds?))"
                           r"(?:\s+of\s+(?:the\s+)?(?:\d+(?:\.\d+)?\s*%\s*)?(?:CI|confidence\s+interval|equivalence|non-?inferiority)\b)?"
                           r"\s*(?:was|of|at|=|:|set\s+at)?\s*[(\[]?\s*[-+]?$", re.I)


# "at 1, 2 and 3 months", "after 4, 8, or 12 weeks", "at weeks 4, 12 and 24", "on days 1 and 8": a list of times
_TIME_UNIT = r"(?:days?|weeks?|months?|years?|hours?|h|min(?:utes)?|mo|mos|wks?|yrs?)"
_TIME_LIST = re.compile(r"\b(?:at|after|by|over|within|for|during|on|in|between)\s+(?:" + _TIME_UNIT + r"\s+)?"
                        r"(?P<list>\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or|to)\s+\d+(?:\s+" + _TIME_UNIT + r"\b)?)", re.I)
_TIME_LIST_GATE = start_guarded(re.compile(r"\d\s*,?\s*(?:and|or|to)\s+\d+\s+" + _TIME_UNIT + r"\b|\b" + _TIME_UNIT + r"\s+\d+\s*,", re.I))
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_LEVEL = re.compile(r"\b(?:levels?|h(?:a)?emoglobin|G?HbA\s*1c|A1c|concentrations?|scores?|fractions?|saturation|hematocrit)\b", re.I)
_SHARE = re.compile(r"\b(?:rates?|responses?|responders?|proportions?|percentages?(?![\s-]+points?)|risks?|incidences?|remissions?|patients)\b",
                    re.I)
# the sign of a change or difference printed right before the value: "(Δ +1.75, 95% CI ...)", "Δ = -0.4", "∆: 2.1"
_DELTA_BEFORE = re.compile(r"[\u0394\u2206]\s*[=:]?\s*[+\u2212\u2013-]?\s*$")
_PROPORTIONS_BEFORE = re.compile(r"\bproportions?\s+(?:of\s+\w+\s+|with\s+)?[^.;]{0,80}?\b(?:was|were)\s+0?\.\d+", re.I)
# "percentage points", "%-points", "%-units", "percent units", "pp": a difference of two percentages
PERCENTAGE_POINTS = re.compile(r"\s*(?:percentage|percent|%)[\s-]*(?:points?|units?)\b|\s*pp\b", re.I)


def _sign_from_interval(est: Estimate, n: Num) -> None:
    """ "lower in the X group than in the Y group by 6.32 percentage points (95% CI -9.04 to -3.59)": a difference
    printed as a magnitude whose interval lies wholly below zero has the interval's sign."""
    if est.measure not in P.DIFFERENCE or n.signed or est.value is None or est.value <= 0:
        return
    if est.ci_low is not None and est.ci_high is not None and est.ci_high < 0 and est.ci_low <= -est.value <= est.ci_high:
        est.value = -est.value


# after a percentage: a rate's time ("4.1%/year", "per year") or a change's word ("45% lower"): an annualized rate
_RATE_OR_CHANGE_AFTER = re.compile(r"\s*(?:/\s*(?:year|yr|y)\b|per\s+(?:year|annum|patient|person)|a\s+year|"
                                   r"(?:lower|higher|reduction|decrease|increase|fewer|less|more)\b)", re.I)


# a value and its unit of measurement right before a bracketed pair: "3.2 points (1.1 to 5.3)", "41 m (18-64)"
_VALUE_AND_UNIT_BEFORE = re.compile(r"\d\s*(?:percentage\s+points?|points?|mm\s*Hg|mmHg|kg|cm|mm|m|ml|mL|L|g|mg|days?|"
                                    r"weeks?|hours?|h|minutes?|min|seconds?|s|[A-Za-z\u00b5\u03bc]{1,5}/[A-Za-z\u00b5\u03bc\d]{1,5})\s*$")


# a time an outcome was measured at, between a measure's name and "was": "at day 28", "at week 12", "at 6 months"
_TIME_OF_THE_OUTCOME = re.compile(r"\b(?:at|after|by|over)\s+(?:(?:day|week|month|year|visit)\s+\d+|\d+\s*(?:days?|weeks?|"
                                  r"months?|years?|hours?)\b)", re.I)


# a figure standing on its own in a gap, not the digits of a name of two letters or more ("FEV1", "HbA1c", "IL-6",
# "SF-36"); a one-letter code's digit is a figure ("between T1 and T3": the times of one arm's change)
_FIGURE_OF_ITS_OWN = re.compile(r"(?<![\w-])\d|(?<!\w)-\d|(?<![A-Za-z])[A-Za-z]-?\d")


# the allocation named in a sentence: a regression coefficient there may be the effect of the arm ("β = -2.1 for the
# intervention group")
_ALLOCATION_WORDS = re.compile(r"\b(?:intervention|treatment|allocat\w*|randomi[sz]\w*|placebo|control\s+(?:group|arm)|"
                               r"(?:study|trial)\s+(?:group|arm))\b", re.I)


# the size of a scale printed with its name: "a 10-point scale", "the 100-mm visual analogue scale", "a 21-item
# questionnaire", "a 0-10 numeric rating scale" (the 10)
_SCALE_SIZE_GATE = prefiltered(start_guarded(re.compile(r"(?i:scale|questionnaire|inventory|VAS\b|analog)")))
_SCALE_SIZE_AFTER = re.compile(r"\s*-?\s*(?:points?|items?|cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?)?\s*"
                               r"(?:(?!(?:on|in|of|the|an?|at|by|to|for|with)\b)[\w-]+\s+){0,3}?"
                               r"(?:scales?|questionnaires?|inventory|VAS|visual\s+analog(?:ue)?)\b", re.I)

# the parts a scale or subscale is made of, counted in a bracket after its name ("stereotypy (7 items)", "(12
# questions)", "(3 subscales)"): the instrument's make-up, never a value
_PARTS_OF_A_SCALE = re.compile(r"\s*(?:items?|questions?|subscales?|domains?|statements?|dimensions?)\s*\)", re.I)

# a mediation (path) analysis's split of an effect: "the direct and indirect effects of A were 48.7% and 51.3%", "the
# direct treatment effect was 75.7%", "the indirect effect accounted for 67% of the total effect"
_SHARE_OF_AN_EFFECT = re.compile(r"\b(?:in)?direct\s+(?:and\s+(?:in)?direct\s+)?(?:treatment\s+)?effects?\b", re.I)


class Sentence:
    """One sentence as the rules see it (`parse(name)`: a grammar production's expressions)."""

    def __init__(self, seg: str, state: SentenceState, mentions: list[Mention], groups=(), arm_for=None,
                 arm_named=None):
        self.seg = seg
        self.state = state
        self.mentions = mentions
        self.groups = groups
        # the arm a value at (start, end) belongs to: `arm_named` only when the sentence names it next to the
        # value, `arm_for` also the single treatment of a single-arm document
        self.arm_named = arm_named or (lambda start, end: "")
        self.arm_for = arm_for or self.arm_named
        self.parse = Parse(seg)
        self.nums = self.parse.nums
        self.claimed: set[int] = set()
        self.kws = keywords(seg)
        if state.rr_means_rate:
            # the document defined "relapse rate (RR)": RR is a rate there, not a risk ratio
            self.kws = [k for k in self.kws if not (k[2] == "RR" and seg[k[0]:k[1]].startswith("RR"))]
        self.estimates: list[Estimate] = []
        self.cis: dict[int, Interval] = {}
        self.bare_pairs: dict[int, Interval] = {}
        self.ps = self.parse("p_value")
        self.count_fractions: list[float] = []    # proportions stated as counts (a bare % restating one is no row)
        self._outcome: bool | None = None
        self._changes: list[int] | None = None
        self._compares: bool | None = None
        self._claim_non_values()

    # ---------------------------------------------------------------- claims
    def num_at(self, start: int, end: int) -> list[int]:
        return [i for i, n in enumerate(self.nums) if n.start >= start and n.end <= end]

    def claim_span(self, start: int, end: int) -> None:
        self.claimed.update(self.num_at(start, end))

    def free(self, i: int) -> bool:
        return i not in self.claimed

    def _claim_non_values(self) -> None:
        seg, parse = self.seg, self.parse
        for iv in parse("interval") + parse("one_sided_interval"):
            self.cis[iv.start] = iv
            self.claim_span(iv.start, iv.end)
        for p in self.ps:
            self.claim_span(p.start, p.end)
        # a number its printed name makes a test statistic, a variance explained, a correlation, or a regression
        # coefficient of a factor other than the allocation ("F(1, 58) = 4.2", "ηp2 = 0.09", "r = 0.42", "β = 0.31"
        # for age): never an estimate between arms, whatever words surround it
        named = named_statistics(seg)
        if named:
            allocation = None
            for i, n in enumerate(self.nums):
                kind = named.get(n.start)
                if kind == "coefficient":
                    if allocation is None:
                        allocation = bool(self.mentions) or bool(_ALLOCATION_WORDS.search(seg))
                    if allocation:
                        continue
                if kind is not None:
                    self.claimed.add(i)
        for span in parse("range") + parse("spread"):
            if re.search(r"per\s*SD\s*(?:log\s*)?$", seg[max(0, span.start - 14):span.start]):
                continue      # "HR per SD 1.21": the ratio's unit, then its value, not a spread
            self.claim_span(span.start, span.end)
        # a table row "ARR, mean (SD) | 1.21 (0.84) | 1.09 (0.77)": the bracketed number after a value is its SD
        if _SD_HEADER.search(seg):
            for spread in parse("bracket_after_value"):
                self.claim_span(spread.start, spread.end)
        # a bracketed pair straight after a value, with no interval label, is a range ("1.48 (0.65-5.54)"),
        # unless it follows a ratio or difference, where "HR 0.30 (0.15-0.60)" is the usual short form of a CI
        for pair in parse("bare_pair"):
            before = seg[max(0, pair.start - 25):pair.start]
            if _VALUE_AND_UNIT_BEFORE.search(before) and not re.search(r"[\d%]\s*$", before):
                # (a unit between: the pair may be the difference's interval, or a range of a value in that unit,
                # which the arm-level rules read; registered, not claimed)
                self.bare_pairs[pair.start] = pair
                continue
            if re.search(r"[\d%]\s*$", before) or re.search(r"(?i:median|mean|range|iqr)[^()\[\]]{0,25}$", before):
                if not re.search(r"(?i:median|range|iqr|interquartile)[^()\[\]]{0,25}$", before):
                    self.bare_pairs[pair.start] = pair
                self.claim_span(pair.start, pair.end)
        for pair in parse("comma_pair"):
            if re.search(r"\d\s*$", seg[max(0, pair.start - 12):pair.start]) and pair.start not in self.bare_pairs:
                if pair.low is not None and pair.high is not None and pair.low <= pair.high:
                    self.bare_pairs[pair.start] = pair
                    self.claim_span(pair.start, pair.end)   # a pair is never one value
        if _TIME_LIST_GATE.search(seg):
            for m in _TIME_LIST.finditer(seg):
                self.claim_span(m.start("list"), m.end("list"))    # "at 1, 2 and 3 months": times, not values
        if _BOUND_GATE.search(seg):
            for i, n in enumerate(self.nums):
                if _BOUND_BEFORE.search(seg, max(0, n.start - 50), n.start):
                    self.claimed.add(i)   # "the lower limit of the 95% CI (-1.6) was outside the margin (-1.5)"
        if _SCALE_SIZE_GATE.search(seg):
            for i, n in enumerate(self.nums):
                if not n.signed and not n.decimal and _SCALE_SIZE_AFTER.match(seg, n.end):
                    self.claimed.add(i)     # "on a 10-point scale", "a 100-mm visual analogue scale": the scale's size
        if "irect" in seg and _SHARE_OF_AN_EFFECT.search(seg):
            for i, n in enumerate(self.nums):
                if n.percent:
                    self.claimed.add(i)     # "the direct and indirect effects were 48.7% and 51.3%": a mediation
                                            # analysis's split of an effect, no share of patients and no estimate
        if "item" in seg or "question" in seg:
            for i, n in enumerate(self.nums):
                if not n.signed and not n.decimal and _PARTS_OF_A_SCALE.match(seg, n.end) and seg[:n.start].rstrip()[-1:] == "(":
                    self.claimed.add(i)     # "stereotypy (7 items)", "(12 questions)": how many parts a scale has
        clock_list = _CLOCK_LIST.search(seg) if _CLOCK_GATE.search(seg) else None
        colon = ":" in seg      # (the titre and allocation tests below each need one: most sentences have none)
        for i, n in enumerate(self.nums):
            if _ORDINAL_AFTER.match(seg, n.end):
                self.claimed.add(i)       # "in the 12th week", "the 3rd month": a position in time, never a value
                continue
            if len(n.text) == 4 and _CLOCK_TIME.fullmatch(n.text) and (
                    n.text.startswith("0") or _HOURS_AFTER.match(seg, n.end)
                    or (clock_list and clock_list.start() <= n.start < clock_list.end())):
                self.claimed.add(i)       # "0800", "1700 hours", "at 0800, 1000 and 1500 hours": times of day
                continue
            if n.decimal is False and 1900 <= n.value <= 2100 and not n.percent and "," not in n.text \
                    and not _SPREAD_NEXT.match(seg, n.end):   # "1,907 ml", "2077 ± 144" are no years
                self.claimed.add(i)       # years
            if colon and ((_COLON_NUMBER_AFTER.match(seg[n.full_end:n.full_end + 4])
                           and not _LABEL_DASH_BEFORE.search(seg[max(0, n.start - 2):n.start]))
                          or _NUMBER_COLON_BEFORE.search(seg[max(0, n.start - 10):n.start])):
                self.claimed.add(i)       # titres, ratios of allocation (1:64, 1:1), not "TRIAL-1: 38%"

    # ---------------------------------------------------------------- what follows a value
    def ci_after(self, pos: int, value: float | None = None) -> Interval | None:
        """The interval that follows position `pos` with nothing but separators in between. With `value`
        given, an unlabelled bracketed pair that contains the value counts as an interval too."""
        gap_m = _GAP_BEFORE_INTERVAL.match(self.seg[pos:pos + 36])
        start = pos + (gap_m.end() if gap_m else 0)
        for s, ci in self.cis.items():
            if start <= s <= start + 2:
                return ci
        # "-3.4 mm Hg (P<0.0001; 95% confidence interval, -4.5 to -2.4)": the p-value printed before the interval
        for p in self.ps:
            if start <= p.start <= start + 2:
                after_p = _GAP_AFTER_P.match(self.seg, p.end).end()
                for s, ci in self.cis.items():
                    if after_p <= s <= after_p + 2:
                        return ci
                break
        # "(difference -1.0, intervention versus control, 95% CI -4.9 to 3.0)": the comparison the value is of,
        # printed between the value and its interval
        compared = _COMPARISON_BEFORE_INTERVAL.match(self.seg, pos) if self.cis else None
        if compared is not None:
            for s, ci in self.cis.items():
                if compared.end() <= s <= compared.end() + 2:
                    return ci
        # "4.1 mmHg in favour of A (95% CI ...)", "2.3 points, favouring B, 95% CI ...", "by 2.9 points compared with
        # B (95% CI ...)": the direction of the difference, printed between the value and its labelled interval
        favoured = _FAVOURED_BEFORE_INTERVAL.match(self.seg, pos) if self.cis else None
        if favoured is not None:
            for s, ci in self.cis.items():
                if favoured.end() - 2 <= s <= favoured.end() + 2 and ci.labelled:
                    return ci
        if value is not None:
            for s, ci in self.bare_pairs.items():
                if pos <= s <= pos + 2 and ci.low is not None and ci.high is not None and ci.low <= value <= ci.high:
                    self.claim_span(s, ci.end)
                    return ci
        return None

    def p_after(self, pos: int, limit: int = 45):
        """The first p-value after `pos` with no other number in between (within `limit` characters)."""
        for p in self.ps:
            if pos <= p.start <= pos + limit:
                between = self.seg[pos:p.start]
                if re.search(r"\d", between):
                    return None
                if re.search(r"\b(?:and|while|whereas|but)\b", between) and len(between) > 25:
                    return None
                return p
        return None

    def points_end(self, n: Num) -> int:
        """Where the value's interval may start: after "points" when the value carries that unit."""
        m = re.match(r"^[\s-]*points?\b", self.seg[n.full_end:n.full_end + 8])
        return n.full_end + (m.end() if m else 0)

    def points_after(self, n: Num) -> bool:
        """ "-2.1 points (95% CI ...)": points of a score, a difference's unit."""
        return bool(re.match(r"^[\s-]*points?\b", self.seg[n.full_end:n.full_end + 8]))

    def unit_after(self, n: Num) -> bool:
        return bool(P.UNIT_AFTER.match(self.seg[n.full_end:n.full_end + 16]))

    def threshold_before(self, n: Num) -> bool:
        before = self.seg[max(0, n.start - 14):n.start]
        return bool(P.THRESHOLD_BEFORE.search(before)) or bool(P.I2_BEFORE.search(before))

    def add(self, est: Estimate, idx: int, tail_from: int | None = None) -> Estimate:
        """Attach the interval and p-value that follow, claim the numbers, keep the estimate."""
        n = self.nums[idx]
        pos = n.full_end if tail_from is None else tail_from
        # a bare bracketed pair is an interval after a ratio or difference, or after any value in a sentence
        # that labels its other intervals ("ARR 0.03 (95% CI 0.01-0.09) with X and 0.20 (0.12-0.33) with Y")
        bare_ok = est.measure in P.RATIO | P.CONTINUOUS or (bool(self.cis) and est.measure != "PROPORTION")
        # "reduced the hazard rate of diarrhea by 24% (4%-40%)": a pair of percentages after a percentage change
        bare_ok = bare_ok or (est.percent and est.measure in P.PERCENT_AS_FRACTION and self._percent_pair_at(pos, est.measure))
        printed = est.value * 100 if est.percent and est.value is not None else est.value   # as the pair prints it
        if est.measure in P.CONTINUOUS:
            # "between-group difference, -3.4±0.5 mm Hg; P<0.0001; 95% CI ...": the difference's SE first
            spread = _SPREAD_OF_DIFFERENCE.match(self.seg, pos)
            if spread is not None:
                then_p = self.p_after(spread.end(), limit=16)
                if self.ci_after(spread.end()) is not None or (then_p is not None
                                                                and self.ci_after(then_p.end) is not None):
                    pos = spread.end()
        p_first = self.p_after(pos)       # "(P<0.0001; 95% CI ...)": a p-value printed before the interval
        ci = self.ci_after(pos, printed if bare_ok else None)
        if ci is not None:
            scale = 0.01 if est.percent else 1.0
            est.ci_low = None if ci.low is None else ci.low * scale
            est.ci_high = None if ci.high is None else ci.high * scale
            est.ci_level = ci.level
            if p_first is not None and p_first.end <= ci.start:
                est.p_value, est.p_text = p_first.value, p_first.text
                est.tail_end = ci.end
                _sign_from_interval(est, n)
                self.claimed.add(idx)
                self.estimates.append(est)
                return est
            pos = ci.end
            _sign_from_interval(est, n)
        self.attach_p(est, pos)
        self.claimed.add(idx)
        self.estimates.append(est)
        return est

    def _percent_pair_at(self, pos: int, measure: str = "") -> bool:
        for start, pair in self.bare_pairs.items():
            if pos <= start <= pos + 2:
                signs = self.seg[start:pair.end].count("%")
                # "reduced ... by 65% (53-74, p<0.001)": a relative reduction's limits printed without their signs
                return signs >= 2 or (signs == 0 and measure == "RRR")
        return False

    def attach_p(self, est: Estimate, pos: int) -> None:
        p = self.p_after(pos)
        if p is not None:
            est.p_value, est.p_text, pos = p.value, p.text, p.end
        est.tail_end = pos

    # ---------------------------------------------------------------- measures
    def measure_before(self, pos: int, value: Num, strict: bool) -> str | None:
        """The measure named before `pos`: strict = the name introduces this number directly."""
        seg = self.seg
        for ks, ke, code in reversed([k for k in self.kws if k[1] <= pos]):
            gap = seg[ke:pos]
            if code == "ARR" and value.percent and not value.signed and re.fullmatch(r"[\s:=,(]*", gap) \
                    and not _RATE_OR_CHANGE_AFTER.match(seg, value.full_end):
                return "RD"       # "(ARR 4.1%, 95% CI ...)": a percentage right after ARR is an absolute risk reduction
            if code == "ARR" and (value.signed or value.percent or re.match(r"^\s*ratio", gap)):
                continue          # an annualized rate is never negative nor a percentage: ARR names the outcome here
            if code == "ARR" and re.search(r"\b(?:decreas|reduc|declin|increas|fell|dropped|changed?\b|improv)\w*", gap, re.I):
                code = "MD"       # "the ARR decreased by 0.8": a change in the rate
            elif code == "ARR" and re.match(r"^\s*by\s*$", gap) and re.search(
                    r"\b(?:decreas|reduc|lower|increas)\w*\s+(?:the\s+|mean\s+)*$", seg[max(0, ks - 30):ks], re.I):
                code = "MD"       # "rituximab reduced ARR by 0.52": a change in the rate
            if code in P.RATIO and (value.percent or value.value <= 0) and strict:
                continue
            if not strict:
                return code
            g = re.sub(r"[\[(][^\[\]()\d]{0,40}[\])]", " ", gap)
            # "HR per SD 1.21", "HRper SD log 0.89" (a subscript glued on): the unit the ratio is per, not a gap
            g = _PER_UNIT.sub(" ", g, count=1)
            # "the between-group difference in MADRS at day 28 was -4.0": the time the outcome was measured at
            g = _TIME_OF_THE_OUTCOME.sub(" ", g) if re.search(r"\b(?:was|were|of|is)\s*[:=,]?\s*$", g) else g
            if _FIGURE_OF_ITS_OWN.search(g):
                return None       # (a figure inside a name is none: "on FEV1 was", "in HbA1c of", "on the SF-36 was")
            if re.fullmatch(r"[\s:=,]*", g) or _BETWEEN_THE_GROUPS.fullmatch(g) or _VERSUS_THEN_VALUE.fullmatch(g):
                return code       # "mean difference between groups = 3.88", "(difference vs. matched placebo, 0.14 liters"
            if len(g) <= 90 and re.search(r"\b(?:was|were|is|of|as|by|at)\s*$", g) and not re.search(r"[;]|\.\s", g):
                return code
            if re.fullmatch(r"\s*(?:in|for|on)\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+){1,4}", g) and not _TIME_WORD_BEFORE.search(g):
                return code       # "mean difference in improvement 0.35 points": the outcome between name and value
                                  # ("difference in day 56 rates": 56 is the day, not the difference)
            return None
        return None

    def resolve(self, code: str, n: Num) -> str:
        if code in ("DIFF", "MD") and n.percent and self.level_named_before(n.start):
            return "MD"     # "-0.42 percentage points", "-0.05%" of glycated hemoglobin: the level's own unit
        if code == "DIFF":
            if n.percent:
                return "RD"
            if 0 < abs(n.value) < 1 and _PROPORTIONS_BEFORE.search(self.seg, 0, n.start):
                return "RD"     # "the proportions ... were 0.51 in A and 0.40 in B (difference 0.11, 95% CI ...)"
            if _DELTA_BEFORE.search(self.seg, max(0, n.start - 8), n.start):
                return "MD"     # "(Δ +1.75, 95% CI ...)": the difference in the scale's own units, whatever effect size
                                # (standardized) the document or the rest of the sentence names
            return self.state.last_difference_measure or "MD"
        if code == "MD" and n.percent:
            return "RD"
        return code

    def level_in_percent(self, n: Num) -> bool:
        """A difference printed in percentage points of a level measured in percent (glycated hemoglobin): the
        quantity named last before it is a level, not a share of patients."""
        if not PERCENTAGE_POINTS.match(self.seg, n.end):
            return False
        return self.level_named_before(n.start)

    def level_named_before(self, pos: int) -> bool:
        """The quantity named last before `pos` is a level or score (HbA1c, haemoglobin, a concentration), not a
        share of patients (a rate, a risk, a proportion)."""
        before = self.seg[:pos]
        levels = [m.start() for m in _LEVEL.finditer(before)]
        shares = [m.start() for m in _SHARE.finditer(before)]
        return bool(levels) and (not shares or max(levels) > max(shares))

    def note_measure(self, measure: str) -> None:
        if measure in P.RATIO or measure in P.DIFFERENCE or measure == "RRR":
            self.state.last_measure = measure
        if measure in P.CONTINUOUS:
            self.state.last_difference_measure = measure

    def ratio_restated(self, fraction: float) -> bool:
        """True when a percentage reduction only restates a ratio in the same sentence (HR 0.29 = 71% lower)."""
        return any(e.measure in P.RATIO and abs((1 - e.value) - fraction) <= 0.011 for e in self.estimates)

    def lab_quantity_before(self, pos: int) -> bool:
        """True when the quantity named last before `pos` (in its clause) is a level or score, not an event rate."""
        start = max(self.seg.rfind(";", 0, pos), self.seg.rfind(":", 0, pos)) + 1
        clause = self.seg[start:pos]
        marks = [(m.start(), False) for m in OTHER_QUANTITY.finditer(clause)]
        marks += [(m.start(), True) for m in _EVENT_WORDS.finditer(clause)]
        return bool(marks) and not max(marks)[1]

    def within_arm_change(self, pos: int) -> bool:
        """ "least-squares mean change -4.39 [95% CI ...]) than ... placebo (-2.30 [...]; mean difference -2.09":
        a value after a within-arm "mean change" and before any "difference" is one arm's change, not an effect."""
        if self._changes is None:     # found once per sentence: a long sentence has many signed numbers
            self._changes = [m.end() for m in _MEAN_CHANGE.finditer(self.seg)]
        change = [c for c in self._changes if c <= pos]
        if not change:
            return False
        return not re.search(r"\bdifferen|\bvs\.?\s*$|\bversus\s*$", self.seg[change[-1]:pos], re.I)

    # ---------------------------------------------------------------- counts of patients
    def knows_outcome(self) -> bool:
        """Whether the sentence names an outcome the lexicon (or the document's outcome abbreviations) knows
        (looked up only when a count needs it: one regex pass with every outcome pattern, the costliest single
        step of extraction)."""
        if self._outcome is None:
            abbreviations = self.state.outcome_abbreviations
            self._outcome = has_outcome(self.seg) or bool(abbreviations and abbreviations.search(self.seg))
        return self._outcome

    def has_outcome(self) -> bool:
        """Whether the sentence names an outcome: one the lexicon knows, or one it names by its shape while
        comparing arms ("Dysgeusia (5.6% vs. 0.3%)", "Hypotension occurred in 12 (20%) ... and 3 (5%) ...")."""
        return self.knows_outcome() or names_compared_outcome(self.seg)

    def compares_counts(self) -> bool:
        """Two or more arms' counts set against each other ("24/82 (29%) in the A group and 37/81 (46%) in the B
        group", "27 patients (44%) versus 41 patients (68%)"): the counts are of an outcome even when the
        outcome lexicon does not know its name; a sentence about who was enrolled, allocated or lost is not one."""
        if self._compares is None:
            counts = len(self.parse("count_of")) + len(self.parse("word_count_of")) + len(self.parse("count_percent"))
            self._compares = counts >= 2 and bool(_COUNTS_COMPARED.search(self.seg)) \
                and not _DISPOSITION.search(self.seg)
        return self._compares

    def describes_patients(self, text: str) -> bool:
        """A baseline or allocation word (women, randomised, at baseline, ...) in `text`."""
        return bool(_VETO.search(text))

    def counts_people_with_outcome(self, count_words: str) -> bool:
        """ "Nine women (22.5%) in the A group developed X compared with four women (9.5%) in B": the women are
        the people counted for an outcome, not a trait at entry, when the sentence has a verb of an outcome and,
        once such counts are set aside, no baseline or allocation word is left in the sentence."""
        if not _PEOPLE_COUNTED.match(count_words):
            return False
        rest = _PEOPLE_COUNT_ANYWHERE.sub(" ", self.seg)
        return bool(_PEOPLE_OUTCOME_VERB.search(self.seg)) and not _VETO.search(rest)

    def vetoed(self, local: str, pos: int) -> bool:
        """A baseline word after the count, unless the sentence named its outcome first and the words only say
        which arm the count belongs to ("Neoplasms occurred in 11 of 486 patients (2.3%) who received X")."""
        if not _VETO.search(local):
            return False
        arm = _ARM_DESCRIPTOR.match(local)
        if not arm:
            return True
        rest = local[arm.end():]
        if not re.search(r"(?:treated|exposed)\s+\w+$", arm.group()):
            rest = re.sub(r"^\S*(?:\s+[\w-]+){0,2}", "", rest)   # past the arm's name
        # "in the antibody-positive population" after the arm: the analysis set, not a baseline trait
        rest = re.sub(r"^\s*in\s+the\s+[\w-]+\s+(?:population|set|cohort)\b", "", rest)
        return bool(_VETO.search(rest)) or not (self.has_outcome() or self.compares_counts())

    def local_after(self, pos: int) -> str:
        """Text after `pos` up to the next number or clause break: where "were women" would be."""
        tail = self.seg[pos:pos + 80]
        m = re.search(r"[;,.]\s|[;]|\d", tail)
        return tail[:m.start()] if m else tail

    def names_arm_directly(self, pos: int) -> bool:
        """True when a drug name follows the count at once ("30 (30%) azathioprine"): an allocation; not
        "29 (45.3%) AZA-treated patients relapsed", where an outcome follows the treated group."""
        gap = re.match(r"\s*(?:with\s+|on\s+)?", self.seg[pos:pos + 12])
        start = pos + gap.end()
        for m in self.mentions:
            if m.start == start:
                if gap.group().strip() and OUTCOME_VERB.match(self.seg, _next_verb_at(self.seg, m.end)) and has_outcome(self.seg[m.end:]):
                    return False    # "five (19%) on azathioprine had adverse events": who had the outcome
                treated = re.match(r"-(?:treated|exposed)\s+(?:patients|participants|children)\b", self.seg[m.end:m.end + 30])
                return not (treated and has_outcome(self.seg[m.end:]))
        return False

    def outcome_first(self, pos: int) -> bool:
        """True when the sentence names the outcome and then the groups it occurred in ("Adverse events occurred
        in ...", "discontinued because of adverse events by 14 (21.9%) AZA and 3 (4.2%) RTX patients")."""
        before = self.seg[:pos]
        while True:       # "... by 14 (21.9%) AZA and 3 (4.2%) RTX patients": earlier items of the same list
            item = _LIST_ITEM_BEFORE.search(before, max(0, len(before) - 80))
            if item is None:
                break
            before = before[:item.start()]
        return bool(_OUTCOME_IN.search(before)) or (bool(re.search(r"\b(?:in|by)\s+$", before)) and has_outcome(before))

    def percent_near(self, start: int, end: int, fraction: float):
        """A printed percentage within a few characters of a count pair that states the same proportion."""
        for i, n in enumerate(self.nums):
            if not n.percent or n.signed:
                continue
            if not (end <= n.start <= end + 14 or start - 22 <= n.start < start):
                continue
            between = self.seg[end:n.start] if n.start >= end else self.seg[n.full_end:start]
            if re.search(r"\d", between):
                continue
            if abs(n.value / 100 - fraction) <= 0.006:
                return i
        return None

    @staticmethod
    def totals_fitting(events: int, pct: Num) -> tuple:
        """Denominators behind "12 (22.2%)" that round to the printed percentage (several when rounding
        is coarse; the arm's size, once the arm is known, picks one; otherwise the total stays unknown)."""
        if pct.value <= 0:
            return ()
        decimals = len(pct.text.split(".")[1]) if "." in pct.text else 0
        return tuple(t for t in range(max(events, 1), int(events * 100 / pct.value * 1.1) + 2)
                     if round(100 * events / t, decimals) == round(pct.value, decimals))

    def register_size_before(self, pos: int, size: int) -> None:
        prior = [mm for mm in self.mentions if mm.end <= pos and pos - mm.end <= 30]
        if prior:
            self.state.arm_sizes.setdefault(prior[-1].canonical, size)
        elif re.search(r"\bcontrol\b", self.seg[max(0, pos - 30):pos], re.I):
            self.state.arm_sizes.setdefault("control", size)

    def arms_listed_after(self, pos: int, count: int) -> list[str] | None:
        return arms_listed_after(self.seg, self.groups, pos, count)

    def arms_named_before(self, pos: int, count: int) -> list[str] | None:
        return arms_named_before(self.groups, pos, count)

    def comparison_order(self):
        """(first arm, second arm) of the comparison the sentence states, else of the document's last one."""
        pair = self.state.last_pair or self.state.last_share_pair
        if self.mentions:
            # "more patients in the belimumab group than in the placebo group had a response (43% vs. 32%)"
            comp = find_comparison(self.seg, groups_from(self.mentions, self.seg))
            pair = (comp.subject[0].name, comp.obj[0].name) if comp is not None and comp.subject and comp.obj else None
        return pair
