"""The synthesis's shortcuts for repeated work give exactly what the work itself gives."""
import math

import pandas as pd
from scipy import stats

from evidence_review.synthesis.cells import _exact_key, build_members
from evidence_review.synthesis.pool import _exact_proportion_ci


def test_exact_key_tells_apart_what_could_give_other_bytes():
    nan = float("nan")
    assert _exact_key((nan, "HR")) == _exact_key((float("nan"), "HR"))  # NaN finds its own entry
    assert _exact_key((0.0,)) != _exact_key((-0.0,))  # a negated zero is written "-0.0"
    assert _exact_key((1,)) != _exact_key((1.0,))
    assert _exact_key(("0.5",)) != _exact_key((0.5,))
    assert _exact_key((None,)) != _exact_key((nan,))


def test_exact_proportion_ci_is_scipys_clopper_pearson():
    for events, total in [(0, 12), (3, 40), (40, 40), (17, 250)]:
        expected = stats.binomtest(events, total).proportion_ci(0.95, "exact")
        assert _exact_proportion_ci(events, total, 0.95) == (expected.low, expected.high)
    assert _exact_proportion_ci(3, 40, 0.9) != _exact_proportion_ci(3, 40, 0.95)  # the level is part of the key


def test_repeated_numbers_give_the_same_members_as_distinct_ones():
    """Two estimates with the same numbers share one effect-size computation; each row still gets its own values,
    and an estimate with other numbers (a negative zero, a missing limit) its own."""
    base = {"measure": "MD", "value": -0.0, "ci_low": -1.5, "ci_high": 1.5, "ci_level": 0.95, "p_value": math.nan,
            "events": math.nan, "total": math.nan, "p_text": "", "condition": "asthma", "outcome": "fev1",
            "intervention": "drug a", "comparator": "placebo", "timepoint": "12 weeks"}
    rows = [dict(base, estimate_id=f"e{i}", doc_id=f"d{i}") for i in range(3)]
    rows[1]["value"] = 0.0
    rows[2]["ci_low"] = math.nan
    members = build_members(pd.DataFrame(rows), None).set_index("estimate_id")
    assert str(members.loc["e0", "yi"]) == "-0.0" and str(members.loc["e1", "yi"]) == "0.0"
    assert members.loc["e0", "vi"] == members.loc["e1", "vi"] > 0
    assert members.loc["e2", "variance_source"] != members.loc["e0", "variance_source"]
