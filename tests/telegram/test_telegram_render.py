"""Rendering, limits and suggestion keys, without the network."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from fake_bot_api import Rejected, parse_html, utf16_len, visible_text

from faq.answer import Answer, QuoteRef, SourceRef
from handlers import render
from handlers.limits import QuestionLimiter, Verdict
from handlers.questions import SuggestionStore, strip_mention
from store.document import Document, Quote

DOCUMENT = Document(
    title="Ministers <meet> & talk",
    checksum="0" * 64,
    paragraphs=("One.", "Two."),
    sentences=(),
    published=None,
    loaded_at=datetime(2025, 3, 5, 14, 2, tzinfo=UTC),
)


def answer(quotes: int = 0, quote_chars: int = 100) -> Answer:
    return Answer(
        question="Who meets?",
        answered=True,
        answer="Ministers meet in <Brussels> & talk.",
        confidence=0.9,
        quotes=tuple(
            QuoteRef(
                text=f"{n} " + "word & <tag> " * (quote_chars // 13),
                speaker="A. Speaker",
                paragraph=n,
            )
            for n in range(1, quotes + 1)
        ),
        sources=(SourceRef(briefing=DOCUMENT.title, paragraph=2, sentence=1, text="Two."),),
    )


def valid(message: str) -> str:
    """Return the visible text, failing the test if Telegram would refuse the message."""
    plain = parse_html(message)
    assert utf16_len(message) <= render.MAX_MESSAGE
    return plain


def test_answer_is_escaped_and_ends_with_the_briefing_and_date() -> None:
    [message] = render.answer_messages(answer(quotes=1), DOCUMENT, "It covers ministers.")

    plain = valid(message)
    assert "Ministers meet in <Brussels> & talk." in plain
    assert plain.splitlines()[-1] == (
        "Source: Ministers <meet> & talk, paragraph 2 · loaded 5 March 2025, 14:02 UTC"
    )


def test_published_date_is_preferred() -> None:
    document = Document(
        title="T", checksum="0", paragraphs=(), sentences=(), published="4 March 2025"
    )

    assert render.as_of(document) == "published 4 March 2025"


def test_long_answers_split_between_blocks() -> None:
    messages = render.answer_messages(answer(quotes=6, quote_chars=1500), DOCUMENT, "")

    assert len(messages) > 1
    for message in messages:
        valid(message)
    assert messages[-1].endswith("</i>")
    assert sum(m.count("<blockquote") for m in messages) == 6


def test_a_quote_longer_than_a_message_is_trimmed() -> None:
    messages = render.answer_messages(answer(quotes=1, quote_chars=9000), DOCUMENT, "")

    for message in messages:
        valid(message)
    assert "…”\n— A. Speaker" in "".join(messages)


def test_inline_card_is_one_message_trimming_quotes() -> None:
    card = render.answer_card(answer(quotes=4, quote_chars=3000), DOCUMENT, "")

    plain = valid(card)
    assert plain.startswith("Ministers meet")
    assert "Source:" in plain.splitlines()[-1]


def test_astral_characters_count_double() -> None:
    text = "😀" * 1500  # 3000 UTF-16 units
    messages = render.paginate([render.e(text), render.e(text)])

    assert len(messages) == 2
    assert all(utf16_len(m) <= 4096 for m in messages)


def test_not_covered_is_escaped() -> None:
    missing = Answer(
        question="<script>&", answered=False, answer="", confidence=0, suggestions=("a",)
    )

    plain = valid(render.not_covered(missing, DOCUMENT, "It covers <this> & that."))

    assert "“<script>&”" in plain
    assert "It covers <this> & that." in plain
    assert "Did you mean" in plain


def test_quotes_and_people_lists_split_and_stay_valid() -> None:
    quotes = [
        Quote(text="x & y " * 300, speaker="S <1>", paragraph=n, sentence=1) for n in range(12)
    ]

    messages = render.quotes_messages(quotes, DOCUMENT, "S <1>")

    assert len(messages) > 1
    for message in messages:
        valid(message)


@pytest.mark.parametrize(
    "bad",
    [
        "<b>bold",
        "<b><i>x</b></i>",
        "a < b",
        "fish & chips",
        "<br/>",
        "<script>x</script>",
        "&nbsp;",
        "",
    ],
)
def test_fake_rejects_what_telegram_rejects(bad: str) -> None:
    with pytest.raises(Rejected):
        visible_text(bad, "HTML")


def test_limiter_notes_once_then_is_silent_until_the_window_passes() -> None:
    now = [0.0]
    limiter = QuestionLimiter(2, window=60, clock=lambda: now[0])

    verdicts = [limiter.check(1) for _ in range(4)]
    assert verdicts == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTE, Verdict.SILENT]
    assert limiter.check(2) is Verdict.ALLOW
    now[0] = 60.5
    assert [limiter.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTE]


def test_suggestion_store_keeps_callback_data_within_64_bytes() -> None:
    store = SuggestionStore(capacity=2)
    short, long = (
        "Who meets?",
        "Which ministers — all of them — meet in Brüssels on Thursday, and why?",
    )

    assert store.question_for(store.data_for(short)) == short
    keys = [store.data_for(long + str(n)) for n in range(3)]
    assert all(len(k.encode()) <= 64 for k in keys)
    assert store.question_for(keys[0]) is None  # forgotten: capacity 2
    assert store.question_for(keys[2]) == long + "2"


def test_mentions_are_stripped() -> None:
    assert strip_mention("@BriefBot, who meets?", "briefbot") == "who meets?"
    assert strip_mention("who meets @briefbot?", "briefbot") == "who meets?"
    assert strip_mention("ask @briefbot_fan", "briefbot") == "ask @briefbot_fan"


def test_the_as_of_line_names_the_stored_version_and_its_date() -> None:
    loaded = datetime(2025, 3, 6, 9, 30, tzinfo=UTC)
    stored = Document(title="T", checksum="0", paragraphs=(), sentences=(), version=3)
    assert render.as_of(replace(stored, loaded_at=loaded)) == (
        "version 3, loaded 6 March 2025, 09:30 UTC"
    )
    assert render.as_of(replace(stored, loaded_at=loaded, published="4 March 2025")) == (
        "published 4 March 2025 · version 3 of 6 March 2025"
    )
