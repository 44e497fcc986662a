"""A permissive reading of one table cell, steered by the format its row, column or caption declares.

The cell grammar (grammar.py, read by `arm_cells.parse_arm_cell`) asks each of its productions to span the whole
cell, so every new spelling of a known statistic ("40.1 ±(2.2)", "2 (1; 4)", "38 {29-47}", "5 (3·2)", "4.5 (SD=1.2)
mmHg", "12 % [5]") used to need one more pattern. This module reads any spelling of them in two steps:

1. `tokenize`: the cell's numbers (sign, decimal point, comma or middle dot, a percent sign before or after, a "<"
   or ">" bound, a censoring "+") and the structure around them: which bracket each number is in (outside, or the
   first, second ... bracket), the separator between two numbers ("±", "-", "to", ",", ";", ":", "/"), and the
   words naming a statistic in a bracket (SD, SE, IQR, range, CI, min-max, Q1-Q3). Its `signature` prints the
   shape, e.g. "N (N%)", "N ± N", "N [N - N]", "N (N - N) [N - N]".
2. `read_cell`: the roles of those numbers from the format declared for the cell (`hint`: "n_pct", "pct_n",
   "mean_sd", "mean_se", "mean_ci", "mean_range", "median_iqr", "median_range", "median_ci", "mean", "median",
   "count", "pct", ...) and the words the cell itself prints. Under "median_iqr" a centre and two numbers in one
   bracket, with any separator, are its quartiles (when in order); under "n_pct" a whole count and one bracketed
   number up to 100 are the count and its share (agreeing with the arm's size when known); under "mean_sd" a
   centre and one spread in any bracket or after "±" are the mean and SD. Without a hint only the shapes with one
   possible meaning are read: a mean "±" its SD, a bracket whose word names its statistic, a count of a total with
   the share it makes.

Checks stay: quartiles and ranges hold their centre in order, a range is at least one SD wide (a narrower pair after
"mean ± SD" is its confidence interval), an SD is never below its SE, a share agrees with count/size within its
rounding, a count is never above the arm's size. The reading is a `Reading` (measure and roles); the table reader
turns it into its rows, and calls this reader only where the grammar's productions read nothing, so every cell the
grammar reads keeps its row. The shapes the grammar's rewrites used to bring to its productions (a spread and a range
in one bracket or two, a unit after a mean and SD, a typed "+-") are read here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .grammar import COUNTED_PEOPLE, parse_number

# ------------------------------------------------------------------------------------------ tokens
# a word naming the statistic of the numbers after it: "SD", "S.D.", "SE", "SEM", "IQR", "range", "95% CI",
# "min-max", "Q1-Q3", "P25-P75" (an "=" or ":" after it is part of the word)
_STATISTIC_WORDS = (
    ("SD", r"S\.?D\.?s?|standard\s+deviation"),
    ("SE", r"S\.?E\.?M?\.?|standard\s+error(?:\s+of\s+(?:the\s+)?mean)?"),
    ("IQR", r"I\.?Q\.?R\.?|inter-?\s?quartile\s+range|Q1\s*(?:[-\u2010-\u2015\u2212/,;]|to)\s*Q3|P25\s*(?:[-\u2010-\u2015\u2212/,;]|to)\s*P75"),
    ("RANGE", r"range|min(?:imum)?\.?\s*(?:[-\u2010-\u2015\u2212/,;]|to)\s*max(?:imum)?\.?"),
    ("CI", r"(?:9[059](?:\.\d+)?\s*%\s*)?(?:CI|CrI|C\.I\.|confidence\s+interval)"),
)
_WORD = re.compile(r"(?i)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STATISTIC_WORDS)
                   + r")(?![A-Za-z])\s*[:=,]?")
# a number: a bound before it, a percent sign before or after it, a decimal point, comma (one or two digits, no space:
# "2,5") or middle dot ("2\u00b75"), a censoring "+" after it ("18.0+": the longest follow-up still running; such a
# cell is not read)
_NUMBER = re.compile(r"(?P<bound>[<>\u2264\u2265]=?\s*)?(?P<pre>%\s*)?(?P<num>\d+(?:[.\u00b7]\d+|,\d{1,2}(?![\d,]))?|[.\u00b7]\d+)"
                     r"(?P<cens>\+(?![\s]*[-\u2212/\d.]))?(?P<pct>\s?%)?")
_PLUS_MINUS = re.compile(r"\u00b1|\u2213|\+\s*/\s*[-\u2212]|\+\s?[-\u2212](?=\s*[\d.])")
_DASH = re.compile(r"[-\u2010-\u2015\u2212]")
_SEPARATOR = re.compile(r"(?i)to(?![A-Za-z])|[,;:\u2236/|~]")
# footnote marks printed anywhere in the cell: skipped
_MARKS = re.compile(r"[*\u2020\u2021\u00a7\u00b6#^\u2019'\"]+")
# any other word: a unit or the people counted when it follows the figure ("mmHg", "years", "patients")
_OTHER_WORD = re.compile(r"[A-Za-z\u00b5\u03bc\u00b0][\w\u00b5\u03bc\u00b0/.\u00b2\u00b3%]*")
_OPEN, _CLOSE = "([{", ")]}"


def _unit_words(words: list[str]) -> bool:
    """Whether the words after a figure are its unit or the people it counts ("kg", "mm Hg", "patients"), not a
    phrase that says more ("had nausea", "not reported", "in the first week"): one word, or two short ones."""
    return len(words) <= 1 or len(words) == 2 and sum(len(w) for w in words) <= 6


@dataclass(frozen=True)
class Number:
    """One number of the cell as printed: `value` (signed), `text` (as printed, the decimal mark a point),
    `percent` (a "%" printed before or after it), `bound` ("<", ">" or ""), `decimals` (digits after the mark)."""
    value: float
    text: str
    percent: bool = False
    bound: str = ""
    decimals: int = 0

    @property
    def whole(self) -> bool:
        """A count's shape: no sign, no decimals, no bound."""
        return self.value >= 0 and self.decimals == 0 and not self.bound and not self.text.startswith(("-", "+"))


