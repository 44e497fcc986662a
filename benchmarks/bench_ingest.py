"""Ingestion speed: a 500-record PubMed MEDLINE export, generated in a temporary folder, through ingest_paths.

Run: .venv/bin/python benchmarks/bench_ingest.py [--records 500] [--repeat 3]
Prints the records and the seconds per run (the first run includes loading the language model).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from evidence_review.ingest import ingest_paths

DESIGNS = [
    ("Randomized Controlled Trial", "In this randomized, double-blind, placebo-controlled trial, {n} patients were randomized."),
    ("Meta-Analysis", "A meta-analysis of {k} studies with {n} participants was conducted."),
    ("Journal Article", "In a retrospective multicentre cohort study we evaluated {n} patients."),
]
CONDITIONS = ["neuromyelitis optica spectrum disorder", "generalized myasthenia gravis", "lupus nephritis",
              "MOG antibody-associated disease", "autoimmune encephalitis"]
DRUGS = ["rituximab", "azathioprine", "mycophenolate mofetil", "tacrolimus", "eculizumab", "belimumab"]


def medline_record(i: int) -> str:
    pt, design_sentence = DESIGNS[i % len(DESIGNS)]
    condition, drug, other = CONDITIONS[i % 5], DRUGS[i % 6], DRUGS[(i + 1) % 6]
    n = 40 + (i * 37) % 400
    hr = 0.2 + (i % 70) / 100
    abstract = (f"BACKGROUND: The effect of {drug} in {condition} is uncertain. METHODS: "
                + design_sentence.format(n=n, k=5 + i % 20)
                + f" RESULTS: Compared with {other}, {drug} reduced the risk of relapse (HR {hr:.2f}, 95% CI "
                f"{hr / 2:.2f}\u2013{hr * 1.6:.2f}; p = 0.0{i % 9 + 1}). The annualized relapse rate fell from "
                f"1.{i % 9} to 0.{i % 7}. Adverse events occurred in {i % 30}/{n} patients. CONCLUSIONS: {drug.capitalize()} "
                f"may be preferred over {other}.")
    wrapped = "\n      ".join(abstract[j:j + 70] for j in range(0, len(abstract), 70))
    return (f"PMID- {30000000 + i}\nOWN - NLM\nSTAT- MEDLINE\nDP  - {2000 + i % 25} Mar 3\n"
            f"TI  - {drug.capitalize()} versus {other} in {condition}: study {i}.\n"
            f"LID - 10.9999/bench.{i} [doi]\nAB  - {wrapped}\nFAU - Author, Number {i}\nAU  - Author N\n"
            f"LA  - eng\nPT  - Journal Article\nPT  - {pt}\nTA  - Bench J\nJT  - Journal of Benchmarks\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.nbib"
        path.write_text("\n".join(medline_record(i) for i in range(args.records)), encoding="utf-8")
        for run in range(1, args.repeat + 1):
            start = time.perf_counter()
            documents, texts = ingest_paths([path])
            seconds = time.perf_counter() - start
            ok = int((documents["status"] == "ok").sum())
            print(f"run {run}: {len(documents)} records ({ok} ok, {len(texts)} texts) in {seconds:.2f} s "
                  f"({1000 * seconds / max(1, len(documents)):.1f} ms per record)")


if __name__ == "__main__":
    main()
