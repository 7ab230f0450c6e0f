"""Benchmark: deleting an old, large version, with the foreign-key indexes and without.

Stores two synthetic versions of SENTENCES sentences (each with four facts) and
ENTITIES people (each with two aliases), then times `Repository.prune(keep=1)`, which
deletes the older one (the database cascades to its facts). The same is timed again on
a fresh store whose foreign-key indexes were dropped, as the first schema had it.

Run by hand: `.venv/bin/python bench/delete_version.py [DATABASE_URL] [SENTENCES]`
(default: a temporary SQLite file, 5,000 sentences). A PostgreSQL URL should name an
empty schema (`?options=-csearch_path%3Dbench`); its tables are dropped afterwards.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from store.document import Document, Entity, Sentence  # noqa: E402
from store.models import Base  # noqa: E402
from store.repository import Repository  # noqa: E402

FOREIGN_KEY_INDEXES = (
    "ix_paragraphs_briefing_id",
    "ix_sentences_briefing_id",
    "ix_quotes_briefing_id",
    "ix_entities_briefing_id",
    "ix_facts_sentence_id",
    "ix_aliases_entity_id",
)


def document(tag: str, sentences: int) -> Document:
    return Document(
        title=f"Large briefing {tag}",
        checksum=tag * 64,
        paragraphs=tuple(f"Paragraph {n}." for n in range(1, sentences // 10 + 1)),
        sentences=tuple(
            Sentence(
                paragraph=n // 10 + 1,
                index=n % 10 + 1,
                text=f"Sentence {n} of {tag}.",
                numbers=(str(n),),
                amounts=(f"£{n}",),
                dates=(f"{n % 28 + 1} May",),
                places=("Leeds",),
            )
            for n in range(sentences)
        ),
        entities=tuple(
            Entity(name=f"Person {n}", aliases=(f"Mr {n}", f"P{n}")) for n in range(sentences // 20)
        ),
    )


def time_delete(url: str, sentences: int, *, indexes: bool) -> float:
    repository = Repository(url)
    try:
        if not indexes:
            with repository.engine.begin() as connection:
                for name in FOREIGN_KEY_INDEXES:
                    connection.execute(text(f"DROP INDEX {name}"))
        repository.save(document("a", sentences))
        repository.save(document("b", sentences))
        start = time.perf_counter()
        removed = repository.prune(keep=1)
        elapsed = time.perf_counter() - start
        assert len(removed) == 1
        return elapsed
    finally:
        with repository.engine.begin() as connection:
            Base.metadata.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        repository.close()


def main() -> None:
    sentences = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    with tempfile.TemporaryDirectory() as folder:
        url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{Path(folder) / 'bench.db'}"
        for indexes in (True, False):
            seconds = time_delete(url, sentences, indexes=indexes)
            label = "with" if indexes else "without"
            print(f"delete a {sentences:,}-sentence version, {label} FK indexes: {seconds:.2f} s")


if __name__ == "__main__":
    main()
