"""The schema on SQLite and PostgreSQL: made by the Alembic migrations, equal to the
models, every foreign key indexed, and an old `create_all` store upgraded in place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, inspect, text

from store.errors import StoreUnavailable
from store.models import Base
from store.repository import Repository
from store.schema import MIGRATIONS, head_revision


@pytest.fixture
def db_url(store_url: str) -> str:
    return store_url


@pytest.fixture
def connection(db_url: str) -> Iterator[Connection]:
    engine = create_engine(db_url)
    with engine.begin() as connection:
        yield connection
    engine.dispose()


def alembic(connection: Connection, verb: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    getattr(command, verb)(config, revision)


def test_the_migrated_schema_is_the_models(repository: Repository) -> None:
    with repository.engine.connect() as connection:
        # SQLite ignores VARCHAR lengths, and its old columns keep theirs: compare types
        # only where they matter
        context = MigrationContext.configure(
            connection, opts={"compare_type": connection.dialect.name != "sqlite"}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == head_revision()


def test_every_foreign_key_has_an_index(repository: Repository) -> None:
    inspector = inspect(repository.engine)
    for table in inspector.get_table_names():
        indexed = {tuple(i["column_names"][:1]) for i in inspector.get_indexes(table)}
        for key in inspector.get_foreign_keys(table):
            assert tuple(key["constrained_columns"][:1]) in indexed, (table, key)


def _old_store(connection: Connection, active: str) -> None:
    """Make the store the old `create_all` made: the first schema, no alembic_version,
    two briefings and a state row pointing at `active`."""
    alembic(connection, "upgrade", "b0001")
    connection.execute(text("DROP TABLE alembic_version"))
    now = datetime.now(UTC)
    for n in (1, 2):
        connection.execute(
            text(
                "INSERT INTO briefings (id, title, checksum, loaded_at) "
                "VALUES (:id, :title, :checksum, :now)"
            ),
            {"id": n, "title": f"Old {n}", "checksum": str(n) * 64, "now": now},
        )
        connection.execute(
            text(
                "INSERT INTO sentences (briefing_id, paragraph, number, text) "
                "VALUES (:id, 1, 1, 'One sentence.')"
            ),
            {"id": n},
        )
    connection.execute(
        text("INSERT INTO state (key, value) VALUES ('active_briefing', :active)"),
        {"active": active},
    )


@pytest.mark.parametrize(
    ("state", "active"),
    [("1", 1), ("7", 2)],
    ids=["state-names-a-briefing", "state-names-a-deleted-briefing"],
)
def test_an_old_create_all_store_is_stamped_and_upgraded(
    db_url: str, connection: Connection, state: str, active: int
) -> None:
    _old_store(connection, state)
    connection.commit()

    repository = Repository(db_url)
    try:
        assert repository.active_id() == active  # a dangling pointer falls back to the newest
        assert [v.title for v in repository.versions()] == ["Old 2", "Old 1"]
        assert not inspect(repository.engine).has_table("state")
        with repository.engine.connect() as check:
            assert MigrationContext.configure(check).get_current_revision() == head_revision()
    finally:
        repository.close()


def test_the_migrations_go_down_and_up_again(db_url: str, connection: Connection) -> None:
    alembic(connection, "upgrade", "head")
    connection.execute(
        text(
            "INSERT INTO briefings (id, title, checksum, loaded_at) "
            "VALUES (1, 'T', 'c', CURRENT_TIMESTAMP)"
        )
    )
    connection.execute(text("UPDATE active_briefing SET briefing_id = 1"))
    alembic(connection, "downgrade", "b0001")
    assert connection.execute(text("SELECT value FROM state")).scalar() == "1"
    alembic(connection, "upgrade", "head")
    assert connection.execute(text("SELECT briefing_id FROM active_briefing")).scalar() == 1


def test_a_store_migrated_by_a_newer_briefbot_is_a_clear_error(
    db_url: str, connection: Connection
) -> None:
    alembic(connection, "upgrade", "head")
    connection.execute(text("UPDATE alembic_version SET version_num = 'b9999'"))
    connection.commit()

    with pytest.raises(StoreUnavailable) as raised:
        Repository(db_url)
    message = str(raised.value)
    assert "\n" not in message
    assert "revision b9999) is newer than this briefbot knows" in message


def test_a_database_error_while_setting_up_is_one_line(db_url: str, connection: Connection) -> None:
    # a table in the way of the first migration: an error from the database itself
    connection.execute(text("CREATE TABLE facts (id INTEGER)"))
    connection.commit()

    with pytest.raises(StoreUnavailable) as raised:
        Repository(db_url)
    message = str(raised.value)
    assert re.match(r"cannot (open|set up) the store at '.*': .*facts.* already exists", message)
    assert "\n" not in message
