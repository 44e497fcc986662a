"""What the quality test of every real, hand-labelled held-out batch (tests/fixtures/extract_heldout5 and later)
checks the same way: the batch is what its files say (real PMC documents under an attribution licence, none reused
from another batch, gold.jsonl written by build.py with every evidence string in the visible text) and the
extractor's scores stay at or above the batch's floors (tests/test_extract_heldout_batches_quality.py)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path


def read_gold(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def build_module(folder: Path):
    spec = importlib.util.spec_from_file_location(f"{folder.name}_build", folder / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_real_labelled_and_consistent(folder: Path, gold: list[dict], *, documents: int, full_reports: int,
                                        min_labels: int) -> None:
    files = sorted(f.name for f in (folder / "raw").iterdir() if f.is_file())
    assert len(files) == documents and len(gold) >= min_labels
    assert sum(f.endswith(".xml") for f in files) == full_reports
    assert {g["doc"] for g in gold} == set(files)
    # every file names its PMC source, the sources list gives its licence, and no other batch's PMC id is reused
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for name in files:
        assert name in sources and "PMC" in name
    assert "CC BY-NC" not in sources and "by-nc" not in sources and "CC BY-ND" not in sources
    others = {part for other in folder.parent.glob("extract_heldout*") if other != folder
              for f in (other / "raw").iterdir() for part in f.stem.split("_") if part.startswith("PMC")}
    assert not others & {f.rsplit("_", 1)[-1].split(".")[0] for f in files}
    # gold.jsonl is what build.py writes, and every evidence string is in the document's visible text
    build = build_module(folder)
    assert build.check() == []
    assert [json.dumps(r, ensure_ascii=False) for r in build.RECORDS] == \
        [json.dumps(r, ensure_ascii=False) for r in gold]


def assert_scored_every_label(result: dict, gold: list[dict], kinds) -> None:
    assert sum(result[k]["tp"] + result[k]["fn"] for k in kinds) == len(gold)


def assert_at_or_above(result: dict, *, f1: dict, recovery: dict, labels: dict, arms: float | None = None,
                       arms_right: int | None = None, label_figure: str = "accuracy", max_crashed: int = 0) -> None:
    """`label_figure` "accuracy" compares shares with the floors, "right" counts of right labels."""
    for kind, floor in f1.items():
        assert result[kind]["f1"] >= floor, (kind, result[kind])
    if arms is not None:
        assert result["arms"]["accuracy"] >= arms, result["arms"]["wrong"]
    if arms_right is not None:
        assert result["arms"]["right"] >= arms_right, result["arms"]["wrong"]
    for kind, floor in recovery.items():
        assert result["recovery"][kind]["share"] >= floor, result["recovery"][kind]
    for name, floor in labels.items():
        assert result["labels"][name][label_figure] >= floor, (name, result["labels"][name]["wrong"][:5])
    assert len(result["crashed"]) <= max_crashed, result["crashed"]
    assert result["rows_in_documents_without_gold"] == 0
