"""`evidence-review extract PATH... --out FILE.csv|FILE.jsonl`: ingestion + extraction without notebooks."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ConfigError
from .. import ingest
from ..parallel import check_scheduler
from ..paths import raw_folder_holding
from ..tables import write_csv_atomic, write_jsonl_atomic
from . import extract_study_tables


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", help="raw files or folders to read")
    parser.add_argument("--out", required=True, help="where to write the estimates (.csv or .jsonl)")
    parser.add_argument("--scheduler", default="", metavar="WHERE",
                        help="where documents are read and extracted: '' (default: every core for a large corpus), "
                             "processes, threads, synchronous, or a Dask scheduler tcp://HOST:PORT")


def main(args) -> int:
    for p in args.paths:
        if not Path(p).exists():
            raise ConfigError(f"input not found: {p}")
    out = Path(args.out)
    if out.suffix not in {".csv", ".jsonl"}:
        raise ConfigError("--out must end in .csv or .jsonl")
    # Checked before the (slow) work, so a bad --out costs nothing and never ends in a traceback.
    if out.is_dir():
        raise ConfigError(f"--out {out} is a folder; give a file name ending in .csv or .jsonl")
    raw = raw_folder_holding(out, args.paths)
    if raw is not None:
        raise ConfigError(f"--out {out} is inside the raw input {raw}; raw inputs are never written "
                          "(write the estimates elsewhere)")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
        why = f"{blocker} is a file, not a folder" if blocker else (exc.strerror or str(exc))
        raise ConfigError(f"cannot create the folder for --out {out}: {why}") from None
    scheduler = check_scheduler(getattr(args, "scheduler", ""))
    paths = [Path(p) for p in args.paths]
    documents, texts, structures = ingest.ingest_with_structures(paths, scheduler=scheduler)
    extraction = extract_study_tables(documents, texts, structures, scheduler=scheduler)
    estimates = extraction.estimates
    try:
        if out.suffix == ".csv":
            write_csv_atomic(estimates, out)
        else:
            write_jsonl_atomic(estimates.astype(object).where(estimates.notna(), None).to_dict("records"), out)
    except OSError as exc:  # a full disk, a folder that became read-only meanwhile
        raise ConfigError(f"cannot write --out {out}: {exc.strerror or exc}") from None
    print(f"{len(estimates)} estimates from {len(documents)} documents -> {out}")
    # a document whose extraction failed is named, the others' estimates are written all the same
    for rec in extraction.documents[extraction.documents["extract_error"] != ""].to_dict("records"):
        print(f"{rec['source_file']}: {rec['extract_error']}", file=sys.stderr)
    return 0
