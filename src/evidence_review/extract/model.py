"""The records the rules share: an estimate found in a sentence, and what earlier sentences of the same
document established (measure named last, arm sizes)."""
from __future__ import annotations

from dataclasses import dataclass, field



#: the note a row carries when its arms are the study model's because its sentence names none (the meaning step
#: drops them again from a result quoted from another study)
ARMS_FROM_STUDY = "arms from the study model (the sentence names none)"
#: the note of a ratio whose own words order its arms ("hazard ratio with X", "HR for A ... compared to B"): the
#: meaning step turns such a ratio (1/x) to the trial's direction instead of swapping its arms
RATIO_ORDER_SAID = "the ratio's own words order its arms"


@dataclass
class Estimate:
    measure: str
    value: float
    value_text: str
    start: int        # value position, sentence-local
    end: int
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None
    p_value: float | None = None
    p_text: str | None = None
    events: int | None = None
    total: int | None = None
    unit: str = ""
    timepoint: str = ""
    arm_hint: str = ""          # an arm named by the finder itself ("on rituximab", "vs placebo")
    comparator_hint: str = ""
    outcome_hint: str = ""      # the quantity a summary describes, as the sentence names it
    kind: str = ""
    percent: bool = False
    tail_end: int = 0           # end of the value's interval and p-value, sentence-local
    total_fits: tuple = ()      # denominators consistent with a printed percentage, when the text gives none
    flags: list = field(default_factory=list)   # what a rule did to the printed numbers ("sd_from_se", ...)
    subgroup: str = ""          # a label printed with the value ("TRIAL-1: 38%")
    role: str = ""              # a hint for the meaning step ("baseline")
    sd: float | None = None     # MEAN and MEDIAN rows: the arm's spread
    se: float | None = None
    q1: float | None = None
    q3: float | None = None
    range_low: float | None = None
    range_high: float | None = None


@dataclass
class SentenceState:
    """What earlier sentences of the same document said, for estimates that rely on it."""
    last_measure: str = ""            # last ratio/difference measure named or found
    last_difference_measure: str = ""  # last MD/SMD named
    arm_sizes: dict = field(default_factory=dict)
    rr_means_rate: bool = False        # the document defined "relapse rate (RR)"
    last_pair: tuple | None = None     # (intervention, comparator) of the last comparison, in the text's order
    # the arms of the last "A% vs B%" pair whose own sentence named them in order ("higher with A than with B (60% vs
    # 40%)"): the order a later pair naming no arm follows when no effect estimate has set one
    last_share_pair: tuple | None = None
    outcome_abbreviations: object = None  # compiled pattern of outcome abbreviations the document defines ("CR")
    plus_minus: str = ""               # what a bare "±" holds in this document ("SE" when its methods say "mean ± SE")
    bracket_spread: str = ""           # what a bare "x (y)" of a mean holds ("SD" when its methods say "mean (SD)")
    trial_period: str = ""             # a trial's treatment period ("52 weeks"), the time an annualized rate covers
    population: int | None = None      # a trial's whole population size (0: a trial, size not stated; None: no trial)
    last_arm_list: tuple = ()          # the arms the last "respectively" list of summaries named, in its order
    lettered: dict = field(default_factory=dict)  # "A" -> the arm the report calls "group A" (its canonical name)
    # the measure of a "(HR; 95% CI: 1.19; 0.94-1.50)" bracket, whose form "(0.75; 0.57-0.96)" the next sentences repeat
    value_then_limits_measure: str = ""
    abbreviations: dict = field(default_factory=dict)   # "FF" -> "formoterol fumarate": capitals the document defines
    # the study model's arms (canonical names) in the order the document names them: the arms a list of values
    # naming none is aligned with (rules/aligned.py)
    study_arms: tuple = ()
    design: str = ""                   # the document's design (documents.csv vocabulary: RCT, cohort, case series, ...)
    study_arm_count: int = 0           # how many arms the study model holds

    def two_arms(self) -> list[str]:
        """The document's two arms of known size ("either group", "the two groups"), in the order of its last
        comparison when there is one; empty unless there are exactly two."""
        pair = self.last_pair
        if pair and all(a in self.arm_sizes for a in pair):
            return list(pair)
        sized = [a for a in self.arm_sizes if not a.startswith("no ")]
        if len(sized) > 2 and "control" in sized and {"placebo", "standard care", "sham"} & set(sized):
            sized.remove("control")     # "the control group" is the placebo or standard-care arm named elsewhere
        return sized if len(sized) == 2 else []
