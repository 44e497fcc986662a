"""Table rows that only make sense with the row above: a figure's spread or interval printed on the line below it.

A grid cell holds what one line of the typeset table held. Where the table breaks a figure over two lines, the grid
has two rows: the figure in the row with the label, its bracket in a row with no label of its own:

    | Vomiting, n (%)       | 8      | 15     | 0.38        |        | Age, years | 45.2   | 47.0   |
    |                       | (20.0) | (39.5) | (0.14-1.04) |        |            | (10.1) | (9.8)  |

The same fact is printed in one cell elsewhere ("8 (20.0)", "0.38 (0.14-1.04)", "45.2 (10.1)"), so the reader reads
the two lines as that one cell: `with_continuation_rows` joins each bracket to the bare figure above it, in every
column (an arm's count and share, a mean and its SD, an effect and its interval, a median and its quartiles), and
drops the continuation row. Which statistic the joined cell holds stays the row's, column's or table's format to
decide, as for any cell.

A row joins the one above when the row above holds a bare figure, with no bracket, in each of its filled columns, and
either its label cell is empty (or repeats the label above) and each of its filled cells is one bracket holding a
number ("(20.0)", "[0.61, 1.10]", "(95% CI 0.6-1.1)", "(SD 4.1)"), or its label names the spread its cells hold ("SD |
10.1 | 9.8", "(SD) | (8.1) | (9.0)", "IQR | 2-5 | 3-6", "95% CI | | 0.14-1.04"): the joined cell then names the spread
("45.2 (SD 10.1)", "3 (IQR 2-5)", "0.38 (95% CI 0.14-1.04)"); a "Range" / "Min-max" row also joins a figure that has
its own spread ("Median (IQR) | 44 (38-52)" over "Range | 22-68" -> "44 (38-52) [range 22-68]"). A row of shares with its own label ("(%) | (52.9)") is a
row of its own, and a spread row under a row of statistics ("Mean" over "SD") is left to the table reader's runs of
statistic rows.
"""
from __future__ import annotations

import re

# one bracket holding a number and nothing outside it: "(20.0)", "[0.61, 1.10]", "(95% CI 0.6-1.1)", "(SD 4.1)"; or an
# SD after its plus-minus sign: "± 10.1"
_BRACKET_ONLY = re.compile(r"\s*(?:[(\[][^()\[\]]*\d[^()\[\]]*[)\]]|\u00b1\s*\d+(?:\.\d+)?)\s*[*\u2020\u2021\u00a7#]*\s*")
# a bare figure, with at most a percent sign or a footnote mark: "8", "45.2", "-0.4", "12.5%", "0.38*", "12a"
_BARE_FIGURE = re.compile(r"\s*[-+\u2212]?\d+(?:[.,]\d+)?\s*%?\s*(?:[*\u2020\u2021\u00a7#]+|[a-d])?\s*")


# a row label naming the spread of the figures above it: "SD", "(SD)", "± SD", "SEM", "IQR", "(Range)", "95% CI",
# "Min-max", "Q1-Q3"; the word the joined cell prints before the spread, as the grammar reads it
_SPREAD_LABELS = (
    ("SD", re.compile(r"\(?\s*(?:\u00b1\s*)?(?:SD|S\.D\.?|standard\s+deviation)\s*\)?", re.I)),
    ("SE", re.compile(r"\(?\s*(?:\u00b1\s*)?(?:SE|SEM|S\.E\.(?:M\.)?|standard\s+error(?:\s+of\s+the\s+mean)?)\s*\)?", re.I)),
    ("IQR", re.compile(r"\(?\s*(?:IQR|inter-?quartile\s+range|Q1\s*[-\u2013,]\s*Q3|25(?:th)?\s*[-\u2013,]\s*75(?:th)?"
                       r"(?:\s+percentiles?)?)\s*\)?", re.I)),
    ("range", re.compile(r"\(?\s*(?:range|min(?:imum)?\s*[-\u2013,/]\s*max(?:imum)?)\s*\)?", re.I)),
    ("95% CI", re.compile(r"\(?\s*(?:95\s*%\s*)?(?:CI|confidence\s+interval)\s*\)?", re.I)),
)
# the spread under a figure: a number ("10.1", "(8.1)") or a pair ("2-5", "(0.14-1.04)", "[22, 68]")
# ("61.00~85.00": a tilde between a range's bounds, as tables typeset in East Asia print it)
_SPREAD_CELL = re.compile(r"\s*[(\[]?\s*(?P<spread>[-+\u2212]?\d+(?:\.\d+)?(?:\s*(?:[-\u2010-\u2015~\uff5e]|to|,|;)\s*[-+\u2212]?\d+(?:\.\d+)?)?)"
                          r"\s*[)\]]?\s*")