@dataclass(frozen=True)
class Group:
    """The numbers at one level of the cell: outside any bracket (`opener` ""), or inside one bracket. `seps` are
    the separators between consecutive numbers ("±", "-", "to", ",", ";", ":", "/", " "), `lead` the separator
    printed just before the bracket ("40.1 ±(2.2)": "±"), `word` the statistic the bracket names ("SD", "SE", "IQR",
    "RANGE", "CI"; "" when unnamed)."""
    opener: str
    numbers: tuple[Number, ...]
    seps: tuple[str, ...]
    lead: str = ""
    word: str = ""
    word_at: int = 0      # the number the word comes before ("(6; range 6-43)": 1)


@dataclass(frozen=True)
class CellTokens:
    """A cell read as its groups: `outer` the numbers outside any bracket, `brackets` each bracket's numbers in order."""
    outer: Group
    brackets: tuple[Group, ...]
    unit: tuple[str, ...] = ()      # the words printed after the figure ("years", "mm Hg", "patients")

    @property
    def signature(self) -> str:
        """The cell's shape with its numbers as "N": "N (N%)", "N ± N", "N [N - N]", "N (SD N)"."""
        def one(g: Group) -> str:
            parts = []
            for i, x in enumerate(g.numbers):
                if i:
                    sep = g.seps[i - 1]
                    parts.append(" " if sep == " " else f" {sep} " if sep in ("±", "+", "-", "to") else sep if sep in "/:" else f"{sep} ")
                if g.word and g.word_at == i:
                    parts.append(f"{g.word} ")
                parts.append(f"{x.bound}N{'%' if x.percent else ''}")
            inner = "".join(parts)
            if not g.opener:
                return inner
            lead = f"{g.lead} " if g.lead else ""
            return f"{lead}{g.opener}{inner}{_CLOSE[_OPEN.index(g.opener)]}"
        return " ".join(p for p in [one(self.outer)] + [one(b) for b in self.brackets] if p)


