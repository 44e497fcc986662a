"""Stage 3 end to end: estimates (+ documents, + reviewer decisions) -> cells -> pooled table, sensitivity table,
forest plots and metafor CSVs. The notebook 03_pool calls `run_synthesis`; tests call `synthesize` on in-memory
tables.

Steps: apply reviewer decisions (curation.py) -> comparative effects from two arms' data (from_arms.py) -> build
cells with oriented effect sizes (cells.py) -> same-patient rules (dedup.py) -> arm counts per comparative
estimate (arm_counts.py) -> pool, sensitivity and GRADE certainty (pool.py, certainty.py, with the reviewer's
appraisal.py files) -> Summary of Findings (summary.py) -> outputs.

Outputs (processed_dir): pooled.csv, sensitivity.csv, estimates_curated.csv, cell_estimates.csv (every curated
estimate with its cell, oriented value, yi/vi, included yes/no and the reason), orphan_decisions.csv (decisions
that could not be applied), appraisal_issues.csv (risk-of-bias and GRADE override rows that could not be applied).
reports_dir: summary_of_findings.csv; figures/<cell_id>.svg (forest plot, and <cell_id>-funnel.svg from k >= 10;
.png instead or as well when asked) for the PLOT_CELLS cells with k >= 2 that have the most studies, and metafor/<cell_id>.csv
for each cell with k >= 2; files of earlier runs for cells that no
longer exist are removed so the folders match the table.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import parallel
from ..curation import added_estimates, apply_decisions, read_decisions
from ..errors import ConfigError
from ..meta import ESTIMATORS
from ..tables import ESTIMATE_COLUMNS, conform, read_table, read_texts, write_csv_atomic, write_table
from .appraisal import ISSUE_COLUMNS, Appraisal, read_appraisal
from .arm_counts import arm_counts
from .cells import MEMBER_COLUMNS, build_members, cells_by_size
from .certainty import randomized_from_text
from .classes import load_class_map
from .dedup import apply_same_patient_rules
from .export import write_metafor_csvs
from .from_arms import add_effects_from_arms
from .forest import DEFAULT_FORMATS, check_formats, write_forest, write_funnel
from .labels import study_label
from .pool import CellFit, GradeContext, pool_cells
from .summary import summary_of_findings

#: Imported by a kernel's warm-up (runner.execute.WARM_UP) before the notebook runs: the meta engine's DerSimonian-Laird
#: and Hedges fallbacks import pymare (and with it sympy, ~0.8 s of CPU) on first use, inside the pooling's first
#: pass, while the other core idles.
WARM_IMPORTS = ("pymare.estimators",)

_CELL_FILE = re.compile(r"^cell-[0-9a-f]{12}(-funnel)?\.(png|svg|csv)$")
TESTS = ("adhoc", "knha", "z")
PI_METHODS = ("metafor", "k-1", "riley")


@dataclass
class SynthesisOptions:
    pooling_level: str = "drug"
    method: str = "REML"
    test: str = "adhoc"
    level: float = 0.95
    pi_min_k: int = 3
    pi_method: str = "metafor"
    pool_two_studies: bool = False
    sensitivity_methods: tuple[str, ...] = ("DL", "PM")
    leave1out_min_k: int = 3
    bias_min_k: int = 10
    timepoint_policy: str = "longest"
    class_map_path: str | None = None

    @classmethod
    def from_parameters(cls, *, pooling_level="drug", method="REML", test="adhoc", pi_min_k=3, pi_method="metafor",
                        pool_two_studies=False, sensitivity_methods="DL,PM", leave1out_min_k=3, bias_min_k=10,
                        timepoint_policy="longest", class_map_path=None, level=0.95) -> "SynthesisOptions":
        """Options from notebook/CLI parameters: lists may be given as "DL,PM,EE" or as a list; "" means none."""
        if isinstance(sensitivity_methods, str):
            methods = tuple(m.strip() for m in sensitivity_methods.split(",") if m.strip())
        else:
            methods = tuple(str(m).strip() for m in (sensitivity_methods or ()) if str(m).strip())
        try:
            options = cls(pooling_level=str(pooling_level).strip().lower(), method=str(method).strip().upper(),
                          test=str(test).strip().lower(), level=float(level), pi_min_k=int(pi_min_k),
                          pi_method=str(pi_method).strip().lower(), pool_two_studies=_as_bool(pool_two_studies),
                          sensitivity_methods=tuple(m.upper() for m in methods),
                          leave1out_min_k=int(leave1out_min_k), bias_min_k=int(bias_min_k),
                          timepoint_policy=str(timepoint_policy).strip().lower(),
                          class_map_path=str(class_map_path) if class_map_path else None)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"invalid pooling parameter: {exc}") from None
        options.check()
        return options

    def check(self) -> None:
        if self.pooling_level not in {"drug", "class"}:
            raise ConfigError(f"pooling_level must be 'drug' or 'class', not {self.pooling_level!r}")
        for m in (self.method, *self.sensitivity_methods):
            if str(m).upper() not in ESTIMATORS:
                raise ConfigError(f"unknown estimator {m!r}; use one of {', '.join(ESTIMATORS)}")
        if self.test not in TESTS:
            raise ConfigError(f"test must be one of {', '.join(TESTS)}, not {self.test!r}")
        if self.pi_method not in PI_METHODS:
            raise ConfigError(f"pi_method must be one of {', '.join(PI_METHODS)}, not {self.pi_method!r}")
        if self.timepoint_policy not in {"longest", "exact"}:
            raise ConfigError(f"timepoint_policy must be 'longest' or 'exact', not {self.timepoint_policy!r}")
        if self.class_map_path and not Path(self.class_map_path).is_file():
            raise ConfigError(f"class map not found: {self.class_map_path}")


def _as_bool(value) -> bool:
    """True/False from a notebook or `-p` value: a bool, 1/0, or yes/no/true/false text."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


