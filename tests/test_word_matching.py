"""Matching question words to the briefing's: close synonyms for words it lacks, word forms."""

from __future__ import annotations

from faq.index import BriefingIndex
from faq.lexicon import dictionary_forms
from faq.pipeline import answer_question
from faq.question import analyse
from faq.synonyms import synonyms, word_family
from faq.terms import question_terms
from store.ingest import parse_document

NOTICE = (
    "A street market will run on Mill Lane for six weeks over the summer.\n\n"
    "Part of Mill Lane will close to traffic for three weeks from Monday, the council said.\n"
)


def test_synonyms_are_close_ones() -> None:
    assert "close" in synonyms("shut")
    assert "boss" in synonyms("chief", "noun")
    assert "line" not in synonyms("job")  # "line of work" is not what "line" usually means
    assert synonyms("qwertyuiop") == ()


def test_word_families_are_derived_words_and_measures() -> None:
    assert "abstention" in word_family("abstain")
    assert "prosecutor" in word_family("prosecute")
    assert "depth" in word_family("deep")
    assert "temperature" in word_family("warm")
    assert word_family("qwertyuiop") == ()


def test_a_question_word_the_briefing_lacks_finds_its_word_family() -> None:
    text = (
        "Councillors debated the budget for three hours in a packed hall.\n\n"
        "Councillors voted 27 to 19, with three abstentions.\n\n"
        "The cave was found by walkers in 1964.\n\n"
        "The cave keeps a steady temperature of about 9C all year.\n"
    )
    index = BriefingIndex(parse_document(text))
    assert "three abstentions" in answer_question(index, "Did any councillors abstain?").answer
    assert "9C" in answer_question(index, "How warm is the cave?").answer


def test_a_question_word_the_briefing_lacks_finds_its_synonym() -> None:
    index = BriefingIndex(parse_document(NOTICE))
    answer = answer_question(index, "How long will Mill Lane be shut?")
    assert answer.answered
    assert "three weeks" in answer.answer


def test_a_synonym_alone_does_not_answer_an_unrelated_question() -> None:
    index = BriefingIndex(parse_document(NOTICE))
    assert not answer_question(index, "Which shop shut its doors last year?").answered


def test_a_word_is_not_matched_to_a_shorter_word_it_merely_extends() -> None:
    index = BriefingIndex(parse_document("He left the meeting early, though nobody noticed.\n"))
    (term,) = [
        t for t in question_terms(index, analyse("What was thought?")) if t.word == "thought"
    ]
    assert "though" not in term.matches


def test_a_compound_matches_its_parts_in_any_form() -> None:
    text = (
        "Tolls on the bridge will begin in May.\n\nWork on Mill Road is due to begin in February.\n"
    )
    index = BriefingIndex(parse_document(text))
    answer = answer_question(index, "When will the roadworks begin?")
    assert "February" in answer.answer


def test_a_phrasal_verb_finds_its_one_word_synonym() -> None:
    assert "found" in synonyms("set up")
    text = (
        "The bakery on Mill Lane opened a second shop in March.\n\n"
        "Anna Berg founded the bakery in 2019 after leaving her job in a bank.\n"
    )
    answer = answer_question(BriefingIndex(parse_document(text)), "Who set up the bakery?")
    assert "Anna Berg founded" in answer.answer


def test_a_verb_form_gets_only_the_verb_s_synonyms() -> None:
    assert dictionary_forms("levelled") == (("level", "verb"),)
    assert ("lab", None) in dictionary_forms("labs")  # a plural the lemmatiser lacks
    assert "tier" in synonyms("level", "noun")
    assert "tier" not in synonyms("level", "verb")
    index = BriefingIndex(parse_document("The club was in the fourth tier in 2023.\n"))
    (term,) = [t for t in question_terms(index, analyse("Who levelled?")) if t.word == "levelled"]
    assert not term.matches


def test_a_verb_finds_the_briefing_s_verb_for_doing_it_again() -> None:
    text = (
        "Inspectors said the building was an obstacle to learning.\n\n"
        "The trust has promised £1.8 million to rebuild the science block.\n\n"
        "“That money will be spent on this school alone,” the head teacher said.\n\n"
        "The head teacher will reset the timetable in September.\n"
    )
    index = BriefingIndex(parse_document(text))
    answer = answer_question(index, "How much is being spent on a new science building?")
    assert "£1.8 million" in answer.answer
    (term,) = [t for t in question_terms(index, analyse("reset")) if t.word == "reset"]
    assert "set" not in term.matches


def test_a_two_word_verb_is_matched_by_its_meaning_before_its_first_word() -> None:
    text = (
        "Where it was going is a question tests should answer by the end of the year, experts "
        "on the ship said.\n\n"
        "Radiocarbon dating of its oak timbers suggests the ship sank around AD 180.\n\n"
        "The count went on until dawn.\n\n"
        "The count was held at Harrowfield Leisure Centre.\n"
    )
    index = BriefingIndex(parse_document(text))
    assert "AD 180" in answer_question(index, "When did the ship go down?").answer
    terms = question_terms(index, analyse("Where did the count take place?"))
    assert "place" not in [t.word for t in terms]  # "take place" means "happen"


def test_a_verb_of_leading_gets_no_synonyms() -> None:
    text = "The result of the ballot was announced on Wednesday.\n\nTeachers took the offer.\n"
    index = BriefingIndex(parse_document(text))
    (term,) = [t for t in question_terms(index, analyse("Who leads the union?")) if t.leading]
    assert term.matches == {}  # "lead" may mean "result in" or "take", but not here
