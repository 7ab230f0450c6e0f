"""The store's schema: Alembic migrations, applied when a Repository opens the store.

Several processes may open an empty or out-of-date store at once (bot instances
starting together, `briefbot load` beside them). The migrations run under one lock —
a PostgreSQL advisory lock for the schema, or an exclusive transaction on SQLite — so
the first process makes the schema and the others, once they get the lock, find it
made. A store that the old `create_all` made (tables, no `alembic_version`) is stamped
with the first revision, which is that schema, and upgraded from there.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from store.errors import StoreUnavailable
from store.sqlite import BEGIN_MODE

MIGRATIONS = Path(__file__).parent / "migrations"
# the schema `Base.metadata.create_all` made before migrations: an unversioned store is it
FIRST_REVISION = "b0001"
# the key of the PostgreSQL advisory lock, with the schema's name after it
LOCK_KEY = "briefbot.migrate:"


def head_revision() -> str:
    """Return the revision the code expects the store to be at."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS}")
    return head


def known_revisions() -> set[str]:
    """Return every revision this code has a migration for."""
    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """Return the store's revision (None for an empty or unversioned store)."""
    return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> bool:
    """Bring the store's schema up to date under a lock; return True if it changed."""
    head = head_revision()
    with engine.connect() as connection:  # the usual case, read-only: nothing to do
        if current_revision(connection) == head:
            return False
    with _locked(engine) as connection:
        revision = current_revision(connection)
        if revision == head:  # another process migrated while this one waited
            return False
        if revision is not None and revision not in known_revisions():
            raise StoreUnavailable(
                f"the store's schema (revision {revision}) is newer than this briefbot "
                f"knows (up to {head}): run the newer briefbot, or upgrade this one"
            )
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        if revision is None and inspect(connection).has_table("briefings"):
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")
        return True


@contextlib.contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """Yield a connection in a transaction that holds the store's migration lock."""
    if engine.dialect.name == "sqlite":
        with engine.execution_options(**{BEGIN_MODE: "EXCLUSIVE"}).begin() as connection:
            yield connection
        return
    if engine.dialect.name == "postgresql":
        # READ COMMITTED: what the process that held the lock committed is visible
        # to the statements after the lock is granted
        options = engine.execution_options(isolation_level="READ COMMITTED")
        with options.begin() as connection:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:key || current_schema()))"),
                {"key": LOCK_KEY},
            )
            yield connection
        return
    with engine.begin() as connection:  # other databases: no lock
        yield connection
