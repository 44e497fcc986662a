"""One grammar for the numeric expressions of a sentence: tokens, productions, typed expressions.

Tokens are the building blocks every production shares: a number as printed (sign detached by a space,
a decimal broken across a line, ".5", a middle dot or a decimal comma already unified by the scan view), a
percentage ("%", "percent", "per cent", "percentage points"), a spelled-out count ("Nine"), an interval label
("95% CI", "95CI%", "CrI", "confidence interval"), a p-value operator.

Productions combine tokens into the expressions authors print, each parsed into a typed object with
sentence-local offsets (`start`, `end`; sub-offsets where a rule needs them). They are listed in GRAMMAR,
top to bottom, each with an example; `Parse(seg)` computes a production's expressions the first time a rule
asks for them (most sentences need only a few). The rules of `registry.py` consume these expressions and add
only the words around them (a measure's name, "reduced ... by", "in the X group").

All patterns run on the scan view (textscan.scan_view): dashes and the unicode minus are '-', middle dots
are '.', tags are blanked, so offsets are offsets into the original text.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable

from .startguard import start_guarded

# ---------------------------------------------------------------------------------------------- tokens
# A decimal may be broken after its point by a line break ("83.\n    0%"); the scan view keeps it that way.
# "1,907", "12,000": digits grouped by thousands (no leading zero, so "0,001" stays a decimal comma)
THOUSANDS = r"[1-9]\d{0,2}(?:,\d{3})+(?![\d]|,\d)(?:\.\d+)?"
UNSIGNED = r"(?:" + THOUSANDS + r"|\d+(?:\.\d+|\.[ \t]*\n[ \t]*\d+)?|\.\d+)"
# "-£448", "−$1,200", "€95": an amount of money, its sign printed before the currency
CURRENCY = r"[\u00a3$\u20ac]"
SIGNED = r"(?:[-+][ ]?)?(?:" + CURRENCY + r"\s?)?" + UNSIGNED
NUM = SIGNED
# A value starts where no word character or point precedes it, so "3-61" yields 3 and 61, not -61.
# (nor does "vs." with its space lost, "(10.2 ± 3.1 vs.12.4 ± 4.0 min)": the point is the abbreviation's, no decimal's)
VALUE_START = r"(?:(?<![\w.])|(?<=(?<![A-Za-z])[Vv]s\.)(?=\d))"
# (a ratio's or difference's two-letter abbreviation glued to its value, "OR0.5", "HR1.8", does not hide the value)
# (behind a start guard read past VALUE_START's lookahead: tokenize runs over every sentence, 3 times faster)
VALUE = start_guarded(re.compile(r"(?:" + VALUE_START + r"|(?<=(?<![A-Za-z])(?:OR|HR|RR|RD|MD))(?=\d+[.\u00b7]\d))(?P<sign>[-+][ ]?(?=[\d.\u00a3$\u20ac]))?(?:" + CURRENCY + r"\s?)?(?P<num>" + UNSIGNED + r")(?P<pct>[ ]?%)?"), past_lookaheads=True)
# "44 percent", "5.3 percentage points", "12 per cent", "3 pp": a percentage in words
PERCENT_WORDS = re.compile(r"\s*(?:percentage|per\s*cent(?:age)?)\s+points?\b|\s*percent\b|\s*per\s+cent\b|\s*pp\b", re.I)

_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
COUNT_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
              r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              r"seventeen|eighteen|nineteen)")
WORD_NUMBER = re.compile(r"\b(?P<word>" + COUNT_WORD + r")\b", re.I)
# the mark of a percentage after its number: "%", "percent", "per cent"
PCT = r"(?:\s*%|\s+(?:percent|per\s+cent)\b)"
PATIENTS = r"(?:patients?|participants?|subjects?|cases?|individuals?|people|child|children|adults?)"   # "1 patient (2%)"

# "95% CI", "95% confidence interval [CI]", "CI95", "95%CI", "95CI%", "(95% CI)", "90 % CI", "95% CrI", "95.02% CI",
# "95% C.I" (the last dot left out)
CI_LABEL = (
    # a Bayesian credible interval (CrI) is pooled like a confidence interval
    r"(?:(?P<lvl>(?:90|95|97\.5|99)(?:\.\d+)?)\s*(?:%|\s(?:percent|per\s+cent)\b)[\s-]*(?:CrIs?|CIs?|C\.I\.?|Cl|[Cc]onfidence\s+[Ii]ntervals?|[Cc]onfidence\s+[Ll]imits?|[Cc]redible\s+[Ii]ntervals?)"
    # the abbreviation printed after the words: "95% confidence interval (CI)", "95% confidence interval, CI,"
    r"(?:\s*[\[(](?:CI|95%\s*CI)[\])]|\s*,\s*CI\b(?=\s*[,:]))?"
    r"|(?:CrI|CI|IC|[Cc]onfidence\s+[Ii]ntervals?|[Cc]redible\s+[Ii]ntervals?)\s*(?P<lvl2>90|95|99)\s*%?"
    r"|(?P<lvl3>90|95|99)\s*(?:CrI|CI)\s*%"
    # the words without a level: "odds ratio 2.8, confidence interval 1.4 to 5.6" (its level left unknown)
    r"|CrIs?|CIs?|C\.I\.?|[Cc]onfidence\s+[Ii]ntervals?|[Cc]redible\s+[Ii]ntervals?)"
)


# compiled once: these run for every number of every sentence
_SPACES = re.compile(r"\s+")
_CURRENCY_SIGNS = re.compile(CURRENCY)
_DECIMAL_COMMA_NUMBER = re.compile(r"[-+]?\d+,\d+")
_THOUSANDS_NUMBER = re.compile(r"[-+]?" + THOUSANDS)


# a figure as a cell prints it, signless: digits with or without their decimals, or the decimals alone (".24" of
# "-.24 (.17)", a table printing its figures without the leading zero)
FIGURE = r"(?:\d+(?:\.\d+)?|\.\d+)"
# a cell's first figure with a comma in it, as far as the figure goes ("0,296 (0.065)", "-0,02697", "12,5 ± 3,1")
_LEADING_COMMA_FIGURE = re.compile(r"\s*(?P<figure>[-+\u2212]?\d+,\d+)(?![\d,])(?=\s*(?:[(\[]|\u00b1|\+/-|$))")


def decimal_comma(figure: str) -> bool:
    """True when the comma of a figure ("0,296", "-0,02697", "0,2682", "12,5") is its decimal mark: a grouping no
    thousands separator prints (a lone zero before it, other than three digits after it). "1,039", "12,500" are
    thousands. The one decision of what a comma between digits is; `parse_number` reads it so."""
    s = figure.strip().lstrip("-+\u2212")
    return bool(_DECIMAL_COMMA_NUMBER.fullmatch(s)) and not _THOUSANDS_NUMBER.fullmatch(s)


def with_leading_decimal_comma(cell: str) -> str:
    """The cell with its first figure written with a point where that figure's comma is a decimal mark
    (`decimal_comma`): "0,296 (0.065)" -> "0.296 (0.065)", whatever the bracket prints (a decimal point in the SEM);
    a comma inside a bracket ("120 (0,160)": two bounds) is left to the table's decision. One character for one."""
    m = _LEADING_COMMA_FIGURE.match(cell)
    if m is None or not decimal_comma(m.group("figure")):
        return cell
    return cell[:m.start("figure")] + m.group("figure").replace(",", ".") + cell[m.end("figure"):]


def parse_number(text: str) -> float | None:
    """A printed number (possibly signed, broken across a line, with a decimal comma) as a float."""
    if not text.strip("0123456789.+-"):
        # only ASCII digits, points and signs (most numbers): nothing to clean, float() reads it as printed
        try:
            return float(text)
        except ValueError:
            return None
    s = _CURRENCY_SIGNS.sub("", _SPACES.sub("", text.replace("\u2212", "-").replace("\u00b7", ".")))
    s = s.rstrip("%")
    if decimal_comma(s):
        s = s.replace(",", ".")
    elif _THOUSANDS_NUMBER.fullmatch(s):
        s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def word_to_int(word: str) -> int | None:
    """ "twenty-one" -> 21; "One hundred and ninety-three" -> 193."""
    total = 0
    for p in re.split(r"[- ]+", word.lower().strip()):
        if p == "and" and total:
            continue
        if p == "hundred" and 0 < total < 10:
            total *= 100
            continue
        if p not in _WORDS:
            return None
        total += _WORDS[p]
    return total


# "One hundred and ninety-three", "two hundred forty-six": a count of a hundred or more spelled out
HUNDREDS_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:(?:\s+and)?\s+" + COUNT_WORD + r")?")


def count_value(text: str) -> int | None:
    """A count printed in digits or spelled out ("Nine", "twenty-one")."""
    return int(text) if text.isdigit() else word_to_int(text)


def clean_number_text(text: str) -> str:
    """The number as one would retype it: no line break inside, no space after the sign."""
    return _SPACES.sub("", text)


@dataclass
class Num:
    """One number token."""
    start: int
    end: int          # end of the number (before any % sign)
    full_end: int     # end including a % sign or "percent"
    value: float
    text: str
    percent: bool
    signed: bool
    decimal: bool


# "Fifty-six percent of the A group", "Ninety-one per cent of patients": a percentage spelled out (a sentence never
# opens with a digit, so a share leading a sentence is spelled); one number token like "56 percent", so every rule
# reading a share of an arm reads it
SPELLED_PERCENT = re.compile(r"(?<![\w-])(?P<word>" + COUNT_WORD + r")(?=\s*(?:percent|per\s*cent)\b)", re.I)


def tokenize(seg: str) -> list[Num]:
    nums = []
    if "cent" in seg:
        for m in SPELLED_PERCENT.finditer(seg):
            v = word_to_int(m.group("word"))
            words = PERCENT_WORDS.match(seg, m.end(), m.end() + 24)
            if v and words:
                nums.append(Num(m.start(), m.end(), words.end(), float(v), str(v), True, False, False))
    for m in VALUE.finditer(seg):
        core = (m.group("sign") or "") + m.group("num")
        v = parse_number(core)
        if v is None:
            continue
        pct, full_end = bool(m.group("pct")), m.end()
        if not pct:
            words = PERCENT_WORDS.match(seg, m.end(), m.end() + 24)
            if words:
                pct, full_end = True, words.end()
        nums.append(Num(m.start(), m.end("num"), full_end, v, clean_number_text(core), pct,
                        bool(m.group("sign")), "." in m.group("num")))
    return sorted(nums, key=lambda n: n.start) if "cent" in seg else nums


# ---------------------------------------------------------------------------------------------- expressions
@dataclass(frozen=True)
class Interval:
    """An interval printed for a value: labelled ("95% CI 0.3-0.8"), one-sided ("95% UCL 0.8"), or a bare
    bracketed/comma pair ("(0.3-0.8)", ", 0.16-0.88;") that a rule may read as one."""
    start: int
    end: int
    low: float | None
    high: float | None
    level: float | None
    percent: bool = False      # the limits were printed with a % sign
    labelled: bool = True


@dataclass(frozen=True)
class PValue:
    start: int
    end: int
    value: float | None        # the number when printed with "=", else None
    text: str | None           # as written when not an exact "=" ("<0.001"), else None


@dataclass(frozen=True)
class Span:
    """Numbers that are never an estimate's value (a range, a spread, an SD after a mean)."""
    start: int
    end: int


@dataclass(frozen=True)
class CountOf:
    """ "14 of 19", "117/141", "n=11/14", "Nine of 30"."""
    start: int
    end: int
    events: int | None
    total: int


@dataclass(frozen=True)
class PeopleThenCount:
    """ "Out of the 28 patients given A, 25 ...": the arm's people (`total`, the arm's name at `arm_start`..`arm_end`),
    then the count of them (`events`, with its percentage at `percent_start` when printed, else -1)."""
    start: int
    end: int
    total: int | None
    total_start: int
    total_end: int
    arm_start: int
    arm_end: int
    events: int | None
    count_start: int
    count_end: int
    percent_start: int = -1
    percent_end: int = -1


@dataclass(frozen=True)
class ArmCount:
    """ "23 recurrences (treatment failures) in the X group", "7 in the Y group": a count of events, each at most
    once per patient, in an arm named after it (`noun` empty when the count names no event)."""
    start: int
    end: int
    events: int | None
    noun: str
    arm_start: int
    arm_end: int


@dataclass(frozen=True)
class CountPercent:
    """ "12 (22.2%)", "Nine (15%) of 61", "8 patients [9.3%]", "35.2% (n = 19)", a table's "8 (20.0)"."""
    start: int
    end: int
    events: int | None
    count_start: int
    count_end: int
    percent_start: int
    percent_end: int
    of_total: int | None = None
    of_start: int = -1
    of_end: int = -1


@dataclass(frozen=True)
class PercentOf:
    """ "26.7% of 116 patients", "80% of the patients showed"."""
    start: int
    end: int
    percent_start: int
    percent_end: int
    total: int | None
    total_start: int
    total_end: int
    next_word: str


@dataclass(frozen=True)
class Everyone:
    """ "All 9 patients" (events = total = n) and "None of the 58 patients", "No patients in the X group",
    "No patient in either group" (events 0; total given or the arm's; `arm_text` the arm as written,
    `both_arms` for "either group"/"both groups")."""
    start: int
    end: int
    events: int | None
    total: int | None
    count_start: int = -1
    count_end: int = -1
    arm_start: int = -1
    arm_end: int = -1
    both_arms: bool = False


