"""Duplicate detection at scale: template titles ("X in Y", "Trial of X in Y", ...) over a few drugs and conditions,
each record with its own DOI or PMID (or none), through `resolve_duplicates`.

Run: .venv/bin/python benchmarks/bench_dedup.py [--records 10000] [--seed 7] [--pubmed]
Prints the seconds, the links made, how many groups hold two different DOIs or PMIDs (must be 0) and how many
records have possible duplicates listed. Only 5 first authors and 4 journals are drawn, so records without a
conflicting identifier, with the same title, author and journal and years at most one apart are linked: those
links are real duplicates by every field the records have.

`--pubmed` gives every record a PMID, as a PubMed export does (one in 20 records exported twice: the same PMID, the
title with a typo), so the blocking compares only the records sharing a PMID: e.g. `--records 200000 --pubmed`.
"""
from __future__ import annotations

import argparse
import random
import time

import pandas as pd

from evidence_review.ingest.dedup import resolve_duplicates

DRUGS = ["Eculizumab", "Ravulizumab", "Satralizumab", "Inebilizumab", "Rituximab", "Tocilizumab", "Azathioprine",
         "Mycophenolate", "Tacrolimus", "Efgartigimod", "Rozanolixizumab", "Zilucoplan", "Belimumab", "Voclosporin",
         "Obinutuzumab", "Anifrolumab"]
CONDITIONS = ["Aquaporin-4-Positive Neuromyelitis Optica Spectrum Disorder", "Generalized Myasthenia Gravis",
              "Lupus Nephritis", "MOG Antibody-Associated Disease", "Autoimmune Encephalitis",
              "Acetylcholine Receptor Antibody-Positive Myasthenia"]
TEMPLATES = ["{d} in {c}", "Trial of {d} in {c}", "Safety and Efficacy of {d} in {c}",
             "Long-term {d} in {c}: an open-label extension", "{d} versus placebo in {c}"]
AUTHORS = ["Pittock SJ", "Yamamura T", "Cree BAC", "Howard JF", "Furie R"]
JOURNALS = ["N Engl J Med", "Lancet Neurol", "Ann Neurol", "Neurology"]


def synthetic(records: int, seed: int, pubmed: bool = False) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(records):
        if pubmed and i % 20 == 19:  # the previous record exported again, a letter of its title lost
            again = dict(rows[-1], doc_id=f"r{i}-0")
            cut = rng.randrange(len(again["title"]))
            again["title"] = again["title"][:cut] + again["title"][cut + 1:]
            rows.append(again)
            continue
        title = rng.choice(TEMPLATES).format(d=rng.choice(DRUGS), c=rng.choice(CONDITIONS))
        rows.append({"doc_id": f"r{i}-0", "source_file": "export.csv", "status": "ok", "title_source": "record field",
                     "title": title, "design": "RCT", "doi": f"10.1000/trial.{i}" if rng.random() < 0.7 else "",
                     "pmid": str(30000000 + i) if rng.random() < 0.5 else "", "year": str(rng.randint(2005, 2024)),
                     "authors": rng.choice(AUTHORS) + ", Other A", "journal": rng.choice(JOURNALS), "n_total": "",
                     "text_chars": rng.randint(200, 2000), "pmcid": ""})
        if pubmed:
            rows[-1].update(pmid=str(30000000 + i), doi="")
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pubmed", action="store_true", help="every record has a PMID, as in a PubMed export")
    args = parser.parse_args()
    documents = synthetic(args.records, args.seed, args.pubmed)
    started, cpu = time.perf_counter(), time.process_time()
    out = resolve_duplicates(documents)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    group = out["duplicate_of"].where(out["duplicate_of"] != "", out["doc_id"])
    mixed = sum(1 for _, part in out.groupby(group)
                if len(set(part["doi"]) - {""}) > 1 or len(set(part["pmid"]) - {""}) > 1)
    print(f"dedup: {args.records} template-titled records in {seconds:.1f} s ({cpu:.1f} s CPU); "
          f"{int((out['duplicate_of'] != '').sum())} linked, {mixed} groups with two DOIs or PMIDs, "
          f"{int((out['possible_duplicate_of'] != '').sum())} records with possible duplicates listed")


if __name__ == "__main__":
    main()
