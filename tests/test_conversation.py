"""Follow-up questions: reading a question in its context, and answering it there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from faq.answer import Answer, SourceRef
from faq.conversation import Context, Reading, context_after, read_in_context, supported
from faq.engine import Engine
from faq.index import BriefingIndex
from handlers.conversations import ConversationMemory
from store.ingest import parse_document

BRIEFINGS = Path(__file__).parent / "briefings"
EVAL = Path(__file__).parent / "eval"
FERRY = EVAL / "harbour-ferry-strike.txt"
HARTMOOR = EVAL / "heldout21" / "hartmoor-ae-waits.txt"


def follow(engine: Engine, *questions: str) -> list[Answer]:
    """Ask `questions` as one conversation; return the answers."""
    answers: list[Answer] = []
    context: Context | None = None
    for question in questions:
        answers.append(engine.ask(question, context=context))
        context = answers[-1].context
    return answers


def context_naming(engine: Engine, question: str) -> Context:
    answer = engine.ask(question)
    assert answer.context is not None
    return answer.context


# -- reading a question in its context ------------------------------------------------


def test_a_question_without_context_is_read_as_asked(riverside: Engine) -> None:
    reading = read_in_context(riverside.index, "What did she say?", None)
    assert reading.text == "What did she say?"
    assert not reading.follows_up


def test_a_question_that_stands_alone_is_read_as_asked(riverside: Engine) -> None:
    context = context_naming(riverside, "Who is Tom Alvarez?")
    reading = read_in_context(riverside.index, "When will the library reopen?", context)
    assert reading.text == "When will the library reopen?"
    assert not reading.follows_up


def test_he_is_the_man_the_last_answer_named(riverside: Engine) -> None:
    context = context_naming(riverside, "Who is Tom Alvarez?")
    reading = read_in_context(riverside.index, "What did he say about the building?", context)
    assert reading.text == "What did Tom Alvarez say about the building?"
    assert reading.note == "Taking “he” as Tom Alvarez"
    assert reading.referent is not None
    assert riverside.index.entities[reading.referent].name == "Tom Alvarez"
    # the engine is asked "he" standing for him, as the article itself refers to him
    assert reading.asked == "What did he say about the building?"


def test_his_becomes_a_possessive(riverside: Engine) -> None:
    context = context_naming(riverside, "Who is Tom Alvarez?")
    reading = read_in_context(riverside.index, "What is his job?", context)
    assert reading.text == "What is Tom Alvarez's job?"


def test_who_is_she_and_her_job_ask_about_the_person(riverside: Engine) -> None:
    _, who, job = follow(riverside, "What did the councillor say?", "who is she", "What's her job?")
    assert who.resolved == "Who is Helen Baptiste"
    assert who.answer == "Helen Baptiste: Councillor, who chairs the culture committee."
    assert job.answered
    assert "Councillor" in job.answer
    # "and" with a pronoun is not "the last question about someone else"
    reading = read_in_context(riverside.index, "And her job?", job.context)
    assert reading.text == "And Helen Baptiste's job?"


def test_he_is_never_a_woman_the_context_names(engine: Engine) -> None:
    engine.load_file(FERRY)
    context = context_naming(engine, "Who is Priya Natarajan?")  # "Ms Natarajan"
    assert read_in_context(engine.index, "What did she say?", context).follows_up
    reading = read_in_context(engine.index, "What did he say?", context)
    assert "Natarajan" not in reading.text
    assert reading.referent is None


def test_a_bare_role_is_the_person_in_the_context_who_holds_it(riverside: Engine) -> None:
    context = context_naming(riverside, "Who is Helen Baptiste?")
    reading = read_in_context(riverside.index, "What did the councillor say?", context)
    assert reading.text == "What did Helen Baptiste say?"
    # a word of the role that is not its title is not the person: "the library"
    context = context_naming(riverside, "Who is Tom Alvarez?")
    assert not read_in_context(riverside.index, "When does the library open?", context).follows_up


def test_they_is_the_organisation_the_last_answer_named(engine: Engine) -> None:
    engine.load_file(FERRY)
    context = context_naming(engine, "Who is Priya Natarajan?")
    reading = read_in_context(engine.index, "What are they demanding?", context)
    assert reading.text == "What are Maritime Workers Union demanding?"


def test_they_is_the_plural_subject_of_the_last_question(engine: Engine) -> None:
    engine.load_file(FERRY)
    context = context_naming(engine, "Which union are the crews in?")
    reading = read_in_context(engine.index, "What are they demanding?", context)
    assert reading.text == "What are the crews demanding?"


def test_their_after_a_plural_in_the_question_is_left_alone(engine: Engine) -> None:
    engine.load_file(FERRY)
    context = context_naming(engine, "Who is Priya Natarajan?")
    reading = read_in_context(engine.index, "Will the crews lose their pay?", context)
    assert reading.text == "Will the crews lose their pay?"


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        ("When was that?", "When did the UK and French military chiefs meet Zelensky?"),
        ("why?", "Why did the UK and French military chiefs meet Zelensky?"),
        ("And when did that happen", "When did the UK and French military chiefs meet Zelensky?"),
        ("whens that", "When did the UK and French military chiefs meet Zelensky?"),
    ],
)
def test_an_elliptical_question_asks_the_last_one_again(
    coalition: Engine, follow_up: str, expected: str
) -> None:
    context = context_naming(
        coalition, "Where did the UK and French military chiefs meet Zelensky?"
    )
    reading = read_in_context(coalition.index, follow_up, context)
    assert reading.text == expected
    assert reading.note == f"Taking this as “{expected}”"


def test_a_question_whose_subject_is_the_question_word_keeps_it(coalition: Engine) -> None:
    context = context_naming(coalition, "Who is chairing the Ukraine Defence Contact Group?")
    reading = read_in_context(coalition.index, "When?", context)
    assert reading.text == "When — Who is chairing the Ukraine Defence Contact Group?"


def test_elliptical_questions_in_a_row_do_not_pile_up(coalition: Engine) -> None:
    context = context_naming(coalition, "Who is chairing the Ukraine Defence Contact Group?")
    when = read_in_context(coalition.index, "When?", context)
    assert when.text == "When — Who is chairing the Ukraine Defence Contact Group?"
    later = replace(context, question=when.text)
    assert read_in_context(coalition.index, "Where?", later).text == (
        "Where — Who is chairing the Ukraine Defence Contact Group?"
    )


def test_and_with_a_phrase_adds_it_to_the_last_question(coalition: Engine) -> None:
    context = context_naming(coalition, "How did the Kremlin respond to the US proposal?")
    assert read_in_context(coalition.index, "And in public?", context).text == (
        "How did the Kremlin respond to the US proposal in public?"
    )


def test_and_x_asks_the_last_question_about_x(coalition: Engine) -> None:
    context = context_naming(coalition, "How did the Kremlin respond to the US proposal?")
    assert read_in_context(coalition.index, "And Kyiv?", context).text == (
        "How did Kyiv respond to the US proposal?"
    )
    assert read_in_context(coalition.index, "what about Kyiv", context).text == (
        "How did Kyiv respond to the US proposal?"
    )


def test_there_is_the_place_the_last_answer_gave(coalition: Engine) -> None:
    context = context_naming(
        coalition, "Where did the UK and French military chiefs meet Zelensky?"
    )
    reading = read_in_context(coalition.index, "What did they discuss there?", context)
    assert reading.text == "What did the UK and French military chiefs discuss in Kyiv?"


def test_a_context_remembers_whom_the_answer_named(riverside: Engine) -> None:
    answer = riverside.ask("What did the library services manager say about the building?")
    assert answer.answered
    assert answer.context is not None
    names = [riverside.index.entities[i].name for i in answer.context.people]
    assert names[0] == "Tom Alvarez"
    assert answer.context.paragraph == answer.sources[0].paragraph


def test_a_context_after_an_abstention_names_only_the_question(riverside: Engine) -> None:
    abstained = Answer("Who is Helen Baptiste?", answered=False, answer="", confidence=0.0)
    context = context_after(riverside.index, 1, abstained.question, abstained)
    assert [riverside.index.entities[i].name for i in context.people] == ["Helen Baptiste"]
    assert context.paragraph is None
    answered = Answer(
        "?", True, "…", 0.9, sources=(SourceRef("Riverside", 999, 1, "no such sentence"),)
    )
    assert context_after(riverside.index, 1, "?", answered).people == ()


# -- answering in context ---------------------------------------------------------------


def test_a_follow_up_is_answered_from_its_context(coalition: Engine) -> None:
    first, second = follow(
        coalition, "Where did the UK and French military chiefs meet Zelensky?", "When was that?"
    )
    assert "Kyiv" in first.answer
    assert second.answered
    assert "last weekend" in second.answer
    assert second.question == "When was that?"
    assert second.resolved == "When did the UK and French military chiefs meet Zelensky?"
    assert second.reading.startswith("Taking this as")
    # asked alone, the same words have nothing to go on
    assert not coalition.ask("When was that?").answered


def test_a_follow_up_about_a_person_is_answered_about_them(engine: Engine) -> None:
    engine.load_file(FERRY)
    _, second = follow(engine, "Who is Priya Natarajan?", "What did she say about the shifts?")
    assert "14-hour shifts" in second.answer
    assert second.resolved == "What did Priya Natarajan say about the shifts?"


def test_what_she_said_is_her_quote(riverside: Engine) -> None:
    _, second = follow(riverside, "Who is Helen Baptiste?", "What did she say?")
    assert "easy to close this library" in second.answer
    assert [q.speaker for q in second.quotes] == ["Helen Baptiste"]
    assert second.resolved == "What did Helen Baptiste say?"


def test_a_follow_up_with_nothing_but_a_pronoun_asks_about_the_person_by_name(
    engine: Engine,
) -> None:
    text = (
        "Baths to reopen after £4m restoration\n\n"
        "The Victorian baths on Carver Street will reopen next spring.\n\n"
        "The campaign to save them was started by retired PE teacher Alan Whitcombe.\n\n"
        "Mr Whitcombe, 71, learned to swim at the baths in 1961.\n"
    )
    engine.load_bytes(text.encode(), file_name="baths.txt")
    _, second = follow(engine, "Who is Alan Whitcombe?", "How old is he?")
    assert second.resolved == "How old is Alan Whitcombe?"
    assert "71" in second.answer


def test_the_reading_is_not_shown_when_the_answer_names_who_it_took(coalition: Engine) -> None:
    _, second = follow(coalition, "Who is Boris Pistorius?", "What will he chair?")
    assert "Boris Pistorius" in second.answer
    assert second.resolved == "What will Boris Pistorius chair?"
    assert second.reading == ""


def test_a_follow_up_is_not_answered_by_a_sentence_without_its_own_words() -> None:
    index = BriefingIndex(
        parse_document(
            "Hall to reopen\n\n"
            "The trust will hold a public meeting at Dunmore Town Hall on 15 December.\n\n"
            "Its auditorium seats 400 people.\n"
        )
    )
    asked = "How big is their auditorium?"
    reading = Reading(
        "How big is the trust's auditorium?", "Taking “their” as the trust", ("the trust",)
    )

    def answer_from(paragraph: int) -> Answer:
        text = index.sentences[paragraph - 1].text
        return Answer(asked, True, text, 0.9, sources=(SourceRef("Hall", paragraph, 1, text),))

    assert not supported(index, asked, reading, answer_from(1))
    assert supported(index, asked, reading, answer_from(2))


def test_context_never_makes_an_off_topic_question_answered(coalition: Engine) -> None:
    _, second = follow(
        coalition,
        "Where did the UK and French military chiefs meet Zelensky?",
        "what did they have for dinner there",
    )
    assert second.resolved  # read as a follow-up …
    assert not second.answered  # … about something the briefing never mentions


def test_and_x_about_something_the_briefing_never_mentions_is_abstained_on(
    riverside: Engine,
) -> None:
    *_, last = follow(
        riverside,
        "Who is Helen Baptiste?",
        "What committee does she chair?",
        "And what about dinner?",
    )
    assert last.resolved == "What committee does dinner chair?"
    assert not last.answered


def test_a_message_with_no_words_is_not_a_follow_up(riverside: Engine) -> None:
    context = context_naming(riverside, "Who is Tom Alvarez?")
    assert not read_in_context(riverside.index, "🙂🙂", context).follows_up


def test_a_context_from_another_briefing_is_ignored(engine: Engine) -> None:
    engine.load_file(BRIEFINGS / "riverside-library.txt")
    context = context_naming(engine, "Who is Tom Alvarez?")
    engine.load_file(BRIEFINGS / "coalition-of-the-willing.txt")
    answer = engine.ask("What did he say?", context=context)
    assert "Alvarez" not in answer.resolved


def test_a_follow_up_misread_in_its_context_is_answered_as_asked_when_that_is_sure(
    engine: Engine,
) -> None:
    engine.load_file(EVAL / "conversations-blind5" / "dunmore-overnight-births-suspended.txt")
    first, second = follow(
        engine,
        "Where will women who go into labour at night be sent instead of Dunmore General?",
        "What if they can't drive?",
    )
    assert first.answered
    # "they" is read as the hospital, and that question has no answer …
    misread = engine.ask("What if they can't drive?", context=first.context, threshold=1.01)
    assert "Dunmore General Hospital" in misread.resolved
    # … but the question as asked does, and surely
    assert second.answered
    assert "taxis" in second.answer
    assert second.resolved == ""


def test_an_abstention_leaves_the_conversation_where_it_was(engine: Engine) -> None:
    engine.load_file(HARTMOOR)
    first, second, third = follow(
        engine, "Who is Miriam Okonjo?", "What is her favourite colour?", "What did she say?"
    )
    assert first.answered
    assert not second.answered
    assert second.context == first.context
    assert "Miriam Okonjo" in third.resolved


# -- the chats' memory ------------------------------------------------------------------


def a_context(n: int) -> Context:
    return Context(1, f"question {n}", n, 1, (), (), ())


def test_a_private_context_expires_after_ten_minutes_without_a_question() -> None:
    now = [0.0]
    memory = ConversationMemory(clock=lambda: now[0])
    memory.remember(5, [100], a_context(1), private=True)
    now[0] = 599.0
    assert memory.for_chat(5) == a_context(1)
    memory.remember(5, [101], a_context(2), private=True)  # another question: the clock restarts
    now[0] = 599.0 + 599.0
    assert memory.for_chat(5) == a_context(2)
    now[0] = 599.0 + 601.0
    assert memory.for_chat(5) is None
    # the answer a user replies to keeps its context
    assert memory.for_answer(5, 101) == a_context(2)


def test_chats_do_not_share_contexts() -> None:
    memory = ConversationMemory()
    memory.remember(5, [100], a_context(1), private=True)
    memory.remember(-7, [100], a_context(2), private=False)
    assert memory.for_chat(6) is None
    assert memory.for_chat(-7) is None  # a group has no chat-wide context
    assert memory.for_answer(5, 100) == a_context(1)
    assert memory.for_answer(-7, 100) == a_context(2)
    assert memory.for_answer(6, 100) is None


def test_the_memory_is_bounded() -> None:
    memory = ConversationMemory(max_chats=3, max_messages=4)
    for chat in range(10):
        memory.remember(chat, [chat * 10, chat * 10 + 1], a_context(chat), private=True)
    assert len(memory) == 3 + 4
    assert memory.for_chat(9) == a_context(9)
    assert memory.for_chat(6) is None
    assert memory.for_answer(8, 81) == a_context(8)
    assert memory.for_answer(7, 71) is None
