"""Text measurements of matplotlib's SVG renderer, remembered across the figures a process saves.

To lay a figure's texts out, matplotlib's SVG renderer measures each string with FreeType (`TextToPath`: the font
looked up and set to size, every glyph of the string loaded; ~0.17 ms per string). matplotlib remembers the
measurements per renderer, and every SVG save makes a new renderer, so the same strings ("Weight", "100%",
"Total (REML, HK ad hoc)", tick labels) were measured again for every forest and funnel plot: at 10,000 documents,
4,793 measurements of 1,268 distinct strings, ~0.8 s of the ~9 s of CPU time drawing the figures takes.

`remembered_text_metrics()` is a context in which the renderer's measurements come from a process-wide memo,
keyed as matplotlib's own cache keys them (the string, a copy of its font properties, whether it is mathtext) and
by the rc parameters that choose fonts and lay text out (`font.*`, `mathtext.*`, `text.*`), so that another theme
never reads this one's numbers. A measurement depends on nothing else (the SVG renderer measures at a fixed
72 dpi), so the figures are byte for byte those drawn without it. Outside the context, in other threads, and
for other renderers, matplotlib measures as it always does.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager

import matplotlib
from matplotlib.backends import backend_svg

_RC_PREFIXES = ("font.", "mathtext.", "text.")
#: Beyond this many remembered strings the memo starts afresh (a run of every cell's plots, not a leak).
MAX_ENTRIES = 50_000

_memo: dict = {}
_active = threading.local()  # .rc: the rc fingerprint of the save under way in this thread, absent outside one
# matplotlib's own (also when this module is imported afresh, as importlib.reload does)
_measure = getattr(backend_svg.RendererSVG.get_text_width_height_descent, "measure",
                   backend_svg.RendererSVG.get_text_width_height_descent)


def _remembered(self, s, prop, ismath):
    rc = getattr(_active, "rc", None)
    if rc is None:
        return _measure(self, s, prop, ismath)
    key = (rc, s, prop, ismath)
    found = _memo.get(key)
    if found is None:
        found = _measure(self, s, prop, ismath)
        if len(_memo) >= MAX_ENTRIES:
            _memo.clear()
        # a copy of the font properties: the caller may change its own later (as matplotlib's cache does)
        _memo[(rc, s, prop.copy(), ismath)] = found
    return found


_remembered.measure = _measure
backend_svg.RendererSVG.get_text_width_height_descent = _remembered


def _rc_fingerprint() -> tuple:
    params = matplotlib.rcParams
    return tuple((name, repr(params[name])) for name in sorted(params) if name.startswith(_RC_PREFIXES))


@contextmanager
def remembered_text_metrics():
    """SVG saves in this thread, within the block, measure each string once per process (see the module)."""
    before = getattr(_active, "rc", None)
    _active.rc = _rc_fingerprint()
    try:
        yield
    finally:
        _active.rc = before
