"""`evidence-review run`: execute the four notebooks with papermill, then render the HTML report.

Modules, one job each: `config` (the command line, the run's configuration, the checks made before anything
starts), `transaction` (staging folders, promotion, the output locks: a run changes the outputs all at once or
not at all), `execute` (one notebook on its own kernel, the kernel log, a readable failure) and `orchestrate`
(the steps in order). What makes an executed notebook byte-stable is decided in `evidence_review.notebooks`.
"""
from .config import RunConfig, add_arguments
from .execute import NotebookFailed
from .orchestrate import main, run_pipeline

__all__ = ["RunConfig", "add_arguments", "main", "run_pipeline", "NotebookFailed"]
