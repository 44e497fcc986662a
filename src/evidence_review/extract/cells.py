"""Table cells whose printed shape says more than one figure: the cell grammar's table-level decisions.

The grammar (grammar.py) reads one expression per cell. Some tables print more in a cell, or print numbers in a
way only the whole table decides:
- the decimal mark of a table: "52,9", "(41,9)", "11,6", "52,2±9" in a table whose numbers never use a point are
  decimals, not lists or thousands (`decimal_comma_table`, `with_decimal_commas`); a thin space inside "1 234" is
  a thousands separator (`with_decimal_commas` drops it);
- two analyses in one cell: "196 ± 14 (201 ± 15)", "12.3 (4.1) [13.0 (3.9)]", "45/60 (52/70)", "31 (34.1) [35
  (38.0)]": the same shape outside and inside a bracket, one analysis population each, which a footnote or the
  header names ("values in parentheses are for all randomised patients (n = 10)"). `two_analyses` splits one
  cell; `analysis_variants` gives the table once per analysis (the other analysis blanked, lengths kept, so every
  cell's offsets still hold) with the analysis named;
- a value with its p or mark glued after it: "150.1(16.1)p = 0.034", "60% (28.9 ± 7) *P = 0.04", "0.62 ± 0.6*",
  "47 ± 9.6 ns" (`split_marks`: the figure, its p-value as printed, the marks);
- a misprinted cell: a letter for a digit "20 (8O%)", "5.5 [l.8-9.3]", a per cent sign after the bracket "6 (33)%",
  a bracket never closed "56.6 (26.3" (`mended_misprint`, read by the arm-cell reader only where nothing else reads
  the cell as printed).

Every transformation keeps the text's length, so a cell's offsets into the document still point at the cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..tables import DESCRIPTIVE_MEASURES
from .declared_formats import TWO_BOUND_FORMATS, declared_formats
from .grammar import CURRENCY, parse_number

# ------------------------------------------------------------------------------------------ decimal marks
# a comma between digits: "52,9", "0,001", "1,039"
_COMMA_NUMBER = re.compile(r"(?<![\d,])(?P<whole>\d+),(?P<frac>\d+)(?![\d,])")
# a point between digits: "52.9" (a point decimal in the same table says the commas are something else)
_POINT_DECIMAL = re.compile(r"\d\.\d")
# the shapes that show a decimal comma unambiguously: the number alone in the cell, alone in a bracket, before or
# after a "±", before a "%"; one or two digits after the comma (three could be thousands: "1,039")
_SHOWS_DECIMAL_COMMA = re.compile(
    r"^\s*[-+]?\d+,\d{1,2}\s*%?\s*$"                       # "11,6", "36,2%"
    r"|[(\[]\s*[-+]?\d+,\d{1,2}\s*%?\s*[)\]]"              # "(52,9)", "[41,9 %]"
    r"|\d+,\d{1,2}\s*(?:\u00b1|\+/-)"                      # "52,2±9"
    r"|(?:\u00b1|\+/-)\s*\d+,\d{1,2}(?![\d,])"             # "52 ± 9,1"
    r"|\d+,\d{1,2}\s*%")                                   # "36,2 %"
# a cell that is one figure written with a decimal comma: "11,6", "36,2 %", "52,2±9", "52,2 ± 9,1"
_ONE_COMMA_FIGURE = re.compile(r"\s*[-+]?\d+,\d{1,2}\s*%?(?:\s*(?:\u00b1|\+/-)\s*\d+(?:,\d{1,2})?\s*%?)?\s*"
                               r"|\s*[-+]?\d+\s*(?:\u00b1|\+/-)\s*\d+,\d{1,2}\s*%?\s*")
# "1 234", "12 500": digits grouped by a thin or no-break space
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(?P<head>\d{1,3})(?P<sep>[\u2009\u202f\u00a0])(?P<tail>\d{3})(?![\d])")


def _body_texts(table: dict) -> list[str]:
    return [str(c.get("text") or "") for c in table.get("cells") or [] if not c.get("header") and int(c.get("col", 0)) > 0]


def _holds_value(text: str) -> bool:
    pair = _TIGHT_BRACKET_PAIR.match(text)
    return pair is not None and _ordered(pair)


def decimal_comma_table(texts: list[str]) -> bool:
    """True when a table's figures write their decimals with a comma: at least two cells show it in a shape no
    list or thousands separator takes ("(52,9)", "11,6", "52,2±9", "36,2%"), and no figure uses a decimal point."""
    # (a bracket holding the cell's value between its two figures lists bounds, "120 (0,60)" no, "120 (0,160)" yes:
    # it shows no decimal comma, `bracket_lists_table` decides it)
    shown = sum(1 for t in texts if _SHOWS_DECIMAL_COMMA.search(t) and not _holds_value(t))
    return shown >= 2 and not any(_POINT_DECIMAL.search(t) for t in texts)


def _as_points(text: str) -> str:
    return _COMMA_NUMBER.sub(lambda m: m.group("whole") + "." + m.group("frac"), text)


def _without_spaced_thousands(text: str) -> str:
    # "1 234" -> "01234": the separator becomes a leading zero, so the length and the value both hold
    return _SPACED_THOUSANDS.sub(lambda m: "0" + m.group("head") + m.group("tail"), text)


def with_decimal_commas(table: dict) -> dict:
    """The grid with its figures written with a point where the table writes decimals with a comma
    (`decimal_comma_table`), and thin-space thousands separators dropped; header cells keep their text. The texts
    keep their length, so the cells' offsets still hold. A table without either is returned as it is."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return table
    commas = decimal_comma_table(_body_texts(table))
    spaced = any(_SPACED_THOUSANDS.search(str(c.get("text") or "")) for c in cells if not c.get("header"))
    single = any(_ONE_COMMA_FIGURE.fullmatch(t) for t in _body_texts(table))
    if not commas and not spaced and not single:
        return table
    out = []
    for c in cells:
        t = str(c.get("text") or "")
        if not c.get("header") and int(c.get("col", 0)) > 0:
            # in a table that writes points elsewhere, a cell that is one comma figure and nothing else ("11,6",
            # "52,2±9,1") is still a decimal: no list or thousands separator has that shape
            new = _as_points(t) if commas or _ONE_COMMA_FIGURE.fullmatch(t) else t
            new = _without_spaced_thousands(new) if spaced else new
            if new != t:
                c = dict(c, text=new)
        out.append(c)
    return dict(table, cells=out)


# "191+ 100", "6.2+1.2", "9.6 +0.74": a mean and its SD joined by a plus sign where the "±" was lost (an underlined
# "+" in the source); the whole cell is the pair, with an optional unit
_PLUS_SPREAD = re.compile(r"\s*(?P<mean>\d+(?:\.\d+)?)\s*(?P<plus>\+)\s*(?P<sd>\d+(?:\.\d+)?)\s*(?:[A-Za-z%\u00b5/]{1,8})?\s*")
_PM_PRINTED = re.compile(r"\u00b1|\+/-|\+\s*/\s*-")


def plus_for_pm_table(texts: list[str]) -> bool:
    """True when a table prints its means and SDs joined by "+": at least two cells are one "a + b" pair (one with a
    decimal point, so no sum of counts "2+1"), and no cell prints a "±" or "+/-"."""
    pairs = [t for t in texts if _PLUS_SPREAD.fullmatch(t)]
    return len(pairs) >= 2 and any("." in t for t in pairs) and not any(_PM_PRINTED.search(t) for t in texts)


def with_plus_spreads(table: dict) -> dict:
    """The grid with "±" for the "+" of its mean-and-SD cells where the table prints them so (`plus_for_pm_table`);
    one character for one, so offsets hold. Any other table is returned as it is."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not plus_for_pm_table(_body_texts(table)):
        return table
    out = []
    for c in cells:
        t = str(c.get("text") or "")
        m = _PLUS_SPREAD.fullmatch(t) if not c.get("header") and int(c.get("col", 0)) > 0 else None
        if m is not None:
            c = dict(c, text=t[:m.start("plus")] + "\u00b1" + t[m.end("plus"):])
        out.append(c)
    return dict(table, cells=out)


# "56.64+11.34": a mean and its SD joined by "+", both with decimals, the whole cell (no sum of counts prints so)
_PLUS_DECIMALS = re.compile(r"\s*\d+\.\d+\s*(?P<plus>\+)\s*\d+\.\d+\s*")
_MEAN_PM = re.compile(r"\d\s*(?:\u00b1|\+/-)\s*\d")


def prints_plus_minus_spread(text: str) -> bool:
    """Whether a cell prints a figure with its spread after "±" ("31.1 ± 14.6", "2.3+/-0.4")."""
    return bool(_MEAN_PM.search(text or ""))


def with_plus_spreads_in_rows(table: dict) -> dict:
    """The grid with "±" for the "+" of a cell that is one "a.b+c.d" pair in a row whose other cells print their
    means with "±" ("56.64+11.34 | 53.84±10.65": the sign lost in one cell); one character for one."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not any("+" in str(c.get("text") or "") for c in cells):
        return table
    rows_with_pm = {int(c["row"]) for c in cells if not c.get("header") and _MEAN_PM.search(str(c.get("text") or ""))}
    out, changed = [], False
    for c in cells:
        t = str(c.get("text") or "")
        m = _PLUS_DECIMALS.fullmatch(t) if int(c["row"]) in rows_with_pm and int(c.get("col", 0)) > 0 \
            and not c.get("header") else None
        if m is not None:
            c, changed = dict(c, text=t[:m.start("plus")] + "\u00b1" + t[m.end("plus"):]), True
        out.append(c)
    return dict(table, cells=out) if changed else table


