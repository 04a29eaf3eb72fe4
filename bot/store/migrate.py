"""Schema migrations: bring the database to the newest revision, once, however many instances start at once.

Every process runs `upgrade_to_head` at start (through `create_schema`). Instances starting together
queue on a lock, so exactly one migrates and the others find the work done:

- PostgreSQL: a transaction-scoped advisory lock (`pg_advisory_xact_lock`), and the whole upgrade in
  that one transaction, so a failed migration leaves nothing half-done (PostgreSQL's DDL is transactional);
- SQLite: an exclusive `flock` on a file beside the database (`<file>.lock`); an in-memory database
  belongs to one process and needs none.

A database made before migrations existed (by `create_all`) has the bot's tables but no
`alembic_version`: it is compared with the baseline revision's schema and, if it matches, stamped at
the baseline (tables it lacks entirely are created first) and then upgraded like any other, so its rows
stay. A mismatch stops with `SchemaMismatch` listing the differences, and nothing is changed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, func, inspect, select, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic (with Mako and Pygments, about a sixth of a process's start-up imports) is imported only where a
# migration runs, a database is adopted or compared, or revisions are listed: a start on a database already
# at head checks that with `_shipped_head` and one query (`_stored_revision`), and never loads it.

logger = logging.getLogger(__name__)

__all__ = [
    "BASELINE_REVISION",
    "MIGRATIONS_DIR",
    "SchemaAhead",
    "SchemaMismatch",
    "Upgrade",
    "baseline_tables_in",
    "current_revision",
    "head_revision",
    "MigrationLockTimeout",
    "migration_lock",
    "new_revision",
    "revisions",
    "upgrade_to_head",
]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BASELINE_REVISION = "0001"
#: One advisory-lock key for "migrating the gemini-cost schema" (any fixed 63-bit number would do).
PG_LOCK_KEY = zlib.crc32(b"gemini-cost schema migrations")

try:  # POSIX; elsewhere (a developer's Windows shell) one process owns its SQLite file anyway
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


class SchemaMismatch(RuntimeError):
    """The database has the bot's tables but not as the baseline made them; nothing was changed."""

    def __init__(self, differences: list[str]) -> None:
        self.differences = differences
        super().__init__(
            "the database's tables differ from the schema this release adopts: " + "; ".join(differences)
        )


class SchemaAhead(RuntimeError):
    """The database is at a revision this release does not know (a newer release migrated it)."""

    def __init__(self, revision: str, head: str) -> None:
        self.revision = revision
        self.head = head
        super().__init__(f"the database is at schema revision {revision}, newer than this release's {head}")


@dataclass(frozen=True)
class Upgrade:
    """What `upgrade_to_head` did: the revision found, the one left, and whether create_all tables were adopted."""

    before: str | None
    after: str
    adopted: bool

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest revision shipped (exactly one: two heads after a merge is an error, see README)."""
    head = _script().get_current_head()
    assert head is not None, "no revisions in bot/store/migrations/versions"
    return head


def revisions() -> list[tuple[str, str]]:
    """(revision, first line of its docstring) for every shipped revision, newest first."""
    return [(s.revision, (s.doc or "").strip().splitlines()[0] if s.doc else "") for s in _script().walk_revisions()]


def current_revision(engine: Engine) -> str | None:
    """The database's revision; None when it has never been migrated (empty, or made by create_all)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine) -> Upgrade:
    """Adopt and upgrade the database to `head_revision()`; a no-op (a lock and one query) when it is there."""
    shipped = _shipped_head()
    if engine.dialect.name != "sqlite" and shipped is not None:
        with engine.connect() as conn:
            if _stored_revision(conn) == shipped:
                return Upgrade(shipped, shipped, adopted=False)
    # On SQLite even the first look waits for the file lock: the first connection to a new file
    # switches it to WAL (bot/store/database.py), and that switch fails at once, without waiting, while any
    # other connection is open on the file. The flock costs microseconds.
    with migration_lock(engine) as conn:
        # Re-read under the lock: another instance may have finished while this one waited.
        if shipped is not None and _stored_revision(conn) == shipped:
            return Upgrade(shipped, shipped, adopted=False)
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        head = head_revision()
        before = MigrationContext.configure(conn).get_current_revision()
        if before is not None and not _known(before):
            raise SchemaAhead(before, head)
        adopted = before is None and _adopt_unversioned(conn)
        if before != head:
            command.upgrade(_config(conn), "head")
    result = Upgrade(before, head, adopted)
    if result.changed:
        # Setting up an empty database is routine (every first start); changing one with rows is news.
        level = logging.DEBUG if before is None and not adopted else logging.INFO
        logger.log(
            level, "database schema %s -> %s%s", before or "none", head, " (adopted tables made by create_all)" if adopted else ""
        )
    return result


