"""A table's header as a tree: spanning cells over their leaf columns, and header levels printed again in the body.

A grid's header rows are levels of one tree: a cell of an upper level spans the leaf columns under it ("Baseline"
over "Control (n = 74) | Intervention (n = 80) | P"), and every leaf column takes its name, size, time and statistic
from the cells above it. A table may print a level of that tree again inside its body, with its own label and its own
sizes: a second population ("PP | A (n = 42) | B (n = 34)" after the ITT rows), a second block of patients
("Partner type 2 | Control (n = 64) | Intervention (n = 55)"). The rows under such a line take its sizes, and the
levels above it (the times spanning the arms) stay theirs.

Each function takes plain texts (a row is {column: text}), so it is tested on grids written as strings; the table
reader (`table_reader.header_blocks`) asks them.
"""
from __future__ import annotations

import re

from .grammar import statistic_name
from .study import split_size

# a cell's format after its name: "n (%)", "n/N (%)", "mean (SD)", "%", "(%)" (a word's last letter is no "n": "Mean")
_FORMAT_WORDS = re.compile(r"(?i)(?<![A-Za-z])\s*(?:(?:n|no\.?)\s*(?:/\s*N\s*)?[(\[]\s*%\s*[)\]]|[(\[]\s*%\s*[)\]]|%|n|no\.?|"
                           r"(?:mean|median)\s*(?:[(\[]\s*(?:SD|SEM?|IQR|range)\s*[)\]]|\u00b1\s*SD))\s*$")


def header_name(text: str) -> str:
    """A header cell's name without its size and its format ("Control (n = 74) n (%)" -> "control", "CHO (n = 42)" ->
    "cho", "(n = 42)" -> ""), spaces and case aside: two cells naming one column alike have one name."""
    name = split_size(re.sub(r"\s+", " ", text or "").strip())[0]
    while True:
        bare = _FORMAT_WORDS.sub("", name).strip(" ,;:()[]")
        if bare == name:
            break
        name = bare
    return name.lower()


def _words(text: str) -> bool:
    """Whether a cell is words (a name, a statistic), not a figure: letters, and no number opening it."""
    return bool(re.search(r"[A-Za-z]", text)) and not re.match(r"\s*[-\u2212+<>\u2264\u2265]?\s*\.?\d", text)


def reprinted_level(row: dict[int, str], levels: list[dict[int, str]]) -> int | None:
    """The header level a body row prints again, or None: every cell of the row after its label (two at least) is
    words naming the column as that level's cell over it names it, sizes and formats aside ("PP | A (n = 42) | B (n =
    34)" under "ITT | A (n = 46) | B (n = 43)"; "Partner 2 | Control (n = 64) | | Control (n = 28)" under "Partner 1 |
    Control (n = 74) n (%) | P | Control (n = 42) n (%)"). The row's label may differ (it names the block); a level
    naming the columns by statistic only ("n (%) | n (%)") or by nothing is no match, nor a row of figures."""
    cells = {c: (t or "").strip() for c, t in row.items() if c and (t or "").strip()}
    if len(cells) < 2 or not all(_words(t) for t in cells.values()):
        return None
    names = {c: header_name(t) for c, t in cells.items()}
    if not all(names.values()) or len(set(names.values())) < 2 and len(names) < 3:
        return None     # ("| Yes | Yes |": one word twice says too little of a header)
    for level, head in enumerate(levels):
        if all(header_name(head.get(c, "")) == name for c, name in names.items()):
            return level
    return None


def statistic_row(row: dict[int, str]) -> bool:
    """Whether a row names only statistics after its label ("Scores | Min-Max | Mean | SD | Mean | SD | P", "| n (%)
    | n (%)"): a header level of the columns' statistics, whatever its label says (the stub's own heading). Two
    named statistics at least; a p-value's column ("P") may be among them."""
    cells = [(t or "").strip() for c, t in row.items() if c and (t or "").strip()]
    if len(cells) < 2:
        return False
    named = [t for t in cells if statistic_name(t) is not None or _FORMAT_WORDS.fullmatch(t)]
    p_values = [t for t in cells if re.fullmatch(r"(?i)p(?:[- ]?values?)?\s*[*\u2020\u2021]?", t)]
    return len(named) >= 2 and len(named) + len(p_values) == len(cells)


def visit_groups(when_level: int | None, texts: list[tuple[int, str]], names_a_column) -> set[str]:
    """The texts of one column's header that group its visits, not name the column: those above the level that says
    when, the column named again under it ("FU I" over "Pre-reduction" over "DF": "FU I"; "Follow-up 2" over "At 3
    months" over "Group A (n = 20)"). `texts`: the column's other header texts with their levels; `names_a_column`:
    whether a text names what the column is of (not a format or a statistic: "Control" over "Week 4" over "n (%)"
    keeps "Control"). An arm over its times ("Control" over "Pre | Post") is no group: nothing names it below."""
    if when_level is None:
        return set()
    if not any(level > when_level and names_a_column(t) for level, t in texts):
        return set()
    return {t for level, t in texts if level < when_level}


def repeated_group_spans(row: dict[int, str], below: dict[int, str], width: int, is_when=lambda text: False) -> dict[int, str]:
    """{column: text} of the empty cells of a header row that a text printed once spans, where the row's texts head
    column groups each over the same sub-columns ("| | Arm A | | | | Arm B | | | | Difference | |" over "baseline, n=23
    | baseline, n=23 | 3 months, n=23 | 3 months, n=23 | baseline, n=24 | ... | LS means | |": "Arm A" and "Arm B"
    each over four columns; "Drug X | | Placebo |" over "n | % | n | %"). A group runs from its text to the next text of
    the row (the last to the table's end); two groups at least whose cells below are all printed and name the same
    sub-columns, sizes and formats aside, in the same order, are spread. A group unlike them (the difference's two
    columns over "LS means" and a blank) and a text saying when (the reader spreads those itself) keep their cells."""
    starts = sorted(c for c, t in row.items() if c > 0 and (t or "").strip())
    if len(starts) < 2:
        return {}
    groups = {a: list(range(a, b)) for a, b in zip(starts, starts[1:] + [width])}
    shapes: dict[int, tuple[str, ...] | None] = {}
    for a, cols in groups.items():
        printed = [(below.get(c) or "").strip() for c in cols]
        shapes[a] = tuple(header_name(t) for t in printed) if len(cols) >= 2 and all(printed) else None
    counted: dict[tuple[str, ...], int] = {}
    for shape in shapes.values():
        if shape is not None:
            counted[shape] = counted.get(shape, 0) + 1
    out: dict[int, str] = {}
    for a, cols in groups.items():
        if shapes[a] is None or counted[shapes[a]] < 2 or is_when(row[a]):
            continue
        out.update({c: row[a] for c in cols[1:] if not (row.get(c) or "").strip()})
    return out
