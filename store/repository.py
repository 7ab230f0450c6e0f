"""Persisting documents as versions, activating one, and reading the active one back.

Every load is a version (a row of `briefings` with its facts); the one-row table
`active_briefing` names the version readers see. Writers (a load, an activation, a
prune) first lock that row — BEGIN IMMEDIATE on SQLite — so they run one at a time
and never delete what another is writing or activating; the foreign key from that
row makes deleting the active version fail.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, selectinload, sessionmaker

from store.document import Document, Entity, EntityKind, Quote, Sentence
from store.errors import StoreUnavailable, VersionNotFound
from store.models import (
    ActiveRow,
    AliasRow,
    BriefingRow,
    EntityRow,
    FactRow,
    ParagraphRow,
    QuoteRow,
    SentenceRow,
    SentenceVectorsRow,
)
from store.notify import announce
from store.schema import migrate
from store.sqlite import BEGIN_MODE, BUSY_TIMEOUT_MS, configure_sqlite, prepare_sqlite_path

FACT_KINDS = ("numbers", "amounts", "dates", "places")
# how long a PostgreSQL connection attempt may take before the store counts as unreachable
CONNECT_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class StoredVectors:
    """A briefing's sentence embeddings under one model: `rows` float32 vectors, row-major."""

    model: str
    rows: int
    dimensions: int
    data: bytes


@dataclass(frozen=True)
class Version:
    """One stored version of the briefing, as `briefbot versions` lists it."""

    id: int
    title: str
    loaded_at: datetime
    sentences: int
    active: bool
    file_name: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Saved:
    """What `Repository.store` did: the version now active, and whether it was already
    stored (the same text loaded again) rather than written."""

    id: int
    reused: bool


def check_store(url: str) -> int:
    """Return the active briefing's id after opening the store read-only (no tables are
    created); raise StoreUnavailable when it cannot be opened or holds no briefing."""
    try:
        engine = create_engine(url, **_engine_options(url))
    except (ArgumentError, ValueError, ModuleNotFoundError) as error:
        raise StoreUnavailable(f"{_redacted(url)!r} is not a usable database URL") from error
    try:
        if engine.dialect.name == "sqlite":
            database = make_url(url).database or ""
            if database not in ("", ":memory:") and not Path(database).expanduser().is_file():
                raise StoreUnavailable(f"there is no store at {database!r}")
        with engine.connect() as connection:
            row = connection.execute(
                select(BriefingRow.id).join(ActiveRow, ActiveRow.briefing_id == BriefingRow.id)
            ).first()
    except (ProgrammingError, OperationalError) as error:
        if not _no_tables(error):
            raise StoreUnavailable(f"cannot read the store: {_one_line(error.orig)}") from error
        raise StoreUnavailable(
            "the store has no briefbot tables yet: run `briefbot load FILE` or start the bot"
        ) from error
    except SQLAlchemyError as error:
        raise StoreUnavailable(f"cannot read the store: {error.__class__.__name__}") from error
    finally:
        engine.dispose()
    if row is None:
        raise StoreUnavailable("the store has no active briefing")
    return int(row[0])


def _no_tables(error: ProgrammingError | OperationalError) -> bool:
    """Return True when `error` says a table does not exist: no one set the store up."""
    return isinstance(error, ProgrammingError) or "no such table" in str(error.orig)


