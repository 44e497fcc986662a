"""Drug, outcome and condition lexicons: data files the user can extend, compiled into matchers.

`data/drugs.csv`: canonical,class,synonyms ('|'-separated; all-capital abbreviations match case-sensitively,
other names case-insensitively). `data/outcomes.csv`: label,harmful,pattern (regular expression, first
matching row wins, so specific rows go first). `data/conditions.csv`: label,pattern.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress
from operator import or_

import pandas as pd

from ..regexfilter import PresentAlternation
from .startguard import with_two_char_guard


def _read_rows(name: str) -> list[dict]:
    with resources.files("evidence_review").joinpath("data", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_drug_lexicon() -> pd.DataFrame:
    """One row per canonical drug: canonical, class, synonyms (as in data/drugs.csv)."""
    rows = _read_rows("drugs.csv")
    return pd.DataFrame(rows, columns=["canonical", "class", "synonyms"])


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    canonical: str
    negated: bool = False


_TOKEN = re.compile(r"[A-Za-z0-9\u00b5\u03bc]+")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")


def _is_abbreviation(name: str) -> bool:
    return len(name) <= 6 and bool(re.fullmatch(r"[A-Z0-9][A-Za-z0-9-]*", name)) and sum(c.isupper() for c in name) >= 2


@lru_cache(maxsize=1)
def _drug_index():
    """Synonyms as word sequences: abbreviations keyed as printed (case matters: "CS", not "cs"),
    other names keyed in lower case. Matching walks the text's words once (no giant alternation)."""
    exact: dict[tuple, str] = {}
    folded: dict[tuple, str] = {}
    lengths: dict[str, set] = {}        # first word (as printed, and lower-cased) -> synonym lengths in words
    for row in _read_rows("drugs.csv"):
        canon = row["canonical"].strip()
        for syn in [canon, *row["synonyms"].split("|")]:
            syn = syn.strip()
            words = tuple(_TOKEN.findall(syn))
            if not words:
                continue
            if _is_abbreviation(syn):
                exact.setdefault(words, canon)
                lengths.setdefault(words[0], set()).add(len(words))
            else:
                folded.setdefault(tuple(w.lower() for w in words), canon)
                lengths.setdefault(words[0].lower(), set()).add(len(words))
    return exact, folded, {w: sorted(ks, reverse=True) for w, ks in lengths.items()}


_NEG_BEFORE = re.compile(r"(?:\bno|\bwithout|\bnon-?|\bnot\s+(?:on|receiving|treated\s+with))\s*(?:\w+\s+){0,1}$", re.I)
# "steroid-sparing", "rituximab-naive", "IVIG-refractory": the drug names a property, not an arm
_NOT_AN_ARM = re.compile(r"-(?:sparing|free|naive|na\u00efve|refractory|resistant|induced|related|associated|dependent|controlled)\b"
                         # "a baseline glucocorticoid dose of 10 mg", "the prednisone taper": a background drug's amount
                         r"|\s+(?:dose|doses|dosage|taper|tapering)\s+(?:of|was|were|to|at|below|above)\b", re.I)
# "disease control", "control of disease activity", "better control": the word, not a control arm
# ("compared to the attention control of 1.06 points": the arm, and the difference from it)
# ("blood pressure control was achieved": a state reached, not an arm)
_CONTROL_NOT_ARM_AFTER = re.compile(r"\s+(?:of|over|for)\b(?!\s*[-\u2212]?\d)|\s+(?:was|were)\s+(?:achieved|attained|"
                                    r"reached|maintained|obtained|lost)\b", re.I)
_CONTROL_NOT_ARM_BEFORE = re.compile(r"\b(?:disease|superior|better|good|poor|symptom|seizure|infection|quality|"
                                     r"glyc(?:a)?emic|cost|adequate|effective|optimal|relapse|asthma|tumou?r|"
                                     r"(?:loco)?regional|local|viral|virologic(?:al)?|pressure|pain|weight|glucose|lipid)\s+$", re.I)
# ... unless a strategy names it: "intensive blood-pressure control", "tight glycaemic control" are arms
_STRATEGY_WORDS = r"(?:intensive|intensified|tight|strict|standard|conventional|usual|aggressive|less[- ]intensive|lenient|liberal|moderate)"
_CONTROL_STRATEGY_BEFORE = re.compile(r"\b" + _STRATEGY_WORDS + r"\s+(?:[\w-]+\s+){0,2}$", re.I)
# ... and such an arm is named by its strategy, not "control": a trial of "intensive glucose control" against "standard
# glucose control" has two arms, neither of them the control arm by name ("standard care control" is a control arm)
_STRATEGY_CONTROL = re.compile(r"\b" + _STRATEGY_WORDS + r"\s+(?:(?!care\b|treatment\b|therapy\b|group\b)[\w-]+\s+){0,2}"
                               r"controls?\b(?!\s+(?:group|arm|condition)s?\b)", re.I)


