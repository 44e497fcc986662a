"""Multi-record exports read record by record: MEDLINE/.nbib, RIS, PubMed XML, CSV/TSV, JSON Lines and JSON
arrays of records.

A database search gives one file with thousands of records. Such a file is never parsed whole: its text is
read piece by piece (`readline` with a size, so one endless line is cut into pieces too), cut into one block
per record where the format says a record ends, and each block is handed to its format's reader (Biopython's
`Medline.parse`, rispy, lxml, pandas in chunks of rows, `json`). Limits apply per record: a block longer than
`MAX_RECORD_CHARS` is dropped while it is read and becomes one skipped Record with the reason, its neighbours
are kept. The same code reads a small export from memory and a large one from the disk, so both give the
same records.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .limits import MAX_RECORD_CHARS
from .records import ReaderError, Record

#: Formats whose files are read record by record whatever their size.
STREAMED_FORMATS = ("medline", "ris", "pubmed-xml", "csv", "tsv")

#: At most this many characters are read as one piece (a longer line arrives in several pieces).
PIECE_CHARS = 1 << 20

_ARTICLE_START = re.compile(r"<(PubmedArticle|PubmedBookArticle)(?=[\s>/])")
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)


@dataclass
class Oversize:
    """A record whose text passed MAX_RECORD_CHARS while it was read: its text was dropped."""

    chars: int


def too_long(index: int, chars: int, what: str = "record") -> Record:
    return Record(record=index, skip_reason=f"{what} {index} is {chars:,}+ characters long, over the "
                                            f"{MAX_RECORD_CHARS:,}-character limit for one record: not read")


def pieces(stream) -> Iterator[str]:
    """The stream's lines, each at most PIECE_CHARS characters (a longer line comes in several pieces)."""
    while True:
        piece = stream.readline(PIECE_CHARS)
        if not piece:
            return
        yield piece


def line_blocks(stream, ends_record: Callable[[str], bool], keep_end: bool) -> Iterator[str | Oversize]:
    """Blocks of whole lines, one per record: a line for which `ends_record` is true closes the block (kept in it
    when `keep_end`). Blocks of nothing but closing lines are not returned."""
    parts: list[str] = []
    size = 0
    oversize = False
    at_line_start = True
    for piece in pieces(stream):
        starts_line, at_line_start = at_line_start, piece.endswith("\n")
        if starts_line and ends_record(piece):
            if keep_end and not oversize:
                parts.append(piece)
            if oversize:
                yield Oversize(size)
            elif size:
                yield "".join(parts)
            parts, size, oversize = [], 0, False
            continue
        size += len(piece)
        if oversize:
            continue
        if size > MAX_RECORD_CHARS:
            parts, oversize = [], True
            continue
        parts.append(piece)
    if oversize:
        yield Oversize(size)
    elif parts:
        yield "".join(parts)


def _blank(line: str) -> bool:
    return not line.strip()


def _ris_end(line: str) -> bool:
    return line.startswith("ER  -")  # rispy's end tag: "ER", then "  -"


def xml_article_blocks(stream) -> Iterator[str | Oversize]:
    """Each `<PubmedArticle>...</PubmedArticle>` (or PubmedBookArticle) of a PubMed XML text, found by its tags
    (articles never nest). Text before the first article (the XML declaration, DOCTYPE and the set's start tag)
    is checked for entity declarations, which refuse the whole file as `parse_xml_noting` does; text between
    articles (the set's tags, whitespace, DeleteCitation) is passed over. Each piece is searched once."""
    carry = ""  # the end of the text outside articles, where a start tag may have been cut
    inside = closing = tail = ""
    parts: list[str] = []
    size = 0
    oversize, preamble = False, True

    def refuse_entities(outside: str) -> None:
        if preamble and _ENTITY_DECLARATION.search(outside):
            raise ReaderError("XML declares entities in a DTD; refused for safety (entities are never expanded)")

    for piece in pieces(stream):
        text, carry = carry + piece, ""
        while text:
            if not inside:
                m = _ARTICLE_START.search(text)
                refuse_entities(text[:m.start()] if m else text)
                if not m:
                    carry = text[-40:]
                    break
                preamble = False
                inside, closing = m.group(1), f"</{m.group(1)}>"
                parts, size, oversize, tail, text = [], 0, False, "", text[m.start():]
            found = (tail + text).find(closing)
            cut = len(text) if found < 0 else found + len(closing) - len(tail)
            size += cut
            if not oversize and size > MAX_RECORD_CHARS:
                parts, oversize = [], True
            if not oversize:
                parts.append(text[:cut])
            tail = (tail + text[:cut])[-len(closing):]
            text = text[cut:]
            if found >= 0:
                yield Oversize(size) if oversize else "".join(parts)
                inside, parts = "", []
    if inside:  # the file stops inside an article: its reader reports it as truncated
        yield Oversize(size) if oversize else "".join(parts)


