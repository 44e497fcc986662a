"""Speed of the meta-analysis engine on metafor's benchmark: 1,000 simulated meta-analyses (k = 20) pooled with
REML, Q-profile CI for tau² and prediction interval, vectorized across meta-analyses (`rma_batch`).

Checks the answers against metafor's (`sim_reml_k20_n1000_metafor.csv` in ../shared/reference/meta_analysis; without
that folder the first 200 pinned in tests/data/metafor/benchmark; default tolerances) and prints the
largest differences, the wall time and ms per fit. metafor needs about 5.6 ms per fit on these machines.
Run: `python -m benchmarks.bench_meta` (or `make bench`).
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from evidence_review.meta import rma
from evidence_review.meta.batch import rma_batch
from evidence_review.paths import repo_root

METAFOR_MS_PER_FIT = 5.6
COLUMNS = {"estimate": "estimate", "se": "se", "ci_low": "ci_lb", "ci_high": "ci_ub", "tau2": "tau2", "i2": "I2",
           "q": "QE"}


def load():
    shared = repo_root().parent / "shared" / "reference" / "meta_analysis" / "benchmark"
    pinned = repo_root() / "tests" / "data" / "metafor" / "benchmark"
    folder, n = (shared, 1000) if (shared / "sim_reml_k20_n1000.csv").is_file() else (pinned, 200)
    data = pd.read_csv(folder / f"sim_reml_k20_n{n}.csv")
    ref = pd.read_csv(folder / f"sim_reml_k20_n{n}_metafor.csv").sort_values("ma_id")
    y = data.pivot(index="ma_id", columns="study", values="yi").sort_index()
    v = data.pivot(index="ma_id", columns="study", values="vi").sort_index()
    return y.to_numpy(), v.to_numpy(), ref


def best_time(fn, repeats=7):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def report_diffs(label, res, ref):
    print(f"  {label}: largest differences from metafor")
    for ours, theirs in COLUMNS.items():
        a, b = getattr(res, ours), ref[theirs].to_numpy()
        diff = np.abs(a - b)
        nonzero = b != 0
        rel = np.max(diff[nonzero] / np.abs(b[nonzero])) if nonzero.any() else 0.0
        print(f"    {ours:9s} max abs {diff.max():.2e}   max rel {rel:.2e}")


def main() -> int:
    y, v, ref = load()
    n = len(y)
    print(f"{n} meta-analyses of k = {y.shape[1]}: REML, Q-profile CI for tau², prediction interval")
    seconds, exact = best_time(lambda: rma_batch(y, v, method="REML", confint=True))
    print(f"  exact optimum (vectorized): {seconds:.4f} s, {1000 * seconds / n:.4f} ms per fit, "
          f"{METAFOR_MS_PER_FIT / (1000 * seconds / n):.0f}x metafor's {METAFOR_MS_PER_FIT} ms")
    report_diffs("exact optimum (metafor stops REML at an absolute tau² step of 1e-5, hence ~1e-6)", exact, ref)
    boundary = int(np.sum((exact.tau2 == 0) & (ref["tau2"].to_numpy() > 0)))
    print(f"    ({boundary} meta-analyses have their optimum at tau² = 0 where metafor stopped at a tiny positive "
          "value: relative differences of 1 there)")
    seconds_m, replica = best_time(lambda: rma_batch(y, v, method="REML", confint=True, threshold=1e-5,
                                                    maxiter=100))
    print(f"  metafor's stopping rule (vectorized): {seconds_m:.4f} s, {1000 * seconds_m / n:.4f} ms per fit")
    report_diffs("metafor's stopping rule", replica, ref)
    sample = range(0, n, 10)
    t0 = time.perf_counter()
    scalar = [rma(y[i], v[i], method="REML") for i in sample]
    per_fit = 1000 * (time.perf_counter() - t0) / len(scalar)
    worst = max(abs(r.tau2 - exact.tau2[i]) for r, i in zip(scalar, sample))
    print(f"  one-at-a-time rma() for comparison: {per_fit:.3f} ms per fit "
          f"(max |tau² difference| from the vectorized fit {worst:.1e})")
    ok = np.allclose(replica.tau2, ref["tau2"].to_numpy(), rtol=1e-9, atol=1e-12)
    print(f"  metafor-rule results agree with metafor to 1e-9: {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
