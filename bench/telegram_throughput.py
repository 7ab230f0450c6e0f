"""Benchmark: the whole Telegram stack against the fake Bot API, end to end.

The fake server runs in a child process (as Telegram runs elsewhere); the bot, built
by `build_application`, long-polls it from this process. Two phases:

- burst: N private questions queued at once; answered updates per second, from the
  push to the N-th sendMessage the fake accepted;
- paced: questions pushed at a steady rate below saturation; the bot's handling
  time per update (its own `briefbot.updates` log line: handlers plus the reply).

Questions are all different (every question of the eval files), so each one is embedded
and scored; `--repeated` cycles eight questions, answered from the cache after the first.
Flood control is lifted (Telegram would cap a real bot at about 30 messages a second).
Run by hand: `.venv/bin/python bench/telegram_throughput.py [--updates N] [--rate R]`.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import itertools
import logging
import multiprocessing
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "telegram"))

from fake_bot_api import TOKEN, FakeBotApi, serving, watch_updates  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.config import BUNDLED_BRIEFING, Settings  # noqa: E402
from faq.curated import DATA_DIR  # noqa: E402
from faq.engine import Engine  # noqa: E402
from faq.evaluation import read_questions  # noqa: E402
from store.repository import Repository  # noqa: E402

REPEATED = (
    "Who will chair the Friday meeting?",
    "What does Healey want to put on Putin?",
    "Where do the defence ministers meet?",
    "How many countries' defence ministers are coming?",
    "What was the Kremlin's response to the US proposal?",
    "What is the length of the front line?",
    "What campaigns are both sides getting ready for?",
    "What is the price of bread?",
)


def distinct_questions() -> tuple[str, ...]:
    """Return every different question of the eval files: none is served from the cache."""
    found: dict[str, None] = {}
    for path in sorted((ROOT / "tests" / "eval").rglob("*.yaml")):
        for briefing in read_questions(path):
            found.update(dict.fromkeys(q.text for q in briefing.questions))
    return tuple(found)


QUESTIONS = distinct_questions()
USERS = 500  # questions are spread over users, each well under the per-user limit


def serve_fake(conn: Connection, latency: float, repeated: bool) -> None:
    """Run the fake Bot API in this (child) process, obeying commands from `conn`."""

    async def main() -> None:
        fake = FakeBotApi(latency=latency)
        await fake.start()
        conn.send(fake.port)
        loop = asyncio.get_running_loop()
        while True:
            command, argument = await loop.run_in_executor(None, conn.recv)
            if command == "push":
                fake.push(*[_question(fake, n, repeated) for n in argument])
            elif command == "wait":
                await fake.wait_for("sendMessage", argument, within=300)
                conn.send(len(fake.rejected))
            else:
                break
        await fake.stop()

    asyncio.run(main())


def _question(fake: FakeBotApi, n: int, repeated: bool) -> dict[str, Any]:
    user = {"id": 10_000 + n % USERS, "is_bot": False, "first_name": f"Reader{n % USERS}"}
    pool = REPEATED if repeated else QUESTIONS
    return fake.private_text(user, pool[n % len(pool)])


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


async def run(updates: int, rate: float, conn: Connection, port: int, db: Path) -> None:
    settings = Settings(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=f"http://127.0.0.1:{port}/bot",
        telegram_api_base_file_url=f"http://127.0.0.1:{port}/file/bot",
        database_url=f"sqlite:///{db}",
        briefing=BUNDLED_BRIEFING,
        messages_per_second=1_000_000,
        reload_poll_seconds=3.0,
    )
    repository = Repository(settings.database_url)
    engine = Engine(
        repository, curated_dir=DATA_DIR, max_briefing_bytes=settings.max_briefing_bytes
    )
    engine.load_file(settings.briefing)
    log, detach = watch_updates()
    logging.getLogger("briefbot.updates").propagate = False
    numbers = itertools.count()
    sent = 0

    async def push(count: int) -> None:
        nonlocal sent
        await asyncio.to_thread(conn.send, ("push", [next(numbers) for _ in range(count)]))
        sent += count

    async def answered() -> int:
        await asyncio.to_thread(conn.send, ("wait", sent))
        rejected: int = await asyncio.to_thread(conn.recv)
        return rejected

    try:
        async with serving(build_application(settings, engine), poll_timeout=1.0):
            await push(50)  # warm up
            await answered()

            log.records.clear()
            started = time.perf_counter()
            await push(updates)
            rejected = await answered()
            burst = time.perf_counter() - started
            burst_ms = [r.handling_ms for r in log.records]  # type: ignore[attr-defined]

            log.records.clear()
            paced = max(updates // 2, 100)
            started = time.perf_counter()
            for n in range(paced):
                await push(1)
                await asyncio.sleep(max(0.0, started + (n + 1) / rate - time.perf_counter()))
            rejected += await answered()
            paced_ms = [r.handling_ms for r in log.records]  # type: ignore[attr-defined]
    finally:
        detach()
        repository.close()

    outcomes = collections.Counter(str(getattr(r, "outcome", "")) for r in log.records)
    print(f"burst: {updates} private questions queued at once")
    print(f"  answered updates/s end to end: {updates / burst:8.1f}")
    print(f"  handling ms p50 / p99:          {percentile(burst_ms, 50):6.1f} / "
          f"{percentile(burst_ms, 99):6.1f}  (includes waiting behind other updates)")  # fmt: skip
    print(f"paced: {paced} questions at {rate:.0f}/s")
    print(f"  handling ms p50 / p99:          {percentile(paced_ms, 50):6.1f} / "
          f"{percentile(paced_ms, 99):6.1f}")  # fmt: skip
    print(f"outcomes (paced): {dict(outcomes)}; rejected by the fake: {rejected}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=1000, help="questions in the burst")
    parser.add_argument("--rate", type=float, default=30.0, help="questions/s when paced")
    parser.add_argument("--rtt-ms", type=float, default=0.0, help="latency the fake adds")
    parser.add_argument(
        "--repeated", action="store_true", help="cycle 8 questions (answered from the cache)"
    )
    args = parser.parse_args()
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=serve_fake, args=(theirs, args.rtt_ms / 1000, args.repeated)
    )
    server.start()
    try:
        port = ours.recv()
        with tempfile.TemporaryDirectory() as tmp:
            asyncio.run(run(args.updates, args.rate, ours, port, Path(tmp) / "bench.db"))
    finally:
        ours.send(("stop", None))
        server.join(timeout=10)


if __name__ == "__main__":
    main()
