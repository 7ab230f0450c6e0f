"""Inline mode: `@botname question` in any chat offers answer and quote cards to send."""

from __future__ import annotations

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode

from bot.logs import Outcome, mark
from faq.answer import Answer
from handlers import BotContext, render
from store.document import Document

CACHE_SECONDS = 30  # short, so a reloaded briefing shows up soon
MAX_QUOTE_CARDS = 3
TITLE_CHARS = 64
DESCRIPTION_CHARS = 160
HINT = InlineQueryResultsButton(text="Type a question about the briefing", start_parameter="inline")


async def inline_answer(update: Update, context: BotContext) -> None:
    """Offer the answer to an inline question, and its quotes, as cards."""
    query = update.inline_query
    if query is None:
        return
    question = " ".join(query.query.split())
    if not question or len(question) > context.settings.max_question_chars:
        mark(Outcome.REFUSED)
        await query.answer([], cache_time=CACHE_SECONDS, button=HINT)
        return
    engine = context.engine
    answer = await engine.answer(question)
    results = cards(answer, engine.document, engine.coverage())
    mark(Outcome.ANSWERED if answer.answered else Outcome.NOT_COVERED)
    await query.answer(results, cache_time=CACHE_SECONDS)


def cards(answer: Answer, document: Document, coverage: str) -> list[InlineQueryResultArticle]:
    """Return the answer card and one card per quote, or one "not covered" card."""
    message = render.answer_card(answer, document, coverage)
    if not answer.answered:
        return [
            _article(
                "not-covered",
                "The briefing does not cover this",
                coverage,
                message,
            )
        ]
    paragraphs = render.source_paragraphs(answer)
    where = f"paragraph {', '.join(map(str, paragraphs))} · " if paragraphs else ""
    results = [_article("answer", answer.answer, f"{where}{document.title}", message)]
    for n, quote in enumerate(answer.quotes[:MAX_QUOTE_CARDS], start=1):
        tail = render.footer(document, [quote.paragraph])
        room = render.MAX_MESSAGE - render.units(tail) - 2
        text = f"{render.blockquote(quote, limit=room)}\n\n{tail}"
        results.append(
            _article(f"quote-{n}", f"“{quote.text}”", f"— {quote.speaker or 'unattributed'}", text)
        )
    return results


def _article(result_id: str, title: str, description: str, html: str) -> InlineQueryResultArticle:
    """Return a card: plain-text title and description, an HTML message when chosen."""
    return InlineQueryResultArticle(
        id=result_id,
        title=render.clip(title, TITLE_CHARS),
        description=render.clip(description, DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(html, parse_mode=ParseMode.HTML),
    )
