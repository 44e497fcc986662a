"""Describing a document: design, condition, total N, identifiers, year, titles; and the per-file time limit."""
import time
import zipfile

import pytest

from evidence_review.ingest import ingest_paths
from evidence_review.ingest.conditions import find_condition
from evidence_review.ingest.design import classify_design
from evidence_review.ingest.identifiers import clean_doi, find_doi, find_year, year_from_filename
from evidence_review.ingest.language import detect_language, pick_english_title
from evidence_review.ingest.metadata import find_title, first_sentence
from evidence_review.ingest.sample_size import find_total_n
from evidence_review.ingest.timeouts import TimeLimitExceeded, time_limit


@pytest.mark.parametrize("title, text, types, expected", [
    ("", "Methods: patients were randomized to rituximab or placebo in a double-blind trial.", [], "RCT"),
    ("", "We performed a systematic review and meta-analysis of 12 trials.", [], "meta-analysis"),
    ("Rituximab for NMOSD: a study protocol", "Patients will be randomized to two arms.", [], "protocol"),
    # a finished trial's methods saying its protocol was approved is no protocol
    ("", "The study protocol was reviewed and approved by the ethics committee. Patients were randomized to "
         "rituximab or placebo.", [], "RCT"),
    ("", "This study protocol describes a trial in which patients will be randomized to rituximab or placebo.", [],
     "protocol"),
    ("", "This narrative review summarises treatment options. No new data.", [], "review"),
    ("", "We describe a case series of seven patients treated with tacrolimus.", [], "case series"),
    ("", "This retrospective cohort study included 140 patients.", [], "cohort"),
    ("", "We retrospectively reviewed the records of 12 patients treated with IVIG.", [], "case series"),
    ("", "We retrospectively reviewed the records of 212 patients treated with IVIG.", [], "cohort"),
    ("", "The drug works, according to a new study published in Neurology, the authors said.", [], "news"),
    ("", "Your doctor may suggest steroids. You'll get them through a vein in your arm. Ask your nurse.", [], "patient information"),
    ("", "Some text about treatment.", ["Journal Article", "Randomized Controlled Trial"], "RCT"),
    ("", "Some text.", ["Meta-Analysis", "Randomized Controlled Trial"], "meta-analysis"),
    ("", "Treatment options are currently based on small retrospective case series. Further randomized "
         "controlled trials are needed.", [], "other"),
])
def test_design(title, text, types, expected):
    assert classify_design(title, text, types, find_total_n(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Neuromyelitis optica spectrum disorder (NMOSD) patients with AQP4-IgG", "NMOSD"),
    ("Patients with generalized myasthenia gravis (gMG) received 10 mg/kg", "myasthenia gravis"),
    ("Dose was 10 mg once weekly in multiple sclerosis patients", "multiple sclerosis"),
    ("Class III/IV lupus nephritis (LN) with proteinuria", "lupus nephritis"),
    ("anti-NMDA receptor encephalitis in children", "autoimmune encephalitis"),
    ("Nothing medical here", ""),
])
def test_condition_vocabulary(text, expected):
    assert find_condition("", text) == expected


@pytest.mark.parametrize("text, n", [
    ("A total of 213 patients were included in the study.", 213),
    ("Seventy-nine patients were included.", 79),
    ("We retrospectively analysed the effect in nine patients with NMO.", 9),
    ("A total of 204 pediatric and 380 adult participants were screened of which 30 pediatric and 75 adult "
     "participants were included.", 105),
    ("Overall rates were similar in the voclosporin (26.7% of 116 patients) arm.", None),
    ("A total of 5 RCT's and 532 patients were included.", 532),
    ("No numbers at all.", None),
])
def test_total_n(text, n):
    assert find_total_n(text) == n


def test_identifiers_and_years():
    assert clean_doi("https://doi.org/10.1212/WNL.0000000000011108.") == "10.1212/wnl.0000000000011108"
    assert find_doi("See DOI\nhttps://doi.org/10.1186/s12883-019-1261-2\nJournal") == "10.1186/s12883-019-1261-2"
    assert find_year("Neurology. 2021 Feb 9;96(6):e853-e865.") == "2021"
    assert find_year("Multiple Sclerosis 2007; 13: 968-974.") == "2007"
    assert find_year("BMC Neurology (Mar 2019)") == "2019"
    assert find_year("The study ran from 2011 to 2016 in 25 patients.") == ""  # study dates are not publication years
    assert year_from_filename("001_jeong2016_aza_mmf_rtx.txt") == "2016"
    assert year_from_filename("000_8708c65266cc0a10.txt") == ""


def test_title_line_and_stand_in_sentence():
    page = "Skip to main content\nJournal logoLink to Journal\n. 2024 May 14;95(11):e1. doi: 10.1/x\n\n" \
           "Oral corticosteroid dosage at onset influences time to first relapse\n\nAuthor A 1, Author B 2\nAbstract"
    assert find_title(page) == "Oral corticosteroid dosage at onset influences time to first relapse"
    assert find_title("Abstract\nBackground: There is an unmet need.") == ""
    assert first_sentence("Abstract\n\nBackgroundThe efficacy of IVIG is unknown. We studied it.") == \
        "The efficacy of IVIG is unknown."


def test_english_title_preferred_over_other_languages():
    assert pick_english_title(["免疫治疗视神经脊髓炎谱系障碍", "Immunotherapy for neuromyelitis optica"]) == \
        ("Immunotherapy for neuromyelitis optica", "免疫治疗视神经脊髓炎谱系障碍")
    title, original = pick_english_title(["Tratamiento de la neuromielitis óptica con rituximab",
                                          "Rituximab treatment of neuromyelitis optica"])
    assert title == "Rituximab treatment of neuromyelitis optica" and original.startswith("Tratamiento")


def test_language_is_deterministic_and_script_aware():
    english = "The annualized relapse rate decreased significantly after treatment with rituximab in all patients."
    assert detect_language(english) == "en" and detect_language(english) == detect_language(english)
    assert detect_language("利妥昔单抗治疗视神经脊髓炎谱系障碍的疗效和安全性比较分析。" * 3) == "zh"
    assert detect_language("HR 0.5") == ""


def test_time_limit_stops_a_slow_step():
    start = time.perf_counter()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            while True:
                time.sleep(0.01)
    assert time.perf_counter() - start < 5


def test_office_files_named_in_the_reason(tmp_path):
    with zipfile.ZipFile(tmp_path / "screening.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    documents, _ = ingest_paths([tmp_path])
    assert documents.iloc[0]["status"] == "skipped" and "save the sheet as CSV" in documents.iloc[0]["reason"]


def test_news_item_citing_a_paper_is_the_duplicate_not_the_paper(tmp_path):
    (tmp_path / "a_news.txt").write_text(
        "Rituximab cut relapses, according to a study published in Neurology, the authors said.\n"
        "doi:10.1234/paper.1", encoding="utf-8")
    (tmp_path / "b_paper.txt").write_text(
        "Rituximab versus azathioprine in NMOSD: a cohort study\nDOI: 10.1234/paper.1\n"
        "Results: HR 0.4 (95% CI 0.2-0.8) in 140 patients of this retrospective cohort.", encoding="utf-8")
    documents, _ = ingest_paths([tmp_path])
    news, paper = documents.iloc[0], documents.iloc[1]
    assert news["design"] == "news" and news["doi"] == paper["doi"] == "10.1234/paper.1"
    assert news["duplicate_of"] == paper["doc_id"] and paper["duplicate_of"] == ""
