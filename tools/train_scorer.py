"""Fit the answer scorer and its confidence calibration: `make train`.

1. Measure every question of tests/eval/ and tests/train/squad.yaml (tools/scorer_data.py).
2. Fit a listwise model, a softmax over each question's sentences, on the training
   split (SQuAD and the news eval sets, not the newest five held-out sets), with and
   without the semantic signals; report grouped (by briefing) cross-validation.
3. Fit the confidence, P(the chosen sentence answers the question), by logistic
   regression on the out-of-fold choices of the news training briefings.
4. Pick the answer threshold on the validation sets (the newest five held-out sets): as many
   answers as possible with wrong answers at most 10% of answerable questions and at
   least 95% of off-topic questions abstained.
5. Write faq/data/scorer.json, with the feature lists and the data's checksum.

Run with `.venv/bin/python tools/train_scorer.py [--quick]`; training libraries are not
needed: the fit is a few lines of numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import itertools

from scorer_data import (
    ROOT,
    VALIDATION_FIRST,
    VALIDATION_LAST,
    Example,
    build_examples,
    question_files,
)

from faq.evaluation import ANSWERABLE, OFFTOPIC
from faq.scorer import SCORER_FILE, Linear, choose
from faq.signals import ANSWER_SIGNALS, SEMANTIC_SIGNALS, SENTENCE_SIGNALS, answer_signals

Array = npt.NDArray[np.float64]
FOLDS = 5
MAX_WRONG = 0.10
MIN_OFFTOPIC = 0.95
SEED = 20261206


@dataclass
class Padded:
    """Examples as padded arrays: signals [q, s, f], mask [q, s], positives [q, s]."""

    signals: Array
    mask: npt.NDArray[np.bool_]
    positives: npt.NDArray[np.bool_]


def pad(examples: Sequence[Example], columns: list[int]) -> Padded:
    width = max(len(e.positives) for e in examples)
    signals = np.zeros((len(examples), width, len(columns)))
    mask = np.zeros((len(examples), width), dtype=bool)
    positives = np.zeros((len(examples), width), dtype=bool)
    for i, example in enumerate(examples):
        n = len(example.positives)
        signals[i, :n] = example.measured.signals[:, columns]
        mask[i, :n] = True
        positives[i, :n] = example.positives
    return Padded(signals, mask, positives)


def fit_listwise(data: Padded, *, l2: float = 1e-3, steps: int = 400) -> Linear:
    """Fit weights maximising the softmax probability of the answering sentences."""
    flat = data.signals[data.mask]
    mean, std = flat.mean(axis=0), flat.std(axis=0)
    std[std < 1e-9] = 1.0
    x = (data.signals - mean) / std
    weights = np.zeros(x.shape[-1])
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        logits = np.where(data.mask, x @ weights, -np.inf)
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        positive = np.where(data.positives, p, 0.0)
        q = positive / positive.sum(axis=1, keepdims=True)
        # d(-log sum_pos p)/d logits = p - q
        grad = np.einsum("qs,qsf->f", p - q, x) / len(x) + l2 * weights
        first = beta1 * first + (1 - beta1) * grad
        second = beta2 * second + (1 - beta2) * grad**2
        corrected = first / (1 - beta1**step)
        weights -= rate * corrected / (np.sqrt(second / (1 - beta2**step)) + 1e-8)
    return Linear(mean, std, weights, 0.0)


def fit_logistic(x: Array, y: Array, *, l2: float = 1e-2, steps: int = 2000) -> Linear:
    """Fit a logistic regression P(y=1 | x) with Newton steps."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = np.column_stack([(x - mean) / std, np.ones(len(x))])
    w = np.zeros(z.shape[1])
    for _ in range(min(steps, 50)):
        p = 1 / (1 + np.exp(-(z @ w)))
        penalty = l2 * np.r_[w[:-1], 0.0]
        grad = z.T @ (p - y) / len(y) + penalty
        hessian = (z.T * (p * (1 - p))) @ z / len(y) + l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
        w -= np.linalg.solve(hessian, grad)
    return Linear(mean, std, w[:-1], float(w[-1]))


