"""Markdown (`.md`): ATX headings (`## Results`) and pipe tables.

Headings lose their `#` marks and, when their words name a section, get a heading marker (structure.py);
pipe tables (and tables written as aligned text) become grids (texttables.py). Emphasis and link syntax are
left as written: they never change a number. Fenced code blocks are kept as text (no tables are read in them).
"""
from __future__ import annotations

import re

from ..records import Record
from ..structure import classify_heading, heading_marker
from ..texttables import extract_text_tables

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")


def read_markdown(text: str) -> list[Record]:
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    in_fence = False
    title = ""
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append(line)
            continue
        m = None if in_fence else _ATX_HEADING.match(line)
        if m:
            heading = m.group(2).strip()
            if len(m.group(1)) == 1 and not title:
                title = heading
            name = classify_heading(heading)
            out.extend(["", heading_marker(name)] if name else [""])
            out.extend([heading, ""])
            continue
        if not in_fence and _SETEXT_UNDERLINE.match(line) and out and out[-1].strip() and "|" not in out[-1]:
            name = classify_heading(out[-1])
            if name:
                out[-1:] = ["", heading_marker(name), out[-1]]
            continue
        out.append(line)
    body, tables = extract_text_tables("\n".join(out))
    return [Record(record=0, title=title, body=body, tables=tables)]
