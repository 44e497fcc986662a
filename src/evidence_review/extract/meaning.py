"""What each extracted number means: its role, subgroup, adjustment, timepoint and direction.

Extraction finds numbers and the arms named around them; this layer reads the same sentence (and, when given,
the document's sections, design and study model) and decides what the number is:

- `role` (tables.ROLES): `effect` (a comparison of interventions, or one arm's result), `subgroup` (the same
  within a subgroup, whose label goes to `subgroup`), `prognostic` (a factor such as antibody titre,
  positivity, lesions or age, not a treatment), `dose` (two doses or regimens of one drug), `before_after` (a
  change against the same patients' baseline, or the rate before treatment such a change starts from),
  `secondary` (a result quoted from other studies: background or discussion sections, "previous studies", news
  and review documents) and `baseline` (arm characteristics such as sex or age).
- `adjusted`: "adjusted", "multivariable", "multivariate" -> yes; "unadjusted", "crude", "univariate" -> no;
  else unknown.
- timepoints bound to the number they belong to: "HR 0.72 in the first year; HR 0.94 in the second year" gives
  each value the period written with it (bind_timepoints); an age ("median age 45 years") or the tail of a
  decimal ("78.9 weeks") is no follow-up time, nor is a subgroup's defining period ("<3 years from diagnosis").
- sections: the ones ingestion found, else the headings the text prints ("Background:", "RESULTS"); a document
  designed as news or review makes its comparisons secondary, while its before-after, dose or prognostic numbers
  keep that role.
- direction from meaning: a difference the text defines as comparator minus intervention ("placebo minus
  rituximab", "(placebo - X)"), or whose arms' own proportions show it is, is stored as intervention vs
  comparator with the sign flipped; a ratio reported control vs experimental is turned to the trial's
  experimental-vs-control direction (the experimental arm from the study model, else from "randomly
  assigned to X or Y"). A difference merely reported control-first keeps its printed sign here: the pooling
  stage puts the control last (synthesis/cells.py) and says so in the cell's notes.
- `needs_review`: why a reviewer must look (arms, outcome or orientation not settled, or a sentence this layer
  could not read); such rows stay out of pooling and the summary of findings and are listed in the report's
  review queue.
- a named adverse event ("headache (X 57%, placebo 14%)") is the outcome instead of "adverse events".

Every rule reads general wording; none names a document or a trial. `meaning_note` (an extra column) says what
this layer changed, so every change can be checked against the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..tables import (TWO_BY_TWO_MEASURES, MEAN_DIFFERENCE_MEASURES, TIME_TO_EVENT_MEASURES, ARM_LEVEL_MEASURES, COMPARATIVE_MEASURES, DIFFERENCE_MEASURES, ONE_ARM_MEASURES, RATIO_MEASURES,
                      is_blank)
from ..tables import SECONDARY_DESIGNS as _SECONDARY_DESIGNS
from .model import ARMS_FROM_STUDY, RATIO_ORDER_SAID
from .factors import PER_UNIT, factor_arms, has_verb
from .lexicon import find_drugs, has_outcome
from ..regexfilter import prefiltered
from .startguard import start_guarded
from .study import TREATMENT_START_WORDS, assessment_time
from .textscan import scan_view
from .timepoints import bracketed_list_times, timepoint_spans

ROLE_COLUMNS = ["role", "subgroup", "adjusted", "needs_review", "from_arms"]
NOTE_COLUMN = "meaning_note"

_MODEL_MEAN = re.compile(r"\bLS\s*means?\b|\bleast[- ]squares?\b|\bestimated\s+marginal\b|\bmodel-based\b", re.I)
_CONTROLS = re.compile(r"^(?:placebo|control|sham|no treatment|untreated|standard (?:of )?care|usual care|"
                       r"standard therapy|best supportive care)$|\bplacebo\b", re.I)
_SECONDARY_SECTIONS = {"background", "discussion", "introduction"}


def is_control(arm: str) -> bool:
    return bool(arm) and bool(_CONTROLS.search(arm.strip()))


# ---------------------------------------------------------------- adjustment

_ADJUSTED_NO = prefiltered(re.compile(r"\b(?:unadjusted|non-?adjusted|crude|univariate|univariable|raw|(?-i:[cu](?:OR|HR|RR|IRR|RD))|"
                                     # a ratio tested with a test of the 2x2 table alone
                                     r"Fisher'?s\s+exact(?:\s+test)?)\b", re.I))
_ADJUSTED_YES = prefiltered(re.compile(r"\b(?:adjust(?:ed|ing|ment)(?![\s-]+life[\s-]+years?)|multivariable|multivariate|multiple\s+(?:cox|logistic)\s+"
                           r"regression|propensity|inverse\s+probability|IPTW|matched(?!\s+(?:placebos?|vehicle|sham|dummy|saline))"
                           r"|Mantel[-\u2010-\u2014\s]+Haenszel|(?-i:a(?:OR|HR|RR|IRR|RD))"
                           # a model's contrast: "the estimated treatment difference" (a least-squares mean difference
                           # is adjusted when the document says for what: assign_meaning's _COVARIATE_MODEL)
                           r"|estimated\s+(?:treatment\s+)?differences?)\b",
                           re.I))


# "The means and their 95% CIs were estimated from mixed effects models adjusting for age", "Means adjusted for
# baseline values": a table's note saying its means themselves were adjusted (a p value's adjustment is not theirs;
# a note naming a model's means without saying for what, "estimated marginal means", leaves them as printed)
_MEANS_ADJUSTED_NOTE = re.compile(r"\bmeans?\b(?:(?!\bp[- ]?values?\b|\bdifferences?\b)[^.;]){0,160}?\b(?:adjusted|adjusting)\s+"
                                  r"(?:for|by)\b", re.I)


def means_adjusted_by_note(note: str) -> bool:
    """Whether a table's caption or footnotes say the arms' means it prints were adjusted for something."""
    return bool(_MEANS_ADJUSTED_NOTE.search(note or ""))


# "adjusted HR", "adjusted odds ratio", "multivariable-adjusted RR": the word names the estimate it stands before
_ADJUSTED_NAMED_ESTIMATE = re.compile(r"\b(?:multivariab?le[- ]|multivariate[- ])?adjusted\s+(?:hazard|odds|risk|rate|incidence\s+rate)?"
                                      r"\s*(?:ratios?|HRs?|ORs?|RRs?|IRRs?|mean\s+differences?|MDs?|differences?)\b", re.I)
# the words that name the next value of a sentence, right before it: "; adjusted ", ", and after adjustment, ",
# "(crude "
_NEXT_VALUES_WORDS = re.compile(r"[;,(\[]\s*(?:and\s+|but\s+|whereas\s+|while\s+)?(?:after\s+|with\s+|when\s+)?(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,2}?(?:adjust\w*|multivariable|multivariate|unadjusted|crude|univariate|"
                                r"univariable)\b[^;()\[\]\d]{0,60}$", re.I)


def _own_adjustment_window(seg: str, part: tuple[int, int], pos: int) -> tuple[str, re.Match | None]:
    """(the words of a value's own part of the sentence that say whether it is adjusted, the words naming the next
    value when they were cut off). Words that name a later value are that value's, not this one's, whichever way
    they are printed: an "adjusted <estimate>" after the value ("(2.56 vs. 2.65 %/year, p = 0.82, adjusted HR 0.97
    ...)": the rates are not adjusted), and the last words before the next value of the sentence ("difference 1.02,
    95% CI -1.60 to 1.65; adjusted 1.07"). A value the row could not be placed at (pos < 0) reads the sentence."""
    if pos < 0:
        return seg, None
    window = seg[part[0]:part[1]]
    named_later = _ADJUSTED_NAMED_ESTIMATE.search(window, max(pos - part[0], 0))
    if named_later and pos < part[0] + named_later.start():
        window = window[:named_later.start()]
    next_words = _NEXT_VALUES_WORDS.search(window) if part[1] < len(seg) else None
    return (window[:next_words.start()] if next_words else window), next_words


# a table of who the patients were when they entered the trial: "Patients' characteristics with regard to the
# groups", "Baseline data", "Demographic and clinical data", "Values at entry", "Clinical profile on admission",
# "Patient characteristic", "Pre-treatment variables"
_BASELINE_CAPTION = re.compile(
    r"\b(?:patients?['\u2019]?s?|participants?['\u2019]?|subjects?['\u2019]?|general|demographic|clinical|basic|base[- ]?line)\s+"
    r"(?:and\s+(?:clinical|demographic|baseline|laboratory)\s+)?(?:characteristics?|characteri[sz]ations?|data|"
    r"profiles?|features|information|details)\b|"
    # "Frequency distribution of persons according to marital status and education": who the patients were
    r"\b(?:(?:relative\s+)?frequency\s+)?distributions?\s+of\s+(?:the\s+)?(?:study\s+)?(?:persons|people|patients|"
    r"participants|subjects|population)\b|"
    # "Characteristics of the patients", "Profiles of patients", "Demographic features of the participants"
    r"\b(?:characteristics?|profiles?|(?:demographic\s+)?features|demographics)\s+of\s+(?:the\s+)?(?:study\s+)?"
    r"(?:patients|participants|subjects|study\s+population|population|groups|women|men|children|infants)\b|"
    r"\b(?:at|on|upon)\s+(?:study\s+)?(?:entry|admission|inclusion|enrol?ment|randomi[sz]ation|presentation)\b|"
    r"\b(?:pre-?treatment|pre-?intervention|before\s+(?:the\s+)?(?:treatment|intervention|randomi[sz]ation))\s+"
    r"(?:values|variables|data|characteristics?|parameters)\b", re.I)
# ...unless the caption also names what happened after ("and outcomes", "before and after")
_AFTER_IN_CAPTION = re.compile(r"\b(?:outcomes?|results?|after|post-?\w*|follow[- ]?up|changes?|complications?|adverse|"
                               r"efficacy|responses?|end\s*points?)\b", re.I)


# the trial's first measurement, however named: "Baseline", "Initial", "Screening", "T0", "Day 0", "Visit 1", "At
# enrollment", "On admission", "Pre-op", "Preprocedure", "Pre-supplement", "Before treatment" (a "before" of an event
# the trial starts: "before extubation" is later), "Day 0 (before surgery)"
_FIRST_MEASUREMENT = re.compile(
    # ("T0 (after anaesthesia induction)": the code of the first measurement with the moment the methods define for it)
    r"(?i)\s*(?:baseline|initial|screening|before|pre|t\s*0(?:\s*\([^()]*\))?|(?:day|week|month|visit)\s*0|visit\s*1|"
    r"(?:(?:at|on|upon)\s+)?(?:study\s+)?(?:entry|enrol(?:l)?ment|admission|randomi[sz]ation|inclusion)|"
    r"pre[- ]?(?!/)[a-z]+|before\s+(?:the\s+)?(?P<event>\w+)(?:\s+(?:start|begin\w*|initiation))?)"
    r"(?:\s*\(\s*(?:before|pre)[^()]*\))?\s*")


def is_first_measurement(timepoint: str, counted: bool = True) -> bool:
    """Whether a row's timepoint is the trial's first measurement, before the intervention (see _FIRST_MEASUREMENT):
    an arm's value then is a `baseline` row, whatever table or sentence printed it. A time counted from zero ("Day 0",
    "Visit 1", "T0") only when `counted` (a table's column or row of times: in a sentence "2 patients died at day 0"
    says when an outcome happened)."""
    found = _FIRST_MEASUREMENT.fullmatch(timepoint or "")
    if found is None or not counted and re.search(r"\d", timepoint):
        return False
    return not found.group("event") or bool(TREATMENT_START_WORDS.fullmatch(found.group("event")))


# a measurement after the intervention began: "Post", "After", "Post-treatment", "End of study", "Follow-up",
# "Final", "Discharge", "Week 12", "12 weeks", "Month 6", "Day 28" (a count of zero is the first measurement's)
_LATER_MEASUREMENT = re.compile(
    r"(?i)\s*(?:post(?:[- ]?(?:test|treatment|intervention|training|therapy|op(?:erative)?))?|after(?:\s+[\w-]+){0,3}|"
    r"end(?:\s+of\s+(?:the\s+)?(?:study|treatment|intervention|trial|training|therapy|follow[- ]?up))?|"
    r"(?:at\s+)?follow[- ]?up(?:\s+[\w-]+){0,2}|final|(?:at\s+)?discharge|"
    r"(?:week|wk|month|day|year)\s*(?P<n1>\d+)|(?P<n2>\d+)[- ]?(?:weeks?|wks?|months?|days?|years?)(?:\s+[\w-]+){0,2})\s*")


def is_later_measurement(timepoint: str) -> bool:
    """Whether a table column's time is a measurement after the intervention began ("Post", "After", "Week 12",
    "12 months", "Follow-up"): an arm's value under it is no baseline, whatever the caption calls the table."""
    found = _LATER_MEASUREMENT.fullmatch(timepoint or "")
    if found is None or is_first_measurement(timepoint):
        return False
    count = found.group("n1") or found.group("n2")
    return count is None or int(count) > 0


def with_first_measurement_roles(rows: list[dict]) -> list[dict]:
    """The rows, an arm's value at the trial's first measurement (`is_first_measurement`) given role `baseline`: for
    the times set after the meaning step (a table's column of times, a caption's time)."""
    for row in rows:
        if str(row.get("measure") or "").upper() in ARM_LEVEL_MEASURES and row.get("role") in ("effect", "before_after") \
                and is_first_measurement(str(row.get("timepoint") or ""), str(row.get("finder") or "") == "table"):
            row["role"] = "baseline"
    return rows


