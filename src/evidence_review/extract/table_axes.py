"""Where a table's arms are, found from the grid and the study model, not from a list of known layouts.

A table puts the study's arms on any axis: as column headers ("Placebo (n = 47)"), as row labels ("Drug X | 12 (30%)
| 4.1 ± 1.2"), as the first stub column filled once per block ("Group I | Nausea | 3 (2.5%)" over "| Vomiting |
2 (1.7%)"), as a heading row over a block ("| Drug X | | |"), as sub-columns under a time or an outcome ("Week 4"
over "A | B | p"), or only in the caption ("... for group A"). Each data cell has a path: the texts of its row's
stub cells (blank stub cells filled from above, the block's heading row first) and the texts of its column's header
cells. `cell_paths` finds, in every path, the one element that names an arm (`resolve`, the study model's
resolution of a label), keeps the position most cells name their arm at (the arm axis), and hands back each data
cell with its arm and the other elements of its path (the outcome, the time, the statistic, left to the caller's
vocabulary). A path naming two arms, or none where the table names arms, gives nothing: a category that only
resembles an arm ("Placebo response") does not move the axis, and a table of the whole population names none.

`headless` tells a grid whose first row, taken as the header for want of a marked one, is a data row.
Each function takes plain texts (no grid objects), so it is tested on grids written as strings.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..tables import DESCRIPTIVE_MEASURES
from .arm_cells import count_within_arm, own_size, parse_arm_cell
from .column_roles import comparison_role
from .study import Arm
from .cells import prints_size_first
from .table_columns import statistic_role
from .declared_formats import column_header_format, header_statistic_format, label_format, refined_format, \
    table_format

# a cell that prints a figure: it starts with a number ("12 (30%)", "4.1 ± 1.2", "-0.3", ".45")
_FIGURE = re.compile(r"\s*[-\u2212+]?\.?\d")
# a cell that is a test's result or says nothing of an arm: "<0.001", "P = 0.03", "NS", "-"
_NO_FIGURE = re.compile(r"(?i)\s*(?:p\s*)?[<>=\u2264\u2265]\s*0?[.,]\d+\s*\**|\s*(?:ns|n\.s\.?|[-\u2013\u2014]+|na|n/a)\s*")


# a word of a label: three letters or more
_WORD = re.compile(r"[A-Za-z]{3,}")


# what is left of a header naming the arm over two rows ("HA" over "Group (mm)") or a statistic ("Mean ± (SD)")
_GROUP_WORD = re.compile(r"(?i)\s*(?:the\s+)?(?:groups?|arms?)\s*(?:[(\[][^()\[\]]{0,12}[)\]])?\s*")
_STATISTIC_LEFT = re.compile(r"(?i)\s*(?:means?|medians?|m)?\s*[\u00b1()\[\]]*\s*")


# an arm's figure as a body cell prints it, never a header: "3 (2.5%)", "12/40", "4.1 ± 1.2", "4.1 (1.2)"
_ARM_FIGURE = re.compile(r"\s*[-\u2212]?\d+(?:[.,]\d+)?\s*%?\s*(?:[(\[]\s*[-\u2212]?\d|/\s*\d|\u00b1|\+/?-)")


def _figure(text: str) -> bool:
    # ("n = 19: 4.09 (2.32)": the cell's own size printed before its figure)
    return bool(text) and bool(_FIGURE.match(text) or prints_size_first(text)) and not _NO_FIGURE.fullmatch(text)


@dataclass
class CellPath:
    """One data cell of the grid read on its paths: its arm (what `resolve` returned), the path element that named
    it (its size may be there: "Group I (n = 20)"), where the arm was named ("row", "heading", "column",
    "caption"), and the other elements of its row path and column path in order."""
    row: int
    col: int
    arm: object
    arm_text: str
    axis: str
    row_words: list[str] = field(default_factory=list)
    column_words: list[str] = field(default_factory=list)


def _stub_width(body: dict[int, dict[int, str]]) -> int:
    """How many leading columns hold the row labels: those where fewer than half the filled cells print a figure
    and no word ("1 hour", "3rd day", "45-60 years" are labels)."""
    width = 0
    last = max((c for row in body.values() for c in row), default=-1)
    for col in range(last + 1):
        texts = [row[col] for row in body.values() if row.get(col)]
        if texts and sum(_figure(t) and not _WORD.search(t) for t in texts) * 2 >= len(texts):
            break
        width = col + 1
    return width


def headless(grid: dict[int, dict[int, str]], heads: set[int]) -> bool:
    """Whether the one header row is a data row: beyond its stub it prints an arm's figure ("3 (2.5%)", "12/40",
    "4.1 ± 1.2") in every column where it prints anything, those columns print figures in the body too, and its stub
    a label ("Group I | Nausea | 3 (2.5%)" as the first row). A header of sizes ("| n = 29 | n = 32 |") or of times
    as bare numbers ("| 0 | 5 | 10 |") is a header."""
    if len(heads) != 1:
        return False
    top = grid.get(next(iter(heads)), {})
    body = {r: row for r, row in grid.items() if r not in heads}
    stub = _stub_width(body)
    cells = {c: t.strip() for c, t in top.items() if c >= stub and t and t.strip()}
    if len(cells) < 1 or not all(_figure(t) and not re.match(r"(?i)\s*n\s*=", t) for t in cells.values()) or \
            not all(_ARM_FIGURE.match(t) for t in cells.values()):
        return False        # ("Time (min) | 0 | 5 | 10": times as bare numbers head their columns)
    if not any(top.get(c, "").strip() for c in range(stub)):
        return False
    return all(any(_figure(row.get(c, "")) for row in body.values()) for c in cells)


def _column_paths(grid: dict[int, dict[int, str]], heads: set[int]) -> dict[int, list[str]]:
    """Each column's header texts from the top, a text repeated by a span given once; a text printed once over
    the first of the columns it spans, at regular steps ("| | Culture | | Fever | |" over "| | Positive | Negative |
    Yes | No |"), heads each of them (the table reader's reading of spans)."""
    from .table_reader import _spread_regular_spans
    by_cell = {(r, col): re.sub(r"\s+", " ", text or "").strip() for r in heads for col, text in grid.get(r, {}).items()}
    width = max((col + 1 for _, col in by_cell), default=0)
    ordered = sorted(heads)
    for r, below in zip(ordered, ordered[1:]):
        _spread_regular_spans(by_cell, r, below, width)
    paths: dict[int, list[str]] = {}
    for r in ordered:
        for col in range(width):
            text = by_cell.get((r, col), "")
            if text and text not in paths.setdefault(col, []):
                paths[col].append(text)
    return paths


def cell_paths(grid: dict[int, dict[int, str]], heads: set[int], resolve: Callable[[str], object | None],
               skip: Callable[[str], bool] = lambda text: False, caption_arm: object | None = None,
               skip_row: Callable[[str], bool] | None = None,
               stub_labels: frozenset[str] | set[str] = frozenset()) -> list[CellPath]:
    """Every data cell of the grid with its arm and the rest of its paths, or [] when the arms are not found on one
    axis: at least two arms named at one position of the paths (a stub column, the block headings, a header level),
    or else none named anywhere and `caption_arm` given (the caption's one arm: the whole table is that arm's).
    `skip(text)`: a header whose cells are no arm's figures (a p-value's, a difference's); `skip_row(text)`: such a
    row label (by default `skip`; a row's "HR" is a heart rate where a column's is a hazard ratio). `stub_labels`:
    labels the caller knows name rows (the arms it found in a stub column): the stub reaches the column printing them,
    however figure-like they look ("400 mg", "800 mg" beside "Placebo")."""
    skip_row = skip_row or skip
    body = {r: row for r, row in grid.items() if r not in heads}
    stub = max([_stub_width(body)] + [col + 1 for row in body.values() for col, text in row.items()
                                      if text and re.sub(r"\s+", " ", text).strip() in stub_labels])
    if not body or stub == 0:
        return []
    columns = _column_paths(grid, heads)
    data_columns = [c for c in sorted({c for row in body.values() for c in row}) if c >= stub
                    and not any(skip(t) for t in columns.get(c, []))]
    resolved: dict[str, object | None] = {}

    def arm_of(text: str) -> object | None:
        if text not in resolved:
            resolved[text] = resolve(text) if text else None
        return resolved[text]

    found: list[tuple[int, int, list[tuple[tuple[str, int], str]], list[tuple[tuple[str, int], str]]]] = []
    heading = ""
    carried = [""] * stub
    for r in sorted(body):
        row = body[r]
        labels = [re.sub(r"\s+", " ", row.get(k, "") or "").strip() for k in range(stub)]
        figures = [c for c in data_columns if _figure((row.get(c) or "").strip())]
        if not figures:
            if any(labels) and not any((row.get(c) or "").strip() for c in data_columns):
                heading, carried = " ".join(x for x in labels if x), [""] * stub    # "| Drug X | | |": a block's heading
            continue
        for k, label in enumerate(labels):
            if label:
                carried[k] = label
                carried[k + 1:] = [""] * (stub - k - 1)
            elif k == stub - 1:
                carried[k] = ""         # the innermost label is never carried: a blank one is blank
        if any(skip_row(x) for x in carried if x):
            continue
        row_path = ([(("heading", 0), heading)] if heading else []) + \
            [(("row", k), x) for k, x in enumerate(carried) if x]
        for col in figures:
            column_path = [(("column", level), x) for level, x in enumerate(columns.get(col, []))]
            found.append((r, col, row_path, column_path))
    named: list[tuple[int, int, str | None, object, str, list, list]] = []
    for r, col, row_path, column_path in found:
        arms = {}
        for position, text in row_path + column_path:
            arm = arm_of(text)
            if arm is not None:
                arms.setdefault(id(arm), (position[0], arm, text))
        if len(arms) > 1:
            continue        # a path naming two arms ("A vs B", an arm over another's column): no one arm's figure
        position, arm, text = next(iter(arms.values())) if arms else (None, None, "")
        named.append((r, col, position, arm, text, row_path, column_path))
    positions = Counter(p for _, _, p, _, _, _, _ in named if p is not None)
    out: list[CellPath] = []
    if positions:
        axis = positions.most_common(1)[0][0]
        if len({id(a) for _, _, p, a, _, _, _ in named if p == axis}) < 2:
            return []
        for r, col, position, arm, text, row_path, column_path in named:
            if position != axis:
                continue
            out.append(CellPath(r, col, arm, text, axis, [x for _, x in row_path if x != text],
                                [x for _, x in column_path if x != text]))
        return out
    if caption_arm is None:
        return []
    return [CellPath(r, col, caption_arm, "", "caption", [x for _, x in row_path], [x for _, x in column_path])
            for r, col, _, _, _, row_path, column_path in named]


def statistic_groups(paths: list[CellPath]) -> dict[tuple[int, int], dict[str, int]]:
    """{(row, column): {statistic: column}} of the cells of one row and arm whose columns each print one statistic of
    the same quantity ("N | Mean | SD", "Mean | SD | Median | IQR" under one header path, or under none): the group is
    one arm's figure, read from its centre's cell (the mean's, else the median's). A row's lone statistic, or
    statistics without a centre, make no group."""
    groups: dict[tuple, dict[str, int]] = {}
    for path in paths:
        leaf = path.column_words[-1] if path.column_words else ""
        stat = statistic_role(leaf) if leaf else None
        if stat is not None and stat != "p":
            groups.setdefault((path.row, id(path.arm), tuple(path.column_words[:-1])), {}).setdefault(stat, path.col)
    out: dict[tuple[int, int], dict[str, int]] = {}
    for (row, _, _), stats in groups.items():
        centre = stats.get("mean", stats.get("median"))
        if centre is not None and len(stats) >= 2:
            out.update({(row, col): stats for col in stats.values()})
    return out


# a stub label numbering a block of compared rows, as statistics printouts do: "Pair 1", "Block 2", "Comparison 3"
_BLOCK_NUMBER = re.compile(r"(?i)\s*(?:pair|block|comparison)\s*\d{1,2}\s*")


def beside_the_arm(label: str, arm) -> str:
    """What a label naming an arm says besides the arm ("Drug X pre-test" -> "pre-test", "Drug X, week 4" ->
    "week 4"): its words without those of the arm's name, canonical name and aliases, a group word ("group", "arm")
    and its size; "" when no word of three letters is left ("Drug X group (n = 20)"), or when the label does not
    open with the arm's name ("Control group" standing for the placebo arm, "Group 1" for a drug's)."""
    named = set(re.findall(r"[a-z0-9]+", f"{arm.name} {arm.canonical} {' '.join(arm.aliases)}".lower()))
    words = [w for w in re.split(r"\s+", label.strip()) if w]
    if not words or not set(re.findall(r"[a-z0-9]+", words[0].lower())) <= named or \
            not re.search(r"[a-z0-9]", words[0].lower()):
        return ""
    known = named | {"the", "group", "groups", "arm", "arms", "patients", "participants"}
    kept = [w for w in words if not set(re.findall(r"[a-z0-9]+", w.lower())) <= known]
    rest = " ".join(kept).strip(" ,;:-")
    return rest if re.search(r"[A-Za-z]{3}", rest) else ""


# a column of each arm's own change over the columns before it: "Difference value", "Change", "Reduction",
# "Mean change from baseline", "Decrease"
_WITHIN_ARM_CHANGE = re.compile(r"\s*(?:mean\s+)?(?P<word>difference|change|reduction|decrease|improvement)"
                                r"(?:\s+(?:value|score|from\s+baseline))?\s*(?:[(\[][^()\[\]]{0,20}[)\]])?\s*$", re.I)
_BARE_NUMBER = re.compile(r"\s*[-\u2212]?\d+(?:\.\d+)?\s*")
# a label naming two categories or a unit of two ("Sex (M/F)", "systolic/diastolic", "ml/min"): "64/70" under it
# is no count of a total
_PAIR_LABEL = re.compile(r"[A-Za-z]\s*/\s*[A-Za-z]")


def _a_count_of_the_arm(parsed: dict, n: int | None, words: list[str]) -> bool:
    """Whether a count read on the paths is one of the arm's patients: a total (the arm's size or one printed), its
    share printed beside it, or the printed total the arm's size; a bare "a/b" under a label of two categories or a
    unit is not ("128/82" of "Blood pressure (systolic/diastolic)")."""
    if parsed.get("total") is None:
        return False
    if parsed.get("pct_text") is not None:
        return True
    if n is not None:
        return parsed["total"] == n
    return not any(_PAIR_LABEL.search(w) for w in words)


# what a caller's `compared` labels resolve to: a row of the arms' difference on the arm axis, no arm of the study
_COMPARED = Arm(arm_id="", name="", canonical="", n=None, role="", start=0, end=0, source="table")


def read_by_paths(doc_id: str, text: str, table: dict, study, *, source_file: str = "", condition: str = "",
                  named: dict | None = None, compared: set[str] | frozenset = frozenset()) -> list[dict]:
    """The arm-level rows of a table read cell by cell on its paths (`cell_paths`): each cell's arm from the axis
    that names the arms, its time from the path elements that only say when (else the outcome label's or the
    caption's), its format from the row's label, else the column's, else the caption's, its outcome from the other
    elements (else the caption), its size from the cell ("(n = 18)"), else the arm's element ("Group I (n = 20)"),
    else the study model. A column of the arm's own change ("Difference value") gives bare means of "change in
    <outcome>". `named`: the labels the caller has resolved to arms (a table's own groups), the only arms then.
    `compared`: labels on the arm axis that name the arms' difference ("Δ" under "Placebo" and "Drug X"): each such
    row's figures are the difference of the two arms above it (`_difference_of_arms`). [] when no axis names the
    arms."""
    from . import table_reader as tr     # (the table's headers and the row builder; that module calls this one)
    if study is None or not study.arms and not named:
        return []
    cells = table.get("cells") or []
    grid: dict[int, dict[int, str]] = {}
    for c in cells:
        grid.setdefault(int(c["row"]), {})[int(c["col"])] = tr._clean(c.get("text"))
    heads = tr.header_rows(table)
    if headless(grid, heads):
        heads = set()       # "Group I | Nausea | 3 (2.5%)" printed first: no header, every row data
    local: dict = {}

    def resolve(label: str):
        if label in compared:
            return _COMPARED
        if named is not None:
            return named.get(label)     # the caller found the arms: no other label is one
        name = tr.split_size(label)[0]
        arm = study.resolve_column(label)
        if arm is not None:
            return arm if tr._names_arm(label, arm) else None
        return tr._generic_arm(label, study, local) or tr.abbreviated_arm(label, study, text) or \
            tr.role_arm(label, study) if name else None

    def skip(label: str) -> bool:
        # (a test's or a comparison's column, "P=" over "(a) | (b)", "ES", "t(19)": column_roles.comparison_role)
        return bool(tr._P_HEADER.search(label)) or any(p.search(label) for _, p in tr._EFFECT_HEADERS[:-1]) \
            or comparison_role(label) is not None

    caption = str(table.get("caption") or "")
    caption_arm = tr.caption_arm(caption, study)
    paths = cell_paths(grid, heads, resolve, skip, caption_arm, skip_row=lambda label: bool(tr._P_HEADER.search(label)),
                       stub_labels=frozenset(named or ()) | frozenset(compared))
    if not paths:
        return []
    by_cell = {(int(c["row"]), int(c["col"])): c for c in cells}
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        if int(c["row"]) not in heads:
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    bounds = tr._row_bounds(by_row)
    caption_outcome = tr._CAPTION_NUMBER.sub("", caption).strip(" .:;")
    caption_timepoint = tr._caption_timepoint(caption)
    baseline_table = tr._baseline_caption(caption)
    table_hint = table_format(caption, tr._footnotes(text, table))
    header_texts = [grid[r][c] for r in sorted(heads) for c in sorted(grid.get(r, {})) if c and grid[r][c]]
    columns = tr._columns(table, heads, tr._times_the_text_names(text, list(dict.fromkeys(header_texts))))
    grouped = statistic_groups(paths)
    # "Case | 24" or "n | 24" beside an arm's figures: the row's number of patients, no figure of an outcome
    size_columns = tr._size_columns(by_row, sorted({p.row for p in paths}), columns) - \
        {col for stats in grouped.values() for col in stats.values()}
    row_sizes = {r: int(m.group()) for r in {p.row for p in paths} for col in sorted(size_columns)[:1]
                 for m in [re.match(r"\s*(\d{1,5})\s*$", tr._clean((by_row[r].get(col) or {}).get("text")))] if m}
    # an arm no header, label or study model sizes: the one total its "n (%)" cells agree on ("12(31.6%)" and
    # "26(68.4%)" are of 38), as the reader sizes an arm's column
    by_arm: dict[int, list[CellPath]] = {}
    for path in paths:
        by_arm.setdefault(id(path.arm), []).append(path)
    implied = {arm: tr._size_from_percentages({i: {0: by_cell[(p.row, p.col)]} for i, p in enumerate(cells_of)}, 0, "",
                                              unanimous=True)
               for arm, cells_of in by_arm.items() if getattr(cells_of[0].arm, "n", None) is None}
    read: list[tuple] = []      # (path, context, parsed cell, arm, offset, the header's words beside the row's)
    for path in paths:
        if path.col in size_columns:
            continue
        stats = grouped.get((path.row, path.col))
        if stats is not None and path.col not in (stats.get("mean"), stats.get("median")):
            continue        # ("| 18 | 1.20 | 0.44 |" under "N | Mean | SD": the centre's cell reads the group)
        column = columns.get(path.col)
        # the column's time as the layouts read its header ("Week 24" spanning the arms, "Baseline, mean ± SD")
        when, before = (column.timepoint, column.baseline) if column is not None else ("", False)
        change, label_time = None, ""
        hints: dict[str, str] = {"column": column.hint} if column is not None and column.hint else {}
        named_by: dict[str, list[str]] = {"row": [], "column": []}
        rest = beside_the_arm(tr.split_size(path.arm_text)[0], path.arm) if path.arm_text else ""
        row_words = path.row_words + [rest] if rest and path.axis in ("row", "heading") else path.row_words
        column_words = path.column_words + [rest] if rest and path.axis == "column" else path.column_words
        for side, words in (("row", row_words), ("column", column_words)):
            outcome = named_by[side]
            for word in words:
                if _BLOCK_NUMBER.fullmatch(word):
                    continue        # "Pair 1": a block of the compared rows, no outcome
                bare = tr._FORMAT.sub("", word).strip(" ,;:")
                said = tr._header_when(word)[0] or (tr._when(bare) if bare and bare != word else None)
                if said is None and side == "column" and column is not None and column.timepoint == word:
                    said = (column.timepoint, column.baseline)      # "T1" the methods define as a time point
                if said is not None:
                    when, before = said[0] or when, before or said[1]
                    continue
                if side == "column" and _WITHIN_ARM_CHANGE.fullmatch(word):
                    change = _WITHIN_ARM_CHANGE.fullmatch(word).group("word").lower()
                    continue
                shown = label_format(word) or column_header_format(tr.column_format(word)[1])
                if tr._FORMAT_ONLY.fullmatch(word) or tr.statistic_name(word) is not None:
                    hints[side] = shown or header_statistic_format(word) or hints.get(side, "")
                    continue
                if shown:
                    hints.setdefault(side, shown)
                if bare and not _GROUP_WORD.fullmatch(bare) and not _STATISTIC_LEFT.fullmatch(bare) and bare not in outcome:
                    what, label_time = tr._outcome_and_timepoint(bare)
                    outcome.append(what or bare)
        # the row's label names the outcome; the header only where the rows say no more than when ("Pre-op")
        what = ": ".join(named_by["row"] or named_by["column"]) or caption_outcome
        if change:
            what = f"{'change' if change.startswith('differ') else change} in {what}"
        arm = path.arm
        cell = by_cell[(path.row, path.col)]
        words, own_n = own_size(tr._clean(tr.scan_view(cell["text"])))
        n = own_n or (row_sizes.get(path.row) if path.axis in ("row", "heading") else None) or \
            (tr.split_size(path.arm_text)[1] if path.arm_text else None) or arm.n or implied.get(id(arm))
        if stats is not None:
            # the arm's statistics in columns of their own ("N | Mean | SD"): one row from every cell of the group
            parsed = next((p for centre, _, p in tr._read_statistic_group(by_row[path.row], arm, stats)
                           if int(centre["col"]) == path.col), None)
            if parsed is not None and own_n is None and "n" not in stats and n is not None:
                parsed["total"] = n
        elif change:
            parsed = parse_arm_cell(words, "mean", n) if _BARE_NUMBER.fullmatch(words) else None
        else:
            # (a row or header naming only the centre takes the spread an outer level declares: declared_formats)
            said = refined_format(hints.get("row", ""), refined_format(hints.get("column", ""), table_hint))
            if not hints.get("row") and said.startswith(("mean", "median")) and tr._COUNT_SHARE_CELL.fullmatch(
                    tr.BRACKET_NOTE.sub("", words).rstrip("*\u2020\u2021\u00a7# ")):
                # "15 (93.7%)" under a column "Mean ± SD" whose row states no format: the percent sign makes it a count
                # with its share (as in the table reader's columns)
                said = ""
            parsed = count_within_arm(parse_arm_cell(words, said, n))
            if parsed is not None and own_n is None and n == arm.n and when and not before:
                # "8 Weeks | PG | 216 (56.3)" with no n of the visit: its counts are of those seen then, the number
                # the share gives (384), not of the 414 randomised (table_reader._check_denominator)
                tr._check_denominator(parsed, n, None, [], at_visit=True)
        if parsed is None or parsed["measure"] == "PROPORTION" and not _a_count_of_the_arm(
                parsed, n, path.row_words + path.column_words):
            continue
        start, end = tr._row_span(text, table, bounds, path.row)
        timepoint = when or label_time or caption_timepoint
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=what, timepoint=timepoint,
                       evidence=text[start:end], start=start, end=end, subgroup="",
                       role="" if change else "baseline" if before or (baseline_table or tr._demographic(what))
                       and not when else "")
        read.append((path, context, parsed, arm, int(cell["start"]) - start, named_by["column"] if named_by["row"] else []))
    # two cells of one row and arm the row's label and the time would name alike ("Pulse" under "Preprocedure" and
    # "Postprocedure", words the time grammar does not know): the header's words tell them apart
    alike: dict[tuple, int] = {}
    for path, context, _, arm, _, _ in read:
        key = (path.row, id(arm), context["outcome"], context["timepoint"], context["role"])
        alike[key] = alike.get(key, 0) + 1
    out: list[dict] = []
    for index, (path, context, parsed, arm, offset, header_words) in enumerate(read):
        if alike[(path.row, id(arm), context["outcome"], context["timepoint"], context["role"])] > 1 and header_words:
            context = dict(context, outcome=f"{context['outcome']}: {', '.join(header_words)}")
        if arm is _COMPARED:
            effect = _difference_of_arms(read, index, context, parsed, offset)
            if effect is not None:
                out.append(effect)
            continue
        out.append(tr._arm_row(context, parsed, arm, offset))
    return out


