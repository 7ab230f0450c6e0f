"""Telling running instances at once that the active version changed (PostgreSQL).

Every write that changes the active version also sends a NOTIFY, which PostgreSQL
delivers when the transaction commits; an instance's `ChangeListener` hears it and wakes
its refresh. Instances still poll every few seconds, which covers SQLite, a listener
that lost its connection, and a store another schema shares.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

CHANNEL = "briefbot_active"
RETRY_SECONDS = 5.0
WAIT_SECONDS = 1.0  # how often the listener looks up from waiting to see if it must stop

log = logging.getLogger(__name__)


def announce(session: Session) -> None:
    """Queue a notice that the active version changed, sent when `session` commits."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, current_schema())"), {"channel": CHANNEL})


class ChangeListener:
    """Calls `changed()` whenever another connection changes the active version of the
    store behind `engine` (PostgreSQL only); runs in its own thread."""

    def __init__(self, engine: Engine, changed: Callable[[], None]) -> None:
        self.engine = engine
        self.changed = changed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="briefbot-listen", daemon=True)
        self.listening = threading.Event()  # set while LISTEN is in place

    @staticmethod
    def supported(engine: Engine) -> bool:
        return engine.dialect.name == "postgresql"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT_SECONDS * 3)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except Exception as error:  # the store went away: polling goes on meanwhile
                self.listening.clear()
                log.debug("Not listening for new versions (%s); retrying", error)
                self._stop.wait(RETRY_SECONDS)

    def _listen(self) -> None:
        options = {"isolation_level": "AUTOCOMMIT"}
        with self.engine.connect().execution_options(**options) as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
            connection.execute(text(f"LISTEN {CHANNEL}"))
            driver = connection.connection.driver_connection
            self.listening.set()
            while not self._stop.is_set():
                for notice in driver.notifies(timeout=WAIT_SECONDS):  # type: ignore[union-attr]
                    if notice.payload == schema:
                        self.changed()
