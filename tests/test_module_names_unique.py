"""A module-level name bound twice in one module silently replaces the first binding for every function of the module,
including those written above the second one (in a 4,000-line module a second `_BARE_NUMBER` would change what an
earlier function matches). Every module of the package binds each top-level name once; a rebinding that wraps the
name's own value (`_NEWS = [prefiltered(p) for p in _NEWS]`) is the same name on purpose and allowed."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "evidence_review"


def _top_level_bindings(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            uses = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            names += [t.id for t in node.targets if isinstance(t, ast.Name) and t.id not in uses]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


def twice_bound(source: str) -> list[str]:
    return sorted(name for name, n in Counter(_top_level_bindings(ast.parse(source))).items() if n > 1)


def test_the_check_sees_a_name_bound_twice():
    assert twice_bound("import re\n_A = re.compile('a')\ndef f():\n    return _A\n_A = re.compile('b')\n") == ["_A"]
    assert twice_bound("_A = 1\ndef f():\n    _A = 2\n    return _A\n") == []
    assert twice_bound("_A = ['a']\n_A = [p.upper() for p in _A]\n") == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_binds_each_top_level_name_once(path):
    assert twice_bound(path.read_text(encoding="utf-8")) == []
