"""Which way a table grid is read, decided by whether its numbers are consistent with that reading.

A grid can print the same facts in several layouts (arms in columns; arms as row labels with the measures in columns;
arms as row labels repeated in blocks under section rows, one block per moment). The readers of `table_reader` each
know one layout; the functions here look at what the grid prints and complete a reading where only one reading of
the axis is consistent:
- `cell_shape`: the shape of a body cell ("mean ± spread", "x (y)", "n (%)", a bare number, a p-value, words), so
  that a reading can be checked: every cell of one measure prints one shape;
- `arm_rows_by_elimination`: row labels that name no arm of the study model but sit beside the rows of the arms it
  names, in lockstep (one such row in every block, printing the same shapes in every column), in a trial where
  exactly one arm is still unplaced: that arm ("BIS group" over "Non-BIS group" under each moment's section row: the
  second row is the other arm, whatever words it prints).
Each function takes plain texts and keys (no grid objects), so it is tested on grids written as strings.
"""
from __future__ import annotations

import re
from collections.abc import Hashable

# the shapes a body cell prints, most specific first
_NUM = r"[-+\u2212]?(?:\d+(?:[.,\u00b7]\d+)?|[.,\u00b7]\d+)"
_SHAPES: list[tuple[str, re.Pattern]] = [
    ("p", re.compile(r"\s*(?:[pP]\s*(?:[-\s]?values?)?\s*[=<>\u2264\u2265]\s*|[<>\u2264\u2265]\s*)0?[.,\u00b7]\d+\s*[*\u2020\u2021\u00a7a-d]*\s*")),
    ("mean_spread", re.compile(rf"\s*{_NUM}\s*%?\s*(?:\u00b1|\+/-|\+\s*/\s*-)\s*{_NUM}\s*%?\s*[*\u2020\u2021\u00a7a-d]*\s*")),
    ("interval", re.compile(rf"\s*{_NUM}\s*[(\[]\s*{_NUM}\s*(?:[-\u2013\u2014,;]|to)\s*{_NUM}\s*[)\]]\s*[*\u2020\u2021\u00a7a-d]*\s*")),
    ("count_share", re.compile(rf"\s*\d+\s*[(\[]\s*{_NUM}\s*%\s*[)\]]\s*[*\u2020\u2021\u00a7a-d]*\s*")),
    ("paren", re.compile(rf"\s*{_NUM}\s*%?\s*[(\[]\s*{_NUM}\s*%?\s*[)\]]\s*[*\u2020\u2021\u00a7a-d]*\s*")),
    ("fraction", re.compile(r"\s*\d+\s*/\s*\d+\s*")),
    ("bare", re.compile(rf"\s*{_NUM}\s*%?\s*[*\u2020\u2021\u00a7a-d]*\s*")),
]


# footnote letters after a figure, capital or small, one or a list: "157.8 ± 22.8 A, a", "163.3 ± 27.0^A"
_LETTER_MARKS = re.compile(r"(?<=[\d)\]%])\s*\^?[A-Da-d](?:\s*,\s*\^?[A-Da-d])*\s*$")


def cell_shape(text: str) -> str:
    """The shape of a body cell: "p" (a p-value, "0.510" is a bare number, "p < 0.001" and "<0.001" are p-values),
    "mean_spread" ("12.1 ± 3.4"), "interval" ("4 (2–7)"), "count_share" ("12 (34%)"), "paren" ("12 (34.3)",
    "4.1 (1.2)"), "fraction" ("12/40"), "bare" ("0.381", "24"), "words", or "" for an empty cell."""
    text = _LETTER_MARKS.sub("", (text or "").strip())
    if not text:
        return ""
    for name, pattern in _SHAPES:
        if pattern.fullmatch(text):
            return name
    return "words" if not re.search(r"\d", text) else "other"


def row_shapes(cells: dict[int, str]) -> tuple[tuple[int, str], ...]:
    """The shapes of a row's filled cells, by column (the label column 0 left out)."""
    return tuple((col, cell_shape(text)) for col, text in sorted(cells.items()) if col and (text or "").strip())


# a row of the comparison, not of an arm: "P value", "p", "Difference", "t", "Effect size", "95% CI", "Mean difference"
_NOT_AN_ARM_ROW = re.compile(
    r"\s*(?:p(?:\s?[-\u2010\u2013]?\s?values?)?|sig\.?|significance|t|f|z|\u03c7\s*2|chi[-\s]?squared?|"
    r"(?:mean\s+|treatment\s+|between[-\s]groups?\s+)?differences?|effect\s+sizes?|95\s*%\s*ci|ci|"
    r"total|all(?:\s+patients|\s+participants)?|overall)\b.*", re.I)