def is_baseline_caption(caption: str) -> bool:
    """Whether a table's caption says its figures describe the patients at entry (role `baseline` for every arm
    row): the patients' characteristics in any number and wording, "Baseline data", values "at entry" or "on
    admission", "pre-treatment variables"; never a caption that also names outcomes or what came after. The table
    reader asks this for the captions its own vocabulary does not settle."""
    caption = str(caption or "")
    return bool(_BASELINE_CAPTION.search(caption)) and not _AFTER_IN_CAPTION.search(caption)


# a caption naming the first measurement and a later one together: "at baseline and after 12 weeks of training",
# "before and after the intervention", "Baseline and 6-month values", "pre- and post-test scores", "baseline and
# within- and between-group comparisons"
_BASELINE_AND_LATER = re.compile(
    r"\b(?:baseline|before|pre(?:-?\s*test|-?\s*intervention|-?\s*treatment)?-?)\s*(?:values?\s+)?(?:and|&|vs\.?|versus|to)\s+"
    r"(?:at\s+|the\s+|during\s+)?(?:(?:\d+|one|two|three|four|six|twelve)[- ](?:weeks?|months?|days?|years?)|after\b|post|"
    r"end\b|final\b|follow[- ]?up|(?:weeks?|months?|days?|visits?)\s*\d|within\b|changes?\b)", re.I)


def names_a_later_moment(caption: str) -> bool:
    """Whether a caption that names the baseline names a later measurement beside it ("at baseline and after 12-days
    training"): its table prints both moments, so the caption alone makes no row a baseline one."""
    return bool(_BASELINE_AND_LATER.search(str(caption or "")))


def adjustment(window: str) -> str:
    """yes / no / unknown from the words of the estimate's own part of the sentence."""
    no, yes = _ADJUSTED_NO.search(window), _ADJUSTED_YES.search(window)
    if no and (not yes or no.start() <= yes.start()):
        return "no"
    if yes:
        return "yes"
    return "unknown"


# ---------------------------------------------------------------- sentence geometry

@dataclass
class Located:
    row: dict
    pos: int          # the value's position in the sentence (scan view), -1 when not found
    end: int


# one pattern per distinct value text; re's own cache (512 patterns) is too small for a long run and recompiles
@lru_cache(maxsize=4096)
def _number_pattern(value_text: str) -> re.Pattern:
    core = value_text.strip().lstrip("+").replace("\u2212", "-").lstrip("-")
    frac = _FRACTION.fullmatch(core)
    if frac:
        # "24/101" as printed or as "24 of 101", "24 out of 101"
        body = frac.group(1) + r"\s*(?:/|of|out\s+of)\s*" + frac.group(2)
    else:
        body = re.escape(core)
    return re.compile(r"(?<![\d.])(?P<num>" + body + r")(?![\d])")


_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_FRACTION_JOINT = re.compile(r"\s*(?:/|of|out\s+of)\s*")


def _printings(value_text: str, seg: str) -> list[tuple[int, int]]:
    """(start, end) of each printing of the value in `seg`, as _number_pattern finds them. A plain number is
    looked up as a string, a fraction as numerator, separator, denominator: no pattern to compile per value."""
    core = value_text.strip().lstrip("+").replace("\u2212", "-").lstrip("-")
    frac = _FRACTION.fullmatch(core)
    if not core or ("/" in core and frac is None):
        return [(m.start("num"), m.end()) for m in _number_pattern(value_text).finditer(seg)]
    head, tail = (frac.group(1), frac.group(2)) if frac else (core, "")
    hits, pos, width = [], 0, len(head)
    while (i := seg.find(head, pos)) >= 0:
        end = i + width
        if frac:
            # the separator has one reading (\s* stops at "/" or "o"), so matching it and then the denominator
            # finds what the backtracking pattern finds
            joint = _FRACTION_JOINT.match(seg, end)
            end = joint.end() + len(tail) if joint and seg.startswith(tail, joint.end()) else -1
        # the pattern's (?<![\d.]) and (?![\d]): \d is a Unicode decimal digit, as str.isdecimal says
        if end >= 0 and (i == 0 or not (seg[i - 1].isdecimal() or seg[i - 1] == ".")) and (
                end == len(seg) or not seg[end].isdecimal()):
            hits.append((i, end))
            pos = end
        else:
            pos = i + 1
    return hits


def _locate(rows: list[dict], seg: str) -> list[Located]:
    """Each row's value in the sentence: the n-th printing of its value text for the n-th row showing it."""
    used: dict[str, int] = {}
    out = []
    for row in rows:
        vt = str(row.get("value_text") or "").strip()
        if not vt:
            out.append(Located(row, -1, -1))
            continue
        hits = _printings(vt, seg)
        if not hits and vt.endswith("%"):
            # "96.7, 36.7, 10 and 15%": a list printing the sign once, after its last number
            hits = _printings(vt.rstrip("% "), seg)
        k = used.get(vt, 0)
        used[vt] = k + 1
        if k < len(hits):
            out.append(Located(row, *hits[k]))
        elif hits:
            out.append(Located(row, *hits[-1]))
        else:
            out.append(Located(row, -1, -1))
    return out


def _own_part(seg: str, located: list[Located], i: int) -> tuple[int, int]:
    """The stretch of the sentence that belongs to estimate i alone: from the end of the previous comparative
    value to the next comparative value (or the sentence's end)."""
    me = located[i]
    prev_end, next_start = 0, len(seg)
    for j, other in enumerate(located):
        if other.pos < 0 or j == i:
            continue
        if other.pos < me.pos:
            prev_end = max(prev_end, other.end)
        elif other.pos > me.pos:
            next_start = min(next_start, other.pos)
    return prev_end, next_start


# ---------------------------------------------------------------- timepoints

def bind_timepoints(seg: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """The timepoint of each value (by its index in `spans`, the values' (start, end) in the sentence) when the
    sentence names two or more periods: either every value is followed by its own period before the next value
    ("HR 0.72 in the first year; HR 0.94 in the second year") or every value is preceded by its own ("at week 24
    it was 0.5 and at week 52 0.7"). When neither or both readings fit, nothing is bound."""
    # (a number whose unit is printed after a later one, "at six (OR ...) or 12 weeks (OR ...)", is a time too)
    found = sorted([(start, tp) for start, _, tp in timepoint_spans(seg)] + bracketed_list_times(seg))
    if len({tp for _, tp in found}) < 2:
        return {}
    order = sorted((span, i) for i, span in enumerate(spans) if span[0] >= 0)
    values = [span for span, _ in order]

    def reading(after: bool) -> dict[int, str] | None:
        out = {}
        for k, (start, end) in enumerate(values):
            lo, hi = (end, values[k + 1][0] if k + 1 < len(values) else len(seg)) if after else \
                (values[k - 1][1] if k else 0, start)
            inside = [tp for pos, tp in found if lo <= pos < hi]
            if len(inside) != 1:
                return None
            out[order[k][1]] = inside[0]
        return out

    after, before = reading(True), reading(False)
    if (after is None) == (before is None):
        return {}
    return after or before


# ---------------------------------------------------------------- roles

_BASELINE_CUE = start_guarded(re.compile(
    r"\b(?:female|women|males?|men|mean\s+age|median\s+age|aged|years\s+old|disease\s+duration|"
    r"baseline\s+characteristics|at\s+(?:baseline|enrol?ment|inclusion|diagnosis|admission|admittance|presentation|"
    r"arrival|(?:study\s+)?entry|randomi[sz]ation|screening)|on\s+(?:admission|arrival|entry)|were\s+seropositive)\b", re.I))
_BEFORE_AFTER_ARM = re.compile(r"\b(?:baseline|before|pre-?treatment|pre-?study|pre-\w+|prior|historical)\b", re.I)
# a comparator that is a time, not an arm: "baseline", "before treatment", "the year before", "pre-treatment period"
# ("standard care plus X prior to transport" is an arm)
# (a word of "pre" and letters is a time only when it says so: "pregabalin", "prednisolone" are drugs)
_PRE_TIME = r"pre-\w+|pre(?:treatment|study|therapy|operative|intervention|randomi[sz]ation|baseline|vious)\b"
_BEFORE_ARM_NAME = re.compile(r"\s*(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:before|prior)\b|baseline|" + _PRE_TIME + r"|"
                              r"historical)", re.I)
# "The intervention was associated with 46% reduced odds of ...": the trial's arm, named by its role, is the subject
_ARM_AS_SUBJECT = re.compile(r"\s*(?:[A-Z][A-Za-z ]{2,30}:\s*)?(?:the\s+)?(?:intervention|active\s+treatment|study\s+"
                             r"(?:drug|treatment|intervention)|experimental\s+(?:treatment|arm|group)|treatment\s+(?:arm|group)|"
                             r"intervention\s+(?:arm|group))\s+(?:was|were|is|had|led|resulted|reduced|increased|"
                             r"decreased|lowered|showed|improved)\b", re.I)
# "the estimated differences between the 5-mg group and the semaglutide group were ...": the change from
# baseline is the outcome, the difference is between arms
_BETWEEN_GROUPS = re.compile(r"\b(?:least[- ]squares|LS)\s+mean\s+differences?\b|\bdifferences?\s+between\s+(?:the\s+)?[^.;]{0,60}?\b(?:groups?|arms?)\b|\bbetween[- ]groups?\b"
                             r"|\btreatment\s+differences?\b|\bdifferences?\s+between\s+[^.;,]{2,60}?\s+and\s+", re.I)
_AGAINST_BASELINE = re.compile(
    r"(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to|than|from)\s+(?:the\s+)?(?:" + _PRE_TIME + r"|baseline|before|"
    r"prior|the\s+(?:year|period)\s+before)", re.I)
_PROGNOSTIC_LEVELS = re.compile(
    r"\b(?:high(?:er)?|elevated|low(?:er)?)\s+(?:serum\s+)?(?:\w+[- ])?(?:titers?|titres?|levels?|concentrations?)\b"
    r"[^.;]{0,120}?\b(?:than|vs\.?|versus|compared\s+(?:with|to))\b[^.;]{0,60}?\b(?:high|low)(?:er)?\b|"
    r"\bhigh\s+(?:vs\.?|versus)\s+low\b|\blow\s+(?:vs\.?|versus)\s+high\b", re.I)
# what a prognostic estimate is about: a characteristic of the patients, not a treatment ("length-for-age" is an
# outcome's name, not the patients' age)
_FACTOR_WORDS = (r"positiv\w*|seropositiv\w*|seronegativ\w*|negativ\w*|titers?|titres?|(?<!-)age|older|younger|sex|"
                 r"gender|male|female|disease\s+duration|onset|comorbid\w*|smok\w*|BMI|obes\w*|HLA|genotype|allele|"
                 r"polymorphism|predictors?|risk\s+factors?|prognostic|enhancement|atrophy|IgG\s+levels?")
_FACTOR = start_guarded(re.compile(r"\b(?:" + _FACTOR_WORDS + r")\b", re.I))
# "These lesions also increased the risk of relapse": a finding that acts on the risk is a factor too
_FACTOR_ACTS = start_guarded(re.compile(r"\b(?:" + _FACTOR_WORDS + r"|lesions?|EDSS|antibod\w+)\b[^.;()\d]{0,40}?\b(?:increased|raised|"
                          r"doubled|tripled|predicted|was\s+associated|were\s+associated)\b", re.I))
_FACTOR_SENTENCE = re.compile(r"\b(?:independent(?:ly)?\s+(?:predictors?|factors?|associated)|risk\s+factors?|"
                              r"predictors?\s+of|associated\s+with|prognostic)\b", re.I)
_ADJUSTED_FOR = re.compile(r"\b(?:adjust(?:ed|ing|ment)|controlling)\s+for\b[^;.)(]*", re.I)
_DOSE = r"\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|\u00b5g|IU|mg/kg|mg/m2|mg/m\u00b2)(?:\s*/\s*(?:day|d|week|wk|kg))?"
_DOSE_CONTRAST = re.compile(_DOSE + r"[^.;]{0,60}?\b(?:than|vs\.?|versus|compared\s+(?:with|to)|or)\b[^.;]{0,30}?" + _DOSE,
                            re.I)
_DOSE_WORDS = re.compile(r"\b(?:high|higher|low|lower|standard|reduced)[- ]dose\b[^.;]{0,60}?\b(?:than|vs\.?|versus|"
                         r"compared\s+(?:with|to))\b[^.;]{0,30}?\b(?:high|higher|low|lower|standard|reduced)[- ]dose\b",
                         re.I)
# "patients dosed ≥12.5 mg/day", "higher doses of oral prednisone", "for every 1 mg/day dose increment"
_DOSE_LEVEL = re.compile(r"\b(?:dosed|doses?|dosage)\s*(?:of\s*)?(?:[≥>≤<]|above|below|over|under|at\s+least|"
                         r"more\s+than|less\s+than)\s*\d|\b(?:higher|lower|increasing)\s+doses?\b|"
                         r"\bdose\s+(?:increments?|increases?|reductions?|levels?)\b|\bfor\s+every\s+\d+(?:[.,]\d+)?\s*mg",
                         re.I)
_QUOTED = prefiltered(re.compile(r"\b(?:previous(?:ly)?\s+(?:studies|trials|reports?|reported)|prior\s+studies|"
                     r"(?:a|one|another|an\s+earlier|a\s+recent)\s+(?:previous\s+)?(?:meta-analysis|study|trial|review)\s+"
                     r"(?:reported|showed|found|demonstrated)|according\s+to\s+(?:a|the)\s+(?:previous|recent|earlier)|"
                     # "Observational data had suggested ...", "earlier evidence has shown ..."
                     r"(?:observational|earlier|previous|prior|published)\s+(?:data|evidence|studies|trials|research)\s+"
                     r"(?:had\s+|have\s+|has\s+)?(?:suggested|shown|reported|demonstrated|found|indicated)|"
                     # "In an earlier phase 2 cohort, ...", "in a previous trial": a result of another study
                     r"\b(?:in|from)\s+(?:an?\s+|the\s+)?(?:earlier|previous|prior)\s+(?:phase\s+\w+\s+|randomi[sz]ed\s+)?"
                     r"(?:cohorts?|stud(?:y|ies)|trials?|analys[ie]s|reports?)|"
                     # "Smith et al. reported an odds ratio of 2.2", "Jones and colleagues found": a cited study's figure
                     # (its verb right after the names: "as defined by Smith et al." cites a method, not a figure)
                     r"[A-Z][\w'-]+\s+(?:et\s+al\b\.?|and\s+(?:colleagues|co-?workers))\s*(?:\[[^\]]{0,20}\]|\([^)]{0,20}\))?"
                     r"\s*(?:have\s+|had\s+)?(?:reported|showed|shown|found|demonstrated|observed|described))", re.I))
# the document speaking of its own result ("our finding", "intergroup difference", "per protocol analysis"), and
# the marks of a result quoted from elsewhere (a citation)
_OWN_RESULT = re.compile(r"\b(?:our|this|the\s+(?:present|current))\s+(?:study|trial|findings?|results?|analys[ie]s|data|cohort)\b|"
                         r"\bintergroup\b|\bsensitivity\s+analys[ie]s\b|\bper[- ]protocol\b|"
                         # "the study subjects", "our patients": the document's own participants
                         r"\bstudy\s+(?:subjects|participants|patients|population)\b|\bour\s+(?:patients|participants|subjects)\b",
                         re.I)
# a structured abstract's label opening the sentence ("Results: 80 patients ..."), whatever section the map gives it
_RESULTS_LABEL = re.compile(r"\s*(?:results?|findings)\s*:", re.I)
# "in LP and SP groups": two groups set side by side by their labels, the trial's own arms
_TWO_GROUPS = re.compile(r"\bin\s+(?:the\s+)?[\w-]+\s+and\s+(?:the\s+)?[\w-]+\s+groups\b", re.I)
_CITATION = re.compile(r"\bet\s+al\b|\[\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\]|\(\s*[A-Z][\w-]+[^()]{0,40}\b(?:19|20)\d\d\s*\)")


def _own_result(seg: str, arms, study_names: tuple = (), value_end: int = -1) -> bool:
    """A discussion sentence reporting the document's own result: it says so ("our study", "the study subjects", a
    "Results:" label), or names both of the trial's arms as groups ("in the RJ group ... in the control group",
    "olanzapine-treated participants ... the placebo group", "in LP and SP groups"), and cites nothing up to the value
    (`value_end`; a citation after it is of what the value is set against: "... (25/72, 34.7%) were higher than
    those reported before [21]"). `study_names`: each arm of the study model as the set of its names and aliases in
    lower case."""
    cited = seg[:value_end + 20] if value_end >= 0 else seg
    if _CITATION.search(cited) or _QUOTED.search(seg):
        return False
    if _OWN_RESULT.search(seg) or _RESULTS_LABEL.match(seg) or _TWO_GROUPS.search(seg):
        return True
    if arms and all(any(re.search(r"\b" + re.escape(name) + r"\b[\w\s-]{0,20}\bgroups?\b", seg, re.I)
                        for name in _group_names(a)) for a in arms):
        return True
    named = sum(1 for names in study_names if any(re.search(
        r"(?<![\w-])" + re.escape(name) + r"(?:\s+(?:group|arm)\b|[- ]treated\s+(?:patients|participants|subjects)\b)", seg, re.I)
        for name in names))
    return named >= 2


def _study_names(study) -> tuple:
    """Each arm of the study model as the set of its names and aliases in lower case (see _own_result)."""
    out = []
    for arm in getattr(study, "arms", None) or ():
        names = {str(x).strip().lower() for x in (arm.name, arm.canonical, *arm.aliases) if x}
        names = {x for x in names if len(x) >= 2}
        if names:
            out.append(frozenset(names))
    return tuple(dict.fromkeys(out))


def _group_names(arm: str) -> list[str]:
    """An arm's names as groups: a control named by what it lacks ("no statin") is also "the control group"."""
    return [arm, "control"] if arm.lower().startswith("no ") or is_control(arm) else [arm]


_SUBGROUP_DOC = prefiltered(re.compile(r"\b(?:sub-?groups?|post[- ]hoc|stratif\w+|subsets?)\b", re.I))
# "In non-thymectomized patients,", "among patients receiving only X", "in patients <3 years from diagnosis"
_SUBGROUP_PHRASE = re.compile(
    r"\b(?:in|among|for)\s+(?:the\s+)?(?:subgroups?\s+of\s+)?(?:(?P<pre>(?:[\w<>\u2264\u2265+\-/]+\s+){0,4}?)"
    r"(?:patients|participants|subjects|children|adults|women|men|those)\b(?P<post>\s+(?:with|without|who|"
    r"receiving|aged|on|not\s+receiving)\s+(?:[<>\u2264\u2265]\s*)?[^,;()\[\]{}]{2,70}?|"
    r"\s*[<>\u2264\u2265]\s*[^,;()\[\]{}]{1,40}?)?)"
    r"(?=\s*[,;(\[{]|\s+(?:it|they|was|were|had|has|have|achieved|reached|showed|is|are|vs\.?|versus|the)\b|$)",
    re.I)
_A_SHARE_OF = re.compile(r"\s*(?:the\s+)?(?:proportion|percentage|number|share|frequency|incidence|rate|risk)\s+of\b", re.I)
_LABEL_STOP = {"in", "the", "and", "or", "of", "with", "versus", "vs", "for", "among", "a", "an", "both", "to"}
_NOT_A_LABEL = re.compile(r"^(?:all|the|these|those|both|treated|randomi[sz]ed|enrolled|included|evaluable|"
                          r"each|two|other)$", re.I)


# a structured abstract's label at a line's start: "Results:", "Introduction:"
_ABSTRACT_LABEL = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Za-z]{2,20}(?:[ \t]+[A-Za-z]{2,20}){0,2})[ \t]*:")


