"""Document structure: sections and tables, as spans of the final normalized text.

How structure survives cleaning: a reader that knows where a table or a heading is (JATS, HTML, markdown, a
table found in plain text) leaves a *marker line* in the document body instead of guessing offsets:

- a table becomes the line `TABLE_MARK + index + TABLE_MARK` and its grid goes into `Record.tables`;
- a heading the markup names (JATS `<sec sec-type>`, `<h2>`) gets the line `HEADING_MARK + name + HEADING_MARK`
  just before its title line.

Markers are private-use characters that no normalization step touches, on lines of their own, so cleaning
(boilerplate removal, repeat removal, line re-joining) keeps or drops them with their neighbourhood. `finalize`
then walks the cleaned text once, drops heading markers, writes each table in place (caption line, one line per
row with cells separated by `CELL_SEPARATOR` - a markdown row "| a | b |" for markup tables and pipe tables
written that way, "a | b" for tables found in plain text - then footnote lines) and records every offset while
writing, so `text[cell.start:cell.end] == cell.text` holds by construction. (A table whose marker fell after a
closing heading such as "References" is appended at the end: document.keep_cut_tables.)

Sections: marked headings, plus (unless the reader marked its headings itself) heading lines and
structured-abstract labels recognised in the final text by `classify_heading`. Spans are contiguous, cover the
whole text, and neighbours with the same name are merged. A text without headings is one section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..regexfilter import prefiltered
from .normalize import unify_characters

TABLE_MARK = "\ue000"
HEADING_MARK = "\ue001"
MARKS = TABLE_MARK + HEADING_MARK
CELL_SEPARATOR = " | "
#: Rows of a table written with outer pipes (markdown style: markup tables, pipe tables written that way).
OUTER_START, OUTER_END = "| ", " |"

SECTION_NAMES = ("abstract", "background", "methods", "results", "discussion", "other")

#: Heading phrases -> section name, first match wins. "Methods and findings" (PLOS) holds the results; a bare
#: "Outcomes" or "End points" heading describes what was measured (a Methods subsection in NEJM-style reports).
_HEADING_VOCABULARY = [
    ("results", r"methods and findings|results?(?: and discussion)?|findings|main results"),
    ("abstract", r"abstract|summary|structured abstract"),
    ("background", r"background(?: and (?:purpose|objectives?|aims?))?|introduction|objectives?|aims?(?: of the study)?|"
                   r"purpose|importance|context|rationale|study objectives?"),
    ("methods", r"(?:materials?|patients|subjects|participants) and methods|methods?|methodology|design|"
                r"(?:study )?design(?:,? setting,? and participants)?|setting|participants|patients|interventions?|"
                r"main outcome(?:s| measures?)?(?: and measures)?|statistical analys[ie]s|study population|"
                r"data sources|eligibility criteria|measurements|design/methods|trial design|procedures|"
                r"(?:trial |study |primary |secondary )?(?:outcomes|end ?points)(?: and (?:measures|assessments))?"),
    ("discussion", r"discussion|conclusions?|interpretation|comments?|limitations|conclusions and relevance|"
                   r"significance|implications"),
    ("other", r"references|acknowledge?ments?|funding(?: sources?)?|conflicts? of interest|competing interests|"
              r"declaration of interests|disclosures?|author contributions|data availability(?: statement)?|"
              r"supplementary (?:material|data|information)|abbreviations|trial registration|keywords?|key words|"
              r"ethics(?: statement)?|footnotes|appendix|classification of evidence"),
]
_NUMBERING = r"(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.?\s+)?"
_HEADING_LINE = [(name, re.compile(rf"{_NUMBERING}(?:{words})\s*[:.]?", re.IGNORECASE))
                 for name, words in _HEADING_VOCABULARY]
#: "RESULTS: ..." / "Results: ..." / "Methods and findings: ..." at the start of a line.
_LABEL_AT_LINE_START = [(name, re.compile(rf"(?:{words})\s*:\s*(?=\S)", re.IGNORECASE))
                        for name, words in _HEADING_VOCABULARY if name != "other"]
_LABEL_WORDS = (r"Background|Objectives?|Aims?|Purpose|Introduction|Methods(?: and findings)?|Design|Results|Findings|"
                r"Conclusions?|Interpretation")
#: Labels run into the text of a one-paragraph structured abstract: "BackgroundThe ...", "... 577. Results A ...".
_INLINE_LABEL = re.compile(rf"(?:(?<=^)|(?<=[.!?)\]] )|(?<=^Abstract ))({_LABEL_WORDS})"
                           r"(?=[A-Z][a-z]|[A-Z]{2,}| (?:A|An|The|In|We|Of|Our|Among|Data|This|These|Patients?|Overall|A total|"
                           r"Adults?|Children|Participants|Between|From|Of|To|Using|Compared|Treatment|Relapse|"
                           r"[A-Z][a-z]+ (?:was|were|is|are|of|in|with)\b|[A-Z]{2,})\b)")
#: "... cohort. METHODS: Retrospective ..." / "... 2019. Results: ..." inside a line.
_COLON_LABEL = re.compile(rf"(?<=[.!?)\]] )({_LABEL_WORDS.upper()}|{_LABEL_WORDS})\s*:\s*(?=\S)")
# Behind literal prefilters (regexfilter): a line that names no label word is not scanned position by position.
_INLINE_LABEL, _COLON_LABEL = prefiltered(_INLINE_LABEL), prefiltered(_COLON_LABEL)
MAX_HEADING_CHARS = 80


def classify_heading(title: str) -> str:
    """The section a heading's text names ("2. Materials and Methods" -> methods), or "" when unknown."""
    title = " ".join(title.replace(HEADING_MARK, "").split()).strip("\"“”'*#_ ")
    if not title or len(title) > MAX_HEADING_CHARS:
        return ""
    for name, pattern in _HEADING_LINE:
        if pattern.fullmatch(title):
            return name
    return ""