def strategy_control(name: str) -> re.Match | None:
    """ "intensive blood-pressure control", "standard glucose control": an arm named by the strategy of controlling
    something (its own name, not the control arm's)."""
    return _STRATEGY_CONTROL.search(name)
_NEG_AFTER = re.compile(r"[-\u2212](?![\w])")
_JOINER = re.compile(r"[\s()\-/]*")


def find_drugs(text: str) -> list[Mention]:
    """Drug mentions in `text` with canonical names; "MMF−", "without MMF", "non-RTX" are negated."""
    return list(_drug_mentions(text))


_NON_PREFIX = re.compile(r"\bnon[- ]?$", re.I)


# the study model, the sentence reader and the meaning layer look up the same texts; mentions are frozen
@lru_cache(maxsize=1024)
def _drug_mentions(text: str) -> tuple[Mention, ...]:
    exact, folded, lengths = _drug_index()
    # the words and, between them, what separates them: every offset follows from the lengths (all in C, no
    # match object per word); only words that start a synonym are looked at in Python
    parts = _TOKEN_SPLIT.split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts), initial=0))     # word i spans offsets[2i+1]:offsets[2i+2]
    lowered = list(map(str.lower, words))
    n = len(words)
    starts_synonym = map(or_, map(lengths.__contains__, words), map(lengths.__contains__, lowered))
    out = []
    resume = 0      # words of a synonym already found are not looked at again
    for i in compress(range(n), starts_synonym):
        if i < resume:
            continue
        hit = None
        word, low = words[i], lowered[i]
        ks = lengths.get(word) or lengths.get(low)
        if ks and word in lengths and low in lengths and word != low:
            ks = sorted(set(lengths[word]) | set(lengths[low]), reverse=True)
        for k in (ks or ()):
            if k > n - i:
                continue
            canon = exact.get(tuple(words[i:i + k])) or folded.get(tuple(lowered[i:i + k]))
            if canon is None:
                continue
            # the words must be adjacent in the text (only spaces, hyphens or brackets between them)
            if k > 1 and not all(_JOINER.fullmatch(text, offsets[2 * j + 2], offsets[2 * j + 3]) for j in range(i, i + k - 1)):
                continue
            hit = (offsets[2 * i + 1], offsets[2 * (i + k - 1) + 2], canon, k)
            break
        if hit is None:
            continue
        start, end, canon, k = hit
        resume = i + k
        if _NOT_AN_ARM.match(text, end):
            continue
        if canon == "control" and (_CONTROL_NOT_ARM_AFTER.match(text, end) or (
                _CONTROL_NOT_ARM_BEFORE.search(text[max(0, start - 25):start])
                and not _CONTROL_STRATEGY_BEFORE.search(text[max(0, start - 50):start]))):
            continue
        strategy = _STRATEGY_CONTROL.match(text, _CONTROL_STRATEGY_BEFORE.search(text, max(0, start - 50), start).start()) \
            if canon == "control" and _CONTROL_STRATEGY_BEFORE.search(text, max(0, start - 50), start) else None
        if strategy is not None and strategy.end() == end and not any(m.end > strategy.start() for m in out):
            out.append(Mention(strategy.start(), end, re.sub(r"\s+", " ", strategy.group(0)).lower()))
            continue
        before = text[max(0, start - 20):start]
        negated = bool(_NEG_BEFORE.search(before)) or bool(_NEG_AFTER.match(text, end))
        prefix = _NON_PREFIX.search(before)
        if prefix:
            start -= len(prefix.group(0))   # "non-rituximab" is one (negated) arm name
        out.append(Mention(start, end, canon, negated))
    return tuple(out)


def singular(word: str) -> str:
    """A plural noun as its singular, for matching a name written either way: "lesions" -> "lesion", "boxes" ->
    "box", "fractures" -> "fracture", "compresses" -> "compress"; "glass", "status" stay."""
    if re.search(r"(?:ss|x|z|ch|sh)es$", word):
        return word[:-2]
    return word[:-1] if re.search(r"[^su]s$", word) else word


def arm_name(mentions: list[Mention]) -> str:
    """Canonical arm name for one mention or a combination ("x + y"); negation written "no x"."""
    names = []
    for m in mentions:
        n = ("no " + m.canonical) if m.negated else m.canonical
        if n not in names:
            names.append(n)
    return " + ".join(names)


_BASELINE = re.compile(r"\b(?:baseline|before|pre-?treatment|pre-?study|pre-\w+|prior|pretreatment|historical)\b", re.I)


