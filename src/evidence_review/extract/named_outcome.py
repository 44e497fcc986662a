"""The outcome a sentence names by its shape, whether or not the outcome lexicon knows the name.

Three shapes of English name the outcome of an arm's number in its own sentence:
- a label right before a bracketed pair of shares: "Dysgeusia (5.6% vs. 0.3%) and diarrhea (3.1% vs. 1.6%)
  occurred more often with X", or before a comma ("[PASI 75, 70.2% vs. 54.3%; PASI 90, 34.0% vs. 23.1%]"):
  each pair's outcome is its own label, as is a label opening the bracket ("(significant discomfort 26% vs 58%)");
- what more or fewer patients of one arm had "than in the other group" (the object of the verb before the
  comparison word);
- the subject of a verb of occurrence or comparison: "Hearing decrements were more common in the X group
  (25% vs. 20%)", "PASI 75 was achieved by 61% ...", "Hypotension occurred in 12 (20%) ...": the values after
  the verb are of the subject.
A label or subject that names an arm, a group of patients, a time or a pronoun names no outcome.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .grammar import percent_label_reading
from .lexicon import find_drugs, find_outcome, has_outcome

_SHARE = r"[-\u2212]?\d+(?:[.\u00b7]\d+)?\s*%?"
# "(5.6% vs. 0.3%", "(61% and 48%", "(88 vs 59%": a pair of shares opening a bracket
_PAIR_BRACKET = re.compile(r"\(\s*" + _SHARE + r"\s*,?\s*(?:vs\.?|versus|and|compared\s+with)\s*" + _SHARE, re.I)
# "(significant discomfort 26% vs 58%, p = .003)": a label inside the bracket, then the pair
_LABEL_IN_BRACKET = re.compile(r"\(\s*(?P<label>[A-Za-z][^()\[\]\d%;,:]{2,40}?)\s+(?P<pair>" + _SHARE
                               + r"\s*,?\s*(?:vs\.?|versus)\s*" + _SHARE + r")", re.I)
# "[PASI 75, 70.2% vs. 54.3% (P = 0.01); PASI 90, 34.0% vs. 23.1%]": a label, a comma, then the pair
_LABEL_COMMA_PAIR = re.compile(r"(?:^|[\[(;])\s*(?P<label>[A-Za-z][^,;()\[\]%]{1,40}?),\s*(?P<pair>" + _SHARE
                               + r"\s*(?:vs\.?|versus)\s*" + _SHARE + r")", re.I)
# words that end a label when walking back from the bracket: function words and verbs
_LABEL_STOP = frozenset("""
a an the and or of with without in on at by for from than to vs versus was were is are be been had has have
including especially notably such as mainly mostly both all any each either more less most least higher lower
greater common frequent frequently often occurred reported observed seen developed experienced respectively
significantly statistically numerically similar similarly compared while whereas but who which that
did does do showed shows show
""".split())
# a label or subject naming who or when, not what happened
_NOT_AN_OUTCOME = re.compile(
    r"\b(?:groups?|arms?|cohorts?|patients?|participants?|subjects?|women|men|children|infants|population|set|"
    r"analysis|analyses|care|control|controls|placebo|treatment|therapy|regimen|monotherapy|intervention|"
    r"weeks?|days?|months?|years?|hours?|visits?|baseline|end|follow-?up|period|study|trial|"
    r"randomi[sz]ation|entry|enrol+ment|admission|discharge|screening|inclusion|"
    r"we|it|this|these|those|there|they|none|who|which|p)\b", re.I)
# "among patients receiving invasive ventilation (29% vs. 41%)": the words before the label make it a subgroup
_TIME_WORD = re.compile(r"(?:weeks?|days?|months?|years?|hours?|visits?)", re.I)
_SUBGROUP_BEFORE = re.compile(r"\b(?:patients|participants|those|subjects|women|men|children|infants)\s+(?:who\s+(?:were\s+)?)?"
                              r"(?:receiving|received|undergoing|requiring|treated|with|without|on)\b[^(),;]*$", re.I)
# "the", "the incidence of", "the proportion of patients with": words before the outcome itself
_LEAD = re.compile(r"^(?:(?:the|a|an|any)\s+)?(?:(?:incidences?|rates?|risks?|frequenc(?:y|ies)|occurrences?|proportions?|percentages?|"
                   r"numbers?|shares?)\s+of\s+(?:(?:patients|participants)\s+(?:with|who\s+had|achieving)\s+)?)?", re.I)
_SUBJECT = re.compile(
    # ("Results: X was more common ...": a structured abstract's heading opening the sentence names no subject)
    r"^\s*(?:(?:results|findings|main\s+results|outcomes?)\s*:\s*)?"
    r"(?:(?:overall|in\s+addition|additionally|moreover|similarly|however|likewise),\s*)?"
    # "In the X group, the incidence of death was lower ...": a leading phrase of place or time
    r"(?:(?:in|among|at|during|after|by)\s[^,;()]{1,60},\s*)?"
    r"(?P<np>[A-Za-z][\w\-'\u00b7]*(?:\s+[\w\-'\u00b7]+){0,7}?)\s+"
    r"(?P<verb>(?:occurred|developed|(?:was|were)\s+(?:reported|observed|seen|recorded|noted|documented|experienced|"
    r"achieved|attained|reached))\b"
    r"|(?:was|were)\s+(?:(?:\w+ly|also|much|far|slightly)\s+)?(?:more|less)\s+(?:common|frequent|prevalent|often)\b"
    # "Clinical cure rates were similar (88.2% with A and 85.8% with B)", "were noninferior to those with B"
    r"|(?:was|were)\s+(?:(?:\w+ly|also|much|far|slightly)\s+)?(?:higher|lower|greater|similar|comparable|"
    r"non-?inferior|superior|inferior)\b"
    # "Abstinence was 6.1% in the A, 4.9% in the B ...", "Response rates were 41%, 55% and 63% in ...": the subject of a
    # copula whose complement is a share (the values after it are the subject's)
    r"|(?:was|were)(?=\s+(?:only\s+|about\s+)?\d+(?:[.\u00b7]\d+)?\s*%))", re.I)
# "Abstinence at week 12", "Remission after 6 months": the time a subject carries after its outcome (kept as the
# row's timepoint elsewhere) is no part of the outcome's name
_TIME_AFTER_OUTCOME = re.compile(r"\s+(?:at|after|by|during|over|within|on)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:week|day|month|year|visit)s?\s*\d+|"
                                 r"\d+\s*(?:weeks?|days?|months?|years?|hours?)|follow-?up)\s*$", re.I)

# "Fewer patients in the X group had nausea than in the Y group (15% vs. 26%)": what more or fewer patients of one
# arm had than of the other, the comparison word right after it
_OBJECT_COMPARED = re.compile(
    r"\b(?:fewer|more|less)\s+(?:patients|participants|subjects|women|men|children|infants)\s+(?:in|of|on|receiving|"
    r"treated\s+with|given)\s[^,;()]{1,60}?\s(?:had|experienced|developed|reported|required|needed|suffered|achieved|"
    r"reached)\s+(?P<np>[^,;()]{2,60}?)\s+(?:than|compared\s+(?:with|to)|versus|vs\.?)\s", re.I)


# "Rates were similar ...": a word for any quantity names no outcome on its own
_GENERIC_QUANTITY = re.compile(r"(?:the\s+)?(?:rates?|proportions?|percentages?|numbers?|results?|values?|outcomes?|figures?|"
                               r"frequenc(?:y|ies)|incidences?|risks?)", re.I)


# "The rates of clinical cure with A were ...": the arm the subject's figures are of, after the outcome's name
_ARM_AFTER_OUTCOME = re.compile(r"\s+(?:with|in|among|for|on)\s+(?:the\s+)?\S.*$", re.I)


def _tidy(label: str, timed: bool = False) -> str:
    """The outcome a label names ("" when it names none); `timed`: the label may carry its time after the outcome
    ("Abstinence at week 12" before a copula and its shares)."""
    label = _LEAD.sub("", _TIME_AFTER_OUTCOME.sub("", label.strip()) if timed else label.strip())
    if find_drugs(label):
        label = _ARM_AFTER_OUTCOME.sub("", label)
    if _GENERIC_QUANTITY.fullmatch(label):
        return ""
    if not label or not re.search(r"[A-Za-z]{3,}", label) or _NOT_AN_OUTCOME.search(label) or find_drugs(label):
        return ""
    known = find_outcome(label)
    if known is not None:
        return known[0]     # the lexicon's label for a name it knows ("Serious AEs" is "serious adverse events")
    # a capital only for the sentence's start: "Dysgeusia" is "dysgeusia", "PASI 75" stays as printed
    first = label.split()[0]
    return label[0].lower() + label[1:] if first[1:].islower() else label


def _label_before(seg: str, pos: int) -> str:
    words = re.findall(r"[\w\-'\u00b7]+|[^\w\s]", seg[max(0, pos - 80):pos])
    label: list[str] = []
    for word in reversed(words):
        if not re.match(r"[\w]", word) or word.lower() in _LABEL_STOP:
            if word.lower() == "to":
                return ""       # "were more likely to respond (30% vs. 15%)": a verb, its subject the patients
            break
        label.insert(0, word)
    label = label[-5:]
    for i in range(len(label) - 2, -1, -1):
        if _TIME_WORD.fullmatch(label[i]) and re.fullmatch(r"\d+", label[i + 1]):
            label = label[i + 2:]       # "week 24 PASI 50 (91% vs. 85%)": the outcome after its time
            break
    if label and _SUBGROUP_BEFORE.search(seg[max(0, pos - 120):pos].rsplit(label[0], 1)[0]):
        return ""
    return " ".join(label)


@lru_cache(maxsize=256)
def _named_spans(seg: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, outcome, of a pair) of each span of `seg` whose values the sentence's own words give an
    outcome: a labelled pair of shares, or what follows the subject's verb."""
    spans = []
    subject = _SUBJECT.match(seg)
    if subject:
        copula = subject.group("verb").lower() in ("was", "were")
        named = _tidy(subject.group("np"), timed=copula)
        # ("HbA1c was 7.2% in the A group": a quantity measured in percent, its values the arms' means, no shares;
        # the one reading of grammar.percent_label_reading)
        if copula and percent_label_reading(subject.group("np")) == "mean":
            named = ""
        if named:
            spans.append((subject.end(), len(seg), named, False))
    for m in _OBJECT_COMPARED.finditer(seg):
        named = _tidy(m.group("np"))
        if named:
            close = seg.find(")", m.end())
            spans.append((m.end("np"), close if close >= 0 else len(seg), named, True))
    for m in _PAIR_BRACKET.finditer(seg):
        named = _tidy(_label_before(seg, m.start()))
        if named:
            close = seg.find(")", m.end())
            spans.append((m.start(), close if close >= 0 else len(seg), named, True))
    for m in _LABEL_IN_BRACKET.finditer(seg):
        named = _tidy(m.group("label"))
        words = m.group("label").lower().split()
        # "(occurring in 40% vs. 65% ...)": a label with a function word or verb is a clause, not an outcome's name
        if named and not _TIME_WORD.search(m.group("label")) and not any(w in _LABEL_STOP for w in words):
            spans.append((m.start("pair"), m.end("pair"), named, True))
    for m in _LABEL_COMMA_PAIR.finditer(seg):
        named = _tidy(m.group("label"))
        if named:
            spans.append((m.start("pair"), m.end("pair"), named, True))
    return tuple(spans)


