"""Reviewer decisions: `data/curation/decisions.csv`, applied to the extracted estimates before pooling.

File format (UTF-8 CSV, one header row; the pipeline only reads it, never writes it):

    estimate_id,decision,corrected_fields,reviewer,note
    e3f1c2a9b0d4,reject,,AB,"baseline ARR, not an outcome"
    7d0c55e1aa02,correct,"value=0.52; ci_low=0.31; ci_high=0.87",AB,checked against Table 2
    19b2e0c4d7f8,accept,,CD,

- `decision`: accept | reject | correct (also accepted / rejected / corrected; case does not matter).
- `corrected_fields` (only for correct): `field=value` pairs separated by `;`, or a JSON object
  (`{"value": 0.52, "intervention": "rituximab"}`). An empty value clears the field (`ci_low=`). Correctable
  fields: CORRECTABLE_FIELDS below. Numbers use a dot as decimal mark. Text values cannot contain `;` in the
  pair form (use the JSON form for those).
- `reviewer`, `note`: free text, carried into the curated table.

Effects on the estimates (`estimates_curated.csv`, the estimates contract plus `reviewer`, `decision_note`,
`corrected_fields`): the `decision` column becomes accepted / rejected / corrected. A rejected estimate leaves its
cell. A corrected one takes the reviewer's values; its flags are recomputed from the corrected numbers (the
extractor's flags described the old numbers). An accepted estimate is pooled even when the extractor flagged it:
the reviewer has checked it.

Nothing is dropped silently: a decision that cannot be applied (its estimate_id is not among the estimates, an
unknown decision word, an unknown field, a value that does not parse, a file that cannot be read) is listed in the
issues table (`orphan_decisions.csv`: line, estimate_id, decision, reviewer, note, problem). When one estimate
has several valid decisions, the last line wins and the earlier lines are listed as superseded.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path

import pandas as pd

from .extract.ids import estimate_id
from .extract.validation import validate
from .tables import CURATED_EXTRA_COLUMNS, ESTIMATE_COLUMNS, MEASURES, ROLES, conform, finite_float
from .tables import DECISION_ISSUE_COLUMNS as ISSUE_COLUMNS

DECISION_COLUMNS = ["estimate_id", "decision", "corrected_fields", "reviewer", "note"]

NUMERIC_FIELDS = [
    "value", "ci_low", "ci_high", "ci_level", "p_value", "events", "total", "n_intervention", "n_comparator",
]
TEXT_FIELDS = ["measure", "p_text", "intervention", "comparator", "outcome", "timepoint", "condition", "role",
               "subgroup"]
CORRECTABLE_FIELDS = NUMERIC_FIELDS + TEXT_FIELDS

DECISION_WORDS = {
    "accept": "accepted", "accepted": "accepted",
    "reject": "rejected", "rejected": "rejected",
    "correct": "corrected", "corrected": "corrected",
}


def _empty_issues() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in ISSUE_COLUMNS})


def read_decisions(path: str | os.PathLike | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(decisions, issues). A missing file means no decisions; an unreadable one is an issue, not a crash."""
    empty = pd.DataFrame({c: pd.Series(dtype="object") for c in DECISION_COLUMNS + ["line"]})
    if path is None or not Path(path).is_file():
        return empty, _empty_issues()
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        issue = {"line": 0, "estimate_id": "", "decision": "", "reviewer": "", "note": "",
                 "problem": f"decisions file is not UTF-8 ({exc.reason} at byte {exc.start}); no decision applied"}
        return empty, pd.DataFrame([issue], columns=ISSUE_COLUMNS)
    if "\x00" in text:
        issue = {"line": 0, "estimate_id": "", "decision": "", "reviewer": "", "note": "",
                 "problem": "decisions file contains NUL bytes (not a CSV); no decision applied"}
        return empty, pd.DataFrame([issue], columns=ISSUE_COLUMNS)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        header = None
        problem = f"decisions file header unreadable ({exc})"
    else:
        problem = "decisions file has no header row"
    if not header:
        if not text.strip():
            return empty, _empty_issues()
        issue = {"line": 1, "estimate_id": "", "decision": "", "reviewer": "", "note": "", "problem": problem}
        return empty, pd.DataFrame([issue], columns=ISSUE_COLUMNS)
    names = [h.strip().lower() for h in header]
    missing = [c for c in ("estimate_id", "decision") if c not in names]
    if missing:
        issue = {"line": 1, "estimate_id": "", "decision": "", "reviewer": "", "note": "",
                 "problem": f"decisions file lacks column(s) {', '.join(missing)}; no decision applied"}
        return empty, pd.DataFrame([issue], columns=ISSUE_COLUMNS)
    rows, issues = [], []
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            issues.append({"line": reader.line_num, "estimate_id": "", "decision": "", "reviewer": "",
                           "note": "", "problem": f"unreadable CSV line ({exc})"})
            continue
        if not any(v.strip() for v in values):
            continue
        record = {c: "" for c in DECISION_COLUMNS}
        for name, value in zip(names, values):
            if name in record:
                record[name] = value.strip()
        record["line"] = reader.line_num
        rows.append(record)
    decisions = pd.DataFrame(rows, columns=DECISION_COLUMNS + ["line"]) if rows else empty
    return decisions, pd.DataFrame(issues, columns=ISSUE_COLUMNS) if issues else _empty_issues()


