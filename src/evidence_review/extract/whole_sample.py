"""The size of the whole sample a table of no arm describes, however its column or caption says it.

A table with one column of figures and no arm is either the whole sample's ("Characteristics of the participants |
n = 120") or one arm's ("Adverse events in the X group": its caption names the arm, see `table_reader._caption_arm`).
The whole sample's size is read from:
- the column's header, when it is a size alone or the people it counts with their size: "n = 120", "(N = 120)",
  "Patients (n = 120)", "Study participants, N = 120", "Sample (n=120)";
- the caption, when it names the people of the table with their size and no qualifier that makes them a subset:
  "Baseline characteristics of the patients (n = 120)" (not "... of the patients with diabetes (n = 30)");
- else the study model: the sum of its arms' sizes, when every arm's size is known, the column's header says only
  what its cells are or that they are everyone's ("Value", "n (%)", "Overall", "All", "Total"), the caption names no
  subset ("of patients with X", "in the X group", "receiving X"), and every count the column prints with its share
  ("70 (58.3)") is that share of this size (a subset's or one arm's counts are not);
- a row that counts the people of the table ("Number of patients | 41", "Total participants, n | 41").
Its counts may stand in two columns, the count and its share ("Male | 16 | 39.0" under "n | %"): `counts_with_shares`
reads them as the one column "16 (39.0)".

The whole and its parts, in a table with a whole column beside the arms' ("Entire cohort | NS | BES", "Total"): the
whole's bare figure says what the arms' bare figures are (`pooled_figures`: within theirs, their means; their sum,
their counts); a factorial trial analysed factor by factor prints each factor's two margins beside the whole
("Daytrip | No Daytrip | Total"): they are that factor's arms (`factor_margins`); a "Total <people>" row gives the
arms' sizes (`TOTAL_PEOPLE_LABEL`). A crossover's one-column table is its whole sample's, sized by the cell counting
both sexes when nothing else sizes it (`sex_pair_in_words`).
"""
from __future__ import annotations

import re

from ..tables import ONE_ARM_MEASURES
from .cell_reading import share_agrees

_PEOPLE = (r"(?:patients|participants|subjects|individuals|persons|people|women|men|children|infants|adults|cases|"
           r"volunteers|respondents|sample|cohort|population|enrollees)")
_SIZE = r"[(\[]?\s*[nN]\s*[=:]\s*(?P<n>\d[\d,]{0,6})\s*[)\]]?"
# the whole sample counted in a row: "Total patients", "Total cases", "Total no. of subjects, n" (the arms' sizes)
TOTAL_PEOPLE_LABEL = re.compile(r"\s*total\s+(?:(?:number|no\.?)\s+of\s+)?" + _PEOPLE + r"\s*(?:,?\s*[(\[]?\s*n\s*[)\]]?)?\s*",
                                re.I)
# a header that is a size alone, or the people counted with their size
_SIZE_HEADER = re.compile(r"\s*(?:(?:(?:all|the|study|total|enrol(?:l)?ed|randomi[sz]ed|included|eligible)\s+)*" + _PEOPLE
                          + r"\s*,?\s*)?" + _SIZE + r"\s*", re.I)
# a caption naming the table's people with their size, nothing after the people word but the size
_SIZE_CAPTION = re.compile(r"\b(?:of|in|for|among)\s+(?:(?:all|the|study|enrol(?:l)?ed|randomi[sz]ed|included|eligible)\s+)*"
                           + _PEOPLE + r"\s*,?\s*" + _SIZE + r"\s*\.?\s*$", re.I)
# a header that says only what the cells are, or that they are everyone's
_PLAIN_HEADER = re.compile(r"\s*(?:values?|results?|data|figures?|statistics?|n\s*\(\s*%\s*\)|no\.?\s*\(\s*%\s*\)|"
                           r"number\s*\(\s*%\s*\)|n|%|frequency(?:\s*\(\s*%\s*\))?|overall|total|all|"
                           r"mean\s*(?:\(\s*SD\s*\)|±\s*(?:1\s+)?(?:SD|standard\s+deviation)(?:\s*\(\s*SD\s*\))?)|"
                           r"(?:all\s+)?" + _PEOPLE + r")\s*", re.I)