def _difference_of_arms(read: list[tuple], index: int, context: dict, parsed: dict, offset: int) -> dict | None:
    """The effect a row of the arms' difference prints in one cell ("Δ | -0.01 | -0.04, 0.03" under "Placebo" and
    "Drug X" rows of one outcome): the two different arms read in the same column on the rows right above it, of
    the same outcome, are what it compares (their means or medians: an MD; their counts: an RD). Which arm is first:
    the printed arithmetic (the difference is one arm's figure minus the other's), else the experimental arm against
    the control, else the lower row against the upper (table_effects.difference_order). None when two arms are not
    found above it."""
    from . import table_reader as tr
    from .study import control_canonical
    from .table_effects import difference_as_printed, difference_order
    path = read[index][0]
    above: list[tuple] = []
    for other_path, other_context, other_parsed, other_arm, _, _ in reversed(read[:index]):
        if other_arm is _COMPARED and other_path.col == path.col:
            break       # (the block ends at the difference row above it)
        if other_path.col == path.col and other_path.row < path.row and other_arm is not _COMPARED \
                and other_context["outcome"] == context["outcome"] and not any(a is other_arm for a, _ in above):
            above.append((other_arm, other_parsed))
        if len(above) == 2:
            break
    if len(above) != 2:
        return None
    (second, second_parsed), (first, first_parsed) = above        # (read upwards: the upper row last)
    kinds = {first_parsed["measure"], second_parsed["measure"]}
    measure = "RD" if kinds == {"PROPORTION"} else "MD" if kinds <= DESCRIPTIVE_MEASURES else None
    if measure is None or parsed.get("value") is None:
        return None
    texts = (parsed["value_text"], first_parsed["value_text"], second_parsed["value_text"])
    forward, backward = difference_as_printed(*texts), difference_as_printed(texts[0], texts[2], texts[1])
    # (of two arms, one a control by its name, the other is the experimental one)
    roles = [arm.role or ("control" if control_canonical(arm.name) else "") for arm in (first, second)]
    roles = [role or ("experimental" if "control" in roles else "") for role in roles]
    order = (0, 1) if forward and not backward else (1, 0) if backward and not forward else \
        difference_order(measure, parsed["value"], [[first_parsed["value"]], [second_parsed["value"]]], 0, roles)
    arms = (first, second)
    effect = dict(value_text=parsed["value_text"], value=parsed["value"], ci_low=parsed.get("ci_low"),
                  ci_high=parsed.get("ci_high"), p_value=None, p_text=None, adjusted="")
    return tr._effect_row(context, measure, effect, arms[order[0]], arms[order[1]], "", offset)

