"""Stage 3: from extracted estimates to comparable cells and pooled random-effects estimates.

Public interface:
    run_synthesis(processed_dir, curation_dir, reports_dir, options, figures=True, scheduler="") -> SynthesisResult
        # reads and writes files; the figures are drawn on `scheduler` (evidence_review.parallel)
    synthesize(estimates, documents, decisions, options) -> SynthesisResult              # in memory
    SynthesisOptions(pooling_level, method, test, pi_min_k, pi_method, pool_two_studies, sensitivity_methods,
                     leave1out_min_k, bias_min_k, timepoint_policy, class_map_path);
    SynthesisOptions.from_parameters(**notebook_parameters)

Modules: cells (cell keys, orientation, like with like), from_arms (comparisons from two arms' data), effects
(yi/vi per estimate), dedup (same-patient rules), classes (drug class map), arm_counts (events/total per arm
behind a comparative estimate, for the forest plot), pool (engine calls, few-study rules, sensitivity), certainty
(GRADE, decided once per cell), appraisal (the reviewer's risk_of_bias.csv and grade.csv), summary (Summary of
Findings), labels ("Surname Year", arm spellings), forest (forest and funnel plots), export (metafor CSV),
pipeline (the steps in order and the files written). Reviewer decisions: evidence_review.curation.
"""
__all__ = ["SynthesisOptions", "SynthesisResult", "run_synthesis", "synthesize"]


def __getattr__(name: str):
    """The public interface, imported from `pipeline` on first use: `pipeline` brings the plotting stack
    (matplotlib, seaborn: about a second of CPU), which a reader of one module (the report's `certainty`,
    `cells`) does not need."""
    if name in __all__:
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