def _number(m: re.Match) -> int:
    return int(m.group("n").replace(",", ""))


# a caption naming a subset of the sample, or one arm: "patients with X", "those who ...", "in the X group", "receiving X"
_SUBSET_CAPTION = re.compile(r"(?i)\b(?:with|without|who|whose|that|receiving|received|treated|given|allocated|assigned|"
                             r"randomi[sz]ed\s+to|group|arm|subgroup|subset|only|excluded|withdrawn|lost)\b")
_COUNT_SHARE = re.compile(r"\s*(?P<count>\d{1,6})\s*[(\[]\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s*%?\s*[)\]]\s*")


def whole_sample_size(caption: str, header: str, arm_sizes: list[int | None], cells: list[str] = (),
                      crossover: bool = False) -> int | None:
    """The whole sample's size for a table of one value column headed `header` under `caption`, in a study whose arms
    have `arm_sizes`, the column's cells being `cells`; None when neither says it (see the module's docstring). In a
    crossover (every participant had each arm: the table is of all of them) a plain header's column is also sized by
    its cell counting both sexes ("10 males; 5 females": 15)."""
    m = _SIZE_HEADER.fullmatch(header or "")
    if m is not None:
        return _number(m)
    m = _SIZE_CAPTION.search(caption or "")
    if m is not None:
        return _number(m)
    if crossover and (not header or _PLAIN_HEADER.fullmatch(header)) and not _SUBSET_CAPTION.search(caption or ""):
        sexes = [pair for pair in (sex_pair_in_words(c) for c in cells) if pair is not None]
        if len(sexes) == 1:
            return sum(sexes[0][1:])
    if header and not _PLAIN_HEADER.fullmatch(header) or len(arm_sizes) < 2 or not all(arm_sizes) \
            or _SUBSET_CAPTION.search(caption or ""):
        return None
    size = sum(arm_sizes)
    shares = [m for m in (_COUNT_SHARE.fullmatch(c or "") for c in cells) if m is not None]
    if not shares or not all(share_agrees(int(m.group("count")), size, m.group("pct")) for m in shares):
        return None
    return size


ARM_LEVEL = ONE_ARM_MEASURES
WHOLE_SAMPLE = "all patients"


def _naming(study):
    """A test of a header or label text: whether it names an arm of the study (by `Study.resolve_column`, or every
    word of it held by one arm's name: "Without incising X" of "surgery without incising X")."""
    from .table_layout import arm_by_words
    names = [a.name for a in study.arms]
    return lambda t: bool(t) and (study.resolve_column(t) is not None or arm_by_words(t, names) is not None)


def with_whole_sample_arms(rows: list[dict], structure: dict | None, study) -> list[dict]:
    """Arm-level figures (one arm's measures, `tables.ONE_ARM_MEASURES`) read with no arm from a table of a
    comparative study whose caption and column headers name no arm, on a row whose labels name none either (a table
    of the whole sample, split by age bands, strata or times) are the whole sample's, "all patients"; the rows'
    subgroups stay as read."""
    from .study import column_headers
    from .subgroups import placed_rows
    from .table_reader import caption_arm
    tables = (structure or {}).get("tables") or []
    if study is None or len(study.arms) < 2 or not tables or not rows:
        return rows
    names_arm = _naming(study)
    for table in tables:
        armless = [(row, line) for row, line, _ in placed_rows(rows, table)
                   if str(row.get("measure")) in ARM_LEVEL and not str(row.get("intervention") or "").strip()]
        if not armless or caption_arm(str(table.get("caption") or ""), study) is not None \
                or any(names_arm(h) for _, h, _, _ in column_headers(table)):
            continue
        labels: dict[int, list[str]] = {}
        for c in table.get("cells") or []:
            if not re.search(r"\d", str(c.get("text") or "")):
                labels.setdefault(int(c["row"]), []).append(str(c.get("text") or "").strip())
        for row, line in armless:
            if not any(names_arm(t) for t in labels.get(line, [])):
                row["intervention"] = WHOLE_SAMPLE
    return rows


