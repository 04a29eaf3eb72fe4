"""The deployed `web` process with PostgreSQL behind a proxy that freezes (a host crash or a partition:
no RST, connections stay open, nothing comes back). Issue 17: nothing the bot answers may wait on it.

Slack's 3 s is a contract, not a benchmark: each request is sent with a 3 s client timeout, so a late
answer fails the test as Slack would drop it.
"""

from __future__ import annotations

import html
import json
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fake_slack import FakeSlack
from pg import PG_PORT, TcpProxy, private_database, sqlalchemy_url
from slack_harness import BotServer, eventually, new_id, settle, sign, start_bot

ADMIN = "U0ADMIN"
SLACK_DEADLINE = 3.0
#: Heroku's stop timeout: SIGTERM, then SIGKILL 30 s later.
STOP_DEADLINE = 30.0


@pytest.fixture
def proxied() -> Iterator[tuple[TcpProxy, str]]:
    with private_database("gc_freeze") as (user, dbname):
        proxy = TcpProxy(PG_PORT)
        try:
            yield proxy, sqlalchemy_url(user, dbname, port=proxy.port)
        finally:
            proxy.close()


def command(bot: BotServer, text: str, user: str = "U0EN") -> str:
    """The answer to `/gemini-cost <text>`, which must come within Slack's deadline."""
    response = _timed_command(bot, text, user)
    assert response.status_code == 200, response.text
    return html.unescape(str(json.loads(response.text)["text"]))


def _timed_command(bot: BotServer, text: str, user: str) -> httpx.Response:
    return bot.command(text, user=user, timeout=SLACK_DEADLINE)


def deliver(bot: BotServer, event: dict[str, object], event_id: str, retry: int) -> int:
    """One delivery of an event as Slack makes it (a retry says so in its headers); the status code."""
    body = json.dumps({"team_id": "T0TEST", "api_app_id": "A0TEST", "type": "event_callback", "event_id": event_id,
                       "event_time": int(time.time()), "event": event})  # fmt: skip
    headers = {"Content-Type": "application/json", **sign(body)}
    if retry:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    return httpx.post(f"{bot.url}/slack/events", content=body.encode(), headers=headers, timeout=SLACK_DEADLINE).status_code


def test_a_frozen_database_stops_no_answer_no_event_twice_and_not_the_shutdown(
    proxied: tuple[TcpProxy, str], fake_slack: FakeSlack, tmp_path: Path
) -> None:
    proxy, url = proxied
    bot = start_bot(fake_slack, url, tmp_path, ADMIN_USER_IDS=ADMIN)
    stopped = False
    try:
        assert "$0.30" in command(bot, "1M in on 2.5 flash")  # the pool holds live connections now
        proxy.freeze()

        # Every slash command is answered inside Slack's deadline, several times over, from several users.
        for user in ("U0EN", "U0ZH", "U0TW", "U0NEW1", "U0NEW2", "U0NEW3"):
            assert "$" in command(bot, "1M in 50k out on 2.5 pro", user=user)
        # An admin change cannot be saved: it says so in time, and leaves no trace (checked after the thaw).
        refused = command(bot, "admin set 2.5 flash input 0.41", user=ADMIN)
        assert "database can't be reached" in refused
        # A language choice that cannot be saved says so, not the generic apology (item 18).
        assert "couldn't save your language choice" in command(bot, "lang en", user="U0NEW4")

        # One DM delivered three times (Slack retrying): each delivery acked in time, one answer.
        channel = new_id("D")
        dm = {"type": "message", "channel_type": "im", "channel": channel, "user": "U0EN", "text": "2M in on 2.5 flash",
              "ts": f"{time.time():.6f}"}  # fmt: skip
        event_id = new_id("Ev")
        assert [deliver(bot, dm, event_id, retry) for retry in range(3)] == [200, 200, 200]
        fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
        settle(bot)
        assert len(fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1

        # Readiness says what is true: still serving its card, the database not answering.
        ready = httpx.get(f"{bot.url}/readyz", timeout=SLACK_DEADLINE)
        assert (ready.status_code, ready.json()["database"]) == (200, "unreachable")

        # SIGTERM while the database is still frozen: the process ends inside the platform's stop timeout.
        bot.process.send_signal(signal.SIGTERM)
        try:
            bot.process.wait(timeout=STOP_DEADLINE)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the web process did not stop within {STOP_DEADLINE:.0f} s of SIGTERM with the database frozen")
        stopped = True
        assert bot.process.returncode == 0
    finally:
        if not stopped:
            bot.stop()
        proxy.thaw()

    # After the thaw, the refused admin change is nowhere: no version was added.
    after = start_bot(fake_slack, url, tmp_path, ADMIN_USER_IDS=ADMIN)
    try:
        history = eventually(lambda: command(after, "admin history", user=ADMIN), 10)
        assert "0.41" not in history
        assert "$0.30" in command(after, "1M in on 2.5 flash")
    finally:
        after.stop()
