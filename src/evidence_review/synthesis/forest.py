"""Forest plots: one per cell with k >= 2 (pooled, or two studies side by side), and a funnel plot from k >= 10;
SVG (and PNG when asked) with byte-identical reruns. Which cells get a plot is the pipeline's decision
(pipeline.plotted_fits).

Layout (RevMan's, drawn after LSYS/forestplot): study labels "Surname Year" on the left; one row per study with a
square sized by its weight and its CI as a line; the pooled estimate as a diamond (none when two studies are shown
side by side), the prediction interval as a thin bar under it (when reported), a dashed line at the null value, log
axis for ratio measures and rates; right-hand columns with events/total per arm (when the document states them),
"estimate [CI]" and the weight; the heterogeneity statistics and the test of the overall effect above the plot.
Beyond MAX_LABELLED_STUDIES studies the rows share a fixed height and lose their labels, so a 2,000-study cell
gives a readable (not a 700-inch) figure.
Under the axis, "favours ..." labels: the side that favours the intervention depends on whether the outcome is
harmful (relapse, adverse events: lower is better) or beneficial (response, improvement: higher is better);
when the outcome's direction is unknown the labels say "lower/higher with <intervention>" instead.

Determinism: figures are drawn on an Agg canvas (no pyplot state, no backend switch), inside an rc_context
holding the seaborn theme, matplotlib's bundled DejaVu Sans for the layout and a fixed SVG hash salt; PNG is saved
without the Software tag and SVG without a date, at a fixed dpi, and the bytes are written atomically. SVG keeps its
text as text (the reader's browser draws it; the fonts it may use are SANS_SERIF).
"""
from __future__ import annotations

import csv
import io
import math
import re
from functools import lru_cache
from importlib.resources import files

import matplotlib
import matplotlib.ticker as ticker
import numpy as np
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from ..tables import write_bytes_atomic
from ..tables import null_value
from .effects import is_ratio_scale
from .labels import display_name
from .svgtext import remembered_text_metrics

DPI = 150
SVG_SALT = "evidence-review"

_BENEFICIAL = re.compile(r"relapse[- ]free|attack[- ]free|event[- ]free|free of|response|respond|remission|"
                         r"improve|recover|good .*outcome|success|\bsurvival\b|complete renal")
_HARMFUL = re.compile(r"relapse|attack|adverse|discontinu|death|mortality|progression|flare|failure|disab|edss|"
                      r"deteriorat|hospitali|infection|worsening|annuali[sz]ed|toxicity")


@lru_cache(maxsize=1)
def _lexicon_directions() -> dict[str, str]:
    """outcome label -> harmful/beneficial, from the outcome lexicon (data/outcomes.csv, column `harmful`)."""
    path = files("evidence_review") / "data" / "outcomes.csv"
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return {r["label"].strip().lower(): "harmful" if r["harmful"].strip() == "1" else "beneficial" for r in rows}


def outcome_direction(outcome: str) -> str:
    """"harmful" (lower is better), "beneficial" (higher is better) or "unknown": the outcome lexicon's
    judgement for one of its labels, else words in the outcome."""
    text = (outcome or "").lower()
    if text in _lexicon_directions():
        return _lexicon_directions()[text]
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


#: The fonts named in an SVG, in order: matplotlib lays the text out with the first (bundled with matplotlib, so the
#: same everywhere); a browser without it takes the next it has, and a sans-serif face in the end.
SANS_SERIF = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")


@lru_cache(maxsize=1)
def _seaborn_theme() -> tuple:
    rc = {}
    rc.update(sns.axes_style("whitegrid"))
    rc.update(sns.plotting_context("paper", font_scale=1.1))
    # SVG text stays text (fonttype "none"): a browser draws it crisp at any zoom, the file is a third of the size
    # of text drawn as paths, and saving it costs a third of a PNG's rendering and compression
    rc.update({"svg.hashsalt": SVG_SALT, "svg.fonttype": "none", "font.family": ["sans-serif"],
               "font.sans-serif": list(SANS_SERIF), "axes.grid.axis": "x"})
    return tuple(rc.items())


def _theme() -> dict:
    """The rc parameters every figure is drawn and saved with (seaborn's whitegrid and paper context, computed
    once per process rather than per figure)."""
    return dict(_seaborn_theme())


