"""One document's text -> its estimates, as rows of the estimates table.

Sentence by sentence: the grammar parses the numbers (grammar.py), the registry's rules turn them into
estimates (registry.py), and this module gives each estimate its arms, outcome, timepoint and row. What
spans sentences lives here: arm sizes, the last comparison, the document's main treatment.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .declared_formats import bracket_spread, plus_minus_spread
from .grammar import ARM_SIZE, COUNT_WORD, SIZE_GIVEN_ITEM, population_size
from .ids import estimate_id
from .lexicon import Mention, condition_counts, find_drugs, has_outcome, outcome_at, outcome_near, singular, strategy_control
from .named_outcome import outcome_named_at
from .model import ARMS_FROM_STUDY, RATIO_ORDER_SAID, Estimate, SentenceState
from .orientation import UNNAMED_ARM, Group, arm_for_single, column_comparison, completed_arms, contrasted_groups, factor_row, order_said, order_said as order_in_words, direction_from_rates, arms_for_comparison, claimed_direction, find_comparison, groups_from
from ..tables import ARM_LEVEL_MEASURES, CONTINUOUS_MEASURES, DESCRIPTIVE_MEASURES, EVENTS_FROM_PERCENTAGE, ONE_ARM_MEASURES
from .patterns import ONE_FIGURE_PER_TIME, OTHER_UNIT_JOIN, RATIO
from .ratio_kind import ratio_kinds_from_arms
from .registry import run_rules
from .sentence import Sentence, arms_listed_after, arms_named_before, studies_listed_after
from ..regexfilter import prefiltered
from .startguard import start_guarded
from .study import arm_control_kind
from .textscan import scan_view, sentence_spans
from .timepoints import timepoint_spans
from .validation import validate

_NON_DRUG = {"placebo", "control"}
#: measures that may compare a treatment with the same patients' baseline (a mean change, a relative reduction)
_CHANGE_MEASURES = CONTINUOUS_MEASURES | {"RRR"}
_AGAINST_BASELINE = start_guarded(re.compile(
    r"(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|than)\s+(?:the\s+|that\s+(?:in|during|of)\s+the\s+)?"
    r"(?:pre-?\w+|baseline|before|prior)", re.I))
_AGAINST_NOTHING = re.compile(
    r"(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|than)\s+(?:those\s+(?:with|receiving)\s+|patients\s+(?:with|receiving)\s+)?"
    r"(?:(?P<named>no\s+(?:[a-z-]+\s+)?(?:therapy|treatment|immunotherapy|maintenance))|untreated|non-?treated)", re.I)


def _nothing_named(found: re.Match) -> str:
    """The comparator of "compared with no maintenance therapy" in the text's own words ("no maintenance therapy":
    what the patients went without); "untreated" and "no treatment" are "no treatment"."""
    named = found.group("named")
    return re.sub(r"\s+", " ", named).lower() if named else "no treatment"
_RATE_LABELS = frozenset({"annualized relapse rate", "annualized severe relapse rate", "clinical-deterioration rate"})
# "pre-treatment", "pretreatment", "pre-study", but not "prespecified", "previous" or "presented"
_PRE = r"pre-\w+|pre(?:treatment|study|therapy|randomi[sz]ation|baseline)"
_BEFORE_AFTER = re.compile(r"\b(?:baseline|before|" + _PRE + r"|prior|after\s+(?:starting|initiation|treatment)|from\s+[\d.]+\s+to)\b", re.I)
# a difference of two arms' changes: "the estimated differences between the 5-mg group and the B group were ..."
_BETWEEN_ARMS = re.compile(r"\bdifferences?\s+between\s+(?:the\s+)?[^.;]{0,80}?\b(?:groups?|arms?)\b|\bbetween[- ]groups?\b"
                           r"|\btreatment\s+differences?\b", re.I)
# "reduced more in the A group", "a greater improvement with A": one arm's change set against the other's (a difference
# between the arms of a controlled trial, not a change from baseline)
_CHANGE_COMPARED = re.compile(r"\b(?:reduc|decreas|declin|improv|increas|fell|dropp|lower|rose|chang)\w*\s+(?:significantly\s+|"
                              r"substantially\s+|much\s+)?(?:more|less|further)\b|\b(?:greater|larger|smaller|bigger|more)\s+"
                              r"(?:\w+\s+)?(?:reductions?|decreases?|declines?|improvements?|changes?|increases?)\b", re.I)
# an arm as the agent of a change: "X reduced the length of stay", "the intervention significantly improved"
_ARM_ACTS = re.compile(r"\s*(?:group|arm)?\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?(?:(?:significantly|substantially|markedly|also)\s+)?"
                       r"(?:reduced|decreased|lowered|shortened|improved|increased|prolonged|raised)\b", re.I)
_BASELINE_WORDS = re.compile(r"\b(?:baseline|before|" + _PRE + r"|prior|after|declin\w*|reduc\w*|decreas\w*|change)\b", re.I)
# a sample-size calculation states assumed rates and ratios, not results
# ("we hypothesized a 50% reduction", "to detect a difference of 10 points", "expected to reduce X by 30%")
_ASSUMPTION = prefiltered(re.compile(r"\b(?:assum(?:e|es|ed|ing)|sample\s+size|(?:statistical\s+)?power\s+(?:of|to)|\d+\s*%\s+power|"
                                     r"power\s+(?:calculations?|analys[ie]s)|"
                                     r"hypothesi[sz](?:e|ed|es|ing)|(?:to|could|would|will)\s+detect|"
                                     r"(?:was|were|is|are)\s+(?:expected|anticipated)\s+to|(?:we\s+)?anticipated\s+(?:a|an|that))\b", re.I))

# a model's explained variance ("changed the variance from 7% to 44%", "explained 12% of the variance"): a fit, no
# arm's result (an "analysis of variance" is a test of the arms' figures, read as any other)
_VARIANCE_EXPLAINED = prefiltered(re.compile(r"\b(?:explained|the)\s+variance\b|\bvariance\s+explained\b|"
                                             r"%\s*of\s+(?:the\s+)?(?:total\s+)?variance\b", re.I))


# "intensified regimen (IR; n=50)": an arm the document names by an abbreviation it defines with the arm's size
_DEFINED_ARM = re.compile(r"\((?P<abbr>[A-Z]{2,6})\s*[;,]\s*n\s*=\s*\d+\s*\)")
_ARM_NAME_BEFORE = re.compile(r"(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*\s*$")


def _with_defined_arms(scan: str, mentions: list[Mention], study=None) -> list[Mention]:
    """The drug mentions plus every use of an arm abbreviation the document defines ("45.5% (IR)"), named by
    the words that define it; an abbreviation that is itself a drug name is left to the lexicon. The study
    model's arm the abbreviation is an alias of names it when the defining words hold only part of that arm's
    name ("milk fortified with X and probiotic Y (PP; n = 312)" is the fortified milk, not the drug Y)."""
    if "n=" not in scan.replace(" ", ""):
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    names: dict[str, str] = {}
    for d in _DEFINED_ARM.finditer(scan):
        named = _ARM_NAME_BEFORE.search(scan, max(0, d.start() - 60), d.start())
        if named is None or any(a < d.end("abbr") and d.start("abbr") < b for a, b in taken):
            continue
        name = re.sub(r"\s+", " ", named.group().strip()).lower()
        # "assigned to goal-directed therapy (GDT; n = 62)": the arm, not the verb's preposition
        name = re.sub(r"^(?:(?:to|or|and|with|the|either|versus|vs|receive|receiving)\s+)+", "", name)
        inside = [m for m in mentions if named.start() <= m.start < named.end()]
        # "anifrolumab basic regimen (BR; n=45), intensified regimen (IR; n=50)": a regimen of the drug just named
        near = [m for m in mentions if d.start() - 80 <= m.end <= named.start() and not m.negated
                and m.canonical not in _NON_DRUG and "." not in scan[m.end:named.start()]]
        if not inside and near:
            name = f"{near[-1].canonical} {name}"
        names.setdefault(d.group("abbr"), name)
    for abbr, name in list(names.items()):
        owners = [str(getattr(a, "canonical", "") or "") for a in getattr(study, "arms", None) or ()
                  if abbr in (getattr(a, "aliases", None) or ())]
        # (the arm's name ends with the defining words, after a vehicle or partner: "... fortified with", "A and")
        if len(owners) == 1 and owners[0].endswith(" " + name) and \
                re.search(r"\b(?:with|and|plus)\b", owners[0][:-len(name)]):
            names[abbr] = owners[0]
    if not names:
        return mentions
    extra = [Mention(m.start(), m.end(), names[m.group()])
             for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", scan)
             if not any(a < m.end() and m.start() < b for a, b in taken)]
    return sorted(mentions + extra, key=lambda m: (m.start, m.end))


# "In the A group, ...", "Among patients in the A arm, ...": a sentence opening with the arm it is about
_ARM_OPENING = re.compile(r"\s*(?:In|Among|For)\s+(?:the\s+)?(?:(?:patients|participants)\s+(?:in|receiving|treated\s+with)\s+"
                          r"(?:the\s+)?)?(?P<arm>[^,;()\d]{2,60}?)\s+(?:group|arm)\b")
# "Overall, ...", "in both groups", "of all patients": a sentence about every arm ends the arm a paragraph is about
_EVERY_PATIENT = re.compile(r"^\s*(?:Overall|In\s+total|In\s+all|Altogether|Across)\b|\b(?:both|either|the\s+two|all)\s+"
                            r"(?:treatment\s+|study\s+)?(?:groups|group|arms|arm|patients|participants)\b|\bwhole\s+(?:cohort|population|"
                            r"sample)\b", re.I)
# "No patient in either group developed X": a count of zero without a digit (searched in every sentence without
# one: behind the start guard, which skips the positions none of its alternatives can start at; a gate, only whether
# it matches is read)
_NOBODY = start_guarded(re.compile(r"\b(?:[Nn]o|[Nn]one)\s+(?:of\s+the\s+)?(?:patients?|participants?|subjects?)\b"
                     r"|\b(?:[Tt]here\s+(?:were|was)\s+no|[Nn]o)\s+(?:[\w-]+\s+){0,4}?(?:adverse|side[- ]effects?|complications?|"
                     r"toxicit|S?AEs?\b)|\b[Nn]one\s+of\s+(?:our|these)\s+(?:patients|participants|subjects)\b|\balive\b"
                     # a count spelled out, then what it counts (only whether a sentence holds one of these is read,
                     # so the count words are tried once at each position for all of them: the same sentences pass,
                     # three times faster than one alternative per shape)
                     r"|\b" + COUNT_WORD + r"\s+(?:"
                     # "Two patients in the A group showed ...": a count spelled out
                     r"(?:patients?|participants?|subjects?|children|infants|women|men|cases?)\b"
                     # "four versus one wound infections in the A versus B groups" (rules/proportions.counts_before_their_arms)
                     r"|(?:versus|vs\.?)\s+" + COUNT_WORD + r"\b"
                     # "Four A and seven B patients", "Six (A) and nine (B) patients": counts spelled out, each before
                     # its arm (rules/proportions.counts_beside_their_arms)
                     r"|[(\[]?[\w-]+[)\]]?\s+and\s+" + COUNT_WORD + r"\s"
                     # "Nine of ten volunteers given A": a count of a total, both spelled out (grammar.spelled_count_of)
                     r"|(?:of|out\s+of)\s+(?:the\s+)?" + COUNT_WORD + r"\b"
                     # "(three in the A group and eight in the B group)": counts spelled out, each with its arm;
                     # "There was one death in the B group" (grammar arm_count)
                     r"|(?:(?:[\w-]+\s+)?(?:deaths?|recurrences?|failures?|amputations?|conversions?)\s+)?"
                     r"in\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b"
                     # "Forty per cent of the participants were smokers": a share spelled out
                     r"|(?:per\s*cent|percent)\b"
                     # "two partial responses, seven stable disease": counts of response classes spelled out
                     # (rules/arm_categories.py)
                     r"|(?:(?:partial|complete|minor)\s+(?:respon|remission)|(?:stable|progressive)\s+disease|(?-i:CR|PR|SD|PD)\b))"
                     # "All newborns in our study were free of any adverse effect": no one had it
                     r"|\bfree\s+(?:of|from)\b"
                     # "All participants in the A group had X": everyone of one arm (rules/proportions.everyone)
                     r"|\b[Aa]ll\s+(?:the\s+)?(?:patients|participants|subjects)\s+(?:in|of|from)\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b"
                     # "Bradycardia was not seen in either group": zero events in every arm (rules/proportions.py)
                     r"|\b(?:in|within|among)\s+(?:either|any|both|all|the\s+(?:two|three|2|3|both))\s+(?:of\s+the\s+)?"
                     r"(?:(?:two|three|2|3)\s+)?(?:study\s+|treatment\s+)?(?:groups?|arms?)\b|\bneither\s+(?:of\s+the\s+)?(?:groups?|arms?)\b"
                     # "X was not apparent in either the A or the B group" (rules/zero_events.py)
                     r"|\bin\s+either\s+the\b"
                     # the family of digit-free zeros (rules/zero_events.py): the people negated ("No placebo
                     # patient developed X", "None of the children given A", "Nobody", "No one"), the event negated
                     # ("X did not occur in any patient", "X was absent in both groups"), denied ("There were no deaths",
                     # "No cases of X were recorded"), the arms negated ("Neither group reported X")
                     r"|\bno(?:body|\s+one)\b|\bnone\s+of\s+(?:the|our|these|those)\b"
                     r"|\bno\s+(?:[\w-]+\s+){0,2}?(?:patients?|participants?|subjects?|children|infants|women|men|volunteers?|"
                     r"recipients?|cases?|episodes?|deaths?|mortality)\b"
                     r"|\bthere\s+(?:was|were|have\s+been|has\s+been|had\s+been)\s+no\b|\b(?:with|and|but)\s+no\b"
                     r"|\b(?:not\s+(?:seen|observed|reported|noted|recorded|found|detected|encountered|documented|apparent|"
                     r"experienced)|did\s+not\s+(?:occur|develop|happen|appear|arise)|absent)\s+(?:in|by|among|from|within)\b"
                     r"|\bneither\s+(?:group|arm)\b"
                     # "No wound infection was recorded.", "In the B group, however, no bleeding occurred": an event
                     # denied by a verb of seeing or occurring, whatever its name
                     # (the events listed with commas: "No hypotension, bradycardia, or respiratory depression was observed")
                     r"|\bno\s+(?:[\w-]+,?\s+){1,7}?(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:reported|observed|"
                     r"recorded|seen|noted|found|detected|documented|encountered)|occurred|developed|appeared)\b", re.I))
_DIGIT = re.compile(r"\d")
_OPEN_LABEL = prefiltered(start_guarded(re.compile(r"\b(?:open-label|single-arm|single\s+arm|uncontrolled)\b", re.I)))


def _arm_sizes(scan: str, mentions: list[Mention]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for m in mentions:
        if (m.canonical if not m.negated else "no " + m.canonical) in sizes:
            continue        # the arm's first stated size is kept: its later mentions cannot change it
        after = scan[m.end:m.end + 40]
        hit = ARM_SIZE["after"].match(after)
        if hit and hit.group("n2") and not re.search(r"[(\[]\s*$", scan[max(0, m.start - 3):m.start]):
            hit = None      # "X-LD, n=89" counts only inside the bracket that defines the abbreviation
        if not hit:
            hit = ARM_SIZE["patients_after"].match(after)
        if not hit and re.search(r"[(;,\[]\s*$", scan[max(0, m.start - 3):m.start]):
            hit = ARM_SIZE["listed_after"].match(after)
        if not hit:
            hit = ARM_SIZE["assigned_before"].search(scan[max(0, m.start - 70):m.start])
        if not hit:
            hit = ARM_SIZE["received_before"].search(scan[max(0, m.start - 140):m.start])
        if not hit:
            hit = _size_given_in_list(scan, m)
        if hit:
            n = hit.groupdict().get("n") or hit.groupdict().get("n2") or hit.groupdict().get("n3")
            sizes.setdefault(m.canonical if not m.negated else "no " + m.canonical, int(n))
    return sizes


def _size_given_in_list(scan: str, m: Mention):
    """ "(287 patients given X and 309 given Y)": an arm's size before its name in a bracket listing at least two
    arms so; one "(30 receiving X)" alone may count the patients an event befell, not the arm."""
    window_start = max(0, m.start - 120)
    hit = ARM_SIZE["given_in_list"].search(scan[window_start:m.start])
    if not hit:
        return None
    opened = window_start + hit.start()
    closed = min([i for i in (scan.find(")", m.end), scan.find("]", m.end)) if i >= 0] or [-1])
    if closed < 0 or closed - opened > 240 or len(SIZE_GIVEN_ITEM.findall(scan, opened, closed)) < 2:
        return None
    return hit


def _study_sizes(study, scan: str) -> dict[str, int]:
    """Arm sizes from the study model (canonical name -> n), where it states them. A drug given in two arms
    ("anifrolumab basic regimen (n=45), intensified regimen (n=50)") has no one size: "anifrolumab-treated
    patients" may be both arms, so its name keys no size."""
    arms = list(getattr(study, "arms", None) or ())
    sizes: dict[str, int] = {}
    for arm in arms:
        key = str(getattr(arm, "canonical", "") or getattr(arm, "name", ""))
        n = getattr(arm, "n", None)
        if not key or not isinstance(n, (int, float)) or n != n or n <= 0:
            continue
        shared = any(other is not arm and key in _drugs_of(scan, other) for other in arms)
        if not shared:
            sizes.setdefault(key, int(n))
    return sizes