# ("Placebo phase" beside "Treatment phase": a sequential design's periods are its arms)
_GROUP_WORDS = re.compile(r"\b(?:the|group|groups|arm|arms|patients|participants|subjects|condition|phases?|periods?)\b", re.I)
# "Non-X", "No X", "Without X": the arm that is not X
_NEGATED = re.compile(r"\s*(?:non|no|not|without)\s*[-\u2010\u2013 ]\s*(?P<rest>.+)", re.I)


def _core(label: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", _GROUP_WORDS.sub(" ", label.lower())))


def _negates(label: str, named: str) -> bool:
    """"Non-BIS group" of "BIS group", "No exercise" of "Exercise": the label is the other label's negation."""
    m = _NEGATED.fullmatch(label)
    return m is not None and bool(_core(named)) and _core(m.group("rest")) == _core(named)


def _same_frame(label: str, named: str) -> bool:
    """"Comparison group" beside "Yoga group", "Arm B" beside "Arm A": both labels print the same group word, so
    both name groups of patients ("Women" beside "Yoga group" names a kind of patient, no group)."""
    words = {w.lower() for w in _GROUP_WORDS.findall(label)} - {"the"}
    return bool(words) and words == {w.lower() for w in _GROUP_WORDS.findall(named)} - {"the"}


def arm_rows_by_elimination(labels: dict[int, str], cells: dict[int, dict[int, str]], resolved: dict[int, Hashable],
                            arms: list[Hashable]) -> dict[int, Hashable]:
    """{row: arm} for the rows of the one arm of `arms` that no row of `resolved` names, read from a row label that
    stands in lockstep beside the arms' rows: the label's rows as many as each named arm's rows, each one next to a
    row of every named arm (no row of another label between them but the arms' own), printing the same shapes in the
    same columns (`row_shapes`), and named as a group the way the arm's label is (the same group word: "Comparison group"
    beside "Yoga group", `_same_frame`) in two blocks or more, or as the named arm's negation ("Non-BIS group" beside
    "BIS group", in one block too). {} when no arm or more than
    one is unplaced, or no label or more than one label fits.

    `labels`: {row: label} of the body rows in order; `cells`: {row: {column: text}}; `resolved`: {row: arm} of the
    rows the study model names; `arms`: the study's arms."""
    placed = {id(a) for a in resolved.values()}
    if not placed <= {id(a) for a in arms}:
        return {}       # rows named by the table's own groups: not the study's arms to complete
    missing = [a for a in arms if id(a) not in placed]
    if len(missing) != 1 or len(placed) < 1 or len(placed) != len(arms) - 1:
        return {}
    order = sorted(labels)
    position = {r: i for i, r in enumerate(order)}
    by_arm: dict[int, list[int]] = {}
    for r in sorted(resolved):
        by_arm.setdefault(id(resolved[r]), []).append(r)
    counts = {len(rows) for rows in by_arm.values()}
    if len(counts) != 1:
        return {}
    blocks = counts.pop()
    arm_labels = {labels.get(r, "") for r in resolved}
    candidates: dict[str, list[int]] = {}
    for r in order:
        label = (labels.get(r) or "").strip()
        if r in resolved or not label or _NOT_AN_ARM_ROW.fullmatch(label) or not row_shapes(cells.get(r, {})):
            continue
        candidates.setdefault(label, []).append(r)
    fits = []
    for label, rows in candidates.items():
        if len(rows) != blocks:
            continue
        if not any(_negates(label, named) or blocks > 1 and _same_frame(label, named) for named in arm_labels):
            continue
        fitting = True
        for i, r in enumerate(rows):
            mates = [arm_rows[i] for arm_rows in by_arm.values()]
            span = sorted([r, *mates])
            # next to the arms' rows: only those rows between them
            between = [x for x in order[position[span[0]]:position[span[-1]] + 1] if x not in span]
            if between or any(not _same_shapes_beside(cells.get(r, {}), cells.get(m, {})) for m in mates):
                fitting = False
                break
        if fitting:
            fits.append(rows)
    if len(fits) != 1:
        return {}
    return {r: missing[0] for r in fits[0]}


def _same_shapes_beside(cells: dict[int, str], named: dict[int, str]) -> bool:
    """Whether a row prints the shapes a named arm's row prints in the same columns; it may print more in columns the
    named row leaves empty ("Δ Drug-Placebo | -12 (-7%)" in the treatment's row only: the arms' difference)."""
    own, theirs = dict(row_shapes(cells)), dict(row_shapes(named))
    return bool(theirs) and all(own.get(col) == shape for col, shape in theirs.items())


def _decimal_value(text: str) -> tuple[float, int] | None:
    """A bare number's value and its count of decimals ("+0.832" → (0.832, 3)), None for any other cell."""
    text = (text or "").strip().replace("\u2212", "-")
    if cell_shape(text) != "bare" or "%" in text:
        return None
    m = re.fullmatch(r"([-+]?)(\d*)[.,\u00b7]?(\d*)\s*[*\u2020\u2021\u00a7a-d]*", text)
    if m is None or not (m.group(2) or m.group(3)):
        return None
    return float(f"{m.group(1)}{m.group(2) or '0'}.{m.group(3) or '0'}"), len(m.group(3))


def _difference_fits(arms: list[list[float]], difference: float, decimals: int, se: float | None) -> bool:
    """Whether a difference printed beside two arms' bare figures is a difference of them: of their last figures
    (the arms compared at the end), or of their changes (last minus first, with a before and an after per arm), in
    either direction, within the difference's standard error (an adjusted difference stays near the crude one),
    else within a tenth of it, and never closer than its printed decimals allow."""
    if len(arms) != 2 or not all(arms):
        return False
    (first, second) = arms
    candidates = [second[-1] - first[-1]]
    if len(first) >= 2 and len(second) >= 2:
        candidates.append((second[-1] - second[0]) - (first[-1] - first[0]))
    tolerance = max(se or 0.0, 0.1 * abs(difference), 0.5 * 10 ** -decimals)
    return any(abs(difference - c) <= tolerance or abs(difference + c) <= tolerance for c in candidates)


def compared_bare_figures(rows: list[tuple[list[list[str]], str, str]]) -> bool:
    """Whether the arms' bare figures of a table are means (of a quantity measured on each patient, not counts), read
    from the difference column printed beside them: `rows` are the body rows, each (the arm cells in column order per
    arm — [[before, after], [before, after]] or [[value], [value]] —, the difference cell, its standard error's cell
    or ""). True when every arm cell of the rows that print a difference is a bare number, one at least with a
    decimal point (no count), and the difference is a difference of the arms' figures (`_difference_fits`) on two
    rows or more and on more than half of them ("0.332 | 0.400 | 0.329 | 1.225 | +0.832 | 0.170": the second arm rose
    by 0.896, the first by 0.068, their difference 0.83)."""
    fitting = tried = 0
    decimal_seen = False
    for arms, difference_text, se_text in rows:
        difference = _decimal_value(difference_text)
        if difference is None:
            continue
        values = [[_decimal_value(t) for t in cells] for cells in arms]
        if any(v is None for cells in values for v in cells) or not all(values):
            return False
        decimal_seen = decimal_seen or any(v[1] for cells in values for v in cells)
        se = _decimal_value(se_text)
        tried += 1
        if _difference_fits([[v[0] for v in cells] for cells in values], difference[0], difference[1],
                            se[0] if se is not None else None):
            fitting += 1
    return decimal_seen and fitting >= 2 and 2 * fitting > tried


# a short name of a group: a token of capitals and digits, as a header prints a condition the text defines ("WM", "BR",
# "PL", "CB1")
_CODE = re.compile(r"[A-Z][A-Za-z0-9+/&]{0,5}")
# a header naming the difference of two groups: "∆BM-WM", "Δ (A − B)", "BR vs PL", "Difference BR-PL"
_DIFFERENCE_OF = re.compile(
    r"\s*(?:\u0394|\u2206|delta|diff(?:erence)?\.?)?\s*[(\[]?\s*(?P<a>[A-Z][A-Za-z0-9+/&]{0,5})\s*"
    r"(?:[-\u2212\u2013\u2014]|vs\.?|versus|minus)\s*(?P<b>[A-Z][A-Za-z0-9+/&]{0,5})\s*[)\]]?\s*[*\u2020\u2021a-d]?\s*",
    re.I)


def compared_code_columns(tops: dict[int, str], defined) -> tuple[dict[int, str], set[int]]:
    """The columns of groups a table heads by short names the document defines, proved groups by a column of their
    difference: ({column: its group's short name}, {the difference columns}). `tops`: each column's top header ("WM"
    over "T1 | T2 | ∆T2-T1", "∆BM-WM"); `defined`: whether the document defines a short name ("orange juice with
    meals (WM)"). Two defined names at least, and a column naming the difference of two of them ("∆BM-WM", "BR vs
    PL"); else ({}, set()): short names alone may be outcomes ("SBP | DBP"), which no column subtracts."""
    codes: dict[int, str] = {}
    for col, top in tops.items():
        name = (top or "").strip()
        if col and _CODE.fullmatch(name) and defined(name):
            codes[col] = name
    names = set(codes.values())
    differences = set()
    for col, top in tops.items():
        m = _DIFFERENCE_OF.fullmatch(top or "")
        if col and col not in codes and m is not None and m.group("a") != m.group("b") and \
                {m.group("a"), m.group("b")} <= names:
            differences.add(col)
    if len(names) < 2 or not differences:
        return {}, set()
    return codes, differences


# a column that prints the range of the figures of the column before it: "Range", "Min–max", "(min, max)", "Min - Max"
_RANGE_HEADER = re.compile(r"\s*[(\[]?\s*(?:range|min(?:imum)?\.?\s*(?:[-\u2013\u2014,/]|to)\s*max(?:imum)?\.?)\s*[)\]]?\s*", re.I)
_RANGE_CELL = re.compile(rf"\s*[(\[]?\s*(?P<low>{_NUM})\s*(?:[-\u2013\u2014,;]|to)\s*(?P<high>{_NUM})\s*[)\]]?\s*")


def range_columns(headers: dict[int, str], value_columns: list[int]) -> dict[int, int]:
    """{value column: its range column} of the value columns a "Range" column follows ("Mean (SD) | Range": one
    quantity per row, its mean and SD in one column and the range of the same patients' values in the next)."""
    found = {}
    for left, right in zip(value_columns, value_columns[1:]):
        if right == left + 1 and _RANGE_HEADER.fullmatch(headers.get(right) or "") and \
                not _RANGE_HEADER.fullmatch(headers.get(left) or ""):
            found[left] = right
    return found


def range_bounds(text: str) -> tuple[float, float] | None:
    """The low and high ends a range cell prints ("163.0 -191.0", "3.3–9.5", "(0, 12)"), low first; None for any other
    cell or ends out of order."""
    m = _RANGE_CELL.fullmatch((text or "").replace("\u2212", "-"))
    if m is None:
        return None
    low, high = (float(m.group(k).replace(",", ".").replace("\u00b7", ".")) for k in ("low", "high"))
    return (low, high) if low <= high else None


# a row label that names an arm inside the words saying the row is that arm's change: "Within ChiRunning change",
# "Change within the yoga group", "Yoga group change from baseline", "Within-group change, yoga"
_CHANGE_WORDS = re.compile(
    r"\b(?:within[-\s]+(?:the\s+)?(?:group\s+)?|(?:mean\s+)?changes?(?:\s+from\s+baseline)?(?:\s+(?:in|within|of|for)\s+(?:the\s+)?)?)",
    re.I)
_COMPARED = re.compile(r"\b(?:between|versus|vs\.?|difference|compared|minus)\b", re.I)


def arm_of_change_label(label: str) -> str:
    """The words left of a row label once the words saying "this arm's change" are taken out ("Within ChiRunning
    change" → "ChiRunning", "Change within the yoga group" → "yoga group"), for the study model to resolve; "" when
    the label says no change, or compares ("Between group difference", "Change, A vs B")."""
    label = (label or "").strip()
    if not _CHANGE_WORDS.search(label) or _COMPARED.search(label):
        return ""
    if not re.search(r"\b(?:within|changes?)\b", label, re.I):
        return ""
    rest = _CHANGE_WORDS.sub(" ", label)
    return " ".join(rest.replace(",", " ").split())


_INTERVAL_CELL = re.compile(rf"\s*(?P<value>{_NUM})\s*[(\[]\s*(?P<low>{_NUM})\s*(?:[-\u2013\u2014,;]|to)\s*(?P<high>{_NUM})\s*[)\]]\s*[*\u2020\u2021\u00a7a-d]*\s*")


def _centred(m: re.Match) -> bool:
    value, low, high = (float(m.group(k).replace("\u2212", "-").replace(",", ".")) for k in ("value", "low", "high"))
    decimals = max(len(m.group(k).split(".")[1]) if "." in m.group(k) else 0 for k in ("value", "low", "high"))
    return low <= value <= high and abs(value - (low + high) / 2) <= 10 ** -decimals + 1e-9 and high > low


def centred_intervals(cells: list[str]) -> bool:
    """Whether the "value [low to high]" cells of a grid are each centred on their value (to the printed decimals):
    a mean's or a difference's confidence interval, not a median's quartiles (which sit unevenly around it): three
    such cells at least, every one centred ("-0.22 [-7.81 to 7.37]", "4.33 [-3.1 to 11.77]")."""
    found = [m for m in (_INTERVAL_CELL.fullmatch((c or "").replace("\u2212", "-")) for c in cells) if m is not None]
    return len(found) >= 3 and all(_centred(m) for m in found)
