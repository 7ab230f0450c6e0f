"""The answer path: analyse → candidates → signals → one fitted score → compose.

1. `analyse` reads the question (its type, content words, negation …).
2. Curated answers for this briefing, "Who is X?" and "What did X say?" are answered
   directly.
3. `measure` scores every sentence on the lexical and semantic signals.
4. The fitted scorer (`faq/scorer.py`) picks one sentence, and its calibration gives
   the probability that the answer is right; below the fitted threshold, abstain.
5. `compose` builds the answer from that sentence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from faq.answer import Answer
from faq.compose import abstain, compose
from faq.curated import CuratedFaq
from faq.index import BriefingIndex
from faq.matcher import asks_about_speech, first_score
from faq.people import answer_about_person, answer_about_speech
from faq.question import AnswerType, analyse
from faq.scorer import Scorer, choose, load_scorers
from faq.signals import ANSWER_SIGNALS, SENTENCE_SIGNALS, answer_signals, measure

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Semantics:
    """The briefing's sentence vectors and the question's, when the model is loaded."""

    sentences: Vector
    question: Vector


@functools.cache
def scorers() -> dict[str, Scorer]:
    """Return the fitted scorers, checked against the signals this code measures."""
    found = load_scorers()
    for scorer in found.values():
        scorer.check(SENTENCE_SIGNALS, ANSWER_SIGNALS)
    return found


def answer_question(
    index: BriefingIndex,
    raw_question: str,
    *,
    curated: CuratedFaq | None = None,
    semantics: Semantics | None = None,
    threshold: float | None = None,
    referent: int | None = None,
) -> Answer:
    """Answer `raw_question` from `index`, or abstain; the engine's one entry point.

    Below `threshold` (the fitted one unless given) the engine abstains. `referent` is
    the person "she" or "he" stands for in a conversation (an entity id).
    """
    question = replace(analyse(raw_question), referent=referent)
    if curated is not None:
        hit = curated.match(question.text)
        if hit is not None:
            return hit
    said = answer_about_speech(index, question)
    if said is not None:
        return said
    if not question.content_words:
        if question.answer_type is AnswerType.SCORE:
            return first_score(index, question)
        return abstain(index, question)
    about_person = answer_about_person(index, question)
    if about_person is not None:
        return about_person
    if not index.sentences:
        return abstain(index, question)
    scorer = scorers()["semantic" if semantics is not None else "lexical"]
    measured = measure(
        index,
        question,
        None if semantics is None else semantics.question,
        None if semantics is None else semantics.sentences,
    )
    logits = scorer.ranker.logits(measured.signals)
    chosen = choose(logits)
    signals = answer_signals(measured, logits, chosen)
    confidence = float(scorer.calibrator.probabilities(signals[np.newaxis])[0])
    best = measured.candidate(chosen)
    if confidence < (scorer.threshold if threshold is None else threshold):
        return abstain(index, question, confidence=confidence)
    speakers = frozenset(
        index.entities[t.entity].name
        for t in measured.terms
        if t.entity is not None and asks_about_speech(question)
    )
    return compose(
        index, question, [best], speakers=speakers, terms=measured.terms, confidence=confidence
    )
