"""The condition a document is about, from a vocabulary users can extend.

Vocabulary: `evidence_review/data/conditions.csv` (condition, pattern, note); `pattern` is a Python regular
expression (use `(?i:...)` for case-insensitive parts: "MG" must stay upper case because "mg" is a dose).
The condition named most often wins, with mentions in the title counting five times; ties go to the row
listed first. Other stages may read the same vocabulary through `condition_vocabulary()`.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from ..regexfilter import prefiltered
from ..regexguard import start_guarded

TITLE_WEIGHT = 5
#: Characters of text searched (the abstract and results are at the top).
SCAN_CHARS = 30_000


@lru_cache(maxsize=1)
def condition_vocabulary() -> tuple[tuple[str, re.Pattern], ...]:
    text = resources.files("evidence_review").joinpath("data/conditions.csv").read_text(encoding="utf-8")
    # behind a start guard and a literal prefilter: the same matches, without trying every branch at every
    # position of the text, nor any position of a text that names none of the condition's words
    return tuple((row["condition"], prefiltered(start_guarded(re.compile(row["pattern"]))))
                 for row in csv.DictReader(text.splitlines()))


def find_condition(title: str, text: str) -> str:
    best, best_score = "", 0
    head = text[:SCAN_CHARS]
    for condition, pattern in condition_vocabulary():
        score = TITLE_WEIGHT * len(pattern.findall(title or "")) + len(pattern.findall(head))
        if score > best_score:
            best, best_score = condition, score
    return best
