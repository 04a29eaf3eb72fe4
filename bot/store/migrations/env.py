"""Alembic's environment: runs on the connection `bot.store.migrate` hands it (already locked, in a transaction)."""

from __future__ import annotations

from alembic import context

# Autogenerate (`python -m bot db revision`) sees only tables whose classes are imported: the schema
# module imports every module that maps one.
from bot.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run migrations through bot.store.migrate (python -m bot db ...), which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things in place: batch operations copy the table, and work on PostgreSQL too.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
