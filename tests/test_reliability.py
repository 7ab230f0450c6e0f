"""Several processes on one store, on SQLite and PostgreSQL: overlapping `briefbot load`s,
concurrent first starts on an empty store, and a load killed in the middle of its
write. Afterwards the store opens, its active version exists and every stored version
is complete (the same facts as parsing its file, and its sentence vectors). And 200
reloads while 5,000 questions are answered: every answer comes from one version.

Each process is a real `briefbot` (about 2 s of CPU: imports, the model, a small
briefing); the counts (3 and 6 loads, 6 starts) keep the file to about 30 s a backend.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from faq.embedding import load_embedder
from store.ingest import parse_document
from store.repository import Repository
from store.schema import head_revision

BRIEFBOT = Path(sys.executable).parent / "briefbot"
PROCESS_TIMEOUT = 120  # seconds for every process of a test to finish (they take ~2 s)

TEMPLATE = """\
Harbour Board {n} approves the Quayside ferry plan

The Harbour Board voted {n} to 2 on Tuesday to run a new ferry from Quayside to Elm Point.
Chair Maria Okafor said the service would start on {day} May with {n} crossings a day.
"This gives the east bank a real link at last," Ms Okafor said.
Tickets will cost £{n}.50, and the board expects {n}00 passengers a week.
"""


@pytest.fixture
def db_url(store_url: str) -> str:
    return store_url


def briefing(folder: Path, n: int) -> Path:
    path = folder / f"ferry-{n}.txt"
    path.write_text(TEMPLATE.format(n=n, day=n % 28 + 1), encoding="utf-8")
    return path


def briefbot(db_url: str, *args: str, **env: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "BRIEFBOT_DATABASE_URL": db_url, **env}
    environment.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.Popen(
        [str(BRIEFBOT), *args],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(processes: list[subprocess.Popen[str]]) -> list[str]:
    """Wait for every process; fail with its stderr if one failed; return the outputs."""
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=PROCESS_TIMEOUT)
        assert process.returncode == 0, err
        assert err == ""
        outputs.append(out)
    return outputs


def assert_consistent(db_url: str, files: list[Path]) -> Repository:
    """Check that the store opens, has an existing active version, and that every stored
    version holds the complete facts and vectors of one of `files`; return it open."""
    repository = Repository(db_url)
    snapshot = repository.active()
    assert snapshot is not None, "no active version"
    versions = repository.versions()
    assert [v.id for v in versions if v.active] == [snapshot[0]]
    parsed = {}
    for path in files:
        document = parse_document(path.read_text(encoding="utf-8"), file_name=path.name)
        parsed[document.checksum] = document
    embedder = load_embedder()
    assert embedder is not None
    for version in versions:
        stored = repository.document(version.id)
        expected = parsed[stored.checksum]
        assert stored.paragraphs == expected.paragraphs
        assert stored.sentences == expected.sentences
        assert stored.quotes == expected.quotes
        assert stored.entities == expected.entities
        assert version.sentences == len(expected.sentences)
        vectors = repository.vectors(version.id, embedder.name)
        assert vectors is not None
        assert vectors.rows == len(expected.sentences)
    return repository


@pytest.mark.parametrize("loads", [3, 6])
def test_overlapping_loads_all_succeed_and_leave_a_complete_active_version(
    db_url: str, tmp_path: Path, loads: int
) -> None:
    Repository(db_url).close()  # the schema exists: the loads race on the data alone
    files = [briefing(tmp_path, n) for n in range(1, loads + 1)]

    outputs = finish([briefbot(db_url, "load", str(path)) for path in files])

    assert all(out.startswith("Loaded “Harbour Board") for out in outputs)
    repository = assert_consistent(db_url, files)
    try:
        assert len(repository.versions()) == loads  # one version a load, none lost
    finally:
        repository.close()


def test_overlapping_loads_of_one_text_store_it_once(db_url: str, tmp_path: Path) -> None:
    path = briefing(tmp_path, 7)

    outputs = finish([briefbot(db_url, "load", str(path)) for _ in range(3)])

    assert sum("(version 1)" in out for out in outputs) == 1
    assert sum("the same text as version 1" in out for out in outputs) == 2
    repository = assert_consistent(db_url, [path])
    try:
        assert [v.id for v in repository.versions()] == [1]
    finally:
        repository.close()


def test_concurrent_first_starts_make_the_schema_and_load_the_briefing_once(
    db_url: str, tmp_path: Path
) -> None:
    path = briefing(tmp_path, 4)

    outputs = finish([briefbot(db_url, "source", BRIEFBOT_BRIEFING=str(path)) for _ in range(6)])

    assert all(out.startswith("Harbour Board 4 approves") for out in outputs)
    repository = assert_consistent(db_url, [path])
    try:
        assert len(repository.versions()) == 1
        with repository.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalars().all() == [head_revision()]
            rows = connection.execute(text("SELECT count(*) FROM active_briefing")).scalar()
            assert rows == 1
    finally:
        repository.close()


def writer_is_busy(db_url: str) -> Callable[[], bool]:
    """Return a check that is True while some process holds the store's writers' lock
    (it takes the lock itself, without waiting, and lets go at once)."""
    if db_url.startswith("sqlite"):
        database = db_url.removeprefix("sqlite:///")

        def sqlite_busy() -> bool:
            connection = sqlite3.connect(database, timeout=0, isolation_level=None)
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError as error:
                if "locked" not in str(error):
                    raise
                return True
            finally:
                connection.close()

        return sqlite_busy
    engine = create_engine(db_url, poolclass=NullPool)  # nothing left open afterwards

    def postgres_busy() -> bool:
        try:
            with engine.begin() as connection:
                connection.execute(text("SELECT 1 FROM active_briefing FOR UPDATE NOWAIT"))
            return False
        except OperationalError as error:
            if "could not obtain lock" not in str(error.orig):
                raise
            return True

    return postgres_busy


def slow_down_sentence_inserts(db_url: str) -> None:
    """Make each sentence insert slow (a trigger), so a load's write lasts seconds."""
    engine = create_engine(db_url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(
                text(
                    "CREATE TRIGGER slow AFTER INSERT ON sentences BEGIN SELECT count(*) FROM "
                    "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                    "WHERE x < 300000) SELECT x FROM c); END"
                )
            )
        else:
            connection.execute(
                text(
                    "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END $$"
                )
            )
            connection.execute(
                text(
                    "CREATE TRIGGER slow BEFORE INSERT ON sentences FOR EACH ROW "
                    "EXECUTE FUNCTION slow()"
                )
            )
    engine.dispose()


