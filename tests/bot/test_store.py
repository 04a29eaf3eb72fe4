"""The store: language choices, and at-most-once claims that hold across threads and instances."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.store.database import Store


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 20, 12, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now


def make_store(tmp_path: Path, clock: Clock | None = None) -> Store:
    store = Store.from_url(f"sqlite:///{tmp_path / 'bot.db'}", **({"clock": clock} if clock else {}))
    store.create_schema()
    return store


def test_language_choice_set_changed_and_forgotten(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    assert store.get_lang("U1") is None
    store.set_lang("U1", "zh_CN")
    store.set_lang("U1", "zh_TW")
    assert store.get_lang("U1") == "zh_TW"
    # Another store on the same file (a restarted or second instance) sees it.
    assert make_store(tmp_path).get_lang("U1") == "zh_TW"
    store.set_lang("U1", None)
    assert store.get_lang("U1") is None


def test_an_event_is_claimed_once_even_by_racing_instances(tmp_path: Path) -> None:
    stores = [make_store(tmp_path) for _ in range(3)]
    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(lambda i: stores[i % 3].claim_event("Ev0001"), range(24)))
    assert results.count(True) == 1
    assert stores[0].claim_event("Ev0002") is True


def test_a_thread_is_answered_at_most_once_per_cooldown(tmp_path: Path) -> None:
    clock = Clock()
    store = make_store(tmp_path, clock)
    cooldown = dt.timedelta(minutes=10)
    assert store.claim_thread("C1", "100.1", cooldown) is True
    assert store.claim_thread("C1", "100.1", cooldown) is False
    assert store.claim_thread("C1", "200.2", cooldown) is True  # another thread
    clock.now += dt.timedelta(minutes=9)
    assert store.claim_thread("C1", "100.1", cooldown) is False
    clock.now += dt.timedelta(minutes=2)
    assert store.claim_thread("C1", "100.1", cooldown) is True


def test_old_event_ids_are_pruned(tmp_path: Path) -> None:
    clock = Clock()
    store = make_store(tmp_path, clock)
    store.claim_event("Ev-old")
    clock.now += dt.timedelta(days=2)
    store.claim_event("Ev-new")
    assert store.prune_events() == 1
    assert store.claim_event("Ev-new") is False
