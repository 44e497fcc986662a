"""The reviewer's appraisal files in data/curation/, read for the GRADE rating (certainty.py).

Both files are only read, never written by a run, so they survive reruns and `make clean`. A row that cannot be
applied is listed (appraisal_issues.csv and the report), never dropped silently.

`risk_of_bias.csv`, one row per study and domain (RoB 2 for randomized trials, ROBINS-I for non-randomized
studies):

    study,tool,domain,judgement,reviewer,note
    example_bcg/05_frimodt-moller_1973.txt,RoB 2,randomization process,high,AB,alternate allocation

- `study`: the document's doc_id or its source_file (path relative to the raw folder, as in documents.csv).
- `judgement`: low | some concerns | high (RoB 2); low | moderate | serious | critical (ROBINS-I).
- `domain`: the tool's domain name, or `overall`. A study's overall judgement is its `overall` row when there is
  one, else the worst of its domain rows. A later row for the same study and domain replaces an earlier one (the
  review notebook appends; the earlier rows stay as the history).

`grade.csv`, one row per cell and GRADE domain the reviewer overrides:

    cell_id,domain,rating,reason,reviewer
    cell-0123456789ab,imprecision,not serious,"events are many; the CI is narrow enough for a decision",AB

- `domain`: study design | risk of bias | inconsistency | indirectness | imprecision | publication bias |
  large effect (underscores for spaces are fine).
- `rating`: for study design the starting level (high | low, or moderate / very low); for the other domains
  not serious | serious | very serious (or 0, -1, -2); for large effect none | large | very large (0, 1, 2).
- `reason` is required: an override without a reason is not applied.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..tables import APPRAISAL_ISSUE_COLUMNS as ISSUE_COLUMNS
from .certainty import (DOMAINS, DOWNGRADE_DOMAINS, LARGE_EFFECT, LEVEL_OF, ROB_SEVERITY, START, Judgement,
                        override)

_DOWN_WORDS = {"not serious": 0, "no": 0, "none": 0, "0": 0, "serious": -1, "-1": -1, "very serious": -2, "-2": -2}
_UP_WORDS = {"none": 0, "no": 0, "0": 0, "large": 1, "+1": 1, "1": 1, "very large": 2, "+2": 2, "2": 2}


@dataclass
class Appraisal:
    risk_of_bias: dict[str, str] = field(default_factory=dict)  # doc_id -> overall judgement
    risk_of_bias_tool: dict[str, str] = field(default_factory=dict)  # doc_id -> tool
    overrides: dict[str, dict[str, Judgement]] = field(default_factory=dict)  # cell_id -> domain -> judgement
    issues: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ISSUE_COLUMNS))


def _rows(path: Path, name: str, issues: list[dict]) -> list[tuple[int, dict]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        issues.append({"file": name, "line": 0, "key": "", "problem": f"cannot be read ({exc}); nothing applied"})
        return []
    if "\x00" in text:
        issues.append({"file": name, "line": 0, "key": "",
                       "problem": "contains NUL bytes (not a CSV); nothing applied"})
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    out = []
    try:
        for row in reader:
            clean = {str(k or "").strip().lower(): str(v or "").strip() for k, v in row.items() if k is not None}
            out.append((reader.line_num, clean))
    except csv.Error as exc:
        issues.append({"file": name, "line": reader.line_num, "key": "", "problem": f"CSV error: {exc}"})
    return out


def read_risk_of_bias(path: str | os.PathLike | None, documents: pd.DataFrame | None,
                      issues: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """doc_id -> overall judgement, doc_id -> tool."""
    if path is None or not Path(path).is_file():
        return {}, {}
    by_source = {}
    doc_ids = set()
    if documents is not None and len(documents):
        for doc_id, source in zip(documents["doc_id"].astype(str), documents["source_file"].astype(str)):
            doc_ids.add(doc_id)
            by_source.setdefault(source, doc_id)
    domains: dict[str, dict[str, str]] = {}
    overall: dict[str, str] = {}
    tools: dict[str, str] = {}
    for line, row in _rows(Path(path), "risk_of_bias.csv", issues):
        study = row.get("study") or row.get("doc_id") or row.get("source_file") or ""
        judgement = row.get("judgement", "").lower()
        doc_id = study if study in doc_ids else by_source.get(study)
        if doc_id is None:
            issues.append({"file": "risk_of_bias.csv", "line": line, "key": study,
                           "problem": "no document with this doc_id or source_file in this run"})
            continue
        if judgement not in ROB_SEVERITY:
            issues.append({"file": "risk_of_bias.csv", "line": line, "key": study,
                           "problem": f"unknown judgement {judgement!r}; use one of {', '.join(ROB_SEVERITY)}"})
            continue
        tools.setdefault(doc_id, row.get("tool", ""))
        domain = " ".join(row.get("domain", "").lower().split())
        if domain == "overall":
            overall[doc_id] = judgement
        else:
            domains.setdefault(doc_id, {})[domain] = judgement
    result = {}
    for doc_id in sorted(set(domains) | set(overall)):
        result[doc_id] = overall.get(doc_id) or max(domains[doc_id].values(), key=lambda j: ROB_SEVERITY[j])
    return result, tools


def _domain_name(text: str) -> str | None:
    name = text.strip().lower().replace("_", " ")
    name = {"design": START, "start": START, "bias": "risk of bias", "rob": "risk of bias"}.get(name, name)
    return name if name in DOMAINS else None


def read_grade_overrides(path: str | os.PathLike | None, cell_ids: set[str] | None,
                         issues: list[dict]) -> dict[str, dict[str, Judgement]]:
    """cell_id -> domain -> the reviewer's Judgement; the last valid row per cell and domain wins."""
    if path is None or not Path(path).is_file():
        return {}
    out: dict[str, dict[str, Judgement]] = {}
    for line, row in _rows(Path(path), "grade.csv", issues):
        cell_id, reason, reviewer = row.get("cell_id", ""), row.get("reason", ""), row.get("reviewer", "")
        rating = row.get("rating", "").lower()
        domain = _domain_name(row.get("domain", ""))

        def problem(text):
            issues.append({"file": "grade.csv", "line": line, "key": cell_id, "problem": text})

        if cell_ids is not None and cell_id not in cell_ids:
            problem("no cell with this cell_id in this run")
            continue
        if domain is None:
            problem(f"unknown domain {row.get('domain', '')!r}; use one of {', '.join(DOMAINS)}")
            continue
        if not reason:
            problem("an override needs a reason; not applied")
            continue
        if domain == START:
            change = LEVEL_OF.get(rating)
        elif domain in DOWNGRADE_DOMAINS:
            change = _DOWN_WORDS.get(rating)
        else:
            change = _UP_WORDS.get(rating)
        if change is None:
            allowed = (", ".join(LEVEL_OF) if domain == START else
                       ", ".join(sorted(_UP_WORDS if domain == LARGE_EFFECT else _DOWN_WORDS)))
            problem(f"unknown rating {rating!r} for {domain}; use one of {allowed}")
            continue
        out.setdefault(cell_id, {})[domain] = override(domain, change, reason, reviewer)
    return out


def read_appraisal(curation_dir: str | os.PathLike | None, documents: pd.DataFrame | None,
                   cell_ids: set[str] | None) -> Appraisal:
    issues: list[dict] = []
    if curation_dir is None:
        return Appraisal()
    folder = Path(curation_dir)
    rob, tools = read_risk_of_bias(folder / "risk_of_bias.csv", documents, issues)
    overrides = read_grade_overrides(folder / "grade.csv", cell_ids, issues)
    return Appraisal(rob, tools, overrides, pd.DataFrame(issues, columns=ISSUE_COLUMNS))