# a label that is itself a statistic ("Mean", "Median", "N"): a run of statistic rows, read as such by the table reader
_STATISTIC_LABEL = re.compile(r"\s*(?:mean|median|n|no\.?|number|geometric\s+mean|average)\s*", re.I)


# a figure with one spread, to which a range row below adds its range: "44 (38-52)", "45.2 ± 10.1", "45.2 (10.1)"
_ONE_SPREAD = re.compile(r"\s*[-+\u2212]?\d+(?:\.\d+)?\s*(?:\u00b1\s*\d+(?:\.\d+)?|[(\[]\s*[-+\u2212]?\d+(?:\.\d+)?(?:\s*(?:[-\u2010-\u2015]|to|,|;)"
                         r"\s*[-+\u2212]?\d+(?:\.\d+)?)?\s*[)\]])\s*")


_RESPONSE_CLASS = re.compile(r"\s*(?:CR|PR|PD|ORR|DCR|(?:complete|partial)\s+(?:response|remission)|(?:stable|progressive)\s+disease)"
                             r"\s*(?:[,(]\s*n?\s*\(?%?\)?\s*\)?)?\s*", re.I)


# the classes that only a list of tumour responses makes such: "SD" (else a standard deviation), "MR", "NC"
_LISTED_RESPONSE_CLASS = re.compile(r"\s*(?:SD|MR|NC|(?:minor|minimal)\s+response|no\s+change)\s*(?:[,(]\s*n?\s*\(?%?\)?\s*\)?)?\s*",
                                    re.I)


def response_class_columns(headers: dict[int, str]) -> set[int]:
    """The columns of a header row listing tumour responses ("n | CR | PR | MR | SD | PD | Response rate"), each
    counting the patients of its class, or none where the headers name fewer than two classes."""
    if not names_response_classes(list(headers.values())):
        return set()
    return {col for col, header in headers.items()
            if _RESPONSE_CLASS.fullmatch(header or "") or _LISTED_RESPONSE_CLASS.fullmatch(header or "")}


def names_response_classes(labels: list[str]) -> bool:
    """Whether row labels or column headers list tumour responses ("CR | PR | MR | SD | PD"): two classes or more, so
    an "SD" among them is stable disease, never a standard deviation."""
    return sum(1 for label in labels if _RESPONSE_CLASS.fullmatch(label or "")) >= 2


# a label giving only the numbers measured in each arm: "(n = 34, 32)", "n = 35/31", "(n=12)"
_SIZES_ONLY = re.compile(r"\s*[(\[]?\s*n\s*=\s*\d+(?:\s*[,;/]\s*\d+)*\s*[)\]]?\s*", re.I)


def _spread_named(label: str) -> str:
    return next((word for word, pattern in _SPREAD_LABELS if pattern.fullmatch(label)), "")


# a cell saying nothing was measured there: "--", "-", "–", "—", "NA", "n/a", "ND" (a visit without the measurement)
_NOT_MEASURED = re.compile(r"\s*(?:[-\u2010-\u2015\u2212]{1,3}|n\.?\s?a\.?|n/a|n\.?d\.?)\s*", re.I)


def _figured(cell: dict | None) -> bool:
    """Whether a cell prints something to join: text that is not a dash or "NA" for a visit not measured."""
    text = _text(cell)
    return bool(text) and not _NOT_MEASURED.fullmatch(text)


_DIGIT = re.compile(r"\d")


def _joined_here(above: dict | None, cell: dict | None) -> bool:
    """Whether a cell of a continuation row is joined to the cell above it: it prints something, and not the same
    figure as the cell above (a figure spanning both lines, repeated in each as a rowspan repeats it: "1.182 (0.226)"
    beside "1.234" over "(0.234)"; repeated words stay cells of the row, which is then no continuation)."""
    return _figured(cell) and not (_text(cell) == _text(above) and _DIGIT.search(_text(cell)))