def _drugs_of(scan: str, arm) -> set[str]:
    """The drugs an arm gives: those its name names, or, for a regimen named without its drug ("intensified
    regimen"), those named in the 80 characters before its defining mention."""
    named = {m.canonical for m in find_drugs(str(getattr(arm, "name", "") or "") + " "
                                             + str(getattr(arm, "canonical", "") or "")) if not m.negated}
    if named:
        return named
    start, end = getattr(arm, "start", None), getattr(arm, "end", None)
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(scan):
        return set()
    return {m.canonical for m in find_drugs(scan[max(0, start - 80):end]) if not m.negated} - _NON_DRUG


# "the intervention group", "the usual-care arm": an arm named by its role, the study's one arm of that role
_ROLE_WORDS = {
    # ("the drug group" of a drug-versus-placebo trial, "the case group" of one whose groups were "case and control")
    # ... and "The intervention was associated with ...", "(intervention 13.1% [181/1,378], control ...)": the word alone
    # as a subject, or labelling its arm's figure
    "experimental": re.compile(r"\b(?P<w>intervention|treatment|active|experimental|study[- ]drug|drug|case)\s+(?:group|arm)s?\b"
                               r"|\b[Tt]he\s+(?P<w2>intervention)\s+(?:was|were|is|had|has|did|led|resulted|reduced|"
                               r"increased|improved|decreased|lowered|raised|showed)\b"
                               r"|(?:^|[(\[;,]\s*)(?P<w3>[Ii]ntervention)\s*[:,=]?\s*(?=\d)", re.I),
    "control": re.compile(r"\b(?P<w>usual[- ]care|standard[- ]care|comparison|comparator)\s+(?:group|arm)s?\b", re.I),
    # "the combination therapy group" and "the monotherapy group" of a trial adding a drug to another (or to placebo)
    # (only after an article or a preposition: "the placebo-combination group" names the placebo arm)
    "combination": re.compile(r"\b(?:the|a|in|of|to|and|with|versus|vs\.?|than)\s+(?P<w>combination|combined)"
                              r"(?:\s+(?:therapy|treatment|regimen))?\s+(?:group|arm)s?\b", re.I),
    "monotherapy": re.compile(r"\b(?:the|a|in|of|to|and|with|versus|vs\.?|than)\s+(?P<w>mono-?therapy|single[- ]agent|"
                              r"single[- ]drug)\s+(?:group|arm)s?\b", re.I),
}
# searched through every document whose study has an arm of the role: behind the start guard, and the rarer words
# behind their literal prefilter ("comparison", "combination": most documents hold none); the same matches
_ROLE_WORDS = {role: start_guarded(p) if role == "experimental" else prefiltered(start_guarded(p))
               for role, p in _ROLE_WORDS.items()}
# the words of _ROLE_WORDS without their "group": items of a list closed by one "groups" ("the intervention and
# control groups"); "control" names the control arm here only where the lexicon has not read it already
_ROLE_ITEM_WORDS = (r"intervention|treatment|active|experimental|study[- ]drug|drug|case|usual[- ]care|standard[- ]care|comparison|"
                    r"comparator|control|placebo|sham|(?:combination|combined)(?:\s+(?:therapy|treatment|regimen))?|mono-?therapy|"
                    r"single[- ]agent|single[- ]drug")
_ROLE_ITEM = re.compile(r"(?<![\w-])(?:" + _ROLE_ITEM_WORDS + r")(?![\w-])", re.I)
_ROLE_LIST = start_guarded(re.compile(
    r"\b(?:the|of|in|for|between|among)\s+(?P<items>(?:" + _ROLE_ITEM_WORDS + r")(?:\s*,\s*(?:and\s+)?(?:"
    + _ROLE_ITEM_WORDS + r")|\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?(?:" + _ROLE_ITEM_WORDS
    + r"))+)\s+(?:groups|arms)\b", re.I))


def _role_of_word(word: str) -> str:
    """The _ROLE_WORDS role a list item names ("intervention" experimental, "monotherapy" monotherapy)."""
    w = word.lower()
    if re.match(r"(?:intervention|treatment|active|experimental|study|drug|case)", w):
        return "experimental"
    if re.match(r"(?:usual|standard|comparison|comparator|control|placebo|sham)", w):
        return "control"
    if re.match(r"combin", w):
        return "combination"
    return "monotherapy"


_JOINS_TREATMENTS = re.compile(r"\s\+\s|\bplus\b|\bcombined\s+with\b|\bin\s+combination\b|\band\b", re.I)


def _lettered_arms(study) -> dict[str, str]:
    """{"A": canonical name} of the arms a report calls "group A", "group B", also once the study model has named them
    by what they received (the letter stays an alias)."""
    found: dict[str, str] = {}
    for arm in getattr(study, "arms", None) or ():
        for alias in getattr(arm, "aliases", None) or ():
            # ("10 ug (arm A)": the study model keeps the bare letter as an alias)
            if re.fullmatch(r"(?:group|arm) [a-h]|[A-H]", str(alias)):
                found[str(alias)[-1].upper()] = str(arm.canonical)
    return found


# "rituximab (arm A)", "placebo (group B)": a letter given to the arm named right before it
_LETTER_GIVEN = re.compile(r"\s*\((?:arm|group)\s+(?P<letter>[A-H])\)")


def _lettered_in_text(scan: str, mentions: list[Mention]) -> dict[str, str]:
    """{"A": canonical name} of the arms the text letters right after their names, where no study model does (the
    letters of a study model, `_lettered_arms`, win)."""
    if "(arm " not in scan and "(group " not in scan:
        return {}
    found: dict[str, str] = {}
    for m in mentions:
        given = _LETTER_GIVEN.match(scan, m.end)
        if given:
            found.setdefault(given.group("letter"), m.canonical)
    return found if len(set(found.values())) == len(found) else {}


# "the treatment group (TG)", "Control Group (CG)": a role phrase of _ROLE_ITEM_WORDS before "group" / "arm", then the
# abbreviation (two or three capitals) the document gives it in brackets
_ROLE_ABBREVIATION = start_guarded(re.compile(r"\b(?P<role>intervention|treatment|experimental|study|active|control|usual[- ]care|"
                                r"standard[- ]care|comparison)\s+(?:group|arm)\s*\(\s*(?P<abbr>(?-i:[A-Z]{2,3}))\s*\)", re.I))


def _role_abbreviations(scan: str, arms: list) -> list[tuple[int, int, str]]:
    """ "17% reduction in TG" after "the treatment group (TG)": an abbreviation the document defines in brackets after
    a role phrase names the study's one arm of that role wherever it stands as a word. Never a guess: the study must
    have exactly one arm of the role; every bracketed definition of the abbreviation must follow a role phrase of the
    same role (a document that also writes "triglycerides (TG)" or "without intervention (CG)" uses it for something
    else); no other arm may hold it as an alias; a control's abbreviation needs an arm of a control's kind. (start, end, canonical) of each use."""
    defined: dict[str, set] = {}
    for m in _ROLE_ABBREVIATION.finditer(scan):
        defined.setdefault(m.group("abbr"), set()).add(_role_of_word(m.group("role")))
    out = []
    for abbr, roles in defined.items():
        if len(roles) != 1 or abbr in _MEASURE_ABBREVIATIONS:
            continue
        role = next(iter(roles))
        canonical = _arm_of_role(role, arms)
        # (the one control arm only when it is of a control's kind, "control", placebo, usual care: an arm the model
        # took as the control from the order of a comparison, "post sets", may not be the group the document calls so)
        if not canonical or role == "control" and not arm_control_kind(canonical):
            continue
        owners = {str(getattr(a, "canonical", "")) for a in arms if abbr in (getattr(a, "aliases", None) or ())}
        if owners - {canonical}:
            continue
        # a word right before another bracketed use of it: a definition of something else ("triglycerides (TG)")
        bracketed = list(re.finditer(r"(?P<word>[A-Za-z]+)\s*\(\s*" + abbr + r"\s*\)", scan))
        if any(b.group("word").lower() not in ("group", "arm") for b in bracketed):
            continue
        # ("TG, triglycerides" in a table footnote: defined as a word other than a role phrase)
        if re.search(r"(?<![\w-])" + abbr + r"\s*[,:=]\s*(?!(?:the\s+)?(?:" + _ROLE_ITEM_WORDS + r")\s+(?:group|arm))"
                     r"[a-z]{4,}", scan):
            continue
        for use in re.finditer(r"(?<![\w-])" + abbr + r"(?![\w-])", scan):
            out.append((use.start(), use.end(), canonical))
    return out


def _arm_of_role(role: str, arms: list) -> str:
    """The canonical name of the one arm a role word names: "intervention group" the one experimental arm,
    "comparison group" the one control arm; "combination group" the one arm whose name joins two treatments,
    else (two arms, one of them the control) the experimental one; "monotherapy group" the other arm."""
    def canonical(found: list) -> str:
        return str(getattr(found[0], "canonical", "") or "") if len(found) == 1 else ""

    if role in ("experimental", "control"):
        return canonical([a for a in arms if getattr(a, "role", "") == role])
    if len(arms) != 2:
        return ""
    joined = [a for a in arms if _JOINS_TREATMENTS.search(str(getattr(a, "name", "") or ""))
              or " + " in str(getattr(a, "canonical", ""))]
    if len(joined) != 1:
        roles = sorted(str(getattr(a, "role", "")) for a in arms)
        joined = [a for a in arms if getattr(a, "role", "") == "experimental"] if roles == ["control", "experimental"] else []
    if len(joined) != 1:
        return ""
    return canonical(joined) if role == "combination" else canonical([a for a in arms if a is not joined[0]])


# first words that describe a regimen rather than name a treatment ("standard care", "high-dose X")
_NOT_A_HEAD = re.compile(r"^(?:standard|usual|intensive|intensified|conventional|delayed|immediate|early|"
                         r"oral|intravenous|subcutaneous|topical|inhaled|active|sham|placebo|control|combination|"
                         r"adjunctive|continued|extended|reduced|higher|lower|single|double|weekly|daily|monthly|"
                         r"treatment|therapy|regimen|group|patients|without|with)$", re.I)


def _head_word(arm, arms) -> str:
    """The first word of an arm name the lexicon does not know, when it is a treatment's name ("esketamine" of
    "esketamine nasal spray", "pembrolizumab" of "pembrolizumab plus chemotherapy") that no other arm's name
    contains: the report's results call the arm by it ("the esketamine group")."""
    name = str(getattr(arm, "name", "") or "")
    m = re.match(r"\s*([A-Za-z][a-z]{5,})(?![\w-])", name)
    if not m or _NOT_A_HEAD.match(m.group(1)) or find_drugs(m.group(1)):
        return ""
    if m.group(1).lower() == name.strip().lower():
        return ""       # the name is the word already
    word = re.compile(r"(?<![\w-])" + re.escape(m.group(1)) + r"(?![\w-])", re.I)
    if any(other is not arm and word.search(str(getattr(other, "name", "") or "")) for other in arms):
        return ""
    return m.group(1)


_MEASURE_ABBREVIATIONS = {"HR", "OR", "RR", "RD", "MD", "CI", "SD", "SE"}

_ABBREVIATIONS_VERSUS = re.compile(r"\(\s*(?P<a>[A-Z]{1,4})\s+(?:vs\.?|versus)\s+(?P<b>[A-Z]{1,4})\s*\)")


def _spelled_arm_name(name: str) -> str:
    """An arm's name as a pattern: its words split by spaces or hyphens, and the two parts of a combination "A+B" in
    either order ("B + A": a factorial's results name the combination either way). (A name's singular for a plural
    arm, "micronutrient" for "Micronutrients", was tried and lost validation figures: left out.)"""
    parts = [p.strip() for p in re.split(r"\s*\+\s*", name)]
    if len(parts) == 2 and all(parts):
        first, second = (_spelled_words(p) for p in parts)
        return r"(?:" + first + r"\s*\+\s*" + second + r"|" + second + r"\s*\+\s*" + first + r")"
    return _spelled_words(name)


def _spelled_words(name: str) -> str:
    return r"[\s-]+".join(map(re.escape, name.split()))


@lru_cache(maxsize=512)
def _arm_name_pattern(name: str) -> re.Pattern:
    """ "the rivaroxaban-plus-aspirin group", "the aspirin-alone group": an arm's name, also hyphenated as a
    modifier. Compiled once per name (the same arms recur across a corpus), behind a start guard and a literal
    prefilter (most of a study's names are absent from most of its texts' spellings)."""
    spelled = _spelled_arm_name(name)
    # ("the olanzapine- or placebo-treated group": a name whose hyphen is left hanging before "or" / "and"; "more
    # olanzapine-group patients", "olanzapine-treated patients": the name hyphenated to a word that makes it the arm)
    return prefiltered(start_guarded(re.compile(r"(?<![\w-])" + spelled + r"(?:-(?:alone|only))?(?:(?![\w-])|(?=-\s+(?:or|and)\s)"
                                                r"|(?=-(?:group|arm|treated|allocated|randomi[sz]ed)\b))", re.I)))