ROW_LABEL = "row-label"  # gid of the texts naming the rows (studies, headings, subtotals, total) left of the axis


def row_labels(ax) -> list[tuple[float, str]]:
    """(y, text) of a forest plot's row labels: the study rows top to bottom, then any subgroup headings and
    subtotals, the total and the prediction interval."""
    return [(float(t.get_position()[1]), t.get_text()) for t in ax.texts if t.get_gid() == ROW_LABEL]


MAX_LABELLED_STUDIES = 60  # beyond this a plot shows the studies as lines only, so the page stays readable
COMPACT_ROWS_HEIGHT = 10.0  # inches for all study rows of a compact plot, whatever k is
ROW = 0.36  # inches per row of a labelled plot


def _method_label(row: dict) -> str:
    test = {"knha": "HK", "adhoc": "HK ad hoc", "z": "z"}.get(row["ci_method"], row["ci_method"])
    return f"Total ({row['method']}, {test})" if test else f"Total ({row['method']})"


def _count(e, n) -> str:
    return f"{e:.0f}/{n:.0f}" if math.isfinite(e) and math.isfinite(n) else ""


def draw_forest(fit, title: str | None = None) -> Figure:
    """A matplotlib Figure for one CellFit (see pool.CellFit), laid out like RevMan: study, events/total per arm
    (when stated), estimate [95% CI] and weight, the plot with a diamond for the pooled estimate, favours labels."""
    studies = fit.studies
    measure = fit.measure
    k = len(studies)
    res = fit.result
    pooled = res is not None and math.isfinite(fit.row.get("estimate", math.nan))
    compact = k > MAX_LABELLED_STUDIES
    groups = getattr(fit, "subgroups", None) if (pooled and not compact) else None
    if groups:  # RevMan: each subgroup's studies under its heading, then its subtotal
        studies = studies.sort_values("subgroup", kind="stable").reset_index(drop=True)
        layout = []
        for level in groups["levels"]:
            layout.append(("header", level))
            layout.extend(("study", i) for i in studies.index[studies["subgroup"] == level])
            layout.append(("subtotal", level))
    else:
        layout = [("study", i) for i in range(k)]
    n_rows = len(layout)
    has_arms = (not compact and "events_intervention" in studies.columns
                and studies[["events_intervention", "total_intervention", "events_comparator",
                             "total_comparator"]].notna().all(axis=1).any())
    with matplotlib.rc_context(_theme()):
        # fixed inches: labels 2.7 | axes 4.3 | text columns (arms 2.4) + 3.0; rows 0.36 high; 0.85 on top, 1.0 below
        arms_w = 2.4 if has_arms else 0.0
        width, top, bottom = 10.3 + arms_w, 0.85, 1.0
        rows_height = COMPACT_ROWS_HEIGHT if compact else ROW * n_rows
        height = top + bottom + rows_height + ROW * 3
        fig = Figure(figsize=(width, height), dpi=DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((2.7 / width, bottom / height, 4.3 / width, (height - top - bottom) / height))
        unit = rows_height / ROW / n_rows if compact else 1.0  # data units per row
        row_y = [2.0 + unit * (n_rows - 1 - j) for j in range(n_rows)]
        ys = np.array([y for y, (kind, _) in zip(row_y, layout) if kind == "study"])
        colour = sns.color_palette("deep")[0]
        weights = studies["weight"].to_numpy(dtype=float)
        lows = [float(v) for v in studies["ci_low_shown"]] if "ci_low_shown" in studies else list(studies["ci_low"])
        highs = [float(v) for v in studies["ci_high_shown"]] if "ci_high_shown" in studies else list(studies["ci_high"])
        values = studies["value"].to_numpy(dtype=float)
        if compact:  # rows of one size: all CI lines as one artist, all squares as another (not 2 k artists)
            ax.plot(np.column_stack([lows[:k], highs[:k], np.full(k, np.nan)]).ravel(),
                    np.repeat(ys, 3), color="0.25", linewidth=0.5, solid_capstyle="butt")
            ax.plot(values, ys, marker="s", markersize=1.5, color=colour, linestyle="none")
        else:
            # every CI line one artist (NaN breaks the path between rows), then the squares one artist per size:
            # the same pixels as a line and a square per study (the rows do not overlap), without 2 k Line2Ds to
            # build and draw
            ax.plot(np.column_stack([lows[:k], highs[:k], np.full(k, np.nan)]).ravel(), np.repeat(ys, 3),
                    color="0.25", linewidth=1.1, solid_capstyle="butt")
            # no pooled weight (two studies side by side): one medium size for both
            sizes = [4 + 10 * math.sqrt(max(w, 0) / 100) if math.isfinite(w) else 7.0 for w in weights]
            for size in dict.fromkeys(sizes):
                rows = [i for i, s in enumerate(sizes) if s == size]
                ax.plot(values[rows], ys[rows], marker="s", markersize=size, color=colour, linestyle="none")
        pooled_y = 1.0
        est, lo, hi = fit.row["estimate"], fit.row["ci_low"], fit.row["ci_high"]
        diamond = None
        if pooled:
            (diamond,) = ax.fill([est, est, est, est], [pooled_y, pooled_y + 0.28, pooled_y, pooled_y - 0.28],
                                 color="0.15")
        labels = [] if compact else list(studies["study"])
        ytick_pos = [] if compact else list(ys)
        headers = []
        if groups:
            for y, (kind, level) in zip(row_y, layout):
                if kind == "header":
                    ytick_pos.append(y)
                    labels.append(str(level))
                    headers.append(str(level))
                elif kind == "subtotal":
                    sub = groups["fits"][level]
                    ytick_pos.append(y)
                    labels.append(f"Subtotal (k = {sub['k']})")
                    if math.isfinite(sub["estimate"]):
                        s_lo, s_hi = sub["ci_low"], sub["ci_high"]
                        ax.fill([s_lo, sub["estimate"], s_hi, sub["estimate"]], [y, y + 0.2, y, y - 0.2],
                                color="0.45")
                        lows.append(s_lo)
                        highs.append(s_hi)
        pooled_label = _method_label(fit.row) if pooled else f"Not pooled ({k} studies)"
        ytick_pos.append(pooled_y)
        ytick_lab = labels + [pooled_label]
        if fit.show_pi and math.isfinite(fit.row["pi_low"]):
            pi_y = 0.3
            ax.plot([fit.row["pi_low"], fit.row["pi_high"]], [pi_y, pi_y], color="0.15", linewidth=2.2,
                    solid_capstyle="butt")
            ytick_pos.append(pi_y)
            ytick_lab.append("Prediction interval")
            lows.append(fit.row["pi_low"])
            highs.append(fit.row["pi_high"])
        if pooled:
            lows.append(lo)
            highs.append(hi)
        null = null_value(measure)
        if null is not None:
            ax.axvline(null, color="0.4", linestyle="--", linewidth=0.9)
            lows.append(null)
            highs.append(null)
        ok = (lambda v: math.isfinite(v) and (v > 0 or not is_ratio_scale(measure)))
        finite_lo = [v for v in lows if ok(v)] or [1.0 if is_ratio_scale(measure) else 0.0]
        finite_hi = [v for v in highs if ok(v)] or [1.0 if is_ratio_scale(measure) else 0.0]
        study_lo = [v for v in lows[:k] if ok(v)] or finite_lo
        study_hi = [v for v in highs[:k] if ok(v)] or finite_hi
        if is_ratio_scale(measure):
            ax.set_xscale("log")
            # the axis follows the data but not a runaway pooled interval (capped at 10x the studies' range)
            left = max(min(finite_lo), min(study_lo) / 10) / 1.3
            right = min(max(finite_hi), max(study_hi) * 10) * 1.3
            decades = math.log10(right / left)
            subs = (1.0, 2.0, 5.0) if decades <= 3 else (1.0,)  # fewer ticks on a wide axis, no overlaps
            ax.xaxis.set_major_locator(ticker.LogLocator(base=10, subs=subs))
            ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
            # no minor ticks: the theme draws neither their marks nor their grid, but each would still be built
            # and drawn as a Tick (two lines, two texts), a third of a plot's saving time on a log axis
            ax.xaxis.set_minor_locator(ticker.NullLocator())
        else:
            span = max(finite_hi) - min(finite_lo) or 1.0
            left, right = min(finite_lo) - 0.08 * span, max(finite_hi) + 0.08 * span
        ax.set_xlim(left, right)
        if diamond is not None:
            # an infinite or missing pooled bound (a huge Hartung-Knapp interval) is drawn to the axis edge
            lo_d = min(max(lo, left), right) if math.isfinite(lo) else left
            hi_d = max(min(hi, right), left) if math.isfinite(hi) else right
            diamond.set_xy(np.array([[lo_d, pooled_y], [est, pooled_y + 0.28], [hi_d, pooled_y],
                                     [est, pooled_y - 0.28]]))
        top_y = 2.0 + unit * (n_rows - 1)
        ax.set_ylim(-0.3 if fit.show_pi else 0.3, top_y + 1.3)
        # row labels are plain texts where tick labels would stand, not y ticks: a Tick per row (two lines, two
        # texts) and its bounding box at each save were a fifth of a plot's drawing time
        ax.set_yticks([])
        label_at = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-matplotlib.rcParams["ytick.major.pad"],
                               units="points")
        label_colour = (matplotlib.rcParams["ytick.color"] if matplotlib.rcParams["ytick.labelcolor"] == "inherit"
                        else matplotlib.rcParams["ytick.labelcolor"])
        for y, label in zip(ytick_pos, ytick_lab):
            ax.text(0, y, label, transform=label_at, ha="right", va="center_baseline", gid=ROW_LABEL,
                    fontsize=matplotlib.rcParams["ytick.labelsize"], color=label_colour,
                    fontweight="bold" if label in headers else "normal")
        ax.grid(False, axis="y")
        scale = " (log scale)" if is_ratio_scale(measure) else ""
        ax.set_xlabel(f"{measure}{scale}")

        # right-hand columns: events/total per arm (when stated), estimate [CI], weight
        trans = ax.get_yaxis_transform()
        inch = 1 / 4.3  # axes fraction per inch
        col_i, col_c = 1 + 0.15 * inch, 1 + 1.35 * inch
        col_est, col_w = 1 + (0.15 + arms_w) * inch, 1 + (2.25 + arms_w) * inch
        head_y = top_y + 0.75
        if has_arms:  # RevMan's "Events/Total" per arm, headed by the arm
            ax.text(col_i, head_y, _short(display_name(fit.intervention), 13), transform=trans, fontweight="bold",
                    va="bottom")
            ax.text(col_c, head_y, _short(display_name(fit.comparator), 13), transform=trans, fontweight="bold",
                    va="bottom")
            ax.text(col_i, head_y, "events/total", transform=trans, va="top", fontsize="x-small", color="0.3")
            ax.text(col_c, head_y, "events/total", transform=trans, va="top", fontsize="x-small", color="0.3")
        ax.text(col_est, head_y, f"{measure} [95% CI]", transform=trans, fontweight="bold", va="bottom")
        if pooled:
            ax.text(col_w, head_y, "Weight", transform=trans, fontweight="bold", va="bottom")
        if not compact:
            for y, rec, w, l, h in zip(ys, studies.to_dict("records"), weights, lows, highs):
                ax.text(col_est, y, f"{_fmt(rec['value'])} [{_fmt(l)}, {_fmt(h)}]", transform=trans, va="center")
                ax.text(col_w, y, f"{w:.1f}%" if math.isfinite(w) else "", transform=trans, va="center")
                if has_arms:
                    ax.text(col_i, y, _count(rec["events_intervention"], rec["total_intervention"]),
                            transform=trans, va="center")
                    ax.text(col_c, y, _count(rec["events_comparator"], rec["total_comparator"]),
                            transform=trans, va="center")
        if pooled:
            pooled_text = f"{_fmt(est)} [{_fmt(fit.row['ci_low'])}, {_fmt(fit.row['ci_high'])}]"  # not the clipped ends
            ax.text(col_est, pooled_y, pooled_text, transform=trans, va="center", fontweight="bold")
            ax.text(col_w, pooled_y, "100%", transform=trans, va="center", fontweight="bold")
            if has_arms and studies[["events_intervention", "total_intervention", "events_comparator",
                                     "total_comparator"]].notna().all(axis=None):
                for col, arm in ((col_i, "intervention"), (col_c, "comparator")):
                    ax.text(col, pooled_y, _count(studies[f"events_{arm}"].sum(), studies[f"total_{arm}"].sum()),
                            transform=trans, va="center", fontweight="bold")
        if groups:
            for y, (kind, level) in zip(row_y, layout):
                sub = groups["fits"][level] if kind == "subtotal" else None
                if sub is not None and math.isfinite(sub["estimate"]):
                    ax.text(col_est, y, f"{_fmt(sub['estimate'])} [{_fmt(sub['ci_low'])}, {_fmt(sub['ci_high'])}]",
                            transform=trans, va="center", fontweight="bold")
        if fit.show_pi and math.isfinite(fit.row["pi_low"]):
            ax.text(col_est, 0.3, f"[{_fmt(fit.row['pi_low'])}, {_fmt(fit.row['pi_high'])}]", transform=trans,
                    va="center")

        favours = favours_labels(measure, fit.outcome, display_name(fit.intervention), display_name(fit.comparator))
        if favours is not None:
            ax.annotate(f"← {favours[0]}", xy=(0, 0), xycoords="axes fraction", xytext=(0, -36),
                        textcoords="offset points", ha="left", va="top", fontsize="small", color="0.3")
            ax.annotate(f"{favours[1]} →", xy=(1, 0), xycoords="axes fraction", xytext=(0, -36),
                        textcoords="offset points", ha="right", va="top", fontsize="small", color="0.3")
        het = ""
        if res is not None:
            het = (f"k = {k}, τ² = {fit.row['tau2']:.3g}, I² = {fit.row['i2']:.0f}%, "
                   f"Q p = {fit.row['q_p']:.3g}; overall effect p = {res.p:.2g}")
        elif not pooled and k >= 2:
            het = f"k = {k}: not pooled"
        if groups and math.isfinite(groups["q"]):
            het += (f"; test for subgroup differences: Q = {groups['q']:.2f}, df = {groups['df']}, "
                    f"p = {groups['p']:.2g}")
        if compact:
            het += f" — {k} studies drawn as lines without labels; each study's numbers are in the tables"
        arms = (f"{display_name(fit.intervention)} vs {display_name(fit.comparator)}" if fit.comparator
                else display_name(fit.intervention))
        fig.suptitle(title or f"{arms}: {fit.outcome} ({measure})", x=0.02,
                     ha="left", fontsize="medium", fontweight="bold")
        fig.text(0.02, 1 - 0.5 / height, het, ha="left", va="top", fontsize="small", color="0.3")
    return fig


