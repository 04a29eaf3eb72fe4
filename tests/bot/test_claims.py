"""Once-only claims under faults (issue 17 items 2 and 10), and a write that cannot land after its caller gave up."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.slack.claims import Claims
from bot.slack.workers import BlockingCalls, TooSlow
from bot.store.database import DatabaseLate, HandledEvent, Store, caller_deadline


class FrozenStore(Store):
    """A store whose database stops answering until `thaw` (like a frozen connection: no error, no answer)."""

    def __init__(self, url: str) -> None:
        engine_store = Store.from_url(url)
        super().__init__(engine_store.engine)
        self.thawed = threading.Event()

    def claim_event(self, event_key: str) -> bool | None:
        self.thawed.wait(30)
        return super().claim_event(event_key)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.from_url(f"sqlite:///{tmp_path / 'c.db'}")
    s.create_schema()
    return s


def test_a_failed_claim_is_not_new(tmp_path: Path) -> None:
    broken = Store.from_url(f"sqlite:///{tmp_path / 'missing' / 'no.db'}")  # cannot even open: every call fails
    assert broken.claim_event("Ev1") is None  # not True: "new" was the duplicate answer of issue 17


def test_with_the_database_frozen_a_delivery_is_taken_once_by_this_instance(tmp_path: Path) -> None:
    frozen = FrozenStore(f"sqlite:///{tmp_path / 'f.db'}")
    frozen.create_schema()
    claims = Claims(frozen, BlockingCalls(4, "test", budget=5), budget=0.2)

    async def deliveries() -> list[bool]:
        return [await claims.first("Ev-frozen") for _ in range(3)]  # Slack's first delivery and two retries

    try:
        assert asyncio.run(deliveries()) == [True, False, False]
    finally:
        frozen.thawed.set()


def test_the_database_decides_when_it_answers(store: Store) -> None:
    claims = Claims(store, BlockingCalls(2, "test"))
    other_instance = Claims(store, BlockingCalls(2, "test"))

    async def both() -> tuple[bool, bool]:
        return await claims.first("Ev-db"), await other_instance.first("Ev-db")

    assert asyncio.run(both()) == (True, False)


def test_a_call_past_its_budget_cannot_commit_afterwards(store: Store) -> None:
    """The caller was told "not done" at its deadline; the late transaction rolls back instead of landing."""
    started, release = threading.Event(), threading.Event()

    def slow_claim() -> bool | None:
        started.set()
        release.wait(10)  # the database "comes back" after the caller stopped waiting
        return store.claim_event("Ev-late")

    async def call() -> None:
        calls = BlockingCalls(1, "test", budget=0.2)
        with pytest.raises(TooSlow):
            await calls.run(slow_claim)
        release.set()
        calls.shutdown()

    asyncio.run(call())
    # claim_event reports the refused commit as "could not say" and nothing was written
    deadline_passed = threading.Event()

    def wait_for_row() -> list[str]:
        with store.engine.connect() as conn:
            return list(conn.execute(select(HandledEvent.event_key)).scalars())

    for _ in range(200):  # the worker thread finishes on its own: poll for its end, generously
        if not any(t.name.startswith("test") and t.is_alive() for t in threading.enumerate()):
            break
        deadline_passed.wait(0.05)
    assert "Ev-late" not in wait_for_row()


def test_a_commit_inside_the_deadline_lands(store: Store) -> None:
    with caller_deadline(30):
        assert store.claim_event("Ev-on-time") is True
    with caller_deadline(-1), pytest.raises(DatabaseLate), store.engine.begin() as conn:
        conn.execute(store.insert(HandledEvent).values(event_key="Ev-too-late", handled_at=store.now()))
    with store.engine.connect() as conn:
        keys = set(conn.execute(select(HandledEvent.event_key)).scalars())
    assert "Ev-on-time" in keys and "Ev-too-late" not in keys
