"""Shared fixtures: a fresh database per test and the sample briefings."""

from __future__ import annotations

from pathlib import Path

import pytest

from faq.engine import Engine
from store.repository import Repository

BRIEFINGS = Path(__file__).parent / "briefings"
EVAL = Path(__file__).parent / "eval"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'briefbot.db'}"


@pytest.fixture
def repository(db_url: str) -> Repository:
    repo = Repository(db_url)
    yield repo  # type: ignore[misc]
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
