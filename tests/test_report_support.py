"""Shared helpers and fixtures for the report tests (no tests here).

`render_fixture_report` runs the real render path: papermill executes notebooks/04_report.ipynb in a real
python3 kernel with processed_dir pointing at a copy of tests/fixtures/report, then
evidence_review.report.render.render_report turns the executed notebook into HTML.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import nbformat
import papermill
import pytest
from matplotlib.figure import Figure

from evidence_review.report.render import render_report

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
NOTEBOOK = REPO_ROOT / "notebooks" / "04_report.ipynb"
ARTIFACTS = REPO_ROOT / "test-artifacts"
# The two pooled cells of the fixture: one plot as PNG, one as SVG only, so both embedding paths run.
PNG_CELL = "nmosd-relapse-hr-aza-vs-rtx"
SVG_CELL = "nmosd-discontinuation-hr-aza-vs-rtx"


def draw_forest(path: Path, values: list[float], lows: list[float], highs: list[float]) -> None:
    """A small forest-like plot with the deterministic settings the synthesis stage uses."""
    with matplotlib.rc_context({"svg.hashsalt": "evidence-review", "svg.fonttype": "path"}):
        fig = Figure(figsize=(5, 2))
        ax = fig.add_subplot()
        ys = list(range(len(values)))[::-1]
        ax.errorbar(values, ys, xerr=[[v - lo for v, lo in zip(values, lows)], [hi - v for v, hi in zip(values, highs)]],
                    fmt="s", color="black")
        ax.set_xscale("log")
        ax.axvline(1.0, color="grey", linewidth=0.8)
        if path.suffix == ".png":
            fig.savefig(path, format="png", dpi=80, metadata={"Software": None})
        else:
            fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})


def make_inputs(base: Path, with_tables: bool = True) -> tuple[Path, Path]:
    """processed/ (a copy of the fixture tables, or nothing) and reports/figures/ under `base`."""
    processed, reports = base / "processed", base / "reports"
    processed.mkdir(parents=True)
    (reports / "figures").mkdir(parents=True)
    if with_tables:
        for item in sorted(FIXTURES.iterdir()):
            if item.suffix in {".csv", ".jsonl"}:
                shutil.copy2(item, processed / item.name)
        draw_forest(reports / "figures" / f"{PNG_CELL}.png", [1.82, 3.51, 2.45], [1.1, 1.202, 1.2], [3.1, 10.25, 5.01])
        draw_forest(reports / "figures" / f"{SVG_CELL}.svg", [2.95, 2.22], [1.21, 1.34], [7.19, 3.66])
    return processed, reports


def render_fixture_report(processed: Path, reports: Path, name: str = "evidence_report.html") -> tuple[Path, Path]:
    """(executed notebook, html) from the real path: papermill + render_report."""
    executed = reports / "executed" / "04_report.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(NOTEBOOK), str(executed),
        parameters={"processed_dir": str(processed), "reports_dir": str(reports)},
        kernel_name="python3", cwd=str(REPO_ROOT), progress_bar=False, log_output=False,
    )
    html = render_report(executed, reports / name)
    return executed, html


def stream_outputs(executed: Path, name: str) -> list[str]:
    nb = nbformat.read(str(executed), as_version=4)
    return [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == name]


def error_outputs(executed: Path) -> list[dict]:
    nb = nbformat.read(str(executed), as_version=4)
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]


@pytest.fixture(scope="session")
def fixture_report(tmp_path_factory) -> dict:
    """The fixture tables rendered once per session: paths of the inputs, executed notebook and HTML."""
    base = tmp_path_factory.mktemp("report")
    processed, reports = make_inputs(base)
    executed, html = render_fixture_report(processed, reports)
    return {"processed": processed, "reports": reports, "executed": executed, "html": html, "base": base}


# ---------------------------------------------------------------- many documents: real-shaped generated tables

SCALE_CONDITIONS = ["multiple sclerosis", "NMOSD", "lupus nephritis", "myasthenia gravis", "rheumatoid arthritis"]
SCALE_OUTCOMES = ["relapse", "disability progression", "remission", "serious adverse events", "discontinuation",
                  "death"] + [f"{what} at {weeks} weeks" for what in ("response", "infection", "hospitalization",
                                                                       "new lesions", "fatigue", "pain score")
                              for weeks in (12, 24, 48, 52, 96)]
SCALE_DRUGS = ["rituximab", "azathioprine", "mycophenolate mofetil", "tacrolimus", "eculizumab", "inebilizumab",
               "satralizumab", "ocrelizumab", "natalizumab", "fingolimod", "cladribine", "alemtuzumab",
               "ofatumumab", "teriflunomide", "dimethyl fumarate", "interferon beta-1a", "glatiramer acetate",
               "cyclophosphamide", "belimumab", "voclosporin", "efgartigimod", "rozanolixizumab", "abatacept",
               "tocilizumab", "methotrexate", "leflunomide", "sulfasalazine", "hydroxychloroquine", "baricitinib",
               "tofacitinib", "upadacitinib", "adalimumab", "etanercept", "infliximab", "certolizumab",
               "golimumab", "anifrolumab", "obinutuzumab", "ravulizumab", "zilucoplan"]
SCALE_COMPARATORS = ["placebo", "standard care", "azathioprine"]
MEASURE_WORDS = {"HR": "hazard", "RR": "risk", "OR": "odds"}


def noise_png(path: Path, width: int = 160, height: int = 120, seed: int = 0) -> None:
    """A valid PNG of random pixels (incompressible, so its size is that of a real forest plot: ~60 kB)."""
    import struct
    import zlib

    import numpy as np
    pixels = np.random.default_rng(seed).integers(0, 256, size=(height, width * 3), dtype=np.uint8)
    raw = b"".join(b"\x00" + row.tobytes() for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def make_scale_inputs(base: Path, n_docs: int, seed: int = 7) -> tuple[Path, Path]:
    """processed/ and reports/ for `n_docs` generated trial reports, shaped like the pipeline's tables: two or three
    estimates per document with their sentences and offsets, cells pooled from them (a long tail of single-study
    cells, a few large ones), a Summary-of-Findings row per comparison, a forest plot per cell with k >= 2."""
    import hashlib
    import json
    import math

    import numpy as np
    import pandas as pd

    from evidence_review.tables import DOCUMENT_COLUMNS, ESTIMATE_COLUMNS, POOLED_COLUMNS, conform

    rng = np.random.default_rng(seed)
    processed, reports = base / "processed", base / "reports"
    (reports / "figures").mkdir(parents=True)
    processed.mkdir(parents=True)
    weights = 1.0 / np.arange(1, len(SCALE_DRUGS) + 1) ** 0.9  # a few drugs are studied often, most rarely
    weights /= weights.sum()
    docs, estimates, texts = [], [], []
    for i in range(n_docs):
        doc_id = f"d{hashlib.sha256(str(i).encode()).hexdigest()[:12]}"
        condition = SCALE_CONDITIONS[i % len(SCALE_CONDITIONS)]
        drug = SCALE_DRUGS[int(rng.choice(len(SCALE_DRUGS), p=weights))]
        comparator = SCALE_COMPARATORS[int(rng.integers(len(SCALE_COMPARATORS)))]
        if comparator == drug:
            comparator = "placebo"
        n_total = int(rng.integers(40, 900))
        sentences = [f"We randomly assigned {n_total} patients with {condition} to {drug} or {comparator}."]
        skipped = i % 97 == 13
        outcome_weights = 1.0 / np.arange(1, len(SCALE_OUTCOMES) + 1) ** 0.8  # a long tail of rarer outcomes
        outcomes = rng.choice(SCALE_OUTCOMES, size=int(rng.integers(2, 4)), replace=False,
                              p=outcome_weights / outcome_weights.sum())
        for j, outcome in enumerate(outcomes):
            if skipped:
                break
            measure = ["HR", "RR", "OR"][int(rng.integers(3))]
            value = float(np.exp(rng.normal(-0.2, 0.35)))
            half = float(rng.uniform(0.15, 0.6))
            low, high = round(value * math.exp(-half), 2), round(value * math.exp(half), 2)
            value = round(value, 2)
            p = float(rng.uniform(0.0005, 0.4))
            sentence = (f"Compared with {comparator}, {drug} changed the {MEASURE_WORDS[measure]} of {outcome} "
                        f"({measure} {value:.2f}, 95% CI {low:.2f} to {high:.2f}; p = {p:.3f}).")
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            estimates.append({
                "estimate_id": f"e{hashlib.sha256(f'{i}-{j}'.encode()).hexdigest()[:12]}", "doc_id": doc_id,
                "source_file": f"scale/trial_{i:05d}.txt", "measure": measure, "value": value, "ci_low": low,
                "ci_high": high, "ci_level": 0.95, "p_value": round(p, 3), "p_text": f"{p:.3f}",
                "intervention": drug, "comparator": comparator, "outcome": str(outcome), "condition": condition,
                "evidence": sentence, "start": start, "end": start + len(sentence), "role": "effect"})
        text = " ".join(sentences)
        texts.append({"doc_id": doc_id, "text": text, "sections": [], "tables": []})
        docs.append({"doc_id": doc_id, "source_file": f"scale/trial_{i:05d}.txt", "record": 0,
                     "sha256": hashlib.sha256(text.encode()).hexdigest(), "format": "txt",
                     "title": f"{drug} versus {comparator} in {condition}: a randomized trial ({i})",
                     "authors": f"Author{i % 613} A, Second B", "journal": "Journal of Trials",
                     "year": 2000 + i % 25, "design": "RCT", "condition": condition, "n_total": n_total,
                     "text_chars": len(text), "status": "skipped" if skipped else "ok",
                     "reason": "text too short to read" if skipped else "", "language": "en"})
    est = pd.DataFrame(estimates)
    pooled, members, sof, sens = [], [], [], []
    keys = ["condition", "outcome", "measure", "intervention", "comparator"]
    for n, (key, group) in enumerate(est.groupby(keys, sort=True)):
        group = group.drop_duplicates("doc_id")
        k = len(group)
        cell_id = "cell-" + hashlib.sha256("|".join(key).encode()).hexdigest()[:10]
        logs = np.log(group["value"].to_numpy())
        estimate = float(np.exp(logs.mean()))
        half = 0.3 / math.sqrt(k)
        pooled.append(dict(zip(keys, key), cell_id=cell_id, k=k, n_total=k * 200, estimate=round(estimate, 4),
                           ci_low=round(estimate * math.exp(-half), 4), ci_high=round(estimate * math.exp(half), 4),
                           pi_low=round(estimate * math.exp(-2 * half), 4) if k >= 3 else "",
                           pi_high=round(estimate * math.exp(2 * half), 4) if k >= 3 else "",
                           tau2=0.01 if k >= 2 else "", i2=31.0 if k >= 2 else "", q=k * 1.1 if k >= 2 else "",
                           q_p=0.3 if k >= 2 else "", method="REML" if k >= 2 else "single study",
                           ci_method="adhoc" if k >= 2 else "", estimate_ids=";".join(group["estimate_id"]),
                           doc_ids=";".join(group["doc_id"]), certainty="low", notes="",
                           certainty_reasons="Study design: start at high — randomized trials | Imprecision: rated "
                                             "down one level — the CI includes no effect | Inconsistency: rated "
                                             "down one level — I² 31%"))
        members.extend({"cell_id": cell_id, "estimate_id": e, "included": "True", "reason": ""}
                       for e in group["estimate_id"])
        sof.append({"cell_id": cell_id, "outcome": key[1], "intervention": key[3], "comparator": key[4],
                    "measure": key[2], "participants_studies": f"{k * 200} ({k} studies)",
                    "relative_effect": f"{key[2]} {estimate:.2f}", "certainty": "low",
                    "footnotes": "Imprecision: rated down one level", "plain_language": f"{key[3]} may change {key[1]}."})
        if k >= 2:
            noise_png(reports / "figures" / f"{cell_id}.png", seed=n)
        if k >= 3:
            sens.extend({"cell_id": cell_id, "analysis": m, "k": k, "estimate": estimate, "ci_low": estimate * 0.8,
                         "ci_high": estimate * 1.25, "tau2": 0.01, "i2": 30, "p": 0.04, "notes": ""}
                        for m in ("DL", "PM"))
    conform(pd.DataFrame(docs), DOCUMENT_COLUMNS).to_csv(processed / "documents.csv", index=False)
    conform(est, ESTIMATE_COLUMNS).to_csv(processed / "estimates.csv", index=False)
    conform(pd.DataFrame(pooled), POOLED_COLUMNS).to_csv(processed / "pooled.csv", index=False)
    pd.DataFrame(members).to_csv(processed / "cell_estimates.csv", index=False)
    pd.DataFrame(sens).to_csv(processed / "sensitivity.csv", index=False)
    pd.DataFrame(sof).to_csv(reports / "summary_of_findings.csv", index=False)
    with open(processed / "texts.jsonl", "w", encoding="utf-8") as fh:
        for t in texts:
            fh.write(json.dumps(t) + "\n")
    return processed, reports
