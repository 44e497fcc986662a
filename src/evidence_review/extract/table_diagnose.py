"""What the table reader decided for every table of a set's full reports, and which tables gave nothing although
their cells hold arm-level shapes (n (%), n/N, mean ± SD, mean (SD), median (IQR)).

    python -m evidence_review.extract.table_diagnose heldout13 [heldout12 ...] [--all]

One line per table: rows read, shaped cells, the labels whose evidence the table prints, the header, the study's arms.
A tuning tool: the validation and test batches (`evaluate.BLIND_SETS`) are refused, their files stay unread."""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from .table_reader import read_table, _coded_groups, _printed_counts, header_rows
from .study import build_study

# the arm-level shapes a cell can print, each a family: "12 (34.3)", "12/35", "45.1 ± 3.2", "45.1 (3.2)", "4 (2-7)"
_SHAPES = re.compile(
    r"^\s*\d+\s*[/(\[]\s*\d+(?:[.,·]\d+)?\s*%?\s*[)\]]?\s*$"                   # n (%), n/N
    r"|^\s*[-−]?\d+(?:[.,·]\d+)?\s*(?:±|\+/?-|\+\s*/\s*-)\s*\d+(?:[.,·]\d+)?"     # mean ± SD
    r"|^\s*[-−]?\d+(?:[.,·]\d+)?\s*[(\[]\s*[-−]?\d+(?:[.,·]\d+)?\s*(?:[-–—,;]|to)\s*[-−]?\d+(?:[.,·]\d+)?\s*[)\]]"  # median (IQR)
    r"|^\s*[-−]?\d+[.,·]\d+\s*\(\s*\d+(?:[.,·]\d+)?\s*\)\s*$")                    # mean (SD)


def shaped_cells(table: dict) -> int:
    heads = header_rows(table)
    return sum(1 for c in table.get("cells") or [] if int(c["row"]) not in heads and int(c["col"]) > 0
               and _SHAPES.search(str(c.get("text") or "")))


def header_text(table: dict) -> str:
    heads = header_rows(table)
    rows: dict[int, list[str]] = {}
    for c in table.get("cells") or []:
        if int(c["row"]) in heads:
            rows.setdefault(int(c["row"]), []).append(str(c.get("text") or "").strip())
    return " // ".join(" | ".join(r) for _, r in sorted(rows.items()))


def cause(table: dict, study, state: str, shaped: int) -> str:
    """Why a table gave no row, in a few words: the reader failed, the cells print no arm-level shape, the columns
    split patients by an outcome or trait, or no header or row label names an arm of the study model."""
    from .study import column_headers, outcome_split
    if state == "failed":
        return "reader failed"
    if not shaped:
        return "no arm-level shapes in the cells"
    headers = {c: h for c, h, _, _ in column_headers(table) if c}
    if outcome_split(headers):
        return "columns split patients by an outcome or trait"
    heads = header_rows(table)
    labels = [str(c.get("text") or "") for c in table.get("cells") or [] if int(c["col"]) == 0 and int(c["row"]) not in heads]
    if not any(study.resolve_column(h) for h in headers.values()) and not any(study.resolve_column(x) for x in labels):
        return "no header or row label names a study arm"
    return "arm axis named, cells unread"


def diagnose(set_name: str, show_all: bool = False) -> Counter:
    from . import evaluate as ev
    if set_name in ev.BLIND_SETS:
        raise SystemExit(f"{set_name} is a validation or test batch: its files are not read")
    gold_path, raw_dir = ev.heldout_set()[set_name]
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    documents, texts, structures = ev.ingest_with_structures([raw_dir])
    tally: Counter = Counter()
    for doc_id, source in zip(documents["doc_id"], documents["source_file"]):
        name = Path(str(source)).name
        if not name.endswith(".xml"):
            continue
        text = texts.get(doc_id, "")
        structure = structures.get(doc_id) or {}
        study = build_study(doc_id, text, structure)
        labels = [g for g in gold if g["doc"] == name]
        tables = structure.get("tables") or []
        coded = _coded_groups(text, study) if tables else {}
        counts = _printed_counts(tables)
        arms = "; ".join(f"{a.name}({a.n})" for a in study.arms)
        print(f"== {set_name} {name} arms: {arms}")
        for table in tables:
            try:
                rows = read_table(doc_id, text, table, study, source_file=name, coded=coded, printed_counts=counts)
            except Exception as exc:  # noqa: BLE001 - a diagnostic lists the failure
                rows, failed = None, f"{type(exc).__name__}: {exc}"
            else:
                failed = ""
            cell_texts = " ".join(str(c.get("text") or "") for c in table.get("cells") or [])
            held = [g for g in labels if g.get("evidence") and str(g["evidence"]) in cell_texts]
            shaped = shaped_cells(table)
            got = len(rows or [])
            state = "failed" if failed else ("none" if rows is None else ("empty" if not rows else "read"))
            if held and got < len(held) / 2:
                tally["tables giving fewer rows than half their labels"] += 1
            if not got and (shaped or held):
                tally[f"no row: {cause(table, study, state, shaped)}"] += 1
            if show_all or (held and got < len(held) / 2) or (shaped >= 4 and not got):
                print(f"  {table.get('table_id', '?')}: {state} rows {got} shaped {shaped} labels {len(held)} "
                      f"{failed} | {header_text(table)[:240]}")
                if held and got < len(held) / 2:
                    print(f"     caption: {str(table.get('caption') or '')[:120]}")
                    body = sorted({int(c['row']) for c in table.get('cells') or []} - header_rows(table))[:4]
                    for r in body:
                        print("     " + " | ".join(str(c.get("text") or "")[:30] for c in table["cells"]
                                                   if int(c["row"]) == r))
    return tally


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--all", action="store_true", help="every table, not only those giving too little")
    args = parser.parse_args(argv)
    total: Counter = Counter()
    for name in args.sets:
        total.update(diagnose(name, args.all))
    for what, count in total.most_common():
        print(f"{count:4d}  {what}", file=sys.stderr)


if __name__ == "__main__":
    main()
