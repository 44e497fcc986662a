"""Test helper: a table grid shaped like ingestion's (DESIGN.md, texts.jsonl `tables`), made from pipe-table
lines of a text, with every cell's offsets pointing into that text."""
from __future__ import annotations

import re


def pipe_table(text: str, header_line: str, table_id: str = "T1", caption: str = "", header_rows: int = 1) -> dict:
    """The grid of the pipe table whose first line is `header_line` (the contiguous lines with '|' from there,
    with or without outer bars); a separator line '|---|' is not a row."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    first = lines.index(header_line)
    last = first
    while last + 1 < len(lines) and "|" in lines[last + 1]:
        last += 1
    cells, row = [], 0
    for i in range(first, last + 1):
        line, base = lines[i], offsets[i]
        if re.fullmatch(r"[\s|:-]+", line):
            continue
        bars = [m.start() for m in re.finditer(r"\|", line)]
        if not line.lstrip().startswith("|"):       # "a | b | c": rows written without outer bars
            bars = [-1] + bars + [len(line)]
        for col, (a, b) in enumerate(zip(bars, bars[1:])):
            raw = line[a + 1:b]
            start = base + a + 1 + len(raw) - len(raw.lstrip())
            cells.append({"row": row, "col": col, "text": raw.strip(), "start": start,
                          "end": start + len(raw.strip()), "header": row < header_rows})
        row += 1
    return {"table_id": table_id, "caption": caption, "start": offsets[first],
            "end": offsets[last] + len(lines[last]), "header_rows": header_rows, "cells": cells}


def read_pipe_table(text: str, header_line: str, caption: str = "", header_rows: int = 1, footnote: str = ""):
    """(study model, rows the table reader reads) of `text` whose only table is the pipe table at `header_line`;
    `footnote`, a line under the table, falls inside the table's span as ingestion writes a grid's footnotes."""
    from evidence_review.extract.study import build_study
    from evidence_review.extract.table_reader import read_table

    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    if footnote:
        table["end"] = text.index(footnote) + len(footnote)
    study = build_study("d", text, {"tables": [table]})
    return study, read_table("d", text, table, study)


def bare_grid(lines: list[str], header_rows: int) -> dict:
    """A grid of pipe-table lines alone (no text around it, every offset 0): the first `header_rows` lines are the
    header, for readers that take a grid's cells and nothing else."""
    cells = []
    for r, line in enumerate(lines):
        for c, t in enumerate(line.strip().strip("|").split("|")):
            cells.append({"row": r, "col": c, "text": t.strip(), "start": 0, "end": 0, "header": r < header_rows})
    return {"cells": cells, "header_rows": header_rows}


def cell_texts(grid: dict) -> dict[tuple[int, int], str]:
    """{(row, col): text} of a grid's cells."""
    return {(c["row"], c["col"]): c["text"] for c in grid["cells"]}
