"""Ingestion speed: a 500-record PubMed MEDLINE export, and a ~40 kB PMC/JATS article with 10 tables, each
generated in a temporary folder and read through ingest_with_structures (sections and table grids included).

Run: .venv/bin/python benchmarks/bench_ingest.py [--records 500] [--tables 10] [--repeat 3]
Prints the records and the seconds per run (the first run includes loading the language model).

`--path FOLDER_OR_FILE` times the ingestion of a given corpus instead (e.g. one made by
../shared/tools/make_scale_corpus.py), in this process (`scheduler="synchronous"`), as CPU seconds
(`time.process_time`, the comparable figure on a shared machine); `--profile N` adds cProfile's N costliest
functions (CPU time).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from evidence_review.ingest import ingest_with_structures

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


def jats_table(t: int) -> str:
    rows = "".join(
        f"<tr><td>Outcome {t}.{r}<sup>a</sup></td><td>{10 + r} ({(10 + r) / 1.2:.1f})</td>"
        f"<td>{20 + r}&#x02009;&#x000b1;&#x02009;{r + 1}.{t}</td><td>{15 + r} ({(15 + r) / 1.1:.1f})</td>"
        f"<td>{22 + r}&#x02009;&#x000b1;&#x02009;{r + 2}.{t}</td></tr>\n" for r in range(16))
    return (f'<table-wrap id="T{t}"><label>Table {t}</label><caption><title>Outcomes of block {t}</title></caption>'
            '<table><thead><tr><th rowspan="2">Outcome</th><th colspan="2">Drug (n&#x02009;=&#x02009;120)</th>'
            '<th colspan="2">Placebo (n&#x02009;=&#x02009;118)</th></tr><tr><th>n (%)</th><th>mean &#x000b1; SD</th>'
            f'<th>n (%)</th><th>mean &#x000b1; SD</th></tr></thead><tbody>\n{rows}</tbody></table>'
            '<table-wrap-foot><fn><p><sup>a</sup>Adjudicated by a blinded committee.</p></fn></table-wrap-foot>'
            '</table-wrap>\n')


def jats_article(tables: int) -> str:
    paragraph = ("<p>Participants were randomly assigned to the drug or placebo; the hazard ratio for relapse was "
                 "0.45 (95% CI 0.30&#x02013;0.68; <italic>p</italic>&#x02009;&lt;&#x02009;0.001) "
                 "<xref ref-type=\"bibr\" rid=\"B1\">[1]</xref>.</p>\n")
    results = "".join(f"<sec><title>Outcome block {t}</title>{paragraph * 2}{jats_table(t)}</sec>\n"
                      for t in range(1, tables + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal '
            'Archiving and Interchange DTD v1.2 20190208//EN" "JATS-archivearticle1.dtd">\n'
            '<article article-type="research-article"><front><journal-meta><journal-title-group><journal-title>'
            'Journal of Benchmarks</journal-title></journal-title-group></journal-meta><article-meta>'
            '<article-id pub-id-type="pmid">39000001</article-id><article-id pub-id-type="doi">10.9999/bench.jats'
            '</article-id><title-group><article-title>A benchmark trial with many tables</article-title></title-group>'
            '<pub-date pub-type="epub"><year>2024</year></pub-date><abstract><p>We randomised 238 participants.</p>'
            f'</abstract></article-meta></front><body><sec sec-type="intro"><title>Introduction</title>{paragraph * 3}'
            f'</sec><sec sec-type="methods"><title>Methods</title>{paragraph * 4}</sec><sec sec-type="results">'
            f'<title>Results</title>{results}</sec><sec sec-type="discussion"><title>Discussion</title>{paragraph * 3}'
            '</sec></body><back><ref-list><ref id="B1"><mixed-citation>Ref. 2020;1:1.</mixed-citation></ref>'
            '</ref-list></back></article>\n')


def timed(paths, repeat: int, what: str) -> None:
    for run in range(1, repeat + 1):
        start = time.perf_counter()
        documents, texts, structures = ingest_with_structures(paths)
        seconds = time.perf_counter() - start
        ok = int((documents["status"] == "ok").sum())
        n_tables = sum(len(s["tables"]) for s in structures.values())
        print(f"{what} run {run}: {len(documents)} records ({ok} ok, {len(texts)} texts, {n_tables} tables) in "
              f"{seconds:.2f} s ({1000 * seconds / max(1, len(documents)):.1f} ms per record)")


def timed_corpus(path: str, profile: int) -> None:
    """CPU of ingesting one corpus in this process, per document, with the costliest functions if asked."""
    import cProfile
    import pstats

    from evidence_review.ingest.language import _identifier

    _identifier()  # the language model's loading is not per document
    profiler = cProfile.Profile(time.process_time) if profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    documents, _texts, _structures = ingest_with_structures([path], scheduler="synchronous")
    if profiler:
        profiler.disable()
    seconds = time.process_time() - start
    print(f"{path}: {len(documents)} documents in {seconds:.2f} s CPU "
          f"({1000 * seconds / max(1, len(documents)):.2f} ms per document{', profiled' if profiler else ''})")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--tables", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--path", help="time the ingestion of this folder or file instead")
    parser.add_argument("--profile", type=int, default=0, help="with --path: print the N costliest functions")
    args = parser.parse_args()
    if args.path:
        timed_corpus(args.path, args.profile)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.nbib"
        path.write_text("\n".join(medline_record(i) for i in range(args.records)), encoding="utf-8")
        timed([path], args.repeat, "MEDLINE")
        article = Path(tmp) / "article.nxml"
        article.write_text(jats_article(args.tables), encoding="utf-8")
        print(f"JATS article: {article.stat().st_size / 1000:.1f} kB, {args.tables} tables")
        timed([article], args.repeat, "JATS")


if __name__ == "__main__":
    main()
