"""The fitted scorer: one linear score per sentence, and the calibrated confidence.

`faq/data/scorer.json` is written by `tools/train_scorer.py` (`make train`). It holds
two variants: "semantic" (with the embedding signals) and "lexical" (for when the
model cannot be loaded). Each has the weights of a softmax over a question's
sentences, and a logistic calibration that turns the chosen sentence's signals into
the probability that the answer is right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

SCORER_FILE = Path(__file__).parent / "data" / "scorer.json"

Array = npt.NDArray[np.float64]


class ScorerMismatch(RuntimeError):
    """The scorer file was fitted on other signals than the code measures."""


@dataclass(frozen=True)
class Linear:
    """A linear function of standardised signals."""

    mean: Array
    std: Array
    weights: Array
    bias: float

    def logits(self, signals: Array) -> Array:
        return np.asarray(((signals - self.mean) / self.std) @ self.weights + self.bias)

    def probabilities(self, signals: Array) -> Array:
        return np.asarray(1 / (1 + np.exp(-self.logits(signals))))

    def to_json(self) -> dict[str, Any]:
        return {
            "mean": [round(float(v), 6) for v in self.mean],
            "std": [round(float(v), 6) for v in self.std],
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(self.bias, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Linear:
        return cls(
            np.array(data["mean"], dtype=np.float64),
            np.array(data["std"], dtype=np.float64),
            np.array(data["weights"], dtype=np.float64),
            float(data["bias"]),
        )


@dataclass(frozen=True)
class Scorer:
    """One variant of the fitted scorer."""

    sentence_signals: tuple[str, ...]
    answer_signals: tuple[str, ...]
    ranker: Linear
    calibrator: Linear
    threshold: float

    def check(self, sentence_signals: tuple[str, ...], answer_signals: tuple[str, ...]) -> None:
        """Raise ScorerMismatch unless the file's signals are the ones the code measures."""
        if self.sentence_signals != sentence_signals or self.answer_signals != answer_signals:
            raise ScorerMismatch(
                f"{SCORER_FILE} was fitted on other signals than faq/signals.py measures: "
                "run `make train`"
            )


def choose(logits: Array) -> int:
    """Return the position of the best-scoring sentence (the first of equals)."""
    return int(np.argmax(logits))


def load_scorers(path: Path = SCORER_FILE) -> dict[str, Scorer]:
    """Return the "semantic" and "lexical" scorers of the fitted file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        variant: Scorer(
            tuple(data[variant]["sentence_signals"]),
            tuple(data[variant]["answer_signals"]),
            Linear.from_json(data[variant]["scorer"]),
            Linear.from_json(data[variant]["calibrator"]),
            float(data[variant]["threshold"]),
        )
        for variant in ("semantic", "lexical")
    }
