"""Two real `briefbot run` processes on one store (SQLite, then PostgreSQL): a briefing an
operator uploads through one instance is answered from by the other within 5 seconds,
without a restart.

Each instance long-polls its own fake Bot API, as two webhook workers would each get
their share of the updates. A process takes about 2 s to start (imports, the model).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fake_bot_api import ALICE, OPERATOR, TOKEN, FakeBotApi, eventually

BRIEFBOT = Path(sys.executable).parent / "briefbot"
RIVERSIDE = Path(__file__).parents[1] / "briefings" / "riverside-library.txt"
QUESTION = "Who is Tom Alvarez?"  # only the riverside briefing answers it
PROPAGATION_SECONDS = 5.0
START_SECONDS = 60.0


@pytest.fixture
async def instances(store_url: str, tmp_path: Path) -> AsyncIterator[list[FakeBotApi]]:
    """Two bots on one store, each polling its own fake Bot API; yield the fakes."""
    fakes = [FakeBotApi(), FakeBotApi()]
    processes = []
    logs = [tmp_path / f"instance-{n}.log" for n in range(2)]
    for fake, log in zip(fakes, logs, strict=True):
        await fake.start()
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": fake.base_url,
            "TELEGRAM_API_BASE_FILE_URL": fake.base_file_url,
            "BRIEFBOT_DATABASE_URL": store_url,
            "BRIEFBOT_OPERATOR_IDS": str(OPERATOR["id"]),
        }
        env.pop("BRIEFBOT_BRIEFING", None)  # both start on the bundled briefing
        with log.open("w") as output:
            processes.append(
                await asyncio.create_subprocess_exec(
                    str(BRIEFBOT), "run", env=env, stdout=output, stderr=output
                )
            )
    try:
        for fake in fakes:  # started: the command menu is set just before polling begins
            await eventually(
                lambda f=fake: f.accepted["setMyCommands"] > 0, START_SECONDS, "a start"
            )
        yield fakes
    finally:
        for process in processes:
            process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                await asyncio.wait_for(process.wait(), timeout=20)
            except TimeoutError:
                process.kill()
                await process.wait()
        for fake in fakes:
            await fake.stop()
        assert [p.returncode for p in processes] == [0, 0], [log.read_text() for log in logs]


async def ask(fake: FakeBotApi, question: str) -> str:
    """Send `question` privately and return the bot's reply."""
    before = fake.accepted["sendMessage"]
    fake.push(fake.private_text(ALICE, question))
    await eventually(lambda: fake.accepted["sendMessage"] > before, 10, "an answer")
    return fake.sent("sendMessage")[-1].text


async def test_an_upload_through_one_instance_reaches_the_other(
    instances: list[FakeBotApi],
) -> None:
    first, second = instances
    assert "does not cover" in await ask(second, QUESTION)

    before = first.accepted["sendMessage"]
    first.push(first.document_upload(OPERATOR, RIVERSIDE.read_bytes(), "riverside.txt"))
    await eventually(lambda: first.accepted["sendMessage"] > before, 30, "the load report")
    loaded = time.monotonic()
    assert "Riverside" in first.sent("sendMessage")[-1].text

    while "Library services manager" not in (reply := await ask(second, QUESTION)):
        assert "does not cover" in reply
        assert time.monotonic() - loaded < PROPAGATION_SECONDS, "not seen within 5 s"
        await asyncio.sleep(0.25)
    assert "Library services manager" in await ask(first, QUESTION)
