"""One estimate printed several times in a document's prose (abstract, highlights, results, discussion) is one
estimate: the copies go, the results' printing with the most labels stays.

Two prose rows are one estimate when they come from different sentences and agree on document, measure, value,
interval, counts, spread and arms (intervention and comparator); arm-level rows (PROPORTION, MEAN, MEDIAN) and
effects printed without an interval must also not name different outcomes, because two outcomes of one arm can
share a bare value ("headache ... 16%" and, elsewhere, "nausea ... 16%"). Table rows are never merged here: a
table prints many outcomes with the same cells, and the table reader's rows already replace the prose copies of
the lines it read (extract.without_repeats).
"""
from __future__ import annotations

from ..tables import ARM_LEVEL_MEASURES, DESCRIPTIVE_MEASURES, is_blank

_KEY_COLUMNS = ("measure", "value", "ci_low", "ci_high", "events", "total", "sd", "se", "q1", "q3",
                "intervention", "comparator")
# what a printing carries besides its key: the copy that carries most of these is kept
_LABEL_COLUMNS = ("p_value", "p_text", "outcome", "timepoint", "ci_level", "subgroup")


def _cell(value):
    if is_blank(value):
        return None
    if isinstance(value, float):
        return round(value, 6)
    return str(value).strip().lower() if isinstance(value, str) else value


def _key(row: dict) -> tuple:
    # the two arms as a pair without order: one number printed twice for the same two arms is one estimate even
    # when one printing names them the other way round ("the difference between B and A of 0.08", "by 0.08 versus B")
    arms = tuple(sorted(str(_cell(row.get(c)) or "") for c in ("intervention", "comparator")))
    return tuple(_cell(row.get(c)) for c in _KEY_COLUMNS if c not in ("intervention", "comparator")) + arms


def _same_outcome(a: dict, b: dict) -> bool:
    oa, ob = _cell(a.get("outcome")), _cell(b.get("outcome"))
    return oa is None or ob is None or oa == ob


def _needs_outcome(row: dict) -> bool:
    if str(row.get("intervention") or "") == "all patients" and str(row.get("measure")) in DESCRIPTIVE_MEASURES \
            and any(not is_blank(row.get(c)) for c in ("sd", "se", "q1", "q3")):
        return False    # a whole-sample summary with its spread ("54.2 ± 6.1") is one figure however each printing names it
    return str(row.get("measure")) in ARM_LEVEL_MEASURES or (is_blank(row.get("ci_low")) and is_blank(row.get("ci_high")))


def _rank(row: dict, section: str) -> tuple:
    """Higher is better: the results' printing first, then the one with the most labels."""
    return (section == "results", sum(not is_blank(row.get(c)) for c in _LABEL_COLUMNS))


def without_restatements(rows: list[dict], section_of=None) -> list[dict]:
    """`rows` without the prose copies of an estimate printed more than once (order kept). `section_of(row)`
    names the section a row was printed in ("results", "discussion", ...; "" when unknown)."""
    section_of = section_of or (lambda row: "")
    groups: dict[tuple, list[list[int]]] = {}
    for i, row in enumerate(rows):
        if str(row.get("finder") or "") == "table" or is_blank(row.get("value")):
            continue
        clusters = groups.setdefault(_key(row), [])
        for cluster in clusters:
            first = rows[cluster[0]]
            if any(str(rows[j].get("evidence")) == str(row.get("evidence")) and rows[j].get("start") == row.get("start")
                   for j in cluster):
                continue        # one sentence printing a value twice names two things (two outcomes, two strata);
                                # the same sentence printed again (abstract and results word for word) is a copy
            if _needs_outcome(row) and not all(_same_outcome(rows[j], row) for j in cluster):
                continue
            if str(first.get("role") or "") != str(row.get("role") or "") and "baseline" in (
                    str(first.get("role") or ""), str(row.get("role") or "")):
                continue        # a trait at baseline and an outcome are two numbers, however alike
            cluster.append(i)
            break
        else:
            clusters.append([i])
    dropped: set[int] = set()
    for clusters in groups.values():
        for cluster in clusters:
            if len(cluster) < 2:
                continue
            keep = max(cluster, key=lambda j: (_rank(rows[j], section_of(rows[j])), -j))
            dropped.update(j for j in cluster if j != keep)
    dropped |= _effects_printed_again(rows, section_of, dropped)
    return [row for i, row in enumerate(rows) if i not in dropped]


def _effect_key(row: dict) -> tuple:
    return tuple(_cell(row.get(c)) for c in ("measure", "value", "ci_low", "ci_high"))


def _effects_printed_again(rows: list[dict], section_of, dropped: set[int]) -> set[int]:
    """Prose copies of an effect whose arms the two printings name differently (or one names none):
    - a sentence's effect without interval that a table prints with the same measure and value, its interval too
      ("the odds ratio of 2.37 ..." beside the table's row "2.37 | 0.94 - 7.52"): the table's row is the estimate;
    - the abstract's printing of an effect the results print with the same measure, value and interval (the
      abstract's "(d = 0.63)" of the results' "(..., Cohen's d = 0.63)"): the results' printing is the estimate."""
    effects = [(i, row) for i, row in enumerate(rows) if i not in dropped and not is_blank(row.get("value"))
               and str(row.get("measure")) not in ARM_LEVEL_MEASURES]
    table_values = {_effect_key(row)[:2] for _, row in effects if str(row.get("finder") or "") == "table"
                    and not is_blank(row.get("ci_low"))}
    in_results = {_effect_key(row) for _, row in effects if str(row.get("finder") or "") != "table"
                  and section_of(row) == "results"}
    out: set[int] = set()
    for i, row in effects:
        if str(row.get("finder") or "") == "table":
            continue
        no_interval = is_blank(row.get("ci_low")) and is_blank(row.get("ci_high"))
        if no_interval and _effect_key(row)[:2] in table_values:
            out.add(i)
        elif section_of(row) == "abstract" and _effect_key(row) in in_results:
            out.add(i)
    return out
