"""Stage 1: raw files -> one clean document record per file or record, plus its normalized text.

Public interface (the notebooks and the `extract` command use these):
    ingest_paths(paths, duplicate_decisions=None) -> (documents: DataFrame[DOCUMENT_COLUMNS + extras],
                                                     texts: {doc_id: normalized text})
    (duplicate_decisions: the reviewer's data/curation/duplicates.csv, see dedup.read_duplicate_decisions)
    save_ingest(documents, texts, processed_dir) / load_ingest(processed_dir)

`texts[doc_id]` is the single source of truth for later stages: extraction reports character offsets into it.
Only rows with status "ok" have a text. Rows with `duplicate_of` set are duplicates of the record kept for their group.

Modules, one job each: discover (files, links, sizes) · decode (bytes -> text) · sniff (which format) ·
readers/* (one per format) · markup, normalize, boilerplate, repeats (clean text) · identifiers, metadata,
language, design, conditions, sample_size, follow_up (describe) · dedup (duplicates, with evidence) ·
pipeline (glue) · store (files).
Limits: `limits.py`.
"""
from __future__ import annotations

from .limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_SECONDS_PER_FILE, MAX_TEXT_CHARS
from .discover import resolve_raw_dirs
from .pipeline import EXTRA_COLUMNS, ingest_paths
from .store import load_ingest, save_ingest

__all__ = ["ingest_paths", "save_ingest", "load_ingest", "resolve_raw_dirs", "EXTRA_COLUMNS", "MAX_FILE_BYTES", "MAX_JSON_DEPTH",
           "MAX_SECONDS_PER_FILE", "MAX_TEXT_CHARS"]
