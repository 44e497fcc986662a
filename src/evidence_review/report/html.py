"""What the sections hand to the templates: plain text, typed pieces of prose, and element ids.

The sections module selects data; the Jinja2 templates (`templates/report/`, autoescape on) write the markup.
Prose with links is a sequence of pieces: `str` (text, escaped by the template), `Num` (a pooled number that
links to its source), `EstimateNum` (a number of one estimate, tagged for checking), `Link` and `Mark`.
Input documents are hostile by assumption: a title such as `<script>…</script>` reaches the browser as text
because every string is escaped when the template writes it, never here.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass

# C0/C1 control characters other than tab and newlines: invisible, and some are invalid in HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text(value) -> str:
    """Plain text for the page: missing values (None, NaN, pd.NA) become '', control characters U+FFFD."""
    if type(value) is str and value.isprintable():
        return value  # the common case: no control character, no lone surrogate (neither is printable)
    if value is None:
        return ""
    try:
        if value != value:  # NaN, and pd.NA raises below
            return ""
    except (TypeError, ValueError):
        return ""
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "−∞"
    out = str(value)
    if _CONTROL.search(out):
        out = _CONTROL.sub("\ufffd", out)
    # Lone surrogates (from bytes decoded with surrogateescape) cannot be written as UTF-8.
    return out.encode("utf-8", "replace").decode("utf-8") if not out.isascii() else out


@dataclass(frozen=True)
class Num:
    """A number of the pooled table that links to where it comes from; data-* let a test compare it."""
    shown: str
    href: str
    cell: str
    field: str
    value: str  # repr(float) of the table value


@dataclass(frozen=True)
class EstimateNum:
    """A number of one extracted estimate (value or a CI limit), tagged with the estimate id."""
    shown: str
    estimate_id: str
    field: str
    value: str


@dataclass(frozen=True)
class Link:
    label: object  # text, or a tuple of pieces
    href: str
    css: str = ""
    title: str = ""


@dataclass(frozen=True)
class Mark:
    """A highlighted run of an evidence sentence (kind: value | ci)."""
    text: str
    kind: str


def anchor_id(prefix: str, key) -> str:
    """A safe, stable element id for a table key (ids come from input tables and may hold any character)."""
    raw = text(key)
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", raw)[:80]
    if clean != raw:  # keep distinct keys distinct after cleaning
        clean += "-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{clean}"


def estimate_anchor(estimate_id) -> str:
    return anchor_id("est", estimate_id)


def document_anchor(doc_id) -> str:
    return anchor_id("doc", doc_id)


def cell_anchor(cell_id) -> str:
    return anchor_id("cell", cell_id)


@dataclass(frozen=True)
class Td:
    """A table cell with a class (plain values in a row become plain cells)."""
    content: object
    css: str = ""
    title: str = ""


@dataclass(frozen=True)
class More:
    """'Showing 100 of 2,345; all are in the appendix': a long list cut on the main page."""
    shown: int
    total: int
    href: str
    what: str


@dataclass(frozen=True)
class Table:
    header: tuple
    rows: tuple  # of tuples of cells (str, pieces, Td)
    caption: str = ""
    css: str = "data"
    scroll: bool = False
    more: More | None = None
    id: str = ""


@dataclass(frozen=True)
class Span:
    """A run of pieces with a class (<span class=…>)."""
    content: object
    css: str
    title: str = ""


@dataclass(frozen=True)
class Break:
    """A line break inside a table cell."""


BREAK = Break()
