"""Write and read the ingestion outputs: documents.csv and texts.jsonl, each replaced atomically."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..tables import write_csv_atomic, write_jsonl_atomic
from .pipeline import tidy_documents


def save_ingest(documents: pd.DataFrame, texts: dict[str, str], processed_dir) -> None:
    processed_dir = Path(processed_dir)
    write_csv_atomic(documents, processed_dir / "documents.csv")
    write_jsonl_atomic([{"doc_id": k, "text": texts[k]} for k in sorted(texts)], processed_dir / "texts.jsonl")


def load_ingest(processed_dir) -> tuple[pd.DataFrame, dict[str, str]]:
    processed_dir = Path(processed_dir)
    # Every column as text first: identifiers such as PMIDs must not turn into floats.
    documents = pd.read_csv(processed_dir / "documents.csv", dtype=str, keep_default_na=False)
    documents = tidy_documents(documents)
    texts: dict[str, str] = {}
    with open(processed_dir / "texts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                texts[rec["doc_id"]] = rec["text"]
    return documents, texts
