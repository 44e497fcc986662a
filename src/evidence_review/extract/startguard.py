"""A long alternation of names behind a lookahead on the characters its matches can start with.

Python's re tries every branch of an alternation at every position; the lexicon's and the measure words'
alternations have dozens of branches, and most positions of a text start none of them. The lookahead is built
from the parsed pattern (re's own parser) and folds case exactly as each branch does, so the matches are the
same; a pattern whose first characters cannot be told is returned unchanged.
"""
from __future__ import annotations

import re
from re import _constants as _sre, _parser


def _first_chars(items, caseless: bool):
    """(the characters a match of `items` can start with, as (char, caseless) pairs; whether it can be empty),
    or (None, False) when the parsed pattern holds something this does not follow."""
    out: set = set()
    for op, av in items:
        if op is _sre.AT:                       # \b, ^: zero width, the next item consumes the first character
            continue
        if op is _sre.LITERAL:
            out.add((chr(av), caseless))
            return out, False
        if op is _sre.IN:
            chars = set()
            for item_op, item_av in av:
                if item_op is _sre.LITERAL:
                    chars.add(chr(item_av))
                elif item_op is _sre.RANGE and item_av[1] - item_av[0] < 128:
                    chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
                else:
                    return None, False
            out.update((c, caseless) for c in chars)
            return out, False
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            inner = (caseless or bool(add_flags & re.I)) and not del_flags & re.I
            chars, empty = _first_chars(list(sub), inner)
        elif op is _sre.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                found, can_be_empty = _first_chars(list(branch), caseless)
                if found is None:
                    return None, False
                chars |= found
                empty = empty or can_be_empty
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, _, sub = av
            chars, empty = _first_chars(list(sub), caseless)
            empty = empty or low == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def with_start_guard(pattern: str, flags: int = 0) -> str:
    """`pattern` behind a lookahead on the characters any of its matches can start with: the same matches,
    but positions where no branch can start are passed over at once instead of trying every branch of a long
    alternation there. The lookahead folds case exactly as the branches do. Unchanged when the first
    characters cannot be told."""
    chars, can_be_empty = _first_chars(list(_parser.parse(pattern, flags)), bool(flags & re.I))
    if chars is None or can_be_empty or not chars:
        return pattern
    parts = []
    for caseless in (False, True):
        group = "".join(sorted(re.escape(c) for c, ci in chars if ci == caseless))
        if group:
            parts.append(f"(?i:[{group}])" if caseless else f"[{group}]")
    return "(?=" + "|".join(parts) + ")(?:" + pattern + ")"

