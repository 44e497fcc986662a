"""The report at scale (issue 18): size of each page and time for Chromium to open the main page.

Generates real-shaped processed tables for 1,000 and 10,000 documents (tests/test_report_support.make_scale_inputs;
generation is not timed), renders the report on the real path (papermill on notebooks/04_report.ipynb, then
render_report with its page policy), and opens each main page in headless Chromium (the browser tests' setup),
timing navigation to the load event with every image decoded (median of 3). Goals: main page <= 5 MB at 10,000
documents, open in < 3 s. Run: `python -m benchmarks.bench_report_scale [N ...]` (or `make bench`).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from evidence_review.paths import repo_root

SIZES = (1_000, 10_000)
MAIN_GOAL_BYTES = 5_000_000
OPEN_GOAL_S = 3.0


def open_times(url: str, repeats: int = 3) -> list[float]:
    sys.path.insert(0, str(repo_root() / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for _ in range(repeats):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            t0 = time.perf_counter()
            page.goto(url, wait_until="load")
            page.wait_for_function("Array.from(document.images).every(i => i.complete)")
            times.append(time.perf_counter() - t0)
            context.close()
        browser.close()
    return times


def main(sizes=SIZES) -> int:
    sys.path.insert(0, str(repo_root() / "tests"))
    from test_report_support import make_scale_inputs, render_fixture_report

    from evidence_review.report.pages import APPENDIX_PAGE, FIGURES_PAGE, MAIN_PAGE

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        for n in sizes:
            processed, reports = make_scale_inputs(Path(tmp) / f"n{n}", n)
            t0 = time.perf_counter()
            _, html = render_fixture_report(processed, reports)
            render_s = time.perf_counter() - t0
            opened = open_times(html.as_uri())
            sizes_mb = {name: (reports / name).stat().st_size / 1e6 for name in (MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE)}
            appendix = [p for p in reports.glob("evidence_report_*.html") if p.name != FIGURES_PAGE]
            largest = max(p.stat().st_size for p in appendix) / 1e6
            rows.append((n, render_s, sizes_mb, statistics.median(opened)))
            print(f"{n:>6} documents: render {render_s:6.1f} s; main {sizes_mb[MAIN_PAGE]:5.2f} MB, appendix "
                  f"{len(appendix)} page(s), {sum(p.stat().st_size for p in appendix) / 1e6:6.2f} MB in all, largest "
                  f"{largest:5.2f} MB, its first page {sizes_mb[APPENDIX_PAGE]:5.2f} MB; figures "
                  f"{sizes_mb[FIGURES_PAGE]:6.2f} MB; Chromium opens the main page in "
                  f"{statistics.median(opened):.2f} s (median of {len(opened)})", flush=True)
    ok = all(s[MAIN_PAGE] * 1e6 <= MAIN_GOAL_BYTES and t < OPEN_GOAL_S for _, _, s, t in rows)
    if len(rows) >= 2:
        (n0, _, s0, _), (n1, _, s1, _) = rows[0], rows[-1]
        print(f"main page grew {s1[MAIN_PAGE] / s0[MAIN_PAGE]:.2f}x for {n1 / n0:.0f}x the documents")
    print("goals met" if ok else f"goal missed: main page <= {MAIN_GOAL_BYTES / 1e6:.0f} MB and open < {OPEN_GOAL_S} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(tuple(int(a) for a in sys.argv[1:]) or SIZES))
