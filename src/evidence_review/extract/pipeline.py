"""Stage 2's run over many documents (the package's docstring describes it; `evidence_review.extract` re-exports
its names): one document's steps (extract_one), the work items, the partitions on the scheduler, the tables."""
from __future__ import annotations

import json
import re
import traceback
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..parallel import check_scheduler, map_partitions
from ..progress import Progress
from ..tables import ARM_COLUMNS, COMPARATIVE_MEASURES, ESTIMATE_COLUMNS, conform, is_blank, is_readable, records
from .core import extract_document
from .declared_formats import plus_minus_convention
from .lexicon import find_condition
from .meaning import NOTE_COLUMN, assign_meaning, section_finder, with_first_measurement_roles, without_other_studies
from .restated import without_restatements
from .rules.differences import within_arm_changes
from .study import Study, build_study, with_model_arm_names
from .subgroups import with_column_subgroups
from .table_effects import in_a_figure_column, in_a_relative_difference_column, under_an_effect_heading
from .whole_sample import with_whole_sample_arms
from .table_reader import effect_label, names_effect, read_tables, without_bare_repeats, without_repeats
from .textscan import scan_view
from .timepoints import with_caption_times, with_column_times, with_document_times

EXTRA_COLUMNS = ["value_text", "unit", "finder", NOTE_COLUMN]

_INT_COLUMNS = ("events", "total", "n_intervention", "n_comparator", "start", "end")


class Extraction(NamedTuple):
    estimates: pd.DataFrame
    arms: pd.DataFrame
    documents: pd.DataFrame
    studies: dict      # doc_id -> Study (design, allocation, outcomes, timepoints, arms) of each extracted document


