"""The vocabulary around numbers: the names of measures and the words that tell what a number is (a unit, a
threshold, a comparison, a reduction). How numbers themselves are printed is the grammar's (grammar.py).
All patterns run on the scan view (dashes unified to '-', tags blanked)."""
from __future__ import annotations

import re

from ..tables import CONTINUOUS_MEASURES, DIFFERENCE_MEASURES, RATIO_MEASURES
from ..regexfilter import PresentAlternation
from .startguard import start_guarded, with_two_char_guard


# Measure names: spelled-out names match in any case, abbreviations only as printed ("OR" is not "or").
# Where names overlap, the one listed first wins: IRR before ARR ("annualized relapse rate ratio" is a rate
# ratio), SMD before MD, RRR before RR, RD before a bare "difference".
MEASURE_WORDS: list[tuple[str, str]] = [
    # "Hedges' g", "Hedge's g", "Hedges’ g", "Hedges g", "Cohen’s d", "Glass's delta": the apostrophe straight,
    # curly or left out
    # "effect size: 0.31", "standardized effect size 0.4" (Cohen's d printed by its generic name); not an eta or r effect
    # size, whose letter and digit ("effect size (eta2 = 0.1)") stand between the name and the value
    ("SMD", r"standardi[sz]ed\s+mean\s+differences?|hedges?['\u2019\u2032`]?s?['\u2019]?\s*g\b|cohen['\u2019\u2032`]?s?\s*d\b"
            r"|glass['\u2019]?s?\s*(?:delta|\u0394)|(?:standardi[sz]ed\s+)?effect\s+sizes?(?!\s+(?:of\s+)?(?:eta|\u03b7|r\b|f\b|w\b|partial))"),
    ("IRR", r"incidence\s+rate\s+ratios?|(?:annuali[sz]ed\s+)?(?:relapse\s+)?rate\s+ratios?"),
    ("RRR", r"relative\s+risk\s+reductions?"),
    # "the difference of the means", "difference in mean change scores", "difference between the adjusted means": the
    # difference of two arms' means, named the other way round
    # "the placebo-adjusted mean change", "placebo-corrected reduction", "sham-subtracted effect": an arm's change less the
    # control's, a difference
    # ("M diff = 49.98 m", "mean diff. -2.1": the name abbreviated before its value)
    ("MD", r"(?:weighted\s+)?mean\s+differences?|(?:mean|(?-i:M))\s?diff\.?(?=\s*[=:,]?\s*[-\u2212]?\d)|differences?\s+(?:of|in|between)\s+(?:the\s+)?(?:two\s+)?"
           r"(?:(?:adjusted|estimated|least[- ]squares?|LS|group|arms?'?)\s+)?means?\b"
           r"|(?:placebo|vehicle|sham|control)[- ](?:adjusted|corrected|subtracted)\s+(?:(?:mean|average|LS)\s+)?"
           r"(?:changes?|differences?|reductions?|decreases?|increases?|effects?|improvements?)"),
    ("HR", r"hazard\s+ratios?"),
    # "The odds of reaching X with A as compared with B were 1.66 (95% CI ...)": the odds of A against B, an odds ratio
    ("OR", r"odds\s+ratios?|odds(?=\s+(?:of|for)\s)"),
    ("RR", r"risk\s+ratios?|relative\s+risks?"),
    # "absolute risk reduction" is a risk difference (not the abbreviation ARR, an annualized relapse rate)
    # "absolute risk increase of X with A instead of B": a risk difference of A vs B, positive
    ("RD", r"risk\s+differences?|absolute\s+risk\s+(?:reductions?|increases?)(?:\s+rates?)?"),
    # "the treatment effect was 2.4 points in favour of A", "estimated treatment effect, -0.5%": a difference named by
    # what it estimates
    ("DIFF", r"(?:between[- ]groups?\s+)?differences?|(?:(?:estimated|adjusted)\s+)?treatment\s+effects?"
             # (the value right after a verb or a sign, maybe past what it is on: not "a measure of treatment effect on a
             # 7-point scale")
             r"(?=\s*(?:(?:on|in|for)\s+(?:[\w-]+\s+){1,5}?)?(?:was|were|of|=|:|,|\())"),
    ("ARR", r"annual(?:i[sz]ed)?\s+relapse\s+rates?|relapse\s+rates?\s+per\s+(?:patient|person)[- ]?years?"
            # "the annualized rate of severe asthma exacerbations", "annualized exacerbation rate": analogous events
            r"|annual(?:i[sz]ed)?\s+(?:[\w-]+\s+){0,2}?(?:exacerbation|attack|flare)\s+rates?"
            r"|annual(?:i[sz]ed)?\s+rates?\s+of\s+(?:[\w-]+\s+){0,3}?(?:exacerbations|relapses|attacks|flares)"),
]
MEASURE_ABBREVIATIONS: list[tuple[str, str]] = [
    # (an adjusted ratio's prefix: "aOR", "AdjOR", "adjHR")
    ("SMD", r"SMDs?|[dg](?=\s*=\s*-?\d)"), ("IRR", r"(?:a|[Aa]dj)?IRRs?"), ("RRR", r"RRR"), ("MD", r"W?MDs?"),
    # ("aRRR": an adjusted relative risk ratio, the "a" of an adjusted ratio; a relative risk reduction is "RRR")
    ("HR", r"(?:a|[Aa]dj)?HRs?|HRper"), ("OR", r"(?:a|[Aa]dj)?ORs?"), ("RR", r"(?:a|[Aa]dj)?RRs?|aRRRs?"), ("RD", r"a?RD"),
    ("ARR", r"ARRs?"),
]
# A ratio printed on the log scale ("lnOR -0.92", "log hazard ratio"): stored back-transformed, with a flag.
# Where it overlaps a measure name ("log odds ratio"), the log-scale name wins (sentence.keywords).
LOG_SCALE: list[tuple[str, str]] = [
    ("LOG_HR", r"\b(?:ln|log)[\s-]*(?:(?-i:HR)|hazard\s+ratio)s?"),
    ("LOG_OR", r"\b(?:ln|log)[\s-]*(?:(?-i:OR)|odds\s+ratio)s?"),
    ("LOG_RR", r"\b(?:ln|log)[\s-]*(?:(?-i:RR)|risk\s+ratio|relative\s+risk)s?"),
]
# (searched as the alternation of the names whose words the sentence holds: most sentences hold one name's or none)
MEASURE_WORDS_RE = PresentAlternation(MEASURE_WORDS, re.I, guard=with_two_char_guard)
LOG_SCALE_RE = re.compile(with_two_char_guard("|".join(f"(?P<{c}>{p})" for c, p in LOG_SCALE), re.I), re.I)
# (an abbreviation glued to its decimal value, "(OR0.5, 95%CI 0.3-0.8)", names it too)
MEASURE_ABBREV_RE = start_guarded(re.compile(r"\b(?:" + "|".join(f"(?P<{c}>{p})" for c, p in MEASURE_ABBREVIATIONS)
                                             + r")(?:\b|(?=\d+[.\u00b7]\d))"))
