"""The top-level API (`import evidence_review as er`): cheap to import, every name resolves to the function of the
module that owns it, and the documented calls work on real-shaped input (the shipped BCG example set)."""
from __future__ import annotations

import importlib.metadata
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import evidence_review as er
from evidence_review.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "raw" / "example_bcg"
# metafor's dat.bcg counts (tpos, tneg, cpos, cneg); rma(measure="RR", ...) REML: exp(est) 0.4894 [0.3441, 0.6962]
DAT_BCG = [(4, 119, 11, 128), (6, 300, 29, 274), (3, 228, 11, 209), (62, 13536, 248, 12619), (33, 5036, 47, 5761),
           (180, 1361, 372, 1079), (8, 2537, 10, 619), (505, 87886, 499, 87892), (29, 7470, 45, 7232),
           (17, 1699, 65, 1600), (186, 50448, 141, 27197), (5, 2493, 3, 2338), (27, 16886, 29, 17825)]


def _fresh_python(code: str) -> str:
    src = str(ROOT / "src")
    out = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {src!r}); {code}"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_import_is_cheap_no_stage_and_no_pandas_until_a_name_is_used():
    loaded = json.loads(_fresh_python(
        "import json, evidence_review; print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('evidence_review', 'pandas', 'numpy', 'scipy', 'matplotlib'))))"))
    assert loaded == ["evidence_review"]
    after = json.loads(_fresh_python(
        "import json, evidence_review as er; er.rma; print(json.dumps(sorted(m for m in sys.modules "
        "if m.startswith('evidence_review'))))"))
    assert "evidence_review.meta" in after and "evidence_review.ingest" not in after


def test_every_exported_name_is_the_owning_modules_object():
    from evidence_review import extract, ingest, meta, tables
    from evidence_review.meta import pool as meta_pool
    from evidence_review.synthesis import pipeline

    assert er.ingest_paths is ingest.ingest_paths and er.extract_estimates is extract.extract_estimates
    assert er.synthesize is pipeline.synthesize and er.rma is meta.rma and er.pool is meta_pool.pool_dataframe
    assert er.read_table is tables.read_table and er.write_table is tables.write_table
    for name in er.__all__:
        assert getattr(er, name) is not None, name
    assert set(er.__all__) <= set(dir(er))
    with pytest.raises(AttributeError):
        er.no_such_function


def test_version_is_the_one_pyproject_reads():
    assert re.fullmatch(r"\d+(\.\d+)*([a-z]+\d*)?(\+[\w.]+)?", er.__version__)
    try:
        installed = importlib.metadata.version("evidence-review")
    except importlib.metadata.PackageNotFoundError:  # a source tree on sys.path, not installed
        return
    assert er.__version__ == installed


def test_the_documented_calls_pool_the_bcg_example_from_its_texts():
    documents, texts = er.ingest_paths([EXAMPLE])
    trials = documents[documents["source_file"].str.endswith(".txt")]
    assert len(trials) == 13 and set(trials["status"]) == {"ok"}
    estimates = er.extract_estimates(documents, texts)
    result = er.synthesize(estimates, documents, options=er.SynthesisOptions(test="z"), texts=texts)
    rr = result.pooled[(result.pooled["measure"] == "RR") & (result.pooled["k"] > 1)]
    assert len(rr) == 1 and int(rr.iloc[0]["k"]) == 13
    assert rr.iloc[0]["estimate"] == pytest.approx(0.4894, abs=0.005)  # metafor, to the texts' rounding


def test_pool_and_rma_reproduce_metafor_on_the_counts():
    studies = pd.DataFrame(DAT_BCG, columns=["ai", "bi", "ci", "di"])
    pooled = er.pool(studies, measure="RR", method="REML", test="z")
    assert pooled["k"] == 13
    assert math.exp(pooled["estimate"]) == pytest.approx(0.4894, abs=5e-5)
    yi, vi = er.escalc("RR", ai=studies["ai"], bi=studies["bi"], ci=studies["ci"], di=studies["di"])
    assert er.rma(yi, vi, method="REML", test="z").estimate == pytest.approx(pooled["estimate"], rel=1e-10)


def test_run_passes_its_arguments_to_the_runner(tmp_path):
    with pytest.raises(ConfigError, match="raw"):
        er.run(raw=tmp_path / "missing", processed=tmp_path / "p", reports=tmp_path / "r")
    with pytest.raises(ConfigError, match="no_such_parameter"):
        er.run(raw=EXAMPLE, processed=tmp_path / "p", reports=tmp_path / "r", parameters={"no_such_parameter": 1})
    assert not (tmp_path / "p").exists() or not any((tmp_path / "p").iterdir())


def test_run_hands_every_argument_to_the_run_command(monkeypatch, tmp_path):
    import importlib

    from evidence_review import cli

    runner = importlib.import_module(cli.SUBCOMMANDS["run"][0])
    seen = {}
    monkeypatch.setattr(runner, "main", lambda args: seen.setdefault("args", args) and 0)
    status = er.run(raw=[tmp_path / "a", "b"], processed=tmp_path / "p", reports="r",
                    parameters={"method": "DL", "pi_min_k": 3, "pool_two_studies": True, "class_map_path": Path("m.csv")},
                    cell_timeout=60, scheduler="tcp://127.0.0.1:8786")
    args = seen["args"]
    assert status == 0 and args.raw == [str(tmp_path / "a"), "b"] and args.processed == str(tmp_path / "p")
    assert args.reports == "r" and args.cell_timeout == 60 and args.no_progress
    assert args.scheduler == "tcp://127.0.0.1:8786"
    # written as Python literals, which `-p` reads back as the same values
    assert [tuple(p) for p in args.parameter] == [("method", "'DL'"), ("pi_min_k", "3"), ("pool_two_studies", "True"),
                                                  ("class_map_path", "'m.csv'")]