@dataclass(frozen=True)
class Rate:
    """ "44.4/100 patient-years", "0.23 relapses per patient-year", "12.5 per 1000 person-years"."""
    start: int
    end: int
    value_start: int
    value_end: int
    per: int                   # patient-years the rate is per: 1, 100 or 1000


@dataclass(frozen=True)
class PercentPair:
    """ "29% vs 28%", "25% and 30% ... respectively"."""
    start: int
    end: int
    first: tuple[int, int]
    second: tuple[int, int]


@dataclass(frozen=True)
class Summary:
    """An arm's summary of a continuous quantity: mean ± SD, mean (SD x), mean (SE x), mean (95% CI a-b),
    median (IQR a-b), median [range a-b]. `center` is the mean or median."""
    start: int
    end: int
    kind: str                  # "mean" or "median"
    center: float
    center_start: int
    center_end: int
    sd: float | None = None
    se: float | None = None
    ci: tuple | None = None    # (low, high, level)
    q1: float | None = None
    q3: float | None = None
    range_low: float | None = None
    range_high: float | None = None
    n: int | None = None
    label: str = ""            # the spread's label as printed ("SD", "SE"), empty when the bracket has none


@dataclass(frozen=True)
class ValueList:
    """Values printed as a list whose order follows names printed after it: "41.2%, 55.0% and 63.8% in the A, B
    and C groups", "25% and 30% ..., respectively", or labelled in place: "(TRIAL-1: 38%; TRIAL-2: 41%)".
    `items` are (start, end) of each value; `labels` the (start, end) of each in-place label."""
    start: int
    end: int
    items: tuple
    labels: tuple = ()
    respectively: bool = False


@dataclass(frozen=True)
class TimedList:
    """One arm's values listed in the order of the times after them and closed by "respectively": "36.4 ± 27.6,
    26.8 ± 38.4 and 10.2 ± 28.3 on day 1, 3 and 5 respectively", "9, 39 and 28 patients on days 1, 3 and 5,
    respectively", "48 and 36 patients at 6 and 12 months resp.". `items` are (start, end, value, spread) of each
    value (spread None for a bare value); `times` the times as a label reads them ("day 3", "12 months");
    `people` whether the values are counts of people ("... patients on day 1 ...")."""
    start: int
    end: int
    items: tuple
    times: tuple
    people: bool


# ---------------------------------------------------------------------------------------------- productions
_P_RE = re.compile(
    r"(?<![\w])(?:[Pp](?:[- ]?values?)?\s*(?P<op>=\s*<|<\s*=|=\s*>|[<>=\u2264\u2265]|\u2264|\u2265)"
    r"|[Pp][- ]?values?\s+(?:was\s+|of\s+|is\s+)?(?P<op2>[<>]\s*)?(?=[\d.])"
    # "1.35 vs. 1.82 p 0.004": a lone p before a decimal below one
    r"|(?<![\w.])[Pp]\s+(?=0?\.\d))\s*"
    r"(?P<pv>\d*[.,]\d+(?:\s*[x\u00d7]\s*10\s*-\s*\d+)?|\d+(?:\s*[x\u00d7]\s*10\s*-\s*\d+)?)"
)
# "£188 [US$277], 95% CI -£125 [-US$184] to £501 [US$738]": an amount restated in another currency after it
OTHER_CURRENCY = r"(?:\s*[\[(]\s*-?\s*(?:[A-Z]{1,3})?\s?[$\u00a3\u20ac]\s?[\d.,]*\d\s*[\])])?"
# the label printed twice or its level repeated before the limits: "95% CI 95% 0.76 to 1.66", "95% CI (95% CI -0.37
# to 0.37)", "CI 95%: 95% 1.1-2.0": the second label says nothing new
_LABEL_AGAIN = r"(?:[\[(]?\s*(?:90|95|99)(?:\.\d+)?\s*%\s*(?:(?:CI|CrI|confidence\s+interval)\b\s*)?[:=,]?\s*(?=[-+\u2212\u2013]?\s*\.?\d))?"
_CI_RE = re.compile(
    CI_LABEL + r"\s*(?:[:=,;]|\bis\b|\bwas\b|\bof\b)?\s*(?:\b(?:from|ranging\s+from)\s+)?" + _LABEL_AGAIN + r"[\[(]?\s*"
    r"(?P<lo>" + NUM + r")\s*(?P<lopct>%|percent\b)?" + OTHER_CURRENCY + r"\s*(?:-|\bto\b|,|;|\band\b)\s*(?P<hi>" + NUM + r")\s*(?P<hipct>%|percent\b)?"
    r"(?!\d|\.\d|\s*-\s*\d)"      # "95% CI: 1.19; 0.94-1.50" is a value and its interval, not 1.19 to 0.94
)
_ONE_SIDED_RE = re.compile(
    r"(?P<lvl>90|95|99)\s*%\s*(?:(?P<side>upper|lower)\s+confidence\s+(?:limit|bound)(?:\s*[\[(](?:U|L)CL[\])])?"
    r"|(?P<abbr>UCL|LCL))\s*[:=]?\s*(?P<v>" + NUM + r")"
)
_RANGE_RE = re.compile(
    r"(?i:\b(?:range|iqr|interquartile\s+range|inter-quartile\s+range)\b)\s*[,:=]?\s*[\[(]?\s*"
    r"(?P<lo>" + NUM + r")\s*(?:-|\bto\b)\s*(?P<hi>" + NUM + r")"
)
# (not a value followed by its own spread: "M ± SE = 81.2 ± 0.9" names the format, then the mean)
_SPREAD_RE = re.compile(r"(?:\u00b1|\+/-|\bSDs?\b|\bSEM?\b|standard\s+deviation)\s*[:=,]?\s*(?:SD\s*)?(?P<v>" + UNSIGNED + r")"
                        r"(?!\d|\.\d|\s*(?:\u00b1|\+/-))")
# "HR 0.38, 0.16-0.88;", "mean difference 0.006, -0.009 to 0.02;", "rate ratio 1.22; 1.12-1.33;": a value, a comma or
# semicolon, its interval without a label
_COMMA_PAIR_RE = re.compile(r"[,;]\s*(?P<lo>" + NUM + r")\s*(?:-|\bto\b)\s*(?P<hi>" + NUM + r")(?=\s*[;)\],])")
# "(0.34, 0.81)", "[0.63; 0.93]", "(4%-40%)"
_BARE_PAIR_RE = re.compile(r"[\[(]\s*(?P<lo>" + NUM + r")\s*(?P<lopct>%)?\s*(?:-|\bto\b|,|;)\s*(?P<hi>" + NUM + r")\s*(?(lopct)%)"
                           r"\s*(?:[)\]]|[;,](?=\s*[Pp]\s*[<>=\u2264]))")
_COUNT_PAIR_RE = re.compile(
    # "181/1,378": a total printed with a thousands separator
    r"(?<![\w./,])(?P<e>[1-9]\d{0,2}(?:,\d{3})+(?![\d,])|\d+)\s*(?:/|\bof\b(?:\s+the\b)?|\bout\s+of\b)\s*(?P<t>[1-9]\d{0,2}(?:,\d{3})+(?![\d,])|\d+)"
    # (a sentence may end right after the total: "... and 11/39."; "3/4.5" is no count)
    r"(?![\w]|\.\d|\s*(?:PY|patient-years|person-years|/))")
# "Nine of 30", "two out of six patients" (a spelled-out total only after "out of", which no other phrase uses)
_WORD_COUNT_PAIR = re.compile(r"\b(?P<e>" + COUNT_WORD + r")\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<t>\d+)(?![\w]|\.\d|\s*/)"
                              r"|\b(?P<e2>" + COUNT_WORD + r")\s+out\s+of\s+(?P<t2>" + COUNT_WORD + r")\b", re.I)
# "Five of nine subjects", "2 of eight participants", "(two of two)", "in 8 out of the 10 patients": a count of a total
# spelled out, or printed after "out of the" (the shapes count_of and word_count_of leave); a spelled-out total only
# before the people counted, a percentage in brackets or the bracket's close ("one of two groups" is no count)
COUNTED_PEOPLE = (r"(?:patients?|participants?|subjects?|volunteers?|individuals?|persons?|people|cases?|children|child|"
                  r"infants?|adults?|women|men|girls|boys|eyes|recipients?|neonates?|newborns?|mothers?)")
_SPELLED_COUNT_PAIR = re.compile(
    r"(?<![\w.,/])(?P<e>\d+|" + COUNT_WORD + r")\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<t>" + COUNT_WORD + r")\b"
    r"(?=\s+(?:[\w-]+\s+)?" + COUNTED_PEOPLE + r"\b|\s*[(\[]\s*\d[\d.]*\s*%|\s*[)\]])"
    r"|(?<![\w.,/])(?P<e2>\d+|" + COUNT_WORD + r")\s+out\s+of\s+the\s+(?P<t2>\d+)(?![\w.]|\s*/)", re.I)
# "Out of the 28 patients given A, 25 presented with pain", "Of the 40 participants in the B group, 12 (30%) had X",
# "Among 35 women receiving C 9 developed Y": an arm's people counted first, then how many of them did something (the
# people's arm between; rules/proportions.people_of_an_arm_first reads it)
_ARM_PEOPLE_FIRST = re.compile(
    r"\b(?:out\s+of|of|among)\s+(?:the\s+|these\s+|those\s+|all\s+)?(?P<t>\d+|" + COUNT_WORD + r")\s+" + COUNTED_PEOPLE
    + r"\s+(?:who\s+(?:received|were\s+(?:given|treated\s+with|receiving))|receiving|given|treated\s+with|(?:allocated|assigned|"
    r"randomi[sz]ed)\s+to|in|of|from|on|for)\s+(?:the\s+)?(?P<arm>[^,;.()\d]{2,60}?)\s*,?\s+(?P<n>\d+|" + COUNT_WORD
    + r")(?:\s+" + COUNTED_PEOPLE + r")?(?:\s*[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%?\s*[)\]])?(?=\s+[a-z])", re.I)
# right before a number: the word of a time it counts ("day 28", "week 12", "visit 3"), each a fixed-width lookbehind
_NOT_A_TIME = "".join(r"(?<!\b" + w + r"\s)" for w in ("day", "days", "week", "weeks", "month", "months", "year", "years",
                                                        "visit", "hour", "cycle", "session"))
_COUNT_PERCENT = re.compile(
    # "Three patients in the X group (7.9%)": the arm may stand between the patients and their share
    # "Eleven women (37.9%)": women or men as the people counted (rules/proportions.count_percent reads them only
    # when the sentence is about an outcome)
    # ("but not at day 28 (4%)": the number of a time is no count)
    # ("At six months 23 patients (67.6%)": a count of people after a time stays a count)
    r"(?P<n>(?<![\w.-])(?:(?=\d+\s+(?:" + PATIENTS + r"|women|men|mothers|girls|boys)\b)|" + _NOT_A_TIME + r")\d+|\b" + COUNT_WORD + r")(?:\s+(?:" + PATIENTS + r"|women|men|mothers|girls|boys)(?:\s+in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm))?)?"
    r"\s*[(\[]\s*(?P<x>" + UNSIGNED + r")" + PCT + r"\s*(?:[;,]\s*(?:90|95|99)\s*%\s*CI[^()\[\]]{0,30})?[)\]]"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>\d+)(?!\d|\.\d))?", re.I)
_TABLE_COUNT = re.compile(r"(?<![\w.])(?P<n>\d+)\s*[(\[]\s*(?P<x>\d+(?:\.\d+)?)\s*[)\]]")
# a table cell "8/1039 (0.77)", "5 of 91 (5.5%)": events of a total with the percentage after them; without a bracket
# the percentage must print its sign ("13/28 46.4%", "13/28, 46.4%", "13/28; 46.4 %")
_COUNT_OF_PERCENT = re.compile(
    r"(?<![\w./])(?P<n>\d+)\s*(?:/|\bof\b)\s*(?P<of>\d+)\s*(?:(?P<open>[(\[])|[,;]?\s*)(?(open)\s*)(?P<x>" + UNSIGNED
    + r")\s*(?(open)%?\s*[)\]]|%)")
_N_EQUALS = re.compile(
    VALUE_START + r"(?P<x1>" + UNSIGNED + r")" + PCT + r"\s*[(\[]\s*n\s*=\s*(?P<n1>\d+)\s*[)\]]"
    r"|[(\[]\s*n\s*=\s*(?P<n2>\d+)\s*[,;]\s*(?P<x2>" + UNSIGNED + r")" + PCT + r"\s*[)\]]")
_OF_THE_N = re.compile(
    r"\s*(?:Of|Among)\s+(?:the\s+|these\s+|all\s+)?(?P<n>\d+)\s+(?:patients|participants|subjects|children)\b[^,;%\d]{0,80},\s*"
    r"(?P<x>" + UNSIGNED + r")" + PCT + r"\s+(?:had|achieved|were\s+(?:relapse|free|in\s+remission)|experienced|developed|relapsed|reached|met|showed|required|improved|responded)")
