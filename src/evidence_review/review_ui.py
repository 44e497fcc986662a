"""The widgets of `notebooks/05_review.ipynb`: one estimate at a time, its source sentence with the numbers
highlighted as in the report, accept / reject / correct, add a missed estimate, undo a duplicate link.

Every button calls the decision store (evidence_review.review) at once, so the file on disk is always up to
date; the widgets only show state and collect input. Mouse and keyboard both work: every control is a
standard focusable widget (Tab to move, Enter or Space to press).
"""
from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd

from .curation import CORRECTABLE_FIELDS, NUMERIC_FIELDS
from .ingest.store import load_ingest
from .report.sections import highlight_html
from .review import (GRADE_RATINGS, ROB_JUDGEMENTS, DecisionStore, ReviewError, STATUSES, orphan_decisions,
                     progress, review_queue, undo_duplicate_candidates)
from .tables import MEASURES, RATIO_MEASURES, read_csv

ALL = "(all)"
#: the fields the correction form offers, in the order a reviewer reads an estimate
FORM_FIELDS = ["measure", "value", "ci_low", "ci_high", "intervention", "comparator", "outcome", "timepoint",
               "role", "events", "total", "p_value"]
#: the domains of each risk-of-bias tool (RoB 2: Sterne 2019; ROBINS-I: Sterne 2016), plus the overall judgement
ROB_DOMAINS = {
    "RoB 2": ["randomization process", "deviations from intended interventions", "missing outcome data",
              "measurement of the outcome", "selection of the reported result", "overall"],
    "ROBINS-I": ["confounding", "selection of participants", "classification of interventions",
                 "deviations from intended interventions", "missing data", "measurement of outcomes",
                 "selection of the reported result", "overall"],
}
STYLE = """<style>
.er-evidence { font-size: 1.05em; line-height: 1.5; padding: .4em .6em; border-left: 4px solid #888; }
.er-evidence mark.hl-value { background: #ffe28a; } .er-evidence mark.hl-ci { background: #d7ecff; }
.er-fields td, .er-fields th { padding: 0 .8em 0 0; text-align: left; }
</style>"""


def _text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


