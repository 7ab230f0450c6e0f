"""The signals measured for each sentence of a briefing against one question.

They are the inputs of the fitted scorer (`faq/scorer.py`): what the lexical matcher
finds (coverage, answer-type fit, names, negation …), BM25, and the cosine between the
question's and the sentence's embeddings. `SENTENCE_SIGNALS` names the columns of
the matrix `measure` returns; `ANSWER_SIGNALS` names those of the vector
`answer_signals` returns for the chosen sentence, from which the confidence is fitted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from faq.index import BriefingIndex
from faq.lexicon import stem
from faq.matcher import (
    LEXICAL_SIGNALS,
    Candidate,
    contradicts,
    leader_unknown,
    matches_only_names,
    names_nothing,
    names_unknown_thing,
    rank,
    type_fits,
    unknown_action,
)
from faq.question import AnswerType, Question
from faq.terms import Term, question_terms

Matrix = npt.NDArray[np.float64]

SEMANTIC_SIGNALS = ("cosine", "cosine_relative", "cosine_best", "cosine_previous", "cosine_gap")
SENTENCE_SIGNALS = (
    *LEXICAL_SIGNALS,
    "lexical_match",
    "contradicted",
    "answer_type_fit",
    "answer_type_fit_previous",
    "bm25",
    "bm25_previous",
    "bm25_relative",
    "bm25_best",
    "lede",
    "position",
    *SEMANTIC_SIGNALS,
)
ANSWER_SIGNALS = (
    "probability",
    "logit_margin",
    "logit",
    "cosine",
    "cosine_max",
    "bm25",
    "coverage",
    "lexical_match",
    "content_words",
    "unmatched_share",
    "unknown_name",
    "only_names",
    "unknown_action",
    "leader_unknown",
    "names_nothing",
    "contradicted",
    "answer_type_fit",
    "asks_thing",
    "asks_yes_no",
    "yes_no_contradicted",
    "asks_reason_or_manner",
)


@dataclass(frozen=True)
class Measured:
    """A question's signals over every sentence, and what the lexical matcher found."""

    question: Question
    terms: list[Term]
    signals: Matrix
    candidates: dict[int, Candidate]
    question_index: BriefingIndex

    def candidate(self, position: int) -> Candidate:
        """Return the lexical candidate for the sentence at `position` (empty if none)."""
        found = self.candidates.get(position)
        if found is not None:
            return found
        return Candidate(self.question_index.sentences[position], 0.0, ())


def measure(
    index: BriefingIndex,
    question: Question,
    question_vector: npt.NDArray[np.float32] | None,
    sentence_vectors: npt.NDArray[np.float32] | None,
) -> Measured:
    """Return the signals of every sentence of `index` for `question`."""
    terms = question_terms(index, question)
    fits = type_fits(index, question, terms)
    ranked = rank(index, question, terms, fits)
    by_position = {c.sentence.position: c for c in ranked}
    count = len(index.sentences)
    columns = {name: np.zeros(count) for name in SENTENCE_SIGNALS}
    for position, candidate in by_position.items():
        for name, value in zip(LEXICAL_SIGNALS, candidate.parts, strict=True):
            columns[name][position] = value
        columns["lexical_match"][position] = 1.0
        columns["contradicted"][position] = float(contradicts(index, question, candidate.sentence))
    bm25 = np.asarray(index.bm25.scores(stem(w) for w in question.content_words))
    columns["bm25"] = bm25
    columns["answer_type_fit"] = np.asarray(fits, dtype=np.float64)
    if count:
        columns["bm25_previous"] = np.concatenate(([0.0], bm25[:-1]))
        columns["answer_type_fit_previous"] = np.concatenate(([0.0], fits[:-1]))
        top = bm25.max()
        columns["bm25_relative"] = bm25 / top if top > 0 else bm25
        columns["bm25_best"] = (bm25 >= top) & (top > 0)
        columns["lede"][0] = 1.0
        columns["position"] = np.arange(count) / max(1, count - 1)
    if question_vector is not None and sentence_vectors is not None and count:
        cosine = sentence_vectors.astype(np.float64) @ question_vector.astype(np.float64)
        low, high = cosine.min(), cosine.max()
        columns["cosine"] = cosine
        columns["cosine_relative"] = (cosine - low) / (high - low) if high > low else cosine * 0
        columns["cosine_best"] = (cosine >= high).astype(float)
        columns["cosine_previous"] = np.concatenate(([0.0], cosine[:-1]))
        columns["cosine_gap"] = cosine - high
    signals = np.column_stack([columns[name] for name in SENTENCE_SIGNALS]).astype(np.float64)
    return Measured(question, terms, signals, by_position, index)


def answer_signals(measured: Measured, logits: Matrix, chosen: int) -> Matrix:
    """Return the signals of the chosen sentence from which the confidence is fitted."""
    index, question, terms = measured.question_index, measured.question, measured.terms
    shifted = logits - logits.max()
    probabilities = np.exp(shifted) / np.exp(shifted).sum()
    others = np.delete(logits, chosen)
    margin = float(logits[chosen] - others.max()) if others.size else 10.0
    row = measured.signals[chosen]
    column = {name: i for i, name in enumerate(SENTENCE_SIGNALS)}
    candidate = measured.candidate(chosen)
    lexical = row[column["lexical_match"]] > 0
    values = {
        "probability": float(probabilities[chosen]),
        "logit_margin": min(margin, 10.0),
        "logit": float(logits[chosen]),
        "cosine": float(row[column["cosine"]]),
        "cosine_max": float(measured.signals[:, column["cosine"]].max()),
        "bm25": float(row[column["bm25"]]),
        "coverage": float(row[column["coverage"]]),
        "lexical_match": float(lexical),
        "content_words": math.log1p(len(question.content_words)),
        "unmatched_share": _unmatched_share(terms),
        "unknown_name": float(names_unknown_thing(question, terms)),
        "only_names": float(lexical and matches_only_names(index, question, terms, candidate)),
        "unknown_action": float(unknown_action(question, terms)),
        "leader_unknown": float(lexical and leader_unknown(index, question, terms, candidate)),
        "names_nothing": float(names_nothing(index, question, terms, candidate)),
        # a yes/no question is settled, not contradicted, by a sentence saying the opposite
        "contradicted": float(
            question.answer_type is not AnswerType.YES_NO and bool(row[column["contradicted"]])
        ),
        "answer_type_fit": float(row[column["answer_type_fit"]]),
        "asks_thing": float(question.answer_type in (AnswerType.THING, AnswerType.DEFINITION)),
        "asks_yes_no": float(question.answer_type is AnswerType.YES_NO),
        # "Did Russia accept the ceasefire?" is answered (no) by "the Kremlin rejected it"
        "yes_no_contradicted": float(
            question.answer_type is AnswerType.YES_NO and bool(row[column["contradicted"]])
        ),
        "asks_reason_or_manner": float(
            question.answer_type in (AnswerType.REASON, AnswerType.MANNER)
        ),
    }
    return np.array([values[name] for name in ANSWER_SIGNALS], dtype=np.float64)


def _unmatched_share(terms: list[Term]) -> float:
    """Return the share of the question's words the briefing has nothing for (no form,
    synonym, typo fix or name): "joke" in "Tell me a joke"."""
    if not terms:
        return 1.0
    return sum(1 for t in terms if not t.matches and t.entity is None) / len(terms)