# "32. 5", "0. 165": a decimal point followed by a space, in a table that prints every decimal so
_SPACED_DECIMAL = re.compile(r"(?<![\d.])(?P<whole>\d+)\.(?P<space> +)(?P<frac>\d+)(?![\d.])")
_TIGHT_DECIMAL = re.compile(r"\d\.\d")


def spaced_decimal_table(texts: list[str]) -> bool:
    """True when a table prints its decimals with a space after the point ("32. 5 ± 8. 7", "0. 165"): two cells at
    least do, and no cell prints a decimal without the space (so no sentence's full stop is read as a point)."""
    return sum(1 for t in texts if _SPACED_DECIMAL.search(t)) >= 2 and not any(_TIGHT_DECIMAL.search(t) for t in texts)


def with_spaced_decimals(table: dict) -> dict:
    """The grid with "32. 5" written "32.5 " where the table prints its decimals so (`spaced_decimal_table`); the
    space moves after the number, so the cell keeps its length and offsets."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not spaced_decimal_table(_body_texts(table)):
        return table
    out = []
    for c in cells:
        t = str(c.get("text") or "")
        if not c.get("header") and int(c.get("col", 0)) > 0 and _SPACED_DECIMAL.search(t):
            c = dict(c, text=_SPACED_DECIMAL.sub(lambda m: f"{m.group('whole')}.{m.group('frac')}{m.group('space')}", t))
        out.append(c)
    return dict(table, cells=out)


# "195 (168,215)", "0.82 (0.76,0.9)": a value and a bracket of two bounds split by a comma with no space, the whole
# cell (marks after it allowed); the comma of "(168,215)" could also be a thousands separator (168215)
_TIGHT_BRACKET_PAIR = re.compile(r"\s*(?P<v>[-+]?\d+(?:\.\d+)?)\s*%?\s*[(\[]\s*(?P<lo>[-+]?\d+(?:\.\d+)?)(?P<comma>,)"
                                 r"(?P<hi>[-+]?\d+(?:\.\d+)?)\s*%?\s*[)\]]")
# a comma no thousands separator prints: a decimal before it ("0.76,0.9"), more than three digits before it, or
# other than three digits after it ("(15,20)", "(331,568.5)" has three, then a decimal: thousands print none there),
# or a lone zero before it ("(0,160)": no thousands group starts with a zero, grammar.decimal_comma)
_NOT_THOUSANDS = re.compile(r"\.\d+,|\d{4},|,\d{1,2}(?!\d)|,\d{4}|,\d{3}\.\d|(?<![\d.])0,\d")


def _ordered(m: re.Match) -> bool:
    """The value lies between the bracket's bounds when the comma splits them (a median in its quartiles, an
    estimate in its interval): "195 (168,215)" does, "12 (1,250)" does not."""
    lo, v, hi = float(m.group("lo")), float(m.group("v")), float(m.group("hi"))
    return lo <= v <= hi and lo < hi


def _all_equal(m: re.Match) -> bool:
    """ "0 (0,0)": a value whose two bounds are itself (no patient off the median), in a table listing bounds."""
    return float(m.group("lo")) == float(m.group("v")) == float(m.group("hi"))


def _close_bounds(m: re.Match) -> bool:
    """The value between bounds of one magnitude ("195 (168,215)"), not a small first group before three digits
    ("45 (1,250)": 45 beside 1250 as readily as 45 in 1-250)."""
    return _ordered(m) and float(m.group("lo")) * 10 >= float(m.group("hi"))


def bracket_lists_table(texts: list[str]) -> bool:
    """True when a table's "v (a,b)" brackets list two bounds, never a number with a thousands separator: decided for
    the table, not per cell. Either a cell's comma is one no thousands separator prints ("0.76,0.9", "(15,20)") and
    its value lies between the bounds, or two cells at least print the shape and in every one the value lies between
    two bounds of one magnitude."""
    pairs = [m for m in (_TIGHT_BRACKET_PAIR.match(t) for t in texts) if m is not None]
    if any(_NOT_THOUSANDS.search(m.group(0)) and _ordered(m) for m in pairs):
        return True
    return len(pairs) >= 2 and all(_close_bounds(m) for m in pairs)


def with_bracket_lists(table: dict, notes: str = "") -> dict:
    """The grid with ";" for the comma of its "v (a,b)" cells where the table lists bounds so
    (`bracket_lists_table`) and the value lies between them (bounds of one magnitude where the comma could be a
    thousands separator): "195 (168,215)" reads as a median with its quartiles, not as 195 beside 168215. One character for one, so offsets hold; any other table is returned as it is.
    `notes`: the table's caption and footnotes; where they declare a statistic with two bounds ("Median, 25% and 75%
    quartile", "median (range)", "mean (95% CI)", `declared_formats.TWO_BOUND_FORMATS`), a value between bounds of
    any magnitude is between its bounds too ("320 (35,960)": titres' quartiles, far apart)."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not bracket_lists_table(_body_texts(table)):
        return table
    bounds_declared = any(f in TWO_BOUND_FORMATS for f in declared_formats(notes)) if notes else False
    out = []
    for c in cells:
        t = str(c.get("text") or "")
        m = _TIGHT_BRACKET_PAIR.match(t) if not c.get("header") and int(c.get("col", 0)) > 0 else None
        if m is not None and (_close_bounds(m) or bounds_declared and _ordered(m)
                              or _NOT_THOUSANDS.search(m.group(0)) and (_ordered(m) or _all_equal(m))):
            c = dict(c, text=t[:m.start("comma")] + ";" + t[m.end("comma"):])
        out.append(c)
    return dict(table, cells=out)


# "14/20 (13.5 to 15)", "22.5/32 (20-25)", "15/20": a score printed over the scale's maximum, with or without its spread
_OVER_MAXIMUM = re.compile(r"\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<max>/\s*(?P<m>\d+))(?![\d.])\s*(?:[(\[]\s*(?P<lo>[-+\u2212]?\d+(?:\.\d+)?)"
                           r"\s*(?:[-\u2010-\u2015;,]|to)\s*(?P<hi>[-+\u2212]?\d+(?:\.\d+)?)\s*[)\]])?\s*")
# a header or label declaring a summary of scores: "Median (Interquartile Range)", "Mean (SD)", "Score"
_SUMMARY_DECLARED = re.compile(r"\b(?:medians?|means?|scores?)\b", re.I)
_HEADER_SIZE = re.compile(r"\b[nN]\s*=\s*(?P<n>\d+)")


def _over_maximum(cells: list[dict], n_of: dict[int, int]) -> dict[tuple[int, int], re.Match]:
    """The cells of rows printing every arm's figure over one maximum ("14/20 (13.5 to 15) | 13/20 (11.75 to
    14.25)"), by (row, column): the maximum the same in each of the row's cells and above each figure, and either
    above each column's printed n (a count's total is never above its arm) or above each bracket's bounds, which hold
    the figure (quartiles, not a share); a row of bare "15/20 | 16/20" also where another row shows the same maximum
    so."""
    by_row: dict[int, dict[int, re.Match | None]] = {}
    for c in cells:
        if c.get("header") or int(c.get("col", 0)) == 0 or not str(c.get("text") or "").strip():
            continue
        by_row.setdefault(int(c["row"]), {})[int(c["col"])] = _OVER_MAXIMUM.fullmatch(str(c.get("text") or ""))
    rows: dict[int, int] = {}       # row -> its maximum
    shown: set[int] = set()         # maxima some row shows to be a scale's
    for r, row in by_row.items():
        found = [m for m in row.values() if m is not None]
        if len(found) < 2 or len({int(m.group("m")) for m in found}) != 1:
            continue
        top = int(found[0].group("m"))
        if any(float(m.group("v")) > top for m in found):
            continue
        rows[r] = top
        above_n = all(n_of.get(c) is not None and n_of[c] < top for c, m in row.items() if m is not None)
        bracketed = all(m.group("lo") is not None and float(m.group("lo")) <= float(m.group("v")) <= float(m.group("hi")) < top
                        for m in found)
        if above_n or bracketed:
            shown.add(top)
    return {(r, c): m for r, top in rows.items() if top in shown for c, m in by_row[r].items() if m is not None}


def with_scale_maxima(table: dict) -> dict:
    """The grid with the scale's maximum blanked in cells printing a score over it ("14/20 (13.5 to 15)" -> "14
    (13.5 to 15)" under "Median (IQR)"), where a header or the row's label declares medians, means or scores and
    `_over_maximum` finds the row's cells so; one space for each character, so offsets hold. "8/14" of an arm of 14,
    or cells over different totals, stay counts."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not any("/" in str(c.get("text") or "") for c in cells if not c.get("header")):
        return table
    headers = [str(c.get("text") or "") for c in cells if c.get("header")]
    n_of = {}
    for c in cells:
        m = _HEADER_SIZE.search(str(c.get("text") or "")) if c.get("header") else None
        if m is not None:
            n_of[int(c["col"])] = int(m.group("n"))
    found = _over_maximum(cells, n_of)
    if not found:
        return table
    labels = {int(c["row"]): str(c.get("text") or "") for c in cells if int(c.get("col", 0)) == 0}
    declared = any(_SUMMARY_DECLARED.search(h) for h in headers)
    out = []
    for c in cells:
        m = found.get((int(c["row"]), int(c.get("col", 0))))
        if m is not None and (declared or _SUMMARY_DECLARED.search(labels.get(int(c["row"]), ""))):
            t = str(c.get("text") or "")
            c = dict(c, text=t[:m.start("max")] + " " * (m.end("max") - m.start("max")) + t[m.end("max"):])
        out.append(c)
    return dict(table, cells=out)


def with_printed_marks(table: dict, notes: str = "") -> dict:
    """The grid with its figures' marks read per table: decimal commas (`with_decimal_commas`), decimals printed
    with a space after the point (`with_spaced_decimals`), "+" for "±" (`with_plus_spreads`, and in one cell of
    a row printing "±": `with_plus_spreads_in_rows`), commas listing a bracket's bounds (`with_bracket_lists`) and a
    scale's maximum after a score (`with_scale_maxima`); `notes` (caption and footnotes) say what the brackets hold."""
    return with_scale_maxima(with_bracket_lists(with_plus_spreads_in_rows(with_plus_spreads(with_spaced_decimals(
        with_decimal_commas(table)))), notes))


# "23.9 (21.0, 28.1)", "45.2 ± 6.1", "12 (40%)", "3.1 [2.0-4.4]": a figure with its spread, share or interval after it
# (one number alone in a bracket, "2.1 (0.04)", may be a statistic's p-value: not counted)
_NUM_TEXT = r"[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)"
_FIGURE_WITH_SPREAD = re.compile(r"\s*" + _NUM_TEXT + r"\s*%?\s*(?:\u00b1|\+/-|[(\[]\s*" + _NUM_TEXT
                                 + r"\s*(?:%|(?:[-\u2010-\u2015;,]|to)\s*" + _NUM_TEXT + r"))")


def figure_with_spread(cell: str) -> bool:
    """Whether a cell prints a figure with a spread, share or interval after it ("23.9 (21.0, 28.1)", "45.2 ± 6.1",
    "12 (40%)"): an arm's summary, never a test statistic ("t | 2.1 | 1.3", "F | 4.52 | 0.8" print one number, "2.1
    (0.04)" perhaps with its p-value)."""
    return bool(_FIGURE_WITH_SPREAD.match(cell or ""))


# ------------------------------------------------------------------------------------------ marks and p
@dataclass(frozen=True)
class Marked:
    """A cell's figure and what is glued after it: `body` the figure as printed (the rest blanked, same length),
    `p_value` (exact "=" p) or `p_text` ("<0.05", "ns"), `marks` the footnote marks ("*", "†", "a")."""
    body: str
    p_value: float | None
    p_text: str | None
    marks: str


_NUMBER_END = r"(?<=[\d)\]%])"
# "p = 0.034", "*P = 0.04", "P<0.05", "(p = 0.01)", ", p=0.2", "P = 0.13^+": a p-value after the figure, marks after it
_TRAILING_P = re.compile(r"(?<=[\w)\]%])(?P<tail>\s*[,;]?\s*(?P<marks0>[*\u2020\u2021\u00a7#\u00b6\u20ac$\u00a5&@]*)\s*[(\[]?\s*[Pp](?:[- ]?values?)?\s*"
                         r"(?P<op>[<>=\u2264\u2265]|=\s*<|<\s*=)\s*(?P<p>\d*\.\d+|\d+(?:\.\d+)?)"
                         r"(?P<marks1>\s*\^?[*\u2020\u2021\u00a7#\u00b6+]+)?\s*[)\]]?\s*)$")
# "*", "**", "†", "‡", "§", "#", "a", "a,b", "^b1" (a superscript letter and number), "ns", "NS", "n.s.": marks printed
# after the figure; a letter and a star joined by a comma, "^b,**" ("347.4 ± 77.3^b,**"; "^b," where the star was
# taken off before); capital letters after a caret or in a list of letters ("^A", "^A, a", " A, a": two tests' marks)
_TRAILING_MARKS = re.compile(_NUMBER_END + r"(?P<tail>\s*(?P<marks>(?:[*\u2020\u2021\u00a7#\u00b6&@$\u20ac\u00a5]+|\^[a-h]\d{1,2}|\^?[a-h](?:\s*,\s*[a-h])*"
                             r"|\^[A-H](?:\s*,\s*\^?[A-Ha-h])*|[A-H](?:\s*,\s*\^?[A-Ha-h])+"
                             r"|\(?\s*(?:ns|NS|n\.s\.?|N\.S\.?)\s*\)?\.?)(?:\s*,?\s*[*\u2020\u2021\u00a7#]+)?,?)\s*)$")


def split_marks(cell: str) -> Marked:
    """The figure of a cell and the p-value or marks printed after it ("150.1(16.1)p = 0.034" -> "150.1(16.1)",
    p 0.034; "0.62 ± 0.6*" -> "0.62 ± 0.6", mark "*"; "47 ± 9.6 ns" -> p_text "ns"). A cell without either comes
    back as it is. The body keeps the cell's length (what is split off becomes spaces)."""
    text = cell
    p_value = p_text = None
    marks = ""
    m = _TRAILING_P.search(text)
    if m is not None and _has_figure(text[:m.start("tail")]):
        op = re.sub(r"\s+", "", m.group("op"))
        p = m.group("p")
        if op == "=":
            p_value = parse_number(p)
        else:
            p_text = {"=<": "<", "<=": "\u2264"}.get(op, op) + p
        # (a mark after the p-value, "P = 0.13^+", "P = 0.007*": the test its footnote names)
        marks = (m.group("marks0") or "") + (m.group("marks1") or "").strip().lstrip("^")
        text = text[:m.start("tail")] + " " * (m.end("tail") - m.start("tail"))
    m = _TRAILING_MARKS.search(text.rstrip())
    if m is not None and _has_figure(text[:m.start("tail")]):
        found = m.group("marks").strip()
        if re.fullmatch(r"\(?\s*(?:ns|NS|n\.s\.?|N\.S\.?)\s*\)?\.?", found):
            p_text = p_text or "ns"
        else:
            marks = marks + found
        text = text[:m.start("tail")] + " " * (len(text) - m.start("tail"))
    return Marked(text, p_value, p_text, marks)


def _has_figure(text: str) -> bool:
    return bool(re.search(r"\d", text))


# ------------------------------------------------------------------------------------------ two analyses
_N = r"[-+]?(?:\d+(?:[.,]\d+)?|\.\d+)"
_PM = r"(?:\u00b1|\+/-)"
# the shapes an analysis prints in one cell, each a whole expression
_SHAPES = (
    ("mean_pm", re.compile(r"\s*" + _N + r"\s*" + _PM + r"\s*" + _N + r"\s*")),                       # "196 ± 14"
    ("count_of", re.compile(r"\s*\d+\s*/\s*\d+\s*")),                                                 # "45/60"
    ("count_of_pct", re.compile(r"\s*\d+\s*/\s*\d+\s*[(\[]\s*" + _N + r"\s*%?\s*[)\]]\s*")),           # "45/60 (75)"
    ("value_bracket", re.compile(r"\s*" + _N + r"\s*%?\s*[(\[]\s*" + _N + r"\s*%?\s*[)\]]\s*")),       # "12.3 (4.1)"
    ("value_interval", re.compile(r"\s*" + _N + r"\s*[(\[]\s*" + _N + r"\s*(?:-|\u2013|to|,|;)\s*" + _N + r"\s*[)\]]\s*")),
    ("number", re.compile(r"\s*[<>\u2264\u2265]?\s*" + _N + r"\s*%?\s*")),                            # "7.84", "0.024"
)
# strong shapes: printed twice in one cell they can only be two analyses (a "number (number)" is a mean (SD) or a
# count (%) unless the table shows it is two analyses)
_STRONG = ("mean_pm", "count_of", "count_of_pct", "value_bracket", "value_interval")
# the second analysis in a bracket after the first: "A (B)", "A [B]", "A {B}"
_CLOSE = {"(": ")", "[": "]", "{": "}"}


def _shape(text: str) -> str | None:
    for name, pattern in _SHAPES:
        if pattern.fullmatch(text):
            return name
    return None


@dataclass(frozen=True)
class TwoAnalyses:
    """One cell's two analyses: `outer` the first analysis (outside the bracket), `inner` the bracketed one, each the
    cell's text with the other blanked (same length as the cell); `shape` the shape both print."""
    outer: str
    inner: str
    shape: str


def _last_bracket(text: str) -> tuple[int, int] | None:
    """(open, close) of the bracket that ends the text, matched across nesting ("... (13.0 (3.9))")."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in ")]}":
        return None
    close = len(stripped) - 1
    want = {")": "(", "]": "[", "}": "{"}[stripped[-1]]
    depth = 0
    for i in range(close, -1, -1):
        ch = stripped[i]
        if ch == stripped[-1]:
            depth += 1
        elif ch == want:
            depth -= 1
            if depth == 0:
                return i, close
    return None


def two_analyses(cell: str, *, weak: bool = False) -> TwoAnalyses | None:
    """The cell's two analyses when it prints the same shape outside and inside a closing bracket ("196 ± 14 (201 ±
    15)", "12.3 (4.1) [13.0 (3.9)]", "45/60 (52/70)"), else None. `weak`: also two bare figures ("7.84 (6.57)",
    "0.024 (0.027)"), which only a table of two-analysis cells shows to be so. Counts whose bracket is a pair of
    shares adding up to 100 ("12/8 (60/40)") are one analysis."""
    if not cell or not any(ch in cell for ch in ")]}"):
        return None
    span = _last_bracket(cell)
    if span is None:
        return None
    open_, close = span
    head, inner = cell[:open_], cell[open_ + 1:close]
    if not head.strip():
        return None
    shape = _shape(head)
    if shape is None or _shape(inner) != shape:
        return None
    if shape not in _STRONG and not (weak and shape == "number"):
        return None
    if shape == "count_of":
        if not _counts_of_totals(head) or not _counts_of_totals(inner):
            return None
    if shape == "value_bracket" and "%" in cell and not ("%" in head and "%" in inner):
        return None
    blank_inner = head + " " * (len(cell) - len(head))
    blank_outer = " " * (open_ + 1) + inner + " " * (len(cell) - close)
    return TwoAnalyses(blank_inner, blank_outer, shape)


def _counts_of_totals(text: str) -> bool:
    a, b = (int(x) for x in re.findall(r"\d+", text)[:2])
    return 0 <= a <= b and b > 0 and abs(a + b - 100) > 1


# how a footnote or caption names what is outside and inside the brackets: "Mean values outside parenthesis refer to
# analysis including ... (n = 8). Mean values within parenthesis refer to ... all individuals (total n = 10).",
# "Values in brackets are for the per-protocol population", "ITT (per protocol)", "figures in square brackets: adjusted"
_BRACKET_WORD = r"(?:parenthes[ie]s|brackets?|square\s+brackets?|round\s+brackets?)"
_INSIDE = re.compile(r"(?i)\b(?:with)?in\s+(?:the\s+)?" + _BRACKET_WORD + r"|\binside\s+(?:the\s+)?" + _BRACKET_WORD
                     + r"|\b" + _BRACKET_WORD + r"\s+(?:show|give|indicate|denote|contain|are|is)")
_OUTSIDE = re.compile(r"(?i)\b(?:outside(?:\s+of)?|before|without|not\s+in)\s+(?:the\s+)?" + _BRACKET_WORD)
_SIZE = re.compile(r"(?i)\b(?:total\s+)?n\s*=\s*(?P<n>\d+)")
# the words that say which analysis a clause describes ("refer(s) to", "are for", "represent", "show")
_SAYS = re.compile(r"(?i)\b(?:refers?\s+to|are\s+(?:for|from|of)|is\s+(?:for|from|of)|represents?|shows?|gives?|denotes?|"
                   r"indicates?|contains?|(?:are|is)\s+(?:the\s+)?(?:values?|results?|data)\s+(?:for|of|from))\s+"
                   r"(?:(?:the|an?)\s+)?(?:statistical\s+)?(?:analys[ie]s\s+(?:performed\s+on|including|of|in)\s+)?")


@dataclass(frozen=True)
class Analysis:
    """One of the two analyses a table prints per cell: its name as the document words it (empty when unsaid), its
    number of patients when said, and which part of the cell it is ("outer" or "inner")."""
    part: str
    name: str
    n: int | None


def _clause(text: str, at: int) -> str:
    """The sentence (or clause after a semicolon) of `text` holding position `at`."""
    start = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("; ", at), text.find("\n", at)) if e >= 0]
    end = min(ends) if ends else len(text)
    return text[start:end + 1].strip()


def _analysis_named(sentence: str) -> tuple[str, int | None]:
    size = _SIZE.search(sentence)
    said = _SAYS.search(sentence)
    words = sentence[said.end():] if said else ""
    words = re.sub(r"(?i)\s*[(\[]\s*(?:total\s+)?n\s*=\s*\d+[^()\[\]]*[)\]]", "", words)     # "(n = 22 and 21)"
    words = re.split(r"[.;]|,\s+(?:that\s+is|i\.e\.)", words)[0].strip(" ,:")
    words = re.sub(r"\s+", " ", words)
    if len(words) > 90:
        words = words[:90].rsplit(" ", 1)[0]
    return words, int(size.group("n")) if size else None


def analysis_names(notes: str) -> tuple[Analysis, Analysis]:
    """The two analyses as a table's notes (its caption, header and footnotes) name them: what "outside" and what
    "within" the brackets are ("Mean values outside parenthesis refers to analysis including individuals who ...
    (n = 8). Mean values within parenthesis refer to ... all individuals (total n = 10)"). A part the notes do not
    name is called after where it stands ("outside brackets", "in brackets")."""
    outer = inner = None
    for m in _OUTSIDE.finditer(notes):
        outer = outer or _analysis_named(_clause(notes, m.start()))
    for m in _INSIDE.finditer(notes):
        if _OUTSIDE.search(notes, max(0, m.start() - 12), m.end()):
            continue
        inner = inner or _analysis_named(_clause(notes, m.start()))
    outer_name, outer_n = outer or ("", None)
    inner_name, inner_n = inner or ("", None)
    return (Analysis("outer", outer_name or "analysis outside brackets", outer_n),
            Analysis("inner", inner_name or "analysis in brackets", inner_n))


def analysis_variants(table: dict, notes: str = "") -> list[tuple[dict, Analysis]] | None:
    """The table once per analysis when its cells print two ("196 ± 14 (201 ± 15)" in most figure cells): the first
    variant holds the figures outside the brackets, the second those inside, each cell's other analysis blanked, and
    each variant comes with its `Analysis` named from `notes` (caption and footnotes). None for a table of one
    analysis per cell (the plain reading). A table is of two analyses when at least two of its body cells print a
    strong shape twice and they are at least half of its cells with a bracket; its bare "x (y)" cells on those rows (an
    F value, a p-value) then split too."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return None
    body = [c for c in cells if not c.get("header") and int(c.get("col", 0)) > 0 and str(c.get("text") or "").strip()]
    bracketed = [c for c in body if re.search(r"\d\s*%?\s*[)\]}]", str(c["text"]))]
    strong = [c for c in bracketed if two_analyses(split_marks(str(c["text"])).body.rstrip()) is not None]
    if len(strong) < 2 or 2 * len(strong) < len(bracketed):
        return None
    # bare "x (y)" pairs split only on the rows of two-analysis cells (an F value and a p-value beside them): elsewhere
    # "12 (34.1)" is a count and its share of one analysis
    rows_of_two = {c.get("row") for c in strong}
    outer_cells, inner_cells = [], []
    for c in cells:
        text = str(c.get("text") or "")
        split = None
        if not c.get("header") and int(c.get("col", 0)) > 0:
            figure = split_marks(text).body
            split = two_analyses(figure.rstrip(), weak=c.get("row") in rows_of_two)
        if split is None:
            outer_cells.append(c)
            # a figure printed once (a baseline column of one analysis, a p-value for both) is read once, with the
            # first analysis: the second variant holds only what the brackets add
            once = not c.get("header") and int(c.get("col", 0)) > 0 and re.search(r"\d", text)
            inner_cells.append(dict(c, text=" " * len(text)) if once else c)
            continue
        pad = " " * (len(text) - len(split.outer))
        outer_cells.append(dict(c, text=split.outer + pad))
        inner_cells.append(dict(c, text=split.inner + pad))
    outer, inner = analysis_names(notes)
    return [(dict(table, cells=outer_cells), outer), (dict(table, cells=inner_cells), inner)]


def table_notes(text: str, table: dict, reach: int = 1500) -> str:
    """The words that may say what a table's brackets hold: its caption and the text right after the grid (its
    footnotes), up to `reach` characters or the next table."""
    caption = str(table.get("caption") or "")
    ends = [c.get("end") for c in table.get("cells") or [] if isinstance(c.get("end"), int)]
    end = table.get("end")
    # the grid's span may hold its footnotes after the last cell: read from there
    start = max(ends) if ends else end
    if not isinstance(start, int) or not 0 <= start <= len(text):
        return caption
    stop = max(end if isinstance(end, int) else start, start) + reach
    return caption + "\n" + text[start:stop]


def with_analyses(found: list[tuple[list[dict] | None, Analysis]]) -> list[dict] | None:
    """The rows read from each analysis' variant of a table (`analysis_variants`), each row's `subgroup` naming its
    analysis (after a stratum the table already gave it) and a mean's or median's `total` the analysis' n where the
    table gives none. None when no variant gave rows (the table holds no arm)."""
    if all(rows is None for rows, _ in found):
        return None
    out = []
    for rows, analysis in found:
        for row in rows or []:
            stratum = str(row.get("subgroup") or "").strip()
            row["subgroup"] = f"{stratum}; {analysis.name}" if stratum else analysis.name
            if analysis.n and row.get("measure") in DESCRIPTIVE_MEASURES and row.get("total") in (None, ""):
                row["total"] = analysis.n
            out.append(row)
    return out


# ------------------------------------------------------------------------------------------ a cell's figure
@dataclass(frozen=True)
class Figure:
    """A cell's figure without what is printed around it: `body` the figure (the rest blanked, same length as the
    cell), `statistic` the format the cell names itself ("mean", "median", "count", "n_pct"; empty when unsaid),
    and the p-value and marks printed after it (`split_marks`)."""
    body: str
    statistic: str
    p_value: float | None
    p_text: str | None
    marks: str


# "Mean 12.1 (SD 3.2)", "median 4 (IQR 2-7)", "Md: 4.0 [2.0-7.0]", "n = 12 (30%)", "No. 12 (30%)": the cell names its
# statistic before its figure
_LEADING_STATISTIC = re.compile(r"(?i)^\s*(?P<word>mean|average|median|mdn|md|n|no\.?)\s*[:=]?\s*(?=[-+\u2212]?\d|\.\d)")
# "(n = 38) 45.2 ± 10.1", "[n=38] 12 (31.6)", "n = 38: 45.2 ± 10.1": the cell's own number of patients before its figure
# (a footnote's mark may follow that number: "n = 10*: 6.58 (1.71)")
_SIZE_MARK = r"\s*[*\u2020\u2021\u00a7#]*"
_SIZE_FIRST = re.compile(r"\s*(?:[(\[]\s*(?P<n1>n\s*=\s*\d{1,6})" + _SIZE_MARK + r"\s*[)\]]\s*[:;,]?|(?P<n2>n\s*=\s*\d{1,6})"
                         + _SIZE_MARK + r"\s*[:;,])\s*(?P<rest>[-+\u2212]?\.?\d.*?)\s*", re.I)
# "206; 35.65 (11.85)" under "n; mean (SD)": the cell's own number of patients, bare, then a semicolon and a mean with
# its spread (a semicolon never parts a mean from its spread, as a comma can: "29.13, 9.87" is "mean, SD"); a share
# after it ("12; 5 (41.7%)") is left as printed
_BARE_SIZE_FIRST = re.compile(r"\s*(?P<n>\d{1,6})\s*;\s*(?P<rest>[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)\s*(?:[(\[]|\u00b1|\+/-)"
                              r"[^%]*?)\s*")


def prints_size_first(text: str) -> bool:
    """Whether a cell prints its own number of patients before its figure ("n = 19: 4.09 (2.32)", "(n = 38) 45.2 ±
    10.1"): a figure cell, however its first characters look (`cell_figure` reads the size as the cell's total)."""
    return _SIZE_FIRST.fullmatch(text or "") is not None
# "34.2* ± 5.1", "34.2\u2020 (5.1)": a mark glued to the mean before its spread
_MARK_BEFORE_SPREAD = re.compile(r"(?<=\d)\s?[*\u2020\u2021\u00a7#]+(?=\s*(?:\u00b1|\+/-))")
# "12.1 (3.2) mm", "4 [2-7] days", "18 (45%) patients": a unit or the people counted after the bracket
_UNIT_AFTER_BRACKET = re.compile(r"(?<=[)\]])\s*(?P<unit>[A-Za-z\u00b5\u03bc][A-Za-z\u00b5\u03bc/.%\d\u00b2\u00b3]{0,11})\s*$")
# "18 patients", "17 eyes", "18 pts (45%)": the people or units the count counts, between the count and its share
_COUNTED = (r"patients?|participants?|subjects?|pts\.?|pats?\.?|cases?|eyes?|children|infants?|women|men|persons?|"
            r"individuals?|teeth|knees?|hips?|limbs?|hands?|feet|wounds?|lesions?|procedures?|episodes?")
_COUNT_NOUN = re.compile(r"(?i)^\s*(?P<count>\d+)\s+(?P<noun>" + _COUNTED + r")(?=\s*(?:[(\[]|$))")


# "(% 46.5)", "(%21.5)", "(% 0.8%)": the percent sign printed before its number (a right-to-left typesetting)
_PERCENT_BEFORE = re.compile(r"(?P<open>[(\[])\s*%\s*(?P<x>\d+(?:\.\d+)?)\s*%?\s*(?P<close>[)\]])")
# "(46.5%) 186/400": the share first, then the count of the total it is of
_SHARE_THEN_COUNT = re.compile(r"\s*(?P<share>[(\[][^()\[\]]*%\s*[)\]])\s+(?P<count>\d+\s*/\s*\d+)\s*")


def _percent_after(text: str) -> str:
    """ "(% 46.5)" -> "(46.5% )", "(% 1.1) 4/366" -> "4/366 (1.1% )": the share written as left-to-right text reads
    it, in the same length."""
    def after(m: re.Match) -> str:
        inner = m.group("x") + "%"
        width = m.end() - m.start() - 2
        return m.group("open") + inner.ljust(width) + m.group("close")
    text = _PERCENT_BEFORE.sub(after, text)
    flipped = _SHARE_THEN_COUNT.fullmatch(text)
    if flipped is not None:
        moved = flipped.group("count") + " " + flipped.group("share")
        text = moved.ljust(len(text))
    return text


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


# "$55.42 ($35.26)", "€1,200 (€300)", "US$ 12.5": a currency sign (or "US$") before a figure, the figure an amount
_CURRENCY_BEFORE = re.compile(r"(?:\bUS\s?)?" + CURRENCY + r"\s?(?=[-\u2212]?\.?\d)")
# a duration printed in two units: "14 h 48 min", "1 h 09 mins", "2 hrs 5 minutes", "3 min 20 s"; and a figure in one
# of those units beside it in the same cell ("6 h 40 min (58 min)")
_HOURS = r"(?:h|hrs?|hours?)"
_MINUTES = r"(?:m|min|mins|minutes?)"
_SECONDS = r"(?:s|sec|secs|seconds?)"
_COMPOUND_DURATION = re.compile(r"(?i)(?<![\w.])(?P<big>\d+)\s*(?P<bigunit>" + _HOURS + "|" + _MINUTES + r")\.?\s*(?P<small>\d{1,2})"
                                r"\s*(?P<smallunit>" + _MINUTES + "|" + _SECONDS + r")\.?(?![\w])")
_ONE_UNIT_DURATION = re.compile(r"(?i)(?<![\w.])(?P<x>\d+(?:\.\d+)?)\s*(?P<unit>" + _HOURS + "|" + _MINUTES + "|" + _SECONDS
                                + r")\.?(?![\w])")
_UNIT_SCALE = {"h": 60, "m": 1, "s": 1 / 60}


def _unit_key(unit: str) -> str:
    unit = unit.lower()
    return "h" if unit.startswith("h") else "s" if unit.startswith("s") else "m"


def without_currency(body: str) -> str:
    """ "$55.42 ($35.26)" -> " 55.42 ( 35.26)": an amount of money read as its figure (the signs blanked, same
    length)."""
    return _CURRENCY_BEFORE.sub(lambda m: " " * len(m.group()), body) if re.search(CURRENCY, body) else body


def in_one_unit(body: str) -> str:
    """A cell printing a duration in two units ("14 h 48 min (4 h 5 min)", "1 h 36 mins (1 h 09 mins)", "3 min 20 s
    (45 s)") written in the smaller unit of its compound ("888 (245)", "96 (69)"; minutes for hours with minutes,
    seconds for minutes with seconds), each figure left-aligned in its own span (the cell's length kept). A cell
    with no duration in two units comes back as it is: a figure in one unit is read as printed."""
    compounds = list(_COMPOUND_DURATION.finditer(body))
    if not compounds:
        return body
    small = {_unit_key(m.group("smallunit")) for m in compounds}
    big = {_unit_key(m.group("bigunit")) for m in compounds}
    if len(small) != 1 or big & small:
        return body         # ("2 h 5 min (3 min 20 s)": no one unit the cell's figures share)
    target = _UNIT_SCALE[small.pop()]

    def figure(value: float, width: int) -> str:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.ljust(width) if len(text) <= width else ""

    out, last, spans = [], 0, []
    for m in compounds:
        spans.append((m.start(), m.end(), int(m.group("big")) * _UNIT_SCALE[_unit_key(m.group("bigunit"))]
                      + int(m.group("small")) * _UNIT_SCALE[_unit_key(m.group("smallunit"))]))
    for m in _ONE_UNIT_DURATION.finditer(body):
        if not any(a <= m.start() < b for a, b, _ in spans):
            spans.append((m.start(), m.end(), float(m.group("x")) * _UNIT_SCALE[_unit_key(m.group("unit"))]))
    for start, end, minutes in sorted(spans):
        written = figure(minutes / target, end - start)
        if not written:
            return body
        out.append(body[last:start] + written)
        last = end
    return "".join(out) + body[last:]


# "3.23±0.09 (800)", "12.1 ± 3.2 [45]": a mean and its spread, then a whole number in a bracket of its own
_SPREAD_THEN_WHOLE = re.compile(r"\s*(?P<figure>(?P<centre>[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+))\s*(?:\u00b1|\+/-|\+\s?/\s?[-\u2212])\s*"
                                r"(?P<spread>\d+(?:\.\d+)?|\.\d+))\s*[(\[]\s*(?P<n>\d{1,6})\s*[)\]]\s*")
# "2.82 (2.48 to 3.37) [100]", "4 (2-7) (38.5)": a centre with two bounds, then one figure in a bracket of its own
_BOUNDS_THEN_ONE = re.compile(r"\s*(?P<figure>[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)\s*%?\s*[(\[][^()\[\]]*\d\s*(?:[-\u2010-\u2015,;]|to)\s*"
                              r"[-+\u2212]?\.?\d[^()\[\]]*[)\]])\s*(?P<extra>[(\[]\s*\d+(?:\.\d+)?\s*%?\s*[)\]])\s*")


def spread_then_size(body: str, n: int | None) -> tuple[str, int] | None:
    """ "3.23±0.09 (800)" -> ("3.23±0.09", 800): a mean ± its spread with the number of patients it is of in a
    bracket after it ("Mean gain ± SE (n)"), when that number cannot be a figure of the same measurement (it lies
    more than four spreads from the centre, as a median or a second mean would not) and is no more than the arm's
    size (when known). None for any other cell ("9.4 ± 3.9 (8)": a median beside the mean, read elsewhere)."""
    m = _SPREAD_THEN_WHOLE.fullmatch(body)
    if m is None:
        return None
    centre, spread, size = parse_number(m.group("centre")), parse_number(m.group("spread")), int(m.group("n"))
    if centre is None or spread is None or size < 2 or n and size > n or abs(size - centre) <= 4 * max(spread, abs(centre) * 0.05):
        return None
    return m.group("figure"), size


def without_trailing_figure(body: str) -> str:
    """ "2.82 (2.48 to 3.37) [100]" -> "2.82 (2.48 to 3.37)": a centre with its two bounds and, in a bracket of its own
    after them, one more figure (a share of patients, a count) that is no part of the centre's reading; the cell
    blanked from there (same length). Any other cell comes back as it is."""
    m = _BOUNDS_THEN_ONE.fullmatch(body)
    return _blank(body, m.start("extra"), m.end("extra")) if m is not None else body


# a statistic column's cell printing one figure: "53.1", "-2.46", ".51", "-.21", "(4.5)", "[.13]", "1,5"
_LONE_FIGURE = re.compile(r"\s*(?P<open>[(\[])?\s*(?P<x>[-\u2212\u2013]?(?:\d+(?:[.,]\d+)?|\.\d+))\s*(?(open)[)\]])\s*")


def lone_figure(text: str) -> float | None:
    """The one figure of a cell under a header naming one statistic ("Mean", "SD", "Min"): printed bare, without its
    leading zero (".51"), or in a bracket of its own ("(4.5)" under "SD"); None for any other cell."""
    m = _LONE_FIGURE.fullmatch(text or "")
    return parse_number(m.group("x")) if m is not None else None


def cell_figure(cell: str, hint: str = "") -> Figure:
    """The figure of one table cell, read apart from the words and marks printed around it: the statistic the cell
    names before its figure ("Mean 12.1 (SD 3.2)" -> "mean"; "median 4 (IQR 2-7)" -> "median"; "n = 12 (30%)" and
    "18 pts (45%)" -> "n_pct"; a lone "n = 40" is a size and keeps its words), a mark glued before the spread ("34.2* ± 5.1"), a unit after the bracket
    ("12.1 (3.2) mm"), the counted people ("17 eyes"), and a p-value or marks after the figure (`split_marks`). The
    body keeps the cell's length; a cell with none of these comes back as it is. `hint`, the format the row or
    column states, lets `statistic_shapes` rewrite the shapes printed with a part left out."""
    marked = split_marks(cell)
    body, statistic = in_one_unit(without_currency(marked.body)), ""
    first = _SIZE_FIRST.fullmatch(body) if "=" in body else None
    if first is not None:
        # "(n = 38) 45.2 ± 10.1", "n=38: 12 (31.6)": the patients the figure is of, printed before it; written after
        # it, where the reader takes a cell's own size ("45.2 ± 10.1 n = 38"), in the same length
        body = (first.group("rest") + " " + (first.group("n1") or first.group("n2"))).ljust(len(body))
    bare = _BARE_SIZE_FIRST.fullmatch(body) if ";" in body else None
    if bare is not None and int(bare.group("n")) >= 2:
        # written after the figure as the reader takes a cell's own size, in the cell's length ("(11.85)n=206")
        rest = bare.group("rest")
        body = (rest + ("" if rest.endswith((")", "]")) else " ") + "n=" + bare.group("n")).ljust(len(body))
    lead = _LEADING_STATISTIC.match(body)
    if lead is not None:
        word = lead.group("word").lower().rstrip(".")
        shared = bool(re.search(r"[(\[]", body[lead.end():]))
        # a lone "n = 40" is the cell's number of patients, not a count of events: left as printed
        statistic = "mean" if word in ("mean", "average") else "median" if word in ("median", "mdn", "md") else \
            "n_pct" if shared else ""
        if statistic:
            body = _blank(body, lead.start("word"), lead.end())
    counted = _COUNT_NOUN.match(body)
    if counted is not None:
        body = _blank(body, counted.start("noun"), counted.end("noun"))
        # "18 pts (45%)": a count with its share; a bare "17 eyes" is a count only where the row or column says so
        # (it is as often the arm's size)
        if re.search(r"[(\[]", body[counted.end():]):
            statistic = statistic or "n_pct"
    body = _MARK_BEFORE_SPREAD.sub(lambda m: " " * len(m.group()), body)
    if "%" in body:
        body = _percent_after(body)
    unit = _UNIT_AFTER_BRACKET.search(body)
    if unit is not None and not re.fullmatch(r"(?i)[a-h]|ns|n\.s\.?", unit.group("unit")):
        body = _blank(body, unit.start("unit"), unit.end("unit"))
    if "(" in body or "[" in body or "+" in body or "/" in body or "\u00b1" in body or hint in _PAIR_HINTS:
        body = statistic_shapes(body, hint or statistic)
    return Figure(body, statistic, marked.p_value, marked.p_text, marked.marks)


# ------------------------------------------------------------------------------------------ statistic shapes
# The same facts printed in shapes the cell grammar reads once they are written its way, each rewrite one character
# for one (offsets hold):
# - a count's share printed without the count, the count left to the arm's size: "(52.9)", "[41.9 %]" under
#   "n (%)" -> " 52.9%": the arm's share (its count derived and flagged by the reader);
# - the two categories of a pair label in one cell with a semicolon or comma between: "22 (55); 18 (45)",
#   "22 (55.0%), 18 (45.0%)" under "Sex (male/female)" -> "22 (55)/ 18 (45)", the pair the reader knows;
# - a count's share or a percentage with its interval after it: "12 (30.0%) [95% CI 17-46]" -> "12 (30.0%)" (a lone
#   "30.0% (17-46)" only with the interval named or in a column of shares: "7.2% (6.5-8.1)" may be a median);
# - two whole numbers "22/18" whose first is larger, under no pair label: unread (two counts of categories the row
#   does not name), never 22 of 18.
# (A spread and a range, in one bracket or two, "2.4 (0.8) [1-5]", "30 [20; 45] (10-90)", "21 (6; 6-43)", and a mean
# and SD with its unit after them or a plus-minus typed "+-", "45.2 +- 10.1 years", are read by the permissive cell
# reader, cell_reading.py.)
_SHARE_ONLY = re.compile(r"\s*(?P<open>[(\[])\s*(?P<x>\d{1,3}(?:\.\d+)?)\s*(?P<pct>%)?\s*(?P<close>[)\]])\s*")
_TWO_CATEGORIES = re.compile(r"\s*\d+\s*(?:[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]])?\s*(?P<sep>[;,])\s*\d+\s*"
                             r"(?:[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]])?\s*")
_PAIR_HINTS = ("sex_pair", "pair", "pair_words")
# "22/18", "22/18 (55%)": two whole numbers split by a slash, perhaps with a share after them
_MORE_THAN_ITS_TOTAL = re.compile(r"\s*(?P<a>\d{1,6})\s*/\s*(?P<b>\d{1,6})\s*(?:[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]])?\s*")
# "12 (30.0%) [95% CI 17-46]", "30.0% (17-46)": a count's share or a percentage with its interval after it
# (a lone percentage only with its interval named, or in a column of shares: "7.2% (6.5-8.1)" may be a median)
_SHARE_THEN_INTERVAL = re.compile(
    r"\s*(?:\d+\s*[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]]|(?P<lone>\d{1,3}(?:\.\d+)?\s*%))\s*(?P<interval>[(\[]\s*(?P<named>9[059]\s*%\s*"
    r"(?:CI|confidence\s+interval)\s*[:,]?\s*)?\d{1,3}(?:\.\d+)?\s*%?\s*(?:[-\u2013]|to|,)\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]])\s*", re.I)


def _put(text: str, at: int, char: str) -> str:
    return text[:at] + char + text[at + 1:]


def statistic_shapes(body: str, hint: str = "") -> str:
    """The cell written in the shape the cell grammar reads, for the shapes above (same length); any other cell,
    or a shape whose reading the format `hint` rules out, comes back as it is."""
    if ("%" in body or hint.startswith(("n_pct", "pct"))) and not hint.startswith(("mean", "median")):
        shared = _SHARE_THEN_INTERVAL.fullmatch(body)
        if shared is not None and (not shared.group("lone") or shared.group("named") or hint.startswith(("n_pct", "pct"))):
            # the share's interval says nothing the count and share do not: read without it
            return _blank(body, shared.start("interval"), shared.end("interval"))
    if "/" in body and hint not in _PAIR_HINTS and not hint.startswith(("mean", "median")):
        over = _MORE_THAN_ITS_TOTAL.fullmatch(body)
        if over is not None and int(over.group("a")) > int(over.group("b")):
            # "22/18" where no pair label names the two categories: two counts of something unsaid, never 22 of 18
            # (a pair that happens to fit, "18/20", cannot be told from 18 of 20 without the label)
            return " " * len(body)
    counted = hint.startswith(("n_pct", "pct", "count"))
    if hint in _PAIR_HINTS:
        two = _TWO_CATEGORIES.fullmatch(body)
        return _put(body, two.start("sep"), "/") if two is not None else body
    if hint.startswith(("n_pct", "pct")):
        m = _SHARE_ONLY.fullmatch(body)
        if m is not None and float(m.group("x")) <= 100:
            out = _put(body, m.start("open"), " ")
            return _put(out, m.start("close"), "%" if not m.group("pct") else " ")
    return body


# ------------------------------------------------------------------------------------------ stacked statistics
# "2.9 1.8 to 4.0", "-0.6 -1.2, 0.0": a figure and then its interval with no bracket, printed on two lines of one cell
# (ingestion writes the line break between two figures as a space)
_SIGNED = r"[-\u2212]?\d+(?:\.\d+)?"
_STACKED_INTERVAL = re.compile(r"\s*(?P<centre>" + _SIGNED + r")\s+(?P<low>" + _SIGNED + r")\s*"
                               r"(?P<sep>to|[,;\u2013\u2014]|\s-\s|-(?=\d))\s*(?P<high>" + _SIGNED + r")\s*", re.I)


def stacked_interval(cell: str) -> str:
    """A cell printing a figure and its interval without a bracket ("2.9 1.8 to 4.0", the two lines of one cell)
    written with the bracket the grammar reads ("2.9 (1.8 to 4.0)"), when the figure lies inside the interval; any
    other cell as it is (two counts "12 15", a list "3 4-5" whose first figure lies outside)."""
    m = _STACKED_INTERVAL.fullmatch(cell)
    if m is None:
        return cell
    centre, low, high = (float(m.group(k).replace("\u2212", "-")) for k in ("centre", "low", "high"))
    if not low <= centre <= high or low == high:
        return cell
    return f"{m.group('centre')} ({m.group('low')} to {m.group('high')})"


# ------------------------------------------------------------------------------------------ a mean and a median
# "mean ± SD (median)", "Mean (SD) [median]", "mean±SD [Md]": a declaration of cells printing a mean with its spread
# and the median after it in a bracket
_MEAN_SPREAD_MEDIAN = re.compile(r"(?i)(?P<mean>\bmeans?\s*(?:(?:\u00b1|\+/-)\s*(?:SDs?|S\.D\.?|SEM?|S\.E\.?M?)\b|[(\[]\s*(?:SDs?|S\.D\.?|"
                                 r"SEM?)\s*[)\]]))\s*[,;]?\s*(?P<open>[(\[{])\s*(?P<median>medians?|Mdn?)\s*(?P<close>[)\]}])")
# "31 ± 19.4(24)", "8.2 ± 4.1 [7]", "45.1 (12.0) [44]": the cell's mean and spread, then its median in a bracket
_NUM = r"[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)"
_MEAN_AND_MEDIAN_CELL = re.compile(r"\s*(?P<mean>" + _NUM + r"\s*(?:(?:\u00b1|\+/-)\s*" + _NUM + r"|\(\s*" + _NUM + r"\s*\)))\s*"
                                   r"(?P<median>[(\[{]\s*" + _NUM + r"\s*[)\]}])\s*")


def _mean_and_median_parts(text: str) -> tuple[str, str] | None:
    """(the cell with its median blanked, the cell with only its median) of a cell printing both, same lengths."""
    body = split_marks(text).body
    m = _MEAN_AND_MEDIAN_CELL.fullmatch(body.rstrip())
    if m is None:
        return None
    mean = _blank(text, m.start("median"), m.end("median"))
    inner = re.search(_NUM, text[m.start("median"):m.end("median")])
    start, end = m.start("median") + inner.start(), m.start("median") + inner.end()
    median = " " * start + text[start:end] + " " * (len(text) - end)
    return mean, median


def _declaration_parts(text: str) -> tuple[str, str] | None:
    """(the words naming the mean and its spread only, the words naming the median only) of a declaration "mean ±
    SD (median)", each the same length as the text; None when the text declares no such pair."""
    m = _MEAN_SPREAD_MEDIAN.search(text or "")
    if m is None:
        return None
    mean = _blank(text, m.start("open"), m.end("close"))
    median = _blank(_blank(text, m.start("mean"), m.start("median")), m.end("median"), m.end("close"))
    return mean, median


def mean_and_median_variants(table: dict, heads: set[int]) -> list[dict] | None:
    """The table once for its means and once for its medians when a row label, a header or the caption declares
    cells printing both ("Length of stay, mean ± SD (median) | 8.2 ± 4.1(7) | 11.5 ± 6.3(10)"): the first variant holds
    each such cell's mean and spread and the declaration without "(median)", the second each cell's median alone and
    the declaration naming only the median (so its bare figures read as medians). A row or column not so declared
    keeps its figures in the first variant only. None unless two cells print the pair under such a declaration.
    `heads`: the table's header rows."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return None
    caption = str(table.get("caption") or "")
    heads = {int(c["row"]) for c in cells if c.get("header")} | set(heads)
    declared_rows = {int(c["row"]) for c in cells if int(c.get("col", 0)) == 0 and int(c["row"]) not in heads
                     and _declaration_parts(str(c.get("text") or ""))}
    declared_cols = {int(c["col"]) for c in cells if int(c["row"]) in heads and _declaration_parts(str(c.get("text") or ""))}
    whole = _declaration_parts(caption) is not None

    def declared(c: dict) -> bool:
        return whole or int(c["row"]) in declared_rows or int(c.get("col", 0)) in declared_cols

    pairs = {i: _mean_and_median_parts(str(c.get("text") or "")) for i, c in enumerate(cells)
             if not c.get("header") and int(c["row"]) not in heads and int(c.get("col", 0)) > 0 and declared(c)}
    pairs = {i: p for i, p in pairs.items() if p is not None}
    if len(pairs) < 2:
        return None
    means, medians = [], []
    for i, c in enumerate(cells):
        text = str(c.get("text") or "")
        if i in pairs:
            means.append(dict(c, text=pairs[i][0]))
            medians.append(dict(c, text=pairs[i][1]))
            continue
        words = _declaration_parts(text) if int(c["row"]) in heads or int(c.get("col", 0)) == 0 else None
        if words is not None:
            means.append(dict(c, text=words[0]))
            medians.append(dict(c, text=words[1]))
            continue
        means.append(c)
        # a figure the median variant does not hold (a p-value, a row of counts) is read once, with the means
        figure = not c.get("header") and int(c["row"]) not in heads and int(c.get("col", 0)) > 0 and re.search(r"\d", text)
        medians.append(dict(c, text=" " * len(text)) if figure else c)
    caption_parts = _declaration_parts(caption)
    mean_table, median_table = dict(table, cells=means), dict(table, cells=medians)
    if caption_parts is not None:
        mean_table["caption"], median_table["caption"] = caption_parts
    return [mean_table, median_table]


# ------------------------------------------------------------------------------------------ two statistics in a row
# "Median (IQR)Mean (SD)", "Mean (SD) / Median (IQR)": a row's (or a header's) declaration of two statistics printed one
# after the other in each cell (their line break lost), each named with its spread in a bracket
_CENTRE_WORD = re.compile(r"(?i)\b(?:means?|medians?)\b")
# "0\u00b70 (\u22120.25 to 1.00)0.09 (SD 1.60)", "12.1 (3.2); 11 (8-14)": each statistic a figure and its bracket
_DECIMAL_NUM = r"[-+\u2212]?(?:\d+(?:[.\u00b7]\d+)?|[.\u00b7]\d+)"
_TWO_BRACKETED = re.compile(r"\s*(?P<first>" + _DECIMAL_NUM + r"\s*[(\[][^()\[\]]*[)\]])\s*[,;/]?\s*"
                            r"(?P<second>" + _DECIMAL_NUM + r"\s*[(\[][^()\[\]]*[)\]])\s*")


def _two_statistic_declaration(text: str) -> tuple[str, str] | None:
    """(the words naming the first statistic only, the words naming the second only) of a declaration naming a mean
    and a median one after the other, each with its spread ("Median (IQR)Mean (SD)"), each the same length as the
    text; None for any other text (one statistic, "mean ± SD (median)", a label with figures)."""
    if not text or re.search(r"\d", text):
        return None
    words = list(_CENTRE_WORD.finditer(text))
    if len(words) != 2:
        return None
    split = words[1].start()
    first, second = declared_formats(text[:split]), declared_formats(text[split:])
    if len(first) != 1 or len(second) != 1 or {first[0][:4], second[0][:4]} != {"mean", "medi"} \
            or first[0] in ("mean", "median") or second[0] in ("mean", "median"):
        return None
    return _blank(text, split, len(text)), _blank(text, 0, split)


def _two_statistic_parts(text: str) -> tuple[str, str] | None:
    """(the cell with its second statistic blanked, the cell with its first blanked) of a cell printing two figures
    each with its bracket ("0.0 (-0.25 to 1.00)0.09 (SD 1.60)"), same lengths; None for any other cell."""
    body = split_marks(text).body
    m = _TWO_BRACKETED.fullmatch(body.rstrip())
    if m is None:
        return None
    return _blank(text, m.start("second"), len(text)), _blank(text, 0, m.start("second"))


def two_statistic_variants(table: dict, heads: set[int]) -> list[dict] | None:
    """The table once for each statistic when a row's words or a header declare two printed one after the other in
    each cell ("MMSE | Median (IQR)Mean (SD) | 0.0 (-0.25 to 1.00)0.09 (SD 1.60) | ..."): the first variant holds each
    such cell's first figure and the declaration's first statistic, the second the others; a figure of a row or
    column not so declared is read once, in the first. None unless two cells print the pair under such a declaration.
    `heads`: the table's header rows."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return None
    heads = {int(c["row"]) for c in cells if c.get("header")} | set(heads)
    declarations = {i: _two_statistic_declaration(str(c.get("text") or "")) for i, c in enumerate(cells)}
    declarations = {i: d for i, d in declarations.items() if d is not None}
    declared_rows = {int(cells[i]["row"]) for i in declarations if int(cells[i]["row"]) not in heads}
    declared_cols = {int(cells[i].get("col", 0)) for i in declarations if int(cells[i]["row"]) in heads}

    def figure_cell(c: dict) -> bool:
        return not c.get("header") and int(c["row"]) not in heads and int(c.get("col", 0)) > 0

    pairs = {i: _two_statistic_parts(str(c.get("text") or "")) for i, c in enumerate(cells) if figure_cell(c)
             and (int(c["row"]) in declared_rows or int(c.get("col", 0)) in declared_cols)}
    pairs = {i: p for i, p in pairs.items() if p is not None}
    if len(pairs) < 2:
        return None
    firsts, seconds = [], []
    for i, c in enumerate(cells):
        text = str(c.get("text") or "")
        parts = pairs.get(i) or declarations.get(i)
        if parts is not None:
            firsts.append(dict(c, text=parts[0]))
            seconds.append(dict(c, text=parts[1]))
            continue
        firsts.append(c)
        seconds.append(dict(c, text=" " * len(text)) if figure_cell(c) and re.search(r"\d", text) else c)
    return [dict(table, cells=firsts), dict(table, cells=seconds)]


# ------------------------------------------------------------------------------------------ keyed statistics
# "R: range, M: mean", "Md = median; IQR = interquartile range": a note defining the letters a table's cells print
# before each statistic
_STATISTIC_KEY_WORDS = (("range", r"ranges?|min(?:imum)?\s*[-\u2013,/]\s*max(?:imum)?"), ("mean", r"means?|averages?"),
                        ("median", r"medians?"), ("sd", r"SDs?|standard\s+deviations?"),
                        ("iqr", r"IQRs?|inter-?\s*quartile\s+ranges?"))
_KEY_DEFINED = re.compile(r"(?<![A-Za-z])(?P<key>[A-Z][A-Za-z]{0,3})\s*[:=]\s*(?:the\s+)?(?P<word>"
                          + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STATISTIC_KEY_WORDS) + r")\b", re.I)
