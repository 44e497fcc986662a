"""A progress bar for long stages (items done / total, rate, time left) that never changes what a run writes.

Where it shows:
- in a notebook (a Jupyter kernel, also under papermill): one text output updated in place while the stage runs
  (tqdm's meter: count, rate, time left); when the stage ends it is replaced by a line without times
  ("files read: 125 of 125"), so an executed notebook is the same bytes on every run;
- in a terminal: tqdm's bar on stderr, only when stderr is a TTY;
- `EVIDENCE_REVIEW_PROGRESS` overrides: `off` (or `0`) shows nothing anywhere; `stderr` (or `1`) writes the bar
  to the process's own stderr even when it is not a TTY (in a kernel: the kernel's stderr, never a notebook
  output); any other value is a file to append the bar to, e.g. the terminal a runner started from
  (`EVIDENCE_REVIEW_PROGRESS=$(tty)`), which reaches it from inside a notebook kernel.
Times and rates therefore only ever reach a terminal or a file named for them, never a table or a notebook.
"""
from __future__ import annotations

import os
import sys
import time

ENV_VAR = "EVIDENCE_REVIEW_PROGRESS"
OFF = ("0", "off", "no", "false")

#: A terminal bar appears only once a stage has run this long.
TERMINAL_DELAY_SECONDS = 1.0

#: Seconds between two redraws of the notebook output (the terminal bar has tqdm's own rate limit).
NOTEBOOK_REDRAW_SECONDS = 0.5


def _in_kernel() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _terminal_stream():
    """(stream, owned) for the terminal bar, or (None, False)."""
    setting = os.environ.get(ENV_VAR, "").strip()
    if setting.lower() in ("1", "on", "yes", "true", "stderr"):
        return sys.__stderr__, False
    if setting:
        try:
            return open(setting, "a", encoding="utf-8"), True  # noqa: SIM115 - closed in Progress.close
        except OSError:
            return None, False
    if _in_kernel():  # the kernel's own stderr goes to its log, not to a person: only when asked
        return None, False
    try:
        return (sys.stderr, False) if sys.stderr is not None and sys.stderr.isatty() else (None, False)
    except (AttributeError, ValueError):
        return None, False


class Progress:
    """`with Progress(total, "files read") as bar: ... bar.advance(n)`."""

    def __init__(self, total: int, label: str, unit: str = "doc"):
        self.total, self.label, self.unit = int(total), label, unit
        self.done = 0
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._handle = None
        self._bar = None
        self._owned_stream = None
        if os.environ.get(ENV_VAR, "").strip().lower() in OFF:
            return
        if _in_kernel():
            from IPython.display import display

            self._handle = display({"text/plain": self._meter()}, raw=True, display_id=True)
        stream, owned = _terminal_stream()
        if stream is not None:
            from tqdm import tqdm

            self._owned_stream = stream if owned else None
            # `delay`: work that ends within a second (one document, a small corpus) draws no bar at all
            self._bar = tqdm(total=self.total, desc=label, unit=unit, file=stream, dynamic_ncols=True,
                             mininterval=0.5, delay=TERMINAL_DELAY_SECONDS)

    def _meter(self) -> str:
        from tqdm import tqdm

        return tqdm.format_meter(self.done, self.total, time.monotonic() - self._start, prefix=self.label,
                                 unit=self.unit, ncols=100)

    def final_line(self) -> str:
        """What stays in a notebook: no time, no rate."""
        return f"{self.label}: {self.done:,} of {self.total:,}"

    def advance(self, n: int = 1) -> None:
        self.done += int(n)
        if self._bar is not None:
            self._bar.update(int(n))
        now = time.monotonic()
        if self._handle is not None and now - self._last_draw >= NOTEBOOK_REDRAW_SECONDS:
            self._last_draw = now
            self._handle.update({"text/plain": self._meter()}, raw=True)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.update({"text/plain": self.final_line()}, raw=True)
            self._handle = None
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if self._owned_stream is not None:
            self._owned_stream.close()
            self._owned_stream = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
