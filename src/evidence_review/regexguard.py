"""A long alternation of names behind a lookahead on the characters its matches can start with (and, with
with_two_char_guard, a second one on their first two characters).

Python's re tries every branch of an alternation at every position; the lexicon's and the measure words'
alternations have dozens of branches, and most positions of a text start none of them. The lookahead is built
from the parsed pattern (re's own parser) and folds case exactly as each branch does, so the matches are the
same; a pattern whose first characters cannot be told is returned unchanged.
"""
from __future__ import annotations

import re
from re import _constants as _sre, _parser


#: stand for the digit (\d) and space (\s) categories among the first characters of a match (with_start_guard only)
_DIGIT = "\\d"
_SPACE = "\\s"
_CATEGORIES = {_sre.CATEGORY_DIGIT: _DIGIT, _sre.CATEGORY_SPACE: _SPACE}


def _class_chars(av, digits: bool = False) -> set | None:
    """The characters of a parsed character class ([a-z], [Ss]), or None when it holds more than short ranges and
    literals (a category, a negation, a wide range). With `digits`, the digit and space categories count, as _DIGIT
    and _SPACE."""
    chars = set()
    for item_op, item_av in av:
        if item_op is _sre.LITERAL:
            chars.add(chr(item_av))
        elif item_op is _sre.RANGE and item_av[1] - item_av[0] < 128:
            chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
        elif digits and item_op is _sre.CATEGORY and item_av in _CATEGORIES:
            chars.add(_CATEGORIES[item_av])
        else:
            return None
    return chars


def _first_chars(items, caseless: bool, past_lookaheads: bool = False):
    """(the characters a match of `items` can start with, as (char, caseless) pairs; whether it can be empty),
    or (None, False) when the parsed pattern holds something this does not follow. With `past_lookaheads`, a
    lookahead counts as zero width like a lookbehind (it consumes nothing: the next item's characters are still
    every character a match can start with, a lookahead only narrowing them)."""
    out: set = set()
    for op, av in items:
        if op is _sre.AT:                       # \b, ^: zero width, the next item consumes the first character
            continue
        if op in (_sre.ASSERT, _sre.ASSERT_NOT) and (av[0] < 0 or past_lookaheads):
            continue                            # a lookbehind, zero width too ("(?<![\w.])\d+": a digit first)
        if op is _sre.LITERAL:
            out.add((chr(av), caseless))
            return out, False
        if op is _sre.IN:
            chars = _class_chars(av, digits=True)
            if chars is None:
                return None, False
            out.update((c, caseless) for c in chars)
            return out, False
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            inner = (caseless or bool(add_flags & re.I)) and not del_flags & re.I
            chars, empty = _first_chars(list(sub), inner, past_lookaheads)
        elif op is _sre.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                found, can_be_empty = _first_chars(list(branch), caseless, past_lookaheads)
                if found is None:
                    return None, False
                chars |= found
                empty = empty or can_be_empty
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, _, sub = av
            chars, empty = _first_chars(list(sub), caseless, past_lookaheads)
            empty = empty or low == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def with_start_guard(pattern: str, flags: int = 0, past_lookaheads: bool = False) -> str:
    """`pattern` behind a lookahead on the characters any of its matches can start with: the same matches,
    but positions where no branch can start are passed over at once instead of trying every branch of a long
    alternation there. The lookahead folds case exactly as the branches do. Unchanged when the first
    characters cannot be told (a lookahead among the first items too, unless `past_lookaheads`: see
    _first_chars)."""
    chars, can_be_empty = _first_chars(list(_parser.parse(pattern, flags)), bool(flags & re.I), past_lookaheads)
    if chars is None or can_be_empty or not chars:
        return pattern
    parts = []
    for caseless in (False, True):
        group = "".join(sorted(c if c in (_DIGIT, _SPACE) else re.escape(c) for c, ci in chars if ci == caseless))
        if group:
            parts.append(f"(?i:[{group}])" if caseless else f"[{group}]")
    return "(?=" + "|".join(parts) + ")(?:" + pattern + ")"



# ---------------------------------------------------------------------------------------------- two characters
# The first character alone lets most positions of English text through when the alternation's names start
# with common letters ("a", "m", "r", "s", "t"); the first two ("re", "my", "ti") let through far fewer.
_OPEN_END = "…"       # marks a start whose next character was not followed (anything may come)


