"""`ingest_paths`: every file under the raw folders -> documents table + normalized texts;
`ingest_with_structures`: the same run, plus each document's sections and tables (structure.py).

Per file: discover (links, sizes) -> read bytes read-only -> refuse archives/binary -> decode -> pick the
reader -> one Record per document -> clean and describe each. Any failure becomes a `skipped` row with a
plain-words reason; nothing raises out of here for bad input.

Files are read per partition (`parallel.map_partitions`: in this process, on every core, or on a Dask
cluster, by the `scheduler` string) and gathered back in discovery order; doc_id assignment and duplicate
detection need the whole corpus and run after gathering, so the result does not depend on the partitioning.
The per-file time limit (SIGALRM) holds in this process and in local worker processes; on a distributed
cluster's worker threads only the size limits bound a file.
"""
from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass

import pandas as pd

from ..parallel import check_scheduler, map_partitions
from ..progress import Progress
from ..tables import DOCUMENT_COLUMNS, conform
from .decode import CleanTextStream, decode_bytes, sniff_magic, stream_encoding
from .dedup import DUPLICATE_COLUMNS, read_duplicate_decisions, resolve_duplicates
from .discover import Entry, discover, too_large
from .document import EMPTY_STRUCTURE, build_document
from .exports import NO_RECORDS, ROW_FORMAT, STREAMED_FORMATS, check_export, export_reader, records_of
from .limits import (MAX_FILE_BYTES, MAX_RECORDS_PER_FILE, MAX_SECONDS_PER_FILE, MAX_SECONDS_PER_RECORD,
                     MAX_TEXT_CHARS, SNIFF_BYTES)
from .readers import READERS
from .records import ReaderError
from .sniff import sniff_format, unfold_medline
from .structure import MARKS
from .timeouts import TimeLimitExceeded, time_limit

#: Plain text longer than this multiple of MAX_TEXT_CHARS is refused before cleaning.
PLAIN_TEXT_PRECHECK = 2

#: Columns after the contract's, in this order.
EXTRA_COLUMNS = ["title_original", "title_source", "pmcid", "follow_up"] + DUPLICATE_COLUMNS


def read_bytes_readonly(path) -> bytes:
    """The file's bytes, opened read-only, never more than the size limit (+1 byte to notice growth)."""
    flags = os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise ReaderError(f"file grew over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit while being read")
    return data


def _skipped(entry: Entry, reason: str, fmt: str = "", sha: str = "", record: int = 0) -> dict:
    return {"source_file": entry.rel, "record": record, "sha256": sha, "format": fmt,
            "status": "skipped", "reason": reason}


def _unexpected(exc: Exception) -> str:
    if os.environ.get("EVIDENCE_REVIEW_DEBUG"):
        raise exc
    return f"unexpected error while reading ({type(exc).__name__}: {str(exc)[:120]})"


def failure_reason(exc: Exception) -> str:
    """Why a record could not be read, in the one wording every reading path uses."""
    if isinstance(exc, (RecursionError, MemoryError)):
        return f"too complex to read ({type(exc).__name__})"
    return _unexpected(exc)


#: (row fields, normalized text, structure) for one document.
Built = tuple[dict, str, dict]


def _none(row: dict) -> Built:
    return row, "", EMPTY_STRUCTURE


def _build_all(entry: Entry, records, fmt: str, sha: str) -> list[Built]:
    """Rows for every record; a record that fails is skipped on its own, a timeout keeps the finished ones."""
    out: list[Built] = []
    for record in records:
        try:
            row, doc_text, structure = build_document(record, fmt, entry.rel, single_record=len(records) == 1)
        except TimeLimitExceeded:
            out.append(_none(_skipped(entry, f"stopped after {MAX_SECONDS_PER_FILE} s: records from {record.record} "
                                             "on were not read", fmt, sha, record.record)))
            break
        except Exception as exc:  # noqa: BLE001 - one bad record must not lose the others
            row, doc_text, structure = _none(_skipped(entry, failure_reason(exc), fmt, sha, record.record))
        row.update(source_file=entry.rel, sha256=sha)
        out.append((row, doc_text, structure))
    return out