_PERCENT_OF = re.compile(
    r"(?P<x>" + VALUE_START + UNSIGNED + r")" + PCT + r"\s+of\s+(?:the\s+|all\s+)?(?:(?P<t>\d+)(?!\d|\.\d)\s*(?:patients|participants|subjects)?"
    r"|(?:patients|participants|subjects|those|women|men|children|infants))\b(?P<next>\s+\w+)?")
_ALL = re.compile(r"\b[Aa]ll\s+(?P<n>\d+|" + COUNT_WORD + r")\s+(?:patients|participants|subjects)\b")
_NONE = re.compile(
    r"\b(?:[Nn]one\s+of\s+(?:the\s+)?(?P<n>\d+)\s+(?:patients|participants|subjects)(?:\s+(?:treated\s+with|receiving|on|in\s+the)\s+[\w-]+(?:\s+(?:group|arm))?)?"
    r"|(?:[Nn]o|[Nn]one\s+of\s+the)\s+(?:patients?|participants?|subjects?)\s+in\s+(?P<both>either|both|any)\s+(?:of\s+the\s+(?:two\s+)?)?(?:treatment\s+)?(?:groups?|arms?)"
    r"|[Nn]o\s+(?:patients?|participants?|subjects?)\s+in\s+the\s+(?P<arm>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:group|arm))")
# "There were no adverse events.", "No serious adverse events occurred in either group.", "No relevant complications
# (such as ...) were observed.", "None of our patients experienced clinically significant adverse reactions", "...
# and no serious complication has occurred", "All the patients are alive": a whole sentence (or its last clause)
# saying that no patient of any arm had the event ("No deaths occurred." is left out: labelled sets do not count it
# as each arm's datum, and a death count is read where it is printed). A place or group named after the event ("in
# the X group", "in previous studies", "between groups") is no zero of every arm, so the clause must end there.
_NO_EVENT_KIND = (r"(?:clinically\s+)?(?:serious|major|severe|relevant|significant|important|unexpected|other|local|"
                  r"systemic|(?:treatment|trial|study|drug|procedure|device|vaccine|injection)[- ]related|"
                  r"post-?operative|peri-?operative|intra-?operative)")
_NO_EVENT_NOUN = (r"(?:adverse\s+(?:drug\s+)?(?:events?|effects?|reactions?)|side[- ]effects?|complications?|toxicit(?:y|ies)|"
                  r"(?:allergic|hypersensitivity)\s+reactions?|(?-i:S?AEs?)\b)")
_NO_EVENT_WHAT = (r"(?P<{}>(?:" + _NO_EVENT_KIND + r"(?:\s*(?:,|/|\bor\b|\band\b)\s*" + _NO_EVENT_KIND + r")*\s+)?"
                  + _NO_EVENT_NOUN + r"(?:\s+(?:or|and)\s+(?:[\w-]+\s+)?(?:allerg\w+|reactions?|toxicit\w+|events?|"
                  r"complications?|effects?|deaths))?)(?:\s*\([^()]*\))?")
_NO_EVENT_TAIL = (r"(?:\s+(?:in|among)\s+(?:either|both|any)\s+(?:of\s+the\s+(?:two\s+)?)?(?:study\s+|treatment\s+)?"
                  r"(?:groups?|arms?)|\s+in\s+any\s+(?:patients?|participants?|subjects?|cases?)"
                  # "in any of the 100 patients randomly assigned": everyone randomised, counted
                  r"|\s+in\s+any\s+of\s+the\s+(?:\d+\s+)?(?:patients|participants|subjects)(?:\s+(?:randomly\s+assigned|"
                  r"randomi[sz]ed|allocated|treated|enrolled))?"
                  # "... in the 3 groups", "in all three arms": every arm, counted
                  r"|\s+(?:in|among)\s+(?:all\s+)?(?:the\s+|of\s+the\s+)?(?:two|three|four|2|3|4)\s+(?:study\s+|treatment\s+)?"
                  r"(?:groups|arms))?"
                  r"(?:\s+(?:during|throughout|after)\s+(?:the\s+)?[\w -]{0,50}?)?"
                  r"(?:\s+(?:till|until|to)\s+(?:date|now)|\s+so\s+far)?\s*[.;]?\s*$")
# "There were no complications, such as A, B and C, in the 3 groups": the examples of the event, set apart by commas
_NO_EVENT_EXAMPLES = r"(?:\s*,\s*(?:such\s+as|including|e\.g\.,?|like)\s+[^.;]{3,200}?,)?"
# ("No adverse events were reported or observed": two verbs of seeing joined)
_NO_EVENT_VERB = (r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:reported|observed|recorded|seen|noted|"
                  r"documented|detected|encountered|found)(?:\s+(?:or|and)\s+(?:reported|observed|recorded|seen|noted|"
                  r"documented|detected))?)?(?:\s+(?:has\s+|have\s+|had\s+)?(?:occurred|developed|"
                  r"reported|appeared))?")
_NO_EVENTS = re.compile(
    r"(?:^\s*|(?<=\n)|(?<=,\s)|(?<=;\s)|(?<=\band\s)|(?<=\bwhile\s))(?:"
    r"(?:There\s+(?:were|was|have\s+been|has\s+been)\s+no|No)\s+" + _NO_EVENT_WHAT.replace("{}", "what") + _NO_EVENT_EXAMPLES
    + _NO_EVENT_VERB + _NO_EVENT_TAIL
    # "None of our patients experienced clinically significant adverse reactions": "None of the patients in either
    # group ..." is the none_of production's
    + r"|None\s+of\s+(?:the|our|these)\s+(?:patients|participants|subjects)\s+(?:had|experienced|developed|suffered|"
    r"showed|reported)\s+(?:any\s+)?" + _NO_EVENT_WHAT.replace("{}", "what2") + _NO_EVENT_TAIL
    # "All the patients are alive (and ...)": no death in any arm
    + r"|All\s+(?:of\s+)?(?:the\s+|our\s+)?(?:patients|participants|subjects)\s+(?:are|were|remained|remain)\s+(?P<alive>alive)"
    r"(?:\s+(?:at|after|by)\s+[\w -]{0,30}?)?(?=\s*(?:[.;,]|\band\b|$)))", re.I)


# "All 28 patients fulfilled the 12 weeks' follow-up without any drug related side effects": everyone, and no one with
# the event (the zero of every arm, never everyone's event)
ALL_WITHOUT_EVENTS = re.compile(
    r"\bAll\s+(?:the\s+|of\s+the\s+)?(?:(?:\d+|" + COUNT_WORD + r")\s+)?(?:patients|participants|subjects|children|"
    r"women|men|infants)\b[^.;]{0,80}?\bwithout\s+(?:any\s+)?" + _NO_EVENT_WHAT.replace("{}", "what")
    + r"(?=\s*(?:[.;,]|$))", re.I)


def _no_events(m: re.Match) -> Word:
    if m.group("alive"):
        return Word(m.start("alive"), m.end("alive"), "death")
    what = "what" if m.group("what") else "what2"
    return Word(m.start(what), m.end(what), m.group(what))


# "Nine patients in each treatment group (16%)": one count printed for every arm
# ("in each of the groups", "in each of the two arms": the same count of every arm)
_EACH_GROUP_COUNT = re.compile(r"(?P<n>(?<![\w.])\d+|\b" + COUNT_WORD + r")\s+" + PATIENTS + r"\s+in\s+each\s+"
                               r"(?:of\s+the\s+(?:two\s+|three\s+|[23]\s+)?(?:treatment\s+|study\s+)?(?:groups|arms)|"
                               r"(?:treatment\s+|study\s+)?(?:group|arm))\s*(?:[(\[]\s*(?P<x>" + UNSIGNED + r")" + PCT + r"\s*[)\]])?", re.I)
_BELOW_ONE_PERCENT = re.compile(r"(?P<n>(?<![\w.])\d+|\b" + COUNT_WORD + r")\s*[(\[]\s*<\s*1\s*%\s*[)\]]", re.I)
_PERCENT_PAIR = re.compile(VALUE_START + r"(?P<x>" + UNSIGNED + r")" + PCT + r"\s*(?:,?\s*(?:vs\.?|versus)\s*(?P<y>" + UNSIGNED + r")" + PCT
                           + r"|and\s+(?P<y2>" + UNSIGNED + r")" + PCT + r"(?=[^.;]{0,40}\brespectively\b))")
# what a rate per patient-years counts: "5.2 suicide-related events per 100 person-years", "4.8 cases per 100 ..."
_EVENT_NOUNS = r"(?:relapses|attacks|events|cases|episodes|infections|exacerbations|transmissions|deaths|hospitali[sz]ations|falls)"
_PER100 = re.compile(
    r"(?<![\d.])(?P<v>" + UNSIGNED + r")\s*(?:(?:[\w-]+\s+)?" + _EVENT_NOUNS + r"\s+)?(?P<per>/\s*1[,.]?000|per\s+1[,.]?000|/\s*100|per\s+100)\s*(?:(?:patient|person)[- ]?years?|PY|PYs)\b"
    r"|(?<![\d.])(?P<v1>" + UNSIGNED + r")\s*(?:(?:[\w-]+\s+)?" + _EVENT_NOUNS + r"\s*)?(?:/|per)\s*(?:(?:patient|person)[- ]?years?|PY|year)\b"
    # "2.65%/year", "0.85% per year": a yearly percentage is a rate per 100 patient-years
    r"|(?<![\d.])(?P<v2>" + UNSIGNED + r")\s*%\s*(?:/\s*|per\s+|a\s+)(?:(?:patient|person)[- ]?)?(?:years?|yr)\b"
)
# events that happen at most once to a patient (a death, a recurrence, a treatment failure): their count over an
# arm is a count of patients; relapses, infections or adverse events may repeat and are not read this way
ONCE_PER_PATIENT = r"(?:[\w-]+\s+)?(?:deaths|recurrences|failures|amputations|recrudescences|conversions)"
# ("There was one death in the B group": the same events, one of them)
ONE_ONCE_PER_PATIENT = r"(?:[\w-]+\s+)?(?:death|recurrence|failure|amputation|recrudescence|conversion)"
_ARM_COUNT = re.compile(
    r"(?<![\w.,/-])(?P<n>\d+|" + COUNT_WORD + r"|none|no\s+one)(?:\s+(?P<noun>" + ONCE_PER_PATIENT + r"|(?<=one\s)"
    + ONE_ONCE_PER_PATIENT + r"|(?<=\b1\s)" + ONE_ONCE_PER_PATIENT + r")"
    r"(?:\s+(?:from|of|due\s+to)\s+[\w-]+(?:\s+[\w-]+){0,2}?(?=\s+in\s+the\b|\s*[(\[]))?)?"   # "deaths from cardiac causes"
    r"(?:\s*[(\[][^()\[\]\d]{0,60}[)\]])?\s+(?:occurred\s+|were\s+(?:observed|seen|recorded|reported|attributed\s+to\s+"
    r"[\w-]+(?:\s+[\w-]+)?)\s+)?in\s+the\s+"
    # ("the 1 cm group": an arm named by an amount)
    r"(?P<arm>\d+(?:\.\d+)?\s*[a-zA-Z%]+(?=\s)[^.;,()\d]{0,60}?|[^.;,()\d]{2,60}?)\s+(?:group|arm)\b", re.I)
# "Two patients in the A group showed mild nausea", "There was one case of high fever reported in the A group",
# "Vomiting was recorded in one patient in group A": patients with an event counted in an arm named beside them,
# with no share printed (`noun` holds the event as the sentence names it)
_ARM_NAMED = r"(?:the\s+(?P<arm>[^.;,()\d]{2,60}?)\s+(?:group|arm)\b|(?:group|arm)\s+(?P<arm2>[A-Z][\w+/-]{0,7})(?![\w+/-]))"
_SAID = r"(?:was|were\s+)?(?:reported|recorded|observed|seen|noted|found|documented)"
_PATIENTS_IN_ARM = re.compile(
    r"(?<![\w.,/(-])(?P<n>\d+|" + COUNT_WORD + r")\s+(?:patients?|participants?|subjects?|children|infants|women|men)\s+"
    r"(?:in|of|from)\s+" + _ARM_NAMED + r"\s+(?:showed|had|experienced|developed|suffered(?:\s+from)?|reported|required|"
    r"needed|presented\s+with|complained\s+of)\s+(?P<what>[^.;,()\d]{3,80}?)(?=\s*(?:[.;,(]|\bwhile\b|\bbut\b|"
    r"\bwhereas\b|\bwithout\b|\bcompared\b|$))"
    r"|(?<![\w.,/(-])(?P<n3>\d+|" + COUNT_WORD + r")\s+cases?\s+of\s+(?P<what3>[^.;,()\d]{3,50}?)\s+" + _SAID + r"\s+in\s+"
    + _ARM_NAMED.replace("?P<arm>", "?P<arm3>").replace("?P<arm2>", "?P<arm4>")
    + r"|^\s*(?P<what5>[A-Z][^.;,()\d]{2,60}?)\s+(?:was|were)\s+(?:reported|recorded|observed|seen|noted|found|documented)"
    r"\s+in\s+(?:only\s+)?(?P<n5>\d+|" + COUNT_WORD + r")\s+(?:patients?|participants?|subjects?|children|infants|cases?)"
    r"\s+(?:in|of|from)\s+" + _ARM_NAMED.replace("?P<arm>", "?P<arm5>").replace("?P<arm2>", "?P<arm6>"), re.I)


