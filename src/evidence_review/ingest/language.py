"""Language of a document: langid's fixed model (deterministic), with a script rule for CJK text.

langid is a naive Bayes classifier with a bundled model, so the same text always gets the same code.
Only the first `SCAN_CHARS` characters are classified; text with too few letters gets "".
"""
from __future__ import annotations

from functools import lru_cache

from .scripts import cjk_share

SCAN_CHARS = 5000
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model

    return LanguageIdentifier.from_modelstring(model, norm_probs=False)


def detect_language(text: str) -> str:
    sample = text[:SCAN_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return ""
    if cjk_share(sample) > 0.3:
        kana = sum(1 for ch in sample if 0x3040 <= ord(ch) <= 0x30FF)
        hangul = sum(1 for ch in sample if 0xAC00 <= ord(ch) <= 0xD7AF)
        return "ja" if kana else ("ko" if hangul else "zh")
    return _identifier().classify(sample)[0]
