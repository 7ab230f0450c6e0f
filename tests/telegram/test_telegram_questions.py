"""Questions end to end: private chats, groups, "Did you mean" buttons, limits."""

from __future__ import annotations

import pytest
from conftest import Bot
from fake_bot_api import ALICE, BOB, BOT_USERNAME, GROUP

from handlers import SERVICES, Services
from handlers.questions import EXPIRED, USAGE

QUESTION = "Who will chair the Friday meeting?"
OFF_TOPIC = "What is Healey's favourite colour?"  # not covered, but names someone who is


def services(bot: Bot) -> Services:
    return bot.application.bot_data[SERVICES]  # type: ignore[no-any-return]


async def test_private_question_gets_sourced_html_answer(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, QUESTION))

    assert call.method == "sendMessage"
    assert call.chat_id == ALICE["id"]
    assert call.parse_mode == "HTML"
    assert call.reply_to is None
    assert "Boris Pistorius" in call.text
    title = bot.engine.document.title
    last_line = call.text.splitlines()[-1]
    assert last_line.startswith("<i>Source: <b>")
    assert "paragraph 10" in last_line
    assert title in last_line
    assert "loaded" in last_line or "published" in last_line


async def test_answer_quotes_the_speaker_in_a_blockquote(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "What does Healey want to put on Putin?"))

    assert "<blockquote" in call.text
    assert "— John Healey</blockquote>" in call.text


async def test_user_text_is_escaped(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "Is <b>bread</b> & <i>jam cheap?"))

    assert "&lt;b&gt;bread&lt;/b&gt; &amp; &lt;i&gt;jam" in call.text


async def test_not_covered_says_what_is_covered_and_offers_near_questions(bot: Bot) -> None:
    expected = bot.engine.ask(OFF_TOPIC)
    assert not expected.answered
    assert expected.suggestions, "the engine should have a near question to offer"

    [call] = await bot.send(bot.fake.private_text(ALICE, OFF_TOPIC))

    assert "does not cover" in call.text
    assert bot.engine.coverage().split(",")[0][:40] in call.text
    assert "Did you mean" in call.text
    assert [b["text"] for b in call.buttons] == list(expected.suggestions[:3])
    assert all(len(b["callback_data"].encode()) <= 64 for b in call.buttons)
    assert call.text.splitlines()[-1].startswith("<i>Briefing: <b>")


async def test_a_question_naming_nothing_in_the_briefing_gets_no_suggestions(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "What is the capital of France?"))

    assert "does not cover" in call.text
    assert "Did you mean" not in call.text
    assert call.buttons == []


async def test_pressing_a_suggestion_answers_it(bot: Bot) -> None:
    [offer] = await bot.send(bot.fake.private_text(ALICE, OFF_TOPIC))
    button = offer.buttons[0]
    message = bot.fake.message_of(offer)

    calls = await bot.send(bot.fake.callback(ALICE, message, button["callback_data"]))

    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    expected = bot.engine.ask(button["text"])
    assert calls[1].chat_id == ALICE["id"]
    assert expected.answer[:30] in calls[1].text.replace("&#x27;", "'")


async def test_long_suggestions_are_kept_server_side(bot: Bot) -> None:
    question = (
        "Who will chair the meeting of about fifty nations in the Ukraine Defence Contact Group?"
    )
    data = services(bot).suggestions.data_for(question)
    assert len(data.encode()) <= 64
    [offer] = await bot.send(bot.fake.private_text(ALICE, OFF_TOPIC))

    calls = await bot.send(bot.fake.callback(ALICE, bot.fake.message_of(offer), data))

    assert "Pistorius" in calls[-1].text


async def test_expired_suggestion_is_explained(bot: Bot) -> None:
    [offer] = await bot.send(bot.fake.private_text(ALICE, OFF_TOPIC))

    calls = await bot.send(bot.fake.callback(ALICE, bot.fake.message_of(offer), "sug:ffff"))

    assert [(c.method, c.params.get("text")) for c in calls] == [("answerCallbackQuery", EXPIRED)]


async def test_group_ask_command_replies_to_the_question(bot: Bot) -> None:
    update = bot.fake.group_text(ALICE, f"/ask@{BOT_USERNAME} {QUESTION}")

    [call] = await bot.send(update)

    assert call.chat_id == GROUP["id"]
    assert call.reply_to == update["message"]["message_id"]
    assert "Pistorius" in call.text


async def test_group_ask_without_question_gets_usage(bot: Bot) -> None:
    update = bot.fake.group_text(ALICE, "/ask")

    [call] = await bot.send(update)

    assert call.text == USAGE
    assert call.reply_to == update["message"]["message_id"]


async def test_group_ask_for_another_bot_is_ignored(bot: Bot) -> None:
    assert await bot.send(bot.fake.group_text(ALICE, f"/ask@other_bot {QUESTION}")) == []


async def test_group_mention_is_a_question(bot: Bot) -> None:
    update = bot.fake.group_text(ALICE, f"@{BOT_USERNAME}, what is Boris Pistorius's job?")

    [call] = await bot.send(update)

    assert call.reply_to == update["message"]["message_id"]
    assert "German defence minister" in call.text
    assert BOT_USERNAME not in call.text


async def test_group_chatter_gets_no_reply(bot: Bot) -> None:
    update = bot.fake.group_text(BOB, "Lovely weather today, who fancies lunch?")

    assert await bot.send(update) == []
    record = bot.updates.handled(update["update_id"])
    assert record is not None
    assert record.outcome == "ignored"  # type: ignore[attr-defined]


async def test_reply_to_the_bot_is_a_question(bot: Bot) -> None:
    [first] = await bot.send(bot.fake.group_text(ALICE, f"/ask {QUESTION}"))
    update = bot.fake.group_text(
        BOB, "What is Boris Pistorius's job?", reply_to=bot.fake.message_of(first)
    )

    [call] = await bot.send(update)

    assert call.reply_to == update["message"]["message_id"]
    assert "German defence minister" in call.text


async def test_reply_to_someone_else_is_ignored(bot: Bot) -> None:
    chatter = bot.fake.group_text(ALICE, "Anyone read the briefing?")
    await bot.send(chatter)

    assert await bot.send(bot.fake.group_text(BOB, "Not yet", reply_to=chatter["message"])) == []


@pytest.mark.settings(max_question_chars=50)
async def test_overlong_question_gets_a_clear_reply(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "Why " + "really " * 20 + "?"))

    assert "at most 50 characters" in call.text
    assert "does not cover" not in call.text


@pytest.mark.settings(questions_per_minute=3)
async def test_question_limit_notes_once_then_stays_silent(bot: Bot) -> None:
    replies = [await bot.send(bot.fake.private_text(ALICE, QUESTION)) for _ in range(6)]

    assert [len(r) for r in replies] == [1, 1, 1, 1, 0, 0]
    assert "3 questions a minute" in replies[3][0].text
    assert bot.updates.outcomes()[-3:] == ["limited"] * 3
    # Other users are not affected.
    assert len(await bot.send(bot.fake.private_text(BOB, QUESTION))) == 1


@pytest.mark.empty_store
async def test_empty_store_is_explained(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, QUESTION))

    assert "No briefing is loaded" in call.text
