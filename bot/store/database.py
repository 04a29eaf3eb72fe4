"""The bot's database: users' language choices and which Slack events and threads were already answered.

One SQLAlchemy `Base` holds every table (rate-card versions and audit rows are mapped in
`bot/store/card_versions.py`); `create_schema` brings a database to them through the Alembic revisions in
`bot/store/migrations/`.
Every write that must happen once across several instances is a single INSERT ... ON CONFLICT
statement: the database, not this process, decides who won.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import DateTime, Engine, String, create_engine, delete, event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

logger = logging.getLogger(__name__)

__all__ = [
    "create_schema", "Base", "DatabaseLate", "HandledEvent", "Store", "ThreadReply", "UserLanguage",
    "caller_deadline", "engine_options", "utcnow",
]  # fmt: skip

#: Slack retries an event for a few minutes at most; a day of ids is plenty and keeps the table small.
HANDLED_EVENT_RETENTION = dt.timedelta(days=1)
#: A thread's last unprompted answer matters for its cooldown (minutes); older rows are only weight.
THREAD_REPLY_RETENTION = dt.timedelta(days=1)
#: Seconds to wait for a PostgreSQL connection before calling the database unavailable.
CONNECT_TIMEOUT = 5
#: Server-side bounds (ms): a statement, a lock wait, and a transaction left idle (its client frozen
#: away mid-transaction: the server rolls it back, so a write the client gave up on never lands later).
STATEMENT_TIMEOUT_MS = 5000
LOCK_TIMEOUT_MS = 3000
IDLE_IN_TRANSACTION_TIMEOUT_MS = 3000
#: TCP: probe an idle connection after 5 s, every 2 s, give up after 2 misses; unacknowledged data
#: fails the socket after 5 s (a host that crashed or a partition sends no RST).
_PG_TCP = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2, "tcp_user_timeout": 5000}
#: Seconds a request waits for a pooled connection before giving up (all of them busy or stuck).
POOL_TIMEOUT = 2
#: Prune old event ids after this many claims (cheap, and no scheduler needed).
_PRUNE_EVERY = 500


def utcnow() -> dt.datetime:
    """Naive UTC: SQLite drops time zones, so every timestamp is stored and compared as naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _log_outage(what: str, error: Exception) -> None:
    cause = error.orig if isinstance(error, DBAPIError) else error
    logger.warning("database unavailable while %s (%s); carrying on without it", what, type(cause).__name__)


def engine_options(url: str) -> dict[str, Any]:
    """`create_engine` options that bound every database call in time (issue 17).

    A database that stops answering without closing the connection (host crash, partition) would
    otherwise hold a pooled connection's ping, a statement or a checkout for the whole outage.
    """
    options: dict[str, Any] = {"pool_pre_ping": True, "pool_timeout": POOL_TIMEOUT}
    if url.startswith("postgresql"):
        server = (f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS} "
                  f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}")  # fmt: skip
        options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT, "options": server, **_PG_TCP}
    return options


class DatabaseLate(Exception):
    """A transaction reached its commit after the caller's deadline: rolled back, nothing written."""


#: When the caller stops waiting (time.monotonic()); a commit after it is refused. Set per call by
#: `caller_deadline`, in the thread that runs the call.
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("database_deadline", default=None)