def _under_results_label(scan: str, sections, pos: int) -> bool:
    """Whether the structured label in force at `pos` (the last one since its section began) is "Results" or
    "Findings": an abstract whose first label ("Introduction:") made the section map call it all background."""
    start = next((int(s["start"]) for s in sections or () if int(s["start"]) <= pos < int(s["end"])), 0)
    labels = list(_ABSTRACT_LABEL.finditer(scan, start, pos))
    return bool(labels) and re.fullmatch(r"results?|findings", labels[-1].group("name"), re.I) is not None


def _section_at(sections, pos: int) -> str:
    for s in sections or ():
        try:
            if int(s["start"]) <= pos < int(s["end"]):
                return str(s.get("name") or "").lower()
        except (KeyError, TypeError, ValueError):
            continue
    return ""


_HEADING = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s))\s*(?P<name>background|introduction|discussion|methods?|results|findings|"
    r"conclusions?|interpretation|objectives?|purpose|aims?|design|setting|comment)(?:\s+and\s+\w+)?"
    r"(?:\s*:|[ \t]*\n|(?=[A-Z])|\s+(?=[A-Z]))", re.I)
_SECTION_NAMES = {"background": "background", "introduction": "background", "discussion": "discussion",
                  "comment": "discussion", "method": "methods", "methods": "methods", "design": "methods",
                  "setting": "methods", "results": "results", "findings": "results"}


def section_finder(text: str, sections=None):
    """A function naming the section ("results", "discussion", ...; "" when unknown) each row was printed in:
    ingestion's sections, else the headings the text prints."""
    if sections is None:
        sections = sections_from_headings(scan_view(text))
    return lambda row: _section_at(sections, int(row.get("start") or 0))


#: (text, headings found in it) of the last text read by sections_from_headings
_LAST_HEADINGS: tuple = (None, [])


def sections_from_headings(text: str) -> list[dict]:
    """Sections from the headings a text prints ("Background:", "RESULTS", "BackgroundTreatment ..."), for
    documents that come without a section map: each runs to the next heading."""
    global _LAST_HEADINGS
    last = _LAST_HEADINGS   # one read: another thread may replace it meanwhile
    if last[0] is text:     # a document's rows ask two or three times in turn (section_finder, assign_meaning)
        heads = last[1]
    else:
        heads = [(m.start("name"), _SECTION_NAMES.get(m.group("name").lower(), "other")) for m in _HEADING.finditer(text)]
        _LAST_HEADINGS = (text, heads)
    out = []   # new dicts at every call: a caller may change its own
    for (start, name), nxt in zip(heads, heads[1:] + [(len(text), "")]):
        out.append({"name": name, "start": start, "end": nxt[0]})
    return out


def _drugs_in(text: str) -> list[str]:
    return [m.canonical for m in find_drugs(text) if not m.negated]


def _enclosing_bracket(seg: str, pos: int) -> int:
    """Start of the outermost bracket around `pos`, or -1."""
    depth, opened = 0, []
    for i, ch in enumerate(seg[:pos]):
        if ch in "([{":
            opened.append(i)
            depth += 1
        elif ch in ")]}" and opened:
            opened.pop()
    return opened[0] if opened else -1


def _words_before(seg: str, i: int, n: int = 3) -> str:
    words = re.findall(r"[\w<>\u2264\u2265+\-/]+", seg[max(0, i - 60):i])
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in _LABEL_STOP or len(out) >= n or re.fullmatch(r"[\d.]+", w):
            break
        out.insert(0, w)
    return " ".join(out)


def _label_ok(label: str, doc_condition_words: set[str], arms: frozenset = frozenset()) -> bool:
    words = label.lower().replace("-", " ").split()
    if _A_SHARE_OF.match(label):
        return False    # "the proportion of patients with pruritus in the X arm": a measure's object, no subgroup
    if set(_drugs_in(label)) & arms or is_control(label) or _names_arm(label, arms):
        return False    # "patients receiving placebo": an arm of the study, not a subgroup of it
    if not words or _NOT_A_LABEL.match(label.strip()) or not re.match(r"[A-Za-z<>\u2264\u2265]", label.strip()) \
            or not re.search(r"[A-Za-z]{3}", label):
        return False
    if _drugs_in(label) and not re.search(r"\b(?:receiving|on|with|without|non)\b", label, re.I):
        return False
    return not set(words) <= doc_condition_words


