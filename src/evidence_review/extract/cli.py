"""`evidence-review extract PATH... --out FILE.csv|FILE.jsonl`: ingestion + extraction without notebooks."""
from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from ..ingest import ingest_paths
from ..tables import write_csv_atomic, write_jsonl_atomic
from . import extract_estimates


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", help="raw files or folders to read")
    parser.add_argument("--out", required=True, help="where to write the estimates (.csv or .jsonl)")


def main(args) -> int:
    for p in args.paths:
        if not Path(p).exists():
            raise ConfigError(f"input not found: {p}")
    out = Path(args.out)
    if out.suffix not in {".csv", ".jsonl"}:
        raise ConfigError("--out must end in .csv or .jsonl")
    documents, texts = ingest_paths([Path(p) for p in args.paths])
    estimates = extract_estimates(documents, texts)
    if out.suffix == ".csv":
        write_csv_atomic(estimates, out)
    else:
        write_jsonl_atomic(estimates.astype(object).where(estimates.notna(), None).to_dict("records"), out)
    print(f"{len(estimates)} estimates from {len(documents)} documents -> {out}")
    return 0