@dataclass
class _Open:
    opener: str
    numbers: list = field(default_factory=list)
    seps: list = field(default_factory=list)
    lead: str = ""
    word: str = ""
    word_at: int = 0
    pending: str = ""        # the separator read after the last number


def _number(m: re.Match, sign: str) -> Number:
    printed = m.group("num").replace("\u00b7", ".").replace(",", ".")
    text = (sign + printed) if sign else printed
    return Number(float(text), text, bool(m.group("pct") or m.group("pre")),
                  (m.group("bound") or "").strip().replace("\u2264", "<").replace("\u2265", ">").rstrip("="),
                  len(printed.partition(".")[2]))


def tokenize(cell: str) -> CellTokens | None:
    """The cell's numbers and their structure, or None when the cell prints something this reader does not read
    (words between its numbers, a bracket inside a bracket, an unclosed bracket, letters glued before a digit)."""
    outer = _Open("")
    groups: list[_Open] = []
    current = outer
    i, text = 0, cell.strip()
    after_figure = False      # a word after the figure: its unit, no number may follow
    unit: list[str] = []
    word_end = -1             # where the last statistic word ended ("IQR18-30": its number glued to it)
    sign = ""
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        m = _MARKS.match(text, i)
        if m:
            i = m.end()
            continue
        if ch in _OPEN:
            # ("24.8 years (±0.5)", "12 years (3.3 years)": the unit of one figure printed before its bracket;
            # "68.5 ± 7.8 years [48 - 86 years]": of a mean and its SD, the bracket their range)
            one_figure = len(outer.numbers) == 1 or len(outer.numbers) == 2 and outer.seps == ["\u00b1"]
            if current is not outer or sign or after_figure and (groups or not one_figure or len(unit) != 1):
                return None
            after_figure = False
            # "24 IQR (18-30)": a word printed before the bracket names the bracket's numbers
            current = _Open(ch, lead=outer.pending, word=outer.word if outer.numbers else "")
            outer.pending = outer.word = "" if outer.numbers else outer.word
            groups.append(current)
            i += 1
            continue
        if ch in _CLOSE:
            if current is outer or _OPEN.index(current.opener) != _CLOSE.index(ch) or sign:
                return None
            if not current.numbers:
                return None
            current = outer
            i += 1
            continue
        m = _WORD.match(text, i)
        if m and not (i and text[i - 1].isalnum()):
            if after_figure or current.word:
                return None
            current.word, current.word_at = m.lastgroup, len(current.numbers)
            i = word_end = m.end()
            continue
        m = _PLUS_MINUS.match(text, i)
        if m:
            if after_figure or not current.numbers and current is outer or current.pending:
                return None
            if not current.numbers and not current.lead:
                current.lead = "±"       # "7.43 (±0.01)": the sign opening the bracket, as "7.43 ±(0.01)"
                i = m.end()
                continue
            current.pending = "±"
            i = m.end()
            continue
        if ch in "+" or _DASH.match(ch):
            # a sign where a number starts a group or follows a separator; else the separator between two numbers
            starts = not current.numbers or current.pending
            nxt = _NUMBER.match(text, i + 1 + (text[i + 1:i + 2] == " "))
            if starts and nxt is not None and not sign and (not nxt.group("pre")):
                sign = "-" if ch != "+" else "+"
                i += 1
                continue
            if starts or after_figure:
                return None
            current.pending = "+" if ch == "+" else "-"
            i += 1
            continue
        m = _SEPARATOR.match(text, i)
        if m and current.numbers and not after_figure:
            if current.pending and current.pending != " ":
                return None
            current.pending = m.group().lower().replace("\u2236", ":")
            i = m.end()
            continue
        m = _NUMBER.match(text, i)
        if m:
            if after_figure or i and text[i - 1].isalpha() and i != word_end or m.group("cens"):
                # ("11.2 (1.1+ to 18.0+)": a censored follow-up is a time-to-event summary, no plain median's range)
                return None
            if current.numbers:
                current.seps.append(current.pending or " ")
            elif current.pending and current is outer:
                return None
            current.numbers.append(_number(m, "-" if sign == "-" else "+" if sign == "+" else ""))
            current.pending, sign = "", ""
            i = m.end()
            continue
        if ch == "%" and current.numbers and not current.pending:
            # "(12.3)%", "12.3 %": the sign after the figure's bracket or after a space
            current.numbers[-1] = Number(**{**current.numbers[-1].__dict__, "percent": True})
            i += 1
            continue
        m = _OTHER_WORD.match(text, i)
        if m and current is not outer and current.numbers and not current.pending and unit == [m.group()]:
            i = m.end()         # ("12 years (3.3 years)": the unit printed before the bracket, again in it)
            continue
        if m and current is outer and (outer.numbers or groups) and not sign:
            after_figure = True
            unit.append(m.group())
            i = m.end()
            continue
        return None
    if current is not outer or sign or outer.pending and outer.pending != " ":
        return None
    if any(g.pending for g in groups) or not _unit_words(unit):
        return None
    return CellTokens(Group("", tuple(outer.numbers), tuple(outer.seps), word=outer.word, word_at=outer.word_at),
                      tuple(Group(g.opener, tuple(g.numbers), tuple(g.seps), g.lead, g.word, g.word_at) for g in groups),
                      tuple(unit))


