"""Numbers as authors print them: signs detached by a space, decimals broken across a line, '.5' without
a leading zero, decimal commas in p-values, spelled-out counts ("Seven patients")."""
from __future__ import annotations

import re

# A decimal may be broken after its point by a line break ("83.\n    0%"); the scan view keeps it that way.
UNSIGNED = r"(?:\d+(?:\.\d+|\.[ \t]*\n[ \t]*\d+)?|\.\d+)"
SIGNED = r"(?:[-+][ ]?)?" + UNSIGNED
# A value starts where no word character or point precedes it, so "3-61" yields 3 and 61, not -61.
VALUE = re.compile(r"(?<![\w.])(?P<sign>[-+][ ]?(?=[\d.]))?(?P<num>" + UNSIGNED + r")(?P<pct>[ ]?%)?")

_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
WORD_NUMBER = re.compile(
    r"\b(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)\b",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """A printed number (possibly signed, broken across a line, with a decimal comma) as a float."""
    s = re.sub(r"\s+", "", text.replace("\u2212", "-").replace("\u00b7", "."))
    s = s.rstrip("%")
    if re.fullmatch(r"[-+]?\d+,\d+", s):
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def word_to_int(word: str) -> int | None:
    parts = re.split(r"[- ]", word.lower())
    total = 0
    for p in parts:
        if p not in _WORDS:
            return None
        total += _WORDS[p]
    return total


def clean_number_text(text: str) -> str:
    """The number as one would retype it: no line break inside, no space after the sign."""
    return re.sub(r"\s+", "", text)