def _item_starts(op, av, caseless: bool, k: int):
    """The starts (tuples of (char, caseless) pairs) of what one parsed item matches, or None when unknown."""
    if op is _sre.LITERAL:
        return {((chr(av), caseless),)}
    if op is _sre.IN:
        chars = _class_chars(av)
        return None if chars is None else {((c, caseless),) for c in chars}
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _starts(list(sub), (caseless or bool(add_flags & re.I)) and not del_flags & re.I, k)
    if op is _sre.BRANCH:
        out = set()
        for branch in av[1]:
            found = _starts(list(branch), caseless, k)
            if found is None:
                return None
            out |= found
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, sub = av
        found = _starts(list(sub), caseless, k)
        if found is None:
            return None
        # after one repetition another may follow: a short start is left open unless at most one repetition
        out = {s if len(s) >= k or s[-1:] == (_OPEN_END,) or high == 1 else s + (_OPEN_END,) for s in found}
        if low == 0:
            out.add(())
        return out
    return None


def _starts(items, caseless: bool, k: int):
    """The possible starts of a match of the item sequence: tuples of k (char, caseless) pairs, or shorter ones
    that end the match or end in _OPEN_END; None when a start cannot be told."""
    results = {()}
    for op, av in items:
        growing = {p for p in results if len(p) < k and p[-1:] != (_OPEN_END,)}
        if not growing:
            break
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):      # zero width: the next item consumes
            continue
        step = _item_starts(op, av, caseless, k)
        if step is None:
            step = {(_OPEN_END,)}
        results = (results - growing) | {(p + s)[:k] if len(p + s) > k else p + s for p in growing for s in step}
    return results


def _char(c: str, caseless: bool) -> str:
    return f"(?i:{re.escape(c)})" if caseless else re.escape(c)


def with_two_char_guard(pattern: str, flags: int = 0) -> str:
    """with_start_guard, and behind it a lookahead on the first two characters a match can start with. The
    same matches; unchanged (but for the one-character guard) when the starts cannot be told."""
    guarded = with_start_guard(pattern, flags)
    if guarded == pattern:
        return pattern
    starts = _starts(list(_parser.parse(pattern, flags)), bool(flags & re.I), 2)
    if not starts or any(not s or s[0] == _OPEN_END for s in starts):
        return guarded
    by_first: dict[tuple, set] = {}
    for s in starts:
        second = s[1] if len(s) > 1 and s[1] != _OPEN_END else None
        by_first.setdefault(s[0], set()).add(second)
    branches = []
    for first, seconds in sorted(by_first.items()):
        if None in seconds:
            branches.append(_char(*first))
            continue
        plain = "".join(sorted(re.escape(c) for c, ci in seconds if not ci))
        folded = "".join(sorted(re.escape(c) for c, ci in seconds if ci))
        if plain:
            branches.append(_char(*first) + f"[{plain}]")
        if folded:
            branches.append(_char(*first) + f"(?i:[{folded}])")
    cut = guarded.index(")(?:") + 1      # after the one-character lookahead
    return guarded[:cut] + "(?=" + "|".join(branches) + ")" + guarded[cut:]


def _re_skips_ahead(pattern: re.Pattern) -> bool:
    """True when re itself jumps to the positions a match can start at: the pattern opens with a literal or a
    character class that case folding leaves alone (re's own prefix search; a lookahead in front would hide it)."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    caseless = bool(pattern.flags & re.I)
    while items and items[0][0] is _sre.SUBPATTERN:
        _, add_flags, del_flags, sub = items[0][1]
        caseless = (caseless or bool(add_flags & re.I)) and not del_flags & re.I
        items = list(sub)
    if not items or items[0][0] not in (_sre.LITERAL, _sre.IN):
        return False
    op, av = items[0]
    chars = {chr(av)} if op is _sre.LITERAL else _class_chars(av, digits=True)
    return chars is not None and (not caseless or all(c in (_DIGIT, _SPACE) or c.lower() == c.upper() for c in chars))


def start_guarded(pattern: re.Pattern, past_lookaheads: bool = False) -> re.Pattern:
    """`pattern` compiled behind with_start_guard, unless re already jumps to its possible starts (then the
    lookahead would only cost time) or the starts cannot be told. The same matches either way. `past_lookaheads`:
    the first characters are read past a lookahead as well (the grammar's value start holds one in a branch:
    "(?<=vs.)(?=digit)")."""
    if _re_skips_ahead(pattern):
        return pattern
    guarded = with_start_guard(pattern.pattern, pattern.flags, past_lookaheads)
    try:
        return pattern if guarded == pattern.pattern else re.compile(guarded, pattern.flags)
    except re.error:        # global inline flags ("(?i)...") must stay first: left as it is
        return pattern
