"""Tables written as plain text, found before normalization (which collapses the spacing they rely on):

- pipe tables (markdown): `| a | b |` rows, optionally a `|---|---|` line under the header rows;
- whitespace-aligned tables: cells separated by tabs or 2+ spaces on consecutive lines, columns matched by
  their horizontal position when a row leaves cells out;
- tables pasted from a PDF, with the columns run together ("Patients with a flare112 (38)107 (19)"), under a
  header that names the arms with their sizes ("Placebo (N=300)  Drug (N=600)"): the header gives the number
  of columns, the cell grammar (`n (x)`, `x ± y`, `x (a-b)`, `n/N`, plain numbers, p-values) splits the row
  label from the cells. Of the possible cuts (k cells, or k-1 when the last column, often the p-value, is
  empty) the one wins that leaves no digits at the label's end, keeps one number of decimals across the row,
  cuts no number in two, and has the most cells (`_score`). The arm names may sit on the line above a header of
  bare sizes, and a row's numbers on the line below its label.

A caption line ("Table 2. ...", also in markdown emphasis) just above a table and footnote lines just below it
("Data are n (%)", "*", "IQR, interquartile range; ...") belong to it. Lines that only look like rows (pipe-separated
navigation, a sentence naming the arms with their sizes, prose with double spaces) are left alone.

Each table found is replaced by a marker line and returned as a `TableGrid` (structure.py writes it back into
the final text). No library reads these layouts (pandas' `read_fwf` needs the column positions given and
cannot split run-together cells), so this module is hand-written; every regex works on one line of bounded
length, so the work stays linear in the text.
"""
from __future__ import annotations

import re
from statistics import median

from .limits import MAX_TABLE_CELLS
from .structure import TableGrid, table_marker

#: Lines longer than this are prose, never table rows.
MAX_ROW_CHARS = 300
#: A whitespace-aligned cell (other than the row label) longer than this is prose, not a cell.
MAX_CELL_CHARS = 40
MAX_LABEL_CHARS = 100
MAX_COLUMNS = 12
#: Header rows at most (a table's column headers; rows below carry data).
MAX_HEADER_ROWS = 3
#: A line naming the arms with their sizes and more words than this is a sentence, not a table header.
MAX_HEADER_WORDS = 16

_NUM = r"[-\u2212\u2013]?\d+(?:[.,\u00b7]\d+)*"
_RANGE_SEP = r"(?:-|\u2212|\u2013|\u2014|to|,|;)"
_CELL = (rf"(?:{_NUM}\s*/\s*{_NUM}(?:\s*\(\s*{_NUM}\s*%?\s*\))?"  # 12/40 (30%)
         rf"|{_NUM}\s*%?\s*(?:\u00b1|\+/-|\+-)\s*{_NUM}"  # 45.2 ± 10.1
         rf"|{_NUM}\s*%?\s*\(\s*{_NUM}\s*%?(?:\s*{_RANGE_SEP}\s*{_NUM}\s*%?)?\s*\)"  # 112 (38) / 4.1 (2.0-6.3)
         rf"|{_NUM}\s*%?\s*\[\s*{_NUM}\s*%?(?:\s*{_RANGE_SEP}\s*{_NUM}\s*%?)?\s*\]"  # 4.1 [2.0, 6.3]
         rf"|[<>\u2264\u2265]\s*{_NUM}"  # <0.001
         rf"|{_NUM}\s*%?"  # 38 / 12.5%
         r"|NR|NA|N/A|NE|n/a)")
_CELL_FULL = re.compile(rf"\s*{_CELL}\s*")
#: An arm named with its size in a header: "Placebo (N = 300)", "Drug A (n=600)".
_ARM_HEADER = re.compile(r"\(\s*[Nn]\s*=\s*[\d,]+\s*\)")
_PIPE_SEPARATOR = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_WIDE_GAP = re.compile(r"\t+| {2,}")
_CAPTION = re.compile(r"(?:Table|TABLE|Tab\.)\s+(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)\b")
_FOOTNOTE = re.compile(r"(?:[*\u2020\u2021\u00a7\u00b6#]|[a-e]\s|\([a-e]\)|Data are|Values are|Abbreviations?\b|Note\b|"
                       r"Results are|Numbers are|Percentages|"
                       r"[A-Z][A-Za-z0-9-]{1,12}, [a-z][^;]{2,60}(?:;|\.$))")  # "IQR, interquartile range; ..."
