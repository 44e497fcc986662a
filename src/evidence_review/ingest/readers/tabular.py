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

from ..limits import MAX_RECORDS_PER_FILE
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


def _read(text: str, sep: str) -> list[Record]:
    bad_rows: list[list[str]] = []  # rows with more fields than the header: reported, never dropped silently

    def keep_bad_row(fields: list[str]) -> None:
        bad_rows.append(fields)
        return None

    # No `nrows`: malformed rows count toward it, so rows past the limit would vanish without a trace.
    # The whole file is at most MAX_FILE_BYTES, so reading it all is bounded.
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, engine="python",
                            on_bad_lines=keep_bad_row, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError) as exc:
        raise ReaderError(f"malformed {'TSV' if sep == chr(9) else 'CSV'} ({str(exc)[:80]})") from None
    too_many_rows = len(frame) > MAX_RECORDS_PER_FILE
    frame = frame.iloc[:MAX_RECORDS_PER_FILE]
    columns = _match_columns(list(frame.columns))
    note_columns = _note_columns(list(frame.columns))
    if "title" not in columns and "abstract" not in columns:
        raise ReaderError("table has no title or abstract column (looked for e.g. 'Title', 'Abstract')")
    records = []
    for i, row in enumerate(frame.itertuples(index=False)):
        values = dict(zip(frame.columns, row))

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
        records.append(rec)
    for fields in bad_rows:
        first = " ".join(str(fields[0]).split())[:60] if fields else ""
        records.append(Record(record=len(records), skip_reason=(
            f"malformed row ({len(fields)} fields for {len(frame.columns)} columns, starting {first!r}): not read")))
    if too_many_rows:
        records.append(Record(record=len(records),
                              skip_reason=f"more than {MAX_RECORDS_PER_FILE} rows in one file; the rest were not read"))
    if not records:
        raise ReaderError("table has a header but no rows")
    return records


def read_csv_text(text: str) -> list[Record]:
    first = text.split("\n", 1)[0]
    sep = "\t" if first.count("\t") > first.count(",") else (";" if first.count(";") > first.count(",") else ",")
    return _read(text, sep)


def read_tsv_text(text: str) -> list[Record]:
    return _read(text, "\t")