def canonical_arm(text: object) -> str:
    """A free-text arm description reduced to lexicon names, for comparing arms written differently.

    Parenthetical asides are dropped; "before X", "pre-X period", "baseline" become "baseline";
    a description naming no drug becomes "" (unknown).
    """
    if text is None or (isinstance(text, float) and text != text) or text is pd.NA:
        return ""
    s = str(text)
    s = re.sub(r"\([^()]*\)", " ", s)
    if _BASELINE.search(s):
        return "baseline"
    found = find_drugs(s)
    combo = re.search(r"\+|\b(?:plus|with|and|add-on|combined)\b", s, re.I)
    names = sorted({("no " + m.canonical) if m.negated else m.canonical for m in found})
    if not combo and names:
        names = names[:1] if len(names) > 1 and not combo else names
    return " + ".join(names)


@lru_cache(maxsize=1)
def _outcome_matcher():
    """All outcome rows as one alternation (one pass per text); at one position the earlier row wins. A text is
    searched with the rows whose words it holds (most sentences hold none, or one or two rows' words)."""
    rows = [(row["label"], row["harmful"].strip() == "1", row["pattern"]) for row in _read_rows("outcomes.csv")]
    alternation = PresentAlternation([(f"o{i}", pat) for i, (_, _, pat) in enumerate(rows)], re.I,
                                     guard=with_two_char_guard)
    return alternation, [(label, harmful) for label, harmful, _ in rows]


def has_outcome(text: str) -> bool:
    return _outcome_matcher()[0].search(text) is not None


def find_outcome(text: str) -> tuple[str, bool] | None:
    """(label, harmful) of the first outcome named in `text`."""
    pattern, rows = _outcome_matcher()
    m = pattern.search(text)
    return None if m is None else rows[int(m.lastgroup[1:])]


# "relapsed [27/75 ...]", "relapsed patients", "the relapsed subgroup": a group of patients, not an outcome
_SUBGROUP_AFTER = re.compile(r"\s*(?:[\[({:]|patients\b|participants\b|subgroups?\b|LN\b|disease\b|cohort\b)")


@lru_cache(maxsize=64)
def _outcome_spans(text: str) -> tuple:
    pattern, _ = _outcome_matcher()
    return tuple((m.start(), m.end(), int(m.lastgroup[1:])) for m in pattern.finditer(text)
                 if not _names_subgroup(text, m.start(), m.end()))


def _names_subgroup(text: str, start: int, end: int) -> bool:
    end = _word_end(text, end)
    return text[start:end].lower().endswith("ed") and bool(_SUBGROUP_AFTER.match(text, end))


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isalpha():
        pos += 1
    return pos


def outcome_at(text: str, pos: int) -> tuple[str, bool] | None:
    """(label, harmful) of an outcome named exactly at `pos`, else None."""
    pattern, rows = _outcome_matcher()
    m = pattern.match(text, pos)
    return None if m is None else rows[int(m.lastgroup[1:])]


def outcome_near(text: str, pos: int, exclude: frozenset = frozenset()) -> tuple[str, bool] | None:
    """The outcome named nearest before `pos` in `text` (or the first after it when none is before),
    skipping the labels in `exclude`."""
    _, rows = _outcome_matcher()
    before, after = None, None
    for m in _outcome_spans(text):
        if rows[m[2]][0] in exclude:
            continue
        if m[1] <= pos:
            before = m
        elif after is None:
            after = m
            break
    m = before or after
    return None if m is None else rows[m[2]]


@lru_cache(maxsize=1)
def _condition_rows():
    # patterns carry their own case rules: (?i:...) for words, plain for abbreviations such as MG or LN
    # the ingestion stage shares this vocabulary; its first column is "condition" (older copies: "label")
    return [(row.get("condition") or row.get("label"), re.compile(row["pattern"])) for row in _read_rows("conditions.csv")]


@lru_cache(maxsize=1)
def _condition_matcher() -> tuple[PresentAlternation, list[str]]:
    """The conditions' alternation (each condition under its own group name, c<i>) and their labels. The whole
    alternation costs ~0.2 us per character (its first letters are most letters); a text is searched with the
    conditions whose words it holds, usually one or two."""
    rows = _condition_rows()
    alternation = PresentAlternation([(f"c{i}", pat.pattern) for i, (_, pat) in enumerate(rows)],
                                     guard=with_two_char_guard)
    return alternation, [r[0] for r in rows]


def condition_counts(text: str) -> dict[str, int]:
    """How often each condition of data/conditions.csv is named in `text`, in the file's order."""
    alternation, labels = _condition_matcher()
    counts: dict[int, int] = {}
    for m in alternation.finditer(text):
        i = int(m.lastgroup[1:])
        counts[i] = counts.get(i, 0) + 1
    return {labels[i]: counts[i] for i in sorted(counts)}


def find_condition(text: str) -> str:
    """The condition named most often in `text` (ties: first listed in data/conditions.csv)."""
    counts = condition_counts(text)
    return max(counts, key=lambda k: counts[k]) if counts else ""
