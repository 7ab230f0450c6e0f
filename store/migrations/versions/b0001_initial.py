"""The schema as `Base.metadata.create_all` made it before briefbot used Alembic.

A store made that way (tables, no alembic_version) is stamped with this revision and
upgraded from here (store/schema.py).

Revision ID: b0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _parent(table: str) -> sa.Column[int]:
    return sa.Column(
        "briefing_id", sa.Integer, sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "briefings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(300)),
        sa.Column("url", sa.String(1000)),
        sa.Column("published", sa.String(100)),
        sa.Column("file_name", sa.String(300)),
    )
    op.create_index("ix_briefings_checksum", "briefings", ["checksum"])
    op.create_table(
        "state",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.String(300), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        _parent("briefings"),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("role", sa.String(500)),
    )
    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer, primary_key=True),
        _parent("briefings"),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.UniqueConstraint("briefing_id", "number"),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True),
        _parent("briefings"),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker", sa.String(300)),
        sa.Column("paragraph", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("paragraphs", sa.String(300), nullable=False),
    )
    op.create_table(
        "sentence_vectors",
        sa.Column("id", sa.Integer, primary_key=True),
        _parent("briefings"),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("dimensions", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("briefing_id", "model"),
    )
    op.create_index("ix_sentence_vectors_briefing_id", "sentence_vectors", ["briefing_id"])
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True),
        _parent("briefings"),
        sa.Column("paragraph", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.UniqueConstraint("briefing_id", "paragraph", "number"),
    )
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "entity_id",
            sa.Integer,
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("alias", sa.String(300), nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "sentence_id",
            sa.Integer,
            sa.ForeignKey("sentences.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "facts",
        "aliases",
        "sentences",
        "sentence_vectors",
        "quotes",
        "paragraphs",
        "entities",
        "state",
        "briefings",
    ):
        op.drop_table(table)