def heading_marker(name: str) -> str:
    return f"{HEADING_MARK}{name}{HEADING_MARK}"


def table_marker(index: int) -> str:
    return f"{TABLE_MARK}{index}{TABLE_MARK}"


_TABLE_MARKER_LINE = re.compile(rf"{TABLE_MARK}(\d+){TABLE_MARK}")
_HEADING_MARKER_LINE = re.compile(rf"{HEADING_MARK}([a-z]*){HEADING_MARK}")


def is_marker_line(line: str) -> bool:
    return bool(line) and line[0] in MARKS


def strip_markers(text: str) -> str:
    """The text without marker lines (for metadata read from the page head)."""
    if not any(m in text for m in MARKS):
        return text
    return "\n".join(line for line in text.split("\n") if not is_marker_line(line.strip()))


@dataclass
class TableGrid:
    """A table as a reader found it: rows of cell texts (spans already expanded), header rows first."""

    rows: list[list[str]]
    header_rows: int = 0
    caption: str = ""
    footnotes: list[str] = field(default_factory=list)
    #: Lines just above the table's first row that belong to it (a header's arm names on their own line).
    lines_before: int = 0
    #: Write the rows as a markdown table ("| a | b |") rather than "a | b": markup tables, and pipe tables
    #: written with outer pipes, keep that form; tables found in plain text keep theirs.
    outer_pipes: bool = True
    #: (row, col) positions that repeat the cell on their left because the markup's cell spans both columns
    #: (colspan): one value printed twice in the text, not two cells that print the same value.
    spanned: frozenset = frozenset()
    #: (row, col) -> the footnote marks the cell there carries, left out of its text ("a" of "Stay<sup>a</sup>").
    marks: dict = field(default_factory=dict)

    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def clean_cell(text: str) -> str:
    """A cell's or caption's text as it appears in the final text: characters unified, one line, no markers,
    and no "|" (a pipe inside a cell would read as a column break: it becomes "/")."""
    text = unify_characters(text.replace("\n", " ").replace("|", "/").translate({ord(m): None for m in MARKS}))
    return " ".join(text.split())


def _render_table(grid: TableGrid, table_id: str, start: int) -> tuple[str, dict]:
    """The table's lines and its contract record, offsets counted from `start`."""
    parts: list[str] = []
    pos = start
    caption = clean_cell(grid.caption)
    if caption:
        parts.append(caption + "\n")
        pos += len(caption) + 1
    width = grid.width()
    row_start, row_end = (OUTER_START, OUTER_END) if grid.outer_pipes else ("", "")
    cells = []
    rows = [(source_row, row) for source_row, row in enumerate(grid.rows) if any(clean_cell(v) for v in row)]
    header_rows = sum(1 for row in grid.rows[:grid.header_rows] if any(clean_cell(v) for v in row))
    for r, (source_row, row) in enumerate(rows):
        values = [clean_cell(v) for v in row] + [""] * (width - len(row))
        line_start = pos
        pos += len(row_start)
        for c, value in enumerate(values):
            if c:
                pos += len(CELL_SEPARATOR)
            cell = {"row": r, "col": c, "text": value, "start": pos, "end": pos + len(value), "header": r < header_rows}
            if (source_row, c) in grid.spanned:
                cell["spans_left"] = True
            if grid.marks.get((source_row, c)):
                cell["marks"] = list(grid.marks[(source_row, c)])
            cells.append(cell)
            pos += len(value)
        line = row_start + CELL_SEPARATOR.join(values) + row_end
        pos += len(row_end)
        assert pos - line_start == len(line)
        parts.append(line + "\n")
        pos += 1

    for note in grid.footnotes:
        note = clean_cell(note)
        if note:
            parts.append(note + "\n")
            pos += len(note) + 1
    body = "".join(parts).rstrip("\n")
    record = {"table_id": table_id, "caption": caption, "start": start, "end": start + len(body),
              "header_rows": header_rows, "cells": cells}
    return body, record


