"""Values aligned with two or three arms: one reader for the lists and pairs a sentence prints one value per arm.

A run is two or three values of one shape joined by a separator ("vs", "vs.", "versus", "v", "v/s", "compared
with", "and", "or", ";", "/"); a value is any shape the grammar reads (a percentage, n (x%), n/N, mean ± SD, mean
(SD x), median (IQR a-b), median with its IQR width, a bare value with its unit when the sentence says it is a mean
or median). Each run takes its arms from the first of these that holds:

1. each value followed by its own arm ("16 (80%) in the A group vs. 15 (75%) in the B group");
2. the arms listed right after the run ("... in the A and B groups", "(P = 0.1), respectively in A and B group");
3. one list of as many arms that the sentence closes with "respectively" (every run of that length takes it);
4. for a pair, the arms the sentence's clause compares in the order it names them ("higher with A than with B
   (x vs y)"), else the one arm the clause names before the pair in a two-arm study, then the other;
5. for a run in a sentence naming no arm and no other contrast (no times, sexes, subgroups), the study's arms in
   the order the document named them, when it has exactly as many.

The arm's size (the study model's) makes a percentage a count: events = round(size * share), flagged as derived
(kind "arm-percent"). A share printed with a spread ("18.8 ± 6.9%") of a cumulative incidence, a survival or a
probability is the arm's estimated PROPORTION without counts; a percentage of a change or level ("improvement
76.2% vs 64.1%") is the arm's MEAN in percent.

Runs another rule already read are left alone: only numbers no earlier rule claimed are read.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from ...tables import ARM_LEVEL_MEASURES, MEASURE_TABLE
from ..grammar import COUNTED_PEOPLE, MEDIAN_DECLARED, Summary, names_change_index
from ..model import Estimate
from ..sentence import Sentence
from ...regexfilter import RememberedSearch
from ..startguard import start_guarded
from .arm_data import _BASELINE_HINT, _FALL_OF, _NOT_ARM_DATA, _PEOPLE_COUNTED_AFTER, _heading, _with_spread, survival_estimate

# a cheap test before any pattern: a separator of aligned values, or "respectively"
_GATE = start_guarded(re.compile(r"\b(?:vs|versus|v/s|compared|respectively|groups?|arms?)\b|\d\s*%?\s*v\.?\s+\d", re.I))


def _aligns(s: Sentence) -> bool:
    """The cheap test of a sentence that may align values with arms: a separator word, or two different arms named
    ("15% of A patients and 38% of B patients", "(A, 12.1 mg; B, 20.4 mg)": the arms' names are the alignment)."""
    return _GATE.search(s.seg) is not None or len({g.name for g in s.groups}) >= 2

# between two values of one run: the first value's unit, then the separator, then an optional "median"/"mean"
# ("median 90.2, IQR 19.6 vs median 75.6, IQR 22.0") or the second value's "n patients" lead-in
_UNIT = r"(?:\s*(?:per\s+)?[A-Za-z\u00b5\u03bc/%][\w/%.\u00b5\u03bc-]{0,11})?"
_VERSUS = r"(?:vs\.?|versus|v/s|v\.?|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|against)"
# (the first value's own arm, its name taken out: "6 (1-42) days in the [A] group against 4 (2-15) days for the [B] group")
_OWN_ARM_LEFT = r"(?:\s+(?:in|with|for|on|among)\s+(?:the\s+)?(?:(?:group|arm)\b)?)?"
# ("lower in the A group (6.8%) than in the B (14.7%) group": "than", then the second arm, then its bracket)
_THAN_ARM = r"|than(?:\s+(?:in|with|for|among|on))?(?:\s+the)?(?:\s+(?:group|arm)\b)?\s*[(\[]?"
_COMPARING_GAP = re.compile(r"\s*[)\]]?" + _UNIT + _OWN_ARM_LEFT + r"\s*[)\]]?\s*,?\s*(?:" + _VERSUS + _THAN_ARM + r")\s*"
                            # (", " or ": " left where the second arm's label stood: "(A, 7.6 ± 1.2 s vs. B, 7.9 ± 1.5 s)")
                            r"(?:[,:]\s*)?(?:(?:the\s+)?(?:median|mean)\s+)?(?:[:=]\s*)?", re.I)
_LISTING_GAP = re.compile(r"\s*[)\]]?" + _UNIT + r"\s*[)\]]?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|;\s*|/\s*|&\s*)"
                          # (", " or ": " left where the second arm's label stood: "(A, 12.1 mg; B, 20.4 mg)")
                          r"(?:[,:]\s*)?(?:(?:the\s+)?(?:median|mean)\s+)?(?:[:=]\s*)?", re.I)
# a value's own arm right after it: "15 (75%) in the B group", "12.1 ± 3.0 with A"
# between a value and its own arm named right after it: a closing bracket, a unit, a lead word ("in the", "with")
_OWN_ARM_GAP = re.compile(r"\s*[)\]]?\s*(?:[A-Za-z\u00b5\u03bc%/][\w/%.\u00b5\u03bc-]{0,11}\s+)?(?:(?:patients|participants)\s+)?"
                          r"(?:(?:in|with|for|on|among|of)\s+(?:the\s+)?(?:patients\s+(?:in|on|receiving)\s+(?:the\s+)?)?)?", re.I)
# between an arm's label and its value: "A: 12.3", "A = 42.9%", "A (n = 40): 12.3", "A, 12.3"
# ("in the A group (6.8%)", "the B (14.7%) group": the value in the bracket right after its arm)
_LABEL_GAP = re.compile(r"\s*(?:[(\[]\s*n\s*=\s*\d+\s*[)\]])?\s*(?:group|arm)?\s*[:=,]\s*(?:n\s*=\s*\d+\s*[,;]\s*)?"
                        # ("(A 30% vs B 19%)": every value of the run right after its own arm's name, a space between)
                        r"|\s*(?:group|arm)?\s*[(\[]\s*|\s+(?:(?:group|arm)\s+)?", re.I)
# what may stand between a run and the arms listed after it: a unit, a closing bracket, a p-value, "respectively"
_TO_THE_ARMS = re.compile(r"(?:" + _UNIT + r"\s*[)\]]?\s*(?:[(\[]\s*[Pp]\s*[<>=\u2264\u2265][^()\[\]]{0,30}[)\]]|[,;]?\s*[Pp]\s*[<>=\u2264\u2265]\s*[\d.]+)?"
                          r"\s*[)\]]?\s*,?\s*(?:respectively\s*,?\s*)?)", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# decimals listed with "and", then at once (a unit between) the arms they are of: "-0.53 and -0.28 for A and B"
_ARMS_RIGHT_AFTER = re.compile(r"\s*(?:[A-Za-z\u00b5/%][\w/%.-]{0,11}\s+)?(?:for|in|with)\s+(?:the\s+)?\S", re.I)
# "respectively" right after a run (its unit, a bracket, a p-value between)
_CLOSED_AT_ONCE = re.compile(r"\s*(?:[A-Za-z\u00b5/%][\w/%.-]{0,11})?\s*[)\]]?\s*,?\s*respectively\b", re.I)
# arms listed after "respectively" ("respectively in A and B group"), or ending at it ("in A and B, respectively",
# "of A and B recipients, respectively")
_LIST_BEFORE_RESPECTIVELY = re.compile(r"\b(?:in|for|with|among|on|of)\s+(?:the\s+)?[^.;()\d]{3,100}?\s*,?\s*respectively\b", re.I)
# other contrasts a pair may be of: times, sexes, subgroups of patients, doses, eyes, sites
_OTHER_CONTRAST = re.compile(
    r"\b(?:before|pre-?(?:operative|treatment|op|dose))\b[^.;]{0,80}\b(?:after|post-?(?:operative|treatment|op|dose))\b|"
    # "week 12 vs week 24", "days 1 and 3"; not "on day 1, 16.4 versus 25.1 ml" (a time, then the arms' values)
    r"\bfrom\s+baseline\s+to\b|\b(?:week|month|day|year|visit)s?\s+\d+\s*(?:vs\.?|versus|and|,)\s*"
    r"(?:(?:week|month|day|year|visit)s?\s*\d|\d+(?![\d.,])(?!\s*(?:vs\.?|versus|and)\s*\d))|"
    r"\b(?:first|initial)\b[^.;]{0,40}\b(?:second|final|subsequent|later)\b|\b(?:"
    r"men|women|males?|females?|boys|girls|smokers|non-?smokers|responders|non-?responders|survivors|"
    r"patients\s+(?:with|without|who|that|aged)|those\s+(?:with|without|who|that)|with\s+and\s+without|"
    r"previous|prior|left|right|eyes?|"
    r"subgroups?|cohorts?|studies|trials?|registry|historical|literature|national|expected)\b", re.I)
# a sentence about another study: a citation ("[12]", "[3, 4]", "[5-7]"; not a bracketed value "[12% vs 5%]"), an earlier trial or cohort, a named study ("Study II"), a meta-analysis
_ELSEWHERE = start_guarded(re.compile(r"\bet\s+al\b|\[\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\]|\b(?:earlier|previous|prior|recent|another|other|published|historical)\s+"
                        r"(?:[\w-]+\s+){0,2}(?:trials?|stud(?:y|ies)|cohorts?|reports?|series)\b|\bStudy\s+[IVX]+\b|"
                        r"\bmeta-?analys[ie]s\b|\b(?:has|have)\s+been\s+(?:reported|shown|described)\b", re.I))
# asked of one sentence by several rules, and once per value: searched once per sentence
_ELSEWHERE = RememberedSearch(_ELSEWHERE)
# a subgroup of the patients the sentence sets apart: the pair is that subgroup's, not the arms'
_SUBGROUP = re.compile(r"\b(?:among|in)\s+(?:those|patients|participants|women|men|children|subjects)\s+(?:who|with|not|without|aged|older|younger|receiving|on)\b", re.I)
# an analysis of another population than the randomized arms' ("and the per-protocol analysis (13% vs. 24%)")
_OTHER_ANALYSIS = re.compile(r"\b(?:per[- ]protocol|as[- ]treated|completers?|sensitivity\s+analys[ie]s|post[- ]hoc|subgroups?)\b", re.I)
# "(74% vs 68%, hazard ratio 0.93 ...)": the arms' values of the curves the ratio compares
_RATIO_FOLLOWS = re.compile(r"\s*%?\s*[,;]?\s*(?:and\s+)?(?:an?\s+)?(?:hazard\s+ratio|HR)\b", re.I)
# a share that is an estimate of a curve, not a count of patients: its spread is a standard error
_CURVE_SHARE = re.compile(r"\b(?:cumulative|survival|probability|Kaplan|estimated|actuarial)\b|\b(?-i:OS|PFS|DFS|EFS|RFS|LFS)\b|\w-free\b|\b\d+[- ]years?\s+(?:[\w-]+\s+){0,2}rates?\b", re.I)
# "10.1% vs 12.4% (Kaplan-Meier estimates at week 108 ...)": the curve named after the values
_CURVE_AFTER = re.compile(r"[^.;]{0,40}?\b(?:Kaplan|estimates?|estimated)\b", re.I)
# a unit of measurement right after a value: a compound unit ("mIU/mL", "mg/dl"), a time, a volume, a mass, a pressure
_MEASURED_UNIT = re.compile(r"\s*(?:[a-zA-Z\u00b5\u03bc]{1,5}/[a-zA-Z\u00b5\u03bc0-9.]{1,6}\b|(?:h|hrs?|hours?|min|mins|minutes?|sec|seconds?|"
                            r"days?|weeks?|ml|mL|L|dl|dL|kg|g|mg|mcg|\u00b5g|ng|pg|IU|mIU|U|mm\s*Hg|mmHg|mm|cm|bpm|"
                            r"beats|points?|kcal|mmol|\u00b5mol|cells|m|km|steps|kilo(?:gram)?s|grams?|lbs?|pounds|"
                            r"(?:milli)?lit(?:er|re)s?|(?:centi|milli)?met(?:er|re)s)\b)")
# a time to an event: a survival time per arm is its median (rules/arm_data.py reads those)
_TIME_TO_EVENT = re.compile(r"\b(?:survival|progression|time\s+to|recurrence|relapse|death)\b", re.I)
# between two runs of one list: a p-value, punctuation, "and"
_CONTINUING = re.compile(r"\s*[)\]]?\s*[,;]?\s*(?:[(\[]?\s*[Pp]\s*[<>=\u2264\u2265]\s*0?\.\d+\s*[)\]]?)?\s*[,;]?\s*(?:and\s+)?[(\[]?\s*", re.I)
# a percentage of a change or a level: the arm's mean in percent, not a share of patients
_PERCENT_MEAN = re.compile(r"\b(?:improvements?|reductions?|decreases?|increases?|changes?|gains?|losses?|declines?|"
                           r"levels?|scores?|saturation|encirclement|fraction|concentrations?|adherence|compliance)\b", re.I)
_SHARE_WORD = re.compile(r"\b(?:rates?|proportions?|percentages?|incidences?|prevalence|patients|participants|"
                         r"frequenc(?:y|ies)|occurrences?|risks?|cure[sd]?|pregnanc(?:y|ies)|mortality|deaths?|response)\b", re.I)
_RATE_OF = re.compile(r"\b(?:rates?|incidences?|proportions?|percentages?|frequenc(?:y|ies))\s+of\s+(?!(?:change|improvement|"
                      r"reduction|increase|decrease|adherence|compliance|follow-?up|response\s+to\s+treatment)\b)[\w-]+", re.I)
# "subjective cure rates were found higher (75% versus 55%)", "the mortality rate": a rate named by what it counts
_NAMED_RATE = re.compile(r"\b(?!(?:the|a|an|this|these|those|their|its|both|similar|higher|lower|greater|overall|all|"
                         r"such|response\s+to)\b)[A-Za-z][\w-]{2,}\s+rates?\b", re.I)
# "more women delivered vaginally (57.5% vs. 32.5%)", "fewer patients needed X (...)": the pair set against each other
# is of people who did something, whatever the outcome lexicon knows of it
# ("more A-group patients shifted ...": the people's arm hyphenated before them)
_MORE_PEOPLE_DID = re.compile(r"\b(?:more|fewer|less)\s+(?:of\s+the\s+)?(?:[\w-]+-(?:group|arm|treated)\s+)?(?:women|men|mothers|patients|participants|subjects|"
                              r"children|infants|neonates|people|individuals)\s+(?:in\s+the\s+[\w-]+\s+(?:group|arm)\s+)?"
                              r"(?:\w+ly\s+)?(?:[a-z]{3,}ed|had|did|got|became|needed|required|achieved|underwent|took)\b", re.I)
_RANGE_SAID = re.compile(r"\bmedians?\b[^.;]{0,25}\branges?\b|\bmedians?\s*[(\[]\s*(?:min(?:imum)?\s*[-\u2013]\s*max(?:imum)?|ranges?)\s*[)\]]", re.I)
_IQR_SAID = re.compile(r"\b(?:IQR|interquartile|quartiles?)\b", re.I)
_MEAN_WORD = re.compile(r"\b(?:means?|average)\b", re.I)
_MEDIAN_WORD = MEDIAN_DECLARED      # the word, or the quartiles named as the figures' heading
# where a clause starts: after ';', ':' or a full stop (not "vs.")
_CLAUSE_BREAK = start_guarded(re.compile(r";|:|(?<!\bvs)(?<!\bv)(?<!\bno)(?<!\bFig)\.\s", re.I))


# an arm's level of a quantity (mean, median): what a level "before treatment" is, the arm's baseline
_DESCRIPTIVE = frozenset(code for code, m in MEASURE_TABLE.items() if m.kind == "descriptive")
# a time named by its unit, then its number ("day 1", "week 12", "visit 3", "cycle 2"): the number names the time
# ("over days 1-15": the end of a span of times, as its start)
_TIME_NAMED_BEFORE = re.compile(r"\b(?:day|week|month|year|visit|hour|session|cycle|dose|POD)s?\s*(?:\d+\s*(?:-|\u2013|to)\s*)?$", re.I)


@dataclass
class _Item:
    start: int              # the value's first character (a count's, or the centre's)
    end: int                # the expression's end (its spread or bracket included)
    family: str             # "share" (%, n (%), n/N), "mean", "median", "bare"
    value: float
    text: str
    index: int              # the number token of the value
    percent: bool = False
    events: int | None = None
    total: int | None = None
    share: float | None = None   # the printed percentage of a count
    summary: Summary | None = None
    claims: list = field(default_factory=list)


def _clause_start(seg: str, pos: int) -> int:
    last = -1
    for m in _CLAUSE_BREAK.finditer(seg, 0, pos):
        last = m.start()
    return last + 1


def _items(s: Sentence) -> list[_Item]:
    """Every value of the sentence no earlier rule claimed, as the longest shape the grammar reads at it."""
    seg, nums = s.seg, s.nums
    at: dict[int, _Item] = {}

    def index_at(pos: int) -> int | None:
        found = [i for i, n in enumerate(nums) if n.start == pos]
        return found[0] if found else None

    def keep(item: _Item) -> None:
        old = at.get(item.start)
        if old is None or item.end > old.end:
            at[item.start] = item

    for su in s.parse("mean_pm"):
        i = index_at(su.center_start)
        if i is not None and s.free(i):
            # "18.8 \u00b1 6.9%", "72% \u00b1 8%": a mean or share printed in percent
            after = re.match(r"\s*%", seg[su.end:su.end + 3])
            pct = "%" in seg[su.center_end:su.end] or nums[i].percent or after is not None
            end = su.end + (after.end() if after else 0)
            keep(_Item(su.center_start, end, "mean", su.center, nums[i].text, i, percent=pct, summary=su))
    for su in s.parse("mean_bracket"):
        i = index_at(su.center_start)
        if not su.label and su.kind == "mean" and su.ci is None:
            # "the mean changes (standard error) were -4.1 (0.6) and -3.2 (0.5)": the spread the heading names
            heading = _heading(s, su.start)
            if heading in ("SD", "SE"):
                su = _with_spread(su, heading)
            elif s.state.bracket_spread and not _count_with_its_share(s, su):
                su = _with_spread(su, s.state.bracket_spread)   # the methods said "mean (SD)"
        if i is not None and s.free(i) and su.label:
            keep(_Item(su.center_start, su.end, "mean", su.center, nums[i].text, i, summary=su))
    for su in s.parse("mean_labelled"):
        # "(M = 241.1, SD = 134.5)": the item starts at the centre's name, so the arm before the bracket is next to it
        i = index_at(su.center_start)
        if i is not None and s.free(i):
            keep(_Item(su.start, su.end, "mean", su.center, nums[i].text, i, summary=su))
    for su in s.parse("mean_comma_sd"):
        # "basic: -0.72, SD 1.1 kg/m2, enhanced: -1.0, SD 1.4": a mean with its spread named after a comma
        i = index_at(su.center_start)
        if i is not None and s.free(i) and not any(it.start <= su.center_start < it.end for it in at.values()):
            # (never inside "(M = 412.5, SD = 88.1)", read above from the centre's name)
            keep(_Item(su.center_start, su.end, "mean", su.center, nums[i].text, i, summary=su))
    for name in ("median_spread", "median_comma_spread", "median_iqr_width"):
        for su in s.parse(name):
            i = index_at(su.center_start)
            if i is None or not s.free(i):
                continue
            if su.label != "IQR" and not _MEDIAN_WORD.search(seg, _clause_start(seg, su.center_start), su.center_start):
                # (a centre with its interquartile range is a median however the clause names it: "21 (IQR 14-30) days")
                if name == "median_spread" and su.label in ("", "RANGE") and _MEAN_WORD.search(
                        seg, _clause_start(seg, su.center_start), su.center_start):
                    low, high = (su.q1, su.q3) if su.label == "" else (su.range_low, su.range_high)
                    if low is not None and high is not None and low <= su.center <= high and low < high:
                        # "the mean drainage time was 6 (1-42) days": a mean printed with its range (no SD)
                        ranged = replace(su, kind="mean", q1=None, q3=None, range_low=low, range_high=high, label="RANGE")
                        keep(_Item(su.center_start, su.end, "mean", su.center, nums[i].text, i, summary=ranged))
                continue        # "a (b-c)" is a median only where the clause says so
            keep(_Item(su.center_start, su.end, "median", su.center, nums[i].text, i, summary=su))
    for cp in s.parse("count_percent"):
        i = index_at(cp.count_start)
        if cp.events is None:
            continue
        if i is not None and not s.free(i):
            continue
        pi = index_at(cp.percent_start)
        if pi is None or not s.free(pi):
            continue
        keep(_Item(cp.count_start, cp.end, "share", nums[pi].value / 100, nums[pi].text, pi, events=cp.events,
                   total=cp.of_total, share=nums[pi].value / 100, claims=[x for x in (i, pi) if x is not None]))
    for co in s.parse("count_of"):
        i = index_at(co.start) if co.events is not None else None
        if i is None or not s.free(i) or not co.total or co.events > co.total:
            continue
        ti = [j for j in s.num_at(co.start, co.end) if j != i]
        keep(_Item(co.start, co.end, "share", co.events / co.total, nums[i].text, i, events=co.events, total=co.total,
                   claims=[i] + ti))
    covered = [(x.start, x.end) for x in at.values()]
    for i, n in enumerate(nums):
        if not s.free(i) or n.signed and n.percent or any(a <= n.start < b for a, b in covered):
            continue
        if any(g.start <= n.start < g.end for g in s.groups):
            continue        # "glycine 1.5% solution": a concentration in an arm's name
        if not n.percent and _TIME_NAMED_BEFORE.search(seg, max(0, n.start - 20), n.start) and float(n.value).is_integer():
            continue        # "on day 1, 16.4 versus 25.1 ml": the number of a time, not a value
        if n.percent and any(abs(n.value / 100 - f) <= 0.0006 for f in s.count_fractions):
            continue        # "24 of 101 ... (23.8% ...)": restates a count the sentence gives
        if not n.percent and _PEOPLE_COUNTED_AFTER.match(seg, n.full_end):
            continue        # "2.8 for the 52 children allocated to X": the people an arm has, never its value
        if n.percent and s.threshold_before(n):
            continue        # "weight gain (≥7% body weight) (20.2% vs. 1.9%)": a threshold naming the outcome, no value
        if n.percent:
            # (the value as printed, with its sign: a table's restatement is recognised by it)
            keep(_Item(n.start, n.full_end, "share", n.value / 100, n.text + "%", i, percent=True))
        else:
            keep(_Item(n.start, n.full_end, "bare", n.value, n.text, i))
    return [at[k] for k in sorted(at)]


def _count_with_its_share(s: Sentence, su) -> bool:
    """ "25 (63)", "45 (12.3)" of an arm of 72 or 366: a whole number whose bracket may be its share of an arm (no
    larger than 100, and 100 x count / size for some arm's size, or no size known), not a mean and its spread."""
    spread = su.sd if su.sd is not None else su.se
    if spread is None or spread > 100 or not float(su.center).is_integer() or su.center < 0:
        return False
    sizes = [n for n in s.state.arm_sizes.values() if n]
    return not sizes or any(abs(100 * su.center / n - spread) <= 0.6 for n in sizes)


def _runs(s: Sentence, items: list[_Item]) -> list[tuple[list[_Item], bool]]:
    """Runs of two or three values of one family; True when joined by a comparing word ("vs")."""
    seg = s.seg
    runs: list[tuple[list[_Item], bool]] = []
    current: list[_Item] = []
    comparing = False
    for item in items:
        if 1 <= len(current) <= 2 and all(c.family == "bare" and 0 <= c.value <= 100 for c in current) \
                and item.family == "share" and item.percent and item.events is None \
                and (_COMPARING_GAP.fullmatch(_without_arm_names(s, current[-1].end, item.start))
                     or _LISTING_GAP.fullmatch(s.seg, current[-1].end, item.start)
                     and _CLOSED_AT_ONCE.match(s.seg, item.end) and not re.search(r"[(\[]\s*$", s.seg[:current[0].start])):
            # "(88 vs 59%)", "25.6 and 34.1 % respectively", "65.2, 55.6, and 34.1%, respectively": the percent sign
            # printed once, after the last value (not "45 and 43 patients (49 and 57%, respectively)": the shares of
            # the counts before the bracket)
            current = [_Item(c.start, c.end, "share", c.value / 100, c.text + "%", c.index, percent=True) for c in current]
        if current and current[-1].family == item.family:
            # (an arm named right after the first value is no part of the gap: "(412 m A vs. 455 m B)")
            gap = _without_arm_names(s, current[-1].end, item.start)
            if _COMPARING_GAP.fullmatch(gap) and (comparing or len(current) == 1):
                current.append(item)
                comparing = True
                continue
            if _LISTING_GAP.fullmatch(gap) and not comparing:
                current.append(item)
                continue
        _close_run(runs, current, comparing)
        current, comparing = [item], False
    _close_run(runs, current, comparing)
    return runs


def _without_arm_names(s: Sentence, start: int, end: int) -> str:
    """The text between two values with the arms' names it holds taken out."""
    inside = [g for g in s.groups if start <= g.start and g.end <= end]
    if not inside:
        return s.seg[start:end]
    out, at = [], start
    for g in sorted(inside, key=lambda g: g.start):
        out.append(s.seg[at:g.start])
        at = g.end
    out.append(s.seg[at:end])
    return re.sub(r"[ \t]{2,}", " ", " ".join(out))


def _close_run(runs: list, run: list[_Item], comparing: bool) -> None:
    # bare values joined by "and" are as often a range or two quantities as two arms: read (_read_runs) only with the
    # arms listed for them ("13.8 and 17.5 days for the A and B groups, respectively")
    # four values are read only with an explicit list of four arms (_arms_of): a factorial's or a four-arm trial's
    # "81%, 91%, 94% and 97% for A, B, C and D, respectively"
    if 2 <= len(run) <= 4:
        runs.append((run, comparing))


def _own_arms(s: Sentence, run: list[_Item]) -> list[str] | None:
    """Each value followed by its own arm: "15 (75%) in the B group", "(66% A vs. 71% B)", "96 hrs A vs. 105 hrs B"."""
    names = []
    for k, item in enumerate(run):
        limit = run[k + 1].start if k + 1 < len(run) else min(len(s.seg), item.end + 60)
        named = [g for g in s.groups if item.end <= g.start and g.end <= limit
                 and _OWN_ARM_GAP.fullmatch(s.seg, item.end, g.start)]
        if not named:
            return None
        names.append(_as_study_arm(s, named[0].name))
    return names if len(set(names)) == len(names) else None


def _arms_before_each(s: Sentence, run: list[_Item]) -> list[str] | None:
    """Each value labelled by its arm before it: "(A: 12.3 \u00b1 2.1; B: 14.0 \u00b1 2.5)", "A = 42.9%, B = 41.8%"."""
    names = []
    for k, item in enumerate(run):
        since = run[k - 1].end if k else max(0, item.start - 60)
        named = [g for g in s.groups if since <= g.start and g.end <= item.start
                 and _LABEL_GAP.fullmatch(s.seg, g.end, item.start)]
        if not named:
            return None
        names.append(_as_study_arm(s, named[-1].name))
    return names if len(set(names)) == len(names) else None


# "(A vs B vs C; -0.21 ± 0.40% vs. 2.10 ± 0.52% vs. -1.02 ± 0.61%)": the bracket opens with its arms, then the values
_ARMS_OPEN_THE_BRACKET = re.compile(r"[(\[](?P<names>[^()\[\]\d]{3,100}?)\s*[;:,]\s*$")


def _arms_opening_the_bracket(s: Sentence, run: list[_Item]) -> list[str] | None:
    """The arms a bracket lists (joined by "vs", "and", "or", commas), in order, before the run it holds."""
    m = _ARMS_OPEN_THE_BRACKET.search(s.seg, max(0, run[0].start - 110), run[0].start)
    if m is None:
        return None
    inside = [g for g in s.groups if m.start("names") <= g.start and g.end <= m.end("names")]
    if len(inside) != len(run) or not re.fullmatch(r"\s*(?:the\s+)?", s.seg[m.start("names"):inside[0].start], re.I):
        return None
    if not all(_ARMS_JOINED.fullmatch(s.seg, a.end, b.start) for a, b in zip(inside, inside[1:])):
        return None
    if not re.fullmatch(r"\s*(?:groups?|arms?)?\s*", s.seg[inside[-1].end:m.end("names")], re.I):
        return None
    names = [_as_study_arm(s, g.name) for g in inside]
    return names if len(set(names)) == len(run) else None


def _as_study_arm(s: Sentence, name: str) -> str:
    """The study model's arm a name of the sentence stands for: itself, else the one study arm whose name holds it
    ("using foley catheter" of "outpatient care using foley catheter")."""
    arms = list(getattr(s.state, "study_arms", ()) or ())
    if not arms or name in arms:
        return name
    holding = [a for a in arms if name in a]
    return holding[0] if len(holding) == 1 else name


# "3.03, 3.31 and 3.50 before treatment with A, B and C, respectively": the values' time relative to the arms' treatment
_TIME_OF_TREATMENT = re.compile(r"\s*(?P<when>before|after|following|prior\s+to)\s+(?:the\s+)?(?:start\s+of\s+)?"
                                r"(?:treatment|administration|dosing|inhalation|infusion|injection|therapy)\b", re.I)


def _listed_after(s: Sentence, run: list[_Item]) -> list[str] | None:
    gap = _TO_THE_ARMS.match(s.seg, run[-1].end)
    names = s.arms_listed_after(gap.end(), len(run)) if gap else None
    if names is None and gap and gap.end() > run[-1].end:
        # (the word taken for a unit may be the list's own lead: "4.12, 4.40 and 5.06 in the A, B and C groups")
        names = s.arms_listed_after(run[-1].end, len(run))
    if names is None:
        when = _TIME_OF_TREATMENT.match(s.seg, run[-1].end)
        names = s.arms_listed_after(when.end(), len(run)) if when else None
    return names


def _respectively_list(s: Sentence, count: int) -> list[str] | None:
    """The one list of `count` arms the sentence closes with "respectively" (before or right after the word)."""
    seg = s.seg
    found = None
    for m in _RESPECTIVELY.finditer(seg):
        names = s.arms_listed_after(m.end() + len(re.match(r"\s*,?\s*", seg[m.end():]).group()), count)
        if names is None:
            names = _bracketed_arms_respectively(s, m.start(), count)
        if names is None:
            before = [b for b in _LIST_BEFORE_RESPECTIVELY.finditer(seg, max(0, m.start() - 110), m.end())]
            for b in before:
                names = s.arms_listed_after(b.start(), count)
                if names:
                    break
        if names:
            if found and found != names:
                return None
            found = names
    return found


# between two arms of one list named before the values: "the A and B groups", "the A group and the B group"
_ARMS_LIST_JOIN = re.compile(r"\s*(?:(?:group|arm)s?\b\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|vs\.?\s+|versus\s+|/\s*)"
                             r"(?:the\s+)?", re.I)


def _arms_listed_before(s: Sentence, at: int, count: int) -> list[str] | None:
    """ "In the A and B groups, the median stay was 5 and 7 days, respectively", "The A and B groups had a median
    stay of 5 and 7 days, respectively": the arms of a sentence closed by "respectively" named in one list before its
    values, when that list is every arm the sentence names before them."""
    if _MEDIAN_WORD.search(s.seg, 0, at) and (_CURVE_SHARE.search(s.seg, 0, at) or _TIME_TO_EVENT.search(s.seg, 0, at)):
        return None     # a median survival time per arm: the curves' estimate, read (or left) by rules/arm_data.py
    named = [g for g in s.groups if g.end <= at]
    if len(named) != count or not all(_ARMS_LIST_JOIN.fullmatch(s.seg, a.end, b.start) for a, b in zip(named, named[1:])):
        return None
    names = [_as_study_arm(s, g.name) for g in named]
    return names if len(set(names)) == count else None


# "(A versus B, respectively)", "[A and B, respectively]": the arms' order for the values that follow
_BRACKET_BEFORE_RESPECTIVELY = re.compile(r"[(\[](?P<names>[^()\[\]]{3,100}?)\s*,?\s*$")
_ARMS_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|vs\.?\s+|versus\s+|v/s\s+|/\s*)(?:the\s+)?", re.I)


def _bracketed_arms_respectively(s: Sentence, at: int, count: int) -> list[str] | None:
    """The `count` arms of a bracket that "respectively" (at `at`) closes, joined by "and", "or", "versus" or commas,
    in order; nothing but the arms' names and their joins may stand in it."""
    m = _BRACKET_BEFORE_RESPECTIVELY.search(s.seg, max(0, at - 110), at)
    if m is None or not re.match(r"\s*[)\]]", s.seg[at + len("respectively"):]):
        return None
    inside = [g for g in s.groups if m.start("names") <= g.start and g.end <= m.end("names")]
    if len(inside) != count or not re.fullmatch(r"\s*(?:the\s+)?", s.seg[m.start("names"):inside[0].start], re.I):
        return None
    if not all(_ARMS_JOINED.fullmatch(s.seg, a.end, b.start) for a, b in zip(inside, inside[1:])):
        return None
    if not re.fullmatch(r"\s*(?:groups?|arms?)?\s*", s.seg[inside[-1].end:m.end("names")], re.I):
        return None
    names = [_as_study_arm(s, g.name) for g in inside]
    return names if len(set(names)) == count else None


_BETWEEN_ARMS = re.compile(r"\bbetween\s+(?:the\s+)?(?P<a>[A-Za-z][\w-]*(?:\s+[\w-]+)?)\s+and\s+(?:the\s+)?"
                           r"(?P<b>[A-Za-z][\w-]*(?:\s+[\w-]+)?)\s+(?:groups|arms)\b", re.I)
# what sets the second of two arms named in one clause against the first: "but", "whereas", "while" (not "the A and
# B groups (x vs y)", a list that orders nothing)
_CONTRASTED = re.compile(r"\b(?:but|whereas|while)\b", re.I)
_COMPARING_WORDS = r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|than|versus|vs\.?|relative\s+to|over)\b"