# a column of counts and the column of their shares beside it: "n | %", "No. | (%)", "Number | Percent"
_COUNT_HEADER = re.compile(r"\s*(?:n|no\.?|number|count|frequency|cases)\s*", re.I)
_SHARE_HEADER = re.compile(r"\s*(?:%|\(\s*%\s*\)|percent(?:age)?|per\s*cent)\s*", re.I)
_SHARE_CELL = re.compile(r"\s*(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*%?\s*")


def counts_with_shares(by_row: dict, headers: dict[int, str], value_columns: list[int]) -> tuple[dict, int] | None:
    """(the rows with each count and its share joined into one cell "16 (39.0)", the count column) when the table's two
    value columns are a count column and its share column; None otherwise."""
    if len(value_columns) != 2:
        return None
    count_col, share_col = value_columns
    if not (_COUNT_HEADER.fullmatch(headers.get(count_col) or "") and _SHARE_HEADER.fullmatch(headers.get(share_col) or "")):
        return None
    joined = {}
    for r, row in by_row.items():
        row = dict(row)
        count, share = row.get(count_col), row.get(share_col)
        share_text = str(share.get("text") or "").strip() if share else ""
        if count and share_text:
            m = _SHARE_CELL.fullmatch(share_text)
            if m is None:
                return None     # a share column holding other figures: no column of shares
            row[count_col] = dict(count, text=f"{str(count.get('text') or '').strip()} ({m.group('pct')})")
        row.pop(share_col, None)
        joined[r] = row
    return joined, count_col


# "Number of patients", "Total participants, n", "N", "Sample size": a row counting the people of the table (a "Total"
# row, the sum of the counts, is the table reader's own)
_SIZE_ROW = re.compile(r"\s*(?:(?:total\s+)?(?:number\s+of\s+)?(?:all\s+)?" + _PEOPLE + r"|n|sample\s+size)\s*"
                       r"(?:,?\s*(?:n|no\.?)|\(\s*n\s*\))?\s*:?\s*", re.I)


def size_row(label: str, figure: str) -> int | None:
    """The table's size when a row counts its people with a bare number ("Number of patients | 41"), else None."""
    if not _SIZE_ROW.fullmatch(label or ""):
        return None
    m = re.fullmatch(r"\s*(\d[\d,]{0,6})\s*(?:\(\s*100(?:\.0+)?\s*%?\s*\))?\s*", figure or "")
    return int(m.group(1).replace(",", "")) if m else None


# a row label saying its figures are shares: "(% yes)", "Female, %", "Percent smokers", "Proportion treated" (not a
# rate: "Heart rate" is measured)
_SHARE_LABEL = re.compile(r"(?i)%|\bper\s*cent|\bpercent(?:age)?s?\b|\bproportions?\b")
# a bare figure: "57.8", "-0.4", "1,250"
_BARE_FIGURE = re.compile(r"\s*[-\u2212]?\d[\d,]*(?:\.\d+)?\s*")


def _bare_value(text: str) -> float | None:
    if not text or not _BARE_FIGURE.fullmatch(text):
        return None
    return float(text.strip().replace("\u2212", "-").replace(",", ""))


