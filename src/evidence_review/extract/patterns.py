"""Regular expressions for how authors print estimates: measure names, confidence intervals, p-values,
ranges, counts. All patterns run on the scan view (dashes unified to '-', tags blanked)."""
from __future__ import annotations

import re

from .numbers import SIGNED, UNSIGNED

NUM = SIGNED

# Measure names: spelled-out names match in any case, abbreviations only as printed ("OR" is not "or").
# Where names overlap, the one listed first wins: IRR before ARR ("annualized relapse rate ratio" is a rate
# ratio), SMD before MD, RRR before RR, RD before a bare "difference".
MEASURE_WORDS: list[tuple[str, str]] = [
    ("SMD", r"standardi[sz]ed\s+mean\s+differences?|hedges'?\s*g\b|cohen'?s\s*d\b"),
    ("IRR", r"incidence\s+rate\s+ratios?|(?:annuali[sz]ed\s+)?(?:relapse\s+)?rate\s+ratios?"),
    ("RRR", r"relative\s+risk\s+reductions?"),
    ("MD", r"(?:weighted\s+)?mean\s+differences?"),
    ("HR", r"hazard\s+ratios?"),
    ("OR", r"odds\s+ratios?"),
    ("RR", r"risk\s+ratios?|relative\s+risks?"),
    # "absolute risk reduction" is a risk difference (not the abbreviation ARR, an annualized relapse rate)
    ("RD", r"risk\s+differences?|absolute\s+risk\s+reductions?"),
    ("DIFF", r"(?:between[- ]groups?\s+)?differences?"),
    ("ARR", r"annual(?:i[sz]ed)?\s+relapse\s+rates?|relapse\s+rates?\s+per\s+(?:patient|person)[- ]?years?"),
]
MEASURE_ABBREVIATIONS: list[tuple[str, str]] = [
    ("SMD", r"SMDs?"), ("IRR", r"IRRs?"), ("RRR", r"RRR"), ("MD", r"W?MDs?"), ("HR", r"a?HRs?"),
    ("OR", r"a?ORs?"), ("RR", r"RRs?"), ("RD", r"RD"), ("ARR", r"ARRs?"),
]
MEASURE_WORDS_RE = re.compile("|".join(f"(?P<{c}>{p})" for c, p in MEASURE_WORDS), re.I)
MEASURE_ABBREV_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{c}>{p})" for c, p in MEASURE_ABBREVIATIONS) + r")\b")
RATIO = {"HR", "OR", "RR", "IRR"}
DIFFERENCE = {"MD", "SMD", "RD", "DIFF"}

