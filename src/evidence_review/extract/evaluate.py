"""Score the extractor against the shared hand-labelled sets: `python -m evidence_review.extract.evaluate`.

Prints, per set, precision/recall/F1 for effects and for proportions (matching as the shared scorer
../shared/tools/score_extraction.py does: same document and measure, value and printed limits within 0.5 %
or 0.0005; proportions also on equal events/total; each gold record used once; with every raw file counted,
so numbers invented for a document without gold records are false positives), and the arms accuracy:
among matched comparative estimates whose gold arms name a treatment, the share whose intervention and
comparator, reduced to lexicon names, equal the gold ones in the right order.
Rows marked `role = baseline` (baseline characteristics read from tables, never pooled) are left out: the gold
sets list no baseline characteristics.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

from ..ingest import ingest_paths
from ..paths import repo_root
from . import extract_estimates
from .lexicon import canonical_arm

EFFECTS = {"HR", "RR", "OR", "IRR", "RD", "MD", "SMD", "ARR", "RRR"}


def _num(x):
    if x is None or x is pd.NA:
        return None
    if isinstance(x, (int, float)):
        return None if (isinstance(x, float) and math.isnan(x)) else float(x)
    try:
        return float(str(x).strip())
    except ValueError:
        return None


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= max(5e-4, 5e-3 * abs(b))


def matches(gold: dict, pred: dict) -> bool:
    if str(pred.get("measure")) != gold["measure"]:
        return False
    if gold["measure"] == "PROPORTION":
        ev, tot = _num(pred.get("events")), _num(pred.get("total"))
        if gold.get("events") is not None and gold.get("total") is not None and ev is not None and tot is not None:
            if ev == gold["events"] and tot == gold["total"]:
                return True
        v = _num(pred.get("value"))
        if v is not None and v > 1 and gold["value"] <= 1:
            v = v / 100.0
        return _close(v, gold["value"])
    for scale in ((1.0, 0.01) if gold["measure"] == "ARR" else (1.0,)):
        if not _close(_num(pred.get("value")), gold["value"] * scale):
            continue
        if all(gold.get(k) is None or _close(_num(pred.get(k)), float(gold[k]) * scale) for k in ("ci_low", "ci_high")):
            return True
    return False


def score(gold: list[dict], predictions: list[dict], docs: set[str]) -> dict:
    by_doc = defaultdict(list)
    for p in predictions:
        by_doc[Path(str(p.get("source_file") or "")).name].append(p)
    tally = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("effects", "proportions")}
    arms = {"checked": 0, "right": 0, "skipped": 0, "wrong": []}
    for d in sorted(docs):
        gs = [g for g in gold if g["doc"] == d]
        ps = by_doc.get(d, [])
        used = set()
        for g in gs:
            hit = next((i for i, p in enumerate(ps) if i not in used and matches(g, p)), None)
            kind = "proportions" if g["measure"] == "PROPORTION" else "effects"
            if hit is None:
                tally[kind]["fn"] += 1
                continue
            used.add(hit)
            tally[kind]["tp"] += 1
            if g.get("comparator") is not None and g["measure"] != "PROPORTION":
                _score_arms(g, ps[hit], arms)
        for i, p in enumerate(ps):
            if i not in used:
                tally["proportions" if p.get("measure") == "PROPORTION" else "effects"]["fp"] += 1
    out = {}
    for k, t in tally.items():
        prec = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        rec = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[k] = dict(t, precision=round(prec, 4), recall=round(rec, 4), f1=round(f1, 4))
    out["arms"] = {
        "checked": arms["checked"], "right": arms["right"], "skipped": arms["skipped"],
        "accuracy": round(arms["right"] / arms["checked"], 4) if arms["checked"] else 0.0,
        "wrong": arms["wrong"],
    }
    return out


def _score_arms(gold: dict, pred: dict, arms: dict) -> None:
    gi, gc = canonical_arm(gold.get("intervention")), canonical_arm(gold.get("comparator"))
    # a comparison of patient factors (antibody status, titre, dose level within one drug) has no
    # treatment arms to get right or wrong
    if (not gi and not gc) or gi == gc:
        arms["skipped"] += 1
        return
    pi, pc = canonical_arm(pred.get("intervention")), canonical_arm(pred.get("comparator"))
    arms["checked"] += 1
    # a gold comparator naming no treatment ("1 mg/day lower dose") leaves only the intervention to check
    if (pi, pc) == (gi, gc) or (not gc and pi == gi):
        arms["right"] += 1
    else:
        arms["wrong"].append({"doc": gold["doc"], "measure": gold["measure"], "value": gold["value"],
                              "gold": [gi, gc], "predicted": [pi, pc]})


def evaluate_set(gold_path: Path, raw_dir: Path) -> dict:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents, texts = ingest_paths([raw_dir])
    estimates = extract_estimates(documents, texts)
    predictions = [p for p in estimates.astype(object).where(estimates.notna(), None).to_dict("records")
                   if p.get("role") != "baseline"]
    docs = {g["doc"] for g in gold} | {f.name for f in raw_dir.iterdir() if f.is_file()}
    result = score(gold, predictions, docs)
    gold_docs = {g["doc"] for g in gold}
    result["rows_in_documents_without_gold"] = sum(
        1 for p in predictions if Path(str(p.get("source_file") or "")).name not in gold_docs)
    return result


def shared_sets(shared: Path | None = None) -> dict[str, tuple[Path, Path]]:
    shared = shared or repo_root().parent / "shared"
    sets = {}
    for name, folder in (("seeds", "seeds"), ("dev_corpus", "dev_corpus")):
        gold, raw = shared / folder / "gold.jsonl", shared / folder / "raw"
        if gold.exists() and raw.is_dir():
            sets[name] = (gold, raw)
    return sets


HELDOUT_FOLDERS = {"heldout": "extract_heldout", "heldout2": "extract_heldout2"}


def heldout_set() -> dict[str, tuple[Path, Path]]:
    """The project's own held-out sets (tests/fixtures/extract_heldout*), each written blind after the earlier
    sets were fitted."""
    sets = {}
    for name, folder_name in HELDOUT_FOLDERS.items():
        folder = repo_root() / "tests" / "fixtures" / folder_name
        gold, raw = folder / "gold.jsonl", folder / "raw"
        if gold.exists() and raw.is_dir():
            sets[name] = (gold, raw)
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="folder holding seeds/ and dev_corpus/ (default ../shared)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--verbose", action="store_true", help="list the arms judged wrong")
    args = parser.parse_args(argv)
    sets = shared_sets(args.shared)
    if not sets:
        print("no shared gold sets found (looked for ../shared/seeds and ../shared/dev_corpus)", file=sys.stderr)
        return 2
    sets.update(heldout_set())
    results = {name: evaluate_set(*paths) for name, paths in sets.items()}
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
        return 0
    for name, r in results.items():
        print(f"== {name}")
        for k in ("effects", "proportions"):
            t = r[k]
            print(f"  {k:<12} precision {t['precision']:.3f}  recall {t['recall']:.3f}  F1 {t['f1']:.3f}"
                  f"  (tp {t['tp']}, fp {t['fp']}, fn {t['fn']})")
        a = r["arms"]
        print(f"  arms/orientation right {a['right']}/{a['checked']} = {a['accuracy']:.3f}"
              f"  ({a['skipped']} factor comparisons without treatment arms not scored)")
        print(f"  rows in documents without gold records: {r['rows_in_documents_without_gold']}")
        if args.verbose:
            for w in a["wrong"]:
                print(f"    WRONG ARMS {w['doc']} {w['measure']} {w['value']}: gold {w['gold']} predicted {w['predicted']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
