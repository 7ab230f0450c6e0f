"""The fact store on SQLite and PostgreSQL: saving, reading back, versions, rollback,
pruning, atomic activation under concurrent readers."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from bot.config import Settings
from store.document import Document, Entity, EntityKind, Quote, Sentence
from store.errors import VersionNotFound
from store.repository import Repository


@pytest.fixture
def db_url(store_url: str) -> str:
    """Every test here runs on both backends."""
    return store_url


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


def test_every_load_is_a_version_and_nothing_is_deleted_automatically(
    repository: Repository,
) -> None:
    ids = [repository.save(make_document(tag)) for tag in "ABCD"]
    versions = repository.versions()
    assert [v.id for v in versions] == ids[::-1]  # newest first
    assert [v.active for v in versions] == [True, False, False, False]
    assert [v.title for v in versions] == ["Briefing D", "Briefing C", "Briefing B", "Briefing A"]
    assert {v.sentences for v in versions} == {5}
    assert all(v.loaded_at.tzinfo is not None for v in versions)


def test_the_same_text_again_reactivates_its_version_instead_of_a_copy(
    repository: Repository,
) -> None:
    first = repository.store(make_document("A"))
    repository.save(make_document("B"))
    again = repository.store(make_document("A"))
    assert not first.reused
    assert again.reused
    assert again.id == first.id
    assert repository.active_id() == first.id
    assert len(repository.versions()) == 2


def test_if_empty_stores_only_into_an_empty_store(repository: Repository) -> None:
    first = repository.store(make_document("A"), if_empty=True)
    second = repository.store(make_document("B"), if_empty=True)
    assert second.id == first.id
    assert second.reused
    assert [v.title for v in repository.versions()] == ["Briefing A"]


def test_activate_rolls_back_and_an_unknown_version_is_a_clear_error(
    repository: Repository,
) -> None:
    first = repository.save(make_document("A"))
    repository.save(make_document("B"))
    version = repository.activate(first)
    assert version.id == first
    assert version.active
    assert version.title == "Briefing A"
    snapshot = repository.active()
    assert snapshot is not None
    assert snapshot[1].title == "Briefing A"
    assert snapshot[1].version == first
    with pytest.raises(VersionNotFound, match="no version 999: `briefbot versions`"):
        repository.activate(999)
    assert repository.active_id() == first


def test_previous_is_the_newest_version_older_than_the_active_one(
    repository: Repository,
) -> None:
    a, b, _ = (repository.save(make_document(tag)) for tag in "ABC")
    assert repository.previous_id() == b
    repository.activate(b)
    assert repository.previous_id() == a
    repository.activate(a)
    assert repository.previous_id() is None


def test_prune_keeps_the_newest_and_always_the_active_version(repository: Repository) -> None:
    ids = [repository.save(make_document(tag)) for tag in "ABCDE"]
    repository.activate(ids[0])  # rolled back to the oldest
    assert repository.prune(keep=2) == [ids[1], ids[2]]
    assert [v.id for v in repository.versions()] == [ids[4], ids[3], ids[0]]
    assert repository.prune(keep=0) == [ids[3], ids[4]]
    assert [v.id for v in repository.versions()] == [ids[0]]
    with repository.engine.connect() as connection:
        orphans = connection.execute(
            text(
                "SELECT (SELECT count(*) FROM sentences WHERE briefing_id NOT IN "
                "(SELECT id FROM briefings)) + (SELECT count(*) FROM facts WHERE sentence_id "
                "NOT IN (SELECT id FROM sentences)) + (SELECT count(*) FROM aliases WHERE "
                "entity_id NOT IN (SELECT id FROM entities))"
            )
        ).scalar()
    assert orphans == 0
    snapshot = repository.active()
    assert snapshot is not None
    assert snapshot[1].title == "Briefing A"


def test_a_pruned_version_id_is_never_given_again(store_url: str) -> None:
    repository = Repository(store_url)
    try:
        first, second = (repository.save(make_document(tag)) for tag in "AB")
        repository.activate(first)
        assert repository.prune(keep=0) == [second]  # the newest version is gone
        third = repository.save(make_document("C"))
        assert third > second  # SQLite would give the highest id + 1: `second` again
        assert [v.id for v in repository.versions()] == [third, first]
    finally:
        repository.close()


def test_the_database_refuses_to_delete_the_active_version(repository: Repository) -> None:
    active = repository.save(make_document("A"))
    with pytest.raises(IntegrityError), repository.engine.begin() as connection:
        connection.execute(text("DELETE FROM briefings WHERE id = :id"), {"id": active})
    assert repository.active_id() == active
    assert repository.active() is not None


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


def test_checking_for_a_new_version_is_one_primary_key_read(repository: Repository) -> None:
    """What every instance polls (every `reload_poll_seconds`, at most 5 s) stays cheap."""
    assert Settings().reload_poll_seconds <= 5
    repository.save(make_document("A"))
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.strip() and not statement.startswith("BEGIN"):
            statements.append(" ".join(statement.split()))

    event.listen(repository.engine, "before_cursor_execute", record)
    try:
        assert repository.active_id() == 1
    finally:
        event.remove(repository.engine, "before_cursor_execute", record)
    [query] = statements
    assert "FROM active_briefing" in query
    assert "WHERE active_briefing.id = " in query
