"""What each chat's conversation remembers, so a follow-up is read in its context.

In a private chat the context is the bot's last answer there, forgotten after ten
minutes without a question. Everywhere, a reply to one of the bot's answers is a
follow-up to that answer. Contexts live only in memory, bounded, and are never written
to the store or the logs: the last question as understood, where its answer came from,
and whom it named.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from faq.conversation import Context

CONTEXT_SECONDS = 600.0
MAX_CHATS = 10_000
MAX_MESSAGES = 20_000

Key = TypeVar("Key")
Value = TypeVar("Value")


class _Bounded(Generic[Key, Value]):
    """A dict that forgets its least recently used entries beyond `capacity`."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Key, Value] = OrderedDict()

    def get(self, key: Key) -> Value | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: Key, value: Value) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def pop(self, key: Key) -> None:
        self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)


class ConversationMemory:
    """The contexts of private chats (by chat) and of the bot's answers (by message)."""

    def __init__(
        self,
        *,
        seconds: float = CONTEXT_SECONDS,
        max_chats: int = MAX_CHATS,
        max_messages: int = MAX_MESSAGES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.clock = clock
        self._chats: _Bounded[int, tuple[float, Context]] = _Bounded(max_chats)
        self._answers: _Bounded[tuple[int, int], Context] = _Bounded(max_messages)

    def for_chat(self, chat_id: int) -> Context | None:
        """Return a private chat's context, unless it has expired."""
        found = self._chats.get(chat_id)
        if found is None:
            return None
        at, context = found
        if self.clock() - at > self.seconds:
            self._chats.pop(chat_id)
            return None
        return context

    def for_answer(self, chat_id: int, message_id: int) -> Context | None:
        """Return the context after the answer the bot sent as this message."""
        return self._answers.get((chat_id, message_id))

    def remember(
        self, chat_id: int, message_ids: Iterable[int], context: Context, *, private: bool
    ) -> None:
        """Keep `context` for the answer's messages, and as a private chat's context."""
        for message_id in message_ids:
            self._answers.put((chat_id, message_id), context)
        if private:
            self._chats.put(chat_id, (self.clock(), context))

    def forget_chat(self, chat_id: int) -> None:
        self._chats.pop(chat_id)

    def __len__(self) -> int:
        return len(self._chats) + len(self._answers)
