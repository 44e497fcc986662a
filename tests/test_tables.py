"""tables.py is the one owner of the shared vocabulary: the measure table, the processed tables' columns and types,
the readable-document rule and the missing-value tests. The stages use it instead of their own copies."""
from __future__ import annotations

import ast
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evidence_review import tables
from evidence_review.synthesis.effects import from_analysis, is_ratio_scale, to_analysis
from evidence_review.tables import (ARM_LEVEL_MEASURES, COMPARATIVE_MEASURES, CONTINUOUS_MEASURES,
                                    DESCRIPTIVE_MEASURES, DIFFERENCE_MEASURES, MEASURE_TABLE, MEASURES,
                                    ONE_ARM_MEASURES, RATIO_MEASURES, SINGLE_ARM_MEASURES)

SRC = Path(__file__).resolve().parents[1] / "src" / "evidence_review"

# Measure-code literals outside tables.py that are decisions of their module, not vocabulary (file, codes): why.
OWN_DECISIONS = {
    ("synthesis/summary.py", frozenset({"RR", "HR", "IRR", "OR", "RD", "RRR", "MD", "SMD"})):
        "the order of rows in the Summary of Findings",
    ("synthesis/summary.py", frozenset({"RR", "IRR"})): "the absolute-risk formula of these measures",
    ("synthesis/from_arms.py", frozenset({"RR", "OR", "RD"})): "the comparisons computed from two arms' counts",
    ("extract/patterns.py", frozenset({"RD", "RRR"})): "measures whose printed percentage is read as a fraction",
    ("extract/table_reader.py", frozenset({"MEAN", "MEDIAN"})): "an arm's summary cell of a rate row",
}


def test_every_measure_of_the_contract_has_one_entry_and_the_sets_follow_from_it():
    assert list(MEASURE_TABLE) == MEASURES == ["HR", "RR", "OR", "IRR", "RD", "MD", "SMD", "ARR", "RRR", "PROPORTION",
                                               "MEAN", "MEDIAN"]
    assert RATIO_MEASURES == {"HR", "RR", "OR", "IRR"} and DIFFERENCE_MEASURES == {"RD", "MD", "SMD"}
    assert COMPARATIVE_MEASURES == RATIO_MEASURES | DIFFERENCE_MEASURES | {"RRR"}
    assert SINGLE_ARM_MEASURES == {"ARR", "PROPORTION"} and DESCRIPTIVE_MEASURES == {"MEAN", "MEDIAN"}
    assert ONE_ARM_MEASURES.isdisjoint(COMPARATIVE_MEASURES) and ONE_ARM_MEASURES | COMPARATIVE_MEASURES == set(MEASURES)
    assert ARM_LEVEL_MEASURES == {"PROPORTION", "MEAN", "MEDIAN"} and CONTINUOUS_MEASURES == {"MD", "SMD"}


def test_null_values_names_and_lookups():
    assert [tables.null_value(m) for m in ("HR", "OR", "RD", "SMD", "RRR", "ARR", "PROPORTION", "MEAN", "XYZ")] == \
        [1.0, 1.0, 0.0, 0.0, 0.0, None, None, None, None]
    assert tables.measure_name("HR") == "hazard ratio" and tables.measure_name("ARR") == "annualized relapse rate"
    assert tables.measure_name("GEN") == "gen" and tables.measure_name("") == "estimate"
    assert tables.measure_info(" hr ") is MEASURE_TABLE["HR"] and tables.measure_info("nope") is None
    assert MEASURE_TABLE["HR"].comparative and not MEASURE_TABLE["ARR"].comparative
    assert [m for m in MEASURES if MEASURE_TABLE[m].log_axis] == ["HR", "RR", "OR", "IRR", "ARR"]


@pytest.mark.parametrize("measure, natural, analysis", [
    ("HR", 0.5, math.log(0.5)), ("ARR", 0.2, math.log(0.2)), ("RRR", 0.25, math.log(0.75)),
    ("PROPORTION", 0.2, math.log(0.25)), ("MD", -3.1, -3.1), ("SMD", 0.4, 0.4), ("RD", -0.05, -0.05)])
def test_the_synthesis_transforms_follow_each_measures_scale(measure, natural, analysis):
    assert to_analysis(measure, natural) == pytest.approx(analysis)
    assert from_analysis(measure, analysis) == pytest.approx(natural)
    assert is_ratio_scale(measure) == (MEASURE_TABLE[measure].scale == "log")


def test_missing_value_helpers():
    for absent in (None, float("nan"), np.float32("nan"), pd.NA, pd.NaT):
        assert tables.is_missing(absent) and tables.is_blank(absent) and tables.cell_text(absent) == ""
    for present in (0, 0.0, "", "x", float("inf"), [1]):
        assert not tables.is_missing(present)
    assert tables.is_blank("  \n") and not tables.is_blank(" a ")
    assert tables.cell_text("  a  b \n") == "a  b" and tables.one_line("  a \n b ") == "a b"


