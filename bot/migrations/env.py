"""Alembic's environment: runs on the connection `bot.migrate` hands it (already locked, in a transaction)."""

from __future__ import annotations

from alembic import context

# Autogenerate (`python -m bot db revision`) sees only tables whose classes are imported: bot.app
# imports every module the bot uses, so a table mapped anywhere in the app is seen.
import bot.app  # noqa: F401
from bot.store import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run migrations through bot.migrate (python -m bot db ...), which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place: batch operations copy the table, and work on PostgreSQL too.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
