"""Within-patient designs: each patient's two sites (eyes, ovaries, sides, hands) given one treatment each, the arms
being the sites' treatments (`within_patient.within_patient_pair`, `study._within_patient_sites`), read then from a
table that prints each arm as a label row or a column. Texts and tables written for these tests (other sites,
treatments, numbers), with negatives: findings in one site and the other, a parallel trial, a study eye chosen for
analysis."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.within_patient import within_patient_pair


def _pair(text: str):
    pair = within_patient_pair(text)
    return None if pair is None else (pair.first, pair.second, pair.site)


def test_treatments_named_with_each_site():
    assert _pair("In every man, the biopsy was taken with an 18-gauge needle in one kidney and a 16-gauge needle in "
                 "the other, the side chosen at random.") == ("18-gauge needle", "16-gauge needle", "kidney")
    assert _pair("Each participant received a silicone sheet on one randomly selected side and a hydrogel dressing "
                 "on the contralateral side.") == ("silicone sheet", "hydrogel dressing", "side")
    assert _pair("Each patient received topical brimonidine in one eye and artificial tears in the fellow eye.") == \
        ("topical brimonidine", "artificial tears", "eye")


def test_sites_first_then_what_each_received():
    assert _pair("Twenty patients with bilateral keratoconus were enrolled; one eye was randomly assigned to "
                 "epithelium-off crosslinking and the fellow eye to epithelium-on crosslinking.") == \
        ("epithelium-off crosslinking", "epithelium-on crosslinking", "eye")
    assert _pair("In this randomized split-body trial, one foot was treated with cryotherapy and the other foot "
                 "with salicylic acid.") == ("cryotherapy", "salicylic acid", "foot")


def test_more_ways_of_giving_each_site_its_treatment():
    # the head noun said once ("an 18-gauge" for "an 18-gauge needle"), a verb of use after the name, a sentence
    # opening with the name, a site given its treatment by any verb "with"
    assert _pair("In 30 men, we used a 14-gauge needle in one kidney and an 18-gauge in the other.") == \
        ("14-gauge needle", "18-gauge needle", "kidney")
    assert _pair("Thirty men were enrolled. The warm compress was applied to one knee and the cold compress to the "
                 "contralateral knee, chosen at random.") == ("warm compress", "cold compress", "knee")
    assert _pair("In every participant, one knee was injected with hyaluronic acid and the other with saline.") == \
        ("hyaluronic acid", "saline", "knee")


def test_findings_in_two_sites_and_a_study_eye_are_no_pair():
    assert _pair("Swelling in one knee and redness in the other were noted at baseline.") is None
    assert _pair("In patients with bilateral disease, one eye was chosen at random for the analysis.") is None
    assert _pair("Patients were randomly assigned to cryotherapy or salicylic acid.") is None


def test_the_study_model_takes_the_sites_treatments_as_its_arms():
    study = build_study("d", "Methods\nTwenty-four patients with bilateral plantar warts were enrolled in this "
                             "randomized trial. One foot was treated with cryotherapy and the other foot with "
                             "salicylic acid.\n")
    assert sorted((a.canonical, a.n) for a in study.arms) == [("cryotherapy", 24), ("salicylic acid", 24)]
    # a misread site in a name ("fellow eye to Y") gives way to the pair
    study = build_study("d", "Methods\nThirty patients with bilateral cataract were enrolled; one eye was randomly "
                             "assigned to phacoemulsification and the fellow eye to extracapsular extraction.\n")
    assert sorted(a.canonical for a in study.arms) == ["extracapsular extraction", "phacoemulsification"]


def test_a_parallel_trial_keeps_its_arms():
    study = build_study("d", "Methods\nSixty patients were randomly assigned to cryotherapy (n = 30) or salicylic "
                             "acid (n = 30). Swelling in one foot and redness in the other were recorded.\n")
    assert sorted((a.canonical, a.n) for a in study.arms) == [("cryotherapy", 30), ("salicylic acid", 30)]


def test_arms_the_allocation_named_with_their_sizes_stay():
    study = build_study("d", "Methods\nFeet were randomly assigned to cryotherapy (n = 30) or salicylic acid (n = 30): "
                             "in each patient one foot was treated with cryotherapy and the other foot with salicylic "
                             "acid.\n")
    assert sorted((a.canonical, a.n) for a in study.arms) == [("cryotherapy", 30), ("salicylic acid", 30)]


def test_arms_as_label_rows_of_a_single_column_table_are_read():
    methods = ("Methods\nTwenty-four patients with bilateral plantar warts were enrolled in this randomized trial. "
               "One foot was treated with cryotherapy and the other foot with salicylic acid.\nResults\n")
    header = "| Outcome | Mean ± SD |"
    text = (methods + "Table 2. Outcomes at 8 weeks\n" + header + "\n| Wart diameter, mm | |\n"
            "| Cryotherapy | 2.4 ± 1.1 |\n| Salicylic acid | 3.6 ± 1.5 |\n| Difference (95% CI) | -1.2 (-1.9, -0.5) |\n"
            "| p = 0.002 | |\n")
    _, rows = read_pipe_table(text, header)
    got = {(r["measure"], r["value"], r.get("sd"), r.get("total"), r["intervention"]) for r in rows or []}
    assert {("MEAN", 2.4, 1.1, 24, "cryotherapy"), ("MEAN", 3.6, 1.5, 24, "salicylic acid")} <= got
