"""Fixtures: the fake Bot API server, and the real bot application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import (
    OPERATOR,
    TOKEN,
    ApiCall,
    FakeBotApi,
    UpdateLog,
    serving,
    watch_updates,
)
from telegram.ext import Application

from bot.app import build_application
from bot.config import BUNDLED_BRIEFING, Settings
from faq.curated import DATA_DIR
from faq.engine import Engine
from store.repository import Repository

# A second briefing for uploads and reloads, written for these tests.
LAKESIDE = """\
Lakeside Council will open the new Harrow Point Observatory on 12 June after a two-year, £3.4 million build.
The observatory sits on the hill above Lake Arden and has a 60-centimetre telescope, the largest in the county.
Director Priya Natarajan said the building would "give every school in the county a window on the night sky".
Councillor Owen Blake, who chairs the leisure committee, said the project had finished under budget.
"We promised residents something remarkable, and this is it," Mr Blake said.
Public viewing evenings will run every Friday from 8pm, with tickets costing £5.
"""  # noqa: E501


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "settings(**fields): Settings overrides for the bot")
    config.addinivalue_line("markers", "empty_store: start the bot with no briefing loaded")


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    """The fake Bot API on a free port of 127.0.0.1."""
    api = FakeBotApi()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
def settings(request: pytest.FixtureRequest, fake: FakeBotApi, tmp_path: Path) -> Settings:
    """Settings as production reads them, pointed at the fake and a fresh database."""
    marker = request.node.get_closest_marker("settings")
    overrides: dict[str, Any] = marker.kwargs if marker else {}
    fields: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": fake.base_url,
        "telegram_api_base_file_url": fake.base_file_url,
        "database_url": f"sqlite:///{tmp_path / 'briefbot.db'}",
        "briefing": BUNDLED_BRIEFING,
        "operator_ids": frozenset({OPERATOR["id"]}),
        "reload_poll_seconds": 0.1,
        "heartbeat_file": tmp_path / "heartbeat",
    }
    return Settings(**(fields | overrides))


@pytest.fixture
def engine(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Engine]:
    """The engine `briefbot run` builds, with the bundled briefing loaded."""
    repository = Repository(settings.database_url)
    engine = Engine(
        repository, curated_dir=DATA_DIR, max_briefing_bytes=settings.max_briefing_bytes
    )
    if request.node.get_closest_marker("empty_store") is None:
        engine.load_file(settings.briefing)
    yield engine
    repository.close()


@dataclass
class Bot:
    """The running bot and the fake it talks to."""

    fake: FakeBotApi
    application: Application[Any, Any, Any, Any, Any, Any]
    updates: UpdateLog
    engine: Engine
    settings: Settings

    async def send(self, update: dict[str, Any]) -> list[ApiCall]:
        """Push `update`, wait until the bot has handled it; return the calls it made."""
        before = len(self.fake.calls)
        self.fake.push(update)
        await self.updates.wait_for_update(update["update_id"])
        return [c for c in self.fake.calls[before:] if c.method != "getUpdates"]


@pytest.fixture
async def bot(fake: FakeBotApi, settings: Settings, engine: Engine) -> AsyncIterator[Bot]:
    """The bot built by `build_application`, long-polling the fake."""
    updates, detach = watch_updates()
    application = build_application(settings, engine)
    try:
        async with serving(application):
            yield Bot(fake, application, updates, engine, settings)
    finally:
        detach()
    assert fake.rejected == [], "the bot sent something Telegram would refuse"
