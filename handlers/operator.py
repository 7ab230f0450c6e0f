"""Operators: `/reload` re-reads the briefing file; a text document sent in private replaces it;
`/versions` lists the stored versions and `/rollback [ID]` makes one active again.

Loads and rollbacks run off the event loop. On bad input the engine raises a
`LoadError` (or `VersionNotFound`) whose one-line message goes back to the operator,
and the previous facts stay active.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import PurePath

from telegram import Message, Update

from bot.logs import Outcome, mark
from handlers import BotContext, command_argument, message_of, render, reply
from store import insight
from store.errors import LoadError, StoreUnavailable, VersionNotFound
from store.loader import LoadReport

EXTENSIONS = (".txt", ".md")
NOT_OPERATOR = "Sorry, only this bot's operators can change the briefing."
ROLLBACK_USAGE = "Usage: /rollback [ID]: a version's id from /versions, or none to go back one."


async def reload(update: Update, context: BotContext) -> None:
    """Re-read the briefing file and make it active (operators only)."""
    message = message_of(update)
    if not await _operator_only(update, context, message):
        return
    engine, path = context.engine, context.settings.briefing
    await _load(message, lambda: engine.load_file(path))


async def upload(update: Update, context: BotContext) -> None:
    """Load an operator's text document as the new briefing and report what changed."""
    message = message_of(update)
    if not await _operator_only(update, context, message):
        return
    document = message.document
    if document is None:
        return
    name = document.file_name or "briefing.txt"
    problem = upload_problem(name, document.file_size, context.settings.max_briefing_bytes)
    if problem:
        mark(Outcome.REFUSED)
        await message.reply_html(render.e(problem))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    engine = context.engine
    await _load(message, lambda: engine.load_bytes(data, file_name=name))


async def versions(update: Update, context: BotContext) -> None:
    """List the stored versions of the briefing, the active one marked (operators only)."""
    message = message_of(update)
    if not await _operator_only(update, context, message):
        return
    found = await asyncio.to_thread(context.engine.versions)
    mark(Outcome.HANDLED)
    await message.reply_html(render.versions_message(found))


async def rollback(update: Update, context: BotContext) -> None:
    """Make a stored version active: the one named, or the one before the active one
    (operators only). Other instances on the same store follow within seconds."""
    message = message_of(update)
    if not await _operator_only(update, context, message):
        return
    argument = command_argument(message.text, 20)
    if argument and not argument.isdigit():
        mark(Outcome.REFUSED)
        await message.reply_html(render.e(ROLLBACK_USAGE))
        return
    engine = context.engine
    try:
        version = await asyncio.to_thread(engine.activate, int(argument) if argument else None)
    except VersionNotFound:
        mark(Outcome.REFUSED)
        missing = f"There is no version {argument}" if argument else "There is no older version"
        await message.reply_html(f"{missing}: /versions lists them. Nothing changed.")
        return
    mark(Outcome.HANDLED)
    await message.reply_html(render.rollback_message(version))


async def stats(update: Update, context: BotContext) -> None:
    """Say how many questions every instance handled, the share answered and the median
    handling time, today and since the oldest kept record (operators only)."""
    message = message_of(update)
    if not await _operator_only(update, context, message):
        return
    repository = context.engine.repository
    try:
        await asyncio.to_thread(context.services.insight.flush, repository)
        periods = await asyncio.to_thread(insight.stats, repository)
    except StoreUnavailable as error:
        await _store_down(message, error)
        return
    mark(Outcome.HANDLED)
    await message.reply_html(render.stats_message(periods))


async def unanswered(update: Update, context: BotContext) -> None:
    """List the questions most often abstained on, to add curated answers for (operators
    only). `/unanswered 50` shows up to fifty."""
    message = message_of(update)
    if not await _operator_only(update, context, message):
        return
    argument = command_argument(message.text, 10)
    limit = min(int(argument), MAX_UNANSWERED) if argument.isdigit() else DEFAULT_UNANSWERED
    repository = context.engine.repository
    try:
        await asyncio.to_thread(context.services.insight.flush, repository)
        found = await asyncio.to_thread(insight.unanswered, repository, max(1, limit))
    except StoreUnavailable as error:
        await _store_down(message, error)
        return
    mark(Outcome.HANDLED)
    await reply(message, render.unanswered_messages(found))


DEFAULT_UNANSWERED = 20
MAX_UNANSWERED = 100


async def _store_down(message: Message, error: StoreUnavailable) -> None:
    mark(Outcome.REFUSED)
    await message.reply_html(
        "The statistics live in the store, which cannot be reached just now: "
        + render.e(render.clip(str(error), 300))
    )


async def _operator_only(update: Update, context: BotContext, message: Message) -> bool:
    """Return True for an operator; refuse anyone else politely and return False."""
    if is_operator(update, context):
        return True
    mark(Outcome.REFUSED)
    await message.reply_html(NOT_OPERATOR)
    return False


def is_operator(update: Update, context: BotContext) -> bool:
    """Return True if the update comes from one of the configured operators."""
    user = update.effective_user
    return user is not None and user.id in context.settings.operator_ids


def upload_problem(file_name: str, size: int | None, max_bytes: int) -> str | None:
    """Return why an upload cannot be a briefing (checked before downloading), or None."""
    if PurePath(file_name).suffix.lower() not in EXTENSIONS:
        return "Send the briefing as a UTF-8 text file ending in .txt or .md."
    if size == 0:
        return "That file is empty."
    if size is not None and size > max_bytes:
        return f"That file is {size:,} bytes; the limit is {max_bytes:,} bytes."
    return None


async def _load(message: Message, load: Callable[[], LoadReport]) -> None:
    """Run `load` off the event loop and reply with its report or its one-line error."""
    try:
        report = await asyncio.to_thread(load)
    except LoadError as error:
        mark(Outcome.REFUSED)
        await message.reply_html(render.e(render.clip(str(error), 300)))
        return
    mark(Outcome.HANDLED)
    await message.reply_html(render.load_report(report))
