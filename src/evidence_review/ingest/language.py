"""Language of a document: langid's fixed model (deterministic), with a script rule for CJK text.

langid is a naive Bayes classifier with a bundled model, so the same text always gets the same code.
Only the first `SCAN_CHARS` characters are classified; text with too few letters gets "".
"""
from __future__ import annotations

import re
from functools import lru_cache

from .scripts import cjk_share, latin_share

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


#: How exports name English (MEDLINE `LA  - eng`, PubMed XML `<Language>eng`, RIS/CSV "English").
ENGLISH_NAMES = frozenset({"en", "eng", "english"})
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")


def detect_language(text: str, stated: str = "") -> str:
    """The language code of `text` ("" when it has too few letters to tell). `stated` is the language the
    record's export gives: when that is English and the text is in Latin script, langid is not run (it is
    the costliest step of describing a record, and an English record's abstract is English)."""
    sample = text[:SCAN_CHARS]
    if not has_letters(sample, MIN_LETTERS):
        return ""
    if cjk_share(sample) > 0.3:
        return "ja" if _KANA.search(sample) else ("ko" if _HANGUL.search(sample) else "zh")
    if stated.strip().lower() in ENGLISH_NAMES and latin_share(sample) >= STATED_LATIN_SHARE:
        return "en"
    return classify(sample)


def has_letters(text: str, wanted: int) -> bool:
    """Whether `text` holds at least `wanted` letters, counted piece by piece: a text's opening usually has enough
    (counting every letter of a 5,000-character sample one by one in Python was a tenth of identifying it)."""
    found, start, step = 0, 0, 4 * wanted
    while found < wanted and start < len(text):
        found += sum(map(str.isalpha, text[start:start + step]))
        start += step
    return found >= wanted


#: Below this gap between the two best languages' log-probabilities the choice is left to langid's own arithmetic.
CLEAR_MARGIN = 1e-3


def classify(text: str) -> str:
    """langid's language for `text`, as `identifier.classify(text)[0]` gives it, computed from the few hundred
    features the text has instead of all 7,480 (langid multiplies the whole feature vector by its whole table,
    then normalises every probability to pick the largest). The scores differ from langid's only by float
    rounding (far below 1e-6 for texts of SCAN_CHARS characters), and normalising keeps their order, so where the
    best language leads by CLEAR_MARGIN or more it is langid's; closer calls go to langid itself."""
    import numpy as np

    identifier = _identifier()
    counts = identifier.instance2fv(text)
    present = np.flatnonzero(counts)
    scores = counts[present].astype(np.float64) @ identifier.nb_ptc[present].astype(np.float64) + identifier.nb_pc
    if len(scores) < 2:
        return identifier.classify(text)[0]
    second, best = np.argpartition(scores, -2)[-2:]
    if scores[best] - scores[second] < CLEAR_MARGIN:
        return identifier.classify(text)[0]
    return str(identifier.nb_classes[best])


#: Share of Latin-script letters above which a record stated to be English is taken as English without langid.
STATED_LATIN_SHARE = 0.9


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
