"""Numbered groups the study model does not name, each spanning its count and share columns ("Group 1" over "n |
(%)"): the document's groups of those codes (table_reader._coded_header), each row's count with its share read as one
cell; a block heading "GP characteristics (N) | 18 | | 17 |" gives the sizes of the rows under it
(table_reader._BLOCK_SIZE_LABEL), the share column left empty."""
from __future__ import annotations

from table_grids import read_pipe_table

_METHODS = ("Practices were randomised to three arms. GPs in the intervention arm (Group 1, n = 18 GPs) attended a "
            "workshop; Group 2 received only the printed guidelines, and Group 3 received an unrelated lecture.\n")


def test_counts_and_shares_in_columns_of_their_own_under_coded_groups():
    table = """| | Group 1 | Group 1 | Group 2 | Group 2 | Group 3 | Group 3 |
| | n | (%) | n | (%) | n | (%) |
| Practice characteristics (N) | 10 | | 9 | | 11 | |
| Solo practice | 3 | (30) | 4 | (44) | 5 | (45) |
| GP characteristics (N) | 18 | | 17 | | 15 | |
| Male GPs | 12 | (67) | 11 | (65) | 10 | (67) |
| Years in practice – Median (IQR) | 11 | (7, 16) | 15.5 | (10, 20) | 19 | (14, 25) |
"""
    text = _METHODS + "Table 1. Practices and GPs at baseline\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Practices and GPs at baseline",
                              header_rows=2)
    counts = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == sorted([(3, 10), (4, 9), (5, 11), (12, 18), (11, 17), (10, 15)])
    medians = sorted((r["value"], r["q1"], r["q3"], r["total"]) for r in rows if r["measure"] == "MEDIAN")
    assert medians == [(11.0, 7.0, 16.0, 18), (15.5, 10.0, 20.0, 17), (19.0, 14.0, 25.0, 15)]
    assert len({r["intervention"] for r in rows}) == 3


def test_a_zero_count_whose_share_is_left_blank_is_the_arms_zero():
    # (a row printing a count above zero without its share, "Missing | 1 | | 3 |", is no answer: its zeros neither,
    # test_extract_table_columns.test_product_span_over_count_and_share_columns_with_missing_rows)
    table = """| | Group 1 (N = 17) | Group 1 (N = 17) | Group 2 (N = 15) | Group 2 (N = 15) |
| Confidence | n | (%) | n | (%) |
| Very confident | 15 | (88.2) | 11 | (73.3) |
| Confident | 2 | (11.8) | 4 | (26.7) |
| Not confident at all | 0 | | 0 | |
"""
    text = _METHODS + "Table 4. GPs' confidence\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 4. GPs' confidence", header_rows=2)
    counts = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == sorted([(15, 17), (11, 15), (2, 17), (4, 15), (0, 17), (0, 15)])
