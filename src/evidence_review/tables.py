"""The shared vocabulary of the stages: the one place each piece of it is written.

- the tables the stages hand on (README "Tables"): their columns (`DOCUMENT_COLUMNS`, `ESTIMATE_COLUMNS`, ...)
  and how they are read back (`TABLES`, `read_table(kind, path)`, `write_table(kind, df, path)`);
- the measures (`MEASURE_TABLE`: kind, analysis scale, null value, name of each measure code, and the sets derived
  from it), the roles, the flag codes, the designs that report other studies;
- shared rules: which documents later stages read (`readable`), what a missing cell is (`is_missing`, `is_blank`,
  `cell_text`, `one_line`);
- safe writing: every file is written to a temporary file in the target folder and renamed into place, so a run
  killed at any moment leaves the previous complete file readable.

It imports no other part of the package (`python -m evidence_review.devtools.layers` checks this).
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .atomic import _atomic_write_bytes, write_bytes_atomic, write_text_atomic  # noqa: F401 - part of this module's API

DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "record", "sha256", "format", "title", "authors", "journal", "year",
    "doi", "pmid", "language", "design", "condition", "n_total", "text_chars", "duplicate_of",
    "status", "reason", "n_tables", "extract_error",
]

ESTIMATE_COLUMNS = [
    "estimate_id", "doc_id", "source_file", "measure", "value", "ci_low", "ci_high", "ci_level",
    "p_value", "p_text", "intervention", "comparator", "outcome", "timepoint", "condition",
    "events", "total", "n_intervention", "n_comparator", "evidence", "start", "end", "flags",
    "decision",
    # arm-level data of MEAN and MEDIAN rows (an SD derived from an SE, CI or IQR is flagged in `flags`)
    "sd", "se", "q1", "q3", "range_low", "range_high",
    # what the number means (DESIGN.md, "Meaning columns")
    "role", "subgroup", "adjusted", "needs_review", "from_arms",
]

#: arms.csv: one row per arm of a study, from the document's study model.
ARM_COLUMNS = ["doc_id", "arm_id", "name", "canonical", "n", "role", "start", "end"]

#: what an estimate's number means (`role` column); only "effect" (and "subgroup" within a subgroup
#: analysis) may enter an intervention cell.
ROLES = ["effect", "subgroup", "prognostic", "dose", "before_after", "secondary", "baseline"]

#: document designs that report other studies' results (role "secondary"; dedup.py's same-patient rules)
SECONDARY_DESIGNS = {"news", "review", "patient information"}

#: the codes of the estimates' `flags` column (';'-separated), with the reason each stands for
FLAG_REASONS = {
    "nonfinite_value": "the value is not a finite number",
    "ci_excludes_value": "the printed interval does not contain the estimate",
    "ci_inverted": "the lower limit is above the upper limit",
    "ratio_not_positive": "a ratio (or its limit) is zero or negative",
    "p_out_of_range": "the p-value is outside [0, 1]",
    "proportion_out_of_range": "a proportion outside [0, 1]",
    "events_exceed_total": "more events than patients",
    "rate_negative": "a rate (or its limit) is negative",
    # an arm's SD the document does not print, derived (Cochrane Handbook 6.5.2): say how
    "sd_from_se": "the SD is derived from the printed SE (SD = SE × √n)",
    "sd_from_ci": "the SD is derived from the printed 95% CI of the mean (t or normal quantile by n)",
    # "1.9 [-0.1 to 3.9] and 0.6 [-1.2 to 2.5], respectively": an arm's mean with a bracket that names no kind
    "interval_unlabelled": "the interval printed with an arm's mean names neither its kind nor its level; no SD derived",
    # "median 90.2, IQR 19.6": the document prints the IQR's width, not its quartiles
    "iqr_width_only": "the IQR is printed as its width only; the quartiles are unknown",
    # a ratio printed on the log scale ("lnOR -0.92"), stored back-transformed (OR 0.40)
    "log_scale_back_transformed": "printed on the log scale; value and limits stored back-transformed",
    # arm-level counts whose denominator or count the text gives only through a percentage
    "events_from_percentage": "the events are the nearest count to the printed percentage of the arm's stated size",
    "percentage_of_fewer": "the printed percentage is of fewer patients than the column's N; the count is kept over N",
    "total_from_percentage": "the total is the group the printed percentage is of, not the arm's N",
    # "Estimate (SE)" in a table whose intervals are printed nowhere near it
    "se_without_interval": "the effect is printed with its SE and no interval; no interval is derived",
}

# Flags that describe a conversion of a correctly read number, not a problem with it: synthesis shows them as
# notes with the estimate and still pools it. Every other flag keeps the estimate out until a reviewer accepts it.
#: an arm's events derived as the nearest count from its printed percentage and the arm's size stated elsewhere
EVENTS_FROM_PERCENTAGE = "events_from_percentage"
#: a table's "n (%)" whose percentage is of fewer patients than the column's N (missing answers): the count is kept
#: over the column's N, as printed
PERCENTAGE_OF_FEWER = "percentage_of_fewer"
NOTE_ONLY_FLAGS = frozenset({"log_scale_back_transformed", "sd_from_se", "sd_from_ci", EVENTS_FROM_PERCENTAGE,
                             PERCENTAGE_OF_FEWER, "iqr_width_only"})

POOLED_COLUMNS = [
    "cell_id", "condition", "outcome", "measure", "intervention", "comparator", "timepoint", "k",
    "n_total", "estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2", "q", "q_p",
    "method", "ci_method", "estimate_ids", "doc_ids", "certainty", "notes", "certainty_reasons",
]


#: columns pooled.csv carries after the contract's (DESIGN.md: stages may add columns after them)
POOLED_EXTRA_COLUMNS = ["tau2_ci_low", "tau2_ci_high", "i2_ci_low", "i2_ci_high", "pi_method", "events",
                        "n_randomized_studies"]

# The other tables stage 3 writes (the report reads them).
#: sensitivity.csv: each cell refitted another way (other tau² estimators, leave-one-out, bias checks)
SENSITIVITY_COLUMNS = ["cell_id", "analysis", "k", "estimate", "ci_low", "ci_high", "tau2", "i2", "p", "notes"]
#: The start of a leave-one-out row's `analysis` in sensitivity.csv ("leave out <study>"): written by the pooling
#: stage, read by the report (which so need not import the pooling engine and scipy).
LEAVE_ONE_OUT = "leave out "
#: cell_estimates.csv: every curated estimate with its cell, oriented value, yi/vi and whether (or why not) pooled
MEMBER_COLUMNS = [
    "cell_id", "estimate_id", "doc_id", "source_file", "study", "design", "condition", "outcome", "measure",
    "intervention", "comparator", "timepoint", "group",
    "condition_as_written", "timepoint_as_written", "followup_months", "arm_intervention", "arm_comparator", "flipped",
    "value", "ci_low", "ci_high", "yi", "vi", "variance_source", "events", "total", "n", "start", "decision", "flags",
    "duplicate_of", "included", "reason", "note", "role", "subgroup", "adjusted", "from_arms",
]
#: summary_of_findings.csv (reports/): the GRADE Summary of Findings
SUMMARY_COLUMNS = [
    "cell_id", "condition", "outcome", "intervention", "comparator", "measure", "participants", "studies",
    "participants_studies", "relative_effect", "estimate", "ci_low", "ci_high", "assumed_risk_per_1000",
    "risk_with_intervention_per_1000", "risk_with_intervention_low", "risk_with_intervention_high",
    "difference_per_1000", "difference_low", "difference_high", "assumed_risk_source", "certainty", "footnotes",
    "plain_language",
]
#: estimates_curated.csv: estimates.csv's columns, then the reviewer's (and `check_of` for derived checks)
CURATED_EXTRA_COLUMNS = ["reviewer", "decision_note", "corrected_fields"]
#: orphan_decisions.csv: reviewer decisions (decisions.csv, added_estimates.csv) that could not be applied
DECISION_ISSUE_COLUMNS = ["line", "estimate_id", "decision", "reviewer", "note", "problem"]
#: appraisal_issues.csv: risk-of-bias and GRADE override rows that could not be applied
APPRAISAL_ISSUE_COLUMNS = ["file", "line", "key", "problem"]


# ------------------------------------------------------------------ the measure vocabulary


@dataclass(frozen=True)
class Measure:
    """What an estimate's `measure` code means, for every stage.

    kind: "ratio" (intervention / comparator), "difference" (intervention − comparator), "reduction" (RRR,
    1 − RR), "single-arm" (one arm's rate or proportion, pooled on its own), "descriptive" (one arm's mean or
    median, shown but never pooled).
    scale: the analysis scale effects are pooled on (metafor's): "log", "log1m" (log(1 − x), i.e. log RR for a
    relative risk reduction), "logit", or "identity".
    null: the value meaning "no difference" on the natural scale (None for one-arm quantities).
    arm_data: the row holds one arm's raw data (events/total, mean/SD, median/IQR), from which two arms'
    comparisons can be computed.
    data: the outcome's type ("time-to-event", "binary", "count", "continuous"; "" for one-arm quantities).
    name: how the report names it; noun: what a comparison is about ("the hazard of relapse").
    """

    code: str
    kind: str
    scale: str
    null: float | None
    name: str
    data: str = ""
    noun: str = ""
    arm_data: bool = False

    @property
    def comparative(self) -> bool:
        """Compares two arms (intervention and comparator)."""
        return self.kind in ("ratio", "difference", "reduction")

    @property
    def log_axis(self) -> bool:
        """Shown on a log axis and exponentiated back (ratios and rates; an RRR is shown as a fraction)."""
        return self.scale == "log"


#: every measure of the estimates table, in the contract's order
MEASURE_TABLE: dict[str, Measure] = {m.code: m for m in [
    Measure("HR", "ratio", "log", 1.0, "hazard ratio", data="time-to-event", noun="hazard"),
    Measure("RR", "ratio", "log", 1.0, "risk ratio", data="binary", noun="risk"),
    Measure("OR", "ratio", "log", 1.0, "odds ratio", data="binary", noun="odds"),
    Measure("IRR", "ratio", "log", 1.0, "rate ratio", data="count", noun="rate"),
    Measure("RD", "difference", "identity", 0.0, "risk difference", data="binary", noun="risk"),
    Measure("MD", "difference", "identity", 0.0, "mean difference", data="continuous"),
    Measure("SMD", "difference", "identity", 0.0, "standardized mean difference", data="continuous"),
    Measure("ARR", "single-arm", "log", None, "annualized relapse rate"),
    Measure("RRR", "reduction", "log1m", 0.0, "relative risk reduction", data="binary", noun="risk"),
    Measure("PROPORTION", "single-arm", "logit", None, "proportion", arm_data=True),
    Measure("MEAN", "descriptive", "identity", None, "mean", arm_data=True),
    Measure("MEDIAN", "descriptive", "identity", None, "median", arm_data=True),
]}


def _codes(keep) -> frozenset[str]:
    return frozenset(code for code, m in MEASURE_TABLE.items() if keep(m))


MEASURES = list(MEASURE_TABLE)
RATIO_MEASURES = _codes(lambda m: m.kind == "ratio")
DIFFERENCE_MEASURES = _codes(lambda m: m.kind == "difference")
#: differences of means (a model's least-squares difference is one of these)
MEAN_DIFFERENCE_MEASURES = _codes(lambda m: m.kind == "difference" and m.data == "continuous")
#: measures whose abbreviation is also a vital sign's ("HR" heart rate, "RR" respiratory rate)
VITAL_SIGN_LOOKALIKES = frozenset({"HR", "RR"})
#: measures of time to an event (an estimate over the whole follow-up, with no one time of assessment)
TIME_TO_EVENT_MEASURES = _codes(lambda m: m.data == "time-to-event")
#: measures with an intervention and a comparator
COMPARATIVE_MEASURES = _codes(lambda m: m.comparative)
#: one arm's rate or proportion (the arm in `intervention`, comparator empty), pooled within that arm
SINGLE_ARM_MEASURES = _codes(lambda m: m.kind == "single-arm")
#: one arm's mean or median: shown, never pooled
DESCRIPTIVE_MEASURES = _codes(lambda m: m.kind == "descriptive")
#: every measure without a comparator
ONE_ARM_MEASURES = SINGLE_ARM_MEASURES | DESCRIPTIVE_MEASURES
#: measures that describe one arm with its raw data (the arm is in `intervention`, comparator empty)
ARM_LEVEL_MEASURES = _codes(lambda m: m.arm_data)
#: comparisons of continuous outcomes (MD, SMD)
CONTINUOUS_MEASURES = _codes(lambda m: m.data == "continuous")
#: comparisons of two arms' events/totals (RR, OR, RD): computable from, and printed beside, a 2x2 table
TWO_BY_TWO_MEASURES = _codes(lambda m: m.data == "binary" and m.kind in ("ratio", "difference"))


def measure_info(code) -> Measure | None:
    """The Measure of a code ("hr" or " HR " too); None for a code outside the vocabulary."""
    return MEASURE_TABLE.get(str(code or "").strip().upper())


def null_value(measure: str) -> float | None:
    """The 'no difference' value on the natural scale; None for one-arm quantities and unknown codes."""
    info = MEASURE_TABLE.get(measure)
    return info.null if info else None


def measure_name(measure: str) -> str:
    """The measure as the report names it ("hazard ratio"); an unknown code in lower case."""
    info = MEASURE_TABLE.get(measure)
    return info.name if info else (measure.lower() if measure else "estimate")


# ------------------------------------------------------------------ missing values


def is_missing(value) -> bool:
    """The one test for an absent cell: None, NaN (Python or NumPy float), pd.NA, NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return bool(value != value)
    return False