def finalize(marked: str, grids: list[TableGrid], *, explicit_sections: bool = False,
             default_section: str = "other") -> tuple[str, list[dict], list[dict]]:
    """(final text, sections, tables) from the cleaned text with marker lines.

    `explicit_sections`: the reader marked every heading itself (JATS), so lines are not classified again.
    `default_section`: the name of the text before the first heading (the whole text when there is none)."""
    out: list[str] = []
    pos = 0
    tables: list[dict] = []
    starts: list[tuple[int, str]] = []
    pending = ""
    used: set[int] = set()
    for line in marked.split("\n"):
        stripped = line.strip()
        heading = _HEADING_MARKER_LINE.fullmatch(stripped) if stripped[:1] == HEADING_MARK else None
        if heading:
            pending = heading.group(1) if heading.group(1) in SECTION_NAMES else ""
            continue
        table = _TABLE_MARKER_LINE.fullmatch(stripped) if stripped[:1] == TABLE_MARK else None
        if table:
            index = int(table.group(1))
            if index < len(grids) and index not in used and grids[index].rows:
                used.add(index)
                if pending:
                    starts.append((pos, pending))
                    pending = ""
                body, record = _render_table(grids[index], f"T{len(tables) + 1}", pos)
                tables.append(record)
                out.append(body)
                pos += len(body) + 1
            continue
        line = line.translate({ord(m): None for m in MARKS})
        if not line.strip() and (not out or not out[-1].strip()):
            continue  # a removed marker line must not leave a double blank line behind
        if pending and line.strip():
            starts.append((pos, pending))
            pending = ""
        elif not explicit_sections and line.strip():
            starts.extend((pos + offset, name) for offset, name in find_headings(line))
        out.append(line)
        pos += len(line) + 1
    while out and not out[-1].strip():
        out.pop()
    text = "\n".join(out)
    starts = [(p, n) for p, n in starts if p < len(text)]
    return text, build_sections(starts, len(text), default_section), tables


def find_headings(line: str) -> list[tuple[int, str]]:
    """(offset in line, section name) for a heading line, a leading label or labels run into one paragraph."""
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    if CELL_SEPARATOR in stripped:
        return []
    name = classify_heading(stripped)
    if name:
        return [(lead, name)]
    found: list[tuple[int, str]] = []
    for name, pattern in _LABEL_AT_LINE_START:
        if pattern.match(stripped):
            found.append((lead, name))
            break
    found += [(lead + m.start(1), classify_heading(m.group(1))) for m in _COLON_LABEL.finditer(stripped)]
    inline = [(lead + m.start(1), classify_heading(m.group(1))) for m in _INLINE_LABEL.finditer(stripped)]
    # Labels without a colon count when the paragraph has two of them, or one opening the line.
    if len({n for _, n in inline}) >= 2 or (inline and inline[0][0] == lead):
        if stripped.startswith("Abstract ") and inline[0][0] > lead:
            found.append((lead, "abstract"))
        found += inline
    return sorted({p: n for p, n in found if n}.items())


def build_sections(starts: list[tuple[int, str]], length: int, default: str = "other") -> list[dict]:
    """Contiguous spans covering [0, length): text before the first heading is `default`; same names merge."""
    if length == 0:
        return []
    points = sorted({p: n for p, n in sorted(starts)}.items())  # the last heading found at an offset wins
    spans: list[list] = []
    if not points or points[0][0] > 0:
        spans.append([default, 0])
    for p, n in points:
        if spans and spans[-1][1] == p:
            spans[-1][0] = n
        else:
            spans.append([n, p])
    merged: list[list] = []
    for name, start in spans:
        if merged and merged[-1][0] == name:
            continue
        merged.append([name, start])
    return [{"name": name, "start": start, "end": merged[i + 1][1] if i + 1 < len(merged) else length}
            for i, (name, start) in enumerate(merged)]
