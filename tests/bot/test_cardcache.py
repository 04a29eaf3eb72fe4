"""The in-memory card: other instances' changes arrive within 2 s, and a database outage never stops answers."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pg import PG_PORT, TcpProxy, empty_database, private_database, sqlalchemy_url
from sqlalchemy import Engine, func, select

from bot.store.card_cache import CardCache
from bot.store.card_versions import CardVersion, DatabaseUnavailable, RateCardVersion, RateStore
from bot.store.database import Store
from pricing import PriceBook, RateCard, Usage, estimate, load_card
from pricing.edits import set_price

SEED = load_card()
TODAY = dt.date(2027, 1, 4)
FLASH = "gemini-2.5-flash"  # input $0.30 per 1M on the shipped card
POLL = 0.05  # test caches poll fast; the deadlines below are what the product promises


def set_flash_input(price: str) -> Callable[[RateCard], RateCard]:
    return lambda card: set_price(card, FLASH, "input", Decimal(price), long_context=False, today=TODAY)


def flash_cost(book: PriceBook) -> Decimal:
    """1M input tokens on 2.5 Flash: 1M x the input rate."""
    return estimate(book, Usage(input_tokens=1_000_000), book.resolve(FLASH)).total


#: Generous: a wait ends as soon as its condition holds; only a loaded machine gets near it.
DEADLINE = 15.0


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture(scope="module")
def pg_database() -> Iterator[tuple[str, str]]:
    with private_database("gc_cardcache") as found:
        yield found


class Instance:
    """One bot instance's rate machinery: its own engine, store and cache."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = Store.from_url(url).engine
        Store(self.engine).create_schema()
        self.store = RateStore(self.engine, SEED)
        self.store.ensure_seed()
        self.cache = CardCache(self.store, interval=POLL)
        self.cache.start()

    def close(self) -> None:
        self.cache.stop()
        self.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rates.db'}"
    user, dbname = request.getfixturevalue("pg_database")
    url = sqlalchemy_url(user, dbname)
    empty_database(url)  # each test starts from an empty database
    return url


@pytest.fixture
def instances(db_url: str) -> Iterator[Callable[[], Instance]]:
    made: list[Instance] = []

    def make() -> Instance:
        made.append(Instance(db_url))
        return made[-1]

    yield make
    for instance in made:
        instance.close()


def test_a_change_through_one_instance_is_answered_by_the_other_within_2_seconds(
    instances: Callable[[], Instance],
) -> None:
    first, second = instances(), instances()
    assert flash_cost(second.cache.book()) == Decimal("0.30")  # 1M x $0.30

    change = first.store.change(set_flash_input("0.35"), user_id="U1", channel_id="C1", action="set")
    assert first.cache.refresh_now(change) == 2  # the writer uses its own change at once
    assert flash_cost(first.cache.book()) == Decimal("0.35")
    assert wait_until(lambda: flash_cost(second.cache.book()) == Decimal("0.35"), DEADLINE)  # 1M x $0.35
    assert second.cache.version == 2 and second.cache.healthy


def test_a_cache_starts_from_the_stored_card_not_the_seed(instances: Callable[[], Instance]) -> None:
    first = instances()
    first.store.change(set_flash_input("0.40"), user_id="U1", channel_id=None, action="set")
    restarted = instances()  # start() reads the stored card before returning
    assert restarted.cache.version == 2
    assert flash_cost(restarted.cache.book()) == Decimal("0.40")  # 1M x $0.40


class CountingStore(RateStore):
    """A store that counts every database call, to show `book()` makes none."""

    calls = 0

    def latest_version(self) -> int:
        CountingStore.calls += 1
        return super().latest_version()

    def load(self, version: int) -> CardVersion:
        CountingStore.calls += 1
        return super().load(version)


def test_book_never_touches_the_database(tmp_path: Path) -> None:
    engine = Store.from_url(f"sqlite:///{tmp_path / 'rates.db'}").engine
    store = CountingStore(engine, SEED)
    cache = CardCache(store)  # not started: no background polls to count
    cache.refresh_now()
    calls = CountingStore.calls
    books = {id(cache.book()) for _ in range(1000)}
    assert CountingStore.calls == calls and len(books) == 1
    engine.dispose()


def test_a_cache_started_while_the_database_is_down_serves_the_seed_and_recovers_by_itself(tmp_path: Path) -> None:
    # The SQLite file's directory does not exist yet: every connection fails until it is made.
    folder = tmp_path / "later"
    engine = Store.from_url(f"sqlite:///{folder / 'rates.db'}").engine
    cache = CardCache(RateStore(engine, SEED), interval=POLL)
    cache.start()
    try:
        assert (cache.version, cache.healthy) == (0, False)
        assert cache.book().card == SEED
        folder.mkdir()  # the database "comes back", empty: the cache creates the tables and seeds it
        assert wait_until(lambda: cache.healthy and cache.version == 1, DEADLINE)
    finally:
        cache.stop()
        engine.dispose()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RateCardVersion)).scalar_one() == 1


# --- PostgreSQL going away mid-test (through a proxy we cut; the real cluster keeps running) -------


@pytest.fixture
def proxied_pg(pg_database: tuple[str, str]) -> Iterator[tuple[str, TcpProxy]]:
    user, dbname = pg_database
    empty_database(sqlalchemy_url(user, dbname))
    proxy = TcpProxy(PG_PORT)
    yield sqlalchemy_url(user, dbname, port=proxy.port), proxy
    proxy.close()


def test_the_database_stopped_mid_test_and_restarted(
    proxied_pg: tuple[str, TcpProxy], pg_database: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    url, proxy = proxied_pg
    direct = sqlalchemy_url(*pg_database)  # a second instance that keeps its database throughout
    cut_off, other = Instance(url), Instance(direct)
    try:
        change = cut_off.store.change(set_flash_input("0.35"), user_id="U1", channel_id=None, action="set")
        cut_off.cache.refresh_now(change)
        caplog.set_level(logging.INFO, logger="bot.store.card_cache")

        proxy.cut()
        assert wait_until(lambda: not cut_off.cache.healthy, DEADLINE)
        assert flash_cost(cut_off.cache.book()) == Decimal("0.35")  # answers go on from the last card
        with pytest.raises(DatabaseUnavailable):
            cut_off.store.change(set_flash_input("0.50"), user_id="U1", channel_id=None, action="set")
        assert other.store.latest_version() == 2  # the refused change wrote nothing
        # Meanwhile another instance changes the card; the cut-off one cannot see it yet.
        other.store.change(set_flash_input("0.45"), user_id="U2", channel_id=None, action="set")
        for _ in range(3):
            cut_off.cache.refresh_now()  # several failed polls...
        downs = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(downs) == 1  # ...but one warning per outage
        assert cut_off.cache.version == 2

        proxy.restore()
        # Nobody restarts anything: the poll finds the database and the newer card by itself.
        assert wait_until(lambda: cut_off.cache.healthy and flash_cost(cut_off.cache.book()) == Decimal("0.45"), DEADLINE)
        assert [r.levelno for r in caplog.records if "reachable again" in r.getMessage()] == [logging.INFO]
        again = cut_off.store.change(set_flash_input("0.50"), user_id="U1", channel_id=None, action="set")
        assert again.version == 4 and again.before.model(FLASH).input.standard == Decimal("0.45")
        assert wait_until(lambda: flash_cost(other.cache.book()) == Decimal("0.50"), DEADLINE)  # 1M x $0.50
    finally:
        cut_off.close()
        other.close()
