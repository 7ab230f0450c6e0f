"""Commands: /start, /help, /quotes [name], /who [name] and /source."""

from __future__ import annotations

from telegram import BotCommand, Update

from bot.logs import Outcome, mark
from handlers import BotContext, command_argument, message_of, render, reply

COMMANDS = (
    BotCommand("start", "What this bot does"),
    BotCommand("help", "How to ask, in private, in groups and inline"),
    BotCommand("ask", "Ask a question about the briefing"),
    BotCommand("quotes", "Direct quotes, optionally by one speaker: /quotes Healey"),
    BotCommand("who", "People in the briefing and their roles: /who Healey"),
    BotCommand("source", "The loaded briefing: title, date and counts"),
    BotCommand("reload", "Operators: reload the briefing"),
    BotCommand("versions", "Operators: the stored versions of the briefing"),
    BotCommand("rollback", "Operators: go back to an earlier version: /rollback 3"),
    BotCommand("stats", "Operators: questions handled, share answered, median time"),
    BotCommand("unanswered", "Operators: the questions the briefing did not answer"),
)


async def start(update: Update, context: BotContext) -> None:
    """Say what the bot does and what the briefing covers."""
    engine = context.engine
    document, coverage = engine.document, engine.coverage()
    mark(Outcome.HANDLED)
    await message_of(update).reply_html(
        "I answer questions about one news briefing, with the article's own quotes "
        "and where each answer comes from.\n"
        f"{render.e(render.clip(coverage, 600))}\n"
        "Just send me a question, or see /help.\n\n" + render.footer(document)
    )


async def help_command(update: Update, context: BotContext) -> None:
    """List the commands and the ways to ask."""
    username = render.e(context.bot.username)
    mark(Outcome.HANDLED)
    await message_of(update).reply_html(
        "<b>Asking</b>\n"
        "• In a private chat, send any question.\n"
        f"• In a group, use <code>/ask your question</code>, mention @{username}, "
        "or reply to one of my messages.\n"
        f"• In any chat, type <code>@{username} your question</code> to share an answer.\n"
        "• Follow up on an answer (“What did she say about it?”, “And Kyiv?”): in a group, "
        "reply to my answer.\n\n"
        "<b>Commands</b>\n"
        + "\n".join(f"/{c.command} — {render.e(c.description)}" for c in COMMANDS)
    )


async def quotes(update: Update, context: BotContext) -> None:
    """List the speaker-attributed quotes, optionally only one speaker's."""
    message = message_of(update)
    speaker = command_argument(message.text, context.settings.max_question_chars) or None
    found = context.engine.quotes(speaker)
    mark(Outcome.HANDLED)
    await reply(message, render.quotes_messages(found, context.engine.document, speaker))


async def who(update: Update, context: BotContext) -> None:
    """List the people matching a name, or everyone, with their roles."""
    message = message_of(update)
    name = command_argument(message.text, context.settings.max_question_chars) or None
    people = context.engine.who(name)
    mark(Outcome.HANDLED)
    await reply(message, render.people_messages(people, context.engine.document, name))


async def unknown(update: Update, context: BotContext) -> None:
    """Point to /help when a private chat sends a command the bot does not know."""
    mark(Outcome.REFUSED)
    await message_of(update).reply_html("I don't know that command: see /help.")


async def source(update: Update, context: BotContext) -> None:
    """Describe the loaded briefing: title, when it was loaded and what it holds."""
    mark(Outcome.HANDLED)
    engine = context.engine
    await message_of(update).reply_html(render.source_message(engine.document, engine.matching))
