"""Version ids are never given twice: `active_briefing.last_version` keeps the highest id
given, so loading after pruning the newest version does not reuse its id (SQLite gives
the highest rowid + 1, and the id an operator noted would name another briefing).

Revision ID: b0004
Revises: b0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b0004"
down_revision: str | None = "b0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column(
        "active_briefing",
        sa.Column("last_version", sa.Integer, nullable=False, server_default="0"),
    )
    op.execute(
        "UPDATE active_briefing SET last_version = (SELECT coalesce(max(id), 0) FROM briefings)"
    )


def downgrade() -> None:
    with op.batch_alter_table("active_briefing") as batch:
        batch.drop_column("last_version")