def _strategies_as_study_arms(mentions: list[Mention], study) -> list[Mention]:
    """ "intensive control" for the arm "intensive glucose control": a strategy the lexicon names by its own words
    ("intensive ... control", "standard ... control") is the one study arm those words resolve to."""
    canonicals = {str(getattr(a, "canonical", "")) for a in getattr(study, "arms", None) or ()}
    if not canonicals or not any(m.canonical not in canonicals and strategy_control(m.canonical) for m in mentions):
        return mentions
    out = []
    for m in mentions:
        arm = study.resolve_column(m.canonical) if m.canonical not in canonicals and strategy_control(m.canonical) \
            else None
        out.append(Mention(m.start, m.end, str(arm.canonical), m.negated) if arm is not None else m)
    return out


def _with_study_arms(scan: str, mentions: list[Mention], study) -> list[Mention]:
    """The mentions plus every use of a study arm's name the lexicon does not know ("the intensified regimen
    group") and of a role that names the study's one arm of that role ("the intervention group"), named by the
    arm's canonical name."""
    extra = []
    mentions = _strategies_as_study_arms(mentions, study)
    taken = [(m.start, m.end) for m in mentions]
    for start, end, canonical in _coded_arm_mentions(scan, list(getattr(study, "arms", None) or ())):
        if not any(a < end and start < b for a, b in taken):
            extra.append(Mention(start, end, canonical))
            taken.append((start, end))
    owners: dict[str, set] = {}      # a name in lower case -> the canonical names of the arms it may name
    letters: dict[str, set] = {}     # a one-letter abbreviation -> the canonical names of the arms it may name
    for arm in getattr(study, "arms", None) or ():
        canonical = str(getattr(arm, "canonical", "") or "")
        names = {str(getattr(arm, "name", "") or ""), *map(str, getattr(arm, "aliases", None) or ())}
        if not canonical or any(m.canonical == canonical for m in mentions):
            continue
        head = _head_word(arm, getattr(study, "arms", None) or ())
        if head:
            names.add(head)
        for name in names:
            # "CQ", "DP": a two-letter abbreviation the document defined for an arm names it too
            if len(name) >= 3 or (len(name) == 2 and name.isupper() and name not in _MEASURE_ABBREVIATIONS):
                owners.setdefault(name.lower(), set()).add(canonical)
            if len(name) <= 4 and name.isupper():
                letters.setdefault(name, set()).add(canonical)
    # the longest names first ("X 20 mg" before "X"), and a name two arms share ("X" of "X 10 mg" and
    # "X 20 mg") names neither
    for name in sorted(owners, key=lambda n: (-len(n), n)):
        if len(owners[name]) != 1:
            continue
        canonical = next(iter(owners[name]))
        # "the rivaroxaban-plus-aspirin group", "the aspirin-alone group": the name hyphenated as a modifier
        for m in _arm_name_pattern(name).finditer(scan):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                extra.append(Mention(m.start(), m.end(), canonical))
                taken.append((m.start(), m.end()))
    # "vaginal progesterone pessaries" called "the progesterone group": a word of one arm's name, and of no other
    # arm's, used before "group" or "arm" names that arm (as the document names it)
    for word, canonical in _group_words(getattr(study, "arms", None) or ()).items():
        for m in _GROUP_WORD_PATTERN(word).finditer(scan):
            if not any(a < m.end("w") and m.start("w") < b for a, b in taken):
                extra.append(Mention(m.start("w"), m.end("w"), canonical))
                taken.append((m.start("w"), m.end("w")))
    for start, end, canonical in _short_group_names(scan, list(getattr(study, "arms", None) or ())):
        if not any(a < end and start < b for a, b in taken):
            extra.append(Mention(start, end, canonical))
            taken.append((start, end))
    # "between P1 and R": in a study whose every arm is named by a code ("P1", "P2", "R"), a one-capital code
    # standing as a word (upper case, no "=" after it) names its arm
    coded = [a for a in getattr(study, "arms", None) or () if re.fullmatch(r"[A-Z]\d?", str(getattr(a, "name", "")))]
    if len(coded) >= 2 and len(coded) == len(getattr(study, "arms", None) or ()):
        for arm in coded:
            if len(arm.name) != 1:
                continue
            for m in re.finditer(r"(?<![\w.=/-])" + arm.name + r"(?![\w.=/-])(?!\s*=)", scan):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    extra.append(Mention(m.start(), m.end(), str(arm.canonical)))
                    taken.append((m.start(), m.end()))
    # "(S vs. SP)": two arms' abbreviations set against each other, a one-letter one included
    for m in _ABBREVIATIONS_VERSUS.finditer(scan):
        pair = [letters.get(m.group(k), set()) for k in ("a", "b")]
        if all(len(p) == 1 for p in pair) and pair[0] != pair[1]:
            for k, owner in zip(("a", "b"), pair):
                if not any(x < m.end(k) and m.start(k) < y for x, y in taken):
                    extra.append(Mention(m.start(k), m.end(k), next(iter(owner))))
                    taken.append((m.start(k), m.end(k)))
    # "1.24 (...) with 5 mg and 1.43 (...) with 10 mg" in a trial of two doses of one drug: the dose names its arm
    arms = list(getattr(study, "arms", None) or ())
    doses: dict[str, list] = {}
    for arm in arms:
        dose = str(getattr(arm, "dose", "") or "")
        if dose and re.match(r"\d", dose):
            doses.setdefault(dose, []).append(arm)
    if len(doses) >= 2 and all(len(v) == 1 for v in doses.values()):
        for dose, (arm, ) in doses.items():
            amount, unit = re.match(r"([\d.]+)\s*(.*)", dose).groups()
            canonical = str(getattr(arm, "canonical", ""))
            base = canonical[: -len(dose) - 1] if canonical.endswith(" " + dose) else ""
            amount_unit = re.escape(amount) + r"[\s-]*" + re.escape(unit)
            # "1.24 with 5 mg", "0.13 IU/ml at 40 mg"
            pattern = r"\b(?:with|on|receiving|at)\s+(?:the\s+)?(?P<dose>" + amount_unit + r")(?![\w/])"
            # "the 10 mg group", "the 50 mg, 100 mg and 200 mg groups", "for the 60 mg dose": a dose (or a list of them)
            # before "group(s)", "arm(s)", "dose(s)" or "regimen(s)"
            pattern += (r"|(?<![\d.])(?P<dose_group>" + amount_unit + r")(?=(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                        r"[\d.]+[\s-]*[A-Za-z\u00b5\u03bc/]+)*[\s-]+(?:groups?|arms?|doses?|regimens?)\b)")
            if base:
                # "15 mg of tirzepatide", "the 5-mg, 10-mg, and 15-mg tirzepatide groups"
                pattern += (r"|(?<![\d.])(?P<dose_of>" + amount_unit + r")\s+of\s+" + re.escape(base) + r"\b"
                            r"|(?<![\d.])(?P<dose_mod>" + re.escape(amount) + "-" + re.escape(unit) + r")(?=[^.;]{0,40}\b"
                            + re.escape(base) + r"\b)")
            for m in re.finditer(pattern, scan, re.I):
                group = next(g for g in ("dose", "dose_group", "dose_of", "dose_mod") if m.groupdict().get(g))
                start, end = m.start(group), m.end(group)
                if not any(a < end and start < b for a, b in taken):
                    extra.append(Mention(start, end, canonical))
                    taken.append((start, end))
    # "(high dose, -9.9 [95% CI ...], low dose, -6.3 [...])" in a trial of two dose levels of one drug: the level
    # names its arm (study.Study.resolve reads a level alike)
    levels: dict[str, list] = {}
    for arm in arms:
        level = re.fullmatch(r"(low|high|standard|medium|intermediate|reduced)\s+dose", str(getattr(arm, "dose", "") or ""))
        if level:
            levels.setdefault(level.group(1).lower(), []).append(arm)
    if len(levels) >= 2 and all(len(v) == 1 for v in levels.values()):
        for level, (arm, ) in levels.items():
            for m in re.finditer(r"\b" + level + r"[- ]dose\b", scan, re.I):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    extra.append(Mention(m.start(), m.end(), str(getattr(arm, "canonical", ""))))
                    taken.append((m.start(), m.end()))
    for start, end, canonical in _with_and_without(scan, list(getattr(study, "arms", None) or ())):
        if not any(a < end and start < b for a, b in taken):
            extra.append(Mention(start, end, canonical))
            taken.append((start, end))
    for role, pattern in _ROLE_WORDS.items():
        canonical = _arm_of_role(role, list(getattr(study, "arms", None) or ()))
        if not canonical:
            continue
        for m in pattern.finditer(scan):
            w = next(g for g in ("w", "w2", "w3") if g in pattern.groupindex and m.group(g))
            if not any(a < m.end(w) and m.start(w) < b for a, b in taken):
                extra.append(Mention(m.start(w), m.end(w), canonical))
                taken.append((m.start(w), m.end(w)))
    for start, end, canonical in _role_abbreviations(scan, list(getattr(study, "arms", None) or ())):
        if not any(a < end and start < b for a, b in taken):
            extra.append(Mention(start, end, canonical))
            taken.append((start, end))
    for m in _ROLE_LIST.finditer(scan):
        # "of the combination therapy and monotherapy groups", "in the intervention and control arms": a list of
        # role words closed by one "groups"; each word names the study's one arm of its role
        for item in _ROLE_ITEM.finditer(scan, m.start("items"), m.end("items")):
            canonical = _arm_of_role(_role_of_word(item.group(0)), list(getattr(study, "arms", None) or ()))
            if canonical and not any(a < item.end() and item.start() < b for a, b in taken):
                extra.append(Mention(item.start(), item.end(), canonical))
                taken.append((item.start(), item.end()))
    controls = [a for a in getattr(study, "arms", None) or () if getattr(a, "role", "") == "control"]
    control = str(getattr(controls[0], "canonical", "") or "") if len(controls) == 1 else ""
    # a placebo arm the document itself defines as its "Control group" (a table's column) is what "the control group" means
    called_control = control == "placebo" and bool(re.match(r"(?i)\s*(?:the\s+)?control(?:\s+(?:group|arm))?\s*$",
                                                            str(getattr(controls[0], "name", "") or "")))
    # (also a standard care named with more words, "standard maternity care"; an arm that went without, "no X", is named
    # by the meaning step, which notes it)
    named_kind = bool(re.match(r"(?i)(?:standard|usual|routine|conventional)\b[\w\s/-]{0,40}\b(?:care|treatment|management|"
                               r"protocols?|practice|therapy)$", control))
    # (in a trial of more than two arms "the control" is the one control arm that went without, "no vitamin D"; with
    # two arms the meaning step names it so, and says it did)
    named_kind = named_kind or (control.startswith("no ") and len(getattr(study, "arms", None) or ()) > 2)
    # an arm the model knows only by its code and as the control ("Group II (Control group)"): "the control group"
    coded_control = bool(re.fullmatch(r"(?i)(?:group|arm)\s+" + _ARM_CODE, control))
    # (any other one control arm the model names by what it is, "standard follow-up", "saline", "health education": the
    # control the document means; not a placebo, whose rows name it so, nor "no X" of two arms, which the meaning step names)
    named_control = bool(control) and control != "control" and arm_control_kind(control) not in ("placebo", "control") \
        and not (control.startswith("no ") and len(getattr(study, "arms", None) or ()) <= 2)
    if control in ("standard care", "no treatment", "sham") or called_control or arm_control_kind(control) == "standard care" \
            or (named_kind and control != "placebo") or coded_control or named_control:
        # "the control group" of a trial whose one control arm is standard care ("standard therapy", "conventional
        # treatment", as the document names it), no treatment or a sham: that arm
        mentions = [Mention(m.start, m.end, control, m.negated) if m.canonical == "control" and not m.negated else m
                    for m in mentions]
    if control and arm_control_kind(control) not in ("", "placebo", "control"):
        # "sham" read by the lexicon as placebo in a sham-controlled trial: a control word of the kind of the study's one
        # control arm names that arm
        kind = arm_control_kind(control)
        mentions = [Mention(m.start, m.end, control, m.negated) if m.canonical != control and not m.negated
                    and arm_control_kind(m.canonical) and arm_control_kind(scan[m.start:m.end]) == kind else m
                    for m in mentions]
    return sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions


# "the usual-strategy group", "in the high-flow arm": a phrase of one to three words before "group" / "arm"
_LEAD_WORDS = r"the|in|of|to|and|or|than|versus|vs|with|between|an?"
_PLAIN_WORD = r"(?!(?:" + _LEAD_WORDS + r")\b)[A-Za-z]\w*"
_SHORT_GROUP_NAME = start_guarded(re.compile(r"\b(?:" + _LEAD_WORDS + r")\.?\s+(?:the\s+)?(?P<w>" + _PLAIN_WORD + r"(?:[\s-]" + _PLAIN_WORD
                               + r"){0,2})(?=\s+(?:group|arm)s?\b)", re.I))
_NAME_WORD = re.compile(r"[a-z][a-z0-9]*")


def _short_group_names(scan: str, arms: list) -> list[tuple[int, int, str]]:
    """ "the usual-strategy group" of "usual fluid strategy", "the high-flow group" of "high-flow nasal oxygen": a
    phrase before "group" / "arm" whose every word is a word of one arm's name, one of them a word of no other arm's
    name, names that arm (a phrase of one word only in a study of two arms). (start, end, canonical) of each."""
    words = {str(getattr(a, "canonical", "") or ""): set(_NAME_WORD.findall(str(getattr(a, "name", "") or "").lower()))
             for a in arms}
    words = {k: v for k, v in words.items() if k and v}
    if len(words) < 2:
        return []
    out = []
    for m in _SHORT_GROUP_NAME.finditer(scan):
        said = [w for w in _NAME_WORD.findall(m.group("w").lower()) if w not in ("only", "alone")]
        if len(said) < 2 and len(words) > 2:
            continue        # one word names an arm only among two ("the standard group" of four arms may be two)
        owners = [k for k, v in words.items() if set(said) <= v]
        if len(owners) != 1:
            continue
        others = set().union(*(v for k, v in words.items() if k != owners[0]))
        if set(said) - others:
            out.append((m.start("w"), m.end("w"), owners[0]))
    return out


