"""Language of a document: langid's fixed model (deterministic), with a script rule for CJK text.

langid is a naive Bayes classifier with a bundled model, so the same text always gets the same code.
Only the first `SCAN_CHARS` characters are classified; text with too few letters gets "".
"""
from __future__ import annotations

from functools import lru_cache

from .scripts import cjk_share

SCAN_CHARS = 5000
#: The languages langid chooses among (a fixed set: faster than all 97, and fewer absurd guesses such as
#: Latin or Volapük for short English abstracts). CJK is decided by script before langid runs.
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "pl", "tr", "cs", "sv", "da", "no", "fi", "hu", "el",
             "ro", "uk", "ar", "fa", "he", "id", "zh", "ja", "ko")
MIN_LETTERS = 60  # shorter texts get "": langid guesses wildly on a few words


@lru_cache(maxsize=1)
def _identifier():
    from .langid_model import load_identifier

    identifier = load_identifier(norm_probs=True)  # loaded once per process; unpacked once per machine
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    sample = text[:SCAN_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return ""
    if cjk_share(sample) > 0.3:
        kana = sum(1 for ch in sample if 0x3040 <= ord(ch) <= 0x30FF)
        hangul = sum(1 for ch in sample if 0xAC00 <= ord(ch) <= 0xD7AF)
        return "ja" if kana else ("ko" if hangul else "zh")
    return _identifier().classify(sample)[0]


def english_probability(text: str) -> float:
    """langid's normalised probability that a short text is English (0 for non-Latin script)."""
    from .scripts import is_latin

    if not text or not is_latin(text):
        return 0.0
    ranked = dict(_identifier().rank(text))
    total = sum(ranked.values()) or 1.0
    return ranked.get("en", 0.0) / total



def pick_english_title(titles: list[str]) -> tuple[str, str]:
    """(English title, other-language title) from a record's title candidates, first-listed on ties.

    Script decides first (a Chinese and an English title), then langid's English probability (a Spanish
    title with an English translation). With one candidate it is the title, whatever its language.
    """
    titles = [t for i, t in enumerate(titles) if t and t not in titles[:i]]
    if not titles:
        return "", ""
    if len(titles) == 1:
        return titles[0], ""
    scores = [english_probability(t) for t in titles]
    best = max(range(len(titles)), key=lambda i: (scores[i], -i))
    others = [t for i, t in enumerate(titles) if i != best and english_probability(t) < 0.5]
    return titles[best], (others[0] if others else "")
