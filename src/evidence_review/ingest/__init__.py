"""Stage 1: raw files -> one clean document record per file or record, plus its normalized text.

Public interface (the notebooks and the `extract` command use only these):
    ingest_paths(paths) -> (documents: DataFrame[DOCUMENT_COLUMNS], texts: dict[doc_id, normalized text])
    save_ingest(documents, texts, processed_dir) / load_ingest(processed_dir)

PLACEHOLDER: this first version reads each file as UTF-8 text and takes its first line as the title.
The ingestion issue replaces it with real format detection, normalization and deduplication.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from ..tables import DOCUMENT_COLUMNS, conform, read_csv, write_csv_atomic, write_jsonl_atomic


def _iter_files(paths):
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    yield p, f
        elif p.is_file():
            yield p.parent, p


def ingest_paths(paths) -> tuple[pd.DataFrame, dict[str, str]]:
    rows, texts = [], {}
    for base, f in _iter_files(paths):
        data = f.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        text = data.decode("utf-8", errors="replace")
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        doc_id = sha[:12]
        rows.append(dict(doc_id=doc_id, source_file=f.relative_to(base).as_posix(), record=0, sha256=sha,
                         format="text", title=title[:300], text_chars=len(text), status="ok", reason=""))
        texts[doc_id] = text
    docs = conform(pd.DataFrame(rows, columns=DOCUMENT_COLUMNS) if not rows else pd.DataFrame(rows), DOCUMENT_COLUMNS)
    return docs, texts


def save_ingest(documents: pd.DataFrame, texts: dict[str, str], processed_dir) -> None:
    processed_dir = Path(processed_dir)
    write_csv_atomic(documents, processed_dir / "documents.csv")
    write_jsonl_atomic([{"doc_id": k, "text": texts[k]} for k in sorted(texts)], processed_dir / "texts.jsonl")


def load_ingest(processed_dir) -> tuple[pd.DataFrame, dict[str, str]]:
    processed_dir = Path(processed_dir)
    documents = read_csv(processed_dir / "documents.csv")
    texts = {}
    with open(processed_dir / "texts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                texts[rec["doc_id"]] = rec["text"]
    return documents, texts