class ReviewApp:
    """State (the filtered queue and the position in it) plus the widgets that act on it."""

    def __init__(self, processed_dir, curation_dir, reviewer: str):
        self.processed = Path(processed_dir)
        self.store = DecisionStore(curation_dir, reviewer)
        self.documents, self.texts = load_ingest(self.processed)
        self.estimates = read_csv(self.processed / "estimates.csv")
        pooled_path = self.processed / "pooled.csv"
        self.pooled = read_csv(pooled_path) if pooled_path.is_file() else None
        self.position = 0
        self._build()
        self.refresh()

    # ------------------------------------------------------------ state

    @property
    def filters(self) -> dict:
        return {name: (None if box.value == ALL else box.value) for name, box in self.filter_boxes.items()}

    def refresh(self, keep: str | None = None) -> None:
        self.queue = review_queue(self.estimates, self.pooled, self.store.curation_dir, **self.filters)
        if keep is not None and keep in set(self.queue["estimate_id"]):
            self.position = int(self.queue.index[self.queue["estimate_id"] == keep][0])
        self.position = max(0, min(self.position, len(self.queue) - 1))
        done, total = progress(review_queue(self.estimates, self.pooled, self.store.curation_dir))
        self.progress.value = done
        self.progress.max = max(total, 1)
        self.progress_label.value = f"{done} of {total} checked"
        self._show()

    @property
    def current(self) -> dict | None:
        return None if self.queue.empty else self.queue.iloc[self.position].to_dict()

    # ------------------------------------------------------------ widgets

    def _build(self) -> None:
        def options(column):
            values = sorted({v for v in self.estimates[column].dropna().astype(str) if v.strip()})
            return [ALL] + values
        self.filter_boxes = {
            "doc_id": w.Dropdown(options=options("doc_id"), description="Document"),
            "outcome": w.Dropdown(options=options("outcome"), description="Outcome"),
            "measure": w.Dropdown(options=options("measure"), description="Measure"),
            "status": w.Dropdown(options=[ALL] + STATUSES, description="Status"),
        }
        for box in self.filter_boxes.values():
            box.observe(lambda _change: self._refilter(), names="value")
        self.progress = w.IntProgress(min=0, description="Checked")
        self.progress_label = w.Label()
        self.prev_button = w.Button(description="◀ Previous")
        self.next_button = w.Button(description="Next ▶")
        self.position_label = w.Label()
        self.prev_button.on_click(lambda _b: self.move(-1))
        self.next_button.on_click(lambda _b: self.move(+1))
        self.evidence = w.HTML()
        self.reason = w.Text(description="Reason", placeholder="required to reject or correct",
                             layout=w.Layout(width="60%"))
        self.accept_button = w.Button(description="Accept", button_style="success")
        self.reject_button = w.Button(description="Reject", button_style="danger")
        self.accept_button.on_click(lambda _b: self.accept())
        self.reject_button.on_click(lambda _b: self.reject())
        self.form = {f: (w.Dropdown(options=[""] + MEASURES, description=f) if f == "measure"
                         else w.Text(description=f)) for f in FORM_FIELDS}
        self.correct_button = w.Button(description="Save correction", button_style="warning")
        self.correct_button.on_click(lambda _b: self.correct())
        self.swap_button = w.Button(description="Swap direction")
        self.swap_button.on_click(lambda _b: self.swap_direction())
        self.message = w.HTML()
        self.add_doc = w.Dropdown(options=sorted(self.texts), description="Document")
        self.add_find = w.Text(description="Find text", placeholder="paste the phrase holding the number",
                               layout=w.Layout(width="60%"))
        self.add_form = {f: (w.Dropdown(options=MEASURES, description=f) if f == "measure" else w.Text(description=f))
                         for f in ["measure", "value", "ci_low", "ci_high", "intervention", "comparator", "outcome",
                                   "timepoint", "events", "total"]}
        self.add_button = w.Button(description="Add estimate")
        self.add_button.on_click(lambda _b: self.add())
        self.dup_choice = w.Dropdown(description="Link", options=self._duplicate_options())
        self.dup_button = w.Button(description="Not a duplicate")
        self.dup_button.on_click(lambda _b: self.undo_duplicate())
        self.orphans = w.HTML()
        studies = sorted({str(x) for x in self.documents.get("source_file", pd.Series(dtype=str)) if str(x).strip()})
        self.rob_study = w.Dropdown(options=studies, description="Study")
        self.rob_tool = w.Dropdown(options=list(ROB_JUDGEMENTS), description="Tool")
        self.rob_domain = w.Dropdown(options=ROB_DOMAINS["RoB 2"], description="Domain")
        self.rob_judgement = w.Dropdown(options=ROB_JUDGEMENTS["RoB 2"], description="Judgement")
        self.rob_tool.observe(lambda _c: self._tool_changed(), names="value")
        self.rob_button = w.Button(description="Save judgement")
        self.rob_button.on_click(lambda _b: self.save_risk_of_bias())
        self.grade_cell = w.Dropdown(options=self._cell_options(), description="Cell")
        self.grade_domain = w.Dropdown(options=list(GRADE_RATINGS), description="Domain")
        self.grade_rating = w.Dropdown(options=GRADE_RATINGS[self.grade_domain.value], description="Rating")
        self.grade_domain.observe(lambda _c: setattr(self.grade_rating, "options",
                                                     GRADE_RATINGS[self.grade_domain.value]), names="value")
        self.grade_button = w.Button(description="Save override")
        self.grade_button.on_click(lambda _b: self.save_grade_override())

    def widget(self) -> w.Widget:
        """The whole review panel."""
        grid = lambda items: w.GridBox(items, layout=w.Layout(grid_template_columns="repeat(3, 33%)"))  # noqa: E731
        check = w.VBox([
            w.HBox([self.progress, self.progress_label]),
            w.HBox(list(self.filter_boxes.values())[:2]), w.HBox(list(self.filter_boxes.values())[2:]),
            w.HBox([self.prev_button, self.next_button, self.position_label]),
            self.evidence,
            w.HBox([self.accept_button, self.reject_button, self.reason]),
            w.HTML("<b>Correct</b> (the form holds the extracted values; change what is wrong, give a reason)"),
            grid(list(self.form.values())),
            w.HBox([self.correct_button, self.swap_button]),
            self.message,
        ])
        add = w.VBox([w.HTML("Add an estimate the extractor missed: pick the document, paste the phrase it is "
                             "printed in, fill in the numbers."),
                      self.add_doc, self.add_find, grid(list(self.add_form.values())), self.add_button])
        dup = w.VBox([w.HTML("Undo a duplicate link the ingestion made (the record is read again on rerun)."),
                      w.HBox([self.dup_choice, self.dup_button])])
        appraise = w.VBox([
            w.HTML("<b>Risk of bias</b> per study and domain (RoB 2 for randomized trials, ROBINS-I otherwise); the "
                   "GRADE rating of every cell the study is in reads it. The reason goes in the Reason field of "
                   "the first tab."),
            w.HBox([self.rob_study, self.rob_tool]), w.HBox([self.rob_domain, self.rob_judgement]), self.rob_button,
            w.HTML("<b>GRADE override</b> of one domain of a cell, with a reason (shown in the report)."),
            self.grade_cell, w.HBox([self.grade_domain, self.grade_rating]), self.grade_button])
        tabs = w.Tab([check, add, dup, appraise, self.orphans])
        for i, title in enumerate(["Check estimates", "Add missed estimate", "Duplicates", "Risk of bias & GRADE",
                                   "Orphan decisions"]):
            tabs.set_title(i, title)
        return w.VBox([w.HTML(STYLE), tabs])

    # ------------------------------------------------------------ showing

    def _show(self) -> None:
        row = self.current
        self.position_label.value = (f"{self.position + 1} of {len(self.queue)} in this view"
                                     if row else "no estimate in this view")
        orphans = orphan_decisions(self.estimates, self.store.curation_dir)
        self.orphans.value = ("<p>Every decision applies to an estimate of this run.</p>" if orphans.empty else
                              "<p>Decisions whose estimate is not among this run's estimates (kept in the file, "
                              "listed in the report):</p>" + orphans.to_html(index=False, escape=True))
        if row is None:
            self.evidence.value = ""
            for box in self.form.values():
                box.value = ""
            return
        sentence = _text(row.get("evidence"))
        fields = [("status", row["status"] + (f" by {row['checked_by']}" if row["checked_by"] else "")),
                  ("why first", row["priority"]), ("document", row["source_file"] or row["doc_id"])]
        fields += [(f, _text(row.get(f))) for f in FORM_FIELDS + ["flags", "needs_review", "estimate_id"]
                   if _text(row.get(f))]
        table = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in fields)
        self.evidence.value = (f"<div class='er-evidence'>{highlight_html(sentence, row)}</div>"
                               f"<table class='er-fields'>{table}</table>")
        for name, box in self.form.items():
            box.value = _text(row.get(name)) if name != "measure" or _text(row.get(name)) in MEASURES else ""

    def _refilter(self) -> None:
        self.position = 0
        self.refresh()

    def move(self, step: int) -> None:
        self.position = max(0, min(self.position + step, len(self.queue) - 1))
        self._show()

    def _say(self, text: str, ok: bool = True) -> None:
        color = "#1a7f37" if ok else "#b42318"
        self.message.value = f"<span style='color:{color}'>{html.escape(text)}</span>"

    def _after_action(self, estimate_id: str, text: str) -> None:
        self.reason.value = ""
        self.refresh(keep=estimate_id)
        self._say(text)
        if self.position < len(self.queue) - 1:
            self.move(+1)

    # ------------------------------------------------------------ actions

    def accept(self) -> None:
        row = self.current
        if row is None:
            return self._say("no estimate selected", ok=False)
        self.store.accept(row["estimate_id"], self.reason.value)
        self._after_action(row["estimate_id"], f"accepted {row['estimate_id']}")

    def reject(self) -> None:
        row = self.current
        if row is None:
            return self._say("no estimate selected", ok=False)
        try:
            self.store.reject(row["estimate_id"], self.reason.value)
        except ReviewError as exc:
            return self._say(str(exc), ok=False)
        self._after_action(row["estimate_id"], f"rejected {row['estimate_id']}")

    def form_changes(self) -> dict:
        row = self.current or {}
        changes = {}
        for name, box in self.form.items():
            if name not in CORRECTABLE_FIELDS:
                continue
            new, old = str(box.value).strip(), _text(row.get(name)).strip()
            if new != old and not (name in NUMERIC_FIELDS and _same_number(new, old)):
                changes[name] = new or None
        return changes

    def correct(self) -> None:
        row = self.current
        if row is None:
            return self._say("no estimate selected", ok=False)
        try:
            self.store.correct(row, self.form_changes(), self.reason.value)
        except ReviewError as exc:
            return self._say(str(exc), ok=False)
        self._after_action(row["estimate_id"], f"corrected {row['estimate_id']}")

    def swap_direction(self) -> None:
        """Fill the form with the estimate the other way round (arms swapped; a ratio inverted, its limits
        swapped; a difference negated); the reviewer still saves it with a reason."""
        row = self.current
        if row is None:
            return
        f = self.form
        f["intervention"].value, f["comparator"].value = f["comparator"].value, f["intervention"].value
        numbers = [_float(f[k].value) for k in ("value", "ci_low", "ci_high")]
        measure = f["measure"].value
        if measure in RATIO_MEASURES and all(x is None or x > 0 for x in numbers):
            value, low, high = (None if x is None else float(f"{1 / x:.6g}") for x in numbers)
        elif measure not in RATIO_MEASURES:
            value, low, high = (None if x is None else -x for x in numbers)
        else:
            return self._say("a ratio at or below zero cannot be inverted", ok=False)
        f["value"].value = _text(value)
        f["ci_low"].value, f["ci_high"].value = _text(high), _text(low)

    def add(self) -> None:
        doc_id, phrase = self.add_doc.value, self.add_find.value.strip()
        text = self.texts.get(doc_id, "")
        start = text.find(phrase) if phrase else -1
        if start < 0:
            return self._say("the phrase was not found in the document's text; paste it exactly", ok=False)
        fields = {k: box.value for k, box in self.add_form.items() if str(box.value).strip()}
        try:
            self.store.add_estimate(doc_id, text, start, start + len(phrase), fields, self.reason.value)
        except ReviewError as exc:
            return self._say(str(exc), ok=False)
        self.add_find.value = ""
        self._say(f"added a {fields.get('measure')} to {doc_id}: it enters the estimates on the next run")

    def _cell_options(self) -> list[tuple[str, str]]:
        if self.pooled is None or self.pooled.empty:
            return []
        rows = self.pooled.loc[self.pooled["comparator"].fillna("").astype(str) != ""]
        return [(f"{r['outcome']}: {r['intervention']} vs {r['comparator']} ({r['measure']}, k = {r['k']})",
                 str(r["cell_id"])) for r in rows.to_dict("records")]

    def _tool_changed(self) -> None:
        self.rob_domain.options = ROB_DOMAINS[self.rob_tool.value]
        self.rob_judgement.options = ROB_JUDGEMENTS[self.rob_tool.value]

    def save_risk_of_bias(self) -> None:
        try:
            self.store.set_risk_of_bias(self.rob_study.value, self.rob_tool.value, self.rob_domain.value,
                                        self.rob_judgement.value, self.reason.value)
        except ReviewError as exc:
            return self._say(str(exc), ok=False)
        self._say(f"{self.rob_study.value}: {self.rob_domain.value} {self.rob_judgement.value} ({self.rob_tool.value})")

    def save_grade_override(self) -> None:
        try:
            self.store.set_grade_override(self.grade_cell.value, self.grade_domain.value, self.grade_rating.value,
                                          self.reason.value)
        except ReviewError as exc:
            return self._say(str(exc), ok=False)
        self._say(f"GRADE {self.grade_domain.value} of {self.grade_cell.value}: {self.grade_rating.value}")

    def _duplicate_options(self) -> list[tuple[str, tuple[str, str]]]:
        return [(label, pair) for label, pair in undo_duplicate_candidates(self.documents)]

    def undo_duplicate(self) -> None:
        if not self.dup_choice.value:
            return self._say("no duplicate link to undo", ok=False)
        doc_id, other = self.dup_choice.value
        try:
            self.store.undo_duplicate(doc_id, other, self.reason.value)
        except ReviewError as exc:
            return self._say(str(exc), ok=False)
        self._say(f"{doc_id} is no longer a duplicate of {other}: it is read on the next run")


def _float(text) -> float | None:
    try:
        return float(str(text).strip())
    except ValueError:
        return None


def _same_number(a: str, b: str) -> bool:
    x, y = _float(a), _float(b)
    return x is not None and y is not None and x == y
