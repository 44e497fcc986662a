"""Which n an arm's count in a table is of, where a row or a heading of the grid declares it.

A table's columns give each arm's size ("Drug A (n = 200)"), but a row or the heading over a block of rows often
declares how many of each arm the row is of: those asked, those followed up, a subgroup ("Employment status
(n = 177 + 190)" over "Employed | 45 (25.4) | 61 (32.1)", "Readmitted (n = 170/180)", "Among those discharged
(145 + 159)", "(n1 = 40, n2 = 38)"). Each arm's count there is of the declared number, one per arm in the order of
the arm columns; the share printed beside it agrees with that number, not with the column's. Read so, "45 (25.4)"
is 45 of 177 (25.4 %), neither a mean of 45 with its SD nor 45 of the 200 randomised.

`declared_sizes` reads the sizes a label declares (one per arm, or nothing), `without_declared_sizes` gives the
label without them (the outcome's name), `sizes_by_column` spreads them over the arm columns, and
`declared_count_format` says how a cell reads under its declared n: a count with its share of that n, or a bare
count (no share of the n fits a mean with its SD). Also here: the n an arm's "n" column gives a row ("21/22": 21
analysed of 22, `analysed_count`, `analysed_column`), the n a sex pair is of (`sex_pair_count`), and the arms'
sizes a row prints as the split of the whole sample (`sample_split_sizes`: "N (%) of participants | 46 (55) | 38 (45)").
"""
from __future__ import annotations

import re

from .arm_cells import PAIR_CELL, proportion_row
from .cell_reading import share_agrees
from .declared_formats import MEASURED_QUANTITY
from .grammar import COUNT_WORD, count_value

# one arm's size in a declaration: "177", "n = 177", "n1 = 177", "N2=190"
_SIZE = r"(?:[nN]\s*\d?\s*=\s*)?(\d{1,5})"
# the joins between the arms' sizes: "+" alone needs no "n =" (a sum of the arms' numbers is no other figure);
# "/", ",", ";", "vs", "and" do (else "(12/30)" is a ratio, "(3, 7)" a range)
_PLUS = re.compile(r"\s*\+\s*")
_OTHER_JOIN = re.compile(r"\s*(?:/|,|;|\bvs\.?|\bversus|\band|:)\s*", re.I)
# a bracketed declaration, or one closing the label: "(n = 177 + 190)", "[243 + 290]", "n = 170/180"
_DECLARATION = re.compile(
    r"\s*(?:[(\[]\s*(?P<inner>[^()\[\]]*?\d[^()\[\]]*?)\s*[)\]]|[,;:]?\s*(?P<tail>[nN]\s*\d?\s*=\s*\d{1,5}"
    r"(?:\s*(?:[+/,;]|\bvs\.?|\bversus|\band)\s*(?:[nN]\s*\d?\s*=\s*)?\d{1,5})+))\s*", re.I)


def _sizes_of(words: str) -> tuple[int, ...] | None:
    """The arms' sizes one declaration prints ("n = 177 + 190", "243 + 290", "n1 = 40, n2 = 38"), or None."""
    words = words.strip()
    plus = [p.strip() for p in _PLUS.split(words)]
    said_n = bool(re.match(r"[nN]\s*\d?\s*=", words))
    if len(plus) >= 2 and all(re.fullmatch(_SIZE, p) for p in plus):
        return tuple(int(re.fullmatch(_SIZE, p).group(1)) for p in plus)
    if not said_n:
        return None
    parts = [p.strip() for p in _OTHER_JOIN.split(words)]
    if len(parts) >= 2 and all(re.fullmatch(_SIZE, p) for p in parts):
        return tuple(int(re.fullmatch(_SIZE, p).group(1)) for p in parts)
    return None


def _declarations(label: str):
    for m in _DECLARATION.finditer(label or ""):
        words = m.group("inner") if m.group("inner") is not None else m.group("tail")
        if m.group("tail") is not None and m.end() != len(label):
            continue        # ("n = 12/30" inside a sentence of the label: only at its end)
        sizes = _sizes_of(words)
        if sizes is not None and all(sizes):
            yield m, sizes


