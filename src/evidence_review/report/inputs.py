"""Read what the report needs from the processed folder, tolerating missing or empty tables.

Tables are read as text and only the numeric contract columns are converted, so a stray word in a number
column becomes a missing value instead of an exception or a dtype warning in the report notebook.
Rows are sorted by their keys: the report never depends on the order a stage happened to write them in.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import notebooks, tables
from ..tables import CURATED_EXTRA_COLUMNS, ESTIMATE_COLUMNS, read_texts, records, table_spec  # records: one owner, tables

SORT_KEYS = {
    "documents": ["source_file", "record", "doc_id"],
    "estimates": ["doc_id", "start", "estimate_id"],
    "pooled": ["condition", "outcome", "measure", "intervention", "comparator", "timepoint", "cell_id"],
}
FIGURE_SUFFIXES = (".png", ".svg")


@dataclass
class ReportInputs:
    documents: pd.DataFrame
    estimates: pd.DataFrame
    pooled: pd.DataFrame
    texts: dict[str, str]
    figures: dict[str, Path]  # cell_id -> forest plot file
    table_hashes: dict[str, str]  # file name -> sha256 of the processed table read
    sensitivity: pd.DataFrame | None = None
    run_parameters: dict = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # tables that were absent
    members: pd.DataFrame | None = None  # cell_estimates.csv: every estimate's cell, included or why not
    decision_issues: pd.DataFrame | None = None  # orphan_decisions.csv: reviewer decisions not applied
    summary: pd.DataFrame | None = None  # reports/summary_of_findings.csv (GRADE Summary of Findings)
    appraisal_issues: pd.DataFrame | None = None  # appraisal_issues.csv: risk-of-bias / GRADE rows not applied
    funnels: dict[str, Path] = field(default_factory=dict)  # cell_id -> funnel plot file


def numbers_as_float(df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Every number column of the table as float64: the report formats them all alike."""
    spec = table_spec(kind)
    for col in (*spec.numbers, *spec.counts, *spec.extra_numbers):
        if col in df.columns:
            df[col] = df[col].astype("float64")
    return df


def read_table(path: Path, kind: str) -> pd.DataFrame:
    """A processed table (an absent or empty one gives no rows), numbers as float64, sorted by its keys."""
    df = numbers_as_float(tables.read_table(kind, path, missing_ok=True), kind)
    return df.sort_values(SORT_KEYS[kind], kind="stable", na_position="last").reset_index(drop=True)


def split_ids(value) -> list[str]:
    """estimate_ids / doc_ids cells: ids joined by ';' (also accepts ',' '|' or spaces)."""
    return [part for part in re.split(r"[;,|\s]+", str(value or "")) if part]


def find_figures(figures_dir: Path, cell_ids: list[str], exact_only: bool = False) -> dict[str, Path]:
    """The forest plot of each cell: `<cell_id>.png` preferred, else a file whose name holds the cell id
    (`exact_only`: only `<name>.png|.svg`; keys are the names asked for)."""
    if not figures_dir.is_dir():
        return {}
    files = sorted(p for p in figures_dir.iterdir() if p.is_file() and p.suffix.lower() in FIGURE_SUFFIXES)
    by_stem: dict[str, list[Path]] = {}
    by_token: dict[str, list[Path]] = {}
    for p in files:  # indexed once: thousands of cells must not scan thousands of files each
        by_stem.setdefault(p.stem, []).append(p)
        if not exact_only:
            for token in set(re.split(r"[ _]+", p.stem)):
                by_token.setdefault(token, []).append(p)
    found = {}
    for cell_id in cell_ids:
        exact = list(by_stem.get(cell_id, []))
        loose = []
        if not exact_only and not exact:
            loose = list(by_token.get(cell_id, []))
            if not loose and re.search(r"[ _]", cell_id):  # an id with separators is no single token
                loose = [p for p in files if p.stem.endswith("_" + cell_id) or p.stem.startswith(cell_id + "_")]
        for group in (exact, loose):
            if group:
                group.sort(key=lambda p: (p.suffix.lower() != ".png", p.name))  # PNG first
                found[cell_id] = group[0]
                break
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


RUN_PARAMETERS = "run_parameters.json"  # written by `evidence-review run` into reports/executed/
STAGE_NOTEBOOKS = ("01_ingest", "02_extract", "03_pool")


def read_run_parameters(executed_dir: Path) -> dict | None:
    """{notebook name: {parameter: value}} from the runner's `run_parameters.json` (None when absent or not
    readable). Keys are notebook names without `.ipynb`."""
    path = Path(executed_dir) / RUN_PARAMETERS
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(loaded, dict):
        return None
    return {str(name).removesuffix(".ipynb"): values for name, values in sorted(loaded.items())}


def declared_defaults(notebook: Path) -> dict:
    """The values a notebook's `parameters` cell declares; none for a missing or unreadable notebook."""
    try:
        declared = notebooks.declared_parameters(notebook)
    except Exception:  # a missing or unreadable notebook: no defaults to show
        return {}
    return notebooks.declared_defaults(declared)


