"""Plain text (and anything not recognised as a structured format): the whole file is one document.

Tables written as text (pipe, whitespace-aligned, run together from a PDF) are taken out as grids first
(texttables.py): normalization would collapse the spacing that tells their columns apart.
"""
from __future__ import annotations

from ..markup import has_markup
from ..records import Record
from ..texttables import extract_text_tables


def read_text(text: str) -> list[Record]:
    markup = has_markup(text)
    body, tables = (text, []) if markup else extract_text_tables(text)
    return [Record(record=0, body=body, body_has_markup=markup, tables=tables)]
