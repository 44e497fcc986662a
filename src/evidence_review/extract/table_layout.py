"""Table layout decided from the grid's own cells, not from a list of known layouts.

The table reader (`table_reader.read_table`) names each column's role from its header; the functions here look at
what the columns and rows actually print and correct or complete that reading where the cells leave no doubt:
- a count column beside a share column under one arm ("N = 34 | (%)", "n | %", "No. | [%]", the share with a point
  or a comma as its decimal mark, in brackets or bare): one "count (share)" cell per row, the pair proved by the
  shares agreeing with count / n on the rows (`count_share_pairs`, `merged_count_share`);
- a header spanning the arm columns that only says they are the groups, or that gives the whole trial's size (its n
  is the sum of the sizes under it): "Group (n = 209)" over "AM (n = 107) | PM (n = 102)" (`whole_trial_spans`);
- a row label that prints the whole trial's count of the row ("Nausea 41 (19.6%)", "Deaths, 12/60") beside each
  arm's count: the whole population's row, proved by the count being the sum of the arms' counts
  (`label_total`).
Each function takes plain texts (no grid objects), so it is tested on grids written as strings.
"""
from __future__ import annotations

import re

from .cells import figure_with_spread
from .study import split_size
from .table_columns import statistic_role

# a bare whole number: an arm's count of the row
_COUNT = re.compile(r"\s*(?P<n>\d{1,6})\s*")
# a share printed alone: "(52.9)", "[52,9 %]", "52.9%", "(0)", "12", with a point or a comma as the decimal mark
_SHARE = re.compile(r"\s*(?P<open>[(\[])?\s*(?P<int>\d{1,3})(?:[.,\u00b7](?P<frac>\d{1,2}))?\s*%?\s*(?(open)[)\]])\s*")


def _share_value(text: str) -> float | None:
    m = _SHARE.fullmatch(text or "")
    if m is None:
        return None
    value = float(f"{m.group('int')}.{m.group('frac') or '0'}")
    return value if value <= 100 else None


def _agrees(count: int, n: int, share: float) -> bool:
    """The share rounds from count / n (to the printed decimals, or to the next whole number either way)."""
    exact = 100.0 * count / n
    return abs(exact - share) <= 0.55 or abs(round(exact) - share) < 0.01 or abs(exact - share) <= 1.0 and share == int(share)


# a cell that is no figure of the arm: a test's result printed across the row ("P=0.308", "p < 0.001", "χ2 = 3.1")
_TEST_RESULT = re.compile(r"\s*(?:[pP]|[\u03c7x]\s*2|[\u03c7x]\u00b2|t|F|Z)\s*(?:[-\s]?values?)?\s*[=<>\u2264\u2265]\s*[-\u2212]?\d*\.?\d+\s*[*\u2020\u2021]*\s*")


def _not_a_pair_row(a: str, b: str) -> bool:
    """A row that says nothing of the pair: a cell spanning both columns (the same text twice: a heading or a test's
    result printed across the row), a test's result, a count with no share beside it ("Missing | 1 | |": the
    answers not given, counted without a share), or a figure with its own spread and nothing beside it ("Age | 21.9
    ± 3.5 | |" under "N | %": a mean printed under the count's sub-column)."""
    if a == b and a and not _COUNT.fullmatch(a):
        return True
    if not b and figure_with_spread(a):
        return True
    if _TEST_RESULT.fullmatch(a) or _TEST_RESULT.fullmatch(b):
        return True
    return bool(_COUNT.fullmatch(a)) and not b


def _row_sizes(pairs: list[tuple[int, float, int]]) -> bool:
    """Whether every (count, share) pair is a count of some whole number of patients to the share's printed
    decimal (the denominators differ by row: answers missing in some blocks): each share printed with a decimal,
    and each agreeing with count / round(100 * count / share) to half a unit of its last decimal."""
    for count, share, decimals in pairs:
        if not count or not share or not decimals:
            if count == 0 and share == 0:
                continue
            return False
        size = round(100.0 * count / share)
        if size < count or abs(100.0 * count / size - share) > 0.5 * 10 ** -decimals + 1e-9:
            return False
    return True