# "95% CI", "95% confidence interval [CI]", "CI95", "95%CI", "(95% CI)", "90 % CI"
CI_LABEL = (
    # a Bayesian credible interval (CrI) is pooled like a confidence interval
    r"(?:(?P<lvl>(?:90|95|99)(?:\.\d)?)\s*%[\s-]*(?:CrI|CI|C\.I\.|Cl|confidence\s+intervals?|confidence\s+limits?|credible\s+intervals?)"
    r"(?:\s*[\[(](?:CI|95%\s*CI)[\])])?"
    r"|(?:CrI|CI|IC|confidence\s+intervals?|credible\s+intervals?)\s*(?P<lvl2>90|95|99)\s*%?"
    r"|CI)"
)
CI_RE = re.compile(
    CI_LABEL + r"\s*(?:[:=,]|\bis\b|\bwas\b|\bof\b)?\s*(?:\b(?:from|ranging\s+from)\s+)?[\[(]?\s*"
    r"(?P<lo>" + NUM + r")\s*(?P<lopct>%)?\s*(?:-|\bto\b|,|;|\band\b)\s*(?P<hi>" + NUM + r")\s*(?P<hipct>%)?"
)
# One-sided limits: "95% upper confidence limit [UCL] 0.8", "95% UCL -0.4"
ONE_SIDED_RE = re.compile(
    r"(?P<lvl>90|95|99)\s*%\s*(?:(?P<side>upper|lower)\s+confidence\s+(?:limit|bound)(?:\s*[\[(](?:U|L)CL[\])])?"
    r"|(?P<abbr>UCL|LCL))\s*[:=]?\s*(?P<v>" + NUM + r")"
)
# p = 0.03, P<0.01, p-value=0.045, P =.039, P=<0.000001, P<0,001, p < 0.05
P_RE = re.compile(
    r"(?<![\w])(?:[Pp](?:[- ]?values?)?\s*(?P<op>=\s*<|<\s*=|=\s*>|[<>=\u2264\u2265]|\u2264|\u2265)"
    r"|[Pp][- ]?values?\s+(?:was\s+|of\s+|is\s+)(?P<op2>[<>]\s*)?)\s*"
    r"(?P<pv>\d*[.,]\d+(?:\s*[x\u00d7]\s*10\s*-\s*\d+)?|\d+(?:\s*[x\u00d7]\s*10\s*-\s*\d+)?)"
)
# Ranges and interquartile ranges: never a confidence interval.
RANGE_RE = re.compile(
    r"(?i:\b(?:range|iqr|interquartile\s+range|inter-quartile\s+range)\b)\s*[,:=]?\s*[\[(]?\s*"
    r"(?P<lo>" + NUM + r")\s*(?:-|\bto\b)\s*(?P<hi>" + NUM + r")"
)
# spreads: "1.99\u00b10.94", "(SD 12.3)", "\u00b1 SD 1.2"
SPREAD_RE = re.compile(r"(?:\u00b1|\+/-|\bSDs?\b|\bSEM?\b|standard\s+deviation)\s*[:=,]?\s*(?:SD\s*)?(?P<v>" + UNSIGNED + r")")
# "1.48 (0.65-5.54)": an unlabelled pair in brackets right after a value is a range (a CI would say so)
# Lancet's short form "(HR 0.38, 0.16-0.88; p=0.02)": a pair after a comma, closed by ; ) ] or ,
COMMA_PAIR_RE = re.compile(r",\s*(?P<lo>" + NUM + r")\s*-\s*(?P<hi>" + NUM + r")(?=\s*[;)\],])")
# also "(0.34, 0.81)" and "(0.11-0.63; p=0.0014)": a comma between the limits, a p-value after them
BARE_PAIR_RE = re.compile(r"[\[(]\s*(?P<lo>" + NUM + r")\s*(?:-|\bto\b|,)\s*(?P<hi>" + NUM + r")\s*(?:[)\]]|[;,](?=\s*[Pp]\s*[<>=\u2264]))")
COUNT_PAIR_RE = re.compile(
    r"(?<![\w./])(?P<e>\d+)\s*(?:/|\bof\b|\bout\s+of\b)\s*(?P<t>\d+)(?![\w.]|\s*(?:PY|patient-years|person-years|/))"
)
# `(?<![\d.])`: a number is tried from its first digit only; unanchored, a long run of digits made this
# pattern quadratic (300,000 digits in a row took 40 s to extract).
PER100_RE = re.compile(
    r"(?<![\d.])(?P<v>" + UNSIGNED + r")\s*(?:(?:relapses|attacks|events)\s+)?(?P<per>/\s*100|per\s+100)\s*(?:(?:patient|person)[- ]?years?|PY|PYs)\b"
    r"|(?<![\d.])(?P<v1>" + UNSIGNED + r")\s*(?:(?:relapses|attacks|events)\s*)?(?:/|per)\s*(?:(?:patient|person)[- ]?years?|PY|year)\b"
)
UNIT_AFTER = re.compile(
    r"^\s*(?:-\s*)?(?:mg|g\b|kg|\u00b5g|\u03bcg|mcg|ml\b|mL\b|mmol|\u03bcmol|\u00b5mol|umol|ng|IU|U/|"
    r"years?\b|yrs?\b|months?\b|mo\b|days?\b|weeks?\b|wk|hours?\b|h\b|min\b|"
    r"patients\b|participants\b|subjects\b|studies\b|stud|RCT|trials?\b|centres?\b|centers?\b|countries\b|"
    r"cases\b|women\b|men\b|children\b|adults\b|infusions\b|cycles\b|doses\b|points?\b|-point|-year|-month|"
    r"-week|-day|times\b|attacks\b|episodes\b|treatments\b|drugs\b|groups\b|sites\b|/100|per\s+100)",
)
THRESHOLD_BEFORE = re.compile(r"(?:[<>\u2264\u2265]=?|=<|>=|\bn\s*=|\bN\s*=)\s*$")
I2_BEFORE = re.compile(r"I\s*(?:\u00b2|2|\^2)\s*[:=]?\s*$")
CONNECTOR_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?|than|over|"
    r"(?:superior|inferior|non-?inferior|similar|comparable|equivalent|preferable)\s+to)(?![\w])",
    re.I,
)
REDUCTION_WORDS = re.compile(r"\b(?:reduc\w*|declin\w*|decreas\w*|lower\w*|fewer)\b", re.I)
INCREASE_WORDS = re.compile(r"\b(?:increas\w*|higher|greater|rose|elevat\w*)\b", re.I)
