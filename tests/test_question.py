"""Question analysis and word handling: pure functions, no store needed."""

from __future__ import annotations

import pytest

from faq.index import BriefingIndex
from faq.lexicon import base_forms, opposite_forms, stem, stem_forms, tokenize
from faq.question import AnswerType, analyse, clean_question
from faq.terms import question_terms
from store.ingest import parse_document


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who are the hosts of the coalition meeting?", AnswerType.PERSON),
        ("When does the Riverside Library reopen?", AnswerType.DATE),
        ("On what day is the meeting?", AnswerType.DATE),
        ("In which city do the ministers gather?", AnswerType.PLACE),
        ("Where did Healey go?", AnswerType.PLACE),
        ("How many 3D printers are there?", AnswerType.NUMBER),
        ("How much did the refurbishment cost?", AnswerType.AMOUNT),
        ("How long is the front line?", AnswerType.DURATION),
        ("How big is the school?", AnswerType.NUMBER),
        ("How high will the turbines be?", AnswerType.NUMBER),
        ("Why did the library close?", AnswerType.REASON),
        ("Will it open on Sundays?", AnswerType.YES_NO),
        ("Is support lower among people who live near the road?", AnswerType.YES_NO),
        ("Was the library closed when the cracks appeared?", AnswerType.YES_NO),
        ("Who is Tom Alvarez?", AnswerType.DEFINITION),
        ("Who was Kaidu's grandfather?", AnswerType.PERSON),
        ("Political advantage is an attribute of which state policies?", AnswerType.THING),
        ("What kind of strikes are they carrying out?", AnswerType.THING),
        ("What was the Yuan dynasty called in Mongolian?", AnswerType.NAME),
        ("What was the name of the fake supplier?", AnswerType.NAME),
        ("How old is Deborah Marsh?", AnswerType.AGE),
        ("What was the final score?", AnswerType.SCORE),
        ("How often does the scientist test the river?", AnswerType.FREQUENCY),
        ("What proportion of swimmers fell ill?", AnswerType.PROPORTION),
        ("kingsway pipe length", AnswerType.DURATION),
        ("How many times did she move money?", AnswerType.NUMBER),
        ("wher will the second clinic open", AnswerType.PLACE),
        ("whn does it open", AnswerType.DATE),
        ("whos the union guy quoted in the story", AnswerType.PERSON),
        ("Whats the name of their famous biscuit?", AnswerType.NAME),
    ],
)
def test_answer_type(question: str, expected: AnswerType) -> None:
    assert analyse(question).answer_type is expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("/ask who is Healey?", "who is Healey?"),
        ("/ask@briefbot   who is Healey?", "who is Healey?"),
        ("@briefbot who is Healey?", "who is Healey?"),
        ("who\u200b is\u202e Healey?", "who is Healey?"),
        ("ｗｈｏ is Healey?", "who is Healey?"),
        ("whats the damage bill", "what is the damage bill"),
        ("Where's the march?", "Where is the march?"),
        ("whose idea was it?", "whose idea was it?"),
        ("<b>when will the baths reopen?</b>", "when will the baths reopen?"),
        ('<a href="x">who</a> is Healey?', "who is Healey?"),
        ("is 5 < 6 and 7 > 2?", "is 5 < 6 and 7 > 2?"),
    ],
)
def test_clean_question_drops_addressing_and_invisible_characters(raw: str, clean: str) -> None:
    assert clean_question(raw) == clean


def test_which_question_has_a_focus_and_skips_counts() -> None:
    assert analyse("Which union represents the crews?").focus == "union"
    assert analyse("What kind of strikes are they carrying out?").focus == "strikes"
    question = analyse("Which two countries lead the talks?")
    assert "two" not in question.content_words
    assert question.answer_type is AnswerType.PLACE