RATIO = RATIO_MEASURES
# "DIFF": the extractor's code for a difference whose kind (RD or MD) the sentence has not settled yet
DIFFERENCE = DIFFERENCE_MEASURES | {"DIFF"}
CONTINUOUS = CONTINUOUS_MEASURES
# measures whose printed percentage is a fraction of patients' risk ("a risk difference of 6.1%", "reduced the
# risk by 24%"): read as value/100, and their interval may be a bare pair of percentages
PERCENT_AS_FRACTION = frozenset({"RD", "RRR"})

UNIT_AFTER = re.compile(
    r"^\s*(?:-\s*)?(?:mg|g\b|kg|\u00b5g|\u03bcg|mcg|ml\b|mL\b|mmol|\u03bcmol|\u00b5mol|umol|ng|IU|U/|"
    r"years?\b|yrs?\b|months?\b|mo\b|days?\b|weeks?\b|wk|hours?\b|h\b|min\b|"
    r"patients\b|participants\b|subjects\b|studies\b|stud|RCT|trials?\b|centres?\b|centers?\b|countries\b|"
    r"cases\b|women\b|men\b|children\b|adults\b|infusions\b|cycles\b|doses\b|points?\b|-point|-year|-month|"
    r"-week|-day|times\b|attacks\b|episodes\b|treatments\b|drugs\b|groups\b|sites\b|/100|per\s+100)",
)
# a cut-off, not a value: "< 7%", "HbA1c below 7%", "a weight loss of at least 5%"
THRESHOLD_BEFORE = start_guarded(re.compile(
    r"(?:[<>\u2264\u2265]=?|=<|>=|\bn\s*=|\bN\s*=|"
    r"\b(?:below|above|under|exceeding|(?:less|greater|lower|higher|more|fewer)\s+than|at\s+(?:least|most)))\s*$"))
I2_BEFORE = re.compile(r"I\s*(?:\u00b2|2|\^2)\s*[:=]?\s*$")
CONNECTOR_RE = start_guarded(re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?|than|over|instead\s+of|"
    # "the response rate with A exceeded that with B by 34.6 percentage points"
    r"exceed(?:ed|s)?\s+(?:that|those)\s+(?:with|of|in|for)|"
    r"(?:superior|inferior|non-?inferior|similar|comparable|equivalent|preferable)\s+to)(?![\w])",
    re.I,
))
REDUCTION_WORDS = re.compile(r"\b(?:reduc\w*|declin\w*|decreas\w*|lower\w*|fewer)\b", re.I)
INCREASE_WORDS = re.compile(r"\b(?:increas\w*|higher|greater|rose|elevat\w*)\b", re.I)
# between a difference and the same difference printed again in another unit: "-0.05% [95% CI ...] or -0.51 mmol/mol"
OTHER_UNIT_JOIN = re.compile(r"\s*[)\]]?\s*,?\s*(?:or|i\.e\.,?|equivalent\s+to)\s+", re.I)
# the kind of an estimate the text states once for two times ("OR 0.28 (95% CI ...) for both days"): one row per time,
# never merged as a repeat of the other (rules/differences.py, core's repeat check)
ONE_FIGURE_PER_TIME = "per-time"
# a ratio printed as a multiple whose words name no model ("5.2 times more likely", "the probability ... was 5.2 times
# that of"): stored as a relative risk, marked for ratio_kind.py, where the arms' percentages printed before it decide
RATIO_KIND_FROM_ARMS = "ratio_kind_from_arms"
