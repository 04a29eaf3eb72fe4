"""The shared, durable rate card: numbered versions with an audit row each, undo and rollback."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    func,
    insert,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.database import Base, DatabaseLate, create_schema, utcnow
from pricing.edits import AdminInputError, card_from_json, card_to_json
from pricing.models import RateCard
from pricing.ratecard import PriceBook

__all__ = [
    "AuditEntry",
    "CardMovedOn",
    "CardVersion",
    "Change",
    "DatabaseUnavailable",
    "NothingChanged",
    "NothingToUndo",
    "RateCardAudit",
    "RateCardVersion",
    "RateStore",
    "RateStoreError",
    "TooManyConflicts",
    "UndoOvertaken",
    "UnknownVersion",
    "diff_cards",
]

#: Racing writers each lose at most once per competing change; 50 rounds is far beyond any real burst.
MAX_ATTEMPTS = 50
SYSTEM_USER = "system"
SEED_ACTION = "seed"
#: The audit action of the start-up upgrade that gives a card saved before price variants the data's.
VARIANTS_ACTION = "price variants from the data"
UNDO_ACTION = "undo"


# --- errors: codes and data only; bot/admin/render.py words them --------------------------------


class RateStoreError(Exception):
    """Base of the store's expected failures; ``code`` is stable, ``params`` hold the details.

    Deliberately not a `PricingError`: admin replies render these apart from pricing questions.
    """

    code = "rate_store_error"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code}: {params}" if params else self.code)


class DatabaseUnavailable(RateStoreError):
    """The database could not be reached or failed; nothing was written (the cause is chained)."""

    code = "database_unavailable"


class NothingChanged(RateStoreError):
    """The edit gives back the card it was given, so no version is made."""

    code = "nothing_changed"


class NothingToUndo(RateStoreError):
    """Every change since the seed is already undone."""

    code = "nothing_to_undo"


class UnknownVersion(RateStoreError):
    """No stored version has this number."""

    code = "unknown_version"

    def __init__(self, version: int) -> None:
        super().__init__(version=version)
        self.version = version


class CardMovedOn(RateStoreError):
    """The edit was made against version ``base`` (an export, a sync shown), but the card is now at ``latest``."""

    code = "card_moved_on"


class UndoOvertaken(RateStoreError):
    """While undoing ``target``, someone else's write made another version the one an undo would take back."""

    code = "undo_overtaken"


class TooManyConflicts(RateStoreError):
    """Other instances kept winning the next version number for `MAX_ATTEMPTS` rounds."""

    code = "too_many_conflicts"


# --- tables ---------------------------------------------------------------------------------


class RateCardVersion(Base):
    """One whole card as `card_to_json` writes it; version 1 is the shipped card."""

    __tablename__ = "rate_card_versions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    card_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(Text)
    #: For an undo: the version whose change it reverted (so a second undo reaches further back).
    undoes: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RateCardAudit(Base):
    """Who made a version, where, and every figure's before -> after (`changes_json`)."""

    __tablename__ = "rate_card_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Unique: written in the version's own transaction, so exactly one audit row per version.
    version: Mapped[int] = mapped_column(Integer, ForeignKey("rate_card_versions.version"), unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str] = mapped_column(Text)
    changes_json: Mapped[str] = mapped_column(Text)


# --- values handed out ----------------------------------------------------------------------


@dataclass(frozen=True)
class CardVersion:
    version: int
    card: RateCard
    created_at: dt.datetime
    created_by: str
    action: str


@dataclass(frozen=True)
class Change:
    """A version just written: the card before and after, and the figures that moved."""

    version: int
    before: RateCard
    after: RateCard
    changes: list[dict[str, Any]]
    action: str


@dataclass(frozen=True)
class AuditEntry:
    version: int
    at: dt.datetime
    user_id: str
    channel_id: str | None
    action: str
    changes: list[dict[str, Any]]


@dataclass(frozen=True)
class _Head:
    version: int
    card: RateCard


@dataclass(frozen=True)
class _Plan:
    card: RateCard
    action: str
    undoes: int | None = None


# --- the card diff --------------------------------------------------------------------------

_MISSING = object()