def declared_sizes(label: str, arms: int) -> tuple[int, ...] | None:
    """The number of patients of each of `arms` arms a row label or a heading declares ("Employment status
    (n = 177 + 190)", "Readmitted (n = 170/180)", "How well could you walk? (243 + 290)", "(n1 = 40, n2 = 38)"):
    one size per arm, in the order of the arm columns; None when the label declares none, or not one per arm (a
    single "(n = 145)" may be the whole trial's)."""
    if arms < 2:
        return None
    found = [sizes for _, sizes in _declarations(label) if len(sizes) == arms]
    return found[-1] if len(found) == 1 else None


def without_declared_sizes(label: str, arms: int) -> str:
    """The label without the arms' sizes it declares ("Employment status (n = 177 + 190)" -> "Employment status"):
    the outcome's name; the label itself when it declares none."""
    if declared_sizes(label, arms) is None:
        return label
    for m, sizes in _declarations(label):
        if len(sizes) == arms:
            return (label[:m.start()] + " " + label[m.end():]).strip(" ,;:-") or label
    return label


def sizes_by_column(sizes: tuple[int, ...] | None, arm_of: dict[int, object]) -> dict[int, int]:
    """{column: size}: each arm column's declared size, the arms taken in the order their first column comes (an arm
    over several columns, its times or statistics, has one size); {} when the sizes are not one per arm."""
    if not sizes:
        return {}
    arms: list[int] = []
    for col in sorted(arm_of):
        if id(arm_of[col]) not in arms:
            arms.append(id(arm_of[col]))
    if len(arms) != len(sizes):
        return {}
    size_of = dict(zip(arms, sizes))
    return {col: size_of[id(arm)] for col, arm in arm_of.items()}


# "45 (25.4)", "45 (25.4%)", "45 [25.4 %]": a count and its share; "45": a bare count
_COUNT_AND_SHARE = re.compile(r"\s*(?P<k>\d{1,5})\s*[(\[]\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s*%?\s*[)\]]\s*")
_BARE_COUNT = re.compile(r"\s*\d{1,5}\s*")


def whole_share_column(cells: list[str], n: int | None = None) -> bool:
    """Whether an arm column prints counts each "of 100 %" ("868 (100)", "946 (100)", "292 (100)" down a
    characteristics table: the share of a row total, not of the arm): three cells or more, every filled cell a whole
    count with the share 100, none above the arm's `n` where it is known. Such a column counts patients of the arm
    (the count over the arm's n, its share flagged as not agreeing), never means that all have an SD of 100."""
    filled = [c for c in cells if c and c.strip()]
    found = [_COUNT_AND_SHARE.fullmatch(c) for c in filled]
    if len(filled) < 3 or not all(found):
        return False
    return all(float(m.group("pct")) == 100 and (not n or int(m.group("k")) <= n) for m in found) \
        and len({m.group("k") for m in found}) >= 2


def applies_to(cell: str, n: int | None, *, own: bool) -> bool:
    """Whether a declared n is the one an arm's cell is of: always where the row's own label declares it; where a
    heading declares it for the rows under it, unless the cell prints a count with a share of another n (the
    heading's block has ended: "Smoker | 40 (20.0)" of 200 after the block "(n = 150 + 160)")."""
    if not n:
        return False
    m = _COUNT_AND_SHARE.fullmatch(cell or "")
    return own or m is None or int(m.group("k")) <= n and share_agrees(int(m.group("k")), n, m.group("pct"))


def declared_count_format(cell: str, n: int | None, *, label: str = "") -> str:
    """The format an arm's cell reads with under the n its row declares: "n_pct" for a count with its share of that
    n ("45 (25.4)" of 177; a mean whose SD is the share its value is of the declared n is no shape anyone prints),
    "count" for a bare whole number within n in a row whose `label` names no measured quantity ("Weight, kg
    (n = 80 + 82) | 72 | 75" are means); "" otherwise (the caller's format stands)."""
    if not n:
        return ""
    m = _COUNT_AND_SHARE.fullmatch(cell or "")
    if m is not None:
        k = int(m.group("k"))
        return "n_pct" if k <= n and share_agrees(k, n, m.group("pct")) else ""
    if not MEASURED_QUANTITY.search(label or "") and _BARE_COUNT.fullmatch(cell or "") and int(cell) <= n:
        return "count"
    return ""


