"""The scorer's new parts on small hand-made gold/prediction pairs: MEAN/MEDIAN matching, arm-level recovery of
binary and continuous outcomes, and the label accuracy (role, subgroup, timepoint, adjusted, orientation, arm)."""
from __future__ import annotations

import pandas as pd
import pytest

from evidence_review.extract.evaluate import (arm_matches, defined_abbreviations, normalize_label, report_lines, score,
                                             score_parts,
                                             written_arm_names)

DOC = "a.txt"


def gold_row(measure, value, interv, comp=None, **kw):
    row = dict(doc=DOC, measure=measure, value=value, ci_low=None, ci_high=None, intervention=interv,
               comparator=comp, outcome=kw.pop("outcome", "response"), timepoint=kw.pop("timepoint", None),
               events=None, total=None, role="effect", subgroup=None, adjusted="unknown",
               sd=None, se=None, q1=None, q3=None, range_low=None, range_high=None)
    row.update(kw)
    return row


def pred_row(measure, value, interv="", comp="", **kw):
    return dict(source_file=DOC, measure=measure, value=value, intervention=interv, comparator=comp, **kw)


TWO_ARMS = [gold_row("PROPORTION", 0.5, "drug a", events=10, total=20, adjusted="no"),
            gold_row("PROPORTION", 0.25, "placebo", events=5, total=20, adjusted="no")]
MEANS = [gold_row("MEAN", -12.0, "drug a", sd=5.0, total=40, adjusted="no", outcome="change in score"),
         gold_row("MEAN", -5.0, "placebo", sd=6.0, total=41, adjusted="no", outcome="change in score")]


def test_both_arms_events_and_totals_count_as_one_recovered_binary_outcome():
    preds = [pred_row("PROPORTION", 0.5, "drug a", events=10, total=20),
             pred_row("PROPORTION", 0.25, "placebo", events=5, total=20)]
    rec = score(TWO_ARMS, preds, {DOC})["recovery"]["binary"]
    assert (rec["outcomes"], rec["recovered"], rec["share"]) == (1, 1, 1.0)


def test_one_arm_or_a_percentage_without_counts_is_not_recovered():
    # the second arm's value is right but its events/total are missing: the 2x2 table cannot be built
    preds = [pred_row("PROPORTION", 0.5, "drug a", events=10, total=20), pred_row("PROPORTION", 0.25, "placebo")]
    result = score(TWO_ARMS, preds, {DOC})
    assert result["proportions"]["tp"] == 2                  # both match as numbers...
    assert result["recovery"]["binary"]["recovered"] == 0     # ...but the outcome is not recovered
    assert result["recovery"]["binary"]["missed"] == ["a.txt: response (no timepoint)"]


def test_one_predicted_row_cannot_serve_two_arms():
    gold = [gold_row("PROPORTION", 0.5, "drug a", events=10, total=20),
            gold_row("PROPORTION", 0.5, "drug b", events=10, total=20)]
    preds = [pred_row("PROPORTION", 0.5, "drug a", events=10, total=20)]
    assert score(gold, preds, {DOC})["recovery"]["binary"]["recovered"] == 0


def test_baseline_rows_and_single_arms_are_not_outcomes():
    gold = [dict(r, role="baseline") for r in TWO_ARMS] + [gold_row("PROPORTION", 0.3, "drug a", events=3, total=10, outcome="death")]
    assert score(gold, [], {DOC})["recovery"]["binary"]["outcomes"] == 0


def test_continuous_outcome_needs_every_arms_mean_and_sd():
    full = [pred_row("MEAN", -12.0, "drug a", sd=5.0), pred_row("MEAN", -5.0, "placebo", sd=6.0)]
    no_sd = [pred_row("MEAN", -12.0, "drug a", sd=5.0), pred_row("MEAN", -5.0, "placebo")]
    assert score(MEANS, full, {DOC})["recovery"]["continuous"]["share"] == 1.0
    assert score(MEANS, no_sd, {DOC})["recovery"]["continuous"]["recovered"] == 0


