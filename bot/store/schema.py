"""Every table the bot maps, in one import: what migrations and their autogenerate compare the database with.

Tables live in `bot.store` only (a mapped class elsewhere would be invisible here and to `db revision`).
"""

from __future__ import annotations

from sqlalchemy import MetaData

from bot.store import card_versions, conversations, database

__all__ = ["metadata"]

#: The modules whose classes map tables; importing them registers their tables on the shared `Base`.
TABLE_MODULES = (database, card_versions, conversations)

metadata: MetaData = database.Base.metadata