def sex_pair_count(cell: str, parsed: dict | None, n: int | None) -> dict | None:
    """The first count of a sex pair read under "Sex (M/F)", "Female/Male", "Gender (w/m)" ("127/123", "27 / 2",
    "33 (50 %)/33 (50 %)") of the arm's `n` where the two add up to fewer (patients of unknown sex, a pair of the
    analysed), else of their sum; `parsed` (the pair's reading) as it is when the cell is no pair. (Which sex a pair
    is labelled by is a convention the batches do not share: batch 15 keeps a "Female/Male" pair's female count,
    batches 16 on the male count; the first count stays.)"""
    if parsed is None or parsed.get("measure") != "PROPORTION":
        return parsed
    pair = PAIR_CELL.fullmatch(cell) or PAIR_CELL.fullmatch(re.sub(r"^\s*[(\[](.*)[)\]]\s*$", r"\1", cell))
    if pair is None:
        return parsed
    a, b = int(pair.group("a")), int(pair.group("b"))
    share = pair.group("ap")
    total = n if n and a + b < n else a + b
    if share is not None and not share_agrees(a, total, share, truncated=True):
        share = None        # (a share of the pair's sum, not of the arm)
    found = proportion_row(a, total, share, parsed.get("value_text") or cell)
    for key in ("needs_review", "flags"):
        if parsed.get(key) and not found.get(key):
            found[key] = parsed[key]
    return found

# a cell of an arm's "n" column: the patients analysed, alone or of those randomised ("21", "21/22", "21 of 22")
_ANALYSED = re.compile(r"\s*(?P<n>\d{1,6})\s*(?:(?:/|\bof\b)\s*(?P<of>\d{1,6}))?\s*", re.I)


def analysed_count(cell: str) -> int | None:
    """The number of patients an arm's "n" cell says a row is of: "21", "21/22" and "21 of 22" (21 analysed of the
    22 randomised) give 21; None for anything else, or a first number above the second."""
    m = _ANALYSED.fullmatch(cell or "")
    if m is None or m.group("of") is not None and int(m.group("n")) > int(m.group("of")):
        return None
    return int(m.group("n"))


def analysed_column(cells: list[str]) -> bool:
    """Whether an arm's column headed "n" holds each row's analysed of randomised ("22/22", "21/22", "20/22"): every
    filled cell such a fraction, none above its whole (then no count of events: a column of the row's sizes)."""
    filled = [c for c in cells if c and c.strip()]
    return bool(filled) and all(re.fullmatch(r"\s*\d{1,6}\s*(?:/|\bof\b)\s*\d{1,6}\s*", c, re.I) for c in filled) \
        and all(analysed_count(c) is not None for c in filled)


# a label naming the people of the trial with the count format of its cells: "N (%) of participants", "No. (%) of
# patients", "Number (%) of subjects randomised", "Participants, n (%)", "Patients included, No. (%)"
_PEOPLE = (r"(?:patients|participants|subjects|individuals|volunteers|persons|people)"
           r"(?:\s+(?:randomi[sz]ed|included|enrol(?:l)?ed|allocated|analy[sz]ed))?")
_COUNT_FORMAT = r"(?:n|no\.?|number)\s*[(\[]\s*%\s*[)\]]"
_SAMPLE_SPLIT_LABEL = re.compile(r"\s*(?:" + _COUNT_FORMAT + r"\s*(?:of\s+)?(?:the\s+)?" + _PEOPLE + "|"
                                 + _PEOPLE + r"\s*[,;:]?\s*" + _COUNT_FORMAT + r")\s*", re.I)


def sample_split_sizes(label: str, cells: dict[int, str]) -> dict[int, int]:
    """{column: n} when a row prints each arm's number of people with its share of the whole sample ("N (%) of
    participants | 46 (55) | 38 (45)"): the label names the trial's people with a count format, every arm cell is a
    count with its share, and the shares add up to the whole (100, within their rounding). Those are the arms'
    sizes, no proportion of any arm; else {} ("Women, n (%)" counts the women of each arm, whose shares add to no
    whole)."""
    if len(cells) < 2 or not _SAMPLE_SPLIT_LABEL.fullmatch(label or ""):
        return {}
    found = {col: _COUNT_AND_SHARE.fullmatch(text or "") for col, text in cells.items()}
    if not all(found.values()):
        return {}
    shares = [m.group("pct") for m in found.values()]
    rounding = sum(0.5 * 10 ** -len(p.partition(".")[2]) for p in shares)
    if abs(sum(float(p) for p in shares) - 100) > rounding + 0.1:
        return {}
    return {col: int(m.group("k")) for col, m in found.items()}


