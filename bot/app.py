"""The Telegram application: built from `Settings` and an `Engine`, run by polling or webhook.

`build_application` is the routing table: which update goes to which handler.
`run_bot` runs it until SIGINT or SIGTERM. While it runs, a background task asks the
engine every `reload_poll_seconds` whether another process (`briefbot load FILE`)
made a new briefing active.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from pathlib import Path
from typing import Any, TypeAlias
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions, Message, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import logs
from bot.config import Settings
from faq.engine import Engine
from handlers import SERVICES, BotContext, Services, commands, inline, operator, questions, render
from handlers.conversations import ConversationMemory
from handlers.limits import QuestionLimiter
from store.errors import BriefbotError, ConfigError
from store.insight import InsightBuffer
from store.notify import ChangeListener

# The rate limiter makes the bot an ExtBot[int]; there is no job queue (APScheduler is not used).
BriefbotApp: TypeAlias = Application[
    ExtBot[int], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]

log = logging.getLogger(__name__)

# Opt in to PTB's future durations (`RetryAfter.retry_after` as a timedelta): without it,
# every flood wait also raises a deprecation warning inside PTB.
os.environ.setdefault("PTB_TIMEDELTA", "true")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
CONCURRENT_UPDATES = 16  # overlaps Telegram's round trips; more only adds httpx pool churn
FLOOD_RETRIES = 3
REFRESHER = "briefbot.refresher"
LISTENER = "briefbot.listener"
APOLOGY = "Sorry, something went wrong while answering. Please try again."


def build_application(settings: Settings, engine: Engine) -> BriefbotApp:
    """Return the bot's Application: handlers, error handler, flood control, start-up hooks."""
    if not settings.telegram_bot_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather")
    logs.redact(settings.telegram_bot_token)
    insight = InsightBuffer()
    application = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_base_file_url)
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(
            AIORateLimiter(overall_max_rate=settings.messages_per_second, max_retries=FLOOD_RETRIES)
        )
        .concurrent_updates(logs.LoggingUpdateProcessor(CONCURRENT_UPDATES, insight.handled))
        .post_init(_start_background)
        .post_stop(_stop_background)
        .build()
    )
    application.bot_data[SERVICES] = Services(
        settings=settings,
        engine=engine,
        limiter=QuestionLimiter(settings.questions_per_minute),
        suggestions=questions.SuggestionStore(),
        conversations=ConversationMemory(),
        insight=insight,
    )

    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    text = filters.TEXT & ~filters.COMMAND
    application.add_handler(CommandHandler("start", commands.start, filters=new))
    application.add_handler(CommandHandler("help", commands.help_command, filters=new))
    application.add_handler(CommandHandler("ask", questions.ask, filters=new))
    application.add_handler(CommandHandler("quotes", commands.quotes, filters=new))
    application.add_handler(CommandHandler("who", commands.who, filters=new))
    application.add_handler(CommandHandler("source", commands.source, filters=new))
    application.add_handler(CommandHandler("reload", operator.reload, filters=new))
    application.add_handler(CommandHandler("versions", operator.versions, filters=new))
    application.add_handler(CommandHandler("rollback", operator.rollback, filters=new))
    application.add_handler(CommandHandler("stats", operator.stats, filters=new))
    application.add_handler(CommandHandler("unanswered", operator.unanswered, filters=new))
    application.add_handler(MessageHandler(new & private & filters.Document.ALL, operator.upload))
    application.add_handler(MessageHandler(new & private & text, questions.private_text))
    application.add_handler(MessageHandler(new & groups & text, questions.group_text))
    application.add_handler(MessageHandler(new & private & filters.COMMAND, commands.unknown))
    application.add_handler(
        CallbackQueryHandler(questions.suggestion, pattern=questions.CALLBACK_PATTERN)
    )
    application.add_handler(InlineQueryHandler(inline.inline_answer))
    application.add_error_handler(on_error)
    return application


def run_bot(
    settings: Settings,
    engine: Engine,
    *,
    webhook_url: str | None = None,
    listen: str = "0.0.0.0",
    port: int = 8443,
    secret_token: str | None = None,
) -> None:
    """Run the bot until SIGINT or SIGTERM: long polling, or a webhook at `webhook_url`."""
    logs.configure(secret=settings.telegram_bot_token)
    logs.redact(secret_token)
    # a fresh loop: run_polling closes its loop when it ends, and `briefbot run` may retry
    asyncio.set_event_loop(asyncio.new_event_loop())
    application = build_application(settings, engine)
    if webhook_url is None:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return
    application.run_webhook(
        listen=listen,
        port=port,
        url_path=urlsplit(webhook_url).path.lstrip("/"),
        webhook_url=webhook_url,
        secret_token=secret_token,
        allowed_updates=ALLOWED_UPDATES,
    )


