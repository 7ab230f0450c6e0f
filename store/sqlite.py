"""The one SQLite-specific module: WAL mode, busy timeout and real snapshot reads.

pysqlite does not emit BEGIN before a SELECT, so two reads in one "transaction"
could see different commits. Taking over BEGIN ourselves gives every session a
true snapshot, which is what makes a reload atomic for readers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from store.errors import StoreUnavailable

# How long a writer waits for another process's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000
# The execution option that picks the BEGIN of a transaction: "IMMEDIATE" for writers (a
# deferred transaction that reads first cannot wait for the write lock, it fails at
# once), "EXCLUSIVE" for migrations.
BEGIN_MODE = "briefbot_sqlite_begin"
BEGIN_MODES = ("", "IMMEDIATE", "EXCLUSIVE")


def prepare_sqlite_path(url: str) -> None:
    """Check that the folder of a file-backed SQLite database exists: a mistyped folder
    is an error, not a new, empty store somewhere else."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().parent
        if not folder.is_dir():
            raise StoreUnavailable(
                f"the folder of the store {parsed.database!r} does not exist: create it, or "
                "fix the database URL (BRIEFBOT_DATABASE_URL or --db)"
            )


def configure_sqlite(engine: Engine) -> None:
    """Turn on WAL, foreign keys, a busy timeout and explicit BEGIN for `engine` (BEGIN
    IMMEDIATE or EXCLUSIVE on connections with the `BEGIN_MODE` execution option)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL may wait
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "")
        if mode not in BEGIN_MODES:
            raise ValueError(f"unknown SQLite BEGIN mode {mode!r}")
        connection.exec_driver_sql(f"BEGIN {mode}".rstrip())
