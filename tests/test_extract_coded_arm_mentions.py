"""Sentences that name arms by the code the study model defined for them ("Group I (Placebo) was given ... Group II
(Zinc) received ..."): "in group II", "12 and 14 in Group I and II respectively", "in groups A and B" resolve to the
model's arms, also when the lexicon names the arm elsewhere; a subgroup's "age group I" and a code the model does
not define name no arm. Texts written for these tests."""
from __future__ import annotations

from types import SimpleNamespace

from evidence_review.extract.core import _coded_arm_mentions
from evidence_review.extract.pipeline import extract_one


def _arm(name: str, canonical: str, *aliases: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, canonical=canonical, aliases=set(aliases), role="", n=None)


_ROMAN = [_arm("group I", "placebo", "group i"), _arm("group II", "zinc", "group ii")]
_LETTERED = [_arm("saline", "saline", "group a"), _arm("ketamine", "ketamine", "group b")]


def _named(scan: str, arms: list) -> list[tuple[str, str]]:
    return [(scan[s:e], c) for s, e, c in _coded_arm_mentions(scan, arms)]


def test_an_elided_list_of_codes_names_each_arm():
    scan = "grade 1 (12 and 14 in Group I and II respectively) and in groups II and I alike"
    assert _named(scan, _ROMAN) == [("Group I", "placebo"), ("II", "zinc"), ("groups II", "zinc"), ("I", "placebo")]


def test_a_code_after_a_conjunction_or_preposition_names_its_arm():
    scan = "The mean in group B was 4.1 whereas group A had 3.2; Group B (n = 20) and arm A differed."
    assert [c for _, c in _named(scan, _LETTERED)] == ["ketamine", "saline", "ketamine", "saline"]


def test_a_subgroup_of_some_measure_names_no_arm():
    scan = "Patients of age group I and the risk group II were older; ASA group I dominated."
    assert _named(scan, _ROMAN) == []


def test_a_code_the_model_does_not_define_names_no_arm():
    assert _named("in group III the rate was 40%; between groups I and III it differed", _ROMAN) == []
    # a study whose arms carry no code: "group A" is nobody's
    assert _named("in group A the rate was 40%", [_arm("saline", "saline"), _arm("ketamine", "ketamine")]) == []


def test_a_code_two_arms_share_names_neither():
    arms = [_arm("group A", "saline", "group a"), _arm("group A low", "ketamine", "group a"), _arm("x", "x", "group b")]
    assert _named("in group A it was 3", arms) == []


_TEXT = ("Methods: Sixty patients were randomly divided into two groups of 30 patients each. Group I (Placebo) was given "
         "dietary counselling while Group II (Zinc) received dietary counselling along with zinc tablets (50 mg) for 10 "
         "weeks. Results: Patients had grade 1 (12 and 14 in Group I and II respectively) and grade 2 (18 and 16 in "
         "Group I and II respectively) anaemia. The mean ferritin in group II was 41.2 ± 6.3 ng/mL whereas in group I "
         "it was 35.8 ± 7.1 ng/mL.")


