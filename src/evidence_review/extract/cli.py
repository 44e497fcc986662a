"""`evidence-review extract PATH... --out FILE.csv|FILE.jsonl`: ingestion + extraction without notebooks."""
from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from ..paths import raw_folder_holding
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
    documents, texts = ingest_paths([Path(p) for p in args.paths])
    estimates = extract_estimates(documents, texts)
    try:
        if out.suffix == ".csv":
            write_csv_atomic(estimates, out)
        else:
            write_jsonl_atomic(estimates.astype(object).where(estimates.notna(), None).to_dict("records"), out)
    except OSError as exc:  # a full disk, a folder that became read-only meanwhile
        raise ConfigError(f"cannot write --out {out}: {exc.strerror or exc}") from None
    print(f"{len(estimates)} estimates from {len(documents)} documents -> {out}")
    return 0
