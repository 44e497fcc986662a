"""The whole study population as a document states it with "a total number of" (grammar.POPULATION), as it does
with "a total of"; a total number of anything but people is no population. Sentences written for these tests."""
from __future__ import annotations

import pytest

from evidence_review.extract.grammar import population_size


@pytest.mark.parametrize("text, n", [
    ("A total number of 84 patients were enrolled between 2015 and 2017.", 84),
    ("We randomly assigned a total number of 212 adults with gout to two arms.", 212),
    ("A total of 84 patients were enrolled.", 84),
])
def test_a_total_number_of_people_is_the_population(text, n):
    assert population_size(text) == n


@pytest.mark.parametrize("text", [
    "A total number of 6 sessions were delivered to each arm.",
    "A total number of 40 samples were analysed.",
])
def test_a_total_number_of_sessions_or_samples_is_no_population(text):
    assert population_size(text) is None
