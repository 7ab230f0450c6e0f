"""Follow-up questions end to end: a private chat's context, replies in groups, expiry."""

from __future__ import annotations

from conftest import Bot
from fake_bot_api import ALICE, BOB

from handlers import SERVICES, Services

MEETING = "Where did the UK and French military chiefs meet Zelensky?"
WHEN = "When was that?"


def services(bot: Bot) -> Services:
    return bot.application.bot_data[SERVICES]  # type: ignore[no-any-return]


async def test_a_private_follow_up_is_answered_from_the_last_answer(bot: Bot) -> None:
    [first] = await bot.send(bot.fake.private_text(ALICE, MEETING))
    assert "Kyiv" in first.text

    [call] = await bot.send(bot.fake.private_text(ALICE, WHEN))

    assert "last weekend" in call.text
    assert call.text.startswith(
        "<i>Taking this as “When did the UK and French military chiefs meet Zelensky?”:</i>\n"
    )
    assert "paragraph" in call.text.splitlines()[-1]


async def test_the_same_follow_up_in_another_chat_has_no_context(bot: Bot) -> None:
    await bot.send(bot.fake.private_text(ALICE, MEETING))

    [call] = await bot.send(bot.fake.private_text(BOB, WHEN))

    assert "does not cover “When was that?”" in call.text
    assert "last weekend" not in call.text


async def test_a_private_context_expires_after_ten_minutes(bot: Bot) -> None:
    memory = services(bot).conversations
    now = [1000.0]
    memory.clock = lambda: now[0]
    await bot.send(bot.fake.private_text(ALICE, MEETING))
    now[0] += 601

    [call] = await bot.send(bot.fake.private_text(ALICE, WHEN))

    assert "does not cover" in call.text


async def test_a_reply_to_an_answer_in_a_group_follows_it_up(bot: Bot) -> None:
    [first] = await bot.send(bot.fake.group_text(ALICE, f"/ask {MEETING}"))
    update = bot.fake.group_text(BOB, WHEN, reply_to=bot.fake.message_of(first))

    [call] = await bot.send(update)

    assert call.reply_to == update["message"]["message_id"]
    assert "last weekend" in call.text


async def test_a_group_ask_without_a_reply_has_no_context(bot: Bot) -> None:
    await bot.send(bot.fake.group_text(ALICE, f"/ask {MEETING}"))

    [call] = await bot.send(bot.fake.group_text(ALICE, f"/ask {WHEN}"))

    assert "does not cover" in call.text


async def test_an_off_topic_follow_up_is_abstained_on(bot: Bot) -> None:
    await bot.send(bot.fake.private_text(ALICE, MEETING))

    [call] = await bot.send(bot.fake.private_text(ALICE, "what did they have for dinner there"))

    assert "does not cover" in call.text
    assert "<i>Taking “they” as the UK and French military chiefs" in call.text


async def test_inline_queries_have_no_context(bot: Bot) -> None:
    await bot.send(bot.fake.private_text(ALICE, MEETING))

    [call] = await bot.send(bot.fake.inline(ALICE, WHEN))

    assert "last weekend" not in str(call.params)
