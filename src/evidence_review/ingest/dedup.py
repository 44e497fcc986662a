"""Cross-document duplicates a reviewer can trust: every link has its evidence, the reviewer can undo it, and a
different trial is never dropped because its title was built on the same template.

Links, in the order they are made:

1. the reviewer's decisions (`data/curation/duplicates.csv`, see `read_duplicate_decisions`): `not_duplicate`
   keeps two records apart whatever else they share; `duplicate` links them;
2. the same DOI or the same PMID: always the same record;
3. the same file bytes and record index (a file saved twice);
4. the same reported decimal numbers (one abstract saved from two sites, no title to compare);
5. near-identical titles (rapidfuzz `fuzz.ratio` on a folded form), with year, first author and journal compared.

Links 3-5 never join records whose identifiers conflict: two different DOIs, or two different PMIDs, are two
different records, however alike their titles ("Ravulizumab in Aquaporin-4-Positive ..." and "Eculizumab in
Aquaporin-4-Positive ..."). A title link is *certain* only when the titles are at least `TITLE_SIMILARITY` alike,
no word was swapped for another (a different drug in the same template), and year, first author and journal do
not disagree where both records state them. Below certainty (from `POSSIBLE_SIMILARITY`) the pair is reported in
`possible_duplicate_of` with its score and reasons, and both records stay.

Of a duplicate group the most complete record is kept (`pick_keeper`: a primary report before news or patient
pages, then the fullest text, then identifiers, year, authors, journal and total N present, then the earlier row);
the others point at it in `duplicate_of` and are not extracted. Fields the kept record lacks are filled from the
others of its group (primary reports only), and `filled_from` says which field came from which record.

Columns added (after the contract's): DUPLICATE_COLUMNS.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..regexguard import start_guarded
from ..tables import cell_text, is_blank

TITLE_SIMILARITY = 95  # percent: certain when nothing else disagrees ("near-identical": case, punctuation, a typo)
POSSIBLE_SIMILARITY = 85  # percent: reported for the reviewer, never removed
MIN_TITLE_CHARS = 20
BLOCK = 2000  # rows compared per block, to bound memory
#: Score cells (float32) per block at most: a block's rows shrink as the corpus grows, so a 200,000-record
#: export needs ~160 MB here, not rows x corpus (1.6 GB at 2,000 x 200,000).
BLOCK_CELLS = 40_000_000
#: Two differing title words at least this alike are one word with a typo, not a swapped word.
SAME_WORD_SIMILARITY = 80
#: Possible duplicates listed per record (template titles can match many records).
MAX_POSSIBLE = 5

#: Designs that report on other documents; in a duplicate group the primary document is kept.
SECONDARY_DESIGNS = ("news", "patient information")

#: Columns this module adds to documents.csv, in this order.
DUPLICATE_COLUMNS = ["duplicate_evidence", "possible_duplicate_of", "possible_duplicate_evidence", "filled_from"]
#: Fields filled into the kept record from the other records of its group, when it lacks them.
FILL_FIELDS = ("doi", "pmid", "pmcid", "year", "authors", "journal", "n_total")
#: Fields that count toward a record's completeness.
COMPLETENESS_FIELDS = ("doi", "pmid", "year", "authors", "journal", "n_total")

#: The columns review.py's decision store writes (other_doc_id and reason are read as well).
DECISION_COLUMNS = ["doc_id", "duplicate_of", "decision", "reviewer", "note", "time"]
DECISIONS = {"not_duplicate": "not_duplicate", "not duplicate": "not_duplicate", "distinct": "not_duplicate",
             "duplicate": "duplicate", "same": "duplicate"}

_FOLD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
# behind a start guard (regexguard): the same matches, tried only where a digit starts (~2x faster over 10,000 texts)
_DECIMAL = start_guarded(re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])"))
#: Number-signature duplicates: both texts report at least this many distinct decimals ...
MIN_DECIMALS = 8
#: ... and share at least this share of the decimals either reports.
NUMBERS_SIMILARITY = 0.8
SIGNATURE_CHARS = 20_000
_JOURNAL_STOPWORDS = {"the", "of", "and", "for", "in", "on", "a", "an"}
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "das", "mc", "et", "al"}


def fold_title(title: str) -> str:
    return _FOLD.sub(" ", str(title or "")).strip().lower()


def number_signature(text: str) -> frozenset[str]:
    """The decimal numbers a text reports ("0.52", "18.41"): two copies of one abstract share nearly all."""
    return frozenset(_DECIMAL.findall(text[:SIGNATURE_CHARS]))


# ------------------------------------------------------------------ comparing two records

def _first_author(authors: str) -> str:
    """The first author as written: "Pittock, Sean J" from "Pittock, Sean J; Berthele, Achim", "Pittock SJ" from
    "Pittock SJ, Berthele A", "Sean J. Pittock" from "Sean J. Pittock and Achim Berthele"."""
    first = re.split(r";|\band\b|\|", cell_text(authors), maxsplit=1)[0]
    pieces = [p.strip() for p in first.split(",")]
    # "Pittock, Sean J" (surname, given names) is one author in two pieces; "Pittock SJ, Berthele A" is a list.
    return ", ".join(pieces[:2]) if len(pieces) > 1 and len(pieces[0].split()) == 1 else pieces[0]


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_][^\W\d_'-]*", name)
            if len(w) >= 2 and not (w.isupper() and len(w) <= 3) and w.lower() not in _NAME_PARTICLES]


def first_author_names(authors: str) -> set[str]:
    """Lower-case name words of the first author, whatever the export's style: "Pittock, Sean J; ...",
    "Pittock SJ, Berthele A", "Sean J. Pittock and Achim Berthele". Initials ("SJ", "S.") are left out."""
    return {w.lower() for w in _name_words(_first_author(authors))}


def first_author_surname(authors: str) -> str:
    """The first author's surname, lower case: before the comma ("Pittock, Sean J"), before the initials
    ("Pittock SJ"), else the last name word ("Sean J. Pittock")."""
    first = _first_author(authors)
    if "," in first:
        words = _name_words(first.split(",")[0])
        return words[-1].lower() if words else ""
    words = _name_words(first)
    if not words:
        return ""
    if re.search(r"\b[A-Z]{1,3}\.?$", first.strip()):  # "Pittock SJ", "Cree BAC"
        return words[0].lower()
    return words[-1].lower()


def _journal_words(journal: str) -> list[str]:
    return [w for w in _FOLD.sub(" ", cell_text(journal)).lower().split() if w not in _JOURNAL_STOPWORDS]


def journals_agree(a: str, b: str) -> bool | None:
    """None when one is unknown; True when equal or one abbreviates the other ("N Engl J Med" and "The New England
    journal of medicine": each abbreviated word starts a word of the full name, in order)."""
    return _journal_words_agree(tuple(_journal_words(a)), tuple(_journal_words(b)))


@lru_cache(maxsize=65536)
def swapped_words(folded_a: str, folded_b: str) -> tuple[str, str] | None:
    """A word of one title replaced by an unlike word in the other ("ravulizumab" / "eculizumab"), or None.
    A typo ("rituximab" / "rituxmab") is no swap; a word only added on one side is none either."""
    ta, tb = folded_a.split(), folded_b.split()
    only_a = [w for w in ta if w not in tb and len(w) >= 3]
    only_b = [w for w in tb if w not in ta and len(w) >= 3]
    for wa in only_a:
        if only_b and max(fuzz.ratio(wa, wb) for wb in only_b) < SAME_WORD_SIMILARITY:
            closest = max(only_b, key=lambda wb: (fuzz.ratio(wa, wb), wb))
            return wa, closest
    return None


@dataclass
class TitleComparison:
    score: float
    agreements: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def certain(self) -> bool:
        return self.score >= TITLE_SIMILARITY and not self.conflicts

    def evidence(self) -> str:
        parts = [f"title {self.score:.1f}% similar", *self.agreements]
        text = "; ".join(parts)
        return text + (" — but " + "; ".join(self.conflicts) if self.conflicts else "")


@dataclass(frozen=True)
class _Fields:
    """What a title comparison looks at besides the title, read once per record."""

    year: str
    authors: frozenset
    surname: str
    journal: tuple
    journal_text: str

    @classmethod
    def of(cls, row: dict) -> "_Fields":
        return cls(cell_text(row.get("year")), frozenset(first_author_names(row.get("authors"))),
                   first_author_surname(row.get("authors")), tuple(_journal_words(row.get("journal"))),
                   cell_text(row.get("journal")))


def _journal_words_agree(wa: tuple, wb: tuple) -> bool | None:
    if not wa or not wb:
        return None
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    i = 0
    for word in long_:
        if i < len(short) and word.startswith(short[i]):
            i += 1
    return i == len(short) and len(short) >= min(2, len(long_))


def compare_titled(a, b, folded_a: str, folded_b: str, score: float) -> TitleComparison:
    """What two records with alike titles share and where they disagree (year, first author, journal, words).
    `a` and `b` are rows (dicts) or their `_Fields`."""
    a = a if isinstance(a, _Fields) else _Fields.of(a)
    b = b if isinstance(b, _Fields) else _Fields.of(b)
    result = TitleComparison(score=round(float(score), 1))
    swap = swapped_words(folded_a, folded_b)
    if swap:
        result.conflicts.append(f"titles differ in a word ({swap[0]} / {swap[1]})")
    if a.year and b.year:
        if a.year == b.year:
            result.agreements.append(f"same year {a.year}")
        elif a.year.isdigit() and b.year.isdigit() and abs(int(a.year) - int(b.year)) == 1:
            # online-first and print years of one article often differ by one: not a disagreement
            result.agreements.append(f"years {a.year} / {b.year} (online and print?)")
        else:
            result.conflicts.append(f"years differ ({a.year} / {b.year})")
    if a.authors and b.authors:
        shared = sorted(a.authors & b.authors)
        if shared:
            name = a.surname if a.surname in shared else max(shared, key=lambda w: (len(w), w))
            result.agreements.append(f"same first author ({name})")
        else:
            result.conflicts.append(f"first authors differ ({a.surname or sorted(a.authors)[0]} / "
                                    f"{b.surname or sorted(b.authors)[0]})")
    journal = _journal_words_agree(a.journal, b.journal)
    if journal is True:
        result.agreements.append("same journal")
    elif journal is False:
        result.conflicts.append(f"journals differ ({a.journal_text[:40]} / {b.journal_text[:40]})")
    return result


# ------------------------------------------------------------------ reviewer decisions

@dataclass
class DuplicateDecisions:
    """The reviewer's duplicate decisions: pairs kept apart, pairs linked, and lines that could not be used."""

    not_duplicate: dict[frozenset, str] = field(default_factory=dict)  # pair -> "reviewer: reason"
    duplicate: dict[frozenset, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.not_duplicate or self.duplicate or self.problems)


def read_duplicate_decisions(source) -> DuplicateDecisions:
    """Read `duplicates.csv` (a path; a missing file means no decisions). The review notebook's decision store
    (`review.py`) writes it; a reviewer may also edit it by hand:

        doc_id,duplicate_of,decision,reviewer,note,time
        3f2a9c1b0d4e-0,8b7e6d5c4b3a-0,not_duplicate,AB,different trial (CHAMPION-NMOSD vs PREVENT),2026-12-04

    `decision` is `not_duplicate` (undo a link: the two records are never grouped, whatever they share) or
    `duplicate` (link two records the tool did not link, e.g. a possible duplicate confirmed). The second doc_id
    may also be headed `other_doc_id`, the note `reason`. doc_ids are those of documents.csv, stable across runs.
    The file is only read here, never written; a line that cannot be used is listed in `problems`, never dropped
    silently. The last line about a pair wins.
    """
    decisions = DuplicateDecisions()
    if source is None:
        return decisions
    path = Path(source)
    if not path.is_file():
        return decisions
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        decisions.problems.append(f"{path.name}: cannot be read ({exc})")
        return decisions
    rows = list(csv.DictReader(io.StringIO(text)))
    for line, row in enumerate(rows, start=2):
        row = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        a, b = row.get("doc_id", ""), row.get("other_doc_id", "") or row.get("duplicate_of", "")
        decision = DECISIONS.get(row.get("decision", "").lower())
        if not a or not b or a == b:
            decisions.problems.append(f"{path.name} line {line}: needs two different doc_ids (doc_id, duplicate_of)")
            continue
        if decision is None:
            decisions.problems.append(f"{path.name} line {line}: unknown decision {row.get('decision', '')!r} "
                                      "(use not_duplicate or duplicate)")
            continue
        pair = frozenset((a, b))
        note = ", ".join(x for x in (row.get("reviewer", ""), row.get("time", "")) if x)
        note = f"reviewer {note}" if note else "reviewer"
        reason = row.get("reason", "") or row.get("note", "")
        if reason:
            note += f": {reason}"
        decisions.not_duplicate.pop(pair, None)
        decisions.duplicate.pop(pair, None)
        (decisions.not_duplicate if decision == "not_duplicate" else decisions.duplicate)[pair] = note
    return decisions


def decision_problems(decisions: DuplicateDecisions, documents: pd.DataFrame) -> pd.DataFrame:
    """Every duplicates.csv line that was not applied, with why: unreadable lines, and pairs naming a doc_id
    that is not among this run's records (a file removed or changed since the decision)."""
    rows = [{"doc_id": "", "other_doc_id": "", "decision": "", "problem": p} for p in decisions.problems]
    known = set(documents["doc_id"]) if "doc_id" in documents else set()
    for label, pairs in (("not_duplicate", decisions.not_duplicate), ("duplicate", decisions.duplicate)):
        for pair, note in sorted(pairs.items(), key=lambda kv: sorted(kv[0])):
            missing = sorted(pair - known)
            if missing:
                a, b = sorted(pair)
                rows.append({"doc_id": a, "other_doc_id": b, "decision": label,
                             "problem": f"not applied: {', '.join(missing)} is not among this run's records ({note})"})
    return pd.DataFrame(rows, columns=["doc_id", "other_doc_id", "decision", "problem"])


# ------------------------------------------------------------------ grouping

class _Groups:
    """Union-find whose groups remember their members and identifiers, so a link can be refused when it would put
    two different DOIs or PMIDs, or two records the reviewer kept apart, into one group."""

    def __init__(self, documents: pd.DataFrame, blocked: dict[frozenset, str]):
        n = len(documents)
        self.parent = list(range(n))
        self.members = {i: {i} for i in range(n)}
        self.ids = documents["doc_id"].tolist()
        values = {col: documents[col].tolist() if col in documents else [""] * n for col in ("doi", "pmid")}
        self.identifiers = {i: {col: {cell_text(values[col][i])} - {""} for col in ("doi", "pmid")}
                            for i in range(n)}
        self.blocked = blocked
        self.blocked_by_doc: dict[str, set[str]] = {}
        for pair in blocked:
            x, y = tuple(pair)
            self.blocked_by_doc.setdefault(x, set()).add(y)
            self.blocked_by_doc.setdefault(y, set()).add(x)
        self.position = {doc_id: i for i, doc_id in enumerate(self.ids)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def reviewer_block(self, ri: int, rj: int) -> str:
        if not self.blocked_by_doc:
            return ""
        ids_j = {self.ids[m] for m in self.members[rj]}
        for m in self.members[ri]:
            for other in self.blocked_by_doc.get(self.ids[m], ()):
                if other in ids_j:
                    return self.blocked[frozenset((self.ids[m], other))]
        return ""

    def identifier_conflict(self, ri: int, rj: int) -> str:
        for col in ("doi", "pmid"):
            a, b = self.identifiers[ri][col], self.identifiers[rj][col]
            if a and b and a != b:
                return f"different {col.upper()}s ({', '.join(sorted(a))} / {', '.join(sorted(b))})"
        return ""

    def union(self, i: int, j: int, forced: bool) -> str:
        """Link i and j; returns "" when linked, else why not. `forced` links (identifiers, reviewer) ignore
        identifier conflicts but never a reviewer's not_duplicate."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return ""
        why = self.reviewer_block(ri, rj)
        if why:
            return f"kept apart by {why}"
        if not forced:
            why = self.identifier_conflict(ri, rj)
            if why:
                return why
        keep, drop = (ri, rj) if ri < rj else (rj, ri)
        self.parent[drop] = keep
        self.members[keep] |= self.members.pop(drop)
        dropped = self.identifiers.pop(drop)
        for col in ("doi", "pmid"):
            self.identifiers[keep][col] |= dropped[col]
        return ""


@dataclass
class _Link:
    a: int
    b: int
    evidence: str


def _same_value_pairs(documents: pd.DataFrame, positions, column: str):
    first: dict[str, int] = {}
    values = documents[column].tolist()
    for pos in positions:
        value = cell_text(values[pos])
        if value:
            if value in first:
                yield first[value], pos, value
            else:
                first[value] = pos


def _same_number_pairs(documents, positions, texts: dict):
    """Documents whose decimal numbers overlap almost entirely (Jaccard >= NUMBERS_SIMILARITY): the same
    abstract saved twice from different sites, or a news item quoting a paper's results."""
    signatures = {}
    ids = documents["doc_id"].tolist()
    for pos in positions:
        sig = number_signature(texts.get(ids[pos], ""))
        if len(sig) >= MIN_DECIMALS:
            signatures[pos] = sig
    by_token: dict[str, list[int]] = {}
    for pos, sig in signatures.items():
        for token in sig:
            by_token.setdefault(token, []).append(pos)
    shared: dict[tuple[int, int], int] = {}
    for token, holders in by_token.items():
        if len(holders) > 50:  # a number in many documents ("0.05") says nothing about identity
            continue
        for a_i, a in enumerate(holders):
            for b in holders[a_i + 1:]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    for (a, b), count in sorted(shared.items()):
        union_size = len(signatures[a] | signatures[b])
        if count >= MIN_DECIMALS and count / union_size >= NUMBERS_SIMILARITY:
            yield a, b, f"{count} of {union_size} reported decimal numbers shared"


def _codes(values: list[str]) -> np.ndarray:
    """Integer code per value, -1 for empty: equal values get equal codes."""
    codes, seen = np.full(len(values), -1, dtype=np.int64), {}
    for k, value in enumerate(values):
        if value:
            codes[k] = seen.setdefault(value, len(seen))
    return codes


def _length_window(cutoff: float) -> float:
    """The least share of the longer title's length the shorter must have to score `cutoff`: fuzz.ratio is
    100 * (1 - indel / (la + lb)) and indel >= |la - lb|, so a score s needs la / lb >= s / (200 - s)
    (0.739 at 85)."""
    return cutoff / (200.0 - cutoff)


class _Scorer:
    """fuzz.ratio of chosen title pairs, never of pairs that cannot reach POSSIBLE_SIMILARITY by their lengths.

    Titles are compared in blocks of at most BLOCK rows and BLOCK_CELLS scores (memory), each row only against
    the titles whose lengths allow the cutoff (`_length_window`, with one character of slack against rounding).
    rapidfuzz spreads a block's rows over every core; the scores do not depend on it."""

    def __init__(self, folded: list[str]):
        self.folded = folded
        self.lengths = np.fromiter((len(f) for f in folded), dtype=np.int64, count=len(folded))
        self.share = _length_window(POSSIBLE_SIMILARITY)
        self.found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def _by_length(self, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        members = members[np.argsort(self.lengths[members], kind="stable")]
        return members, self.lengths[members]

    def _score(self, rows: np.ndarray, cols: np.ndarray, keep_pair=None) -> None:
        if not len(rows) or not len(cols):
            return
        scores = process.cdist([self.folded[r] for r in rows], [self.folded[c] for c in cols], scorer=fuzz.ratio,
                               score_cutoff=POSSIBLE_SIMILARITY, dtype=np.float32, workers=-1)
        at_row, at_col = np.nonzero(scores)
        if keep_pair is not None:
            keep = keep_pair(at_row, at_col)
            at_row, at_col = at_row[keep], at_col[keep]
        self.found.append((scores[at_row, at_col], rows[at_row], cols[at_col]))

    def _rows_per_block(self, start: int, lengths: np.ndarray, window_end) -> tuple[int, int]:
        rows = min(BLOCK, len(lengths) - start)
        while True:
            stop = window_end(lengths[start + rows - 1])
            cols = max(1, stop - start)
            if rows == 1 or rows * cols <= BLOCK_CELLS:
                return rows, stop
            rows = max(1, BLOCK_CELLS // cols)

    def within(self, members: np.ndarray) -> None:
        """Every pair of `members`."""
        if len(members) < 2:
            return
        members, lengths = self._by_length(members)
        start = 0
        while start < len(members):
            # longer titles only: a block's rows against themselves and every later title within the window
            rows, stop = self._rows_per_block(
                start, lengths, lambda longest: int(np.searchsorted(lengths, longest / self.share + 1, "right")))
            self._score(members[start:start + rows], members[start:stop],
                        lambda r, c: r < c)  # row r of the block is column r of its window: each pair once
            start += rows

    def between(self, first: np.ndarray, second: np.ndarray) -> None:
        """Every pair of one of `first` and one of `second` (disjoint)."""
        if not len(first) or not len(second):
            return
        first, lengths = self._by_length(first)
        second, other = self._by_length(second)
        start = 0
        while start < len(first):
            rows = min(BLOCK, len(first) - start)
            while True:
                low = int(np.searchsorted(other, lengths[start] * self.share - 1, "left"))
                high = int(np.searchsorted(other, lengths[start + rows - 1] / self.share + 1, "right"))
                if rows == 1 or rows * max(1, high - low) <= BLOCK_CELLS:
                    break
                rows = max(1, BLOCK_CELLS // max(1, high - low))
            self._score(first[start:start + rows], second[low:high])
            start += rows

    def pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(score, first, second) with first < second, each pair once."""
        if not self.found:
            empty = np.array([], dtype=np.int64)
            return np.array([], dtype=np.float32), empty, empty
        score = np.concatenate([f[0] for f in self.found])
        a = np.concatenate([f[1] for f in self.found])
        b = np.concatenate([f[2] for f in self.found])
        first, second = np.minimum(a, b), np.maximum(a, b)
        _, once = np.unique(first * len(self.folded) + second, return_index=True)
        return score[once], first[once], second[once]


def _groups_of(codes: np.ndarray, members: np.ndarray):
    """Members sharing a code (>= 0), for each code held by two or more."""
    held = members[codes[members] >= 0]
    if len(held) < 2:
        return
    order = held[np.argsort(codes[held], kind="stable")]
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    for group in np.split(order, bounds):
        if len(group) > 1:
            yield group


def _candidate_scores(folded: list[str], digit_codes: np.ndarray, identifier_codes: list[np.ndarray]):
    """(score, first, second) for every pair of titles at least POSSIBLE_SIMILARITY alike whose titles carry the
    same numbers and whose DOIs and PMIDs do not conflict; the same pairs as comparing every title with every
    other and dropping the rest, without comparing what would be dropped (blocking):

    - titles are compared only within a group of the same numbers ("Part 1" is never "Part 2");
    - within it, a record with neither DOI nor PMID is compared with every record; one with a DOI only with
      every record with a PMID only; and records holding the same DOI, or the same PMID, with each other.
      Any other pair has two different DOIs or two different PMIDs. A database export, where every record has
      its PMID, is thus compared in time linear in its records, not quadratic;
    - only titles whose lengths allow the cutoff are compared (`_Scorer`).
    """
    doi, pmid = identifier_codes
    scorer = _Scorer(folded)
    everyone = np.arange(len(folded), dtype=np.int64)
    for group in _groups_of(digit_codes, everyone):
        has_doi, has_pmid = doi[group] >= 0, pmid[group] >= 0
        neither = group[~has_doi & ~has_pmid]
        scorer.within(neither)
        scorer.between(neither, group[has_doi | has_pmid])
        scorer.between(group[has_doi & ~has_pmid], group[~has_doi & has_pmid])
        for codes in (doi, pmid):
            for same in _groups_of(codes, group):
                scorer.within(same)
    score, first, second = scorer.pairs()
    keep = np.ones(len(score), dtype=bool)
    for codes in identifier_codes:  # records holding the same DOI may still hold two different PMIDs
        keep &= ~((codes[first] >= 0) & (codes[second] >= 0) & (codes[first] != codes[second]))
    return score[keep], first[keep], second[keep]


def _title_pairs(documents: pd.DataFrame, positions):
    """(i, j, TitleComparison) for the pairs of read titles at least POSSIBLE_SIMILARITY alike, best first (below
    certainty, only until both records have MAX_POSSIBLE possible duplicates listed).
    Pairs whose own DOIs or PMIDs differ, or whose titles carry different numbers, are never compared
    (`_candidate_scores`: template titles make many such pairs)."""
    column = {c: documents[c].tolist() if c in documents else [""] * len(documents)
              for c in ("title_source", "title", "year", "authors", "journal", "doi", "pmid")}
    titled = [p for p in positions
              if column["title_source"][p] in ("record field", "title line")
              and len(fold_title(column["title"][p])) >= MIN_TITLE_CHARS]
    folded = [fold_title(column["title"][p]) for p in titled]
    identifier_codes = [_codes([cell_text(column[c][p]) for p in titled]) for c in ("doi", "pmid")]
    digit_codes = _codes([" ".join(_DIGITS.findall(f)) or "-" for f in folded])
    score, first, second = _candidate_scores(folded, digit_codes, identifier_codes)
    if not len(score):
        return
    fields: dict[int, _Fields] = {}

    def fields_of(k: int) -> _Fields:
        if k not in fields:
            fields[k] = _Fields.of({c: column[c][titled[k]] for c in ("year", "authors", "journal")})
        return fields[k]

    order = np.lexsort((second, first, -score))  # best first, then by position: deterministic
    listed = [0] * len(folded)
    first, second, score = first.tolist(), second.tolist(), score.tolist()  # Python numbers: a faster loop
    for k in order.tolist():
        i, j, sc = first[k], second[k], score[k]
        if sc < TITLE_SIMILARITY and listed[i] >= MAX_POSSIBLE and listed[j] >= MAX_POSSIBLE:
            continue  # could only be one more possible duplicate of two records that have enough listed
        comparison = compare_titled(fields_of(i), fields_of(j), folded[i], folded[j], sc)
        if not comparison.certain:
            listed[i] += 1
            listed[j] += 1
        yield titled[i], titled[j], comparison


#: A text counts as fuller than another when it is more than this much longer; closer lengths keep the earlier row.
LONGER_TEXT = 1.2


def _chars(row: dict) -> int:
    chars = pd.to_numeric(row.get("text_chars"), errors="coerce")
    return 0 if pd.isna(chars) else int(chars)


def completeness(row: dict) -> tuple:
    """Sort key of a record's fields (larger is better): a primary report before news or a patient page, then the
    number of COMPLETENESS_FIELDS stated."""
    primary = cell_text(row.get("design")) not in SECONDARY_DESIGNS
    return primary, sum(not is_blank(row.get(c)) for c in COMPLETENESS_FIELDS)


def pick_keeper(rows: list[dict], members: list[int]) -> int:
    """The record a group keeps. Fields can be filled from the others, the text cannot, so: a primary report before
    news or a patient page; then the fullest text (any text within LONGER_TEXT of the longest counts as full, so a
    few characters of page furniture do not decide); then the most COMPLETENESS_FIELDS stated; then the earlier row.
    """
    primary = max(completeness(rows[m])[0] for m in members)
    candidates = sorted(m for m in members if completeness(rows[m])[0] == primary)
    longest = max(_chars(rows[m]) for m in candidates)
    full = [m for m in candidates if _chars(rows[m]) * LONGER_TEXT >= longest]
    return max(full, key=lambda m: (completeness(rows[m]), -m))


def _describe_keep(row: dict, others: int) -> str:
    fields = [c for c in COMPLETENESS_FIELDS if not is_blank(row.get(c))]
    has = ", ".join(fields) if fields else "no identifiers or year"
    return f"kept as the most complete of {others + 1} records ({has}; {_chars(row):,} characters of text)"


class _Rows:
    """`documents.to_dict("records")`, each row built when first asked for: only the records of duplicate groups
    are (a 200,000-record export has few)."""

    def __init__(self, documents: pd.DataFrame):
        # to_dict gives None for pd.NA (string and nullable integer columns); tolist keeps pd.NA
        self.columns = {column: [None if v is pd.NA else v for v in documents[column].tolist()]
                        for column in documents.columns}
        self.built: dict[int, dict] = {}

    def __getitem__(self, i: int) -> dict:
        if i not in self.built:
            self.built[i] = {column: values[i] for column, values in self.columns.items()}
        return self.built[i]


def resolve_duplicates(documents: pd.DataFrame, texts: dict[str, str] | None = None,
                       decisions: DuplicateDecisions | None = None) -> pd.DataFrame:
    """`documents` with `duplicate_of`, DUPLICATE_COLUMNS and the kept records' missing fields filled.

    Rows keep their order; skipped rows are never linked. `texts` enables the number-signature links.
    """
    decisions = decisions or DuplicateDecisions()
    documents = documents.copy()
    n = len(documents)
    groups = _Groups(documents, decisions.not_duplicate)
    ok = (documents["status"] == "ok").to_numpy() if n else np.array([], dtype=bool)
    positions = [int(p) for p in np.flatnonzero(ok)]
    all_ids = documents["doc_id"].tolist()
    ok_ids = {all_ids[p]: p for p in positions}
    links: list[_Link] = []
    refused: dict[int, list[str]] = {}

    def link(i: int, j: int, evidence: str, forced: bool) -> None:
        why_not = groups.union(i, j, forced)
        if not why_not:
            links.append(_Link(i, j, evidence))
        elif why_not.startswith("kept apart"):
            for x, y in ((i, j), (j, i)):
                note = f"not a duplicate of {all_ids[y]} ({evidence}; {why_not})"
                if note not in refused.setdefault(x, []):
                    refused[x].append(note)

    for pair, note in sorted(decisions.duplicate.items(), key=lambda kv: sorted(kv[0])):
        a, b = sorted(pair)
        if a in ok_ids and b in ok_ids:
            link(ok_ids[a], ok_ids[b], f"linked by {note}", forced=True)
    for column, label in (("doi", "same DOI"), ("pmid", "same PMID")):
        if column in documents:
            for i, j, value in _same_value_pairs(documents, positions, column):
                link(i, j, f"{label} {value}", forced=True)
    if "content_key" in documents:
        for i, j, _value in _same_value_pairs(documents, positions, "content_key"):
            link(i, j, "byte-identical file and record", forced=False)
    for i, j, evidence in _same_number_pairs(documents, positions, texts or {}):
        link(i, j, evidence, forced=False)
    possible: dict[int, list[tuple[int, TitleComparison]]] = {}
    for i, j, comparison in _title_pairs(documents, positions):
        if comparison.certain:
            link(i, j, comparison.evidence(), forced=False)
            continue
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj or groups.identifier_conflict(ri, rj) or groups.reviewer_block(ri, rj):
            continue  # already one record, or certainly two
        possible.setdefault(i, []).append((j, comparison))
        possible.setdefault(j, []).append((i, comparison))

    rows = _Rows(documents)
    ids = documents["doc_id"].tolist()
    duplicate_of = [""] * n
    evidence: list[list[str]] = [list(refused.get(i, [])) for i in range(n)]
    filled_from = [""] * n
    roots: dict[int, list[int]] = {}
    for i in positions:
        roots.setdefault(groups.find(i), []).append(i)
    links_of: dict[int, list[_Link]] = {}  # by group, in the order they were made
    for lk in links:
        links_of.setdefault(groups.find(lk.a), []).append(lk)
    for root, members in roots.items():
        if len(members) < 2:
            continue
        keeper = pick_keeper(rows, members)
        for m in members:
            if m != keeper:
                duplicate_of[m] = ids[keeper]
        for lk in links_of.get(root, []):
            evidence[lk.a].append(f"{lk.evidence} with {ids[lk.b]}")
            evidence[lk.b].append(f"{lk.evidence} with {ids[lk.a]}")
        evidence[keeper].insert(0, _describe_keep(rows[keeper], len(members) - 1))
        filled_from[keeper] = _fill_keeper(documents, rows, keeper, members)
    documents["duplicate_of"] = pd.Series(duplicate_of, index=documents.index, dtype="object")
    documents["duplicate_evidence"] = ["; ".join(e) for e in evidence]
    documents["filled_from"] = filled_from
    poss_of, poss_evidence = [""] * n, [""] * n
    for i, found in possible.items():
        # a later link may have put both into one group after all
        found = [(j, c) for j, c in found if groups.find(j) != groups.find(i)]
        found = sorted(found, key=lambda t: (-t[1].score, t[0]))[:MAX_POSSIBLE]
        if not found:
            continue
        poss_of[i] = "; ".join(ids[j] for j, _ in found)
        poss_evidence[i] = " | ".join(f"{ids[j]}: {c.evidence()}" for j, c in found)
    documents["possible_duplicate_of"] = poss_of
    documents["possible_duplicate_evidence"] = poss_evidence
    return documents


def _fill_keeper(documents: pd.DataFrame, rows: list[dict], keeper: int, members: list[int]) -> str:
    """Fill the kept record's empty FILL_FIELDS from the group's other primary records, most complete first."""
    donors = sorted((m for m in members if m != keeper and cell_text(rows[m].get("design")) not in SECONDARY_DESIGNS),
                    key=lambda m: (completeness(rows[m]), _chars(rows[m]), -m), reverse=True)
    taken: dict[str, list[str]] = {}
    for column in FILL_FIELDS:
        if column not in documents or not is_blank(rows[keeper].get(column)):
            continue
        for m in donors:
            value = rows[m].get(column)
            if not is_blank(value):
                documents.iat[keeper, documents.columns.get_loc(column)] = value
                rows[keeper][column] = value
                taken.setdefault(rows[m]["doc_id"], []).append(column)
                break
    return "; ".join(f"{', '.join(cols)} from {doc_id}" for doc_id, cols in taken.items())


def find_duplicates(documents: pd.DataFrame, texts: dict[str, str] | None = None) -> pd.Series:
    """`duplicate_of` alone (index aligned): "" for originals and skipped rows."""
    return resolve_duplicates(documents, texts)["duplicate_of"].astype("string")
