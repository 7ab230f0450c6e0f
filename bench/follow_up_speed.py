"""Benchmark: answer time of follow-up questions, read in their conversation's context.

Every turn of every conversation in the conversation files is asked in order, uncached
(the cache is emptied before each question); the times printed are those of the
follow-up turns, which are read in the context of the answer before them first.

Run by hand: `.venv/bin/python bench/follow_up_speed.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faq.conversation import Context  # noqa: E402
from faq.engine import Engine  # noqa: E402
from faq.evaluation import read_questions  # noqa: E402
from store.repository import Repository  # noqa: E402

FILES = (
    ROOT / "tests" / "eval" / "conversations" / "conversations.yaml",
    ROOT / "tests" / "eval" / "conversations-blind1" / "conversations.yaml",
)


def main() -> None:
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        briefings = [b for path in FILES for b in read_questions(path)]
        for n, briefing in enumerate(briefings):
            engine = Engine(Repository(f"sqlite:///{Path(folder) / f'{n}.db'}"))
            engine.load_file(briefing.path)
            for conversation in briefing.conversations:
                context: Context | None = None
                for turn, question in enumerate(conversation):
                    engine.forget_answers()
                    started = time.perf_counter()
                    answer = engine.ask(question.text, context=context)
                    if turn:
                        times.append((time.perf_counter() - started) * 1000)
                    context = answer.context
            engine.repository.close()
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"{len(times)} follow-ups over {len(briefings)} briefings: "
        f"p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
