"""Forest plots: one per pooled cell (k >= 2), as PNG and SVG with byte-identical reruns.

Layout (after LSYS/forestplot): one row per study with a square sized by its weight and its CI as a line, the
pooled estimate as a diamond, the prediction interval as a thin bar under it (when reported), a dashed line at
the null value, log axis for ratio measures and rates, and right-hand columns with "estimate [CI]" and the weight.
Under the axis, "favours ..." labels: the side that favours the intervention depends on whether the outcome is
harmful (relapse, adverse events: lower is better) or beneficial (response, improvement: higher is better);
when the outcome's direction is unknown the labels say "lower/higher with <intervention>" instead.

Determinism: figures are drawn on an Agg canvas (no pyplot state, no backend switch), inside an rc_context
holding the seaborn theme and a fixed SVG hash salt; PNG is saved without the Software tag and SVG without a
date, at a fixed dpi, and the bytes are written atomically.
"""
from __future__ import annotations

import io
import math
import re

import matplotlib
import matplotlib.ticker as ticker
import numpy as np
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..tables import write_bytes_atomic
from .effects import is_ratio_scale, natural_interval, null_value

DPI = 150
SVG_SALT = "evidence-review"

_BENEFICIAL = re.compile(r"relapse[- ]free|attack[- ]free|event[- ]free|free of|response|respond|remission|"
                         r"improve|recover|good .*outcome|success|\bsurvival\b|complete renal")
_HARMFUL = re.compile(r"relapse|attack|adverse|discontinu|death|mortality|progression|flare|failure|disab|edss|"
                      r"deteriorat|hospitali|infection|worsening|annuali[sz]ed|toxicity")


def outcome_direction(outcome: str) -> str:
    """"harmful" (lower is better), "beneficial" (higher is better) or "unknown"."""
    text = (outcome or "").lower()
    if _BENEFICIAL.search(text):
        return "beneficial"
    if _HARMFUL.search(text):
        return "harmful"
    return "unknown"


def favours_labels(measure: str, outcome: str, intervention: str, comparator: str) -> tuple[str, str] | None:
    """(left label, right label) for a comparative measure; None for single-arm quantities."""
    if null_value(measure) is None:
        return None
    direction = outcome_direction(outcome)
    # For HR/RR/OR/IRR/RD/MD/SMD, values left of the null mean "less of the outcome on the intervention";
    # RRR is a reduction, so left of 0 means more of the outcome on the intervention.
    less_on_intervention_is_left = measure != "RRR"
    if direction == "unknown":
        left, right = f"lower with {intervention}", f"higher with {intervention}"
        return (left, right) if less_on_intervention_is_left else (right, left)
    intervention_side_left = (direction == "harmful") == less_on_intervention_is_left
    if intervention_side_left:
        return f"favours {intervention}", f"favours {comparator}"
    return f"favours {comparator}", f"favours {intervention}"


def _fmt(x: float) -> str:
    if x is None or not math.isfinite(x):
        return "NA"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 0.1 or x == 0:
        return f"{x:.2f}"
    return f"{x:.2g}"


def _theme() -> dict:
    rc = {}
    rc.update(sns.axes_style("whitegrid"))
    rc.update(sns.plotting_context("paper", font_scale=1.1))
    rc.update({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path", "font.family": "DejaVu Sans",
               "axes.grid.axis": "x"})
    return rc