def test_subject_head_of_what_did_questions() -> None:
    assert analyse("What did the Ukrainian government say?").subject_head == "government"
    assert analyse("Where is it?").subject_head is None
    assert analyse("What is the capital of Germany?").subject_head == "capital"
    assert analyse("What is wrong with the science labs?").subject_head is None
    assert analyse("When did the old mill shut down?").subject_head == "mill"
    assert analyse("What did the council leader promise?").subject_head == "leader"
    assert analyse("How do I change a car tyre?").subject_head is None


def test_answer_type_words_are_not_content() -> None:
    question = analyse("How many hours a week will the library open?")
    assert "many" not in question.content_words
    assert "library" in question.content_words
    assert "day" not in analyse("On what day is the meeting?").content_words
    assert "money" not in analyse("How much money did the fund raise?").content_words
    assert "money" in analyse("Where did the money go?").content_words


@pytest.mark.parametrize(
    "text", ["What does Aisha Khan do for a living?", "What is Aisha Khan's job?"]
)
def test_asking_what_someone_does_asks_who_they_are(text: str) -> None:
    question = analyse(text)
    assert question.answer_type is AnswerType.DEFINITION
    assert question.subject == "aisha khan"


@pytest.mark.parametrize(
    "text",
    [
        "Who is Mr Lloyd?",
        "What does Mr Lloyd do for a living?",
        "What did Mr Lloyd do for a living?",
        "What is Dr Lloyd's job?",
    ],
)
def test_a_title_before_the_name_still_asks_who_they_are(text: str) -> None:
    question = analyse(text)
    assert question.answer_type is AnswerType.DEFINITION
    assert question.subject == "lloyd"


def test_what_s_is_what_is() -> None:
    question = analyse("What's the experimental drug called?")
    assert question.answer_type is AnswerType.NAME
    assert question.content_words == ("experimental", "drug")


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("Who is in charge of the council?", "Who leads the council?"),
        ("Who was in charge of the kidney trial?", "Who led the kidney trial?"),
        ("Who will be in charge of the club?", "Who will lead the club?"),
    ],
)
def test_being_in_charge_is_leading(text: str, rewritten: str) -> None:
    assert analyse(text).text == rewritten


def test_a_head_after_a_possessive_is_a_noun() -> None:
    index = BriefingIndex(parse_document("Dr Raman heads the centre.\n"))
    terms = question_terms(index, analyse("What does the centre's head see as a challenge?"))
    assert not any(t.leading for t in terms)
    assert any(t.leading for t in question_terms(index, analyse("Who heads the centre?")))


def test_what_someone_did_is_no_occupation() -> None:
    assert analyse("What did Kublai do?").answer_type is not AnswerType.DEFINITION


def test_how_soon_asks_for_a_length_of_time() -> None:
    question = analyse("How soon could the reserves run out?")
    assert question.answer_type is AnswerType.DURATION
    assert "soon" not in question.content_words


def test_honorifics_and_negated_auxiliaries_are_not_content() -> None:
    words = analyse("Why didn't Mrs Oyelaran close the club, according to Dr Shah?").content_words
    assert not {"didn't", "didn", "mrs", "dr", "according"} & set(words)
    assert {"oyelaran", "club", "shah"} <= set(words)
    assert analyse("Was anybody injured?").content_words == ("injured",)


def test_negation_is_noticed() -> None:
    assert analyse("Who didn't attend?").negated
    assert analyse("Which tribes were never united?").negated
    assert not analyse("Which tribes were united?").negated


def test_numbers_and_ordinals_have_separate_stems() -> None:
    assert stem("three") == stem("3")
    assert stem("third") == stem("3rd")
    assert stem("4th") != stem("4")
    assert stem("2,000") == "2000"


def test_irregular_forms_share_a_stem() -> None:
    assert stem("lead") in stem_forms("led")
    assert "reject" in base_forms("rejected")


