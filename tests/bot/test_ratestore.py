"""The shared rate store on SQLite and PostgreSQL: versions, racing instances, audit, undo and rollback."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pg import empty_database, private_database, sqlalchemy_url
from sqlalchemy import Engine, func, select

from bot.store.card_versions import (
    DatabaseUnavailable,
    NothingChanged,
    NothingToUndo,
    RateCardAudit,
    RateCardVersion,
    RateStore,
    UnknownVersion,
    diff_cards,
)
from bot.store.database import Store
from pricing import PriceBook, RateCard, UnknownModel, load_card
from pricing.edits import AdminInputError, add_model, card_to_json, set_alias, set_price

SEED = load_card()
TODAY = dt.date(2027, 1, 4)
FLASH = "gemini-2.5-flash"  # input $0.30 on the shipped card
PRO = "gemini-2.5-pro"  # tiered: output $10.00, $15.00 over 200k


def set_rate(model: str, field: str, price: str, *, long_context: bool = False) -> Callable[[RateCard], RateCard]:
    return lambda card: set_price(card, model, field, Decimal(price), long_context=long_context, today=TODAY)


def rate(store: RateStore, model: str, field: str = "input") -> Decimal:
    return getattr(store.current().card.model(model), field).standard


# --- one private database per module, each test starting from empty tables ---------------------


@pytest.fixture(scope="module")
def pg_database() -> Iterator[tuple[str, str]]:
    with private_database("gc_ratestore") as found:
        yield found


class Instances:
    """Bot instances on one database: each its own engine (pool), as separate processes would have."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engines: list[Engine] = []

    def engine(self, *, schema: bool = True) -> Engine:
        store = Store.from_url(self.url)  # the app's engine settings (SQLite pragmas, pre-ping)
        if schema:
            store.create_schema()
        self.engines.append(store.engine)
        return store.engine

    def store(self, *, seeded: bool = True) -> RateStore:
        rates = RateStore(self.engine(), SEED)
        if seeded:
            rates.ensure_seed()
        return rates

    def dispose(self) -> None:
        for engine in self.engines:
            engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def instances(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Instances]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'rates.db'}"
    else:
        user, dbname = request.getfixturevalue("pg_database")
        url = sqlalchemy_url(user, dbname)
        empty_database(url)
    found = Instances(url)
    yield found
    found.dispose()


def stored_rows(engine: Engine) -> tuple[list[int], int, str]:
    """(every version number, audit row count, the newest card_json as stored)."""
    with engine.connect() as conn:
        versions = list(conn.execute(select(RateCardVersion.version).order_by(RateCardVersion.version)).scalars())
        audits = conn.execute(select(func.count()).select_from(RateCardAudit)).scalar_one()
        newest = conn.execute(select(RateCardVersion.card_json).order_by(RateCardVersion.version.desc()).limit(1)).scalar_one()
    return versions, audits, newest


# --- seed, restart ------------------------------------------------------------------------------


def test_the_seed_is_version_1_and_equals_the_shipped_card(instances: Instances) -> None:
    store = instances.store()
    current = store.current()
    assert (current.version, current.action, current.created_by) == (1, "seed", "system")
    assert current.card == SEED
    assert stored_rows(store.engine) == ([1], 1, card_to_json(SEED))  # exactly card_to_json(seed)
    store.ensure_seed()  # a second start stores nothing more
    assert stored_rows(store.engine)[:2] == ([1], 1)


def test_two_instances_seeding_at_once_store_exactly_one_version_1(instances: Instances) -> None:
    # No tables yet: both instances also race to create them.
    stores = [RateStore(instances.engine(schema=False), SEED) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    errors: list[BaseException] = []

    def start(store: RateStore) -> None:
        barrier.wait()
        try:
            store.ensure_seed()
        except BaseException as error:  # noqa: BLE001  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stored_rows(stores[0].engine)[:2] == ([1], 1)


def test_a_restart_keeps_every_change(instances: Instances) -> None:
    store = instances.store()
    store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id="C1", action="set flash input 0.35")
    store.change(set_rate(PRO, "output", "11"), user_id="U2", channel_id=None, action="set pro output 11")
    instances.dispose()

    restarted = instances.store()  # new engine, new store, ensure_seed again as at start
    current = restarted.current()
    assert current.version == 3
    assert current.card.model(FLASH).input.standard == Decimal("0.35")
    pro_output = current.card.model(PRO).output
    assert pro_output is not None and pro_output.standard == Decimal(11)
    assert [e.action for e in restarted.history(10)] == ["set pro output 11", "set flash input 0.35", "seed"]


# --- concurrent writers -------------------------------------------------------------------------


