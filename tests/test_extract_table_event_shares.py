"""An adverse events table whose shares are of the events each arm's column lists, not of its patients ("1 (20%)"
of the 5 events listed in an arm of 72): the counts stay of the arm's patients (table_sizes.shares_of_listed_events,
read by the table reader where a model's size meets shares of a smaller number). Grids written as strings shaped
like a trial's adverse events table (names and numbers changed)."""
from __future__ import annotations

from table_grids import read_pipe_table
from evidence_review.extract.table_sizes import shares_of_listed_events

METHODS = ("A total of 144 patients were randomly assigned to the herbal decoction group (HD group, n = 72) or the "
           "donepezil group (DP group, n = 72).\n")


def _totals(caption: str, body: str) -> dict[tuple[str, int], int]:
    header = "| | HD n(%) | DP n (%) |"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    return {(str(r["outcome"]).lower(), r["events"]): r["total"] for r in rows or []
            if r["measure"] == "PROPORTION" and r["events"]}


BODY = ("| Nausea | 0 (0%) | 2 (33.33%) |\n| Headache | 1 (20%) | 1 (16.67%) |\n| Dizziness | 1 (20%) | 1 (16.67%) |\n"
        "| Rash | 1 (20%) | 1 (16.67%) |\n| Fatigue | 1 (20%) | 0 (0%) |\n| Constipation | 1 (20%) | 0 (0%) |\n"
        "| Insomnia | 0 (0%) | 1 (16.67%) |")


def test_shares_of_the_events_an_adverse_events_column_lists_keep_the_arms_size():
    totals = _totals("Table 4. Reported adverse events.", BODY)
    assert totals and set(totals.values()) == {72}


def test_shares_adding_up_to_a_number_near_the_arms_size_are_of_patients():
    # (worst grade of 70 patients analysed in an arm of 72: a division of the arm's patients)
    assert not shares_of_listed_events([(40, "57.1"), (20, "28.6"), (10, "14.3")], 72)
    assert shares_of_listed_events([(0, "0"), (1, "20"), (1, "20"), (1, "20"), (2, "40")], 72)


def test_shares_not_adding_up_to_the_column_are_no_shares_of_its_events():
    assert not shares_of_listed_events([(1, "20"), (1, "20"), (1, "20")], 72)
