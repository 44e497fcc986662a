"""What an arm's cell is when it may print "k of the arm's n": the one decision every table reader asks.

A table prints an arm's share of patients in many ways, and the same shapes print other figures:
- "64.3 (135)" under "Arm A (n = 210)": the percentage first, its count in the bracket (135 of 210 is 64.3 %), also
  where the table declares "mean (SD) or % (n)" and the row says neither (a mean whose SD is a whole number that is
  its own share of the arm is no shape anyone prints);
- "47%", "38.2%*": a percentage of the arm printed alone, a share whatever the table's means declare, unless the row
  names a quantity measured in percent ("HbA1c (%) | 7.2%": grammar.percent_label_reading);
- "38.2" under a table whose caption or footnotes declare percentages ("Values are percentages", "Data are mean ±
  SD or percentages", "(%)"): a figure with a decimal is no count of patients, so in a row that names no measured
  quantity it is the arm's share;
- "0", "none" beside counts with their shares in the same row: no patient of the arm, not a median of 0;
- "31 (1.41)" in an arm of 22: a count of events with their mean per patient (31 / 22), neither a count of the arm's
  patients (above its size) nor a mean with its SD;
`share_cell_format` gives the format a cell reads with (or "" when it has nothing to say, the caller's format
standing), `no_patients_cell` the cells that print no patient (beside a count with its share, or a row of zeros
in a table counting patients: `counts_patients`), `per_patient_count` the counts of events with their
mean per patient. `count_of_share` gives the count a share printed without it stands for, as the labelling
convention derives it (n × share, rounded) when the share fits more than one count.
"""
from __future__ import annotations

import re
import os

from .cell_reading import share_agrees
from .declared_formats import COUNT_FORMATS, MEASURED_QUANTITY
from .grammar import parse_number, percent_label_reading

# a percentage printed first, its count in the bracket: "64.3 (135)", "3% (1)", "12.5 % [4]"
_PERCENT_FIRST = re.compile(r"\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?P<sign>%)?\s*[(\[]\s*(?P<count>\d{1,6})\s*[)\]]\s*")
# a figure printed alone, with or without its percent sign (a footnote mark already split off by the reader, or
# printed after it: "38.2*", "47%†")
_LONE = re.compile(r"\s*(?P<figure>\d{1,3}(?:\.\d+)?)\s*(?P<sign>%)?\s*[*\u2020\u2021\u00a7\u00b6#]*\s*")
# a cell that counts no patient: a zero, "none", "nil"; a zero with a zero share ("0 (0)", "0 (0.0%)") (a dash is not
# read so: as often "not measured" in that arm as none)
_NO_PATIENT = re.compile(r"\s*(?:0|none|nil|0\s*[(\[]\s*0(?:\.0+)?\s*%?\s*[)\]])\s*", re.I)
# a negative figure: no share of patients (a row of changes, "Vomiting | 51 | 0.7 | -36" of percentage reductions)
_NEGATIVE = re.compile(r"\s*[-\u2212\u2013]\s*\d")
# a count printed with the share of its arm: "12 (8.0)", "3 (2.0%)", "12/150 (8.0)"
_COUNT_WITH_SHARE = re.compile(r"\s*\d{1,6}\s*(?:/\s*\d{1,6}\s*)?[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]]\s*")
# "31 (1.41)": a whole number and a decimal in brackets
_COUNT_AND_DECIMAL = re.compile(r"\s*(?P<count>\d{1,6})\s*[(\[]\s*(?P<mean>\d+\.\d+)\s*[)\]]\s*")
# a statistic a row label names that is no share ("Age, mean (SD)", "Stay, median (IQR)", "rate per year")
_STATISTIC_FORMATS = ("mean", "median", "rate", "pair", "sex_pair")