def counts_above(cells: list[str], n: int | None) -> bool:
    """Whether an arm column prints counts with their shares ("230 (59.1)") of more patients than `n`, the size the
    study model gives its arm, in two cells or more: that size is no denominator of the column (its shares' is)."""
    if not n:
        return False
    counts = [int(m.group("k")) for m in map(_COUNT_AND_SHARE.fullmatch, cells) if m is not None]
    return sum(1 for k in counts if k > n) >= 2


def exhaustive_sum(counts: list[tuple[int, str]]) -> int | None:
    """The number of patients the categories under one heading divide, from their (count, printed share) pairs: the
    counts' sum when every share is of it ("Home | 360 (48.3)", "Hospital | 58 (7.8)", ... adding up to 746, each
    share of 746), two categories at least; None otherwise (a multiple-response block whose counts add up to more
    than its patients, shares of another number)."""
    if len(counts) < 2:
        return None
    summed = sum(k for k, _ in counts)
    return summed if summed and all(share_agrees(k, summed, pct) for k, pct in counts) else None


def block_sizes(rows: list[dict[int, str]], sizes: dict[int, int | None] | None = None) -> dict[int, int]:
    """{column: n} for the rows under one heading ("Cord care" over "Unclean | 530 (71.5) | 246 (40.9)" and "Clean |
    211 (28.5) | 355 (59.1)"), each row's {arm column: cell text}: in a column where every row prints a count with its
    share and the counts exhaust the number their shares are of (`exhaustive_sum`: 741, 601), that number, the
    patients the heading's categories divide. Read so, "530 (71.5)" is 530 of 741, whatever the arm's size (893, of
    whom some did not answer), and never a mean of 530 with its SD. Where `sizes` gives the column's n, the block's
    number must be below it and some share must disagree with n (else the count stays of the arm's n, as the cells
    say; the same test as the table reader's categories of fewer patients)."""
    by_column: dict[int, list[tuple[int, str]]] = {}
    unread: set[int] = set()
    for cells in rows:
        for column, text in cells.items():
            m = _COUNT_AND_SHARE.fullmatch(text or "")
            if m is None:
                unread.add(column)
            else:
                by_column.setdefault(column, []).append((int(m.group("k")), m.group("pct")))
    found = {column: exhaustive_sum(pairs) for column, pairs in by_column.items() if column not in unread}
    known = sizes or {}

    def stands(column: int, n: int) -> bool:
        arm_n = known.get(column)
        return not arm_n or n < arm_n and not all(share_agrees(k, arm_n, pct) for k, pct in by_column[column])
    return {column: n for column, n in found.items() if n and stands(column, n)}


def fitting_size(events: int, pct_text: str, n: int | None, candidates) -> int | None:
    """The number a count's printed share is of, among `candidates`, where the share is not of the arm's `n`: the
    largest candidate not above `n` (and not below the count) the share agrees with at its rounding. The candidates
    are the sizes the table itself shows the arm's patients to be (the sums of its exhaustive category blocks: "758"
    when the categories of most characteristics add up to 758 in an arm the text sized 893 at enrolment); None when
    the share is of `n`, or of no candidate (the count then stays over `n`, as `_check_denominator` says)."""
    if not n or share_agrees(events, n, pct_text):
        return None
    fits = [size for size in set(candidates) if size and events <= size < n and share_agrees(events, size, pct_text)]
    return max(fits, default=None)


# --- observations a footnote declares missing ----------------------------------------------------------------------
# "** one missing observation in placebo group", "* two missing observations in acupuncture group; three missing
# observations in placebo group": a number missing from one arm, for the rows the footnote's mark follows
# observations in placebo group"; also "Two patients in the X group had bilateral tumours ... and are not included"
_MISSING_IN_ARM = re.compile(r"(?P<k>\d{1,3}|" + COUNT_WORD + r")\s+missing\s+(?:observations?|values?|data|answers?|"
                             r"responses?)\s+(?:in|from|for)\s+(?:the\s+)?(?P<arm>[^;.,()]{1,60}?)\s+(?:group|arm)\b"
                             r"|(?P<k2>\d{1,3}|" + COUNT_WORD + r")\s+(?:patients?|participants?|subjects?)\s+in\s+the\s+"
                             r"(?P<arm2>[^;.,()]{1,60}?)\s+(?:group|arm)\b[^.;]{0,120}?\b(?:not\s+included|excluded)\b", re.I)
