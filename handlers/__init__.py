"""Telegram handlers: one module per family, sharing the typed context defined here.

`bot.app` builds the services once and stores them in `bot_data`; a handler reaches
them through `context.engine`, `context.settings`, and so on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackContext, ExtBot

from bot.config import Settings
from faq.engine import Engine
from handlers.limits import QuestionLimiter
from store.insight import InsightBuffer

if TYPE_CHECKING:
    from handlers.conversations import ConversationMemory
    from handlers.questions import SuggestionStore

SERVICES = "briefbot"


@dataclass(frozen=True)
class Services:
    """What every handler needs: settings, the engine and the per-user state."""

    settings: Settings
    engine: Engine
    limiter: QuestionLimiter
    suggestions: SuggestionStore
    conversations: ConversationMemory
    insight: InsightBuffer


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context, with briefbot's services as typed properties."""

    @property
    def services(self) -> Services:
        return cast(Services, self.bot_data[SERVICES])

    @property
    def engine(self) -> Engine:
        return self.services.engine

    @property
    def settings(self) -> Settings:
        return self.services.settings


def message_of(update: Update) -> Message:
    """Return the update's message (the handler's filters guarantee there is one)."""
    message = update.effective_message
    if message is None:
        raise ValueError(f"update {update.update_id} has no message")
    return message


def command_argument(text: str | None, limit: int | None = None) -> str:
    """Return what follows the command in `text`, whitespace tidied, at most `limit` long."""
    parts = (text or "").split(None, 1)
    argument = " ".join(parts[1].split()) if len(parts) > 1 else ""
    return argument[:limit]


async def reply(
    message: Message, texts: Sequence[str], *, markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Send `texts` in order: the first as a reply in groups, buttons on the last; return
    the messages sent."""
    sent = []
    for n, text in enumerate(texts):
        last = n == len(texts) - 1
        sent.append(
            await message.reply_html(
                text, do_quote=None if n == 0 else False, reply_markup=markup if last else None
            )
        )
    return sent