def count_of_share(pct_text: str, n: int | None) -> int | None:
    """The count of `n` patients a printed percentage stands for: the one count it rounds from ("92%" of 25 is 23);
    where two counts round to it (47 % of 150: 70 and 71), the one the labelling convention derives, n × share
    rounded; where none does, for a whole percentage the nearest count within a point (printed coarsely: "35%" of 17
    is 6, 35.3 %), for a share printed with decimals the one count it truncates ("12.2" of 41 is 5, 12.19 %); else
    none (a share printed to its decimals that no count of the arm gives is of other patients than the arm's)."""
    pct = parse_number(pct_text)
    if not n or pct is None or not 0 <= pct <= 100:
        return None
    near = round(pct * n / 100)
    found = [k for k in (near - 1, near, near + 1) if 0 <= k <= n and share_agrees(k, n, pct_text)]
    if len(found) == 1:
        return found[0]
    if near == 0 and pct > 0:
        return None             # (a share above none is of at least one patient: of more patients than the arm's)
    if near in found:
        return near
    if found:
        return None
    if "." not in pct_text and 0 <= near <= n and share_agrees(near, n, pct_text, truncated=True):
        return near             # (a whole percentage within a point of a count: printed coarsely)
    unit = 10 ** -len(pct_text.partition(".")[2])
    truncated = [k for k in range(max(0, near - 2), min(n, near + 2) + 1) if pct <= 100 * k / n < pct + unit]
    return truncated[0] if len(truncated) == 1 else None


# a label naming a class of patients by a bound of a quantity: "Age ≥ 65 years", "BMI > 30", "Stay of 7 days or more"
_BOUNDED_CLASS = re.compile(r"[<>\u2264\u2265]|\b(?:or\s+(?:more|less|older|younger|longer|above|below)|over|under|"
                            r"above|below|at\s+least)\b|\d\s*(?:[-\u2013]|to)\s*\d", re.I)


def _measured(label: str, heading: str = "") -> bool:
    """Whether a row names a quantity measured (in percent or another unit: "HbA1c (%)", "Weight, kg", "Pain
    score"), not a kind of patient counted ("Female", "Age ≥ 65 years", "Stay of 7 days or more")."""
    reading = percent_label_reading(label, heading)
    if reading:
        return reading == "mean"
    return bool(MEASURED_QUANTITY.search(label or "")) and not _BOUNDED_CLASS.search(label or "")


def share_cell_format(cell: str, current: str, *, label: str = "", heading: str = "", row_format: str = "",
                      declared: tuple[str, ...] = (), n: int | None = None, row_cells: tuple[str, ...] = ()) -> str:
    """The format an arm's cell reads with when it prints a share of the arm ("pct_n", "pct"), decided from the
    cell's shape, the arm's size `n`, the row's own format (`row_format`: a row naming a mean, a median, a rate or a
    pair keeps it) and the formats the table and the document declare (`declared`); "" when the cell is no share
    this decides (the caller's `current` format stands). A row printing a negative figure in an arm's cell
    (`row_cells`) is of changes, not shares."""
    if row_format.startswith(_STATISTIC_FORMATS) or current.startswith(("rate", "pair", "sex_pair")) \
            or any(_NEGATIVE.match(c or "") for c in row_cells):
        return ""
    in_percent = percent_label_reading(label, heading) == "mean"
    first = _PERCENT_FIRST.fullmatch(cell)
    if first is not None and not _measured(label, heading):
        pct_text, count = first.group("pct"), int(first.group("count"))
        if n and count <= n and share_agrees(count, n, pct_text) and not (
                "." not in pct_text and first.group("sign") is None and int(pct_text) <= n
                and share_agrees(int(pct_text), n, str(count))):
            return "pct_n"      # (a count first whose bracket is its share stays "n (%)")
        if not n and "pct_n" in declared + (current,) and "." in pct_text:
            return "pct_n"
        return ""
    lone = _LONE.fullmatch(cell)
    if lone is None or in_percent or row_format in COUNT_FORMATS and not lone.group("sign"):
        return ""
    if lone.group("sign"):
        return "pct"            # "47%" under an arm: its share, whatever a table of means declares
    if "." in lone.group("figure") and ("pct" in declared or current in ("pct", "n_pct")) \
            and not _measured(label, heading):
        return "pct"            # "38.2" where percentages are declared: a decimal counts no patients
    return ""


def no_patients_cell(cell: str, row_cells: list[str], *, counting_table: bool = False, label: str = "") -> bool:
    """Whether an arm's cell prints that no patient of the arm had the row's event ("0", "none", "0 (0)"), told
    by the row: another arm's cell prints a count with its share ("3 (2.0)"), so the row counts patients; or, in a
    `counting_table` (`counts_patients`), every arm's cell of a row whose `label` names no measured quantity is such
    a zero ("Death | 0 | 0": none of either arm, no mean of 0)."""
    if not _NO_PATIENT.fullmatch(cell or ""):
        return False
    if any(_COUNT_WITH_SHARE.fullmatch(c or "") for c in row_cells):
        return True
    return counting_table and all(_NO_PATIENT.fullmatch(c) for c in row_cells if c and c.strip()) \
        and not _measured(label)