_LETTER = re.compile(r"[^\W\d_]")


def is_value(cell: str) -> bool:
    return bool(_CELL_FULL.fullmatch(cell)) if cell else False


def guess_header_rows(rows: list[list[str]]) -> int:
    """Leading rows whose cells after the first are not values (words, arm names) are header rows."""
    n = 0
    for row in rows[:MAX_HEADER_ROWS]:
        rest = [c for c in row[1:] if c.strip()]
        if rest and not any(is_value(c) for c in rest) and any(_LETTER.search(c) for c in rest):
            n += 1
        else:
            break
    return n if n < len(rows) else 0


# ---------------------------------------------------------------- pipe tables

def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return len(s) <= 4 * MAX_ROW_CHARS and s.count("|") >= 1 and (s.startswith("|") or s.endswith("|") or s.count("|") >= 2)


#: What a detector returns: (end line, the table) or (line before which no table of its kind can start, None).
Found = tuple[int, "TableGrid | None"]


def _pipe_table(lines: list[str], i: int) -> Found:
    j = i
    while j < len(lines) and _is_pipe_row(lines[j]):
        j += 1
    block = lines[i:j]
    if len(block) < 2:
        return max(j, i + 1), None
    separators = [n for n, line in enumerate(block) if _PIPE_SEPARATOR.fullmatch(line.strip())]
    rows = [_pipe_cells(line) for n, line in enumerate(block) if n not in separators]
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return j, None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    outer = sum(line.strip().startswith("|") for line in block) * 2 > len(block)
    if not separators and not outer and not any(is_value(c) for row in rows for c in row[1:]):
        return j, None  # "Home | News | Neurology" over "Share | Print | Email": navigation, not a table
    header = separators[0] if separators and separators[0] <= MAX_HEADER_ROWS else guess_header_rows(rows)
    return j, TableGrid(rows=rows, header_rows=header, outer_pipes=outer)


# ---------------------------------------------------------------- PDF rows under a known header

#: Words that head a table's row-label column ("Outcome Placebo (N=224) ..." -> "Outcome" | "Placebo (N=224)").
_ROW_LABEL_HEADER = re.compile(r"(?:Outcomes?|Characteristics?|Variables?|Events?|Adverse events?|End ?points?|"
                               r"Parameters?|Measures?|Items?|Subgroups?|Populations?|Variable)\b(?:,\s*n\s*\(%\))?\s+",
                               re.IGNORECASE)


def _arm_header(line: str) -> list[str] | None:
    """Column headers of a line naming at least two arms with their sizes, the row-label header first."""
    s = line.strip()
    if len(s) > MAX_ROW_CHARS or len(_ARM_HEADER.findall(s)) < 2:
        return None
    if s.endswith((".", ";", ":")) or len(_ARM_HEADER.sub(" ", s).split()) > MAX_HEADER_WORDS:
        return None  # a sentence naming the arms with their sizes, not a header
    pieces, pos = [], 0
    for m in _ARM_HEADER.finditer(s):
        pieces.append(s[pos:m.end()].strip())
        pos = m.end()
    tail = s[pos:].strip()
    label = ""
    first = _WIDE_GAP.split(pieces[0])
    if len(first) > 1:
        label, pieces[0] = " ".join(first[:-1]).strip(), first[-1].strip()
    else:
        m = _ROW_LABEL_HEADER.match(pieces[0])
        if m and not _ARM_HEADER.match(pieces[0], m.end()):
            label, pieces[0] = m.group(0).strip(), pieces[0][m.end():].strip()
    columns = [label] + pieces
    if tail:
        columns += [c.strip() for c in _WIDE_GAP.split(tail) if c.strip()]
    return columns if len(columns) <= MAX_COLUMNS + 1 else None