def _read_stream(entry: Entry, records, fmt: str, sha: str):
    """The records of an export, read one at a time, each read with its own time limit: Record after Record,
    with a skipped row (a Built) where reading stops. A file that cannot be read at all gives one skipped row."""
    index = 0
    read_any = False
    while True:
        try:
            with time_limit(MAX_SECONDS_PER_RECORD):
                record = next(records, None)
        except (ReaderError, TimeLimitExceeded, RecursionError, MemoryError, Exception) as exc:  # noqa: BLE001
            if isinstance(exc, TimeLimitExceeded):
                why = f"reading record {index} took longer than {MAX_SECONDS_PER_RECORD} s"
            elif isinstance(exc, ReaderError):
                why = str(exc)
            else:
                why = failure_reason(exc)
            if not read_any:
                yield _none(_skipped(entry, why, fmt, sha))
            else:
                yield _none(_skipped(entry, f"stopped at record {index}: {why}; the rest were not read", fmt, sha,
                                     index))
            return
        if record is None:
            break
        if index >= MAX_RECORDS_PER_FILE:  # reported, never dropped silently
            yield _none(_skipped(entry, f"more than {MAX_RECORDS_PER_FILE:,} records in one file; the rest "
                                        "were not read", fmt, sha, index))
            return
        index = record.record + 1
        read_any = True
        yield record
    if not read_any:
        yield _none(_skipped(entry, NO_RECORDS[fmt], fmt, sha))


def _build_record(entry: Entry, record, fmt: str, sha: str) -> Built:
    """One record of an export described, with its own time limit; a record that fails is skipped on its own."""
    try:
        with time_limit(MAX_SECONDS_PER_RECORD):
            row, doc_text, structure = build_document(record, fmt, entry.rel, single_record=False)
    except TimeLimitExceeded:
        row, doc_text, structure = _none(_skipped(
            entry, f"took longer than {MAX_SECONDS_PER_RECORD} s to clean: skipped", fmt, sha, record.record))
    except Exception as exc:  # noqa: BLE001 - one bad record must not lose the others
        row, doc_text, structure = _none(_skipped(entry, failure_reason(exc), fmt, sha, record.record))
    row.update(source_file=entry.rel, sha256=sha)
    return row, doc_text, structure


def _build_stream(entry: Entry, records, fmt: str, sha: str) -> list[Built]:
    """Rows for the records of an export, read and described one at a time (`_read_stream`, `_build_record`)."""
    return [item if isinstance(item, tuple) else _build_record(entry, item, fmt, sha)
            for item in _read_stream(entry, records, fmt, sha)]


def _file_sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class _OpenExport:
    """A large file found to be a multi-record export: how to read its records."""

    reader: str
    encoding: str
    fmt: str
    sha: str


def _open_large(entry: Entry) -> list[Built] | _OpenExport:
    """A file over MAX_FILE_BYTES: an _OpenExport when its first bytes show a multi-record export, else its one
    skipped row (from its size, without reading it further)."""
    sha, fmt = "", ""
    try:
        with time_limit(MAX_SECONDS_PER_FILE):
            with open(entry.path, "rb") as fh:
                head = fh.read(SNIFF_BYTES)
            magic = sniff_magic(head, entry.rel)
            if magic:
                return [_none(_skipped(entry, magic[1], magic[0]))]
            try:
                encoding = stream_encoding(head)
            except ReaderError:
                return [_none(_skipped(entry, too_large(entry.size, export=False)))]
            head_text = head.decode(encoding, errors="replace")
            reader = export_reader(entry.rel, head_text)
            if reader is None:
                return [_none(_skipped(entry, too_large(entry.size, export=False), sniff_format(entry.rel, head_text)))]
            fmt = ROW_FORMAT.get(reader, reader)
            check_export(reader, head_text)
            sha = _file_sha256(entry.path)
        return _OpenExport(reader, encoding, fmt, sha)
    except Exception as exc:  # noqa: BLE001 - the reason says what
        return _large_failure(entry, exc, fmt, sha)


def _large_failure(entry: Entry, exc: Exception, fmt: str, sha: str) -> list[Built]:
    if isinstance(exc, ReaderError):
        return [_none(_skipped(entry, str(exc), fmt, sha))]
    if isinstance(exc, TimeLimitExceeded):
        return [_none(_skipped(entry, f"took longer than {MAX_SECONDS_PER_FILE} s to open: stopped", fmt, sha))]
    if isinstance(exc, OSError):
        return [_none(_skipped(entry, f"cannot read file ({exc.strerror or exc})", fmt, sha))]
    return [_none(_skipped(entry, _unexpected(exc), fmt, sha))]


def _ingest_large(entry: Entry) -> list[Built]:
    """A file over MAX_FILE_BYTES: read as a stream when its first bytes show a multi-record export, else
    skipped from its size without being read further."""
    opened = _open_large(entry)
    if not isinstance(opened, _OpenExport):
        return opened
    try:
        with open(entry.path, "rb") as fh:
            return _build_stream(entry, records_of(opened.reader, CleanTextStream(fh, opened.encoding, drop=MARKS)),
                                 opened.fmt, opened.sha)
    except Exception as exc:  # noqa: BLE001 - one unexpected input must not stop the run; the reason says what
        return _large_failure(entry, exc, opened.fmt, opened.sha)