def _with_and_without(scan: str, arms: list) -> list[tuple[int, int, str]]:
    """ "22% with enema v 14% without enema" in a trial of "saline enemas" against "no enema": "without X" names the
    arm that went without X, "with X" the one other arm whose name holds X (a plural or not). (start, end, canonical)
    of each such phrase."""
    out = []
    for arm in arms:
        m = re.match(r"(?i)\s*(?:no|without)\s+(?P<x>[a-z][\w-]{2,}(?:\s+[a-z][\w-]*){0,2})\s*$", str(getattr(arm, "canonical", "")))
        if m is None:
            continue
        x = m.group("x")
        stem = singular(x.split()[-1].lower())
        others = [a for a in arms if a is not arm and re.search(r"(?<![\w-])" + re.escape(stem) + r"(?:es|s)?(?![\w-])",
                                                                 f"{getattr(a, 'name', '')} {getattr(a, 'canonical', '')}", re.I)
                  and not re.match(r"(?i)\s*(?:no|without)\b", str(getattr(a, "canonical", "")))]
        spelled = r"[\s-]+".join(map(re.escape, x.split()[:-1] + [stem])) + r"(?:es|s)?"
        for found in re.finditer(r"(?i)\b(?P<w>with(?P<out>out)?\s+(?:an?\s+|the\s+)?" + spelled + r")(?![\w-])", scan):
            if found.group("out"):
                out.append((found.start("w"), found.end("w"), str(arm.canonical)))
            elif len(others) == 1:
                out.append((found.start("w"), found.end("w"), str(others[0].canonical)))
    return out


# "group I", "Arm B", "group 2": a code naming one arm
_ARM_CODE = r"(?:[IVX]{1,4}|[A-H]|\d)"
# "groups I and II", "Group I and II", "group A, group B or group C": one or more codes after "group(s)"/"arm(s)"
_CODED_GROUPS = re.compile(r"(?<![\w-])(?:[Gg]roups?|[Aa]rms?)\s+(?P<codes>" + _ARM_CODE + r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|"
                           r"\s(?:and|or|vs\.?|versus)\s+|&\s*)(?:(?:[Gg]roups?|[Aa]rms?)\s+)?" + _ARM_CODE
                           + r")*)(?![\w-])")
# the words that may stand before a coded arm: an article, a preposition or a conjunction ("in group I", "whereas
# group II"); any other word makes it a subgroup of some measure ("age group I", "risk group B", "ASA group II")
_BEFORE_ARM_CODE = re.compile(r"(?i)(?:^|[^\w\s]|\d|\b(?:the|in|of|for|to|from|with|between|among|amongst|and|or|but|"
                              r"nor|while|whereas|than|versus|vs|both|either|on|at|by|into|as|that|those|this|each|"
                              r"respectively|resp|when|where|compared|against))\s*$")


_LABELLED_CODE = re.compile(r"(?<![\w-])(?:[Gg]roup|[Aa]rm)\s+(?P<code>" + _ARM_CODE + r")\s*\(\s*(?P<label>(?i:study|"
                            r"control|intervention|treatment|experimental|case|placebo|comparison))\s+(?i:group|arm)\s*\)")


def _coded_arm_mentions(scan: str, arms: list) -> list[tuple[int, int, str]]:
    """ "19 and 20 in Group I and II", "in group II the mean was ...": each code the study model defines as one arm's
    "group X" (an allocation sentence's "Group I (Control) was given ...", a table's "Group I (Study group)") names
    that arm, also when the lexicon names the arm already elsewhere. A code no arm has, or two arms share, names
    nothing; so does a "group" that is a subgroup ("age group I"). (start, end, canonical) of each code."""
    owners: dict[str, set] = {}
    for arm in arms:
        canonical = str(getattr(arm, "canonical", "") or "")
        for alias in {str(getattr(arm, "name", "") or ""), *map(str, getattr(arm, "aliases", None) or ())}:
            coded = re.fullmatch(r"(?i)(?:group|arm)\s+(" + _ARM_CODE + ")", alias.strip())
            if canonical and coded:
                owners.setdefault(coded.group(1).upper(), set()).add(canonical)
    codes = {code: next(iter(c)) for code, c in owners.items() if len(c) == 1}
    if len(codes) < 2:
        return []
    out = []
    # "Group I (Study group) | Group II (Control group)": the document's own label of a coded arm names it wherever
    # it stands ("in the study group was 4.64 ± 2.73"), when it labels one code only
    labels: dict[str, set] = {}
    for m in _LABELLED_CODE.finditer(scan):
        if m.group("code").upper() in codes:
            labels.setdefault(m.group("label").lower(), set()).add(codes[m.group("code").upper()])
    for label, owner in labels.items():
        if len(owner) != 1:
            continue
        for m in re.finditer(r"(?i)\b(?:the|in|of|for|to|with|and|than|versus|vs\.?|between)\s+(?P<w>" + re.escape(label)
                             + r"\s+(?:group|arm))(?![\w-])", scan):
            out.append((m.start("w"), m.end("w"), next(iter(owner))))
    for m in _CODED_GROUPS.finditer(scan):
        if not _BEFORE_ARM_CODE.search(scan[max(0, m.start() - 40):m.start()]):
            continue
        found = [(c.start() + m.start("codes"), c.end() + m.start("codes"), c.group(0))
                 for c in re.finditer(r"(?<!\w)" + _ARM_CODE + r"(?!\w)", m.group("codes"))]
        # a list naming a code the model does not define ("groups A and C" of a trial of A and B) names no arm
        if any(code.upper() not in codes for _, _, code in found):
            continue
        for start, end, code in found:
            # "Group II" of "Group I and Group II" with its word; "II" of "Group I and II" alone
            head = re.search(r"(?:[Gg]roups?|[Aa]rms?)\s+$", scan[max(m.start(), start - 12):start])
            out.append((start - len(head.group(0)) if head else start, end, codes[code.upper()]))
    return out


# words of an arm's name that say how it is given or what it is made of, not which treatment it is
_NOT_A_GROUP_WORD = re.compile(r"^(?:solution|pessaries|pessary|tablets?|capsules?|injections?|infusions?|patch|spray|"
                               r"nasal|vaginal|rectal|intravenous|subcutaneous|topical|inhaled|standard|usual|group|"
                               r"therapy|treatment|regimen|placebo|control|matching|conventional|plus|alone)$", re.I)


def _group_words(arms) -> dict[str, str]:
    """{word: canonical} for each word (six letters or more, or a code such as "D2", not a lexicon drug) of exactly
    one arm's name whose name is longer than the word, for an arm the lexicon does not name."""
    owners: dict[str, set] = {}
    for arm in arms:
        canonical = str(getattr(arm, "canonical", "") or "")
        name = str(getattr(arm, "name", "") or "")
        if not canonical or find_drugs(name) or len(name.split()) < 2:
            continue
        # (also a code of letters and digits: "vitamin D2" against "vitamin D3" is "the D2 group")
        for word in set(re.findall(r"[A-Za-z][a-z-]{5,}|(?<![\w-])[A-Z][A-Za-z]?\d{1,3}(?![\w-])", name)):
            if not _NOT_A_GROUP_WORD.match(word) and not _NOT_A_HEAD.match(word):
                owners.setdefault(word.lower(), set()).add(canonical)
    every_name = " ".join(str(getattr(a, "name", "") or "").lower() for a in arms)
    return {w: next(iter(c)) for w, c in sorted(owners.items())
            if len(c) == 1 and len(re.findall(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", every_name)) == 1}


@lru_cache(maxsize=512)
def _GROUP_WORD_PATTERN(word: str) -> re.Pattern:     # noqa: N802 - a compiled pattern per word, cached
    return re.compile(r"(?<![\w-])(?P<w>" + re.escape(word) + r")(?=\s+(?:group|arm)s?\b)", re.I)


# "complete renal remission (CR)": a phrase and the abbreviation the document uses for it afterwards
_DEFINED_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9-]{1,7})\)")
_PHRASE_BEFORE = re.compile(r"(?:[\w-]+\s+){0,4}[\w-]+\s*$")


def _outcome_abbreviations(scan: str, mentions: list[Mention]):
    """Abbreviations the document defines for an outcome, as one pattern (None when there are none)."""
    drug_spans = {(m.start, m.end) for m in mentions}
    found = []
    for m in _DEFINED_ABBREVIATION.finditer(scan):
        if (m.start("abbr"), m.end("abbr")) in drug_spans:
            continue
        phrase = _PHRASE_BEFORE.search(scan, max(0, m.start() - 60), m.start())
        if phrase is None or not has_outcome(phrase.group()):
            continue
        found.append(re.escape(m.group("abbr")))
    return re.compile(r"\b(?:" + "|".join(sorted(set(found))) + r")\b") if found else None


@lru_cache(maxsize=16)
def _timepoints(seg: str, landmarks: bool = True) -> tuple:
    """(start, timepoint) of each period the sentence names; without `landmarks`, not the landmark of a survival
    rate ("3-year overall survival was 50.3% ... (HR 1.08)": the rates' time, not the hazard ratio's)."""
    return tuple((start, tp) for start, end, tp in timepoint_spans(seg)
                 if landmarks or not _SURVIVAL_LANDMARK.match(seg, end))


# "3-year overall survival", "5-year disease-free survival rate", "1-year mortality"
_SURVIVAL_LANDMARK = re.compile(r"[\s-]*(?:(?:overall|cancer-specific|disease-specific|melanoma-specific|relative|net|cumulative)\s+)?"
                                r"(?:survival|mortality|(?:event|disease|progression|relapse|recurrence|metastasis)[- ]free\b)",
                                re.I)


def _timepoint(seg: str, pos: int, measure: str = "") -> str:
    """The last timepoint named before `pos` in the sentence; else the one period the sentence names after it
    ("... died within 28 days (rate ratio 0.85 ...)"). A hazard ratio compares whole survival curves: a survival
    rate's landmark is not its time."""
    best = ""
    for start, tp in _timepoints(seg, landmarks=measure != "HR"):
        if start > pos:
            break
        best = tp
    if not best:
        named = {tp for _, tp in _timepoints(seg, landmarks=measure != "HR")}
        if len(named) == 1:
            best = named.pop()
    return best


def _tidy(x: float | None) -> float | None:
    """55.0% / 100 is 0.5499999999999999 in binary; print it as 0.55."""
    return None if x is None else round(x, 10)


def _context_key(scan: str, start: int, end: int) -> str:
    return re.sub(r"[^a-z0-9]", "", scan[max(0, start - 30):end + 30].lower())


def extract_document(doc_id: str, text: str, source_file: str = "", condition: str = "", study=None,
                     errors: list | None = None, design: str = "") -> list[dict]:
    """The estimates of one document as rows (ESTIMATE_COLUMNS keys plus value_text, unit, finder).

    `study` (optional) is the document's study model: an object whose `.arms` have name, canonical, n, role,
    start, end; its arm sizes and names are used to resolve "the X group", "either group" and lists.
    A sentence whose reading raises is skipped and its error appended to `errors` (when a list is given);
    the other sentences' rows are kept, so odd input never stops a run. `design` (documents.csv vocabulary,
    optional): whole-population baseline figures are read only in a randomized trial's report.
    """
    scan = scan_view(text)
    if not _DIGIT.search(scan) and not _NOBODY.search(scan):
        return []
    mentions = _with_study_arms(scan, _with_defined_arms(scan, find_drugs(scan), study), study)
    # the document's treatment: its most named arm that is no control ("no paracetamol", an arm named by what it lacks,
    # is the study's control however often the text names it)
    controls = {str(getattr(a, "canonical", "") or "") for a in getattr(study, "arms", None) or ()
                if getattr(a, "role", "") == "control"}
    counts = Counter(m.canonical for m in mentions if not m.negated and m.canonical not in _NON_DRUG | controls)
    main_drug = counts.most_common(1)[0][0] if counts else ""
    # "IVIG as an add-on therapy to azathioprine": the document's treatment is the combination
    combos = [g.name for g in groups_from(mentions, scan) if " + " in g.name and main_drug in g.name.split(" + ")]
    if combos:
        main_drug = Counter(combos).most_common(1)[0][0]
    negated = {m.canonical for m in mentions if m.negated}
    doc_arms = frozenset(m.canonical for m in mentions if not m.negated)
    # the study model's sizes, where it states them, win over those read next to the arms' names
    state = SentenceState(arm_sizes=_arm_sizes(scan, mentions) | _study_sizes(study, scan),
                          rr_means_rate=bool(re.search(r"relapse\s+rates?\s*\(RRs?\)", scan, re.I)),
                          outcome_abbreviations=_outcome_abbreviations(scan, mentions),
                          plus_minus=plus_minus_spread(text, scan),
                          bracket_spread=bracket_spread(text, scan),
                          population=_population(scan, study, design),
                          design=(design or getattr(study, "design", "") or "").strip(),
                          study_arm_count=len(getattr(study, "arms", None) or ()),
                          trial_period=_trial_period(scan), lettered=_lettered_arms(study) or _lettered_in_text(scan, mentions),
                          abbreviations=defined_abbreviations(scan) if re.search(r"\([A-Z]{2,6}\)", scan) else {},
                          study_arms=_ordered_study_arms(study))
    treatments = doc_arms - _NON_DRUG
    # a single-arm study (placebo named at most in passing, as in "patients who switched from placebo" of an
    # open-label extension) whose one treatment has a stated size
    single_arm = not doc_arms & _NON_DRUG or bool(_OPEN_LABEL.search(scan))
    sole_arm = next(iter(treatments)) if len(treatments) == 1 and single_arm \
        and list(state.arm_sizes) == list(treatments) else ""
    reader = _Reader(doc_id, source_file, condition, text, scan, state, mentions, main_drug, negated, doc_arms,
                     sole_arm, study_pair=_study_pair(study), study_roles=_study_roles(study),
                     study_model=_study_model(study), resolve_arm=_arm_resolver(study))
    if all(a.start <= b.start for a, b in zip(mentions, mentions[1:])):
        reader.mention_starts = [m.start for m in mentions]
    for s0, s1 in sentence_spans(scan):
        seg = scan[s0:s1]
        reader.follow_arm(s0, s1)
        if not (_DIGIT.search(seg) or _NOBODY.search(seg)) or _ASSUMPTION.search(seg) or _VARIANCE_EXPLAINED.search(seg):
            continue
        try:
            reader.read_sentence(s0, s1)
        except Exception as exc:     # noqa: BLE001 - one odd sentence must not cost the document its other rows
            if errors is not None:
                errors.append(f"sentence at {s0}-{s1}: {type(exc).__name__}: {exc}")
    rows = reader.rows
    if rows:
        rows = ratio_kinds_from_arms(_without_bare_repeats(_without_restated_ratios(rows)), text)
        _set_conditions(rows, scan, condition)
    return rows


# "two of six patients in the ticlopidine group compared with five of nine in the placebo group": a treatment the
# lexicon and the study model do not know, named as a group beside an arm that is known
_WORD_GROUP = re.compile(r"\b(?:the|in|on)\s+(?P<w>[a-z][a-z-]{4,30})\s+(?:group|arm)\b")
_NOT_A_TREATMENT_WORD = frozenset(
    "control controls treatment treated intervention active experimental comparison comparator study trial same other "
    "usual standard placebo sham whole total entire overall respective corresponding former latter younger older "
    "female male women subgroup elderly adult adults pediatric paediatric younger higher lower high-dose low-dose "
    "reference baseline combined combination surgery surgical medical infected uninfected exposed unexposed".split())


