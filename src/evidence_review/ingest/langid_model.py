"""langid's bundled model, unpacked once per machine instead of once per run.

langid ships its model as a base64 string of a bz2-compressed pickle: unpacking it takes 2.5-3.5 s on two cores
(bz2, then 3 million numbers rebuilt one by one), every time a process first identifies a language. The unpacked
arrays are kept as an `.npz` file in the user's cache folder (`$XDG_CACHE_HOME/evidence-review/`, else
`~/.cache/evidence-review/`; read with `allow_pickle=False`), named by a hash of the model string, so a new langid
version makes a new file; loading it takes a few milliseconds. The identifier built from it is the one
`LanguageIdentifier.from_modelstring` builds (same arrays, same types), so classifications are unchanged.
Without a writable cache folder the model is unpacked as before.

`ByteNgramCounter` replaces langid's feature counting (a Python loop over every byte of the text, through the
model's Aho-Corasick automaton: 1.5 ms of a 4 kB abstract) by numpy counts of the same byte n-grams. langid's
features are byte strings of 1 to 4 bytes and the automaton outputs, at each byte, every feature ending there, so
its count of a feature is the number of times the feature's bytes occur in the text (overlapping): the vectors are
equal, integer for integer (tests/test_ingest_langid_model.py compares them on texts in many scripts).
"""
from __future__ import annotations

import array
import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

CACHE_SUBDIR = "evidence-review"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / CACHE_SUBDIR


def _unpack(model_string) -> tuple:
    import base64
    import bz2
    import pickle

    # langid's own model, shipped inside the langid package: the same bytes from_modelstring unpickles.
    return pickle.loads(bz2.decompress(base64.b64decode(model_string)))


def _to_arrays(model: tuple) -> dict[str, np.ndarray]:
    nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_output = model
    keys = sorted(tk_output)
    return {
        "nb_ptc": np.frombuffer(nb_ptc, dtype=np.dtype(nb_ptc.typecode)),
        "nb_pc": np.frombuffer(nb_pc, dtype=np.dtype(nb_pc.typecode)),
        "nb_classes": np.array(nb_classes, dtype=str),
        "tk_nextmove": np.frombuffer(tk_nextmove, dtype=np.dtype(tk_nextmove.typecode)),
        "tk_nextmove_typecode": np.array(tk_nextmove.typecode),
        "tk_output_keys": np.array(keys, dtype=np.int64),
        "tk_output_lengths": np.array([len(tk_output[k]) for k in keys], dtype=np.int64),
        "tk_output_values": np.array([v for k in keys for v in tk_output[k]], dtype=np.int64),
    }


def _from_arrays(arrays) -> tuple:
    typecode = str(arrays["tk_nextmove_typecode"])
    tk_nextmove = array.array(typecode, arrays["tk_nextmove"].tobytes())
    values = arrays["tk_output_values"].tolist()
    tk_output, start = {}, 0
    for key, length in zip(arrays["tk_output_keys"].tolist(), arrays["tk_output_lengths"].tolist()):
        tk_output[key] = tuple(values[start:start + length])
        start += length
    return arrays["nb_ptc"], arrays["nb_pc"], arrays["nb_classes"].tolist(), tk_nextmove, tk_output


def _read_cache(path: Path) -> tuple | None:
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return _from_arrays(arrays)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cache(path: Path, model: tuple) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz.tmp", delete=False) as fh:
            np.savez(fh, **_to_arrays(model))
        os.replace(fh.name, path)
    except OSError:  # a read-only home: unpack every time, as langid does
        try:
            os.unlink(fh.name)
        except (OSError, NameError):
            pass


