"""A regular expression behind a literal prefilter: text that holds none of the strings every match must contain
is answered at once (no match), without the regex engine visiting each of its positions.

Python's re costs 10-40 ns per position of the text for each pattern that has no literal prefix, so a document
of a few kilobytes searched by dozens of patterns spends most of its time in positions where nothing can match.
`required_literals` reads the parsed pattern (re's own parser) and finds strings of which every match holds at
least one ("published", "publicado", "epub" ... for `\\b(?:published|publicado|...|epub)\\b...`); `in` finds
them at memory speed. Case-insensitive strings are looked up in the lower-cased text (`fold`), which maps every
character re's IGNORECASE takes for an ASCII letter to that letter, so nothing that matches is passed over; only
their ASCII parts are used. A pattern without such strings (it can start with anything) is searched as before.
The answers are re's own: the filter only skips texts that cannot match.
"""
from __future__ import annotations

import re
from re import _constants as _sre, _parser

from _sre import unicode_iscased

#: Strings shorter than this are not worth a lookup ("a" is in every text), unless they are not ASCII ("©").
MIN_LITERAL = 2

#: Characters re's IGNORECASE matches to an ASCII letter that str.lower() does not turn into that letter
#: (tests/test_regexfilter.py checks every code point).
_FOLD_FIXES = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}
_NEEDS_FIX = re.compile("[" + "".join(_FOLD_FIXES) + "]")
_FIX_TABLE = str.maketrans(_FOLD_FIXES)


def fold(text: str) -> str:
    """`text` lower-cased so that a case-insensitive ASCII literal re would find is found by `in`."""
    if not text.isascii() and _NEEDS_FIX.search(text):
        text = text.translate(_FIX_TABLE)
    return text.lower()


# A requirement is a frozenset of (string, caseless) pairs: every match holds at least one of the strings;
# None means no requirement could be found.

def _foldable_part(string: str) -> str:
    """The longest run of characters `fold` keeps comparable in a case-insensitive string: ASCII characters and
    characters without case ("©", "±"), which re's IGNORECASE matches only to themselves."""
    runs, run = [], []
    for char in string + "\u00e9":  # a cased non-ASCII letter ends the last run
        if char.isascii() or not unicode_iscased(ord(char)):
            run.append(char)
        else:
            runs.append("".join(run))
            run = []
    return max(runs, key=len)


def _literal_run(chars: list[tuple[str, bool]]) -> frozenset | None:
    if not chars:
        return None
    caseless = any(ci for _, ci in chars)
    string = "".join(c for c, _ in chars)
    if caseless:
        string = _foldable_part(string).lower()
    worth = len(string) >= MIN_LITERAL or (string and not string.isascii())
    return frozenset({(string, caseless)}) if worth else None


def _strength(requirement: frozenset | None) -> int:
    """How selective a requirement is: the length of its shortest string, a non-ASCII character counting as a
    word (0 for none)."""
    if not requirement:
        return 0
    return min(len(s) + (MIN_LITERAL if not s.isascii() else 0) for s, _ in requirement)


def _sequence(items, caseless: bool) -> frozenset | None:
    """The most selective requirement among the items of a sequence (runs of literals joined into strings)."""
    best: frozenset | None = None
    run: list[tuple[str, bool]] = []

    def consider(requirement):
        nonlocal best
        if _strength(requirement) > _strength(best):
            best = requirement

    for op, av in items:
        if op is _sre.LITERAL:
            run.append((chr(av), caseless))
            continue
        consider(_literal_run(run))
        run = []
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            consider(_sequence(list(sub), (caseless or bool(add_flags & re.I)) and not del_flags & re.I))
        elif op is _sre.BRANCH:
            found = [_sequence(list(branch), caseless) for branch in av[1]]
            if all(found):
                consider(frozenset().union(*found))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            consider(_sequence(list(av[2]), caseless))
        # anything else (classes, assertions, anchors, back-references) requires nothing found here
    consider(_literal_run(run))
    return best


def required_literals(pattern: re.Pattern) -> frozenset | None:
    """Strings (with whether each is looked up case-insensitively) of which every match of `pattern` holds one,
    or None. Patterns with flags that change what a literal matches (VERBOSE is read by the parser; LOCALE and
    ASCII-only case folding are not followed) get None."""
    if pattern.flags & (re.LOCALE | re.ASCII) or isinstance(pattern.pattern, bytes):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    requirement = _sequence(list(parsed), bool(pattern.flags & re.I))
    return requirement if _strength(requirement) >= MIN_LITERAL else None