def with_groups_named_in_sentence(seg: str, mentions: list[Mention]) -> list[Mention]:
    """The sentence's arm mentions plus each "the W group" whose word W no mention covers, when the sentence names
    a known arm as well: a cited trial's arm ("the ticlopidine group") keeps its own name instead of taking this
    trial's."""
    if "group" not in seg and "arm" not in seg or not mentions:
        return mentions
    extra = []
    for m in _WORD_GROUP.finditer(seg):
        word = m.group("w")
        if word in _NOT_A_TREATMENT_WORD or any(x.start < m.end("w") and m.start("w") < x.end for x in mentions):
            continue
        extra.append(Mention(m.start("w"), m.end("w"), word))
    return sorted(mentions + extra, key=lambda x: (x.start, x.end)) if extra else mentions


# "among patients receiving corticosteroids", "in those not treated with X": a drug that defines a subgroup
_SUBGROUP_BY_DRUG = re.compile(r"\b(?:among|in)\s+(?:the\s+)?(?:patients|participants|those|children|adults|women|men)\s+"
                               r"(?:who\s+(?:were\s+)?)?(?:not\s+)?(?:receiving|treated\s+with|on|given|received|taking|"
                               r"using)\s+(?:[\w-]+\s+){0,2}$", re.I)


def without_subgroup_drugs(seg: str, mentions: list[Mention], arms: frozenset) -> list[Mention]:
    """The sentence's mentions without a drug that is none of the study's arms and only names a subgroup ("the rate
    ratio was 0.79 among patients receiving corticosteroids"): the estimate is the trial's arms' within it."""
    return [m for m in mentions if m.canonical in arms or m.canonical.removeprefix("no ") in arms
            or not _SUBGROUP_BY_DRUG.search(seg, max(0, m.start - 60), m.start)]


def _study_roles(study) -> tuple:
    """(experimental canonical names, control canonical names) of the study model; "control" (the generic
    word) names the control arm too when the study has one."""
    arms = list(getattr(study, "arms", None) or ())
    experimental = frozenset(str(getattr(a, "canonical", "") or "") for a in arms if getattr(a, "role", "") == "experimental")
    control = frozenset(str(getattr(a, "canonical", "") or "") for a in arms if getattr(a, "role", "") == "control")
    experimental, control = experimental - {""}, control - {""}
    if not experimental or not control:
        return ()
    return experimental, control | {"control"}


# "hazard ratio for placebo versus X", "(odds ratio, control vs. intervention, 1.4": the text orders the ratio's arms
_RATIO_ORDER_SAID = re.compile(r"\b(?:ratios?|HR|OR|RR|IRR)\b[^;()\d]{0,60}?\b(?:vs\.?|versus|relative\s+to|compared\s+(?:with|to)|"
                               r"over)\b[^;()\d]{0,50}?[,:;=]?\s*(?:was\s+|of\s+)?$", re.I)


_RATIO_WORD = re.compile(r"\b(?:ratios?|HR|OR|RR|IRR)\b", re.I)
_COMPARED_AFTER = re.compile(r"\s*[)\]]?\s*,?\s*(?:as\s+)?(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to)\s", re.I)


def conventional_ratio_arms(seg: str, est: Estimate, intervention: str, comparator: str, roles: tuple,
                            prev_end: int = 0, groups=()) -> tuple[str, str, bool]:
    """A ratio whose arms the sentence gave only in the order it named them ("12.4 months in the control group, as
    compared with 18.5 months in the X group (hazard ratio 0.62)") is the experimental arm relative to the control,
    as trials report ratios; a ratio whose own words order its arms ("hazard ratio for placebo vs X") or whose
    direction the sentence claims ("fewer events with X than with placebo") keeps the sentence's order. The third
    value says whether the text itself ordered a control-first pair (then the ratio is turned later, not swapped)."""
    if est.measure not in RATIO or not roles or not intervention or not comparator:
        return intervention, comparator, False
    experimental, control = roles
    if intervention not in control or comparator not in experimental:
        return intervention, comparator, False
    if _RATIO_ORDER_SAID.search(seg[max(prev_end, est.start - 120):est.start]) \
            or order_said(seg, groups, est.start, est.end, prev_end) == (intervention, comparator):
        return intervention, comparator, True
    # "hazard ratio with nintedanib, 1.15", "hazard ratio ... for RT patients was 1.93 (...) compared to CRT": an arm
    # named inside the ratio's own words, or the comparison written right after its value
    ratio_word = None
    for m in _RATIO_WORD.finditer(seg, max(prev_end, est.start - 80), est.start):
        ratio_word = m
    if ratio_word is not None and any(ratio_word.end() <= g.start and g.end <= est.start for g in groups):
        return intervention, comparator, True
    if _COMPARED_AFTER.match(seg, max(est.end, est.tail_end)):
        return intervention, comparator, True
    if claimed_direction(seg, est.start, est.tail_end, prev_end):
        return intervention, comparator, True
    if direction_from_rates(seg, groups, intervention, comparator, est.start, prev_end, est.measure):
        # "52.4% in the A plus B group and 58.2% in the A alone group (HR 0.89)": the arms' own figures decided
        return intervention, comparator, True
    return comparator, intervention, False


def study_treatment_and_control(roles: tuple) -> tuple[str, str] | None:
    """(treatment, control) of a study model with one control arm and one treatment, or doses of one drug
    ("x 5 mg", "x 10 mg" -> "x"); None otherwise."""
    experimental, control = roles
    controls = control - {"control"}
    if len(controls) != 1:
        return None
    bases = {re.sub(r"\s+\d+(?:\.\d+)?\s*(?:mg|g|µg|μg|mcg|IU)(?:/\w+)?$", "", e) for e in experimental}
    if len(bases) != 1:
        return None
    return next(iter(bases)), next(iter(controls))


# "two replicate 52-week, randomized, double-blind trials", "an open-label, 40-week, phase 3 trial",
# "dupilumab ... or placebo for 52 weeks", "azithromycin ... or placebo for 1 year"
_TRIAL_PERIOD = re.compile(r"\b(?P<n>\d+)[- ](?P<u>week|month|year),?\s+(?:[\w-]+,?\s+){0,5}?(?:trials?|study|studies)\b"
                           r"|\b(?:placebos?|assigned|randomi[sz]ed)\b[^.;]{0,120}?\bfor\s+(?P<n2>\d+|one)\s+(?P<u2>week|month|year)s?\b"
                           # "The primary end point was the change in X from baseline to 40 weeks"
                           r"|\bprimary\s+(?:end\s*point|outcome)\b[^.;]{0,120}?\bfrom\s+baseline\s+to\s+(?:(?P<u3>week|month)\s+(?P<n3>\d+)"
                           r"|(?P<n4>\d+)\s+(?P<u4>week|month)s?)\b",
                           re.I)
# what a trial measures over its whole treatment period when no time is printed with it: an annualized rate, an
# annual rate of change, a rate ratio of events, a change from baseline
_OVER_THE_PERIOD = re.compile(r"\bannual(?:i[sz]ed)?\s+(?:[\w-]+\s+){0,3}?rates?\b|\brates?\s+(?:ratio\s+)?of\s+"
                              r"(?:[\w-]+\s+){0,3}?(?:exacerbations|relapses|attacks|flares)\b|\brates\s+of\s+exacerbation"
                              r"|\bchanges?\s+from\s+baseline\b", re.I)