def run_parameters(reports_dir: Path, notebooks_dir: Path | None = None) -> dict:
    """The parameters the run used: the runner's file, or, when the report runs on its own (JupyterLab), the
    earlier notebooks' declared defaults."""
    written = read_run_parameters(Path(reports_dir) / "executed")
    if written is not None:
        return written
    if notebooks_dir is None:
        from ..paths import NOTEBOOKS_SUBDIR, repo_root
        try:
            notebooks_dir = repo_root() / NOTEBOOKS_SUBDIR
        except FileNotFoundError:  # installed without the repository: nothing declared to show
            return {}
    return {name: declared_defaults(Path(notebooks_dir) / f"{name}.ipynb") for name in STAGE_NOTEBOOKS
            if (Path(notebooks_dir) / f"{name}.ipynb").is_file()}


REVIEW_COLUMNS = CURATED_EXTRA_COLUMNS  # the reviewer's columns of estimates_curated.csv


def read_optional(path: Path, hashes: dict[str, str]) -> pd.DataFrame | None:
    """A table another stage may or may not write (all text; None when absent or unreadable)."""
    if not path.is_file():
        return None
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.EmptyDataError, pd.errors.ParserError, UnicodeDecodeError):
        return None
    hashes[path.name] = file_sha256(path)
    return df


def with_reviewer_decisions(estimates: pd.DataFrame, curated: pd.DataFrame | None) -> pd.DataFrame:
    """estimates.csv plus the reviewer's decision, name, note and corrected fields from estimates_curated.csv."""
    out = estimates.copy()
    for col in REVIEW_COLUMNS:
        out[col] = ""
    if curated is None or "estimate_id" not in curated.columns:
        return out
    curated = curated.drop_duplicates("estimate_id", keep="last").set_index("estimate_id")
    for col in ["decision", *REVIEW_COLUMNS]:
        if col in curated.columns:
            mapped = out["estimate_id"].map(curated[col]).fillna("").astype("string")
            out[col] = mapped.where(mapped != "", out[col]) if col == "decision" else mapped
    return out


def with_derived_estimates(estimates: pd.DataFrame, curated: pd.DataFrame | None) -> pd.DataFrame:
    """estimates.csv plus the comparisons the pooling stage computed from two arms' data (estimates_curated.csv
    rows with `from_arms`), so a pooled number built on one links to its arms' sentences like any other."""
    if curated is None or "from_arms" not in curated.columns or "estimate_id" not in curated.columns:
        return estimates
    derived = curated[(curated["from_arms"].astype(str).str.strip() != "")
                      & ~curated["estimate_id"].isin(set(estimates["estimate_id"]))]
    if derived.empty:
        return estimates
    derived = numbers_as_float(tables.typed_table("estimates", derived[
        [c for c in ESTIMATE_COLUMNS if c in derived.columns]]), "estimates")
    table = pd.concat([estimates, derived], ignore_index=True)
    return table.sort_values(SORT_KEYS["estimates"], kind="stable", na_position="last").reset_index(drop=True)


def load(processed_dir: Path, reports_dir: Path, notebooks_dir: Path | None = None) -> ReportInputs:
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    tables = {}
    hashes = {}
    missing = []
    for kind in ("documents", "estimates", "pooled"):
        path = processed_dir / f"{kind}.csv"
        tables[kind] = read_table(path, kind)
        if path.is_file():
            hashes[path.name] = file_sha256(path)
        else:
            missing.append(path.name)
    sensitivity = read_optional(processed_dir / "sensitivity.csv", hashes)
    curated = read_optional(processed_dir / "estimates_curated.csv", hashes)
    members = read_optional(processed_dir / "cell_estimates.csv", hashes)
    decision_issues = read_optional(processed_dir / "orphan_decisions.csv", hashes)
    appraisal_issues = read_optional(processed_dir / "appraisal_issues.csv", hashes)
    summary = read_optional(reports_dir / "summary_of_findings.csv", hashes)
    tables["estimates"] = with_reviewer_decisions(with_derived_estimates(tables["estimates"], curated), curated)
    pooled = tables["pooled"]
    cell_ids = [c for c in pooled["cell_id"].tolist() if c]
    return ReportInputs(
        documents=tables["documents"],
        estimates=tables["estimates"],
        pooled=pooled,
        texts=read_texts(processed_dir / "texts.jsonl"),
        figures=find_figures(reports_dir / "figures", cell_ids),
        table_hashes=dict(sorted(hashes.items())),
        sensitivity=sensitivity,
        run_parameters=run_parameters(reports_dir, notebooks_dir),
        missing=missing,
        members=members,
        decision_issues=decision_issues,
        summary=summary,
        appraisal_issues=appraisal_issues,
        funnels=find_figures(reports_dir / "figures", [f"{c}-funnel" for c in cell_ids], exact_only=True),
    )