# ------------------------------------------------------------------------------------------ readings
@dataclass(frozen=True)
class Reading:
    """The roles of a cell's numbers: `measure` "MEAN", "MEDIAN" or "PROPORTION" and the figures it has."""
    measure: str
    value: float | None = None
    sd: float | None = None
    se: float | None = None
    q1: float | None = None
    q3: float | None = None
    range_low: float | None = None
    range_high: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    events: int | None = None
    total: int | None = None
    pct_text: str | None = None
    review: str = ""
    signature: str = ""


# separators that join a pair of numbers into an interval ("3-7", "3 to 7", "3, 7", "3; 7"); quartiles are printed
# with a slash or a ratio sign too ("23.0 (21.0/26.0)", "4 [2:7]"), which elsewhere print counts and ratios
_INTERVAL_SEPARATORS = ("-", "to", ",", ";")
_PAIR_SEPARATORS = _INTERVAL_SEPARATORS + (":", "/")
# the people a count counts, printed after it ("12 patients (40%)"): the only words after a count's figure
_PEOPLE_UNIT = re.compile(COUNTED_PEOPLE, re.I)
_MEAN_HINTS = ("mean", "mean_sd", "mean_se", "mean_ci", "mean_range", "mean_iqr")
_COUNT_HINTS = ("n_pct", "count")
_COUNTED = ("n_pct", "pct", "count")      # the formats of counts and shares (a "pct_n" too)
_READ_FORMATS = ("mean", "median", "n_pct", "pct", "count")


def share_agrees(events: int, total: int | None, pct_text: str, *, truncated: bool = False) -> bool:
    """Whether a printed share ("34.1") is events/total as rounded: within half a unit of its last digit (and 0.06
    for a share computed from rounded figures). `truncated` also admits a point's gap, for authors who truncate
    rather than round: the permissive reader's tolerance, where the share is what tells a count from a mean; the
    table reader, choosing among several sizes or counts a share might be of, keeps the rounding's."""
    pct = parse_number(pct_text)
    if not total or pct is None:
        return False
    rounding = 0.5 * 10 ** -len(pct_text.partition(".")[2]) + 0.06
    return abs(100 * events / total - pct) <= (max(rounding, 1.0) if truncated else rounding)


def _ordered(*xs: float) -> bool:
    return all(a <= b for a, b in zip(xs, xs[1:]))


def read_cell(cell: str, hint: str, n: int | None) -> Reading | None:
    """The roles of the numbers of one arm's cell under the declared format `hint` (see the module's text), with
    the arm's size `n` when known; None when the cell's shape has no reading under that format, or more than one
    without it."""
    if hint and not hint.startswith(_READ_FORMATS):
        return None      # a rate, the two categories of a pair label: the table reader's own readings
    tokens = tokenize(cell)
    if tokens is None or not tokens.outer.numbers:
        return None
    if any(x.bound for g in (tokens.outer, *tokens.brackets) for x in g.numbers):
        return None      # "<1", ">90": a bound is no figure to store
    found = _roles(tokens, hint, n)
    if found is None:
        return None
    return Reading(**{**found.__dict__, "signature": tokens.signature})