def test_readable_documents_are_ok_and_not_duplicates():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c", "d", "e"],
                              "status": ["ok", "skipped", "ok", " OK ", pd.NA],
                              "duplicate_of": ["", "", "a", pd.NA, ""]})
    assert tables.readable(documents)["doc_id"].tolist() == ["a", "d", "e"]
    assert tables.is_readable({"status": "ok"}) and not tables.is_readable({"status": "ok", "duplicate_of": "x"})


def test_read_table_gives_contract_columns_and_types_and_write_table_round_trips(tmp_path):
    path = tmp_path / "estimates.csv"
    pd.DataFrame({"estimate_id": ["0012"], "doc_id": ["d-0"], "measure": ["HR"], "value": ["0.72"],
                  "start": ["10"], "end": ["42"], "p_text": ["<0.001"], "extra": ["kept"]}).to_csv(path, index=False)
    table = tables.read_table("estimates", path)
    assert list(table.columns) == tables.ESTIMATE_COLUMNS + ["extra"]
    assert table.loc[0, "estimate_id"] == "0012" and table.loc[0, "value"] == 0.72 and table.loc[0, "start"] == 10
    assert table.loc[0, "comparator"] == "" and math.isnan(table.loc[0, "ci_low"])
    out = tmp_path / "again.csv"
    tables.write_table("estimates", table, out)
    assert tables.read_table("estimates", out).equals(table)

    documents = tmp_path / "documents.csv"
    documents.write_text("doc_id,year,pmid,status\nd-0,2019,00123,ok\nd-1,,,skipped\n", encoding="utf-8")
    docs = tables.read_table("documents", documents)
    assert str(docs["year"].dtype) == "Int64" and docs.loc[0, "year"] == 2019 and docs.loc[1, "year"] is pd.NA
    assert docs.loc[0, "pmid"] == "00123"


def test_read_table_on_empty_or_absent_files_and_unknown_kinds(tmp_path):
    empty = tmp_path / "pooled.csv"
    empty.write_text("", encoding="utf-8")
    assert list(tables.read_table("pooled", empty).columns) == tables.POOLED_COLUMNS
    assert len(tables.read_table("pooled", tmp_path / "absent.csv", missing_ok=True)) == 0
    with pytest.raises(FileNotFoundError):
        tables.read_table("pooled", tmp_path / "absent.csv")
    with pytest.raises(ValueError, match="unknown table 'nope'"):
        tables.read_table("nope", empty)


def _measure_literals(path: Path) -> list[tuple[int, frozenset[str]]]:
    """Sets, tuples and lists of two or more strings that are all measure codes."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            values = [e.value for e in node.elts]
            if set(values) <= set(MEASURES) and len(set(values)) >= 2:
                found.append((node.lineno, frozenset(values)))
    return found


def test_no_stage_spells_out_its_own_measure_set():
    """The engine (meta/) keeps metafor's own codes and is left out; everything else asks tables.py."""
    stray = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel == "tables.py" or rel.startswith("meta/"):
            continue
        stray += [f"{rel}:{line}: {sorted(codes)}" for line, codes in _measure_literals(path)
                  if (rel, codes) not in OWN_DECISIONS]
    assert stray == [], "measure sets belong in tables.py (derive them from MEASURE_TABLE): " + "; ".join(stray)


def test_every_table_the_pipeline_writes_has_its_specs_columns_first(tmp_path):
    from evidence_review.extract import extract_study_tables
    from evidence_review.ingest import ingest_with_structures, save_ingest
    from evidence_review.synthesis.cells import KEY_COLUMNS
    from evidence_review.synthesis.pipeline import run_synthesis

    assert set(KEY_COLUMNS) <= set(tables.MEMBER_COLUMNS)
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    documents, texts, structures = ingest_with_structures([SRC.parents[1] / "data" / "raw" / "example_bcg"])
    save_ingest(documents, texts, processed, structures=structures)
    extraction = extract_study_tables(documents, texts, structures)
    tables.write_table("estimates", extraction.estimates, processed / "estimates.csv")
    tables.write_table("arms", extraction.arms, processed / "arms.csv")
    run_synthesis(processed, None, reports, figures=False)
    for kind, spec in tables.TABLES.items():
        path = (reports if kind == "summary_of_findings" else processed) / spec.file
        header = pd.read_csv(path, nrows=0).columns.tolist()
        assert header[:len(spec.columns)] == spec.columns, kind
        assert len(tables.read_table(kind, path)) == len(pd.read_csv(path, dtype=str)), kind
