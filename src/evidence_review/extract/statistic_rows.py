"""Statistics in rows of their own, stacked under each measure.

A table can print each measure as a block of rows, one row per statistic or per time, with the arms (or the times) as
columns, the measure named in a first stub column (once for the block, or again on each row as a row span is printed
again) and the rows' own words in a second stub column:

    | Age        | Median | 48           | 47           |      | Glucose | Before      | 183.9 ± 36.2 | 190.6 ± 70.6 |
    | Age        | IQR    | (45.0-51.5)  | (43.8-51.3)  |      | Glucose | After       | 172.2 ± 44.9 | 199.2 ± 49.9 |
    | Weight, kg | Median | 111.0        | 105.0        |      | Glucose | Differences | -11.7 ± 29.3 | 8.6 ± 35.1   |
    | Weight, kg | IQR    | (100.0-118.0)| (99.3-122.0) |      | Glucose | p           | 0.09         | 0.30         |

The table reader reads such a block as one measure whose statistics are joined per arm column (`_statistic_run`) or
whose rows each say when (`_two_labels`). This module owns what the stub words of such a block are:
- `stub_word`: a second stub cell naming a statistic ("Median", "IQR", "SD", "n", "95% CI"), a test ("p", "P value")
  or a comparison ("Difference(s)", "Change"): a label of the row, not a figure, however short;
- `is_test_word`: the stub word of a row that tests the measure ("p", "p **", "P-value", "Sig."): no arm's figure;
- `same_measure`: whether a first stub cell repeats the measure of the block's first row (a row span printed again
  on each row) rather than naming the next measure.
"""
from __future__ import annotations

import re

from .grammar import statistic_name

# a test of the figures beside it: "p", "P value", "p-value", "Sig.", "t-test", "χ2", with footnote marks ("p **", "P†");
# never a lone "t", "F" or "z" (in a stub column as likely a category's letter: "Sex | F")
_TEST_WORD = re.compile(r"(?i)\s*(?:p(?:\s?[-\u2010\u2013]?\s?values?)?|sig(?:nificance|\.)?|t[- ](?:tests?|values?)|"
                        r"[\u03c7x]\s*2|[\u03c7x]\u00b2|chi[- ]?squared?)\s*[*\u2020\u2021\u00a7#]{0,3}\s*:?\s*")
# a comparison of the figures above it, within each column: "Difference", "Differences", "Change", "Δ", "Mean change"
_COMPARISON_WORD = re.compile(r"(?i)\s*(?:(?:mean\s+)?(?:differences?|changes?)|\u0394|\u2206|delta)\s*[*\u2020\u2021\u00a7#]{0,3}\s*:?\s*")


def is_test_word(text: str) -> bool:
    """Whether a stub word names a test of the row's figures ("p", "p **", "P-value", "Sig.", "χ2"): the row holds
    no arm's figure."""
    return bool(_TEST_WORD.fullmatch(text or ""))


def stub_word(text: str) -> bool:
    """Whether a stub cell is one of the words a block of stacked rows labels its rows with, however short: a
    statistic ("n", "SD", "Median", "IQR", "95% CI"), a test ("p", "P value") or a comparison ("Differences", "Δ")."""
    text = (text or "").strip()
    return bool(text) and (statistic_name(text) is not None or is_test_word(text) or bool(_COMPARISON_WORD.fullmatch(text)))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def same_measure(label: str, first: str) -> bool:
    """Whether a first stub cell on a later row of a block repeats the measure of the block's first row ("Age" on the
    "IQR" row under "Age | Median": the row span printed again), so the block goes on; False for another measure."""
    return bool(_words(label)) and _words(label) == _words(first)


# a label opening with a centre's word and going on with a name: "Mean e', cm/s", "Mean arterial pressure (mmHg)",
# "Median nerve latency"; never a format ("Mean (SD)", "Mean ± SD", "Mean, SD") nor the word alone
_CENTRE_THEN_NAME = re.compile(r"(?i)\s*(?:mean|median|average)\s+(?!(?:and|or|of|with|\u00b1|[(\[,;:/]|sd\b|se\b|sem\b|iqr\b|"
                               r"range\b|\d))\S")


def centre_word_opens_a_name(label: str) -> bool:
    """Whether a row label's first word is a centre's ("Mean", "Median") followed by the name of what is measured
    ("Mean e', cm/s", "Mean arterial pressure, mmHg"): the word may be part of the quantity's name, so the cells'
    statistic is the one the table declares when no mean (or median) fits them."""
    return bool(_CENTRE_THEN_NAME.match(label or ""))


def statistic_stub_column(cells: list[str]) -> bool:
    """Whether a stub column's filled cells are all the words of stacked statistic rows ("n", "Mean", "SD", "95% CI"
    beside one measure's rows), two different ones at least: a column of row labels, however few measures the table
    has."""
    filled = [(c or "").strip() for c in cells if (c or "").strip()]
    return len(set(filled)) >= 2 and all(stub_word(c) for c in filled)
