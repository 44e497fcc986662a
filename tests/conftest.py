"""Shared test helpers: where the repository, its notebooks and the installed tools are."""
from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
SEED_RAW = REPO_ROOT / "data" / "raw"
# The console scripts installed next to the python running the tests (the project's .venv).
VENV_BIN = Path(sys.executable).parent


def console_script(name: str) -> str:
    """Path of a console script of the test environment (evidence-review, jupyter, ...)."""
    candidate = VENV_BIN / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"console script {name!r} is not installed next to {sys.executable}")
    return found


def tree_hashes(folder: Path) -> dict[str, str]:
    """relative path -> sha256 of every file under `folder` (symlinks not followed)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


def extract_labelled_set(folder: Path) -> tuple[list[dict], list[Path], list[dict]]:
    """(gold records, raw files, extracted rows) of a hand-labelled set laid out like ../shared/dev_corpus:
    `gold.jsonl` next to `raw/`. Extraction runs on the raw text, without ingestion."""
    import json

    from evidence_review.extract import extract_document

    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    files = sorted(f for f in (folder / "raw").iterdir() if f.is_file())
    rows = [r for f in files for r in extract_document(f.stem, f.read_text(encoding="utf-8"), f.name)]
    return gold, files, rows


def write_one_report_twice(folder: Path) -> None:
    """Two text files of one report (same title, the abstract reworded), which ingestion links as duplicates."""
    folder.mkdir()
    title = "Efficacy and safety of tacrolimus treatment for neuromyelitis optica spectrum disorder"
    (folder / "a.txt").write_text(f"{title}\n\nA total of 25 patients were included. ARR fell from 1.2 to 0.3.",
                                  encoding="utf-8")
    (folder / "b.txt").write_text(f"{title}\n\nTwenty-five patients were included; ARR 1.2 before and 0.3 after.",
                                  encoding="utf-8")


# Debian's chromium, installed by `make setup`; the flags keep it from reaching for the network on its own.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