def _medline(stream) -> Iterator[Record]:
    from .readers.medline import medline_record

    for index, block in enumerate(line_blocks(stream, _blank, keep_end=False)):
        yield too_long(index, block.chars) if isinstance(block, Oversize) else medline_record(block, index)


def _ris(stream) -> Iterator[Record]:
    from .readers.ris import ris_records

    index = 0
    for block in line_blocks(stream, _ris_end, keep_end=True):
        records = [too_long(index, block.chars)] if isinstance(block, Oversize) else ris_records(block, index)
        yield from records
        index += len(records)


def _pubmed_xml(stream) -> Iterator[Record]:
    from .readers.xml_records import pubmed_article_record

    for index, block in enumerate(xml_article_blocks(stream)):
        yield too_long(index, block.chars, "article") if isinstance(block, Oversize) else \
            pubmed_article_record(block, index)


def _table(stream, sep: str) -> Iterator[Record]:
    from .readers.tabular import table_records

    yield from table_records(stream, sep)


def _csv(stream) -> Iterator[Record]:
    from .readers.tabular import table_separator

    first = stream.readline(PIECE_CHARS)
    header_stream = _Prepended(first, stream)
    yield from _table(header_stream, table_separator(first.split("\n", 1)[0]))


def _whole_lines(stream) -> Iterator[str | Oversize]:
    """Each line of the stream, or Oversize for a line longer than MAX_RECORD_CHARS (dropped while read)."""
    parts: list[str] = []
    size = 0
    for piece in pieces(stream):
        size += len(piece)
        if size <= MAX_RECORD_CHARS:
            parts.append(piece)
        elif parts:
            parts = []
        if piece.endswith("\n"):
            yield "".join(parts) if size <= MAX_RECORD_CHARS else Oversize(size)
            parts, size = [], 0
    if size:
        yield "".join(parts) if size <= MAX_RECORD_CHARS else Oversize(size)


def json_lines(stream) -> Iterator[Record]:
    """JSON Lines: one object per line (blank lines ignored); a line that is not an object, or is too long, is
    skipped on its own."""
    from .limits import MAX_JSON_DEPTH
    from .readers.json_records import json_depth, record_from_object

    index = 0
    for line in _whole_lines(stream):
        if isinstance(line, Oversize):
            yield too_long(index, line.chars, "line")
            index += 1
            continue
        line = line.strip()
        if not line:
            continue
        if json_depth(line) > MAX_JSON_DEPTH:
            yield Record(record=index, skip_reason=f"line {index + 1} is JSON nested over {MAX_JSON_DEPTH} levels")
        else:
            try:
                value = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                value = None
                yield Record(record=index, skip_reason=f"line {index + 1} is not valid JSON "
                                                       f"({str(exc).split(':')[0][:80]})")
            if isinstance(value, dict):
                yield record_from_object(value, index)
            elif value is not None:
                yield Record(record=index, skip_reason=f"line {index + 1} is a JSON {type(value).__name__}, "
                                                       "not an object")
        index += 1


class _Counting:
    """A text stream read as UTF-8 bytes (what ijson parses), counting the characters read through it."""

    def __init__(self, stream):
        self._stream, self.chars = stream, 0

    def read(self, size: int = -1) -> bytes:
        text = self._stream.read(size)
        self.chars += len(text)
        return text.encode("utf-8", "replace")


