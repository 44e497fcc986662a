"""CSV/TSV exports with title/abstract columns: one document per row.

Column names are matched case-insensitively against the spellings of the common exports: Scopus, Web of Science,
Covidence ("Published Year", "Accession Number", "Notes"), Rayyan ("pubmed_id", "pmc_id", authors joined with
"and"), Zotero ("Publication Year", "Publication Title", "Abstract Note", "Extra" with "PMID: ..."), EndNote
("Secondary Title", "Accession Number"), Excel. An accession number is taken as the PMID when it is one (1-8
digits; Embase and CINAHL numbers are longer or carry letters). Notes and Zotero's Extra are read for a PMID or
DOI the record has no column for. Every cell is read as text (`dtype=str`), so identifiers keep their digits.
Excel's `_x000D_` artefacts are removed by the normalization step.
"""
from __future__ import annotations

import csv
import io
import re

import pandas as pd

from ..records import ReaderError, Record

COLUMNS = {
    "title": ("title", "article title", "document title", "ti", "primary title", "title_en", "english title"),
    "title_original": ("original title", "title_original", "vernacular title", "title_cn", "tt"),
    "abstract": ("abstract", "ab", "abstract note", "summary", "abstract_en", "text", "body"),
    "authors": ("authors", "author", "au", "author full names", "author(s)", "creators"),
    "journal": ("journal", "source title", "publication title", "so", "journal/book", "journal title",
                "secondary title", "journal name", "source"),
    "year": ("year", "publication year", "published year", "year published", "py", "pubyear", "publication_year",
             "date", "publication date", "published date"),
    "doi": ("doi", "di"),
    "pmid": ("pmid", "pubmed id", "pubmed_id", "pm"),
    "accession": ("accession number", "accession_number", "accession no", "an"),
    "notes": ("notes", "note", "extra", "research notes", "comments"),
    "types": ("document type", "publication type", "type", "dt", "pt", "item type", "reference type"),
    "language": ("language", "la", "language of original document"),
}
_PMID_IN_NOTE = re.compile(r"\bPMID\s*[:=]?\s*(\d{1,8})\b", re.IGNORECASE)
_DOI_IN_NOTE = re.compile(r"\b(10\.\d{4,9}/[^\s\"'<>;,]+)")
_ACCESSION_PMID = re.compile(r"(?:pmid:?\s*|medline:?\s*)?(\d{1,8})", re.IGNORECASE)


def identifiers_from(pmid: str, accession: str, notes: str, doi: str) -> tuple[str, str]:
    """(pmid, doi): the PMID column, else an accession number that is a PMID, else "PMID: ..." in the notes;
    the DOI column, else a DOI in the notes."""
    if not pmid:
        m = _ACCESSION_PMID.fullmatch(accession.strip())
        pmid = m.group(1) if m else ""
    if not pmid:
        m = _PMID_IN_NOTE.search(notes)
        pmid = m.group(1) if m else ""
    if not doi:
        m = _DOI_IN_NOTE.search(notes)
        doi = m.group(1).rstrip(".)]") if m else ""
    return pmid, doi


def _fold_names(names: list[str]) -> dict[str, str]:
    return {re.sub(r"\s+", " ", str(n).strip().lower().lstrip("\ufeff")): n for n in names}


def _match_columns(names: list[str]) -> dict[str, str]:
    folded = _fold_names(names)
    found = {}
    for field, options in COLUMNS.items():
        for option in options:
            if option in folded:
                found[field] = folded[option]
                break
    return found


def _note_columns(names: list[str]) -> list[str]:
    """Every notes-like column (Zotero has both "Extra" and "Notes"): all are read for identifiers."""
    folded = _fold_names(names)
    return [folded[o] for o in COLUMNS["notes"] if o in folded]


#: Rows parsed per pandas chunk when a table is read as a stream.
CHUNK_ROWS = 2000

