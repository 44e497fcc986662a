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
- an ordinal window: "the first 24 h", "the second 24 h";
- a time of day after "at", "by", "until", "from" or "to": "at 16:00", "at 08:00 next morning";
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
              # "1 month after the last dose", "one month after the second booster vaccination", "6 months from the
              # first dose", "2 hours after the operation", "30 minutes after treatment", "10 min after injection": the
              # event it counts from (README: the reference is kept; randomisation, the usual origin, is left out:
              # "12 weeks after randomisation" is week 12)
              r"(?:after|following|from)\s+(?:the\s+)?(?:(?:last|final|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+)?"
              r"(?:booster\s+)?(?:doses?|vaccinations?|injections?|infusions?|boosters?|cycles?|courses?|operation|"
              r"procedure|treatment|therapy|intervention)\b|"
              r"(?:\(\s*pp\s*\))))?")

_TIME = (
    r"(?P<tp>"
    # "week 12", "Weeks 1–12", "month four", "visit 2"
    r"(?:" + _NAMED_UNIT + r")\s+" + _NUMBER_RANGE + r"(?!\d|[.,]\d|\s*%)|(?:" + _NAMED_UNIT + r")s\s+" + NUMBER + _RANGE_JOINT
    + NUMBER + r"(?!\d|[.,]\d|\s*%)"
    # "the first three years", "first 6 months": an ordinal span from the start; "the second 24 h": the window after
    # the first one of the same length
    # ("1st 10 min", "2nd 10 min": the ordinal in digits)
    r"|(?:first|second|third|fourth|fifth|[1-9](?:st|nd|rd|th))\s+" + _NUMBER_RANGE + r"[- ]?(?:" + _LONG_UNIT + "|"
    + _SHORT_UNIT + r")\b"
    # "at 16:00", "at 08:00 next morning": a time of day (kept only after "at", "by", "until", "from": _CLOCK_SAID)
    r"|(?P<clock>(?:[01]?\d|2[0-4]):[0-5]\d(?:\s*(?:h|hrs)\b)?(?:\s+(?:(?:the\s+)?next|following)\s+(?:morning|day|"
    r"evening|night))?)"
    # "second visit", "1st session", "3rd month", "first year"
    r"|" + ORDINAL + r"\s+(?:year|month|week|day|visit|session|trimester)\b"
    # "12 weeks", "8–12 weeks", "12-week", "12 mo", "two years"
    r"|" + _NUMBER_RANGE + r"[- ]?(?P<long>" + _LONG_UNIT + r")\b"
    r"|" + _NUMBER_RANGE + r"[- ]?(?P<short>" + _SHORT_UNIT + r")\b"
    # "6 w", "6 m": a unit cut to its letter, kept only where a short text opens with a time (bare_short: a header, a
    # row label), written out ("6 weeks"); a unit's letter before the number, "D1", is `coded_times`' business
    r"|(?P<letter>(?P<letter_n>\d{1,3}(?:" + _RANGE_JOINT + r"\d{1,3})?)\s?(?P<letter_unit>w|m))(?=\s*(?:$|[,;:(|]))"
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
# (nor a recall window, "Hours worked past 4 weeks", "visits in the previous 6 months": what the people had, not when
# it was measured)
_NOT_TIME_BEFORE = re.compile(r"\b(?:every|each|per|q)\s+$|\bage[ds]?\s+(?:of\s+)?$|[<>\u2264\u2265]\s*$|"
                              r"\b(?:past|previous|preceding)\s+$", re.I)
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
        if m.group("letter"):
            if not bare_short or m.group("ref") or not _CELL_START.fullmatch(text[:m.start()]):
                continue    # "6 m walk", "Distance 6 m": a letter is a unit only in a cell that opens with it
            said = f"{m.group('letter_n')} {_LETTER_UNITS[m.group('letter_unit').lower()]}s"
            out.append((m.start(), m.end(), re.sub(r"\s+", " ", said)))
            continue
        if m.group("clock") and not _CLOCK_SAID.search(before):
            continue    # "35:18", "10:30" bare: a ratio as often as a time of day
        if m.group("long") and m.group("long").lower() in ("y", "mo", "mos") and not re.search(r"\d", m.group("tp")):
            continue    # "two y" is no way to write a time; "12 mo" is
        out.append((m.start(), m.end(), _tidy(m.group(0))))
    return tuple(out)


# a unit cut to its letters, in a header or label ("D1", "Wk 12", "6 w", "6 m"): the unit it stands for
# what may come before a time cut to letters in its cell: nothing, or the word saying it is a time ("At 6 m")
_CELL_START = re.compile(r"(?i)\s*(?:(?:at|on|by|until|to)\s+)?[(\[]?\s*")
_LETTER_UNITS = {"d": "day", "w": "week", "wk": "week", "mo": "month", "mth": "month", "yr": "year", "m": "month"}
# a header cell that is a unit's letter(s) and a number: "D1", "D 3", "Wk 12", "W8", "Mo 6", "Yr 2"
_UNIT_CODE = re.compile(r"(?i)\s*(?P<unit>d|wk|w|mo|mth|yr)\s?(?P<n>\d{1,3})\s*[.:]?\s*")


def coded_times(cells: dict[int, str]) -> dict[int, tuple[str, bool]]:
    """{column: (timepoint, False)} of the header cells of one row that are a unit's letters and a number, when two
    at least of one unit with different numbers stand in the row ("D1 | D2 | D3" -> "day 1", "day 2", "day 3"; "Wk 0 |
    Wk 12" -> "week 0", "week 12"): the run of numbers makes the letters a unit; a lone "D2" (a receptor, a dose
    level, a vitamin) names none."""
    found = {col: _UNIT_CODE.fullmatch(text or "") for col, text in cells.items()}
    found = {col: m for col, m in found.items() if m is not None}
    units = {_LETTER_UNITS[m.group("unit").lower()] for m in found.values()}
    if len(units) != 1 or len({int(m.group("n")) for m in found.values()}) < 2:
        return {}
    unit = units.pop()
    return {col: (f"{unit} {int(m.group('n'))}", int(m.group("n")) == 0) for col, m in found.items()}
_CLOCK_SAID = re.compile(r"\b(?:at|by|until|till|from|to)\s+$", re.I)


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


def is_window(timepoint: str) -> bool:
    """Whether a time the grammar read is an ordinal window of the follow-up ("first 24 hours", "second 6 months"):
    "in the second 24 h" says when a row was measured, where "in the last 24 hours" says what the patients had."""
    return bool(re.match(r"(?i)\s*(?:first|second|third|fourth|fifth|[1-9](?:st|nd|rd|th))\s+\d", timepoint or ""))


__all__ = ["timepoint_spans", "first_timepoint", "phase_window", "numbered_moment", "caption_time", "is_timepoint", "is_window", "label_moment", "change_end_time", "lists_times", "leading_time", "NUMBER", "ORDINAL",
           "NUMBER_VALUES"]


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
    return key, False       # ("End" is "end": which end, of the treatment or of the study, the table does not say)


# "VAS score pretreatment", "SBP post-op", "VAS reduction % pretreatment-16:00", "... pre-/posttreatment": a row
# label ending in a moment of the treatment (or a span from one to a later time)
_MOMENT_WORD = r"(?:pre|post)[- ]?(?:treatment|therapy|intervention|operative|op|procedur(?:e|al)|surgery|injection|infusion)"
_LABEL_MOMENT = re.compile(
    r"(?i)(?P<what>.*[A-Za-z]{2}.*?)[\s,;:]+(?P<when>pre-?\s*/\s*" + _MOMENT_WORD[:-1].replace("(?:pre|post)", "post", 1)
    + r")|" + _MOMENT_WORD + r"(?:\s*[-\u2013\u2014]\s*(?:" + _MOMENT_WORD + r"|(?:[01]?\d|2[0-4]):[0-5]\d|next\s+(?:day|"
    r"morning)))?)\s*")


def label_moment(label: str) -> tuple[str, str]:
    """(what, when) of a row label ending in a moment of the treatment, written as the document writes it ("VAS score
    pretreatment" -> ("VAS score", "pretreatment"); "VAS reduction % pretreatment-16:00" -> ("VAS reduction %",
    "pretreatment to 16:00"); "pre-/posttreatment" as printed); (label, "") for any other label."""
    found = _LABEL_MOMENT.fullmatch(label or "")
    if found is None or re.search(r"(?i)\b(?:to|from|of|until|till|before|after|since|in|at|on|by|and|or)$",
                                  found.group("what").strip(" ,;:-")):
        return label, ""        # ("Time to pre-op ...": the moment is what the row measures up to)
    when = re.sub(r"\s+", " ", found.group("when")).strip().lower()
    if "/" not in when:
        when = re.sub(r"\s*[-\u2013\u2014]\s*(?=\d|next|pre|post)", " to ", when, count=1) \
            if re.search(r"[a-z]\s*[-\u2013\u2014]\s*(?:\d|next|pre|post)", when) else when
    return found.group("what").strip(" ,;:-"), when



# "Change from baseline to month 12 in ...", "Change at week 24 in ...", "Reduction from randomisation through week 52
# in ...": a change's end, said in the middle of the label (the end of a label is `table_reader`'s trailing time)
_CHANGE_UNTIL = re.compile(r"(?i)\b(?:changes?|reductions?|increases?|decreases?|differences?|improvements?|"
                           r"rise|fall|decline|gain|loss)\s+(?:from\s+(?:the\s+)?(?:baseline|randomi[sz]ation|"
                           r"(?:day|week|visit)\s+[01])\s+)?(?P<joint>(?:to|at|through|until|till|by)\s+(?:the\s+)?)$"
                           r"|\bfrom\s+(?:the\s+)?(?:baseline|randomi[sz]ation)\s+(?P<joint2>(?:to|at|through|until|till)\s+"
                           r"(?:the\s+)?)$")


def change_end_time(label: str) -> tuple[str, str]:
    """(what, when) of a label naming a change up to a time before what changed ("Change from baseline to month 12 in
    KCCQ score" -> ("Change from baseline in KCCQ score", "month 12"); "Change at week 24 in HbA1c, %" -> ("Change in
    HbA1c, %", "week 24")); (label, "") for any other label ("Change in weight from baseline", "Weight at 12 months"
    whose time ends the label, a length "Change over 12 weeks")."""
    for start, end, when in timepoint_spans(label or "", bare_short=True):
        said = _CHANGE_UNTIL.search(label[:start])
        if said is None or not re.match(r"\s*(?:[,;(]|in|of)\b|\s*[,;(]", label[end:]):
            continue
        joint = said.start("joint") if said.group("joint") is not None else said.start("joint2")
        rest = label[end:].strip()
        what = re.sub(r"\s+", " ", label[:joint].rstrip() + ("" if rest[:1] in ",;" else " ") + rest).strip(" ,;:-")
        return what, when
    return label, ""

# ---------------------------------------------------------------- the document's own statement of a time

_KEY_FORWARD = re.compile(r"(?i)^(?P<n>\d+|" + _WORD_NUMBER + r")[- ]?(?P<unit>[a-z]+)")
_KEY_BACKWARD = re.compile(r"(?i)^(?P<unit>week|day|month|year|visit|hour|minute)s?\s+(?P<n>\d+|" + _WORD_NUMBER + r")$")
_UNIT_KEYS = {"weeks": "week", "days": "day", "months": "month", "years": "year", "hours": "hour", "minutes": "minute",
              "visits": "visit"}


def _number(word: str) -> int | None:
    word = word.lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    parts = word.split()
    if len(parts) == 2 and parts[0] in NUMBER_VALUES and parts[1] in NUMBER_VALUES:
        return NUMBER_VALUES[parts[0]] + NUMBER_VALUES[parts[1]]
    return NUMBER_VALUES.get(word)


def time_key(timepoint: str) -> tuple[int, str] | None:
    """(number, unit) of a bare time ("1 month", "one month", "month 1", "12-week", "week 12" -> (12, "week")), None
    for anything longer (a reference, a range, a phase)."""
    text = _tidy(str(timepoint or ""))
    m = _KEY_BACKWARD.fullmatch(text)
    if m is None:
        m = _KEY_FORWARD.match(text)
        if m is None or m.end() != len(text):
            return None
    n = _number(m.group("n"))
    unit = _UNIT_KEYS.get(m.group("unit").lower(), m.group("unit").lower())
    if n is None or unit not in _UNIT_KEYS.values():
        return None
    return n, unit


# "One and six months after the last dose", "at 1, 3 and 6 months after surgery": each number of the list
# ("at 6 weeks and 12 weeks", "at 1 month, 3 months or 6 months": each number may carry the unit)
_LISTED_UNIT = r"(?:[- ]?(?:" + _LONG_UNIT + "|" + _SHORT_UNIT + r")\b)?"
_LIST_OF_TIMES = re.compile(r"(?i)(?<![\w.])(?P<first>(?:" + NUMBER + r")" + _LISTED_UNIT + r"(?:\s*,\s*(?:" + NUMBER + r")"
                            + _LISTED_UNIT + r")*)\s*,?\s*(?:and|or)\s+"
                            r"(?=(?:" + NUMBER + r")[- ]?(?:" + _LONG_UNIT + "|" + _SHORT_UNIT + r")\b)")


# "at weeks 4, 8 and 12", "at 3 and 6 months": several times, none of them every row's
_LISTED_NAMED_TIMES = re.compile(r"(?i)\b(?:weeks|days|months|years|visits)\s+" + NUMBER + r"(?:\s*,\s*" + NUMBER
                                 + r")*\s*,?\s*(?:and|or|to)\s+" + NUMBER + r"\b")


# "at six (OR 1.4, 95% CI ...) or 12 weeks (OR 2.1 ...)", "at 3 [...], 6 [...] and 12 months [...]": a list of numbers
# each followed by its own bracketed figures, the unit printed once at the end
# (each bracket holds an estimate or its interval, one level of brackets inside: "(RR 0.8 [0.6-1.0])"; the list
# follows "at", "by", "after": "scores of 6 (IQR 4-8) and 12 weeks later" lists no times)
_FIGURES = r"[(\[](?=[^()\[\]]*\b(?:OR|RR|HR|IRR|a?OR|a?HR|MD|SMD|CI|p|difference|ratio)\b)(?:[^()\[\]]|[(\[][^()\[\]]*[)\]]){1,160}[)\]]"
_BRACKETED_LIST = re.compile(r"(?i)\b(?:at|by|after|within|through)\s+(?P<items>(?:(?:" + NUMBER + r")\s*" + _FIGURES
                             + r"\s*,?\s*)+)(?:and|or)\s+(?:at\s+)?(?P<last>" + NUMBER + r")[- ]?(?P<unit>" + _LONG_UNIT + "|"
                             + _SHORT_UNIT + r")\b")
_BRACKETED_ITEM = re.compile(r"(?i)(?P<n>" + NUMBER + r")\s*" + _FIGURES)


def bracketed_list_times(text: str) -> list[tuple[int, str]]:
    """(start, timepoint) of each number of a list whose unit is printed only after its last number, every number
    followed by its own figures in brackets ("at six (OR 1.4 ...) or 12 weeks (OR 2.1 ...)" -> [(start of "six",
    "six weeks")]): the times `timepoint_spans` cannot see, the unit being away from them. The last number, printed
    with its unit, is `timepoint_spans`'s own."""
    out = []
    for listed in _BRACKETED_LIST.finditer(text or ""):
        unit = listed.group("unit").lower()
        unit = _UNIT_WORDS.get(unit, unit)
        if not unit.endswith("s") and unit not in ("trimester",):
            unit += "s"
        for item in _BRACKETED_ITEM.finditer(listed.group("items")):
            out.append((listed.start("items") + item.start("n"), f"{item.group('n')} {unit}"))
    return out


# "at week 0 and week 4", "at day 1, day 3 or day 7": the named unit printed with each number
_REPEATED_NAMED_TIMES = re.compile(r"(?i)\b(?P<unit>week|day|month|year|visit)\s+" + NUMBER + r"(?:\s*,\s*(?P=unit)\s+"
                                   + NUMBER + r")*\s*,?\s*(?:and|or|vs\.?|versus)\s+(?:at\s+)?(?P=unit)\s+" + NUMBER + r"\b")


def lists_times(text: str) -> bool:
    """Whether a caption or a heading names several times in a list ("Outcomes at 3 and 6 months", "Scores at weeks 4,
    8 and 12"): no one time is every row's; the columns or rows say which."""
    return bool(_LIST_OF_TIMES.search(text or "") or _LISTED_NAMED_TIMES.search(text or "")
                or _REPEATED_NAMED_TIMES.search(text or ""))


# "Week 52 efficacy outcomes", "Six-month outcomes", "12-month follow-up results", "One-year mortality": a caption that
# opens with the time of what it lists (weeks, months or years: "24-h urine sodium" names a measurement, not a time)
_LEADING_TIME = re.compile(r"(?i)\s*(?P<tp>(?:week|month|year)\s+\d{1,3}|(?:" + NUMBER + r")[- ](?:weeks?|months?|years?))"
                           r"(?:[- ](?:follow[- ]?up|post[- ]?treatment))?\s+(?=[a-z])")


def leading_time(caption: str) -> str:
    """The time a caption opens with ("Week 52 efficacy outcomes" -> "week 52"; "Six-month outcomes" -> "six-month";
    "12-month follow-up results" -> "12-month"), else "" ("24-h urine sodium", "Baseline characteristics")."""
    found = _LEADING_TIME.match(caption or "")
    return re.sub(r"\s+", " ", found.group("tp")).lower() if found else ""

# the events a document counts its times from that its labels keep with a bare time: which of several doses ("1 month
# after the last dose"); a single event ("after surgery", "after injection") is left unsaid as often as said
_EVENT_REFERENCE = re.compile(r"(?i)\s+after\s+(?:the\s+)?(?:last|final|first|second|third|fourth|fifth|"
                              r"\d+(?:st|nd|rd|th))\s+(?:booster\s+)?(?:doses?|vaccinations?|injections?|infusions?|"
                              r"boosters?|cycles?|courses?)\b")


_WHICH_DOSE = re.compile(r"(?i)\b(?:after|following|from)\s+(?:the\s+)?(?:last|final|first|second|third|fourth|fifth|"
                         r"\d+(?:st|nd|rd|th))\s+(?:booster\s+)?(?:doses?|vaccinations?|injections?|infusions?|"
                         r"boosters?|cycles?|courses?)\b")


def referenced_times(text: str) -> dict[tuple[int, str], str]:
    """{(number, unit): the event the document counts that time from} (" after the last dose", " after surgery"), for
    the times the document states so with one reference only ("6 months from the last dose" and "6 months after the
    last dose" are one); a time given two ("1 month after surgery", "1 month after discharge") is left out."""
    found: dict[tuple[int, str], set[str]] = {}
    text = text or ""
    # only the few places that name which dose are read (the whole text would cost a full pass of the grammar):
    # the 80 characters before each "after the last dose", "from the second vaccination", with the reference
    spans: set[tuple[int, int, str]] = set()
    for hit in _WHICH_DOSE.finditer(text):
        lo = max(0, hit.start() - 80)
        spans.update((lo + a, lo + b, tp) for a, b, tp in timepoint_spans(text[lo:hit.end()]))
    for start, end, tp in sorted(spans):
        key, rest = _split_reference(tp)
        if key is None or not rest:
            continue
        rest = re.sub(r"(?i)^\s+(?:from|following)\b", " after", rest)
        if not _EVENT_REFERENCE.match(rest):
            continue        # "of follow-up" is a length; "after treatment" the usual origin, as often left unsaid
        found.setdefault(key, set()).add(rest)
        # the numbers listed before it share its unit and reference: "one and six months after the last dose"
        head = text[max(0, start - 40):start]
        listed = _LIST_OF_TIMES.search(head + text[start:end])
        if listed is not None and listed.end() == len(head):
            for word in re.split(r"\s*,\s*", listed.group("first")):
                n = _number(re.match(r"(?i)" + NUMBER, word).group(0))      # (its unit, if printed, aside)
                if n is not None:
                    found.setdefault((n, key[1]), set()).add(rest)
    return {key: rests.pop() for key, rests in found.items() if len(rests) == 1}


def _split_reference(tp: str) -> tuple[tuple[int, str] | None, str]:
    """((number, unit), the reference words after it) of a time with a reference, e.g. "6 months after the last dose"
    -> ((6, "month"), " after the last dose")."""
    m = re.match(r"(?i)(?P<time>.+?)(?P<rest>\s+(?:after|following|post|from|of)\b.*|\s*post[- ]?\w+.*|\s+postpartum.*)$", tp)
    if m is None:
        return None, ""
    return time_key(m.group("time")), m.group("rest")


# "second 24 hours", "third 8 hours": a window after the first of the same length
_LATER_WINDOW = re.compile(r"(?i)(?:second|third|fourth|fifth)\s+(?P<length>\S+\s+\S+)")


def with_first_windows(rows: list[dict]) -> list[dict]:
    """The rows, a bare period ("24 hours") given as the first window ("first 24 hours") when the document's other
    rows name a later window of the same length ("Drainage in 24 h" beside "Drainage in the second 24 h")."""
    later = {m.group("length").lower() for row in rows if row.get("timepoint")
             for m in [_LATER_WINDOW.fullmatch(str(row["timepoint"]).strip())] if m is not None}
    if not later:
        return rows
    for row in rows:
        if str(row.get("timepoint") or "").strip().lower() in later:
            row["timepoint"] = "first " + str(row["timepoint"]).strip()
    return rows


# what a trial gives or runs, that a length of time is "of" or a moment is "after": "after 6 months of treatment",
# "after six weeks of vitamin D supplements", "three months after the training intervention", "after the end of the
# program" (up to two words naming it before the noun)
_WHAT_IS_GIVEN = (r"(?:(?:the|a|an|this|their|each)\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}"
                  r"(?:treatments?|therap(?:y|ies)|interventions?|supplement(?:s|ation)?|administration|intake|use|"
                  r"consumption|training|exercises?|programs?|programmes?|regimens?|courses?|dosing|follow[- ]?up)\b")
_UNIT = r"(?:days?|weeks?|months?|years?)"
# "after 6 months of treatment", "following 12 weeks of therapy", "at the end of the 6-week supplementation", "at the
# end of 6 weeks." (an end said alone; "after 30 days." alone is any event's time): the length the trial ran
_AFTER_LENGTH = re.compile(r"(?i)\b(?:(?:after|following)|(?P<end>at\s+the\s+end\s+of))\s+(?:the\s+)?(?P<n>" + NUMBER
                           + r")[\s-]+(?P<unit>" + _UNIT + r")(?:\s+of\s+" + _WHAT_IS_GIVEN + r"|(?(end)(?=\s*[,.;)])|(?!)))")
# "three months after the training intervention", "12 weeks after the end of treatment": a moment counted from it
_LENGTH_AFTER = re.compile(r"(?i)(?<![\w.-])(?P<n>" + NUMBER + r")[\s-]+(?P<unit>" + _UNIT + r")\s+(?:after|following)\s+"
                           r"(?P<what>" + _WHAT_IS_GIVEN + r")")
# a moment said only as "after": "After", "Post", "Post-treatment", "After intervention", "End of treatment"
_AFTER_MOMENT = re.compile(r"(?i)\s*(?:after|post)(?:[- ]?(?:the\s+)?(?:treatment|intervention|therapy))?\s*|"
                           r"\s*(?P<end>(?:the\s+)?end\s+of\s+(?:the\s+)?(?:treatment|intervention|therapy|study|trial))\s*")


def declared_end_time(text: str, ends_only: bool = False, section_of=None) -> tuple[str, str]:
    """(the time, its length) of the one moment a document says its after-treatment measurement was taken ("After 6
    months of treatment, FEV1 was determined" -> ("after 6 months", "6 months"); "three months after the training
    intervention" -> ("three months after the intervention", "three months")), ("", "") when it says none or more
    than one length (a time "after 30 days" of nothing the trial gave is no such moment). `ends_only`: only the
    lengths said as an end ("at the end of 16 weeks"), the moment an "End of study" column names. `section_of`
    ({"start": offset} -> section name): the background's and discussion's times are other studies'."""
    found: dict[tuple[int, str], str] = {}
    lengths: dict[tuple[int, str], str] = {}
    text = text or ""
    for m in list(_AFTER_LENGTH.finditer(text)) + list(_LENGTH_AFTER.finditer(text)):
        n = _number(m.group("n"))
        unit = m.group("unit").lower().rstrip("s")
        if n is None or (ends_only and (m.re is _LENGTH_AFTER or not m.group("end"))):
            continue
        if section_of is not None and str(section_of({"start": m.start()}) or "").lower() in _OTHER_STUDIES_SECTIONS:
            continue
        length = f"{m.group('n')} {m.group('unit')}".lower()
        if m.re is _LENGTH_AFTER:
            noun = re.search(r"(?i)(\w+)\W*$", m.group("what")).group(1).lower()
            said = f"{length} after the {noun}"
        else:
            said = f"after {length}"
        found.setdefault((n, unit), said)
        lengths.setdefault((n, unit), length)
    if len(found) != 1:
        return "", ""
    key = next(iter(found))
    return found[key], lengths[key]


_OTHER_STUDIES_SECTIONS = ("background", "introduction", "discussion")


def with_declared_end_time(rows: list[dict], text: str, section_of=None, structure: dict | None = None) -> list[dict]:
    """The rows whose time is only "after" ("After", "Post", "Post-treatment", "End of study"), given the moment the
    document declares for its after-treatment measurement (`declared_end_time`): a table's "Before | After" columns
    print the word, the methods say when ("after 6 months of treatment"). An end named so keeps its name with the
    length it was declared at ("end of study (16 weeks)"); a document declaring no length, or two, leaves the word."""
    bare = [row for row in rows if row.get("timepoint") and _AFTER_MOMENT.fullmatch(str(row["timepoint"]))
            and str(row.get("role") or "") != "baseline"]
    if not bare:
        return rows
    declared = {ends: declared_end_time(text, ends, section_of) for ends in (False, True)}
    # the nearest statement first: a table's caption declaring its own after-measurement ("before and after 12 weeks
    # of training") times its "After" column over the moment the methods declare
    captioned: dict[int, tuple[str, str]] = {}
    if structure:
        from .subgroups import rows_inside     # (the geometry of a table's cells; subgroups owns it)
        for table in structure.get("tables") or ():
            own = declared_end_time(str(table.get("caption") or ""))
            if own[0]:
                captioned.update((id(row), own) for row in rows_inside(bare, table))
    for row in bare:
        end = _AFTER_MOMENT.fullmatch(str(row["timepoint"])).group("end")
        said, length = captioned.get(id(row)) if not end and id(row) in captioned else declared[bool(end)]
        if said:
            row["timepoint"] = f"{end.strip()} ({length})" if end else said
    return rows


def with_document_times(rows: list[dict], text: str, section_of=None, structure: dict | None = None) -> list[dict]:
    """The rows, a bare time ("1 month", "week 12") given the document's one statement of the same time with the
    event it counts from ("1 month after the last dose"): the methods say from what, the results and tables print the
    number only; a bare period beside a later window of its length is the first window (`with_first_windows`); a
    bare "after" the moment the document declares for it (`with_declared_end_time`)."""
    rows = with_declared_end_time(with_first_windows(rows), text, section_of, structure)
    bare = [row for row in rows if row.get("timepoint") and time_key(str(row["timepoint"])) is not None]
    if not bare:
        return rows
    stated = referenced_times(text)
    if not stated:
        return rows
    for row in bare:
        rest = stated.get(time_key(str(row["timepoint"])))
        if rest:
            row["timepoint"] = str(row["timepoint"]) + rest
    return rows


# "... recorded at least once during follow up", "Events over the follow-up period", "throughout follow-up"
_DURING_FOLLOW_UP = re.compile(r"(?i)\b(?:during|over|throughout|through)\s+(?:the\s+)?(?:whole\s+|entire\s+)?"
                               r"follow[- ]?up\b")


def caption_time(caption: str) -> str:
    """The time a caption gives every row of its table when it names one with the event it counts from ("Incidence
    of complications one year after surgery", "Titres 6 weeks postpartum"; no "at" needed before it), the whole
    follow-up ("Adverse events recorded during follow up" -> "follow-up"), a window at an edge of a phase ("during
    the last 7 days of a two-week period" -> "last 7 days of the period") or one event of care ("Outcomes at
    discharge" -> "discharge", "at the end of treatment" -> "end of treatment"); else ""."""
    if not caption or not re.search(r"(?i)\d|follow|after|post|one|two|three|four|five|six|twelve|discharge|deliver|"
                                    r"birth|extubation|end\s+of|last|final|first", caption):
        return ""
    spans = timepoint_spans(caption)
    if any(_LIST_OF_TIMES.search(caption[max(0, start - 40):end]) for start, end, _ in spans):
        return ""       # "at 6 and 12 months after surgery": the columns or rows say which
    referenced = {tp for _, _, tp in spans if _split_reference(tp)[1]}
    if len(referenced) == 1:
        return referenced.pop()
    if not referenced and not spans and _DURING_FOLLOW_UP.search(caption):
        return "follow-up"
    edges = {edge_of_phase(m) for m in _EDGE_OF_PHASE.finditer(caption)}
    if len(edges) == 1 and not referenced:
        return edges.pop()      # "during the last 7 days of a two-week period": a window of the trial's phase
    events = {re.sub(r"\s+", " ", m.group("event")).lower() for m in _CAPTION_EVENT.finditer(caption)}
    if not referenced and not spans and len(events) == 1 and not _FIRST_MOMENT.search(caption):
        return events.pop()     # ("at baseline and at the end of study": two moments, the rows say which)
    return ""


# "during the last 7 days of a two-week period", "over the first 4 weeks of treatment", "in the final month of the
# intervention": a window at an edge of a phase of the trial (a window of nothing, "in the last 7 days", is the
# patients' recall, no time)
_EDGE_OF_PHASE = re.compile(r"(?i)\b(?:during|in|over|for|within)\s+the\s+(?P<edge>last|final|first)\s+(?P<length>(?:"
                            + NUMBER + r")[- ](?:" + _LONG_UNIT + "|" + _SHORT_UNIT + r")|(?:day|week|month|year))\s+of\s+"
                            r"(?:(?:the|a|an|each|every|their)\s+)?(?:[\w-]+\s+){0,3}(?P<phase>period|phase|treatment|"
                            r"intervention|study|trial|supplementation|run[- ]in|washout|follow[- ]?up|programme|program)\b")


def edge_of_phase(m: re.Match) -> str:
    """The window `_EDGE_OF_PHASE` found, with the phase named by its head noun ("last 7 days of the period")."""
    length = re.sub(r"\s+", " ", m.group("length")).lower()
    return f"{m.group('edge').lower()} {length} of the {m.group('phase').lower()}"


_FIRST_MOMENT = re.compile(r"(?i)\b(?:baseline|before|pre-?(?:treatment|operative|intervention)|enrol|admission|"
                           r"randomi[sz]|initial)")
# "Outcomes at discharge", "Scores at the end of treatment", "Neonatal data at birth": an event of the care the
# trial follows, after the intervention (enrolment, admission and randomisation name a baseline: their rows keep none)
_CAPTION_EVENT = re.compile(r"(?i)\b(?:at|on|upon)\s+(?:the\s+)?(?:time\s+of\s+)?(?P<event>(?:(?:hospital|ICU|PACU)\s+)?"
                            r"discharge|delivery|birth|extubation|the\s+end\s+of\s+(?:the\s+)?(?:treatment|study|"
                            r"intervention|therapy|follow[- ]?up)|end\s+of\s+(?:treatment|study|intervention|therapy))\b")


def with_caption_times(rows: list[dict], structure: dict | None) -> list[dict]:
    """The rows read from a table whose caption names one time (`caption_time`), those without a time given it
    (a baseline row keeps none: it was measured before)."""
    from .subgroups import rows_inside     # (the geometry of a table's cells; subgroups owns it)
    for table in (structure or {}).get("tables") or ():
        when = caption_time(str(table.get("caption") or ""))
        if not when:
            continue
        for row in rows_inside(rows, table):
            if not row.get("timepoint") and row.get("role") in ("effect", "subgroup"):
                row["timepoint"] = when
    return rows


# ---------------------------------------------------------------- the start or the end of a named phase

# "Start of weaning", "At the beginning of dialysis", "End of infusion", "At the end of the washout": the moment a
# phase of the care begins (before it acts) or ends
_PHASE_EDGE = re.compile(r"(?i)\s*(?:at\s+)?(?:the\s+)?(?P<edge>start|beginning|end)\s+of\s+(?:the\s+)?"
                         r"(?P<what>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)\s*[.:]?\s*")
# what a phase's edge is never the time of: a life, a row's own quantity
_NOT_A_PHASE = re.compile(r"(?i)(?:life|day|night|month|year|week|list|range|scale|table|text)\b")


def phase_edge(text: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header naming the start or the end of a phase ("Start of weaning"
    -> ("start of weaning", True); "End of infusion" -> ("end of infusion", False)), else None."""
    m = _PHASE_EDGE.fullmatch(text or "")
    if m is None or _NOT_A_PHASE.match(m.group("what")):
        return None
    said = re.sub(r"\s+", " ", f"{m.group('edge')} of {m.group('what')}").lower()
    return said, m.group("edge").lower() in ("start", "beginning")


# ---------------------------------------------------------------- a time glossed in brackets

# "Day 0 (before surgery)", "Visit 2 (day 14)", "Post-op (1 week)", "T1 (after the 4-week cycle)", "Exit (12 weeks)": a
# time or a visit's code, then in brackets when it was
_GLOSSED = re.compile(r"\s*(?P<a>[^()]{1,30}?)\s*\(\s*(?P<b>[^()]{2,40}?)\s*\)\s*[.:]?\s*")
# a visit's code or name that is a time only with its gloss: "T0", "T1", "V2", "Exit", "Entry", "Screening"
_VISIT_CODE = re.compile(r"(?i)\s*(?:[TV]\s?\d{1,2}|exit|entry|screening|enrol(?:l?ment)?|randomi[sz]ation|end|start)\s*")
# a gloss saying when by an event: "before surgery", "after the 4-week cycle", "during infusion", "post-dose"
_GLOSS_MOMENT = re.compile(r"(?i)\s*(?:before|after|during|pre|post|prior\s+to|following|at\s+the\s+end\s+of)\b[- ]?\s*\S.*")
# a bracket telling the cells' format or size, never when: "(n = 40)", "(%)", "(mean ± SD)", "(days)"
_NOT_A_GLOSS = re.compile(r"(?i)\s*(?:n\s*=.*|%|.*\b(?:mean|median|sd|se|iqr|range|ci)\b.*|(?:days?|weeks?|months?|"
                          r"years?|hours?|h|min(?:utes?)?)\s*)")


def glossed_time(text: str, when_of) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header or row label saying when twice, a time or a visit's code and
    in brackets its time or event ("Day 0 (before surgery)" -> ("day 0 (before surgery)", True); "Visit 2 (Day 14)"
    -> ("visit 2 (day 14)", False); "T1 (after the 4-week cycle)"): the whole label is the time, as printed, the
    bracket deciding whether it was before the intervention. `when_of` is the reader's reading of a label that only
    says when (table_reader._when). None for anything else ("Week 12 (n = 40)", "HbA1c (after 12 weeks)": an
    outcome's label, "Baseline (day 0)": the baseline as the labels name it)."""
    m = _GLOSSED.fullmatch(text or "")
    if m is None:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if _NOT_A_GLOSS.fullmatch(b):
        return None
    wa = when_of(a)
    if wa is None and not _VISIT_CODE.fullmatch(a) or (wa is not None and wa[0] in ("", "baseline")):
        return None
    wb = when_of(b)
    if wb is None and not _GLOSS_MOMENT.fullmatch(b):
        return None
    # (the bracket's event says it first: "before chemotherapy" is before whatever the reader makes of the phase)
    said = re.match(r"(?i)\s*(?P<before>before|pre|prior)|\s*(?:after|post|during|following|at\s+the\s+end)", b)
    before = bool(said.group("before")) if said else wb[1]
    return re.sub(r"\s+", " ", f"{a} ({b})").lower(), before


def operative_spelled_out(said: str) -> str:
    """A moment of an operation in the document's own spelling (hyphen or none), its "op" written out and its
    adverb an adjective: "pre-op" -> "pre-operative", "postop day 3" -> "postoperative day 3", "preoperatively" ->
    "preoperative" (labels write "Pre-op" out; "postoperative" and "post-operative" stay as printed)."""
    return re.sub(r"\b((?:pre|post)[- ]?)op(?:eration|erative(?:ly)?)?\b\.?", r"\1operative", said)


# a header naming the unit its sub-columns count in: "Visit", "Group and visit number", "Week of treatment",
# "Time point (day)", "Cycle"; the unit word, once
_UNIT_HEADER = re.compile(r"(?i)\b(?P<unit>visits?|weeks?|days?|months?|years?|sessions?|cycles?|hours?|minutes?)\b|"
                          r"\btime\s*[(\[,]\s*(?P<abbr>h|hrs?|min|d|wk|mo)\s*[)\]]?")
_ABBREVIATED = {"h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "d": "day", "wk": "week", "mo": "month"}
# the sub-column itself: a bare whole number, or a time code "T2" / "V3"
_BARE_NUMBER = re.compile(r"\s*(?P<n>\d{1,3})\s*")


# a header counting time rather than naming when: "Number of days", "Length of stay (days)", "Duration (weeks)",
# "Days per week", "Dose per day", "Days in hospital"
_COUNT_OF_TIME = re.compile(r"(?i)\b(?:per|dose|number\s+of|no\.\s+of|length|duration|stay|in\s+hospital|hospitali[sz]ation|"
                            r"frequency|times)\b")


def column_time(path: list[str]) -> str:
    """The time of a column whose lowest header is a bare number under a header naming one unit of time ("Group and
    visit number" ... "2" -> "visit 2"; "Week" over "0 | 4 | 12" -> "week 4"), else ""."""
    if len(path) < 2:
        return ""
    number = _BARE_NUMBER.fullmatch(path[-1])
    if number is None:
        return ""
    # a header that is itself a time ("5 minutes after the injection") names when, not the unit counted below it
    units = {m.group("unit").lower().rstrip("s") if m.group("unit") else _ABBREVIATED[m.group("abbr").lower()]
             for above in path[:-1] if not timepoint_spans(above, bare_short=True)
             for m in _UNIT_HEADER.finditer(above)}
    if len(units) != 1 or any(_COUNT_OF_TIME.search(above) for above in path[:-1]):
        return ""       # "Number of days | 1 | 2", "Length of stay (days)": a count, not a time; two units: unclear
    unit, n = units.pop(), int(number.group("n"))
    for above in path[:-1]:
        # "Postoperative day" over "1 | 2": the moment the unit counts from stays with it, as printed
        qualified = _QUALIFIED_UNIT.fullmatch(above)
        if qualified is not None and (qualified.group("unit") or qualified.group("unit2")).lower().rstrip("s") == unit:
            if qualified.group("origin"):
                return f"{operative_spelled_out(qualified.group('origin').lower())} {unit} {n}"
            since = re.sub(r"\s+", " ", qualified.group("since")).lower()
            return f"{unit} {n} {since}"
    return f"{unit} {n}"


# a unit header naming the moment its numbers count from: "Postoperative day", "Post-op days", "Days after surgery",
# "Hours following the injection" (one event, one or two words)
_QUALIFIED_UNIT = re.compile(r"(?i)\s*(?:(?P<origin>(?:post|pre)[- ]?[a-z]{2,})\s+(?P<unit>days?|weeks?|months?|hours?)|"
                             r"(?P<unit2>days?|weeks?|months?|hours?)\s+(?P<since>(?:after|following|post|since)\s+"
                             r"(?:the\s+)?[a-z]{3,}(?:[- ][a-z]{3,})?))\s*[:.]?\s*")


# the stub's header saying its header row lists times: "Time point", "Timepoints", "Time", "Time of assessment"
_TIME_CORNER = re.compile(r"(?i)\s*(?:time[\s-]*points?|time|times|time\s+of\s+(?:measurement|assessment|evaluation|"
                          r"recording)|assessment\s+time|measurement\s+time|follow[\s-]*up)\s*[:]?\s*")


def corner_time(corner: list[str], path: list[str]) -> str:
    """The time of a column whose header row is declared a row of times by the stub's header in that row ("Time
    point | Local anesthesia administration | 5 minutes after ..." over the arm or score sub-columns): that row's
    header, lower-cased, whatever its wording; else "". `corner` and `path` are the header cells above the stub
    and above the column, top to bottom (one per header row)."""
    for level, text in enumerate(corner):
        if not _TIME_CORNER.fullmatch(text or "") or level >= len(path):
            continue
        when = re.sub(r"\s+", " ", path[level]).strip(" :").lower()
        if when and not _TIME_CORNER.fullmatch(when) and not _BARE_NUMBER.fullmatch(when):
            return when
    return ""


def with_column_times(rows: list[dict], structure: dict | None) -> list[dict]:
    """The rows read from a column headed by a bare number under a unit of time (`column_time`) or under a header
    row the stub declares a row of times (`corner_time`), those without a time given it."""
    from .subgroups import header_path, placed_rows     # (the geometry of a table's cells; subgroups owns it)
    for table in (structure or {}).get("tables") or ():
        headers = [str(c.get("text") or "") for c in table.get("cells") or ()
                   if c.get("header") or int(c.get("row", 0)) < int(table.get("header_rows") or 0)]
        if not any(_UNIT_HEADER.search(text) or _TIME_CORNER.fullmatch(text) or _COUNTED_FOLLOW_UP.fullmatch(text)
                   for text in headers):
            continue        # cheap pre-check: no header names a unit of time, a row of times or a numbered follow-up
        corner = header_path(table, 0)
        caption = str(table.get("caption") or "").lower()
        times: dict[int, str] = {}
        # (a time that is only the unit header, "postoperative day" over "1 | 2", is refined by the number below it;
        # a numbered follow-up's column keeps its own visit over the one time its caption names)
        for row, _, col in placed_rows([r for r in rows if not r.get("timepoint")
                                        or _QUALIFIED_UNIT.fullmatch(str(r["timepoint"]))
                                        or str(r["timepoint"]).lower() in caption], table):
            if col not in times:
                path = header_path(table, col)
                times[col] = (corner_time(corner, path) if col else "") or column_time(path)
                if not times[col] and col:
                    times[col] = "\n" + counted_follow_up(path) if counted_follow_up(path) else ""
            if times[col].startswith("\n"):
                row["timepoint"] = times[col][1:]
            elif times[col] and (not row.get("timepoint") or _QUALIFIED_UNIT.fullmatch(str(row["timepoint"]))):
                row["timepoint"] = times[col]
    return rows


# a follow-up visit told by its count: "Follow-up 2", "Follow-up visit 3", "FU1", "1st follow-up", "Second follow up"
# (a size or a format may follow in brackets)
_COUNTED_FOLLOW_UP = re.compile(r"(?i)\s*(?P<said>(?:" + ORDINAL + r")\s+follow[- ]?up|follow[- ]?up\s*(?:visit\s*)?"
                                r"(?:\d{1,2}|(?-i:I{1,3}|IV|V))|FU\s?\d{1,2})\s*(?:[(\[][^()\[\]]*[)\]])?\s*[.:]?\s*")


def counted_follow_up(path: list[str]) -> str:
    """The follow-up visit a column's header path names by its count ("Drug A" over "Follow-up 2" -> "follow-up 2";
    "FU1 (n = 40)" -> "fu1"), as printed; else ""."""
    for text in path:
        m = _COUNTED_FOLLOW_UP.fullmatch(text or "")
        if m is not None:
            return re.sub(r"\s+", " ", m.group("said")).lower()
    return ""


# ---------------------------------------------------------------- a visit named with its time; a header row of times

# a follow-up visit named with its time in a header: "1-year follow-up", "Follow-up at 6 months",
# "6-month follow-up" (the word before or after the time)
_VISIT_WORD = r"(?:follow[- ]?up|FU)"
_TIMED_VISIT = re.compile(r"(?i)\s*(?:at\s+)?(?:the\s+)?(?:(?P<time>.+?)[- ]" + _VISIT_WORD + r"|" + _VISIT_WORD +
                          r"\s*(?:at|,|:|\(|after)?[\s-]*(?P<time2>[^()]+?)\s*\)?)\s*[.:]?\s*")


_NUMBERS_FIRST = re.compile(r"\s*" + NUMBER + _RANGE_JOINT + NUMBER, re.I)


def timed_visit(text: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header naming a visit by its time ("1-year follow-up", "Follow-up at
    6 months", "Six-month follow-up"): the whole header as printed (the labels keep the visit's
    word), never before the intervention; None for anything else ("Follow-up", "Length of follow-up, months")."""
    m = _TIMED_VISIT.fullmatch(text or "")
    if m is None:
        return None
    time = m.group("time") if m.group("time") is not None else m.group("time2")
    found = timepoint_spans(time, bare_short=True)
    if len(found) != 1 or found[0][0] != 0 or time[found[0][1]:].strip(" -") or _NUMBERS_FIRST.match(time):
        return None     # ("Follow-up, 2-5 years": a range with the numbers first is a category, README)
    said = re.sub(r"\s+", " ", text.strip(" .:")).lower()
    return re.sub(r"^(?:at\s+)?(?:the\s+)?", "", said), False


# a header cell that is no time, whatever its row: a statistic, a format, a test, a total, a comparison or a group
_NOT_A_MOMENT = re.compile(r"(?i).*(?:\b(?:p|n|sd|se|ci|iqr|mean|median|range|total|overall|all|change|difference|"
                           r"diff|effect|ratio|odds|risk|value|values|groups?|arms?|placebo|control|sham|usual|"
                           r"treatment|intervention|patients|participants|subjects|score|vs|versus|p-value|"
                           r"significance|sig)\b|%|\d|[±=<>/+]).*")


def times_of_a_header_row(cells: dict[int, str], when_of) -> dict[int, tuple[str, bool]]:
    """{column: (timepoint, False)} of the header cells of one row that name a moment the grammar does not know,
    in a row whose other cells are times ("Baseline | Post | Retention | Delayed retention": "retention", "delayed
    retention"): the row declares itself a row of times, so each of its short word-only cells is one, as printed.
    `cells` are the row's cells by column (the stub's left out), `when_of` the reader's reading of a header that says
    when. Two different times at least, no more other cells than times, none a statistic, a group or a test. The
    row's unit codes ("D1 | D2 | D3": `coded_times`) are its times too."""
    coded = coded_times(cells)
    read = {col: coded.get(col) or when_of(text) for col, text in cells.items() if text.strip()}
    times = {str(w[0]) or "baseline" for w in read.values() if w is not None}
    others = {col: cells[col] for col, w in read.items() if w is None}
    if len(times) < 2 or not others or len(set(others.values())) > len(times):
        return coded
    if any(_NOT_A_MOMENT.fullmatch(text) or not re.fullmatch(r"\s*[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z-]+){0,2}\s*", text)
           for text in others.values()):
        return coded
    return {**coded, **{col: (re.sub(r"\s+", " ", text).strip().lower(), False) for col, text in others.items()}}


# ---------------------------------------------------------------- a window of a phase of the care

# the phase of the care a window is counted in: "Postoperative", "Post-op", "Post-dose", "Intraoperative",
# "Pre-infusion", "Postpartum"
# (a bare "Post 4 weeks" is not one: batches write it "4 weeks" as often as "post 4 weeks")
_PHASE_WORD = (r"(?P<phase>(?P<pre>pre)?(?:post|intra)?[- ]?(?:op(?:erative(?:ly)?|eration)?|surg(?:ery|ical)|"
               r"procedur(?:e|al)|dose|infusion|injection|treatment|intervention|partum|natal(?:ly)?|extubation|"
               r"discharge|randomi[sz]ation)\.?)")
# what a label may print after a window: its gloss in brackets, and the test or visit held then ("Postoperative 6 h
# (recovery room) assessment": the time is "postoperative 6 h (recovery room)")
_WINDOW_TAIL = re.compile(r"(?i)\s*(?P<gloss>\(\s*[a-z][a-z -]{1,30}\))?\s*(?:tests?|visits?|assessments?|measurements?|"
                          r"evaluations?)?\s*[.:,]?\s*")
_PHASE_THEN_TIME = re.compile(r"(?i)\s*(?:(?:at|during|in|over)\s+)?(?:the\s+)?" + _PHASE_WORD + r"\s*[,:]?\s+(?:period\s*,?\s*)?"
                              r"(?P<time>\S.*?)\s*[.:]?\s*")
# a bound is a category, never a window ("Postoperative > 48 h", "Pre-treatment <6 months")
_BOUND = re.compile(r"[<>\u2264\u2265]|\b(?:more|less|fewer|greater|longer|shorter)\s+than\b|\bover\b|\bunder\b", re.I)


def phase_window(text: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header or heading row naming a window of a phase of the care by its
    times: the phase word, then a time or a range of times ("Postoperative 0-48 h" -> ("postoperative 0-48 h",
    False); "Post-op 2–24 h", "Pre-infusion 30 min"), or a range of times counted from an event ("0-2 h after surgery",
    "24-48 h postoperatively"): the event makes the range a window of the follow-up, where a bare range ("2-5 days",
    "6 to 12 months") is a category. As printed, its "op" written out; None for anything else ("Postoperative
    complications", "Postoperative > 48 h", "Post-dose 12 mg")."""
    if not text or _BOUND.search(text):
        return None
    said = re.sub(r"\s+", " ", text.strip(" .:,")).lower()
    m = _PHASE_THEN_TIME.fullmatch(text)
    if m is not None and m.group("phase").lower().startswith(("pre", "post", "intra")):
        time = m.group("time")
        found = timepoint_spans(time, bare_short=True)
        tail = _WINDOW_TAIL.fullmatch(time[found[0][1]:]) if len(found) == 1 and found[0][0] == 0 else None
        if tail is not None:
            said = re.sub(r"\s+", " ", f"{text[:m.start('time')]}{time[:found[0][1]]} {tail.group('gloss') or ''}")
            said = re.sub(r"^(?:(?:at|during|in|over)\s+)?(?:the\s+)?", "", said.strip(" .:,").lower())
            return operative_spelled_out(said), bool(m.group("pre"))
        return None
    stripped = re.sub(r"(?i)^\s*(?:(?:at|during|in|over|within)\s+)?(?:the\s+)?", "", text)
    found = timepoint_spans(stripped, bare_short=True)
    if len(found) != 1 or found[0][0] != 0 or stripped[found[0][1]:].strip(" .:,") \
            or not re.search(r"\d\s*(?:[-\u2010-\u2015\u2212]|to)\s*\d", stripped[:found[0][1]]) \
            or not _split_reference(found[0][2])[1]:
        return None
    return operative_spelled_out(re.sub(r"\s+", " ", stripped.strip(" .:,")).lower()), \
        bool(re.search(r"(?i)\b(?:before|pre)\b", stripped))


# a moment word told by its count: "Posttest 1", "Post-test 2", "Pretest II" (the trial's repeated measurements of one
# kind, numbered; a "Follow-up 2" row is left to the readers of follow-ups: read so it cost a validation batch
# arm-level rows)
_NUMBERED_MOMENT = re.compile(r"(?i)\s*(?P<said>(?P<pre>pre[- ]?(?:test|treatment|intervention)|pretest)?"
                              r"(?:post[- ]?(?:test|treatment|intervention)|posttest)?)\s*[-#]?\s*"
                              r"(?P<n>\d{1,2}|(?-i:I{1,3}|IV|V|VI))\s*[.:]?\s*")


def numbered_moment(text: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header or row label that is a moment word and its count
    ("Posttest 2" -> ("posttest 2", False), "Pre-test 1" -> ("pre-test 1", True)), as printed; None for anything else
    ("Posttest", "Test 2", "Post 12 mg", "Follow-up 2")."""
    m = _NUMBERED_MOMENT.fullmatch(text or "")
    if m is None or not m.group("said"):
        return None
    return re.sub(r"\s+", " ", text.strip(" .:")).lower(), bool(m.group("pre"))


# ---------------------------------------------------------------- a stub column of times

# the header of a stub column whose cells say when each row was measured: a row-of-times corner ("Time", "Time point",
# "Follow-up") or a word for the occasion ("Visit", "Assessment", "Period", "Session", "Occasion", "Phase", "Moment")
_TIME_STUB_HEADER = re.compile(r"(?i)\s*(?:visits?|assessments?|measurements?|periods?|sessions?|occasions?|phases?|"
                               r"moments?|timing|when)\s*[:]?\s*")


def time_stub_column(stub: dict[int, tuple[str, list[str]]], when_of) -> int | None:
    """The one stub column (left of the figures, after the first label column) whose cells say when each row was
    measured ("Measure | Condition | Time | Control | Intervention" with "Before" / "After" under "Time"; "Outcome |
    Visit | A | B" with "Week 0" / "Week 12"), else None. `stub` maps each candidate column to (its header, its body
    cells' texts); `when_of` is the reader's reading of a cell that only says when (table_reader._when). A column
    qualifies when its header is empty or names the time ("Time", "Time point", "Visit", "Assessment"), each of its
    filled cells is a time, and it names two different times at least in two rows at least; a "Time (min)" column of
    figures is an outcome measured in minutes, no column of times (its cells are numbers), and two such columns name
    no one time."""
    found = []
    for col, (header, cells) in stub.items():
        header = re.sub(r"\s+", " ", " ".join(dict.fromkeys((header or "").split()))).strip()
        if header and not (_TIME_CORNER.fullmatch(header) or _TIME_STUB_HEADER.fullmatch(header)):
            continue
        filled = [c.strip() for c in cells if c and c.strip()]
        read = [when_of(c) for c in filled]
        if len(filled) < 2 or any(w is None for w in read) or len({w[0] or "baseline" for w in read}) < 2:
            continue
        found.append(col)
    return found[0] if len(found) == 1 else None


# "relative to week 0", "from baseline", "vs. baseline", "compared with week 0": the moment a change is counted from
_CHANGE_REFERENCE = re.compile(r"(?i)\s*(?:(?:relative|compared|in\s+comparison)\s+(?:to|with)|from|since|vs\.?|versus|"
                               r"over|against|to)\s+\S")


def change_reference(text: str) -> bool:
    """Whether a header's words about a moment name the reference a change is counted from ("to week 0" of
    "Improvements relative to week 0", "from baseline", "vs. baseline"), not when its column was measured: the cells
    under "Improvements relative to week 0" over "Week 3 | Week 6" are the changes by weeks 3 and 6, no baseline."""
    return bool(_CHANGE_REFERENCE.match(text or ""))


# "1. year", "2. Month", "3. visit": an ordinal written as its number and a full stop (as German, Nordic and Slavic
# texts print it), in a header or a row label that says only when
_DOTTED_ORDINAL = re.compile(r"(?i)\s*(?P<n>\d{1,2})\.\s*(?P<unit>year|month|week|day|visit|session|cycle|trimester)"
                             r"\s*[.:]?\s*")


def dotted_ordinal(text: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a header or row label that is an ordinal written with a full stop and a
    unit ("1. year" -> ("1. year", False); "2. Visit" -> ("2. visit", False)), as printed; None for anything else
    ("1.5 years", "Year 1.", "1. Pain"). A first visit or session may be the baseline, but the reader of the cell
    cannot know: never before the intervention."""
    m = _DOTTED_ORDINAL.fullmatch(text or "")
    return (f"{int(m.group('n'))}. {m.group('unit').lower()}", False) if m else None


# ---------------------------------------------------------------- a time code with the moment the methods define for it

# where the phrase defining a code starts: after the clause's verb ("Measurements were performed after induction
# (T0)") or after the list's joint ("..., within 2 h after surgery (T2) and 24 h after ... (T3)")
_GLOSS_START = re.compile(r"(?i)(?:[,;:(]|\band\b|\bor\b|\bwere\s+\w+(?:\s+out)?|\bwas\s+\w+|\bperformed|\bmeasured|"
                          r"\brecorded|\bassessed|\bcollected|\bobtained|\btaken|\bsampled|\bevaluated)\s*")
_CODE_GLOSS_OPENING = re.compile(r"(?i)\s*(?:immediately\s+|just\s+)?(?:before|after|at|on|within|during|following|prior\s+to|"
                           r"upon|\d|baseline|pre|post|end\b|start\b|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"twelve|twenty)")


def code_gloss(text: str, bracket: int) -> str:
    """The moment a document defines for the time code printed in the bracket at `bracket` ("after anaesthesia
    induction" of "Measurements were performed after anaesthesia induction (T0), at the end of surgery (T1)"; "at the
    end of surgery" for T1), lower-cased: the phrase from the clause's verb or the list's joint up to the bracket,
    when it opens with a moment ("before", "after", "at", "within", a number, "baseline") and has at most eight words;
    else "" (the code's own sentence then says no more than the code)."""
    head = text[max(0, bracket - 120):bracket]
    starts = [m.end() for m in _GLOSS_START.finditer(head)]
    phrase = head[starts[-1]:] if starts else ""
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:")
    if not phrase or not _CODE_GLOSS_OPENING.match(phrase) or len(phrase.split()) > 8:
        return ""
    return phrase.lower()