_CELL_AT = re.compile(_CELL)
_CELL_START = re.compile(r"[-\u2212\u2013\d<>\u2264\u2265Nn]")
_DECIMALS = re.compile(r"\d[.,\u00b7](\d+)|\d+")
#: Longest run-together cell considered; more parses than this per row are not explored.
MAX_CELL_CHARS_RUN = 30
MAX_PARSES = 50
#: A run-together label may end this many characters after its last letter ("Grade 3", "n (%)", "HbA1c, %").
MAX_LABEL_TAIL = 12
_CELL_WORDS = re.compile(r"(?<![A-Za-z])(?:NR|NA|N/A|NE|n/a)(?![A-Za-z])")


def _cell_ends(s: str, pos: int) -> list[int]:
    """Every end position at which a cell starting at `pos` is complete."""
    if pos >= len(s) or not _CELL_START.match(s, pos):
        return []
    ends = []
    for end in range(pos + 1, min(len(s), pos + MAX_CELL_CHARS_RUN) + 1):
        if _CELL_FULL.fullmatch(s, pos, end) and not s[end - 1].isspace():
            ends.append(end)
    return ends


def _splits(s: str, pos: int, k: int, memo: dict) -> list[list[tuple[int, int]]]:
    """All ways to cut s[pos:] into exactly k cells (spaces allowed between them)."""
    key = (pos, k)
    if key in memo:
        return memo[key]
    while pos < len(s) and s[pos].isspace():
        pos += 1
    found: list[list[tuple[int, int]]] = []
    if k == 0:
        found = [[]] if pos == len(s) else []
    else:
        for end in _cell_ends(s, pos):
            for rest in _splits(s, end, k - 1, memo):
                found.append([(pos, end)] + rest)
                if len(found) >= MAX_PARSES:
                    break
    memo[key] = found
    return found


def _score(s: str, label_end: int, spans: list[tuple[int, int]], k: int) -> tuple:
    """Lower is better: no numbers left at the label's end, numbers keep one number of decimals, no number is cut
    in two, more cells, shorter label."""
    label = s[:label_end]
    last_letter = max(i for i, ch in enumerate(label) if ch.isalpha())
    label_tail_digits = sum(ch.isdigit() for ch in label[last_letter:])
    text = " ".join(s[a:b] for a, b in spans)
    decimals = {len(m.group(1)) if m.group(1) else 0 for m in _DECIMALS.finditer(text)}
    cuts = sum(1 for a, _ in spans if a > 0 and s[a].isdigit() and s[a - 1].isdigit())
    return label_tail_digits, len(decimals), cuts, k - len(spans), label_end


def split_row(line: str, k: int) -> list[str] | None:
    """[label, cell 1, ..., cell k] from a row whose cells may have run together, or None. Rows with one
    cell fewer (no p-value) are also accepted, the last column then empty. Among the possible cuts the one
    whose numbers agree best wins (see `_score`)."""
    s = line.strip()
    if len(s) > MAX_ROW_CHARS or not 1 <= k <= MAX_COLUMNS:
        return None
    letters = [m.end() for m in _LETTER.finditer(_CELL_WORDS.sub(" ", s))]
    if not letters:
        return None
    # Cells hold no words, so the label runs at least to the last word (NR/NA aside) and a little past it.
    first_end, last_end = letters[-1], min(len(s), letters[-1] + MAX_LABEL_TAIL)
    best = None
    for n in (k, k - 1) if k > 1 else (k,):
        memo: dict = {}
        for label_end in range(first_end, last_end):
            if not _CELL_START.match(s, label_end) or (s[label_end - 1].isdigit() and not s[label_end].isspace()):
                continue  # a label ends before a cell, and not inside a number
            for spans in _splits(s, label_end, n, memo):
                score = _score(s, label_end, spans, k)
                if best is None or score < best[0]:
                    best = (score, label_end, spans)
    if best is None:
        return None
    _, label_end, spans = best
    cells = [s[a:b].strip() for a, b in spans]
    return [s[:label_end].strip()] + cells + [""] * (k - len(cells))