def test_counts_listed_against_coded_groups_are_each_arms_proportions():
    rows, _, errors = extract_one("doc", _TEXT)
    assert not errors
    found = {(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert found == {("placebo", 12, 30), ("zinc", 14, 30), ("placebo", 18, 30), ("zinc", 16, 30)}


def test_means_of_coded_groups_each_go_to_their_arm():
    rows, _, _ = extract_one("doc", _TEXT)
    means = {(r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert means == {("zinc", 41.2, 6.3), ("placebo", 35.8, 7.1)}


def test_codes_of_a_subgroup_give_no_arm_rows():
    text = _TEXT.split("Results:")[0] + ("Results: Anaemia was seen in 12 and 14 patients of age group I and II "
                                         "respectively.")
    rows, _, _ = extract_one("doc", text)
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["events"] in (12, 14)]


# ------------------------------------------------------- a coded arm's percentage restating a table's bare count
def _share_row(value_text: str, arm: str, evidence: str, outcome: str = "remission") -> dict:
    return dict(measure="PROPORTION", value=float(value_text.rstrip("%")) / 100, intervention=arm, outcome=outcome,
                value_text=value_text, events=None, total=None, finder="proportion", evidence=evidence)


def _count_cell(count: int, total: int, arm: str, label: str) -> dict:
    return dict(measure="PROPORTION", value=count / total, intervention=arm, outcome=label, value_text=str(count),
                events=count, total=total, finder="table", evidence=f"| {label} | {count} | 9 |")


def test_a_percentage_repeating_a_tables_bare_count_is_the_tables():
    from evidence_review.extract.table_reader import without_repeats
    said = "The full remission (FR) rate was higher in group II (85%) than in group I (60%)."
    sentences = [_share_row("85%", "zinc", said), _share_row("60%", "placebo", said)]
    tables = [_count_cell(17, 20, "zinc", "FR"), _count_cell(12, 20, "placebo", "FR")]
    assert without_repeats(sentences, tables) == []
    # the label's words in the sentence name the row as well
    worded = [_count_cell(17, 20, "zinc", "Full remission")]
    assert without_repeats([_share_row("85%", "zinc", said)], worded) == []


def test_a_percentage_of_another_row_arm_or_precision_is_kept():
    from evidence_review.extract.table_reader import without_repeats
    said = "Nephrolithiasis (4.22% and 5.47%) was among the causes in groups I and II."
    # 3 of 71 is 4.225%: not the "4.22%" the sentence prints, though the row is the one the sentence names
    kept = [_share_row("4.22%", "placebo", said, outcome="nephrolithiasis")]
    assert without_repeats(kept, [_count_cell(3, 71, "placebo", "Nephrolithiasis")]) == kept
    assert without_repeats(kept, [_count_cell(3, 71, "placebo", "Headache")]) == kept
    # printed to the whole percent, 3 of 71 is "4%"
    assert without_repeats([_share_row("4%", "placebo", said)], [_count_cell(3, 71, "placebo", "Nephrolithiasis")]) == []
    # the same share of the other arm, or of a row the sentence does not name, is another number
    other = [_share_row("85%", "zinc", "The full remission rate was 85% with zinc.")]
    assert without_repeats(other, [_count_cell(17, 20, "placebo", "Full remission")]) == other
    assert without_repeats(other, [_count_cell(17, 20, "zinc", "Nausea")]) == other


# ------------------------------------------------------------- "Group I (Study group)": the document's label of a code
_LABELLED = [_arm("group I", "group i", "group i"), _arm("group II", "group ii", "group ii")]


def test_a_label_the_document_gives_a_code_names_that_arm():
    scan = ("| | Group I (Study group) | Group II (Control group) | P | Pain in the study group was 3.1 compared with 5.2 "
            "in the control group.")
    named = [(t, c) for t, c in _named(scan, _LABELLED) if "group" in t.lower() and not t[-1].isupper()]
    assert named == [("study group", "group i"), ("control group", "group ii")]


def test_a_label_given_to_two_codes_or_to_no_code_names_nothing():
    twice = "Group I (Study group) and Group II (Study group) were alike; in the study group pain fell."
    assert ("study group", "group i") not in _named(twice, _LABELLED)
    unlabelled = "Group I and Group II were alike; in the study group pain fell."
    assert [t for t, _ in _named(unlabelled, _LABELLED)] == ["Group I", "Group II"]


def test_the_study_and_control_groups_of_coded_arms_resolve_in_the_sentence_reader():
    from evidence_review.extract.core import _with_study_arms
    from evidence_review.extract.lexicon import find_drugs
    arms = [_arm("group I", "group i", "group i"), _arm("group II", "group ii", "group ii")]
    arms[0].role, arms[1].role = "other", "control"
    scan = ("Table 1. | | Group I (Study group) | Group II (Control group) | P-value | Results: The mean pain at 2 hours "
            "in the study group was 3.82 compared with 5.64 in the control group.")
    found = [(scan[m.start:m.end], m.canonical) for m in _with_study_arms(scan, find_drugs(scan), SimpleNamespace(arms=arms))
             if m.start > scan.index("Results")]
    assert found == [("study group", "group i"), ("control group", "group ii")]
