"""Benchmark: answer time per question in-process (p50/p99) and briefing load time.

Load time is the median of five loads (parse, embed the sentences, store in SQLite,
build the index), each with the embedder's kept sentence vectors dropped first. Answer
times are uncached (the cache is emptied before each round: each answer embeds its
question); "cached" is a repeated question served from the cache.

Run by hand: `.venv/bin/python bench/answer_speed.py` (or `make bench`).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faq.embedding import load_embedder  # noqa: E402
from faq.engine import Engine  # noqa: E402
from faq.evaluation import read_questions  # noqa: E402
from faq.lexicon import warm_up  # noqa: E402
from store.ingest import parse_document, read_briefing_file  # noqa: E402
from store.repository import Repository  # noqa: E402

QUESTIONS = ROOT / "tests" / "eval" / "dev-questions.yaml"
ROUNDS = 5
LOADS = 5


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def main() -> None:
    start = time.perf_counter()
    warm_up()
    print(f"start-up, word lists loaded once per process: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    mode = "semantic" if load_embedder() is not None else "lexical (model unavailable)"
    print(f"model loaded and its weights checked: {time.perf_counter() - start:.2f} s; {mode}")
    print(
        f"{'briefing':28} {'words':>6} {'parse ms':>9} {'load ms':>8} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'cached ms':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n, briefing in enumerate(read_questions(QUESTIONS)):
            text = read_briefing_file(briefing.path)
            parse_times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                parse_document(text, file_name=briefing.path.name)
                parse_times.append((time.perf_counter() - start) * 1000)
            engine = Engine(Repository(f"sqlite:///{Path(tmp) / f'bench-{n}.db'}"))
            load_times = []
            for _ in range(LOADS):
                if engine.embedder is not None:
                    engine.embedder.forget_sentences()
                start = time.perf_counter()
                engine.load_file(briefing.path)
                load_times.append((time.perf_counter() - start) * 1000)
            load_ms = statistics.median(load_times)
            questions = [q.text for q in briefing.questions]
            for question in questions:
                engine.ask(question)
            times, cached = [], []
            for _ in range(ROUNDS):
                engine.forget_answers()
                for question in questions:
                    start = time.perf_counter()
                    engine.ask(question)
                    times.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                engine.ask(questions[0])
                cached.append((time.perf_counter() - start) * 1000)
            print(
                f"{briefing.name:28} {len(text.split()):6d} {statistics.median(parse_times):9.2f} "
                f"{load_ms:8.1f} {percentile(times, 50):7.2f} {percentile(times, 99):7.2f} "
                f"{statistics.median(cached):9.3f}"
            )
            engine.repository.close()


if __name__ == "__main__":
    main()
