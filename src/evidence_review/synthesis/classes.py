"""Drug -> drug class map, used when pooling at the class level (`pooling_level="class"`).

The map is data, not code. Sources, later ones overriding earlier ones:
1. the `class` column of the extraction lexicon (`evidence_review/data/drugs.csv`, read through
   `evidence_review.extract.lexicon.load_drug_lexicon()`, a table), which owns the canonical drug names;
2. an optional user file with columns `drug,class` (the `class_map_path` parameter), to extend or correct it.

A drug without a class keeps its own name as its "class", so class-level pooling never merges an unknown drug
with anything else. Combination arms ("intravenous immunoglobulin + azathioprine") map part by part.
"""
from __future__ import annotations

import os
from functools import lru_cache

import pandas as pd

from ..extract.lexicon import load_drug_lexicon

COMBINATION_SEPARATOR = " + "


def _norm(name: object) -> str:
    if name is None or (isinstance(name, float) and name != name) or name is pd.NA:
        return ""
    return " ".join(str(name).strip().lower().split())


def _read_map_csv(source) -> dict[str, str]:
    table = pd.read_csv(source, dtype=str, keep_default_na=False)
    cols = {c.strip().lower(): c for c in table.columns}
    drug_col = cols.get("drug") or cols.get("canonical") or cols.get("name")
    class_col = cols.get("class") or cols.get("drug_class")
    if drug_col is None or class_col is None:
        raise ValueError(f"drug class map needs columns drug,class; found {list(table.columns)}")
    return {
        _norm(d): str(c).strip()
        for d, c in zip(table[drug_col], table[class_col])
        if _norm(d) and str(c).strip()
    }


def _lexicon_classes() -> dict[str, str]:
    """Classes from the extraction lexicon's table (columns canonical, class, synonyms)."""
    lexicon = load_drug_lexicon()
    out = {}
    for name, cls in zip(lexicon["canonical"], lexicon["class"]):
        cls_text = "" if cls is None or (isinstance(cls, float) and cls != cls) else str(cls).strip()
        if _norm(name) and cls_text:
            out[_norm(name)] = cls_text
    return out


def load_class_map(extra_path: str | os.PathLike | None = None) -> dict[str, str]:
    """The drug -> class map: the extraction lexicon's classes, then the user's file."""
    mapping = _lexicon_classes()
    if extra_path:
        mapping.update(_read_map_csv(extra_path))
    return mapping


def split_arm(arm: str) -> list[str]:
    """The parts of a combination arm, normalized and sorted so "a + b" and "b + a" are one arm."""
    parts = [_norm(p) for p in _norm(arm).split(COMBINATION_SEPARATOR)]
    return sorted({p for p in parts if p})


def canonical_arm(arm: object) -> str:
    """Lowercase, single-spaced; combination parts in sorted order."""
    if type(arm) is str:
        return _canonical_text(arm)
    text = _norm(arm)
    if not text:
        return ""
    return COMBINATION_SEPARATOR.join(split_arm(text))


@lru_cache(maxsize=8192)
def _canonical_text(arm: str) -> str:
    """canonical_arm of a text, once per text: the pooling stage asks for each estimate's two arms twice, and a
    corpus names the same few hundred arms tens of thousands of times."""
    text = _norm(arm)
    return COMBINATION_SEPARATOR.join(split_arm(text)) if text else ""


def arm_class(arm: object, class_map: dict[str, str]) -> str:
    """The class label of an arm; each part of a combination is mapped on its own."""
    parts = split_arm(_norm(arm)) if _norm(arm) else []
    if not parts:
        return ""
    return COMBINATION_SEPARATOR.join(sorted({class_map.get(p, p) for p in parts}))