#: Longest field the csv module reads (a process-wide setting of the csv module, raised to this once).
CSV_FIELD_CHARS = 16_000_000


def table_records(handle, sep: str):
    """Records of a CSV/TSV table, row by row: pandas reads the handle in chunks of CHUNK_ROWS rows, so an export
    of any length is never held whole. Rows with more fields than the header are reported after the others."""
    from ..limits import MAX_RECORD_CHARS

    # Python's csv module refuses a field over 131,072 characters and with it the whole table; a longer field is
    # read, and its row skipped by the record limit below. Only a field over this stops the table there.
    if csv.field_size_limit() < CSV_FIELD_CHARS:
        csv.field_size_limit(CSV_FIELD_CHARS)
    bad_rows: list[list[str]] = []  # rows with more fields than the header: reported, never dropped silently

    def keep_bad_row(fields: list[str]) -> None:
        bad_rows.append(fields)
        return None

    kind = "TSV" if sep == "\t" else "CSV"
    try:
        chunks = pd.read_csv(handle, sep=sep, dtype=str, keep_default_na=False, engine="python",
                             on_bad_lines=keep_bad_row, quoting=csv.QUOTE_MINIMAL, chunksize=CHUNK_ROWS)
        n_rows = 0
        for chunk_index, frame in enumerate(chunks):
            if chunk_index == 0:
                columns = _match_columns(list(frame.columns))
                note_columns = _note_columns(list(frame.columns))
                if "title" not in columns and "abstract" not in columns:
                    raise ReaderError("table has no title or abstract column (looked for e.g. 'Title', 'Abstract')")
            for row in frame.itertuples(index=False):
                i = n_rows
                n_rows += 1
                size = sum(len(str(v)) for v in row)
                if size > MAX_RECORD_CHARS:
                    yield Record(record=i, skip_reason=f"row {i + 1} is {size:,} characters long, over the "
                                                       f"{MAX_RECORD_CHARS:,}-character limit for one record: not read")
                    continue
                yield _row_record(dict(zip(frame.columns, row)), i, columns, note_columns)
            n_columns = len(frame.columns)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError) as exc:
        raise ReaderError(f"malformed {kind} ({str(exc)[:80]})") from None
    for k, fields in enumerate(bad_rows):
        first = " ".join(str(fields[0]).split())[:60] if fields else ""
        yield Record(record=n_rows + k, skip_reason=(
            f"malformed row ({len(fields)} fields for {n_columns} columns, starting {first!r}): not read"))


def _row_record(values: dict, i: int, columns: dict, note_columns: list[str]) -> Record:
    def get(field: str) -> str:
        return str(values.get(columns.get(field, ""), "") or "").strip()

    notes = " | ".join(str(values.get(c, "") or "") for c in note_columns)
    pmid, doi = identifiers_from(get("pmid"), get("accession"), notes, get("doi"))
    rec = Record(record=i, title=get("title"), title_original=get("title_original"), authors=get("authors"),
                 journal=get("journal"), year=get("year"), doi=doi, pmid=pmid, language=get("language"))
    rec.publication_types = [t.strip() for t in re.split(r"[;|]", get("types")) if t.strip()]
    rec.body = "\n\n".join(p for p in (rec.title, get("abstract")) if p)
    if not rec.body:
        rec.skip_reason = f"row {i + 1} has no title or abstract"
    return rec


def table_separator(first_line: str) -> str:
    """Tab, semicolon or comma: whichever the header line holds most of (comma on ties)."""
    if first_line.count("\t") > first_line.count(","):
        return "\t"
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _read(text: str, sep: str) -> list[Record]:
    records = list(table_records(io.StringIO(text), sep))
    if not records:
        raise ReaderError("table has a header but no rows")
    return records


def read_csv_text(text: str) -> list[Record]:
    return _read(text, table_separator(text.split("\n", 1)[0]))


def read_tsv_text(text: str) -> list[Record]:
    return _read(text, "\t")