def json_array(stream) -> Iterator[Record]:
    """A JSON array of record objects, item by item with ijson (C backend), the array never held whole. An item
    over MAX_RECORD_CHARS is skipped; ijson builds an item before its size is known, so this limit bounds what
    is kept, and the file size (MAX_EXPORT_BYTES) what one item may hold while it is read."""
    import ijson

    from .readers.json_records import record_from_object

    counting = _Counting(stream)
    index, read_before = 0, 0
    try:
        for index, item in enumerate(ijson.items(counting, "item", use_float=True)):
            size, read_before = counting.chars - read_before, counting.chars
            if size > MAX_RECORD_CHARS:
                yield too_long(index, size, "item")
            elif isinstance(item, dict):
                yield record_from_object(item, index)
            else:
                yield Record(record=index, skip_reason=f"JSON item {index} is a {type(item).__name__}, not an object "
                                                       "with title/abstract fields")
    except ijson.JSONError as exc:
        raise ReaderError(f"truncated or invalid JSON ({str(exc)[:80]})") from None


class _Prepended:
    """A stream with some text put back in front of it (a header line read to choose the separator)."""

    def __init__(self, first: str, stream):
        self._first, self._stream = first, stream

    def readline(self, size: int = -1) -> str:
        if self._first:
            out, self._first = self._first, ""
            return out
        return self._stream.readline(size)

    def read(self, size: int = -1) -> str:
        if self._first:
            out, self._first = self._first, ""
            return out
        return self._stream.read(size)

    def __iter__(self):
        """Whole lines, as the stream itself gives them (csv needs whole lines)."""
        if self._first:
            first, self._first = self._first, ""
            yield first
        yield from self._stream


READERS = {"medline": _medline, "ris": _ris, "pubmed-xml": _pubmed_xml, "csv": _csv,
           "tsv": lambda stream: _table(stream, "\t"), "jsonl": json_lines, "json-array": json_array}

#: The `format` written in documents.csv for a reader whose name differs from it.
ROW_FORMAT = {"jsonl": "json", "json-array": "json"}

#: The reason when a file of this format holds no record at all.
NO_RECORDS = {"medline": "no MEDLINE records found", "ris": "no RIS records found",
              "pubmed-xml": "no PubmedArticle elements in the XML", "csv": "table has a header but no rows",
              "tsv": "table has a header but no rows", "json": "no JSON records found"}

_PMID_LINE = re.compile(r"^PMID- ?\d", re.M)
_TY_LINE = re.compile(r"^TY  - ", re.M)


def check_export(reader: str, text: str) -> bool:
    """Whether `text` (a whole file, or the first bytes of a large one) can be read record by record: raises
    ReaderError when the file as a whole is unusable, False when a PubMed XML file's articles are not found by
    their tags (its reader then parses the tree whole, which only a file under MAX_FILE_BYTES gets)."""
    if reader == "medline" and not _PMID_LINE.search(text):
        raise ReaderError("no MEDLINE records found (no 'PMID- ' lines)")
    if reader == "ris" and not _TY_LINE.search(text):
        raise ReaderError("no RIS records found (no 'TY  - ' lines)")
    if reader == "pubmed-xml" and not _ARTICLE_START.search(text):
        return False
    return True


def export_reader(name: str, head: str) -> str | None:
    """The reader of a large file from its name and first characters, or None when it is no multi-record export
    (then only MAX_FILE_BYTES applies)."""
    from .sniff import sniff_format

    fmt = sniff_format(name, head)
    if fmt in STREAMED_FORMATS:
        return fmt
    if fmt != "json":
        return None
    start = head.lstrip()[:1]
    if start == "[":
        return "json-array"
    if start != "{":
        return None
    if name.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    lines = head.lstrip().split("\n", 2)
    try:  # a complete object on the first line and another object starting on the next one
        return "jsonl" if len(lines) > 2 and isinstance(json.loads(lines[0]), dict) and \
            lines[1].lstrip().startswith("{") else None
    except (ValueError, RecursionError):
        return None


def records_of(fmt: str, stream) -> Iterator[Record]:
    """The records of an export in `fmt`, read lazily from a text stream (`io.StringIO` or
    `decode.CleanTextStream`). Raises ReaderError when the file as a whole cannot be used."""
    return READERS[fmt](stream)


def read_whole_export(fmt: str, text: str, name: str) -> list[Record]:
    """Every record of an export held in memory as one text, cut apart as `records_of` cuts a large file;
    ReaderError naming the format (`name`) when there is none."""
    check_export(fmt, text)
    records = list(records_of(fmt, io.StringIO(text)))
    if not records:
        raise ReaderError(f"no {name} records found")
    return records
