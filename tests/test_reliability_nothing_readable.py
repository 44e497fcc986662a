"""Reliability: a raw folder in which nothing can be read (empty, binary, archive, whitespace, a folder loop)
still gives a complete run: exit 0, header-only tables, and a report that names every file and why it was
skipped. One pipeline run for the module."""
from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from conftest import console_script
from hostile_corpus import snapshot_tree

pytestmark = pytest.mark.slow

RUN_TIMEOUT = 600


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("unreadable")
    raw = base / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank lines.txt").write_text("\n \n\t\n", encoding="utf-8")
    (raw / "noise.dat").write_bytes(random.Random(7).randbytes(3000))
    (raw / "bundle.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip archive
    os.symlink(".", raw / "loop")
    before = snapshot_tree(raw)
    result = subprocess.run([console_script("evidence-review"), "run", "--raw", str(raw), "--processed",
                             str(base / "processed"), "--reports", str(base / "reports"), "--no-progress",
                             "-p", "curation_dir", str(base / "no-curation-yet")],
                            cwd=base, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    return {"base": base, "raw": raw, "before": before, "result": result}


def test_run_without_any_readable_document_succeeds(run):
    result = run["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert snapshot_tree(run["raw"]) == run["before"]


def test_tables_are_empty_but_well_formed_and_every_file_is_skipped(run):
    processed = run["base"] / "processed"
    documents = pd.read_csv(processed / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(documents["source_file"]) == sorted(run["before"])  # the folder link is listed too
    assert set(documents["status"]) == {"skipped"}
    assert (documents["reason"].str.strip() != "").all()
    for name, key in (("estimates.csv", "estimate_id"), ("pooled.csv", "estimate_ids")):
        table = pd.read_csv(processed / name)
        assert len(table) == 0 and key in table.columns, (name, list(table.columns))


def test_report_names_each_skipped_file_with_its_reason(run):
    reports = run["base"] / "reports"
    soup = BeautifulSoup((reports / "evidence_report.html").read_text(encoding="utf-8"), "html.parser")
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.find_all(["td", "th"])] for tr in soup.find_all("tr")]
    documents = pd.read_csv(run["base"] / "processed" / "documents.csv", dtype=str, keep_default_na=False)
    for row in documents.itertuples():
        assert any(row.source_file in cells and " ".join(row.reason.split()) in cells for cells in rows), row
