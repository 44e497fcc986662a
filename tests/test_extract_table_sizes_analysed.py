"""The analysed number of each arm where no header prints it and the study model gives the randomised: two
characteristics or more whose categories each add up to the same smaller numbers ("Male | 30 | 28" and "Female |
26 | 27", "Urban | 40 | 41" and "Rural | 16 | 14" under arms of 60) size the columns 56 and 55
(table_sizes.analysed_sizes_from_category_blocks); on tables written here, with negatives."""
from table_grids import read_pipe_table

from evidence_review.extract.table_sizes import analysed_sizes_from_category_blocks


def _block_rows(*blocks):
    rows = []
    for heading, categories in blocks:
        rows.append((heading, {}))
        rows += [(label, {1: a, 2: b}) for label, a, b in categories]
    return rows


def test_two_blocks_adding_up_to_fewer_than_randomised():
    rows = _block_rows(("Sex", [("Male", "30", "28"), ("Female", "26", "27")]),
                       ("Residence", [("Urban", "40", "41"), ("Rural", "16", "14")]))
    assert analysed_sizes_from_category_blocks(rows, {1: 60, 2: 60}) == {1: 56, 2: 55}


def test_a_row_after_a_block_is_no_category_of_it():
    # "Diabetes" under no heading of its own follows the "Residence" block: the block's first two rows still agree
    rows = _block_rows(("Sex", [("Male", "30", "28"), ("Female", "26", "27")]),
                       ("Residence", [("Urban", "40", "41"), ("Rural", "16", "14"), ("Diabetes", "12", "10")]))
    assert analysed_sizes_from_category_blocks(rows, {1: 60, 2: 60}) == {1: 56, 2: 55}


def test_no_analysed_size_without_two_blocks_agreeing():
    one = _block_rows(("Sex", [("Male", "30", "28"), ("Female", "26", "27")]))
    assert analysed_sizes_from_category_blocks(one, {1: 60, 2: 60}) == {}
    disagree = _block_rows(("Sex", [("Male", "30", "28"), ("Female", "26", "27")]),
                           ("Comorbidity", [("Diabetes", "12", "10"), ("Hypertension", "20", "25")]))
    assert analysed_sizes_from_category_blocks(disagree, {1: 60, 2: 60}) == {}
    # blocks adding up to the randomised: nothing to change
    whole = _block_rows(("Sex", [("Male", "30", "28"), ("Female", "30", "32")]),
                        ("Residence", [("Urban", "40", "41"), ("Rural", "20", "19")]))
    assert analysed_sizes_from_category_blocks(whole, {1: 60, 2: 60}) == {}
    # more than an arm's size: overlapping categories, no size
    over = _block_rows(("Sex", [("Male", "40", "38"), ("Female", "26", "27")]),
                       ("Residence", [("Urban", "50", "41"), ("Rural", "16", "24")]))
    assert analysed_sizes_from_category_blocks(over, {1: 60, 2: 60}) == {}


_TEXT = """Sixty patients were randomly assigned to each group: drug A (n = 60) or placebo (n = 60).
Table 1. Characteristics of the patients analysed
| Characteristic | {a} | {b} |
| Sex | | |
| Male | 30 | 28 |
| Female | 26 | 27 |
| Residence | | |
| Urban | 40 | 41 |
| Rural | 16 | 14 |
| Diabetes | 12 | 10 |
"""


def _props(a, b):
    text = _TEXT.format(a=a, b=b)
    _, rows = read_pipe_table(text, f"| Characteristic | {a} | {b} |", caption="Table 1. Characteristics of the patients analysed")
    return {(r["outcome"], r["intervention"]): (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}


def test_the_table_counts_of_the_analysed():
    rows = _props("Drug A", "Placebo")
    assert rows[("Sex: Male", "drug a")] == (30, 56)
    assert rows[("Sex: Female", "placebo")] == (27, 55)
    assert rows[("Residence: Diabetes", "drug a")] == (12, 56)


def test_sizes_the_headers_print_stand():
    rows = _props("Drug A (n = 60)", "Placebo (n = 60)")
    assert rows[("Sex: Male", "drug a")] == (30, 60)
