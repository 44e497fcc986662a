"""Stable estimate identifiers: the document's id plus a short hash of what the estimate is and where it
sits in its sentence, so re-running, or adding other documents, never changes an id."""
from __future__ import annotations

import hashlib


def estimate_id(doc_id: str, measure: str, value_text: str, evidence: str, offset_in_sentence: int) -> str:
    key = "\x1f".join([measure, value_text, evidence, str(offset_in_sentence)])
    return f"{doc_id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"