# between the arm a clause opens by comparing with and the arm it is about: "Compared with B, A ...", "Compared with
# B-group patients, more A-group patients ...", "Compared to B, patients in the A group ..."
_ARM_THEN_SUBJECT_ARM = re.compile(r"[\s-]*(?:(?:group|arm)s?\b\s*)?(?:(?:patients|participants|subjects)\s*)?,\s*(?:the\s+)?"
                                   r"(?:(?:more|fewer|less)\s+(?:of\s+the\s+)?)?(?:(?:patients|participants|subjects|those)\s+"
                                   r"(?:in|of|on|receiving|given|treated\s+with)\s+(?:the\s+)?)?", re.I)


def _compared_in_clause(s: Sentence, run: list[_Item], since: int = 0) -> list[str] | None:
    """A clause comparing two arms before the pair orders it: "higher with A than with B (x vs y)"; a clause naming
    one arm of a two-arm study before the pair ("higher in the A group (x vs y)") gives it that arm first."""
    seg = s.seg
    # (the arms named before an earlier run of the sentence are that run's: "A had a shorter stay (x vs y), B were more
    # likely to ... (u vs v)")
    start = max(_clause_start(seg, run[0].start), since)
    named = [g for g in s.groups if start <= g.start and g.end <= run[0].start]
    names = list(dict.fromkeys(_as_study_arm(s, g.name) for g in named))
    if len(names) == 2:
        second = next(g.start for g in named if _as_study_arm(s, g.name) == names[1])
        if re.search(_COMPARING_WORDS, seg[named[0].end:second], re.I):
            return names
        # "Compared with B, A lowered the score (x vs y)": the arm the clause opens by comparing with is the second
        if re.fullmatch(r"\W*(?:when\s+|as\s+)?(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+(?:the\s+)?",
                        seg[start:named[0].start], re.I) and _ARM_THEN_SUBJECT_ARM.fullmatch(seg, named[0].end, second):
            return [names[1], names[0]]
        # "rose in the B group but less in the A group (x vs y)", "fell with A, whereas with B it rose (x vs y)": two
        # arms set against each other by a contrast, then the pair, in the order the clause named them
        if _CONTRASTED.search(seg, named[0].end, second) and all(n in _study_arms(s) for n in names):
            return names        # (arms of the study model only: "in the recurrences group" names a subgroup)
        # "the difference between A and B groups was around two minutes (108 vs. 110 min)"
        if re.search(r"\bbetween\s+(?:the\s+)?$", seg[max(start, named[0].start - 14):named[0].start], re.I) \
                and re.fullmatch(r"\s*(?:groups?\s+|arms?\s+)?and\s+(?:the\s+)?", seg[named[0].end:second], re.I):
            return names
    between = _BETWEEN_ARMS.search(seg, start, run[0].start)
    if between and len(names) < 2:
        # "the difference between A and B groups was ... (108 vs. 110 min)", A or B a name no mention covers
        pair = [_as_study_arm(s, between.group(k).lower()) for k in ("a", "b")]
        arms = list(getattr(s.state, "study_arms", ()) or ()) or list(s.state.two_arms())
        if all(p in arms for p in pair) and pair[0] != pair[1]:
            return pair
    if not names:
        # "Dysgeusia (5.6% vs. 0.3%) and diarrhea (3.1% vs. 1.6%) occurred more often with A than with B": the
        # comparison the clause states after its pairs
        end, depth = len(seg), 0
        for k in range(run[-1].end, len(seg)):
            ch = seg[k]
            depth += ch in "([" 
            depth -= ch in ")]"
            if ch == ";" and depth <= 0:
                end = k
                break
        after = [g for g in s.groups if run[-1].end <= g.start and g.end <= end]
        later = list(dict.fromkeys(_as_study_arm(s, g.name) for g in after))
        if len(later) == 2 and re.search(_COMPARING_WORDS, seg[after[0].end:next(
                g.start for g in after if _as_study_arm(s, g.name) == later[1])], re.I):
            return later
    two = s.state.two_arms() or _study_arms(s)
    if len(names) == 1 and _TIMES_SET_AGAINST.search(seg, start, min(len(seg), run[-1].end + 60)):
        return None     # "in the A group, higher at 6 hours than at 24 hours (x vs y)": one arm's values at two times
    if len(names) == 1 and len(two) == 2 and names[0] in two and not any(
            _as_study_arm(s, g.name) not in names for g in s.groups if since <= g.start < run[-1].end):
        # "higher than with B (x vs y)", "compared with B (x vs y)": the one arm named is the comparator, the pair's second
        last = named[-1]
        if re.search(_COMPARING_WORDS + r"\s*(?:(?:in|with|for|among|on)\s+)?(?:the\s+)?$", seg[max(start, last.start - 40):last.start], re.I) \
                and _BRACKET_AFTER_ARM.fullmatch(seg, last.end, run[0].start):
            return [next(a for a in two if a != names[0]), names[0]]
        # "more frequent with A (x vs y)": the arm whose name the pair's bracket follows is the pair's first
        if _BRACKET_AFTER_ARM.fullmatch(seg, last.end, run[0].start):
            return [names[0], next(a for a in two if a != names[0])]
    if len(names) == 1 and len(two) == 2 and names[0] in two and len(named) == 1 and _COMPARED_WITH_OPENS.fullmatch(
            seg, start, named[0].start) and not any(_as_study_arm(s, g.name) not in names for g in s.groups
                                                    if since <= g.start < run[-1].end):
        # "Compared with B, more women had X (x vs y)": the arm the clause opens by comparing with is the second
        return [next(a for a in two if a != names[0]), names[0]]
    if len(names) == 1 and len(two) == 2 and names[0] in two and not any(
            _as_study_arm(s, g.name) not in names for g in s.groups if since <= g.start < run[-1].end) \
            and any(_ARM_AS_SUBJECT_BEFORE.search(seg[max(start, g.start - 40):g.start]) or g.start == start
                    or _GROUP_WORD_AFTER.match(seg, g.end) for g in named):
        return [names[0], next(a for a in two if a != names[0])]
    return None


