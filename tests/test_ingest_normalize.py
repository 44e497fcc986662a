"""Text cleaning: markup, characters that change numbers, broken lines, boilerplate, repeats."""
from evidence_review.ingest.boilerplate import head_before_cut, remove_boilerplate
from evidence_review.ingest.decode import decode_bytes
from evidence_review.ingest.markup import has_markup, strip_markup
from evidence_review.ingest.normalize import normalize_text
from evidence_review.ingest.repeats import drop_repeats
from evidence_review.ingest.records import ReaderError

import pytest


def test_inline_markup_vanishes_without_spaces_and_entities_decode():
    text = strip_markup("<p><strong>Results: </strong>RTX (<i>n</i> = 81; <i>p</i>&nbsp;&lt;&nbsp;0.05)</p><p>Next</p>")
    assert "RTX (n = 81; p\u00a0<\u00a00.05)" in text
    assert text.strip().split("\n")[-1] == "Next"


def test_plain_less_than_is_not_markup():
    assert not has_markup("HR 0.5, p<0.05 and p <i")
    assert strip_markup("p<0.05") == "p<0.05"


def test_superscript_after_digit_keeps_number_apart():
    assert strip_markup("10<sup>9</sup>/L") == "10^9/L"


@pytest.mark.parametrize("raw, expected", [
    ("0\u00b752 (0\u00b730\u20130\u00b791)", "0.52 (0.30-0.91)"),  # Lancet middle dots, en dash range
    ("(WMD) \u2212 1.56 (95% CI, \u2212 1.82 to \u2212 1.29)", "(WMD) -1.56 (95% CI, -1.82 to -1.29)"),
    ("HR\u00a00.5\u2009(0.3\u20130.8)", "HR 0.5 (0.3-0.8)"),
    ("\uff18\uff13\uff0e\uff10\uff05", "83.0%"),  # full-width digits
    ("968\u2014974", "968-974"),
    ("MMF\u2212 group", "MMF- group"),
    ("29.3 \u00b1 18.7\u2217", "29.3 \u00b1 18.7*"),       # the asterisk operator as a footnote mark
    ("17.3 \u00b1 5.6^##\u2217 | 39 (100)\u2217", "17.3 \u00b1 5.6^##* | 39 (100)*"),
])
def test_characters_that_change_numbers_are_unified(raw, expected):
    assert normalize_text(raw) == expected


def test_numbers_and_sentences_broken_across_lines_are_rejoined():
    raw = ("The complete or partial response rate was 83.\n    0% (117/141) in the tacrolimus group and 75.\n"
           "    0% (93/124) in the IVCY group\n    .\n\n    Next paragraph starts here\n    and continues.")
    out = normalize_text(raw)
    assert "83.0% (117/141)" in out and "75.0% (93/124) in the IVCY group." in out
    assert "Next paragraph starts here and continues." in out
    assert "\n\n" in out  # the paragraph break survives


def test_spreadsheet_artefacts_and_crlf_removed():
    out = normalize_text("Background: _x000D_\r\nThe efficacy _x000D_\r\n")
    assert "_x000D_" not in out and "\r" not in out
    assert out.startswith("Background:")


def test_whitespace_collapses_but_paragraphs_stay():
    assert normalize_text("a   b\n\n\n\n\nc  d") == "a b\n\nc d"


def test_mojibake_repaired():
    text, _ = decode_bytes("RÃ©sultats: HR 0Â·52".encode("utf-8"))
    assert normalize_text(text) == "Résultats: HR 0.52"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "gb18030", "latin-1"])
def test_decoding_by_detection(encoding):
    sentence = "Résultats: réduction du taux de rechute (HR 0.35, IC 95% 0.20-0.61) chez 120 patients traités."
    if encoding == "gb18030":
        sentence = "利妥昔单抗治疗视神经脊髓炎谱系障碍的疗效和安全性。结果显示复发风险降低 (HR 0.35, 95% CI 0.20-0.61)。"
    text, _ = decode_bytes(sentence.encode(encoding))
    assert text == sentence