def split_cells(line: str, k: int) -> list[str] | None:
    """The k cells (or k-1, the last column then empty) of a line holding only cells: a PDF often puts a row's
    label on one line and its numbers on the next."""
    s = line.strip()
    if len(s) > MAX_ROW_CHARS or not 1 <= k <= MAX_COLUMNS or _LETTER.search(_CELL_WORDS.sub(" ", s)):
        return None
    best = None
    for n in (k, k - 1) if k > 1 else (k,):
        for spans in _splits(s, 0, n, {}):
            text = " ".join(s[a:b] for a, b in spans)
            decimals = {len(m.group(1)) if m.group(1) else 0 for m in _DECIMALS.finditer(text)}
            cuts = sum(1 for a, _ in spans if a > 0 and s[a].isdigit() and s[a - 1].isdigit())
            score = (len(decimals), cuts, k - n)
            if best is None or score < best[0]:
                best = (score, spans)
    if best is None:
        return None
    cells = [s[a:b].strip() for a, b in best[1]]
    return cells + [""] * (k - len(cells))


_BARE_ARM_SIZE = re.compile(r"\(\s*[Nn]\s*=\s*[\d,]+\s*\)")


def _names_above(header: list[str], previous: str) -> list[str] | None:
    """Arm names written on the line above a header of bare sizes ("Placebo  Drug" over "(N=294)  (N=561)")."""
    k = len(header) - 1
    if not previous.strip() or len(previous) > MAX_ROW_CHARS or re.search(r"\d", previous) and \
            not re.search(r"[A-Za-z]", previous):
        return None
    label = header[0]
    parts = [p.strip() for p in _WIDE_GAP.split(previous.strip()) if p.strip()]
    if len(parts) == k + 1 and not label:
        label, parts = parts[0], parts[1:]
    if len(parts) != k:
        words = previous.split()
        m = _ROW_LABEL_HEADER.match(previous.strip())
        if m and len(previous.strip()[m.end():].split()) == k:
            label, parts = m.group(0).strip(), previous.strip()[m.end():].split()
        elif len(words) == k:
            parts = words
        else:
            return None
    return [label] + [f"{name} {size}" for name, size in zip(parts, header[1:])]


def _pdf_table(lines: list[str], i: int) -> Found:
    header = _arm_header(lines[i])
    if not header:
        return i + 1, None
    lines_before = 0
    if i > 0 and all(_BARE_ARM_SIZE.fullmatch(c) for c in header[1:]):
        named = _names_above(header, lines[i - 1])
        if named:
            header, lines_before = named, 1
    k = len(header) - 1
    rows = [header]
    j = i + 1
    data_rows = 0
    while j < len(lines):
        s = lines[j].strip()
        if not s or len(s) > MAX_ROW_CHARS:
            break
        cells = split_row(s, k)
        if cells is None and len(rows) > 1 and not any(rows[-1][1:]):
            values = split_cells(s, k)  # the numbers of the label on the line above
            if values is not None:
                rows[-1] = [rows[-1][0]] + values
                data_rows += 1
                j += 1
                continue
        if cells is None:
            if re.search(r"\d", s) or len(s) > MAX_LABEL_CHARS or _CAPTION.match(s) or _FOOTNOTE.match(s):
                break
            cells = [s] + [""] * k  # a label row grouping the rows below ("Adverse events")
        else:
            data_rows += 1
        rows.append(cells)
        j += 1
    while len(rows) > 1 and not any(rows[-1][1:]):
        rows.pop()
        j -= 1
    if data_rows == 0:
        return max(j, i + 1), None
    return j, TableGrid(rows=rows, header_rows=1, lines_before=lines_before, outer_pipes=False)


# ---------------------------------------------------------------- whitespace-aligned tables

def _gap_cells(line: str) -> list[tuple[int, str]]:
    """(start column, text) of the cells of a line split at tabs or 2+ spaces."""
    expanded = line.expandtabs(8).rstrip()
    cells, pos = [], 0
    for part in _WIDE_GAP.split(expanded):
        idx = expanded.find(part, pos) if part else pos
        if part.strip():
            cells.append((idx, part.strip()))
        pos = idx + len(part)
    return cells


def _looks_like_row(cells: list[tuple[int, str]]) -> bool:
    if len(cells) < 2 or len(cells) > MAX_COLUMNS + 1:
        return False
    if len(cells[0][1]) > MAX_LABEL_CHARS:
        return False
    return all(len(text) <= MAX_CELL_CHARS for _, text in cells[1:])