def _text(cell: dict | None) -> str:
    return str(cell.get("text") or "").strip() if cell is not None else ""


def _continues(upper: dict[int, dict], lower: dict[int, dict]) -> str | None:
    """How `lower` continues `upper`'s bare figures (see the module's description): "" when it holds only their
    brackets, the spread's name ("SD", "IQR", "95% CI") when its label names the spread its cells hold, None when it
    is a row of its own."""
    lower_label, upper_label = _text(lower.get(0)), _text(upper.get(0))
    if _SIZES_ONLY.fullmatch(lower_label):
        lower_label = ""        # "(n = 34, 32)": the numbers of the row above, a label of no row of its own
    spread = _spread_named(lower_label) if lower_label and lower_label != upper_label else ""
    filled = [c for c, cell in lower.items() if c > 0 and _joined_here(upper.get(c), cell)]
    if not upper_label or not filled:
        return None
    # ("Median (IQR) | 44 (38-52)" over "Range | 22-68": the range of the figure above, which has its own spread)
    above = (lambda t: _BARE_FIGURE.fullmatch(t) or _ONE_SPREAD.fullmatch(t)) if spread == "range" else _BARE_FIGURE.fullmatch
    if not all(above(_text(upper.get(c))) for c in filled):
        return None
    if not lower_label or lower_label == upper_label or _label_goes_on(upper_label, lower_label):
        return "" if all(_BRACKET_ONLY.fullmatch(_text(lower[c])) for c in filled) else None
    if spread and not _STATISTIC_LABEL.fullmatch(upper_label) and all(_SPREAD_CELL.fullmatch(_text(lower[c])) for c in filled):
        # an "SD" or "SE" row of whole numbers under whole numbers ("PR | 04 | 02" over "SD | 02 | 00") is as likely
        # a category (stable disease) counted: only a decimal on either row makes it a spread
        if spread in ("SD", "SE") and not any("." in _text(row.get(c)) for row in (upper, lower) for c in filled):
            return None
        return spread
    return None


# the rest of a row label broken over two lines: a few words, no figure, no statistic or spread named
_LABEL_REST = re.compile(r"\s*[A-Za-z][A-Za-z'-]*(?:[\s/-]+[A-Za-z][A-Za-z'-]*){0,2}\s*")


def _label_goes_on(upper_label: str, lower_label: str) -> bool:
    """Whether the lower row's label is the rest of the label above, printed on the next line with the figures'
    brackets ("Speech/Language/ | 6.53 | 5.68" over "Communication | (3.39) | (2.43)"): a few words only, neither a
    spread's nor a statistic's name, under a label that is no statistic either. (`_continues` then asks that its
    cells be brackets only under the bare figures above.)"""
    return bool(_LABEL_REST.fullmatch(lower_label)) and not _spread_named(lower_label) \
        and not _STATISTIC_LABEL.fullmatch(lower_label) and not _STATISTIC_LABEL.fullmatch(upper_label)


def _joined_label(upper: str, lower: str) -> str:
    """The label broken over two lines read whole: "Speech/Language/" + "Communication" -> "Speech/Language/Communication",
    "Sensory/Cognitive" + "Awareness" -> "Sensory/Cognitive Awareness"."""
    return f"{upper}{'' if upper.endswith(('/', '-')) else ' '}{lower}"


# a mean with its spread after a plus-minus ("12.1 ± 1.1", "-.4±.2") and a range in its brackets ("(10.1-14.0)")
_MEAN_PM_CELL = re.compile(r"\s*[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)\s*(?:\u00b1|\+/-)\s*(?:\d+(?:\.\d+)?|\.\d+)\s*[*\u2020\u2021\u00a7#]*\s*")
_RANGE_CELL = re.compile(r"\s*[(\[]\s*(?P<low>[-+\u2212]?\d+(?:\.\d+)?)\s*(?:[-\u2010-\u2015]|to|,|;)\s*"
                         r"(?P<high>[-+\u2212]?\d+(?:\.\d+)?)\s*[)\]]\s*")
_FIGURE_ONLY = re.compile(r"\s*(?P<x>[-+\u2212]?\d+(?:\.\d+)?)\s*")


