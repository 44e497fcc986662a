"""Unit tests of the runner's small pieces: executed-notebook normalization, -p values, promotion, the run's
parameters file, --scheduler and --version."""
from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

from evidence_review import notebooks
from evidence_review.errors import ConfigError
from evidence_review.runner import config as run_config
from evidence_review.runner import orchestrate, transaction


def _executed_notebook(start: str, end: str, injected_id: str, staging: str):
    """A notebook shaped like papermill's output, with times, a random id and a staging path."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["papermill"] = {
        "start_time": start, "end_time": end, "duration": 1.25, "exception": None,
        "environment_variables": {"HOME": "/root"}, "version": "2.7.0",
        "parameters": {"processed_dir": f"{staging}/processed"},
    }
    params = nbformat.v4.new_code_cell('processed_dir = "data/processed"  # where tables go')
    params.metadata["tags"] = ["parameters"]
    injected = nbformat.v4.new_code_cell(f'# Parameters\nprocessed_dir = "{staging}/processed"\n')
    injected.metadata["tags"] = ["injected-parameters"]
    injected["id"] = injected_id
    work = nbformat.v4.new_code_cell("print(processed_dir)", execution_count=3)
    work.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{staging}/processed\n")]
    for cell in (params, injected, work):
        cell.metadata["papermill"] = {"start_time": start, "end_time": end, "duration": 0.5,
                                      "status": "completed", "exception": False}
        cell.metadata["execution"] = {"iopub.execute_input": start, "shell.execute_reply": end}
    params["id"], work["id"] = "params", "work"  # ids the source notebook fixes
    nb.cells = [params, injected, work]
    return nb


def test_normalized_notebooks_differ_only_in_content_not_in_times_or_ids():
    staging = "/tmp/x/.staging-run"
    a = _executed_notebook("2026-01-01T00:00:00", "2026-01-01T00:00:01", uuid.uuid4().hex[:8], staging)
    b = _executed_notebook("2026-02-02T10:10:10", "2026-02-02T10:10:19", uuid.uuid4().hex[:8], staging)
    assert nbformat.writes(a) != nbformat.writes(b)
    repl = [(staging, "/tmp/x")]
    na, nb_ = notebooks.normalize_executed(a, repl), notebooks.normalize_executed(b, repl)
    assert nbformat.writes(na) == nbformat.writes(nb_)
    nbformat.validate(na)


def test_normalize_drops_times_fixes_the_injected_id_and_rewrites_staging_paths():
    staging = "/tmp/x/.staging-run"
    nb = notebooks.normalize_executed(_executed_notebook("t0", "t1", "a1b2c3", staging), [(staging, "/tmp/x")])
    text = nbformat.writes(nb)
    assert "t0" not in text and "t1" not in text and ".staging-run" not in text
    assert nb.metadata.papermill["environment_variables"] == {}
    assert nb.metadata.papermill["parameters"] == {"processed_dir": "/tmp/x/processed"}
    assert nb.cells[1]["id"] == "injected-parameters"
    assert nb.cells[1].source.endswith('processed_dir = "/tmp/x/processed"\n')
    assert nb.cells[2].outputs[0]["text"] == "/tmp/x/processed\n"
    for cell in nb.cells:
        assert "execution" not in cell.metadata
        assert cell.metadata.papermill == {"status": "completed", "exception": False}
    # The parameters cell and the other cells keep their own ids and sources.
    assert nb.cells[0].source.startswith('processed_dir = "data/processed"')


def test_normalize_does_not_modify_its_input():
    original = _executed_notebook("t0", "t1", "zz", "/s")
    before = nbformat.writes(original)
    notebooks.normalize_executed(original, [("/s", "/f")])
    assert nbformat.writes(original) == before


@pytest.mark.parametrize("text, expected", [
    ("3", 3), ("0.5", 0.5), ("True", True), ("None", None), ("true", True), ("null", None),
    ('["a", "b"]', ["a", "b"]), ("'quoted'", "quoted"), ("REML", "REML"), ("class", "class"),
    ("data/raw", "data/raw"), ("", ""),
])
def test_parameter_values_are_literals_when_they_read_as_one(text, expected):
    assert run_config.parse_value(text) == expected


def test_promote_moves_files_and_clears_stale_ones_only_in_owned_folders(tmp_path):
    stage, final = tmp_path / "stage", tmp_path / "final"
    (stage / "figures").mkdir(parents=True)
    (stage / "figures" / "new.png").write_bytes(b"new")
    (stage / "table.csv").write_text("a\n1\n")
    (final / "figures").mkdir(parents=True)
    (final / "figures" / "stale.png").write_bytes(b"old")
    (final / "notes.txt").write_text("a reader's file")
    (stage / "metafor").mkdir()
    (stage / "metafor" / "cell-1.csv").write_text("yi,vi\n")
    (final / "metafor").mkdir()
    (final / "metafor" / "cell-old.csv").write_text("yi,vi\n")
    (final / "mine").mkdir()
    (final / "mine" / "keep.txt").write_text("not the pipeline's")
    (final / "table.csv").write_text("a\n0\n")
    transaction.promote(stage, final, owned_subdirs=("figures",))
    assert (final / "table.csv").read_text() == "a\n1\n"
    assert (final / "figures" / "new.png").read_bytes() == b"new"
    assert not (final / "figures" / "stale.png").exists()
    assert (final / "notes.txt").read_text() == "a reader's file"
    assert sorted(p.name for p in (final / "metafor").iterdir()) == ["cell-1.csv"]  # a folder the run wrote
    assert (final / "mine" / "keep.txt").exists()  # a folder the run did not write
    assert not [p for p in stage.rglob("*") if p.is_file()]


def _args(**kw):
    base = dict(raw=None, processed=None, reports=None, parameter=[], cell_timeout=3600, no_progress=False,
                scheduler="")
    base.update(kw)
    return argparse.Namespace(**base)


def test_unknown_parameter_and_runner_parameters_are_config_errors(tmp_path):
    declared = {"01_ingest.ipynb": {"raw_dirs": {}, "processed_dir": {}}, "03_pool.ipynb": {"method": {}}}
    (tmp_path / "raw").mkdir()
    ok = run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")], parameter=[["method", "DL"]]), tmp_path)
    run_config.check_config(ok, declared)
    assert ok.overrides == {"method": "DL"}
    bad = run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")], parameter=[["methd", "DL"]]), tmp_path)
    with pytest.raises(ConfigError, match="methd"):
        run_config.check_config(bad, declared)
    with pytest.raises(ConfigError, match="--raw"):
        run_config.RunConfig.from_args(_args(parameter=[["raw_dirs", "['x']"]]), tmp_path)


def test_parameters_point_notebooks_at_staging_with_repo_relative_paths(tmp_path):
    root = tmp_path / "repo"
    (root / "data" / "raw").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    config = run_config.RunConfig(root=root, raw=[root / "data" / "raw", outside], processed=root / "data" / "processed",
                              reports=root / "reports", overrides={"method": "DL"})
    staging = transaction.Staging.beside(config.processed, config.reports)
    declared = {"raw_dirs": {}, "processed_dir": {}, "reports_dir": {}, "method": {}}
    params = run_config.parameters_for(declared, config, staging.processed, staging.reports)
    assert params["raw_dirs"] == ["data/raw", str(outside.resolve())]
    assert params["processed_dir"] == "data/processed/.staging-run/processed"
    assert params["reports_dir"] == "reports/.staging-run/reports"
    assert params["method"] == "DL"
    # Only what a notebook declares is injected.
    assert run_config.parameters_for({"processed_dir": {}}, config, staging.processed, staging.reports) == {
        "processed_dir": "data/processed/.staging-run/processed"}
    # Every staging spelling maps back to the final folder.
    replacements = dict(transaction.staging_replacements(config, staging))
    assert replacements["data/processed/.staging-run/processed"] == "data/processed"
    assert replacements[str((root / "reports" / ".staging-run" / "reports").resolve())] == str((root / "reports").resolve())


def _declared():
    return {"01_ingest.ipynb": {"raw_dirs": {"default": '["data/raw"]'}, "processed_dir": {"default": '"data/processed"'},
                                "scheduler": {"default": '""'}},
            "03_pool.ipynb": {"processed_dir": {"default": '"data/processed"'}, "reports_dir": {"default": '"reports"'},
                              "method": {"default": '"REML"'}, "pi_min_k": {"default": "3"}}}


def test_run_parameters_file_holds_what_each_notebook_ran_with_in_final_repository_relative_paths(tmp_path):
    root = tmp_path / "repo"
    (root / "data" / "raw").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    config = run_config.RunConfig(root=root, raw=[root / "data" / "raw", outside], processed=root / "data" / "processed",
                                  reports=root / "reports", overrides={"method": "DL"}, scheduler="tcp://10.0.0.5:8786")
    params = orchestrate.run_parameters(_declared(), config)
    assert params == {
        "01_ingest.ipynb": {"raw_dirs": ["data/raw", str(outside.resolve())], "processed_dir": "data/processed",
                            "scheduler": "tcp://10.0.0.5:8786"},
        "03_pool.ipynb": {"processed_dir": "data/processed", "reports_dir": "reports", "method": "DL", "pi_min_k": 3},
    }
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    orchestrate.write_run_parameters(first, params)
    orchestrate.write_run_parameters(second, orchestrate.run_parameters(dict(reversed(_declared().items())), config))
    text = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert ".staging-run" not in text and str(root) not in text
    pool = text[text.index('"03_pool.ipynb"'):]
    assert text.index('"01_ingest.ipynb"') < text.index('"03_pool.ipynb"')  # sorted keys, at every level
    assert pool.index('"method"') < pool.index('"pi_min_k"') < pool.index('"processed_dir"') < pool.index('"reports_dir"')


def test_scheduler_goes_only_to_notebooks_that_declare_it_and_is_checked_before_the_run(tmp_path):
    (tmp_path / "raw").mkdir()
    config = run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")], scheduler=" tcp://127.0.0.1:1 "),
                                            tmp_path)
    assert config.scheduler == "tcp://127.0.0.1:1"
    staging = transaction.Staging.beside(config.processed, config.reports)
    declared = _declared()
    assert run_config.parameters_for(declared["01_ingest.ipynb"], config, staging.processed,
                                     staging.reports)["scheduler"] == "tcp://127.0.0.1:1"
    assert "scheduler" not in run_config.parameters_for(declared["03_pool.ipynb"], config, staging.processed,
                                                        staging.reports)
    with pytest.raises(ConfigError, match="no dask scheduler answers at tcp://127.0.0.1:1"):
        run_config.check_config(config, declared)
    with pytest.raises(ConfigError, match="unknown scheduler 'localhost:8786'"):
        run_config.RunConfig.from_args(_args(scheduler="localhost:8786"), tmp_path)
    # the local schedulers the notebooks accept are accepted here too (one owner: evidence_review.parallel)
    assert run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")], scheduler="Processes"),
                                          tmp_path).scheduler == "processes"
    with pytest.raises(ConfigError, match="--scheduler"):
        run_config.RunConfig.from_args(_args(parameter=[["scheduler", "tcp://x:1"]]), tmp_path)
    with pytest.raises(ConfigError, match="none of the notebooks takes a scheduler"):
        run_config.check_config(config, {"03_pool.ipynb": declared["03_pool.ipynb"]})


def test_a_listening_scheduler_passes_the_check(tmp_path):
    import socket

    (tmp_path / "raw").mkdir()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        config = run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")], scheduler=address), tmp_path)
        run_config.check_config(config, _declared())
    local = run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")]), tmp_path)
    assert local.scheduler == ""
    assert run_config.parameters_for(_declared()["01_ingest.ipynb"], local, local.processed,
                                     local.reports)["scheduler"] == ""


def test_version_is_the_package_version(capsys):
    import re

    import evidence_review
    from evidence_review import cli

    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", evidence_review.__version__)
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"evidence-review {evidence_review.__version__}"


def test_run_command_line_imports_no_stage_before_it_is_needed():
    """`evidence-review run` parses its arguments without importing pandas, scipy or papermill (seconds each)."""
    import subprocess
    import sys

    code = ("import sys; from evidence_review.cli import build_parser; p, m = build_parser(['run', '--raw', 'x']); "
            "p.parse_args(['run', '--raw', 'x']); "
            "print(sorted(n for n in ('pandas', 'scipy', 'papermill', 'nbformat', 'matplotlib') if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_notebook_parameter_has_a_type_papermill_reads(repo_root):
    import papermill

    for notebook in sorted((repo_root / "notebooks").glob("*.ipynb")):
        described = papermill.inspect_notebook(str(notebook))
        assert described, notebook.name
        untyped = [name for name, d in described.items() if d["inferred_type_name"] in ("None", "", None)]
        assert untyped == [], (notebook.name, untyped)


def test_notebook_imports_are_read_from_the_code_cells(tmp_path):
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from evidence_review.runner.execute import notebook_imports

    nb = new_notebook(cells=[new_markdown_cell("import not_this"),
                             new_code_cell("import pandas as pd\nfrom IPython.display import HTML, display\n"),
                             new_code_cell("from . import nothing\nx = 1\nimport pandas"),
                             new_code_cell("def f(:\n  import broken")])
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    assert notebook_imports(path) == ["pandas", "IPython.display", "IPython.display.HTML", "IPython.display.display"]


def test_the_warm_up_imports_what_a_package_exports_lazily():
    """The kernel's warm-up (WARM_UP, run in a fresh interpreter here) imports the module behind a name a package
    imports on first use ("from evidence_review.extract import extract_study_tables": the extractor), so the
    notebook's own import finds it loaded; it binds no name of the notebook's and skips what does not import."""
    import subprocess

    from evidence_review.runner.execute import FLUSH_TIMEOUT_SECONDS, WARM_UP

    names = ["evidence_review.extract", "evidence_review.extract.extract_study_tables", "no_such_module.at_all",
             "evidence_review.extract.no_such_name", "IPython.display.display"]
    code = (WARM_UP.format(names=names, flush_timeout=FLUSH_TIMEOUT_SECONDS, forkserver=False)
            + "\nimport sys; print('evidence_review.extract.pipeline' in sys.modules, 'extract_study_tables' in dir(),"
              " '_evidence_review_warm_up' in dir())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False"], out.stderr[-2000:]


def test_the_warm_up_imports_what_the_package_imports_on_first_use_in_mid_stage():
    """A module of the package names in WARM_IMPORTS what it (or the engine under it) imports lazily while a stage
    runs: the pooling's pymare, imported by the meta engine's DerSimonian-Laird fallback in the serial first pass.
    The warm-up imports those once the notebook's own imports are done."""
    import subprocess

    from evidence_review.runner.execute import FLUSH_TIMEOUT_SECONDS, WARM_UP
    from evidence_review.synthesis import pipeline

    assert "pymare.estimators" in pipeline.WARM_IMPORTS
    code = (WARM_UP.format(names=["evidence_review.synthesis.pipeline"], flush_timeout=FLUSH_TIMEOUT_SECONDS,
                           forkserver=False)
            + "\nimport sys; print('pymare.estimators' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"], out.stderr[-2000:]
    # without the pooling's module nothing pulls pymare in
    code = (WARM_UP.format(names=["evidence_review.tables"], flush_timeout=FLUSH_TIMEOUT_SECONDS, forkserver=False)
            + "\nimport sys; print('pymare' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"], out.stderr[-2000:]


