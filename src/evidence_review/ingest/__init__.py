"""Stage 1: raw files -> one clean document record per file or record, plus its normalized text.

Public interface (the notebooks and the `extract` command use these):
    ingest_paths(paths, duplicate_decisions=None) -> (documents: DataFrame[DOCUMENT_COLUMNS + extras],
                                                     texts: {doc_id: normalized text})
    (duplicate_decisions: the reviewer's data/curation/duplicates.csv, see dedup.read_duplicate_decisions)
    ingest_with_structures(paths, duplicate_decisions=None) -> (documents, texts,
                                                               structures: {doc_id: {"sections": [...], "tables": [...]}})
    (both take scheduler="": where files are read, evidence_review.parallel; the result is the same on any)
    save_ingest(documents, texts, processed_dir, structures=None) / load_ingest(processed_dir) -> (documents, texts)
    load_structures(processed_dir) -> structures

`ingest_paths` keeps its two-value return for existing callers; `ingest_with_structures` is the same run with
the document structure as a third value. A section is {name, start, end} (name one of abstract, background,
methods, results, discussion, other); a table is {table_id, caption, start, end, header_rows, cells: [{row, col,
text, start, end, header}]}; every offset points into the document's normalized text (structure.py says how).

`texts[doc_id]` is the single source of truth for later stages: extraction reports character offsets into it.
Only rows with status "ok" have a text. Rows with `duplicate_of` set are duplicates of the record kept for their group.

Modules, one job each: discover (files, links, sizes) · decode (bytes -> text) · sniff (which format) ·
readers/* (one per format) · markup, normalize, boilerplate, repeats (clean text) · identifiers, metadata,
language, design, conditions, sample_size, follow_up (describe) · structure (sections and tables as spans of the
final text), texttables (tables in plain text: pipe, whitespace-aligned, run together from PDFs), markuptables
(HTML/JATS tables) · dedup (duplicates, with evidence) · pipeline (glue) · store (files).
Limits: `limits.py`.
"""
from __future__ import annotations

from .limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_SECONDS_PER_FILE, MAX_TEXT_CHARS
from .discover import resolve_raw_dirs
from .pipeline import EXTRA_COLUMNS, ingest_paths, ingest_with_structures
from .store import load_ingest, load_ingest_with_structures, load_structures, save_ingest

__all__ = ["ingest_paths", "ingest_with_structures", "save_ingest", "load_ingest", "load_ingest_with_structures", "load_structures", "resolve_raw_dirs", "EXTRA_COLUMNS", "MAX_FILE_BYTES", "MAX_JSON_DEPTH",
           "MAX_SECONDS_PER_FILE", "MAX_TEXT_CHARS"]
