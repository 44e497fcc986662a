"""evidence-review: from raw documents to pooled estimates and a narrative report.

The API for your own notebooks and scripts (each name is imported on first use, so ``import evidence_review``
stays cheap)::

    import evidence_review as er

    er.run(raw="~/my-papers", processed="out/processed", reports="out/reports")   # the whole pipeline -> 0
    documents, texts = er.ingest_paths(["~/my-papers"])       # stage 1: documents table + normalized texts
    estimates = er.extract_estimates(documents, texts)        # stage 2: estimates table (estimates.csv)
    result = er.synthesize(estimates, documents)              # stage 3: result.pooled, .summary, .members ...
    er.pool(studies, measure="RR")                            # one meta-analysis of a study table (`pool --json`)
    fit = er.rma(yi, vi, method="REML", test="knha")          # the engine (metafor 3.8 conventions)
    er.read_table("estimates", "data/processed/estimates.csv")  # a processed table with its contract types

Everything else lives in the stage packages (`evidence_review.ingest`, `.extract`, `.synthesis`, `.report`), the
engine (`evidence_review.meta`) and the shared vocabulary (`evidence_review.tables`).
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"  # the one place the version is written; pyproject.toml reads it from here

#: public name -> "module:attribute", imported when first used
_EXPORTS = {
    "run": "evidence_review.api:run",
    "ingest_paths": "evidence_review.ingest:ingest_paths",
    "ingest_with_structures": "evidence_review.ingest:ingest_with_structures",
    "save_ingest": "evidence_review.ingest:save_ingest",
    "load_ingest": "evidence_review.ingest:load_ingest",
    "extract_estimates": "evidence_review.extract:extract_estimates",
    "extract_study_tables": "evidence_review.extract:extract_study_tables",
    "synthesize": "evidence_review.synthesis.pipeline:synthesize",
    "run_synthesis": "evidence_review.synthesis.pipeline:run_synthesis",
    "SynthesisOptions": "evidence_review.synthesis.pipeline:SynthesisOptions",
    "pool": "evidence_review.meta.pool:pool_dataframe",
    "rma": "evidence_review.meta:rma",
    "escalc": "evidence_review.meta:escalc",
    "read_table": "evidence_review.tables:read_table",
    "write_table": "evidence_review.tables:write_table",
    "MEASURE_TABLE": "evidence_review.tables:MEASURE_TABLE",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'evidence_review' has no attribute {name!r}")
    module_name, attribute = target.split(":")
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
