"""PubMed MEDLINE / .nbib exports, read with Biopython's tolerant `Bio.Medline.parse`.

One Record per citation; a citation without PMID, title and abstract counts as garbage and is skipped.
"""
from __future__ import annotations

import io
import re

from Bio import Medline

from ..records import Record


def _one(value) -> str:
    if isinstance(value, list):
        return " ".join(v.strip() for v in value if isinstance(v, str))
    return value.strip() if isinstance(value, str) else ""


_TAGGED_DOI = re.compile(r"(\S+)\s*\[doi\]", re.IGNORECASE)


def _doi(entry: dict) -> str:
    """The first value tagged [doi] among every LID and AID line. Biopython joins repeated LID lines into one
    string ("S1474-4422(20)30078-8 [pii] 10.1016/S1474-... [doi]"), so each tagged value is found by pattern."""
    for key in ("LID", "AID"):
        values = entry.get(key) or []
        for value in values if isinstance(values, list) else [values]:
            m = _TAGGED_DOI.search(str(value))
            if m:
                return m.group(1)
    return ""


def _to_record(entry: dict, index: int) -> Record:
    rec = Record(record=index)
    rec.pmid = _one(entry.get("PMID"))
    rec.title = _one(entry.get("TI")) or _one(entry.get("BTI"))
    if rec.title.startswith("[") and rec.title.rstrip(".").endswith("]"):
        # MEDLINE's convention for an English translation of a non-English title: "[Title]."
        rec.title = rec.title.rstrip(".")[1:-1].strip() + ("." if rec.title.endswith(".") else "")
    original = _one(entry.get("TT"))  # original-language title of a translated article
    if original and original != rec.title:
        rec.title_original = original
    abstract = _one(entry.get("AB"))
    authors = entry.get("FAU") or entry.get("AU") or []
    rec.authors = "; ".join(a.strip() for a in (authors if isinstance(authors, list) else [authors]))
    rec.journal = _one(entry.get("JT")) or _one(entry.get("TA"))
    rec.year = _one(entry.get("DP"))[:4]
    rec.doi = _doi(entry)
    pts = entry.get("PT") or []
    rec.publication_types = pts if isinstance(pts, list) else [pts]
    langs = entry.get("LA") or []
    rec.language = _one(langs[:1] if isinstance(langs, list) else langs)
    rec.body = "\n\n".join(p for p in (rec.title, abstract) if p)
    if not rec.body:
        rec.skip_reason = "MEDLINE record has no title (TI) or abstract (AB)"
    return rec


def medline_record(block: str, index: int) -> Record:
    """The Record of one citation: `block` is its lines, as `read_medline` (or a stream) cut them apart."""
    entries = list(Medline.parse(io.StringIO(block)))
    entry = entries[0] if entries else {}
    if not any(entry.get(k) for k in ("PMID", "TI", "AB")):
        return Record(record=index, skip_reason="unreadable MEDLINE record (no PMID, TI or AB field)")
    return _to_record(entry, index)


def read_medline(text: str) -> list[Record]:
    """Every citation of a MEDLINE text, cut apart as the streaming path (`exports.py`) cuts them."""
    from ..exports import read_whole_export

    return read_whole_export("medline", text, "MEDLINE")
