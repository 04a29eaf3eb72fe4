"""Once-only claims under faults (issue 17 items 2 and 10), and a write that cannot land after its caller gave up."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event, select

from bot.slack import workers
from bot.slack.claims import Claims
from bot.slack.workers import BlockingCalls, OutcomeUnknown, TooSlow
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


def _slow_commits(store: Store, seconds: float) -> None:
    """Every commit on this store takes ``seconds`` once begun (after the bot's own commit check has let it through)."""
    event.listen(store.engine, "commit", lambda _conn: time.sleep(seconds))


def _write(store: Store, key: str) -> str:
    with store.engine.begin() as conn:
        conn.execute(store.insert(HandledEvent).values(event_key=key, handled_at=store.now()))
    return "saved"


def _keys(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(select(HandledEvent.event_key)).scalars())


def test_a_write_whose_commit_began_in_time_is_waited_for(store: Store) -> None:
    """On a loaded machine a commit begun inside the budget landed after the admin was told "nothing was saved"
    (the concurrent-admin test caught it): a caller of `writing` now waits for a commit underway and reports it."""
    _slow_commits(store, 0.8)

    async def call() -> str:
        calls = BlockingCalls(1, "test")
        try:
            return await calls.writing(0.3, _write, store, "Ev-slow-commit")
        finally:
            calls.shutdown()

    assert asyncio.run(call()) == "saved"
    assert "Ev-slow-commit" in _keys(store)


def test_a_write_given_up_before_its_commit_is_refused_and_said_so(store: Store) -> None:
    release = threading.Event()

    def late_write() -> str:
        release.wait(10)  # the database "comes back" after the caller stopped waiting
        return _write(store, "Ev-given-up")

    async def call() -> None:
        calls = BlockingCalls(1, "test")
        with pytest.raises(TooSlow) as raised:
            await calls.writing(0.2, late_write)
        assert not isinstance(raised.value, OutcomeUnknown)  # nothing was saved, and that is what is said
        release.set()
        calls.shutdown()

    asyncio.run(call())
    for _ in range(200):  # the worker thread ends on its own, its commit refused: poll for its end
        if not any(t.name.startswith("test") and t.is_alive() for t in threading.enumerate()):
            break
        time.sleep(0.05)
    assert "Ev-given-up" not in _keys(store)


def test_a_commit_that_does_not_end_is_reported_as_unconfirmed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "COMMIT_WAIT", 0.2)
    _slow_commits(store, 1.5)

    async def call() -> None:
        calls = BlockingCalls(1, "test")
        with pytest.raises(OutcomeUnknown):
            await calls.writing(0.2, _write, store, "Ev-unconfirmed")
        calls.shutdown()

    asyncio.run(call())