#: A large export's records are read in this process and described on every worker, this many at a time (the
#: records of one wave are held in memory at once; each wave starts the workers anew, so not too few either).
WAVE_RECORDS = 50_000


def build_records_partition(items: list) -> list[Built]:
    """Each (entry, fmt, sha, Record or an already built skipped row) described (module level: it pickles)."""
    return [item if isinstance(item, tuple) else _build_record(entry, item, fmt, sha)
            for entry, fmt, sha, item in items]


def _ingest_large_on_workers(entry: Entry, scheduler: str, partitions: int | None) -> list[Built]:
    """`_ingest_large`, its records described per partition on the scheduler (the same rows, in the same order)."""
    opened = _open_large(entry)
    if not isinstance(opened, _OpenExport):
        return opened
    out: list[Built] = []

    def describe(wave: list) -> None:
        with Progress(len(wave), f"records of {entry.rel} described", unit="record") as progress:
            out.extend(map_partitions(build_records_partition, [(entry, opened.fmt, opened.sha, item) for item in wave],
                                      scheduler=scheduler, partitions=partitions, progress=progress))

    try:
        with open(entry.path, "rb") as fh:
            wave: list = []
            for item in _read_stream(entry, records_of(opened.reader, CleanTextStream(fh, opened.encoding, drop=MARKS)),
                                     opened.fmt, opened.sha):
                wave.append(item)
                if len(wave) >= WAVE_RECORDS:
                    describe(wave)
                    wave = []
            describe(wave)
    except Exception as exc:  # noqa: BLE001 - as _ingest_large: the reason says what
        return _large_failure(entry, exc, opened.fmt, opened.sha)
    return out


def ingest_file(entry: Entry) -> list[Built]:
    """(row, text, structure) for each document of one discovered file. A multi-record export is read record
    by record (exports.py) whatever its size; any other file is read whole, up to MAX_FILE_BYTES."""
    if entry.skip_reason:
        return [_none(_skipped(entry, entry.skip_reason))]
    if entry.size > MAX_FILE_BYTES:
        return _ingest_large(entry)
    sha, fmt = "", ""
    try:
        with time_limit(MAX_SECONDS_PER_FILE):
            data = read_bytes_readonly(entry.path)
            sha = hashlib.sha256(data).hexdigest()
            magic = sniff_magic(data, entry.rel)
            if magic:
                return [_none(_skipped(entry, magic[1], magic[0], sha))]
            text, _encoding = decode_bytes(data)
            del data
            if any(mark in text for mark in MARKS):  # private-use characters our structure markers use
                text = text.translate({ord(mark): None for mark in MARKS})
            fmt = sniff_format(entry.rel, text)
            if fmt == "text" and len(text) > PLAIN_TEXT_PRECHECK * MAX_TEXT_CHARS:
                # Cleaning never shortens plain text this much: refuse before spending time on it.
                return [_none(_skipped(entry, f"text has {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit "
                                         "(split the file)", fmt, sha))]
            if fmt == "medline":
                text = unfold_medline(text)
            if fmt not in STREAMED_FORMATS or not check_export(fmt, text):
                records = READERS[fmt](text)
                if not records:
                    return [_none(_skipped(entry, f"no {fmt} records found", fmt, sha))]
                return _build_all(entry, records, fmt, sha)
        return _build_stream(entry, records_of(fmt, io.StringIO(text)), fmt, sha)
    except ReaderError as exc:
        return [_none(_skipped(entry, str(exc), fmt, sha))]
    except TimeLimitExceeded:
        return [_none(_skipped(entry, f"took longer than {MAX_SECONDS_PER_FILE} s to read: stopped", fmt, sha))]
    except OSError as exc:
        return [_none(_skipped(entry, f"cannot read file ({exc.strerror or exc})", fmt, sha))]
    except (RecursionError, MemoryError) as exc:
        return [_none(_skipped(entry, f"too complex to read ({type(exc).__name__})", fmt, sha))]
    except Exception as exc:  # noqa: BLE001 - one unexpected input must not stop the run; the reason says what
        return [_none(_skipped(entry, _unexpected(exc), fmt, sha))]


def _assign_doc_ids(documents: pd.DataFrame) -> pd.Series:
    """sha256 prefix + record index; byte-identical files get `~2`, `~3` in source_file order.
    Files that were never read (too large, links) get an id from their path instead."""
    ids, seen = [], {}
    for sha, rel, record in zip(documents["sha256"], documents["source_file"], documents["record"]):
        stem = sha[:12] if sha else "p" + hashlib.sha256(rel.encode("utf-8")).hexdigest()[:11]
        base = f"{stem}-{int(record)}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return pd.Series(ids, index=documents.index, dtype="string")