def diff_cards(before: RateCard, after: RateCard) -> list[dict[str, Any]]:
    """Every leaf that differs, as ``{"path", "before", "after"}`` with JSON values (decimals as strings).

    Generic on purpose: no edit describes itself, and a new field on the card is diffed for free.
    Lists of objects with an ``id`` (the models) are keyed by id, so adding a model does not shift
    the others' paths; values compare as Python values, so 0.30 and 0.3 are the same price. Entries
    follow the card's field order, with ``sources`` last.
    """
    found: list[dict[str, Any]] = []
    _diff("", _sources_last(before), _sources_last(after), found)
    return found


def _sources_last(card: RateCard) -> dict[str, Any]:
    # Figures before their provenance: a reader (and a renderer showing the first few) sees the
    # price that moved before the "sources.admin" entry an admin edit adds alongside it.
    data = card.model_dump(mode="python")
    data["sources"] = data.pop("sources")
    return data


def _diff(path: str, old: Any, new: Any, found: list[dict[str, Any]]) -> None:
    if _absent(old) and _absent(new):
        return
    old_tree, new_tree = _as_tree(old), _as_tree(new)
    if (old_tree is not None or _absent(old)) and (new_tree is not None or _absent(new)):
        # A side that is missing or None (a model added, storage priced for the first time) counts as
        # empty, so each leaf of the other side is listed on its own: every entry is before -> after.
        old_tree, new_tree = old_tree or {}, new_tree or {}
        for key in [*old_tree, *(k for k in new_tree if k not in old_tree)]:
            child = f"{path}.{key}" if path else str(key)
            _diff(child, old_tree.get(key, _MISSING), new_tree.get(key, _MISSING), found)
        return
    if type(old) is type(new) and old == new:
        return
    found.append({"path": path, "before": _leaf(old), "after": _leaf(new)})


def _absent(value: Any) -> bool:
    return value is _MISSING or value is None


def _as_tree(value: Any) -> dict[Any, Any] | None:
    """A dict, or a list of objects as a dict keyed by id (or by position when they have none)."""
    if isinstance(value, dict):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, dict) for v in value):  # () too: no entries
        if all("id" in v for v in value):
            return {v["id"]: v for v in value}
        return dict(enumerate(value))
    return None


def _leaf(value: Any) -> Any:
    return None if value is _MISSING else to_jsonable_python(value)


# --- the store ------------------------------------------------------------------------------


@contextmanager
def _database() -> Iterator[None]:
    """Turn any driver or pool failure into `DatabaseUnavailable`, keeping the cause for the log."""
    try:
        yield
    except (DBAPIError, PoolTimeoutError, OSError, DatabaseLate) as error:
        raise DatabaseUnavailable() from error


