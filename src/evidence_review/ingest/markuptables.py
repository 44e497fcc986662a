"""Tables in markup (HTML `<table>`, JATS `<table-wrap>` whose `<table>` is XHTML-shaped) -> `TableGrid`.

Read from the lxml tree the reader already has: rows are `<tr>` (in `<thead>`, `<tbody>`, `<tfoot>` or
directly under `<table>`), cells `<th>`/`<td>` with `rowspan`/`colspan`. A spanned cell's text is repeated in
every grid position it covers, so each row carries its own row label and each column its own header.
Header rows: the rows of `<thead>`, else the leading rows made only of `<th>` cells; a last `<thead>` row that is one cell
spanning every column (the stub too) under other header rows is the first block's heading, a body row.
(pandas.read_html does the same expansion but returns a DataFrame without knowing which rows were headers in
a form we can keep per cell, and it re-parses the page; walking the tree we already hold is simpler.)
"""
from __future__ import annotations

import re

from lxml import etree

from .limits import MAX_TABLE_CELLS, MAX_TABLE_SPAN
from .structure import TableGrid


def local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def element_text(el) -> str:
    """An element's text on one line (inline markup dropped, a `^` kept before a superscript after a digit)."""
    return " ".join("".join(el.itertext()).split())


_FOOTNOTE_MARK = re.compile(r"[a-z*\u2020\u2021\u00a7\u00b6#]{1,2}|[a-z](?:,[a-z])+")


def _is_footnote_mark(el) -> bool:
    """A table-footnote reference (`<xref ref-type="table-fn">`, or `<sup>a</sup>` right after a word)."""
    name = local(el.tag)
    if name == "xref" and (el.get("ref-type") or "") == "table-fn":
        return True
    return name == "sup" and bool(_FOOTNOTE_MARK.fullmatch(element_text(el)))


def _raw_text_around_marks(el, mark_text) -> str:
    """The text of `el` with each footnote mark in it written as `mark_text(mark)` and each `<break/>` as
    `_LINE_BREAK`, whitespace as written."""
    parts: list[str] = []

    def walk(node):
        if node is not el and _is_footnote_mark(node):
            parts.append(mark_text(node))
            return
        if node is not el and local(node.tag) in _BREAK_TAGS:
            parts.append(_LINE_BREAK)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


_BREAK_TAGS = frozenset({"break", "br"})    # JATS, HTML
# a stand-in for `<break/>` while a cell's text is gathered (a control character no XML text can hold)
_LINE_BREAK = "\x1f"


def _text_around_marks(el, mark_text) -> str:
    """The text of `el` with each footnote mark in it written as `mark_text(mark)`, whitespace collapsed. A
    `<break/>` adds nothing: readers rely on "4 (17%)<break/>n = 23" reading as "4 (17%)n = 23"; between two figures
    it is a space ("2.9<break/>1.8 to 4.0": a mean and its interval on two lines, never the number "2.91.8")."""
    raw = _raw_text_around_marks(el, mark_text)
    if _LINE_BREAK in raw:
        raw = _BREAK_BETWEEN_FIGURES.sub(" ", raw)
        # "Age (years)<break/>• Mean ± SD": a list item on a line of its own, set apart as a comma would
        raw = _BREAK_BEFORE_BULLET.sub(", ", raw)
    return " ".join(raw.replace(_LINE_BREAK, "").split())


# a line break after a figure ("2.9", "(12.3)", "45%") and before another ("1.8 to 4.0", "(0.2-3.1)", "-0.4")
_BREAK_BETWEEN_FIGURES = re.compile(r"(?<=[\d)\]%])[ \t]*" + _LINE_BREAK + r"(?=[ \t]*[(\[]?\s*[-\u2212+]?\s*\.?\d)")


def cell_text(el) -> str:
    """A cell's text without footnote marks ("entry<sup>a</sup>" -> "entry"), otherwise as `element_text`."""
    return _text_around_marks(el, lambda mark: "")


def cell_lines(el) -> list[str]:
    """A cell's lines as `<break/>` separates them, each without footnote marks or a list bullet opening it
    ("Gender<break/>• Men<break/>• Women": the categories "Men", "Women"), whitespace collapsed."""
    lines = [_LIST_BULLET.sub("", " ".join(line.split()))
             for line in _raw_text_around_marks(el, lambda mark: "").split(_LINE_BREAK)]
    return [line for line in lines if line] or [""]


# a bullet opening a line of a cell, the categories of a heading printed as a list (never a minus: "-0.4" is a figure)
_BULLETS = "•·▪◦‣●○■□►▸"
_LIST_BULLET = re.compile(rf"^[{_BULLETS}]\s*(?=[^\W\d_])")
_BREAK_BEFORE_BULLET = re.compile(rf"\s*{_LINE_BREAK}\s*[{_BULLETS}]\s*(?=[^\W\d_])")


