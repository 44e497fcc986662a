"""Executed notebooks are byte-stable even when the kernel's timing changes (`evidence_review.notebooks`).

The kernel sends buffered stdout/stderr every 0.2 s: under load one `print` arrives as two stream outputs, and
stdout and stderr written close together arrive in either order. Libraries write progress bars (redrawn with
carriage returns, holding rates and elapsed times), log lines and warnings to stderr. A real kernel shows it:
the same cell run fast and run with pauses gives different raw outputs and the same normalized ones.
"""
from __future__ import annotations

import tempfile

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook, new_output

from evidence_review.notebooks import canonical_outputs, normalize_executed, report_view
from evidence_review.runner.execute import kernel_manager_class

# One print split by a pause longer than the kernel's flush interval, stderr between stdout writes, a progress
# bar whose last state holds an elapsed time, and a log line stamped with the time.
CELL = """\
import sys, time
pause = {pause}
sys.stdout.write("74 estimates from 19 documents")
time.sleep(pause)
sys.stdout.write("\\n")
sys.stderr.write(f"distributed.scheduler - INFO - {{time.time():.6f}} worker joined\\n")
time.sleep(pause)
for i in range(3):
    sys.stderr.write(f"\\r{{i + 1}}/3 [{{time.perf_counter():.6f}}s]")
    time.sleep(pause / 3)
sys.stderr.write("\\n")
print("done")
"""


def _execute(pause: float) -> nbformat.NotebookNode:
    nb = new_notebook(cells=[new_code_cell(CELL.format(pause=pause), id="timing")])
    with tempfile.TemporaryFile() as log:
        NotebookClient(nb, kernel_name="python3", timeout=120, kernel_manager_class=kernel_manager_class(log)).execute()
    return nb


def test_a_cell_run_fast_or_slow_normalizes_to_the_same_bytes():
    fast, slow = _execute(0.0), _execute(0.5)
    slow.cells[0].source = fast.cells[0].source  # the same code: only the timing differs
    assert nbformat.writes(fast) != nbformat.writes(slow)  # the raw outputs depend on timing
    assert sum(o.get("name") == "stdout" for o in slow.cells[0].outputs) >= 2  # the pause split the print
    a, b = normalize_executed(fast), normalize_executed(slow)
    assert nbformat.writes(a) == nbformat.writes(b)
    assert a.cells[0].outputs == [new_output("stream", name="stdout", text="74 estimates from 19 documents\ndone\n")]


def test_adjacent_streams_merge_stdout_first_and_non_stream_outputs_keep_their_place():
    html = new_output("display_data", data={"text/html": "<table></table>", "text/plain": "table"})
    outputs = [new_output("stream", name="stdout", text="a"), new_output("stream", name="stderr", text="warn\n"),
               new_output("stream", name="stdout", text="b\n"), html,
               new_output("stream", name="stdout", text="after\r\n"),
               new_output("display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "f00"},
                                                "text/plain": "  0%|          | 0/10 [00:00<?, ?it/s]"})]
    assert canonical_outputs(outputs) == [new_output("stream", name="stdout", text="ab\n"), html,
                                          new_output("stream", name="stdout", text="after\r\n")]


def test_progress_redraws_go_and_lines_around_them_stay():
    outputs = [new_output("stream", name="stdout", text="start\n\r 10%|#  | 1/10\r100%|##| 10/10 [00:03, 3.1it/s]\nend\n")]
    assert canonical_outputs(outputs) == [new_output("stream", name="stdout", text="start\nend\n")]


def test_widget_state_and_execution_timings_go():
    nb = new_notebook(cells=[new_code_cell("x", execution_count=1, metadata={"execution": {"iopub.status.busy": "t"}})],
                      metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {"f00": {}}}},
                                "papermill": {"start_time": "t", "duration": 1.0, "parameters": {}}})
    out = normalize_executed(nb)
    assert "widgets" not in out.metadata and out.metadata.papermill == {"parameters": {}}
    assert "execution" not in out.cells[0].metadata
    assert "widgets" in nb.metadata  # the input is not changed


def test_the_report_view_is_built_on_the_executed_view():
    nb = new_notebook(cells=[new_code_cell("x", outputs=[new_output("stream", name="stderr", text="noise\n")]),
                             new_code_cell("y", outputs=[new_output("stream", name="stdout", text="a"),
                                                         new_output("stream", name="stdout", text="b\n")])])
    view = report_view(nb)
    assert [c.outputs for c in view.cells] == [[new_output("stream", name="stdout", text="ab\n")]]


def test_runner_kernels_are_warmed_and_wait_for_their_output_thread(tmp_path):
    """A kernel the runner starts has its notebook's modules imported before the first cell, binds no name, counts
    no execution, and lets a print wait long enough for the output thread under load (ipykernel's default: 10 s)."""
    from pathlib import Path

    from evidence_review.runner.execute import FLUSH_TIMEOUT_SECONDS, Kernel, execute

    source, target = tmp_path / "probe.ipynb", tmp_path / "probe.out.ipynb"
    probe = ("import sys, json\nfrom ipykernel.iostream import OutStream\n"
             "print(json.dumps(['colorsys' in sys.modules, OutStream.flush_timeout,"
             " sorted(n for n in dir() if 'warm' in n)]))")
    nb = new_notebook(cells=[new_code_cell(probe, id="probe")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, source)
    kernel = Kernel.start(Path.cwd(), ["colorsys"])  # a stdlib module nothing else imports
    try:
        execute(kernel, source, target, {}, cwd=Path.cwd(), progress=False, cell_timeout=120)
    finally:
        kernel.shutdown()
    out = nbformat.read(target, as_version=4).cells[0]
    assert out.execution_count == 1  # the warm-up is not counted
    assert out.outputs[0]["text"].strip() == f"[true, {FLUSH_TIMEOUT_SECONDS}, []]"


def test_a_kernel_started_with_its_forkserver_has_it_running_before_the_notebook(tmp_path):
    """Kernel.start(..., forkserver=True): the warm-up starts the kernel's forkserver (parallel.start_forkserver),
    which the notebook's first pool forks its workers from; without it the kernel has none."""
    from pathlib import Path

    from evidence_review.runner.execute import Kernel, execute

    source, target = tmp_path / "probe.ipynb", tmp_path / "probe.out.ipynb"
    probe = ("from multiprocessing import forkserver\n"
             "print(forkserver._forkserver._forkserver_pid is not None, sorted(n for n in dir() if 'warm' in n))")
    nb = new_notebook(cells=[new_code_cell(probe, id="probe")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, source)
    seen = []
    for forkserver in (True, False):
        kernel = Kernel.start(Path.cwd(), ["evidence_review.tables"], forkserver=forkserver)
        try:
            execute(kernel, source, target, {}, cwd=Path.cwd(), progress=False, cell_timeout=120)
        finally:
            kernel.shutdown()
        seen.append(nbformat.read(target, as_version=4).cells[0].outputs[0]["text"].strip())
    assert seen == ["True []", "False []"]
