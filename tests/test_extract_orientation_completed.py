"""Arms of a comparative estimate completed from the study model (orientation.completed_arms), as a reviewer would."""
from types import SimpleNamespace

from evidence_review.extract.core import extract_document
from evidence_review.extract.orientation import completed_arms
from evidence_review.extract.study import control_canonical


def _is_control(name: str) -> bool:
    return bool(control_canonical(name))


TWO = (("zinforatide", "experimental"), ("placebo", "control"))
THREE = (("zinforatide 10 mg", "experimental"), ("zinforatide 20 mg", "experimental"), ("placebo", "control"))


def test_two_arm_study_fills_the_empty_comparator():
    assert completed_arms("zinforatide", "", TWO, _is_control) == ("zinforatide", "placebo")


def test_two_arm_study_fills_the_empty_intervention():
    assert completed_arms("", "placebo", TWO, _is_control) == ("zinforatide", "placebo")


def test_control_alone_goes_to_the_comparator_side():
    assert completed_arms("placebo", "", TWO, _is_control) == ("zinforatide", "placebo")
    usual = (("home visits", "experimental"), ("usual care", "control"))
    assert completed_arms("usual care", "", usual, _is_control) == ("home visits", "usual care")


def test_control_alone_in_a_multi_arm_study_gets_no_invented_treatment():
    assert completed_arms("placebo", "", THREE, _is_control) == ("", "placebo")


def test_multi_arm_study_keeps_an_empty_side():
    assert completed_arms("zinforatide 10 mg", "", THREE, _is_control) == ("zinforatide 10 mg", "")


def test_a_non_arm_name_is_replaced_in_a_two_arm_study_that_the_sentence_does_not_name():
    # an outcome's words on the intervention side, the control on the other
    assert completed_arms("wound infection", "placebo", TWO, _is_control) == ("zinforatide", "placebo")
    # both sides no arm at all ("reference")
    assert completed_arms("wound infection", "reference", TWO, _is_control) == ("zinforatide", "placebo")


def test_a_non_arm_name_is_kept_when_the_sentence_names_an_arm_or_the_study_has_more_arms():
    assert completed_arms("wound infection", "placebo", TWO, _is_control, frozenset({"zinforatide"})) \
        == ("wound infection", "placebo")
    assert completed_arms("wound infection", "placebo", THREE, _is_control) == ("wound infection", "placebo")


def test_an_arm_sharing_a_word_with_a_model_arm_is_not_replaced():
    assert completed_arms("early zinforatide", "placebo", TWO, _is_control) == ("early zinforatide", "placebo")


def test_the_order_the_words_state_wins():
    assert completed_arms("placebo", "", TWO, _is_control, said=("placebo", "zinforatide")) == ("placebo", "zinforatide")


def _study(*arms):
    return SimpleNamespace(arms=[SimpleNamespace(name=n, canonical=n, n=None, role=r, start=0, end=0) for n, r in arms],
                           design="randomized controlled trial")


def _comparative(rows):
    return [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] in ("OR", "RR", "HR", "MD")]


def test_sentence_in_a_two_arm_abstract_compares_the_named_arm_with_the_other():
    text = ("Methods: 240 adults were randomized to a telephone coaching programme or usual care. "
            "Results: At 12 months, patients in the telephone coaching group had lower odds of readmission "
            "(OR 0.61, 95% CI 0.42 to 0.88).")
    study = _study(("telephone coaching", "experimental"), ("usual care", "control"))
    rows = [r for r in _comparative(extract_document("d1", text, study=study)) if r[0] == "OR"]
    assert rows and rows[0][2:] == ("telephone coaching", "usual care")


def test_sentence_compared_with_control_names_only_the_control():
    text = ("Methods: Children were randomized to a school garden programme or control. "
            "Results: Compared with control, the risk of anaemia was lower (RR 0.72, 95% CI 0.55 to 0.94).")
    study = _study(("school garden programme", "experimental"), ("control", "control"))
    rows = [r for r in _comparative(extract_document("d2", text, study=study)) if r[0] == "RR"]
    assert rows and rows[0][2:] == ("school garden programme", "control")


# ---------------------------------------------------------------- an arm abbreviation defined after a drug inside the arm's name

def _abbreviated_rows(allocation: str, result: str) -> list[tuple]:
    from evidence_review.extract import extract_document
    from evidence_review.extract.study import build_study
    text = ("Methods: In a double-masked randomized trial, children 1-3 years of age were randomly allocated to receive "
            f"either {allocation}. Children were followed up for 1 year.\nResults: {result}")
    return [(r["measure"], r["value"], r["intervention"], r["comparator"])
            for r in extract_document("doc", text, "doc.txt", study=build_study("doc", text))]


def test_an_abbreviation_defined_after_a_drug_inside_a_longer_arm_names_the_whole_arm():
    # "(YP; n = 198)" follows the probiotic's name, but YP is the fortified yogurt, the study model's arm
    rows = _abbreviated_rows(
        "control yogurt (Co; n = 200) or the same yogurt fortified with 1.5 g/day of inulin and 10^9 c.f.u./day of "
        "probiotic Lactobacillus rhamnosus GG (YP; n = 198)",
        "Compared to children in Co group, children in YP group had 18% (95% CI: 6 to 28%, p = 0.003) reduction in "
        "days with fever.")
    assert rows == [("RRR", 0.18, "yogurt fortified with inulin and probiotic lactobacillus rhamnosus gg", "control")]


def test_an_abbreviation_defined_by_the_whole_arm_name_stays_that_arm():
    rows = _abbreviated_rows(
        "placebo (PL; n = 200) or probiotic Lactobacillus rhamnosus GG (LG; n = 198)",
        "Compared to children in PL group, children in LG group had 18% (95% CI: 6 to 28%, p = 0.003) reduction in "
        "days with fever.")
    assert [r[2] for r in rows if r[0] == "RRR"] == ["lactobacillus rhamnosus gg"]
