"""Measure the engine's signals on every question of the eval and training files.

Used by `tools/train_scorer.py`. Sentence and question embeddings are cached in
`.cache/embeddings/` (keyed by the text's SHA-256), so a second run is quick.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from faq.embedding import MODEL_NAME, Embedder, Vectors, load_embedder
from faq.evaluation import (
    ANSWERABLE,
    UNANSWERABLE,
    EvalBriefing,
    EvalQuestion,
    fold_quotes,
    read_questions,
)
from faq.index import BriefingIndex
from faq.lexicon import stem
from faq.question import analyse
from faq.signals import Measured, measure
from store.document import EntityKind
from store.ingest import parse_document, read_briefing_file

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "embeddings"
EVAL = ROOT / "tests" / "eval"
SQUAD = ROOT / "tests" / "train" / "squad.yaml"
# The newest five held-out sets are the validation split: never trained on, and the
# answer threshold is chosen on them (they were the newest when this was set).
VALIDATION_FIRST, VALIDATION_LAST = 34, 38
VALIDATION_SETS = tuple(f"heldout{n}" for n in range(VALIDATION_FIRST, VALIDATION_LAST + 1))


# Adversarial unanswerables: something the briefing names, asked about what it never
# mentions ("What is the population of San Telmo?"). One per news briefing teaches the
# calibration that a matching name alone is no answer.
PERSON_QUESTIONS = (
    ("What is {}'s phone number?", ("phone",)),
    ("What is {}'s favourite food?", ("favourite", "food")),
    ("How tall is {}?", ("tall", "height")),
    ("What religion is {}?", ("religion",)),
    ("What is {}'s star sign?", ("star", "sign")),
    ("What colour is {}'s car?", ("colour", "car")),
    ("Who is {}'s dentist?", ("dentist",)),
    ("What is {}'s shoe size?", ("shoe",)),
)
PLACE_QUESTIONS = (
    ("What is the population of {}?", ("population",)),
    ("What is the annual rainfall in {}?", ("rainfall",)),
    ("How far is {} from the sea?", ("sea",)),
    ("What is the tallest building in {}?", ("tallest", "building")),
)
# a capitalised run inside a sentence: "the town hall of San Telmo", "in Harlow"
_PLACE_RE = re.compile(r"(?<=\bin |\bof |\bat )([A-Z][a-z]+(?: [A-Z][a-z]+)*)")


def adversarial_question(name: str, index: BriefingIndex) -> EvalQuestion | None:
    """Return one question about a person or place the briefing names, asking what its
    words never mention (chosen by the briefing's name, so a run is reproducible)."""
    people = [e.name for e in index.entities if e.kind is EntityKind.PERSON]
    people_words = {w for p in people for w in p.split()}
    places = sorted(
        {
            m.group(1)
            for s in index.sentences
            for m in _PLACE_RE.finditer(s.text)
            if not set(m.group(1).split()) & people_words
        }
    )
    choices = [(t, w, p) for t, w in PERSON_QUESTIONS for p in people] + [
        (t, w, p) for t, w in PLACE_QUESTIONS for p in places
    ]
    unmentioned = [
        (t, p) for t, words, p in choices if not any(stem(w) in index.idf for w in words)
    ]
    if not unmentioned:
        return None
    template, subject = unmentioned[zlib.crc32(name.encode()) % len(unmentioned)]
    return EvalQuestion(template.format(subject), UNANSWERABLE)


def question_files() -> list[Path]:
    """Return every eval file in tests/eval/ and the SQuAD training file."""
    files = sorted(EVAL.glob("*.yaml")) + sorted(EVAL.glob("heldout*/*.yaml"))
    return [*files, SQUAD]


def split_of(path: Path) -> str:
    """Return "squad", "validation" or "news" for a question file."""
    if path == SQUAD:
        return "squad"
    return "validation" if path.parent.name in VALIDATION_SETS else "news"


@dataclass
class Example:
    """One question's signals over its briefing's sentences, and which sentences answer it."""

    briefing: str
    split: str
    kind: str
    question: str
    measured: Measured
    positives: npt.NDArray[np.bool_]


def _cache_key(kind: str, text: str) -> str:
    return hashlib.sha256(f"{MODEL_NAME}\0{kind}\0{text}".encode()).hexdigest()


class CachedEmbedder:
    """An embedder whose vectors are kept on disk between runs."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        CACHE.mkdir(parents=True, exist_ok=True)

    def _cached(self, kind: str, texts: list[str]) -> Vectors:
        key = _cache_key(kind, "\n\n".join(texts))
        path = CACHE / f"{key}.npy"
        if path.exists():
            return np.asarray(np.load(path), dtype=np.float32)
        if kind == "passages":
            vectors = self.embedder.passages(texts)
        else:
            vectors = np.stack([self.embedder.query(t) for t in texts])
        np.save(path, vectors)
        return vectors

    def passages(self, texts: list[str]) -> Vectors:
        return self._cached("passages", texts)

    def queries(self, texts: list[str]) -> Vectors:
        return self._cached("queries", texts) if texts else np.zeros((0, 384), np.float32)


def _positives(index: BriefingIndex, expect: Iterable[str]) -> npt.NDArray[np.bool_]:
    wanted = [fold_quotes(e) for e in expect]
    return np.array(
        [any(w in fold_quotes(s.text) for w in wanted) for s in index.sentences], dtype=bool
    )


def _briefing_examples(
    briefing: EvalBriefing,
    split: str,
    index: BriefingIndex,
    vectors: tuple[Vectors, Vectors] | None,
) -> list[Example]:
    examples = []
    for n, question in enumerate(briefing.questions):
        analysed = analyse(question.text)
        measured = measure(
            index,
            analysed,
            None if vectors is None else vectors[1][n],
            None if vectors is None else vectors[0],
        )
        positives = (
            _positives(index, question.expect)
            if question.kind == ANSWERABLE
            else np.zeros(len(index.sentences), dtype=bool)
        )
        examples.append(
            Example(briefing.name, split, question.kind, question.text, measured, positives)
        )
    return examples


def build_examples(*, semantic: bool = True, workers: int = 2) -> list[Example]:
    """Return the examples of every question file; embeddings are computed in parallel
    (the stemmer is not thread-safe, so the rest runs on one thread)."""
    model = load_embedder() if semantic else None
    embedder = CachedEmbedder(model) if model is not None else None
    jobs = [
        (briefing, split_of(path)) for path in question_files() for briefing in read_questions(path)
    ]
    indexes = [
        BriefingIndex(parse_document(read_briefing_file(b.path), file_name=b.path.name))
        for b, _ in jobs
    ]
    for n, ((briefing, split), index) in enumerate(zip(jobs, indexes, strict=True)):
        extra = adversarial_question(briefing.name, index) if split != "squad" else None
        if extra is not None:
            jobs[n] = (dataclasses.replace(briefing, questions=(*briefing.questions, extra)), split)

    def embed(job: int) -> tuple[Vectors, Vectors] | None:
        if embedder is None:
            return None
        texts = [s.text for s in indexes[job].sentences]
        questions = [q.text for q in jobs[job][0].questions]
        return embedder.passages(texts), embedder.queries(questions)

    with ThreadPoolExecutor(workers) as pool:
        vectors = list(pool.map(embed, range(len(jobs))))
    return [
        example
        for (briefing, split), index, pair in zip(jobs, indexes, vectors, strict=True)
        for example in _briefing_examples(briefing, split, index, pair)
    ]