def test_opposites_include_prefixed_forms() -> None:
    assert "rapid" in opposite_forms("slow")
    assert "necessary" in opposite_forms("unnecessary")
    assert "civilized" in opposite_forms("uncivilized")
    assert opposite_forms("to") == set()


def test_tokens_keep_offsets_and_fold_case_and_accents() -> None:
    (token,) = tokenize("Ögedei’s")
    assert token.text == "Ögedei"
    assert token.folded == "ogedei"
    assert (token.start, token.end) == (0, 6)


def test_a_counted_noun_is_no_leading_verb() -> None:
    index = BriefingIndex(parse_document("Okonjo made 71 runs on Saturday.\n"))
    terms = question_terms(index, analyse("How many runs did Okonjo make?"))
    assert not any(t.leading for t in terms)


def test_a_negated_auxiliary_is_no_content_word() -> None:
    assert analyse("Which station won't the buses stop at?").content_words == (
        "station",
        "buses",
        "stop",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who took over the business when he retired?", AnswerType.PERSON),
        ("What was he doing when the ground gave way?", AnswerType.THING),
        ("Why does the sheriff want people to leave when they are told to?", AnswerType.REASON),
        ("When and where is the meeting?", AnswerType.DATE),
    ],
)
def test_the_first_question_word_is_the_one_asked(text: str, expected: AnswerType) -> None:
    assert analyse(text).answer_type is expected


def test_a_misspelt_name_matches_word_by_word() -> None:
    index = BriefingIndex(
        parse_document(
            "Priya Nair, the chief executive of the Brennock Harbour Trust, said it was "
            "struggling.\n\nIts harbour was built in 1842.\n"
        )
    )
    named = {t.word: t.entity for t in question_terms(index, analyse("Where does Pria Nayr work?"))}
    assert named["pria"] is not None
    assert named["nayr"] == named["pria"]
    terms = question_terms(index, analyse("When was Brennock harbour built?"))
    assert {t.word: t.entity for t in terms}["built"] is None


def test_the_word_after_how_is_spelt_right() -> None:
    question = analyse("how oftn will the buses go")
    assert question.answer_type is AnswerType.FREQUENCY
    assert question.text == "how often will the buses go"


def test_swapped_letters_are_a_typo_of_the_briefings_word() -> None:
    index = BriefingIndex(parse_document("We raised £18,000 for a barrister.\n"))
    assert index.correct("rasie") == "raise"
    assert stem("raise") == stem("raised")


def test_hours_after_a_number_is_a_length_not_opening_hours() -> None:
    opening = analyse("tapir house opening hours")
    assert opening.answer_type is AnswerType.DATE
    assert "hours" not in opening.content_words
    counted = analyse("compensation power cut 48 hours")
    assert counted.answer_type is not AnswerType.DATE
    assert "hours" in counted.content_words


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("How much did the residents raise?", True),
        ("How much money was stolen?", True),
        ("How much longer will the trip take?", False),
        ("How much cheaper are the batteries?", False),
        ("How much will the price rise?", False),
    ],
)
def test_how_much_asks_for_money_when_it_names_a_sum(text: str, money: bool) -> None:
    assert analyse(text).money is money


@pytest.mark.parametrize(
    ("text", "answer_type"),
    [
        ("Who is leading the talks?", AnswerType.PERSON),
        ("Who is heading the group buying the club?", AnswerType.PERSON),
        ("Who is the acting head?", AnswerType.DEFINITION),
        ("What is planning permission?", AnswerType.DEFINITION),
    ],
)
def test_who_is_doing_something_asks_for_a_person(text: str, answer_type: AnswerType) -> None:
    assert analyse(text).answer_type is answer_type


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("How tall is the Tarvik dam?", True),
        ("How deep was the floodwater?", True),
        ("How heavy was the calf?", True),
        ("How many turbines are there?", False),
    ],
)
def test_how_tall_deep_or_heavy_asks_for_a_measure(text: str, measure: bool) -> None:
    assert analyse(text).measure is measure