#: `revision = "0002"` and `down_revision = "0001"` (or None) as a revision file assigns them at module level.
_REVISION_LINE = re.compile(r"""^(revision|down_revision)[ \t]*(?::[^=\n]*)?=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|(None))[ \t]*(?:#.*)?$""", re.M)


def _shipped_head() -> str | None:
    """The newest shipped revision read from the revision files' own assignments, without Alembic; None
    when that is not plain (a file without both lines, a merge revision, several heads): Alembic decides then.

    Only ever used to see that a database is already at head (`tests/bot/test_migrations.py` holds it
    equal to Alembic's `head_revision()`).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        if path.name == "__init__.py":
            continue
        found = {m.group(1): m.group(2) or m.group(3) for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8"))}
        if set(found) != {"revision", "down_revision"} or not found["revision"]:
            return None
        revisions.add(found["revision"])
        if found["down_revision"] is not None:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def _stored_revision(conn: Connection) -> str | None:
    """The revision in the database's `alembic_version` when it holds exactly one, else None (one query
    when the table exists; what Alembic's `MigrationContext.get_current_revision` reads)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def _known(revision: str) -> bool:
    from alembic.script.revision import ResolutionError

    try:
        return _script().get_revision(revision) is not None
    except ResolutionError:
        return False


#: Seconds an instance waits for another one's migration before giving up with a clear error.
MIGRATION_LOCK_TIMEOUT = 120.0
#: While waiting, a log line this often (seconds), so a stuck start says why.
_WAIT_LOG_EVERY = 10.0
_POLL = 0.2


class MigrationLockTimeout(RuntimeError):
    """Another instance held the migration lock for longer than `MIGRATION_LOCK_TIMEOUT`."""


@contextlib.contextmanager
def migration_lock(engine: Engine, timeout: float = MIGRATION_LOCK_TIMEOUT) -> Iterator[Connection]:
    """A connection in a transaction that no other instance's migration runs beside (see module doc).

    Taken by polling a try-lock: the wait is bounded (`MigrationLockTimeout`) and logged, and no
    statement blocks (the engine's statement timeout would cut a blocking lock wait short).
    """
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            # A migration may take longer than an answer's statement bounds (bot/store/database.py).
            conn.execute(text("SET LOCAL statement_timeout = '120s'"))
            conn.execute(text("SET LOCAL idle_in_transaction_session_timeout = '120s'"))
            _wait_for(lambda: bool(conn.execute(select(func.pg_try_advisory_xact_lock(PG_LOCK_KEY))).scalar()), timeout)
            yield conn
        return
    with _sqlite_file_lock(engine.url.database, timeout), engine.begin() as conn:
        yield conn


def _wait_for(take: Callable[[], bool], timeout: float) -> None:
    started = time.monotonic()
    logged = started
    while not take():
        waited = time.monotonic() - started
        if waited >= timeout:
            raise MigrationLockTimeout(f"another instance has held the schema migration lock for over {timeout:.0f} s")
        if time.monotonic() - logged >= _WAIT_LOG_EVERY or logged == started:
            logger.warning("waiting for another instance's schema migration (%.0f s so far)", waited)
            logged = time.monotonic()
        time.sleep(_POLL)


