"""Telegram HTML for answers, quotes, people and load reports, within the 4096-character limit.

Every string that comes from a user or from the article goes through `html.escape`.
Text is built from blocks (paragraphs of valid HTML) and split only between blocks,
so each message is valid HTML on its own; a block that could never fit (a very long
quote) is trimmed before it is wrapped in tags.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from faq.answer import Answer
from store.document import Document, Entity, plural
from store.insight import KEEP_DAYS, Period, Unanswered
from store.loader import LoadReport
from store.repository import Version

MAX_MESSAGE = 4096
MAX_BUTTON_TEXT = 60
MIN_QUOTE_ROOM = 80  # below this, leave a quote out rather than trim it to nothing
MAX_ANSWER_HTML = 1500  # the engine keeps answers far shorter; this only bounds a block
EXPANDABLE_QUOTE = 400  # longer quotes start folded (Telegram's expandable blockquote)
ELLIPSIS = "…"
MAX_VERSIONS = 20  # /versions lists the newest ones


class QuoteLike(Protocol):
    """A direct quote: `faq.answer.QuoteRef` or `store.document.Quote`."""

    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def paragraph(self) -> int: ...


# -- answers -------------------------------------------------------------------


def answer_messages(answer: Answer, document: Document, coverage: str) -> list[str]:
    """Return the messages (each ≤ 4096) that answer a question in a chat."""
    if not answer.answered:
        return [not_covered(answer, document, coverage)]
    blocks = [reading(answer) + fit_escaped(answer.answer, MAX_ANSWER_HTML)]
    blocks += map(blockquote, answer.quotes)
    return paginate([*blocks, footer(document, source_paragraphs(answer))])


def reading(answer: Answer) -> str:
    """Return how a follow-up was understood, as a line before the answer, or ""."""
    return f"<i>{e(clip(answer.reading, 600))}:</i>\n" if answer.reading else ""


def answer_card(answer: Answer, document: Document, coverage: str) -> str:
    """Return one message (≤ 4096) for an inline result, trimming quotes to fit."""
    if not answer.answered:
        return not_covered(answer, document, coverage, suggest=False)
    head = fit_escaped(answer.answer, MAX_ANSWER_HTML)
    tail = footer(document, source_paragraphs(answer))
    quotes: list[str] = []
    room = MAX_MESSAGE - units(head) - units(tail) - 4
    for quote in answer.quotes:
        if room < MIN_QUOTE_ROOM:
            break
        quotes.append(blockquote(quote, limit=room))
        room -= units(quotes[-1]) + 2
    return "\n\n".join([head, *quotes, tail])


def not_covered(answer: Answer, document: Document, coverage: str, *, suggest: bool = True) -> str:
    """Return the reply for a question the briefing does not cover."""
    lines = [
        reading(answer) + f"The briefing does not cover “{e(clip(answer.question, 200))}”.",
        e(clip(coverage, 600)),
    ]
    if suggest and answer.suggestions:
        lines.append("Did you mean…?")
    return "\n".join(lines) + "\n\n" + footer(document)


def footer(document: Document, paragraphs: Sequence[int] = ()) -> str:
    """Return the closing line: the briefing, the paragraphs used and its date."""
    title = f"<b>{e(clip(document.title, 300))}</b>"
    if paragraphs:
        label = "paragraph" if len(paragraphs) == 1 else "paragraphs"
        head = f"Source: {title}, {label} {_and(str(p) for p in paragraphs)}"
    else:
        head = f"Briefing: {title}"
    return f"<i>{head} · {as_of(document)}</i>"


def source_paragraphs(answer: Answer) -> list[int]:
    """Return the paragraphs the answer's sources come from, in order."""
    return sorted({s.paragraph for s in answer.sources})


