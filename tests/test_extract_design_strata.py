"""Tables that are not the arms: columns comparing patients with and without an outcome inside each arm ("Treatment"
over "Recurrence | No recurrence | P", "Control" over the same) are strata of the arms, so the study model makes no
arm of them (`study.within_arm_strata`). Tables written for these
tests (other drugs, outcomes, numbers), with negatives: arms over answers with one p-value for the arms, arms over
times."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.study import header_parts, within_arm_strata

_METHODS = ("Methods\nIn this randomized trial, 90 adults with gout were randomly assigned to colchicine (n = 45) or "
            "naproxen (n = 45).\nResults\n")


def _rows(text: str, header: str, header_rows: int = 2):
    study, rows = read_pipe_table(text, header, header_rows=header_rows)
    return study, [(r["measure"], r["value"], r.get("total"), r["intervention"], r["outcome"]) for r in rows or []]


def test_strata_with_and_without_an_outcome_inside_each_arm_are_no_arms():
    header = "| Characteristic | Colchicine | | | Naproxen | | |"
    text = (_METHODS + "Table 4. Characteristics by flare within each group\n" + header +
            "\n| | Flare (n = 9) | No flare (n = 36) | P | Flare (n = 17) | No flare (n = 28) | P |"
            "\n| Age, years | 58.2 ± 7.7 | 55.0 ± 9.1 | 0.31 | 60.4 ± 8.0 | 54.9 ± 8.6 | 0.04 |"
            "\n| Diabetes, n (%) | 4 (44.4) | 7 (19.4) | 0.19 | 8 (47.1) | 5 (17.9) | 0.05 |\n")
    study, _ = _rows(text, header)
    assert sorted(a.canonical for a in study.arms) == ["colchicine", "naproxen"]
    assert within_arm_strata(header_parts(pipe_table(text, header, header_rows=2))) == {1, 2, 3, 4, 5, 6}


def test_responders_and_non_responders_under_role_headers_repeated_in_each_cell():
    header = "| Variable | Treatment | Treatment | Treatment | Control | Control | Control |"
    text = (_METHODS + "Table 3. Predictors of response\n" + header +
            "\n| | Responders | Non-responders | p | Responders | Non-responders | p |"
            "\n| Uric acid, mg/dL | 8.1 (1.2) | 8.9 (1.4) | 0.02 | 8.3 (1.1) | 8.6 (1.5) | 0.4 |\n")
    assert within_arm_strata(header_parts(pipe_table(text, header, header_rows=2))) == {1, 2, 3, 4, 5, 6}
    assert sorted(a.canonical for a in _rows(text, header)[0].arms) == ["colchicine", "naproxen"]


def test_one_group_split_by_role_is_the_arms():
    # "Groups" over "Case group | Control group | P": the trial's arms named by role, one group only
    header = "| Variable | Groups | Groups | Groups |"
    text = _METHODS + header + "\n| | Case group (n = 45) | Control group (n = 45) | P |\n| Age, years | 51.0 ± 8.1 | 52.2 ± 7.9 | 0.5 |\n"
    assert within_arm_strata(header_parts(pipe_table(text, header, header_rows=2))) == set()


def test_arms_over_answers_with_one_p_value_for_the_arms_are_read():
    # the p-value compares the arms, under neither of them: the columns are the arms' answers
    header = "| Question | Colchicine | | Naproxen | | |"
    parts = header_parts(pipe_table(_METHODS + header + "\n| | Yes | No | Yes | No | P |\n| Satisfied | 30 | 15 | 21 | 24 | 0.05 |\n",
                                    header, header_rows=2))
    assert within_arm_strata(parts) == set()


def test_arms_over_times_are_no_strata():
    header = "| Outcome | Colchicine | | | Naproxen | | |"
    text = (_METHODS + "Table 2. Pain score\n" + header + "\n| | Baseline | Day 7 | P | Baseline | Day 7 | P |"
            "\n| Pain, VAS | 7.1 ± 1.0 | 2.2 ± 1.1 | <0.001 | 7.0 ± 1.2 | 2.9 ± 1.3 | <0.001 |\n")
    assert within_arm_strata(header_parts(pipe_table(text, header, header_rows=2))) == set()
    _, rows = _rows(text, header)
    assert ("MEAN", 2.2, 45, "colchicine", "Pain") in {r[:4] + (r[4].split(",")[0],) for r in rows}