def _roles(t: CellTokens, hint: str, n: int | None) -> Reading | None:
    outer, brackets = t.outer, t.brackets
    centre = outer.numbers[0]
    # a figure followed by "±" and its spread, the spread perhaps in a bracket of its own ("40.1 ±(2.2)")
    spread = None
    if len(outer.numbers) == 2 and outer.seps[0] in ("±", "+"):
        spread, rest = outer.numbers[1], brackets
    elif len(outer.numbers) == 1 and brackets and brackets[0].lead == "±" and len(brackets[0].numbers) == 1:
        spread, rest = brackets[0].numbers[0], brackets[1:]
    elif len(outer.numbers) == 2 and outer.word in ("SD", "SE") and outer.word_at == 1 and outer.seps[0] in (" ", ","):
        # "12.1 SD 3.2", "12.1, SE 0.9": the spread named between the figures
        spread, rest = outer.numbers[1], brackets
        hint = {"SD": "mean_sd", "SE": "mean_se"}[outer.word]
    if spread is not None:
        plus_only = outer.seps[0] == "+" if len(outer.numbers) == 2 else False
        return _mean_and_spread(centre, spread, rest, hint, n, plus_only)
    if len(outer.numbers) == 2 and outer.seps[0] == "/":
        return _count_of(outer.numbers[0], outer.numbers[1], brackets, hint)
    if len(outer.numbers) == 2 and outer.seps[0] in ("-", "to") and len(brackets) == 1 and len(brackets[0].numbers) == 1 \
            and not brackets[0].word and not brackets[0].lead:
        return _range_then_centre(outer.numbers, brackets[0].numbers[0], hint)
    if len(outer.numbers) != 1 or not brackets or any(b.lead for b in brackets):
        return None
    first = brackets[0]
    if len(brackets) == 1 and len(first.numbers) == 1:
        if hint.startswith(_COUNTED) and t.unit and not _PEOPLE_UNIT.fullmatch(" ".join(t.unit)):
            return None     # ("12 years (3.3 years)": a quantity with its unit counts no patients)
        return _one_in_bracket(centre, first, hint, n)
    if len(brackets) == 1 and len(first.numbers) == 2:
        return _pair_in_bracket(centre, first, hint, n)
    if len(brackets) == 1 and len(first.numbers) in (3, 4):
        # "21 (14-30; 6-43)", "62.5 (10.2; 40-79)", "23.2 (2.3, 20-27)", "21 [6; range 6-43]": the spread, then the
        # range after a semicolon or comma
        split = len(first.numbers) - 2
        if first.seps[split - 1] not in (";", ",") or first.word and first.word_at not in (0, split):
            return None
        head = Group(first.opener, first.numbers[:split], first.seps[:split - 1], word=first.word if first.word_at == 0 else "")
        tail = Group(first.opener, first.numbers[split:], first.seps[split:], word=first.word if first.word_at == split else "")
        if head.word == "RANGE" or tail.word not in ("", "RANGE"):
            return None
        return _two_brackets(centre, head, tail, hint, n, joined=first.seps[split - 1])
    if len(brackets) == 2 and all(len(b.numbers) == 1 for b in brackets):
        return _two_spreads(centre, brackets, hint)
    if len(brackets) == 2:
        return _two_brackets(centre, brackets[0], brackets[1], hint, n)
    return None


