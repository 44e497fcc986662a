"""A wall-clock limit per file, so no single input can hang a run.

Uses SIGALRM, which only exists on POSIX and only works in the main thread (where notebooks and the CLI run
their code); elsewhere the limit is silently not enforced and the size limits still bound the work.
"""
from __future__ import annotations

import contextlib
import signal
import threading


class TimeLimitExceeded(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def _raise(signum, frame):
        raise TimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, _raise)
    old_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_timer[0] > 0:  # someone else's alarm was pending: give it back
            signal.setitimer(signal.ITIMER_REAL, old_timer[0], old_timer[1])
