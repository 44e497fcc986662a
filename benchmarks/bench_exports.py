"""A database search's export at scale: a MEDLINE (.nbib) file of 200,000 PubMed records (about 140 MB, far over
the 15 MB limit for single documents) read record by record.

Run: .venv/bin/python -m benchmarks.bench_exports [--records 200000] [--whole] [--path EXPORT]
The file is written first, one record at a time (not timed; no records are held in memory). Then the export is
read through `ingest_file`, the reading and describing of every record that this benchmark is about; every
20,000 records a line shows the records done, seconds and the process's peak resident memory
(`resource.getrusage`), so growth can be seen to be linear. `--whole` runs `ingest_with_structures` instead: the
documents table, duplicate detection and the texts. `--path` reads an existing export instead (e.g. one made by
`../shared/tools/make_scale_corpus.py OUT -n 200000 --format nbib`, records drawn from real abstracts' sentences);
the line after the run gives the duplicate detection's own wall and CPU seconds.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_ingest import medline_record
from evidence_review.ingest import ingest_with_structures, pipeline
from evidence_review.ingest.discover import discover

PROGRESS_EVERY = 20_000


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def with_progress(build, started: float):
    """`build_document` with a progress line every PROGRESS_EVERY records."""
    done = [0]

    def counted(*args, **kwargs):
        done[0] += 1
        if done[0] % PROGRESS_EVERY == 0:
            print(f"  {done[0]:,} records: {time.perf_counter() - started:.0f} s, CPU {time.process_time():.0f} s, "
                  f"peak RSS {peak_rss_mb():.0f} MB", flush=True)
        return build(*args, **kwargs)

    return counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--whole", action="store_true", help="the whole ingestion, duplicate detection included")
    parser.add_argument("--path", type=Path, help="an existing export to read (--records is then not used)")
    parser.add_argument("--scheduler", default="", help="with --whole: where records are described (default: "
                        "automatic, every core)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.path or Path(tmp) / "search_export.nbib"
        if not args.path:
            with open(path, "w", encoding="utf-8") as fh:
                for i in range(args.records):
                    fh.write(medline_record(i) + "\n")
        size_mb = path.stat().st_size / (1024 * 1024)
        print(f"MEDLINE export: {args.records:,} records, {size_mb:.0f} MB; peak RSS before reading "
              f"{peak_rss_mb():.0f} MB", flush=True)
        wall, cpu = time.perf_counter(), time.process_time()
        pipeline.build_document = with_progress(pipeline.build_document, wall)
        dedup_times = []
        resolve = pipeline.resolve_duplicates

        def timed_resolve(*a, **k):
            started = time.perf_counter(), time.process_time()
            print(f"  all records read: {started[0] - wall:.0f} s, CPU {started[1]:.0f} s, peak RSS "
                  f"{peak_rss_mb():.0f} MB; duplicate detection ...", flush=True)
            result = resolve(*a, **k)
            dedup_times.append((time.perf_counter() - started[0], time.process_time() - started[1]))
            return result

        pipeline.resolve_duplicates = timed_resolve
        if args.whole:
            documents, texts, _structures = ingest_with_structures([path], scheduler=args.scheduler)
            rows = len(documents)
            ok = int((documents["status"] == "ok").sum())
        else:
            (entry,) = discover([path])
            built = pipeline.ingest_file(entry)
            rows, ok = len(built), sum(1 for row, _, _ in built if row["status"] == "ok")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        workers = resource.getrusage(resource.RUSAGE_CHILDREN)
        if workers.ru_utime:
            print(f"worker processes: CPU {workers.ru_utime + workers.ru_stime:.1f} s, largest peak RSS "
                  f"{workers.ru_maxrss / 1024:.0f} MB")
        print(f"{'ingest_with_structures' if args.whole else 'ingest_file'}: {rows:,} rows ({ok:,} ok); wall {wall:.1f} s, "
              f"CPU {cpu:.1f} s, {1000 * cpu / max(1, rows):.2f} ms CPU per record; peak RSS "
              f"{peak_rss_mb():.0f} MB")
        for dedup_wall, dedup_cpu in dedup_times:
            print(f"duplicate detection: wall {dedup_wall:.1f} s, CPU {dedup_cpu:.1f} s")


if __name__ == "__main__":
    main()
