"""A PostgreSQL store that goes away and comes back: the bot answers from memory, logs
the outage in one line (not a traceback, not once a poll), a reload fails with one
clear line, and the refresh loop picks up what changed once the store is back.

The outage is real: the engine reaches the server through a TCP proxy on 127.0.0.1
that the test cuts (closing every connection and refusing new ones) and restores.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.app import refresh_periodically
from faq.engine import Engine
from store.errors import StoreUnavailable
from store.repository import Repository

BRIEFINGS = Path(__file__).parent / "briefings"
WAIT_SECONDS = 20  # the longest any condition below is waited for


class Proxy:
    """A TCP proxy to (host, port) that can be cut and restored on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._running = threading.Event()
        self._accepting: threading.Thread | None = None
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        listener.settimeout(0.05)
        self.port = listener.getsockname()[1]
        self._running.set()
        self._accepting = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._accepting.start()

    def cut(self) -> None:
        """Refuse new connections and close every open one."""
        self._running.clear()
        if self._accepting is not None:
            self._accepting.join()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        with listener:
            while self._running.is_set():
                try:
                    client, _ = listener.accept()
                except TimeoutError:
                    continue
                client.settimeout(None)
                try:
                    upstream = socket.create_connection(self.target)
                except OSError:
                    client.close()
                    continue
                with self._lock:
                    self._sockets += [client, upstream]
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)


async def eventually(check: Callable[[], bool], what: str) -> None:
    for _ in range(WAIT_SECONDS * 20):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def messages(caplog: pytest.LogCaptureFixture, text: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if text in r.getMessage()]


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
async def test_an_unreachable_store_is_survived_and_recovered_from(
    store_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    url = make_url(store_url)
    proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    engine = Engine(Repository(proxied), semantic=False)
    engine.load_file(BRIEFINGS / "riverside-library.txt")
    refresher = asyncio.create_task(refresh_periodically(engine, 0.05, None))
    try:
        proxy.cut()

        with pytest.raises(StoreUnavailable) as raised:
            await asyncio.to_thread(engine.load_file, BRIEFINGS / "imperialism.txt")
        assert "\n" not in str(raised.value)
        assert str(raised.value).startswith("cannot use the store: ")
        answer = await engine.answer("When does the library reopen?")
        assert "3 March" in answer.answer  # from memory
        await eventually(lambda: bool(messages(caplog, "Cannot check the store")), "a warning")
        # while it stays down, more checks fail (one every 0.05 s): still that one line,
        # without a traceback
        await asyncio.sleep(0.5)
        [warning] = messages(caplog, "Cannot check the store")
        assert warning.levelno == logging.WARNING
        assert warning.exc_info is None
        assert "\n" not in warning.getMessage()
        assert "answering from memory" in warning.getMessage()

        # another instance, with its own way to the server, loads a new version
        other = Repository(store_url)
        try:
            Engine(other, semantic=False).load_file(BRIEFINGS / "imperialism.txt")
        finally:
            other.close()
        proxy.restore()

        await eventually(lambda: engine.document.title == "Imperialism", "the new version")
        # the engine swaps versions in a worker thread; the loop logs once it is back
        await eventually(
            lambda: bool(messages(caplog, "The store can be reached again")), "the recovery line"
        )
        assert not refresher.done()
    finally:
        refresher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refresher
        proxy.cut()
        engine.repository.close()
