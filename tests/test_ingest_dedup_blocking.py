"""Title comparison by blocks (dedup._candidate_scores) finds exactly the pairs that comparing every title with every
other finds, and compares far fewer pairs when records carry their identifiers."""
from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz, process

from evidence_review.ingest import dedup

DRUGS = ["Eculizumab", "Ravulizumab", "Satralizumab", "Inebilizumab", "Rituximab", "Tocilizumab", "Azathioprine",
         "Mycophenolate", "Tacrolimus", "Efgartigimod"]
CONDITIONS = ["Aquaporin-4-Positive Neuromyelitis Optica Spectrum Disorder", "Generalized Myasthenia Gravis",
              "Lupus Nephritis", "MOG Antibody-Associated Disease", "Autoimmune Encephalitis"]
TEMPLATES = ["{d} in {c}", "Trial of {d} in {c}", "Safety and Efficacy of {d} in {c}",
             "Long-term {d} in {c}: an open-label extension", "{d} versus placebo in {c}",
             "A randomized, double-blind study of {d} for adults with {c} (phase {k})"]


def _typo(title: str, rng: random.Random) -> str:
    k = rng.randrange(len(title))
    return [title.lower(), title[:k] + title[k + 1:], title + ": a randomized trial", title.replace("-", " "),
            title][rng.randrange(5)]


