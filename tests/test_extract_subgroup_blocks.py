"""Parts of the population a table prints in blocks of rows: a block of the same arms under a header row of its own
with the block's sizes and a stub naming the block's people (subgroups.block_subgroups), and the people a category
row names on its own under a measure's heading row ("All / Women / Men" under "Body weight", subgroups.people_category),
which a baseline table's means keep as their subgroup. Tables are written for these tests in the shapes reports use,
with other names, numbers and fields."""
from __future__ import annotations

import pandas as pd
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.subgroups import block_subgroups, people_category


def rows_of(text: str, header_line: str, caption: str, header_rows: int) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- blocks with their own header rows and sizes

BLOCKS = """Adults undergoing knee surgery were randomised to group X (n = 40) or group Y (n = 38).
Table 3. Postoperative delirium in patients with or without diabetes
| Patients with diabetes | Group X (n = 12) | Group Y (n = 14) | P |
| Delirium | 5 (42) | 3 (21) | 0.41 |
| Agitation | 2 (17) | 1 (7) | 0.58 |
| Patients without diabetes | Group X (n = 28) | Group Y (n = 24) | P |
| Delirium | 6 (21) | 4 (17) | 0.74 |
| Agitation | 3 (11) | 2 (8) | 0.99 |
"""


def _arm(text: str) -> bool:
    return text.strip().lower().startswith(("group x", "group y"))


def test_each_block_of_the_arms_under_its_own_sized_header_row_is_its_stub_s_part_of_the_patients():
    table = pipe_table(BLOCKS, BLOCKS.split("\n")[2], caption="Table 3.", header_rows=1)
    blocks = block_subgroups(table, _arm)
    assert blocks[1] == blocks[2] == "patients with diabetes"
    assert blocks[4] == blocks[5] == "patients without diabetes"
    assert 0 not in blocks and 3 not in blocks          # the header rows hold no figure


def test_the_figures_of_a_block_carry_its_subgroup_and_its_sizes():
    rows = [r for r in rows_of(BLOCKS, BLOCKS.split("\n")[2], "Table 3. Postoperative delirium in patients with or "
                               "without diabetes", 1) if r["measure"] == "PROPORTION"]
    by_events = {(r["events"], r["total"]): r for r in rows}
    assert normalize_label(by_events[(5, 12)]["subgroup"]) == normalize_label("patients with diabetes"), rows
    assert normalize_label(by_events[(4, 24)]["subgroup"]) == normalize_label("patients without diabetes"), rows


def test_a_per_protocol_block_is_spelled_and_the_intention_to_treat_block_is_the_whole_trial():
    text = """Table 2. Outcomes
| ITT | Group X (n = 40) | Group Y (n = 38) | P |
| Fever | 8 (20) | 9 (24) | 0.79 |
| PP | Group X (n = 35) | Group Y (n = 31) | P |
| Fever | 6 (17) | 8 (26) | 0.38 |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 2.", header_rows=1)
    assert block_subgroups(table, _arm) == {3: "per-protocol"}


def test_one_header_row_or_header_rows_without_sizes_or_arms_make_no_blocks():
    one = """Table 2. Adverse events
| Patients with adverse events | Group X (n = 40) | Group Y (n = 38) |
| Nausea | 8 (20) | 9 (24) |
| Rash | 2 (5) | 1 (3) |
"""
    table = pipe_table(one, one.split("\n")[1], caption="Table 2.", header_rows=1)
    assert block_subgroups(table, _arm) == {}
    unsized = """Table 2. Outcomes
| Women | Group X | Group Y |
| Fever | 8 (20) | 9 (24) |
| Men | Group X | Group Y |
| Fever | 6 (17) | 8 (26) |
"""
    table = pipe_table(unsized, unsized.split("\n")[1], caption="Table 2.", header_rows=1)
    assert block_subgroups(table, _arm) == {}
    # repeated sized headers whose cells are no arm of the study (time columns) are no blocks of the arms
    assert block_subgroups(pipe_table(BLOCKS, BLOCKS.split("\n")[2], caption="Table 3.", header_rows=1),
                           lambda text: False) == {}


# ---------------------------------------------------------------- people a category row names on its own

def test_a_category_naming_people_is_their_subgroup_a_bound_or_a_measure_s_condition_is_not():
    assert people_category("Body weight, kg", "Women") == "women"
    assert people_category("Grip strength", "Non-smokers") == "non-smokers"
    assert people_category("Age (years)", "< 50") == ""
    assert people_category("Pain", "At rest") == ""
    assert people_category("Body weight, kg", "All") == ""


SEX_BLOCKS = """Healthy adults were randomised to metformin or placebo for eight weeks.
Table 1. Characteristics at baseline
| | Placebo | Metformin |
| Waist, cm | | |
| All | 88.2 ± 9.1 | 87.5 ± 8.8 |
| Women | 81.0 ± 6.3 | 80.2 ± 7.0 |
| Men | 95.1 ± 7.7 | 94.4 ± 6.9 |
| Resting heart rate, bpm | | |
| All | 66.0 ± 8.2 | 65.1 ± 7.4 |
| Women | 68.3 ± 7.9 | 67.0 ± 8.1 |
| Men | 63.6 ± 7.5 | 63.3 ± 6.2 |
"""


def test_a_baseline_table_s_means_of_each_sex_under_a_measure_carry_the_sex():
    rows = [r for r in rows_of(SEX_BLOCKS, SEX_BLOCKS.split("\n")[2], "Table 1. Characteristics at baseline", 1)
            if r["measure"] == "MEAN"]
    by_value = {r["value"]: r for r in rows}
    assert by_value[81.0]["subgroup"] == "women", rows
    assert by_value[94.4]["subgroup"] == "men", rows
    assert by_value[67.0]["subgroup"] == "women", rows
    assert not by_value[88.2]["subgroup"], rows       # "All" is the whole arm
    assert by_value[81.0]["role"] == "baseline", rows