class Prefiltered:
    """A compiled pattern with the same search/match methods, which answers "no match" for text that holds none
    of its required strings. The lower-cased text of the last document is kept, so that many patterns searching
    the same text fold it once."""

    __slots__ = ("compiled", "_keys", "_plain", "_caseless")
    #: (text, {string: found}, {string: found in the folded text, None: folded text}) of the last few texts searched
    #: (a document's head and its page are searched in turn): many patterns share strings ("patients", "randomi"),
    #: each looked up once. Keyed by the bare strings, whose hashes Python keeps (a (string, caseless) tuple key was
    #: hashed anew at every lookup: half of may_match's time, which was ~5% of extraction's).
    _recent: tuple = ()
    RECENT = 4

    def __init__(self, pattern: re.Pattern):
        self.compiled = pattern
        requirement = required_literals(pattern)
        # case-sensitive strings first: they need no folded text
        self._keys = None if requirement is None else tuple(sorted(requirement, key=lambda key: (key[1], key[0])))
        self._plain = tuple(string for string, caseless in self._keys or () if not caseless)
        self._caseless = tuple(string for string, caseless in self._keys or () if caseless)

    @classmethod
    def _memo(cls, text: str) -> tuple:
        recent = cls._recent  # one read: other threads may replace it meanwhile
        for entry in recent:
            if entry[0] is text:
                return entry
        entry = (text, {}, {})
        cls._recent = (entry,) + recent[:cls.RECENT - 1]
        return entry

    def may_match(self, text: str) -> bool:
        if self._keys is None:
            return True
        recent = Prefiltered._recent
        # the text the last pattern searched, most of the time (dozens of patterns search one text in turn)
        entry = recent[0] if recent and recent[0][0] is text else Prefiltered._memo(text)
        if self._plain:
            memo = entry[1]
            for string in self._plain:
                found = memo.get(string)
                if found is None:
                    found = memo[string] = string in text
                if found:
                    return True
        if self._caseless:
            memo = entry[2]
            folded = memo.get(None)
            if folded is None:
                folded = memo[None] = fold(text)
            for string in self._caseless:
                found = memo.get(string)
                if found is None:
                    found = memo[string] = string in folded
                if found:
                    return True
        return False

    def search(self, text: str, *args):
        return self.compiled.search(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args):
        return self.compiled.finditer(text, *args) if self.may_match(text) else iter(())

    def findall(self, text: str, *args):
        return self.compiled.findall(text, *args) if self.may_match(text) else []

    @property
    def pattern(self) -> str:
        """The pattern's source, as re.Pattern.pattern gives it."""
        return self.compiled.pattern

    def __getattr__(self, name):  # match, fullmatch, sub, flags, groups ...: the compiled pattern's own
        return getattr(self.compiled, name)


class HeldStrings:
    """Which of a fixed set of strings a text holds (as `string in text` answers for each), in one pass of re over
    the text instead of one `in` per string: the strings as a trie-shaped pattern ("relaps(?:e(?:s)?)?"), which at
    a position matches the longest string starting there; every string starting there is a prefix of it. The pass
    goes on from the position after each such start, so every position where a string starts is visited.
    `bits` maps each string to what `held` returns for it (ORed over the strings held): for 131 outcome words over a
    sentence of 110 characters ~8 us against ~40 us for the `in` loop, and the gap grows with the text."""

    __slots__ = ("_pattern", "_within")

    def __init__(self, bits: dict[str, int]):
        trie: dict = {}
        for string in bits:
            node = trie
            for char in string:
                node = node.setdefault(char, {})
            node[""] = {}

        def alternation(node: dict) -> str:
            branches = [re.escape(char) + alternation(child) for char, child in sorted(node.items()) if char]
            if not branches:
                return ""
            body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
            return "(?:" + body + ")?" if "" in node else body

        self._pattern = re.compile(alternation(trie)) if bits else None
        # each string found: the bits of every string that is a prefix of it (those start where it starts)
        self._within = {found: _or(b for string, b in bits.items() if found.startswith(string)) for found in bits}

    def held(self, text: str) -> int:
        """The bits of the strings `text` holds, ORed (0 when it holds none)."""
        found, pattern, within = 0, self._pattern, self._within
        m = pattern.search(text) if pattern is not None else None
        while m is not None:
            found |= within[m.group()]
            m = pattern.search(text, m.start() + 1)
        return found


def _or(values) -> int:
    out = 0
    for v in values:
        out |= v
    return out


def _folded(text: str) -> str:
    """`fold(text)`, kept in the prefilters' memo of recent texts (the patterns searching a text fold it once)."""
    recent = Prefiltered._recent
    memo = (recent[0] if recent and recent[0][0] is text else Prefiltered._memo(text))[2]
    folded = memo.get(None)
    if folded is None:
        folded = memo[None] = fold(text)
    return folded