def is_blank(value) -> bool:
    """Absent, or text with nothing but white space."""
    return is_missing(value) or str(value).strip() == ""


def cell_text(value) -> str:
    """A cell as stripped text ("" when absent)."""
    return "" if is_missing(value) else str(value).strip()


def one_line(value) -> str:
    """A cell as one line of text: each run of white space (line breaks too) one space, "" when absent."""
    if type(value) is str:  # most cells: no missing-value test needed (the pooling stage asks a million times)
        return " ".join(value.split())
    return "" if is_missing(value) else " ".join(str(value).split())


# ------------------------------------------------------------------ shared predicates


#: The columns `is_readable` reads.
READABLE_COLUMNS = ("status", "duplicate_of")


def is_readable(document) -> bool:
    """A documents.csv row (a mapping) that later stages read: status ok (or not set) and not a duplicate."""
    return (cell_text(document.get("status")).lower() in ("", "ok")) and is_blank(document.get("duplicate_of"))


def readable(documents: pd.DataFrame) -> pd.DataFrame:
    """The rows of documents.csv that later stages read (`is_readable`), in their order."""
    if documents is None or len(documents) == 0:
        return documents
    # only the two columns is_readable reads, column by column (`records`): all of a 10,000-row table's columns
    # through to_dict took a second of the extraction notebook
    mask = [is_readable(row) for row in records(documents[[c for c in READABLE_COLUMNS if c in documents.columns]])]
    return documents[mask]


