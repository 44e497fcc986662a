"""Which writing system a piece of text is in (used to tell an English title from an other-language one)."""
from __future__ import annotations

import unicodedata


def latin_share(text: str) -> float:
    """Share of letters that are Latin-script (0 when there are no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ord(ch) < 0x250 or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def cjk_share(text: str) -> float:
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    if not letters:
        return 0.0
    cjk = sum(1 for ch in letters if 0x3040 <= ord(ch) <= 0x9FFF or 0xAC00 <= ord(ch) <= 0xD7AF
              or 0x20000 <= ord(ch) <= 0x2FA1F)
    return cjk / len(letters)


def is_latin(text: str, threshold: float = 0.8) -> bool:
    return latin_share(text) >= threshold
