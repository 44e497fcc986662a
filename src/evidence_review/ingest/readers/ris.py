"""RIS exports (EndNote, Zotero, Scopus, Embase, ...), read with rispy from text we decoded ourselves
(`rispy.load` on a file would use the system encoding). Unknown tags are kept in rispy's `unknown_tag`
and ignored, as asreview does.
"""
from __future__ import annotations

import re

import rispy

from ..records import Record
from ..language import pick_english_title

def _text(value) -> str:
    if isinstance(value, list):
        return "; ".join(str(v).strip() for v in value if str(v).strip())
    return str(value).strip() if value is not None else ""


def _to_record(entry: dict, index: int) -> Record:
    rec = Record(record=index)
    titles = [t for t in (_text(entry.get("title") or entry.get("primary_title")), _text(entry.get("translated_title")))
              if t]
    rec.title, rec.title_original = pick_english_title(titles)
    abstract = _text(entry.get("abstract") or entry.get("notes_abstract"))
    rec.authors = _text(entry.get("authors") or entry.get("first_authors") or [])
    rec.journal = _text(entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title1")
                        or entry.get("alternate_title3"))
    rec.year = _text(entry.get("year") or entry.get("publication_year") or entry.get("date"))
    rec.doi = _text(entry.get("doi"))
    accession = _text(entry.get("accession_number"))
    if re.fullmatch(r"\d{1,8}", accession):  # a PMID; Embase and CINAHL accession numbers are longer
        rec.pmid = accession
    notes = entry.get("notes") or []
    for note in notes if isinstance(notes, list) else [notes]:
        m = re.search(r"PMID\s*:?\s*(\d+)", str(note))
        if m and not rec.pmid:
            rec.pmid = m.group(1)
    if not rec.doi:  # a DOI given only as a link (UR  - https://doi.org/...) or in a note
        for value in [*(entry.get("urls") or []), *(notes if isinstance(notes, list) else [notes])]:
            m = re.search(r"(?:doi\.org/|\bdoi:?\s*)(10\.\d{4,9}/\S+)", str(value), re.IGNORECASE)
            if m:
                rec.doi = m.group(1)
                break
    rec.language = _text(entry.get("language"))
    rec.publication_types = [t for t in (_text(entry.get("type_of_reference")), _text(entry.get("type_of_work")))
                             if t and t not in ("JOUR", "GEN")]
    rec.body = "\n\n".join(p for p in (rec.title, abstract) if p)
    if not rec.body:
        rec.skip_reason = "RIS record has no title or abstract"
    return rec


def ris_records(block: str, start: int) -> list[Record]:
    """The Records of one block of RIS lines that ends at an `ER  -` line (a last block without one gets it):
    one, or none for lines outside any record; a block rispy cannot parse is one skipped Record."""
    if not _ER.search(block):
        block = block.rstrip() + "\nER  - \n"
    try:
        entries = rispy.loads(block, skip_unknown_tags=False, enforce_list_tags=False)
    except Exception as exc:  # rispy raises bare IOError/ValueError on malformed input
        return [Record(record=start, skip_reason=f"malformed RIS record ({type(exc).__name__}: {str(exc)[:80]})")]
    return [_to_record(e, start + i) for i, e in enumerate(entries)]


_ER = re.compile(r"^ER  -", re.M)


def read_ris(text: str) -> list[Record]:
    """Every record of a RIS text (the streaming path, `exports.py`, cuts the same blocks)."""
    from ..exports import read_whole_export

    return read_whole_export("ris", text, "RIS")