def real_shaped(n: int, seed: int) -> pd.DataFrame:
    """Template titles with typos, case changes and added subtitles; a mix of records with DOI and PMID, either,
    or neither, and some DOIs and PMIDs shared (the same article exported twice)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        title = rng.choice(TEMPLATES).format(d=rng.choice(DRUGS), c=rng.choice(CONDITIONS), k=rng.randint(1, 3))
        if rng.random() < 0.4:
            title = _typo(title, rng)
        shared = rng.random() < 0.1
        doi = f"10.1000/trial.{rng.randrange(20) if shared else i}" if rng.random() < 0.5 else ""
        pmid = str(30000000 + (rng.randrange(20) if shared else i)) if rng.random() < 0.4 else ""
        rows.append({"doc_id": f"r{i}-0", "status": "ok", "title_source": rng.choice(["record field", "title line"]),
                     "title": title, "doi": doi, "pmid": pmid, "year": str(rng.randint(2015, 2020)),
                     "authors": rng.choice(["Pittock SJ", "Cree BAC", "Howard JF"]), "journal": "Neurology",
                     "design": "RCT", "n_total": "", "text_chars": 500, "pmcid": ""})
    return pd.DataFrame(rows)


def exhaustive(folded, digit_codes, identifier_codes) -> set:
    """Every title against every other, then the pairs blocking must keep (what dedup did before blocking)."""
    scores = process.cdist(folded, folded, scorer=fuzz.ratio, score_cutoff=dedup.POSSIBLE_SIMILARITY,
                           dtype=np.float32)
    first, second = np.nonzero(scores)
    keep = (first < second) & (digit_codes[first] == digit_codes[second])
    for codes in identifier_codes:
        keep &= ~((codes[first] >= 0) & (codes[second] >= 0) & (codes[first] != codes[second]))
    return {(int(a), int(b), float(scores[a, b])) for a, b in zip(first[keep], second[keep])}


def _inputs(documents: pd.DataFrame):
    folded = [dedup.fold_title(t) for t in documents["title"]]
    ids = [dedup._codes(documents[c].tolist()) for c in ("doi", "pmid")]
    digits = dedup._codes([" ".join(dedup._DIGITS.findall(f)) or "-" for f in folded])
    return folded, digits, ids


@pytest.mark.parametrize("seed", [1, 2])
def test_blocking_finds_the_same_pairs_and_scores_as_comparing_every_pair(seed, monkeypatch):
    folded, digits, ids = _inputs(real_shaped(1500, seed))
    expected = exhaustive(folded, digits, ids)
    assert len(expected) > 1000  # template titles: many alike pairs, across every kind of record
    score, first, second = dedup._candidate_scores(folded, digits, ids)
    found = set(zip(first.tolist(), second.tolist(), score.tolist()))
    assert found == expected
    # tiny blocks (memory bounds) change nothing
    monkeypatch.setattr(dedup, "BLOCK", 7)
    monkeypatch.setattr(dedup, "BLOCK_CELLS", 50)
    score, first, second = dedup._candidate_scores(folded, digits, ids)
    assert set(zip(first.tolist(), second.tolist(), score.tolist())) == expected


def test_decisions_are_the_same_as_with_every_pair_compared(monkeypatch):
    """The whole duplicate resolution (links, possible duplicates, evidence) with blocking equals the one where
    every title is scored against every other (blocking switched off by putting every record in one block)."""
    documents = real_shaped(800, 3)
    blocked = dedup.resolve_duplicates(documents)

    def every_pair(folded, digit_codes, identifier_codes):
        expected = sorted(exhaustive(folded, digit_codes, identifier_codes))
        return (np.array([s for _, _, s in expected], dtype=np.float32),
                np.array([a for a, _, _ in expected], dtype=np.int64),
                np.array([b for _, b, _ in expected], dtype=np.int64))

    monkeypatch.setattr(dedup, "_candidate_scores", every_pair)
    compared = dedup.resolve_duplicates(documents)
    pd.testing.assert_frame_equal(blocked, compared)
    assert (blocked["duplicate_of"] != "").sum() > 10 and (blocked["possible_duplicate_of"] != "").sum() > 10


def test_an_export_whose_records_all_have_pmids_compares_only_records_sharing_one(monkeypatch):
    """A PubMed export: every record has its own PMID, so no two titles can be linked by title alone unless they
    share the PMID; blocking scores only those, not the n x n matrix."""
    documents = real_shaped(3000, 4)
    documents["pmid"] = [str(30000000 + i) if i % 100 else "29999999" for i in range(len(documents))]  # 30 share one
    documents["doi"] = ""
    cells = []
    real_cdist = process.cdist

    def counting(queries, choices, **kwargs):
        cells.append(len(queries) * len(choices))
        return real_cdist(queries, choices, **kwargs)

    monkeypatch.setattr(dedup.process, "cdist", counting)
    folded, digits, ids = _inputs(documents)
    score, first, second = dedup._candidate_scores(folded, digits, ids)
    assert sum(cells) <= 30 * 30  # the 30 records sharing a PMID, each with the others: not 3000 x 3000
    assert set(first.tolist()) | set(second.tolist()) <= {i for i in range(3000) if i % 100 == 0}
    monkeypatch.setattr(dedup.process, "cdist", real_cdist)
    assert set(zip(first.tolist(), second.tolist(), score.tolist())) == exhaustive(folded, digits, ids)


def test_length_window_never_excludes_a_pair_that_reaches_the_cutoff():
    """fuzz.ratio of two titles of lengths la <= lb is at most 200 * la / (la + lb): below the window the cutoff
    cannot be reached."""
    share = dedup._length_window(dedup.POSSIBLE_SIMILARITY)
    for lb in range(20, 200, 7):
        la = int(np.ceil(lb * share))
        a, b = "x" * la, "x" * lb
        assert fuzz.ratio(a, b) >= dedup.POSSIBLE_SIMILARITY - 0.5
        assert fuzz.ratio("x" * (la - 2), b) < dedup.POSSIBLE_SIMILARITY


def test_number_signature_reads_the_decimals_as_written_behind_its_start_guard():
    """The decimals of a text, not those inside a version, a date or a longer number ("1.2.3", "10.01.2020",
    ".5", "5."), in any script's digits; the guarded pattern finds what the plain one finds."""
    import re

    plain = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
    texts = ["HR 0.52 (95% CI 0.31-0.87), p = 0.013; 18.41 vs 18.41", "version 1.2.3 on 10.01.2020", ".5 and 5. and 7.25",
             "a1.5b ..1.5 1..5 12.34. ²3.4 ٣.٥ 1.5x"]
    for text in texts:
        assert dedup._DECIMAL.findall(text) == plain.findall(text)
    assert dedup.number_signature(texts[0]) == frozenset({"0.52", "0.31", "0.87", "0.013", "18.41"})
    assert dedup.number_signature(texts[1]) == frozenset()
    assert dedup.number_signature(texts[2]) == frozenset({"7.25"})
