"""Shared fixtures: a fresh database per test and the sample briefings.

`store_url` runs a test on both backends: SQLite (a file in the test's folder) and
PostgreSQL (a schema of its own in BRIEFBOT_TEST_POSTGRES_URL's database, dropped
afterwards). Where that server cannot be reached, the PostgreSQL cases are skipped
with the reason.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from faq.engine import Engine
from store.repository import Repository

BRIEFINGS = Path(__file__).parent / "briefings"
EVAL = Path(__file__).parent / "eval"
POSTGRES_URL = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
_postgres_problem: list[str] = []  # why the server cannot be used, once found out


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'briefbot.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store's URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'briefbot.db'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty store's URL on PostgreSQL only."""
    with postgres_schema() as url:
        yield url


@pytest.fixture
def other_postgres_url() -> Iterator[str]:
    """Another store in the same PostgreSQL database (its own schema)."""
    with postgres_schema() as url:
        yield url


def postgres_available() -> str | None:
    """Return why PostgreSQL cannot be used for the tests, or None when it can."""
    if not _postgres_problem:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 5})
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            _postgres_problem.append("")
        except OperationalError as error:
            reason = " ".join(str(error.orig).split())
            _postgres_problem.append(
                f"PostgreSQL is not reachable at {POSTGRES_URL} ({reason}): start it, or set "
                "BRIEFBOT_TEST_POSTGRES_URL"
            )
        finally:
            engine.dispose()
    return _postgres_problem[0] or None


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """Yield the URL of a new, empty schema in the test database (first on the URL's
    search path); the schema is dropped on exit, whatever the test left in it. Skips
    the test when the server cannot be reached."""
    problem = postgres_available()
    if problem:
        pytest.skip(problem)
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        separator = "&" if "?" in POSTGRES_URL else "?"
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def repository(db_url: str) -> Iterator[Repository]:
    repo = Repository(db_url)
    yield repo
    repo.close()


@pytest.fixture
def engine(repository: Repository) -> Engine:
    return Engine(repository)


@pytest.fixture
def coalition(engine: Engine) -> Engine:
    """An engine with the bundled briefing loaded."""
    engine.load_file(BRIEFINGS / "coalition-of-the-willing.txt")
    return engine


@pytest.fixture
def riverside(engine: Engine) -> Engine:
    engine.load_file(BRIEFINGS / "riverside-library.txt")
    return engine
