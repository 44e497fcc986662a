"""A database search's export at scale: a MEDLINE (.nbib) file of 200,000 PubMed records (about 400 MB, far over
the 15 MB limit for single documents) read through ingest_with_structures, record by record.

Run: .venv/bin/python -m benchmarks.bench_exports [--records 200000]
The file is written first, one record at a time (its generation is not timed and holds no records in memory);
then one ingestion run prints wall and CPU time, time per record, and the process's peak resident memory
(`resource.getrusage`, which includes the language model and the tables built from every record).
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_ingest import medline_record
from evidence_review.ingest import ingest_with_structures


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search_export.nbib"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(args.records):
                fh.write(medline_record(i) + "\n")
        size_mb = path.stat().st_size / (1024 * 1024)
        before_mb = peak_rss_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        documents, texts, _structures = ingest_with_structures([path])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        ok = int((documents["status"] == "ok").sum())
        print(f"MEDLINE export: {args.records:,} records, {size_mb:.0f} MB -> {len(documents):,} rows ({ok:,} ok, "
              f"{len(texts):,} texts)")
        print(f"wall {wall:.1f} s, CPU {cpu:.1f} s, {1000 * wall / max(1, args.records):.2f} ms per record; "
              f"peak RSS {peak_rss_mb():.0f} MB (before ingestion {before_mb:.0f} MB)")


if __name__ == "__main__":
    main()
