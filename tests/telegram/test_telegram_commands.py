"""Commands end to end: the command menu, /start, /help, /quotes, /who, /source."""

from __future__ import annotations

from conftest import Bot
from fake_bot_api import ALICE, BOT_USERNAME, GROUP


async def test_commands_are_registered_on_start(bot: Bot) -> None:
    [call] = bot.fake.sent("setMyCommands")

    names = [c["command"] for c in call.params["commands"]]
    assert names == [
        "start",
        "help",
        "ask",
        "quotes",
        "who",
        "source",
        "reload",
        "versions",
        "rollback",
        "stats",
        "unanswered",
    ]


async def test_start_says_what_the_briefing_covers(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/start"))

    assert call.parse_mode == "HTML"
    assert "John Healey" in call.text
    assert call.text.splitlines()[-1].startswith("<i>Briefing: ")


async def test_help_lists_commands_and_ways_to_ask(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/help"))

    for command in ("/ask", "/quotes", "/who", "/source", "/reload"):
        assert command in call.text
    assert f"@{BOT_USERNAME}" in call.text
    assert "Follow up on an answer" in call.text


async def test_quotes_lists_attributed_quotes(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/quotes"))

    quotes = bot.engine.quotes()
    assert call.text.count("<blockquote") == len(quotes)
    assert "— John Healey, paragraph" in call.text


async def test_quotes_filters_by_speaker(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/quotes Healey"))

    assert call.text.count("<blockquote") == len(bot.engine.quotes("Healey"))
    assert "by Healey" in call.text


async def test_quotes_by_someone_silent(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/quotes Zelensky"))

    assert call.text.startswith("No quotes by Zelensky")


async def test_who_without_name_lists_everyone(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/who"))

    for entity in bot.engine.who():
        assert entity.name in call.text


async def test_who_gives_a_role(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/who Pistorius"))

    assert "<b>Boris Pistorius</b>" in call.text
    assert "German defence minister" in call.text


async def test_who_unknown_name(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/who <Nobody> & co"))

    assert call.text.startswith("No one called “&lt;Nobody&gt; &amp; co”")


async def test_source_describes_the_loaded_briefing(bot: Bot) -> None:
    document = bot.engine.document

    [call] = await bot.send(bot.fake.private_text(ALICE, "/source"))

    assert "Loaded:" in call.text
    assert f"{len(document.paragraphs)} paragraphs" in call.text
    assert f"{len(document.quotes)} quotes" in call.text
    assert "Answering: semantic (multilingual-e5-small" in call.text


async def test_source_says_when_answers_are_only_lexical(bot: Bot) -> None:
    bot.engine.embedder = None  # as when the model cannot be loaded

    [call] = await bot.send(bot.fake.private_text(ALICE, "/source"))

    assert "Answering: lexical only" in call.text


async def test_commands_in_groups_reply_to_the_command(bot: Bot) -> None:
    update = bot.fake.group_text(ALICE, f"/who@{BOT_USERNAME} Healey")

    [call] = await bot.send(update)

    assert call.chat_id == GROUP["id"]
    assert call.reply_to == update["message"]["message_id"]


async def test_unknown_command_in_private_points_to_help(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/frobnicate"))

    assert "/help" in call.text


async def test_unknown_command_in_a_group_is_ignored(bot: Bot) -> None:
    assert await bot.send(bot.fake.group_text(ALICE, "/frobnicate")) == []
