"""Operator insight in the store: counts, median handling time, unanswered questions."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from store import insight
from store.errors import StoreUnavailable
from store.insight import Handled, InsightBuffer
from store.models import HandledRow
from store.repository import Repository

NOW = datetime(2026, 12, 6, 15, 0, tzinfo=UTC)


@pytest.fixture
def store(store_url: str) -> Iterator[Repository]:
    repository = Repository(store_url)
    yield repository
    repository.close()


def test_stats_count_today_and_since_the_first_record(store: Repository) -> None:
    yesterday = NOW - timedelta(days=1)
    handled = [
        Handled(yesterday, True, 10.0),
        Handled(NOW - timedelta(hours=2), True, 30.0),
        Handled(NOW - timedelta(hours=1), False, 20.0),
        Handled(NOW, True, 400.0),
    ]
    insight.record(store, handled, [], keep_days=10_000)

    today, overall = insight.stats(store, now=NOW)

    assert today.label == "today (UTC)"
    assert (today.questions, today.answered, today.median_ms) == (3, 2, 30.0)
    assert today.share_answered == pytest.approx(2 / 3)
    assert overall.label == f"since {yesterday:%Y-%m-%d %H:%M} UTC"
    assert (overall.questions, overall.answered, overall.median_ms) == (4, 3, 20.0)


def test_stats_of_an_empty_store_say_none(store: Repository) -> None:
    periods = insight.stats(store, now=NOW)
    assert [p.questions for p in periods] == [0, 0]
    assert all(p.median_ms is None for p in periods)


def test_unanswered_questions_are_counted_once_however_they_are_written(
    store: Repository,
) -> None:
    asked = [
        ("What is the capital of France?", NOW),
        ("what is the CAPITAL of france", NOW + timedelta(minutes=1)),
        ("Who won the cup?", NOW),
    ]
    insight.record(store, [], asked, keep_days=10_000)
    insight.record(store, [], [("What is the capital of France ?", NOW)], keep_days=10_000)

    top, second = insight.unanswered(store)

    assert (top.text, top.count) == ("What is the capital of France?", 3)
    assert top.last_asked == NOW + timedelta(minutes=1)
    assert (second.text, second.count) == ("Who won the cup?", 1)
    assert insight.unanswered(store, limit=1) == [top]


def test_old_records_are_forgotten(store: Repository) -> None:
    old = datetime.now(UTC) - timedelta(days=insight.KEEP_DAYS + 1)
    insight.record(store, [Handled(old, True, 5.0)], [("an old question", old)])
    insight.record(store, [Handled(datetime.now(UTC), False, 7.0)], [])

    with store.reading() as session:
        assert session.query(HandledRow).count() == 1
    assert insight.unanswered(store) == []


def test_the_unanswered_list_is_bounded(store: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(insight, "MAX_UNANSWERED", 3)
    asked = [(f"question {n}", NOW + timedelta(minutes=n)) for n in range(5)]
    insight.record(store, [], asked, keep_days=10_000)

    kept = insight.unanswered(store)

    assert sorted(q.text for q in kept) == ["question 2", "question 3", "question 4"]


def test_a_long_question_is_kept_short(store: Repository) -> None:
    insight.record(store, [], [("why " * 400, NOW)], keep_days=10_000)
    [kept] = insight.unanswered(store)
    assert len(kept.text) == insight.MAX_QUESTION_CHARS


def test_the_buffer_writes_in_one_go_and_keeps_its_backlog_while_the_store_is_down(
    store: Repository,
) -> None:
    buffer = InsightBuffer()
    buffer.handled(True, 12.0)
    buffer.unanswered("What is the capital of France?")
    down = Repository(store.url)
    down.close()
    down.writing = _unreachable  # type: ignore[method-assign]

    assert buffer.flush(down) is False
    assert buffer.flush(store) is True
    assert buffer.flush(store) is True  # nothing left: nothing written twice

    [today, _] = insight.stats(store)
    assert today.questions == 1
    assert [q.count for q in insight.unanswered(store)] == [1]


def test_the_backlog_is_bounded() -> None:
    buffer = InsightBuffer(backlog=3)
    for n in range(5):
        buffer.handled(True, float(n))
    assert [h.ms for h in buffer._handled] == [2.0, 3.0, 4.0]


def _unreachable() -> Iterator[object]:
    raise StoreUnavailable("cannot use the store: connection refused")


def test_a_flush_returns_only_once_a_flush_already_writing_has_written(
    store: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = InsightBuffer()
    buffer.unanswered("What is the capital of France?")
    writing, release = threading.Event(), threading.Event()
    record = insight.record

    def slow_record(*args: Any, **kwargs: Any) -> None:
        writing.set()
        release.wait(10)
        record(*args, **kwargs)

    monkeypatch.setattr(insight, "record", slow_record)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(buffer.flush, store)  # the refresh loop's flush
        assert writing.wait(10)
        second = pool.submit(buffer.flush, store)  # /unanswered's: the buffer is empty
        time.sleep(0.2)
        assert not second.done()
        release.set()
        assert first.result(10)
        assert second.result(10)
    assert [q.text for q in insight.unanswered(store)] == ["What is the capital of France?"]
