"""langid's model unpacked once per machine (`ingest/langid_model.py`): the same identifier, the same answers."""
from __future__ import annotations

import numpy as np
import pytest
from langid.langid import LanguageIdentifier, model

from evidence_review.ingest import langid_model

TEXTS = ["Rituximab reduced the annualized relapse rate compared with azathioprine in this randomized trial.",
         "El rituximab redujo la tasa anualizada de recaídas en comparación con la azatioprina.",
         "Le rituximab a réduit le taux annualisé de poussées par rapport à l'azathioprine.",
         "Rituximab senkte die jährliche Schubrate im Vergleich zu Azathioprin."]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / langid_model.CACHE_SUBDIR


def test_cached_model_is_langids_own_and_classifies_the_same(cache_home, monkeypatch):
    reference = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    built = langid_model.load_identifier()  # unpacks and writes the cache
    assert len(list(cache_home.glob("langid-model-*.npz"))) == 1

    def no_unpacking(_):
        raise AssertionError("the model was unpacked although the cache holds it")

    monkeypatch.setattr(langid_model, "_unpack", no_unpacking)
    cached = langid_model.load_identifier()
    for identifier in (built, cached):
        identifier.set_languages(None)
        reference.set_languages(None)
        assert identifier.nb_ptc.dtype == reference.nb_ptc.dtype and np.array_equal(identifier.nb_ptc, reference.nb_ptc)
        assert np.array_equal(identifier.nb_pc, reference.nb_pc) and identifier.nb_classes == reference.nb_classes
        assert identifier.tk_nextmove == reference.tk_nextmove and identifier.tk_output == reference.tk_output
        for languages in (None, ["en", "es", "fr", "de"]):
            identifier.set_languages(languages)
            reference.set_languages(languages)
            assert [identifier.classify(t) for t in TEXTS] == [reference.classify(t) for t in TEXTS]


def test_a_damaged_cache_file_is_rebuilt(cache_home):
    langid_model.load_identifier()
    (path,) = cache_home.glob("langid-model-*.npz")
    path.write_bytes(b"not an npz file")
    assert langid_model.load_identifier().classify(TEXTS[1])[0] == "es"
    assert path.read_bytes()[:2] == b"PK"  # rewritten as a real .npz (a zip)


def test_an_unwritable_cache_folder_still_gives_the_model(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert langid_model.load_identifier().classify(TEXTS[0])[0] == "en"


def test_numpy_feature_counts_equal_langids_own_on_every_script(cache_home):
    """ByteNgramCounter gives langid's feature vector integer for integer (dtype included): Latin, Cyrillic,
    Greek, CJK, Arabic, mixed, control bytes and texts shorter than the longest n-gram."""
    import random

    reference = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    fast = langid_model.load_identifier()
    rng = random.Random(5)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ.,;:()-0123456789éèüößñçαβγδЖжшщ日本語中文한국어العربية\n\t\x00"
    texts = TEXTS + ["Привет, мир! Это тест.", "Ελληνικά κείμενα για δοκιμή.", "免疫治疗视神经脊髓炎谱系障碍的疗效。",
                     "日本語のテキストです。", "العربية نص قصير", "", "a", "ab", "abc", "é"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000))) for _ in range(40)]
    for text in texts:
        ours, theirs = fast.instance2fv(text), LanguageIdentifier.instance2fv(reference, text)
        assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs), text[:40]
    assert fast.classify(TEXTS[1])[0] == "es" and fast.classify(texts[11])[0] == reference.classify(texts[11])[0]