def cell_marks(el) -> tuple[str, ...]:
    """The footnote marks a cell carries, apart from its text ("entry<sup>a,b</sup>" -> ("a", "b")): what a table's
    marked footnote ("a Median (IQR)") speaks for."""
    found = [part.strip() for node in el.iter() if node is not el and _is_footnote_mark(node)
             for part in element_text(node).split(",")]
    return tuple(dict.fromkeys(m for m in found if m))


def footnote_text(el) -> str:
    """A footnote with its mark set apart from its text ("<sup>a</sup>Attacks" -> "a Attacks")."""
    return _text_around_marks(el, lambda mark: " " + element_text(mark) + " ")


def _span(el, name: str) -> int:
    try:
        value = int(re.sub(r"\D", "", el.get(name) or "1") or 1)
    except ValueError:
        return 1
    return value if 1 <= value <= MAX_TABLE_SPAN else 1


def _rows(table) -> list[tuple[object, bool]]:
    """(tr, in_thead) in document order, not descending into nested tables."""
    out = []

    def walk(el, in_head):
        for child in el:
            name = local(child.tag)
            if name == "tr":
                out.append((child, in_head))
            elif name in ("thead", "tbody"):
                walk(child, in_head or name == "thead")

    walk(table, False)
    return out


def _sub_header_row(cells: list, spanned_above: list[int], pending: dict, r: int) -> bool:
    """A header row with exactly one plain cell per column its previous header row spanned (and nothing else)."""
    if not spanned_above or len(cells) != len(spanned_above) or any((r, c) in pending for c in spanned_above):
        return False
    if any(_span(c, "colspan") != 1 or _span(c, "rowspan") != 1 for c in cells):
        return False
    return spanned_above[0] > 0 and not any((r, c) in pending for c in range(spanned_above[0]))


def _is_label_line(line: str) -> bool:
    """A line naming something ("Standard", "Group 2"), not a value or a count ("4", "79%", "n = 24")."""
    return bool(re.match(r"[^\W\d_]", line)) and not _ARM_SIZE_LINE.match(line)


_ARM_SIZE_LINE = re.compile(r"\(?[nN]\s*=")


def _stacked_lines(row_lines: list[list[str]]) -> list[list[str]] | None:
    """A body row holding several rows stacked in its cells, one per line ("Low<break/>Standard | 4<break/>7 |
    0.50"): the rows, each one-line cell repeated in every row as a rowspan would repeat it. None unless the row's
    labels (a cell whose every line starts with a word) and at least one other cell have the same number (2 or more) of lines and every
    other cell has one line: a value with a note on a second line ("79%<break/>n = 24") is one row."""
    filled = [lines for lines in row_lines if lines != [""]]
    if any(_ARM_SIZE_LINE.match(line) for lines in filled if len(lines) > 1 for line in lines):
        return None     # "4 (17)<break/>n = 23": a value and the size it is out of, in a label broken over lines
    labels = [lines for lines in filled if len(lines) > 1 and all(map(_is_label_line, lines))]
    if not labels:
        return None
    depth = len(labels[0])
    if sum(len(lines) == depth for lines in filled) < 2 or any(len(lines) not in (1, depth) for lines in filled):
        return _headed_stack(row_lines, labels, depth)
    return [[lines[i] if len(lines) == depth else lines[0] for lines in row_lines] for i in range(depth)]


def _headed_stack(row_lines: list[list[str]], labels: list[list[str]], depth: int) -> list[list[str]] | None:
    """A stacked row block under a heading line: the label cell names a heading and two or more categories
    ("Sex<break/>Male<break/>Female") and the value cells one line fewer (their first line, beside the heading, is
    empty: "<break/>7 (53.8)<break/>6 (46.2)"). The heading becomes a row of its own with empty value cells, then one
    row per category. None unless every label cell has `depth` lines, some value cell has `depth - 1`, and every other
    cell one."""
    values = [lines for lines in row_lines if lines != [""] and lines not in labels]
    if depth < 3 or any(len(lines) != depth for lines in labels) or not any(len(v) == depth - 1 for v in values) \
            or any(len(v) not in (1, depth - 1) for v in values):
        return None
    stacked = [[""] + lines if lines != [""] and lines not in labels and len(lines) == depth - 1 else lines
               for lines in row_lines]
    return [[lines[i] if len(lines) == depth else lines[0] for lines in stacked] for i in range(depth)]


