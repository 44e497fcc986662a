"""Notebooks 01 and 02 on a real kernel: their `scheduler` parameter changes where the work runs, never what an
executed notebook shows. The progress bar stays in the notebook only as a line without times."""
from __future__ import annotations

import json
import re

import nbformat
import papermill
import pytest

from evidence_review.notebooks import INJECTED_CELL_ID, normalize_executed

from conftest import NOTEBOOKS_DIR, REPO_ROOT, SEED_RAW


@pytest.mark.parametrize("name", ["01_ingest.ipynb", "02_extract.ipynb"])
def test_the_scheduler_parameter_is_declared_with_its_help(name):
    """papermill (and so `-p scheduler ...`, `--help-notebook`) sees it: one '=' per line, a help comment."""
    declared = papermill.inspect_notebook(str(NOTEBOOKS_DIR / name))
    assert declared["scheduler"]["default"] == '""'
    assert "tcp://HOST:8786" in declared["scheduler"]["help"]


#: 01 shows sections and tables for at most this many documents; the shipped corpus has more.
SHOW_DOCUMENTS = 3
EXTRA_PARAMETERS = {"01_ingest.ipynb": {"show_documents": SHOW_DOCUMENTS}}


def _run(tmp_path, scheduler: str) -> tuple[list[dict], list[dict]]:
    """The code cells' outputs as the runner keeps them, and the stderr outputs before it drops them."""
    processed = tmp_path / scheduler / "processed"
    processed.mkdir(parents=True)
    cells, stderr = [], []
    for name in ("01_ingest.ipynb", "02_extract.ipynb"):
        out = tmp_path / scheduler / name
        papermill.execute_notebook(str(NOTEBOOKS_DIR / name), str(out), kernel_name="python3", cwd=str(REPO_ROOT),
                                   progress_bar=False, record_timing=False,
                                   parameters={"raw_dirs": [str(SEED_RAW)], "processed_dir": str(processed),
                                               "scheduler": scheduler, **EXTRA_PARAMETERS.get(name, {})})
        executed = nbformat.read(str(out), as_version=4)
        stderr += [o for c in executed.cells for o in c.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        nb = normalize_executed(executed, [(str(processed), "PROCESSED")])
        cells += [{"notebook": name, "id": c.get("id"), "outputs": c.get("outputs", [])} for c in nb.cells
                  if c.cell_type == "code" and INJECTED_CELL_ID not in c.metadata.get("tags", [])]
    return cells, stderr


def _text(outputs) -> str:
    return json.dumps(outputs, sort_keys=True)


@pytest.mark.slow
def test_executed_notebooks_are_the_same_in_process_and_on_worker_processes(tmp_path):
    here, here_stderr = _run(tmp_path, "synchronous")
    pool, pool_stderr = _run(tmp_path, "processes")   # forces a process pool even for this small corpus
    assert [c["id"] for c in here] == [c["id"] for c in pool]
    for a, b in zip(here, pool):
        assert _text(a["outputs"]) == _text(b["outputs"]), f"{a['notebook']} cell {a['id']} differs"
    shown = _text([c["outputs"] for c in here])
    files = re.search(r"files read: (\d+) of (\d+)", shown)
    docs = re.search(r"documents extracted: (\d+) of (\d+)", shown)
    assert files and files.group(1) == files.group(2) and int(files.group(1)) > 5
    assert docs and docs.group(1) == docs.group(2) and int(docs.group(1)) > 5
    assert not re.search(r"(file|doc)/s|\d\d:\d\d<", shown), "a rate or a time reached the notebook"
    per_document = _text(next(c["outputs"] for c in here if c["id"] == "01-structure-per-document"))
    assert per_document.count("(record ") == SHOW_DOCUMENTS
    assert re.search(r"\.\.\. \d+ more documents not shown", per_document)
    # the progress bar is a display updated in place, never stderr (which the runner would have to drop)
    assert here_stderr == [] and pool_stderr == []