def _number(text: str) -> float:
    return float(text.replace("\u2212", "-"))


def _median_lines(rows: list[dict[int, dict]]) -> tuple[str, dict[int, str]] | None:
    """(the label, {column: "median (low-high)"}) of three lines of one variable: its means with their spreads on the
    labelled line, then a line without a label of bare figures in those columns, then a line without a label (or
    labelled "(range)") of a bracketed pair in the same columns, each figure inside its pair: the medians and their
    ranges (columns of visits not measured, "--", left out). None for any other three rows."""
    top, middle, bottom = rows
    label = _text(top.get(0))
    if not label or _text(middle.get(0)) or (_text(bottom.get(0)) and _spread_named(_text(bottom.get(0))) != "range"):
        return None
    means = {c for c, cell in top.items() if c > 0 and _figured(cell)}
    centres = {c: _FIGURE_ONLY.fullmatch(_text(cell)) for c, cell in middle.items() if c > 0 and _figured(cell)}
    ranges = {c: _RANGE_CELL.fullmatch(_text(cell)) for c, cell in bottom.items() if c > 0 and _figured(cell)}
    if not centres or set(centres) != set(ranges) or not set(centres) <= means or \
            not all(_MEAN_PM_CELL.fullmatch(_text(top[c])) for c in means) or \
            not all(centres.values()) or not all(ranges.values()):
        return None
    out = {}
    for c, centre in centres.items():
        low, high, x = _number(ranges[c].group("low")), _number(ranges[c].group("high")), _number(centre.group("x"))
        if not low <= x <= high or low == high:
            return None
        out[c] = f"{centre.group('x')} ({ranges[c].group('low')}-{ranges[c].group('high')})"
    return label, out


