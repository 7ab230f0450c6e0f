"""The fact store: saving, reading back, atomic activation under concurrent readers."""

from __future__ import annotations

import threading

from store.document import Document, Entity, EntityKind, Quote, Sentence
from store.repository import KEEP_BRIEFINGS, Repository


def make_document(tag: str, sentences: int = 5) -> Document:
    return Document(
        title=f"Briefing {tag}",
        checksum=tag * 8,
        paragraphs=tuple(f"{tag} paragraph {n}." for n in range(1, sentences + 1)),
        sentences=tuple(
            Sentence(paragraph=n, index=1, text=f"{tag} paragraph {n}.", numbers=(str(n),))
            for n in range(1, sentences + 1)
        ),
        quotes=(Quote(text=f"{tag} said this", speaker=f"{tag} Person", paragraph=1, sentence=1),),
        entities=(
            Entity(name=f"{tag} Person", role="Spokesperson", aliases=(f"Mr {tag}",)),
            Entity(name=f"{tag} Council", kind=EntityKind.ORGANISATION),
        ),
        published="2026-11-01",
    )


def test_empty_store_has_no_active_briefing(repository: Repository) -> None:
    assert repository.active_id() is None
    assert repository.active() is None


def test_saved_document_reads_back_the_same(repository: Repository) -> None:
    document = make_document("A")
    repository.save(document)
    snapshot = repository.active()
    assert snapshot is not None
    _, stored = snapshot
    assert stored.title == document.title
    assert stored.sentences == document.sentences
    assert stored.quotes == document.quotes
    assert stored.entities == document.entities
    assert stored.published == "2026-11-01"
    assert stored.loaded_at is not None
    assert stored.loaded_at.tzinfo is not None


def test_newest_save_is_active_and_previous_is_kept(repository: Repository) -> None:
    repository.save(make_document("A"))
    second = repository.save(make_document("B"))
    assert repository.active_id() == second
    previous = repository.previous()
    assert previous is not None
    assert previous.title == "Briefing A"


def test_old_briefings_are_pruned(repository: Repository) -> None:
    for tag in "ABCD":
        repository.save(make_document(tag))
    with repository.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM briefings").scalar()
        orphans = connection.exec_driver_sql(
            "SELECT count(*) FROM sentences WHERE briefing_id NOT IN (SELECT id FROM briefings)"
        ).scalar()
    assert count == KEEP_BRIEFINGS
    assert orphans == 0


def test_readers_never_see_a_mix_during_reloads(db_url: str) -> None:
    writer = Repository(db_url)
    writer.save(make_document("A", sentences=40))
    errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        reader = Repository(db_url)
        while not stop.is_set():
            snapshot = reader.active()
            if snapshot is None:
                errors.append("saw an empty store")
                continue
            _, document = snapshot
            tags = {s.text.split()[0] for s in document.sentences} | {document.title.split()[-1]}
            if len(tags) != 1 or len(document.sentences) != 40:
                errors.append(f"mixed snapshot: {sorted(tags)}, {len(document.sentences)}")
        reader.close()

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    for tag in "BCDEFGH":
        writer.save(make_document(tag, sentences=40))
    stop.set()
    for thread in readers:
        thread.join()
    writer.close()
    assert errors == []
