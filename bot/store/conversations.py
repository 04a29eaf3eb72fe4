"""The last question the bot answered in each thread or DM, so a short follow-up ("what about 2.5
flash?", "换成 2.5 flash 呢") can re-price it on any instance.

Kept in the database beside the other tables (one row per conversation, overwritten by each answer);
a database outage only means a follow-up is answered as a new question.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from sqlalchemy import DateTime, String, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.database import Base, DatabaseLate, Store

__all__ = ["ConversationReading", "Conversations", "conversation_key", "FOLLOW_UP_WINDOW", "PRUNE_INTERVAL"]

logger = logging.getLogger(__name__)

#: A follow-up refers to a question asked within this window; older readings are pruned.
FOLLOW_UP_WINDOW = dt.timedelta(days=7)
#: Longest reading kept (the query language restating one question is far shorter).
MAX_READING_CHARS = 2000
#: Readings older than the window are deleted at most this often per process, by the clock (a count
#: of writes never came round with daily restarts), and at the first write after start.
PRUNE_INTERVAL = dt.timedelta(hours=1)


class ConversationReading(Base):
    """The reading (a question in the query language) last answered in one thread or DM."""

    __tablename__ = "conversation_readings"

    conversation: Mapped[str] = mapped_column(String(96), primary_key=True)
    reading: Mapped[str] = mapped_column(String(MAX_READING_CHARS))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


def conversation_key(channel: str | None, thread_ts: str | None) -> str | None:
    """`C123:1700000000.000100` for a thread, `D123` for a DM's main stream; None without a channel."""
    if not channel:
        return None
    return f"{channel}:{thread_ts}"[:96] if thread_ts else channel[:96]


class Conversations:
    """Reads and overwrites the last reading per conversation; never raises on a database outage."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pruned_at: dt.datetime | None = None
        self._lock = threading.Lock()

    def last(self, conversation: str | None) -> str | None:
        if conversation is None:
            return None
        since = self._store.now() - FOLLOW_UP_WINDOW
        try:
            with self._store.engine.connect() as conn:
                return conn.execute(
                    select(ConversationReading.reading).where(
                        ConversationReading.conversation == conversation, ConversationReading.updated_at >= since
                    )
                ).scalar_one_or_none()
        except (SQLAlchemyError, DatabaseLate) as error:  # pool time-outs too: not DBAPIError
            logger.warning("database unavailable while reading a conversation (%s)", type(getattr(error, "orig", error)).__name__)
            return None

    def remember(self, conversation: str | None, reading: str | None) -> None:
        if conversation is None or not reading or len(reading) > MAX_READING_CHARS:
            return
        now = self._store.now()
        stmt = self._store.insert(ConversationReading).values(conversation=conversation, reading=reading, updated_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[ConversationReading.conversation], set_={"reading": reading, "updated_at": now}
        )
        try:
            with self._store.engine.begin() as conn:
                conn.execute(stmt)
                with self._lock:
                    due = self._pruned_at is None or now - self._pruned_at >= PRUNE_INTERVAL
                    if due:
                        self._pruned_at = now
                if due:
                    conn.execute(delete(ConversationReading).where(ConversationReading.updated_at < now - FOLLOW_UP_WINDOW))
        except (SQLAlchemyError, DatabaseLate) as error:  # pool time-outs too: not DBAPIError
            logger.warning("database unavailable while keeping a conversation (%s)", type(getattr(error, "orig", error)).__name__)
