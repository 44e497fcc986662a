"""One Record (what a reader found) -> one documents.csv row plus its normalized text."""
from __future__ import annotations

from .boilerplate import head_before_cut, remove_boilerplate
from .conditions import find_condition
from .design import classify_design
from .follow_up import find_follow_up
from .identifiers import (clean_doi, clean_pmid, clean_year, find_doi, find_pmcid, find_pmid, find_year,
                          year_from_filename)
from .language import detect_language
from .limits import MAX_TEXT_CHARS
from .markup import strip_markup
from .metadata import find_authors, find_journal, find_title, first_sentence
from .normalize import normalize_text, tidy_whitespace
from .records import Record
from .repeats import drop_repeats
from .sample_size import find_total_n
from .scripts import is_latin
from .structure import finalize, strip_markers, table_marker


def clean_field(value: str) -> str:
    """A one-line metadata value: markup out, characters normalized, no line breaks."""
    if not value:
        return ""
    return " ".join(normalize_text(strip_markup(value)).split())


def clean_body(record: Record, fmt: str) -> str:
    """The full normalized text of a record, boilerplate still in (metadata is read from it).

    The file's text was already repaired with ftfy when it was decoded; only formats whose values carry their
    own escapes (JSON `\\u....`, XML/HTML character references) can produce new mojibake and are repaired again.
    """
    body = strip_markup(record.body) if record.body_has_markup else record.body
    return normalize_text(body, repair=record.body_has_markup or fmt in ("json", "pubmed-xml", "xml", "html"))


#: Export formats whose records carry their own bibliographic fields: a year is never guessed from their text.
STRUCTURED_FORMATS = ("medline", "ris", "refworks", "pubmed-xml", "csv", "tsv")


#: Formats whose record is a bibliographic entry (title + abstract): text before any label is the abstract.
ABSTRACT_FORMATS = ("medline", "ris", "refworks", "pubmed-xml", "csv", "tsv", "json")

EMPTY_STRUCTURE = {"sections": [], "tables": []}


def keep_cut_tables(full: str, marked: str, n_tables: int) -> str:
    """Tables that stood after a closing heading (a PDF paste puts its tables after the reference list) are
    the document's own: removing the references must not remove them, so they are appended at the end."""
    missing = [table_marker(i) for i in range(n_tables) if table_marker(i) in full and table_marker(i) not in marked]
    return marked + "".join(f"\n\n{m}" for m in missing) if missing else marked


def build_document(record: Record, fmt: str, source_file: str, single_record: bool = True) -> tuple[dict, str, dict]:
    """(row fields, normalized text, structure {"sections", "tables"}); a skipped row has an empty text.

    `single_record` says whether the file holds only this document: only then may the file name
    ("jeong2016_....txt") stand in for a missing year."""
    row = {"record": record.record, "format": fmt, "status": "ok", "reason": record.note}
    if record.skip_reason:
        return {**row, "status": "skipped", "reason": record.skip_reason}, "", EMPTY_STRUCTURE
    full = clean_body(record, fmt)
    marked = tidy_whitespace(drop_repeats(remove_boilerplate(full)))
    marked = keep_cut_tables(full, marked, len(record.tables))
    text, sections, tables = finalize(marked, record.tables, explicit_sections=record.explicit_sections,
                                      default_section="abstract" if fmt in ABSTRACT_FORMATS else "other")
    if not text:
        return {**row, "status": "skipped",
                "reason": "no text left after removing markup and site boilerplate"}, "", EMPTY_STRUCTURE
    if len(text) > MAX_TEXT_CHARS:
        return {**row, "status": "skipped",
                "reason": f"text has {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit (split the file)"}, \
            "", EMPTY_STRUCTURE
    head = head_before_cut(strip_markers(full))

    title, title_original = clean_field(record.title), clean_field(record.title_original)
    title_source = "record field" if title else ""
    if title and not is_latin(title):
        english = find_title(text)
        if english and is_latin(english):
            title, title_original, title_source = english, title_original or title, "title line"
    if not title:
        title, title_source = find_title(head), "title line"
    if not title:
        title, title_source = first_sentence(text), "first sentence"

    doi = clean_doi(record.doi) or find_doi(head)
    pmid = clean_pmid(record.pmid) or find_pmid(head)
    year = clean_year(record.year)
    if not year and fmt not in STRUCTURED_FORMATS:
        year = find_year(head) or (year_from_filename(source_file) if single_record else "")
    n_total = find_total_n(text)
    row.update(
        title=title,
        title_original=title_original,
        title_source=title_source if title else "",
        authors=clean_field(record.authors) or find_authors(head, title if title_source == "title line" else ""),
        journal=clean_field(record.journal) or find_journal(head),
        year=year,
        doi=doi,
        pmid=pmid,
        pmcid=record.pmcid or find_pmcid(head),
        language=detect_language(text, stated=record.language),
        design=classify_design(title if title_source != "first sentence" else "", text,
                               record.publication_types, n_total, page_text=head),
        condition=find_condition(title, text),
        n_total=n_total,
        follow_up=find_follow_up(text),
        text_chars=len(text),
        n_tables=len(tables),
    )
    return row, text, {"sections": sections, "tables": tables}