# "R: 21–66M: 41.0", "M = 41.0; R = 21-66": each statistic after its key, glued or apart
_KEYED_FIGURE = re.compile(r"\s*(?P<key>[A-Za-z]{1,4})\s*[:=]\s*(?P<low>[-\u2212]?\d+(?:\.\d+)?)"
                           r"(?:\s*(?:[-\u2013\u2014]|to)\s*(?P<high>[-\u2212]?\d+(?:\.\d+)?))?\s*[,;]?")


def statistic_keys(notes: str) -> dict[str, str]:
    """{key: statistic} of the letters a table's notes define ("R: range, M: mean" -> {"R": "range", "M": "mean"});
    a key defined twice differently is left out."""
    found: dict[str, str] = {}
    for m in _KEY_DEFINED.finditer(notes or ""):
        key = m.group("key")
        if key.lower() in ("sd", "iqr", "se", "n", "p", "ci"):
            continue        # ("SD: standard deviation" names the statistic itself, no key a cell prints before a figure)
        name = next(n for n, _ in _STATISTIC_KEY_WORDS if m.group(n))
        found[key] = name if found.get(key, name) == name else ""
    return {k: v for k, v in found.items() if v}


def keyed_statistics(cell: str, keys: dict[str, str]) -> str:
    """A cell printing each statistic after the key its notes define ("R: 21–66M: 41.0" under "R: range, M: mean")
    written as the cell grammar reads it ("mean 41.0 (range 21-66)"): a mean or median with its range, SD or IQR.
    Any other cell (a key no note defines, two centres, no centre) as it is."""
    if not keys or ":" not in cell and "=" not in cell:
        return cell
    figures: dict[str, tuple[str, str | None]] = {}
    at = 0
    for m in _KEYED_FIGURE.finditer(cell):
        if m.start() != at or keys.get(m.group("key")) is None or keys[m.group("key")] in figures:
            return cell
        figures[keys[m.group("key")]] = (m.group("low"), m.group("high"))
        at = m.end()
    if at != len(cell) or len(figures) != 2:
        return cell
    centre = next((c for c in ("mean", "median") if c in figures), None)
    spread = next((s for s in figures if s != centre), None)
    if centre is None or spread not in ("range", "sd", "iqr") or figures[centre][1] is not None:
        return cell
    low, high = figures[spread]
    if (high is None) != (spread == "sd"):
        return cell
    inner = f"SD {low}" if spread == "sd" else f"{'range' if spread == 'range' else 'IQR'} {low}-{high}"
    return f"{centre} {figures[centre][0]} ({inner})"


