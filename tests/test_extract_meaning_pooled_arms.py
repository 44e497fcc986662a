"""A one-arm figure printed for the pooled dose arms of one drug ("in the pooled X group", "in the X groups",
"in both X groups") takes the drug as its arm rather than none. Texts written for these tests."""
from __future__ import annotations

import pandas as pd
import pytest

from evidence_review.extract import extract_estimates


def _rows(text: str) -> pd.DataFrame:
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": "heart failure", "design": "RCT"}])
    return extract_estimates(documents, {"d1": text})


@pytest.mark.parametrize("where", ["in the pooled dapagliflozin group", "in the combined dapagliflozin groups",
                                   "in both dapagliflozin groups"])
def test_a_count_of_the_pooled_dose_arms_names_the_drug(where):
    text = ("Methods: Patients were randomly assigned to dapagliflozin 5 mg, dapagliflozin 10 mg or placebo once "
            "daily.\nResults: The primary outcome occurred in 310 of 3510 patients (8.8%) " + where + " and in 198 of 1755 "
            "patients (11.3%) in the placebo group.")
    rows = _rows(text)
    pooled = rows[(rows["measure"] == "PROPORTION") & (rows["events"] == 310)]
    assert len(pooled) == 1
    assert pooled.iloc[0]["intervention"] == "dapagliflozin"


def test_a_count_of_one_dose_arm_is_not_the_pooled_drug():
    text = ("Methods: Patients were randomly assigned to dapagliflozin 5 mg, dapagliflozin 10 mg or placebo once "
            "daily.\nResults: The primary outcome occurred in 150 of 1755 patients (8.5%) in the dapagliflozin 10 mg group "
            "and in 198 of 1755 patients (11.3%) in the placebo group.")
    rows = _rows(text)
    one = rows[(rows["measure"] == "PROPORTION") & (rows["events"] == 150)]
    assert len(one) == 1
    assert one.iloc[0]["intervention"] == "dapagliflozin 10 mg"