@contextlib.contextmanager
def _sqlite_file_lock(database: str | None, timeout: float = MIGRATION_LOCK_TIMEOUT) -> Iterator[None]:
    if not database or database == ":memory:" or database.startswith("file::memory:") or fcntl is None:
        yield
        return
    # Opened, never truncated: the file is only a lock, and instances share it by path.
    fd = os.open(f"{database}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _wait_for(lambda: _try_flock(fd), timeout)  # the instance migrating now releases it when its fd closes
        yield
    finally:
        os.close(fd)


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


# -- adopting a database made by create_all -------------------------------------------------------


def _baseline() -> MetaData:
    module: Any = _script().get_revision(BASELINE_REVISION).module  # type: ignore[union-attr]
    return module.BASELINE  # type: ignore[no-any-return]


def baseline_tables_in(engine: Engine) -> set[str]:
    """Which of the baseline's tables the database has (in an unversioned one: made by create_all)."""
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names()) & set(_baseline().tables)


def _adopt_unversioned(conn: Connection) -> bool:
    """Stamp a create_all database at the baseline after checking it is one; False when it is empty."""
    baseline = _baseline()
    present = set(inspect(conn).get_table_names()) & set(baseline.tables)
    if not present:
        return False  # an empty database: the baseline revision creates everything
    differences = _differences(conn, baseline, present)
    if differences:
        raise SchemaMismatch(differences)
    for table in baseline.sorted_tables:
        if table.name not in present:  # a release older than the table made the rest
            table.create(conn)
    from alembic import command

    command.stamp(_config(conn), BASELINE_REVISION)
    return True


def _differences(conn: Connection, baseline: MetaData, present: set[str]) -> list[str]:
    """What differs between the database's copies of the baseline tables and the baseline itself."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    context = MigrationContext.configure(
        conn,
        opts={
            "compare_type": True,
            # Only the baseline's tables: other tables (another app sharing the database) are not ours.
            "include_name": lambda name, kind, _parent: kind != "table" or name in present,
        },
    )
    found = []
    for diff in compare_metadata(context, baseline):
        ops = diff if isinstance(diff, list) else [diff]  # column modifications come grouped in lists
        for op in ops:
            if _table_of(op) not in present:
                continue  # a whole table missing (and its index) is fine: it is created before stamping
            found.append(_describe(op))
    return found


def _table_of(op: tuple[Any, ...]) -> str | None:
    kind, item = op[0], op[1]
    if kind in ("add_table", "remove_table"):
        return item.name  # type: ignore[no-any-return]
    if kind in ("add_column", "remove_column") or kind.startswith("modify_"):
        return op[2]  # type: ignore[no-any-return]
    if kind in ("add_fk", "remove_fk"):
        return item.parent.name  # type: ignore[no-any-return]
    table = getattr(item, "table", None)  # indexes and constraints
    return getattr(table, "name", None)


def _describe(op: tuple[Any, ...]) -> str:
    kind = op[0]
    words = kind.replace("_", " ")
    if kind in ("add_column", "remove_column"):
        return f"{words} {op[2]}.{op[3].name}"
    if kind.startswith("modify_"):
        return f"{words} {op[2]}.{op[3]}: {op[5]!r} in the database, {op[6]!r} expected"
    if kind in ("add_table", "remove_table"):
        return f"{words} {op[1].name}"
    return f"{words} {getattr(op[1], 'name', None) or ''} on {_table_of(op)}"


# -- writing a new revision (developers) ----------------------------------------------------------


def new_revision(message: str) -> Path:
    """Write the next revision file, autogenerated from the models against a scratch database at head.

    The scratch database (SQLite, in a temporary directory) means the result never depends on the
    state of anyone's real database. Review the file: autogenerate cannot see renames, and data
    changes (backfills) are written by hand.
    """
    from alembic import command

    numbers = [int(r) for r, _ in revisions() if r.isdigit()]
    rev_id = f"{max(numbers, default=0) + 1:04d}"
    with tempfile.TemporaryDirectory(prefix="gemini-cost-revision-") as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        try:
            with engine.begin() as conn:
                command.upgrade(_config(conn), "head")
            with engine.begin() as conn:
                script = command.revision(_config(conn), message=message, autogenerate=True, rev_id=rev_id)
        finally:
            engine.dispose()
    assert script is not None and not isinstance(script, list)
    _script.cache_clear()
    return Path(script.path)  # versions/<rev_id>_<message as a slug>.py