def records(df: pd.DataFrame) -> list[dict]:
    """The rows as dicts, as `df.to_dict("records")` gives them, built column by column: pandas boxes each
    cell of a string column one by one (about a microsecond a cell), which 10,000 documents multiply."""
    columns = list(df.columns)
    values = [df.iloc[:, i].tolist() for i in range(len(columns))]
    return [dict(zip(columns, row)) for row in zip(*values)] if columns else [{} for _ in range(len(df))]


def conform(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The contract's columns in the contract's order; missing ones are added empty, extra ones kept after."""
    out = df.copy()
    for col in columns:
        if col not in out.columns:
            out[col] = pd.NA
    extra = [c for c in out.columns if c not in columns]
    return out[columns + extra]


def write_csv_atomic(df: pd.DataFrame, path: str | os.PathLike) -> None:
    """CSV, UTF-8, '\\n' line endings, no index: byte-identical for identical frames."""
    text = df.to_csv(index=False, lineterminator="\n")
    write_text_atomic(path, text)


def write_jsonl_atomic(records: list[dict], path: str | os.PathLike) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    write_text_atomic(path, "\n".join(lines) + ("\n" if lines else ""))


# Identifiers look numeric (PMIDs, years) but must round-trip as written, never as floats.
TEXT_COLUMNS = {"doc_id", "source_file", "sha256", "doi", "pmid", "pmcid", "estimate_id", "cell_id",
                "estimate_ids", "doc_ids", "duplicate_of", "p_text", "flags", "decision",
                "arm_id", "subgroup", "needs_review", "from_arms", "extract_error"}


def read_csv(path: str | os.PathLike) -> pd.DataFrame:
    """Read a contract table back: identifiers as text, empty cells as missing values."""
    header = pd.read_csv(path, nrows=0).columns
    return pd.read_csv(path, dtype={c: str for c in header if c in TEXT_COLUMNS})


@dataclass(frozen=True)
class TableSpec:
    """One table of data/processed: its file, its contract columns (in order) and how each is read back.

    numbers: read with `pd.to_numeric` (int64 when every value is whole, else float64; text becomes missing);
    counts: nullable integers (Int64); every other contract column is text, "" when empty. Columns a stage
    writes after the contract's stay text, except `extra_numbers`.
    """

    kind: str
    file: str
    columns: list[str]
    numbers: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()
    extra_numbers: tuple[str, ...] = ()


TABLES: dict[str, TableSpec] = {spec.kind: spec for spec in [
    TableSpec("documents", "documents.csv", DOCUMENT_COLUMNS,
              counts=("record", "year", "n_total", "text_chars", "n_tables")),
    TableSpec("estimates", "estimates.csv", ESTIMATE_COLUMNS,
              numbers=("value", "ci_low", "ci_high", "ci_level", "p_value", "events", "total", "n_intervention",
                       "n_comparator", "start", "end")),
    TableSpec("arms", "arms.csv", ARM_COLUMNS, numbers=("n", "start", "end")),
    TableSpec("pooled", "pooled.csv", POOLED_COLUMNS,
              numbers=("k", "n_total", "estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2", "q",
                       "q_p"),
              extra_numbers=("tau2_ci_low", "tau2_ci_high", "i2_ci_low", "i2_ci_high", "events",
                             "n_randomized_studies")),
    TableSpec("sensitivity", "sensitivity.csv", SENSITIVITY_COLUMNS,
              numbers=("k", "estimate", "ci_low", "ci_high", "tau2", "i2", "p")),
    TableSpec("cell_estimates", "cell_estimates.csv", MEMBER_COLUMNS,
              numbers=("followup_months", "value", "ci_low", "ci_high", "yi", "vi", "events", "total", "n", "start")),
    TableSpec("summary_of_findings", "summary_of_findings.csv", SUMMARY_COLUMNS,
              numbers=("participants", "studies", "estimate", "ci_low", "ci_high", "assumed_risk_per_1000",
                       "risk_with_intervention_per_1000", "risk_with_intervention_low",
                       "risk_with_intervention_high", "difference_per_1000", "difference_low", "difference_high")),
    TableSpec("orphan_decisions", "orphan_decisions.csv", DECISION_ISSUE_COLUMNS),
    TableSpec("appraisal_issues", "appraisal_issues.csv", APPRAISAL_ISSUE_COLUMNS),
]}


def table_spec(kind: str) -> TableSpec:
    try:
        return TABLES[kind]
    except KeyError:
        raise ValueError(f"unknown table {kind!r}; known: {', '.join(TABLES)}") from None


def typed_table(kind: str, df: pd.DataFrame) -> pd.DataFrame:
    """A table read as text, given the contract's columns (missing ones added empty) and types."""
    spec = table_spec(kind)
    out = conform(df, spec.columns)
    for col in spec.columns:
        if col in spec.numbers:
            out[col] = pd.to_numeric(out[col], errors="coerce")
        elif col in spec.counts:
            out[col] = pd.to_numeric(out[col].replace("", pd.NA), errors="coerce").astype("Int64")
        else:
            out[col] = out[col].astype("string").fillna("")
    for col in spec.extra_numbers:
        if col in out.columns:
            out[col] = pd.to_numeric(out[col], errors="coerce")
    return out


def read_table(kind: str, path: str | os.PathLike, *, missing_ok: bool = False) -> pd.DataFrame:
    """A processed table (`TABLES[kind]`) read back with the contract's columns and types; identifiers stay
    text even when they look like numbers. An empty file (and, with `missing_ok`, an absent one) gives an empty
    table with the contract's columns."""
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        df = pd.DataFrame(columns=table_spec(kind).columns, dtype=str)
    except FileNotFoundError:
        if not missing_ok:
            raise
        df = pd.DataFrame(columns=table_spec(kind).columns, dtype=str)
    return typed_table(kind, df)


def write_table(kind: str, df: pd.DataFrame, path: str | os.PathLike) -> None:
    """A processed table written atomically, the contract's columns first (extra ones kept after)."""
    write_csv_atomic(conform(df, table_spec(kind).columns), path)


def finite_float(x) -> float | None:
    """A table cell as a finite float, or None (missing, text, NaN, infinite)."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None

def read_texts(path: str | os.PathLike) -> dict[str, str]:
    """doc_id -> normalized text from a texts.jsonl, for the later stages: empty when the file is absent, a line
    that is not a JSON object with a text skipped (a later stage reports what it lacks, it does not crash)."""
    path = Path(path)
    texts: dict[str, str] = {}
    if not path.is_file():
        return texts
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            texts[str(record.get("doc_id", ""))] = record["text"]
    return texts