def parse_corrected_fields(text: str) -> dict[str, object]:
    """`field=value; ...` or a JSON object -> {field: value}; raises ValueError with a readable reason."""
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            pairs = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"corrected_fields is not valid JSON ({exc.msg})") from None
        if not isinstance(pairs, dict):
            raise ValueError("corrected_fields JSON must be an object")
        items = list(pairs.items())
    else:
        items = []
        for part in text.split(";"):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValueError(f"'{part.strip()}' is not field=value")
            field, value = part.split("=", 1)
            items.append((field, value))
    out: dict[str, object] = {}
    for field, value in items:
        field = str(field).strip().lower()
        if field not in CORRECTABLE_FIELDS:
            raise ValueError(f"unknown field '{field}' (correctable: {', '.join(CORRECTABLE_FIELDS)})")
        if value is None or (isinstance(value, str) and not value.strip()):
            out[field] = None
            continue
        if field in NUMERIC_FIELDS:
            if isinstance(value, bool):
                raise ValueError(f"{field}={value!r} is not a number")
            try:
                number = float(str(value).strip())
            except ValueError:
                raise ValueError(f"{field}={str(value).strip()!r} is not a number") from None
            if not math.isfinite(number):
                raise ValueError(f"{field}={str(value).strip()!r} is not a finite number")
            out[field] = number
        elif field == "role":
            role = str(value).strip().lower()
            if role not in ROLES:
                raise ValueError(f"role={str(value).strip()!r} is not one of {', '.join(ROLES)}")
            out[field] = role
        elif field == "measure":
            measure = str(value).strip().upper()
            if measure not in MEASURES:
                raise ValueError(f"measure={str(value).strip()!r} is not one of {', '.join(MEASURES)}")
            out[field] = measure
        else:
            out[field] = str(value).strip()
    return out


def validate_numbers(row: dict) -> list[str]:
    """Flags for impossible numbers after a correction: the extractor's own checks, so a corrected estimate
    is judged exactly like an extracted one."""
    return validate(str(row.get("measure") or "").upper(), finite_float(row.get("value")),
                    finite_float(row.get("ci_low")), finite_float(row.get("ci_high")),
                    finite_float(row.get("p_value")), finite_float(row.get("events")),
                    finite_float(row.get("total")))


