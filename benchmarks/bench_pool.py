"""The pooling stage alone (`run_synthesis`: cells, pooling, certainty, tables, forest and funnel plots) on the
processed tables of an earlier run, with its CPU time (this process and its worker processes) and wall time.

Make the tables once, e.g. `evidence-review run --raw CORPUS --processed DIR` (or notebooks 01 and 02), then
`python -m benchmarks.bench_pool --processed DIR [--scheduler processes|synchronous] [--plot-cells N]
[--figure-formats svg|png|png,svg]`. The tables are copied to a temporary folder, so DIR is only read. Without
--processed it prints how to run it and stops (so `make bench` passes over it). On a machine shared with other
work the wall time says little; compare CPU times under the same conditions.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

TABLES = ("estimates.csv", "documents.csv", "texts.jsonl")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processed", type=Path, help="folder holding estimates.csv, documents.csv, texts.jsonl")
    parser.add_argument("--scheduler", default="", help="where the plots are drawn (default: automatic)")
    parser.add_argument("--plot-cells", type=int, default=None, help="plots for this many cells (0: all)")
    parser.add_argument("--figure-formats", default="svg", help="svg (the stage's default), png or png,svg")
    args = parser.parse_args(argv)
    if args.processed is None:
        print("bench_pool: give --processed DIR (the tables of an earlier run); see the module docstring")
        return 0
    from evidence_review.synthesis.pipeline import PLOT_CELLS, run_synthesis

    plot_cells = PLOT_CELLS if args.plot_cells is None else args.plot_cells
    with tempfile.TemporaryDirectory(prefix="bench-pool-") as tmp:
        processed = Path(tmp) / "processed"
        processed.mkdir()
        for name in TABLES:
            if (args.processed / name).is_file():
                shutil.copy(args.processed / name, processed / name)
        wall, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
        result = run_synthesis(processed, Path(tmp) / "curation", Path(tmp) / "reports", scheduler=args.scheduler,
                               figure_formats=args.figure_formats, plot_cells=plot_cells)
        wall, cpu, children = time.perf_counter() - wall, time.process_time() - cpu, children_cpu() - children
        figures = list((Path(tmp) / "reports" / "figures").glob("*"))
        print(f"pooling stage: {len(result.pooled)} cells, {len(result.pooled_cells)} with k >= 2, "
              f"{len(figures)} figure files ({sum(f.stat().st_size for f in figures) / 1e6:.1f} MB); "
              f"CPU {cpu:.1f} s here + {children:.1f} s in workers = {cpu + children:.1f} s; wall {wall:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
