"""Operator insight: the questions handled (when, answered or not, how fast) and the
questions abstained on (text and count only, never who asked).

Revision ID: b0003
Revises: b0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b0003"
down_revision: str | None = "b0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "handled_questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered", sa.Boolean, nullable=False),
        sa.Column("ms", sa.Float, nullable=False),
    )
    op.create_index("ix_handled_questions_at", "handled_questions", ["at"])
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(500), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("last_asked", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_unanswered_questions_last_asked", "unanswered_questions", ["last_asked"])


def downgrade() -> None:
    op.drop_index("ix_unanswered_questions_last_asked", "unanswered_questions")
    op.drop_table("unanswered_questions")
    op.drop_index("ix_handled_questions_at", "handled_questions")
    op.drop_table("handled_questions")
