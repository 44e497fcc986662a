"""Arm sizes for table cells that print no denominator: where a table shows an arm's number of patients without a
header or a size row saying it, and carrying a size found in one table to the document's later tables.

A count is only an arm-level figure with its arm's size. Documents often print that size once, in a form the
header reader does not see: the sexes of each arm in the characteristics table ("Gender (male/female) | 9/11 |
12/8"), or the categories of a characteristic whose counts add up to each arm ("Middle | 12 | 11", "Lower | 8 | 9"
under "Tumour location"), and then a table of complications or adverse events counts patients of each arm bare
("Pneumonia | 1 | 1"). The size found in the first table is the arm's size for the document (`adopt_size`), so
the later tables' bare counts have their denominator.

Shares are read here too, in one place: the number of patients a run of shares is of (`size_from_shares`) and whether
the bare numbers of an arm column under a "(%)" are shares (`shares_column`), both on one test of a share against a
size (`_share_fits`)."""
from __future__ import annotations

import re

from .grammar import COUNT_WORD, COUNTED_PEOPLE, count_value
from .study import Arm


def adopt_size(arm: Arm, size: int | None) -> None:
    """Give the arm the size a table shows for it (its sexes' sum, its size row) when nothing else has given it one:
    the later tables of the document count from it. A size already known is kept."""
    if arm.n is None and size is not None and size > 0:
        arm.n = size


# a number of people the text gives: "40 patients", "Eighty consenting males", "sixty eligible women"
_PEOPLE_COUNT = re.compile(r"(?<![\w.,/-])(?P<n>\d{1,5}|" + COUNT_WORD + r")\s+(?:[A-Za-z-]+\s+){0,2}?(?:"
                           + COUNTED_PEOPLE + r"|males|females)\b", re.I)
# a cell holding one count and nothing else: "12", "04"
_BARE_COUNT = re.compile(r"\s*\d{1,5}\s*")


def people_counts(text: str) -> set[int]:
    """The numbers of people the text gives ("40 patients", "Eighty consenting males"): the sizes a whole trial or a
    group of it can have."""
    found = set()
    for m in _PEOPLE_COUNT.finditer(text):
        n = count_value(m.group("n").lower())
        if n:
            found.add(n)
    return found


def _category_blocks(rows: list[tuple[str, dict[int, str]]], columns: list[int]) -> list[list[dict[int, str]]]:
    """The categories of each characteristic: a heading row (a label, every arm cell empty: "Pain, by category:",
    "Tumour location") over rows whose arm cells are each one bare count ("No pain | 14 | 0", "Mild pain | 22 | 5"),
    each block the cells of its rows. `rows`: the body's rows in order, each (label, {column: cell text})."""
    blocks: list[list[dict[int, str]]] = []
    current: list[dict[int, str]] | None = None
    for label, cells in rows:
        filled = {c: cells.get(c, "").strip() for c in columns if cells.get(c, "").strip()}
        if label.strip() and not filled:
            current = []
            blocks.append(current)
        elif current is not None and len(filled) == len(columns) and all(_BARE_COUNT.fullmatch(v) for v in filled.values()):
            current.append(filled)
        else:
            current = None
    return blocks


def _block_sums(blocks: list[list[dict[int, str]]], columns: list[int]) -> list[tuple[int, ...]]:
    """Each block of two rows or more: the sum of its counts in each column, in the order of `columns`."""
    return [tuple(sum(int(row[c]) for row in block) for c in columns) for block in blocks if len(block) >= 2]


def sizes_from_category_blocks(rows: list[tuple[str, dict[int, str]]], columns: list[int], text: str) -> dict[int, int]:
    """{column: size} of arm columns that no header sizes, from the categories of one characteristic
    (`_category_blocks`), when the counts of all arms together add up to a number of people the text gives ("Eighty
    consenting males were randomized"): each column's sum is its arm's size. Every block that adds up so must give
    the same sizes; else, or with fewer than two columns, {}. `rows`: the body's rows in order, each (label, {column:
    cell text})."""
    if len(columns) < 2:
        return {}
    sums = _block_sums(_category_blocks(rows, columns), columns)
    known = people_counts(text) if sums else set()
    found = {s for s in sums if all(s) and sum(s) in known}
    if len(found) != 1:
        return {}
    return dict(zip(columns, found.pop()))