def _patients_in_arm(m: re.Match) -> ArmCount:
    for n, what, arms in (("n", "what", ("arm", "arm2")), ("n3", "what3", ("arm3", "arm4")),
                          ("n5", "what5", ("arm5", "arm6"))):
        if m.group(n):
            arm = arms[0] if m.group(arms[0]) else arms[1]
            return ArmCount(m.start(n), m.end(), count_value(m.group(n).lower()), m.group(what).strip(),
                            m.start(arm), m.end(arm))
    raise AssertionError("a patients_in_arm match always has a count")


# mean and median summaries; the word "mean"/"median" (or a header "mean (SD)") must be in the sentence
# "12.1 \u00b1 3.4", and the spread in its own bracket with the unit on either side: "2.5 g/dL (\u00b1 1.5)", "655 ml (\u00b1 163 ml)"
_MEAN_PM = re.compile(VALUE_START + r"(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/\u00b5]{1,8}\s*)?(?P<open>[(\[]\s*)?(?:\u00b1|\+/-)\s*(?P<sd>"
                      + UNSIGNED + r")(?(open)(?:\s*[a-zA-Z%/\u00b5]{1,8})?\s*[)\]]"
                      # (the spread named in a bracket of its own right after it: "0.34 \u00b1 0.06(S.E.)", "0.09 \u00b1 .04 (SEM)")
                      r"|(?:\s*[(\[]\s*(?P<lab>SD|SE|SEM|S\.D\.?|S\.E\.?|s\.d\.?|s\.e\.?)\s*[)\]])?)")
# the spread's name before it, as an abbreviation or in words ("standard deviation (SD) = 0.7")
# (the words with their abbreviation only: "standard error 0.9" alone is as often a heading's word)
_SPREAD_NAME = (r"SD|SE|SEM|s\.d\.|s\.e\.|(?i:standard\s+(?:deviation|error)(?:\s+of\s+the\s+mean)?)"
                r"\s*[(\[]\s*(?:SD|SE|SEM)\s*[)\]]")
# ... the spread's label after it ("12.1 (3.4 SD)", "12.1 [0.9 SEM]")
_MEAN_BRACKET = re.compile(
    VALUE_START + r"(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/\u00b5]{1,8}\s*)?[(\[]\s*(?:(?P<lab>" + _SPREAD_NAME + r")\s*[:=,]?\s*)?"
    r"(?P<s>" + UNSIGNED + r")(?(lab)|(?:\s*(?P<lab2>SD|SE|SEM|s\.d\.|s\.e\.)(?![\w.]))?)\s*"
    # (the bracket may go on with the mean's interval: "2.4 (SD, 1.1; 95% CI = 2.0-2.8)")
    # (the interval read as part of the summary, the printed SD kept)
    r"(?:;\s*(?:90|95|99)\s*%\s*(?:CI|confidence\s+interval)[^()\[\]]{0,40})?[)\]]")
# "(M = 241.1, SD = 134.5 ms)", "mean = 12.1; SD = 3.4", "Mean: 5.2, SE: 0.4": the centre and its spread each
# after its own name (the psychology journals' style); the summary starts at the centre's name
_MEAN_LABELLED = re.compile(
    r"(?:(?-i:\bM)|\b(?i:mean))\s*[:=]\s*(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/\u00b5]{1,8}\s*)?[,;]\s*"
    r"(?P<lab>SD|SE|SEM|s\.d\.|s\.e\.)\s*[:=]?\s*(?P<s>" + UNSIGNED + r")(?![\w.]*\d)")
_MEAN_CI = re.compile(VALUE_START + r"(?P<c>" + NUM + r")\s*(?:(?:[a-zA-Z%/\u00b5]{1,8}|percentage\s+points)\s*)?[(\[]\s*" + CI_LABEL + r"\s*[:=,]?\s*(?P<lo>" + NUM + r")\s*(?:-|\bto\b|,)\s*(?P<hi>" + NUM + r")\s*[)\];,]")
# "(mean change -14.7 cm/s, CI -23.8, -5.8", "(mean 140%, CI 27-357%": a mean named right before its value, the interval
# after a comma without a bracket (the word "mean" says the value is no effect measure's)
_MEAN_COMMA_CI = re.compile(r"\b(?i:mean)(?:\s+(?i:changes?|increases?|decreases?|reductions?))?\s*[:=]?\s*(?P<c>" + NUM
                            + r")\s*(?:[a-zA-Z%/\u00b5]{1,8}\s*)?,\s*" + CI_LABEL + r"\s*[:=,]?\s*(?P<lo>" + NUM
                            + r")\s*%?\s*(?:-|\bto\b|,)\s*(?P<hi>" + NUM + r")\s*%?(?=\s*[,;)\]]|\s*$)")
# "M = 19.2, SD = 2.1", "a mean of 35.20, SD 34.55", "(mean 15.9, SD 3.2)": the spread named after a comma
_MEAN_COMMA_SD = re.compile(VALUE_START + r"(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/\u00b5]{1,8}\s*)?[,;]\s*(?P<lab>SD|SE|SEM|s\.d\.|"
                            r"(?i:standard\s+(?:deviation|error)))\s*[:=,]?\s*(?P<s>" + UNSIGNED + r")(?![\d.]*\s*(?:-|\u2013|to)\s*\d)")
# the words that name a pair as the quartiles ("IQR", "Q1-Q3", "P25-P75", "25th-75th percentile", "quartiles") or as
# the range ("range", "min-max", "minimum, maximum"), before the pair or before each bound ("(Q1: 3; Q3: 7)",
# "(min 2, max 12)")
_QUARTILE_WORDS = (r"IQR|inter-?quartile\s+range(?:\s*[(\[]\s*IQR\s*[)\]])?|Q1\s*[-,/]\s*Q3|P\s?25\s*[-,/]\s*P\s?75|25(?:th)?\s*[-,/]\s*75(?:th)?"
                   r"(?:\s+(?:percentiles?|centiles?))?|quartiles")
_RANGE_WORDS = r"range|min(?:imum)?\.?\s*[-,/]\s*max(?:imum)?\.?"
# "78 days (32-146 days)": the unit printed again after the bracket's upper bound
_UNIT_IN_BRACKET = r"(?:(?:days?|weeks?|months?|years?|hours?|hrs?|min(?:utes)?|mg|ml|kg|cm|mm)\b\s*)"
# a unit of any spelling (digits after its first letter, a ratio of units, longer than a word): "+186 cells/mm3 (IQR 136
# to 311 cells/mm3)", "3.8 x10^9/L (range 2.9-4.6 x10^9/L)"; read around a bracket only when the bracket names its
# spread (an unnamed pair after such a unit is as often a reference range or an interval as quartiles)
_WIDE_UNIT = (r"(?:(?!(?:and|or|to|in|of|at|on|for|with|vs|versus|IQR|range|patients?|participants?|subjects?|cases?|"
              r"persons?|people|individuals?|children|women|men|infants?|adults?)\b)"
              r"[a-zA-Z%/\u00b5\u03bc][\w/%\u00b5\u03bc.^]{0,11}\s*)")
_MEDIAN_SPREAD = re.compile(
    VALUE_START + r"(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/]{1,8}\s*|(?P<wide>" + _WIDE_UNIT + r"))?[(\[]\s*"
    r"(?(wide)(?=" + _QUARTILE_WORDS + r"|" + _RANGE_WORDS + r"))"
    r"(?:(?P<lab>" + _QUARTILE_WORDS + r"|" + _RANGE_WORDS
    + r")|(?P<lab_lo>Q1|P\s?25|25th|min(?:imum)?\.?)(?=\s*[:=]?\s*[-+]?\.?\d))?\s*[:=,]?\s*"
    r"(?P<lo>" + NUM + r")\s*%?\s*(?:-|\bto\b|,|;)\s*(?(lab_lo)(?:Q3|P\s?75|75th|max(?:imum)?\.?)\s*[:=]?\s*)"
    r"(?P<hi>" + NUM + r")\s*%?\s*(?:" + _UNIT_IN_BRACKET + r"|(?(lab)" + _WIDE_UNIT + r"|(?!)))?[)\]]", re.I)
# a table cell "23.0 (21.0/26.0)", "4 [2 / 7]": a value with two bounds split by a slash (quartiles printed as
# "1st / 3rd"); read only where a table cell is one expression, and only when the value lies between the bounds
# (the table reader checks), since "a (b/c)" is also a count with its own fraction
_SLASH_SPREAD = re.compile(r"\s*(?P<c>" + NUM + r")\s*[(\[]\s*(?P<lab>)(?P<lo>" + NUM + r")\s*/\s*(?P<hi>" + NUM
                           + r")\s*[)\]]\s*")
# a table cell "22 % (12/55)", "22% [12 of 55]", "21.8 (12/55)": the percentage first, then events of a total
_PERCENT_COUNT_OF = re.compile(
    r"\s*(?P<x>" + UNSIGNED + r")\s*%?\s*[(\[]\s*(?P<n>\d+)\s*(?:/|\bof\b|\bout\s+of\b)\s*(?P<of>\d+)\s*[)\]]\s*")
# "51.0 days, interquartile range [IQR] 28.0-69.0", "52.0 days, IQR 27.0-76.0": the spread's label after a comma
_MEDIAN_COMMA_SPREAD = re.compile(
    VALUE_START + r"(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/]{1,8}\s*)?,\s*(?P<lab>IQR|interquartile\s+range(?:\s*[(\[]\s*IQR\s*[)\]])?|range)"
    r"\s*[:=,]?\s*(?P<lo>" + NUM + r")\s*(?:-|\bto\b)\s*(?P<hi>" + NUM + r")(?!\d|\.\d)", re.I)
# "median 90.2, IQR 19.6", "median 13 (IQR 12)", "4.5 days [interquartile range: 3.0]": a median whose IQR is printed
# as its width only (one number, never a pair "3-7" or "3, 7"): the median is read, its quartiles stay unknown
_MEDIAN_IQR_WIDTH = re.compile(
    VALUE_START + r"(?P<c>" + NUM + r")\s*(?:[a-zA-Z%/]{1,8}\s*)?(?:[,;]\s*|[(\[]\s*)(?P<lab>IQR|inter-?quartile\s+range)"
    r"(?:\s*[(\[]\s*IQR\s*[)\]])?\s*(?:[:=,]\s*|of\s+)?(?P<w>" + UNSIGNED + r")(?!\d|\.\d)"
    r"(?!\s*(?:[a-zA-Z%/]{1,8}\s*)?(?:[-\u2013\u2014/]|\bto\b|[,;]\s*" + UNSIGNED + r"\s*[)\]]))", re.I)
# a clause declares its figures medians by the word, or by the quartiles' name printed before them as a heading of the
# figures ("The maximum decreases (IQR) from baseline were 0.0 (-0.3-0), ...", "lengths of stay, interquartile range,
# were ..."), as "(SD)" declares means
MEDIAN_DECLARED = re.compile(r"\bmedians?\b|\bIQRs?\b|\binter-?quartile\s+ranges?\b|\bquartiles\b", re.I)
# "41.2%, 55.0% and 63.8%": three or more percentages, or two joined by "and"/"or", in one list
_PERCENT_LIST = re.compile(
    VALUE_START + UNSIGNED + PCT + r"(?:\s*,\s*" + UNSIGNED + PCT + r")*\s*,?\s*(?:and|or)\s+" + UNSIGNED + PCT)
# "36.4 ± 27.6, 26.8 ± 38.4 and 10.2 ± 28.3 on day 1, 3 and 5 respectively", "9, 39 and 28 patients on days 1, 3 and 5,
# respectively", "4.1 and 3.2 at 6 and 12 months resp.": values (a mean with its spread, or a bare count of people)
# listed in the order of the times that follow them
_TL_NUM = r"\d+(?:\.\d+)?"
_TL_ITEM = (r"(?<![\w.])(?P<v>" + _TL_NUM + r")(?:\s*(?:\u00b1|\+/-)\s*(?P<s>" + _TL_NUM + r"))?"
            r"(?:\s*(?!(?:and|on|at|in|after|during|or|patients?|participants?|subjects?|cases?|children)\b)"
            r"(?:%|[a-zA-Z\u00b5/][\w/]{0,5}))?")
_TL_LIST = _TL_ITEM.replace("?P<v>", "?:").replace("?P<s>", "?:")
_TL_TIMES = _TL_NUM + r"(?:\s*,\s*" + _TL_NUM + r")*\s*,?\s*(?:and|&)\s*" + _TL_NUM
_TL_UNIT = r"(?:days?|weeks?|months?|hours?|minutes?|years?|visits?|sessions?|POD)"
_TIMED_LIST = re.compile(
    r"(?P<list>" + _TL_LIST + r"(?:\s*,\s*" + _TL_LIST + r")*\s*,?\s*and\s+" + _TL_LIST + r")"
    r"(?P<people>\s+(?:patients|participants|subjects|cases|children))?"
    r"\s*,?\s*(?:on|at|after|in|during|by)\s+(?:the\s+)?(?:post-?operative\s+)?"
    r"(?:(?P<unit>" + _TL_UNIT + r")\s+(?P<times>" + _TL_TIMES + r")|(?P<times2>" + _TL_TIMES + r")\s+(?P<unit2>" + _TL_UNIT + r"))"
    r"(?:\s+(?:after|post)[\w-]*(?:\s+(?:the\s+)?[\w-]+)?)?"
    r"\s*,?\s*(?:respectively\b|resp\.)")
