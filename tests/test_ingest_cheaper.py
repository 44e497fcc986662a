"""Ingestion's cheaper paths give what the costly ones gave: ftfy only on the lines that need it, the control
character share by regex, langid skipped for records whose export states English."""
from __future__ import annotations

import random
from pathlib import Path

import ftfy
import pytest

from evidence_review.ingest import decode, language
from evidence_review.ingest.decode import FIX_CONFIG, fix_mojibake

FIXTURES = Path(__file__).parent / "fixtures"
#: Characters that make ftfy act (mojibake, controls, CR, terminal escapes, full width, ligatures, line separators).
ALPHABET = "ab c.\n\n\r\t\x0c\x1b[0m\x00\x7f\x85é–Ã©Â±ｆ１²\u2028\ufb01µ\ufeff\ud800"


def test_fix_mojibake_matches_ftfy_on_mixed_text():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 600)))
        assert fix_mojibake(text) == ftfy.fix_text(text, FIX_CONFIG), repr(text)


def test_fix_mojibake_matches_ftfy_on_every_fixture():
    checked = 0
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.stat().st_size < 2_000_000:
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert fix_mojibake(text) == ftfy.fix_text(text, FIX_CONFIG), path
            checked += 1
    assert checked > 50


#: ftfy's badness characters (every class of its rule), the letters its branches name, CJK, combining marks, and
#: the characters its other fixers change, with plenty of ASCII around them.
MOJIBAKE_ALPHABET = ("\xa0\xad·´–—―…’\x81\x9d¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊�ªº¶§¢£¥₧€¡«¿©΄΅‘‚“„•‹\uf8ff®»˝”›™²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№"
                     "ÒÖÙÜòöøüŐŌŪŲ°ÀÑØÝĂĀĄĆČĎĐĘĚĒĖĞĢİĪĶĹĽŁŒŘŚŞŠŸŹŻŽҐßàñăąāćčďđęěēėğœŕśşšťźżžґﬁﬂÞΑΩΆΪЁЯαωάΰаџ│┌═╬▀░▓"
                     "ÂÃÎÐŒœвЂВГРСўβ€ΆΒΓΞΟ免疫治疗ｆ１\u2028\u0301\u0323\r\x1b\ufeff") + "ab c.,?!\n\t AZ019" * 12


def test_ftfy_keeps_only_what_ftfy_keeps():
    rng = random.Random(5)
    kept = 0
    for _ in range(40000):
        text = "".join(rng.choice(MOJIBAKE_ALPHABET) for _ in range(rng.randint(0, 14)))
        fixed = ftfy.fix_text(text, FIX_CONFIG)
        if decode.ftfy_keeps(text):
            assert fixed == text, repr(text)
            kept += 1
        assert fix_mojibake(text) == fixed, repr(text)
    assert kept > 10000  # the shortcut is taken, not only declined


def test_ftfy_keeps_a_clean_abstract_and_not_mojibake():
    clean = "Relapse fell (HR 0.45 ± 0.1; p ≤ 0.05) — Barré patients’ “ARR” in 免疫治疗 cohorts: 2·5 µg/mL\n" * 30
    assert decode.ftfy_keeps(clean) and fix_mojibake(clean) == clean == ftfy.fix_text(clean, FIX_CONFIG)
    for broken in ("The cafÃ© trial", "relapse rate â€“ 0.5", "ﬁrst dose", "ＨＲ １.２", "line\r\nbreak", "e\u0301"):
        assert not decode.ftfy_keeps(broken * 3)
        assert fix_mojibake(broken * 3) == ftfy.fix_text(broken * 3, FIX_CONFIG) != broken * 3


def test_ftfy_badness_rule_needs_a_non_ascii_character_within_reach():
    """The premises of ftfy_keeps: the badness rule never matches ASCII text, and its matches are short."""
    rng = random.Random(8)
    ascii_alphabet = [chr(c) for c in range(128)]
    for _ in range(3000):
        text = "".join(rng.choice(ascii_alphabet) for _ in range(rng.randint(0, 200)))
        assert not ftfy.badness.is_bad(text)
    assert 3 <= decode._BADNESS_REACH <= 12


def test_control_share_counts_what_the_character_loop_counted():
    def by_loop(text):
        sample = text[:decode.SNIFF_BYTES]
        return sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0) / len(sample)

    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(chr(rng.choice([rng.randint(0, 0xA5), rng.randint(0x20, 0x7E)])) for _ in range(rng.randint(1, 300)))
        assert decode._control_share(text) == pytest.approx(by_loop(text))


