"""Errors, flood control, logging and webhook mode, end to end."""

from __future__ import annotations

import asyncio
import logging
import socket

import aiohttp
import pytest
from conftest import Bot
from fake_bot_api import ALICE, TOKEN, FakeBotApi, serving, watch_updates

from bot.app import APOLOGY, build_application
from bot.config import Settings
from faq.engine import Engine

QUESTION = "Who will chair the Friday meeting?"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def test_handler_error_is_logged_and_user_gets_an_apology(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    bot.fake.fail_next("sendMessage", "Bad Request: something unexpected")

    calls = await bot.send(bot.fake.private_text(ALICE, QUESTION))

    assert [c.text for c in calls][-1] == APOLOGY
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert error.exc_info is not None
    assert bot.updates.outcomes()[-1] == "failed"
    # The bot keeps running.
    [answer] = await bot.send(bot.fake.private_text(ALICE, QUESTION))
    assert "Pistorius" in answer.text


async def test_flood_wait_is_retried(bot: Bot) -> None:
    bot.fake.fail_next("sendMessage", "Too Many Requests: retry after 1", code=429, retry_after=1)

    calls = await bot.send(bot.fake.private_text(ALICE, QUESTION))

    assert [c.method for c in calls] == ["sendMessage", "sendMessage"]
    assert calls[0].injected
    assert "Pistorius" in calls[1].text


async def test_one_log_line_per_update_without_the_question(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    secret_question = "Who will chair the meeting of about 50 nations on Friday?"
    updates = [
        bot.fake.private_text(ALICE, secret_question),
        bot.fake.group_text(ALICE, "just chatting"),
        bot.fake.inline(ALICE, "What is the price of bread?"),
    ]
    for update in updates:
        await bot.send(update)

    records = bot.updates.records[-3:]
    assert [(r.update_kind, r.chat_type, r.outcome) for r in records] == [  # type: ignore[attr-defined]
        ("message", "private", "answered"),
        ("message", "supergroup", "ignored"),
        ("inline_query", "sender", "not_covered"),
    ]
    assert all(r.handling_ms >= 0 for r in records)  # type: ignore[attr-defined]
    assert "ms=" in records[0].getMessage()
    info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not any(secret_question in message for message in info)


async def test_token_never_appears_in_logs(
    fake: FakeBotApi, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "telegram", "aiohttp"):
        caplog.set_level(logging.DEBUG, logger=name)
    fake.fail_next("sendMessage", "Bad Request: something unexpected")
    updates, detach = watch_updates()
    application = build_application(settings, engine)
    try:
        async with serving(application):
            fake.push(fake.private_text(ALICE, QUESTION))
            await updates.wait_for(1)
    finally:
        detach()

    assert "/bot[REDACTED]/getMe" in caplog.text  # httpx logged the URLs, redacted
    assert TOKEN not in caplog.text
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
        assert TOKEN not in (record.exc_text or "")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode_answers_posted_updates(
    fake: FakeBotApi, settings: Settings, engine: Engine
) -> None:
    port, secret = free_port(), "webhook-secret-123"
    url = f"http://127.0.0.1:{port}/briefbot"
    updates, detach = watch_updates()
    application = build_application(settings, engine)
    try:
        async with application:
            await application.updater.start_webhook(  # type: ignore[union-attr]
                listen="127.0.0.1",
                port=port,
                url_path="briefbot",
                webhook_url=url,
                secret_token=secret,
            )
            await application.start()
            update = fake.private_text(ALICE, QUESTION)
            async with aiohttp.ClientSession() as session:
                async with session.post(url, json=update, headers={SECRET_HEADER: "x"}) as wrong:
                    assert wrong.status == 403
                async with session.post(url, json=update, headers={SECRET_HEADER: secret}) as right:
                    assert right.status == 200
            await updates.wait_for(1)
            await application.updater.stop()  # type: ignore[union-attr]
            await application.stop()
    finally:
        detach()

    [hook] = fake.sent("setWebhook")
    assert hook.params["url"] == url
    assert hook.params["secret_token"] == secret
    [answer] = fake.sent("sendMessage")
    assert "Pistorius" in answer.text
    assert fake.rejected == []


async def test_the_running_bot_touches_its_heartbeat(bot: Bot) -> None:
    heartbeat = bot.settings.heartbeat_file
    assert heartbeat is not None
    for _ in range(100):
        if heartbeat.exists():
            break
        await asyncio.sleep(0.05)
    first = heartbeat.stat().st_mtime_ns
    for _ in range(100):
        await asyncio.sleep(0.05)
        if heartbeat.stat().st_mtime_ns != first:
            break
    assert heartbeat.stat().st_mtime_ns != first  # touched again: the loop is alive
