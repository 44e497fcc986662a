"""The rule registry: every shape the extractor reads, as one list to read top to bottom.

Each entry names a rule, says what it reads, its priority (rules run in ascending priority; a rule claims the
numbers it explains, so an earlier rule wins a number over a later one), the grammar productions it uses
(grammar.GRAMMAR), and an example sentence with the rows extract_document must return for it. The examples
are run as tests (tests/test_extract_registry.py): every expected row must be found, and no other row.
Adding a shape means adding one entry here, with its example, and its function in rules/.

Before any rule runs, the numbers that are never a value are claimed (sentence.Sentence): interval limits,
p-values, ranges, spreads, years, titres.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable

from .grammar import PRODUCTIONS
from .rules import aligned, arm_baseline, arm_blocks, arm_categories, arm_data, differences, effects, population, proportions, time_lists, within_arm, zero_events
from .rules import prose_medians, whole_sample_prose
from .sentence import Sentence


@dataclass(frozen=True)
class Rule:
    name: str
    priority: int
    reads: str
    uses: tuple[str, ...]
    find: Callable[[Sentence], None]
    example: str
    expect: list[dict] = field(default_factory=list)   # the rows of the example (fields to compare)

    def __post_init__(self):
        unknown = [u for u in self.uses if u not in PRODUCTIONS and u not in _VOCABULARY]
        if unknown:
            raise ValueError(f"rule {self.name!r} uses unknown grammar productions {unknown}")
        if not self.example or not self.expect:
            raise ValueError(f"rule {self.name!r} needs an example sentence and its expected rows")


# what a rule may name besides grammar productions: the vocabulary of patterns.py and the number tokens
_VOCABULARY = {"number", "measure_name", "percent"}

RULES: list[Rule] = [
    # ------------------------------------------------------------------ effects named by their measure
    Rule("labelled", 10, "a measure named right before its value, with the interval and p-value that follow",
         ("measure_name", "number", "interval", "bare_pair", "comma_pair", "p_value"), effects.labelled,
         "Inebilizumab lowered the risk of an attack (hazard ratio, 0.14; 95% CI, 0.05 to 0.41; p<0.0001) versus placebo.",
         [{"measure": "HR", "value": 0.14, "ci_low": 0.05, "ci_high": 0.41, "p_text": "<0.0001",
           "intervention": "inebilizumab", "comparator": "placebo"}]),
    Rule("labelled-95ci-percent", 10, "the same, with the interval label printed '95CI%'",
         ("measure_name", "number", "interval"), effects.labelled,
         "Satralizumab lowered the risk of relapse (HR, 0.57; 95CI%, 0.33\u20130.98) compared with placebo.",
         [{"measure": "HR", "value": 0.57, "ci_low": 0.33, "ci_high": 0.98, "intervention": "satralizumab",
           "comparator": "placebo"}]),
    Rule("labelled-log-scale", 10, "a ratio printed on the log scale (lnOR, log HR): stored back-transformed, flagged",
         ("measure_name", "number", "interval"), effects.labelled,
         "Relapse was less likely with rituximab than with azathioprine (lnOR -0.92, 95% CrI -1.71 to -0.15).",
         [{"measure": "OR", "value": 0.398519041, "ci_low": 0.180866, "ci_high": 0.860708, "ci_level": 0.95,
           "flags": "log_scale_back_transformed", "intervention": "rituximab", "comparator": "azathioprine"}]),
    Rule("interval-after-sidedness", 12, "an interval introduced by its sidedness ('2-sided 90% CI') or with its label "
         "closed by a semicolon ('95% confidence interval; 0.46-0.99')",
         ("measure_name", "number", "interval"), effects.labelled,
         "The risk difference was 6.1% (2-sided 90% CI +2.6 to +9.7%); the hazard ratio was 0.67 (95% confidence "
         "interval; 0.46\u20130.99, P = 0.044).",
         [{"measure": "RD", "value": 0.061, "ci_low": 0.026, "ci_high": 0.097, "ci_level": 0.9},
          {"measure": "HR", "value": 0.67, "ci_low": 0.46, "ci_high": 0.99, "p_value": 0.044}]),
    Rule("difference-with-unit", 12, "a difference printed with its unit before the interval: '(difference, 125.3 ml; "
         "95% CI, 77.7 to 172.8)'",
         ("measure_name", "number", "interval", "p_value"), effects.labelled,
         "The decline in forced vital capacity was smaller with rituximab (difference, 98.4 ml; 95% confidence "
         "interval [CI], 51.2 to 145.6; P<0.001).",
         [{"measure": "MD", "value": 98.4, "ci_low": 51.2, "ci_high": 145.6, "p_text": "<0.001"}]),
    Rule("label-then-value", 12, "'(HR; 95% CI: 1.19; 0.94-1.50)': the measure and the interval's label before the "
         "value; later brackets of the sentence printed the same way ('(2.03; 1.24-3.32)') are the same measure's",
         ("measure_name", "number", "interval"), effects.label_then_value,
         "Rituximab increased the hazard of infection (HR; 95% CI: 1.31; 0.97-1.77), more so in older patients "
         "(2.10; 1.30-3.39).",
         [{"measure": "HR", "value": 1.31, "ci_low": 0.97, "ci_high": 1.77},
          {"measure": "HR", "value": 2.10, "ci_low": 1.30, "ci_high": 3.39}]),
    Rule("label-then-value-next-sentence", 12, "the form '(v; lo-hi)' set by '(HR; 95% CI: v; lo-hi)' carried to the next "
         "sentence when it names no measure of its own (and no mean, median or age)",
         ("measure_name", "number", "interval"), effects.label_then_value,
         "Azathioprine increased the rate of infection (HR; 95% CI: 1.24; 0.98-1.57). Rituximab also protected against "
         "fever (0.81; 0.66-0.99), but not against cough.",
         [{"measure": "HR", "value": 1.24, "ci_low": 0.98, "ci_high": 1.57},
          {"measure": "HR", "value": 0.81, "ci_low": 0.66, "ci_high": 0.99}]),
    Rule("within-group-effect-size", 13, "effect sizes the sentence says are each arm's own change ('within-group effect "
         "sizes', 'within the control group ... effect size') are no difference of the arms: read only the "
         "between-group ones, the nearer qualifier before each value deciding",
         ("measure_name", "number", "interval"), effects.labelled,
         "Within-group effect sizes were large for both programmes (Relax d=0.81 vs Coach d=0.92), whereas the "
         "between-group effect size was small (d=0.11, 95% CI -0.08 to 0.30).",
         [{"measure": "SMD", "value": 0.11, "ci_low": -0.08, "ci_high": 0.30}]),
    Rule("ratio-pair", 13, "'(HR 0.61 vs 0.50)': the value after 'vs' is the same measure's, for the other group",
         ("measure_name", "number"), effects.labelled,
         "The reduction did not differ by change in IgG (HR 0.61 vs 0.50).",
         [{"measure": "HR", "value": 0.61}, {"measure": "HR", "value": 0.50}]),
    Rule("ratio-per-unit", 14, "a ratio per unit of a factor: 'HR per SD 1.30 (95% CI ...)', and the subscript glued "
         "on by XML text ('HRper SD log 0.89')",
         ("measure_name", "number", "interval"), effects.labelled,
         "Baseline CRP did not predict relapse (HRper SD log 0.89 [95% CI 0.75, 1.06]) whereas BMI did (HR per SD "
         "1.30, 95% CI 1.10-1.50).",
         [{"measure": "HR", "value": 0.89, "ci_low": 0.75, "ci_high": 1.06},
          {"measure": "HR", "value": 1.30, "ci_low": 1.10, "ci_high": 1.50}]),
    Rule("non-finite", 15, "a named estimate whose value is not a number ('HR = nan'), kept to be flagged",
         ("measure_name",), effects.non_finite,
         "The hazard ratio for relapse was HR = inf (95% CI 0.5-2.0).",
         [{"measure": "HR", "ci_low": 0.5, "ci_high": 2.0, "flags": "nonfinite_value"}]),
    Rule("arm-means-with-intervals", 19, "two or three arms' means, each with its own interval, in one list that "
         "names its arms ('+3.75 (3.16 to 4.34) versus +2.61 (95% CI 1.99 to 3.23)', '1.9 [-0.1 to 3.9] and 0.6 "
         "[-1.2 to 2.5], respectively'): a MEAN row per arm with its interval, not a difference per value; a bare "
         "bracket takes the level of the list's labelled interval (SD from the CI, flagged), a list with no label "
         "stays unlabelled (flag interval_unlabelled, no SD)",
         ("mean_ci", "median_spread"), arm_data.interval_means,
         "Patients were randomly assigned to rituximab (n = 62) or placebo (n = 63). Mean weight gain was +3.75 "
         "(3.16 to 4.34) kg versus +2.61 (95% CI 1.99 to 3.23) kg in the rituximab and placebo groups, respectively. "
         "Changes in nerve fiber density did not differ between rituximab and placebo: 1.9 [-0.1 to 3.9] and 0.6 "
         "[-1.2 to 2.5] fibers/mm, respectively (P = 0.32).",
         [{"measure": "MEAN", "value": 3.75, "ci_low": 3.16, "ci_high": 4.34, "sd": 2.3702806, "total": 62,
           "intervention": "rituximab", "flags": "sd_from_ci"},
          {"measure": "MEAN", "value": 2.61, "ci_low": 1.99, "ci_high": 3.23, "total": 63, "intervention": "placebo",
           "flags": "sd_from_ci"},
          {"measure": "MEAN", "value": 1.9, "ci_low": -0.1, "ci_high": 3.9, "sd": None, "total": 62,
           "intervention": "rituximab", "flags": "interval_unlabelled"},
          {"measure": "MEAN", "value": 0.6, "ci_low": -1.2, "ci_high": 2.5, "sd": None, "total": 63,
           "intervention": "placebo", "flags": "interval_unlabelled"}]),
    Rule("arm-changes-each-with-its-arm", 19, "each arm's own mean or change with a labelled interval, followed by "
         "its arm ('MG-ADL decreased by 4.2 points (95% CI 3.3 to 5.1) with A and by 2.1 points (95% CI 1.2 to 3.0) "
         "with B'): a MEAN row per arm (a fall stored negative, its interval turned), never a difference per arm",
         ("mean_ci",), arm_data.interval_means,
         "Patients were randomly assigned to efgartigimod (n = 84) or placebo (n = 83). At week 4, the MG-ADL score "
         "decreased by 4.2 points (95% CI 3.3 to 5.1) with efgartigimod and by 2.1 points (95% CI 1.2 to 3.0) with "
         "placebo.",
         [{"measure": "MEAN", "value": -4.2, "ci_low": -5.1, "ci_high": -3.3, "total": 84, "intervention": "efgartigimod",
           "flags": "sd_from_ci"},
          {"measure": "MEAN", "value": -2.1, "ci_low": -3.0, "ci_high": -1.2, "total": 83, "intervention": "placebo",
           "flags": "sd_from_ci"}]),
    Rule("arm-changes-arm-first", 19, "each arm named before its own change with a labelled interval ('the A group "
         "presented a decrease of 1.21 kg (CI 95% -0.35 to 2.77) while the B group showed an increase of 0.62 kg (CI 95% "
         "0.11 to 1.13)'), or each change with its own verb ('decreased by 1.2 kg (95% CI ...) in A and increased by "
         "0.6 kg (...) in B'): a MEAN row per arm, a fall stored negative",
         ("mean_ci",), arm_data.interval_means,
         "Patients were randomly assigned to rituximab (n = 61) or placebo (n = 59). After three months the patients "
         "in the rituximab group presented a decrease of 1.21 kg (CI 95% -0.35 to 2.77) while the placebo group showed "
         "an increase of 0.62 kg (CI 95% 0.11 to 1.13; p=0.04). Body weight decreased by 0.9 kg (95% CI 0.3 to 1.5) "
         "with rituximab and increased by 0.4 kg (95% CI 0.1 to 0.7) with placebo at six months.",
         [{"measure": "MEAN", "value": -1.21, "ci_low": -2.77, "ci_high": 0.35, "total": 61, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 0.62, "ci_low": 0.11, "ci_high": 1.13, "total": 59, "intervention": "placebo"},
          {"measure": "MEAN", "value": -0.9, "ci_low": -1.5, "ci_high": -0.3, "total": 61, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 0.4, "ci_low": 0.1, "ci_high": 0.7, "total": 59, "intervention": "placebo"}]),
    Rule("ratio-after-abbreviation-defined", 19, "a measure's name with its abbreviation defined in brackets before the "
         "value ('hazard ratio [HR] 0.55', 'odds ratio (OR), 1.9'): the value is that measure's, and a relative "
         "reduction printed before it ('reduced the risk by 45% versus placebo (hazard ratio [HR] 0.55') only restates it",
         ("measure_name", "number", "p_value"), effects.labelled,
         "Patients were randomly assigned to rituximab or placebo. Rituximab reduced the risk of a first relapse by 38% "
         "versus placebo (hazard ratio [HR] 0.62, p < 0.001).",
         [{"measure": "HR", "value": 0.62, "p_text": "<0.001", "intervention": "rituximab", "comparator": "placebo"}]),
    Rule("two-intervals-respectively", 9, "'the hazard ratios ... were 0.71 and 0.80 (95% CI 0.55-0.92 and 0.66-0.97, "
         "respectively)': a measure named before two values whose intervals follow in one bracket, in the same order",
         ("measure_name", "number", "interval"), effects.two_intervals_respectively,
         "The hazard ratios for relapse and death were 0.64 and 0.85 (95% CI 0.48-0.86 and 0.60-1.20, respectively).",
         [{"measure": "HR", "value": 0.64, "ci_low": 0.48, "ci_high": 0.86},
          {"measure": "HR", "value": 0.85, "ci_low": 0.6, "ci_high": 1.2}]),
    Rule("comparative-amount", 21, "'a 0.5-point greater improvement than placebo (95% CI ...)', 'a 12% absolute "
         "reduction in relapse (95% CI ...)': an amount named by the comparison words after it, then its labelled "
         "interval; absolute in percent -> RD, relative -> RRR, greater or smaller than the other group -> MD",
         ("number", "interval"), effects.comparative_amount,
         "Rituximab produced a 0.6-point greater improvement in the disability score than placebo (95% CI 0.2 to 1.0).",
         [{"measure": "MD", "value": 0.6, "ci_low": 0.2, "ci_high": 1.0}]),
    Rule("multiple-of-the-other-group", 19, "'the hazard rate of patients in arm 1 was 0.81 times less the hazard rate of "
         "group 2': a multiple said of another named group is a ratio of the two, read without an interval",
         ("number",), effects.times_as_likely,
         "The hazard rate of patients in arm 1 was 0.81 times less the hazard rate of group 2.",
         [{"measure": "HR", "value": 0.81}]),
    Rule("ratio-as-a-multiple", 19, "'2.4 times more likely (95% CI 1.3-4.4)', '1.8-fold higher odds', 'the probability "
         "of X in A was 5.2 times more than that of B (confidence interval 95% 1.9 to 14.5)': a ratio printed as a "
         "multiple with its interval; odds -> OR, hazard -> HR, rate -> IRR, risk, likely, probability -> RR",
         ("number", "interval", "bare_pair"), effects.times_as_likely,
         "Patients given placebo were 2.4 times more likely to need rescue analgesia than those given rituximab "
         "(95% CI 1.3 to 4.4; p = 0.004).",
         [{"measure": "RR", "value": 2.4, "ci_low": 1.3, "ci_high": 4.4, "p_value": 0.004}]),
    Rule("with-interval", 20, "a bare value followed by an interval takes the nearest measure named before it",
         ("number", "interval", "bare_pair", "p_value", "measure_name"), effects.with_interval,
         "The hazard ratios of severe relapse for azathioprine relative to rituximab were 11.66 (95% CI: 2.6\u201352.3; "
         "p=0.001) overall.",
         [{"measure": "HR", "value": 11.66, "ci_low": 2.6, "ci_high": 52.3, "p_value": 0.001}]),
    Rule("odds-of", 20, "'the odds of reaching X with A as compared with B were 1.66 (95% CI ...)': the odds of one arm "
         "against the other, an odds ratio",
         ("measure_name", "number", "interval"), effects.with_interval,
         "The odds of reaching remission with rituximab as compared with azathioprine were 1.48 (95% CI, 1.09 to 2.01).",
         [{"measure": "OR", "value": 1.48, "ci_low": 1.09, "ci_high": 2.01, "intervention": "rituximab",
           "comparator": "azathioprine"}]),
    Rule("interval-in-words", 20, "an interval whose level and limits are written 'percent': 'by 44 percent (95 percent "
         "confidence interval, 31 to 55 percent)'",
         ("interval", "percent"), effects.with_interval,
         "Rituximab reduced the incidence of relapse by 44 percent (95 percent confidence interval, 31 to 55 percent) "
         "as compared with placebo.",
         [{"measure": "RRR", "value": 0.44, "ci_low": 0.31, "ci_high": 0.55}]),
    Rule("annualized-event-rate", 20, "'the annualized rate of severe exacerbations was 0.46 (95% CI ...) among ... and "
         "0.87 (...) among ...': an annualized rate of analogous events (exacerbations, attacks, flares) is an ARR",
         ("measure_name", "number", "interval"), effects.with_interval,
         "The annualized rate of severe asthma exacerbations was 0.41 (95% CI, 0.33 to 0.50) among patients "
         "assigned to rituximab and 0.79 (95% CI, 0.64 to 0.97) among those assigned to placebo.",
         [{"measure": "ARR", "value": 0.41, "ci_low": 0.33, "ci_high": 0.50},
          {"measure": "ARR", "value": 0.79, "ci_low": 0.64, "ci_high": 0.97}]),
    Rule("ratio-on-the-log-scale", 20, "'the hazard ratio for death on the log scale was -0.71 (95% CI ...)': stored "
         "back-transformed, flagged",
         ("measure_name", "number", "interval"), effects.with_interval,
         "In a sensitivity analysis, the hazard ratio for relapse on the log scale was -0.51 (95% CI, -0.80 to -0.22).",
         [{"measure": "HR", "value": 0.600496, "ci_low": 0.449329, "ci_high": 0.802519,
           "flags": "log_scale_back_transformed"}]),
    Rule("percentage-points", 20, "a difference in percentage points with its interval: of shares of patients a risk "
         "difference ('exceeded that with placebo by 34.6 percentage points'), of a level measured in percent "
         "(glycated hemoglobin) a mean difference in the printed unit",
         ("number", "percent", "interval"), effects.with_interval,
         "The remission rate with rituximab exceeded that with placebo by 21.4 percentage points (95% CI 12.0-30.8); "
         "the difference in glycated hemoglobin level between the groups was -0.42 percentage points (95% CI, -0.61 "
         "to -0.23).",
         [{"measure": "RD", "value": 0.214, "ci_low": 0.12, "ci_high": 0.308},
          {"measure": "MD", "value": -0.42, "ci_low": -0.61, "ci_high": -0.23}]),
    Rule("efficacy-percent", 20, "'computed efficacy of 43.0% (95% CI: 17.4, 61.2)': a treatment's or vaccine's "
         "efficacy is a relative risk reduction",
         ("number", "percent", "interval"), effects.with_interval,
         "Against relapse, rituximab had an efficacy of 38.5% (95% confidence interval [CI]: 12.2, 56.9).",
         [{"measure": "RRR", "value": 0.385, "ci_low": 0.122, "ci_high": 0.569}]),
    Rule("score-points-difference", 21, "a score's points with an interval and no measure named: a mean difference "
         "('of 1.06 (95% CI 0.23-1.89) points', '(2.16 points; 95% CI 0.33-3.99)')",
         ("number", "interval"), effects.with_interval,
         "The programme produced a greater decline in the mean depression score than the control of 1.06 "
         "(95% CI: 0.23\u20131.89) points and larger improvements in adherence (2.16 points; 95% CI: 0.33\u20133.99).",
         [{"measure": "MD", "value": 1.06, "ci_low": 0.23, "ci_high": 1.89},
          {"measure": "MD", "value": 2.16, "ci_low": 0.33, "ci_high": 3.99}]),
    Rule("signed-amount-difference", 22, "a signed amount of a unit with an interval in a sentence that compares: a "
         "mean difference ('reduced ... (-1.8 days; 95% CI -3.1, -0.5)'); a median's time with its CI is not one",
         ("number", "interval", "comma_pair"), effects.with_interval,
         "Antibiotic exposure was reduced from 6.3 to 4.5 days under the new algorithm (\u22121.8 days; 95% CI "
         "\u22123.1, \u22120.5; P = 0.039).",
         [{"measure": "MD", "value": -1.8, "ci_low": -3.1, "ci_high": -0.5, "p_value": 0.039}]),
    Rule("comparison-labelled-difference", 22, "a value printed right after the comparison it belongs to, with a "
         "labelled interval and no measure named ('A versus placebo: -0.07% [95% confidence interval (CI) -0.15, "
         "0.01]', 'B vs. placebo -0.81 m/s (95% CI ...)'): a difference of those arms (of a level measured in percent, "
         "HbA1c, in the level's unit); the same difference printed again in another unit ('... or -0.77 mmol/mol "
         "(95% CI ...)') keeps the arms; a first arm printed by a short name ('D2' for 'vitamin D2') is the one study "
         "arm whose name holds it",
         ("number", "interval"), effects.with_interval,
         "Patients were randomly assigned to rituximab, azathioprine or placebo. There was no effect on HbA1c: "
         "rituximab versus placebo: \u22120.07% [95% confidence interval (CI) \u22120.15, 0.01] or \u22120.77 mmol/mol "
         "(95% CI \u22121.6, 0.1; p = 0.11); azathioprine versus placebo: 0.03% (95% CI \u22120.05, 0.11). Pulse wave "
         "velocity fell [rituximab versus placebo \u22120.81 m/s (95% CI \u22121.52, \u22120.10)].",
         [{"measure": "MD", "value": -0.07, "ci_low": -0.15, "ci_high": 0.01, "intervention": "rituximab",
           "comparator": "placebo"},
          {"measure": "MD", "value": -0.77, "ci_low": -1.6, "ci_high": 0.1, "p_value": 0.11, "intervention": "rituximab",
           "comparator": "placebo"},
          {"measure": "MD", "value": 0.03, "ci_low": -0.05, "ci_high": 0.11, "intervention": "azathioprine",
           "comparator": "placebo"},
          {"measure": "MD", "value": -0.81, "ci_low": -1.52, "ci_high": -0.10, "intervention": "rituximab",
           "comparator": "placebo"}]),
    Rule("points-lower-by", 22, "'lower in the A group than in the B group by 6.3 percentage points (95% CI -9.0 to "
         "-3.6)': a risk difference (never a relative reduction), printed as a magnitude and signed by its interval",
         ("number", "percent", "interval"), effects.with_interval,
         "Patients were randomly assigned to rituximab or placebo. Relapse by week 28 was lower in the rituximab group "
         "than in the placebo group by 5.4 percentage points (95% confidence interval [CI], \u22128.1 to \u22122.7; "
         "P<0.001).",
         [{"measure": "RD", "value": -0.054, "ci_low": -0.081, "ci_high": -0.027, "p_text": "<0.001",
           "intervention": "rituximab", "comparator": "placebo"}]),
    Rule("comparisons-of-abbreviated-arms", 22, "'ZM/TA 200/10 μg reduced the risk by 41% versus placebo (HR 0.59), 16% "
         "versus TA 10 μg (HR 0.84)': in a report whose study model names no arm, arms printed by capital abbreviations "
         "the document defines ('zelubrant maleate (ZM)') are those words, spelled out; the sentence's subject is the "
         "first arm of each comparison, the arm after each 'versus' its comparator",
         ("measure_name", "number", "p_value"), effects.labelled,
         "This trial assessed zelubrant maleate (ZM) 200 \u03bcg/tofanic acid (TA) 10 \u03bcg. ZM/TA 200/10 \u03bcg "
         "reduced the risk of a first exacerbation by 41% versus placebo (hazard ratio [HR] 0.59, p < 0.001) and 16% "
         "versus TA 10 \u03bcg (HR 0.84, p < 0.01).",
         [{"measure": "HR", "value": 0.59, "intervention": "zelubrant maleate/tofanic acid 200/10 \u03bcg",
           "comparator": "placebo"},
          {"measure": "HR", "value": 0.84, "intervention": "zelubrant maleate/tofanic acid 200/10 \u03bcg",
           "comparator": "tofanic acid 10 \u03bcg"}]),
    Rule("difference-of-money", 22, "an amount of money with its sign before the currency and an interval in the same "
         "currency ('mean difference -\u00a3512; 95% CI -1020 to -4', '(\u20ac120, 95% CI -\u20ac310 to \u20ac550)'): "
         "a mean difference, its sign kept",
         ("number", "interval", "measure_name"), effects.with_interval,
         "Rituximab was associated with lower costs (mean difference \u2212\u00a3512; 95% CI \u22121020 to \u22124; "
         "p=0\u00b704) than azathioprine, and the difference in societal costs was \u20ac120 (95% CI \u2212\u20ac310 to "
         "\u20ac550).",
         [{"measure": "MD", "value": -512, "ci_low": -1020, "ci_high": -4, "p_value": 0.04},
          {"measure": "MD", "value": 120, "ci_low": -310, "ci_high": 550}]),
    Rule("differences-listed-with-their-unit", 21, "'(difference vs. matched placebo, 0.14 liters; P<0.001)': a difference "
         "naming its comparator before its value; 'estimated treatment difference, -1.9 kg, -3.6 kg, and -5.5 kg, "
         "respectively': one difference per value, each in the unit printed with it",
         ("measure_name", "number", "p_value"), effects.labelled,
         "FEV1 improved more with rituximab (difference vs. matched placebo, 0.11 liters; P<0.001), and weight fell more "
         "with all three doses (estimated treatment difference, -1.2 kg, -2.9 kg, and -4.1 kg, respectively).",
         [{"measure": "MD", "value": 0.11, "p_text": "<0.001", "comparator": "placebo"},
          {"measure": "MD", "value": -1.2}, {"measure": "MD", "value": -2.9}, {"measure": "MD", "value": -4.1}]),
    Rule("effects-listed-after-a-ratio", 20, "a list of effects whose first names its ratio and a difference printed in "
         "percent: a later bare decimal with its interval is the ratio's again ('(risk ratio 0.81, ...; risk difference "
         "3.9%, ...), and stillbirth (0.58, 95% CI ...)'); an amount of a unit opening its own bracket is a difference in "
         "that unit ('increased mean head circumference (0.4 cm, 95% CI ...)')",
         ("number", "interval", "p_value", "measure_name"), effects.with_interval,
         "Patients were randomly assigned to azithromycin or chloroquine. Azithromycin reduced preterm birth (risk ratio "
         "0.81, 95% CI 0.70-0.94, P = 0.006; risk difference 3.9%, 95% CI 1.1-6.7), and stillbirth (0.58, 95% CI "
         "0.36-0.94, P = 0.03), and increased mean head circumference (0.4 cm, 95% CI 0.1-0.7, P = 0.01).",
         [{"measure": "RR", "value": 0.81, "ci_low": 0.70, "ci_high": 0.94, "p_value": 0.006},
          {"measure": "RD", "value": 0.039, "ci_low": 0.011, "ci_high": 0.067},
          {"measure": "RR", "value": 0.58, "ci_low": 0.36, "ci_high": 0.94, "p_value": 0.03},
          {"measure": "MD", "value": 0.4, "ci_low": 0.1, "ci_high": 0.7, "p_value": 0.01}]),
    Rule("interval-after-comparison-or-restated-label", 22, "an interval printed after the comparison it is of ('difference "
         "-2.4, treatment versus usual care, 95% CI -5.1 to 0.3'), after its label printed twice ('95% CI 95% 0.81 to "
         "1.52', '95% CI (95% CI -0.42 to 0.40)'), or with each amount restated in another currency ('£210 [US$310], 95% CI "
         "-£95 [-US$140] to £515 [US$760]'); 'at 6 or 12 mo' is a list of times, no value",
         ("number", "interval", "measure_name"), effects.labelled,
         "Patients were randomly assigned to rituximab or usual care. Disability did not differ at 6 or 12 mo (12 mo: "
         "difference -2.4, treatment versus usual care, 95% CI -5.1 to 0.3); relapse was as frequent (RR 1.08, 95% CI 95% "
         "0.81 to 1.52); and costs were higher with rituximab (mean difference \u00a3210 [US$310], 95% CI -\u00a395 [-US$140] "
         "to \u00a3515 [US$760]).",
         [{"measure": "MD", "value": -2.4, "ci_low": -5.1, "ci_high": 0.3},
          {"measure": "RR", "value": 1.08, "ci_low": 0.81, "ci_high": 1.52},
          {"measure": "MD", "value": 210.0, "ci_low": -95.0, "ci_high": 515.0}]),
    Rule("interval-without-its-label", 22, "a value, a comma or semicolon and its interval without the letters CI ('mean "
         "difference 0\u00b7012, \u22120\u00b7004 to 0\u00b703; p=0\u00b731', 'HR 0.71, 0.52-0.97;', 'rate ratio 1.22; "
         "1.12-1.33;'), and a label in the plural "
         "('(difference \u22122.10 (95% CIs, \u22123.90 to \u22120.30)')",
         ("measure_name", "number", "comma_pair", "interval"), effects.labelled,
         "Rituximab and azathioprine did not differ in utility (mean difference 0\u00b7012, \u22120\u00b7004 to "
         "0\u00b703; p=0\u00b731) but differed in fatigue (difference \u22122.10 (95% CIs, \u22123.90 to \u22120.30), "
         "p=0.02).",
         [{"measure": "MD", "value": 0.012, "ci_low": -0.004, "ci_high": 0.03, "p_value": 0.31},
          {"measure": "MD", "value": -2.10, "ci_low": -3.90, "ci_high": -0.30, "p_value": 0.02}]),
    Rule("reduction-interval-sign", 23, "a reduction stored positive with its interval printed as negative changes: "
         "'a net lowering of 32% (95% CI -40%, -22%)' is RRR 0.32 (0.22 to 0.40)",
         ("number", "interval", "percent"), effects.with_interval,
         "After 1 year, the rituximab arm showed a net IgG lowering of 32% (95% CI \u221240%, \u221222%) compared "
         "with placebo.",
         [{"measure": "RRR", "value": 0.32, "ci_low": 0.22, "ci_high": 0.40}]),
    Rule("labelled-outcome-between", 11, "a measure, the outcome, then the value: 'mean difference in improvement 0.35 "
         "points, 95% CI ...'; Cohen's 'd = 0.40' is a standardized mean difference",
         ("measure_name", "number", "interval"), effects.labelled,
         "There was no difference at the end of the study (mean difference in improvement 0.35 points, 95% CI: "
         "\u22120.57 to 1.28, d = 0.11, 95% CI: \u22120.06 to 0.27).",
         [{"measure": "MD", "value": 0.35, "ci_low": -0.57, "ci_high": 1.28},
          {"measure": "SMD", "value": 0.11, "ci_low": -0.06, "ci_high": 0.27}]),
    Rule("difference-named-far-before", 24, "a difference named long before its value, only words between ('The absolute "
         "difference in the gain of strength between the placebo and the A group of +0.11 W/kg was significant (p < 0.02)'), "
         "and a percentage change the intervention made with its interval ('(7.2% increase associated with the intervention "
         "(95% CI -3.1% to 18.4%; p = .21))'): mean differences (the second in percent, kept as printed); 'no difference', a "
         "difference between measuring devices or a value without its unit is none",
         ("number", "interval", "p_value"), effects.distant_differences,
         "Patients were randomly assigned to rituximab or placebo. The absolute difference in the gain of peak power between "
         "the placebo and the rituximab group of +0.11 W/kg bodyweight was significant (p < 0.02). There was no evidence of "
         "an effect on drinking (7.2% increase associated with the intervention (95% CI \u22123.1% to 18.4%; p = .21)).",
         [{"measure": "MD", "value": 0.11, "p_text": "<0.02"},
          {"measure": "MD", "value": 7.2, "ci_low": -3.1, "ci_high": 18.4, "p_value": 0.21}]),
    Rule("amount-by-which-versus-control", 24, "'improved the six-minute walk by +21 m (+5.3%) versus placebo', 'lowered LDL "
         "by 0.4 mmol/L compared with placebo': an amount of a unit by which the arm exceeds the control named after it is a "
         "mean difference, the percent beside it a second one (unit %); a time ('by 14 weeks') is none",
         ("number",), effects.distant_differences,
         "Patients were randomly assigned to rituximab or placebo. Rituximab improved the six-minute walk by +21 m (+5.3%) "
         "versus placebo.",
         [{"measure": "MD", "value": 21.0}, {"measure": "MD", "value": 5.3, "unit": "%"}]),
    Rule("measure-heading-a-list-respectively", 13, "'(Hedges' g: 0.91, 0.17 respectively)', 'HR 0.71, 0.83 and 0.92, "
         "respectively': the measure named once before a list closed by 'respectively' is each value's",
         ("measure_name", "number"), effects.labelled,
         "Patients were randomly assigned to olanzapine (n = 14) or placebo (n = 13). Latency to sleep but not its duration "
         "differed between the groups (Hedges' g: 0.91, 0.17 respectively).",
         [{"measure": "SMD", "value": 0.91}, {"measure": "SMD", "value": 0.17}]),
    Rule("unnamed-difference", 26, "an amount with its interval or p-value and no measure named, in a sentence comparing "
         "the arms that says the amount is a change or difference: a mean difference ('as compared to placebo, A lowered "
         "peak flow (-52 ml/min, p = 0.01)', 'fell with A vs placebo by -0.8 mmol/L (P = .02)', 'were 2.9 (95% CI 0.4 to "
         "5.4) mmHg and 1.8 mmHg (95% CI 0.2 to 3.4) lower in the A group compared to controls', '9.5 minutes longer "
         "with A than with B (p < 0.01)'); an amount printed as a magnitude whose interval lies below zero is negative; "
         "one arm's value, a change from baseline, a pair of arms' values or a summary with its spread is none",
         ("number", "interval", "p_value"), differences.unnamed_differences,
         "Patients were randomly assigned to rituximab or placebo. As compared to placebo, rituximab was associated with "
         "lower peak expiratory flow (\u221252 ml/min, p = 0.011) and raised serum albumin (0.31 g/dL, p = 0.020). "
         "Mean systolic and diastolic pressure were 2.9 (95% CI 0.4 to 5.4) mmHg and 1.8 mmHg (95% CI 0.2 to 3.4) lower "
         "in the rituximab group compared to placebo. The time to discharge was 9.5 minutes longer with rituximab than "
         "with placebo (p < 0.01). An adjusted analysis showed a shortening of the hospital stay of 2.7 days (95% CI "
         "\u22124.1 to \u22121.2). In the rituximab group (\u22121.4 kg, p = 0.03) weight fell from baseline.",
         [{"measure": "MD", "value": -52.0, "p_value": 0.011}, {"measure": "MD", "value": 0.31, "p_value": 0.02},
          {"measure": "MD", "value": 2.9, "ci_low": 0.4, "ci_high": 5.4},
          {"measure": "MD", "value": 1.8, "ci_low": 0.2, "ci_high": 3.4},
          {"measure": "MD", "value": 9.5},
          {"measure": "MD", "value": -2.7, "ci_low": -4.1, "ci_high": -1.2}]),
    Rule("spread-of-difference", 29, "'(mean difference -1.4, SE 0.4, P = 0.001)', '(difference [SE], -1.4 [0.4])', "
         "'-1.4 (SE 0.4)': the standard error printed after a difference is its se, and the p-value after it is its own",
         ("number",), differences.spread_of_difference,
         "Patients were randomly assigned to rituximab or placebo. Pain fell more with rituximab than with placebo (mean "
         "difference -1.4, SE 0.4, P = 0.001).",
         [{"measure": "MD", "value": -1.4, "se": 0.4, "p_value": 0.001}]),
    Rule("percent-closing-a-list", 29, "'risk reductions of 30 (95% CI 15-45), 44 (95% CI 29-59) and 26 percent (95% CI "
         "6-44), respectively': the percent sign printed once, with the last value of a list, is every value's",
         ("number", "interval", "measure_name", "percent"), differences.percent_closing_a_list,
         "Patients were randomly assigned to rituximab or placebo. The absolute risk reductions at 10, 20 and 40 minutes "
         "were 22 (95% CI: 9.1 \u2013 34.9), 37 (95% CI: 21.5 \u2013 52.5), and 19 percent (95% CI: 4.2 \u2013 33.8), "
         "respectively.",
         [{"measure": "RD", "value": 0.22, "ci_low": 0.091, "ci_high": 0.349},
          {"measure": "RD", "value": 0.37, "ci_low": 0.215, "ci_high": 0.525},
          {"measure": "RD", "value": 0.19, "ci_low": 0.042, "ci_high": 0.338}]),
    Rule("one-estimate-two-times", 29, "'on Days 5 and 10: OR = 0.31 95% CI 0.11-0.88 for both days', 'at 3 and 6 months "
         "(HR 0.70, 95% CI 0.5-0.9 at both time points)': one estimate stated for two times is a row for each",
         ("measure_name", "number", "interval"), differences.one_estimate_two_times,
         "Patients were randomly assigned to rituximab or placebo. Carriage was lower on Days 5 and 10: OR = 0.31 95%CI "
         "0.11\u20130.88 for both days.",
         [{"measure": "OR", "value": 0.31, "ci_low": 0.11, "ci_high": 0.88, "timepoint": "day 5"},
          {"measure": "OR", "value": 0.31, "ci_low": 0.11, "ci_high": 0.88, "timepoint": "day 10"}]),
    Rule("estimate-at-both-times", 29, "'(OR 0.55, 95% CI 0.31-0.97) at both 6 and 12 months': one estimate stated for the "
         "two times printed right after it is a row for each",
         ("measure_name", "number", "interval"), differences.estimate_at_both_times,
         "Patients were randomly assigned to rituximab or placebo. The odds ratio of relapse was 0.55 (95% CI 0.31-0.97) "
         "at both 6 and 12 months.",
         [{"measure": "OR", "value": 0.55, "ci_low": 0.31, "ci_high": 0.97, "timepoint": "6 months"},
          {"measure": "OR", "value": 0.55, "ci_low": 0.31, "ci_high": 0.97, "timepoint": "12 months"}]),
    # ------------------------------------------------------------------ relative changes and rates
    Rule("relative-change", 30, "a percentage reduction ('declined by 37%', 'by 44 percent', '-71% vs placebo')",
         ("number", "percent", "interval", "p_value"), effects.relative_changes,
         "Rituximab reduced the risk of relapse by 44 percent compared with azathioprine.",
         [{"measure": "RRR", "value": 0.44, "intervention": "rituximab", "comparator": "azathioprine"}]),
    Rule("reduction-with-percent-pair", 30, "'reduced the hazard rate of diarrhea by 24% (4%-40%)': a bracketed pair of "
         "percentages after a percentage reduction is its interval",
         ("number", "percent", "bare_pair"), effects.relative_changes,
         "Rituximab reduced the rate of relapse by 31% (12%-46%).",
         [{"measure": "RRR", "value": 0.31, "ci_low": 0.12, "ci_high": 0.46}]),
    Rule("reduction-then-interval", 30, "'(6% reduction, 95% CI: -1 to 12%)', 'a 26% reduction in the risk of death (95% "
         "CI 10% to 40%)': the interval printed after the reduction's word or after what it reduced",
         ("number", "percent", "interval", "p_value"), effects.relative_changes,
         "Overall, the vaccine had no effect on otitis (8% reduction, 95% Confidence Interval [CI]: -2 to 15%; p = 0.09).",
         [{"measure": "RRR", "value": 0.08, "ci_low": -0.02, "ci_high": 0.15, "p_value": 0.09}]),
    Rule("share-increased-by", 20, "'the response rate in those treated for 24 weeks increased by 8.4% [95% CI ...]': a "
         "share's increase between two groups with its interval, in percentage points, a risk difference",
         ("number", "percent", "interval"), effects.with_interval,
         "Compared to patients treated for 12 weeks, the response rate in those treated for 24 weeks increased by 8.4% "
         "[95% CI: -4.2% to 21.0%].",
         [{"measure": "RD", "value": 0.084, "ci_low": -0.042, "ci_high": 0.21}]),
    Rule("bracket-after-a-comparison", 20, "'C3 showed a significantly larger hydration than the reference cream R (12.30; "
         "95 %-CI: 3.05-21.55)': the bracket after a comparison of two treatments prints their mean difference",
         ("number", "interval", "p_value"), effects.with_interval,
         "C3 showed a significantly larger hydration than the reference cream R (12.30; 95 %-CI: 3.05-21.55; P = 0.009).",
         [{"measure": "MD", "value": 12.3, "ci_low": 3.05, "ci_high": 21.55, "p_value": 0.009}]),
    Rule("difference-of-proportions", 12, "'the proportions ... were 0.51 in A and 0.40 in B (difference 0.11, 95% CI "
         "-0.02 to 0.24)': a difference of proportions printed as fractions is a risk difference",
         ("measure_name", "number", "interval"), effects.labelled,
         "The proportions with remission were 0.48 with rituximab and 0.31 with azathioprine (difference 0.17, 95% CI: "
         "0.03 to 0.31).",
         [{"measure": "RD", "value": 0.17, "ci_low": 0.03, "ci_high": 0.31}]),
    Rule("reduction-in-the-risk", 31, "'a 16% reduction in the risk for recurrent stroke' is a relative reduction even "
         "when a level's name stands earlier in the sentence (a trial named '... Reduction in Cholesterol Levels')",
         ("number", "percent"), effects.relative_changes,
         "In the Aggressive Reduction in Cholesterol Levels trial, rituximab was associated with 16% reduction in the "
         "risk for recurrent relapse.",
         [{"measure": "RRR", "value": 0.16, "intervention": "rituximab"}]),
    Rule("rate-per-patient-years", 40, "an event rate per (100) patient-years",
         ("rate", "number"), effects.rates_per_100,
         "In the year before study entry, the clinical-deterioration rate was 44.4/100 patient-years (PY).",
         [{"measure": "ARR", "value": 44.4, "unit": "per 100 patient-years"}]),
    Rule("rates-of-events-listed", 40, "rates naming what they count ('5.2 suicide-related events per 100 person-years', "
         "'4.8 cases per 100 person-years') and a list whose unit is printed once, after its last value ('11.0, 7.8, and "
         "4.8 cases per 100 person-years in the A, B, and C groups, respectively')",
         ("rate", "number"), effects.rates_per_100,
         "Patients were randomly assigned to placebo, rituximab, or azathioprine. The incidence of relapse was 10.2, 6.9, "
         "and 5.1 cases per 100 person-years in the placebo, rituximab, and azathioprine groups, respectively.",
         [{"measure": "ARR", "value": 10.2, "unit": "per 100 patient-years", "intervention": "placebo"},
          {"measure": "ARR", "value": 6.9, "unit": "per 100 patient-years", "intervention": "rituximab"},
          {"measure": "ARR", "value": 5.1, "unit": "per 100 patient-years", "intervention": "azathioprine"}]),
    Rule("yearly-percent-rates", 41, "'2.56 vs. 2.65%/year': yearly percentages are rates per 100 patient-years, the "
         "first value of the pair in the same unit, the two in the comparison's arm order",
         ("rate", "number"), effects.rates_per_100,
         "Patients were randomly assigned to rituximab (n = 80) or placebo (n = 79). Relapses occurred in both groups "
         "at similar rates (2.56 vs. 2.65%/year).",
         [{"measure": "ARR", "value": 2.56, "unit": "per 100 patient-years", "intervention": "rituximab"},
          {"measure": "ARR", "value": 2.65, "unit": "per 100 patient-years", "intervention": "placebo"}]),
    Rule("relapse-rate-context", 50, "plain decimals in a sentence about annualized relapse rates",
         ("number", "measure_name"), effects.relapse_rates,
         "The median ARR decreased from 1.17 to 0.25 on rituximab (P<0.01).",
         [{"measure": "ARR", "value": 1.17, "timepoint": "before treatment", "intervention": "rituximab"},
          {"measure": "ARR", "value": 0.25, "timepoint": "on treatment", "intervention": "rituximab", "p_text": "<0.01"}]),
    Rule("relapse-rates-by-study", 50, "rates listed in the order of the studies named after them: each its subgroup",
         ("number", "measure_name"), effects.relapse_rates,
         "The annualized relapse rates were 0.12 and 0.25 in SAKURA-1 and SAKURA-2, respectively.",
         [{"measure": "ARR", "value": 0.12, "subgroup": "SAKURA-1", "intervention": ""},
          {"measure": "ARR", "value": 0.25, "subgroup": "SAKURA-2", "intervention": ""}]),
    Rule("signed-difference", 60, "a signed change in a sentence about change takes the difference measure named",
         ("number", "interval", "p_value", "measure_name"), effects.signed_differences,
         "Eculizumab improved the QMG score more than placebo (mean difference, reduction -3.1; p<0.001).",
         [{"measure": "MD", "value": -3.1, "p_text": "<0.001", "intervention": "eculizumab", "comparator": "placebo"}]),
    # ------------------------------------------------------------------ counts of categories within one arm
    Rule("slash-values-of-lettered-arms", 61, "values joined by slashes, one per lettered arm the sentence names the same "
         "way: 'peak response (Arm A/B/C) was 11/52/271 (A vs. C, p = 0.028) for medians and 37/148/248 for means', "
         "'responses in 20%/60%/100% of pts in Arms A/B/C': each value the arm of its letter, in order; MEDIAN or MEAN as "
         "the run says after it, PROPORTION for percentages",
         ("number", "percent"), arm_blocks.slash_values_of_lettered_arms,
         "Patients were randomized to rituximab (arm A), azathioprine (arm B) or placebo (arm C). Median and "
         "mean peak response (spots, Arm A/B/C) was 14/47/230 (A vs. C, p = 0.03) for medians and 41/132/260 (A vs. C, "
         "p = 0.04) for means. Responses developed in 25%/50%/75% of pts in Arms A/B/C.",
         [{"measure": "MEDIAN", "value": 14.0, "intervention": "rituximab"},
          {"measure": "MEDIAN", "value": 47.0, "intervention": "azathioprine"},
          {"measure": "MEDIAN", "value": 230.0, "intervention": "placebo"},
          {"measure": "MEAN", "value": 41.0, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 132.0, "intervention": "azathioprine"},
          {"measure": "MEAN", "value": 260.0, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.25, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.5, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "value": 0.75, "intervention": "placebo"}]),
    Rule("arm-category-counts", 62, "counts of categories listed for one arm, each its own outcome: tumour responses "
         "('two partial responses (PR), seven stable disease (SD) and three progressive disease (PD) in the A arm', "
         "'for the B arm, there were three PR, four SD and one PD') and an event's grades ('neutropenia was grade 3 in "
         "four and grade 4 in one'); total the arm's size, or the sum of a list of every response class (flagged)",
         ("number",), arm_categories.category_counts,
         "Patients were randomly assigned to rituximab or placebo. We observed two partial responses (PR), seven "
         "stable disease (SD) and three progressive disease (PD) in the rituximab arm.",
         [{"measure": "PROPORTION", "events": 2, "total": 12, "intervention": "rituximab", "outcome": "partial response"},
          {"measure": "PROPORTION", "events": 7, "total": 12, "intervention": "rituximab", "outcome": "stable disease"},
          {"measure": "PROPORTION", "events": 3, "total": 12, "intervention": "rituximab",
           "outcome": "progressive disease"}]),
    # ------------------------------------------------------------------ the whole population at baseline
    Rule("population-baseline", 65, "figures of the whole study population at baseline, in a sentence naming no arm: "
         "'1578 patients (491 female, age 66.2 years)', '73 (13.6%) were younger than five', '68 percent were "
         "women', 'the mean age of the participants was 51 years': arm 'all patients', role baseline, the "
         "population the document states as denominator",
         ("count_of", "count_percent", "percent", "number"), population.everyone_at_baseline,
         "We randomly assigned 412 adults with asthma to rituximab or placebo. At baseline, the mean age of the "
         "participants was 47 years (SD 12.5); 61 percent were women, and 103 (25.0%) were current smokers.",
         [{"measure": "MEAN", "value": 47.0, "sd": 12.5, "total": 412, "intervention": "all patients",
           "role": "baseline"},
          {"measure": "PROPORTION", "value": 0.61, "events": 251, "total": 412, "intervention": "all patients",
           "role": "baseline"},
          {"measure": "PROPORTION", "value": 0.25, "events": 103, "total": 412, "intervention": "all patients",
           "role": "baseline"}]),
    Rule("population-in-its-bracket", 65, "a population printed with its traits in brackets: '1,240 patients "
         "(388 female, age 64.1 years)'",
         ("number",), population.everyone_at_baseline,
         "In this randomized trial, 1,240 patients (388 female, age 64.1 years) were followed for a median of 4 years.",
         [{"measure": "PROPORTION", "events": 388, "total": 1240, "intervention": "all patients", "role": "baseline"},
          {"measure": "MEAN", "value": 64.1, "total": 1240, "intervention": "all patients", "role": "baseline"}]),
    Rule("arm-characteristics", 66, "an arm's characteristics at entry in a sentence it opens: 'The A group (n=60) had 32 "
         "males and 28 females, with a mean age of 63.2, which included 32 cases of NYHA grade III and 28 cases of "
         "grade II': the first sex count (the second is its complement), the mean age and each 'N cases of X', role "
         "baseline, total the arm's size",
         ("number",), arm_baseline.arm_characteristics,
         "Patients were randomly assigned to rituximab (n = 48) or placebo (n = 50). The rituximab group (n = 48) had "
         "27 males and 21 females aged between 19 and 66 years, with a mean age of 41.5, which included 12 cases of "
         "optic neuritis and five cases of myelitis.",
         [{"measure": "PROPORTION", "events": 27, "total": 48, "intervention": "rituximab", "role": "baseline",
           "outcome": "male sex"},
          {"measure": "MEAN", "value": 41.5, "total": 48, "intervention": "rituximab", "role": "baseline",
           "outcome": "age", "sd": None},
          {"measure": "PROPORTION", "events": 12, "total": 48, "intervention": "rituximab", "role": "baseline",
           "outcome": "optic neuritis"},
          {"measure": "PROPORTION", "events": 5, "total": 48, "intervention": "rituximab", "role": "baseline",
           "outcome": "myelitis"}]),
    Rule("population-sex-pair-and-bracket", 65, "'There were 64 males and 56 females aged 45-78 years old, (58 \u00b1 11) in "
         "average' (the first sex count when the two add up to the population, the mean age 'in average' after 'aged'), "
         "'(78.9% male)' after the population, 'Of the 180 randomized participants': arm 'all patients', role baseline",
         ("number", "percent"), population.everyone_at_baseline,
         "We randomly assigned 120 adults with asthma to rituximab or placebo. There were 64 males and 56 females aged "
         "45-78 years old, (58 \u00b1 11) in average. Patients were allocated to 2 groups of 60 (53.3% male).",
         [{"measure": "PROPORTION", "events": 64, "total": 120, "intervention": "all patients", "role": "baseline",
           "outcome": "male sex"},
          {"measure": "MEAN", "value": 58.0, "sd": 11.0, "total": 120, "intervention": "all patients",
           "role": "baseline", "outcome": "age"},
          {"measure": "PROPORTION", "value": 0.533, "events": 64, "total": 120, "intervention": "all patients",
           "role": "baseline", "outcome": "male sex"}]),
    Rule("population-shares-by-trait", 65, "shares of the whole population named by the trait before their bracket, in a "
         "sentence naming no arm and no event: 'Patients were predominantly male (95%)', 'Stage III disease was "
         "predominant (67.5%)', 'the dominant sites (47.5%)', 'The majority had adenocarcinoma (65.2%) and a performance "
         "status of 0 to 1 (83.5%)': arm 'all patients', role baseline, over the population the document states; a "
         "sentence comparing ('more common in women (12%) than in men') is none",
         ("percent",), population.everyone_at_baseline,
         "We randomly assigned 160 patients with lung cancer to rituximab or placebo. Patients were predominantly male "
         "(95%). Stage III disease was predominant (67.5%). The majority had adenocarcinoma (65.0%) and a performance "
         "status of 0 to 1 (83.5%). Rash was more common in women (12%) than in men (8%).",
         [{"measure": "PROPORTION", "value": 0.95, "events": 152, "total": 160, "intervention": "all patients",
           "role": "baseline", "outcome": "male sex"},
          {"measure": "PROPORTION", "value": 0.675, "events": 108, "total": 160, "intervention": "all patients",
           "role": "baseline", "outcome": "stage iii disease"},
          {"measure": "PROPORTION", "value": 0.65, "events": 104, "total": 160, "intervention": "all patients",
           "role": "baseline", "outcome": "adenocarcinoma"},
          {"measure": "PROPORTION", "value": 0.835, "events": 134, "total": 160, "intervention": "all patients",
           "role": "baseline", "outcome": "performance status of 0 to 1"}]),
    Rule("population-counted-in-its-sentence", 65, "a trial whose population no sentence states: the people a sentence "
         "counts by sex are its population ('Twenty-four male (40.0%) and 36 female (60.0%) patients were included, "
         "with a mean age of 31.2 \u00b1 6.5 (19 - 44) years': the first share over the total it fits, the mean age "
         "over it; '27 were men and 43 were women': 27/70); a bare bracket after the SD is the age's range",
         ("number", "percent"), population.everyone_at_baseline,
         "In this double-blind trial, patients were randomly assigned to rituximab or placebo. Twenty-four male (40.0%) "
         "and 36 female (60.0%) patients were included in this study, with a mean age of 31.2 \u00b1 6.5 (19 - 44) "
         "years. Of the patients screened, 27 were men and 43 were women.",
         [{"measure": "PROPORTION", "value": 0.4, "events": 24, "total": 60, "intervention": "all patients",
           "role": "baseline", "outcome": "male sex"},
          {"measure": "MEAN", "value": 31.2, "sd": 6.5, "range_low": 19.0, "range_high": 44.0, "total": 60,
           "intervention": "all patients", "role": "baseline", "outcome": "age"},
          {"measure": "PROPORTION", "events": 27, "total": 70, "intervention": "all patients", "role": "baseline",
           "outcome": "male sex"}]),
    Rule("population-traits-listed", 65, "shares of everyone listed as traits once the sentence has given one ('with 72% "
         "white, 58% female, 31% employed, 64% with symptoms for at least 2 y, and 17% on insulin'), a trait before its "
         "own bracket ('predominantly female (61.2%), black (22.4%)', 'Prior use of orthotic insoles at baseline was low (6.5%)', "
         "'(47 % women)' after a spelled-out population), in a sentence that says the arms were alike ('comparable among "
         "the groups'): arm 'all patients', role baseline, each its trait as outcome",
         ("percent",), population.everyone_at_baseline,
         "Four hundred and twelve patients (47 % women) were randomized to rituximab or placebo. Baseline characteristics "
         "were comparable among the groups; the population was predominantly female (61.2%), black (22.4%), with 31% "
         "employed, 64% with symptoms for at least 2 y, and 17% on insulin. Prior use of orthotic insoles as reported at "
         "baseline was low (6.5%).",
         [{"measure": "PROPORTION", "value": 0.47, "events": 194, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "female sex"},
          {"measure": "PROPORTION", "value": 0.612, "events": 252, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "female sex"},
          {"measure": "PROPORTION", "value": 0.224, "events": 92, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "black"},
          {"measure": "PROPORTION", "value": 0.31, "events": 128, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "employed"},
          {"measure": "PROPORTION", "value": 0.64, "events": 264, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "symptoms for at least 2 y"},
          {"measure": "PROPORTION", "value": 0.17, "events": 70, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "insulin"},
          {"measure": "PROPORTION", "value": 0.065, "events": 27, "total": 412, "intervention": "all patients",
           "role": "baseline", "outcome": "prior use of orthotic insoles"}]),
    Rule("population-shares-spelled-or-leading", 65, "'Forty-two per cent of the patients had X, 33 % had Y', 'In 61 % of "
         "patients, the left knee was affected': shares of everyone spelled out or leading their clause, each with the "
         "trait that follows",
         ("percent",), population.everyone_at_baseline,
         "We randomly assigned 250 patients with knee injury to bracing or taping. In 61 % of patients, the left knee was "
         "affected. Forty-two per cent of the patients had a Lysholm grade of 1, 33 % had a grade of 2 and 25 % had a "
         "higher grade.",
         [{"measure": "PROPORTION", "value": 0.61, "events": 152, "total": 250, "intervention": "all patients",
           "role": "baseline", "outcome": "left knee affected"},
          {"measure": "PROPORTION", "value": 0.42, "events": 105, "total": 250, "intervention": "all patients",
           "role": "baseline", "outcome": "lysholm grade of 1"},
          {"measure": "PROPORTION", "value": 0.33, "events": 82, "total": 250, "intervention": "all patients",
           "role": "baseline", "outcome": "grade of 2"},
          {"measure": "PROPORTION", "value": 0.25, "events": 62, "total": 250, "intervention": "all patients",
           "role": "baseline", "outcome": "higher grade"}]),
    Rule("population-means-spread-named-first", 65, "means of everyone whose spread is named with the word 'mean' ('mean ± "
         "SD age of 44.1 ± 9.8 years', 'a mean (SD) age of 61.0 (7.7) years, and a body mass index of 29.4 (4.2)'), an SD "
         "after an interval in the same bracket ('41.6 years (39.0-44.2; SD 12.1)'), a mean beside shares of everyone "
         "('Mean serum creatinine was 1.12 mg/dL, 18.5% of patients had ...'): arm 'all patients', role baseline",
         ("number",), population.everyone_at_baseline,
         "We randomly assigned 400 adults with gout to rilonacept or placebo. The groups were similar, with a population "
         "that had a mean (SD) age of 61.0 (7.7) years, and a body mass index of 29.4 (4.2). Mean serum creatinine was "
         "1.12 mg/dL, and 18.5% of patients had chronic kidney disease. Mean age of the patients was 41.6 years "
         "(39.0-44.2; SD 12.1).",
         [{"measure": "MEAN", "value": 61.0, "sd": 7.7, "total": 400, "intervention": "all patients", "role": "baseline",
           "outcome": "age"},
          {"measure": "MEAN", "value": 29.4, "sd": 4.2, "total": 400, "intervention": "all patients", "role": "baseline",
           "outcome": "body mass index"},
          {"measure": "MEAN", "value": 1.12, "total": 400, "intervention": "all patients", "role": "baseline",
           "outcome": "serum creatinine"},
          {"measure": "PROPORTION", "value": 0.185, "events": 74, "total": 400, "intervention": "all patients",
           "role": "baseline", "outcome": "chronic kidney disease"},
          {"measure": "MEAN", "value": 41.6, "sd": 12.1, "total": 400, "intervention": "all patients", "role": "baseline",
           "outcome": "age"}]),
    Rule("population-medians-and-qualified-means", 65, "figures of everyone named with more words: 'The mean age of the "
         "enrolled cohort at the time of the first visit was 36.4 years', 'a median age of 52 years (IQR 41-60)' (a MEDIAN, "
         "with its quartiles or range), 'Only 6.2% of the study participants were 70 years or older', shares of both sexes "
         "in a clause whose sentence names the arms only to say they were alike ('...; the distribution was similar in the "
         "A and B group'), an SD printed '(±9.2 cm)': arm 'all patients', role baseline",
         ("number", "percent"), population.everyone_at_baseline,
         "A total of 420 participants were randomly assigned to vitamin D or placebo. The mean age of the enrolled cohort "
         "at the time of the first visit was 36.4 years. Participants were mostly female (64%), with a median age of 52 "
         "years (IQR 41-60). Only 6.2% of the study participants were 70 years or older. The trial population comprised "
         "64.3% women and 35.7% men; the distribution was similar in the vitamin D and placebo group. The average height "
         "was 168 cm (\u00b19.2 cm).",
         [{"measure": "MEAN", "value": 36.4, "total": 420, "intervention": "all patients", "role": "baseline",
           "outcome": "age"},
          {"measure": "PROPORTION", "value": 0.64, "events": 269, "total": 420, "intervention": "all patients",
           "role": "baseline", "outcome": "female sex"},
          {"measure": "MEDIAN", "value": 52.0, "q1": 41.0, "q3": 60.0, "total": 420, "intervention": "all patients",
           "role": "baseline", "outcome": "age"},
          {"measure": "PROPORTION", "value": 0.062, "events": 26, "total": 420, "intervention": "all patients",
           "role": "baseline", "outcome": "70 years or older"},
          {"measure": "PROPORTION", "value": 0.643, "events": 270, "total": 420, "intervention": "all patients",
           "role": "baseline", "outcome": "female sex"},
          {"measure": "PROPORTION", "value": 0.357, "events": 150, "total": 420, "intervention": "all patients",
           "role": "baseline", "outcome": "male sex"},
          {"measure": "MEAN", "value": 168.0, "sd": 9.2, "total": 420, "intervention": "all patients",
           "role": "baseline", "outcome": "height"}]),
    Rule("outcome-of-everyone", 66, "an outcome of the whole trial, both arms together, in a sentence naming no arm: 'The "
         "overall response rate was 64% (complete remission (CR) 55% CRi 9%)', 'Overall, 38% of the patients achieved "
         "remission': PROPORTION rows of 'all patients' over the trial's population (role effect), one per kind the bracket "
         "breaks it into",
         ("percent",), population.everyone_overall,
         "A total of 500 patients were randomly assigned to rituximab or azathioprine. The overall response rate was 64% "
         "(complete remission (CR) 55% CRi 9%), with no difference between the groups.",
         [{"measure": "PROPORTION", "value": 0.64, "events": 320, "total": 500, "intervention": "all patients",
           "outcome": "response"},
          {"measure": "PROPORTION", "value": 0.55, "events": 275, "total": 500, "intervention": "all patients"},
          {"measure": "PROPORTION", "value": 0.09, "events": 45, "total": 500, "intervention": "all patients"}]),
    Rule("population-traits-in-brackets", 66, "traits of everyone each printed with its figure in a bracket, in a sentence "
         "about baseline naming no arm (or only to say they did not differ): 'Among the 40 participants who completed the "
         "trial, baseline gender (58% female), years of education (13.1 years), use of statins (45%) and MMSE (24.3) did "
         "not differ among treatment groups': shares are PROPORTIONs, other figures MEANs, over the people the sentence "
         "opens with (else the trial's population)",
         ("number", "percent"), population.bracketed_traits,
         "A total of 48 participants were randomly assigned to rituximab or placebo. Among the 40 participants who "
         "completed the trial, baseline gender (58% female), years of education (13.1 years), use of statins (45%) and "
         "MMSE (24.3) did not differ among treatment groups.",
         [{"measure": "PROPORTION", "value": 0.58, "events": 23, "total": 40, "intervention": "all patients",
           "outcome": "female sex"},
          {"measure": "MEAN", "value": 13.1, "total": 40, "intervention": "all patients", "outcome": "years of education"},
          {"measure": "PROPORTION", "value": 0.45, "events": 18, "total": 40, "intervention": "all patients"},
          {"measure": "MEAN", "value": 24.3, "total": 40, "intervention": "all patients", "outcome": "mmse"}]),
    Rule("sample-range-then-mean", 66, "a range of everyone then its mean in the bracket: 'Ages ranged from 21 to 58 years "
         "(mean = 36.2 \u00b1 7.9 SD)': MEAN (or MEDIAN) of 'all patients' with its range and SD, role baseline",
         ("number",), whole_sample_prose.range_then_mean,
         "We randomly assigned 72 adults with migraine to rituximab or placebo. Ages ranged from 21 to 58 years (mean = "
         "36.2 \u00b1 7.9 SD).",
         [{"measure": "MEAN", "value": 36.2, "sd": 7.9, "range_low": 21.0, "range_high": 58.0, "total": 72,
           "intervention": "all patients", "role": "baseline", "outcome": "age"}]),
    Rule("sample-traits-counted", 66, "traits of everyone each before a bracket holding its count: 'were men (41 people, "
         "56.9%)', 'X (n = 6) and Y (n = 2)', 'a smoking history (35/72, 49%)', in a sentence naming no arm whose figures "
         "are all such counts: PROPORTION of 'all patients' over the population, role baseline",
         ("number", "percent"), whole_sample_prose.counted_traits,
         "We randomly assigned 72 adults with chronic cough to rituximab or placebo. Most of the participants were men (41 "
         "people, 56.9%). Other diagnoses included bronchiectasis (n = 6) and sarcoidosis (n = 3).",
         [{"measure": "PROPORTION", "events": 41, "total": 72, "intervention": "all patients", "role": "baseline",
           "outcome": "male sex"},
          {"measure": "PROPORTION", "events": 6, "total": 72, "intervention": "all patients", "role": "baseline"},
          {"measure": "PROPORTION", "events": 3, "total": 72, "intervention": "all patients", "role": "baseline"}]),
    Rule("sample-shares-in", 66, "'the cause was X in 41.7%, Y in 20.8% and Z in 9.7%': two or more traits each with its "
         "share of everyone (adding up to at most the whole), in a sentence naming no arm: PROPORTIONs of 'all patients'",
         ("percent",), whole_sample_prose.shares_in,
         "We randomly assigned 72 adults with chronic cough to rituximab or placebo. The cause of the cough was asthma in "
         "41.7%, reflux in 20.8% and rhinitis in 9.7%.",
         [{"measure": "PROPORTION", "value": 0.417, "events": 30, "total": 72, "intervention": "all patients"},
          {"measure": "PROPORTION", "value": 0.208, "events": 15, "total": 72, "intervention": "all patients"},
          {"measure": "PROPORTION", "value": 0.097, "events": 7, "total": 72, "intervention": "all patients"}]),
    Rule("sample-subset-of-them", 67, "'38 (52.8%) had a positive screen and 9 (23.7%) of them ...': a subset's count over "
         "the count of everyone read before it in the sentence, arm 'all patients'",
         ("count_percent",), whole_sample_prose.subset_of_them,
         "We randomly assigned 72 adults with chronic cough to rituximab or placebo. At baseline, 38 (52.8%) had a "
         "positive skin test and 9 (23.7%) of them had nasal polyps.",
         [{"measure": "PROPORTION", "events": 38, "total": 72, "intervention": "all patients", "role": "baseline"},
          {"measure": "PROPORTION", "events": 9, "total": 38, "intervention": "all patients", "role": "baseline"}]),
    Rule("sample-on-average", 66, "'the infants were, on average, 38 days old': the mean age of everyone",
         ("number",), whole_sample_prose.on_average,
         "We randomly assigned 72 infants with colic to probiotic or placebo. The infants were, on average, 38 days old.",
         [{"measure": "MEAN", "value": 38.0, "total": 72, "intervention": "all patients", "role": "baseline"}]),
    Rule("arm-characteristics-clauses", 66, "each arm's characteristics in a clause of its own: 'Details were as follows: "
         "A group, 100 patients, 58 patients male, 42 patients female, ...; B group, 100 patients, 61 patients male, "
         "...': the first sex count of each clause, the arm's size printed after its name when the study does not give it",
         ("number",), arm_baseline.arm_characteristics,
         "A total of 200 patients were randomized into rituximab (n = 100) or placebo (n = 100). Details were as follows: "
         "rituximab group, 100 patients, 58 patients male, 42 patients female, 3 patients lost; placebo group, 100 "
         "patients, 61 patients male, 39 patients female, 2 patients lost.",
         [{"measure": "PROPORTION", "events": 58, "total": 100, "intervention": "rituximab", "role": "baseline",
           "outcome": "male sex"},
          {"measure": "PROPORTION", "events": 61, "total": 100, "intervention": "placebo", "role": "baseline",
           "outcome": "male sex"}]),
    # ------------------------------------------------------------------ proportions
    Rule("people-of-an-arm-first", 69, "'Out of the 28 patients given A, 25 presented with X', 'Of the 40 participants in "
         "the B group, 12 (30%) had X': an arm's people counted first, then how many of them did something: that arm's "
         "events of the printed total, whether or not the outcome lexicon knows the outcome (not traits, not the flow)",
         ("people_then_count",), proportions.people_of_an_arm_first,
         "Patients were randomly assigned to rituximab (n = 28) or placebo (n = 30). Out of the 28 patients given "
         "rituximab, 19 regained full grip strength.",
         [{"measure": "PROPORTION", "events": 19, "total": 28, "intervention": "rituximab"}]),
    Rule("count-of", 70, "events of total ('14 of 19', '117/141', 'Nine of 30'), with a % printed beside it",
         ("count_of", "word_count_of", "percent", "p_value"), proportions.count_of,
         "Treatment failure occurred in 10 of 25 (40%) patients on azathioprine versus 2 of 23 (8.7%) on rituximab.",
         [{"measure": "PROPORTION", "value": 0.4, "events": 10, "total": 25, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "value": 0.087, "events": 2, "total": 23, "intervention": "rituximab"}]),
    Rule("count-of-the-total", 70, "'88 of the 410 patients who received A (21.5%) and 97 of the 402 patients who "
         "received B': events of a total printed with 'of the'",
         ("count_of",), proportions.count_of,
         "Serious adverse events were reported in 88 of the 410 patients who received rituximab (21.5%) and in 97 of "
         "the 402 patients who received placebo (24.1%).",
         [{"measure": "PROPORTION", "events": 88, "total": 410, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 97, "total": 402, "intervention": "placebo"}]),
    Rule("share-of-the-women-in-arm", 70, "'In 9.9% (39/394) of the women in the A group and 7.3% (28/382) of the women in the "
         "B group, treatment was stopped': the people counted (women, men, infants) then their arm; the noun is no trait",
         ("count_of", "percent"), proportions.count_of,
         "Women were randomly assigned to rituximab or placebo. In 8.1% (32/395) of the women in the rituximab group "
         "and 6.2% (24/387) of the women in the placebo group, treatment was stopped because of side effects.",
         [{"measure": "PROPORTION", "events": 32, "total": 395, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 24, "total": 387, "intervention": "placebo"}]),
    Rule("counts-compared", 70, "two arms' counts set side by side are an outcome's counts even when the outcome "
         "lexicon does not know the outcome's name (not in a sentence about enrolment, allocation or losses)",
         ("count_of", "count_percent", "percent"), proportions.count_of,
         "Wound dehiscence was seen in 12/80 (15%) of the mesh group versus 25/79 (32%) of the suture group.",
         [{"measure": "PROPORTION", "value": 0.15, "events": 12, "total": 80},
          {"measure": "PROPORTION", "value": 0.32, "events": 25, "total": 79}]),
    Rule("counts-of-each-group", 70, "'the cure rate of each group was as follows: A 84.0% (42/50), B 76.0% (38/50), and "
         "C 62.0% (31/50)': counts of each group listed are an outcome's counts even when the lexicon does not know it",
         ("count_of", "percent"), proportions.count_of,
         "Patients were randomly assigned to rituximab (n = 50), azathioprine (n = 50) or placebo (n = 50). The cure "
         "rate of each group was as follows: rituximab 84.0% (42/50), azathioprine 76.0% (38/50), and placebo 62.0% "
         "(31/50).",
         [{"measure": "PROPORTION", "events": 42, "total": 50, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 38, "total": 50, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "events": 31, "total": 50, "intervention": "placebo"}]),
    Rule("word-counts-out-of", 70, "'two out of six patients in the A group compared with five out of nine in the B "
         "group': counts and totals spelled out, set against each other",
         ("word_count_of",), proportions.count_of,
         "Two out of six patients in the rituximab group compared with five out of nine in the placebo group had "
         "thromboses at one month (OR = 0.40, 95% CI 0.05-3.42).",
         [{"measure": "PROPORTION", "events": 2, "total": 6}, {"measure": "PROPORTION", "events": 5, "total": 9},
          {"measure": "OR", "value": 0.40, "ci_low": 0.05, "ci_high": 3.42}]),
    Rule("all-of", 71, "'All 9 patients ...' reached the outcome", ("all_of",), proportions.everyone,
         "All 9 patients treated with tocilizumab remained relapse-free.",
         [{"measure": "PROPORTION", "value": 1.0, "events": 9, "total": 9, "intervention": "tocilizumab"}]),
    Rule("zero-events", 72, "zero events said in words, one reading of every frame (rules/zero_events.py): nobody "
         "counted ('None of the 58 patients', 'No patient in either group developed X', with the outcomes listed after "
         "it), nobody of one arm ('None of the 29 A patients developed X'), the event denied ('There were no adverse "
         "events.', 'No X was recorded', 'In the B group, however, no X occurred'), everyone free of it, the arms "
         "negated ('Neither group reported X'), the event negated ('X was not seen in either group'), nobody stopping "
         "for an event ('None of the patients stopped participation due to adverse events': the discontinuation's "
         "zero); 0/n of each arm "
         "the clause names, else of every arm of known size where it says either / both / any / neither or names no arm "
         "and no other place (never a difference, a change, a plan, a loss, another study, a bare death)",
         ("none_of", "no_events", "number"), zero_events.zero_events,
         "Patients were randomly assigned to rituximab (n=30) or placebo (n=29). None of the 29 placebo patients "
         "developed neutropenia. Bronchospasm was not observed in either group. In the placebo group, however, no wound "
         "infection occurred. There were no deaths.",
         [{"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "bronchospasm"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "bronchospasm"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "wound infection"}]),
    Rule("zero-events-listed", 72, "zero events of several events listed and denied together ('No hypotension, "
         "bradycardia, or respiratory depression was observed': each item an event the lexicon knows, each its own "
         "outcome, every arm of known size), denied by two verbs ('No adverse events were reported or observed'), or of "
         "the arms negated with 'displayed' ('Neither of the groups displayed X')",
         ("no_events", "number"), zero_events.zero_events,
         "Patients were randomly assigned to rituximab (n=30) or placebo (n=29). No hypotension, bradycardia, or "
         "respiratory depression was observed. Neither of the groups displayed wound infection. No adverse events were "
         "reported or observed during the study.",
         [{"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "hypotension"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "hypotension"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "bradycardia"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "bradycardia"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "respiratory depression"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "respiratory depression"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "wound infection"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "wound infection"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "adverse events"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "adverse events"}]),
    Rule("zero-events-people-negated-list", 72, "nobody had any of several events listed after the verb ('No patients "
         "experienced fasting glucose \u2265126 mg/dL, non-fasting glucose \u2265180 mg/dL, ...'): each item its own zero "
         "of every arm of known size, a threshold printed right after an event's name part of it (no count of the "
         "sentence)",
         ("number",), zero_events.zero_events,
         "Patients were randomly assigned to rituximab (n=30) or placebo (n=29). No patients experienced fasting glucose "
         "\u2265126 mg/dL, hypokalemia, hyponatremia.",
         [{"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab",
           "outcome": "fasting glucose \u2265126 mg/dl"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo",
           "outcome": "fasting glucose \u2265126 mg/dl"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "hypokalemia"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "hypokalemia"},
          {"measure": "PROPORTION", "events": 0, "total": 30, "intervention": "rituximab", "outcome": "hyponatremia"},
          {"measure": "PROPORTION", "events": 0, "total": 29, "intervention": "placebo", "outcome": "hyponatremia"}]),
    Rule("counts-before-their-arms", 72, "two arms' counts joined by a comparing word, then the event, then the two arms "
         "in the same order: 'There were four versus one wound infections in the A versus B groups', '3 vs 7 relapses in "
         "the A and B groups, respectively' (the arms' sizes the study's)",
         ("number",), proportions.counts_before_their_arms,
         "Patients were randomly assigned to rituximab (n=30) or placebo (n=29). There were three versus seven wound "
         "infections in the rituximab versus placebo groups.",
         [{"measure": "PROPORTION", "events": 3, "total": 30, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 7, "total": 29, "intervention": "placebo"}]),
    Rule("events-in-patients", 72, "'(16 reactions in 14 participants receiving A vs ten in nine patients receiving B)', "
         "'(21 in 16 patients vs 25 in 17 patients)': events printed with the patients who had them; the patients are "
         "each arm's count (arms named in the items, or the two the sentence named before)",
         ("number",), proportions.events_in_patients,
         "Patients were randomized to rituximab (n = 130) or placebo (n = 131). Serious adverse events did not differ "
         "between rituximab and placebo (19 in 15 patients vs 22 in 18 patients).",
         [{"measure": "PROPORTION", "events": 15, "total": 130, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 18, "total": 131, "intervention": "placebo"}]),
    Rule("count-in-each-group", 72, "'Nine patients in each treatment group (16%) reported an adverse event': the count "
         "of each of the two arms of known size (the printed share must fit each arm's size)",
         ("each_group_count",), proportions.each_arm_count,
         "Patients were randomly assigned to rituximab (n = 58) or placebo (n = 57). Nine patients in each treatment "
         "group (16%) reported an adverse event.",
         [{"measure": "PROPORTION", "events": 9, "total": 58, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 9, "total": 57, "intervention": "placebo"}]),
    Rule("events-in-arm", 72, "'23 recurrences in the A group and 7 in the B group': events that happen once to a "
         "patient (deaths, recurrences, treatment failures) counted over an arm whose size the document states",
         ("arm_count",), proportions.arm_counts,
         "Patients were randomly assigned to rituximab (n = 150) or azathioprine (n = 148). By day 90 there were 19 "
         "treatment failures (clinical or radiological) in the azathioprine group and 6 in the rituximab group.",
         [{"measure": "PROPORTION", "events": 19, "total": 148, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "events": 6, "total": 150, "intervention": "rituximab"}]),
    Rule("patients-in-arm", 72, "patients with an event counted in an arm whose size the document states, no share "
         "printed: 'Two patients in the A group showed mild nausea', 'There was one case of high fever reported in the "
         "A group', 'Vomiting was recorded in one patient in group A' (total = the arm's size; a trait at entry is not "
         "an event)",
         ("patients_in_arm",), proportions.patients_in_arm,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 41). Three patients in the rituximab "
         "group developed a transient skin rash, while none did so with placebo. There was one case of severe "
         "headache reported in the placebo group. Dizziness was noted in two patients in the rituximab group. Four "
         "patients in the placebo group had a history of smoking.",
         [{"measure": "PROPORTION", "events": 3, "total": 40, "intervention": "rituximab",
           "outcome": "a transient skin rash"},
          {"measure": "PROPORTION", "events": 1, "total": 41, "intervention": "placebo", "outcome": "severe headache"},
          {"measure": "PROPORTION", "events": 2, "total": 40, "intervention": "rituximab", "outcome": "dizziness"}]),
    Rule("counts-after-the-arm", 72, "'In group 2, 5 patients had nausea and 1 patient vomited': the arm opens the "
         "sentence, then its patients counted each with what happened to them, over the arm's size",
         ("number",), proportions.counts_after_the_arm,
         "Patients were randomly assigned to rituximab (n = 25) or placebo (n = 24). In the placebo group, 7 patients "
         "had nausea and 2 patients vomited.",
         [{"measure": "PROPORTION", "events": 7, "total": 24, "intervention": "placebo"},
          {"measure": "PROPORTION", "events": 2, "total": 24, "intervention": "placebo"}]),
    Rule("events-in-arm-bracket", 72, "'412 deaths (198 in the A group and 214 in the B group)': a total of events that "
         "happen once to a patient split by arm inside its bracket; 'N deaths were attributed to X in the A group "
         "compared with M in the B group'",
         ("arm_count",), proportions.arm_counts,
         "Patients were randomly assigned to rituximab (n = 610) or azathioprine (n = 602). There were 412 deaths (198 "
         "in the rituximab group and 214 in the azathioprine group). In all, 150 deaths were attributed to infection in "
         "the rituximab group compared with 171 in the azathioprine group.",
         [{"measure": "PROPORTION", "events": 198, "total": 610, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 214, "total": 602, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "events": 150, "total": 610, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 171, "total": 602, "intervention": "azathioprine"}]),
    Rule("event-counts-after-arms", 72, "'a higher number of deaths occurred in the A group compared with the B group (253 "
         "vs 241)': two arms' counts of an event that happens once to a patient, in a bracket after the two arms, in the "
         "order they were named, over the arms' sizes; an arm named by an amount ('the 1 cm group') is that arm",
         ("arm_count",), proportions.counts_after_arms,
         "Patients were randomly assigned to rituximab (n = 310) or azathioprine (n = 305). More deaths occurred in the "
         "azathioprine group than in the rituximab group (41 vs 29), and 18 deaths were attributed to infection in the "
         "azathioprine group compared with 11 in the rituximab group. Relapses were seen in the rituximab group and the "
         "azathioprine group (44 vs 52).",
         [{"measure": "PROPORTION", "events": 41, "total": 305, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "events": 29, "total": 310, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 18, "total": 305, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "events": 11, "total": 310, "intervention": "rituximab"}]),
    Rule("patient-counts-respectively", 72, "'lower in the A group compared with the B group, with 12 and 18 patients "
         "requiring rescue analgesia, respectively': counts of patients with an event, one per arm named before them, "
         "over the arms' sizes",
         ("number",), proportions.counts_respectively,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 40). Pain was lower in the rituximab "
         "group than in the placebo group, with 9 and 17 patients requiring rescue analgesia, respectively. In the "
         "rituximab and placebo groups, 12 and 14 patients were women, respectively.",
         [{"measure": "PROPORTION", "events": 9, "total": 40, "intervention": "rituximab",
           "outcome": "requiring rescue analgesia"},
          {"measure": "PROPORTION", "events": 17, "total": 40, "intervention": "placebo",
           "outcome": "requiring rescue analgesia"}]),
    Rule("counts-then-shares-respectively", 72, "'X occurred in 45 and 43 participants (49 and 57%, respectively)': one "
         "count and its share per arm, the arms named before in one list, else the study's arms in the document's order, "
         "read only where every count over its arm's size is its printed share",
         ("number",), proportions.counts_then_shares_respectively,
         "Patients were randomly assigned to rituximab (n = 92) or placebo (n = 76). Relapse occurred in 45 and 43 "
         "participants (49 and 57%, respectively).",
         [{"measure": "PROPORTION", "events": 45, "total": 92, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 43, "total": 76, "intervention": "placebo"}]),
    Rule("event-people-by-arm", 72, "'Of the 23 patients readmitted, 13 were in the A arm and 10 in the B arm': the "
         "people with an event shared out by arm, each arm's count over its size, where the counts cover the arms "
         "named and add up to the people counted (never the trial's flow)",
         ("number",), proportions.event_people_by_arm,
         "Patients were randomly assigned to rituximab (n = 60) or placebo (n = 58). Of the 23 patients readmitted, "
         "13 were in the placebo arm and 10 were in the rituximab arm.",
         [{"measure": "PROPORTION", "events": 13, "total": 58, "intervention": "placebo"},
          {"measure": "PROPORTION", "events": 10, "total": 60, "intervention": "rituximab"}]),
    Rule("denominator-first", 72, "'the procedure was tried in 31 patients of the A group and succeeded in 27 "
         "patients (87.1%)': the denominator printed earlier in the sentence, even when no outcome word is known",
         ("count_percent", "percent"), proportions.earlier_denominator,
         "Cannulation was attempted in 31 patients of the rituximab group within two months and it was successful "
         "in 27 patients (87.1%).",
         [{"measure": "PROPORTION", "value": 0.871, "events": 27, "total": 31, "intervention": "rituximab"}]),
    Rule("count-percent", 73, "'12 (22.2%)', 'Seven patients (35%)', 'Nine (15%) of 61 participants'",
         ("count_percent", "percent"), proportions.count_percent,
         "Nine (15%) of 61 participants in the rituximab group relapsed.",
         [{"measure": "PROPORTION", "value": 0.15, "events": 9, "total": 61, "intervention": "rituximab",
           "outcome": "relapse"}]),
    Rule("count-arm-percent", 73, "'Three patients in rituximab-treated group (7.9%) showed X compared to nine patients "
         "(24.3%) in placebo group': the arm printed between the patients and their share",
         ("count_percent", "percent"), proportions.count_percent,
         "Patients were randomly assigned to rituximab (n = 38) or placebo (n = 37). Three patients in rituximab-treated "
         "group (7.89%) showed an early failure of the graft compared to nine patients (24.32%) in placebo group "
         "(P < 0.05).",
         [{"measure": "PROPORTION", "value": 0.0789, "events": 3, "total": 38, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.2432, "events": 9, "total": 37, "intervention": "placebo"}]),
    Rule("count-percent-arm-then-event", 73, "'Only 3 (7.5%) patients in rituximab group experienced a short episode of X': "
         "patients counted, their arm, then a verb saying they had an event: read even when the outcome lexicon does not "
         "know the event (a trait at entry, 'had a history of', is not one)",
         ("count_percent",), proportions.count_percent,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 40). Only 3 (7.5%) patients in rituximab "
         "group experienced a short episode of sinus pause. Four (10%) patients in the placebo group had a history of "
         "asthma.",
         [{"measure": "PROPORTION", "value": 0.075, "events": 3, "total": 40, "intervention": "rituximab"}]),
    Rule("count-list", 73, "counts listed in the order of the arms named after them (arms resolved in core)",
         ("count_percent", "count_of"), proportions.count_percent,
         "Relapse occurred in 12 (18%), 15 (22%) and 9 (14%) patients in the rituximab, azathioprine and "
         "mycophenolate groups, respectively.",
         [{"measure": "PROPORTION", "value": 0.18, "events": 12, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.22, "events": 15, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "value": 0.14, "events": 9, "intervention": "mycophenolate mofetil"}]),
    Rule("table-count-percent", 74, "a table row headed 'n (%)' printing '8 (20.0)'",
         ("table_count_percent",), proportions.table_count_percent,
         "Relapse, n (%) | 8 (20.0) | 17 (44.7)",
         [{"measure": "PROPORTION", "value": 0.2, "events": 8, "total": 40},
          {"measure": "PROPORTION", "value": 0.447, "events": 17, "total": 38}]),
    Rule("percent-n-equals", 75, "'35.2% (n = 19)', '(n = 19, 35.2%)'", ("percent_n_equals",),
         proportions.percent_n_equals,
         "Relapse occurred in 35.2% (n = 19) of rituximab-treated patients.",
         [{"measure": "PROPORTION", "value": 0.352, "events": 19, "total": 54, "intervention": "rituximab"}]),
    Rule("of-the-n", 76, "'Of the 117 patients ..., 56% achieved ...': the group named first", ("of_the_n",),
         proportions.of_the_n,
         "Of the 117 patients who entered the extension, 56% achieved minimal manifestation status.",
         [{"measure": "PROPORTION", "value": 0.56, "events": 66, "total": 117}]),
    Rule("percent-of", 77, "'26.7% of 116 patients', '80% of the patients showed'", ("percent_of",),
         proportions.percent_of,
         "Overall rates of serious AEs in the voclosporin arm (26.7% of 116 patients) were similar.",
         [{"measure": "PROPORTION", "value": 0.267, "events": 31, "total": 116, "intervention": "voclosporin"}]),
    Rule("percent-of-those-who-received", 77, "'2.5% of the patients who received A and 3.4% of those who received B': the "
         "arm named after the percentage gives its total (the arm's size); words after the arm's name still veto a trait",
         ("percent_of",), proportions.percent_of,
         "Patients were randomly assigned to rituximab (n = 1200) or placebo (n = 1190). Severe infection occurred in "
         "2.5% of the patients who received rituximab and in 3.4% of those who received placebo. Of these, 54.0% of "
         "the patients who received rituximab were women.",
         [{"measure": "PROPORTION", "value": 0.025, "events": 30, "total": 1200, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.034, "events": 40, "total": 1190, "intervention": "placebo"}]),
    Rule("percent-of-women-receiving", 77, "'21.7% of women receiving A compared with 40.6% in the B group': the people "
         "counted may be women, men, children or infants; 'x% of women were smokers' names no arm and gives no row",
         ("percent_of",), proportions.percent_of,
         "Women were randomly assigned to rituximab (n = 60) or placebo (n = 64). Relapse was experienced by 21.7% of "
         "women receiving rituximab compared with 40.6% in the placebo group. Overall, 52% of women were smokers.",
         [{"measure": "PROPORTION", "value": 0.217, "events": 13, "total": 60, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.406, "events": 26, "total": 64, "intervention": "placebo"}]),
    Rule("event-said-percent", 77, "'Transient shivering was experienced by 51.7% of women receiving A compared with 6.2% "
         "in the B group': the sentence says an event happened ('was experienced by', 'was reported in'), so its "
         "shares of arms of known size are counted even when the outcome lexicon does not know the event",
         ("percent_of", "percent"), proportions.percent_of,
         "Patients were randomly assigned to rituximab (n = 29) or placebo (n = 32). Transient shivering was experienced "
         "by 51.7% of women receiving rituximab compared with 6.2% in the placebo group.",
         [{"measure": "PROPORTION", "value": 0.517, "events": 15, "total": 29, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.062, "events": 2, "total": 32, "intervention": "placebo"}]),
    Rule("below-one-percent", 78, "'one (<1%)' for an arm of known size", ("below_one_percent",),
         proportions.below_one_percent,
         "Patients were assigned to voclosporin (n=178) or placebo (n=178). Serious infections occurred in one "
         "(<1%) patient in the voclosporin group.",
         [{"measure": "PROPORTION", "events": 1, "total": 178, "intervention": "voclosporin"}]),
    Rule("category-lists-of-each-arm", 79, "a run of lists closed by 'respectively' and one arm per list named after "
         "it, each list an arm's shares of the same categories summing to 100%: 'was 9.7% and 90.3%, 8.8% and 91.2% "
         "respectively in the A and B group'",
         ("percent_list", "percent"), proportions.category_lists_of_each_arm,
         "Patients were randomly assigned to rituximab (n = 30) or placebo (n = 32). The share of seronegative and "
         "seropositive patients was 20.0% and 80.0%, 12.5% and 87.5% respectively in rituximab and placebo group.",
         [{"measure": "PROPORTION", "value": 0.2, "events": 6, "total": 30, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.8, "events": 24, "total": 30, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.125, "events": 4, "total": 32, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.875, "events": 28, "total": 32, "intervention": "placebo"}]),
    Rule("arm-list", 80, "percentages listed in the order of the arms named after them, or before with 'respectively'",
         ("percent_list", "percent"), proportions.arm_list,
         "Response rates of 41.2%, 55.0% and 63.8% in the azathioprine, mycophenolate and rituximab groups "
         "were reported.",
         [{"measure": "PROPORTION", "value": 0.412, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "value": 0.55, "intervention": "mycophenolate mofetil"},
          {"measure": "PROPORTION", "value": 0.638, "intervention": "rituximab"}]),
    Rule("labelled-list", 81, "values labelled in place by study or cohort: '(TRIAL-1: 38%; TRIAL-2: 41%)'",
         ("labelled_list", "percent"), proportions.labelled_list,
         "Satralizumab reduced the relapse rate versus placebo (SAKURA-1: 38%; SAKURA-2: 41%).",
         [{"measure": "RRR", "value": 0.38, "subgroup": "SAKURA-1", "intervention": "satralizumab"},
          {"measure": "RRR", "value": 0.41, "subgroup": "SAKURA-2", "intervention": "satralizumab"}]),
    Rule("one-arm-respective-list", 78, "'In the A group, the incidence of cough, fever and tachypnea at admittance was "
         "96.7, 36.7 and 10%, respectively': one arm's shares of the items listed before them (the percent sign may be "
         "printed on the last value only), in a clause naming that arm only; events from the arm's size, flagged",
         ("number", "percent"), proportions.respective_lists,
         "Patients were randomly assigned to rituximab (n = 60) or placebo (n = 60). In the rituximab group, the "
         "incidence of symptoms such as cough, wheeze and dyspnea at entry was 95.0, 35, and 10%, respectively. The "
         "prevalence of radiological findings in the placebo group was 50% and 25%, respectively.",
         [{"measure": "PROPORTION", "value": 0.95, "events": 57, "total": 60, "intervention": "rituximab", "outcome": "cough",
           "flags": "events_from_percentage"},
          {"measure": "PROPORTION", "value": 0.35, "events": 21, "total": 60, "intervention": "rituximab", "outcome": "wheeze"},
          {"measure": "PROPORTION", "value": 0.10, "events": 6, "total": 60, "intervention": "rituximab", "outcome": "dyspnea"},
          {"measure": "PROPORTION", "value": 0.50, "events": 30, "total": 60, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.25, "events": 15, "total": 60, "intervention": "placebo"}]),
    Rule("arm-shares-without-sign", 78, "'The history of asthma in the A and B groups was 18.3 and 13.3, respectively': "
         "shares printed without a percent sign, one per arm named before them, read only when the clause calls them "
         "rates (history, prevalence, incidence, proportion) and each is a whole count of its arm",
         ("number",), proportions.respective_lists,
         "Patients were randomly assigned to rituximab (n = 60) or placebo (n = 60). The family history of asthma in "
         "the rituximab and placebo groups was 18.3 and 13.3, respectively. Scores in the rituximab and placebo "
         "groups were 18.4 and 13.9, respectively.",
         [{"measure": "PROPORTION", "value": 0.183, "events": 11, "total": 60, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.133, "events": 8, "total": 60, "intervention": "placebo"},
          # (the scores are no shares: each arm's level, read by the aligned values' rule)
          {"measure": "MEAN", "value": 18.4, "total": 60, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 13.9, "total": 60, "intervention": "placebo"}]),
    Rule("bracket-pairs", 79, "'erythema (1.0% placebo; 11.3% etanercept), headache (10.6%; 7.5%)': a bracket naming "
         "two arms after their percentages, and the list's later brackets in the same arm order",
         ("percent", "number"), proportions.bracket_pairs,
         "Patients were randomly assigned to rituximab (n = 120) or placebo (n = 118). The most common adverse events "
         "were nausea (12.5% rituximab; 5.1% placebo) and headache (10.0%; 8.5%).",
         [{"measure": "PROPORTION", "value": 0.125, "events": 15, "total": 120, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.051, "events": 6, "total": 118, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.10, "events": 12, "total": 120, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.085, "events": 10, "total": 118, "intervention": "placebo"}]),
    Rule("bracket-pairs-label-first", 79, "'(A 9.5%; B 17.9%; p = 0.0147)': a bracket naming each arm before its "
         "percentage; the arms' sizes give the counts",
         ("percent", "number"), proportions.bracket_pairs,
         "Patients were randomly assigned to rituximab (n = 140) or placebo (n = 134). The percentage of patients with "
         "at least one infusion reaction was higher (rituximab 15.0%; placebo 6.7%; p = 0.02).",
         [{"measure": "PROPORTION", "value": 0.15, "events": 21, "total": 140, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.067, "events": 9, "total": 134, "intervention": "placebo"}]),
    Rule("arm-comma-percent-after-colon", 79, "'the incidence rates of X were: A, 9.1% and B, 17.0%.': after a colon, "
         "each arm named with a comma before its percentage, the list closing the clause; the arms' sizes give the counts",
         ("percent", "number"), proportions.bracket_pairs,
         "Patients were randomly assigned to rituximab (n = 47) or placebo (n = 45). After treatment, the incidence "
         "rates of total cholesterol \u2265240 mg/dL were: placebo, 8.9% and rituximab, 14.9%.",
         [{"measure": "PROPORTION", "value": 0.089, "events": 4, "total": 45, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.149, "events": 7, "total": 47, "intervention": "rituximab"}]),
    Rule("arm-labelled-counts", 79, "'(control: n=8; app: n=4; app and physician: n=7)', '(A n = 3, B n = 8)', '[A = 5; "
         "B = 7]': a bracket labelling each count with its arm; every label a different arm of stated size",
         ("number",), proportions.arm_labelled_counts,
         "Patients were randomized to rituximab (n = 40), azathioprine (n = 42) or placebo (n = 41). The most common "
         "comorbidity was hypertension (rituximab: n=9; azathioprine: n=6; placebo: n=11).",
         [{"measure": "PROPORTION", "value": 0.225, "events": 9, "total": 40, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 6 / 42, "events": 6, "total": 42, "intervention": "azathioprine"},
          {"measure": "PROPORTION", "value": 11 / 41, "events": 11, "total": 41, "intervention": "placebo"}]),
    Rule("arm-percent-with-interval", 19, "an arm's percentage with its own interval ('30.0% (95% CI 18.9-43.2) in the "
         "A group'), or one percentage for two arms ('90.0% in both groups', 'in the A and B groups: 80.0%; 95% CI "
         "...'): a PROPORTION per arm of known size, events derived from the share (flagged), the interval kept",
         ("percent", "interval"), proportions.shared_and_interval_percentages,
         "Patients were randomly assigned to rituximab (n = 60) or azathioprine (n = 50). The remission rate was "
         "90.0% in both groups. Relapse occurred in 30.0% (95% CI 18.9-43.2) in the rituximab group and 40.0% (95% "
         "CI 26.4-54.8) in the azathioprine group.",
         [{"measure": "PROPORTION", "value": 0.9, "events": 54, "total": 60, "intervention": "rituximab",
           "flags": "events_from_percentage"},
          {"measure": "PROPORTION", "value": 0.9, "events": 45, "total": 50, "intervention": "azathioprine",
           "flags": "events_from_percentage"},
          {"measure": "PROPORTION", "value": 0.3, "events": 18, "total": 60, "ci_low": 0.189, "ci_high": 0.432,
           "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.4, "events": 20, "total": 50, "ci_low": 0.264, "ci_high": 0.548,
           "intervention": "azathioprine"}]),
    Rule("arm-percent", 90, "a bare percentage for an arm of known size; '29% vs 28%' for the comparison's arms",
         ("percent", "percent_pair"), proportions.arm_percentages,
         "Patients were assigned to efgartigimod (n=84) or placebo (n=83). More patients were MG-ADL responders "
         "with efgartigimod than with placebo (odds ratio 4.95, 95% CI 2.21-11.53). The most common adverse "
         "events were headache (29% vs 28%).",
         [{"measure": "OR", "value": 4.95},
          {"measure": "PROPORTION", "value": 0.29, "events": 24, "total": 84, "intervention": "efgartigimod"},
          {"measure": "PROPORTION", "value": 0.28, "events": 23, "total": 83, "intervention": "placebo"}]),
    Rule("arm-percent-spelled", 90, "a percentage spelled out, as a sentence opening with a share prints it ('Fifty-six "
         "percent of the A group ..., compared with 21% in the B group': grammar SPELLED_PERCENT makes it one number "
         "token, like '56 percent'), read as any share of an arm of known size",
         ("percent",), proportions.arm_percentages,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). Ninety per cent of patients in "
         "the rituximab group had a good outcome as compared to 66% in the placebo group.",
         [{"measure": "PROPORTION", "value": 0.9, "events": 36, "total": 40, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.66, "events": 25, "total": 38, "intervention": "placebo"}]),
    Rule("arm-percent-pair-after-shares", 90, "'60% vs. 40% for the A group compared with the B group ... Relapse was "
         "less common (10% vs. 20%)': a pair naming no arm in a report of shares only follows the arm order of the "
         "last pair whose own sentence named its arms; the arm sizes may be listed in one bracket ('(160 patients "
         "given A and 80 given B)'); a per-protocol clause's shares do not take them",
         ("percent", "percent_pair"), proportions.arm_percentages,
         "Adults were randomized to rituximab or placebo. In the intention-to-treat population (160 patients given "
         "rituximab and 80 given placebo), follow-up was complete. Remission was more frequent in the rituximab "
         "group than in the placebo group (50.0% vs. 25.0%). Relapse was less common (10.0% vs. 20.0%).",
         [{"measure": "PROPORTION", "value": 0.50, "events": 80, "total": 160, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.25, "events": 20, "total": 80, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.10, "events": 16, "total": 160, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.20, "events": 16, "total": 80, "intervention": "placebo"}]),
    Rule("arm-percent-bracket-after-arm", 90, "'higher with A (3.1% [37 patients] and 4.0% [48 patients], respectively) than "
         "with B (2.2% [26 patients] and 2.6% [31 patients])': every share of a bracket opening right after an arm's name "
         "is that arm's",
         ("percent",), proportions.arm_percentages,
         "Patients were randomly assigned to rituximab (n = 1200) or placebo (n = 1190). The incidences of relapse and "
         "infection were higher with rituximab (3.1% [37 patients] and 4.0% [48 patients], respectively) than with "
         "placebo (2.2% [26 patients] and 2.6% [31 patients]).",
         [{"measure": "PROPORTION", "value": 0.031, "events": 37, "total": 1200, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.04, "events": 48, "total": 1200, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.022, "events": 26, "total": 1190, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.026, "events": 31, "total": 1190, "intervention": "placebo"}]),
    Rule("arm-percent-comma-vs", 90, "'(4.1%, vs. 5.6% in the B group; ...)' after a clause about the A group: a pair "
         "whose first value is followed by a comma before 'vs.'",
         ("percent", "percent_pair"), proportions.arm_percentages,
         "Patients were randomly assigned to rituximab (n = 1200) or placebo (n = 1190). In the rituximab group there "
         "were significantly lower rates of death from any cause (4.1%, vs. 5.6% in the placebo group).",
         [{"measure": "PROPORTION", "value": 0.041, "events": 49, "total": 1200, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.056, "events": 67, "total": 1190, "intervention": "placebo"}]),
    # ------------------------------------------------------------------ an arm's mean or median
    Rule("arm-pairs-at-two-times", 98, "each arm's two values set against each other, the arm named alone beside its "
         "pair, in a sentence naming the two times once: '96.2 \u00b1 18.9 vs. 92.2 \u00b1 20.4 (kg), A group; 94.7 \u00b1 20.0 vs. "
         "95.2 \u00b1 20.3 (kg), B group at the baseline and end of the study': the arm's MEAN at each time (the first "
         "role baseline), never the two arms'",
         ("mean_pm", "mean_labelled", "mean_bracket"), within_arm.arm_pairs_at_two_times,
         "Patients were randomly assigned to rituximab (n = 30) or placebo (n = 31). Weight was 81.5 \u00b1 9.2 vs. "
         "79.0 \u00b1 8.8 kg in the rituximab group and 80.9 \u00b1 9.9 vs. 81.3 \u00b1 9.6 kg in the placebo group "
         "before and after treatment.",
         [{"measure": "MEAN", "value": 81.5, "sd": 9.2, "total": 30, "intervention": "rituximab", "role": "baseline"},
          {"measure": "MEAN", "value": 79.0, "sd": 8.8, "total": 30, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 80.9, "sd": 9.9, "total": 31, "intervention": "placebo", "role": "baseline"},
          {"measure": "MEAN", "value": 81.3, "sd": 9.6, "total": 31, "intervention": "placebo"}]),
    Rule("arm-before-after", 99, "one arm's mean before and after, each with its spread: 'the mean (s.d.) level increased "
         "from 5.2 (4.1) to 53.9 (18.5) nmol/l in the A group, and ... from 45.8 (22.6) to 83.8 (22.7) nmol/l in the B "
         "group': a MEAN row at baseline (role baseline) and one after, of the arm named after them; a bare bracket is "
         "an SD only where the sentence says so",
         ("number",), arm_data.arm_before_after,
         "Patients were randomly assigned to rituximab (n = 60) or placebo (n = 58). The mean (SD) serum calcium "
         "increased from 2.21 (0.12) to 2.35 (0.10) mmol/l in the rituximab group, and the mean (SD) phosphate "
         "level fell from 1.20 (0.20) to 1.05 (0.18) mmol/l in the placebo group. Scores rose from 12 (8) to 15 (9) "
         "with placebo.",
         [{"measure": "MEAN", "value": 2.21, "sd": 0.12, "total": 60, "intervention": "rituximab", "role": "baseline"},
          {"measure": "MEAN", "value": 2.35, "sd": 0.10, "total": 60, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 1.20, "sd": 0.20, "total": 58, "intervention": "placebo", "role": "baseline"},
          {"measure": "MEAN", "value": 1.05, "sd": 0.18, "total": 58, "intervention": "placebo"}]),
    Rule("mean-sd", 100, "an arm's mean with its SD ('12.1 \u00b1 3.4', '12.1 (SD 3.4)', a 'mean (SD)' header)",
         ("mean_pm", "mean_bracket", "mean_labelled"), arm_data.means,
         "At week 24, the mean QMG score was 10.2 \u00b1 4.1 in the eculizumab group (n = 62).",
         [{"measure": "MEAN", "value": 10.2, "sd": 4.1, "total": 62, "intervention": "eculizumab"}]),
    Rule("mean-se", 101, "an arm's mean with its SE: SD = SE \u00d7 \u221an, flagged",
         ("mean_bracket",), arm_data.means,
         "At week 26, the mean MG-ADL score was 4.5 (SE 0.5) in the efgartigimod group (n = 64).",
         [{"measure": "MEAN", "value": 4.5, "se": 0.5, "sd": 4.0, "total": 64, "intervention": "efgartigimod",
           "flags": "sd_from_se"}]),
    Rule("mean-ci", 102, "an arm's mean with its 95% CI: SD = \u221an \u00d7 width / 3.92 (2 t below 60 patients), flagged",
         ("mean_ci",), arm_data.means,
         "At week 26, the mean MG-ADL score was 4.5 (95% CI 3.52 to 5.48) in the efgartigimod group (n = 64).",
         [{"measure": "MEAN", "value": 4.5, "sd": 4.0, "total": 64, "intervention": "efgartigimod",
           "flags": "sd_from_ci"}]),
    Rule("mean-change", 103, "an arm's mean change from baseline with its SD: a MEAN row whose outcome is the change",
         ("mean_pm", "mean_bracket", "mean_ci"), arm_data.means,
         "Patients were randomly assigned to efgartigimod (n = 84) or placebo (n = 83). The mean change from "
         "baseline in MG-ADL score at week 4 was \u22124.2 \u00b1 2.9 with efgartigimod and \u22122.1 \u00b1 3.0 with placebo.",
         [{"measure": "MEAN", "value": -4.2, "sd": 2.9, "total": 84, "intervention": "efgartigimod",
           "flags": "", "role": None},
          {"measure": "MEAN", "value": -2.1, "sd": 3.0, "total": 83, "intervention": "placebo",
           "flags": "", "role": None}]),
    Rule("mean-heading", 104, "a heading says what a bare bracket holds: 'mean (SE) ... -4.70 (0.33)', 'mean \u00b1 SEM'",
         ("mean_bracket", "mean_pm"), arm_data.means,
         "Patients were assigned to nipocalimab (n = 77) or placebo (n = 76). The mean (SE) MG-ADL score was 4.70 "
         "(0.33) with nipocalimab and 6.25 (0.34) with placebo.",
         [{"measure": "MEAN", "value": 4.7, "se": 0.33, "sd": 2.895738, "total": 77, "intervention": "nipocalimab",
           "flags": "sd_from_se"},
          {"measure": "MEAN", "value": 6.25, "se": 0.34, "sd": 2.964051, "total": 76, "intervention": "placebo",
           "flags": "sd_from_se"}]),
    Rule("mean-pm-convention", 105, "a bare '±' is an SE where the document's methods say 'mean ± SE' (and never "
         "'mean ± SD'): SD = SE \u00d7 \u221an, flagged",
         ("mean_pm",), arm_data.means,
         "Data are presented as mean \u00b1 SE. Patients were randomly assigned to rituximab (n = 46) or placebo "
         "(n = 47). Bleeding times were similar for the rituximab group (8.1 \u00b1 0.3 min) and the placebo group "
         "(8.4 \u00b1 0.6 min).",
         [{"measure": "MEAN", "value": 8.1, "se": 0.3, "total": 46, "intervention": "rituximab", "flags": "sd_from_se"},
          {"measure": "MEAN", "value": 8.4, "se": 0.6, "total": 47, "intervention": "placebo", "flags": "sd_from_se"}]),
    Rule("mean-pairs-respectively", 106, "pairs 'a vs. b' of several quantities closed by one 'respectively' take the "
         "arms named before the first pair",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 79) or azathioprine (n = 78). Mean values of IgG during "
         "follow-up in the rituximab group and the azathioprine group were 4.75 \u00b1 0.62 vs. 5.32 \u00b1 0.64 g/L "
         "and of CD19 counts 2.67 \u00b1 0.55 vs. 3.22 \u00b1 0.58 cells/\u00b5L, respectively.",
         [{"measure": "MEAN", "value": 4.75, "sd": 0.62, "total": 79, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 5.32, "sd": 0.64, "total": 78, "intervention": "azathioprine"},
          {"measure": "MEAN", "value": 2.67, "sd": 0.55, "total": 79, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 3.22, "sd": 0.58, "total": 78, "intervention": "azathioprine"}]),
    Rule("later-list-respectively-first", 106, "'were respectively a \u00b1 s and b \u00b1 s in the A and B groups at "
         "baseline and were respectively c \u00b1 s and d \u00b1 s at the end': a later list of the sentence whose "
         "'respectively' comes first takes the arms of the list before it",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 41) or placebo (n = 39). Fasting glucose values were "
         "respectively 8.2 \u00b1 1.1 and 8.0 \u00b1 1.3 in rituximab and placebo groups at entry and were respectively "
         "7.1 \u00b1 0.9 and 7.9 \u00b1 1.2 at week 12.",
         [{"measure": "MEAN", "value": 8.2, "sd": 1.1, "total": 41, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 8.0, "sd": 1.3, "total": 39, "intervention": "placebo"},
          {"measure": "MEAN", "value": 7.1, "sd": 0.9, "total": 41, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 7.9, "sd": 1.2, "total": 39, "intervention": "placebo"}]),
    Rule("ampersand-list-in-brackets", 106, "summaries joined by '&' inside brackets, the arms listed after the closing "
         "bracket ('the mean value of HR (61.2 \u00b1 9.8 beat/min & 59.9 \u00b1 10.1 beat/min & 63.0 \u00b1 8.4 "
         "beat/min) in the A, B and C groups respectively'): one MEAN row per arm in the list's order; 'the mean value "
         "of X' names X",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 44), azathioprine (n = 45) or placebo (n = 43). Ten minutes "
         "after intubation, the mean value of HR (61.2 \u00b1 9.8 beat/min & 59.9 \u00b1 10.1 beat/min & 63.0 \u00b1 8.4 "
         "beat/min) fell in the rituximab, azathioprine and placebo groups respectively.",
         [{"measure": "MEAN", "value": 61.2, "sd": 9.8, "total": 44, "intervention": "rituximab", "outcome": "HR"},
          {"measure": "MEAN", "value": 59.9, "sd": 10.1, "total": 45, "intervention": "azathioprine", "outcome": "HR"},
          {"measure": "MEAN", "value": 63.0, "sd": 8.4, "total": 43, "intervention": "placebo", "outcome": "HR"}]),
    Rule("lists-in-the-studied-groups", 106, "lists of summaries closed by 'in the studied groups respectively' in a "
         "sentence naming no arm: the document's arms of known size in the order it named them, when there are as "
         "many arms as values",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 50), azathioprine (n = 51) or placebo (n = 49). At 60 min "
         "the mean value of CVP rose to (7.5 \u00b1 2.1 cm/H2O & 7.2 \u00b1 2.0 cm/H2O & 8.1 \u00b1 2.3 cm/H2O) and "
         "(8.5 \u00b1 2.2 & 8.4 \u00b1 2.1 cm/H2O & 9.7 \u00b1 2.9 cm/H2O) in the postoperative period in the studied "
         "groups respectively.",
         [{"measure": "MEAN", "value": 7.5, "sd": 2.1, "total": 50, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 7.2, "sd": 2.0, "total": 51, "intervention": "azathioprine"},
          {"measure": "MEAN", "value": 8.1, "sd": 2.3, "total": 49, "intervention": "placebo"},
          {"measure": "MEAN", "value": 8.5, "sd": 2.2, "total": 50, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 8.4, "sd": 2.1, "total": 51, "intervention": "azathioprine"},
          {"measure": "MEAN", "value": 9.7, "sd": 2.9, "total": 49, "intervention": "placebo"}]),
    Rule("pair-about-one-arm", 107, "'The A group received more colloid (1,907 \u00b1 878 ml versus 1,204 \u00b1 898 ml)': "
         "in a two-arm document, a 'x versus y' pair in a sentence about one arm: that arm first, the other second",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 62) or placebo (n = 60). The rituximab group received "
         "more intravenous colloid (1,907 SD \u00b1 878 ml versus 1,204 SD \u00b1 898 ml; p < 0.0001).",
         [{"measure": "MEAN", "value": 1907.0, "sd": 878.0, "total": 62, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 1204.0, "sd": 898.0, "total": 60, "intervention": "placebo"}]),
    Rule("pair-after-compared-arms", 107, "'higher in the A group in comparison to the B group (x \u00b1 sd vs. y \u00b1 sd)', "
         "'lower with B than with A (y versus x)': a pair after a clause comparing two arms takes them in the order "
         "named; a pair whose arms the sentence does not order gives no row (never the arm named nearest)",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 46) or placebo (n = 45). Total fentanyl consumption in the "
         "rituximab group was significantly higher in comparison to the placebo group (5.08 \u00b1 9.6 vs. 2.02 "
         "\u00b1 5.97; p = 0.04). Women in the placebo group had a smaller drop in hemoglobin than those in the "
         "rituximab group (1.7 g/dL (\u00b1 0.9) versus 2.5 g/dL (\u00b1 1.5)).",
         [{"measure": "MEAN", "value": 5.08, "sd": 9.6, "total": 46, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 2.02, "sd": 5.97, "total": 45, "intervention": "placebo"},
          {"measure": "MEAN", "value": 1.7, "sd": 0.9, "total": 45, "intervention": "placebo"},
          {"measure": "MEAN", "value": 2.5, "sd": 1.5, "total": 46, "intervention": "rituximab"}]),
    Rule("pair-naming-no-arm", 108, "'x per patient versus y per patient' in a sentence naming no arm: the document's "
         "two arms in its order (a unit with 'per' stays inside the pair)",
         ("mean_pm",), arm_data.means,
         "Patients were randomly assigned to rituximab (n = 62) or placebo (n = 60). The number of relapses per "
         "patient was also reduced (0.7 SD \u00b1 0.9 per patient versus 1.5 SD \u00b1 1.5 per patient; p = 0.002).",
         [{"measure": "MEAN", "value": 0.7, "sd": 0.9, "total": 62, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 1.5, "sd": 1.5, "total": 60, "intervention": "placebo"}]),
    Rule("means-without-spread", 109, "two arms' means printed without a spread, each followed by its arm ('the mean "
         "scores were 14.5 in the A group and 16.4 in the B group', '-114.7 ml with A versus -239.9 ml with B'), or "
         "'reduced from 6.3 to 4.5 days under A' (the first value the other arm's), 'the mean X decreased by 3.6 in the A group "
         "and by 1.9 in the B group' (each arm's change, a fall negative)",
         ("number",), arm_data.bare_means,
         "Patients were randomly assigned to rituximab (n = 60) or placebo (n = 58). The mean number of hospital days "
         "was 7.2 in the rituximab group and 9.8 in the placebo group. Mean duration of steroid exposure was reduced "
         "from 41.5 to 30.2 days with rituximab.",
         [{"measure": "MEAN", "value": 7.2, "total": 60, "intervention": "rituximab", "sd": None},
          {"measure": "MEAN", "value": 9.8, "total": 58, "intervention": "placebo", "sd": None},
          {"measure": "MEAN", "value": 41.5, "total": 58, "intervention": "placebo"},
          {"measure": "MEAN", "value": 30.2, "total": 60, "intervention": "rituximab"}]),
    Rule("mean-opening-arm-bracket", 109, "an arm's mean or mean change printed first in a bracket right after the arm, "
         "without a spread: 'improvement in HbA1c in the A group (mean change from baseline = 0.69%-units, p = 0.001) but "
         "not in the B group (mean change = 0.11%-units, p = 0.33)'",
         ("number", "p_value"), arm_data.means_opening_arm_brackets,
         "Patients were randomly assigned to rituximab (n = 23) or placebo (n = 14). After three months there was a "
         "significant improvement in HbA1c in the rituximab group (mean change from baseline = 0.72%-units, p = 0.002) "
         "but not in the placebo group (mean change = 0.14%-units, p = 0.41).",
         [{"measure": "MEAN", "value": 0.72, "total": 23, "intervention": "rituximab", "p_value": 0.002,
           "outcome": "change in hba1c", "sd": None},
          {"measure": "MEAN", "value": 0.14, "total": 14, "intervention": "placebo", "p_value": 0.41,
           "outcome": "change in hba1c", "sd": None}]),
    Rule("means-before-their-difference", 109, "two bare values set against each other right before a mean difference "
         "that equals their difference to the printed precision: '(10.1 vs 10.1 (mean difference; MD) -0.00, 95% CI ...)', "
         "'48.2 versus 45.0 points (difference 3.2; 95% CI ...)': a MEAN row per arm",
         ("number", "interval", "measure_name"), arm_data.means_before_their_difference,
         "Patients were randomly assigned to rituximab (n = 120) or placebo (n = 118). Visits did not increase with "
         "rituximab (9.4 vs 9.6 (mean difference; MD) -0.20, 95% CI (95% CI -0.61 to 0.21)).",
         [{"measure": "MEAN", "value": 9.4, "sd": None, "total": 120, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 9.6, "sd": None, "total": 118, "intervention": "placebo"},
          {"measure": "MD", "value": -0.20, "ci_low": -0.61, "ci_high": 0.21}]),
    Rule("bare-means-respectively", 109, "bare means listed, then their arms closed by 'respectively' ('the mean values of "
         "serum sodium were 138.2 and 139.6 mmol/L for the A and B groups, respectively'): a MEAN row per arm without "
         "SD, the list's last value never the first listed arm's",
         ("number",), arm_data.bare_means,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 42). The mean values of serum sodium "
         "after the infusion were 138.2 and 139.6 mmol/L for the rituximab and placebo groups, respectively.",
         [{"measure": "MEAN", "value": 138.2, "total": 40, "intervention": "rituximab", "sd": None},
          {"measure": "MEAN", "value": 139.6, "total": 42, "intervention": "placebo", "sd": None}]),
    Rule("corresponding-values-respectively", 109, "'The corresponding mean pre-dose values were 3.83 and 4.01 mmol/L, "
         "respectively.' in a sentence naming no arm: the arms of the last list closed by 'respectively', in its order "
         "(a pre-dose, pre-operative or pre-treatment value is a baseline)",
         ("number",), arm_data.bare_means,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 42). The mean values of serum sodium "
         "after the infusion were 138.2 and 139.6 mmol/L for the rituximab and placebo groups, respectively. The "
         "corresponding mean pre-dose values were 140.1 and 139.9 mmol/L, respectively.",
         [{"measure": "MEAN", "value": 138.2, "total": 40, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 139.6, "total": 42, "intervention": "placebo"},
          {"measure": "MEAN", "value": 140.1, "total": 40, "intervention": "rituximab", "role": "baseline"},
          {"measure": "MEAN", "value": 139.9, "total": 42, "intervention": "placebo", "role": "baseline"}]),
    Rule("median-iqr-range", 110, "an arm's median with its IQR or range",
         ("median_spread", "range"), arm_data.medians,
         "The median EDSS score at one year was 3.0 (IQR 2.0-4.5) in the rituximab group.",
         [{"measure": "MEDIAN", "value": 3.0, "q1": 2.0, "q3": 4.5, "intervention": "rituximab"}]),
    Rule("median-comma-iqr", 110, "an arm's median with its IQR printed after a comma: '(51.0 days, interquartile range "
         "[IQR] 28.0-69.0, in the X group versus 52.0 days, IQR 27.0-76.0, in the Y group)'",
         ("median_comma_spread", "range"), arm_data.medians,
         "Patients were randomly assigned to rituximab (n = 120) or azathioprine (n = 118). Median use was similar in "
         "both groups (43.0 days, interquartile range [IQR] 21.0\u201360.0, in the rituximab group versus 45.5 days, "
         "IQR 22.0\u201371.0, in the azathioprine group).",
         [{"measure": "MEDIAN", "value": 43.0, "q1": 21.0, "q3": 60.0, "total": 120, "intervention": "rituximab"},
          {"measure": "MEDIAN", "value": 45.5, "q1": 22.0, "q3": 71.0, "total": 118, "intervention": "azathioprine"}]),
    Rule("median-iqr-width", 110, "an arm's median whose IQR is printed as its width only ('6.5, IQR 2.5', '(IQR: 3)', "
         "'[interquartile range 4]'): the median without quartiles, flagged iqr_width_only; a pair stays an IQR",
         ("median_iqr_width",), arm_data.medians,
         "Patients were randomized to ketamine (n = 40) or placebo (n = 42). The median pain score was 6.5, IQR 2.5 in "
         "the ketamine group and 7.0 (IQR 3.0) in the placebo group.",
         [{"measure": "MEDIAN", "value": 6.5, "q1": None, "q3": None, "intervention": "ketamine",
           "flags": "iqr_width_only"},
          {"measure": "MEDIAN", "value": 7.0, "q1": None, "total": 42, "intervention": "placebo",
           "flags": "iqr_width_only"}]),
    Rule("median-range-heading", 111, "a 'median (range)' heading makes the bare pairs after it ranges",
         ("median_spread",), arm_data.medians,
         "The median (range) EDSS was 3.5 (1.0-7.5) in the rituximab group and 4.0 (2.0-8.0) in the azathioprine group.",
         [{"measure": "MEDIAN", "value": 3.5, "range_low": 1.0, "range_high": 7.5, "q1": None, "intervention": "rituximab"},
          {"measure": "MEDIAN", "value": 4.0, "range_low": 2.0, "range_high": 8.0, "q1": None,
           "intervention": "azathioprine"}]),
    Rule("medians-without-spread", 112, "arms' medians printed without a spread, each value (or a run of values, one "
         "per quantity named) followed by its arm: 'The median PFS and OS were 2.8 and 13.2 months in X and 2.0 and "
         "14.0 months in Y'; a median time to an event printed with its interval or beside a hazard ratio is the "
         "survival analysis's estimate and gives no arm row",
         ("number",), arm_data.bare_medians,
         "Patients were randomly assigned to azathioprine (n = 80) or rituximab (n = 81). The median "
         "PFS and OS were 3.6 and 11.9 months with azathioprine and 4.4 and 16.0 months with rituximab. Median relapse-free survival was 9.1 months in the rituximab group and 6.0 months in the "
         "azathioprine group (hazard ratio, 0.71; 95% CI, 0.52 to 0.97).",
         [{"measure": "MEDIAN", "value": 3.6, "total": 80, "intervention": "azathioprine", "q1": None, "outcome": "pfs"},
          {"measure": "MEDIAN", "value": 11.9, "total": 80, "intervention": "azathioprine", "outcome": "os"},
          {"measure": "MEDIAN", "value": 4.4, "total": 81, "intervention": "rituximab", "outcome": "pfs"},
          {"measure": "MEDIAN", "value": 16.0, "total": 81, "intervention": "rituximab", "outcome": "os"},
          {"measure": "HR", "value": 0.71, "ci_low": 0.52, "ci_high": 0.97}]),
    Rule("survival-times-per-arm", 113, "a time to an event printed for each arm of a two-arm trial, the second "
         "value's arm named after it: '(13.5 vs. 10.2 months in X alone)' after 'superior PFS to X alone' (a survival "
         "time per arm is its Kaplan-Meier median; the first value is the other arm's)",
         ("number",), arm_data.survival_time_pairs,
         "Patients were randomly assigned to rituximab (n = 60) or azathioprine (n = 62). Rituximab was not associated "
         "with longer progression-free survival than azathioprine in patients older than 60 years (9.4 vs. 8.1 "
         "months with azathioprine, P = 0.41).",
         [{"measure": "MEDIAN", "value": 9.4, "total": 60, "intervention": "rituximab"},
          {"measure": "MEDIAN", "value": 8.1, "total": 62, "intervention": "azathioprine"}]),
    Rule("undeclared-bracket-pairs", 113, "two arms' 'x (a to b) vs. y (c to d)' after a clause comparing the arms, in a "
         "sentence that names no statistic, no interval and no ratio: each value lies inside its bracket, so the pair "
         "is the median's quartiles (a bare pair is an IQR until a word says otherwise)",
         ("median_spread",), prose_medians.undeclared_pairs,
         "Patients were randomly assigned to rituximab (n = 60) or azathioprine (n = 62). Hospital stay was shorter "
         "in the rituximab group compared to the azathioprine group (6 (4 to 9) days vs. 9 (5 to 13) days; P = 0.02).",
         [{"measure": "MEDIAN", "value": 6.0, "q1": 4.0, "q3": 9.0, "total": 60, "intervention": "rituximab"},
          {"measure": "MEDIAN", "value": 9.0, "q1": 5.0, "q3": 13.0, "total": 62, "intervention": "azathioprine"}]),
    Rule("arm-named-square-pairs", 112, "an arm's name right before its value and a square bracket holding a pair "
         "around the value ('(A -5.0 [-39.0 to -2.5] and B 4.5 [0.0-19.0]'), in a sentence that names no mean, spread, "
         "interval, range or ratio: the arm's MEDIAN with its quartiles (a bare pair is an IQR until a word says "
         "otherwise)",
         ("median_spread",), prose_medians.arm_named_square_pairs,
         "Patients were randomly assigned to rituximab (n = 21) or placebo (n = 19). The sedimentation rate fell "
         "further with rituximab (rituximab -6.0 [-35.0 to -1.5] and placebo 3.5 [0.0-17.0], p = 0.01).",
         [{"measure": "MEDIAN", "value": -6.0, "q1": -35.0, "q3": -1.5, "total": 21, "intervention": "rituximab"},
          {"measure": "MEDIAN", "value": 3.5, "q1": 0.0, "q3": 17.0, "total": 19, "intervention": "placebo"}]),
    Rule("counts-beside-their-arms", 72, "counts of an event set arm against arm, each right before its arm, in digits "
         "or words: '40 relapses (15 in the A group and 25 in the B group)', 'in three patients in the A group and eight "
         "in the B group', '6 patients in the A group compared to 11 in the B group' (over the arms' sizes; never who "
         "was enrolled or analysed, nor a level or score)",
         ("number",), proportions.counts_beside_their_arms,
         "Patients were randomly assigned to rituximab (n=30) or placebo (n=29). Infusion reactions were reported in 4 "
         "patients in the rituximab group compared with one in the placebo group.",
         [{"measure": "PROPORTION", "events": 4, "total": 30, "intervention": "rituximab"},
          {"measure": "PROPORTION", "events": 1, "total": 29, "intervention": "placebo"}]),
    # ------------------------------------------------------------------ values aligned with the study's arms
    Rule("aligned-values", 120, "two or three values of one shape, one per arm, joined by any separator ('vs', "
         "'versus', 'v', 'compared with', 'and', ';'): each value's own arm, else the arms listed after the run or closed "
         "by 'respectively', else the arms the clause compares, else (a sentence naming no arm nor other contrast) the "
         "study's arms in the order the document named them; a share over a sized arm is a count (flagged "
         "events_from_percentage), a survival or cumulative incidence with its spread or beside its hazard ratio a "
         "PROPORTION without counts, a percentage of a change or level a MEAN",
         ("percent", "mean_pm", "median_iqr_width", "median_spread", "count_percent", "count_of"), aligned.aligned_values,
         "Patients were randomly assigned to rituximab (n = 80) or azathioprine (n = 76). Pain interference was lower "
         "(median 62.5, IQR 18.75 vs median 50.0, IQR 25.0, P = .02). The 3-year cumulative incidence of relapse was "
         "22.4 \u00b1 5.1% and 30.8 \u00b1 6.0% (P = 0.29), respectively in the rituximab and azathioprine groups.",
         [{"measure": "MEDIAN", "value": 62.5, "total": 80, "intervention": "rituximab", "flags": "iqr_width_only"},
          {"measure": "MEDIAN", "value": 50.0, "total": 76, "intervention": "azathioprine", "flags": "iqr_width_only"},
          {"measure": "PROPORTION", "value": 0.224, "events": None, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.308, "events": None, "intervention": "azathioprine"}]),
    Rule("percent-of-days-pair", 120, "a pair of percentages of each patient's days or time ('the percentage of "
         "symptom-free days was greater (58.8% vs 52.1%)'): each arm's MEAN in percent, no share of its patients (and "
         "no survival curve for the '-free')",
         ("percent",), aligned.aligned_values,
         "Patients were randomly assigned to rituximab (n = 80) or placebo (n = 76). The percentage of symptom-free "
         "days was greater (61.2% vs 54.3%; p = 0.021) at one year.",
         [{"measure": "MEAN", "value": 61.2, "total": 80, "intervention": "rituximab", "events": None},
          {"measure": "MEAN", "value": 54.3, "total": 76, "intervention": "placebo", "events": None}]),
    Rule("later-share-pair-of-the-same-people", 120, "a later pair of shares of the sentence takes the earlier "
         "pair's arms and people ('Compared with B-group patients, more A-group patients shifted to X (a% vs. b%) and "
         "had Y (\u22657% body weight) (c% vs. d%)': A first, as the clause orders the first pair; the threshold no value)",
         ("percent",), aligned.aligned_values,
         "Patients were randomly assigned to rituximab (n = 70) or placebo (n = 35). Compared with placebo-group "
         "patients, more rituximab-group patients shifted to high cholesterol (24.3% vs. 2.9%; p = .007) and had "
         "clinically relevant weight gain (\u22657% body weight) (18.6% vs. 5.7%; p = .01).",
         [{"measure": "PROPORTION", "value": 0.243, "events": 17, "total": 70, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.029, "events": 1, "total": 35, "intervention": "placebo"},
          {"measure": "PROPORTION", "value": 0.186, "events": 13, "total": 70, "intervention": "rituximab"},
          {"measure": "PROPORTION", "value": 0.057, "events": 2, "total": 35, "intervention": "placebo"}]),
    Rule("values-beside-their-arms-any-words", 121, "the summaries left after the rules above, each beside its own "
         "arm whatever words join them ('2.09 \u00b1 0.90 in the A group, and 0.8 \u00b1 1.15 in B', 'A infusion reduced the "
         "AUC (A (2077 \u00b1 144) vs B (2568 \u00b1 208))', 'the average proportions were 0.51 in A and 0.40 in B'): the text "
         "between two values is cut at its separators; each value takes the arm named right after it, else right "
         "before it, else the one arm its clause names; values of one shape with different arms are those arms' rows "
         "(rules/arm_blocks.py)",
         ("mean_pm", "mean_bracket", "median_spread", "number"), arm_blocks.arm_blocks,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). Rituximab infusion reduced the "
         "glycaemic response (AUC rituximab (2077 \u00b1 144 mmol/l min) vs placebo (2568 \u00b1 208 mmol/l min); P = 0.02).",
         [{"measure": "MEAN", "value": 2077.0, "sd": 144.0, "total": 40, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 2568.0, "sd": 208.0, "total": 38, "intervention": "placebo"}]),
    # ------------------------------------------------------------------ one arm's level over time
    Rule("level-from-to", 114, "one arm's level before and after: 'X decreased from a to b mmHg (p=...)', 'rose from a% to "
         "b% (+c%; n = 10) at 6 months and to d% at 12 months', 'a reduction in X from a to b'; a MEAN at baseline and one "
         "after (a MEDIAN where the clause says median), the bracketed change equal to b - a a MEAN of 'change in X', "
         "'n = 10' its size; the arm named right after, else the one opening the clause, else the one closing a run of "
         "such clauses, else the one treatment; never a dose titrated, a time, or a share of the patients",
         ("number",), within_arm.before_after,
         "Patients were randomly assigned to rituximab (n = 30) or placebo (n = 31). With rituximab, the ejection fraction "
         "rose from 41.2% to 47.9% (+6.7%, p = 0.01; n = 27) at 3 months and to 50.3% at 9 months. Fasting glucose fell "
         "from 7.4 to 6.1 mmol/L (p = 0.02) and serum urea declined from 9.9 to 8.2 mg/dl (p = 0.04) in the placebo "
         "group. The dose was increased from 50 to 100 mg.",
         [{"measure": "MEAN", "value": 41.2, "total": 30, "intervention": "rituximab", "role": "baseline",
           "outcome": "ejection fraction"},
          {"measure": "MEAN", "value": 47.9, "total": 27, "intervention": "rituximab", "timepoint": "3 months"},
          {"measure": "MEAN", "value": 6.7, "total": 27, "intervention": "rituximab", "p_value": 0.01,
           "outcome": "change in ejection fraction", "timepoint": "3 months"},
          {"measure": "MEAN", "value": 50.3, "total": 30, "intervention": "rituximab", "timepoint": "9 months"},
          {"measure": "MEAN", "value": 7.4, "total": 31, "intervention": "placebo", "role": "baseline",
           "outcome": "fasting glucose"},
          {"measure": "MEAN", "value": 6.1, "total": 31, "intervention": "placebo", "p_value": 0.02},
          {"measure": "MEAN", "value": 9.9, "total": 31, "intervention": "placebo", "role": "baseline",
           "outcome": "serum urea"},
          {"measure": "MEAN", "value": 8.2, "total": 31, "intervention": "placebo", "p_value": 0.04}]),
    Rule("level-changed-by", 115, "one arm's change printed as an amount: 'the mean FEV1 increased by 78 ml (4.7%) in the A "
         "group', 'a decline of 25 ml after treatment with B', 'which is an increase of +0.38 \u00b1 0.22 W/kg or +11.0% "
         "(\u00b18.2)': a MEAN of 'change in X' (a fall negative unless printed with its sign, the spread after it its SD), "
         "the same change in percent after 'or' a second row; two arms' changes in one sentence are the pair rules'",
         ("number",), within_arm.changes_by,
         "Patients were randomly assigned to rituximab (n = 52) or placebo (n = 50). After 6 months the mean FVC "
         "increased by 84 ml (3.1%) in the rituximab group. Serum albumin fell by 0.4 g/dL with placebo. The rituximab "
         "group improved from 3.42 \u00b1 0.51 W/kg to 3.77 \u00b1 0.46 W/kg, which is an increase of +0.35 \u00b1 0.21 "
         "W/kg or +10.2% (\u00b17.9).",
         [{"measure": "MEAN", "value": 84.0, "total": 52, "intervention": "rituximab", "outcome": "change in fvc"},
          {"measure": "MEAN", "value": -0.4, "total": 50, "intervention": "placebo", "outcome": "change in serum albumin"},
          {"measure": "MEAN", "value": 3.42, "sd": 0.51, "total": 52, "intervention": "rituximab", "role": "baseline"},
          {"measure": "MEAN", "value": 3.77, "sd": 0.46, "total": 52, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 0.35, "sd": 0.21, "total": 52, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 10.2, "sd": 7.9, "total": 52, "intervention": "rituximab"}]),
    Rule("signed-changes-of-one-arm", 115, "one arm's changes in percent, each printed with its sign in the bracket after "
         "its level, in a sentence naming that arm and no other ('The A program led to reductions of fasting glucose "
         "(-8.2%, p < 0.001) and insulin (-31.4%, p < 0.001)'): a MEAN of that arm per value, signed as printed; a "
         "sentence comparing, naming a difference, an interval or another arm is left to the pair and effect rules",
         ("number",), within_arm.signed_changes_of_one_arm,
         "Patients were randomly assigned to rituximab (n = 52) or placebo (n = 50). The rituximab group showed "
         "reductions of fasting glucose (-6.4%, p < 0.001) and serum insulin (-22.5%, p = 0.002).",
         [{"measure": "MEAN", "value": -6.4, "total": 52, "intervention": "rituximab",
           "outcome": "change in fasting glucose (%)", "p_value": None},
          {"measure": "MEAN", "value": -22.5, "total": 52, "intervention": "rituximab",
           "outcome": "change in serum insulin (%)", "p_value": 0.002}]),
    Rule("mean-change-comma-interval", 99, "one arm's mean (change) named by 'mean' with its interval after a comma, "
         "no bracket around it ('(mean change -14.7 cm/s, CI -23.8, -5.8', '(mean 140%, CI 27-357%'): a MEAN of the "
         "arm the sentence names last before it, with its interval (SD from the CI, flagged); not after a contrast "
         "('compared with', 'difference')",
         ("mean_comma_ci",), within_arm.mean_changes_with_comma_interval,
         "Patients were randomly assigned to placebo (n = 20) or rituximab (n = 18). The E/A ratio in the "
         "rituximab group decreased (mean change -0.31, CI -0.5, -0.1, p = 0.004) due to a decrease in E "
         "velocity (mean change -12.4 cm/s, CI -21.5, -3.2, p = 0.02). BNP rose in the placebo group (mean "
         "120%, CI 31-290%, p = 0.04).",
         [{"measure": "MEAN", "value": -0.31, "ci_low": -0.5, "ci_high": -0.1, "total": 18,
           "intervention": "rituximab", "p_value": 0.004, "flags": "sd_from_ci"},
          {"measure": "MEAN", "value": -12.4, "ci_low": -21.5, "ci_high": -3.2, "total": 18,
           "intervention": "rituximab", "outcome": "change in e velocity", "p_value": 0.02},
          {"measure": "MEAN", "value": 120.0, "ci_low": 31.0, "ci_high": 290.0, "total": 20,
           "intervention": "placebo", "p_value": 0.04}]),
    Rule("level-in-bracket-after-arm", 116, "an arm's level alone in the bracket right after the arm, the quantity named "
         "before the arm: 'The ferritin level in the rituximab group (412.5 ng/mL) was lower than the level in the placebo "
         "group (530.2 ng/mL)', 'the ratio in the control group (34.9)': a MEAN of that arm (a MEDIAN where the quantity "
         "says median); a count in the bracket ('(12)'), a share or a number of patients or events is no level",
         ("number",), within_arm.level_after_arm,
         "Patients were randomly assigned to rituximab (n = 61) or placebo (n = 63). One month after the last dose, the "
         "ferritin level in the rituximab group (412.5 ng/mL) was lower than the level in the placebo group (530.2 ng/mL). "
         "The number of relapses in the rituximab group (12) was small.",
         [{"measure": "MEAN", "value": 412.5, "total": 61, "intervention": "rituximab", "sd": None},
          {"measure": "MEAN", "value": 530.2, "total": 63, "intervention": "placebo", "sd": None}]),
    Rule("values-at-listed-times", 72, "one arm's values listed in the order of the times after them, closed by "
         "'respectively' ('resp.'): 'in the A group was a \u00b1 s, b \u00b1 s and c \u00b1 s on day 1, 3 and 5 "
         "respectively' (a MEAN per time), 'the A group had 9, 39 and 28 patients on days 1, 3 and 5 respectively' (a "
         "PROPORTION of the arm per time); the arm is the one the clause (after 'whereas', 'while', ';') names",
         ("timed_list",), time_lists.values_at_listed_times,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 40). The mean pain score in the rituximab "
         "group was 5.2 \u00b1 1.9, 3.8 \u00b1 1.4 and 2.1 \u00b1 1.0 on day 1, 3 and 7 respectively, whereas the placebo "
         "group had 12, 20 and 31 patients with nausea on day 1, 3 and 7 respectively.",
         [{"measure": "MEAN", "value": 5.2, "sd": 1.9, "total": 40, "intervention": "rituximab", "timepoint": "day 1"},
          {"measure": "MEAN", "value": 3.8, "sd": 1.4, "total": 40, "intervention": "rituximab", "timepoint": "day 3"},
          {"measure": "MEAN", "value": 2.1, "sd": 1.0, "total": 40, "intervention": "rituximab", "timepoint": "day 7"}]),
    Rule("items-of-each-arm-respectively", 72, "items each with its share in a bracket, one per arm named before them, "
         "closed by 'respectively': 'The most prevalent side effects of A and B were X (38.2%) and Y (35.3%), "
         "respectively' (a PROPORTION of each arm, outcome the item)",
         ("number",), aligned.items_of_each_arm_respectively,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 40). The most frequent side effects of "
         "rituximab and placebo were headache (30.0%) and nausea (20.0%), respectively.",
         [{"measure": "PROPORTION", "events": 12, "total": 40, "intervention": "rituximab", "outcome": "headache"},
          {"measure": "PROPORTION", "events": 8, "total": 40, "intervention": "placebo", "outcome": "nausea"}]),
    Rule("changes-of-listed-quantities-at-times", 115, "one arm's changes of several quantities at several times: 'In "
         "rituximab-treated patients we observed reductions from baseline in hip and lumbar spine BMD at week 24 (-1.6% and "
         "-2.2%) and week 48 (-1.9% and -2.4%)': a MEAN of 'change in <quantity>' per value with its time, the head noun "
         "printed once shared by the list ('hip' is 'hip BMD')",
         ("number",), within_arm.changes_at_times,
         "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 40). In rituximab-treated patients we observed "
         "reductions from baseline in hip and lumbar spine BMD at week 24 (-1.6% and -2.2%) and week 48 (-1.9% and -2.4%).",
         [{"measure": "MEAN", "value": -1.6, "intervention": "rituximab", "outcome": "change in hip bmd", "timepoint": "week 24"},
          {"measure": "MEAN", "value": -2.2, "intervention": "rituximab", "outcome": "change in lumbar spine bmd",
           "timepoint": "week 24"},
          {"measure": "MEAN", "value": -1.9, "intervention": "rituximab", "timepoint": "week 48"},
          {"measure": "MEAN", "value": -2.4, "intervention": "rituximab", "timepoint": "week 48"}]),
    Rule("quantities-of-one-arm-respectively", 115, "one arm's 'mean \u00b1 SD' of each quantity a list names, closed "
         "by 'respectively' ('In the control group, plasma concentrations of IL-6, TNF-a, and MMP-9 were increased by "
         "138 \u00b1 16%, 136 \u00b1 15%, and 110 \u00b1 7%, respectively'): a MEAN per value with its SD; a sentence "
         "naming one arm only",
         ("number",), within_arm.quantities_of_one_arm_respectively,
         "Patients were randomly assigned to rituximab (n = 15) or placebo (n = 14). In the placebo group, plasma "
         "concentrations of IL-8, CRP, and MMP-2 were increased by 128 \u00b1 14%, 131 \u00b1 12%, and 107 \u00b1 6%, "
         "respectively, compared with the baseline level at 12 wk.",
         [{"measure": "MEAN", "value": 128.0, "sd": 14.0, "total": 14, "intervention": "placebo", "outcome": "il-8 (%)"},
          {"measure": "MEAN", "value": 131.0, "sd": 12.0, "total": 14, "intervention": "placebo"},
          {"measure": "MEAN", "value": 107.0, "sd": 6.0, "total": 14, "intervention": "placebo", "outcome": "mmp-2 (%)"}]),
    Rule("summaries-at-two-times", 115, "one arm's median or mean at two times, each in a bracket after its time: 'declined "
         "from the first (median 82.0, IQR 12.5) to the second visit (median 74.5, IQR 14.0) in the A group', 'rose from "
         "baseline (mean 4.1, SD 1.2) to week 12 (mean 5.3, SD 1.4) with B': a row per time with its spread (an IQR "
         "printed as one width: no quartiles, flagged iqr_width_only)",
         ("number",), within_arm.summaries_at_two_times,
         "Patients were randomly assigned to rituximab (n = 45) or placebo (n = 44). Fatigue declined from the first "
         "(median 82.0, IQR 12.5) to the second visit (median 74.5, IQR 14.0) in the rituximab group (P = .01).",
         [{"measure": "MEDIAN", "value": 82.0, "total": 45, "intervention": "rituximab", "q1": None,
           "flags": "iqr_width_only"},
          {"measure": "MEDIAN", "value": 74.5, "total": 45, "intervention": "rituximab", "flags": "iqr_width_only"}]),
    Rule("levels-at-visits", 115, "one arm's level at two visits or more, each a value with its unit alone in the bracket "
         "after its visit, the sentence naming that arm and no other: 'lower IC50 values at week 36 (19.5 ug/mL) and week "
         "56 (20.3 ug/mL), compared to baseline (24.4 ug/mL) ... in the A arm': a MEAN of that arm per visit",
         ("number",), within_arm.levels_at_visits,
         "Patients were randomly assigned to rituximab (n = 16) or placebo (n = 15). Titres were slightly lower at week "
         "24 (17.2 ug/mL) and week 48 (18.0 ug/mL), compared to baseline (21.6 ug/mL), in the rituximab arm.",
         [{"measure": "MEAN", "value": 17.2, "total": 16, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 18.0, "total": 16, "intervention": "rituximab"},
          {"measure": "MEAN", "value": 21.6, "total": 16, "intervention": "rituximab"}]),
    # ------------------------------------------------------------------ the whole sample: what no rule read
    Rule("sample-summaries", 125, "a summary of everyone no rule took, in a sentence of the whole sample at entry (it "
         "says 'baseline' or names a trait such as age; no arm, no other study, no survey, no comparison, no flow): each mean (with SD or SE: '1890 \u00b1 640', 'M = 24, SD = 3', "
         "'a mean of 35.2 (SD 12.1)', with a range after it) or median (with IQR or range; no time to an event) the "
         "grammar reads, or a mean's value after its name ('the mean weight was 78 kg'): MEAN or MEDIAN of 'all patients' over the "
         "sample's size",
         ("mean_pm", "mean_bracket", "mean_comma_sd", "median_spread", "median_comma_spread", "number"),
         whole_sample_prose.sample_summaries,
         "We randomly assigned 84 adults who work at a desk to a standing desk or usual care. At baseline, participants "
         "were young (M = 31.4, SD = 6.2); the mean energy intake was 2140 \u00b1 580 kcal/d and the median time spent "
         "sitting was 8.6 hr/d (IQR 7.1-9.8).",
         [{"measure": "MEAN", "value": 31.4, "sd": 6.2, "total": 84, "intervention": "all patients"},
          {"measure": "MEAN", "value": 2140.0, "sd": 580.0, "total": 84, "intervention": "all patients",
           "outcome": "energy intake"},
          {"measure": "MEDIAN", "value": 8.6, "q1": 7.1, "q3": 9.8, "total": 84, "intervention": "all patients",
           "outcome": "time spent sitting"}]),
]
RULES.sort(key=lambda r: r.priority)
# each rule function once, at its first (lowest) priority: a function listed twice, for two shapes, runs once.
# Worked out once here rather than per sentence (the per-sentence bookkeeping was ~5% of reading a corpus).
_FINDERS: tuple[Callable[[Sentence], None], ...] = tuple(dict.fromkeys(r.find for r in RULES))

#: Rule functions that write nothing (no row, no claimed number, no note on another rule's row) unless the document
#: states an arm's size: each reads a count or share as a part of an arm of known size (`arm_sizes`, `two_arms()`) and
#: returns before writing without one. Most sentences of most abstracts come without any arm's size (82% of the
#: sentences read in 2,000 generated abstracts), and these ~7% of the rules' time are skipped there.
NEED_ARM_SIZES: frozenset = frozenset({
    proportions.shared_and_interval_percentages, proportions.patients_in_arm, proportions.arm_counts,
    proportions.counts_after_arms, proportions.counts_respectively, proportions.each_arm_count,
    proportions.respective_lists, proportions.bracket_pairs,
    proportions.events_in_patients, proportions.arm_labelled_counts, arm_data.survival_time_pairs,
    proportions.counts_before_their_arms, proportions.counts_beside_their_arms,
})
#: Rule functions that write nothing in a sentence holding no interval and no bracketed or comma pair (Sentence.cis
#: and .bare_pairs, read before any rule runs): a value is theirs only when one follows it (Sentence.ci_after finds
#: none then).
NEED_INTERVAL: frozenset = frozenset({effects.with_interval, effects.comparative_amount})
#: Rule functions that write nothing in a sentence naming no measure (Sentence.kws, read before any rule runs) and
#: printing no "=": each value is theirs only through the measure named before it (Sentence.measure_before), and the
#: aim-or-plan test they run first claims worked arithmetic ("377=1033-656") only where an "=" is printed.
NEED_MEASURE_NAME: frozenset = frozenset({effects.labelled, effects.non_finite, effects.two_intervals_respectively})
#: Rule functions that write nothing in a sentence printing no share (no "%" and no number read as a percentage,
#: Sentence.nums: "12 per cent"): the first four read a value only where a number printed as a percentage stands,
#: the last two only where "%" is printed (their patterns' literal). Profiled on 800 generated abstracts, two
#: sentences in three print no share.
NEED_PERCENT: frozenset = frozenset({
    proportions.arm_percentages, proportions.count_percent, proportions.percent_of, proportions.percent_n_equals,
    proportions.table_count_percent, proportions.shared_and_interval_percentages,
})
# (Skipping a rule that runs the aim-or-plan test is exact: where no "=" is printed the test claims nothing, only
# remembers its verdict.) A rule changed to write without what its set names must leave the set:
# tests/test_extract_rule_gates.py runs every gated rule on real-shaped sentences without it and checks that it
# writes nothing.
_GATED = (NEED_ARM_SIZES, NEED_INTERVAL, NEED_MEASURE_NAME, NEED_PERCENT)

# the rule functions to run, by what the sentence has: (an arm's size stated, an interval or pair, a measure named,
# a share printed)
_FINDERS_BY_GATE: dict[tuple[bool, ...], tuple[Callable[[Sentence], None], ...]] = {
    has: tuple(f for f in _FINDERS if all(present or f not in needing for present, needing in zip(has, _GATED)))
    for has in itertools.product((False, True), repeat=len(_GATED))}


def run_rules(sentence: Sentence) -> None:
    """Every rule over one sentence, in priority order (a function listed twice, for two shapes, runs once); the
    rules that need an arm's size, an interval, a measure's name or a share are passed over where there is none (they
    would write nothing)."""
    has = (bool(sentence.state.arm_sizes), bool(sentence.cis or sentence.bare_pairs),
           bool(sentence.kws) or "=" in sentence.seg, "%" in sentence.seg or any(n.percent for n in sentence.nums))
    for find in _FINDERS_BY_GATE[has]:
        find(sentence)
