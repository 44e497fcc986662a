"""The dependency picture: stages import one way (ingest -> extract -> synthesis -> report) and the engine `meta`
imports no stage. `python -m evidence_review.devtools.layers` prints the graph and fails on a back-edge."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from evidence_review.devtools import layers

SRC = Path(__file__).resolve().parents[1] / "src"


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "evidence_review"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_the_package_has_no_back_edge_and_the_engine_imports_no_stage():
    graph = layers.import_graph()
    assert layers.violations(graph) == []
    stages = {"ingest", "extract", "curation", "synthesis", "review", "report", "review_ui", "runner"}
    assert not set(graph["meta"]) & stages
    assert set(graph["tables"]) <= set(layers.LAYERS[0])
    # the picture is real: the later stages do import the earlier ones
    assert "meta" in graph["synthesis"] and "ingest" in graph["extract"] and "tables" in graph["report"]


def test_a_back_edge_an_engine_importing_a_stage_and_an_unplaced_part_are_reported(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "",
        "tables.py": "import json\n",
        "ingest/__init__.py": "from ..tables import x\n",
        "ingest/store.py": "def f():\n    from ..report import sections\n",   # lazy import: still an edge
        "meta/__init__.py": "from evidence_review.synthesis.effects import null_value\n",
        "synthesis/__init__.py": "from .. import meta\nfrom ..ingest import store\n",
        "report/sections.py": "from ..tables import x\nfrom ..synthesis import y\n",
        "newthing.py": "from . import tables\n",
        "cli.py": "from . import __version__\nfrom . import tables\n",
    })
    graph = layers.import_graph(root)
    assert graph["ingest"] == {"report": ["ingest/store.py"], "tables": ["ingest/__init__.py"]}
    assert graph["synthesis"] == {"ingest": ["synthesis/__init__.py"], "meta": ["synthesis/__init__.py"]}
    assert graph["cli"] == {"__init__": ["cli.py"], "tables": ["cli.py"]}  # a name of the package, then a module
    problems = layers.violations(graph)
    assert "ingest -> report: back-edge (ingest/store.py)" in problems
    assert "meta -> synthesis: back-edge (meta/__init__.py)" in problems
    assert any(p.startswith("newthing: not placed in LAYERS") for p in problems)
    assert not any(p.startswith(("synthesis ->", "report ->")) for p in problems)


def test_the_command_prints_the_graph_and_its_status_follows_the_rule():
    done = subprocess.run([sys.executable, "-m", "evidence_review.devtools.layers"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    lines = {line.split("->")[0].strip(): line for line in done.stdout.splitlines() if "->" in line}
    engine_imports = lines["meta"].split("->")[1]
    assert not any(stage in engine_imports for stage in ("ingest", "extract", "synthesis", "report"))
    assert "synthesis" in lines and "meta (" in lines["synthesis"]
    assert "no back-edge" in done.stdout


def test_the_report_sections_do_not_import_the_plotting_stack():
    """The report kernel reads the synthesis package's `certainty` and `cells`, never its plots: importing the
    report's sections leaves matplotlib and seaborn (about a second of CPU) unimported, while the synthesis
    package's public interface still resolves (from `pipeline`, on first use)."""
    code = ("import sys, evidence_review.report.sections\n"
            "loaded = ('matplotlib', 'seaborn', 'evidence_review.synthesis.pipeline')\n"
            "print(sorted(m for m in loaded if m in sys.modules))\n"
            "from evidence_review.synthesis import run_synthesis, synthesize\n"
            "print(synthesize.__module__, 'matplotlib' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(SRC)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "evidence_review.synthesis.pipeline True"]
