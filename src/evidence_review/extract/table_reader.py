"""Estimates from table grids, read cell by cell with the grid's headers and the one grammar of numbers.

A grid (ingestion's `tables` entry: cells with row, col, text, offsets and a header mark) is read as follows.
- Headers: each column's header is its texts over the header rows; a header cell that only says when ("Week 24",
  "Baseline") spanning several columns gives each its timepoint (or role baseline), and an arm's name printed once
  over its "n" and "%" sub-columns spans them. A column is an arm when its header resolves to an arm of the study
  (Study.resolve_column), or names a dose only ("25 mg (N = 79)": a dose arm of the trial's drug); its own N is
  the total of its cells (a safety population's table). Total, overall and p-value columns are not arms; a column
  headed "HR (95% CI)", "Difference (95% CI)", "A vs placebo, OR" is an effect column.
- Cells: every cell is parsed by the grammar's productions (grammar.Parse.whole: the expression must span the
  cell): count_of_percent "8/1039 (0.77)", count_of "39/50", mean_pm "98.4 ± 2.0", mean_ci, median_spread
  "120 (60-200)" / "13 (IQR 7-30)" / "4 [range 1-12]", count_percent and table_count_percent "31 (34.1)",
  mean_bracket "45.2 (12.3)" / "1.2 (SE 0.4)", a bare number or percentage; the format the row label announces
  (", n (%)", ", mean (SD)", ", median (IQR)"; else the column header's, else the caption's) decides what an
  ambiguous shape means, decided in one place (`_cell_format`; a bare "(%)" unit yields to a column's "Mean (95%
  CI)"). A cell may carry its own n ("45 [26, 58]n = 23"); a share without its count takes the one count it rounds
  from, flagged. Effect cells are a value, an interval (bare_pair or interval) and a p_value in a row;
  p-value cells are p_value, or a number with its operator. A column naming two arms ("Placebo – Drug", "A vs B")
  is an effect of the first against the second, not an arm. An arm's cell is read by arm_cells.py.
- Rows: column 0 is the outcome (format and footnote marks stripped, its timepoint moved to `timepoint`); a row
  whose other cells are empty is a section heading carried by the rows under it; an arm column gives one
  arm-level row (PROPORTION, MEAN with sd/se, MEDIAN with q1/q3 or range), an effect column one comparative row
  whose arms its header names, else the table's one experimental and one control arm, with the p-value column's
  number. A baseline table (caption, section or a demographic row) gives role `baseline`, never pooled.
- Other layouts: arms as rows with the outcomes as columns (a transposed table, with a column saying when each arm's
  row was measured: "Control | Before treatment | 55.1±11.2"), effect tables whose rows name the comparison
  ("ACR50, X vs Y"), multi-arm cells ("62.4/64.2/63.6" under "Pre-op A/B/C": one row per arm, the abbreviations
  spelled out in a footnote or starting an arm's name), an arm spanning "Before | After treatment" columns, and a
  second label column (a first column of timepoints beside the outcomes, or an outcome beside its time). A
  when-text ("Pre-op", "10 min", "After treatment", "3rd month") is the timepoint; before the intervention starts
  it is a baseline figure. Generic labels ("Control", "Treatment") are the study's arms of that kind; a header
  naming the statistic over the arm columns ("Mean % change from baseline", "Group n (%)") gives the cells' format.
  Rows of outcome x arm under columns of times ("FBS | drug | ..."), an arm split into category sub-columns
  ("Treatment group" over "<2 days | 2-5 days"), bare counts whose categories add up to each arm's n, a statistic
  and its spread on two rows ("Median" over "Range"), a cell printing its own n ("79%n = 24").
- Strata and denominators: a header printed once per stratum over the arms ("Men | Women" over "X | Placebo"
  twice, "Men / X"), a heading row naming patients ("Age >= 65 years", "Per-protocol population") and the coded
  groups of a stratified design ("Group TU (n = 12): U/L TKR patients received TAX") give each cell's `subgroup`;
  a heading row may hold its p-value and gives its "n (%)" to the rows under it; a label broken over two lines is
  joined; "Sex (M/F) | 3/10" is 3 of 13; an "All patients" column gives the whole population's baseline rows; a
  percentage of all patients or of the other arm keeps the count over its arm (flagged), categories that add up
  to fewer patients than the arm take that sum as their total (flagged); a footnote's format ("Data are mean
  (standard deviation)") decides like the caption's; "%/year" and "per patient-year" give ARR rows; a "95% CI"
  column is the interval of the effect column before it, as are "Lower | Upper" bound columns; an effect cell's
  interval may follow a semicolon or comma ("0.50; 0.28 to 0.89"); "Estimate (SE)" or an "SE" column gives `se`
  (no interval derived, flagged se_without_interval); an effect table without arm columns compares the arms its
  effect header names, else the trial's experimental and control arm (never in a table of factors).
- Not arms: a table whose columns are patients with and without an outcome or trait ("Infection | No infection",
  "Responders | Non-responders", "Yes | No") is read by neither reader (`split_by_outcome`); "Total group" and
  "Both groups" columns are the whole population. Sizes from a first row ("Patients included | 66 | 58") or a stage
  row ("Patients assessed (n, %)"); "Number | Percent" sub-columns; an effect row under the arms' figures ("Relative
  risk (95% CI) | 2.0 (1.0-3.9) | |"); a header row labelled "Treatment" naming the arms under moments; blocks
  stacked per group ("Total", a crossover sequence "Placebo/Drug") in one figure column.
- Header paths before layouts: the grammar names the statistic a header or row label prints (`statistic_name`), and an
  arm's statistics are gathered wherever they stand (columns under the arm, rows under an outcome, columns of a table
  of arm rows: `_statistic_groups`, `_statistic_run`, `_read_statistic_group`); header rows printed again in the body
  split the table into blocks (`header_blocks`); a slash decimal mark is detected per table (`with_slash_decimals`);
  a when in a header (with a size), a heading row or a row label times the cells under it, also a code or a schedule
  the document defines as a time (`_times_the_text_names`).
Evidence is the row's text (text[start:end]), so every number keeps its provenance. A derived SD is flagged with
its conversion (sd_from_se, sd_from_ci); nothing else is converted. `without_repeats` drops the sentence
reader's rows that repeat a table's numbers, so an estimate printed in the text and a table is one row.
"""
from __future__ import annotations

import dataclasses
import math
import re
from itertools import takewhile
from dataclasses import dataclass

from ..tables import DIFFERENCE_MEASURES, EVENTS_FROM_PERCENTAGE, PERCENTAGE_OF_FEWER, RATIO_MEASURES, TWO_BY_TWO_MEASURES
from .cells import (analysis_variants, mean_and_median_variants, two_statistic_variants, split_marks, stacked_interval, table_notes, with_analyses,
                    lone_figure, with_keyed_statistics, with_printed_marks, figure_with_spread,
                    prints_plus_minus_spread, with_slashed_arm_columns)
from .arm_cells import (BRACKET_NOTE, PAIR_CELL, THOUSANDS, count_within_arm, mean_and_median_cell, mean_row, median_row,
                        percent_change_of_mean,
                        own_size, parse_arm_cell, proportion_row, whole_number)
from .cell_reading import share_agrees
from .table_rows import counts_its_sub_rows, response_class_columns, row_role, with_continuation_rows, with_two_line_labels
from .statistic_rows import centre_word_opens_a_name, is_test_word, same_measure, statistic_stub_column, stub_word
from .table_sizes import (adopt_size, analysed_sizes_from_category_blocks, shares_column, shares_of_listed_events,
                          size_every_share_fits,
                          size_from_shares,
                          sizes_from_category_blocks, sizes_from_total_row, category_of_people, row_totals_of_categories,
                          TOTAL_LABEL, whole_population_size, zero_among_shares)
from .table_effects import (allocation_coefficients, names_coefficient, within_group_effects, without_named_effect_size, counted_ratio, compared_figure_columns, comparison_matrix, decimal_points, difference_of_plain_figures,
                            declared_estimate, declared_measure, generic_effect_measure, leading_figure, measure_of_the_row, spread_header,
                            before_effect_size, colon_interval, glued_mark, marked_measure, median_difference, percent_header, printed_as_fraction,
                            transposed_effect_measure, difference_order, pairwise_comparisons, printed_order, model_means, without_p_adjustment,
                            without_effect_size, columns_compared, difference_against, names_arms_difference,
                            declares_effects, difference_of_a_quantity)
from .column_roles import adjustment_column, column_role, comparison_role, event_count_columns, model_term_columns, names_interval, names_p, ratio_name
from .grammar import FIGURE, Parse, comparison_statistic, count_value, parse_number, percent_label_reading, \
    statistic_format, statistic_name
from .ids import estimate_id
from .table_shares import without_size_restatements
from .share_cells import (counts_patients, listed_category_counts, no_patients_cell, per_patient_count, share_and_category,
                          share_cell_format)
from .denominators import (analysed_column, analysed_count, applies_to, declared_count_format, declared_sizes,
                           block_sizes, counts_above, declared_missing, exhaustive_sum, fitting_size, less_missing,
                           missing_of_row, sample_split_sizes, sex_pair_count,
                           sizes_by_column, whole_share_column, without_declared_sizes)
from .declared_formats import (MEASURED_QUANTITY, PERCENTILES, caption_format, caption_statistic, declares_correlations,
                               column_header_format, declares_mean_and_median, document_declares_mean_and_median,
                               format_for_cell, format_words_only, header_parts_format, header_path_format, header_statistic_format,
                               kind_of_variables, label_mark, model_mean, refined_format,
                               label_format, marked_declarations, marked_format, named_declarations, named_format, percent_unit_only,
                               rate_format, document_named_declarations,
                               table_declared_formats, table_format, table_wide_notes, TWO_BOUND_FORMATS, unmarked_row_format)
from .factors import reference_of
from .lexicon import find_drugs, find_outcome
from .meaning import adjustment, is_baseline_caption, is_later_measurement, means_adjusted_by_note, names_a_later_moment
from .orientation import arms_by_counts, declared_order, declared_reference, differenced_columns, orient_by_declared_order, orient_by_means
from .subgroups import block_part, category_band, category_subgroup, centre_split_stratum, measure_range_stratum, names_a_period, population_label, repeated_block_sections
from .timepoints import (numbered_moment, phase_window, times_of_a_header_row, timed_visit, change_end_time, first_timepoint, glossed_time, is_timepoint, is_window, label_moment, leading_time,
                         lists_times, moment_of, operative_spelled_out, phase_edge,
                         change_reference, code_gloss, dotted_ordinal, time_stub_column, timepoint_spans)
from .study import (GENERIC_TREATMENT, SPANNING_STATISTIC, SPANNING_WHEN, TREATMENT_START_WORDS, WHOLE_POPULATION_HEADER, Arm, Study,
                    arm_key, column_format, control_canonical, difference_against_control, document_abbreviations, header_rows,
                    is_arm_header, outcome_split,
                    SIZE_ROW_LABEL, column_headers, each_arm_size, split_size)
from .textscan import scan_view
from .validation import validate
from .table_arms import (abbreviated_arm, change_rows_under_arms, continued_arm_rows, defined_name, mean_and_spread, footnote_coded_rows, group_size, one_arm_design,
                         repeated_arm_columns, role_arm, sibling_arm_columns,
                         size_from_sex_pair, size_from_sex_rows,
                         sibling_arm_rows)
from .table_columns import (arm_column_rows, arm_part, arms_span, changed_arm, dose_split_columns, factor_header_rows, joined_statistic_columns,
                            measure_over_times, statistic_role, without_run_in_p)
from .table_axes import read_by_paths
from .header_tree import repeated_group_spans, reprinted_level, statistic_row, visit_groups
from .grid_layouts import arm_of_change_label, arm_rows_by_elimination, centred_intervals, compared_bare_figures, compared_code_columns, range_bounds, range_columns
from .strata_columns import quantity_band, strata_columns, stratum_table
from .whole_sample import (TOTAL_PEOPLE_LABEL, counts_with_shares, factor_level_columns, factor_margins, pooled_figures, sex_pair_in_words, size_row,
                           whole_sample_size)
from .arm_codes import caption_population, name_after_code
from .table_counts import count_columns_told_by_effect_rows, counts_told_by_effect_rows, counts_told_by_ratios
from .table_layout import (turned_by_counts, arm_by_words, code_definitions, arm_code, bracketed_arm_rows, coded_arm_outcome_rows, coded_arm_rows, counted_cell, count_share_pairs, label_total, paired_cell, row_totals,
                           one_arm_of, right_to_left, label_column_first, share_sign_first, whole_trial_spans, without_serial_column, without_spacer_columns,
                           without_shifted_rows, without_statistic)

# the measure an effect cell names before its number: "HR 0.38 (0.17-0.86)", "aOR: 1.9 (1.1-3.2)"
_CELL_MEASURE = re.compile(r"(?P<label>HR|aHR|IRR|RR|aRR|OR|aOR|RD|ARD|MD|SMD|LSMD)\b\s*[:=,]?\s*")
# a p-value cell printed without its "P": "<0.001", "≤ .05"
_P_OPERATOR = re.compile(r"(?P<op>[<>=\u2264\u2265])\s*")

# ", n (%)", " - mean (SD)", " (%)", "— no. (%)", ", median (IQR)": the format written with the outcome
_FORMAT = re.compile(
    r"\s*[,;:\-–—]?\s*(?:%\s*\(\s*(?:n|no\.?|number)\s*\)|\(\s*n\s*\)|(?:n|no\.?|number)\s*(?:/\s*N\s*)?\(\s*%\s*\)|n\s*/\s*N(?=\s*(?:[,;]|$))|[(\[]\s*%\s*[)\]]|%(?=\s*(?:[,;]|$))|"
    r"(?:(?:least[- ]squares|LS)\s+)?(?:mean|median)\s*(?:[(\[]\s*(?:SD|SEM?|IQR|range|95\s*%\s*CI|Q1[-,\s]*Q3|min[-,\s]*max|"
    + PERCENTILES + r")\s*[)\]]|(?:±|\+/-)\s*SDM?|(?:±|\+/-)\s*SEM?)"
    r"|(?:(?:least[- ]squares|LS)\s+)?(?:mean|median)(?=\s*(?:[,;]|$))|[(\[]\s*(?:±\s*)?(?:SD|SEM?|IQR|range)\s*[)\]]|(?:±|\+/-)\s*SD)(?=\s*(?:[,;]|$))"
    # ... or opening it: "% with diabetes", "% of patients with relapse", "% responders"
    r"|^\s*%\s+(?:of\s+(?:the\s+)?(?:patients|participants|subjects)\s+)?(?:with\s+|who\s+)?(?=\w)", re.I)
# ", kg", ", days", ", mg/dL": a unit after the outcome
_UNIT_SUFFIX = re.compile(r"\s*,\s*[A-Za-z%µμ/\d.²]{1,10}\s*$")
# "at week 12", "12 months", "Weeks 1-12": a period as well as a point
_TIMEPOINT = re.compile(r"\s*,?\s*\b(?:at|by|to|through|after|over|within|during|up\s+to)?\s*(?P<tp>(?:week|day|month|year)\s+\d+|"
                        r"(?:week|day|month|year)s\s+\d+\s*[-\u2013]\s*\d+|\d+\s+(?:weeks?|months?|years?|days?))\b",
                        re.I)
_BASELINE = re.compile(r"\bbaseline\b|\bcharacteristics\b|\bdemographic|\b(?:past\s+)?medical\s+history\b|"
                       r"\b(?:age|sex|gender)\s+(?:and\s+(?:age|sex|gender)\s+)?distribution\b", re.I)
_CAPTION_TIMEPOINT = re.compile(r"\b(?:at|by|to|through|after|over|up\s+to|during)\s+(?P<tp>(?:week|day|month|year)\s+\d+|"
                                r"\d+\s+(?:weeks?|months?|years?|days?))\b|"
                                # "in the immediate postoperative period": a phase of the care the trial studies
                                r"\b(?:in|during)\s+the\s+(?P<period>(?:(?:immediate|early|late)\s+)?(?:post|pre)-?\s?operative)\s+"
                                r"period\b", re.I)
_SUBGROUP_COLUMN = re.compile(r"\s*(?:population|subgroups?|patient\s+groups?|analysis\s+(?:set|population)|strat(?:um|a))\b",
                              re.I)
_WHOLE_POPULATION = re.compile(r"\s*(?:all\b|overall|total|whole|entire|intention|ITT|full\s+analysis|(?:study|trial)\s+population)", re.I)
# a column of the whole population: "All patients (%)", "Total (N = 93)", "Overall", "Total group", "Both groups"
_WHOLE_COLUMN = WHOLE_POPULATION_HEADER
# a heading row naming a group of patients, not a topic: the stratum of the rows under it
_STRATUM_SECTION = re.compile(
    r"\s*(?:(?:men|women|males?|females?|boys|girls|children|adolescents|adults|elderly)(?:\s*\(.*\))?|"
    r"age[ds]?\s*(?:[<>\u2264\u2265]|=<|>=|\d|(?:of\s+)?(?:under|over|below|above|less|more|older|younger|at\s+least))[^:]*|"
    r"[<>\u2264\u2265][^:]*|(?:patients|participants|subjects|those)\s+(?:with|without|aged|who|receiving|not|on)\b[^:]*|"
    r"(?:modified\s+)?(?:per[- ]protocol|intention[- ]to[- ]treat|m?ITT|PP|full\s+analysis|safety)(?:\s+(?:population|set|"
    r"analysis(?:\s+(?:set|population))?|cohort|patients))?|[^:]{1,60}\b(?:population|analysis\s+set|subgroup|stratum|strata)|"
    r"(?:above|below|at\s+or\s+(?:above|below))\s+(?:the\s+)?median\b[^:]*)\s*", re.I)
# a heading row naming when the rows under it were measured: "Before treatment", "After treatment", "At baseline"
_PHASE_HEADING = re.compile(r"\s*(?:(?P<before>(?:at\s+)?baseline|before\s+(?:the\s+)?(?:treatment|intervention|therapy|surgery)|"
                            r"pre-?(?:treatment|intervention|operative|procedur(?:e|al)))|(?:after|following|end\s+of)\s+(?:the\s+)?"
                            r"(?:treatment|intervention|therapy|surgery|procedure)|post-?(?:treatment|intervention|operative|"
                            r"procedur(?:e|al))|"
                            # "After four treatments", "After 3 sessions", "After the second cycle"
                            r"(?:after|following)\s+(?:the\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                            r"first|second|third|fourth|fifth|sixth|last|final)\s+(?:treatments?|sessions?|doses?|cycles?|"
                            r"courses?|applications?|infusions?|injections?))\s*", re.I)
_PATIENTS_WITH = re.compile(r"\s*(?:patients|participants|subjects|those)\s", re.I)
# an interval's own column: "95% CI", "(95% CI)", "CI 95%", "95% CI of the difference", "95% credible interval"
_CI_HEADER = re.compile(r"\s*[(\[]?\s*(?:(?:90|95|99)\s*%\s*)?(?:CI|C\.I\.|CrI|confidence\s+intervals?|credible\s+intervals?)"
                        r"(?:\s*(?:90|95|99)\s*%)?(?:\s*[(\[]\s*95\s*%\s*[)\]])?\s*[)\]]?"
                        r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Za-z-]+\s*){1,3})?\s*[*\u2020\u2021\u00a7]?\s*", re.I)
_PAIR_TEXT = re.compile(r"\s*[(\[]?\s*(?P<low>[-\u2212]?\d+(?:\.\d+)?)\s*(?:to|[-\u2013\u2014,;]|\.\.)\s*"
                        r"(?P<high>[-\u2212]?\d+(?:\.\d+)?)\s*[)\]]?\s*")
_GROUPED = r"[-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GROUPED_PAIR_TEXT = re.compile(r"\s*[(\[]?\s*(?P<low>" + _GROUPED + r")\s*(?:to|[-\u2013\u2014;]|\.\.)\s*(?P<high>" + _GROUPED
                                + r")\s*[)\]]?\s*")
# "Sex (M/F)", "Gender: Male/Female (ratio)", "Men/women": a row of two counts, one per sex
_SEX_PAIR = re.compile(r"\b(?P<first>m|f|w|males?|females?|men|women)\s*[/:]\s*(?P<second>m|f|w|males?|females?|men|women)\b", re.I)
_CAPTION_NUMBER = re.compile(r"^\s*(?:(?:supplementary\s+)?table|tab\.)\s*[A-Z]?\d+[a-z]?\s*[.:|-]?\s*", re.I)
_RESULTS_CAPTION = re.compile(r"\b(?:outcomes?|results?|efficacy|end\s*-?points?|adverse|responders?|response)\b|"
                              # "Characteristics of spinal anaesthesia", "Block characteristics": what the anaesthetic
                              # did (onset, duration, level of the block), the outcomes of an anaesthesia trial
                              r"\bcharacteristics\s+of\s+(?:the\s+)?(?:(?:spinal|epidural|intrathecal|regional|"
                              r"sensory|motor|nerve|neuraxial|combined\s+spinal[- ]epidural)\s+(?:(?:and|or)\s+)?)*(?:an(?:a)?esthesia|"
                              r"block(?:ade)?s?|analgesia)\b|\b(?:(?:sensory|motor|nerve|spinal)\s+)?block(?:ade)?\s+characteristics\b",
                              re.I)
# a row describing who the patients were, whatever table it sits in
_DEMOGRAPHIC_ROW = re.compile(
    r"(?:age(?:\s+at\s+[\w-]+)?|sex|(?:female|male)(?:\s+sex)?|women|men|gender|race|ethnicity|white|black|asian|"
    r"hispanic(?:\s+or\s+latino)?|body[- ]mass\s+index|BMI|weight|height|(?:current\s+)?smok\w*|disease\s+duration|"
    r"duration\s+of\s+(?:the\s+)?(?:disease|illness)|time\s+since\s+(?:diagnosis|onset)|[\w\s-]{1,40}\bat\s+baseline|"
    # a condition the patients came with: "Preexisting psychological illness", "History of stroke", "Prior MI"
    r"(?:pre-?existing|previous|prior)\s+[\w\s,/-]{2,60}|(?:(?:family|medical)\s+)?history\s+of\s+[\w\s,/-]{2,60})", re.I)
_EFFECT_HEADERS = [
    # an adjusted ratio's abbreviation ("aHR", "aOR", "aRR") names the same measure, as do an unadjusted or crude one's
    # ("uOR", "cOR": meaning's adjustment words say unadjusted)
    ("HR", re.compile(r"(?-i:\b[acu]?HR\b)|hazard\s+ratio", re.I)),
    ("IRR", re.compile(r"(?-i:\b[acu]?IRR\b)|rate\s+ratio", re.I)),
    ("OR", re.compile(r"(?-i:\b[acu]?OR\b)|odds\s+ratio", re.I)),
    ("RR", re.compile(r"(?-i:\b[acu]?RR\b)|risk\s+ratio|relative\s+risk(?!\s+reduction)", re.I)),
    # "absolute risk reduction" is a risk difference as printed (ARR, the abbreviation, is an annualized rate); an
    # "absolute difference" alone is a difference of whatever the arms print (DIFF: their figures decide, means a MD)
    ("RD", re.compile(r"\bRD\b|risk\s+difference|absolute\s+risk\s+difference|difference\s+in\s+(?:proportions|rates)|"
                      r"absolute\s+risk\s+(?:reduction|increase)", re.I)),
    # (before MD: "Standardized mean difference" holds "mean difference"; an effect size is standardized)
    ("SMD", re.compile(r"\bSMD\b|standardi[sz]ed\s+mean\s+difference|\beffect\s+sizes?\b|\bcohen'?s\s+d\b|"
                       r"\bhedges'?\s*g\b", re.I)),
    # ("Difference in means (95% CI)": the difference of the arms' means, named the other way round)
    ("MD", re.compile(r"\bMD\b|mean\s+difference|LS\s*mean\s+difference|"
                      r"differences?\s+(?:in|of|between)\s+(?:the\s+)?(?:(?:adjusted|LS|group)\s+)?means\b", re.I)),
    # ("Δ (95% CI)": a difference with its interval; a bare "Δ" over one arm's cells is that arm's change;
    # "Estimates of effects", "Treatment effects": the comparison's, never "side effects" or "adverse effects")
    # ("Est" over "-0.06", beside "95% CI | p": the estimate's abbreviation, capitalised as a header prints it)
    ("DIFF", re.compile(r"\bdifferences?\b|\bdiff\.?\b|(?<!side\s)(?<!adverse\s)\beffects?\b|\bestimates?\b|(?-i:\bEst\b\.?)|"
                        r"\u0394\s*(?=[(\[]\s*95\s*%)", re.I)),
]
# a row label naming a comparison: the measure spelled out, or its abbreviation in capitals ("Creatinine, md/dL" is not)
_EFFECT_ROW = re.compile(r"(?i:\b(?:hazard|odds|risk|rate)\s+ratios?\b|\brelative\s+risks?\b|\b(?:risk|mean)\s+differences?\b)")
# the same by its abbreviation, which is also a vital sign's ("HR" heart rate, "RR" respiratory rate)
_EFFECT_ROW_ABBREVIATION = re.compile(r"\b(?:a?HR|a?OR|a?RR|IRR|RD|MD|SMD)\b(?!\s*/)")
_INTERVAL_NAMED = re.compile(r"\bCI\b|\bconfidence\s+intervals?\b", re.I)
# (a footnote letter after "P" is lower case: "PL", "PA" are short names of conditions, no p-value's column)
_P_HEADER = re.compile(r"^\s*p(?:\s?[-\u2010\u2013]?\s?values?)?\s*(?:[*†‡§]|(?-i:[a-z]))?\s*$|\bp\s?[-\u2010\u2013]?\s?values?\b", re.I)
# a column of the arms' comparison in a table of arm rows: "Absolute treatment effect", "Relative treatment effect"
_TREATMENT_EFFECT = re.compile(r"(?i)\btreatment\s+effects?\b")
_VERSUS = re.compile(r"(?P<a>[^,;()]+?)\s+(?:vs\.?|versus|compared\s+with)\s+(?P<b>[^,;()]+)", re.I)


def read_tables(doc_id: str, text: str, structure: dict | None, study: Study, *, source_file: str = "",
                condition: str = "", errors: list | None = None) -> tuple[list[dict], list[tuple[int, int]]]:
    """Rows from every table of the document whose columns are arms, and the spans of those tables (the
    sentence reader's rows inside them are replaced by these). A table whose grid cannot be read is skipped
    and why goes to `errors` (when given; else it raises)."""
    per_table: list[list[dict]] = []
    spans: list[tuple[int, int]] = []
    tables = (structure or {}).get("tables") or []
    coded = _coded_groups(text, study) if tables else {}      # the document's coded groups, read once
    # (and the arms' sizes the text states: "41 (59.4)" in a table sized by its caption's 75 is 41 of the 69 the text
    # assessed, "Group C, n = 69"; the share's arithmetic picks the size, whichever arm's it was)
    counts = _printed_counts(tables) | frozenset(a.n for a in (study.arms if study is not None else ()) if a.n)
    for table in tables:
        try:
            found = read_table(doc_id, text, table, study, source_file=source_file, condition=condition, coded=coded,
                               printed_counts=counts)
        except Exception as exc:     # noqa: BLE001 - a malformed grid costs its own rows only
            if errors is None:
                raise
            where = table.get("table_id", "?") if isinstance(table, dict) else "?"
            errors.append(f"table {where}: {type(exc).__name__}" + (f" ({exc})" if str(exc) else ""))
            continue
        if found:
            found = without_size_restatements(found) or found[:0]      # "Total | 35 (100 %)": the arms' sizes again
        if found and study is not None:
            # "Mean difference = placebo-cilostazol" under the table: its differences that way round (orientation)
            orient_by_declared_order(found, declared_order(f"{table.get('caption') or ''}\n{_footnotes(text, table)}",
                                                           study.resolve),
                                     lambda arm: {str(arm.canonical).lower(), str(arm.name).lower()})
        if found or (found is not None and split_by_outcome(table, study)):
            # a table of arms from which no cell could be read stays the sentence reader's; a table whose columns
            # are patients with and without an outcome is read by neither (its counts are no arm's)
            per_table.append(found)
            spans.append((int(table.get("start", 0)), int(table.get("end", 0))))
    kept = _without_restated_columns(per_table)
    _orient_by_counts(kept)
    orient_by_means(kept)
    arms_by_counts(kept)        # a three-arm table's ratios: the pair whose counts give the value
    return [row for found in kept for row in found], spans


_COUNTED_RATIOS = RATIO_MEASURES & TWO_BY_TWO_MEASURES      # ratios the arms' counts give (OR, RR)


def _outcome_key(outcome: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(outcome or "").lower()).strip()


def _orient_by_counts(per_table: list[list[dict]]) -> None:
    """The odds or risk ratios of a table whose outcomes another table counts in both arms ("Hydrocele | 2.371" beside
    "Hydrocele | 52/328 | 24/326"): when the counts give the other direction for two rows of a comparison or more
    (`table_layout.turned_by_counts`) and the stated direction for none, every row of that comparison in the table is
    turned (an effect column has one direction; a ratio near 1 or of zero events cannot say it); values as printed."""
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for found in per_table:
        for row in found:
            if row.get("measure") == "PROPORTION" and row.get("events") is not None and row.get("total") and \
                    row.get("intervention"):
                counts.setdefault((_outcome_key(row.get("outcome")), str(row["intervention"])),
                                  (int(row["events"]), int(row["total"])))
    if not counts:
        return
    for found in per_table:
        votes: dict[tuple, list[int]] = {}
        for row in found:
            if row.get("measure") not in _COUNTED_RATIOS or not row.get("intervention") or not row.get("comparator") or \
                    row.get("value") is None:
                continue
            pair = (row["measure"], str(row["intervention"]), str(row["comparator"]))
            key = _outcome_key(row.get("outcome"))
            first, second = counts.get((key, pair[1])), counts.get((key, pair[2]))
            tally = votes.setdefault(pair, [0, 0])
            if first is None or second is None:
                continue
            if turned_by_counts(row["measure"], float(row["value"]), first, second):
                tally[0] += 1
            elif turned_by_counts(row["measure"], float(row["value"]), second, first):
                tally[1] += 1
        for row in found:
            pair = (row.get("measure"), str(row.get("intervention")), str(row.get("comparator")))
            turned, stated = votes.get(pair, (0, 0))
            if turned >= 2 and not stated and float(row.get("value") or 0) > 0:     # ("0 (0-0)": no direction to turn)
                row["intervention"], row["comparator"] = row["comparator"], row["intervention"]
                row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")


# a row label naming a test or its result: "P", "P-value", "p value*", "t", "t-test", "χ2", "F value", "Cohen's d",
# "effect size", "t or X2" (a bare "F" may be the female row of a sex)
_TEST_ROW = re.compile(r"\s*(?:p\s?[-\u2010\u2013]?\s?(?:values?)?|t(?:[- ]?(?:tests?|values?))?|[\u03c7x]\s*2|[\u03c7x]\u00b2|chi[- ]?squared?|"
                       r"f[- ]?values?|z[- ]?(?:scores?|values?)|cohen\W?s\s+d|effect\s+sizes?|t\s*(?:/|or)\s*[\u03c7x]\s*2|[\u03c7x]\s*2\s*(?:/|or)\s*t)"
                       r"\s*[*\u2020\u2021\u00a7]?\s*:?\s*", re.I)


_SHARE_ONLY_HEADER = re.compile(r"\s*[(\[]?\s*%\s*[)\]]?\s*")


def _merge_count_share_columns(by_row: dict[int, dict[int, dict]], arm_columns: dict, column_sizes: dict,
                               column_hints: dict, columns: dict, taken: set[int]) -> None:
    """A count column and, on its right, the share column of the same arm ("N = 34 | (%)", "n | %"; the share column
    headed by the arm or by a "%" only), when the cells prove it (`table_layout.count_share_pairs`): each row's two
    cells become one "count (share%)" cell of the count column, whose total is the arm's n."""
    candidates = []
    for col in sorted(arm_columns):
        right = col + 1
        same_arm = arm_columns.get(right) is arm_columns[col]
        free = right not in arm_columns and right not in taken and right in columns and \
            bool(_SHARE_ONLY_HEADER.fullmatch(column_format(columns[right].header)[1] or columns[right].header))
        if (same_arm or free) and not {col, right} & taken:
            candidates.append((col, right, column_sizes.get(col)))
    if not candidates:
        return
    rows = [{c: _clean(cell.get("text")) for c, cell in row.items()} for row in by_row.values()]
    pairs = count_share_pairs(rows, candidates)
    # rows printing a count above zero without its share ("Missing | 1 | | 3 |"): counts of no answer, their zeros too
    unshared = {r for r, row in by_row.items() for left, (right, _) in pairs.items()
                if re.fullmatch(r"\s*[1-9]\d*\s*", _clean((row.get(left) or {}).get("text")))
                and not _clean((row.get(right) or {}).get("text"))}
    for left, (right, size) in pairs.items():
        # ("n | %" whose denominators differ by row: each row's total the one its share is of, a zero its block's)
        totals = dict(zip(by_row, row_totals([(_clean((row.get(0) or {}).get("text")), _clean((row.get(left) or {}).get("text")),
                                                _clean((row.get(right) or {}).get("text"))) for row in by_row.values()]))) \
            if size is None else {}
        for r, row in by_row.items():
            a, b = row.get(left), row.get(right)
            if a is None or not _clean(a.get("text")):
                continue
            merged = paired_cell(_clean(a.get("text")), _clean((b or {}).get("text")), totals.get(r))
            if merged == "" and r not in unshared and re.fullmatch(r"\s*0\s*", _clean(a.get("text"))):
                # "Not confident at all | 0 | | 0 | |" beside rows printing every share: a zero whose 0 % the table
                # leaves blank is the arm's zero count
                merged = f"0/{totals[r]} (0%)" if totals.get(r) else "0 (0%)"
            if merged is None or not merged and _BLOCK_SIZE_LABEL.fullmatch(_clean((row.get(0) or {}).get("text"))):
                continue        # a heading or a test's result across the row; a block's "(N)" row of sizes
            row[left] = dict(a, text=merged, end=max(int(a.get("end", 0) or 0), int((b or a).get("end", 0) or 0)),
                             total_of_share=size is None and "/" in merged)
            row.pop(right, None)
        arm_columns.pop(right, None)
        column_sizes.pop(right, None)
        column_hints.pop(right, None)
        column_sizes[left] = column_sizes.get(left) or size
        column_hints[left] = "n_pct"


def _whole_count_in_label(label: str, label_cell: dict, read_cells: list[tuple], arm_columns: dict,
                          column_sizes: dict) -> tuple[str, dict, dict] | None:
    """(the label without its count, the label cell, the whole trial's PROPORTION) when the row label ends with the
    sum of every arm's count of the row (`table_layout.label_total`), of the sum of the arms' sizes."""
    arms = {id(a) for a in arm_columns.values()}
    counts = {id(arm): parsed["events"] for _, arm, parsed in read_cells
              if parsed["measure"] == "PROPORTION" and parsed.get("events") is not None and id(arm) in arms}
    if len(arms) < 2 or len(counts) != len(arms):
        return None
    sizes = {id(arm_columns[c]): column_sizes.get(c) for c in arm_columns}
    whole = sum(sizes.values()) if all(sizes.values()) else None
    found = label_total(label, list(counts.values()), whole)
    if found is None:
        return None
    bare, count, total, share = found
    return bare, label_cell, proportion_row(count, total, share, label)


_SIZE_HEADER = re.compile(r"\s*(?:n|no\.?|(?:number|no\.?|n)(?:\s+of\s+(?:patients|participants|subjects|cases|eyes|children|infants|neonates|women|men|teeth|limbs|knees|hips|"
                          r"ears|lesions))?|"
                          r"cases?|patients|participants|subjects|sample(?:\s+size)?)\s*(?:[(\[]\s*n\s*[)\]])?\s*", re.I)


def _size_columns(by_row: dict[int, dict[int, dict]], rows, columns: dict) -> set[int]:
    """Columns headed "n" / "No." whose cells on `rows` are whole numbers: each row's own number of patients."""
    out = set()
    for col, column in columns.items():
        if col and _SIZE_HEADER.fullmatch(column.header or "") and \
                all(re.fullmatch(r"\d{1,5}", _clean(by_row[r][col]["text"])) or counted_cell(_clean(by_row[r][col]["text"]))
                    for r in rows if by_row[r].get(col)) and \
                any(by_row[r].get(col) for r in rows):
            out.add(col)
    return out


def _coded_header(parts: list[str] | tuple[str, ...]) -> str:
    """The header text of a column that may name a group code: its own (last) header, or, where that only names a
    statistic ("Group 1" over "n | (%)", "Median | (IQR)"), the header above it."""
    leaf = parts[-1] if parts else ""
    if len(parts) > 1 and (statistic_role(_clean(leaf)) is not None or statistic_format(_clean(leaf))):
        return parts[-2]
    return leaf


def _defined_group(code: str, text: str, local: dict[str, Arm]) -> Arm:
    """The table's arm of a group code, named with what the text says the group received ("Group-A ... were given oral
    metformin": "oral metformin (group A)"), else "Group A"."""
    defined = code_definitions(text).get(code) if text else None
    if not defined:
        arm = _table_arm(f"Group {code}", local)
        arm.n = arm.n or group_size(code, text)
        return arm
    name = f"{defined} (group {code})"
    # (named as written: the definition's words are what says which arm it is)
    return local.setdefault(name.lower(), Arm(arm_id="", name=name, canonical=name.lower(), n=group_size(code, text),
                                              role="", start=0, end=0, source="table",
                                              aliases={name.lower(), f"group {code}".lower()}))


def _coded_rows(by_row: dict[int, dict[int, dict]], columns: dict, coded: dict, local: dict[str, Arm],
                study: Study | None = None, text: str = "") -> tuple[dict[int, Arm], dict[int, str]]:
    """Body rows labelled by group codes (`table_layout.coded_arm_rows`, `coded_arm_outcome_rows`): each its arm, the
    one the document defines for the code ("Group CB (n = 13): ...") or a table arm "Group X" (a marked code, "C*", is
    the same arm), and the outcome a label prints after the code."""
    figures = {r: _clean(row[0]["text"]) for r, row in by_row.items()
               if row.get(0) and any(_clean(c["text"]) for k, c in row.items() if k)}
    sizes = _size_columns(by_row, list(figures), columns)
    sized = {r for r in figures if any(by_row[r].get(c) for c in sizes)}
    found = coded_arm_rows(figures, sized)
    outcomes = {}
    if not found:
        with_outcome = coded_arm_outcome_rows(figures)
        found = {r: (code, "") for r, (code, _) in with_outcome.items()}
        outcomes = {r: what for r, (_, what) in with_outcome.items()}
    arms = {r: coded[code][0] if code in coded else _defined_group(code, text, local) for r, (code, _) in found.items()}
    if not arms and study is not None and study.arms:
        # "Retinal thickness (red laser group) | 202.1 ± 24.5 | 211.7 ± 26.6" under "Baseline | 6 weeks"
        def resolve(words: str) -> Arm | None:
            if not is_arm_header(words):
                return None
            arm = study.resolve_column(words)
            if arm is None:
                held = arm_by_words(words, [a.name for a in study.arms])
                arm = study.arms[held] if held is not None else None
            return arm
        bracketed = bracketed_arm_rows(figures, resolve)
        arms = {r: arm for r, (arm, _) in bracketed.items()}
        outcomes = {r: what for r, (_, what) in bracketed.items()}
    return arms, outcomes


_RESTATED_FIELDS = ("value", "sd", "se", "q1", "q3", "ci_low", "ci_high", "range_low", "range_high")
_SPREAD_FIELDS = ("sd", "se", "q1", "q3", "range_low", "range_high", "ci_low", "ci_high")


def _printed_decimals(x: float) -> int:
    """The decimals a number read from print keeps ("1.3248": 4, "3.14": 2, "3": 0; a trailing zero is lost)."""
    text = repr(round(float(x), 6))
    return 0 if "." not in text or text.endswith(".0") else len(text.split(".")[1])


def _agree_as_printed(a: float, b: float) -> bool:
    """Whether two prints of one figure agree at the coarser print's precision: the finer rounded or cut to the
    coarser's decimals gives it ("3.141" and "3.14", "1.0768" and "1.07"). A whole number agrees only with itself (a
    figure printed without decimals is too often another figure close by)."""
    if a == b:
        return True
    coarse, fine = (a, b) if _printed_decimals(a) <= _printed_decimals(b) else (b, a)
    places = _printed_decimals(coarse)
    if places == 0:
        return False
    scaled = round(fine * 10 ** places, 6)
    return round(coarse * 10 ** places) in (round(scaled), math.trunc(scaled))


def _restates(row: dict, other: dict) -> bool:
    """Whether two tables' rows print one arm's mean or median with its spread, once coarser, once finer ("3.14 ±
    1.32" and "3.141 | 1.3248"): same arm and measure, the value and every spread both print agreeing
    (`_agree_as_printed`), at least one spread in both (a figure printed beside a CI in one table only is the same)."""
    if row.get("measure") != other.get("measure") or row.get("intervention") != other.get("intervention"):
        return False
    shared = [f for f in _RESTATED_FIELDS if _number(row.get(f)) is not None and _number(other.get(f)) is not None]
    if "value" not in shared or not any(f in _SPREAD_FIELDS for f in shared):
        return False
    if any((_number(row.get(f)) is None) != (_number(other.get(f)) is None) for f in ("sd", "se")):
        return False        # an SD in one, an SE in the other: two statistics
    return all(_agree_as_printed(_number(row[f]), _number(other[f])) for f in shared)


def _number(x) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if v != v else v


def _precision(row: dict) -> int:
    """The decimals of a row's value and spreads together: of two prints of one figure, the finer keeps more."""
    return sum(_printed_decimals(_number(row[f])) for f in _RESTATED_FIELDS if _number(row.get(f)) is not None)


def _restatable(row: dict) -> bool:
    """An arm's mean or median with its spread: what a table restating another table's cell repeats."""
    return row.get("measure") in ("MEAN", "MEDIAN") and _number(row.get("value")) is not None \
        and any(_number(row.get(k)) is not None for k in ("sd", "se", "q1", "range_low"))


def _without_restated_columns(per_table: list[list[dict]]) -> list[list[dict]]:
    """Each table's rows without a column that restates another table's cells ("HIP baseline | HIP 6 m" repeating the
    baseline table's and the outcome table's medians; a "Baseline | Week 24 | Change" table whose baseline column
    repeats Table 1; a visit table printed twice, "3.14 ± 1.32" by arm and visit, then "3.141 | 1.3248" per arm
    block): a column (an arm at one time in one table, or an arm's figures of one table at every time) of two figures
    or more, at least 80 % of which another table prints for the same arm with the same spread, as printed or finer
    (`_restates`), is dropped; the most restated column first, of two alike the coarser print (the finer is kept), then
    the one whose table restates more of its figures, then the later table's, each against the tables' rows still
    kept."""
    columns: dict[tuple, list[tuple[int, int]]] = {}
    candidates: dict[tuple, list[tuple[int, int]]] = {}
    for t, found in enumerate(per_table):
        for i, row in enumerate(found):
            if row.get("measure") in ("MEAN", "MEDIAN"):
                where = (t, row.get("intervention"), row.get("timepoint"), row.get("role"), row.get("subgroup"))
                columns.setdefault(where, []).append((t, i))
                # (an arm's block of one table over its visits in rows: "Intervention | At baseline | ... | After 6
                # months")
                columns.setdefault((t, row.get("intervention"), "every time", "", row.get("subgroup")), []).append((t, i))
                if _restatable(row):
                    candidates.setdefault((row.get("measure"), row.get("intervention")), []).append((t, i))
    for where in [w for w in columns if w[2] == "every time"]:
        if sorted(columns[where]) in [sorted(c) for w, c in columns.items() if w[0] == where[0] and w[2] != "every time"]:
            del columns[where]      # one time only: the column itself
    dropped: set[tuple[int, int]] = set()
    restating: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for cells in candidates.values():
        for a in cells:
            row = per_table[a[0]][a[1]]
            restating[a] = [b for b in cells if b[0] != a[0] and _restates(row, per_table[b[0]][b[1]])]
    while True:
        def restated_of(cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
            # one to one: a figure of another table restates one cell of the column, not every cell near it (one
            # "1.78 ± 0.3" of a baseline table is no restatement of a column "1.8 ± 0.3 | 1.7 ± 0.3 | 1.8 ± 0.3")
            used: set[tuple[int, int]] = set()
            found = []
            for c in cells:
                other = next((b for b in restating.get(c, ()) if b not in dropped and b not in used), None)
                if other is not None:
                    used.add(other)
                    found.append(c)
            return found

        def coarser(cells: list[tuple[int, int]]) -> float:
            """The share of the cells whose restatement still kept is finer than they are."""
            finer = [c for c in cells if any(b not in dropped and _precision(per_table[b[0]][b[1]]) >
                                              _precision(per_table[c[0]][c[1]]) for b in restating.get(c, ()))]
            return len(finer) / len(cells) if cells else 0.0

        tables_share: dict[int, float] = {}
        for t in {where[0] for where in columns}:
            live = {c for where, cells in columns.items() if where[0] == t and where[2] != "every time"
                    for c in cells if c not in dropped}
            tables_share[t] = len(restated_of(sorted(live))) / len(live) if live else 0.0
        best = None
        for where, cells in columns.items():
            live = [c for c in cells if c not in dropped]
            if len(live) < 2:
                continue
            restated = restated_of(live)
            share = len(restated) / len(live)
            # (two columns restating each other: the coarser print goes, else the one of the table that restates
            # more of itself)
            rank = (share, coarser(restated), tables_share[where[0]], where[0])
            if share >= 0.8 and (best is None or rank > best[0]):
                best = (rank, restated)
        if best is None:
            break
        dropped.update(best[1])
    inherited = _what_kept_prints_inherit(per_table, dropped, restating)
    return [[inherited.get((t, i), row) for i, row in enumerate(found) if (t, i) not in dropped]
            for t, found in enumerate(per_table)]


_PLACE_FIELDS = ("timepoint", "role")


def _what_kept_prints_inherit(per_table: list[list[dict]], dropped: set[tuple[int, int]],
                              restating: dict[tuple[int, int], list[tuple[int, int]]]) -> dict[tuple[int, int], dict]:
    """The kept print of a figure printed twice, given the place the dropped print had and it lacks: a baseline table's
    "76.07 (26.6)" at "T1" and role baseline dropped for the outcome table's finer "76.07 (26.61)" printed without a
    visit still is the baseline figure at T1 (the figure is one; where it sits is what either print says). A kept print
    its own table places (a timepoint or a role), or one no finer than the dropped, keeps its own place."""
    inherited: dict[tuple[int, int], dict] = {}
    for gone in sorted(dropped):
        source = per_table[gone[0]][gone[1]]
        for kept in restating.get(gone, ()):
            if kept in dropped:
                continue
            row = inherited.get(kept, per_table[kept[0]][kept[1]])
            missing = {f: source[f] for f in _PLACE_FIELDS if source.get(f) and not row.get(f)}
            if missing and not any(row.get(f) for f in _PLACE_FIELDS) and _precision(row) > _precision(source):
                # (a kept print its own table places, "Before | 85.24", is that table's figure there; a print as fine
                # as the dropped one is a figure the other table restates, not a finer print of it)
                inherited[kept] = {**row, **missing}
            break
    return inherited


def _names_no_arm_summary(label: str, row: dict, arm_columns) -> bool:
    """Whether a row's label names a test or statistic of the figures rather than what each arm's figure measures
    ("P-Value", "Cohen's d", "CV" under each mean ± SD row). A coefficient of variation whose cells print their own
    spread across the patients ("Coefficient of variation (%) | 38 ± 2 | 41 ± 1") is each patient's measured
    variability (of glucose, of blood pressure), an outcome every arm summarises, not a statistic of the row above."""
    named = comparison_statistic(label)
    if named != "variation":
        return named is not None
    cells = [_clean(row[c]["text"]) for c in arm_columns if row.get(c) is not None and _clean(row[c]["text"])]
    return not cells or not all(figure_with_spread(cell) for cell in cells)


def read_table(doc_id: str, text: str, table: dict, study: Study, *, source_file: str = "",
               condition: str = "", coded: dict | None = None, printed_counts: frozenset | None = None,
               block_arm: Arm | None = None) -> list[dict] | None:
    """The rows of one table (`_read_layouts`); a table they give no row of read cell by cell on the paths its
    grid gives each cell, its arms on whichever axis names them (table_axes.py)."""
    table = without_spacer_columns(table, header_rows(table))     # "| 12 | | 14 |": blank columns between the values
    table = without_shifted_rows(table, header_rows(table))      # "Married | | 15 (50%) | 17 (56.6%) |": one cell right
    table = right_to_left(table, header_rows(table))      # "P value | Drug B | Drug A | Variables": read mirrored
    table = label_column_first(table, header_rows(table))  # "Drug A | Variable | Drug B": the labels first
    table = with_two_line_labels(table, header_rows(table))   # "Experimental | 45.2 ± 6.1" over "group | |": one label
    if declares_correlations(str(table.get("caption") or ""), _table_wide_footnotes(text, table)):
        return []       # "Shown are Spearman's correlation coefficients (p-values)": no arm's figure in any cell
    if block_arm is None:
        by_strata = _read_strata_columns(doc_id, text, table, study, source_file=source_file, condition=condition)
        if by_strata is not None:
            return by_strata
    rows = _read_layouts(doc_id, text, table, study, source_file=source_file, condition=condition, coded=coded,
                         printed_counts=printed_counts, block_arm=block_arm)
    if rows or block_arm is not None:
        return _without_geometric_sds(rows, table, text)
    return _without_geometric_sds(read_by_paths(doc_id, text, table, study, source_file=source_file, condition=condition), table, text) or \
        _allocation_coefficient_rows(doc_id, text, table, study, source_file, condition) or rows


def _without_geometric_sds(rows: list[dict] | None, table: dict, text: str) -> list[dict] | None:
    """The rows of a table whose caption or footnotes name geometric means, without an SD derived from a mean's
    interval (on any layout: the cell reader's own guard sees a label's and a header's words only): the interval is
    symmetric on the log scale, so no SD of the raw values follows from it."""
    if not rows or not (_GEOMETRIC.search(str(table.get("caption") or "")) or _GEOMETRIC.search(_footnotes(text, table))):
        return rows
    for row in rows:
        flags = row.get("flags")
        named = flags.split(";") if isinstance(flags, str) else list(flags or [])
        if row.get("measure") == "MEAN" and "sd_from_ci" in named:
            kept = [f for f in named if f != "sd_from_ci"]
            row.update(sd=None, flags=";".join(kept) if isinstance(flags, str) else kept,
                       needs_review="geometric mean: no SD derived from its interval")
    return rows


def _allocation_coefficient_rows(doc_id: str, text: str, table: dict, study: Study, source_file: str,
                                 condition: str) -> list[dict]:
    """A regression table's coefficient of the allocation (table_effects.allocation_coefficients) as MD rows."""
    found = allocation_coefficients(table, study)
    out = []
    for f in found:
        line = [c for c in table.get("cells") or [] if int(c["row"]) == f["row"]]
        start, end = min(int(c["start"]) for c in line), max(int(c["end"]) for c in line)
        outcome = (find_outcome(str(table.get("caption") or "")) or ("",))[0]
        timepoint = ""
        if f.get("model"):
            # one model per spanning header ("Normal (100%)", "Low (4%)" over the coefficients): the outcome's condition
            outcome = f"{outcome}: {f['model']}" if outcome else f["model"]
        if f.get("header_path"):
            # one outcome per column ("FPG (3rd month)", "Plaque index" over "(3rd month)"): the column's own outcome,
            # a bracketed time in its header its timepoint
            named = []
            for part in f["header_path"]:
                bracket = re.search(r"\(([^()]*)\)\s*$", part)
                if bracket is not None and is_timepoint(bracket.group(1).strip()):
                    timepoint = timepoint or bracket.group(1).strip()
                    part = part[:bracket.start()].strip()
                if part:
                    named.append(part)
            outcome = " ".join(named) or outcome
        if f.get("outcome"):
            # an arm-by-time interaction under a heading row: that heading's outcome, the row's time
            outcome, timepoint = f["outcome"], f.get("timepoint") or timepoint
        ctx = {"doc_id": doc_id, "source_file": source_file, "evidence": text[start:end], "start": start, "end": end,
               "outcome": outcome, "timepoint": timepoint, "condition": condition, "role": "effect"}
        parsed = {"value": f["value"], "value_text": f["value_text"], "ci_low": f["ci_low"], "ci_high": f["ci_high"],
                  "p_value": f["p_value"], "p_text": f["p_text"], "se": f["se"], "adjusted": f.get("adjusted", "")}
        out.append(_effect_row(ctx, "MD", parsed, f["intervention"], f["comparator"], "", 0))
    return out


def _stratum_heading(label: str, by_row: dict, ordered: list[int], i: int, arm_columns: list[int]) -> bool:
    """Whether a heading row (the `i`th of `ordered`) opens a stratum of the patients, read from the row under it: a
    band of a measured quantity (`strata_columns.quantity_band`, "eGFR >= 60 ml/min") when that row counts each arm's
    people ("n | 41 | 44"); a range of a measure (`subgroups.measure_range_stratum`, "Score 20 or more") unless the
    rows under it are its times ("HbA1c < 7%" over "Week 12, n (%)": an outcome's heading)."""
    band, measure_range = quantity_band(label), bool(measure_range_stratum(label))
    if not (band or measure_range):
        return False
    under = (by_row.get(ordered[i + 1]) or {}) if i + 1 < len(ordered) else {}
    label_under = _clean(under[0]["text"]) if under.get(0) else ""
    if band and i + 1 < len(ordered) and _size_row(
            label_under, {c: _clean(under[c]["text"]) if under.get(c) else "" for c in arm_columns}):
        return True
    return measure_range and not (label_under and is_timepoint(re.split(r"[,;(]", label_under)[0]))


def _read_strata_columns(doc_id: str, text: str, table: dict, study: Study, *, source_file: str = "",
                         condition: str = "") -> list[dict] | None:
    """A table whose columns are strata of the whole population, not arms ("eGFR >= 60 | eGFR 45-59 | eGFR < 45 | p
    for trend"; `strata_columns`): each stratum's column read as all patients of that stratum, its size from its
    header or the table's size row, the stratum as `subgroup`; None for any other table."""
    if study is None or len(study.arms) < 2 or caption_arm(str(table.get("caption") or ""), study) is not None:
        return None     # ("Adverse events in the X group by sex": one arm's strata, the path reader's)
    heads = header_rows(table)
    headers = {col: _clean(h) for col, h, _, _ in column_headers(table)}
    body: dict[int, dict[int, str]] = {}
    for c in table.get("cells") or []:
        if int(c["row"]) not in heads:
            body.setdefault(int(c["row"]), {})[int(c["col"])] = _clean(c.get("text"))
    strata = strata_columns(headers, body, lambda t: bool(t) and study.resolve_column(t) is not None, population_label)
    if not strata:
        return None
    rows = []
    for stratum in strata:
        for row in read_table(doc_id, text, stratum_table(table, heads, stratum, "All patients"), study,
                              source_file=source_file, condition=condition) or []:
            row["subgroup"] = row.get("subgroup") or stratum.label
            rows.append(row)
    return rows or None


def _read_layouts(doc_id: str, text: str, table: dict, study: Study, *, source_file: str = "",
                  condition: str = "", coded: dict | None = None, printed_counts: frozenset | None = None,
                  block_arm: Arm | None = None) -> list[dict] | None:
    """The rows of one table, or None when it holds no arm of the study: neither arm columns, nor arm rows
    (a transposed table), nor rows naming the comparison of an effect column. `coded`: the document's coded
    groups (`_coded_groups`), read here when not given; `printed_counts`: the counts the document's tables print
    (`_printed_counts`), this table's when not given."""
    # ("73.86 ± 18.49/67.28 ± 16.40" under "Basal (A group/B group)": one column per arm, cells.py)
    table = with_slashed_arm_columns(table)
    table = with_continuation_rows(with_printed_marks(with_slash_decimals(table), table_notes(text, table)))  # table_rows.py
    table = with_keyed_statistics(table, table_notes(text, table))     # "R: 21–66M: 41.0" under "R: range, M: mean"
    variants = analysis_variants(table, table_notes(text, table))
    if variants is not None:
        # "196 ± 14 (201 ± 15)": two analyses per cell (cells.py), the table read once for each, its rows named
        return with_analyses([(read_table(doc_id, text, variant, study, source_file=source_file, condition=condition,
                                          coded=coded, printed_counts=printed_counts, block_arm=block_arm), analysis)
                              for variant, analysis in variants])
    measured = share_and_mean_variants(table)
    if measured is not None:
        # "60% (28.9 ± 7)", "12 (30%); 4.1 ± 1.2": a share and a mean of two outcomes in each cell, the table read once
        # for each figure, its headers naming each its own outcome
        found = [read_table(doc_id, text, variant, study, source_file=source_file, condition=condition, coded=coded,
                            printed_counts=printed_counts, block_arm=block_arm) for variant in measured]
        return None if all(f is None for f in found) else [row for f in found if f for row in f]
    centres = mean_and_median_variants(table, header_rows(table)) or two_statistic_variants(table, header_rows(table))
    if centres is not None:
        # "Length of stay, mean ± SD (median) | 8.2 ± 4.1(7)": each cell's mean and median, the table read for each
        found = [read_table(doc_id, text, variant, study, source_file=source_file, condition=condition, coded=coded,
                            printed_counts=printed_counts, block_arm=block_arm) for variant in centres]
        return None if all(f is None for f in found) else [row for f in found if f for row in f]
    table = without_serial_column(table, header_rows(table))      # "S. No. | Characteristics": the labels second
    table = without_run_in_p(table, header_rows(table))   # "Group II P-value (Control group) | P-value": the arm's header
    table = joined_statistic_columns(table, header_rows(table),      # "Mean | SD" under one path: one "mean ± SD" column
                                     lambda t: _header_when(_clean(t))[0] is not None)
    # "Training baseline | Training week 12 | Control baseline | ...": the names over the times, as two header rows
    table = factor_header_rows(table, header_rows(table), lambda t: _header_when(_clean(t))[0] is not None)
    blocks = header_blocks(table)
    if len(blocks) > 1:
        # "Parameter | Drug X" ... then "Parameter | Placebo" printed again in the body: each block under its own
        # headers, read as a table of its own
        found = [read_table(doc_id, text, block, study, source_file=source_file, condition=condition, coded=coded,
                            printed_counts=printed_counts) for block in blocks]
        for block, rows in zip(blocks, found):
            # a block whose label names its patients ("PP", "Patients with diabetes"): their subgroup
            stratum = block_part(block.get("block_label", ""))      # (subgroups.py: one decision for blocks)
            for row in rows or []:
                row["subgroup"] = row.get("subgroup") or stratum
        return None if all(f is None for f in found) else [row for f in found if f for row in f]
    if printed_counts is None:
        printed_counts = _printed_counts([table])
    cells = table.get("cells") or []
    heads = header_rows(table)
    matrix = _read_comparison_matrix(doc_id, text, table, heads, study, source_file, condition) or \
        _read_pairwise_table(doc_id, text, table, heads, study, source_file, condition)
    if matrix:
        # "Difference to agent" over "P2 | P3 | R": each row's agent against each column group's; "(I) Group | (J)
        # Group | Mean Difference (I-J)": each row's pair of groups
        return matrix
    header_texts = [_clean(c.get("text")) for c in cells if int(c["row"]) in heads and int(c["col"]) > 0]
    columns = _columns(table, heads, _times_the_text_names(text, list(dict.fromkeys(header_texts))))
    local_arms: dict[str, Arm] = {}
    arm_columns: dict[int, Arm] = {}
    level_outcomes: dict[int, str] = {}     # a factorial's level columns under the outcome they measure
    column_sizes: dict[int, int | None] = {}
    column_hints: dict[int, str] = {}
    effect_columns: dict[int, tuple[str, str]] = {}
    p_columns: list[int] = []
    whole_columns: dict[int, int | None] = {}
    ci_columns: list[int] = []
    bound_columns: list[int] = []       # "Lower 95% CI | Upper 95% CI": an interval's bounds in two columns
    se_columns: list[int] = []          # "Estimate | SE": an effect's standard error in its own column
    multi_columns: dict[int, tuple[list[Arm], str, bool]] = {}     # arms of a multi-arm column, its timepoint, baseline
    reference_columns: list[int] = []   # the reference arm's ratio column ("OR" over "1 | 1 | 1"): nothing to read
    against_of: dict[int, tuple[Arm | None, Arm]] = {}     # "Difference from placebo" columns: (their arm, the named arm)
    if coded is None:
        coded = _coded_groups(text, study) if columns else {}
    split_columns = _outcome_split_columns(columns, study)
    if split_columns and factor_margins({c.col: c.header for c in columns.values()}, {},
                                        {c.col for c in columns.values() if c.col and _WHOLE_COLUMN.fullmatch(split_size(c.header)[0])},
                                        text, lambda h: study is not None and study.resolve_column(h) is not None):
        split_columns = set()       # "Daytrip | No Daytrip | Total" of a factorial trial: the factor's arms, no outcome
    if split_columns:
        # "Infection (n = 13) | No infection (n = 163) | OR (95% CI) | P": risk factors by outcome, no arm's figures;
        # its effect column's ratios are each factor's against its absence
        return _factor_effects(doc_id, text, table, columns, heads, split_columns, source_file, condition)
    coded_strata: dict[int, str] = {}
    categories_of = _sub_columns(columns, study, local_arms)     # "Treatment group" over "<2 days | 2-5 days"
    named_in_row, group_label_column = _arms_of_a_group_row(table, heads, study, local_arms)
    # each arm's statistics printed as columns ("Drug X" over "N | Mean | SD | Median"): read per arm, not per column
    statistic_groups = _statistic_groups(columns, study, local_arms, str(table.get("caption") or ""), block_arm)
    if any(len(columns[col].parts) == 1 for _, stats in statistic_groups for col in stats.values()):
        # statistics headed by no arm belong to the caption's arm, unless the rows are the arms ("Group | N | Mean")
        body = {int(c["row"]): {} for c in cells if int(c["row"]) not in heads}
        for c in cells:
            if int(c["row"]) in body:
                body[int(c["row"])][int(c["col"])] = c
        if len(set(map(id, _arm_rows(body, study, {}).values()))) >= 2:
            statistic_groups = [(arm, stats) for arm, stats in statistic_groups
                                if not any(len(columns[col].parts) == 1 for col in stats.values())]
    grouped_columns = {col for _, stats in statistic_groups for col in stats.values()}
    categories_of = {col: found for col, found in categories_of.items() if col not in grouped_columns}
    cells, crossed = _of_row_totals(cells, heads, categories_of)     # "<1000 | ... | Total" under each arm: a cross-table
    body_texts = _column_texts(cells, heads)
    # "Drug X (N = 90)" over "Number of patients (%) | Number of events": the events column has nothing to read
    header_paths = _header_paths_and_rows(table, heads)[0]
    reference_columns += sorted(event_count_columns(header_paths) - grouped_columns)
    # "F" over "Time | Group | Time × Group": the model's terms' test statistics, no arm's figures (column_roles)
    reference_columns += sorted(model_term_columns(header_paths, body_texts) - grouped_columns - set(reference_columns))
    # the estimates the caption and footnotes declare ("Data represents the Odds Ratio and 95% confidence intervals")
    estimate_said = declared_estimate(f"{table.get('caption') or ''}\n{_footnotes(text, table)}")
    for column in columns.values():
        if column.col == 0 or column.col in split_columns or column.col == group_label_column or \
                column.col in grouped_columns or column.col in reference_columns:
            continue
        role = column_role(column.parts or (column.header,), body_texts.get(column.col, ()),
                           lambda t: study is not None and study.resolve_column(t) is not None,
                           "effect" if column.col - 1 in effect_columns else None)
        if role is not None:
            # "+ Drug X" over "Month 0 | Month 9 | p, trend", "Drug X (n = 85)" over "% | (n) | OR | (95% CI)": the p,
            # the arm's ratio against the reference and its interval are no figures of the arm (column_roles.py)
            {"p": p_columns, "ci": ci_columns, "reference": reference_columns}.get(role, []).append(column.col)
            if role == "effect":
                effect_columns[column.col] = (ratio_name(column.parts[-1]), column.header)
            elif role == "difference":
                effect_columns[column.col] = ("DIFF", column.header)     # "Δ(A) – Δ(B)" over "δ (95% CI)"
            elif role == "coefficient":
                effect_columns[column.col] = ("DIFF", column.header)     # "DM60" over "B | Wald χ2 | p"
            continue
        if estimate_said is not None and adjustment_column(
                column.parts or (column.header,), lambda t: study is not None and study.resolve_column(t) is not None) \
                and _estimate_cells(body_texts.get(column.col, []), estimate_said[1]):
            # "Unadjusted | Adjusted" (covariates under a spanning "Adjusted") over "3.29 (1.08, 9.95); p = 0.035", the
            # notes declaring odds ratios: one column of the declared estimates per analysis (column_roles); the
            # header path kept whole for the adjustment it names, an "(SE)" for the bracket the notes declare an SE
            path = " ".join(_clean(p) for p in column.parts) or column.header
            effect_columns[column.col] = (estimate_said[0], f"{path} (SE)" if estimate_said[1] else path)
            continue
        header = column.header
        own = _clean(column.parts[-1]) if len(column.parts) > 1 else ""
        if own and _P_HEADER.search(own) and not any(p.search(own) for _, p in _EFFECT_HEADERS[:-1]):
            # "COMB group (n = 9)" over "Baseline | Post | Within-group P value": the arm's test of its own change, a
            # p-value whatever arm the header above names, no cell of the arm
            p_columns.append(column.col)
            continue
        if block_arm is not None and not _P_HEADER.search(header) and not any(p.search(header) for _, p in _EFFECT_HEADERS) \
                and (statistic_name(_clean(column.parts[-1]) if column.parts else "") or column.hint
                     or column_format(header)[1] or _FORMAT_ONLY.fullmatch(header) or SPANNING_STATISTIC.fullmatch(header)
                     or not header and (column.timepoint or column.baseline)):
            # a block of one arm under a heading row naming it: its columns say only how the arm's figures are printed
            arm_columns[column.col] = block_arm
            column_sizes[column.col] = block_arm.n
            column_hints[column.col] = column_header_format(column_format(header)[1]) or header_statistic_format(header) or column.hint
            continue
        if column.col in named_in_row:
            # "| Treatment | Drug X | Placebo | Drug X | Placebo |" in the header: each column's arm, whatever is above
            arm_columns[column.col] = named_in_row[column.col]
            column_sizes[column.col] = named_in_row[column.col].n
            column_hints[column.col] = column.hint
            continue
        if column.col in categories_of:
            arm_columns[column.col] = categories_of[column.col][0]
            # (the size the nearest level prints: the arm's, else the one spanning it)
            column_sizes[column.col] = next((n for n in (split_size(p)[1] for p in reversed(column.parts[:-1])) if n is not None),
                                            categories_of[column.col][0].n)
            # (a format a level above the arm prints, "Baseline (n)": the categories' cells are counts)
            column_hints[column.col] = column.hint or header_parts_format(column_format(_clean(part))[1] for part in column.parts)
            continue
        code = re.search(r"(?<![\w/])([A-Z][A-Z0-9]{0,3})\s*$", split_size(header)[0]) if coded else None
        if code is not None and code.group(1) in coded:
            # "CB(13)" in a trial of four groups "Group CB (n = 13): B/L TKR patients received NS": an arm in a stratum
            arm, coded_strata[column.col] = coded[code.group(1)]
            arm_columns[column.col] = arm
            column_sizes[column.col] = split_size(header)[1] or _coded_size(text, code.group(1))
            column_hints[column.col] = ""
            continue
        sequence = _sequence_arm(header, study, local_arms)
        if sequence is not None and not _P_HEADER.search(header):
            # "Placebo/Drug X (n = 12) | Drug X/Placebo (n = 13)" in a crossover: the groups of the randomisation
            arm_columns[column.col] = sequence
            column_sizes[column.col] = split_size(header)[1]
            column_hints[column.col] = column_header_format(column_format(header)[1]) or column.hint
            continue
        against = _difference_against_column(column, columns, arm_columns, study, local_arms)
        if against is not None:
            # "Drug X (n = 175)" over "Change from baseline | Difference from placebo | P-value": the arm's difference
            # against the arm the leaf names, an effect of the two arms, never the named arm's figure
            effect_columns[column.col] = ("DIFF", column.header)
            against_of[column.col] = against
            continue
        compared = _compared_arms(header, study, local_arms)
        if compared is not None and len(column.parts) > 1 and _CI_HEADER.fullmatch(_clean(column.parts[-1])):
            ci_columns.append(column.col)   # "A vs B" over "RR | 95% CI": the comparison's interval, in its own column
            continue
        if compared is not None:
            # "Placebo – Paroxetine", "A vs B", "Difference (A − B)": a difference or ratio of two arms, not a third
            # arm; its measure is the header's ("Mean difference (95% CI)"), else the cells' kind decides
            effect_columns[column.col] = (next((m for m, p in _EFFECT_HEADERS if p.search(header)), "DIFF"), header)
            continue
        arm = _column_arm(header, study, local_arms) or abbreviated_arm(header, study, text) or \
            _grouped_role_arm(column, study)
        if arm is None and changed_arm(header):
            arm = _column_arm(changed_arm(header), study, local_arms)     # "Change from baseline in X group": X's changes
        if arm is None and not header and not column.baseline and study is not None and column.timepoint:
            # "After placebo" read as a when ("after" and one word): the crossover's column after that arm's period,
            # the when kept as the cells' timepoint
            after = _AFTER_ARM.fullmatch(column.timepoint)
            arm = study.resolve_column(after.group("arm")) if after is not None else None
        if arm is None and len(column.parts) > 1 and not is_arm_header(column.parts[0]):
            arm = _column_arm(column.parts[-1], study, local_arms)     # "Men" over "Rituximab (n = 30)"
        if arm is None and len(column.parts) > 1 and is_arm_header(column.parts[0]):
            under = _under_an_arm(column, cells, heads, study, local_arms)
            if under == "p":
                p_columns.append(column.col)
                continue
            arm = under or None
        if arm is None and column.parts and arm_code(_coded_header(column.parts)) is not None and \
                sum(arm_code(_coded_header(c.parts)) is not None for c in columns.values() if c.parts and c.col) >= 2:
            # "Group-A (n=25) | Group-B (n=25)" that the study model did not name (also spanning its statistics' own
            # columns: "Group 1" over "n | (%)"): the document's group of that code, else the table's own
            code = arm_code(_coded_header(column.parts))
            arm = coded[code][0] if code in coded else _defined_group(code, text, local_arms)
            if arm.n is None and split_size(_coded_header(column.parts))[1] is not None and code not in coded:
                arm.n = split_size(_coded_header(column.parts))[1]
        if arm is None and study is not None and study.arms and not _P_HEADER.search(header) and \
                not any(p.search(header) for _, p in _EFFECT_HEADERS) and not _WHOLE_COLUMN.fullmatch(split_size(header)[0]):
            # "Without incising the aponeurosis" for the arm "surgery without incising the aponeurosis": the one arm
            # whose name holds every word the column's own header prints
            held = arm_by_words(split_size(column.parts[-1])[0] if column.parts else "", [a.name for a in study.arms])
            arm = study.arms[held] if held is not None else None
        if arm is None and column.grouped and is_arm_header(header) and not _WHOLE_COLUMN.fullmatch(split_size(header)[0]) \
                and _listed_arms(header, study, table, text) is None:
            # "Groups" over "Dexmedetomidine | Midazolam": a group the study model did not name is still an arm ("Agent"
            # over "P1" over "n | %": the arm's name without its statistic sub-columns, one arm for both)
            arm = _table_arm(arm_part(column.parts) or header, local_arms)
        if arm is None and _STRATUM_JOIN.search(header) and not _VERSUS.search(header) and \
                not any(p.search(header) for _, p in _EFFECT_HEADERS) and not _P_HEADER.search(header):
            # "Men / Rituximab (n = 30)", "Unilateral - placebo": one piece names the arm, the other its stratum
            pieces = [a for a in (_column_arm(x, study, local_arms) for x in _STRATUM_JOIN.split(split_size(header)[0])) if a]
            arm = pieces[0] if len(pieces) == 1 else None
        listed = _listed_arms(header, study, table, text) if arm is None else None
        if listed is not None and not _splits(cells, heads, column.col, len(listed[0])):
            # "Midazolam/fentanyl" over cells of one value each: the arm given both, not two arms
            arm = _table_arm(header, local_arms,
                             "control" if all(a.role == "control" for a in listed[0]) else "experimental")
            listed = None
        if listed is not None:
            # "Pre-op Gly/Glu/Sal": every arm's value in one cell, in the order the header names them
            multi_columns[column.col] = listed
            column_hints[column.col] = column.hint
        elif arm is None and _WHOLE_COLUMN.fullmatch(split_size(header)[0]):
            # "All patients (%)", "Total (N = 93)": the whole population, no arm of the study
            whole_columns[column.col] = split_size(header)[1]
        elif arm is not None:
            arm_columns[column.col] = arm
            # the column's own N: a safety population's table gives the treated, not the randomized, numbers
            column_sizes[column.col] = split_size(header)[1] or arm.n
            column_hints[column.col] = rate_format(header) or column_header_format(column_format(header)[1]) or column.hint \
                or header_parts_format(column_format(_clean(part))[1] for part in column.parts) \
                or header_path_format(column.parts)     # "Drug A (n = 50), LS mean change (SEM)": words anywhere
        elif _CI_HEADER.fullmatch(header) or _CI_HEADER.fullmatch(spread_header(column.parts, _names_effect)) \
                or names_interval(spread_header(column.parts, _names_effect)):
            ci_columns.append(column.col)       # (also "95% CI" under a spanning "Odds ratio")
        elif _BOUND_HEADER.fullmatch(spread_header(column.parts, _names_effect) or header):
            bound_columns.append(column.col)
        elif _SE_COLUMN.fullmatch(header) or comparison_role(header) == "se" \
                or _SE_COLUMN.fullmatch(spread_header(column.parts, _names_effect)):
            # (also "S.E. of difference" right of a difference column, and "S.E." under a spanning "Difference in
            # scores" beside its "Beta": the estimate's standard error, no second estimate)
            se_columns.append(column.col)
        elif _P_HEADER.search(header) and not any(p.search(header) for _, p in _EFFECT_HEADERS[:-1]) \
                and not (_P_AFTER_INTERVAL.search(header) and _names_effect(header)):
            # ("Difference or ratio (95% confidence interval) P value": the estimate, its interval and its p in each
            # cell, an effect column whose cells close with their p)
            p_columns.append(column.col)
        elif column.timepoint and not column.baseline and not split_size(header)[0].strip() and not arm_columns \
                and declares_effects(f"{table.get('caption') or ''}\n{_footnotes(text, table)}"):
            # "3 months (n = 894) | 6 months (n = 801)" under "Effect of intervention (and 95% CI) on ...": each time's
            # differences of the arms, with the patients seen then; the measure the rows' (a quantity's: MD)
            effect_columns[column.col] = ("DIFF", column.timepoint)
        elif not is_arm_header(header) or any(p.search(header) for _, p in _EFFECT_HEADERS):
            measure = next((m for m, p in _EFFECT_HEADERS if p.search(before_effect_size(header))), "")
            # "Effect (95% CI)", "Ratio (95% CI)" over a footnote "Hazard ratios from Cox models": the measure the
            # caption or footnotes declare for the table's generic effect column (table_effects.declared_measure)
            said = f"{table.get('caption') or ''}\n{_footnotes(text, table)}"
            measure = generic_effect_measure(header, measure, said)
            if measure:
                effect_columns[column.col] = (measure, header)
            elif not header and column.timepoint and not column.baseline and declared_measure(said):
                # "Week 4 | Week 8" under a caption "Mean differences (95% CI) between the groups": each time's
                # effects, of the measure the caption declares (the time kept as the column's header)
                effect_columns[column.col] = (declared_measure(said), column.timepoint)
    # "| Baseline | Post X | Post placebo |" (a crossover's measurement before either period), "| Baseline | Drug A |
    # Drug B |": one column headed only "Baseline" beside two arms' columns after treatment holds the whole population
    # before treatment, read as all patients at baseline
    before_columns = [c.col for c in columns.values() if c.col and c.baseline and not c.header and not c.parts
                      and c.col not in arm_columns and c.col not in whole_columns and c.col not in multi_columns]
    whole_before = set(before_columns) if len(before_columns) == 1 and \
        len({id(a) for a in arm_columns.values()}) >= 2 and \
        not any(columns[c].baseline for c in arm_columns if c in columns) else set()
    whole_columns.update({c: None for c in whole_before})
    # "Risedronate" over "5 mg/day | 15 mg/day" where the study model knows one risedronate arm: the doses' arms
    for col, dose in dose_split_columns({c: "" if a.dose else str(id(a)) for c, a in arm_columns.items()},
                                        {c: columns[c].header for c in arm_columns if c in columns},
                                        lambda h: arm_key(split_size(h)[0])[1]).items():
        arm = arm_columns[col]
        name = f"{arm.name} {dose}"
        arm_columns[col] = local_arms.setdefault(name.lower(), Arm(
            arm_id="", name=name, canonical=f"{arm.canonical} {dose}", n=None, role=arm.role, start=0, end=0,
            source="table", aliases={name.lower()}, dose=dose))
        column_sizes[col] = split_size(columns[col].header)[1]      # (the drug's size is no one dose's)
    formats_of_arms = {column_format(columns[c].header)[1].lower() for c in arm_columns if c in columns} - {""}
    for column in columns.values():
        taken = set(arm_columns) | set(effect_columns) | set(p_columns) | set(whole_columns) | set(ci_columns) | \
            set(bound_columns) | set(se_columns) | set(multi_columns) | set(split_columns) | grouped_columns | \
            set(reference_columns)
        if column.col == 0 or column.col in taken or column.col == group_label_column or not formats_of_arms:
            continue
        name, said = column_format(column.header)
        if said.lower() in formats_of_arms and is_arm_header(column.header) and not _P_HEADER.search(column.header) \
                and not _WHOLE_COLUMN.fullmatch(split_size(name)[0]) and not any(p.search(name) for _, p in _EFFECT_HEADERS):
            # "Stinging Nettle, Mean ± SD | Placebo, Mean ± SD": a header printed like an arm's, its format beside a
            # name the study model does not know, is the other group of the table
            arm_columns[column.col] = _table_arm(name, local_arms,
                                                 "control" if control_canonical(name) else "experimental")
            column_sizes[column.col] = split_size(column.header)[1]
            column_hints[column.col] = column_header_format(said) or column.hint
    taken = set(arm_columns) | set(effect_columns) | set(p_columns) | set(whole_columns) | set(ci_columns) | \
        set(bound_columns) | set(se_columns) | set(multi_columns) | set(split_columns) | grouped_columns | \
        set(reference_columns)
    figures = {}
    for c in cells:
        if int(c["row"]) not in heads and re.search(r"\d", str(c.get("text") or "")):
            figures[int(c["col"])] = figures.get(int(c["col"]), 0) + 1
    own_headers = {c.col: _own_header(c) for c in columns.values()
                   if c.col != group_label_column and not any(_P_HEADER.search(_clean(x)) for x in c.parts)}
    for col, arm in sibling_arm_columns(own_headers,
                                        arm_columns, taken, study, text,
                                        (int(table.get("start", 0)), int(table.get("end", 0))), figures,
                                        local_arms).items():
        # "Placebo | Drug Y" where the study model knows placebo only: a treatment the document gives, its own arm
        arm_columns[col] = arm
        column_sizes[col] = split_size(columns[col].header)[1] or arm.n
        column_hints[col] = column_header_format(column_format(columns[col].header)[1]) or columns[col].hint
    for col, (name, role) in factor_margins(own_headers, arm_columns, whole_columns, text,
                                            lambda h: study is not None and study.resolve_column(h) is not None).items():
        # "Daytrip | No Daytrip | Total" in a factorial trial: each margin of the factor is its arm (whole_sample.py)
        arm_columns[col] = _table_arm(name, local_arms, role)
        column_sizes[col] = split_size(columns[col].header)[1]
        column_hints[col] = columns[col].hint
    if not arm_columns:
        # "Normative Feedback | Cognitive Bias Re-training" each over "Enh | Min" in a factorial trial: each column one
        # level of one factor, an arm of the table's own (whole_sample.py)
        for col, (name, role) in factor_level_columns(
                {c.col: tuple(_clean(p) for p in c.parts) for c in columns.values()}, taken, text,
                lambda t: _names_a_column(t) and is_arm_header(t),
                lambda t: bool(_P_HEADER.search(t)) or comparison_role(t) is not None).items():
            arm_columns[col] = _table_arm(name, local_arms, role)
            column_sizes[col] = None
            column_hints[col] = columns[col].hint
            parts = [_clean(p) for p in columns[col].parts]
            if len(parts) > 1 and name == parts[-1].rstrip("."):
                # "Helpfulness" over "Enh | Min | F | P", the rows naming the factors: what the levels' cells measure
                level_outcomes[col] = " ".join(parts[:-1])
    if not arm_columns:
        # "DF | PF" again under each visit, short names the text defines: the table's own arms (table_arms.py; after
        # the siblings, which name a crossover's conditions beside its control column by the words they stand for)
        for col, arm in repeated_arm_columns(own_headers, {c.col: c.timepoint or ("baseline" if c.baseline else "")
                                                           for c in columns.values()}, taken, text, local_arms).items():
            arm_columns[col] = arm
            column_sizes[col] = split_size(columns[col].header)[1]
            column_hints[col] = columns[col].hint
    if not arm_columns and not multi_columns:
        # "WM | BM | ∆BM-WM", "WM" over "T1 | T2 | ∆T2-T1": short names the document defines ("with meals (WM)"),
        # proved groups by the column of their difference (grid_layouts.compared_code_columns): the table's own arms
        # (the difference column may hold its p-values only: "∆BM-WM" over "p = 0.001", "NS")
        coded_columns, differences = compared_code_columns(
            {c.col: _clean(c.parts[0]) if c.parts else c.header for c in columns.values()},
            lambda t: bool(defined_name(t, text)))
        coded_columns = {col: code for col, code in coded_columns.items() if col not in taken}
        said = f"{table.get('caption') or ''}\n{_footnotes(text, table)}"
        for col, code in coded_columns.items():
            words = defined_name(code, said) or defined_name(code, text)      # (the table's own definition first)
            arm_columns[col] = local_arms.setdefault(code.lower(), Arm(
                arm_id="", name=f"{words} ({code})", canonical=f"{words} ({code})".lower(), n=None,
                role="control" if control_canonical(words) else "experimental", start=0, end=0, source="table",
                aliases={code.lower(), words.lower()}))
            column_sizes[col] = split_size(columns[col].header)[1]
            column_hints[col] = columns[col].hint
        for col in differences if coded_columns else ():
            if col not in taken:
                effect_columns.setdefault(col, ("DIFF", columns[col].header))
    for arm, stats in statistic_groups:
        # the group's mean (else median) column stays the arm's column for a row that prints something else there
        # ("Sex (M/F) | 16/4 |" under "Mean | SD")
        center = stats.get("mean", stats.get("median"))
        arm_columns[center] = arm
        column_sizes[center] = split_size(columns[center].header)[1] or arm.n
        column_hints[center] = ""
    for col in sorted(arm_columns):
        if arm_columns.get(col - 1) is arm_columns[col] and _p_values_only(col, cells, heads):
            # an arm header spanning one column more than the arm's figures, its last column the p-values
            del arm_columns[col]
            p_columns.append(col)
    for col in arm_columns:
        if arm_columns.get(col - 1) is arm_columns[col] and column_hints.get(col - 1) == "count" and \
                re.fullmatch(r"\s*[(\[]\s*%\s*[)\]]\s*", column_format(columns[col].header)[1]):
            column_hints[col] = "pct"       # "n | (%)" under one arm: the share of the count on its left
    # "n | Mean ± SD" under one arm: the n column gives each row's number of patients measured, no count of events
    size_column_of: dict[int, int] = {}
    for col in sorted(arm_columns):
        parts = columns[col].parts if col in columns else ()
        if not parts or statistic_name(_clean(parts[-1])) != "n":
            continue
        measured = [c for c in arm_columns if c != col and arm_columns[c] is arm_columns[col]
                    and (column_hints.get(c) or "").startswith(("mean", "median"))]
        if not measured and analysed_column([_clean(c.get("text")) for c in cells
                                             if int(c["col"]) == col and int(c["row"]) not in heads]):
            # "n | Events" under one arm, the n cells "21/22": each row's analysed of the randomised, the figures of
            # the arm's other column counted of them (denominators.py)
            measured = [c for c in arm_columns if c != col and arm_columns[c] is arm_columns[col]]
        if len(measured) == 1:
            size_column_of[measured[0]] = col
    for col in set(size_column_of.values()):
        del arm_columns[col]
    # "Control Group" over "Pre | Post | Diff" then "Effect Size | 95% C.I. | p value", the experimental group's block
    # the same: each group's own effect size, no comparison of the groups (table_effects.within_group_effects)
    own_effects = within_group_effects(_header_paths_and_rows(table, heads)[0], sorted(effect_columns),
                                       set(p_columns) | set(ci_columns) | set(se_columns) | set(bound_columns),
                                       lambda t: _header_when(t)[0] is not None)
    if own_effects:
        ci_columns = [c for c in ci_columns if max((e for e in effect_columns if e < c), default=-1) not in own_effects]
        for col in own_effects:
            del effect_columns[col]
    # "Adjusted hazard ratio | 95% confidence interval": an interval printed in its own column, right of its effect
    interval_of = {max((e for e in effect_columns if e < c), default=-1): c for c in ci_columns}
    bounds_of = _bounds_of(effect_columns, bound_columns, columns)
    se_of = {max((e for e in effect_columns if e < c), default=-1): c for c in se_columns}
    scan_cells = [c for c in cells if int(c["row"]) not in heads]
    by_row: dict[int, dict[int, dict]] = {}
    for c in scan_cells:
        by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    _drop_repeated_headings(by_row)
    # "Before | After" under each of two arms beside a "Treatment difference", every cell a bare number: the arms'
    # means when the difference is a difference of them (grid_layouts.compared_bare_figures)
    arm_order = list(dict.fromkeys(id(a) for _, a in sorted(arm_columns.items())))
    means_compared = len(arm_order) == 2 and len(effect_columns) == 1 and compared_bare_figures([
        ([[_clean(row[c]["text"]) if row.get(c) else "" for c in sorted(arm_columns) if id(arm_columns[c]) == key]
          for key in arm_order],
         _clean(row[e]["text"]) if row.get(e) else "",
         _clean(row[se_of[e]]["text"]) if e in se_of and row.get(se_of[e]) else "")
        for row in by_row.values() for e in effect_columns])
    # "Characteristics of the study groups (each group n = 75)": the size the caption gives every arm is the table's
    # own, over the sizes the study model took from elsewhere (those assessed later: "Group A, n = 68")
    caption_each = each_arm_size(str(table.get("caption") or ""))
    caption_sized = {c for c in arm_columns if caption_each and c in columns and split_size(columns[c].header)[1] is None}
    column_sizes.update({c: caption_each for c in caption_sized})
    _merge_count_share_columns(by_row, arm_columns, column_sizes, column_hints, columns,
                               set(effect_columns) | set(p_columns) | set(whole_columns) | set(ci_columns))
    for col in [c for c in arm_columns if column_sizes.get(c) is None]:
        # "Sex (M/F) | 20/10 | 18/12" in a table whose arms no header or study model sizes: each arm's patients, 30
        sized = {size_from_sex_pair(_clean(row[0]["text"]), _clean(row[col]["text"])) for row in by_row.values()
                 if row.get(0) and row.get(col)} - {None}
        if not sized:
            # "Male | 20 | 18" and "Female | 10 | 12": the two sexes' rows together
            sized = {size_from_sex_rows([(_clean(row[0]["text"]), _clean(row[col]["text"])) for row in by_row.values()
                                         if row.get(0) and row.get(col)])} - {None}
        if len(sized) == 1:
            column_sizes[col] = sized.pop()
            adopt_size(arm_columns[col], column_sizes[col])     # (table_sizes.py: the later tables count from it)
    unsized = [c for c in sorted(arm_columns) if column_sizes.get(c) is None]
    if unsized and len(unsized) == len(arm_columns):
        # "<13 | 9 | 9", "13-33 | 25 | 21" closed by "Total | 34 | 30": each column's size, the row no figure of its own
        ordered_rows = sorted(by_row)
        total_row, totals = sizes_from_total_row(
            [(_clean(by_row[r][0]["text"]) if by_row[r].get(0) else "",
              {c: _clean(by_row[r][c]["text"]) for c in unsized if by_row[r].get(c)}) for r in ordered_rows], unsized)
        if totals:
            column_sizes.update(totals)
            del by_row[ordered_rows[total_row]]
            unsized = []
        # "Pain, by category:" over "No pain | 14 | 0", "Mild pain | 22 | 5" ... adding up to the text's "Eighty
        # consenting males": each arm's sum is its size (table_sizes.py)
        for col, size in sizes_from_category_blocks(
                [(_clean(row[0]["text"]) if row.get(0) else "", {c: _clean(row[c]["text"]) for c in unsized if row.get(c)})
                 for _, row in sorted(by_row.items())], unsized, text).items():
            column_sizes[col] = size
            adopt_size(arm_columns[col], size)
    model_sized = {c: column_sizes[c] for c in arm_columns if column_sizes.get(c) and c in columns
                   and split_size(columns[c].header)[1] is None and c not in caption_sized}
    if model_sized and len(model_sized) == len(arm_columns):
        # "Male | 30 | 28" and "Female | 26 | 27" under arms the study model sized 60: the 56 and 55 analysed, each
        # characteristic's categories adding up to them (table_sizes.py)
        column_sizes.update(analysed_sizes_from_category_blocks(
            [(_clean(row[0]["text"]) if row.get(0) else "", {c: _clean(row[c]["text"]) for c in model_sized if row.get(c)})
             for _, row in sorted(by_row.items())], model_sized))
    for col in [c for c in sorted(arm_columns) if column_sizes.get(c) is None]:
        # "88.2% | 5.9% | 11.8%" under an arm of the "17 children" the text names: shares of 17 (table_sizes.py)
        column_sizes[col] = size_from_shares([_clean(row[col]["text"]) for row in by_row.values() if row.get(col)], text)
        adopt_size(arm_columns[col], column_sizes[col])
    if arm_columns and not multi_columns and block_arm is None and study is not None \
            and len({id(a) for a in arm_columns.values() if any(a is b for b in study.arms)}) < 2 \
            and not any(_names_arm(columns[c].header, a) for c, a in arm_columns.items()
                        if c in columns and any(a is b for b in study.arms)) \
            and len(set(map(id, _arm_rows(by_row, study, {}, text=text).values()))) >= 2:
        # columns taken for arms by a word of their headers ("Size of PCCC" for the arm "X assisted PCCC") or made the
        # table's own, no header naming its arm first, where the row labels name two of the study's arms or more
        # ("Group 1 | Group 2", codes a caption defines): the rows are the arms
        arm_columns.clear()
    caption = str(table.get("caption") or "")
    if not arm_columns and not multi_columns and not statistic_groups and block_arm is None and study is not None \
            and len(study.arms) == 1 and not effect_columns and not whole_columns and one_arm_design(text):
        timed = [c for c in columns.values() if c.col and not _P_HEADER.search(c.header)]
        if len(timed) >= 2 and all(not c.header and (c.timepoint or c.baseline) for c in timed):
            # "| Outcome | Baseline | Week 4 | Week 8 |" of a trial of one arm: every figure that arm's, at its column's time
            return read_table(doc_id, text, table, study, source_file=source_file, condition=condition, coded=coded,
                              printed_counts=printed_counts, block_arm=study.arms[0])
    stub_arm = _stub_header_arm(cells, heads, study) if not arm_columns and not multi_columns and not statistic_groups \
        and block_arm is None and not effect_columns and not whole_columns else None
    if stub_arm is not None:
        timed = [c for c in columns.values() if c.col and c.col not in p_columns and not _P_HEADER.search(c.header)]
        if len(timed) >= 2 and all(not c.header and (c.timepoint or c.baseline) for c in timed):
            # "MPS, N = 30 | Baseline | Day 90 | Significance" (a block of its own, `header_blocks`): the stub's heading
            # names the arm whose figures the times' columns hold
            return read_table(doc_id, text, table, study, source_file=source_file, condition=condition, coded=coded,
                              printed_counts=printed_counts, block_arm=stub_arm)
    if not arm_columns and not multi_columns and not statistic_groups and block_arm is None:
        arm_headings = _arm_heading_rows(by_row, study, local_arms)
        if len(set(map(id, arm_headings.values()))) >= 2:
            # "| Drug X | | |" over its rows, then "| Placebo | | |" over the same rows: each arm's block under the table's
            # headers, its columns the arm's statistics ("N | Mean | SD", "Mean ± SD | Median (IQR)")
            starts = sorted(arm_headings) + [max(by_row) + 1]
            found = [read_table(doc_id, text, dict(table, cells=[c for c in cells if int(c["row"]) in heads or
                                                                 lo < int(c["row"]) < hi], header_rows=sorted(heads)),
                                study, source_file=source_file, condition=condition, coded=coded,
                                printed_counts=printed_counts, block_arm=arm_headings[lo])
                     for lo, hi in zip(starts, starts[1:])]
            return None if all(f is None for f in found) else [row for f in found if f for row in f]
        arm_rows = _arm_rows(by_row, study, local_arms, text=text)
        row_outcomes: dict[int, str] = {}
        if study is not None and len(set(map(id, arm_rows.values()))) == len(study.arms) - 1:
            # "BIS group" over "Non-BIS group" under each moment's section row: the one arm not yet placed
            arm_rows.update(arm_rows_by_elimination(
                {r: _clean(row[0]["text"]) if row.get(0) else "" for r, row in by_row.items()},
                {r: {k: _clean(c["text"]) for k, c in row.items()} for r, row in by_row.items()}, arm_rows, study.arms))
        if len(set(map(id, arm_rows.values()))) < 2:
            # "Group A | 47 ± 9.6 | ...", or "A | 18 | 0.25 (0.08)" under an "n" column: rows labelled by group codes;
            # "Group-A FBS | 104.4±13.1 | 93.4±11.9" under times: the code and the outcome in one label
            arm_rows, row_outcomes = _coded_rows(by_row, columns, coded, local_arms, study, text)
        if not row_outcomes:
            # "Velmorant | 29 | 5 (17.2)" beside the rows of the arms the study model knows: a treatment the document
            # gives, its own arm
            labels = {r: _clean(row[0]["text"]) for r, row in by_row.items() if row.get(0) and _clean(row[0]["text"])}
            figures = {r: sum(1 for k, c in row.items() if k and re.search(r"\d", _clean(c["text"]))) for r, row in by_row.items()}
            arm_rows.update(sibling_arm_rows(labels, arm_rows, study, text,
                                             (int(table.get("start", 0)), int(table.get("end", 0))), figures, local_arms))
        if len(set(map(id, arm_rows.values()))) >= 2:
            # "| | 24 h | 2.5 ± 0.9 |" under "| Drug X | 6 h | 3.1 ± 1.0 |": the arm's label printed once for its rows
            arm_rows.update(continued_arm_rows(
                {r: _clean(row[0]["text"]) if row.get(0) else "" for r, row in by_row.items()},
                {r: _clean(row[1]["text"]) for r, row in by_row.items() if row.get(1)},
                {r: sum(1 for k, c in row.items() if k > 1 and re.search(r"\d", _clean(c["text"]))) for r, row in by_row.items()},
                arm_rows, lambda v: 1 in columns and statistic_name(_clean(columns[1].header)) is None
                and unit_time(v, columns[1].header) is not None))
            # "| RMD | 53.4 ± 30.1 | 69.9 ± 27.4 |" then "| (Δ) | | (16.6 ± 32.9) |": the arm's change under its row
            change_rows = change_rows_under_arms(
                {r: _clean(row[0]["text"]) if row.get(0) else "" for r, row in by_row.items()},
                {r: sum(1 for k, c in row.items() if k and re.search(r"\d", _clean(c["text"]))) for r, row in by_row.items()},
                arm_rows)
            arm_rows.update(change_rows)
            measures = {r: _clean(by_row[r][1]["text"]) for r in arm_rows if by_row[r].get(1) and _clean(by_row[r][1]["text"])}
            if not row_outcomes and 1 in columns and _text_column(by_row, 1) and \
                    statistic_name(_clean(columns[1].header)) is None and len(set(measures.values())) >= 2 and \
                    not any(_when(v) for v in measures.values()) and not any(stub_word(v) for v in measures.values()) and \
                    all(c.timepoint or c.baseline for k, c in columns.items() if k > 1 and not _P_HEADER.search(c.header or "")):
                # "Placebo (n = 10) | MPOD | 0.527 ± 0.213 | ..." then "| Disability Glare | 88.42 ± 58.77 | ..." under
                # "Group | Measure | Baseline | 6 months": the second column names each arm row's measure, the columns when
                row_outcomes = measures
            # "MG relapses: AZA | 4/15 | 2/13" below the arms' rows: the outcome, then after a colon the arm
            for r, row in by_row.items():
                what, colon, who = (_clean(row[0]["text"]) if row.get(0) else "").rpartition(":")
                if r in arm_rows or not colon or not what.strip() or not who.strip() or _VERSUS.search(who) \
                        or names_arms_difference(who.strip()):
                    continue
                named = _arm_rows({r: {**row, 0: dict(row[0], text=who.strip())}}, study, local_arms, text=text)
                if r in named:
                    arm_rows[r], row_outcomes[r] = named[r], what.strip()
            return _read_transposed(doc_id, text, table, by_row, arm_rows, columns, caption, source_file, condition,
                                    row_outcomes, set(change_rows))
        second = _arm_rows(by_row, study, local_arms, col=1)
        if len(set(map(id, second.values()))) < 2:
            # "SBP | I | 150.4 ± 17.6" and "| II | 152.9 ± 20.6" with "I: Control; II: Rhubarb" under the table
            second = footnote_coded_rows(
                {r: _clean(row[1]["text"]) for r, row in by_row.items()
                 if row.get(1) and any(k > 1 and re.search(r"\d", _clean(c["text"])) for k, c in row.items())},
                _footnotes(text, table), study)
        if len(set(map(id, second.values()))) < 2 and 1 in columns:
            # "Awareness | case | 53.1 ± 21.6" and "| control | ..." under "Desired variable | Group": the column
            # headed as the groups names them, an arm the study model does not know being the table's own
            listed = arm_column_rows(columns[1].header, {
                r: _clean(row[1]["text"]) for r, row in by_row.items() if row.get(1) and any(
                    k > 1 and re.search(r"\d", _clean(c["text"])) and parse_p_cell(scan_view(_clean(c["text"]))) is None
                    for k, c in row.items())})
            second = {r: study.resolve_column(name) or _table_arm(name, local_arms) for r, name in listed.items()
                      if not names_arms_difference(name)}
        if len(set(map(id, second.values()))) >= 2 and not any(_clean(by_row[r][0]["text"]) and
                                                               _arm_rows({r: by_row[r]}, study, {}) for r in second
                                                               if by_row[r].get(0)):
            # "| FBS (mg/dl) | Drug | 144.2±43.6 | ..." under "| | | On arrival | Week 2 |": rows of outcome x arm (the
            # outcome printed once per block), each cell read on its paths with the arms this column names; a "Δ"
            # row under the arms' rows is their difference (table_effects.names_arms_difference)
            compared = {_clean(row[1]["text"]) for r, row in by_row.items()
                        if r not in second and row.get(1) and names_arms_difference(_clean(row[1]["text"]))}
            return read_by_paths(doc_id, text, table, study, source_file=source_file, condition=condition,
                                 named={_clean(by_row[r][1]["text"]): arm for r, arm in second.items()},
                                 compared=compared)
        if effect_columns:
            return _read_comparison_rows(doc_id, text, table, by_row, effect_columns, p_columns, study, caption,
                                         source_file, condition, spreads=(interval_of, bounds_of, se_of))
        return _read_group_blocks(doc_id, text, table, by_row, columns, study, local_arms, caption, source_file,
                                  condition) or \
            _read_whole_column(doc_id, text, table, by_row, columns, caption, source_file, condition, study) or None
    label_header = columns[0].header if 0 in columns else ""
    last_outcome = ""       # the outcome of the last row of figures (what an effect row under it compares)
    last_outcome_when = ""  # ... and when it was measured
    last_outcome_from = 0   # ... and where the rows read from it start in `out`
    named_effect = ""       # the measure the last effect row's label named ("OR (97.5 % CI)")
    effect_cells: tuple = ()    # ... and the texts of its cells (a row restating them reads nothing new)
    # a first column headed "Population" or "Subgroup": rows are patient groups, the outcome is the caption's
    by_subgroup = bool(_SUBGROUP_COLUMN.match(label_header))
    caption_outcome = _CAPTION_NUMBER.sub("", caption).strip(" .:;")
    caption_timepoint = _caption_timepoint(caption)
    # the format a caption or a footnote under the grid names ("Data are mean (standard deviation)")
    # (and "Adverse event (n)" over the row labels)
    table_hint = table_hint_of(table, text, columns)
    declared = table_formats_of(table, text, columns)      # ... and every format declared, a mixed list's too
    # "means (SD) or number (percentage)" with the count rows saying "n (%)": the other rows' format
    unmarked_format = unmarked_row_format(declared, [_clean(row[0]["text"]) for row in by_row.values() if row.get(0)])
    # "† Median (range)": the rows marked "†" (a markup cell's marks are kept apart from its text: "a Mean (SE)")
    row_notes = marked_declarations(_footnotes(text, table), _carried_marks(table))
    # "AUC and Cmax summarized using geometric means (95% CI)" under the grid (or in the statistics paragraph): the
    # rows of the quantities a declaration names
    named_notes = named_declarations(f"{caption}\n{_footnotes(text, table)}")
    # (the statistics paragraph's only where the table's own words declare nothing: no caption, footnote or column
    # header naming a format, which speak for this table)
    document_named = document_named_declarations(text) if not table_hint and not any(
        column_hints.get(col) for col in arm_columns) else ()
    for col in arm_columns:
        # "Drug A (n = 50)^a" over its cells, "a Median (IQR)" under the grid: the mark on a header declares for every
        # cell under it, where no header level names a spread
        marked = marked_format("", row_notes, _carried_marks(table, col=col, header=True))
        if marked and column_hints.get(col, "") in ("", "mean", "median"):
            column_hints[col] = marked
    whole_share_columns = {col for col in arm_columns if column_hints.get(col, "") in ("", "mean", "mean_sd")
                           and whole_share_column([_clean(row[col]["text"]) for row in by_row.values() if row.get(col)],
                                                  column_sizes.get(col))}
    for col in whole_share_columns:
        # "868 (100)", "946 (100)" down an arm's column: counts whose share is of a row's total, each of the arm's
        # patients (denominators.py), never a total of its own however the tables print the count
        column_hints[col] = "n_pct"
    # (a caption of events declaring percentages, "Percentage of side effects reported", counts no bare figure)
    counts_table = table_hint == "count" or bool(_EVENTS_CAPTION.search(caption)) and table_hint != "pct"
    baseline_table = _baseline_caption(caption)
    model_adjusted = bool(_MODEL_ADJUSTED.search(without_p_adjustment(caption))
                          or _MODEL_ADJUSTED.search(without_p_adjustment(_footnotes(text, table))))
    means_adjusted = means_adjusted_by_note(f"{caption}\n{_footnotes(text, table)}")
    geometric_said = bool(_GEOMETRIC.search(caption) or _GEOMETRIC.search(_footnotes(text, table)))
    # a mean ± SD and the median printed together ("Values are mean ± SD, median (IQR)"; the statistics paragraph's
    # "the mean, standard deviation and median"): a cell "7.3 ± 2.0 (7)" holds both (arm_cells.mean_and_median_cell)
    mean_and_median_said = declares_mean_and_median(f"{caption}\n{_footnotes(text, table)}") or \
        document_declares_mean_and_median(text)
    means_said = _MEANS_SAID.search(_footnotes(text, table))
    # "Vital signs in the three groups (Means)": bare numbers are means when the caption names no other statistic
    statistic_said = caption_statistic(caption) or caption_statistic(_footnotes(text, table))
    change_table = bool(_CHANGE_TABLE.search(caption) or _CHANGE_TABLE.search(label_header))
    column_strata = {**_column_strata(columns, {c: a for c, a in arm_columns.items() if c not in categories_of}, study),
                     **coded_strata}
    data_columns = set(arm_columns) | set(effect_columns) | set(whole_columns) | set(multi_columns) | grouped_columns | \
        set(size_column_of.values())
    # a second column of row labels: outcomes beside a first column of timepoints, or timepoints beside outcomes
    # (or a label header spanning both columns, "Characteristic | Characteristic": categories beside what they divide)
    # (or the column whose header cell says the row above the arm columns names the groups: "Moment | Treatment")
    # (a second column of codes the text defines as times: "UBS | T0", "| T1" with "after induction (T0)")
    second_codes = _times_the_text_names(text, [_clean(row[1]["text"]) for row in by_row.values() if row.get(1)])
    # (a cell's mark is cleaned off its label, so the footnote's codes are read from the printed cells: "0*")
    second_codes.update(_numbers_a_footnote_times([str(row[1]["text"] or "").strip() for row in by_row.values()
                                                   if row.get(1)], _footnotes(text, table)))
    second_label = 1 not in data_columns and 1 not in p_columns and 1 not in ci_columns \
        and _text_column(by_row, 1, second_codes) \
        and (_labels_with_time(by_row, second_codes) or bool(label_header) and 1 in columns and columns[1].header == label_header
             or group_label_column == 1 or _group_labels_beside(by_row)
             or statistic_stub_column([_clean(row[1]["text"]) for row in by_row.values() if row.get(1)]))
    # "Measure | Condition | Time | Control | ..." with "Before" / "After" under "Time": a stub column of its own
    # saying when each row was measured (timepoints.time_stub_column)
    first_figures = min(data_columns, default=0)
    time_column = time_stub_column(
        {c: (columns[c].header if c in columns else "", [_clean(row[c]["text"]) for row in by_row.values() if row.get(c)])
         for c in range(1 + (1 if second_label else 0), first_figures)
         if c not in p_columns and c not in ci_columns}, _when)
    whole_size = _whole_size(by_row, whole_columns, arm_columns, column_sizes)
    inferred_sizes: dict[int, int] = {}     # columns sized only by their own percentages (two or all of them agreeing)
    # whether the arms' means are printed with their spread ("31.1 ± 14.6"): a figure printed alone beside them is none
    means_with_spread = any(prints_plus_minus_spread(_clean(row[c]["text"])) for row in by_row.values()
                            for c in arm_columns if row.get(c))
    # the rows whose label declares a count with its share ("Patients with pruritus (%)", "Male sex, n (%)")
    count_rows = {r: row for r, row in by_row.items()
                  if row.get(0) and label_format(_clean(row[0]["text"])) in ("n_pct", "count")}
    for column in arm_columns:
        if column_hints.get(column) == "n_pct" and shares_column([_clean(row[column]["text"]) for row in by_row.values()
                                                                  if row.get(column)]):
            # "Alfentanil (%)" over "74 | 20 | 6": the arm's shares, no counts (table_sizes.py; sizes come later)
            column_hints[column] = "pct"
    for column in arm_columns:
        if not column_sizes.get(column):
            column_sizes[column] = _size_from_percentages(by_row, column, column_hints[column] or table_hint)
            if column_sizes[column] and _size_from_percentages(by_row, column, column_hints[column] or table_hint,
                                                               unanimous=True):
                inferred_sizes[column] = column_sizes[column]
            if not column_sizes[column] and count_rows:
                # "Patients with nausea (%) | 3 (10) | 14 (47)" in a table "in Mean (SD) unless otherwise specified":
                # the rows whose label declares counts give the arm's size their shares agree on
                counted_size = _size_from_percentages(count_rows, column, "n_pct", unanimous=True)
                if not counted_size:
                    # "% Women | 55.1 (185)": the share the label declares printed first, with its decimals, and its
                    # count in the bracket (never "12 (40)", whose first figure may be the count)
                    counted_size = _size_from_percentages(
                        {r: row for r, row in count_rows.items()
                         if row.get(column) and _DECIMAL_SHARE_FIRST.fullmatch(_clean(row[column]["text"]))},
                        column, "pct_n", unanimous=True)
                if counted_size:
                    column_sizes[column] = inferred_sizes[column] = counted_size
            texts = [_clean(row[column]["text"]) for row in by_row.values() if row.get(column)]
            if not column_sizes[column]:
                # "Alfentanil (%)" over "74.2 | 19.4 | 6.5": a column of shares only, of the number every share is a
                # count of (table_sizes.py)
                column_sizes[column] = size_from_shares(texts)
    listed_event_columns: set[int] = set()     # columns whose shares are of the events they list, not of patients
    for column in arm_columns:
        # a size the study model gives (no header prints one) that every share of the column contradicts, all of them
        # of one smaller size ("18 (36)", "25 (50)", "30 (60)" in an arm the model sized 100, the whole trial): the
        # shares' size (shares of a larger number are of all patients, and keep the arm's size)
        if column_sizes.get(column) and column in columns and split_size(columns[column].header)[1] is None and \
                column not in inferred_sizes and column not in caption_sized:
            implied = _size_from_percentages(by_row, column, "n_pct", unanimous=True)
            cells = [_clean(row[column]["text"]) for row in by_row.values() if row.get(column)]
            # (never a size the column's own counts exceed: the two shares of a subgroup's block, "72 (37.5)" and
            # "120 (62.5)" of 192, beside counts of 540)
            # (nor the number of events an adverse events table's shares are of, "1 (20%)" of the 5 events the
            # column lists in an arm of 72: the counts stay of the arm's patients; table_sizes.py)
            listed_events = bool(_EVENTS_CAPTION.search(caption)) and \
                shares_of_listed_events(_count_share_pairs(by_row, column), column_sizes[column])
            if listed_events:
                listed_event_columns.add(column)
            model_size = column_sizes[column]
            if implied and not counts_above(cells, implied) and not listed_events and (
                    implied < model_size or counts_above(cells, model_size)
                    or model_size < implied < 2 * model_size and implied != whole_size):
                # (also a larger one where the column counts more patients than the model's size: "230 (59.1)" in an
                # arm the text seemed to size 2 is no count of that arm; denominators.py; or where every share is of
                # a few more than the model's size, "14 (63.64)", "8 (36.36)" of 22 in an arm the text sized 21 after
                # its losses: the table's patients, fewer than two arms' whole)
                column_sizes[column] = inferred_sizes[column] = implied
            elif not implied:
                # whole-number shares, none proving a size alone ("7 (18)", "3 (8)", "27 (68)" under an arm the
                # model sized 35 from the paired samples): the one size all of them are of (40, the intent-to-treat
                # population), when the model's size is not (table_sizes.size_every_share_fits)
                pairs = _count_share_pairs(by_row, column)
                agreed = size_every_share_fits(pairs)
                if agreed and agreed != column_sizes[column] and not all(
                        share_agrees(k, column_sizes[column], pct) for k, pct in pairs):
                    column_sizes[column] = inferred_sizes[column] = agreed
    for column in arm_columns:
        if not column_sizes.get(column):
            # an arm without a size whose every share agrees with the size of another arm of the table ("3 (6)" and
            # "17 (34)" beside an arm of 50): that size (the shares prove it; one cell alone may fit two sizes)
            fits = {size for c, size in column_sizes.items() if c != column and size and c in arm_columns
                    and arm_columns[c] is not arm_columns[column]
                    and (_shares_fit(by_row, column, size, column_hints.get(column) or table_hint_of(table, text, columns))
                         or _shares_fit(count_rows, column, size, "n_pct"))}
            if len(fits) == 1:
                column_sizes[column] = inferred_sizes[column] = fits.pop()
    header_sizes = {c: column_sizes.get(c) for c in arm_columns if c not in inferred_sizes}
    implied_sizes = {c: _size_from_percentages(by_row, c, "n_pct", unanimous=True) for c, n in header_sizes.items() if n}
    for column, implied in implied_sizes.items():
        # "AM (n = 102) | PM (n = 107)" over cells whose every share is of the other size ("54 (50.5)": 54 of 107, and
        # "46 (45.1)": 46 of 102): the headers' sizes printed the wrong way round; the cells decide
        swapped = [c for c, n in header_sizes.items() if c != column and implied and n == implied
                   and arm_columns[c] is not arm_columns[column] and implied_sizes.get(c) == header_sizes[column]]
        if implied and implied != header_sizes[column] and swapped:
            column_sizes[column] = implied
    # a characteristics table that counts patients elsewhere ("Male, n (%)"): its rows of bare whole numbers within
    # each arm ("Hypertension | 11 | 7 | 4") count patients too
    shares_counted = any(label_format(_clean(row[0]["text"])) == "n_pct" for row in by_row.values() if row.get(0))
    # "Drug A (%)" over bare numbers, one larger than the arm: its shares (table_sizes.py; a column of bare shares only
    # is a "pct" column already)
    share_columns = {c for c in arm_columns if column_hints.get(c) == "n_pct" and c in columns
                     and percent_unit_only(columns[c].header)
                     and shares_column([_clean(row[c]["text"]) for row in by_row.values() if row.get(c)], column_sizes.get(c))}
    counted = _counted_rows(by_row, arm_columns, column_sizes, data_columns,
                            bool(_PATIENTS_COUNTED.search(f"{caption} {label_header}")), categories_beside=second_label)
    counted |= _rows_counted_across(by_row, _category_groups(categories_of, columns), column_sizes)
    # "Exacerbation | 12 | 20 | 0.60 (0.33-1.09)" under "A | B | RR (95% CI)": the ratio of the bare numbers is the one
    # printed beside them, so they count patients (table_counts.py)
    plain = {r: {k: _clean(c["text"]) for k, c in row.items()} for r, row in by_row.items()}
    counted |= counts_told_by_ratios(plain, arm_columns, column_sizes, {c: m for c, (m, _) in effect_columns.items()})
    counted |= counts_told_by_effect_rows(plain, arm_columns, column_sizes, _effect_rows(plain))     # ("RR | 0.60" under)
    # row labels that are bare numbers ("0", "5", "15"): times when a header names their unit (see unit_time)
    numbered_rows = {r for r, row in by_row.items() if row.get(0) and _TIME_NUMBER.fullmatch(_clean(row[0]["text"]))}
    figure_arms_of: dict[int, tuple[Arm, Arm] | None] = {}     # an effect column's arms from its figure columns
    printed_arms_of: dict[int, tuple[Arm, Arm] | None] = {}    # ... in the order its arithmetic prints them
    out: list[dict] = []
    # section rows each heading the same measures again: parts of the population, no measures (subgroups.py)
    block_sections = repeated_block_sections(table, lambda t: study is not None and study.resolve_column(t) is not None)
    section, section_baseline, section_hint, stratum = "", False, "", ""
    section_unit = False      # the section's format is only a "(%)", perhaps the unit of a measured quantity
    heading = 0
    phase = ""      # the phase a heading row names ("before treatment", "after treatment") for the rows under it
    phase_before = False      # ... and whether it is before the intervention (the rows are baseline figures)
    categories: dict[tuple, list[tuple[int, dict]]] = {}
    shares_by_column: dict[int, list[tuple[int, dict]]] = {}    # every count printed with its share, by column
    row_bounds = _row_bounds(by_row)
    ordered = sorted(by_row)
    coded_times = _times_the_text_names(text, [_clean(by_row[r][0]["text"]) for r in ordered if by_row[r].get(0)])
    continued: set[int] = set()
    table_sizes: dict[int, int | None] = {}     # the table's arm sizes while a group's own sizes hold
    group_sizes = ""        # "flat" / "nested": a group heading's own size row is in force (see _heading_row)
    category_head = ""      # the characteristic whose categories the second label column lists, row by row
    under_heading = False   # the rows since a heading row, none with a first label of its own
    heading_sizes: dict[int, int] = {}      # the arms' sizes a heading row declares for its rows (denominators.py)
    sizes_shown = False     # ... not declared but shown: the number its categories' counts and shares add up to
    # (rows printing counts with their shares: a row of zeros there counts no patient, share_cells.py)
    counting_table = counts_patients([[_clean(row[c]["text"]) for c in arm_columns if row.get(c)] for row in by_row.values()])
    arm_count = len({id(a) for a in arm_columns.values()})
    missing_notes = declared_missing(_footnotes(text, table))
    section_marks = ""      # the footnote marks the markup carries on the section's heading cell
    for i, r in enumerate(ordered):
        if r in continued:
            continue
        row = by_row[r]
        label_cell = row.get(0)
        label = _clean(label_cell["text"]) if label_cell else ""
        row_when, row_before = "", False
        second = ""
        if label:
            under_heading = False
        elif under_heading and not second_label and row.get(1) is not None and 1 not in data_columns \
                and 1 not in p_columns and 1 not in ci_columns and not parse_number(_clean(row[1]["text"]) or "-"):
            # "Gender (%)" over "| Male | 5 (50) | 6 (40)": a category's label in the second column, the first empty,
            # under a heading row (under a row of figures it would be a subgroup of that row's outcome)
            label = _clean(row[1]["text"])
        if second_label:
            # "Oxygen index | Before ventilation", "3rd month | Weight (kg)": one label says what, the other when
            second = _clean(row[1]["text"]) if row.get(1) else ""
            if not label and category_head and second:
                # "Diagnosis, n (%) | Acute asthma" then "| Acute COPD": the characteristic spans its categories' rows
                # (and its times: "Weight | Visit 1" then "| Visit 4")
                label = category_head
            # (a label spanning both columns, "Quality of embryo (n, %)" twice, heads the sub-rows under it too)
            category_head = label if label and second and not _when(label) else ""
            what_label = label      # (what the row is of, before its second label joins it)
            label, said = _two_labels(label, second, second_codes)
            row_when, row_before = said or ("", False)
            if label and second and is_test_word(second) and not any(
                    figure_with_spread(_clean(row[c]["text"])) for c in arm_columns if row.get(c)):
                continue        # "Glucose | p | 0.09 | 0.30" under its "Before" / "After" rows: a test, no arm's figure
            sub_rows = list(takewhile(lambda k: not (by_row[k].get(0) and _clean(by_row[k][0]["text"]))
                                      and by_row[k].get(1) is not None and bool(_clean(by_row[k][1]["text"])), ordered[i + 1:]))
            if what_label and sub_rows and counts_its_sub_rows(
                    {c: _clean(cell["text"]) for c, cell in row.items()},
                    [{c: _clean(cell["text"]) for c, cell in by_row[k].items()} for k in sub_rows], sorted(arm_columns)):
                continue        # "Quality of embryo (n, %) | 68 | 58" over "| A | 44 (62.85)", ...: the categories' total
        if time_column is not None and not row_when and row.get(time_column) and _clean(row[time_column]["text"]):
            row_when, row_before = _when(_clean(row[time_column]["text"]))
            row_when = row_when or "baseline"
        # "Employment status (n = 177 + 190)", "Readmitted (n = 170/180)": the n of each arm the row (or the heading's
        # rows) counts from, no part of the outcome's name (denominators.py)
        own_sizes = sizes_by_column(declared_sizes(label, arm_count), arm_columns)
        label = without_declared_sizes(label, arm_count)
        values = {col: _clean(c["text"]) for col, c in row.items() if col != 0 and not (second_label and col == 1)}
        formats = {col: values[col] for col in arm_columns if values.get(col)}
        if not label and formats and all(_FORMAT_ONLY.fullmatch(v) for v in formats.values()):
            # "| | Number | Percent | Number | Percent |" under the arms' names printed again in the body: the format
            # of each column from here on
            column_hints.update({col: column_header_format(v) or column_hints[col] for col, v in formats.items()})
            continue
        # (table_rows.py: a "No" row beside a "Yes" row is an answer; "Total" as the first row gives the sizes)
        role = row_role(label, *(_clean(by_row[k][0]["text"]) if k is not None and by_row[k].get(0) else ""
                                 for k in (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)),
                        first=not i)
        # (an arm printed over two columns, "n | (%)", states its size in the first and leaves the second empty)
        sizes = {} if role == "answer" else _size_row("n" if role == "sizes" else label,
                                                     {col: values.get(col, "") for col in arm_columns
                                                      if values.get(col) or arm_columns.get(col - 1) is not arm_columns[col]})
        if sizes and category_of_people(label, sizes, {c: split_size(columns[c].header)[1] for c in sizes if c in columns}):
            sizes = {}      # "Women | 16 | 13" under "n = 19 | n = 18": the women among them (table_sizes.py)
        if sizes:
            # "| | n = 29 | n = 32 |", "| (No.) | 46 | 46 |" under the arm names: each column's N
            under_heading = bool(i) and _heading_row(by_row[ordered[i - 1]], data_columns)
            if under_heading and any(column_sizes.values()):
                # "| Blood loss after treatment | | |" over "| | (n = 27) | (n = 32) |": the sizes of that group
                # only; the table's sizes hold again from the next group on
                table_sizes = table_sizes or dict(column_sizes)
                nested = i + 1 < len(ordered) and _heading_row(by_row[ordered[i + 1]], data_columns)
                group_sizes = "nested" if nested else "flat"
            elif not under_heading:
                for col, size in sizes.items():
                    if arm_columns[col].n is None:
                        # "| (No.) | 46 | 46 |" in Table 1 is the arm's size where nothing else gives it: the later
                        # tables' columns "Group M (%)" count from it too
                        arm_columns[col].n = size
            column_sizes.update(sizes)
            for col, words in values.items():
                # "| | n = 29 | n = 32 | RR [95% CI] or p-value |": the row also heads the effect column
                measure = next((m for m, pat in _EFFECT_HEADERS if pat.search(words)), "") \
                    if col not in arm_columns and col not in effect_columns and not _SIZE_CELL.fullmatch(words) else ""
                if measure:
                    effect_columns[col] = (measure, words)
                    data_columns.add(col)
            continue
        if label and not any(values.get(col) for col in data_columns) and not _P_HEADER.fullmatch(second or label) \
                and not (any(values.values()) and effect_label(second or label)):
            # (a "p-value" or "Relative risk" row whose values sit outside the arm columns heads nothing)
            heading += 1
            under_heading = True
            # (else the number its categories add up to, their shares of it: denominators.block_sizes)
            heading_sizes = own_sizes or block_sizes(
                [{c: _clean(by_row[k][c]["text"]) for c in arm_columns if by_row[k].get(c) and _clean(by_row[k][c]["text"])}
                 for k in _rows_under_heading(by_row, ordered, i, data_columns)], column_sizes)
            sizes_shown = not own_sizes
            if group_sizes:
                after = by_row[ordered[i + 1]] if i + 1 < len(ordered) else None
                # a flat group ends at the next heading; a group with its own sub-headings at the next heading
                # that itself heads sub-headings (or sizes)
                if group_sizes == "flat" or after is None or _heading_row(after, data_columns) or \
                        _size_row("", {c: _clean(after[c]["text"]) if after.get(c) else "" for c in arm_columns}):
                    column_sizes.update(table_sizes)
                    table_sizes, group_sizes = {}, ""
            # a heading row (its p-value may sit in its own column): "Lymph-node metastasis, n (%)" over "n0", "n+";
            # a patient group ("Men", "Age >= 65 years", "Per-protocol population") is the stratum of the rows under it
            name = _FORMAT.sub("", label.rstrip(":").strip()).strip(" ,;:-") or label.rstrip(":").strip()
            # (in a baseline table "Patients with prior therapy" heads its categories, "Yes" / "No": no stratum)
            phase_named = _PHASE_HEADING.fullmatch(name)
            if phase_named is not None:
                # "Before treatment" / "After treatment" over the same categories: when, not what
                phase, phase_before = name.lower(), bool(phase_named.group("before"))
                if re.fullmatch(r"(?:at\s+)?baseline", phase):
                    phase = ""
                continue
            phase, phase_before = "", False
            heading_when = _when(name)
            if heading_when is not None and heading_when[0] and (not _CATEGORY_OF_TIME.search(name) or phase_window(name)):
                # "Day 2" over "Creatinine | ...", "Cystatin C | ...", then "Day 4" over the same rows: when the rows under
                # it were measured (a heading naming a quantity, "Peak increase", starts a section again); "Week 0",
                # "Preoperative" over rows: measured before the intervention
                phase, phase_before = heading_when
                section, section_baseline, section_hint = "", False, ""
                continue
            if r in block_sections:
                stratum = block_sections[r]
                section, section_baseline, section_hint = "", False, ""
            elif (_STRATUM_SECTION.fullmatch(name) or _stratum_heading(name, by_row, ordered, i, list(arm_columns))) \
                    and not (baseline_table and _PATIENTS_WITH.match(name)):
                stratum = "" if _WHOLE_POPULATION.match(name) else name
                section, section_baseline, section_hint = "", False, ""
            else:
                section, section_baseline, section_hint = name, bool(_BASELINE.search(name)), label_format(label)
                section_marks = "".join(label_cell.get("marks") or ()) if label_cell else ""
                section_unit = percent_unit_only(label)
            continue
        if not label:
            continue
        if _TEST_ROW.fullmatch(label) and not effect_columns \
                and not any(figure_with_spread(_clean(row[c]["text"])) for c in arm_columns if row.get(c)):
            # "P-Value | 0.001 | 0.619", "Cohen's d | 0.49 | 0.05", "t | 2.1 | 1.3" under the arms: a test of each arm
            # (or of the comparison), no arm's figure; a statistic prints no spread ("T | 23.9 (21.0, 28.1)": a
            # variable named by one letter, cells.figure_with_spread)
            continue
        nxt = by_row.get(ordered[i + 1]) if i + 1 < len(ordered) else None
        follow = _clean(nxt[0]["text"]) if nxt is not None and nxt.get(0) else ""
        if follow[:1].islower() and not any(_clean(nxt[c]["text"]) for c in data_columns if c in nxt) \
                and not _stratum_heading(follow, by_row, ordered, i + 1, list(arm_columns)):
            # ("eGFR < 45 ml/min" under a row opens the next stratum's block: no label's end)
            # a label broken over two lines ("Time from liver operation to" / "randomisation (days), median (min, max)")
            label = f"{label} {follow}"
            continued.add(ordered[i + 1])
        start, end = _row_span(text, table, row_bounds, r)
        evidence = text[start:end]
        # (else the format of the footnote its mark points to: "Length of stay†" under "† Median (range)")
        own_format = label_format(label) or marked_format(str(label_cell["text"]) if label_cell else "", row_notes,
                                                          label_cell.get("marks") or () if label_cell else ()) \
            or named_format(label, named_notes) or named_format(label, document_named)
        if not own_format and not second_label and row.get(1) is not None and 1 not in data_columns \
                and 1 not in p_columns and 1 not in ci_columns:
            # "Age (yrs) | Median (range) | 7.1 (4.1, 11.3)": a stub column beside the labels (not read as a second
            # label) saying how each row is printed
            own_format = format_words_only(_clean(row[1]["text"]))
        if section and section_hint and own_format and own_format != section_hint and label_cell is not None \
                and _clean(label_cell["text"]):
            # "Diagnosis (%)" over its categories, then "Age (±SD) | 46 (9)": a characteristic printed another way is
            # no category of the heading; the heading's rows have ended
            section, section_baseline, section_hint, section_unit = "", False, "", False
        hint = refined_format(own_format, section_hint)     # ("Mean change" under a heading "..., mean (SE)")
        if not hint and unmarked_format and MEASURED_QUANTITY.search(label):
            # "Age | 54 (11) | 55 (11)" beside "Female n (%) | 324 (62)" under "means (SD) or number (%)": the table
            # marks its counts, so a measured quantity's row is a mean with its SD however its brackets fall
            hint = unmarked_format
        unit_only = percent_unit_only(label) if own_format else section_unit
        # "N | 30 | 28" over "Mean | 41.2 | 41.5" over "SD | 3.1 | 3.4" over "Median" ...: an arm's statistics printed as
        # rows, read as one MEAN and one MEDIAN per arm column (the transposed form of statistics as columns)
        stacked = _statistic_run(by_row, ordered, i, list(arm_columns), 1 if second_label else 0)
        if stacked and second_label:
            # "Age | Mean | 35.1 | 36.2" over "| SD | 5.0 | 6.1": the statistics in the second label column, the quantity
            # in the first
            label = what_label or label
        if stacked:
            continued.update(rr for _, rr in stacked[1:])
            end = _row_span(text, table, row_bounds, stacked[-1][1])[1]
            evidence = text[start:end]
        if not stacked and nxt is not None and (not follow or follow == label) and \
                _spreads_below(row, nxt, list(arm_columns)):
            # "Hgb | 110.5 | 117" over "Hgb | (104-119) | (110-129)" (or an empty label): each value's spread printed
            # on the row below, read as one cell "110.5 (104-119)" with the row's (or the table's) format
            row = {c: (dict(cell, text=f"{_clean(cell['text'])} {_clean(nxt[c]['text'])}") if c in arm_columns and
                       nxt.get(c) is not None and _clean(nxt[c]["text"]) else cell) for c, cell in row.items()}
            continued.add(ordered[i + 1])
            end = _row_span(text, table, row_bounds, ordered[i + 1])[1]
            evidence = text[start:end]
        if hint == "median_range" and means_said and not re.search(r"\bmedian\b", label, re.I) \
                and not _excepted(label, means_said.group("except") or ""):
            hint = "mean_range"     # "Age, years (range)" under "All values are presented ... as means"
        if not hint or hint in ("mean", "median"):
            hint = rate_format(label) or hint     # "Acute exacerbations per patient-year | 1.48 | 1.83"
        pair = _SEX_PAIR.search(label)
        category_pair = _CATEGORY_PAIR.search(label) if pair is None else None
        pair_words = (category_pair.group("first") or category_pair.group("first2"),
                      category_pair.group("second") or category_pair.group("second2")) if category_pair else ("", "")
        unit_pair = (_UNIT_WORD.fullmatch(pair_words[0]) or _UNIT_WORD.fullmatch(pair_words[1])) and \
            not (_PAIR_WORDS.fullmatch(pair_words[0]) and _PAIR_WORDS.fullmatch(pair_words[1]))
        if category_pair is not None and (unit_pair or
                                          re.fullmatch(r"(?:n|no)/(?:n|total)", "/".join(pair_words), re.I)):
            category_pair = None       # "Dose (mg/kg)": a unit; ", n/N": a count's format; not two categories
        if pair is not None:
            hint = "sex_pair"      # "Sex (M/F) | 3/10": 3 men and 10 women, not 3 of 10
        elif category_pair is not None:
            # "Relapse (yes/no) | 12/18", "Injured side (left/right) | 39 (59 %)/27 (41 %)": the first category's count
            # of the two; words outside the usual pairs need the arm's size or the shares to agree
            hint = "pair" if _PAIR_WORDS.fullmatch(pair_words[0]) and \
                _PAIR_WORDS.fullmatch(pair_words[1]) else "pair_words"
        subgroup = stratum
        if by_subgroup and caption_outcome:
            # ("Age" over "< 65 years", "Diabetes" over "Yes": the category of the heading's characteristic)
            subgroup = "" if _WHOLE_POPULATION.match(label) else category_subgroup(section, label)
            label = caption_outcome
        outcome, timepoint = _outcome_and_timepoint(label)
        if timepoint and section and _SPAN_MEASURED.search(section):
            outcome, timepoint = label, ""      # "Visits 1-2" under "Interval (days)": what the interval spans
        if pair is not None:
            outcome = f"{_sex_word(pair.group('first'))} sex"
        elif category_pair is not None:
            named = re.sub(r"\s+", " ", (label[:category_pair.start()] + label[category_pair.end():])).strip(" ,;:-")
            outcome = _outcome_and_timepoint(named)[0] if named else outcome
            if not _YES_WORD.fullmatch(pair_words[0]):
                outcome = f"{outcome}: {pair_words[0].lower()}"
        # (under "Interval (days)" or "Time between visits", "Visits 1-2" is what the interval spans, not when)
        label_when = _when(_LABEL_MARKS.sub("", label)) if section and not second_label \
            and not _SPAN_MEASURED.search(section) else None
        if label_when is not None:
            # "GHbA1c (%)" heading rows "Baseline", "3 months", "6 months": the heading says what, each row when
            row_when, row_before = label_when[0] or "baseline", label_when[1]
            outcome, timepoint = section, row_when
        stat_only = bool(section) and (bool(_STATISTIC_ROW.fullmatch(label)) or bool(stacked))     # "Median" under "Age"
        time_only = _TIME_ROW.fullmatch(label) if not timepoint and not (section and _SPAN_MEASURED.search(section)) \
            else None      # ("Week 12" rows keep their reading; "Visits 1-2" under "Interval (days)" is what it spans)
        if time_only is not None and not stat_only:
            # "1 h post surgery" under "VAS Scores": when; the label column's header (else the caption) says what
            timepoint = re.sub(r"\s+", " ", re.sub(r"(?<=\d)(?=[a-z])", " ", time_only.group("t").lower()))
            outcome = section or (_outcome_and_timepoint(label_header)[0] if label_header else "") or caption_outcome \
                or outcome
            stat_only = True        # the outcome is the heading's (or header's) own: no "section: label" join
        elif stacked and not section and not second_label:
            # statistics as rows under no heading: of the label column header's quantity, else the caption's
            outcome = ("" if not label_header or _QUANTITY_FREE_HEADER.fullmatch(label_header)
                       else _outcome_and_timepoint(label_header)[0]) or caption_outcome or outcome
            stat_only = time_only = True
        elif label_when is None and not stat_only and not timepoint and not section and not second_label \
                and not by_subgroup:
            said_when = _when(_LABEL_MARKS.sub("", label)) or coded_times.get(label)
            if said_when is not None and (said_when[0] or said_when[1]):
                # "Before treatment | ..." then "First week | ...", "Day 10 | ...": rows that only say when, of the
                # quantity the label column's header names (unless it only says "Date", "Time", "Variable"), else the
                # caption's
                row_when, row_before = said_when[0] or "baseline", said_when[1]
                named = "" if not label_header or _QUANTITY_FREE_HEADER.fullmatch(label_header) \
                    else _outcome_and_timepoint(label_header)[0]
                stem = _STEM_NUMBER.fullmatch(label) if label in coded_times and \
                    not re.fullmatch(r"[A-Z]\d{1,2}", label) else None
                outcome = (stem.group("stem") if stem is not None else "") or named or caption_outcome or outcome
                stat_only = True
                time_only = True
        if not timepoint and not row_when and not stacked and not second_label and len(numbered_rows) >= 2 \
                and r in numbered_rows:
            # "Time (minute)" over rows "Baseline", "5", "15"; "Post-operative, h, mean ± SD" over "0", "1", "2": bare
            # numbers counting the unit the label column's header (or the heading row) names are times
            unit_when = unit_time(label, section or label_header)
            if unit_when is not None:
                timepoint, (row_when, row_before) = unit_when[0], unit_when
                outcome = caption_outcome or outcome
                stat_only = True
                time_only = True
        if row_when and section and _SPAN_MEASURED.search(section) and not row_before:
            row_when = ""       # "Interval (days)" over "| Visits 1-2 |": what the interval spans, not when
        timepoint = timepoint or row_when or phase or (_caption_timepoint(section, heading=True) if section else "") or caption_timepoint
        if timepoint and _ZERO_TIME.fullmatch(timepoint) and not phase:
            row_when, row_before = row_when or timepoint, True      # "Week 0", "Day 0": before the intervention
        rate = _annual_rate(outcome)
        if rate:
            # "ARR on treatment, mean (SD)": each arm's annualized rate, as the sentence reader reports it
            outcome, timepoint = rate[0], timepoint or rate[1]
        if stat_only and time_only is None:
            # ("Haemoglobin on day 2" over "mean ± sd": the heading's own time is the row's)
            outcome, heading_time = _outcome_and_timepoint(section)
            timepoint = timepoint or heading_time
        elif stat_only:
            pass        # a row saying only when: its outcome was set above
        elif section and not section_baseline and label_when is None and not kind_of_variables(section) \
                and not (by_subgroup and caption_outcome):      # (a subgroup's heading is no part of the outcome)
            # ("Continuous variables, mean ± SD" over its rows declares their format: no part of their names)
            outcome = f"{section}: {outcome}"
        # a relapse rate before treatment, even in Table 1, is the "before" of a before-after comparison
        # (a table of characteristics may also print what happened in hospital: "Duration of hospitalization")
        baseline = ((baseline_table and not _course_of_care(label)) or section_baseline or phase_before or
                    row_before or _demographic(outcome)) \
            and not rate and not (phase and not phase_before) and not (row_when and not row_before)
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome,
                       timepoint=timepoint, evidence=evidence, start=start, end=end, subgroup=subgroup,
                       role="baseline" if baseline else ("subgroup" if subgroup else ""))
        effect_named = effect_label(second or label)      # ("1st visit | Odds ratio (95% CI)": the second names it)
        against = None
        if not effect_named and out[last_outcome_from:]:
            # "Difference vs. control | 0.3 (-0.1-0.6) | -0.1 (-0.4-0.3) | |" under an outcome's row: each arm's
            # difference against the arm the label names (table_effects.difference_against), of the figures above it
            against = _arm_against(difference_against(second or label), arm_columns, study)
            effect_named = (_effect_measure("DIFF", [o["measure"] for o in out[last_outcome_from:]], "", label)
                            or "MD") if against is not None else ""
        if not effect_named and named_effect and out[last_outcome_from:] and \
                adjustment_column([second or label], lambda _t: False) and _reference_cell_among(row, arm_columns):
            # "Unadjusted | REF | 1.51 (0.88-2.57) | 2.01 (1.20-3.36)" under an outcome's counts, the table having
            # named its measure in an earlier effect row ("OR (97.5 % CI) | REF | ..."): that measure, adjusted as the
            # label says, each arm against the reference column
            effect_named = named_effect
        cells_now = tuple(_clean(row[c]["text"]) for c in sorted(arm_columns) if row.get(c) is not None)
        if effect_named and named_effect and cells_now == effect_cells:
            continue        # ("OR (97.5 % CI)" then "Unadjusted" printing the same ratios: one estimate, once)
        effects = _effect_label_rows(dict(context, outcome=section or last_outcome or outcome,
                                                 timepoint=context["timepoint"] or last_outcome_when), effect_named, row,
                                     arm_columns, columns, start,
                                     adjusted=adjustment(second or label) == "yes", against=against) \
            if effect_named else []
        if effects:
            # "Relative risk | 0.95 | |", "Odds ratio (95% CI) | 0.52 (0.17-1.61) | |" under the arm columns: the
            # row compares the arms (of the outcome above it); its cells are effects, never an arm's own figures
            own = row.get(1) if second else row.get(0)
            raw_label = str(own["text"]) if own is not None else ""      # the label with its footnote marks
            _effect_rows_adjustment(effects, raw_label, _footnotes(text, table), out)
            out.extend(effects)
            named_effect, effect_cells = effect_named, cells_now
            continue
        last_outcome, last_outcome_when = outcome, timepoint
        last_outcome_from = len(out)       # (the rows read from it follow: what its figures are)
        kinds = []
        shares = []         # the arms' shares the row prints (fractions): what a ratio of the arms is computed from
        read_cells = []
        dropped_counts = []     # bare cells the count guard set aside: a count above its arm says the row holds none
        if not hint and (counts_table or r in counted or (baseline_table and (section or shares_counted))) \
                and _bare_counts_row(label, row, arm_columns, column_sizes) \
                and not any(column_hints.get(c) in ("count", "pct") for c in arm_columns):
            # (in a table of characteristics, the categories under a heading: "Site" over "Glottis | 2 | 4")
            hint = "count"      # "Wound infection | 9* | 2" under "Drug A (n = 80) | Placebo (n = 78)": counts of each arm
        # "Odds ratio (95% CI) | 0.63 (0.21-1.88) | ...": a row naming a comparison holds no arm's own data
        # ... where only an abbreviation names it, one of the arms' cells stays empty (a comparison fills one cell per
        # pair of arms) or the label names its interval: "HR (beats/min) | 72 ± 8 | 75 ± 9" is every arm's heart rate
        filled = sum(1 for c in arm_columns if row.get(c) is not None and _clean(row[c]["text"]))
        effect_row = bool(_EFFECT_ROW.search(label)) or bool(_EFFECT_ROW_ABBREVIATION.search(label)) and (
            filled < len(arm_columns) or bool(_INTERVAL_NAMED.search(label))) \
            or _names_no_arm_summary(label, row, arm_columns)   # "P-Value | 0.001 | 0.62", "Cohen's d | 0.49 | 0.05"
        bare_counts = []      # arm cells holding only a whole number that the row's format did not read
        spread_read: set[int] = set()     # cells read as the spread of the figure on their left
        for column in sorted(arm_columns) if stacked else ():
            stacked_cells = {k: by_row[rr][column] for k, (_, rr) in enumerate(stacked) if by_row[rr].get(column)}
            grouped = _read_statistic_group(stacked_cells, arm_columns[column],
                                            {stat: k for k, (stat, _) in enumerate(stacked)})
            read_cells.extend(grouped)
            spread_read.add(column)
        for arm, stats in statistic_groups:
            # "N | Mean | 95% CI | Std | Min | Med | Max" under one arm: one MEAN and one MEDIAN of the arm per row
            grouped = _read_statistic_group(row, arm, stats)
            read_cells.extend(grouped)
            if grouped:
                spread_read.add(stats.get("mean", stats.get("median")))
        # "Opiates**" under "** one missing observation in placebo group", "Crime (%)" over "Missing values: crime 1":
        # the arm's counts of the row are of fewer (denominators.declared_missing)
        # (a mark the markup carries apart from the label's text counts as printed after it: "Tumor grade" + "a")
        row_missing = missing_of_row(missing_notes, [
            (_clean(label_cell["text"]) + "".join(label_cell.get("marks") or ())) if label_cell else "",
            section + section_marks if section else ""]) if missing_notes else []
        for column in sorted(arm_columns):
            cell = row.get(column)
            if cell is None or not _clean(cell["text"]) or effect_row or column in spread_read:
                continue
            arm = arm_columns[column]
            if _spanned_twice(column, row, arm_columns, columns):
                # one markup cell spanning two columns of one arm (the grid repeats its text; "Drug (n = 30)" over
                # "Number | Percent" and a mean printed across both): read once; two cells that only print the same
                # value are two values
                continue
            words, own_n = own_size(BRACKET_NOTE.sub("", _clean(scan_view(cell["text"]))))
            declared_n = (own_sizes or heading_sizes).get(column)
            if own_n is None and applies_to(words, declared_n, own=bool(own_sizes)):
                own_n = declared_n      # the n its row or heading declares (denominators.py)
            else:
                declared_n = None
            own_hint = _cell_format(hint, unit_only, column_hints[column], table_hint, declared=declared, cell=words,
                                    label=label, n=own_n or column_sizes[column])
            marked = marked_format("", row_notes, cell.get("marks") or ())
            if marked and not own_hint.startswith(("rate", "pair", "sex_pair")):
                own_hint = marked       # "5.1 (0.3)^b" under "b Mean (SE)": the cell's own mark is its declaration
            measured_n = row.get(size_column_of[column]) if column in size_column_of else None
            if own_n is None and measured_n is not None and analysed_count(_clean(measured_n["text"])):
                own_n = analysed_count(_clean(measured_n["text"]))      # ("21", "21/22": denominators.py)
            beside = row.get(column + 1) if arm_columns.get(column + 1) is arm else None
            if beside is not None and _LONE_NUMBER.fullmatch(words) and _LONE_BRACKET.fullmatch(_clean(beside["text"])):
                # "3.5 | (2.0-7.3)", "12.1 | [8.4, 15.0]", "41 | (12)" under one arm: the figure and its spread printed in
                # two cells, read as one
                words = f"{words} {_clean(scan_view(beside['text']))}"
                spread_read.add(column + 1)
            if not hint and _UNIT_LABEL.search(label) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?\s*", words):
                continue        # "Blood pressure (mmHg) | 128/82", "Clearance (ml/min) | 64/70": two measurements
            stacked = mean_and_median_cell(words, own_n or column_sizes[column]) if (
                mean_and_median_said or declares_mean_and_median(f"{label}\n{section}\n{' '.join(columns[column].parts)}")) \
                else None
            if stacked is not None:
                # "86.82 ± 3.57 87.51 (2.18)", "7,3 ± 2,0 (7)" where the document declares the mean ± SD and the
                # median printed together: both figures of the arm, each at its own offset
                for offset, item in stacked:
                    read_cells.append((dict(cell, start=int(cell["start"]) + offset), arm, item))
                continue
            if not own_hint and not (own_n or column_sizes[column]) and MEASURED_QUANTITY.search(label) \
                    and _VALUE_AND_BRACKET.fullmatch(words) and "%" not in words:
                # "Karlsson score | 37 (27)" where nothing declares the statistic and the arm's size is unknown (so no
                # percentage can be checked): a quantity measured on a scale or in a unit has a mean and its SD
                own_hint = "mean_sd"
            if not hint and own_hint.startswith(("mean", "median")) and _COUNT_SHARE_CELL.fullmatch(words):
                # "42 (63 %)" in a table whose caption says "(mean with SD)": the percent sign makes it a count
                own_hint = ""
            if (not hint or hint == "n_pct" and unit_only) and own_hint in ("mean_sd", "n_pct") \
                    and own_hint != column_hints[column]:
                # (also where the label's only format is a "(%)" that the table's mean overruled: "Male sex (%) |
                # 20 (50)" of 40 under "Data are mean ± SD" is a count with its share)
                # a caption's or footnote's one statistic over a cell whose row says none: the cell and its row
                # overrule it when they agree ("Male sex | 35 (53)" of 66 under "(mean with SD)" is a count with its
                # share; "Age, years | 35 (15)" of 66 under "Data are n (%)" is a mean and SD)
                own_hint = _declared_or_shaped(words, label, own_hint, own_n or column_sizes[column])
            if not hint and own_hint.startswith(("mean", "median")) and re.fullmatch(r"\d{1,6}", words) \
                    and (_PATIENTS_LABEL.match(label)
                         or means_with_spread and _bare_counts_row(label, row, arm_columns, column_sizes)):
                # ("Bilateral knee pain | 12 | 10" of 15 each in a table printing its means "59.8 ± 9.1": a mean there
                # carries its spread, so a row of bare whole numbers within the arms counts the arms' patients)
                # "Patients on dialysis | 7 | 6" in a table of medians: patients counted, not a median; "Number of
                # patients | 18 | 22" (each arm's whole size) is no figure at all
                if int(words) == (own_n or column_sizes[column]):
                    continue
                own_hint = "count"
            if not hint and column in share_columns and _LONE_NUMBER.fullmatch(words):
                # "Drug A (%) | Drug B (%)" over "Grade 1 | 74 | 82": each cell a share of its arm, never a count
                # (its count derived from the arm's size, flagged), unless the label names a quantity in percent
                own_hint = percent_label_reading(label, section) or "pct"
            if unit_only and hint == "n_pct" and _LONE_NUMBER.fullmatch(words):
                # "Female (%) | 45.0" a share of the arm, "HbA1c (%) | 7.2" a mean (grammar.percent_label_reading), also
                # under a caption of means; a whole number there is a percentage too, never a count of the arm ("Stay
                # > 3 days, % | 25"); so is a bare figure whose label says neither in a table printing its means with
                # their spread ("Mothers working outside [%] | 93.6" below "Age | 31.1 ± 14.6": a mean there has its SD)
                own_hint = percent_label_reading(label, section) or (
                    "pct" if own_hint == "n_pct" and re.fullmatch(r"\s*\d+\s*", words) or means_with_spread
                    else own_hint)
            if per_patient_count(words, own_n or column_sizes[column]) and not hint:
                continue        # "Complications (total) | 31 (1.41)" of 22: events with their mean per patient
            if no_patients_cell(words, [values.get(c, "") for c in arm_columns], counting_table=counting_table,
                                label=label) and \
                    not hint.startswith(("mean", "median", "rate", "pair", "sex_pair")):
                # "Rash | 0 | 3 (2.0)", "Rash | none | 3 (2.0)": no patient of the arm (share_cells), never a median 0
                words, own_hint = words if re.search(r"\d", words) else "0", "n_pct"
            else:
                own_hint = share_cell_format(words, own_hint, label=label, heading=section, row_format=hint,
                                             declared=declared, n=own_n or column_sizes[column],
                                             row_cells=tuple(values.get(c, "") for c in arm_columns)) or own_hint
                if declared_n and not hint.startswith(_STATISTIC_HINTS):
                    # a count of the n its row or heading declares: "45 (25.4)" of 177 is no mean with its SD
                    own_hint = declared_count_format(words, own_n, label=label) or own_hint
            worded = share_and_category(words, label)
            if worded is not None:
                words, own_hint = worded[0], "pct"      # "79.2% female": the share, its category kept (share_cells.py)
            listed = listed_category_counts(label, words, own_n or column_sizes[column]) if pair is None else []
            for name, count, offset in listed:
                # "ASA 1/2/3 | 105/145/0": one count per category the label lists, of the arm (share_cells.py)
                item = dict(proportion_row(count, own_n or column_sizes[column], None, str(count)), category=name)
                read_cells.append((dict(cell, start=int(cell["start"]) + offset), arm, item))
            if listed:
                continue
            if not own_hint and whole_columns:
                # "Age | 57.8 | 57.9 | 57.8": the whole's figure within the arms' is their mean; "Smokers | 12 | 5 | 7":
                # the whole's count is the arms' counts together (whole_sample.py)
                own_hint = pooled_figures(values, list(arm_columns), list(whole_columns), label)
            parsed = parse_arm_cell(words, own_hint, own_n or column_sizes[column], guarded=False)
            if parsed is not None and worded is not None:
                parsed["category"] = worded[1]
            if own_hint == "sex_pair" and pair is not None:
                # "Sex (M/F) | 27/20" in an arm of 50: 27 of the 50 (denominators.py)
                parsed = sex_pair_count(words, parsed, own_n or column_sizes[column])
            over = parsed is not None and parsed["measure"] == "PROPORTION" and parsed.get("events") is not None \
                and bool(parsed.get("total")) and parsed["events"] > parsed["total"]
            if over and unit_only and own_hint == "n_pct":
                # "Adherence, % | 91 (21)" under n = 25: more than the arm's patients, so a mean in percent (SD)
                parsed = parse_arm_cell(words, "mean", own_n or column_sizes[column])
            elif parsed is not None:
                guarded = count_within_arm(parsed)
                # a count the row's format names that exceeds its arm is read no other way ("45 (52.0)" under n (%))
                if guarded is None and _BARE_COUNT.fullmatch(parsed.get("value_text") or ""):
                    dropped_counts.append(parsed)
                over, parsed = guarded is None, guarded
            if parsed is None and not over and own_hint != "median_sd" and own_hint and not own_hint.startswith("rate") and \
                    (not hint or unit_only or _VALUE_AND_BRACKET.fullmatch(words)) and \
                    not (own_hint.endswith("pair") and PAIR_CELL.fullmatch(words.strip("()[] "))):
                # ("Smoking (yes/no) | 12 (30%)": a pair label over a cell that is no pair; a pair that does not add up
                # stays unread)
                # a format the label, caption or column states that the cell's shape cannot have ("5 (22)" under
                # "median [IQR]", "35 (15)" beside "Age (range)" in a table "(mean with SD)"): the table's statement
                # when the label's was the one that failed, else the shape decides
                for fallback in dict.fromkeys(f for f in ((table_hint if hint else ""), "") if f != own_hint):
                    parsed = parse_arm_cell(words, fallback, own_n or column_sizes[column])
                    if parsed is not None:
                        break
            if parsed is None and change_table and not hint and _SIGNED_OR_DECIMAL.fullmatch(words):
                # "83.270 | -133.800" under the arms of a table of changes ("Changes of serum levels (or delta)"): each
                # arm's mean change, printed without its spread
                parsed = parse_arm_cell(words, "mean", own_n or column_sizes[column])
            if parsed is None and means_compared and _SIGNED_OR_DECIMAL.fullmatch(words):
                # "0.332 | 0.400" under "Placebo: Before | After" beside the arms' difference: the arm's mean
                parsed = parse_arm_cell(words, "mean", own_n or column_sizes[column])
            if parsed is None and not hint.startswith(("rate", "pair", "sex_pair")):
                # "Male -13 Female -5", "Male n = 15": the arm's counts of each category, packed in one cell
                for item in _packed_categories(words, own_n or column_sizes[column]):
                    read_cells.append((dict(cell, start=int(cell["start"]) + item["offset"]), arm, item))
            if parsed is not None and parsed.get("flags") == ["sd_from_ci"] and (
                    _GEOMETRIC.search(label) or _GEOMETRIC.search(" ".join(columns[column].parts)) or geometric_said):
                # a geometric mean's interval is symmetric on the log scale: no SD of the raw values follows from it
                parsed.update(sd=None, flags=[], needs_review="geometric mean: no SD derived from its interval")
            if own_n is None and column in inferred_sizes and column_sizes[column] == inferred_sizes[column] and parsed is not None \
                    and parsed.get("pct_text") and parsed.get("events") is not None \
                    and not share_agrees(parsed["events"], column_sizes[column], parsed["pct_text"]) \
                    and (parse_number(parsed["pct_text"]) or 0) * column_sizes[column] > 100 * parsed["events"] \
                    and not _completes_the_arm(parsed["events"], column_sizes[column], column,
                                               [by_row[k] for k in ordered[max(0, i - 1):i + 2] if k != r]):
                # a size the column's percentages imply is no evidence for a cell whose percentage disagrees by being
                # of fewer patients (a share of more patients than the arm has is a misprint: the count stays over N)
                parsed = parse_arm_cell(_clean(scan_view(cell["text"])), own_hint, None)
            if parsed is not None and row_missing and own_n is None:
                of_arm = [(named, k) for named, k in row_missing if not named or _names_the_arm(named, arm, study)]
                less_missing(parsed, column_sizes[column], of_arm, named=any(named for named, _ in of_arm))
            if parsed is not None:
                _check_denominator(parsed, own_n or column_sizes[column], whole_size,
                                   [n for c, n in column_sizes.items() if c != column and n],
                                   printed_counts if column not in whole_share_columns | listed_event_columns
                                   else frozenset())
                if cell.get("total_of_share") and parsed.get("total"):
                    # ("n | %" whose denominators differ by row: the total is the one the printed share is of)
                    parsed["flags"] = list(parsed.get("flags", [])) + ["total_from_percentage"]
                elif declared_n and sizes_shown and not own_sizes and parsed.get("total") == declared_n \
                        and declared_n != column_sizes[column]:
                    parsed["flags"] = list(parsed.get("flags", [])) + ["total_from_percentage"]
                    parsed["needs_review"] = f"printed percentages are of {declared_n} (the categories' sum)" + (
                        f", not of the arm's {column_sizes[column]}" if column_sizes[column] else "")
                read_cells.append((cell, arm, parsed))
                change = percent_change_of_mean(words, "\n".join(
                    [label, section, *columns[column].parts, _column_words_above(by_row, ordered, i, column)])) \
                    if parsed["measure"] == "MEAN" else None
                if change is not None and not (change[0] == 0 and context["role"] == "baseline"):
                    # "0.69 (49.4%) (N = 193)" under "Mean Score (% Improvement from Baseline) (N)": the arm's mean
                    # change from baseline in percent is a figure of its own (a baseline's "(0%)" is none)
                    item = dict(mean_row(change[0], words, parsed.get("total")), category="% change from baseline")
                    read_cells.append((dict(cell, start=int(cell["start"]) + max(change[1], 0)), arm, item))
            elif re.fullmatch(r"\d{1,6}", words) and not hint.startswith(("rate", "mean", "median")):
                bare_counts.append((column, cell, arm, int(words), own_n or column_sizes[column]))
        if bare_counts and any(p["measure"] == "PROPORTION" and p.get("events") is not None and p.get("pct_text")
                               for _, _, p in read_cells):
            # "Bachelor | 2 (5.71%) | 0": a bare whole number beside another arm's count with its share is a count
            for column, cell, arm, count, n in bare_counts:
                if n and count <= n:
                    read_cells.append((cell, arm, proportion_row(count, n, None, _clean(scan_view(cell["text"])))))
            read_cells.sort(key=lambda item: int(item[0]["col"]))
        if not hint and not table_hint:
            read_cells = _counts_like_the_row(read_cells, column_sizes, whole_size, printed_counts)
        read_cells = _without_impossible_counts(read_cells, [values.get(c, "") for c in arm_columns], dropped_counts,
                                                {c for c in arm_columns if column_hints.get(c) == "pct"})
        whole_of_label = _whole_count_in_label(label, label_cell, read_cells, arm_columns, column_sizes) \
            if label_cell is not None and not whole_columns else None
        if whole_of_label is not None:
            # "Nausea 41 (19.6%) | 19 (17.8) | 22 (21.6)": the whole trial's count printed in the row label
            bare_label, whole_cell, whole_parsed = whole_of_label
            context["outcome"] = context["outcome"].replace(label, bare_label)
            read_cells.append((whole_cell, _ALL_PATIENTS, whole_parsed))
        if baseline or (baseline_table and not rate) or whole_before:
            # the whole population's figures of a baseline table ("All patients" column), its rows of what happened
            # in hospital too; an outcome table's total column pools the arms and is not read (its "Baseline" column
            # before treatment is)
            for column in sorted(whole_columns if baseline or (baseline_table and not rate) else whole_before):
                cell = row.get(column)
                if cell is None or not _clean(cell["text"]):
                    continue
                parsed = parse_arm_cell(_clean(scan_view(cell["text"])), _cell_format(hint, unit_only, "", table_hint),
                                        whole_size)
                if parsed is not None:
                    read_cells.append((cell, _ALL_PATIENTS, parsed))
        for column in sorted(multi_columns):
            cell = row.get(column)
            arms, when, before = multi_columns[column]
            own_hint = _cell_format(hint, unit_only, column_hints[column], table_hint or statistic_said)
            for part, arm in zip(_arm_parts(cell, len(arms)) if cell is not None else [], arms):
                parsed = parse_arm_cell(_clean(part["text"]), own_hint, arm.n)
                if parsed is not None:
                    read_cells.append((dict(part, when=(when, before)), arm, parsed))
        for cell, arm, parsed in _merged_counts(read_cells):
            kinds.append(parsed["measure"])
            if parsed["measure"] == "PROPORTION" and parsed.get("value") is not None:
                shares.append(float(parsed["value"]))
            spanned = columns.get(int(cell["col"]))       # None for a figure the row's label cell printed
            when, before = cell.get("when") or ((spanned.timepoint, spanned.baseline) if spanned else ("", False))
            # (a column saying a time after the intervention, "Post" in a table of characteristics: no baseline)
            own = dict(context, timepoint=when or context["timepoint"],
                       role="baseline" if before and not rate else context["role"])
            if own["role"] == "baseline" and not before and is_later_measurement(when):
                own["role"] = "effect"      # "Pre | Post" under each arm of a characteristics table: after is no baseline
            if int(cell["col"]) in categories_of:
                own["outcome"] = f"{context['outcome']} {categories_of[int(cell['col'])][1]}"
            if int(cell["col"]) in crossed:
                # a cross-table's categories under "Week 96 VL" over the rows' strata at an earlier visit: the time of
                # the counted outcome is the column's
                when = next((first_timepoint(p) for p in columns[int(cell["col"])].parts[1:-1] if first_timepoint(p)), "")
                own["timepoint"] = when or own["timepoint"]
            if parsed.get("category"):
                own["outcome"] = f"{context['outcome']}: {parsed['category']}"
            column_stratum = column_strata.get(int(cell["col"]), "")
            if int(cell["col"]) in level_outcomes:
                own["outcome"] = level_outcomes[int(cell["col"])]
            elif column_stratum and measure_over_times(column_stratum, context["outcome"], own["timepoint"]):
                # "Pain score | Swelling (mm)" across the top, each over the arms, rows "Day 1 | Day 3": the measure
                own["outcome"] = arm_part(columns[int(cell["col"])].parts[:-1]) or column_stratum
            elif column_stratum:
                own.update(subgroup=column_stratum, role=own["role"] or "subgroup")
            arm_row = _arm_row(own, parsed, arm, int(cell["start"]) - start)
            if arm_row["measure"] == "MEAN" and arm_row["role"] != "baseline" and \
                    (means_adjusted or model_mean(label, *_header_texts(table, int(cell["col"])))):
                # "LS mean (SE)" over the column: a model's mean of the arm (a caption's "Means at three months are
                # estimated marginal means" is no header's: the labels keep such means unadjusted)
                arm_row["adjusted"] = "yes"
            if parsed["measure"] == "PROPORTION" and parsed.get("events") is not None and parsed.get("pct_text"):
                if heading:
                    categories.setdefault((heading, int(cell["col"])), []).append((len(out), parsed))
                shares_by_column.setdefault(int(cell["col"]), []).append((len(out), parsed))
            if rate and arm_row["measure"] in ("MEAN", "MEDIAN"):
                arm_row.update(measure="ARR", unit="per patient-year", estimate_id=estimate_id(
                    doc_id, "ARR", parsed["value_text"], evidence, int(cell["start"]) - start))
            out.append(arm_row)
        p_value, p_text = _row_p(row, p_columns)
        for column in sorted(effect_columns):
            cell = row.get(column)
            if cell is None or not _clean(cell["text"]):
                continue
            measure, header = effect_columns[column]
            parsed = _effect_cell(_clean(scan_view(cell["text"])), measure, header, _declared_by_mark(cell, text, table),
                                  _interval_beside(row, column, (interval_of, bounds_of, se_of)))
            if parsed is None:
                continue
            _spread_columns(parsed, row, column, (interval_of, bounds_of, se_of))
            if parsed["ci_low"] is None and parsed["p_value"] is None and not parsed["measure"] and _P_HEADER.search(header):
                continue        # "1.0" under "RR [95% CI] or p-value": a bare number there may be either
            if not parsed["adjusted"] and (_ADJUSTED_ABBREVIATION.search(header) or model_means(header)):
                parsed["adjusted"] = "yes"      # "aOR (95% CI)", "Difference in LS Means": a model's estimate
            elif not parsed["adjusted"] and adjustment(header) != "unknown":
                # "Adjusted HR", "Multivariable OR" / "Crude OR", "Univariate OR": the header says (meaning's words)
                parsed["adjusted"] = adjustment(header)
            elif not parsed["adjusted"] and model_adjusted:
                # "Mean differences ... obtained with analyses of covariance": adjusted, except where nothing had
                # happened yet to adjust (the baseline row's difference is the raw one)
                parsed["adjusted"] = "no" if context["role"] == "baseline" else "yes"
            elif not parsed["adjusted"] and "PROPORTION" in kinds and measure in TWO_BY_TWO_MEASURES \
                    and not re.search(r"\badjust|\bmodel", header, re.I):
                parsed["adjusted"] = "no"      # a ratio of the counts printed beside it, in a column not said adjusted
            # "HR 0.38 (0.17-0.86)" in a column headed "Effect estimate (95% CI)": the cell names its measure
            measure = parsed["measure"] or _effect_measure(measure, kinds, hint, header, outcome) or (
                # "Estimate (SE)" beside the arms' plain figures: a model's difference of means
                "MD" if measure == "DIFF" and parsed.get("se") is not None and "PROPORTION" not in kinds else None) or (
                # "3.1 | 5.6 | -2.5" under "Difference": the arms' plain figures whose difference is printed
                "MD" if measure == "DIFF" and not kinds and difference_of_plain_figures(
                    parsed["value"], [leading_figure(_clean(row[c]["text"])) for c in arm_columns if row.get(c)],
                    f"{label} {header} {caption}") else None)
            raw_pair = differenced_columns(parsed["value"], {
                c: (arm_columns[c], _clean(columns[c].parts[-1]) if c in columns and columns[c].parts else "",
                    leading_figure(_clean(row[c]["text"]))) for c in arm_columns if row.get(c)}) \
                if measure == "SMD" and not parsed["measure"] and parsed["ci_low"] is None else None
            if raw_pair is not None:
                measure = "MD"      # "Effect Size" printing the arms' changes' difference: a raw difference (orientation)
            if measure == "SMD" and not parsed["measure"] and context["role"] == "baseline" and \
                    (row_before or section_baseline or phase_before):
                continue        # a standardized difference of a row measured before any treatment ("Baseline"): the
                # arms' balance, as a baseline table's standardized differences are (generic_effect_measure), no effect
            if measure is not None and not parsed["measure"]:
                # a column naming a ratio and a difference ("RR/MD"): each row its own
                measure = measure_of_the_row(measure, [m for m, pattern in _EFFECT_HEADERS if pattern.search(header)],
                                             kinds, hint, parsed["value"], parsed["ci_low"])
            if measure in DIFFERENCE_MEASURES and not parsed["measure"] and "PROPORTION" in kinds:
                # "Difference or ratio (95% CI)" over a row of counts: the arms' ratio, of the kind their shares compute
                measure = counted_ratio(header, parsed["value"], parsed["ci_low"], shares,
                                        parsed["value_text"]) or measure
            if measure is None:
                continue
            _percentage_points(measure, parsed, kinds, header)
            if parsed["p_value"] is None and parsed["p_text"] is None:
                # the p column right of the effect, before the next effect, is its own ("Beta | S.E. | p" after the
                # arms' "Mean | SD | p" of their changes within each arm); else the row's first p
                own_p = next((p for p in sorted(p_columns) if p > column and not any(column < e < p for e in effect_columns)),
                             None)
                found_p = _row_p(row, [own_p]) if own_p is not None else (None, None)
                parsed["p_value"], parsed["p_text"] = found_p if found_p != (None, None) else (p_value, p_text)
            intervention, comparator, review = _effect_arms(header, study, list(arm_columns.values()), local_arms)
            named_pair = columns_compared(header, {c: split_size(_clean(columns[c].parts[-1]))[0] for c in arm_columns
                                                   if c in columns and columns[c].parts})
            if named_pair is not None and arm_columns[named_pair[0]] is not arm_columns[named_pair[1]]:
                # "Basic | Enhanced" and "Enhanced vs. Basic" over the effect: the table's own names say the order
                (intervention, comparator), review = (arm_columns[named_pair[0]], arm_columns[named_pair[1]]), ""
            if raw_pair is not None:
                intervention, comparator = arm_columns[raw_pair[0]], arm_columns[raw_pair[1]]
            if intervention is None and column not in figure_arms_of:
                # "US aspiration | I&D | Mean difference" of one resolved arm column: the two figure columns' arms
                figure_arms_of[column] = _figure_column_arms(table, by_row, column, effect_columns, p_columns,
                                                             (interval_of, bounds_of, se_of), study, local_arms)
            if intervention is None and figure_arms_of.get(column):
                (intervention, comparator), review = figure_arms_of[column], ""
            elif measure in DIFFERENCE_MEASURES and named_pair is None and raw_pair is None and \
                    _compared_arms(header, study, local_arms) is None:
                # "Group S | Group D | Difference (95% CI)" printing 37.4 | 37.2 | 0.2: the arithmetic says which arm
                # is first, whatever the arms' roles say
                if column not in printed_arms_of:
                    printed_arms_of[column] = _printed_arms(column, by_row, arm_columns)
                if printed_arms_of[column] is not None:
                    (intervention, comparator), review = printed_arms_of[column], ""
            if column in against_of:
                # "Difference from placebo" under an arm's span: that arm against the named one (with no span, the
                # table's one other arm)
                arm, against = against_of[column]
                others = list({id(a): a for a in arm_columns.values() if a is not against}.values())
                arm = arm if arm is not None else (others[0] if len(others) == 1 else None)
                if arm is not None:
                    (intervention, comparator), review = (arm, against), ""
            if _two_measures(header):
                review = "; ".join(x for x in (review, f"the column names two measures: read as {measure}") if x)
            own = dict(context, timepoint=(columns[column].timepoint if column in columns else "") or context["timepoint"])
            out.append(_effect_row(own, measure, parsed, intervention, comparator, review,
                                   int(cell["start"]) - start))
    _categories_of_fewer(out, categories)
    _shares_of_block_sizes(out, categories, shares_by_column, column_sizes)
    return out


_BARE_COUNT = re.compile(r"\s*\d{1,6}\s*")
# a row's own format naming a statistic that no declared n turns into a count
_STATISTIC_HINTS = ("mean", "median", "rate", "pair", "sex_pair")
# a heading whose rows measure the time between two moments: "Interval (days)", "Time between visits", "Delay"
_SPAN_MEASURED = re.compile(r"(?i)\b(?:intervals?|time\s+(?:between|from)|gaps?|delays?)\b")
# a caption or label header saying the table's figures are changes: "Changes in serum levels (or delta)", "Δ"
_CHANGE_TABLE = re.compile(r"(?i)\b(?:changes?|deltas?|differences?\s+from\s+baseline)\b|\u0394")
# a bare number that is no count: signed or with decimals ("-133.800", "0.560", "+2")
_SIGNED_OR_DECIMAL = re.compile(r"\s*(?:[-+\u2212\u2013]\s*\d+(?:\.\d+)?|\d+\.\d+)\s*")
# a cell of one number, and a cell of only a bracket (a spread or an interval printed in the next column)
_LONE_NUMBER = re.compile(r"\s*[-\u2212\u2013]?\d+(?:[.,]\d+)?\s*")
_LONE_BRACKET = re.compile(r"\s*[(\[][^()\[\]]*\d[^()\[\]]*[)\]]\s*")
_NOT_A_COUNT = re.compile(r"\s*(?:[-\u2212\u2013]\s*\d+(?:\.\d+)?|\d+\.\d+)\s*")


# "26/511 ± 0/264": a mean ± SD whose decimal mark is a slash (a writer's or a converter's); "0/764" a p-value so printed
_SLASH_SPREAD = re.compile(r"\s*[-\u2212]?\d+/\d+\s*(?:\u00b1|\+/-)\s*\d+/\d+\s*")
_SLASH_DECIMAL = re.compile(r"(?<![\d/])(\d+)/(\d+)(?![\d/])")
_SLASH_FRACTION = re.compile(r"\s*[<>=\u2264\u2265]?\s*0/\d+\s*")


def with_slash_decimals(table: dict) -> dict:
    """The grid with a slash read as the decimal mark where the table itself says so: every "±" cell of the table
    prints its mean and SD with a slash ("26/511 ± 0/264" is 26.511 ± 0.264), at least two such cells. Then its ±
    cells and its cells of one "0/ddd" (a p-value, "0/764") are read with a point; a count "12/40" elsewhere in the
    table is left alone. The text keeps its length, so the cells' offsets still hold."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return table
    spread = [c for c in cells if re.search(r"\d\s*(?:\u00b1|\+/-)\s*\d", str(c.get("text") or ""))]
    slashed = [c for c in spread if _SLASH_SPREAD.fullmatch(_clean(c.get("text")))]
    if len(slashed) < 2 or len(slashed) < len(spread):
        return table
    out = []
    for c in cells:
        t = str(c.get("text") or "")
        if not c.get("header") and (c in slashed or _SLASH_FRACTION.fullmatch(_clean(t))):
            c = dict(c, text=_SLASH_DECIMAL.sub(r"\1.\2", t))
        out.append(c)
    return dict(table, cells=out)


def _without_impossible_counts(read_cells: list[tuple], arm_texts: list[str], dropped: list[dict] = (),
                               share_columns: set[int] = frozenset()) -> list[tuple]:
    """A row's bare numbers read as counts of each arm ("51 | 19 | -36" under "Variable, %" and arms of 37, 33, 31)
    are no counts when one of them exceeds its arm (or was `dropped` for that) or another arm's cell is a signed or
    decimal number: the row is of percentages or scores, and its bare numbers are dropped. A bare number read as a
    share in a column whose header declares shares (`share_columns`: "16" under "Intervention (n = 119)%" beside
    "23.9") is no count and stays."""
    bare = [x for x in read_cells if x[2]["measure"] == "PROPORTION" and _BARE_COUNT.fullmatch(x[2].get("value_text") or "")
            and not (int(x[0]["col"]) in share_columns and EVENTS_FROM_PERCENTAGE in (x[2].get("flags") or []))]
    if not bare:
        return read_cells
    too_many = bool(dropped) or \
        any(p.get("events") is not None and p.get("total") and p["events"] > p["total"] for _, _, p in bare)
    if too_many or any(_NOT_A_COUNT.fullmatch(t) for t in arm_texts if t):
        return [x for x in read_cells if all(x is not b for b in bare)]
    return read_cells


# a column that holds the test of a comparison: "ANOVA", "t-test", "χ2", "Mann-Whitney U", "Sig.", "P (2-tailed)"
_TEST_HEADER = re.compile(r"(?i)\s*(?:(?:(?:one|two)[- ]way\s+)?(?:r(?:m|epeated[- ]measures)[- ])?anova|t[- ]?tests?|"
                          r"(?:chi|\u03c7)[- ]?(?:squared?|2|\u00b2)|mann[- ]whitney(?:\s+u)?(?:[- ]test)?|wilcoxon(?:[- ]test)?|"
                          r"kruskal[- ]wallis|fisher(?:'s)?(?:\s+exact)?(?:[- ]test)?|sig(?:nificance|\.)?|"
                          r"(?:statistical\s+)?tests?|p(?:[- ]?values?)?\s*(?:[(\[][^)\]]*[)\]])?)\s*(?-i:[*\u2020\u2021\u00a7a-z])?\s*")


def _under_an_arm(column: "_Column", cells: list[dict], heads: set[int], study: Study | None,
                  local: dict[str, Arm]) -> Arm | str | None:
    """What a column holds when its headers together name no arm but one of them does ("Drug X" over "Baseline |
    Day 2-4 | Day 28-31 | ANOVA", the arm's name shared with another arm's longer name; "Start of treatment" over
    "Drug X"): "p" when another of its headers names a test or a p-value; else that arm, when no other header names
    another arm."""
    named = [a for a in (_column_arm(p, study, {}) for p in column.parts) if a is not None]
    if not named or any(a is not named[0] for a in named):
        return None
    if any(statistic_name(_clean(p)) not in (None, "n") for p in column.parts):
        # "Drug X" over "N | Mean | 95% CI | Std | Min | Med | Max": one statistic of the arm per column, no cell
        # holds an arm's figure with its spread
        return None
    if any(_TEST_HEADER.fullmatch(_clean(p)) for p in column.parts):
        return "p"
    # (the arm as the study model or the table keeps it: a local arm is made once)
    return next(a for a in (_column_arm(p, study, local) for p in column.parts) if a is not None)


def _words_row(row: dict[int, str]) -> bool:
    """Whether a row's cells after the label (two at least) are words (an arm, a statistic, a time, a size), no figure."""
    rest = [t for col, t in row.items() if col and t]
    return len(rest) >= 2 and all(re.search(r"[A-Za-z]", t) and
                                  not re.match(r"\s*[-\u2212+<>\u2264\u2265]?\s*\d(?!\d*\s*%\s*C)", t) and
                                  "\u00b1" not in t for t in rest)


def _header_like(row: dict[int, str], labels: set[str], head_texts: list[tuple]) -> bool:
    """Whether a body row prints headers again: its label cell repeats a header's label ("Parameter", "Variable") and
    its other cells are words, or the row repeats a header row cell for cell ("| | N | Mean | SD |")."""
    if not _words_row(row):
        return False
    return (bool(row.get(0)) and row.get(0, "") in labels) or _row_texts(row) in head_texts \
        or _headers_resized(_row_texts(row), head_texts)


# a size in a column header: "Group A (n = 24)", "Placebo, n=31"
_HEADER_N = re.compile(r"(?i)\s*(?:[(\[]\s*n\s*=\s*\d+\s*[)\]]|,\s*n\s*=\s*\d+)")


def _headers_resized(texts: tuple, head_texts: list[tuple]) -> bool:
    """ "Patients with X | Group A (n = 24) | Group B (n = 29)" under a header "Patients without X | Group A (n = 17)
    | Group B (n = 15)": the header's column cells again with a block's own sizes (its stub names the block)."""
    if sum(bool(_HEADER_N.search(t)) for t in texts[1:]) < 2:
        return False
    bare = tuple(_HEADER_N.sub("", t).strip() for t in texts[1:])
    return any(tuple(_HEADER_N.sub("", t).strip() for t in head[1:]) == bare for head in head_texts)


def _row_texts(row: dict[int, str]) -> tuple:
    return tuple(row.get(c, "") for c in range(max(row) + 1)) if row else ()


def _stub_header_arm(cells: list[dict], heads: set[int], study: Study | None) -> Arm | None:
    """The study's arm the stub column's header names ("MPS, N = 30" over the row labels, the times across), or None."""
    if study is None:
        return None
    stubs = [_clean(c.get("text")) for c in cells if int(c["col"]) == 0 and int(c["row"]) in heads and _clean(c.get("text"))]
    named = {id(a): a for a in (study.resolve_column(t) for t in stubs) if a is not None}
    return next(iter(named.values())) if len(named) == 1 else None


def header_blocks(table: dict) -> list[dict]:
    """The table split where its header rows are printed again in the body (one block per arm: "Parameter |
    Experimental group" / "Parameter | N | Mean | SD", rows, then "Parameter | Control group" / ... again): each
    block a grid of its own whose header rows are the ones printed above it. A table without such rows is one block."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return [table]
    heads = header_rows(table)
    by_row: dict[int, dict[int, str]] = {}
    for c in cells:
        by_row.setdefault(int(c["row"]), {})[int(c["col"])] = _clean(c.get("text"))
    labels = {by_row[h].get(0, "") for h in heads if h in by_row} - {""}
    head_texts = [_row_texts(by_row[h]) for h in heads if h in by_row and _words_row(by_row[h])]
    body = sorted(r for r in by_row if r not in heads)
    block_heads: list[list[int]] = [sorted(heads)]
    starts: list[int] = []
    levels = [by_row.get(h, {}) for h in sorted(heads)]
    for i, r in enumerate(body):
        if not i:
            continue
        if not _header_like(by_row[r], labels, head_texts):
            # a level of the header printed again with the block's own label and sizes (header_tree.py): the levels
            # above it (the times spanning the arms) stay the block's; a row of statistics under it is its own
            level = reprinted_level(by_row[r], levels)
            if starts and body[i - 1] == block_heads[-1][-1] and statistic_row(by_row[r]):
                block_heads[-1].append(r)
            elif level is not None:
                starts.append(r)
                block_heads.append(sorted(heads)[:level] + [r])
            continue
        before = body[i - 1]
        if starts and before in block_heads[-1]:
            block_heads[-1].append(r)      # the block's second header row ("Parameter | N | Mean | ...")
        elif _header_like(by_row[before], labels, head_texts):
            continue
        elif _row_texts(by_row[r]) in head_texts and i >= 2 and _words_row(by_row[before]) and not by_row[before].get(0):
            # "| | Control group | Control group |" over a repeated "| | N | Mean | SD |": the arm's row starts the block
            starts.append(before)
            block_heads.append([before, r])
        else:
            starts.append(r)
            block_heads.append([r])
    if not starts:
        return [table]
    bounds = [min(body)] + starts + [max(by_row) + 1]
    out = []
    for k, own_heads in enumerate(block_heads):
        lo, hi = bounds[k], bounds[k + 1]
        rows = set(own_heads) | {r for r in body if lo <= r < hi}
        kept = {h for h in own_heads if h in heads} if k else set()     # the upper levels over a reprinted one
        # (their label cell is the first block's label, no heading of this block)
        out.append(dict(table, cells=[dict(c, text="") if int(c["row"]) in kept and not int(c["col"]) else c
                                      for c in cells if int(c["row"]) in rows], header_rows=sorted(own_heads),
                        block_label=by_row.get(min(set(own_heads) - kept), {}).get(0, "")))
    return out


def _statistic_groups(columns: dict[int, "_Column"], study: Study | None, local: dict[str, Arm],
                      caption: str = "", block_arm: Arm | None = None) -> list[tuple[Arm, dict[str, int]]]:
    """The arms whose summary statistics are printed as columns, each with {statistic: column}: columns under one arm
    header (and one time) whose own headers each name one statistic ("Drug X" over "N | Mean | 95% CI | Std | Min | Med
    | Max", "Placebo (n = 30)" over "Mean | SD", in any order and wording: "S.D.", "Std. dev.", "Median", "Q1"), a
    mean or a median among them. The arm is what the headers above name, resolved to the study's arms (a generic
    "Experimental group" / "Control group" too)."""
    by_upper: dict[tuple, dict[str, int]] = {}
    for col, column in sorted(columns.items()):
        if col == 0 or not column.parts:
            continue
        stat = statistic_name(_clean(column.parts[-1]))
        # ("95% Confidence Interval for Mean" spanning "Lower Bound | Upper Bound" is part of the statistic, not the arm)
        upper = tuple(p for p in column.parts[:-1] if statistic_name(_clean(p)) is None)
        if stat is None and column.hint in ("mean", "median"):
            stat, upper = column.hint, column.parts      # "Mean" over the column, taken as its format by `_columns`
        if stat is not None:
            by_upper.setdefault((upper, column.timepoint, column.baseline), {}).setdefault(stat, col)
    out = []
    for (upper, _, _), stats in by_upper.items():
        if len(stats) < 2 or not {"mean", "median"} & set(stats):
            continue
        if not upper:
            # "N | Mean | SD | Median" with no arm above: a table of one arm, the arm its caption names
            arm = block_arm or _caption_arm(caption, study)
            if arm is not None:
                out.append((arm, stats))
            continue
        arm = _column_arm(" ".join(upper), study, local)
        if arm is None:
            named = [a for a in (_column_arm(p, study, local) for p in upper) if a is not None]
            arm = named[0] if named and all(a is named[0] for a in named) else None
        if arm is None and all(columns[col].grouped for col in stats.values()):
            # "Agent" over "P1" over "n | Mean | SD": an arm the study model did not name is still the table's arm
            arm = _table_arm(" ".join(upper), local)
        if arm is not None:
            out.append((arm, stats))
    return out


# "before the treatment (T1), after 3 weeks (T2)", "at three time points (T1, T2, T3)": codes the text defines as times
_TIME_CODE_LIST = re.compile(r"(?i)\b(?:time[- ]?points?|times|visits|assessments|measurements)\b[^.;]{0,40}?[(\[]\s*"
                             r"(?P<codes>(?-i:[A-Za-z])\d{1,2}(?:\s*(?:,|and|-|\u2013|to)\s*(?-i:[A-Za-z])\d{1,2})+)\s*[)\]]")
_TIME_CODE_ONE = re.compile(r"(?i)\b(?P<when>before|prior\s+to|at|after|following)\b[^.;()]{0,60}?[(\[]\s*"
                            r"(?P<code>(?-i:[A-Za-z])\d{1,2})\s*[)\]]")
# "1 month (T1)", "baseline (T0)", "week 12 [V3]": a time followed by the code the tables print for it
_TIME_CODE_AFTER_TIME = re.compile(r"(?:(?P<baseline>\b(?:baseline|pre-?(?:treatment|intervention|operative)))|"
                                   r"(?P<time>\b[\w-]+\s+[\w-]+))\s*[(\[]\s*(?P<code>(?-i:[A-Za-z])\d{1,2})\s*[)\]]", re.I)
# "recorded at admission, 5, 10, 15 and 30 minutes after injection": a list of times in one unit
_TIME_LIST = re.compile(r"(?i)\b(?P<nums>\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*(?:and|or)\s+\d{1,3})\s+(?P<unit>minutes?|mins?|hours?|"
                        r"hrs?|days?|weeks?|months?)\b")
_STEM_NUMBER = re.compile(r"(?P<stem>[A-Za-z][A-Za-z-]{1,15}?)\s*-?\s*(?P<num>\d{1,3})")


# a row label that is a bare count with a footnote's mark ("0*", "3†"), and the footnote saying what the count is
# ("*Postoperative days", "† Weeks after surgery"): the phase (optional) and the time's unit
_MARKED_COUNT = re.compile(r"\s*(?P<n>\d{1,3})\s*(?P<mark>[*\u2020\u2021\u00a7#]+)\s*")
_FOOTNOTE_TIME_UNIT = r"\s*(?P<phase>(?:pre|post|intra|peri)[- ]?(?:op(?:erative)?|treatment|intervention|partum)\s+)?" \
                      r"(?P<unit>hours?|days?|weeks?|months?|years?)\b"


def _numbers_a_footnote_times(labels: list[str], footnotes: str) -> dict[str, tuple[str, bool]]:
    """{row label, cleaned: (timepoint, False)} for labels that are times by the table's own footnote: bare counts with
    one mark ("0*", "1*", "2*") whose footnote names a time's unit ("*Postoperative days"): "postoperative day 0"; two such
    labels at least, so a lone marked number stays a figure."""
    marked = {label: m for label in labels for m in [_MARKED_COUNT.fullmatch(label)] if m is not None}
    marks = {m.group("mark") for m in marked.values()}
    if len(marked) < 2 or len(marks) != 1 or not footnotes:
        return {}
    mark = marks.pop()
    # the mark opening a footnote (its start, or after a separator), not a longer mark ("**" when the labels have "*")
    said = re.search(r"(?:^|[\s;.,])" + re.escape(mark) + r"(?![*\u2020\u2021\u00a7#])" + _FOOTNOTE_TIME_UNIT,
                     footnotes, re.I)
    if said is None:
        return {}
    unit = said.group("unit").lower().rstrip("s")
    phase = operative_spelled_out(re.sub(r"\s+", " ", said.group("phase") or "").strip().lower())
    # (keyed by the label as the reader cleans it, its mark dropped: "0")
    return {_clean(label): (f"{phase} {unit} {m.group('n')}".strip(), False) for label, m in marked.items()}


def _times_the_text_names(text: str, labels: list[str]) -> dict[str, tuple[str, bool]]:
    """{row label: (timepoint, before the intervention)} for labels that are times only by the document's own
    definitions: a code the text defines as a time point ("T1" of "before the supplementation (T1), after 3 weeks (T2)":
    "T1", before) and a measure's name with the minutes of a listed schedule ("VAS5", "VAS10" beside "VAS was recorded
    at 5, 10, 15 and 30 minutes": "5 minutes"), two such labels at least in the table."""
    out: dict[str, tuple[str, bool]] = {}
    codes = {label for label in labels if re.fullmatch(r"[A-Za-z]\d{1,2}", label)}     # ("T1", "t1")
    if len(codes) >= 2 and text:
        defined: dict[str, bool] = {}
        for m in _TIME_CODE_LIST.finditer(text):
            for code in re.findall(r"[A-Za-z]\d{1,2}", m.group("codes")):
                defined.setdefault(code, False)
        for m in _TIME_CODE_ONE.finditer(text):
            defined[m.group("code")] = defined.get(m.group("code"), False) or \
                m.group("when").lower().startswith(("before", "prior"))
        for m in _TIME_CODE_AFTER_TIME.finditer(text):
            # "at baseline (T0), 1 month (T1) and 3 months (T2)": a time then its code, in a list of them
            if m.group("code") in codes and (m.group("baseline") or timepoint_spans(m.group("time"), bare_short=True)):
                defined.setdefault(m.group("code"), bool(m.group("baseline")))
        if codes <= set(defined):
            # "after anaesthesia induction (T0), at the end of surgery (T1)": each code with the moment the text
            # defines for it, "T0 (after anaesthesia induction)" (timepoints.code_gloss), when every code has one
            glosses = {code: code_gloss(text, m.start()) for code in codes
                       for m in [re.search(r"[(\[]\s*" + re.escape(code) + r"\s*[)\]]", text)] if m is not None}
            glossed = len(glosses) == len(codes) and all(glosses.values())
            out.update({code: (f"{code} ({glosses[code]})" if glossed else code, defined[code]) for code in codes})
    stems: dict[str, dict[str, int]] = {}
    for label in labels:
        m = _STEM_NUMBER.fullmatch(label)
        if m is not None:
            stems.setdefault(m.group("stem").lower(), {})[label] = int(m.group("num"))
    for stem, numbered in stems.items():
        if len(numbered) < 2 or stem not in text.lower():
            continue
        for m in _TIME_LIST.finditer(text):
            listed = {int(x) for x in re.findall(r"\d+", m.group("nums"))}
            sentence = text[max(text.rfind(". ", 0, m.start()), m.start() - 300, 0):m.end()].lower()
            # (the schedule's own sentence names the measure: "CD4 | CD8" beside "at 4 and 8 weeks" are no times)
            if set(numbered.values()) <= listed and re.search(r"\b" + re.escape(stem) + r"\b", sentence):
                unit = m.group("unit").lower()
                unit = {"min": "minutes", "mins": "minutes", "hr": "hours", "hrs": "hours"}.get(unit, unit)
                unit = unit if unit.endswith("s") else unit + "s"
                out.update({label: (f"{n} {unit}", False) for label, n in numbered.items()})
                break
    return out


def _statistic_run(by_row: dict[int, dict[int, dict]], ordered: list[int], i: int, arm_columns: list[int],
                   col: int = 0) -> list[tuple[str, int]]:
    """[(statistic, row)] of the rows from `ordered[i]` on whose labels each name one summary statistic ("N", "Mean",
    "SD", "Median", "Min", "Max", "IQR"; each once) with figures under the arm columns: two at least, a mean or a
    median among them; else []."""
    run: list[tuple[str, int]] = []
    for r in ordered[i:]:
        row = by_row[r]
        stat = statistic_name(_clean(row[col]["text"])) if row.get(col) else None
        if col and run and row.get(0) is not None and _clean(row[0]["text"]) and not same_measure(
                _clean(row[0]["text"]), _clean(by_row[run[0][1]][0]["text"]) if by_row[run[0][1]].get(0) else ""):
            # the next quantity's first row ("Weight | Mean" after "Age | Mean" / "| SD"); "Age" again on the "SD" row
            # is the block's row span printed again (statistic_rows.py)
            break
        if stat is None or stat in {s for s, _ in run} or \
                not any(row.get(c) is not None and _clean(row[c]["text"]) for c in arm_columns):
            break
        run.append((stat, r))
    return run if len(run) >= 2 and {"mean", "median"} & {s for s, _ in run} else []


def caption_arm(caption: str, study: Study | None) -> Arm | None:
    """The one study arm a table's caption gives its people: a group or an arm it names ("... in the placebo group",
    "Outcomes in group B"), or the people it names by what they received ("Adverse events in patients receiving X",
    "X-treated children"; `arm_codes.caption_population`); None for a caption that names a drug otherwise
    ("Serum X levels"), no arm, or two."""
    if study is None or not caption:
        return None
    received = {id(a): a for a in (study.resolve(name) for name in caption_population(caption)) if a is not None}
    if len(received) == 1:
        return next(iter(received.values()))
    if received or not re.search(r"(?i)\b(?:group|arm)\b(?!s)", caption):
        return None
    return _caption_arm(caption, study)


def _caption_arm(caption: str, study: Study | None) -> Arm | None:
    """The one study arm a table's caption names ("Table 3. Summary statistics, placebo group", "... in the
    experimental group"), else None (no arm, or two)."""
    if study is None or not caption:
        return None
    text = caption.lower()
    named = {id(a): a for a in study.arms for name in {a.name.lower(), a.canonical, *a.aliases}
             if name and len(name) > 2 and re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", text)}
    if not named:
        generic = re.search(r"(?i)\b((?:experimental|intervention|treatment|control|placebo|study)\s+(?:group|arm))\b", caption)
        arm = _generic_arm(generic.group(1), study, {}) if generic else None
        return arm
    return next(iter(named.values())) if len(named) == 1 else None


def _read_statistic_group(row: dict[int, dict], arm: Arm, stats: dict[str, int]) -> list[tuple[dict, Arm, dict]]:
    """One row's figures of an arm whose statistics are columns: a MEAN (its SD or SE, 95% CI, minimum and maximum,
    n) and a MEDIAN (quartiles or IQR, minimum and maximum, n), each from the cells the headers name."""
    texts = {stat: _clean(scan_view(row[col]["text"])) for stat, col in stats.items() if row.get(col) is not None}

    def number(stat: str) -> float | None:
        return lone_figure(texts[stat]) if texts.get(stat) else None

    def pair(stat: str) -> tuple[float, float] | None:
        low, high = _interval_cell_pair(row[stats[stat]]["text"]) if texts.get(stat) else (None, None)
        return (low, high) if low is not None else None

    size = number("n")
    n = int(size) if size is not None and size.is_integer() and size > 0 else arm.n
    low, high = number("min"), number("max")
    spread_range = (low, high) if low is not None and high is not None and low <= high else pair("range")
    out = []
    # a centre cell printed with its own spread ("62.5 ± 10.2" beside "Mean", "12 (8-15)" beside "Median") is typed by
    # the grammar; the other cells add what it lacks
    own = {stat: parse_arm_cell(texts[stat], stat, n) for stat in ("mean", "median")
           if texts.get(stat) and number(stat) is None}
    mean_value = number("mean") if number("mean") is not None else \
        own["mean"]["value"] if own.get("mean") and own["mean"]["measure"] == "MEAN" else None
    if mean_value is not None:
        sd, se = number("sd"), number("se")
        if own.get("mean"):
            sd, se = own["mean"].get("sd") if sd is None else sd, own["mean"].get("se") if se is None else se
        ci = pair("ci") or ((own["mean"]["ci_low"], own["mean"]["ci_high"])
                            if own.get("mean") and own["mean"].get("ci_low") is not None else None)
        if ci is None and number("ci_low") is not None and number("ci_high") is not None:
            ci = (number("ci_low"), number("ci_high"))     # "Lower Bound | Upper Bound" in columns of their own
        parsed = mean_row(mean_value, texts["mean"], n, sd=sd, se=se if sd is None else None, ci=ci, range_=spread_range)
        if sd is not None and se is not None:
            parsed["se"] = se
        out.append((row[stats["mean"]], arm, parsed))
    median_value = number("median") if number("median") is not None else \
        own["median"]["value"] if own.get("median") and own["median"]["measure"] == "MEDIAN" else None
    if median_value is not None:
        q1, q3 = number("q1"), number("q3")
        quartiles = (q1, q3) if q1 is not None and q3 is not None and q1 <= q3 else pair("iqr")
        if quartiles is None and own.get("median") and own["median"].get("q1") is not None:
            quartiles = (own["median"]["q1"], own["median"]["q3"])
        if spread_range is None and own.get("median") and own["median"].get("range_low") is not None:
            spread_range = (own["median"]["range_low"], own["median"]["range_high"])
        out.append((row[stats["median"]], arm, median_row(median_value, texts["median"], n, iqr=quartiles,
                                                       range_=spread_range)))
    return out


def _estimate_cells(texts: list[str], bracket_se: bool) -> bool:
    """Whether a column's body cells print estimates with their spread ("3.29 (1.08, 9.95); p = 0.035", or "0.47
    (0.21); p = 0.027" when `bracket_se`, the notes declaring the bracket an SE): two at least, and every cell that
    prints a figure (an "NA" or "-" prints none)."""
    figures = [t for t in texts if re.search(r"\d", t or "")]
    read = [parse_effect_cell(t, spread="se") if bracket_se else parse_effect_cell(t) for t in figures]
    read = [r for r in read if r is not None and (r["ci_low"] is not None or r.get("se") is not None)]
    return len(read) >= 2 and len(read) == len(figures)


def _column_texts(cells: list[dict], heads: set[int]) -> dict[int, list[str]]:
    """Each column's body cell texts, top to bottom."""
    out: dict[int, list[str]] = {}
    for c in sorted(cells, key=lambda c: int(c["row"])):
        if int(c["row"]) not in heads:
            out.setdefault(int(c["col"]), []).append(_clean(c.get("text")))
    return out


def _p_values_only(col: int, cells: list[dict], heads: set[int]) -> bool:
    """Whether a column's body prints p-values only ("p = .04", "<0.001", "0.63"), one at least, no other figure."""
    body = [_clean(c["text"]) for c in cells if int(c["col"]) == col and int(c["row"]) not in heads]
    body = [t for t in body if t and not re.fullmatch(r"[-\u2013\u2014\u2212\s.]*|n\.?\s*s\.?|NS", t)]
    return bool(body) and all(parse_p_cell(scan_view(t)) is not None and not re.fullmatch(r"\s*[01]\s*", t) for t in body) \
        and any(re.search(r"(?i)\bp\b|[<>\u2264\u2265]|0?\.\d", t) for t in body)


def _spanned_twice(column: int, row: dict, arm_columns: dict, columns: dict) -> bool:
    """Whether an arm's cell repeats the cell on its left under the same header: a cell spanning two columns that
    the grid gives to each ("Drug (n = 28)" over two columns, "52.6 ± 7.4" in both), to be read once."""
    left = column - 1
    if arm_columns.get(left) is not arm_columns[column] or row.get(left) is None or left not in columns:
        return False
    if not row[column].get("spans_left"):
        return False
    mine, theirs = columns[column], columns[left]
    # (the same header but for a format: "Drug (n = 30)" over "Number | Percent", a mean printed across both)
    return (column_format(mine.header)[0], mine.timepoint, mine.baseline) == \
        (column_format(theirs.header)[0], theirs.timepoint, theirs.baseline) \
        and _clean(row[left]["text"]) == _clean(row[column]["text"])


def _counts_like_the_row(read_cells: list[tuple], column_sizes: dict, whole_size: int | None,
                         printed_counts: frozenset) -> list[tuple]:
    """A row whose format nothing states, read "a (b)" as a count with its share in one arm ("5 (20)" of 25) and as
    a mean with its SD in another only because that cell's share is misprinted or rounded otherwise ("5 (22)" of
    25): the row is counts, every such cell a count with its share (the disagreement checked as any other)."""
    shared = [p for _, _, p in read_cells if p["measure"] == "PROPORTION" and p.get("pct_text") and p.get("events") is not None]
    if not shared:
        return read_cells
    out = []
    for cell, arm, parsed in read_cells:
        if parsed["measure"] == "MEAN" and parsed.get("sd") is not None and parsed.get("flags") == [] \
                and _LEADING_COUNT.fullmatch(str(parsed.get("value_text") or "")):
            column = int(cell["col"])
            again = parse_arm_cell(str(parsed["value_text"]), "n_pct", column_sizes.get(column))
            if again is not None and again["measure"] == "PROPORTION":
                _check_denominator(again, column_sizes.get(column), whole_size,
                                   [n for c, n in column_sizes.items() if c != column and n], printed_counts)
                parsed = again
        out.append((cell, arm, parsed))
    return out


# a caption of a table that counts patients with an event: "Postoperative complications", "Adverse events"
_EVENTS_CAPTION = re.compile(r"\b(?:complications?|adverse\s+(?:drug\s+)?(?:events?|effects?|reactions?)|side[- ]effects?|"
                             r"(?:treatment|drug)[- ]related\s+events?|toxicit(?:y|ies)|responses?\s+to\s+(?:the\s+)?"
                             r"(?:treatment|therapy)|number\s+of\s+(?:patients|participants|subjects))\b", re.I)
# a row label naming a quantity measured in a unit ("Hospital stay (days)", "Blood loss, ml"), not patients counted
_MEASURED_LABEL = re.compile(r"[(\[,]\s*(?:days?|hours?|h|min(?:utes)?|weeks?|months?|years?|ml|mL|l|g|kg|mg|cm|mm|"
                             r"mmHg|mm\s*Hg|%|score|points?|units?|[a-zµμ]+/[a-zA-Z]+)\s*[)\]]?\s*$|"
                             # ("Full time employment", "Part-time work": a category of patients, no time measured)
                             r"\b(?:duration|length|(?<!full )(?<!part )(?<!full-)(?<!part-)time|stay|volume|(?:blood|fluid)\s+loss|"
                             r"level|score|mean|median|age|weight|rate)\b", re.I)


def _bare_counts_row(label: str, row: dict, arm_columns: dict, column_sizes: dict) -> bool:
    """A row whose every arm cell is a bare whole number no larger than its column's printed size (each arm column
    sized), under a label that names no measured quantity: each cell counts that arm's patients."""
    if _MEASURED_LABEL.search(label):
        return False
    seen = 0
    for column in arm_columns:
        cell = row.get(column)
        words = _clean(cell["text"]) if cell is not None else ""
        if not words:
            continue
        n = column_sizes.get(column)
        if not n or not re.fullmatch(r"\d{1,6}", words) or int(words) > n:
            return False
        seen += 1
    return seen >= 2


# "Number of attempts", "No. of lesions": things counted per patient, not patients
_COUNT_OF_THINGS = re.compile(r"\s*(?:number|no\.?)\s+of\s+(?!patients|participants|subjects|cases|women|men|children)", re.I)


# a caption or label header saying the table counts patients: "... in 60 patients", "Number of children with",
# "Frequency of", "Distribution of"
_PATIENTS_COUNTED = re.compile(r"\b(?:patients|participants|subjects|children|women|men|cases|number|frequenc\w*|"
                               r"distribution|no\.|"
                               # "Constant concomitant therapy", "Medications at entry", "Comorbidities": the patients
                               # taking each drug or having each condition
                               r"concomitant|co-?medications?|medications?|comorbidit(?:y|ies)|co-?morbidit(?:y|ies))\b",
                               re.I)


def _counted_rows(by_row: dict[int, dict[int, dict]], arm_columns: dict, column_sizes: dict, data_columns,
                  patients_said: bool = False, categories_beside: bool = False) -> set[int]:
    """Rows whose bare whole numbers count each arm's patients though neither caption nor label says so, told by
    the table's shape: categories (under one heading, or the whole body) whose counts add up to every arm column's
    n ("Male | 19 | 18", "Female | 1 | 2" under columns of 20), or a table whose every arm cell is such a count
    (three rows or more, within its column's n, no label naming a measured quantity or a count of things) when a
    cell is written with a leading zero ("04") or the caption says it counts patients (`patients_said`); a table of
    scores printed as whole numbers ("Apgar at 1 min | 8 | 9") says neither. Where the categories are a second label
    column beside their characteristic (`categories_beside`: "Thyromental distance | < 6 cm | 15 | 14", then "| >= 6
    cm | 5 | 6"), each characteristic's rows are one group."""
    sized = [c for c in arm_columns if column_sizes.get(c)]
    if len(sized) < 2 or len(sized) < len(arm_columns):
        return set()
    groups: list[list[int]] = [[]]
    every = True
    seen = 0
    before = ""     # the label of the row before
    for r in sorted(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        if categories_beside and label != before and groups[-1]:
            groups.append([])       # (the next characteristic: its own categories)
        before = label
        filled = [c for c in data_columns if row.get(c) is not None and _clean(row[c]["text"])]
        if not filled:
            if groups[-1]:
                groups.append([])
            continue
        if label and _bare_counts_row(label, row, arm_columns, column_sizes) and not _COUNT_OF_THINGS.match(label) \
                and all(row.get(c) is not None and _clean(row[c]["text"]) for c in arm_columns):
            groups[-1].append(r)
            seen += 1
        else:
            every = False
            if groups[-1]:
                groups.append([])
    padded = any(re.fullmatch(r"0\d+", _clean(by_row[r][c]["text"])) for group in groups for r in group for c in arm_columns)
    if every and seen >= 3 and (padded or patients_said):
        return {r for group in groups for r in group}
    counted = set()
    for group in groups:
        for part in _runs_under_one_label(group, by_row):
            if len(part) >= 2 and all(sum(int(_clean(by_row[r][c]["text"])) for r in part) == column_sizes[c] for c in sized):
                counted.update(part)
            else:
                counted.update(_blocks_of_whole_arms(part, by_row, {c: column_sizes[c] for c in sized}))
    return counted


def _blocks_of_whole_arms(run: list[int], by_row: dict[int, dict[int, dict]], sizes: dict[int, int]) -> set[int]:
    """The rows of a run of bare-count rows printed without headings between their characteristics ("African
    American | Caucasian", then "HIV + symptomatic | HIV - symptomatic | AIDS | Did not answer", ...) when the run
    divides, from its first row on, into consecutive blocks of two rows or more whose counts add up to every arm
    column's n at once: each block one characteristic's categories; else none (a block that overshoots an arm, or
    rows left over, are no such categories)."""
    blocks, totals, block = [], dict.fromkeys(sizes, 0), []
    for r in run:
        block.append(r)
        for c in sizes:
            totals[c] += int(_clean(by_row[r][c]["text"]))
        if any(totals[c] > sizes[c] for c in sizes):
            return set()
        if all(totals[c] == sizes[c] for c in sizes):
            if len(block) < 2:
                return set()
            blocks.append(block)
            totals, block = dict.fromkeys(sizes, 0), []
    return {r for b in blocks for r in b} if not block and len(blocks) >= 2 else set()


def _runs_under_one_label(group: list[int], by_row: dict[int, dict[int, dict]]) -> list[list[int]]:
    """A run of count rows split where its first column's label changes, when every piece holds two rows or more
    ("Thyromental distance | < 6 cm | 15 | 14" and "| ≥ 6 cm | 5 | 6", then "Interincisal distance | ..." rows: a
    label printed once over its categories, which the grid repeats on each row); else the run whole."""
    labels = [_clean(by_row[r][0]["text"]) if by_row[r].get(0) else "" for r in group]
    pieces: list[list[int]] = []
    for i, r in enumerate(group):
        if not pieces or labels[i] != labels[i - 1]:
            pieces.append([])
        pieces[-1].append(r)
    return pieces if len(pieces) > 1 and all(len(piece) >= 2 for piece in pieces) else [group]


# a note printed across the table's width: "* p<0.05 compared with placebo", "p>0.05 between 2 groups"
_SPANNING_NOTE = re.compile(r"^\s*[*\u2020\u2021\u00a7#]|\bp\s*[<>=\u2264\u2265]|\b(?:compared\s+with|between\s+(?:the\s+)?(?:\d|two|groups))\b",
                            re.I)


_TIME_NUMBER = re.compile(r"\d{1,3}(?:\.\d)?")
# the unit of time a header names, and the name a timepoint gives it
_TIME_UNITS = {"s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds", "seconds": "seconds",
               "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
               "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
               "d": "days", "day": "days", "days": "days", "wk": "weeks", "wks": "weeks", "week": "weeks",
               "weeks": "weeks", "mo": "months", "month": "months", "months": "months", "yr": "years", "yrs": "years",
               "year": "years", "years": "years"}
# the moment a header counts its times from: "Post-operative", "after surgery", "following the injection", "pre-dose"
_TIME_ORIGIN = re.compile(r"\b(?:(?:post|pre)[- ]?[a-z]{2,}(?:ly)?|(?:after|following|since|from|before|prior\s+to)\s+"
                          r"(?:the\s+)?[a-z]{3,}(?:[- ][a-z]{3,})?)", re.I)
# the words a header of times may hold besides its unit and origin: "Time (minute)", "Time point, h, mean ± SD"
_TIME_HEADER_FILLER = re.compile(r"\b(?:time|times|timepoint|timepoints|point|points|of|assessment|measurement|"
                                 r"follow[- ]?up|mean|median|sd|se|sem|iqr|range|n|and|in)\b|[\u00b1%(),;:\[\]/.\s-]", re.I)


def unit_time(label: str, header: str) -> tuple[str, bool] | None:
    """(timepoint, before the intervention) of a bare number under a header naming only a unit of time (and perhaps
    the moment it counts from and the cells' statistic): "5" under "Time (minute)" -> "5 minutes"; "1" under
    "Post-operative, h, mean ± SD" -> "1 hours post-operative"; "2" under "Hours before surgery" -> before. A header
    naming a quantity measured in that unit ("Hospital stay (days)", "Age (years)") gives none: its rows are
    categories."""
    if not header or not _TIME_NUMBER.fullmatch(label):
        return None
    origin = _TIME_ORIGIN.search(header)
    rest = header[:origin.start()] + " " + header[origin.end():] if origin else header
    units = [w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() in _TIME_UNITS]
    if len(units) != 1 or _TIME_HEADER_FILLER.sub("", re.sub(rf"\b{units[0]}\b", "", rest, count=1)):
        return None
    said = re.sub(r"\s+", " ", origin.group(0)).lower() if origin else ""
    before = bool(re.match(r"pre|before|prior", said))
    return f"{label} {_TIME_UNITS[units[0].lower()]}" + (f" {said}" if said else ""), before


_SHARE_MEAN_PM = r"(?:\u00b1|\+/-|\+-)"
_MEAN_SD_TEXT = r"\d+(?:\.\d+)?\s*" + _SHARE_MEAN_PM + r"\s*\d+(?:\.\d+)?"
_PERCENT_TEXT = r"\d+(?:\.\d+)?\s*%"
_COUNT_SHARE_TEXT = r"\d+\s*[(\[]\s*\d+(?:\.\d+)?\s*%?\s*[)\]]|\d+\s*/\s*\d+(?:\s*[(\[]\s*\d+(?:\.\d+)?\s*%?\s*[)\]])?"
# a cell printing a share and a mean of two outcomes: the share with the mean in brackets ("60% (28.9 ± 7)",
# "45 % [12.1 ± 3.0]"), or the two side by side either way round ("12 (30%); 4.1 ± 1.2", "4.1 ± 1.2 / 30%")
_SHARE_AND_MEAN = re.compile(
    rf"(?P<share>{_PERCENT_TEXT})\s*[(\[]\s*(?P<mean>{_MEAN_SD_TEXT})\s*[)\]]"
    rf"|(?P<share2>{_COUNT_SHARE_TEXT}|{_PERCENT_TEXT})\s*[;,|/]\s*(?P<mean2>{_MEAN_SD_TEXT})"
    rf"|(?P<mean3>{_MEAN_SD_TEXT})\s*[;,|/]\s*(?P<share3>{_COUNT_SHARE_TEXT}|{_PERCENT_TEXT})")
# a header naming the second figure in a closing bracket: "Seroconversion after 1 month (antibody titre, IU/L)"; a
# bracket holding only a format or a unit ("n (%)", "(mean ± SD)", "(IU/L)") names none
_HEADER_SECOND = re.compile(r"(?P<first>.*?\S)\s*[(\[](?P<second>[^()\[\]]*[A-Za-z]{3,}[^()\[\]]*)[)\]]\s*")
_FORMAT_WORDS = re.compile(r"\s*(?:n|no|mean|median|sd|se|sem|iqr|range|%|percent|[a-z\u00b5]{1,3}\s*/\s*[a-z]{1,3}|\W)+\s*",
                           re.I)


def _share_and_mean_parts(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((start, end) of the share, (start, end) of the mean) in a cell printing the two, else None."""
    body = split_marks(text).body.rstrip()
    m = _SHARE_AND_MEAN.fullmatch(body.strip())
    if m is None:
        return None
    lead = len(body) - len(body.lstrip())
    share = next(g for g in ("share", "share2", "share3") if m.group(g) is not None)
    mean = next(g for g in ("mean", "mean2", "mean3") if m.group(g) is not None)
    return (lead + m.start(share), lead + m.end(share)), (lead + m.start(mean), lead + m.end(mean))


def _second_named(header: str) -> tuple[str, str] | None:
    """(the first figure's header, the second's) of a header naming the second in a closing bracket, keeping the
    header's time for both ("Seroconversion after 1 month (antibody titre)" -> "Seroconversion after 1 month",
    "antibody titre 1 month")."""
    m = _HEADER_SECOND.fullmatch(header)
    if m is None or _FORMAT_WORDS.fullmatch(m.group("second")):
        return None
    first, second = m.group("first").strip(" ,;:"), m.group("second").strip(" ,;:")
    when = _outcome_and_timepoint(first)[1]
    return first, f"{second} {when}" if when and when not in second else second


def share_and_mean_variants(table: dict) -> list[dict] | None:
    """The table once for the shares and once for the means when its cells print both ("60% (28.9 ± 7)": 60% of the
    arm seroconverted, their mean titre 28.9): each variant keeps one figure of each such cell (the other blanked,
    offsets kept), and a header naming the second figure in a closing bracket ("Seroconversion (antibody titre)")
    names each variant's outcome. None unless two cells print the two."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells:
        return None
    parts = {}
    for i, c in enumerate(cells):
        text = str(c.get("text") or "")
        if c.get("header") or "%" not in text and "/" not in text or not re.search(_SHARE_MEAN_PM, text):
            continue
        found = _share_and_mean_parts(text)
        if found is not None:
            parts[i] = found
    if len(parts) < 2:
        return None
    columns = {cells[i].get("col") for i in parts}
    share_cells, mean_cells = [], []
    for i, c in enumerate(cells):
        text = str(c.get("text") or "")
        if i in parts:
            (s0, s1), (m0, m1) = parts[i]
            share_cells.append(dict(c, text=" " * s0 + text[s0:s1] + " " * (len(text) - s1)))
            mean_cells.append(dict(c, text=" " * m0 + text[m0:m1] + " " * (len(text) - m1)))
            continue
        named = _second_named(text) if c.get("header") and c.get("col") in columns else None
        if named is not None:
            share_cells.append(dict(c, text=named[0]))
            mean_cells.append(dict(c, text=named[1]))
            continue
        share_cells.append(c)
        # a figure printed once (a p-value, a cell of one figure) is read once, with the shares
        once = not c.get("header") and int(c.get("col", 0) or 0) > 0 and re.search(r"\d", text)
        mean_cells.append(dict(c, text=" " * len(text)) if once else c)
    return [dict(table, cells=share_cells), dict(table, cells=mean_cells)]


def _drop_repeated_headings(by_row: dict[int, dict[int, dict]]) -> None:
    """ "| Gender | Gender | Gender |": a heading row spanning the table, its text repeated in every cell (an HTML
    cell spanning the columns, copied into each), is a heading with empty cells; a note so spanning ("p>0.05
    between 2 groups", a sentence) is no row of the table."""
    for r in list(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        others = [c for c, cell in row.items() if c and _clean(cell["text"])]
        if label and others and all(_clean(row[c]["text"]) == label for c in others):
            if _SPANNING_NOTE.search(label) or len(label.split()) > 10:
                del by_row[r]
                continue
            for c in others:
                del row[c]


# a label column's header that names no quantity: "Date", "Time", "Variable", "Parameter", "Characteristics"
_QUANTITY_FREE_HEADER = re.compile(r"(?i)\s*(?:dates?|times?|time\s*points?|visits?|periods?|variables?|parameters?|"
                                   r"characteristics?|items?|measures?|outcomes?|indices|index|statistics?)\s*:?\s*")
# a row label that only says when, after the intervention: "1 h post surgery", "6 hours after surgery", "Day 3 after
# the operation"
_TIME_ROW = re.compile(r"\s*(?P<t>\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|min(?:utes?)?|days?|weeks?|months?)|(?:day|week|month)\s*\d+)"
                       r"\s*(?:(?:post|after|following)[- ]?\s*(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s*", re.I)


# a row label that only names a statistic of the heading's quantity: "Median" under "Age" (a format may follow the name:
# "Mean (SD)", "Mean ± SD", "Median [IQR]"); rows of statistics in a run ("Median" over "Range") are `_statistic_run`'s
_STATISTIC_ROW = re.compile(r"\s*(median|mean|average)\s*(?:[(\[][^()\[\]]{1,20}[)\]]|\u00b1\s*S[DE]M?)?\s*:?\s*", re.I)


# a body row that gives each arm column its size: "n = 29", "(n = 29)", "N=46"; or bare counts beside "(No.)", "n"
_SIZE_CELL = re.compile(r"\(?\s*n\s*=\s*(?P<n>\d+)\s*\)?\s*[*\u2020\u2021\u00a7\u00b6#^]*", re.I)
# a block's heading printing its units' number under each arm: "Practice characteristics (N) | 10 | | 9 |", "GP
# characteristics (N) | 18 | | 18 |" (a capital N: the block's whole; "Missing (n)" counts a category)
_BLOCK_SIZE_LABEL = re.compile(r"(?i:[\w\s/-]*\b(?:characteristics|demographics|sample|population))\s*[(\[]\s*N\s*[)\]]\s*")
# the study model's size labels, and the patients' total written first ("Total patients", "Total no. of subjects, n")
_SIZE_LABEL = re.compile(rf"(?:{SIZE_ROW_LABEL.pattern})|(?:{TOTAL_PEOPLE_LABEL.pattern})", SIZE_ROW_LABEL.flags)


def _size_row(label: str, arm_values: dict[int, str]) -> dict[int, int]:
    """{column: N} when a row only states the arm columns' sizes, else {}."""
    filled = {col: v for col, v in arm_values.items() if v}
    if len(filled) < 2 or len(filled) < len(arm_values):
        return {}
    if sample_split_sizes(label, filled):
        return sample_split_sizes(label, filled)    # "N (%) of participants | 46 (55) | 38 (45)" (denominators.py)
    found = {col: _SIZE_CELL.fullmatch(v) for col, v in filled.items()}
    if all(found.values()) and (not label or _SIZE_LABEL.fullmatch(label)):
        return {col: int(m.group("n")) for col, m in found.items()}
    if label and (_SIZE_LABEL.fullmatch(label) or _BLOCK_SIZE_LABEL.fullmatch(label)) and \
            all(re.fullmatch(r"\d+", v) for v in filled.values()):
        return {col: int(v) for col, v in filled.items()}
    stage = _STAGE_FORMAT.sub("", label) if label else ""
    if stage and stage != label and _SIZE_LABEL.fullmatch(stage) and _STAGE_WORDS.search(stage):
        # "Patients assessed (n, %) | 59 (89 %) | 50 (86 %)": the patients left at a stage, each arm's count with its
        # share of the randomized: the sizes of the rows under it
        counted = {col: _COUNT_SHARE.fullmatch(v) for col, v in filled.items()}
        if all(counted.values()):
            return {col: int(m.group("n")) for col, m in counted.items()}
    return {}


# the format after a stage's label: "(n, %)", "n (%)", ", n (%)", "(n)"
_STAGE_FORMAT = re.compile(r"\s*[,;]?\s*(?:[(\[]\s*(?:n|no\.?)\s*(?:,\s*%|[(\[]\s*%\s*[)\]])?\s*[)\]]|"
                           r"(?:n|no\.?)\s*[(\[]\s*%\s*[)\]])\s*$", re.I)
_COUNT_SHARE = re.compile(r"\s*(?P<n>\d{1,6})\s*[(\[]\s*\d{1,3}(?:[.,]\d+)?\s*%?\s*[)\]]\s*")
# a stage of the patients' flow ("Women, n (%)" counts women; "Patients assessed, n (%)" those left at a stage)
_STAGE_WORDS = re.compile(r"\b(?:assessed|analy[sz]ed|evaluated|evaluable|followed|completed|completers|finished|"
                          r"included|enrol(?:l)?ed|randomi[sz]ed|allocated|treated|per[- ]protocol|intention)\b", re.I)


def _rows_under_heading(by_row: dict[int, dict[int, dict]], ordered: list[int], i: int, data_columns) -> list[int]:
    """The rows under the heading row `ordered[i]`, up to the next heading row."""
    found = []
    for k in ordered[i + 1:]:
        if _heading_row(by_row[k], data_columns):
            break
        found.append(k)
    return found


def _heading_row(row: dict[int, dict], data_columns) -> bool:
    """A row with a label and no figure in any data column: a group heading ("Blood loss after treatment")."""
    label = _clean(row[0]["text"]) if row.get(0) else ""
    return bool(label) and not any(_clean(row[c]["text"]) for c in data_columns if row.get(c))


def _interval_cell_pair(text: str) -> tuple[float | None, float | None]:
    """ "0.16 to 1.89", "(0.66-1.09)": the bounds of an interval column's cell."""
    cleaned = _clean(scan_view(text))
    if THOUSANDS.search(cleaned):
        # "400 to 34,594", "1,200–5,600": a comma inside a number (never "1,200" read as the pair 1 and 200)
        m = _GROUPED_PAIR_TEXT.fullmatch(cleaned)
    else:
        m = _PAIR_TEXT.fullmatch(cleaned)
    if m is None:
        return None, None
    low, high = (float(m.group(k).replace("\u2212", "-").replace(",", "")) for k in ("low", "high"))
    return (low, high) if low <= high else (None, None)


# "(yes/no)", "(left/right)", "(present/absent)": a label's two categories, the cells "a/b" their counts
# ... or after a comma at the label's end: "Relapse, yes/no"
_CATEGORY_PAIR = re.compile(r"[(\[]\s*(?P<first>[A-Za-z][A-Za-z-]{0,19})\s*[/:]\s*(?P<second>[A-Za-z][A-Za-z-]{0,19})\s*[)\]]|"
                            r"(?<=,)\s*(?P<first2>[A-Za-z][A-Za-z-]{0,19})\s*[/:]\s*(?P<second2>[A-Za-z][A-Za-z-]{0,19})\s*$")
_YES_WORD = re.compile(r"yes|y|present|positive|pos|\+", re.I)
_PAIR_WORDS = re.compile(r"yes|no|y|n|present|absent|positive|negative|pos|neg|left|right|l|r|unilateral|bilateral|"
                         r"single|multiple|primary|secondary|urban|rural|(?:non-?)?smokers?|(?:un)?employed|married|"
                         r"(?:non-?)?dominant|upper|lower|acute|chronic|first|second|new|old|current|former|never|ever|"
                         r"complete|partial|open|closed|elective|emergency|inpatients?|outpatients?", re.I)
# a unit in a label's brackets ("mg/kg", "ml/min", "mmol/L"): not two categories
_UNIT_WORD = re.compile(r"(?:[mµμnpk]?g|[mµμnp]?mol|[mdµμ]?l|[mck]?m|m2|min|h|hr|s|sec|d|day|wk|week|mo|month|yr|year|"
                        r"IU|U|mEq|mmHg|dose|kcal|cal|beats?|bpm|breaths?)", re.I)
# "42 (63 %)", "7(12.5%)": a count with its share, the percent sign printed inside the bracket only
_COUNT_SHARE_CELL = re.compile(r"\s*\d{1,6}\s*[(\[]\s*\d{1,3}(?:[.,]\d+)?\s*%\s*[)\]]\s*")
# a label ending in a unit of measurement: "(mmHg)", "(ml/min)", ", kg/m2"
_UNIT_LABEL = re.compile(r"[(\[,]\s*(?:mm\s*Hg|(?!n\s*/\s*N\b)[a-zµμ]+\s*/\s*[a-zA-Z0-9.²]+(?:\s*[a-zA-Z0-9.²]+)?|kg|g|mg|ml|mL|cm|mm|bpm)\s*[)\]]?\s*$")
# "35 (15)", "4 (17%)": a value with one bracketed number, the shape a failed "median (IQR)" or "(range)" label leaves
# ("-.24 (.17)": a figure printed without its leading zero is one too, grammar.FIGURE)
_VALUE_AND_BRACKET = re.compile(r"\s*-?" + FIGURE + r"\s*[(\[]\s*" + FIGURE + r"\s*%?\s*[)\]]\s*")
# a label counting patients: "Patients on ESA", "Number of patients (randomized)", "No. of women with X"
_PATIENTS_LABEL = re.compile(r"\s*(?:(?:number|no\.?)\s+of\s+)?(?:patients|participants|subjects|women|men|children|cases)\b",
                             re.I)
# one category of a packed cell: "Male -13", "Caucasians- 15", "Ischemic nephropathy-3", "Male n = 15", "Female: 9"
_PACKED_ITEM = re.compile(r"(?P<name>[A-Za-z][A-Za-z'/]*(?:[ ][A-Za-z][A-Za-z'/]*){0,3}?)\s*(?:[-\u2013\u2014:=]|,?\s*\bn\s*=|(?=\s))\s*"
                          r"(?P<open>[(\[]\s*)?(?P<count>\d{1,6})(?![\d.%])(?(open)\s*[)\]])"
                          r"(?:\s*[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]])?\s*[,;]?\s*")
# (the count may stand in brackets: "DM:(3), GN:(2), HTN:(2)")
# ... or the count first: "15 males, 13 females", "12 M / 8 F", "9 men and 11 women"
_PACKED_ITEM_AFTER = re.compile(r"(?P<count>\d{1,6})(?![\d.%])\s*(?:[(\[]\s*\d{1,3}(?:\.\d+)?\s*%?\s*[)\]]\s*)?"
                                r"(?P<name>[A-Za-z][A-Za-z'-]*(?:[ ](?!and\b)[A-Za-z][A-Za-z'-]*){0,2}?)"
                                r"\s*(?:[,;/]|\band\b)?\s*")
# the name of a sex in a packed cell: "F", "M", "W", "Male", "Females", "Men", "Women"
_SEX_NAME = re.compile(r"\s*(?:m|f|w|males?|females?|men|women)\s*", re.I)
_NOT_A_CATEGORY = re.compile(r"(?:n|no|p|total|all|none|days?|weeks?|months?|years?|hours?|h|hrs?|min(?:utes?)?|times?|"
                             r"doses?|episodes?|events?|grade|stage|type|visits?|range|mean|median|sd|iqr|patients?|"
                             r"participants?|subjects?|mg|g|kg|ml|mL|l|cm|mm|mmHg|IU|U|units?|points?|cycles?|sessions?)",
                             re.I)


def _declared_or_shaped(words: str, label: str, declared: str, n: int | None) -> str:
    """The statistic of a cell "x (y)" under a table-wide declaration (`declared`, "mean_sd" or "n_pct"), where the
    row states none: a count with its share when x is a whole number of the arm's n patients and y that share
    (within rounding) and the row names no measured quantity; a mean and SD when y is no such share and the row
    names a measured quantity; else the declaration."""
    m = re.fullmatch(r"\s*(?P<x>\d+(?:\.\d+)?)\s*[(\[]\s*(?P<y>\d+(?:\.\d+)?)\s*[)\]]\s*", words)
    if m is None or not n:
        return declared
    x, y = float(m.group("x")), float(m.group("y"))
    share = x == int(x) and "." not in m.group("x") and x <= n and abs(100 * x / n - y) <= 0.6
    measured = bool(MEASURED_QUANTITY.search(label))
    if declared == "mean_sd" and share and not measured:
        return "n_pct"
    if declared == "n_pct" and not share and measured:
        return "mean_sd"
    return declared


def _packed_items(words: str, item: re.Pattern) -> list[re.Match]:
    """The items of `item` that make up the whole cell, one after another, else []."""
    items, pos = [], 0
    while pos < len(words):
        m = item.match(words, pos)
        if m is None or m.end() == pos:
            return []
        items.append(m)
        pos = m.end()
    return items


def _packed_categories(words: str, n: int | None) -> list[dict]:
    """The categories of a cell that packs an arm's counts of several ("Male -13 Female -5", "Caucasians -16 Africans -1
    Others -1", "Diabetes – 6 Hypertension-3") or names the one it counts ("Male n = 15"): one PROPORTION each, of the
    arm's size; none when the counts exceed the arm, the arm has no size, or a name is a statistic's or a time's word."""
    if not n or not re.search(r"[A-Za-z]", words):
        return []
    items = _packed_items(words, _PACKED_ITEM) or _packed_items(words, _PACKED_ITEM_AFTER)
    named_size = len(items) == 1 and re.search(r"\bn\s*=", items[0].group()) is not None
    if not items or (len(items) < 2 and not named_size):
        return []
    counts = [int(m.group("count")) for m in items]
    names = [m.group("name").strip() for m in items]
    if sum(counts) > n or any(_NOT_A_CATEGORY.fullmatch(x) for x in names) or len(set(x.lower() for x in names)) < len(names):
        return []
    if len(items) == 2 and all(_SEX_NAME.fullmatch(x) for x in names) and len({_sex_word(x) for x in names}) == 2:
        # "F 13 (62%) M 8 (38%)", "Female -5 Male -13": the men, as a sex pair is labelled (denominators.py)
        keep = [_sex_word(x) == "male" for x in names]
        items, names, counts = [x for x, k in zip(items, keep) if k], [x for x, k in zip(names, keep) if k], \
            [x for x, k in zip(counts, keep) if k]
    elif len(items) == 2 and sum(counts) == n:
        # "Male -13 Female -5" of 18: a characteristic of two categories; the second is the first's complement
        items, names, counts = items[:1], names[:1], counts[:1]
    out = []
    for m, name, count in zip(items, names, counts):
        found = proportion_row(count, n, None, m.group().strip(" ,;"))
        found.update(category=name.lower(), offset=m.start())
        out.append(found)
    return out


# what an effect row's label may hold besides the measure's name: "Odds ratio (95% CI)", "Adjusted HR", "RR*"
_EFFECT_LABEL_REST = re.compile(r"(?:[\s,;:()\[\]*\u2020\u2021\u00a7#]|\d+(?:\.\d+)?\s*%|\b(?:CI|confidence|intervals?|adjusted|"
                                r"unadjusted|crude|average|overall|pooled|common|estimated?|of|and|with)\b)*", re.I)
# a comparison's reference cell: "1", "1.00", "ref", "1 (reference)"
_REFERENCE_CELL = re.compile(r"\s*(?:1(?:\.0+)?\s*)?(?:[(\[]?\s*(?:ref(?:erence)?\.?|referent)\s*[)\]]?)?\s*", re.I)


_ADJUSTED_ABBREVIATION = re.compile(r"\ba(?=(?:OR|HR|RR|IRR|RD)\b)")


def effect_label(label: str) -> str:
    """The effect measure a row label names and nothing else ("Relative risk", "Odds ratio (95% CI)", "Adjusted HR"),
    else "": a label naming a quantity as well ("RR, breaths/min", "Hazard ratio of death") is not an effect row.
    "aOR", "aHR", "aRR" are the adjusted measures."""
    label = _ADJUSTED_ABBREVIATION.sub("adjusted ", label)
    for measure, pattern in _EFFECT_HEADERS[:-1]:
        found = pattern.search(label)
        if found is not None:
            rest = label[:found.start()] + " " + label[found.end():]
            if not _EFFECT_LABEL_REST.fullmatch(rest):
                return ""
            # a bare "HR" or "RR" is as often a heart or respiratory rate: only with its interval named
            return measure if not re.fullmatch(r"HR|RR", found.group(), re.I) or re.search(r"\bCI\b|confidence", rest, re.I) else ""
    return ""


def _effect_rows_adjustment(effects: list[dict], label: str, footnotes: str, read: list[dict]) -> None:
    """Whether a row of effects is adjusted: its label's footnote mark says so ("Odds ratio (95% CI) **" over "**
    Mantel-Haenszel common odds ratio estimate"), in meaning's words; an unmarked ratio of a 2x2 table whose arms'
    counts the rows above print ("Presence of sensitivity (yes/no) | (10/15) | (11/14)") is their crude ratio."""
    mark = _TRAILING_MARK.search(label)
    said = _footnote_for(mark.group(1), footnotes) if mark else ""
    if adjustment(label) != "unknown":
        said = label        # "Adjusted OR", "aOR [95% CI]", "Crude OR": the label's own words first
    counted = {str(r.get("outcome")) for r in read if r.get("measure") == "PROPORTION"}
    for effect in effects:
        if effect.get("adjusted"):
            continue
        if said and adjustment(said) != "unknown":
            effect["adjusted"] = adjustment(said)
        elif not mark and effect.get("measure") in TWO_BY_TWO_MEASURES and str(effect.get("outcome")) in counted:
            effect["adjusted"] = "no"


# a footnote mark closing a label: "Odds ratio (95% CI) **", "Relative risk†"
_TRAILING_MARK = re.compile(r"([*\u2020\u2021\u00a7\u00b6]+)\s*$")


def _footnote_for(mark: str, footnotes: str) -> str:
    """The text of the footnote that `mark` opens ("**Mantel-Haenszel common odds ratio estimate;"), or ""."""
    found = re.search(r"(?:^|[;\n.]\s*)" + re.escape(mark) + r"(?![*\u2020\u2021\u00a7\u00b6])\s*(?P<t>[^;\n]+)", footnotes or "")
    return found.group("t") if found else ""


def _effect_label_rows(context: dict, measure: str, row: dict, arm_columns: dict, columns: dict, start: int,
                       adjusted: bool = False, against: Arm | None = None) -> list[dict]:
    """The effects of a row whose label names a measure, one per arm cell holding one: the cell's arm against the
    arm the label names (`against`: "Difference vs. control"), else the arm whose cell is the reference ("1.00",
    "ref"), else the other of two arms, else the control arm."""
    filled = {c: _clean(scan_view(row[c]["text"])) for c in arm_columns if row.get(c) is not None and _clean(row[c]["text"])}
    references = {c for c, words in filled.items() if _REFERENCE_CELL.fullmatch(words)}
    arms = list({id(a): a for a in arm_columns.values()}.values())
    out = []
    for column, words in filled.items():
        if column in references or (against is not None and arm_columns[column] is against):
            continue
        parsed = parse_effect_cell(words)
        if parsed is None or ((parsed["measure"] or measure) in RATIO_MEASURES and parsed["value"] <= 0):
            continue
        arm = arm_columns[column]
        reference = [arm_columns[c] for c in references if arm_columns[c] is not arm]
        others = [a for a in arms if a is not arm]
        comparator = against or (reference[0] if len(reference) == 1 else (
            others[0] if len(others) == 1 else next((a for a in others if a.role == "control"), None)))
        own = dict(context, timepoint=columns[column].timepoint or context["timepoint"])
        if adjusted and not parsed["adjusted"]:
            parsed["adjusted"] = "yes"      # "Adjusted OR", "aOR [95% CI]": the row says so for its cells
        out.append(_effect_row(own, parsed["measure"] or measure, parsed, arm, comparator, "",
                               int(row[column]["start"]) - start))
    return out


def _reference_cell_among(row: dict, arm_columns: dict) -> bool:
    """Whether one of the row's arm cells prints the reference of a comparison ("REF", "1 (ref)", "Reference") and
    another a figure: a row of effects against that arm."""
    filled = [_clean(scan_view(row[c]["text"])) for c in arm_columns if row.get(c) is not None and _clean(row[c]["text"])]
    return any(re.search(r"[A-Za-z]", t) and _REFERENCE_CELL.fullmatch(t) for t in filled) and \
        any(re.match(r"\s*[-\u2212]?\d", t) for t in filled)


def _arm_against(words: str | None, arm_columns: dict[int, Arm], study: Study | None) -> Arm | None:
    """The arm of the table's columns that the words after "Difference vs." name: the study model's arm they
    resolve to, else the one control arm when they name a control ("control", "usual care"), else the one arm
    whose name holds them; None when no column's arm is named."""
    if not words:
        return None
    arms = list({id(a): a for a in arm_columns.values()}.values())
    named = study.resolve_column(words) if study is not None else None
    if named is not None and any(named is a for a in arms):
        return named
    if control_canonical(words):
        controls = [a for a in arms if a.role == "control"]
        if len(controls) == 1:
            return controls[0]
    held = arm_by_words(words, [a.name for a in arms])
    return arms[held] if held is not None else None


_BRACKETED_PAIR = re.compile(r"\s*[(\[]\s*-?\d+(?:\.\d+)?\s*(?:-|\u2013|to|,|;|/)\s*-?\d+(?:\.\d+)?\s*[)\]]\s*")


def _spreads_below(row: dict, below: dict, arm_columns: list[int]) -> bool:
    """Whether the row under `row` holds only the bracketed spreads ("(104-119)") of its arm cells' bare values, in the
    same arm columns."""
    values = {c: _clean(row[c]["text"]) for c in arm_columns if row.get(c) is not None and _clean(row[c]["text"])}
    spreads = {c: _clean(scan_view(below[c]["text"])) for c in arm_columns
               if below.get(c) is not None and _clean(below[c]["text"])}
    return len(values) >= 2 and set(values) == set(spreads) and \
        all(re.fullmatch(r"-?\d+(?:\.\d+)?", v) for v in values.values()) and \
        all(_BRACKETED_PAIR.fullmatch(v) for v in spreads.values())


def _sex_word(word: str) -> str:
    return "female" if word.lower().startswith(("f", "w")) else "male"


def _footnotes(text: str, table: dict) -> str:
    """The lines ingestion writes under a grid's last row (its footnotes), inside the table's span."""
    ends = [int(c["end"]) for c in table.get("cells") or []]
    if not ends:
        return ""
    return text[max(ends):int(table.get("end", 0))]


# "Group TU (n = 12): U/L TKR patients received TAX": a group of a stratified or factorial design, defined by who
# its patients are and what they received
_CODED_GROUP = re.compile(r"\b[Gg]roups?\s+(?P<code>[A-Z][A-Z0-9]{0,3})\s*(?:\(\s*[nN]\s*=\s*(?P<n>\d+)\s*\))?\s*[:\-\u2013]\s*"
                          r"(?P<who>[^:\n.;]{2,80}?)\s+(?:received|were\s+given|receiving|given|treated\s+with|got)\s+"
                          r"(?P<what>[^\n.;:]{1,60}?)(?=\s*(?:\n|[.;]|\b[Gg]roup\s+[A-Z]|$))")
_WHO_FILLER = {"patients", "participants", "subjects", "who", "with", "the", "and", "undergoing", "had"}


def _column_words_above(by_row: dict, ordered: list[int], i: int, column: int) -> str:
    """The words a column prints on the nearest row above row `ordered[i]` whose cell there is words, not figures (a
    block's "Mean Score (% Improvement from Baseline) (N)" over its "Baseline | Week 16" rows); "" when none does."""
    for k in range(i - 1, -1, -1):
        cell = by_row[ordered[k]].get(column)
        words = _clean(cell["text"]) if cell is not None else ""
        if re.search(r"[A-Za-z]{3}", words):
            return words
    return ""


def _coded_groups(text: str, study: Study | None) -> dict[str, tuple[Arm, str]]:
    """{code: (arm, stratum)} of a design whose groups are strata x arms, each defined once in the methods: the
    arm is what the group received (an abbreviation the document defines is read as its name; the one treatment no
    arm of the study names is the study's remaining arm, when the groups' sizes add up to it), the stratum is the
    words of who they are that the groups do not share ("U/L TKR patients" -> "unilateral"). Empty unless at
    least two strata and two arms cross."""
    if study is None or "roup" not in text:
        return {}
    scan = scan_view(text)
    found = {}
    for m in _CODED_GROUP.finditer(scan):
        found.setdefault(m.group("code"), (m.group("who").strip(), m.group("what").strip(), int(m.group("n") or 0)))
    if len(found) < 4:
        return {}
    names = document_abbreviations(scan)

    def expand(words: str) -> str:
        return " ".join(names.get(w, w) for w in words.split())

    local: dict[str, Arm] = {}
    resolved: dict[str, Arm | None] = {}
    for code, (_, what, _) in found.items():
        long = expand(what)
        arm = study.resolve(long) or study.resolve(what)
        if arm is None and long != what:
            key = arm_key(long)[0]
            arm = local.setdefault(key, Arm(arm_id="", name=long, canonical=key, n=None, role="experimental",
                                            start=0, end=0, source="table", aliases={key, what.lower()}))
        resolved[code] = arm
    missing = {found[c][1] for c, a in resolved.items() if a is None}
    used = {id(a) for a in resolved.values() if a is not None}
    rest = [a for a in study.arms if id(a) not in used and a.canonical not in {x.canonical for x in resolved.values() if x}]
    if len(missing) == 1:
        size = sum(n for c, (_, what, n) in found.items() if resolved[c] is None)
        sized = [a for a in rest if a.n == size] or (rest if len(rest) == 1 else [])
        if len(sized) != 1:
            return {}
        for c in resolved:
            resolved[c] = resolved[c] or sized[0]
    if any(a is None for a in resolved.values()) or len({id(a) for a in resolved.values()}) < 2:
        return {}
    who_words = {c: [w for w in expand(who).split() if w.lower() not in _WHO_FILLER] for c, (who, _, _) in found.items()}
    shared = set.intersection(*(set(w) for w in who_words.values()))
    strata = {c: " ".join(w for w in words if w not in shared) for c, words in who_words.items()}
    if len(set(strata.values())) < 2 or not all(strata.values()):
        return {}
    return {c: (resolved[c], strata[c]) for c in found}


def _coded_size(text: str, code: str) -> int | None:
    m = re.search(r"\b[Gg]roups?\s+" + re.escape(code) + r"\s*\(\s*[nN]\s*=\s*(\d+)", scan_view(text))
    return int(m.group(1)) if m else None


_STRATUM_JOIN = re.compile(r"\s*[,/:\u2013\u2014]\s*|\s+-\s+")
# a spanning header that only says "these are the groups": no stratum
_GENERIC_SPAN = re.compile(r"\s*(?:(?:study|treatment|randomi[sz]ed|trial)\s+)?(?:groups?|arms?|treatments?|interventions?)\s*",
                           re.I)


# "Pre", "Post", "Initial", "Final", "Change", "Visit 2", "T1": sub-columns of an arm that say when, not what
_TIME_WORD = re.compile(r"(?i)\s*(?:pre|post|before|after|baseline|initial|final|end|change|difference|follow[- ]?up|"
                        r"visit|t\d|time|day|week|month|year|hour|min)")


def header_says_how_or_when(text: str) -> bool:
    """Whether a sub-column's header says how its figures are printed or when they were measured (a format, a spread, a
    statistic, a time, a p-value, an interval, an effect) rather than what part of an arm's patients it holds."""
    return bool(_FORMAT_ONLY.fullmatch(text) or _SPREAD_HEADER.fullmatch(text) or _TIME_WORD.match(text) or
                SPANNING_STATISTIC.fullmatch(text) or _when(text) or label_format(text) or _P_HEADER.search(text)
                or _CI_HEADER.fullmatch(text) or any(p.search(text) for _, p in _EFFECT_HEADERS))


def _of_row_totals(cells: list[dict], heads: set[int],
                   categories_of: dict[int, tuple[Arm, str]]) -> tuple[list[dict], set[int]]:
    """The cells of a cross-table, an arm's category columns closed by a "Total" column ("<1000 | 1000-9999 | Total"
    under each arm, a stratum per row), each bare count written over its row's total ("148" of a row totalling 180:
    "148/180", table_sizes.row_totals_of_categories) and the "Total" columns' cells left out (each row's denominator,
    no category), with the category columns so counted (their time is the columns', not the rows' strata); any other
    table's cells unchanged, and no column."""
    spans: dict[int, list[int]] = {}
    for col, (arm, _) in sorted(categories_of.items()):
        spans.setdefault(id(arm), []).append(col)
    totals = {col for col, (_, category) in categories_of.items() if TOTAL_LABEL.fullmatch(category)}
    if not totals:
        return cells, set()
    by_row: dict[int, dict[int, str]] = {}
    for c in cells:
        if int(c["row"]) not in heads:
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = _clean(c.get("text"))
    over = {r: row_totals_of_categories(row, {c: v[1] for c, v in categories_of.items()}, list(spans.values()))
            for r, row in by_row.items()}
    if not any(over.values()):
        return cells, set()
    return ([dict(c, text=f"{_clean(c.get('text'))}/{over[int(c['row'])][int(c['col'])]}")
             if int(c["row"]) in over and int(c["col"]) in over[int(c["row"])] else c
             for c in cells if int(c["row"]) in heads or int(c["col"]) not in totals],
            {col for counted in over.values() for col in counted})


def _sub_columns(columns: dict[int, "_Column"], study: Study | None, local: dict[str, Arm]) -> dict[int, tuple[Arm, str]]:
    """{column: (arm, category)} for an arm's columns split into categories of the row's characteristic
    ("Treatment group" over "<2 days | 2-5 days | >5 days"): two or more columns under one arm's name, each below
    it naming a different category that is no arm, no format, no spread and no time."""
    found: dict[int, tuple[Arm, str]] = {}
    by_arm: dict[int, list[int]] = {}
    for column in columns.values():
        if column.col == 0 or len(column.parts) < 2:
            continue
        below = _clean(column.parts[-1])
        # (a bare number under an arm, "Usual care (n = 30)" over "1 | 2", numbers its visits, never a category)
        if not below or header_says_how_or_when(below) or re.fullmatch(r"\d{1,2}", below) \
                or arm_key(below) == ("", arm_key(below)[1]) and arm_key(below)[1]:
            continue    # ("5 mg/day | 15 mg/day" under a drug: its doses' arms, `dose_split_columns`)
        # (the arm's level the nearest above the categories: "Baseline (n)" over "IG" over "NP | MP | SP" - the time
        # and the cells' format above the arm; else the top level: "ABC" over "Week 96 VL, copies/mL" over "<1000 |
        # 1000-9999" - what the categories measure between the arm and them)
        arm = next((a for a in (_column_arm(_clean(p), study, local) if is_arm_header(_clean(p)) else None
                                for p in dict.fromkeys((column.parts[-2], column.parts[0]))) if a is not None), None)
        if arm is None or (study is not None and study.resolve(below) is not None):
            continue
        found[column.col] = (arm, below)
        by_arm.setdefault((id(arm), column.timepoint, column.baseline, column.parts[:-2]), []).append(column.col)
    keep = {c for cols in by_arm.values() if len(cols) >= 2 and len({found[c][1] for c in cols}) == len(cols) for c in cols}
    return {c: v for c, v in found.items() if c in keep}


def _category_groups(categories_of: dict[int, tuple[Arm, str]], columns: dict[int, "_Column"]) -> list[list[int]]:
    """The columns of each arm's categories at one time and under one spanning header (`_sub_columns`): "NP | MP |
    SP" under "IG" under "Baseline", the same three under "IG" under "25 weeks" another group."""
    groups: dict[tuple, list[int]] = {}
    for col, (arm, _) in sorted(categories_of.items()):
        column = columns.get(col)
        key = (id(arm), column.timepoint, column.baseline, column.parts[:-2]) if column is not None else (id(arm),)
        groups.setdefault(key, []).append(col)
    return [cols for cols in groups.values() if len(cols) >= 2]


def _rows_counted_across(by_row: dict[int, dict[int, dict]], groups: list[list[int]], sizes: dict) -> set[int]:
    """Rows whose bare whole numbers in every group of an arm's category columns add up to that arm's size ("PSQ | 0
    | 12 | 31 | 2 | 13 | 26" under "NP | MP | SP" of arms of 43 and 41): each cell counts the arm's patients in its
    category, the columns' sum the row's own check (the rows' sum checks categories printed as rows, `_counted_rows`)."""
    out = set()
    for r, row in by_row.items():
        checked = 0
        for cols in groups:
            texts = [_clean(row[c]["text"]) if row.get(c) is not None else "" for c in cols]
            n = sizes.get(cols[0])
            if not n or any(sizes.get(c) != n for c in cols) or not all(re.fullmatch(r"\d{1,6}", t) for t in texts):
                break
            if sum(int(t) for t in texts) != n:
                break
            checked += 1
        else:
            if checked:
                out.add(r)
    return out


# what only an arm's name holds: a combination ("+ oral indomethacin", "X plus"), a control, a footnote digit left
# alone ("1"): the rest of a wrapped arm header, never a stratum of patients
_PART_OF_AN_ARM = re.compile(r"(?:^|\s)(?:\+|&)(?:\s|$)|^\s*\+|\+\s*$|\b(?:plus|placebo|sham|vehicle|controls?|"
                             r"alone|only|combined|combination)\b|^\s*[\d*\u2020\u2021\u00a7]+\s*$|\s\d\s*$", re.I)


def _column_strata(columns: dict[int, "_Column"], arm_columns: dict[int, Arm], study: Study | None) -> dict[int, str]:
    """The stratum of each arm column printed once per stratum: "Men" and "Women" spanning "X | Placebo" twice, or
    "Unilateral, X" next to "Bilateral, X" (the words that tell apart two columns of one arm and name no arm)."""
    by_arm: dict[int, list[int]] = {}
    for col, arm in arm_columns.items():
        by_arm.setdefault(id(arm), []).append(col)
    out: dict[int, str] = {}
    for cols in by_arm.values():
        if len(cols) < 2:
            continue
        keyed = [(columns[c].timepoint, columns[c].baseline) for c in cols]
        if len(set(keyed)) == len(keyed):
            continue        # one column per timepoint: no strata
        parts = {c: [p for p in columns[c].parts if not _FORMAT_ONLY.fullmatch(p)] for c in cols}
        shared = set.intersection(*(set(v) for v in parts.values()))
        arm = arm_columns[cols[0]]
        known = set(re.findall(r"[a-z0-9]+", f"{arm.name} {arm.canonical} {' '.join(arm.aliases)}".lower()))
        for c in cols:
            own = [p for p in parts[c] if p not in shared]
            # a spanning text over the arm ("Men" over "X"), else the words beside the arm's name in its own header
            # ("Unilateral, X"); a header naming no word of the arm (matched by its size only) gives none
            above = [p for p in own[:-1]] if len(parts[c]) > 1 else []
            arm_part = parts[c][-1] if parts[c] else ""
            if not above and not (set(re.findall(r"[a-z0-9]+", arm_part.lower())) & known):
                continue
            words = [w for w in re.findall(r"[^\s,;:/()]+", split_size(" ".join(above or own))[0])
                     if w.lower() not in known and w.lower() not in ("group", "arm", "and", "n")]
            label = " ".join(words).strip(" ,;:-")
            if label and (_header_when(label)[0] is not None or names_a_period(label)):
                continue        # "Pre" / "Post", "3rd month", "T1" beside the arm's name: when, never a part of the patients
            if label and not _GENERIC_SPAN.fullmatch(label) and not _PART_OF_AN_ARM.search(label) \
                    and not find_drugs(label) and (study is None or study.resolve(label) is None):
                out[c] = label
        if len({out.get(c, "") for c in cols}) < len(cols) or not all(out.get(c) for c in cols):
            for c in cols:      # strata must tell every column of the arm apart
                out.pop(c, None)
    return out


def _whole_size(by_row: dict, whole_columns: dict[int, int | None], arm_columns: dict[int, Arm],
                column_sizes: dict[int, int | None]) -> int | None:
    """The whole population's N: the total column's header, else the sum of the arm columns' sizes, else the N its
    "n (%)" cells agree on ("48 (51.6)", "25 (26.9)": 93)."""
    if not whole_columns:
        return None
    printed = [n for n in whole_columns.values() if n]
    if printed:
        return printed[0]
    sizes = [column_sizes.get(c) for c in arm_columns]
    if sizes and all(sizes) and len(set(map(id, arm_columns.values()))) == len(sizes):
        return sum(sizes)
    votes: dict[int, int] = {}
    for row in by_row.values():
        for col in whole_columns:
            cell = row.get(col)
            m = re.fullmatch(r"\s*(\d+)\s*\(\s*(\d+(?:\.\d+)?)\s*%?\s*\)\s*", _clean(cell["text"])) if cell else None
            if m and 5 <= float(m.group(2)) <= 100 and int(m.group(1)) > 0:
                n = round(100 * int(m.group(1)) / float(m.group(2)))
                votes[n] = votes.get(n, 0) + 1
    if not votes:
        return None
    best = max(votes, key=lambda n: (votes[n], -n))
    return best if votes[best] >= 2 else None


def _printed_counts(tables: list) -> frozenset:
    """The whole numbers the tables print as counts ("37", "38 (40.9)"): the sizes of subgroups a percentage may
    be of."""
    found = set()
    for table in tables:
        for cell in table.get("cells") or [] if isinstance(table, dict) else []:
            m = _LEADING_COUNT.match(str(cell.get("text") or ""))
            if m:
                found.add(int(m.group(1)))
    return frozenset(found)


_LEADING_COUNT = re.compile(r"\s*(\d{1,6})(?:\s*[(\[][^()\[\]]*[)\]])?\s*$")


def _check_denominator(parsed: dict, n: int | None, whole: int | None, other_arms: list[int],
                       printed_counts: frozenset = frozenset(), at_visit: bool = False) -> None:
    """An arm's "n (%)" whose percentage is not of the arm's N: of all patients or of the other arm (the count
    stays over its arm, flagged); else of fewer patients than the arm: of a group the tables print the size of
    ("Drug use by the end of trial | 38 | 37"; that total, flagged), of the patients seen at a later visit whose n
    the table does not print (`at_visit`: "8 Weeks | PG | 216 (56.3)" of the 384 its share gives, flagged), or of
    patients whose answers are missing without explanation (the count stays over the arm's N, flagged). A total the
    cell prints ("614/1754 (35%)") is kept."""
    events, pct_text = parsed.get("events"), parsed.get("pct_text")
    if parsed.get("measure") != "PROPORTION" or events is None or pct_text is None:
        return
    if parsed.get("total") not in (None, n):
        return
    pct = parse_number(pct_text)
    if pct is None or pct <= 0:
        return

    def agrees(total):
        return share_agrees(events, total, pct_text)

    if n and agrees(n):
        return
    for other, why in [(whole, "all patients"), *[(o, "another arm") for o in other_arms]]:
        if other and agrees(other):
            if not n and why == "another arm":
                return      # a column of unknown size: its share stands as printed, nothing to correct
            parsed["total"] = n
            parsed["value"] = events / n if n else None
            parsed["needs_review"] = f"printed {pct_text}% is of {other} ({why}), not of the arm" + (f" ({n})" if n else "")
            return
    implied = round(100 * events / pct)
    if n and at_visit and implied < n and agrees(implied) and "." in pct_text:
        # a visit after the start counts those seen then: the share, printed with its decimals, says how many (a
        # whole-number share fits too many totals to tell one)
        parsed["total"], parsed["value"] = implied, events / implied
        parsed["flags"] = list(parsed.get("flags", [])) + ["total_from_percentage"]
        parsed["needs_review"] = f"printed {pct_text}% is of {implied} (seen at the visit), not of the arm's {n}"
    elif n and implied < n and agrees(implied) and implied in printed_counts:
        # (however close the arm's share: "2 (5.26)" of 46 is 2 of the 38 the tables print, not a rounding)
        parsed["total"], parsed["value"] = implied, events / implied
        parsed["flags"] = list(parsed.get("flags", [])) + ["total_from_percentage"]
        parsed["needs_review"] = f"printed {pct_text}% is of {implied}, not of the arm's {n}"
    elif n and implied < n and agrees(implied) and abs(100 * events / n - pct) > 1.0:
        # the count stays over the column's N, as printed; the reviewer is told the percentage is of fewer
        parsed["total"], parsed["value"] = n, events / n
        parsed["flags"] = list(parsed.get("flags", [])) + [PERCENTAGE_OF_FEWER]
        parsed["needs_review"] = f"printed {pct_text}% is of {implied}, not of the arm's {n} (missing data?)"


# a sub-header over the column beside an arm's means: "SD", "± SD", "SE", "SEM", "s.d.", "Standard deviation"
_SPREAD_HEADER = re.compile(r"\s*(?:\u00b1\s*)?(?:(?P<sd>SD|s\.\s*d\.?|standard\s+deviation)|"
                            r"(?P<se>SEM?|s\.\s*e\.?(?:\s*m\.?)?|standard\s+error(?:\s+of\s+(?:the\s+)?mean)?))\s*", re.I)


def _completes_the_arm(events: int, size: int, column: int, beside: list[dict[int, dict]]) -> bool:
    """Whether a count and the count of a row beside it in the same column make up the arm ("Male | 34 (82.5)" over
    "Female | 6 (17.5)" of 40): two categories of the whole arm, whatever their misprinted shares say."""
    for row in beside:
        cell = row.get(column)
        found = re.match(r"\s*(\d{1,6})\b", _clean(cell["text"])) if cell is not None else None
        if found is not None and events + int(found.group(1)) == size:
            return True
    return False


# "55.1 (185)", "83.6* (281)": a percentage with its decimals, then a whole count in brackets
_DECIMAL_SHARE_FIRST = re.compile(r"\s*\d{1,3}\.\d+\s*[*\u2020\u2021]*\s*%?\s*[(\[]\s*\d+\s*[)\]]\s*")


def _size_from_percentages(by_row: dict[int, dict[int, dict]], column: int, hint: str,
                           unanimous: bool = False) -> int | None:
    """The size of an arm column no header, size row or study model gives: the one total its "n (%)" cells agree
    on ("32 (80.0)" and "8 (20.0)" are of 40), when at least two cells imply it without doubt and none implies
    another; else None."""
    implied: list[int] = []
    for row in by_row.values():
        cell = row.get(column)
        parsed = parse_arm_cell(_clean(scan_view(cell["text"])), hint, None) if cell and _clean(cell["text"]) else None
        if parsed is None or parsed.get("measure") != "PROPORTION" or parsed.get("total") is not None:
            continue
        events, pct_text = parsed.get("events"), parsed.get("pct_text")
        pct = parse_number(pct_text) if pct_text is not None else None
        if not events or not pct or pct > 100:
            continue
        total = round(100 * events / pct)
        if share_agrees(events, total, pct_text) and not share_agrees(events, total - 1, pct_text) \
                and not share_agrees(events, total + 1, pct_text):
            implied.append(total)
    if len(implied) >= 2 and len(set(implied)) == 1:
        return implied[0]
    if unanimous:
        return None
    # a share of fewer patients (a characteristic missing for some: "49 (41.2 %)" and "70 (58.8 %)" of 119 beside cells
    # of 120) does not unsize the arm: its size is the largest total two cells or more imply, no share being of more
    # patients than the arm has
    supported = [total for total in set(implied) if implied.count(total) >= 2]
    return max(supported) if supported and 2 * sum(implied.count(t) for t in supported) > len(implied) else None


def table_hint_of(table: dict, text: str, columns: dict) -> str:
    """The format the table's caption, footnote or label header names for its cells."""
    return table_format(str(table.get("caption") or ""), _table_wide_footnotes(text, table),
                        columns[0].header if 0 in columns else "")


def _table_wide_footnotes(text: str, table: dict) -> str:
    """The footnotes that speak for the whole table: not one opening with a mark only row labels carry
    (declared_formats.table_wide_notes), nor one whose mark only body figures carry when the unmarked notes declare
    the table's format themselves ("9 (20.0)^a" under "a Number of patients (%)" beside "Data are expressed as least
    squares mean (standard error)": the marked note speaks for the marked cells; a lone marked "a All data are
    expressed as mean ± S.E." is the table's one declaration, whichever cell carries its mark)."""
    cells = table.get("cells") or []
    footnotes = _footnotes(text, table)
    labels = [str(c["text"]) for c in cells if c["col"] == 0 and not c.get("header")]
    heads = [str(table.get("caption") or "")] + [str(c["text"]) for c in cells if c.get("header")]
    wide = table_wide_notes(footnotes, labels, heads, _carried_marks(table, col=0, header=False),
                            _carried_marks(table, header=True))
    narrowed = table_wide_notes(footnotes, labels, heads, _carried_marks(table, header=False),
                                _carried_marks(table, header=True))
    return narrowed if narrowed != wide and caption_format(narrowed) else wide


def _header_texts(table: dict, col: int) -> list[str]:
    """The texts of a column's header cells, every level (a spanning statistic the column reader takes apart too)."""
    return [str(c["text"]) for c in table.get("cells") or [] if c.get("header") and int(c["col"]) == col]


def _carried_marks(table: dict, col: int | None = None, header: bool | None = None) -> tuple[str, ...]:
    """The footnote marks the table's markup cells carry apart from their text (ingestion's cell "marks"), of one
    column and of its header or body cells when asked."""
    return tuple(dict.fromkeys(m for c in table.get("cells") or [] for m in c.get("marks") or ()
                               if (col is None or int(c["col"]) == col) and (header is None or bool(c.get("header")) == header)))


def table_formats_of(table: dict, text: str, columns: dict) -> tuple[str, ...]:
    """Every format the table's caption, footnotes and label header declare, then the document's statistics
    paragraph's (declared_formats.table_declared_formats): the choices a cell no single format governs reads by."""
    return table_declared_formats(str(table.get("caption") or ""), _table_wide_footnotes(text, table),
                                  columns[0].header if 0 in columns else "", text)


def _count_share_pairs(by_row: dict[int, dict[int, dict]], column: int) -> list[tuple[int, str]]:
    """(count, share as printed) of each "n (%)" cell of an arm column that prints no total of its own."""
    pairs = []
    for row in by_row.values():
        cell = row.get(column)
        parsed = parse_arm_cell(_clean(scan_view(cell["text"])), "n_pct", None) if cell and _clean(cell["text"]) else None
        if parsed is not None and parsed.get("measure") == "PROPORTION" and parsed.get("total") is None \
                and parsed.get("events") is not None and parsed.get("pct_text") is not None:
            pairs.append((int(parsed["events"]), parsed["pct_text"]))
    return pairs


def _shares_fit(by_row: dict[int, dict[int, dict]], column: int, size: int, hint: str) -> bool:
    """Whether every "n (%)" cell of the column (two at least) prints the share its count is of `size`."""
    checked = 0
    for row in by_row.values():
        cell = row.get(column)
        parsed = parse_arm_cell(_clean(scan_view(cell["text"])), hint, None) if cell and _clean(cell["text"]) else None
        if parsed is None or parsed.get("measure") != "PROPORTION" or parsed.get("total") is not None:
            continue
        if parsed.get("events") is None or parsed.get("pct_text") is None:
            continue
        if parsed["events"] > size or not share_agrees(parsed["events"], size, parsed["pct_text"]):
            return False
        checked += 1
    return checked >= 2


def _categories_of_fewer(out: list[dict], groups: dict[tuple, list[tuple[int, dict]]]) -> None:
    """Categories under one heading ("n0", "n+" under "Lymph-node metastasis, n (%)") whose counts add up to fewer
    than the arm's N and whose percentages are of that sum: the sum explains the missing data and is their
    denominator, flagged (a lone cell whose percentage implies fewer patients keeps the arm's N: `_check_denominator`)."""
    for members in groups.values():
        if len(members) < 2:
            continue
        n = members[0][1].get("total")
        summed = exhaustive_sum([(int(p["events"]), p["pct_text"]) for _, p in members])
        if not n or not summed or summed >= n:
            continue
        if all(share_agrees(int(p["events"]), n, p["pct_text"]) for _, p in members):
            continue
        for index, parsed in members:
            row = out[index]
            if row.get("total") != n and "total_from_percentage" not in row["flags"].split(";"):
                continue        # (a total the row declares stays; one a lone share implied yields to its block's sum)
            _retotalled(row, int(parsed["events"]), summed,
                        f"printed percentages are of {summed} (the categories' sum), not of the arm's {n}")


def _shares_of_block_sizes(out: list[dict], categories: dict[tuple, list[tuple[int, dict]]],
                           shares_by_column: dict[int, list[tuple[int, dict]]], column_sizes: dict) -> None:
    """Counts whose printed share is not of the arm's size but of the number the table's own category blocks add up
    to in that column ("Secured warm clothing | 604 (79.7)", a multiple-response row, of the 758 that "Age" and
    "Ethnicity" divide, in an arm the text sized 893 at enrolment): that number is their total, flagged
    (denominators.fitting_size)."""
    block_sums: dict[int, set[int]] = {}
    in_blocks: set[int] = set()     # the rows of exhaustive blocks: their own sum decides (_categories_of_fewer)
    for (_, column), members in categories.items():
        summed = exhaustive_sum([(int(p["events"]), p["pct_text"]) for _, p in members])
        if summed:
            block_sums.setdefault(column, set()).add(summed)
            in_blocks.update(index for index, _ in members)
    for column, cells in shares_by_column.items():
        n = column_sizes.get(column)
        for index, parsed in cells:
            row = out[index]
            if not n or row.get("total") != n or index in in_blocks and share_agrees(
                    int(parsed["events"]), n, parsed["pct_text"], truncated=True):
                continue        # (a block's row within a point of the arm's n: its block's test kept the n)
            size = fitting_size(int(parsed["events"]), parsed["pct_text"], n, block_sums.get(column, ()))
            if size is None:
                continue
            _retotalled(row, int(parsed["events"]), size, f"printed {parsed['pct_text']}% is of {size} (the size the "
                        f"table's categories add up to), not of the arm's {n}")


def _names_the_arm(words: str, arm: Arm, study: Study | None) -> bool:
    """Whether a note's words for an arm ("placebo", "acupuncture") name this arm of the table."""
    if study is not None and study.resolve(f"{words} group") is arm:
        return True
    # one of the arm's own names (the text's allocation may have named the arm again apart from the table's column),
    # spaces aside: a header broken over two lines, "Fulvestrant" over "500 mg", names "fulvestrant500 mg"
    spaced = lambda name: re.sub(r"\s+", "", str(name).lower())     # noqa: E731
    return spaced(words) in {spaced(n) for n in (arm.name, arm.canonical, *arm.aliases)}


def _retotalled(row: dict, events: int, total: int, why: str) -> None:
    """A count's row given the total its printed share is of, flagged `total_from_percentage` (replacing an earlier
    denominator flag) with the reason for the reviewer."""
    row.update(total=total, value=_tidy(events / total))
    kept = [x for x in row["flags"].split(";") if x and x not in (PERCENTAGE_OF_FEWER, "total_from_percentage")]
    row["flags"] = ";".join(kept + ["total_from_percentage"])
    row["needs_review"] = why


_ALL_PATIENTS = Arm(arm_id="", name="all patients", canonical="all patients", n=None, role="", start=0, end=0,
                    source="table")


# ------------------------------------------------------------------------------------------- tables of factors
def _outcome_split_columns(columns: dict[int, "_Column"], study: Study | None) -> set[int]:
    """The columns of a table whose groups are patients with and without an outcome or a trait (risk factors,
    responders against non-responders, cases against controls), when no column names an arm of the study and the
    split is not a treatment against its absence ("Morphine | No morphine" are arms): an empty set otherwise."""
    # (an effect column is no group: "Unadjusted OR | Adjusted OR" are two estimates, not patients with and without)
    headers = {c.col: c.header for c in columns.values() if c.col and c.header and not _P_HEADER.search(c.header)
               and not any(p.search(c.header) for _, p in _EFFECT_HEADERS[:-1])}
    found = {c for c, what in outcome_split(headers).items()
             if study is None or what == "" or study.resolve_column(what) is None}
    if not found or study is None:
        return found
    by_role = {c: _grouped_role_arm(columns[c], study) or study.resolve_column(headers[c]) for c in found}
    if all(by_role.values()) and len({id(a) for a in by_role.values()}) >= 2:
        # "Treated | Untreated", "Case group | Control group": the study's arms named by role, or resolved by the
        # study model ("Case group (n = 20)" by its size)
        return set()
    if any(study.resolve_column(headers[c]) is not None for c in headers if c not in found):
        return set()        # arms beside the split ("Drug | Placebo" then "Relapse | No relapse"): read the arms
    return found


def _own_header(column: "_Column") -> str:
    """A column's own name, its lowest header level ("Pretraining" under "Drug X"); a size printed on a level of its
    own ("Twice weekly" over "(n = 111)") keeps the name above it."""
    if not column.parts:
        return column.header
    own = _clean(column.parts[-1])
    if len(column.parts) > 1 and split_size(own)[1] is not None and not split_size(own)[0]:
        return f"{_clean(column.parts[-2])} {own}"
    return own


def _grouped_role_arm(column: "_Column", study: Study | None) -> Arm | None:
    """The study's arm a column names by its role (`role_arm`); under a span saying the columns are the groups
    ("Groups" over "Control | Case"), a bare "Case" is the case group, the trial's treated arm, not patients with an
    outcome."""
    return role_arm(column.header, study) or \
        (role_arm(f"{split_size(column.header)[0]} group", study) if column.grouped else None)


def _factor_effects(doc_id: str, text: str, table: dict, columns: dict[int, "_Column"], heads: set[int],
                    split_columns: set[int], source_file: str, condition: str) -> list[dict]:
    """The ratios of a table of risk factors split by an outcome ("Obesity, n (%) | 9 (60.0) | 51 (35.2) | 2.8
    (1.0-7.9) | 0.05" under "Infection | No infection | OR (95% CI) | P"): one prognostic row per effect cell, the
    row's factor against its absence, of the outcome the columns split by; univariate (crude) or multivariable
    (adjusted) as the header or caption says."""
    effect_columns = {c.col: next(m for m, pat in _EFFECT_HEADERS if pat.search(c.header)) for c in columns.values()
                      if c.col and c.col not in split_columns and any(pat.search(c.header) for _, pat in _EFFECT_HEADERS[:-1])}
    if not effect_columns:
        return []
    what = next((w for w in outcome_split({c: columns[c].header for c in split_columns}).values() if w), "")
    caption = str(table.get("caption") or "")
    p_columns = [c.col for c in columns.values() if c.col and _P_HEADER.search(c.header) and c.col not in effect_columns]
    by_row: dict[int, dict[int, dict]] = {}
    for c in table.get("cells") or []:
        if int(c["row"]) not in heads:
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    bounds = _row_bounds(by_row)
    out: list[dict] = []
    for r in sorted(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        factor = _outcome_and_timepoint(label)[0] if label else ""
        if not factor:
            continue
        start, end = _row_span(text, table, bounds, r)
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=what, timepoint="",
                       evidence=text[start:end], start=start, end=end, subgroup="", role="prognostic")
        p_value, p_text = _row_p(row, p_columns)
        for column, measure in sorted(effect_columns.items()):
            cell = row.get(column)
            parsed = parse_effect_cell(_clean(scan_view(cell["text"]))) if cell is not None and _clean(cell["text"]) else None
            if parsed is None or measure == "DIFF" and not parsed["measure"]:
                continue
            said = f"{columns[column].header} {caption}"
            if not parsed["adjusted"]:
                parsed["adjusted"] = "yes" if re.search(r"\b(?:adjusted|multivariat\w*|multivariable)\b", said, re.I) \
                    else "no" if re.search(r"\b(?:unadjusted|crude|univariat\w*|univariable)\b", said, re.I) else ""
            if parsed["p_value"] is None and parsed["p_text"] is None:
                parsed["p_value"], parsed["p_text"] = p_value, p_text
            sides = [Arm(arm_id="", name=x, canonical=x.lower(), n=None, role="", start=0, end=0, source="table")
                     for x in (factor, reference_of(factor))]
            out.append(_effect_row(context, parsed["measure"] or measure, parsed, sides[0], sides[1], "",
                                   int(cell["start"]) - start))
    return out


def split_by_outcome(table: dict, study: Study | None) -> bool:
    """Whether a table's columns are patients with and without an outcome or a trait (no arm of the study)."""
    return bool(_outcome_split_columns(_columns(table, header_rows(table)), study))


# ------------------------------------------------------------------------------------------- layout
@dataclass
class _Column:
    col: int
    header: str          # the column's own header: its texts over the header rows, a spanning timepoint left out
    timepoint: str       # "week 24" from a header spanning several columns ("Week 24 | Week 52" above the arms)
    baseline: bool       # under a spanning "Baseline" header
    parts: tuple = ()    # the header's texts row by row ("Men", "Rituximab (n = 30)")
    hint: str = ""       # the format a header over the arm says its cells have ("Mean % change from baseline": mean)
    grouped: bool = False    # under a header saying the columns are the groups ("Groups", "Group n (%)")


# a header that only says how the cells below it are printed ("n", "%", "n (%)", "mean ± SD")
_FORMAT_ONLY = re.compile(r"\s*(?:n|no\.?|%|numbers?|percent(?:age)?s?|counts?|frequenc(?:y|ies)|(?:n|no\.?)\s*[(\[]\s*%\s*[)\]]|n\s*/\s*N(?:\s*[(\[]\s*%\s*[)\]])?|"
                          r"mean\s*(?:[(\[]\s*(?:SDM?|SEM?)\s*[)\]]|±\s*(?:SDM?|SEM?))|median\s*[(\[]\s*(?:IQR|range)\s*[)\]])\s*",
                          re.I)
# a column header naming a dose only ("25 mg (N = 79)"): a dose arm of the trial's one drug
_DOSE_ONLY = re.compile(r"\d+(?:\.\d+)?\s*(?:mg|g|µg|μg|mcg|ng|IU|U|units?|mL|ml)(?:\s*/\s*(?:kg|m2|m²|day|d|dose))?", re.I)


_START_WORDS = TREATMENT_START_WORDS


def _ordinal(number: str) -> str:
    n = int(number)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _when(text: str) -> tuple[str, bool] | None:
    """(timepoint, is baseline) of a header cell or row label that only says when, else None: "Week 24" ->
    ("week 24", False); "Baseline" -> ("", True); "Before treatment", "Pre-op" -> ("before treatment", True),
    ("pre-op", True); "After treatment", "10 min", "3rd month" -> (as printed, False); a time glossed in
    brackets, "Day 0 (before surgery)", as printed (timepoints.glossed_time)."""
    glossed = glossed_time(text, _when)
    if glossed is not None:
        return glossed
    bare = re.fullmatch(r"(?i)\s*(?:(pre|post)(?:[- ]?(?:treatment|intervention|test))?|(before|after))\s*[.:]?\s*", text)
    if bare is not None:
        # "Pre | Post" under an arm, "Before" / "After" rows under an outcome: before and after its treatment
        return moment_of(text) or ("", True)      # (named as printed: "Post" is "post", "Before" "before")
    valued = _WHEN_VALUE.fullmatch(text)
    if valued is not None:
        # "Baseline test value | End test value", "Initial score | Final score", "Pre-test | Post-test values"
        when = valued.group("when").lower().replace(" ", "-")
        if re.fullmatch(r"baseline|initial|before|pre(?:-?\w+)?", when):
            return ("baseline", True) if when == "baseline" else ("", True) if when == "initial" else ("before treatment", True)
        return ("end of treatment", False) if when in ("end", "final") else \
            ("follow-up", False) if when.startswith("follow") else ("after treatment", False)
    if _FOLLOW_UP.fullmatch(text):
        # "Follow-up", "At follow up" over a column beside "Baseline" or "Acute": the cells of the later visit
        return "follow-up", False
    if timed_visit(text) is not None:
        return timed_visit(text)    # "1-year follow-up", "Follow-up at 6 months": the visit, as printed
    ending = _END_OF.fullmatch(text)
    if ending is not None:
        # "At the end of study", "End of treatment", "Study end": after the treatment, never a baseline
        return f"end of {ending.group('what').lower()}", False
    if phase_edge(text) is not None:
        return phase_edge(text)     # "Start of weaning" | "End of weaning": a phase's first and last moments
    m = SPANNING_WHEN.fullmatch(text)
    if m is None:
        # the time grammar's other wordings: "2nd session", "Visit 3", "24 h after", "At 12 mo", "Month four"
        if is_timepoint(text) and (_NAMED_PERIOD.match(text) or not _CATEGORY_OF_TIME.search(text)):
            # (a range or a bound, "2-5 days", "5–14 years", "<6 hours", in a header or label is a category)
            relative = _MOMENT_AFTER.search(text)
            said = first_timepoint(text) + (relative.group(0).lower() if relative else "")
            # "Week 0", "Day 0", "Visit 1": the trial's first measurement, before the intervention
            return said, bool(_ZERO_TIME.fullmatch(said))
        if phase_window(text) is not None:
            return phase_window(text)   # "Postoperative 0-48 h", "0-2 h after surgery": a window, not a category
        if numbered_moment(text) is not None:
            return numbered_moment(text)    # "Posttest 2", "Pretest 1": a repeated moment told by its count
        event = _EVENT_MOMENT.fullmatch(text)
        if event is not None:
            # "At discharge", "At hospital discharge", "At delivery", "At the end of surgery": an event of the care
            # the trial follows, after the intervention
            return re.sub(r"\s+", " ", event.group("said")).lower(), False
        if _PHASE_DAY.fullmatch(text):
            # "Preoperative day", "Postoperative period", "Pre-treatment visit": a moment named by its phase
            said = operative_spelled_out(re.sub(r"\s+", " ", text.strip(" .:,")).lower())
            return said, said.startswith("pre")
        day = _DAY_AFTER_OPERATION.fullmatch(text)
        if day is not None:
            # "Post-operative day 3", "POD 3", "Postop day 3": the document's spelling, its abbreviation written out
            said = operative_spelled_out(re.sub(r"\s+", " ", text.strip(" .:,")).lower())
            return re.sub(r"^pod\s*", "postoperative day ", said), False
        moment = _MOMENT.fullmatch(text)
        if moment is None:
            return dotted_ordinal(text)     # "1. year", "2. year": an ordinal printed with a full stop
        return re.sub(r"\s+", " ", moment.group(0).strip(" .:")).lower(), False
    if m.group("baseline"):
        said = re.sub(r"\s+", " ", m.group("baseline")).strip().lower()
        if re.match(r"(?:on|at)\s", said) and "baseline" not in said:
            return said, True       # "On arrival", "At randomisation": when, before the intervention
        # a "Baseline" column or sub-row beside later times names when its cells were measured
        return ("baseline", True) if re.search(r"base\s*line", said) else ("before treatment", True)
    if m.group("minutes"):
        said = re.sub(r"(?<=\d)(?=[a-z])", " ", re.sub(r"\s+", "", m.group("minutes")).lower())
        return said, bool(_ZERO_TIME.fullmatch(said))      # ("0 min": the start, before the intervention acts)
    if m.group("ordinal"):
        found = re.match(r"\s*(\d+)\s*(?:\^|st|nd|rd|th)?\s*([a-z]+)", m.group("ordinal"), re.I)
        return f"{_ordinal(found.group(1))} {found.group(2).lower()}", False
    if m.group("phase"):
        phase = re.sub(r"\s+", " ", m.group("phase")).strip().lower()
        if re.match(r"(?:pre|post)[- ]?op", phase):
            # "Pre-op", "Postoperative", "Post-operative": the document's spelling, the abbreviation written out
            # ("postoperative" and "post-operative" are two spellings the scorer does not join)
            return operative_spelled_out(phase), phase.startswith("pre")
        before = re.match(r"before\s+(?:the\s+)?(\w+)", phase)
        return phase, bool(before and _START_WORDS.fullmatch(before.group(1)))
    said = re.sub(r"\s+", " ", re.sub(r"(?i)^(week|day|month|year)(\d)", r"\1 \2", m.group("tp"))).lower()
    # "2 week", "12 month" over a column: the column of week 2 (a plural, "12 weeks", is a period and stays)
    said = re.sub(r"^(\d+)\s*(week|day|month|year)$", r"\2 \1", said)
    return said, bool(_ZERO_TIME.fullmatch(said))


_ZERO_TIME = re.compile(r"(?:(?:week|day|month|hour|minute)\s*0|0\s*(?:h|hrs?|hours?|min|minutes?|days?|weeks?)|visit\s*[01])")


# "Change at 6 weeks", "Mean change from baseline to week 12", "Change after 3 months, mean (95% CI)": a change by a time
_CHANGE_BY = re.compile(r"(?i)\s*(?:mean\s+)?changes?\s+(?:from\s+baseline\s+)?(?:at|to|after|by)\s+(?P<rest>\S.*)")


def _header_when(text: str) -> tuple[tuple[str, bool] | None, str]:
    """(when, the statistic printed with it) of a header cell: as `_when`, and also for a when spelt in two words
    ("BASE LINE", "Base-line", "FOLLOW UP") or followed by the cells' statistic ("Pre: Mean (SE)", "Baseline, mean ± SD",
    "Week 12 – median (IQR)")."""
    when = _when(text)
    if when is not None:
        return when, ""
    moment = moment_of(text) if re.fullmatch(r"(?i)\s*(?:initial|final|start|beginning|end|admission|discharge)\s*[.:]?\s*",
                                             text) else None
    if moment is not None:
        return moment, ""       # "Initial | Final" under each arm: its first and its last measurement
    joined = _SPLIT_WHEN_WORD.sub(lambda m: m.group(1) + m.group(2), text)
    if joined != text and _when(joined) is not None:
        return _when(joined), ""
    change = _CHANGE_BY.fullmatch(text)
    if change is not None and _header_when(change.group("rest"))[0] is not None:
        return _header_when(change.group("rest"))      # "Change at 6 weeks, mean and 95% CI": the change by then
    counted = _WHEN_THEN_COUNT.fullmatch(text)
    if counted is not None and _header_when(counted.group("when"))[0] is not None:
        # "Baseline (n)", "6 months (n = number of patients)": when, over columns of counts
        return _header_when(counted.group("when"))[0], "(n)"
    for said in (_WHEN_THEN_STATISTIC.fullmatch(text), _WHEN_BEFORE_STATISTIC.fullmatch(text)):
        # ("Before median (IQR)", "Week 12 mean ± SD": the statistic after a space only)
        if said is not None and (SPANNING_STATISTIC.fullmatch(said.group("stat")) or _FORMAT_ONLY.fullmatch(said.group("stat"))):
            when = _header_when(said.group("when"))[0]
            if when is not None:
                return when, said.group("stat").strip()
    return None, ""


def _named_and_when(text: str) -> tuple[str, tuple[str, bool]] | None:
    """(the rest, when) of a header cell naming something and when, one after the other ("Placebo baseline",
    "Drug A 12 months", "Week 24, placebo", "Baseline - Group B"): the longest first or last few words that only say
    when (`_when`), the rest naming no time; None when no such split leaves two to five words of a name ("Drug 10
    mg", "Duration of follow-up, 12 months" whose rest is a quantity are no such cells)."""
    words = re.findall(r"[^\s,;:]+(?:\s*[:;,]\s*|\s+|$)", text.strip())
    if not 2 <= len(words) <= 7 or split_size(text)[1] is not None and not split_size(text)[0]:
        return None
    for k in range(min(4, len(words) - 1), 0, -1):
        for piece, rest in (("".join(words[-k:]), "".join(words[:-k])), ("".join(words[:k]), "".join(words[k:]))):
            piece, rest = piece.strip(" ,;:-\u2013"), rest.strip(" ,;:-\u2013")
            if re.fullmatch(r"[(\[][^()\[\]]+[)\]]", piece):
                piece = piece[1:-1]     # "Drug A (after)", "Drug A [week 12]"
            elif piece == "".join(words[:k]).strip(" ,;:-\u2013") and re.fullmatch(r"(?i)pre|post|before|after", piece):
                continue        # "Post placebo", "After drug A": a crossover's period of that arm (read elsewhere)
            when = _when(piece)
            if when is None or not re.search(r"[A-Za-z]{2}", rest) or _when(rest) is not None or "/" in rest \
                    or re.search(r"(?i)\S\s+(?:after|before|following|post|pre|from|since|prior\s+to|until)$", piece) \
                    or change_reference(piece) \
                    or re.match(r"(?i)(?:after|before|following|post|from|since|prior|until|of|in|at|on)\b", rest) \
                    or is_timepoint(rest) or len(rest.split()) > 5 or _NO_TIME_LABEL.match(rest) \
                    or rest.lower() in _TIME_UNITS \
                    or re.search(r"(?i)\b(?:duration|length|time|age|years?|for|every|per|within|from|to|at|of|in|on|"
                                 r"since|after|before|until|by|vs\.?|versus)\s*$", rest) \
                    or re.search(r"(?i)\b(?:change|difference|delta|reduction|increase|decrease)|\u0394", rest):
                continue
            return rest, when
    return None


# "BASE LINE", "Base-line", "FOLLOW UP": a when-word printed in two pieces
_SPLIT_WHEN_WORD = re.compile(r"(?i)\b(base)[\s-]+(line)\b")
# "Pre: Mean (SE)", "Baseline, mean ± SD", "Week 12 - median (IQR)": a when, then the statistic of the cells
_WHEN_THEN_STATISTIC = re.compile(r"\s*(?P<when>[^:,;\u2013\u2014]{1,30}?)\s*(?::|,|;|\s[-\u2013\u2014]\s)\s*(?P<stat>.+?)\s*")
# a when with the cells' count format in brackets after it, not a size: "(n)", "(No.)", "(n = number of patients)"
_WHEN_THEN_COUNT = re.compile(r"(?i)\s*(?P<when>[^()\[\]]{1,30}?)\s*[(\[]\s*(?:n|no\.?|n\s*=\s*(?:the\s+)?(?:number|no\.?)\s+of"
                              r"\s+[a-z]+(?:\s+[a-z]+)?)\s*[)\]]\s*")
_WHEN_BEFORE_STATISTIC = re.compile(r"(?i)\s*(?P<when>[^:,;\u2013\u2014]{1,30}?)\s+(?P<stat>(?:mean|median)s?\b.*?)\s*")


# "Day 2-4", "Weeks 1–12", "Visit 2 to 3": a named unit then a range is a period of the trial, not a category
_NAMED_PERIOD = re.compile(r"(?i)\s*(?:at\s+|on\s+|during\s+)?(?:days?|weeks?|months?|years?|visits?|sessions?|cycles?)\s*\d")
_CATEGORY_OF_TIME = re.compile(r"\d\s*(?:[-\u2010-\u2015\u2212]|to)\s*\d|[<>\u2264\u2265]", re.I)
# a time said relative to a session, a procedure or a dose: "During", "Immediately after", "24 h after"
# an event of the care a trial follows, named as a time: "At discharge", "At hospital discharge", "Upon extubation"
_EVENT_MOMENT = re.compile(r"(?i)\s*(?P<said>(?:at|on|upon)\s+(?:the\s+(?:time\s+of\s+)?)?(?:(?:hospital|ICU|PACU|unit)\s+)?"
                           r"(?:discharge|delivery|birth|extubation|awakening|emergence|the\s+end\s+of\s+(?:the\s+)?"
                           r"(?:surgery|operation|procedure|infusion|study|treatment|therapy|follow[- ]?up)))\s*[.:,]?\s*")
_PHASE_DAY = re.compile(r"(?i)\s*(?:pre|post)[- ]?(?:op(?:erative)?|treatment|intervention|procedur(?:e|al)|surgery|"
                        r"surgical|dose|infusion)\.?\s+(?:day|period|phase|visit|assessment)\s*[.:,]?\s*")
_DAY_AFTER_OPERATION = re.compile(r"(?i)\s*(?:post[- ]?op(?:erative)?\.?\s*day|POD)\s*(?P<n>\d{1,3})\s*[.:,]?\s*")
_MOMENT = re.compile(r"(?i)\s*(?:during|immediately\s+(?:after|before)|just\s+(?:after|before)|at\s+the\s+end|"
                     # "During intervention", "During the infusion period": a phase of the care, as printed (not the
                     # patients' history: "During the last year", "During previous pregnancy")
                     r"during\s+(?:the\s+)?(?!(?:last|past|previous|preceding|prior)\b)[a-z][\w-]+(?:\s+(?:period|phase))?)"
                     r"\s*[.:]?\s*")
_MOMENT_AFTER = re.compile(r"(?i)\s+(?:after|before|later)\s*$")
# a when-word and what was measured: "Baseline test value", "End value", "Final score", "Post-test measurements"
_WHEN_VALUE = re.compile(r"(?i)\s*(?P<when>baseline|initial|before|end|final|after|follow[- ]?up|(?:pre|post)(?:[- ]?(?:test|"
                         r"treatment|intervention))?)\s+(?:(?:test|study|treatment|trial)\s+)?(?:values?|scores?|"
                         r"measurements?|levels?|readings?|data|results?)\s*")
# "Follow-up", "At follow up", "Follow-up scans": the later visit of the trial
_FOLLOW_UP = re.compile(r"(?i)\s*(?:at\s+)?(?:the\s+)?follow[- ]?up\s*(?:visits?|scans?|assessments?)?\s*[.:]?\s*")
# "At the end of study", "End of treatment", "At the end of the trial", "End-of-study"
_END_OF = re.compile(r"(?i)\s*(?:at\s+)?(?:the\s+)?end[- ]of[- ](?:the[- ])?(?P<what>study|treatment|trial|therapy|"
                     r"intervention|follow[- ]?up)\s*[.:]?\s*")


# a time unit run into the statistic printed on the header's next line ("0 week<break/>mean ± SD" read "0 weekmean ± SD")
_GLUED_STATISTIC = re.compile(r"(?i)(?<=\d\s)(?P<unit>(?:min(?:ute)?|hour|h|day|week|wk|month|year)s?)"
                              r"(?P<statistic>mean|median|n\b|sd\b|no\.)")


def _names_a_column(text: str) -> bool:
    """Whether a header text names what a column is of (an arm, a stratum), not how its cells are printed ("n (%)",
    "Mean ± SD") nor a test's or a p-value's column."""
    text = _clean(text)
    return bool(text) and not _FORMAT_ONLY.fullmatch(text) and statistic_name(text) is None and \
        not SPANNING_STATISTIC.fullmatch(text) and not _P_HEADER.search(text) and not split_size(text)[0] == ""


def unglued_header(header: str) -> str:
    """A header cell with the time and the statistic run into it parted as two lines of a header are ("12 weeksmean ±
    SD" -> "12 weeks, mean ± SD", read as `_header_when` reads "Week 12, mean ± SD"); any other header unchanged
    ("Weekly mean", "12 months")."""
    return _GLUED_STATISTIC.sub(r"\g<unit>, \g<statistic>", header)


def _columns(table: dict, heads: set[int], known_whens: dict[str, tuple[str, bool]] | None = None) -> dict[int, _Column]:
    """Each column's header over the header rows. A header cell that says when ("Week 24") and has empty cells
    after it in its row spans them, and so does an arm's name over empty cells above format-only headers ("n",
    "%"): a pipe table prints a spanning cell once, HTML repeats it."""
    by_cell: dict[tuple[int, int], str] = {}
    width = 0
    for c in table.get("cells") or []:
        width = max(width, int(c["col"]) + 1)
        if int(c["row"]) in heads:
            by_cell[(int(c["row"]), int(c["col"]))] = unglued_header(str(c.get("text") or "").strip())
    texts: dict[int, list[str]] = {}
    whens: dict[int, tuple[str, bool]] = {}
    when_level: dict[int, int] = {}       # the header level that says when, and the levels of the other texts
    text_levels: dict[int, list[tuple[int, str]]] = {}
    ordered = sorted(heads)
    for r, below in zip(ordered, ordered[1:]):
        _spread_regular_spans(by_cell, r, below, width)
    for i, r in enumerate(ordered):
        below = ordered[i + 1] if i + 1 < len(ordered) else None
        spanning = left = None
        # "Baseline | Post | Retention": a row of times names its other moments too
        row_times = times_of_a_header_row({col: _clean(t) for (row, col), t in by_cell.items() if row == r and col > 0},
                                          lambda text: _header_when(text)[0])
        for col in range(width):
            t = by_cell.get((r, col), "")
            when, statistic = _header_when(_clean(t)) if t else (None, "")
            when = row_times.get(col, when) if t else when
            if when is None and t and known_whens and _clean(t) in known_whens and col > 0:
                when = known_whens[_clean(t)]      # "T1 | T2" the methods define as time points
                stem = _STEM_NUMBER.fullmatch(_clean(t))
                if stem is not None and not re.fullmatch(r"[A-Z]\d{1,2}", _clean(t)):
                    texts.setdefault(col, []).append(stem.group("stem"))     # "NRS15": the NRS, at 15 minutes
            arm_when = _named_and_when(_clean(t)) if t and when is None and col > 0 else None
            if arm_when is not None:
                # "Drug A baseline | Drug A 12 months": the arm and when, in one header cell
                texts.setdefault(col, []).append(arm_when[0])
                when = arm_when[1]
            sized_when = split_size(_clean(t)) if t and when is None else ("", None)
            if sized_when[1] is not None and sized_when[0]:
                when, statistic = _header_when(sized_when[0])
                if when is not None and col > 0:
                    # "Initial (n = 8) | Final (n = 8)" under an arm: when, and the arm's size
                    texts.setdefault(col, []).append(f"(n = {sized_when[1]})")
            if statistic and col > 0:
                texts.setdefault(col, []).append(statistic)      # "Pre: Mean (SE)": when, and what the cells are
            if t:
                spanning = when if col > 0 and arm_when is None else None
                left = t if col > 0 and when is None else None
            elif spanning is not None:
                when = spanning
            elif left is not None and below is not None and (_FORMAT_ONLY.fullmatch(by_cell.get((below, col), "")) or
                                                             statistic_name(_clean(by_cell.get((below, col), "")))):
                # ("Drug (n = 35) | |" over "Mean | SD": the arm's name printed once over its statistics)
                t = left
            if when is not None and col > 0:
                if col in whens and whens[col][0] and when[0] and when[0] not in whens[col][0]:
                    # "1st session" over "During | Immediately after | 24 h after": each level says part of when
                    when = (f"{whens[col][0]}, {when[0]}", whens[col][1] or when[1])
                    whens[col] = when
                whens.setdefault(col, when)
                when_level.setdefault(col, i)
            elif t:
                texts.setdefault(col, []).append(t)
                text_levels.setdefault(col, []).append((i, t))
    out = {}
    # "Group (n = 209)" over "AM (n = 107) | PM (n = 102)": the whole trial over its arms, no arm of its own
    whole_spans = whole_trial_spans({col: [_clean(t) for t in dict.fromkeys(ts)] for col, ts in texts.items() if col > 0})
    for col in sorted(set(texts) | set(whens)):
        # "FU I" over "Pre red | Post red" over "DF | PF": a name over the times, with names under them, groups the
        # visits (header_tree.py); the column's name is the one under the times
        own = [t for t in dict.fromkeys(texts.get(col, []))
               if t not in visit_groups(when_level.get(col), text_levels.get(col, []), _names_a_column)]
        # ("Mean difference (95% CI)" under "A – B" names the effect the column holds: it stays in the header)
        said = [t for t in own if (SPANNING_STATISTIC.fullmatch(_clean(t)) and not _names_effect(_clean(t)))
                or _GROUP_SPAN.fullmatch(_clean(t)) or arms_span(_clean(t)) or _COUNT_SPAN.fullmatch(_clean(t))
                or _clean(t) in whole_spans] \
            if len(own) > 1 and col > 0 else []
        # "Mean % change from baseline" or "Group n (%)" over "Salbutamol (n = 40)": what the cells are (or that
        # the columns are the groups), not a part of the arm's name
        own = [t for t in own if t not in said] or own
        hint = next((header_statistic_format(t) for t in said if header_statistic_format(t)), "")
        tp, baseline = whens.get(col, ("", False))
        grouped = any(_GROUP_SPAN.fullmatch(_clean(t)) or arms_span(_clean(t)) or _clean(t) in whole_spans for t in said)
        out[col] = _Column(col, " ".join(own), tp, baseline, tuple(own), hint, grouped)
    return _time_the_changes(out, {col: list(dict.fromkeys(t)) for col, t in texts.items()})




def _time_the_changes(columns: dict[int, _Column], texts: dict[int, list[str]]) -> dict[int, _Column]:
    """ "baseline | week 24 | change" under an arm: the change column is the change from the baseline to the time
    printed before it (the last one, "week 12 | week 24 | change" is the change to week 24); a change column beside
    no baseline column, or already timed, keeps what it has."""
    out = dict(columns)
    for col, column in columns.items():
        own = texts.get(col) or []
        if column.timepoint or column.baseline or not own or not _CHANGE_HEADER.fullmatch(_clean(own[-1])):
            continue
        arm = tuple(own[:-1])      # (texts, "Mean change" included, that a header over the arm may have taken as a format)
        before = [c for c in columns.values() if c.col < col and tuple(texts.get(c.col) or []) == arm]
        times = [c.timepoint for c in before if c.timepoint and not c.baseline]
        if times and any(c.baseline for c in before):
            out[col] = dataclasses.replace(column, timepoint=times[-1])
    return out


# a column of changes from the baseline: "Change", "Mean change", "Change from baseline", "Δ", "Delta"
_CHANGE_HEADER = re.compile(r"(?i)\s*(?:mean\s+)?(?:changes?|\u0394|delta|difference)(?:\s+from\s+baseline)?\s*"
                            r"(?:[(\[][^()\[\]]*[)\]])?\s*")


# "Groups", "Group n (%)": a header over the arm columns saying only that they are the groups
# ("Treatment group", singular, over "<2 days | 2-5 days" names the treated arm, not the groups)
_GROUP_SPAN = re.compile(r"\s*(?!treatment\s+(?:group|arm)\b(?!s))(?:(?:study|treatment|randomi[sz]ed|trial)\s+)?(?:groups?|arms?)\s*"
                         r"(?:,?\s*(?:n|no\.?)\s*[(\[]\s*%\s*[)\]])?\s*", re.I)


# a header over the arm columns saying the cells count patients: "Number (%) of patients", "No. of patients (%)",
# "Patients, n (%)", "n (%) of participants", "% of patients" (a bare "n" or "%" under one arm is its sub-column)
_PEOPLE_COUNTED = r"(?:patients|participants|subjects|children|women|men|infants|cases|events)"
_COUNT_SPAN = re.compile(r"\s*(?:(?:number|no\.?|n)\s*(?:[(\[]\s*%\s*[)\]])?\s*(?:of\s+)?" + _PEOPLE_COUNTED +
                         r"(?:\s*[(\[]\s*%\s*[)\]])?|(?:number|no\.?|n)\s*[(\[]\s*%\s*[)\]]|" + _PEOPLE_COUNTED +
                         r"\s*,?\s*(?:n|no\.?)\s*(?:[(\[]\s*%\s*[)\]])?|%\s*(?:of\s+)?" + _PEOPLE_COUNTED + r")\s*", re.I)


# the label cell of a header row whose other cells name the arms: "Treatment", "Group", "Arm", "Intervention"
_GROUP_ROW_LABEL = re.compile(r"\s*(?:(?:study|treatment|randomi[sz]ed|allocated)\s+)?(?:treatments?|groups?|arms?|"
                              r"interventions?|allocation)\s*:?\s*", re.I)


def _arms_of_a_group_row(table: dict, heads: set[int], study: Study | None,
                         local: dict[str, Arm]) -> tuple[dict[int, Arm], int | None]:
    """({column: arm}, the column of the row's label) of a header row whose label cell (first or second column) says
    it names the groups ("| | Treatment | Drug X | Placebo | Drug X | Placebo |" under "During | | After | |"): an
    arm the study model does not know (a misspelt or new name) is the table's own. Two different arms at least and
    one of the study's, else ({}, None)."""
    by_row: dict[int, dict[int, str]] = {}
    for c in table.get("cells") or []:
        if int(c["row"]) in heads:
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = _clean(str(c.get("text") or ""))
    for r in sorted(by_row):
        cells = by_row[r]
        first = next((col for col in (0, 1) if cells.get(col) and _GROUP_ROW_LABEL.fullmatch(cells[col])), None)
        if first is None or any(cells.get(col) for col in range(first)):
            continue
        named = {col: text for col, text in cells.items() if col > first and text}
        if not named or not all(is_arm_header(text) and not _when(text) for text in named.values()):
            continue
        known = {col: study.resolve_column(text) for col, text in named.items()} if study is not None else {}
        if not any(known.values()):
            continue        # "Group | Pain at 2 h | Pain at 4 h": the header of a table whose rows are the arms
        arms = {col: known.get(col) or _table_arm(text, local) for col, text in named.items()}
        if len({id(a) for a in arms.values()}) >= 2:
            return arms, first
    return {}, None


def _spread_regular_spans(by_cell: dict[tuple[int, int], str], r: int, below: int, width: int) -> None:
    """ "| | Men | | Women | |" over "| | X | Placebo | X | Placebo |": header texts printed once every k columns
    (k >= 2, at least two of them, the cells under them all filled) each span their k columns, as a spanning
    cell does in HTML. A lone text over empty cells is left alone (it may head one column only)."""
    # (a text with nothing under it heads its own column only: "| Drug X | | | Placebo | | | P |" over "Pre | Post |
    # Change" twice and a blank under "P")
    # (column groups each over the same sub-columns, a group unlike them beside: header_tree.py)
    for c, text in repeated_group_spans({c: t for (row, c), t in by_cell.items() if row == r},
                                        {c: t for (row, c), t in by_cell.items() if row == below}, width,
                                        lambda t: _when(_clean(t)) is not None).items():
        by_cell[(r, c)] = text
    lone = {c for c in range(1, width) if by_cell.get((r, c), "") and not by_cell.get((below, c), "")}
    starts = [c for c in range(1, width) if by_cell.get((r, c), "") and not _when(_clean(by_cell[(r, c)])) and c not in lone]
    if len(starts) < 2 or any(by_cell.get((r, c), "") and c not in starts and c not in lone for c in range(1, width)):
        return
    gaps = {b - a for a, b in zip(starts, starts[1:])}
    if len(gaps) != 1 or min(gaps) < 2:
        return
    k = gaps.pop()
    if starts[-1] + k > width or any(not by_cell.get((below, c), "") for c in range(starts[0], starts[-1] + k)):
        return
    for a in starts:
        for c in range(a + 1, a + k):
            by_cell[(r, c)] = by_cell[(r, a)]


_GROUP_CODE = re.compile(r"\s*(?i:group|arm)\s*[(\[]?\s*(?P<code>[A-Z][A-Za-z0-9-]{0,5})\s*[)\]]?\s*(?:\(\s*(?:%|n|no\.?)\s*\))?\s*")


# "All values are presented as absolute numbers or as means, except asthma duration, for which the median is given"
_MEANS_SAID = re.compile(r"\b(?:presented|given|shown|expressed|reported)\s+as\s+(?:[\w\s]{0,40}?\bor\s+)?(?:as\s+)?means?\b"
                         r"(?:\s*,?\s*except\s+(?P<except>[^.;]{1,120}))?", re.I)


def _excepted(label: str, exception: str) -> bool:
    """Whether a row label is what the footnote's "except ..." names (its first two words there)."""
    words = re.findall(r"[a-z]{3,}", label.lower())[:2]
    return bool(words) and all(w in exception.lower() for w in words)


# "Gly/Glu/Sal", "A/B/C": arms named one after another in a header, each cell holding their values in that order
_ARM_LIST = re.compile(r"(?P<lead>.*?)\s*(?P<list>[A-Za-z][\w.+-]*(?:\s*/\s*[A-Za-z][\w.+-]*)+)\s*")
# "Gly/Glu/Sal: Glycine/Glucose/Saline groups": a footnote or caption spelling such a list out
_LIST_SPELLED = re.compile(r"(?P<short>[A-Za-z][\w.+-]*(?:\s*/\s*[A-Za-z][\w.+-]*)+)\s*[:=]\s*(?P<long>[^,;.:\n]+)")


def _listed_arms(header: str, study: Study | None, table: dict, text: str) -> tuple[list[Arm], str, bool] | None:
    """(arms, timepoint, is baseline) of a column whose header names several arms at once ("Pre-op Gly/Glu/Sal",
    "A/B/C"), each abbreviation resolved to one arm of the study: spelled out in the table's footnotes or caption,
    the arm's name itself, or the start of exactly one arm's name. Whatever precedes the list says when, or nothing."""
    if study is None or len(study.arms) < 2 or "/" not in header:
        return None
    m = _ARM_LIST.fullmatch(split_size(header)[0])
    if m is None:
        return None
    lead = m.group("lead").strip(" ,;:-")
    when = _when(lead) if lead else ("", False)
    if when is None and not _FORMAT_ONLY.fullmatch(lead) and not SPANNING_STATISTIC.fullmatch(lead):
        return None
    tokens = [t.strip() for t in m.group("list").split("/")]
    spelled = {}
    for said in _LIST_SPELLED.finditer(f"{table.get('caption') or ''}\n{_footnotes(text, table)}"):
        short = [t.strip().lower() for t in said.group("short").split("/")]
        long = [re.sub(r"(?i)\s+(?:groups?|arms?)$", "", t.strip()) for t in said.group("long").split("/")]
        if len(short) == len(long):
            spelled.update(zip(short, long))
    arms = [_listed_arm(t, study, spelled.get(t.lower(), "")) for t in tokens]
    if any(a is None for a in arms) or len({id(a) for a in arms}) < len(arms):
        return None
    return arms, *(when or ("", False))


def _splits(cells: list[dict], heads: set[int], col: int, count: int) -> bool:
    """Whether most filled body cells of a column hold `count` values one after another ("62.4/64.2/63.6")."""
    filled = [c for c in cells if int(c["col"]) == col and int(c["row"]) not in heads and _clean(c["text"])]
    return bool(filled) and 2 * sum(bool(_arm_parts(c, count)) for c in filled) >= len(filled)


def _listed_arm(token: str, study: Study, spelled: str) -> Arm | None:
    for words in (spelled, token):
        if not words:
            continue
        arm = study.resolve(words)
        if arm is not None:
            return arm
        key = re.sub(r"[^a-z0-9]", "", words.lower())
        if len(key) < 2:
            continue
        # "Gly" for "glycine 1.5%": the start of exactly one arm's name
        starting = [a for a in study.arms if any(w.startswith(key) for w in
                                                 re.findall(r"[a-z0-9]+", f"{a.name} {a.canonical}".lower()))]
        if len(starting) == 1:
            return starting[0]
    return None


def _table_arm(header: str, local: dict[str, Arm], role: str = "") -> Arm:
    """An arm only this table names, as its header writes it (one per name in a document's tables)."""
    name, n = split_size(header)
    return local.setdefault(name.lower(), Arm(arm_id="", name=name, canonical=arm_key(name)[0] or name.lower(), n=n,
                                              role=role, start=0, end=0, source="table", aliases={name.lower()}))


def _generic_arm(header: str, study: Study | None, local: dict[str, Arm]) -> Arm | None:
    """The arm a generic group name stands for ("Treatment", "Experimental group", "Observation group" beside a
    control group): the study's one arm that is not a control, else (the study model knows a control arm only) a
    table arm of that name."""
    if study is None:
        return None
    header = without_statistic(header)      # "Intervention (mean±SD)": the generic name, not its statistic
    if _GENERIC_CONTROL.fullmatch(split_size(header)[0]):
        controls = [a for a in study.arms if a.role == "control"]
        return controls[0] if len(controls) == 1 else None
    if not GENERIC_TREATMENT.fullmatch(split_size(header)[0]):
        return None
    others = [a for a in study.arms if a.role != "control"]
    if len(others) > 1:
        # "electrostimulation" and "neuromuscular electrostimulation": one treatment the study model found twice
        same = one_arm_of(others)
        others = [same] if same is not None else others
    if len(others) > 1:
        # "pre-discharge home visit (n = 5)" beside treatments the methods only mention ("standard practice
        # in-hospital assessment"): the one the study model sized is the arm randomised
        sized = [a for a in others if a.n is not None]
        others = sized if len(sized) == 1 else others
    if len(others) == 1:
        return others[0]
    if others or not study.arms:
        return None
    name = split_size(header)[0].strip()
    key = re.sub(r"\s+", " ", name).lower()
    if key not in local:
        local[key] = Arm(arm_id="", name=name, canonical=arm_key(name)[0] or key, n=split_size(header)[1],
                         role="experimental", start=0, end=0, source="table", aliases={key})
    return local[key]


_NUMBERED_GROUP = re.compile(r"\s*(?:group|arm)\s+\d{1,2}\s*", re.I)
_GENERIC_CONTROL = re.compile(r"\s*(?:the\s+)?controls?(?:\s+(?:group|arm))?\s*", re.I)


def _column_arm(header: str, study: Study, local: dict[str, Arm]) -> Arm | None:
    """The arm a column header names: the study's, else a dose column's arm ("25 mg (N = 79)" in a trial of one
    drug at three doses: the study model's arm of that dose, else the column's own, named with the trial's drug
    when the study model knows one)."""
    if not header:
        return None
    arm = study.resolve_column(header) if study is not None else None
    if arm is None and study is not None and (_NUMBERED_GROUP.fullmatch(split_size(header)[0])
                                              or re.match(r"(?i)\s*(?:no|without)\s", header)):
        # "Group 1 (n = 30)", "No morphine": an arm the study model took from the headers or the allocation
        arm = study.resolve(header)
    code = _GROUP_CODE.fullmatch(header)
    if arm is None and code is not None and study is not None:
        # "Group (M)", "Group KM (%)": the letters the methods define for an arm ("midazolam (Group M)")
        named = [a for a in study.arms if code.group("code") in a.aliases]
        arm = named[0] if len(named) == 1 else None
    after = _AFTER_ARM.fullmatch(header) if arm is None and study is not None else None
    if after is not None:
        # "Post L-lysine", "After placebo": a crossover's column of the figures after each arm's period
        arm = study.resolve_column(after.group("arm"))
    if arm is None and study is not None:
        arm = _with_or_without_arm(header, study)
    if arm is None and study is not None and not is_arm_header(header) and \
            GENERIC_TREATMENT.fullmatch(split_size(without_statistic(header))[0]) and \
            any(a.role == "control" for a in study.arms):
        # "Study group (n = 30)" beside the control's column: the study's one arm that is not a control
        arm = _generic_arm(header, study, local)
    if arm is not None or not is_arm_header(header):
        return arm
    return _dose_arm(header, study, local, create=True) or _generic_arm(header, study, local)


# "With X" / "Without X" (also "No X", "Non-X") column headers of a trial of X against its absence
_WITH_OR_WITHOUT = re.compile(r"(?i)\s*(?P<without>without|no|non-?)?\s*(?P<with>with\s+)?(?P<what>[^\s(].{1,60}?)\s*")


def _with_or_without_arm(header: str, study: Study) -> Arm | None:
    """The study's arm a "With X" or "Without X" header names: "With dexamethasone" the arm of X, "Without
    dexamethasone" (or "No dexamethasone") the arm the study model named by X's absence ("no dexamethasone"),
    when the study has both; else None."""
    name = split_size(without_statistic(header))[0]
    m = _WITH_OR_WITHOUT.fullmatch(name)
    if m is None or not (m.group("without") or m.group("with")) or m.group("without") and m.group("with"):
        return None
    what = re.sub(r"\s+", " ", m.group("what")).lower().strip(" ,;:")
    negated = {re.sub(r"^(?:no|without|non-?)\s*", "", a.canonical.lower()): a for a in study.arms
               if re.match(r"(?i)(?:no|without|non-?)\s*", a.canonical)}
    plain = [a for a in study.arms if a.canonical.lower() == what or what in a.aliases]
    if what not in negated or len(plain) != 1:
        return None
    return negated[what] if m.group("without") else plain[0]


# "Post L-lysine", "After placebo", "Following drug X": a when-word after the intervention, then the arm's name
_AFTER_ARM = re.compile(r"(?i)\s*(?:post|after|following|end\s+of)[- ]\s*(?P<arm>[^\s].{1,60}?)\s*")


def _dose_arm(words: str, study: Study | None, local: dict[str, Arm], create: bool = False) -> Arm | None:
    name, n = split_size(words)
    if not _DOSE_ONLY.fullmatch(name.strip()):
        return None
    dose = re.sub(r"\s+", " ", name.strip()).lower()
    dose = re.sub(r"(\d)\s*(?=[a-zµμ])", r"\1 ", dose)
    same_dose = [a for a in (study.arms if study is not None else []) if a.dose == dose]
    if len(same_dose) > 1:
        # ("doses of 400 and 800 mg" read as an arm "... of 400" beside "X 400 mg"): the one arm whose own name prints
        # the dose with its unit, as the label does
        same_dose = [a for a in same_dose if re.search(r"(?<![\d.])" + re.escape(dose).replace(r"\ ", r"\s*") + r"\b",
                                                       a.name, re.I)] or same_dose
    if len(same_dose) == 1:
        return same_dose[0]          # "X 10 mg" and "X 20 mg" in the study model, "10 mg (n = 50)" over the column
    if dose not in local and create:
        drugs = {a.canonical[: -len(a.dose)].strip() if a.dose and a.canonical.endswith(a.dose) else a.canonical
                 for a in (study.arms if study is not None else []) if a.role != "control" and a.canonical[:1].isalpha()}
        canonical = f"{drugs.pop()} {dose}" if len(drugs) == 1 else dose
        local[dose] = Arm(arm_id="", name=name, canonical=canonical, n=n, role="", start=0, end=0, dose=dose,
                          source="table", aliases={dose})
    return local.get(dose)


def _arm_heading_rows(by_row: dict[int, dict[int, dict]], study: Study | None, local: dict[str, Arm]) -> dict[int, Arm]:
    """Body rows that only name an arm ("| Drug X | | |", its label alone): the heading of that arm's block of rows."""
    found: dict[int, Arm] = {}
    if study is None:
        return found
    for r, row in by_row.items():
        label = _clean(row[0]["text"]) if row.get(0) else ""
        if not label or any(_clean(c["text"]) for k, c in row.items() if k):
            continue
        arm = study.resolve_column(label) or _generic_arm(label, study, local)
        if arm is not None and (_names_arm(label, arm) or _generic_arm(label, study, local) is arm):
            found[r] = arm
    return found


def _arm_rows(by_row: dict[int, dict[int, dict]], study: Study | None, local: dict[str, Arm], col: int = 0,
              text: str = "") -> dict[int, Arm]:
    """Body rows whose label (in column `col`) is an arm (a table printed with the arms as rows), a generic group
    name ("Control", "Treatment") standing for the study's arm of that kind, a dose of the study's dose arms ("5 mg"),
    or a short name the document (`text`) gave an arm ("DEX")."""
    found = {}
    if study is None:
        return found
    for r, row in by_row.items():
        label = row.get(col)
        if label is None or not _clean(label["text"]) or not any(_clean(c["text"]) for k, c in row.items() if k > col):
            continue
        arm = study.resolve_column(_clean(label["text"]))
        if arm is not None and _names_arm(_clean(label["text"]), arm):
            found[r] = arm
        elif arm is not None and text and abbreviated_arm(_clean(label["text"]), study, text) is arm:
            found[r] = arm      # "AZA, median (IQR)": the short name the document gave the arm, with the row's format
        elif arm is None:
            # ("12 mg (n = 24)": a dose printed with its own size is a dose arm of the trial, as a column header is)
            arm = _generic_arm(_clean(label["text"]), study, local) or \
                _dose_arm(_clean(label["text"]), study, local, create=split_size(_clean(label["text"]))[1] is not None) \
                or (abbreviated_arm(_clean(label["text"]), study, text) if text else None) \
                or role_arm(_clean(label["text"]), study)
            if arm is not None:
                found[r] = arm
        within = arm_of_change_label(_clean(label["text"])) if r not in found else ""
        if within:
            # "Within ChiRunning change": the arm's own change, its name inside the words saying so
            named = study.resolve_column(within) or _generic_arm(within, study, local)
            if named is not None and (_names_arm(within, named) or _generic_arm(within, study, local) is named):
                found[r] = named
    return found


_GROUP_WORDS = re.compile(r"\b(?:the|group|arm|patients|participants)\b", re.I)


def _names_arm(label: str, arm: Arm) -> bool:
    """A row label that is the arm's name ("Rituximab (n = 40)", "Placebo group"), not a row that mentions a drug
    ("Previous azathioprine, n (%)"); a group's code before the name ("Group 1, acupuncture") is no word of it."""
    label = split_size(label)[0]
    label = name_after_code(label) or label
    words = re.findall(r"[a-z0-9]+", _GROUP_WORDS.sub(" ", label).lower())
    known = set(re.findall(r"[a-z0-9]+", f"{arm.name} {arm.canonical} {' '.join(arm.aliases)}".lower()))
    return bool(words) and words[0] in known


def _effect_rows(rows: dict[int, dict[int, str]]) -> dict[int, str]:
    """{row: the measure its label names} of the body rows labelled as a comparison ("RR (95% CI)", "Odds ratio")."""
    found = {}
    for r, row in rows.items():
        label = row.get(0) or ""
        if _EFFECT_ROW.search(label) or _EFFECT_ROW_ABBREVIATION.search(label):
            measure = next((m for m, p in _EFFECT_HEADERS if p.search(label)), "")
            if measure:
                found[r] = measure
    return found


# a cell printed whole inside one bracket, marks after it: "(16.6 ± 32.9)", "(30.0 ± 27.4)##"
_WHOLE_CELL_BRACKET = re.compile(r"^\s*[(\[]\s*(?P<inner>[^()\[\]]*\d[^()\[\]]*?)\s*[)\]]\s*(?P<marks>[*\u2020\u2021\u00a7#]*)\s*$")


def _restated_statistics(by_row: dict, arm_rows: dict) -> dict[int, dict[str, int]]:
    """{row: {statistic: column}} of the body rows, no arm's and without a label, that name the columns' statistics
    again ("| | Median | Lower-upper quartile | Skewness | P-value |" under rows read as "Mean | Standard deviation"):
    two statistics at least, a centre among them, and no figure."""
    found = {}
    for r, row in by_row.items():
        if r in arm_rows or row.get(0) is not None and _clean(row[0]["text"]):
            continue
        texts = {col: _clean(cell["text"]) for col, cell in row.items() if col and _clean(cell["text"])}
        named = {statistic_name(t): col for col, t in sorted(texts.items(), reverse=True) if statistic_name(t)}
        if len(named) >= 2 and {"mean", "median"} & set(named) and not any(re.search(r"\d", t) and not statistic_name(t)
                                                                         for t in texts.values()):
            found[r] = named
    return found


def _read_transposed(doc_id: str, text: str, table: dict, by_row: dict, arm_rows: dict[int, Arm],
                     columns: dict[int, _Column], caption: str, source_file: str, condition: str,
                     row_outcomes: dict[int, str] | None = None, change_rows: set[int] = frozenset()) -> list[dict]:
    """A table whose rows are the arms and whose columns the outcomes ("| Placebo (n = 47) | 10 (21.3) | ..." under
    "| Group | Response, n (%) | Weight change, mean (SD) |"): each cell one arm-level row of its column's outcome
    (`change_rows`: rows of an arm's change under its row, "(Δ)", of the change in the heading's outcome)."""
    out: list[dict] = []
    bounds = _row_bounds(by_row)
    caption_timepoint = _caption_timepoint(caption)
    baseline_table = _baseline_caption(caption)
    model_adjusted = bool(_MODEL_ADJUSTED.search(without_p_adjustment(caption))
                          or _MODEL_ADJUSTED.search(without_p_adjustment(_footnotes(text, table))))
    # the caption's, the table-wide footnotes' or the label header's format, and every format declared (a mixed list)
    table_hint, declared = table_hint_of(table, text, columns), table_formats_of(table, text, columns)
    marked_notes = marked_declarations(_footnotes(text, table), _carried_marks(table))     # "a Median (IQR)"
    # "Control | Before treatment | 55.1±11.2": a column saying when each arm's row was measured
    def time_of(col: int, value: str) -> tuple[str, bool] | None:
        # "7" under "Day" as "| | 7 | 280 ± 110 |": a bare number the column's header makes a time (under "Min", a
        # statistic, the minimum)
        header = columns[col].header if col in columns else ""
        return _when(value) or row_codes.get(value) or \
            (unit_time(value, header) if statistic_name(_clean(header)) is None else None)

    # "UBS | T0 | ..." then "| T1 | ...": codes the text defines as times ("after induction (T0)")
    row_codes = _times_the_text_names(text, [_clean(c["text"]) for r in arm_rows for k, c in by_row[r].items() if k])

    time_columns = {col for col in {k for r in arm_rows for k in by_row[r] if k}
                    if all(time_of(col, _clean(by_row[r][col]["text"])) for r in arm_rows
                           if col in by_row[r] and _clean(by_row[r][col]["text"]))
                    and any(col in by_row[r] and _clean(by_row[r][col]["text"]) for r in arm_rows)}
    # "| FBS (mg/dl) | | |" over the arms' rows: the outcome of the rows under it, when the columns only say when
    # (its label may be printed again across the row: one cell spanning every column, as the grid repeats it)
    headings = {r: _clean(row[0]["text"]) for r, row in by_row.items() if r not in arm_rows and row.get(0)
                and _clean(row[0]["text"]) and not any(_clean(c["text"]) not in ("", _clean(row[0]["text"]))
                                                       for k, c in row.items() if k)}
    headings.update(_headings_with_whole_sample_figures(by_row, arm_rows, headings))
    # "| Group | N | Mean | SD | Median | Min | Max |" over the arms' rows: each arm's statistics as columns, one MEAN and
    # one MEDIAN per arm (of the quantity a header above them names, else a heading row's or the caption's)
    stat_groups: dict[tuple, dict[str, int]] = {}
    for col, column in columns.items():
        stat = statistic_name(_clean(column.parts[-1])) if col and column.parts else None
        leaf_taken = stat is None and col and column.hint in ("mean", "median") and column.parts and any(
            statistic_name(_clean(other.parts[-1])) is not None for k, other in columns.items()
            if k != col and other.parts and other.parts[:-1] == column.parts and k not in time_columns)
        if leaf_taken:
            # "Baseline (n = 40)" over "n | Mean | S.D. | P": the header model took the centre's leaf for the column's
            # format; the statistics beside it under the same path are its group's
            stat = column.hint
        if stat is not None and col not in time_columns:
            upper = tuple(p for p in (column.parts if leaf_taken else column.parts[:-1]) if statistic_name(_clean(p)) is None)
            stat_groups.setdefault((upper, column.timepoint, column.baseline), {}).setdefault(stat, col)
    stat_groups = {key: stats for key, stats in stat_groups.items()
                   if len(stats) >= 2 and {"mean", "median"} & set(stats)}
    grouped = {col for stats in stat_groups.values() for col in stats.values()}
    coded_headers = _times_the_text_names(text, [c.header for k, c in sorted(columns.items()) if k and c.header])
    # "| Group | n | Before | After |": each arm row's own number of patients, no figure of an outcome
    size_columns = _size_columns(by_row, list(arm_rows), columns)
    # "Drug X | 12 | 8" and "Placebo | 20 | 15" over "RR (95% CI) | 0.60 (...) | 0.53 (...)": columns of counts
    plain = {r: {k: _clean(c["text"]) for k, c in row.items()} for r, row in by_row.items()}
    # (the intervals of the arms' rows each centred on its value: means with their CIs, grid_layouts.centred_intervals)
    centred = centred_intervals([plain[r][k] for r in arm_rows for k in plain[r] if k])
    counted_columns = count_columns_told_by_effect_rows(
        plain, arm_rows, {r: split_size(plain[r].get(0, ""))[1] or a.n for r, a in arm_rows.items()}, _effect_rows(plain))
    # "| | Median | Lower-upper quartile | Skewness |" among the body rows: the columns' statistics named again for the
    # arms' rows under it (a later block's measure printed with other statistics than the header's)
    restated = _restated_statistics(by_row, arm_rows)
    response_columns = response_class_columns({k: c.header for k, c in columns.items() if k})
    for r in sorted(arm_rows):
        arm, row = arm_rows[r], by_row[r]
        restating = max((h for h in restated if h < r), default=None)
        row_groups = stat_groups if restating is None else {((), "", False): restated[restating]}
        row_grouped = grouped if restating is None else set(restated[restating].values())
        heading = headings[max(h for h in headings if h < r)] if any(h < r for h in headings) else ""
        heading = (row_outcomes or {}).get(r) or heading      # "Group-A FBS": the outcome the row's label names
        if r in change_rows and heading:
            heading = f"change in {heading}"        # ("(Δ)" under the arm's row of "Stool volume" over the arms)
        own = [int(re.match(r"\s*\d+", _clean(row[c]["text"])).group()) for c in sorted(size_columns)
               if row.get(c) and _clean(row[c]["text"])]
        n = (own[0] if own else None) or split_size(_clean(row[0]["text"]))[1] or arm.n
        if n is None:
            # "Gender (male/female) | 7/4" in the arm's row: its patients, 11
            n = next((size for col, cell in sorted(row.items()) if col and col in columns
                      for size in [size_from_sex_pair(columns[col].header, _clean(cell["text"]))] if size), None)
        shares_row = False
        if n is None:
            # "Ketamine | 0 | 88.2% | 11.8% | 5.9%" of the "17 children" the text names: shares of 17 (table_sizes.py)
            n = size_from_shares([_clean(cell["text"]) for col, cell in row.items() if col], text)
            adopt_size(arm, n)
        if n is None:
            # "Ketamine | 0 | 88.2% | 11.8% | 5.9% | ...": a row of shares only, each a count of one number of patients
            n = size_from_shares([_clean(c["text"]) for col, c in sorted(row.items()) if col and col not in size_columns])
        shares_row = n is not None and size_from_shares(
            [_clean(c["text"]) for col, c in sorted(row.items()) if col and col not in size_columns]) is not None
        start, end = _row_span(text, table, bounds, r)
        evidence = text[start:end]
        said = [time_of(col, _clean(row[col]["text"])) for col in sorted(time_columns) if col in row and _clean(row[col]["text"])]
        row_when, row_before = said[0] if said else ("", False)
        if not said and heading and heading != (row_outcomes or {}).get(r):
            # "| During laryngoscopy | | |" over the arms' rows of each moment, the columns naming the measures: the
            # moment of the block (grid_layouts.arm_rows_by_elimination's blocks)
            row_when, row_before = _when(heading) or (row_when, row_before)
        unread: list[tuple[int, str, str]] = []      # bare numbers the cell grammar leaves without a statistic
        read: list[dict] = []
        where = dict(doc_id=doc_id, source_file=source_file, condition=condition, baseline_table=baseline_table,
                     caption_timepoint=caption_timepoint)
        stacked = _arm_statistic_rows(by_row, r, arm_rows, columns, time_columns | size_columns)
        if stacked:
            # "| NFB | | | 0.001 |" over "Minimum | 2 | 0", "Maximum | 8 | 7", "Mean | 4.00 | 2.60", "SD | 1.852 | 1.765":
            # the arm's statistics as rows under its name, one MEAN (or MEDIAN) per column, each column's time
            run, figure_columns = stacked
            end = _row_span(text, table, bounds, run[-1][1])[1]
            evidence = text[start:end]
            for col in figure_columns:
                cells = {k: by_row[rr][col] for k, (_, rr) in enumerate(run) if by_row[rr].get(col)}
                column = columns[col]
                named = column.header if not _FORMAT_ONLY.fullmatch(column.header or "") else ""
                outcome, timepoint = _outcome_and_timepoint(named) if named else ("", "")
                if not outcome:
                    outcome, said = _outcome_and_timepoint(heading or _CAPTION_NUMBER.sub("", caption).strip(" .:;"))
                    timepoint = timepoint or said
                for cell, _, parsed in _read_statistic_group(cells, arm, {stat: k for k, (stat, _) in enumerate(run)}):
                    if parsed.get("total") is None:
                        parsed["total"] = n
                    out.append(_transposed_row({col: cell}, col, column, parsed, arm, (outcome, timepoint),
                                               (start, end, evidence), (row_when, row_before), where))
            continue
        for (upper, when, before), stats in row_groups.items():
            # ("Baseline (n = 40)" over "n | Mean | S.D." under an outcome's heading row: the upper header says when
            # and how many, the heading what)
            named = "" if (when or before) and heading else " ".join(upper)
            what = _outcome_and_timepoint(named or heading or _CAPTION_NUMBER.sub("", caption).strip(" .:;"))
            for cell, _, parsed in _read_statistic_group(row, arm, stats):
                if parsed.get("total") is None:
                    parsed["total"] = n
                out.append(_transposed_row(row, int(cell["col"]), columns[int(cell["col"])], parsed, arm, what,
                                           (start, end, evidence), (row_when, row_before), where))
        for col in sorted(k for k in row if k and k not in time_columns and k not in row_grouped and k not in size_columns):
            column = columns.get(col)
            value = _clean(row[col]["text"])
            if column is not None and value and difference_against_control(column.header or ""):
                # "Δ PSE-Placebo | -12 (-7%)" in the treatment's row: its difference against the control's row, no
                # figure of its own
                out.extend(_difference_against_control_cell(
                    row, col, columns, arm, list(arm_rows.values()), heading or _CAPTION_NUMBER.sub("", caption).strip(" .:;"),
                    dict(doc_id=doc_id, evidence=evidence, start=start, end=end, subgroup="", role="",
                         source_file=source_file, condition=condition)))
                continue
            if column is None or not value or _ONLY_P_HEADER.fullmatch(column.header or "") or (
                    column.header and not is_arm_header(column.header) and (
                    _P_HEADER.search(column.header) or any(p.search(column.header) for _, p in _EFFECT_HEADERS[:-1])
                    and not mean_and_spread(value) or _VERSUS.search(column.header) or _TREATMENT_EFFECT.search(column.header))
                    or comparison_statistic(column.header) == "effect_size"
                    or any(comparison_role(part) is not None for part in column.parts or (column.header,))):
                continue        # ("Difference vs placebo (95% CI)", "Hedges g": the comparison's, no arm's own figure;
                # "HR (beats/min)" over "80 ± 7" in an arm's row is its heart rate: table_arms.mean_and_spread)
            if not column.header and not (column.timepoint or column.baseline):
                continue
            # a column headed only "Week 12" or "Baseline": the heading row over the arms, else the caption, names the
            # outcome
            # ("Baseline, mean ± SD": a header of a time and a format only names no outcome)
            named = column.header if not _FORMAT_ONLY.fullmatch(column.header or "") else ""
            # "CRP > median value | CRP < median value" over the arms' rows: halves of the patients, the outcome the
            # heading's or the caption's
            split = centre_split_stratum(column.header, [c.header for k, c in columns.items() if k and k != col])
            outcome, timepoint = _outcome_and_timepoint(("" if split else named) or heading
                                                        or _CAPTION_NUMBER.sub("", caption).strip(" .:;"))
            if (row_outcomes or {}).get(r) and column.header:
                # "Group-A FBS | 104.4±13.1 | 93.4±11.9" under "At enrollment | At term": the row names what, the
                # column when
                outcome, timepoint = row_outcomes[r], column.header
            if column.header in coded_headers:
                # "VAS0 | VAS5 | VAS10" over the arms' rows, the methods listing "at 0, 5 and 10 minutes": the score at
                # each time
                stem = _STEM_NUMBER.fullmatch(column.header)
                outcome = stem.group("stem") if stem is not None and not re.fullmatch(r"[A-Z]\d{1,2}", column.header) \
                    else heading or _CAPTION_NUMBER.sub("", caption).strip(" .:;")
                timepoint, coded_before = coded_headers[column.header]
                if coded_before and not row_when:
                    row_when, row_before = timepoint, True
            # (the column header is this layout's row label: its format, else the caption's, decides)
            # (a format a header level above states for the levels under it: "Comfort (case)" over "Comfortable")
            # (and a statistic a header spanning the columns states: "Median (range)" over "Stay | ICU stay")
            header_format = header_path_format(column.parts, column.hint) or label_format(column.header) or \
                marked_format("", marked_notes, _carried_marks(table, col=col, header=True))
            cell_hint = _cell_format(header_format, percent_unit_only(column.header), "", table_hint, declared=declared,
                                     cell=value, label=column.header, n=n)
            if (col in counted_columns or col in response_columns and own) and not header_format:
                cell_hint = "count"     # (a tumour response column of a row with its n: that many of the n)
            pair = _SEX_PAIR.search(column.header)
            if pair is not None:
                # "Gender (male/female) | 7/4" over the arms' rows: 7 men and 4 women
                cell_hint, outcome = "sex_pair", f"{_sex_word(pair.group('first'))} sex"
            printed = _clean(scan_view(row[col]["text"]))
            if r in change_rows:
                # "(16.6 ± 32.9)" in a "(Δ)" row: the brackets set the change apart from the arm's figures above it
                printed = _WHOLE_CELL_BRACKET.sub(r"\g<inner>\g<marks>", printed)
            parsed = parse_arm_cell(printed, cell_hint, n)
            if parsed is not None and parsed["measure"] == "MEDIAN" and not cell_hint and centred:
                # "-0.22 [-7.81 to 7.37]" where every such cell is centred on its value: a mean's interval
                parsed = parse_arm_cell(_clean(scan_view(row[col]["text"])), "mean_ci", n) or parsed
            if parsed is None and shares_row and value == "0":
                parsed = proportion_row(0, n, "0", value)      # a zero among the row's shares: none of its patients
            counted = counted_cell(value) if parsed is None and own else None
            if counted is not None and counted[0] <= n:
                # "17 eyes" beside the row's "18 eyes" under "No. of eyes": 17 of the arm's 18
                parsed = proportion_row(counted[0], n, None, value)
            if parsed is not None and parsed["measure"] == "PROPORTION" and parsed.get("events") is not None and \
                    parsed.get("total") is not None and parsed["events"] > parsed["total"]:
                parsed = None       # "7/4" is no count of its total
            if parsed is None and n and zero_among_shares(value, [_clean(c["text"]) for k, c in row.items() if k and k != col]):
                parsed = proportion_row(0, n, None, value)     # "Ketamine | 0 | 88.2% | 11.8%": none of the arm's n
            if parsed is None and _BARE_DECIMAL.fullmatch(value):
                unread.append((col, outcome, timepoint))
            if parsed is None and n and ":" in value or parsed is None and n and "-" in value:
                # "DM:(3), GN:(2), HTN:(2)" under "Underlying disease (cases)": the arm's count of each category
                for item in _packed_categories(value, n):
                    category = dict(item)
                    category.pop("offset", None)
                    name = category.pop("category")
                    out.append(_transposed_row(row, col, column, category, arm, (f"{outcome}: {name}", timepoint),
                                               (start, end, evidence), (row_when, row_before),
                                               dict(doc_id=doc_id, source_file=source_file, condition=condition,
                                                    baseline_table=baseline_table, caption_timepoint=caption_timepoint)))
            if parsed is None:
                continue
            read.append(parsed)
            out.append(_transposed_row(row, col, column, parsed, arm, (outcome, timepoint), (start, end, evidence),
                                       (row_when, row_before), dict(doc_id=doc_id, source_file=source_file, condition=condition,
                                            baseline_table=baseline_table, caption_timepoint=caption_timepoint)))
            if split:
                out[-1]["subgroup"] = split
        if len(read) >= 2 and all(p["measure"] == "MEAN" and p.get("sd") is not None for p in read):
            # "| Control | Before treatment | 55.1±11.2 | 1.24±0.07 | 67.12 |": beside the row's means, a bare
            # decimal is that arm's mean printed without its SD
            for col, outcome, timepoint in unread:
                parsed = parse_arm_cell(_clean(scan_view(row[col]["text"])), "mean", n)
                if parsed is not None:
                    out.append(_transposed_row(row, col, columns[col], parsed, arm, (outcome, timepoint),
                                               (start, end, evidence), (row_when, row_before), dict(doc_id=doc_id, source_file=source_file,
                                                                condition=condition, baseline_table=baseline_table,
                                                                caption_timepoint=caption_timepoint)))
    # "Mean difference [95% CI] | - | -0.13 (-0.43 to 0.18)" and "Std effect size | - | -0.11" under each outcome's arm
    # rows: the two arms' comparison at each column's time
    out.extend(_transposed_effect_rows(doc_id, text, table, by_row, arm_rows, columns, headings, caption,
                                       dict(source_file=source_file, condition=condition)))
    read_effects = {(r.get("measure"), r.get("value"), r.get("intervention")) for r in out}
    out.extend(r for r in _transposed_reference_effects(doc_id, text, table, by_row, arm_rows, columns, caption,
                                                       dict(source_file=source_file, condition=condition), headings)
               if (r["measure"], r["value"], r["intervention"]) not in read_effects)
    return out


# a relative change printed in brackets after a difference: "-12 (-7%)", "-1 (< -1%)"
_RELATIVE_CHANGE_BRACKET = re.compile(r"\s*[(\[]\s*[<>\u2264\u2265]?\s*[-+\u2212]?\d+(?:[.,]\d+)?\s*%\s*[)\]]\s*$")


def _difference_against_control_cell(row: dict, col: int, columns: dict[int, _Column], arm: Arm, arms: list[Arm],
                                     outcome: str, context: dict) -> list[dict]:
    """One arm row's cell under a header subtracting the control ("Δ PSE-Placebo | -12 (-7%)"): the MD of the row's
    arm against the control's row (the relative change in brackets left unread), at the time of the column it
    follows when its own header names none; [] in the control's own row, or when no single arm is that control."""
    kind = difference_against_control(columns[col].header or "")
    references = list({id(a): a for a in arms if control_canonical(a.name) == kind or
                       control_canonical(a.canonical) == kind}.values())
    if len(references) != 1 or references[0] is arm:
        return []
    parsed = parse_effect_cell(_RELATIVE_CHANGE_BRACKET.sub("", _clean(scan_view(row[col]["text"]))))
    if parsed is None:
        return []
    timepoint = columns[col].timepoint or next((columns[k].timepoint for k in sorted(columns, reverse=True)
                                                if 0 < k < col and columns[k].timepoint), "")
    what, said = _outcome_and_timepoint(outcome)
    return [_effect_row(dict(context, outcome=what, timepoint=timepoint or said), parsed["measure"] or "MD", parsed,
                        arm, references[0], "", int(row[col]["start"]) - context["start"])]


def _headings_with_whole_sample_figures(by_row: dict, arm_rows: dict[int, Arm], headings: dict[int, str]) -> dict[int, str]:
    """ "| Total cholesterol | 256.0 ± 24.3 | | |" over "| Placebo phase | | 238.4 ± 18.8 | 239.3 ± 28.3 |": an outcome's
    row whose figures sit only in columns no arm row fills (the whole sample's reference value before the arms
    began) is the heading of the arm rows under it, as an empty heading row is; {row: its label}. A row naming a
    comparison ("Difference", "P value", "OR") is never a heading: it closes the arms' block above it."""
    filled_by_arms = {k for r in arm_rows for k, c in by_row[r].items() if k and _clean(c["text"])}
    found: dict[int, str] = {}
    for r, row in by_row.items():
        label = _clean(row[0]["text"]) if row.get(0) else ""
        if r in arm_rows or r in headings or not label or not any(a > r for a in arm_rows):
            continue
        figures = {k for k, c in row.items() if k and _clean(c["text"]) and _clean(c["text"]) != label}
        if not figures or figures & filled_by_arms or len(filled_by_arms) < 2:
            continue
        if names_arms_difference(label) or difference_against(label) or _P_HEADER.search(label) \
                or any(p.search(label) for _, p in _EFFECT_HEADERS):
            continue
        found[r] = label
    return found


def _transposed_reference_effects(doc_id: str, text: str, table: dict, by_row: dict, arm_rows: dict[int, Arm],
                                 columns: dict[int, _Column], caption: str, where: dict,
                                 headings: dict[int, str] | None = None) -> list[dict]:
    """An effect column of a table whose rows are the arms, one arm's cell the reference ("Adjusted hazard ratio model"
    over "Exp (B)", cells "0.718 | 0.801 | 1 (Ref)"; "Effect size (95% CI) 0-3" with "Ref." in the control's row of
    each outcome's block): each other arm's cell is its effect against that arm, printed with or without its interval
    (the reference cell says the column compares the arms); the p-value in the "p" column right of it. The measure is
    the one the column's header path names (a model's "Exp (B)" is the ratio its spanning header names; "Effect size"
    an SMD). Every reference cell of the column must be the same arm's (one block per outcome repeats it); a
    difference's column then takes its outcome from the heading row above and its time from its header."""
    out: list[dict] = []
    bounds = _row_bounds(by_row)
    headings = headings or {}
    outcome = _CAPTION_NUMBER.sub("", caption).strip(" .:;")
    for col, column in sorted(columns.items()):
        if not col:
            continue
        path = " ".join(_clean(p) for p in column.parts) or column.header or ""
        measure = next((m for m, p in _EFFECT_HEADERS[:-1] if p.search(path)), "")
        if not measure:
            continue
        cells = {r: _clean(scan_view(by_row[r][col]["text"])) for r in arm_rows if by_row[r].get(col) is not None}
        references = [r for r, t in cells.items() if t and re.search(r"[A-Za-z]", t) and _REFERENCE_CELL.fullmatch(t)]
        reference_arms = list({id(arm_rows[r]): arm_rows[r] for r in references}.values())
        if len(reference_arms) != 1:
            continue
        reference = reference_arms[0]
        blocked = measure not in RATIO_MEASURES or len(references) > 1     # (an outcome per heading block)
        beside = columns.get(col + 1)
        p_col = col + 1 if beside is not None and _ONLY_P_HEADER.fullmatch(
            (_clean(beside.parts[-1]) if beside.parts else beside.header) or "") else None
        for r, words in cells.items():
            arm = arm_rows[r]
            if r in references or arm is reference or not words:
                continue
            parsed = parse_effect_cell(words)
            if parsed is None or ((parsed["measure"] or measure) in RATIO_MEASURES and parsed["value"] <= 0):
                continue
            if parsed["p_value"] is None and p_col is not None and by_row[r].get(p_col) is not None:
                parsed["p_value"], parsed["p_text"] = parse_p_cell(_clean(scan_view(by_row[r][p_col]["text"]))) or (None, None)
            if not parsed["adjusted"] and adjustment(path) != "unknown":
                parsed["adjusted"] = adjustment(path)       # "Adjusted hazard ratio model"
            start, end = _row_span(text, table, bounds, r)
            own_outcome, timepoint = outcome, _caption_timepoint(caption)
            top = max([h for h in headings if h < r], default=-1)
            if blocked and top >= 0:
                own_outcome, heading_time = _outcome_and_timepoint(headings[top])
                timepoint = column.timepoint or heading_time or timepoint
            elif blocked:
                timepoint = column.timepoint or timepoint
            context = dict(doc_id=doc_id, source_file=where["source_file"], condition=where["condition"],
                           outcome=own_outcome, timepoint=timepoint, evidence=text[start:end],
                           start=start, end=end, subgroup="", role="")
            out.append(_effect_row(context, parsed["measure"] or measure, parsed, arm, reference, "",
                                   int(by_row[r][col]["start"]) - start))
    return out


def _transposed_effect_rows(doc_id: str, text: str, table: dict, by_row: dict, arm_rows: dict[int, Arm],
                            columns: dict[int, _Column], headings: dict[int, str], caption: str, where: dict) -> list[dict]:
    """The effect rows of a table whose rows are the arms: a row labelled with a measure ("Mean difference in change
    from baseline [95% CI]", "Std effect size", "OR (95% CI)") under the rows of exactly two arms since the last
    heading row compares those two arms, one effect per cell of a figure column; a "p value" row right under it
    gives each cell's p. Which arm is first (table_effects.difference_order): the printed arithmetic, else the arms'
    roles, else the order of their rows."""
    out: list[dict] = []
    bounds = _row_bounds(by_row)
    said = f"{caption}\n{_footnotes(text, table)}"
    ordered = sorted(by_row)
    for i, r in enumerate(ordered):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        if r in arm_rows or not label:
            continue
        measure = transposed_effect_measure(label, next((m for m, p in _EFFECT_HEADERS if p.search(label)), ""), said) \
            or ("DIFF" if names_arms_difference(label) else "")      # ("Δ" alone under the two arms' rows)
        if not measure:
            continue
        top = max([h for h in headings if h < r], default=-1)
        block = [a for k, a in sorted(arm_rows.items()) if top < k < r]
        unique = list({id(a): a for a in block}.values())
        if len(unique) != 2 or len(block) != 2:
            continue
        block_rows = [k for k in sorted(arm_rows) if top < k < r]
        heading = headings.get(top, "") if top >= 0 else _CAPTION_NUMBER.sub("", caption).strip(" .:;")
        below = by_row.get(ordered[i + 1]) if i + 1 < len(ordered) else None
        p_row = below if below is not None and below.get(0) and _P_HEADER.search(_clean(below[0]["text"])) else None
        start, end = _row_span(text, table, bounds, r)
        kinds = [p["measure"] for k in block_rows for c, cell in by_row[k].items() if c
                 for p in [parse_arm_cell(_clean(scan_view(cell["text"])), "", None)] if p is not None]
        for col in sorted(c for c in row if c and c in columns and not _ONLY_P_HEADER.fullmatch(columns[c].header or "")):
            # (a "P" column beside each figure column holds the p of the figure on its left, no effect of its own)
            cell = row[col]
            parsed = _effect_cell(_clean(scan_view(cell["text"])), measure, label)
            if parsed is None:
                continue
            own = parsed["measure"] or _effect_measure(measure, kinds, "", label)
            if own is None or (own in RATIO_MEASURES and parsed["value"] <= 0):
                continue
            first, second = difference_order(
                own, parsed["value"],
                [[leading_figure(_clean(by_row[k][c]["text"])) if by_row[k].get(c) else None for c in sorted(columns) if c]
                 for k in block_rows], sorted(c for c in columns if c).index(col), [a.role for a in block])
            if parsed["p_value"] is None and parsed["p_text"] is None and p_row is not None and p_row.get(col):
                parsed["p_value"], parsed["p_text"] = parse_p_cell(_clean(scan_view(p_row[col]["text"]))) or (None, None)
            if parsed["p_value"] is None and parsed["p_text"] is None and col + 1 in columns and row.get(col + 1) and \
                    _ONLY_P_HEADER.fullmatch(columns[col + 1].header or ""):
                parsed["p_value"], parsed["p_text"] = parse_p_cell(_clean(scan_view(row[col + 1]["text"]))) or (None, None)
            outcome, timepoint = _outcome_and_timepoint(heading)
            context = dict(doc_id=doc_id, outcome=outcome, timepoint=columns[col].timepoint or columns[col].header or timepoint,
                           evidence=text[start:end], start=start, end=end, subgroup="", role="", **where)
            out.append(_effect_row(context, own, parsed, block[first], block[second], "", int(cell["start"]) - start))
    return out


_BARE_DECIMAL = re.compile(r"[-\u2212]?\d+\.\d+")
_ONLY_P_HEADER = re.compile(r"\s*p\s?[-\u2010\u2013]?\s?(?:values?)?\s*[*\u2020\u2021\u00a7]?\s*", re.I)


# a group named at the end of a characteristic's row: "Gender Total", "Age, all patients"
_TRAILING_WHOLE = re.compile(r"(?P<what>.*?)[\s,:;-]*\b(?P<whole>total|all(?:\s+(?:patients|participants|subjects))?|"
                             r"overall|whole\s+(?:sample|group))\s*", re.I)
# the treatments of a crossover sequence, in the order given: "Placebo/Drug", "Drug → Placebo", "A then B", "AB"
_SEQUENCE_JOIN = re.compile(r"\s*(?:/|\u2192|->|>|\bthen\b|\bfollowed\s+by\b)\s*", re.I)


def _sequence_arm(label: str, study: Study | None, local: dict[str, Arm]) -> Arm | None:
    """The group of a crossover trial a label names by its sequence of treatments ("Placebo/Drug X (n = 12)",
    "Drug X → Placebo", "Placebo then drug X"): an arm "placebo then drug x" of the table's own; None outside a
    crossover (there "Midazolam/fentanyl" is one arm given both) or when no part names a treatment."""
    name, n = split_size(label)
    parts = [x for x in _SEQUENCE_JOIN.split(name) if x]
    if not 2 <= len(parts) <= 3 or study is None or not study.crossover or \
            not all(re.fullmatch(r"[A-Za-z][\w+-]*(?:\s[\w+-]+){0,2}", x) for x in parts) or \
            not any(study.resolve(x) is not None or control_canonical(x) or find_drugs(x) for x in parts):
        return None
    named = " then ".join(x.strip().lower() for x in parts)
    return local.setdefault(f"sequence {named}", Arm(arm_id="", name=named, canonical=named, n=n, role="", start=0,
                                                      end=0, source="table", aliases={named}))


def _block_group(label: str, study: Study | None, local: dict[str, Arm]) -> tuple[str, Arm] | None:
    """(the characteristic the label also names, the group) when a row label names a group of a table stacked in
    blocks: an arm of the study, a crossover sequence of treatments ("Placebo/Drug X": the arm "placebo then drug
    x"), or all patients ("Total", "Gender Total")."""
    name = split_size(label)[0]
    whole = _TRAILING_WHOLE.fullmatch(name)
    if whole is not None:
        return whole.group("what").strip(" ,;:-"), _ALL_PATIENTS
    sequence = _sequence_arm(label, study, local)
    if sequence is not None:
        return "", sequence
    arm = study.resolve_column(name) if study is not None else None
    if arm is not None and _names_arm(name, arm):
        return "", arm
    return None


def _read_group_blocks(doc_id: str, text: str, table: dict, by_row: dict, columns: dict[int, _Column],
                       study: Study | None, local: dict[str, Arm], caption: str, source_file: str,
                       condition: str) -> list[dict]:
    """A table of one column of figures stacked in blocks, one per group: a row naming the group ("Total",
    "Placebo/Drug X" in a crossover, an arm) with its figure or over its categories ("| | Male | 18 (36.0%) |"),
    under the characteristic a header or a row names ("Age (years)", "Gender Total | | n (%)"). Each figure is one
    arm-level row of its group; a group's size is the sum of a block of categories whose shares add up to 100 %."""
    value_columns = [c for c in columns if c and not _P_HEADER.search(columns[c].header)
                     and any(re.search(r"\d", _clean(row[c]["text"])) for row in by_row.values() if row.get(c)
                             and not re.match(r"\s*p\s*[<>=]", _clean(row[c]["text"]), re.I))]
    if len(value_columns) != 1:
        return []
    value = value_columns[0]
    groups = {r: _block_group(_clean(row[0]["text"]), study, local) for r, row in by_row.items()
              if row.get(0) and _clean(row[0]["text"])}
    named = {id(g[1]) for g in groups.values() if g is not None}
    if len(named) < 2 or not any(g is not None and g[1] is not _ALL_PATIENTS for g in groups.values()):
        return []
    label_header = columns[0].header if 0 in columns else ""
    what = _FORMAT.sub("", label_header).strip(" ,;:") if label_header and not _GENERIC_LABEL_HEADER.fullmatch(label_header) else ""
    # (the column's header path: "Median (range)" spanning the value column's own header)
    column_hint = (header_path_format(columns[value].parts, columns[value].hint) or label_format(columns[value].header)) \
        if value in columns else ""
    hint, group = column_hint, None
    baseline = _baseline_caption(caption) or bool(re.search(r"\b(?:profile|characteristics)\b", caption, re.I))
    bounds = _row_bounds(by_row)
    found: list[tuple[dict, dict, Arm, str]] = []       # (context, parsed, group, characteristic)
    for r in sorted(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        category = _clean(row[1]["text"]) if row.get(1) and value != 1 else ""
        cell = row.get(value)
        figure = _clean(cell["text"]) if cell is not None else ""
        if label:
            named_group = groups.get(r)
            if named_group is None:
                what, group, hint = _FORMAT.sub("", label).strip(" ,;:") or label, None, label_format(label) or column_hint
                continue
            if named_group[0]:
                what = named_group[0]
            group = named_group[1]
            if figure and (_FORMAT_ONLY.fullmatch(figure) or label_format(figure)):
                hint = label_format(figure) or column_header_format(figure) or hint     # "Gender Total | | n (%)"
                continue
        if group is None or not figure or cell is None:
            continue
        parsed = parse_arm_cell(_clean(scan_view(cell["text"])), hint, group.n if group is not _ALL_PATIENTS else None)
        if parsed is None:
            continue
        outcome = f"{what}: {category}" if category and not label else (what or _CAPTION_NUMBER.sub("", caption).strip(" .:;"))
        start, end = _row_span(text, table, bounds, r)
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome, timepoint="",
                       evidence=text[start:end], start=start, end=end, subgroup="",
                       role="baseline" if baseline or _demographic(what) else "")
        found.append((context, dict(parsed, offset=int(cell["start"]) - start), group, what))
    # each group's size: the counts of a characteristic's categories whose shares add up to 100 %
    sizes: dict[int, int] = {}
    blocks: dict[tuple[int, str], list[dict]] = {}
    for context, parsed, group, what in found:
        if parsed["measure"] == "PROPORTION" and parsed.get("events") is not None and parsed.get("pct_text"):
            blocks.setdefault((id(group), what), []).append(parsed)
    for (gid, _), parts in blocks.items():
        shares = [parse_number(p["pct_text"]) or 0 for p in parts]
        if len(parts) >= 2 and abs(sum(shares) - 100) <= 1.5 and gid not in sizes:
            sizes[gid] = sum(p["events"] for p in parts)
    out = []
    for context, parsed, group, what in found:
        n = sizes.get(id(group))
        if parsed["measure"] == "PROPORTION" and parsed.get("total") is None and n:
            parsed = dict(parsed, total=n, value=parsed["events"] / n if parsed.get("events") is not None else parsed["value"])
        elif parsed.get("total") is None and n:
            parsed = dict(parsed, total=n)
        if parsed["measure"] == "PROPORTION" and parsed.get("total") is None:
            continue        # a count of a group whose size nothing gives
        out.append(_arm_row(context, parsed, group, parsed["offset"]))
    return out


_TOTAL_LABEL = re.compile(r"\s*(?:total|all(?:\s+(?:patients|participants|subjects))?|overall)\s*:?\s*", re.I)


def _read_whole_column(doc_id: str, text: str, table: dict, by_row: dict, columns: dict[int, _Column], caption: str,
                       source_file: str, condition: str, study: Study | None = None) -> list[dict]:
    """A table of no arm with one column of "n (%)" counts ("Types | Frequency (%)" over "Mesioangular | 51 (51.0)"
    ... "Total | 100 (100)"): the whole population's counts, of the size its "Total" row prints (its share 100 %, or
    the sum of the rows), else the one size all the shares agree on."""
    # (a column with no header cell of its own is a value column too: "Demographic characteristics | " over the rows)
    value_columns = [c for c in sorted(set(columns) | {k for row in by_row.values() for k in row})
                     if c and any(row.get(c) and re.search(r"\d", _clean(row[c]["text"])) for row in by_row.values())]
    joined = counts_with_shares(by_row, {c: col.header for c, col in columns.items()}, value_columns)
    if joined is not None:      # "Male | 16 | 39.0" under "n | %": one column "16 (39.0)"
        by_row, value_columns = joined[0], [joined[1]]
    # "Mean (SD) | Range": the range of the value column's figures in the next column (grid_layouts.range_columns)
    ranges = range_columns({c: col.header for c, col in columns.items()}, value_columns)
    if len(value_columns) == 2 and len(ranges) == 1:
        value_columns = list(ranges)
    if len(value_columns) != 1:
        return []
    value = value_columns[0]
    sized = [size_row(_clean(row[0]["text"]), _clean(row[value]["text"])) for row in by_row.values()
             if row.get(0) and row.get(value)]
    header = columns[value].header if value in columns else ""
    hint = label_format(header) or table_format(caption, "")
    # "Characteristics of the study population (n = 20)": the caption (or the column) prints the whole size, and the
    # rows then give means as well as counts, each in its label's format (table_sizes.py)
    # ("Adverse events in patients receiving X | n (%)": the one arm the caption names, of that arm's size)
    group = caption_arm(caption, study) or _ALL_PATIENTS
    declared = (group.n if group is not _ALL_PATIENTS else None) or whole_population_size(caption, header) or \
        next((n for n in sized if n), None) or whole_sample_size(caption, header, [a.n for a in study.arms] if study is not None else [],
                          [_clean(row[value]["text"]) for row in by_row.values() if row.get(value)],
                          crossover=bool(study is not None and study.crossover))
    counted, total, summaries, heading = [], None, [], ""
    for r in sorted(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        figure = _clean(row[value]["text"]) if row.get(value) else ""
        if not label or not figure:
            heading = label if label and not figure else heading
            continue
        if size_row(label, figure):
            continue            # "Number of patients | 41": the size, no count of a trait
        parsed = parse_arm_cell(_clean(scan_view(row[value]["text"])), label_format(label) or hint, declared)
        bounds = range_bounds(_clean(row[ranges[value]]["text"])) if value in ranges and row.get(ranges[value]) else None
        if parsed is not None and bounds is not None and parsed.get("range_low") is None and \
                parsed["measure"] in ("MEAN", "MEDIAN") and bounds[0] <= parsed["value"] <= bounds[1]:
            parsed = dict(parsed, range_low=bounds[0], range_high=bounds[1])
        if parsed is not None and parsed["measure"] in ("MEAN", "MEDIAN") and label_format(label) != "n_pct":
            # a mean beside the counts is of the size they give when the table prints none (whole_sample.py)
            # "Age (years)" over "Mean ± SD | 33.1 ± 8.8": a label that only names the statistic is its heading's
            (counted if declared else summaries).append((r, label if _FORMAT.sub("", label).strip(" ,;:") else
                                                         heading or label, parsed))
            continue
        parsed = parse_arm_cell(_clean(scan_view(row[value]["text"])), hint or "n_pct", None)
        sexes = sex_pair_in_words(figure) if declared else None
        if sexes is not None and sum(sexes[1:]) == declared:
            # "Sex | 10 males; 5 females" of 15: the first sex's count (whole_sample.py)
            counted.append((r, sexes[0], proportion_row(sexes[1], declared, None, figure)))
            continue
        if (parsed is None or parsed["measure"] != "PROPORTION" or parsed.get("events") is None) and declared:
            continue        # a row of another shape in a table whose size is declared: that row unread
        if parsed is None or parsed["measure"] != "PROPORTION" or parsed.get("events") is None:
            # ("Mean age, y (range) | 38.83 (18-78)" above the counts): left unread, the counts read if their shares
            # agree on one size (a mean's n is the population's only when the table prints it)
            continue
        if _TOTAL_LABEL.fullmatch(label):
            total = parsed["events"]
            continue
        counted.append((r, label, parsed))
    if len(counted) < 2:
        return []
    shares = [p for _, _, p in counted if p["measure"] == "PROPORTION"]
    if total is not None and total != sum(p["events"] for p in shares) and \
            not all(p.get("pct_text") and share_agrees(p["events"], total, p["pct_text"]) for p in shares):
        return []
    size = total or declared or _size_from_percentages(by_row, value, hint or "n_pct", unanimous=True)
    if not size or any(p["measure"] == "PROPORTION" and p["events"] > size for _, _, p in counted):
        return []
    counted = sorted(counted + summaries, key=lambda c: c[0])
    baseline = _baseline_caption(caption)
    bounds = _row_bounds(by_row)
    out = []
    for r, label, parsed in counted:
        start, end = _row_span(text, table, bounds, r)
        outcome = _FORMAT.sub("", label).strip(" ,;:") or label
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome, timepoint="",
                       evidence=text[start:end], start=start, end=end, subgroup="",
                       role="baseline" if baseline or _demographic(outcome) else "")
        whole = proportion_row(parsed["events"], size, parsed.get("pct_text"), parsed["value_text"]) \
            if parsed["measure"] == "PROPORTION" else dict(parsed, total=size)
        out.append(_arm_row(context, whole, group, int(by_row[r][value]["start"]) - start))
    return out


_GENERIC_LABEL_HEADER = re.compile(r"\s*(?:variables?|characteristics?|parameters?|items?|groups?|sequences?)\s*:?\s*", re.I)


def _arm_statistic_rows(by_row: dict, r: int, arm_rows: dict[int, Arm], columns: dict[int, "_Column"],
                        label_columns: set[int]) -> tuple[list[tuple[str, int]], list[int]] | None:
    """([(statistic, row)], the figure columns) of the rows right under an arm's row that print that arm's statistics
    one per row ("Minimum", "Maximum", "Mean", "SD" under "| NFB | | | 0.001 |"), the arm's own row empty in those
    columns (a p beside it is the arm's test); None when the rows under it are no such run."""
    ordered = sorted(by_row)
    k = ordered.index(r)
    if k + 1 >= len(ordered) or ordered[k + 1] in arm_rows:
        return None
    row, below = by_row[r], by_row[ordered[k + 1]]
    figure_columns = [c for c in sorted(columns) if c and c not in label_columns
                      and not (row.get(c) and _clean(row[c]["text"])) and below.get(c) and _clean(below[c]["text"])]
    run = _statistic_run(by_row, ordered, k + 1, figure_columns) if figure_columns else []
    if not run or any(rr in arm_rows for _, rr in run):
        return None
    return run, figure_columns


def _transposed_row(row: dict, col: int, column: "_Column", parsed: dict, arm: Arm, what: tuple[str, str],
                    span: tuple[int, int, str], when: tuple[str, bool], where: dict) -> dict:
    """One arm-level row of a transposed table's cell (see _read_transposed)."""
    (outcome, timepoint), (start, end, evidence), (row_when, row_before) = what, span, when
    baseline = where["baseline_table"] or column.baseline or row_before or _demographic(outcome)
    if (row_when and not row_before) or (column.timepoint and not column.baseline):
        baseline = False        # "Weight" at "Week 8": measured after the start, an outcome
    context = dict(doc_id=where["doc_id"], source_file=where["source_file"], condition=where["condition"],
                   outcome=outcome, timepoint=column.timepoint or row_when or timepoint or where["caption_timepoint"],
                   evidence=evidence, start=start, end=end, subgroup="", role="baseline" if baseline else "")
    return _arm_row(context, parsed, arm, int(row[col]["start"]) - start)


# "ACR50, upadacitinib vs adalimumab", "Drug A versus placebo — death": a row naming the comparison it reports
def _read_comparison_rows(doc_id: str, text: str, table: dict, by_row: dict, effect_columns: dict, p_columns: list[int],
                          study: Study | None, caption: str, source_file: str, condition: str,
                          spreads: tuple[dict, dict, dict] = ({}, {}, {})) -> list[dict] | None:
    """An effect table without arm columns whose rows name the two arms they compare: one comparative row per
    effect cell, its arms from the row label; None when no row names two arms of the study."""
    if study is None:
        return None
    out: list[dict] = []
    bounds = _row_bounds(by_row)
    caption_timepoint = _caption_timepoint(caption)
    for r in sorted(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        m = _VERSUS.search(label) if label else None
        if m is None:
            continue
        a, b = study.resolve(m.group("a")), study.resolve(m.group("b"))
        if a is None or b is None or a is b:
            continue
        outcome = (label[:m.start()] + " " + label[m.end():]).strip(" ,;:-—–")
        outcome, timepoint = _outcome_and_timepoint(outcome) if outcome else (_CAPTION_NUMBER.sub("", caption).strip(" .:;"), "")
        start, end = _row_span(text, table, bounds, r)
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome,
                       timepoint=timepoint or caption_timepoint, evidence=text[start:end], start=start, end=end,
                       subgroup="", role="")
        p_value, p_text = _row_p(row, p_columns)
        for column in sorted(effect_columns):
            cell = row.get(column)
            measure, header = effect_columns[column]
            parsed = _effect_cell(_clean(scan_view(cell["text"])), measure, header, _declared_by_mark(cell, text, table),
                                  _interval_beside(row, column, spreads)) if cell is not None else None
            if parsed is None:
                continue
            _spread_columns(parsed, row, column, spreads)
            measure = parsed["measure"] or _effect_measure(measure, [], label_format(label), header)
            if measure is None:
                continue
            _percentage_points(measure, parsed, [], header)
            if parsed["p_value"] is None and parsed["p_text"] is None:
                parsed["p_value"], parsed["p_text"] = p_value, p_text
            out.append(_effect_row(context, measure, parsed, a, b, "", int(cell["start"]) - start))
    if out:
        return out
    return _read_effect_column_rows(doc_id, text, table, by_row, effect_columns, p_columns, study, caption,
                                    source_file, condition, spreads) or None


def _interval_beside(row: dict, column: int, spreads: tuple[dict, dict, dict]) -> bool:
    """Whether the row prints the interval of its effect in `column` in columns of their own ("Difference | 95% CI"
    over "0.78 ± 0.3 | 0.2 to 1.4", or "Lower | Upper"): the effect cell then holds the estimate and at most its
    standard error."""
    interval_of, bounds_of, _ = spreads
    if column in interval_of and row.get(interval_of[column]) is not None:
        return _interval_cell_pair(row[interval_of[column]]["text"])[0] is not None
    return column in bounds_of and _bound_cells(row, bounds_of[column])[0] is not None


def _spread_columns(parsed: dict, row: dict, column: int, spreads: tuple[dict, dict, dict]) -> None:
    """The interval or standard error of an effect cell printed in columns of their own: "95% CI", "Lower | Upper",
    "SE" right of the effect column."""
    interval_of, bounds_of, se_of = spreads
    if parsed["ci_low"] is None and column in interval_of and row.get(interval_of[column]) is not None:
        parsed["ci_low"], parsed["ci_high"] = _interval_cell_pair(row[interval_of[column]]["text"])
    if parsed["ci_low"] is None and column in bounds_of:
        parsed["ci_low"], parsed["ci_high"] = _bound_cells(row, bounds_of[column])
    if parsed.get("se") is None and column in se_of and row.get(se_of[column]) is not None:
        parsed["se"] = _se_cell(row[se_of[column]]["text"])


# a table of factors rather than of the trial's comparison: "Factors associated with relapse", "Predictors of ...",
# "Multivariable logistic regression", a first column headed "Variable" / "Risk factor" / "Covariate"
_FACTOR_TABLE = re.compile(r"\b(?:(?:risk|prognostic)\s+)?factors?\b|\bpredictors?\b|\bpredictive\b|\bassociat(?:ed|ions?)\b|"
                           r"\bregression\b|\bmultivariat\w*|\bmultivariable\b|\bunivariat\w*|\bunivariable\b|"
                           r"\bcovariates?\b|\bdeterminants?\b", re.I)
# a row naming a category of the heading above it rather than an outcome: "Yes", "No", "Present", "< 65", "65 or older"
_CATEGORY_OF_A_HEADING = re.compile(r"\s*(?:yes|no|present|absent|positive|negative|male|female|[<>\u2264\u2265=]\s*\d.*|"
                                    r"\d+(?:\.\d+)?\s*(?:[-\u2013]\s*\d+(?:\.\d+)?|\+|or\s+(?:more|older|less|younger)|"
                                    r"years?\s+or\s+(?:more|older|less|younger)).*)\s*", re.I)
_FACTOR_LABEL_HEADER = re.compile(r"\s*(?:(?:risk|prognostic|baseline)\s+)?(?:factors?|variables?|covariates?|predictors?|"
                                  r"characteristics?)\s*", re.I)


def _read_effect_column_rows(doc_id: str, text: str, table: dict, by_row: dict, effect_columns: dict,
                             p_columns: list[int], study: Study, caption: str, source_file: str,
                             condition: str, spreads: tuple[dict, dict, dict]) -> list[dict]:
    """An effect table without arm columns whose rows name no comparison: each row an outcome, or a subgroup
    ("Age < 65 years", "Men") of the caption's outcome, compared as the effect column's header says ("Drug A vs
    placebo, HR (95% CI)"), else as the trial's one experimental and one control arm. A table of factors (its
    caption or first header naming factors, predictors, a regression) is no comparison of the arms: nothing here
    (the sentence reader's factor rules read its rows as prognostic, each factor against its reference)."""
    heads = header_rows(table)
    label_header = " ".join(_clean(c.get("text")) for c in table.get("cells") or []
                            if int(c["row"]) in heads and int(c["col"]) == 0)
    local: dict[str, Arm] = {}      # arms only this table's headers name (see _figure_column_arms)
    figure_arms = {column: _figure_column_arms(table, by_row, column, effect_columns, p_columns, spreads, study, local)
                   for column in effect_columns}
    said = f"{caption}\n{_footnotes(text, table)}"
    if _FACTOR_TABLE.search(caption) or _FACTOR_LABEL_HEADER.fullmatch(label_header or "-") and \
            not all(figure_arms.values()) and not declares_effects(said):
        # (a first column headed "Variable" over two arms' figures and their difference is no table of factors)
        return []       # the factor reader of the text (finder "interval") reads each factor against its reference
    experimental = [a for a in study.arms if a.role == "experimental"]
    control = [a for a in study.arms if a.role == "control"]
    trial_arms = (experimental[0], control[0]) if len(experimental) == 1 and len(control) == 1 else None
    notes_arms = _arms_of_the_notes(f"{caption}\n{_footnotes(text, table)}", study, text)
    if notes_arms is not None and trial_arms is not None and {id(a) for a in notes_arms} == {id(a) for a in trial_arms}:
        trial_arms = notes_arms     # (the same two arms, in the order the notes' reference says)
    under_arm = {column: _arm_above_against_reference(table, column, study, said, text) for column in effect_columns}
    caption_outcome = _CAPTION_NUMBER.sub("", caption).strip(" .:;")
    caption_timepoint = _caption_timepoint(caption)
    bounds = _row_bounds(by_row)
    out: list[dict] = []
    heading = ""        # a row of words only ("Diabetes", "Age") over the categories it splits the patients into
    stratum_header = _stratum_column_header(table, by_row, effect_columns, p_columns, spreads, study)
    label_above = ""
    for r in sorted(by_row):
        row = by_row[r]
        label = _clean(row[0]["text"]) if row.get(0) else ""
        stratum = _clean(row[1]["text"]) if stratum_header and row.get(1) else ""
        if not label and stratum and label_above:
            label = label_above     # (the outcome printed once over its strata's rows)
        if not label:
            continue
        label_above = label
        if not any(_clean(row[col]["text"]) for col in effect_columns if row.get(col)):
            heading = label     # (its p-value for interaction may stand beside it)
            continue
        subgroup = label if _STRATUM_SECTION.fullmatch(label) else ""
        if heading and (subgroup or _CATEGORY_OF_A_HEADING.fullmatch(label)):
            # "Age" over "< 65 years", "Diabetes" over "Yes | No": the category of the heading's trait
            subgroup = category_subgroup(heading, label)
        by_stratum = ""
        if stratum and not subgroup:
            # "Endpoint | Point prescription | n | Difference between groups" over "Pain | Initial | 15 | -0.23": the
            # outcome's effect in the stratum the second column names, of the characteristic its header names
            by_stratum = category_subgroup(stratum_header, stratum)
        start, end = _row_span(text, table, bounds, r)
        p_value, p_text = _row_p(row, p_columns)
        for column in sorted(effect_columns):
            cell = row.get(column)
            measure, header = effect_columns[column]
            parsed = _effect_cell(_clean(scan_view(cell["text"])), measure, header, _declared_by_mark(cell, text, table),
                                  _interval_beside(row, column, spreads)) if cell is not None else None
            if parsed is not None:
                _spread_columns(parsed, row, column, spreads)
            coefficient = under_arm[column] is not None and names_coefficient(_lowest_header(table, column))
            if parsed is None or parsed["ci_low"] is None and parsed.get("se") is None and not coefficient:
                continue        # a bare number under an effect header may be anything; an estimate prints its spread
            measure = parsed["measure"] or _effect_measure(measure, [], label_format(label), header) or (
                # "DM60" over "B | Wald χ2 | p" (a model's coefficient of the arm against the reference group): a
                # difference of the quantity's means when the row names no count or share
                "MD" if coefficient and difference_of_a_quantity(label, label_format(label)) else None) or (
                # "SBP (mmHg) | -0.48 (-5.45 to 4.50)" under "Effect of intervention (and 95% CI)": no arm's figure
                # beside it, a difference of the quantity's means when the row names no count or share
                "MD" if measure == "DIFF" and (declares_effects(said) or _BETWEEN_GROUPS.search(header))
                and difference_of_a_quantity(label, label_format(label)) else None)
            if measure is None:
                continue
            _percentage_points(measure, parsed, [], header)
            if parsed["p_value"] is None and parsed["p_text"] is None:
                # (each block its own p: "DM60" over "B | Wald χ2 | p", "DM120" over the same; "Unadjusted | Model 1"
                # over "Est | 95% CI | p" each)
                own_p = [c for c in p_columns if c > column and not any(column < e < c for e in effect_columns)]
                parsed["p_value"], parsed["p_text"] = _row_p(row, own_p) if own_p else (p_value, p_text)
            if not parsed["adjusted"]:
                said = without_p_adjustment(f"{header} {caption}")
                parsed["adjusted"] = "yes" if _ADJUSTED_ABBREVIATION.search(header) else \
                    {"yes": "yes", "no": "no"}.get(adjustment(said), "")
            compared = _compared_arms(header, study, None) or under_arm[column] or trial_arms or figure_arms[column] \
                or notes_arms
            if compared is None:
                continue
            outcome, timepoint = (caption_outcome, "") if subgroup else _outcome_and_timepoint(label)
            context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome,
                           timepoint=timepoint or _column_time(header) or caption_timepoint, evidence=text[start:end],
                           start=start, end=end, subgroup=subgroup or by_stratum,
                           role="subgroup" if subgroup or by_stratum else "")
            out.append(_effect_row(context, measure, parsed, compared[0], compared[1], "", int(cell["start"]) - start))
    return out


# an effect column's header naming the comparison of the groups: "Difference between groups", "Between-group
# difference", "Group difference"
_BETWEEN_GROUPS = re.compile(r"\bdiff(?:erences?|\.)?\s+between\s+(?:the\s+)?(?:two\s+)?groups\b|"
                             r"\bbetween[- ]groups?\s+diff(?:erences?|\.)?|\bgroup\s+diff(?:erences?|\.)?", re.I)


def _stratum_column_header(table: dict, by_row: dict, effect_columns: dict, p_columns: list[int],
                           spreads: tuple[dict, dict, dict], study: Study | None) -> str:
    """The header of an effect table's second column when it names the strata its rows are split into ("Endpoint |
    Point prescription | n | Difference between groups"): words in every filled cell, not all times, none an arm of
    the study or a statistic, the column no effect's, p's or interval's; "" otherwise."""
    interval_of, bounds_of, se_of = spreads
    if 1 in effect_columns or 1 in p_columns or 1 in interval_of.values() or 1 in se_of.values():
        return ""
    heads = header_rows(table)
    header = " ".join(_clean(c.get("text")) for c in table.get("cells") or [] if int(c["row"]) in heads and int(c["col"]) == 1)
    texts = [_clean(row[1]["text"]) for row in by_row.values() if row.get(1) and _clean(row[1]["text"])]
    if not header or not re.search(r"[A-Za-z]", header) or statistic_name(header) or _header_when(header)[0] is not None \
            or len(texts) < 2 or len(set(texts)) < 2:
        return ""
    if any(re.search(r"\d", t) or statistic_name(t) or (study is not None and study.resolve_column(t) is not None)
           for t in texts) or all(_header_when(t)[0] is not None for t in texts):
        return ""       # (a column of times, "Week 4 | Week 8", is the effects' times; one word read as a time,
    return header       # "Initial" beside "Modified", is no time column)


def _lowest_header(table: dict, column: int) -> str:
    """A column's lowest header text (its own, under any spanning header)."""
    heads = header_rows(table)
    own = [(int(c["row"]), _clean(c.get("text"))) for c in table.get("cells") or []
           if int(c["row"]) in heads and int(c["col"]) == column and _clean(c.get("text"))]
    return max(own)[1] if own else ""


def _arm_above_against_reference(table: dict, column: int, study: Study, notes: str, text: str) -> tuple[Arm, Arm] | None:
    """(the arm, the reference) of an effect column under a spanning header naming one arm of the study ("DM60" over
    "B | Wald χ2 | p", "DM120" over the same): the model's estimate of that arm against the reference group, the arm
    no column's header names that the notes (else the document) declare the reference, else the one control arm
    no header names. None when the column's headers name no arm, or the reference is not known."""
    heads = header_rows(table)
    above = [_clean(c.get("text")) for c in table.get("cells") or []
             if int(c["row"]) in heads and int(c["col"]) == column and _clean(c.get("text"))]
    if len(above) < 2:
        return None
    arm = study.resolve_column(above[0])
    if arm is None:
        return None
    named = {id(a) for c in table.get("cells") or [] if int(c["row"]) in heads and int(c["col"]) > 0
             for a in [study.resolve_column(_clean(c.get("text")))] if a is not None}
    others = [a for a in study.arms if id(a) not in named]
    reference = declared_reference(notes, others) or declared_reference(text, others)
    if reference is None:
        controls = [a for a in others if a.role == "control"]
        reference = controls[0] if len(controls) == 1 else None
    return (arm, reference) if reference is not None and reference is not arm else None


def _arms_of_the_notes(notes: str, study: Study, text: str = "") -> tuple[Arm, Arm] | None:
    """(intervention, comparator): the two arms of the study a table's caption and footnotes name ("(N = 30 LGG; N =
    30 Placebo)"), by any of their names of three letters or more, when they name exactly two: the one they declare
    the reference ("the baseline for comparison is the LGG group", orientation.declared_reference) second, else the
    one the document (`text`: its methods, another table's notes) declares the reference of its models, else the
    control second; None otherwise (an effect column's arms are then not known)."""
    named = [a for a in study.arms
             if any(len(x) >= 3 and re.search(rf"(?<!\w){re.escape(x)}(?!\w)", notes or "", re.I)
                    for x in {str(a.name or "").lower(), *(str(x).lower() for x in a.aliases)})]
    if len(named) != 2 or named[0] is named[1]:
        return None
    reference = declared_reference(notes, named) or declared_reference(text, named)
    if reference is None:
        roles = [a.role for a in named]
        reference = named[roles.index("control")] if roles.count("control") == 1 else None
    if reference is None:
        return None
    other = named[1] if reference is named[0] else named[0]
    return other, reference


def _column_time(header: str) -> str:
    """The time an effect column's header names ("Week 4" of a table of effects by visit), else ""."""
    when = _header_when(header)[0]
    return header if when is not None and not when[1] else ""


def _figure_column_arms(table: dict, by_row: dict, column: int, effect_columns: dict, p_columns: list[int],
                        spreads: tuple[dict, dict, dict], study: Study, local: dict[str, Arm]) -> tuple[Arm, Arm] | None:
    """ "| Variable | US aspiration | I&D | Mean difference | 95% CI |" whose arm headers the study model does not
    resolve: the two figure columns left of the difference column are the arms it compares (table_effects.py), each
    the study's arm of that header, else the table's own."""
    interval_of, bounds_of, se_of = spreads
    taken = {0, *effect_columns, *p_columns, *interval_of.values(), *se_of.values(),
             *(c for pair in bounds_of.values() for c in pair)}
    heads = header_rows(table)
    headers: dict[int, str] = {}
    for c in sorted(table.get("cells") or [], key=lambda c: int(c["row"])):
        words = _clean(c.get("text"))
        if int(c["row"]) in heads and words:
            headers[int(c["col"])] = words        # the lowest header row naming the column: its own header
    # (times are no arms: "Before | After | Difference" is one arm's change)
    headers = {c: h for c, h in headers.items() if is_arm_header(h) and not statistic_name(h) and not _FORMAT_ONLY.fullmatch(h)
               and _header_when(h)[0] is None}
    body = [{k: _clean(cell["text"]) for k, cell in row.items()} for row in by_row.values()]
    pair = compared_figure_columns(column, headers, body, taken)
    if pair is None:
        return None
    first, second = (study.resolve_column(headers[c]) or _table_arm(headers[c], local) for c in pair)
    return (first, second) if first is not second else None


def _header_paths_and_rows(table: dict, heads: set[int]) -> tuple[dict[int, list[str]], dict[int, dict[int, dict]]]:
    """Each column's header path (the texts of its cells in the `heads` rows, top down) and the body's cells by row
    and column."""
    headers: dict[int, list[str]] = {}
    by_row: dict[int, dict[int, dict]] = {}
    for c in sorted(table.get("cells") or [], key=lambda c: (int(c["row"]), int(c["col"]))):
        if int(c["row"]) in heads:
            headers.setdefault(int(c["col"]), []).append(_clean(c.get("text")))
        else:
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    return headers, by_row


def _read_comparison_matrix(doc_id: str, text: str, table: dict, heads: set[int], study: Study | None, source_file: str,
                            condition: str) -> list[dict]:
    """An agent-by-agent matrix of differences (table_effects.comparison_matrix): one mean difference per filled
    cell, the row's agent against the column group's, with the group's interval and p-value columns."""
    if len(heads) < 2:
        return []
    headers, by_row = _header_paths_and_rows(table, heads)
    labels = {r: _clean(row[0]["text"]) for r, row in by_row.items() if row.get(0) and _clean(row[0]["text"])}
    groups = comparison_matrix(headers, list(labels.values()))
    if not groups:
        return []
    local: dict[str, Arm] = {}
    arm = lambda name: (study.resolve_column(name) if study is not None else None) or _table_arm(name, local)  # noqa: E731
    caption = str(table.get("caption") or "")
    outcome = _CAPTION_NUMBER.sub("", caption).strip(" .:;")
    bounds = _row_bounds(by_row)
    out = []
    for r, label in labels.items():
        row = by_row[r]
        start, end = _row_span(text, table, bounds, r)
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome,
                       timepoint=_caption_timepoint(caption), evidence=text[start:end], start=start, end=end,
                       subgroup="", role="")
        for agent, column, interval, p in groups:
            cell = row.get(column)
            parsed = parse_effect_cell(_clean(scan_view(cell["text"]))) if cell is not None else None
            if parsed is None or agent.lower() == label.lower():
                continue        # "-" where an agent meets itself or an earlier one
            if parsed["ci_low"] is None and interval is not None and row.get(interval) is not None:
                parsed["ci_low"], parsed["ci_high"] = _interval_cell_pair(row[interval]["text"])
            if parsed["p_value"] is None and parsed["p_text"] is None and p is not None:
                parsed["p_value"], parsed["p_text"] = _row_p(row, [p])
            out.append(_effect_row(context, parsed["measure"] or "MD", parsed, arm(label), arm(agent), "",
                                   int(cell["start"]) - start))
    return out


def _read_pairwise_table(doc_id: str, text: str, table: dict, heads: set[int], study: Study | None, source_file: str,
                         condition: str) -> list[dict]:
    """A table of pairwise comparisons of groups (table_effects.pairwise_comparisons): one mean difference per
    comparison, the first group's minus the second's, with its interval and p-value."""
    if not heads:
        return []
    headers, by_row = _header_paths_and_rows(table, heads)
    rows = sorted(by_row)
    body = [{k: _clean(cell["text"]) for k, cell in by_row[r].items()} for r in rows]
    found = pairwise_comparisons(headers, body, names_p, names_interval)
    if not found:
        return []
    local: dict[str, Arm] = {}
    arm = lambda name: (study.resolve_column(name) if study is not None else None) or _table_arm(name, local)  # noqa: E731
    caption = str(table.get("caption") or "")
    outcome = _CAPTION_NUMBER.sub("", caption).strip(" .:;")
    bounds = _row_bounds(by_row)
    out = []
    for comparison in found:
        r = rows[comparison["row"]]
        start, end = _row_span(text, table, bounds, r)
        context = dict(doc_id=doc_id, source_file=source_file, condition=condition, outcome=outcome,
                       timepoint=_caption_timepoint(caption), evidence=text[start:end], start=start, end=end,
                       subgroup="", role="")
        p_value, p_text = parse_p_cell(comparison["p_text"]) or (None, None) if comparison["p_text"] else (None, None)
        cell = next((c for c in by_row[r].values() if leading_figure(_clean(c["text"])) == comparison["value"]), None)
        parsed = {"value": comparison["value"], "ci_low": comparison["ci_low"], "ci_high": comparison["ci_high"],
                  "p_value": p_value, "p_text": p_text, "value_text": _clean(cell["text"]) if cell else "",
                  "measure": "", "adjusted": "", "percent": False}
        out.append(_effect_row(context, "MD", parsed, arm(comparison["first"]), arm(comparison["second"]), "",
                               int(cell["start"]) - start if cell else 0))
    return out


def _row_bounds(by_row: dict[int, dict[int, dict]]) -> dict[int, tuple[int, int]]:
    return {r: (min(int(c["start"]) for c in row.values()), max(int(c["end"]) for c in row.values()))
            for r, row in by_row.items()}


# what happened to the patients during the care the trial gives (an outcome, even in a table of characteristics),
# unless the label says it came before: "Duration of hospitalization", "Length of stay", "Symptoms at hospital"
_CARE_OUTCOME = re.compile(r"\b(?:hospitali[sz]ations?|hospital\s+stay|length\s+of\s+(?:hospital\s+)?stay|"
                           r"(?:at|in)\s+(?:the\s+)?hospital|discharge[ds]?|remission|recovery|mortality|deaths?|"
                           r"complications?|adverse\s+(?:events?|effects?|reactions?)|side[- ]effects?|"
                           r"re-?admissions?|re-?operations?|(?:wound|surgical[- ]site)\s+infections?|SSI|"
                           # what the procedure the trial studies did: "Operative time", "Resected tissue weight"
                           r"operative\s+time|resect(?:ed|ion)\s+[a-z]+|catheteri[sz]ation\s+(?:time|duration|days)|"
                           # "All post-op infections", "Post-cesarean endometritis": what followed the procedure
                           r"post[- ]?(?:op\.?|operative(?:ly)?|surgical|procedur\w*|c[a]?esarean|partum|natal)\s+[a-z]+)\b",
                           re.I)
_BEFORE_CARE = re.compile(r"\b(?:past|previous|prior|history|before|pre-?admission|pre-?existing|at\s+home|"
                          r"(?:in|during)\s+the\s+(?:last|preceding)|at\s+(?:baseline|admission|entry|enrol?ment))\b", re.I)


def _course_of_care(label: str) -> bool:
    """Whether a row label names what happened in the care the trial studies, not a trait patients came with."""
    return bool(_CARE_OUTCOME.search(label)) and not _BEFORE_CARE.search(label)


def _demographic(outcome: str) -> bool:
    """Whether a row describes who the patients were ("Age (years)", "Weight, kg"), its unit aside."""
    return bool(_DEMOGRAPHIC_ROW.fullmatch(outcome) or _DEMOGRAPHIC_ROW.fullmatch(re.sub(r"\s*\([^()]*\)\s*$", "", outcome)))


def _caption_timepoint(caption: str, heading: bool = False) -> str:
    """ "Outcomes at 28 days", "Table 2. Efficacy at week 52": the timepoint of rows that name none. A caption (not
    a heading row, `heading`) may also say it a few words after "at"/"through"/"after" or in brackets after
    "follow-up": "Adverse events through safety follow-up (day 31)", "Scores at the 12-month visit"; when it names
    one time so."""
    if lists_times(caption):
        return ""       # "Outcomes at 3 and 6 months": the columns or rows say which
    found = _CAPTION_TIMEPOINT.search(caption)
    if found is not None:
        return re.sub(r"\s+", " ", found.group("tp") or found.group("period")).lower()
    if heading:
        return ""
    if leading_time(_CAPTION_NUMBER.sub("", caption)):
        return leading_time(_CAPTION_NUMBER.sub("", caption))      # "Week 52 efficacy outcomes", "Six-month outcomes"
    named = {tp for start, _, tp in timepoint_spans(caption) if _SAID_AS_WHEN.search(caption[max(0, start - 45):start])
             and not _HISTORY_BEFORE.search(caption[max(0, start - 25):start])}
    return named.pop() if len(named) == 1 else ""


# "through safety follow-up (", "at the end-of-treatment visit, ", "after the ": a time said a few words later
_SAID_AS_WHEN = re.compile(r"(?:\b(?:at|through|after|until|up\s+to|by|during|over)\s+(?:[\w-]+\s+){0,3}(?:\(\s*)?|"
                           r"\bfollow[- ]?up\s*\(\s*)$", re.I)
# "in the last 12 months", "during the previous year": the patients' history, not when the rows were measured
_HISTORY_BEFORE = re.compile(r"\b(?:last|previous|past|preceding|prior)\s+$", re.I)


def _baseline_caption(caption: str) -> bool:
    """ "Baseline characteristics" is a baseline table; "Baseline characteristics and outcomes" is not (its
    demographic rows are still found one by one), nor a caption naming the baseline only as what an analysis
    adjusts for or starts from ("with the baseline value as a covariate", "change from baseline")."""
    caption = _BASELINE_AS_REFERENCE.sub(" ", caption)
    if _BEFORE_START.search(caption) and not _LATER_TOO.search(caption):
        return True     # "... before weaning start", "... prior to randomization": measured before, nothing after
    # (meaning.is_baseline_caption: the wordings of a characteristics table beside "baseline", owned by the meaning layer)
    return bool(_BASELINE.search(caption) or is_baseline_caption(caption)) and not _RESULTS_CAPTION.search(caption) \
        and not names_a_later_moment(caption)


# a caption whose figures were all measured before the intervention: "before weaning start", "prior to randomization",
# "before treatment", "pre-operative values" ... and no later moment beside it ("before and after", "at start and end")
_BEFORE_START = re.compile(r"(?i)\b(?:before|prior\s+to)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:start|initiation|onset|beginning|"
                           r"randomi[sz]ation|enrol+ment|treatment|intervention|therapy|surgery|operation)\b")
_LATER_TOO = re.compile(r"(?i)\b(?:after|post|end|follow[- ]?up|during|changes?|week|month|day|visit)\b")


# the baseline as the reference of an analysis, not the time a table's figures were measured
_BASELINE_AS_REFERENCE = re.compile(
    r"\b(?:changes?|differences?|reductions?|increases?|improvements?)\s+from\s+baseline\b|"
    r"\b(?:adjusted|adjusting|controlling|controlled|corrected|correcting)\s+for\s+(?:the\s+)?baseline(?:\s+\w+)?|"
    r"\bbaseline[- ]adjusted\b|\b(?:the\s+)?baseline(?:\s+(?:values?|scores?|measurements?|levels?))?\s+as\s+"
    r"(?:an?\s+)?covariates?\b|"
    # "Mean baseline, week 24, and change", "baseline and 6 months", "at baseline and after treatment", "baseline
    # and follow-up values": the baseline as one of the times the table prints, beside a later one
    r"\bbaseline\b[^.;:]{0,30}?(?:,|\band\b|\bto\b|\bvs\.?|\bversus\b)\s*(?:(?:at|the)\s+)*"
    r"(?:(?:week|wk|month|day|year|visit|cycle)s?\s*\d+|\d+[- ]?(?:weeks?|wks?|months?|days?|years?)\b|"
    r"follow[- ]?up|(?:after|end\s+of)\s+(?:the\s+)?(?:treatment|intervention|therapy|study|trial)|post[- ]?\w+|"
    r"final\b|discharge|changes?\b)", re.I)
# "Geometric mean (95% CI)", "GMT", "geometric mean titre/concentration"
_GEOMETRIC = re.compile(r"\bgeometric\s+means?\b|\bGM[TC]s?\b", re.I)
# a caption or footnote saying the comparisons come from a model that adjusts: the effect columns are adjusted
_MODEL_ADJUSTED = re.compile(r"\banalys[ie]s\s+of\s+covariance\b|\bANCOVA\b|\badjusted\s+for\b|\bcovariates?\b|"
                             # a Mantel-Haenszel estimate pools strata: adjusted for what defines them
                             r"\bMantel[-\u2010-\u2014\s]+Haenszel\b", re.I)


def _percentage_points(measure: str, parsed: dict, kinds: list[str], header: str) -> None:
    if measure == "RD" and not parsed.get("percent") and not percent_header(header) and \
            printed_as_fraction(parsed["value"], parsed["ci_low"], parsed["ci_high"]):
        return      # "-0.054 (-0.36, 0.24)": a difference of proportions printed as a fraction (table_effects)
    if measure == "RD" and (kinds and "PROPORTION" in kinds or "%" in header or "percentage point" in header.lower()
                            or parsed.get("percent")):
        for key in ("value", "ci_low", "ci_high"):   # percentage points, as the arms' n (%) are
            if parsed[key] is not None:
                parsed[key] = parsed[key] / 100


# ------------------------------------------------------------------------------------------- cells
def _merged_counts(read_cells: list[tuple]) -> list[tuple]:
    """One arm's count in one column and its percentage in the next ("Drug X (n = 60)" over "n" and "%"): one
    PROPORTION row, with the events, the header's total and a check of the printed percentage."""
    out, by_arm = [], {}
    for cell, arm, parsed in read_cells:
        if parsed["measure"] != "PROPORTION":
            out.append((cell, arm, parsed))
            continue
        first = by_arm.get(id(arm))
        if first is None:
            by_arm[id(arm)] = (cell, arm, parsed)
            out.append((cell, arm, parsed))
            continue
        def printed_count(p):
            return p["events"] is not None and EVENTS_FROM_PERCENTAGE not in p.get("flags", [])

        counted, shared = (first[2], parsed) if printed_count(first[2]) else (parsed, first[2])
        if not printed_count(counted) or printed_count(shared):
            out.append((cell, arm, parsed))      # two full counts for one arm: both kept, as printed
            continue
        if counted["total"] and shared["value"] is not None and abs(counted["value"] - shared["value"]) > 0.01:
            counted["needs_review"] = f"printed {shared['value_text']}% does not match {counted['value_text']}/{counted['total']}"
        if counted is parsed:      # the percentage came first: keep the count's row in its place
            out[out.index(first)] = (cell, arm, parsed)
    return out


def parse_effect_cell(cell: str, *, percent: bool = False, spread: str = "", bare_p: bool = False,
                      interval_beside: bool = False) -> dict | None:
    """An effect cell, read as the grammar's expressions in a row: [measure] value [interval] [p-value] —
    "0.31 (0.06-1.55)", "HR 0.57 (0.33–0.98)", "-5.62 (-7.21 to -4.03)", "0.62 (95% CI 0.45-0.85); P=0.01",
    "0.62; 0.41 to 0.93", "0.62, 0.41-0.93". `percent`: a value printed as a percentage ("-15.0% (-27.5 to -2.5)",
    a difference in percentage points; the result says `percent`). `spread` "se": the column prints "Estimate (SE)",
    so "-1.20 (0.40)" is the value and its standard error (no interval is made of it). Decimal commas are read as
    points ("1,45 (0,98-2,12)", table_effects.decimal_points). `bare_p`: the header names a p-value after the
    interval ("HR (95% CI), P"), so a bare number last ("0.52 (0.24-1.13), 0.10") is that p-value. `interval_beside`:
    the estimate's interval is printed in a column of its own, so "0.78 ± 0.3" alone is the estimate and its standard
    error, not a mean with its spread."""
    as_printed = cell.strip()
    cell = decimal_points(as_printed)
    parse = Parse(cell)
    named = _CELL_MEASURE.match(cell)
    pos = named.end() if named else 0
    number = next((x for x in parse.nums if x.start == pos), None)
    if number is None or number.percent and not percent:
        return None
    if spread == "se":
        m = _VALUE_SE.match(cell, number.end)
        if m is None:
            return None
        p_value = p_text = None
        if m.end() < len(cell):
            # "0.47 (0.21); p = 0.027": the p-value printed after the standard error, nothing else
            at = m.end() + len(cell[m.end():]) - len(cell[m.end():].lstrip(" ;,"))
            printed = parse.match_at("p_value", at)
            if printed is None or printed.end != len(cell):
                return None
            p_value, p_text = printed.value, printed.text
        return {"value": number.value, "ci_low": None, "ci_high": None, "p_value": p_value, "p_text": p_text,
                "value_text": as_printed, "measure": "", "adjusted": "", "se": float(m.group("se")), "percent": False}
    if spread == "p":
        # "-0.30 (0.18)" under "Effect size (P)": the value and its p-value, no interval and no spread
        m = _VALUE_P.fullmatch(cell, number.end)
        if m is None or parse_p_cell(m.group("p")) is None:
            return None
        p_value, p_text = parse_p_cell(m.group("p"))
        return {"value": number.value, "ci_low": None, "ci_high": None, "p_value": p_value, "p_text": p_text,
                "value_text": as_printed, "measure": "", "adjusted": "", "percent": False}
    pos = _skip_spaces(cell, number.end)
    plus_minus = _PLUS_MINUS_SE.match(cell, number.end)
    if plus_minus is not None:
        # "-2.6±0.78 (-4.1;-1.0)" under "LS mean±SE (95% CI)": the estimate's standard error after "±", then its
        # interval (without one, the cell is a mean with its spread, no estimate)
        pos = _skip_spaces(cell, plus_minus.end())
    if number.percent and cell.startswith("%", pos):
        pos = _skip_spaces(cell, pos + 1)                     # "-15.0% (-27.5 to -2.5)"
    low = high = None
    interval = parse.match_at("bare_pair", pos)               # "(0.33-0.98)"
    unbracketed = (_UNBRACKETED_INTERVAL.match(cell, pos) or _POINT_SEPARATED_PAIR.match(cell, pos)) \
        if interval is None else None
    if unbracketed is not None:                                # "0.62; 0.41 to 0.93", "0.62, 95% CI 0.41-0.93"
        low, high = (float(unbracketed.group(k).replace("\u2212", "-")) for k in ("low", "high"))
        if low > high:
            return None
        pos = unbracketed.end()
    if interval is None and pos < len(cell) and cell[pos] in "([":
        labelled = parse.match_at("interval", _skip_spaces(cell, pos + 1))     # "(95% CI, 0.33-0.98)"
        close = _skip_spaces(cell, labelled.end) if labelled is not None else -1
        if labelled is not None and close < len(cell) and cell[close] in ")]":
            interval = labelled
            pos = close + 1
    elif interval is not None:
        pos = interval.end
    if interval is not None:
        low, high = interval.low, interval.high
    if plus_minus is not None and low is None and not interval_beside:
        return None     # "87.40 ± 19.30" alone: a mean with its spread (a heart rate under "HR"), no estimate
    p_value = p_text = None
    pos = _skip_spaces(cell, pos)
    if pos < len(cell) and cell[pos] in ";,":
        pos = _skip_spaces(cell, pos + 1)
    if pos < len(cell):
        printed = parse.match_at("p_value", pos)               # "P = 0.01", "p<0.001"
        if printed is not None and printed.end == len(cell):
            p_value, p_text = printed.value, printed.text
        elif bare_p and (low is not None or named) and parse_p_cell(cell[pos:]) is not None:
            p_value, p_text = parse_p_cell(cell[pos:])
        else:
            return None
    label = (named.group("label") if named else "").upper()
    measure = {"AHR": "HR", "ARR": "RR", "AOR": "OR", "ARD": "RD", "LSMD": "MD"}.get(label, label)
    found = {"value": number.value, "ci_low": low, "ci_high": high, "p_value": p_value, "p_text": p_text,
             "value_text": as_printed, "measure": measure, "adjusted": "yes" if label in ("AHR", "AOR", "ARR", "ARD") else "",
             "percent": bool(number.percent)}
    if plus_minus is not None:
        found["se"] = float(plus_minus.group("se"))
    return found


# "±0.78" right after an effect's value: its standard error (followed by its interval, a p-value or nothing)
_PLUS_MINUS_SE = re.compile(r"\s*(?:\u00b1|\+\s?/\s?[-\u2212])\s*(?P<se>\d+(?:\.\d+)?)(?![\d.])")


# "; 0.41 to 0.93", ", 95% CI: 0.41-0.93", "; 0.41, 0.93" after an effect's value, without brackets
_UNBRACKETED_INTERVAL = re.compile(r"\s*[;,]\s*(?:(?:95\s*%\s*)?(?:CI|confidence\s+interval)\s*[:,]?\s*)?"
                                   r"(?P<low>[-\u2212]?\d+(?:\.\d+)?)\s*%?\s*(?:to|[-\u2013\u2014;,]|\.\.)\s*"
                                   r"(?P<high>[-\u2212]?\d+(?:\.\d+)?)\s*%?(?=\s*(?:[;,]|$))", re.I)
# "[2.1. 33.1]", "(0.45. 1.20)": a bracketed pair whose separator was printed as a full stop (the first bound has its
# own decimal point, so the stop cannot be one)
_POINT_SEPARATED_PAIR = re.compile(r"\s*[(\[]\s*(?P<low>[-\u2212]?\d+\.\d+)\.\s+(?P<high>[-\u2212]?\d+(?:\.\d+)?)\s*[)\]]")
# "-1.20 (0.40)", "-1.20 (SE 0.40)", "-1.20 [0.40]" under "Estimate (SE)"
_VALUE_SE = re.compile(r"\s*[(\[]\s*(?:SE\s*[:=]?\s*)?(?P<se>\d+(?:\.\d+)?)\s*[)\]]\s*", re.I)
# a column header saying its cells are the estimate and its standard error: "Estimate (SE)", "B (SE)", "Difference (SE)"
# ("Mean difference (SE of the difference)": the standard error named with what it is of)
_SE_HEADER = re.compile(r"[(\[,]\s*(?:SE|s\.e\.|standard\s+error)(?:\s+of\s+(?:the\s+)?(?:(?:mean|treatment)\s+)?differences?)?"
                        r"\s*[)\]]?\s*$", re.I)
# ... and its "(SD)" after a difference between the groups: "Between groups difference (SD)"
_SD_BRACKET_HEADER = re.compile(r"[(\[]\s*(?:SD|s\.d\.|standard\s+deviation)\s*[)\]]\s*$", re.I)
# ... the estimate and its p-value in brackets: "Effect size (P)", "Difference (p-value)", "OR [p]"
_P_BRACKET_HEADER = re.compile(r"[(\[]\s*p(?:[\s-]*values?)?\s*[)\]]\s*[*\u2020\u2021\u00a7]?\s*$", re.I)
# "-0.30 (0.18)", "0.42 (<0.01)", "0.42 [0.07]" under such a header
_VALUE_P = re.compile(r"\s*[(\[]\s*(?P<p>(?:p\s*)?[<>=\u2264\u2265]?\s*(?:0?\.\d+|1(?:\.0+)?))\s*[)\]]\s*[*\u2020\u2021\u00a7]*\s*", re.I)


def _effect_cell(cell: str, measure: str, header: str, declared: str | None = None,
                 interval_beside: bool = False) -> dict | None:
    """An effect column's cell read as its header says: "Estimate (SE)" prints the value and its standard error, a
    risk difference may print its value as a percentage (percentage points). A footnote letter glued after the
    figures and an interval printed "lo:hi" are read (table_effects); `declared`, the measure the footnote of the
    cell's mark names (`_declared_by_mark`), is the cell's own. `interval_beside`: the row prints the estimate's
    interval in a column of its own (`_interval_beside`), so "0.78 ± 0.3" is the estimate and its standard error."""
    cell = stacked_interval(colon_interval(glued_mark(without_named_effect_size(cell))[0]))     # "1.1 0.2 to 2.0": on two lines of one cell
    if before_effect_size(header) != header:
        cell = without_effect_size(cell)        # "Difference (95% CI), effect size" over "0.35 (-0.91 to 1.61),0.12"
    if (_SE_HEADER.search(header) or _BETWEEN_GROUPS.search(header) and _SD_BRACKET_HEADER.search(header)) \
            and not _INTERVAL_NAMED.search(header):
        # ("Between groups difference (SD)": the spread of a difference of two groups' means is that difference's
        # standard error, whatever the header calls it)
        return parse_effect_cell(cell, spread="se") or parse_effect_cell(cell)
    if _P_BRACKET_HEADER.search(header) and not _INTERVAL_NAMED.search(header):
        return parse_effect_cell(cell, spread="p") or parse_effect_cell(cell)
    parsed = parse_effect_cell(cell, percent=(declared or measure) in ("RD", "DIFF"),
                               bare_p=_P_AFTER_INTERVAL.search(header) is not None, interval_beside=interval_beside)
    if parsed is not None and declared and not parsed["measure"]:
        parsed["measure"] = declared
    return parsed


def _declared_by_mark(cell: dict, text: str, table: dict) -> str | None:
    """The measure the table's footnote names for the mark an effect cell carries ("0.81 (0.22:3.05)b" under "b odds
    ratio"; a markup cell's marks are kept apart from its text), or None."""
    marks = [glued_mark(re.sub(r"\s+", " ", str(cell.get("text") or "")).strip())[1], *(cell.get("marks") or ())]
    marks = [m for m in marks if m]
    if not marks:
        # "Fallers^b | ... | 0.54 (0.31-0.94)": the mark on the row's label speaks for its effect
        label = next((c for c in table.get("cells") or [] if c.get("row") == cell.get("row") and int(c.get("col", 0)) == 0), None)
        marks = [m for m in (label_mark(str(label.get("text") or "")), *(label.get("marks") or ())) if m] if label else []
    if not marks:
        return None
    notes = _footnotes(text, table)
    return next((found for found in (marked_measure(m, notes) for m in marks) if found), None)


# a header naming a p-value after its interval: "HR (95% CI), P", "OR (95% CI); p-value", "MD [95% CI] P"
_P_AFTER_INTERVAL = re.compile(r"(?:CI|interval)\s*[)\]]?\s*[,;/]?\s*(?:and\s+)?p(?:[\s-]*values?)?\s*$", re.I)


# "Lower", "Lower 95% CI", "95% CI lower limit", "LCL", "Upper bound": one bound of an interval in its own column
_BOUND_HEADER = re.compile(r"\s*(?:(?:95\s*%\s*)?(?:CI|confidence\s+interval)\s*[,:-]?\s*)?(?P<side>lower|upper|[LU]CL|[LU]L)"
                           r"(?:\s*(?:95\s*%\s*)?(?:CI|confidence\s+interval|limit|bound|level|CL)s?){0,2}\s*"
                           r"(?:[(\[]\s*95\s*%\s*[)\]])?\s*", re.I)
# "SE", "Std. error", "Standard error" over an effect's standard errors
# ("S.E. of difference", "SE of the mean difference": the standard error of the effect beside it)
_SE_COLUMN = re.compile(r"\s*(?:SE|s\.e\.?|std\.?\s*error|standard\s+error)"
                        r"(?:\s+of\s+(?:the\s+)?(?:(?:treatment|mean)\s+)?differences?)?\s*", re.I)


def _bounds_of(effect_columns: dict, bound_columns: list[int], columns: dict) -> dict[int, tuple[int, int]]:
    """{effect column: (lower column, upper column)}: the two bound columns right of each effect column."""
    out: dict[int, tuple[int, int]] = {}
    for effect in sorted(effect_columns):
        after = [c for c in bound_columns if c > effect and not any(effect < e < c for e in effect_columns)]
        sides = {_BOUND_HEADER.fullmatch(spread_header(columns[c].parts, _names_effect) or columns[c].header)
                 .group("side").lower()[0]: c for c in after}
        if "l" in sides and "u" in sides:
            out[effect] = (sides["l"], sides["u"])
    return out


def _bound_cells(row: dict, bounds: tuple[int, int]) -> tuple[float | None, float | None]:
    cells = [row.get(c) for c in bounds]
    numbers = [whole_number(Parse(_clean(scan_view(c["text"])))) if c is not None else None for c in cells]
    if any(n is None or n.percent for n in numbers):
        return None, None
    low, high = numbers[0].value, numbers[1].value
    return (low, high) if low <= high else (None, None)


def _se_cell(text: str) -> float | None:
    number = whole_number(Parse(_clean(scan_view(text))))
    return None if number is None or number.percent or number.signed else number.value


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def parse_p_cell(cell: str) -> tuple[float | None, str | None] | None:
    """(p-value, p as written when not exact) of a p-value column's cell — "0.04", "<0.001", "P = 0.03" — or None."""
    parse = Parse(cell)
    printed = parse.whole("p_value")
    if printed is not None:
        return printed.value, printed.text
    operator = _P_OPERATOR.match(cell)
    rest = Parse(cell[operator.end():]) if operator else parse
    number = whole_number(rest)
    if number is None or number.percent or number.signed or not 0 <= number.value <= 1:
        return None
    op = operator.group("op") if operator else "="
    if op == "=":
        return number.value, None
    return None, op + number.text


def _row_p(row: dict, p_columns: list[int]) -> tuple[float | None, str | None]:
    for column in p_columns:
        cell = row.get(column)
        if cell is None:
            continue
        found = parse_p_cell(_clean(scan_view(cell["text"])))
        if found is not None:
            return found
    return None, None


def _names_effect(header: str) -> bool:
    """Whether a header names a comparative measure ("HR (95% CI)", "Mean difference", "Effect estimate")."""
    return any(pattern.search(header) for _, pattern in _EFFECT_HEADERS)


names_effect = _names_effect       # (the pipeline's test of a header, for table_effects.in_a_figure_column)


def _two_measures(header: str) -> bool:
    """ "Rate ratio or risk ratio (95% CI)": a column whose rows are of either measure."""
    return bool(_EFFECT_HEADERS[1][1].search(header) and _EFFECT_HEADERS[3][1].search(header))


# an outcome counted over follow-up time: "Mortality within 28 days", "Discharged from hospital", "Time to relapse"
_TIME_TO_EVENT = re.compile(r"\s*(?:[\w-]+\s+)?(?:mortality|death|survival|discharge[ds]?|time\s+to)\b(?!.*\bor\b)", re.I)


def _effect_measure(measure: str, kinds: list[str], hint: str, header: str = "", outcome: str = "") -> str | None:
    """The measure of an effect cell from its column header and the row's arm cells."""
    if _two_measures(header):
        # "Rate ratio or risk ratio (95% CI)" (the header names both, so the cell's measure is one of them): a rate
        # ratio for a time-to-event outcome ("Mortality within 28 days"), else a risk ratio where the arms give
        # counts of patients
        if _TIME_TO_EVENT.match(outcome):
            return "IRR"
        return "RR" if "PROPORTION" in kinds else "IRR"
    if measure != "DIFF":
        return measure
    if "PROPORTION" not in kinds and "MEAN" in kinds:
        return "MD"     # "Correct (%)" over the arms' "84.5 ± 9.8": means of a percentage, whatever the label's unit
    if "PROPORTION" in kinds or hint in ("n_pct", "pct_n"):
        return "RD"
    if "MEAN" in kinds or hint.startswith("mean"):
        return "MD"
    if median_difference(header, kinds, hint):
        return "MD"      # a Hodges-Lehmann estimate, a difference of medians: the labels' MD (table_effects)
    return None      # a difference of unknown quantities: no contract measure


def _printed_arms(column: int, by_row: dict[int, dict[int, dict]], arm_columns: dict[int, Arm]) -> tuple[Arm, Arm] | None:
    """(first, second): the arms of a table's two arm columns in the order the difference column `column` prints
    their difference, checked on every row printing all three figures (table_effects.printed_order); None when the
    table has other than two arm columns of two arms or the arithmetic does not tell."""
    if len(arm_columns) != 2 or len({id(a) for a in arm_columns.values()}) != 2:
        return None
    left, right = sorted(arm_columns)
    rows = [(_clean(row[column]["text"]), _clean(row[left]["text"]), _clean(row[right]["text"]))
            for row in by_row.values() if row.get(column) and row.get(left) and row.get(right)]
    order = printed_order(rows)
    if order is None:
        return None
    arms = (arm_columns[left], arm_columns[right])
    return arms[order[0]], arms[order[1]]


def _effect_arms(header: str, study: Study, table_arms: list[Arm],
                 local: dict[str, Arm] | None = None) -> tuple[Arm | None, Arm | None, str]:
    """(intervention, comparator, why a reviewer must look) of an effect column: the arms its header compares
    ("25 mg vs. 1 mg, difference"), else the table's one experimental and one control arm."""
    compared = _compared_arms(header, study, local)
    if compared is not None:
        return compared[0], compared[1], ""
    unique = list({id(a): a for a in table_arms}.values())
    experimental = [a for a in unique if a.role == "experimental"]
    control = [a for a in unique if a.role == "control"]
    if len(experimental) == 1 and len(control) == 1:
        return experimental[0], control[0], ""
    if len(unique) == 2:
        return unique[0], unique[1], "arms of the effect taken from the column order"
    return None, None, "the effect column does not say which arms it compares"


# what joins the two arms of a comparison column: "A – B", "A-B", "A − B", "A vs. B", "A versus B", "A minus B"
_COMPARISON_JOIN = re.compile(r"\s*(?:[-\u2013\u2014\u2212]|\b(?:vs\.?|versus|minus|compared\s+(?:with|to))(?=\s|$))\s*",
                              re.I)
# the measure or interval a comparison header names around its arms: "Mean difference (95% CI)", ", HR", "Diff."
_COMPARISON_WORDS = re.compile(r"\(\s*95\s*%\s*(?:CI|confidence\s+intervals?)\s*\)|\b95\s*%\s*CI\b|"
                               r"\b(?:(?:mean|risk|absolute|adjusted|LS\s*mean|standardi[sz]ed\s+mean)\s+)?differences?\b|"
                               r"\bdiff\.?|\b(?:HR|OR|RR|IRR|RD|MD|SMD)\b|\b(?:hazard|odds|risk|rate)\s+ratio\b|"
                               r"\b(?:estimate|effect)\b|\bbetween\s+groups\b", re.I)


def _compared_arms(header: str, study: Study | None, local: dict[str, Arm] | None) -> tuple[Arm, Arm] | None:
    """(first, second) when a column header names two different arms joined as a comparison ("Placebo –
    Paroxetine", "Drug A vs. placebo, HR", "Difference (X − Y)"), in the order printed: the difference is the first
    minus the second, the ratio the first against the second. None when the header names fewer or one arm twice
    (a stratum "Men - Placebo" names one arm), when it gives a group size ("Placebo-etanercept (N = 104)": a sequence
    of treatments is one arm) or when the study model has an arm of that very name."""
    name, n = split_size(header)
    if n is not None or (study is not None and any(
            name.strip().lower() in {a.name.lower(), *(x.lower() for x in a.aliases)} for a in study.arms)):
        return None
    words = _COMPARISON_WORDS.sub(" ", name)
    words = re.sub(r"[(\[\])]", " ", words)
    words = re.sub(r"\s+", " ", words).strip(" ,;:")
    for m in _COMPARISON_JOIN.finditer(words):
        a_text, b_text = words[:m.start()].strip(" ,;:"), words[m.end():].strip(" ,;:")
        if not a_text or not b_text:
            continue
        a, a_generic = _side_arm(a_text, study, local)
        words_before = a_text.split()
        while a is None and len(words_before) > 1:
            # "Difference between groups; adjusted mean" over "AT+EX minus ST+EX": the spanning header's words before
            # the first arm's name are no part of it
            words_before = words_before[1:]
            a, a_generic = _side_arm(" ".join(words_before), study, local)
            a = a if a is not None and not a_generic else None
        b, b_generic = _side_arm(b_text, study, local) if a is not None else (None, False)
        # both sides named, or both generic ("Intervention – Control"); "Placebo-treated" compares nothing
        if a is not None and b is not None and a is not b and a_generic == b_generic:
            return a, b
    return None


def _difference_against_column(column: "_Column", columns: dict, arm_columns: dict[int, Arm], study: Study | None,
                               local: dict[str, Arm]) -> tuple[Arm | None, Arm] | None:
    """(the arm, the arm it is compared with) of a column whose own header names a difference against an arm
    ("Difference from placebo", "Mean difference vs. control (95% CI)": table_effects.difference_against): the arm is
    the one the header above names (the span's own words, else the arm column beside it under the same span), None
    when no header above names one (the table's other arm is then the one compared); None for any other column, and
    for a span naming the very arm the difference is against."""
    if study is None:
        return None
    own = _clean(column.parts[-1]) if column.parts else column.header
    words = difference_against(own)
    if words is None:
        return None
    against = _named_arm(words, study, local) or _generic_arm(words, study, {})
    if against is None:
        return None
    above = tuple(column.parts[:-1])
    arm = next((a for a in (_column_arm(_clean(p), study, local) for p in above) if a is not None), None)
    if arm is None and above:
        arm = next((a for c, a in sorted(arm_columns.items()) if c in columns and tuple(columns[c].parts[:-1]) == above), None)
    if arm is against:
        return None
    return arm, against


def _side_arm(words: str, study: Study | None, local: dict[str, Arm] | None) -> tuple[Arm | None, bool]:
    """(the arm one side of a comparison header names, whether by a generic group name): the study's arm or a dose
    arm, else a generic name ("Control", "Intervention")."""
    arm = _named_arm(words, study, local)
    if arm is None and study is not None:
        return _generic_arm(words, study, {}), True
    return arm, False


def _named_arm(words: str, study: Study | None, local: dict[str, Arm] | None) -> Arm | None:
    arm = study.resolve(words) if study is not None else None
    return arm if arm is not None else _dose_arm(words, study, local or {})


# ------------------------------------------------------------------------------------------- rows
_LABEL_MARKS = re.compile(r"(?<=\w)[*\u2020\u2021\u00a7\u00b6]+(?=\s|,|$)")
# footnote marks after a cell's figures, one or several in a row ("24.7 ± 3.4 *,a", "12.1 (3.2)†‡", "5.1 * #", "3.2^")
_FOOTNOTE_MARKS = re.compile(r"\s*[*†‡§¶#\u25b3\u25b2]+(?:\s*,?\s*(?:[*†‡§¶#\u25b3\u25b2]+|\^?[a-e](?![A-Za-z])))*\s*$|"
                             r"(?<=\d)\^+\s*$|\s*\^?[a-e]$(?<=\d[a-e])")


def _clean(text: object) -> str:
    """A cell's text on one line, without the footnote marks after its numbers ("0.62 (0.45-0.85)†")."""
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    if not re.search(r"\d", text):
        return text
    # "170.2* ± 35.9", "12.1△ (2.0)": a mark printed between a number and its spread; "101.±39.0": a stray point
    # "45.2 +- 12.3": a plus-minus typed as two characters
    text = _PLUS_MINUS.sub("\u00b1", text)
    if text.count(")") > text.count("("):
        text = re.sub(r"\)\s*\)(\s*)$", r")\1", text)       # "3.3 (38.3))": a doubled closing bracket
    text = _SPACED_DECIMAL.sub(r"\1.\2", text)      # "168.8 (30. 7)": a decimal broken by a space
    text = share_sign_first(text)                   # "4/400 (% 1)", "(% 1.1) 4/366"
    if "\u00b1" in text:
        text = re.sub(r"(?<=\d)\.\s*$", "", text)      # "103.5 ± 19.": a stray point after the spread
    return _FOOTNOTE_MARKS.sub("", _STRAY_POINT.sub("", _INNER_MARKS.sub("", text)))


_SPACED_DECIMAL = re.compile(r"(?<=[(\[\s])(\d+)\.\s(\d+)(?=\s*[)\]])")


_PLUS_MINUS = re.compile(r"(?<=\d)(\s*)\+\s*-(?=\s*\d)")
_STRAY_POINT = re.compile(r"(?<=\d)\.(?=\s*(?:\u00b1|\+/-))")
_INNER_MARKS = re.compile(r"(?<=\d)[*\u2020\u2021\u00a7\u00b6#\u25b3\u25b2]+(?=\s*(?:\u00b1|\+/-|[(\[]))")


def _text_column(by_row: dict[int, dict[int, dict]], col: int, codes: dict | None = None) -> bool:
    """Whether a body column holds words, not figures: labels in every filled cell (`codes`: time codes the text
    defines, "T1", labels too)."""
    filled = [_clean(row[col]["text"]) for row in by_row.values() if col in row and _clean(row[col]["text"])]
    # ("6 months", "12 weeks" in a column of times beside the outcomes are labels too)
    # (and "6 w", "6 m": a time with its unit cut to a letter)
    # (and "p", "n", "95% CI": the short words of a block of stacked statistic rows, statistic_rows.stub_word)
    # (and a code the text or a footnote defines as a time, "T1", "0*" with "*Postoperative days", even a number)
    # (and a grade of one or two capitals among sub-rows, "A", "A-B", "B", "II": a category's name, no figure)
    worded = [stub_word(t) or t in (codes or {}) or _GRADE_LABEL.fullmatch(t) or
              (re.search(r"[A-Za-z]{2}", t) or re.search(r"[A-Za-z]", t) and _when(t) is not None or t in (codes or {}))
              and (not re.match(r"\s*[-\u2212<>=]?\s*\d", t) or _when(t) is not None or _BOUNDED_CATEGORY.match(t))
              for t in filled]
    # (and bands of numbers among word categories, "Male" and "Female" above "18-29", "50 or above", "<10,000": the
    # categories of an age or income; a column of bands alone could be intervals, so the words must hold half of it)
    return len(filled) >= 2 and (all(worded) or 2 * sum(map(bool, worded)) >= len(filled)
                                 and all(w or category_band(t) for w, t in zip(worded, filled)))


# a grade printed as capitals alone: "A", "B", "A-B", "A/B", "C+", "II" (a grade of embryos, of a classification)
_GRADE_LABEL = re.compile(r"\s*(?:[A-E]|I{1,3}|IV|V)(?:\s*[-/]\s*(?:[A-E]|I{1,3}|IV|V))?[+-]?\s*")
# a category bounded by a measure with its unit, "< 4 cm", "<= 6 cm ~ < 8 cm", "> 90 mmHg": a label, no figure
_BOUNDED_CATEGORY = re.compile(r"\s*[<>\u2264\u2265]=?\s*\d+(?:[.,]\d+)?\s*(?!ns\b)[a-z\u00b5\u00b0]", re.I)


def _group_labels_beside(by_row: dict[int, dict[int, dict]]) -> bool:
    """Whether the first column names groups of rows on each group's first row only ("1st visit | Pain (yes/no)", then
    "| Odds ratio (95% CI)", "| p-value"), the second column labelling every row: at least two groups, most rows
    without a first label, and no first label without a second beside it."""
    pairs = [(_clean(row[0]["text"]) if row.get(0) else "", _clean(row[1]["text"]) if row.get(1) else "")
             for row in by_row.values()]
    pairs = [(a, b) for a, b in pairs if a or b]
    # (a first label printed again on each row of its group, "Sex | Female" then "Sex | Male", is its group's once)
    pairs = [("" if a and i and a == pairs[i - 1][0] and b else a, b) for i, (a, b) in enumerate(pairs)]
    groups = sum(bool(a) for a, _ in pairs)
    # (a group of one row, "Age | Age", may stand among them: the stub's first column is empty on the later sub-rows
    # of a group, "Hydronephrosis | Left kidney" then "| Right kidney")
    continued = sum(1 for a, b in pairs if not a and b)
    both = sum(1 for a, b in pairs if a and b)
    # (rows of one label may stand among them: a heading over categories, "Gender (%) |" over "| Male"; a
    # characteristic of its own, "Age | | 46 (9)"; one group of two rows beside groups of one, "Sex | Female", "| Male",
    # "Prior stroke | Yes")
    if groups >= 2 and (continued >= 2 or continued and both >= 2) and both >= 1 \
            and (all(b for a, b in pairs if a) or continued > groups - both):
        return True
    # blocks whose later rows are labelled in the second column only, the first row labelled by the block: one block
    # over the whole table, its first row labelled in both ("Magnesium (mg/dL) | Preoperative" then "| Perioperative",
    # "| Day 1"), or blocks heading their own figures in the first column with sub-rows beside them ("Supraventricular
    # arrhythmia | | 10 (16.7%)" then "| Atrial fibrillation | 10 (16.7%)"); a table opening with a sub-row has no block
    return bool(pairs) and bool(pairs[0][0]) and continued >= 2 and (
        groups == both == 1 or groups >= 2 and not both and _sub_rows_within_heads(by_row))


# a count leading a cell, "10 (16.7%)", "0" (a decimal, "0.03", a p-value or a mean, is no count)
_LEADING_FIGURE = re.compile(r"\s*(\d+)(?![.,\d])")


def _sub_rows_within_heads(by_row: dict[int, dict[int, dict]]) -> bool:
    """Whether each row labelled only in the second column counts part of the block row above it: in every column
    past the two labels where both print a count, the sub-row's leading count is no larger than the head's
    ("Supraventricular arrhythmia | | 10 (16.7%) | 7" over "| Atrial extrasystole | 2 (3.3%) | 0"), and the head prints
    figures at all (the categories divide what their outcome's row counts)."""
    head: dict[int, dict] | None = None
    for row in by_row.values():
        first = _clean(row[0]["text"]) if row.get(0) else ""
        if first:
            head = row
            continue
        if head is None:
            return False
        shared = [(m, n) for c, cell in row.items() if c > 1 and head.get(c) is not None
                  for m in [_LEADING_FIGURE.match(_clean(head[c]["text"]))] for n in [_LEADING_FIGURE.match(_clean(cell["text"]))]
                  if m is not None and n is not None]
        if not shared or any(float(n.group(1)) > float(m.group(1)) for m, n in shared):
            return False
    return True


def _labels_with_time(by_row: dict[int, dict[int, dict]], codes: dict | None = None) -> bool:
    """Whether the first two columns are labels along two axes, what and when: in most rows one of them says when
    ("3rd month | Weight", "Oxygen index | Before ventilation") or they repeat each other (a label spanning both)."""
    pairs = [(_clean(row[0]["text"]) if row.get(0) else "", _clean(row[1]["text"]) if row.get(1) else "")
             for row in by_row.values()]
    pairs = [(a, b) for a, b in pairs if a or b]
    timed = sum(bool(a == b or (a and _when(a)) or (b and (_when(b) or b in (codes or {})))) for a, b in pairs)
    return bool(pairs) and 2 * timed >= len(pairs) and any(a != b for a, b in pairs)


def _two_labels(first: str, second: str, codes: dict | None = None) -> tuple[str, tuple[str, bool] | None]:
    """(what the row reports, (timepoint, is baseline) or None) of a row with two label columns (`codes`: the second
    column's labels the text defines as times, "t1" of "after the preparation period (t1)")."""
    if not second or second == first:
        return first, None
    if not first:
        return second, _when(second) or (codes or {}).get(second)
    first_when, second_when = _when(first), _when(second) or (codes or {}).get(second)
    if first_when and not second_when:
        return second, first_when
    if second_when and not first_when:
        return first, second_when
    return f"{first}: {second}", None


def _arm_parts(cell: dict, count: int) -> list[dict]:
    """The parts of a multi-arm cell ("110.2*/108.9*/118.1", "3.1 ± 1.2 / 4.0 ± 1.5"), one per arm, each with its
    own offsets; none when the cell does not split into exactly `count` parts."""
    printed = scan_view(str(cell.get("text") or ""))
    parts = [m for m in re.finditer(r"[^/]+", printed)]
    if len(parts) != count or not all(re.search(r"\d", m.group()) for m in parts):
        return []
    out = []
    for m in parts:
        lead = len(m.group()) - len(m.group().lstrip())
        out.append({"col": cell["col"], "row": cell.get("row"), "text": m.group().strip(),
                    "start": int(cell["start"]) + m.start() + lead})
    return out




def _cell_format(row_hint: str, unit_only: bool, column_hint: str, table_hint: str, *, declared: tuple[str, ...] = (),
                 cell: str = "", label: str = "", n: int | None = None) -> str:
    """The statistic of an arm's cell, decided in one place from the row label's format (`row_hint`; its section
    heading's when the label names none), the column header's and the caption's or footnote's (`table_hint`).
    A column of event rates keeps its own; the row's format wins over the column's and the table's, except a bare
    "(%)" (`unit_only`: "GHbA1c (%)" under "Mean (95% CI)" is a mean measured in percent) beside a column or
    caption that names a mean or a median. Where none of them names one format (or the row names only "mean" or
    "median"), the formats the table and the document declare (`declared`: a mixed list "mean ± SEM or n (%)", the
    statistics paragraph) give the one whose signature the `cell` has (declared_formats.format_for_cell)."""
    if column_hint.startswith("rate"):
        return column_hint
    said = refined_format(column_hint, table_hint)
    if row_hint == "n_pct" and unit_only and said.startswith(("mean", "median")):
        return said
    if row_hint in ("count", "n_pct") and said.startswith("mean") and cell and prints_plus_minus_spread(cell):
        # "Weight (kg) | 75.0 ± 4.3" under "Mean ± SE" (joined "Mean | sem" columns) below a "Sex (n)" heading: no
        # count prints a "±", so the heading's count does not reach the cell; the column says which spread it is
        return said
    if declared and cell and not said and (row_hint in ("", "mean", "median") or row_hint == "n_pct" and unit_only):
        # ("HbA1c, % | 7.1 (0.2)": a bare "(%)" may be a unit; the cell's signature says which declared format holds)
        fits = format_for_cell(tuple(f for f in declared if f.startswith(row_hint) or unit_only), cell, label, n,
                               percent_label=row_hint == "n_pct")
        if fits:
            return fits
    if declared and cell and said in ("mean", "median") and row_hint in ("", said):
        # "Mean change from baseline" over "-7.5 (1.4)" under "Data are expressed as least squares mean (standard
        # error). a Number of patients (%)": the header names the centre, the table's mixed list its spread (the
        # declared format of that centre whose signature the cell has)
        fits = format_for_cell(tuple(f for f in declared if f.startswith(said + "_")), cell, label, n)
        if fits:
            return fits
    if cell and row_hint in ("mean", "median") and centre_word_opens_a_name(label):
        # "Mean e', cm/s | 8.9 (7.1, 10)" where the table declares "median (Q1, Q3)": the word is the quantity's name
        # when the table's format for the cell is the other centre's with two bounds, a cell the row's own centre
        # does not read (statistic_rows.py)
        other = _cell_format("", unit_only, column_hint, table_hint, declared=declared, cell=cell, label=label, n=n)
        if other in TWO_BOUND_FORMATS and not other.startswith(row_hint) and format_for_cell((other,), cell, label, n):
            return other
    # ("Mean change from baseline" under "Mean (SE)": the row names the centre, the header its spread)
    return refined_format(row_hint, said)


def _annual_rate(outcome: str) -> tuple[str, str] | None:
    """(the lexicon's label, the phase the row names) when a row label is an annualized rate: "ARR before
    treatment" -> ("annualized relapse rate", "before treatment")."""
    found = find_outcome(outcome)
    if found is None or not found[0].startswith("annualized"):
        return None
    phase = re.sub(r"(?i)\b(?:annuali[sz]ed\s+(?:severe\s+)?relapse\s+rate|annual\s+relapse\s+rate|ARR)\b", "", outcome)
    phase = re.sub(r"\s+", " ", phase).strip(" ,;:-()").lower()
    return found[0], phase if len(phase.split()) <= 4 else ""


def _outcome_and_timepoint(label: str) -> tuple[str, str]:
    label = _LABEL_MARKS.sub("", label)      # "Invasive mechanical ventilation or death*": a footnote's mark
    if glossed_time(label, _when) is not None:
        return label, ""        # "Visit 1 (Day 7)": a row saying only when, twice (read whole as a row's time)
    outcome = _FORMAT.sub("", label).strip(" ,;:-")
    outcome = _UNIT_SUFFIX.sub("", outcome).strip(" ,;:-") or outcome
    tp = _TIMEPOINT.search(outcome)
    timepoint = ""
    # "Weeks 1-12 (double-blind portion)": the period with a note on it
    described = re.sub(r"\s*\([^()]*\)\s*$", "", outcome) if tp and tp.start() == 0 else outcome
    # "<6 months", "6-12 months" under "Age": a category of the patients, not when (nothing named is left)
    left = outcome[: tp.start()].strip() if tp else ""
    if tp and tp.end() == len(described.rstrip()) and (not left or re.search(r"[A-Za-z]{2}", left)) \
            and not _NO_TIME_BEFORE.search(outcome[: tp.start("tp")]):
        timepoint = re.sub(r"\s*[-\u2013]\s*", "-", re.sub(r"\s+", " ", tp.group("tp"))).lower()
        outcome = outcome[: tp.start()].strip(" ,;:-")
    elif not tp or tp.end() != len(described.rstrip()):
        outcome, timepoint = _label_ending_in_a_time(outcome)
        if not timepoint:
            outcome, timepoint = change_end_time(outcome)   # "Change from baseline to week 24 in HbA1c"
        if not timepoint:
            outcome, timepoint = label_moment(outcome)      # "VAS score pretreatment", "SBP post-op"
    return outcome or label, timepoint


def _label_ending_in_a_time(label: str) -> tuple[str, str]:
    """(outcome, timepoint) of a row label that ends with when it was measured in the time grammar's other
    wordings: "MAP 2 min after SA", "Pain score at 6 h", "SBP (10 min post-induction)", "Heart rate, 5 min before
    incision", "VAS 24 h after surgery" -> the time with the moment it counts from; (label, "") otherwise: a range
    ("symptoms 2-5 days"), a length ("antibiotics for 5 days"), a dose's rhythm ("every 4 weeks") or an age is no
    time."""
    # "IL-6 at 24 h (pg/mL)", "Analgesics in 24 h (number of requests)": a unit or a note stays with the outcome
    unit = re.search(r"\s*[(\[][^()\[\]]*[)\]]\s*$", label)
    unit = unit if unit and not timepoint_spans(unit.group(0), bare_short=True) else None
    bare = label[: unit.start()] if unit else label      # "IL-6 at 24 h (pg/mL)": the unit stays with the outcome
    found = timepoint_spans(bare, bare_short=True)
    if not found or _NO_TIME_LABEL.match(label):
        return label, ""
    start, end, when = found[-1]
    rest = _RELATIVE_MOMENT.fullmatch(bare[end:])
    left = re.sub(r"(?i)[\s,;:(\[-]*(?:\b(?:at|after|by|on|in|during|measured\s+at)(?:\s+the)?)?\s*[(\[]?\s*$", "", bare[:start])
    if rest is None or not re.search(r"[A-Za-z]{2}", left) or _CATEGORY_OF_TIME.search(bare[start:end]) \
            or _NO_TIME_BEFORE.search(bare[:start]) or (_WINDOW_BEFORE.search(bare[:start]) and not is_window(when)):
        return label, ""
    moment = re.sub(r"\s+", " ", rest.group(0)).strip(" )]")
    return left.strip(" ,;:-") + (unit.group(0) if unit else ""), (when + (" " + moment if moment else "")).strip()


# what may follow a row label's time: nothing, or the moment it counts from ("after SA", "before incision",
# "post-induction", "following extubation")
_RELATIVE_MOMENT = re.compile(r"(?i)\s*(?:(?:after|before|post|pre|following|from)[- ]\s*[\w-]+(?:\s+[\w-]+){0,2})?\s*[)\]]?\s*")
# before a row label's time, what makes it no time: a length ("for 5 days", "lasting 10 min"), a rhythm ("every 4
# weeks"), an age ("Age 6 months"), a bound or a range's first number ("> 3 days", "2-5 days")
_NO_TIME_BEFORE = re.compile(r"(?i)(?:\b(?:for|lasting|duration(?:\s+of)?|length(?:\s+of)?|every|each|per|aged?)\s*[:,]?|"
                             r"[<>\u2264\u2265]|\d\s*(?:[-\u2010-\u2015\u2212]|to))\s*$")
# "Delivery within 5 minutes", "Seizures in the last 24 hours": a window that defines the event or the patients'
# history, not when the row was measured
_WINDOW_BEFORE = re.compile(r"(?i)\b(?:within|last|previous|past|preceding|prior)\s+(?:the\s+)?$|\b(?:in|during)\s+the\s+$")
# a row that measures a length ("Duration of surgery 60 min", "Time to first request 30 min") names no time
_NO_TIME_LABEL = re.compile(r"(?i)\s*(?:duration|length|time\s+to|total\s+time)\b")


def _row_span(text: str, table: dict, bounds: dict[int, tuple[int, int]], r: int) -> tuple[int, int]:
    """The row's cells, widened to its whole line when no other row's cell is on that line."""
    start, end = bounds[r]
    t0, t1 = int(table.get("start", 0)), int(table.get("end", len(text)))
    line_start = max(t0, text.rfind("\n", 0, start) + 1)
    nl = text.find("\n", end)
    line_end = min(t1, nl if nl != -1 else len(text))
    others = [b for k, b in bounds.items() if k != r]
    if line_start <= start and not any(line_start <= s < line_end or line_start < e <= line_end for s, e in others):
        start, end = line_start, max(end, line_end)
    return start, end


def _base_row(ctx: dict, measure: str, value_text: str, offset: int) -> dict:
    return {
        "estimate_id": estimate_id(ctx["doc_id"], measure, value_text, ctx["evidence"], offset),
        "doc_id": ctx["doc_id"], "source_file": ctx["source_file"], "measure": measure, "value": None,
        "ci_low": None, "ci_high": None, "ci_level": None, "p_value": None, "p_text": None,
        "intervention": "", "comparator": "", "outcome": ctx["outcome"], "timepoint": ctx["timepoint"],
        "condition": ctx["condition"], "events": None, "total": None, "n_intervention": None, "n_comparator": None,
        "evidence": ctx["evidence"], "start": ctx["start"], "end": ctx["end"], "flags": "", "decision": None,
        "sd": None, "se": None, "q1": None, "q3": None, "range_low": None, "range_high": None,
        "role": ctx["role"], "subgroup": ctx.get("subgroup", ""), "adjusted": "", "needs_review": "", "from_arms": "",
        "value_text": value_text, "unit": "", "finder": "table",
    }


def _tidy(x):
    return None if x is None else round(float(x), 10)


def _arm_row(ctx: dict, parsed: dict, arm: Arm, offset: int) -> dict:
    row = _base_row(ctx, parsed["measure"], parsed["value_text"], offset)
    row["intervention"] = arm.canonical
    row["n_intervention"] = arm.n
    row["value"] = _tidy(parsed["value"])
    for key in ("events", "total"):
        if parsed.get(key) is not None:
            row[key] = int(parsed[key])
    for key in ("sd", "se", "q1", "q3", "range_low", "range_high", "ci_low", "ci_high"):
        row[key] = _tidy(parsed.get(key))
    if row["ci_low"] is not None:
        row["ci_level"] = 0.95
    flags = validate(row["measure"], row["value"], row["ci_low"], row["ci_high"], None, row["events"], row["total"]) \
        if row["value"] is not None else ["nonfinite_value"]
    row["flags"] = ";".join(flags + parsed.get("flags", []))
    row["needs_review"] = parsed.get("needs_review", "")
    row["unit"] = parsed.get("unit", "")
    row["adjusted"] = "no"     # an arm's own count, mean or median, as printed
    return row


def _effect_row(ctx: dict, measure: str, parsed: dict, intervention: Arm | None, comparator: Arm | None,
                review: str, offset: int) -> dict:
    row = _base_row(ctx, measure, parsed["value_text"], offset)
    row.update(value=_tidy(parsed["value"]), ci_low=_tidy(parsed["ci_low"]), ci_high=_tidy(parsed["ci_high"]),
               p_value=parsed["p_value"], p_text=parsed["p_text"], needs_review=review,
               intervention=intervention.canonical if intervention else "",
               comparator=comparator.canonical if comparator else "",
               n_intervention=intervention.n if intervention else None,
               n_comparator=comparator.n if comparator else None, adjusted=parsed.get("adjusted", ""))
    if row["ci_low"] is not None or row["ci_high"] is not None:
        row["ci_level"] = 0.95
    if not row["role"]:
        row["role"] = "effect"
    flags = validate(measure, row["value"], row["ci_low"], row["ci_high"], row["p_value"])
    if parsed.get("se") is not None:
        # "Estimate (SE)": the standard error as printed; no interval is derived from it (README, Tables)
        row["se"] = _tidy(parsed["se"])
        if row["ci_low"] is None:
            flags = [*flags, "se_without_interval"]
    row["flags"] = ";".join(flags)
    return row


# ------------------------------------------------------------------------------------------- repeats
def _same_numbers_key(row: dict) -> tuple | None:
    """What makes two rows of one document the same estimate: an arm's events of its total, or a value with its
    printed interval (rounded as printed numbers are)."""
    def num(x):
        try:
            v = float(x)
        except (TypeError, ValueError):
            return None
        return None if v != v else round(v, 4)

    measure = str(row.get("measure") or "")
    if measure == "PROPORTION" and num(row.get("events")) is not None and num(row.get("total")) is not None:
        # a count the sentence derived from a percentage ("45% versus 29%") is no printed count to compare
        printed = re.findall(r"\d+", str(row.get("evidence") or ""))
        if str(int(num(row["events"]))) not in printed:
            return None
        return measure, num(row["events"]), num(row["total"])
    if num(row.get("value")) is None:
        return None
    return measure, num(row["value"]), num(row.get("ci_low")), num(row.get("ci_high")), num(row.get("sd")), num(row.get("q1"))


def _spelled_count_key(row: dict) -> tuple | None:
    """An arm's events of its total whose count the sentence spells out ("Six patients"): compared with a table's
    cell only for an outcome sharing a word, as a spelled count is often an event the table does not list."""
    if str(row.get("measure") or "") != "PROPORTION" or row.get("events") is None or row.get("total") is None:
        return None
    words = [count_value(w.lower()) for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", str(row.get("evidence") or ""))]
    try:
        events, total = round(float(row["events"]), 4), round(float(row["total"]), 4)
    except (TypeError, ValueError):
        return None
    return ("PROPORTION", events, total) if events in words else None


def _printed_share(row: dict, from_table: bool) -> tuple | None:
    """(arm, percentage as printed, rounded to 0.1) of an arm's proportion: a table cell's bracket ("251 (22.6)",
    "8/1039 (0.77)") or bare percentage, or a sentence's bare percentage ("22.6% with X", whose count the sentence
    reader derived); read with the grammar."""
    if str(row.get("measure") or "") != "PROPORTION" or not row.get("intervention"):
        return None
    printed = scan_view(str(row.get("value_text") or "")).strip()
    parse = Parse(printed)
    percent = None
    if from_table:
        for name in ("count_of_percent", "count_percent", "table_count_percent"):
            found = parse.whole(name)
            if found is not None:
                percent = parse_number(printed[found.percent_start:found.percent_end])
                break
    if percent is None:
        number = whole_number(parse)
        percent = number.value if number is not None and number.percent else None
    return None if percent is None else (str(row["intervention"]), round(percent, 1))


def _share_of_bare_count(row: dict) -> float | None:
    """The percentage, unrounded, of a table cell that prints an arm's count alone ("18" under an arm of 20: 90.0)."""
    if str(row.get("measure") or "") != "PROPORTION" or not row.get("intervention"):
        return None
    events, total = row.get("events"), row.get("total")
    printed = scan_view(str(row.get("value_text") or "")).strip()
    if not (_finite(events) and _finite(total)) or float(total) <= 0 or not re.fullmatch(r"\d+", printed) \
            or int(printed) != int(float(events)):
        return None
    return 100 * float(events) / float(total)


def _repeats_a_bare_count(row: dict, bare_counts: dict[str, list[tuple[float, dict]]]) -> bool:
    """Whether a sentence's bare percentage for an arm ("The complete response (CR) rate was higher in arm B (90%)")
    is the share of a count a table prints alone for that arm ("CR | 14 | 18" of arms of 20), to the decimals the
    sentence prints, on a row the sentence names (a word of its label, or its label as printed, an abbreviation):
    the table's cell printed again (a "4.22%" is no copy of 3 of 71, 4.225%)."""
    if str(row.get("measure") or "") != "PROPORTION" or not row.get("intervention"):
        return False
    printed = re.fullmatch(r"\s*(\d+(?:\.(\d+))?)\s*%\s*", scan_view(str(row.get("value_text") or "")))
    if printed is None:
        return False
    decimals = len(printed.group(2) or "")
    percent = float(printed.group(1))
    words = _sentence_words(row)
    sentence = scan_view(str(row.get("evidence") or ""))

    def named(cell: dict) -> bool:
        label = str(cell.get("outcome") or "").strip()
        return bool(_outcome_words(cell) & words) or (
            bool(re.fullmatch(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9-]{1,7}", label))
            and re.search(r"(?<![\w-])" + re.escape(label) + r"(?![\w-])", sentence) is not None)

    return any(abs(round(exact, decimals) - percent) < 1e-9 and named(cell)
               for exact, cell in bare_counts.get(str(row["intervention"]), []))


def _count_and_share(row: dict) -> tuple[int, float] | None:
    """(events, percentage as printed, to 0.1) of a proportion: its count and the percentage the table cell prints
    or the sentence's value."""
    if str(row.get("measure") or "") != "PROPORTION":
        return None
    try:
        events = int(row["events"])
    except (KeyError, TypeError, ValueError):
        return None
    share = _printed_share(dict(row, intervention=row.get("intervention") or "?"), str(row.get("finder")) == "table")
    if share is None:
        try:
            value = float(row.get("value"))
        except (TypeError, ValueError):
            return None
        if value != value:
            return None
        share = ("", round(100 * value, 1))
    return events, share[1]


def _outcome_words(row: dict, column: str = "outcome") -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", str(row.get(column) or "").lower())} - {"any", "the", "and", "with"}


def _sentence_words(row: dict) -> set[str]:
    """A sentence row's outcome words and its sentence's: "Dysgeusia (5.6% vs. 0.3%) and diarrhea ..." names the
    table row it repeats even where the row's outcome was taken from an earlier sentence or not found."""
    return _outcome_words(row) | _outcome_words(row, "evidence")


def without_bare_repeats(table_rows: list[dict], sentence_rows: list[dict]) -> list[dict]:
    """The table's rows without the arm means it prints bare ("57.5*" in a multi-arm cell) that the text gives with
    their spread for the same arm ("57.5 ± 12.6 beat/min ... in the X group"): one estimate, the text's, which
    carries the SD. Only a bare mean is given up; a table cell with its own spread stays the estimate."""
    spread = {(str(r.get("intervention") or ""), round(float(r["value"]), 4)) for r in sentence_rows
              if r.get("measure") == "MEAN" and r.get("value") is not None and r.get("intervention")
              and any(r.get(k) is not None and r.get(k) == r.get(k) for k in ("sd", "se"))}
    if not spread:
        return table_rows
    return [r for r in table_rows if not (
        r.get("measure") == "MEAN" and r.get("sd") is None and r.get("se") is None and r.get("value") is not None
        and (str(r.get("intervention") or ""), round(float(r["value"]), 4)) in spread)]


def _summaries_by_value(table_rows: list[dict]) -> dict[tuple, list[set]]:
    """{(measure, value, of all patients): [outcome words]} of the tables' MEAN and MEDIAN rows."""
    out: dict[tuple, list[set]] = {}
    for row in table_rows:
        if row.get("measure") in ("MEAN", "MEDIAN") and row.get("value") is not None and row.get("value") == row.get("value"):
            key = (row["measure"], round(float(row["value"]), 4), str(row.get("intervention") or "") == "all patients")
            out.setdefault(key, []).append(_outcome_words(row))
    return out


def _bare_summary_of_a_table(row: dict, summaries: dict[tuple, list[set]]) -> bool:
    """A sentence's mean or median printed without its spread ("median change in the score of -1.5 vs. 0") that a
    table prints for an outcome sharing a word: the table's row, which carries the spread, is the estimate."""
    if row.get("measure") not in ("MEAN", "MEDIAN") or row.get("value") is None or row.get("value") != row.get("value"):
        return False
    if any(row.get(k) is not None and row.get(k) == row.get(k) for k in ("sd", "se", "q1", "range_low")):
        return False
    # (an arm's figure is never the whole population's, nor the other way round)
    words = summaries.get((row["measure"], round(float(row["value"]), 4), str(row.get("intervention") or "") == "all patients"))
    return bool(words) and any(w & _sentence_words(row) for w in words)


def _finite(x) -> bool:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return False
    return v == v


def without_repeats(sentence_rows: list[dict], table_rows: list[dict]) -> list[dict]:
    """The sentence reader's rows without those a table reports too (a results paragraph repeating the table's
    primary outcome: "197 participants (9.2%) ... hazard ratio, 0.61; 95% CI, 0.51 to 0.72", or its adverse
    events as percentages: "any adverse event, 22.6% with X"): one estimate is one row, and the table's, whose
    arms and denominators its column headers give, is kept. A percentage alone repeats a table cell only for
    the same arm and a word of the cell's row in the sentence."""
    in_tables = {k for k in map(_same_numbers_key, table_rows) if k is not None}
    shares: dict[tuple, list[set]] = {}
    whole_shares: dict[tuple, list[set]] = {}     # the same, to the whole percent: "25%" in a sentence, "24.9" in the cell
    for row in table_rows:
        share = _printed_share(row, True)
        if share is not None:
            # the row's words include its timepoint's ("Week 24" under "CDAI LDA"), as a sentence says when too
            words = _outcome_words(row) | _outcome_words(row, "timepoint")
            shares.setdefault(share, []).append(words)
            whole_shares.setdefault((share[0], int(share[1] + 0.5)), []).append(words)

    # "18" under an arm of 20: the share a sentence prints for it ("higher in arm B (90%)")
    bare_counts: dict[str, list[tuple[float, dict]]] = {}
    for row in table_rows:
        exact = _share_of_bare_count(row)
        if exact is not None:
            bare_counts.setdefault(str(row["intervention"]), []).append((exact, row))

    counted: dict[tuple, list[set]] = {}
    for row in table_rows:
        count = _count_and_share(row)
        if count is not None:
            counted.setdefault(count, []).append(_outcome_words(row))

    by_numbers: dict[tuple, list[set]] = {}
    for row in table_rows:
        key = _same_numbers_key(row)
        if key is not None and key[0] == "PROPORTION":
            by_numbers.setdefault(key, []).append(_outcome_words(row))

    summaries = _summaries_by_value(table_rows)
    # "The placebo group increased from 3.64 ± 0.49 W/kg to ...": a mean with its SD a table prints too (the table
    # beside it also printing the interval, the range or the median): the same estimate, the table's
    mean_sd = {(round(float(r["value"]), 4), round(float(r["sd"]), 4)) for r in table_rows
               if r.get("measure") == "MEAN" and _finite(r.get("value")) and _finite(r.get("sd"))}

    def repeated(row: dict) -> bool:
        if _same_numbers_key(row) in in_tables:
            return True
        if row.get("measure") == "MEAN" and _finite(row.get("value")) and _finite(row.get("sd")) \
                and (round(float(row["value"]), 4), round(float(row["sd"]), 4)) in mean_sd:
            return True
        if _bare_summary_of_a_table(row, summaries):
            return True     # "(median change of -1.5 vs. 0 units)": the table's medians with their IQR
        spelled = _spelled_count_key(row)
        if spelled in by_numbers and any(words & _sentence_words(row) for words in by_numbers[spelled]):
            return True     # "Six patients in the A group developed ECG changes": the table's "ECG changes | 6 |"
        count = _count_and_share(row) if not row.get("intervention") and row.get("total") is None else None
        if count in counted and any(words & _outcome_words(row) for words in counted[count]):
            return True     # "Death occurred in 101 participants (4.7%) and ...": a table's cell, no arm named
        if _repeats_a_bare_count(row, bare_counts):
            return True
        share = _printed_share(row, False)
        if share in shares and EVENTS_FROM_PERCENTAGE in str(row.get("flags") or "").split(";"):
            return True     # a count the sentence derived from a percentage a table prints for that arm: the table's
        if share is not None and share not in shares and share[1] == int(share[1]) \
                and not re.search(r"\d[.\u00b7]\d", str(row.get("value_text") or "")):
            share = (share[0], int(share[1]))
            return any(words & _sentence_words(row) for words in whole_shares.get(share, []))
        return share in shares and any(words & _sentence_words(row) for words in shares[share])

    return [r for r in sentence_rows if not repeated(r)]