def with_keyed_statistics(table: dict, notes: str) -> dict:
    """The grid with its keyed cells written as the grammar reads them (`keyed_statistics`), the keys from its
    caption and footnotes (`notes`); a table whose notes define no key is returned as it is."""
    cells = table.get("cells") if isinstance(table, dict) else None
    keys = statistic_keys(notes) if cells and re.search(r"[A-Za-z]\s*[:=]\s*-?\d", " ".join(
        str(c.get("text") or "") for c in cells if not c.get("header"))) else {}
    if not keys:
        return table
    out, changed = [], False
    for c in cells:
        text = str(c.get("text") or "")
        new = keyed_statistics(text, keys) if not c.get("header") and int(c.get("col", 0)) > 0 else text
        if new != text:
            c, changed = dict(c, text=new), True
        out.append(c)
    return dict(table, cells=out) if changed else table


# ------------------------------------------------------------------------------------------ arms joined by a slash
# "Basal (ModHT group/MiHT group)", "Week 12 (A/B)": a header naming two arms or more joined by a slash in a bracket
# after what the column measures; each cell then prints one figure per arm in that order: "73.86 ± 18.49/67.28 ± 16.40"
_SLASHED_ARMS_HEADER = re.compile(r"\s*(?P<head>[^()\[\]/]*?)\s*[(\[](?P<arms>[^()\[\]/]+(?:/[^()\[\]/]+)+)[)\]]\s*")
_SLASH_BETWEEN_FIGURES = re.compile(r"(?<=[\d)\]%])\s*/\s*(?=[-+\u2212]?\.?\d)")


