"""Checking the extracted numbers: the review queue and the decision store behind `notebooks/05_review.ipynb`.

The store writes the reviewer's decisions into `data/curation/` at once, one action at a time, so that closing
the browser loses nothing; rerunning the pipeline applies them (`curation.py` reads the same files).

Files (UTF-8 CSV, one header row; every file is append-only — a later line about the same thing wins, earlier
lines stay as the history, each with its time and reviewer):

- `decisions.csv`: estimate_id, decision (accept | reject | correct), corrected_fields, reviewer, note, time.
  The format `curation.read_decisions` reads; `time` is an extra column it ignores.
- `added_estimates.csv`: estimates the extractor missed, added from a span of a document's text
  (ADDED_COLUMNS); `curation.added_estimates` turns them into rows of the estimates table.

How a write is safe: every action takes an exclusive lock on `<curation dir>/.curation.lock` (so two notebooks,
or two reviewers on one folder, never lose each other's lines), reads the file, appends the line, writes the
whole file to a temporary file in the same folder, fsyncs it and renames it over the old one (so a write killed
at any moment leaves either the old or the new file, never half a line).
"""
from __future__ import annotations

import csv
import fcntl
import io
import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from .curation import (ADDED_FILE, CORRECTABLE_FIELDS, DECISION_COLUMNS, DECISION_WORDS, NUMERIC_FIELDS,
                       parse_corrected_fields, read_decisions, validate_numbers)
from .ingest.dedup import DECISION_COLUMNS as DUPLICATE_DECISION_COLUMNS
from .synthesis.certainty import DOMAINS as GRADE_DOMAINS
from .synthesis.certainty import LARGE_EFFECT, START
from .tables import MEASURES, finite_float, is_blank, write_text_atomic

DECISIONS_FILE = "decisions.csv"
DUPLICATES_FILE = "duplicates.csv"
RISK_OF_BIAS_FILE = "risk_of_bias.csv"
GRADE_FILE = "grade.csv"

#: risk_of_bias.csv and grade.csv as the store writes them (synthesis/appraisal.py reads them; `time` is extra)
RISK_OF_BIAS_COLUMNS = ["study", "tool", "domain", "judgement", "reviewer", "note", "time"]
GRADE_COLUMNS = ["cell_id", "domain", "rating", "reason", "reviewer", "time"]
#: the judgements each risk-of-bias tool allows
ROB_JUDGEMENTS = {"RoB 2": ["low", "some concerns", "high"], "ROBINS-I": ["low", "moderate", "serious", "critical"]}
LOCK_FILE = ".curation.lock"

#: decisions.csv as the store writes it: the curation reader's columns plus the time of the action
STORE_DECISION_COLUMNS = DECISION_COLUMNS + ["time"]

#: added_estimates.csv: a reviewer's estimate, with the span of the document's text it was read from
ADDED_COLUMNS = ["doc_id", "start", "end", "evidence", "measure", "value", "ci_low", "ci_high", "ci_level",
                 "intervention", "comparator", "outcome", "timepoint", "events", "total", "reviewer", "note",
                 "time"]

#: the queue's status vocabulary: unchecked, or what a decision word becomes in the estimates table
STATUSES = ["unchecked", "accepted", "rejected", "corrected"]


#: the ratings a GRADE override may give, per domain (the words synthesis/appraisal.py reads)
GRADE_RATINGS = {domain: (["high", "moderate", "low", "very low"] if domain == START else
                          ["none", "large", "very large"] if domain == LARGE_EFFECT else
                          ["not serious", "serious", "very serious"])
                 for domain in GRADE_DOMAINS}


class ReviewError(ValueError):
    """An action the store refuses (missing reason, impossible numbers, unknown field); the message says why."""


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    if not path.is_file():
        return [], []
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return [], []
    return rows[0], [r for r in rows[1:] if any(v.strip() for v in r)]