_TL_ONE = re.compile(_TL_ITEM)
_TL_TIME = re.compile(r"(?<![\w.])" + _TL_NUM)


def _timed_list(m: re.Match) -> TimedList:
    items = tuple((i.start("v"), i.end("v"), float(i.group("v")), float(i.group("s")) if i.group("s") else None)
                  for i in _TL_ONE.finditer(m.string, m.start("list"), m.end("list")))
    unit = (m.group("unit") or m.group("unit2")).lower()
    key = "times" if m.group("times") else "times2"
    numbers = [t.group() for t in _TL_TIME.finditer(m.string, m.start(key), m.end(key))]
    if m.group("unit"):            # "on day 1, 3 and 5": the unit named once, before the numbers
        single = "POD" if unit == "pod" else unit.rstrip("s")
        times = tuple(f"{single} {n}" for n in numbers)
    else:                          # "at 6 and 12 months": the unit after the numbers
        times = tuple(f"{n} {unit.rstrip('s') if n == '1' else (unit if unit.endswith('s') else unit + 's')}" for n in numbers)
    return TimedList(m.start(), m.end(), items, times, bool(m.group("people")))


# "(TRIAL-1: 38%; TRIAL-2: 41%)": values labelled in place by a study's or cohort's name
def _labelled_item(i: int) -> str:
    return (r"(?P<lab" + str(i) + r">[A-Z][A-Za-z0-9]*(?:[- ][A-Z0-9][A-Za-z0-9]*){0,2})\s*[:=]\s*(?P<v" + str(i) + r">"
            + UNSIGNED + r")" + PCT)


_LABELLED_LIST = re.compile(r"[(\[]\s*" + _labelled_item(1) + r"\s*[;,]\s*" + _labelled_item(2)
                            + r"(?:\s*[;,]\s*" + _labelled_item(3) + r")?\s*[)\]]")
_ITEM = re.compile(VALUE_START + UNSIGNED + PCT)


_NON_FINITE = re.compile(r"(?<![\w.])[\"']?(?P<v>nan|NaN|NAN|inf|Inf|INF|infinity|Infinity|\u221e)[\"']?(?![\w])")
# "ARR, mean (SD) | 1.21 (0.84)": the bracketed number straight after a value
_VALUE_THEN_BRACKET = re.compile(r"\d\s*[(\[]\s*(?P<b>" + UNSIGNED + r")\s*[)\]]")


@dataclass(frozen=True)
class Word:
    """A value printed as a word ("nan", "inf")."""
    start: int
    end: int
    text: str


def _p_value(m: re.Match) -> PValue:
    op = re.sub(r"\s+", "", m.group("op") or m.group("op2") or "=")
    raw = re.sub(r"\s+", "", m.group("pv"))
    if "x" in raw or "\u00d7" in raw:
        mant, exp = re.split(r"[x\u00d7]10-?", raw)
        pv = parse_number(mant)
        pv = pv * 10 ** (-int(exp)) if pv is not None else None
    else:
        pv = parse_number(raw)
    text_op = {"=<": "<", "<=": "\u2264", "=>": ">", ">=": "\u2265"}.get(op, op)
    exact = text_op == "="
    p_text = None if exact and "," not in raw else (("" if exact else text_op) + raw)
    return PValue(m.start(), m.end(), pv if exact else None, p_text or None)


def _interval(m: re.Match) -> Interval:
    lvl = m.group("lvl") or m.group("lvl2") or m.group("lvl3")
    return Interval(m.start(), m.end(), parse_number(m.group("lo")), parse_number(m.group("hi")),
                    float(lvl) / 100 if lvl else None, bool(m.group("lopct") or m.group("hipct")))


def _one_sided(m: re.Match) -> Interval:
    side = (m.group("side") or ("upper" if (m.group("abbr") or "").startswith("U") else "lower")).lower()
    v = parse_number(m.group("v"))
    lo, hi = (None, v) if side == "upper" else (v, None)
    return Interval(m.start(), m.end(), lo, hi, float(m.group("lvl")) / 100)


def _pair(m: re.Match) -> Interval:
    return Interval(m.start(), m.end(), parse_number(m.group("lo")), parse_number(m.group("hi")), None, labelled=False)


def _count_of(m: re.Match) -> CountOf:
    if m.groupdict().get("e2"):
        return CountOf(m.start(), m.end(), count_value(m.group("e2").lower()), count_value(m.group("t2").lower()))
    return CountOf(m.start(), m.end(), count_value(m.group("e").replace(",", "")), int(m.group("t").replace(",", "")))


def _spelled_count_of(m: re.Match) -> CountOf:
    e, t = (m.group("e"), m.group("t")) if m.group("e") else (m.group("e2"), m.group("t2"))
    return CountOf(m.start(), m.end(), count_value(e.lower()), count_value(t.lower()) or 0)


def _arm_count(m: re.Match) -> ArmCount:
    n = m.group("n").lower()
    # "three in the A group vs none in the B group": none is a count of zero
    return ArmCount(m.start(), m.end(), 0 if n in ("none", "no one") else count_value(n), (m.group("noun") or "").lower(),
                    m.start("arm"), m.end("arm"))


def _people_then_count(m: re.Match) -> PeopleThenCount:
    return PeopleThenCount(m.start(), m.end(), count_value(m.group("t").lower()), m.start("t"), m.end("t"),
                           m.start("arm"), m.end("arm"), count_value(m.group("n").lower()), m.start("n"), m.end("n"),
                           m.start("x") if m.group("x") else -1, m.end("x") if m.group("x") else -1)


def _count_percent(m: re.Match) -> CountPercent:
    of = m.group("of")
    return CountPercent(m.start(), m.end(), count_value(m.group("n")), m.start("n"), m.end("n"), m.start("x"), m.end("x"),
                        int(of) if of else None, m.start("of") if of else -1, m.end("of") if of else -1)


def _table_count(m: re.Match) -> CountPercent:
    return CountPercent(m.start(), m.end(), int(m.group("n")), m.start("n"), m.end("n"), m.start("x"), m.end("x"))


def _count_of_percent(m: re.Match) -> CountPercent:
    return CountPercent(m.start(), m.end(), int(m.group("n")), m.start("n"), m.end("n"), m.start("x"), m.end("x"),
                        int(m.group("of")), m.start("of"), m.end("of"))


def _n_equals(m: re.Match) -> CountPercent:
    x, n = ("x1", "n1") if m.group("x1") else ("x2", "n2")
    return CountPercent(m.start(), m.end(), int(m.group(n)), m.start(n), m.end(n), m.start(x), m.end(x))


def _of_the_n(m: re.Match) -> CountPercent:
    return CountPercent(m.start(), m.end(), None, m.start("n"), m.end("n"), m.start("x"), m.end("x"), int(m.group("n")))


def _percent_of(m: re.Match) -> PercentOf:
    t = m.group("t")
    return PercentOf(m.start(), m.end(), m.start("x"), m.end("x"), int(t) if t else None,
                     m.start("t") if t else -1, m.end("t") if t else -1, (m.group("next") or "").strip().lower())


def _all(m: re.Match) -> Everyone:
    n = count_value(m.group("n"))
    return Everyone(m.start(), m.end(), n, n, m.start("n"), m.end("n"))


def _none(m: re.Match) -> Everyone:
    if m.group("n"):
        return Everyone(m.start(), m.end(), 0, int(m.group("n")), m.start("n"), m.end("n"))
    if m.group("both"):
        return Everyone(m.start(), m.end(), 0, None, both_arms=True)
    return Everyone(m.start(), m.end(), 0, None, arm_start=m.start("arm"), arm_end=m.end("arm"))


def _below_one(m: re.Match) -> Everyone:
    return Everyone(m.start(), m.end(), count_value(m.group("n")), None, m.start("n"), m.end("n"))


def _rate(m: re.Match) -> Rate:
    v = "v" if m.group("v") else "v1" if m.group("v1") else "v2"
    per = m.group("per") or ("%" if v == "v2" else "")
    return Rate(m.start(), m.end(), m.start(v), m.end(v), 1000 if "000" in per else 100 if per else 1)


def _percent_pair(m: re.Match) -> PercentPair:
    y = "y" if m.group("y") else "y2"
    return PercentPair(m.start(), m.end(), (m.start("x"), m.end("x")), (m.start(y), m.end(y)))


def _mean_pm(m: re.Match) -> Summary:
    said = (m.group("lab") or "").upper().replace(".", "")
    spread = parse_number(m.group("sd"))
    if said in ("SE", "SEM"):
        return Summary(m.start(), m.end(), "mean", parse_number(m.group("c")), m.start("c"), m.end("c"),
                       se=spread, label="SE")
    return Summary(m.start(), m.end(), "mean", parse_number(m.group("c")), m.start("c"), m.end("c"),
                   sd=spread, label="SD" if said else "")


def _mean_bracket(m: re.Match) -> Summary:
    said = (m.group("lab") or m.group("lab2") or "").upper().replace(".", "")
    if said.startswith("STANDARD"):
        said = "SD" if "DEVIATION" in said else "SE"
    printed = {"SEM": "SE"}.get(said, said)
    label = printed or "SD"
    value = parse_number(m.group("s"))
    return Summary(m.start(), m.end(), "mean", parse_number(m.group("c")), m.start("c"), m.end("c"),
                   sd=value if label == "SD" else None, se=value if label != "SD" else None, label=printed)


def _mean_comma_sd(m: re.Match) -> Summary:
    value = parse_number(m.group("s"))
    se = m.group("lab").upper().startswith(("SE", "STANDARD ERROR"))
    return Summary(m.start(), m.end(), "mean", parse_number(m.group("c")), m.start("c"), m.end("c"),
                   sd=None if se else value, se=value if se else None, label="SE" if se else "SD")


def _mean_ci(m: re.Match) -> Summary:
    lvl = m.group("lvl") or m.group("lvl2") or m.group("lvl3")
    return Summary(m.start(), m.end(), "mean", parse_number(m.group("c")), m.start("c"), m.end("c"),
                   ci=(parse_number(m.group("lo")), parse_number(m.group("hi")), float(lvl) / 100 if lvl else 0.95))


def _median_spread(m: re.Match) -> Summary:
    label = (m.group("lab") or m.groupdict().get("lab_lo") or "").lower()
    lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
    if label == "range" or label.startswith("min"):
        return Summary(m.start(), m.end(), "median", parse_number(m.group("c")), m.start("c"), m.end("c"),
                       range_low=lo, range_high=hi, label="RANGE")
    # a bare pair is read as an IQR until a heading says otherwise (rules/arm_data.py)
    return Summary(m.start(), m.end(), "median", parse_number(m.group("c")), m.start("c"), m.end("c"), q1=lo, q3=hi,
                   label="IQR" if label else "")


def _median_iqr_width(m: re.Match) -> Summary:
    return Summary(m.start(), m.end(), "median", parse_number(m.group("c")), m.start("c"), m.end("c"), label="IQR width")


def _percent_list(m: re.Match) -> ValueList:
    items = tuple((i.start(), i.end()) for i in _ITEM.finditer(m.string, m.start(), m.end()))
    return ValueList(m.start(), m.end(), items)


def _labelled_list(m: re.Match) -> ValueList:
    n = 3 if m.group("v3") else 2
    return ValueList(m.start(), m.end(), tuple((m.start(f"v{i}"), m.end(f"v{i}")) for i in range(1, n + 1)),
                     tuple((m.start(f"lab{i}"), m.end(f"lab{i}")) for i in range(1, n + 1)))


@dataclass(frozen=True)
class Production:
    name: str
    pattern: re.Pattern
    build: Callable[[re.Match], object]
    example: str                 # a string the production reads
    # strings of which the sentence must contain one for the production to run at all (a cheap test that
    # saves a pattern pass over most sentences); `caseless` compares in lower case
    gate: tuple = ()
    caseless: bool = False

    def __post_init__(self):
        # every production runs over most sentences: behind a lookahead on its first character, positions
        # where it cannot start are passed over at once (the same matches); read past VALUE_START's lookahead, the
        # productions opening with a value are guarded too (2-3 times faster than trying every position)
        object.__setattr__(self, "pattern", start_guarded(self.pattern, past_lookaheads=True))


