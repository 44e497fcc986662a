"""The kernel's own stderr (e.g. ipykernel's shutdown noise) goes to the run's kernel log, not the terminal."""
from __future__ import annotations

import tempfile

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from evidence_review.runner.execute import kernel_log_tail, kernel_manager_class


def test_kernel_stderr_is_kept_in_the_log_and_shown_on_demand(capfd):
    nb = new_notebook(cells=[new_code_cell("import os\nos.write(2, b'kernel-fd2-marker\\n')\nprint('ok')")])
    with tempfile.TemporaryFile() as log:
        client = NotebookClient(nb, kernel_name="python3", timeout=120,
                                kernel_manager_class=kernel_manager_class(log))
        client.execute()
        assert nb.cells[0].outputs[0]["text"].strip() == "ok"
        tail = kernel_log_tail(log)
    assert "kernel-fd2-marker" in tail
    assert "kernel-fd2-marker" not in capfd.readouterr().err


def test_empty_kernel_log_adds_nothing():
    with tempfile.TemporaryFile() as log:
        assert kernel_log_tail(log) == ""
