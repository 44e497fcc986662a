"""The start guards of the package's regular expressions live in `evidence_review.regexguard` (ingestion uses them
too, and may not import extraction); this name stays for extraction's modules and tests."""
from __future__ import annotations

from ..regexguard import (_DIGIT, _OPEN_END, _class_chars, _first_chars, _item_starts, _re_skips_ahead, _starts,  # noqa: F401
                          start_guarded, with_start_guard, with_two_char_guard)