class RateStore:
    """Reads and writes rate-card versions; safe to share between threads and instances.

    Every write reads the newest version N, applies a pure edit, and inserts N+1 with INSERT ...
    ON CONFLICT DO NOTHING: the version's primary key decides which of two racing instances wins,
    and the loser re-reads and re-applies its edit on top, so both changes are kept and the
    versions stay one contiguous chain. No lock is held while an edit runs.
    """

    def __init__(
        self,
        engine: Engine,
        seed: RateCard,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        required_models: frozenset[str] = frozenset(),
    ) -> None:
        self.engine = engine
        self.seed = seed
        self._clock = clock
        #: Model ids this instance's settings answer with (DEFAULT_MODEL): no write may remove them.
        self.required_models = required_models
        dialect = engine.dialect.name
        self._insert: Callable[..., Any]
        if dialect == "sqlite":
            self._insert = sqlite.insert
        elif dialect == "postgresql":
            self._insert = postgresql.insert
        else:  # Settings only admit these two, as in bot/store/database.py.
            raise ValueError(f"unsupported database dialect: {dialect}")

    # -- reading --------------------------------------------------------------------------------

    def ensure_seed(self) -> None:
        """Create the bot's tables if missing and store the seed as version 1 unless it exists.

        Safe when several instances start at once: ON CONFLICT lets exactly one seed row in. The
        tables are created here too so an instance that started while the database was down can
        finish setting up by itself once it is back.
        """
        with _database():
            # Every table of the bot, not only ours: an instance that started with the database down
            # repairs the whole schema here once it is back (the card cache retries this).
            create_schema(self.engine)
            now = self._clock()
            with self.engine.begin() as conn:
                stmt = self._insert(RateCardVersion).values(
                    version=1, card_json=card_to_json(self.seed), created_at=now,
                    created_by=SYSTEM_USER, action=SEED_ACTION, undoes=None,
                )  # fmt: skip
                if self._inserted(conn, stmt):
                    conn.execute(self._audit_row(1, now, SYSTEM_USER, None, SEED_ACTION, []))

    def adopt_seed_variants(self) -> Change | None:
        """Give a card stored before price variants (by an earlier release) the shipped card's Batch, Flex
        and Priority prices, as one audited, undoable version; None when there is nothing to add.

        A model whose stored entry has no variants gets the seed's, and its old one-number batch share
        goes: prices come from the data's own variants, not a rule of thumb. The sources they cite come
        along. Run at start by every instance: the store's optimistic concurrency lets one write it,
        and the others find nothing left to add.
        """

        def edit(card: RateCard) -> RateCard:
            seeded = {m.id: m for m in self.seed.models}
            models = []
            cited: set[str] = set()
            for model in card.models:
                seed = seeded.get(model.id)
                if seed is not None and seed.variants and not model.variants:
                    model = model.model_copy(update={"variants": seed.variants, "batch_multiplier": None})
                    cited |= {v.source for v in seed.variants}
                models.append(model)
            sources = {**{k: v for k, v in self.seed.sources.items() if k in cited}, **card.sources}
            return card.model_copy(update={"models": tuple(models), "sources": sources})

        try:
            return self.change(edit, user_id=SYSTEM_USER, channel_id=None, action=VARIANTS_ACTION)
        except NothingChanged:
            return None

    def latest_version(self) -> int:
        """The newest version number (0 before the seed is stored): one indexed query."""
        with _database(), self.engine.connect() as conn:
            return int(conn.execute(select(func.max(RateCardVersion.version))).scalar_one() or 0)

    def load(self, version: int) -> CardVersion:
        with _database(), self.engine.connect() as conn:
            row = conn.execute(select(RateCardVersion).where(RateCardVersion.version == version)).one_or_none()
        if row is None:
            raise UnknownVersion(version)
        return CardVersion(row.version, card_from_json(row.card_json), row.created_at, row.created_by, row.action)

    def current(self) -> CardVersion:
        latest = self.latest_version()
        if latest == 0:
            self.ensure_seed()
            latest = self.latest_version()
        return self.load(latest)

    def history(self, limit: int) -> list[AuditEntry]:
        """The newest ``limit`` audit entries, newest first."""
        query = select(RateCardAudit).order_by(RateCardAudit.version.desc()).limit(limit)
        with _database(), self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            AuditEntry(r.version, r.at, r.user_id, r.channel_id, r.action, json.loads(r.changes_json)) for r in rows
        ]

    # -- writing --------------------------------------------------------------------------------

    def change(
        self,
        edit: Callable[[RateCard], RateCard],
        *,
        user_id: str,
        channel_id: str | None,
        action: str,
        base_version: int | None = None,
    ) -> Change:
        """Apply ``edit`` to the newest card and store the result as the next version, with its audit row.

        ``edit`` may run more than once (after losing a race it is re-applied to the winner's card);
        whatever it raises propagates and nothing is written. With ``base_version`` (the version an
        export or a shown sync was taken from), `CardMovedOn` unless that is still the newest, checked
        again on every retry, so a race lost to another writer refuses rather than overwrites.
        """

        def plan(head: _Head) -> _Plan:
            if base_version is not None and head.version != base_version:
                raise CardMovedOn(base=base_version, latest=head.version)
            return _Plan(edit(head.card), action)

        return self._write(plan, user_id=user_id, channel_id=channel_id)

    def undo(self, *, user_id: str, channel_id: str | None) -> Change:
        """Restore the card as it was before the newest change not already undone (undos are not undone).

        The version to undo is chosen once, from the card as first read: if a race is lost and another
        version has become the newest live change meanwhile, `UndoOvertaken` (never someone else's undone).
        """
        chosen: list[int] = []

        def plan(head: _Head) -> _Plan:
            target = self._undo_target(head)
            if chosen and target != chosen[0]:
                raise UndoOvertaken(target=chosen[0], latest=head.version)
            chosen.append(target)
            return _Plan(self.load(target - 1).card, UNDO_ACTION, undoes=target)

        return self._write(plan, user_id=user_id, channel_id=channel_id)

    def rollback(self, version: int, *, user_id: str, channel_id: str | None) -> Change:
        """Store a new version whose card is ``version``'s (itself undoable like any change)."""
        target = self.load(version).card  # UnknownVersion before anything else happens
        return self._write(lambda _head: _Plan(target, f"rollback {version}"), user_id=user_id, channel_id=channel_id)

    def _undo_target(self, head: _Head) -> int:
        with _database(), self.engine.connect() as conn:
            rows = conn.execute(
                select(RateCardVersion.version, RateCardVersion.undoes).where(RateCardVersion.version <= head.version)
            ).all()
        undone = {r.undoes for r in rows if r.undoes is not None}
        # Undos pair off with the newest live change, so everything after the target is an undo or
        # undone: the current card is the target's, and the one before it is what to restore.
        live = [r.version for r in rows if r.version > 1 and r.undoes is None and r.version not in undone]
        if not live:
            raise NothingToUndo()
        return max(live)

    def _write(self, plan_for: Callable[[_Head], _Plan], *, user_id: str, channel_id: str | None) -> Change:
        for _attempt in range(MAX_ATTEMPTS):
            head = self._head()
            plan = plan_for(head)
            if plan.card == head.card:
                raise NothingChanged()
            self._check_loadable(plan.card)
            changes = diff_cards(head.card, plan.card)
            if self._insert_version(head.version + 1, plan, changes, user_id, channel_id):
                return Change(head.version + 1, head.card, plan.card, changes, plan.action)
            # Another instance took head.version + 1 meanwhile: start again from its card.
        raise TooManyConflicts()

    def _check_loadable(self, card: RateCard) -> None:
        """Refuse a card that would not load as every instance loads it, or that lacks a model in use.

        Exactly the card cache's steps (stored JSON -> card -> `PriceBook`): a card that validates but
        cannot be indexed would otherwise be saved, then fail every refresh and every restart.
        """
        try:
            loaded = card_from_json(card_to_json(card))
            PriceBook(loaded)
        except AdminInputError:
            raise
        except Exception as error:  # noqa: BLE001  # whatever loading would raise later, refuse it now
            raise AdminInputError("invalid_card", reason=f"it could not be loaded ({type(error).__name__})") from error
        if loaded != card:
            raise AdminInputError("invalid_card", reason="it does not read back as saved")
        ids = {m.id for m in card.models}
        for model_id in sorted(self.required_models - ids):
            raise AdminInputError("default_model_removed", model=model_id)

    def _head(self) -> _Head:
        query = select(RateCardVersion.version, RateCardVersion.card_json).order_by(RateCardVersion.version.desc()).limit(1)
        with _database(), self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            # Not seeded yet (the database was down at start): seed, then read what won the race.
            self.ensure_seed()
            return self._head()
        return _Head(row.version, card_from_json(row.card_json))

    def _insert_version(
        self, version: int, plan: _Plan, changes: list[dict[str, Any]], user_id: str, channel_id: str | None
    ) -> bool:
        """Insert the version and its audit row in one transaction; False when the number is taken."""
        now = self._clock()
        stmt = self._insert(RateCardVersion).values(
            version=version, card_json=card_to_json(plan.card), created_at=now,
            created_by=user_id, action=plan.action, undoes=plan.undoes,
        )  # fmt: skip
        with _database(), self.engine.begin() as conn:
            if not self._inserted(conn, stmt):
                return False  # nothing written in this transaction yet, so leaving it changes nothing
            conn.execute(self._audit_row(version, now, user_id, channel_id, plan.action, changes))
        return True

    @staticmethod
    def _inserted(conn: Connection, stmt: Any) -> bool:
        """Run a version INSERT that yields to an existing row; True when this one went in.

        RETURNING rather than rowcount: SQLAlchemy only keeps an INSERT's rowcount on request, and
        psycopg then reports -1, which would read as "lost the race" forever.
        """
        stmt = stmt.on_conflict_do_nothing(index_elements=["version"]).returning(RateCardVersion.version)
        return conn.execute(stmt).scalar_one_or_none() is not None

    def _audit_row(
        self, version: int, at: dt.datetime, user_id: str, channel_id: str | None, action: str, changes: Sequence[dict[str, Any]]
    ) -> Any:
        return insert(RateCardAudit).values(
            version=version, at=at, user_id=user_id, channel_id=channel_id, action=action,
            changes_json=json.dumps(list(changes), ensure_ascii=False),
        )  # fmt: skip
