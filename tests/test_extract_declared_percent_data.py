"""A footnote naming the percent sign as the data ("Data: % except where mean ± SD", "Values are % unless stated"):
bare figures under the arms are shares of each arm, the "±" rows means (declared_formats' "pct")."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import declared_formats

_METHODS = "Women were randomly assigned to peer counselling (n = 80) or leaflets (n = 80).\n"


def test_the_percent_sign_named_as_the_data_declares_shares():
    assert declared_formats("Data: % except where mean \u00b1 SD.") == ("pct", "mean_sd")
    assert declared_formats("Values are % unless otherwise stated") == ("pct",)
    # a count with its share, or a share with its count, stays that format
    assert declared_formats("Data are n (%)") == ("n_pct",)
    assert declared_formats("Values are % (n)") == ("pct_n",)
    # a percent sign that is a unit of a variable declares nothing
    assert declared_formats("HbA1c, %") != ("pct",)
    assert "pct" not in declared_formats("Values are % change from baseline")
    assert "pct" not in declared_formats("Data are % of predicted, mean \u00b1 SD")


def test_bare_figures_under_a_percent_declaration_are_shares():
    table = """| Characteristic | Peer counselling (n = 80) | Leaflets (n = 80) |
| Age, years | 31.4 \u00b1 6.2 | 30.9 \u00b1 5.8 |
| Employed | 45.0 | 52.5 |
| Married | 30.0 | 27.5 |
"""
    text = (_METHODS + "Table 1. Baseline characteristics*\n" + table
            + "*Data: % except where mean \u00b1 SD.\n")
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Baseline characteristics*",
                              footnote="*Data: % except where mean \u00b1 SD.")
    shares = {(r["outcome"], r["intervention"]): (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert shares[("Employed", "peer counselling")] == (36, 80) and shares[("Married", "leaflets")] == (22, 80)
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert sorted((r["value"], r["sd"]) for r in means) == [(30.9, 5.8), (31.4, 6.2)]


def test_percentages_of_change_declare_no_shares():
    # "percentages changes", "percentage of change": each arm's change measured in per cent (a median or a mean), no
    # share of the arm; the caption's own format is the one it declares
    caption = ("Grip strength (kg). Baseline and percentages changes after 6 months of treatment with zinc or placebo "
               "(median with 25-75 % interquartile range")
    assert declared_formats(caption) == ("median_iqr",)
    assert "pct" not in declared_formats("*Percentages change between groups")
    assert "pct" not in declared_formats("Values are percentage of change from baseline")
    # shares stay shares
    assert declared_formats("Values are percentages") == ("pct",)
    assert declared_formats("Percentage of side effects reported") == ("pct",)