# two times set against each other ("at 6 hours than at 24 hours", "at baseline and 12 weeks", "(x vs y) at baseline
# and after treatment"): a pair of one arm's values at those times
_A_TIME = (r"(?:(?:day|week|month|year|visit|hour|cycle)s?\s+\d+|\d+\s*(?:h|hrs?|hours?|days?|weeks?|wks?|months?|"
           r"years?|min(?:utes)?)|baseline|discharge|entry|the\s+end\s+of\s+(?:the\s+)?(?:study|treatment|trial)|"
           r"treatment|surgery|randomi[sz]ation)\b")
# ("4.1 at baseline and 2.2 at 24 hours": the second time's value between)
_TIMES_SET_AGAINST = re.compile(r"\b(?:at|after|on|by|before|from)\s+(?:the\s+)?" + _A_TIME + r"[^.;()]{0,30}?\b(?:than|vs\.?|versus|"
                                r"compared\s+(?:with|to)|and|to)\s+(?:[-+\u2212]?\d[\d.,]*\s*(?:[A-Za-z%/]{1,8}\s+)?)?"
                                r"(?:at\s+|after\s+|on\s+|by\s+|before\s+)?(?:the\s+)?" + _A_TIME, re.I)
# (or with the time of the pair between: "than controls at 3 months (15.1 vs. 12.4)")
_BRACKET_AFTER_ARM = re.compile(r"\s*(?:(?:group|arm)s?\s*)?(?:,?\s*(?:at|after|on|by|in|during)\s+(?:the\s+)?" + _A_TIME
                                + r"\s*,?\s*)?[(\[]\s*", re.I)