def test_mean_and_median_rows_match_on_value_and_spread():
    gold = MEANS + [gold_row("MEDIAN", 965, "drug a", q1=472, q3=1903, role="baseline")]
    preds = [pred_row("MEAN", -12.0, sd=5.0), pred_row("MEAN", -5.0, sd=9.9),        # wrong SD: no match
             pred_row("MEDIAN", 965, q1=472, q3=1903), pred_row("MEDIAN", 12, q1=1, q3=30)]
    result = score(gold, preds, {DOC})
    assert (result["means"]["tp"], result["means"]["fp"], result["means"]["fn"]) == (1, 1, 1)
    assert (result["medians"]["tp"], result["medians"]["fp"], result["medians"]["fn"]) == (1, 1, 0)
    # arm-level rows never count as effects
    assert result["effects"]["tp"] + result["effects"]["fp"] + result["effects"]["fn"] == 0


def test_label_mismatches_are_counted_per_label():
    gold = [gold_row("HR", 0.75, "dapagliflozin", "placebo", role="subgroup", subgroup="patients with diabetes",
                     timepoint="week 52", adjusted="yes")]
    right = pred_row("HR", 0.75, "dapagliflozin", "placebo", role="subgroup", subgroup="Diabetes",
                     timepoint="52 weeks", adjusted="yes")
    labels = score(gold, [right], {DOC})["labels"]
    assert all(labels[k]["accuracy"] == 1.0 for k in ("role", "subgroup", "timepoint", "adjusted", "orientation"))
    wrong = pred_row("HR", 0.75, "placebo", "dapagliflozin", role="effect", timepoint="week 24")   # no adjusted column
    labels = score(gold, [wrong], {DOC})["labels"]
    assert all(labels[k]["right"] == 0 and labels[k]["checked"] == 1
               for k in ("role", "subgroup", "timepoint", "adjusted", "orientation"))
    assert labels["orientation"]["wrong"][0]["predicted"] == ["placebo", "dapagliflozin"]


def test_labels_absent_from_older_gold_sets_are_not_scored():
    gold = [{k: v for k, v in gold_row("HR", 0.5, "rituximab", "azathioprine").items()
             if k not in ("role", "adjusted", "subgroup")}]
    labels = score(gold, [pred_row("HR", 0.5, "rituximab", "azathioprine")], {DOC})["labels"]
    assert labels["role"]["checked"] == labels["adjusted"]["checked"] == labels["subgroup"]["checked"] == 0
    assert labels["orientation"]["right"] == 1


def test_arm_names_outside_the_lexicon_and_timepoints_compare_by_their_words():
    assert arm_matches("esketamine", "esketamine nasal spray")
    assert not arm_matches("nivolumab", "nivolumab plus ipilimumab")      # a combination is another arm
    assert arm_matches("nivolumab + ipilimumab", "nivolumab and ipilimumab")
    assert not arm_matches("lithium", "no lithium")
    # a factor's absence written "not X", "no X", "without X", "non-X": one comparator
    assert arm_matches("not obese", "no obese")
    assert arm_matches("no smoking history", "without smoking history")
    assert arm_matches("not diabetic", "non-diabetic")
    assert not arm_matches("not obese", "obese")
    assert arm_matches("saline enema", "warm saline enemas")                 # a plural is the same arm
    # a count below a threshold, however written
    assert arm_matches("not 3 or more admissions", "under 3 admissions")
    assert arm_matches("fewer than 3 admissions", "under 3 admissions")
    assert not arm_matches("not 3 or more admissions", "3 or more admissions")
    assert not arm_matches("saline enema", "no saline enemas")


def test_a_gold_set_writing_one_arm_two_ways_lets_the_short_name_name_it():
    # the gold rows call one arm "hydrocodone" (a table) and "ER hydrocodone" (the abstract): "hydrocodone" predicted
    # for "ER hydrocodone" is that arm; a dose or a partner in the longer name keeps the two apart
    arms = ("hydrocodone", "oxycodone", "ER hydrocodone", "immediate-release oxycodone")
    assert arm_matches("ER hydrocodone", "hydrocodone", None, None, arms)
    assert arm_matches("immediate-release oxycodone", "oxycodone", None, None, arms)
    assert not arm_matches("hydrocodone 20 mg", "hydrocodone", None, None, ("hydrocodone", "hydrocodone 20 mg"))
    assert not arm_matches("hydrocodone plus naloxone", "hydrocodone", None, None, ("hydrocodone", "hydrocodone plus naloxone"))
    assert not arm_matches("empagliflozin 10 mg", "empagliflozin")         # the dose names the arm
    assert arm_matches("placebo (26-week prednisone taper)", "placebo")    # lexicon names decide
    assert normalize_label("at day 28") == normalize_label("28 days")
    assert normalize_label("week 52") != normalize_label("week 24")


