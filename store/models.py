"""SQLAlchemy models of the fact store: briefings (versions) and the facts learned from them.

The schema itself is made and changed by the Alembic migrations in `store/migrations/`;
these models must match it (tests/test_migrations.py checks that they do).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class BriefingRow(Base):
    """One version: a loaded briefing; its children are deleted with it."""

    __tablename__ = "briefings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64), index=True)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(Text)

    paragraphs: Mapped[list[ParagraphRow]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan", order_by="ParagraphRow.number"
    )
    sentences: Mapped[list[SentenceRow]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan", order_by="SentenceRow.id"
    )
    quotes: Mapped[list[QuoteRow]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan", order_by="QuoteRow.id"
    )
    entities: Mapped[list[EntityRow]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan", order_by="EntityRow.id"
    )
    vectors: Mapped[list[SentenceVectorsRow]] = relationship(cascade="all, delete-orphan")


class ParagraphRow(Base):
    __tablename__ = "paragraphs"
    __table_args__ = (UniqueConstraint("briefing_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    briefing: Mapped[BriefingRow] = relationship(back_populates="paragraphs")


class SentenceRow(Base):
    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("briefing_id", "paragraph", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    paragraph: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    briefing: Mapped[BriefingRow] = relationship(back_populates="sentences")
    facts: Mapped[list[FactRow]] = relationship(
        back_populates="sentence", cascade="all, delete-orphan", order_by="FactRow.id"
    )


class FactRow(Base):
    """A number, amount, date or place mentioned in a sentence."""

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sentence_id: Mapped[int] = mapped_column(
        ForeignKey("sentences.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(Text)

    sentence: Mapped[SentenceRow] = relationship(back_populates="facts")


class EntityRow(Base):
    """A person or organisation, with the role the article gives them."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[str | None] = mapped_column(Text)

    briefing: Mapped[BriefingRow] = relationship(back_populates="entities")
    aliases: Mapped[list[AliasRow]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", order_by="AliasRow.id"
    )


class AliasRow(Base):
    """Another name the article uses for an entity ("Mr Healey")."""

    __tablename__ = "aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(Text)

    entity: Mapped[EntityRow] = relationship(back_populates="aliases")


class QuoteRow(Base):
    """A direct quote and its speaker (a name; None when unattributed)."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)
    paragraph: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[int] = mapped_column(Integer)
    paragraphs: Mapped[str] = mapped_column(Text, default="")

    briefing: Mapped[BriefingRow] = relationship(back_populates="quotes")


class SentenceVectorsRow(Base):
    """The embeddings of a briefing's sentences under one model, float32, in sentence order."""

    __tablename__ = "sentence_vectors"
    __table_args__ = (UniqueConstraint("briefing_id", "model"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    model: Mapped[str] = mapped_column(String(100))
    rows: Mapped[int] = mapped_column(Integer)
    dimensions: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ActiveRow(Base):
    """The one row naming the version readers see (NULL while the store is empty).

    A foreign key (ON DELETE RESTRICT) makes a deleted active version impossible, and
    writers lock this row, which puts loads, activations and prunes in one queue.
    `last_version` is the highest version id ever given, so a pruned id is never given
    again (SQLite would reuse the highest id once it is deleted).
    """

    __tablename__ = "active_briefing"
    __table_args__ = (CheckConstraint("id = 1", name="ck_active_briefing_one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    briefing_id: Mapped[int | None] = mapped_column(
        ForeignKey("briefings.id", ondelete="RESTRICT"), index=True
    )
    last_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class HandledRow(Base):
    """A question the bot handled: when, whether it answered, and in how many ms."""

    __tablename__ = "handled_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    answered: Mapped[bool] = mapped_column(Boolean)
    ms: Mapped[float] = mapped_column(Float)


class UnansweredRow(Base):
    """A question the bot abstained on (its text only, never who asked), counted."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(500), unique=True)
    text: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)
    last_asked: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