def test_kernels_of_the_pooled_notebooks_start_their_forkserver_ahead_on_a_large_corpus(tmp_path):
    """Only the ingestion and extraction kernels, and only when their pool will surely run: the "processes"
    scheduler, or the automatic one from twice the pool's threshold of raw files; never on a cluster or in this
    process."""
    from evidence_review.parallel import POOL_MIN_ITEMS
    from evidence_review.runner.orchestrate import forkserver_ahead, raw_files_at_least

    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    for i in range(2 * POOL_MIN_ITEMS - 1):
        (raw / ("sub" if i % 2 else "") / f"d{i}.txt").write_text("x")
    assert raw_files_at_least([raw], 2 * POOL_MIN_ITEMS - 1) and not raw_files_at_least([raw], 2 * POOL_MIN_ITEMS)

    def ahead(name, **options):
        config = run_config.RunConfig.from_args(_args(raw=[str(raw)], **options), tmp_path)
        return forkserver_ahead(Path(name), config)

    assert not ahead("01_ingest.ipynb") and not ahead("02_extract.ipynb")
    (raw / "one-more.txt").write_text("x")
    assert ahead("01_ingest.ipynb") and ahead("02_extract.ipynb")
    assert not ahead("03_pool.ipynb") and not ahead("04_report.ipynb")
    assert not ahead("02_extract.ipynb", scheduler="synchronous")
    assert not ahead("02_extract.ipynb", scheduler="tcp://127.0.0.1:8786")
    (raw / "one-more.txt").unlink()
    assert ahead("02_extract.ipynb", scheduler="processes")