def test_two_names_of_one_kind_of_control_are_one_arm():
    assert arm_matches("usual care", "standard care")
    assert arm_matches("conventional management", "standard care")
    assert not arm_matches("usual care", "placebo")                      # another kind of control
    assert not arm_matches("no statin", "control")                       # "control" does not say "no statin"
    assert not arm_matches("usual care", "standard care plus dexamethasone")   # a treatment besides the control


_METHODS = ("Patients were randomized to surgery alone or to adjuvant therapy with uracil-tegafur and leucovorin "
            "(UFT/LV). The knee group received placebo or tranexamic acid (TXA). The goal-directed therapy (GDT; "
            "n = 62) group received more colloid.")


def test_an_abbreviation_the_document_defines_names_the_arm_it_defines():
    defined = defined_abbreviations(_METHODS)
    assert defined["uft/lv"] == "uracil-tegafur and leucovorin"
    assert defined["txa"] == "tranexamic acid"              # not "placebo or tranexamic acid"
    assert arm_matches("uracil-tegafur/leucovorin", "UFT/LV", defined)
    assert arm_matches("goal-directed therapy", "the GDT group", defined)
    assert not arm_matches("placebo", "TXA", defined)        # a wrong arm stays wrong
    assert not arm_matches("uracil-tegafur/leucovorin", "UFT/LV")   # without the document, no definition
    # one abbreviation defined two ways is no definition
    assert "cr" not in defined_abbreviations("complete remission (CR) ... creatinine ratio (CR)")


def test_report_prints_every_new_figure():
    lines = "\n".join(report_lines(dict(score(TWO_ARMS + MEANS, [], {DOC}), rows_in_documents_without_gold=0)))
    for part in ("means", "medians", "binary outcomes", "continuous outcomes", "role 0/0", "orientation"):
        assert part in lines


def test_command_scores_only_the_sets_asked_for(capsys):
    from evidence_review.extract.evaluate import heldout_set, main, shared_sets

    if not shared_sets() or "heldout3" not in heldout_set():
        pytest.skip("../shared or batch 3 not present")
    assert main(["--set", "heldout3"]) == 0
    out = capsys.readouterr().out
    assert "== heldout3" in out and "== seeds" not in out and "arm-level recovery" in out
    assert main(["--set", "nonesuch"]) == 2
    assert "unknown set" in capsys.readouterr().err


def test_a_ratio_stored_the_other_way_round_is_the_same_estimate_with_its_arms_swapped():
    gold = [gold_row("HR", 2.0, "radiotherapy", "chemoradiotherapy", ci_low=1.25, ci_high=4.0)]
    turned = [pred_row("HR", 0.5, "chemoradiotherapy", "radiotherapy", ci_low=0.25, ci_high=0.8)]
    result = score(gold, turned, {DOC})
    assert result["effects"]["tp"] == 1 and result["effects"]["fp"] == 0
    assert result["labels"]["orientation"]["right"] == 1
    # the reciprocal with the arms left as they were is the estimate pointing the wrong way
    wrong = [pred_row("HR", 0.5, "radiotherapy", "chemoradiotherapy", ci_low=0.25, ci_high=0.8)]
    result = score(gold, wrong, {DOC})
    assert result["effects"]["tp"] == 1 and result["labels"]["orientation"]["right"] == 0


def test_a_reciprocal_value_alone_or_of_a_difference_is_no_match():
    no_interval = [gold_row("HR", 2.0, "a", "b")]
    assert score(no_interval, [pred_row("HR", 0.5, "b", "a")], {DOC})["effects"]["tp"] == 0
    difference = [gold_row("MD", 2.0, "a", "b", ci_low=1.25, ci_high=4.0)]
    assert score(difference, [pred_row("MD", 0.5, "b", "a", ci_low=0.25, ci_high=0.8)], {DOC})["effects"]["tp"] == 0


