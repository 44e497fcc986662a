"""Metadata a reviewer can cite: the title from the strongest signal on the page (never site chrome), the year
from date tags, a MEDLINE record printed with its tags run together, a news story about a trial typed as news."""
from __future__ import annotations

import pytest

from evidence_review.ingest import ingest_with_structures
from evidence_review.ingest.design import classify_design
from evidence_review.ingest.metadata import find_title, is_site_chrome
from evidence_review.ingest.sniff import sniff_format, unfold_medline


def ingest_one(tmp_path, name: str, content: str):
    (tmp_path / name).write_text(content, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    return documents, texts, structures


@pytest.mark.parametrize("line, chrome", [
    ("Back to Search", True), ("Research Article", True), ("Original Article", True), ("Open Access", True),
    ("Download PDF", True), ("Latest News", True),
    ("Rituximab in NMOSD", False), ("Research on rituximab in neuromyelitis optica", False),
])
def test_site_chrome(line, chrome):
    assert is_site_chrome(line) == chrome


def test_text_page_title_skips_chrome_and_prefers_the_headline_above_a_byline():
    page = ("Back to Search\nResearch Article\nNeurology Today\n"
            "Rituximab versus azathioprine in NMOSD: a multicentre randomised trial\n"
            "Jane Doe, John Roe, Ana Lima\nAbstract\nBackground: ...")
    assert find_title(page) == "Rituximab versus azathioprine in NMOSD: a multicentre randomised trial"
    news = ("Health News\nMonday 3 March\nNew antibody cuts relapses in a rare spinal cord disease\n"
            "By Anna Smith, Health Reporter\nA new antibody cut relapses by 77%.")
    assert find_title(news) == "New antibody cuts relapses in a rare spinal cord disease"
    assert find_title("Home | Neurology News | Myasthenia gravis\nZilucoplan shows sustained benefit in gMG\n") == \
        "Zilucoplan shows sustained benefit in gMG"


def test_html_title_from_json_ld_and_h1_not_the_window_title(tmp_path):
    page = """<html><head><title>Research Article | Example Journal</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Eculizumab keeps working in myasthenia gravis, extension study finds",
 "datePublished": "2021-05-17T09:00:00Z", "author": [{"@type": "Person", "name": "Mia Chen"}]}</script>
</head><body><nav>Back to Search</nav><h1>Eculizumab keeps working in myasthenia gravis, extension study finds</h1>
<p>In a randomised, double-blind trial extension of 117 patients, exacerbations fell by 75% with eculizumab.</p>
</body></html>"""
    documents, texts, _ = ingest_one(tmp_path, "page.html", page)
    row = documents.iloc[0]
    assert row["title"] == "Eculizumab keeps working in myasthenia gravis, extension study finds"
    assert row["year"] == 2021
    assert row["authors"] == "Mia Chen"
    assert row["design"] == "news"  # a news story about a trial is not the trial
    assert texts[row["doc_id"]].count("Eculizumab keeps working") == 1


def test_html_title_from_h1_when_no_tags(tmp_path):
    page = ("<html><head><title>Back to Search</title></head><body><p>Research Article</p>"
            "<h1>Tacrolimus in lupus nephritis: a randomised trial</h1><p>Published: 12 March 2020</p>"
            "<p>We randomised 120 patients with lupus nephritis to tacrolimus or cyclophosphamide.</p></body></html>")
    documents, _, _ = ingest_one(tmp_path, "page.html", page)
    row = documents.iloc[0]
    assert row["title"] == "Tacrolimus in lupus nephritis: a randomised trial"
    assert row["year"] == 2020


RUN_TOGETHER = ("PubMed search results\n"
                "PMID- 31234567 OWN - NLM STAT- MEDLINE DCOM- 20200101 DP - 2019 Nov 5 TI - Rituximab versus "
                "azathioprine in NMOSD: a randomized trial. AB - BACKGROUND: We compared two drugs. RESULTS: The HR "
                "was 0.3 (95% CI 0.1-0.8). FAU - Smith, Jane AU - Smith J LA - eng PT - Randomized Controlled Trial "
                "TA - Neurology JT - Neurology PMID- 31234568 OWN - NLM DP - 2020 TI - Eculizumab in myasthenia "
                "gravis. AB - A second record about eculizumab. PT - Journal Article\n")


def test_medline_with_tags_run_together(tmp_path):
    assert sniff_format("results.txt", RUN_TOGETHER) == "medline"
    unfolded = unfold_medline(RUN_TOGETHER)
    assert unfolded.startswith("PMID- 31234567\nOWN - NLM\nSTAT- MEDLINE\n")
    assert "\n\nPMID- 31234568\n" in unfolded
    documents, texts, structures = ingest_one(tmp_path, "results.txt", RUN_TOGETHER)
    assert documents["status"].tolist() == ["ok", "ok"]
    first = documents.iloc[0]
    assert first["title"] == "Rituximab versus azathioprine in NMOSD: a randomized trial."
    assert (first["pmid"], first["year"], first["design"], first["journal"]) == ("31234567", 2019, "RCT", "Neurology")
    assert [s["name"] for s in structures[first["doc_id"]]["sections"]] == ["abstract", "background", "results"]
    assert documents.iloc[1]["pmid"] == "31234568"


def test_a_well_formed_medline_export_is_left_alone():
    export = "PMID- 1\nOWN - NLM\nTI  - A title.\nAB  - An abstract.\n\nPMID- 2\nTI  - Other.\nAB  - Text.\n"
    assert unfold_medline(export) == export


@pytest.mark.parametrize("text, expected", [
    ("New drug cuts relapses\nBy Anna Smith\nA randomized, placebo-controlled trial of 230 patients found fewer "
     "relapses. The trial was published in The Lancet on Monday.\n\"This is a big step,\" said Dr Jones.", "news"),
    ("Drug maker reports trial win\nThe company said in a statement that the randomized trial met its primary "
     "endpoint.", "news"),
    ("Rituximab in NMOSD: a randomized trial\nAbstract\nBackground: Results of earlier trials were published in "
     "2019 in the journal Neurology. Methods: We randomized 80 patients to rituximab or placebo.", "RCT"),
])
def test_news_about_a_trial_is_news(text, expected):
    assert classify_design(text.split("\n")[0], text) == expected


def test_own_randomisation_sentence_counts_even_when_it_mentions_previous_treatment():
    text = ("Pembrolizumab plus chemotherapy in lung cancer\nMETHODS\nIn this phase 3 trial, we randomly assigned "
            "(in a 2:1 ratio) 616 patients who had received no previous treatment to pembrolizumab or placebo.")
    assert classify_design("Pembrolizumab plus chemotherapy in lung cancer", text) == "RCT"
    review = "Rituximab in NMOSD\nIn this review, rituximab lowered relapse rates in randomized trials."
    assert classify_design("", review) == "review"


@pytest.mark.parametrize("page, year", [
    ("Drug cuts relapses\nBy Anna Smith\nMonday, March 3, 2024\nA new drug ...", "2024"),
    ("Drug cuts relapses\nPosted: 12 March 2021 | Health\nText.", "2021"),
    ("Drug cuts relapses\n3 March 2019\nText.", "2019"),
    ("NEWS | Neurology | 14 April 2025\nUplizna meets primary endpoint\n", "2025"),
    ("The study ran from March 3, 2011 to 2016 in 25 patients.", ""),
])
def test_year_from_date_lines(page, year):
    from evidence_review.ingest.identifiers import find_year

    assert find_year(page) == year


def test_open_graph_title_without_the_site_name(tmp_path):
    page = ('<html><head><meta property="og:title" content="Rituximab cuts relapses in NMOSD, trial finds | Neuro News">'
            "</head><body><p>Back to Search</p><p>In a randomised trial, rituximab cut relapses by 70%.</p></body></html>")
    documents, _, _ = ingest_one(tmp_path, "page.html", page)
    assert documents.iloc[0]["title"] == "Rituximab cuts relapses in NMOSD, trial finds"


def test_a_trial_registry_record_is_typed_apart_from_the_study_it_registers(tmp_path):
    from evidence_review.ingest import ingest_paths
    from pathlib import Path

    from evidence_review.ingest.design import classify_design
    fixture = Path(__file__).parent / "fixtures" / "ingest" / "registry_record.txt"
    documents, _ = ingest_paths([fixture])
    assert documents.loc[0, "design"] == "registry entry"
    # an RCT abstract that cites its registration number is still an RCT
    abstract = ("Methods: In this double-blind trial, 83 patients were randomly assigned to satralizumab or "
                "placebo. Results: Relapse occurred in 20% and 43%. (Funded by Roche; ClinicalTrials.gov number, "
                "NCT02028884.)")
    assert classify_design("", abstract) == "RCT"
