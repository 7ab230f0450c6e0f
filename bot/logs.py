"""Logging for the bot: one structured line per handled update, and never the bot token.

The line reads `update id=17 kind=message chat=private outcome=answered ms=1.8`; the
same figures ride on the record as `extra` attributes (`update_id`, `update_kind`,
`chat_type`, `outcome`, `handling_ms`) for anything that reads records rather than text. Question
text is never logged at INFO.
"""

from __future__ import annotations

import enum
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import SimpleUpdateProcessor

UPDATES = logging.getLogger("briefbot.updates")
REDACTED = "[REDACTED]"
QUIET_LOGGERS = ("httpx", "httpcore")


class Outcome(enum.Enum):
    """How the bot dealt with one update."""

    IGNORED = "ignored"  # no handler wanted it (e.g. group chatter)
    HANDLED = "handled"  # a command, button or upload that is not a question
    ANSWERED = "answered"
    NOT_COVERED = "not_covered"
    REFUSED = "refused"  # too long, no question, not an operator, bad upload
    LIMITED = "limited"  # over the per-user question limit
    FAILED = "failed"  # a handler raised


_QUESTIONS = (Outcome.ANSWERED, Outcome.NOT_COVERED)


@dataclass
class _Handling:
    outcome: Outcome = Outcome.IGNORED


_CURRENT: ContextVar[_Handling | None] = ContextVar("briefbot_update", default=None)


def mark(outcome: Outcome) -> None:
    """Record how the update being handled ended (for its log line)."""
    handling = _CURRENT.get()
    if handling is not None:
        handling.outcome = outcome


class LoggingUpdateProcessor(SimpleUpdateProcessor):
    """Process updates like PTB's default, timing each and logging one line about it;
    `on_question(answered, ms)` hears of every question answered or abstained on."""

    def __init__(
        self,
        max_concurrent_updates: int,
        on_question: Callable[[bool, float], None] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self.on_question = on_question

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Await the update's handlers, then log kind, chat type, outcome and time."""
        handling = _Handling()
        token = _CURRENT.set(handling)
        started = time.perf_counter()
        try:
            await coroutine
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            _CURRENT.reset(token)
            _log_update(update, handling.outcome, elapsed_ms)
            if self.on_question is not None and handling.outcome in _QUESTIONS:
                self.on_question(handling.outcome is Outcome.ANSWERED, elapsed_ms)


def _log_update(update: object, outcome: Outcome, elapsed_ms: float) -> None:
    kind, chat_type = describe(update)
    update_id = update.update_id if isinstance(update, Update) else 0
    UPDATES.info(
        "update id=%d kind=%s chat=%s outcome=%s ms=%.1f",
        update_id,
        kind,
        chat_type,
        outcome.value,
        elapsed_ms,
        extra={
            "update_id": update_id,
            "update_kind": kind,
            "chat_type": chat_type,
            "outcome": outcome.value,
            "handling_ms": elapsed_ms,
        },
    )


def describe(update: object) -> tuple[str, str]:
    """Return the update's kind (message, callback_query, …) and chat type."""
    if not isinstance(update, Update):
        return type(update).__name__, "-"
    kind = next((str(k) for k in Update.ALL_TYPES if getattr(update, k) is not None), "unknown")
    if update.inline_query is not None:
        return kind, str(update.inline_query.chat_type or "-")
    chat = update.effective_chat
    return kind, str(chat.type) if chat else "-"


class RedactSecrets(logging.Filter):
    """Replace every known secret (the bot token) in a record with "[REDACTED]"."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format: let the handler report it
            return True
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True

    def redact(self, text: str) -> str:
        """Return `text` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text


_REDACTOR = RedactSecrets()


def redact(secret: str | None) -> None:
    """Hide `secret` from everything the root logger's handlers write from now on."""
    if not secret:
        return
    _REDACTOR.secrets.add(secret)
    for handler in logging.getLogger().handlers:
        if _REDACTOR not in handler.filters:
            handler.addFilter(_REDACTOR)


def configure(level: int = logging.INFO, *, secret: str | None = None) -> None:
    """Log to stderr at `level`, quieten httpx (its URLs hold the token) and redact `secret`;
    a failed start-up's network traceback is left out (`briefbot run` says it in one line)."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, _StartupNetworkFilter) for f in handler.filters):
            handler.addFilter(_StartupNetworkFilter())
    redact(secret)


class _StartupNetworkFilter(logging.Filter):
    """Drop python-telegram-bot's record of a failed bootstrap (its traceback runs to 200
    lines); the command line reports the failure itself, in one line per attempt."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("telegram.ext") and "Bootstrap" in record.getMessage())