def failure_reason(exc: BaseException) -> str:
    """ "extraction failed: StopIteration in _arms": the exception and the function that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" in {frames[-1].name}" if frames else ""
    detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return f"extraction failed: {type(exc).__name__}{where}" + (f" ({detail})" if detail else "")


def extract_one(doc_id: str, text: str, source_file: str = "", condition: str = "",
                structure: dict | None = None, design: str = "") -> tuple[list[dict], Study | None, list[str]]:
    """One document: (estimate rows with their meaning, its study model or None, the failures of its steps).

    Steps: the study model, then the sentences (read with the model), then the table grids (rows a table
    reader read cell by cell replace the sentence reader's reading of the same lines), then what each number
    means (meaning.assign_meaning). A step that raises is recorded and the others still run."""
    errors: list[str] = []
    study: Study | None = None
    try:
        study = build_study(doc_id, text, structure)
    except Exception as exc:       # noqa: BLE001 - one document's failure must not stop the run
        errors.append(failure_reason(exc))
    sentence_rows: list[dict] = []
    sentence_errors: list[str] = []
    try:
        sentence_rows = extract_document(doc_id, text, source_file, condition, study=study, errors=sentence_errors,
                                         design=design)
    except Exception as exc:       # noqa: BLE001
        errors.append(failure_reason(exc))
    errors.extend(f"extraction failed: {e}" for e in sentence_errors)
    if study is not None:
        with_arm_sizes(sentence_rows, study)
    table_rows: list[dict] = []
    if study is not None and (structure or {}).get("tables"):
        try:
            table_condition = condition or find_condition(scan_view(text[:3000]))
            table_errors: list[str] = []
            table_rows, spans = read_tables(doc_id, text, structure, study, source_file=source_file,
                                            condition=table_condition, errors=table_errors)
            errors.extend(f"extraction failed: {e}" for e in table_errors)
            sentence_rows = [r for r in sentence_rows if not _inside(r, spans, text) or
                             _effect_on_unread_line(r, table_rows, text)
                             or under_an_effect_heading(r, text, names_effect, table_rows)]
            # an arm's figure with its interval in a table the reader left unread is no effect (table_effects)
            sentence_rows = [r for r in sentence_rows if r.get("finder") != "interval" or not in_a_figure_column(
                r, structure["tables"], text, names_effect)]
            # a relative change under a column of relative differences ("% difference between shoes") is no RRR
            sentence_rows = [r for r in sentence_rows if not in_a_relative_difference_column(r, structure["tables"], text)]
            if plus_minus_convention(scan_view(text)) == "SE":
                table_rows = [_plus_minus_as_se(r) for r in table_rows]
            sentence_rows = without_repeats(sentence_rows, table_rows)
            table_rows = without_bare_repeats(table_rows, sentence_rows)
        except Exception as exc:   # noqa: BLE001
            errors.append(failure_reason(exc))
            table_rows = []
    rows = sorted(sentence_rows + table_rows, key=lambda r: int(r["start"]))
    rows = with_model_arm_names(rows, study)       # "group b" of the arm "insulin": the arm's own name
    try:
        rows = assign_meaning(rows, text, sections=(structure or {}).get("sections"), study=study, design=design)
    except Exception as exc:       # noqa: BLE001
        errors.append(failure_reason(exc))
    rows = without_other_studies(rows, design)      # a primary report's citations of other studies: no rows
    # a "difference" against the same arm's baseline is that arm's change, not an estimate between arms
    rows = within_arm_changes(rows, controlled=study is not None and {"experimental", "control"} <= {
        str(getattr(arm, "role", "")) for arm in study.arms})
    try:
        # a figure under a column block naming part of the population ("Men | Women", age bands): its subgroup
        rows = with_column_subgroups(rows, structure, study)
        # (a figure of no arm in a table naming no arm of a comparative study: the whole sample's, whole_sample.py)
        rows = with_whole_sample_arms(rows, structure, study)
        # a time the caption names with its reference, and a bare time the document states with one ("1 month" of a
        # table whose methods say "one and six months after the last dose")
        rows = with_document_times(with_caption_times(with_column_times(rows, structure), structure), text,
                                   section_finder(text, (structure or {}).get("sections")), structure)
        # (an arm's value at a time those passes named the trial's first measurement is a baseline row)
        rows = with_first_measurement_roles(rows)
    except Exception as exc:       # noqa: BLE001
        errors.append(failure_reason(exc))
    try:
        # the abstract's, highlights' and discussion's copies of a result printed in the results: labelled once
        rows = without_restatements(rows, section_finder(text, (structure or {}).get("sections")))
    except Exception as exc:       # noqa: BLE001
        errors.append(failure_reason(exc))
    return rows, study, errors


def with_arm_sizes(rows: list[dict], study: Study) -> list[dict]:
    """Arm sizes the sentence did not give, from the study model (its arms resolve the row's arm names)."""
    resolved: dict[str, object] = {}    # each name resolved once: a document's rows name the same few arms
    for row in rows:
        for arm_column, size_column in (("intervention", "n_intervention"), ("comparator", "n_comparator")):
            if not is_blank(row.get(size_column)) or is_blank(row.get(arm_column)):
                continue
            name = str(row[arm_column])
            arm = resolved[name] if name in resolved else resolved.setdefault(name, study.resolve(name))
            if arm is not None and arm.n is not None:
                row[size_column] = arm.n
    return rows


def _plus_minus_as_se(row: dict) -> dict:
    """A table's "mean ± x" cell in a document whose methods say "mean ± SE": x is the SE, and the SD is derived
    from it (SD = SE x sqrt(n), flagged sd_from_se) as the sentence rules do."""
    if str(row.get("measure")) != "MEAN" or is_blank(row.get("sd")) or not is_blank(row.get("se")) \
            or "\u00b1" not in str(row.get("value_text") or row.get("evidence") or ""):
        return row
    row = dict(row, se=row["sd"], sd=None)
    n = row.get("total")
    if not is_blank(n) and float(n) > 0:
        row["sd"] = round(float(row["se"]) * float(n) ** 0.5, 10)
        row["flags"] = ";".join(f for f in (str(row.get("flags") or ""), "sd_from_se") if f)
    return row


def _inside(row: dict, spans: list[tuple[int, int]], text: str) -> bool:
    """A sentence row read from a table line the table reader has read cell by cell."""
    start, end = int(row["start"]), int(row["end"])
    for t0, t1 in spans:
        if t0 <= start and end <= t1:
            return True
        if start < t1 and t0 < end and "|" in text[max(start, t0):min(end, t1)]:
            return True
    return False


def _effect_on_unread_line(row: dict, table_rows: list[dict], text: str) -> bool:
    """A sentence reader's effect read from a table row labelled as an effect, of which the table reader read nothing
    ("| | Odds ratio (95% CI) | 0.52 (0.17-1.61) | |" beside columns it did not take for arms): kept, as it would be were
    the table unread. The row's value is looked for on the lines of its span (a table read as one sentence)."""
    printed = str(row.get("value_text") or "")
    if row.get("measure") not in COMPARATIVE_MEASURES or not printed:
        return False
    start, end = int(row["start"]), int(row["end"])
    for found in re.finditer(r"(?<![\w.])" + re.escape(printed) + r"(?![\w.]|\d)", text[start:end]):
        at = start + found.start()
        line_start, line_end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        if any(effect_label(cell.strip()) for cell in text[line_start:line_end].split("|")[:3]) and \
                not any(int(t["start"]) < line_end and line_start < int(t["end"]) for t in table_rows):
            return True
    return False


#: The documents.csv columns work items are made of (is_readable reads status and duplicate_of).
_WORK_ITEM_COLUMNS = ("doc_id", "status", "duplicate_of", "condition", "source_file", "design")

#: One document's extraction input: (doc_id, text, source_file, condition, structure or None, design).
WorkItem = tuple[str, str, str, str, "dict | None", str]


def work_items(documents: pd.DataFrame, texts: dict[str, str], structures: dict[str, dict] | None = None,
               ) -> list[WorkItem]:
    """The documents to extract, in the documents table's order: status ok, not a duplicate, with a text."""
    structures = structures or {}
    items: list[WorkItem] = []
    # only the columns read here: records of all of documents.csv's columns cost ~0.5 s at 10,000 documents
    wanted = [c for c in documents.columns if c in _WORK_ITEM_COLUMNS]
    for doc in records(documents[wanted]):
        if not is_readable(doc):
            continue
        doc_id = str(doc["doc_id"])
        text = texts.get(doc_id)
        if not text:
            continue
        condition = "" if is_blank(doc.get("condition")) else str(doc["condition"])
        source = "" if is_blank(doc.get("source_file")) else str(doc["source_file"])
        design = "" if is_blank(doc.get("design")) else str(doc["design"])
        structure = structures.get(doc_id)
        items.append((doc_id, text, source, condition, structure if isinstance(structure, dict) else None, design))
    return items


def extract_partition(items: list[WorkItem]) -> list[tuple[str, list[dict], Study | None, list[str]]]:
    """(doc_id, rows, study, failures) per document of one partition (module-level: it pickles to workers)."""
    out = []
    for doc_id, text, source, condition, structure, design in items:
        found, study, failed = extract_one(doc_id, text, source, condition, structure, design)
        out.append((doc_id, found, study, failed))
    return out


def extract_study_tables(documents: pd.DataFrame, texts: dict[str, str],
                         structures: dict[str, dict] | None = None, scheduler: str = "",
                         partitions: int | None = None) -> Extraction:
    """See the module's docstring. `scheduler`: where documents are extracted (`evidence_review.parallel`;
    "" = automatic); `partitions` fixes the number of partitions. The result is the same whatever either is:
    each document is extracted on its own and the results are gathered in the documents table's order."""
    check_scheduler(scheduler)
    items = work_items(documents, texts, structures)
    with Progress(len(items), "documents extracted") as progress:
        results = map_partitions(extract_partition, items, scheduler=scheduler, partitions=partitions,
                                 progress=progress)
    rows: list[dict] = []
    arm_rows: list[dict] = []
    errors: dict[str, str] = {}
    studies: dict[str, Study] = {}
    for doc_id, found, study, failed in results:
        rows.extend(found)
        if study is not None:
            arm_rows.extend(study.arm_rows())
            studies[doc_id] = study
        if failed:
            errors[doc_id] = "; ".join(failed)
    return Extraction(_estimates_table(rows), arms_table(arm_rows), with_extract_errors(documents, errors), studies)


def studies_table(studies: dict) -> pd.DataFrame:
    """One row per document's study model: design, allocation ratio, crossover, arms, outcomes and timepoints as
    the document names them (for reading; not a contract table)."""
    rows = [{"doc_id": doc_id, "design": s.design, "allocation": s.allocation, "crossover": s.crossover,
             "arms": "; ".join(f"{a.canonical} ({a.role}{', n=' + str(a.n) if a.n is not None else ''})" for a in s.arms),
             "outcomes": "; ".join(s.outcomes), "timepoints": "; ".join(s.timepoints[:6])}
            for doc_id, s in sorted(studies.items())]
    return pd.DataFrame(rows, columns=["doc_id", "design", "allocation", "crossover", "arms", "outcomes", "timepoints"])


def extract_estimates(documents: pd.DataFrame, texts: dict[str, str],
                      structures: dict[str, dict] | None = None, scheduler: str = "") -> pd.DataFrame:
    return extract_study_tables(documents, texts, structures, scheduler=scheduler).estimates


def _estimates_table(rows: list[dict]) -> pd.DataFrame:
    columns = ESTIMATE_COLUMNS + EXTRA_COLUMNS
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    for col in _INT_COLUMNS:
        table[col] = table[col].astype("Int64")
    return conform(table, ESTIMATE_COLUMNS)[columns]


def arms_table(arm_rows: list[dict]) -> pd.DataFrame:
    """ARM_COLUMNS, sorted by document and arm number (arm2 before arm10)."""
    if not arm_rows:
        return pd.DataFrame({c: pd.Series(dtype="Int64" if c in ("n", "start", "end") else "object")
                             for c in ARM_COLUMNS})
    table = pd.DataFrame(arm_rows, columns=ARM_COLUMNS)
    for col in ("n", "start", "end"):
        table[col] = table[col].astype("Int64")
    order = table["arm_id"].str.extract(r"(\d+)$", expand=False).astype(int)
    return (table.assign(_order=order).sort_values(["doc_id", "_order"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def with_extract_errors(documents: pd.DataFrame, errors: dict[str, str]) -> pd.DataFrame:
    """The documents table with `extract_error` set for the documents whose extraction failed (and emptied
    for the others: an error of an earlier run does not survive a successful one)."""
    out = documents.copy()
    ids = out["doc_id"].astype(str) if "doc_id" in out.columns else pd.Series([], dtype=str)
    out["extract_error"] = [errors.get(d, "") for d in ids]
    return out


def load_structures(processed_dir) -> dict[str, dict]:
    """Sections and table grids per document from stage 1: ingestion's own loader when it has one, else the
    optional `sections`/`tables` keys of texts.jsonl. A malformed record counts as no structure."""
    try:
        from ..ingest.store import load_structures as ingest_loader   # noqa: PLC0415
    except ImportError:
        ingest_loader = None
    if ingest_loader is not None:
        return ingest_loader(processed_dir)
    return structures_from_texts_jsonl(Path(processed_dir) / "texts.jsonl")


def structures_from_texts_jsonl(path: Path) -> dict[str, dict]:
    """The optional `sections`/`tables` keys of each texts.jsonl record (records without both are left out)."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if not isinstance(rec, dict) or "doc_id" not in rec:
                continue
            sections, tables = rec.get("sections"), rec.get("tables")
            if isinstance(sections, list) or isinstance(tables, list):
                out[str(rec["doc_id"])] = {"sections": sections if isinstance(sections, list) else [],
                                           "tables": tables if isinstance(tables, list) else []}
    return out
