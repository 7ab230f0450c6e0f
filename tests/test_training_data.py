"""The training data the scorer is fitted on (tools/scorer_data.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from faq.evaluation import UNANSWERABLE
from faq.index import BriefingIndex
from faq.lexicon import stem, tokenize
from store.ingest import parse_document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from scorer_data import PERSON_QUESTIONS, PLACE_QUESTIONS, adversarial_question

TEXT = (
    "Drought rationing\n\n"
    "The water board approved rationing at a meeting in the town hall of San Telmo.\n\n"
    "Board chair Marisol Etxeberria said the decision was unavoidable. The valley's "
    "population has grown, and its phone lines, favourite foods and rainfall were discussed.\n"
)


def test_an_adversarial_question_names_the_briefing_and_asks_what_it_never_mentions() -> None:
    index = BriefingIndex(parse_document(TEXT))
    asked = set()
    for name in ("a", "b", "c", "d", "e", "f", "g", "h"):
        question = adversarial_question(name, index)
        assert question is not None
        assert question.kind == UNANSWERABLE
        assert "Marisol Etxeberria" in question.text or "San Telmo" in question.text
        asked.add(question.text)
    words = {stem(t.folded) for q in asked for t in tokenize(q)}
    # what the briefing mentions is never what is asked
    for said in ("population", "phone", "favourite", "food", "rainfall"):
        assert stem(said) not in words
    assert len(asked) > 1  # chosen by the briefing's name


def test_a_briefing_that_mentions_everything_gets_no_adversarial_question() -> None:
    words = " ".join(w for _, needed in (*PERSON_QUESTIONS, *PLACE_QUESTIONS) for w in needed)
    index = BriefingIndex(parse_document(f"News\n\nPriya Raman of Harlow said {words}.\n"))
    assert adversarial_question("a", index) is None
