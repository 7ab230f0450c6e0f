"""Persisting documents and reading the active one back, atomically."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, String, cast, create_engine, delete, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from store.document import Document, Entity, EntityKind, Quote, Sentence
from store.errors import StoreUnavailable
from store.models import (
    AliasRow,
    Base,
    BriefingRow,
    EntityRow,
    FactRow,
    ParagraphRow,
    QuoteRow,
    SentenceRow,
    SentenceVectorsRow,
    StateRow,
)
from store.sqlite import BUSY_TIMEOUT_MS, configure_sqlite, prepare_sqlite_path

ACTIVE_KEY = "active_briefing"
KEEP_BRIEFINGS = 2
FACT_KINDS = ("numbers", "amounts", "dates", "places")


@dataclass(frozen=True)
class StoredVectors:
    """A briefing's sentence embeddings under one model: `rows` float32 vectors, row-major."""

    model: str
    rows: int
    dimensions: int
    data: bytes


def check_store(url: str) -> int:
    """Return the active briefing's id after opening the store read-only (no tables are
    created); raise StoreUnavailable when it cannot be opened or holds no briefing."""
    try:
        engine = create_engine(url)
    except (ArgumentError, ValueError, ModuleNotFoundError) as error:
        raise StoreUnavailable(f"{_redacted(url)!r} is not a usable database URL") from error
    try:
        if engine.dialect.name == "sqlite":
            database = make_url(url).database or ""
            if database not in ("", ":memory:") and not Path(database).expanduser().is_file():
                raise StoreUnavailable(f"there is no store at {database!r}")
        with engine.connect() as connection:
            row = connection.execute(
                select(BriefingRow.id)
                .join(StateRow, StateRow.value == cast(BriefingRow.id, String))
                .where(StateRow.key == ACTIVE_KEY)
            ).first()
    except SQLAlchemyError as error:
        raise StoreUnavailable(f"cannot read the store: {error.__class__.__name__}") from error
    finally:
        engine.dispose()
    if row is None:
        raise StoreUnavailable("the store has no active briefing")
    return int(row[0])


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """Turn a database failure into one line a user can act on."""
    try:
        yield
    except OperationalError as error:
        if "locked" in str(error.orig):
            raise StoreUnavailable(
                "the store is locked by another process writing to it (waited "
                f"{BUSY_TIMEOUT_MS // 1000} s): try again when it has finished"
            ) from error
        raise StoreUnavailable(f"cannot use the store: {error.orig}") from error


class Repository:
    """The fact store behind one database URL."""

    def __init__(self, url: str) -> None:
        try:
            self.engine: Engine = create_engine(url)
        except (ArgumentError, ValueError) as error:
            raise StoreUnavailable(
                f"{_redacted(url)!r} is not a database URL: set BRIEFBOT_DATABASE_URL to one "
                "such as sqlite:////path/to/briefbot.db"
            ) from error
        except ModuleNotFoundError as error:
            raise StoreUnavailable(
                f"no driver for {_redacted(url)!r}: {error.name} is not installed"
            ) from error
        prepare_sqlite_path(url)
        self.url = url
        if self.engine.dialect.name == "sqlite":
            configure_sqlite(self.engine)
        try:
            Base.metadata.create_all(self.engine)
        except OperationalError as error:
            raise StoreUnavailable(
                f"cannot open the store at {_redacted(url)!r}: {error.orig}"
            ) from error
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def save(self, document: Document, vectors: StoredVectors | None = None) -> int:
        """Store `document` (and its sentence vectors) and make it the active briefing,
        in one transaction."""
        loaded_at = document.loaded_at or datetime.now(UTC)
        with _store_errors(), self._sessions.begin() as session:
            row = _to_row(document, loaded_at)
            if vectors is not None:
                row.vectors = [_vectors_row(vectors)]
            session.add(row)
            session.flush()
            session.merge(StateRow(key=ACTIVE_KEY, value=str(row.id)))
            _prune(session, keep_newest=KEEP_BRIEFINGS)
            return row.id

    def vectors(self, briefing_id: int, model: str) -> StoredVectors | None:
        """Return the stored sentence vectors of a briefing under `model`, if any."""
        with _store_errors(), self._sessions.begin() as session:
            row = session.scalars(
                select(SentenceVectorsRow).where(
                    SentenceVectorsRow.briefing_id == briefing_id,
                    SentenceVectorsRow.model == model,
                )
            ).first()
            if row is None:
                return None
            return StoredVectors(row.model, row.rows, row.dimensions, row.data)

    def save_vectors(self, briefing_id: int, vectors: StoredVectors) -> None:
        """Store the sentence vectors of a briefing loaded without them (kept if present)."""
        with _store_errors(), self._sessions.begin() as session:
            exists = session.scalars(
                select(SentenceVectorsRow.id).where(
                    SentenceVectorsRow.briefing_id == briefing_id,
                    SentenceVectorsRow.model == vectors.model,
                )
            ).first()
            if exists is None and session.get(BriefingRow, briefing_id) is not None:
                row = _vectors_row(vectors)
                row.briefing_id = briefing_id
                session.add(row)

    def active_id(self) -> int | None:
        """Return the id of the active briefing, or None when the store is empty."""
        with _store_errors(), self._sessions.begin() as session:
            return _active_id(session)

    def active(self) -> tuple[int, Document] | None:
        """Return the active briefing's id and document, read from one snapshot."""
        with _store_errors(), self._sessions.begin() as session:
            briefing_id = _active_id(session)
            if briefing_id is None:
                return None
            return briefing_id, _read(session, briefing_id)

    def previous(self) -> Document | None:
        """Return the briefing that was active before the current one, if kept."""
        with _store_errors(), self._sessions.begin() as session:
            active = _active_id(session)
            stmt = select(BriefingRow.id).order_by(BriefingRow.id.desc())
            if active is not None:
                stmt = stmt.where(BriefingRow.id < active)
            previous_id = session.scalars(stmt.limit(1)).first()
            return None if previous_id is None else _read(session, previous_id)


