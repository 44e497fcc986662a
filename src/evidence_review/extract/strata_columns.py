"""Strata of patients a table names by a band of a measured quantity ("eGFR >= 60 ml/min", "BMI 25-29.9 kg/m2",
"HbA1c < 7%"), as a heading row over blocks of the arms' rows or as the table's columns.

A band is a quantity's name (a few words, which may hold digits: "HbA1c", "25(OH)D") followed by a comparison and a
number ("< 45", ">= 60") or by a range of two numbers ("45-59", "45 to 59"), and its unit at most; nothing else
follows. A time ("Weeks 0-24", "Day 1-3"), a grade or stage ("Grade 3-4") and a dose ("5 mg/day") is no band of
patients.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?!(?:weeks?|days?|months?|years?|hours?|h|min|visits?|times?|periods?|phases?|cycles?|sessions?|grades?|" \
        r"stages?|class|dose|doses|score)\b)[A-Za-z][\w\u00b2-]*(?:\([\w\u00b2]{1,6}\)[\w]*)?(?:\s+[A-Za-z][\w\u00b2-]*){0,3}"
_COMPARISON = r"(?:[<>\u2264\u2265]=?|=<|>=|\u2a7d|\u2a7e)"
_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = (r"(?:\s*(?:%|[A-Za-z\u00b5\u03bc][\w\u00b2\u00b3\u00b5\u03bc/.%]*)(?:\s*/?\s*\d+(?:[.,]\d+)?\s*[A-Za-z\u00b2]+)?)?")
_SIZE = r"(?:\s*[(\[]\s*n\s*=\s*\d[\d,]*\s*[)\]])?"
# (inside a larger pattern: table_reader's heading rows that name a stratum)
QUANTITY_BAND = (r"(?:" + _NAME + r")\s*,?\s*(?:" + _COMPARISON + r"\s*" + _NUMBER + r"|" + _NUMBER +
                 r"\s*(?:[-\u2010-\u2015\u2212]|to)\s*" + _NUMBER + r")" + _UNIT + _SIZE)
_BAND = re.compile(r"\s*" + QUANTITY_BAND + r"\s*", re.I)


def quantity_band(text: str) -> bool:
    """Whether a label or header is a band of a measured quantity naming patients ("eGFR 45-59", "BMI >= 30 kg/m2")."""
    return bool(text) and _BAND.fullmatch(text) is not None


# a column that is no stratum's: the p-value's or a test's ("p value for trend", "P for trend", "χ2"), the total's
_NOT_A_STRATUM_COLUMN = re.compile(r"(?i)\s*(?:p(?:[\s-]*values?)?(?:\s+for\s+(?:trend|interaction|heterogeneity))?|"
                                   r"p\s*(?:trend|interaction)|(?:test|trend|chi|\u03c7)\b.*|total|overall|all(?:\s+\w+)?|"
                                   r"statistics?|t|f|z)\s*(?:\(\s*n\s*=\s*\d[\d,]*\s*\))?\s*[*\u2020\u2021a-d]?\s*")
# a row that counts each stratum's people: "n", "n (%)", "No. of patients (%)", "Number of participants"
_SIZE_ROW = re.compile(r"(?i)\s*(?:n|no\.?|number(?:\s+of\s+(?:patients|participants|subjects|individuals|cases))?|"
                       r"(?:patients|participants|subjects),?\s*n)\s*(?:\(\s*%\s*\))?\s*,?\s*(?:n\s*\(\s*%\s*\))?\s*:?\s*")
_SIZE_CELL = re.compile(r"\s*(?P<n>\d[\d,]{0,6})\s*(?:[(\[]\s*\d{1,3}(?:[.,]\d+)?\s*%?\s*[)\]])?\s*")
_HEADER_SIZE = re.compile(r"(?i)[(\[,;]?\s*n\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]?\s*$")


def stratum_label(header: str, population_label=None) -> str:
    """The subgroup a column header names when it is a stratum of patients: a band of a measured quantity ("eGFR
    45-59" -> "egfr 45-59"), else what `population_label` reads ("Women", "Age >= 65 years"); "" otherwise. The size
    in the header is no part of the label."""
    bare = _HEADER_SIZE.sub("", re.sub(r"\s+", " ", header or "")).strip(" ,;:")
    if quantity_band(bare):
        return bare.lower()
    return population_label(bare) if population_label is not None else ""


_SEX = re.compile(r"(?i)\s*(?:men|women|males?|females?|boys|girls)\s*")


def _kind(label: str) -> str:
    """What splits the population into a stratum: "age" (an age band), "sex", or the measured quantity a band names
    ("egfr" of "egfr 45-59"); "" for any other part of the population (a trait, an analysis set)."""
    if label.startswith(("age ", "aged ")):
        return "age"
    if _SEX.fullmatch(label):
        return "sex"
    if quantity_band(label):
        m = re.match(r"\s*(" + _NAME + r")", label, re.I)
        return m.group(1).strip().lower() if m else ""
    return ""


@dataclass
class Stratum:
    col: int
    label: str          # the subgroup, as the labels write it
    size: int | None    # the stratum's people, from its header or the table's size row


def strata_columns(headers: dict[int, str], body: dict[int, dict[int, str]], names_arm, population_label) -> list[Stratum]:
    """The columns of a table that are strata of the whole population, not arms ("eGFR >= 60 | eGFR 45-59 | eGFR < 45 |
    p value for trend", "Men | Women | P"): two or more, every column with figures beyond the label column a stratum
    (`stratum_label`) or a p-value, test or total column, no header and no row label naming an arm (`names_arm`).
    Each stratum's size is its header's "(n = 120)", else the row counting each stratum's people ("n (%) | 120 (40.0)
    | ..."). [] for any other table."""
    found = []
    for col, header in sorted(headers.items()):
        if col == 0:
            continue
        filled = any((row.get(col) or "").strip() for row in body.values())
        if names_arm(header):
            return []
        label = stratum_label(header, population_label)
        if label:
            found.append(Stratum(col, label, None))
        elif filled and not _NOT_A_STRATUM_COLUMN.fullmatch(header or ""):
            return []
    if len(found) < 2 or len({s.label for s in found}) != len(found) or len({_kind(s.label) for s in found}) != 1 \
            or _kind(found[0].label) == "":
        return []       # ("Women | Men | Responders": parts of the population that overlap, no one split of it)
    if any(names_arm(row.get(0) or "") for row in body.values()):
        return []
    for stratum in found:
        m = _HEADER_SIZE.search(headers[stratum.col])
        stratum.size = int(m.group("n").replace(",", "")) if m else None
    for row in body.values():
        if _SIZE_ROW.fullmatch(row.get(0) or ""):
            sizes = {s.col: _SIZE_CELL.fullmatch(row.get(s.col) or "") for s in found}
            if all(sizes.values()):
                for stratum in found:
                    stratum.size = stratum.size or int(sizes[stratum.col].group("n").replace(",", ""))
            break
    return found


def stratum_table(table: dict, heads: set[int], stratum: Stratum, whole_header: str) -> dict:
    """The grid of one stratum: the label column and the stratum's column (as column 1) headed `whole_header` with
    the stratum's size ("All patients (n = 120)"), the row counting the strata's people left out."""
    cells = table.get("cells") or []
    size_rows = {int(c["row"]) for c in cells if int(c["col"]) == 0 and int(c["row"]) not in heads
                 and _SIZE_ROW.fullmatch(str(c.get("text") or ""))}
    last_head = max(heads) if heads else 0
    out = []
    for c in cells:
        r, col = int(c["row"]), int(c["col"])
        if r in size_rows or col not in (0, stratum.col):
            continue
        if col == stratum.col:
            c = dict(c, col=1)
            if r in heads:
                size = f" (n = {stratum.size})" if stratum.size else ""
                c["text"] = whole_header + size if r == last_head else ""
        out.append(c)
    return dict(table, cells=out)