# between an arm's name and the bracket of the pair right after it: "with A (", "in the A group ["
_BRACKET_OPENS = re.compile(r"\s*(?:(?:group|arm)s?\s*)?[(\[]\s*", re.I)
# the one arm a clause is about: its subject ("OPC group had ...", ", IP were ..."), or a group it speaks of ("in the
# A group"); never an arm named in passing ("discontinuation of the drugs or placebo", "than expected with A")
_COMPARED_WITH_OPENS = re.compile(r"\W*(?:when\s+|as\s+)?(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|"
                                  r"versus|vs\.?)\s+(?:the\s+)?", re.I)
# ("With A, more women delivered ... (x vs y)": the arm the clause opens with, after its preposition)
_ARM_AS_SUBJECT_BEFORE = re.compile(r"(?:^|[,;:(]\s*|^\s*(?:the\s+)?|^\s*(?:with|in|for|among|under|on)\s+(?:the\s+)?)$", re.I)
# ("A greater proportion of A-treated patients reported X (x vs y)")
_GROUP_WORD_AFTER = re.compile(r"[\s-]*(?:(?:treated|allocated)\s+)?(?:group|arm|patients|participants)\b", re.I)


def _one_arm_then_bracket(s: Sentence, run: list[_Item]) -> list[str] | None:
    """ "lower with A (median 0.21 and 0.47, respectively)": in a two-arm study, the one arm the clause names right
    before the run's bracket first, the other arm second."""
    two = s.state.two_arms()
    start = _clause_start(s.seg, run[0].start)
    named = [g for g in s.groups if start <= g.start and g.end <= run[0].start]
    if len(two) != 2 or len(named) != 1 or _as_study_arm(s, named[0].name) not in two:
        return None
    if not re.fullmatch(r"\s*(?:(?:group|arm)s?\s*)?[(\[]\s*(?:(?:the\s+)?(?:median|mean)s?\s*[:=,]?\s*)?", s.seg[named[0].end:run[0].start], re.I):
        return None
    first = _as_study_arm(s, named[0].name)
    return [first, next(a for a in two if a != first)]


