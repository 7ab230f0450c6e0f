"""Ranking the briefing's sentences against a question, and deciding to answer or abstain."""

from __future__ import annotations

from dataclasses import dataclass

from faq.answer import Answer
from faq.compose import abstain, compose
from faq.curated import CuratedFaq
from faq.index import BriefingIndex, IndexedSentence, evidence_of
from faq.lexicon import STOPWORDS, stem
from faq.question import AnswerType, Question, analyse

# Answer when the best sentence scores at least this (chosen on tests/eval data:
# see `briefbot eval`); below it the briefing is taken not to cover the question.
ANSWER_THRESHOLD = 0.55

# How much a question word the briefing never uses counts against a sentence,
# relative to the rarest word the briefing does use.
UNSEEN_WEIGHT = 0.55

TYPO_QUALITY = 0.9
PREFIX_QUALITY = 0.7
TYPE_BONUS = 0.1
TYPE_PENALTY = 0.3


@dataclass(frozen=True)
class Term:
    """One content word of the question and the briefing's stems that match it."""

    word: str
    weight: float
    matches: dict[str, float]
    entity: int | None = None


@dataclass(frozen=True)
class Candidate:
    """A sentence scored against a question."""

    sentence: IndexedSentence
    score: float
    coverage: float
    matched: tuple[str, ...]


def answer_question(
    index: BriefingIndex, raw_question: str, *, curated: CuratedFaq | None = None
) -> Answer:
    """Answer `raw_question` from `index`, or abstain; the engine's one entry point."""
    question = analyse(raw_question)
    if curated is not None:
        hit = curated.match(question.text)
        if hit is not None:
            return hit
    if not question.content_words:
        return abstain(index, question, ())
    candidates = rank(index, question)
    if not candidates or candidates[0].score < ANSWER_THRESHOLD:
        return abstain(index, question, candidates)
    return compose(index, question, candidates)


def question_terms(index: BriefingIndex, question: Question) -> list[Term]:
    """Return the question's content words with their weights and matching stems."""
    terms = []
    mentioned = mentioned_entities(index, question)
    entity_words = {w: e for e, words in mentioned.items() for w in words}
    for word in dict.fromkeys(question.content_words):
        term_stem = stem(word)
        matches: dict[str, float] = {}
        if term_stem in index.idf:
            matches[term_stem] = 1.0
        else:
            corrected = index.correct(word)
            if corrected is not None and stem(corrected) in index.idf:
                matches[stem(corrected)] = TYPO_QUALITY
            elif len(term_stem) >= 5:
                for other in index.by_stem_prefix.get(term_stem[:5], ()):
                    matches[other] = PREFIX_QUALITY
        if matches:
            weight = max(index.idf[m] for m in matches)
        else:
            weight = UNSEEN_WEIGHT * index.max_idf
        terms.append(Term(word, weight, matches, entity_words.get(word)))
    return terms


def mentioned_entities(index: BriefingIndex, question: Question) -> dict[int, set[str]]:
    """Return the entities the question names (allowing typos) and the words naming them."""
    words = [t.folded for t in question.tokens]
    corrected = [index.correct(w) or w for w in words]
    found: dict[int, set[str]] = {}
    for sequence in (words, corrected):
        padded = " " + " ".join(sequence) + " "
        for alias, entity_id in index.alias_map.items():
            if " " + alias + " " in padded:
                alias_words = set(alias.split())
                found.setdefault(entity_id, set()).update(
                    w for w, c in zip(words, sequence, strict=True) if c in alias_words
                )
    return found


def rank(index: BriefingIndex, question: Question) -> list[Candidate]:
    """Return the sentences that share anything with the question, best first."""
    terms = question_terms(index, question)
    total = sum(t.weight for t in terms) or 1.0
    question_entities = {t.entity for t in terms if t.entity is not None}
    candidates = []
    for sentence in index.sentences:
        matched_weight = 0.0
        matched = []
        for term in terms:
            quality = max((q for s, q in term.matches.items() if s in sentence.stems), default=0.0)
            if term.entity is not None and term.entity in sentence.entities:
                quality = 1.0
            if quality:
                matched_weight += term.weight * quality
                matched.append(term.word)
        if not matched:
            continue
        coverage = matched_weight / total
        score = coverage + _type_fit(question, sentence, question_entities, index)
        candidates.append(Candidate(sentence, score, coverage, tuple(matched)))
    candidates.sort(key=lambda c: (-c.score, c.sentence.position))
    return candidates


def _type_fit(
    question: Question,
    sentence: IndexedSentence,
    question_entities: set[int],
    index: BriefingIndex,
) -> float:
    """Return a bonus when the sentence holds the kind of answer asked for, else a penalty."""
    wanted = question.answer_type
    evidence = evidence_of(sentence.sentence)
    asked = {t.folded for t in question.tokens}
    if wanted is AnswerType.PERSON:
        others = sentence.entities - question_entities
        names = {w for w in sentence.capitalised if w not in asked and w not in STOPWORDS}
        fits = bool(others or names)
    elif wanted is AnswerType.DATE:
        fits = evidence.date
    elif wanted in (AnswerType.NUMBER, AnswerType.DURATION):
        fits = evidence.number
    elif wanted is AnswerType.AMOUNT:
        fits = evidence.amount or evidence.number
    elif wanted is AnswerType.PLACE:
        fits = evidence.place
    else:
        return 0.0
    return TYPE_BONUS if fits else -TYPE_PENALTY