class CommitGate:
    """Which came first for one call: a commit starting, or its caller giving up on it.

    A deadline alone cannot settle it: on a loaded machine a commit begun just before the deadline can land
    after the caller has said "nothing was saved". Here the two are decided under one lock: once a commit has
    begun the caller waits for its outcome, and once the caller has given up no commit begins.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._began = False
        self._abandoned = False

    def begin_commit(self) -> bool:
        """Called as a transaction commits: False when the caller has given up (the commit is refused)."""
        with self._lock:
            if not self._abandoned:
                self._began = True
            return not self._abandoned

    def abandon(self) -> bool:
        """Called by a caller that stops waiting: True when no commit has begun, so none will."""
        with self._lock:
            if not self._began:
                self._abandoned = True
            return not self._began


#: The gate of the call running in this thread, if its caller keeps one (`caller_deadline`).
_gate: contextvars.ContextVar[CommitGate | None] = contextvars.ContextVar("database_commit_gate", default=None)


@contextlib.contextmanager
def caller_deadline(seconds: float | None, gate: CommitGate | None = None) -> Iterator[None]:
    """Within this block, a transaction that would commit after ``seconds`` from now rolls back instead, and so
    does one whose caller has given up (``gate``).

    The caller reports a timeout at its deadline; without this its write could still land later
    (when a frozen database came back), a change nobody was told about.
    """
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    gate_token = _gate.set(gate)
    try:
        yield
    finally:
        _gate.reset(gate_token)
        _deadline.reset(token)


def _refuse_late_commit(_conn: Any) -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise DatabaseLate("the caller stopped waiting before this transaction could commit")
    gate = _gate.get()
    if gate is not None and not gate.begin_commit():
        raise DatabaseLate("the caller gave up before this transaction could commit")


class Base(DeclarativeBase):
    """Declarative base of every table the bot owns."""


def create_schema(engine: Engine) -> None:
    """Bring the database to the newest schema revision (bot/store/migrations); safe when instances start together.

    A new table or column is a mapped class or attribute here *and* a revision file: see README
    "Database schema" (`tests/bot/test_migrations.py` fails while the two disagree).
    """
    from bot.store.migrate import SchemaAhead, upgrade_to_head  # Alembic loads only in processes with a database

    try:
        upgrade_to_head(engine)
    except SchemaAhead as error:
        # A newer release migrated this database (e.g. this release was rolled back to): serve with the
        # tables as they are rather than not at all; this release only reads the columns it knows.
        logger.warning("%s; not migrating", error)


class UserLanguage(Base):
    """A language a user chose with `/gemini-cost lang ...`; no row means "auto" (Slack locale)."""

    __tablename__ = "user_languages"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    lang: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class HandledEvent(Base):
    """A Slack event (or message) that some instance already took on; the primary key makes it once-only.

    ``event_key`` is Slack's ``event_id`` for retried deliveries, or ``message:<channel>:<ts>`` for a
    message that arrives as two events (``app_mention`` and ``message.channels``).
    """

    __tablename__ = "handled_events"

    event_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    handled_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class ThreadReply(Base):
    """When the bot last answered an unprompted channel question in a thread (at most once per window)."""

    __tablename__ = "thread_replies"

    channel: Mapped[str] = mapped_column(String(32), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(32), primary_key=True)
    replied_at: Mapped[dt.datetime] = mapped_column(DateTime)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run beside a writer, and busy_timeout makes a second writer (another
    # thread or instance) wait its turn instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")  # first, so switching to WAL also waits its turn
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class Store:
    """Reads and writes the bot's tables; safe to share between threads and instances."""

    def __init__(
        self, engine: Engine, *, clock: Callable[[], dt.datetime] = utcnow, prune_every: int = _PRUNE_EVERY
    ) -> None:
        self.engine = engine
        self._clock = clock
        self._prune_every = prune_every
        self._claims = 0
        self._claims_lock = threading.Lock()
        dialect = engine.dialect.name
        # Both dialects' insert() offer on_conflict_do_nothing/do_update with the same signature.
        self._insert: Callable[..., Any]
        if dialect == "sqlite":
            self._insert = sqlite.insert
        elif dialect == "postgresql":
            self._insert = postgresql.insert
        else:  # Settings only admit these two; a third would need its own upsert.
            raise ValueError(f"unsupported database dialect: {dialect}")

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> Store:
        """Connect (without touching the database yet) to ``url``."""
        engine = create_engine(url, **engine_options(url))
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "commit", _refuse_late_commit)
        return cls(engine, **kwargs)

    def create_schema(self) -> None:
        create_schema(self.engine)

    def now(self) -> dt.datetime:
        """This store's clock (naive UTC): tests move it."""
        return self._clock()

    @property
    def insert(self) -> Callable[..., Any]:
        """This dialect's INSERT with ON CONFLICT, for tables kept in sibling modules."""
        return self._insert

    def dispose(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """`SELECT 1`: raises when the database does not answer (the readiness probe bounds the wait)."""
        with self.engine.connect() as conn:
            conn.execute(select(1))

    # -- language choices -----------------------------------------------------------------------

    def get_lang(self, user_id: str) -> str | None:
        """The language the user chose, or None when they chose none (or "auto") or the database is down.

        A database outage must not stop answers: the Slack locale decides meanwhile.
        """
        try:
            with self.engine.connect() as conn:
                return conn.execute(
                    select(UserLanguage.lang).where(UserLanguage.user_id == user_id)
                ).scalar_one_or_none()
        except (SQLAlchemyError, DatabaseLate) as error:  # pool time-outs too: not DBAPIError
            _log_outage("reading a language choice", error)
            return None

    def set_lang(self, user_id: str, lang: str | None) -> None:
        """Remember ``lang`` for the user; None forgets the choice (back to their Slack locale)."""
        with self.engine.begin() as conn:
            if lang is None:
                conn.execute(delete(UserLanguage).where(UserLanguage.user_id == user_id))
                return
            now = self._clock()
            stmt = self._insert(UserLanguage).values(user_id=user_id, lang=lang, updated_at=now)
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[UserLanguage.user_id], set_={"lang": lang, "updated_at": now}
                )
            )

    # -- at-most-once handling ------------------------------------------------------------------

    def claim_event(self, event_key: str) -> bool | None:
        """True exactly once per key across every instance on this database; False for repeats.

        None when the database could not say (down, or too slow for the caller): not "new", so a
        caller that must not answer twice decides on what it knows itself (`bot.slack.claims`).
        """
        try:
            with self.engine.begin() as conn:
                stmt = self._insert(HandledEvent).values(event_key=event_key, handled_at=self._clock())
                # RETURNING, not rowcount: psycopg reports rowcount -1 for INSERT ... ON CONFLICT.
                stmt = stmt.on_conflict_do_nothing().returning(HandledEvent.event_key)
                claimed = conn.execute(stmt).scalar_one_or_none() is not None
        except (SQLAlchemyError, DatabaseLate) as error:  # pool time-outs too: not DBAPIError
            _log_outage("recording a handled event", error)
            return None
        with self._claims_lock:
            self._claims += 1
            due = self._claims % self._prune_every == 0
        if due:
            self._prune_quietly()
        return claimed

    def _prune_quietly(self) -> None:
        """Housekeeping after a claim: its failure must not cost the claim, which is already recorded
        (raising here would leave this delivery unanswered, and Slack's retry is now a duplicate)."""
        try:
            self.prune_events()
            self.prune_thread_replies()
        except Exception:  # noqa: BLE001  # any failure: log it, answer anyway, prune next time
            logger.warning("pruning old event ids failed; will try again later", exc_info=True)

    def claim_thread(self, channel: str, thread_ts: str, cooldown: dt.timedelta) -> bool:
        """True when nobody answered in this thread within ``cooldown``; records this answer if so."""
        now = self._clock()
        stmt = self._insert(ThreadReply).values(channel=channel, thread_ts=thread_ts, replied_at=now)
        # Insert, or take over a stale row; a fresh row makes the statement touch nothing.
        stmt = stmt.on_conflict_do_update(
            index_elements=[ThreadReply.channel, ThreadReply.thread_ts],
            set_={"replied_at": now},
            where=ThreadReply.replied_at < now - cooldown,
        ).returning(ThreadReply.channel)
        try:
            with self.engine.begin() as conn:
                return conn.execute(stmt).scalar_one_or_none() is not None
        except (SQLAlchemyError, DatabaseLate) as error:  # pool time-outs too: not DBAPIError
            # Unprompted answers are optional: with the database down, stay quiet rather than repeat.
            _log_outage("recording a thread answer", error)
            return False

    def prune_events(self, older_than: dt.timedelta = HANDLED_EVENT_RETENTION) -> int:
        """Forget handled-event keys older than Slack could still retry; returns how many went."""
        with self.engine.begin() as conn:
            result = conn.execute(delete(HandledEvent).where(HandledEvent.handled_at < self._clock() - older_than))
            return result.rowcount

    def prune_thread_replies(self, older_than: dt.timedelta = THREAD_REPLY_RETENTION) -> int:
        """Forget threads answered longer ago than any cooldown; returns how many went."""
        with self.engine.begin() as conn:
            result = conn.execute(delete(ThreadReply).where(ThreadReply.replied_at < self._clock() - older_than))
            return result.rowcount