# the footnote marks printed after a row's label and before its note: "*", "**", "†", "‡", "§", "¶", "#", "+"; a
# letter before the note's first word ("aTwo patients ...", "a Two patients ...")
_MARK = re.compile(r"[*\u2020\u2021\u00a7\u00b6#+\u00b0]+|(?<![A-Za-z])[a-z](?=\s?[A-Z])")
# "Missing values: crime 1, number of admissions 1, abuse 1, SWN 4": how many are missing of each characteristic,
# the arm not said
_MISSING_LIST = re.compile(r"\bmissing\s+(?:values?|data|observations?)\s*:\s*(?P<items>[^.]+)", re.I)
_MISSING_ITEM = re.compile(r"\s*(?:and\s+)?(?P<what>[A-Za-z][A-Za-z ,'/-]*?)\s+(?P<k>\d{1,3})\s*$")


def declared_missing(notes: str) -> list[tuple[str, frozenset, str, int]]:
    """The observations a table's footnotes declare missing, each (mark, words, arm, k): k missing of the `arm` the
    note names ("" when it names none), for the rows whose label ends with the `mark` ("** one missing observation
    in placebo group") or whose label holds every one of the `words` ("Missing values: crime 1, abuse 1")."""
    found: list[tuple[str, frozenset, str, int]] = []
    for m in _MISSING_IN_ARM.finditer(notes or ""):
        k = count_value((m.group("k") or m.group("k2")).lower())
        # (the mark is the last one printed before the statement: "* two missing ...; three missing ..." are both "*")
        marks = [x for x in _MARK.finditer(notes) if x.start() < m.start()]
        if k and marks:
            found.append((marks[-1].group(0), frozenset(), (m.group("arm") or m.group("arm2")).strip().lower(), k))
    for m in _MISSING_LIST.finditer(notes or ""):
        for item in m.group("items").split(","):
            said = _MISSING_ITEM.fullmatch(item)
            if said is not None and int(said.group("k")) > 0:
                words = frozenset(re.findall(r"[a-z]+", said.group("what").lower()))
                if words:
                    found.append(("", words, "", int(said.group("k"))))
    return found


def missing_of_row(declared: list[tuple[str, frozenset, str, int]], labels: list[str]) -> list[tuple[str, int]]:
    """(arm, k) of each declared missing number (`declared_missing`) that a row's labels (its own, its section's)
    take: by the mark ending a label ("Opiates**", "Steroid use:**"), or by the words a label holds ("Crime (%)" for
    "crime 1")."""
    out: list[tuple[str, int]] = []
    for mark, words, arm, k in declared:
        for label in labels:
            label = (label or "").strip()
            if mark and re.search(r"(?<![*\u2020\u2021\u00a7\u00b6#+\u00b0])" + re.escape(mark) + r"\s*:?\s*$", label) or \
                    words and words <= set(re.findall(r"[a-z]+", label.lower())):
                out.append((arm, k))
                break
    return out


def less_missing(parsed: dict, n: int | None, missing: list[tuple[str, int]], named: bool) -> None:
    """An arm's count whose row a footnote declares k observations missing of (`missing_of_row`): of n - k when the
    note names the arm (`named`) and the printed share does not contradict it ("0 (0%)", "9 (47%)" of 19), or when
    the share fits n - k and not n (the note names no arm: "10 (25.6)" of 39 beside an arm of 40). The count's
    total is set, flagged `total_from_percentage` when the share proved it."""
    events, pct_text = parsed.get("events"), parsed.get("pct_text")
    if parsed.get("measure") != "PROPORTION" or events is None or not n or parsed.get("total") not in (None, n):
        return
    for _, k in missing:
        size = n - k
        if size <= 0 or events > size:
            continue
        fits = pct_text is not None and share_agrees(events, size, pct_text)
        if fits and not share_agrees(events, n, pct_text) or named and (pct_text is None or fits):
            parsed["total"], parsed["value"] = size, events / size
            parsed["needs_review"] = f"{k} missing of the arm's {n}, as a footnote says"
            return
