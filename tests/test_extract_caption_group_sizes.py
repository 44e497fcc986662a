"""Which size an arm's counts are of when the table and the text give different ones (table_reader, study.py): a
caption's "(each group n = 80)" sizes every arm column its header leaves unsized, over the sizes the study model took
from the later assessment ("Group A, n = 71"); a count whose printed share fits none of those sizes but one the text
states for an arm ("44 (62.0)" of 71) is of that size, the share's arithmetic choosing it."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study, each_arm_size
from evidence_review.extract.table_reader import read_tables

_DOCUMENT = """Methods. Victims of envenoming were randomized into one of the three study arms. Group A received no
intervention, Group B received brief counselling at discharge and Group C received counselling and a second session one
month later.
Results. Of these, 213 (Group A, n = 71; Group B, n = 70; Group C, n = 72) completed the study and were assessed at six
months.
Table 1. Comparison of demographic characteristics of the study groups (each group n = 80).
| Variable | Group A | Group B | Group C | Significance |
| Age in years, Mean (SD) | 44.1 (13) | 42.6 (12.1) | 41.0 (12.8) | NS |
| Male (%) | 60 (75.0) | 62 (77.5) | 58 (72.5) | NS |
| Farming occupation (%) | 44 (62.0) | 45 (64.3) | 40 (55.6) | NS |
| Severe reactions to AVS | 06 | 05 | 09 | NS |
| Tissue necrosis | 02 | 00 | 01 | NS |
"""


def _rows():
    table = pipe_table(_DOCUMENT, "| Variable | Group A | Group B | Group C | Significance |", table_id="T1",
                       caption="Table 1. Comparison of demographic characteristics of the study groups (each group n = 80).")
    structure = {"tables": [table]}
    study = build_study("d", _DOCUMENT, structure)
    rows, _ = read_tables("d", _DOCUMENT, structure, study)
    # (the outcome's first word is enough here: which row the count is of)
    return {(r["outcome"].split()[0], r["events"]): r["total"] for r in rows if r["measure"] == "PROPORTION"}


def test_each_arm_size_reads_a_caption_s_size_of_every_group():
    assert each_arm_size("Characteristics of the study groups (each group n = 75).") == 75
    assert each_arm_size("Baseline data (each arm, N = 40)") == 40
    assert each_arm_size("randomized into one of the three study arms (n = 75 each).") == 75
    assert each_arm_size("Baseline characteristics (n = 40)") is None      # (the whole sample's, or one arm's)


def test_the_caption_s_size_of_each_group_is_the_denominator_of_bare_counts_and_shares():
    found = _rows()
    assert found[("Severe", 6)] == 80
    assert found[("Severe", 9)] == 80
    assert found[("Tissue", 2)] == 80
    assert found[("Male", 60)] == 80         # 75.0 % of 80, never of the 71 assessed later
    assert found[("Male", 62)] == 80


def test_a_share_that_fits_a_size_the_text_states_is_of_that_size():
    found = _rows()
    assert found[("Farming", 44)] == 71       # 62.0 % is 44 of 71, not of 80
    assert found[("Farming", 45)] == 70       # 64.3 % of 70
    assert found[("Farming", 40)] == 72       # 55.6 % of 72
