"""Inline mode end to end: `@botname question` in any chat."""

from __future__ import annotations

from conftest import Bot
from fake_bot_api import ALICE, parse_html, utf16_len

QUESTION = "What does Healey want to put on Putin?"


async def test_inline_question_returns_answer_and_quote_cards(bot: Bot) -> None:
    answer = bot.engine.ask(QUESTION)

    [call] = await bot.send(bot.fake.inline(ALICE, QUESTION))

    assert call.method == "answerInlineQuery"
    results = call.params["results"]
    assert len(results) == 1 + len(answer.quotes[:3])
    card = results[0]
    assert card["type"] == "article"
    assert answer.answer.startswith(card["title"].rstrip("…").rstrip())
    content = card["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert utf16_len(parse_html(content["message_text"])) <= 4096
    assert "Source:" in content["message_text"]
    assert results[1]["description"] == "— John Healey"


async def test_empty_inline_query_gets_a_hint(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.inline(ALICE, "   "))

    assert call.params["results"] == []
    assert call.params["button"]["start_parameter"] == "inline"


async def test_inline_question_not_covered_gets_one_card(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.inline(ALICE, "What is the price of bread?"))

    [card] = call.params["results"]
    assert card["title"] == "The briefing does not cover this"
    assert "does not cover" in card["input_message_content"]["message_text"]