def drop_slow_trigger(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER slow"))
        else:
            connection.execute(text("DROP TRIGGER slow ON sentences"))
            connection.execute(text("DROP FUNCTION slow()"))
    engine.dispose()


def test_a_load_killed_mid_write_leaves_the_previous_version_active_and_complete(
    db_url: str, tmp_path: Path
) -> None:
    first, second = briefing(tmp_path, 1), briefing(tmp_path, 2)
    finish([briefbot(db_url, "load", str(first))])
    slow_down_sentence_inserts(db_url)
    busy = writer_is_busy(db_url)

    process = briefbot(db_url, "load", str(second))
    deadline = time.monotonic() + PROCESS_TIMEOUT
    while not busy():
        assert process.poll() is None, "the load ended before it was caught writing"
        assert time.monotonic() < deadline, "the load never started writing"
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=PROCESS_TIMEOUT)
    assert process.returncode == -signal.SIGKILL

    drop_slow_trigger(db_url)
    repository = assert_consistent(db_url, [first])
    try:
        assert [v.id for v in repository.versions()] == [1]
        assert repository.active_id() == 1
    finally:
        repository.close()
    # and the store takes the next load
    [out] = finish([briefbot(db_url, "load", str(second))])
    assert out.startswith("Loaded “Harbour Board 2")
    assert_consistent(db_url, [first, second]).close()


# -- reloads while questions are answered ---------------------------------------------

QUESTIONS = (
    "How many crossings a day?",
    "What will tickets cost?",
    "Who chairs the Harbour Board?",
    "When will the service start?",
    "How many passengers a week?",
    "How did the board vote?",
    "What did Ms Okafor say?",
    "Where will the ferry run to?",
)
ROLLBACKS = 100  # in this process, and as many again from a second process
ASKED = 5000

SECOND_PROCESS = """
import sys
from store.repository import Repository
repository = Repository(sys.argv[1])
first, second = int(sys.argv[2]), int(sys.argv[3])
for n in range(int(sys.argv[4])):
    repository.activate(first if n % 2 else second)
repository.close()
print("done")
"""


def test_reloads_while_answering_give_every_answer_from_one_version(
    db_url: str, tmp_path: Path
) -> None:
    """200 reloads (rollbacks between two versions, half from a second process) while
    four threads ask 5,000 questions: no errors, and every answer's source sentence
    belongs to the version its answer names."""
    import threading

    from faq.engine import Engine

    engine = Engine(Repository(db_url))
    engine.load_file(briefing(tmp_path, 3))
    engine.load_file(briefing(tmp_path, 7))
    versions = {v.id: v for v in engine.versions()}
    first, second = sorted(versions)
    sentences = {
        v.title: {s.text for s in engine.repository.document(v.id).sentences}
        for v in versions.values()
    }
    errors: list[BaseException] = []
    answers = []

    def ask(worker: int) -> None:
        try:
            for n in range(ASKED // 4):
                if n % 50 == 0:
                    engine.refresh()  # what the bot's poll does every few seconds
                answers.append(engine.ask(QUESTIONS[(n + worker) % len(QUESTIONS)]))
        except BaseException as error:
            errors.append(error)

    def roll_back() -> None:
        try:
            for n in range(ROLLBACKS):
                engine.activate(first if n % 2 else second)
        except BaseException as error:
            errors.append(error)

    other = subprocess.Popen(
        [sys.executable, "-c", SECOND_PROCESS, db_url, str(first), str(second), str(ROLLBACKS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    threads = [threading.Thread(target=ask, args=(n,)) for n in range(4)]
    threads.append(threading.Thread(target=roll_back))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=PROCESS_TIMEOUT)
    out, err = other.communicate(timeout=PROCESS_TIMEOUT)
    engine.repository.close()

    assert errors == []
    assert (other.returncode, out.strip(), err) == (0, "done", "")
    assert len(answers) == ASKED
    answered = [a for a in answers if a.answered]
    assert len(answered) > ASKED // 2
    for answer in answered:
        for source in answer.sources:
            assert source.text in sentences[source.briefing], answer
    assert {s.briefing for a in answered for s in a.sources} == set(sentences)