def analysed_sizes_from_category_blocks(rows: list[tuple[str, dict[int, str]]], sizes: dict[int, int]) -> dict[int, int]:
    """{column: size} of arm columns whose size came from the study model (the randomised, no header printing it),
    when two characteristics' categories or more (`_category_blocks`, each its first rows) add up to the same smaller
    numbers ("Male | 30 | 28" and "Female | 26 | 27", "Urban | 40 | 41" and "Rural | 16 | 14" under arms of 60): the
    patients the table counts (the analysed), each column's sum. The sums must be within each arm's size, one of them below it;
    blocks adding up otherwise (categories that overlap, a characteristic not asked of all) are left aside.
    `sizes`: {column: the model's size}, two columns at least."""
    columns = sorted(sizes)
    if len(columns) < 2 or not all(sizes.values()):
        return {}
    votes: dict[tuple[int, ...], int] = {}
    for block in _category_blocks(rows, columns):
        # (a block's last rows may be characteristics of their own printed after it, "Diabetes | 12 | 10" under no
        # heading: each first two rows or more of a block count, once per block)
        sums = {tuple(sum(int(row[c]) for row in block[:k]) for c in columns) for k in range(2, len(block) + 1)}
        for found in sums:
            if all(0 < x <= sizes[c] for x, c in zip(found, columns)):
                votes[found] = votes.get(found, 0) + 1
    agreed = {found for found, count in votes.items() if count >= 2}
    if len(agreed) != 1:
        return {}
    found = agreed.pop()
    return dict(zip(columns, found)) if any(x < sizes[c] for x, c in zip(found, columns)) else {}


def _share_fits(text: str, size: int) -> bool:
    """Whether a printed percentage is the share of some whole count of `size` patients, at its printed precision
    ("74" of 50 is 37; "75" of 50 is no count). The one test of a share against a size every reading here uses."""
    value = float(text.replace(",", "."))
    decimals = len(text.split(".")[1]) if "." in text else 0
    exact = value * size / 100
    tolerance = 0.5 * 10 ** -decimals * size / 100 + 1e-9
    return any(abs(count - exact) <= tolerance for count in (int(exact), int(exact) + 1)) and 0 <= value <= 100


def _smallest_size(shares: set[str], largest: int) -> int | None:
    """The smallest number of patients (2 to `largest`) of which every share is a whole count at its printed
    precision: the size the shares prove (the shares of an arm of 30 fit 60 as well)."""
    return next((size for size in range(2, largest + 1) if all(_share_fits(v, size) for v in shares)), None)


# a bare number of an arm's column under a "(%)": "74", "19.4", "6,5"
_BARE_NUMBER = re.compile(r"\s*\d+(?:[.,]\d+)?\s*")
# a share printed bare, its sign perhaps kept: "74.2", "19,4", "0", "6.5%"
_BARE_SHARE = re.compile(r"\s*(?P<x>\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*")


def shares_column(values: list[str], size: int | None = None) -> bool:
    """Whether the bare numbers of an arm column headed with a "(%)" ("Drug A (%)") are its shares, not counts:
    - every filled cell one bare number of 0 to 100, its sign perhaps kept, two cells at least ("74.2", "19.4", "0",
      "6.5%"; dashes left aside; no bracket or count beside a number);
    - or, the arm's `size` known, one number at least is larger than it (no count of the arm) and every number is
      the share of a whole count of that size (74 % of 50 patients is 37), whatever else the column prints."""
    filled = [t.strip() for t in values if t and t.strip() and not re.fullmatch(r"[-\u2013\u2014]", t.strip())]
    bare = [_BARE_SHARE.fullmatch(t) for t in filled]
    if len(filled) >= 2 and all(bare) and all(float(m.group("x").replace(",", ".")) <= 100 for m in bare):
        return True
    numbers = [v.strip() for v in values if _BARE_NUMBER.fullmatch(v)]
    if not size or not numbers or not any(float(v.replace(",", ".")) > size for v in numbers):
        return False
    return all(_share_fits(v, size) for v in numbers)


# a cell printing a share with its percent sign and nothing else: "88.2%", "5.9 %"
_PERCENT_CELL = re.compile(r"\s*(?P<v>\d{1,3}(?:[.,]\d+)?)\s*%\s*")
# a share printed alone with its decimals, its sign or brackets perhaps kept: "88.2%", "5.9 %", "(11.8)", "[4,5]"
_DECIMAL_SHARE = re.compile(r"\s*[(\[]?\s*(?P<int>\d{1,3})[.,](?P<frac>\d{1,2})\s*%?\s*[)\]]?\s*")
# the largest size shares alone are searched for
_LARGEST_SIZE = 500