#: The grammar, one production per printed shape; a rule names the productions it reads.
GRAMMAR: list[Production] = [
    Production("interval", _CI_RE, _interval, "95% CI 0.31-0.87",
               gate=("CI", "Cr", "IC", "Cl", "C.I", "onfidence", "redible")),
    Production("one_sided_interval", _ONE_SIDED_RE, _one_sided, "95% upper confidence limit 0.8", gate=("%",)),
    Production("p_value", _P_RE, _p_value, "P < 0.001", gate=("p", "P")),
    Production("range", _RANGE_RE, lambda m: Span(m.start("lo"), m.end()), "IQR 12.1-36.0",
               gate=("range", "iqr", "interquartile", "inter-quartile"), caseless=True),
    Production("spread", _SPREAD_RE, lambda m: Span(m.start("v"), m.end()), "1.99\u00b10.94",
               gate=("\u00b1", "+/-", "SD", "SE", "standard deviation")),
    Production("comma_pair", _COMMA_PAIR_RE, _pair, "HR 0.38, 0.16-0.88;", gate=(",", ";")),
    Production("bare_pair", _BARE_PAIR_RE, _pair, "(0.34, 0.81)", gate=("(", "[")),   # also "[0.63; 0.93]"
    Production("count_of", _COUNT_PAIR_RE, _count_of, "117/141", gate=("/", "of")),
    Production("word_count_of", _WORD_COUNT_PAIR, _count_of, "Nine of 30", gate=(" of ",), caseless=True),
    Production("spelled_count_of", _SPELLED_COUNT_PAIR, _spelled_count_of, "Five of nine subjects", gate=(" of ",),
               caseless=True),
    Production("count_percent", _COUNT_PERCENT, _count_percent, "Nine (15%) of 61", gate=("%", "per")),
    Production("arm_count", _ARM_COUNT, _arm_count, "23 recurrences in the chloroquine group",
               gate=(" in the ",)),
    Production("patients_in_arm", _PATIENTS_IN_ARM, _patients_in_arm, "Two patients in the placebo group showed mild nausea.",
               gate=(" in ",)),
    Production("table_count_percent", _TABLE_COUNT, _table_count, "8 (20.0)", gate=("(", "[")),
    Production("count_of_percent", _COUNT_OF_PERCENT, _count_of_percent, "8/1039 (0.77)", gate=("/", "of")),
    Production("percent_count_of", _PERCENT_COUNT_OF, _count_of_percent, "22 % (12/55)", gate=("/", "of")),
    Production("percent_n_equals", _N_EQUALS, _n_equals, "35.2% (n = 19)", gate=("=",)),
    Production("of_the_n", _OF_THE_N, _of_the_n, "Of the 117 patients who entered, 56% achieved", gate=("of", "among"),
               caseless=True),
    Production("people_then_count", _ARM_PEOPLE_FIRST, _people_then_count, "Out of the 28 patients given ketamine, 25 had pain",
               gate=("of ", "among "), caseless=True),
    Production("percent_of", _PERCENT_OF, _percent_of, "26.7% of 116 patients", gate=("%", "per")),
    Production("all_of", _ALL, _all, "All 9 patients", gate=("ll ",)),
    Production("none_of", _NONE, _none, "No patient in either group", gate=("no",), caseless=True),
    Production("no_events", _NO_EVENTS, _no_events, "There were no adverse events.", gate=("no ", "none ", "alive"),
               caseless=True),
    Production("each_group_count", _EACH_GROUP_COUNT,
               lambda m: CountPercent(m.start(), m.end(), count_value(m.group("n").lower()), m.start("n"), m.end("n"),
                                      m.start("x") if m.group("x") else -1, m.end("x") if m.group("x") else -1),
               "Nine patients in each treatment group (16%)", gate=("each",)),
    Production("below_one_percent", _BELOW_ONE_PERCENT, _below_one, "one (<1%)", gate=("<",)),
    Production("percent_pair", _PERCENT_PAIR, _percent_pair, "29% vs 28%", gate=("%", "per")),
    Production("rate", _PER100, _rate, "44.4/100 patient-years", gate=("year", "PY", "Year")),
    Production("mean_pm", _MEAN_PM, _mean_pm, "12.1 \u00b1 3.4", gate=("\u00b1", "+/-")),
    Production("mean_bracket", _MEAN_BRACKET, _mean_bracket, "12.1 (SE 0.9)", gate=("(", "[")),
    Production("mean_labelled", _MEAN_LABELLED, _mean_bracket, "(M = 241.1, SD = 134.5 ms)", gate=("SD", "SE", "s.")),
    Production("mean_comma_sd", _MEAN_COMMA_SD, _mean_comma_sd, "M = 19.2, SD = 2.1", gate=("SD", "SE", "s.d.", "tandard")),
    Production("mean_ci", _MEAN_CI, _mean_ci, "-4.4 (95% CI -5.3 to -3.5)", gate=("CI", "Cr")),
    Production("mean_comma_ci", _MEAN_COMMA_CI, _mean_ci, "mean change -14.7 cm/s, CI -23.8, -5.8", gate=("CI", "Cr")),
    Production("median_spread", _MEDIAN_SPREAD, _median_spread, "5 (IQR 3-7)", gate=("(", "[")),
    Production("slash_spread", _SLASH_SPREAD, _median_spread, "23.0 (21.0/26.0)", gate=("/",)),
    Production("median_comma_spread", _MEDIAN_COMMA_SPREAD, _median_spread, "51.0 days, IQR 28.0-69.0",
               gate=("range", "iqr", "interquartile"), caseless=True),
    Production("median_iqr_width", _MEDIAN_IQR_WIDTH, _median_iqr_width, "median 90.2, IQR 19.6",
               gate=("iqr", "interquartile", "inter-quartile"), caseless=True),
    Production("percent_list", _PERCENT_LIST, _percent_list, "41.2%, 55.0% and 63.8%", gate=("%", "per")),
    Production("non_finite", _NON_FINITE, lambda m: Word(m.start("v"), m.end("v"), m.group("v")), "HR = nan",
               gate=("nan", "NaN", "NAN", "inf", "Inf", "INF", "\u221e")),
    Production("bracket_after_value", _VALUE_THEN_BRACKET, lambda m: Span(m.start("b"), m.end("b")), "1.21 (0.84)",
               gate=("(", "[")),
    Production("labelled_list", _LABELLED_LIST, _labelled_list, "(TRIAL-1: 38%; TRIAL-2: 41%)", gate=(":",)),
    Production("timed_list", _TIMED_LIST, _timed_list, "36.4 \u00b1 27.6, 26.8 \u00b1 38.4 and 10.2 \u00b1 28.3 on day 1, 3 "
               "and 5 respectively", gate=("respectively", "resp.")),
]
PRODUCTIONS = {p.name: p for p in GRAMMAR}


class Parse:
    """The numeric expressions of one sentence; each production runs the first time it is asked for."""

    def __init__(self, seg: str):
        self.seg = seg
        self._cache: dict[str, list] = {}

    @cached_property
    def lowered(self) -> str:
        return self.seg.lower()

    @cached_property
    def nums(self) -> list[Num]:
        return tokenize(self.seg)

    def __call__(self, name: str) -> list:
        try:  # most calls ask again for a production already parsed
            return self._cache[name]
        except KeyError:
            pass
        prod = PRODUCTIONS[name]
        text = self.lowered if prod.caseless else self.seg
        for gate in prod.gate:  # a loop, not any(...): no generator per call (rules ask 20 times per sentence)
            if gate in text:
                break
        else:
            if prod.gate:
                self._cache[name] = found = []
                return found
        self._cache[name] = found = [prod.build(m) for m in prod.pattern.finditer(self.seg)]
        return found

    def whole(self, name: str):
        """The production's expression when it spans the whole text (a table cell read as one expression)."""
        m = PRODUCTIONS[name].pattern.fullmatch(self.seg)
        return None if m is None else PRODUCTIONS[name].build(m)

    def match_at(self, name: str, pos: int):
        """The production's expression that starts exactly at `pos` (anchored productions such as "Of the N")."""
        m = PRODUCTIONS[name].pattern.match(self.seg, pos)
        return None if m is None else PRODUCTIONS[name].build(m)


# ---------------------------------------------------------------------------------------------- arm sizes
# How a document states an arm's size next to the arm's name; matched at the name (`after`: the text right
# after it, `before`: a window ending at it). Used to build the arm sizes of a document without a study model.
# "rituximab (n=40)", "azathioprine (AZA, n = 60; ...)", "efgartigimod PH20 (n=111)", and inside the bracket
# "(VCS-LD, n=89)" after the abbreviation itself
_SIZE_IN_BRACKETS = re.compile(
    r"^(?:\s+(?:group|arm)|\s+[A-Z][\w-]*)?\s*[(\[]\s*(?:[A-Za-z][\w-]*\s*[,;]\s*)?n\s*=\s*(?P<n>\d+)\s*[)\],;]"
    r"|^[\w-]*\s*[,;]\s*n\s*=\s*(?P<n2>\d+)\s*[)\],;]"
    r"|^\s+n\s*=\s*(?P<n3>\d+)\s*[)\],;]")     # "(IVIG n=31, azathioprine n=27)"
# "ocrelizumab (600 mg) (488 patients) or placebo (244 patients)"
_SIZE_AS_PATIENTS = re.compile(r"^(?:\s*[(\[][^()\[\]]{0,20}[)\]])?\s*[(\[]\s*(?P<n>\d+)\s+(?:patients|participants|subjects)\s*[)\]]")
_SIZE_IN_LIST = re.compile(r"^\s*[,:]?\s+(?P<n>\d+)(?!\s*(?:%|\.\d|mg|g\b|kg|/|mcg))(?=\s*(?:\[[^\]]*\])?\s*[;,)\]])")
# "41 were assigned to the satralizumab group", "96 to the eculizumab group", "randomised 43 to rituximab"
_SIZE_ASSIGNED = re.compile(
    r"(?<![\d.:])(?P<n>\d+)\s+(?:patients\s+|participants\s+)?(?:were\s+)?(?:(?:randomly\s+)?(?:assigned|randomi[sz]ed|allocated)\s+)?"
    r"to\s+(?:the\s+|receive\s+)?$", re.I)
_GIVEN_ITEM_TAIL = (r"(?:(?:patients|participants|subjects|adults|children|infants|women|men)\s+)?"
                    r"(?:given|receiving|received|treated\s+with|assigned\s+to|randomi[sz]ed\s+to)\s+(?:the\s+)?")
# "200 adults with AChR-antibody-positive generalized MG received daily zilucoplan": a single arm's size
_SIZE_RECEIVED = re.compile(
    r"(?<![\d.:,])(?P<n>\d+)\s+(?:adults|patients|participants|children)\b[^.;\d]{0,100}?"
    r"\b(?:received|were\s+treated\s+with|were\s+given)\s+(?:[\w-]+\s+){0,3}$", re.I)

# "(287 patients given A and 309 given B)", "(120 receiving A, 118 receiving B)": each arm's size before its name, in
# one bracket that lists the arms (the caller checks the bracket lists two)
_SIZE_GIVEN_IN_LIST = re.compile(
    r"[(\[](?:[^()\[\]]*?(?:,|\band)\s+)?(?<![\d.:,])(?P<n>\d+)\s+" + _GIVEN_ITEM_TAIL + r"$", re.I)
SIZE_GIVEN_ITEM = re.compile(r"(?<![\d.:,])\d+\s+" + _GIVEN_ITEM_TAIL, re.I)

ARM_SIZE = {
    "after": _SIZE_IN_BRACKETS,             # "rituximab (n=40)", "(AZA, n = 60)", "(IVIG n=31, ...)"
    "patients_after": _SIZE_AS_PATIENTS,    # "ocrelizumab (600 mg) (488 patients)"
    "listed_after": _SIZE_IN_LIST,          # "(rituximab, 40; azathioprine, 38)"
    "assigned_before": _SIZE_ASSIGNED,      # "41 were assigned to the satralizumab group"
    "received_before": _SIZE_RECEIVED,      # "200 adults with ... received daily zilucoplan"
    "given_in_list": _SIZE_GIVEN_IN_LIST,   # "(287 patients given X and 309 given Y)"
}


def back_transform(value: float | None) -> float | None:
    """A value printed on the log scale (lnOR, log HR) on the ratio scale."""
    if value is None:
        return None
    try:
        return math.exp(value)
    except OverflowError:
        return float("inf")


# ---------------------------------------------------------------------------------------------- the population
# How a document states the size of its whole study population (the denominator of a whole-population baseline
# figure): "we randomly assigned 3297 patients with ...", "A total of 4304 participants underwent randomization",
# "536 patients were enrolled", "In total 337 children, mean age 3.8 years, were included".
_PEOPLE = r"(?:patients|participants|persons|people|adults|children|subjects|individuals|women|men|infants)"
_COUNT = r"(?P<n>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+)"
# ("a total of" and "a total number of" alike: "A total number of 50 patients were enrolled")
POPULATION = start_guarded(re.compile(
    r"\b(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed|enrolled|included|recruited|accrued)\s+(?:a\s+total\s+(?:number\s+)?of\s+)?" + _COUNT
    + r"\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"\b"
    r"|(?:\b(?:a\s+total\s+(?:number\s+)?of|in\s+total,?|overall,?)\s+|(?<![\w.,:/-]))" + _COUNT.replace("?P<n>", "?P<n2>")
    + r"\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:were|was)\s+(?:randomly\s+)?"
    # "A total of 120 patients ... admitted between ... were selected", "60 patients ... were divided into two groups"
    r"(?:randomi[sz]ed|assigned|allocated|enrolled|included|recruited|selected|divided|accrued)\b"
    # "123 patients (64 control, 59 intervention) participated", "48 adults took part"
    r"|(?<![\w.,:/-])" + _COUNT.replace("?P<n>", "?P<n6>") + r"\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE
    + r"\s*(?:[(\[][^()\[\]]{0,60}[)\]]\s*)?(?:participated|took\s+part)\b"
    r"|\b(?:a\s+total\s+(?:number\s+)?of|in\s+total,?)\s+" + _COUNT.replace("?P<n>", "?P<n3>") + r"\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE
    + r"\s+underwent\s+randomi[sz]ation"
    # "In ITT analysis of 562 participants", "the intention-to-treat population of 412 patients"
    r"|\b(?:intention[- ]to[- ]treat|ITT)\s+(?:analysis|analyses|population|set)\s+(?:of|included|comprised)\s+(?:all\s+)?"
    + _COUNT.replace("?P<n>", "?P<n4>") + r"\s+" + _PEOPLE
    # "Of the 226 randomized participants, ...", "the 180 randomised women"
    + r"|\bthe\s+" + _COUNT.replace("?P<n>", "?P<n5>") + r"\s+randomi[sz]ed\s+" + _PEOPLE, re.I))


