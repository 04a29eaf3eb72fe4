"""GET /readyz as a platform's readiness probe sees it, with PostgreSQL behind a proxy the test can cut."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fake_slack import FakeSlack
from pg import PG_PORT, TcpProxy, private_database, sqlalchemy_url
from slack_harness import BotServer, eventually, start_bot

ADMIN = "U0ADMIN"
#: Generous: the card poller reconnects to a database that comes back on its own schedule.
READY_WITHIN = 15.0


def readyz(bot: BotServer) -> tuple[int, dict[str, Any]]:
    response = httpx.get(f"{bot.url}/readyz", timeout=5)
    return response.status_code, response.json()


@pytest.fixture
def proxied_database() -> Iterator[tuple[TcpProxy, str]]:
    with private_database("gc_readyz") as (user, dbname):
        proxy = TcpProxy(PG_PORT)
        try:
            yield proxy, sqlalchemy_url(user, dbname, port=proxy.port)
        finally:
            proxy.close()


def test_not_ready_until_the_first_card_is_read_then_ready(
    proxied_database: tuple[TcpProxy, str], fake_slack: FakeSlack, tmp_path: Path
) -> None:
    proxy, url = proxied_database
    proxy.cut()  # the database is down before the instance starts
    bot = start_bot(fake_slack, url, tmp_path)
    try:
        assert readyz(bot) == (503, {"ready": False, "card_version": None, "database": "unreachable"})
        assert httpx.get(f"{bot.url}/healthz", timeout=5).status_code == 200  # alive, just not ready
        proxy.restore()
        status, body = eventually(lambda: (r := readyz(bot))[0] == 200 and r, READY_WITHIN)
        assert body == {"ready": True, "card_version": 1, "database": "reachable"}
    finally:
        bot.stop()


def test_an_outage_after_start_stays_ready_and_says_the_database_is_unreachable(
    proxied_database: tuple[TcpProxy, str], fake_slack: FakeSlack, tmp_path: Path
) -> None:
    proxy, url = proxied_database
    bot = start_bot(fake_slack, url, tmp_path, ADMIN_USER_IDS=ADMIN)
    try:
        assert readyz(bot) == (200, {"ready": True, "card_version": 1, "database": "reachable"})
        assert bot.command("admin set 2.5 flash input 0.35", user=ADMIN).status_code == 200
        assert eventually(lambda: readyz(bot)[1]["card_version"] == 2, READY_WITHIN)
        proxy.cut()
        status, body = eventually(lambda: (r := readyz(bot))[1]["database"] == "unreachable" and r, READY_WITHIN)
        # Still answering from version 2, so still ready: the card in memory is served.
        assert (status, body["card_version"]) == (200, 2)
        assert "$0.35" in bot.command("1M in on 2.5 flash").text
        started = time.monotonic()
        assert httpx.get(f"{bot.url}/healthz", timeout=5).status_code == 200
        assert time.monotonic() - started < 1.0  # never waits on the database
        proxy.restore()
        assert eventually(lambda: readyz(bot) == (200, {"ready": True, "card_version": 2, "database": "reachable"}), READY_WITHIN)
    finally:
        bot.stop()


def test_a_corrupt_stored_card_is_not_an_unreachable_database(
    proxied_database: tuple[TcpProxy, str], fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """Issue 17 item 12: the database answers; only its newest card is refused (the last good one is served)."""
    from sqlalchemy import create_engine, insert

    from bot.store.card_versions import RateCardVersion
    from bot.store.database import utcnow

    proxy, url = proxied_database
    bot = start_bot(fake_slack, url, tmp_path, ADMIN_USER_IDS=ADMIN)
    engine = create_engine(url)
    try:
        assert readyz(bot) == (200, {"ready": True, "card_version": 1, "database": "reachable"})
        with engine.begin() as conn:
            conn.execute(insert(RateCardVersion).values(version=2, card_json='{"models": "not a card"}', created_at=utcnow(),
                                                        created_by="U0OLD", action="import"))  # fmt: skip
        # The poller reads v2 and refuses it (logged); readiness still says what is true of the database.
        assert eventually(lambda: "could not be loaded" in (tmp_path / next(p.name for p in tmp_path.glob("bot-*.log"))).read_text(), READY_WITHIN)
        assert readyz(bot) == (200, {"ready": True, "card_version": 1, "database": "reachable"})
    finally:
        engine.dispose()
        bot.stop()


def test_a_frozen_database_is_unreachable_within_the_probe_deadline(
    proxied_database: tuple[TcpProxy, str], fake_slack: FakeSlack, tmp_path: Path
) -> None:
    proxy, url = proxied_database
    bot = start_bot(fake_slack, url, tmp_path)
    try:
        assert readyz(bot)[1]["database"] == "reachable"
        proxy.freeze()
        # Each probe answers within its own deadline (httpx's 5 s), and says the database is not answering.
        assert eventually(lambda: readyz(bot) == (200, {"ready": True, "card_version": 1, "database": "unreachable"}), READY_WITHIN)
        proxy.thaw()
        assert eventually(lambda: readyz(bot)[1]["database"] == "reachable", READY_WITHIN)
    finally:
        proxy.thaw()
        bot.stop()
