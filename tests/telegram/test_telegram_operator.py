"""Reloading end to end: /reload, an operator's upload, and `briefbot load` from a shell."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import LAKESIDE, Bot
from fake_bot_api import ALICE, OPERATOR, eventually

from faq.engine import Engine
from handlers.operator import NOT_OPERATOR
from store.repository import Repository

COALITION_QUESTION = "Who will chair the Friday meeting?"
LAKESIDE_QUESTION = "When will the observatory open?"


async def upload(bot: Bot, data: bytes, name: str = "lakeside.txt", **kwargs: object) -> list[str]:
    """Send `data` as a document from the operator; return the texts of the replies."""
    calls = await bot.send(bot.fake.document_upload(OPERATOR, data, name, **kwargs))  # type: ignore[arg-type]
    return [c.text for c in calls if c.method == "sendMessage"]


async def still_answers_coalition(bot: Bot) -> bool:
    [call] = await bot.send(bot.fake.private_text(ALICE, COALITION_QUESTION))
    return "Pistorius" in call.text


async def test_operator_upload_loads_the_new_briefing(bot: Bot) -> None:
    [report] = await upload(bot, LAKESIDE.encode())

    assert bot.fake.sent("getFile")
    assert "6 paragraphs" in report
    assert "2 quotes, 2 with a speaker" in report
    assert "New: Priya Natarajan and Owen Blake" in report
    assert "Gone: " in report
    assert "John Healey" in report
    [answer] = await bot.send(bot.fake.private_text(ALICE, LAKESIDE_QUESTION))
    assert "12 June" in answer.text
    assert "Harrow Point" in bot.engine.document.title or "Lakeside" in bot.engine.document.title


async def test_non_operator_upload_is_refused_and_changes_nothing(bot: Bot) -> None:
    title = bot.engine.document.title

    calls = await bot.send(bot.fake.document_upload(ALICE, LAKESIDE.encode(), "lakeside.txt"))

    assert [(c.method, c.text) for c in calls] == [("sendMessage", NOT_OPERATOR)]
    assert bot.engine.document.title == title
    assert await still_answers_coalition(bot)


async def test_non_operator_reload_is_refused(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(ALICE, "/reload"))

    assert call.text == NOT_OPERATOR


async def test_operator_reload_rereads_the_briefing_file(bot: Bot) -> None:
    [call] = await bot.send(bot.fake.private_text(OPERATOR, "/reload"))

    assert call.text.startswith("Loaded <b>")
    assert "Same people as the previous briefing." in call.text


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "briefing.txt", ""),
        ("Le café était fermé. Il a dit « non ».".encode("latin-1"), "briefing.txt", ""),
        (LAKESIDE.encode(), "briefing.pdf", ".txt or .md"),
        (b"", "briefing.txt", "empty"),
    ],
    ids=["binary", "not-utf8", "wrong-extension", "empty"],
)
async def test_bad_upload_gets_one_line_and_keeps_the_facts(
    bot: Bot, data: bytes, name: str, reason: str
) -> None:
    [reply] = await upload(bot, data, name)

    assert "\n" not in reply
    assert reason in reply
    assert not reply.startswith("Loaded")
    assert await still_answers_coalition(bot)


@pytest.mark.settings(max_briefing_bytes=2500)
async def test_too_large_upload_is_refused_before_download(bot: Bot) -> None:
    [reply] = await upload(bot, LAKESIDE.encode() * 6)

    assert "limit is 2,500 bytes" in reply
    assert bot.fake.sent("getFile") == []
    assert await still_answers_coalition(bot)


async def test_briefing_loaded_from_a_shell_is_picked_up(bot: Bot, tmp_path: Path) -> None:
    briefing = tmp_path / "lakeside.txt"
    briefing.write_text(LAKESIDE, encoding="utf-8")
    shell = Repository(bot.settings.database_url)  # what `briefbot load FILE` does
    try:
        await asyncio.to_thread(Engine(shell).load_file, briefing)
    finally:
        shell.close()

    await eventually(lambda: "12 June" in bot.engine.ask(LAKESIDE_QUESTION).answer, 10, "refresh")
    [answer] = await bot.send(bot.fake.private_text(ALICE, LAKESIDE_QUESTION))
    assert "12 June" in answer.text


async def test_non_operator_versions_and_rollback_are_refused(bot: Bot) -> None:
    for command in ("/versions", "/rollback", "/rollback 1"):
        [call] = await bot.send(bot.fake.private_text(ALICE, command))
        assert call.text == NOT_OPERATOR
    assert bot.engine.repository.active_id() == 1


async def test_operator_lists_versions_and_rolls_back(bot: Bot) -> None:
    await upload(bot, LAKESIDE.encode())  # version 2

    [listing] = await bot.send(bot.fake.private_text(OPERATOR, "/versions"))
    lines = listing.text.splitlines()
    assert lines[0] == "<b>2 versions</b>, newest first (▶ active):"
    assert lines[1].startswith("▶ <b>2</b> · Lakeside Council")
    assert lines[2].startswith("• <b>1</b> · The Defence Secretary")
    assert "sentences" in lines[2]

    [back] = await bot.send(bot.fake.private_text(OPERATOR, "/rollback"))
    assert back.text.startswith("Now answering from version 1: <b>The Defence Secretary")
    assert await still_answers_coalition(bot)

    [again] = await bot.send(bot.fake.private_text(OPERATOR, "/rollback 2"))
    assert again.text.startswith("Now answering from version 2: <b>Lakeside")
    [answer] = await bot.send(bot.fake.private_text(ALICE, LAKESIDE_QUESTION))
    assert "12 June" in answer.text
    assert "version 2, loaded " in answer.text.splitlines()[-1]  # the as-of line names it


@pytest.mark.parametrize(
    ("command", "reply"),
    [
        ("/rollback 99", "There is no version 99: /versions lists them. Nothing changed."),
        ("/rollback", "There is no older version: /versions lists them. Nothing changed."),
        ("/rollback latest", "Usage: /rollback [ID]"),
    ],
    ids=["unknown-id", "nothing-older", "not-a-number"],
)
async def test_a_rollback_that_cannot_happen_gets_one_line_and_changes_nothing(
    bot: Bot, command: str, reply: str
) -> None:
    [call] = await bot.send(bot.fake.private_text(OPERATOR, command))

    assert call.text.startswith(reply)
    assert "\n" not in call.text
    assert bot.engine.repository.active_id() == 1
    assert await still_answers_coalition(bot)


async def test_source_and_answers_name_the_version(bot: Bot) -> None:
    [source] = await bot.send(bot.fake.private_text(ALICE, "/source"))
    assert "(version 1)" in source.text
    [answer] = await bot.send(bot.fake.private_text(ALICE, COALITION_QUESTION))
    assert "version 1, loaded " in answer.text.splitlines()[-1]


async def test_a_rollback_from_a_shell_is_picked_up(bot: Bot, tmp_path: Path) -> None:
    await upload(bot, LAKESIDE.encode())
    shell = Repository(bot.settings.database_url)  # what `briefbot activate 1` does
    try:
        await asyncio.to_thread(shell.activate, 1)
    finally:
        shell.close()

    await eventually(lambda: bot.engine.document.version == 1, 10, "refresh")
    assert await still_answers_coalition(bot)


async def test_stats_count_the_questions_answered_and_not(bot: Bot) -> None:
    await bot.send(bot.fake.private_text(ALICE, "Who will chair the Friday meeting?"))
    await bot.send(bot.fake.private_text(ALICE, "What is the capital of France?"))
    await bot.send(bot.fake.private_text(ALICE, "/help"))  # not a question

    [call] = await bot.send(bot.fake.private_text(OPERATOR, "/stats"))

    assert "today (UTC): 2 questions, 1 answered (50%), median " in call.text
    assert " ms" in call.text


async def test_unanswered_lists_what_the_briefing_did_not_answer(bot: Bot) -> None:
    for question in ("What is the capital of France?", "what is the capital of france", "Hi?"):
        await bot.send(bot.fake.private_text(ALICE, question))

    [call] = await bot.send(bot.fake.private_text(OPERATOR, "/unanswered"))

    lines = call.text.splitlines()
    assert lines[1].startswith("1. “What is the capital of France?” — 2×, last ")
    assert lines[2].startswith("2. “Hi?” — 1×")
    assert str(ALICE["id"]) not in call.text  # who asked is never kept


async def test_stats_and_unanswered_are_for_operators_only(bot: Bot) -> None:
    for command in ("/stats", "/unanswered"):
        [call] = await bot.send(bot.fake.private_text(ALICE, command))
        assert call.text == NOT_OPERATOR