class ByteNgramCounter:
    """langid's `instance2fv` (feature counts of a text) by numpy: each feature's byte string is read back from the
    automaton (the shortest path from its start to the state that outputs it), then the text's n-grams of each
    length are looked up among the features of that length."""

    def __init__(self, tk_nextmove, tk_output: dict, n_features: int):
        self.n_features = n_features
        strings = _state_strings(np.asarray(tk_nextmove).reshape(-1, 256))
        feature_string: dict[int, bytes] = {}
        for state, outputs in tk_output.items():
            for feature in outputs:
                known = feature_string.get(feature)
                if known is None or len(strings[state]) < len(known):
                    feature_string[feature] = strings[state]
        if len(feature_string) != n_features or any(not 1 <= len(b) <= 4 for b in feature_string.values()):
            raise ValueError("langid model with features other than byte strings of 1 to 4 bytes")
        self.by_length = []
        for n in range(1, 5):
            features = [f for f, b in feature_string.items() if len(b) == n]
            codes = np.array([int.from_bytes(feature_string[f], "big") for f in features], dtype=np.uint32)
            order = np.argsort(codes)
            codes, features = codes[order], np.array(features, dtype=np.int64)[order]
            if n <= 2:  # a direct table for the short n-grams: one lookup per position
                table = np.full(256 ** n, -1, dtype=np.int64)
                table[codes] = features
                self.by_length.append((n, table, None, None))
            else:
                self.by_length.append((n, codes, features, _bitmap(_hashed(codes))))

    def __call__(self, text) -> np.ndarray:
        data = text.encode("utf8") if isinstance(text, str) else bytes(text)
        values = np.frombuffer(data, dtype=np.uint8).astype(np.uint32)
        found = []
        for n, codes, features, bitmap in self.by_length:
            if len(values) < n:
                continue
            grams = values[:len(values) - n + 1].copy()
            for k in range(1, n):
                grams = (grams << 8) | values[k:len(values) - n + 1 + k]
            if features is None:
                hits = codes[grams]
                found.append(hits[hits >= 0])
            elif len(codes):
                # most of a text's 3- and 4-grams are no feature (85-90% of an English abstract's): the bitmap of
                # the features' hashes passes over them before the binary search (never over a feature)
                hashed = _hashed(grams)
                grams = grams[(bitmap[hashed >> 3] >> (hashed & 7).astype(np.uint8)) & 1 == 1]
                at = np.searchsorted(codes, grams)
                at[at == len(codes)] = 0
                found.append(features[at[codes[at] == grams]])
        if not found:
            return np.zeros(self.n_features, dtype=np.uint32)
        return np.bincount(np.concatenate(found), minlength=self.n_features).astype(np.uint32)


#: The multiplier of the n-gram hash (Knuth's multiplicative hashing; 32-bit arithmetic wraps in numpy).
_HASH_MULTIPLIER = np.uint32(2654435761)
_HASH_BITS = 24


def _hashed(codes: np.ndarray) -> np.ndarray:
    """A 24-bit hash of each 32-bit n-gram code."""
    return (codes.astype(np.uint32) * _HASH_MULTIPLIER) >> np.uint32(32 - _HASH_BITS)


def _bitmap(hashed: np.ndarray) -> np.ndarray:
    """A bitmap (2 MB) with the bit of each hash set."""
    bits = np.zeros(1 << _HASH_BITS, dtype=bool)
    bits[hashed] = True
    return np.packbits(bits, bitorder="little")


def _state_strings(nextmove: np.ndarray) -> list[bytes]:
    """The bytes that lead from the start to each state by the shortest path (breadth first)."""
    strings: list[bytes | None] = [None] * len(nextmove)
    strings[0] = b""
    frontier = [0]
    while frontier:
        following = []
        for state in frontier:
            base = strings[state]
            for byte, target in enumerate(nextmove[state].tolist()):
                if strings[target] is None:
                    strings[target] = base + bytes((byte,))
                    following.append(target)
        frontier = following
    return strings


def load_identifier(norm_probs: bool = True):
    """langid's `LanguageIdentifier` with its bundled model, from the cache when there is one."""
    from langid.langid import LanguageIdentifier, model as model_string

    digest = hashlib.sha256(model_string if isinstance(model_string, bytes) else model_string.encode()).hexdigest()
    path = cache_folder() / f"langid-model-{digest[:16]}.npz"
    model = _read_cache(path)
    if model is None:
        model = _unpack(model_string)
        _write_cache(path, model)
    nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_output = model
    # As LanguageIdentifier.from_modelstring builds it.
    nb_numfeats = int(len(nb_ptc) / len(nb_pc))
    nb_pc = np.array(nb_pc)
    nb_ptc = np.array(nb_ptc).reshape(nb_numfeats, len(nb_pc))
    identifier = LanguageIdentifier(nb_ptc, nb_pc, nb_numfeats, nb_classes, tk_nextmove, tk_output,
                                    norm_probs=norm_probs)
    identifier.instance2fv = ByteNgramCounter(tk_nextmove, tk_output, nb_numfeats)  # same counts, numpy speed
    return identifier