def _two_spreads(centre: Number, brackets: tuple[Group, ...], hint: str) -> Reading | None:
    """ "12.1 (SD 3.2) [SE 0.9]", "12.1 (3.2) {SEM 0.9}": a mean with two spreads, each named or one named and the
    other the one the row's "mean (SD)" or "mean (SE)" declares; never under a format of counts or medians."""
    if hint.startswith(_COUNTED) or hint.startswith("median"):
        return None
    named = {b.word: b.numbers[0].value for b in brackets if b.word}
    unnamed = [b.numbers[0].value for b in brackets if not b.word]
    if set(named) - {"SD", "SE"} or len(named) + len(unnamed) != 2 or not named or len(set(named)) != len(named):
        return None
    if unnamed:
        declared = {"mean_sd": "SD", "mean_se": "SE"}.get(hint)
        if declared is None or declared in named:
            return None
        named[declared] = unnamed[0]
    if any(v < 0 for v in named.values()) or named["SD"] < named["SE"]:
        return None     # (an SD is the SE times the root of n: never below it)
    return Reading("MEAN", centre.value, sd=named.get("SD"), se=named.get("SE"))


def _mean_and_spread(centre: Number, spread: Number, rest: tuple[Group, ...], hint: str, n: int | None,
                     plus_only: bool) -> Reading | None:
    """ "45.2 ± 10.1", "40.1 ±(2.2)", "66 ± 18 (20-93)", "11.1 ± 1.0 [range 9.1-13.5]": a mean and its spread, a
    range after it. Under a median's format no reading (the label or the spread is misprinted); a "+" stands for the
    "±" only under a mean's format. The "±" says a mean under any other format but "median ± SD" (misprinted)."""
    if spread.value < 0 or centre.percent != spread.percent and spread.percent:
        return None
    if hint == "median_sd":
        # "Median ± SD | 4.5 ±(1.2)": the median with the spread declared beside it; nothing may follow it
        return None if rest else Reading("MEDIAN", centre.value, sd=spread.value)
    if plus_only and hint not in _MEAN_HINTS:
        return None
    span = {}
    if len(rest) == 1 and len(rest[0].numbers) == 1 and rest[0].word in ("SD", "SE") and not _names_the_declared_spread(hint, rest[0]):
        # "12.1 ± 3.2 (SE 0.9)": the other spread named in its bracket
        other = rest[0].numbers[0].value
        if other < 0:
            return None
        sd, se = (spread.value, other) if rest[0].word == "SE" else (other, spread.value)
        return Reading("MEAN", centre.value, sd=sd, se=se) if sd >= se else None
    if rest:
        bracket = rest[0]
        if len(rest) != 1 or len(bracket.numbers) != 2 or bracket.word not in ("", "RANGE", "CI") \
                or bracket.seps[0] not in _INTERVAL_SEPARATORS:
            return None
        low, high = (x.value for x in bracket.numbers)
        if not _ordered(low, centre.value, high):
            return None
        # the values of a range lie at least one SD apart (the farthest from the mean is one SD away at least): a
        # narrower pair is the mean's confidence interval ("45.5 ± 10.2 (41.7-49.3)")
        interval = bracket.word == "CI" or not bracket.word and high - low < spread.value
        span = {"ci_low": low, "ci_high": high} if interval else {"range_low": low, "range_high": high}
    se_named = hint == "mean_se"
    return Reading("MEAN", centre.value, sd=None if se_named else spread.value, se=spread.value if se_named else None,
                   **span)


def _names_the_declared_spread(hint: str, bracket: Group) -> bool:
    """Whether the bracket names the spread the row's format already gave the "±" ("mean ± SE | 4 ± 1 (SE 1)")."""
    return {"mean_sd": "SD", "mean_se": "SE"}.get(hint, "SD") == bracket.word


def _range_then_centre(bounds: tuple[Number, ...], centre: Number, hint: str) -> Reading | None:
    """ "19-65 (38)", "3 to 29 (7)": the range printed first, its centre in the bracket, inside it: a median (the
    centre of a range), a mean only under a mean's format; never under a format of counts, never a share ("(38%)")."""
    low, high = bounds
    if hint.startswith(_COUNTED) or centre.percent or low.percent or not _ordered(low.value, centre.value, high.value) \
            or low.value == high.value:
        return None
    measure = "MEAN" if hint.startswith("mean") else "MEDIAN"
    return Reading(measure, centre.value, range_low=low.value, range_high=high.value)


