"""One copy of text a document repeats (an abstract given in a JSON field, again in a nested field and again
as plain text; a catalogue's truncated abstract snippet followed by the full abstract).

A line is dropped when its comparison key (letters and digits only, lower case, without a trailing ellipsis)
equals an earlier line's key, or is contained in a longer kept line's key. Short lines (headings such as
"Methods") are never dropped: repeating them is harmless and they carry structure.
"""
from __future__ import annotations

import re

#: Lines whose key is shorter than this are kept even when repeated.
MIN_KEY_CHARS = 40
#: Above this many long lines only exact repeats are removed (containment checks would be quadratic).
MAX_LINES_FOR_CONTAINMENT = 1000

_NON_ALNUM = re.compile(r"[\W_]+")
_TRAILING_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


def line_key(line: str) -> str:
    return _NON_ALNUM.sub("", _TRAILING_ELLIPSIS.sub("", line)).lower()


def drop_repeats(text: str) -> str:
    lines = text.split("\n")
    keys = [line_key(line) for line in lines]
    long_idx = [i for i, k in enumerate(keys) if len(k) >= MIN_KEY_CHARS]
    drop: set[int] = set()
    seen: set[str] = set()
    for i in long_idx:
        if keys[i] in seen:
            drop.add(i)
        seen.add(keys[i])
    if len(long_idx) <= MAX_LINES_FOR_CONTAINMENT:
        # Longest first: a line contained in a longer one goes, wherever it stands.
        by_length = sorted((i for i in long_idx if i not in drop), key=lambda i: (-len(keys[i]), i))
        kept_keys: list[str] = []
        for i in by_length:
            if any(keys[i] in k for k in kept_keys):
                drop.add(i)
            else:
                kept_keys.append(keys[i])
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)