def ingest_paths(paths, duplicate_decisions=None, scheduler: str = "") -> tuple[pd.DataFrame, dict[str, str]]:
    """Documents table (contract columns in order, then EXTRA_COLUMNS) and {doc_id: normalized text} for ok rows.

    `duplicate_decisions`: the reviewer's duplicates.csv (a path; see `dedup.read_duplicate_decisions`).
    `scheduler`: where files are read (see `evidence_review.parallel`; "" = automatic)."""
    documents, texts, _structures = ingest_with_structures(paths, duplicate_decisions, scheduler=scheduler)
    return documents, texts


def ingest_partition(entries: list[Entry]) -> list[list[Built]]:
    """The documents of each file of one partition (a module-level function: it pickles to worker processes)."""
    return [ingest_file(entry) for entry in entries]


def _is_large(entry: Entry) -> bool:
    return not entry.skip_reason and entry.size > MAX_FILE_BYTES


def read_files(entries: list[Entry], scheduler: str = "", partitions: int | None = None) -> list[Built]:
    """Every discovered file read, per partition on the given scheduler, in discovery order. A file over
    MAX_FILE_BYTES (a database export of thousands of records) is not one partition's work: its records are read
    here and described per partition (`_ingest_large_on_workers`)."""
    small = [e for e in entries if not _is_large(e)]
    with Progress(len(small), "files read", unit="file") as progress:
        per_small = iter(map_partitions(ingest_partition, small, scheduler=scheduler, partitions=partitions,
                                        progress=progress))
    per_file = [_ingest_large_on_workers(e, scheduler, partitions) if _is_large(e) else next(per_small)
                for e in entries]
    return [built for file_builts in per_file for built in file_builts]


def ingest_with_structures(paths, duplicate_decisions=None, scheduler: str = "", partitions: int | None = None,
                           ) -> tuple[pd.DataFrame, dict[str, str], dict[str, dict]]:
    """`ingest_paths` plus {doc_id: {"sections": [...], "tables": [...]}} for the same ok rows (texts.jsonl's shape).

    `partitions` fixes the number of partitions (by default from the number of workers and files)."""
    check_scheduler(scheduler)  # a wrong scheduler string stops the run before any file is read
    pairs = read_files(discover(paths), scheduler, partitions)
    rows = [row for row, _, _ in pairs]
    columns = sorted({k for r in rows for k in r} | {"source_file", "record", "sha256", "format", "status", "reason",
                                                    "title", "title_source", "design", "doi", "pmid", "n_tables"})
    documents = pd.DataFrame(rows, columns=columns)
    for col in columns:
        if col != "record":
            documents[col] = documents[col].astype(object).where(documents[col].notna(), "")
    documents["record"] = pd.to_numeric(documents["record"], errors="coerce").fillna(0).astype(int)
    documents["_order"] = range(len(documents))
    documents = documents.sort_values(["source_file", "record", "_order"], kind="stable").reset_index(drop=True)
    documents["doc_id"] = _assign_doc_ids(documents)
    documents["content_key"] = [f"{s}-{r}" if s else "" for s, r in zip(documents["sha256"], documents["record"])]
    texts = {doc_id: pairs[order][1] for doc_id, order, status in
             zip(documents["doc_id"], documents["_order"], documents["status"]) if status == "ok"}
    structures = {doc_id: pairs[order][2] for doc_id, order, status in
                  zip(documents["doc_id"], documents["_order"], documents["status"]) if status == "ok"}
    decisions = (duplicate_decisions if hasattr(duplicate_decisions, "not_duplicate")
                 else read_duplicate_decisions(duplicate_decisions))
    documents = resolve_duplicates(documents, texts, decisions)
    documents = documents.drop(columns=["_order", "content_key"])
    return tidy_documents(documents), texts, structures


def tidy_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """Contract column order and types: text columns are strings ("" when unknown), counts are nullable ints."""
    documents = conform(documents, DOCUMENT_COLUMNS + EXTRA_COLUMNS)
    documents = documents[DOCUMENT_COLUMNS + EXTRA_COLUMNS].copy()
    for col in ("record", "n_total", "text_chars", "n_tables"):
        documents[col] = pd.to_numeric(documents[col], errors="coerce").astype("Int64")
    documents["year"] = pd.to_numeric(documents["year"].replace("", pd.NA), errors="coerce").astype("Int64")
    for col in documents.columns:
        if col not in ("record", "n_total", "text_chars", "year", "n_tables"):
            documents[col] = documents[col].astype("string").fillna("")
    return documents