def _trial_period(scan: str) -> str:
    """The treatment period a randomized trial states ("52 weeks", "1 years"), else ""."""
    if not _RANDOMIZED.search(scan):
        return ""
    m = _TRIAL_PERIOD.search(scan)
    if not m:
        return ""
    n = (m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")).lower().replace("one", "1")
    return f"{n} {(m.group('u') or m.group('u2') or m.group('u3') or m.group('u4')).lower()}s"


_RANDOMIZED = prefiltered(re.compile(r"\brandomly\s+(?:assigned|allocated)|\brandomi[sz]ed\b", re.I))


def _population(scan: str, study, design: str = "") -> int | None:
    """The whole study population's size: as the text states it, else the sum of the study model's arm sizes.
    Only a randomized trial's (by the document's design, else the study model's, else the text's words): the
    labelling rules mark whole-population baseline figures of trials; a cohort's or a review's are not read."""
    design = (design or getattr(study, "design", "") or "").strip()
    if design != "RCT" and (design or not _RANDOMIZED.search(scan)):
        return None
    stated = population_size(scan)
    if stated:
        return stated
    sizes = [getattr(a, "n", None) for a in (getattr(study, "arms", None) or ())]
    if len(sizes) >= 2 and all(isinstance(n, int) and n > 0 for n in sizes):
        return sum(sizes)
    return 0        # a trial whose population a sentence may still print ("1578 patients (491 female ...)")


# "Table 2 shows the end points at week 40.", "Results at 6 months are given below.": a sentence without values that
# says when the results it introduces were measured
_RESULTS_AT = prefiltered(re.compile(r"\b(?:end\s*points?|outcomes?|results|efficacy)\b[^.;\d]{0,40}?\b(?:at|by|after)\s+"
                         r"(?:week|month|day|year)\s+\d+|\b(?:end\s*points?|outcomes?|results)\b[^.;\d]{0,40}?\b(?:at|by|after)\s+"
                         r"\d+\s+(?:weeks|months|days|years)\b", re.I))


_DOSE_WORD_BEFORE = re.compile(r"\b(?:the\s+)?(?P<which>lower|higher|lowest|highest|low|high)(?:er)?[- ]dose\s+(?:of\s+)?"
                               r"(?:the\s+)?(?P<drug>[A-Za-z][\w-]+)", re.I)
_DOSE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(?:mg|g|\u00b5g|\u03bcg|mcg|IU)\b", re.I)


def _dose_arm_named(seg: str, pos: int, intervention: str, roles: tuple) -> str:
    """ "in patients assigned to the lower dose of X (difference vs. placebo, 0.14 liters)": the study's arm of X with the
    smallest dose (the largest for "higher"), when the study has two dose arms or more of X; else ""."""
    if not roles or not intervention:
        return ""
    said = None
    for m in _DOSE_WORD_BEFORE.finditer(seg, max(0, pos - 120), pos):
        said = m
    if said is None or not intervention.lower().startswith(said.group("drug").lower()):
        return ""
    doses = [(float(d.group(1)), arm) for arm in roles[0] if arm.lower().startswith(said.group("drug").lower())
             for d in [_DOSE_NUMBER.search(arm)] if d is not None]
    if len(doses) < 2 or len({v for v, _ in doses}) != len(doses):
        return ""
    return (min(doses) if said.group("which").lower().startswith("low") else max(doses))[1]


# one dose of a study's dose arms as a writer names it in a comparison: "4 mg", "10-mg", "0.5 mg/kg", "the higher dose"
_DOSE_SAID = re.compile(r"(?<![\d.])(?P<amount>\d+(?:\.\d+)?)[\s-]*(?P<unit>mg|g|\u00b5g|\u03bcg|mcg|IU)(?:/\w+)?\b"
                        r"|\b(?P<level>higher|lower|highest|lowest|high|low)[- ]dose\b", re.I)
# what joins the two doses of a comparison between them: "4 mg versus 2 mg", "10 mg compared with 5 mg", "between the
# 10-mg and 5-mg groups"
_DOSE_JOIN = re.compile(r"^\s*(?:(?:groups?|arms?|doses?)\s+)?(?:of\s+[A-Za-z][\w-]*\s+)?(?:[A-Za-z][\w-]*\s+)?"
                        r"(?:vs\.?|v\.|versus|compared\s+(?:with|to)|relative\s+to|against|over|than)\s+(?:(?:with|to|on|in)\s+)?"
                        r"(?:the\s+)?(?:[A-Za-z][\w-]*\s+)?$", re.I)
# "between the 10 mg and 5 mg groups": a pair joined by "and" compares only after "between"
_DOSE_AND = re.compile(r"^\s*(?:(?:groups?|arms?|doses?)\s+)?(?:and|or)\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+)?$", re.I)
_FOR_AFTER = re.compile(r"[\s),;\]]*(?:for|with|in)\s", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+)?$", re.I)
# "compared with 5 mg, X 10 mg had ...": the comparator said first
_COMPARED_FIRST = re.compile(r"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+)?$", re.I)
_CLAUSE_THEN_ARM = re.compile(r"^\s*(?:(?:groups?|arms?|doses?)\s*)?,\s*(?:the\s+)?(?:[A-Za-z][\w-]*\s+)?$", re.I)


@lru_cache(maxsize=64)
def _dose_arms_of(roles: tuple) -> dict[tuple[float, str], str]:
    """The study's treatment arms that are doses of one drug, by (amount, unit); {} unless two doses or more of one
    drug are arms."""
    by_drug: dict[str, dict] = {}
    for arm in roles[0]:
        m = _DOSE_NUMBER.search(arm)
        if m:
            base = arm[:m.start()].strip().lower()
            unit = re.search(r"[a-z\u00b5\u03bc]+", arm[m.end(1):].lower()).group(0)
            by_drug.setdefault(base, {})[(float(m.group(1)), unit)] = arm
    doses = [d for d in by_drug.values() if len(d) >= 2]
    return doses[0] if len(doses) == 1 else {}


def _dose_of(m: re.Match, doses: dict) -> str:
    if m.group("level"):
        ordered = sorted(doses)
        return doses[ordered[-1] if m.group("level").lower().startswith("high") else ordered[0]]
    unit = m.group("unit").lower().replace("\u03bc", "\u00b5")
    return next((arm for (amount, u), arm in doses.items()
                 if amount == float(m.group("amount")) and u.replace("\u03bc", "\u00b5") == unit), "")


def dose_comparison_said(seg: str, lo: int, hi: int, roles: tuple, controls: frozenset = frozenset(),
                         with_control: bool = False) -> tuple[str, str] | None:
    """(intervention, comparator) when the text of seg[lo:hi] compares two dose arms of the study's drug with each
    other ("X 4 mg versus 2 mg: OR 1.40", "the 10-mg group compared with the 5-mg group", "between the 10 mg and 5 mg
    groups", "compared with 5 mg, X 10 mg ...", "the higher dose vs. the lower dose"); None otherwise, also when a
    control follows the pair (a three-way "4 mg vs 2 mg vs placebo" compares no one pair). `with_control`: a dose
    against the control ("... for 10 mg vs. placebo" after an estimate) is a pair too."""
    if not roles or hi - lo < 6:
        return None
    window = seg[lo:hi]
    if not _DOSE_SAID.search(window):
        return None
    doses = _dose_arms_of(roles)
    if not doses:
        return None
    said = [(m, _dose_of(m, doses)) for m in _DOSE_SAID.finditer(window)]
    # a control named in the comparison too: "10 mg vs. placebo" is that dose against the control
    names = sorted(controls | {"placebo"}, key=len, reverse=True)
    said += [(m, next(c for c in names if c.lower() == m.group(0).lower()))
             for m in (re.finditer(r"\b(?:" + "|".join(re.escape(c) for c in names) + r")\b", window, re.I))]
    said = sorted(((m, arm) for m, arm in said if arm), key=lambda x: x[0].start())
    for i, ((m1, a1), (m2, a2)) in enumerate(zip(said, said[1:])):
        gap = window[m1.end():m2.start()]
        dose_arms = [a for a in (a1, a2) if a in doses.values()]
        if a1 == a2 or not dose_arms or (len(dose_arms) == 1 and not with_control):
            continue
        if _COMPARED_FIRST.search(window, 0, m1.start()) and _CLAUSE_THEN_ARM.match(gap):
            pair = (a2, a1)
        elif _DOSE_JOIN.match(gap) or (_DOSE_AND.match(gap) and _BETWEEN_BEFORE.search(window, 0, m1.start())):
            pair = (a1, a2)
        else:
            continue
        if i + 2 < len(said) and _DOSE_JOIN.match(window[m2.end():said[i + 2][0].start()]):
            return None         # "4 mg vs 2 mg vs placebo": a three-way comparison names no one pair
        return pair
    return None


# "aclidinium bromide (AB)", "formoterol fumarate (FF)": lower-case words defining a capital abbreviation
_LOWER_DEFINITION = re.compile(r"\b(?P<long>[a-z][a-z-]{3,}(?:\s+[a-z][a-z-]{3,})?)\s*\(\s*(?P<abbr>[A-Z]{2,6})\s*\)")


# the bracket every definition ends with; what comes before it in a definition is lower-case letters, hyphens and spaces
_ABBREVIATION_BRACKET = re.compile(r"\(\s*[A-Z]{2,6}\s*\)")
_DEFINITION_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")


def defined_abbreviations(scan: str) -> dict[str, str]:
    """{ABBR: words} of the capital abbreviations a document defines after lower-case words (one definition each)."""
    found: dict[str, set] = {}
    for m in _definitions(scan):
        found.setdefault(m.group("abbr"), set()).add(m.group("long"))
    return {abbr: next(iter(longs)) for abbr, longs in found.items() if len(longs) == 1}


def _definitions(scan: str) -> list[re.Match]:
    """The matches `_LOWER_DEFINITION.finditer(scan)` gives, found faster: a definition holds nothing but lower-case
    letters, hyphens and spaces before its bracket, so each bracket's is looked for only in that run of characters
    right before it (the whole text was searched, at every lower-case letter, for the few brackets a document has)."""
    out = []
    for bracket in _ABBREVIATION_BRACKET.finditer(scan):
        start = bracket.start()
        while start > 0 and (scan[start - 1] in _DEFINITION_CHARS or scan[start - 1].isspace()):
            start -= 1
        m = _LOWER_DEFINITION.search(scan, start, bracket.end())
        if m is not None:
            out.append(m)
    return out


def spelled_out(words: str, defined: dict | None) -> str:
    """ "AB/FF 400/12 μg" -> "aclidinium bromide/formoterol fumarate 400/12 μg" when every capital abbreviation of the
    words is one the document defines; "" otherwise."""
    if not defined:
        return ""
    abbreviations = re.findall(r"\b[A-Z]{2,6}\b", words)
    if not abbreviations or not all(x in defined for x in abbreviations):
        return ""
    return re.sub(r"\b[A-Z]{2,6}\b", lambda m: defined[m.group()], words).lower()


def _arm_by_word(words: str, arms: frozenset) -> str:
    """The one arm (canonical name) among `arms` whose name holds every word of `words` ("D2" of "100 000 IU
    vitamin D2"), else ""."""
    wanted = words.lower().split()
    found = [a for a in arms if wanted and all(w in a.lower().split() for w in wanted)]
    return found[0] if len(found) == 1 else ""


def _ordered_study_arms(study) -> tuple:
    """The study model's arms (canonical names, each once) in the order it holds them, the document's order."""
    return tuple(dict.fromkeys(str(getattr(a, "canonical", "") or "") for a in getattr(study, "arms", None) or ()
                               if getattr(a, "canonical", "")))


def _study_model(study) -> tuple:
    """(canonical name, role) of each arm of the study model, in its order."""
    return tuple((str(getattr(a, "canonical", "") or ""), str(getattr(a, "role", "") or ""))
                 for a in getattr(study, "arms", None) or () if getattr(a, "canonical", ""))


def _arm_resolver(study):
    """A name -> the canonical name of the study arm it names ("" for none), or None without a study model."""
    if study is None or not getattr(study, "arms", None):
        return None

    def resolve(name: str) -> str:
        arm = study.resolve(name)
        return str(arm.canonical) if arm is not None else ""
    return resolve


def _study_pair(study) -> tuple:
    """(experimental, control) canonical names when the study model has exactly two arms, one of each role."""
    arms = list(getattr(study, "arms", None) or ())
    roles = [str(getattr(a, "role", "") or "") for a in arms]
    if len(arms) != 2 or sorted(roles) != ["control", "experimental"]:
        return ()
    by_role = {r: str(getattr(a, "canonical", "") or "") for a, r in zip(arms, roles)}
    return (by_role["experimental"], by_role["control"]) if all(by_role.values()) else ()


# what joins the parts of a combination arm's name: "A plus B", "A/B", "A + B", "A and B", "A with B"
_COMPONENT_JOIN = re.compile(r"\s*(?:/|\+|&|\band\b|\bplus\b|\bwith\b)\s*|\s+")


@dataclass
class _Reader:
    """What one document's sentences share while they are read in order: the document's arms and sizes, its
    last comparison, the rows found so far."""
    doc_id: str
    source_file: str
    condition: str
    text: str
    scan: str
    state: SentenceState
    mentions: list
    main_drug: str
    negated: set
    doc_arms: frozenset
    sole_arm: str
    last_pair: tuple | None = None
    table_arms: tuple | None = None
    rows: list = field(default_factory=list)
    seen: set = field(default_factory=set)
    last_outcome: dict = field(default_factory=dict)
    partners: dict = field(default_factory=dict)      # each intervention's last comparator in the document
    study_pair: tuple = ()      # (experimental, control) of a study model with just those two arms
    study_roles: tuple = ()     # (experimental names, control names) of the study model, when it has both
    study_model: tuple = ()     # (canonical name, role) of each study model arm, in the document's order
    resolve_arm: object = None  # a name -> the canonical name of the study arm it names, or "" (Study.resolve)
    arm_in_force: str = ""      # the arm a paragraph opened with ("In the A group, ..."), until another is named
    timepoint_said: str = ""    # "Table 2 shows the end points at week 40.": the time of the next sentence's results
    # the (intervention, comparator, timepoint) of the last sentence's comparisons, in order: a list of as many
    # differences "..., respectively" naming no arm in the next sentence is of the same comparisons
    previous_comparisons: list = field(default_factory=list)
    last_end: int = 0
    mention_starts: list = field(default_factory=list)     # the mentions' starts, in order (to find a span's)

    @property
    def _several_treatments(self) -> bool:
        """Whether the study model holds two or more experimental treatments besides its control (doses of one drug
        are one treatment): an estimate naming no arm is then not the main treatment's against the control."""
        if not self.study_roles or study_treatment_and_control(self.study_roles) is not None:
            return False
        # ("artesunate/amodiaquine" and "amodiaquine plus artesunate": one combination spelled two ways)
        return len({frozenset(_COMPONENT_JOIN.split(name.lower())) - {""} for name in self.study_roles[0]}) > 1

    def _is_control(self, name: str) -> bool:
        """Whether an arm name is a control arm: the study model's control, or a control word ("placebo", "sham")."""
        return any(a == name and role == "control" for a, role in self.study_model) or bool(arm_control_kind(name))

    def follow_arm(self, s0: int, s1: int) -> None:
        """Keep the arm a paragraph is about: set by a sentence opening "In the A group," (an arm of known size),
        ended by a sentence naming any other arm and by a line break."""
        if "\n" in self.scan[self.last_end:s0]:
            self.arm_in_force = ""
        self.last_end = s1
        named = {m.canonical for m in self.mentions[bisect_left(self.mention_starts, s0):] if m.end <= s1} \
            if self.mention_starts else set()
        opening = _ARM_OPENING.match(self.scan, s0, s1)
        if opening:
            arms = {m.canonical for m in self.mentions[bisect_left(self.mention_starts, opening.start("arm")):]
                    if m.end <= opening.end("arm")}
            if len(arms) == 1 and next(iter(arms)) in self.state.arm_sizes:
                self.arm_in_force = next(iter(arms))
                return
        if named - {self.arm_in_force} or _EVERY_PATIENT.search(self.scan[s0:s1]):
            self.arm_in_force = ""

    def _dose_pair(self, seg: str, est, comparative: list) -> tuple[str, str] | None:
        """The two dose arms the words right before an estimate (from the previous estimate on) or right after it
        ("OR 1.40 (...) for 4 mg versus 2 mg") compare, when the study has dose arms of one drug."""
        if not self.study_roles or len(self.study_roles[0]) < 2:
            return None
        idx = comparative.index(est) if est in comparative else 0
        lo = comparative[idx - 1].tail_end if idx > 0 else 0
        controls = self.study_roles[1]
        # the words after the previous estimate that begin "for ..." are that estimate's own
        pair = None if idx > 0 and _FOR_AFTER.match(seg, lo) else \
            dose_comparison_said(seg, lo, est.start, self.study_roles, controls)
        if pair is None and _FOR_AFTER.match(seg, est.tail_end):
            hi = comparative[idx + 1].start if idx + 1 < len(comparative) else len(seg)
            pair = dose_comparison_said(seg, est.tail_end, hi, self.study_roles, controls, with_control=True)
        return pair

    def read_sentence(self, s0: int, s1: int) -> None:
        """The rows of one sentence, appended to `rows`."""
        seg = self.scan[s0:s1]
        local = [Mention(m.start - s0, m.end - s0, m.canonical, m.negated)
                 for m in self.mentions if s0 <= m.start and m.end <= s1]
        local = with_groups_named_in_sentence(seg, local)
        if self.study_roles:
            local = without_subgroup_drugs(seg, local, self.study_roles[0] | self.study_roles[1])
        groups = groups_from(local, seg)
        estimates = _find_in_sentence(seg, self.state, local, groups, self.sole_arm)
        comparative = [e for e in estimates if e.measure not in ONE_ARM_MEASURES]
        evidence = self.text[s0:s1]
        paired = _listed_arms(seg, groups, estimates, self.state.two_arms()) \
            | _paired_arms(seg, groups, estimates, self.last_pair, self.state.two_arms())
        in_table = "|" in seg
        carried, self.timepoint_said = self.timepoint_said, ""
        if not estimates and _RESULTS_AT.search(seg) and len({tp for _, tp in _timepoints(seg)}) == 1:
            self.timepoint_said = _timepoints(seg)[0][1]
        if in_table and not estimates:
            # a table header "Outcome | Rituximab (n = 40) | Azathioprine (n = 38) | Effect": its arm columns
            names = list(dict.fromkeys(g.name for g in groups))
            self.table_arms = (names[0], names[1]) if len(names) >= 2 else self.table_arms
        sentence_outcome = ""
        said_pair = None        # the arms a ratio of this sentence was ordered by its own words
        arms_of: dict[int, tuple[str, str]] = {}
        restated_from = {id(b): id(a) for a, b in zip(comparative, comparative[1:])
                         if a.measure == b.measure and OTHER_UNIT_JOIN.fullmatch(seg, a.tail_end, b.start)}
        again = self._same_comparisons_again(seg, groups, comparative)
        listed = listed_comparisons(seg, groups, comparative) if len(comparative) > 1 else {}
        comparisons_here: list = []
        for est in estimates:
            intervention, comparator = _arms(est, seg, groups, comparative, self.main_drug, self.negated,
                                             self.last_pair, self.doc_arms, self.partners, bool(self.study_roles),
                                             self.study_roles[0] | self.study_roles[1] if self.study_roles else frozenset(),
                                             self.state.abbreviations,
                                             self.study_roles[1] if self.study_roles else frozenset(),
                                             several_treatments=self._several_treatments)
            if not (intervention or comparator or groups or self.study_roles) and est.measure not in ONE_ARM_MEASURES:
                # "compared with patients without anaemia, those with anaemia had ..." in a report without treatment
                # arms: the two groups of people the words contrast
                intervention, comparator = contrasted_groups(seg, est.start) or ("", "")
            if id(est) in listed:
                # "... were 1.4, 2.1 and 2.6 for the 50 mg, 100 mg and 200 mg groups, respectively"
                intervention, comparator = listed[id(est)]
            elif id(est) in again:
                # "(estimated treatment difference, -1.9 kg, -3.6 kg, and -5.5 kg, respectively)" after a sentence
                # comparing the 5-mg, 10-mg and 15-mg groups with the control: the same comparisons, in order
                intervention, comparator = again[id(est)][:2]
            elif est.measure not in ONE_ARM_MEASURES:
                dose_pair = self._dose_pair(seg, est, comparative)
                if dose_pair:
                    # "X 4 mg versus 2 mg: OR 1.40" in a trial with a placebo arm: the two doses, not the drug vs placebo
                    intervention, comparator = dose_pair
                else:
                    intervention = _dose_arm_named(seg, est.start, intervention, self.study_roles) or intervention
            header_pair = column_comparison(self.scan, s0 + est.start, self.resolve_arm) \
                if in_table and self.resolve_arm is not None and est.measure not in ONE_ARM_MEASURES else None
            if header_pair is not None:
                # "| Budesonide 200 µg vs placebo | 400 µg vs 200 µg |": the column's header names the pair, in its order
                intervention, comparator = said_pair = header_pair
            factor = factor_row(self.scan, s0 + est.start, self.resolve_arm) \
                if in_table and self.resolve_arm is not None and header_pair is None and est.measure in RATIO else ""
            if factor:
                # "| Age, per 10 years | 1.40 (...) |" under the rows of the arms: a factor of the model, against its reference
                intervention, comparator = factor, "reference"
            restated = restated_from.get(id(est))
            if restated is not None and restated in arms_of:
                # "-0.05% [95% CI ...] or -0.51 mmol/mol (95% CI ...)": one difference printed again in another unit
                intervention, comparator = arms_of[restated]
            if in_table and self.table_arms and est.measure not in ONE_ARM_MEASURES and not comparator and not groups:
                # an effect in a table row compares the table's first arm column with its second
                intervention, comparator = self.table_arms
            if id(est) in paired:
                intervention = paired[id(est)]
            if self.study_pair and est.measure not in ONE_ARM_MEASURES:
                # a two-arm trial: an estimate that names one of its arms is against the other
                treatment, control = self.study_pair
                if intervention == treatment and not comparator:
                    comparator = control
                elif comparator == control and not intervention:
                    intervention = treatment
            elif self.study_roles and est.measure not in ONE_ARM_MEASURES and intervention and not comparator:
                # a trial of several treatments against one control: a treatment's estimate is against the control
                treatments, controls = self.study_roles
                named_controls = controls - {"control"}
                if intervention in treatments and len(named_controls) == 1:
                    comparator = next(iter(named_controls))
            completed_here = False
            if self.study_model and est.measure not in ONE_ARM_MEASURES and (intervention or comparator) and not factor:
                # (orientation.completed_arms decides; the words' own order, when they state one, wins: read only
                # when a completion would change the row)
                named = frozenset(g.name for g in groups)
                completed = completed_arms(intervention, comparator, self.study_model, self._is_control, named)
                if completed != (intervention, comparator):
                    idx = comparative.index(est)
                    said = order_in_words(seg, groups, est.start, est.end, comparative[idx - 1].tail_end if idx > 0 else 0)
                    completed = completed_arms(intervention, comparator, self.study_model, self._is_control, named, said)
                completed_here = completed != (intervention, comparator)
                intervention, comparator = completed
            from_study, order_said = False, False
            if self.study_roles and est.measure not in ONE_ARM_MEASURES and not intervention and not comparator:
                # "The hazard ratios were 1.33 for MACE and 1.48 for cancers": a comparison naming no arm in a trial
                # of one treatment (or doses of one drug) against one control compares the two
                pair = study_treatment_and_control(self.study_roles)
                if pair:
                    (intervention, comparator), from_study = pair, True
            if est.measure not in ONE_ARM_MEASURES and (intervention, comparator) == said_pair:
                order_said = True       # "HRs (S vs. SP) of PFS and OS are 1.77 (...) and 2.05": the order said once
            elif est.measure not in ONE_ARM_MEASURES:
                idx = comparative.index(est)
                intervention, comparator, order_said = conventional_ratio_arms(
                    seg, est, intervention, comparator, self.study_roles,
                    comparative[idx - 1].tail_end if idx > 0 else 0, groups)
                if order_said:
                    said_pair = (intervention, comparator)
            if not intervention and not groups and self.arm_in_force and est.measure in ARM_LEVEL_MEASURES \
                    and est.total in (None, self.state.arm_sizes[self.arm_in_force]):
                intervention = self.arm_in_force   # "In the A group, ... . Fifteen patients (25%) had X."
            size = self.state.arm_sizes.get(intervention)
            if est.total is None and len(est.total_fits) > 1 and size in est.total_fits:
                est.total = size
            elif est.total is None and est.kind in ("n-percent", "n-percent-compared", "table-n-percent") and size and est.events is not None \
                    and est.events <= size and abs(est.events / size - est.value) <= 0.01:
                est.total = size    # "Two children (7%)" of 31: the authors' rounding, the arm's size all the same
            if est.kind == "below-one-percent":
                if not size or est.events > size or est.events / size >= 0.01:
                    continue
                est.total, est.value = size, est.events / size
            if est.kind == "n-percent-compared" and est.total is None:
                continue        # counts kept for their comparison alone (no outcome named) need their total
            if est.measure == "PROPORTION" and est.events is not None and est.total and est.events > est.total:
                continue        # a count larger than its arm cannot be the arm's events (an arm misread, or no count)
            # (arms completed from the study model are this row's alone: the text did not state that comparison, so
            # it is not the document's last one for the next sentences to carry on)
            if est.measure not in ONE_ARM_MEASURES and intervention and comparator and comparator != "baseline" \
                    and not completed_here:
                self.partners[intervention] = comparator
                self.last_pair = (intervention, comparator) if est.measure not in RATIO \
                    else _unoriented(intervention, comparator, self.last_pair)
                self.state.last_pair = self.last_pair
            arms_of[id(est)] = (intervention, comparator)
            row = _row(self.doc_id, self.source_file, est, s0, evidence, intervention, comparator, seg, self.condition)
            if from_study:
                row["meaning_note"] = ARMS_FROM_STUDY
            elif est.measure not in ONE_ARM_MEASURES and order_said:
                row["meaning_note"] = RATIO_ORDER_SAID
            # (a hazard ratio compares whole curves: the time said for the results is not its timepoint)
            if not row["timepoint"] and carried and est.measure not in ONE_ARM_MEASURES and est.measure != "HR":
                row["timepoint"] = carried
            if not row["timepoint"] and id(est) in again:
                row["timepoint"] = again[id(est)][2]
            if not row["timepoint"] and self.state.trial_period and _OVER_THE_PERIOD.search(seg):
                row["timepoint"] = self.state.trial_period
            if est.measure not in ONE_ARM_MEASURES:
                comparisons_here.append((intervention, comparator, row["timepoint"]))
            # "The rate ... was 61.6/100 PY": the quantity named earlier in the document for this measure
            if not row["outcome"]:
                row["outcome"] = sentence_outcome or self.last_outcome.get(row["measure"], "")
            self.last_outcome[row["measure"]] = row["outcome"]
            sentence_outcome = row["outcome"] or sentence_outcome
            row["n_intervention"] = self.state.arm_sizes.get(intervention)
            row["n_comparator"] = self.state.arm_sizes.get(comparator) if row["comparator"] else None
            # "No patient in either group", "Nine patients in each group": one printed count, a row per arm
            context = _context_key(self.scan, s0 + est.start, s0 + est.end) \
                + (est.arm_hint if est.kind in _ONE_FIGURE_PER_ARM_KINDS else "")
            shared_by = est.arm_hint if est.kind in _ONE_FIGURE_PER_ARM_KINDS else ""
            if est.kind == ONE_FIGURE_PER_TIME:     # "OR 0.28 (...) for both days": a row per time (rules/differences.py)
                context, shared_by = context + row["timepoint"], row["timepoint"]
            if not _is_repeat(row, self.rows, self.seen, context, shared_by):
                self.rows.append(row)
        if comparisons_here:
            self.previous_comparisons = comparisons_here

    def _same_comparisons_again(self, seg: str, groups: list, comparative: list) -> dict:
        """{id(estimate): (intervention, comparator, timepoint)} for a list of differences closed by "respectively" that
        names no arm between its values, as many as the comparisons of the sentence before (each a different arm)."""
        previous = self.previous_comparisons
        if len(comparative) < 2 or len(comparative) != len(previous) or "respectively" not in seg:
            return {}
        if len({e.measure for e in comparative}) != 1 or len({p[0] for p in previous}) != len(previous) \
                or not all(p[0] and p[1] for p in previous):
            return {}
        first, last = comparative[0], comparative[-1]
        if any(first.start <= g.start < last.end for g in groups) \
                or not re.match(r"[^.;()]{0,30}\brespectively\b", seg[last.end:last.end + 60]):
            return {}
        return {id(e): p for e, p in zip(comparative, previous)}


def _without_restated_ratios(rows: list[dict]) -> list[dict]:
    """ "a 28% lower relapse risk" in the key points of a document whose results give RR 0.72: a relative
    reduction printed without interval that only restates a ratio found elsewhere in the document, of the same
    outcome when both name one (a 21% lower risk of hospitalization is no restatement of the HR 0.80 of death)."""
    ratios = [r for r in rows if r["measure"] in RATIO and r["value"] is not None]
    return [r for r in rows if not (r["measure"] == "RRR" and r["ci_low"] is None and r["ci_high"] is None
                                    and any(abs((1 - q["value"]) - r["value"]) <= 0.011 and _same_outcome(q, r)
                                            for q in ratios))]


def _same_outcome(a: dict, b: dict) -> bool:
    """Two rows of one outcome as far as their outcome names tell: either names none, or they share a word."""
    words = [set(re.findall(r"[a-z]{4,}", str(x.get("outcome") or "").lower())) for x in (a, b)]
    return not words[0] or not words[1] or bool(words[0] & words[1])


def _without_bare_repeats(rows: list[dict]) -> list[dict]:
    """ "the annualized relapse rate was 0.202 with X" in the key points, "0.202 (99% CI, 0.173-0.236) with X" in
    the results: one estimate printed twice, the second time with its interval. The bare copy goes when a row of
    the same measure and value has an interval and names the same arm (or the bare copy names none)."""
    with_interval = {(r["measure"], round(r["value"], 6)): r for r in rows
                     if r["value"] is not None and r["ci_low"] is not None and r["ci_high"] is not None}

    def restated(r: dict) -> bool:
        if r["value"] is None or r["ci_low"] is not None or r["ci_high"] is not None or r["measure"] == "PROPORTION":
            return False
        twin = with_interval.get((r["measure"], round(r["value"], 6)))
        return twin is not None and (not r["intervention"] or r["intervention"] == twin["intervention"])

    return [r for r in rows if not restated(r)]


def _find_in_sentence(seg: str, state: SentenceState, mentions: list[Mention], groups: list[Group],
                      sole_arm: str = "") -> list[Estimate]:
    """The registry's rules over one sentence (`sole_arm`: the one treatment of a single-arm document, which a
    value naming no arm belongs to)."""
    sentence = Sentence(seg, state, mentions, groups,
                        arm_for=lambda a, b: arm_for_single(seg, groups, a, b, adjacent=True) or sole_arm,
                        arm_named=lambda a, b: arm_for_single(seg, groups, a, b, adjacent=True))
    run_rules(sentence)
    return sorted(sentence.estimates, key=lambda e: e.start)


# one printed figure read as a row for each of several arms ("no patient in either group", "90% in both groups"):
# the rows differ only by their arm, and are not repeats of each other
_ONE_FIGURE_PER_ARM_KINDS = ("none-of", "each-arm", "shared-percent")


def _is_repeat(row: dict, rows: list[dict], seen: set, context: str, shared_by: str = "") -> bool:
    """Each estimate once per document: the same numbers in the same words (a title repeated in the
    abstract, a record exported twice), the same value with the same interval, or (an effect printed
    without interval) the same value and p-value with compatible arms. Records what it has seen.
    `shared_by`: the arm of a row whose figure was printed once for several arms."""
    key = (row["measure"], round(row["value"], 6), row["ci_low"], row["ci_high"], row["events"], row["total"])
    same = [(key, context)]
    if row["ci_low"] is not None and row["ci_high"] is not None:
        same.append((key, "interval", shared_by))
    if any(k in seen for k in same):
        return True
    if row["ci_low"] is None and row["ci_high"] is None and row["measure"] not in ONE_ARM_MEASURES:
        twin = _bare_twin(rows, row)
        if twin is not None:
            if not twin["intervention"]:   # keep the first, with the arms the repeat names
                twin["intervention"], twin["comparator"] = row["intervention"], row["comparator"]
            return True
    seen.update(same)
    return False


def _set_conditions(rows: list[dict], scan: str, condition: str) -> None:
    """The condition a sentence names, else the document's (from stage 1, else the one its opening names
    most often). Looked up only once estimates exist: it costs a pass over the text."""
    opening = condition_counts(scan[:3000])   # the condition is named early (title, abstract)
    default = condition or (max(opening, key=lambda k: opening[k]) if opening else "")
    by_sentence: dict[int, str] = {}
    for row in rows:
        if len(opening) > 1:      # several conditions in one document: let the sentence say which
            if row["start"] not in by_sentence:
                named = condition_counts(row["evidence"])
                by_sentence[row["start"]] = max(named, key=lambda k: named[k]) if named else default
            row["condition"] = by_sentence[row["start"]]
        else:
            row["condition"] = default


def _bare_twin(rows: list[dict], row: dict) -> dict | None:
    """An earlier effect of the document printed without interval, with the same value and p-value and
    arms that do not contradict this one's (one of them names none): the same estimate printed twice."""
    for other in rows:
        if (other["measure"], other["value"], other["p_value"], other["p_text"]) != (
                row["measure"], row["value"], row["p_value"], row["p_text"]) or other["ci_low"] is not None:
            continue
        arms, other_arms = (row["intervention"], row["comparator"]), (other["intervention"], other["comparator"])
        if arms == other_arms or not row["intervention"] or not other["intervention"]:
            return other
    return None


# between two items of a list of one arm's values: "12 (18%), 15 (22%) and 9 (14%)", "0.12, 0.25 and 0.40"
_LIST_JOIN = re.compile(r"\s*%?\s*[)\]]?\s*(?:,\s*(?:and\s+)?|and\s+)")


# "12% and 20% in the two groups", "in both groups, respectively": the document's two arms, in its order
_THE_TWO_GROUPS = re.compile(r"\s*(?:of\s+(?:patients|participants)\s+)?in\s+(?:the\s+two|both|the\s+respective)\s+"
                             r"(?:treatment\s+|study\s+)?(?:groups|arms)\b", re.I)


def _listed_arms(seg: str, groups: list[Group], estimates: list[Estimate], two_arms=()) -> dict[int, str]:
    """Three or more values of one measure printed as a list take, in order, the arms listed right after
    them ("in the A, B and C groups") or, closed by "respectively", the arms named before them; two values
    joined by "and" take the two arms listed right after them, or the document's two arms (`two_arms`, in
    its order) when the text says "in the two groups"."""
    out: dict[int, str] = {}
    singles = [e for e in estimates if e.measure in ONE_ARM_MEASURES and not e.arm_hint]
    runs: list[list[Estimate]] = []
    for e in singles:
        prev = runs[-1][-1] if runs else None
        if prev is not None and prev.measure == e.measure and _LIST_JOIN.fullmatch(seg, prev.end, e.start):
            runs[-1].append(e)
        else:
            runs.append([e])
    for run in runs:
        if len(run) < 2:
            continue
        end = run[-1].end
        # (past the unit of a list of rates: "4.8 cases per 100 person-years in the A, B and C groups")
        tail = re.match(r"\s*%?\s*[)\]]?\s*(?:(?:patients|participants|subjects)\b)?"
                        r"(?:(?:[\w-]+\s+)?[\w-]+\s+(?:per|/)\s*1?[0,.]*\s*(?:patient|person)[- ]?years?\b)?", seg[end:])
        names = arms_listed_after(seg, groups, end + tail.end(), len(run))
        if names is None and len(run) >= 3 and re.match(r"[^.;]{0,60}\brespectively\b", seg[end:end + 80]):
            names = arms_named_before(groups, run[0].start, len(run))
        if names is None and len(run) == 2 == len(two_arms) and _THE_TWO_GROUPS.match(seg, end + tail.end()):
            names = list(two_arms)
        if names:
            out.update((id(e), name) for e, name in zip(run, names))
            continue
        studies = studies_listed_after(seg, end + tail.end(), len(run))
        for e, label in zip(run, studies or ()):
            e.subgroup = e.subgroup or label       # one value per study or cohort, not per arm
    return out


_COMPARATIVE_JOIN = re.compile(r"\s*[)\]]?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)")
# "(odds ratios) versus placebo", "compared with placebo", "relative to placebo": the comparator a list's own words name
_AGAINST_BEFORE = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to|against|over)\s+(?:the\s+)?$", re.I)


