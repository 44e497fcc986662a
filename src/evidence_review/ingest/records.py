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


class ReaderError(Exception):
    """A file that a reader recognised but cannot use; the message is the plain-words skip reason."""
