"""PostgreSQL tells listening instances at once when the active version changes."""

from __future__ import annotations

import threading
from pathlib import Path

from store.document import Document
from store.ingest import parse_document
from store.notify import ChangeListener
from store.repository import Repository

BRIEFINGS = Path(__file__).parent / "briefings"
WITHIN = 10.0  # seconds: a generous bound; the notice comes at the commit


def document(name: str) -> Document:
    path = BRIEFINGS / name
    return parse_document(path.read_text(encoding="utf-8"), file_name=path.name)


def test_a_listener_hears_every_change_of_the_active_version(
    postgres_url: str, other_postgres_url: str
) -> None:
    writer, listening = Repository(postgres_url), Repository(postgres_url)
    other = Repository(other_postgres_url)
    heard = threading.Semaphore(0)
    listener = ChangeListener(listening.engine, heard.release)
    listener.start()
    try:
        assert listener.listening.wait(WITHIN)
        first = writer.save(document("riverside-library.txt"))
        assert heard.acquire(timeout=WITHIN)  # a new version
        writer.save(document("coalition-of-the-willing.txt"))
        assert heard.acquire(timeout=WITHIN)
        writer.activate(first)
        assert heard.acquire(timeout=WITHIN)  # a rollback
        writer.save(document("riverside-library.txt"))  # already active: no change
        other.save(document("riverside-library.txt"))  # another schema's store
        writer.prune(keep=1)  # the active version stays
        assert not heard.acquire(timeout=2.0)
    finally:
        listener.stop()
        for repository in (writer, other, listening):
            repository.close()


def test_sqlite_has_no_listener(db_url: str) -> None:
    repository = Repository(db_url)
    assert not ChangeListener.supported(repository.engine)
    repository.close()
