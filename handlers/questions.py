"""Questions: private messages, `/ask`, mentions and replies in groups, "Did you mean" buttons."""

from __future__ import annotations

import functools
import itertools
import re
from collections import OrderedDict

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User

from bot.logs import Outcome, mark
from faq.answer import Answer
from faq.conversation import Context
from handlers import BotContext, command_argument, message_of, render, reply
from handlers.limits import Verdict

MAX_CALLBACK_DATA = 64
MAX_SUGGESTIONS = 3
ASK_PREFIX = "ask:"  # the question itself is the callback data
KEY_PREFIX = "sug:"  # the question is held here, under a short key
CALLBACK_PATTERN = rf"^({ASK_PREFIX}|{KEY_PREFIX})"
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[?!.,;:])")

USAGE = "Ask me about the briefing: <code>/ask who is hosting the meeting?</code>"
EXPIRED = "That suggestion has expired: please ask the question again."


class SuggestionStore:
    """Turns "Did you mean" questions into callback data of at most 64 bytes, and back."""

    def __init__(self, capacity: int = 4096) -> None:
        self.capacity = capacity
        self._questions: OrderedDict[str, str] = OrderedDict()
        self._keys = itertools.count(1)

    def data_for(self, question: str) -> str:
        """Return callback data naming `question`: itself if short enough, else a key."""
        direct = ASK_PREFIX + question
        if len(direct.encode()) <= MAX_CALLBACK_DATA:
            return direct
        key = format(next(self._keys), "x")
        self._questions[key] = question
        while len(self._questions) > self.capacity:
            self._questions.popitem(last=False)
        return KEY_PREFIX + key

    def question_for(self, data: str) -> str | None:
        """Return the question behind callback `data`, or None once it has been forgotten."""
        if data.startswith(ASK_PREFIX):
            return data.removeprefix(ASK_PREFIX)
        return self._questions.get(data.removeprefix(KEY_PREFIX))


async def private_text(update: Update, context: BotContext) -> None:
    """Answer any text in a private chat as a question."""
    message = message_of(update)
    question = strip_mention(message.text or "", context.bot.username)
    await answer_question(
        message, update.effective_user, question, context, follows=conversation(message, context)
    )


async def ask(update: Update, context: BotContext) -> None:
    """Answer `/ask <question>`; without a question, say how to ask."""
    message = message_of(update)
    question = strip_mention(command_argument(message.text), context.bot.username)
    await answer_question(
        message, update.effective_user, question, context, follows=conversation(message, context)
    )


async def group_text(update: Update, context: BotContext) -> None:
    """Answer a group message that mentions the bot or replies to it; ignore the rest."""
    message = message_of(update)
    if not addresses_bot(message, context.bot.id, context.bot.username):
        return
    question = strip_mention(message.text or "", context.bot.username)
    await answer_question(
        message, update.effective_user, question, context, follows=conversation(message, context)
    )


def conversation(message: Message, context: BotContext) -> Context | None:
    """Return the context a question follows on from: the bot's answer it replies to, or
    else, in a private chat, the bot's last answer there (if recent)."""
    memory = context.services.conversations
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == context.bot.id
    ):
        return memory.for_answer(message.chat_id, replied.message_id)
    if message.chat.type == message.chat.PRIVATE:
        return memory.for_chat(message.chat_id)
    return None


async def suggestion(update: Update, context: BotContext) -> None:
    """Answer the question on a pressed "Did you mean" button."""
    query = update.callback_query
    if query is None:
        return
    question = context.services.suggestions.question_for(query.data or "")
    if question is None or not isinstance(query.message, Message):
        mark(Outcome.REFUSED)
        await query.answer(EXPIRED)
        return
    await query.answer()
    await answer_question(query.message, query.from_user, question, context)


async def answer_question(
    message: Message,
    user: User | None,
    question: str,
    context: BotContext,
    *,
    follows: Context | None = None,
) -> None:
    """Reply to `message` with the answer to `question`, read as a follow-up to `follows`
    when given, within the user's limits."""
    settings = context.settings
    if not question:
        mark(Outcome.REFUSED)
        await message.reply_html(USAGE)
        return
    verdict = context.services.limiter.check(user.id) if user else Verdict.ALLOW
    if verdict is not Verdict.ALLOW:
        mark(Outcome.LIMITED)
        if verdict is Verdict.NOTE:
            await message.reply_html(limit_note(settings.questions_per_minute))
        return
    if len(question) > settings.max_question_chars:
        mark(Outcome.REFUSED)
        await message.reply_html(too_long(len(question), settings.max_question_chars))
        return
    engine = context.engine
    answer = await engine.answer(question, follows)
    texts = render.answer_messages(answer, engine.document, engine.coverage())
    mark(Outcome.ANSWERED if answer.answered else Outcome.NOT_COVERED)
    if not answer.answered:
        context.services.insight.unanswered(question)
    sent = await reply(
        message, texts, markup=suggestion_buttons(answer, context.services.suggestions)
    )
    if answer.context is not None:
        context.services.conversations.remember(
            message.chat_id,
            (m.message_id for m in sent),
            answer.context,
            private=message.chat.type == message.chat.PRIVATE,
        )


def suggestion_buttons(answer: Answer, store: SuggestionStore) -> InlineKeyboardMarkup | None:
    """Return one "Did you mean" button per near question, or None when answered."""
    if answer.answered or not answer.suggestions:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(render.suggestion_label(s), callback_data=store.data_for(s))]
            for s in answer.suggestions[:MAX_SUGGESTIONS]
        ]
    )


def addresses_bot(message: Message, bot_id: int, username: str) -> bool:
    """Return True if `message` replies to the bot or mentions it by @username."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    return _mention(username).search(message.text or "") is not None


def strip_mention(text: str, username: str) -> str:
    """Return `text` without "@username" and the punctuation that addressed it."""
    text = " ".join(_mention(username).sub(" ", text).split())
    return _SPACE_BEFORE_PUNCTUATION.sub("", text).lstrip(",:;- ")


def limit_note(per_minute: int) -> str:
    """Return the one note a user gets on passing the question limit."""
    return (
        f"You're asking faster than I can answer: up to {per_minute} questions a minute. "
        "Please wait a moment."
    )


def too_long(length: int, limit: int) -> str:
    """Return the reply to a question over the length limit."""
    return f"That question is {length} characters long; please ask in at most {limit} characters."


@functools.lru_cache(maxsize=8)
def _mention(username: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@])@{re.escape(username)}\b", re.IGNORECASE)