def test_the_run_command_skips_jsonschemas_iri_grammars(tmp_path):
    """The `run` process imports papermill (hence jsonschema) without compiling rfc3987-syntax's grammars (1.5 s)."""
    import subprocess
    import sys

    code = ("import sys; from evidence_review import cli; status = cli.main(['run', '--raw', sys.argv[1]]); "
            "print(status, 'jsonschema' in sys.modules, sys.modules.get('rfc3987_syntax', 'absent'))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing")], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["2", "True", "None"], out.stderr[-2000:]
    assert "raw folder not found" in out.stderr


def test_kernels_progress_bars_reach_the_terminal_the_run_was_started_from(tmp_path, monkeypatch):
    import io
    import pty

    from evidence_review.progress import ENV_VAR
    from evidence_review.runner.orchestrate import progress_to_terminal

    (tmp_path / "raw").mkdir()
    config = run_config.RunConfig.from_args(_args(raw=[str(tmp_path / "raw")]), tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal: nothing is set
    progress_to_terminal(config)
    assert ENV_VAR not in os.environ
    leader, follower = pty.openpty()
    try:
        with open(follower, "w", closefd=False) as terminal:
            monkeypatch.setattr(sys, "stderr", terminal)
            progress_to_terminal(config)
            assert os.environ[ENV_VAR] == os.ttyname(follower)
            monkeypatch.setenv(ENV_VAR, "off")  # the person's own choice wins
            progress_to_terminal(config)
            assert os.environ[ENV_VAR] == "off"
    finally:
        os.close(leader)
        os.close(follower)


def test_a_kernel_that_died_while_starting_is_replaced_once(tmp_path, repo_root, monkeypatch):
    """A kernel can lose its ports to another process while it starts: the runner starts another in its place."""
    from jupyter_core.utils import run_sync

    from evidence_review.runner.execute import Kernel, NotebookFailed

    config = run_config.RunConfig(root=repo_root, raw=[tmp_path], processed=tmp_path / "p", reports=tmp_path / "r")
    source = repo_root / "notebooks" / "02_extract.ipynb"
    dead = Kernel.start(repo_root, [])
    run_sync(dead.manager.shutdown_kernel)(now=True)  # as a kernel that failed to bind its ports
    replacement = orchestrate.ready_kernel(dead, source, config)
    try:
        assert replacement is not dead
        assert run_sync(replacement.manager.is_alive)()
    finally:
        replacement.shutdown()
    assert dead.log.closed  # the dead one was cleaned up

    def never_starts(source, config):
        broken = Kernel.start(repo_root, [])
        run_sync(broken.manager.shutdown_kernel)(now=True)
        return broken

    dead_again = Kernel.start(repo_root, [])
    run_sync(dead_again.manager.shutdown_kernel)(now=True)
    monkeypatch.setattr(orchestrate, "_start_kernel", never_starts)
    with pytest.raises(NotebookFailed, match="02_extract.ipynb stopped: its kernel did not start"):
        orchestrate.ready_kernel(dead_again, source, config)


def test_the_first_kernel_starts_before_the_configuration_is_read_and_stops_when_it_is_refused(tmp_path, repo_root,
                                                                                                 monkeypatch):
    """The first kernel boots while the runner imports papermill and reads the parameters; a refused configuration
    leaves no kernel behind."""
    from evidence_review.runner.execute import Kernel

    events: list[str] = []

    class Recorded:
        def shutdown(self):
            events.append("shutdown")

    def start(cwd, warm_imports=(), forkserver=False):
        events.append("start:" + ",".join(warm_imports))
        return Recorded()

    def refuse(config, declared):
        events.append("check_config")
        raise ConfigError("refused")

    monkeypatch.setattr(Kernel, "start", staticmethod(start))
    monkeypatch.setattr(orchestrate, "check_config", refuse)
    config = run_config.RunConfig(root=repo_root, raw=[tmp_path], processed=tmp_path / "p", reports=tmp_path / "r")
    with pytest.raises(ConfigError, match="refused"):
        orchestrate.run_pipeline(config)
    assert [e.split(":")[0] for e in events] == ["start", "check_config", "shutdown"]
    assert "evidence_review.ingest" in events[0]  # warmed with 01_ingest's imports
    assert not (tmp_path / "p").exists() and not (tmp_path / "r").exists()


def test_the_run_parameters_are_written_without_importing_pandas(tmp_path):
    """The run command's process writes its first file before any notebook starts; pandas' import (about a second
    of CPU) would be on the critical path there, so the atomic write lives in a module of its own."""
    import subprocess
    import sys

    code = ("import sys, json; from evidence_review.runner import orchestrate; "
            "orchestrate.write_run_parameters(__import__('pathlib').Path(sys.argv[1]), {'01_ingest.ipynb': {'x': 1}}); "
            "print('pandas' in sys.modules)")
    target = tmp_path / "executed" / "run_parameters.json"
    out = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr[-2000:]
    assert target.read_text(encoding="utf-8") == '{\n  "01_ingest.ipynb": {\n    "x": 1\n  }\n}\n'


def test_on_a_small_corpus_every_kernel_boots_at_once_on_a_large_one_one_ahead(tmp_path, repo_root):
    small = tmp_path / "small"
    (small / "sub").mkdir(parents=True)
    (small / "a.txt").write_bytes(b"x" * 1000)
    (small / "sub" / "b.txt").write_bytes(b"y" * 1000)
    config = run_config.RunConfig(root=repo_root, raw=[small], processed=tmp_path / "p", reports=tmp_path / "r")
    assert orchestrate.corpus_is_small([small], limit=2000)
    assert orchestrate.kernels_ahead(config) == len(run_config.NOTEBOOKS) - 1
    assert not orchestrate.corpus_is_small([small], limit=1999)           # files in subfolders count
    assert not orchestrate.corpus_is_small([small, small / "a.txt"], limit=2500)   # a file given directly too
    large = tmp_path / "large"
    large.mkdir()
    (large / "export.nbib").write_bytes(b"z" * (orchestrate.SMALL_CORPUS_BYTES + 1))
    config = run_config.RunConfig(root=repo_root, raw=[large], processed=tmp_path / "p", reports=tmp_path / "r")
    assert orchestrate.kernels_ahead(config) == orchestrate.KERNELS_AHEAD
    assert orchestrate.corpus_is_small([tmp_path / "missing"])     # the run reports a missing folder itself


def test_the_shipped_corpus_counts_as_small(repo_root):
    from evidence_review import paths

    assert orchestrate.corpus_is_small([paths.resolve(paths.DEFAULT_RAW, repo_root)])


def test_the_first_kernels_imports_are_read_without_nbformat(repo_root):
    """Read before the first kernel starts: nbformat's import (its schema validator) would delay that start."""
    import subprocess
    import sys

    code = ("import sys; from evidence_review.runner.execute import notebook_imports; "
            "names = notebook_imports(sys.argv[1]); print('nbformat' in sys.modules, 'evidence_review.ingest' in names)")
    out = subprocess.run([sys.executable, "-c", code, str(repo_root / "notebooks" / "01_ingest.ipynb")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"], out.stderr[-2000:]


# ------------------------------------------------------------------ a notebook's display cells beside the next one

def _cell(source: str, tags=(), exception=False) -> dict:
    return {"cell_type": "code", "source": source,
            "metadata": {"tags": list(tags), "papermill": {"exception": exception}}}


def test_the_next_notebook_may_start_once_this_one_has_written_its_outputs(monkeypatch, tmp_path):
    """A NotebookRun says its outputs are ready when its tagged cell has run without an error, while its display
    cells still run; a failure after that is still handed to the runner, which raises it."""
    import threading

    from evidence_review.runner import orchestrate

    release, failures = threading.Event(), []

    def display_cells_run_on(*args, on_cell_complete=None):
        on_cell_complete(_cell("x = 1"))
        on_cell_complete(_cell("write_table(...)", tags=[orchestrate.OUTPUTS_WRITTEN_TAG]))
        release.wait(30)
        raise orchestrate.NotebookFailed("a display cell failed")

    monkeypatch.setattr(orchestrate, "_run_one", display_cells_run_on)
    run = orchestrate.NotebookRun(1, tmp_path / "01.ipynb", None, {}, None, None, [], failures)
    run.start()
    assert run.outputs_ready.wait(30)
    assert run.is_alive() and failures == []       # the display cells still run
    release.set()
    with pytest.raises(orchestrate.NotebookFailed, match="a display cell failed"):
        orchestrate._wait(lambda: not run.is_alive(), failures)


def test_a_failed_writing_cell_does_not_let_the_next_notebook_start(monkeypatch, tmp_path):
    from evidence_review.runner import orchestrate

    failures, seen = [], []

    def writing_cell_fails(*args, on_cell_complete=None):
        on_cell_complete(_cell("save(...)", tags=[orchestrate.OUTPUTS_WRITTEN_TAG], exception=True))
        seen.append(orchestrate.outputs_written(_cell("save(...)", [orchestrate.OUTPUTS_WRITTEN_TAG], True)))
        raise orchestrate.NotebookFailed("the writing cell failed")

    monkeypatch.setattr(orchestrate, "_run_one", writing_cell_fails)
    run = orchestrate.NotebookRun(1, tmp_path / "01.ipynb", None, {}, None, None, [], failures)
    run.run()  # in this thread: the event is set only because the notebook ended
    assert seen == [False]
    assert run.outputs_ready.is_set() and len(failures) == 1
    with pytest.raises(orchestrate.NotebookFailed, match="the writing cell failed"):
        orchestrate._wait(run.outputs_ready.is_set, failures)


def test_no_cell_after_a_notebooks_outputs_written_cell_writes_anything(repo_root):
    """The runner starts the next notebook once the tagged cell has run: every stage notebook but the last has one,
    and the cells after it only show what it wrote (no save_, write_ or run_ call)."""
    import json
    import re

    from evidence_review.runner import orchestrate

    writes = re.compile(r"\b(?:save_\w*|write_\w*|run_\w*|ingest_with_structures|extract_study_tables)\(")
    for name in run_config.NOTEBOOKS[:-1]:
        cells = [c for c in json.loads((repo_root / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
                 if c["cell_type"] == "code"]
        tagged = [i for i, c in enumerate(cells)
                  if orchestrate.OUTPUTS_WRITTEN_TAG in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, name
        assert writes.search("".join(cells[tagged[0]]["source"])), name
        for cell in cells[tagged[0] + 1:]:
            assert not writes.search("".join(cell["source"])), (name, cell["source"])