# "Of 12 patients, 3 were randomized": the verb's subject is another count
_OTHER_COUNT_SUBJECT = re.compile(r",\s*\d+\s+(?:were|was)\b")


# "One hundred and ninety-three patients (52 % males) were randomized": the population spelled out
_POPULATION_IN_WORDS = re.compile(r"\b(?P<w>" + HUNDREDS_WORD + r")\s+" + _PEOPLE + r"\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:were|was)\s+"
                                  r"(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated|enrolled|included|recruited)\b", re.I)


def population_size(text: str) -> int | None:
    """The size of the whole study population as the document first states it, else None."""
    for m in POPULATION.finditer(text):
        n = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n5") or m.group("n6")
        if n and not _OTHER_COUNT_SUBJECT.search(m.group()):
            return int(n.replace(",", ""))
    if "hundred" in text:
        for m in _POPULATION_IN_WORDS.finditer(text):
            return word_to_int(m.group("w"))
    return None


# ------------------------------------------------------------------------------------------ statistic names
# The name of one summary statistic as a table prints it over a column or beside a row ("N", "Mean", "Std", "S.D.",
# "95% CI", "Min", "Med", "Q1", "IQR", "Range"): the word that says what one cell of figures is. Several statistics
# named together ("Mean (SD)", "Mean ± SD") are a format, not one statistic (`column_format` reads those).
_STATISTIC_NAMES = (
    ("n", r"n|no\.?|number(?:\s+of\s+(?:patients|participants|subjects|cases))?|count|sample\s+size|valid\s+n"),
    # (plurals too, a header over each arm's columns: "Means | Standard deviations" over "Pre | Post")
    ("mean", r"(?:arithmetic\s+|geometric\s+)?means?|averages?|avg\.?|x\u0304|gm|geo\.?\s*mean"),
    ("sd", r"s\.?\s?d\.?|std\.?(?:\s*dev(?:iation|\.)?)?|st\.?\s*dev\.?|standard\s+deviations?|sds|\u00b1\s*s\.?d\.?|\u03c3"),
    ("se", r"s\.?\s?e\.?(?:\s?m\.?)?|std\.?\s*err(?:or|\.)?(?:\s+mean)?|standard\s+errors?(?:\s+of\s+(?:the\s+)?means?)?|\u00b1\s*s\.?e\.?m?\.?"),
    ("ci", r"(?:\d{2}(?:\.\d)?\s*%\s*)?(?:c\.?i\.?|confidence\s+interval|conf\.?\s+int\.?)(?:\s+(?:of|for)\s+(?:the\s+)?mean)?"
           r"|(?:\d{2}(?:\.\d)?\s*%\s*)?\s*(?:ci|confidence\s+limits?)"),
    # one bound of an interval in a column of its own: "Lower bound" under "95% CI for mean", "LCL", "95% CI lower"
    ("ci_low", r"(?:\d{2}(?:\.\d)?\s*%\s*)?(?:ci|confidence\s+interval)\s+lower(?:\s+(?:bound|limit))?|"
               r"lower\s+(?:bound|limit|(?:\d{2}(?:\.\d)?\s*%\s*)?ci)|lcl"),
    ("ci_high", r"(?:\d{2}(?:\.\d)?\s*%\s*)?(?:ci|confidence\s+interval)\s+upper(?:\s+(?:bound|limit))?|"
                r"upper\s+(?:bound|limit|(?:\d{2}(?:\.\d)?\s*%\s*)?ci)|ucl"),
    ("min", r"min(?:imum)?\.?|lowest"),
    ("max", r"max(?:imum)?\.?|highest"),
    ("median", r"medians|med(?:ian)?\.?|mdn|md"),
    ("iqr", r"iqr|inter-?\s*quartile\s+range|(?:25(?:th)?\s*[-\u2013]\s*75(?:th)?|q1\s*[-\u2013,]\s*q3|p25\s*[-\u2013,]\s*p75)"
            r"(?:\s*(?:percentiles?|centiles?))?|"
            # ("Lower-upper quartile", "lower and upper quartiles", "1st-3rd quartiles": both quartiles in one cell)
            r"(?:lower\s*(?:[-\u2013/]|and|to)\s*upper|(?:first|1st)\s*(?:[-\u2013/]|and|to)\s*(?:third|3rd))\s+quartiles?|"
            # ("Quartiles | 14.5 - 34.8" under a "Median" row: the plural alone names both)
            r"quartiles"),
    ("q1", r"q1|p25|25(?:th)?\s*(?:%|percentile|centile)|(?:lower|first|1st)\s+quartile"),
    ("q3", r"q3|p75|75(?:th)?\s*(?:%|percentile|centile)|(?:upper|third|3rd)\s+quartile"),
    ("range", r"range|min(?:imum)?\s*[-\u2013/,]\s*max(?:imum)?|min(?:imum)?\s+to\s+max(?:imum)?"),
)
_STATISTIC_NAME = re.compile(r"(?i)\s*(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _STATISTIC_NAMES) +
                             r")\s*[.:]?\s*(?:[(\[][^()\[\]]{0,12}[)\]])?\s*")


def statistic_name(text: str) -> str | None:
    """The one summary statistic a header or row label names: "n", "mean", "sd", "se", "ci" (or one bound of it,
    "ci_low" / "ci_high": "Lower bound", "LCL"), "min", "max", "median", "iqr", "q1", "q3" or "range" ("Std" -> "sd", "S.D." -> "sd", "95% CI" -> "ci", "Med" -> "median", "25th percentile"
    -> "q1"; a unit in brackets may follow: "Mean (kg)"), else None ("Mean (SD)" names two, "Age" none)."""
    m = _STATISTIC_NAME.fullmatch(text or "")
    if m is None:
        # "(range)", "[SD]", "(IQR)": a spread's own row or column label in its brackets, the figures' spread
        inner = re.fullmatch(r"\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*", text or "")
        named = statistic_name(inner.group(1)) if inner is not None else None
        return named if named in ("sd", "se", "iqr", "range", "ci") else None
    tail = text[m.end(m.lastgroup):] if m.lastgroup else ""
    if re.search(r"(?i)\b(?:s\.?d|s\.?e|iqr|ci|range|%)\b", tail) or statistic_format(text):
        return None      # "Mean (SD)", "Median (IQR)", "Md (Q1-Q3)": a format of two statistics
    return m.lastgroup


# the words a format names beside another statistic only ("M (SD)", "x̄ ± s", "n (%)", "Events/Total")
_PAIR_ONLY = (
    ("mean", r"m"),
    ("sd", r"s"),
    ("pct", r"%|percent(?:age)?s?|per\s*cent|proportions?|prevalence|incidence|rates?|frequency\s*%"),
    ("n", r"events?|cases?|responders?|patients|frequency|freq\.?"),
    ("total", r"total|n\s*total|N"),
)
_PAIR_ONLY_NAME = re.compile(r"(?i)\s*(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _PAIR_ONLY) + r")\s*\.?\s*")
# how a format joins its statistics: "Mean ± SD", "Median (IQR)", "Median [Q1; Q3]", "n/N (%)", "Events/Total", "Mean, SD"
_FORMAT_JOINT = re.compile(r"\s*(?:\u00b1|\+/-|[(\[\]),;/]|\s(?:and|with)\s)\s*")
# a pair of statistics that is one spread: "Q1-Q3", "P25-P75", "25th-75th", "min-max", "Q1, Q3"
_SPREAD_PAIRS = {("q1", "q3"): "iqr", ("min", "max"): "range"}
# (centre, spread) -> the cell format of table_reader's vocabulary
_FORMAT_OF = {
    ("mean", "sd"): "mean_sd", ("mean", "se"): "mean_se", ("mean", "ci"): "mean_ci", ("mean", "range"): "mean_range",
    ("median", "iqr"): "median_iqr", ("median", "range"): "median_range", ("median", "ci"): "median_ci",
    ("n", "pct"): "n_pct", ("n", "total"): "n_pct", ("pct", "n"): "pct_n",
}


def _one_name(part: str) -> str | None:
    m = _STATISTIC_NAME.fullmatch(part)
    if m is not None:
        return m.lastgroup
    m = _PAIR_ONLY_NAME.fullmatch(part)
    return m.lastgroup if m is not None else None


def statistic_format(text: str) -> str | None:
    """The cell format a header or row label names with two or more statistics, in the vocabulary of the table
    reader's formats: "Mean ± S.D", "M (SD)", "x̄ ± s" -> "mean_sd"; "Mean ± SEM" -> "mean_se"; "Geometric
    mean (95% CI)" -> "mean_ci"; "Median [IQR]", "Md (Q1-Q3)", "Median (P25, P75)" -> "median_iqr"; "Median (min-max)"
    -> "median_range"; "n (%)", "No. (%)", "n/N (%)", "Events/Total" -> "n_pct"; "% (n)" -> "pct_n". None when the
    text names one statistic or none ("Mean", "Age")."""
    if not text or len(text) > 60 or not _FORMAT_JOINT.search(text):
        return None
    parts = [p for p in _FORMAT_JOINT.split(text) if p.strip()]
    if len(parts) < 2 or len(parts) > 4:
        return None
    names = [_one_name(p) for p in parts]
    if any(n is None for n in names):
        return None
    centre, rest = names[0], names[1:]
    if centre == "n" and rest and rest[0] in ("total", "n"):
        rest = rest[1:] or ["total"]       # "n/N (%)", "Events/Total": a count of a total, then its share
    if len(rest) >= 2 and (rest[0], rest[1]) in _SPREAD_PAIRS:
        rest = [_SPREAD_PAIRS[(rest[0], rest[1])]] + rest[2:]
    if centre in ("q1", "min") and len(names) == 2:
        return None
    return _FORMAT_OF.get((centre, rest[0]))


# where a format may start inside a label: its start, after a separator, or after a space ("Age, Md (Q1-Q3)",
# "HbA1c: x\u0304 \u00b1 s", "Weight kg Mean \u00b1 S.D")
_FORMAT_START = re.compile(r"(?:^|(?<=[,;:\u2013\u2014])|(?<=\s))(?=\S)")


@lru_cache(maxsize=4096)
def label_statistic_format(label: str) -> str | None:
    """The format a row label or header names at its end ("Age (years), Md (Q1-Q3)" -> "median_iqr", "Adverse
    events, Events/Total" -> "n_pct"), read by `statistic_format` on the longest ending that is a format; None
    when no ending is one."""
    if not label or not _FORMAT_JOINT.search(label):
        return None
    for m in _FORMAT_START.finditer(label):
        if len(label) - m.start() > 60:
            continue
        found = statistic_format(label[m.start():].strip())
        if found:
            return found
    return None


# ------------------------------------------------------------------------------------------ tests of the arms
# What a row or column label prints when its figures test or compare the arms rather than summarise one: a p-value
# ("P-Value", "p", "Sig.", "p (t-test)"), a standardized effect ("Cohen's d", "Hedges' g", "Effect size", "ES"), a test
# statistic ("F value", "t-test", "t statistic", "chi-square", "\u03c7\u00b2", "Z value", "Mann-Whitney U", "df"); or a
# statistic of the figures that is no arm's summary either: a correlation ("Spearman coefficients", "ICC", "r") or a
# coefficient of variation ("CV", "CV (%)", printed on a row of its own under each mean ± SD row). A bare "F", "t", "Z"
# or "d" is left out: "F" is as often the female row of a sex block; a bare "r" likewise (a category's letter).
#: the names of a standardized effect ("Cohen's d", "Hedges' g", "Glass's Δ", "Effect size", "ES", "d value")
EFFECT_SIZE_NAMES = (r"cohen['\u2019]?s?\s*d|hedges['\u2019]?\s*g|glass['\u2019]?s?\s*(?:delta|\u0394)|"
                     r"(?:standardi[sz]ed\s+)?effect[- ]sizes?|es|d\s+(?:value|statistic)")