def counts_patients(rows_cells: list[list[str]]) -> bool:
    """Whether a table's arm cells count patients: two rows or more print a count with its share ("5 (12.5)")."""
    return sum(1 for cells in rows_cells if any(_COUNT_WITH_SHARE.fullmatch(c or "") for c in cells)) >= 2


def per_patient_count(cell: str, n: int | None) -> bool:
    """Whether an arm's cell prints a count above the arm's size with its mean per patient in the bracket
    ("Complications (total) | 31 (1.41)" of 22: 31 events, 1.41 per patient): no count of the arm's patients, and
    no mean with its SD."""
    m = _COUNT_AND_DECIMAL.fullmatch(cell or "")
    if m is None or not n or int(m.group("count")) <= n:
        return False
    digits = len(m.group("mean").partition(".")[2])
    return abs(int(m.group("count")) / n - float(m.group("mean"))) <= 0.5 * 10 ** -digits + 0.005


# a label listing three categories or more (or two named by numbers): "ASA 1/2/3", "NYHA class II/III/IV", "Grade
# I/II", "Smoking (never/former/current)"; the stem before them names the characteristic
_LISTED_CATEGORIES = re.compile(
    r"(?P<stem>.*?)[\s,:(\[]*(?P<names>(?:[A-Za-z][A-Za-z-]{0,14}|[0-9]{1,2}|[IVX]{1,4})"
    r"(?:\s*/\s*(?:[A-Za-z][A-Za-z-]{0,14}|[0-9]{1,2}|[IVX]{1,4})){1,5})\s*[)\]]?\s*[,:]?\s*(?:n|no\.?)?\s*$")
# "105/145/0", "12 / 30 / 8": one count per category, split by slashes
_LISTED_COUNTS = re.compile(r"\s*\d{1,6}(?:\s*/\s*\d{1,6}){1,5}\s*")
_NUMBERED = re.compile(r"[0-9]{1,2}|[IVX]{1,4}")


def listed_category_counts(label: str, cell: str, n: int | None) -> list[tuple[str, int, int]]:
    """The counts of a cell that packs one per category its row label lists ("ASA 1/2/3 | 105/145/0" of 250):
    (category named with its stem, count, offset in the cell) each, of the arm's `n`. Three categories or more,
    or two named by numbers ("ASA I/II"; two words are the pair reading's); one count per category, adding up to
    the arm at most; else []."""
    m = _LISTED_CATEGORIES.fullmatch(label or "")
    if m is None or not n or _LISTED_COUNTS.fullmatch(cell or "") is None:
        return []
    names = [x.strip() for x in m.group("names").split("/")]
    if len(names) < 3 and not all(_NUMBERED.fullmatch(x) for x in names):
        return []
    counts = [(int(x.group()), x.start()) for x in re.finditer(r"\d+", cell)]
    if len(counts) != len(names) or sum(c for c, _ in counts) > n or len({x.lower() for x in names}) < len(names):
        return []
    stem = m.group("stem").strip(" ,;:([")
    return [(f"{stem} {name}".strip(), count, offset) for name, (count, offset) in zip(names, counts)]


# "79.2% female", "45 % women", "12.5% smokers": a share of the arm with the category it is of printed after it
_SHARE_AND_WORD = re.compile(r"\s*(?P<share>\d{1,3}(?:\.\d+)?\s*%)\s+(?P<word>[A-Za-z][A-Za-z-]{0,19})\s*")
_SEX_WORD = re.compile(r"(?:fe)?males?|(?:wo)?men|girls?|boys?", re.I)


def share_and_category(cell: str, label: str = "") -> tuple[str, str] | None:
    """(the share, the category) of an arm's cell printing a percentage and the category it is of ("79.2% female"
    under "Sex": 79.2 % of the arm are women): a sex, or a word the row's `label` prints ("Smoking status | 31%
    current"); None for other words ("52% reduction" is no share of patients)."""
    m = _SHARE_AND_WORD.fullmatch(cell or "")
    if m is None:
        return None
    word = m.group("word")
    named = re.search(rf"\b{re.escape(word)}\b", label or "", re.I) is not None
    return (m.group("share"), word.lower()) if _SEX_WORD.fullmatch(word) or named else None
