"""Arms as rows, each outcome a heading row spanning the table, and each time a header over statistic columns of its
own ("Baseline (n = 40)" over "n | Mean | S.D. | P"): one MEAN per arm, outcome and time, its SD and n from the
columns beside it; the time headers are no arms; the "treatment effect" columns are no arm's figure. The heading row
may come as the last row of the markup's header (ingestion makes it a body row: tests/test_ingest_section_header_row.py)."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_tables

_WIDTH = 12
_HEADER = ("| Variable | Baseline (n = 40) | Baseline (n = 40) | Baseline (n = 40) | Baseline (n = 40) | 8-weeks follow-up (n = 40)"
           " | 8-weeks follow-up (n = 40) | 8-weeks follow-up (n = 40) | 8-weeks follow-up (n = 40) | Absolute treatment effect"
           " | Absolute treatment effect | Absolute treatment effect |")
_SUB = "| Variable | n | Mean | S.D. | P | n | Mean | S.D. | P | Mean | 95%CI | P |"


def _spanning(text: str) -> str:
    return "| " + " | ".join([text] * _WIDTH) + " |"


def _rows(methods: str, treated: str):
    table1 = "| Characteristics | Placebo (n = 40) | Intervention (n = 40) |"
    caption = f"Table 3. Serum markers at baseline and 8 weeks after the intervention in the {treated} group versus placebo (control)."
    body = "\n".join([_spanning("Insulin (U/mL)"),
                      "| Control | 39 | 0.41 | 0.35 | N/A | 39 | 0.52* | 0.19 | N/A | N/A | N/A | N/A |",
                      f"| {treated} | 36 | 0.47 | 0.44 | 0.11 | 36 | 0.55* | 0.21 | 0.64 | 0.12 | (-0.07-0.29) | 0.31 |",
                      _spanning("C-peptide (ng/mL)"),
                      "| Control | 40 | 2.31 | 1.02 | N/A | 40 | 2.88* | 1.17 | N/A | N/A | N/A | N/A |",
                      f"| {treated} | 40 | 2.61 | 1.15 | 0.21 | 40 | 3.37* | 1.41 | 0.18 | -0.13 | (-0.60-0.35) | 0.12 |"])
    text = (f"{methods}\nTable 1. Characteristics\n{table1}\n| Age | 41.2 ± 7.1 | 40.8 ± 6.9 |\n"
            f"{caption}\n{_HEADER}\n{_SUB}\n{body}\n")
    structure = {"tables": [pipe_table(text, table1, table_id="T1", caption="Table 1. Characteristics"),
                            pipe_table(text, _HEADER, table_id="T3", caption=caption, header_rows=2)]}
    study = build_study("d", text, structure)
    rows, _ = read_tables("d", text, structure, study)
    return study, [r for r in rows if r["outcome"] != "Age"]


@pytest.mark.parametrize("methods, treated", [
    ("Women were randomly assigned to Nigella sativa (NS) oil (n = 40) or placebo (n = 40).", "NS"),
    # the short name defined for the words an arm's name begins with ("Nigella sativa (NS)" of "Nigella sativa oil")
    ("We studied the effect of Nigella sativa (NS) on insulin. Women were randomly assigned to Nigella sativa oil "
     "(n = 40) or placebo (n = 40).", "NS"),
])
def test_arm_rows_with_each_times_statistics_in_columns_of_their_own(methods, treated):
    study, rows = _rows(methods, treated)
    assert sorted(a.n for a in study.arms) == [40, 40] and not any("follow" in a.name.lower() for a in study.arms)
    means = sorted((str(r["intervention"]).lower(), r["outcome"], r["timepoint"], r["value"], r["sd"], r["total"])
                   for r in rows if r["measure"] == "MEAN")
    assert means == [
        ("nigella sativa oil", "C-peptide (ng/mL)", "8-weeks", 3.37, 1.41, 40),
        ("nigella sativa oil", "C-peptide (ng/mL)", "baseline", 2.61, 1.15, 40),
        ("nigella sativa oil", "Insulin (U/mL)", "8-weeks", 0.55, 0.21, 36),
        ("nigella sativa oil", "Insulin (U/mL)", "baseline", 0.47, 0.44, 36),
        ("placebo", "C-peptide (ng/mL)", "8-weeks", 2.88, 1.17, 40),
        ("placebo", "C-peptide (ng/mL)", "baseline", 2.31, 1.02, 40),
        ("placebo", "Insulin (U/mL)", "8-weeks", 0.52, 0.19, 39),
        ("placebo", "Insulin (U/mL)", "baseline", 0.41, 0.35, 39),
    ], means


def test_a_short_name_defined_for_the_words_an_arms_name_begins_with_names_that_arm():
    # "Berberis vulgaris (BV)" defined in the aims, the arm allocated as "Berberis vulgaris juice": "BV" in a table's
    # row or column is that arm (table_arms.abbreviated_arm)
    from evidence_review.extract.table_arms import abbreviated_arm
    text = ("We studied the effect of Berberis vulgaris (BV) on insulin. Women were randomly assigned to Berberis "
            "vulgaris juice (n = 40) or placebo juice (n = 40).\n")
    study = build_study("d", text, {})
    arm = abbreviated_arm("BV", study, text)
    assert arm is not None and arm.name == "Berberis vulgaris juice"
    assert abbreviated_arm("BV", study, text.replace("Berberis vulgaris (BV)", "Berberis (BV)")) is None


@pytest.mark.parametrize("first", ["Minimum", "Min"])
def test_arm_rows_each_over_its_statistics_as_rows(first):
    # "| NFB | | | 0.001 |" over "Minimum | 2 | 0", "Maximum", "Mean", "SD" under "Pretest | Post-test | P Value": one
    # MEAN with its SD (and range) per arm and time, never the mean row without the SD row under it
    from table_grids import read_pipe_table
    methods = "Patients were randomly assigned to neurofeedback (NFB), TENS or a control group (n = 15 each).\n"
    caption = "Table 2. Pretest and post-test scores of pain frequency in each group"
    header = "| Group | Pretest | Post-test | P Value |"
    blocks = [("NFB", "0.002", ("3", "1"), ("9", "6"), ("4.10", "2.70"), ("1.811", "1.702")),
              ("TENS", "0.004", ("2", "2"), ("11", "8"), ("5.42", "3.38"), ("2.105", "1.644")),
              ("Control", "0.512", ("1", "1"), ("9", "9"), ("4.55", "4.47"), ("1.702", "1.561"))]
    body = "\n".join(f"| {arm} | | | {p} |\n| {first} | {lo[0]} | {lo[1]} | |\n| Maximum | {hi[0]} | {hi[1]} | |\n"
                     f"| Mean | {m[0]} | {m[1]} | |\n| SD | {sd[0]} | {sd[1]} | |" for arm, p, lo, hi, m, sd in blocks)
    text = f"{methods}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=1)[1] or []
    means = sorted((str(r["intervention"]).lower(), r["timepoint"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("control", "post-test", 4.47, 1.561), ("control", "pretest", 4.55, 1.702),
                     ("neurofeedback", "post-test", 2.7, 1.702), ("neurofeedback", "pretest", 4.1, 1.811),
                     ("tens", "post-test", 3.38, 1.644), ("tens", "pretest", 5.42, 2.105)], means


def test_arm_rows_with_the_measure_in_a_second_column_and_dose_arms_sized_in_the_stub():
    # "Placebo (n = 10) | MPOD | 0.527 ± 0.213 | ..." and "12 mg (n = 24) | MPOD | ..." under "Group | Measure |
    # Baseline | 6 months": each row one arm's measure (the second column) at each column's time; a dose printed with
    # its own size is a dose arm
    from table_grids import read_pipe_table
    methods = "Subjects were randomly assigned to lutein 12 mg, lutein 24 mg or placebo for 12 months.\n"
    caption = "Table 2. Data for main effects at each measurement point in the trial, by group"
    header = "| Group | Measure | Baseline | 6 months |"
    body = "\n".join(f"| {arm} | {measure} | {a} | {b} |" for arm, rows in (
        ("Placebo (n = 11)", (("MPOD", "0.521 ± 0.211", "0.552 ± 0.220"), ("Glare score", "87.10 ± 57.32", "89.45 ± 56.90"))),
        ("12 mg (n = 23)", (("MPOD", "0.492 ± 0.244", "0.581 ± 0.262*"), ("Glare score", "85.33 ± 54.18", "111.92 ± 59.70*"))))
        for measure, a, b in rows)
    text = f"{methods}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=1)[1] or []
    means = sorted((r["outcome"], r["timepoint"], r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("Glare score", "6 months", 89.45, 56.9, 11), ("Glare score", "6 months", 111.92, 59.7, 23),
                     ("Glare score", "baseline", 85.33, 54.18, 23), ("Glare score", "baseline", 87.1, 57.32, 11),
                     ("MPOD", "6 months", 0.552, 0.22, 11), ("MPOD", "6 months", 0.581, 0.262, 23),
                     ("MPOD", "baseline", 0.492, 0.244, 23), ("MPOD", "baseline", 0.521, 0.211, 11)], means
