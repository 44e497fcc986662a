"""Extraction ahead: inside one `evidence-review run`, each ingestion worker extracts the documents it has just read,
and the extraction notebook takes those results instead of extracting the documents again.

Why: ingestion and extraction each ran on worker processes of their own, with a barrier between them. The first
pool's last partitions left a core idle, the second pool started (a forkserver importing the extraction rules), and
the texts travelled to it once more. In one pass per partition (read -> describe -> extract) the workers stay busy
from the first file to the last extraction, and the extraction notebook mostly gathers. On 10,000 generated text
files (see the README's Large corpora) this is the run's largest stretch of work.

The outputs are the same bytes as without it. Each result carries a fingerprint of the very inputs it was
extracted from (doc_id, text, source file, condition, design and structure, as the extraction notebook reads them
from documents.csv and texts.jsonl); the extraction notebook takes a result only when the fingerprint of its own
input for that document is the same, and extracts every other document as before (a document whose id changed
when byte-identical files were told apart, a duplicate kept by a reviewer's decision, anything written
differently by the tables). Extraction is a function of those inputs alone, so a reused result is the result.

Only `evidence-review run` hands results over: it names a private folder in EVIDENCE_REVIEW_HANDOFF_DIR for its
kernels, removed when the run ends. Without it (JupyterLab, papermill by hand, the tests of one notebook) nothing
is extracted ahead and each notebook does its own work. Ahead-extraction also happens only where files are read on
worker processes or a cluster: in the notebook's own process it would only move the work from one notebook to the
other.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

# Light at import: the runner reads HANDOFF_ENV from here, and its own process must not pay for pandas or the stages
# (the stages are imported where they run).


#: One document's extraction input, `extract.work_items`' tuple: (doc_id, text, source_file, condition, structure,
#: design). The extraction package is imported only where documents are extracted (the workers, through their
#: forkserver), not by the ingestion notebook's kernel, which only orchestrates (the import costs ~0.4 s of CPU).
WorkItem = tuple

#: The environment variable naming the folder where one run's notebooks hand results over (set by the runner).
HANDOFF_ENV = "EVIDENCE_REVIEW_HANDOFF_DIR"
HANDOFF_FILE = "extracted-ahead.pickle"

#: Where the files are read when this pays: on worker processes (each extracts what it read) or a cluster.
AHEAD_PLANS = ("processes", "distributed")

#: What a document extracted ahead carries: (fingerprint, estimate rows, study model or None, failures).
Ahead = tuple[str, list, object, list]


def handoff_dir() -> Path | None:
    """The run's handoff folder, or None outside `evidence-review run`."""
    value = os.environ.get(HANDOFF_ENV, "").strip()
    return Path(value) if value and Path(value).is_dir() else None


def fingerprint(item: WorkItem) -> str:
    """A digest of everything extraction reads of one document (`extract.work_items`' tuple)."""
    doc_id, text, source, condition, structure, design = item
    digest = hashlib.blake2b(digest_size=20)
    head = json.dumps([doc_id, source, condition, design], ensure_ascii=False)
    body = json.dumps(structure, ensure_ascii=False, sort_keys=True)
    for part in (head, text, body):
        data = part.encode("utf-8", errors="surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _as_read_back(value) -> str:
    """A documents.csv text cell as `extract.work_items` reads it."""
    from .tables import is_blank

    return "" if is_blank(value) else str(value)


def work_item_as_stored(row: dict, text: str, structure: dict) -> WorkItem:
    """One document as the extraction notebook will read it back from documents.csv and texts.jsonl: the
    provisional doc_id (byte-identical files are told apart later; their results then simply go unused), the
    structure after its JSON round trip (lists for tuples), blank text cells as ""."""
    from .ingest.pipeline import base_doc_id

    doc_id = base_doc_id(row.get("sha256") or "", row.get("source_file") or "", row.get("record") or 0)
    stored = {"sections": structure.get("sections", []), "tables": structure.get("tables", [])}
    stored = json.loads(json.dumps(stored, ensure_ascii=False))
    stored = {"sections": stored["sections"] or [], "tables": stored["tables"] or []}
    return (doc_id, text, _as_read_back(row.get("source_file")), _as_read_back(row.get("condition")), stored,
            _as_read_back(row.get("design")))


def _extract_ahead(row: dict, text: str, structure: dict) -> Ahead | None:
    if row.get("status") != "ok" or not text:
        return None
    from .extract import extract_one

    try:
        item = work_item_as_stored(row, text, structure)
        rows, study, failed = extract_one(*item)
        return fingerprint(item), rows, study, failed
    except Exception:  # noqa: BLE001 - the extraction notebook extracts this document itself and reports it
        return None


def ingest_and_extract_partition(entries: list) -> list[list[tuple]]:
    """`ingest.pipeline.ingest_partition`, each ok document also extracted (`Ahead`, or None) as a fourth element
    (module level: it pickles, and the forkserver preloads this module with the extraction rules)."""
    from .ingest.pipeline import ingest_file

    # every file of the partition read first, then every document extracted: document by document, the two
    # stages' code and tables kept evicting each other from the processor's caches (10-20% more CPU, measured)
    per_file = [ingest_file(entry) for entry in entries]
    return [[(row, text, structure, _extract_ahead(row, text, structure)) for row, text, structure in built]
            for built in per_file]


# the forkserver of a local pool imports these once for all its workers (`parallel.map_partitions`)
ingest_and_extract_partition.preload_modules = ("evidence_review.ingest.pipeline", "evidence_review.extract")


def ingest_and_extract_ahead(paths, duplicate_decisions=None, scheduler: str = "", partitions: int | None = None,
                             handoff: Path | None = None):
    """`ingest.ingest_with_structures`; inside `evidence-review run` (a handoff folder: `handoff`, by default
    `handoff_dir()`) with files read on worker processes or a cluster, the workers also extract every document they
    read, and the results are written to the handoff folder for `extracted_ahead` in the extraction notebook."""
    from .ingest.discover import discover
    from .ingest.pipeline import ingest_entries
    from .parallel import check_scheduler, plan

    check_scheduler(scheduler)  # a wrong scheduler string stops the run before any file is read
    handoff = handoff if handoff is not None else handoff_dir()
    entries = discover(paths)
    ahead = handoff is not None and plan(scheduler, len(entries)).kind in AHEAD_PLANS
    documents, texts, structures, carried = ingest_entries(
        entries, duplicate_decisions, scheduler, partitions,
        **({"read_partition": ingest_and_extract_partition} if ahead else {}))
    if ahead:
        readable = set(documents.loc[(documents["status"] == "ok") & (documents["duplicate_of"] == ""), "doc_id"])
        found = {doc_id: result for doc_id, result in carried.items() if result is not None and doc_id in readable}
        # a private, temporary file: no fsync (it is read in this run or not at all)
        partial = Path(handoff) / f".{HANDOFF_FILE}.partial"
        partial.write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, Path(handoff) / HANDOFF_FILE)
    return documents, texts, structures


def extracted_ahead(handoff: Path | None = None) -> dict[str, Ahead]:
    """{doc_id: Ahead} handed over by this run's ingestion notebook (`ingest_and_extract_ahead`); {} outside a
    run or when nothing was extracted ahead. The file is removed once read (the results now live here)."""
    handoff = handoff if handoff is not None else handoff_dir()
    if handoff is None:
        return {}
    path = Path(handoff) / HANDOFF_FILE
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    path.unlink(missing_ok=True)
    found = pickle.loads(data)  # noqa: S301 - written by this run's own ingestion notebook, in its private folder
    return found if isinstance(found, dict) else {}