async def on_error(update: object, context: BotContext) -> None:
    """Log the error; tell the user in one line (a known problem) or with an apology."""
    error = context.error
    logs.mark(logs.Outcome.FAILED)
    known = isinstance(error, BriefbotError)
    if known:
        log.warning("Could not handle an update: %s", error)
    else:
        log.error("Exception while handling an update", exc_info=error)
    if not isinstance(update, Update):
        return
    note = render.clip(str(error), 200) if known else APOLOGY
    message = update.effective_message
    try:
        if isinstance(message, Message):
            await message.reply_html(render.e(note))
        elif update.callback_query is not None:
            await update.callback_query.answer(note)
    except TelegramError:
        log.warning("Could not tell the user about the error", exc_info=True)


async def refresh_periodically(
    engine: Engine,
    every: float,
    heartbeat: Path | None,
    insight: InsightBuffer | None = None,
    wake: asyncio.Event | None = None,
) -> None:
    """Every `every` seconds, pick up a version that another process made active (a load
    or a rollback), write the questions handled meanwhile (`insight`) to the store, and
    touch the `heartbeat` file so that `briefbot health` knows the bot's loop is alive;
    `wake` cuts the wait short (a NOTIFY from PostgreSQL). While the store cannot be
    reached the bot answers from memory: that is logged in one line when it starts and
    when it ends, and checking goes on."""
    unreachable = False
    while True:
        if heartbeat is not None:
            try:
                await asyncio.to_thread(heartbeat.touch)
            except OSError:
                log.warning("Could not touch the heartbeat file %s", heartbeat)
        await _wait(every, wake)
        try:
            changed = await asyncio.to_thread(engine.refresh)
        except BriefbotError as error:
            if not unreachable:
                log.warning("Cannot check the store, answering from memory meanwhile: %s", error)
            unreachable = True
            continue
        except Exception:
            log.exception("Checking for a new briefing failed; will try again")
            continue
        if unreachable:
            log.warning("The store can be reached again")
            unreachable = False
        if changed:
            log.info("Now answering from a newly loaded briefing")
        if insight is not None:
            await _flush(insight, engine)


async def _wait(seconds: float, wake: asyncio.Event | None) -> None:
    """Sleep `seconds`, or less if `wake` is set meanwhile."""
    if wake is None:
        await asyncio.sleep(seconds)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), seconds)
    wake.clear()


async def _flush(insight: InsightBuffer, engine: Engine) -> None:
    """Write the buffered question counts; a failure keeps them for the next try."""
    try:
        await asyncio.to_thread(insight.flush, engine.repository)
    except Exception:
        log.exception("Writing the question statistics failed; will try again")


async def _start_background(application: BriefbotApp) -> None:
    """Load the active facts, register the command menu and start the refresh task."""
    services: Services = application.bot_data[SERVICES]
    await asyncio.to_thread(services.engine.refresh)
    await application.bot.set_my_commands(commands.COMMANDS)
    wake = asyncio.Event()
    store = services.engine.repository.engine
    if ChangeListener.supported(store):
        loop = asyncio.get_running_loop()

        def changed() -> None:  # called from the listener's thread
            loop.call_soon_threadsafe(wake.set)

        listener = ChangeListener(store, changed)
        listener.start()
        application.bot_data[LISTENER] = listener
    application.bot_data[REFRESHER] = asyncio.create_task(
        refresh_periodically(
            services.engine,
            services.settings.reload_poll_seconds,
            services.settings.heartbeat_file,
            services.insight,
            wake,
        ),
        name="briefbot-refresh",
    )


async def _stop_background(application: BriefbotApp) -> None:
    """Stop listening for new versions, cancel the refresh task and wait for it to end."""
    listener: ChangeListener | None = application.bot_data.pop(LISTENER, None)
    if listener is not None:
        await asyncio.to_thread(listener.stop)
    task: asyncio.Task[None] | None = application.bot_data.pop(REFRESHER, None)
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    services: Services = application.bot_data[SERVICES]
    await _flush(services.insight, services.engine)