def _engine_options(url: str) -> dict[str, Any]:
    """Return create_engine's options for `url`: on PostgreSQL, snapshot reads (a reader
    sees one commit throughout), a connection check before use, and a connect timeout."""
    if make_url(url).get_backend_name() != "postgresql":
        return {}
    return {
        "isolation_level": "REPEATABLE READ",
        "pool_pre_ping": True,
        "connect_args": {"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    }


def _one_line(error: object) -> str:
    return " ".join(str(error).split())


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """Turn a database failure into one line a user can act on."""
    try:
        yield
    except (OperationalError, InterfaceError) as error:
        if "locked" in str(error.orig):
            raise StoreUnavailable(
                "the store is locked by another process writing to it (waited "
                f"{BUSY_TIMEOUT_MS // 1000} s): try again when it has finished"
            ) from error
        raise StoreUnavailable(f"cannot use the store: {_one_line(error.orig)}") from error


class Repository:
    """The fact store behind one database URL; opening it brings its schema up to date."""

    def __init__(self, url: str) -> None:
        try:
            self.engine: Engine = create_engine(url, **_engine_options(url))
        except (ArgumentError, ValueError) as error:
            raise StoreUnavailable(
                f"{_redacted(url)!r} is not a database URL: set BRIEFBOT_DATABASE_URL (or "
                "--db) to one such as sqlite:////path/to/briefbot.db"
            ) from error
        except ModuleNotFoundError as error:
            extra = " (pip install 'briefbot[postgres]')" if error.name == "psycopg" else ""
            raise StoreUnavailable(
                f"no driver for {_redacted(url)!r}: {error.name} is not installed{extra}"
            ) from error
        prepare_sqlite_path(url)
        self.url = url
        writer_options: dict[str, Any] = {}
        if self.engine.dialect.name == "sqlite":
            configure_sqlite(self.engine)
            writer_options = {BEGIN_MODE: "IMMEDIATE"}
        elif self.engine.dialect.name == "postgresql":
            # a writer waits for the lock on the active row, then sees what was committed
            writer_options = {"isolation_level": "READ COMMITTED"}
        try:
            with _store_errors():
                migrate(self.engine)
        except StoreUnavailable as error:
            self.engine.dispose()
            reason = str(error).removeprefix("cannot use the store: ")
            raise StoreUnavailable(
                f"cannot open the store at {_redacted(url)!r}: {reason}"
            ) from error
        except SQLAlchemyError as error:  # say, no right to create tables
            self.engine.dispose()
            reason = _one_line(getattr(error, "orig", None) or error)
            raise StoreUnavailable(
                f"cannot set up the store at {_redacted(url)!r}: {reason}"
            ) from error
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(
            self.engine.execution_options(**writer_options), expire_on_commit=False
        )

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """Yield a session reading one snapshot; a database failure is StoreUnavailable."""
        with _store_errors(), self._sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """Yield a session in a write transaction, queued behind other writers."""
        with _store_errors(), self._writes.begin() as session:
            yield session

    # -- writing -------------------------------------------------------------------

    def save(self, document: Document, vectors: StoredVectors | None = None) -> int:
        """Store `document` as a version and make it active; return its id."""
        return self.store(document, vectors).id

    def store(
        self, document: Document, vectors: StoredVectors | None = None, *, if_empty: bool = False
    ) -> Saved:
        """Make `document` the active version, in one transaction: the version with the
        same text (checksum) if one is stored, else a new one with its sentence vectors.
        With `if_empty`, only when no version is active (a first start): otherwise the
        active version stays and is returned."""
        loaded_at = document.loaded_at or datetime.now(UTC)
        with _store_errors(), self._writes.begin() as session:
            active = _lock_active(session)
            if if_empty and active.briefing_id is not None:
                return Saved(active.briefing_id, reused=True)
            existing = session.scalars(
                select(BriefingRow.id)
                .where(BriefingRow.checksum == document.checksum)
                .order_by(BriefingRow.id.desc())
                .limit(1)
            ).first()
            if existing is not None:
                if active.briefing_id != existing:
                    active.briefing_id = existing
                    announce(session)
                if vectors is not None:
                    _add_vectors(session, existing, vectors)
                return Saved(existing, reused=True)
            row = _to_row(document, loaded_at)
            highest = session.scalar(select(func.max(BriefingRow.id))) or 0
            row.id = active.last_version = max(active.last_version or 0, highest) + 1
            if vectors is not None:
                row.vectors = [_vectors_row(vectors)]
            session.add(row)
            session.flush()
            active.briefing_id = row.id
            announce(session)
            return Saved(row.id, reused=False)

    def activate(self, version_id: int) -> Version:
        """Make the stored version `version_id` active (a rollback); raise VersionNotFound
        when there is none with that id."""
        with _store_errors(), self._writes.begin() as session:
            active = _lock_active(session)
            if session.get(BriefingRow, version_id) is None:
                raise VersionNotFound(
                    f"there is no version {version_id}: `briefbot versions` lists them"
                )
            active.briefing_id = version_id
            announce(session)
            session.flush()
            return _versions(session, version_id)[0]

    def prune(self, keep: int) -> list[int]:
        """Delete all but the `keep` newest versions, never the active one; return the
        ids deleted. A load in progress holds the writers' lock, so it is never touched."""
        if keep < 0:
            raise ValueError("keep must be zero or more")
        with _store_errors(), self._writes.begin() as session:
            active = _lock_active(session)
            ids = session.scalars(select(BriefingRow.id).order_by(BriefingRow.id.desc())).all()
            stale = [i for i in ids[keep:] if i != active.briefing_id]
            for start in range(0, len(stale), 500):
                chunk = stale[start : start + 500]
                session.execute(delete(BriefingRow).where(BriefingRow.id.in_(chunk)))
            return sorted(stale)

    def save_vectors(self, briefing_id: int, vectors: StoredVectors) -> None:
        """Store the sentence vectors of a briefing loaded without them (kept if present;
        nothing happens if the version was pruned meanwhile)."""
        with (
            contextlib.suppress(IntegrityError),
            _store_errors(),
            self._writes.begin() as session,
        ):
            if session.get(BriefingRow, briefing_id) is not None:
                _add_vectors(session, briefing_id, vectors)

    # -- reading -------------------------------------------------------------------

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

    def active_id(self) -> int | None:
        """Return the id of the active version, or None when the store is empty: one
        primary-key read, cheap enough to poll every few seconds."""
        with _store_errors(), self._sessions.begin() as session:
            return _active_id(session)

    def active(self) -> tuple[int, Document] | None:
        """Return the active version's id and document, read from one snapshot."""
        with _store_errors(), self._sessions.begin() as session:
            briefing_id = _active_id(session)
            if briefing_id is None:
                return None
            return briefing_id, _read(session, briefing_id)

    def document(self, version_id: int) -> Document:
        """Return a stored version's document; raise VersionNotFound if there is none."""
        with _store_errors(), self._sessions.begin() as session:
            if session.get(BriefingRow, version_id) is None:
                raise VersionNotFound(
                    f"there is no version {version_id}: `briefbot versions` lists them"
                )
            return _read(session, version_id)

    def versions(self) -> list[Version]:
        """Return every stored version, newest first."""
        with _store_errors(), self._sessions.begin() as session:
            return _versions(session)

    def previous_id(self) -> int | None:
        """Return the id of the newest version older than the active one, if any."""
        with _store_errors(), self._sessions.begin() as session:
            active = _active_id(session)
            stmt = select(BriefingRow.id).order_by(BriefingRow.id.desc())
            if active is not None:
                stmt = stmt.where(BriefingRow.id < active)
            return session.scalars(stmt.limit(1)).first()

    def previous(self) -> Document | None:
        """Return the newest version older than the active one, if any."""
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
    row = session.get(ActiveRow, 1)
    return None if row is None else row.briefing_id


def _lock_active(session: Session) -> ActiveRow:
    """Return the active row, locked until the transaction ends (the writers' queue)."""
    row = session.get(ActiveRow, 1, with_for_update=True)
    if row is None:  # the migration makes it; only a hand-edited store lacks it
        row = ActiveRow(id=1, briefing_id=None, last_version=0)
        session.add(row)
        session.flush()
    return row


def _versions(session: Session, only: int | None = None) -> list[Version]:
    sentences = (
        select(func.count(SentenceRow.id))
        .where(SentenceRow.briefing_id == BriefingRow.id)
        .scalar_subquery()
    )
    active = _active_id(session)
    stmt = select(
        BriefingRow.id,
        BriefingRow.title,
        BriefingRow.loaded_at,
        sentences,
        BriefingRow.file_name,
        BriefingRow.published,
    ).order_by(BriefingRow.id.desc())
    if only is not None:
        stmt = stmt.where(BriefingRow.id == only)
    return [
        Version(
            id=row[0],
            title=row[1],
            loaded_at=_aware(row[2]),
            sentences=int(row[3]),
            active=row[0] == active,
            file_name=row[4],
            published=row[5],
        )
        for row in session.execute(stmt)
    ]


def _add_vectors(session: Session, briefing_id: int, vectors: StoredVectors) -> None:
    """Add `vectors` to a stored version unless it has vectors under that model."""
    exists = session.scalars(
        select(SentenceVectorsRow.id).where(
            SentenceVectorsRow.briefing_id == briefing_id,
            SentenceVectorsRow.model == vectors.model,
        )
    ).first()
    if exists is None:
        row = _vectors_row(vectors)
        row.briefing_id = briefing_id
        session.add(row)


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
        version=row.id,
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