def apply_decisions(estimates: pd.DataFrame, decisions: pd.DataFrame,
                    read_issues: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(curated estimates, issues). See the module docstring for the rules."""
    curated = conform(estimates, ESTIMATE_COLUMNS)
    for col in CURATED_EXTRA_COLUMNS:
        curated[col] = ""
    curated["decision"] = ""
    curated = curated.astype({c: "object" for c in ESTIMATE_COLUMNS + CURATED_EXTRA_COLUMNS})
    issues = [] if read_issues is None else read_issues.to_dict("records")
    ids = {str(e): i for i, e in zip(curated.index, curated["estimate_id"])}

    valid: dict[str, dict] = {}
    for rec in decisions.to_dict("records"):
        base = {"line": rec.get("line", ""), "estimate_id": rec.get("estimate_id", ""),
                "decision": rec.get("decision", ""), "reviewer": rec.get("reviewer", ""),
                "note": rec.get("note", "")}
        word = DECISION_WORDS.get(str(rec.get("decision", "")).strip().lower())
        if not str(rec.get("estimate_id", "")).strip():
            issues.append({**base, "problem": "empty estimate_id"})
            continue
        if word is None:
            issues.append({**base, "problem": f"unknown decision '{rec.get('decision', '')}' "
                                              "(use accept, reject or correct)"})
            continue
        fields: dict[str, object] = {}
        if word == "corrected":
            try:
                fields = parse_corrected_fields(str(rec.get("corrected_fields", "")))
            except ValueError as exc:
                issues.append({**base, "problem": f"correction not applied: {exc}"})
                continue
            if not fields:
                issues.append({**base, "problem": "decision 'correct' without corrected_fields"})
                continue
        estimate_id = str(rec["estimate_id"]).strip()
        if estimate_id not in ids:
            issues.append({**base, "problem": "estimate_id not found among the current estimates "
                                              "(orphan decision: the estimate changed or disappeared)"})
            continue
        if estimate_id in valid:
            previous = valid[estimate_id]
            issues.append({**previous["base"], "problem": f"superseded by a later decision on line {base['line']}"})
        valid[estimate_id] = {"word": word, "fields": fields, "base": base}

    for estimate_id, item in valid.items():
        idx = ids[estimate_id]
        curated.at[idx, "decision"] = item["word"]
        curated.at[idx, "reviewer"] = item["base"]["reviewer"]
        curated.at[idx, "decision_note"] = item["base"]["note"]
        if item["word"] == "corrected":
            for field, value in item["fields"].items():
                curated.at[idx, field] = value
            curated.at[idx, "corrected_fields"] = ";".join(sorted(item["fields"]))
            row = curated.loc[idx].to_dict()
            curated.at[idx, "flags"] = ";".join(validate_numbers(row))
    issues_df = pd.DataFrame(issues, columns=ISSUE_COLUMNS) if issues else _empty_issues()
    if len(issues_df):
        issues_df = issues_df.sort_values(["line", "estimate_id"], kind="stable").reset_index(drop=True)
    return curated, issues_df


#: added_estimates.csv (written by review.DecisionStore.add_estimate): estimates a reviewer added by hand
ADDED_FILE = "added_estimates.csv"


def added_estimates(curation_dir: str | os.PathLike | None, documents: pd.DataFrame | None = None
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows of the estimates table, issues) for the estimates a reviewer added from a span of a document.

    Each gets a stable id from its document, measure, value and span, decision "added", and the document's
    source file and condition when `documents` is given. A later line with the same id replaces an earlier
    one; a line that cannot be read is an issue, never a crash."""
    path = Path(curation_dir) / ADDED_FILE if curation_dir is not None else None
    if path is None or not path.is_file():
        return pd.DataFrame(columns=ESTIMATE_COLUMNS), _empty_issues()
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        issue = {"line": 0, "estimate_id": "", "decision": "added", "reviewer": "", "note": "",
                 "problem": f"{ADDED_FILE} unreadable ({type(exc).__name__}); no added estimate applied"}
        return pd.DataFrame(columns=ESTIMATE_COLUMNS), pd.DataFrame([issue], columns=ISSUE_COLUMNS)
    docs = {} if documents is None else {str(d["doc_id"]): d for d in documents.to_dict("records")}
    rows, issues, seen = [], [], {}
    for line, rec in enumerate(table.to_dict("records"), start=2):
        base = {"line": line, "estimate_id": "", "decision": "added", "reviewer": rec.get("reviewer", ""),
                "note": rec.get("note", "")}
        measure = str(rec.get("measure", "")).strip().upper()
        value = finite_float(rec.get("value"))
        start, end = finite_float(rec.get("start")), finite_float(rec.get("end"))
        if not str(rec.get("doc_id", "")).strip() or measure not in MEASURES or value is None \
                or start is None or end is None:
            issues.append({**base, "problem": "added estimate lacks doc_id, a known measure, a value or its span"})
            continue
        doc_id = str(rec["doc_id"]).strip()
        new_id = estimate_id(doc_id, measure, str(rec["value"]).strip(), str(rec.get("evidence", "")), int(start))
        row = {c: pd.NA for c in ESTIMATE_COLUMNS}
        for field in NUMERIC_FIELDS:
            if field in rec:
                row[field] = finite_float(rec[field])
        for field in ("intervention", "comparator", "outcome", "timepoint"):
            row[field] = str(rec.get(field, "")).strip()
        doc = docs.get(doc_id, {})
        row.update(estimate_id=new_id, doc_id=doc_id, measure=measure, value=value, start=int(start),
                   end=int(end), evidence=str(rec.get("evidence", "")), decision="added",
                   source_file=doc.get("source_file", ""), condition=doc.get("condition", ""),
                   flags=";".join(validate_numbers({**row, "measure": measure, "value": value})))
        if new_id in seen:
            issues.append({**seen[new_id], "problem": f"superseded by a later line {line}"})
        seen[new_id] = {**base, "estimate_id": new_id}
        rows = [r for r in rows if r["estimate_id"] != new_id] + [row]
    issues_df = pd.DataFrame(issues, columns=ISSUE_COLUMNS) if issues else _empty_issues()
    return pd.DataFrame(rows, columns=ESTIMATE_COLUMNS), issues_df


def load_and_apply(estimates: pd.DataFrame, curation_dir: str | os.PathLike | None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read `<curation_dir>/decisions.csv` (if any) and apply it."""
    path = Path(curation_dir) / "decisions.csv" if curation_dir is not None else None
    decisions, read_issues = read_decisions(path)
    return apply_decisions(estimates, decisions, read_issues)