def _slashed_figures(text: str, parts: int) -> list[tuple[int, int]] | None:
    """The spans of a cell's `parts` figures joined by slashes, each a figure with its spread ("73.86 ± 18.49"),
    else None (a count over its total "12/40" prints no spread; a p-value pair "0.002/0.307" neither)."""
    spans, at = [], 0
    for m in _SLASH_BETWEEN_FIGURES.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text.rstrip())))
    if len(spans) != parts or not all(figure_with_spread(text[a:b]) for a, b in spans):
        return None
    return spans


def with_slashed_arm_columns(table: dict) -> dict:
    """The grid with a column whose one-row header names its arms joined by a slash ("Basal (ModHT group/MiHT
    group)") and whose every filled cell prints as many figures with their spread joined by slashes ("73.86 ±
    18.49/67.28 ± 16.40") split into one column per arm, in the header's order, under a second header row naming
    the arm ("Basal" over "ModHT group" | "MiHT group"); the other columns span both header rows. Each new cell is
    the substring it prints, with its own offsets. A grid without such a column is returned as it is."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or table.get("header_rows") not in (1, None) or any(c.get("header") and c["row"] != 0 for c in cells):
        return table
    split: dict[int, list[tuple[str, int, int]]] = {}
    for head in (c for c in cells if c["row"] == 0):
        text = str(head.get("text") or "")
        m = _SLASHED_ARMS_HEADER.fullmatch(text)
        if m is None:
            continue
        arms, at = [], m.start("arms")
        for name in m.group("arms").split("/"):
            lead = len(name) - len(name.lstrip())
            arms.append((name.strip(), at + lead, at + lead + len(name.strip())))
            at += len(name) + 1
        body = [c for c in cells if c["col"] == head["col"] and c["row"] > 0 and str(c.get("text") or "").strip()]
        if body and all(_slashed_figures(str(c["text"]), len(arms)) for c in body):
            split[head["col"]] = [(m.group("head"), m.start("head"), m.end("head"))] + arms
    if not split:
        return table

    def new_cols(col: int) -> list[int]:
        shift = sum(len(split[k]) - 2 for k in split if k < col)
        return [col + shift + i for i in range(len(split[col]) - 1)] if col in split else [col + shift]

    def part(c: dict, row: int, col: int, text: str, a: int, b: int, **extra) -> dict:
        start = c.get("start")
        return dict(c, row=row, col=col, text=text,
                    **({"start": start + a, "end": start + b} if isinstance(start, int) else {}), **extra)

    out: list[dict] = []
    for c in cells:
        cols, row, text = new_cols(c["col"]), c["row"], str(c.get("text") or "")
        if row == 0:
            names = split.get(c["col"])
            for i, col in enumerate(cols):
                out.append(part(c, 0, col, names[0][0], names[0][1], names[0][2]) if names else dict(c, col=col))
                out.append(part(c, 1, col, *names[i + 1]) if names else dict(c, row=1, col=col))
        elif c["col"] in split and text.strip():
            spans = _slashed_figures(text, len(cols))
            for i, (col, (a, b)) in enumerate(zip(cols, spans)):
                # (a footnote mark printed after the cell is its last figure's)
                last = {} if i == len(spans) - 1 or "marks" not in c else {"marks": []}
                out.append(part(c, row + 1, col, text[a:b], a, b, **last))
        else:
            out.extend(dict(c, row=row + 1, col=col, text=text if i == 0 else "") for i, col in enumerate(cols))
    return dict(table, cells=out, header_rows=2)


# ------------------------------------------------------------------------------------------ misprints
# a letter typed for a digit inside a figure: "8O%" (an O for a zero), "l.8" and "1l" (an l or I for a one); only
# between digits, or before a decimal point and a digit, never in a word ("IQR", "lo")
_LETTER_O_FOR_ZERO = re.compile(r"(?<=\d)[Oo](?=[\d%.)\]]|\s*$)|(?<![A-Za-z])[Oo](?=[.,]\d)|(?<=\d[.,])[Oo]")
_LETTER_L_FOR_ONE = re.compile(r"(?<=\d)[lI](?=[\d%.)\]])|(?<![A-Za-z])[lI](?=[.,]\d|\d)|(?<=\d[.,])[lI]")
# "6 (33)%": the per cent sign printed after the bracket of a count's share
_SIGN_AFTER_BRACKET = re.compile(r"(\s*\d+\s*[(\[]\s*\d+(?:\.\d+)?)\s*([)\]])\s*%\s*")
# "56.6 (26.3", "4 (40%": one bracket opened after a figure and never closed, the cell ending in its figure
_UNCLOSED_BRACKET = re.compile(r"[^()\[\]]*\d[^()\[\]]*(?P<open>[(\[])[^()\[\]]*\d\s*%?\s*")
_CLOSING = {"(": ")", "[": "]"}


def mended_misprint(cell: str) -> str | None:
    """The cell with its one kind of misprint mended ("20 (8O%)" -> "20 (80%)", "5.5 [l.8-9.3]" -> "5.5 [1.8-9.3]",
    "6 (33)%" -> "6 (33%)", "56.6 (26.3" -> "56.6 (26.3)"), for the caller to read only where the mended cell is
    exactly a shape the grammar knows; None when the cell has none of these misprints."""
    mended = _LETTER_O_FOR_ZERO.sub("0", cell)
    mended = _LETTER_L_FOR_ONE.sub("1", mended)
    sign = _SIGN_AFTER_BRACKET.fullmatch(mended)
    if sign is not None:
        mended = f"{sign.group(1)}%{sign.group(2)}"
    unclosed = _UNCLOSED_BRACKET.fullmatch(mended)
    if unclosed is not None:
        mended = mended.rstrip() + _CLOSING[unclosed.group("open")]
    return mended if mended != cell else None