def draw_forest(fit, title: str | None = None) -> Figure:
    """A matplotlib Figure for one CellFit (see pool.CellFit)."""
    studies = fit.studies
    measure = fit.measure
    k = len(studies)
    res = fit.result
    with matplotlib.rc_context(_theme()):
        # fixed inches: labels 2.7 | axes 4.3 | text columns 3.0; rows 0.36 high; 0.85 on top, 1.0 below
        width, top, bottom = 10.0, 0.85, 1.0
        height = top + bottom + 0.36 * (k + 3)
        fig = Figure(figsize=(width, height), dpi=DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((2.7 / width, bottom / height, 4.3 / width, (height - top - bottom) / height))
        ys = np.arange(k, 0, -1, dtype=float) + 1.0
        colour = sns.color_palette("deep")[0]
        weights = studies["weight"].to_numpy(dtype=float)
        lows, highs = [], []
        for y, rec, w in zip(ys, studies.to_dict("records"), weights):
            lo, hi = rec["ci_low"], rec["ci_high"]
            if not (math.isfinite(lo) and math.isfinite(hi)):
                z = 1.959963984540054
                lo, hi = natural_interval(measure, rec["yi"] - z * math.sqrt(rec["vi"]), rec["yi"] + z * math.sqrt(rec["vi"]))
            lows.append(lo)
            highs.append(hi)
            ax.plot([lo, hi], [y, y], color="0.25", linewidth=1.1, solid_capstyle="butt")
            size = 4 + 10 * math.sqrt(max(w, 0) / 100)
            ax.plot([rec["value"]], [y], marker="s", markersize=size, color=colour, linestyle="none")
        pooled_y = 1.0
        est, lo, hi = fit.row["estimate"], fit.row["ci_low"], fit.row["ci_high"]
        (diamond,) = ax.fill([est, est, est, est], [pooled_y, pooled_y + 0.28, pooled_y, pooled_y - 0.28],
                             color="0.15")
        labels = list(studies["study"])
        method_label = f"Pooled ({fit.row['method']}, {'Knapp–Hartung' if fit.row['ci_method'] == 'knha' else fit.row['ci_method']})"
        ytick_pos = list(ys) + [pooled_y]
        ytick_lab = labels + [method_label]
        if fit.show_pi and math.isfinite(fit.row["pi_low"]):
            pi_y = 0.3
            ax.plot([fit.row["pi_low"], fit.row["pi_high"]], [pi_y, pi_y], color="0.15", linewidth=2.2,
                    solid_capstyle="butt")
            ytick_pos.append(pi_y)
            ytick_lab.append("Prediction interval")
            lows.append(fit.row["pi_low"])
            highs.append(fit.row["pi_high"])
        lows.append(lo)
        highs.append(hi)
        null = null_value(measure)
        if null is not None:
            ax.axvline(null, color="0.4", linestyle="--", linewidth=0.9)
            lows.append(null)
            highs.append(null)
        finite_lo = [v for v in lows if math.isfinite(v) and (v > 0 or not is_ratio_scale(measure))]
        finite_hi = [v for v in highs if math.isfinite(v) and (v > 0 or not is_ratio_scale(measure))]
        study_lo = [v for v in lows[:k] if math.isfinite(v) and (v > 0 or not is_ratio_scale(measure))] or finite_lo
        study_hi = [v for v in highs[:k] if math.isfinite(v) and (v > 0 or not is_ratio_scale(measure))] or finite_hi
        if is_ratio_scale(measure):
            ax.set_xscale("log")
            # the axis follows the data but not a runaway pooled interval (capped at 10x the studies' range)
            left = max(min(finite_lo), min(study_lo) / 10) / 1.3
            right = min(max(finite_hi), max(study_hi) * 10) * 1.3
            decades = math.log10(right / left)
            subs = (1.0, 2.0, 5.0) if decades <= 3 else (1.0,)  # fewer ticks on a wide axis, no overlaps
            ax.xaxis.set_major_locator(ticker.LogLocator(base=10, subs=subs))
            ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
            ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        else:
            span = max(finite_hi) - min(finite_lo) or 1.0
            left, right = min(finite_lo) - 0.08 * span, max(finite_hi) + 0.08 * span
        ax.set_xlim(left, right)
        # an infinite or missing pooled bound (a huge Knapp-Hartung interval) is drawn to the axis edge
        lo = min(max(lo, left), right) if math.isfinite(lo) else left
        hi = max(min(hi, right), left) if math.isfinite(hi) else right
        diamond.set_xy(np.array([[lo, pooled_y], [est, pooled_y + 0.28], [hi, pooled_y], [est, pooled_y - 0.28]]))
        ax.set_ylim(-0.3 if fit.show_pi else 0.3, k + 2.1)
        ax.set_yticks(ytick_pos)
        ax.set_yticklabels(ytick_lab)
        ax.tick_params(axis="y", length=0)
        ax.grid(False, axis="y")
        scale = " (log scale)" if is_ratio_scale(measure) else ""
        ax.set_xlabel(f"{measure}{scale}")

        # right-hand columns: estimate [CI] and weight
        trans = ax.get_yaxis_transform()
        col_est, col_w = 1 + 0.15 / 4.3, 1 + 2.25 / 4.3
        ax.text(col_est, k + 1.6, f"{measure} [95% CI]", transform=trans, fontweight="bold", va="center")
        ax.text(col_w, k + 1.6, "Weight", transform=trans, fontweight="bold", va="center")
        for y, rec, w, l, h in zip(ys, studies.to_dict("records"), weights, lows, highs):
            ax.text(col_est, y, f"{_fmt(rec['value'])} [{_fmt(l)}, {_fmt(h)}]", transform=trans, va="center")
            ax.text(col_w, y, f"{w:.1f}%", transform=trans, va="center")
        pooled_text = f"{_fmt(est)} [{_fmt(fit.row['ci_low'])}, {_fmt(fit.row['ci_high'])}]"  # not the clipped ends
        ax.text(col_est, pooled_y, pooled_text, transform=trans, va="center",
                fontweight="bold")
        ax.text(col_w, pooled_y, "100%", transform=trans, va="center", fontweight="bold")
        if fit.show_pi and math.isfinite(fit.row["pi_low"]):
            ax.text(col_est, 0.3, f"[{_fmt(fit.row['pi_low'])}, {_fmt(fit.row['pi_high'])}]", transform=trans,
                    va="center")

        favours = favours_labels(measure, fit.outcome, fit.intervention, fit.comparator)
        if favours is not None:
            ax.annotate(f"← {favours[0]}", xy=(0, 0), xycoords="axes fraction", xytext=(0, -36),
                        textcoords="offset points", ha="left", va="top", fontsize="small", color="0.3")
            ax.annotate(f"{favours[1]} →", xy=(1, 0), xycoords="axes fraction", xytext=(0, -36),
                        textcoords="offset points", ha="right", va="top", fontsize="small", color="0.3")
        het = ""
        if res is not None:
            het = f"k = {k}, τ² = {fit.row['tau2']:.3g}, I² = {fit.row['i2']:.0f}%, Q p = {fit.row['q_p']:.3g}"
        arms = f"{fit.intervention} vs {fit.comparator}" if fit.comparator else fit.intervention
        fig.suptitle(title or f"{arms}: {fit.outcome} ({measure})", x=0.02,
                     ha="left", fontsize="medium", fontweight="bold")
        fig.text(0.02, 1 - 0.5 / height, het, ha="left", va="top", fontsize="small", color="0.3")
    return fig


def figure_bytes(fig: Figure) -> tuple[bytes, bytes]:
    """(PNG, SVG) bytes without timestamps or version tags."""
    with matplotlib.rc_context(_theme()):
        png, svg = io.BytesIO(), io.BytesIO()
        fig.savefig(png, format="png", dpi=DPI, metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return png.getvalue(), svg.getvalue()


def write_forest(fit, figures_dir) -> list:
    """Write <cell_id>.png and .svg under figures_dir; returns the two paths."""
    from pathlib import Path
    fig = draw_forest(fit)
    png, svg = figure_bytes(fig)
    folder = Path(figures_dir)
    paths = [folder / f"{fit.cell_id}.png", folder / f"{fit.cell_id}.svg"]
    write_bytes_atomic(paths[0], png)
    write_bytes_atomic(paths[1], svg)
    return paths