def _names_arm(label: str, arms: frozenset) -> bool:
    """Whether `label` contains the name of one of the document's arms as words ("the brexpiprazole arm and 70"):
    arms the drug lexicon does not know are named only by the study model."""
    low = label.lower()
    return any(len(a) >= 4 and re.search(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", low) for a in arms)


def subgroup_label(seg: str, pos: int, part: tuple[int, int], doc_has_subgroups: bool, sentence_has_subgroup: bool,
                   condition_words: set[str], arms: frozenset = frozenset(), end: int = -1) -> str:
    """The subgroup a value belongs to, or "": a "label: value" list entry, a bracket after "the newly diagnosed
    {..." closed by "subgroups", "0.59 (95% CI ...) among patients with X" right after the value (`end` is where
    the value ends), or "In non-thymectomized patients," opening the sentence or the value's part; named by the
    group alone (tidy_subgroup)."""
    label = _subgroup_phrase(seg, pos, part, doc_has_subgroups, sentence_has_subgroup, condition_words, arms, end)
    return _without_ellipsis(tidy_subgroup(label), seg) if label else ""


def _contrast_label(seg: str, pos: int, condition_words: set[str], arms: frozenset) -> str:
    """ "smaller among current smokers (hazard ratio, 0.99; ...) than among former smokers (hazard ratio, 0.65; ...)":
    two or more groups each named right before the bracket of its own effect; "with above median (HR 0.57) or
    below median (HR 0.52) change in CRP": a level word completed by the words after the list."""
    if seg.count("(") + seg.count("[") < 2:
        return ""
    b = _enclosing_bracket(seg, pos)
    if b <= 0:
        return ""
    groups: list[re.Match] = []
    for first in _CONTRAST_GROUP.finditer(seg):
        chain, bracket = [first], _EFFECT_BRACKET.match(seg, first.end())
        while bracket is not None:
            # "... (HR 0.57) or below median (HR 0.52)", "... (HR 0.99) than among former smokers (HR 0.65)"
            sibling = _SIBLING_GROUP.match(seg, bracket.end())
            if sibling is None:
                break
            chain.append(sibling)
            bracket = _EFFECT_BRACKET.match(seg, sibling.end())
        if len(chain) >= 2 and bracket is None and _EFFECT_BRACKET.match(seg, chain[-1].end()) is None:
            continue
        if len(chain) >= 2 and any(m.end() == b for m in chain):
            groups = chain
            break
    labels = [_EITHER.sub("", m.group("label").strip()) for m in groups]
    if len(groups) < 2 or len({x.lower() for x in labels}) < len(labels) or any(_JOINED.search(x) for x in labels):
        return ""
    if any(_MEASURED.search(x) or has_outcome(x) for x in labels):
        return ""       # "in HbA1c (mean difference ...) and in SF-36 score (...)": outcomes, each with its effect
    last = _EFFECT_BRACKET.match(seg, groups[-1].end())
    if last is not None and _OUTCOME_KINDS_AFTER.match(seg, last.end()):
        return ""       # "in either clinical (RR ...) or economic (MD ...) outcome measures": kinds of outcome
    own = next(m for m in groups if m.end() == b)
    label = _EITHER.sub("", own.group("label").strip())
    if not _label_ok(label, condition_words, arms) or _ONLY_PATIENTS.fullmatch(label):
        return ""
    if _LEVEL_WORD.match(label):
        last = _EFFECT_BRACKET.match(seg, groups[-1].end())
        rest = _LIST_TAIL.match(seg, last.end()) if last else None
        if rest is not None:
            label = f"{label} {rest.group('np')}"
    return label


# a group named right before a bracket ("among current smokers (", "with above median (")
_CONTRAST_GROUP = re.compile(r"\b(?:among|in|with)\s+(?P<label>(?:[\w<>\u2264\u2265+/%.-]+\s+){0,4}?[\w<>\u2264\u2265+/%-]+)\s*(?=[(\[])",
                             re.I)
_SIBLING_GROUP = re.compile(r"\s*,?\s*(?:or|and|than|versus|vs\.?|compared\s+with)\s+(?:(?:among|in|with)\s+)?(?P<label>(?:[\w<>\u2264\u2265+/%.-]+\s+){0,4}?"
                            r"[\w<>\u2264\u2265+/%-]+)\s*(?=[(\[])", re.I)
_JOINED = re.compile(r"\b(?:or|and|than|versus|vs)\b", re.I)
_EITHER = re.compile(r"^(?:either|both)\s+", re.I)
# what is measured, not who: a score, a level, a scale ("SF-36 score", "HbA1c", "serum ferritin level")
_MEASURED = re.compile(r"\b(?:scores?|levels?|index|indices|scales?|questionnaires?|concentrations?|G?HbA\s*1c|A1c|"
                       r"pressure|weight|BMI|QALYs?|costs?|quality\s+of\s+life|function)\b", re.I)
_OUTCOME_KINDS_AFTER = re.compile(r"\s*(?:outcomes?|measures?|endpoints?|end[\s-]points?|outcome\s+measures?|domains?)\b",
                                  re.I)
# the bracket of an effect: "(hazard ratio, 0.99; 95% CI ...)", "(HR 0.57)"
_EFFECT_BRACKET = re.compile(r"\s*[(\[][^()\[\]]{0,20}?\b(?:a?HR|a?OR|a?RR|IRR|hazard\s+ratio|odds\s+ratio|rate\s+ratio|"
                             r"risk\s+ratio|relative\s+risk|difference)\b[^()\[\]]*[)\]]"
                             # "(13.5 vs. 10.2 months in X alone, P=NS)": the two arms' values compared in the group
                             r"|\s*[(\[]\s*[-\u2212]?\d[\d.]*\s*(?:(?:months?|weeks?|days?|years?)\s*)?(?:vs\.?|versus)\s*[-\u2212]?\d[\d.]*"
                             r"(?!\s*%)[^()\[\]]*[)\]]", re.I)
_ONLY_PATIENTS = re.compile(r"(?:the\s+)?(?:patients|participants|subjects|those|them|people|all|both|each)", re.I)
_LEVEL_WORD = re.compile(r"(?:above|below|at\s+or\s+above|at\s+or\s+below|high|low|higher|lower)(?:\s+(?:the\s+)?median)?$",
                         re.I)
_LIST_TAIL = re.compile(r"\s+(?P<np>[a-z][\w-]*(?:\s+(?:in|of)\s+[\w-]+)?)(?=\s*(?:\bor\b|\band\b|[,;.(]|$))", re.I)


# "among patients with a tumor proportion score of less than 1%, 0.55 among those with a score of 1 to 49%": the
# later subgroup's "score" is the "tumor proportion score" named first
_ELLIPTIC = re.compile(r"^(?:an?\s+)?(?P<noun>[a-z][\w-]*)\s+of\b", re.I)


def _without_ellipsis(label: str, seg: str) -> str:
    m = _ELLIPTIC.match(label)
    if m is None:
        return label
    noun = re.escape(m.group("noun"))
    full = re.search(r"\b(?:with|without|having)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w-]*\s+)?(?P<mods>(?:[a-z][\w-]*\s+){1,2})"
                     + noun + r"\s+of\b", seg)
    if full is None:
        return label
    return full.group("mods") + label[m.start("noun"):]


# "the X group who did not have Y at enrollment had ...", "patients in the X arm who had Y developed ...", "children
# that were not Z showed ...": the people a value is of, restricted by a relative clause (what they had or were);
# never the allocation or treatment every arm member shares ("who were randomized to", "who received")
_RESTRICTING_CLAUSE = prefiltered(re.compile(
    r"\b(?:group|arm|patients|participants|subjects|children|infants|women|men|those)\s+(?:who|that)\s+"
    r"(?P<verb>did\s+not\s+have|had\s+no|were\s+not|was\s+not|had|were|was)\s+"
    r"(?!(?:randomi[sz]ed|assigned|allocated|treated|given|enrolled|included|analy[sz]ed|followed|receiving|"
    r"recruited|eligible|available)\b)(?P<what>[a-z][^,;:()\[\]]{2,60}?)"
    r"(?=\s+(?:had|has|developed|showed|were|was|experienced|reached|achieved|presented|became|remained)\b)", re.I))


def _restricted_by_clause(seg: str, pos: int) -> str:
    """The subgroup a relative clause right before a value names, in the value's clause ("... group who did not have
    gametocytes at enrollment had patent gametocytes (13/28 46.4%)" -> "no gametocytes at enrollment"), or ""."""
    if "who" not in seg and "that" not in seg:
        return ""
    found = None
    for m in _RESTRICTING_CLAUSE.finditer(seg, max(0, pos - 200), pos):
        found = m
    if found is None or re.search(r"[.;]", seg[found.end():pos]):
        return ""
    what = re.sub(r"\s+", " ", found.group("what")).strip()
    negative = re.match(r"(?i)did\s+not|had\s+no|w(?:ere|as)\s+not", found.group("verb"))
    return f"no {what}" if negative else what


def _subgroup_phrase(seg: str, pos: int, part: tuple[int, int], doc_has_subgroups: bool, sentence_has_subgroup: bool,
                     condition_words: set[str], arms: frozenset = frozenset(), end: int = -1) -> str:
    contrast = _contrast_label(seg, pos, condition_words, arms)
    if contrast:
        return contrast
    b = _enclosing_bracket(seg, pos)
    stressed = _STRESSED_SUBGROUP.search(seg, max(0, b - 160), b) if b > 0 else None
    if stressed is not None:
        # "multi-nutrients increased this rate (HR ...), particularly in children with asymptomatic infection at baseline
        # (2.03; 1.24-3.32)": the group the sentence singles out, named right before the value's bracket
        label = _phrase_label(stressed)
        if label and _label_ok(label, condition_words, arms):
            return label
    restricted = _restricted_by_clause(seg, pos)
    if restricted and _label_ok(restricted, condition_words, arms):
        return restricted
    named = _SUBGROUP_OF.match(seg)
    if named is not None and named.end() <= pos:
        # "In the subgroup of subjects with five to six symptoms [n = 9], a benefit was seen (MD ...)"
        return named.group("label").strip()
    opened = _OPENING_GROUP.match(seg)
    if opened is not None and opened.end() <= pos and (opened.group("sub") or opened.group("opener").lower() == "among"
                                                       or _BOUNDED_GROUP.search(opened.group("label"))
                                                       or _STATE_AT_ENTRY.search(opened.group("label"))):
        if _WHOLE_AGAIN.search(seg, opened.end(), pos):
            return ""       # "..., although for all women recruited, (MD ...)": everyone again
        # "In the prespecified subgroup of women with two or more risk factors, ...", "Among children of mothers
        # who smoked (41% of the cohort), ...": the group the sentence opens with, its noun kept
        label = re.sub(r"\s+", " ", opened.group("label")).strip()
        if _label_ok(label, condition_words, arms):
            return label
    opening = _OPENING_SUBGROUP.match(seg)
    if not doc_has_subgroups and len({m.group(0).lower() for m in _SUBGROUP_PHRASE.finditer(seg)}) < 2 \
            and not (opening and opening.end() <= pos):
        return ""
    if end >= 0:
        # "the hazard ratio was 0.59 (95% CI, 0.38 to 0.92) among patients with a score of less than 1%, 0.55
        # (...) among those with a score of 1 to 49%": each value's subgroup follows its interval
        tail = _VALUE_TAIL.match(seg, end)
        after = _SUBGROUP_PHRASE.match(seg, tail.end()) if tail else None
        if after is not None:
            label = _phrase_label(after)
            if label and _label_ok(label, condition_words, arms):
                return label
    # "[newly diagnosed: 50/148 ... OR 1.49 ... and relapsed: 17/75 ...]"
    last_colon = None
    for m in re.finditer(r"(?:^|[\[{(,;]|\band\b)\s*([A-Za-z][\w \-]{1,40}?)\s*:\s", seg[:pos]):
        last_colon = m
    if last_colon is not None and _enclosing_bracket(seg, pos) >= 0 and \
            _enclosing_bracket(seg, pos) <= last_colon.start(1):
        label = last_colon.group(1).strip()
        label = re.sub(r"^(?:and|or)\s+", "", label)
        if _label_ok(label, condition_words, arms) and not re.search(r"\b(?:CI|p|OR|HR|RR|IQR|range)\b", label):
            return label
    # "in the newly diagnosed {69/148 ...; OR 1.36 ...} and relapsed [27/75 ...] subgroups"
    if sentence_has_subgroup:
        b = _enclosing_bracket(seg, pos)
        close = _closing_bracket(seg, b) if b > 0 else -1
        # (the bracket is one of a list of groups: "and relapsed [...] subgroups", not "(HR ...) was consistent in the
        # subgroup of men")
        if b > 0 and close > 0 and (_GROUP_LIST_GOES_ON.match(seg, close + 1) or _NAMED_AS_SUBGROUP.search(seg, 0, b)):
            label = _words_before(seg, b)
            if label and _label_ok(label, condition_words, arms):
                return label
    # "In non-thymectomized patients, ...", "among patients receiving any corticosteroid was ..."
    best = None
    for m in _SUBGROUP_PHRASE.finditer(seg[:pos]):
        best = m
    if best is not None:
        label = _phrase_label(best)
        if label and _label_ok(label, condition_words, arms):
            return label
    return ""


def label_is_stratum(subgroup: str, seg: str) -> bool:
    """Whether a table line's baseline-sounding words ("Men", "Age < 65 years") are only its stratum's name: the line
    the table reader read as a subgroup's row, whose label is that stratum."""
    label = re.sub(r"\s+", " ", seg.split("|")[1] if seg.count("|") >= 2 else "").strip().lower()
    return bool(label) and (label in subgroup.lower() or subgroup.lower() in label)

def _closing_bracket(seg: str, start: int) -> int:
    """Where the bracket opened at `start` closes, or -1."""
    depth = 0
    for i in range(start, len(seg)):
        if seg[i] in "([{":
            depth += 1
        elif seg[i] in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return -1


# "in the subgroup of men (": the words before the bracket name the subgroup
_NAMED_AS_SUBGROUP = re.compile(r"\bsub-?groups?\s+of\s+(?:the\s+)?(?:[\w<>\u2264\u2265+/-]+\s+){0,3}?[\w<>\u2264\u2265+/-]+\s*$", re.I)
# what follows a group's bracket in a list of groups: "and relapsed [", ", newly diagnosed (", " subgroups"
_GROUP_LIST_GOES_ON = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\bsub-?groups?\b|\bstrata\b)", re.I)
# the rest of a value and its bracketed interval: "% (95% CI, 0.38 to 0.92) "
_VALUE_TAIL = re.compile(r"[^\s,;()\[\]]{0,3}\s*(?:[(\[][^()\[\]]{0,120}[)\]]\s*)?")
# "Among patients who were seronegative at baseline, the difference was ...": a subgroup named before anything else
# ("In patients with AQP4-IgG-positive NMOSD, ..." names the trial's population more often than a subgroup)
# "particularly in children with X (", "especially among those aged 65 or over (": a group singled out right before a bracket
_STRESSED_SUBGROUP = re.compile(r"\b(?:particularly|especially|notably|mainly|mostly|above\s+all|larger|smaller|greater|"
                                r"stronger|weaker|more\s+pronounced|less\s+pronounced|only)\s+" + _SUBGROUP_PHRASE.pattern
                                + r"\s*$", re.I)
# "In the subgroup of subjects with X", "In the subgroup of patients aged 65 or more,": the sentence's own subgroup
_SUBGROUP_OF = re.compile(r"\s*(?:In|Among|For)\s+(?:the|a)\s+(?:post[- ]hoc\s+)?sub-?group\s+of\s+(?:the\s+)?"
                          r"(?:patients|participants|subjects|children|adults|women|men|those)\s+"
                          r"(?P<label>(?:with|without|aged|who|receiving)\b[^,;()\[\]]{2,80}?)\s*(?=[,;(\[]|\s+(?:a|the|there)\s)", re.I)
# a group cut out of the trial's patients by a bound ("aged 65 years or older", "with a score above 20", "< 2 years"),
# which "In ..., " or "For ..., " opening a results sentence names as a subgroup (a disease alone names the population)
_BOUNDED_GROUP = re.compile(r"\b(?:aged|older|younger|above|below|over|under|less\s+than|more\s+than|at\s+least|"
                            r"or\s+(?:older|younger|more|less|above|below|higher|lower))\b|[<>\u2264\u2265]", re.I)
# "In patients with severe pain at baseline (VAS >= 7), ...": a group by its state when the trial began
_STATE_AT_ENTRY = re.compile(r"\bat\s+(?:baseline|entry|study\s+entry|enrol+ment|randomi[sz]ation|inclusion)\b", re.I)
# "..., although for all women recruited, no difference (MD ...)": the sentence turns back to everyone
_WHOLE_AGAIN = re.compile(r"\b(?:for|in|among|across)\s+(?:all|the\s+(?:whole|entire|overall|total|full)|everyone)\b|"
                          r"\boverall\b|\bin\s+the\s+(?:whole|entire)\b", re.I)
# a sentence opening with a group: "In the (powered|prespecified|post hoc) subgroup of women with ...", "Among
# infants of mothers who ...", "Among patients aged 65 or older (n = 210), ...": the group's noun and what defines it
_OPENING_GROUP = re.compile(
    r"\s*(?:[A-Z][A-Za-z ]{2,30}:\s*)?(?P<opener>In|Among|For)\s+(?:(?:the|a|an)\s+)?(?P<sub>(?:[\w-]+\s+){0,3}?(?:sub-?group|"
    r"subset|stratum|(?:post[- ]hoc|exploratory|pre-?specified|secondary)\s+(?:[\w-]+\s+)?analysis)\s+(?:of|among|in)\s+(?:the\s+)?)?"
    r"(?P<label>(?:patients|participants|subjects|children|infants|neonates|adults|adolescents|women|men|girls|boys|"
    r"mothers|pregnant\s+women|those|people)\s+(?:with|without|who|whose|aged|of|receiving|not\s+receiving|born|older|"
    r"younger)\b[^,;()\[\]]{2,90}?)\s*(?:[(\[][^()\[\]]*[)\]]\s*)?,", re.I)
_OPENING_SUBGROUP = re.compile(r"\s*Among\s+(?:the\s+)?(?:patients|participants|subjects|children|adults|women|men|those)\s+"
                               r"(?:who|with|without|receiving|not\s+receiving|aged)\b[^,;()]{2,70},")


def _phrase_label(m: re.Match) -> str:
    # "in the usual care group among patients receiving X": the group is the one after the last "among"
    pre = re.split(r"\b(?:among|in|for)\b", (m.group("pre") or ""))[-1].strip()
    post = (m.group("post") or "").strip()
    return " ".join(x for x in (pre, ("patients " + post) if post and not pre else post) if x).strip().rstrip(".")


# "patients who were receiving X", "those with a Y", "participants on Z": the words that only say "the patients"
_LABEL_HEAD = re.compile(r"^(?:the\s+)?(?:patients|participants|subjects|those|people|individuals)\s+"
                         r"(?:(?:who|that)\s+(?:were|are|had|have|was)\s+)?(?:(?:receiving|with|on|having)\s+)?(?:an?\s+)?", re.I)
_LABEL_TAIL = re.compile(r"(?:\s+(?:at|on)\s+(?:randomi[sz]ation|enrol?ment|study\s+entry|entry|screening)|"
                         r"\s+(?:and|or|vs\.?|versus)\s+[-\u2212]?\d[\d.,\u00b7]*|\s+(?:in|the|and|or|of|with|at))+\s*$", re.I)


def tidy_subgroup(label: str) -> str:
    """A subgroup's name without the words around it: "patients who were receiving no respiratory support at
    randomization" -> "no respiratory support"; "patients with diabetes at baseline and 0.73" -> "diabetes at
    baseline"; "those without diabetes" -> "no diabetes". A label that is nothing but those words stays."""
    text = re.sub(r"\s+", " ", label or "").strip(" ,;:.")
    tidy = _LABEL_TAIL.sub("", _LABEL_HEAD.sub("", text)).strip(" ,;:.")
    tidy = re.sub(r"(?i)^without\s+", "no ", tidy)
    return tidy if re.search(r"[A-Za-z]{2}", tidy) else text


# a list's joint and the number before it: "96.7, 36.7, 10, and 15%"
_LIST_JOINT = re.compile(r"\s*(?:\d+(?:\.\d+)?%?\s*(?:,|\band\b|\bor\b)\s*)*(?:\b(?:and|or)\s*)?")
_LIST_ITEM_BEFORE = re.compile(r"(?<![\w/])\d+(?:\.\d+)?%?\s*$")


def _before_a_later_event(timepoint: str) -> bool:
    """ "before extubation", "before discharge": a time after the intervention began (it is the end of something the
    trial started), not the "before" of a before-after comparison; "before treatment" / "before surgery" are."""
    found = re.fullmatch(r"\s*before\s+(?:the\s+)?(\w+)\s*", timepoint, re.I)
    return found is not None and not TREATMENT_START_WORDS.fullmatch(found.group(1))


def _role(row: dict, seg: str, pos: int, part: tuple[int, int], design: str, section: str,
          subgroup: str, loc_end: int = -1) -> str:
    measure = str(row.get("measure") or "").upper()
    intervention = str(row.get("intervention") or "")
    comparator = str(row.get("comparator") or "")
    timepoint = str(row.get("timepoint") or "")
    own = seg[part[0]:part[1]] if pos >= 0 else seg
    before_value = seg[part[0]:pos] if pos >= 0 else seg
    if section in _SECONDARY_SECTIONS or _QUOTED.search(seg):
        return "secondary"
    if measure in ONE_ARM_MEASURES:
        # ("pretreatment to 16:00", "pre-/posttreatment": a change over a span is the arm's result, not its "before")
        if _BEFORE_AFTER_ARM.search(timepoint) and not _before_a_later_event(timepoint) \
                and not re.search(r"\bto\b|/", timepoint) or \
                not timepoint and re.search(r"\b(?:before|prior\s+to)\s+(?:study\s+entry|treatment|"
                                                             r"initiation|enrol?ment|starting)\b|\bpre-?treatment\b|"
                                                             r"\bin\s+the\s+year\s+before\b", before_value, re.I):
            # a rate before treatment is the "before" of a within-patient comparison, not an outcome of the drug
            return "before_after"
        clause_start = max(seg.rfind(c, 0, pos) for c in ",;(") + 1 if pos >= 0 else 0
        while clause_start > 0 and seg[clause_start - 1] == "," and _LIST_JOINT.fullmatch(seg, clause_start, pos) \
                and _LIST_ITEM_BEFORE.search(seg, 0, clause_start - 1):
            # "... at admittance was 96.7, 36.7, 10 and 15%": a list's later numbers share the clause before it
            clause_start = max(seg.rfind(c, 0, clause_start - 1) for c in ",;(") + 1
        after = re.match(r"[^,;()\[\]]{0,25}", seg[loc_end:]) if pos >= 0 else None
        if _BASELINE_CUE.search(seg[clause_start:pos] if pos >= 0 else "") or \
                (after is not None and _BASELINE_CUE.search(after.group(0))):
            return "baseline"
    if measure in COMPARATIVE_MEASURES:
        levels_text = _ADJUSTED_FOR.sub(" ", seg)
        if _PROGNOSTIC_LEVELS.search(levels_text):
            return "prognostic"
        if pos >= 0 and PER_UNIT.search(seg[max(part[0], pos - 40):pos]):
            return "prognostic"     # "HR per SD 1.21": a ratio per unit of a continuous characteristic
        subject = _SUBGROUP_PHRASE.sub(" ", _ADJUSTED_FOR.sub(" ", _subject(seg, pos, part)))
        if subgroup:
            # "among current smokers (hazard ratio ...)": the subgroup's name is no prognostic factor of the estimate
            subject = re.sub(re.escape(subgroup), " ", subject, flags=re.I)
        subject_drugs = _drugs_in(subject)
        if (_FACTOR.search(subject) or _FACTOR_ACTS.search(subject)) and not subject_drugs \
                and not (intervention and intervention in subject) \
                and not _factor_word_names_outcome(subject, str(row.get("outcome") or "")):
            return "prognostic"
        # the words that say who (this value's subgroup, the group the sentence opens with) are no risk factor
        unscoped = re.sub(re.escape(subgroup), " ", seg, flags=re.I) if subgroup else seg
        opened = _OPENING_GROUP.match(unscoped)
        if opened is not None and (opened.group("sub") or opened.group("opener").lower() == "among"
                                   or _BOUNDED_GROUP.search(opened.group("label"))):
            unscoped = unscoped[:opened.start("label")] + " " + unscoped[opened.end("label"):]
        if not _drugs_in(_ADJUSTED_FOR.sub(" ", seg)) and _FACTOR_SENTENCE.search(unscoped) \
                and not (intervention and comparator and _names(seg, intervention) and _names(seg, comparator)) \
                and not _ARM_AS_SUBJECT.match(seg):
            # "Compared with standard care alone, CTCA was associated with ...": the trial's two arms, not a factor
            return "prognostic"
        if _DOSE_CONTRAST.search(seg[:pos] if pos >= 0 else seg) or _DOSE_WORDS.search(seg) or \
                _DOSE_LEVEL.search(seg[part[0]:part[1]] if pos >= 0 else seg):
            drugs = set(_drugs_in(seg)) - {"placebo", "control"}
            if len(drugs) <= 1 and not (comparator and is_control(comparator)):
                return "dose"
        drugs_a, drugs_b = set(_drugs_in(intervention)), set(_drugs_in(comparator))
        if drugs_a and drugs_a == drugs_b and intervention != comparator:
            return "dose"     # "anifrolumab basic regimen" vs "anifrolumab intensified regimen"
        if (_BEFORE_ARM_NAME.match(comparator) or (not comparator and _AGAINST_BASELINE.search(own))) \
                and not _BETWEEN_GROUPS.search(seg):
            return "before_after"
        if comparator and _AGAINST_BASELINE.search(own) and not is_control(comparator) and \
                comparator not in own:
            return "before_after"
    if design in _SECONDARY_DESIGNS:
        return "secondary"      # a news item or review reporting a trial's result (a before-after stays one)
    if subgroup:
        return "subgroup"
    return "effect"


def _factor_word_names_outcome(subject: str, outcome: str) -> bool:
    """Whether every factor word of the subject belongs to the estimate's own outcome: a table of the arms' odds
    ratios whose row "| Testicular atrophy | 0.17 |" is the outcome "testicular atrophy" compares the arms on it;
    "atrophy" names what is counted, not who differs ("| Brain atrophy at baseline | 1.8 |" against the outcome
    "relapse" is a factor)."""
    if not outcome.strip():
        return False
    words = [m.group(0) for m in _FACTOR.finditer(subject)] + [m.group(0) for m in _FACTOR_ACTS.finditer(subject)]
    return bool(words) and not any(_WHO_THEY_ARE.fullmatch(w) for w in words) \
        and all(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", outcome, re.I) for w in words)


# who the patients are is never what a trial counts: "| Male sex | 1.35 |" is a factor whatever its row is called
_WHO_THEY_ARE = re.compile(r"(?i)age|older|younger|sex|gender|male|female")


def _subject(seg: str, pos: int, part: tuple[int, int]) -> str:
    """What the estimate is about: the phrase right before its bracket ("positive AQP4-IgG (HR 0.04"), back
    to the clause's last comma, semicolon or colon, never before the previous estimate."""
    if pos < 0:
        return seg
    b = _enclosing_bracket(seg, pos)
    stop = b if b >= 0 else pos
    start = max(part[0], max(seg.rfind(c, 0, stop) for c in ",;:") + 1)
    return seg[start:stop]


# ---------------------------------------------------------------- direction

_MINUS = r"\s*(?:minus|[-\u2212\u2013])\s*"


def _arm_named(words: str, a: str, b: str) -> str:
    """Which of the arms `a`, `b` (names the lexicon may not know: "paroxetine") the words end with, else ""."""
    low = words.strip().lower()
    found = [arm for arm in (a, b) if arm and re.search(r"(?:^|\s)" + re.escape(arm.lower()) + r"$", low)]
    return found[0] if len(found) == 1 else ""


def _defined_order(text: str, a: str, b: str) -> int:
    """+1 when the text defines the difference as a minus b, -1 when as b minus a, 0 when it does not say."""
    for m in re.finditer(r"(?P<x>[A-Za-z][\w\- ]{1,40}?)" + _MINUS + r"(?P<y>[A-Za-z][\w\- ]{1,40}?)(?=[),;\]|]|\s+(?:group|arm|difference)|\s*$)",
                         text):
        x, y = _drugs_in(m.group("x")), _drugs_in(m.group("y"))
        x_arm = x[-1] if x else ("placebo" if re.search(r"\bplacebo\b", m.group("x"), re.I) else _arm_named(m.group("x"), a, b))
        y_arm = y[0] if y else ("placebo" if re.search(r"\bplacebo\b", m.group("y"), re.I) else _arm_named(m.group("y"), a, b))
        if not x_arm or not y_arm:
            continue
        if (x_arm, y_arm) == (a, b):
            return 1
        if (x_arm, y_arm) == (b, a):
            return -1
    return 0


def _arm_proportions(located: list[Located], seg: str, pos: int) -> dict[str, float]:
    """Proportions of the arms printed in the same sentence before `pos` (the last one per arm)."""
    out: dict[str, float] = {}
    for loc in located:
        r = loc.row
        if str(r.get("measure")) != "PROPORTION" or loc.pos < 0 or loc.pos > pos or not r.get("intervention"):
            continue
        try:
            out[str(r["intervention"])] = float(r["value"])
        except (TypeError, ValueError):
            continue
    # "No patients in the rituximab group had a relapse": an arm with no events, written in words
    for m in re.finditer(r"\b(?:no|none\s+of\s+the|zero)\s+(?:patients|participants)\s+(?:in|of|on)\s+(?:the\s+)?(?P<arm>[\w\- ]{2,40}?)\s+"
                         r"(?:group|arm)\b", seg[:max(pos, 0)], re.I):
        for d in _drugs_in(m.group("arm")):
            out.setdefault(d, 0.0)
    return out


def _flip_difference(row: dict) -> None:
    for k in ("value", "ci_low", "ci_high"):
        v = row.get(k)
        if v is not None and v == v:
            row[k] = round(-float(v), 10)
    row["ci_low"], row["ci_high"] = row.get("ci_high"), row.get("ci_low")
    vt = str(row.get("value_text") or "")
    if vt:
        row["value_text"] = vt[1:] if vt.startswith("-") else "-" + vt


def _invert_ratio(row: dict) -> None:
    def inv(x):
        return None if x is None or x != x or float(x) <= 0 else round(1 / float(x), 10)
    lo, hi = row.get("ci_low"), row.get("ci_high")
    row["value"] = inv(row.get("value"))
    row["ci_low"], row["ci_high"] = inv(hi), inv(lo)
    row["intervention"], row["comparator"] = row.get("comparator"), row.get("intervention")
    row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")


_ASSIGNED = prefiltered(re.compile(r"\b(?:randomly\s+)?(?:assigned|randomi[sz]ed|allocated)\b[^.;]{0,80}?\bto\s+(?:receive\s+)?"
                       r"(?:either\s+)?(?P<a>[^.;]{2,80}?)\s+(?:or|versus|vs\.?)\s+(?P<b>[^.;]{2,60}?)(?=[.;,]|\s+(?:for|at|every|in|plus|with|on)\b|$)",
                       re.I))


_GENERIC_CONTROL = {"control", "controls", "control group", "control arm"}


def _one_control_arm_name(row: dict, arms: tuple[str, str] | None) -> None:
    """One name for a two-arm trial's control arm: "the control group" and "X compared with no X-ing" both
    name the arm the study model calls control ("no vaccination", "placebo"), so that the printed effect and
    the one computed from the two arms' counts meet in one cell (the printed one is used, the computed one
    checks it)."""
    if arms is None:
        return
    experimental, control = arms
    if not (is_control(control) or control.lower().startswith("no ")):
        return
    for column in ("intervention", "comparator"):
        name = str(row.get(column) or "").strip()
        other = str(row.get("intervention" if column == "comparator" else "comparator") or "").strip()
        generic = name.lower() in _GENERIC_CONTROL
        untreated = (column == "comparator" and name.lower().startswith("no ")
                     and other.lower() == experimental.lower())
        if (generic or untreated) and name.lower() != control.lower():
            note = f"'{name}' is the trial's control arm '{control}'"
            row[NOTE_COLUMN] = f"{row[NOTE_COLUMN]}; {note}" if row.get(NOTE_COLUMN) else note
            row[column] = control


def trial_arms(text: str, study=None) -> tuple[str, str] | None:
    """(experimental, control) of a two-arm trial: from the study model's roles when given, else from
    "randomly assigned to X or Y" (X experimental)."""
    if study is not None:
        if hasattr(study, "arm_rows"):           # the study model (extract/study.py)
            records = study.arm_rows()
        elif hasattr(study, "to_dict"):          # arms.csv rows
            records = study.to_dict("records")
        else:
            records = list(study)
        exp = [str(r.get("canonical") or r.get("name") or "") for r in records if str(r.get("role")) == "experimental"]
        ctl = [str(r.get("canonical") or r.get("name") or "") for r in records if str(r.get("role")) == "control"]
        if len(set(exp)) == 1 and len(set(ctl)) == 1 and exp[0] and ctl[0]:
            return exp[0], ctl[0]
    scan = scan_view(text)
    for m in _ASSIGNED.finditer(scan):
        a, b = _drugs_in(m.group("a")), _drugs_in(m.group("b"))
        if a and b and a[0] != b[0]:
            return a[0], b[0]
    return None


# ---------------------------------------------------------------- outcomes

_GENERIC_AE = re.compile(r"^(?:adverse\s+(?:events?|reactions?)|AEs?|TEAEs?|side\s+effects)$", re.I)
_SPECIFIC_AE = start_guarded(re.compile(
    r"\b(?P<ae>headaches?|nasopharyngitis|nausea|diarrho?ea|vomiting|pyrexia|fever|fatigue|"
    r"(?:upper\s+respiratory\s+tract\s+|urinary\s+tract\s+)?infections?|herpes\s+zoster|leukop[ae]nia|"
    r"neutrop[ae]nia|lymphop[ae]nia|liver\s+dysfunction|hepatotoxicity|hypogammaglobulin[a]?emia|"
    r"infusion[- ]related\s+reactions?|injection[- ]site\s+reactions?|arthralgia|rash)\b", re.I))


def specific_adverse_event(seg: str, pos: int) -> str:
    """ "The most common adverse event was headache (X 57%, placebo 14%)": the named event the value is about,
    when it is named right before the value's bracket or list."""
    start = _enclosing_bracket(seg, pos)
    head = seg[max(0, (start if start >= 0 else pos) - 40):(start if start >= 0 else pos)]
    found = list(_SPECIFIC_AE.finditer(head))
    if not found:
        return ""
    tail = head[found[-1].end():]
    if re.search(r"[;.]|\band\b", tail):
        return ""
    ae = re.sub(r"\s+", " ", found[-1].group("ae").lower())
    return re.sub(r"^(headache|infection|reaction)s$", r"\1", ae)


# ---------------------------------------------------------------- the whole document

def _note(row: dict, text: str) -> None:
    row[NOTE_COLUMN] = f"{row[NOTE_COLUMN]}; {text}" if row.get(NOTE_COLUMN) else text


def assign_meaning(rows: list[dict], text: str, sections=None, study=None, design: str | None = None) -> list[dict]:
    """The rows of one document with role, subgroup, adjusted, needs_review (and from_arms empty) set, timepoints
    bound to their own value, differences and ratios in their meaning's direction; changes go to meaning_note."""
    if not rows:
        return rows
    scan = scan_view(text)
    design = (design or "").strip().lower()
    if sections is None:
        sections = sections_from_headings(scan)
    if not any(str(sec.get("name")) in ("methods", "results") for sec in sections or ()):
        # without a methods or results section the map cannot tell the document's own results from quoted ones
        # (a structured abstract whose "Objective" label swallowed the rest, an unstructured page): the
        # sections say nothing about a number's role then, the sentence still does ("previous studies")
        sections = []
    doc_has_subgroups = bool(_SUBGROUP_DOC.search(scan))
    condition_words = {w for r in rows for w in str(r.get("condition") or "").lower().replace("-", " ").split()}
    condition_words |= {"patients", "all", "with"}
    arms = trial_arms(text, study)
    study_names = _study_names(study)
    doc_arms = frozenset(d for r in rows for col in ("intervention", "comparator")
                         for d in _drugs_in(str(r.get(col) or "")))
    # arms named by the study model but unknown to the drug lexicon ("brexpiprazole") are arms too
    doc_arms |= frozenset(part.strip().lower() for r in rows for col in ("intervention", "comparator")
                          for part in str(r.get(col) or "").split(" + ")
                          if part.strip() and not is_blank(r.get(col)) and not _drugs_in(part))
    by_sentence: dict[tuple, list[dict]] = {}
    for row in rows:
        for col in ROLE_COLUMNS:
            row.setdefault(col, "")
        row.setdefault(NOTE_COLUMN, "")
        by_sentence.setdefault((row.get("start"), row.get("end")), []).append(row)
    for row in rows:
        _one_control_arm_name(row, arms)
        _pooled_dose_arms(row, scan, study)
    previous: tuple = (None, None, [])
    for (s0, s1), group in sorted(by_sentence.items(), key=lambda item: _offset(item[0][0])):
        try:
            _sentence_meaning(group, s0, s1, scan, sections, design, arms, doc_has_subgroups, condition_words,
                              doc_arms, study_names)
            _continued_factor_list(group, previous, scan, (s0, s1), doc_arms)
        except Exception as exc:  # noqa: BLE001 - one sentence's reading must not end the document's extraction
            for row in group:
                row["role"] = row.get("role") or "effect"
                row["adjusted"] = row.get("adjusted") or "unknown"
                row["needs_review"] = f"meaning not settled ({type(exc).__name__}: {exc})"
        previous = (s0, s1, group)
    modelled = DIFFERENCE_MEASURES if _MODEL_DIFFERENCE.search(scan) else \
        MEAN_DIFFERENCE_MEASURES if _COVARIATE_MODEL.search(scan) else frozenset()
    if modelled:
        # the methods say the between-arm difference is a model's estimate ("the between-arm difference in ...,
        # using a logistic regression model accounting for ..."; for differences of means "analysis of covariance",
        # "a mixed model ... with baseline score as a covariate"): the effects that say nothing else are adjusted
        for row in rows:
            if str(row.get("measure")) in modelled and row.get("adjusted") == "unknown" \
                    and row.get("role") in ("effect", "subgroup"):
                row["adjusted"] = "yes"
                _note(row, "adjusted: the methods estimate the between-arm difference with a model")
    _assessment_time(rows, scan, sections)
    adjusted_ratios = {_RATIO_NAMES[m.group("kind").lower()] for m in _ADJUSTED_RATIOS.finditer(scan)}
    for row in rows:
        # "Hazard ratios ... were estimated with Cox models ... adjusted for the baseline eGFR"
        if str(row.get("measure")) in adjusted_ratios and row.get("adjusted") == "unknown" \
                and row.get("role") in ("effect", "subgroup"):
            row["adjusted"] = "yes"
            _note(row, "adjusted: the methods say the document's ratios of this kind were adjusted")
    return [row for row in rows if not of_how_the_trial_ran(row)]


# what a sentence's figures count when it is about how the trial ran, not about an outcome: the reasons patients
# left ("The reasons for discontinuation were progressive disease (55% vs 80%), ..."), the treatment they were
# exposed to ("required at least one dose reduction or interruption (74% vs 26%)", "relative dose intensity")
_HOW_THE_TRIAL_RAN = prefiltered(re.compile(
    r"\breasons?\s+for\s+(?:(?:the\s+)?(?:study|treatment|trial|early|drug|therapy)\s+)?(?:discontinu\w*|withdr[ae]w\w*|"
    r"drop-?\s?outs?|dropping\s+out|stopping|leaving|exit\w*|terminat\w*)\b|"
    # (a dose reduced alone may be the outcome: "a corticosteroid dose reduction of at least 50%")
    r"\bdose\s+(?:interruptions?|modifications?|delays?|intensity|escalations?)\b|"
    r"\bdose\s+reductions?\s+(?:and/or|or|and)\s+(?:interruptions?|delays?|discontinu\w+)\b", re.I))


def of_how_the_trial_ran(row: dict) -> bool:
    """A sentence's figure printed after the sentence says it is about the reasons patients left or the doses they
    were given (`_HOW_THE_TRIAL_RAN`): disposition and exposure, no outcome. A table's row is judged by its table."""
    if str(row.get("finder") or "") == "table":
        return False
    sentence = str(row.get("evidence") or "")
    topic = _HOW_THE_TRIAL_RAN.search(sentence)
    if topic is None:
        return False
    printed = str(row.get("value_text") or "").strip()
    return bool(printed) and sentence.find(printed) >= topic.end()


# what is counted over the whole trial: safety events, withdrawals, deaths
_OVER_THE_TRIAL = re.compile(r"\b(?:adverse|side[- ]effects?|AEs?|SAEs?|TEAEs?|safety|tolera\w+|discontinu\w+|withdr[ae]w\w*|"
                             r"serious|infections?|hospitali[sz]\w+)\b", re.I)


def _assessment_time(rows: list[dict], scan: str, sections) -> None:
    """A trial whose outcome sentences name one time of assessment ("The primary outcome was ... at week 6"): its
    results printed without a time take that one (a hazard ratio, over the whole follow-up, does not; nor a row of a
    table, of the background or the discussion, nor a baseline or a quoted figure)."""
    when = assessment_time(scan)
    if not when:
        return
    for row in rows:
        if not is_blank(row.get("timepoint")) or row.get("role") not in ("effect", "subgroup") \
                or str(row.get("measure")).upper() in TIME_TO_EVENT_MEASURES | {"MEDIAN"} or str(row.get("finder") or "") == "table":
            continue
        outcome = str(row.get("outcome") or "")
        if _OVER_THE_TRIAL.search(outcome) or _SPECIFIC_AE.search(outcome) or \
                _OVER_THE_TRIAL.search(str(row.get("evidence") or "")):
            continue        # adverse events and withdrawals are counted over the whole trial, not at its visit
        if _section_at(sections, _offset(row.get("start"))) in ("background", "discussion"):
            continue        # (a "Methods and Findings" abstract prints its results under "methods")
        row["timepoint"] = when
        _note(row, f"timepoint '{when}': the one time the document's outcomes are assessed at")


def without_other_studies(rows: list[dict], design: str | None = None) -> list[dict]:
    """A primary report's rows without the figures of other studies it cites (role `secondary`: its background,
    introduction or discussion, or a sentence quoting "previous studies"): the report's own extraction holds its own
    results only (the labelling convention of every held-out batch). A news item, review or patient information
    reports another study's results as its content: its rows stay, marked `secondary`."""
    if (design or "").strip().lower() in _SECONDARY_DESIGNS:
        return rows
    return [row for row in rows if row.get("role") != "secondary"]


# "analysis of covariance", "ANCOVA", "a mixed model for repeated measures with baseline MADRS score as a covariate",
# "linear regression adjusting for baseline": a model that adjusts the between-arm difference
_COVARIATE_MODEL = prefiltered(re.compile(
    r"\banalys[ie]s\s+of\s+covariance\b|\bANCOVA\b|\b(?:mixed|regression|linear|MMRM)\b[^.;]{0,120}?\b(?:as\s+(?:a\s+)?"
    r"covariates?|adjust(?:ed|ing)\s+for)\b", re.I))
# "Hazard ratios and 95% confidence intervals were estimated with Cox ... models ... adjusted for X": the kind of ratio
_ADJUSTED_RATIOS = re.compile(r"\b(?P<kind>hazard|odds|rate|risk)\s+ratios?\b[^.;]{0,200}?\b(?:adjusted\s+for|adjusting\s+for|"
                              r"with\s+adjustment\s+for)\b", re.I)
_RATIO_NAMES = {"hazard": "HR", "odds": "OR", "rate": "IRR", "risk": "RR"}


def _offset(x) -> int:
    try:
        return int(x)
    except (TypeError, ValueError):
        return -1


def _continued_factor_list(group: list[dict], previous: tuple, scan: str, span: tuple, doc_arms: frozenset) -> None:
    """ "Univariate analysis disclosed as risk factors A (OR ...) and B (OR ...). C (OR 0.13 ...) appeared to be
    protective.": a sentence right after a list of patient factors, naming no arm and no analysis of its own,
    continues that list; its ratios are factors of the same analysis (role prognostic, the same adjustment)."""
    p0, p1, before = previous
    s0, s1 = _offset(span[0]), _offset(span[1])
    factors = [r for r in before if r.get("role") == "prognostic" and str(r.get("measure")).upper() in RATIO_MEASURES]
    if not factors or s0 < 0 or _offset(p1) < 0 or not 0 <= s0 - _offset(p1) <= 3:
        return
    seg = scan[s0:s1]
    adjusted = {str(r.get("adjusted")) for r in factors}
    located = _locate(group, seg)
    for i, loc in enumerate(located):
        row = loc.row
        named = [a for a in (str(row.get("intervention") or ""), str(row.get("comparator") or ""))
                 if a and not is_blank(a) and _names(seg, a)]
        if str(row.get("measure")).upper() not in RATIO_MEASURES or row.get("role") != "effect" or named \
                or _ADJUSTED_YES.search(seg) or _ADJUSTED_NO.search(seg):
            continue
        row["role"] = "prognostic"
        if row.get("adjusted") == "unknown" and len(adjusted) == 1:
            row["adjusted"] = next(iter(adjusted))
        _note(row, "a ratio continuing the previous sentence's list of patient factors")
        if loc.pos >= 0:
            _factor_sides(row, seg, loc.pos, _own_part(seg, located, i), doc_arms)


# "The primary efficacy comparison was the between-arm difference in ..., using a logistic regression model"
_MODEL_DIFFERENCE = prefiltered(re.compile(
    r"\b(?:between[- ](?:arms?|groups?|treatments?)|treatment[- ]group)\s+differences?\b[^.;]{0,200}?\b(?:using|with|from|by)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,4}(?:regression|mixed[- ]effects?|GEE|generalized\s+estimating\s+equations?)(?:\s+models?)?\b",
    re.I))



def _sentence_meaning(group: list[dict], s0, s1, scan: str, sections, design: str, arms, doc_has_subgroups: bool,
                      condition_words: set[str], doc_arms: frozenset, study_names: tuple = ()) -> None:
    """The meaning of one sentence's rows (see assign_meaning)."""
    try:
        seg = scan[int(s0):int(s1)]
    except (TypeError, ValueError):
        seg = scan_view(str(group[0].get("evidence") or ""))
    located = _locate(group, seg)
    comparative = [loc for loc in located if str(loc.row.get("measure")).upper() not in ONE_ARM_MEASURES]
    bound = bind_timepoints(seg, [(loc.pos, loc.end) for loc in located])
    sentence_has_subgroup = bool(re.search(r"\bsub-?groups?\b", seg, re.I))
    first = min((loc.pos for loc in located if loc.pos >= 0), default=0)
    opening = seg[:first]
    for i, loc in enumerate(located):
        row = loc.row
        measure = str(row.get("measure") or "").upper()
        # what the reader that found the row already knew: a baseline table's row, a row of a subgroup table
        hint, hint_subgroup = str(row.get("role") or ""), "" if is_blank(row.get("subgroup")) else str(row["subgroup"])
        prior_review = "" if is_blank(row.get("needs_review")) else str(row["needs_review"])
        part = _own_part(seg, located, i) if loc.pos >= 0 else (0, len(seg))
        # timepoint
        if loc.pos >= 0:
            tp = bound.get(i)
            old = "" if is_blank(row.get("timepoint")) else str(row["timepoint"])
            if tp is not None and tp != old:
                row["timepoint"] = tp
                _note(row, f"timepoint '{tp}' written in this value's part of the sentence"
                           + (f" (was '{old}')" if old else ""))
        old = "" if is_blank(row.get("timepoint")) else str(row["timepoint"])
        if old and any(not re.search(r"\bat\s+(?:the\s+)?$", seg[:m.start()], re.I) for m in re.finditer(
                r"\bag(?:e|ed)\s*(?:of\s*|was\s*|[:=]\s*)?(?:\w+\s+)?" + re.escape(old), seg, re.I)):
            # ("stunting at age 18 months": a child's age said as when the outcome was measured stays)
            row["timepoint"] = ""
            _note(row, f"'{old}' is an age, not a follow-up time")
        elif old and re.search(r"(?:[<>\u2264\u2265]\s*|\d\s*[-\u2013]\s*|\b(?:under|over|less\s+than|more\s+than|older\s+than|younger\s+than)\s+)"
                               + re.escape(old) + r"|" + re.escape(old) + r"\s*(?:of\s+age|old)\b", seg, re.I):
            row["timepoint"] = ""
            _note(row, f"'{old}' is an age class (a bound or a range of years), not a follow-up time")
        elif old and re.search(r"\d[.,]" + re.escape(old), seg, re.I) and not re.search(r"(?<![\d.,])" + re.escape(old), seg, re.I):
            row["timepoint"] = ""
            _note(row, f"'{old}' is the tail of a decimal number (a median time, not a follow-up time)")
        label = subgroup_label(seg, loc.pos, part, doc_has_subgroups, sentence_has_subgroup,
                               condition_words, doc_arms, loc.end) if loc.pos >= 0 else ""
        if label and not is_blank(row.get("timepoint")) and str(row["timepoint"]).lower() in label.lower():
            _note(row, f"timepoint '{row['timepoint']}' is part of the subgroup '{label}', not a follow-up time")
            row["timepoint"] = ""
        section = _section_at(sections, int(s0) + max(loc.pos, 0)) if sections else ""
        if section in _SECONDARY_SECTIONS and (str(row.get("finder") or "") == "table" or _own_result(seg, arms, study_names, loc.end if loc.pos >= 0 else -1)
                                               or _under_results_label(scan, sections, int(s0) + max(loc.pos, 0))):
            section = ""     # the document's own table, or its own result restated in the discussion
        # a grid of the document's own arms is the trial's report whatever the design classifier said of the prose
        # (a patient page or news item prints no arm-by-arm table; a review's tables are other trials')
        own_table = str(row.get("finder") or "") == "table"
        own_grid = own_table and design in _SECONDARY_DESIGNS and design != "review"
        role = _role(row, seg, loc.pos, part, "" if own_grid else design, section, label, loc.end)
        if hint == "baseline" and (measure in ONE_ARM_MEASURES or measure in DIFFERENCE_MEASURES and own_table) \
                and role != "secondary":
            # a row of a baseline table (or an arm's trait the rule recognised); a table's difference between the arms
            # on a row the table reader found measured before the intervention ("Before | 25.9 | 26.4 | -0.5" under
            # "Control | Intervention | Difference") is the arms' balance then: the role follows the row's time
            role = "baseline"
        elif hint == "subgroup" and hint_subgroup and (role in ("effect", "prognostic") or role == "baseline" and str(
                row.get("finder") or "") == "table" and label_is_stratum(hint_subgroup, seg)):
            # (a table's row of a subgroup, "Age < 80 years | 0.66 (...)", compares the trial's arms in that subgroup:
            # its words name who, not a factor against its reference; a table's stratum row, "Men | 16/31 | 10/30" in
            # a subgroup table, names who, not a baseline trait)
            role, label = "subgroup", hint_subgroup
        elif hint == "prognostic" and role == "effect":
            role = "prognostic"     # a ratio of a table of risk factors split by an outcome (the table reader knew)
        if measure in ARM_LEVEL_MEASURES and role in ("effect", "before_after") \
                and is_first_measurement(str(row.get("timepoint") or ""), str(row.get("finder") or "") == "table"):
            role = "baseline"       # an arm's value at the trial's first measurement describes it before treatment
        # one arm's figure in a table's stratum is that arm's result there (`effect`, the stratum in `subgroup`), as the
        # later batches label a grid of strata; a sentence's arm result within a subgroup stays `subgroup`
        arm_in_stratum = role == "subgroup" and measure in ARM_LEVEL_MEASURES and bool(label) \
            and str(row.get("finder") or "") == "table"
        row["role"] = "effect" if arm_in_stratum else role
        # a baseline table printed per stratum ("Unilateral" / "Bilateral" over the arms) keeps its stratum
        row["subgroup"] = label if role == "subgroup" else (hint_subgroup if role == "baseline" else "")
        role = row["role"]
        if role == "secondary" and ARMS_FROM_STUDY in str(row.get(NOTE_COLUMN) or ""):
            # a result quoted from another study, naming no arm, does not take this trial's arms
            row["intervention"], row["comparator"] = "", ""
            row["n_intervention"], row["n_comparator"] = None, None
            _note(row, "a quoted result: the trial's own arms dropped")
        if role == "prognostic" and measure in COMPARATIVE_MEASURES and loc.pos >= 0:
            try:
                before = scan[max(0, int(s0) - 600):int(s0)]
            except (TypeError, ValueError):
                before = ""
            _factor_sides(row, seg, loc.pos, part, doc_arms, before)
        window, next_adjusted = _own_adjustment_window(seg, part, loc.pos)
        prior_adjusted = str(row.get("adjusted") or "")
        row["adjusted"] = adjustment(window)
        following = min((o for o in located if o.pos >= part[1]), key=lambda o: o.pos, default=None)
        if row["adjusted"] == "unknown" and next_adjusted is not None and adjustment(next_adjusted.group()) == "yes" \
                and following is not None and str(following.row.get("measure")).upper() == measure:
            row["adjusted"] = "no"      # the crude estimate printed first, its adjusted one right after
        if row["adjusted"] == "unknown" and (prior_adjusted == "yes" or prior_adjusted == "no" and measure in TWO_BY_TWO_MEASURES):
            # the reader saw it: a table column headed "Adjusted hazard ratio", or a ratio beside its arms' counts
            row["adjusted"] = prior_adjusted
        if row["adjusted"] == "unknown" and opening:
            row["adjusted"] = adjustment(opening)   # "After adjusting for ..., X (HR ...) and Y (HR ...)"
        if row["adjusted"] == "unknown" and measure in ARM_LEVEL_MEASURES:
            # an arm's own count, mean or median is raw data, unless a model made it ("LS mean")
            row["adjusted"] = "yes" if _MODEL_MEAN.search(seg) else "no"
        # outcome: a named adverse event rather than "adverse events"
        if str(row.get("outcome") or "") and _GENERIC_AE.match(str(row["outcome"])) and loc.pos >= 0:
            ae = specific_adverse_event(seg, loc.pos)
            if ae:
                _note(row, f"outcome '{ae}' named for this value (was '{row['outcome']}')")
                row["outcome"] = ae
        # direction of a difference
        if measure in DIFFERENCE_MEASURES and row.get("intervention") and row.get("comparator") and loc.pos >= 0:
            _orient_difference(row, seg, loc, located, part)
        if measure in RATIO_MEASURES and role in ("effect", "subgroup") and loc.pos >= 0:
            decided = _orient_ratio_by_proportions(row, seg, loc, located)
        else:
            decided = False
        if measure in RATIO_MEASURES and arms and (row.get("intervention"), row.get("comparator")) == (arms[1], arms[0]) \
                and role in ("effect", "subgroup"):
            # the arms' order is the ratio's when its own words gave it (core: RATIO_ORDER_SAID) or the arms'
            # proportions decided it
            if decided or RATIO_ORDER_SAID in str(row.get(NOTE_COLUMN) or "") or _printed_against(seg, arms[1], arms[0]) \
                    or not _names(seg, arms[0]):
                _invert_ratio(row)
                _note(row, f"reported as {arms[1]} vs {arms[0]}; turned to the trial's direction "
                           f"({arms[0]} experimental, {arms[1]} control)")
            else:
                # arms named control first ("12.4 months in the control group, as compared with 18.5 months in the
                # X group (hazard ratio, 0.62)"): the printed ratio is the trial's, experimental vs control
                row["intervention"], row["comparator"] = row.get("comparator"), row.get("intervention")
                row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")
        # arm sizes of a comparison printed with its arms' counts
        if measure in COMPARATIVE_MEASURES and loc.pos >= 0:
            since = max((c.end for c in comparative if 0 <= c.pos < loc.pos), default=0)
            _sizes_from_arms(row, located, loc, (since, loc.pos))
        # what the reader that found the row asked a reviewer to check (a table's denominator) is kept
        reasons = [x for x in (prior_review, _review_reason(row, role, comparative, loc)) if x]
        row["needs_review"] = "; ".join(dict.fromkeys("; ".join(reasons).split("; "))) if reasons else ""


def _printed_against(seg: str, first: str, second: str) -> bool:
    """The sentence states a ratio of `first` against `second` in so many words ("the hazard ratio for placebo
    versus X", "placebo relative to X"). Only then is a ratio turned: arms merely named in that order ("12.4 months
    in the control group, as compared with 18.5 months in the X group (hazard ratio, 0.62)") say nothing about the
    ratio, whose printed number decides its orientation (dev corpus labelling rules); a sentence naming the control
    alone with the ratio says it is the control's (`_names`)."""
    low = seg.lower()
    a, b = _arm_words(first), _arm_words(second)
    if not a or not b:
        return False
    pattern = (r"\b(?:" + a + r")\b[^.;()]{0,40}?\b(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to|over)\s+(?:the\s+)?"
               r"(?:" + b + r")\b")
    return re.search(pattern, low) is not None


def _names(seg: str, arm: str) -> bool:
    """ "Relapse risk was higher with azathioprine (HR 4.0)" in a trial of tocilizumab names the control alone: the
    ratio is the control's."""
    words = _arm_words(arm)
    return bool(words) and re.search(r"\b(?:" + words + r")\b", seg.lower()) is not None


def _arm_words(arm: str) -> str:
    words = [re.escape(w) for w in re.split(r"\s*\+\s*|\s+", str(arm or "").lower()) if len(w) > 2]
    return "|".join(words)


# "(hazard ratio 0.61; 95% CI 0.55 to 0.67) and after adjustment for": the same claim's adjusted estimate follows
_THEN_ADJUSTED = re.compile(r"[)\]]\s*,?\s*(?:and|but|while)\s+(?:after|with|when)\s+(?:further\s+|additional\s+)?adjust", re.I)


def _claim_before_adjusted(seg: str, part: tuple[int, int], pos: int) -> str:
    """ "X was associated with a lower rate in the crude model (HR 0.61 ...) and after adjustment for age and sex
    (adjusted HR 0.86 ...)": the words before the crude estimate's bracket, back to the clause's last comma, semicolon
    or colon; "" when the estimate does not follow a crude one that way."""
    then = _THEN_ADJUSTED.search(seg, part[0], pos)
    if then is None:
        return ""
    depth, i = 0, then.start()
    while i >= 0:
        depth += seg[i] in ")]"
        depth -= seg[i] in "(["
        if depth == 0:
            break
        i -= 1
    if i <= 0:
        return ""
    start = max(seg.rfind(c, 0, i) for c in ",;:") + 1
    return seg[start:i]


# a bracket holding an estimate's statistics ("(OR 3.90, 95% CI 1.70-8.90)"), or its end when the subject starts inside
# (a decimal or an interval in it: "anti-MOG (IgG1) positivity" keeps its bracket)
_STATISTICS_BRACKET = re.compile(r"(?:[(\[][^()\[\]]*)?(?:\d[.\u00b7]\d|\bCI\b)[^()\[\]]*[)\]]")


def _factor_sides(row: dict, seg: str, pos: int, part: tuple[int, int], doc_arms: frozenset, before: str = "") -> None:
    """A prognostic estimate compares patients who differ in a characteristic: its sides are the factor and the
    factor's reference (factors.py), not the trial's arms."""
    bracket = _enclosing_bracket(seg, pos)
    before = seg[part[0]:bracket if bracket >= 0 else pos].rstrip()
    subject = _subject(seg, pos, part)
    # "A (OR 3.90, 95% CI 1.70-8.90) and B (OR ...": the previous item's statistics end before this item's name
    closed = [m.end() for m in _STATISTICS_BRACKET.finditer(subject)]
    if closed:
        subject = subject[closed[-1]:]
    if not has_verb(subject) and any(m.end() >= len(before) for m in _ADJUSTED_FOR.finditer(before)):
        # "after adjustment for age, sex and previous attempts (adjusted HR ...)": the list adjusted for, not the factor;
        # the factor is the claim the unadjusted estimate printed just before made
        subject = _claim_before_adjusted(seg, part, pos)
        if not subject:
            return
    subject = _ADJUSTED_FOR.sub(" ", subject)
    sides = factor_arms(seg, pos, subject, {a.lower() for a in doc_arms}, before)
    if sides is None:
        return
    old = (str(row.get("intervention") or ""), str(row.get("comparator") or ""))
    row["intervention"], row["comparator"] = sides
    row["n_intervention"], row["n_comparator"] = None, None
    _note(row, f"a patient factor's estimate: '{sides[0]}' vs '{sides[1]}'"
               + (f" (was '{old[0]}' vs '{old[1]}')" if any(old) else ""))


# "a (significant) benefit of X", "in favour of X", "favouring X": the arm the text says did better
_BENEFIT_OF = re.compile(r"\b(?:benefit|advantage)\s+of\s+(?:the\s+)?|\bin\s+favou?r\s+of\s+(?:the\s+)?|\bfavou?ring\s+(?:the\s+)?",
                         re.I)
# quantities whose lower values are the better ones, and those whose higher values are
_LOWER_IS_BETTER = re.compile(r"\b(?:glucose|glyc(?:ated|osylated)\s+h(?:a)?emoglobin|G?HbA\s*1c|A1c|weight|BMI|body\s+mass|"
                              r"blood\s+pressure|cholesterol|LDL|triglycerides?|pain|depressi\w+|anxiety|symptoms?|"
                              r"disability|fatigue|costs?)\b", re.I)
_HIGHER_IS_BETTER = re.compile(r"\b(?:quality\s+of\s+life|SF-?\d+|EQ-5D|QALYs?|function(?:ing)?|HDL|well-?being|"
                               r"satisfaction|FEV1|walk(?:ing)?\s+distance)\b", re.I)


def _benefit_says_other_minus_this(row: dict, seg: str, loc: Located, a: str, b: str) -> bool:
    """True when the sentence says arm `a` (or `b`) did better and the printed difference's sign, read with the
    outcome's better direction, makes it `b` minus `a`."""
    try:
        value = float(row.get("value"))
    except (TypeError, ValueError):
        return False
    if value == 0 or loc.pos < 0:
        return False
    before = seg[:loc.pos]
    claim = None
    for m in _BENEFIT_OF.finditer(before):
        claim = m
    if claim is None:
        return False
    named = before[claim.end():claim.end() + 40].lower()
    better = a if named.startswith(a.lower()) and a else b if named.startswith(b.lower()) and b else ""
    if not better:
        return False
    quantity = before[claim.end():]
    lower, higher = _LOWER_IS_BETTER.search(quantity), _HIGHER_IS_BETTER.search(quantity)
    if bool(lower) == bool(higher):
        return False
    # a's values lower than b's when a did better on a lower-is-better quantity: a minus b is negative
    a_minus_b_sign = (-1 if lower else 1) * (1 if better == a else -1)
    return (value > 0) != (a_minus_b_sign > 0)


def _orient_difference(row: dict, seg: str, loc: Located, located: list[Located], part: tuple[int, int]) -> None:
    a, b = str(row["intervention"]), str(row["comparator"])
    window = seg[max(0, part[0] - 80):min(len(seg), part[1] + 40)]
    order = _defined_order(window, a, b)
    if order == 0 and str(row.get("measure")).upper() == "MD" and _benefit_says_other_minus_this(row, seg, loc, a, b):
        # "a benefit of X was observable in serum glucose (mean difference = 3.88)": lower glucose is the benefit, so
        # the printed positive difference is the other arm minus X; the printed sign is kept and the arms follow it
        row["intervention"], row["comparator"] = b, a
        row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")
        _note(row, f"arms ordered by the benefit the text claims and the direction that is better for the outcome "
                   f"({b} minus {a})")
        return
    why = ""
    if order == -1:
        why = f"the text defines it as {b} minus {a}"
    elif order == 0:
        props = _arm_proportions(located, seg, loc.pos)
        if a in props and b in props and str(row["measure"]).upper() == "RD":
            v = row.get("value")
            try:
                v = float(v)
            except (TypeError, ValueError):
                return
            forward, backward = props[a] - props[b], props[b] - props[a]
            if abs(v - backward) + 1e-9 < abs(v - forward) and abs(v - backward) <= 0.02 and abs(forward - backward) > 0.02:
                why = f"its value is {b}'s proportion minus {a}'s ({props[b]:g} - {props[a]:g})"
    if why:
        old = row.get("value")
        _flip_difference(row)
        _note(row, f"difference printed as {old:g}: {why}; stored as {a} minus {b} with the sign flipped")


def _orient_ratio_by_proportions(row: dict, seg: str, loc: Located, located: list[Located]) -> bool:
    """ "failure was 60.3% for the CQ group, compared to 17.6% for SP (OR 0.106)": with both arms' proportions
    printed before it, a ratio below 1 is the arm with the smaller proportion against the other, whatever order
    the sentence named them in. True when the proportions decided the arms' order."""
    a, b = str(row.get("intervention") or ""), str(row.get("comparator") or "")
    try:
        value = float(row.get("value"))
    except (TypeError, ValueError):
        return False
    props = _arm_proportions(located, seg, loc.pos)
    if not a or not b or a not in props or b not in props or value <= 0 or abs(value - 1) < 0.05 \
            or abs(props[a] - props[b]) < 0.02:
        return False
    if (props[a] < props[b]) != (value < 1):
        row["intervention"], row["comparator"] = b, a
        row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")
        _note(row, f"{a} {props[a]:g} and {b} {props[b]:g} printed before it: the ratio {value:g} is {b} vs {a}")
    return True


def _sizes_from_arms(row: dict, located: list[Located], loc: Located, part: tuple[int, int]) -> None:
    """A comparison printed right after its arms' counts ("69/148 versus 55/148; OR 1.36") takes the arms'
    totals as its sizes: in a subgroup, the subgroup's, not the whole trial's."""
    a, b = str(row.get("intervention") or ""), str(row.get("comparator") or "")
    if not a or not b:
        return
    totals: dict[str, float] = {}
    for other in located:
        r = other.row
        if str(r.get("measure")) != "PROPORTION" or other.pos < part[0] or other.pos >= loc.pos:
            continue
        try:
            totals[str(r.get("intervention"))] = float(r.get("total"))
        except (TypeError, ValueError):
            continue
    if a in totals and b in totals and totals[a] == totals[a] and totals[b] == totals[b]:
        if (row.get("n_intervention"), row.get("n_comparator")) != (int(totals[a]), int(totals[b])):
            row["n_intervention"], row["n_comparator"] = int(totals[a]), int(totals[b])


# "490 of 4687 patients (10.5%) in the pooled X group", "in the combined X arms", "with X (both doses)"
_POOLED_ARMS_AFTER = re.compile(
    r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|among|with|for|on)\s+(?:the\s+)?(?:(?P<pooled>pooled|combined|both|all)\s+)?(?:two\s+|three\s+)?"
    r"(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s*(?:(?P<plural>groups|arms)\b|(?P<single>group|arm)\b|"
    r"[(\[]\s*(?:both|all)\s+doses\s*[)\]])", re.I)


def _pooled_dose_arms(row: dict, scan: str, study) -> None:
    """A one-arm row without an arm whose value is printed "in the pooled X group" (or "the X groups", "X (both
    doses)") in a trial giving X in two or more dose arms: its arm is X, the pooled arms, named by the drug."""
    if study is None or str(row.get("measure") or "").upper() not in ONE_ARM_MEASURES \
            or not is_blank(row.get("intervention")):
        return
    try:
        s0, s1 = int(row.get("start")), int(row.get("end"))
    except (TypeError, ValueError):
        return
    value = str(row.get("value_text") or "")
    printed = [value] + ([f"{int(row['events'])} of {int(row['total'])}"] if not is_blank(row.get("events"))
                         and not is_blank(row.get("total")) else [])
    at, value = next(((scan.find(p, s0, s1), p) for p in printed if p and scan.find(p, s0, s1) >= 0), (-1, ""))
    if at < 0:
        return
    m = _POOLED_ARMS_AFTER.match(scan, at + len(value), s1)
    if m is None or not (m.group("pooled") or m.group("plural") or not (m.group("single") or m.group("plural"))):
        return
    from .study import arm_key
    key = arm_key(m.group("name"))[0]
    given = [a for a in getattr(study, "arms", ()) if key and getattr(a, "dose", "")
             and key in (arm_key(a.name)[0], arm_key(a.canonical)[0])]
    if len(given) >= 2:
        row["intervention"] = key
        row[NOTE_COLUMN] = "; ".join(x for x in (str(row.get(NOTE_COLUMN) or ""), f"arm: the pooled {key} arms") if x)


def _review_reason(row: dict, role: str, comparative: list[Located], loc: Located) -> str:
    measure = str(row.get("measure") or "").upper()
    a, b = str(row.get("intervention") or ""), str(row.get("comparator") or "")
    if role not in ("effect", "subgroup"):
        return ""
    reasons = []
    if measure in COMPARATIVE_MEASURES:
        if not a and not b:
            reasons.append("arms not settled: the sentence names no arm")
        elif not a:
            reasons.append("arms not settled: no intervention")
        elif not b:
            reasons.append("arms not settled: no comparator")
        elif a == b:
            reasons.append("arms not settled: intervention and comparator are the same")
    elif measure in ONE_ARM_MEASURES and not a:
        reasons.append("arm not settled: the value names no arm")
    if is_blank(row.get("outcome")):
        reasons.append("outcome not settled")
    return "; ".join(reasons)


__all__ = ["assign_meaning", "adjustment", "means_adjusted_by_note", "names_a_later_moment", "is_later_measurement", "trial_arms", "is_control", "ROLE_COLUMNS", "NOTE_COLUMN"]