def listed_comparisons(seg: str, groups: list[Group], comparative: list[Estimate]) -> dict[int, tuple[str, str]]:
    """ "The odds ratios versus placebo were 1.4 (...), 2.1 (...) and 2.6 (...) for the 50 mg, 100 mg and 200 mg groups,
    respectively": two or more comparative values of one measure printed as a list, closed by the arms they are of
    (as many arms as values, listed right after the last one, "respectively" after them), each its listed arm against
    the one arm the sentence names before the first value after "versus" / "compared with" (or "" when it names none:
    the study model may complete it). {id(estimate): (intervention, comparator)}."""
    out: dict[int, tuple[str, str]] = {}
    runs: list[list[Estimate]] = []
    for e in comparative:
        prev = runs[-1][-1] if runs else None
        if prev is not None and prev.measure == e.measure \
                and _COMPARATIVE_JOIN.fullmatch(seg, max(prev.end, prev.tail_end), e.start):
            runs[-1].append(e)
        else:
            runs.append([e])
    for run in runs:
        end = max(run[-1].end, run[-1].tail_end)
        if len(run) < 2 or not re.match(r"[^.;]{0,120}\brespectively\b", seg[end:end + 140]):
            continue
        at = re.match(r"\s*[)\]]?\s*,?", seg[end:])
        names = arms_listed_after(seg, groups, end + at.end(), len(run))
        if not names or len(set(names)) != len(run):
            continue
        against = [g for g in groups if g.end <= run[0].start and g.name not in names
                   and _AGAINST_BEFORE.search(seg, max(0, g.start - 30), g.start)]
        comparator = against[-1].name if against else ""
        out.update((id(e), (name, comparator)) for e, name in zip(run, names))
    return out