def with_median_lines(table: dict) -> dict:
    """The grid with each variable's median line and range line under its line of means (`_median_lines`) joined into
    one line labelled as the variable's median (range) ("Hemoglobin" / "12.1 ± 1.1" over "12.0" over "(10.1-14.0)":
    a line "Hemoglobin, median (range)" of "12.0 (10.1-14.0)"; the joined cell spans both lines), the range line
    dropped and the rows under it renumbered. A grid without such lines is returned as it is."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not any("\u00b1" in str(c.get("text") or "") or "+/-" in str(c.get("text") or "") for c in cells):
        return table
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        by_row.setdefault(int(c.get("row", 0)), {})[int(c.get("col", 0))] = c
    header = {r for r, row in by_row.items() if any(c.get("header") for c in row.values())}
    ordered = [r for r in sorted(by_row) if r not in header]
    replaced: dict[tuple[int, int], dict] = {}
    dropped: set[int] = set()
    for a, b, c in zip(ordered, ordered[1:], ordered[2:]):
        if {a, b, c} & dropped or b - a != 1 or c - b != 1 or by_row[b].get(0) is None:
            continue
        found = _median_lines([by_row[a], by_row[b], by_row[c]])
        if found is None:
            continue
        label, joined = found
        replaced[(b, 0)] = dict(by_row[b][0], text=f"{label}, median (range)")
        for col, text in joined.items():
            end = by_row[c][col].get("end") if isinstance(by_row[c][col].get("end"), int) else by_row[b][col].get("end")
            replaced[(b, col)] = dict(by_row[b][col], text=text, end=end)
        dropped.add(c)
    if not dropped:
        return table
    shift = {r: sum(1 for d in dropped if d < r) for r in by_row}
    out = []
    for cell in cells:
        r = int(cell.get("row", 0))
        if r in dropped:
            continue
        cell = replaced.get((r, int(cell.get("col", 0))), cell)
        out.append(dict(cell, row=r - shift[r]) if shift[r] else cell)
    return dict(table, cells=out)


def with_continuation_rows(table: dict) -> dict:
    """The grid with each continuation row's brackets joined to the figures above them (the joined cell spans both
    lines: its start the figure's, its end the bracket's) and the continuation row dropped, the rows under it
    renumbered so the body stays contiguous. A table without such a row is returned as it is. A variable's median
    and range lines under its means are joined first (`with_median_lines`)."""
    table = with_median_lines(table)
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not any(mark in str(c.get("text") or "") for c in cells for mark in ("(", "[", "\u00b1")) and \
            not any(_spread_named(str(c.get("text") or "").strip()) for c in cells if int(c.get("col", 0)) == 0):
        return table
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        by_row.setdefault(int(c.get("row", 0)), {})[int(c.get("col", 0))] = c
    header = {r for r, row in by_row.items() if any(c.get("header") for c in row.values())}
    ordered = sorted(by_row)
    joined: dict[int, dict[int, dict]] = {}       # upper row -> its joined cells
    dropped: set[int] = set()
    # a table of tumour responses ("CR", "PR", "SD", "PD"): its "SD" row is stable disease, never a spread
    responses = any(_RESPONSE_CLASS.fullmatch(_text(row.get(0))) for row in by_row.values())
    for upper_row, lower_row in zip(ordered, ordered[1:]):
        if upper_row in header or lower_row in header or upper_row in dropped:
            continue
        if responses and _spread_named(_text(by_row[lower_row].get(0))) in ("SD", "SE"):
            continue
        upper, lower = by_row[upper_row], by_row[lower_row]
        spread = _continues(upper, lower)
        if spread is None:
            continue
        joined[upper_row] = {}
        upper_label, lower_label = _text(upper.get(0)), _text(lower.get(0))
        if not spread and lower_label and lower_label != upper_label and not _SIZES_ONLY.fullmatch(lower_label):
            # ("Speech/Language/" over "Communication": the label's second line goes with the brackets)
            joined[upper_row][0] = dict(upper[0], text=_joined_label(upper_label, lower_label),
                                        end=lower[0].get("end") if isinstance(lower[0].get("end"), int) else upper[0].get("end"))
        for c, cell in lower.items():
            if c == 0 or not _joined_here(upper.get(c), cell):
                continue
            above = upper[c]
            end = cell.get("end") if isinstance(cell.get("end"), int) else above.get("end")
            open_, close = ("[", "]") if spread and not _BARE_FIGURE.fullmatch(_text(above)) else ("(", ")")
            # (a tilde between the bounds written as the grammar's dash: the joined cell is read, the grid's offsets
            # keep the printed text as evidence)
            printed = re.sub(r"\s*[~\uff5e]\s*", "-", _SPREAD_CELL.fullmatch(_text(cell)).group("spread")) if spread else ""
            below = f"{open_}{spread} {printed}{close}" if spread else _text(cell)
            joined[upper_row][c] = dict(above, text=f"{_text(above)} {below}", end=end)
        dropped.add(lower_row)
    if not dropped:
        return table
    shift = {r: sum(1 for d in dropped if d < r) for r in ordered}
    out = []
    for c in cells:
        r = int(c.get("row", 0))
        if r in dropped:
            continue
        c = joined.get(r, {}).get(int(c.get("col", 0)), c)
        out.append(dict(c, row=r - shift[r]) if shift[r] else c)
    return dict(table, cells=out)


# ------------------------------------------------------------------------------------------ what a row label is
# "Yes" / "No" rows under a heading ("Diabetes" over "Yes | 5 | 7" and "No | 35 | 31"): the two answers are categories
# of the heading. A bare "No" is also how a table may label its row of arm sizes ("No | 40 | 38", the number), so a
# "No" row is an answer only beside a "Yes" row (above or below it, in either order).
_NO = re.compile(r"\s*no\s*:?\s*", re.I)
_YES = re.compile(r"\s*yes\s*[:.]?\s*", re.I)
# "Total", "Total, n", "Total (n)", "All patients", "Overall": as the table's first row, each arm's number of patients
# (at the foot of a list of categories the same word is their sum, and stays a row)
_WHOLE = re.compile(r"\s*(?:total|overall|all(?:\s+(?:patients|participants|subjects|cases))?)\s*(?:[,:]?\s*\(?\s*n\s*\)?)?"
                    r"\s*:?\s*", re.I)


def row_role(label: str, above: str, below: str, *, first: bool = False) -> str:
    """What a row label makes of its row beyond its words: "answer" (the "No" of a yes/no block, never a row of arm
    sizes), "sizes" (a "Total" or "All patients" row opening the table: the arms' numbers of patients when its cells
    are whole numbers), else "". `above` and `below` are the labels of the rows around it, `first` whether it is the
    table's first body row."""
    label = label or ""
    if _NO.fullmatch(label) and (_YES.fullmatch(above or "") or _YES.fullmatch(below or "")):
        return "answer"
    if first and _WHOLE.fullmatch(label):
        return "sizes"
    return ""