ENGLISH = ("Rituximab reduced the annualized relapse rate compared with azathioprine in patients with "
           "neuromyelitis optica spectrum disorder over two years of follow-up.")
SPANISH = ("El rituximab redujo la tasa anualizada de recaídas en comparación con la azatioprina en pacientes con "
           "trastorno del espectro de la neuromielitis óptica durante dos años de seguimiento.")
CHINESE = "利妥昔单抗治疗视神经脊髓炎谱系障碍的疗效与安全性研究。结果显示复发率明显降低，不良事件发生率较低。" * 3


def test_a_record_stated_english_is_not_sent_to_langid(monkeypatch):
    def no_langid():
        raise AssertionError("langid was run")

    monkeypatch.setattr(language, "_identifier", no_langid)
    assert language.detect_language(ENGLISH, stated="eng") == "en"
    assert language.detect_language(ENGLISH, stated="English") == "en"
    assert language.detect_language(CHINESE, stated="eng") == "zh"  # the script decides before the statement
    assert language.detect_language("Too short.", stated="eng") == ""
    with pytest.raises(AssertionError, match="langid was run"):
        language.detect_language(SPANISH, stated="spa")


def test_stated_and_detected_languages_agree_on_real_text():
    assert language.detect_language(ENGLISH) == "en" == language.detect_language(ENGLISH, stated="eng")
    assert language.detect_language(SPANISH) == "es"


def test_medline_language_lines_reach_the_documents_table(tmp_path):
    from evidence_review.ingest import ingest_paths

    (tmp_path / "two.nbib").write_text(
        f"PMID- 1\nTI  - Rituximab in NMOSD.\nAB  - {ENGLISH}\nLA  - eng\n\n"
        f"PMID- 2\nTI  - Rituximab en NMOSD.\nAB  - {SPANISH}\nLA  - spa\n", encoding="utf-8")
    documents, _ = ingest_paths([tmp_path])
    assert documents["language"].tolist() == ["en", "es"]


#: Pieces of abstracts around counts: counts in digits and words, people words, assignment verbs, proportions.
COUNT_PIECES = ["143", "Seventy-nine", "one hundred and twenty", "twenty-one", "1,142", "83", "12.5", "(72%)", "(n = 40)",
                "patients", "adults", "pediatric participants", "women", "were", "was", "randomly assigned", "randomized",
                "enrolled", "included and randomized", "to rituximab", "and", "42", "to placebo", "received", "underwent",
                "randomization", "with AChR-antibody-positive MG", "of", "the", "in", "a total of", "14 of 19", "N = 83",
                "studies", "were screened", ".", ",", ";", "one", "often", "Seven", "ten", "tenfold", "100%", "\n",
                "relapse occurred in", "were in the 10-mg group", "١٢", "İ", "ſeven"]


def test_count_patterns_tried_only_where_a_count_starts_find_what_finditer_finds():
    from evidence_review.ingest import sample_size

    opening = [p for p in sample_size.RANDOMIZED + sample_size.STRONG + sample_size.WEAK
               if p.pattern.startswith(sample_size._OPENS_WITH_COUNT)]
    assert len(opening) >= 5
    rng = random.Random(11)
    texts = [" ".join(rng.choice(COUNT_PIECES) for _ in range(rng.randint(0, 120))) for _ in range(1500)]
    texts += [path.read_text(encoding="utf-8", errors="replace")[:sample_size.SCAN_CHARS]
              for path in sorted(FIXTURES.rglob("*")) if path.is_file() and path.stat().st_size < 2_000_000]
    found = 0
    for text in texts:
        starts = [m.start() for m in sample_size._COUNT_START.finditer(text)]
        for pattern in opening:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in sample_size._finditer(pattern, text, starts)] == expected
            found += len(expected)
    assert found > 150


def test_design_rules_search_the_joined_sentences_as_they_searched_each_sentence():
    """No rule matches across SENTENCE_JOIN, so a search of the joined sentences finds a match exactly when one
    sentence has one; sentences ending where a rule could continue ("... vs", "randomized") included."""
    from evidence_review.ingest import design

    pieces = ["randomized", "randomised", "trial", "vs", "vs.", "placebo", "versus", "or", "double-blind", "we", "were",
              "meta-analysis", "pooled analysis of", "12", "trials", "study protocol", "will be randomized", "cohort",
              "systematic review", "case series", "retrospective", "observational", "RCT", "(PBO)", "the", "patients",
              "of", "in", "a", "controlled", "chart review", "open-label", "period"]
    rules = [pattern for _, pattern in design._TEXT_RULES] + [design._OBSERVATIONAL]
    rng = random.Random(4)
    differing = 0
    for _ in range(3000):
        sentences = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + rng.choice(["", ".", " ."])
                     for _ in range(rng.randint(0, 5))]
        joined = design.SENTENCE_JOIN.join(sentences)
        for pattern in rules:
            each = any(pattern.search(s) for s in sentences)
            assert bool(pattern.search(joined)) == each, (pattern.pattern[:40], sentences)
            differing += bool(pattern.search(" ".join(sentences))) != each  # a plain space would cross
    assert differing > 0