def _aligned_table(lines: list[str], i: int) -> Found:
    j = i
    block: list[list[tuple[int, str]]] = []
    while j < len(lines) and len(lines[j]) <= MAX_ROW_CHARS:
        cells = _gap_cells(lines[j])
        if _looks_like_row(cells):
            block.append(cells)
        elif len(cells) == 1 and block and j + 1 < len(lines) and _looks_like_row(_gap_cells(lines[j + 1])) \
                and len(cells[0][1]) <= MAX_LABEL_CHARS and not re.search(r"\d", cells[0][1]):
            block.append(cells)  # a label row inside the table ("Adverse events")
        else:
            break
        j += 1
    full = [r for r in block if len(r) >= 2]
    if len(full) < 2 or not any(is_value(text) for row in full for _, text in row[1:]):
        return max(j, i + 1), None
    width = max(len(r) for r in full)
    reference = [r for r in full if len(r) == width]
    centres = [median(r[c][0] + len(r[c][1]) / 2 for r in reference) for c in range(width)]
    left_edges = [min(r[c][0] for r in reference) for c in range(width)]
    rows: list[list[str]] = []
    for cells in block:
        if len(cells) == width:
            rows.append([t for _, t in cells])
            continue
        row = [""] * width
        free = list(range(width))
        if cells[0][0] < left_edges[1] - 1:  # the row label, left-aligned in the first column
            row[0], cells, free = cells[0][1], cells[1:], free[1:]
        for pos, text in cells:
            centre = pos + len(text) / 2
            col = min(free, key=lambda c: abs(centres[c] - centre)) if free else width - 1
            if free:
                free = [c for c in free if c > col]
            row[col] = (row[col] + " " + text).strip()
        rows.append(row)
    return j, TableGrid(rows=rows, header_rows=guess_header_rows(rows), outer_pipes=False)


# ---------------------------------------------------------------- the scan

_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(.+?)\1")


def _caption_before(out: list[str]) -> str:
    """Take the caption line ("Table 2. Outcomes ...") just above a table out of the text already written."""
    k = len(out) - 1
    if k >= 0 and not out[k].strip():
        k -= 1
    caption = _EMPHASIS.sub(r"\2", out[k].strip()) if k >= 0 else ""  # "**Table 1.** Baseline" (markdown)
    if caption and _CAPTION.match(caption) and len(caption) <= MAX_ROW_CHARS:
        del out[k:]
        return caption
    return ""


def _footnotes_after(lines: list[str], j: int) -> tuple[list[str], int]:
    notes = []
    while j < len(lines) and len(notes) < 5 and lines[j].strip() and _FOOTNOTE.match(lines[j].strip()) \
            and len(lines[j]) <= 2 * MAX_ROW_CHARS:
        notes.append(lines[j].strip())
        j += 1
    return notes, j


def extract_text_tables(text: str, *, aligned: bool = True) -> tuple[str, list[TableGrid]]:
    """The text with each table replaced by a marker line, and the tables found (in order)."""
    if "|" not in text and "  " not in text and "\t" not in text and "(N" not in text and "(n" not in text:
        return text, []
    lines = text.split("\n")
    out: list[str] = []
    grids: list[TableGrid] = []
    # A detector that failed on a block of lines cannot succeed on any line inside it: skip to its end
    # (keeps the scan linear on a long run of row-like lines that are no table).
    no_table_before = {"pipe": 0, "pdf": 0, "aligned": 0}
    i = 0
    while i < len(lines):
        line = lines[i]
        grid = None
        if line.strip():
            for kind, applies, detect in (("pipe", "|" in line, _pipe_table), ("pdf", "=" in line, _pdf_table),
                                          ("aligned", aligned and ("\t" in line.strip() or "  " in line.strip()),
                                           _aligned_table)):
                if applies and i >= no_table_before[kind]:
                    j, grid = detect(lines, i)
                    if grid is not None:
                        break
                    no_table_before[kind] = j
        if grid is None:
            out.append(line)
            i += 1
            continue
        if len(grid.rows) * grid.width() > MAX_TABLE_CELLS:
            out.extend(lines[i:j])  # too large to be a table of a report: left as text
            i = j
            continue
        if grid.lines_before:
            del out[len(out) - grid.lines_before:]
        grid.caption = _caption_before(out)
        grid.footnotes, j = _footnotes_after(lines, j)
        out.extend(["", table_marker(len(grids)), ""])
        grids.append(grid)
        i = j
    return "\n".join(out), grids