def _short(name: str, limit: int = 16) -> str:
    name = str(name or "")
    return name if len(name) <= limit else name[: limit - 1] + "…"


def draw_funnel(fit) -> Figure | None:
    """Funnel plot (effect against its standard error, pseudo 95 % limits around the pooled estimate) from k >= 10
    studies of a pooled comparison (Cochrane Handbook 13.3.5.2); None for fewer studies, no pooled fit, or a
    single-arm quantity."""
    studies = fit.studies
    if fit.result is None or len(studies) < FUNNEL_MIN_K or null_value(fit.measure) is None:
        return None
    yi, se = studies["yi"].to_numpy(float), np.sqrt(studies["vi"].to_numpy(float))
    centre = float(fit.result.estimate)
    with matplotlib.rc_context(_theme()):
        fig = Figure(figsize=(6.0, 4.5), dpi=DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.14, 0.14, 0.8, 0.74))
        top = float(np.nanmax(se)) * 1.05
        s = np.linspace(0, top, 50)
        ax.plot(centre - 1.959964 * s, s, color="0.5", linestyle="--", linewidth=0.9)
        ax.plot(centre + 1.959964 * s, s, color="0.5", linestyle="--", linewidth=0.9)
        ax.axvline(centre, color="0.15", linewidth=1.0)
        ax.plot(yi, se, marker="o", linestyle="none", color=sns.color_palette("deep")[0], markersize=5)
        ax.set_ylim(top, 0)
        ratio = is_ratio_scale(fit.measure)
        ax.set_xlabel(f"log {fit.measure}" if ratio else fit.measure)
        ax.set_ylabel("standard error")
        note = "" if fit.egger_p is None else f"; Egger's test p = {fit.egger_p:.2g}"
        arms = f"{display_name(fit.intervention)} vs {display_name(fit.comparator)}"
        # two lines, the second the numbers: on one line a long comparison pushed them past the figure's edge
        fig.suptitle(f"Funnel plot: {_short(f'{arms}, {fit.outcome}', FUNNEL_TITLE_CHARS)}\n"
                     f"k = {len(studies)}{note}", x=0.02, ha="left", fontsize="small", fontweight="bold")
    return fig