@dataclass
class SynthesisResult:
    curated: pd.DataFrame
    members: pd.DataFrame
    pooled: pd.DataFrame
    sensitivity: pd.DataFrame
    decision_issues: pd.DataFrame
    fits: list[CellFit] = field(default_factory=list)
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    appraisal_issues: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ISSUE_COLUMNS))

    @property
    def excluded(self) -> pd.DataFrame:
        """Estimates kept out of every cell, with the reason."""
        cols = ["estimate_id", "study", "condition", "outcome", "measure", "intervention", "comparator", "reason"]
        return self.members.loc[~self.members["included"], cols].reset_index(drop=True)

    @property
    def pooled_cells(self) -> pd.DataFrame:
        """Cells with k >= 2."""
        return self.pooled[self.pooled["k"] >= 2].reset_index(drop=True)


def study_labels(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> "Surname Year" (the first author's family name)."""
    if documents is None or documents.empty:
        return {}
    return {str(d): study_label(a, y, str(s) or str(d)) for d, a, y, s in
            zip(documents["doc_id"], documents["authors"], documents["year"], documents["source_file"])}


def randomized_documents(documents: pd.DataFrame | None, texts: dict[str, str] | None) -> dict[str, bool]:
    """doc_id -> randomized evidence (an RCT, or a news page about a trial the text calls randomized)."""
    if documents is None or documents.empty:
        return {}
    texts = texts or {}
    return {str(d): randomized_from_text(str(g), texts.get(str(d), "")) for d, g in
            zip(documents["doc_id"], documents["design"])}


def synthesize(estimates: pd.DataFrame, documents: pd.DataFrame | None = None,
               decisions: pd.DataFrame | None = None, options: SynthesisOptions | None = None,
               decision_read_issues: pd.DataFrame | None = None,
               added: pd.DataFrame | None = None, texts: dict[str, str] | None = None,
               appraisal: Appraisal | None = None, on_drawable=None) -> SynthesisResult:
    """All of stage 3 on in-memory tables (no files written). `added`: estimates a reviewer added
    (curation.added_estimates), joined after the decisions are applied. `texts` (doc_id -> normalized text) lets
    a news page about a randomized trial count as randomized evidence; `appraisal` holds the reviewer's
    risk-of-bias judgements and GRADE overrides. `on_drawable`: see `pool.pool_cells` (`run_synthesis` starts
    drawing the plots with it while the sensitivity analyses and the certainty are computed)."""
    options = options or SynthesisOptions()
    options.check()
    estimates = conform(estimates, ESTIMATE_COLUMNS)
    if decisions is None:
        decisions = pd.DataFrame(columns=["estimate_id", "decision", "corrected_fields", "reviewer", "note", "line"])
    curated, issues = apply_decisions(estimates, decisions, decision_read_issues)
    if added is not None and len(added):
        added = conform(added, ESTIMATE_COLUMNS).astype({c: "object" for c in ESTIMATE_COLUMNS})
        curated = pd.concat([curated, added.loc[~added["estimate_id"].isin(set(curated["estimate_id"]))]],
                            ignore_index=True)
    curated = add_effects_from_arms(curated)   # comparisons from two arms' counts or means (from_arms)
    class_map = load_class_map(options.class_map_path) if options.pooling_level == "class" else {}
    members = build_members(curated, documents, pooling_level=options.pooling_level, class_map=class_map,
                            timepoint_policy=options.timepoint_policy)
    members = apply_same_patient_rules(members)
    members = members.sort_values(["cell_id", "estimate_id"], kind="stable").reset_index(drop=True)
    appraisal = appraisal or Appraisal()
    roles = dict(zip(curated["estimate_id"].astype(str), curated["role"].fillna("").astype(str)))
    subgroup_of = dict(zip(curated["estimate_id"].astype(str), curated["subgroup"].fillna("").astype(str)))
    context = GradeContext(randomized=randomized_documents(documents, texts), risk_of_bias=appraisal.risk_of_bias,
                           overrides=appraisal.overrides, arms=arm_counts(members), labels=study_labels(documents),
                           roles=roles, subgroups=subgroup_of)
    pooled, sensitivity, fits = pool_cells(
        members, method=options.method.upper(), test=options.test, level=options.level,
        pi_min_k=options.pi_min_k, pi_method=options.pi_method, pool_two=options.pool_two_studies,
        sensitivity_methods=tuple(m.upper() for m in options.sensitivity_methods),
        leave1out_min_k=options.leave1out_min_k, bias_min_k=options.bias_min_k, context=context,
        on_drawable=on_drawable)
    pooled = with_cell_meaning(pooled, members)
    appraisal_issues = appraisal.issues.copy()
    unknown = sorted(set(appraisal.overrides) - set(pooled["cell_id"]))
    if unknown:
        extra = pd.DataFrame([{"file": "grade.csv", "line": "", "key": c,
                               "problem": "no cell with this cell_id in this run; override not applied"}
                              for c in unknown], columns=ISSUE_COLUMNS)
        appraisal_issues = pd.concat([appraisal_issues, extra], ignore_index=True) if len(appraisal_issues) else extra
    summary = summary_of_findings(pooled, fits)
    return SynthesisResult(curated, members[MEMBER_COLUMNS], pooled, sensitivity, issues, fits, summary,
                           appraisal_issues)


def with_cell_meaning(pooled: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """pooled.csv's extra columns after the contract's: the cell's subgroup (empty for a whole-trial cell), whether
    its estimates are adjusted, and whether any was computed from two arms' data."""
    out = pooled.copy()
    per_cell: dict[str, tuple[list, list, list]] = {}  # one pass over the members, not a lambda per cell
    columns = ("cell_id", "subgroup", "adjusted", "from_arms")
    # rows by a boolean mask: an empty members table's "included" column has object dtype, and indexing with it
    # would select columns instead of rows
    included = members.loc[members["included"].astype(bool)]
    for cell_id, subgroup, adjusted, from_arms in zip(*(included[c] for c in columns)):
        lists = per_cell.setdefault(cell_id, ([], [], []))
        lists[0].append(subgroup)
        lists[1].append(adjusted)
        lists[2].append(from_arms)
    subgroup = {c: "; ".join(sorted({x for x in s if x})) for c, (s, _, _) in per_cell.items()}
    adjusted = {c: "yes" if all(x == "yes" for x in a) else "no" if all(x == "no" for x in a) else "unknown"
                for c, (_, a, _) in per_cell.items()}
    from_arms = {c: "yes" if any(x for x in f) else "" for c, (_, _, f) in per_cell.items()}
    out["subgroup"] = [subgroup.get(c, "") for c in out["cell_id"]]
    out["adjusted"] = [adjusted.get(c, "unknown") for c in out["cell_id"]]
    out["from_arms"] = [from_arms.get(c, "") for c in out["cell_id"]]
    return out


#: From this many figures the automatic scheduler draws them on local processes forked from this one: a forked
#: worker starts with matplotlib and the fits already in memory (a spawned one first spent ~3 s of CPU starting
#: Python and importing them), so the pool pays off as soon as there is more than a figure or two per core.
FIGURE_POOL_MIN_ITEMS = 8
FIGURE_WORKERS = 2  # forked processes drawing figures (no more than the cores)


#: Forest (and funnel) plots are drawn for this many pooled cells (k >= 2), those with the most studies first: a
#: plot costs ~0.1 s CPU, and at 10,000 documents (362 pooled cells, 507 plots) drawing them all took most of the
#: stage. The report gives sections to its MAIN_CELL_LIMIT (report/pages.py, at most this many) cells with the most
#: studies in the same order (cells.cells_by_size), so each of those has its plot and the figures page the next
#: ones. 0 draws every pooled cell's plots.
PLOT_CELLS = 100


def plotted_fits(fits: list[CellFit], pooled: pd.DataFrame, plot_cells: int = PLOT_CELLS) -> list[CellFit]:
    """The pooled cells' fits that get a forest (and funnel) plot: in the order of `cells.cells_by_size` (the
    report's order), at most `plot_cells` of them (0: all)."""
    by_cell = {str(f.cell_id): f for f in fits if f.k >= 2}
    ranked = [by_cell[c] for c in cells_by_size(pooled) if c in by_cell]
    return ranked if plot_cells <= 0 else ranked[:plot_cells]


def _write_figures(items: list[tuple]) -> list[list[str]]:
    """The forest (and funnel) plot files of each (cell fit, figures folder, formats); the names written, per
    cell."""
    out = []
    for fit, folder, formats in items:
        out.append([p.name for p in (*write_forest(fit, folder, formats), *write_funnel(fit, folder, formats))])
    return out


def _write_figure(item: tuple) -> list[str]:
    return _write_figures([item])[0]


def _write_figures_forked(items: list[tuple], workers: int) -> parallel.ForkedMap:
    """`_write_figure` over `items` started on `workers` processes forked from this one (`parallel.ForkedMap`), one
    figure per task, most studies first (the order of `items`), so the largest plots do not come last; `.results()`
    gives the names written, per item, in item order. Each figure is drawn on its own canvas, so its bytes do not
    depend on the process that drew it."""
    return parallel.ForkedMap(_write_figure, items, workers)


def _figure_workers(scheduler: str, n_items: int) -> int:
    """How many forked processes draw the figures: none (0) unless the scheduler is local processes (automatic
    from FIGURE_POOL_MIN_ITEMS figures, or "processes") on more than one core of a system that can fork; other
    schedulers (threads, synchronous, a Dask cluster) go through `evidence_review.parallel`."""
    if scheduler == "processes" or (scheduler == "" and n_items >= FIGURE_POOL_MIN_ITEMS):
        workers = parallel.forked_workers(FIGURE_WORKERS, n_items)
        return workers if workers > 1 else 0
    return 0


class EarlyFigures:
    """The plots drawn on forked workers from the moment the pooling's first pass has every fit they read
    (`pool.pool_cells`' `on_drawable`), while this process goes on with the sensitivity analyses, the certainty
    and the tables: at 10,000 documents drawing the plots (~8 s of CPU on two workers) followed ~3 s of serial
    statistics that left a core idle. Only where `write_outputs` would fork its workers (`_figure_workers`); else
    `start` draws nothing and `write_outputs` draws as before. The plotted cells are ranked as `plotted_fits`
    ranks them, on a table in pooled.csv's order; `write_outputs` takes the drawing only if the final ranking
    names the same cells in the same order (else it draws again), so the files are those of a run without it."""

    def __init__(self, figures_dir: Path, formats: tuple[str, ...], plot_cells: int, scheduler: str):
        self.figures_dir, self.formats, self.plot_cells, self.scheduler = figures_dir, formats, plot_cells, scheduler
        self.cell_ids: list[str] = []
        self.drawing: parallel.ForkedMap | None = None

    def start(self, fits: list[CellFit], order: pd.DataFrame) -> None:
        ranked = plotted_fits(fits, order, self.plot_cells)
        workers = _figure_workers(self.scheduler, len(ranked))
        if workers <= 1:
            return
        self.figures_dir.mkdir(parents=True, exist_ok=True)
        self.cell_ids = [str(f.cell_id) for f in ranked]
        self.drawing = _write_figures_forked([(f, str(self.figures_dir), self.formats) for f in ranked], workers)

    def taken_for(self, items: list[tuple]) -> parallel.ForkedMap | None:
        """The drawing, when it draws exactly `items`' cells in their order; else None (and it is stopped)."""
        if self.drawing is not None and self.cell_ids == [str(fit.cell_id) for fit, _, _ in items] \
                and all(Path(folder) == self.figures_dir and tuple(formats) == self.formats
                        for _, folder, formats in items):
            return self.drawing
        self.shutdown()
        return None

    def shutdown(self) -> None:
        if self.drawing is not None:
            self.drawing.shutdown()
            self.drawing = None


def _remove_stale(folder: Path, keep: set[str]) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if _CELL_FILE.match(path.name) and path.name not in keep and path.is_file():
            path.unlink()


def write_outputs(result: SynthesisResult, processed_dir: str | os.PathLike, reports_dir: str | os.PathLike,
                  figures: bool = True, scheduler: str = "", figure_formats=DEFAULT_FORMATS,
                  plot_cells: int = PLOT_CELLS, early: EarlyFigures | None = None) -> dict[str, Path]:
    """Write every table, and the forest and funnel plots of the `plot_cells` cells with k >= 2 that have the most
    studies (`plotted_fits`) in `figure_formats` ("png", "svg"), drawn on `scheduler`: local processes forked from
    this one (`_figure_workers`), else `evidence_review.parallel`'s; the figures are independent of each other, so
    their bytes do not depend on where they are drawn. `early`: plots already being drawn (`EarlyFigures`), taken
    when they are the ones to draw."""
    try:
        formats = check_formats(figure_formats)
        plot_cells = int(plot_cells)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid figure parameter: {exc}") from None
    processed, reports = Path(processed_dir), Path(reports_dir)
    paths = {
        "pooled": processed / "pooled.csv", "sensitivity": processed / "sensitivity.csv",
        "estimates_curated": processed / "estimates_curated.csv", "cell_estimates": processed / "cell_estimates.csv",
        "orphan_decisions": processed / "orphan_decisions.csv",
        "appraisal_issues": processed / "appraisal_issues.csv",
        "summary_of_findings": reports / "summary_of_findings.csv",
    }
    pooled_fits = [f for f in result.fits if f.k >= 2]
    figures_dir, metafor_dir = reports / "figures", reports / "metafor"
    drawing = None
    if figures:
        figures_dir.mkdir(parents=True, exist_ok=True)
        items = [(fit, str(figures_dir), formats) for fit in plotted_fits(pooled_fits, result.pooled, plot_cells)]
        scheduler = parallel.check_scheduler(scheduler)
        workers = _figure_workers(scheduler, len(items))
        drawing = early.taken_for(items) if early is not None else None
        if drawing is None:
            # forked workers draw while this process writes the tables (they need nothing the tables hold)
            drawing = (_write_figures_forked(items, workers) if workers > 1 else
                       parallel.map_partitions(_write_figures, items,
                                               scheduler="synchronous" if scheduler == "" else scheduler))
    elif early is not None:
        early.shutdown()
    try:
        write_table("pooled", result.pooled, paths["pooled"])
        write_table("sensitivity", result.sensitivity, paths["sensitivity"])
        write_csv_atomic(result.curated, paths["estimates_curated"])
        write_table("cell_estimates", result.members, paths["cell_estimates"])
        write_table("orphan_decisions", result.decision_issues, paths["orphan_decisions"])
        write_table("appraisal_issues", result.appraisal_issues, paths["appraisal_issues"])
        write_table("summary_of_findings", result.summary, paths["summary_of_findings"])
        write_metafor_csvs(pooled_fits, metafor_dir)
        _remove_stale(metafor_dir, {f"{f.cell_id}.csv" for f in pooled_fits})
    except BaseException:
        if isinstance(drawing, parallel.ForkedMap):
            drawing.shutdown()
        raise
    if figures:
        written = drawing.results() if isinstance(drawing, parallel.ForkedMap) else drawing
        _remove_stale(figures_dir, {name for names in written for name in names})
    return paths


def run_synthesis(processed_dir: str | os.PathLike, curation_dir: str | os.PathLike | None,
                  reports_dir: str | os.PathLike, options: SynthesisOptions | None = None,
                  figures: bool = True, scheduler: str = "", figure_formats=DEFAULT_FORMATS,
                  plot_cells: int = PLOT_CELLS) -> SynthesisResult:
    """Read estimates.csv (+ documents.csv, + curation/decisions.csv), synthesize, write every output (figures:
    see `write_outputs`; drawn from the end of the pooling's first pass on, `EarlyFigures`)."""
    processed = Path(processed_dir)
    estimates_path = processed / "estimates.csv"
    if not estimates_path.is_file():
        raise ConfigError(f"estimates table not found: {estimates_path} (run the extraction stage first)")
    estimates = read_table("estimates", estimates_path)
    documents_path = processed / "documents.csv"
    documents = (read_table("documents", documents_path)
                 if documents_path.is_file() else None)
    decisions_path = Path(curation_dir) / "decisions.csv" if curation_dir is not None else None
    decisions, read_issues = read_decisions(decisions_path)
    added, added_issues = added_estimates(curation_dir, documents)
    if len(added_issues):
        read_issues = pd.concat([read_issues, added_issues], ignore_index=True)
    appraisal = read_appraisal(curation_dir, documents, None)
    texts = read_texts(processed / "texts.jsonl")
    early = None
    if figures:
        try:
            early = EarlyFigures(Path(reports_dir) / "figures", check_formats(figure_formats), int(plot_cells),
                                 parallel.check_scheduler(scheduler))
        except (TypeError, ValueError, ConfigError):
            early = None        # write_outputs says what is wrong with the parameters
    try:
        result = synthesize(estimates, documents, decisions, options, read_issues, added, texts=texts,
                            appraisal=appraisal, on_drawable=early.start if early is not None else None)
        write_outputs(result, processed, reports_dir, figures=figures, scheduler=scheduler,
                      figure_formats=figure_formats, plot_cells=plot_cells, early=early)
    except BaseException:
        if early is not None:
            early.shutdown()
        raise
    return result


