"""The `evidence-review` command: run | extract | pool.

Each subcommand lives in its own module exposing `add_arguments(parser)` and `main(args) -> int`;
this file only wires them together and turns user errors into one-line messages.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import ConfigError

SUBCOMMANDS = {
    "run": ("evidence_review.runner", "Run the four notebooks with papermill and render the HTML report."),
    "extract": ("evidence_review.extract.cli", "Ingest documents and extract effect estimates (no notebooks)."),
    "pool": ("evidence_review.meta.cli", "Pool one meta-analysis from a CSV of effect sizes or raw counts."),
}


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(prog="evidence-review", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = {}
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        module = importlib.import_module(module_name)
        sp = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sp)
        modules[name] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return int(modules[args.command].main(args) or 0)
    except ConfigError as exc:
        print(f"evidence-review {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"evidence-review {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