def _study_arms(s: Sentence) -> list[str]:
    arms = list(getattr(s.state, "study_arms", ()) or ())
    if len(arms) >= 2:
        return arms
    return list(s.state.two_arms())


def _document_order(s: Sentence, run: list[_Item]) -> list[str] | None:
    """A sentence naming no arm and no other contrast: the study's arms in the document's order."""
    if s.groups or _OTHER_CONTRAST.search(s.seg) or _SUBGROUP.search(s.seg):
        return None
    arms = _study_arms(s)
    return arms if len(arms) == len(run) else None


# "The causes of X in the A and B groups were Y (45.1% and 43.8%), Z (18.3% and 19.2%)": the arms listed as the
# clause's subject before the verb, heading every bracketed run of as many values after it
_ARMS_HEADING = re.compile(r"\b(?:in|of|for|among)\s+(?:the\s+)?(?:groups?\s+)?(?P<names>[^.;:()\d]{2,80}?)\s*(?:groups?|arms?)?"
                           r"\s*(?:were|was|are|is|included|:)\s", re.I)
_BRACKET_OPENED = re.compile(r"[(\[]\s*$")


def _arms_heading_the_runs(s: Sentence, run: list[_Item]) -> list[str] | None:
    heading = None
    for m in _ARMS_HEADING.finditer(s.seg, 0, run[0].start):
        heading = m
    if heading is None or not _BRACKET_OPENED.search(s.seg, max(0, run[0].start - 3), run[0].start):
        return None         # (only runs printed in their own bracket: "Y (45.1% and 43.8%)")
    names = list(dict.fromkeys(g.name for g in s.groups
                               if heading.start("names") <= g.start and g.end <= heading.end("names")))
    if len(names) != len(run) or not re.search(r"\band\b|,", heading.group("names")):
        return None
    return names


def _arms_of(s: Sentence, run: list[_Item], comparing: bool, respectively: list[str] | None,
             since: int = 0) -> list[str] | None:
    names = _own_arms(s, run) or _arms_before_each(s, run) or _listed_after(s, run) or _arms_opening_the_bracket(s, run)
    if names is None and respectively and len(respectively) == len(run):
        names = respectively
    if len(run) > 3:
        names = [_as_study_arm(s, n) for n in names] if names else names
        return names if names and len(set(names)) == len(run) else None
    if names is None:
        names = _arms_heading_the_runs(s, run)
    if names is None and comparing and len(run) == 2 and not _SUBGROUP.search(s.seg, 0, run[0].start):
        names = _compared_in_clause(s, run, since)
    if names is None and (comparing or _RESPECTIVELY.search(s.seg, run[-1].end, run[-1].end + 80)
                          or re.match(_TO_THE_ARMS.pattern + r"\s*(?:in|for|between)\s+(?:the\s+|both\s+)?(?:two|both|respective)?\s*groups\b",
                                      s.seg[run[-1].end:], re.I)):
        names = _document_order(s, run)
    names = [_as_study_arm(s, n) for n in names] if names else names
    return names if names and len(set(names)) == len(run) else None


def _quantity_words(s: Sentence, item: _Item) -> str:
    """The words of the clause before the run (what the values are of)."""
    return s.seg[_clause_start(s.seg, item.start):item.start]


def _last(pattern: re.Pattern, text: str) -> int:
    """Where the last match of `pattern` in `text` starts (-1 when none): the word nearest the values wins."""
    last = -1
    for m in pattern.finditer(text):
        last = m.start()
    return last


# a percentage right after the change it measures ("a better improvement (76.2% versus 64.1%)") or after "mean" with
# no share of patients named between ("a similar mean encirclement (64% vs 60%)")
_CHANGE_RIGHT_BEFORE = re.compile(r"\b(?:improvements?|reductions?|decreases?|increases?|changes?|gains?|losses?|declines?)"
                                  r"(?:\s+(?:in|of)\s+(?:the\s+)?(?!(?:[\w-]+\s+){0,3}?(?:groups?|arms?|patients)\b)[\w-]+(?:\s+[\w-]+){0,3}?)?"
                                  r"\s*(?:(?:was|were|of|by)\s*)?[(\[]?\s*$", re.I)
_PERCENT_CHANGE = re.compile(r"\bpercent(?:age)?\s+(?:reductions?|changes?|decreases?|increases?|improvements?|gains?|losses?)\b", re.I)
_COMPARATIVE_BEFORE = re.compile(r"\b(?:better|greater|larger|smaller|bigger|more|less|higher|lower|mean|average|significantly)\s+$", re.I)
_PEOPLE_COUNTED = re.compile(r"\b(?:proportions?|percentages?|numbers?|rates?|shares?)\s+of\s+(?:the\s+)?(?:patients|participants|subjects|"
                             r"women|men|children)\b|\bas\s+many\b|\b(?:patients|participants|subjects)\s+(?:[\w-]+\s+){0,6}?"
                             r"(?:had|reported|achieved|experienced|reached)\b", re.I)
_MEAN_BEFORE = re.compile(r"\b(?:mean|average)\b(?P<between>[^.;()\[\]]{0,60})[(\[]?\s*$", re.I)


_EARLIER_ITEMS = re.compile(r"(?:(?<![\w.])[-+]?\d+(?:\.\d+)?\s*%\s*,?\s*(?:vs\.?|versus|v/s|v\.?|compared\s+(?:with|to)|and|or|,|;)\s*)+$", re.I)


def of_other_groups(seg: str, pos: int) -> bool:
    """A value at `pos` of a subgroup, another analysis population or another study ("among those receiving X (29% vs.
    41%)", "in the per-protocol analysis (13% vs. 24%)"), not of the randomized arms."""
    clause = seg[_clause_start(seg, pos):pos]
    return bool(_SUBGROUP.search(clause) or _OTHER_ANALYSIS.search(clause) or _ELSEWHERE.search(seg))


# "the percentage of symptom-free days was greater (58.8% vs 52.1%)": each patient's share of days (or of the time), the
# arm's mean of it, no share of the arm's patients
_PERCENT_OF_TIME = re.compile(r"\bpercent(?:age)?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:days|nights|time)\b", re.I)


def percent_of_a_mean(seg: str, pos: int) -> bool:
    """A percentage at `pos` printed right after the change it measures, or after "mean" with no share of patients
    named between: an arm's mean in percent, not a share of patients."""
    earlier = _EARLIER_ITEMS.search(seg, max(0, pos - 80), pos)
    pos = earlier.start() if earlier else pos       # the run's first value: "(58.4% versus 41.3%)" is read from "("
    about = seg[_clause_start(seg, pos):pos]
    if _PERCENT_CHANGE.search(about):
        return True         # "the percentage reduction of the score was 48%, 13% and 10%"
    if _PERCENT_OF_TIME.search(about):
        return True
    change = _CHANGE_RIGHT_BEFORE.search(about)
    if change:
        # "a higher proportion of patients had a clinically significant improvement (71% vs. 42%)": patients counted
        # for an event; "showed a greater improvement (76% vs 64%)": an amount
        return bool(_COMPARATIVE_BEFORE.search(about, 0, change.start())) or not _PEOPLE_COUNTED.search(about)
    mean = _MEAN_BEFORE.search(about)
    return bool(mean) and not _SHARE_WORD.search(mean.group("between"))


# a share a model or a curve estimates ("the adjusted risk of X was 11% vs 29%"): no arm's printed count
_MODELLED = re.compile(r"\b(?:(?:un)?adjusted|risks?|odds|hazards?|predicted|projected|model\w*)\b", re.I)