def _count_of(events: Number, total: Number, brackets: tuple[Group, ...], hint: str) -> Reading | None:
    """ "12/40", "12/40 [30 %]": a count of a total, with the share it makes (which must agree)."""
    if not (events.whole and total.whole) or events.value > total.value or not total.value or hint.startswith(("mean", "median")):
        return None
    pct = None
    if brackets:
        if len(brackets) != 1 or len(brackets[0].numbers) != 1 or brackets[0].word:
            return None
        pct = brackets[0].numbers[0]
        if not share_agrees(int(events.value), int(total.value), pct.text, truncated=True):
            return None
    return Reading("PROPORTION", events.value / total.value, events=int(events.value), total=int(total.value),
                   pct_text=pct.text if pct else None)


def _one_in_bracket(centre: Number, bracket: Group, hint: str, n: int | None) -> Reading | None:
    """ "31 (34.1 %)", "65.5% {19}", "12.1 (SD 3.2)", "4.1 [0.3]" under a mean's format."""
    inner = bracket.numbers[0]
    word = bracket.word
    if word in ("SD", "SE"):
        if inner.value < 0:
            return None
        if hint == "median_sd":
            # "4.5 (SD 1.2)" under "Median ± SD": the median with the spread its bracket names
            return Reading("MEDIAN", centre.value, sd=inner.value if word == "SD" else None,
                           se=inner.value if word == "SE" else None)
        return Reading("MEAN", centre.value, sd=inner.value if word == "SD" else None,
                       se=inner.value if word == "SE" else None)
    if word:
        return None
    if hint in ("mean", "mean_sd", "mean_se"):
        if inner.value < 0 or inner.percent and not centre.percent:
            return None
        return Reading("MEAN", centre.value, sd=None if hint == "mean_se" else inner.value,
                       se=inner.value if hint == "mean_se" else None)
    # (without a format, "12 (30%)" in its ordinary spellings is the grammar's; a spelling it does not read stays
    # unread: the cell may be a category's total or a marked exception the table's layout explains)
    if hint == "median_iqr" and not inner.percent and not centre.percent and inner.value >= 0 \
            and not (centre.whole and n and centre.value <= n and share_agrees(int(centre.value), n, inner.text)):
        # "25.0 (37.2)" under "Median time (IQR)": the interquartile range printed as its width, no quartile to store
        # (never "5 (22)" of 23: a count with its share, whatever the heading above it declares)
        return Reading("MEDIAN", centre.value, review="IQR printed as its width only")
    if hint in _COUNT_HINTS:
        return _count_and_share(centre, inner, n)
    if hint == "pct_n":
        return _count_and_share(inner, centre, n)
    return None


def _count_and_share(count: Number, share: Number, n: int | None) -> Reading | None:
    """A whole count and its share of the arm (at most 100, agreeing with count/n when the arm's size is known)."""
    if not count.whole or count.percent or not 0 <= share.value <= 100:
        return None
    events = int(count.value)
    if n and (events > n or not share_agrees(events, n, share.text, truncated=True)):
        return None
    return Reading("PROPORTION", events / n if n else share.value / 100, events=events, total=n, pct_text=share.text)


# the format a bracket's word or the declared hint gives to two numbers after a centre
_PAIR_ROLE = {"IQR": "iqr", "RANGE": "range", "CI": "ci"}
_HINT_PAIR = {"median_iqr": ("MEDIAN", "iqr"), "median": ("MEDIAN", "iqr"), "median_range": ("MEDIAN", "range"),
              "median_ci": ("MEDIAN", "ci"), "mean_ci": ("MEAN", "ci"), "mean_range": ("MEAN", "range")}


def _pair_roles(bracket: Group, hint: str) -> tuple[str, str] | None:
    """(measure, role) of a centre's bracketed pair: the bracket's word first, then the declared format."""
    role = _PAIR_ROLE.get(bracket.word)
    if bracket.word and role is None:
        return None
    if role is None:
        return _HINT_PAIR.get(hint)
    if hint.startswith("mean"):
        return "MEAN", role if role != "iqr" else ""
    if hint.startswith("median") or role in ("iqr", "range"):
        return "MEDIAN", role
    return "MEAN", role      # "5.0 (95% CI 3.0-7.0)" under no format: a mean's interval


