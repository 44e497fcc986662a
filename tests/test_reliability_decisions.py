"""Reliability of what reviewer decisions hang on: estimate ids that do not move when other documents come or go,
extraction that gives the same bytes run after run (also on hostile input, under different hash seeds), and a
`make clean` that never touches the reviewer's decisions or the raw documents.

The `evidence-review extract` runs are independent, so the module fixture starts them all at once.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO_ROOT, SEED_RAW, console_script
from hostile_corpus import clean_abstract, snapshot_tree, write_hostile_corpus

pytestmark = pytest.mark.slow

EXTRACT_TIMEOUT = 600
#: Sorts before every seed file, so an id that depended on a document's position would move.
EXTRA_DOCUMENT = "000_000_added_later.txt"


def _start_extract(paths: list[Path], out: Path, hash_seed: str = "0") -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.Popen([console_script("evidence-review"), "extract", *map(str, paths), "--out", str(out)],
                            cwd=out.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def extracts(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("ids")
    seeds = sorted(p.name for p in SEED_RAW.iterdir() if p.is_file() and not p.name.startswith("."))
    assert len(seeds) >= 3
    folders = {name: base / name for name in ("seeds", "seeds_plus_one", "seeds_minus_one", "seeds_plus_copy")}
    for folder in folders.values():
        shutil.copytree(SEED_RAW, folder)
    (folders["seeds_plus_one"] / EXTRA_DOCUMENT).write_text(clean_abstract("49"), encoding="utf-8")
    # A byte-identical copy of a seed under a name that sorts first: the copy becomes the "original".
    shutil.copy2(SEED_RAW / seeds[2], folders["seeds_plus_copy"] / f"000_000_copy_of_{seeds[2]}")
    removed = folders["seeds_minus_one"] / seeds[1]
    removed.chmod(0o644)
    removed.unlink()
    hostile = write_hostile_corpus(base / "hostile").raw

    jobs = {name: _start_extract([folder], base / f"{name}.csv") for name, folder in folders.items()}
    jobs["hostile_seed_1"] = _start_extract([hostile], base / "hostile_seed_1.csv", hash_seed="1")
    jobs["hostile_seed_2"] = _start_extract([hostile], base / "hostile_seed_2.csv", hash_seed="2")
    outs = {}
    for name, job in jobs.items():
        stdout, stderr = job.communicate(timeout=EXTRACT_TIMEOUT)
        assert job.returncode == 0, (name, stderr[-3000:])
        outs[name] = base / f"{name}.csv"
    outs["removed"] = Path(seeds[1])
    return outs


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _ids(estimates: pd.DataFrame) -> list[tuple[str, str, str]]:
    return sorted(zip(estimates["source_file"], estimates["doc_id"], estimates["estimate_id"]))


def test_estimate_ids_stay_when_an_unrelated_document_is_added(extracts):
    before, after = _read(extracts["seeds"]), _read(extracts["seeds_plus_one"])
    assert len(before) > 0
    added = after[after["source_file"] == EXTRA_DOCUMENT]
    assert len(added) > 0, "the added document contributed no estimate (the test would prove nothing)"
    assert _ids(after[after["source_file"] != EXTRA_DOCUMENT]) == _ids(before)
    # The rows themselves are unchanged too, not just their ids.
    kept = after[after["source_file"] != EXTRA_DOCUMENT].sort_values("estimate_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, before.sort_values("estimate_id").reset_index(drop=True))


def test_estimate_ids_stay_when_a_document_is_removed(extracts):
    before, after = _read(extracts["seeds"]), _read(extracts["seeds_minus_one"])
    removed = extracts["removed"].name
    assert (before["source_file"] == removed).any(), "the removed seed had no estimates (nothing would be shown)"
    assert _ids(after) == _ids(before[before["source_file"] != removed])


def test_estimate_ids_stay_when_a_byte_identical_copy_is_added(extracts):
    """The copy sorts first, so the seed itself becomes the duplicate; the estimates (now found in the copy)
    must keep their ids, or every reviewer decision on that document would turn into an orphan."""
    before, after = _read(extracts["seeds"]), _read(extracts["seeds_plus_copy"])
    assert sorted(after["estimate_id"]) == sorted(before["estimate_id"])
    assert after["source_file"].str.startswith("000_000_copy_of_").any(), "the copy was not read first"


def test_estimate_ids_are_unique(extracts):
    for name in ("seeds", "seeds_plus_one", "hostile_seed_1"):
        ids = _read(extracts[name])["estimate_id"]
        assert ids.is_unique, (name, ids[ids.duplicated()].tolist())


def test_extraction_of_hostile_input_is_byte_identical_across_runs_and_hash_seeds(extracts):
    first, second = extracts["hostile_seed_1"].read_bytes(), extracts["hostile_seed_2"].read_bytes()
    assert len(_read(extracts["hostile_seed_1"])) > 0
    assert first == second


# ---------------------------------------------------------------- make clean keeps the decisions

def test_make_clean_removes_outputs_but_keeps_raw_and_curation(tmp_path):
    """Runs the project's real `clean` target in a scratch copy of the layout (never in the working tree)."""
    shutil.copy2(REPO_ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "data" / "raw" / "sub").mkdir(parents=True)
    (tmp_path / "data" / "raw" / "doc.txt").write_text("a raw document\n", encoding="utf-8")
    (tmp_path / "data" / "raw" / "sub" / "doc2.txt").write_text("another\n", encoding="utf-8")
    (tmp_path / "data" / "curation").mkdir()
    (tmp_path / "data" / "curation" / "decisions.csv").write_text(
        "estimate_id,decision,corrected_fields,reviewer,note\nabc-0-123,reject,,AB,hand-checked\n", encoding="utf-8")
    (tmp_path / "data" / "curation" / "notes.md").write_text("reviewer notes\n", encoding="utf-8")
    for folder in ("data/processed", "reports/figures", "reports/executed"):
        (tmp_path / folder).mkdir(parents=True)
    for name in ("data/processed/estimates.csv", "data/processed/.gitkeep", "reports/evidence_report.html",
                 "reports/figures/cell.png", "reports/executed/01_ingest.ipynb", "reports/.gitkeep"):
        (tmp_path / name).write_text("generated\n", encoding="utf-8")
    for folder in ("src", "tests", "notebooks"):
        (tmp_path / folder).mkdir()
    raw_before = snapshot_tree(tmp_path / "data" / "raw")
    curation_before = snapshot_tree(tmp_path / "data" / "curation")

    result = subprocess.run(["make", "--no-print-directory", "clean"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    assert snapshot_tree(tmp_path / "data" / "raw") == raw_before
    assert snapshot_tree(tmp_path / "data" / "curation") == curation_before
    leftovers = sorted(p.relative_to(tmp_path).as_posix() for folder in ("data/processed", "reports")
                       for p in (tmp_path / folder).rglob("*") if p.is_file() and p.name != ".gitkeep")
    assert leftovers == [], leftovers