def _paired_arms(seg: str, groups: list[Group], estimates: list[Estimate], last_pair=None,
                 two_arms=()) -> dict[int, str]:
    """ "The MMF group had a higher ARR (0.52 vs 0.21) than the RTX group": the first value of a
    "x vs y" pair belongs to the first-named arm of the comparison, the second to the other (in a sentence
    naming no arm, to the arms of the document's last comparison)."""
    out: dict[int, str] = {}
    singles = [e for e in estimates if e.measure in ONE_ARM_MEASURES]
    for a, b in zip(singles, singles[1:]):
        if a.measure != b.measure or not re.fullmatch(r"\s*%?\s*[)\]]?\s*(?:vs\.?|versus)\s*", seg[a.end:b.start]):
            continue
        if all(e.arm_hint and not e.arm_hint.startswith("@") for e in (a, b)):
            continue        # the rule that read the pair gave each value its arm

        # only when the values do not carry their own arm names ("0.52 in MMF vs 0.21 in RTX")
        if any(g.start > a.start and g.end < b.end for g in groups):
            continue
        # "8 (13.8%) vs 21 (36.2%) patients in the rituximab and azathioprine groups", "0.12 vs 0.45 in the
        # rituximab and azathioprine groups, respectively": two arms named after the pair, in its order
        following = [g for g in groups if g.start >= b.end and g.start - b.end <= 80]
        if len(following) >= 2 and re.fullmatch(r"[\s,]*(?:\([^()]*\)\s*)?(?:and|or|vs\.?|versus)\s+(?:the\s+)?",
                                                 seg[following[0].end:following[1].start], re.I) and following[0].name != following[1].name:
            out[id(a)], out[id(b)] = following[0].name, following[1].name
            continue
        comp = find_comparison(seg, groups)
        named_before = list(dict.fromkeys(g.name for g in groups if g.end <= a.start))
        if comp is not None and comp.subject and comp.obj:
            out[id(a)], out[id(b)] = comp.subject[0].name, comp.obj[0].name
        elif not groups and last_pair:
            out[id(a)], out[id(b)] = last_pair
        elif len(named_before) == 1 and len(two_arms) == 2 and named_before[0] in two_arms:
            # "Fewer GDT patients developed complications (27 (44%) versus 41 (68%))": the arm the sentence is
            # about first, the document's other arm second
            other = next(x for x in two_arms if x != named_before[0])
            out[id(a)], out[id(b)] = named_before[0], other
    # "71 (64%) of 111 on X and 62 (56%) of 110 on Y; serious adverse events in six (5%) and six (5%),
    # respectively": a pair of counts naming no arm, closed by "respectively", follows the arms named before it
    for a, b in zip(singles, singles[1:]):
        if id(a) in out or a.measure != "PROPORTION" or b.measure != "PROPORTION":
            continue
        if not re.fullmatch(r"\s*(?:,\s*)?and\s+", seg[a.end:b.start]) or \
                not re.match(r"\s*,?\s*respectively\b", seg[b.end:b.end + 20]):
            continue
        before = list(dict.fromkeys(g.name for g in groups if g.end <= a.start))
        if len(before) == 2:
            out[id(a)], out[id(b)] = before
    return out


def _unoriented(a: str, b: str, last_pair):
    # remember the pair in the order the text introduced it, not as a ratio flipped it
    if last_pair and {a, b} == set(last_pair):
        return last_pair
    return (a, b)


def _arms(est: Estimate, seg: str, groups: list[Group], comparative: list[Estimate], main_drug: str,
          negated: set, last_pair, doc_arms: frozenset = frozenset(), partners: dict | None = None,
          controlled: bool = False, study_arms: frozenset = frozenset(), defined: dict | None = None,
          controls: frozenset = frozenset(), several_treatments: bool = False) -> tuple[str, str]:
    """(intervention, comparator) of one estimate. `controlled`: the study model has a control arm (named by what
    it lacks, "no paracetamol", as well as "placebo" or "control"); `study_arms`: the canonical names of its arms;
    `several_treatments`: the study model has two or more experimental treatments (not doses of one drug), so an
    estimate naming no arm says nothing of which it is about."""
    if est.measure in ONE_ARM_MEASURES:
        if est.arm_hint.startswith("@"):
            pos = int(est.arm_hint[1:])
            arm = arm_for_single(seg, groups, pos, pos)
        elif est.arm_hint:
            arm = est.arm_hint
        else:
            arm = arm_for_single(seg, groups, est.start, est.end, est.tail_end)
        parts = set(main_drug.split(" + ")) if main_drug else set()
        only_treatment = bool(parts) and (doc_arms - {"placebo", "control"}) <= parts
        if arm and " + " in main_drug and arm in parts and only_treatment and arm not in study_arms:
            # "after add-on therapy with IVIG" in a study of IVIG added to azathioprine; not in a trial of "X plus Y"
            # against "X alone", whose arms the study model holds apart: each row keeps its own arm
            arm = main_drug
        # a quantity naming no arm belongs to the document's treatment only when it has just one
        return (arm or (main_drug if only_treatment else "")), ""
    idx = comparative.index(est)
    prev_end = comparative[idx - 1].tail_end if idx > 0 else 0
    a, b, found = arms_for_comparison(seg, groups, est.start, idx, len(comparative), est.measure, est.value,
                                      est.tail_end, prev_end, controls)
    unnamed_first = a.startswith(UNNAMED_ARM)
    if unnamed_first:
        # "D2 versus placebo: ...": the first arm printed by a word no arm mention covers; the study arm whose name
        # holds that word, when only one does, else the words with the document's abbreviations spelled out ("AB/FF
        # 400/12 μg"), else no arm (never the document's main treatment by default)
        words = a[len(UNNAMED_ARM):]
        a = _arm_by_word(words, study_arms) or (spelled_out(words, defined) if not study_arms else "")
    if b.startswith(UNNAMED_ARM):
        words = b[len(UNNAMED_ARM):]
        b = _arm_by_word(words, study_arms) or (spelled_out(words, defined) if not study_arms else "")
    if est.comparator_hint:
        hint_drugs = find_drugs(est.comparator_hint)
        b = hint_drugs[0].canonical if hint_drugs else "baseline"
    elif not b and _AGAINST_BASELINE.search(seg):
        b = "baseline"
    elif not b and _AGAINST_NOTHING.search(seg):
        b = _nothing_named(_AGAINST_NOTHING.search(seg))
    if not found and last_pair and est.measure not in ("RRR",):
        a, b = last_pair
        if est.measure in RATIO:
            pass
    if not a and est.measure in _CHANGE_MEASURES and not unnamed_first:
        a = main_drug       # a change within the one treatment a document is about
    if a and not b:
        base = a.removeprefix("no ")
        if est.measure in _CHANGE_MEASURES and _BEFORE_AFTER.search(seg) and not _BETWEEN_ARMS.search(seg):
            b = "baseline"      # not "the estimated differences between the A and the B group" of changes
        elif last_pair and a in last_pair:
            b = last_pair[1] if last_pair[0] == a else last_pair[0]
        elif est.measure in _CHANGE_MEASURES and _BASELINE_WORDS.search(seg) and not _BETWEEN_ARMS.search(seg) and \
                not (controlled and (_CHANGE_COMPARED.search(seg) or (
                    not _BEFORE_AFTER.search(seg) and any(_ARM_ACTS.match(seg, g.end) for g in groups)))) and \
                not (est.measure == "RRR" and (doc_arms & _NON_DRUG or controlled)):
            # in a controlled trial a relative reduction ("reduced blood loss by 54%") is against the control unless
            # the text says baseline, and so is a difference an arm is said to have made ("X reduced the length of
            # stay (mean difference -2.6 days)"; not "scores were reduced in the X group") unless it names the time
            # before
            b = "baseline"
        elif base in negated and not a.startswith("no "):
            b = "no " + base
        elif re.search(r"\b(?:use|exposure)\b", seg, re.I):
            b = "no " + base
        elif last_pair and a in last_pair:
            b = last_pair[1] if last_pair[0] == a else last_pair[0]
        elif partners and a in partners:
            # "Monoclonal antibodies may make little or no difference to disability (MD -0.19)" after
            # "Compared with placebo, monoclonal antibodies ... (RR 0.33)": the arm's comparison carries on
            b = partners[a]
        elif len(doc_arms) == 2 and a in doc_arms and (doc_arms & {"placebo", "control"} or est.measure in RATIO):
            # a document about two arms: a ratio for one of them is against the other
            b = next(x for x in doc_arms if x != a)
    if not a and b in ("placebo", "control") and main_drug and main_drug not in ("placebo", "control") \
            and not unnamed_first:
        # "the absolute risk reduction versus placebo was 25%": the treatment is the document's own
        a = main_drug
    elif not a and not b and len(doc_arms) > 2 and "placebo" in doc_arms and main_drug and est.measure in RATIO \
            and not several_treatments:
        # a placebo-controlled document whose sentence names no arm ("a 98.6% reduction in relapse risk
        # (hazard ratio 0.014 ...)"): its main treatment against placebo
        a, b = main_drug, "placebo"
    controls = doc_arms & _NON_DRUG
    if not a and not b and len(doc_arms) == 2 and len(controls) == 1:
        # a two-arm controlled trial: an estimate naming no arm compares the two (a document naming only
        # "placebo" and "control" has no treatment to compare: it raised StopIteration here once)
        a, b = min(doc_arms - controls), min(controls)
    elif not a and not b and doc_arms and doc_arms <= _NON_DRUG:
        # a controlled trial of a treatment the lexicon does not know: an estimate naming no arm is against the
        # control the document names (placebo first), its treatment left unnamed
        b = "placebo" if "placebo" in doc_arms else min(doc_arms)
    return a, b


_OUTCOME_AFTER = re.compile(r"\s*(?:points?\s+)?(?:in|on)\s+(?:the\s+)?")
# "14/20 (70.0%) remained relapse-free", "9 (45%) patients had a relapse": the state or event the counted
# patients reached is their outcome, whatever other outcome the sentence named before
_COUNT_VERB_AFTER = re.compile(r"[)\]]?\s*(?:\([^()]{0,40}\)\s*)?(?:(?:patients|participants|children|adults)\s+)?"
                               r"(?:remained|were|was|became|had|achieved|experienced|developed|reached)\s+"
                               r"(?:an?\s+|the\s+|any\s+)?", re.I)


# the rules whose PROPORTION rows derive the events from a printed percentage and a size printed elsewhere
_EVENTS_FROM_PERCENT_KINDS = frozenset({"arm-list", "arm-percent", "bracket-pair", "of-the-n", "percent-of",
                                        "shared-percent", "one-arm-list"})
# proportions whose rule read the outcome itself ("none of ... including apnea", "32 cases of NYHA grade III")
_KINDS_NAMING_THEIR_OUTCOME = frozenset({"none-of", "arm-baseline", "population", "arm-patients", "one-arm-list"})


def _row(doc_id, source_file, est: Estimate, s0: int, evidence: str, intervention: str, comparator: str,
         seg: str, condition: str) -> dict:
    outcome = ""
    if est.measure == "ARR" and not est.unit:
        outcome = "annualized relapse rate"
    else:
        # a proportion of patients is never a rate, even when a rate is named next to it
        # "a difference of -3.1 points in QMG score": an outcome named right after the value is its own
        after = _OUTCOME_AFTER.match(seg, est.end) if est.measure in CONTINUOUS_MEASURES else None
        if est.measure == "PROPORTION":
            after = _COUNT_VERB_AFTER.match(seg, est.end)
        found = outcome_at(seg, after.end()) if after else None
        # "Dysgeusia (5.6% vs. 0.3%) and ...", "Hearing loss was more common in ... (25% vs. 20%)": an arm's value
        # of the outcome its own sentence names by its shape, before a lexicon word said elsewhere in it
        named = outcome_named_at(seg, est.start) if found is None and est.measure in ARM_LEVEL_MEASURES else ""
        if found is None and not named:
            found = outcome_near(seg, est.start, _RATE_LABELS if est.measure == "PROPORTION" else frozenset())
        outcome = found[0] if found else named
    # a whole population's baseline trait has no timepoint ("the mean age was 51 years" is no time)
    timepoint = "" if est.kind == "population" else est.timepoint or _timepoint(seg, est.start, est.measure)
    if est.outcome_hint and (est.measure in DESCRIPTIVE_MEASURES or est.kind in _KINDS_NAMING_THEIR_OUTCOME):
        outcome = est.outcome_hint
    flags = est.flags + validate(est.measure, est.value, est.ci_low, est.ci_high, est.p_value, est.events, est.total)
    if est.measure == "PROPORTION" and est.events is not None and est.kind in _EVENTS_FROM_PERCENT_KINDS:
        flags = flags + [EVENTS_FROM_PERCENTAGE]      # "61% in the X group" of 912: 556 is derived, not printed
    ci_level = est.ci_level if est.ci_level is not None else (0.95 if (est.ci_low is not None or est.ci_high is not None) else None)
    return {
        "estimate_id": estimate_id(doc_id, est.measure, est.value_text, evidence, est.start),
        "doc_id": doc_id,
        "source_file": source_file,
        "measure": est.measure,
        "value": _tidy(est.value),
        "ci_low": _tidy(est.ci_low),
        "ci_high": _tidy(est.ci_high),
        "ci_level": ci_level,
        "p_value": est.p_value,
        "p_text": est.p_text,
        "intervention": intervention,
        "comparator": comparator if est.measure not in ONE_ARM_MEASURES else "",
        "outcome": outcome,
        "timepoint": timepoint,
        "condition": condition,
        "events": est.events,
        "total": est.total,
        "n_intervention": None,
        "n_comparator": None,
        "evidence": evidence,
        "start": s0,
        "end": s0 + len(evidence),
        "flags": ";".join(flags),
        "decision": None,
        "sd": _tidy(est.sd),
        "se": _tidy(est.se),
        "q1": _tidy(est.q1),
        "q3": _tidy(est.q3),
        "range_low": _tidy(est.range_low),
        "range_high": _tidy(est.range_high),
        "role": est.role or None,
        "subgroup": est.subgroup or None,
        "adjusted": None,
        "needs_review": None,
        "from_arms": None,
        "value_text": est.value_text,
        "unit": est.unit or ("per patient-year" if est.measure == "ARR" else ""),
        "finder": est.kind,
    }