FUNNEL_MIN_K = 10
FUNNEL_TITLE_CHARS = 66  # of the comparison and outcome on a funnel plot's first title line (6 inches, small bold)


#: The file formats a run can write. SVG (the default) is what the report and notebook 03 embed unless a PNG is
#: there too: with its text kept as text it costs about a third of a PNG's CPU time (at 10,000 documents, 183
#: plots took ~30 s as PNG) and a quarter of its bytes, and it stays sharp when zoomed. PNG on request.
FORMATS = ("png", "svg")
DEFAULT_FORMATS = ("svg",)


def check_formats(formats) -> tuple[str, ...]:
    """The figure formats, lower case, in FORMATS order; "png,svg" or a list; a ValueError for anything else."""
    if isinstance(formats, str):
        formats = formats.split(",")
    wanted = {str(f).strip().lower().lstrip(".") for f in (formats or ()) if str(f).strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown figure format {', '.join(unknown)}; use {' or '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in wanted)


def format_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes, without timestamps or version tags."""
    with matplotlib.rc_context(_theme()):
        out = io.BytesIO()
        if fmt == "png":
            fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
            return out.getvalue()
        with remembered_text_metrics():  # strings every plot repeats are measured once per process
            fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return compact_svg(out.getvalue())


_SVG_FONTS = "font-family: " + ", ".join([f"'{name}'" for name in SANS_SERIF] + ["sans-serif"])
_SVG_FONT_STYLE = re.compile(r"; font-family: [^;\"]*")
_SVG_NO_ROTATION = re.compile(r' transform="rotate\(-?0 [-0-9.e]+ [-0-9.e]+\)"')
_SVG_STYLE = "<style type=\"text/css\">*{stroke-linejoin: round; stroke-linecap: butt}"


def compact_svg(svg: bytes) -> bytes:
    """matplotlib's SVG without what each text repeats: the font list, said once in the SVG's stylesheet instead of
    on every <text>, and rotations by 0 degrees. The same drawing at two thirds of the bytes (the report embeds a
    hundred of these). An SVG whose texts name another font, or without matplotlib's stylesheet, is left as it is."""
    text = svg.decode("utf-8")
    fonts = set(_SVG_FONT_STYLE.findall(text))
    if fonts - {"; " + _SVG_FONTS} or _SVG_STYLE not in text:
        return svg
    text = _SVG_FONT_STYLE.sub("", text)
    text = _SVG_NO_ROTATION.sub("", text)
    text = text.replace(_SVG_STYLE, _SVG_STYLE + "\ntext{" + _SVG_FONTS + "}", 1)
    return text.encode("utf-8")


def figure_bytes(fig: Figure) -> tuple[bytes, bytes]:
    """(PNG, SVG) bytes without timestamps or version tags."""
    return format_bytes(fig, "png"), format_bytes(fig, "svg")


def shown_file(folder, stem: str):
    """The file of a plot that the report and notebook 03 show: `<stem>.png` when a run wrote one (it asked for
    PNG), else `<stem>.svg`; None when neither exists (a cell beyond the plotted ones)."""
    from pathlib import Path
    for fmt in ("png", "svg"):
        path = Path(folder) / f"{stem}.{fmt}"
        if path.is_file():
            return path
    return None


def _write(fig: Figure, folder, stem: str, formats=DEFAULT_FORMATS) -> list:
    from pathlib import Path
    paths = []
    for fmt in check_formats(formats):
        path = Path(folder) / f"{stem}.{fmt}"
        write_bytes_atomic(path, format_bytes(fig, fmt))
        paths.append(path)
    return paths


def write_forest(fit, figures_dir, formats=DEFAULT_FORMATS) -> list:
    """Write <cell_id>.svg (and/or .png, as `formats` asks) under figures_dir; returns the paths written."""
    return _write(draw_forest(fit), figures_dir, fit.cell_id, formats)


def write_funnel(fit, figures_dir, formats=DEFAULT_FORMATS) -> list:
    """Write <cell_id>-funnel.svg (and/or .png, as `formats` asks) from k >= 10 studies; returns the paths written
    (none below 10)."""
    fig = draw_funnel(fit)
    return [] if fig is None else _write(fig, figures_dir, f"{fit.cell_id}-funnel", formats)
