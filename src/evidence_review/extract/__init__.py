"""Stage 2: normalized document texts (with their sections and table grids) -> estimates and arms.

Public interface:
    extract_study_tables(documents, texts, structures=None, scheduler="") -> Extraction(estimates, arms, documents,
        studies); documents are extracted per partition on the scheduler (evidence_review.parallel: in this
        process, on every core, or on a Dask cluster) and gathered in the documents table's order
        estimates: ESTIMATE_COLUMNS + EXTRA_COLUMNS, one row per estimate (sentences and tables);
        arms: ARM_COLUMNS, one row per arm of each document's study model, sorted by doc_id and arm;
        documents: the input documents with `extract_error` filled for each document whose extraction failed;
        studies: {doc_id: Study}; studies_table(studies) shows them one row per document.
    extract_estimates(documents, texts, structures=None) -> the estimates table alone.
    load_structures(processed_dir) -> {doc_id: {"sections": [...], "tables": [...]}} from stage 1.
`texts` maps doc_id to the normalized text; `structures` maps doc_id to ingestion's sections and table grids
(DESIGN.md, texts.jsonl); a document without one is one section without tables.
Documents with status != "ok" or a non-empty duplicate_of are not extracted.

The flow for one document: its study model first (study.py: arms, roles, sizes, design, outcomes,
timepoints), then the sentence reader (core.extract_document, given the study), then the table reader
(table_reader.py) over every grid whose columns are arms; sentence rows found inside a table that the table
reader read are replaced by its cell-by-cell rows; last, what each number means (meaning.py: role, subgroup,
adjusted, timepoint, direction, needs_review). A step that raises is recorded in the document's
`extract_error` ("extraction failed: StopIteration in _arms") and the run goes on with the other steps and
documents.

Modules, one job each: textscan (scan view, sentences), grammar (the one grammar of numeric expressions),
registry and rules/ (the named rules that turn parsed expressions into rows, each with its example),
sentence (the per-sentence engine), patterns (the measure vocabulary as printed), model (the records rules
share), lexicon (drugs, outcomes, conditions from data files), orientation (arms and direction), study (the
study model), table_reader (estimates from table grids), meaning (what each number means), validation
(flags), ids (stable ids), core (one document's sentences), pipeline (the steps of one document and the run over
many: the names above, which this package imports from it on first use), evaluate (scores against the gold files),
cli (`evidence-review extract`).
Extra columns after the contract's: value_text (as printed), unit (for rates), finder (which rule found it;
"table" for the table reader).
"""
from __future__ import annotations

import importlib

#: public name -> the module of this package that defines it, imported on first use: the modules that only
#: need a small part of extraction (curation needs ids and validation, synthesis the drug lexicon) import
#: `evidence_review.extract.ids` and the like without loading the whole extractor (~0.6 s of imports)
_EXPORTS = {
    **dict.fromkeys(("EXTRA_COLUMNS", "Extraction", "WorkItem", "arms_table", "extract_estimates", "extract_one",
                     "extract_partition", "extract_study_tables", "failure_reason", "load_structures",
                     "structures_from_texts_jsonl", "studies_table", "with_arm_sizes", "with_extract_errors",
                     "work_items", "_plus_minus_as_se"), "pipeline"),
    "extract_document": "core",
    "load_drug_lexicon": "lexicon",
    "build_study": "study",
    "Study": "study",
}

__all__ = ["extract_estimates", "extract_study_tables", "extract_document", "load_drug_lexicon", "load_structures",
           "build_study", "studies_table", "Extraction", "EXTRA_COLUMNS"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