def test_an_arms_short_name_the_document_defines_is_that_arm():
    text = "In total, 1020 patients received sotrovimab plus remdesivir (sotrovimab group) and 1015 received placebo."
    defined = defined_abbreviations(text)
    assert defined["sotrovimab"] == "sotrovimab plus remdesivir"
    assert arm_matches("sotrovimab-remdesivir", "sotrovimab", defined)
    assert not arm_matches("sotrovimab-remdesivir", "sotrovimab")
    assert not arm_matches("placebo", "sotrovimab", defined)


def test_a_row_naming_a_study_arm_by_its_key_matches_the_arms_written_name():
    arms = pd.DataFrame({"doc_id": ["d", "d", "d"], "arm_id": ["arm1", "arm2", "arm3"],
                         "name": ["50 000 IU ergocalciferol", "lidocaine 5% plaster", "matching placebo"],
                         "canonical": ["ergocalciferol", "lidocaine 5%", "placebo"]})
    written = written_arm_names(arms)
    assert written["lidocaine 5%"] == ["lidocaine 5% plaster"]
    # the gold arm written with its dose and schedule, the row with the study model's key
    assert arm_matches("ergocalciferol 50 000 IU monthly", "ergocalciferol", written=written)
    assert not arm_matches("ergocalciferol 50 000 IU monthly", "ergocalciferol")
    assert arm_matches("lidocaine 5% plaster", "lidocaine 5%", written=written)
    # another dose than the arm's is another arm
    assert not arm_matches("ergocalciferol 20 000 IU monthly", "ergocalciferol", written=written)
    # a key the study model does not hold gains nothing
    assert not arm_matches("ergocalciferol 50 000 IU monthly", "cholecalciferol", written=written)


def test_a_shortened_arm_name_counts_when_it_names_one_arm_of_the_document():
    arms = ("sedation with propofol and remifentanil", "no sedation", "Mentha piperita", "lavender oil",
            "ketorolac-lidocaine", "ketorolac-saline")
    assert arm_matches("sedation with propofol and remifentanil", "sedation", arms=arms)
    assert arm_matches("Mentha piperita", "mentha", arms=arms)
    assert arm_matches("no sedation", "no sedation", arms=arms)
    # "sedation" is never the arm without it, and without the document's arms a shortened name is not enough
    assert not arm_matches("no sedation", "sedation", arms=arms)
    assert not arm_matches("Mentha piperita", "mentha")
    # words two arms share name neither; words of no arm name none
    assert not arm_matches("ketorolac-lidocaine", "ketorolac", arms=arms)
    assert arm_matches("ketorolac-lidocaine", "lidocaine", arms=arms)
    assert not arm_matches("lavender oil", "rose oil", arms=arms)


def test_the_documents_gold_arm_names_are_scored_with_each_row():
    gold = [gold_row("OR", 2.0, "Mentha piperita", "lavender oil", ci_low=1.1, ci_high=3.6, adjusted="unknown")]
    result = score(gold, [pred_row("OR", 2.0, "mentha", "lavender", ci_low=1.1, ci_high=3.6, adjusted="unknown")], {DOC})
    assert result["labels"]["orientation"]["right"] == 1
    result = score(gold, [pred_row("OR", 2.0, "lavender", "mentha", ci_low=1.1, ci_high=3.6, adjusted="unknown")], {DOC})
    assert result["labels"]["orientation"]["right"] == 0


def test_a_want_of_something_reads_as_no():
    assert arm_matches("no clinical improvement at week 4", "lack of clinical improvement at week 4")
    assert arm_matches("no fever", "absence of fever")
    assert not arm_matches("clinical improvement at week 4", "lack of clinical improvement at week 4")


def test_labels_pair_with_rows_of_their_own_arm_whatever_the_order_of_the_document():
    # shares within the value tolerance of each other: "67.6 %" of one arm, "67.4 %" of the other, "67.5 %" of all
    gold = [gold_row("PROPORTION", 0.676, "drug a", role="baseline"),
            gold_row("PROPORTION", 0.674, "placebo", role="baseline"),
            gold_row("PROPORTION", 0.675, "all patients", role="baseline")]
    preds = [pred_row("PROPORTION", 67.5, "all patients", role="baseline"),
             pred_row("PROPORTION", 67.6, "drug a", role="baseline"),
             pred_row("PROPORTION", 67.4, "placebo", role="baseline")]
    result = score(gold, preds, {DOC})
    assert result["proportions"]["tp"] == 3 and result["proportions"]["fp"] == 0
    assert result["labels"]["arm"]["right"] == 3
    assert score(gold, list(reversed(preds)), {DOC})["labels"]["arm"]["right"] == 3


