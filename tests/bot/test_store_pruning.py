"""Pruning old claims on SQLite and PostgreSQL: never at the cost of a claim, thread rows too (issue 10, item 11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import private_database, sqlalchemy_url
from sqlalchemy import func, select, text

from bot.slack.users import SlackUsers
from bot.store.database import HandledEvent, Store, ThreadReply


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 12, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'prune.db'}"
        return
    with private_database("gc_prune") as (user, dbname):
        yield sqlalchemy_url(user, dbname)


def make(url: str, clock: Clock, prune_every: int) -> Store:
    store = Store.from_url(url, clock=clock, prune_every=prune_every)
    store.create_schema()
    return store


def refuse_deletes(store: Store) -> None:
    """Make every DELETE on handled_events fail inside the database (a lock timeout, a revoked grant...)."""
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER no_prune BEFORE DELETE ON handled_events "
                              "BEGIN SELECT RAISE(ABORT, 'pruning refused'); END"))  # fmt: skip
        else:
            conn.execute(text("CREATE FUNCTION no_prune() RETURNS trigger LANGUAGE plpgsql AS "
                              "$$ BEGIN RAISE EXCEPTION 'pruning refused'; END $$"))  # fmt: skip
            conn.execute(text("CREATE TRIGGER no_prune BEFORE DELETE ON handled_events "
                              "FOR EACH STATEMENT EXECUTE FUNCTION no_prune()"))  # fmt: skip


def test_a_failed_prune_does_not_cost_the_claim(url: str, caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    store = make(url, clock, prune_every=2)
    assert store.claim_event("Ev0OLD") is True
    clock.now += dt.timedelta(days=2)  # Ev0OLD is now prunable
    refuse_deletes(store)
    # the second claim is the one that prunes: it fails, yet the claim stands and is reported as won
    assert store.claim_event("Ev0NEW") is True
    assert store.claim_event("Ev0NEW") is False  # Slack's retry is a duplicate, and the first was answered
    assert "pruning old event ids failed" in caplog.text
    store.dispose()


def test_old_thread_replies_are_pruned_with_the_event_ids(url: str) -> None:
    clock = Clock()
    store = make(url, clock, prune_every=2)
    assert store.claim_thread("C0OLD", "1.0001", dt.timedelta(minutes=10)) is True
    assert store.claim_event("Ev0A") is True
    clock.now += dt.timedelta(days=2)
    assert store.claim_thread("C0NEW", "2.0001", dt.timedelta(minutes=10)) is True
    assert store.claim_event("Ev0B") is True  # the second claim prunes
    with store.engine.connect() as conn:
        threads = conn.execute(select(ThreadReply.channel)).scalars().all()
        events = conn.execute(select(func.count()).select_from(HandledEvent)).scalar_one()
    assert threads == ["C0NEW"] and events == 1
    store.dispose()


def test_the_users_cache_is_bounded(fake_slack) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from slack_sdk.web.async_client import AsyncWebClient

    users = SlackUsers(AsyncWebClient(base_url=fake_slack.api_url, token="xoxb-test"), size=3)

    def ask(user: str) -> None:
        asyncio.run(users.info(user, max_age=300, failure_max_age=300))

    for user in ("U0EN", "U0ZH", "U0JA", "U0TW", "U0NOBODY"):
        ask(user)
    assert len(users) == 3
    # the newest stay: asking about them again costs no call
    before = len(fake_slack.find("users.info"))
    ask("U0NOBODY")
    ask("U0TW")
    assert len(fake_slack.find("users.info")) == before


# -- conversation readings (issue 17 item 9): pruned by age, not by a count of writes --------------------


def test_old_conversation_readings_go_at_the_first_write_after_start_and_then_hourly(url: str) -> None:
    from bot.store.conversations import FOLLOW_UP_WINDOW, PRUNE_INTERVAL, ConversationReading, Conversations

    clock = Clock()
    store = make(url, clock, prune_every=500)
    Conversations(store).remember("C1:1.0", "1M in on 2.5 flash")
    clock.now += FOLLOW_UP_WINDOW + dt.timedelta(minutes=1)  # C1's reading is now past any follow-up

    def kept() -> set[str]:
        with store.engine.connect() as conn:
            return set(conn.execute(select(ConversationReading.conversation)).scalars())

    restarted = Conversations(store)  # a daily restart: a fresh process, no count of writes
    restarted.remember("C2:2.0", "2M in")
    assert kept() == {"C2:2.0"}
    clock.now += FOLLOW_UP_WINDOW + dt.timedelta(minutes=1)
    restarted.remember("C3:3.0", "3M in")  # an hour and more since the last prune: C2 goes too
    assert kept() == {"C3:3.0"}
    assert PRUNE_INTERVAL <= dt.timedelta(hours=1)