def size_from_shares(values: list[str], text: str | None = None) -> int | None:
    """The number of patients an arm's row or column of percentages ("0 | 88.2% | 11.8% | 5.9%") is of, where nothing
    prints it beside them: the smallest number of which every share is a whole count at its printed precision (1 of 17
    is 5.9 %, 15 of 17 is 88.2 %). Three distinct shares at least (a few shares fit too many sizes). What proves it:
    - with `text`: the text gives that number of people ("17 uncooperative children were randomly assigned ...");
      the shares are the cells printing one with its percent sign, neither 0 nor 100, whole numbers too, other cells
      left aside; a size the text does not give stays unknown;
    - without: the shares alone, when the cells print nothing but shares, each with its decimals ("84.6%", "(45.5)";
      whole-number shares fit too many sizes), zeros and dashes (up to 500 patients)."""
    if text is not None:
        shares = {m.group("v") for m in map(_PERCENT_CELL.fullmatch, values) if m is not None}
        shares = {v for v in shares if 0 < float(v.replace(",", ".")) < 100}
        if len(shares) < 3:
            return None
        known = people_counts(text)
        size = _smallest_size({v.replace(",", ".") for v in shares}, max(known)) if known else None
        return size if size in known else None
    found: set[str] = set()
    for cell in values:
        t = (cell or "").strip()
        if not t or re.fullmatch(r"0|[-\u2013\u2014]", t):
            continue
        m = _DECIMAL_SHARE.fullmatch(t)
        if m is None:
            return None
        found.add(f"{m.group('int')}.{m.group('frac')}")
    if len({float(v) for v in found if float(v) > 0}) < 3 or max(float(v) for v in found) > 100:
        return None
    return _smallest_size(found, _LARGEST_SIZE)


def zero_among_shares(value: str, beside: list[str]) -> bool:
    """Whether a bare "0" is a share of none of the arm's patients: the cells beside it in the arm's row or column
    print percentages with their sign ("0 | 88.2% | 11.8%"), so the zero is 0 % (0 patients) left without its sign."""
    return re.fullmatch(r"\s*0(?:[.,]0+)?\s*", value) is not None and \
        any(_PERCENT_CELL.fullmatch(v) for v in beside)


# a caption or a column naming the whole population it describes: "Characteristics of the study population (n = 20)",
# "Baseline data of all patients (N = 80)", "Entire cohort, n = 64"
_WHOLE_POPULATION = re.compile(r"(?i)\b(?:study\s+population|(?:all|entire|whole|total)\s+(?:the\s+)?(?:study\s+)?"
                               r"(?:patients?|participants?|subjects?|population|cohort|sample|group)|entire\s+cohort|"
                               r"all\s+(?:children|women|men|infants)|overall|total)\b")
_POPULATION_SIZE = re.compile(r"[(\[,]\s*[nN]\s*=\s*(?P<n>\d{1,6})\s*[)\]]?")


def whole_population_size(caption: str, header: str = "") -> int | None:
    """The size of the whole population a table of one value column describes, when its caption or that column
    names the population with its n ("Characteristics of the study population (n = 20)", "All patients (N = 80)");
    None otherwise (a caption's n of one arm or of a subgroup gives no whole size)."""
    for text in (header, caption):
        m = _POPULATION_SIZE.search(text or "")
        if m is not None and _WHOLE_POPULATION.search(text[:m.start()]):
            return int(m.group("n"))
    return None


# a row closing a table of categories with each column's whole: "Total", "All", "Total (n)", "Sum"
TOTAL_LABEL = re.compile(r"(?i)\s*(?:total|all|sum|overall)\s*(?:[(\[]\s*n\s*[)\]])?\s*:?\s*")


def sizes_from_total_row(rows: list[tuple[str, dict[int, str]]], columns: list[int]) -> tuple[int | None, dict[int, int]]:
    """(index of the row, {column: size}) of a "Total" row closing a run of categories whose arm cells are bare counts
    ("<13 | 9 | 9", "13-33 | 25 | 21", ">33 | 0 | 0" then "Total | 34 | 30"): each column's total is its arm's size
    when every column's counts above it add up to it, two categories at least; else (None, {}). The run starts after
    the last row that is not such a count (a heading, a figure of another kind). `rows`: the body's rows in order,
    each (label, {column: cell text})."""
    if len(columns) < 2:
        return None, {}
    run: list[dict[int, str]] = []
    for i, (label, cells) in enumerate(rows):
        filled = {c: (cells.get(c) or "").strip() for c in columns}
        counts = all(_BARE_COUNT.fullmatch(v) for v in filled.values())
        if counts and TOTAL_LABEL.fullmatch(label or "") and len(run) >= 2:
            sums = {c: sum(int(r[c]) for r in run) for c in columns}
            if all(int(filled[c]) == sums[c] > 0 for c in columns):
                return i, sums
            run = []
        elif counts and (label or "").strip():
            run.append(filled)
        else:
            run = []
    return None, {}