def _fixture_texts(limit: int = 2_000_000) -> list[str]:
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.rglob("*"))
            if path.is_file() and path.stat().st_size < limit]


def test_count_starts_are_where_a_count_and_a_space_start():
    import re

    from evidence_review.ingest import sample_size

    one_by_one = re.compile(rf"\b(?={sample_size._NUMBER} )", re.IGNORECASE)
    rng = random.Random(12)
    texts = [" ".join(rng.choice(COUNT_PIECES) for _ in range(rng.randint(0, 80))) for _ in range(1000)]
    total = 0
    for text in texts + _fixture_texts():
        starts = [m.start() for m in sample_size._COUNT_START.finditer(text)]
        assert starts == [m.start() for m in one_by_one.finditer(text)]
        total += len(starts)
    assert total > 1000


def test_boilerplate_lines_classified_in_one_pass_as_rule_by_rule():
    from evidence_review.ingest import boilerplate

    def rule_by_rule(line):
        stripped = line.strip().strip("\"“”'")
        for rule in boilerplate.rules() if stripped else ():
            if rule.action == "strip_prefix":
                if rule.pattern.match(stripped):
                    return rule
            elif len(stripped) <= boilerplate.MAX_BOILERPLATE_LINE and rule.pattern.fullmatch(stripped):
                return rule
        return None

    assert all(boilerplate._any_rule())  # the one-pass check is in use
    lines = [line for text in _fixture_texts() for line in text.split("\n")]
    lines += ["References", "  REFERENCES  ", "Share this article", "Copyright 2024 Elsevier", "Funding", "Abstract",
              "Advertisement", "Skip to main content", "Cookie settings", "Acknowledgements", "x" * 500]
    matched = 0
    for line in lines:
        expected = rule_by_rule(line)
        assert boilerplate.classify_line(line) == expected, line
        matched += expected is not None
    assert matched > 20


def test_byline_shortcut_gives_the_answer_of_cleaning_every_piece():
    from evidence_review.ingest import metadata

    def by_cleaning(line):
        line = line.strip()
        if metadata._BYLINE.match(line):
            return True
        items = [n for n in map(metadata._clean_author, metadata._NAME_SEPARATORS.split(line)) if n]
        return metadata.looks_like_names(items)

    pieces = ["Jane Doe", "J. Smith1", "Ann Lee*", "• Bo Li", "Kim 2,3", "de la Cruz", "and", "Mary Ann van der Berg Jr",
              "the trial randomly assigned patients to rituximab or placebo for two years", "• * 12 †",
              "1 2 3 4 5 6 7 8", "A B C D E F G", "Ng", "✉", "§ Park"]
    rng = random.Random(6)
    lines = [rng.choice([", ", "; ", " and ", ","]).join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
             for _ in range(5000)]
    lines += [line for text in _fixture_texts() for line in text.split("\n")]
    names = 0
    for line in lines:
        expected = by_cleaning(line)
        assert metadata._is_byline(line) == expected, line
        names += expected
    assert names > 200


def test_author_lines_below_the_title_give_the_answer_of_cleaning_every_piece():
    """find_authors skips cleaning a line's pieces when `_may_be_names` settles that they cannot be names: the
    authors it finds are those of cleaning every piece, for name lists, marked names and paragraphs alike."""
    import re

    from evidence_review.ingest import metadata

    def by_cleaning(text, title):
        lines = [ln.strip() for ln in text.split("\n")]
        start = lines.index(title) + 1
        for line in lines[start:start + 30]:
            if not line:
                continue
            if metadata.SECTION_LABEL.match(line):
                break
            items = [metadata._clean_author(p) for p in re.split(r"[;,](?![\d,])", line)]
            items = [i for i in items if i]
            if metadata.looks_like_names(items):
                return "; ".join(items)
            if len(line) > 80:
                break
        return ""

    pieces = ["Jane Doe", "J. Smith1", "Ann Lee*", "Kim 2,3", "de la Cruz", "Mary Ann van der Berg Jr", "Ng", "§ Park",
              "the trial randomly assigned patients to rituximab or placebo for two years", "1 2 3 4 5 6 7 8",
              "relapse rates fell from 1.2 to 0.3 per year in the treated group of this cohort", "A B C D E F G",
              "Omar Q", "Li X", "and the risk of infection was similar"]
    rng = random.Random(11)
    found = 0
    for n in range(3000):
        title = f"Rituximab versus azathioprine in cohort {n}: a randomized trial"
        lines = [rng.choice([", ", "; ", ","]).join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
                 for _ in range(rng.randint(1, 3))]
        text = "\n".join([title, *lines, "Background: patients were treated."])
        expected = by_cleaning(text, title)
        assert metadata.find_authors(text, title) == expected, text
        found += bool(expected)
    assert 100 < found < 2900