def _estimate(s: Sentence, item: _Item, arm: str, about: str, curve_ok: bool = False, lead: int = 0,
              comparing: bool = True, unit: bool = False, level: bool = False, change: bool = False) -> Estimate | None:
    """The arm's row for one value of a run; `about` is the clause before the run, `lead` where the run (or the list
    of runs it continues) starts; `change` when a verb of change governs the values ("fell by 6.2% with A and 2.9%
    with B": each arm's change in percent, as printed)."""
    if names_change_index(s.seg[:item.start]):
        return None         # "The RCI results were ... (A: 1.97; B: 2.40)": each arm's test statistic, no datum
    size = s.state.arm_sizes.get(arm)
    if item.family == "share":
        if item.percent and (change or percent_of_a_mean(s.seg, lead)):
            if not comparing and not _MEAN_WORD.search(about):
                return None     # a list of percentages of a change not called means nor set against each other
            est = Estimate("MEAN", item.value * 100, item.text.rstrip("%"), item.start, item.end, kind="mean", arm_hint=arm, total=size)
            return est
        est = Estimate("PROPORTION", item.value, item.text, item.start, item.end, arm_hint=arm, percent=item.percent)
        if item.events is not None:
            est.events, est.total, est.kind = item.events, item.total, "n-percent"
            if est.total is None and size and item.events <= size and abs(item.events / size - item.value) <= 0.01:
                est.total = size
            if est.total is not None:
                est.value = item.events / est.total
            elif size is None:
                est.events = None       # a count without its denominator: the printed share alone
                est.kind = "arm-share"
            else:
                return None             # a share of fewer patients than the arm, the denominator unknown
        elif _CURVE_SHARE.search(about) or _CURVE_AFTER.match(s.seg, item.end):
            if not curve_ok:
                return None     # a curve's landmark printed alone: its own sentence says too little of it
            est.kind = "arm-share"
        elif size:
            est.events, est.total, est.kind = round(size * item.value), size, "arm-percent"
        elif comparing and len(_study_arms(s)) == 2 and arm in _study_arms(s) and not s.state.arm_sizes \
                and not _MODELLED.search(about):
            # "chemical pregnancy rate (51% vs. 50.5%)" in an abstract of a two-arm trial that gives no arm's size:
            # each arm's printed share, without a count (with three arms and no sizes the order is too often unsure)
            est.kind = "arm-share"
        else:
            return None         # a share of an arm of unknown size: no count, and too often no arm datum at all
        return est
    if _NOT_ARM_DATA.search(about[about.rfind(",") + 1:]):     # (the words nearest the values, after a comma)
        return None         # a follow-up, a dose, a number of sessions: how the trial ran, no arm's outcome
    if item.family == "mean":
        su = item.summary
        if item.percent and _CURVE_SHARE.search(about):
            # "the 5-year cumulative incidence of X were 18.8 ± 6.9% and 9.9 ± 6.3%": each arm's estimate, its SE
            return Estimate("PROPORTION", item.value / 100, item.text, item.start, item.end, arm_hint=arm,
                            kind="arm-share", percent=True)
        est = Estimate("MEAN", item.value, item.text, item.start, item.end, kind="mean", arm_hint=arm, total=size)
        if _FALL_OF.search(about) and est.value > 0:
            est.value = -est.value      # "decreased by 61.2 ± 21.0%, ...": each arm's change, a fall signed negative
        sd, se = su.sd, su.se
        if su.label == "" and su.sd is not None and s.state.plus_minus == "SE":
            sd, se = None, su.sd
        est.sd, est.se = sd, se
        est.range_low, est.range_high = su.range_low, su.range_high
        if se is not None and size:
            est.sd = round(se * math.sqrt(size), 10)
            est.flags.append("sd_from_se")
        return est
    if item.family == "median":
        su = item.summary
        est = Estimate("MEDIAN", item.value, item.text, item.start, item.end, kind="median", arm_hint=arm, total=size)
        est.q1, est.q3, est.range_low, est.range_high = su.q1, su.q3, su.range_low, su.range_high
        if su.label == "" and su.q1 is not None and _RANGE_SAID.search(about) and not _IQR_SAID.search(about):
            # "the median and range of X were 21.2 (10.4-30.2) and 45.9 (14.5-81.1)": the brackets are ranges
            est.q1, est.q3, est.range_low, est.range_high = None, None, su.q1, su.q3
        if su.label == "IQR width":
            est.flags.append("iqr_width_only")
        return est
    # a bare value: a median where the clause says so; a mean where it says so, or where the pair carries a unit of
    # measurement ("(21.3 vs. 32.4 hrs)", "(4257 mIU/mL vs. 5768 mIU/mL)") and is no time to an event
    near = _without_list_commas(s, about)
    near = near[near.rfind(",") + 1:]       # ("At median follow-up, ... following 26 vs. 38 procedures": not a median)
    if _MEDIAN_WORD.search(near) or (_MEDIAN_RIGHT_BEFORE.search(about) and not _NOT_ARM_DATA.search(about)):
        est = Estimate("MEDIAN", item.value, item.text, item.start, item.end, kind="median", arm_hint=arm, total=size)
    elif _MEAN_WORD.search(near) or ((unit or level) and comparing and not _TIME_TO_EVENT.search(about)):
        est = Estimate("MEAN", item.value, item.text, item.start, item.end, kind="mean", arm_hint=arm, total=size)
        if _FALL_OF.search(about) and est.value > 0:
            est.value = -est.value
    else:
        return None
    if _BASELINE_HINT.search(_CHANGE_FROM_BASELINE.sub(" ", about)):
        est.role = "baseline"       # (not "Change from baseline was -0.5 and -0.3 for A and B": each arm's change)
    return est


_CHANGE_FROM_BASELINE = re.compile(r"\b(?:changes?|reductions?|decreases?|increases?|improvements?)\s+from\s+baseline\b", re.I)


# a share of cells, not of an arm's people: "the number and percentage of TT-specific CD4+ T cells"
_SHARE_OF_CELLS = re.compile(r"\b(?:percentages?|proportions?|frequenc(?:y|ies))\s+of\s+[^.;()]{0,40}?\bcells\b", re.I)
# "(median, 3 vs. 5 days)": the word right before the run, its comma no clause's end
_MEDIAN_RIGHT_BEFORE = re.compile(r"\bmedians?\s*[:,=]?\s*[(\[]?\s*$", re.I)


def _without_list_commas(s: Sentence, text: str) -> str:
    """The text with the commas of a list of the sentence's arms taken out ("The median scores in the A, B and C groups
    were"), so that the words nearest the values reach past the list."""
    names = sorted({s.seg[g.start:g.end] for g in s.groups}, key=len, reverse=True)
    if not names or "," not in text:
        return text
    return re.sub(r",(?=\s*(?:and\s+|or\s+)?(?:the\s+)?(?:" + "|".join(re.escape(n) for n in names) + r")\b)", " ", text)


def aligned_values(s: Sentence) -> None:
    """Two or three values aligned with the study's arms (see the module's docstring)."""
    seg = s.seg
    # (cheap tests first: most sentences hold fewer than two numbers no rule has explained; one such number beside a
    # value another rule read with its arm may be the other arm's)
    free = sum(1 for i in range(len(s.nums)) if i not in s.claimed)
    if len(s.nums) < 2 or "|" in seg or (free < 2 and len(s.estimates) < 2 and not (free == 1 and s.estimates)):
        return
    if not _aligns(s) or _ELSEWHERE.search(seg):
        return
    _read_runs(s)
    shares_beside_their_arms(s)
    second_beside_its_arm(s)
    arms_of_unarmed_values(s)


def aligned_shares(s: Sentence) -> None:
    """The shares of patients among the aligned values, read before the rules of single percentages (rules/
    proportions.arm_percentages) so that a pair's own clause orders its arms."""
    seg = s.seg
    if "%" not in seg or "|" in seg or len(s.nums) < 2 or not _aligns(s) or _ELSEWHERE.search(seg):
        return
    _read_runs(s, families=("share",))
    shares_beside_their_arms(s)


def _read_runs(s: Sentence, families: tuple = ("share", "mean", "median", "bare")) -> None:
    seg = s.seg
    items = _items(s)
    if len(items) < 2:
        return
    runs = _runs(s, items)
    if not any(run[0].family in families for run, _ in runs):
        return
    respectively = None
    if _RESPECTIVELY.search(seg):
        lengths = {len(run) for run, _ in runs}
        count = lengths.pop() if len(lengths) == 1 else None
        respectively = _respectively_list(s, count) if count else None
        if respectively is None and count:
            respectively = _arms_listed_before(s, runs[0][0][0].start, count)
    previous_end, previous_lead = 0, None
    since, previous_names = 0, None
    shares_read = False
    for run, comparing in runs:
        # "(76.2% versus 64.1%, p=0.001, 81.3% versus 69.3%, p=0.001, respectively)": a run continuing the previous
        # one after its p-value is about the same words and the same arms
        continues = previous_lead is not None and _CONTINUING.fullmatch(seg, previous_end, run[0].start)
        listed_bare = run[0].family == "bare" and not comparing
        if listed_bare:
            # "(A, 12.1 mg; B, 20.4 mg)", "A: 3.1, B: 4.4": each value labelled by its own arm's name and a colon,
            # comma or equals sign (a bare list aligned by its labels, as a "respectively" aligns it)
            names = _arms_before_each(s, run)
            if names is not None and not all(re.search(r"[:=,]\s*$", seg[max(0, it.start - 3):it.start]) for it in run):
                names = None
            if names is None and _RESPECTIVELY.search(seg, run[-1].end, run[-1].end + 80):
                names = _listed_after(s, run) or (respectively if respectively and len(respectively) == len(run) else None)
                clause = seg[_clause_start(seg, run[0].start):run[0].start]
                if names is None and (_MEAN_WORD.search(clause) or _MEDIAN_WORD.search(clause)) \
                        and _CLOSED_AT_ONCE.match(seg, run[-1].end) and not re.search(r"\b(?:and|or)\b|,", clause):
                    # "The median stays were 5 and 7 days, respectively": a sentence naming no arm, the document's order
                    # (not "... 5 and 7 days at 6 and 12 months, respectively", nor "the median stay and time to X
                    # were 5 and 7 days, respectively": lists of times and quantities)
                    names = _document_order(s, run)
                    if names is None and len(run) == 2:
                        names = _one_arm_then_bracket(s, run)
            if names is None and all("." in it.text for it in run) and _ARMS_RIGHT_AFTER.match(seg, run[-1].end) \
                    and re.fullmatch(r"\s+and\s+", seg[run[-2].end:run[-1].start]) \
                    and not re.search(r"[:=]\s*$", seg[:run[0].start]):
                # "Change from baseline was -0.53 and -0.28 for A and B (P<.001)": decimals listed with "and" and the
                # arms listed at once after them, as many as the values, need no "respectively" (not a named
                # statistic's list, "sk = 0.47, -1.40, -0.55 for the A, B and C groups")
                names = _listed_after(s, run)
            if names is not None and not _listed_after(s, run) and any(
                    re.search(r"[/\u00b1]\s*$", seg[max(0, it.start - 2):it.start]) or re.match(r"\s*[/\u00b1]", seg[it.end:])
                    for it in run):
                names = None    # ("43/9\u00b14/9 and 45/1\u00b13/8": pieces of numbers printed with slashes, no values)
            if names is None or len(set(names)) != len(run):
                previous_lead = None
                continue
            names = [_as_study_arm(s, n) for n in names]
        else:
            names = _arms_of(s, run, comparing, respectively, since)
        inherited = False
        if continues and previous_names and len(previous_names) == len(run) and (names is None or not _own_arms(s, run)):
            names = previous_names
        elif names is None and comparing and previous_names and len(previous_names) == len(run) \
                and not any(since <= g.start < run[-1].end for g in s.groups):
            # "Walking distance (412 m A vs. 455 m B) and the time in hospital (14.2 vs. 19.8 hrs)": a later pair of
            # the sentence naming no arm follows the order its earlier pair named
            names, inherited = previous_names, True
        closing = re.compile(r"[^()\[\]]{0,60}?[)\]]").match(seg, run[-1].end)
        since = closing.end() if closing else run[-1].end     # the arms named in a run's bracket are its own
        if not names:
            previous_lead = None
            continue
        previous_names = names
        lead = previous_lead if continues else run[0].start
        previous_lead = lead
        if run[0].family not in families:
            previous_end = run[-1].end      # (read later, by the full pass; its arms still order the runs after it)
            continue
        about = seg[_clause_start(seg, lead):lead]
        if run[0].family == "median" and survival_estimate(seg):
            continue        # Kaplan-Meier medians beside their ratio or interval: the survival analysis's, no arm data
        # "X fell by 69% with A and 70% with B": each arm's change in percent, no share of its patients
        change = run[0].family == "share" and bool(_CHANGED_BY_BEFORE.search(seg, _clause_start(seg, lead), lead))
        if run[0].family == "share" and not change and not percent_of_a_mean(seg, lead) and not s.has_outcome() \
                and not (comparing and (_RATE_OF.search(about) or _NAMED_RATE.search(about)
                                        or _MORE_PEOPLE_DID.search(about))) \
                and not _OCCURRED_IN.search(seg, 0, lead) and not _labelled_bracket_after_its_label(s, run) \
                and not (inherited and shares_read):
            # (a later pair of shares taking an earlier pair's arms is of the people that pair counted: "more A-group
            # patients shifted to X (25.0% vs. 0.0%) and had Y (20.2% vs. 1.9%)")
            # shares of patients need an outcome the sentence names ("adherence was high (91% vs 93%)"), or a rate of
            # something set arm against arm ("the rate of X recurrence was lower in A (6.8%) than in B (14.7%)")
            continue
        if _OTHER_ANALYSIS.search(seg, max(previous_end, _clause_start(seg, run[0].start)), run[0].start):
            continue
        if run[0].family == "share" and _SHARE_OF_CELLS.search(seg, _clause_start(seg, lead), lead):
            continue        # "a higher percentage of CD4+ T cells in infants of A-treated mothers (50.7 vs. 35.6%)": no people
        shares_read = shares_read or run[0].family == "share"
        previous_end = run[-1].end
        # a curve's values (a cumulative incidence, a survival) are read printed with their own spread or right before
        # the hazard ratio comparing the curves
        curve_ok = run[0].family == "mean" or bool(_RATIO_FOLLOWS.match(seg, run[-1].end))
        unit = any(_MEASURED_UNIT.match(seg, item.end) for item in run)
        # (values in a unit listed with their arms, "13.8 and 17.5 days for the A and B groups, respectively", are
        # set against each other as a "vs" pair is)
        # (decimals listed with their arms and "respectively" are each arm's level: "the score was 3.03, 3.31 and 3.50
        # with A, B and C, respectively"; whole numbers may be counts)
        # (not decimals merely set against each other, "(15.1 vs. 12.4, p < 0.001)" with no unit nor "mean": tried in
        # session 14, it read 28 more arm means on one validation batch and 14 false ones on another; nor such a pair
        # with a signed value in a sentence about a change, "greater improvement in X (-14.9 vs. -10.7; p = .01)":
        # tried in session 20, 10 more means on a tuning batch and 12 false ones on validation heldout23)
        level = listed_bare and all("." in item.text for item in run)
        found = [_estimate(s, item, arm, about, curve_ok, lead, comparing or listed_bare or change, unit, level, change)
                 for item, arm in zip(run, names)]
        if any(e is None for e in found):
            continue
        when = _TIME_OF_TREATMENT.match(seg, run[-1].end)
        for item, est in zip(run, found):
            if when and when.group("when").lower() in ("before", "prior to") and est.measure in _DESCRIPTIVE:
                est.role = "baseline"       # each arm's level before its treatment
            est.tail_end = item.end
            s.claimed.add(item.index)
            s.claimed.update(item.claims)
            s.claim_span(item.start, item.end)
            s.estimates.append(est)