# a label naming one sex: a category of the patients as well as the whole of a trial of one sex
_ONE_SEX = re.compile(r"(?i)\s*(?:women|men|males?|females?|boys|girls)\s*(?:,?\s*(?:n|no\.?|number)\s*)?(?:[(\[]\s*%\s*[)\]])?\s*")


def category_of_people(label: str, counts: dict[int, int], printed: dict[int, int | None]) -> bool:
    """Whether a row a size row's label heads ("Women | 16 | 13") counts a category of the arms' patients, not their
    sizes: the label names one sex and the header prints every column's size, the row's counts below them ("n = 19 |
    n = 18"). A trial of women printing "Women | 50 | 50" as its sizes under unsized headers is no category."""
    if not _ONE_SEX.fullmatch(label or "") or not counts:
        return False
    return all(printed.get(c) for c in counts) and all(n <= printed[c] for c, n in counts.items()) and \
        any(n < printed[c] for c, n in counts.items())


def row_totals_of_categories(row: dict[int, str], categories: dict[int, str], spans: list[list[int]]) -> dict[int, int]:
    """{column: the row's total} for the bare counts of an arm's category columns closed by a "Total" column of their
    own ("<1000 | 1000-9999 | >=10 000 | Total" under each arm, a row "148 | 16 | 16 | 180"): each category's count is
    of the row's total when the row's counts under the arm add up to it (a cross-table of two classifications: the
    row's stratum is the denominator, not the column's). `row`: the row's cell texts; `categories`: {column:
    category}; `spans`: each arm's category columns in order. The "Total" column itself is left out."""
    out: dict[int, int] = {}
    for cols in spans:
        totals = [c for c in cols if TOTAL_LABEL.fullmatch(categories.get(c, ""))]
        if len(totals) != 1 or len(cols) < 3:
            continue
        total_col = totals[0]
        parts = [c for c in cols if c != total_col]
        texts = {c: (row.get(c) or "").strip() for c in cols}
        if not all(_BARE_COUNT.fullmatch(texts[c]) for c in cols):
            continue
        total = int(texts[total_col])
        if total > 0 and sum(int(texts[c]) for c in parts) == total:
            out.update({c: total for c in parts})
    return out


def size_every_share_fits(counts: list[tuple[int, str]], largest: int = _LARGEST_SIZE * 2) -> int | None:
    """The number of patients a column's counts with their whole-number shares are all of ("7 (18)", "3 (8)",
    "2 (5)", "27 (68)": 40), where no share alone proves it: the smallest size (from the largest count up) at which
    every printed share (each a whole number) is its count's, rounded, when the sizes one below and one above fit not (a size the shares
    only loosely allow is none). Three counts above zero at least; `counts`: (count, share as printed)."""
    from .cell_reading import share_agrees
    if sum(1 for k, _ in counts if k > 0) < 3 or not all(re.fullmatch(r"\d{1,3}", pct.strip()) for _, pct in counts):
        return None     # (shares printed with decimals prove their sizes cell by cell: the table reader's own tests)
    fits = lambda size: all(k <= size and share_agrees(k, size, pct) for k, pct in counts)   # noqa: E731
    start = max(max(k for k, _ in counts), 1)
    size = next((s for s in range(start, largest + 1) if fits(s)), None)
    if size is None or fits(size - 1) or fits(size + 1):
        return None
    return size


def shares_of_listed_events(counts: list[tuple[int, str]], size: int) -> bool:
    """Whether the shares down an arm's column of an events table ("Diarrhea | 0 (0%)", "Cerebral infarction | 1
    (20%)", "Catching cold | 1 (20%)", ...) are of the events the column lists, not of the arm's patients: the counts
    add up to the number every share is of (5, the shares making 100 % in all) while the arm has more than twice as
    many patients (72; a block of categories dividing the arm's patients, however many did not answer, covers half of
    them at least). Three counts above zero at least; `counts`: (count, share as printed)."""
    from .cell_reading import share_agrees
    summed = sum(k for k, _ in counts)
    if sum(1 for k, _ in counts if k > 0) < 3 or not summed or 2 * summed > size:
        return False
    return all(share_agrees(k, summed, pct) for k, pct in counts)