def _pair_in_bracket(centre: Number, bracket: Group, hint: str, n: int | None) -> Reading | None:
    """ "38 (29-47)", "2 (1; 4)", "46.5 [38.6, 52.8]", "23.0 (21.0/26.0)", "11.2 (1.1+ to 18.0+)": a centre with
    its quartiles, range or interval, as the bracket's word or the declared format says, in order."""
    if bracket.seps[0] not in _PAIR_SEPARATORS:
        return None
    events, total = bracket.numbers
    if bracket.seps[0] == "/" and centre.percent and events.whole and total.whole and 0 < events.value <= total.value:
        # "22 % (12/55)": a share with the count of the total it is of, whatever the row declares, when they agree
        if not share_agrees(int(events.value), int(total.value), centre.text, truncated=True) or hint.startswith("median"):
            return None
        return Reading("PROPORTION", events.value / total.value, events=int(events.value), total=int(total.value),
                       pct_text=centre.text)
    roles = _pair_roles(bracket, hint)
    if roles is None or not roles[1]:
        return None
    measure, role = roles
    if role != "iqr" and bracket.seps[0] not in _INTERVAL_SEPARATORS and not (role == "ci" and bracket.seps[0] == ":"):
        return None     # ("5.2 (3.1:7.3)" under a declared interval: its bounds, in order around it below)
    low, high = (x.value for x in bracket.numbers)
    if role == "ci" and low > high:
        low, high = high, low        # "-24 (-15 to -85)": an interval printed high to low
    if not _ordered(low, centre.value, high):
        return None
    return Reading(measure, centre.value, **{"iqr": {"q1": low, "q3": high}, "range": {"range_low": low, "range_high": high},
                                            "ci": {"ci_low": low, "ci_high": high}}[role])


def _two_brackets(centre: Number, spread: Group, span: Group, hint: str, n: int | None, joined: str = "") -> Reading | None:
    """ "2.4 (0.8) [1-5]", "30 (20-45) [10-90]", "21 (14-30; 6-43)", "62.5 (10.2; 40-79)": a centre with its spread
    (one SD, two quartiles, or the interquartile range printed as one width) and its range, all in order. `joined` is
    the separator when both are printed in one bracket (";" or ","). Never under a count's format."""
    if hint.startswith(_COUNTED) or span.word not in ("", "RANGE") or len(span.numbers) != 2 \
            or span.seps[0] not in _INTERVAL_SEPARATORS:
        return None
    low, high = (x.value for x in span.numbers)
    if len(spread.numbers) == 2 and spread.seps[0] in _PAIR_SEPARATORS:
        # quartiles and range: a median's whatever the row says but a mean's interval ("mean (95% CI) [range]")
        q1, q3 = (x.value for x in spread.numbers)
        if spread.word not in ("", "IQR") or not joined and hint.startswith("mean") or not _ordered(low, q1, centre.value, q3, high):
            return None
        return Reading("MEDIAN", centre.value, q1=q1, q3=q3, range_low=low, range_high=high)
    if len(spread.numbers) != 1 or spread.word not in ("", "SD", "IQR"):
        return None
    width = spread.numbers[0]
    if width.value < 0 or not _ordered(low, centre.value, high):
        return None
    # one number before the range: an SD under a mean's format, when named so, or before a comma ("23.2 (2.3, 20-27)");
    # else (a semicolon, "21 (6; 6-43)", or a median's format) the interquartile range printed as its width
    mean = spread.word == "SD" or spread.word != "IQR" and (
        hint.startswith("mean") or not hint.startswith("median") and (not joined or joined == ","))
    if not mean:
        return Reading("MEDIAN", centre.value, range_low=low, range_high=high, review="IQR printed as its width only")
    return Reading("MEAN", centre.value, sd=None if hint == "mean_se" else width.value,
                   se=width.value if hint == "mean_se" else None, range_low=low, range_high=high)