def test_concurrent_changes_from_two_instances_are_all_kept(instances: Instances) -> None:
    first, second = instances.store(), instances.store()
    rounds = 10
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def admin(store: RateStore, model: str, field: str, base: Decimal) -> None:
        barrier.wait()
        try:
            for i in range(1, rounds + 1):
                price = base + Decimal(i) / 100
                store.change(set_rate(model, field, str(price)), user_id=f"U-{model}", channel_id="C1",
                             action=f"set {model} {field} {price}")  # fmt: skip
        except BaseException as error:  # noqa: BLE001  # reported below, not lost in the thread
            errors.append(error)

    threads = [
        threading.Thread(target=admin, args=(first, FLASH, "input", Decimal("0.30"))),
        threading.Thread(target=admin, args=(second, PRO, "output", Decimal("10.00"))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    versions, audits, _ = stored_rows(first.engine)
    assert versions == list(range(1, 2 * rounds + 2))  # contiguous: seed + 20 changes
    assert audits == 2 * rounds + 1  # one audit row per change, plus the seed's
    actions = {e.action for e in first.history(100)}
    assert {f"set {FLASH} input {Decimal('0.30') + Decimal(i) / 100}" for i in range(1, rounds + 1)} <= actions
    assert {f"set {PRO} output {Decimal('10.00') + Decimal(i) / 100}" for i in range(1, rounds + 1)} <= actions
    # Both admins' last figures are on the final card: neither overwrote the other.
    assert rate(second, FLASH) == Decimal("0.40")  # 0.30 + 10/100
    assert rate(first, PRO, "output") == Decimal("10.10")  # 10.00 + 10/100


# --- failing and empty edits --------------------------------------------------------------------


def _raise_midway(card: RateCard) -> RateCard:
    raise RuntimeError("an edit that breaks")


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (set_rate("gemini-9-ultra", "input", "1"), UnknownModel),
        (set_rate(FLASH, "speed", "1"), AdminInputError),
        (set_rate(FLASH, "input", "2", long_context=True), AdminInputError),  # flash has no >200k tier
        (lambda card: add_model(card, FLASH, PRO, name=None, today=TODAY), AdminInputError),
        (lambda card: card, NothingChanged),
        (set_rate(FLASH, "input", "0.350"), NothingChanged),  # what the card already says (0.350 == 0.35)
        (_raise_midway, RuntimeError),
    ],
    ids=["unknown-model", "unknown-field", "no-tier", "model-exists", "identity", "same-price", "crash"],
)
def test_a_failing_edit_leaves_the_stored_card_byte_for_byte_unchanged(
    instances: Instances, edit: Callable[[RateCard], RateCard], error: type[BaseException]
) -> None:
    store = instances.store()
    store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id="C1", action="set")
    before = stored_rows(store.engine)
    with pytest.raises(error):
        store.change(edit, user_id="U1", channel_id="C1", action="bad")
    assert stored_rows(store.engine) == before


# --- undo and rollback --------------------------------------------------------------------------


def test_undo_walks_back_one_change_at_a_time_and_never_undoes_an_undo(instances: Instances) -> None:
    store = instances.store()
    v2 = store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id="C1", action="set a")
    v3 = store.change(set_rate(PRO, "output", "11"), user_id="U1", channel_id="C1", action="set b")

    undo_b = store.undo(user_id="U2", channel_id="C2")
    assert (undo_b.version, undo_b.action, undo_b.after) == (4, "undo", v2.after)
    undo_a = store.undo(user_id="U2", channel_id="C2")  # further back, not a redo of "set b"
    assert (undo_a.version, undo_a.after) == (5, SEED)
    with pytest.raises(NothingToUndo):
        store.undo(user_id="U2", channel_id="C2")
    assert store.latest_version() == 5

    # A new change after undos is undone first; then the walk carries on below it.
    v6 = store.change(set_alias_edit("flashy"), user_id="U1", channel_id=None, action="alias flashy")
    assert store.undo(user_id="U1", channel_id=None).after == v6.before == SEED
    with pytest.raises(NothingToUndo):
        store.undo(user_id="U1", channel_id=None)
    assert store.load(3).card == v3.after  # history itself is never rewritten


def set_alias_edit(alias: str) -> Callable[[RateCard], RateCard]:
    return lambda card: set_alias(card, alias, FLASH)


def test_rollback_stores_an_old_card_as_a_new_undoable_version(instances: Instances) -> None:
    store = instances.store()
    v2 = store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id="C1", action="set a")
    v3 = store.change(set_rate(FLASH, "input", "0.40"), user_id="U1", channel_id="C1", action="set b")

    back = store.rollback(2, user_id="U2", channel_id="C2")
    assert (back.version, back.action, back.before, back.after) == (4, "rollback 2", v3.after, v2.after)
    assert rate(store, FLASH) == Decimal("0.35")
    with pytest.raises(NothingChanged):  # already the card of version 2
        store.rollback(2, user_id="U2", channel_id="C2")
    with pytest.raises(UnknownVersion) as unknown:
        store.rollback(99, user_id="U2", channel_id="C2")
    assert unknown.value.version == 99
    assert store.undo(user_id="U2", channel_id="C2").after == v3.after  # the rollback itself is undoable
    assert store.rollback(1, user_id="U2", channel_id="C2").after == SEED
    assert stored_rows(store.engine)[:2] == ([1, 2, 3, 4, 5, 6], 6)


