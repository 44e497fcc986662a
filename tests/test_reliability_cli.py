"""Reliability of the two notebook-free commands on hostile files and arguments: `evidence-review pool` and
`evidence-review extract` either succeed or print one line and exit 2, never a traceback.

Called in-process through `evidence_review.cli.main` (the console script's own entry point), so an exception
that escapes the command fails the test with its traceback."""
from __future__ import annotations

import json
import os

import pytest

from evidence_review.cli import main

#: file name -> CSV bytes that `pool --measure GEN` is handed
POOL_INPUTS = {
    "empty": b"",
    "header only": b"yi,vi\n",
    "binary": bytes(range(256)) * 8,
    "text in yi": b"yi,vi\nabc,0.1\n0.2,0.1\n",
    "negative variance": b"yi,vi\n0.1,-0.1\n0.2,0.1\n0.3,0.2\n",
    "zero variances": b"yi,vi\n0.1,0\n0.2,0\n0.3,0\n",
    "nan and inf": b"yi,vi\nnan,0.1\ninf,0.1\n0.3,0.2\n",
    "tiny next to normal variance": b"yi,vi\n0.1,1e-10\n0.2,0.1\n0.3,0.2\n",
    "huge next to normal variance": b"yi,vi\n0.1,1e12\n0.2,0.1\n0.3,0.2\n",
    "values near the float limit": b"yi,vi\n1e308,1e-308\n-1e308,1e308\n0.3,0.2\n",
    "wrong columns": b"foo,bar\n1,2\n",
    "semicolons and decimal commas": b"\xef\xbb\xbfyi;vi\n0,1;0,1\n0,2;0,2\n",
    "one study": b"yi,vi\n0.1,0.1\n",
    "ragged rows": b"yi,vi\n0.1,0.1,9\n0.2\n0.3,0.2\n",
}


def _one_line_or_success(code: int, err: str) -> None:
    assert code in (0, 2), (code, err)
    if code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("evidence-review "), err


@pytest.mark.parametrize("name", sorted(POOL_INPUTS))
def test_pool_on_hostile_csv_succeeds_or_says_why_in_one_line(tmp_path, capsys, name):
    path = tmp_path / "studies.csv"
    path.write_bytes(POOL_INPUTS[name])
    code = main(["pool", str(path), "--measure", "GEN", "--json"])
    out, err = capsys.readouterr()
    _one_line_or_success(code, err)
    if code == 0:  # whatever it printed is valid JSON without NaN/Infinity
        for line in out.strip().splitlines():
            json.loads(line, parse_constant=lambda c: pytest.fail(f"{name}: {c} in the JSON output"))


def test_pool_reports_a_numerical_failure_in_one_line(tmp_path, capsys):
    path = tmp_path / "studies.csv"
    path.write_bytes(POOL_INPUTS["tiny next to normal variance"])
    code = main(["pool", str(path), "--measure", "GEN", "--method", "REML"])
    err = capsys.readouterr().err
    # REML cannot fit these (nor can metafor's rma); the message must say so, not crash.
    if code == 2:
        assert "failed numerically" in err


@pytest.mark.parametrize("case", ["missing input", "wrong suffix", "output in a file", "output is a folder"])
def test_extract_with_bad_arguments_says_why_in_one_line(tmp_path, capsys, case):
    doc = tmp_path / "doc.txt"
    doc.write_text("A title\nAbstract\nRituximab reduced relapse (HR 0.5, 95% CI 0.2-0.8).\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    (tmp_path / "out.csv").mkdir()
    argv = {
        "missing input": [str(tmp_path / "nope"), "--out", str(tmp_path / "o.csv")],
        "wrong suffix": [str(doc), "--out", str(tmp_path / "o.xlsx")],
        "output in a file": [str(doc), "--out", str(blocker / "o.csv")],
        "output is a folder": [str(doc), "--out", str(tmp_path / "out.csv")],
    }[case]
    try:
        code = main(["extract", *argv])
    except SystemExit as exc:  # argparse usage errors exit 2 with a usage line
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2, (case, code, err)
    assert "Traceback" not in err
    assert err.strip() and len(err.strip().splitlines()) <= 2, err  # argparse: usage line + message
    assert not (tmp_path / "o.csv").exists() and os.listdir(blocker.parent).count("o.xlsx") == 0


def test_an_interrupted_command_exits_even_when_interpreter_shutdown_would_block():
    """A jupyter_client KernelClient cut off mid-execution can block for ever in zmq's context.term() from its
    __del__ at interpreter shutdown; the interrupted command's process must still end, with status 130."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import sys, threading, types
        from evidence_review import cli

        class BlocksAtShutdown:  # stands in for the KernelClient whose __del__ never returns
            def __del__(self):
                threading.Event().wait()

        stuck = BlocksAtShutdown()
        real_build_parser = cli.build_parser

        def build_parser(argv):
            parser, modules = real_build_parser(argv)
            def interrupted(args):
                raise KeyboardInterrupt
            return parser, {**modules, "run": types.SimpleNamespace(main=interrupted)}

        cli.build_parser = build_parser
        sys.argv = ["evidence-review", "run"]
        sys.exit(cli.main())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.returncode == 130
    assert "evidence-review run: interrupted" in result.stderr
    # called with an argument list (from Python, e.g. evidence_review.run), the caller's process is not ended