# ------------------------------------------------------------------------------------------ a label over two lines
# the second line of a row label that only ends a group's name: "group", "arm", "(n = 20)", "group (n = 20)", "[N=31]"
_LABEL_TAIL = re.compile(r"(?i)\s*(?=\S)(?:(?:the\s+)?(?:groups?|arms?|cohorts?)\b\s*)?"
                         r"(?:[(\[]?\s*n\s*=\s*\d+\s*[)\]]?)?\s*")


def with_two_line_labels(table: dict, heads: set[int]) -> dict:
    """The grid with each row label printed over two lines joined into one: a label-only row whose text only ends a
    group's name ("group", "(n = 20)") under a labelled row ("Experimental | 45.2 ± 6.1" over "group | |"), or a row
    whose label is such an ending and whose cells hold the figures under a label-only row ("Experimental | |" over
    "group | 45.2 ± 6.1"). The joined label is the row's with figures; the other row is dropped and the rows under it
    renumbered. Such an ending is never an outcome or a heading of its own. The grid unchanged when no row is one."""
    cells = table.get("cells") or []
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    body = sorted(r for r in by_row if r not in heads)

    def label(r: int) -> str:
        return _text(by_row[r].get(0))

    def bare(r: int) -> bool:       # a label and nothing else in the row
        return bool(label(r)) and not any(_text(c) for k, c in by_row[r].items() if k)

    joined: dict[int, dict] = {}        # kept row -> its joined label cell
    dropped: set[int] = set()
    for upper, lower in zip(body, body[1:]):
        if upper in dropped or lower != upper + 1 or not label(upper) or not _LABEL_TAIL.fullmatch(label(lower)) \
                or _LABEL_TAIL.fullmatch(label(upper)):
            continue
        first, second = by_row[upper][0], by_row[lower][0]
        text = f"{label(upper)} {label(lower)}"
        if bare(lower):
            kept, gone = upper, lower
        elif bare(upper):
            kept, gone = lower, upper
        else:
            continue
        joined[kept] = dict(by_row[kept][0], text=text, start=first.get("start"), end=second.get("end"))
        dropped.add(gone)
    if not dropped:
        return table
    out = []
    for c in cells:
        r = int(c["row"])
        if r in dropped:
            continue
        if r in joined and int(c["col"]) == 0:
            c = joined[r]
        shift = sum(1 for d in dropped if d < r)
        out.append(dict(c, row=r - shift) if shift else c)
    return dict(table, cells=out)


# a cell counting patients or things: a whole number first, its share after it or not ("44 (62.85)", "68", "10 (14%)")
_LEADING_COUNT = re.compile(r"\s*(?P<n>\d{1,6})(?:\s*[(\[][^()\[\]]*[)\]])?\s*[*\u2020\u2021\u00a7#a-d]*\s*")
_BARE_COUNT = re.compile(r"\s*\d{1,6}\s*")


def counts_its_sub_rows(row: dict[int, str], sub_rows: list[dict[int, str]], columns: list[int]) -> bool:
    """Whether a row of bare counts ("Quality of transferred embryo (n, %) | 68 | 58") only totals the category rows
    under it ("| A | 44 (62.85) | 34 (48.57)", "| A-B | 14 (20.0) | 20 (28.57)", "| B | 10 (14.28) | 4 (5.71)"): in
    every filled column the sub-rows' counts add up to its count exactly, over two sub-rows at least. Such a row counts
    the things the categories divide (embryos, lesions), no share of the arm's patients. `row`, `sub_rows`: cell
    texts by column; `columns`: the arms' columns."""
    filled = [c for c in columns if row.get(c, "").strip()]
    if len(sub_rows) < 2 or not filled or not all(_BARE_COUNT.fullmatch(row[c]) for c in filled):
        return False
    for column in filled:
        counts = [_LEADING_COUNT.fullmatch(sub.get(column, "") or "") for sub in sub_rows]
        if not all(counts) or sum(int(m.group("n")) for m in counts) != int(row[column]):
            return False
    return True
