"""The study model's arms against the arms a gold set's labels use, per document.

`python -m evidence_review.extract.study_diagnostic --set heldout13` prints, for each document of a TUNING set, the
arms `build_study` finds and the distinct arm names of the document's gold rows (`intervention` and `comparator`,
whole-population names left out), then counts the documents whose model misses a gold arm, has an arm no gold row
uses, or has fewer than two arms where the labels use two or more. Validation and test batches are refused: their
documents are read only through `evaluate`'s figures.

An arm is "found" when `evaluate.arm_matches` (the scorer's own test, with the document's defined abbreviations and
the names the model writes for the arm) pairs a gold name with one of the model's arms."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pandas as pd

from ..ingest import ingest_with_structures
from ..tables import ARM_COLUMNS, ARM_LEVEL_MEASURES, cell_text
from .evaluate import BLIND_SETS, arm_matches, defined_abbreviations, heldout_set, shared_sets, written_arm_names
from .study import Study, build_study

_WHOLE_POPULATION = re.compile(r"(?i)^\s*(?:all|both|overall|total|whole|entire|combined|pooled)\b|"
                               r"\b(?:all|both)\s+(?:patients|participants|groups|arms|subjects)\b")


def gold_arms_by_doc(gold_rows: list[dict]) -> dict[str, list[str]]:
    """{document: the distinct arm names its gold rows use}, whole-population names left out."""
    out: dict[str, list[str]] = {}
    for row in gold_rows:
        names = out.setdefault(row["doc"], [])
        for key in ("intervention", "comparator"):
            name = cell_text(row.get(key)).strip()
            if name and not _WHOLE_POPULATION.search(name) and name not in names:
                names.append(name)
    return out


def gold_sizes_by_doc(gold_rows: list[dict]) -> dict[str, dict[str, int]]:
    """{document: {arm name: the total its arm-level rows give most often}} (the size the labels use for the arm)."""
    seen: dict[str, dict[str, dict[int, int]]] = {}
    for row in gold_rows:
        name, total = cell_text(row.get("intervention")).strip(), row.get("total")
        if row.get("measure") in ARM_LEVEL_MEASURES and name and isinstance(total, (int, float)) \
                and not _WHOLE_POPULATION.search(name):
            counts = seen.setdefault(row["doc"], {}).setdefault(name, {})
            counts[int(total)] = counts.get(int(total), 0) + 1
    return {doc: {name: max(c, key=c.get) for name, c in arms.items()} for doc, arms in seen.items()}


def compare_arms(gold_names: list[str], model_arms: list, defined: dict[str, str],
                 gold_sizes: dict[str, int] | None = None) -> dict:
    """Which gold arms the model finds, which it misses, which model arms no gold name uses; and of the arms found,
    those whose size the model lacks or gives otherwise than the labels' most frequent total."""
    # the scorer's own names of each arm: its written name, then the other names no other arm carries
    written = written_arm_names(pd.DataFrame([a.as_row("") for a in model_arms], columns=ARM_COLUMNS),
                                {"": Study("", list(model_arms))})
    gold_tuple = tuple(gold_names)
    found, missing, size_missing, size_other = [], [], [], []
    used: set[int] = set()
    for name in gold_names:
        hits = [i for i, a in enumerate(model_arms)
                if arm_matches(name, a.canonical, defined, written, gold_tuple)
                or arm_matches(name, a.name, defined, written, gold_tuple)]
        (found if hits else missing).append(name)
        used.update(hits)
        size = (gold_sizes or {}).get(name)
        if len(hits) == 1 and size is not None:
            n = model_arms[hits[0]].n
            if n is None:
                size_missing.append(f"{name} (labels {size})")
            elif n != size:
                size_other.append(f"{name} (model {n}, labels {size})")
    extra = [model_arms[i].name for i in range(len(model_arms)) if i not in used]
    return {"found": found, "missing": missing, "extra": extra, "size_missing": size_missing, "size_other": size_other}


def diagnose(set_name: str) -> dict:
    if set_name in BLIND_SETS:
        raise SystemExit(f"{set_name} is a validation/test batch: read its figures with evaluate, not its arms")
    sets = {**shared_sets(), **heldout_set()}
    if set_name not in sets:
        raise SystemExit(f"unknown set {set_name}; known: {', '.join(sorted(s for s in sets if s not in BLIND_SETS))}")
    gold_path, raw_dir = sets[set_name]
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc = gold_arms_by_doc(gold)
    sizes = gold_sizes_by_doc(gold)
    documents, texts, structures = ingest_with_structures([raw_dir])
    rows = []
    for doc_id, source in zip(documents["doc_id"], documents["source_file"]):
        name = Path(str(source)).name
        if name not in by_doc:
            continue
        text = texts.get(doc_id, "")
        study = build_study(doc_id, text, structures.get(doc_id))
        result = compare_arms(by_doc[name], study.arms, defined_abbreviations(text), sizes.get(name))
        result.update(doc=name, design=study.design, crossover=study.crossover,
                      model=[f"{a.name} [{a.canonical}] n={a.n} {a.role}" for a in study.arms],
                      gold=by_doc[name])
        rows.append(result)
    counts = {
        "documents": len(rows),
        "missing": sum(1 for r in rows if r["missing"]),
        "extra": sum(1 for r in rows if r["extra"]),
        "fewer_than_two": sum(1 for r in rows if len(r["gold"]) >= 2 and len(r["model"]) < 2),
        "all_right": sum(1 for r in rows if not r["missing"] and not r["extra"]),
        "size_missing": sum(1 for r in rows if r["size_missing"]),
        "size_other": sum(1 for r in rows if r["size_other"]),
    }
    return {"set": set_name, "counts": counts, "documents": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", required=True, metavar="NAME")
    parser.add_argument("--all", action="store_true", help="list every document, not only those with a difference")
    args = parser.parse_args(argv)
    for set_name in args.sets:
        result = diagnose(set_name)
        print(f"== {set_name}: {json.dumps(result['counts'])}")
        for r in result["documents"]:
            if not args.all and not any(r[k] for k in ("missing", "extra", "size_missing", "size_other")):
                continue
            print(f"-- {r['doc']} ({r['design']}{', crossover' if r['crossover'] else ''})")
            print(f"   model: {r['model']}")
            print(f"   gold:  {r['gold']}")
            if r["missing"]:
                print(f"   MISSING: {r['missing']}")
            if r["extra"]:
                print(f"   EXTRA:   {r['extra']}")
            for key in ("size_missing", "size_other"):
                if r[key]:
                    print(f"   {key.upper()}: {r[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