def grouped_folds(examples: Sequence[Example], folds: int) -> list[int]:
    """Return a fold number per example, whole briefings to one fold."""
    names = sorted({e.briefing for e in examples})
    order = np.random.default_rng(SEED).permutation(len(names))
    fold_of = {names[i]: k % folds for k, i in enumerate(order)}
    return [fold_of[e.briefing] for e in examples]


def choices(examples: Sequence[Example], scorer: Linear, columns: list[int]) -> list[int]:
    return [choose(scorer.logits(e.measured.signals[:, columns])) for e in examples]


def answer_rows(
    examples: Sequence[Example], scorer: Linear, columns: list[int]
) -> tuple[Array, Array]:
    """Return the answer signals of each example's chosen sentence, and whether it is right."""
    rows, right = [], []
    for example in examples:
        logits = scorer.logits(example.measured.signals[:, columns])
        chosen = choose(logits)
        rows.append(answer_signals(example.measured, logits, chosen))
        right.append(float(example.kind == ANSWERABLE and bool(example.positives[chosen])))
    return np.array(rows), np.array(right)


def top1(examples: Sequence[Example], chosen: Sequence[int]) -> str:
    pairs = [(e, c) for e, c in zip(examples, chosen, strict=True) if e.kind == ANSWERABLE]
    hits = sum(bool(e.positives[c]) for e, c in pairs)
    return f"{hits}/{len(pairs)} ({100 * hits / max(1, len(pairs)):.1f}%)"


def reliability(confidence: Array, right: Array, bins: int = 5) -> tuple[list[str], float]:
    """Return a reliability table (predicted against observed) and the expected calibration
    error."""
    lines, ece = [], 0.0
    edges = np.linspace(0, 1, bins + 1)
    for low, high in itertools.pairwise(edges):
        inside = (confidence >= low) & ((confidence < high) | (high == 1))
        if not inside.any():
            lines.append(f"  {low:.1f}–{high:.1f}: no questions")
            continue
        predicted, observed = confidence[inside].mean(), right[inside].mean()
        ece += inside.mean() * abs(predicted - observed)
        lines.append(
            f"  {low:.1f}–{high:.1f}: {inside.sum():4d} questions, "
            f"predicted {predicted:.2f}, observed {observed:.2f}"
        )
    return lines, float(ece)


def pick_threshold(confidence: Array, right: Array, kinds: list[str]) -> tuple[float, str]:
    """Return the lowest threshold meeting the right-or-silent targets on the validation sets."""
    answerable = np.array([k == ANSWERABLE for k in kinds])
    offtopic = np.array([k == OFFTOPIC for k in kinds])
    best, report = 1.0, "no threshold meets the targets"
    for threshold in np.arange(0.99, 0.0, -0.01):
        answered = confidence >= threshold
        wrong = (answered & answerable & (right == 0)).sum() / answerable.sum()
        abstained = (~answered & offtopic).sum() / max(1, offtopic.sum())
        if wrong <= MAX_WRONG and abstained >= MIN_OFFTOPIC:
            best = float(threshold)
            correct = (answered & (right == 1)).sum() / answerable.sum()
            report = (
                f"threshold {best:.2f}: {100 * correct:.1f}% of answerable right, "
                f"{100 * wrong:.1f}% wrong, {100 * abstained:.1f}% of off-topic abstained"
            )
    return best, report


def curve(confidence: Array, right: Array, kinds: list[str]) -> list[str]:
    answerable = np.array([k == ANSWERABLE for k in kinds])
    lines = []
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        answered = confidence >= threshold
        count = answered.sum()
        precision = right[answered].sum() / max(1, count)
        lines.append(
            f"  {threshold:.1f}: answers {100 * count / len(kinds):5.1f}% of questions, "
            f"{100 * precision:5.1f}% of them right; "
            f"{100 * (answered & answerable & (right == 1)).sum() / answerable.sum():5.1f}% "
            "of answerable right"
        )
    return lines


def checksum(paths: Sequence[Path]) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes())
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("file:"):
                sha.update((path.parent / line.split(":", 1)[1].strip()).read_bytes())
    return sha.hexdigest()