#: what says a figure is one arm's own change, not the arms' difference ("within-group", "intragroup",
#: "within-subject")
WITHIN_ONE_ARM = r"\b(?:within[- ]|intra[- ]?)(?:groups?|arms?|conditions?|subjects?)\b"
_TEST_STATISTIC_NAMES = (
    ("p", r"p(?:[- ]?values?)?|sig\.?(?:nificance)?|significance(?:\s+level)?|p\s*[(\[][^()\[\]]{1,30}[)\]]"),
    ("effect_size", EFFECT_SIZE_NAMES),
    ("test", r"(?:[ftz]|chi)[- ]?(?:values?|statistics?|tests?|scores?|ratios?)|chi[- ]?squared?(?:\s+(?:values?|tests?))?|"
             r"\u03c7\s*[\u00b22]|x\s*\u00b2|chi\s*[\u00b22]|mann[- ]whitney(?:\s+u)?(?:\s+tests?)?|wilcoxon(?:\s+(?:signed[- ])?rank)?(?:\s+tests?)?|"
             # a test named by its author or kind ("Friedman test", "Fisher's exact test", "Statistical test")
             r"(?:friedman|kruskal[- ]wallis|mcnemar'?s?|permutation|rank[- ]sum|log[- ]rank|statistical)\s+tests?|"
             r"fisher'?s?\s+(?:exact(?:\s+tests?)?|tests?)|"
             r"u\s+(?:values?|statistics?)|test\s+statistics?|"
             r"d\.?\s*f\.?|degrees?\s+of\s+freedom|"
             # a Bayes factor weighs the evidence for a difference of the arms, as a test does ("Bayes factor", "BF10")
             r"bayes(?:ian)?\s+factors?|bf\s*(?:10|01)|"
             # a reliable change index tests one arm's change against the measure's error (set against 1.96)
             r"reliable\s+change\s+ind(?:ex|ices)|rci"),
    ("correlation", r"(?:(?:pearson|spearman|kendall)'?s?\s+)?(?:rank\s+)?correlations?(?:\s+coefficients?)?|"
                    r"(?:pearson|spearman|kendall)'?s?\s+(?:coefficients?|rho|r|tau)|rho|\u03c1|"
                    r"(?:intra-?class\s+correlation(?:\s+coefficients?)?|icc)(?:\s*[(\[][^()\[\]]{1,12}[)\]])?"),
    ("variation", r"(?:cv|coefficients?\s+of\s+variation)(?:\s*[(\[,]\s*%\s*[)\]]?)?"),
)
_TEST_STATISTIC = re.compile(r"(?i)\s*(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _TEST_STATISTIC_NAMES)
                             + r")\s*[*\u2020\u2021\u00a7#]?\s*[.:]?\s*")


# a reliable change index named in prose ("The RCI results were ... (A: 1.97; B: 2.40)"): one arm's change divided by
# the standard error of a difference, a test statistic, however it is listed by arm
# (the abbreviation as a statistic's name, with its article or its verb: "Hudson RCI" is a maker of devices)
_CHANGE_INDEX = re.compile(r"(?i:\breliable\s+change\s+ind(?:ex|ices)\b)|\b(?i:the)\s+RCIs?\b"
                           r"|\bRCIs?\s+(?i:results?|values?|scores?|was|were|of)\b")


def names_change_index(text: str) -> bool:
    """Whether a text names a reliable change index (RCI): the figures it introduces are test statistics."""
    return bool(_CHANGE_INDEX.search(text or ""))


def comparison_statistic(text: str) -> str | None:
    """ "p", "effect_size" or "test" when a label names a test or a standardized effect of the arms ("P-Value",
    "Cohen's d", "F value", "\u03c7\u00b2"); "correlation" or "variation" when it names a statistic of the figures
    ("Spearman coefficients", "ICC", "CV"): figures that are no arm's own summary; else None ("Pain", "F", "Age", "r")."""
    if not text or len(text) > 40:
        return None
    m = _TEST_STATISTIC.fullmatch(text.replace("\u2019", "'"))
    return m.lastgroup if m is not None else None


# ------------------------------------------------------------------------------------------ a number's name in prose
# The name printed right before a number in a sentence says what the number is. These names are of statistics that
# are no estimate between the arms, whatever words surround them: a test statistic ("F(1, 58) =", "F1,58 =", "t(113)
# =", "z =", "U =", "H(2) =", "chi-square =", "χ2(1) ="), a share of variance explained ("partial η2 =", "ηp2 =",
# "eta squared =", "R2 =", "ω2 =", "Cohen's f2 ="), a correlation ("r =", "rho =", "ρ =", "τ =", "Spearman's
# correlation coefficient was") and a regression coefficient ("β =", "B =", "standardized coefficient", "slope of"),
# which is an effect between arms only when its factor is the allocation (the caller decides that from the sentence).
# One-letter names need "=" (or degrees of freedom): "B: 3.2" may be arm B's figure.
_DF = (r"(?:\s*[(\[]\s*\d+(?:\.\d+)?(?:\s*[,;/.]\s*\d+(?:\.\d+)?)?(?:\s*,\s*[Nn]\s*=\s*\d+)?\s*[)\]]"
       r"|[ ]?\d+(?:\.\d+)?\s*[,/]\s*\d+(?:\.\d+)?)")
# degrees of freedom in brackets right after a one-letter test's name: "F(1, 58) 6.2" needs no "="
_BRACKETED_DF = r"\s*[(\[]\s*\d+(?:\s*[,;/]\s*\d+)?(?:\s*,\s*[Nn]\s*=\s*\d+)?\s*[)\]]"
_SQUARED = r"(?:\s*(?:2|\u00b2|\^2)|[\s-]*squared)"
_STATISTIC_NAMES_IN_PROSE = (
    ("test", r"(?<![\w.'\u2019-])(?:(?:[FtzZUHW]|\u03c7" + _SQUARED + r"|[Xx]2)" + _DF + r"?\s*="
             r"|(?:[Ft]|\u03c7" + _SQUARED + r")" + _BRACKETED_DF + r"\s*[:,]?"
             # the letter in lower case with its bracketed degrees of freedom ("f (1,58) = 200.4"); a one-degree test
             # whose subscript lost its bracket to the print ("t 341=2.142", "χ2 2= 3.1")
             r"|f" + _BRACKETED_DF + r"\s*="
             r"|(?:t|\u03c7" + _SQUARED + r")[ ]\d+\s*="
             r"|(?:(?i:chi[- ]?squared?)|\u03c7" + _SQUARED + r")(?:\s+(?i:test|value|statistic))?" + _DF + r"?\s*(?:=|:|,|(?i:was|of))?"
             r"|(?i:[ftz][- ](?:value|statistic|ratio)|test\s+statistic|Mann[- ]Whitney\s+U|Wilcoxon\s+[WZ]|"
             r"Kruskal[- ]Wallis\s+H)" + _DF + r"?\s*(?:=|:|,|was|of)?)"),
    ("variance", r"(?<![\w.'\u2019-])(?:(?i:partial\s+)?(?:\u03b7|(?i:eta))\s*(?:[_-]?\s*[pP])?" + _SQUARED + r"(?:\s*[_-]?\s*[pP])?"
                 r"|\u03b7\s*[pP]|(?i:partial\s+eta)|[Rr]" + _SQUARED + r"|(?i:adjusted\s+)R" + _SQUARED + r"|(?:\u03c9|(?i:omega))"
                 + _SQUARED + r"|(?i:cohen['\u2019]?s\s+)?f" + _SQUARED + r")\s*(?:=|:|(?i:was|of))"),
    ("correlation", r"(?<![\w.'\u2019-])(?:[rR]|r[sS]|rho|\u03c1|\u03c4|(?i:tau|kendall['\u2019]?s?\s+tau))" + _DF + r"?\s*="
                    # "(r 0.42, p < 0.001)": the letter right before a coefficient below one
                    r"|(?<![\w.'\u2019-])r\s+(?=[-+]?0?\.\d)"
                    r"|(?i:(?:pearson|spearman)['\u2019]?s?\s+(?:rank\s+)?(?:r|rho|correlation(?:\s+coefficient)?)|correlation\s+coefficients?"
                    r"(?:\s+(?:\([^)]{0,10}\)\s*)?(?:was|of|=|:))?)\s*(?:=|:|was|of)?"),
    ("coefficient", r"(?<![\w.'\u2019-])(?<![Gg]roup )(?<![Aa]rm )(?:\u03b2|[Bb]|(?i:beta))(?:\s*(?:coefficient|weight))?\s*="
                    r"|(?i:(?:un)?standardi[sz]ed\s+(?:regression\s+)?(?:coefficient|\u03b2|beta|b)|regression\s+coefficient|"
                    r"beta\s+coefficient|slope)\s*(?:\([^)]{0,10}\)\s*)?(?:=|:|was|of)?"),
)
_STATISTIC_NAMED = start_guarded(re.compile(r"(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _STATISTIC_NAMES_IN_PROSE)
                               + r")\s*(?=[-+]?\s?\.?\d)"))
# (looked for only in a sentence that has one of these: most sentences have none. Three searches, not one: a
# single pattern of these alternatives tries its case-folded words at every position and cost three times as much;
# the words are searched in the lower-cased sentence instead, which finds the same)
_STATISTIC_GATE_SIGNS = re.compile(r"[=\u03b7\u03b2\u03c1\u03c4\u03c9\u03c7]")
_STATISTIC_GATE_LETTERS = re.compile(r"\br\s+[-+]?0?\.\d|\b[Ft]\s*[(\[]\s*\d")
_STATISTIC_GATE_WORDS = re.compile(r"coefficient|slope|correlation|chi|squared|statistic|[ftz][- ](?:value|ratio)|whitney|"
                                   r"wilcoxon|kruskal|partial\s+eta")


def _may_name_a_statistic(seg: str) -> bool:
    return bool(_STATISTIC_GATE_SIGNS.search(seg) or _STATISTIC_GATE_LETTERS.search(seg)
                or _STATISTIC_GATE_WORDS.search(seg.lower()))


def named_statistics(seg: str) -> dict[int, str]:
    """{where a number starts: "test", "variance", "correlation" or "coefficient"} for each number of `seg` whose
    printed name says it is such a statistic ("F(1, 58) = 4.2", "ηp2 = 0.09", "r = 0.42", "β = 0.31"); numbers named
    as a measure, an arm or not at all are not in it."""
    if not _may_name_a_statistic(seg):
        return {}
    return {m.end(): m.lastgroup for m in _STATISTIC_NAMED.finditer(seg)}


def statistic_named_before(seg: str, pos: int) -> str | None:
    """The kind of statistic (as `named_statistics`) the name printed right before the number at `pos` says it is."""
    return named_statistics(seg).get(pos)


# ------------------------------------------------------------------------------------------ a bare "(%)" label
# A row labelled with a bare "(%)" or ", %" over bare numbers ("Female (%) | 45.0 | 52.6", "HbA1c (%) | 7.2 | 7.4")
# prints either the share of the arm's patients in a category or a quantity measured in percent. Which one is said by
# what the label names: a kind of patient (sex, habits, conditions, history, origin, an event that befell them) or a
# quantity of the body or of a test.
_PEOPLE_CATEGORY = re.compile(
    r"(?i)\b(?:females?|males?|women|men|boys|girls|sex|gender|smok(?:ers?|ing)|(?:ex-?|non-?)smokers?|drinkers?|alcohol"
    r"|diabet(?:es|ic)|hypertensi(?:on|ve)|dyslipid\w*|hyperlipid\w*|hypercholesterol\w*|obes(?:e|ity)|asthma|copd"
    r"|history\s+of|prior|previous|current|comorbid\w*|married|single|employed|unemployed|education\w*|white|black"
    r"|asian|hispanic|latin[oa]|caucasian|african|ethnicity|race|patients?\s+with|users?|treated\s+with|receiving"
    r"|nulliparous|primiparous|multiparous|primigravid\w*|(?:ASA|NYHA)\s+(?:class|grade)|responders?|responses?|remission"
    r"|mortality|deaths?|died|complications?|infections?|adverse|recurrences?|relapses?|success(?:ful)?|failures?"
    r"|readmissions?|incidence|prevalence|proportion\s+of|percentage\s+of\s+(?:patients|participants|subjects)"
    r"|history|employment|residence|urban|rural|stage|grade|class|ca?esarean|transfusions?|use|vaccinated"
    r"|hospitali[sz](?:ed|ations?)|admitted)\b")
_MEASURED_IN_PERCENT = re.compile(
    r"(?i)\b(?:hba1c|a1c|glycated|glycosylated|ha?ematocrit|hct|ejection\s+fraction|l?vef|ef|saturation|spo2|sao2"
    r"|fev1|fvc|pef|predicted|body\s+fat|fat\s+mass|lean\s+mass|reticulocytes?|neutrophils?|lymphocytes?|monocytes?"
    r"|eosinophils?|basophils?|blasts?|adherence|compliance|change|reduction|increase|decrease|improvement|loss|gain"
    r"|concentration|level|score|index|density|transmittance|coverage|efficiency|occupancy)\b")


# a row label saying when, not what: "Baseline", "Week 12", "Day 3", "Before", "Post-op", "T1", "6 months"
_WHEN_LABEL = re.compile(r"(?i)\b(?:baseline|weeks?|days?|months?|years?|hours?|h|min(?:utes?)?|before|after|pre|post|"
                         r"visit|follow|admission|discharge|end|start)\b|\bT\d|\d")


def percent_label_reading(label: str, heading: str = "") -> str:
    """How the bare numbers of a row whose only format is a "(%)" read: "pct" (a share of the arm's patients: the
    label names a kind of patient, "Female (%)", "Current smokers, %", "Diabetes mellitus (%)"), "mean" (a quantity
    measured in percent: "HbA1c (%)", "Ejection fraction, %", "FEV1 % predicted"), or "" when the label says neither,
    or both. A row under a `heading` ("Type of surgery (%)" over "Laparoscopic", "Open") reads as the heading says,
    and is a category of it (a share) when the heading says neither, unless the row only says when ("Baseline",
    "Week 12")."""
    people = bool(_PEOPLE_CATEGORY.search(label or ""))
    measured = bool(_MEASURED_IN_PERCENT.search(label or ""))
    if people != measured:
        return "pct" if people else "mean"
    if not heading or people:
        return ""
    said = percent_label_reading(heading)
    return said or ("" if _WHEN_LABEL.search(label or "") else "pct")