def as_of(document: Document) -> str:
    """Return when the briefing was published, or else when it was loaded, and which
    stored version it is ("published 4 March 2025 · version 3 of 6 March 2025")."""
    version = f"version {document.version}" if document.version else ""
    if version and document.loaded_at:
        version += f" of {_day(document.loaded_at)}"
    if document.published:
        published = f"published {e(clip(document.published, 100))}"
        return f"{published} · {version}" if version else published
    if document.loaded_at:
        loaded = f"loaded {_when(document.loaded_at)}"
        return f"version {document.version}, {loaded}" if document.version else loaded
    return version or "date unknown"


def blockquote(quote: QuoteLike, *, limit: int = MAX_MESSAGE, where: bool = False) -> str:
    """Return `quote` as a <blockquote> with its speaker, trimmed to `limit` characters."""
    credit = f"— {e(clip(quote.speaker, 100))}" if quote.speaker else "— unattributed"
    if where:
        credit += f", paragraph {quote.paragraph}"
    tag = "blockquote expandable" if len(quote.text) > EXPANDABLE_QUOTE else "blockquote"
    shell = f"<{tag}>“”\n{credit}</blockquote>"
    text = fit_escaped(quote.text, limit - units(shell))
    return f"<{tag}>“{text}”\n{credit}</blockquote>"


def suggestion_label(question: str) -> str:
    """Return the text of a "Did you mean" button."""
    return clip(question, MAX_BUTTON_TEXT)


# -- commands ------------------------------------------------------------------


