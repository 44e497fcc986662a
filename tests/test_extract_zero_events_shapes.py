"""The shapes of zero events in words that were separate registry rules until session 14, when they became one
reading (rules/zero_events.zero_events, registry `zero-events`): each former rule's example sentence must still give
exactly its rows. Sentences written for the rules (names and numbers are not any document's)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

# (former rule, what it read, example, expected rows)
SHAPES = [
    ('none-of',
     "'None of the 58 patients', 'No patients in the X group', 'No patient in either group'",
     'Patients were randomly assigned to rituximab (n=19) or placebo (n=19). No patient in either group developed a serious infection.',
     [{'measure': 'PROPORTION', 'value': 0.0, 'events': 0, 'total': 19, 'intervention': 'rituximab'}, {'measure': 'PROPORTION', 'value': 0.0, 'events': 0, 'total': 19, 'intervention': 'placebo'}]),
    ('none-of-an-arm',
     "zero events in one arm whose people the zero names with the arm: 'None of the 58 A patients developed X', 'none of the patients receiving B had X', 'No A-treated participant died' (over the printed number, else the arm's size; a verb of an event follows)",
     'Patients were randomly assigned to rituximab (n=30) or placebo (n=29). None of the 29 placebo patients developed neutropenia.',
     [{'measure': 'PROPORTION', 'value': 0.0, 'events': 0, 'total': 29, 'intervention': 'placebo'}]),
    ('none-in-any-group',
     "'None of the patients in any of the groups developed X': zero events in each arm; the verb says an outcome follows even when the lexicon does not know it",
     'Patients were randomly assigned to rituximab (n=25) or placebo (n=25). None of the patients in any of the groups developed deep vein thrombosis.',
     [{'measure': 'PROPORTION', 'value': 0.0, 'events': 0, 'total': 25, 'intervention': 'rituximab'}, {'measure': 'PROPORTION', 'value': 0.0, 'events': 0, 'total': 25, 'intervention': 'placebo'}]),
    ('none-in-either-group-listed',
     "'None of the patients in either group experienced any side effects including A, B, or C': zero events of each listed outcome in each arm (items split at commas: 'nausea and vomiting' is one outcome)",
     'Patients were randomly assigned to rituximab (n=32) or placebo (n=31). None of the patients in either group experienced any serious side effects including anaphylaxis, fever and chills, or neutropenia.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 32, 'intervention': 'rituximab', 'outcome': 'anaphylaxis'}, {'measure': 'PROPORTION', 'events': 0, 'total': 32, 'intervention': 'rituximab', 'outcome': 'fever and chills'}, {'measure': 'PROPORTION', 'events': 0, 'total': 32, 'intervention': 'rituximab', 'outcome': 'neutropenia'}, {'measure': 'PROPORTION', 'events': 0, 'total': 31, 'intervention': 'placebo', 'outcome': 'anaphylaxis'}, {'measure': 'PROPORTION', 'events': 0, 'total': 31, 'intervention': 'placebo', 'outcome': 'fever and chills'}, {'measure': 'PROPORTION', 'events': 0, 'total': 31, 'intervention': 'placebo', 'outcome': 'neutropenia'}]),
    ('no-events-sentence',
     "'There were no adverse events.', 'No serious adverse events occurred in either group.': a sentence saying no patient had the event, in a two-arm trial of known arm sizes: 0/n per arm",
     'Patients were randomly assigned to rituximab (n=21) or placebo (n=22). No serious adverse events occurred in either group.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 21, 'intervention': 'rituximab', 'outcome': 'serious adverse events'}, {'measure': 'PROPORTION', 'events': 0, 'total': 22, 'intervention': 'placebo', 'outcome': 'serious adverse events'}]),
    ('no-events-other-wordings',
     "the other ways a report says no patient had an event: 'No relevant complications (such as ...) were observed.', 'None of our patients experienced clinically significant adverse reactions.', '... and no serious complication has occurred.', 'No treatment-related or trial-related adverse events were reported in either group.', 'All the patients are alive' (no death): 0/n per arm of a two-arm trial of known sizes; an event placed in one arm ('in the A group') is that arm's zero, one placed elsewhere ('in previous studies') none",
     'Patients were randomly assigned to rituximab (n=36) or placebo (n=35). No relevant complications (such as bradycardia or hypotension) were seen during the infusion. None of our patients experienced clinically significant allergic reactions. All the patients were alive at one year and no serious complication has occurred. No drug-related or study-related adverse events were reported in either group. No complications were observed in the rituximab group. No serious adverse events were reported in earlier trials.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 36, 'intervention': 'rituximab', 'outcome': 'relevant complications'}, {'measure': 'PROPORTION', 'events': 0, 'total': 35, 'intervention': 'placebo', 'outcome': 'relevant complications'}, {'measure': 'PROPORTION', 'events': 0, 'total': 36, 'intervention': 'rituximab', 'outcome': 'clinically significant allergic reactions'}, {'measure': 'PROPORTION', 'events': 0, 'total': 35, 'intervention': 'placebo', 'outcome': 'clinically significant allergic reactions'}, {'measure': 'PROPORTION', 'events': 0, 'total': 36, 'intervention': 'rituximab', 'outcome': 'death'}, {'measure': 'PROPORTION', 'events': 0, 'total': 35, 'intervention': 'placebo', 'outcome': 'death'}, {'measure': 'PROPORTION', 'events': 0, 'total': 36, 'intervention': 'rituximab', 'outcome': 'serious complication'}, {'measure': 'PROPORTION', 'events': 0, 'total': 35, 'intervention': 'placebo', 'outcome': 'serious complication'}, {'measure': 'PROPORTION', 'events': 0, 'total': 36, 'intervention': 'rituximab', 'outcome': 'drug-related or study-related adverse events'}, {'measure': 'PROPORTION', 'events': 0, 'total': 35, 'intervention': 'placebo', 'outcome': 'drug-related or study-related adverse events'}, {'measure': 'PROPORTION', 'events': 0, 'total': 36, 'intervention': 'rituximab', 'outcome': 'complications'}]),
    ('everyone-free-of',
     "'All newborns in our study were free of any adverse effect', 'All patients in both groups remained free from infection': zero events in each arm of known size (every arm of a trial of three or four); a state at entry ('free of disease at baseline') is not",
     'Patients were randomized to rituximab (n = 30), azathioprine (n = 32) or placebo (n = 31). All patients in our study remained free of any serious infection.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 30, 'intervention': 'rituximab', 'outcome': 'serious infection'}, {'measure': 'PROPORTION', 'events': 0, 'total': 32, 'intervention': 'azathioprine', 'outcome': 'serious infection'}, {'measure': 'PROPORTION', 'events': 0, 'total': 31, 'intervention': 'placebo', 'outcome': 'serious infection'}]),
    ('zero-events-in-words',
     "one reader for the other frames of 'no patient had the event': 'with no X reported', 'No X were attributed to the intervention in either arm', 'Neither group demonstrated any X', 'None of the patients complained of X', 'X was not apparent in either the A or the B group', 'None of the patients of the A group received X' (an event noun with its describing words; one arm when the clause names it, every arm of known size when it says either, both, neither or names no place)",
     'Patients were randomly assigned to rituximab (n=30) or placebo (n=29). Neither group demonstrated any allergic reaction. None of the patients of the placebo group received rescue steroids.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 30, 'intervention': 'rituximab', 'outcome': 'allergic reaction'}, {'measure': 'PROPORTION', 'events': 0, 'total': 29, 'intervention': 'placebo', 'outcome': 'allergic reaction'}, {'measure': 'PROPORTION', 'events': 0, 'total': 29, 'intervention': 'placebo'}]),
    ('not-in-any-arm',
     "the nobody-had-it family said of every arm: 'X was not seen in either group', 'X did not occur in any of the groups', 'No X were noted within the 2 groups' (the arms counted as the study model holds), 'None of the patients in the two groups required X', 'Neither group had X': 0/n of X in each arm of known size, X any event when a verb of seeing or occurring denies it of every arm (never a state at entry or a selection criterion)",
     'Patients were randomly assigned to rituximab (n=30) or placebo (n=29). Bronchospasm was not observed in either group. No allergic reactions were noted within the 2 groups.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 30, 'intervention': 'rituximab', 'outcome': 'bronchospasm'}, {'measure': 'PROPORTION', 'events': 0, 'total': 29, 'intervention': 'placebo', 'outcome': 'bronchospasm'}, {'measure': 'PROPORTION', 'events': 0, 'total': 30, 'intervention': 'rituximab', 'outcome': 'allergic reactions'}, {'measure': 'PROPORTION', 'events': 0, 'total': 29, 'intervention': 'placebo', 'outcome': 'allergic reactions'}]),
    ('nobody-had-it',
     "the family of digit-free zeros: the people negated ('No A patient developed X', 'Nobody in either arm had X', 'No patients died'), the event negated ('X did not occur in any patient', 'X was absent in both groups'), the event denied ('There were no deaths', 'No cases of X were recorded in the B arm'), the arms negated ('Neither group reported X'): 0/n of the arms the clause names, else of every arm of known size",
     'Patients were randomly assigned to rituximab (n=30) or placebo (n=29). Headache did not occur in any patient.',
     [{'measure': 'PROPORTION', 'events': 0, 'total': 30, 'intervention': 'rituximab', 'outcome': 'headache'}, {'measure': 'PROPORTION', 'events': 0, 'total': 29, 'intervention': 'placebo', 'outcome': 'headache'}]),
]


def _same(expected, got) -> bool:
    if isinstance(expected, float) and got is not None:
        return got == pytest.approx(expected, rel=1e-4, abs=1e-6)
    return expected == got


@pytest.mark.parametrize("name, reads, example, expect", SHAPES, ids=[s[0] for s in SHAPES])
def test_each_zero_shape_gives_exactly_its_rows(name, reads, example, expect):
    rows = extract_document("doc", example, "doc.txt", "")
    unmatched = list(rows)
    for want in expect:
        hit = next((r for r in unmatched if all(_same(v, r.get(k)) for k, v in want.items())), None)
        assert hit is not None, f"{name}: no row {want} among {[{k: r[k] for k in want} for r in unmatched]}"
        unmatched.remove(hit)
    assert not unmatched, f"{name}: rows not in the example's expectation: {unmatched}"