def test_the_pairing_serves_as_many_labels_as_it_can_before_it_prefers_arms():
    # 10.04 meets both rows, 9.96 only the first: a first-come pairing would leave 9.96 without its row
    gold = [gold_row("MEAN", 10.04, "placebo", sd=2.0), gold_row("MEAN", 9.96, "drug a", sd=2.0)]
    preds = [pred_row("MEAN", 10.0, "drug a", sd=2.0), pred_row("MEAN", 10.08, "drug b", sd=2.0)]
    result = score(gold, preds, {DOC})
    assert result["means"]["tp"] == 2 and result["means"]["fn"] == 0


def test_parts_score_full_reports_and_other_documents_apart():
    report = "report.xml"
    gold = TWO_ARMS + [dict(r, doc=report) for r in MEANS]
    preds = [pred_row("PROPORTION", 0.5, "drug a", events=10, total=20),
             pred_row("PROPORTION", 0.25, "placebo", events=5, total=20),
             dict(pred_row("MEAN", -12.0, "drug a", sd=5.0, total=40), source_file=report)]
    parts = score_parts(gold, preds, {DOC, report}, with_tables={report})
    full, other = parts["full reports"], parts["other documents"]
    assert (full["documents"], full["gold_labels"], other["documents"], other["gold_labels"]) == (1, 2, 1, 2)
    # the abstract's two proportions count only in its part; the report's one mean of two only in its own
    assert (other["proportions"]["tp"], full["proportions"]["tp"], full["proportions"]["fn"]) == (2, 0, 0)
    assert (full["means"]["tp"], full["means"]["fn"], other["means"]["tp"]) == (1, 1, 0)
    assert full["recovery"]["continuous"]["recovered"] == 0 and other["recovery"]["binary"]["recovered"] == 1


def test_command_prints_the_parts_when_asked(capsys):
    from evidence_review.extract.evaluate import heldout_set, main, shared_sets

    if not shared_sets() or "heldout3" not in heldout_set():
        pytest.skip("../shared or batch 3 not present")
    assert main(["--set", "heldout3", "--parts"]) == 0
    out = capsys.readouterr().out
    assert "-- full reports:" in out and "-- other documents:" in out
    assert out.count("arm-level recovery") == 3


def _model(*arms):
    """A study model of hand-made arms (name, key, the other names the model knows for it) and its arms table."""
    from evidence_review.extract.study import Arm, Study
    made = [Arm(f"arm{i}", name, key, 30, "other", 0, 0, aliases=set(aliases))
            for i, (name, key, aliases) in enumerate(arms, 1)]
    return pd.DataFrame([a.as_row("d") for a in made]), {"d": Study("d", made)}


def test_a_row_naming_a_study_arm_matches_the_arms_other_names_the_model_knows():
    table, studies = _model(("usual ward care", "usual care", {"I", "group i"}),
                            ("guided imagery sessions", "guided imagery", {"II", "group ii", "GI"}))
    written = written_arm_names(table, studies)
    assert written["usual care"][0] == "usual ward care"       # the arms table's name first
    # the label names the arm by its code, the row by the model's key
    assert arm_matches("group I (control)", "usual care", written=written)
    assert arm_matches("Group II", "guided imagery", written=written)
    assert arm_matches("GI", "guided imagery", written=written)
    # without the model's other names, as before: no match
    assert not arm_matches("group I (control)", "usual care", written=written_arm_names(table))
    # another arm's code is not this arm
    assert not arm_matches("group I", "guided imagery", written=written)
    assert not arm_matches("Group II", "usual care", written=written)
    assert not arm_matches("group III", "usual care", written=written)
    # a marker of the model ("dose:high dose") is no name of the arm
    table, studies = _model(("tranexamic acid 2 g", "tranexamic acid 2 g", {"dose:high dose"}),
                            ("saline", "placebo", set()))
    assert all(":" not in name for names in written_arm_names(table, studies).values() for name in names)