def quotes_messages(
    quotes: Sequence[QuoteLike], document: Document, speaker: str | None
) -> list[str]:
    """Return the messages listing speaker-attributed quotes."""
    by = f" by {e(clip(speaker, 100))}" if speaker else ""
    if not quotes:
        return [f"No quotes{by} in the briefing.\n\n{footer(document)}"]
    head = f"<b>{len(quotes)} quote{'s' if len(quotes) != 1 else ''}{by}</b>"
    body = (blockquote(q, limit=MAX_MESSAGE // 2, where=True) for q in quotes)
    return paginate([head, *body, footer(document)])


def people_messages(people: Sequence[Entity], document: Document, name: str | None) -> list[str]:
    """Return the messages listing people (and organisations) with their roles."""
    if not people:
        if name:
            return [f"No one called “{e(clip(name, 100))}” in the briefing.\n\n{footer(document)}"]
        return [f"The briefing names no one.\n\n{footer(document)}"]
    messages = paginate((_person(p) for p in people), sep="\n")
    return with_footer(messages, footer(document))


def source_message(document: Document, matching: str = "") -> str:
    """Return a description of the loaded briefing: title, dates, counts and how
    questions are matched (`matching`)."""
    lines = [f"<b>{e(clip(document.title, 300))}</b>"]
    if document.source:
        lines.append(f"Source: {e(clip(document.source, 300))}")
    if document.url:
        lines.append(f"Link: {e(clip(document.url, 1000))}")
    if document.published:
        lines.append(f"Published: {e(clip(document.published, 100))}")
    if document.loaded_at:
        version = f" (version {document.version})" if document.version else ""
        lines.append(f"Loaded: {_when(document.loaded_at)}{version}")
    if document.file_name:
        lines.append(f"File: {e(clip(document.file_name, 300))}")
    lines.append(document.counts())
    if matching:
        lines.append(f"Answering: {e(matching)}")
    return "\n".join(lines)


def load_report(report: LoadReport) -> str:
    """Return the ingestion report an operator gets after a load."""
    lines = [
        f"Loaded <b>{e(clip(report.title, 300))}</b> ({e(report.version_note())})",
        f"{plural(report.paragraphs, 'paragraph')}, {plural(report.sentences, 'sentence')}",
        f"{report.quotes} quotes, {report.quotes_with_speaker} with a speaker",
        f"{len(report.people)} people: {e(clip(_and(report.people) or 'none', 1500))}",
    ]
    if not report.had_previous:
        lines.append("This is the first briefing.")
    elif not report.people_added and not report.people_gone:
        lines.append("Same people as the previous briefing.")
    else:
        if report.people_added:
            lines.append(f"New: {e(clip(_and(report.people_added), 1000))}")
        if report.people_gone:
            lines.append(f"Gone: {e(clip(_and(report.people_gone), 1000))}")
    return "\n".join(lines)


def versions_message(versions: Sequence[Version], limit: int = MAX_VERSIONS) -> str:
    """Return the stored versions, newest first, the active one marked, for /versions."""
    if not versions:
        return "No briefing has been loaded yet."
    lines = [f"<b>{plural(len(versions), 'version')}</b>, newest first (▶ active):"]
    for version in versions[:limit]:
        mark = "▶" if version.active else "•"
        lines.append(
            f"{mark} <b>{version.id}</b> · {e(clip(version.title, 80))} · "
            f"{_when(version.loaded_at)} · {plural(version.sentences, 'sentence')}"
        )
    if len(versions) > limit:
        lines.append(f"… and {plural(len(versions) - limit, 'older version')}.")
    lines.append("/rollback ID makes a version active; /rollback alone goes back one.")
    return "\n".join(lines)


def rollback_message(version: Version) -> str:
    """Return the reply to /rollback: the version now active."""
    return (
        f"Now answering from version {version.id}: <b>{e(clip(version.title, 300))}</b>, "
        f"loaded {_when(version.loaded_at)}."
    )


def stats_message(periods: Sequence[Period]) -> str:
    """Return /stats: questions handled, the share answered and the median time."""
    lines = ["<b>Questions</b>, across every instance:"]
    lines += [f"• {e(period.summary())}" for period in periods]
    lines.append(f"Kept for {KEEP_DAYS} days. /unanswered lists what the briefing did not answer.")
    return "\n".join(lines)


def unanswered_messages(found: Sequence[Unanswered]) -> list[str]:
    """Return /unanswered: the questions most often abstained on, the most asked first."""
    if not found:
        return [f"No unanswered questions in the last {KEEP_DAYS} days."]
    head = (
        "<b>Questions the briefing did not answer</b>, the most asked first (text only, "
        f"kept {KEEP_DAYS} days); add curated answers for the ones that matter:"
    )
    lines = [
        f"{n}. “{e(clip(item.text, 300))}” — {item.count}×, last {_when(item.last_asked)}"
        for n, item in enumerate(found, start=1)
    ]
    return paginate([head, *lines], sep="\n")


# -- building blocks -------------------------------------------------------------


def e(text: str) -> str:
    """Return `text` escaped for Telegram HTML."""
    return html.escape(text, quote=False)


def units(text: str) -> int:
    """Return the length of `text` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` characters, on a word boundary, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + ELLIPSIS


def fit_escaped(text: str, budget: int) -> str:
    """Return `text` escaped and clipped so the escaped form is at most `budget` units."""
    escaped = e(text)
    limit = len(text)
    while units(escaped) > budget and limit > 0:
        limit = max(0, limit - max(units(escaped) - budget, 1))
        escaped = e(clip(text, limit))
    return escaped


def paginate(blocks: Iterable[str], *, sep: str = "\n\n", limit: int = MAX_MESSAGE) -> list[str]:
    """Return `blocks` joined by `sep` into as few messages of ≤ `limit` as fit."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        if units(block) > limit:
            raise ValueError("a block is longer than one message")
        joined = f"{current}{sep}{block}" if current else block
        if units(joined) <= limit:
            current = joined
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def with_footer(messages: list[str], last: str, *, limit: int = MAX_MESSAGE) -> list[str]:
    """Return `messages` with `last` after a blank line, in a new message if it does not fit."""
    if messages and units(messages[-1]) + 2 + units(last) <= limit:
        return [*messages[:-1], f"{messages[-1]}\n\n{last}"]
    return [*messages, last]


def _person(entity: Entity) -> str:
    role = f" — {e(clip(entity.role, 300))}" if entity.role else ""
    return f"• <b>{e(clip(entity.name, 200))}</b>{role}"


def _and(items: Iterable[str]) -> str:
    """Return "a, b and c"."""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _day(moment: datetime) -> str:
    """Return "5 March 2025"."""
    moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%B %Y}"


def _when(moment: datetime) -> str:
    """Return "5 March 2025, 14:02 UTC"."""
    moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"