# --- audit --------------------------------------------------------------------------------------


def test_the_audit_shows_every_figure_before_and_after(instances: Instances) -> None:
    store = instances.store()
    store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id="C9", action=f"set {FLASH} input 0.35")
    store.undo(user_id="U2", channel_id=None)

    undo, change, seed = store.history(10)
    assert (change.version, change.user_id, change.channel_id, change.action) == (2, "U1", "C9", f"set {FLASH} input 0.35")
    assert {"path": f"models.{FLASH}.input.standard", "before": "0.30", "after": "0.35"} in change.changes
    assert {"path": f"models.{FLASH}.input.source", "before": "genai-prices", "after": "admin"} in change.changes
    assert {"path": "sources.admin.as_of", "before": None, "after": "2027-01-04"} in change.changes
    assert (undo.version, undo.user_id, undo.channel_id, undo.action) == (3, "U2", None, "undo")
    assert {"path": f"models.{FLASH}.input.standard", "before": "0.35", "after": "0.30"} in undo.changes
    assert (seed.version, seed.action, seed.changes) == (1, "seed", [])
    assert isinstance(change.at, dt.datetime) and change.at.tzinfo is None  # naive UTC, like bot/store/database.py
    assert [e.version for e in store.history(2)] == [3, 2]


def test_the_diff_keys_models_by_id_and_lists_a_new_model_leaf_by_leaf() -> None:
    added = add_model(SEED, "gemini-9", FLASH, name=None, today=TODAY)
    changes = diff_cards(SEED, added)
    assert {"path": "models.gemini-9.input.standard", "before": None, "after": "0.30"} in changes
    assert {"path": "models.gemini-9.status", "before": None, "after": "preview"} in changes
    # Appending a model moves no other model's entries.
    assert all(c["path"].startswith(("models.gemini-9.", "sources.admin.")) for c in changes)
    aliased = set_alias(SEED, "flashy", FLASH)
    assert diff_cards(SEED, aliased) == [{"path": f"models.{FLASH}.aliases", "before": [], "after": ["flashy"]}]
    assert diff_cards(SEED, SEED) == []


def test_prices_from_the_stored_card_use_the_changed_rate(instances: Instances) -> None:
    store = instances.store()
    store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id=None, action="set")
    assert PriceBook(store.current().card).resolve("2.5 flash").input.standard == Decimal("0.35")


# --- database failures --------------------------------------------------------------------------


def test_every_method_reports_an_unreachable_database_as_database_unavailable(tmp_path: Path) -> None:
    # A SQLite file in a directory that does not exist cannot be opened: the driver fails to connect.
    store = RateStore(Store.from_url(f"sqlite:///{tmp_path / 'missing' / 'rates.db'}").engine, SEED)
    calls: list[Callable[[], object]] = [
        store.ensure_seed,
        store.latest_version,
        store.current,
        lambda: store.load(1),
        lambda: store.history(5),
        lambda: store.change(set_rate(FLASH, "input", "0.35"), user_id="U1", channel_id=None, action="set"),
        lambda: store.undo(user_id="U1", channel_id=None),
        lambda: store.rollback(1, user_id="U1", channel_id=None),
    ]
    for call in calls:
        with pytest.raises(DatabaseUnavailable) as caught:
            call()
        assert caught.value.code == "database_unavailable" and caught.value.__cause__ is not None


def test_a_card_stored_before_price_variants_gets_the_datas_at_start_once(instances: Instances) -> None:
    # An earlier release stored 2.5 Pro with one batch share (50% of every token rate) and no variants.
    old_pro = SEED.model("gemini-2.5-pro").model_copy(update={"variants": (), "batch_multiplier": Decimal("0.5")})
    old_card = SEED.model_copy(update={"models": tuple(old_pro if m.id == "gemini-2.5-pro" else m for m in SEED.models)})
    first = instances.store()
    first.change(lambda _card: old_card, user_id="U0OLD", channel_id=None, action="import")  # v2: the old card
    assert first.current().card.model("gemini-2.5-pro").variants == ()

    upgraded = first.adopt_seed_variants()
    assert upgraded is not None and upgraded.version == 3
    pro = first.current().card.model("gemini-2.5-pro")
    assert pro.variants == SEED.model("gemini-2.5-pro").variants and pro.batch_multiplier is None
    assert [entry.action for entry in first.history(1)] == ["price variants from the data"]  # audited, undoable
    # Another instance starting next finds nothing left to add: no second version.
    assert instances.store().adopt_seed_variants() is None
    assert first.latest_version() == 3