def pooled_figures(values: dict[int, str], part_columns: list[int], whole_columns: list[int], label: str = "") -> str:
    """What a row's bare figures are, told by the whole sample's cell beside its parts' cells (the arms'): "mean" when
    the whole's figure lies within the parts' and is not their sum, as a pooled mean is a weighted average of the
    arms' means ("Age | 57.8 | 57.9 | 57.8", "Pack-years | 17.3 | 16.4 | 19.7"); "count" when it is their sum, as
    a count of everyone is the arms' counts together ("Smokers | 12 | 5 | 7"); "" when the row says neither (a cell
    that is not a bare figure, one whole column but no two parts, a whole outside its parts) or its label says its
    figures are shares ("Has a partner (% yes) | 63 | 60 | 66.7": a pooled share lies within the arms' too)."""
    if len(whole_columns) != 1 or len(part_columns) < 2 or _SHARE_LABEL.search(label or ""):
        return ""
    whole = _bare_value(values.get(whole_columns[0], ""))
    parts = [_bare_value(values.get(c, "")) for c in part_columns]
    if whole is None or any(p is None for p in parts):
        return ""
    if abs(sum(parts) - whole) < 1e-9:
        return "count"
    return "mean" if min(parts) <= whole <= max(parts) else ""


# the level of a factor that is its absence: "No Daytrip", "Without music", "Non-smokers" beside "Daytrip", "Music"
_ABSENT_LEVEL = re.compile(r"(?i)\s*(?:no|not|non-?|without)\s*(?P<level>\S.*?)\s*")
_FACTORIAL = re.compile(r"(?i)\bfactorial\b")


def _bare_header(header: str) -> str:
    """A header without its size ("Daytrip (n = 384)"): its words in lower case, spaced once."""
    return re.sub(r"\s+", " ", re.sub(r"[(\[]?\s*[nN]\s*[=:]\s*\d[\d,]*\s*[)\]]?", " ", header or "")).strip().lower()


def factor_margins(headers: dict[int, str], arm_columns, whole_columns, text: str, names_arm) -> dict[int, tuple[str, str]]:
    """The columns that are a factor's two margins beside the whole sample's column: "Daytrip | No Daytrip | Total",
    "Gift voucher (n = 389) | No gift voucher (n = 382) | Total" of a factorial trial analysed factor by factor, each
    margin the arm of its factor ({column: (name as printed, role)}; "No X" the control). Only beside a whole column,
    in a report that says its design is factorial or where the study model names the factor's level as an arm (a
    table of "Smokers | Non-smokers | Total" in another trial splits the sample by a trait, not by what it was given);
    a column already the study's arm keeps it."""
    if not whole_columns or not (_FACTORIAL.search(text or "") or any(names_arm(h) for h in headers.values())):
        return {}
    found: dict[int, tuple[str, str]] = {}
    bare = {col: _bare_header(h) for col, h in headers.items() if col and col not in whole_columns}
    for absent_col, absent in bare.items():
        m = _ABSENT_LEVEL.fullmatch(absent)
        if m is None or absent_col in arm_columns:
            continue
        present = [col for col, h in bare.items() if col != absent_col and h == m.group("level")]
        if len(present) != 1 or not (_FACTORIAL.search(text or "") or names_arm(headers[present[0]])):
            continue
        found[absent_col] = (headers[absent_col].strip(), "control")
        if present[0] not in arm_columns:
            found[present[0]] = (headers[present[0]].strip(), "experimental")
    return found