def prefiltered(pattern: re.Pattern) -> re.Pattern | Prefiltered:
    """`pattern` behind its literal prefilter, or `pattern` itself when it has no required strings."""
    return Prefiltered(pattern) if required_literals(pattern) is not None else pattern


class PresentAlternation:
    """The alternation `(?P<name>pattern)|...` of named alternatives, searched in a text as the alternation of only
    those alternatives whose required strings the text holds (each behind its own literal prefilter). An alternative
    that cannot match anywhere in the text never wins a position, so the matches, and the name each is found under
    (`lastgroup`), are the whole alternation's; re just tries fewer branches at each position (a sentence holds the
    words of one or two of a vocabulary's names, if any). `guard` rewrites an alternation before it is compiled
    (a start guard: regexguard.with_two_char_guard)."""

    __slots__ = ("named", "flags", "_guard", "_filters", "_compiled", "_always", "_plain", "_caseless", "_count")
    #: compiled alternations kept (one per combination of alternatives met)
    KEPT = 512

    def __init__(self, named: list[tuple[str, str]], flags: int = 0, guard=None):
        self.named = list(named)
        self.flags = flags
        self._guard = guard or (lambda alternation, flags: alternation)
        self._filters = [Prefiltered(re.compile(pattern, flags)) for _, pattern in self.named]
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}
        # The alternatives' required strings, each with the alternatives it admits (as bits: alternative i is bit i),
        # found in one pass over the text (and one over its folded copy) instead of asking each alternative's filter
        # in turn (52 outcome filters holding 131 strings cost ~80 us a sentence).
        always, plain, caseless = 0, {}, {}
        for i, f in enumerate(self._filters):
            if f._keys is None:
                always |= 1 << i
            for string, folded in f._keys or ():
                held = caseless if folded else plain
                held[string] = held.get(string, 0) | 1 << i
        self._always = always
        self._plain = HeldStrings(plain) if plain else None
        self._caseless = HeldStrings(caseless) if caseless else None
        self._count = len(self._filters)

    def _alternation(self, present: tuple[int, ...]) -> str:
        return self._guard("|".join(f"(?P<{self.named[i][0]}>{self.named[i][1]})" for i in present), self.flags)

    @property
    def pattern(self) -> str:
        """The whole alternation's source (with its guard), as when every alternative's strings are present."""
        return self._alternation(tuple(range(len(self.named))))

    def present(self, text: str) -> tuple[int, ...]:
        """The positions (in `named`) of the alternatives that may match somewhere in `text` (those whose filter's
        `may_match` is true: an alternative without required strings, or one of whose strings the text holds)."""
        found = self._always
        if self._plain is not None:
            found |= self._plain.held(text)
        if self._caseless is not None:
            found |= self._caseless.held(_folded(text))
        if not found:
            return ()
        return tuple(i for i in range(self._count) if found >> i & 1)

    def compiled_for(self, present: tuple[int, ...]) -> re.Pattern:
        """The alternation of the alternatives `present` only, compiled once."""
        pattern = self._compiled.get(present)
        if pattern is None:
            if len(self._compiled) >= self.KEPT:     # a large corpus meets many combinations: keep memory bounded
                self._compiled.clear()
            pattern = self._compiled[present] = re.compile(self._alternation(present), self.flags)
        return pattern

    def finditer(self, text: str):
        present = self.present(text)
        return self.compiled_for(present).finditer(text) if present else iter(())

    def search(self, text: str, *args):
        present = self.present(text)
        return self.compiled_for(present).search(text, *args) if present else None

    def match(self, text: str, *args):
        """A match starting at the position given (an alternative whose strings the whole text lacks cannot
        match anywhere in it, there included)."""
        present = self.present(text)
        return self.compiled_for(present).match(text, *args) if present else None


class RememberedSearch:
    """A pattern whose `search` over a whole text remembers its answer for the last few texts: a sentence-wide test
    that several rules (or one rule once per value) ask of the same sentence ("is another study cited here?") runs
    once per sentence. The answer is re's own (a Match is immutable); a search with a start or end position, and
    every other method, is the pattern's own."""

    __slots__ = ("compiled", "_answers")
    #: texts remembered (a sentence is asked about by the rules in turn, then the next sentence)
    KEPT = 8

    def __init__(self, pattern):
        self.compiled = pattern
        self._answers: dict[str, object] = {}

    def search(self, text: str, *args):
        if args:
            return self.compiled.search(text, *args)
        answers = self._answers
        try:
            return answers[text]
        except KeyError:
            pass
        if len(answers) >= self.KEPT:
            answers.clear()
        found = answers[text] = self.compiled.search(text)
        return found

    def __getattr__(self, name):  # match, finditer, pattern, flags ...: the pattern's own
        return getattr(self.compiled, name)