# what sets two values each printed beside its own arm against each other: "In the A group 45% ... versus 62% in the
# B group", "the rate in the A group (16.2%) was lower (P = 0.02) than in the B group (32.4%)", "12.1 ± 2.0 with A,
# whereas 14.3 ± 2.2 with B"
_SET_APART = start_guarded(re.compile(r"\b(?:vs\.?|versus|v/s|than|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|as\s+opposed\s+to|"
                        r"whereas|while|against|relative\s+to|contrasting\s+with)\b", re.I))
# between an arm's name and its value right after it: "in the A group (16.2%)", "In the A group 45% of the patients",
# "A arm: 12.1", "the A group was 12.1", "with A [14%"
_ARM_THEN_VALUE = re.compile(r"\s*(?:(?:group|arm)s?\b\s*)?(?:[(\[]\s*|[:=,]\s*|(?:was|were|had|of)\s+)?", re.I)
# what may not stand between the two values: another clause's end, a list of more values
_PAIR_BREAK = re.compile(r";|(?<!\bvs)(?<!\bv)\.\s", re.I)


# what the patients counted did or had: "45% of the women needed analgesia", "received four or more visits"
_EVENT_VERB = re.compile(r"\b(?:needed|required|received|underwent|had|developed|experienced|achieved|reached|attained|"
                         r"reported|suffered|died|relapsed|recovered|responded|became|remained)\b", re.I)
# who the patients were, not what happened to them: a baseline trait
_TRAIT = re.compile(r"\b(?:male|female|men|women\s+were|boys|girls|aged|older|younger|smokers?|white|black|married|"
                    r"educat\w+|employed|diabetic|hypertensive|previously|prior|history)\b|\bhad\s+been\b|" + _BASELINE_HINT.pattern, re.I)


# a change by an amount right before the values: "fell by", "was reduced by", "increased significantly by"
_CHANGED_BY_BEFORE = re.compile(r"\b(?:fell|falls?|dropped|declined|decreased|reduced|increased|rose|improved|worsened|"
                                r"changed|lowered)\b[^.;]{0,40}?\bby\s*$", re.I)
_INTERVAL_NEXT = re.compile(r"\s*[,;(\[]?\s*(?:\d{2}\s*%\s*)?(?:CI|CrI|confidence|credible)\b", re.I)


def _arm_just_before(s: Sentence, item: _Item, since: int) -> str:
    named = [g for g in s.groups if since <= g.start and g.end <= item.start
             and _ARM_THEN_VALUE.fullmatch(s.seg, g.end, item.start)]
    return _as_study_arm(s, named[-1].name) if named else ""


def _arm_just_after(s: Sentence, item: _Item, until: int) -> str:
    named = [g for g in s.groups if item.end <= g.start and g.end <= until
             and _OWN_ARM_GAP.fullmatch(s.seg, item.end, g.start)]
    return _as_study_arm(s, named[0].name) if named else ""


# between a share followed by its own arm and the next share: the arm's lead and group word, then "and" or a comma
_JOINED_AFTER_OWN_ARM = re.compile(r"\s*[)\]]?\s*(?:patients\s+|participants\s+)?(?:of|in|among|with|for)\s+(?:the\s+)?"
                                   # (the arm's name taken out; then its group word or the people it counts: "of the
                                   # A participants and", "of A patients and")
                                   r"(?:(?:group|arm)s?\b|" + COUNTED_PEOPLE + r"\b)?\s*(?:[)\]]\s*)?(?:,\s*(?:and\s+)?|and\s+|;\s*)", re.I)
# between a share in a bracket after its own arm and the next arm's: "the A (77%) and B (72%) groups" (names taken out)
_JOINED_BEFORE_OWN_ARM = re.compile(r"\s*[)\]]\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?[(\[]\s*", re.I)


def shares_beside_their_arms(s: Sentence) -> None:
    """Two shares of patients, each printed right beside its own arm, that the sentence sets against each other with
    words between them ("In the A group 45% of the women needed X versus 62% in the B group"; "the rate in the A group
    (16.2%) was lower (P = 0.02) than in the B group (32.4%)"). Each value takes the arm beside it in the same place for
    both (before both, after both, or mirrored: the first before, the second after); the two arms must be two of the
    study's arms. (Means and medians beside their arms, joined by any words, are rules/arm_blocks.py's.)"""
    seg = s.seg
    if len(s.groups) < 2 or not (_SET_APART.search(seg) or re.search(r"\band\b", seg)) or of_other_groups(seg, len(seg)):
        return
    items = [it for it in _items(s) if it.family == "share"]
    arms = set(_study_arms(s)) | set(s.state.arm_sizes)
    for a, b in zip(items, items[1:]):
        if not s.free(a.index) or not s.free(b.index):
            continue
        if any(s.ci_after(it.end) is not None or _INTERVAL_NEXT.match(seg, it.end) for it in (a, b)):
            continue        # "(8.9%, 95% CI 6.0-13.1%)": an estimate of a curve or a model, not a count of the arm
        between = seg[a.end:b.start]
        if _PAIR_BREAK.search(between) or len(between) > 160:
            continue
        start = _clause_start(seg, a.start)
        # "X fell by 6.9% with A and 7.0% with B": each arm's change in percent, no share of its patients
        change = bool(_CHANGED_BY_BEFORE.search(seg, start, a.start)) and a.percent and b.percent
        pairs = ((_arm_just_before(s, a, start), _arm_just_before(s, b, a.end)),
                 (_arm_just_after(s, a, b.start), _arm_just_after(s, b, len(seg))),
                 (_arm_just_before(s, a, start), _arm_just_after(s, b, len(seg))))
        if not _SET_APART.search(between):
            # "27.5% of the A group and 44.7% of the B group", "17% of the A and 41% of the B group": each share
            # followed by its own arm, joined by "and"; "the A (77%) and B (72%) groups": each in a bracket after its
            # own arm (else words must set the two apart)
            joined = _without_arm_names(s, a.end, b.start)
            if all(pairs[1]) and _JOINED_AFTER_OWN_ARM.fullmatch(joined):
                pairs = (pairs[1],)
            elif all(pairs[0]) and _JOINED_BEFORE_OWN_ARM.fullmatch(joined) \
                    and all(s.state.arm_sizes.get(n) for n in pairs[0]):
                pairs = (pairs[0],)     # (with the arms' sizes only: a share of an arm of unknown size is no count)
            else:
                continue
        names = next((p for p in pairs if all(p) and p[0] != p[1]), None)
        if names is None or not all(n in arms for n in names):
            continue
        # (an arm named between the two values other than the second value's own: a third party to the comparison)
        if any(_as_study_arm(s, g.name) not in names for g in s.groups if start <= g.start < b.start):
            continue
        about = seg[start:a.start]
        if not change and not percent_of_a_mean(seg, a.start) and not s.has_outcome() and not _RATE_OF.search(about) \
                and not (_EVENT_VERB.search(seg, start, b.start) and not _TRAIT.search(seg, start, b.end + 40)):
            continue        # shares of patients need an outcome: one named, a rate of something, or what the patients had
        unit = any(_MEASURED_UNIT.match(seg, it.end) for it in (a, b))
        found = [_estimate(s, it, arm, about, False, a.start, True, unit, change=change) for it, arm in zip((a, b), names)]
        if any(e is None for e in found):
            continue
        for it, est in zip((a, b), found):
            est.tail_end = it.end
            s.claimed.add(it.index)
            s.claimed.update(it.claims)
            s.claim_span(it.start, it.end)
            s.estimates.append(est)


