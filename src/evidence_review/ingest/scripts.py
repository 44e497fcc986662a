"""Which writing system a piece of text is in (used to tell an English title from an other-language one)."""
from __future__ import annotations

import re
import unicodedata


def latin_share(text: str) -> float:
    """Share of letters that are Latin-script (0 when there are no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ord(ch) < 0x250 or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


_CJK_RANGE = re.compile("[\u3040-\u9fff\uac00-\ud7af\U00020000-\U0002fa1f]")


def cjk_share(text: str) -> float:
    """Share of the letters among the first 2,000 characters that are Chinese, Japanese or Korean."""
    sample = text[:2000]
    if not _CJK_RANGE.search(sample):  # the usual case, settled before counting letters one by one in Python
        return 0.0
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return 0.0
    cjk = sum(1 for ch in _CJK_RANGE.findall(sample) if ch.isalpha())
    return cjk / letters


def is_latin(text: str, threshold: float = 0.8) -> bool:
    return latin_share(text) >= threshold
