"""The answer-once claims and language choices on a real PostgreSQL, as several instances would share it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pg import private_database, sqlalchemy_url

from bot.store.database import Store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with private_database("gc_store") as (user, dbname):
        found = Store.from_url(sqlalchemy_url(user, dbname))
        found.create_schema()
        yield found
        found.dispose()


def test_an_event_is_claimed_exactly_once(store: Store) -> None:
    # psycopg reports rowcount -1 for INSERT ... ON CONFLICT: the claim must not depend on it
    assert store.claim_event("Ev0PG1") is True
    assert store.claim_event("Ev0PG1") is False


def test_a_thread_is_answered_once_per_cooldown(store: Store) -> None:
    assert store.claim_thread("C0PG", "1.0001", dt.timedelta(minutes=10)) is True
    assert store.claim_thread("C0PG", "1.0001", dt.timedelta(minutes=10)) is False


def test_language_choice_round_trip(store: Store) -> None:
    store.set_lang("U0PG", "zh_CN")
    assert store.get_lang("U0PG") == "zh_CN"
    store.set_lang("U0PG", None)
    assert store.get_lang("U0PG") is None