def _render(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@contextmanager
def _locked(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_FILE, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def append_row(path: Path, columns: list[str], record: dict) -> None:
    """Append one record to a CSV under the folder's lock, atomically.

    Columns the existing file has and `columns` lacks are kept (a hand-edited file may carry more); columns it
    lacks are added, with earlier lines left empty in them."""
    path = Path(path)
    with _locked(path.parent):
        header, rows = _read_rows(path)
        if not header:
            header = list(columns)
        names = [h.strip().lower() for h in header]
        for col in columns:
            if col not in names:
                header.append(col)
                names.append(col)
        width = len(header)
        rows = [r + [""] * (width - len(r)) for r in rows]
        rows.append(["" if record.get(n) is None else str(record.get(n, "")) for n in names])
        write_text_atomic(path, _render(header, rows))


@dataclass
class DecisionStore:
    """The reviewer's decisions in one curation folder, written at once, one action a call."""

    curation_dir: Path
    reviewer: str

    def __post_init__(self):
        self.curation_dir = Path(self.curation_dir)
        if not str(self.reviewer or "").strip():
            raise ReviewError("a reviewer name is required (the notebook parameter `reviewer`)")
        self.reviewer = str(self.reviewer).strip()

    @property
    def decisions_path(self) -> Path:
        return self.curation_dir / DECISIONS_FILE

    @property
    def added_path(self) -> Path:
        return self.curation_dir / ADDED_FILE

    # -- estimates

    def accept(self, estimate_id: str, note: str = "") -> None:
        self._decide(estimate_id, "accept", "", note)

    def reject(self, estimate_id: str, reason: str) -> None:
        if not str(reason or "").strip():
            raise ReviewError("a rejection needs a reason")
        self._decide(estimate_id, "reject", "", reason)

    def correct(self, estimate: dict, changes: dict, reason: str) -> dict:
        """Record a correction of `estimate` (a row of the estimates table); returns the corrected row.

        Only fields whose value differs are written. The corrected numbers go through the extractor's own
        checks (`validate_numbers`): an interval that excludes its estimate or a ratio at or below zero is
        refused with the reason, so a typing slip never reaches the pooled cells."""
        if not str(reason or "").strip():
            raise ReviewError("a correction needs a reason")
        unknown = sorted(set(changes) - set(CORRECTABLE_FIELDS))
        if unknown:
            raise ReviewError(f"not a correctable field: {', '.join(unknown)}")
        diff = {k: v for k, v in changes.items() if not _same(estimate.get(k), v, k)}
        if not diff:
            raise ReviewError("nothing changed: edit a field or accept the estimate as it is")
        text = ";".join(f"{k}={'' if v is None else v}" for k, v in sorted(diff.items()))
        if any(";" in str(v) or "=" in str(v) for v in diff.values() if v is not None):
            text = json.dumps({k: v for k, v in sorted(diff.items())}, ensure_ascii=False)
        try:
            parsed = parse_corrected_fields(text)
        except ValueError as exc:
            raise ReviewError(str(exc)) from None
        corrected = {**estimate, **parsed}
        problems = validate_numbers(corrected)
        if problems:
            raise ReviewError("the corrected numbers do not hang together: " + ", ".join(problems))
        self._decide(str(estimate["estimate_id"]), "correct", text, reason)
        return corrected

    def _decide(self, estimate_id: str, decision: str, corrected_fields: str, note: str) -> None:
        estimate_id = str(estimate_id or "").strip()
        if not estimate_id:
            raise ReviewError("no estimate selected")
        append_row(self.decisions_path, STORE_DECISION_COLUMNS,
                   {"estimate_id": estimate_id, "decision": decision, "corrected_fields": corrected_fields,
                    "reviewer": self.reviewer, "note": str(note or "").strip(), "time": _now()})

    def undo_duplicate(self, doc_id: str, duplicate_of: str, reason: str) -> None:
        """`doc_id` is not a duplicate of `duplicate_of`: the next run keeps both records."""
        if not str(reason or "").strip():
            raise ReviewError("undoing a duplicate link needs a reason")
        if not str(doc_id or "").strip() or not str(duplicate_of or "").strip():
            raise ReviewError("pick the duplicate link to undo")
        append_row(self.curation_dir / DUPLICATES_FILE, DUPLICATE_DECISION_COLUMNS,
                   {"doc_id": doc_id, "duplicate_of": duplicate_of, "decision": "not_duplicate",
                    "reviewer": self.reviewer, "note": str(reason).strip(), "time": _now()})

    def set_risk_of_bias(self, study: str, tool: str, domain: str, judgement: str, note: str = "") -> None:
        """A risk-of-bias judgement of one study (doc_id or source file) in one domain (or `overall`)."""
        if tool not in ROB_JUDGEMENTS:
            raise ReviewError(f"tool must be one of {', '.join(ROB_JUDGEMENTS)}")
        judgement = str(judgement or "").strip().lower()
        if judgement not in ROB_JUDGEMENTS[tool]:
            raise ReviewError(f"{tool} judgements are {', '.join(ROB_JUDGEMENTS[tool])}")
        if not str(study or "").strip() or not str(domain or "").strip():
            raise ReviewError("pick the study and name the domain (or 'overall')")
        append_row(self.curation_dir / RISK_OF_BIAS_FILE, RISK_OF_BIAS_COLUMNS,
                   {"study": study, "tool": tool, "domain": " ".join(str(domain).split()), "judgement": judgement,
                    "reviewer": self.reviewer, "note": str(note or "").strip(), "time": _now()})

    def set_grade_override(self, cell_id: str, domain: str, rating: str, reason: str) -> None:
        """Override one GRADE domain of one pooled cell; the reason is shown in the report."""
        if not str(reason or "").strip():
            raise ReviewError("a GRADE override needs a reason")
        if domain not in GRADE_DOMAINS:
            raise ReviewError(f"domain must be one of {', '.join(GRADE_DOMAINS)}")
        if rating not in GRADE_RATINGS[domain]:
            raise ReviewError(f"{domain} ratings are {', '.join(GRADE_RATINGS[domain])}")
        if not str(cell_id or "").strip():
            raise ReviewError("pick the cell")
        append_row(self.curation_dir / GRADE_FILE, GRADE_COLUMNS,
                   {"cell_id": cell_id, "domain": domain, "rating": rating, "reason": str(reason).strip(),
                    "reviewer": self.reviewer, "time": _now()})

    def add_estimate(self, doc_id: str, text: str, start: int, end: int, fields: dict, note: str = "") -> dict:
        """A missed estimate read by the reviewer from text[start:end] of document `doc_id`."""
        if not (0 <= int(start) < int(end) <= len(text)):
            raise ReviewError(f"the span {start}–{end} is not inside the document's text (0–{len(text)})")
        measure = str(fields.get("measure") or "").strip().upper()
        if measure not in MEASURES:
            raise ReviewError(f"measure must be one of {', '.join(MEASURES)}")
        record = {"doc_id": doc_id, "start": int(start), "end": int(end), "evidence": text[int(start):int(end)],
                  "measure": measure, "reviewer": self.reviewer, "note": str(note or "").strip(), "time": _now()}
        for col in ADDED_COLUMNS:
            if col in record or col not in fields:
                continue
            value = fields[col]
            if col in NUMERIC_FIELDS:
                if value is None or str(value).strip() == "":
                    continue
                number = finite_float(value)
                if number is None:
                    raise ReviewError(f"{col}={value!r} is not a number")
                record[col] = number
            else:
                record[col] = str(value).strip()
        if finite_float(record.get("value")) is None:
            raise ReviewError("an added estimate needs its value")
        problems = validate_numbers(record)
        if problems:
            raise ReviewError("the numbers do not hang together: " + ", ".join(problems))
        append_row(self.added_path, ADDED_COLUMNS, record)
        return record


def _same(old, new, field: str) -> bool:
    blank_old = is_blank(old)
    blank_new = new is None or str(new).strip() == ""
    if blank_old or blank_new:
        return blank_old and blank_new
    if field in NUMERIC_FIELDS:
        a, b = finite_float(old), finite_float(new)
        return a is not None and b is not None and a == b
    return str(old).strip() == str(new).strip()


# ---------------------------------------------------------------- the queue

#: why an estimate is checked early, most important first
PRIORITIES = ["in a pooled cell", "needs review", "flagged", "other"]


def latest_decisions(curation_dir) -> pd.DataFrame:
    """The last decision per estimate (estimate_id, status, reviewer, note, corrected_fields)."""
    decisions, _ = read_decisions(Path(curation_dir) / DECISIONS_FILE)
    out = []
    for rec in decisions.to_dict("records"):
        status = DECISION_WORDS.get(str(rec["decision"]).strip().lower())
        if status and str(rec["estimate_id"]).strip():
            out.append({"estimate_id": str(rec["estimate_id"]).strip(), "status": status,
                        "reviewer": rec["reviewer"], "note": rec["note"],
                        "corrected_fields": rec["corrected_fields"]})
    table = pd.DataFrame(out, columns=["estimate_id", "status", "reviewer", "note", "corrected_fields"])
    return table.drop_duplicates("estimate_id", keep="last").reset_index(drop=True)


def review_queue(estimates: pd.DataFrame, pooled: pd.DataFrame | None, curation_dir,
                 doc_id: str | None = None, outcome: str | None = None, measure: str | None = None,
                 status: str | None = None) -> pd.DataFrame:
    """The estimates to check, most important first: those in pooled cells (k >= 2), those the extractor
    could not settle (`needs_review`), flagged ones, then the rest; within a group by document and position.

    Adds columns `priority` (PRIORITIES), `status` (STATUSES) and `checked_by`. Filters are exact matches."""
    table = estimates.copy()
    pooled_ids: set[str] = set()
    if pooled is not None and len(pooled) and "estimate_ids" in pooled.columns:
        multi = pooled.loc[pd.to_numeric(pooled["k"], errors="coerce").fillna(0) >= 2]
        for ids in multi["estimate_ids"].dropna():
            pooled_ids.update(i.strip() for i in str(ids).split(";") if i.strip())

    def priority(row) -> int:
        if str(row["estimate_id"]) in pooled_ids:
            return 0
        if "needs_review" in row and not is_blank(row.get("needs_review")):
            return 1
        if not is_blank(row.get("flags")):
            return 2
        return 3

    table["priority"] = [PRIORITIES[priority(r)] for r in table.to_dict("records")] if len(table) else []
    latest = latest_decisions(curation_dir).set_index("estimate_id")
    ids = table["estimate_id"].astype(str)
    table["status"] = [latest["status"].get(i, "unchecked") for i in ids]
    table["checked_by"] = [latest["reviewer"].get(i, "") for i in ids]
    for column, wanted in (("doc_id", doc_id), ("outcome", outcome), ("measure", measure), ("status", status)):
        if wanted:
            table = table.loc[table[column].astype(str) == str(wanted)]
    order = table.assign(_p=table["priority"].map(PRIORITIES.index),
                         _s=pd.to_numeric(table.get("start"), errors="coerce").fillna(-1))
    order = order.sort_values(["_p", "doc_id", "_s", "estimate_id"], kind="stable")
    return order.drop(columns=["_p", "_s"]).reset_index(drop=True)


def progress(queue: pd.DataFrame) -> tuple[int, int]:
    """(checked, total) of a queue."""
    return int((queue["status"] != "unchecked").sum()), len(queue)


#: the fields whose agreement between the extractor and the reviewer is summarized
AGREEMENT_FIELDS = ["value", "ci_low", "ci_high", "measure", "intervention", "comparator", "outcome",
                    "timepoint", "events", "total"]


def agreement_table(checks: list[tuple[str, set[str]]]) -> pd.DataFrame:
    """Per field: of the estimates a reviewer checked, how many the extractor had right.

    `checks`: one (status, fields the reviewer changed) per checked estimate. A rejected estimate counts as wrong
    in every field (it should not have been extracted); an accepted one as right in every field; a corrected one
    as wrong in the fields the reviewer changed. This is the tool's own accuracy on the user's corpus."""
    rows = []
    checked = len(checks)
    for field in ["(estimate kept)"] + AGREEMENT_FIELDS:
        wrong = sum(status == "rejected" or (status == "corrected" and field in changed)
                    for status, changed in checks)
        rows.append({"field": field, "checked": checked, "extractor_right": checked - wrong,
                     "agreement": (checked - wrong) / checked if checked else float("nan")})
    return pd.DataFrame(rows, columns=["field", "checked", "extractor_right", "agreement"])


def agreement(estimates: pd.DataFrame, curation_dir) -> pd.DataFrame:
    """`agreement_table` of the latest decisions in `curation_dir` on the current estimates."""
    latest = latest_decisions(curation_dir)
    latest = latest.loc[latest["estimate_id"].isin(set(estimates["estimate_id"].astype(str)))]
    checks = []
    for rec in latest.to_dict("records"):
        try:
            changed = set(parse_corrected_fields(str(rec["corrected_fields"])))
        except ValueError:
            changed = set()
        checks.append((rec["status"], changed))
    return agreement_table(checks)


def agreement_from_curated(curated: pd.DataFrame) -> pd.DataFrame:
    """`agreement_table` of a curated estimates table (its `decision` and `corrected_fields` columns, as the
    synthesis stage writes them): what the report's Methods shows."""
    checks = []
    for rec in curated.to_dict("records"):
        status = str(rec.get("decision") or "").strip().lower()
        if status in ("accepted", "rejected", "corrected"):
            fields = str(rec.get("corrected_fields") or "")
            checks.append((status, {f.strip() for f in fields.split(";") if f.strip()}))
    return agreement_table(checks)


def orphan_decisions(estimates: pd.DataFrame, curation_dir) -> pd.DataFrame:
    """The latest decisions whose estimate is not among the current estimates (the extractor changed or no
    longer finds it): shown to the reviewer, never dropped from the file."""
    latest = latest_decisions(curation_dir)
    return latest.loc[~latest["estimate_id"].isin(set(estimates["estimate_id"].astype(str)))].reset_index(drop=True)


def undo_duplicate_candidates(documents: pd.DataFrame) -> list[tuple[str, tuple[str, str]]]:
    """(label, (doc_id, duplicate_of)) for every duplicate link of this run, for the reviewer to pick from."""
    if "duplicate_of" not in documents.columns:
        return []
    source = dict(zip(documents["doc_id"].astype(str), documents["source_file"].astype(str)))
    links = []
    for rec in documents.to_dict("records"):
        other = "" if is_blank(rec.get("duplicate_of")) else str(rec["duplicate_of"])
        if other:
            doc_id = str(rec["doc_id"])
            links.append((f"{source.get(doc_id, doc_id)} → duplicate of {source.get(other, other)}", (doc_id, other)))
    return sorted(links)
