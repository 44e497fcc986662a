"""Tables the ingest notebook (and the report) show about a documents table: small, sorted, ready to display."""
from __future__ import annotations

import pandas as pd

from . import limits

OVERVIEW_COLUMNS = ["doc_id", "source_file", "record", "format", "title", "title_source", "year", "design",
                    "condition", "n_total", "doi", "pmid", "status", "duplicate_of", "possible_duplicate_of"]


def overview(documents: pd.DataFrame) -> pd.DataFrame:
    """One line per document with the columns a reviewer scans first."""
    return documents[[c for c in OVERVIEW_COLUMNS if c in documents.columns]].reset_index(drop=True)


def counts_by(documents: pd.DataFrame, column: str) -> pd.DataFrame:
    """Number of documents per value of `column` ("(none)" for empty), most frequent first, ties by name."""
    values = documents[column].astype("string").fillna("").replace("", "(none)")
    counts = values.value_counts().rename_axis(column).reset_index(name="documents")
    return counts.sort_values(["documents", column], ascending=[False, True], kind="stable").reset_index(drop=True)


def skipped(documents: pd.DataFrame) -> pd.DataFrame:
    """Every skipped file or record with its reason in plain words."""
    rows = documents[documents["status"] == "skipped"]
    return rows[["source_file", "record", "format", "reason"]].reset_index(drop=True)


def duplicates(documents: pd.DataFrame) -> pd.DataFrame:
    """Each duplicate beside the record kept for it, with the evidence of the link and what the kept record took
    from its group (`filled_from`)."""
    dups = documents[documents["duplicate_of"].astype("string").fillna("") != ""]
    kept = documents.set_index("doc_id")
    rows = []
    for row in dups.to_dict("records"):
        original = kept.loc[row["duplicate_of"]]
        rows.append({"doc_id": row["doc_id"], "source_file": row["source_file"], "record": row["record"],
                     "duplicate_of": row["duplicate_of"], "kept_file": original["source_file"],
                     "evidence": row.get("duplicate_evidence", ""), "kept_filled_from": original.get("filled_from", ""),
                     "title": row["title"]})
    return pd.DataFrame(rows, columns=["doc_id", "source_file", "record", "duplicate_of", "kept_file", "evidence",
                                       "kept_filled_from", "title"])


def possible_duplicates(documents: pd.DataFrame) -> pd.DataFrame:
    """Records that look alike but were kept apart (a title below certainty, or a year, author or journal that
    disagrees), with the score and reasons: the reviewer decides in data/curation/duplicates.csv."""
    if "possible_duplicate_of" not in documents:
        return pd.DataFrame(columns=["doc_id", "source_file", "possible_duplicate_of", "evidence", "title"])
    rows = documents[documents["possible_duplicate_of"].astype("string").fillna("") != ""]
    out = rows[["doc_id", "source_file", "possible_duplicate_of", "possible_duplicate_evidence", "title"]]
    return out.rename(columns={"possible_duplicate_evidence": "evidence"}).reset_index(drop=True)


def limits_note() -> str:
    """The per-file limits in one sentence (the README's Limits section lists the same constants)."""
    return (f"Limits: files over {limits.MAX_FILE_BYTES // (1024 * 1024)} MB are not read unless they are "
            f"multi-record exports (read record by record, up to {limits.MAX_EXPORT_BYTES // 1024 ** 3} GB; a record "
            f"over {limits.MAX_RECORD_CHARS:,} characters or {limits.MAX_SECONDS_PER_RECORD} s is skipped); cleaned "
            f"texts over {limits.MAX_TEXT_CHARS:,} characters, JSON nested over {limits.MAX_JSON_DEPTH} levels and "
            f"files taking over {limits.MAX_SECONDS_PER_FILE} s are skipped; at most "
            f"{limits.MAX_RECORDS_PER_FILE:,} records per file and {limits.MAX_FILES:,} files are read; archives are "
            "never opened; XML entities are never expanded; symbolic links to folders or outside the raw folder are not followed.")


def sections_table(text: str, structure: dict, preview_chars: int = 80) -> pd.DataFrame:
    """One row per section of a document: name, offsets, length and how it starts."""
    rows = [{"section": s["name"], "start": s["start"], "end": s["end"], "chars": s["end"] - s["start"],
             "begins": " ".join(text[s["start"]:s["start"] + preview_chars].split())}
            for s in structure.get("sections", [])]
    return pd.DataFrame(rows, columns=["section", "start", "end", "chars", "begins"])


def table_frame(table: dict) -> pd.DataFrame:
    """A table's grid as a DataFrame: header rows joined into the column names (repeated spanned headers said
    once), data rows below, the row label as the first column."""
    grid: dict[int, dict[int, str]] = {}
    for cell in table["cells"]:
        grid.setdefault(cell["row"], {})[cell["col"]] = cell["text"]
    rows = [[cols.get(c, "") for c in range(max(cols) + 1)] for _, cols in sorted(grid.items())]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    n_header = table.get("header_rows", 0)
    header, body = rows[:n_header], rows[n_header:]
    names = []
    for c in range(width):
        parts: list[str] = []
        for r in header:
            if r[c] and r[c] not in parts:
                parts.append(r[c])
        names.append(" / ".join(parts) or f"column {c + 1}")
    seen: dict[str, int] = {}
    unique = []
    for name in names:  # DataFrame columns must be unique to display well
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return pd.DataFrame(body, columns=unique)


def tables_overview(documents: pd.DataFrame, structures: dict) -> pd.DataFrame:
    """One row per table found: document, table id, caption, size, header rows."""
    files = dict(zip(documents["doc_id"], documents["source_file"]))
    rows = []
    for doc_id in sorted(structures):
        for table in structures[doc_id].get("tables", []):
            n_rows = 1 + max((c["row"] for c in table["cells"]), default=-1)
            n_cols = 1 + max((c["col"] for c in table["cells"]), default=-1)
            rows.append({"doc_id": doc_id, "source_file": files.get(doc_id, ""), "table_id": table["table_id"],
                         "caption": table["caption"], "rows": n_rows, "columns": n_cols,
                         "header_rows": table["header_rows"]})
    return pd.DataFrame(rows, columns=["doc_id", "source_file", "table_id", "caption", "rows", "columns",
                                       "header_rows"])


def read_with_fallback(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents that were ingested but needed a fallback (e.g. XML read with a recovering parser), with why."""
    rows = documents[(documents["status"] == "ok") & (documents["reason"].astype("string").fillna("") != "")]
    return rows[["source_file", "record", "format", "reason"]].reset_index(drop=True)
