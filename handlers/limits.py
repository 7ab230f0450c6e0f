"""A per-user question rate limit: past it one short note, then silence until the window passes."""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


class Verdict(enum.Enum):
    """What to do with one question from a user."""

    ALLOW = "allow"
    NOTE = "note"  # over the limit: tell the user once
    SILENT = "silent"  # still over the limit: say nothing


@dataclass
class _Window:
    asked: deque[float] = field(default_factory=deque)
    noted: bool = False


class QuestionLimiter:
    """Allow each user `limit` questions in any sliding window of `window` seconds."""

    def __init__(
        self,
        limit: int,
        *,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._users: dict[int, _Window] = {}
        self._checks = 0

    def check(self, user_id: int) -> Verdict:
        """Count one question from `user_id` and return what to do with it."""
        now = self._clock()
        self._checks += 1
        if self._checks % 1024 == 0:
            self._forget_idle(now)
        state = self._users.setdefault(user_id, _Window())
        _expire(state.asked, now - self.window)
        if len(state.asked) < self.limit:
            state.asked.append(now)
            state.noted = False
            return Verdict.ALLOW
        if state.noted:
            return Verdict.SILENT
        state.noted = True
        return Verdict.NOTE

    def _forget_idle(self, now: float) -> None:
        """Drop users whose last question is older than the window."""
        horizon = now - self.window
        idle = [uid for uid, s in self._users.items() if not s.asked or s.asked[-1] <= horizon]
        for uid in idle:
            del self._users[uid]


def _expire(asked: deque[float], horizon: float) -> None:
    """Remove the timestamps at or before `horizon` from the left of `asked`."""
    while asked and asked[0] <= horizon:
        asked.popleft()
