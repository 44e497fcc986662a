"""Cross-document duplicates: same DOI, same PMID, byte-identical file, near-identical titles, or the same
set of reported decimal numbers (one abstract saved twice from different sites).

Every row stays in the table; a duplicate gets `duplicate_of` = the doc_id of the first document of its
group (first in the table's deterministic order, primary reports before news items and patient pages that
cite them), and extraction skips it. Groups are transitive
(union-find): A~B by DOI and B~C by title puts C with A.
Titles are compared with rapidfuzz's `fuzz.ratio` on a folded form (lower case, letters and digits),
only for titles read from the document (not stand-in first sentences) and at least `MIN_TITLE_CHARS` long.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

TITLE_SIMILARITY = 95  # percent; "near-identical": punctuation, case and a typo apart
MIN_TITLE_CHARS = 20
BLOCK = 2000  # rows compared per block, to bound memory

#: Designs that report on other documents; in a duplicate group the primary document is kept.
SECONDARY_DESIGNS = ("news", "patient information")

_FOLD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
#: Number-signature duplicates: both texts report at least this many distinct decimals ...
MIN_DECIMALS = 8
#: ... and share at least this share of the decimals either reports.
NUMBERS_SIMILARITY = 0.8
SIGNATURE_CHARS = 20_000


def fold_title(title: str) -> str:
    return _FOLD.sub(" ", str(title or "")).strip().lower()


def number_signature(text: str) -> frozenset[str]:
    """The decimal numbers a text reports ("0.52", "18.41"): two copies of one abstract share nearly all."""
    return frozenset(_DECIMAL.findall(text[:SIGNATURE_CHARS]))


def _union_same_numbers(documents, positions, texts: dict, union) -> None:
    """Documents whose decimal numbers overlap almost entirely (Jaccard >= NUMBERS_SIMILARITY): the same
    abstract saved twice from different sites, or a news item quoting a paper's results."""
    signatures = {}
    for pos in positions:
        sig = number_signature(texts.get(documents["doc_id"].iat[pos], ""))
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
        if count >= MIN_DECIMALS and count / len(signatures[a] | signatures[b]) >= NUMBERS_SIMILARITY:
            union(a, b)


def find_duplicates(documents: pd.DataFrame, texts: dict[str, str] | None = None) -> pd.Series:
    """`duplicate_of` for each row (index aligned): "" for originals and skipped rows.
    With `texts`, documents reporting the same set of decimal numbers are grouped as well."""
    n = len(documents)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The document a group keeps: a primary report before a secondary one (a news item citing the paper's DOI,
    # a patient page), then the earlier row of the table.
    secondary = documents.get("design", pd.Series("", index=documents.index)).isin(SECONDARY_DESIGNS).to_numpy()
    rank = [(bool(secondary[i]), i) for i in range(n)]

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            keep, drop = (ri, rj) if rank[ri] < rank[rj] else (rj, ri)
            parent[drop] = keep

    ok = (documents["status"] == "ok").to_numpy()
    positions = np.flatnonzero(ok)
    for column in ("doi", "pmid", "content_key"):
        if column not in documents:
            continue
        first: dict[str, int] = {}
        for pos in positions:
            value = documents[column].iat[pos]
            if isinstance(value, str) and value:
                if value in first:
                    union(first[value], pos)
                else:
                    first[value] = pos
    _union_same_numbers(documents, positions, texts or {}, union)
    titled = [p for p in positions
              if documents["title_source"].iat[p] in ("record field", "title line")
              and len(fold_title(documents["title"].iat[p])) >= MIN_TITLE_CHARS]
    folded = [fold_title(documents["title"].iat[p]) for p in titled]
    for start in range(0, len(folded), BLOCK):
        scores = process.cdist(folded[start:start + BLOCK], folded, scorer=fuzz.ratio,
                               score_cutoff=TITLE_SIMILARITY, dtype=np.uint8, workers=1)
        for a, b in zip(*np.nonzero(scores)):
            i, j = titled[start + a], titled[b]
            # "Part 1" and "Part 2", "study 12" and "study 42" are different documents
            if i < j and _DIGITS.findall(folded[start + a]) == _DIGITS.findall(folded[b]):
                union(i, j)
    ids = documents["doc_id"].tolist()
    out = []
    for i in range(n):
        root = find(i)
        out.append(ids[root] if root != i and ok[i] else "")
    return pd.Series(out, index=documents.index, dtype="string")
