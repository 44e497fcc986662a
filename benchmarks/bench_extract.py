"""Extraction throughput: abstracts of about 2 kB per second on one core.

Usage: .venv/bin/python benchmarks/bench_extract.py [--repeat N] [RAW_DIR ...]
Reads the shared development texts (or the folders given), cuts them into ~2 kB pieces that end at a
sentence, and times `extract_document` over them. Prints abstracts/second and kB/second.
Not a test: the figure depends on the machine.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from evidence_review.extract import extract_document
from evidence_review.paths import repo_root


def _pieces(folders: list[Path], size: int = 2000) -> list[str]:
    out = []
    for folder in folders:
        for f in sorted(folder.iterdir()):
            if not f.is_file():
                continue
            text = f.read_text(encoding="utf-8", errors="replace")
            while text:
                cut = text.rfind(". ", 0, size)
                cut = len(text) if len(text) <= size or cut < size // 2 else cut + 1
                out.append(text[:cut])
                text = text[cut:]
    return [p for p in out if len(p) > 200]


def pieces_and_repeat(description: str) -> tuple[list[str], int]:
    """The command line of the text benchmarks: the ~2 kB pieces of the folders it names (the shared development
    texts when none) and how many passes to time (--repeat)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts (default 5)")
    args = parser.parse_args()
    shared = repo_root().parent / "shared"
    return _pieces(args.folders or [shared / "dev_corpus" / "raw", shared / "seeds" / "raw"]), args.repeat


def main() -> None:
    pieces, repeat = pieces_and_repeat(__doc__.splitlines()[0])
    extract_document("warmup", pieces[0])     # compile the lexicon patterns outside the timing
    # CPU time of this process (not wall time: other processes on a shared machine would count),
    # fastest of several passes as timeit does
    passes = []
    for r in range(repeat):
        t0 = time.process_time()
        rows = sum(len(extract_document(f"doc{r}-{i}", p)) for i, p in enumerate(pieces))
        passes.append(time.process_time() - t0)
    best, n = min(passes), len(pieces)
    kb = sum(len(p) for p in pieces) / 1000
    print(f"{n} abstracts ({kb / n:.2f} kB average), {rows} estimates per pass; fastest of {repeat} passes "
          f"{best:.3f} s: {n / best:.0f} abstracts/s, {kb / best:.0f} kB/s (one core); "
          f"median pass {sorted(passes)[len(passes) // 2]:.3f} s")


if __name__ == "__main__":
    main()
