"""The rule dispatch's pure speed gates (registry.run_rules) change nothing that is found: the rules it passes over in
a document that states no arm's size, or in a sentence without an interval, a measure's name or a share, write
nothing there, and the documents' rows are the same with the gates as with every rule run on every sentence."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from evidence_review.extract import core, extract_document, registry
from evidence_review.extract.registry import NEED_ARM_SIZES, NEED_INTERVAL, NEED_MEASURE_NAME, NEED_PERCENT, RULES
from evidence_review.extract.textscan import scan_view, sentence_spans
from evidence_review.paths import repo_root

# "(n = 30)", "(n=12)", "[N = 8]": an arm's size printed after its name, taken out to make a document without sizes
_SIZE = re.compile(r"\s*[(\[]\s*[nN]\s*=\s*\d+\s*[)\]]")


# the tuning sets (tests/fixtures/extract_heldout, extract_heldout2 ... 11): never a blind batch
_TUNING_SETS = ("", *map(str, range(2, 12)))


def _texts() -> list[str]:
    """Real-shaped texts: every rule's example as written and without its arms' sizes, the project's tuning texts
    (plain text files of the held-out sets) and the shared development texts, whole and each sentence on its own
    (a sentence alone is a document that states no size, as most generated abstracts are)."""
    examples = [r.example for r in RULES]
    texts = examples + [_SIZE.sub("", e) for e in examples]
    shared = repo_root().parent / "shared"
    shared = shared if shared.exists() else Path("/work/shared")
    folders = [shared / "dev_corpus" / "raw", shared / "seeds" / "raw"] + [
        repo_root() / "tests" / "fixtures" / f"extract_heldout{n}" / "raw" for n in _TUNING_SETS]
    sentences = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.exists() else ():
            text = path.read_text(encoding="utf-8", errors="replace")
            texts.append(text)
            scan = scan_view(text)
            sentences += [text[a:b] for a, b in sentence_spans(scan) if any(c.isdigit() for c in scan[a:b])]
    return texts + sentences


# what a sentence remembers of the tests it has run (its parse, has_outcome, the aim-or-plan verdict): not a writing
_MEMOS = ("parse", "_outcome", "_changes", "_compares", "_not_a_result")


def _snapshot(sentence) -> str:
    """Everything a rule may write: the sentence's rows (each one's fields), claims, intervals, fractions and the
    document's state (the sentence's lazily filled caches are left out: they only remember what was computed)."""
    own = {k: v for k, v in vars(sentence).items() if k not in _MEMOS}
    return repr(sorted((k, repr(v)) for k, v in own.items())) + repr(sentence.state) \
        + repr([vars(e) for e in sentence.estimates])


# each gate: the rules it passes over, and when (the sentence lacks what they need)
_GATES = {"arm sizes": (NEED_ARM_SIZES, lambda sentence: not sentence.state.arm_sizes),
          "interval": (NEED_INTERVAL, lambda sentence: not (sentence.cis or sentence.bare_pairs)),
          "measure name": (NEED_MEASURE_NAME, lambda sentence: not sentence.kws and "=" not in sentence.seg),
          "share": (NEED_PERCENT, lambda sentence: "%" not in sentence.seg and not any(n.percent for n in sentence.nums))}


def test_every_gated_rule_is_a_rule_of_the_registry():
    finders = {r.find for r in RULES}
    gated = [NEED_ARM_SIZES, NEED_INTERVAL, NEED_MEASURE_NAME, NEED_PERCENT]
    assert all(gated) and set().union(*gated) <= finders
    assert len(registry._FINDERS_BY_GATE) == 2 ** len(gated)
    for has, run in registry._FINDERS_BY_GATE.items():
        assert set(run) == finders - set().union(*(g for present, g in zip(has, gated) if not present)), has


@pytest.mark.parametrize("gate", sorted(_GATES))
def test_gated_rules_write_nothing_without_what_they_need(monkeypatch, gate):
    gated, lacking = _GATES[gate]
    checked: Counter = Counter()
    wrote: list[str] = []       # (the reader catches what a sentence raises: the findings are listed, not raised)

    def every_rule(sentence):
        for find in registry._FINDERS:
            if find in gated and lacking(sentence):
                before = _snapshot(sentence)
                find(sentence)
                if _snapshot(sentence) != before:
                    wrote.append(f"{find.__name__}: {sentence.seg[:200]!r}")
                checked[find] += 1
            else:
                find(sentence)

    monkeypatch.setattr(core, "run_rules", every_rule)
    for i, text in enumerate(_texts()):
        errors: list = []
        extract_document(f"doc{i}", text, "doc.txt", errors=errors)
        assert not errors
    assert not wrote, f"rules that wrote without {gate}: {wrote[:5]}"
    assert set(checked) == gated
    assert min(checked.values()) > 500      # each gated rule met many sentences without it


@pytest.mark.parametrize("without_sizes", [False, True])
def test_gated_dispatch_finds_what_every_rule_finds(monkeypatch, without_sizes):
    texts = [_SIZE.sub("", t) if without_sizes else t for t in _texts()]
    fast = [extract_document(f"doc{i}", t, "doc.txt") for i, t in enumerate(texts)]

    def every_rule(sentence):
        for find in registry._FINDERS:
            find(sentence)

    monkeypatch.setattr(core, "run_rules", every_rule)
    slow = [extract_document(f"doc{i}", t, "doc.txt") for i, t in enumerate(texts)]
    assert sum(map(len, slow)) > 300
    assert fast == slow


