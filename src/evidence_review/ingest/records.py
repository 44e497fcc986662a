"""The in-memory shape each reader hands to the pipeline: one `Record` per document found in a file."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Record:
    """What a reader could find about one document; empty strings mean "not stated".

    `body` is the document's text as found (possibly with markup: `body_has_markup`);
    the pipeline cleans it and fills fields the reader left empty from the cleaned text.
    """

    record: int = 0
    title: str = ""
    title_original: str = ""
    authors: str = ""
    journal: str = ""
    year: str = ""
    doi: str = ""
    pmid: str = ""
    language: str = ""
    publication_types: list[str] = field(default_factory=list)
    body: str = ""
    body_has_markup: bool = False
    skip_reason: str = ""
    #: Other-language titles or alternative titles seen in the record, best first.
    title_candidates: list[str] = field(default_factory=list)
    #: Tables found by the reader (structure.TableGrid), each standing in `body` as a table marker line.
    tables: list = field(default_factory=list)
    #: True when the reader marked every heading itself (JATS): lines are then not classified as headings again.
    explicit_sections: bool = False
    #: Why the record was read with a fallback (e.g. a recovering XML parser); kept in documents.csv's reason.
    note: str = ""
    #: Also known from the reader: the PMC id of a full-text article.
    pmcid: str = ""


class ReaderError(Exception):
    """A file that a reader recognised but cannot use; the message is the plain-words skip reason."""
