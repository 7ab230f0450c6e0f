"""Seeded random briefings and questions: loading and answering never crash.

A bad briefing may be refused with a `store.errors` exception (a clear one-line
reason); anything else escaping `parse_document` or `answer_question` is a bug.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from faq.index import BriefingIndex
from faq.pipeline import answer_question
from store.errors import LoadError
from store.ingest import parse_document

EVAL = Path(__file__).parent / "eval"
# Pieces of news prose that the extractors treat specially: names, titles, appositions,
# possessives, numbers with commas, quotes and the words around them.
PIECES = (
    "Smith & Lowe and for of the St Aidan's Hospice Department Education Fire Rescue "
    "Service said “Hello,” she He adding: DI Fenwick, 34, a nurse who 1,200 one of in "
    "Oldham, Athletic Rovers Castlegate Property Holdings Route State . , ; \n\n a an "
    "the, , the Mr Ms Dr \" ' — (AD 180) 40ft 10.25am £4.5m 87% told between and except "
    "Magistrates’ Court the Australian"
).split(" ")
QUESTIONS = (
    "Who is the chief executive?",
    "How many people were hurt?",
    "What time did it start?",
    "Where did it happen?",
    "What is it called?",
    "Who leads the council?",
    "How big was the crowd?",
    "What does Smith do for a living?",
    "Which places does the ferry link?",
    "Who is the prime minister of Kestrany?",
    "How tall is the dam?",
    "From what date will there be no trains?",
)


def _random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))) + "."


def _cut_up(rng: random.Random, texts: list[str]) -> str:
    words = rng.choice(texts).split(" ")
    start = rng.randrange(len(words))
    chunk = words[start : start + rng.randint(1, 120)]
    if rng.random() < 0.5:
        rng.shuffle(chunk)
    return " ".join(chunk)


@pytest.mark.parametrize("seed", range(4))
def test_random_briefings_load_or_are_refused_and_never_crash_answering(seed: int) -> None:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("heldout*/*.txt"))]
    loaded = 0
    for n in range(600):
        text = _random_text(rng) if n % 2 else _cut_up(rng, texts)
        try:
            index = BriefingIndex(parse_document(text))
        except LoadError:
            continue
        loaded += 1
        if n % 10 == 0:
            for question in QUESTIONS:
                answer_question(index, question)
    assert loaded > 500