def train_variant(
    examples: list[Example], columns: list[int], name: str, out: list[str]
) -> dict[str, object]:
    train = [e for e in examples if e.split != "validation"]
    validation = [e for e in examples if e.split == "validation"]
    learnable = [e for e in train if e.positives.any()]
    folds = grouped_folds(train, FOLDS)
    fold_of_learnable = grouped_folds(learnable, FOLDS)
    oof_choice: dict[int, int] = {}
    oof_rows: dict[int, tuple[Array, float]] = {}
    for k in range(FOLDS):
        fitted = fit_listwise(
            pad([e for e, f in zip(learnable, fold_of_learnable, strict=True) if f != k], columns)
        )
        held = [i for i, f in enumerate(folds) if f == k]
        rows, right = answer_rows([train[i] for i in held], fitted, columns)
        for j, i in enumerate(held):
            oof_choice[i] = choose(fitted.logits(train[i].measured.signals[:, columns]))
            oof_rows[i] = (rows[j], right[j])
    chosen = [oof_choice[i] for i in range(len(train))]
    for split in ("squad", "news"):
        part = [(e, c) for e, c in zip(train, chosen, strict=True) if e.split == split]
        out.append(
            f"{name}: grouped {FOLDS}-fold top-1 on {split}: "
            f"{top1([e for e, _ in part], [c for _, c in part])}"
        )
    scorer = fit_listwise(pad(learnable, columns))
    out.append(
        f"{name}: validation top-1 (heldout{VALIDATION_FIRST}–{VALIDATION_LAST}): "
        f"{top1(validation, choices(validation, scorer, columns))}"
    )
    news = [i for i, e in enumerate(train) if e.split == "news"]
    calibrator = fit_logistic(
        np.array([oof_rows[i][0] for i in news]), np.array([oof_rows[i][1] for i in news])
    )
    rows, right = answer_rows(validation, scorer, columns)
    confidence = calibrator.probabilities(rows)
    table, ece = reliability(confidence, right)
    out.append(f"{name}: reliability on the validation sets (ECE {ece:.3f}):")
    out.extend(table)
    threshold, report = pick_threshold(confidence, right, [e.kind for e in validation])
    out.append(f"{name}: {report}")
    squad = [i for i, e in enumerate(train) if e.split == "squad"]
    squad_conf = calibrator.probabilities(np.array([oof_rows[i][0] for i in squad]))
    squad_right = np.array([oof_rows[i][1] for i in squad])
    squad_kinds = [train[i].kind for i in squad]
    answered = squad_conf >= threshold
    is_answerable = np.array([k == ANSWERABLE for k in squad_kinds])
    out.append(
        f"{name}: SQuAD out-of-fold at the threshold: "
        f"{100 * (answered & (squad_right == 1)).sum() / is_answerable.sum():.1f}% of answerable "
        f"right, {100 * (~answered & ~is_answerable).sum() / (~is_answerable).sum():.1f}% of "
        "unanswerable abstained; coverage/accuracy curve:"
    )
    out.extend(curve(squad_conf, squad_right, squad_kinds))
    out.append(f"{name}: validation coverage/accuracy curve:")
    out.extend(curve(confidence, right, [e.kind for e in validation]))
    return {
        "sentence_signals": [SENTENCE_SIGNALS[i] for i in columns],
        "scorer": scorer.to_json(),
        "answer_signals": list(ANSWER_SIGNALS),
        "calibrator": calibrator.to_json(),
        "threshold": round(threshold, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=SCORER_FILE)
    args = parser.parse_args()
    examples = build_examples()
    report: list[str] = [f"{len(examples)} questions measured"]
    columns = list(range(len(SENTENCE_SIGNALS)))
    files = question_files()
    semantic = train_variant(examples, columns, "semantic", report)
    without = [i for i, n in enumerate(SENTENCE_SIGNALS) if n in SEMANTIC_SIGNALS]
    for example in examples:  # as the engine measures them without the model
        example.measured.signals[:, without] = 0.0
    lexical = train_variant(examples, columns, "lexical", report)
    result = {
        "trained_on": [str(p.relative_to(ROOT)) for p in files],
        "data_sha256": checksum(files),
        "semantic": semantic,
        "lexical": lexical,
    }
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("\n".join(report))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
