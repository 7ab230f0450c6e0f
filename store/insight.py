"""Operator insight, kept in the store so every instance shares it: how many questions the
bot handled, how many it answered and how fast, and the questions it abstained on.

Only a question's text is kept for `unanswered` (never who asked), and only for
`KEEP_DAYS`. Instances buffer what happens in memory and write it in one transaction
every few seconds (`InsightBuffer.flush`), so answering never waits for the store; while
the store is down the buffer keeps a bounded backlog and writes it once it is back.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Integer, cast, delete, func, select

from store.document import plural
from store.errors import StoreUnavailable
from store.models import HandledRow, UnansweredRow
from store.repository import Repository
from store.text import fold

KEEP_DAYS = 30
MAX_UNANSWERED = 1000  # distinct questions kept; the least recently asked go first
MAX_QUESTION_CHARS = 500
MAX_BACKLOG = 10_000  # events held in memory while the store is unreachable


@dataclass(frozen=True)
class Handled:
    """One question the bot handled: when, whether it answered, how long it took."""

    at: datetime
    answered: bool
    ms: float


@dataclass(frozen=True)
class Period:
    """The questions handled in one period."""

    label: str
    questions: int
    answered: int
    median_ms: float | None

    @property
    def share_answered(self) -> float:
        return self.answered / self.questions if self.questions else 0.0

    def summary(self) -> str:
        """Return the period as one line of plain text: "today (UTC): 12 questions, …"."""
        if not self.questions:
            return f"{self.label}: no questions"
        median = f"{self.median_ms:.0f} ms" if self.median_ms is not None else "n/a"
        return (
            f"{self.label}: {plural(self.questions, 'question')}, {self.answered} answered "
            f"({self.share_answered:.0%}), median {median}"
        )


@dataclass(frozen=True)
class Unanswered:
    """A question the bot abstained on, how often it was asked, and when last."""

    text: str
    count: int
    last_asked: datetime


class InsightBuffer:
    """What this instance handled since its last flush; safe to use from any thread."""

    def __init__(self, *, backlog: int = MAX_BACKLOG) -> None:
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._handled: deque[Handled] = deque(maxlen=backlog)
        self._unanswered: deque[tuple[str, datetime]] = deque(maxlen=backlog)

    def handled(self, answered: bool, ms: float) -> None:
        with self._lock:
            self._handled.append(Handled(datetime.now(UTC), answered, ms))

    def unanswered(self, question: str) -> None:
        with self._lock:
            self._unanswered.append((question, datetime.now(UTC)))

    def flush(self, repository: Repository, *, keep_days: int = KEEP_DAYS) -> bool:
        """Write what was buffered; on a store failure keep it for the next flush and
        return False. Flushes run one at a time, so once one returns, everything buffered
        before it was called is in the store (the refresh loop may be writing it)."""
        with self._flushing:
            with self._lock:
                handled, unanswered = list(self._handled), list(self._unanswered)
                self._handled.clear()
                self._unanswered.clear()
            if not handled and not unanswered:
                return True
            try:
                record(repository, handled, unanswered, keep_days=keep_days)
            except StoreUnavailable:
                with self._lock:  # older events first, newer ones kept if the backlog is full
                    self._handled.extendleft(reversed(handled))
                    self._unanswered.extendleft(reversed(unanswered))
                return False
            return True


def record(
    repository: Repository,
    handled: list[Handled],
    unanswered: list[tuple[str, datetime]],
    *,
    keep_days: int = KEEP_DAYS,
) -> None:
    """Store handled questions and abstentions, and forget what is older than `keep_days`."""
    cutoff = datetime.now(UTC) - timedelta(days=keep_days)
    with repository.writing() as session:
        session.add_all(HandledRow(at=h.at, answered=h.answered, ms=h.ms) for h in handled)
        counts: dict[str, tuple[str, int, datetime]] = {}
        for text, at in unanswered:
            key = question_key(text)
            if key:
                first, count, last = counts.get(key, (text, 0, at))
                counts[key] = (first, count + 1, max(last, at))
        for key, (text, count, at) in counts.items():
            row = session.scalars(select(UnansweredRow).where(UnansweredRow.key == key)).first()
            if row is None:
                session.add(
                    UnansweredRow(
                        key=key, text=text[:MAX_QUESTION_CHARS], count=count, last_asked=at
                    )
                )
            else:
                row.count += count
                row.last_asked = max(_aware(row.last_asked), at)
        session.flush()
        session.execute(delete(HandledRow).where(HandledRow.at < cutoff))
        session.execute(delete(UnansweredRow).where(UnansweredRow.last_asked < cutoff))
        stale = session.scalars(
            select(UnansweredRow.id)
            .order_by(UnansweredRow.last_asked.desc(), UnansweredRow.id.desc())
            .offset(MAX_UNANSWERED)
        ).all()
        if stale:
            session.execute(delete(UnansweredRow).where(UnansweredRow.id.in_(stale)))


def stats(repository: Repository, now: datetime | None = None) -> list[Period]:
    """Return today's figures (UTC) and those since the oldest kept record."""
    now = now or datetime.now(UTC)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    with repository.reading() as session:
        first = session.scalar(select(func.min(HandledRow.at)))
        periods = [("today (UTC)", midnight)]
        since = _aware(first) if first is not None else midnight
        periods.append((f"since {since:%Y-%m-%d %H:%M} UTC", since))
        found = []
        for label, start in periods:
            where = HandledRow.at >= start
            questions, answered = session.execute(
                select(func.count(), func.coalesce(func.sum(cast(HandledRow.answered, Integer)), 0))
                .select_from(HandledRow)
                .where(where)
            ).one()
            median = None
            if questions:
                median = session.scalar(
                    select(HandledRow.ms)
                    .where(where)
                    .order_by(HandledRow.ms)
                    .offset((questions - 1) // 2)
                    .limit(1)
                )
            found.append(Period(label, int(questions), int(answered), median))
    return found


def unanswered(repository: Repository, limit: int = 20) -> list[Unanswered]:
    """Return the questions most often abstained on, the most asked first."""
    with repository.reading() as session:
        rows = session.scalars(
            select(UnansweredRow)
            .order_by(UnansweredRow.count.desc(), UnansweredRow.last_asked.desc())
            .limit(limit)
        ).all()
        return [Unanswered(r.text, r.count, _aware(r.last_asked)) for r in rows]


def question_key(text: str) -> str:
    """Return the form under which the same question asked differently is counted once."""
    words = fold(text).casefold().strip(" ?!.").split()
    return " ".join(words)[:MAX_QUESTION_CHARS]


def _aware(moment: datetime) -> datetime:
    """Return `moment` with UTC attached (SQLite drops the zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
