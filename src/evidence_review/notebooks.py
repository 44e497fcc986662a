"""Executed notebooks made byte-stable: the one owner of what is removed or fixed, and why.

Two views of an executed notebook:

- `normalize_executed(nb, replacements)`: the executed copy the runner keeps in `reports/executed/`. Everything
  that changes from run to run while the inputs stay the same is removed or put in a fixed form:
    * times papermill and nbclient record (notebook and cell start/end/duration, `execution` timings), the
      environment papermill records, widget state (`metadata.widgets`, random model ids and live values);
    * papermill's injected-parameters cell gets a fixed id instead of a random one;
    * the staging paths of the run (`replacements`: old -> new strings) become the final ones, everywhere;
    * stream output is put in the form the code wrote, not the form the kernel happened to send. The kernel sends
      buffered stdout/stderr every 0.2 s, so under load one `print` can arrive as two messages, and stdout and
      stderr written close together arrive in either order: adjacent stream outputs are merged, one per stream.
    * stderr is left out: it is where libraries write what depends on timing (progress bars with rates and
      elapsed times, dask/distributed log lines, a warning raised once per process by whichever worker meets it
      first). The package itself never writes to stderr in a notebook; an error stays (an `error` output).
    * a line redrawn in place with carriage returns (a progress display) is left out; its last state holds
      elapsed times and rates.
    * widget views (ipywidgets, tqdm's notebook bar) are left out: random model ids, state that is not kept.
- `report_view(nb)`: what nbconvert turns into the report page: the executed view, reduced to what the page shows
  (no parameters cells, no code cell without output, no raw cells), with positional cell ids and no execution
  counts or per-cell metadata.
"""
from __future__ import annotations

import ast
import copy
import json
import re

# nbformat is imported inside the functions that need it: the run command imports this module (parameters)
# and must stay light until a notebook runs.

INJECTED_CELL_ID = "injected-parameters"
PARAMETERS_TAGS = {"parameters", "injected-parameters"}
REPORT_REMOVE_TAGS = {"remove-cell", "remove_cell"} | PARAMETERS_TAGS
REPORT_TITLE = "Evidence review report"
TIMING_KEYS = ("start_time", "end_time", "duration")
VOLATILE_CELL_METADATA = ("papermill", "execution", "collapsed", "scrolled", "jupyter", "ExecuteTime")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STREAM_ORDER = {"stdout": 0, "stderr": 1}
DROPPED_STREAMS = {"stderr"}
_REDRAWN_LINE = re.compile(r"^[^\n]*\r(?!\n)[^\n]*(?:\n|$)", re.MULTILINE)  # "\r\n" is a line end, not a redraw


def declared_parameters(notebook) -> dict:
    """Parameter name -> papermill's description (type, default source text, help), read from the cell tagged
    `parameters`."""
    import papermill

    return papermill.inspect_notebook(str(notebook))


def declared_defaults(declared: dict) -> dict:
    """Parameter -> the value its notebook's `parameters` cell gives it (papermill reports the source text;
    parameters cells hold literals only, by the project's convention)."""
    defaults = {}
    for name, description in sorted(declared.items()):
        text = str((description or {}).get("default", ""))
        try:
            defaults[name] = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            defaults[name] = text
    return defaults


def _replace_in(value, replacements: list[tuple[str, str]]):
    if isinstance(value, str):
        for old, new in replacements:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replace_in(v, replacements) for v in value]
    if isinstance(value, dict):
        return type(value)({k: _replace_in(v, replacements) for k, v in value.items()})
    return value


def _stream_text(output) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def canonical_outputs(outputs: list) -> list:
    """A cell's outputs in the form the code wrote them, whatever the kernel's flush timing (see the module)."""
    import nbformat

    result, run = [], []

    def close_run():
        by_name: dict[str, str] = {}
        for output in run:
            by_name[output["name"]] = by_name.get(output["name"], "") + _stream_text(output)
        for name in sorted(by_name, key=lambda n: (STREAM_ORDER.get(n, 2), n)):
            text = _REDRAWN_LINE.sub("", by_name[name])
            if name not in DROPPED_STREAMS and text:
                result.append(nbformat.v4.new_output("stream", name=name, text=text))
        run.clear()

    for output in outputs:
        if output.get("output_type") == "stream":
            run.append(output)
            continue
        close_run()
        if WIDGET_VIEW in output.get("data", {}):
            continue
        result.append(output)
    close_run()
    return result


def normalize_executed(nb, replacements: list[tuple[str, str]] = ()):
    """A byte-stable copy of an executed notebook (a new notebook node; the input is not changed)."""
    import nbformat

    nb = nbformat.from_dict(json.loads(json.dumps(nb)))  # deep copy as NotebookNode
    replacements = [(old, new) for old, new in replacements if old]
    pm = nb.metadata.get("papermill")
    if pm is not None:
        for key in TIMING_KEYS:
            pm.pop(key, None)
        if "environment_variables" in pm:
            pm["environment_variables"] = {}
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell_pm = cell.metadata.get("papermill")
        if cell_pm is not None:
            for key in TIMING_KEYS:
                cell_pm.pop(key, None)
        cell.metadata.pop("execution", None)
        if INJECTED_CELL_ID in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_CELL_ID
        if cell.cell_type == "code":
            cell.outputs = canonical_outputs(cell.outputs)
    if replacements:
        nb = nbformat.from_dict(_replace_in(nb, replacements))
    return nb


def report_view(nb):
    """A copy of an executed notebook holding only what the report shows, identical across reruns."""
    import nbformat

    nb = normalize_executed(nb)
    kept = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & REPORT_REMOVE_TAGS:
            continue
        if cell.cell_type == "code" and not cell.get("outputs"):
            continue  # imports and loading: nothing to show, so no empty block in the page
        if cell.cell_type == "raw":
            continue
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.execution_count = None
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = None
                output.pop("transient", None)
        kept.append(cell)
    for index, cell in enumerate(kept):
        cell["id"] = f"report-{index:03d}"
    nb.cells = kept
    metadata = {"language_info": {"name": nb.metadata.get("language_info", {}).get("name", "python")},
                "title": REPORT_TITLE}
    if nb.metadata.get("kernelspec"):
        metadata["kernelspec"] = copy.deepcopy(nb.metadata["kernelspec"])
    nb.metadata = nbformat.NotebookNode(metadata)
    return nb
