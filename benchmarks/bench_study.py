"""The document-level flow's cost: the study model alone, and the whole flow of one document (study model,
sentences, tables), on abstracts of about 2 kB, per second on one core.

Usage: .venv/bin/python -m benchmarks.bench_study [--repeat N] [RAW_DIR ...]   (make bench runs it)
Same pieces as bench_extract.py (the shared development texts cut into ~2 kB at a sentence end). Not a test:
the figure depends on the machine.
"""
from __future__ import annotations

import time

from evidence_review.extract import build_study, extract_one

from benchmarks.bench_extract import pieces_and_repeat


def _forget_texts() -> None:
    """Empty the per-text caches, so a later pass over the same texts costs what the first did."""
    from evidence_review.extract import lexicon, meaning, textscan   # noqa: PLC0415
    for cached in (textscan.scan_view, getattr(textscan, "_sentence_spans", None), getattr(lexicon, "_drug_mentions", None),
                   lexicon._outcome_spans, getattr(meaning, "_number_pattern", None),
                   getattr(lexicon, "_condition_counts", None)):
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


def _fastest(step, pieces: list[str], repeat: int) -> float:
    passes = []
    for r in range(repeat):
        _forget_texts()
        t0 = time.process_time()     # CPU time: other processes on a shared machine do not count
        for i, piece in enumerate(pieces):
            step(f"doc{r}-{i}", piece)
        passes.append(time.process_time() - t0)
    return min(passes)


def main() -> None:
    pieces, repeat = pieces_and_repeat(__doc__.splitlines()[0])
    extract_one("warmup", pieces[0])     # compile the lexicon patterns outside the timing
    n = len(pieces)
    for label, step in (("study model", lambda d, t: build_study(d, t)), ("whole flow", lambda d, t: extract_one(d, t))):
        best = _fastest(step, pieces, repeat)
        print(f"{label}: {n} abstracts, fastest of {repeat} passes {best:.3f} s: {n / best:.0f} abstracts/s (one core)")


if __name__ == "__main__":
    main()
