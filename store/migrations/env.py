"""Alembic's environment: runs the migrations on the connection `store.schema` hands it.

briefbot applies its migrations itself when a Repository opens the store (under a
lock, see store/schema.py); there is no alembic.ini.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from store.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("briefbot's migrations run from store.schema.migrate(), with a connection")
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
