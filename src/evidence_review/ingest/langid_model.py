"""langid's bundled model, unpacked once per machine instead of once per run.

langid ships its model as a base64 string of a bz2-compressed pickle: unpacking it takes 2.5-3.5 s on two cores
(bz2, then 3 million numbers rebuilt one by one), every time a process first identifies a language. The unpacked
arrays are kept as an `.npz` file in the user's cache folder (`$XDG_CACHE_HOME/evidence-review/`, else
`~/.cache/evidence-review/`; read with `allow_pickle=False`), named by a hash of the model string, so a new langid
version makes a new file; loading it takes a few milliseconds. The identifier built from it is the one
`LanguageIdentifier.from_modelstring` builds (same arrays, same types), so classifications are unchanged.
Without a writable cache folder the model is unpacked as before.
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
    return LanguageIdentifier(nb_ptc, nb_pc, nb_numfeats, nb_classes, tk_nextmove, tk_output, norm_probs=norm_probs)
