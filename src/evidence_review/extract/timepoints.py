"""The one grammar of written times: when a number was measured ("at week 12", "12 mo", "8–12 weeks postpartum",
"at the second visit", "in the first three years of life", "24 h after", "month four").

Every reader that decides a row's `timepoint` (sentences: core and meaning; tables: table_reader's headers, row
headings and captions; the study model's list of the document's timepoints) takes its time expressions from here,
so a wording learnt once is known everywhere. The convention the extractor follows is in README.md ("Timepoints").

A time expression is one of:
- a unit then a number or a range: "week 12", "Weeks 1–12", "day 31", "month four", "visit 2", "session 3";
- a number or a range then a unit: "12 weeks", "12-week", "8–12 weeks", "6 to 12 months", "12 mo", "24 h",
  "10 min", "two years", "eighteen months";
- an ordinal then a unit: "the second visit", "1st session", "3rd month", "first year", "the first three years";
each optionally followed by the reference it counts from ("postpartum", "after birth", "post-operatively",
"of life", "of treatment" is dropped: it says what, not when).

Units are written in full, in the plural or abbreviated (wk, wks, mo, mos, mth, yr, yrs, y, d, h, hr, hrs, min);
numbers in digits or words (one to twenty, thirty to ninety, "twenty-four"). Which of these a reader accepts bare
is the reader's business: a period of days, hours or minutes is a treatment's length as often as a time
("for 5 days"), so `timepoint_spans` keeps those only after a word that makes them a time ("at", "after",
"within", "by", "through", "up to") or before one ("after", "post-", "postpartum"), unless `bare_short=True`
(table headers and captions, where a column "24 h" is a time).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .startguard import start_guarded

_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                 "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety").split()
NUMBER_VALUES = {w: i for i, w in enumerate(_NUMBER_WORDS[:20], start=1)}
NUMBER_VALUES.update({w: 10 * i for i, w in enumerate(_NUMBER_WORDS[19:], start=2)})
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()

# "twenty-four", "forty eight", "12", "2.5"
_WORD_NUMBER = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|" \
               r"seven|eight|nine))?|" + "|".join(_NUMBER_WORDS[:19]) + r")"
NUMBER = r"(?:(?<![\d.,])\d+(?![.,]\d)|" + _WORD_NUMBER + r")"
_RANGE_JOINT = r"\s*(?:[-\u2010-\u2015\u2212]|to)\s*"
_NUMBER_RANGE = NUMBER + r"(?:" + _RANGE_JOINT + NUMBER + r")?"
ORDINAL = r"(?:" + "|".join(_ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th))"

# long units (a bare "12 weeks" is a time) and short ones (a bare "5 days" is as often a treatment's length)
_LONG_UNIT = (r"(?:weeks?|wks?|months?|mos?|mths?|years?|yrs?|y|trimesters?)")
_SHORT_UNIT = r"(?:days?|d|hours?|hrs?|h|minutes?|mins?)"
_NAMED_UNIT = r"(?:week|day|month|year|visit|session|hour|minute|cycle|period)"
_UNIT_WORDS = {"wk": "weeks", "wks": "weeks", "mo": "months", "mos": "months", "mth": "months", "mths": "months",
               "yr": "years", "yrs": "years", "y": "years", "d": "days", "h": "hours", "hr": "hours", "hrs": "hours",
               "min": "minutes", "mins": "minutes"}
# what a time counts from, kept with it ("8–12 weeks postpartum", "first three years of life", "24 h after")
_REFERENCE = (r"(?:\s*(?:post[- ]?partum|postnatal(?:ly)?|post[- ]?operative(?:ly)?|post[- ]?(?:treatment|"
              r"injection|dose|vaccination|surgery|delivery|partum)|of\s+life|"
              r"(?:after|following|since|from)\s+(?:the\s+)?(?:birth|delivery|surgery|discharge|the\s+end\s+of\s+(?:the\s+)?(?:treatment|therapy|intervention|study)|"
              r"(?:the\s+)?start\s+of\s+(?:the\s+)?(?:treatment|therapy|intervention|study))|"
              # "1 month after the last dose", "one month after the second booster vaccination", "2 hours after the
              # operation", "30 minutes after treatment": the event it counts from (randomisation, the usual origin,
              # is left out: "12 weeks after randomisation" is week 12)
              r"(?:after|following|post)\s+(?:the\s+)?(?:(?:last|final|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+)?"
              r"(?:booster\s+)?(?:doses?|vaccinations?|injections?|infusions?|boosters?|operation|procedure|treatment|"
              r"therapy|intervention)\b|"
              # "28 days of follow-up", "12 months of follow up"
              r"of\s+follow[- ]?up\b|"
              r"(?:\(\s*pp\s*\))))?")

_TIME = (
    r"(?P<tp>"
    # "week 12", "Weeks 1–12", "month four", "visit 2"
    r"(?:" + _NAMED_UNIT + r")\s+" + _NUMBER_RANGE + r"(?!\d|[.,]\d|\s*%)|(?:" + _NAMED_UNIT + r")s\s+" + NUMBER + _RANGE_JOINT
    + NUMBER + r"(?!\d|[.,]\d|\s*%)"
    # "the first three years", "first 6 months": an ordinal span from the start
    r"|first\s+" + _NUMBER_RANGE + r"\s+(?:" + _LONG_UNIT + "|" + _SHORT_UNIT + r")\b"
    # "second visit", "1st session", "3rd month", "first year"
    r"|" + ORDINAL + r"\s+(?:year|month|week|day|visit|session|trimester)\b"
    # "12 weeks", "8–12 weeks", "12-week", "12 mo", "two years"
    r"|" + _NUMBER_RANGE + r"[- ]?(?P<long>" + _LONG_UNIT + r")\b"
    r"|" + _NUMBER_RANGE + r"[- ]?(?P<short>" + _SHORT_UNIT + r")\b"
    r")" + _REFERENCE.replace("(?:\\s*", "(?P<ref>\\s*", 1)
)
# behind the package's start guard: re jumps to the characters a time can start with
_TIME_RE = start_guarded(re.compile(r"(?<![\w.])" + _TIME + r"(?![\w])", re.I))
# the words that make a bare period of days or hours a time: "at 24 h", "within 28 days", "24 h after"
_TIME_BEFORE = re.compile(r"(?:\b(?:at|after|within|by|through|until|up\s+to|on)\s+(?:the\s+)?|\bday\s*)$", re.I)
_TIME_AFTER = re.compile(r"\s*(?:after|post[- ]?\w*|later|following)\b|"
                         # "28-day mortality", "30-day readmission rate"
                         r"[\s-]*(?:mortality|survival|death|outcomes?|response|rates?|readmission)\b", re.I)
# not a time: "every 4 weeks", "each 2 months", "twice daily for 2 days", "aged 6 months", "for 12 weeks" stays
_NOT_TIME_BEFORE = re.compile(r"\b(?:every|each|per|q)\s+$|\bage[ds]?\s+(?:of\s+)?$|[<>\u2264\u2265]\s*$", re.I)
# "stunting at age 18 months", "at the age of 6 weeks": a child's age said as when an outcome was measured
_AT_AGE = re.compile(r"\bat\s+(?:the\s+)?age\s+(?:of\s+)?$", re.I)
_NOT_TIME_AFTER = re.compile(r"\s*(?:of\s+age|old)\b|"
                             # "within 7 days of symptom onset": who was enrolled, not when it was measured
                             r"\s+(?:after|of|from)\s+(?:the\s+)?(?:symptoms?|onset|diagnosis|admission)\b", re.I)


# "median survival was 25 months (95% CI 21-31)", "follow-up of 45 months (IQR 35-58)": a period measured, with its
# interval, is a value, not when anything was measured
_VALUE_AFTER = re.compile(r"\s*[(\[]\s*(?:\d+(?:[.\u00b7]\d+)?\s*%\s*(?:CI|CrI|confidence)|CI\b|IQR|range|"
                          r"\d+(?:[.\u00b7]\d+)?\s*(?:[-\u2010-\u2015\u2212]|to)\s*\d)", re.I)


_SAID_AT = re.compile(r"\b(?:at|by|after|within|through|until)\s+(?:the\s+)?$", re.I)


def _tidy(text: str) -> str:
    """The expression in lower case with single spaces and its abbreviated unit written out ("12 mo" -> "12
    months", "24h" -> "24 hours"); ranges and words kept as printed."""
    text = re.sub(r"\s+", " ", text.strip()).lower()
    text = re.sub(r"\s*\(\s*pp\s*\)\s*$", " postpartum", text)
    # "12 mo", "24h", "two wk": an abbreviated unit right after a number or a number word
    return _ABBREVIATED_UNIT.sub(lambda m: m.group("pre") + " " + _UNIT_WORDS[m.group("unit")], text)


_ABBREVIATED_UNIT = re.compile(r"(?P<pre>\d|[a-z](?= ))\s?(?P<unit>" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
                               + r")\b(?!-)")


def timepoint_spans(text: str, bare_short: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, timepoint) of each time expression in `text`, left to right (see the module's doc)."""
    return list(_timepoint_spans(text or "", bare_short))


# the sentence reader and the meaning layer read the same sentences' times (two in three calls repeat one): each
# text is read once (its result a tuple, each caller gets its own list)
@lru_cache(maxsize=1024)
def _timepoint_spans(text: str, bare_short: bool) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in _TIME_RE.finditer(text or ""):
        before = text[max(0, m.start() - 30):m.start()]
        if (_NOT_TIME_BEFORE.search(before) and not _AT_AGE.search(before)) or _NOT_TIME_AFTER.match(text, m.end()) \
                or (_VALUE_AFTER.match(text, m.end()) and not _SAID_AT.search(before)):
            continue
        if _AT_AGE.search(before) and not re.search(r"(?i)\b(?:months?|weeks?|days?|mo|wks?)\b", m.group("tp")):
            continue        # "at age 65 years": an adult's age is who, not when
        if m.group("short") and not bare_short and not m.group("ref") and not _TIME_BEFORE.search(before) \
                and not _TIME_AFTER.match(text, m.end()) and not _continues_list(text, m, out):
            continue
        if m.group("long") and m.group("long").lower() in ("y", "mo", "mos") and not re.search(r"\d", m.group("tp")):
            continue    # "two y" is no way to write a time; "12 mo" is
        out.append((m.start(), m.end(), _tidy(m.group(0))))
    return tuple(out)


def _continues_list(text: str, m: re.Match, found: list[tuple[int, int, str]]) -> bool:
    """ "after 28 d (...) and 42 d (...)", "at 24 h, 48 h and 72 h": a bare period joined to a time of the same
    unit named just before it."""
    if not found or m.start() - found[-1][1] > 200 or not _LIST_JOINT.search(text[max(0, m.start() - 12):m.start()]):
        return False
    short = m.group("short").lower()
    unit = _UNIT_WORDS.get(short, short).rstrip("s")
    return found[-1][2].split()[-1].rstrip("s") == unit


_LIST_JOINT = re.compile(r"(?:\band|\bor|,)\s*$", re.I)


def first_timepoint(text: str, bare_short: bool = True) -> str:
    """The first time expression of a short text (a header, a row label, a caption), or ""."""
    found = timepoint_spans(text, bare_short=bare_short)
    return found[0][2] if found else ""


def is_timepoint(text: str) -> bool:
    """Whether a short text (a header cell, a heading row) is nothing but a time: "Week 4", "24 h after", "Day 31",
    "At 6 months", "2nd visit"."""
    stripped = re.sub(r"^\s*(?:at|after|by|on|during|through|until)\s+(?:the\s+)?", "", text or "", flags=re.I)
    found = timepoint_spans(stripped, bare_short=True)
    rest = stripped[found[0][1]:] if found else ""
    # "24 h after", "2 weeks later": said from a moment the header above or the caption names
    rest = re.sub(r"(?i)^\s*(?:after|before|later)\b", "", rest)
    return bool(found) and found[0][0] == 0 and not rest.strip(" ,;:.()*")


__all__ = ["timepoint_spans", "first_timepoint", "is_timepoint", "NUMBER", "ORDINAL", "NUMBER_VALUES"]


# a header or label that only names a moment of the trial, without a number: "Initial", "Final", "Pre", "Post",
# "Before", "After", "End", "Follow-up" (a size may follow in the header: "Initial (n = 8)")
MOMENT_ONLY = re.compile(r"(?i)\s*(?:initial|final|pre|post|before|after|start|beginning|end|admission|discharge|"
                         r"follow[- ]?up|pre[- ]?(?:test|treatment|intervention)|post[- ]?(?:test|treatment|intervention))"
                         r"\s*[.:]?\s*")


def moment_of(word: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header that only names a moment ("Initial" -> ("initial", True),
    "Final" -> ("final", False), "Admission" -> ("admission", True), "Pre" -> ("pre", True), "Post-treatment" ->
    ("post-treatment", False)), else None. A moment is named as the document names it ("Post" stays "post", "Before"
    "before"): the reader of the table cannot know which treatment or event the word is counted from."""
    if not MOMENT_ONLY.fullmatch(word):
        return None
    key = re.sub(r"[\s.:]+", " ", word).strip().lower()
    if key in ("initial", "final", "start", "beginning", "admission", "discharge"):
        return key, key in ("initial", "start", "beginning", "admission")
    if key.startswith(("pre", "before")):
        return key, True
    if key.startswith("follow"):
        return "follow-up", False
    if key == "end":
        return "end of treatment", False
    return key, False
