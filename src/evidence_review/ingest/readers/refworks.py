"""RefWorks tagged format (`RT Journal Article`, `T1 title`, `A1 author`, `YR 2020`, `AB abstract`, ...).

Records are separated by blank lines, tags start lines. Copied from a web page the line breaks are often
lost ("RT Journal Article SR Electronic T1 ... AB ..."): then the tags are found as two-letter upper-case
tokens from the known tag list, in the header part only; everything after `AB` is the abstract (abstracts
contain upper-case words such as "NO" or "IS" that must not be read as tags).
"""
from __future__ import annotations

import re

from ..records import ReaderError, Record

TAGS = ("RT SR ID A1 A2 A3 A4 A5 A6 T1 T2 T3 JF JO YR FD VO IS SP OP K1 AB NO PB PP ED ET SN AD AN LA CL SF OT "
        "WP OL UL DO DS LK CR CN IP RD SE DB WT WV AT").split()
_TAG_LINE = re.compile(rf"^({'|'.join(TAGS)}) (.*)$")
_TAG_INLINE = re.compile(rf"(?:^|\s)({'|'.join(TAGS)}) (?=\S)")


def _parse_lines(block: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for line in block.split("\n"):
        m = _TAG_LINE.match(line)
        if m:
            fields.append((m.group(1), m.group(2).strip()))
        elif fields and line.strip():
            tag, value = fields[-1]
            fields[-1] = (tag, value + " " + line.strip())
    return fields


def _parse_flattened(block: str) -> list[tuple[str, str]]:
    ab = re.search(r"(?:^|\s)AB (?=\S)", block)
    header, abstract = (block[:ab.start()], block[ab.end():]) if ab else (block, "")
    marks = list(_TAG_INLINE.finditer(header))
    fields = []
    for m, nxt in zip(marks, marks[1:] + [None]):
        value = header[m.end(): nxt.start() if nxt else len(header)].strip()
        fields.append((m.group(1), value))
    if ab:
        fields.append(("AB", abstract.strip()))
    return fields


def _to_record(fields: list[tuple[str, str]], index: int) -> Record:
    rec = Record(record=index)
    authors = []
    for tag, value in fields:
        if tag == "T1" and not rec.title:
            rec.title = value
        elif tag == "A1":
            authors.append(value)
        elif tag == "JF":
            rec.journal = value
        elif tag == "JO" and not rec.journal:
            rec.journal = value
        elif tag == "YR":
            rec.year = value
        elif tag == "FD" and not rec.year and re.search(r"\d{4}", value):
            rec.year = value
        elif tag == "DO":
            rec.doi = value
        elif tag == "AB":
            rec.body = value
        elif tag == "LA":
            rec.language = value
        elif tag == "RT":
            rec.publication_types.append(value)
        elif tag == "AN" and value.isdigit():
            rec.pmid = value
    rec.authors = "; ".join(authors)
    rec.body = "\n\n".join(p for p in (rec.title, rec.body) if p)
    if not rec.body:
        rec.skip_reason = "RefWorks record has neither a title (T1) nor an abstract (AB)"
    return rec


def read_refworks(text: str) -> list[Record]:
    blocks = [b for b in re.split(r"\n\s*\n(?=RT )", text.strip()) if b.strip()]
    records = []
    for i, block in enumerate(blocks):
        multi_line = sum(1 for ln in block.split("\n") if _TAG_LINE.match(ln))
        fields = _parse_lines(block) if multi_line >= 3 else _parse_flattened(block)
        if not any(tag in ("T1", "AB") for tag, _ in fields):
            records.append(Record(record=i, skip_reason="not a readable RefWorks record (no T1 or AB tag)"))
            continue
        records.append(_to_record(fields, i))
    if not records:
        raise ReaderError("no RefWorks records found")
    return records