@pytest.mark.parametrize("data, words", [(b"", "empty"), (b"  \n\t ", "whitespace"),
                                         (bytes(range(256)) * 20, "binary")])
def test_undecodable_inputs_give_reasons(data, words):
    with pytest.raises(ReaderError, match=words):
        decode_bytes(data)


def test_boilerplate_lines_dropped_and_reference_list_cut():
    page = "\n".join([
        "Skip to main content", "Journal logoLink to Journal", "Home > News > Neurology",
        "A cohort study of rituximab", "Results: the hazard ratio was 0.42 (95% CI 0.21-0.84) in 120 patients "
        "followed for a median of five years, with relapses counted by blinded assessors." * 2,
        "We use cookies to improve your experience.", "References", "1. Smith J. HR 9.9 (95% CI 1-99). 2010.",
        "Contact Us",
    ])
    cleaned = remove_boilerplate(page)
    assert cleaned.startswith("A cohort study of rituximab")
    assert "0.42" in cleaned and "9.9" not in cleaned and "cookies" not in cleaned and "Contact" not in cleaned
    assert "9.9" not in head_before_cut(page)


def test_reference_heading_at_the_top_does_not_empty_the_page():
    page = "References\nResults: HR 0.5 (95% CI 0.3-0.8)."
    assert "HR 0.5" in remove_boilerplate(page)


def test_repeated_abstract_kept_once_and_truncated_snippet_dropped():
    abstract = "Results: the annualized relapse rate fell from 1.6 to 0.3 on maintenance treatment (p < 0.001)."
    text = "\n".join(["Title", abstract[:60] + "...", abstract, "Methods", abstract, "Methods"])
    out = drop_repeats(text)
    assert out.count("annualized relapse rate") == 1
    assert out.count("Methods") == 2  # short lines (headings) are never removed


def test_hard_wrapped_lines_reflowed_but_headings_kept():
    raw = ("Among the patients treated with rituximab, the hazard ratio was\n"
           "0.52 (95% CI 0.30-0.91) when compared with\n"
           "Azathioprine over two years.\n"
           "Results\n"
           "12 patients relapsed.")
    out = normalize_text(raw)
    assert "the hazard ratio was 0.52 (95% CI 0.30-0.91) when compared with Azathioprine over two years." in out
    assert "\nResults\n12 patients relapsed." in out


def test_a_five_megabyte_line_normalizes_in_linear_time():
    line = "The relapse rate was 0\u00b75 in the treated group (HR 0\u00b742, 95% CI 0\u00b721\u20130\u00b784). " * 62500
    out = normalize_text(line)
    assert len(out) > 4_000_000 and out.count("(HR 0.42, 95% CI 0.21-0.84)") == 62500
    assert drop_repeats(out) == out  # one line: nothing to compare with


def test_affiliations_above_the_abstract_remove_only_the_affiliations():
    page = "\n".join([
        "Inebilizumab for NMOSD: a double-blind, randomised placebo-controlled phase 2/3 trial",
        "Lancet. 2019 Oct 12;394(10206):1352-1363. doi: 10.1016/S0140-6736(19)31817-3.",
        "Bruce A C Cree 1, Jeffrey L Bennett 2, Ho Jin Kim 3, Brian G Weinshenker 4, Sean J Pittock 5",
        "Affiliations",
        "1 UCSF Weill Institute for Neurosciences, University of California San Francisco, CA 94158, USA.",
        "2 Departments of Neurology and Ophthalmology, University of Colorado Denver, Aurora, CO 80045, USA.",
        "Abstract",
        "Findings: 21 (12%) of 174 participants receiving inebilizumab and 22 (39%) of 56 receiving placebo "
        "had an attack (hazard ratio 0.272 [95% CI 0.150-0.496]; p<0.0001).",
        "Affiliations",
        "3 Research Institute, Goyang, South Korea.",
    ])
    cleaned = remove_boilerplate(page)
    assert "hazard ratio 0.272" in cleaned
    assert "University of California" not in cleaned
    assert "Goyang" not in cleaned  # a closing heading after the abstract still ends the text
    assert "10.1016/S0140-6736(19)31817-3" in head_before_cut(page)