def test_language_from_present_features_is_langids_choice():
    identifier = language._identifier()
    rng = random.Random(9)
    samples = [ENGLISH, SPANISH, CHINESE, "Le rituximab a réduit le taux de rechute annualisé chez les patients.",
               "Rituximab reduzierte die jährliche Schubrate bei Patienten mit Neuromyelitis optica deutlich."]
    words = " ".join(samples).split()
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 60))) for _ in range(600)]
    texts += [text[:language.SCAN_CHARS] for text in _fixture_texts()]
    languages = set()
    for text in samples + texts:
        expected = identifier.classify(text)[0]
        assert language.classify(text) == expected, text[:80]
        languages.add(expected)
    assert {"en", "es", "zh", "fr", "de"} <= languages


def test_character_unification_and_line_rejoining_as_the_lookbehind_patterns_did():
    import re

    from evidence_review.ingest import normalize

    dashes = normalize._DASHES
    dash_near_digit = re.compile(rf"(?<=\d)([ ]?)[{dashes}]|[{dashes}](?=[ ]?\d)")
    detached_minus = re.compile(r"(?<=[\s(\[,;:=])-[ ]+(?=\d)")
    middle_dot = re.compile(r"(?<=\d)[\u00b7\u2219\u22c5](?=\d)")
    lone_dot = re.compile(r"[ ]*\n[ ]*([.。])[ ]*(?=\n|$)")
    multi_space = re.compile(r"[ ]{2,}")

    def unify_before(text):
        text = normalize._SPREADSHEET_ARTEFACT.sub(lambda m: normalize._ARTEFACT_REPLACEMENT[m.group(1)], text)
        text = text.translate(normalize._ZERO_WIDTH).translate(normalize._SPACES).translate(normalize._MINUS_LIKE)
        text = dash_near_digit.sub(lambda m: (m.group(1) or "") + "-", text)
        return middle_dot.sub(".", detached_minus.sub("-", text))

    alphabet = list("12 .-(,;:=\n") + ["\u2013", "\u2014", "\u00b7", "\u2212", "\u00a0", "\u200b", "。", "ab", "_x000D_"]
    rng = random.Random(13)
    changed = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = unify_before(text)
        assert normalize.unify_characters(text) == expected, repr(text)
        tidied = "\n".join(multi_space.sub(" ", line).strip() for line in text.split("\n"))
        assert normalize.tidy_whitespace(text) == normalize._BLANK_RUNS.sub("\n\n", tidied).strip(), repr(text)
        if not ("\n." in text or "\n " in text or "\n。" in text):  # where rejoin_lines skips the lone-dot rule
            assert lone_dot.sub(r"\1", text) == text, repr(text)
        changed += expected != text
    assert changed > 5000


def test_letters_counted_piece_by_piece_decide_as_counting_them_all():
    rng = random.Random(11)
    alphabet = "ab1 .,\n2345678éЖ日"
    texts = ["", "a" * 59, "a" * 60, " " * 500 + "a" * 60, "1" * 4999 + "a"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 900))) for _ in range(400)]
    for text in texts:
        for wanted in (1, 60, 61, 300):
            assert language.has_letters(text, wanted) == (sum(map(str.isalpha, text)) >= wanted), (text[:40], wanted)


def test_cjk_share_looked_up_before_counting_letters_gives_the_same_share():
    from evidence_review.ingest.scripts import _CJK_RANGE, cjk_share

    def counted(text):
        sample = text[:2000]
        letters = sum(map(str.isalpha, sample))
        return sum(1 for ch in _CJK_RANGE.findall(sample) if ch.isalpha()) / letters if letters else 0.0

    for text in ["", "123", "abc", "日本語のテキスト abc", "。。。", "中文" * 1500, "x" * 2500 + "中"]:
        assert cjk_share(text) == counted(text), text[:20]