# "The most prevalent side effects of A and B were X (38.2%) and Y (35.3%), respectively": items each with its share in
# a bracket, one item per arm named before them, closed by "respectively"
_SHARE_ITEM = r"[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,3}?\s*[(\[]\s*\d+(?:\.\d+)?\s*%\s*[)\]]"
_ITEMS_RESPECTIVELY = re.compile(r"(?P<items>" + _SHARE_ITEM + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)" + _SHARE_ITEM + r"){1,3})"
                                 r"\s*,?\s*(?:respectively\b|resp\.)")
# the words before an item's name ("... were found to be headache", "and nausea")
_LEAD_WORDS = re.compile(r"^(?:.*\b(?:were|was|are|is|be|as|of|and|or|with|included?|including)\s+)", re.I)
_ONE_SHARE_ITEM = re.compile(r"(?P<name>[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,3}?)\s*[(\[]\s*(?P<v>\d+(?:\.\d+)?)\s*%\s*[)\]]")


def items_of_each_arm_respectively(s: Sentence) -> None:
    """Items each with its share, one per arm the sentence named before them, in that order: a PROPORTION of the arm
    (its count from the arm's size, when the share fits a whole count), outcome the item's name."""
    seg = s.seg
    if "respectively" not in seg and "resp." not in seg:
        return
    for m in _ITEMS_RESPECTIVELY.finditer(seg):
        items = list(_ONE_SHARE_ITEM.finditer(seg, m.start("items"), m.end("items")))
        lead = _LEAD_WORDS.match(items[0].group("name"))
        names_from = items[0].start("name") + (lead.end() if lead else 0)     # (the first name without "were ...")
        named = list(dict.fromkeys(_as_study_arm(s, g.name) for g in s.groups if g.end <= names_from))
        arms = named[-len(items):] if len(named) >= len(items) else []
        if len(arms) != len(items) or not all(a in s.state.arm_sizes for a in arms):
            continue
        idx = [s.num_at(i.start("v"), i.end("v")) for i in items]
        if any(not ix or not all(s.free(j) for j in ix) for ix in idx):
            continue
        rows = []
        for item, arm, ix in zip(items, arms, idx):
            size, share = s.state.arm_sizes[arm], float(item.group("v")) / 100
            events = round(size * share)
            if abs(events / size - share) > 0.0051:
                break           # a share no whole count of the arm gives: not this arm's
            est = Estimate("PROPORTION", events / size, item.group("v") + "%", item.start("v"), item.end("v"),
                           events=events, total=size, kind="one-arm-list", arm_hint=arm, percent=True)
            est.outcome_hint = _LEAD_WORDS.sub("", re.sub(r"\s+", " ", item.group("name"))).strip().lower()
            rows.append((est, ix))
        else:
            for est, ix in rows:
                s.claimed.update(ix)
                s.estimates.append(est)


_FAMILY_MEASURE = {"mean": "MEAN", "median": "MEDIAN", "share": "PROPORTION"}


# between a value read with its arm and the value set right against it: its spread and unit, then "vs"
_SPREAD_THEN_VERSUS = re.compile(r"(?:\s*%?\s*(?:\u00b1|\+/-)\s*\d+(?:\.\d+)?)?" + _UNIT + r"\s*,?\s*" + _VERSUS + r"\s*", re.I)


_ANOTHER_TIME_AFTER = re.compile(r"[^.;]{0,25}?\b(?:baseline|before|prior|pre-?(?:treatment|operative|intervention)|at\s+entry|"
                                 r"initially|previously)\b", re.I)


def second_beside_its_arm(s: Sentence) -> None:
    """The other arm's value, printed beside its own arm and set against a value an earlier rule read with its arm:
    "The score of the A group decreased (7.5 ± 0.9), with a significant difference compared with the B group (9.7 ±
    1.1)". Means and medians, and counts set against counts ("two of the 41 women in the A group, compared with nine of
    the 39 in the B group"); the two arms must be two of the study's, and no third arm named between."""
    seg = s.seg
    if not s.groups or not s.estimates or not _SET_APART.search(seg) or of_other_groups(seg, len(seg)):
        return
    arms = set(_study_arms(s)) | set(s.state.arm_sizes)
    for b in _items(s):
        measure = _FAMILY_MEASURE.get(b.family)
        if measure is None or not s.free(b.index):
            continue
        if measure == "PROPORTION" and (b.events is None or not all(e.events is not None for e in s.estimates
                                                                    if e.measure == measure)):
            continue        # (counts only, set against counts: "two of the 41 ... in the A group, compared with nine of the 39 in the B group")
        read = [e for e in s.estimates if e.measure == measure and e.arm_hint and e.end <= b.start]
        if not read:
            continue
        a = read[-1]
        between = seg[a.end:b.start]
        if _PAIR_BREAK.search(between) or len(between) > 160:
            continue
        if not _SET_APART.search(between) and not (measure == "PROPORTION" and re.search(r"\band\b|,", between)):
            continue
        first = _as_study_arm(s, a.arm_hint)
        second = _arm_just_before(s, b, a.end) or _arm_just_after(s, b, len(seg))
        two = _study_arms(s)
        if not second and len(two) == 2 and first in two and _SPREAD_THEN_VERSUS.fullmatch(seg, a.end, b.start):
            # "higher in the A group, 56 ± 11% compared with 45 ± 20%": the value set right against the A group's is
            # the other arm's of a two-arm study (not the same arm's at another time: "... 45 ± 20% at baseline")
            if not _ANOTHER_TIME_AFTER.match(seg, b.end):
                second = two[1] if two[0] == first else two[0]
        if not second or second == first or not {first, second} <= arms:
            continue
        if any(_as_study_arm(s, g.name) not in (first, second) for g in s.groups if a.end <= g.start < b.start):
            continue        # a third party named between the two values
        start = _clause_start(seg, a.start)
        est = _estimate(s, b, second, seg[start:a.start], False, a.start, True,
                        bool(_MEASURED_UNIT.match(seg, b.end)))
        if est is None:
            continue
        est.tail_end = b.end
        s.claimed.add(b.index)
        s.claimed.update(b.claims)
        s.claim_span(b.start, b.end)
        s.estimates.append(est)


# "X was reported by 30% and 12% ...", "X occurred in 12 (20%) and ...": the shares that follow are of the event named
_OCCURRED_IN = re.compile(r"\b(?:occurred|(?:was|were)\s+(?:experienced|reported|observed|recorded|seen|noted|found))\s+(?:by|in|among)\s+$", re.I)


# "Nausea (B 19% vs A 30%)", "; fatigue [A: 12%, B: 5%]": a short name, then the bracket of the arms' labelled values
_LABEL_OPENS_BRACKET = re.compile(r"(?:^\s*|[:;,]\s*|\band\s+)(?:results?\s*:\s*)?(?P<label>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4})\s*[(\[]$",
                                  re.I)


def _labelled_bracket_after_its_label(s: Sentence, run: list[_Item]) -> bool:
    """The run's values are each labelled by their arm inside one bracket that opens right after a short name (the
    outcome the values are of): "Nausea (placebo 19% vs rituximab 30%)"."""
    seg = s.seg
    opening = max(seg.rfind("(", 0, run[0].start), seg.rfind("[", 0, run[0].start))
    if opening < 0 or run[0].start - opening > 60 or re.search(r"[)\]]", seg[opening:run[-1].start]):
        return False
    if not _arms_before_each(s, run) or not any(opening < g.start < run[0].start for g in s.groups):
        return False
    start = _clause_start(seg, opening)
    label = _LABEL_OPENS_BRACKET.search(seg[start:opening + 1])
    return bool(label) and not any(g.start >= start + label.start("label") and g.end <= opening for g in s.groups) \
        and not _OTHER_CONTRAST.search(label.group("label")) and not _TRAIT.search(label.group("label"))


_RESPECTIVELY_NEXT = re.compile(r"[^.;()\d]{0,40}?\brespectively\b", re.I)
# between two values another rule read: their brackets, a unit, then a separator
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
_READ_GAP = re.compile(r"\s*%?\s*[)\]]?" + _UNIT + r"\s*(?:,\s*(?:and\s+)?|and\s+|;\s*|" + _VERSUS + r"\s*)(?:[(\[]\s*)?"
                       r"(?:n\s*=\s*)?", re.I)


def _unarmed_runs(s: Sentence) -> list[list[Estimate]]:
    """Runs of two or three arm-level values other rules read without an arm, in reading order."""
    singles = sorted((e for e in s.estimates if e.measure in ARM_LEVEL_MEASURES and not e.arm_hint), key=lambda e: e.start)
    runs: list[list[Estimate]] = []
    for e in singles:
        if runs and runs[-1][-1].measure == e.measure and runs[-1][-1].end <= e.start:
            gap = _BRACKETED.sub(" ", s.seg[runs[-1][-1].end:e.start])
            if _READ_GAP.fullmatch(gap):
                runs[-1].append(e)
                continue
        runs.append([e])
    return [r for r in runs if 2 <= len(r) <= 3]


def _arms_by_size(s: Sentence, run: list[Estimate]) -> list[str] | None:
    """ "10/80 vs 19/76": each count's printed total is the size of one arm and of no other."""
    if any(e.measure != "PROPORTION" or not e.total for e in run):
        return None
    names = []
    for e in run:
        fits = [a for a, n in s.state.arm_sizes.items() if n == e.total and not a.startswith("no ")]
        if len(fits) != 1:
            return None
        names.append(fits[0])
    return names if len(set(names)) == len(names) else None


def arms_of_unarmed_values(s: Sentence) -> None:
    """Values another rule read as a run without arms, in a sentence naming no arm: each count's total when it is one
    arm's size ("10/80 vs 19/76 patients"), else the arms a "respectively" closes, in the document's order
    ("36 (45.0%) and 23 (30.3%) patients, respectively"). A count's total is then its arm's size where the count and
    its printed share fit it."""
    if s.groups or "|" in s.seg or len(s.estimates) < 2:
        return
    for run in _unarmed_runs(s):
        names = _arms_by_size(s, run)
        # ("n = 12 (20%) vs n = 6 (10%)": values set against each other in a sentence naming no arm, as a "respectively")
        compared = len(run) == 2 and re.search(r"\b" + _VERSUS + r"(?!\w)", s.seg[run[0].end:run[1].start], re.I)
        if names is None and (_RESPECTIVELY_NEXT.match(s.seg, run[-1].end) or compared) \
                and not _OTHER_CONTRAST.search(s.seg) and not _SUBGROUP.search(s.seg) and not _ELSEWHERE.search(s.seg):
            arms = _study_arms(s)
            names = arms if len(arms) == len(run) else None
        if not names or any(e.total and s.state.arm_sizes.get(arm) not in (None, e.total) for e, arm in zip(run, names)):
            continue        # a count whose printed total is another arm's size is not that arm's
        for e, arm in zip(run, names):
            e.arm_hint = arm
