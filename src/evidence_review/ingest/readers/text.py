"""Plain text (and anything not recognised as a structured format): the whole file is one document."""
from __future__ import annotations

from ..markup import has_markup
from ..records import Record


def read_text(text: str) -> list[Record]:
    return [Record(record=0, body=text, body_has_markup=has_markup(text))]
