"""Declared dependencies are exactly what the code imports (read statically with ast, nothing is imported).

The package (src/) and the notebooks must import only declared runtime dependencies, and every runtime dependency
must be imported somewhere in them, except the few that are run rather than imported (listed with their reason).
Tests and benchmarks may also use the `test` extra; every package of the extra must be imported by a test.
"""
from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from conftest import REPO_ROOT

# Declared and needed, but started as programs rather than imported.
RUN_NOT_IMPORTED = {
    "jupyterlab": "`make lab` opens the notebooks in JupyterLab",
    "ipykernel": "the python3 kernel papermill and JupyterLab run the notebooks in",
    "nbclient": "papermill's executor; the runner and the report's reproducibility section rely on its behaviour",
}


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    """'dask[bag]>=2024.1' -> 'dask'."""
    return _normalize(re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0])


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_requirement_name(r) for r in project["dependencies"]}
    test = {_requirement_name(r) for r in project.get("optional-dependencies", {}).get("test", [])}
    return runtime, test


def _imported_modules(source: str) -> set[str]:
    """Top-level names of absolute imports anywhere in the code (also inside functions)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] == "code":
            # IPython magics and shell escapes are not Python
            lines += [ln for ln in "".join(cell["source"]).splitlines() if not ln.lstrip().startswith(("%", "!"))]
    return "\n".join(lines)


def _third_party(modules: set[str], local: set[str]) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m not in local and m != "evidence_review"
            and not m.startswith("_")}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    """import name -> the installed distributions that provide it (normalized)."""
    provided = packages_distributions()
    return {m: {_normalize(d) for d in provided.get(m, [])} for m in modules}


def _imports_under(*folders: str, suffix: str = ".py") -> set[str]:
    found = set()
    for folder in folders:
        for path in sorted((REPO_ROOT / folder).rglob(f"*{suffix}")):
            if ".ipynb_checkpoints" in path.parts:
                continue
            found |= _imported_modules(_notebook_code(path) if suffix == ".ipynb" else path.read_text(encoding="utf-8"))
    return found


def _local_modules() -> set[str]:
    """Modules of this repository that tests import by name (conftest, helpers beside the tests, ...)."""
    local = set()
    for folder in ("tests", "benchmarks"):
        for path in (REPO_ROOT / folder).rglob("*.py"):
            local.add(path.stem)
            local |= {part for part in path.relative_to(REPO_ROOT).parts[:-1]}
    return local


def test_the_package_and_notebooks_import_only_declared_runtime_dependencies():
    runtime, _ = _declared()
    modules = _third_party(_imports_under("src") | _imports_under("notebooks", suffix=".ipynb"), set())
    providers = _distributions(modules)
    not_installed = sorted(m for m, d in providers.items() if not d)
    assert not_installed == [], f"imported but not installed (so not declared either): {not_installed}"
    undeclared = sorted(f"{m} (from {', '.join(sorted(d))})" for m, d in providers.items() if not d & runtime)
    assert undeclared == [], f"imported by src/ or notebooks/ but not in [project.dependencies]: {undeclared}"


def test_every_runtime_dependency_is_imported_or_run_for_a_stated_reason():
    runtime, _ = _declared()
    modules = _third_party(_imports_under("src") | _imports_under("notebooks", suffix=".ipynb"), set())
    used = set().union(*_distributions(modules).values())
    unused = sorted(runtime - used - set(RUN_NOT_IMPORTED))
    assert unused == [], f"declared in [project.dependencies] but never imported: {unused}"
    assert set(RUN_NOT_IMPORTED) <= runtime, "a 'run, not imported' exception names an undeclared package"


def test_tests_import_only_declared_packages_and_every_test_extra_is_used():
    runtime, test = _declared()
    modules = _third_party(_imports_under("tests", "benchmarks"), _local_modules())
    providers = _distributions(modules)
    undeclared = sorted(f"{m} (from {', '.join(sorted(d)) or 'nothing installed'})"
                        for m, d in providers.items() if not d & (runtime | test))
    assert undeclared == [], f"imported by tests/ or benchmarks/ but declared nowhere: {undeclared}"
    used = set().union(*providers.values())
    assert sorted(test - used) == [], "declared in the test extra but imported by no test"


def test_the_import_reader_sees_imports_inside_functions_and_skips_relative_ones():
    source = "import os.path\nfrom .x import y\ndef f():\n    from lxml import etree\n    import numpy as np\n"
    assert _imported_modules(source) == {"os", "lxml", "numpy"}
    assert _third_party({"os", "lxml", "conftest", "evidence_review"}, {"conftest"}) == {"lxml"}
    assert _requirement_name("dask[bag]>=2024.1") == "dask" and _requirement_name("Charset_Normalizer>=3") == \
        "charset-normalizer"
