"""Session 22's speed pass: the productions that open with a value, and the tokenizer, behind a start guard read
past VALUE_START's lookahead; the digit-free zero gate tries its count words once. The same matches either way."""
import re

from evidence_review.extract import core, grammar
from evidence_review.regexguard import start_guarded, with_start_guard

# real-shaped sentences (numbers changed) holding the shapes the value-led productions read, and the odd starts
# VALUE_START allows ("vs.12.4" with its space lost, a value glued to "OR"/"HR", a sign, a currency, ".5")
SENTENCES = [
    "The median stay was 6 days (IQR 4-9) vs 8 days (IQR 5-12); 35.2% (n = 19) and 41.2%, 55.0% and 63.8% responded.",
    "Mean change 12.1 \u00b1 3.4 vs.10.2 \u00b1 2.8 mmHg; -4.4 (95% CI -5.3 to -3.5); 2.4 (SD, 1.1; 95% CI = 2.0-2.8).",
    "26.7% of 116 patients and 80% of the participants had OR0.52, HR1.8 (0.9-3.1); cost -\u00a3448 (\u00a3120 to \u00a3900).",
    "M = 19.2, SD = 2.1; 51.0 days, interquartile range [IQR] 28.0-69.0; median 90.2, IQR 19.6; .5 and +3 and 1,907 ml.",
    "Vs.12 at 3 months, xvs.4, a.5, v2.5, 12.5%vs 14.1%, 29% vs 28%, 25% and 30% of cases, respectively.",
]


def _all(pattern: re.Pattern, text: str):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_a_lookahead_is_read_past_only_when_asked():
    # the default leaves a pattern opening with a lookahead as it is (its starts are not told)
    assert with_start_guard(r"(?=x)abc") == r"(?=x)abc"
    assert with_start_guard(r"(?=x)abc", past_lookaheads=True) == r"(?=[a])(?:(?=x)abc)"
    # VALUE_START's second branch holds a lookahead: read past it, the value's own first characters guard it
    opening = re.compile(grammar.VALUE_START + r"\d+%")
    assert start_guarded(opening) is opening
    assert start_guarded(opening, past_lookaheads=True).pattern.startswith("(?=[")


def test_value_led_productions_and_the_tokenizer_are_guarded_and_find_what_the_plain_patterns_find():
    led = [p for p in grammar.GRAMMAR if grammar.VALUE_START in p.pattern.pattern]
    assert len(led) >= 10
    for pattern in [p.pattern for p in led] + [grammar.VALUE]:
        assert pattern.pattern.startswith("(?="), pattern.pattern[:60]
        plain = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1], pattern.flags)
        for text in SENTENCES + [s.upper() for s in SENTENCES] + [s.lower() for s in SENTENCES]:
            assert _all(pattern, text) == _all(plain, text)
    # and what they read there is what was read before: the values, with their signs, currencies and percentages
    nums = grammar.tokenize("OR0.52 vs.12.4, -\u00a3448, .5 and 12.5%")
    assert [(n.text, n.percent) for n in nums] == [("0.52", False), ("12.4", False), ("-448", False),
                                                   (".5", False), ("12.5", True)]


def test_the_digit_free_zero_gate_passes_each_spelled_count_shape_and_nothing_else():
    passing = ["Two patients in the placebo group showed mild nausea.",
               "There were four versus one wound infections in the A versus B groups.",
               "Four A and seven B patients reported pain.", "Nine of ten volunteers given A recovered.",
               "There was one death in the B group.", "Three in the control arm.",
               "Forty per cent of the participants were smokers.", "Two partial responses and seven stable disease.",
               "one CR was seen", "No patient in either group developed a rash.", "All patients are alive."]
    failing = ["Patients were randomly assigned to receive A or B.", "one Cr was seen",
               "Someone reported a headache at the clinic.", "Often the outcome was assessed blindly."]
    for sentence in passing:
        assert core._NOBODY.search(sentence), sentence
    for sentence in failing:
        assert core._NOBODY.search(sentence) is None, sentence