def _section_row(row: list[str], g: int, spanned: set[tuple[int, int]]) -> bool:
    """Whether grid row `g` is one cell with words spanning every column, the stub's too (a block's heading)."""
    return len(row) >= 3 and bool(re.search(r"[A-Za-z]", row[0])) and all((g, c) in spanned for c in range(1, len(row))) \
        and len(set(row)) == 1


def grid_from_table(table, cell_text=cell_text) -> TableGrid | None:
    rows = _rows(table)
    if not rows:
        return None
    grid: list[list[str | None]] = []
    header_flags: list[bool] = []
    pending: dict[tuple[int, int], str] = {}  # (row, col) filled by a rowspan from above
    cells_seen = 0
    spanned: set[tuple[int, int]] = set()     # grid positions repeating a colspan cell's text
    marks: dict[tuple[int, int], tuple[str, ...]] = {}     # the footnote marks each (tr, column)'s cell carries
    grid_rows_of: dict[int, list[int]] = {}     # each tr's grid rows (several when its cells stack rows)
    spanned_above: list[int] = []     # the columns the previous header row covered with colspan cells
    for r, (tr, in_head) in enumerate(rows):
        row: list[str | None] = []
        all_th = True
        col = 0
        cells = [c for c in tr if local(c.tag) in ("td", "th")]
        if in_head and _sub_header_row(cells, spanned_above, pending, r):
            # "<th colspan=2>Event rate</th>" over a row holding only "Drug | Control", written without the empty
            # cells before them: the short row's cells sit under the spanning cell, not from the first column on
            texts = iter(cell_text(c) for c in cells)
            row = [next(texts) if c in spanned_above else pending.pop((r, c), "") for c in range(len(grid[-1]))]
            marks.update({(r, c): cell_marks(el) for el, c in zip(cells, spanned_above) if cell_marks(el)})
            grid_rows_of[r] = [len(grid)]
            grid.append(row)
            header_flags.append(True)
            spanned_above = []
            continue
        spanned_above = []
        row_lines: list[list[str]] = []     # each position's lines, to unstack rows written into one <tr>
        row_spanned: set[int] = set()
        for cell in cells:
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                row_lines.append([row[-1]])
                col += 1
            text = cell_text(cell)
            lines = cell_lines(cell) if _span(cell, "rowspan") == 1 else [text]
            carried = cell_marks(cell)
            all_th = all_th and local(cell.tag) == "th"
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            if in_head and colspan > 1:
                spanned_above.extend(range(col, col + colspan))
            for c in range(colspan):
                if c:
                    row_spanned.add(col + c)
                row.append(text)
                row_lines.append(lines)
                for down in range(rowspan):
                    if carried:
                        marks[(r + down, col + c)] = carried
                    if down:
                        pending[(r + down, col + c)] = text
            col += colspan
            cells_seen += colspan * rowspan
            if cells_seen > MAX_TABLE_CELLS:
                return None
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            row_lines.append([row[-1]])
            col += 1
        is_header = in_head or (all_th and bool(cells))
        unstacked = None if is_header else _stacked_lines(row_lines)
        grid_rows_of[r] = []
        for one_row in unstacked or [row]:
            grid_rows_of[r].append(len(grid))
            spanned.update((len(grid), c) for c in row_spanned)
            grid.append(one_row)
            header_flags.append(is_header)
    width = max((len(r) for r in grid), default=0)
    if width == 0:
        return None
    footnotes = [element_text(tr) for foot in table if local(foot.tag) == "tfoot" for tr in foot]
    full = [[c or "" for c in r] + [""] * (width - len(r)) for r in grid]
    header_rows = 0
    for flag in header_flags:
        if not flag:
            break
        header_rows += 1
    if header_rows == len(full):
        header_rows = 0 if len(full) > 1 else 1
    while header_rows >= 2 and header_rows < len(full) and _section_row(full[header_rows - 1], header_rows - 1, spanned):
        # "<thead>... n | Mean | S.D. | P</tr><tr><th colspan=13>Insulin (U/mL)</th></tr></thead>": a cell spanning
        # the whole width, the stub column too, under the column headers is the heading of the first block of body
        # rows (the next blocks' "C-peptide (ng/mL)" are body rows alike), no level of any column's header
        header_rows -= 1
    if header_rows == 0:
        from .texttables import guess_header_rows  # no <thead>/<th>: leading rows of words, as in text tables

        header_rows = guess_header_rows(full)
    return TableGrid(rows=full, header_rows=header_rows, footnotes=[f for f in footnotes if f], spanned=frozenset(spanned),
                     marks={(g, c): carried for (r, c), carried in marks.items() for g in grid_rows_of.get(r, ())})