def test_a_name_two_arms_of_the_model_carry_names_neither():
    table, studies = _model(("aerobic training", "aerobic training", {"group a", "exercise arm", "supervised exercise"}),
                            ("resistance training", "resistance training", {"group b", "exercise arm", "home exercise"}),
                            ("wait list", "wait list", {"group c"}))
    written = written_arm_names(table, studies)
    assert "exercise arm" not in written["aerobic training"] + written["resistance training"]
    assert not arm_matches("exercise arm", "aerobic training", written=written)
    assert not arm_matches("exercise arm", "resistance training", written=written)
    # each arm's own code still names it alone
    assert arm_matches("group B", "resistance training", written=written)
    assert not arm_matches("group B", "aerobic training", written=written)
    assert arm_matches("supervised exercise", "aerobic training", written=written)
    # a label whose words are in other names of two arms ("exercise" in both) names neither through them
    assert not arm_matches("exercise", "aerobic training", written=written)
    assert not arm_matches("exercise", "resistance training", written=written)


def test_a_gold_arm_naming_the_arm_in_brackets_is_that_arm_when_no_other_arm_is_so_named():
    written = {"usual care": ["usual ward care"], "guided imagery": ["guided imagery sessions"]}
    # the label's bracketed words name the row's arm: its key or one of its written names
    assert arm_matches("group I (usual care)", "usual care", written=written)
    assert arm_matches("arm 2 (guided imagery)", "guided imagery", written=written)
    assert not arm_matches("group I (usual care)", "guided imagery", written=written)
    coded = {"group a": ["Group A"], "group b": ["Group B"]}
    assert arm_matches("glibenclamide (Group-B)", "group b", written=coded)
    assert not arm_matches("glibenclamide (Group-B)", "group a", written=coded)
    # a bracket naming no arm (a size, a dose) or naming two arms gives nothing; without the document's arms neither
    assert not arm_matches("sertraline (n = 30)", "group a", written=coded)
    two = {"aerobic exercise": ["aerobic exercise"], "resistance exercise": ["resistance exercise"]}
    assert not arm_matches("group I (exercise)", "aerobic exercise", written=two)
    assert not arm_matches("group I (usual care)", "usual care")


def test_the_study_models_arms_are_scored_against_the_groups_the_labels_compare():
    """The model knows the active arm under another spelling with the right size, and the placebo arm with a size no
    label gives it; the comparison's third group is missing; the whole sample, labelled alone, is not an arm."""
    gold = [gold_row("MEAN", 61.0, "Drug A 10 mg", sd=9.0, total=48, adjusted="no", outcome="age", role="baseline"),
            gold_row("MEAN", 60.0, "placebo", sd=8.0, total=50, adjusted="no", outcome="age", role="baseline"),
            gold_row("MEAN", 59.0, "usual care", sd=8.5, total=51, adjusted="no", outcome="age", role="baseline"),
            gold_row("PROPORTION", 0.5, "Drug A 10 mg", events=24, total=45, adjusted="no", outcome="response"),
            gold_row("PROPORTION", 0.3, "placebo", events=15, total=50, adjusted="no", outcome="response"),
            gold_row("MEAN", 60.5, "all participants", sd=8.7, total=149, adjusted="no", outcome="weight")]
    arms = pd.DataFrame({"canonical": ["drug a 10 mg", "placebo"], "name": ["Drug A 10 mg", "Placebo"],
                         "n": [45, 52]})
    written = {DOC: written_arm_names(arms)}
    sizes = {DOC: {"drug a 10 mg": 45.0, "placebo": 52.0}}
    model = score(gold, [], {DOC}, None, written, sizes)["study_arms"]
    assert (model["arms"], model["found"], model["sized"]) == (3, 2, 1)
    assert model["missed"] == [f"{DOC}: usual care"]
    result = dict(score(gold, [], {DOC}, None, written, sizes), rows_in_documents_without_gold=0)
    line = [x for x in report_lines(result) if "study model" in x][0]
    assert "found 2/3 = 0.667" in line and "size the labels give the arm 1/3 = 0.333" in line
