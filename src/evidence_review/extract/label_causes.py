"""Why matched rows carry a wrong subgroup or timepoint: `python -m evidence_review.extract.label_causes --set heldout13`.

The scorer (`evaluate.py`) lists each matched row whose subgroup or timepoint label differs from the gold one. This
diagnostic sorts those rows by cause, so the largest class is worked first:
- missing: the gold row has a label, the predicted row none;
- spurious: the predicted row has a label the gold row does not;
- wrong form: both name the same moment or group in other words (the same numbers, or one's words inside the
  other's: "after" / "after treatment", "week 12" / "12-week visit");
- wrong value: both have a label and they name different things.

It prints the counts per label and cause, and the most frequent (gold, predicted) pairs of each. Tuning sets only:
the validation and test batches (`evaluate.BLIND_SETS`) are scored by figures alone, so they are refused here.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from .evaluate import BLIND_SETS, evaluate_set, heldout_set, normalize_label, shared_sets

CAUSES = ("missing", "spurious", "wrong form", "wrong value")


def cause_of(gold, predicted) -> str:
    """The cause of one wrong label (see the module's doc)."""
    g, p = normalize_label(gold), normalize_label(predicted)
    if not p:
        return "missing"
    if not g:
        return "spurious"
    g_numbers = {w for w in g if w[0].isdigit()}
    p_numbers = {w for w in p if w[0].isdigit()}
    if (g_numbers and g_numbers == p_numbers) or (not g_numbers and not p_numbers and (set(g) <= set(p) or set(p) <= set(g))):
        return "wrong form"
    return "wrong value"


def label_causes(wrong: list[dict]) -> dict[str, Counter]:
    """{cause: Counter of (gold, predicted) pairs} of one label's wrong rows (evaluate's labels[name]["wrong"])."""
    out: dict[str, Counter] = {c: Counter() for c in CAUSES}
    for w in wrong:
        out[cause_of(w["gold"], w["predicted"])][(str(w["gold"] or ""), str(w["predicted"] or ""))] += 1
    return out


def report(result: dict, top: int = 8) -> list[str]:
    lines = []
    for name in ("subgroup", "timepoint"):
        lab = result["labels"][name]
        lines.append(f"  {name}: right {lab['right']}/{lab['checked']}")
        for cause, pairs in sorted(label_causes(lab["wrong"]).items(), key=lambda kv: -sum(kv[1].values())):
            if not pairs:
                continue
            lines.append(f"    {cause}: {sum(pairs.values())}")
            for (g, p), n in pairs.most_common(top):
                lines.append(f"      {n:>3}  gold {g!r}  predicted {p!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="only", action="append", required=True, metavar="NAME")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args(argv)
    blind = sorted(set(args.only) & BLIND_SETS)
    if blind:
        print(f"refused: {', '.join(blind)} are validation or test batches, scored by their figures only",
              file=sys.stderr)
        return 2
    sets = shared_sets()
    sets.update(heldout_set())
    for name in args.only:
        if name not in sets:
            print(f"unknown set {name}", file=sys.stderr)
            return 2
        print(f"== {name}")
        for line in report(evaluate_set(*sets[name]), args.top):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