def factor_level_columns(paths: dict[int, tuple[str, ...]], taken, text: str, names_a_column, tests) -> dict[int, tuple[str, str]]:
    """The columns of a factorial trial's header that name the levels of its factors, {column: (arm name, role)}:
    - each factor over its levels ("Normative Feedback | Cognitive Bias Re-training" each over "Enh | Min"), two
      factors at least spanning the same levels in the same order (full stops aside: "Enh." and "Enh"): every column
      the arm of one level of one factor ("Enh Normative Feedback");
    - the levels before their test ("Enhanced | Minimal | F | P", also under each outcome: "Helpfulness" over "Enh |
      Min | F | P"), the rows naming the factors: every column the arm of its level ("Enhanced").
    Only in a report that says its design is factorial; the levels two at least, each printed once in its group, one
    of them at least a name (`names_a_column`: "Min" beside "Enh" is the minimal version, "Min | Max" alone are
    statistics); a test's column (`tests`: a p, a Bayes factor, and the statistic's letter right before it, "F", "t")
    is no level; a column already read (`taken`: an arm, a whole sample's) keeps its reading."""
    if not _FACTORIAL.search(text or ""):
        return {}
    runs: list[tuple[tuple[str, ...], list[int]]] = []
    for col, parts in sorted(paths.items()):
        if not col or not parts or not all((p or "").strip() for p in parts):
            continue
        upper = tuple(p.strip() for p in parts[:-1])
        if runs and runs[-1][0] == upper and runs[-1][1][-1] == col - 1:
            runs[-1][1].append(col)
        else:
            runs.append((upper, [col]))

    def level(col: int) -> str:
        return _bare_header(paths[col][-1]).rstrip(".")

    factors: list[tuple[str, list[int]]] = []
    tested: list[list[int]] = []
    for upper, cols in runs:
        leaves = [paths[c][-1].strip() for c in cols]
        test_at = [i for i, leaf in enumerate(leaves) if tests(leaf)
                   or _STATISTIC_LETTER.fullmatch(leaf) and i + 1 < len(leaves) and tests(leaves[i + 1])]
        levels = cols[:test_at[0]] if test_at else cols
        if test_at and test_at != list(range(test_at[0], len(cols))):
            continue        # (a level after a test: no run of levels then their test)
        if len(levels) < 2 or len({level(c) for c in levels}) != len(levels) or any(c in taken for c in levels) or \
                not any(names_a_column(paths[c][-1]) for c in levels):
            continue
        if test_at:
            tested.append(levels)
        elif len(upper) == 1 and names_a_column(upper[0]):
            factors.append((upper[0], levels))
    counted: dict[tuple[str, ...], int] = {}
    for _, cols in factors:
        shape = tuple(level(c) for c in cols)
        counted[shape] = counted.get(shape, 0) + 1
    found: dict[int, tuple[str, str]] = {}
    for factor, cols in factors:
        if counted[tuple(level(c) for c in cols)] >= 2:
            found.update({c: (f"{paths[c][-1].strip().rstrip('.')} {factor}", "experimental") for c in cols})
    for cols in tested:
        found.update({c: (paths[c][-1].strip().rstrip("."), "experimental") for c in cols})
    return found


# the letter of a test's statistic, printed in its own column before the test's p ("F | P", "t | p", "z | P value")
_STATISTIC_LETTER = re.compile(r"\s*[FtzUHWX]\s*")


# both sexes counted in words in one cell: "10 males; 5 females", "12 women and 8 men", "14 M, 6 F"
_MALE = r"(?:males?|men|boys|M)"
_FEMALE = r"(?:females?|women|girls|F)"
_SEX_PAIR_WORDS = re.compile(r"\s*(?P<n1>\d{1,5})\s*(?P<s1>" + _MALE + "|" + _FEMALE + r")\s*(?:[;,/]\s*|\s+and\s+)(?P<n2>\d{1,5})\s*"
                             r"(?P<s2>" + _MALE + "|" + _FEMALE + r")\s*\.?\s*")


def sex_pair_in_words(cell: str) -> tuple[str, int, int] | None:
    """("male" or "female", its count, the other sex's count) of a cell counting both sexes in words, the first sex
    printed first: "10 males; 5 females" is ("male", 10, 5); None for any other cell (two counts of one sex)."""
    m = _SEX_PAIR_WORDS.fullmatch(cell or "")
    if m is None:
        return None
    first_male = re.fullmatch(_MALE, m.group("s1")) is not None
    if first_male == (re.fullmatch(_MALE, m.group("s2")) is not None):
        return None
    return ("male" if first_male else "female"), int(m.group("n1")), int(m.group("n2"))