def count_share_pairs(rows: list[dict[int, str]], candidates: list[tuple[int, int, int | None]]) -> dict[int, tuple[int, int | None]]:
    """{count column: (share column, n)} of the candidate pairs (count column, share column, the arm's n or None)
    whose cells are a bare count on the left and a bare share on the right on at least two rows, on every row that
    prints both (rows that say nothing of the pair left aside: `_not_a_pair_row`), with the shares agreeing with
    count / n (n the arm's size, else the one size all rows agree on, else None when each row's share, printed with
    a decimal, is exactly a count of a whole number of patients: `_row_sizes`)."""
    out: dict[int, tuple[int, int | None]] = {}
    for left, right, n in candidates:
        pairs = []
        printed = []
        for row in rows:
            a, b = (row.get(left) or "").strip(), (row.get(right) or "").strip()
            if not a and not b or _not_a_pair_row(a, b):
                continue
            count, share = _COUNT.fullmatch(a), _share_value(b)
            if count is None or share is None:
                pairs = []
                break
            pairs.append((int(count.group("n")), share))
            printed.append((int(count.group("n")), share, len(_SHARE.fullmatch(b).group("frac") or "")))
        if len(pairs) < 2:
            continue
        size = n
        if size is None:
            # the one size every row with a count agrees with ("18 | 52.9" and "10 | 29.4": 34)
            counted = [(c, s) for c, s in pairs if c and s]
            if len(counted) < 2:
                continue
            guesses = {round(100.0 * c / s) for c, s in counted}
            size = next((g for g in sorted(guesses) if g > 0 and all(_agrees(c, g, s) for c, s in pairs)), None)
            if size is None:
                if len(counted) >= 3 and _row_sizes(printed):
                    out[left] = (right, None)      # each row's own denominator, the share says which
                continue
        if size <= 0 or any(c > size for c, _ in pairs):
            continue
        agreeing = sum(_agrees(c, size, s) for c, s in pairs)
        if agreeing >= max(2, len(pairs) - len(pairs) // 5):     # a misprinted share or two in a long table
            out[left] = (right, size)
    return out


def paired_cell(count: str, share: str, total: int | None = None) -> str | None:
    """The one "count (share%)" cell of a row of a proved count | share pair (`merged_count_share`), "count/total
    (share%)" with the row's own `total` (`row_totals`); "" for a count printed without its share ("Missing | 1 | |":
    no category of the answers, no figure of the arm); None for a row that is no pair (a heading or a test's result
    across the row), left as it is."""
    a, b = count.strip(), share.strip()
    if _COUNT.fullmatch(a) and _share_value(b) is not None:
        merged = merged_count_share(a, b)
        return merged.replace(a, f"{a}/{total}", 1) if total else merged
    if _COUNT.fullmatch(a) and not b:
        return ""
    return None


def row_totals(rows: list[tuple[str, str, str]]) -> list[int | None]:
    """Each row's total of a count | share pair whose denominators differ by row, from (block, count, share) with the
    block the row's heading (the first column of a two-level stub): the whole number the share is exactly of
    ("6", "31.6" -> 19); for a zero count, the one total the other rows of its block agree on; else None."""
    own: list[int | None] = []
    for _, count, share in rows:
        c, value = _COUNT.fullmatch(count.strip()), _share_value(share.strip())
        own.append(round(100.0 * int(c.group("n")) / value) if c is not None and value and int(c.group("n")) else None)
    by_block: dict[str, set[int]] = {}
    for (block, _, _), total in zip(rows, own):
        if total:
            by_block.setdefault(block, set()).add(total)
    return [total if total else (next(iter(by_block[block])) if len(by_block.get(block, ())) == 1 else None)
            for (block, _, _), total in zip(rows, own)]


def merged_count_share(count: str, share: str) -> str:
    """ "18" and "(52,9)" -> "18 (52.9%)": the pair as one cell, its decimal mark a point."""
    value = _share_value(share)
    m = _SHARE.fullmatch(share)
    printed = f"{m.group('int')}.{m.group('frac')}" if m is not None and m.group("frac") else \
        (f"{value:g}" if value is not None else share.strip())
    return f"{count.strip()} ({printed}%)"


# a header that says only that the columns under it are the groups, with or without the whole trial's size
_GROUP_WORDS = re.compile(r"\s*(?:(?:study|treatment|randomi[sz]ed|trial|comparison)\s+)?(?:groups?|arms?|cohorts?)\s*"
                          r"(?:,?\s*(?:n|no\.?)\s*[(\[]\s*%\s*[)\]])?\s*", re.I)


def whole_trial_spans(parts_by_column: dict[int, list[str]]) -> set[str]:
    """The header texts with a size that span two or more columns each printing a size of its own, and are no arm:
    a "Group"/"Arms" header, or any text whose size is the sum of the sizes under it ("Patients (n = 209)" over
    "A (n = 107) | B (n = 102)"). `parts_by_column`: each column's header texts, top row first."""
    spans: dict[str, list[int]] = {}
    for col, parts in parts_by_column.items():
        for text in parts[:-1]:
            spans.setdefault(text, []).append(col)
    out = set()
    for text, cols in spans.items():
        if len(cols) < 2:
            continue
        name, n = split_size(text)
        if n is None:
            continue        # (a size-free "Groups" header is the reader's own case)
        below = [split_size(parts_by_column[c][-1])[1] for c in cols]
        if any(b is None for b in below):
            continue        # ("Treatment group (N = 28)" over "Number | Percent": one arm over its sub-columns)
        if _GROUP_WORDS.fullmatch(name or "") or sum(below) == n:
            out.add(text)
    return out


# a row label ending with a count, with or without its share or its total: "Nausea 41 (19.6%)", "None135 (64.6%)",
# "Deaths, 12/60", "Relapse n = 14"
_LABEL_COUNT = re.compile(r"(?P<label>.*?[A-Za-z)\]][^\d]*?)\s*[,:;]?\s*(?:n\s*=\s*)?(?P<count>\d{1,6})"
                          r"(?:\s*/\s*(?P<total>\d{1,6}))?\s*(?:[(\[]\s*(?P<share>\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*[)\]])?\s*")


def label_total(label: str, arm_counts: list[int], whole: int | None) -> tuple[str, int, int, str | None] | None:
    """(label, count, total, share text) of a row label that prints the whole trial's count of the row: the count
    is the sum of the arms' counts (two arms or more, each read), the total the one printed after a slash, else
    `whole` (the trial's size), and a share printed with it agrees. None when the label holds no such count."""
    if len(arm_counts) < 2 or whole is None and "/" not in label:
        return None
    m = _LABEL_COUNT.fullmatch(label)
    if m is None or not m.group("label").strip(" ,:;-"):
        return None
    count = int(m.group("count"))
    total = int(m.group("total")) if m.group("total") else whole
    if count != sum(arm_counts) or not total or count > total:
        return None
    share = m.group("share")
    if share is not None and not _agrees(count, total, float(share.replace(",", "."))):
        return None
    if share is None and m.group("total") is None and re.fullmatch(r"\s*[A-Z]{1,3}", m.group("label")) and \
            label.strip()[len(m.group("label").strip()):][:1].isdigit():
        # "N3", "T2", "M0": a code glued to its own number (a stage, a class), no count of the row ("IBD21(10%)",
        # its share printed with it, is one)
        return None
    if re.search(r"\d\s*$", m.group("label")) or re.fullmatch(r".*\b(?:grade|type|stage|class|day|week|month|year)s?\s*",
                                                              m.group("label"), re.I):
        return None     # "Grade 3", "Day 14": a number of the label's own
    return m.group("label").strip(" ,:;-"), count, total, share


# "(% 15.9)", "(%15.9)": a share printed with its sign first; "(% 1.1) 4/366": and before its count
_SIGN_FIRST = re.compile(r"([(\[])\s*%\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*/?\s*([)\]])")
_SHARE_BEFORE_COUNT = re.compile(r"\s*(?P<share>[(\[]\s*\d{1,3}(?:\.\d+)?\s*%\s*[)\]])\s*(?P<count>\d{1,6}(?:\s*/\s*\d{1,6})?)\s*")


def share_sign_first(text: str) -> str:
    """A cell's share written with the percent sign after its number and after its count: "4/400 (% 1)" ->
    "4/400 (1%)", "(% 1.1) 4/366" -> "4/366 (1.1%)"; any other text unchanged."""
    if "%" not in text:
        return text
    text = _SIGN_FIRST.sub(lambda m: f"{m.group(1)}{m.group(2)}%{m.group(3)}", text)
    flipped = _SHARE_BEFORE_COUNT.fullmatch(text)
    return f"{flipped.group('count')} {flipped.group('share')}" if flipped is not None else text


_WORD = re.compile(r"[a-z0-9]+")
_STRAY_CAPITAL = re.compile(r"(?<![A-Za-z])[A-Z](?=[A-Z][a-z])")      # "CWith incising": a stray letter glued on
_FILLER = {"the", "a", "an", "of", "group", "groups", "arm", "arms", "patients", "and", "in"}


def arm_by_words(header: str, names: list[str]) -> int | None:
    """The index of the one arm name holding every word of a column header ("Without incising external oblique
    aponeurosis" for the arm "herniotomy without incising external oblique aponeurosis"), the header naming at least
    two words of its own; None when no arm or more than one holds them."""
    words = set(_WORD.findall(_STRAY_CAPITAL.sub("", header).lower())) - _FILLER
    if len(words) < 2:
        return None
    holders = [i for i, name in enumerate(names) if words <= set(_WORD.findall(name.lower()))]
    return holders[0] if len(holders) == 1 else None


# a row label naming an arm by a code: "Group A", "Group-2", "Arm III (n = 20)", "B group", "Group C (drug X alone)";
# the code's letter, number or numeral is the arm
_CODE = r"(?:[A-Z]|[IVX]{1,4}|\d{1,2})"
_CODED_LABEL = re.compile(r"\s*(?:(?i:group|arm)\s*[-\u2013:]?\s*(?P<a>" + _CODE + r")|(?P<b>" + _CODE + r")\s*[-\u2013]?\s*(?i:group|arm))"
                          r"(?![\w.])\s*(?P<mark>[*\u2020\u2021\u00a7]*)\s*(?:[(\[][^()\[\]]*[)\]])?\s*(?:[(\[]?\s*[nN]\s*=\s*\d{1,5}\s*[)\]]?)?\s*")
_BARE_CODE = re.compile(r"\s*(?P<c>[A-Z])\s*(?P<mark>[*\u2020\u2021\u00a7]*)\s*")


_CODED_THEN_WHAT = re.compile(r"\s*(?:(?i:group|arm)\s*[-\u2013:]?\s*(?P<a>" + _CODE + r")|(?P<b>" + _CODE +
                              r")\s*[-\u2013]?\s*(?i:group|arm))(?![\w.])\s*[-\u2013:,]?\s*(?P<what>[A-Za-z].*?)\s*")


def coded_arm_outcome_rows(labels: dict[int, str]) -> dict[int, tuple[str, str]]:
    """{row: (the arm's code, the outcome)} when every row with figures is labelled by a group code and then what was
    measured ("Group-A FBS", "Group-B FBS", "Group A: weight"), two codes or more each beside the same outcomes."""
    found = {}
    for r, label in labels.items():
        m = _CODED_THEN_WHAT.fullmatch(label or "")
        if m is None:
            return {}
        found[r] = (m.group("a") or m.group("b"), m.group("what"))
    codes = {code for code, _ in found.values()}
    whats = {what.lower() for _, what in found.values()}
    if len(codes) < 2 or any({w.lower() for c, w in found.values() if c == code} != whats for code in codes):
        return {}
    return found


def coded_arm_rows(labels: dict[int, str], sized_rows: set[int] = frozenset()) -> dict[int, tuple[str, str]]:
    """{row: (the arm's code, a mark after it)} when the rows holding figures are labelled with group codes, two codes
    or more: "Group A", "Arm 2 (n = 30)", "B group" in any table, bare letters ("A", "B", "C*") only where each such
    row prints a size of its own (`sized_rows`: an "n" column) or the letters repeat under heading rows. A body whose
    figure rows are not all coded (an outcome named in a row) gives {}. `labels`: the label of each row with figures."""
    named = {r: _CODED_LABEL.fullmatch(label or "") for r, label in labels.items()}
    if named and all(named.values()):
        found = {r: (m.group("a") or m.group("b"), m.group("mark") or "") for r, m in named.items()}
        return found if len({code for code, _ in found.values()}) >= 2 else {}
    bare = {r: _BARE_CODE.fullmatch(label or "") for r, label in labels.items()}
    if not bare or not all(bare.values()):
        return {}
    found = {r: (m.group("c"), m.group("mark") or "") for r, m in bare.items()}
    codes = [code for code, _ in found.values()]
    if len(set(codes)) < 2:
        return {}
    repeated = all(codes.count(c) >= 2 for c in set(codes))
    return found if repeated or set(found) <= set(sized_rows) else {}


# a p-value printed after an arm's figure in its cell: "150.1 (16.1) p = 0.034", "60% (28.9) *P = 0.04"
_TRAILING_P = re.compile(r"(?<=[\d)\]%])\s*[*#\u00a7\u20ac\u2020\u2021]?\s*[pP]\s*(?:[=<>\u2264\u2265]|value)\s*[:=]?\s*0?\.\d+\s*$")


def without_trailing_p(cell: str) -> str:
    """The cell without a p-value printed after its figure ("88.0 (7.6) p = 0.014" -> "88.0 (7.6)")."""
    return _TRAILING_P.sub("", cell)


def one_named_arm(names: list[str]) -> int | None:
    """The index of the longest of several arm names when every other one's words are all in it ("electrostimulation"
    and "neuromuscular electrostimulation": one arm named twice); None when two of them name different things."""
    words = [set(_WORD.findall(n.lower())) - _FILLER for n in names]
    if not all(words):
        return None
    longest = max(range(len(names)), key=lambda i: (len(words[i]), -i))
    return longest if all(w <= words[longest] for w in words) else None


def one_arm_of(arms: list) -> object | None:
    """The one arm several study-model arms name (`one_named_arm`): the one that knows its size when only one does,
    else the longest name."""
    if one_named_arm([a.name for a in arms]) is None:
        return None
    sized = [a for a in arms if a.n]
    return sized[0] if len(sized) == 1 else arms[one_named_arm([a.name for a in arms])]


_STATISTIC_WORDS = re.compile(r"(?i)\b(?:(?:number|no)\.?\s+of\s+[a-z]+|means?|medians?|s\.?\s?d\.?|s\.?\s?e\.?\s?m?\.?|iqr|range|ci|n|no|number|percent|"
                              r"percentage|frequency|interquartile|standard|deviation|error|confidence|interval|min|max)\b")
_TRAILING_BRACKET = re.compile(r"\s*[(\[](?P<inner>[^()\[\]]*(?:[(\[][^()\[\]]*[)\]][^()\[\]]*)*)[)\]]\s*$")
_TRAILING_COMMA = re.compile(r"\s*,\s*(?P<inner>[^,]*)$")


def without_statistic(header: str) -> str:
    """A column header without the statistic it says its cells print ("Intervention (mean±SD)", "Control [median
    (IQR)]", "Treatment, n (%)" -> "Intervention", "Control", "Treatment"); any other header unchanged."""
    for pattern in (_TRAILING_BRACKET, _TRAILING_COMMA, _TRAILING_BRACKET):
        m = pattern.search(header)
        if m is not None and m.start() > 0 and not re.search(r"[A-Za-z]", _STATISTIC_WORDS.sub("", m.group("inner"))) \
                and re.search(r"[A-Za-z%\u00b1]", m.group("inner")):
            header = header[:m.start()].strip()
    return header


def arm_code(header: str) -> str | None:
    """The group code a column header names ("Group-A (n=25)", "Arm 2", "B group", "Group III [n = 40]"), else None."""
    m = _CODED_LABEL.fullmatch(header or "")
    return (m.group("a") or m.group("b")) if m is not None else None


_SERIAL = re.compile(r"\s*(?:\d{1,3}|[ivxIVX]{1,5}|[a-zA-Z])\s*[.)]?\s*")
_SERIAL_HEADER = re.compile(r"\s*(?:s\.?\s*no\.?|sr\.?\s*(?:no\.?)?|serial(?:\s*(?:no\.?|number))?|no\.?|#|item|n[o\u00ba\u00b0]\.?)?\s*", re.I)


def without_serial_column(table: dict, heads: set[int]) -> dict:
    """The grid without a first column that only numbers the rows ("S. No. | Characteristics | ..." over "1. | Age |
    ..."), so the row labels are its first column; the grid unchanged when column 0 holds anything else. `heads`:
    the header rows."""
    cells = table.get("cells") or []
    first = [c for c in cells if int(c["col"]) == 0]
    second = [c for c in cells if int(c["col"]) == 1 and int(c["row"]) not in heads]
    body = [str(c.get("text") or "").strip() for c in first if int(c["row"]) not in heads]
    numbered = [t for t in body if t]
    if len(numbered) < 2 or not all(_SERIAL.fullmatch(t) for t in numbered) or \
            not all(_SERIAL_HEADER.fullmatch(str(c.get("text") or "")) for c in first if int(c["row"]) in heads):
        return table
    if not any(re.search(r"[A-Za-z]{3}", str(c.get("text") or "")) for c in second):
        return table        # the second column is no column of labels either
    shifted = [dict(c, col=int(c["col"]) - 1) for c in cells if int(c["col"]) > 0]
    return dict(table, cells=shifted)


_WHAT_THEN_ARM = re.compile(r"\s*(?P<what>[^()\[\]]*?[A-Za-z][^()\[\]]*?)\s*[(\[](?P<arm>[^()\[\]]*[A-Za-z][^()\[\]]*)[)\]]\s*")


def bracketed_arm_rows(labels: dict[int, str], resolve) -> dict[int, tuple[object, str]]:
    """{row: (arm, outcome)} when every row with figures names what was measured and, in brackets after it, the arm
    ("Retinal thickness (red laser group)", "Pain score [placebo]"): `resolve(text)` gives the arm a bracket names
    (None for a unit or anything else); two arms or more, each beside the same outcomes."""
    found = {}
    for r, label in labels.items():
        m = _WHAT_THEN_ARM.fullmatch(label or "")
        arm = resolve(m.group("arm")) if m is not None else None
        if arm is None:
            return {}
        found[r] = (arm, m.group("what").strip(" ,;:-"))
    arms = {id(a) for a, _ in found.values()}
    whats = {w.lower() for _, w in found.values()}
    if len(arms) < 2 or any({w.lower() for a, w in found.values() if id(a) == arm} != whats for arm in arms):
        return {}
    return found


_WORDY = re.compile(r"[A-Za-z]{3}")


def _textual(texts: list[str]) -> bool:
    """Cells of row labels: most hold a word and none is a bare figure."""
    filled = [t for t in texts if t.strip()]
    return len(filled) >= 2 and sum(bool(_WORDY.search(t)) for t in filled) >= 0.8 * len(filled)


def _figures(texts: list[str]) -> bool:
    filled = [t for t in texts if t.strip()]
    return bool(filled) and not any(_WORDY.search(t) for t in filled)


def _body_columns(table: dict, heads: set[int]) -> tuple[list[dict], int, dict[int, list[str]]] | None:
    """(cells, width, each column's body texts) of a grid of three columns or more, for the passes that move whole
    columns (`right_to_left`, `label_column_first`); None for a narrower or empty grid."""
    cells = table.get("cells") or []
    if not cells:
        return None
    width = max(int(c["col"]) for c in cells) + 1
    if width < 3:
        return None
    body: dict[int, list[str]] = {}
    for c in cells:
        if int(c["row"]) not in heads:
            body.setdefault(int(c["col"]), []).append(str(c.get("text") or ""))
    return cells, width, body


def right_to_left(table: dict, heads: set[int]) -> dict:
    """The grid with its columns in reading order when it is printed right to left ("P value | Drug B | Drug A |
    Variables"): the row labels in the last column, the first column only figures and no other column of words.
    Otherwise the grid unchanged."""
    columns = _body_columns(table, heads)
    if columns is None:
        return table
    cells, width, body = columns
    if not _figures(body.get(0, [])) or not _textual(body.get(width - 1, [])) or \
            any(_textual(body.get(col, [])) for col in range(width - 1)):
        return table
    texts = {(int(c["row"]), int(c["col"])): str(c.get("text") or "").strip() for c in cells}
    last = max(heads) if heads else None
    mirrored = []
    for c in cells:
        r, col = int(c["row"]), int(c["col"])
        if r in heads and r != last and not texts[(r, col)] and statistic_role(texts.get((last, col), "")):
            # a span's text printed over its first cell ("Drug B | |" over "Mean | SD"), carried right over the
            # statistics under it as `table_columns.header_paths` reads a span, before the mirror puts it last
            left = next((texts[(r, k)] for k in range(col - 1, -1, -1) if texts.get((r, k))), "")
            if left:
                c = dict(c, text=left)
        mirrored.append(dict(c, col=width - 1 - col))
    return _centre_before_spread(mirrored, heads, last, table)


def label_column_first(table: dict, heads: set[int]) -> dict:
    """The grid with its column of row labels first when it is printed between the arms' columns ("Exercise group
    (N = 16) | Variable | Control group (N = 10)" over "12 | African American | 6"): the first column only figures,
    one inner column of words, every other column figures. The columns before the labels move one right, so each
    arm keeps its side's order. Otherwise the grid unchanged."""
    columns = _body_columns(table, heads)
    if columns is None:
        return table
    cells, width, body = columns
    first = [t.strip() for t in body.get(0, []) if t.strip()]
    serial = all(t.isdigit() for t in first) and [int(t) for t in first] == sorted(int(t) for t in first)
    if not _figures(first) or serial:
        return table        # (serial numbers before the labels, "1 | Hypertension | 12 | 14", are no arm's column)
    words = [col for col in range(1, width) if _textual(body.get(col, []))]
    if len(words) != 1 or words[0] == width - 1 or not all(
            _figures(body.get(col, [])) for col in range(width) if col != words[0] and body.get(col)):
        return table
    labels = words[0]
    moved = [dict(c, col=0 if int(c["col"]) == labels else int(c["col"]) + 1 if int(c["col"]) < labels else int(c["col"]))
             for c in cells]
    return dict(table, cells=moved)


def _centre_before_spread(cells: list[dict], heads: set[int], last: int | None, table: dict) -> dict:
    """The mirrored grid with each statistic pair of the last header row in the order a centre and its spread are
    printed ("Mean | SD", "n | %"), where the mirror read them spread first: the header's words were printed left to
    right under a grid printed right to left, the cells below are in reading order."""
    leaves = {int(c["col"]): c for c in cells if int(c["row"]) == last}
    upper: dict[int, list[str]] = {}
    for c in sorted(cells, key=lambda c: int(c["row"])):
        if int(c["row"]) in heads and int(c["row"]) != last:
            upper.setdefault(int(c["col"]), []).append(str(c.get("text") or "").strip())
    swap: dict[int, int] = {}
    for col in sorted(leaves):
        cell, right = leaves[col], leaves.get(col + 1)
        if right is None or col in swap or upper.get(col) != upper.get(col + 1):
            continue        # (two statistics of one arm: the same texts above both)
        pair = (statistic_role(str(cell.get("text") or "")), statistic_role(str(right.get("text") or "")))
        if pair in (("sd", "mean"), ("se", "mean"), ("pct", "n"), ("iqr", "median")):
            swap[col], swap[col + 1] = col + 1, col
    if not swap:
        return dict(table, cells=cells)
    return dict(table, cells=[dict(c, text=leaves[swap[int(c["col"])]].get("text"))
                              if int(c["row"]) == last and int(c["col"]) in swap else c for c in cells])


_COUNTED_NOUN = re.compile(r"\s*(?P<n>\d{1,6})\s*(?P<noun>eyes?|patients?|participants?|subjects?|cases?|children|women|men|"
                           r"infants?|neonates?|teeth|tooth|limbs?|knees?|hips?|ears?|lesions?)\s*", re.I)


def counted_cell(text: str) -> tuple[int, str] | None:
    """(count, noun) of a cell that counts patients or parts by name ("17 eyes", "3 patients"), else None."""
    m = _COUNTED_NOUN.fullmatch(text or "")
    return (int(m.group("n")), m.group("noun").lower().rstrip("s")) if m is not None else None


def _ratio(measure: str, a: tuple[int, int], b: tuple[int, int]) -> float | None:
    """The odds ratio or risk ratio of arm a against arm b from their (events, total)."""
    (ea, na), (eb, nb) = a, b
    if not (0 < ea < na and 0 < eb < nb):
        return None
    if measure == "OR":
        return (ea / (na - ea)) / (eb / (nb - eb))
    return (ea / na) / (eb / nb)


def turned_by_counts(measure: str, value: float, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether a printed ratio (OR, RR) of the first arm against the second is, by the two arms' counts, the second
    against the first: the ratio computed the other way round is within 10 % of the printed value and the stated way
    round is not (a ratio near 1 decides nothing)."""
    stated, turned = _ratio(measure, first, second), _ratio(measure, second, first)
    if stated is None or turned is None or not value or value <= 0 or abs(stated - turned) / max(stated, turned) < 0.2:
        return False
    return abs(turned - value) / value <= 0.10 and abs(stated - value) / value > 0.10


_DEFINED_AFTER = re.compile(r"\b[Gg]roups?[-\s]?(?P<code>[A-Z]|[IVX]{1,4}|\d{1,2})\b(?![-\w])[^.;]{0,50}?\b(?:received|receiving|"
                            r"were\s+given|was\s+given|given|treated\s+with|underwent|took|had)\s+(?P<what>(?:[^,.;()]|\.(?=\d)){3,60}?)"
                            r"(?=\s*(?:[,;()]|\.(?!\d)|\bwhile\b|\bwhereas\b|\band\s+(?:the\s+)?groups?\b|\bgroups?\b|$))")
_DEFINED_BEFORE = re.compile(r"(?P<what>\b[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,4}?)\s*\(\s*[Gg]roups?[-\s]?"
                             r"(?P<code>[A-Z]|[IVX]{1,4}|\d{1,2})\s*\)")
_NOT_A_NAME = re.compile(r"(?i)^(?:the|a|an|in|of|and|or|to|with|patients|group|were|was)\b")
_LEADING_WORDS = {"the", "a", "an", "in", "of", "and", "or", "to", "with", "patients", "participants", "subjects",
                  "received", "receiving", "were", "was", "given", "treated", "either", "randomized", "randomised",
                  "assigned", "allocated", "into", "group", "groups", "who", "those"}


def code_definitions(text: str) -> dict[str, str]:
    """{group code: what the text says that group received}: "Group-A, 32 women were given oral metformin" -> {"A":
    "oral metformin"}, "midazolam (group M)" -> {"M": "midazolam"}; a code defined two ways, or two codes defined
    alike, are left out."""
    found: dict[str, set[str]] = {}
    for pattern in (_DEFINED_AFTER, _DEFINED_BEFORE):
        for m in pattern.finditer(text):
            words = re.sub(r"\s+", " ", m.group("what")).strip(" ,;:-").split(" ")
            while words and words[0].lower() in _LEADING_WORDS:
                words = words[1:]
            what = " ".join(words)
            if what and not _NOT_A_NAME.match(what) and re.search(r"[a-z]{3}", what):
                found.setdefault(m.group("code"), set()).add(what.lower())
    named = {code: next(iter(whats)) for code, whats in found.items() if len(whats) == 1}
    same = [w for w in named.values() if list(named.values()).count(w) > 1]
    return {code: what for code, what in named.items() if what not in same}


def without_spacer_columns(table: dict, heads: set[int]) -> dict:
    """The grid without its spacer columns: columns past the first whose body cells are all blank ("| Visit 1 | |
    Visit 2 |" over "| 12 | | 14 |", a blank column printed between the value columns). A header text over a spacer
    moves onto the next column with figures that has no header at all (the text printed one cell off its figures),
    else the previous one; a text no such column takes goes with the spacer (a "P" column left blank heads no
    figure, and never moves onto an "SD" column beside it). The
    grid unchanged when no column is blank in the body or fewer than two columns would stay."""
    cells = table.get("cells") or []
    if not cells:
        return table
    width = max(int(c["col"]) for c in cells) + 1
    filled = {int(c["col"]) for c in cells if int(c["row"]) not in heads and str(c.get("text") or "").strip()}
    if not any(int(c["row"]) not in heads for c in cells):
        return table
    spacers = [col for col in range(1, width) if col not in filled]
    if not spacers or width - len(spacers) < 2:
        return table
    header = {(int(c["row"]), int(c["col"])): str(c.get("text") or "").strip() for c in cells if int(c["row"]) in heads}
    moved: dict[tuple[int, int], str] = {}
    for r in sorted(heads):
        for col in spacers:
            text = header.get((r, col), "")
            if not text:
                continue
            for other in (col + 1, col - 1):
                if other in filled and not any(header.get((h, other)) for h in heads) and (r, other) not in moved:
                    moved[(r, other)] = text
                    break
    out, kept = [], {}
    for c in cells:
        r, col = int(c["row"]), int(c["col"])
        if col in spacers:
            continue
        if (r, col) in moved:
            c = dict(c, text=moved[(r, col)])
        kept[(r, col)] = True
        out.append(dict(c, col=col - sum(1 for s in spacers if s < col)))
    for (r, col), text in moved.items():
        if (r, col) not in kept:        # (a grid that prints no cell there at all)
            out.append({"row": r, "col": col - sum(1 for s in spacers if s < col), "text": text, "header": True,
                        "start": int(table.get("start", 0)), "end": int(table.get("start", 0))})
    return dict(table, cells=out)


# the kinds of text a body cell prints, to tell which column a cell belongs to: an arm's figure with its spread or
# share ("15 (50%)", "37.2 ± 9.5", "12/40"), a bare number ("0.381", "24"), words ("chi-square"), nothing
_ARM_FIGURE = re.compile(r"\s*[-+\u2212]?\d+(?:[.,\u00b7]\d+)?\s*%?\s*(?:[(\[]\s*[-+\u2212]?\d|\u00b1|\+/-|/\s*\d)")
_BARE_NUMBER = re.compile(r"\s*[<>\u2264\u2265]?\s*[-+\u2212]?(?:\d+(?:[.,\u00b7]\d+)?|[.,\u00b7]\d+)\s*%?\s*[*\u2020\u2021\u00a7#]*\s*")


def _cell_kind(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    if _ARM_FIGURE.match(text):
        return "figure"
    if _BARE_NUMBER.fullmatch(text):
        return "number"
    return "words" if not re.search(r"\d", text) else "other"


def _column_kinds(rows: dict[int, dict[int, str]], width: int) -> dict[int, str]:
    """The kind most of a column's body cells print (two at least, and more than any other kind), by column."""
    kinds = {}
    for col in range(1, width):
        seen: dict[str, int] = {}
        for row in rows.values():
            kind = _cell_kind(row.get(col, ""))
            if kind:
                seen[kind] = seen.get(kind, 0) + 1
        ranked = sorted(seen.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            kinds[col] = ranked[0][0]
    return kinds


def without_shifted_rows(table: dict, heads: set[int]) -> dict:
    """The grid with each body row the source shifted one column right put back: "Married | | 15 (50%) | 17 (56.6%)
    |" under "| Control | Case | P-value | Test |" (an empty cell after the label, the last column empty) is "Married |
    15 (50%) | 17 (56.6%) | |". Moved only where the shift puts every filled cell under a column printing its kind of
    text (an arm's figure under the arms, a number under the p-values) and the row as printed does not (an arm's
    figure under the p-values). The grid unchanged when no row is so."""
    cells = table.get("cells") or []
    if not cells:
        return table
    width = max(int(c["col"]) for c in cells) + 1
    if width < 4:
        return table
    rows: dict[int, dict[int, str]] = {}
    for c in cells:
        if int(c["row"]) not in heads and int(c["col"]) > 0:
            rows.setdefault(int(c["row"]), {})[int(c["col"])] = str(c.get("text") or "")
    kinds = _column_kinds(rows, width)
    shifted = set()
    for r, row in rows.items():
        if row.get(1, "").strip() or row.get(width - 1, "").strip():
            continue
        filled = {col: _cell_kind(text) for col, text in row.items() if text.strip()}
        if len(filled) < 2 or "figure" not in filled.values():
            continue
        as_printed = all(kinds.get(col) == kind for col, kind in filled.items())
        moved = all(kinds.get(col - 1) == kind for col, kind in filled.items())
        if moved and not as_printed:
            shifted.add(r)
    if not shifted:
        return table
    texts = {(int(c["row"]), int(c["col"])): c for c in cells}
    out = []
    for c in cells:
        r, col = int(c["row"]), int(c["col"])
        if r in shifted and col > 0:
            source = texts.get((r, col + 1))
            c = dict(source, col=col) if source is not None else dict(c, text="")
        out.append(c)
    return dict(table, cells=out)