def outcome_named_at(seg: str, pos: int) -> str:
    """The outcome the sentence `seg` names, by its shape, for a value at `pos` ("" when none): a bracket's own
    label first, else the subject of the sentence's verb."""
    hits = [(end - start, named) for start, end, named, pair in _named_spans(seg) if start <= pos < end
            # "The response rate was higher (45% vs. 28%), ... and adverse events were less frequent (73% vs. 90%)":
            # an outcome the lexicon knows, named after the subject's verb, is the later values' outcome
            and (pair or not has_outcome(seg[start:pos]))]
    return min(hits)[1] if hits else ""


_COMPARED = re.compile(r"\b(?:vs\.?|versus|compared|than|respectively)(?=\W)", re.I)
_PERCENT = re.compile(r"\d\s*%")


def names_compared_outcome(seg: str) -> bool:
    """Whether `seg` names an outcome in one of the shapes above while setting arms' values side by side (a
    bracketed pair, or two percentages or a comparison word after the subject): one share of one population
    ("Antibodies were recorded in 435 of 577 (75%) patients") is no outcome of the trial's arms."""
    spans = _named_spans(seg)
    if any(pair for *_, pair in spans):
        return True
    return bool(spans) and (len(_PERCENT.findall(seg)) >= 2 or bool(_COMPARED.search(seg)))
