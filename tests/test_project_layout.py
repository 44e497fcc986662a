"""The project's own files keep their promises: consistent dependency lists, clean notebooks, safe make targets."""
from __future__ import annotations

import ast
import io
import os
import re
import subprocess
import tokenize
import tomllib

import nbformat
import pytest
import yaml

from conftest import NOTEBOOKS_DIR, REPO_ROOT

NOTEBOOK_NAMES = ["01_ingest.ipynb", "02_extract.ipynb", "03_pool.ipynb", "04_report.ipynb", "05_review.ipynb"]
MAKE_TARGETS = ["help", "setup", "report", "test", "lab", "evaluate", "bench", "clean"]
# Packages conda-forge spells differently from PyPI (PyPI name -> conda name).
CONDA_NAMES: dict[str, str] = {"dask": "dask-core"}  # conda-forge's "dask" also pulls in bokeh, pyarrow, ...
# conda-only entries that are the environment itself, not a package of the project.
CONDA_ONLY = {"python", "pip"}


def _package_name(requirement: str) -> str:
    """'pandas>=2.2' -> 'pandas'; PEP 503 normalization so 'Foo_Bar' == 'foo-bar'."""
    name = re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_packages() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {CONDA_NAMES.get(_package_name(r), _package_name(r)) for r in requirements}


def _environment_packages() -> set[str]:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    names = set()
    for entry in env["dependencies"]:
        if isinstance(entry, dict):  # the pip: section
            names |= {_package_name(r) for r in entry.get("pip", []) if not r.startswith("-")}
        else:
            names.add(_package_name(entry))
    return names - CONDA_ONLY


def test_environment_yml_and_pyproject_name_the_same_packages():
    in_pyproject, in_environment = _pyproject_packages(), _environment_packages()
    assert in_pyproject, "pyproject.toml declares no dependency"
    assert sorted(in_pyproject - in_environment) == [], "in pyproject.toml but not in environment.yml"
    assert sorted(in_environment - in_pyproject) == [], "in environment.yml but not in pyproject.toml"


def test_environment_yml_installs_the_project_itself():
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_entries = [e for entry in env["dependencies"] if isinstance(entry, dict) for e in entry.get("pip", [])]
    assert "-e ." in pip_entries


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_committed_notebook_has_no_outputs(name):
    nb = nbformat.read(str(NOTEBOOKS_DIR / name), as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a code cell has outputs"
            assert cell.execution_count is None, f"{name}: a code cell has an execution count"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    assert "papermill" not in nb.metadata, f"{name} is an executed copy, not a source notebook"


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_has_one_parameters_cell_of_typed_commented_literals(name):
    nb = nbformat.read(str(NOTEBOOKS_DIR / name), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{name}: {len(tagged)} cells tagged 'parameters'"
    source = tagged[0].source
    tree = ast.parse(source)
    assert tree.body, f"{name}: empty parameters cell"
    comment_lines = {tok.start[0] for tok in tokenize.generate_tokens(io.StringIO(source).readline)
                     if tok.type == tokenize.COMMENT}
    for statement in tree.body:
        # `name: type = literal`: the type hint is what `papermill --help-notebook` shows
        assert isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
            and statement.value is not None and isinstance(statement.annotation, ast.Name), \
            f"{name}: line {statement.lineno} of the parameters cell is not `name: type = literal`"
        value = ast.literal_eval(statement.value)  # raises on anything but a literal
        assert type(value).__name__ == statement.annotation.id, \
            f"{name}: parameter {statement.target.id} is typed {statement.annotation.id} but holds {value!r}"
        lines = range(statement.lineno, statement.end_lineno + 1)
        assert comment_lines & set(lines), \
            f"{name}: parameter {statement.target.id} has no # help comment"


def _make(*args: str) -> str:
    result = subprocess.run(["make", "--no-print-directory", *args], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_clean_never_touches_raw_documents_or_curation():
    plan = _make("-n", "clean")
    assert "data/processed" in plan and "reports" in plan  # it does clean something
    assert "data/raw" not in plan
    assert "data/curation" not in plan
    # nothing wholesale: not the repository, not data/, not the filesystem root
    assert not re.search(r"rm -\w+ +(\.|data|/|\*)/?(\s|$)", plan, flags=re.M), plan


def test_make_help_is_the_default_and_lists_every_target():
    default, explicit = _make(), _make("help")
    assert default == explicit
    listed = re.findall(r"^\s+make (\S+)", default, flags=re.M)
    assert listed == MAKE_TARGETS
    assert all(len(line.split(None, 2)) == 3 for line in default.strip().splitlines()), "a target lacks a description"


def test_ci_script_is_executable_in_git_and_runs_make_test():
    mode = subprocess.run(["git", "ls-files", "-s", ".ci/run"], cwd=REPO_ROOT, capture_output=True,
                          text=True).stdout.split()
    if mode:  # inside a git checkout: the executable bit must be committed for a clean clone
        assert mode[0] == "100755"
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in script
    assert re.search(r"^make test$", script, flags=re.M)
    assert os.access(REPO_ROOT / ".ci" / "run", os.X_OK)


def test_atomic_writes_leave_readable_files(tmp_path):
    import stat

    from evidence_review.tables import write_text_atomic

    target = tmp_path / "report.html"
    write_text_atomic(target, "<p>ok</p>")
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode & stat.S_IRGRP and mode & stat.S_IROTH, oct(mode)
    assert target.read_text() == "<p>ok</p>"


def test_many_atomic_writes_write_every_file_whole_and_raise_a_failure(tmp_path):
    import stat

    import pytest

    from evidence_review.atomic import write_many_atomic

    files = [(tmp_path / "cells" / f"c{i}.csv", f"study,yi,vi\ns{i},{i}.5,0.1\n".encode()) for i in range(40)]
    (tmp_path / "cells").mkdir()
    (tmp_path / "cells" / "c3.csv").write_text("old")
    write_many_atomic(files, threads=4)
    for path, data in files:
        assert path.read_bytes() == data
        assert stat.S_IMODE(path.stat().st_mode) & stat.S_IROTH
    assert sorted(p.name for p in (tmp_path / "cells").iterdir()) == sorted(p.name for p, _ in files)  # no temp left
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(OSError):
        write_many_atomic([(tmp_path / "ok.csv", b"x"), (tmp_path / "blocker" / "bad.csv", b"y")], threads=2)
    assert (tmp_path / "ok.csv").read_bytes() == b"x"   # the other writes ended


def test_read_csv_keeps_identifiers_as_written(tmp_path):
    import pandas as pd

    from evidence_review.tables import read_csv, write_csv_atomic

    path = tmp_path / "documents.csv"
    write_csv_atomic(pd.DataFrame({"doc_id": ["0012ab-0"], "pmid": ["00123"], "n_total": [54]}), path)
    back = read_csv(path)
    assert back.loc[0, "pmid"] == "00123"
    assert back.loc[0, "n_total"] == 54
