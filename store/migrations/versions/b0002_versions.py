"""Versions: an index on every foreign key, the active version as a foreign key (no
deleted active briefing possible), and text columns without a length limit.

The old key/value `state` row becomes the one-row table `active_briefing`; a store
whose state named a briefing that no longer exists (the overlapping-loads bug) gets
its newest briefing as the active one.

Revision ID: b0002
Revises: b0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b0002"
down_revision: str | None = "b0001"
branch_labels: str | None = None
depends_on: str | None = None

# (table, column) of every foreign key the first schema left without an index
FOREIGN_KEYS = (
    ("paragraphs", "briefing_id"),
    ("sentences", "briefing_id"),
    ("quotes", "briefing_id"),
    ("entities", "briefing_id"),
    ("facts", "sentence_id"),
    ("aliases", "entity_id"),
)
# columns whose VARCHAR length a long title, name or role could exceed (PostgreSQL
# enforces it; SQLite never did)
UNLIMITED = (
    ("briefings", ("title", "source", "url", "published", "file_name")),
    ("entities", ("name", "role")),
    ("aliases", ("alias",)),
    ("facts", ("value",)),
    ("quotes", ("speaker", "paragraphs")),
)


def upgrade() -> None:
    for table, column in FOREIGN_KEYS:
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.create_table(
        "active_briefing",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("briefing_id", sa.Integer, sa.ForeignKey("briefings.id", ondelete="RESTRICT")),
        sa.CheckConstraint("id = 1", name="ck_active_briefing_one_row"),
    )
    op.create_index("ix_active_briefing_briefing_id", "active_briefing", ["briefing_id"])
    op.execute(
        "INSERT INTO active_briefing (id, briefing_id) SELECT 1, (SELECT max(b.id) FROM "
        "briefings b JOIN state s ON s.key = 'active_briefing' "
        "AND s.value = CAST(b.id AS VARCHAR(20)))"
    )
    op.execute(
        "UPDATE active_briefing SET briefing_id = (SELECT max(id) FROM briefings) "
        "WHERE briefing_id IS NULL"
    )
    op.drop_table("state")
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in UNLIMITED:
            for column in columns:
                op.alter_column(table, column, type_=sa.Text())


def downgrade() -> None:
    op.create_table(
        "state",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.String(300), nullable=False),
    )
    op.execute(
        "INSERT INTO state (key, value) SELECT 'active_briefing', CAST(briefing_id AS "
        "VARCHAR(20)) FROM active_briefing WHERE briefing_id IS NOT NULL"
    )
    op.drop_index("ix_active_briefing_briefing_id", "active_briefing")
    op.drop_table("active_briefing")
    for table, column in FOREIGN_KEYS:
        op.drop_index(f"ix_{table}_{column}", table)
