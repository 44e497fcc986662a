"""The import graph between the package's parts, and the rule it must keep.

    python -m evidence_review.devtools.layers          # prints the graph; exit status 1 on a back-edge

Parts are the top-level modules and subpackages of `evidence_review`. They are ordered in LAYERS, lowest first:
a part may import parts of its own layer or of lower layers, never a higher one. So the stages run one way
(ingest -> extract -> synthesis -> report), the engine `meta` imports no stage (only the foundation), and the
foundation (`tables`, `errors`, `paths` and other plumbing) imports nothing of the package but itself. Imports are read with `ast`
(nothing is imported or run), including imports inside functions.
"""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = "evidence_review"

#: lowest first; a part may import its own layer and the layers before it
LAYERS: list[tuple[str, ...]] = [
    # the shared vocabulary and plumbing: table contracts, errors, paths, worker processes, progress bars,
    # executed-notebook normalization, start guards and literal prefilters of regular expressions, atomic writes
    ("tables", "errors", "paths", "parallel", "progress", "notebooks", "regexguard", "regexfilter", "atomic"),
    ("meta",),                         # the meta-analysis engine: no stage
    ("ingest",),                       # stage 1
    ("extract",),                      # stage 2
    ("curation",),                     # the reviewer's decision files, applied in stage 3
    ("synthesis",),                    # stage 3
    ("review",),                       # the review notebook's logic (reads stage 3's tables)
    ("report",),                       # stage 4
    ("review_ui",),                    # the review notebook's widgets
    ("runner",),                       # runs the notebooks
    ("cli", "api", "devtools", "__init__"),  # entry points
]


def package_dir() -> Path:
    return Path(__file__).resolve().parents[1]


def part_of(module: tuple[str, ...]) -> str:
    """('synthesis', 'pool') -> 'synthesis'; the package itself -> '__init__'."""
    return module[0] if module else "__init__"


def _module_name(path: Path, root: Path) -> tuple[str, ...]:
    parts = path.relative_to(root).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _is_module(root: Path, module: tuple[str, ...]) -> bool:
    folder = root.joinpath(*module)
    return folder.with_suffix(".py").is_file() or (folder / "__init__.py").is_file()


def imported_modules(path: Path, root: Path) -> list[tuple[str, ...]]:
    """The package modules a file imports, as paths inside the package (relative imports resolved)."""
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = base + tuple(node.module.split(".")) if node.module else base
            # `from . import x`: x is a module when a file or package of that name exists, else a name of the package
            found += [target + (alias.name,) if not node.module and _is_module(root, target + (alias.name,))
                      else target for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == PACKAGE:
            found.append(tuple(node.module.split(".")[1:]))
        elif isinstance(node, ast.Import):
            found += [tuple(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == PACKAGE]
    return found


def import_graph(root: Path | None = None) -> dict[str, dict[str, list[str]]]:
    """part -> imported part -> the files (relative to the package) that import it; a part's own imports left out."""
    root = root or package_dir()
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(root.rglob("*.py")):
        source = part_of(_module_name(path, root))
        graph[source]  # every part appears, also one that imports nothing
        for target in imported_modules(path, root):
            other = part_of(target)
            if other != source:
                graph[source][other].add(path.relative_to(root).as_posix())
    return {s: {t: sorted(files) for t, files in sorted(targets.items())} for s, targets in sorted(graph.items())}


def layer_of(part: str) -> int | None:
    for rank, members in enumerate(LAYERS):
        if part in members:
            return rank
    return None


def violations(graph: dict[str, dict[str, list[str]]]) -> list[str]:
    """One line per import that runs against the layer order, and per part LAYERS does not place."""
    problems = []
    for source, targets in graph.items():
        if layer_of(source) is None:
            problems.append(f"{source}: not placed in LAYERS (devtools/layers.py); decide which parts it may import")
            continue
        for target, files in targets.items():
            rank = layer_of(target)
            if rank is not None and rank > layer_of(source):
                problems.append(f"{source} -> {target}: back-edge ({', '.join(files)})")
    return problems


def render(graph: dict[str, dict[str, list[str]]]) -> str:
    ordered = sorted(graph, key=lambda p: (layer_of(p) if layer_of(p) is not None else len(LAYERS), p))
    width = max(map(len, ordered), default=0)
    lines = ["layers, lowest first: " + " < ".join("/".join(layer) for layer in LAYERS), ""]
    for part in ordered:
        targets = graph[part]
        shown = ", ".join(f"{t} ({len(files)})" for t, files in targets.items()) or "-"
        lines.append(f"{part:<{width}} -> {shown}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    graph = import_graph()
    print(render(graph))
    problems = violations(graph)
    if problems:
        print("\nimports against the layer order:", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("\nno back-edge: stages import one way and the engine imports no stage")
    return 0


if __name__ == "__main__":
    sys.exit(main())
