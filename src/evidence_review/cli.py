"""The `evidence-review` command: run | extract | pool.

Each subcommand lives in its own module exposing `add_arguments(parser)` and `main(args) -> int`;
this file only wires them together and turns user errors into one-line messages. Only the chosen subcommand's
module is imported (the others import pandas, scipy, ...: seconds a `run` would wait for nothing).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__
from .errors import ConfigError

SUBCOMMANDS = {
    "run": ("evidence_review.runner", "Run the four notebooks with papermill and render the HTML report."),
    "extract": ("evidence_review.extract.cli", "Ingest documents and extract effect estimates (no notebooks)."),
    "pool": ("evidence_review.meta.cli", "Pool one meta-analysis from a CSV of effect sizes or raw counts."),
}


def chosen_subcommand(argv: list[str]) -> str | None:
    """The subcommand named on the command line: its first word that is not an option."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in SUBCOMMANDS else None
    return None


def build_parser(argv: list[str] | None = None) -> tuple[argparse.ArgumentParser, dict]:
    """The parser, with the full arguments of the subcommand `argv` chooses (of every one when argv is None)."""
    chosen = chosen_subcommand(argv) if argv is not None else None
    parser = argparse.ArgumentParser(prog="evidence-review", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = {}
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if argv is None or name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(sp)
            modules[name] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    argv_given = argv is not None
    argv = sys.argv[1:] if argv is None else list(argv)
    parser, modules = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command == "run" and "jsonschema" not in sys.modules:
        # jsonschema (imported by nbformat and papermill) compiles 38 IRI grammars when it is imported (1.5 s on
        # two cores) for its optional "iri" format check, which nbformat's validation never uses: the command's
        # own process goes without it (jsonschema skips a format checker whose module does not import).
        sys.modules.setdefault("rfc3987_syntax", None)
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
        if argv_given:
            return 130
        # The command's own process, interrupted: every staging folder, lock and kernel is already cleaned up
        # (the exception unwound through them). What is left is interpreter shutdown, where a jupyter_client
        # KernelClient cut off mid-execution can block for ever in zmq's context.term() from its __del__;
        # an interrupted run must end, so the process exits here.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)


if __name__ == "__main__":
    sys.exit(main())
