"""Synonyms from WordNet: close ones only, and used only for words the briefing lacks."""

from __future__ import annotations

from faq.index import BriefingIndex
from faq.matcher import answer_question
from faq.synonyms import synonyms
from store.ingest import parse_document

NOTICE = (
    "A street market will run on Mill Lane for six weeks over the summer.\n\n"
    "Part of Mill Lane will close to traffic for three weeks from Monday, the council said.\n"
)


def test_synonyms_are_close_ones() -> None:
    assert "close" in synonyms("shut")
    assert "line" not in synonyms("job")  # "line of work" is not what "line" usually means
    assert synonyms("qwertyuiop") == ()


def test_a_question_word_the_briefing_lacks_finds_its_synonym() -> None:
    index = BriefingIndex(parse_document(NOTICE))
    answer = answer_question(index, "How long will Mill Lane be shut?")
    assert answer.answered
    assert "three weeks" in answer.answer


def test_a_synonym_alone_does_not_answer_an_unrelated_question() -> None:
    index = BriefingIndex(parse_document(NOTICE))
    assert not answer_question(index, "Which shop shut its doors last year?").answered