def _redacted(url: str) -> str:
    """Return `url` without its password."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _active_id(session: Session) -> int | None:
    state = session.get(StateRow, ACTIVE_KEY)
    return None if state is None else int(state.value)


def _prune(session: Session, *, keep_newest: int) -> None:
    """Delete all but the newest `keep_newest` briefings; the database cascades to facts."""
    stale = session.scalars(
        select(BriefingRow.id).order_by(BriefingRow.id.desc()).offset(keep_newest)
    ).all()
    if stale:
        session.execute(delete(BriefingRow).where(BriefingRow.id.in_(stale)))


def _vectors_row(vectors: StoredVectors) -> SentenceVectorsRow:
    return SentenceVectorsRow(
        model=vectors.model, rows=vectors.rows, dimensions=vectors.dimensions, data=vectors.data
    )


def _to_row(document: Document, loaded_at: datetime) -> BriefingRow:
    row = BriefingRow(
        title=document.title,
        checksum=document.checksum,
        loaded_at=loaded_at,
        source=document.source,
        url=document.url,
        published=document.published,
        file_name=document.file_name,
    )
    row.paragraphs = [
        ParagraphRow(number=n, text=text) for n, text in enumerate(document.paragraphs, start=1)
    ]
    row.sentences = [
        SentenceRow(
            paragraph=s.paragraph,
            number=s.index,
            text=s.text,
            facts=[
                FactRow(kind=kind, value=value) for kind in FACT_KINDS for value in getattr(s, kind)
            ],
        )
        for s in document.sentences
    ]
    row.quotes = [
        QuoteRow(
            text=q.text,
            speaker=q.speaker,
            paragraph=q.paragraph,
            sentence=q.sentence,
            paragraphs=",".join(str(p) for p in q.paragraphs),
        )
        for q in document.quotes
    ]
    row.entities = [
        EntityRow(
            name=e.name,
            kind=e.kind.value,
            role=e.role,
            aliases=[AliasRow(alias=a) for a in e.aliases],
        )
        for e in document.entities
    ]
    return row


def _read(session: Session, briefing_id: int) -> Document:
    row = session.scalars(
        select(BriefingRow)
        .where(BriefingRow.id == briefing_id)
        .options(
            selectinload(BriefingRow.paragraphs),
            selectinload(BriefingRow.sentences).selectinload(SentenceRow.facts),
            selectinload(BriefingRow.quotes),
            selectinload(BriefingRow.entities).selectinload(EntityRow.aliases),
        )
    ).one()
    return Document(
        title=row.title,
        checksum=row.checksum,
        paragraphs=tuple(p.text for p in row.paragraphs),
        sentences=tuple(_sentence(s) for s in row.sentences),
        quotes=tuple(
            Quote(
                text=q.text,
                speaker=q.speaker,
                paragraph=q.paragraph,
                sentence=q.sentence,
                paragraphs=tuple(int(p) for p in q.paragraphs.split(",") if p),
            )
            for q in row.quotes
        ),
        entities=tuple(
            Entity(
                name=e.name,
                kind=EntityKind(e.kind),
                role=e.role,
                aliases=tuple(a.alias for a in e.aliases),
            )
            for e in row.entities
        ),
        source=row.source,
        url=row.url,
        published=row.published,
        file_name=row.file_name,
        loaded_at=_aware(row.loaded_at),
    )


def _sentence(row: SentenceRow) -> Sentence:
    values: dict[str, list[str]] = {kind: [] for kind in FACT_KINDS}
    for fact in row.facts:
        values.setdefault(fact.kind, []).append(fact.value)
    return Sentence(
        paragraph=row.paragraph,
        index=row.number,
        text=row.text,
        numbers=tuple(values["numbers"]),
        amounts=tuple(values["amounts"]),
        dates=tuple(values["dates"]),
        places=tuple(values["places"]),
    )


def _aware(moment: datetime) -> datetime:
    """Return `moment` with UTC attached (SQLite drops the zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
